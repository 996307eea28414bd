"""The JSON report of SPEC §3: one object with the findings and a summary."""

from __future__ import annotations

import json
from typing import Any

from cxmap.checks import REGISTRY
from cxmap.linter import Report

VERSION = 1


def as_dict(report: Report) -> dict[str, Any]:
    return {
        "version": VERSION,
        "findings": [
            {
                "code": finding.code,
                "name": REGISTRY[finding.code].name,
                "severity": finding.severity.value,
                "message": finding.message,
                "file": finding.file,
                "line": finding.line,
                "column": finding.column,
                "journey": finding.journey,
                "touchpoint": finding.touchpoint,
            }
            for finding in report.findings
        ],
        "summary": report.summary,
    }


def render(report: Report, color: bool = False) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False)
