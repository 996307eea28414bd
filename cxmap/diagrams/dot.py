"""Writing DOT by hand, so that every piece of user text is escaped on its way in.

User text reaches DOT in two ways: inside double-quoted attribute values
(:func:`quote`) and inside HTML-like labels (:func:`html`). Node names are
generated, never taken from user text.
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterable, Mapping

FONT = "DejaVu Sans,Arial,Helvetica,sans-serif"


class HtmlLabel(str):
    """An HTML-like label, already escaped; written between ``<`` and ``>``."""

    __slots__ = ()


Value = str | int | float | bool | HtmlLabel
Attributes = Mapping[str, Value]


def quote(text: str) -> str:
    """A DOT double-quoted string whose content Graphviz shows literally.

    Backslashes are doubled so that escape sequences such as ``\\N`` or ``\\G``
    in user text are not expanded; newlines become spaces.
    """
    cleaned = " ".join(text.replace("\r", " ").split("\n"))
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def html(text: str) -> str:
    """User text for an HTML-like label: entities for ``& < > "``, no markup.

    Graphviz expands ``\\N``, ``\\G`` and the like even inside HTML-like labels
    (written as entities too), so a word joiner follows every backslash.
    """
    escaped = _html.escape(" ".join(text.split()), quote=True)
    return escaped.replace("\\", "&#92;&#8288;")


def _value(value: Value) -> str:
    if isinstance(value, HtmlLabel):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return quote(value)


def attributes(values: Attributes) -> str:
    """``[key=value ...]`` in the given order, or nothing."""
    if not values:
        return ""
    return " [" + " ".join(f"{key}={_value(value)}" for key, value in values.items()) + "]"


class Graph:
    """A DOT graph assembled line by line, in a deterministic order."""

    def __init__(self, name: str, graph: Attributes, node: Attributes, edge: Attributes) -> None:
        self.lines = [f"digraph {quote(name)} {{"]
        self.lines.append(f"  graph{attributes(graph)};")
        self.lines.append(f"  node{attributes(node)};")
        self.lines.append(f"  edge{attributes(edge)};")
        self.depth = 1

    def _add(self, line: str) -> None:
        self.lines.append("  " * self.depth + line)

    def node(self, name: str, **values: Value) -> None:
        self._add(f"{quote(name)}{attributes(values)};")

    def edge(self, tail: str, head: str, **values: Value) -> None:
        self._add(f"{quote(tail)} -> {quote(head)}{attributes(values)};")

    def open(self, name: str, **values: Value) -> None:
        """Start a subgraph (a cluster when ``name`` starts with ``cluster``)."""
        self._add(f"subgraph {quote(name)} {{")
        self.depth += 1
        for key, value in values.items():
            self._add(f"{key}={_value(value)};")

    def close(self) -> None:
        self.depth -= 1
        self._add("}")

    def same_rank(self, names: Iterable[str]) -> None:
        members = "; ".join(quote(name) for name in names)
        self._add(f"{{rank=same; {members}}}")

    def source(self) -> str:
        return "\n".join([*self.lines, "}"]) + "\n"
