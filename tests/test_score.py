"""``cxmap score``: the levels as text and as JSON, and --fail-under for CI."""

from __future__ import annotations

import json

from helpers import REPO, Cli, MakeProject
from test_maturity import COMPLETE

PARENT = """\
journey:
  id: life
  title: Life
  owner: support-desk
  stages: [buy]
  touchpoints: []
"""


def _project(make_project: MakeProject) -> str:
    part = COMPLETE.replace("  title: Returns\n", "  title: Returns\n  parent: life\n")
    weak = part.replace("id: returns", "id: weak").replace("      keeps: [refund]\n", "")
    return str(make_project({"life.yaml": PARENT, "returns.yaml": part, "weak.yaml": weak}))


def test_json_has_a_stable_shape(make_project: MakeProject, cli: Cli) -> None:
    result = cli("score", _project(make_project), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"version", "levels", "journeys", "unread", "teams", "summary"}
    assert report["unread"] == []
    assert report["version"] == 1
    assert [level["name"] for level in report["levels"]] == [
        "Owned",
        "Committed",
        "Reliable",
        "Delivering",
        "Improving",
    ]
    journeys = {item["id"]: item for item in report["journeys"]}
    assert list(journeys) == ["life", "returns", "weak"]  # the tree, parents first
    weak = journeys["weak"]
    assert set(weak) == {
        "id", "title", "file", "parent", "depth", "owner", "level", "level_name",
        "effort", "emotion", "findings", "with_parts", "next",
    }  # fmt: skip
    assert (weak["parent"], weak["depth"], weak["level"], weak["level_name"]) == (
        "life",
        1,
        2,
        "Committed",
    )
    assert weak["effort"] == {"total": 3, "channel_switches": 2, "handoffs": 1, "repeats": 0}
    assert weak["emotion"] == {"average": 0.33, "lowest": -1}
    (missing,) = weak["next"]["missing"]
    assert (weak["next"]["level"], missing["criterion"], missing["count"]) == (
        3,
        "promises-kept",
        1,
    )
    place = missing["places"][0]
    assert (place["file"], place["code"], place["touchpoint"]) == (
        "journeys/weak.yaml",
        "CX301",
        None,
    )
    life = journeys["life"]
    assert life["level"] == life["with_parts"]["level"] == 2 and life["effort"] is None
    assert life["findings"] == {"error": 0, "warning": 0, "info": 1}  # its own: CX401
    assert life["with_parts"]["findings"]["error"] > 0  # with weak's broken promise
    assert life["with_parts"]["emotion"] == {"average": 0.33, "lowest": -1}
    assert weak["with_parts"] is None
    teams = {item["id"]: item for item in report["teams"]}
    assert teams["shop-team"]["level"] is None and teams["shop-team"]["next"] is None
    assert report["summary"]["journeys"] == {"0": 0, "1": 0, "2": 2, "3": 0, "4": 0, "5": 1}


def test_text_lists_the_tree_and_what_each_next_level_needs(
    make_project: MakeProject, cli: Cli
) -> None:
    result = cli("score", _project(make_project))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Maturity levels: 1 Owned · 2 Committed · 3 Reliable · 4 Delivering · 5 Improving"
    )
    assert "  life: level 2 Committed; made of others" in lines
    assert "    returns: level 5 Improving; effort 3" in lines
    assert "      for 3 Reliable:" in lines
    assert "        - Every promise is kept, in the time it gives. (1 to fix)" in lines
    assert any(line.strip().startswith("journeys/weak.yaml:") and "CX301" in line for line in lines)
    assert "  shop-team: owns nothing" in lines
    assert lines[-1] == "Journeys: 2 at 2 Committed, 1 at 5 Improving."


def test_fail_under_exits_1_when_a_journey_is_below(make_project: MakeProject, cli: Cli) -> None:
    root = _project(make_project)
    assert cli("score", root, "--fail-under", "2").returncode == 0
    assert cli("score", root, "--fail-under", "3").returncode == 1
    result = cli("score", root, "--fail-under", "6")
    assert result.returncode == 2 and "6 is not in the range 0<=x<=5" in result.stderr


def test_a_journey_file_that_cannot_be_read_stands_at_no_level(
    make_project: MakeProject, cli: Cli
) -> None:
    root = make_project({"returns.yaml": COMPLETE, "broken.yaml": "journey: {title: [oops\n"})
    assert cli("score", str(root), "--fail-under", "0").returncode == 0
    result = cli("score", str(root), "--fail-under", "1")
    assert result.returncode == 1
    assert "  journeys/broken.yaml: cannot be read, so at no level: see cxmap check" in (
        result.stdout.splitlines()
    )
    report = json.loads(cli("score", str(root), "--format", "json").stdout)
    assert report["unread"] == ["journeys/broken.yaml"]
    assert report["summary"]["journeys"]["0"] == 1


def test_the_project_defaults_to_the_current_folder(cli: Cli) -> None:
    result = cli("score", "--format", "json", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["journeys"]


def test_a_broken_configuration_exits_2(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"returns.yaml": COMPLETE}, config="max_effort: -1\n")
    result = cli("score", str(root))
    assert result.returncode == 2
    assert "cxmap.yaml:1:13" in result.stderr and "max_effort" in result.stderr
