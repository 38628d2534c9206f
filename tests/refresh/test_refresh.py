"""A whole refresh against the fake Codeforces, in the real sandbox: gates, pending
packages, reasons, provenance, and incremental, idempotent, resumable runs."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from refute.judge import Judge, check_task
from refute.models import Model
from refute.problems import load_problems
from refute.refresh import (
    PENDING_DIR,
    REFRESH_REPORT_FILE,
    STATE_FILE,
    RefreshOutcome,
    RefreshReport,
)
from refute.runner import select_tasks
from refute.sandbox import Sandbox
from refute.testing import ModelServer

from . import world as fixtures
from .conftest import run_refresh
from .fake_codeforces import FakeCodeforces


@dataclass
class FirstRun:
    """A refresh of contest 9001 without a model, shared by the tests of this module."""

    site: FakeCodeforces
    out: Path
    report: RefreshReport

    def copy(self, tmp_path: Path) -> Path:
        """The output directory (packages, state and page cache) copied, to run on."""
        return Path(shutil.copytree(self.out, tmp_path / "problems"))


@pytest.fixture(scope="module")
async def first_run(
    sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[FirstRun]:
    with FakeCodeforces() as site:
        fixtures.World(site)
        out = tmp_path_factory.mktemp("refresh") / "problems"
        report = await run_refresh(out, site, sandbox)
        yield FirstRun(site, out, report)


def entry(report: RefreshReport, problem: str) -> tuple[RefreshOutcome, list[str]]:
    found = next(e for e in report.entries if e.problem == problem)
    return found.outcome, found.reasons


def test_without_a_model_packages_wait_in_pending_with_the_reason(first_run: FirstRun) -> None:
    pending = first_run.report.of(RefreshOutcome.PENDING)
    assert [e.problem for e in pending] == ["9001A", "9001E"]
    for item in pending:
        assert item.reasons[0] == "no validator: no --model was given to draft one"
        note = (first_run.out / PENDING_DIR / item.problem / "PENDING.md").read_text()
        assert "no --model was given" in note
    assert first_run.report.of(RefreshOutcome.NEW) == []


def test_pending_packages_load_but_stay_outside_the_problem_set(first_run: FirstRun) -> None:
    problem_set = load_problems(first_run.out)
    assert problem_set.tasks() == [] and problem_set.errors == []
    waiting = load_problems(first_run.out / PENDING_DIR)
    assert [t.id for t in waiting.tasks()] == ["9001A/s1001", "9001E/s1020"]


def test_every_skip_has_a_reason(first_run: FirstRun) -> None:
    report = first_run.report
    assert entry(report, "9001B") == (
        RefreshOutcome.SKIPPED,
        ["several answers may be correct: 'If there are multiple answers'"],
    )
    assert entry(report, "9001C") == (
        RefreshOutcome.SKIPPED,
        ["interactive problem (tagged interactive)"],
    )
    assert entry(report, "9001D") == (
        RefreshOutcome.SKIPPED,
        ["rated 800, below --min-rating 1200"],
    )
    assert entry(report, "9001F") == (RefreshOutcome.DEFERRED, ["not rated yet"])


def test_the_turned_down_candidates_are_named_with_why(first_run: FirstRun) -> None:
    _, reasons = entry(first_run.report, "9001A")
    assert "hack 502: successful but its test is not published (generated or too large)" in (
        reasons
    )
    assert "reference candidate 1010: hack 501: token 1: expected '5001', found '5000'" in reasons
    assert any(
        r.startswith("submission 1002: trivially refutable: fails example 2") for r in reasons
    )
    assert any(r.startswith("submission 1004: no published hack test refutes it") for r in reasons)
    assert not any("1003" in r or "1005" in r for r in reasons)  # Java; failed on pretests


def test_the_hack_test_fails_the_submission_and_the_reference_reproduces_the_jury(
    first_run: FirstRun,
) -> None:
    package = first_run.out / PENDING_DIR / "9001A"
    assert (package / "incorrect" / "s1001.fail.in").read_text() == fixtures.HACK_TEST
    assert (package / "incorrect" / "s1001.cpp").read_text() == fixtures.ALICE
    assert (package / "reference.py").read_text() == fixtures.GRACE


def test_the_statement_keeps_math_and_links_images(first_run: FirstRun) -> None:
    statement = (first_run.out / PENDING_DIR / "9001A" / "statement.md").read_text()
    assert "Compute $a_1 + a_2 + \\ldots + a_n$." in statement
    assert f"![]({first_run.site.url}/predownloaded/ab/cd/long-sum.png)" in statement
    assert "($-10^9 \\le a_i \\le 10^9$)" in statement and "$$$" not in statement
    assert "The sum of **all** of them" in statement


def test_a_package_records_its_source_date_and_provenance(first_run: FirstRun) -> None:
    package = first_run.out / PENDING_DIR / "9001A"
    config = tomllib.loads((package / "problem.toml").read_text())
    assert config["source"] == "codeforces" and str(config["date"]) == "2026-06-02"
    assert config["url"] == f"{first_run.site.url}/contest/9001/problem/A"
    assert "not under the refute project's license" in config["license"]
    assert "Refute Test Round 1" in config["attribution"]
    provenance = json.loads((package / "refresh.json").read_text())
    assert provenance["run"] == first_run.report.run
    assert provenance["incorrect"]["s1001"]["author"] == "alice"
    assert provenance["incorrect"]["s1001"]["hack"] == 501
    assert provenance["reference"]["submission"] == 1011


def test_the_report_and_the_state_are_written(first_run: FirstRun) -> None:
    written = json.loads((first_run.out / REFRESH_REPORT_FILE).read_text())
    assert written == first_run.report.model_dump(mode="json")
    state = json.loads((first_run.out / STATE_FILE).read_text())
    assert state["problems"]["9001B"]["decision"] == "skipped"
    assert state["submissions"]["1001"]["outcome"] == "pending"
    assert state["submissions"]["1002"]["outcome"] == "rejected"
    assert state["contests"]["9001"]["done"] is False  # F is not rated yet


async def test_a_second_run_adds_nothing_and_fetches_no_pages(
    first_run: FirstRun,
    world: fixtures.World,
    site: FakeCodeforces,
    sandbox: Sandbox,
    tmp_path: Path,
) -> None:
    out = first_run.copy(tmp_path)
    before = sorted(p.relative_to(out) for p in out.rglob("*") if ".refresh" not in str(p))
    report = await run_refresh(out, site, sandbox)
    assert [(e.problem, e.outcome) for e in report.entries] == [("9001F", RefreshOutcome.DEFERRED)]
    assert report.unchanged == 5
    assert site.page_fetches() == []
    after = sorted(p.relative_to(out) for p in out.rglob("*") if ".refresh" not in str(p))
    assert after == before


async def test_a_later_contest_is_all_a_new_run_looks_at(
    first_run: FirstRun,
    world: fixtures.World,
    site: FakeCodeforces,
    sandbox: Sandbox,
    tmp_path: Path,
) -> None:
    world.add_later_contest()
    report = await run_refresh(first_run.copy(tmp_path), site, sandbox)
    assert [(e.problem, e.outcome) for e in report.entries] == [
        ("9001F", RefreshOutcome.DEFERRED),
        ("9002A", RefreshOutcome.SKIPPED),
    ]
    assert report.contests == [9001, 9002]
    assert site.page_fetches() == []


async def test_with_a_model_a_pending_problem_becomes_a_task_through_every_gate(
    first_run: FirstRun,
    world: fixtures.World,
    site: FakeCodeforces,
    sandbox: Sandbox,
    drafting_model: Model,
    model_server: ModelServer,
    tmp_path: Path,
) -> None:
    out = first_run.copy(tmp_path)
    report = await run_refresh(out, site, sandbox, model=drafting_model)

    assert report.new_tasks == ["9001A/s1001"]
    outcome, reasons = entry(report, "9001E")
    assert outcome is RefreshOutcome.SKIPPED
    assert any("the fuzz baseline found a counterexample" in r for r in reasons)
    assert not (out / PENDING_DIR / "9001A").exists()
    assert not (out / PENDING_DIR / "9001E").exists()
    assert site.page_fetches() == []  # the pages of pending problems were kept

    # the lax draft was turned down by the mutation check, with the failure fed back
    requests = model_server.completions()
    assert len(requests) == 3
    feedback = json.dumps(requests[1].body["messages"][-1])
    assert "it accepts an invalid input" in feedback and "above its upper bound" in feedback

    task = load_problems(out).task("9001A/s1001")
    checked = await check_task(Judge(sandbox.judge), task)
    assert checked.ok, checked.reasons
    assert [bad.name for bad in task.problem.invalid_inputs]  # the mutations are kept
    provenance = json.loads((out / "9001A" / "refresh.json").read_text())
    assert provenance["incorrect"]["s1001"]["fuzz"]["found"] is False
    assert [len(d["failures"]) > 0 for d in provenance["validator"]["drafts"]] == [True, False]
    selected = select_tasks(load_problems(out).tasks(), "date>=2026-06-01,source=codeforces")
    assert [t.id for t in selected] == ["9001A/s1001"]


class Interrupted(Exception):
    pass


async def test_an_interrupted_run_resumes_without_fetching_again(
    world: fixtures.World, site: FakeCodeforces, sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "problems"
    site.fail("/contest/9001/submission/1011", *[503] * 6)  # more than the client retries

    def stop_after_a(line: str) -> None:
        if line.startswith("  9001A:"):
            raise Interrupted

    with pytest.raises(Interrupted):
        await run_refresh(out, site, sandbox, on_event=stop_after_a)
    state = json.loads((out / STATE_FILE).read_text())
    assert [(k, p["decision"]) for k, p in state["problems"].items()] == [("9001A", "deferred")]
    assert state["runs"][0]["finished"] is None

    report = await run_refresh(out, site, sandbox)
    assert [(e.problem, e.outcome) for e in report.entries][:2] == [
        ("9001A", RefreshOutcome.PENDING),
        ("9001B", RefreshOutcome.SKIPPED),
    ]
    fetched = site.page_fetches()
    assert fetched.count("/contest/9001/problem/A") == 1
    assert fetched.count("/contest/9001/submission/1010") == 1
    assert fetched.count("/contest/9001/submission/1011") == 7
