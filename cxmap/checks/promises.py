"""CX301: every promise made to the customer is kept somewhere."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.project import Project


def broken_promise(project: Project) -> Iterable[Finding]:
    """A promise is made, but no touch point keeps it.

    What marketing advertises and sales agrees to, service and R&D must
    deliver. A promise nobody is set up to keep is the classic conflict between
    sales and service, and the customer finds it first.

    Each promise in a journey's `promises` must be named in the `keeps` of at
    least one of its touch points. Touch points that make the promise name it in
    their own `promises`.

    Your organisation: nothing is assumed about who makes or keeps a
    promise; any touch point may do either, whichever department it belongs
    to. A statutory duty (a decision within eight weeks) is a promise too.

    Fix it by adding `keeps: [promise-id]` to the touch point that delivers it,
    or withdraw the promise.
    """
    for doc in project.journeys:
        journey = doc.model
        kept = {promise for touchpoint in journey.touchpoints for promise in touchpoint.keeps}
        for promise in journey.promises:
            if promise.id in kept:
                continue
            makers = [tp.id for tp in journey.touchpoints if promise.id in tp.promises]
            made_at = f" (made at {', '.join(makers)})" if makers else ""
            yield doc.finding(
                "CX301",
                f"promise {promise.id!r}{made_at} is kept by no touch point",
                promise.value_at("id"),
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX301", "broken-promise", Severity.ERROR, broken_promise)
