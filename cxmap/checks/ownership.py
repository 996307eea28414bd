"""CX101, CX102, CX106: owners for every touch point, stated expectations, no idle teams."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cxmap.checks.registry import check, check_across
from cxmap.findings import Finding, Severity
from cxmap.project import Project
from cxmap.summary import JourneySummary


def missing_owner(project: Project) -> Iterable[Finding]:
    """A touch point or a journey has no `owner`.

    Service is everyone's job, which only works when every moment the customer
    meets the organisation belongs to a named team: marketing's campaign mail,
    sales' quote, service's phone line, R&D's firmware update, and the internal
    hand-offs between them. A touch point without an owner is one nobody will
    improve, measure or answer for; a journey without an owner has nobody who
    looks at it end to end.

    Your organisation: an owner is any team declared in `organization.yaml`,
    in any department; it need not be the team that faces the customer.
    Where a partner or supplier delivers a touch point, name the team that
    manages the partner.

    Fix it by naming the accountable team's id:

        - id: return-request
          owner: support-desk
    """
    for doc in project.journeys:
        journey = doc.model
        if not journey.owner and not doc.was_broken("owner"):
            yield doc.finding(
                "CX101",
                f"journey {journey.id!r} has no owner: name the team accountable for it end to end",
                journey.mark,
            )
        for touchpoint in journey.touchpoints:
            if not touchpoint.owner and not doc.was_broken("owner", touchpoint.id):
                yield doc.finding(
                    "CX101",
                    f"touch point {touchpoint.id!r} has no owner: name the team that owns it",
                    touchpoint.mark,
                    touchpoint,
                )


def missing_expectation(project: Project) -> Iterable[Finding]:
    """A touch point has no `expectation`.

    Exceeding expectations starts with knowing them. Every touch point, internal
    hand-offs included, states what its customer expects at that moment, in the
    customer's words, ideally with a time (`within`). The organisation's
    `standard` is then measured against it.

    Your organisation: nothing is assumed about departments; internal touch
    points state the expectation of the team they serve, so hand-offs
    between departments are covered too.

    Fix it by writing the expectation as text or as text and a time:

        expectation: {text: A reply the same day, within: 8h}
    """
    for doc in project.journeys:
        for touchpoint in doc.model.touchpoints:
            if doc.was_broken("expectation", touchpoint.id):
                continue
            # An empty {} is a CX002 (was_broken): a validated expectation is never empty.
            if touchpoint.expectation is None:
                yield doc.finding(
                    "CX102",
                    f"touch point {touchpoint.id!r} has no expectation: "
                    "say what the customer expects here",
                    touchpoint.mark,
                    touchpoint,
                )


def team_owns_nothing(journeys: Sequence[JourneySummary], project: Project) -> Iterable[Finding]:
    """A team of the organisation owns no journey and no touch point.

    Everyone owns a part of the experience, and the handbook's team pages tell
    each team what that part is. A team that owns nothing gets an empty page:
    either its touch points have not been mapped yet, or it is listed under an
    old name, or it no longer exists.

    A team that only takes escalations or is only served as an internal
    customer still owns nothing here; the message says so, since the touch
    points where it does that work are usually worth mapping.

    Not checked while a journey file cannot be read or a touch point was left
    out for schema errors: what they own is not known then.

    Your organisation: every team in `organization.yaml` is expected to own
    something. Teams that only take escalations or serve other teams are
    fine when they own the touch points where they do so; list a team only
    once it has a part in some journey.

    Fix it by naming the team as the `owner` of the touch points it is
    accountable for, or remove it from the organisation file. Switch the check
    off in `cxmap.yaml` (`rules: {CX106: off}`) while the mapping is young.
    """
    org = project.organization
    if org is None or not _every_owner_is_known(journeys, project):
        return
    owners: set[str] = set()
    named: set[str] = set()
    for journey in journeys:
        owners.add(journey.owner or "")
        for touchpoint in journey.touchpoints:
            owners.add(touchpoint.owner or "")
            named.update((touchpoint.escalates_to or "", touchpoint.customer or ""))
    for team in org.model.teams:
        if team.id in owners:
            continue
        also = " (only as an escalation team or internal customer)" if team.id in named else ""
        yield org.finding(
            "CX106",
            f"team {team.id!r} owns no journey and no touch point{also}: "
            "name it as the owner of what it is accountable for, or remove it",
            team.mark,
        )


def _every_owner_is_known(journeys: Sequence[JourneySummary], project: Project) -> bool:
    """Whether every journey file was read and no touch point was left out for errors."""
    read = len(journeys) + (project.organization is not None)
    return read == len(project.files) and not any(
        journey.pruned_touchpoints for journey in journeys
    )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX101", "missing-owner", Severity.ERROR, missing_owner)
check("CX102", "missing-expectation", Severity.ERROR, missing_expectation)
check_across("CX106", "team-owns-nothing", Severity.INFO, team_owns_nothing)
