"""Files and folders a user or a merge can produce: none may crash, hang or mislead."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLES, QUIET, Cli, MakeProject, check

MINIMAL = (EXAMPLES / "journeys-good" / "minimal.yaml").read_text(encoding="utf-8")


def test_a_schema_error_stays_with_its_touch_point_after_pruning(make_project: MakeProject) -> None:
    journey = """journey:
  id: j
  title: T
  owner: support-desk
  stages: [support]
  touchpoints:
    - id: broken
      stage: support
    - id: good
      name: Good
      stage: support
      owner: support-desk
      expectation: x
      colour: red
      ignore: [CX002]
"""
    findings = check(make_project({"j.yaml": journey}), select=("CX002",)).findings
    assert [(f.touchpoint, f.message) for f in findings] == [
        ("broken", "missing required key 'name'")
    ]


def test_a_journey_level_duplicate_key_is_not_blamed_on_a_touch_point(
    make_project: MakeProject,
) -> None:
    journey = MINIMAL + "  owner: lab\n"
    findings = check(make_project({"j.yaml": journey}), select=("CX003",)).findings
    assert [(f.code, f.touchpoint, f.journey) for f in findings] == [("CX003", None, "minimal")]


def test_link_loops_and_links_outside(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project({"ok.yaml": MINIMAL})
    folder = root / "journeys"
    (folder / "loop.yaml").symlink_to("loop.yaml")
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.yaml").write_text(MINIMAL)
    (folder / "linked-folder").symlink_to(outside)
    (folder / "self").symlink_to(".")
    findings = check(root, select=("CX001",)).findings
    assert {(f.file, f.message.split(";")[0]) for f in findings} == {
        ("journeys/a.yaml", "the file is a link that loops back to itself"),
        ("journeys/b.yaml", "the file is a link that loops back to itself"),
        ("journeys/loop.yaml", "the file is a link that loops back to itself"),
        ("journeys/linked-folder", "the folder links to a place outside the project"),
    }


def test_linked_folders_inside_the_project_are_read(make_project: MakeProject) -> None:
    root = make_project({"team/a.yaml": MINIMAL})
    (root / "journeys" / "alias").symlink_to("team")
    report = check(root, select=("CX0",))
    assert report.project.files == ["journeys/organization.yaml", "journeys/team/a.yaml"]
    shared = root / "shared"
    shared.mkdir()
    (shared / "b.yaml").write_text(MINIMAL.replace("id: minimal", "id: shared"))
    (root / "journeys" / "from-shared").symlink_to(shared)
    assert "journeys/from-shared/b.yaml" in check(root, select=("CX0",)).project.files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_a_journey_is_refused_without_hanging(
    make_project: MakeProject, cli: Cli
) -> None:
    root = make_project({"ok.yaml": MINIMAL})
    os.mkfifo(root / "journeys" / "pipe.yaml")
    (root / "journeys" / "folder.yaml").mkdir()
    result = cli("check", str(root), "--format", "json")
    files = {f["file"]: f["message"] for f in json.loads(result.stdout)["findings"]}
    assert files["journeys/pipe.yaml"].startswith("not a regular file")


def test_file_names_that_are_not_utf8(make_project: MakeProject, cli: Cli) -> None:
    root = make_project(config=QUIET)
    name = Path(os.fsdecode(os.fsencode(root / "journeys") + b"/bad\xff.yaml"))
    name.write_text(MINIMAL.replace("      owner: support-desk\n", ""), encoding="utf-8")
    for output_format in ("text", "json", "github", "sarif", "junit"):
        result = cli("check", str(root), "--format", output_format)
        assert result.returncode == 1, (output_format, result.stderr)
        assert "\ufffd" in result.stdout or "%EF%BF%BD" in result.stdout
    json.loads(cli("check", str(root), "--format", "sarif").stdout)


def test_control_characters_keep_junit_well_formed(make_project: MakeProject, cli: Cli) -> None:
    journey = MINIMAL.replace("      expectation: An answer\n", "")
    journey = journey.replace("name: Ask a question", 'name: "Ask\\x01 me"')
    journey = journey.replace("    - id: ask", "    - id: ask")
    root = make_project({"j.yaml": journey}, config=QUIET)
    result = cli("check", str(root), "--format", "junit")
    assert result.returncode == 1, result.stderr
    suites = ET.fromstring(result.stdout)
    assert suites.tag == "testsuites"
    assert (suites.get("failures"), suites.get("errors")) == ("1", "0")
    failures = [
        (case.get("classname"), failure.get("type"), failure.text)
        for case in suites.iter("testcase")
        for failure in case.iter("failure")
    ]
    assert failures == [
        (
            "journeys/j.yaml",
            "CX102",
            "journeys/j.yaml:7:7: CX102 [error] touch point 'ask' has no expectation: "
            "say what the customer expects here",
        )
    ]


@pytest.mark.parametrize("epoch", ["99999999999999999999", "253402300800", "not-a-number"])
def test_odd_source_date_epochs_fall_back_to_today(
    make_project: MakeProject, cli: Cli, epoch: str
) -> None:
    root = make_project({"j.yaml": MINIMAL})
    result = cli("check", str(root), env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "journeys/j.yaml:2:3: CX401 [info] journey 'minimal' has never been reviewed" in (
        result.stdout
    )
    summary = "Found 0 errors, 2 warnings, 8 info in 2 files (1 journey, 1 touch point)."
    assert result.stdout.strip().splitlines()[-1] == summary
    new = root.parent / "new"
    created = cli("init", str(new), env={"SOURCE_DATE_EPOCH": epoch})
    assert created.returncode == 0, created.stderr
    assert "created journeys/organization.yaml" in created.stdout
    reviewed = re.findall(
        r"^  reviewed: (\S+)$", (new / "journeys" / "first-order.yaml").read_text(), re.M
    )
    assert reviewed == [str(dt.date.today())]


def test_ignore_can_hide_unused_ignore_findings(make_project: MakeProject) -> None:
    journey = MINIMAL.replace("  stages:", "  ignore: [CX006, CX999]\n  stages:")
    root = make_project({"j.yaml": journey})
    assert check(root, select=("CX006",)).findings == []
    journey = MINIMAL.replace("  stages:", "  ignore: [CX006]\n  stages:")
    findings = check(make_project({"j.yaml": journey}), select=("CX006",)).findings
    assert [f.message for f in findings] == [
        "ignore entry CX006 on the journey matches no finding: remove it"
    ]


def test_to_be_channels_are_located_at_the_item(make_project: MakeProject) -> None:
    journey = MINIMAL.replace(
        "      expectation: An answer\n",
        "      expectation: An answer\n      to_be: {channels: [web, nope]}\n",
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX005",)).findings
    assert [(f.line, f.column, f.message) for f in findings] == [
        (12, 31, "unknown channel 'nope' in to_be.channels")
    ]


def test_aliased_touch_points_are_located_at_the_alias(make_project: MakeProject) -> None:
    journey = MINIMAL.replace("    - id: ask", "    - &tp\n      id: ask") + "    - *tp\n"
    findings = check(make_project({"j.yaml": journey}), select=("CX004",)).findings
    assert [(f.line, f.column) for f in findings] == [(14, 7)]
    assert "first defined at journeys/j.yaml:8:11" in findings[0].message


def test_merge_keys_share_touch_point_defaults(make_project: MakeProject) -> None:
    journey = """journey:
  id: j
  title: T
  owner: support-desk
  stages: [support]
  touchpoints:
    - &defaults
      id: first
      name: First
      stage: support
      owner: support-desk
      expectation: An answer
    - <<: *defaults
      id: second
      name: Second
"""
    report = check(make_project({"j.yaml": journey}), select=("CX0", "CX101", "CX102"))
    assert report.findings == []
    assert [tp.owner for tp in report.project.journeys[0].model.touchpoints] == [
        "support-desk",
        "support-desk",
    ]


def test_config_that_is_not_a_file(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"j.yaml": MINIMAL})
    (root / "cxmap.yaml").mkdir()
    result = cli("check", str(root))
    assert result.returncode == 2
    assert "not a readable file" in result.stderr


def test_no_stage_with_touch_points_and_next(make_project: MakeProject, cli: Cli) -> None:
    journey = MINIMAL.replace("stages: [support]", "stages: []").replace(
        "      expectation: An answer\n", "      expectation: An answer\n      next: [ask]\n"
    )
    result = cli("check", str(make_project({"j.yaml": journey})))
    assert result.returncode == 1
    assert "(None)" not in result.stdout
