"""Every field of every file kind against every wrong YAML shape.

The cases are generated from the models, so a field added later is covered
without anyone writing a test for it: each wrong value gets a CX002 on its own
line (or, in ``cxmap.yaml``, a located configuration error), or is accepted
because it is valid, and never an internal error.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from cxmap.cli import main
from cxmap.config import Config
from cxmap.diagrams import VIEWS, JourneyView, job
from cxmap.errors import EXIT_INTERNAL, EXIT_USAGE
from cxmap.handbook.generate import generate
from cxmap.linter import lint
from cxmap.model import Journey, Organization

pytestmark = pytest.mark.slow  # some 1100 projects checked, a few hundred drawn

SENTINEL = "__wrong_value__"

WRONG_VALUES = {
    "empty list": "[]",
    "list": "[1, 2]",
    "empty mapping": "{}",
    "mapping": "{a: 1}",
    "null": "null",
    "integer": "7",
    "float": "2.5",
    "boolean": "true",
    "text": "some text",
    "date": "2026-01-01",
    "long text": "x" * 5000,
}
ALWAYS_WRONG = ("list", "mapping")
"""Shapes that no field accepts: a list of numbers, a mapping with an unknown key."""

ORGANIZATION: dict[str, Any] = {
    "organization": {
        "name": "Test Org",
        "description": "An organisation for tests.",
        "departments": [
            {
                "id": "service",
                "name": "Service",
                "description": "Front line.",
                "roles": ["front-line"],
            },
            {"id": "sales", "name": "Sales"},
        ],
        "teams": [
            {
                "id": "desk",
                "name": "Desk",
                "department": "service",
                "description": "The desk.",
                "lead": "A. Lead",
                "contact": "desk@example.org",
            },
            {"id": "shop", "department": "sales"},
        ],
        "channels": [
            {"id": "email", "name": "E-mail", "staffed": True, "description": "Mail."},
            {"id": "web"},
        ],
        "personas": [{"id": "buyer", "name": "Buyer", "description": "Buys things."}],
        "services": [{"id": "order", "name": "An order", "description": "Buying goods."}],
        "stages": [
            {"id": "buy", "name": "Buy", "description": "Buying."},
            {"id": "help", "name": "Help"},
        ],
    }
}

JOURNEY: dict[str, Any] = {
    "journey": {
        "id": "order",
        "title": "Placing an order",
        "persona": "buyer",
        "personas": [],
        "owner": "desk",
        "status": "live",
        "goal": "Get the goods",
        "description": "From order to help.",
        "stages": ["buy", "help"],
        "parent": "orders",
        "reviewed": "2026-01-01",
        "tags": ["orders"],
        "ignore": ["CX202"],
        "promises": [
            {
                "id": "fast",
                "text": "Delivered in two days",
                "within": "2d",
                "starts_at": "checkout",
                "description": "On the receipt.",
            }
        ],
        "touchpoints": [
            {
                "id": "checkout",
                "name": "Checkout",
                "stage": "buy",
                "department": "sales",
                "service": "order",
                "owner": "shop",
                "channels": ["web"],
                "audience": "customer",
                "customer": None,
                "confidence": "observed",
                "description": "Pays for the order.",
                "moment_of_truth": True,
                "proactive": False,
                "customer_action": "Pays",
                "physical_evidence": ["Receipt"],
                "actors": ["Customer"],
                "expectation": {"text": "Paying is quick", "within": "2m"},
                "standard": {
                    "text": "Three steps",
                    "within": "1m",
                    "measured_from": "the cart page",
                },
                "delight": "Slot confirmed on the spot",
                "promises": ["fast"],
                "emotion": 1,
                "pain_points": ["Slow page"],
                "opportunities": [
                    {"text": "Saved cards", "value": 4, "effort": 2, "owner": "desk"},
                    "Pay by bank",
                ],
                "repeats": ["Order number"],
                "next": ["help-mail"],
                "handles_complaints": False,
                "recovery": "An apology",
                "backstage": ["Stock is reserved"],
                "support_processes": ["Shop system"],
                "kpis": [
                    {
                        "id": "csat",
                        "name": "CSAT",
                        "target": 4.5,
                        "actual": 4.6,
                        "better": "higher",
                        "unit": "pt",
                    },
                    {"id": "time-to-pay", "target": 1, "unit": "m", "measures": "standard"},
                ],
                "tags": ["web"],
                "ignore": ["CX105"],
                "to_be": {
                    "emotion": 2,
                    "expectation": {"text": "Paying is instant", "within": "1m"},
                    "standard": {"text": "One step", "within": "30s"},
                    "channels": ["web"],
                    "description": "One-click checkout.",
                },
            },
            {
                "id": "help-mail",
                "name": "Help by e-mail",
                "stage": "help",
                "owner": "desk",
                "channels": ["email"],
                "expectation": {"text": "Told a day ahead", "ahead": "1d"},
                "standard": {"text": "Reply within 4 hours", "within": "4h"},
                "keeps": ["fast"],
                "escalates_to": "shop",
                "handles_complaints": True,
            },
        ],
    }
}

CONFIG: dict[str, Any] = {
    "journeys_dir": "journeys",
    "review_every": "365d",
    "required_departments": ["service"],
    "rules": {"CX202": "off"},
    "limits": {
        "max_file_size": 100000,
        "max_depth": 64,
        "max_aliases": 10,
        "max_nodes": 100000,
    },
    "diagrams": {"link": "#tp-{touchpoint}"},
    "measurements": {"file": "measurements.csv", "max_age": "3mo"},
}
MEASUREMENTS = "date,journey,touchpoint,kpi,value\n2026-01-01,order,checkout,time-to-pay,1.5\n"


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes an annotation validates with (inside lists, unions, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _models_in(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType, list, dict):
        for argument in typing.get_args(annotation):
            yield from _models_in(argument)


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def field_paths(
    model: type[BaseModel], base: Any, path: tuple[str | int, ...], seen: set[type[BaseModel]]
) -> Iterator[tuple[str | int, ...]]:
    """The path of every field of ``model`` and of the models nested in it, in ``base``."""
    seen.add(model)
    for name, info in model.model_fields.items():
        here = (*path, name)
        yield here
        value = _get(base, path).get(name)
        if typing.get_origin(info.annotation) is dict and isinstance(value, dict) and value:
            yield (*here, next(iter(value)))  # a value of the mapping (rules: {CX202: …})
        for nested in _models_in(info.annotation):
            if nested in seen:
                continue
            if isinstance(value, list) and value and isinstance(value[0], dict):
                yield from field_paths(nested, base, (*here, 0), seen)
            elif isinstance(value, dict):
                yield from field_paths(nested, base, here, seen)
            else:
                pytest.fail(f"the base document has no {nested.__name__} at {here}: add one")


def _case_id(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path)


KINDS: dict[str, tuple[type[BaseModel], dict[str, Any], tuple[str, ...]]] = {
    "organization": (Organization, ORGANIZATION, ("organization",)),
    "journey": (Journey, JOURNEY, ("journey",)),
    "config": (Config, CONFIG, ()),
}
CASES = [
    pytest.param(kind, path, id=f"{kind}:{_case_id(path)}")
    for kind, (model, base, start) in KINDS.items()
    for path in field_paths(model, base, start, set())
]


def with_wrong_value(
    base: dict[str, Any], path: tuple[str | int, ...], literal: str
) -> tuple[str, int]:
    """``base`` as block YAML with ``literal`` at ``path``, and the line it is on."""
    data = copy.deepcopy(base)
    _get(data, path[:-1])[path[-1]] = SENTINEL
    text = yaml.safe_dump(data, sort_keys=False, width=10**6, allow_unicode=True)
    line = text[: text.index(SENTINEL)].count("\n") + 1
    return text.replace(SENTINEL, literal), line


def write_project(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def run_check(root: Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["check", str(root), "--format", "json"])
    return code, stdout.getvalue(), stderr.getvalue()


PAGE_SHAPES = ("text", "long text", "null")
"""Accepted shapes that also build the handbook pages (Graphviz makes each build slow)."""


def draw_and_generate(root: Path, pages: bool) -> None:
    """What was accepted must also draw (its DOT source) and, if asked, make the pages."""
    report = lint(root)
    for doc in report.project.journeys:
        view = JourneyView(report.project, doc, [f for f in report.findings if f.file == doc.file])
        for kind in VIEWS:
            assert job(view, kind, "dot").source.startswith("digraph")
    if pages:
        assert "index.md" in generate(report, inline=False).pages


def test_the_base_documents_check_without_schema_errors(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "journeys/organization.yaml": yaml.safe_dump(ORGANIZATION, sort_keys=False),
            "journeys/order.yaml": yaml.safe_dump(JOURNEY, sort_keys=False),
            "cxmap.yaml": yaml.safe_dump(CONFIG, sort_keys=False),
            "measurements.csv": MEASUREMENTS,
        },
    )
    code, out, err = run_check(tmp_path)
    assert code in (0, 1), err
    codes = [finding["code"] for finding in json.loads(out)["findings"]]
    assert "CX002" not in codes
    assert len(CASES) > 80  # every model's fields are generated, not a handful


@pytest.mark.parametrize(("kind", "path"), CASES)
def test_every_wrong_value_is_located_or_accepted(
    kind: str, path: tuple[str | int, ...], tmp_path: Path
) -> None:
    base = KINDS[kind][1]
    for shape, literal in WRONG_VALUES.items():
        root = tmp_path / shape.replace(" ", "-")
        files = {
            "journeys/organization.yaml": yaml.safe_dump(ORGANIZATION, sort_keys=False),
            "journeys/order.yaml": yaml.safe_dump(JOURNEY, sort_keys=False),
            "cxmap.yaml": yaml.safe_dump(CONFIG, sort_keys=False),
            "measurements.csv": MEASUREMENTS,
        }
        name = {
            "organization": "journeys/organization.yaml",
            "journey": "journeys/order.yaml",
            "config": "cxmap.yaml",
        }[kind]
        files[name], line = with_wrong_value(base, path, literal)
        write_project(root, files)
        code, out, err = run_check(root)
        where = f"{shape} ({literal[:20]}) at {_case_id(path)}"
        assert code != EXIT_INTERNAL, f"{where}: {err}"
        assert "Traceback" not in err, where
        if kind == "config":
            rejected = code == EXIT_USAGE
            if rejected:
                assert f"cxmap.yaml:{line}:" in err or "journeys_dir" in err, f"{where}: {err}"
            else:
                assert code in (0, 1), f"{where}: {err}"
        else:
            assert code in (0, 1), f"{where}: {err}"
            schema = [f for f in json.loads(out)["findings"] if f["code"] == "CX002"]
            stray = [f for f in schema if (f["file"], f["line"]) != (name, line)]
            assert not stray, f"{where}: CX002 elsewhere than line {line}: {stray}"
            rejected = bool(schema)
            if not rejected:
                draw_and_generate(root, pages=shape in PAGE_SHAPES)
        if shape in ALWAYS_WRONG:
            assert rejected, f"{where} was accepted"
