"""CX305: one team on one channel commits to one response time for one service."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cxmap.checks.registry import check_across
from cxmap.findings import Finding, Severity
from cxmap.model import Duration
from cxmap.project import Project
from cxmap.summary import JourneySummary, TouchPointSummary

Group = tuple[str | None, str, str]
"""Service (``None`` when the touch point names none), team and channel."""


@dataclass(frozen=True)
class Commitment:
    journey: JourneySummary
    touchpoint: TouchPointSummary
    within: Duration

    @property
    def place(self) -> str:
        line, column = self.touchpoint.within_at
        return f"{self.journey.id}/{self.touchpoint.id} ({self.journey.file}:{line}:{column})"

    @property
    def ids(self) -> tuple[str, str]:
        return (self.journey.id, self.touchpoint.id)


def inconsistent_standard(
    journeys: Sequence[JourneySummary], project: Project
) -> Iterable[Finding]:
    """The same team on the same channel commits to different times for one service.

    Customers remember the worst experience, not the average. If the support
    desk answers chat within an hour in one journey and within three days in
    another, customers learn that the promise depends on luck, and staff do not
    know which standard to work to.

    Compares the response times (`standard.within`) of every touch point across
    all journeys of the project that offer the same service, grouped by owning
    team and channel. Where a group has several times, the most common one (the
    first, on a tie) is taken as the team's standard and every touch point that
    differs is reported, naming every touch point it differs from.

    Your organisation: different services legitimately have different
    standards — pre-application advice in eight weeks, a planning decision in
    four. Declare your services (kinds of request) in `organization.yaml`
    under `services:` and name each touch point's in `service:`; only touch
    points of the same service are compared. Touch points that name no service
    are compared with each other, as one service.

    Fix it by agreeing one standard per service, team and channel, or, when
    two touch points really offer different services, by naming each one's
    `service`.
    """
    groups: dict[Group, list[Commitment]] = defaultdict(list)
    for journey in journeys:
        for touchpoint in journey.touchpoints:
            if not touchpoint.owner or touchpoint.within is None:
                continue
            for channel in dict.fromkeys(touchpoint.channels):
                groups[(touchpoint.service, touchpoint.owner, channel)].append(
                    Commitment(journey, touchpoint, touchpoint.within)
                )
    deviations: dict[tuple[str, str], list[str]] = defaultdict(list)
    related: dict[tuple[str, str], dict[tuple[str, str], None]] = defaultdict(dict)
    reported: list[Commitment] = []
    for (service, team, channel), members in groups.items():
        by_time: dict[Duration, list[Commitment]] = defaultdict(list)
        for member in members:
            by_time[member.within].append(member)
        if len(by_time) < 2:
            continue
        usual = max(by_time, key=lambda within: len(by_time[within]))  # first seen wins a tie
        times = [usual, *(within for within in by_time if within != usual)]
        places = {within: ", ".join(m.place for m in by_time[within]) for within in times}
        offer = f" for service {service!r}" if service else ""
        for own in times[1:]:
            others = [within for within in times if within != own]
            elsewhere = "; ".join(f"{within} at {places[within]}" for within in others)
            ids = dict.fromkeys(m.ids for within in others for m in by_time[within])
            for member in by_time[own]:
                place = (member.journey.file, member.touchpoint.id)
                if place not in deviations:
                    reported.append(member)
                deviations[place].append(
                    f"team {team!r} commits to {member.within} on {channel!r}{offer} here, "
                    f"but to {elsewhere}"
                )
                related[place].update(ids)
    for member in reported:
        key = (member.journey.file, member.touchpoint.id)
        yield member.journey.finding(
            "CX305",
            "; and ".join(deviations[key]),
            member.touchpoint.within_at,
            member.touchpoint.id,
            related=tuple(related[key]),
        )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check_across("CX305", "inconsistent-standard", Severity.INFO, inconsistent_standard)
