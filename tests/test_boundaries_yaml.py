"""Reading YAML, validating it and durations, at their boundaries.

``cxmap.yamlsource.parse`` on bytes (with both parsers, through the ``loader``
fixture), ``cxmap.validation`` through ``lint`` of a small project, and
``cxmap.model.Duration`` directly and as a pydantic type: exact values, types,
messages and 1-based positions where one step off would change them.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from cxmap.model import Duration
from cxmap.model.types import Code, ListOf, Located, Slug, Text
from cxmap.validation import validate
from cxmap.yamlsource import Limits, Problem, YList, YMap, parse

# -- helpers ---------------------------------------------------------------------------


def problems(raw: bytes, limits: Limits | None = None) -> list[tuple[str, str, tuple[int, int]]]:
    return [(p.code, p.message, p.mark) for p in parse(raw, limits).problems]


def refused(raw: bytes, limits: Limits | None = None) -> tuple[str, tuple[int, int]]:
    """The one CX001 problem that made ``raw`` unreadable: its message and position."""
    source = parse(raw, limits)
    assert source.fatal is True
    assert source.data is None
    (problem,) = source.problems
    assert problem.code == "CX001"
    return problem.message, problem.mark


# -- bytes that are not UTF-8 text ------------------------------------------------------


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_is_refused_at_the_start(loader: str, bom: bytes) -> None:
    assert refused(bom + "a: 1\n".encode("utf-16-le")) == (
        "the file is UTF-16 encoded; save it as UTF-8",
        (1, 1),
    )


@pytest.mark.parametrize(
    ("raw", "mark"),
    [
        (b"\x00ab\x00", (1, 1)),  # the first NUL, even at offset 0
        (b"ab\n\x00", (2, 1)),
        (b"a: 1\nb: 2\nc: x\x00y\x00\n", (3, 5)),
    ],
)
def test_nul_bytes_are_refused_at_the_first_one(
    loader: str, raw: bytes, mark: tuple[int, int]
) -> None:
    assert refused(raw) == ("the file contains NUL bytes: it is binary, not YAML text", mark)


@pytest.mark.parametrize(
    ("raw", "mark"),
    [
        (b"\xffa: 1\n", (1, 1)),
        (b"\nab\xff", (2, 3)),  # the only newline is the file's first byte
        (b"a\n\nb\n\xffc\nd\n", (4, 1)),  # newlines before and after the bad byte
        (b"x: \xc3\xa4\xc3\xa4 \xe9\n", (1, 7)),  # columns count characters, not bytes
    ],
)
def test_invalid_utf8_is_refused_at_the_first_bad_byte(
    loader: str, raw: bytes, mark: tuple[int, int]
) -> None:
    byte = next(b for b in raw if b >= 0xE9 or b == 0xFF)
    assert refused(raw) == (
        f"the file is not valid UTF-8 (byte 0x{byte:02x}); save it as UTF-8",
        mark,
    )


@pytest.mark.parametrize(
    ("raw", "message", "mark"),
    [
        (b"a: \x01\n", "U+0001 is a control character, not allowed in YAML", (1, 4)),
        (b"\nb: \x01\n", "U+0001 is a control character, not allowed in YAML", (2, 4)),
        (b"\n\nb: x\x7f\n", "U+007F is a control character, not allowed in YAML", (3, 5)),
        (
            b"a: 1\n\nb: 2\nc: \x1b[0m\nd: 3\n",
            "U+001B is a control character, not allowed in YAML",
            (4, 4),
        ),
    ],
)
def test_control_characters_are_refused_where_they_are(
    loader: str, raw: bytes, message: str, mark: tuple[int, int]
) -> None:
    assert refused(raw) == (message, mark)


def test_a_utf8_byte_order_mark_is_skipped(loader: str) -> None:
    source = parse(b"\xef\xbb\xbfa: 1\n")
    assert source.data == {"a": 1}
    assert source.problems == []
    assert source.fatal is False
    assert isinstance(source.data, YMap)
    assert source.data.key_at("a") == (1, 1)


# -- limits ------------------------------------------------------------------------------


def test_a_file_of_exactly_the_size_limit_is_read(loader: str) -> None:
    raw = b"a: 12345\n"
    assert parse(raw, Limits(max_file_size=len(raw))).data == {"a": 12345}
    assert refused(raw, Limits(max_file_size=len(raw) - 1)) == (
        "the file is 9 bytes, more than the limit of 8 (limits.max_file_size in cxmap.yaml)",
        (1, 1),
    )


def test_the_size_limit_message_groups_digits(loader: str) -> None:
    raw = b"a: " + b"x" * 1234 + b"\n"
    assert refused(raw, Limits(max_file_size=1000))[0] == (
        "the file is 1,238 bytes, more than the limit of 1,000 (limits.max_file_size in cxmap.yaml)"
    )


def aliases(count: int) -> bytes:
    return b"a: &x 1\nb: [" + b", ".join([b"*x"] * count) + b"]\n"


def test_exactly_max_aliases_are_allowed(loader: str) -> None:
    source = parse(aliases(3), Limits(max_aliases=3))
    assert source.problems == []
    assert source.data == {"a": 1, "b": [1, 1, 1]}


def test_one_alias_more_than_max_aliases_is_refused_at_that_alias(loader: str) -> None:
    assert refused(aliases(4), Limits(max_aliases=3)) == (
        "more than 3 aliases in one file",
        (2, 17),
    )
    assert refused(aliases(1), Limits(max_aliases=0)) == ("more than 0 aliases in one file", (2, 5))


def test_alias_expansion_is_counted_at_full_size(loader: str) -> None:
    # The anchored list weighs 4 nodes (itself and three items); two aliases add 8.
    raw = b"a: &x [1, 2, 3]\nb: *x\nc: *x\n"
    assert parse(raw, Limits(max_nodes=8)).data == {"a": [1, 2, 3], "b": [1, 2, 3], "c": [1, 2, 3]}
    assert refused(raw, Limits(max_nodes=7)) == ("aliases expand to more than 7 nodes", (3, 4))
    assert refused(raw, Limits(max_nodes=3)) == ("aliases expand to more than 3 nodes", (2, 4))


def test_nested_anchors_weigh_what_they_contain(loader: str) -> None:
    # *y weighs 1 (a scalar); *x weighs 1 + 2 (a mapping holding a list of one item).
    raw = b"a: &y v\nb: &x {k: [1]}\nc: *y\nd: *x\n"
    assert parse(raw, Limits(max_nodes=4)).problems == []
    assert refused(raw, Limits(max_nodes=3)) == ("aliases expand to more than 3 nodes", (4, 4))
    key = b"k: &y v\n*y : 1\nc: *y\n"  # an alias used as a key counts once too
    assert parse(key, Limits(max_nodes=2)).data == {"k": "v", "v": 1, "c": "v"}
    assert refused(key, Limits(max_nodes=1)) == ("aliases expand to more than 1 nodes", (3, 4))


def nested(depth: int) -> bytes:
    return b"a: " + b"[" * depth + b"]" * depth + b"\n"


def test_nesting_exactly_max_depth_is_allowed(loader: str) -> None:
    # The top mapping is one level, each list another.
    assert parse(nested(3), Limits(max_depth=4)).problems == []
    assert refused(nested(4), Limits(max_depth=4)) == ("nesting is deeper than 4 levels", (1, 7))


def test_aliases_and_nesting_limits_are_per_file(loader: str) -> None:
    limits = Limits(max_aliases=1)
    for _ in range(3):
        assert parse(b"a: &x 1\nb: *x\n", limits).problems == []


# -- tags --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (b"a: !!float 3\n", 3.0),
        (b"a: !!float 1.5\n", 1.5),
        (b"a: !!float -2\n", -2.0),
        (b"a: !!int 7\n", 7),
        (b"a: !!int 0o17\n", 15),
        (b"a: !!bool true\n", True),
        (b"a: !!bool False\n", False),
        (b"a: !!null ~\n", None),
        (b"a: !!null\n", None),
        (b"a: !!str 5\n", "5"),
        (b"a: !<tag:yaml.org,2002:str> 5\n", "5"),
        (b"a: 5\n", 5),
    ],
)
def test_allowed_scalar_tags_give_exactly_their_type(
    loader: str, raw: bytes, value: object
) -> None:
    source = parse(raw)
    assert source.problems == []
    assert isinstance(source.data, YMap)
    assert source.data["a"] == value
    assert type(source.data["a"]) is type(value)


def test_the_non_specific_tag_is_accepted(loader: str) -> None:
    # PyYAML reports `! 5` with the tag "!" and resolves it as if it were plain;
    # what matters here is that "!" is not refused like a real tag.
    for raw in (b"a: ! 5\n", b"a: ! text\n"):
        source = parse(raw)
        assert source.problems == []
        assert isinstance(source.data, YMap)
        assert str(source.data["a"]) in ("5", "text")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a: !!int true\n", "'true' is not a valid !!int"),
        (b"a: !!int 1.5\n", "'1.5' is not a valid !!int"),
        (b"a: !!float true\n", "'true' is not a valid !!float"),
        (b"a: !!float ~\n", "'~' is not a valid !!float"),
        (b"a: !!float x\n", "'x' is not a valid !!float"),
        (b"a: !!bool yes\n", "'yes' is not a valid !!bool"),
        (b"a: !!bool 1\n", "'1' is not a valid !!bool"),
        (b"a: !!null x\n", "'x' is not a valid !!null"),
        (b"a: !!null false\n", "'false' is not a valid !!null"),
        (
            b"a: !!python/object x\n",
            "the tag !!python/object is not allowed: cxmap reads plain data only",
        ),
        (b"a: !custom x\n", "the tag !custom is not allowed: cxmap reads plain data only"),
        (b"a: !!set {x: 1}\n", "the tag !!set is not allowed: cxmap reads plain data only"),
        (b"a: !!map [1]\n", "the tag !!map is not allowed: cxmap reads plain data only"),
        (b"a: !!seq {x: 1}\n", "the tag !!seq is not allowed: cxmap reads plain data only"),
    ],
)
def test_refused_tags_are_located_at_the_value(loader: str, raw: bytes, message: str) -> None:
    assert refused(raw) == (message, (1, 4))


@pytest.mark.parametrize(
    ("raw", "data"),
    [
        (b"a: ! {b: 1}\n", {"a": {"b": 1}}),
        (b"a: ! [1]\n", {"a": [1]}),
        (b"a: !!map {b: 1}\n", {"a": {"b": 1}}),
        (b"a: !!seq [1]\n", {"a": [1]}),
        (b"! k: 1\n", {"k": 1}),
        (b"!!str k: 1\n", {"k": 1}),
    ],
)
def test_allowed_container_and_key_tags(loader: str, raw: bytes, data: object) -> None:
    source = parse(raw)
    assert (source.data, source.problems) == (data, [])


def test_a_tagged_key_that_is_not_a_string_is_refused_at_the_key(loader: str) -> None:
    assert refused(b"x: 1\n!!int 3: 1\n") == (
        "the tag !!int is not allowed: cxmap reads plain data only",
        (2, 1),
    )


def test_a_second_document_is_refused_where_it_starts(loader: str) -> None:
    assert refused(b"--- a\n--- b\n") == (
        "a journey file holds one YAML document; found a second one",
        (2, 1),
    )
    assert parse(b"--- a\n").data == "a"


# -- scalars -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (b"a: .inf\n", math.inf),
        (b"a: +.Inf\n", math.inf),
        (b"a: -.INF\n", -math.inf),
    ],
)
def test_infinities(loader: str, raw: bytes, value: float) -> None:
    data = parse(raw).data
    assert isinstance(data, YMap)
    assert data["a"] == value


def test_not_a_number(loader: str) -> None:
    data = parse(b"a: .nan\nb: .NaN\n").data
    assert isinstance(data, YMap)
    assert math.isnan(data["a"])
    assert math.isnan(data["b"])


# -- positions ---------------------------------------------------------------------------


def test_an_alias_puts_every_copied_position_at_the_alias(loader: str) -> None:
    data = parse(b"a: &x\n  k: [1, {m: v}]\nd: *x\n").data
    assert isinstance(data, YMap)
    copy = data["d"]
    assert isinstance(copy, YMap)
    assert copy.mark == (3, 4)
    assert copy.key_at("k") == (3, 4)
    assert copy.value_at("k") == (3, 4)
    items = copy["k"]
    assert isinstance(items, YList)
    assert items.mark == (3, 4)
    assert items.item_marks == [(3, 4), (3, 4)]
    assert items.flow is True
    inner = items[1]
    assert isinstance(inner, YMap)
    assert (inner.mark, inner.key_at("m"), inner.value_at("m")) == ((3, 4), (3, 4), (3, 4))
    assert inner.flow is True
    assert data.value_at("d") == (3, 4)
    original = data["a"]
    assert isinstance(original, YMap)
    assert original.key_at("k") == (2, 3)
    assert original["k"].item_marks == [(2, 7), (2, 10)]


def test_an_alias_list_item_is_at_the_alias(loader: str) -> None:
    data = parse(b"a: [&x 1, *x]\nb:\n  - *x\n").data
    assert isinstance(data, YMap)
    assert data["a"].item_marks == [(1, 5), (1, 11)]
    assert data["b"].item_marks == [(3, 5)]


def test_an_alias_as_a_key_is_at_the_alias(loader: str) -> None:
    data = parse(b"a: &k key\n*k : 2\nb: {*k : 3}\n").data
    assert isinstance(data, YMap)
    assert data == {"a": "key", "key": 2, "b": {"key": 3}}
    assert data.key_at("key") == (2, 1)
    assert data.value_at("key") == (2, 6)
    assert data["b"].key_at("key") == (3, 5)


def test_an_aliased_mapping_is_a_value_even_where_a_key_is_awaited(loader: str) -> None:
    source = parse(b"a: &m {x: 1}\nb:\n  ? *m\n  : 2\n")
    assert [(p.code, p.message, p.mark) for p in source.problems] == [
        ("CX002", "a key must be plain text", (3, 5))
    ]
    assert source.data == {"a": {"x": 1}, "b": {}}


def test_missing_keys_fall_back_to_the_container_position() -> None:
    mapping = YMap((4, 2))
    assert mapping.key_at("nope") == (4, 2)
    assert mapping.value_at("nope") == (4, 2)
    assert mapping.flow is False
    items = YList((5, 6))
    items.item_marks = [(5, 7), (5, 9)]
    assert items.flow is False
    assert [items.item_at(i) for i in (-1, 0, 1, 2)] == [(5, 6), (5, 7), (5, 9), (5, 6)]


# -- keys and merges ---------------------------------------------------------------------


def test_keys_that_are_not_text_are_reported_and_skipped(loader: str) -> None:
    source = parse(b"? {a: 1}\n: 1\n? [b]\n: 2\nc: 3\n")
    assert [(p.code, p.message, p.mark) for p in source.problems] == [
        ("CX002", "a key must be plain text", (1, 3)),
        ("CX002", "a key must be plain text", (3, 3)),
    ]
    assert source.data == {"c": 3}
    assert source.fatal is False


def test_a_duplicate_key_keeps_the_first_and_names_its_line(loader: str) -> None:
    source = parse(b"a: 1\nb: 2\na: 3\n")
    assert source.problems == [
        Problem("CX003", "duplicate key 'a' (first at line 1); only the first is used", (3, 1))
    ]
    assert source.data == {"a": 1, "b": 2}


def test_merge_keys_never_override_and_point_at_the_merge(loader: str) -> None:
    data = parse(b"base: &b {x: 1, y: 0}\nm:\n  <<: *b\n  y: 2\n").data
    assert data == {"base": {"x": 1, "y": 0}, "m": {"y": 2, "x": 1}}
    assert isinstance(data, YMap)
    merged = data["m"]
    assert merged.key_at("x") == (3, 3)
    assert merged.value_at("x") == (3, 7)
    assert merged.key_at("y") == (4, 3)


def test_a_merge_of_a_list_merges_every_mapping_in_order(loader: str) -> None:
    raw = b"a: &a {x: 1}\nb: &b {x: 2, y: 2}\nm:\n  <<: [*a, *b]\n  z: 3\n"
    assert parse(raw).data == {"a": {"x": 1}, "b": {"x": 2, "y": 2}, "m": {"z": 3, "x": 1, "y": 2}}
    two = b"a: &a {x: 1}\nb: &b {y: 2}\nm:\n  <<: *a\n  <<: *b\n"
    source = parse(two)
    assert source.data == {"a": {"x": 1}, "b": {"y": 2}, "m": {"x": 1, "y": 2}}
    assert source.problems == []


@pytest.mark.parametrize("value", [b"1", b"[1]", b"[{x: 1}, 2]"])
def test_a_merge_of_anything_else_is_reported(loader: str, value: bytes) -> None:
    source = parse(b"m:\n  <<: " + value + b"\n")
    assert [(p.code, p.message, p.mark, p.path) for p in source.problems] == [
        ("CX002", "'<<' merges a mapping or a list of mappings", (2, 7), ("m",))
    ]
    assert source.data == {"m": {}}


# -- flow lists cut by a comma (CX007) ----------------------------------------------------


def test_a_single_item_flow_list_is_never_a_cut_text(loader: str) -> None:
    assert problems(b"a: [one]\n") == []
    assert problems(b"a:\n  - x\n  - y\n") == []
    assert problems(b"a: {b: x, c: y}\n") == []


# -- Duration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds", "shown"),
    [
        ("30s", 30, "30s"),
        ("15m", 900, "15m"),
        (" 4 h ", 14400, "4h"),
        ("1.5d", 129600, "1.5d"),
        ("1w", 604800, "1w"),
    ],
)
def test_duration_lengths_and_text(text: str, seconds: float, shown: str) -> None:
    duration = Duration(text)
    assert duration.seconds == seconds
    assert str(duration) == shown
    assert repr(duration) == f"Duration({shown!r})"


def test_durations_compare_by_length_at_equality() -> None:
    assert Duration("1h") == Duration("60m")
    assert not Duration("1h") < Duration("60m")
    assert not Duration("60m") < Duration("1h")
    assert Duration("1h") <= Duration("60m")
    assert Duration("59m") < Duration("1h")
    assert Duration("61m") > Duration("1h")
    assert Duration("1w") == Duration("7d")
    assert Duration("1h") != "1h"
    assert sorted([Duration("2d"), Duration("3h"), Duration("1w")]) == [
        Duration("3h"),
        Duration("2d"),
        Duration("1w"),
    ]


def test_equal_durations_hash_alike_and_different_ones_apart() -> None:
    assert hash(Duration("1w")) == hash(Duration("7d"))
    assert len({Duration("1h"), Duration("60m"), Duration("3600s")}) == 1
    assert len({hash(Duration(f"{n}h")) for n in range(1, 6)}) == 5


def test_a_malformed_duration_is_a_value_error_naming_the_text() -> None:
    with pytest.raises(ValueError) as raised:
        Duration("4 hours")
    assert raised.value.args == ("4 hours",)


ADAPTER = TypeAdapter(Duration)


UNITS = (
    "use a number and a unit, as in 30s, 15m, 4h, 2d, 1w, 5wd (working days), 3mo (months) or 1y"
)


def test_duration_as_a_pydantic_type() -> None:
    assert ADAPTER.validate_python("4h") == Duration("4h")
    same = Duration("2d")
    assert ADAPTER.validate_python(same) is same
    assert ADAPTER.dump_python(Duration("2d"), mode="json") == "2d"
    assert ADAPTER.dump_json(Duration("90m")) == b'"90m"'
    assert ADAPTER.json_schema() == {
        "type": "string",
        "pattern": r"^\s*(\d+(?:\.\d+)?)\s*(wd|mo|[smhdwy])\s*$",
        "examples": ["4h", "2d", "5wd", "3mo"],
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            4,
            f"4 is not a duration: {UNITS}; write 4h or 4d",
        ),
        (
            "4 hours",
            f"'4 hours' is not a duration: {UNITS}",
        ),
        (
            4.5,
            f"4.5 is not a duration: {UNITS}",
        ),
        (
            None,
            f"None is not a duration: {UNITS}",
        ),
    ],
)
def test_a_value_that_is_not_a_duration(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        ADAPTER.validate_python(value)
    (error,) = raised.value.errors()
    assert (error["type"], error["msg"]) == ("duration", message)


# -- validation --------------------------------------------------------------------------


class Color(str, enum.Enum):
    RED = "red"
    BLUE = "blue"


class Painted(BaseModel):
    """Not strict, so that an enum is validated from its value."""

    model_config = ConfigDict(extra="forbid")
    color: Color | None = None


class Item(Located):
    id: Slug
    size: int | None = Field(default=None, ge=1, le=5)


class Pair(Located):
    left: Text
    right: Text


class Named(Located):
    id: Slug
    label: Text


class Sub(Located):
    x: Text
    y: int | None = None


class Thing(Located):
    name: Text
    flag: bool = False
    kind: Literal["alpha", "beta"] | None = None
    digits: Literal["10", "20"] | None = None
    code: Code | None = None
    ratio: float | None = None
    when: dt.date | None = None
    names: ListOf[Text] = Field(default_factory=list)
    items: ListOf[Item] = Field(default_factory=list)
    pairs: ListOf[Pair] = Field(default_factory=list)
    named: ListOf[Named] = Field(default_factory=list)
    sub: Sub | None = None
    maybe: ListOf[Item] | None = None
    sub_or_number: Sub | int | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    by_name: dict[str, Sub] = Field(default_factory=dict)


YES_NO = "(YAML 1.2 reads yes/no/on/off as text)"


def explain(raw: bytes, **options: Any) -> list[tuple[str, tuple[int, int]]]:
    result = validate(Thing, parse(raw).data, **options)
    return [(error.message, error.mark) for error in result.errors]


def only(raw: bytes) -> str:
    ((message, _),) = explain(raw)
    return message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"name: null\n", "'name' must be text, not nothing"),
        (b"name: true\n", "'name' must be text, not true"),
        (b"name: false\n", "'name' must be text, not false"),
        (b"name: {a: 1}\n", "'name' must be text, not a mapping"),
        (b"name: [a]\n", "'name' must be text, not a list"),
        (
            b"name: 123456789012345678901234\n",
            "'name' must be text, not the number " + "1234567890" * 2 + "1234",
        ),
        (
            b"name: 1234567890123456789012345\n",
            "'name' must be text, not the number " + "1234567890" * 2 + "...",
        ),
        (
            b"name: x\nflag: " + b"a" * 40 + b"\n",
            "'flag' must be true or false, not the text '" + "a" * 40 + "'",
        ),
        (
            b"name: x\nflag: " + b"a" * 41 + b"\n",
            "'flag' must be true or false, not the text '" + "a" * 37 + "...'",
        ),
        (b"name: x\nflag: 1\n", "'flag' must be true or false, not the number 1"),
        (b"name: x\nratio: a\n", "'ratio' must be a number, not the text 'a'"),
        (b"name: x\nwhen: 5\n", "'when' must be a date (YYYY-MM-DD), not the number 5"),
        (b"name: x\ntags: [1]\n", "'tags' must be a mapping, not a list"),
        (b"name: x\nsub: 3\n", "'sub' must be a mapping, not the number 3"),
        (b"name: x\nnames: [a, 3]\n", "item 2 of 'names' must be text, not the number 3"),
        (b'name: ""\n', "'name' must not be empty"),
    ],
)
def test_what_a_value_is_and_should_be(raw: bytes, message: str) -> None:
    assert only(raw) == message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"name: x\nflag: yes\n",
            "'flag' must be true or false, not the text 'yes' " + YES_NO,
        ),
        (
            b"name: x\nflag: Off\n",
            "'flag' must be true or false, not the text 'Off' " + YES_NO,
        ),
        (b"name: x\nflag: maybe\n", "'flag' must be true or false, not the text 'maybe'"),
        (b"name: x\nwhen: yes\n", "'when' must be a date (YYYY-MM-DD), not the text 'yes'"),
    ],
)
def test_the_yes_no_hint_is_only_for_true_or_false(raw: bytes, message: str) -> None:
    assert only(raw) == message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"name: x\nkind: alfa\n",
            "'kind' must be one of alpha, beta, not the text 'alfa' (did you mean 'alpha'?)",
        ),
        (b"name: x\nkind: 3\n", "'kind' must be one of alpha, beta, not the number 3"),
        # Only text gets a suggestion: 100 is no misspelt '10'.
        (b"name: x\ndigits: 100\n", "'digits' must be one of 10, 20, not the number 100"),
        (b"name: x\ncode: cx1\n", "'code' must be a check code such as CX101, not the text 'cx1'"),
        (
            b"name: x\nitems: [{id: Bad Id}]\n",
            "'id' must be an id of lowercase letters, digits and dashes, "
            "not the text 'Bad Id' (try 'bad-id')",
        ),
        (
            b"name: x\nitems: [{id: '--'}]\n",
            "'id' must be an id of lowercase letters, digits and dashes, not the text '--'",
        ),
        (b"name: x\nitems: [{id: a, size: 0}]\n", "'size' must be at least 1, not the number 0"),
        (b"name: x\nitems: [{id: a, size: 6}]\n", "'size' must be at most 5, not the number 6"),
        (b"name: x\nratio: .inf\n", "'ratio' must be a finite number, not the number inf"),
        (b"name: x\nratio: -.inf\n", "'ratio' must be a finite number, not the number -inf"),
    ],
)
def test_choices_patterns_bounds_and_finite_numbers(raw: bytes, message: str) -> None:
    assert only(raw) == message


def test_an_enum_lists_its_values() -> None:
    result = validate(Painted, parse(b"color: rde\n").data)
    assert [(e.message, e.mark) for e in result.errors] == [
        ("'color' must be one of red, blue, not the text 'rde' (did you mean 'red'?)", (1, 8))
    ]
    assert [e.message for e in validate(Painted, parse(b"color: 7\n").data).errors] == [
        "'color' must be one of red, blue, not the number 7"
    ]


def test_a_value_from_elsewhere_is_named_by_its_type() -> None:
    result = validate(Thing, {"name": dt.date(2026, 1, 2)})
    assert [(e.message, e.mark) for e in result.errors] == [
        ("'name' must be text, not date", (1, 1))
    ]


def test_the_whole_document_of_the_wrong_kind_is_located_where_it_starts() -> None:
    assert explain(b"\n\n[1]\n") == [("the value must be a mapping, not a list", (3, 1))]


@pytest.mark.parametrize(
    ("raw", "message", "mark"),
    [
        (b"name: x\nnmae: y\n", "unknown key 'nmae' (did you mean 'name'?)", (2, 1)),
        (
            b"name: x\nitems: [{id: a, sise: 2}]\n",
            "unknown key 'sise' (did you mean 'size'?)",
            (2, 17),
        ),
        (b"name: x\nsub: {x: a, yy: 2}\n", "unknown key 'yy' (did you mean 'y'?)", (2, 13)),
        (b"name: x\nby_name: {k: {x: a, yy: 2}}\n", "unknown key 'yy'", (2, 21)),
        (
            b"name: x\nmaybe: [{id: a, sise: 2}]\n",
            "unknown key 'sise' (did you mean 'size'?)",
            (2, 17),
        ),
        (b"{name: One two, zzz: [1]}\n", "unknown key 'zzz'", (1, 17)),
        (b"name: x\nzzz: 1\n", "unknown key 'zzz'", (2, 1)),
        (
            b"{name: One two, three}\n",
            "'three' is not a key: the comma before it ended the text of 'name'. "
            'Quote the whole text: name: "One two, three"',
            (1, 17),
        ),
    ],
)
def test_unknown_keys_with_the_keys_of_their_own_model(
    raw: bytes, message: str, mark: tuple[int, int]
) -> None:
    assert explain(raw) == [(message, mark)]


def test_missing_keys_are_located_at_the_mapping_that_lacks_them() -> None:
    assert explain(b"flag: true\n") == [("missing required key 'name'", (1, 1))]
    assert explain(b"name: x\nitems:\n  - size: 2\n") == [("missing required key 'id'", (3, 5))]


def test_a_missing_key_with_a_placeholder_is_filled() -> None:
    result = validate(Thing, parse(b"flag: true\n").data, {"name": "unnamed"})
    assert result.model is not None
    assert (result.model.name, result.model.flag) == ("unnamed", True)
    assert result.placeholders == {"name"}
    assert result.broken == {(None, "name")}
    # An empty name is pruned, and then filled like a missing one.
    other = validate(Thing, parse(b'name: ""\n').data, {"name": "unnamed"})
    assert other.model is not None
    assert other.model.name == "unnamed"
    assert other.placeholders == {"name"}
    assert [e.message for e in other.errors] == ["'name' must not be empty"]


def test_without_a_placeholder_nothing_is_pruned_for_a_missing_top_level_key() -> None:
    result = validate(Thing, parse(b"named: [{id: a}]\n").data)
    assert result.model is None
    assert result.pruned_ids == {}
    assert [e.message for e in result.errors] == [
        "missing required key 'name'",
        "missing required key 'label'",
    ]


def test_the_ids_of_pruned_items_are_kept_by_their_list() -> None:
    raw = b"name: x\nnamed: [{id: a, label: A}, {id: b}, {id: c, label: C}, {label: D}]\n"
    result = validate(Thing, parse(raw).data, item_key="named")
    assert result.model is not None
    assert [n.id for n in result.model.named] == ["a", "c"]
    assert result.pruned_ids == {"named": {"b"}}
    assert [(e.item, e.loc) for e in result.errors] == [
        ("b", ("named", 1, "label")),
        (None, ("named", 3, "id")),
    ]


def test_bad_list_items_are_pruned_from_the_highest_index_down() -> None:
    raw = b"name: x\nitems: [{id: a, size: 9}, {id: b}, {size: 1}, {id: d}, {id: E}]\n"
    result = validate(Thing, parse(raw).data, item_key="items")
    assert result.model is not None
    assert [(item.id, item.size) for item in result.model.items] == [
        ("a", None),
        ("b", None),
        ("d", None),
    ]
    # A bad id is dropped first, then its item: no id is left to keep.
    assert result.pruned_ids == {}
    assert [(e.item, e.loc) for e in result.errors] == [
        ("a", ("items", 0, "size")),
        (None, ("items", 2, "id")),
        ("E", ("items", 4, "id")),
    ]
    assert result.broken == {("a", "size"), (None, "items"), ("E", "id")}


def test_an_item_with_two_errors_is_pruned_once() -> None:
    raw = b"name: x\npairs: [{left: a, right: b}, {}, {left: c, right: d}]\n"
    result = validate(Thing, parse(raw).data)
    assert result.model is not None
    assert [(p.left, p.right) for p in result.model.pairs] == [("a", "b"), ("c", "d")]
    assert len(result.errors) == 2


def test_many_broken_items_are_pruned_in_one_round() -> None:
    broken = ", ".join(["{}"] * 10)
    sizes = ", ".join(f"{{id: i{n}, size: 0}}" for n in range(10))
    raw = f"name: x\npairs: [{broken}]\nitems: [{sizes}]\n".encode()
    result = validate(Thing, parse(raw).data)
    assert result.model is not None
    assert result.model.pairs == []
    assert [(item.id, item.size) for item in result.model.items] == [
        (f"i{n}", None) for n in range(10)
    ]
    assert len(result.errors) == 30


def test_a_nested_mapping_missing_a_required_key_is_not_pruned() -> None:
    result = validate(Thing, parse(b"name: x\nsub: {y: 2}\n").data)
    assert [(e.message, e.mark) for e in result.errors] == [("missing required key 'x'", (2, 6))]
    # Only list items are dropped for a missing key: nothing is left to check.
    assert result.model is None


def test_an_unknown_key_inside_a_union_member_gets_no_suggestion() -> None:
    result = validate(Thing, parse(b"name: x\nsub_or_number: {x: a, yy: 2}\n").data)
    assert [e.message for e in result.errors if "yy" in e.message] == ["unknown key 'yy'"]


# -- YAML syntax errors at the edges ---------------------------------------------------------


def test_an_unclosed_list_at_the_very_end_of_a_file_without_a_newline(loader: str) -> None:
    message, mark = refused(b"a: [b")
    if loader == "libyaml":
        assert (message, mark) == (
            "the '[' on line 1 is never closed, so YAML reads on past the end of the list; "
            "close it with ']': a: [b] (parser: did not find expected ',' or ']')",
            (2, 1),
        )
    else:
        assert (message, mark) == (
            "expected ',' or ']', but got '<stream end>' (while parsing a flow sequence at line 1)",
            (1, 6),
        )


def test_a_parser_error_with_and_without_the_place_of_its_context(loader: str) -> None:
    message, mark = refused(b'a: "x"@\n')
    assert mark == (1, 7)
    if loader == "libyaml":
        assert message == (
            "found character that cannot start any token "
            "(while scanning for the next token at line 1)"
        )
    else:
        assert message == "found character '@' that cannot start any token"


def test_an_inline_merge_keeps_the_positions_of_its_values(loader: str) -> None:
    data = parse(b"m:\n  <<: {x: 1, z: 2}\n  y: 2\n").data
    assert isinstance(data, YMap)
    merged = data["m"]
    assert merged == {"y": 2, "x": 1, "z": 2}
    assert [merged.key_at(k) for k in ("x", "z", "y")] == [(2, 3), (2, 3), (3, 3)]
    assert [merged.value_at(k) for k in ("x", "z", "y")] == [(2, 11), (2, 17), (3, 6)]


# -- mutation survivors of cxmap.yamlsource ------------------------------------------------


def test_a_control_character_after_a_byte_order_mark_is_located_without_it(loader: str) -> None:
    assert refused(b"\xef\xbb\xbfa: \x01\n") == (
        "U+0001 is a control character, not allowed in YAML",
        (1, 4),
    )


def test_nesting_beyond_what_libyaml_looks_ahead_is_located_where_it_stopped(loader: str) -> None:
    message, mark = refused(b"a:\n  b: " + b"[" * 1100)
    assert message == "nesting is deeper than 64 levels"
    assert mark == ((2, 1004) if loader == "libyaml" else (2, 68))


def test_an_alias_of_an_anchored_key_weighs_one_node(loader: str) -> None:
    raw = b"&k a: 1\nb: *k\n"
    source = parse(raw, Limits(max_nodes=1))
    assert (source.data, source.problems) == ({"a": 1, "b": "a"}, [])
    assert refused(raw, Limits(max_nodes=0)) == ("aliases expand to more than 0 nodes", (2, 4))
