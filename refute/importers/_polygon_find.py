"""Finding Polygon packages: folders holding ``problem.xml`` at any depth, and ``.zip``
files of them (unpacked into a temporary folder for the import)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..problems import package_id
from ._errors import ImportSourceError
from ._polygon_xml import PROBLEM_XML

_SKIPPED_FOLDERS = {"tests", "files", "solutions", "statements", "statement-sections", "scripts"}


def find_polygon_packages(paths: list[Path]) -> list[Path]:
    """Package directories (holding ``problem.xml``) at any depth under each path, sorted;
    a path may be a package itself. A ``.zip`` holding a ``problem.xml`` is listed as it
    is (``import_polygon`` unpacks it). Raises ``ImportSourceError`` for a path with none.
    """
    found: list[Path] = []
    faults = []
    for path in paths:
        if path.is_file() and path.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(path) as archive:
                    names = archive.namelist()
            except (zipfile.BadZipFile, OSError) as error:
                faults.append(f"{path}: not a readable .zip file: {error}")
                continue
            if not any(Path(name).name == PROBLEM_XML for name in names):
                faults.append(f"{path}: not a Polygon package (no problem.xml in the .zip)")
                continue
            found.append(path)
            continue
        if not path.is_dir():
            faults.append(f"{path}: not a Polygon package (no such directory or .zip file)")
            continue
        here = []
        for root, folders, files in os.walk(path):
            if PROBLEM_XML in files:
                here.append(Path(root))
                folders.clear()  # a package's own folders hold no packages
                continue
            folders[:] = sorted(
                f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS
            )
        if not here:
            faults.append(f"{path}: not a Polygon package (no problem.xml in it or below)")
        found.extend(sorted(here))
    if faults:
        raise ImportSourceError(faults)
    return found


@contextlib.contextmanager
def unpacked(paths: list[Path]) -> Iterator[dict[Path, Path]]:
    """Each path, or for a ``.zip`` a temporary folder holding its contents, mapped to the
    path as given."""
    with tempfile.TemporaryDirectory(prefix="refute-polygon-") as scratch:
        result = {}
        for index, path in enumerate(paths):
            if path.is_file() and path.suffix.lower() == ".zip":
                target = Path(scratch) / f"{index}-{package_id(path.stem)}"
                try:
                    with zipfile.ZipFile(path) as archive:
                        archive.extractall(target)  # member paths are sanitised by zipfile
                except (zipfile.BadZipFile, OSError) as error:
                    raise ImportSourceError(
                        [f"{path}: not a readable .zip file: {error}"]
                    ) from error
                result[target] = path
            else:
                result[path] = path
        yield result
