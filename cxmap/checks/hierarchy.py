"""CX206 and CX005 for ``parent``: a journey is part of a journey that exists, not of itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from cxmap.checks.registry import check_across
from cxmap.findings import Finding, Severity
from cxmap.hierarchy import hierarchy
from cxmap.project import Project
from cxmap.suggest import did_you_mean
from cxmap.summary import JourneySummary, unread


def parent_cycle(journeys: Sequence[JourneySummary], project: Project) -> Iterable[Finding]:
    """A journey is, through its `parent`, part of itself.

    A journey may be part of a larger one: "Returning a faulty jacket" part of
    the "Customer lifecycle", which may itself be part of something larger.
    Followed upwards, `parent` must end at a journey without one. When it comes
    back to where it started, no journey of the loop has a place in the tree,
    and nothing can be rolled up into it.

    Fires on every journey of the loop, at its `parent`, naming the whole loop.
    A journey that names itself is a loop of one. The handbook shows the
    journeys of the loop as if they had no parent until it is fixed.

    Your organisation: nothing is assumed; any journey may contain others, to
    any depth.

    Fix it by removing `parent` from the journey at the top of the loop:

        journey:
          id: customer-lifecycle
          # parent: returns    <- the lifecycle contains returns, not the other way
    """
    tree = hierarchy((journey.id, journey.parent) for journey in journeys)
    in_cycle = {journey: cycle for cycle in tree.cycles for journey in cycle}
    reported: set[str] = set()
    for journey in journeys:
        cycle = in_cycle.get(journey.id)
        if cycle is None or journey.id in reported:
            continue
        reported.add(journey.id)
        start = cycle.index(journey.id)
        loop = " → ".join(map(repr, (*cycle[start:], *cycle[:start], journey.id)))
        what = "names itself as its parent" if len(cycle) == 1 else f"is part of itself: {loop}"
        yield journey.finding(
            "CX206",
            f"journey {journey.id!r} {what}; remove parent from the journey at the top",
            journey.parent_at,
        )


def unknown_parents(journeys: Sequence[JourneySummary], project: Project) -> Iterator[Finding]:
    """CX005 for ``parent``: it names no journey of the project."""
    if unread(journeys, project):
        return  # a journey file that could not be read may define the parent
    ids = [journey.id for journey in journeys]
    for journey in journeys:
        if journey.parent is not None and journey.parent not in ids:
            yield journey.finding(
                "CX005",
                f"unknown parent journey {journey.parent!r}{did_you_mean(journey.parent, ids)}",
                journey.parent_at,
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check_across("CX206", "parent-cycle", Severity.ERROR, parent_cycle)
