"""The example organisation in journeys/ is realistic, complete and clean."""

from __future__ import annotations

from helpers import REPO, check

from cxmap.findings import Severity


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
