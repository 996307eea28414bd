"""The reporters (and the diff of two reports) on hand-made findings, exactly.

The report is a real one of a small project; only its findings are set by hand, so
that each test says precisely which finding is where and what every reporter makes
of it: counts, joins, colours, fingerprints.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest
from helpers import MakeProject, check

from cxmap.findings import Finding, Severity
from cxmap.interop.diff import compare, render_text
from cxmap.linter import Report
from cxmap.reporters import REPORTERS, github, junit, sarif, text

FINDINGS = [
    Finding("CX101", "first", "journeys/a.yaml", 3, 5, "a", "t", Severity.ERROR),
    Finding("CX101", "second", "journeys/a.yaml", 7, 1, "a", "t", Severity.ERROR),
    Finding("CX102", "third", "journeys/a.yaml", 9, 2, "a", None, Severity.ERROR),
    Finding("CX102", "only a warning", "journeys/b.yaml", 1, 1, None, None, Severity.WARNING),
]


@pytest.fixture
def base(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> Report:
    """A project with only its organisation file, checked by CX101 and CX102."""
    root = make_project()
    monkeypatch.chdir(root.parent)  # no git repository above: paths are relative to here
    report = check(root, select=("CX101", "CX102"))
    assert report.project.files == ["journeys/organization.yaml"]
    assert report.checks == ["CX101", "CX102"]
    return report


def with_findings(report: Report, findings: list[Finding], strict: bool = False) -> Report:
    return dataclasses.replace(report, findings=findings, strict=strict)


# -- JUnit -------------------------------------------------------------------------------


def test_junit_counts_each_failing_check_of_a_file_once(base: Report) -> None:
    assert junit.render(with_findings(base, FINDINGS)) == (
        """<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="cxmap" tests="6" failures="2" errors="0" skipped="0">
  <testsuite name="journeys/a.yaml" tests="2" failures="2" errors="0" skipped="0">
    <testcase classname="journeys/a.yaml" name="CX101 missing-owner" file="journeys/a.yaml">
      <failure type="CX101" message="first">journeys/a.yaml:3:5: CX101 [error] first
journeys/a.yaml:7:1: CX101 [error] second</failure>
    </testcase>
    <testcase classname="journeys/a.yaml" name="CX102 missing-expectation" file="journeys/a.yaml">
      <failure type="CX102" message="third">journeys/a.yaml:9:2: CX102 [error] third</failure>
    </testcase>
  </testsuite>
  <testsuite name="journeys/b.yaml" tests="2" failures="0" errors="0" skipped="0">
    <testcase classname="journeys/b.yaml" name="CX101 missing-owner" file="journeys/b.yaml" />
    <testcase classname="journeys/b.yaml" name="CX102 missing-expectation" file="journeys/b.yaml">
      <system-out>journeys/b.yaml:1:1: CX102 [warning] only a warning</system-out>
    </testcase>
  </testsuite>
  <testsuite name="journeys/organization.yaml" tests="2" failures="0" errors="0" skipped="0">
    <testcase classname="journeys/organization.yaml" name="CX101 missing-owner" \
file="journeys/organization.yaml" />
    <testcase classname="journeys/organization.yaml" name="CX102 missing-expectation" \
file="journeys/organization.yaml" />
  </testsuite>
