"""cxmap init: a small project that checks clean, editor-ready, never overwriting."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import Cli

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def test_init_creates_a_project_that_checks_clean(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "strategy"
    result = cli("init", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "journeys" / "organization.yaml").is_file()
    journeys = [p for p in (target / "journeys").glob("*.yaml") if p.stem != "organization"]
    assert len(journeys) == 2
    assert (target / "measurements.csv").read_text().startswith("date,journey,touchpoint,kpi")
    checked = cli("check", str(target), "--format", "json")
    assert checked.returncode == 0
    assert json.loads(checked.stdout)["findings"] == []


def test_every_yaml_file_points_editors_at_its_schema(tmp_path: Path, cli: Cli) -> None:
    assert cli("init", str(tmp_path)).returncode == 0
    for path in [tmp_path / "cxmap.yaml", *(tmp_path / "journeys").glob("*.yaml")]:
        found = MODELINE.search(path.read_text())
        assert found, path
        assert (path.parent / found.group(1)).resolve().is_file(), path


def test_init_never_overwrites(tmp_path: Path, cli: Cli) -> None:
    mine = tmp_path / "journeys" / "organization.yaml"
    mine.parent.mkdir()
    mine.write_text("organization: mine\n")
    result = cli("init", str(tmp_path))
    assert result.returncode == 0
    assert mine.read_text() == "organization: mine\n"
    assert "kept    journeys/organization.yaml (it exists already)" in result.stdout
    again = cli("init", str(tmp_path))
    assert "created" not in again.stdout


def test_init_into_a_file_is_refused(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    result = cli("init", str(target))
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr
    assert target.read_text() == "x"


@pytest.mark.parametrize(
    ("args", "organization"),
    [
        (["--example", "{dir}"], "Larkspur Cycles"),  # the form from before names
        (["{dir}", "--example"], "Larkspur Cycles"),
        (["--example", "cycles", "{dir}"], "Larkspur Cycles"),
        (["{dir}", "--example", "council"], "Council"),
    ],
)
def test_init_example_copies_a_full_example_organisation(
    tmp_path: Path, cli: Cli, args: list[str], organization: str
) -> None:
    result = cli("init", *(arg.format(dir=tmp_path) for arg in args))
    assert result.returncode == 0, result.stderr
    assert "created journeys/organization.yaml" in result.stdout
    assert organization in (tmp_path / "journeys" / "organization.yaml").read_text()
    journeys = sorted(p.name for p in (tmp_path / "journeys").glob("*.yaml"))
    assert "first-order.yaml" not in journeys
    assert len(journeys) >= 5
    checked = cli("check", str(tmp_path), "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert [f for f in report["findings"] if f["severity"] == "error"] == []
    assert report["summary"]["journeys"] == len(journeys) - 1  # all but the organisation
    measurements = (tmp_path / "measurements.csv").read_text()
    assert measurements.count("\n") >= 12 * 10  # a year of the example's figures
    assert "first-order" not in measurements
    for path in (tmp_path / "journeys").glob("*.yaml"):
        found = MODELINE.search(path.read_text())
        assert found and (path.parent / found.group(1)).resolve().is_file(), path


def _yaml_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.y*ml"))


def test_init_adds_no_example_journeys_to_an_existing_project(tmp_path: Path, cli: Cli) -> None:
    mine = tmp_path / "journeys" / "organization.yml"
    mine.parent.mkdir()
    mine.write_bytes(b"organization: {name: Mine}\n")
    result = cli("init", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert _yaml_files(tmp_path / "journeys") == ["organization.yml"]
    assert mine.read_bytes() == b"organization: {name: Mine}\n"
    assert "skipped the example journeys: journeys/ holds journeys already" in result.stdout
    assert (tmp_path / "mkdocs.yml").is_file()  # the rest of the scaffold is still added
    assert not (tmp_path / "measurements.csv").exists()  # its rows name the example journeys


def test_init_adds_no_example_journeys_beside_journeys_of_a_configured_folder(
    tmp_path: Path, cli: Cli
) -> None:
    (tmp_path / "cxmap.yaml").write_text("journeys_dir: strategy\n")
    (tmp_path / "strategy" / "sub").mkdir(parents=True)
    (tmp_path / "strategy" / "sub" / "returns.yaml").write_text("journey: {}\n")
    result = cli("init", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "skipped the example journeys: strategy/ holds journeys already" in result.stdout
    assert _yaml_files(tmp_path / "strategy") == ["sub/returns.yaml"]
    assert not (tmp_path / "journeys").exists()


def test_init_skips_the_examples_when_cxmap_yaml_is_broken(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "cxmap.yaml").write_text("journeys_dir: [\n")
    result = cli("init", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "skipped the example journeys: cxmap.yaml cannot be read" in result.stdout
    assert not (tmp_path / "journeys").exists()
    assert (tmp_path / "cxmap.yaml").read_text() == "journeys_dir: [\n"


def test_init_puts_the_journeys_where_cxmap_yaml_says(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "cxmap.yaml").write_text("journeys_dir: strategy/cx\n")
    created = cli("init", str(tmp_path))
    assert created.returncode == 0, created.stderr
    assert "created strategy/cx/organization.yaml" in created.stdout
    assert "organization.yaml" in _yaml_files(tmp_path / "strategy" / "cx")
    for path in (tmp_path / "strategy" / "cx").glob("*.yaml"):
        found = MODELINE.search(path.read_text())
        assert found and (path.parent / found.group(1)).resolve().is_file(), path
    checked = cli("check", str(tmp_path), "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["findings"] == []
    assert report["summary"]["journeys"] == 2


@pytest.mark.acceptance
def test_init_writes_a_gitignore_for_the_site(tmp_path: Path, cli: Cli) -> None:
    result = cli("init", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "created .gitignore" in result.stdout
    lines = (tmp_path / ".gitignore").read_text().splitlines()
    assert {"/site/", "/.site.building-*/", "/.site.old-*/", "/.cache/"} <= set(lines)
    built = cli("build", str(tmp_path), env={"CXMAP_CACHE_DIR": str(tmp_path / ".cache")})
    assert built.returncode == 0, built.stderr
    assert f"cxmap: built the handbook in {tmp_path / 'site'}" in built.stderr
    if shutil.which("git") is None:
        return
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    ignored = subprocess.run(
        ["git", "check-ignore", "site/index.html", ".cache/x", "journeys/organization.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ignored.stdout.split() == ["site/index.html", ".cache/x"]


def test_init_leaves_an_existing_gitignore_alone(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / ".gitignore").write_bytes(b"*.pyc\n")
    result = cli("init", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "kept    .gitignore (it exists already)" in result.stdout
    assert (tmp_path / ".gitignore").read_bytes() == b"*.pyc\n"


def test_the_gitignore_follows_site_dir_of_an_existing_mkdocs_yml(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nsite_dir: build/handbook\n")
    created = cli("init", str(tmp_path))
    assert created.returncode == 0, created.stderr
    assert "created .gitignore" in created.stdout
    assert "kept    mkdocs.yml (it exists already)" in created.stdout
    lines = (tmp_path / ".gitignore").read_text().splitlines()
    assert "/build/handbook/" in lines
    assert "/build/.handbook.building-*/" in lines


def test_init_refuses_an_unknown_example_with_a_suggestion(tmp_path: Path, cli: Cli) -> None:
    result = cli("init", str(tmp_path / "p"), "--example", "councl")
    assert result.returncode == 2
    assert "no example called 'councl' (did you mean 'council'?)" in result.stderr
    assert "choose one of cycles, council" in result.stderr
    assert not (tmp_path / "p").exists()
    assert "cxmap init DIR" in cli("init", "--example", "council").stderr
