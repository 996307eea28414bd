"""Reporters turn a settled report into text for people or machines.

Each reporter is a module with ``render(report, color) -> str``.
"""

from __future__ import annotations

from collections.abc import Callable

from cxmap.linter import Report
from cxmap.reporters import github, json, junit, sarif, text

Reporter = Callable[[Report, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
}
