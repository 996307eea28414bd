"""CX004-CX005: ids are unique and every reference names something that exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from cxmap.checks.hierarchy import unknown_parents
from cxmap.checks.registry import check
from cxmap.config import CONFIG_FILE
from cxmap.findings import Finding, Mark, Severity, located
from cxmap.measurements import Measurement, duplicate
from cxmap.model import Entity, Journey, Promise, TouchPoint
from cxmap.model.types import Located
from cxmap.project import JourneyDocument, Project
from cxmap.suggest import did_you_mean
from cxmap.summary import JourneySummary, TouchPointSummary, unread

# The organisation's lists, by the word used in messages.
ORGANIZATION_KINDS = {
    "department": "departments",
    "team": "teams",
    "channel": "channels",
    "persona": "personas",
    "stage": "stages",
    "service": "services",
}


Identified = TypeVar("Identified", Entity, TouchPoint, Promise)


def _duplicates(
    items: Sequence[Identified], label: str, file: str
) -> Iterator[tuple[Identified, str]]:
    first: dict[str, Mark] = {}
    for item in items:
        item_id = item.id
        if item_id in first:
            line, column = first[item_id]
            yield (
                item,
                f"duplicate {label} id {item_id!r} (first defined at {file}:{line}:{column})",
            )
        else:
            first[item_id] = item.value_at("id")


def duplicate_ids(project: Project) -> Iterable[Finding]:
    """Two entities of one kind share an id.

    Ids are how journeys, pages and diagrams refer to things, so each must name
    exactly one department, team, channel, persona, stage or journey in the
    project, one touch point or promise within its journey, and one KPI within
    its touch point (by `id`, or by `name` when it has no id: that is what rows of
    the measurements file name). With a duplicate, references silently go to the
    first one. In the measurements file, two rows for one KPI on one date are
    duplicates too.

    Your organisation: nothing is assumed; ids are yours to choose, as long
    as each names one thing.

    Rename one of the two; the message says where the first one is.
    """
    org = project.organization
    if org is not None:
        for label, list_key in ORGANIZATION_KINDS.items():
            entities: Sequence[Entity] = getattr(org.model, list_key)
            for entity, message in _duplicates(entities, label, org.file):
                yield org.finding("CX004", message, entity.value_at("id"))
    for doc in project.journeys:
        for touchpoint, message in _duplicates(doc.model.touchpoints, "touch point", doc.file):
            yield doc.finding("CX004", message, touchpoint.value_at("id"), touchpoint)
        for promise, message in _duplicates(doc.model.promises, "promise", doc.file):
            yield doc.finding("CX004", message, promise.value_at("id"))
        for touchpoint in doc.model.touchpoints:
            yield from _duplicate_kpis(doc, touchpoint)


def _duplicate_kpis(doc: JourneyDocument, touchpoint: TouchPoint) -> Iterator[Finding]:
    """A KPI id or name that another KPI of the touch point has as its id or name: rows
    of the measurements file, which may name a KPI by either, could not tell them apart."""
    first: dict[str, tuple[int, Mark]] = {}
    for index, kpi in enumerate(touchpoint.kpis):
        for key in dict.fromkeys(kpi.keys):
            field = "id" if key == kpi.id else "name"
            mark = touchpoint.value_at_path("kpis", index, field)
            earlier = first.setdefault(key, (index, mark))
            if earlier[0] != index:
                line, column = earlier[1]
                yield doc.finding(
                    "CX004",
                    f"duplicate KPI {field} {key!r} in touch point {touchpoint.id!r} "
                    f"(first defined at {doc.file}:{line}:{column})",
                    mark,
                    touchpoint,
                )
                break


@dataclass(frozen=True)
class Reference:
    """A place in a journey that names an id of some kind."""

    kind: str
    value: str
    field: str
    owner: Located
    """The journey or touch point that holds the reference."""
    path: tuple[str | int, ...]
    """Where in ``owner`` it is written: a key, and an index for a list item."""
    touchpoint: TouchPoint | None = None

    @property
    def mark(self) -> Mark:
        # Located only when reported: nearly every reference is fine.
        key, *rest = self.path
        if not rest:
            return self.owner.value_at(str(key))
        if len(rest) == 1 and isinstance(rest[0], int):
            return self.owner.value_at(str(key), rest[0])
        return self.owner.value_at_path(*self.path)


def _values(
    owner: Located, key: str, values: Sequence[str] | str | None
) -> Iterator[tuple[str, tuple[str | int, ...]]]:
    if values is None:
        return
    if isinstance(values, str):
        yield values, (key,)
        return
    for index, value in enumerate(values):
        yield value, (key, index)


def journey_references(journey: Journey) -> Iterator[Reference]:
    """Every reference a journey makes, with where it is written."""
    fields = (
        ("persona", "persona"),
        ("personas", "persona"),
        ("owner", "team"),
        ("stages", "stage"),
    )
    for key, kind in fields:
        for value, path in _values(journey, key, getattr(journey, key)):
            yield Reference(kind, value, key, journey, path)
    for promise in journey.promises:
        if promise.starts_at is not None:
            yield Reference("touch point", promise.starts_at, "starts_at", promise, ("starts_at",))
    touchpoint_fields = (
        ("department", "department"),
        ("service", "service"),
        ("owner", "team"),
        ("customer", "team"),
        ("escalates_to", "team"),
        ("channels", "channel"),
        ("next", "touch point"),
        ("promises", "promise"),
        ("keeps", "promise"),
    )
    for touchpoint in journey.touchpoints:
        yield Reference(
            "journey stage", touchpoint.stage, "stage", touchpoint, ("stage",), touchpoint
        )
        for key, kind in touchpoint_fields:
            for value, path in _values(touchpoint, key, getattr(touchpoint, key)):
                yield Reference(kind, value, key, touchpoint, path, touchpoint)
        for index, opportunity in enumerate(touchpoint.opportunities):
            if opportunity.owner is not None:
                path = ("opportunities", index, "owner")
                yield Reference(
                    "team", opportunity.owner, "opportunities.owner", touchpoint, path, touchpoint
                )
        if touchpoint.to_be is not None:
            for index, value in enumerate(touchpoint.to_be.channels):
                path = ("to_be", "channels", index)
                yield Reference("channel", value, "to_be.channels", touchpoint, path, touchpoint)


class _Known:
    """The ids each reference may name, with display names for suggestions."""

    def __init__(self, project: Project) -> None:
        self.ids: dict[str, set[str] | None] = {}
        self.names: dict[str, dict[str, str]] = {}
        org = project.organization
        for label, list_key in ORGANIZATION_KINDS.items():
            if org is None or list_key in org.placeholders:
                self.ids[label] = None  # unknown: a broken organisation file says nothing
                continue
            items: Sequence[Entity] = getattr(org.model, list_key)
            self.ids[label] = {item.id for item in items} | org.pruned_ids.get(list_key, set())
            self.names[label] = {item.title: item.id for item in items}

    def for_journey(self, doc: JourneyDocument) -> dict[str, set[str] | None]:
        journey = doc.model
        known = dict(self.ids)
        known["touch point"] = doc.known_ids("touchpoints", journey.touchpoint_ids)
        known["promise"] = doc.known_ids("promises", journey.promise_ids)
        known["journey stage"] = None if "stages" in doc.placeholders else set(journey.stages)
        return known


def _unknown_message(
    ref: Reference, known: set[str], names: dict[str, str], journey: Journey
) -> str:
    if ref.kind == "journey stage" and ref.value in names.values():
        listed = ", ".join(journey.stages) or "none"
        return f"stage {ref.value!r} is not one of this journey's stages ({listed})"
    kind = "stage" if ref.kind == "journey stage" else ref.kind
    hint = did_you_mean(ref.value, known, names if kind == ref.kind else None)
    return f"unknown {kind} {ref.value!r} in {ref.field}{hint}"


def unknown_references(project: Project) -> Iterable[Finding]:
    """A reference names no team, stage, channel, department or other id it should.

    Journeys refer to the organisation's registry by id: owners and escalation
    targets are team ids, channels, stages and services are ids from
    `organization.yaml`; `next` names touch points and `promises`/`keeps`
    name promises of the same journey. A reference that names nothing breaks the
    link between a touch point and the people responsible for it.

    Your organisation: the ids a journey may name are exactly those
    `organization.yaml` declares — your departments, teams, channels,
    personas, stages and services — so adapt the organisation file, not the
    check.

    `required_departments` in `cxmap.yaml` names departments too, and is
    checked the same way; so are the journeys, touch points and KPIs that rows
    of the measurements file name (a KPI by its `id` or its `name`), and the
    journey a journey's `parent` names.

    Use the id, not the display name (`support-desk`, not `Support Desk`);
    the message suggests the closest id. If the organisation file itself is
    broken, references to it are not checked until it is fixed.
    """
    known = _Known(project)
    yield from _unknown_required_departments(project, known)
    org = project.organization
    if org is not None and known.ids["department"] is not None:
        departments = known.ids["department"] or set()
        for team in org.model.teams:
            if team.department not in departments:
                hint = did_you_mean(team.department, departments, known.names["department"])
                yield org.finding(
                    "CX005",
                    f"unknown department {team.department!r} in team {team.id!r}{hint}",
                    team.value_at("department"),
                )
    for doc in project.journeys:
        kinds = known.for_journey(doc)
        stage_names = known.names.get("stage", {})
        for ref in journey_references(doc.model):
            ids = kinds[ref.kind]
            if ids is None or ref.value in ids:
                continue
            names = stage_names if ref.kind == "journey stage" else known.names.get(ref.kind, {})
            message = _unknown_message(ref, ids, names, doc.model)
            yield doc.finding("CX005", message, ref.mark, ref.touchpoint)


def _unknown_required_departments(project: Project, known: _Known) -> Iterator[Finding]:
    departments = known.ids["department"]
    if project.organization is None or departments is None:
        return
    config = project.config
    for index, department in enumerate(config.required_departments or []):
        if department not in departments:
            hint = did_you_mean(department, departments, known.names["department"])
            yield located(
                "CX005",
                f"unknown department {department!r} in required_departments{hint}",
                CONFIG_FILE,
                config.value_at("required_departments", index),
            )


def duplicates_across(journeys: Sequence[JourneySummary], project: Project) -> Iterable[Finding]:
    """CX004 across files: journeys with one id, rows of the measurements file for one KPI."""
    yield from duplicate_journey_ids(journeys, project)
    yield from duplicate_measurements(journeys, project)


def duplicate_journey_ids(
    journeys: Sequence[JourneySummary], project: Project
) -> Iterable[Finding]:
    """CX004 across files: two journeys with one id."""
    first: dict[str, JourneySummary] = {}
    for journey in journeys:
        earlier = first.setdefault(journey.id, journey)
        if earlier is not journey:
            line, column = earlier.id_at
            yield journey.finding(
                "CX004",
                f"duplicate journey id {journey.id!r} "
                f"(first defined at {earlier.file}:{line}:{column})",
                journey.id_at,
            )


def _touchpoints(journeys: Sequence[JourneySummary]) -> dict[str, dict[str, TouchPointSummary]]:
    """Each journey's touch points by id, the first journey of an id counting."""
    found: dict[str, dict[str, TouchPointSummary]] = {}
    for journey in journeys:
        found.setdefault(journey.id, {tp.id: tp for tp in journey.touchpoints})
    return found


