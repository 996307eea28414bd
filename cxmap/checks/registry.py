"""The check registry: every check's code, name, default severity and documentation."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxmap.findings import Finding, Severity

if TYPE_CHECKING:
    from cxmap.project import Project
    from cxmap.summary import JourneySummary

CheckFunction = Callable[["Project"], Iterable[Finding]]
AcrossFunction = Callable[[Sequence["JourneySummary"], "Project"], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A check. Its `doc` is its user documentation (`cxmap explain`)."""

    code: str
    name: str
    severity: Severity
    doc: str
    run: CheckFunction | None = None
    """What it finds in each journey on its own (with the organisation and the
    configuration): a journey's findings depend on no other journey. `None` for
    codes reported while reading files (CX001-CX003)."""
    across: AcrossFunction | None = None
    """What it finds by comparing journeys, from their summaries."""

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def family(self) -> str:
        return self.code[:3]


REGISTRY: dict[str, Check] = {}


def _register(item: Check) -> Check:
    if item.code in REGISTRY or any(other.name == item.name for other in REGISTRY.values()):
        raise ValueError(f"check {item.code} {item.name} is registered twice")
    REGISTRY[item.code] = item
    return item


def check(
    code: str,
    name: str,
    severity: Severity,
    function: CheckFunction,
    across: AcrossFunction | None = None,
) -> Check:
    """Register ``function`` as the check ``code``; its docstring is its documentation.

    ``across`` finds what the check finds by comparing journeys.
    """
    doc = inspect.getdoc(function) or ""
    return _register(Check(code, name, severity, doc, function, across))


def check_across(code: str, name: str, severity: Severity, function: AcrossFunction) -> Check:
    """Register a check that only compares journeys; its docstring is its documentation."""
    return _register(
        Check(code, name, severity, inspect.getdoc(function) or "", None, across=function)
    )


def declare(code: str, name: str, severity: Severity, doc: str) -> Check:
    """Register a code that the reader reports itself, with its documentation."""
    return _register(Check(code, name, severity, inspect.cleandoc(doc)))
