"""CX201-CX205: every stage is covered, over more than one channel, and connected."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence

from cxmap import facts
from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.project import Project
from cxmap.summary import JourneySummary, unread


def empty_stage(project: Project) -> Iterable[Finding]:
    """A stage of the journey has no touch point.

    A journey lists the stages its customer passes through. A stage with no
    touch point is a blind spot: the customer is somewhere in it, and nobody has
    said what they meet there or who owns it.

    Your organisation: nothing is assumed; a journey's stages come from the
    organisation's own stage vocabulary, so a council's `apply` and `decide`
    or a hospital's `referral` and `discharge` work alike.

    A journey with no touch points of its own is a lifecycle made of
    sub-journeys, which name it as their `parent`, or a journey not mapped yet:
    the first is left out, the second gets one finding at its `id`.

    Fix it by adding the touch points of that stage, or by removing the stage
    from the journey's `stages` if the customer really skips it.
    """
    for doc in project.journeys:
        journey = doc.model
        if not journey.touchpoints:
            continue  # made of sub-journeys (parent), or not mapped yet
        used = {touchpoint.stage for touchpoint in journey.touchpoints}
        for index, stage in enumerate(journey.stages):
            if stage not in used:
                yield doc.finding(
                    "CX201",
                    f"stage {stage!r} of journey {journey.id!r} has no touch point",
                    journey.value_at("stages", index),
                )


def unmapped_journeys(journeys: Sequence[JourneySummary], project: Project) -> Iterable[Finding]:
    """CX201 across journeys: a journey without touch points that no journey is part of."""
    if unread(journeys, project):
        return  # a journey file that could not be read may name it as its parent
    parents = {journey.parent for journey in journeys}
    for journey in journeys:
        unmapped = not journey.touchpoints and not journey.pruned_touchpoints
        if unmapped and journey.id not in parents:
            yield journey.finding(
                "CX201",
                f"journey {journey.id!r} has no touch points, and no journey names it as "
                "its parent: map what the customer meets in its stages",
                journey.id_at,
            )


def single_channel_stage(project: Project) -> Iterable[Finding]:
    """Every touch point of a stage offers the same one channel.

    Customers want to choose how they reach the organisation: a phone number
    alone is not enough when some would rather write, chat, ask in a forum or
    walk into a shop. A whole stage served by a single channel shuts out
    everyone who cannot or will not use it.

    Fires when the touch points of a stage name channels, and together they name
    only one.

    Your organisation: the channels are those `organization.yaml` declares.
    Where law or safety dictates one channel (a signed paper form, an
    inspection on site), switch the check off for that journey with `ignore:
    [CX202]` and say why in a comment.

    Fix it by offering another channel at that stage (`channels: [phone,
    chat]`), or switch the check off for journeys where one channel is right.
    """
    for doc in project.journeys:
        journey = doc.model
        for index, stage in enumerate(journey.stages):
            channels = {
                channel
                for touchpoint in journey.touchpoints
                if touchpoint.stage == stage
                for channel in touchpoint.channels
            }
            if len(channels) == 1:
                yield doc.finding(
                    "CX202",
                    f"stage {stage!r} of journey {journey.id!r} is served only by "
                    f"channel {channels.pop()!r}",
                    journey.value_at("stages", index),
                )


def unreachable(project: Project) -> Iterable[Finding]:
    """A touch point cannot be reached along `next` from the first stage.

    When a journey draws its flow with `next`, every touch point should be
    on some path a customer can take from the start. One that cannot be reached
    is usually a missing `next` link, or a touch point left over from an
    earlier version of the journey.

    Only checked in journeys that use `next`. The start is every touch point
    of the first stage that has any.

    Your organisation: nothing is assumed; it only reads the journey's own
    `next` links.

    Fix it by linking the touch point from the one before it
    (`next: [return-request]`), or remove it if it is obsolete.
    """
    for doc in project.journeys:
        journey = doc.model
        if not any(touchpoint.next for touchpoint in journey.touchpoints):
            continue
        first = next(
            (
                stage
                for stage in journey.stages
                if any(touchpoint.stage == stage for touchpoint in journey.touchpoints)
            ),
            None,
        )
        if first is None:
            continue  # no touch point is in any of the journey's stages (CX005 says so)
        by_id = journey.touchpoint_ids
        queue = deque(tp.id for tp in journey.touchpoints if tp.stage == first)
        seen = set(queue)
        while queue:
            current = by_id.get(queue.popleft())
            for following in current.next if current is not None else []:
                if following not in seen:
                    seen.add(following)
                    queue.append(following)
        for touchpoint in journey.touchpoints:
            if touchpoint.id not in seen:
                yield doc.finding(
                    "CX203",
                    f"touch point {touchpoint.id!r} cannot be reached along next "
                    f"from the first stage ({first})",
                    touchpoint.mark,
                    touchpoint,
                )


def department_gap(project: Project) -> Iterable[Finding]:
    """A journey has no touch point of a part every journey should involve.

    Service is not one department's job: someone tells customers what to
    expect, someone makes them a promise, the front line answers them and
    someone delivers. A journey without any touch point of one of these parts
    often hides a hand-off nobody mapped.

    Your organisation: the parts come from the most explicit place that says.
    With `required_departments` in `cxmap.yaml`, each of those departments is
    required (an id the organisation does not define is a CX005, with a
    suggestion). Otherwise each journey role that a department declares in
    `organization.yaml` — `expectations`, `promises`, `front-line`,
    `delivery` — is required, and any department with that role covers it.
    An organisation that declares no roles at all requires every department.
    A touch point's department is its own `department` or its owning team's.

    Fix it by mapping that part of the journey, by giving departments the roles
    they really play, or ignore the code on journeys where a part truly has
    no place (`ignore: [CX204]`); `required_departments: []` switches the
    requirement off. A journey with no touch points of its own (one made of
    sub-journeys) is left out.
    """
    parts = facts.required_parts(project)
    for doc in project.journeys:
        if not doc.model.touchpoints:
            continue  # made of sub-journeys (parent), or not mapped yet
        present = {project.department_of(touchpoint) for touchpoint in doc.model.touchpoints}
        for part in parts:
            if present.isdisjoint(part.departments):
                yield doc.finding(
                    "CX204",
                    f"journey {doc.model.id!r} has no touch point of {part.label}",
                    doc.model.mark,
                )


def next_to_itself(project: Project) -> Iterable[Finding]:
    """A touch point's `next` names the touch point itself.

    `next` draws the flow from one moment to the moments that follow it. A
    touch point that follows itself is almost always a copy-and-paste slip
    that hides the link that was meant, and the diagrams draw it as a loop
    that leads nowhere.

    If the customer really repeats a step (a second reminder, another try),
    map the repetition as its own touch point, so that it can have its own
    standard and owner.

    Your organisation: nothing is assumed; it only reads the journey's own
    `next` links.

    Fix it by naming the touch point that really comes next.
    """
    for doc, touchpoint in project.touchpoints():
        for index, following in enumerate(touchpoint.next):
            if following == touchpoint.id:
                yield doc.finding(
                    "CX205",
                    f"touch point {touchpoint.id!r} names itself in next: "
                    "name the touch point that follows it",
                    touchpoint.value_at("next", index),
                    touchpoint,
                )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX201", "empty-stage", Severity.WARNING, empty_stage, unmapped_journeys)
check("CX202", "single-channel-stage", Severity.WARNING, single_channel_stage)
check("CX203", "unreachable", Severity.INFO, unreachable)
check("CX204", "department-gap", Severity.INFO, department_gap)
check("CX205", "next-to-itself", Severity.WARNING, next_to_itself)
