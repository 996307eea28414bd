"""YAML's traps for people who write text: each explained at its place, with the fix.

Every trap is written into a journey file of a small project and checked as a user
would, with libyaml's C parser and with the pure-Python one.
"""

from __future__ import annotations

import pytest
import yaml
from helpers import ORGANIZATION, QUIET, MakeProject, check

from cxmap.findings import Finding
from cxmap.yamlsource import YList, YMap, parse
from cxmap.yamltraps import quote, split_items, split_lines, written_without_colon

HEAD = """journey:
  id: j
  title: T
  owner: support-desk
  stages: [support]
  touchpoints:
    - id: a
      name: A
      stage: support
      owner: support-desk
      expectation: An answer
"""
"""A clean journey of 11 lines; a test appends the lines of its touch point 'a'."""


def findings(make_project: MakeProject, journey: str, *codes: str) -> list[Finding]:
    report = check(make_project({"j.yaml": journey}, config=QUIET), select=codes or ("CX0",))
    return report.findings


def only(make_project: MakeProject, journey: str, code: str) -> Finding:
    found = findings(make_project, journey)
    assert [f.code for f in found] == [code], [(f.code, f.line, f.message) for f in found]
    return found[0]


# -- a comma inside [ ] (CX007) -------------------------------------------------------


def test_a_sentence_cut_by_a_comma_in_a_flow_list_is_reported(
    make_project: MakeProject, loader: str
) -> None:
    journey = HEAD + "      backstage: [Checks drawings, fee and ownership]\n"
    finding = only(make_project, journey, "CX007")
    assert (finding.line, finding.column) == (12, 36)
    assert (finding.journey, finding.touchpoint) == ("j", "a")
    assert finding.severity.value == "warning"
    assert finding.message == (
        "'fee and ownership' became an item of its own: the comma before it split the text. "
        'If it is one text, quote it: ["Checks drawings, fee and ownership"], '
        "or write one item per line"
    )


def test_several_pieces_are_one_finding_and_the_fix_keeps_the_other_items(
    make_project: MakeProject, loader: str
) -> None:
    journey = HEAD + "      pain_points: [Long wait, No updates, nobody calls, or writes, Rude]\n"
    finding = only(make_project, journey, "CX007")
    assert (finding.line, finding.column) == (12, 44)
    assert finding.message.startswith(
        "'nobody calls' and 'or writes' became items of their own: the commas before them"
    )
    assert '[Long wait, "No updates, nobody calls, or writes", Rude]' in finding.message


@pytest.mark.parametrize(
    "line",
    [
        "      channels: [web, email]",
        "      tags: [returns, digital]",
        "      pain_points: [Long wait, No updates]",
        "      ignore: [CX305, CX202]",
        "      next: [a, b]",
        '      backstage: ["Checks drawings", fee and ownership]',
        "      backstage: ['Checks drawings', 'fee and ownership']",
        "      backstage: [Checks drawings]",
        "      backstage:\n        - Checks drawings\n        - fee and ownership",
        "      support_processes: [ERP, 3 forms]",
    ],
)
def test_real_lists_stay_quiet(make_project: MakeProject, loader: str, line: str) -> None:
    journey = HEAD + line + "\n"
    assert findings(make_project, journey, "CX007") == []