</testsuites>"""
    )


def test_junit_strict_makes_a_warning_a_failure(base: Report) -> None:
    output = junit.render(with_findings(base, FINDINGS, strict=True))
    assert '<testsuites name="cxmap" tests="6" failures="3"' in output
    assert '<testsuite name="journeys/b.yaml" tests="2" failures="1"' in output
    assert (
        '<failure type="CX102" message="only a warning">'
        "journeys/b.yaml:1:1: CX102 [warning] only a warning</failure>"
    ) in output
    assert "<system-out>" not in output


# -- text --------------------------------------------------------------------------------


def test_text_without_colour_is_the_default(base: Report) -> None:
    expected = (
        "journeys/a.yaml:3:5: CX101 [error] first\n"
        "journeys/a.yaml:7:1: CX101 [error] second\n"
        "journeys/a.yaml:9:2: CX102 [error] third\n"
        "\n"
        "journeys/b.yaml:1:1: CX102 [warning] only a warning\n"
        "\n"
        "Found 3 errors, 1 warning, 0 info in 1 file (0 journeys, 0 touch points)."
    )
    report = with_findings(base, FINDINGS)
    assert text.render(report) == expected
    assert text.render(report, False) == expected


BOLD, RED, YELLOW, BLUE, GREEN, RESET = (
    "\x1b[1m",
    "\x1b[31m",
    "\x1b[33m",
    "\x1b[34m",
    "\x1b[32m",
    ("\x1b[0m"),
)


def test_text_in_colour(base: Report) -> None:
    findings = [*FINDINGS, Finding("CX101", "fyi", "journeys/c.yaml", 2, 4, severity=Severity.INFO)]
    assert text.render(with_findings(base, findings), True) == (
        f"{BOLD}journeys/a.yaml:3:5:{RESET} {RED}{BOLD}CX101{RESET} {RED}[error]{RESET} first\n"
        f"{BOLD}journeys/a.yaml:7:1:{RESET} {RED}{BOLD}CX101{RESET} {RED}[error]{RESET} second\n"
        f"{BOLD}journeys/a.yaml:9:2:{RESET} {RED}{BOLD}CX102{RESET} {RED}[error]{RESET} third\n"
        "\n"
        f"{BOLD}journeys/b.yaml:1:1:{RESET} {YELLOW}{BOLD}CX102{RESET} "
        f"{YELLOW}[warning]{RESET} only a warning\n"
        "\n"
        f"{BOLD}journeys/c.yaml:2:4:{RESET} {BLUE}{BOLD}CX101{RESET} {BLUE}[info]{RESET} fyi\n"
        "\n"
        f"{BOLD}Found 3 errors, 1 warning, 1 info in 1 file (0 journeys, 0 touch points).{RESET}"
    )


def test_text_in_colour_when_all_checks_pass(base: Report) -> None:
    assert text.render(base, True) == (
        f"{GREEN}{BOLD}All checks passed: 1 file (0 journeys, 0 touch points).{RESET}"
    )
    assert text.render(base, False) == "All checks passed: 1 file (0 journeys, 0 touch points)."


@pytest.mark.parametrize(
    ("counts", "summary"),
    [
        ((1, 1, 1), "Found 1 error, 1 warning, 1 info in 1 file (0 journeys, 0 touch points)."),
        ((2, 0, 2), "Found 2 errors, 0 warnings, 2 info in 1 file (0 journeys, 0 touch points)."),
    ],
)
def test_summary_counts_and_plurals(
    base: Report, counts: tuple[int, int, int], summary: str
) -> None:
    severities = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    findings = [
        Finding("CX101", f"m{n}", "journeys/a.yaml", n + 1, 1, severity=severity)
        for severity, count in zip(severities, counts, strict=True)
        for n in range(count)
    ]
    assert text.summary_line(with_findings(base, findings)) == summary


def test_the_colour_argument_changes_no_machine_format(base: Report) -> None:
    report = with_findings(base, FINDINGS)
    for name in ("json", "github", "sarif", "junit"):
        assert REPORTERS[name](report, True) == REPORTERS[name](report, False), name


# -- GitHub ------------------------------------------------------------------------------


def test_github_commands_per_severity(base: Report) -> None:
    findings = [
        Finding(
            "CX101", "50% done,\nreally: yes", "journeys/a.yaml", 3, 5, severity=Severity.ERROR
        ),
        Finding("CX102", "w", "journeys/b,c.yaml", 1, 2, severity=Severity.WARNING),
        Finding("CX101", "i", "journeys/d:e.yaml", 4, 1, severity=Severity.INFO),
    ]
    assert github.render(with_findings(base, findings)).splitlines() == [
        "::error file=project/journeys/a.yaml,line=3,col=5,title=CX101 missing-owner"
        "::50%25 done,%0Areally: yes",
        "::warning file=project/journeys/b%2Cc.yaml,line=1,col=2,"
        "title=CX102 missing-expectation::w",
        "::notice file=project/journeys/d%3Ae.yaml,line=4,col=1,title=CX101 missing-owner::i",
        "Found 1 error, 1 warning, 1 info in 1 file (0 journeys, 0 touch points).",
    ]


# -- SARIF -------------------------------------------------------------------------------


def results(report: Report) -> list[dict[str, object]]:
    runs = json.loads(sarif.render(report))["runs"]
    found: list[dict[str, object]] = runs[0]["results"]
    return found


def test_sarif_identical_findings_get_one_fingerprint_per_occurrence(base: Report) -> None:
    same = Finding("CX101", "same", "journeys/a.yaml", 3, 1, "a", "t", Severity.ERROR)
    moved = dataclasses.replace(same, line=8)
    third = dataclasses.replace(same, line=12)
    other = dataclasses.replace(same, message="other", line=5)
    found = results(with_findings(base, [same, other, moved, third]))
    prints = [result["partialFingerprints"] for result in found]
    assert prints == [
        {"cxmapFinding/v1": sarif.fingerprint(same, 0)},
        {"cxmapFinding/v1": sarif.fingerprint(other, 0)},
        {"cxmapFinding/v1": sarif.fingerprint(same, 1)},
        {"cxmapFinding/v1": sarif.fingerprint(same, 2)},
    ]
    assert len({sarif.fingerprint(same, n) for n in range(3)}) == 3
    # Moving lines changes no fingerprint.
    assert sarif.fingerprint(moved, 1) == sarif.fingerprint(same, 1)


def test_sarif_fingerprint_is_a_hash_of_the_finding_without_its_position() -> None:
    finding = Finding("CX101", "mess", "journeys/a.yaml", 3, 1, "a", None, Severity.ERROR)
    parts = "CX101\x1fjourneys/a.yaml\x1fa\x1f\x1fmess\x1f0"
    assert sarif.fingerprint(finding, 0) == hashlib.sha256(parts.encode()).hexdigest()[:32]


def test_sarif_fingerprint_of_a_name_python_could_not_decode() -> None:
    # os.fsdecode turns undecodable bytes of a file name into lone surrogates.
    name = "journeys/bad\udcff.yaml"
    finding = Finding("CX101", "m", name, 1, 1)
    parts = f"CX101\x1f{name}\x1f\x1f\x1fm\x1f0".encode("utf-8", "surrogateescape")
    assert b"bad\xff.yaml" in parts
    assert sarif.fingerprint(finding, 0) == hashlib.sha256(parts).hexdigest()[:32]


def test_sarif_location_uri_keeps_slashes_and_quotes_the_rest(base: Report) -> None:
    finding = Finding("CX101", "m", "journeys/a b#c.yaml", 2, 3)
    (result,) = results(with_findings(base, [finding]))
    assert result["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {
                    "uri": "project/journeys/a%20b%23c.yaml",
                    "uriBaseId": "%SRCROOT%",
                },
                "region": {"startLine": 2, "startColumn": 3},
            }
        }
    ]


def test_json_and_sarif_keep_non_ascii_text(base: Report) -> None:
    finding = Finding("CX101", "Kundenzufriedenheit größer — ok", "journeys/ä.yaml", 1, 1)
    report = with_findings(base, [finding])
    for name in ("json", "sarif"):
        output = REPORTERS[name](report, False)
        assert "Kundenzufriedenheit größer — ok" in output, name
        assert "\\u" not in output, name


# -- the diff of two reports ---------------------------------------------------------------


JOURNEY = """journey:
  id: j
  title: J
  owner: support-desk
  stages: [support]
  touchpoints:
    - id: ask
      name: Ask
      stage: support
      owner: support-desk
      expectation: An answer
      tags: [a]
      tags: [b]
