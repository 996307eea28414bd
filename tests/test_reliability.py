"""Reproducible, atomic and concurrent builds; ids never become paths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, MakeProject, check, run_cli

from cxmap.commands import build as build_command

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_two_builds_are_byte_identical(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project({"full.yaml": FULL})
    env = {"SOURCE_DATE_EPOCH": "1790000000"}
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_cli("build", str(root), "--site-dir", str(first), env=env).returncode == 0
    assert run_cli("build", str(root), "--site-dir", str(second), env=env).returncode == 0
    assert _tree(first) == _tree(second)


def test_an_interrupted_build_leaves_the_published_site(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project({"full.yaml": FULL})
    assert run_cli("build", str(root)).returncode == 0
    published = _tree(root / "site")

    def interrupted(config: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_command, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_command.run(root, None, strict=False, offline=False)
    assert _tree(root / "site") == published
    assert not list(root.glob(".site.*building*"))


def test_concurrent_builds_into_one_site_take_turns(make_project: MakeProject) -> None:
    root = make_project({"full.yaml": FULL})
    command = [sys.executable, "-m", "cxmap", "build", str(root)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    site = root / "site"
    assert (site / "index.html").is_file()
    assert (site / "journeys" / "returns" / "index.html").is_file()
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.") and p.is_dir()]
    assert leftovers == []


@pytest.mark.parametrize("identifier", ["../../etc/passwd", "/tmp/x", "a/b", "..", "C:evil"])
def test_ids_that_look_like_paths_are_refused(make_project: MakeProject, identifier: str) -> None:
    journey = FULL.replace("  id: returns", f'  id: "{identifier}"')
    report = check(make_project({"full.yaml": journey}), select=("CX002",))
    assert [f.message.split(" must")[0] for f in report.findings] == ["'id'"]
    assert all(
        "/" not in doc.model.id and ".." not in doc.model.id for doc in report.project.journeys
    )
