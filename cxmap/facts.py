"""Derived facts: one place answers each, checks turn them into findings, views format them.

A fact is anything worked out from the model rather than written in a file: the
display name of an id, whether a touch point faces customers on the front line,
whether a standard leaves an expectation gap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from cxmap.model import (
    JOURNEY_ROLES,
    Commitment,
    Duration,
    Entity,
    Journey,
    Kpi,
    Organization,
    Role,
    TouchPoint,
    title_case,
)
from cxmap.model.types import Better
from cxmap.project import Project

Kind = Literal["team", "department", "channel", "persona", "stage", "service"]

FRONT_LINE: Role = "front-line"
"""The role of the departments that answer customers directly (CX103, CX302)."""


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
        "service": organization.service_ids,
    }
    return tables[kind]


def departments_with_role(project: Project, role: Role) -> list[str]:
    """The ids of the departments that declare ``role``, in the organisation's order."""
    org = project.organization
    if org is None:
        return []
    return [department.id for department in org.model.departments if role in department.roles]


def roles_unknown(project: Project) -> bool:
    """Whether a department was left out for errors, so its roles are not known.

    Checks that depend on roles stay quiet then rather than guess: the CX002 on
    the organisation file comes first.
    """
    org = project.organization
    if org is None:
        return False
    broken_department = any(key in ("departments", "roles") for _, key in org.broken)
    return broken_department or bool(org.pruned_ids.get("departments"))


def front_line(project: Project) -> Callable[[TouchPoint], bool]:
    """The test of whether a touch point answers customers on the front line (CX103, CX302).

    A touch point is when its department (its own or its team's) plays the
    ``front-line`` role. An organisation that gives no department that role gets
    a structural default instead: a touch point that faces customers on a staffed
    channel. Nothing is front line while a department is broken (:func:`roles_unknown`).
    The roles are read once, so that a check can test every touch point with it.
    """
    if roles_unknown(project):
        return lambda touchpoint: False
    departments = set(departments_with_role(project, FRONT_LINE))
    if departments:
        return lambda touchpoint: project.department_of(touchpoint) in departments
    return lambda touchpoint: (
        not touchpoint.is_internal and any(map(project.is_staffed, touchpoint.channels))
    )


def is_front_line(project: Project, touchpoint: TouchPoint) -> bool:
    """Whether one touch point answers customers on the front line; see :func:`front_line`."""
    return front_line(project)(touchpoint)


@dataclass(frozen=True)
class Part:
    """A part every journey should involve (CX204): one department, or every one of a role."""

    label: str
    departments: tuple[str, ...]


def required_parts(project: Project) -> list[Part]:
    """What every journey should involve (CX204), from the most explicit source.

    ``required_departments`` of ``cxmap.yaml`` when it is set, each department a
    part; otherwise each journey role (expectations, promises, front line,
    delivery) that some department plays; and when no department declares a
    role, every department of the organisation.
    """
    org = project.organization
    if org is None or roles_unknown(project):
        return []
    known = org.model.department_ids
    explicit = project.config.required_departments
    if explicit is not None:
        return [Part(f"department {d!r}", (d,)) for d in dict.fromkeys(explicit) if d in known]
    by_role = [(role, departments_with_role(project, role)) for role in JOURNEY_ROLES]
    if any(department.roles for department in org.model.departments):
        return [
            Part(f"a department with role {role!r} ({', '.join(ids)})", tuple(ids))
            for role, ids in by_role
            if ids
        ]
    return [Part(f"department {d!r}", (d,)) for d in known]


@dataclass(frozen=True)
class Gap:
    """The committed response time is slower than the customer expects (CX104).

    ``closed_by`` is the target standard's response time when the target state
    (``to_be``) meets the expectation it expects then.
    """

    expected: Duration
    committed: Duration
    closed_by: Duration | None = None


def expectation_gap(touchpoint: TouchPoint) -> Gap | None:
    """The gap between expected and committed response times (``within``), if any.

    Lead times (``ahead``) are not response times and are never compared here.
    """
    gap = _response_gap(touchpoint.expectation, touchpoint.standard)
    if gap is None:
        return None
    to_be = touchpoint.to_be
    if to_be is None or to_be.standard is None or to_be.standard.within is None:
        return gap
    target_gap = _response_gap(to_be.expectation or touchpoint.expectation, to_be.standard)
    if target_gap is None:
        return Gap(gap.expected, gap.committed, closed_by=to_be.standard.within)
    return gap


def _response_gap(expectation: Commitment | None, standard: Commitment | None) -> Gap | None:
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
    if value.within is not None:
        return f"within {value.within}"
    return f"{value.ahead} ahead" if value.ahead is not None else (value.text or "")


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


def kpi_on_target(kpi: Kpi, actual: float | None, better: Better) -> bool | None:
    """Whether ``actual`` meets a KPI's target; ``None`` unless both are known (CX402).

    The actual is the file's, else the latest measurement, and ``better`` the way
    the KPI is better (see :func:`cxmap.delivered.kpi_reading`).
    """
    if actual is None or kpi.target is None:
        return None
    return actual >= kpi.target if better == "higher" else actual <= kpi.target
