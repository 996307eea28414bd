"""The improvement backlog: every opportunity of every touch point, prioritised.

An opportunity sized with ``value`` and ``effort`` (1 to 5 each) gets a place in
the backlog and a quadrant of the value-against-effort chart; one written as
plain text waits to be sized. Its owner is the team it names, else the touch
point's owner.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from cxmap.facts import journey_order
from cxmap.model import Opportunity, TouchPoint
from cxmap.project import JourneyDocument, Project

Quadrant = Literal["Quick win", "Big bet", "Fill-in", "Rethink"]

QUADRANTS: tuple[tuple[Quadrant, str], ...] = (
    ("Quick win", "worth a lot, costs little: do these first"),
    ("Big bet", "worth a lot, costs a lot: plan them"),
    ("Fill-in", "worth little, costs little: when there is time"),
    ("Rethink", "worth little, costs a lot: find a cheaper way or drop them"),
)


def counted(name: Quadrant, number: int) -> str:
    """``2 quick wins``, ``1 big bet``, ``3 to rethink``."""
    if name == "Rethink":
        return f"{number} to rethink"
    return f"{number} {name.lower()}{'' if number == 1 else 's'}"


HIGH_VALUE = 3
"""A value of at least this is worth a lot."""
LOW_EFFORT = 2
"""An effort of at most this costs little."""


def quadrant(value: int, effort: int) -> Quadrant:
    """Where a sized opportunity sits on the value-against-effort chart."""
    if value >= HIGH_VALUE:
        return "Quick win" if effort <= LOW_EFFORT else "Big bet"
    return "Fill-in" if effort <= LOW_EFFORT else "Rethink"


@dataclass(frozen=True)
class Item:
    """One opportunity where it was written down."""

    doc: JourneyDocument
    touchpoint: TouchPoint
    index: int
    """Its position in the touch point's ``opportunities``."""
    opportunity: Opportunity
    rank: int | None = None
    """Its place in the backlog, from 1; ``None`` until it is sized."""
    number: int = 0
    """Its place among all opportunities, ranked ones first: what its anchor is made of."""

    @property
    def owner(self) -> str | None:
        return self.opportunity.owner or self.touchpoint.owner

    @property
    def value(self) -> int | None:
        return self.opportunity.value

    @property
    def effort(self) -> int | None:
        return self.opportunity.effort

    @property
    def quadrant(self) -> Quadrant | None:
        value, effort = self.opportunity.value, self.opportunity.effort
        return quadrant(value, effort) if value is not None and effort is not None else None

    @property
    def anchor(self) -> str:
        """Its row's id on the backlog page (ids alone could collide: ``a-b`` + ``c``
        and ``a`` + ``b-c``)."""
        return f"opp-{self.number}"


@dataclass(frozen=True)
class Backlog:
    ranked: tuple[Item, ...]
    """The sized opportunities, most worth doing first."""
    unsized: tuple[Item, ...]
    """The opportunities without a value and an effort, in journey order."""

    @property
    def items(self) -> tuple[Item, ...]:
        return self.ranked + self.unsized

    def of_quadrant(self, name: Quadrant) -> tuple[Item, ...]:
        return tuple(item for item in self.ranked if item.quadrant == name)

    @property
    def quadrant_counts(self) -> list[tuple[Quadrant, int]]:
        """How many sized opportunities each quadrant holds, for those that hold any."""
        counts = [(name, len(self.of_quadrant(name))) for name, _ in QUADRANTS]
        return [(name, count) for name, count in counts if count]

    @property
    def quadrant_words(self) -> str:
        """``6 quick wins, 3 big bets, 2 to rethink``."""
        return ", ".join(counted(name, count) for name, count in self.quadrant_counts)


_QUADRANT_ORDER = {name: index for index, (name, _) in enumerate(QUADRANTS)}


def _priority(item: Item) -> tuple[int, float, int, int]:
    value, effort = item.opportunity.value or 0, item.opportunity.effort or 1
    return _QUADRANT_ORDER[quadrant(value, effort)], -value / effort, -value, effort


def backlog(project: Project, journeys: list[JourneyDocument] | None = None) -> Backlog:
    """The backlog of ``journeys`` (all of the project's by default), ranked.

    Sized opportunities are ranked by quadrant (quick wins, big bets, fill-ins, then
    those to rethink), inside one by value per effort, then by value; ties keep journey
    order (journeys by title, touch points in the order customers meet them).
    """
    docs = journeys if journeys is not None else project.journeys
    ordered = sorted(docs, key=lambda doc: (doc.model.title.casefold(), doc.file))
    found = [
        Item(doc, tp, index, opportunity)
        for doc in ordered
        for tp in journey_order(doc.model)
        for index, opportunity in enumerate(tp.opportunities)
    ]
    sized = sorted((item for item in found if item.opportunity.sized), key=_priority)
    unsized = [item for item in found if not item.opportunity.sized]
    ranked = [replace(item, rank=rank, number=rank) for rank, item in enumerate(sized, 1)]
    waiting = [replace(item, number=len(ranked) + n) for n, item in enumerate(unsized, 1)]
    return Backlog(tuple(ranked), tuple(waiting))
