"""The located YAML reader: positions, YAML 1.2 scalars, and hostile input."""

from __future__ import annotations

import math

import pytest

from cxmap.yamlsource import Limits, YList, YMap, parse, resolve_plain


def only_problem(raw: bytes, limits: Limits | None = None) -> tuple[str, str, tuple[int, int]]:
    source = parse(raw, limits)
    assert len(source.problems) == 1, source.problems
    problem = source.problems[0]
    return problem.code, problem.message, problem.mark


SAMPLE = (
    "journey:\n  id: returns\n  stages: [buy, support]\n"
    "  touchpoints:\n    - id: a\n      name: é x\n"
)


@pytest.mark.parametrize(
    "prefix, newline",
    [("", "\n"), ("\ufeff", "\n"), ("", "\r\n"), ("\ufeff", "\r\n")],
    ids=["plain", "bom", "crlf", "bom-crlf"],
)
def test_positions_are_one_based_and_survive_bom_and_crlf(
    loader: str, prefix: str, newline: str
) -> None:
    raw = (prefix + SAMPLE.replace("\n", newline)).encode("utf-8")
    source = parse(raw)
    assert source.problems == []
    root = source.data
    assert isinstance(root, YMap)
    assert root.mark == (1, 1)
    assert root.key_at("journey") == (1, 1)
    journey = root["journey"]
    assert isinstance(journey, YMap)
    assert journey.mark == (2, 3)
    assert journey.key_at("id") == (2, 3)
    assert journey.value_at("id") == (2, 7)
    stages = journey["stages"]
    assert isinstance(stages, YList)
    assert stages == ["buy", "support"]
    assert stages.item_at(1) == (3, 17)
    touchpoint = journey["touchpoints"][0]
    assert touchpoint.mark == (5, 7)
    assert touchpoint.value_at("name") == (6, 13)
    assert touchpoint["name"] == "é x"


def test_columns_count_characters_not_bytes(loader: str) -> None:
    source = parse("a: [é, ü, x]\n".encode())
    items = source.data["a"]  # type: ignore[index]
    assert items.item_at(2) == (1, 11)


