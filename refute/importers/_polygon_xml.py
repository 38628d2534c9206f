"""Reading a Polygon package's ``problem.xml``: what it names, before anything runs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImporterError

PROBLEM_XML = "problem.xml"

WRONG_TAGS = (
    "wrong-answer",
    "time-limit-exceeded",
    "memory-limit-exceeded",
    "rejected",
    "presentation-error",
)
"""Solution tags whose programs are wrong on some test: each can become a task."""

CORRECT_TAGS = ("main", "accepted")
"""Solution tags whose programs pass every test: the reference is taken from these."""


class PolygonError(ImporterError):
    """``problem.xml`` is unreadable or does not describe a package we can read."""


@dataclass
class SourceRef:
    """A program named in ``problem.xml``: its path in the package and Polygon's type."""

    path: str
    type: str


@dataclass
class TestSpec:
    """One ``<test>`` of the main testset (1-based ``index`` as Polygon numbers them)."""

    index: int
    method: str
    cmd: str | None
    sample: bool
    from_file: str | None


@dataclass
class Solution:
    tag: str
    source: SourceRef


@dataclass
class CheckerSpec:
    """``<checker>``: ``name`` is ``std::lcmp.cpp`` for a standard one (else ``None``)."""

    name: str | None
    source: SourceRef | None


@dataclass
class ValidatorTest:
    index: int
    verdict: str
    group: str | None


@dataclass
class PolygonSpec:
    """Everything ``problem.xml`` says that the importer uses."""

    short_name: str | None
    url: str | None
    names: dict[str, str]
    statements: dict[str, str]
    """language -> path of the ``application/x-tex`` statement."""
    time_limit_ms: int
    memory_limit_bytes: int
    input_file: str
    output_file: str
    input_pattern: str
    answer_pattern: str | None
    tests: list[TestSpec]
    resources: list[SourceRef]
    executables: list[SourceRef]
    checker: CheckerSpec | None
    validators: list[SourceRef]
    validator_pattern: str | None
    validator_tests: list[ValidatorTest]
    solutions: list[Solution]
    interactive: bool
    tags: list[str] = field(default_factory=list)


def _int(element: ElementTree.Element | None, what: str) -> int:
    text = (element.text or "").strip() if element is not None else ""
    try:
        return int(text)
    except ValueError as error:
        raise PolygonError(f"{what}: {text!r} is not an integer") from error


def _source(element: ElementTree.Element | None) -> SourceRef | None:
    source = element.find("source") if element is not None else None
    if source is None or not source.get("path"):
        return None
    return SourceRef(path=str(source.get("path")), type=source.get("type", ""))


def read_spec(directory: Path) -> PolygonSpec:
    """Parse ``directory/problem.xml``; raises ``PolygonError`` naming the fault."""
    path = directory / PROBLEM_XML
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except ElementTree.ParseError as error:
        raise PolygonError(f"{PROBLEM_XML} does not parse: {error}") from error
    if root.tag != "problem":
        raise PolygonError(f"{PROBLEM_XML}: the root element is <{root.tag}>, not <problem>")
    names = {
        name.get("language", ""): name.get("value", "")
        for name in root.findall("names/name")
        if name.get("value")
    }
    statements = {
        statement.get("language", ""): str(statement.get("path"))
        for statement in root.findall("statements/statement")
        if statement.get("type") == "application/x-tex" and statement.get("path")
    }
    judging = root.find("judging")
    if judging is None:
        raise PolygonError(f"{PROBLEM_XML}: no <judging> element")
    testsets = judging.findall("testset")
    testset = next((t for t in testsets if t.get("name") == "tests"), None)
    testset = testset if testset is not None else (testsets[0] if testsets else None)
    if testset is None:
        raise PolygonError(f"{PROBLEM_XML}: no <testset> in <judging>")
    pattern = testset.findtext("input-path-pattern")
    if not pattern:
        raise PolygonError(f"{PROBLEM_XML}: the testset has no <input-path-pattern>")
    tests = [
        TestSpec(
            index=index,
            method=test.get("method", "manual"),
            cmd=test.get("cmd"),
            sample=test.get("sample") == "true",
            from_file=test.get("from-file"),
        )
        for index, test in enumerate(testset.findall("tests/test"), start=1)
    ]
    count = testset.find("test-count")
    if not tests and count is not None:
        # Some exports list no <test> elements: every test is then a stored file.
        tests = [
            TestSpec(index=i, method="manual", cmd=None, sample=False, from_file=None)
            for i in range(1, _int(count, "test-count") + 1)
        ]
    assets = root.find("assets")
    checker_element = assets.find("checker") if assets is not None else None
    checker = None
    if checker_element is not None:
        checker = CheckerSpec(name=checker_element.get("name"), source=_source(checker_element))
    validator_elements = assets.findall("validators/validator") if assets is not None else []
    validators = [s for s in (_source(v) for v in validator_elements) if s is not None]
    validator_pattern = None
    validator_tests: list[ValidatorTest] = []
    if validator_elements:
        first = validator_elements[0]
        validator_pattern = first.findtext("testset/input-path-pattern")
        validator_tests = [
            ValidatorTest(index=i, verdict=t.get("verdict", ""), group=t.get("group"))
            for i, t in enumerate(first.findall("testset/tests/test"), start=1)
        ]
    solutions = []
    for element in assets.findall("solutions/solution") if assets is not None else []:
        source = _source(element)
        if source is not None:
            solutions.append(Solution(tag=element.get("tag", ""), source=source))
    resources = [
        SourceRef(path=str(f.get("path")), type=f.get("type", ""))
        for f in root.findall("files/resources/file")
        if f.get("path")
    ]
    executables = [
        s for s in (_source(e) for e in root.findall("files/executables/executable")) if s
    ]
    return PolygonSpec(
        short_name=root.get("short-name"),
        url=root.get("url"),
        names=names,
        statements=statements,
        time_limit_ms=_int(testset.find("time-limit"), "time-limit"),
        memory_limit_bytes=_int(testset.find("memory-limit"), "memory-limit"),
        input_file=judging.get("input-file", ""),
        output_file=judging.get("output-file", ""),
        input_pattern=pattern,
        answer_pattern=testset.findtext("answer-path-pattern"),
        tests=tests,
        resources=resources,
        executables=executables,
        checker=checker,
        validators=validators,
        validator_pattern=validator_pattern,
        validator_tests=validator_tests,
        solutions=solutions,
        interactive=assets is not None and assets.find("interactor") is not None,
        tags=[t.get("value", "") for t in root.findall("tags/tag") if t.get("value")],
    )


def numbered_path(pattern: str, index: int) -> str:
    """A test's file from a Polygon path pattern (``tests/%02d`` and index 3: ``tests/03``)."""
    return re.sub(r"%0?(\d*)d", lambda m: f"{index:0{m.group(1) or 1}d}", pattern, count=1)
