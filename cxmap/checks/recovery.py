"""CX304: a painful moment has a recovery."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
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
