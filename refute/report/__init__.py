"""Reports rendered from runs: the bundled problem set's ``INDEX.md``, and ``refute report``'s
self-contained HTML page (``write_report``; its libraries are the ``refute[report]`` extra,
imported only when a page is made)."""

from ._data import AttemptView, GroupRates, ReportData, TaskRow, report_data
from ._html import render_report, write_report
from ._index import IndexRow, build_index, rows
from ._index import render as render_index

__all__ = [
    "AttemptView",
    "GroupRates",
    "IndexRow",
    "ReportData",
    "TaskRow",
    "build_index",
    "render_index",
    "render_report",
    "report_data",
    "rows",
    "write_report",
]
