"""The checks at their boundaries: equal values, one off, the exact message and place.

Each test pins what a mutation of a check's comparison or message would change (see
docs/reference/mutation.md): a finding that appears or disappears at the limit, a
column that moves, a word of the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest
from helpers import ORGANIZATION, MakeProject, check

from cxmap.checks import Check, all_checks, known_codes, registry
from cxmap.findings import Finding, Severity
from cxmap.project import Project

TODAY = dt.date(2026, 12, 2)
"""The day the review checks count from (``SOURCE_DATE_EPOCH``)."""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    midnight = dt.datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))


def located(findings: list[Finding]) -> list[tuple[str, str, int, int, str]]:
    return [(f.code, f.file, f.line, f.column, f.message) for f in findings]


def reviewed_journey(reviewed: str) -> str:
    return f"""journey:
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
      expectation: An answer
"""


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


# -- CX401 stale-review and CX403 review-in-future --------------------------------------


def test_a_review_exactly_review_every_ago_is_not_stale(make_project: MakeProject) -> None:
    root = make_project({"j.yaml": reviewed_journey(days_ago(365))})
    assert check(root, select=("CX401", "CX403")).findings == []


def test_a_review_one_day_older_than_review_every_is_stale(make_project: MakeProject) -> None:
    reviewed = days_ago(366)
    root = make_project({"j.yaml": reviewed_journey(reviewed)})
    findings = check(root, select=("CX401", "CX403")).findings
    assert located(findings) == [
        (
            "CX401",
            "journeys/j.yaml",
            6,
            13,
            f"journey 'j' was last reviewed 366 days ago ({reviewed}), "
            "longer than review_every (365d)",
        )
    ]
    assert findings[0].severity is Severity.INFO


def test_review_every_from_the_configuration_is_the_limit(make_project: MakeProject) -> None:
    config = "review_every: 2w\n"
    at_limit = make_project({"j.yaml": reviewed_journey(days_ago(14))}, config=config)
    assert check(at_limit, select=("CX401",)).findings == []
    over = make_project({"j.yaml": reviewed_journey(days_ago(15))}, config=config)
    assert [f.message for f in check(over, select=("CX401",)).findings] == [
        f"journey 'j' was last reviewed 15 days ago ({days_ago(15)}), longer than review_every (2w)"
    ]


def test_a_journey_never_reviewed(make_project: MakeProject) -> None:
    journey = reviewed_journey("x").replace("  reviewed: x\n", "")
    root = make_project({"j.yaml": journey})
    assert located(check(root, select=("CX401",)).findings) == [
        (
            "CX401",
            "journeys/j.yaml",
            2,
            3,
            "journey 'j' has never been reviewed: add reviewed: YYYY-MM-DD",
        )
    ]


def test_a_broken_review_date_is_left_to_the_schema_error(make_project: MakeProject) -> None:
    root = make_project({"j.yaml": reviewed_journey("last spring")})
    codes = [f.code for f in check(root, select=("CX0", "CX401")).findings]
    assert "CX401" not in codes
    assert "CX002" in codes


def test_a_review_today_is_neither_stale_nor_in_the_future(make_project: MakeProject) -> None:
    root = make_project({"j.yaml": reviewed_journey(TODAY.isoformat())})
    assert check(root, select=("CX401", "CX403")).findings == []


def test_a_review_tomorrow_is_in_the_future_and_not_stale(make_project: MakeProject) -> None:
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    root = make_project({"j.yaml": reviewed_journey(tomorrow)})
    findings = check(root, select=("CX401", "CX403")).findings
    assert located(findings) == [
        (
            "CX403",
            "journeys/j.yaml",
            6,
            13,
            f"journey 'j' says it was reviewed on {tomorrow}, which is in the future "
            f"(today is {TODAY.isoformat()}): write the date of the last review",
        )
    ]
    assert findings[0].severity is Severity.WARNING


# -- CX402 kpi-below-target -------------------------------------------------------------


def kpi_journey(*kpis: str) -> str:
    items = "".join(f"        - {kpi}\n" for kpi in kpis)
    return reviewed_journey(TODAY.isoformat()) + "      kpis:\n" + items


@pytest.mark.parametrize(
    "kpi",
    [
        "{name: CSAT, target: 4.5, actual: 4.5}",
        "{name: CSAT, target: 4.5, actual: 4.6}",
        "{name: Wait, target: 5, actual: 5, better: lower}",
        "{name: Wait, target: 5, actual: 4.9, better: lower}",
        "{name: Wait, target: 5}",
        "{name: Wait, actual: 5}",
        "{name: Wait, target: 5, better: lower}",
        "{name: Wait, actual: 5, better: lower}",
    ],
)
def test_a_kpi_that_meets_its_target_or_lacks_a_figure_is_quiet(
    make_project: MakeProject, kpi: str
) -> None:
    root = make_project({"j.yaml": kpi_journey(kpi)})
    assert check(root, select=("CX402",)).findings == []


def test_a_kpi_just_below_or_above_its_target(make_project: MakeProject) -> None:
    root = make_project(
        {
            "j.yaml": kpi_journey(
                "{name: CSAT, target: 4.5, actual: 4.4}",
                "{name: Wait, target: 5, actual: 5.5, better: lower, unit: min}",
                "{target: 90, actual: 89.5, unit: '%'}",
                "{target: 0.000001, actual: 0, better: higher}",
            )
        }
    )
    findings = check(root, select=("CX402",)).findings
    assert located(findings) == [
        (
            "CX402",
            "journeys/j.yaml",
            14,
            11,
            "CSAT of touch point 'ask' is 4.4, below its target of 4.5",
        ),
        (
            "CX402",
            "journeys/j.yaml",
            15,
            11,
            "Wait of touch point 'ask' is 5.5 min, above its target of 5 min",
        ),
        (
            "CX402",
            "journeys/j.yaml",
            16,
            11,
            "KPI 3 of touch point 'ask' is 89.5 %, below its target of 90 %",
        ),
        (
            "CX402",
            "journeys/j.yaml",
            17,
            11,
            "KPI 4 of touch point 'ask' is 0, below its target of 1e-06",
        ),
    ]
    assert {(f.journey, f.touchpoint, f.severity) for f in findings} == {
        ("j", "ask", Severity.INFO)
    }


# -- the registry ------------------------------------------------------------------------


@pytest.fixture
def empty_registry(monkeypatch: pytest.MonkeyPatch) -> dict[str, Check]:
    table: dict[str, Check] = {}
    monkeypatch.setattr(registry, "REGISTRY", table)
    return table


def documented(project: Project) -> Iterable[Finding]:
    """Summary line.

    Indented body, cleaned.
    """
    return []


def undocumented(project: Project) -> Iterable[Finding]:
    return []


def test_check_registers_the_function_with_its_cleaned_docstring(
    empty_registry: dict[str, Check],
) -> None:
    item = registry.check("CX990", "test-check", Severity.WARNING, documented)
    assert item == Check(
        "CX990",
        "test-check",
        Severity.WARNING,
        "Summary line.\n\nIndented body, cleaned.",
        documented,
    )
    assert empty_registry == {"CX990": item}
    assert (item.summary, item.family) == ("Summary line.", "CX9")
    bare = registry.check("CX991", "bare-check", Severity.INFO, undocumented)
    assert bare.doc == ""
    assert bare.run is undocumented
    assert list(empty_registry) == ["CX990", "CX991"]


def test_declare_registers_a_code_without_a_function(empty_registry: dict[str, Check]) -> None:
    item = registry.declare("CX992", "read-problem", Severity.ERROR, "\n    First.\n\n    Then.\n")
    assert item == Check("CX992", "read-problem", Severity.ERROR, "First.\n\nThen.", None)
    assert empty_registry["CX992"] is item


def test_a_code_or_a_name_registers_once(empty_registry: dict[str, Check]) -> None:
    registry.declare("CX993", "taken", Severity.INFO, "Doc.")
    with pytest.raises(ValueError, match=r"^check CX993 other is registered twice$"):
        registry.declare("CX993", "other", Severity.INFO, "Doc.")
    with pytest.raises(ValueError, match=r"^check CX994 taken is registered twice$"):
        registry.check("CX994", "taken", Severity.INFO, documented)
    registry.declare("CX995", "free", Severity.INFO, "Doc.")
    assert sorted(empty_registry) == ["CX993", "CX995"]


def test_the_real_registry_lists_every_check_once() -> None:
    checks = all_checks()
    assert [item.code for item in checks] == sorted(registry.REGISTRY)
    names = known_codes()
    for item in checks:
        assert names[item.code] == item.code
        assert names[item.name] == item.code
    assert len(names) == 2 * len(checks)


# -- CX005 unknown-reference -------------------------------------------------------------


def referencing(stages: str, stage: str) -> str:
    return f"""journey:
  id: j
  title: J
  owner: support-desk
  stages: {stages}
  promises:
    - {{id: p1, text: P}}
    - {{id: 1bad, text: Q}}
  touchpoints:
    - {{id: a, name: A, stage: {stage}, owner: Support Desk, expectation: x, next: [gone], keeps: [1bad], to_be: {{channels: [chatt]}}}}
    - {{id: gone, stage: support}}
