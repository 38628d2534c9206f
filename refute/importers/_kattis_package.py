"""Reading one Kattis package into a draft, before anything runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Origin, PackageDraft, SourceFile, package_id
from ._generators import GeneratorPlan, read_generators
from ._kattis_meta import (
    DEFAULT_MEMORY_MB,
    check_type,
    memory_mb,
    problem_yaml,
    statement,
    text_field,
    time_limit_ms,
)
from ._kattis_programs import KattisSubmission, read_submissions
from ._kattis_tests import KattisTest, read_tests, test_names
from ._kattis_validators import checker, input_validator
from ._skip import Skip


@dataclass
class KattisPackage:
    """What was read from a Kattis package, before anything ran.

    ``secret`` holds the stored tests; ``plan`` the tests ``generators.yaml`` makes
    (``None`` without one), which replace them once made. ``references`` are the
    accepted submissions in the order they are tried as the reference (the draft holds
    the first): C++ first, then by name.
    """

    directory: Path
    id: str
    draft: PackageDraft
    secret: list[KattisTest]
    submissions: list[KattisSubmission]
    custom_checker: bool
    plan: GeneratorPlan | None = None
    notes: list[str] = field(default_factory=list)
    references: list[SourceFile] = field(default_factory=list)


def safe_submissions(directory: Path, categories: tuple[str, ...]) -> list[KattisSubmission]:
    """The submissions of ``categories``, or none when the folder cannot be read."""
    try:
        return read_submissions(directory, categories)
    except OSError:
        return []


def read_package(directory: Path, categories: tuple[str, ...] = ("wrong_answer",)) -> KattisPackage:
    """Read one package (nothing runs yet); raises ``Skip`` when it cannot be imported."""
    meta = problem_yaml(directory)
    check_type(meta)
    problem_id = package_id(directory.resolve().name)
    origin = directory.resolve().name
    name = text_field(meta.get("name"))
    text, title = statement(directory, name)
    samples = read_tests(directory / "data" / "sample", answers=True)
    if not samples:
        raise Skip("no samples: expected data/sample/*.in with .ans", cause="no samples")
    secret = read_tests(directory / "data" / "secret", answers=False)
    invalid = [
        test
        for folder in ("invalid_input", "invalid_inputs")
        for test in read_tests(directory / "data" / folder, answers=False)
    ]
    plan = read_generators(directory)
    validator = input_validator(directory, origin, meta)
    own_checker, settings = checker(directory, meta, origin, [*samples, *secret])
    references = [s for s in read_submissions(directory, ("accepted",)) if s.program]
    if not references:
        raise Skip(
            "no accepted submission in C, C++ or Python to serve as the reference",
            cause="no reference",
        )
    references.sort(key=lambda s: (s.program is None or s.program.extension != "cpp", s.name))
    programs = [s.program for s in references if s.program is not None]
    reference = programs[0]

    limits = meta.get("limits") if isinstance(meta.get("limits"), dict) else {}
    memory = (limits or {}).get("memory", DEFAULT_MEMORY_MB)
    credits = meta.get("credits")
    authors = text_field(meta.get("author")) or text_field(
        credits.get("authors") if isinstance(credits, dict) else credits
    )
    rights = text_field(meta.get("rights_owner"))
    attribution = "; ".join(
        part
        for part in (
            f"author: {authors}" if authors else "",
            f"rights owner: {rights}" if rights else "",
            f"converted from the Kattis problem package {origin!r}",
        )
        if part
    )
    keywords = meta.get("keywords") or []
    tags = tuple(keywords if isinstance(keywords, list) else str(keywords).split())
    draft = PackageDraft(
        id=problem_id,
        name=title,
        source=text_field(meta.get("source")) or "Kattis problem package",
        url=text_field(meta.get("source_url")),
        tags=tuple(str(tag) for tag in tags),
        time_limit_ms=time_limit_ms(directory, meta),
        memory_limit_mb=memory_mb(memory),
        license=text_field(meta.get("license")),
        attribution=attribution,
        checker_settings=settings,
        origin=Origin(importer="kattis", source=origin, id=origin),
        statement=text,
        examples=tuple(
            (name, t.input, t.answer or "")
            for name, t in zip(test_names(samples), samples, strict=True)
        ),
        invalid=tuple(
            (name, t.input) for name, t in zip(test_names(invalid), invalid, strict=True)
        ),
        reference=reference,
        validator=validator,
        checker=own_checker,
        incorrect=(),
    )
    return KattisPackage(
        directory=directory,
        id=problem_id,
        draft=draft,
        secret=secret,
        submissions=read_submissions(directory, categories),
        custom_checker=own_checker is not None,
        plan=plan,
        notes=list(plan.notes) if plan else [],
        references=programs,
    )
