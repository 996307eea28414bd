"""A customer journey: stages, touch points and the promises made along the way."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from cxmap.model.duration import TIME_UNITS, Duration, time_unit
from cxmap.model.types import (
    Better,
    Code,
    IsoDate,
    ListOf,
    Located,
    Model,
    Ref,
    Slug,
    Text,
    by_id,
    value_error,
)

Status = Literal["draft", "researched", "live", "retired"]
Audience = Literal["customer", "internal"]
Confidence = Literal["observed", "assumed", "proposed"]


class TextOrMapping(Model):
    """A value written either as plain text or as a mapping with ``text`` and more keys."""

    KEYS: ClassVar[str] = "text"
    """What its mapping holds, in words."""

    @classmethod
    def _written_as(cls) -> str:
        return f"Text, or a mapping with {cls.KEYS}."

    @model_validator(mode="wrap")
    @classmethod
    def _from_text(cls, data: Any, handler: Any) -> Any:
        if isinstance(data, str):
            return handler({"text": data})
        if not isinstance(data, (dict, BaseModel)):
            kind = "a list" if isinstance(data, list) else f"{data!r}"[:24]
            raise value_error(
                "text_or_mapping", f"must be text, or a mapping with {cls.KEYS}; not {kind}"
            )
        return handler(data)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        mapping = handler.resolve_ref_schema(handler(schema))
        return {
            "anyOf": [{"type": "string", "minLength": 1}, mapping],
            "description": cls._written_as(),
        }


class Commitment(TextOrMapping):
    """What the customer expects, or what the organisation commits to.

    Written either as plain text or as ``{text, within}``. ``within`` is a response
    time (at most this long); ``ahead`` a lead time (at least this long before an
    event, such as a reminder ten weeks before a licence expires). Either may say
    where the clock starts in ``measured_from``.
    """

    KEYS = "text and within (a duration)"

    text: Text | None = Field(default=None, description="What, in words.")
    within: Duration | None = Field(
        default=None,
        description="Response time: at most this long, as a duration such as 4h, 2d or 5wd.",
    )
    ahead: Duration | None = Field(
        default=None,
        description="Lead time: at least this long before the event in measured_from, "
        "e.g. 10w for a reminder ten weeks before a renewal.",
    )
    measured_from: Text | None = Field(
        default=None,
        description="Where the clock starts, e.g. 'the customer's request', "
        "'a valid application', 'the licence's expiry date'.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Commitment:
        if self.text is None and self.within is None and self.ahead is None:
            raise value_error(
                "empty_commitment",
                "write the text, or {text: ..., within: ...}; an empty mapping says nothing",
            )
        if self.within is not None and self.ahead is not None:
            raise value_error(
                "two_times",
                "within (a response time) and ahead (a lead time) exclude each other: "
                "keep the one this commitment is about",
            )
        if self.measured_from is not None and self.within is None and self.ahead is None:
            raise value_error(
                "measured_from_alone",
                "measured_from says where within or ahead starts counting: add one of them",
            )
        return self

    @property
    def is_empty(self) -> bool:
        return not self.text and self.within is None and self.ahead is None

    @property
    def timing(self) -> str:
        """The time in words: ``within 4 hours from the customer's request``; or ``""``."""
        if self.within is not None:
            timing = f"within {self.within.words}"
        elif self.ahead is not None:
            timing = f"{self.ahead.words} ahead"
        else:
            return ""
        if self.measured_from:
            joint = "of" if self.ahead is not None else "from"
            timing += f" {joint} {self.measured_from}"
        return timing

    def __str__(self) -> str:
        if self.text and self.timing:
            return f"{self.text} ({self.timing})"
        return self.text or self.timing


