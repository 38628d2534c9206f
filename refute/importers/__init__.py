"""Importers: other benchmarks' problems as refute problem packages.

Three sources: rows of the REFUTE dataset (``import_refute``), Kattis / ICPC problem
packages as used by Kattis, DOMjudge and BAPCtools (``import_kattis``), and Codeforces
Polygon packages (``import_polygon``). Every package is
converted, written to a staging directory, checked as ``refute problems check`` would
check it, and only then moved into the output directory; what was skipped, and why, goes
to ``import-report.json`` (``docs/importing.md``).

Example::

    from refute.importers import import_kattis, import_refute
    from refute.judge import Judge
    from refute.sandbox import Sandbox

    async with Sandbox() as sandbox:
        judge = Judge(sandbox.judge)
        report = await import_refute("refute.jsonl", Path("imported"), judge)
        report = await import_kattis([Path("contest")], Path("imported"), judge)
        print(report.summary())
"""

from ._cache import ImportCache
from ._discover import find_packages
from ._errors import ImportSourceError
from ._generators import GeneratorPlan, read_generators, seed_of
from ._kattis import CATEGORIES, import_kattis
from ._latex import latex_to_markdown
from ._polygon import find_polygon_packages, import_polygon
from ._progress import import_progress
from ._refute import RefuteRow, codeforces_math, import_refute, read_refute_rows
from ._report import (
    IMPORT_REPORT_FILE,
    NO_SUBMISSION_LEFT,
    CauseCount,
    ImportEntry,
    ImportReport,
    ImportStatus,
)
from ._timing import TIMING, reads_clock, timing_dependent
from ._write import Publisher, read_tree, staging, write_tree

__all__ = [
    "CATEGORIES",
    "IMPORT_REPORT_FILE",
    "NO_SUBMISSION_LEFT",
    "TIMING",
    "CauseCount",
    "GeneratorPlan",
    "ImportCache",
    "ImportEntry",
    "ImportReport",
    "ImportSourceError",
    "ImportStatus",
    "Publisher",
    "RefuteRow",
    "codeforces_math",
    "find_packages",
    "find_polygon_packages",
    "import_kattis",
    "import_polygon",
    "import_progress",
    "import_refute",
    "latex_to_markdown",
    "read_generators",
    "read_refute_rows",
    "read_tree",
    "reads_clock",
    "seed_of",
    "staging",
    "timing_dependent",
    "write_tree",
]