"""


def duplicate_key_report(make_project: MakeProject, tmp: Path, journey: str) -> Report:
    root = make_project({"j.yaml": journey})
    moved = tmp / f"project-{len(list(tmp.iterdir()))}"
    root.rename(moved)
    return check(moved, select=("CX003",))


def test_a_finding_whose_position_moved_is_neither_new_nor_fixed(
    make_project: MakeProject, tmp_path: Path
) -> None:
    old = duplicate_key_report(make_project, tmp_path, JOURNEY)
    moved = JOURNEY.replace("  title: J\n", "  title: J\n  description: Now longer.\n")
    new = duplicate_key_report(make_project, tmp_path, moved)
    assert [f.message for f in old.findings] == [
        "duplicate key 'tags' (first at line 12); only the first is used"
    ]
    assert [(f.line, f.message) for f in new.findings] == [
        (14, "duplicate key 'tags' (first at line 13); only the first is used")
    ]
    diff = compare(old, new)
    assert (diff.introduced, diff.fixed) == ([], [])
    assert diff.empty
    assert render_text(diff, "main") == "No change in strategy terms since main."


def test_diff_keys_leave_out_file_positions_but_not_other_numbers(base: Report) -> None:
    def finding(message: str, line: int = 1) -> Finding:
        return Finding("CX305", message, "journeys/a.yaml", line, 1, "a", "t", Severity.WARNING)

    old = with_findings(base, [finding("as in journeys/b.yaml:14:39, 4h", 3)])
    new = with_findings(base, [finding("as in journeys/b.yaml:15:2, 4h", 9)])
    assert compare(old, new).empty
    other = with_findings(base, [finding("as in journeys/b.yaml:15:2, 5h", 9)])
    diff = compare(old, other)
    assert [f.message for f in diff.introduced] == ["as in journeys/b.yaml:15:2, 5h"]
    assert [f.message for f in diff.fixed] == ["as in journeys/b.yaml:14:39, 4h"]
    elsewhere = with_findings(base, [dataclasses.replace(new.findings[0], touchpoint="u")])
    assert not compare(old, elsewhere).empty


def test_a_finding_with_another_message_is_new_and_the_old_one_fixed(
    make_project: MakeProject, tmp_path: Path
) -> None:
    old = duplicate_key_report(make_project, tmp_path, JOURNEY)
    changed = JOURNEY.replace(
        "      tags: [a]\n      tags: [b]\n", "      kpis: []\n      kpis: []\n"
    )
    new = duplicate_key_report(make_project, tmp_path, changed)
    diff = compare(old, new)
    assert [f.message for f in diff.introduced] == [
        "duplicate key 'kpis' (first at line 12); only the first is used"
    ]
    assert [f.message for f in diff.fixed] == [
        "duplicate key 'tags' (first at line 12); only the first is used"
    ]
