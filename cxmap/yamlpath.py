"""Walking located YAML by path: the one way to get from a path to its node and mark.

A path is what pydantic's errors and cxmap's problems carry: keys of mappings and
indexes of lists, such as ``("journey", "touchpoints", 2, "standard", "within")``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cxmap.findings import START, Mark
from cxmap.yamlsource import Node, YList, YMap


@dataclass(frozen=True)
class Step:
    """One part of a path that exists: ``container[segment]`` is ``node``, at ``mark``."""

    container: YMap | YList
    segment: str | int
    node: Node
    mark: Mark
    list_key: str | None
    """For an item of a list: the key of the mapping that holds the list."""


@dataclass(frozen=True)
class Walk:
    steps: list[Step]
    missing: str | None
    """The key that the last mapping reached lacks, when the path ends there."""
    complete: bool
    """Whether every part of the path was followed (or skipped as a missing key)."""

    @property
    def node(self) -> Node:
        """The deepest node reached."""
        return self.steps[-1].node if self.steps else None


def walk(data: Node, path: Iterable[str | int], *, skip_missing: bool = True) -> Walk:
    """Follow ``path`` into ``data`` as far as it exists.

    A key that a mapping lacks is skipped when ``skip_missing`` (pydantic's paths
    name union members, which are no keys, and a missing key ends at the mapping
    that lacks it); otherwise, and at anything that is not there, the walk stops.
    """
    steps: list[Step] = []
    node = data
    list_key: str | None = None
    missing: str | None = None
    for segment in path:
        missing = None
        if isinstance(node, YMap) and isinstance(segment, str) and segment in node:
            steps.append(Step(node, segment, node[segment], node.value_at(segment), None))
            list_key, node = segment, node[segment]
        elif isinstance(node, YList) and isinstance(segment, int) and 0 <= segment < len(node):
            steps.append(Step(node, segment, node[segment], node.item_at(segment), list_key))
            node = node[segment]
        elif isinstance(node, YMap) and isinstance(segment, str) and skip_missing:
            missing = segment
        else:
            return Walk(steps, None, complete=False)
    return Walk(steps, missing, complete=True)


def start_of(data: Node) -> Mark:
    return data.mark if isinstance(data, (YMap, YList)) else START


def item_id(item: Node) -> str | None:
    """The ``id`` of a list item, when it is a mapping with a text id."""
    found = item.get("id") if isinstance(item, YMap) else None
    return found if isinstance(found, str) else None


def id_in(data: Node, path: Iterable[str | int], list_key: str) -> str | None:
    """The ``id`` of the item of the list ``list_key`` that ``path`` leads into, if any.

    Only the first time the path enters ``list_key`` counts.
    """
    steps = walk(data, path, skip_missing=False).steps
    for position, step in enumerate(steps):
        if isinstance(step.container, YMap) and step.segment == list_key:
            inside = steps[position + 1] if position + 1 < len(steps) else None
            return item_id(inside.node) if inside is not None else None
    return None
