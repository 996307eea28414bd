"""What the handbook's pages show, worked out once from a checked project.

Templates only loop and print; every lookup, count and cross-reference lives
here, where it can be tested without rendering anything.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from cxmap.backlog import Backlog, Item, backlog
from cxmap.checks import REGISTRY
from cxmap.clock import today
from cxmap.delivered import (
    KpiReading,
    PromiseChain,
    ServiceGaps,
    delivered,
    delivered_times,
    is_stale,
    kpi_readings,
    promise_chain,
    service_gaps,
)
from cxmap.facts import (
    Change,
    Kind,
    defines,
    display_name,
    journey_order,
    target_changes,
    target_reached,
)
from cxmap.findings import Finding
from cxmap.handbook.pages import page_of
from cxmap.linter import Report
from cxmap.model import Duration, Journey, Kpi, Promise, TouchPoint
from cxmap.model.types import slugify
from cxmap.project import JourneyDocument, Project
from cxmap.scorecard import Health, JourneyCard, Scorecard, TeamCard


@dataclass(frozen=True)
class Place:
    """A touch point in its journey, as most pages list it."""

    doc: JourneyDocument
    touchpoint: TouchPoint

    @property
    def journey(self) -> Journey:
        return self.doc.model

    @property
    def page(self) -> str:
        return journey_page(self.journey.id)

    @property
    def anchor(self) -> str:
        return f"tp-{self.touchpoint.id}"


def journey_page(journey_id: str) -> str:
    return page_of("journey", journey_id)


@dataclass(frozen=True)
class PromiseRow:
    doc: JourneyDocument
    promise_id: str
    text: str
    makers: list[TouchPoint]
    keepers: list[TouchPoint]
    description: str | None = None
    promise: Promise | None = None
    chain: PromiseChain | None = None
    """The slowest chain of standards from where its time starts to where it is kept."""

    @property
    def broken(self) -> bool:
        return not self.keepers


@dataclass
class Progress:
    """How far the touch points are along to their target state (``to_be``)."""

    touchpoints: int = 0
    with_target: int = 0
    reached: int = 0
    changes: int = 0

    def add(self, touchpoint: TouchPoint) -> None:
        self.touchpoints += 1
        reached = target_reached(touchpoint)
        if reached is not None:
            self.with_target += 1
            self.reached += reached
            self.changes += len(target_changes(touchpoint))

    @property
    def to_go(self) -> int:
        return self.with_target - self.reached


@dataclass(frozen=True)
class KpiRow:
    """A KPI where it is measured, with its actual and measurements."""

    place: Place
    reading: KpiReading
    stale: bool = False
    """Its latest measurement is older than ``measurements.max_age`` (CX405)."""
    gap: bool = False
    """It measures the standard, and what is delivered falls short of it (CX404)."""

    @property
    def kpi(self) -> Kpi:
        return self.reading.kpi

    @property
    def on_target(self) -> bool | None:
        return self.reading.on_target


@dataclass(frozen=True)
class Tag:
    """A free tag of journeys and touch points, with its page."""

    name: str
    slug: str
    journeys: list[JourneyDocument]
    places: list[Place]


class Handbook:
    """The whole project as the handbook's pages need it."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.project: Project = report.project
        org = self.project.organization
        self.organization = org.model if org is not None else None
        self.journeys = sorted(self.project.journeys, key=lambda doc: (doc.model.title, doc.file))

    # -- names and links -------------------------------------------------------------

    def name(self, kind: Kind, key: str | None) -> str:
        """The display name of a team, department, channel, persona or stage id."""
        return display_name(self.project, kind, key)

    def stage_description(self, stage: str) -> str | None:
        found = self.organization.stage_ids.get(stage) if self.organization else None
        return found.description if found is not None else None

    def exists(self, kind: Kind, key: str | None) -> bool:
        return defines(self.project, kind, key)

    @staticmethod
    def link(source: str, target: str, anchor: str | None = None) -> str:
        """A relative Markdown link from page ``source`` to page ``target``."""
        relative = _relative(target, source)
        return f"{relative}#{anchor}" if anchor else relative

    # -- findings --------------------------------------------------------------------

    @cached_property
    def _findings_by_file(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.report.findings:
            grouped[finding.file].append(finding)
        return grouped

    def findings_of(
        self, doc: JourneyDocument, touchpoint: TouchPoint | None = None
    ) -> list[Finding]:
        found = self._findings_by_file.get(doc.file, [])
        if touchpoint is None:
            return [f for f in found if f.touchpoint is None]
        return [f for f in found if f.touchpoint == touchpoint.id]

    def findings_of_team(self, team: str) -> list[Finding]:
        """The findings on the touch points and journeys the team owns."""
        owned = {(place.doc.file, place.touchpoint.id) for place in self.owned_by(team)}
        journeys = {doc.file for doc in self.journeys_owned_by(team)}
        return [
            finding
            for finding in self.report.findings
            if (finding.file, finding.touchpoint) in owned
            or (finding.touchpoint is None and finding.file in journeys)
        ]

    def health(self, doc: JourneyDocument) -> Health:
        return self.card(doc).health

    def place_of(self, finding: Finding) -> Place | None:
        for doc in self.project.journeys:
            if doc.file == finding.file and finding.touchpoint:
                touchpoint = doc.model.touchpoint_ids.get(finding.touchpoint)
                if touchpoint is not None:
                    return Place(doc, touchpoint)
        return None

    @cached_property
    def _journeys_by_id(self) -> dict[str, JourneyDocument]:
        """Each journey by id; with a duplicate id (CX004) the first one counts."""
        return {doc.model.id: doc for doc in reversed(self.project.journeys)}

    def related_places(self, finding: Finding) -> list[Place]:
        """The other touch points a finding names (``Finding.related``) that exist."""
        places = []
        for journey, touchpoint_id in finding.related:
            doc = self._journeys_by_id.get(journey)
            touchpoint = doc.model.touchpoint_ids.get(touchpoint_id) if doc else None
            if doc is not None and touchpoint is not None:
                places.append(Place(doc, touchpoint))
        return places

    def journey_of(self, finding: Finding) -> JourneyDocument | None:
        return self.journey_in(finding.file)

    @cached_property
    def findings_by_check(self) -> list[tuple[str, list[Finding]]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.report.findings:
            grouped[finding.code].append(finding)
        return [(code, grouped[code]) for code in sorted(grouped)]

    @staticmethod
    def check_name(code: str) -> str:
        return REGISTRY[code].name

    # -- touch points by owner, department, channel ----------------------------------

    @cached_property
    def places(self) -> list[Place]:
        return [Place(doc, tp) for doc in self.journeys for tp in doc.model.touchpoints]

    def department_of(self, touchpoint: TouchPoint) -> str | None:
        return self.project.department_of(touchpoint)

    def owned_by(self, team: str) -> list[Place]:
        return [place for place in self.places if place.touchpoint.owner == team]

    def journeys_owned_by(self, team: str) -> list[JourneyDocument]:
        return [doc for doc in self.journeys if doc.model.owner == team]

    def escalations_to(self, team: str) -> list[Place]:
        return [place for place in self.places if place.touchpoint.escalates_to == team]

    def internal_customers_of(self, team: str) -> list[str]:
        """Teams this team serves through internal touch points."""
        served = [
            place.touchpoint.customer
            for place in self.owned_by(team)
            if place.touchpoint.is_internal and place.touchpoint.customer
        ]
        return sorted(set(filter(None, served)))

    def served_by_others(self, team: str) -> list[Place]:
        """Internal touch points of other teams that serve this team (hand-offs in)."""
        return [place for place in self.places if place.touchpoint.customer == team]

    def handoffs_from(self, team: str) -> list[Place]:
        """Internal touch points of this team that serve another (hand-offs out)."""
        return [place for place in self.owned_by(team) if place.touchpoint.is_internal]

    def promises_made_by(self, team: str) -> list[PromiseRow]:
        return [row for row in self.promises if any(tp.owner == team for tp in row.makers)]

    def promises_kept_by(self, team: str) -> list[PromiseRow]:
        return [row for row in self.promises if any(tp.owner == team for tp in row.keepers)]

    def kpis_of(self, places: list[Place]) -> list[KpiRow]:
        max_age, now = self.project.config.measurements.max_age, today()
        rows = []
        for place in places:
            for reading in self.readings(place.doc, place.touchpoint):
                found = delivered(reading, place.touchpoint)
                stale = is_stale(reading, max_age, now)
                rows.append(KpiRow(place, reading, stale, found is not None and found.gap))
        return rows

    def readings(self, doc: JourneyDocument, touchpoint: TouchPoint) -> list[KpiReading]:
        """The touch point's KPIs with their actuals and measurements."""
        return kpi_readings(self.project, doc.model.id, touchpoint)

    @cached_property
    def all_kpis(self) -> list[KpiRow]:
        """Every KPI of every journey, in journey order."""
        return self.kpis_of(
            [Place(doc, tp) for doc in self.journeys for tp in journey_order(doc.model)]
        )

    @property
    def measurements_file(self) -> str | None:
        """The measurements file, as the project names it, when there is one."""
        measurements = self.project.measurements
        return measurements.file if measurements is not None else None

    @property
    def measurement_count(self) -> int:
        measurements = self.project.measurements
        return len(measurements.rows) if measurements is not None else 0

    def service_gaps(self, doc: JourneyDocument, touchpoint: TouchPoint) -> ServiceGaps | None:
        """Expected, committed and delivered times side by side, where a KPI measures them."""
        return service_gaps(self.project, doc.model.id, touchpoint)

    def delivery_gaps(self, doc: JourneyDocument) -> int:
        """The journey's KPIs that measure a standard and fall short of it (CX404)."""
        return sum(
            item.gap
            for tp in doc.model.touchpoints
            for item in delivered_times(self.project, doc.model.id, tp)
        )

    def ordered(self, doc: JourneyDocument) -> list[TouchPoint]:
        """The journey's touch points in the order the customer meets them."""
        return journey_order(doc.model)

    def departments_of(self, doc: JourneyDocument) -> list[str]:
        """The departments the journey's touch points belong to, in the organisation's order."""
        used = {self.department_of(tp) for tp in doc.model.touchpoints}
        return [department for department in self.department_ids if department in used]

    def in_department(self, department: str) -> list[Place]:
        return [p for p in self.places if self.department_of(p.touchpoint) == department]

    def offering(self, service: str) -> list[Place]:
        """The touch points that offer ``service``, in journey order."""
        return [p for p in self.places if p.touchpoint.service == service]

    def response_times(self, service: str) -> list[Duration]:
        """The response times the touch points of ``service`` commit to, fastest first."""
        times = {
            place.touchpoint.standard.within
            for place in self.offering(service)
            if place.touchpoint.standard is not None and place.touchpoint.standard.within
        }
        return sorted(times, key=lambda time: (time.seconds, time.text))

    def on_channel(self, channel: str) -> list[Place]:
        return [p for p in self.places if channel in p.touchpoint.channels]

    def journeys_of_persona(self, persona: str) -> list[JourneyDocument]:
        return [doc for doc in self.journeys if persona in doc.model.all_personas]

    # -- ledger and coverage ---------------------------------------------------------

    @cached_property
    def promises(self) -> list[PromiseRow]:
        rows = []
        for doc in self.journeys:
            for promise in doc.model.promises:
                makers = [tp for tp in doc.model.touchpoints if promise.id in tp.promises]
                keepers = [tp for tp in doc.model.touchpoints if promise.id in tp.keeps]
                rows.append(
                    PromiseRow(
                        doc,
                        promise.id,
                        promise.text,
                        makers,
                        keepers,
                        promise.description,
                        promise,
                        promise_chain(doc.model, promise),
                    )
                )
        return rows

    def promises_in(self, doc: JourneyDocument) -> list[PromiseRow]:
        return [row for row in self.promises if row.doc is doc]

    @cached_property
    def stage_ids(self) -> list[str]:
        known = [stage.id for stage in self.organization.stages] if self.organization else []
        used = [tp.stage for place in self.places for tp in [place.touchpoint]]
        return known + sorted(set(used) - set(known))

    @cached_property
    def department_ids(self) -> list[str]:
        known = [d.id for d in self.organization.departments] if self.organization else []
        used = {self.department_of(place.touchpoint) for place in self.places}
        return known + sorted(d for d in used - set(known) if d)

    @cached_property
    def coverage(self) -> dict[tuple[str, str], int]:
        counts: Counter[tuple[str, str]] = Counter()
        for place in self.places:
            department = self.department_of(place.touchpoint)
            if department:
                counts[(place.touchpoint.stage, department)] += 1
        return dict(counts)

    @cached_property
    def coverage_step(self) -> int:
        """How many touch points each shade of the coverage heatmap spans: a third of the
        fullest cell, so that the shades spread over what this organisation has."""
        return max(1, -(-max(self.coverage.values(), default=0) // 3))

    def coverage_level(self, count: int) -> int:
        """The shade of a coverage cell: 0 for a gap, else 1 to 3."""
        return 0 if count <= 0 else min(3, -(-count // self.coverage_step))

    @cached_property
    def coverage_levels(self) -> list[tuple[int, int, int]]:
        """Each shade in use, with the fewest and most touch points it stands for."""
        top, step = max(self.coverage.values(), default=0), self.coverage_step
        return [
            (level, (level - 1) * step + 1, min(level * step, top) if level < 3 else top)
            for level in (1, 2, 3)
            if (level - 1) * step + 1 <= top
        ]

    # -- the target state and the dashboard ------------------------------------------

    def changes(self, touchpoint: TouchPoint) -> list[Change]:
        return target_changes(touchpoint)

    def progress(self, doc: JourneyDocument | None = None) -> Progress:
        """Target progress of one journey, or of the whole organisation."""
        progress = Progress()
        for journey in [doc] if doc is not None else self.journeys:
            for touchpoint in journey.model.touchpoints:
                progress.add(touchpoint)
        return progress

    def kpi_summary(self, doc: JourneyDocument) -> tuple[int, int]:
        """KPIs of the journey on target and off target (those with both figures)."""
        verdicts = [row.on_target for row in self.kpis_of(self.places_of(doc))]
        return verdicts.count(True), verdicts.count(False)

    def places_of(self, doc: JourneyDocument) -> list[Place]:
        return [Place(doc, touchpoint) for touchpoint in doc.model.touchpoints]

    # -- levels, the journey tree and the backlog ---------------------------------------

    @cached_property
    def scorecard(self) -> Scorecard:
        return Scorecard(self.report)

    def card(self, doc: JourneyDocument) -> JourneyCard:
        """The journey's level, effort and place in the tree."""
        return self.scorecard.card_of(doc)

    def team_card(self, team: str) -> TeamCard | None:
        return self.scorecard.team(team)

    @cached_property
    def _journeys_by_file(self) -> dict[str, JourneyDocument]:
        return {doc.file: doc for doc in self.project.journeys}

    def journey_in(self, file: str) -> JourneyDocument | None:
        """The journey read from ``file``, if it is a journey file that could be read."""
        return self._journeys_by_file.get(file)

    def journey_by_id(self, journey: str) -> JourneyDocument | None:
        """The journey of an id; with a duplicate id (CX004) the first one."""
        return self._journeys_by_id.get(journey)

    @cached_property
    def backlog(self) -> Backlog:
        return backlog(self.project)

    @cached_property
    def _backlog_items(self) -> dict[tuple[str, str, int], Item]:
        return {
            (item.doc.file, item.touchpoint.id, item.index): item for item in self.backlog.items
        }

    def backlog_item(self, doc: JourneyDocument, touchpoint: TouchPoint, index: int) -> Item | None:
        """An opportunity of a touch point as the backlog ranks it."""
        return self._backlog_items.get((doc.file, touchpoint.id, index))

    def backlog_of_team(self, team: str) -> list[Item]:
        return [item for item in self.backlog.items if item.owner == team]

    # -- tags --------------------------------------------------------------------------

    @cached_property
    def tags(self) -> list[Tag]:
        """Every free tag, by name, each with a page name of its own."""
        journeys: dict[str, list[JourneyDocument]] = defaultdict(list)
        places: dict[str, list[Place]] = defaultdict(list)
        for doc in self.journeys:
            for name in dict.fromkeys(doc.model.tags):
                journeys[name].append(doc)
            for touchpoint in doc.model.touchpoints:
                for name in dict.fromkeys(touchpoint.tags):
                    places[name].append(Place(doc, touchpoint))
        found, slugs = [], set()
        for name in sorted({*journeys, *places}, key=lambda tag: (tag.casefold(), tag)):
            slug = base = slugify(name, "tag")
            number = 2
            while slug in slugs:
                slug, number = f"{base}-{number}", number + 1
            slugs.add(slug)
            found.append(Tag(name, slug, journeys.get(name, []), places.get(name, [])))
        return found

    @cached_property
    def _tags_by_name(self) -> dict[str, Tag]:
        return {tag.name: tag for tag in self.tags}

    def tag_of(self, name: str) -> Tag | None:
        return self._tags_by_name.get(name)


@lru_cache(maxsize=65536)
def _relative(target: str, source: str) -> str:
    # A handbook links the same few hundred pages to each other tens of thousands of times.
    return posixpath.relpath(target, posixpath.dirname(source) or ".")
