"""CX302-CX303: the front line can pass problems on, and complaints have a path."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.facts import front_line
from cxmap.findings import Finding, Severity
from cxmap.project import Project


def no_escalation(project: Project) -> Iterable[Finding]:
    """A front-line touch point on a staffed channel has no `escalates_to`.

    The person who answers the phone or the chat cannot solve everything. When
    they can hand a case up to a team that can, the customer gets an answer
    instead of an apology; when they cannot, small problems grow into public
    ones.

    Fires on a front-line touch point that uses at least one channel marked
    `staffed: true` in the organisation, and names no escalation team.

    Your organisation: the front line is every department whose `roles` include
    `front-line` in `organization.yaml`; a touch point's department is its own
    `department` or its owning team's. Without that role anywhere, every
    touch point that faces customers on a staffed channel counts as front line.
    Mark channels where a person answers with `staffed: true`.

    Fix it by naming the team that takes over:

        escalates_to: returns-team
    """
    is_front_line = front_line(project)
    for doc, touchpoint in project.touchpoints():
        if touchpoint.escalates_to or not is_front_line(touchpoint):
            continue
        staffed = [channel for channel in touchpoint.channels if project.is_staffed(channel)]
        if staffed:
            yield doc.finding(
                "CX302",
                f"front-line touch point {touchpoint.id!r} on staffed channel "
                f"{staffed[0]!r} has no escalates_to: name the team that takes over",
                touchpoint.mark,
                touchpoint,
            )


def no_complaint_path(project: Project) -> Iterable[Finding]:
    """A journey has no touch point that handles complaints.

    Things go wrong on every journey. A customer who complains and is heard
    often ends up more loyal than one who never had a problem; a customer who
    finds no one to complain to tells everyone else instead.

    Fires when no touch point of the journey has `handles_complaints: true`.
    A journey with no touch points of its own (one made of sub-journeys, which
    are checked themselves) is left out.

    Your organisation: nothing is assumed about who handles complaints; mark
    the touch points where your organisation really receives them, whichever
    department owns them — a complaints team, a patient liaison service, the
    front desk.

    Fix it by marking the touch point where complaints are received and
    resolved, or by adding one.
    """
    for doc in project.journeys:
        journey = doc.model
        if journey.touchpoints and not any(tp.handles_complaints for tp in journey.touchpoints):
            yield doc.finding(
                "CX303",
                f"journey {journey.id!r} has no touch point with handles_complaints: true",
                journey.mark,
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX302", "no-escalation", Severity.WARNING, no_escalation)
check("CX303", "no-complaint-path", Severity.WARNING, no_complaint_path)
