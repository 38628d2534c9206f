"""The REFUTE dataset: rows of Codeforces problems, each with one incorrect submission."""

from __future__ import annotations

import ast
import asyncio
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..judge import Judge
from ..problems import Origin, PackageDraft, SourceFile, SubmissionDraft, package_id
from ..sandbox import Language, UnknownLanguageError
from ._errors import ImportSourceError
from ._report import ImportEntry, ImportReport, ImportStatus
from ._write import Publisher

SUBMISSION_NAME = "incorrect"
"""Each row's one incorrect submission: task id ``<problem-id>/incorrect``."""

REFERENCE_CPP = "C++20 (GCC 13-64)"
"""``correct_cpp`` compiles as C++20: Codeforces code of 2024 is C++17 or C++20, and C++20
accepts nearly all C++17 code."""

REFERENCE_PYTHON = "PyPy 3-64"
"""``correct_python`` runs on PyPy, as fast Python solutions on Codeforces do."""

ATTRIBUTION = (
    "Statement from Codeforces; incorrect submission, validator and failing input from the "
    "REFUTE benchmark (arXiv 2502.19414)."
)

_CODEFORCES_ID = re.compile(r"^(?:CF)?(\d+)[-_/ ]?([A-Za-z]\d?)$", re.IGNORECASE)
_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z ]*)$")


def codeforces_math(text: str) -> str:
    """Codeforces' ``$$$...$$$`` (inline) and ``$$$$$$...$$$$$$`` (display) to ``$``/``$$``.

    >>> codeforces_math("Given $$$n$$$ ($$$1 \\\\le n \\\\le 10^5$$$).")
    'Given $n$ ($1 \\\\le n \\\\le 10^5$).'
    >>> codeforces_math("$$$$$$\\\\sum a_i$$$$$$")
    '$$\\\\sum a_i$$'
    """
    return text.replace("$$$$$$", "\0").replace("$$$", "$").replace("\0", "$$")


