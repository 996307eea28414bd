"""The command line, in-process through the ``cli`` fixture: exit codes, output formats.

The few tests that need a real process are in ``test_console_script.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import EXAMPLES, QUIET, REPO, Cli, MakeProject

MINIMAL = (EXAMPLES / "journeys-good" / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = {
    "a.yaml": MINIMAL.replace("      owner: support-desk\n", "      ownr: support-desk\n"),
    "b.yaml": "journey: [\n",
}
TEXT_LINE = re.compile(r"^journeys/\S+\.yaml:\d+:\d+: CX\d{3} \[(error|warning|info)\] .+$")


def test_the_example_organisation_checks_clean(cli: Cli) -> None:
    result = cli("check", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All checks passed") or "0 errors" in result.stdout


def test_findings_exit_1_with_text_grouped_by_file(make_project: MakeProject, cli: Cli) -> None:
    root = make_project(BROKEN, config=QUIET)
    result = cli("check", str(root))
    assert result.returncode == 1
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 3  # a.yaml, b.yaml, summary
    lines = blocks[0].splitlines() + blocks[1].splitlines()
    assert all(TEXT_LINE.match(line) for line in lines), lines
    assert lines[0] == (
        "journeys/a.yaml:7:7: CX101 [error] touch point 'ask' has no owner: "
        "name the team that owns it"
    )
    assert blocks[2] == "Found 3 errors, 0 warnings, 0 info in 3 files (1 journey, 1 touch point)."
    assert "\x1b[" not in result.stdout
    assert result.stderr == ""


def test_colour_only_when_asked_or_on_a_terminal(make_project: MakeProject, cli: Cli) -> None:
    root = make_project(BROKEN, config=QUIET)
    result = cli("check", str(root), env={"FORCE_COLOR": "1"})
    assert "\x1b[31m" in result.stdout
    result = cli("check", str(root), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout


def test_json_report_has_the_contract_shape(make_project: MakeProject, cli: Cli) -> None:
    root = make_project(BROKEN, config=QUIET)
    result = cli("check", str(root), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert list(report) == ["version", "findings", "summary"]
    assert report["version"] == 1
    assert report["summary"] == {
        "files": 3,
        "journeys": 1,
        "touchpoints": 1,
        "error": 3,
        "warning": 0,
        "info": 0,
    }
    first = report["findings"][0]
    assert list(first) == [
        "code",
        "name",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "journey",
        "touchpoint",
    ]
    assert {
        k: first[k]
        for k in ("code", "name", "severity", "file", "line", "column", "journey", "touchpoint")
    } == {
        "code": "CX101",
        "name": "missing-owner",
        "severity": "error",
        "file": "journeys/a.yaml",
        "line": 7,
        "column": 7,
        "journey": "minimal",
        "touchpoint": "ask",
    }
    syntax = report["findings"][-1]
    assert (syntax["code"], syntax["file"], syntax["journey"]) == ("CX001", "journeys/b.yaml", None)


def test_strict_fails_on_warnings(make_project: MakeProject, cli: Cli) -> None:
    demoted = "  CX001: warning\n  CX002: info\n  CX101: warning\n"
    root = make_project(BROKEN, config=QUIET + demoted)
    lenient = cli("check", str(root))
    assert lenient.returncode == 0
    assert "journeys/a.yaml:7:7: CX101 [warning] touch point 'ask' has no owner" in lenient.stdout
    assert "journeys/b.yaml:2:1: CX001 [warning]" in lenient.stdout
    summary = "Found 0 errors, 2 warnings, 1 info in 3 files (1 journey, 1 touch point)."
    assert lenient.stdout.strip().splitlines()[-1] == summary
    strict = cli("check", str(root), "--strict")
    assert strict.returncode == 1
    assert strict.stdout == lenient.stdout  # the same findings; only the verdict differs


def test_select_and_ignore(make_project: MakeProject, cli: Cli) -> None:
    root = make_project(BROKEN, config=QUIET)
    result = cli("check", str(root), "--select", "CX1", "--format", "json")
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["CX101"]
    result = cli("check", str(root), "--ignore", "CX001,missing-owner", "--format", "json")
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["CX002"]
    result = cli("check", str(root), "--ignore", "CX0", "--ignore", "CX1")
    assert result.returncode == 0
    assert result.stdout == "All checks passed: 3 files (1 journey, 1 touch point).\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "no/such/dir"], "cxmap: error: project directory 'no/such/dir' does not exist"),
        (["check", "--format", "xml"], "Invalid value for '--format'"),
        (["check", "--bogus"], "No such option '--bogus'"),
        (["check", "--select", "CX9"], "cxmap: error: --select: 'CX9' matches no check"),
        (["explain", "CX999"], "cxmap: error: unknown check 'CX999'"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(cli: Cli, args: list[str], message: str) -> None:
    result = cli(*args, cwd=REPO)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_journeys_directory_exits_2(tmp_path: Path, cli: Cli) -> None:
    result = cli("check", str(tmp_path))
    assert result.returncode == 2
    assert "has no journeys directory 'journeys'" in result.stderr


def test_bad_config_exits_2_with_located_lines(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"a.yaml": MINIMAL}, config="rules:\n  CX101: loud\n")
    result = cli("check", str(root))
    assert result.returncode == 2
    assert "cxmap.yaml:2:10:" in result.stderr


def test_rules_and_explain(cli: Cli) -> None:
    rules = cli("rules")
    assert rules.returncode == 0
    codes = [line.split()[0] for line in rules.stdout.splitlines()]
    assert codes == sorted(codes)
    assert {"CX001", "CX002", "CX003", "CX004", "CX005", "CX101", "CX102"} <= set(codes)
    assert "CX101  missing-owner" in rules.stdout
    for key in ("CX101", "missing-owner", "cx101"):
        explained = cli("explain", key)
        assert explained.returncode == 0
        assert explained.stdout.startswith("CX101 missing-owner (default severity: error)")
        assert "owner: support-desk" in explained.stdout
