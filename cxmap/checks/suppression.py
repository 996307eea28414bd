"""CX006: an `ignore:` entry that suppresses nothing (reported by the linter)."""

from __future__ import annotations

from cxmap.checks.registry import declare
from cxmap.findings import Severity

declare(
    "CX006",
    "unused-ignore",
    Severity.INFO,
    """An `ignore:` entry suppresses nothing.

    `ignore: [CODES]` on a journey or touch point hides findings that the team
    has decided to accept. Once the underlying problem is fixed, the entry
    stays behind and would silently hide the next, unrelated finding of the same
    check. An entry naming a code that does not exist never did anything.

    Fires for each code in an `ignore` list that no finding of that journey
    (or touch point) matched in this run, whatever the configured severities.

    Your organisation: nothing is assumed; it keeps `ignore:` lists honest
    as the journeys change.

    Fix it by removing the entry.
    """,
)
