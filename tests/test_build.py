"""cxmap build, pages and the MkDocs plugin, with real MkDocs builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, MakeProject, run_cli

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_the_example_handbook_builds_and_leaves_docs_alone(tmp_path: Path) -> None:
    docs_before = _files(REPO / "docs")
    site = tmp_path / "site"
    result = run_cli("build", str(REPO), "--site-dir", str(site), "--strict")
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
    assert "cxmap: diagrams 18/18" in result.stderr
    assert not list(tmp_path.glob(".site.*")), "no staging folder is left behind"


def test_a_project_without_mkdocs_yml_or_docs_gets_a_default_site(
    make_project: MakeProject,
) -> None:
    root = make_project({"full.yaml": FULL})
    result = run_cli("build", str(root))
    assert result.returncode == 0, result.stderr
    home = (root / "site" / "index.html").read_text()
    assert "Test Outfitters" in home
    assert (root / "site" / "journeys" / "returns" / "index.html").is_file()
    assert not (root / "docs").exists()


def test_findings_do_not_stop_a_build_but_strict_does_and_keeps_the_old_site(
    make_project: MakeProject,
) -> None:
    root = make_project({"full.yaml": FULL.replace("      owner: web-team\n", "", 1)})
    assert run_cli("build", str(root)).returncode == 0
    findings = (root / "site" / "findings" / "index.html").read_text()
    assert "CX101" in findings
    (root / "site" / "marker.txt").write_text("published")
    before = _files(root / "site")
    result = run_cli("build", str(root), "--strict")
    assert result.returncode == 1
    assert "error-level findings" in result.stderr
    assert _files(root / "site") == before
    assert (root / "site" / "marker.txt").read_text() == "published"


def test_a_failed_mkdocs_build_keeps_the_old_site(make_project: MakeProject) -> None:
    root = make_project({"full.yaml": FULL})
    assert run_cli("build", str(root)).returncode == 0
    (root / "site" / "marker.txt").write_text("published")
    (root / "mkdocs.yml").write_text("site_name: X\nplugins: [no-such-plugin]\n")
    result = run_cli("build", str(root))
    assert result.returncode == 1
    assert "the site was not built" in result.stderr
    assert (root / "site" / "marker.txt").read_text() == "published"
    assert not list(root.glob(".site.*"))


@pytest.mark.parametrize("where", [".", "docs", "journeys"])
def test_build_refuses_to_write_over_the_project(make_project: MakeProject, where: str) -> None:
    root = make_project({"full.yaml": FULL})
    (root / "docs").mkdir(exist_ok=True)
    result = run_cli("build", str(root), "--site-dir", str(root / where))
    assert result.returncode == 2
    assert "refusing to write" in result.stderr
    assert (root / "journeys" / "full.yaml").is_file()


def test_plain_mkdocs_uses_the_registered_plugin(tmp_path: Path) -> None:
    project = tmp_path / "strategy"
    assert run_cli("init", str(project)).returncode == 0
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


def test_init_project_builds_strictly(tmp_path: Path) -> None:
    project = tmp_path / "strategy"
    run_cli("init", str(project))
    result = run_cli("build", str(project), "--strict")
    assert result.returncode == 0, result.stderr


def test_offline_site_uses_file_urls(make_project: MakeProject) -> None:
    root = make_project({"full.yaml": FULL})
    result = run_cli("build", str(root), "--offline")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "journeys" / "returns.html").is_file()
    assert 'href="journeys/returns.html"' in (root / "site" / "index.html").read_text()


def test_pages_writes_plain_markdown_and_svg(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project({"full.yaml": FULL})
    out = tmp_path / "pages"
    result = run_cli("pages", str(root), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "journeys" / "returns.md").read_text().startswith("---\n")
    svg = (out / "journeys" / "returns" / "map.svg").read_text()
    assert 'xlink:href="../returns.md#tp-product-page"' in svg
    (out / "stale.md").write_text("old")
    assert run_cli("pages", str(root), "-o", str(out)).returncode == 0
    assert not (out / "stale.md").exists()
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep")
    result = run_cli("pages", str(root), "-o", str(foreign))
    assert result.returncode == 2
    assert (foreign / "mine.txt").read_text() == "keep"
