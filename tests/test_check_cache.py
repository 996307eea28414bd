"""cxmap check with its cache finds exactly what a check without it finds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLES, REPO, Cli
from scale_project import write_project as write_scale_project

from cxmap import check_cache
from cxmap.cache import DiskCache, NoCache
from cxmap.check_cache import lint_cached
from cxmap.linter import Report, lint


def _projects(tmp_path: Path) -> dict[str, Path]:
    """Projects with every kind of finding: across journeys, in the organisation, broken files."""
    projects = {}
    for name, source in (
        ("cycles", REPO / "journeys"),
        ("council", REPO / "examples/council/journeys"),
    ):
        projects[name] = tmp_path / name
        shutil.copytree(source, projects[name] / "journeys")
    bad = tmp_path / "bad"
    shutil.copytree(EXAMPLES / "journeys-bad", bad / "journeys")
    shutil.copy(EXAMPLES / "organization.yaml", bad / "journeys" / "organization.yaml")
    (bad / "journeys" / "broken.yaml").write_text("journey: [\n")
    (bad / "journeys" / "copy.yaml").write_text(
        (EXAMPLES / "journeys-good" / "full.yaml").read_text()
    )
    (bad / "journeys" / "copy-again.yaml").write_text(
        (EXAMPLES / "journeys-good" / "full.yaml").read_text()
    )
    (bad / "cxmap.yaml").write_text("required_departments: [service, nowhere]\n")
    projects["bad"] = bad
    for broken in sorted((EXAMPLES / "organization-bad").iterdir()):
        root = tmp_path / f"organization-{broken.stem}"
        shutil.copytree(EXAMPLES / "journeys-good", root / "journeys")
        shutil.copy(broken, root / "journeys" / "organization.yaml")
        projects[root.name] = root
    return projects


def _same(cached: Report, plain: Report) -> None:
    assert cached.findings == plain.findings
    assert cached.summary == plain.summary
    assert cached.checks == plain.checks and cached.exit_code == plain.exit_code


@pytest.mark.parametrize("cores", ["one core", "every core"])
def test_the_cache_changes_no_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: str
) -> None:
    if cores == "every core":
        monkeypatch.setattr(check_cache, "PARALLEL_FROM", 1)
        monkeypatch.setattr(check_cache.os, "cpu_count", lambda: 2)
    store = DiskCache(tmp_path / "cache")
    for name, root in _projects(tmp_path).items():
        plain = lint(root)
        assert plain.findings or name.startswith("organization"), name
        _same(lint_cached(root, NoCache()), plain)
        _same(lint_cached(root, store), plain)  # filling the cache
        _same(lint_cached(root, store), plain)  # from the cache
        _same(
            lint_cached(root, store, select=("CX1",), strict=True),
            lint(root, ("CX1",), strict=True),
        )


def test_a_changed_file_changes_the_findings_of_other_files_too(tmp_path: Path) -> None:
    root = _projects(tmp_path)["cycles"]
    store = DiskCache(tmp_path / "cache")
    lint_cached(root, store)
    journeys = root / "journeys"
    first = journeys / "discover-and-buy.yaml"
    # A second journey with the same id: CX004 on a file that did not change.
    (journeys / "zz-copy.yaml").write_text(first.read_text())
    _same(lint_cached(root, store), lint(root))
    (journeys / "zz-copy.yaml").unlink()
    organization = journeys / "organization.yaml"
    organization.write_text(organization.read_text().replace("rider-care", "rider-support"))
    changed = lint_cached(root, store)
    _same(changed, lint(root))
    assert any(f.code == "CX005" and "rider-care" in f.message for f in changed.findings)


def test_the_review_checks_count_from_the_day_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _projects(tmp_path)["cycles"]
    store = DiskCache(tmp_path / "cache")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    _same(lint_cached(root, store), lint(root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01: every review stale
    later = lint_cached(root, store)
    _same(later, lint(root))
    assert any(f.code == "CX401" for f in later.findings)


@pytest.mark.slow
def test_a_large_organisation_checks_the_same_with_the_cache(tmp_path: Path) -> None:
    root = write_scale_project(tmp_path / "utility")
    store = DiskCache(tmp_path / "cache")
    plain = lint(root)
    _same(lint_cached(root, NoCache()), plain)  # 300 files: checked on every core
    _same(lint_cached(root, store), plain)
    _same(lint_cached(root, store), plain)


def test_cxmap_check_uses_the_cache_unless_told_not_to(tmp_path: Path, cli: Cli) -> None:
    root = _projects(tmp_path)["bad"]
    cache = tmp_path / "cache"
    env = {"CXMAP_CACHE_DIR": str(cache)}
    first = cli("check", str(root), "--format", "json", env=env)
    assert first.returncode == 1
    entries = sorted((cache / "check").iterdir())
    assert entries, "the checked files are in the cache"
    again = cli("check", str(root), "--format", "json", env=env)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    shutil.rmtree(cache)
    plain = cli("check", str(root), "--format", "json", "--no-cache", env=env)
    assert (plain.returncode, plain.stdout) == (first.returncode, first.stdout)
    assert not cache.exists(), "--no-cache writes nothing"


def test_a_damaged_cache_entry_is_read_again(tmp_path: Path) -> None:
    root = _projects(tmp_path)["cycles"]
    store = DiskCache(tmp_path / "cache")
    plain = lint(root)
    lint_cached(root, store)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"\x80\x04garbage")
    _same(lint_cached(root, store), plain)


def test_checks_running_side_by_side_share_one_cache(tmp_path: Path) -> None:
    root = _projects(tmp_path)["council"]
    env = {**os.environ, "CXMAP_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "cxmap", "check", str(root), "--format", "json"]
    running = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(4)
    ]
    outputs = {process.communicate(timeout=120)[0] for process in running}
    assert [process.returncode for process in running] == [0] * 4
    alone = subprocess.run([*command, "--no-cache"], capture_output=True, env=env, check=False)
    assert outputs == {alone.stdout}, "every run wrote and read the same entries safely"
    again = subprocess.run(command, capture_output=True, env=env, check=False)
    assert again.stdout == alone.stdout
    assert not list((tmp_path / "cache" / "check").glob(".*")), "no half-written entry is left"
