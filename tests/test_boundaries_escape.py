"""Escaping user text for the handbook's Markdown, character by character."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from cxmap.handbook.escape import markdown_text, yaml_string


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a|b", "a\\|b"),  # a table cell would end here
        ("| starts", "\\| starts"),
        ("**bold** [link](x)", "\\*\\*bold\\*\\* \\[link\\](x)"),
        ("`code` _under_ {brace} #tag \\", "\\`code\\` \\_under\\_ \\{brace\\} \\#tag \\\\"),
        ("<script>&", "&lt;script&gt;&amp;"),
        ('say "hi", it\'s', 'say "hi", it\'s'),  # quotes are text in Markdown
        ("line\n  break\ttab", "line break tab"),
        ("plain (text). ok!", "plain (text). ok!"),
    ],
)
def test_markdown_punctuation_and_html(text: str, escaped: str) -> None:
    assert markdown_text(text) == escaped


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("  - indented", " \\- indented"),
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        (" 3. third", " 3\\. third"),
        ("-1 degrees", "\\-1 degrees"),
        ("2026 was a year", "2026 was a year"),
        ("a - b + c 1. d", "a - b + c 1. d"),  # only at the start of the value
    ],
)
def test_list_markers_at_the_start(text: str, escaped: str) -> None:
    assert markdown_text(text) == escaped


def test_markup_and_other_values_pass_through() -> None:
    link = Markup('<a href="x">**x** - y</a>')
    assert markdown_text(link) is link
    assert markdown_text(3) == 3
    assert markdown_text(None) is None
    assert markdown_text(["- a"]) == ["- a"]


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("Plain", '"Plain"'),
        ('A "quoted" <b>', '"A \\"quoted\\" &lt;b&gt;"'),
        ("it's & more", '"it\'s &amp; more"'),
        ("Größe — ok", '"Gr\\u00f6\\u00dfe \\u2014 ok"'),
    ],
)
def test_yaml_string_is_an_ascii_json_string_of_html_escaped_text(value: str, quoted: str) -> None:
    result = yaml_string(value)
    assert isinstance(result, Markup)
    assert str(result) == quoted
