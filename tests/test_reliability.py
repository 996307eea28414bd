"""Reproducible, atomic and concurrent builds; ids never become paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES, Cli, MakeProject, check

from cxmap.commands import build as build_command

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.acceptance
def test_two_builds_are_byte_identical(make_project: MakeProject, tmp_path: Path, cli: Cli) -> None:
    root = make_project({"full.yaml": FULL})
    env = {"SOURCE_DATE_EPOCH": "1790000000"}
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        result = cli("build", str(root), "--site-dir", str(site), env=env)
        assert result.returncode == 0, result.stderr
        assert f"cxmap: built the handbook in {site}" in result.stderr
    assert _tree(first) == _tree(second)
    assert "journeys/returns/index.html" in _tree(first)


@pytest.mark.acceptance
def test_an_interrupted_build_leaves_the_published_site(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    root = make_project({"full.yaml": FULL})
    built = cli("build", str(root))
    assert built.returncode == 0, built.stderr
    published = _tree(root / "site")
    assert "index.html" in published

    def interrupted(config: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_command, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_command.run(root, None, strict=False, offline=False)
    assert _tree(root / "site") == published
    assert not list(root.glob(".site.*building*"))


@pytest.mark.parametrize("identifier", ["../../etc/passwd", "/tmp/x", "a/b", "..", "C:evil"])
def test_ids_that_look_like_paths_are_refused(make_project: MakeProject, identifier: str) -> None:
    journey = FULL.replace("  id: returns", f'  id: "{identifier}"')
    report = check(make_project({"full.yaml": journey}), select=("CX002",))
    assert [f.message.split(" must")[0] for f in report.findings] == ["'id'"]
    assert all(
        "/" not in doc.model.id and ".." not in doc.model.id for doc in report.project.journeys
    )
