"""CX301, CX307: every promise made to the customer is kept, in the time it gives."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.delivered import PromiseChain, promise_chain, step_time
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


def promise_over_time(project: Project) -> Iterable[Finding]:
    """The standards between making a promise and keeping it add up to more than it gives.

    A promise with a time ("at your door within 5 working days") is kept only if
    every team on the way does its part in time. Each touch point's standard
    commits to its own response time; when the standards from the touch point
    that makes the promise to the one that keeps it add up to more than the
    promise gives, the organisation has promised what its own standards do not
    allow: the gap between what is communicated and what is designed (the
    service-quality gaps model of Parasuraman, Zeithaml and Berry).

    Fires when a promise has `within` and the response times (`standard.within`)
    along `next` add up to more: after the touch point where its time starts
    (`starts_at`, by default each one that makes it), up to and including the
    one that keeps it; a touch point that both starts and keeps it counts its own
    standard. A journey without `next` goes in journey order. Where the way
    branches, the slowest path counts, and the message says so; a step back to
    an earlier touch point (a loop) is not counted again.
    Each step is counted from where the step before ended; steps whose standard
    gives no response time count as nothing, and the message names them.

    Your organisation: nothing is assumed about who makes or keeps promises; the
    journey's own `promises`, `keeps`, `next` and standards decide.

    Fix it by making the standards on the way faster, giving the promise more
    time, or promising less.
    """
    for doc in project.journeys:
        for promise in doc.model.promises:
            chain = promise_chain(doc.model, promise)
            if chain is not None and chain.over:
                yield doc.finding("CX307", _over_message(chain), promise.value_at("within"))


STEPS_SHOWN = 12
"""A finding names this many steps of a chain at most; the promise ledger shows them all."""


def _over_message(chain: PromiseChain) -> str:
    shown = chain.steps[:STEPS_SHOWN]
    steps = ", ".join(
        f"{step.id} ({time})" if (time := step_time(step)) else f"{step.id} (no time)"
        for step in shown
    )
    if len(chain.steps) > len(shown):
        steps += f" and {len(chain.steps) - len(shown)} more"
    message = (
        f"promise {chain.promise.id!r} gives {chain.gives.words}, but the standards from "
        f"{chain.starts_at.id!r} to where it is kept add up to {chain.total.words}: {steps}"
    )
    if chain.paths > 1:
        message += f"; the slowest of {chain.paths} paths"
    if chain.untimed:
        count = len(chain.untimed)
        message += (
            f"; {count} step{' gives' if count == 1 else 's give'} no time, so it may take longer"
        )
    return message


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX301", "broken-promise", Severity.ERROR, broken_promise)
check("CX307", "promise-over-time", Severity.WARNING, promise_over_time)
