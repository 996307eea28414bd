"""CX103-CX105: standards are measurable, meet the expectation, and go the extra mile."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap import facts
from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.project import Project


def unmeasurable_standard(project: Project) -> Iterable[Finding]:
    """A touch point has no `standard`, or a front-line standard has no time.

    The standard is what the organisation commits to at a touch point, the
    answer to the customer's expectation. Without one, nobody can tell whether a
    moment went well. Where customers get in touch, they notice time above all —
    being on time and answering fast — so a front-line standard needs a
    `within` (a response time) or an `ahead` (a lead time) that can be measured.

    Fires when a touch point has no standard at all, and when a front-line
    touch point has a standard without `within` or `ahead`.

    Your organisation: the front line is every department whose `roles` include
    `front-line` in `organization.yaml` (a contact centre, a service desk, a
    ward reception). Declare it there; a touch point's department is its own
    `department` or its owning team's. An organisation that gives no
    department that role gets a default: every touch point that faces customers
    on a staffed channel counts as front line.

    Fix it by writing what you commit to, with a time:

        standard: {text: First reply within 4 hours, within: 4h}
    """
    is_front_line = facts.front_line(project)
    for doc, touchpoint in project.touchpoints():
        standard = touchpoint.standard
        if doc.was_broken("standard", touchpoint.id):
            continue
        if standard is None:  # an empty {} is a CX002 (was_broken), never a standard
            yield doc.finding(
                "CX103",
                f"touch point {touchpoint.id!r} has no standard: say what we commit to here",
                touchpoint.mark,
                touchpoint,
            )
        elif standard.within is None and standard.ahead is None and is_front_line(touchpoint):
            yield doc.finding(
                "CX103",
                f"the standard of front-line touch point {touchpoint.id!r} has no time: "
                "add within (e.g. within: 4h) so it can be measured",
                touchpoint.value_at("standard"),
                touchpoint,
            )


def expectation_gap(project: Project) -> Iterable[Finding]:
    """The committed response time is slower than what the customer expects.

    "Under-promise, over-deliver" only works if the promise at least meets the
    expectation. When the organisation commits to answering in two days and the
    customer expects an answer the same day, every customer who gets exactly
    the standard is disappointed.

    Fires when both `standard.within` and `expectation.within` are given and
    the standard's is longer. Only response times are compared: a lead time
    (`ahead: 10w`, "we remind you ten weeks before your licence ends") is not
    a promise to answer fast and is never compared with one. Durations compare
    by length: `1w` equals `7d` and `5wd`, and `48h` is slower than `1d`.

    When the target state closes the gap — `to_be.standard.within` meets the
    expectation (`to_be.expectation` if it changes too) — the finding says so
    and is reported as info whatever the configured level: the gap is known and
    planned for.

    Your organisation: nothing is assumed about departments. Say where each
    clock starts with `measured_from` (`from a valid application`), so that
    both sides measure the same thing.

    Fix it by committing to a standard at least as fast as the expectation, or,
    where that is not possible yet, by recording the target in `to_be` and
    setting the expectation openly with the customer.
    """
    for doc, touchpoint in project.touchpoints():
        gap = facts.expectation_gap(touchpoint)
        if gap is None:
            continue
        message = (
            f"the standard ({gap.committed}) is slower than the customer expects "
            f"({gap.expected}) at touch point {touchpoint.id!r}"
        )
        if gap.closed_by is not None:
            yield doc.finding(
                "CX104",
                f"{message}; the target standard ({gap.closed_by}) in to_be closes the gap",
                touchpoint.value_at_path("standard", "within"),
                touchpoint,
                at_most=Severity.INFO,
            )
        else:
            yield doc.finding(
                "CX104", message, touchpoint.value_at_path("standard", "within"), touchpoint
            )


def missing_delight(project: Project) -> Iterable[Finding]:
    """A moment of truth has no `delight`.

    Moments of truth decide what a customer thinks of the organisation: the
    first ride, the answer to a complaint, the repair that comes back on time.
    Meeting the standard there is not enough to be remembered; the extra mile
    should be designed, written down and owned, not left to chance.

    Fires on a touch point with `moment_of_truth: true` and no `delight`.

    Your organisation: nothing is assumed; you decide which touch points are
    moments of truth with `moment_of_truth: true` — a planning decision, a
    diagnosis, a first ride.

    Fix it by describing the extra mile:

        delight: The mechanic adjusts the saddle and explains the display
    """
    for doc, touchpoint in project.touchpoints():
        if touchpoint.moment_of_truth and not touchpoint.delight:
            yield doc.finding(
                "CX105",
                f"moment of truth {touchpoint.id!r} has no delight: "
                "describe the extra mile beyond the standard",
                touchpoint.value_at("moment_of_truth"),
                touchpoint,
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX103", "unmeasurable-standard", Severity.WARNING, unmeasurable_standard)
check("CX104", "expectation-gap", Severity.WARNING, expectation_gap)
check("CX105", "missing-delight", Severity.INFO, missing_delight)
