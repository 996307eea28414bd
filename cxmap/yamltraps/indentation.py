"""The parser's errors about colons and indentation, explained.

A colon followed by a space inside text, a key or list item indented deeper or less
than the block it belongs to, a second top-level key, a list item out of line with
the others, a key in the column of a ``-`` without one, a key without its colon
(or with no space after it), and a stray ``]`` or ``}``.
"""

from __future__ import annotations

import re

from cxmap.yamltraps.lines import IDENT, Error, Level, Parts, parts_of
from cxmap.yamltraps.quotes import quote_before
from cxmap.yamltraps.text import Hint, quote, strip_comment

_NO_SPACE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:].*)")


def colon_or_deeper(error: Error) -> Hint | None:
    """'mapping values are not allowed': a colon in text, or a line indented too deep."""
    if "mapping values are not allowed" not in error.problem:
        return None
    number, column = error.at
    line = error.line(number)
    parts = parts_of(line)
    if parts.key is not None and parts.colon < column:
        lead = "- " * len(parts.dashes)
        fixed = f"{lead}{parts.key}: {quote(strip_comment(line[parts.rest :]).strip())}"
        return (
            "a colon followed by a space starts a key in YAML, and this one is inside the "
            f"text of {parts.key!r}; put the text in quotes: {fixed}",
            (number + 1, column + 1),
        )
    above = error.previous(number)
    if above is not None and parts_of(error.line(above)).body == parts.body:
        missing = _no_colon_at(error, above)
        if missing is not None:
            return missing
    if parts.key is None or not IDENT.fullmatch(parts.key):
        return (
            "a colon followed by a space starts a key in YAML, so this line cannot go on "
            "with the text above it unquoted; put the whole text in quotes",
            (number + 1, column + 1),
        )
    if parts.dashes:
        return (
            "this list item is indented deeper than the line above it, so YAML reads it as "
            "more of that line's text; line its '-' up with the other items of the list",
            (number + 1, parts.indent + 1),
        )
    return _deeper_key(error, number, parts)


def _deeper_key(error: Error, number: int, parts: Parts) -> Hint:
    key = parts.key
    owner: tuple[int, Parts] | None = None
    for index in error.above(number):
        candidate = parts_of(error.line(index))
        if candidate.column < parts.key_col:
            owner = (index, candidate)
            break
    where = (number + 1, parts.key_col + 1)
    if owner is not None and owner[1].key is not None and error.line(owner[0])[owner[1].rest :]:
        index, above = owner
        second = _second_top_level(error, index)
        if second is not None:
            return second
        return (
            f"{key!r} is indented deeper than {above.key!r} above it, so YAML reads it as "
            f"more of the text of {above.key!r}; line it up with {above.key!r} "
            f"(column {above.key_col + 1})",
            where,
        )
    if owner is not None and owner[1].dashes:
        index, above = owner
        text = strip_comment(error.line(index)[above.body :])
        return (
            f"{key!r} is indented deeper than the list item above it, so YAML reads it as "
            f"more of the text {text!r}; indent it like the keys it belongs with",
            where,
        )
    return (
        f"{key!r} is indented deeper than the line above it, so YAML reads it as more of "
        "that line's text; line it up with the keys it belongs with",
        where,
    )


def _top_key(line: str) -> str | None:
    """The key of a line that starts in column 1 with ``key:``, if it is one."""
    parts = parts_of(line)
    return parts.key if parts.key is not None and parts.key_col == 0 else None


def _second_top_level(error: Error, number: int) -> Hint | None:
    """Line ``number`` is a key in column 1 after the file's one top-level key."""
    key = _top_key(error.line(number))
    top = next((index for index in range(number) if _top_key(error.line(index))), None)
    if key is None or top is None:
        return None
    name = _top_key(error.line(top))
    under = [index for index in range(top + 1, number) if parts_of(error.line(index)).key]
    column = parts_of(error.line(under[0])).column if under else 2
    return (
        f"{key!r} starts in column 1, so YAML reads it as a second top-level key beside "
        f"{name!r}; indent it like the other keys under {name!r} (column {column + 1})",
        (number + 1, 1),
    )


def missing_colon(error: Error) -> Hint | None:
    """'could not find expected ':'': a key line without its colon."""
    if error.context != "while scanning a simple key" or error.opened is None:
        return None
    number, column = error.opened
    parts = parts_of(error.line(number))
    if column != parts.body:
        return None
    hint = _no_colon_at(error, number)
    above = error.previous(number)
    owner = parts_of(error.line(above)) if above is not None else None
    if hint is not None or above is None or owner is None or owner.key is None:
        return hint
    if error.line(above)[owner.rest :].strip() and parts.body <= owner.key_col:
        return (
            f"this line is indented no deeper than {owner.key!r} above it, so YAML cannot "
            f"read it as more of the text of {owner.key!r}; indent it deeper than "
            f"{owner.key!r} (column {owner.key_col + 1}), or join it to the line above",
            (number + 1, column + 1),
        )
    return None


