"""Derived facts: one place answers each, checks turn them into findings, views format them.

A fact is anything worked out from the model rather than written in a file: the
display name of an id, whether a touch point faces customers on the front line,
whether a standard leaves an expectation gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from cxmap.model import Duration, Entity, Organization, TouchPoint, title_case
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
