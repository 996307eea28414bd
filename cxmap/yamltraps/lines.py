"""What the explanations of the parser's errors read in the source.

:class:`Error` holds a parser error, its 0-based marks and the file's lines, and
finds the lines and open blocks above a line; :func:`parts_of` reads what one line
of block YAML starts with: its indentation, its dashes, and a key if it has one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cxmap.yamltraps.text import Position

_PREFIX = re.compile(r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)")
_KEY = re.compile(r"(?P<key>[^\s#'\"\[\]{},:&*!|>%@`][^#]*?) *(?P<colon>:)(?: +|$)(?P<rest>.*)")
IDENT = re.compile(r"[A-Za-z_][\w-]*")


@dataclass(frozen=True)
class Parts:
    """What one line of block YAML starts with: its dashes, and a key if it has one."""

    indent: int
    dashes: list[int]
    body: int
    """Where the text after the indentation and the dashes begins."""
    key: str | None = None
    key_col: int = 0
    colon: int = 0
    rest: int = 0
    """Where the value after ``key:`` begins."""

    @property
    def value(self) -> int:
        return self.rest if self.key is not None else self.body

    @property
    def column(self) -> int:
        """The column that decides which block the line belongs to."""
        if self.key is not None:
            return self.key_col
        return self.dashes[0] if self.dashes else self.indent


def parts_of(line: str) -> Parts:
    prefix = _PREFIX.match(line)
    assert prefix is not None  # every part of the pattern is optional
    indent = len(prefix["indent"])
    dashes = [indent + found.start() for found in re.finditer("-", prefix["dashes"])]
    body = prefix.end()
    key = _KEY.match(line, body)
    if key is None:
        return Parts(indent, dashes, body)
    return Parts(indent, dashes, body, key["key"], body, key.start("colon"), key.start("rest"))


@dataclass(frozen=True)
class Level:
    column: int
    key: str | None
    line: int


@dataclass(frozen=True)
class Error:
    """A parser error, its 0-based marks and the source lines."""

    problem: str
    context: str
    at: Position
    opened: Position | None
    lines: Sequence[str]

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def above(self, number: int) -> Iterator[int]:
        """The lines above ``number`` that hold more than space or a comment, nearest first."""
        for index in range(min(number, len(self.lines)) - 1, -1, -1):
            text = self.lines[index].strip()
            if text and not text.startswith("#"):
                yield index

    def previous(self, number: int) -> int | None:
        return next(self.above(number), None)

    def levels(self, number: int) -> list[Level]:
        """The blocks open above line ``number``, innermost first: each a key or a dash."""
        levels: list[Level] = []
        limit: float = math.inf
        for index in self.above(number):
            parts = parts_of(self.lines[index])
            starts: list[tuple[int, str | None]] = [(column, None) for column in parts.dashes]
            if parts.key is not None:
                starts.append((parts.key_col, parts.key))
            for column, key in reversed(starts):
                if column < limit:
                    levels.append(Level(column, key, index))
                    limit = column
            if limit == 0:
                break
        return levels
