"""cxmap build, pages and the MkDocs plugin, with real MkDocs builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLES, REPO, Cli, MakeProject, check

from cxmap.diagrams import views_of

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.mark.acceptance
def test_the_example_handbook_builds_and_leaves_docs_alone(tmp_path: Path, cli: Cli) -> None:
    docs_before = _files(REPO / "docs")
    site = tmp_path / "site"
    result = cli("build", str(REPO), "--site-dir", str(site), "--strict")
    assert result.returncode == 0, result.stderr
    for page in (
        "index.html",
        "journeys/repair-and-warranty/index.html",
        "teams/rider-care/index.html",
        "promises/index.html",
        "coverage/index.html",
        "findings/index.html",
        "strategy/index.html",
        "search/search_index.json",
    ):
        assert (site / page).is_file(), page
    assert _files(REPO / "docs") == docs_before
    journeys = check(REPO).project.journeys
    drawn = sum(len(views_of(doc.model)) for doc in journeys)
    assert drawn == 22  # six journeys with touch points, four of them with a target state
    drawn += len({doc.model.parent for doc in journeys} - {None})  # trees of their parts
    assert drawn == 24
    assert f"cxmap: diagrams {drawn}/{drawn}" in result.stderr
    assert not list(tmp_path.glob(".site.*")), "no staging folder is left behind"


@pytest.mark.acceptance
def test_a_project_without_mkdocs_yml_or_docs_gets_a_default_site(
    make_project: MakeProject, cli: Cli
) -> None:
    root = make_project({"full.yaml": FULL})
    result = cli("build", str(root))
    assert result.returncode == 0, result.stderr
    home = (root / "site" / "index.html").read_text()
    assert "Test Outfitters" in home
    assert (root / "site" / "journeys" / "returns" / "index.html").is_file()
    assert not (root / "docs").exists()


@pytest.mark.acceptance
def test_findings_do_not_stop_a_build_but_strict_does_and_keeps_the_old_site(
    make_project: MakeProject, cli: Cli
) -> None:
    root = make_project({"full.yaml": FULL.replace("      owner: web-team\n", "", 1)})
    built = cli("build", str(root))
    assert built.returncode == 0, built.stderr
    assert "cxmap check: Found 1 error" in built.stderr
    findings = (root / "site" / "findings" / "index.html").read_text()
    assert "CX101" in findings
    (root / "site" / "marker.txt").write_text("published")
    before = _files(root / "site")
    result = cli("build", str(root), "--strict")
    assert result.returncode == 1
    assert "error-level findings" in result.stderr
    assert _files(root / "site") == before
    assert (root / "site" / "marker.txt").read_text() == "published"


@pytest.mark.acceptance
def test_a_failed_mkdocs_build_keeps_the_old_site(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"full.yaml": FULL})
    built = cli("build", str(root))
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "index.html").is_file()
    (root / "site" / "marker.txt").write_text("published")
    (root / "mkdocs.yml").write_text("site_name: X\nplugins: [no-such-plugin]\n")
    result = cli("build", str(root))
    assert result.returncode == 1
    assert "the site was not built" in result.stderr
    assert (root / "site" / "marker.txt").read_text() == "published"
    assert not list(root.glob(".site.*"))


@pytest.mark.parametrize("where", [".", "docs", "journeys"])
def test_build_refuses_to_write_over_the_project(
    make_project: MakeProject, cli: Cli, where: str
) -> None:
    root = make_project({"full.yaml": FULL})
    (root / "docs").mkdir(exist_ok=True)
    result = cli("build", str(root), "--site-dir", str(root / where))
    assert result.returncode == 2
    assert "refusing to write" in result.stderr
    assert (root / "journeys" / "full.yaml").is_file()


@pytest.mark.acceptance
def test_plain_mkdocs_uses_the_registered_plugin(tmp_path: Path, cli: Cli) -> None:
    project = tmp_path / "strategy"
    created = cli("init", str(project))
    assert created.returncode == 0, created.stderr
    assert "created mkdocs.yml" in created.stdout
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "journeys" / "first-order" / "index.html").is_file()
    home = (tmp_path / "out" / "index.html").read_text()
    assert "A new customer" in home  # the journey index replaced the marker


@pytest.mark.acceptance
def test_init_project_builds_strictly(tmp_path: Path, cli: Cli) -> None:
    project = tmp_path / "strategy"
    assert cli("init", str(project)).returncode == 0
    result = cli("build", str(project), "--strict")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "cxmap check: All checks passed: 3 files (2 journeys, 9 touch points)."
    assert "WARNING" not in result.stderr
    assert lines[-1] == f"cxmap: built the handbook in {project / 'site'}"
    assert (project / "site" / "journeys" / "first-order" / "index.html").is_file()


@pytest.mark.acceptance
def test_offline_site_uses_file_urls(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"full.yaml": FULL})
    result = cli("build", str(root), "--offline")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "journeys" / "returns.html").is_file()
    assert 'href="journeys/returns.html"' in (root / "site" / "index.html").read_text()


def test_pages_writes_plain_markdown_and_svg(
    make_project: MakeProject, tmp_path: Path, cli: Cli
) -> None:
    root = make_project({"full.yaml": FULL})
    out = tmp_path / "pages"
    result = cli("pages", str(root), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "journeys" / "returns.md").read_text().startswith("---\n")
    svg = (out / "journeys" / "returns" / "map.svg").read_text()
    assert 'xlink:href="../returns.md#tp-product-page"' in svg
    (out / "stale.md").write_text("old")
    again = cli("pages", str(root), "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert not (out / "stale.md").exists()
    assert (out / "journeys" / "returns.md").is_file()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep")
    result = cli("pages", str(root), "-o", str(foreign))
    assert result.returncode == 2
    assert "refusing to write the pages into" in result.stderr
    assert "it is not empty and was not written by cxmap" in result.stderr
    assert (foreign / "mine.txt").read_text() == "keep"
