"""Every reporter, fed the same findings, against golden files."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLES, Cli, MakeProject, check

from cxmap.linter import Report
from cxmap.reporters import REPORTERS
from cxmap.reporters.github import escape_data, escape_property

GOLDEN = Path(__file__).parent / "golden" / "reporters"
REPORTING = EXAMPLES / "reporting"
EPOCH = "1790000000"  # 2026-09-21, so that the review date is not stale


@pytest.fixture
def report(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = make_project(
        {path.name: path.read_bytes() for path in sorted(REPORTING.glob("*.yaml"))},
        config="required_departments: [marketing, service]\n",
    )
    monkeypatch.chdir(root.parent)  # no git repository above: paths are relative to here
    return check(root)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_reporter_output_matches_golden_file(report: Report, name: str) -> None:
    output = REPORTERS[name](report, False) + "\n"
    suffix = {"text": "txt", "github": "txt", "junit": "xml"}.get(name, "json")
    golden = GOLDEN / f"{name}.{suffix}"
    if os.environ.get("CXMAP_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_the_report_covers_every_severity(report: Report) -> None:
    assert {f.severity.value for f in report.findings} == {"error", "warning", "info"}
    assert report.exit_code == 1


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations(report: Report) -> None:
    lines = REPORTERS["github"](report, False).splitlines()
    assert lines[0].startswith(
        "::error file=project/journeys/broken.yaml,line=4,col=1,title=CX001 yaml-syntax::"
    )
    assert any(line.startswith("::warning ") for line in lines)
    assert any(line.startswith("::notice ") for line in lines)
    owner = next(line for line in lines if "CX005" in line)
    assert "100%25: sales, north\\nregion" in owner  # repr keeps the newline visible
    assert lines[-1].startswith("Found ")


def test_github_is_the_default_inside_github_actions(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"broken.yaml": (REPORTING / "broken.yaml").read_bytes()})
    result = cli("check", str(root), env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=")
    result = cli("check", str(root), "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("journeys/broken.yaml:")


def test_sarif_structure(report: Report) -> None:
    sarif = json.loads(REPORTERS["sarif"](report, False))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(rule["id"] for rule in rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    fingerprints = [r["partialFingerprints"]["cxmapFinding/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("project/journeys/")
        assert location["region"]["startLine"] >= 1


def test_sarif_fingerprints_survive_moved_lines(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, report: Report
) -> None:
    before = json.loads(REPORTERS["sarif"](report, False))["runs"][0]["results"]
    text = (REPORTING / "returns.yaml").read_text(encoding="utf-8")
    root = make_project(
        {
            "returns.yaml": "# a comment moves every line\n" + text,
            "broken.yaml": (REPORTING / "broken.yaml").read_bytes(),
        },
        config="required_departments: [marketing, service]\n",
    )
    after = json.loads(REPORTERS["sarif"](check(root), False))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in after if r["ruleId"] != "CX001"] == [
        r["partialFingerprints"] for r in before if r["ruleId"] != "CX001"
    ]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after][1:] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before
    ][1:]


def test_paths_are_relative_to_the_git_repository(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = make_project({"broken.yaml": (REPORTING / "broken.yaml").read_bytes()})
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(root / "journeys")
    output = REPORTERS["github"](check(root), False)
    assert output.startswith("::error file=project/journeys/broken.yaml,")


def test_junit_has_a_case_per_file_and_check(report: Report) -> None:
    root = ET.fromstring(REPORTERS["junit"](report, False))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [
        "journeys/broken.yaml",
        "journeys/organization.yaml",
        "journeys/returns.yaml",
    ]
    assert all(len(suite.findall("testcase")) == len(report.checks) for suite in suites)
    failures = root.findall(".//failure")
    assert int(root.get("failures", "0")) == len(failures) > 0
    # Warnings and info do not fail the run, so they are output, not failures.
    assert {failure.get("type") for failure in failures} == {"CX001", "CX005"}
    assert root.findall(".//system-out")


def test_control_characters_in_user_text_never_reach_the_terminal(
    make_project: MakeProject,
) -> None:
    text = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "{name: CSAT, target: 4.5, actual: 4.6,",
        '{name: "CSAT\\e[2J\\a", target: 4.5, actual: 4.1,',
    )
    report = check(make_project({"full.yaml": text}), select=("CX402",))
    assert "\x1b" in report.findings[0].message
    for name in ("text", "github"):
        output = REPORTERS[name](report, False)
        assert "\x1b" not in output and "\x07" not in output
        assert "CSAT\\x1b[2J\\x07 of touch point" in output
