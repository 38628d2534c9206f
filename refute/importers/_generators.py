"""BAPCtools ``generators/generators.yaml``: the tests a package makes instead of storing.

The common subset that real archives use (BAPCtools' ``doc/generators.md``): generator
commands with arguments and ``{seed}``, ``{seed:N}``, ``{name}`` and ``{count}``, copied
cases (``copy:``, or an old-style ``name: path.in``), inline cases (``in:``), ``count:``,
nested test groups as mappings or numbered lists, and a root ``generators:`` mapping of
programs built from several files. The seed of a command is BAPCtools' own (SHA-512 of
the random salt and the command, modulo 2^31), so a generator makes the same test as it
does under BAPCtools. Generators run in the sandbox's judge pool and write the test to
stdout; the tests they make are used exactly as stored tests are. A test whose input is
already stored at its path under ``data/`` is read from there.

What is not supported is recorded, never dropped silently: ``GeneratorPlan.notes``.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..sandbox import Language, Limits, Program, RunStatus, SandboxPool
from ._adapters import package_header
from ._kattis_programs import (
    CPP_LANGUAGE,
    CPP_SUFFIXES,
    HEADER_SUFFIXES,
    PYTHON_SUFFIXES,
    SOURCE_SUFFIXES,
)
from ._kattis_tests import KattisTest, read_text
from ._skip import Skip

GENERATORS_FILE = Path("generators") / "generators.yaml"

GENERATOR_LIMITS = Limits(cpu_ms=60_000, memory_mb=2048, output_bytes=256 << 20)
"""BAPCtools gives a generator a generous time limit; so do we (one minute of CPU)."""

PRECOMPILED = "#include <bits/stdc++.h>  // refute: first, so the precompiled header is used\n"
"""Put before a C++ generator's source (generators are not written into the package): the
image precompiles ``bits/stdc++.h``, which GCC uses only when it comes first, and a
generator's own headers (``validate.h``) then cost nothing to parse. A compile drops from
seconds to a fraction of one."""

_SEED = re.compile(r"\{seed(:[0-9]+)?\}")
_DIRECTORY_KEYS = frozenset(
    {
        "data",
        "type",
        "solution",
        "random_salt",
        "retries",
        "include",
        "visualizer",
        "testdata.yaml",
        "test_group.yaml",
        "gitignore_generated",
        "version",
        "generators",
        "parallel",
        "description",
        "hint",
    }
)
"""Keys of a test group (and the root): only ``data``, ``random_salt`` and ``retries``
change which inputs are made; ``include`` links tests already made elsewhere, and the
others concern answers, pictures or files refute does not use."""
_CASE_KEYS = frozenset(
    {
        "generate",
        "copy",
        "in",
        "count",
        "solution",
        "random_salt",
        "retries",
        "match",
        "desc",
        "description",
        "hint",
        "visualizer",
        "ans",
        "out",
        "pdf",
        "png",
        "svg",
        "jpg",
        "interaction",
        "args",
        "files",
        "in.statement",
        "ans.statement",
        "in.download",
        "ans.download",
        "yaml",
    }
)
"""Keys of one test: besides ``generate``, ``copy``, ``in`` and ``count`` they give
answers or attachments, which refute does not use (the reference's output is the
answer)."""
_TEST_GROUPS = ("secret",)
_INVALID_GROUPS = ("invalid_input", "invalid_inputs")


def _inline(value: Any) -> str:
    """An inline case's input as BAPCtools writes it: a non-empty text that lacks a final
    newline gets one (YAML's plain and quoted scalars have none), an empty one stays empty."""
    text = "" if value is None else str(value)
    return text + "\n" if text and not text.endswith("\n") else text


@dataclass(frozen=True)
class GeneratorCall:
    """One run of a generator: its name (as the command gives it) and arguments."""

    program: str
    args: tuple[str, ...]


@dataclass
class PlannedTest:
    """A test of ``generators.yaml``: its path (``data/secret/03-random``), and either
    its input already (inline, copied, or stored in ``data/``) or the call that makes it."""

    path: str
    group: str
    input: str | None = None
    call: GeneratorCall | None = None

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass
class GeneratorPlan:
    """Every test of a ``generators.yaml``, the programs its calls need (or why one
    cannot be built), and notes on what was not supported."""

    tests: list[PlannedTest] = field(default_factory=list)
    programs: dict[str, Program | str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def calls(self) -> int:
        return sum(test.call is not None for test in self.tests)

    def known(self, group: str) -> list[PlannedTest]:
        """Tests of ``group`` whose input needs no generator run."""
        return [t for t in self.tests if t.group == group and t.input is not None]

    def to_make(self, group: str) -> list[PlannedTest]:
        """Tests of ``group`` a generator makes, in the file's order."""
        return [t for t in self.tests if t.group == group and t.call is not None]

    def invalid(self) -> list[PlannedTest]:
        return [t for t in self.tests if t.group in _INVALID_GROUPS]


def seed_of(command: str, salt: str = "", count: int = 1) -> int:
    """BAPCtools' ``{seed}`` for a command (``generate.py``: it hashes the salt, the count
    index past the first, and the stripped command).

    >>> seed_of("random --n 5 {seed}") == seed_of("  random --n 5 {seed} ")
    True
    """
    value = salt + (f":{count - 1}" if count != 1 else "") + command.strip()
    return int(hashlib.sha512(value.encode()).hexdigest(), 16) % 2**31


def _counts(value: Any) -> list[int] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return list(range(1, value + 1))
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return [int(v) for v in value]
    match = re.fullmatch(r"\s*(-?\d+)\s*\.\.=\s*(-?\d+)\s*", str(value))
    if match:
        return list(range(int(match.group(1)), int(match.group(2)) + 1))
    return None


class _Reader:
    """Walks ``generators.yaml`` into a ``GeneratorPlan``."""

    def __init__(self, directory: Path, root: dict[str, Any]):
        self.directory = directory
        self.generators = directory / "generators"
        self.plan = GeneratorPlan()
        self.named: dict[str, list[str]] = {}
        named = root.get("generators") or {}
        if isinstance(named, dict):
            for name, files in named.items():
                items = files if isinstance(files, list) else [files]
                self.named[str(name)] = [str(item) for item in items]
        else:
            self.note("generators: expected a mapping of names to files")

    def note(self, text: str) -> None:
        if text not in self.plan.notes:
            self.plan.notes.append(text)

    def group(self, path: str, group: str, node: dict[str, Any], salt: str) -> None:
        for key in node:
            if str(key) not in _DIRECTORY_KEYS:
                self.note(f"{path}: key {key!r} is not supported (ignored)")
        salt = str(node.get("random_salt", salt) or "")
        data = node.get("data")
        if data is None:
            return
        if isinstance(data, dict):
            for name, value in data.items():
                self.item(path, group, str(name), value, salt)
        elif isinstance(data, list):
            width = len(str(len(data)))
            for index, entry in enumerate(data, start=1):
                if not isinstance(entry, dict):
                    self.note(f"{path}: list item {index} is not a mapping (skipped)")
                    continue
                for name, value in entry.items():
                    prefix = f"{index:0{width}d}"
                    label = f"{prefix}-{name}" if str(name) else prefix
                    self.item(path, group, label, value, salt)
        else:
            self.note(f"{path}: data is neither a mapping nor a list (skipped)")

    def item(self, parent: str, group: str, name: str, value: Any, salt: str) -> None:
        path = f"{parent}/{name}"
        if isinstance(value, dict) and ("data" in value or value.get("type") == "directory"):
            self.group(path, group, value, salt)
            return
        if value is None:
            self.stored(path, group)
        elif isinstance(value, str):
            if value.strip().endswith(".in") and len(value.split()) == 1:
                self.copy(path, group, value.strip().removesuffix(".in"))
            else:
                self.command(path, group, value, salt, 1)
        elif isinstance(value, dict):
            self.case(path, group, value, salt)
        else:
            self.note(f"{path}: a test must be a command or a mapping (skipped)")

    def case(self, path: str, group: str, node: dict[str, Any], salt: str) -> None:
        for key in node:
            if str(key) not in _CASE_KEYS:
                self.note(f"{path}: key {key!r} is not supported (ignored)")
        salt = str(node.get("random_salt", salt) or "")
        if "in" in node:
            self.plan.tests.append(PlannedTest(path, group, input=_inline(node["in"])))
        elif "copy" in node:
            self.copy(path, group, str(node["copy"]))
        elif "generate" in node:
            command = str(node["generate"])
            counts = _counts(node["count"]) if "count" in node else [1]
            if counts is None:
                self.note(f"{path}: count {node['count']!r} is not understood (skipped)")
                return
            for count in counts:
                label = path if "count" not in node else f"{path}-{count}"
                text = command.replace("{count}", str(count)) if "count" in node else command
                self.command(label, group, text, salt, count)
        else:
            self.stored(path, group)

    def stored(self, path: str, group: str) -> None:
        """A test with no rule: its files must be in ``data/`` already."""
        file = self.directory / f"{path}.in"
        if file.is_file():
            self.plan.tests.append(PlannedTest(path, group, input=read_text(file)))
        else:
            self.note(f"{path}: no rule and no {path}.in (skipped)")

    def copy(self, path: str, group: str, base: str) -> None:
        source = (self.directory / base.lstrip("/")) if base.startswith("/") else None
        source = source or (self.generators / base)
        file = source.with_name(source.name + ".in")
        if file.is_file():
            self.plan.tests.append(PlannedTest(path, group, input=read_text(file)))
        else:
            self.note(f"{path}: copy {base}: no {base}.in (skipped)")

    def command(self, path: str, group: str, command: str, salt: str, count: int) -> None:
        stored = self.directory / f"{path}.in"
        if stored.is_file():  # made before and kept: the same bytes
            self.plan.tests.append(PlannedTest(path, group, input=read_text(stored)))
            return
        try:
            words = shlex.split(command)
        except ValueError as error:
            self.note(f"{path}: command {command!r} does not parse: {error} (skipped)")
            return
        if not words:
            self.note(f"{path}: empty command (skipped)")
            return
        seed = str(seed_of(command, salt, count))
        args = tuple(_SEED.sub(seed, arg).replace("{name}", "testcase") for arg in words[1:])
        program = words[0]
        if program not in self.plan.programs:
            self.plan.programs[program] = self.build(program)
        self.plan.tests.append(PlannedTest(path, group, call=GeneratorCall(program, args)))

    def build(self, name: str) -> Program | str:
        """The program a command names, or why it cannot be built."""
        if name in self.named:
            found = [_real(self.directory, self._resolve(f)) for f in self.named[name]]
            files = [f for f in found if f is not None]
            if len(files) != len(found) or not files:
                return f"generator {name}: a file it lists is missing"
            return _program(name, files[0], files[1:])
        path = self._resolve(name)
        if path.is_file():
            return _program(name, path, [])
        if path.is_dir():
            listed = sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink())
            real = [_real(self.directory, p) for p in listed]
            entries = [p for p in real if p is not None]
            sources = [p for p in entries if p.suffix.lower() in SOURCE_SUFFIXES]
            if len(sources) != 1:
                return f"generator {name}/ has {len(sources)} source files; refute builds one"
            return _program(name, sources[0], [p for p in entries if p != sources[0]])
        return f"generator {name!r} is not in generators/"

    def _resolve(self, name: str) -> Path:
        return self.directory / name.lstrip("/") if name.startswith("/") else self.generators / name


def _real(package: Path, path: Path) -> Path | None:
    """``path``, or for a link that dangles the package's one real file of its name."""
    if path.is_file():
        return path
    shared = package_header(package, path.name) if path.is_symlink() else None
    return shared


def _program(name: str, main: Path, others: list[Path]) -> Program | str:
    suffix = main.suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        return f"generator {name}: {main.name} is not C, C++ or Python (unsupported)"
    try:
        source = main.read_text(encoding="utf-8")
        files = {p.name: p.read_text(encoding="utf-8") for p in others if p.is_file()}
    except (OSError, UnicodeDecodeError) as error:
        return f"generator {name}: {error}"
    if suffix in PYTHON_SUFFIXES:
        modules = [n for n in files if n.endswith(".py")]
        if modules:
            return f"generator {name}: a Python program with modules ({', '.join(modules)})"
        return Program(source=source, language=Language.parse("py"))
    headers = {n: t for n, t in files.items() if Path(n).suffix.lower() in HEADER_SUFFIXES}
    language = Language.parse(CPP_LANGUAGE if suffix in CPP_SUFFIXES else "C")
    if suffix in CPP_SUFFIXES:
        source = PRECOMPILED + source
    try:
        return Program(source=source, language=language, files=tuple(headers.items()))
    except ValueError as error:
        return f"generator {name}: {error}"


def read_generators(directory: Path) -> GeneratorPlan | None:
    """The plan of ``generators/generators.yaml``, or ``None`` when the package has none.

    Raises ``Skip`` when the file does not parse.
    """
    path = directory / GENERATORS_FILE
    if not path.is_file():
        return None
    try:
        root = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise Skip(f"generators.yaml does not parse: {error}", cause="generators.yaml") from error
    if not isinstance(root, dict):
        raise Skip("generators.yaml is not a mapping", cause="generators.yaml")
    reader = _Reader(directory, root)
    for key in root:
        if str(key) not in _DIRECTORY_KEYS:
            reader.note(f"generators.yaml: key {key!r} is not supported (ignored)")
    data = root.get("data") or {}
    if not isinstance(data, dict):
        raise Skip("generators.yaml: data is not a mapping of test groups", cause="generators.yaml")
    for group, node in data.items():
        name = str(group)
        if name not in (*_TEST_GROUPS, *_INVALID_GROUPS):
            continue  # samples are read from data/sample; answer groups concern no input
        if isinstance(node, dict):
            reader.group(f"data/{name}", name, node, str(root.get("random_salt") or ""))
        else:
            reader.note(f"data/{name}: not a test group (skipped)")
    return reader.plan


@dataclass
class GeneratedTests:
    """What running a plan made: tests, invalid inputs, and each failure in words."""

    tests: list[KattisTest]
    invalid: list[KattisTest]
    failures: list[str]


async def run_generators(
    pool: SandboxPool, plan: GeneratorPlan, tests: list[PlannedTest] | None = None
) -> GeneratedTests:
    """Make ``tests`` (default: all of ``plan``'s) in ``pool``, concurrently, at most one
    generator per container; tests whose input is known already cost nothing."""
    limit = asyncio.Semaphore(pool.size)
    chosen = plan.tests if tests is None else tests

    async def make(test: PlannedTest) -> str | tuple[str, str]:
        if test.input is not None:
            return test.input
        assert test.call is not None
        program = plan.programs[test.call.program]
        if isinstance(program, str):
            return (f"generator unsupported: {program}", "")
        async with limit:
            run = await pool.run(program, "", GENERATOR_LIMITS, args=test.call.args)
            if run.status is RunStatus.COMPILE_ERROR and not run.stderr.strip():
                # No message: a limit of the compiler (wall time, on a loaded machine) ended
                # it. Compile errors are not kept, so this compiles afresh.
                run = await pool.run(program, "", GENERATOR_LIMITS, args=test.call.args)
        if not run.ok:
            said = run.stderr.strip().splitlines()
            detail = f": {said[-1][:200]}" if said else ": no message (ended by a limit?)"
            return (f"generator failed: {test.call.program} {run.describe()}{detail}", test.path)
        if not run.stdout:
            return (f"generator failed: {test.call.program} wrote nothing to stdout", test.path)
        return run.stdout

    made = await asyncio.gather(*(make(test) for test in chosen))
    good: list[KattisTest] = []
    invalid: list[KattisTest] = []
    failures: list[str] = []
    for test, result in zip(chosen, made, strict=True):
        if isinstance(result, tuple):
            failures.append(f"{test.path}: {result[0]}")
            continue
        kept = KattisTest(test.name, f"{test.path}.in", result)
        (invalid if test.group in _INVALID_GROUPS else good).append(kept)
    return GeneratedTests(good, invalid, failures)