@pytest.mark.parametrize(
    "text, value",
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("NO", "NO"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("~", None),
        ("null", None),
        ("", None),
        ("42", 42),
        ("-7", -7),
        ("0o17", 15),
        ("0x1F", 31),
        ("+3", 3),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("2026-09-01", "2026-09-01"),
        ("4h", "4h"),
        ("12:30", "12:30"),
        ("0b101", "0b101"),
        ("1_000", "1_000"),
        ("9" * 5000, "9" * 5000),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    resolved = resolve_plain(text)
    assert resolved == value
    assert type(resolved) is type(value)


def test_special_floats() -> None:
    assert resolve_plain("1e309") == math.inf
    assert resolve_plain("-.inf") == -math.inf
    assert math.isnan(resolve_plain(".NaN"))  # type: ignore[arg-type]


def test_quoted_and_block_scalars_are_always_text(loader: str) -> None:
    source = parse(b"a: 'yes'\nb: \"1\"\nc: |\n  true\nd: !!str 5\n")
    assert source.data == {"a": "yes", "b": "1", "c": "true\n", "d": "5"}


def test_keys_are_text_as_written(loader: str) -> None:
    source = parse(b"1: a\nyes: b\nnull: c\n")
    assert source.data == {"1": "a", "yes": "b", "null": "c"}


def test_a_repeated_key_is_reported_at_the_second_one_and_the_first_kept(loader: str) -> None:
    source = parse(b"a: 1\nb:\n  c: 2\n  c: 3\n")
    assert source.data == {"a": 1, "b": {"c": 2}}
    assert [(p.code, p.mark) for p in source.problems] == [("CX003", (4, 3))]
    assert "first at line 3" in source.problems[0].message


def test_a_mapping_as_key_is_refused_and_the_rest_kept(loader: str) -> None:
    source = parse(b"? [a, b]\n: 1\nc: 2\n")
    assert source.data == {"c": 2}
    assert [(p.code, p.mark) for p in source.problems] == [("CX002", (1, 3))]


def test_aliased_values_are_located_where_the_alias_is(loader: str) -> None:
    source = parse(b"a: &x {k: [1, 2]}\nb: *x\n")
    assert source.problems == []
    data = source.data
    assert isinstance(data, YMap)
    assert data == {"a": {"k": [1, 2]}, "b": {"k": [1, 2]}}
    assert data["a"] is not data["b"]
    assert data["a"].value_at("k") == (1, 11)
    assert data["b"].mark == data["b"].value_at("k") == data["b"]["k"].item_at(1) == (2, 4)


def test_merge_keys_fill_in_what_the_mapping_does_not_say(loader: str) -> None:
    source = parse(
        b"base: &base {owner: desk, channels: [web]}\ntp:\n  <<: *base\n  owner: lab\n  name: T\n"
    )
    assert source.problems == []
    tp = source.data["tp"]  # type: ignore[index]
    assert tp == {"owner": "lab", "name": "T", "channels": ["web"]}
    assert tp.key_at("channels") == (3, 3)
    assert tp.key_at("owner") == (4, 3)


def test_merge_key_needs_mappings(loader: str) -> None:
    source = parse(b"tp:\n  <<: [1, 2]\n  name: T\n")
    assert source.data == {"tp": {"name": "T"}}
    assert [(p.code, p.mark) for p in source.problems] == [("CX002", (2, 7))]


def test_anchored_and_aliased_keys(loader: str) -> None:
    source = parse(b"&k id: j\nother:\n  *k : x\n")
    assert source.problems == []
    assert source.data == {"id": "j", "other": {"id": "x"}}


def test_tags_on_keys_are_refused_too(loader: str) -> None:
    code, message, _ = only_problem(b"!!python/object:os.system id: j\n")
    assert code == "CX001"
    assert "!!python/object:os.system" in message


def test_problems_know_the_path_to_their_mapping(loader: str) -> None:
    source = parse(b"journey:\n  touchpoints:\n    - id: a\n    - id: b\n      id: c\n  id: j\n")
    assert [(p.code, p.path) for p in source.problems] == [("CX003", ("journey", "touchpoints", 1))]


def test_a_flow_list_cut_by_a_comma_is_a_problem_with_its_path(loader: str) -> None:
    source = parse(b"journey:\n  touchpoints:\n    - backstage: [Checks drawings, fee]\n")
    assert source.data == {"journey": {"touchpoints": [{"backstage": ["Checks drawings", "fee"]}]}}
    assert [(p.code, p.mark, p.path) for p in source.problems] == [
        ("CX007", (3, 36), ("journey", "touchpoints", 0, "backstage"))
    ]


# -- hostile input: each refused with one located CX001 ------------------------------


def test_alias_bomb_is_refused_before_it_expands(loader: str) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 9):
        previous, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    code, message, mark = only_problem("\n".join(lines).encode())
    assert code == "CX001"
    assert "aliases expand to more than" in message
    assert mark[0] > 1


def test_too_many_aliases_are_refused(loader: str) -> None:
    raw = b"a: &a x\nb: [" + b", ".join([b"*a"] * 20) + b"]\n"
    code, message, _ = only_problem(raw, Limits(max_aliases=10))
    assert (code, message) == ("CX001", "more than 10 aliases in one file")


def test_recursive_and_undefined_aliases_are_refused(loader: str) -> None:
    assert only_problem(b"a: &a [1, *a]\n") == ("CX001", "alias *a is recursive", (1, 11))
    assert only_problem(b"a: *nowhere\n") == (
        "CX001",
        "alias *nowhere names no earlier anchor",
        (1, 4),
    )


def test_deep_nesting_is_refused(loader: str) -> None:
    code, message, _ = only_problem(b"a: " + b"[" * 100_000 + b"]" * 100_000)
    assert code == "CX001"
    assert message == "nesting is deeper than 64 levels"


@pytest.mark.parametrize(
    "raw, shown",
    [
        (b"a: !!python/object/apply:os.system [echo hi]\n", "!!python/object/apply:os.system"),
        (b"a: !!python/name:os.system ''\n", "!!python/name:os.system"),
        (b"a: !custom {x: 1}\n", "!custom"),
        (b"a: !!binary aGVsbG8=\n", "!!binary"),
        (b"a: !!set {x, y}\n", "!!set"),
        (b"!!omap\n- a: 1\n", "!!omap"),
    ],
)
def test_tags_that_construct_objects_are_refused(loader: str, raw: bytes, shown: str) -> None:
    code, message, _ = only_problem(raw)
    assert code == "CX001"
    assert message == f"the tag {shown} is not allowed: cxmap reads plain data only"


def test_a_wrongly_tagged_value_is_refused(loader: str) -> None:
    assert only_problem(b"a: !!int many\n")[:2] == ("CX001", "'many' is not a valid !!int")


def test_several_documents_are_refused(loader: str) -> None:
    assert only_problem(b"a: 1\n---\nb: 2\n") == (
        "CX001",
        "a journey file holds one YAML document; found a second one",
        (2, 1),
    )


def test_huge_files_are_refused_without_parsing() -> None:
    code, message, mark = only_problem(b"a: b\n" * 1000, Limits(max_file_size=2048))
    assert code == "CX001"
    assert "more than the limit of 2,048" in message
    assert mark == (1, 1)


def test_invalid_utf8_points_at_the_bad_byte() -> None:
    code, message, mark = only_problem(b"a: ok\nb: caf\xe9\n")
    assert (code, mark) == ("CX001", (2, 7))
    assert "not valid UTF-8" in message


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("a: 1\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_binary_and_utf16_are_refused(raw: bytes, words: str) -> None:
    code, message, _ = only_problem(raw)
    assert code == "CX001"
    assert words in message


def test_control_characters_are_located(loader: str) -> None:
    code, message, mark = only_problem(b"a: ok\nb: x\x07y\n")
    assert (code, mark) == ("CX001", (2, 5))
    assert "not allowed" in message


@pytest.mark.parametrize("raw", [b"a:\n\tb: 1\n", "é: ü\na:\n\tb: 1\n".encode()])
def test_tabs_get_a_plain_explanation(loader: str, raw: bytes) -> None:
    code, message, mark = only_problem(raw)
    assert code == "CX001"
    assert mark[1] == 1
    assert "tab" in message


def test_syntax_errors_are_located(loader: str) -> None:
    code, message, mark = only_problem(b"a: [1, 2\nb: 3\n")
    assert (code, mark) == ("CX001", (2, 1))
    assert message.startswith("the '[' on line 1 is never closed")
    assert "close it with ']': a: [1, 2]" in message


@pytest.mark.parametrize("raw", [b"", b"# only a comment\n", b"---\n", b"~\n"])
def test_empty_documents_have_no_data(loader: str, raw: bytes) -> None:
    source = parse(raw)
    assert source.data is None
    assert source.problems == []
