"""The checks, one module per family, all in one registry."""

from __future__ import annotations

from cxmap.checks import (
    consistency,
    coverage,
    effort,
    escalation,
    hierarchy,
    internal,
    learning,
    measured,
    ownership,
    promises,
    recovery,
    references,
    standards,
    suppression,
    syntax,
)
from cxmap.checks.registry import REGISTRY, Check, check, declare

FAMILIES = (
    syntax,
    suppression,
    references,
    ownership,
    standards,
    coverage,
    hierarchy,
    effort,
    promises,
    escalation,
    recovery,
    consistency,
    internal,
    learning,
    measured,
)

__all__ = ["FAMILIES", "REGISTRY", "Check", "check", "declare"]


def all_checks() -> list[Check]:
    """Every check, by code."""
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def known_codes() -> dict[str, str]:
    """Every code and every name, mapped to its code (for config and CLI options)."""
    table = {item.code: item.code for item in REGISTRY.values()}
    table.update({item.name: item.code for item in REGISTRY.values()})
    return table