"""  # noqa: E501


def unknown(make_project: MakeProject, stages: str, stage: str) -> list[tuple[int, int, str]]:
    root = make_project({"j.yaml": referencing(stages, stage)})
    findings = check(root, select=("CX005",)).findings
    assert {(f.journey, f.touchpoint) for f in findings} == {("j", "a")}
    return [(f.line, f.column, f.message) for f in findings]


OWNER = "unknown team 'Support Desk' in owner (did you mean 'support-desk'?)"
TO_BE = "unknown channel 'chatt' in to_be.channels (did you mean 'chat'?)"


def test_a_stage_of_the_organisation_that_the_journey_does_not_list(
    make_project: MakeProject,
) -> None:
    # The pruned touch point `gone` and the pruned promise `1bad` are no unknown references.
    assert unknown(make_project, "[support]", "buy") == [
        (10, 31, "stage 'buy' is not one of this journey's stages (support)"),
        (10, 43, OWNER),
        (10, 121, TO_BE),
    ]
    assert unknown(make_project, "[]", "buy")[0] == (
        10,
        31,
        "stage 'buy' is not one of this journey's stages (none)",
    )


def test_an_unknown_stage_is_suggested_from_the_journeys_stages_only(
    make_project: MakeProject,
) -> None:
    assert unknown(make_project, "[support]", "suport")[0] == (
        10,
        31,
        "unknown stage 'suport' in stage (did you mean 'support'?)",
    )
    # 'Purchase' is the name of the organisation's stage 'buy', which this journey lacks.
    assert unknown(make_project, "[support]", "Purchase")[0] == (
        10,
        31,
        "unknown stage 'Purchase' in stage",
    )


@pytest.mark.parametrize("stages", ["5", "{a: 1}"])
def test_touch_point_stages_are_not_checked_while_the_journeys_stages_are_broken(
    make_project: MakeProject, stages: str
) -> None:
    assert unknown(make_project, stages, "zzz") == [(10, 43, OWNER), (10, 121, TO_BE)]


# -- CX106 team-owns-nothing -------------------------------------------------------------


OWNED = """journey:
  id: j
  title: J
  owner: support-desk
  stages: [support]
  touchpoints:
    - {id: a, name: A, stage: support, owner: web-team, escalates_to: lab, expectation: x}
