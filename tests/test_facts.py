"""Derived facts: names, the front line and the expectation gap, answered in one place."""

from __future__ import annotations

import pytest
from helpers import ORGANIZATION, QUIET, MakeProject

from cxmap.facts import (
    FRONT_LINE,
    Change,
    defines,
    departments_with_role,
    display_name,
    expectation_gap,
    has_target,
    is_front_line,
    journey_order,
    target_changes,
    target_channels,
    target_emotion,
)
from cxmap.linter import lint
from cxmap.model import ToBe, TouchPoint
from cxmap.project import Project

JOURNEY = """\
journey:
  id: j
  title: J
  owner: support-desk
  touchpoints:
    - id: first
      name: First
      stage: support
      owner: support-desk
      channels: [email]
"""


def _project(make_project: MakeProject) -> Project:
    return lint(make_project({"j.yaml": JOURNEY}, config=QUIET)).project


def test_display_names_come_from_the_organisation_or_the_id(make_project: MakeProject) -> None:
    project = _project(make_project)
    org = project.organization
    assert org is not None
    team = org.model.team_ids["support-desk"]
    assert display_name(project, "team", "support-desk") == team.title
    assert display_name(project, "team", "no-such-team") == "No Such Team"
    assert display_name(project, "channel", None) == ""
    assert display_name(project, "stage", "") == ""
    assert defines(project, "team", "support-desk")
    assert not defines(project, "team", "no-such-team")
    assert not defines(project, "persona", None)
    # The same id is a name only in its own kind.
    assert not defines(project, "department", "support-desk")


def test_without_an_organisation_every_name_is_the_id_in_title_case(
    make_project: MakeProject,
) -> None:
    project = lint(make_project({"j.yaml": JOURNEY}, organization=None, config=QUIET)).project
    assert display_name(project, "team", "support-desk") == "Support Desk"
    assert not defines(project, "team", "support-desk")


def test_the_front_line_is_the_departments_with_that_role(
    make_project: MakeProject,
) -> None:
    project = _project(make_project)
    touchpoint = project.journeys[0].model.touchpoints[0]
    assert departments_with_role(project, FRONT_LINE) == ["service"]
    assert project.department_of(touchpoint) == "service"
    assert is_front_line(project, touchpoint)
    elsewhere = touchpoint.model_copy(update={"department": "marketing"})
    assert not is_front_line(project, elsewhere)


def test_without_a_front_line_role_a_customer_touch_point_on_a_staffed_channel_is_front_line(
    make_project: MakeProject,
) -> None:
    organization = ORGANIZATION.replace(", roles: [front-line]", "")
    root = make_project({"j.yaml": JOURNEY}, organization=organization, config=QUIET)
    project = lint(root).project
    assert departments_with_role(project, FRONT_LINE) == []
    touchpoint = project.journeys[0].model.touchpoints[0]
    staffed = touchpoint.model_copy(update={"channels": ["web", "phone"], "department": "sales"})
    assert is_front_line(project, staffed)
    assert not is_front_line(project, staffed.model_copy(update={"channels": ["web"]}))
    assert not is_front_line(project, staffed.model_copy(update={"audience": "internal"}))


def _touchpoint(expected: str | None, committed: str | None) -> TouchPoint:
    data: dict[str, object] = {"id": "t", "name": "T", "stage": "s", "owner": "o"}
    if expected is not None:
        data["expectation"] = {"text": "e", "within": expected}
    if committed is not None:
        data["standard"] = {"text": "c", "within": committed}
    return TouchPoint.model_validate(data)


@pytest.mark.parametrize(
    ("expected", "committed", "gap"),
    [
        ("1d", "2d", ("1d", "2d")),
        ("1d", "24h", None),  # equally fast: no gap
        ("1w", "7d", None),
        ("2d", "1d", None),
        (None, "2d", None),
        ("1d", None, None),
    ],
)
def test_the_expectation_gap(
    expected: str | None, committed: str | None, gap: tuple[str, str] | None
) -> None:
    found = expectation_gap(_touchpoint(expected, committed))
    if gap is None:
        assert found is None
    else:
        assert found is not None
        assert (str(found.expected), str(found.committed)) == gap


