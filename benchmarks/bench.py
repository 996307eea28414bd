"""cxmap's benchmark: synthetic projects of growing size, each measured against a
baseline taken in the same run on the same files.

    python benchmarks/bench.py [--sizes 10x20,100x30,200x50,300x30,1000x50] [--runs 3]

For every size it prints the time of ``cxmap check --no-cache`` against loading the
same files with PyYAML's C loader (the floor for reading them) and against
check-jsonschema with cxmap's exported schema; the time of ``cxmap check`` with its
cache after one journey file changed; the peak memory of ``cxmap check``; and, for the
sizes up to --build-limit touch points (of at most 30 touch points a journey),
``cxmap build`` cold and warm against a bare ``mkdocs build`` of the same ``cxmap
pages`` output, and how long ``cxmap serve`` takes to show a change to one journey
(and how many diagrams it drew for it) and to ``organization.yaml``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_project

BIN = Path(sys.executable).parent
CXMAP = [sys.executable, "-m", "cxmap"]
BARE_LOAD = (
    "import glob, sys, yaml\n"
    "for name in sorted(glob.glob(sys.argv[1] + '/journeys/*.yaml')):\n"
    "    with open(name, 'rb') as f: yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)
PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
MKDOCS_CONFIG = """\
site_name: bare
docs_dir: {docs}
theme: {{name: material, font: false}}
plugins: [search, tags]
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc: {{permalink: true}}
  - pymdownx.details
  - pymdownx.tabbed: {{alternate_style: true}}
"""


def timed(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """The median wall time of ``command``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_after_edit(command: list[str], project: Path, runs: int, cache: Path) -> float:
    """The median time of ``command`` with a warm cache after one journey file changed."""
    env = {**os.environ, "CXMAP_CACHE_DIR": str(cache)}
    subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False)  # fill the cache
    journey = project / "journeys" / "journey-1.yaml"
    original = journey.read_text()
    times = []
    for run in range(runs):
        journey.write_text(original.replace("number 1\n", f"number 1 (edit {run})\n", 1))
        times.append(timed(command, 1, env))
    journey.write_text(original)
    return statistics.median(times)


def peak_memory_mb(command: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True
    ).stdout
    return int(out.strip()) / 1024


EDITS = {
    # What a strategy team saves, and what the page it looks at then shows.
    "journey": (
        "journeys/journey-0.yaml",
        "number 0\n",
        "number zero\n",
        "journeys/journey-0/",
        "Synthetic journey number zero",
    ),
    "organization": (
        "journeys/organization.yaml",
        "name: Team 0,",
        "name: Team zero,",
        "teams/team-0/",
        "Team zero",
    ),
}


