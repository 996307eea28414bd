"""What the checks across journeys need to know of each journey, and nothing more.

Most checks look at one journey at a time (with the organisation and the
configuration). A few compare journeys: duplicate journey ids (CX004), teams that
own nothing (CX106), response times that differ between journeys (CX305); and the
``ignore`` lists decide what is shown of every finding. They read a
:class:`JourneySummary` of each journey rather than the journey itself, so that
``cxmap check`` can keep the summaries of unchanged files in its cache instead of
reading those files again (see :mod:`cxmap.check_cache`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cxmap.findings import START, Finding, Mark, located
from cxmap.model import Duration
from cxmap.project import JourneyDocument, Project


@dataclass(frozen=True)
class TouchPointSummary:
    id: str
    owner: str | None
    escalates_to: str | None
    customer: str | None
    service: str | None
    channels: tuple[str, ...]
    within: Duration | None
    """The standard's response time, if it has one."""
    within_at: Mark
    """Where the standard's response time is written."""
    kpis: tuple[tuple[str, ...], ...] = ()
    """What the measurements file may call each of its KPIs: its id and its name."""
    kpis_known: bool = True
    """No KPI of it was left out for schema errors."""

    def kpi_index(self, name: str) -> int | None:
        """Which of its KPIs a row of the measurements file names."""
        return next((i for i, names in enumerate(self.kpis) if name in names), None)


@dataclass(frozen=True)
class IgnoreEntry:
    """One code in the ``ignore`` list of the journey (``touchpoint`` None) or a touch point."""

    touchpoint: str | None
    code: str
    mark: Mark


@dataclass(frozen=True)
class JourneySummary:
    file: str
    id: str
    id_at: Mark
    owner: str | None
    touchpoints: tuple[TouchPointSummary, ...]
    pruned_touchpoints: bool
    """Some touch points were left out for schema errors: who owns what is not all known."""
    ignores: tuple[IgnoreEntry, ...]
    parent: str | None = None
    parent_at: Mark = START
    """Where ``parent`` is written."""

    @classmethod
    def of(cls, doc: JourneyDocument) -> JourneySummary:
        journey = doc.model
        ignores = [
            IgnoreEntry(None, code, journey.value_at("ignore", index))
            for index, code in enumerate(journey.ignore)
        ]
        touchpoints = []
        for touchpoint in journey.touchpoints:
            standard = touchpoint.standard
            within = standard.within if standard is not None else None
            touchpoints.append(
                TouchPointSummary(
                    touchpoint.id,
                    touchpoint.owner,
                    touchpoint.escalates_to,
                    touchpoint.customer,
                    touchpoint.service,
                    tuple(touchpoint.channels),
                    within,
                    touchpoint.value_at_path("standard", "within") if within else touchpoint.mark,
                    tuple(kpi.keys for kpi in touchpoint.kpis),
                    not doc.was_broken("kpis", touchpoint.id),
                )
            )
            ignores += [
                IgnoreEntry(touchpoint.id, code, touchpoint.value_at("ignore", index))
                for index, code in enumerate(touchpoint.ignore)
            ]
        return cls(
            doc.file,
            journey.id,
            journey.value_at("id"),
            journey.owner,
            tuple(touchpoints),
            bool(doc.pruned_ids.get("touchpoints")),
            tuple(ignores),
            journey.parent,
            journey.value_at("parent"),
        )

    def finding(
        self,
        code: str,
        message: str,
        at: Mark,
        touchpoint: str | None = None,
        related: tuple[tuple[str, str], ...] = (),
    ) -> Finding:
        """A finding on this journey, as its document makes them."""
        return located(
            code, message, self.file, at, journey=self.id, touchpoint=touchpoint, related=related
        )


def unread(journeys: Sequence[JourneySummary], project: Project) -> list[str]:
    """The journey files of ``project`` that no summary stands for: they could not be read."""
    read = {journey.file for journey in journeys}
    return [file for file in project.journey_files if file not in read]


def summaries(project: Project) -> list[JourneySummary]:
    """The summary of every journey of ``project``, worked out once."""
    if project.summaries is None:
        project.summaries = [JourneySummary.of(doc) for doc in project.journeys]
    return project.summaries
