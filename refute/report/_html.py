"""``refute report``: one self-contained HTML page from run directories.

The page is a Jinja2 template filled with Plotly figures; plotly.js is put into the page
once, inline, so the file opens from disk with no network. Jinja2 and Plotly are the
``refute[report]`` extra: they are imported when a report is made, never by ``import refute``.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

from ..files import atomic_write
from ..results import Gap, ResultsError, load_runs
from ..stats import Estimate
from ._data import GroupRates, ReportData, default_title, report_data

TEMPLATE = "report.html.j2"

_INSTALL = "refute report needs the report extra: pip install 'refute[report]'"


def _library(name: str) -> ModuleType:
    try:
        return import_module(name)
    except ImportError as error:
        raise ResultsError(f"{_INSTALL} ({error})") from error


def _interval(estimates: Sequence[Estimate | None]) -> dict[str, Any]:
    values = [e.value if e else None for e in estimates]
    return {
        "type": "data",
        "symmetric": False,
        "array": [e.high - e.value if e else None for e in estimates],
        "arrayminus": [e.value - e.low if e else None for e in estimates],
        "visible": True,
    } | ({"array": []} if all(v is None for v in values) else {})


def _bars(
    go: Any,
    rates: GroupRates,
    title: str,
    axis: str,
    measure: str = "tasks refuted (95% Wilson interval)",
) -> Any:
    figure = go.Figure()
    for run, estimates in rates.rates.items():
        figure.add_trace(
            go.Bar(
                name=run,
                x=rates.groups,
                y=[e.value if e else None for e in estimates],
                error_y=_interval(estimates),
                customdata=[[e.n if e else 0] for e in estimates],
                hovertemplate="%{x}: %{y:.1%} of %{customdata[0]} tasks<extra>" + run + "</extra>",
            )
        )
    figure.update_layout(
        title=title,
        barmode="group",
        xaxis_title=axis,
        yaxis={"title": measure, "tickformat": ".0%"},
    )
    return figure


def _gap_rates(joined: Gap) -> GroupRates:
    """A gap's solve and refute rates per rating bucket, as two bar series."""
    groups = list(joined.by_rating)
    return GroupRates(
        groups=groups,
        rates={
            f"solved ({joined.solve_run})": [joined.by_rating[g].solve_rate for g in groups],
            f"refuted ({joined.refute_run})": [joined.by_rating[g].refute_rate for g in groups],
        },
    )


def _pass_at_k(go: Any, data: ReportData) -> Any:
    figure = go.Figure()
    for run, estimates in data.pass_at_k.items():
        ks = sorted(estimates, key=int)
        figure.add_trace(
            go.Scatter(
                name=run,
                x=[int(k) for k in ks],
                y=[estimates[k].value for k in ks],
                mode="lines+markers",
                error_y=_interval([estimates[k] for k in ks]),
            )
        )
    figure.update_layout(
        title="pass@k (unbiased estimator; 95% bootstrap interval over tasks)",
        xaxis={"title": "k (attempts)", "type": "log"},
        yaxis={"title": "pass@k", "tickformat": ".0%"},
    )
    return figure


def _cost(go: Any, data: ReportData) -> Any:
    rows = data.leaderboard.rows
    figure = go.Figure(
        go.Scatter(
            x=[row.cost_usd for row in rows],
            y=[row.success.value for row in rows],
            text=[row.run for row in rows],
            mode="markers+text",
            textposition="top center",
            error_y=_interval([row.success for row in rows]),
            hovertemplate="%{text}: %{y:.1%} for $%{x:.4f}<extra></extra>",
        )
    )
    figure.update_layout(
        title="cost against success",
        xaxis_title="cost of the run (USD)",
        yaxis={"title": "tasks refuted", "tickformat": ".0%"},
        showlegend=False,
    )
    return figure


def _similarity(go: Any, data: ReportData) -> Any | None:
    if data.comparison is None:
        return None
    runs = data.comparison.runs
    matrix = [[data.comparison.similarity[a][b] for b in runs] for a in runs]
    figure = go.Figure(
        go.Heatmap(
            z=matrix,
            x=runs,
            y=runs,
            zmin=-1,
            zmax=1,
            colorscale="RdBu",
            reversescale=True,
            texttemplate="%{z:.2f}",
            hovertemplate="%{y} / %{x}: %{z:.2f}<extra></extra>",
        )
    )
    figure.update_layout(
        title="error similarity (chance-adjusted agreement on failures; 1: the same tasks)",
        yaxis={"autorange": "reversed"},
    )
    return figure


def _script_safe(text: str) -> str:
    r"""JSON that can stand inside ``<script>``: no ``</script>`` or ``<!--`` can end it.

    >>> _script_safe('{"a": "</script>&"}')
    '{"a": "\\u003c/script\\u003e\\u0026"}'
    """
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_report(data: ReportData, title: str) -> str:
    """The page's HTML for ``data``."""
    jinja2 = _library("jinja2")
    go = _library("plotly.graph_objects")
    offline = _library("plotly.offline")
    markupsafe = _library("markupsafe")
    figures = {
        "by_rating": _bars(go, data.by_rating, "success by problem rating", "rating"),
        "by_tag": _bars(go, data.by_tag, "success by tag", "tag"),
        "pass_at_k": _pass_at_k(go, data),
        "cost": _cost(go, data),
    }
    for number, joined in enumerate(data.gaps, 1):
        figures[f"gap_{number}"] = _bars(
            go,
            _gap_rates(joined),
            f"solved and refuted by rating: {joined.solve_run} and {joined.refute_run}",
            "rating",
            "tasks (95% Wilson interval)",
        )
    heat = _similarity(go, data)
    if heat is not None:
        figures["similarity"] = heat
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("refute.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["json_script"] = lambda text: markupsafe.Markup(_script_safe(text))
    template = environment.get_template(TEMPLATE)
    return str(
        template.render(
            title=title,
            data=data,
            plotly_js=offline.get_plotlyjs(),
            figures={name: figure.to_json() for name, figure in figures.items()},
        )
    )


def write_report(
    directories: Sequence[Path], out: Path, *, title: str | None = None, force: bool = False
) -> ReportData:
    """Write the report of the runs in ``directories`` to ``out``; returns what it shows.

    Example::

        write_report([Path("runs/a"), Path("runs/b")], Path("report.html"))
    """
    if out.is_dir():
        raise ResultsError(f"-o {out}: is a directory; give a file name (report.html)")
    _library("jinja2")
    _library("plotly")  # before reading runs: a missing extra fails at once
    data = report_data(load_runs(list(directories)), force=force)
    html = render_report(data, title or default_title(directories))
    try:
        atomic_write(out, html)
    except OSError as error:
        raise ResultsError(f"-o {out}: cannot write ({error.strerror})") from error
    return data
