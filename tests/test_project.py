"""Loading a project: bad files never stop the others, a bad registry never floods."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES, MakeProject, check, found

from cxmap.errors import ProjectNotFound
from cxmap.linter import lint
from cxmap.readings import Readings

MINIMAL = (EXAMPLES / "journeys-good" / "minimal.yaml").read_text(encoding="utf-8")
LOADING = ("CX0", "CX101", "CX102")
"""The codes this module is about: reading, schema, references, ownership."""


def test_a_broken_file_does_not_stop_the_others(make_project: MakeProject) -> None:
    root = make_project(
        {
            "a-broken.yaml": "journey: [\n",
            "b-good.yaml": MINIMAL,
            "c-orphan.yaml": MINIMAL.replace("id: minimal", "id: orphan").replace(
                "      owner: support-desk\n", ""
            ),
        }
    )
    report = check(root, select=LOADING)
    assert [doc.model.id for doc in report.project.journeys] == ["minimal", "orphan"]
    assert {(f.file, f.code) for f in report.findings} == {
        ("journeys/a-broken.yaml", "CX001"),
        ("journeys/c-orphan.yaml", "CX101"),
    }


def test_a_broken_organization_does_not_flood_journeys(make_project: MakeProject) -> None:
    root = make_project({"minimal.yaml": MINIMAL}, organization="organization: [\n")
    report = check(root, select=LOADING)
    assert [(f.file, f.code) for f in report.findings] == [("journeys/organization.yaml", "CX001")]


def test_a_broken_list_in_the_organization_only_silences_that_kind(
    make_project: MakeProject,
) -> None:
    org = (EXAMPLES / "organization.yaml").read_text(encoding="utf-8")
    broken = org.replace("  teams:\n", "  teams: 5\n  old_teams:\n")
    journey = MINIMAL.replace("stages: [support]", "stages: [supprt]")
    root = make_project({"minimal.yaml": journey}, organization=broken)
    codes = sorted((f.file, f.code) for f in check(root, select=LOADING).findings)
    # teams is unknown now, so owners are not checked; stages still are.
    assert codes == [
        ("journeys/minimal.yaml", "CX005"),
        ("journeys/minimal.yaml", "CX005"),
        ("journeys/organization.yaml", "CX002"),
        ("journeys/organization.yaml", "CX002"),
    ]


def test_dropped_teams_still_count_as_defined(make_project: MakeProject) -> None:
    org = (EXAMPLES / "organization.yaml").read_text(encoding="utf-8")
    broken = org.replace(
        "{id: support-desk, name: Support Desk, department: service, lead: Priya Shah}",
        "{id: support-desk, name: Support Desk, department: 7}",
    )
    root = make_project({"minimal.yaml": MINIMAL}, organization=broken)
    assert [f.code for f in check(root, select=LOADING).findings] == ["CX002"]


def test_a_project_without_organization_file(make_project: MakeProject) -> None:
    root = make_project({"minimal.yaml": MINIMAL}, organization=None)
    report = check(root, select=LOADING)
    assert [(f.file, f.code, f.line) for f in report.findings] == [
        ("journeys/organization.yaml", "CX002", 1)
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "the file is empty"),
        ("- a\n- b\n", "the file holds a list"),
        ("just text\n", "the file holds a single value"),
        ("{}\n", "the file holds an empty mapping"),
        ("journy:\n  id: x\n", "unknown top-level key 'journy' (did you mean 'journey'?)"),
        ("organization:\n  name: x\n", "only the organization file may hold 'organization:'"),
        ("journey:\n", "'journey' must be a mapping, not nothing"),
    ],
)
def test_top_level_problems_are_reported_at_1_1(
    make_project: MakeProject, content: str, message: str
) -> None:
    root = make_project({"j.yaml": content})
    findings = check(root, select=LOADING).findings
    assert [(f.code, f.line) for f in findings] == [("CX002", 1)]
    assert findings[0].message.startswith(message)


def test_journeys_in_subfolders_hidden_files_skipped(make_project: MakeProject) -> None:
    root = make_project(
        {
            "team-a/minimal.yaml": MINIMAL,
            ".drafts/broken.yaml": "journey: [",
            "notes.txt": "not yaml",
            "other.yml": MINIMAL.replace("id: minimal", "id: other"),
        }
    )
    report = check(root, select=LOADING)
    assert report.findings == []
    assert report.project.files == [
        "journeys/organization.yaml",
        "journeys/other.yml",
        "journeys/team-a/minimal.yaml",
    ]


def test_duplicate_journey_ids_across_files(make_project: MakeProject) -> None:
    root = make_project({"a.yaml": MINIMAL, "b.yaml": MINIMAL})
    findings = check(root, select=LOADING).findings
    assert [(f.file, f.code, f.line, f.column) for f in findings] == [
        ("journeys/b.yaml", "CX004", 2, 7)
    ]
    assert "first defined at journeys/a.yaml:2:7" in findings[0].message


def test_links_outside_the_project_are_refused(make_project: MakeProject, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(MINIMAL, encoding="utf-8")
    root = make_project()
    (root / "journeys" / "linked.yaml").symlink_to(outside)
    findings = check(root, select=LOADING).findings
    assert [(f.file, f.code) for f in findings] == [("journeys/linked.yaml", "CX001")]


def test_missing_project_and_missing_journeys_dir(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFound, match="does not exist"):
        check(tmp_path / "nowhere")
    with pytest.raises(ProjectNotFound, match="no journeys directory"):
        check(tmp_path)


def test_ignore_suppresses_on_touch_point_and_journey(make_project: MakeProject) -> None:
    journey = MINIMAL.replace("      owner: support-desk\n", "      ignore: [CX101]\n")
    root = make_project({"a.yaml": journey})
    assert check(root, select=LOADING).findings == []
    journey = MINIMAL.replace("      owner: support-desk\n", "").replace(
        "  stages:", "  ignore: [CX101]\n  stages:"
    )
    root = make_project({"a.yaml": journey})
    assert check(root, select=LOADING).findings == []


def test_findings_carry_journey_and_touch_point(make_project: MakeProject) -> None:
    journey = MINIMAL.replace("      owner: support-desk\n", "      owner: nobody\n      ownr: x\n")
    root = make_project({"a.yaml": journey})
    report = check(root, select=LOADING)
    assert {(f.code, f.journey, f.touchpoint) for f in report.findings} == {
        ("CX005", "minimal", "ask"),
        ("CX002", "minimal", "ask"),
    }
    assert found(report) == {("CX005", 10, 14), ("CX002", 11, 7)}


def test_readings_reuse_unchanged_files_and_read_changed_ones(make_project: MakeProject) -> None:
    root = make_project({"a.yaml": MINIMAL, "b.yaml": MINIMAL.replace("id: minimal", "id: b")})
    readings = Readings()
    first = lint(root, readings=readings).project
    (root / "journeys" / "b.yaml").write_text(
        MINIMAL.replace("id: minimal", "id: b").replace("title:", "title: Renamed")
    )
    second = lint(root, readings=readings).project
    assert second.journeys[0] is first.journeys[0], "a.yaml did not change: not read again"
    assert second.organization is first.organization
    assert second.journeys[1] is not first.journeys[1]
    assert second.journeys[1].model.title.startswith("Renamed")
    assert second.journeys[1].digest and second.journeys[1].digest != first.journeys[1].digest
    assert not second.stale


def test_readings_keep_the_last_good_version_of_a_broken_file(make_project: MakeProject) -> None:
    root = make_project({"a.yaml": MINIMAL})
    readings = Readings()
    good = lint(root, readings=readings).project
    journey = root / "journeys" / "a.yaml"
    journey.write_text("journey: [\n")
    broken = lint(root, readings=readings)
    assert [doc.model.id for doc in broken.project.journeys] == ["minimal"]
    assert broken.project.journeys[0] is good.journeys[0]
    assert broken.project.stale == {"journeys/a.yaml"}
    assert "CX001" in {finding.code for finding in broken.findings}
    without = lint(root)
    assert not without.project.journeys, "a check without readings shows the file as it is"
    journey.write_text(MINIMAL)
    fixed = lint(root, readings=readings).project
    assert not fixed.stale and [doc.model.id for doc in fixed.journeys] == ["minimal"]
    journey.unlink()
    assert not lint(root, readings=readings).project.journeys, "a deleted file is gone"
