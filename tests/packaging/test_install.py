"""The wheel and the sdist, installed into fresh virtual environments, work from anywhere.

Builds both with ``python -m build --no-isolation`` (hatchling comes with the test extras),
installs each with pip as a user would (the machine's own pip configuration picks the
index), and runs the CLI from an unrelated directory: list the bundled problems, check the
sandbox, and run the fuzz baseline on one bundled task.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import venv
from collections.abc import Sequence
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from ..conftest import TEST_IMAGE

pytestmark = pytest.mark.slow

CHECKOUT = Path(__file__).resolve().parents[2]
TASK = "charged-pair/int-overflow"


def _call(argv: Sequence[str | Path], *, cwd: Path, timeout: float = 600) -> CompletedProcess[str]:
    # Nothing of the checkout or of the test run's own environment may leak in.
    leaks = ("REFUTE_", "VIRTUAL_ENV", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith(leaks)}
    env["REFUTE_CACHE_DIR"] = str(cwd / "cache")
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def _run(argv: Sequence[str | Path], *, cwd: Path, timeout: float = 600) -> str:
    done = _call(argv, cwd=cwd, timeout=timeout)
    assert done.returncode == 0, f"{argv} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, CHECKOUT], cwd=out)
    (wheel,) = out.glob("refute-*.whl")
    (sdist,) = out.glob("refute-*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.fixture(scope="module", params=["wheel", "sdist"])
def installed(
    request: pytest.FixtureRequest, dist: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """(the fresh venv's ``bin/``, an unrelated empty working directory)."""
    root = tmp_path_factory.mktemp(f"venv-{request.param}")
    # Inside somebody else's git repository, as a project's own venv would be.
    git: list[str | Path] = ["git", "-C", root, "-c", "user.name=t", "-c", "user.email=t@localhost"]
    _run([*git, "init", "-q"], cwd=root)
    _run([*git, "commit", "-q", "--allow-empty", "-m", "a project using refute"], cwd=root)
    venv.create(root / "venv", with_pip=True)
    bin_dir = root / "venv" / "bin"
    _run([bin_dir / "python", "-m", "pip", "install", "-q", dist[request.param]], cwd=root)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    return bin_dir, elsewhere


def test_the_bundled_problems_are_listed(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    out = _run([bin_dir / "refute", "problems", "list"], cwd=elsewhere)
    assert "int-overflow" in out
    bundled = sum(1 for p in (CHECKOUT / "problems").iterdir() if (p / "problem.toml").is_file())
    probe = "import refute.problems as p; s = p.load_problems(); print(len(s.problems))"
    found = _run([bin_dir / "python", "-c", probe], cwd=elsewhere)
    assert int(found) == bundled


def test_the_problems_come_from_the_installed_package(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    where = _run(
        [bin_dir / "python", "-c", "import refute.problems as p; print(p.default_problems_dir())"],
        cwd=elsewhere,
    )
    assert "site-packages" in where and where.strip().endswith("refute/data/problems")


def test_no_tests_package_is_installed(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    probe = "import importlib.util as u; print(u.find_spec('tests') is None)"
    assert _run([bin_dir / "python", "-c", probe], cwd=elsewhere).strip() == "True"


def test_the_image_build_context_ships_with_the_package(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    probe = "from refute.files import bundled_dir; print(bundled_dir('sandbox'))"
    where = Path(_run([bin_dir / "python", "-c", probe], cwd=elsewhere).strip())
    assert (where / "Dockerfile").is_file() and "site-packages" in str(where)


def test_the_sandbox_checks_out(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    argv: list[str | Path] = [bin_dir / "refute", "sandbox", "check", "--json"]
    findings = json.loads(_run([*argv, "--image", TEST_IMAGE], cwd=elsewhere))
    assert findings["runs"] and set(findings["runs"].values()) == {"OK"}


def test_the_fuzz_baseline_runs_on_a_bundled_task(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    out = elsewhere / "run"
    argv: list[str | Path] = [bin_dir / "refute", "run", "--problems", TASK, "--image", TEST_IMAGE]
    argv += ["--sandbox-workers", "1", "--agent-option", "seconds=2", "--out", out]
    _run(argv, cwd=elsewhere)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["tasks"] == 1 and summary["attempts"] == 1 and summary["infra_errors"] == 0
    (record,) = [json.loads(line) for line in (out / "attempts.jsonl").read_text().splitlines()]
    assert record["task_id"] == TASK
    provenance = json.loads((out / "config.json").read_text())["provenance"]
    assert provenance["refute_version"] == _project()["version"]
    assert provenance["git_commit"] is None  # the surrounding repository is not refute's


def test_a_refresh_does_not_write_into_the_installed_package(installed: tuple[Path, Path]) -> None:
    bin_dir, elsewhere = installed
    done = _call(
        [bin_dir / "refute", "problems", "refresh", "--since", "2026-01-01"], cwd=elsewhere
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: --out DIR is needed") and "Traceback" not in done.stderr


def _project() -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())["project"]
    return project


def _extras() -> list[str]:
    return sorted(_project().get("optional-dependencies", {}))


@pytest.mark.parametrize("extra", _extras())
def test_each_extra_resolves_alone(extra: str, dist: dict[str, Path], tmp_path: Path) -> None:
    # A dry run resolves every requirement against the index without installing it.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    argv: list[str | Path] = [env_dir / "bin" / "python", "-m", "pip", "install", "--dry-run", "-q"]
    _run([*argv, f"{dist['wheel']}[{extra}]"], cwd=tmp_path)
