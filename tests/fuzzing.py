"""One place for the Hypothesis settings of the tests, and the property they all check.

Import this module before defining any ``@given`` test (``import fuzzing``): it registers
and loads the settings profiles, so every property test gets them.

* ``ci`` (the default): derandomized, no example database, a modest number of examples.
  ``make test`` tries the same examples on every run and every machine: it passes or
  fails the same way each time.
* ``fuzz``: random, many examples; chosen by ``CXMAP_FUZZ=1`` or ``HYPOTHESIS_PROFILE=fuzz``.
  ``make fuzz`` (``tests/fuzz_campaign.py``) uses it for a long campaign that saves every
  failing input under ``tests/regressions/``, where ``tests/test_regressions.py`` runs it
  on every ``make test``.

Tests leave ``derandomize``, ``database`` and ``max_examples`` to the profile: no
``@settings(derandomize=..., database=...)``, no profiles of their own (``test_fuzz.py``
checks every test file for that).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from helpers import ORGANIZATION
from hypothesis import HealthCheck, settings

import cxmap
from cxmap import cli
from cxmap.errors import EXIT_FINDINGS, EXIT_OK

REGRESSIONS = Path(__file__).parent / "regressions"
"""Journey files that once broke ``cxmap check``; ``test_regressions.py`` runs each one."""

JOURNEY_FILE = "journeys/j.yaml"
"""Where ``run_check`` writes the journey, relative to the project (as in the findings)."""


def import_all_of_cxmap() -> None:
    """Load every module of cxmap, so that the examples do not depend on which tests run.

    Hypothesis sometimes draws a constant found in the source of the loaded local modules;
    with all of cxmap loaded up front, ``pytest tests/test_fuzz.py`` tries the very same
    examples as ``make test``, whatever else the suite happens to import first.
    """
    package = Path(cxmap.__file__).parent
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] != "__main__":
            importlib.import_module(".".join(parts))


import_all_of_cxmap()
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    max_examples=200,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    deadline=None,
    derandomize=False,
    database=None,
    max_examples=5000,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)

FUZZING = os.environ.get("CXMAP_FUZZ", "") not in ("", "0") or (
    os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
)
PROFILE = "fuzz" if FUZZING else "ci"
settings.load_profile(PROFILE)


@dataclass(frozen=True)
class Outcome:
    """What ``cxmap check --format json`` did with one journey file."""

    code: int
    stdout: str
    stderr: str


def run_check(journey: str | bytes, output_format: str = "json") -> Outcome:
    """``cxmap check`` in-process on a project of the test organisation and this journey."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "journeys"
        folder.mkdir()
        (folder / "organization.yaml").write_text(ORGANIZATION, encoding="utf-8")
        data = journey.encode("utf-8") if isinstance(journey, str) else journey
        (Path(scratch) / JOURNEY_FILE).write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["check", scratch, "--format", output_format])
        return Outcome(code, out.getvalue(), err.getvalue())


def failure(outcome: Outcome) -> str | None:
    """Why this JSON outcome is a bug in cxmap, or None: exit 0 or 1, located findings."""
    if outcome.code not in (EXIT_OK, EXIT_FINDINGS):
        return f"exit code {outcome.code} (expected 0 or 1)\n{outcome.stderr}{outcome.stdout}"
    try:
        report = json.loads(outcome.stdout)
    except ValueError as error:
        return f"the JSON report does not parse ({error})\n{outcome.stdout}"
    if not isinstance(report, dict) or report.get("version") != 1:
        return f"not a version 1 report\n{outcome.stdout}"
    findings = report.get("findings")
    if not isinstance(findings, list):
        return f"the report has no list of findings\n{outcome.stdout}"
    for finding in findings:
        file, line, column = finding.get("file"), finding.get("line"), finding.get("column")
        if not (isinstance(file, str) and file and isinstance(line, int) and line >= 1):
            return f"a finding without file:line\n{json.dumps(finding, indent=2)}"
        if not (isinstance(column, int) and column >= 1):
            return f"a finding without a column\n{json.dumps(finding, indent=2)}"
    errors = [finding for finding in findings if finding.get("severity") == "error"]
    if outcome.code == EXIT_FINDINGS and not errors:
        return f"exit code 1 without an error finding\n{outcome.stdout}"
    if outcome.code == EXIT_OK and errors:
        return f"exit code 0 despite error findings\n{outcome.stdout}"
    return None


def assert_never_crashes(journey: str | bytes) -> Outcome:
    """The property: whatever the file says, ``cxmap check`` answers with located findings."""
    outcome = run_check(journey)
    problem = failure(outcome)
    assert problem is None, problem
    return outcome


_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+), in (?P<function>\S+)')


def signature(outcome: Outcome) -> str:
    """A short name for the bug behind a failure, the same for every input that trips it.

    For an internal error (with ``CXMAP_DEBUG=1``, which prints the traceback) this is the
    exception type and the innermost frame; otherwise the first line of ``failure``.
    """
    problem = failure(outcome) or "no failure"
    lines = outcome.stderr.strip().splitlines()
    frames = [match for line in lines if (match := _FRAME.match(line))]
    if frames and lines:
        innermost = frames[-1]
        kind = lines[-1].split(":", 1)[0].strip()
        where = f"{Path(innermost['file']).name}:{innermost['line']} in {innermost['function']}"
        return f"{kind} at {where}"
    return problem.splitlines()[0]


def regression_path(journey: str | bytes) -> Path:
    """``tests/regressions/fuzz-<short sha256>.yaml``: the same input, the same name."""
    data = journey.encode("utf-8") if isinstance(journey, str) else journey
    return REGRESSIONS / f"fuzz-{hashlib.sha256(data).hexdigest()[:12]}.yaml"


def save_regression(journey: str | bytes) -> Path:
    """Keep a failing input, byte for byte, for ``test_regressions.py``."""
    path = regression_path(journey)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(journey.encode("utf-8") if isinstance(journey, str) else journey)
    return path
