"""The example organisations are realistic, complete and clean, and what they find is reviewed.

There are two, quite unlike each other: a cycle company in ``journeys/`` and a
district council in ``examples/council/``. Their findings are kept in golden files
(``tests/golden/examples/``), one line each, so that a change to a check or an
example shows in review as a change of what the examples say;
``CXMAP_UPDATE_GOLDEN=1`` rewrites them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from helpers import REPO, check

from cxmap.checks import REGISTRY
from cxmap.findings import Severity
from cxmap.linter import lint

EXAMPLES = {"cycles": REPO, "council": REPO / "examples" / "council"}
GOLDEN = Path(__file__).parent / "golden" / "examples"
TODAY = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def test_example_has_no_errors_and_is_complete() -> None:
    report = check(REPO)
    assert [f for f in report.findings if f.severity is Severity.ERROR] == []
    project = report.project
    assert project.organization is not None
    org = project.organization.model
    journeys = [doc.model for doc in project.journeys]
    assert len(journeys) >= 4

    def department(touchpoint_department: str | None, owner: str | None) -> str | None:
        if touchpoint_department:
            return touchpoint_department
        team = org.team_ids.get(owner or "")
        return team.department if team else None

    departments = {
        department(tp.department, tp.owner) for journey in journeys for tp in journey.touchpoints
    }
    assert {"marketing", "sales", "service", "rnd"} <= departments
    assert any(tp.is_internal and tp.customer for j in journeys for tp in j.touchpoints)
    for journey in journeys:
        made = {p for tp in journey.touchpoints for p in tp.promises}
        kept = {p for tp in journey.touchpoints for p in tp.keeps}
        assert made <= kept, f"{journey.id}: promises made but not kept: {made - kept}"
    assert sum(len(j.promises) for j in journeys) >= 3


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(TODAY.timestamp())))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_check_runs_on_the_example_and_none_finds_an_error(name: str) -> None:
    report = lint(EXAMPLES[name])
    assert report.checks == sorted(REGISTRY)
    assert [f for f in report.findings if f.severity is Severity.ERROR] == []
    assert len(report.project.journeys) >= 5
    lines = "".join(
        f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}\n"
        for f in report.findings
    )
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("CXMAP_UPDATE_GOLDEN"):
        golden.write_text(lines, encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8")


def test_the_examples_are_unlike_each_other() -> None:
    organizations = [lint(root).project.organization for root in EXAMPLES.values()]
    assert all(org is not None for org in organizations)
    departments = [{d.id for d in org.model.departments} for org in organizations if org]
    assert departments[0].isdisjoint(departments[1])
    for org in organizations:
        assert org is not None
        roles = {role for d in org.model.departments for role in d.roles}
        assert {"front-line", "delivery"} <= roles


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_file_of_the_example_points_its_editor_at_a_schema_that_exists(name: str) -> None:
    files = sorted((EXAMPLES[name] / "journeys").glob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), path
        assert (path.parent / first[len(prefix) :]).resolve().is_file(), path
