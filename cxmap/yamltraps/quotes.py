"""The parser's errors about quotes, reserved characters and ``[ ]`` / ``{ }``, explained.

A quote that is never closed, or closed before the text ends (an apostrophe inside
single quotes), a backslash inside double quotes, text that starts with a character
YAML reserves (``*``, ``&``, ``|``, ``-``, ...), a colon inside a flow item, and a
``[`` or ``{`` that is never closed.
"""

from __future__ import annotations

import re

from cxmap.yamltraps.lines import IDENT, Error, parts_of
from cxmap.yamltraps.text import Hint, quote, strip_comment

_VALUE_START = re.compile(r"(?:^|[:\-\[{,])\s*$")
_RESERVED = {
    "*": "marks an alias",
    "&": "marks an anchor",
    "!": "marks a tag",
    "|": "starts a block of text",
    ">": "starts a block of text",
    "-": "starts a list item",
    "?": "starts a key",
    "%": "starts a directive",
    "@": "is reserved",
    "`": "is reserved",
}


def unclosed_quote(error: Error) -> Hint | None:
    if "quoted scalar" not in error.context or "end of stream" not in error.problem:
        return None
    if error.opened is None:
        return None
    number, column = error.opened
    line = error.line(number)
    mark = line[column : column + 1]
    if mark not in ("'", '"'):
        return None
    fixed = f"{line[:column].strip()} {line[column:].rstrip()}{mark}".strip()
    return (
        f"this quote is never closed, so YAML reads the rest of the file as part of the "
        f"text; end the text with a closing {mark}: {fixed}",
        (number + 1, column + 1),
    )


def backslash(error: Error) -> Hint | None:
    if "quoted scalar" not in error.context or "escape" not in error.problem:
        return None
    if error.opened is None:
        return None
    number, opening = error.opened
    line = error.line(number)
    slash = line.rfind("\\", 0, error.at[1] + 1) if error.at[0] == number else -1
    if slash < 0 or line[opening : opening + 1] != '"':
        return None
    closing = line.find('"', slash + 1)
    text = line[opening + 1 : closing if closing > 0 else len(line)].replace("'", "''")
    fixed = f"{line[:opening].strip()} '{text}'".strip()
    return (
        "a backslash inside double quotes starts an escape such as \\n; for a plain "
        f"backslash, use single quotes: {fixed}",
        (number + 1, slash + 1),
    )


def _value_from(line: str, column: int) -> str:
    """The value that starts at ``column``: to the end of the line, or of its flow item."""
    before = line[:column]
    if before.count("[") + before.count("{") > before.count("]") + before.count("}"):
        ends = [found for found in (line.find(c, column) for c in ",]}") if found >= 0]
        return line[column : min(ends, default=len(line))].strip()
    return strip_comment(line[column:]).strip()


_OPENED_AT_START = (
    "while scanning an alias",
    "while scanning an anchor",
    "while scanning a block scalar",
)


def reserved_start(error: Error) -> Hint | None:
    if error.context in _OPENED_AT_START:
        where = error.opened
    elif error.context == "while scanning for the next token" or (
        "are not allowed" in error.problem
        and ("sequence entries" in error.problem or "mapping keys" in error.problem)
    ):
        where = error.at
    else:
        return None
    if where is None:
        return None
    number, column = where
    line = error.line(number)
    char = line[column : column + 1]
    if char not in _RESERVED or not _VALUE_START.search(line[:column]):
        return None
    value = _value_from(line, column)
    flow = line[:column].rstrip().endswith(("[", "{", ","))
    fixed = quote(value) if flow else f"{line[:column].strip()} {quote(value)}".strip()
    return (
        f"text cannot start with {char!r} in YAML, where it {_RESERVED[char]}; "
        f"put the text in quotes: {fixed}",
        (number + 1, column + 1),
    )


