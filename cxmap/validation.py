"""Validate located data against a model and explain each error in the user's terms.

pydantic reports errors by ``loc`` (a path of keys and indexes); this module maps
each path back to the YAML position it came from and rewrites the message the way
a person editing the file would want to read it, with a "did you mean" where a
close spelling exists.

A document with schema errors is not simply rejected: the offending keys or list
items are pruned and the rest validated again, so that the remaining checks still
run (a misspelt ``ownr:`` is reported as an unknown key *and* as a missing owner).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cxmap.findings import Mark
from cxmap.model.types import slugify
from cxmap.suggest import did_you_mean
from cxmap.yamlpath import id_in, item_id, start_of, walk
from cxmap.yamlsource import Node, YList, YMap
from cxmap.yamltraps import split_key_hint

M = TypeVar("M", bound=BaseModel)

MAX_PRUNING_ROUNDS = 8


@dataclass(frozen=True)
class SchemaError:
    message: str
    mark: Mark
    loc: tuple[int | str, ...]
    item: str | None = None
    """The id of the list item (e.g. the touch point) the error is in, if asked for."""


@dataclass
class Validated(Generic[M]):
    """The outcome of validating one document.

    ``model`` is ``None`` when nothing could be salvaged. ``pruned_ids`` are the ids
    of list items dropped for errors, by the key of their list (``teams``…): they
    exist for reference checks even though they are not in the model.
    ``placeholders`` are the top-level keys that were broken and replaced by a
    neutral value so that the rest could be checked; what they hold is unknown.
    """

    model: M | None
    errors: list[SchemaError] = field(default_factory=list)
    pruned_ids: dict[str, set[str]] = field(default_factory=dict)
    placeholders: set[str] = field(default_factory=set)

    @property
    def broken(self) -> set[tuple[str | None, str]]:
        """The keys whose values were wrong, as (id of the list item or ``None``, key).

        A check that looks for a missing key stays quiet about these: the key was
        written, and its CX002 already says what is wrong with it.
        """
        keys: set[tuple[str | None, str]] = set()
        for error in self.errors:
            loc = error.loc
            if error.item is not None and len(loc) >= 3 and isinstance(loc[2], str):
                keys.add((error.item, loc[2]))
            elif loc and isinstance(loc[0], str):
                keys.add((None, loc[0]))
        return keys


def validate(
    model_type: type[M],
    data: Node,
    placeholders: Mapping[str, object] | None = None,
    item_key: str | None = None,
) -> Validated[M]:
    """Validate ``data`` as ``model_type``, salvaging what can be checked further.

    ``placeholders`` give neutral values for required top-level keys, used when the
    document's own value is missing or broken. With ``item_key`` (e.g.
    ``touchpoints``) each error records the id of the item of that list it is in.
    """
    try:
        return Validated(model_type.model_validate(data))
    except ValidationError as exc:
        details = exc.errors(include_url=False)
    result: Validated[M] = Validated(None)
    result.errors = [
        dataclasses.replace(
            _explain(model_type, data, error),
            item=id_in(data, error["loc"], item_key) if item_key else None,
        )
        for error in details
    ]
    for _ in range(MAX_PRUNING_ROUNDS):
        if isinstance(data, YMap) and placeholders:
            details = _fill_placeholders(data, details, placeholders, result.placeholders)
        if not _prune(data, details, result.pruned_ids):
            return result
        try:
            result.model = model_type.model_validate(data)
            return result
        except ValidationError as exc:
            details = exc.errors(include_url=False)
    return result


# -- locating ------------------------------------------------------------------------


def locate(data: Node, loc: Iterable[int | str], *, key: bool = False) -> Mark:
    """The position of ``loc`` in ``data``: the value, or the key when ``key``.

    A path that leaves the data (a missing key) ends at the mapping that lacks it;
    segments that name no key (union members) are skipped.
    """
    route = walk(data, loc)
    if route.complete and route.missing is not None:
        return start_of(route.node if route.steps else data)
    if not route.steps:
        return start_of(data)
    last = route.steps[-1]
    if key and route.complete and isinstance(last.container, YMap):
        return last.container.key_at(str(last.segment))
    return last.mark


def _container_at(data: Node, loc: Iterable[int | str]) -> Node:
    """The mapping or list at ``loc``, skipping segments that name no key."""
    route = walk(data, loc)
    if not route.complete:
        return None
    return route.node if route.steps else data


# -- messages ------------------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``| None`` from a field's annotation."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def model_at(model_type: type[BaseModel], loc: Iterable[int | str]) -> type[BaseModel] | None:
    """The model class that validates the value at ``loc``, if it is a model."""
    current: Any = model_type
    for segment in loc:
        current = _unwrap(current)
        if isinstance(segment, int):
            if typing.get_origin(current) is not list:
                return None
            current = typing.get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field_info = current.model_fields.get(segment)
            if field_info is None:
                return None
            current = field_info.annotation
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, (int, float)):
        shown = str(value)
        return f"the number {shown if len(shown) <= 24 else shown[:20] + '...'}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


_KINDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
}

_BOOL_WORDS = frozenset(("yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off"))


def _slug_hint(value: str) -> str:
    slug = slugify(value)
    return f" (try {slug!r})" if slug else ""


def _field_name(loc: tuple[int | str, ...]) -> str:
    for position in range(len(loc) - 1, -1, -1):
        segment = loc[position]
        if isinstance(segment, str):
            if position < len(loc) - 1 and isinstance(loc[position + 1], int):
                return f"item {int(loc[position + 1]) + 1} of {segment!r}"
            return repr(segment)
    return "the value"


def _explain(model_type: type[BaseModel], data: Node, error: ErrorDetails) -> SchemaError:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    name = _field_name(loc)
    if kind == "missing":
        message = f"missing required key {loc[-1]!r}"
        return SchemaError(message, locate(data, loc), loc)
    if kind == "extra_forbidden":
        parent = model_at(model_type, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        message = f"unknown key {loc[-1]!r}{did_you_mean(str(loc[-1]), allowed)}"
        container = _container_at(data, loc[:-1])
        if isinstance(container, YMap):
            message = split_key_hint(container, str(loc[-1])) or message
        return SchemaError(message, locate(data, loc, key=True), loc)
    if kind in _KINDS:
        message = f"{name} must be {_KINDS[kind]}, not {_describe(value)}"
        if kind == "bool_type" and isinstance(value, str) and value in _BOOL_WORDS:
            message += " (YAML 1.2 reads yes/no/on/off as text)"
    elif kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        message = f"{name} must be one of {', '.join(allowed)}, not {_describe(value)}{hint}"
    elif kind == "string_pattern_mismatch":
        message = _pattern_message(name, str(value), str(context.get("pattern", "")))
    elif kind == "string_too_short":
        message = f"{name} must not be empty"
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = context.get("ge", context.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        message = f"{name} must be {word} {bound}, not {_describe(value)}"
    elif kind == "finite_number":
        message = f"{name} must be a finite number, not {_describe(value)}"
    else:
        message = f"{name}: {error['msg']}"
    return SchemaError(message, locate(data, loc), loc)


def _pattern_message(name: str, value: str, pattern: str) -> str:
    if "CX" in pattern:
        return f"{name} must be a check code such as CX101, not {_describe(value)}"
    return (
        f"{name} must be an id of lowercase letters, digits and dashes, "
        f"not {_describe(value)}{_slug_hint(value)}"
    )


# -- pruning -------------------------------------------------------------------------


def _fill_placeholders(
    data: YMap, details: list[ErrorDetails], values: Mapping[str, object], filled: set[str]
) -> list[ErrorDetails]:
    """Fill missing top-level keys that have a placeholder; return the other errors."""
    remaining = []
    for error in details:
        loc = error["loc"]
        if error["type"] == "missing" and len(loc) == 1 and loc[0] in values:
            key = str(loc[0])
            data[key] = values[key]
            filled.add(key)
        else:
            remaining.append(error)
    return remaining


def _prune(data: Node, details: list[ErrorDetails], pruned_ids: dict[str, set[str]]) -> bool:
    """Remove what each error points at; ``False`` when an error cannot be pruned."""
    removals: list[tuple[YMap | YList, int | str, str | None]] = []
    for error in details:
        target = _removal(data, tuple(error["loc"]), error["type"] == "missing")
        if target is None:
            return False
        removals.append(target)
    # Delete list items from the highest index down so earlier indexes stay valid.
    removals.sort(key=lambda item: item[1] if isinstance(item[1], int) else -1, reverse=True)
    done: set[tuple[int, int | str]] = set()
    for container, key, list_key in removals:
        if (id(container), key) in done:
            continue
        done.add((id(container), key))
        if isinstance(container, YList) and isinstance(key, int):
            pruned = item_id(container[key])
            if list_key and pruned is not None:
                pruned_ids.setdefault(list_key, set()).add(pruned)
            del container[key]
            del container.item_marks[key]
        elif isinstance(container, YMap) and isinstance(key, str):
            container.pop(key, None)
    return True


def _removal(
    data: Node, loc: tuple[int | str, ...], missing: bool
) -> tuple[YMap | YList, int | str, str | None] | None:
    """What to delete for an error at ``loc``: a key, a list item, or the enclosing item."""
    steps = walk(data, loc).steps
    if missing:
        # A required key is absent: drop the nearest list item that lacks it.
        for step in reversed(steps):
            if isinstance(step.container, YList):
                return step.container, step.segment, step.list_key
        return None
    if not steps:
        return None
    last = steps[-1]
    return last.container, last.segment, last.list_key
