"""Wrong values that once crashed or double-reported, and the checks they led to."""

from __future__ import annotations

import pytest
from helpers import Cli, MakeProject, check

JOURNEY = """journey:
  id: j
  title: J
  owner: support-desk
  stages: [support]
  reviewed: {reviewed}
  touchpoints:
    - id: ask
      name: Ask
      stage: support
      owner: support-desk
      channels: [chat, email]
      expectation: {{text: Soon, within: 1d}}
      standard: {{text: Reply, within: 4h}}
      escalates_to: returns-team
      handles_complaints: true
      {extra}
"""


RELEVANT = ("CX0", "CX101", "CX102", "CX103", "CX205", "CX40")
"""The families these tests are about; the organisation's idle teams (CX106) are not."""


def journey(extra: str = "emotion: 0", reviewed: str = "2026-09-01") -> dict[str, str]:
    return {"j.yaml": JOURNEY.format(extra=extra, reviewed=reviewed)}


@pytest.mark.parametrize("key", ["moment_of_truth", "proactive", "handles_complaints"])
@pytest.mark.parametrize("value", ["[]", "{}", "[1, 2]", "{a: 1}"])
def test_a_list_or_mapping_for_a_flag_is_a_located_cx002(
    make_project: MakeProject, key: str, value: str, cli: Cli
) -> None:
    text = JOURNEY.format(extra=f"{key}: {value}", reviewed="2026-09-01")
    text = text.replace("      handles_complaints: true\n", "      emotion: 0\n")
    root = make_project({"j.yaml": text})
    result = cli("check", str(root), "--select", "CX0")
    out = result.stdout
    assert result.returncode == 1
    assert f"journeys/j.yaml:17:{len(key) + 9}: CX002 [error] '{key}' must be true or false" in out


@pytest.mark.parametrize("key", ["standard", "expectation"])
def test_an_empty_mapping_where_text_is_needed_is_one_cx002(
    make_project: MakeProject, key: str
) -> None:
    text = JOURNEY.format(extra="emotion: 0", reviewed="2026-09-01")
    text = text.replace(f"      {key}: {{text:", f"      {key}: {{}}\n      x_{key}: {{text:")
    text = text.replace(f"      x_{key}: " + "{text: Soon, within: 1d}\n", "")
    text = text.replace(f"      x_{key}: " + "{text: Reply, within: 4h}\n", "")
    report = check(make_project({"j.yaml": text}), select=RELEVANT)
    found = [(f.code, f.line, f.message) for f in report.findings]
    line = 13 if key == "expectation" else 14
    assert found == [
        (
            "CX002",
            line,
            f"'{key}': write the text, or {{text: ..., within: ...}}; "
            "an empty mapping says nothing",
        )
    ]


def test_a_bad_date_is_one_finding_not_also_never_reviewed(make_project: MakeProject) -> None:
    report = check(make_project(journey(reviewed="2026-02-30")), select=RELEVANT)
    assert [(f.code, f.line, f.column) for f in report.findings] == [("CX002", 6, 13)]
    assert "not a real date" in report.findings[0].message


def test_a_broken_owner_is_not_also_a_missing_owner(make_project: MakeProject) -> None:
    text = JOURNEY.format(extra="emotion: 0", reviewed="2026-09-01")
    root = make_project({"j.yaml": text.replace("owner: support-desk", "owner: [a]", 1)})
    report = check(root, select=RELEVANT)
    assert [(f.code, f.line) for f in report.findings] == [("CX002", 4)]


def test_a_review_date_in_the_future_is_cx403(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21
    report = check(make_project(journey(reviewed="2062-09-01")), select=RELEVANT)
    assert [(f.code, f.line, f.column, f.severity.value) for f in report.findings] == [
        ("CX403", 6, 13, "warning")
    ]
    assert "2062-09-01, which is in the future (today is 2026-09-21)" in report.findings[0].message


def test_next_naming_its_own_touch_point_is_cx205(make_project: MakeProject) -> None:
    report = check(make_project(journey("next: [ask]")), select=RELEVANT)
    assert [(f.code, f.line, f.column, f.touchpoint) for f in report.findings] == [
        ("CX205", 17, 14, "ask")
    ]
    assert report.findings[0].message == (
        "touch point 'ask' names itself in next: name the touch point that follows it"
    )


def test_a_team_that_owns_nothing_is_cx106(make_project: MakeProject) -> None:
    report = check(make_project(journey()), select=("CX106",))
    messages = {(f.file, f.line, f.message) for f in report.findings}
    assert messages == {
        (
            "journeys/organization.yaml",
            9,
            "team 'web-team' owns no journey and no touch point: "
            "name it as the owner of what it is accountable for, or remove it",
        ),
        (
            "journeys/organization.yaml",
            10,
            "team 'shop-team' owns no journey and no touch point: "
            "name it as the owner of what it is accountable for, or remove it",
        ),
        (
            "journeys/organization.yaml",
            12,
            "team 'returns-team' owns no journey and no touch point (only as an escalation "
            "team or internal customer): name it as the owner of what it is accountable for, "
            "or remove it",
        ),
        (
            "journeys/organization.yaml",
            13,
            "team 'lab' owns no journey and no touch point: "
            "name it as the owner of what it is accountable for, or remove it",
        ),
    }


def test_no_team_is_called_idle_while_a_journey_file_cannot_be_read(
    make_project: MakeProject,
) -> None:
    root = make_project({**journey(), "broken.yaml": "journey: [\n"})
    report = check(root, select=("CX001", "CX106"))
    assert [f.code for f in report.findings] == ["CX001"]
