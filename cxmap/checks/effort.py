"""CX207: a journey does not ask too much of its customers."""

from __future__ import annotations

from collections.abc import Iterable

from cxmap.checks.registry import check
from cxmap.experience import effort
from cxmap.findings import Finding, Severity
from cxmap.project import Project

SHOWN = 2
"""How many places of each kind a message names."""


def high_effort(project: Project) -> Iterable[Finding]:
    """A journey asks more effort of the customer than `max_effort` allows.

    Customers judge service by how easy it is. Every time they must change
    channel, are passed to another team, or have to give again what they told
    us already, the journey gets harder, and effort is a strong predictor of
    disloyalty (Dixon, Freeman and Toman, "Stop Trying to Delight Your
    Customers", 2010).

    cxmap counts it from the journey's structure, along the hardest path a
    customer can take through it: along `next` (internal touch points in
    between are skipped, the customer does not see them), or through every
    touch point that faces customers in journey order when the journey has no
    `next`. Each step between touch points that share no channel counts one,
    each step between touch points of different teams one, and each touch
    point on the path with `repeats` (what the customer must give again) one.
    Fires when the sum is above `max_effort` in `cxmap.yaml` (12 by default).
    The journey's page shows the path and the scorecard the figure.

    Your organisation: the limit is yours to set, `max_effort: 16` for a
    journey that by nature crosses many teams; internal touch points do not
    count, since the customer does not see them.

    Fix it by removing the hand-offs and switches the customer feels: keep one
    team on the case, answer on the channel the customer chose, pass on what
    they told us so that nobody asks again:

        - id: return-request
          owner: support-desk
          channels: [chat, email]
          repeats: []            # the order number comes with the chat
    """
    limit = project.config.max_effort
    for doc in project.journeys:
        found = effort(doc.model)
        if found.total <= limit:
            continue
        places = [
            *(f"{a.id}→{b.id} (channel)" for a, b in found.channel_switches[:SHOWN]),
            *(f"{a.id}→{b.id} (team)" for a, b in found.handoffs[:SHOWN]),
            *(f"{tp.id} (asks again)" for tp in found.repeats[:SHOWN]),
        ]
        yield doc.finding(
            "CX207",
            f"journey {doc.model.id!r} asks an effort of {found.total} of its customers, "
            f"more than max_effort ({limit}): {found.words}; for example {', '.join(places)}",
            doc.model.value_at("id"),
        )


# Registered by a call, not a decorator: mutation testing (mutmut) skips decorated
# functions, and these bodies are what it must reach.
check("CX207", "high-effort", Severity.WARNING, high_effort)
