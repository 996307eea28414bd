"""Value types shared by the organisation and journey models."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Protocol, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetJsonSchemaHandler,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from cxmap.findings import START, Mark
from cxmap.yamlpath import walk
from cxmap.yamlsource import YList, YMap

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
CODE_PATTERN = r"^CX[0-9]{3}$"

SLUG_MAX = 64

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
"""An id: lowercase letters, digits and dashes, at most 64 characters."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "") -> str:
    """An id made from any text (a title, a Mermaid task, a spreadsheet cell) that
    :data:`Slug` accepts: ``"Café & Co."`` -> ``"cafe-co"``; ``fallback`` when none is left.

    Accents are dropped rather than the letters they sit on.
    """
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore")
    slug = _NOT_SLUG.sub("-", folded.decode("ascii")).strip("-")[:SLUG_MAX].strip("-")
    return slug or fallback


Ref = Annotated[str, StringConstraints(min_length=1)]
"""A reference to an id defined elsewhere; whether it exists is a check (CX005)."""

Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
"""A check code such as ``CX305``."""

Text = Annotated[str, StringConstraints(min_length=1)]

T = TypeVar("T")


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Identified = TypeVar("Identified", bound=HasId)


def by_id(items: Iterable[Identified]) -> dict[str, Identified]:
    """Index items by id; with duplicate ids (CX004) the first one counts."""
    index: dict[str, Identified] = {}
    for item in items:
        index.setdefault(item.id, item)
    return index


def _none_is_empty(value: Any) -> Any:
    return [] if value is None else value


class _OrNull:
    """Say in the JSON Schema that an empty key (null) is accepted too."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [handler(schema), {"type": "null"}]}


ListOf = Annotated[list[T], BeforeValidator(_none_is_empty), _OrNull()]
"""A list that may also be written as an empty key (``pain_points:``)."""

Better = Literal["higher", "lower"]


def value_error(kind: str, message: str) -> PydanticCustomError:
    """A validation error whose message is final (user text is never a template)."""
    return PydanticCustomError(kind, "{message}", {"message": message})


class Model(BaseModel):
    """Strict, closed models: no coercion from text, no unknown keys."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=False,
        allow_inf_nan=False,
        use_attribute_docstrings=False,
    )


class Located(Model):
    """A model read from YAML that can say where its keys and values are.

    The source mapping is kept as validated; models built in code have none and
    locate everything at 1:1.
    """

    _source: YMap | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_source(cls, data: Any, handler: Any) -> Any:
        model = handler(data)
        if isinstance(data, YMap):
            model._source = data
        return model

    @property
    def mark(self) -> Mark:
        return self._source.mark if self._source is not None else START

    def key_at(self, key: str) -> Mark:
        return self._source.key_at(key) if self._source is not None else START

    def value_at_path(self, *path: str | int) -> Mark:
        """Where a nested value is, e.g. ``value_at_path("standard", "within")``.

        Stops at the deepest part of the path that exists.
        """
        steps = walk(self._source, path, skip_missing=False).steps
        return steps[-1].mark if steps else self.mark

    def value_at(self, key: str, index: int | None = None) -> Mark:
        """Where the value of ``key`` is, or its ``index``-th item for a list."""
        if self._source is None:
            return START
        if index is not None:
            items = self._source.get(key)
            if isinstance(items, YList):
                return items.item_at(index)
        return self._source.value_at(key)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise value_error("date", f"{value!r} is not a real date") from None
    raise value_error("date", f"{value!r} is not a date: write it as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_parse_date)]
