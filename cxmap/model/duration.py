"""The duration type of standards, expectations and limits: ``4h``, ``2d``, ``1w``."""

from __future__ import annotations

import re
from functools import total_ordering
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from cxmap.model.types import value_error

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@total_ordering
class Duration:
    """A time span written as a number and a unit: ``30s``, ``15m``, ``4h``, ``2d``, ``1w``.

    Durations compare by length, so ``1w == 7d`` and ``48h > 2h``.
    """

    __slots__ = ("seconds", "text")

    def __init__(self, text: str) -> None:
        match = _DURATION.match(text)
        if match is None:
            raise ValueError(text)
        self.text = f"{match.group(1)}{match.group(2)}"
        self.seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]

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
            f"{value!r} is not a duration: use a number and a unit s, m, h, d or w "
            f"(30s, 15m, 4h, 2d, 1w){hint}",
        )

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
        return {"type": "string", "pattern": _DURATION.pattern, "examples": ["4h", "2d"]}
