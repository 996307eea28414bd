"""The model: durations, dates, commitments and defaults."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from cxmap.model import Commitment, Duration, Journey, Organization, TouchPoint


@pytest.mark.parametrize(
    "slower, faster", [("48h", "2h"), ("1w", "6d"), ("2d", "47h"), ("1m", "30s"), ("1.5h", "1h")]
)
def test_durations_compare_as_durations(slower: str, faster: str) -> None:
    assert Duration(slower) > Duration(faster)
    assert Duration(faster) < Duration(slower)


def test_equal_durations_in_other_units() -> None:
    assert Duration("1w") == Duration("7d")
    assert Duration("60m") == Duration("1h")
    assert hash(Duration("1w")) == hash(Duration("168h"))
    assert str(Duration("7d")) == "7d"


def test_working_days_and_months_compare_by_their_average_length() -> None:
    assert Duration("5wd") == Duration("1w")
    assert Duration("20wd") == Duration("4w")
    assert Duration("12mo") == Duration("1y") == Duration("365.25d")
    assert Duration("1wd") > Duration("1d")
    assert Duration("1mo") > Duration("30d")
    assert Duration("1mo") < Duration("31d")
    assert Duration("1m") < Duration("1mo")  # m is a minute
    assert [Duration(text).words for text in ("1wd", "5wd", "3mo", "1y", "1.5h")] == [
        "1 working day",
        "5 working days",
        "3 months",
        "1 year",
        "1.5 hours",
    ]


@pytest.mark.parametrize("text", ["4", "4 hours", "h4", "-1h", "4x", "4 mos", "4dw", ""])
def test_malformed_durations_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="is not a duration"):
        Commitment.model_validate({"within": text})


def test_a_commitment_is_text_or_text_and_time() -> None:
    assert Commitment.model_validate("Fast") == Commitment(text="Fast")
    both = Commitment.model_validate({"text": "Reply", "within": "4h"})
    assert both.within == Duration("4h")
    assert str(both) == "Reply (within 4 hours)"
    with pytest.raises(ValidationError, match="an empty mapping says nothing"):
        Commitment.model_validate({})


def test_a_commitment_is_a_response_time_or_a_lead_time_and_says_where_it_starts() -> None:
    lead = Commitment.model_validate(
        {"text": "Reminder", "ahead": "10w", "measured_from": "the fee's due date"}
    )
    assert (lead.within, lead.ahead) == (None, Duration("10w"))
    assert lead.timing == "10 weeks ahead of the fee's due date"
    reply = Commitment.model_validate({"within": "8w", "measured_from": "a valid application"})
    assert str(reply) == "within 8 weeks from a valid application"
    with pytest.raises(ValidationError, match="exclude each other"):
        Commitment.model_validate({"text": "R", "within": "1d", "ahead": "1d"})
    with pytest.raises(ValidationError, match="add one of them"):
        Commitment.model_validate({"text": "R", "measured_from": "the request"})


def test_dates_are_iso_and_real() -> None:
    base = {"id": "j", "title": "J", "stages": [], "touchpoints": []}
    assert Journey.model_validate({**base, "reviewed": "2026-09-01"}).reviewed == dt.date(
        2026, 9, 1
    )
    for bad in ("2026-02-30", "01.09.2026", "2026-9-1", 20260901):
        with pytest.raises(ValidationError):
            Journey.model_validate({**base, "reviewed": bad})


def test_names_default_to_the_title_cased_id() -> None:
    org = Organization.model_validate(
        {
            "name": "Org",
            "departments": [{"id": "customer-service"}],
            "teams": [{"id": "web-team", "department": "customer-service"}],
            "channels": [{"id": "live-chat"}, {"id": "web", "name": "Website"}],
            "stages": [{"id": "aware"}],
        }
    )
    assert org.departments[0].name == "Customer Service"
    assert org.teams[0].name == "Web Team"
    assert [c.name for c in org.channels] == ["Live Chat", "Website"]
    assert org.stages[0].name == "Aware"
    assert org.channels[0].staffed is False


def test_strict_types_and_closed_mappings() -> None:
    base = {"id": "t", "name": "T", "stage": "buy"}
    touchpoint = TouchPoint.model_validate(base)
    assert (touchpoint.id, touchpoint.name, touchpoint.stage) == ("t", "T", "buy")
    for extra, error in (
        ({"emotion": "1"}, "int_type"),
        ({"emotion": 3}, "less_than_equal"),
        ({"proactive": "yes"}, "bool_type"),
        ({"colour": "red"}, "extra_forbidden"),
        ({"audience": "everyone"}, "literal_error"),
        ({"channels": "web"}, "list_type"),
    ):
        with pytest.raises(ValidationError) as raised:
            TouchPoint.model_validate({**base, **extra})
        assert [(e["loc"], e["type"]) for e in raised.value.errors()] == [((*extra,), error)], extra


def test_empty_lists_may_be_written_as_empty_keys() -> None:
    touchpoint = TouchPoint.model_validate(
        {"id": "t", "name": "T", "stage": "buy", "channels": None, "pain_points": None}
    )
    assert touchpoint.channels == []
    assert touchpoint.pain_points == []


def test_every_field_has_a_description() -> None:
    from pydantic import BaseModel

    from cxmap import model

    missing = [
        f"{cls.__name__}.{name}"
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel)
        for name, field in cls.model_fields.items()
        if not field.description
    ]
    assert missing == []