"""


def test_teams_that_own_nothing(make_project: MakeProject) -> None:
    root = make_project({"j.yaml": OWNED})
    findings = check(root, select=("CX106",)).findings
    assert [(f.file, f.line, f.column, f.message) for f in findings] == [
        (
            "journeys/organization.yaml",
            10,
            7,
            "team 'shop-team' owns no journey and no touch point: "
            "name it as the owner of what it is accountable for, or remove it",
        ),
        (
            "journeys/organization.yaml",
            12,
            7,
            "team 'returns-team' owns no journey and no touch point: "
            "name it as the owner of what it is accountable for, or remove it",
        ),
        (
            "journeys/organization.yaml",
            13,
            7,
            "team 'lab' owns no journey and no touch point (only as an escalation team or "
            "internal customer): name it as the owner of what it is accountable for, or remove it",
        ),
    ]


def test_no_team_owns_nothing_while_a_touch_point_was_left_out(make_project: MakeProject) -> None:
    journey = OWNED + "    - {id: b, stage: support, owner: shop-team}\n"  # no name: pruned
    root = make_project({"j.yaml": journey})
    assert check(root, select=("CX106",)).findings == []
    assert [f.code for f in check(root, select=("CX0",)).findings] == ["CX002"]


# -- CX203 unreachable -------------------------------------------------------------------


FLOW = """journey:
  id: {id}
  title: J
  owner: support-desk
  stages: [aware, support]
  touchpoints:
    - {{id: a, name: A, stage: aware, owner: support-desk, expectation: x{next}}}
    - {{id: b, name: B, stage: support, owner: support-desk, expectation: x}}
