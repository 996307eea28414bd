"""The duration type of standards, expectations and limits: ``4h``, ``5wd``, ``3mo``.

Every unit converts to elapsed seconds so that durations compare by length. Two
units are calendar conventions rather than fixed lengths, and take their average:
a working day is a fifth of a week (1.4 days, so ``5wd == 1w``) and a month is a
twelfth of a year of 365.25 days (about 30.4 days, so ``12mo == 1y``).
"""

from __future__ import annotations

import re
from functools import total_ordering
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from cxmap.model.types import value_error

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(wd|mo|[smhdwy])\s*$")
_DAY = 86400
_YEAR = 365.25 * _DAY
_UNIT_SECONDS = {
    "s": 1,
    "m": 60,
    "h": 3600,
    "d": _DAY,
    "w": 7 * _DAY,
    "wd": 7 * _DAY / 5,
    "mo": _YEAR / 12,
    "y": _YEAR,
}
_UNIT_WORDS = {
    "s": ("second", "seconds"),
    "m": ("minute", "minutes"),
    "h": ("hour", "hours"),
    "d": ("day", "days"),
    "w": ("week", "weeks"),
    "wd": ("working day", "working days"),
    "mo": ("month", "months"),
    "y": ("year", "years"),
}
EXAMPLES = "30s, 15m, 4h, 2d, 1w, 5wd (working days), 3mo (months) or 1y"

_UNIT_SPELLINGS = {
    spelling: unit
    for unit, (singular, plural) in _UNIT_WORDS.items()
    for spelling in (unit, singular, plural)
} | {"min": "m", "mins": "m", "hr": "h", "hrs": "h", "sec": "s", "secs": "s"}
TIME_UNITS = ", ".join(_UNIT_WORDS)


def time_unit(text: str | None) -> str | None:
    """The duration unit a KPI's ``unit`` names (``h``, ``hours``, ``min``), or ``None``."""
    if text is None:
        return None
    return _UNIT_SPELLINGS.get(text.strip().casefold())


@total_ordering
class Duration:
    """A time span written as a number and a unit: ``30s``, ``15m``, ``4h``, ``2d``, ``1w``,
    ``5wd`` (working days), ``3mo`` (calendar months), ``1y``.

    Durations compare by length, so ``1w == 7d == 5wd`` and ``48h > 2h``.
    """

    __slots__ = ("amount", "seconds", "text", "unit")

    def __init__(self, text: str) -> None:
        match = _DURATION.match(text)
        if match is None:
            raise ValueError(text)
        self.amount, self.unit = match.group(1), match.group(2)
        self.text = f"{self.amount}{self.unit}"
        self.seconds = float(self.amount) * _UNIT_SECONDS[self.unit]

    @classmethod
    def parse(cls, value: Any) -> Duration:
        if isinstance(value, Duration):
            return value
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        hint = f"; write {value}h or {value}d" if isinstance(value, int) else ""
        raise value_error(
            "duration",
            f"{value!r} is not a duration: use a number and a unit, as in {EXAMPLES}{hint}",
        )

    @classmethod
    def of(cls, amount: float, unit: str, decimals: int = 2) -> Duration:
        """``amount`` of ``unit`` (a unit of :data:`TIME_UNITS`): written to ``decimals``
        decimals at most, compared by its exact length."""
        written = f"{max(amount, 0):.{decimals}f}"
        duration = cls((written.rstrip("0").rstrip(".") if "." in written else written) + unit)
        duration.seconds = max(amount, 0) * _UNIT_SECONDS[unit]
        return duration

    def in_unit(self, unit: str) -> float:
        """How many ``unit`` this duration lasts: ``Duration("2d").in_unit("h") == 48``."""
        return self.seconds / _UNIT_SECONDS[unit]

    @property
    def words(self) -> str:
        """The duration for readers: ``5 working days``, ``1 hour``."""
        singular, plural = _UNIT_WORDS[self.unit]
        return f"{self.amount} {singular if float(self.amount) == 1 else plural}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Duration) and self.seconds == other.seconds

    def __lt__(self, other: Duration) -> bool:
        return self.seconds < other.seconds

    def __hash__(self) -> int:
        return hash(self.seconds)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Duration({self.text!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": _DURATION.pattern,
            "examples": ["4h", "2d", "5wd", "3mo"],
        }