def test_a_gap_the_target_state_closes_says_so() -> None:
    touchpoint = _touchpoint("1d", "2d").model_copy(
        update={"to_be": ToBe.model_validate({"standard": {"within": "8h"}})}
    )
    found = expectation_gap(touchpoint)
    assert found is not None and str(found.closed_by) == "8h"
    slower = touchpoint.model_copy(
        update={"to_be": ToBe.model_validate({"standard": {"within": "36h"}})}
    )
    assert (gap := expectation_gap(slower)) is not None and gap.closed_by is None
    # the target expectation counts when the target changes it too
    expecting_more = touchpoint.model_copy(
        update={
            "to_be": ToBe.model_validate(
                {"standard": {"within": "8h"}, "expectation": {"within": "4h"}}
            )
        }
    )
    assert (gap := expectation_gap(expecting_more)) is not None and gap.closed_by is None


def test_lead_times_are_not_response_times() -> None:
    touchpoint = TouchPoint.model_validate(
        {
            "id": "t",
            "name": "T",
            "stage": "s",
            "expectation": {"text": "Reminded in time", "within": "8w"},
            "standard": {"text": "Reminder", "ahead": "10w"},
        }
    )
    assert expectation_gap(touchpoint) is None


ORDERED = """\
journey:
  id: o
  title: O
  stages: [buy, support]
  touchpoints:
    - {id: late, name: Late, stage: support}
    - {id: c, name: C, stage: buy}
    - {id: b, name: B, stage: buy, next: [c]}
    - {id: a, name: A, stage: buy, next: [b]}
    - {id: x, name: X, stage: support, next: [y]}
    - {id: y, name: Y, stage: support, next: [x]}
    - {id: odd, name: Odd, stage: elsewhere}
"""


def test_the_journey_order_is_stages_then_next_then_the_file(make_project: MakeProject) -> None:
    project = lint(make_project({"o.yaml": ORDERED}, config=QUIET)).project
    order = [tp.id for tp in journey_order(project.journeys[0].model)]
    # buy: a -> b -> c although listed c, b, a; support: file order, and the cycle x <-> y
    # in file order too; a stage no journey stage names comes last.
    assert order == ["a", "b", "c", "late", "x", "y", "odd"]


TARGETS = """\
journey:
  id: t
  title: T
  touchpoints:
    - id: changed
      name: Changed
      stage: support
      channels: [email]
      emotion: -1
      standard: {text: Reply in a day, within: 1d}
      expectation: Quick
      to_be:
        emotion: 1
        channels: [email, chat]
        standard: {text: Reply in an hour, within: 1h}
        expectation: {text: Quicker, within: 2h}
    - {id: same, name: Same, stage: support, emotion: 1, to_be: {emotion: 1, channels: []}}
    - {id: none, name: None, stage: support, channels: [web]}
"""


def test_target_changes_name_each_field_that_moves(make_project: MakeProject) -> None:
    journey = lint(make_project({"t.yaml": TARGETS}, config=QUIET)).project.journeys[0].model
    changed, same, none = journey.touchpoints
    assert target_changes(changed) == [
        Change("emotion", "-1", "+1"),
        Change("standard", "within 1d", "within 1h"),
        Change("expectation", "Quick", "within 2h"),
        Change("channels", "email", "email, chat"),
    ]
    assert target_changes(same) == [] and target_changes(none) == []
    assert (target_emotion(changed), target_emotion(same), target_emotion(none)) == (1, 1, None)
    assert target_channels(changed) == ["email", "chat"]
    assert target_channels(same) == [] and target_channels(none) == ["web"]
    assert has_target(journey)
