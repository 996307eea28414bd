"""Findings: what checking a project produces, before anyone reports it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

Mark = tuple[int, int]
"""A 1-based (line, column) position in a source file."""

START: Mark = (1, 1)


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, located at ``file:line:column``.

    ``severity`` is the check's default until the linter applies the project's
    configuration. ``at_most`` caps it (a gap the target state closes is only
    info); ``related`` names the other touch points involved, as
    ``(journey, touchpoint)`` ids, for the handbook to link.
    """

    code: str
    message: str
    file: str
    line: int = 1
    column: int = 1
    journey: str | None = None
    touchpoint: str | None = None
    severity: Severity = Severity.ERROR
    at_most: Severity | None = None
    related: tuple[tuple[str, str], ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)


def located(
    code: str,
    message: str,
    file: str,
    at: Mark = START,
    *,
    journey: str | None = None,
    touchpoint: str | None = None,
    at_most: Severity | None = None,
    related: tuple[tuple[str, str], ...] = (),
) -> Finding:
    """Build a finding from a ``Mark`` instead of a separate line and column."""
    return Finding(
        code, message, file, at[0], at[1], journey, touchpoint, at_most=at_most, related=related
    )
