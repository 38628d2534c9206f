"""Finding Kattis problem packages at any depth below the paths given."""

from __future__ import annotations

import os
from pathlib import Path

from ._errors import ImportSourceError

PACKAGE_FILE = "problem.yaml"

SKIPPED_FOLDERS = frozenset(
    {
        "data",
        "submissions",
        "generators",
        "input_validators",
        "input_format_validators",
        "output_validators",
        "output_validator",
        "problem_statement",
        "statement",
        "solution",
        "attachments",
        "visualizers",
        "include",
        "node_modules",
        "__pycache__",
    }
)
"""Folders that never hold packages (a package's own parts); hidden folders neither."""


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        if (folder / PACKAGE_FILE).is_file():
            found.append(folder)
            continue  # a package holds no packages
        try:
            children = [entry for entry in os.scandir(folder) if entry.is_dir()]
        except OSError:
            continue
        for entry in children:
            if entry.name.startswith(".") or entry.name in SKIPPED_FOLDERS:
                continue
            stack.append(Path(entry.path))
    return found


def find_packages(paths: list[Path]) -> list[Path]:
    """Package directories (holding ``problem.yaml``) at or below each path, in path order
    and sorted within each path. Hidden folders and a package's own parts (``data/``,
    ``submissions/``, ``generators/``, ...) are not searched. Raises ``ImportSourceError``
    for a path that holds no package.
    """
    found: list[Path] = []
    faults = []
    for path in paths:
        packages = sorted(_walk(path), key=lambda p: p.as_posix()) if path.is_dir() else []
        if not packages:
            what = "no such directory" if not path.is_dir() else "no problem.yaml in it or below"
            faults.append(f"{path}: not a Kattis problem package ({what})")
        found.extend(p for p in packages if p not in found)
    if faults:
        raise ImportSourceError(faults)
    return found
