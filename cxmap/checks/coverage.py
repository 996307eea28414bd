"""CX201-CX205: every stage is covered, over more than one channel, and connected."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.project import Project


def empty_stage(project: Project) -> Iterable[Finding]:
    """A stage of the journey has no touch point.

    A journey lists the stages its customer passes through. A stage with no
    touch point is a blind spot: the customer is somewhere in it, and nobody has
    said what they meet there or who owns it.

    Fix it by adding the touch points of that stage, or by removing the stage
    from the journey's `stages` if the customer really skips it.
    """
    for doc in project.journeys:
        journey = doc.model
        used = {touchpoint.stage for touchpoint in journey.touchpoints}
        for index, stage in enumerate(journey.stages):
            if stage not in used:
                yield doc.finding(
                    "CX201",
                    f"stage {stage!r} of journey {journey.id!r} has no touch point",
                    journey.value_at("stages", index),
                )


def single_channel_stage(project: Project) -> Iterable[Finding]:
    """Every touch point of a stage offers the same one channel.

    Customers want to choose how they reach the organisation: a phone number
    alone is not enough when some would rather write, chat, ask in a forum or
    walk into a shop. A whole stage served by a single channel shuts out
    everyone who cannot or will not use it.

    Fires when the touch points of a stage name channels, and together they name
    only one.

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
    """A journey has no touch point of a required department.

    Service is not one department's job: marketing sets expectations, sales
    makes promises, service keeps them and R&D builds what the customer uses. A
    journey without any touch point of one of them often hides a hand-off nobody
    mapped.

    The required departments are `required_departments` in `cxmap.yaml`
    (by default marketing, sales, service and rnd); those the organisation does
    not define are left out. A touch point's department is its own
    `department` or its owning team's.

    Fix it by mapping that department's part of the journey, or ignore the code
    on journeys where it truly has none (`ignore: [CX204]`).
    """
    org = project.organization
    if org is None:
        return
    required = [d for d in project.config.required_departments if d in org.model.department_ids]
    for doc in project.journeys:
        present = {project.department_of(touchpoint) for touchpoint in doc.model.touchpoints}
        missing = [department for department in required if department not in present]
        for department in missing:
            yield doc.finding(
                "CX204",
                f"journey {doc.model.id!r} has no touch point of department {department!r}",
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
check("CX201", "empty-stage", Severity.WARNING, empty_stage)
check("CX202", "single-channel-stage", Severity.WARNING, single_channel_stage)
check("CX203", "unreachable", Severity.INFO, unreachable)
check("CX204", "department-gap", Severity.INFO, department_gap)
check("CX205", "next-to-itself", Severity.WARNING, next_to_itself)
