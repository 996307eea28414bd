"""YAML's traps for people who write text, explained with the fix.

People coming from spreadsheets write journeys as text, and YAML reads some text as
structure: inside ``[ ]`` and ``{ }`` a comma ends an item, a colon followed by a
space starts a key, a quote at the start of a value ends where the next quote is,
and indentation decides what belongs to what. This module explains those cases in
plain words, each with the fix:

* :func:`split_items`: a flow list whose text a comma cut in two (CX007),
* :func:`split_key_hint`: an unknown key that is text a comma cut off (CX002),
* :func:`explain_syntax`: the parser's error for the common mistakes (CX001).

It reads only the parser's error, its marks and the source lines around them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

from cxmap.findings import Mark

if TYPE_CHECKING:
    from cxmap.yamlsource import YMap

Hint = tuple[str, Mark]
"""A message and the 1-based line and column it points at."""

Position = tuple[int, int]
"""A 0-based line and column, as the parser's marks count them."""

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """``text`` cut into lines where YAML sees line breaks, so that marks index them."""
    return _LINE_BREAK.split(text)


def quote(text: str) -> str:
    """``text`` as a one-line YAML quoted scalar: double quotes unless it holds ``"`` or ``\\``."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _names(pieces: Sequence[str]) -> str:
    shown = [repr(piece) for piece in pieces]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


# -- a comma inside [ ] or { } ------------------------------------------------------


def _capital(text: str | None) -> bool:
    return text is not None and text[:1].isupper()


def _small(text: str | None) -> bool:
    return text is not None and text[:1].islower()


def split_items(texts: Sequence[str | None], marks: Sequence[Mark]) -> list[Hint]:
    """Where a comma cut a text of a flow list ``[a, b]`` in two (CX007).

    ``texts`` holds each item's text when the item is a plain (unquoted) string, else
    ``None``. The rule: a plain item that starts with a capital letter, followed by
    plain items that start with a small letter, is one sentence that the commas cut:
    ``[Checks drawings, fee and ownership]``. Lists of ids (``[web, email]``), codes
    (``[CX305, CX202]``) and texts that each start with a capital (``[Long wait, No
    updates]``) stay quiet, and a quoted item never starts or continues a sentence.
    One hint per sentence, at its first cut-off piece.
    """
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(texts):
        end = index + 1
        if _capital(texts[index]):
            while end < len(texts) and _small(texts[end]):
                end += 1
            if end > index + 1:
                runs.append((index, end))
        index = end
    if not runs:
        return []
    fix = _rejoined(texts, runs)
    hints: list[Hint] = []
    for start, end in runs:
        pieces = [str(text) for text in texts[start + 1 : end]]
        if len(pieces) == 1:
            what = "became an item of its own: the comma before it split the text"
        else:
            what = "became items of their own: the commas before them split the text"
        shown = fix or quote(", ".join(str(text) for text in texts[start:end]))
        message = (
            f"{_names(pieces)} {what}. If it is one text, quote it: {shown}, "
            "or write one item per line"
        )
        hints.append((message, marks[start + 1]))
    return hints


def _rejoined(texts: Sequence[str | None], runs: list[tuple[int, int]]) -> str | None:
    """The whole list written again with every cut sentence quoted, if all items are plain."""
    if any(text is None for text in texts):
        return None
    items: list[str] = []
    index = 0
    for start, end in runs:
        items += [str(text) for text in texts[index:start]]
        items.append(quote(", ".join(str(text) for text in texts[start:end])))
        index = end
    items += [str(text) for text in texts[index:]]
    return "[" + ", ".join(items) + "]"


def written_without_colon(lines: Sequence[str], key_end: Position, value_start: Position) -> bool:
    """Whether nothing but space and comments lies between a key and its empty value.

    In ``{a, b: c}`` the parser gives ``a`` an empty value just as in ``{a: , b: c}``;
    only the source tells the two apart.
    """
    (first, start), (last, end) = key_end, value_start
    if not 0 <= first <= last < len(lines):
        return False
    between = [lines[first][start:], *lines[first + 1 : last + 1]]
    between[-1] = between[-1][: end if first < last else end - start]
    return not any(":" in _strip_comment(text) for text in between)


def split_key_hint(container: YMap, key: str) -> str | None:
    """Why ``key`` of ``container`` is probably text that a comma split off, or ``None``.

    The rule: in a flow mapping ``{ }``, a key written without ``:`` after a key with
    a text value is the rest of that text, when the text or the piece holds a space
    (``{text: One form feeds licensing, highways and the SAG}``). ``{id: a, b}`` is
    left to the plain unknown-key message: it more likely means two items.
    """
    bare = container.bare_keys
    keys = list(container)
    if not container.flow or key not in bare or key not in keys:
        return None
    head = keys.index(key) - 1
    while head >= 0 and keys[head] in bare:
        head -= 1
    value = container[keys[head]] if head >= 0 else None
    if not isinstance(value, str):
        return None
    end = head + 1
    while end < len(keys) and keys[end] in bare:
        end += 1
    pieces = keys[head + 1 : end]
    if " " not in value and not any(" " in piece for piece in pieces):
        return None
    text = ", ".join([value, *pieces])
    return (
        f"{key!r} is not a key: the comma before it ended the text of {keys[head]!r}. "
        f"Quote the whole text: {keys[head]}: {quote(text)}"
    )


# -- the parser's errors ------------------------------------------------------------

_PREFIX = re.compile(r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)")
_KEY = re.compile(r"(?P<key>[^\s#'\"\[\]{},:&*!|>%@`][^#]*?) *(?P<colon>:)(?: +|$)(?P<rest>.*)")
_IDENT = re.compile(r"[A-Za-z_][\w-]*")
_NO_SPACE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:].*)")
_COMMENT = re.compile(r"(?:^|\s)#")
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


def _strip_comment(text: str) -> str:
    found = _COMMENT.search(text)
    return (text[: found.start()] if found else text).rstrip()


@dataclass(frozen=True)
class _Parts:
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


def _parts(line: str) -> _Parts:
    prefix = _PREFIX.match(line)
    assert prefix is not None  # every part of the pattern is optional
    indent = len(prefix["indent"])
    dashes = [indent + found.start() for found in re.finditer("-", prefix["dashes"])]
    body = prefix.end()
    key = _KEY.match(line, body)
    if key is None:
        return _Parts(indent, dashes, body)
    return _Parts(indent, dashes, body, key["key"], body, key.start("colon"), key.start("rest"))


@dataclass(frozen=True)
class _Level:
    column: int
    key: str | None
    line: int


@dataclass(frozen=True)
class _Error:
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

    def levels(self, number: int) -> list[_Level]:
        """The blocks open above line ``number``, innermost first: each a key or a dash."""
        levels: list[_Level] = []
        limit: float = math.inf
        for index in self.above(number):
            parts = _parts(self.lines[index])
            starts: list[tuple[int, str | None]] = [(column, None) for column in parts.dashes]
            if parts.key is not None:
                starts.append((parts.key_col, parts.key))
            for column, key in reversed(starts):
                if column < limit:
                    levels.append(_Level(column, key, index))
                    limit = column
            if limit == 0:
                break
        return levels


def explain_syntax(error: yaml.MarkedYAMLError, lines: Sequence[str]) -> Hint | None:
    """A plain explanation of a common mistake behind ``error``, with the fix, or ``None``.

    ``lines`` are the file's lines as :func:`split_lines` cuts them.
    """
    if error.problem_mark is None:
        return None
    opened = error.context_mark
    details = _Error(
        error.problem or "",
        error.context or "",
        (error.problem_mark.line, error.problem_mark.column),
        (opened.line, opened.column) if opened is not None else None,
        lines,
    )
    for trap in _TRAPS:
        hint = trap(details)
        if hint is not None:
            message, mark = hint
            return f"{message} (parser: {details.problem})", mark
    return None


def _unclosed_quote(error: _Error) -> Hint | None:
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


def _backslash(error: _Error) -> Hint | None:
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
    return _strip_comment(line[column:]).strip()


_OPENED_AT_START = (
    "while scanning an alias",
    "while scanning an anchor",
    "while scanning a block scalar",
)


def _reserved_start(error: _Error) -> Hint | None:
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


def _closed_early(error: _Error, number: int, closing: int, start: int) -> Hint:
    """A quote at ``start`` closed at ``closing`` with more of the value after it."""
    line = error.line(number)
    char = line[closing]
    in_flow = "flow" in error.context
    prefix = "" if in_flow else line[_parts(line).indent : start]
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


def _quote_before(error: _Error) -> Hint | None:
    """A parser mark right after a closing quote: the quote ended the value early."""
    number, column = error.at
    line = error.line(number)
    before = line[:column].rstrip()
    if not before or before[-1] not in "'\"" or column <= _parts(line).indent:
        return None
    closing = len(before) - 1
    mark = line[closing]
    opening = line.rfind(mark, 0, closing)
    if opening >= 0 and _VALUE_START.search(line[:opening]):
        return _closed_early(error, number, closing, opening)
    return _opened_above(error, number, mark)


def _opened_above(error: _Error, number: int, mark: str) -> Hint | None:
    """A quote opened on an earlier line runs on to the quote on line ``number``."""
    for count, index in enumerate(error.above(number)):
        if count == 200:
            return None
        line = error.line(index)
        parts = _parts(line)
        value = _strip_comment(line[parts.value :]) if parts.key else line[parts.value :].rstrip()
        if value.startswith(mark) and mark not in value[1:]:
            fixed = f"{line[parts.indent : parts.value]}{value}{mark}"
            return (
                f"the quote opened on line {index + 1} is not closed on that line, so YAML "
                f"reads on to the next {mark} on line {number + 1}; close it on line "
                f"{index + 1}: {fixed}",
                (index + 1, parts.value + 1),
            )
    return None


def _flow_trouble(error: _Error) -> Hint | None:
    if error.context not in ("while parsing a flow sequence", "while parsing a flow mapping"):
        return None
    if error.opened is None:
        return None
    hint = _quote_before(error)
    if hint is not None:
        return hint
    opener, closer = ("[", "]") if "sequence" in error.context else ("{", "}")
    number, column = error.at
    line = error.line(number)
    first = error.opened[0]
    if line[column : column + 1] == ":" and not (
        number > first and _IDENT.fullmatch(line[:column].strip())
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
    fixed = _strip_comment(error.line(last)).strip() + closer
    where = "" if last == first else f" at the end of line {last + 1}"
    shape = "list" if opener == "[" else "mapping"
    inside = number < len(error.lines)
    at = (number + 1, (_parts(line).indent if inside else column) + 1)
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


def _colon_or_deeper(error: _Error) -> Hint | None:
    """'mapping values are not allowed': a colon in text, or a line indented too deep."""
    if "mapping values are not allowed" not in error.problem:
        return None
    number, column = error.at
    line = error.line(number)
    parts = _parts(line)
    if parts.key is not None and parts.colon < column:
        lead = "- " * len(parts.dashes)
        fixed = f"{lead}{parts.key}: {quote(_strip_comment(line[parts.rest :]).strip())}"
        return (
            "a colon followed by a space starts a key in YAML, and this one is inside the "
            f"text of {parts.key!r}; put the text in quotes: {fixed}",
            (number + 1, column + 1),
        )
    above = error.previous(number)
    if above is not None and _parts(error.line(above)).body == parts.body:
        missing = _no_colon_at(error, above)
        if missing is not None:
            return missing
    if parts.key is None or not _IDENT.fullmatch(parts.key):
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


def _deeper_key(error: _Error, number: int, parts: _Parts) -> Hint:
    key = parts.key
    owner: tuple[int, _Parts] | None = None
    for index in error.above(number):
        candidate = _parts(error.line(index))
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
        text = _strip_comment(error.line(index)[above.body :])
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
    parts = _parts(line)
    return parts.key if parts.key is not None and parts.key_col == 0 else None


def _second_top_level(error: _Error, number: int) -> Hint | None:
    """Line ``number`` is a key in column 1 after the file's one top-level key."""
    key = _top_key(error.line(number))
    top = next((index for index in range(number) if _top_key(error.line(index))), None)
    if key is None or top is None:
        return None
    name = _top_key(error.line(top))
    under = [index for index in range(top + 1, number) if _parts(error.line(index)).key]
    column = _parts(error.line(under[0])).column if under else 2
    return (
        f"{key!r} starts in column 1, so YAML reads it as a second top-level key beside "
        f"{name!r}; indent it like the other keys under {name!r} (column {column + 1})",
        (number + 1, 1),
    )


