"""Derived facts: one place answers each, checks turn them into findings, views format them.

A fact is anything worked out from the model rather than written in a file: the
display name of an id, whether a touch point faces customers on the front line,
whether a standard leaves an expectation gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from cxmap.model import (
    Commitment,
    Duration,
    Entity,
    Journey,
    Kpi,
    Organization,
    TouchPoint,
    title_case,
)
from cxmap.project import Project

Kind = Literal["team", "department", "channel", "persona", "stage"]

FRONT_LINE = "service"
"""The department whose touch points answer customers directly (CX103, CX302)."""


def defines(project: Project, kind: Kind, key: str | None) -> bool:
    """Whether the organisation declares ``key`` as a ``kind``."""
    org = project.organization
    return bool(key) and org is not None and key in _table(org.model, kind)


def display_name(project: Project, kind: Kind, key: str | None) -> str:
    """The name to show for an id: the organisation's ``name``, or the id in title case."""
    if not key:
        return ""
    org = project.organization
    found = _table(org.model, kind).get(key) if org is not None else None
    return str(found.title) if found is not None else title_case(key)


def _table(organization: Organization, kind: Kind) -> Mapping[str, Entity]:
    tables: dict[Kind, Mapping[str, Entity]] = {
        "team": organization.team_ids,
        "department": organization.department_ids,
        "channel": organization.channel_ids,
        "persona": organization.persona_ids,
        "stage": organization.stage_ids,
    }
    return tables[kind]


def is_front_line(project: Project, touchpoint: TouchPoint) -> bool:
    """Whether the touch point belongs to the front-line department (its own or its team's)."""
    return project.department_of(touchpoint) == FRONT_LINE


@dataclass(frozen=True)
class Gap:
    """The committed standard is slower than the customer expects (CX104)."""

    expected: Duration
    committed: Duration


def expectation_gap(touchpoint: TouchPoint) -> Gap | None:
    expectation, standard = touchpoint.expectation, touchpoint.standard
    if expectation is None or standard is None:
        return None
    if expectation.within is None or standard.within is None:
        return None
    if standard.within > expectation.within:
        return Gap(expected=expectation.within, committed=standard.within)
    return None


@dataclass(frozen=True)
class Change:
    """One way a touch point's target state (``to_be``) differs from today."""

    field: Literal["emotion", "standard", "expectation", "channels"]
    today: str
    target: str


def has_target(journey: Journey) -> bool:
    """Whether any touch point of the journey records a target state."""
    return any(tp.to_be is not None for tp in journey.touchpoints)


def target_changes(touchpoint: TouchPoint) -> list[Change]:
    """What the target state changes, field by field; nothing without ``to_be``."""
    to_be = touchpoint.to_be
    if to_be is None:
        return []
    changes: list[Change] = []
    if to_be.emotion is not None and to_be.emotion != touchpoint.emotion:
        today = "?" if touchpoint.emotion is None else f"{touchpoint.emotion:+d}"
        changes.append(Change("emotion", today, f"{to_be.emotion:+d}"))
    if to_be.standard is not None and to_be.standard != touchpoint.standard:
        changes.append(
            Change("standard", _commitment(touchpoint.standard), _commitment(to_be.standard))
        )
    if to_be.expectation is not None and to_be.expectation != touchpoint.expectation:
        changes.append(
            Change(
                "expectation", _commitment(touchpoint.expectation), _commitment(to_be.expectation)
            )
        )
    if to_be.channels and list(to_be.channels) != list(touchpoint.channels):
        changes.append(
            Change("channels", ", ".join(touchpoint.channels), ", ".join(to_be.channels))
        )
    return changes


def _commitment(value: Commitment | None) -> str:
    if value is None or value.is_empty:
        return "none"
    return f"within {value.within}" if value.within is not None else (value.text or "")


def target_reached(touchpoint: TouchPoint) -> bool | None:
    """Whether today already is the target state; ``None`` without a target (``to_be``)."""
    return None if touchpoint.to_be is None else not target_changes(touchpoint)


def target_emotion(touchpoint: TouchPoint) -> int | None:
    """The emotion of the target state: ``to_be.emotion``, else today's."""
    if touchpoint.to_be is not None and touchpoint.to_be.emotion is not None:
        return touchpoint.to_be.emotion
    return touchpoint.emotion


def target_channels(touchpoint: TouchPoint) -> list[str]:
    """The channels of the target state: ``to_be.channels``, else today's."""
    if touchpoint.to_be is not None and touchpoint.to_be.channels:
        return list(touchpoint.to_be.channels)
    return list(touchpoint.channels)


def journey_stages(journey: Journey) -> list[str]:
    """The journey's stages in its order, then any stage only its touch points name."""
    return list(dict.fromkeys([*journey.stages, *(tp.stage for tp in journey.touchpoints)]))


def journey_order(journey: Journey) -> list[TouchPoint]:
    """The touch points in the order the customer meets them.

    Stages in the journey's order; inside a stage, along ``next`` (a touch point
    comes after those that lead to it), ties and cycles in file order.
    """
    ordered: list[TouchPoint] = []
    for stage in journey_stages(journey):
        members = [tp for tp in journey.touchpoints if tp.stage == stage]
        ids = {tp.id for tp in members}
        before: dict[int, set[int]] = {index: set() for index in range(len(members))}
        position = {tp.id: index for index, tp in enumerate(members)}
        for index, tp in enumerate(members):
            for following in tp.next:
                if following in ids and position[following] != index:
                    before[position[following]].add(index)
        placed: list[int] = []
        waiting = list(range(len(members)))
        while waiting:
            ready = next((i for i in waiting if before[i] <= set(placed)), waiting[0])
            placed.append(ready)
            waiting.remove(ready)
        ordered.extend(members[i] for i in placed)
    return ordered


def kpi_on_target(kpi: Kpi) -> bool | None:
    """Whether a KPI's actual meets its target; ``None`` unless both are given (CX402)."""
    if kpi.actual is None or kpi.target is None:
        return None
    return kpi.actual >= kpi.target if kpi.better == "higher" else kpi.actual <= kpi.target