class Kpi(Located):
    """A measure of how the touch point performs."""

    id: Slug | None = Field(
        default=None,
        description="Stable id, unique within the touch point, that rows of the measurements "
        "file name (they may name the KPI by its name instead).",
    )
    name: Text | None = Field(default=None, description="What is measured, e.g. CSAT.")
    target: float | None = Field(default=None, description="The value aimed for.")
    actual: float | None = Field(
        default=None,
        description="The latest measured value; by default the latest one in the "
        "measurements file.",
    )
    better: Better = Field(
        default="higher",
        description="Whether higher or lower values are better; by default higher, and for "
        "a KPI that measures the standard lower for a response time, higher for a lead time.",
    )
    unit: Text | None = Field(default=None, description="Unit of the values, e.g. % or min.")
    measures: Literal["standard"] | None = Field(
        default=None,
        description="standard: the values are the time the touch point's standard commits "
        "to (within or ahead), as delivered; unit is then a time unit such as h or d.",
    )

    @model_validator(mode="after")
    def _measured_time(self) -> Kpi:
        if self.measures is None:
            return self
        if time_unit(self.unit) is None:
            raise value_error(
                "time_unit",
                "a KPI that measures the standard counts time: set unit to one of "
                f"{TIME_UNITS} (or minutes, hours, days, ...), not {self.unit!r}"
                if self.unit
                else "a KPI that measures the standard counts time: add unit, one of "
                f"{TIME_UNITS} (or minutes, hours, days, ...)",
            )
        return self

    @property
    def label(self) -> str | None:
        """What to call it for readers: its name, else its id."""
        return self.name or self.id

    @property
    def keys(self) -> tuple[str, ...]:
        """What rows of the measurements file may call it: its id and its name."""
        return tuple(key for key in (self.id, self.name) if key)

    @property
    def time_unit(self) -> str | None:
        """The duration unit of its values (``h`` for ``unit: hours``), if it has one."""
        return time_unit(self.unit)


Size = Annotated[int, Field(ge=1, le=5)]
"""A rough size on a scale of 1 (low) to 5 (high)."""


class Opportunity(TextOrMapping):
    """An idea to improve a touch point; sized with value and effort, it joins the backlog.

    Written either as plain text or as ``{text, value, effort, owner}``.
    """

    KEYS = "text, value, effort (1 to 5) and owner"

    text: Text = Field(description="The idea, in words.")
    value: Size | None = Field(
        default=None, description="What it is worth to customers, 1 (little) to 5 (a lot)."
    )
    effort: Size | None = Field(
        default=None, description="What it costs to do, 1 (little) to 5 (a lot)."
    )
    owner: Ref | None = Field(
        default=None,
        description="Id of the team that would take it on; by default the touch point's owner.",
    )

    @model_serializer(mode="wrap")
    def _as_written(self, handler: SerializerFunctionWrapHandler) -> Any:
        # Written as plain text, exported as plain text: the JSON export keeps the shape.
        if self.value is None and self.effort is None and self.owner is None:
            return self.text
        return {key: value for key, value in handler(self).items() if value is not None}

    @property
    def sized(self) -> bool:
        """Whether it has both a value and an effort, so that it can be prioritised."""
        return self.value is not None and self.effort is not None

    def __str__(self) -> str:
        return self.text


class ToBe(Model):
    """The target state of a touch point, to compare with today's values."""

    emotion: int | None = Field(
        default=None, ge=-2, le=2, description="Target emotion, -2 (very bad) to 2 (great)."
    )
    expectation: Commitment | None = Field(default=None, description="Expected in future.")
    standard: Commitment | None = Field(default=None, description="Target standard.")
    channels: ListOf[Ref] = Field(default_factory=list, description="Target channel ids.")
    description: Text | None = Field(default=None, description="The change, in words.")


class Promise(Located):
    """A promise made to the customer that some touch point must keep."""

    id: Slug = Field(description="Stable id of the promise within the journey.")
    text: Text = Field(description="The promise as the customer hears it.")
    within: Duration | None = Field(
        default=None,
        description="The time the promise gives, e.g. 5wd for 'at your door within 5 "
        "working days': the standards from where it is made to where it is kept must fit.",
    )
    starts_at: Ref | None = Field(
        default=None,
        description="Id of the touch point where the promise's time starts, e.g. the order "
        "for 'within 48 hours of your order'; by default where it is made.",
    )
    description: Text | None = Field(default=None, description="Background for staff.")