def unknown_measured(journeys: Sequence[JourneySummary], project: Project) -> Iterable[Finding]:
    """CX005 in the measurements file: a row names no journey, touch point or KPI."""
    measurements = project.measurements
    if measurements is None or not measurements.rows:
        return
    by_id = {journey.id: journey for journey in reversed(journeys)}
    touchpoints_of = _touchpoints(journeys)
    # A journey file that could not be read may define what a row names.
    all_read = not unread(journeys, project)
    file = measurements.file
    for row in measurements.rows:
        journey = by_id.get(row.journey)
        if journey is None:
            if all_read:
                hint = did_you_mean(row.journey, by_id)
                yield located(
                    "CX005", f"unknown journey {row.journey!r}{hint}", file, row.at("journey")
                )
            continue
        touchpoints = touchpoints_of[row.journey]
        touchpoint = touchpoints.get(row.touchpoint)
        if touchpoint is None:
            if not journey.pruned_touchpoints:  # else its CX002 comes first
                hint = did_you_mean(row.touchpoint, touchpoints)
                yield located(
                    "CX005",
                    f"unknown touch point {row.touchpoint!r} in journey {row.journey!r}{hint}",
                    file,
                    row.at("touchpoint"),
                    journey=row.journey,
                )
        elif touchpoint.kpi_index(row.kpi) is None and touchpoint.kpis_known:
            names = [name for names in touchpoint.kpis for name in names]
            hint = did_you_mean(row.kpi, names)
            known = ", ".join(map(repr, names)) or "none"
            yield located(
                "CX005",
                f"unknown KPI {row.kpi!r} of touch point {row.touchpoint!r}{hint} "
                f"(its KPIs, by id or name: {known})",
                file,
                row.at("kpi"),
                journey=row.journey,
                touchpoint=row.touchpoint,
            )


def unknown_across(journeys: Sequence[JourneySummary], project: Project) -> Iterable[Finding]:
    """CX005 across files: a parent journey, or a row of the measurements file, names nothing."""
    yield from unknown_parents(journeys, project)
    yield from unknown_measured(journeys, project)


def duplicate_measurements(
    journeys: Sequence[JourneySummary], project: Project
) -> Iterator[Finding]:
    """CX004 in the measurements file: two rows for one KPI and date, one naming it by
    its id and one by its name (rows that name it alike are found while reading)."""
    measurements = project.measurements
    if measurements is None:
        return
    touchpoints_of = _touchpoints(journeys)
    first: dict[tuple[str, str, int, object], Measurement] = {}
    for row in measurements.rows:
        touchpoint = touchpoints_of.get(row.journey, {}).get(row.touchpoint)
        index = touchpoint.kpi_index(row.kpi) if touchpoint is not None else None
        if index is None:
            continue
        earlier = first.setdefault((row.journey, row.touchpoint, index, row.date), row)
        if earlier is not row:
            yield duplicate(row, earlier)


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX004", "duplicate-id", Severity.ERROR, duplicate_ids, duplicates_across)
check("CX005", "unknown-reference", Severity.ERROR, unknown_references, unknown_across)