def test_stage_lists_stay_quiet(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("stages: [support]", "stages: [aware, buy, use]")
    assert findings(make_project, journey, "CX007") == []


def test_flow_comma_can_be_ignored_like_any_check(make_project: MakeProject, loader: str) -> None:
    journey = (
        HEAD + "      backstage: [Checks drawings, fee and ownership]\n      ignore: [CX007]\n"
    )
    assert findings(make_project, journey, "CX007", "CX006") == []
    journey = journey.replace("      ignore: [CX007]\n", "").replace(
        "  owner: support-desk\n  stages", "  owner: support-desk\n  ignore: [CX007]\n  stages", 1
    )
    assert findings(make_project, journey, "CX007", "CX006") == []


def test_flow_comma_in_the_organisation_file_is_located_there(make_project: MakeProject) -> None:
    organization = ORGANIZATION.replace(
        "      description: Buys online for the first time, unsure about sizes.",
        "      description: [Buys online for the first time, unsure about sizes]",
    )
    report = check(make_project({}, organization=organization), select=("CX007",))
    assert [(f.code, f.file, f.line) for f in report.findings] == [
        ("CX007", "journeys/organization.yaml", 22)
    ]


def test_split_items_rule() -> None:
    marks = [(1, column) for column in range(1, 6)]
    assert split_items(["Checks drawings", "fee"], marks)[0][1] == (1, 2)
    assert split_items(["web", "Email"], marks) == []
    assert split_items(["Checks drawings", None], marks) == []
    assert split_items([None, "fee"], marks) == []
    assert split_items(["Élan vital", "über alles"], marks)[0][1] == (1, 2)
    assert 'quote it: "Checks, fee\'s", or' in split_items(["Checks", "fee's", None], marks)[0][0]
    two = split_items(["Checks", "fee", "Sends", "invoice"], marks)
    assert [mark for _, mark in two] == [(1, 2), (1, 4)]
    assert '["Checks, fee", "Sends, invoice"]' in two[0][0]


# -- a comma inside { }: a key that is text (CX002) --------------------------------------


def test_text_split_off_a_flow_mapping_value_says_why(
    make_project: MakeProject, loader: str
) -> None:
    journey = HEAD.replace(
        "      expectation: An answer\n",
        "      expectation: {text: One form feeds licensing, highways and the SAG, within: 30m}\n",
    )
    finding = only(make_project, journey, "CX002")
    assert (finding.line, finding.column) == (11, 53)
    assert finding.touchpoint == "a"
    assert finding.message == (
        "'highways and the SAG' is not a key: the comma before it ended the text of 'text'. "
        'Quote the whole text: text: "One form feeds licensing, highways and the SAG"'
    )


def test_several_pieces_split_off_are_put_back_together(
    make_project: MakeProject, loader: str
) -> None:
    journey = HEAD.replace(
        "      expectation: An answer\n",
        "      expectation: {text: Forms, permits, and fees, within: 2d}\n",
    )
    found = findings(make_project, journey)
    assert [(f.code, f.line, f.column) for f in found] == [
        ("CX002", 11, 34),
        ("CX002", 11, 43),
    ]
    assert all('text: "Forms, permits, and fees"' in f.message for f in found)


@pytest.mark.parametrize(
    "value, message",
    [
        ("{text: x, y, within: 4h}", "unknown key 'y'"),
        ("{text: One form, within: 4h, ownr: x}", "unknown key 'ownr'"),
        ("{text: One form, highways: x}", "unknown key 'highways'"),
    ],
)
def test_other_unknown_keys_keep_the_plain_message(
    make_project: MakeProject, loader: str, value: str, message: str
) -> None:
    journey = HEAD.replace("expectation: An answer", f"expectation: {value}")
    assert only(make_project, journey, "CX002").message == message


def test_unquoted_text_split_off_after_a_block_mapping_is_not_a_flow_slip(
    make_project: MakeProject, loader: str
) -> None:
    journey = HEAD.replace(
        "      expectation: An answer\n",
        "      expectation:\n        text: One form\n        highways and the SAG:\n",
    )
    assert only(make_project, journey, "CX002").message == "unknown key 'highways and the SAG'"


@pytest.mark.parametrize(
    "text, bare",
    [
        ("{a, b: c}", {"a"}),
        ("{a: , b: c}", set()),
        ("{a: c, b}", {"b"}),
        ("{a: c, b }", {"b"}),
        ("{a: c, b\n}", {"b"}),
        ("{a: c, b # note: x\n, d: e}", {"b"}),
        ("{a: c, b # no colon\n, d: e}", {"b"}),
        ("{a: c, ? b # x\n : y, d: e}", set()),
        ("{a: c,\n b,\n c: d}", {"b"}),
        ("{a: c, b: }", set()),
        ("{a: c, 'b c'}", {"b c"}),
        ("{? a, b: c}", {"a"}),
        ("{a: '', b: \"\"}", set()),
        ("{a: !!str , b: c}", set()),
    ],
)
def test_keys_written_without_a_colon_are_told_apart(
    loader: str, text: str, bare: set[str]
) -> None:
    source = parse(f"m: {text}\n".encode())
    assert source.problems == []
    assert isinstance(source.data, YMap)
    mapping = source.data["m"]
    assert isinstance(mapping, YMap)
    assert mapping.flow
    assert set(mapping.bare_keys) == bare


def test_flow_style_is_recorded_and_survives_aliases(loader: str) -> None:
    source = parse(b"a: &x {k: [1, 2], b}\nc: *x\nd:\n  e: [f]\ng:\n  - h\n")
    data = source.data
    assert isinstance(data, YMap)
    assert not data.flow
    assert data["a"].flow and data["c"].flow
    assert data["a"].bare_keys == data["c"].bare_keys == {"b"}
    assert isinstance(data["c"]["k"], YList) and data["c"]["k"].flow
    assert not data["d"].flow and data["d"]["e"].flow
    assert not data["g"].flow


def test_written_without_colon_stays_inside_the_lines() -> None:
    lines = split_lines("{a, b: c}")
    assert written_without_colon(lines, (0, 2), (0, 2))
    assert not written_without_colon(lines, (3, 0), (4, 0))


def test_quote_picks_the_quotes_the_text_allows() -> None:
    assert quote("Note: call first") == '"Note: call first"'
    assert quote('"Reply" within') == "'\"Reply\" within'"
    assert quote("C:\\docs, it's") == "'C:\\docs, it''s'"
    for text in ("Note: call first", '"Reply" within', "C:\\docs, it's"):
        assert yaml.safe_load(f"k: {quote(text)}") == {"k": text}


# -- indentation, colons and quotes (CX001) ------------------------------------------


def syntax(make_project: MakeProject, journey: str) -> Finding:
    finding = only(make_project, journey, "CX001")
    assert finding.message.endswith(")") and "(parser: " in finding.message
    return finding


def test_a_key_indented_deeper_than_its_siblings(make_project: MakeProject, loader: str) -> None:
    journey = HEAD + "        channels: [web]\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (12, 9)
    assert finding.message.startswith(
        "'channels' is indented deeper than 'expectation' above it, so YAML reads it as "
        "more of the text of 'expectation'; line it up with 'expectation' (column 7)"
    )


def test_a_key_indented_deeper_after_a_finished_value(
    make_project: MakeProject, loader: str
) -> None:
    journey = HEAD.replace("expectation: An answer", 'expectation: "An answer"')
    journey += "        channels: [web]\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (12, 9)
    assert "indented deeper than 'expectation' above it, which already has its value" in (
        finding.message
    )
    assert "line it up with 'expectation' (column 7)" in finding.message


def test_a_key_indented_less_than_its_siblings(make_project: MakeProject, loader: str) -> None:
    journey = HEAD + "     channels: [web]\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (12, 6)
    assert finding.message.startswith(
        "'channels' is indented less than 'expectation' above it, so YAML cannot tell which "
        "mapping it belongs to; line it up with 'expectation' (column 7), "
        "or with 'touchpoints' (column 3) if it belongs there"
    )


def test_a_key_that_slipped_to_column_one(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("  owner: support-desk\n  stages", "owner: support-desk\n  stages")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (4, 1)
    assert finding.message.startswith(
        "'owner' starts in column 1, so YAML reads it as a second top-level key beside "
        "'journey'; indent it like the other keys under 'journey' (column 3)"
    )


@pytest.mark.parametrize("indent, line", [("   ", 12), ("     ", 12)])
def test_a_list_item_out_of_line_with_the_others(
    make_project: MakeProject, loader: str, indent: str, line: int
) -> None:
    journey = HEAD + f"{indent}- id: b\n      name: B\n      stage: support\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (line, len(indent) + 1)
    assert finding.message.startswith(
        f"this list item is out of line with the items above it: its '-' is in column "
        f"{len(indent) + 1}, theirs in column 5 (line 7); put the '-' of every item of a "
        "list in the same column"
    )


def test_a_key_where_a_list_item_goes(make_project: MakeProject, loader: str) -> None:
    journey = HEAD + "      pain_points:\n        - Long wait\n        No updates: x\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (14, 9)
    assert "'No updates' is in the column of the '-' above it but has no '-' itself" in (
        finding.message
    )


def test_a_quote_closed_before_the_end_of_the_value(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("expectation: An answer", 'expectation: "Reply" within a day')
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (11, 26)
    assert finding.message.startswith(
        "the quote closes before the text ends, so YAML cannot place 'within a day' after it; "
        "put the whole text in quotes: expectation: '\"Reply\" within a day'"
    )


def test_a_quote_closed_early_inside_a_flow_list(make_project: MakeProject, loader: str) -> None:
    journey = HEAD + '      pain_points: ["No" reply, Long wait]\n'
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (12, 24)
    assert "cannot place 'reply' after it; put the whole text in quotes: '\"No\" reply'" in (
        finding.message
    )


def test_an_apostrophe_inside_single_quotes(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("expectation: An answer", "expectation: 'We're open'")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (11, 23)
    assert finding.message.startswith(
        'the apostrophe in "We\'re open" closes the single quotes; put the text in double '
        'quotes: expectation: "We\'re open", or write the apostrophe twice: '
        "expectation: 'We''re open'"
    )


def test_a_colon_and_a_space_inside_text(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("name: A", "name: Note: call first")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (8, 17)
    assert finding.message.startswith(
        "a colon followed by a space starts a key in YAML, and this one is inside the text "
        "of 'name'; put the text in quotes: name: \"Note: call first\""
    )


def test_a_colon_and_a_space_inside_flow_text(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace(
        "expectation: An answer", "expectation: {text: Note: call first, within: 4h}"
    )
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (11, 31)
    assert "so 'Note: call first' cannot stand unquoted inside { }" in finding.message
    assert 'put it in quotes: "Note: call first"' in finding.message


def test_a_key_without_its_colon(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("      name: A\n", "      name A\n")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (8, 7)
    assert finding.message.startswith(
        "'name' has no colon after it, so YAML cannot read it as a key; write name: A"
    )


def test_a_colon_without_a_space(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("      name: A\n", "      name:A\n")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (8, 7)
    assert finding.message.startswith(
        "'name:A' has no space after its colon, so YAML reads it as text, not as the key "
        "'name'; write name: A"
    )


def test_an_unclosed_quote(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("name: A", 'name: "Call first')
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (8, 13)
    assert finding.message.startswith(
        "this quote is never closed, so YAML reads the rest of the file as part of the text; "
        'end the text with a closing ": name: "Call first"'
    )


def test_an_unclosed_quote_at_the_end_of_the_file(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("expectation: An answer", "expectation: 'An answer")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (11, 20)
    assert finding.message.startswith(
        "this quote is never closed, so YAML reads the rest of the file as part of the text; "
        "end the text with a closing ': expectation: 'An answer'"
    )


def test_a_quote_that_runs_on_to_the_next_quote(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("name: A", 'name: "Call first').replace(
        "expectation: An answer", 'expectation: "An answer"'
    )
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (8, 13)
    assert finding.message.startswith(
        "the quote opened on line 8 is not closed on that line, so YAML reads on to the "
        'next " on line 11; close it on line 8: name: "Call first"'
    )


@pytest.mark.parametrize(
    "value, opener, closer",
    [("channels: [web, email", "[", "]"), ("expectation: {text: An answer", "{", "}")],
)
def test_an_unclosed_bracket(
    make_project: MakeProject, loader: str, value: str, opener: str, closer: str
) -> None:
    journey = HEAD.replace("expectation: An answer", value) + "      emotion: 1\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (12, 7)
    shape = "list" if opener == "[" else "mapping"
    assert finding.message.startswith(
        f"the '{opener}' on line 11 is never closed, so YAML reads on past the end of the "
        f"{shape}; close it with '{closer}': {value}{closer}"
    )


def test_an_unclosed_bracket_over_several_lines(make_project: MakeProject, loader: str) -> None:
    journey = HEAD + "      channels: [web,\n        email\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (14, 1)
    assert "the '[' on line 12 is never closed" in finding.message
    assert "close it with ']' at the end of line 13: email]" in finding.message


@pytest.mark.parametrize("char", ["*", "@", "`", "&", "%", ">", "|"])
def test_text_that_starts_with_a_reserved_character(
    make_project: MakeProject, loader: str, char: str
) -> None:
    journey = HEAD.replace("expectation: An answer", f"expectation: {char}fast{char} answer")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (11, 20)
    assert finding.message.startswith(f"text cannot start with {char!r} in YAML")
    assert f'put the text in quotes: expectation: "{char}fast{char} answer"' in finding.message


def test_a_backslash_in_double_quotes(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("expectation: An answer", 'expectation: "See S:\\docs"')
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (11, 27)
    assert "use single quotes: expectation: 'See S:\\docs'" in finding.message


def test_tabs_keep_their_message(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("      expectation", "\texpectation")
    finding = only(make_project, journey, "CX001")
    assert (finding.line, finding.column, finding.message) == (
        11,
        1,
        "a tab character cannot indent YAML; use spaces",
    )


def test_a_stray_closing_bracket(make_project: MakeProject, loader: str) -> None:
    journey = HEAD + "      emotion: [1, 2]]\n"
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (12, 22)
    assert finding.message.startswith("this ']' closes nothing: remove it (parser: ")


def test_a_wrapped_line_that_lost_its_indentation(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("name: A", "name: A name that an editor\nwrapped")
    finding = syntax(make_project, journey)
    assert (finding.line, finding.column) == (9, 1)
    assert finding.message.startswith(
        "this line is indented no deeper than 'name' above it, so YAML cannot read it as "
        "more of the text of 'name'; indent it deeper than 'name' (column 7), or join it "
        "to the line above"
    )


def test_other_syntax_errors_keep_the_parser_words(make_project: MakeProject, loader: str) -> None:
    journey = HEAD.replace("  title: T\n", "  title: T\n    more text\n  - item\n")
    finding = only(make_project, journey, "CX001")
    assert (finding.line, finding.column) == (5, 3)
    assert "(while parsing a block mapping at line 2)" in finding.message
