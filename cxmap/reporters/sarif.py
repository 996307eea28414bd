"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from cxmap import __version__
from cxmap.checks import REGISTRY, all_checks
from cxmap.findings import Finding, Severity
from cxmap.linter import Report
from cxmap.reporters.paths import repository_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": item.code,
            "name": item.name,
            "shortDescription": {"text": item.summary},
            "fullDescription": {"text": item.doc.split("\n\n")[1].replace("\n", " ")},
            "help": {"text": item.doc, "markdown": item.doc},
            "defaultConfiguration": {"level": _LEVELS[item.severity]},
            "properties": {"tags": ["cxmap", item.name]},
        }
        for item in all_checks()
    ]


def fingerprint(finding: Finding, occurrence: int) -> str:
    """A hash that survives lines moving: code, file, journey, touch point, message."""
    parts = (
        finding.code,
        finding.file,
        finding.journey or "",
        finding.touchpoint or "",
        finding.message,
        str(occurrence),
    )
    text = "\x1f".join(parts).encode("utf-8", "surrogateescape")
    return hashlib.sha256(text).hexdigest()[:32]


def as_dict(report: Report) -> dict[str, Any]:
    codes = [item.code for item in all_checks()]
    seen: Counter[str] = Counter()
    results = []
    for finding in report.findings:
        key = fingerprint(finding, 0)
        seen[key] += 1
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": codes.index(finding.code),
                "level": _LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": quote(repository_path(report, finding.file), safe="/"),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {
                                "startLine": finding.line,
                                "startColumn": finding.column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"cxmapFinding/v1": fingerprint(finding, seen[key] - 1)},
                "properties": {
                    "name": REGISTRY[finding.code].name,
                    **({"journey": finding.journey} if finding.journey else {}),
                    **({"touchpoint": finding.touchpoint} if finding.touchpoint else {}),
                },
            }
        )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cxmap",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": _rules(),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, color: bool = False) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False)
