"""CX101-CX102: every touch point has an owner and a stated customer expectation."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.project import Project


@check("CX101", "missing-owner", Severity.ERROR)
def missing_owner(project: Project) -> Iterable[Finding]:
    """A touch point or a journey has no `owner`.

    Service is everyone's job, which only works when every moment the customer
    meets the organisation belongs to a named team: marketing's campaign mail,
    sales' quote, service's phone line, R&D's firmware update, and the internal
    hand-offs between them. A touch point without an owner is one nobody will
    improve, measure or answer for; a journey without an owner has nobody who
    looks at it end to end.

    Fix it by naming the accountable team's id:

        - id: return-request
          owner: support-desk
    """
    for doc in project.journeys:
        journey = doc.model
        if not journey.owner:
            yield doc.finding(
                "CX101",
                f"journey {journey.id!r} has no owner: name the team accountable for it end to end",
                journey.mark,
            )
        for touchpoint in journey.touchpoints:
            if not touchpoint.owner:
                yield doc.finding(
                    "CX101",
                    f"touch point {touchpoint.id!r} has no owner: name the team that owns it",
                    touchpoint.mark,
                    touchpoint,
                )


@check("CX102", "missing-expectation", Severity.ERROR)
def missing_expectation(project: Project) -> Iterable[Finding]:
    """A touch point has no `expectation`.

    Exceeding expectations starts with knowing them. Every touch point, internal
    hand-offs included, states what its customer expects at that moment, in the
    customer's words, ideally with a time (`within`). The organisation's
    `standard` is then measured against it.

    Fix it by writing the expectation as text or as text and a time:

        expectation: {text: A reply the same day, within: 8h}
    """
    for doc in project.journeys:
        for touchpoint in doc.model.touchpoints:
            if touchpoint.expectation is None or touchpoint.expectation.is_empty:
                yield doc.finding(
                    "CX102",
                    f"touch point {touchpoint.id!r} has no expectation: "
                    "say what the customer expects here",
                    touchpoint.mark
                    if touchpoint.expectation is None
                    else touchpoint.value_at("expectation"),
                    touchpoint,
                )