class TouchPoint(Located):
    """One interaction between the customer (or an internal customer) and the organisation."""

    id: Slug = Field(description="Stable id, unique within the journey; the page anchor.")
    name: Text = Field(description="Short name shown in diagrams and pages.")
    stage: Ref = Field(description="Id of the journey stage this touch point belongs to.")
    department: Ref | None = Field(
        default=None, description="Department id; defaults to the owning team's department."
    )
    service: Ref | None = Field(
        default=None,
        description="Id of the organisation's service (kind of request) this touch point "
        "offers; standards are compared within one service (inconsistent-standard).",
    )
    owner: Ref | None = Field(default=None, description="Id of the team that owns it.")
    channels: ListOf[Ref] = Field(default_factory=list, description="Channel ids it uses.")
    audience: Audience = Field(
        default="customer", description="customer, or internal for a hand-off between teams."
    )
    customer: Ref | None = Field(
        default=None, description="For internal touch points: the team id being served."
    )
    confidence: Confidence | None = Field(
        default=None, description="How we know: observed, assumed or proposed."
    )
    description: Text | None = Field(default=None, description="What happens, for readers.")
    moment_of_truth: bool = Field(
        default=False, description="true when this moment decides what the customer thinks."
    )
    proactive: bool = Field(
        default=False, description="true when we reach out before the customer asks."
    )
    customer_action: Text | None = Field(default=None, description="What the customer does.")
    physical_evidence: ListOf[Text] = Field(
        default_factory=list, description="What the customer sees or holds (blueprint lane)."
    )
    actors: ListOf[Text] = Field(default_factory=list, description="People involved.")
    expectation: Commitment | None = Field(
        default=None, description="What the customer expects: text, or {text, within}."
    )
    standard: Commitment | None = Field(
        default=None, description="What we commit to: text, or {text, within}."
    )
    delight: Text | None = Field(default=None, description="The extra mile beyond the standard.")
    promises: ListOf[Ref] = Field(
        default_factory=list, description="Ids of the journey's promises made here."
    )
    keeps: ListOf[Ref] = Field(
        default_factory=list, description="Ids of the journey's promises delivered here."
    )
    emotion: int | None = Field(
        default=None, ge=-2, le=2, description="How the customer feels today, -2 to 2."
    )
    pain_points: ListOf[Text] = Field(default_factory=list, description="What hurts today.")
    opportunities: ListOf[Opportunity] = Field(
        default_factory=list,
        description="Ideas to improve: text, or {text, value, effort, owner} for the backlog.",
    )
    repeats: ListOf[Text] = Field(
        default_factory=list,
        description="What the customer must give again here though they gave it before, "
        "e.g. [order number, address]; a step that asks again adds to the journey's effort.",
    )
    next: ListOf[Ref] = Field(
        default_factory=list, description="Ids of the touch points that follow this one."
    )
    escalates_to: Ref | None = Field(
        default=None, description="Id of the team that takes over what the front line can't solve."
    )
    handles_complaints: bool = Field(
        default=False, description="true when complaints are received and resolved here."
    )
    recovery: Text | None = Field(
        default=None, description="How a bad moment is turned around (apology, fix, follow-up)."
    )
    backstage: ListOf[Text] = Field(
        default_factory=list, description="Work the customer does not see (blueprint lane)."
    )
    support_processes: ListOf[Text] = Field(
        default_factory=list, description="Systems and processes behind it (blueprint lane)."
    )
    kpis: ListOf[Kpi] = Field(default_factory=list, description="How it is measured.")
    tags: ListOf[Text] = Field(default_factory=list, description="Free tags for the handbook.")
    ignore: ListOf[Code] = Field(
        default_factory=list, description="Check codes not to report on this touch point."
    )
    to_be: ToBe | None = Field(default=None, description="The target state, for comparison.")

    @property
    def is_internal(self) -> bool:
        return self.audience == "internal"


class Journey(Located):
    """What one persona goes through to reach a goal, in ordered stages."""

    id: Slug = Field(description="Stable id of the journey; its page's address.")
    title: Text = Field(description="The journey's title.")
    persona: Ref | None = Field(default=None, description="Id of the persona.")
    personas: ListOf[Ref] = Field(
        default_factory=list, description="Ids of several personas, instead of persona."
    )
    owner: Ref | None = Field(
        default=None, description="Id of the team accountable for the whole journey."
    )
    parent: Ref | None = Field(
        default=None,
        description="Id of the larger journey this one is part of, e.g. customer-lifecycle.",
    )
    status: Status = Field(default="draft", description="draft, researched, live or retired.")
    goal: Text | None = Field(default=None, description="What the customer wants to achieve.")
    description: Text | None = Field(default=None, description="Background for readers.")
    stages: ListOf[Ref] = Field(
        description="Ids of the organisation's stages this journey passes, in order."
    )
    reviewed: IsoDate | None = Field(
        default=None, description="When the journey was last reviewed (YYYY-MM-DD)."
    )
    tags: ListOf[Text] = Field(default_factory=list, description="Free tags for the handbook.")
    promises: ListOf[Promise] = Field(
        default_factory=list, description="Promises made to the customer on this journey."
    )
    touchpoints: ListOf[TouchPoint] = Field(description="The touch points, in journey order.")
    ignore: ListOf[Code] = Field(
        default_factory=list, description="Check codes not to report anywhere in this journey."
    )

    @property
    def all_personas(self) -> list[str]:
        """``persona`` and ``personas`` together, each once."""
        return list(dict.fromkeys(([self.persona] if self.persona else []) + self.personas))

    @cached_property
    def touchpoint_ids(self) -> dict[str, TouchPoint]:
        return by_id(self.touchpoints)

    @cached_property
    def promise_ids(self) -> dict[str, Promise]:
        return by_id(self.promises)
