"""`pip install cxmap` works outside this repository: the wheel carries its data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import REPO

pytestmark = pytest.mark.acceptance  # a wheel, installed in a fresh virtualenv


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("cxmap-*.whl")
    return built


def test_wheel_contains_scaffold_example_and_types(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cxmap/py.typed" in names
    assert "cxmap/scaffold/journeys/organization.yaml" in names
    assert "cxmap/examples/cycles/journeys/organization.yaml" in names
    assert "cxmap/examples/council/journeys/organization.yaml" in names
    assert "cxmap/examples/cycles/measurements.csv" in names
    assert "cxmap/examples/council/measurements.csv" in names
    assert "cxmap/scaffold/measurements.csv" in names
    assert not any(name.startswith(("tests/", "journeys/")) for name in names)


def test_installed_wheel_works_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    cxmap = str(venv / "bin" / "cxmap")
    for args in (
        ["init", "small"],
        ["init", "--example", "example"],
        ["init", "--example", "council", "council"],
    ):
        created = subprocess.run([cxmap, *args], cwd=tmp_path, capture_output=True, text=True)
        assert created.returncode == 0, created.stdout + created.stderr
        assert "created journeys/organization.yaml" in created.stdout
        assert created.stdout.strip().endswith(f"Next: cd {args[-1]} && cxmap check")
    for project in ("small", "example", "council"):
        result = subprocess.run(
            [cxmap, "check", project], cwd=tmp_path, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
        journeys = len(list((tmp_path / project / "journeys").glob("*.yaml"))) - 1
        summary = result.stdout.strip().splitlines()[-1]
        assert summary.startswith(("All checks passed: ", "Found 0 errors, ")), summary
        assert f" files ({journeys} journeys, " in summary, summary
        measurements = (tmp_path / project / "measurements.csv").read_text()
        assert measurements.startswith("date,journey,touchpoint,kpi,value\n"), project
