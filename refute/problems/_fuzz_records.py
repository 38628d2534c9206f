"""Writing fuzzability records back into ``problem.toml``, leaving the rest of it as it was.

The record is measured data in a hand-written file: ``tomlkit`` edits the document in
place, so comments, key order and the layout of everything else survive a rewrite.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import tomlkit
from tomlkit.items import Table

from ..files import atomic_write
from ._models import FuzzRecord, Problem


def write_fuzz_records(problem: Problem, records: Mapping[str, FuzzRecord]) -> None:
    """Set ``[incorrect.<name>.fuzz]`` for each named submission of ``problem``.

    A record already there is replaced; tables of other submissions, comments and
    every other field keep their text. The file is replaced atomically.

    >>> write_fuzz_records(problem, {"int-overflow": record})   # doctest: +SKIP
    """
    names = {submission.name for submission in problem.incorrect}
    unknown = sorted(records.keys() - names)
    if unknown:
        raise ValueError(f"{problem.id}: no incorrect submission named {', '.join(unknown)}")
    if not records:
        return
    path = problem.root / "problem.toml"
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    if "incorrect" not in document:
        document["incorrect"] = tomlkit.table(is_super_table=True)
    incorrect = document["incorrect"]
    assert isinstance(incorrect, Table)
    for name in sorted(records):
        if name not in incorrect:
            incorrect[name] = tomlkit.table()
        entry = incorrect[name]
        assert isinstance(entry, Table)
        if "fuzz" in entry:
            del entry["fuzz"]
        entry["fuzz"] = _table(records[name])
    atomic_write(path, tomlkit.dumps(document))


def _table(record: FuzzRecord) -> Table:
    data: dict[str, Any] = record.model_dump(exclude={"budget", "when"}, exclude_none=True)
    table = tomlkit.table()
    for key in ("found", "inputs", "attempts", "valid_rate", "capped"):
        if key in data:
            table[key] = data[key]
    budget = tomlkit.inline_table()
    budget.update(record.budget.model_dump())
    table["budget"] = budget
    when = record.when
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    table["when"] = when.astimezone(datetime.UTC).replace(microsecond=0)
    table["fingerprint"] = record.fingerprint
    table.add(tomlkit.nl())  # a blank line before the next table, as hand-written ones have
    return table