def _missing_colon(error: _Error) -> Hint | None:
    """'could not find expected ':'': a key line without its colon."""
    if error.context != "while scanning a simple key" or error.opened is None:
        return None
    number, column = error.opened
    parts = _parts(error.line(number))
    if column != parts.body:
        return None
    hint = _no_colon_at(error, number)
    above = error.previous(number)
    owner = _parts(error.line(above)) if above is not None else None
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


def _no_colon_at(error: _Error, number: int) -> Hint | None:
    """Line ``number`` starts where a key goes, but YAML found no ``key:`` on it."""
    line = error.line(number)
    parts = _parts(line)
    if parts.key is not None:
        return None
    written = _strip_comment(line[parts.body :])
    no_space = _NO_SPACE.fullmatch(written)
    if no_space is not None:
        return (
            f"{written!r} has no space after its colon, so YAML reads it as text, not as "
            f"the key {no_space['key']!r}; write {no_space['key']}: {no_space['value']}",
            (number + 1, parts.body + 1),
        )
    word, _, rest = written.partition(" ")
    if parts.dashes or not _IDENT.fullmatch(word) or not _starts_a_key(error, number, parts):
        return None  # "- Long wait" is an item, and a word elsewhere is text
    fixed = f"{word}: {rest.strip()}".rstrip()
    return (
        f"{word!r} has no colon after it, so YAML cannot read it as a key; write {fixed}",
        (number + 1, parts.body + 1),
    )