def serve_rebuilds(project: Path, cache: Path) -> dict[str, float | int]:
    """Seconds until ``cxmap serve`` shows each edit of EDITS; diagrams drawn for the first."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CXMAP_CACHE_DIR": str(cache)}
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [*CXMAP, "serve", str(project), "-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}/"

    def page(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return str(response.read().decode())
        except OSError:
            return ""

    results: dict[str, float | int] = {}
    try:
        deadline = time.monotonic() + 1200
        while "Synthetic journey number 0" not in page("journeys/journey-0/"):
            if time.monotonic() > deadline:
                raise SystemExit("cxmap serve did not start; see serve.log")
            time.sleep(0.2)
        for name, (file, old, new, shown, wanted) in EDITS.items():
            before = len(list(cache.glob("*.svg")))
            path = project / file
            path.write_text(path.read_text().replace(old, new, 1))
            start = time.perf_counter()
            while wanted not in page(shown):
                if time.perf_counter() - start > 1200:
                    raise SystemExit(f"cxmap serve did not show the {name} edit; see serve.log")
                time.sleep(0.05)
            results[f"serve_{name}"] = time.perf_counter() - start
            if name == "journey":
                results["serve_redrawn"] = len(list(cache.glob("*.svg"))) - before
            path.write_text(path.read_text().replace(new, old, 1))
            time.sleep(3)  # let the server rebuild the original before the next edit
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    return results


def measure(
    journeys: int, touchpoints: int, runs: int, build: bool, scratch: Path, build_runs: int
) -> dict:
    project = write_project(scratch / f"p{journeys}x{touchpoints}", journeys, touchpoints)
    schemas = scratch / "schemas"
    subprocess.run([*CXMAP, "schema", "-o", str(schemas)], check=True, capture_output=True)
    files = sorted(str(p) for p in (project / "journeys").glob("journey-*.yaml"))
    row: dict[str, float | int | str] = {
        "size": f"{journeys}x{touchpoints}",
        "touchpoints": journeys * touchpoints,
    }
    row["bare_load"] = timed([sys.executable, "-c", BARE_LOAD, str(project)], runs)
    check = [*CXMAP, "check", str(project), "--format", "json"]
    row["check"] = timed([*check, "--no-cache"], runs)
    row["check_one_changed"] = check_after_edit(check, project, runs, scratch / "check-cache")
    row["check_jsonschema"] = timed(
        [
            str(BIN / "check-jsonschema"),
            "--schemafile",
            str(schemas / "journey.schema.json"),
            *files,
        ],
        max(1, runs - 1),
    )
    row["check_peak_mb"] = round(peak_memory_mb([*CXMAP, "check", str(project), "--no-cache"]), 1)
    if build:
        cache = scratch / f"cache{journeys}x{touchpoints}"
        env = {**os.environ, "CXMAP_CACHE_DIR": str(cache)}
        pages = scratch / f"pages{journeys}x{touchpoints}"
        subprocess.run(
            [*CXMAP, "pages", str(project), "-o", str(pages)],
            env=env,
            check=True,
            capture_output=True,
        )
        config = scratch / f"mkdocs{journeys}x{touchpoints}.yml"
        config.write_text(MKDOCS_CONFIG.format(docs=pages))
        row["bare_mkdocs"] = timed(
            [
                str(BIN / "mkdocs"),
                "build",
                "-q",
                "-f",
                str(config),
                "-d",
                str(scratch / "bare-site"),
            ],
            build_runs,
        )
        shutil.rmtree(cache, ignore_errors=True)
        site = scratch / f"site{journeys}x{touchpoints}"
        row["build_cold"] = timed([*CXMAP, "build", str(project), "--site-dir", str(site)], 1, env)
        row["build_warm"] = timed(
            [*CXMAP, "build", str(project), "--site-dir", str(site)], build_runs, env
        )
        row.update(serve_rebuilds(project, cache))
    return row


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def report(rows: list[dict]) -> str:
    lines = [
        "| size | touch points | check | C-loader load | check / load "
        "| one file changed, cached | / load | check-jsonschema | check / check-jsonschema "
        "| check peak memory | check per 1,000 touch points |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']} | {r['touchpoints']:,} | {r['check']:.2f} s | {r['bare_load']:.2f} s "
            f"| {ratio(r['check'], r['bare_load'])} | {r['check_one_changed']:.2f} s "
            f"| {ratio(r['check_one_changed'], r['bare_load'])} | {r['check_jsonschema']:.2f} s "
            f"| {ratio(r['check'], r['check_jsonschema'])} | {r['check_peak_mb']:.0f} MB "
            f"| {r['check'] / r['touchpoints'] * 1000:.3f} s |"
        )
    built = [r for r in rows if "build_cold" in r]
    if built:
        lines += [
            "",
            "| size | bare mkdocs | build cold | cold / bare | build warm | warm / bare "
            "| cold per 1,000 touch points |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in built:
            lines.append(
                f"| {r['size']} | {r['bare_mkdocs']:.2f} s | {r['build_cold']:.2f} s "
                f"| {ratio(r['build_cold'], r['bare_mkdocs'])} | {r['build_warm']:.2f} s "
                f"| {ratio(r['build_warm'], r['bare_mkdocs'])} "
                f"| {r['build_cold'] / r['touchpoints'] * 1000:.2f} s |"
            )
        lines += [
            "",
            "| size | serve: one journey saved | / bare | diagrams redrawn "
            "| serve: organization.yaml saved | / bare |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in built:
            lines.append(
                f"| {r['size']} | {r['serve_journey']:.2f} s "
                f"| {ratio(r['serve_journey'], r['bare_mkdocs'])} | {r['serve_redrawn']} "
                f"| {r['serve_organization']:.2f} s "
                f"| {ratio(r['serve_organization'], r['bare_mkdocs'])} |"
            )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    info = Path("/proc/cpuinfo")
    for line in info.read_text().splitlines() if info.exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {dot}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10x20,100x30,200x50,300x30,1000x50")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--build-runs", type=int, default=1, help="runs of each bare and warm build (median)"
    )
    parser.add_argument(
        "--build-limit",
        type=int,
        default=9000,
        help="build and serve only sizes with at most this many touch points",
    )
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="cxmap-bench-") as folder:
        for size in args.sizes.split(","):
            journeys, touchpoints = (int(part) for part in size.split("x"))
            build = journeys * touchpoints <= args.build_limit and touchpoints <= 30
            print(f"measuring {size} ...", file=sys.stderr, flush=True)
            rows.append(
                measure(journeys, touchpoints, args.runs, build, Path(folder), args.build_runs)
            )
    print(f"Machine: {machine()}")
    print(f"Date: {time.strftime('%Y-%m-%d')}\n")
    print(report(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
