"""The tests that need cxmap in a real process of its own; every other test runs it in-process.

Here: the installed ``cxmap`` console script and ``python -m cxmap`` start, a real process
exits with 0, 1 and 2, what Python reads only at start-up (``PYTHONHASHSEED``) changes
nothing, and processes that build one site at the same time take turns. ``cxmap serve``
runs a server process in ``test_serve.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLES, QUIET, REPO, MakeProject, run_cli

pytestmark = pytest.mark.acceptance  # cxmap in a process of its own, as a user runs it

MINIMAL = (EXAMPLES / "journeys-good" / "minimal.yaml").read_text(encoding="utf-8")
FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


def test_console_script_and_version() -> None:
    script = shutil.which("cxmap", path=str(Path(sys.executable).parent))
    assert script is not None, "the console script is not installed"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert re.match(r"cxmap, version \d+\.\d+", result.stdout)
    assert run_cli("--help").stdout.count("check") >= 1


def test_python_m_cxmap_exits_0_1_and_2(make_project: MakeProject) -> None:
    clean = run_cli("check", cwd=REPO)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.startswith("All checks passed") or "0 errors" in clean.stdout

    broken = MINIMAL.replace("      owner: support-desk\n", "")
    root = make_project({"a.yaml": broken}, config=QUIET)
    findings = run_cli("check", str(root))
    assert findings.returncode == 1
    assert findings.stdout.startswith(
        "journeys/a.yaml:7:7: CX101 [error] touch point 'ask' has no owner"
    )
    assert findings.stderr == ""

    usage = run_cli("check", "--format", "xml", cwd=REPO)
    assert usage.returncode == 2
    assert "Invalid value for '--format'" in usage.stderr
    assert "Traceback" not in usage.stderr
    assert usage.stdout == ""


def test_suggestions_do_not_depend_on_hash_seeds(make_project: MakeProject) -> None:
    # PYTHONHASHSEED is read when the interpreter starts: one process per seed.
    org = (
        (EXAMPLES / "organization.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "  channels:",
            "    - {id: helpdesk, department: service}\n"
            "    - {id: help-desk, department: service}\n"
            "    - {id: ab-c, department: service}\n    - {id: a-bc, department: service}\n"
            "  channels:",
        )
    )
    journey = MINIMAL.replace("  owner: support-desk\n", "  owner: help_desk\n", 1).replace(
        "      owner: support-desk\n", "      owner: abc\n"
    )
    root = make_project({"j.yaml": journey}, organization=org, config=QUIET)
    outputs = {
        run_cli("check", str(root), "--format", "sarif", env={"PYTHONHASHSEED": str(seed)}).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1
    (output,) = outputs
    assert "unknown team 'help_desk'" in output and "unknown team 'abc'" in output


def test_concurrent_builds_into_one_site_take_turns(
    make_project: MakeProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))
    root = make_project({"full.yaml": FULL})
    command = [sys.executable, "-m", "cxmap", "build", str(root)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
        assert f"cxmap: built the handbook in {root / 'site'}" in errors
    site = root / "site"
    assert (site / "index.html").is_file()
    assert (site / "journeys" / "returns" / "index.html").is_file()
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.") and p.is_dir()]
    assert leftovers == []