def _starts_a_key(error: _Error, number: int, parts: _Parts) -> bool:
    """Whether line ``number`` starts where a key of the mapping above it goes."""
    above = error.previous(number)
    if above is None:
        return False
    sibling = _parts(error.line(above))
    if sibling.key is None:
        return False
    opens = not _strip_comment(error.line(above)[sibling.rest :]) and sibling.key_col < parts.body
    return sibling.key_col == parts.body or opens


def _block_trouble(error: _Error) -> Hint | None:
    """A line that does not fit the block around it: indentation, or a stray quote."""
    if error.context not in ("while parsing a block mapping", "while parsing a block collection"):
        return None
    number, column = error.at
    if number >= len(error.lines):
        return None
    line = error.line(number)
    parts = _parts(line)
    if line[column : column + 1] in ("]", "}"):
        return (f"this {line[column]!r} closes nothing: remove it", (number + 1, column + 1))
    if column > parts.indent:
        return _quote_before(error)
    if column != parts.indent:
        return None
    if parts.dashes:
        return _dash_out_of_line(error, number, column)
    if parts.key is not None:
        return _key_out_of_line(error, number, parts)
    return None


def _dash_out_of_line(error: _Error, number: int, column: int) -> Hint | None:
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
            dashes = _parts(error.line(index)).dashes
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


def _key_out_of_line(error: _Error, number: int, parts: _Parts) -> Hint | None:
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


def _col(level: _Level) -> int:
    return level.column


_TRAPS: tuple[Callable[[_Error], Hint | None], ...] = (
    _unclosed_quote,
    _backslash,
    _reserved_start,
    _flow_trouble,
    _colon_or_deeper,
    _block_trouble,
    _missing_colon,
)