def _no_colon_at(error: Error, number: int) -> Hint | None:
    """Line ``number`` starts where a key goes, but YAML found no ``key:`` on it."""
    line = error.line(number)
    parts = parts_of(line)
    if parts.key is not None:
        return None
    written = strip_comment(line[parts.body :])
    no_space = _NO_SPACE.fullmatch(written)
    if no_space is not None:
        return (
            f"{written!r} has no space after its colon, so YAML reads it as text, not as "
            f"the key {no_space['key']!r}; write {no_space['key']}: {no_space['value']}",
            (number + 1, parts.body + 1),
        )
    word, _, rest = written.partition(" ")
    if parts.dashes or not IDENT.fullmatch(word) or not _starts_a_key(error, number, parts):
        return None  # "- Long wait" is an item, and a word elsewhere is text
    fixed = f"{word}: {rest.strip()}".rstrip()
    return (
        f"{word!r} has no colon after it, so YAML cannot read it as a key; write {fixed}",
        (number + 1, parts.body + 1),
    )


def _starts_a_key(error: Error, number: int, parts: Parts) -> bool:
    """Whether line ``number`` starts where a key of the mapping above it goes."""
    above = error.previous(number)
    if above is None:
        return False
    sibling = parts_of(error.line(above))
    if sibling.key is None:
        return False
    opens = not strip_comment(error.line(above)[sibling.rest :]) and sibling.key_col < parts.body
    return sibling.key_col == parts.body or opens


def block_trouble(error: Error) -> Hint | None:
    """A line that does not fit the block around it: indentation, or a stray quote."""
    if error.context not in ("while parsing a block mapping", "while parsing a block collection"):
        return None
    number, column = error.at
    if number >= len(error.lines):
        return None
    line = error.line(number)
    parts = parts_of(line)
    if line[column : column + 1] in ("]", "}"):
        return (f"this {line[column]!r} closes nothing: remove it", (number + 1, column + 1))
    if column > parts.indent:
        return quote_before(error)
    if column != parts.indent:
        return None
    if parts.dashes:
        return _dash_out_of_line(error, number, column)
    if parts.key is not None:
        return _key_out_of_line(error, number, parts)
    return None


def _dash_out_of_line(error: Error, number: int, column: int) -> Hint | None:
    reference: tuple[int, int] | None = None
    opened = error.opened
    if (
        error.context == "while parsing a block collection"
        and opened is not None
        and error.line(opened[0])[opened[1] : opened[1] + 1] == "-"
    ):
        reference = opened
    else:
        for index in error.above(number):
            dashes = parts_of(error.line(index)).dashes
            if dashes:
                reference = (index, dashes[0])
                break
    if reference is None or reference[1] == column:
        return None
    return (
        f"this list item is out of line with the items above it: its '-' is in column "
        f"{column + 1}, theirs in column {reference[1] + 1} (line {reference[0] + 1}); "
        "put the '-' of every item of a list in the same column",
        (number + 1, column + 1),
    )


def _key_out_of_line(error: Error, number: int, parts: Parts) -> Hint | None:
    key, column = parts.key, parts.key_col
    levels = error.levels(number)
    keys = [level for level in levels if level.key is not None]
    if key is None:
        return None
    if levels and levels[0].column == 0:
        second = _second_top_level(error, levels[0].line)
        if second is not None:
            return second
    # The top level holds one key per file, so column 1 is never where a key belongs.
    below = max((level for level in keys if 0 < level.column < column), key=_col, default=None)
    above = min((level for level in keys if level.column > column), key=_col, default=None)
    if levels and levels[0].key is None and levels[0].column == column:
        other = f", or line it up with {below.key!r} (column {below.column + 1})" if below else ""
        return (
            f"{key!r} is in the column of the '-' above it but has no '-' itself; write '- ' "
            f"before it to make it an item of the list{other}",
            (number + 1, column + 1),
        )
    if above is not None:
        other = ""
        if below is not None:
            other = f", or with {below.key!r} (column {below.column + 1}) if it belongs there"
        return (
            f"{key!r} is indented less than {above.key!r} above it, so YAML cannot tell "
            f"which mapping it belongs to; line it up with {above.key!r} "
            f"(column {above.column + 1}){other}",
            (number + 1, column + 1),
        )
    if below is not None:
        return (
            f"{key!r} is indented deeper than {below.key!r} above it, which already has its "
            f"value; line it up with {below.key!r} (column {below.column + 1})",
            (number + 1, column + 1),
        )
    return None


def _col(level: Level) -> int:
    return level.column