"""


def test_a_journey_without_next_does_not_stop_the_others(make_project: MakeProject) -> None:
    root = make_project(
        {
            "a.yaml": FLOW.format(id="a", next=""),
            "b.yaml": FLOW.format(id="b", next=", next: [a]"),
        }
    )
    findings = check(root, select=("CX203",)).findings
    assert [(f.file, f.line, f.touchpoint) for f in findings] == [("journeys/b.yaml", 8, "b")]


def test_a_department_named_by_its_display_name_is_suggested_by_id(
    make_project: MakeProject,
) -> None:
    journey = OWNED.replace(
        "owner: web-team,", "owner: web-team, department: Research & Development,"
    )
    root = make_project({"j.yaml": journey})
    assert [f.message for f in check(root, select=("CX005",)).findings] == [
        "unknown department 'Research & Development' in department (did you mean 'rnd'?)"
    ]


def test_a_promise_left_out_for_errors_is_no_unknown_reference(make_project: MakeProject) -> None:
    journey = OWNED.replace("  touchpoints:\n", "  promises:\n    - {id: lost}\n  touchpoints:\n")
    journey = journey.replace("expectation: x}", "expectation: x, keeps: [lost, nope]}")
    root = make_project({"j.yaml": journey})
    assert [f.message for f in check(root, select=("CX005",)).findings] == [
        "unknown promise 'nope' in keeps"
    ]


# -- CX305 inconsistent-standard ---------------------------------------------------------


def touchpoints(*lines: str) -> str:
    return (
        "journey:\n  id: j\n  title: J\n  owner: support-desk\n  stages: [support]\n"
        "  touchpoints:\n" + "".join(f"    - {line}\n" for line in lines)
    )


def tp(identifier: str, extra: str) -> str:
    common = "name: N, stage: support, owner: support-desk, expectation: x"
    return f"{{id: {identifier}, {common}, {extra}}}"


def test_standards_compared_per_team_and_channel(make_project: MakeProject) -> None:
    journey = touchpoints(
        tp("none", "channels: [chat]"),  # no standard: not compared
        tp("e1", "channels: [email], standard: {text: R, within: 1d}"),
        tp("e2", "channels: [email], standard: {text: R, within: 24h}"),
        tp("c1", "channels: [chat], standard: {text: R, within: 4h}"),
        tp("c2", "channels: [chat], standard: {text: R, within: 1d}"),
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX305",)).findings
    assert [(f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (
            11,
            124,
            "c2",
            "team 'support-desk' commits to 1d on 'chat' here, but to 4h "
            "at j/c1 (journeys/j.yaml:10:124)",
        )
    ]
    assert findings[0].related == (("j", "c1"),)


def test_a_touch_point_differing_on_two_channels_is_reported_once(
    make_project: MakeProject,
) -> None:
    journey = touchpoints(
        tp("a", "channels: [chat, email], standard: {text: R, within: 4h}"),
        tp("b", "channels: [chat, email], standard: {text: R, within: 4h}"),
        tp("c", "channels: [chat, email, chat], standard: {text: R, within: 2h}"),
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX305",)).findings
    assert [(f.line, f.touchpoint, f.message) for f in findings] == [
        (
            9,
            "c",
            "team 'support-desk' commits to 2h on 'chat' here, but to 4h at "
            "j/a (journeys/j.yaml:7:130), j/b (journeys/j.yaml:8:130); and "
            "team 'support-desk' commits to 2h on 'email' here, but to 4h at "
            "j/a (journeys/j.yaml:7:130), j/b (journeys/j.yaml:8:130)",
        )
    ]
    assert findings[0].related == (("j", "a"), ("j", "b"))


def test_standards_are_compared_within_one_service_and_name_every_other_time(
    make_project: MakeProject,
) -> None:
    services = "  services: [{id: advice}, {id: decision}]\n  stages:"
    organization = ORGANIZATION.replace("  stages:", services, 1)
    journey = touchpoints(
        tp("advice", "service: advice, channels: [email], standard: {text: R, within: 8w}"),
        tp("decision", "service: decision, channels: [email], standard: {text: R, within: 4w}"),
        tp("d2", "service: decision, channels: [email], standard: {text: R, within: 4w}"),
        tp("d3", "service: decision, channels: [email], standard: {text: R, within: 20wd}"),
        tp("d4", "service: decision, channels: [email], standard: {text: R, within: 2mo}"),
        tp("d5", "service: decision, channels: [email], standard: {text: R, within: 1w}"),
    )
    root = make_project({"j.yaml": journey}, organization=organization)
    findings = check(root, select=("CX305",)).findings
    messages = {f.touchpoint: f.message for f in findings}
    assert set(messages) == {"d4", "d5"}  # 4w == 20wd; advice is another service
    assert messages["d5"].startswith(
        "team 'support-desk' commits to 1w on 'email' for service 'decision' here, but to "
        "4w at j/decision (journeys/j.yaml:8:"
    )
    assert "; 2mo at j/d4 (journeys/j.yaml:11:" in messages["d5"]
    d5 = next(f for f in findings if f.touchpoint == "d5")
    assert d5.related == (("j", "decision"), ("j", "d2"), ("j", "d3"), ("j", "d4"))


# -- CX306, CX301, CX101, CX102, CX004 ---------------------------------------------------


def test_an_internal_touch_point_without_a_customer(make_project: MakeProject) -> None:
    journey = touchpoints(
        tp("a", "audience: internal, customer: lab"),
        tp("b", "audience: internal"),
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX306",)).findings
    assert [(f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (8, 87, "b", "internal touch point 'b' names no customer: name the team it serves")
    ]


def test_promises_kept_made_and_broken(make_project: MakeProject) -> None:
    journey = touchpoints(
        tp("a", "promises: [p2, p3], keeps: [p1]"),
        tp("b", "promises: [p2]"),
    ).replace(
        "  touchpoints:\n",
        "  promises:\n    - {id: p1, text: One}\n    - {id: p2, text: Two}\n"
        "    - {id: p3, text: Three}\n    - {id: p4, text: Four}\n  touchpoints:\n",
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX301",)).findings
    assert [(f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (8, 12, None, "promise 'p2' (made at a, b) is kept by no touch point"),
        (9, 12, None, "promise 'p3' (made at a) is kept by no touch point"),
        (10, 12, None, "promise 'p4' is kept by no touch point"),
    ]


def test_a_broken_owner_or_expectation_is_left_to_its_schema_error(
    make_project: MakeProject,
) -> None:
    journey = touchpoints(
        "{id: a, name: A, stage: support, owner: 3, expectation: 3}",
        "{id: b, name: B, stage: support}",
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX101", "CX102")).findings
    assert [(f.code, f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        ("CX101", 8, 7, "b", "touch point 'b' has no owner: name the team that owns it"),
        (
            "CX102",
            8,
            7,
            "b",
            "touch point 'b' has no expectation: say what the customer expects here",
        ),
    ]


def test_a_duplicate_touch_point_id_names_the_touch_point(make_project: MakeProject) -> None:
    journey = touchpoints(tp("a", "channels: [chat]"), tp("a", "channels: [web]"))
    findings = check(make_project({"j.yaml": journey}), select=("CX004",)).findings
    assert [(f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (8, 12, "a", "duplicate touch point id 'a' (first defined at journeys/j.yaml:7:12)")
    ]


def test_a_team_only_served_as_internal_customer(make_project: MakeProject) -> None:
    journey = OWNED.replace("escalates_to: lab,", "audience: internal, customer: returns-team,")
    findings = check(make_project({"j.yaml": journey}), select=("CX106",)).findings
    assert [f.message.split(":")[0] for f in findings] == [
        "team 'shop-team' owns no journey and no touch point",
        "team 'returns-team' owns no journey and no touch point (only as an escalation team "
        "or internal customer)",
        "team 'lab' owns no journey and no touch point",
    ]


def test_a_journey_whose_touch_points_are_in_no_stage_does_not_stop_the_others(
    make_project: MakeProject,
) -> None:
    nowhere = FLOW.format(id="a", next=", next: [b]").replace("stage: aware", "stage: elsewhere")
    nowhere = nowhere.replace("stage: support", "stage: elsewhere")
    root = make_project({"a.yaml": nowhere, "b.yaml": FLOW.format(id="b", next=", next: [a]")})
    findings = check(root, select=("CX203",)).findings
    assert [(f.file, f.line, f.touchpoint) for f in findings] == [("journeys/b.yaml", 8, "b")]


def test_reviews_of_several_journeys_are_each_judged(make_project: MakeProject) -> None:
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    never = reviewed_journey("x").replace("  reviewed: x\n", "")
    root = make_project(
        {
            "a.yaml": reviewed_journey("last spring").replace("id: j", "id: a"),
            "b.yaml": never.replace("id: j", "id: b"),
            "c.yaml": reviewed_journey(tomorrow).replace("id: j", "id: c"),
            "d.yaml": reviewed_journey(days_ago(400)).replace("id: j", "id: d"),
        }
    )
    findings = check(root, select=("CX401", "CX403")).findings
    assert [(f.code, f.file, f.journey) for f in findings] == [
        ("CX401", "journeys/b.yaml", "b"),
        ("CX403", "journeys/c.yaml", "c"),
        ("CX401", "journeys/d.yaml", "d"),
    ]


def test_standards_missing_or_without_a_time(make_project: MakeProject) -> None:
    journey = touchpoints(
        "{id: a, name: A, stage: support, owner: support-desk, expectation: x, standard: 3}",
        "{id: b, name: B, stage: support, owner: support-desk, expectation: x}",
        "{id: c, name: C, stage: support, owner: support-desk, expectation: x, standard: Reply}",
        "{id: d, name: D, stage: support, owner: web-team, expectation: x, standard: Reply}",
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX103",)).findings
    assert [(f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (8, 7, "b", "touch point 'b' has no standard: say what we commit to here"),
        (
            9,
            87,
            "c",
            "the standard of front-line touch point 'c' has no time: "
            "add within (e.g. within: 4h) so it can be measured",
        ),
    ]


def test_a_front_line_touch_point_on_a_staffed_channel_without_escalation(
    make_project: MakeProject,
) -> None:
    journey = touchpoints(
        tp("a", "channels: [web, chat, phone]"),
        tp("b", "channels: [web]"),
        tp("c", "channels: [chat], escalates_to: lab"),
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX302",)).findings
    assert [(f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (
            7,
            7,
            "a",
            "front-line touch point 'a' on staffed channel 'chat' has no escalates_to: "
            "name the team that takes over",
        )
    ]


BROKEN_DEPARTMENTS = """organization:
  name: O
  departments: 5
  teams:
    - {id: support-desk, department: service}
    - {id: lab, department: research-development}
  stages: [{id: support}]
