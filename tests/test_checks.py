"""Checks that need more than one file or a setting: consistency, reviews, departments."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import EXAMPLES, ORGANIZATION, Cli, MakeProject, check

from cxmap.checks import REGISTRY, all_checks
from cxmap.findings import Severity

CONTRACT_CODES = {
    *(f"CX00{n}" for n in range(1, 6)),
    *(f"CX10{n}" for n in range(1, 6)),
    *(f"CX20{n}" for n in range(1, 5)),
    *(f"CX30{n}" for n in range(1, 7)),
    "CX401",
    "CX402",
}
"""The 23 codes of SPEC §4."""

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


def journey(identifier: str, standard: str, reviewed: str = "2026-09-01") -> str:
    return f"""journey:
  id: {identifier}
  title: {identifier}
  owner: support-desk
  stages: [support]
  reviewed: {reviewed}
  touchpoints:
    - id: chat
      name: Chat
      stage: support
      owner: support-desk
      channels: [chat, email]
      expectation: {{text: Soon, within: 1w}}
      standard: {{text: Reply, within: {standard}}}
"""


def test_inconsistent_standards_across_journeys(make_project: MakeProject) -> None:
    root = make_project(
        {
            "a.yaml": journey("a", "4h"),
            "b.yaml": journey("b", "240m"),  # the same as 4h
            "c.yaml": journey("c", "3d"),
        }
    )
    findings = check(root, select=("CX305",)).findings
    assert [(f.file, f.line, f.column) for f in findings] == [("journeys/c.yaml", 14, 39)]
    assert findings[0].message == (
        "team 'support-desk' commits to 3d on 'chat' here, but to 4h at "
        "a/chat (journeys/a.yaml:14:39), b/chat (journeys/b.yaml:14:39); and "
        "team 'support-desk' commits to 3d on 'email' here, but to 4h at "
        "a/chat (journeys/a.yaml:14:39), b/chat (journeys/b.yaml:14:39)"
    )
    assert findings[0].related == (("a", "chat"), ("b", "chat"))


def test_consistent_standards_are_quiet(make_project: MakeProject) -> None:
    root = make_project({"a.yaml": journey("a", "1d"), "b.yaml": journey("b", "24h")})
    assert check(root, select=("CX305",)).findings == []


@pytest.mark.parametrize(
    "reviewed, today, stale",
    [("2026-01-01", "2026-12-31", False), ("2026-01-01", "2027-01-02", True)],
)
def test_stale_review_honours_review_every_and_source_date_epoch(
    make_project: MakeProject,
    monkeypatch: pytest.MonkeyPatch,
    reviewed: str,
    today: str,
    stale: bool,
) -> None:
    epoch = dt.datetime.fromisoformat(today).replace(tzinfo=dt.timezone.utc).timestamp()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch)))
    root = make_project({"a.yaml": journey("a", "4h", reviewed)})
    assert bool(check(root, select=("CX401",)).findings) is stale
    root = make_project({"a.yaml": journey("a", "4h", reviewed)}, config="review_every: 2w\n")
    assert bool(check(root, select=("CX401",)).findings)


def test_never_reviewed(make_project: MakeProject) -> None:
    text = journey("a", "4h").replace("  reviewed: 2026-09-01\n", "")
    findings = check(make_project({"a.yaml": text}), select=("CX401",)).findings
    assert [(f.line, f.message) for f in findings] == [
        (2, "journey 'a' has never been reviewed: add reviewed: YYYY-MM-DD")
    ]


def test_required_departments_from_config(make_project: MakeProject) -> None:
    config = "required_departments: [service, rnd]\n"
    findings = check(
        make_project({"a.yaml": journey("a", "4h")}, config=config), select=("CX204",)
    ).findings
    assert [f.message for f in findings] == ["journey 'a' has no touch point of department 'rnd'"]


def test_a_required_department_the_organisation_lacks_is_a_located_error(
    make_project: MakeProject, cli: Cli
) -> None:
    config = (
        "rules: {}\nrequired_departments:\n  - service\n  - servce\n  - slaes\n"
        "  - research-development\n"
    )
    root = make_project({"a.yaml": journey("a", "4h")}, config=config)
    result = cli("check", str(root), "--select", "CX005")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "cxmap.yaml:4:5: CX005 [error] unknown department 'servce' in required_departments "
        "(did you mean 'service'?)",
        "cxmap.yaml:5:5: CX005 [error] unknown department 'slaes' in required_departments "
        "(did you mean 'sales'?)",
    ]
    # a department's display name ("Research & Development") leads to its id
    assert result.stdout.splitlines()[2] == (
        "cxmap.yaml:6:5: CX005 [error] unknown department 'research-development' in "
        "required_departments (did you mean 'rnd'?)"
    )
    broken = ORGANIZATION.replace("  departments:\n", "  departments: 5\n  x:\n", 1)
    root = make_project({"a.yaml": journey("a", "4h")}, organization=broken, config=config)
    assert not [f for f in check(root).findings if f.file == "cxmap.yaml"]


def test_by_default_every_journey_involves_each_role_the_departments_play(
    make_project: MakeProject,
) -> None:
    # tests/examples/organization.yaml: marketing expectations, sales promises,
    # service front-line, rnd delivery. The journey has only service touch points.
    findings = check(make_project({"a.yaml": journey("a", "4h")}), select=("CX204",)).findings
    assert [f.message for f in findings] == [  # same place: in the order of the messages
        "journey 'a' has no touch point of a department with role 'delivery' (rnd)",
        "journey 'a' has no touch point of a department with role 'expectations' (marketing)",
        "journey 'a' has no touch point of a department with role 'promises' (sales)",
    ]
    two_deliver = ORGANIZATION.replace(
        "{id: marketing, roles: [expectations]}", "{id: marketing, roles: [delivery]}"
    )
    root = make_project({"a.yaml": journey("a", "4h")}, organization=two_deliver)
    assert [f.message for f in check(root, select=("CX204",)).findings] == [
        "journey 'a' has no touch point of a department with role 'delivery' (marketing, rnd)",
        "journey 'a' has no touch point of a department with role 'promises' (sales)",
    ]
    root = make_project(
        {"a.yaml": journey("a", "4h")},
        organization=two_deliver,
        config="required_departments: []\n",
    )
    assert check(root, select=("CX204",)).findings == []


def test_without_roles_every_department_is_required(make_project: MakeProject) -> None:
    no_roles = re.sub(r", roles: \[[a-z-]+\]", "", ORGANIZATION)
    assert "roles" not in no_roles
    root = make_project({"a.yaml": journey("a", "4h")}, organization=no_roles)
    assert [f.message for f in check(root, select=("CX204",)).findings] == [
        f"journey 'a' has no touch point of department {department!r}"
        for department in ("marketing", "rnd", "sales")
    ]


def test_department_defaults_to_the_owning_team(make_project: MakeProject) -> None:
    config = "required_departments: [service]\n"
    root = make_project({"a.yaml": journey("a", "4h")}, config=config)
    assert check(root, select=("CX204", "CX103")).findings == []


def test_the_full_example_is_clean_under_every_check(make_project: MakeProject) -> None:
    assert check(make_project({"full.yaml": FULL})).findings == []


def test_every_check_is_documented() -> None:
    assert set(REGISTRY) >= CONTRACT_CODES  # the contract's codes stay; new ones may join
    for item in all_checks():
        paragraphs = [p for p in item.doc.split("\n\n") if p.strip()]
        assert len(paragraphs) >= 3, item.code
        assert item.summary.endswith("."), item.code
        assert item.name.replace("-", "").isalpha(), item.code


def test_every_check_says_what_it_assumes_about_the_organisation() -> None:
    for item in all_checks():
        paragraphs = item.doc.split("\n\n")
        assert any(p.startswith("Your organisation: ") for p in paragraphs[1:]), item.code


def test_a_misspelt_role_is_one_located_error_and_no_guess(make_project: MakeProject) -> None:
    organization = ORGANIZATION.replace("roles: [front-line]", "roles: [frontline]")
    phone = journey("a", "4h").replace("channels: [chat, email]", "channels: [phone]")
    root = make_project({"a.yaml": phone}, organization=organization)
    report = check(root, select=("CX002", "CX103", "CX204", "CX302"))
    assert [(f.code, f.file, f.message) for f in report.findings] == [
        (
            "CX002",
            "journeys/organization.yaml",
            "item 1 of 'roles' must be one of front-line, expectations, promises, delivery, "
            "support, not the text 'frontline' (did you mean 'front-line'?)",
        )
    ]


def test_a_gap_the_target_closes_is_info_whatever_the_configured_level(
    make_project: MakeProject,
) -> None:
    text = journey("a", "2w").replace(
        "      standard: {text: Reply, within: 2w}\n",
        "      standard: {text: Reply, within: 2w}\n"
        "      to_be: {standard: {text: Faster, within: 5wd}}\n",
    )
    assert "to_be" in text
    open_gap = journey("b", "2w")
    root = make_project({"a.yaml": text, "b.yaml": open_gap}, config="rules: {CX104: error}\n")
    findings = check(root, select=("CX104",)).findings
    assert [(f.file, f.touchpoint, f.severity, f.message) for f in findings] == [
        (
            "journeys/a.yaml",
            "chat",
            Severity.INFO,
            "the standard (2w) is slower than the customer expects (1w) at touch point 'chat'"
            "; the target standard (5wd) in to_be closes the gap",
        ),
        (
            "journeys/b.yaml",
            "chat",
            Severity.ERROR,
            "the standard (2w) is slower than the customer expects (1w) at touch point 'chat'",
        ),
    ]