def _closed_early(error: Error, number: int, closing: int, start: int) -> Hint:
    """A quote at ``start`` closed at ``closing`` with more of the value after it."""
    line = error.line(number)
    char = line[closing]
    in_flow = "flow" in error.context
    prefix = "" if in_flow else line[parts_of(line).indent : start]
    raw = _value_from(line, start)
    if char == "'" and line[closing + 1 : closing + 2].isalpha():
        text = raw[1:-1] if len(raw) > 2 and raw.endswith("'") else raw[1:]
        twice = "'" + text.replace("'", "''") + "'"
        return (
            f"the apostrophe in {text!r} closes the single quotes; put the text in "
            f"double quotes: {prefix}{quote(text)}, or write the apostrophe twice: {prefix}{twice}",
            (number + 1, closing + 1),
        )
    text = raw[1:-1] if len(raw) > 2 and raw.endswith(char) and raw.count(char) == 2 else raw
    left = _value_from(line, closing + 1)
    return (
        f"the quote closes before the text ends, so YAML cannot place {left!r} after it; "
        f"put the whole text in quotes: {prefix}{quote(text)}",
        (number + 1, closing + 1),
    )


def quote_before(error: Error) -> Hint | None:
    """A parser mark right after a closing quote: the quote ended the value early."""
    number, column = error.at
    line = error.line(number)
    before = line[:column].rstrip()
    if not before or before[-1] not in "'\"" or column <= parts_of(line).indent:
        return None
    closing = len(before) - 1
    mark = line[closing]
    opening = line.rfind(mark, 0, closing)
    if opening >= 0 and _VALUE_START.search(line[:opening]):
        return _closed_early(error, number, closing, opening)
    return _opened_above(error, number, mark)


def _opened_above(error: Error, number: int, mark: str) -> Hint | None:
    """A quote opened on an earlier line runs on to the quote on line ``number``."""
    for count, index in enumerate(error.above(number)):
        if count == 200:
            return None
        line = error.line(index)
        parts = parts_of(line)
        value = strip_comment(line[parts.value :]) if parts.key else line[parts.value :].rstrip()
        if value.startswith(mark) and mark not in value[1:]:
            fixed = f"{line[parts.indent : parts.value]}{value}{mark}"
            return (
                f"the quote opened on line {index + 1} is not closed on that line, so YAML "
                f"reads on to the next {mark} on line {number + 1}; close it on line "
                f"{index + 1}: {fixed}",
                (index + 1, parts.value + 1),
            )
    return None


def flow_trouble(error: Error) -> Hint | None:
    if error.context not in ("while parsing a flow sequence", "while parsing a flow mapping"):
        return None
    if error.opened is None:
        return None
    hint = quote_before(error)
    if hint is not None:
        return hint
    opener, closer = ("[", "]") if "sequence" in error.context else ("{", "}")
    number, column = error.at
    line = error.line(number)
    first = error.opened[0]
    if line[column : column + 1] == ":" and not (
        number > first and IDENT.fullmatch(line[:column].strip())
    ):
        piece = _flow_piece(line, column)
        return (
            f"a colon followed by a space starts a key in YAML, so {piece!r} cannot stand "
            f"unquoted inside {opener} {closer}; put it in quotes: {quote(piece)}",
            (number + 1, column + 1),
        )
    if number <= first and number < len(error.lines):
        return None
    last = error.previous(number)
    if last is None:
        return None
    fixed = strip_comment(error.line(last)).strip() + closer
    where = "" if last == first else f" at the end of line {last + 1}"
    shape = "list" if opener == "[" else "mapping"
    inside = number < len(error.lines)
    at = (number + 1, (parts_of(line).indent if inside else column) + 1)
    return (
        f"the {opener!r} on line {first + 1} is never closed, so YAML reads on past the end "
        f"of the {shape}; close it with {closer!r}{where}: {fixed}",
        at,
    )


def _flow_piece(line: str, column: int) -> str:
    """The text of the flow item around ``column``, from one separator to the next."""
    starts = [line.rfind(c, 0, column) + 1 for c in "[{,"]
    key = line.rfind(": ", 0, column)
    start = max([*starts, key + 2 if key >= 0 else 0])
    ends = [found for found in (line.find(c, column) for c in ",]}") if found >= 0]
    return line[start : min(ends, default=len(line))].strip()
