"""``Duration`` as a pydantic type, with its schema built inside each test.

A schema built at import time (a module-level ``TypeAdapter``, every model of
``cxmap.model``) exists before mutation testing switches a mutant on, so these tests
build theirs while they run: how a field of type ``Duration`` validates, how it is
serialised, and how the JSON schema describes it.
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from cxmap.model import Duration

PATTERN = r"^\s*(\d+(?:\.\d+)?)\s*(wd|mo|[smhdwy])\s*$"


def limit_model() -> type[BaseModel]:
    class Limit(BaseModel):
        within: Duration

    return Limit


def test_a_duration_field_turns_text_into_a_duration() -> None:
    class Limit(BaseModel):
        within: Duration

    within = Limit.model_validate({"within": " 1.5 d "}).within
    assert isinstance(within, Duration)
    assert (within.text, within.seconds) == ("1.5d", 129600)
    same = Duration("2h")
    assert TypeAdapter(Duration).validate_python(same) is same


def test_a_duration_field_rejects_what_is_not_a_duration() -> None:
    with pytest.raises(ValidationError) as raised:
        limit_model().model_validate({"within": 3})
    (error,) = raised.value.errors()
    assert (error["type"], error["loc"], error["msg"]) == (
        "duration",
        ("within",),
        "3 is not a duration: use a number and a unit, as in 30s, 15m,"
        " 4h, 2d, 1w, 5wd (working days), 3mo (months) or 1y; write 3h or 3d",
    )


def test_a_duration_is_serialised_as_its_text() -> None:
    limit = limit_model().model_validate({"within": "90 m"})
    assert limit.model_dump(mode="json") == {"within": "90m"}
    assert limit.model_dump_json() == '{"within":"90m"}'
    adapter = TypeAdapter(Duration)
    assert adapter.dump_python(Duration("1w"), mode="json") == "1w"
    assert adapter.dump_json(Duration("30s")) == b'"30s"'


def test_the_json_schema_of_a_duration_is_a_string_with_its_pattern() -> None:
    described = {"type": "string", "pattern": PATTERN, "examples": ["4h", "2d", "5wd", "3mo"]}
    assert TypeAdapter(Duration).json_schema() == described
    schema = limit_model().model_json_schema()
    assert schema["properties"] == {"within": {**described, "title": "Within"}}
    assert schema["required"] == ["within"]
