"""Long tables of generated pages, rendered and cached row by row.

A team, channel or department page is mostly one long table with a row per touch
point; editing one journey changes a few of its rows. :func:`split_tables` takes
each long top-level table out of a page's Markdown, leaving a placeholder; the
page cache (:mod:`cxmap.mkdocs_cache`) renders only the rows it has not seen and
puts the table back with :func:`join_rows`. A table renders the same whether its
rows are rendered together or apart: a row's cells depend only on the header.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

MIN_ROWS = 12
"""Shorter tables are rendered with the rest of their page."""

_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_TABLE = re.compile(
    r"^(<table>\n<thead>\n.*?\n</thead>\n<tbody>\n)(.*)(\n</tbody>\n</table>)$", re.S
)
_ROW = re.compile(r"<tr>\n.*?\n</tr>", re.S)
_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)=["']([^"']+)["']""")
_LINK = re.compile(r"\]\(([^()\s]*)\)")
_HTML_TABLE = re.compile(r"<table>\n<thead>\n.*?\n</tbody>\n</table>", re.S)


@dataclass(frozen=True)
class Table:
    header: tuple[str, str]
    """The header row and the delimiter row."""
    rows: tuple[str, ...]

    def markdown(self, rows: list[str] | tuple[str, ...]) -> str:
        return "\n".join((*self.header, *rows)) + "\n"


def placeholder(number: int) -> str:
    """What stands for a long table cut out of a page's HTML."""
    return f'<div data-cxmap-table="{number}"></div>'


def marker(number: int) -> str:
    """What stands for a long table split out of a page's Markdown: a paragraph.

    Markdown writes a paragraph with the same spacing around it as a table, so the
    table can take its place in the HTML (``<p>MARKER</p>``) without a trace.
    """
    return f"CXMAPTABLE{number}END"


def rendered_marker(number: int) -> str:
    return f"<p>{marker(number)}</p>"


def split_tables(markdown: str) -> tuple[str, list[Table]]:
    """``markdown`` with each long top-level pipe table replaced by a :func:`marker`."""
    lines = markdown.split("\n")
    kept: list[str] = []
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        end = _table_end(lines, index)
        if end is None:
            kept.append(lines[index])
            index += 1
            continue
        header = (lines[index], lines[index + 1])
        tables.append(Table(header, tuple(lines[index + 2 : end])))
        kept.append(marker(len(tables) - 1))
        index = end
    return "\n".join(kept), tables


def _table_end(lines: list[str], start: int) -> int | None:
    """Where the long table starting at ``start`` ends, if one starts there."""
    if start + 1 >= len(lines) or not lines[start].startswith("|"):
        return None
    if start > 0 and lines[start - 1].strip():
        return None
    if not _DELIMITER.match(lines[start + 1]):
        return None
    end = start + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    if end - start - 2 < MIN_ROWS or (end < len(lines) and lines[end].strip()):
        return None
    return end


@dataclass(frozen=True)
class RenderedRows:
    """The HTML of a table rendered with some of its rows."""

    head: str
    rows: tuple[str, ...]
    tail: str


def rows_of(html: str, count: int) -> RenderedRows | None:
    """Split a rendered table into its rows; ``None`` unless it has ``count`` of them."""
    match = _TABLE.match(html.strip())
    if match is None:
        return None
    rows = tuple(_ROW.findall(match.group(2)))
    if len(rows) != count or "\n".join(rows) != match.group(2):
        return None
    return RenderedRows(match.group(1), rows, match.group(3))


def join_rows(head: str, rows: list[str], tail: str) -> str:
    return head + "\n".join(rows) + tail


def anchors_in(html: str) -> set[str]:
    """The ids (and ``<a name>``) that rendered HTML defines."""
    return set(_ID.findall(html))


def links_in(markdown: str, page: str) -> dict[str, dict[str, str]]:
    """Links to anchors in ``markdown`` of the page at ``page``: ``{file: {anchor: link}}``."""
    found: dict[str, dict[str, str]] = {}
    for link in _LINK.findall(markdown):
        path, hash_sign, anchor = link.partition("#")
        if not hash_sign or not anchor or "://" in path or path.startswith("/"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        found.setdefault(target, {}).setdefault(anchor, link)
    return found


def cut_tables(html: str) -> tuple[str, list[str]]:
    """``html`` with each long table replaced by a placeholder, and those tables."""
    cut: list[str] = []

    def replace(match: re.Match[str]) -> str:
        table = match.group()
        if table.count("<tr>") - 1 < MIN_ROWS:
            return table
        cut.append(table)
        return placeholder(len(cut) - 1)

    return _HTML_TABLE.sub(replace, html), cut


def put_back(html: str, tables: list[str]) -> str:
    """Undo :func:`cut_tables`."""
    for number, table in enumerate(tables):
        html = html.replace(placeholder(number), table, 1)
    return html
