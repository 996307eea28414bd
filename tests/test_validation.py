"""Mapping pydantic errors back to YAML positions, and salvaging the rest."""

from __future__ import annotations

import pytest
from helpers import Cli

from cxmap.model import Journey
from cxmap.validation import locate, validate
from cxmap.yamlsource import parse

SOURCE = parse(
    b"journey:\n  id: j\n  touchpoints:\n    - id: a\n      expectation: {text: x, within: soon}\n"
).data


def test_locate_value_key_and_missing_key() -> None:
    assert locate(SOURCE, ("journey", "touchpoints", 0, "id")) == (4, 11)
    assert locate(SOURCE, ("journey", "touchpoints", 0, "id"), key=True) == (4, 7)
    # A missing key points at the mapping that lacks it.
    assert locate(SOURCE, ("journey", "touchpoints", 0, "stage")) == (4, 7)
    assert locate(SOURCE, ("journey", "title")) == (2, 3)


def test_locate_skips_union_member_and_discriminator_segments() -> None:
    loc = ("journey", "touchpoints", 0, "expectation", "Commitment", "within")
    assert locate(SOURCE, loc) == (5, 38)
    loc = ("journey", "touchpoints", 0, "expectation", "str")
    assert locate(SOURCE, loc) == (5, 20)


def test_locate_stops_at_scalars_and_out_of_range_indexes() -> None:
    assert locate(SOURCE, ("journey", "id", 3)) == (2, 7)
    assert locate(SOURCE, ("journey", "touchpoints", 9, "id")) == (4, 5)


def test_salvage_keeps_checking_after_schema_errors() -> None:
    data = parse(
        b"id: j\ntitle: T\nstages: [s]\ntouchpoints:\n"
        b"  - {id: a, name: A, stage: s, emotion: 9, colour: red}\n"
        b"  - {id: b, name: B}\n"
    ).data
    result = validate(Journey, data)
    assert result.model is not None
    assert [tp.id for tp in result.model.touchpoints] == ["a"]
    assert result.model.touchpoints[0].emotion is None
    assert result.pruned_ids == {"touchpoints": {"b"}}
    assert [e.message for e in result.errors] == [
        "'emotion' must be at most 2, not the number 9",
        "unknown key 'colour'",
        "missing required key 'stage'",
    ]


def test_nothing_to_salvage_without_placeholders() -> None:
    result = validate(Journey, parse(b"id: j\nstages: []\ntouchpoints: []\n").data)
    assert result.model is None
    assert [e.message for e in result.errors] == ["missing required key 'title'"]


def test_user_text_is_never_a_message_template() -> None:
    data = parse(b"id: j\ntitle: T\nstages: []\ntouchpoints: []\nreviewed: '{message} {x}'\n").data
    result = validate(Journey, data)
    assert (
        result.errors[0].message
        == "'reviewed': '{message} {x}' is not a date: write it as YYYY-MM-DD"
    )


def test_an_internal_error_is_exit_3_without_traceback(
    monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("cxmap.commands.check.lint_cached", crash)
    monkeypatch.delenv("CXMAP_DEBUG", raising=False)
    result = cli("check")
    assert result.returncode == 3
    err = result.stderr
    assert "cxmap: internal error: RuntimeError: boom" in err
    assert "Traceback" not in err
