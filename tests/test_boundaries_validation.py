"""Schema errors and the located walk at their boundaries.

``cxmap.validation`` through ``lint`` of small projects and through ``validate`` with
small models; ``cxmap.yamlpath`` (``walk``, ``item_id``, ``id_in``) directly. Each test
pins what a one-token change would move: the touch point a CX002 names, where it is
located, what pruning keeps, and what a walk reports where its path ends, leaves the
data or runs one past the end of a list.
"""

from __future__ import annotations

from helpers import QUIET, MakeProject, check
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from typing_extensions import TypedDict

from cxmap.findings import Finding
from cxmap.model.types import ListOf, Located, Slug, Text
from cxmap.validation import model_at, validate
from cxmap.yamlpath import Walk, id_in, item_id, walk
from cxmap.yamlsource import YList, YMap, parse

HEAD = """journey:
  id: j
  title: J
  owner: support-desk
  stages: [support]
"""

ASK = """    - id: ask
      name: Ask
      stage: support
      owner: support-desk
      expectation: An answer
"""


def schema_errors(make_project: MakeProject, journey: str) -> list[Finding]:
    root = make_project({"j.yaml": journey}, config=QUIET)
    return [f for f in check(root).findings if f.code == "CX002"]


def placed(findings: list[Finding]) -> list[tuple[int, int, str | None, str]]:
    return [(f.line, f.column, f.touchpoint, f.message) for f in findings]


# -- the touch point a schema error names ------------------------------------------------


def test_an_error_in_the_list_of_touch_points_itself_names_no_touch_point(
    make_project: MakeProject,
) -> None:
    errors = schema_errors(make_project, HEAD + "  touchpoints: 3\n")
    assert placed(errors) == [(6, 16, None, "'touchpoints' must be a list, not the number 3")]


def test_a_touch_point_whose_id_is_not_text_is_named_by_no_id(make_project: MakeProject) -> None:
    journey = HEAD + "  touchpoints:\n    - id: 5\n      name: Ask\n      stage: support\n"
    errors = schema_errors(make_project, journey)
    assert placed(errors) == [(7, 11, None, "'id' must be text, not the number 5")]


def test_an_error_in_a_promise_names_no_touch_point(make_project: MakeProject) -> None:
    journey = HEAD + "  promises:\n    - id: p\n      text: ''\n  touchpoints:\n" + ASK
    errors = schema_errors(make_project, journey)
    assert placed(errors) == [(8, 13, None, "'text' must not be empty")]


def test_an_empty_expectation_is_located_at_its_text(make_project: MakeProject) -> None:
    journey = HEAD + "  touchpoints:\n" + ASK.replace("An answer", "''")
    errors = schema_errors(make_project, journey)
    assert placed(errors) == [(11, 20, "ask", "'text' must not be empty")]


# -- validate: pruning and the models of unknown keys -------------------------------------


class Named(Located):
    id: Slug
    label: Text


class Catalogue(Located):
    name: Text
    named: ListOf[Named] = Field(default_factory=list)


def test_an_item_dropped_with_its_broken_id_in_one_round_keeps_that_id() -> None:
    raw = b"name: x\nnamed: [{id: Bad Id}, {id: b, label: B}]\n"
    result = validate(Catalogue, parse(raw).data, item_key="named")
    assert result.model is not None
    assert [n.id for n in result.model.named] == ["b"]
    assert result.pruned_ids == {"named": {"Bad Id"}}


class Sized(Located):
    id: Slug
    size: int = 1


class Grouped(Located):
    groups: dict[str, ListOf[Sized]] = Field(default_factory=dict)


def test_only_a_named_item_key_asks_for_the_item_of_each_error() -> None:
    raw = b'groups: {"": [{id: a, size: x}], g: [{id: b, size: y}]}\n'
    by_key = {
        key: [e.item for e in validate(Grouped, parse(raw).data, item_key=key).errors]
        for key in ("g", "")
    }
    assert by_key == {"g": [None, "b"], "": [None, None]}


