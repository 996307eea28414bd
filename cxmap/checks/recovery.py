"""CX304 and CX308: painful moments are turned around, and the journey ends well."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.experience import PeakEnd
from cxmap.experience import peak_end as remembered
from cxmap.findings import Finding, Severity
from cxmap.model import TouchPoint
from cxmap.project import Project


def unrecovered_negative(project: Project) -> Iterable[Finding]:
    """A touch point where the customer feels bad has no `recovery`.

    Negative moments can be turned into positive ones — apologise, fix it fast,
    follow up — but only when someone has planned how. A journey map that
    records the pain and no answer to it records a problem, not a strategy.

    Fires when `emotion` is -1 or -2 and the touch point has no `recovery`.

    Your organisation: nothing is assumed; `emotion` is the customer's
    feeling on the same -2 to 2 scale for every organisation, and the
    recovery can be owned by any team.

    Fix it by writing what the team does when it goes wrong:

        recovery: Prepaid label sent with the first reply
    """
    for doc, touchpoint in project.touchpoints():
        if touchpoint.emotion is not None and touchpoint.emotion <= -1 and not touchpoint.recovery:
            yield doc.finding(
                "CX304",
                f"touch point {touchpoint.id!r} has emotion {touchpoint.emotion} "
                "and no recovery: say how the moment is turned around",
                touchpoint.value_at("emotion"),
                touchpoint,
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX304", "unrecovered-negative", Severity.WARNING, unrecovered_negative)


def peak_end(project: Project) -> Iterable[Finding]:
    """A journey ends badly, or its worst moment is a moment of truth with no recovery.

    People do not remember an experience as the sum of its moments. They
    remember its most intense moment and its end: the peak-end rule
    (Kahneman, Fredrickson and others, 1993). A journey that ends on a bad
    note is remembered as bad, however well it went before; and the worst
    moment, when it is also a moment of truth, decides what the customer
    thinks of us, unless someone turns it around.

    Only touch points that face customers and state an `emotion` count. Fires
    at the last of them in journey order when its emotion is below zero (the
    end the customer remembers: a later touch point that states no emotion
    says nothing of it, and one that `handles_complaints` is a way out when
    things went wrong, not the end); and at each touch point with the
    journey's lowest emotion (below zero) that is a `moment_of_truth` and has
    no `recovery`.

    Your organisation: nothing is assumed; the emotion scale is the same -2 to
    2 for every organisation.

    Fix it by ending on a good note (a follow-up, a thank-you, a check that
    all is well), and by planning the recovery of the worst moment:

        - id: follow-up
          name: Follow-up call
          emotion: 1
        - id: repair-delay
          moment_of_truth: true
          emotion: -2
          recovery: A loan bike the same day, and a call from the workshop lead
    """
    for doc in project.journeys:
        found = remembered(doc.model)
        for touchpoint in _peak_end_places(found):
            reasons = []
            if touchpoint is found.bad_end:
                reasons.append(f"the last emotion stated on the journey is {touchpoint.emotion}")
            if touchpoint in found.bad_peaks:
                reasons.append(
                    f"its worst moment (emotion {touchpoint.emotion}) is a moment of truth "
                    "with no recovery"
                )
            yield doc.finding(
                "CX308",
                f"touch point {touchpoint.id!r}: {' and '.join(reasons)}; customers remember "
                "the worst moment and the end",
                touchpoint.value_at("emotion"),
                touchpoint,
            )


def _peak_end_places(found: PeakEnd) -> list[TouchPoint]:
    places = list(found.bad_peaks)
    if found.bad_end is not None and found.bad_end not in places:
        places.append(found.bad_end)
    return places


check("CX308", "peak-end", Severity.WARNING, peak_end)
