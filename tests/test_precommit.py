"""The pre-commit hook, installed by pre-commit from this repository as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, Cli

pytestmark = pytest.mark.acceptance  # pre-commit installs the hook from this repository

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.invalid", "-c", "user.name=ci", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO), "cxmap-check", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.skipif(not (REPO / ".git").exists(), reason="needs a git checkout of cxmap")
def test_hook_passes_a_clean_project_and_fails_a_broken_one(
    tmp_path: Path, pre_commit_home: Path, cli: Cli
) -> None:
    project = tmp_path / "strategy"
    created = cli("init", str(project))
    assert created.returncode == 0, created.stderr
    assert "created .pre-commit-config.yaml" in created.stdout
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "init")
    result = _try_repo(project, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cxmap check" in result.stdout and "Passed" in result.stdout

    journey = project / "journeys" / "first-order.yaml"
    journey.write_text(journey.read_text().replace("owner: brand", "ownr: brand"))
    _git(project, "add", "-A")
    result = _try_repo(project, pre_commit_home)
    assert result.returncode == 1
    assert "Failed" in result.stdout
    assert "unknown key 'ownr' (did you mean 'owner'?)" in result.stdout
