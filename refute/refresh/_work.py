"""A problem while a refresh decides it, and the package draft built for it step by step."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..importers import write_tree
from ..problems import (
    CheckerSettings,
    IncorrectSubmission,
    Origin,
    Problem,
    SourceFile,
    SubmissionDraft,
    load_problem,
    package_id,
)
from ..sandbox import Program
from ._api import CfProblem, Contest
from ._package import ACCEPT_ALL, LICENSE, SOURCE, FuzzResult, RefreshDraft, SubmissionProvenance
from ._pages import ProblemPage
from ._pages import tolerance as statement_tolerance
from ._ranking import HackTest, RankedSubmission


class ProblemWork:
    """What is known about one problem while it is being decided."""

    def __init__(self, contest: Contest, problem: CfProblem, base_url: str, rating: int | None):
        self.contest = contest
        self.cf = problem
        self.key = problem.key
        self.id = package_id(self.key)
        self.url = f"{base_url}/contest/{contest.id}/problem/{problem.index}"
        self.rating = rating
        self.notes: list[str] = []
        self.pages: list[str] = []
        self.start = datetime.datetime.fromtimestamp(contest.start_time_seconds or 0, datetime.UTC)


class Kept:
    """An incorrect submission that passed the examples and that a hack test refutes."""

    def __init__(self, candidate: RankedSubmission, source: str, test: HackTest):
        self.candidate = candidate
        self.source = source
        self.test = test
        self.name = f"s{candidate.submission.id}"
        self.fuzz: FuzzResult | None = None


class Bench:
    """The package being built, staged on disk so the judge can run it at each step."""

    def __init__(self, stage: Path, draft: RefreshDraft):
        self.root = stage
        self.draft = draft
        self.reference: RankedSubmission | None = None
        self._count = 0
        self.problem: Problem = self.stage()

    def stage(self, **update: Any) -> Problem:
        """Write the draft (with ``update`` applied) to a fresh folder and load it."""
        draft = self.draft.model_copy(update=update) if update else self.draft
        self._count += 1
        directory = self.root / f"{self._count}" / draft.id
        write_tree(draft.files(), directory)
        self.problem = load_problem(directory)
        return self.problem


def source_file(source: str, candidate: RankedSubmission) -> SourceFile:
    """A Codeforces submission's code as a file of the package, in its language."""
    return SourceFile(
        source=source,
        extension=candidate.language.extension,
        language=candidate.language_name,
    )


def task_submission(candidate: RankedSubmission, source: str, root: Path) -> IncorrectSubmission:
    """The submission as a task's incorrect program, before its failing input is chosen."""
    name = f"s{candidate.submission.id}"
    return IncorrectSubmission(
        name=name,
        path=root / "incorrect" / f"{name}.{candidate.language.extension}",
        program=Program(source=source, language=candidate.language),
        language=candidate.language_name,
        fail_input="\n",
        fail_input_path=root / "incorrect" / f"{name}.fail.in",
    )


def submission_drafts(kept: Sequence[Kept]) -> tuple[SubmissionDraft, ...]:
    """The kept submissions as the package's incorrect submissions, each with its hack test."""
    drafts = []
    for item in kept:
        submission = item.candidate.submission
        how = (
            f"hacked after passing {submission.passed_test_count} tests"
            if item.candidate.hacked
            else f"wrong answer after passing {submission.passed_test_count} tests"
        )
        drafts.append(
            SubmissionDraft(
                name=item.name,
                program=source_file(item.source, item.candidate),
                fail_input=item.test.input,
                note=(
                    f"Codeforces submission {submission.id} by {item.candidate.author} "
                    f"({how}); the failing input is the test of hack {item.test.hack_id}."
                ),
                author_rating=item.candidate.author_rating,
                origin=f"submission {submission.id}",
            )
        )
    return tuple(drafts)


def provenance_of(
    candidate: RankedSubmission, base: str, kept: Kept | None = None
) -> SubmissionProvenance:
    """Where a chosen submission came from (``base`` is the site's address)."""
    submission = candidate.submission
    return SubmissionProvenance(
        submission=submission.id,
        url=f"{base}/contest/{submission.contest_id}/submission/{submission.id}",
        author=candidate.author,
        author_rating=candidate.author_rating,
        language=submission.programming_language,
        verdict=submission.verdict,
        passed_tests=submission.passed_test_count,
        hack=candidate.hack.hack_id if candidate.hack else None,
        hacker=", ".join(candidate.hack.hacker) if candidate.hack else None,
        fail_input=f"hack {kept.test.hack_id}" if kept is not None else None,
        fuzz=kept.fuzz if kept is not None else None,
    )


def base_draft(work: ProblemWork, page: ProblemPage) -> RefreshDraft:
    """The package from the problem's page alone: stand-ins for its programs."""
    contest = work.contest
    settings = statement_tolerance(f"{page.output}\n{page.legend}")
    examples = tuple(
        (str(number), e.input, e.output) for number, e in enumerate(page.examples, start=1)
    )
    # stand-ins until the reference and the submissions are chosen
    stand_in = SourceFile(source=ACCEPT_ALL, extension="py")
    return RefreshDraft(
        id=work.id,
        name=page.title,
        source=SOURCE,
        url=work.url,
        date=work.start.date(),
        rating=work.rating,
        tags=tuple(work.cf.tags),
        time_limit_ms=page.time_limit_ms,
        memory_limit_mb=page.memory_limit_mb,
        license=LICENSE,
        attribution=(
            f"Problem {work.key} of {contest.name} ({work.start.date()}), {work.url}. "
            "Statement, examples and submissions are Codeforces content by their "
            "authors, taken for research use; they are not under the refute project's "
            "license."
        ),
        checker_settings=settings or CheckerSettings(),
        origin=Origin(importer="refresh", source=work.url, id=work.key),
        statement=page.markdown(),
        examples=examples,
        reference=stand_in,
        validator=SourceFile(source=ACCEPT_ALL, extension="py"),
        incorrect=(
            SubmissionDraft(
                name="probe",
                program=stand_in,
                fail_input=examples[0][1],
            ),
        ),
    )
