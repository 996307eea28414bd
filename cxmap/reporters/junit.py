"""JUnit XML: a test suite per file, a test case per file and check."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from cxmap.checks import REGISTRY
from cxmap.findings import Finding
from cxmap.linter import Report
from cxmap.reporters.text import printable


def _line(finding: Finding) -> str:
    return printable(
        f"{finding.file}:{finding.line}:{finding.column}: {finding.code} "
        f"[{finding.severity.value}] {finding.message}"
    )


def render(report: Report, color: bool = False) -> str:
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_case[(finding.file, finding.code)].append(finding)
    files = sorted(set(report.project.files) | {finding.file for finding in report.findings})
    root = ET.Element("testsuites", name="cxmap")
    total = failed = 0
    for file in files:
        shown = printable(file)
        suite = ET.SubElement(root, "testsuite", name=shown)
        suite_failed = 0
        for code in report.checks:
            case = ET.SubElement(
                suite, "testcase", classname=shown, name=f"{code} {REGISTRY[code].name}", file=shown
            )
            findings = by_case.get((file, code), [])
            failing = [finding for finding in findings if report.fails(finding)]
            if failing:
                first = printable(failing[0].message)
                failure = ET.SubElement(case, "failure", type=code, message=first)
                failure.text = "\n".join(_line(finding) for finding in failing)
                suite_failed += 1
            passing = [finding for finding in findings if not report.fails(finding)]
            if passing:
                ET.SubElement(case, "system-out").text = "\n".join(map(_line, passing))
        suite.set("tests", str(len(report.checks)))
        suite.set("failures", str(suite_failed))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += len(report.checks)
        failed += suite_failed
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    root.set("skipped", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