class NeedsName(BaseModel):
    """``checked`` is validated even when unwritten, and only passes once ``name`` has."""

    model_config = ConfigDict(extra="forbid")
    name: str
    checked: str = Field(default="", validate_default=True)

    @field_validator("checked")
    @classmethod
    def _after_name(cls, value: str, info: ValidationInfo) -> str:
        if "name" not in info.data:
            raise ValueError("needs a name")
        return value


def test_an_error_that_cannot_be_pruned_leaves_no_model_though_a_placeholder_fits() -> None:
    result = validate(NeedsName, parse(b"{}\n").data, {"name": "unnamed"})
    assert result.model is None
    assert result.placeholders == {"name"}
    assert [e.message for e in result.errors] == [
        "missing required key 'name'",
        "'checked': Value error, needs a name",
    ]


class Closed(TypedDict):
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    size: int


class HoldsClosed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    closed: Closed


def test_an_unknown_key_of_a_typed_dict_gets_no_suggestion() -> None:
    result = validate(HoldsClosed, parse(b"closed: {size: 1, sise: 2}\n").data)
    assert [(e.message, e.mark) for e in result.errors] == [("unknown key 'sise'", (1, 19))]


def test_model_at_names_only_models() -> None:
    assert model_at(Catalogue, ()) is Catalogue
    assert model_at(Catalogue, ("named", 0)) is Named
    assert model_at(Catalogue, ("name",)) is None
    assert model_at(Catalogue, ("named",)) is None
    assert model_at(HoldsClosed, ("closed",)) is None


# -- yamlpath: walk, item_id, id_in --------------------------------------------------------


def sample() -> YMap:
    data = parse(b"name: x\nsub: {y: 2}\nitems: [{id: a}]\n").data
    assert isinstance(data, YMap)
    return data


def test_an_empty_path_is_a_complete_walk_that_lacks_nothing() -> None:
    data = sample()
    assert walk(data, ()) == Walk([], None, complete=True)


def test_a_missing_last_key_is_named_and_the_walk_ends_at_its_mapping() -> None:
    data = sample()
    route = walk(data, ("sub", "z"))
    assert (route.missing, route.complete, route.node) == ("z", True, data["sub"])
    assert [step.segment for step in route.steps] == ["sub"]


def test_a_missing_key_stops_the_walk_when_not_skipped() -> None:
    data = sample()
    route = walk(data, ("sub", "z"), skip_missing=False)
    assert (route.missing, route.complete, len(route.steps)) == (None, False, 1)


def test_a_key_into_text_or_an_index_into_a_mapping_stops_the_walk() -> None:
    data = sample()
    assert walk(data, ("name", "x")) == Walk(walk(data, ("name",)).steps, None, complete=False)
    assert walk(data, ("sub", 0)) == Walk(walk(data, ("sub",)).steps, None, complete=False)


def test_an_index_one_past_the_end_stops_the_walk() -> None:
    data = sample()
    route = walk(data, ("items", 1))
    assert route == Walk(walk(data, ("items",)).steps, None, complete=False)
    assert route.complete is False


def test_a_list_at_the_top_is_in_no_list_key() -> None:
    top = parse(b"- {id: a}\n").data
    assert isinstance(top, YList)
    route = walk(top, (0, "id"))
    assert [(step.segment, step.list_key) for step in route.steps] == [(0, None), ("id", None)]
    inner = walk(sample(), ("items", 0))
    assert [(step.segment, step.list_key) for step in inner.steps] == [
        ("items", None),
        (0, "items"),
    ]


def test_item_id_is_only_a_text_id() -> None:
    assert item_id(parse(b"{id: a}\n").data) == "a"
    assert item_id(parse(b"{id: 5}\n").data) is None
    assert item_id(parse(b"{name: a}\n").data) is None


def test_id_in_follows_the_path_exactly() -> None:
    data = sample()
    assert id_in(data, ("items", 0, "id"), "items") == "a"
    assert id_in(data, ("gone", "items", 0), "items") is None
    assert id_in(data, ("items",), "items") is None
    assert id_in(data, ("sub", "y"), "items") is None