def _amount(value: Any, units: dict[str, float], field: str) -> int:
    """An integer amount, also from strings such as ``"2 seconds"`` or ``"256 megabytes"``."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, found {value!r}")
    if isinstance(value, int | float):
        return round(value)
    if isinstance(value, str):
        match = _UNIT.match(value)
        if match:
            unit = match.group(2).strip().lower()
            if unit in units:
                return round(float(match.group(1)) * units[unit])
    raise ValueError(f"expected a number ({field}), found {value!r}")


class RefuteRow(BaseModel):
    """One row of the REFUTE dataset, as read (unknown fields are ignored).

    ``time_limit`` is in milliseconds and ``memory_limit`` in megabytes (strings such as
    ``"2 seconds"`` are read too); ``tags`` may be a list or its string form.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    problem_id: str
    statement: str
    input: str
    output: str
    example_input: str
    example_output: str
    note: str | None = None
    time_limit: int
    memory_limit: int
    problem_rating: int | None = None
    author_rating: int | None = None
    tags: tuple[str, ...] = ()
    wrong_code: str
    wrong_code_lang: str
    correct_cpp: str | None = None
    correct_python: str | None = None
    validator: str
    fail_tc: str

    @field_validator("problem_id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("time_limit", mode="before")
    @classmethod
    def _time(cls, value: Any) -> int:
        seconds = {"second": 1000.0, "seconds": 1000.0, "s": 1000.0, "sec": 1000.0}
        return _amount(value, {"": 1.0, "ms": 1.0, **seconds}, "milliseconds")

    @field_validator("memory_limit", mode="before")
    @classmethod
    def _memory(cls, value: Any) -> int:
        units = {"": 1.0, "mb": 1.0, "mib": 1.0, "megabytes": 1.0, "megabyte": 1.0}
        return _amount(value, {**units, "gb": 1024.0, "gigabytes": 1024.0}, "megabytes")

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    parsed = ast.literal_eval(text)
                except (ValueError, SyntaxError):
                    parsed = text.strip("[]").split(",")
            else:
                parsed = text.split(",")
            if not isinstance(parsed, list | tuple):
                raise ValueError(f"expected a list of tags, found {value!r}")
            return tuple(str(tag).strip().strip("'\"") for tag in parsed if str(tag).strip())
        return value


def read_refute_rows(source: str | Path, *, split: str | None = None) -> list[RefuteRow]:
    """Read REFUTE rows from a ``.json`` (a list), ``.jsonl`` or ``.parquet`` file, or
    from a dataset name through the ``datasets`` library (``pip install 'refute[hf]'``).

    Raises ``ImportSourceError`` naming each faulty row and field.

    >>> rows = read_refute_rows("refute.jsonl")         # doctest: +SKIP
    >>> rows[0].problem_id, rows[0].time_limit          # doctest: +SKIP
    ('2051F', 2000)
    """
    raw, label = _raw_rows(source, split)
    rows: list[RefuteRow] = []
    faults: list[str] = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            faults.append(f"{label}: row {number}: expected an object, found {type(item).__name__}")
            continue
        try:
            rows.append(RefuteRow.model_validate(item))
        except ValidationError as error:
            who = f"row {number}"
            if isinstance(item.get("problem_id"), str | int):
                who += f" (problem_id {str(item['problem_id'])!r})"
            for fault in error.errors():
                field = ".".join(str(part) for part in fault["loc"])
                message = "missing" if fault["type"] == "missing" else fault["msg"]
                faults.append(f"{label}: {who}: {field}: {message}")
    if faults:
        raise ImportSourceError(faults)
    return rows


def _raw_rows(source: str | Path, split: str | None) -> tuple[list[Any], str]:
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl", ".parquet"):
        if not path.is_file():
            raise ImportSourceError([f"{path}: no such file"])
        if suffix == ".parquet":
            return _parquet(path), str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ImportSourceError([f"{path}: cannot read: {error}"]) from error
        if suffix == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                raise ImportSourceError([f"{path}: invalid JSON: {error}"]) from error
            if not isinstance(data, list):
                raise ImportSourceError([f"{path}: expected a JSON list of rows"])
            return data, str(path)
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise ImportSourceError(
                        [f"{path}: line {number}: invalid JSON: {error}"]
                    ) from error
        return rows, str(path)
    if path.exists():
        raise ImportSourceError(
            [f"{path}: unknown kind of file: expected .json, .jsonl or .parquet"]
        )
    return _dataset(str(source), split), str(source)


def _parquet(path: Path) -> list[Any]:
    try:
        import pyarrow.parquet as parquet  # type: ignore[import-untyped, unused-ignore]
    except ImportError as error:
        raise ImportSourceError(
            [f"{path}: reading .parquet needs pyarrow: pip install 'refute[parquet]'"]
        ) from error
    try:
        rows: list[Any] = parquet.read_table(path).to_pylist()
    except Exception as error:  # pyarrow raises several kinds for a bad file
        raise ImportSourceError([f"{path}: cannot read parquet: {error}"]) from error
    return rows


def _dataset(name: str, split: str | None) -> list[Any]:
    try:
        import datasets  # type: ignore[import-not-found, unused-ignore]
    except ImportError as error:
        raise ImportSourceError(
            [
                f"{name!r} is not a .json, .jsonl or .parquet file; loading a dataset by name "
                "needs the datasets library: pip install 'refute[hf]'"
            ]
        ) from error
    try:
        loaded = datasets.load_dataset(name, split=split)
        if split is None:
            names = list(loaded.keys())
            if len(names) != 1:
                raise ImportSourceError(
                    [f"dataset {name!r} has splits {', '.join(names)}: choose one with --split"]
                )
            loaded = loaded[names[0]]
        return [dict(row) for row in loaded]
    except ImportSourceError:
        raise
    except Exception as error:  # the datasets library raises many kinds, network ones too
        raise ImportSourceError(
            [
                f"cannot load dataset {name!r}: {error}. Without network access, download it as "
                ".parquet or .jsonl elsewhere and import the file"
            ]
        ) from error


def refute_draft(row: RefuteRow, problem_id: str, source: str) -> PackageDraft:
    """The package for one row; raises ``ValueError`` when the row cannot become one."""
    try:
        language = Language.parse(row.wrong_code_lang)
    except UnknownLanguageError as error:
        raise ValueError(str(error)) from error
    if row.correct_cpp and row.correct_cpp.strip():
        reference = SourceFile(source=row.correct_cpp, extension="cpp", language=REFERENCE_CPP)
    elif row.correct_python and row.correct_python.strip():
        reference = SourceFile(source=row.correct_python, extension="py", language=REFERENCE_PYTHON)
    else:
        raise ValueError("no correct solution: correct_cpp and correct_python are both empty")
    name = f"Codeforces {row.problem_id}"
    match = _CODEFORCES_ID.match(row.problem_id.strip())
    url = (
        f"https://codeforces.com/contest/{match.group(1)}/problem/{match.group(2).upper()}"
        if match
        else None
    )
    sections = [
        f"# {name}",
        codeforces_math(row.statement.strip()),
        "## Input",
        codeforces_math(row.input.strip()),
        "## Output",
        codeforces_math(row.output.strip()),
    ]
    if row.note and row.note.strip():
        sections += ["## Note", codeforces_math(row.note.strip())]
    extension = language.extension
    return PackageDraft(
        id=problem_id,
        name=name,
        source="REFUTE benchmark (Codeforces)",
        url=url,
        rating=row.problem_rating,
        tags=row.tags,
        time_limit_ms=row.time_limit,
        memory_limit_mb=row.memory_limit,
        attribution=ATTRIBUTION,
        origin=Origin(importer="refute", source=source, id=row.problem_id),
        statement="\n\n".join(sections),
        examples=(("1", row.example_input, row.example_output),),
        reference=reference,
        validator=SourceFile(source=row.validator, extension="py"),
        incorrect=(
            SubmissionDraft(
                name=SUBMISSION_NAME,
                program=SourceFile(
                    source=row.wrong_code, extension=extension, language=row.wrong_code_lang
                ),
                fail_input=row.fail_tc,
                author_rating=row.author_rating,
            ),
        ),
    )


def refute_ids(rows: list[RefuteRow]) -> list[str]:
    """Package ids for rows, in order: the sanitised ``problem_id``; repeats get ``-2``...

    >>> refute_ids([RefuteRow.model_construct(problem_id=i) for i in ["1A", "1A", "2 B"]])
    ['1A', '1A-2', '2-B']
    """
    seen: dict[str, int] = {}
    ids = []
    for row in rows:
        base = package_id(row.problem_id)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


async def import_refute(
    source: str | Path,
    out: Path,
    judge: Judge,
    *,
    force: bool = False,
    split: str | None = None,
) -> ImportReport:
    """Import REFUTE rows into packages under ``out``; returns the report (also written to
    ``out/import-report.json``).

    Each row becomes one package with one task, ``<problem-id>/incorrect``, checked with
    ``check_task`` before it is moved into ``out``.

    Example::

        async with Sandbox() as sandbox:
            report = await import_refute("refute.jsonl", Path("imported"), Judge(sandbox.judge))
            print(report.summary())      # 3 written
    """
    rows = read_refute_rows(source, split=split)
    label = Path(source).name if Path(source).is_file() else str(source)
    report = ImportReport(importer="refute", out=str(out))
    publisher = Publisher(out, judge, force=force)

    async def one(number: int, row: RefuteRow, problem_id: str) -> list[ImportEntry]:
        where = f"{label} row {number}"
        try:
            draft = refute_draft(row, problem_id, label)
        except ValueError as error:
            return [
                ImportEntry(
                    id=problem_id, source=where, status=ImportStatus.SKIPPED, reasons=[str(error)]
                )
            ]
        return await publisher.publish(draft, where)

    results = await asyncio.gather(
        *(
            one(number, row, problem_id)
            for number, (row, problem_id) in enumerate(zip(rows, refute_ids(rows), strict=True), 1)
        )
    )
    report.entries = [entry for entries in results for entry in entries]
    out.mkdir(parents=True, exist_ok=True)
    report.write(out)
    return report
