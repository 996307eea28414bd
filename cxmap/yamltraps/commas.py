"""A comma inside ``[ ]`` or ``{ }``: text that YAML cut into items or keys.

Inside a flow list or mapping a comma ends an item, so a sentence written there
unquoted comes apart:

* :func:`split_items`: a flow list whose text a comma cut in two (CX007),
* :func:`split_key_hint`: an unknown key that is text a comma cut off (CX002),
* :func:`written_without_colon`: whether a key of ``{ }`` was written without ``:``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cxmap.findings import Mark
from cxmap.yamltraps.text import Hint, Position, quote, strip_comment

if TYPE_CHECKING:
    from cxmap.yamlsource import YMap


def _names(pieces: Sequence[str]) -> str:
    shown = [repr(piece) for piece in pieces]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


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
    return not any(":" in strip_comment(text) for text in between)


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
