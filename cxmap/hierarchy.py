"""Journeys made of journeys: which journey is part of which, as a tree.

A journey names the larger journey it is part of in ``parent``. The tree keeps
only the links that make sense: a parent that exists and no cycle. The checks
report the rest (CX005 for an unknown parent, CX206 for a cycle); every view
reads the tree from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hierarchy:
    """The tree of journey ids; a journey whose parent link is broken is a root."""

    parent_of: dict[str, str]
    """Each journey's parent, for the links that hold."""
    children_of: dict[str, list[str]]
    """Each journey's sub-journeys, in the order the journeys were given."""
    unknown: dict[str, str] = field(default_factory=dict)
    """Journeys whose parent names no journey, with that name."""
    cycles: tuple[tuple[str, ...], ...] = ()
    """Each cycle of parent links, from its first journey in the order given."""

    def ancestors(self, journey: str) -> list[str]:
        """The journey's parent, its parent's parent, and so on to the root."""
        found = []
        while journey in self.parent_of:
            journey = self.parent_of[journey]
            found.append(journey)
        return found

    def descendants(self, journey: str) -> list[str]:
        """Every journey below ``journey``, depth first."""
        found: list[str] = []
        waiting = list(reversed(self.children_of.get(journey, [])))
        while waiting:  # without recursion: a tree may be deeper than Python's stack
            child = waiting.pop()
            found.append(child)
            waiting.extend(reversed(self.children_of.get(child, [])))
        return found

    def is_root(self, journey: str) -> bool:
        return journey not in self.parent_of

    @property
    def has_links(self) -> bool:
        return bool(self.parent_of)


def hierarchy(links: Iterable[tuple[str, str | None]]) -> Hierarchy:
    """The tree of ``(journey, parent)`` links; with a repeated journey id the first counts."""
    declared: dict[str, str | None] = {}
    for journey, parent in links:
        declared.setdefault(journey, parent)
    unknown = {j: p for j, p in declared.items() if p is not None and p not in declared}
    parent_of = {j: p for j, p in declared.items() if p is not None and p in declared}
    cycles = _cycles(parent_of)
    for cycle in cycles:
        for journey in cycle:
            del parent_of[journey]
    children_of: dict[str, list[str]] = {}
    for journey in declared:
        if journey in parent_of:
            children_of.setdefault(parent_of[journey], []).append(journey)
    return Hierarchy(parent_of, children_of, unknown, tuple(cycles))


def _cycles(parent_of: dict[str, str]) -> list[tuple[str, ...]]:
    """The cycles among the links, each once, starting at its first journey in order."""
    order = {journey: index for index, journey in enumerate(parent_of)}
    seen: set[str] = set()
    cycles = []
    for start in parent_of:
        path: list[str] = []
        journey: str | None = start
        while journey is not None and journey not in seen and journey not in path:
            path.append(journey)
            journey = parent_of.get(journey)
        if journey is not None and journey in path:
            cycle = path[path.index(journey) :]
            first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
            cycles.append(tuple(cycle[first:] + cycle[:first]))
        seen.update(path)
    return cycles
