"""What the handbook's pages show, worked out once from a checked project.

Templates only loop and print; every lookup, count and cross-reference lives
here, where it can be tested without rendering anything.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from cxmap.checks import REGISTRY
from cxmap.facts import Kind, defines, display_name
from cxmap.findings import Finding, Severity
from cxmap.handbook.pages import page_of
from cxmap.linter import Report
from cxmap.model import Journey, TouchPoint
from cxmap.project import JourneyDocument, Project


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


@dataclass
class Health:
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    emotions: list[int] = field(default_factory=list)

    @property
    def average(self) -> float | None:
        return sum(self.emotions) / len(self.emotions) if self.emotions else None

    @property
    def lowest(self) -> int | None:
        return min(self.emotions) if self.emotions else None


@dataclass(frozen=True)
class PromiseRow:
    doc: JourneyDocument
    promise_id: str
    text: str
    makers: list[TouchPoint]
    keepers: list[TouchPoint]

    @property
    def broken(self) -> bool:
        return not self.keepers


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

    def exists(self, kind: Kind, key: str | None) -> bool:
        return defines(self.project, kind, key)

    @staticmethod
    def link(source: str, target: str, anchor: str | None = None) -> str:
        """A relative Markdown link from page ``source`` to page ``target``."""
        relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
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

    def health(self, doc: JourneyDocument) -> Health:
        counts = Counter(f.severity for f in self._findings_by_file.get(doc.file, []))
        return Health(
            counts[Severity.ERROR],
            counts[Severity.WARNING],
            counts[Severity.INFO],
            [tp.emotion for tp in doc.model.touchpoints if tp.emotion is not None],
        )

    def place_of(self, finding: Finding) -> Place | None:
        for doc in self.project.journeys:
            if doc.file == finding.file and finding.touchpoint:
                touchpoint = doc.model.touchpoint_ids.get(finding.touchpoint)
                if touchpoint is not None:
                    return Place(doc, touchpoint)
        return None

    def journey_of(self, finding: Finding) -> JourneyDocument | None:
        return next((doc for doc in self.project.journeys if doc.file == finding.file), None)

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
        """Internal touch points of other teams that serve this team."""
        return [place for place in self.places if place.touchpoint.customer == team]

    def in_department(self, department: str) -> list[Place]:
        return [p for p in self.places if self.department_of(p.touchpoint) == department]

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
                rows.append(PromiseRow(doc, promise.id, promise.text, makers, keepers))
        return rows

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
