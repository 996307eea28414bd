"""cxmap init: a small project that checks clean, editor-ready, never overwriting."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def test_init_creates_a_project_that_checks_clean(tmp_path: Path) -> None:
    target = tmp_path / "strategy"
    result = run_cli("init", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "journeys" / "organization.yaml").is_file()
    journeys = [p for p in (target / "journeys").glob("*.yaml") if p.stem != "organization"]
    assert len(journeys) == 2
    checked = run_cli("check", str(target), "--format", "json")
    assert checked.returncode == 0
    assert json.loads(checked.stdout)["findings"] == []


def test_every_yaml_file_points_editors_at_its_schema(tmp_path: Path) -> None:
    run_cli("init", str(tmp_path))
    for path in [tmp_path / "cxmap.yaml", *(tmp_path / "journeys").glob("*.yaml")]:
        found = MODELINE.search(path.read_text())
        assert found, path
        assert (path.parent / found.group(1)).resolve().is_file(), path


def test_init_never_overwrites(tmp_path: Path) -> None:
    mine = tmp_path / "journeys" / "organization.yaml"
    mine.parent.mkdir()
    mine.write_text("organization: mine\n")
    result = run_cli("init", str(tmp_path))
    assert result.returncode == 0
    assert mine.read_text() == "organization: mine\n"
    assert "kept    journeys/organization.yaml (it exists already)" in result.stdout
    again = run_cli("init", str(tmp_path))
    assert "created" not in again.stdout


def test_init_into_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    result = run_cli("init", str(target))
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr
    assert target.read_text() == "x"


def test_init_example_copies_the_full_example_organisation(tmp_path: Path) -> None:
    result = run_cli("init", "--example", str(tmp_path))
    assert result.returncode == 0
    journeys = sorted(p.name for p in (tmp_path / "journeys").glob("*.yaml"))
    assert "first-order.yaml" not in journeys
    assert len(journeys) >= 5
    checked = run_cli("check", str(tmp_path), "--format", "json")
    assert checked.returncode == 0
    for path in (tmp_path / "journeys").glob("*.yaml"):
        found = MODELINE.search(path.read_text())
        assert found and (path.parent / found.group(1)).resolve().is_file(), path
