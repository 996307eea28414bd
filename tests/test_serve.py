"""cxmap serve: a live preview that follows edits and survives broken ones."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import Cli

# A real process: the server runs until it is stopped, and is stopped by a signal.
pytestmark = pytest.mark.acceptance


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def served(tmp_path: Path, cli: Cli) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    project = tmp_path / "strategy"
    assert cli("init", str(project)).returncode == 0
    port = _free_port()
    env = {**os.environ, "CXMAP_CACHE_DIR": str(tmp_path / "cache")}
    log = (tmp_path / "serve.log").open("w")  # a pipe nobody reads would fill and block
    process = subprocess.Popen(
        [sys.executable, "-m", "cxmap", "serve", str(project), "-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: "first" in _get(f"{base}/journeys/first-order/").lower()), (
            "the preview did not start"
        )
        yield project, base, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_edits_rebuild_and_broken_edits_show_findings(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    project, base, process = served
    journey = project / "journeys" / "first-order.yaml"
    original = journey.read_text()
    journey.write_text(original.replace("name: Checkout", "name: Express checkout"))
    assert _wait_for(lambda: "Express checkout" in _get(f"{base}/journeys/first-order/"))

    journey.write_text("journey: [\n")
    assert _wait_for(lambda: "CX001" in _get(f"{base}/findings/"))
    assert process.poll() is None, "a broken journey must not stop the server"
    page = _get(f"{base}/journeys/first-order/")
    assert "Express checkout" in page, "the last good version stays in the preview"
    assert "cannot be read now" in page

    journey.write_text(original)
    assert _wait_for(lambda: "Express" not in _get(f"{base}/journeys/first-order/"))
    page = _get(f"{base}/journeys/first-order/")
    assert "Checkout" in page and "cannot be read now" not in page

    (project / "cxmap.yaml").write_text("rules: [\n")
    assert _wait_for(lambda: "The handbook cannot be built" in _get(f"{base}/"))
    assert process.poll() is None, "a broken cxmap.yaml must not stop the server"
    page = _get(f"{base}/journeys/first-order/")
    assert "Checkout" in page and "The handbook cannot be built" in page, (
        "the last handbook that could be built stays, under the banner"
    )


def test_an_edited_measurements_file_rebuilds_the_kpis(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    project, base, process = served
    measurements = project / "measurements.csv"
    assert "3.5 h" in _get(f"{base}/kpis/")
    lines = measurements.read_text().splitlines()
    measurements.write_text("\n".join([*lines, lines[-1].replace(",3.5", ",4.5")]) + "\n")
    assert _wait_for(lambda: "CX004" in _get(f"{base}/findings/"))
    measurements.write_text("\n".join([lines[0], lines[1].replace(",3.5", ",6.5")]) + "\n")
    assert _wait_for(lambda: "6.5 h" in _get(f"{base}/kpis/"))
    assert "delivery gap" in _get(f"{base}/kpis/")
    assert process.poll() is None
