"""Reports rendered from runs: fuzzability records and the bundled set's ``INDEX.md``."""

from ._index import (
    IndexResult,
    IndexRow,
    build_index,
    fuzz_tasks,
    needs_fuzzing,
    records_from_run,
    render,
    rows,
    save_records,
)

__all__ = [
    "IndexResult",
    "IndexRow",
    "build_index",
    "fuzz_tasks",
    "needs_fuzzing",
    "records_from_run",
    "render",
    "rows",
    "save_records",
]
