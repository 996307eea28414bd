"""``cxmap rules`` and ``cxmap explain``: the check catalogue."""

from __future__ import annotations

from cxmap.catalogue import catalogue_markdown
from cxmap.checks import REGISTRY, all_checks, known_codes
from cxmap.commands.shared import echo
from cxmap.errors import CxmapError
from cxmap.suggest import did_you_mean


def run_rules(output_format: str = "text") -> int:
    if output_format == "markdown":
        echo(catalogue_markdown(), nl=False)
        return 0
    for item in all_checks():
        echo(f"{item.code}  {item.name:<24} {item.severity.value:<8} {item.summary}")
    return 0


def run_explain(code: str) -> int:
    table = known_codes()
    key = table.get(code, table.get(code.upper()))
    if key is None:
        raise CxmapError(f"unknown check {code!r}{did_you_mean(code, table)} (see 'cxmap rules')")
    item = REGISTRY[key]
    echo(f"{item.code} {item.name} (default severity: {item.severity.value})\n")
    echo(item.doc)
    return 0
