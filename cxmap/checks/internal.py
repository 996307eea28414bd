"""CX306: internal hand-offs name the colleagues they serve."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.findings import Finding, Severity
from cxmap.project import Project


def internal_customer(project: Project) -> Iterable[Finding]:
    """An internal touch point names no `customer` team.

    Co-workers are customers too: service waits on R&D for a fault analysis,
    sales on finance for an offer. An internal hand-off only improves when it is
    clear who is being served and what they expect.

    Fires on a touch point with `audience: internal` and no `customer`.

    Your organisation: the customer of an internal touch point is any team
    declared in `organization.yaml`; nothing is assumed about which
    departments hand over to which.

    Fix it by naming the team served:

        audience: internal
        customer: quality-lab
    """
    for doc, touchpoint in project.touchpoints():
        if touchpoint.is_internal and not touchpoint.customer:
            yield doc.finding(
                "CX306",
                f"internal touch point {touchpoint.id!r} names no customer: "
                "name the team it serves",
                touchpoint.value_at("audience"),
                touchpoint,
            )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX306", "internal-customer", Severity.WARNING, internal_customer)
