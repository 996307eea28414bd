"""Long tables apart from their pages: split from Markdown, rendered by rows, cut from HTML."""

from __future__ import annotations

import markdown

from cxmap.mkdocs_tables import (
    MIN_ROWS,
    Table,
    anchors_in,
    cut_tables,
    join_rows,
    links_in,
    marker,
    placeholder,
    put_back,
    rendered_marker,
    rows_of,
    split_tables,
)

HEADER = "| Touch point | Team |\n| --- | ---: |"


def _rows(count: int, start: int = 0) -> list[str]:
    return [f"| [Step {n}](../journeys/j.md#tp-{n}) | *team {n}* |" for n in range(start, count)]


def _page(
    rows: list[str], before: str = "# Title\n\nSome text.\n", after: str = "\nMore.\n"
) -> str:
    return before + "\n" + HEADER + "\n" + "\n".join(rows) + "\n" + after


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


def test_a_long_table_is_split_out_and_the_rest_keeps_its_lines() -> None:
    rows = _rows(MIN_ROWS)
    skeleton, tables = split_tables(_page(rows))
    assert tables == [Table(("| Touch point | Team |", "| --- | ---: |"), tuple(rows))]
    assert skeleton == "# Title\n\nSome text.\n\n" + marker(0) + "\n\nMore.\n"


def test_a_table_takes_the_place_of_its_marker_without_a_trace() -> None:
    rows = _rows(MIN_ROWS)
    page = _page(rows)
    skeleton, tables = split_tables(page)
    table_html = _html(tables[0].markdown(tables[0].rows)).strip()
    joined = _html(skeleton).replace(rendered_marker(0), table_html)
    assert joined == _html(page)


def test_short_tables_and_tables_glued_to_text_stay_in_the_page() -> None:
    short = _page(_rows(MIN_ROWS - 1))
    assert split_tables(short) == (short, [])
    glued = "Text right above\n" + HEADER + "\n" + "\n".join(_rows(MIN_ROWS)) + "\n"
    assert split_tables(glued) == (glued, [])
    followed = "\n" + HEADER + "\n" + "\n".join(_rows(MIN_ROWS)) + "\nno blank line\n"
    assert split_tables(followed) == (followed, [])
    indented = "!!! note\n\n    " + HEADER.replace("\n", "\n    ") + "\n"
    assert split_tables(indented) == (indented, [])


def test_rows_rendered_apart_join_into_the_table_rendered_whole() -> None:
    rows = _rows(MIN_ROWS + 3)
    table = Table(("| Touch point | Team |", "| --- | ---: |"), tuple(rows))
    whole = _html(table.markdown(rows))
    first = rows_of(_html(table.markdown(rows[:5])), 5)
    rest = rows_of(_html(table.markdown(rows[5:])), len(rows) - 5)
    assert first is not None and rest is not None
    assert first.head == rest.head and first.tail == rest.tail
    assert join_rows(first.head, [*first.rows, *rest.rows], first.tail) == whole.strip()


def test_rows_of_refuses_html_it_cannot_split_safely() -> None:
    rows = _rows(3)
    table = Table(("| Touch point | Team |", "| --- | ---: |"), tuple(rows))
    html = _html(table.markdown(rows))
    assert rows_of(html, 2) is None, "the wrong number of rows"
    assert rows_of("<p>not a table</p>", 1) is None


def test_long_tables_are_cut_from_html_and_put_back_exactly() -> None:
    html = _html(_page(_rows(MIN_ROWS)) + "\n" + HEADER + "\n" + "\n".join(_rows(2)) + "\n")
    cut, tables = cut_tables(html)
    assert len(tables) == 1, "only the long table is cut"
    assert placeholder(0) in cut and "Step 11" not in cut
    assert cut.count("<table>") == 1, "the short one stays"
    assert put_back(cut, tables) == html


def test_anchors_and_links_of_table_rows() -> None:
    assert anchors_in('<td><span id="tp-a">x</span><a name="old">y</a></td>') == {"tp-a", "old"}
    links = links_in(
        "| [a](../journeys/j.md#tp-1) | [b](#here) | [c](other.md) | [d](https://x.org/#y) |",
        "teams/t.md",
    )
    assert links == {
        "journeys/j.md": {"tp-1": "../journeys/j.md#tp-1"},
        "teams/t.md": {"here": "#here"},
    }
