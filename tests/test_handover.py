"""The build checks the project once: the command hands its report to the plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES, MakeProject

from cxmap import linter, mkdocs_plugin
from cxmap.commands import build
from cxmap.handbook.pages import NAVIGATION, PAGES
from cxmap.linter import Report
from cxmap.readings import Readings

EXAMPLE = Path(__file__).parent.parent
MINIMAL = (EXAMPLES / "journeys-good" / "minimal.yaml").read_text(encoding="utf-8")


def test_cxmap_build_checks_the_project_once(
    make_project: MakeProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project({"minimal.yaml": MINIMAL})
    calls: list[Path] = []

    def counting_lint(root: Path, **options: object) -> Report:
        calls.append(root)
        return linter.lint(root, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "lint", counting_lint)
    monkeypatch.setattr(mkdocs_plugin, "lint", counting_lint)
    assert build.run(project, tmp_path / "site", strict=False, offline=False) == 0
    assert calls == [project]
    assert (tmp_path / "site" / "journeys" / "minimal" / "index.html").is_file()
    assert mkdocs_plugin._handed_over == {}  # nothing is left for a later build


def test_a_report_is_taken_once_and_only_for_its_project(tmp_path: Path) -> None:
    report = linter.lint(EXAMPLE)
    with mkdocs_plugin.handed_over(report, cache=False):
        assert list(mkdocs_plugin._handed_over) == [EXAMPLE.resolve()]
        handed = mkdocs_plugin._handed_over.pop(EXAMPLE.resolve())
        assert handed.report is report and handed.cache is False and handed.readings is None
        assert tmp_path.resolve() not in mkdocs_plugin._handed_over
    assert mkdocs_plugin._handed_over == {}


def test_the_navigation_follows_the_table_of_pages() -> None:
    assert NAVIGATION == (
        ("Journeys", ("journeys",)),
        ("Organisation", ("teams", "departments", "channels", "services", "personas")),
        (
            "At a glance",
            (
                "dashboard.md",
                "scorecard.md",
                "promises.md",
                "kpis.md",
                "opportunities.md",
                "coverage.md",
                "findings.md",
                "tags",
                "checks.md",
            ),
        ),
    )
    folders = [page for page in PAGES if page.each is not None]
    assert [page.item_page("x") for page in folders] == [
        "journeys/x.md",
        "teams/x.md",
        "departments/x.md",
        "channels/x.md",
        "services/x.md",
        "personas/x.md",
        "tags/x.md",
    ]


def test_a_preview_marks_the_pages_of_files_it_shows_from_their_last_good_reading(
    make_project: MakeProject,
) -> None:
    project = make_project({"minimal.yaml": MINIMAL})
    readings = Readings()
    assert mkdocs_plugin.stale_pages(linter.lint(project, readings=readings)) == {}
    journey = project / "journeys" / "minimal.yaml"
    journey.write_text("journey: [\n")
    stale = mkdocs_plugin.stale_pages(linter.lint(project, readings=readings))
    assert stale == {"journeys/minimal.md": "journeys/minimal.yaml"}
    banner = mkdocs_plugin.stale_banner(stale["journeys/minimal.md"], "journeys/minimal.md")
    assert banner.startswith('!!! warning "journeys/minimal.yaml cannot be read now"')
    assert "[Findings](../findings.md)" in banner
    journey.write_text(MINIMAL)
    (project / "journeys" / "organization.yaml").write_text("organization: {teams: [\n")
    stale = mkdocs_plugin.stale_pages(linter.lint(project, readings=readings))
    assert stale == {"*": "journeys/organization.yaml"}, "every page shows the old organisation"