"""


def test_team_departments_are_not_checked_while_the_departments_are_broken(
    make_project: MakeProject,
) -> None:
    root = make_project({"j.yaml": OWNED}, organization=BROKEN_DEPARTMENTS)
    codes = [(f.code, f.file) for f in check(root, select=("CX0",)).findings]
    assert ("CX005", "journeys/organization.yaml") not in codes
    fixed = BROKEN_DEPARTMENTS.replace(
        "departments: 5",
        "departments: [{id: service}, {id: rnd, name: Research & Development}]",
    )
    root = make_project({"j.yaml": OWNED}, organization=fixed)
    findings = check(root, select=("CX005",)).findings
    assert [
        (f.file, f.line, f.column, f.message) for f in findings if f.file.endswith("n.yaml")
    ] == [
        (
            "journeys/organization.yaml",
            6,
            29,
            "unknown department 'research-development' in team 'lab' (did you mean 'rnd'?)",
        )
    ]


def test_touch_point_stages_are_checked_without_an_organisation(
    make_project: MakeProject,
) -> None:
    journey = OWNED.replace("stage: support, owner", "stage: sales, owner")
    root = make_project({"j.yaml": journey}, organization=None)
    findings = check(root, select=("CX005",)).findings
    assert [(f.line, f.column, f.message) for f in findings] == [
        (7, 31, "unknown stage 'sales' in stage")
    ]


# -- CX102 and CX103: a value written as null ---------------------------------------------


def test_an_expectation_or_standard_written_as_null_is_reported_at_its_touch_point(
    make_project: MakeProject,
) -> None:
    journey = touchpoints(
        "{id: a, name: A, stage: support, owner: support-desk, expectation: null, standard: ~}",
        "{id: b, name: B, stage: support, owner: support-desk}",
    )
    findings = check(make_project({"j.yaml": journey}), select=("CX102", "CX103")).findings
    assert [(f.code, f.line, f.column, f.touchpoint, f.message) for f in findings] == [
        (
            "CX102",
            7,
            7,
            "a",
            "touch point 'a' has no expectation: say what the customer expects here",
        ),
        ("CX103", 7, 7, "a", "touch point 'a' has no standard: say what we commit to here"),
        (
            "CX102",
            8,
            7,
            "b",
            "touch point 'b' has no expectation: say what the customer expects here",
        ),
        ("CX103", 8, 7, "b", "touch point 'b' has no standard: say what we commit to here"),
    ]


def test_a_kpi_without_a_figure_does_not_stop_the_next_one(make_project: MakeProject) -> None:
    root = make_project(
        {
            "j.yaml": kpi_journey(
                "{name: Wait, target: 5}",
                "{name: CSAT, actual: 3}",
                "{name: NPS, target: 30, actual: 20}",
            )
        }
    )
    assert [(f.line, f.message) for f in check(root, select=("CX402",)).findings] == [
        (16, "NPS of touch point 'ask' is 20, below its target of 30")
    ]
