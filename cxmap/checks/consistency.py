"""CX305: one team on one channel commits to one response time."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.model import Duration, TouchPoint
from cxmap.project import JourneyDocument, Project

Commitment = tuple[JourneyDocument, TouchPoint, Duration]


def inconsistent_standard(project: Project) -> Iterable[Finding]:
    """The same team on the same channel commits to different times.

    Customers remember the worst experience, not the average. If the support
    desk answers chat within an hour in one journey and within three days in
    another, customers learn that the promise depends on luck, and staff do not
    know which standard to work to.

    Compares `standard.within` of every touch point across all journeys of the
    project, grouped by owning team and channel. Where a group has several
    times, the most common one (the first, on a tie) is taken as the team's
    standard and every touch point that differs is reported.

    Fix it by agreeing one standard per team and channel, or, when two really
    are different services, by giving them different channels or teams.
    """
    groups: dict[tuple[str, str], list[Commitment]] = defaultdict(list)
    for doc, touchpoint in project.touchpoints():
        standard = touchpoint.standard
        if not touchpoint.owner or standard is None or standard.within is None:
            continue
        for channel in dict.fromkeys(touchpoint.channels):
            groups[(touchpoint.owner, channel)].append((doc, touchpoint, standard.within))
    deviations: dict[tuple[str, str], list[str]] = defaultdict(list)
    reported: list[tuple[JourneyDocument, TouchPoint]] = []
    for (team, channel), members in groups.items():
        counts = Counter(within for _, _, within in members)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda within: counts[within])  # first seen wins a tie
        example = next((doc, tp) for doc, tp, within in members if within == usual)
        line, column = example[1].value_at_path("standard", "within")
        where = f"{example[0].file}:{line}:{column}"
        for doc, touchpoint, within in members:
            if within == usual:
                continue
            key = (doc.file, touchpoint.id)
            if key not in deviations:
                reported.append((doc, touchpoint))
            deviations[key].append(
                f"team {team!r} commits to {within} on {channel!r} here but to {usual} "
                f"in {counts[usual]} other touch point{'s' if counts[usual] > 1 else ''} "
                f"(e.g. {where})"
            )
    for doc, touchpoint in reported:
        messages = deviations[(doc.file, touchpoint.id)]
        yield doc.finding(
            "CX305",
            "; ".join(messages),
            touchpoint.value_at_path("standard", "within"),
            touchpoint,
        )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX305", "inconsistent-standard", Severity.INFO, inconsistent_standard)
