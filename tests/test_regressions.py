"""Every input that once broke ``cxmap check`` (``tests/regressions/``) stays fixed.

``make fuzz`` saves each failing input it finds there as ``fuzz-<sha256>.yaml``. Until the
bug is fixed, name the file in ``KNOWN_CRASHES`` with the reason: the test then fails
the day it starts passing (``xfail`` is strict), and the entry goes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzzing import JOURNEY_FILE, REGRESSIONS, assert_never_crashes, run_check

from cxmap.errors import EXIT_FINDINGS

KNOWN_CRASHES: dict[str, str] = {}
"""File name in ``tests/regressions/`` -> why it still fails (the bug to fix)."""

FILES = sorted(REGRESSIONS.glob("*.yaml"))

PAST_CRASHES = [
    (field, value, f"{field}-{kind}.yaml")
    for field in ("moment_of_truth", "proactive", "handles_complaints")
    for kind, value in [
        ("empty-list", "[]"),
        ("empty-mapping", "{}"),
        ("list", "[1, 2]"),
        ("mapping", "{a: 1}"),
    ]
]
"""Flags given a list or a mapping: each used to end in an internal error (exit 3)."""


def regression(path: Path) -> object:
    reason = KNOWN_CRASHES.get(path.name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", [regression(path) for path in FILES])
def test_saved_input_gets_located_findings_never_a_crash(path: Path) -> None:
    journey = path.read_bytes()
    report = assert_never_crashes(journey)  # exit 0 or 1, every finding at file:line:col
    text = run_check(journey, output_format="text")
    assert text.code == report.code, text.stderr + text.stdout
    for finding in json.loads(report.stdout)["findings"]:
        location = f"{finding['file']}:{finding['line']}:{finding['column']}: {finding['code']}"
        assert location in text.stdout, text.stdout


def test_the_regression_folder_holds_the_past_crashes() -> None:
    names = {path.name for path in FILES}
    assert {name for _, _, name in PAST_CRASHES} <= names
    assert set(KNOWN_CRASHES) <= names, "KNOWN_CRASHES names a file that is not there"


@pytest.mark.parametrize(("field", "value", "name"), PAST_CRASHES)
def test_a_flag_that_is_not_a_boolean_is_a_schema_error_at_its_line(
    field: str, value: str, name: str
) -> None:
    journey = (REGRESSIONS / name).read_text(encoding="utf-8")
    lines = journey.splitlines()
    [number] = [i for i, line in enumerate(lines, 1) if line.strip() == f"{field}: {value}"]
    outcome = run_check(journey, output_format="text")
    assert outcome.code == EXIT_FINDINGS, outcome.stderr
    at_the_line = [
        line for line in outcome.stdout.splitlines() if line.startswith(f"{JOURNEY_FILE}:{number}:")
    ]
    assert any(
        "CX002 [error]" in line and f"'{field}' must be true or false" in line
        for line in at_the_line
    ), outcome.stdout
