"""Mermaid import and export, JSON and CSV export, and journey diffs against git."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import EXAMPLES, Cli, MakeProject, check

from cxmap.interop import mermaid

MERMAID = EXAMPLES / "mermaid"
FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")


def test_a_plain_mermaid_journey() -> None:
    parsed = mermaid.parse((MERMAID / "working-day.mmd").read_text())
    data, warnings = mermaid.to_journey(parsed, "fallback")
    journey = data["journey"]
    assert warnings == []
    assert journey["id"] == "a-morning-commute"
    assert journey["stages"] == ["leave-home", "ride", "arrive"]
    assert [(t["name"], t["emotion"], t.get("actors")) for t in journey["touchpoints"]] == [
        ("Pack the bike", 1, ["Rider"]),
        ("Check the battery", -1, ["Rider", "App"]),
        ("Cycle to work", 2, ["Rider"]),
        ("Lock the bike", 0, ["Rider"]),
    ]


def test_every_construct_of_the_syntax() -> None:
    parsed = mermaid.parse((MERMAID / "every-construct.mmd").read_text())
    assert parsed.title == "Returns and repairs"
    assert parsed.accessible_title == "Returning a faulty bike"
    assert parsed.description == "What a rider goes through when a bike must go back."
    assert [s.name for s in parsed.sections] == ["Report the fault", "Get it back"]
    data, warnings = mermaid.to_journey(parsed, "fallback")
    points = data["journey"]["touchpoints"]
    assert [p["emotion"] for p in points] == [0, -2, -1, 2, -2]
    assert "actors" not in points[2]  # a trailing colon, no actors
    assert points[1]["actors"] == ["Rider", "Agent"]
    assert len(warnings) == 2 and "score 7" in warnings[0] and "score 0" in warnings[1]
    single = mermaid.parse((MERMAID / "single-line-description.mmd").read_text())
    assert single.description == "Only one section and one task"
    assert mermaid.to_journey(single, "x")[0]["journey"]["title"] == "A short journey"


def test_import_writes_a_journey_that_passes_the_schema(
    make_project: MakeProject, tmp_path: Path, cli: Cli
) -> None:
    result = cli("import-mermaid", str(MERMAID / "every-construct.mmd"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("warning") == 2
    org = (
        (EXAMPLES / "organization.yaml")
        .read_text()
        .replace(
            "    - {id: support}",
            "    - {id: support}\n    - {id: report-the-fault}\n    - {id: get-it-back}",
        )
    )
    root = make_project({"imported.yaml": result.stdout}, organization=org)
    codes = {f.code for f in check(root).findings}
    assert not codes & {"CX001", "CX002", "CX003", "CX004"}
    assert {"CX101", "CX102"} <= codes  # owners and expectations are not invented
    out = tmp_path / "out.yaml"
    written = cli("import-mermaid", str(MERMAID / "working-day.mmd"), "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stdout == ""
    imported = out.read_text(encoding="utf-8")
    assert imported.startswith("# Imported from a Mermaid journey.")
    assert "\njourney:\n  id: a-morning-commute\n" in imported
    assert "name: Lock the bike" in imported
    again = cli("import-mermaid", str(MERMAID / "working-day.mmd"), "-o", str(out))
    assert again.returncode == 2 and "never overwrites" in again.stderr


def test_import_errors_are_located(cli: Cli) -> None:
    result = cli("import-mermaid", str(MERMAID / "broken.mmd"))
    assert result.returncode == 2
    assert "broken.mmd:4:" in result.stderr and "name: score: actors" in result.stderr


def test_export_mermaid_imports_back_to_the_same_names_and_emotions(
    make_project: MakeProject, cli: Cli
) -> None:
    tricky = FULL.replace("name: Product page", 'name: "Page: sizes #1, colours"')
    root = make_project({"full.yaml": tricky})
    result = cli("export", str(root), "returns", "--format", "mermaid")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("journey\n  title Returning a faulty jacket\n")
    data, _ = mermaid.to_journey(mermaid.parse(result.stdout), "x")
    original = check(root).project.journeys[0].model
    assert [(t["name"], t["emotion"]) for t in data["journey"]["touchpoints"]] == [
        (t.name, t.emotion or 0) for t in original.touchpoints
    ]


def test_export_json_and_csv(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"full.yaml": FULL})
    exported = json.loads(cli("export", str(root), "returns", "--format", "json").stdout)
    assert exported["id"] == "returns"
    assert exported["touchpoints"][2]["standard"] == {
        "text": "First reply within 4 hours",
        "within": "4h",
        "ahead": None,
        "measured_from": None,
    }
    table = list(
        csv.DictReader(io.StringIO(cli("export", str(root), "returns", "--format", "csv").stdout))
    )
    assert [row["touchpoint"] for row in table] == [
        "product-page",
        "size-chat",
        "return-request",
        "lab-report",
        "lab-finding",
    ]
    assert table[2]["channels"] == "chat;email;phone"
    assert table[2]["standard_within"] == "4h"
    assert [table[2][key] for key in ("service", "standard_ahead", "standard_measured_from")] == [
        "",
        "",
        "",
    ]
    assert table[0]["department"] == "marketing"
    result = cli("export", str(root), "retruns", "--format", "csv")
    assert result.returncode == 2 and "did you mean 'returns'" in result.stderr


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.invalid", "-c", "user.name=ci", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(make_project: MakeProject) -> Path:
    root = make_project({"full.yaml": FULL}, config="rules: {CX204: off, CX401: off}\n")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    return root


def test_diff_reports_changes_in_strategy_terms(repository: Path, cli: Cli) -> None:
    journey = repository / "journeys" / "full.yaml"
    text = journey.read_text()
    text = text.replace("      owner: web-team\n", "", 1)  # a new error
    text = text.replace(
        "standard: {text: First reply within 4 hours, within: 4h}",
        "standard: {text: First reply within 2 hours, within: 2h}",
    )
    text = text.replace("    - id: size-chat", "    - id: size-advice").replace(
        "next: [return-request]\n    - id: return-request",
        "next: [return-request]\n    - id: return-request",
    )
    journey.write_text(text.replace("      next: [size-chat, return-request]", ""))
    result = cli("diff", str(repository), "--base", "HEAD")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "+ touch point returns / size-advice" in out
    assert "- touch point returns / size-chat" in out
    assert (
        "~ returns / return-request: standard: First reply within 4 hours (within 4 hours) -> "
        "First reply within 2 hours (within 2 hours)" in out
    )
    assert "~ returns / product-page: owner: web-team -> (none)" in out
    assert "new finding: CX101 [error] returns / product-page" in out
    markdown = cli("diff", str(repository), "--base", "HEAD", "--format", "markdown")
    assert markdown.stdout.startswith("### cxmap: what changed since `HEAD`")
    assert "| `returns` | `return-request` | standard |" in markdown.stdout
    failing = cli("diff", str(repository), "--base", "HEAD", "--fail-on-new")
    assert failing.returncode == 1
    assert failing.stdout == out


def test_diff_without_changes_and_bad_revisions(repository: Path, cli: Cli) -> None:
    assert "No change" in cli("diff", str(repository), "--base", "HEAD").stdout
    result = cli("diff", str(repository), "--base", "no-such-rev")
    assert result.returncode == 2 and "git archive" in result.stderr


MERMAID_MODULES = os.environ.get("CXMAP_MERMAID_MODULES", "")


@pytest.mark.skipif(
    not MERMAID_MODULES and not os.environ.get("CI"),
    reason="set CXMAP_MERMAID_MODULES to a node_modules folder with mermaid and jsdom",
)
def test_mermaids_own_parser_reads_our_exports_and_examples(
    make_project: MakeProject, tmp_path: Path, cli: Cli
) -> None:
    assert MERMAID_MODULES, "CI must install mermaid and jsdom (see .ci/run)"
    root = make_project({"full.yaml": FULL})
    exported = tmp_path / "exported.mmd"
    exported.write_text(cli("export", str(root), "returns", "--format", "mermaid").stdout)
    script = tmp_path / "parse.mjs"
    script.write_text((Path(__file__).parent / "mermaid_parse.mjs").read_text())
    (tmp_path / "node_modules").symlink_to(Path(MERMAID_MODULES).resolve())
    files = [exported, *sorted(MERMAID.glob("*.mmd"))]
    result = subprocess.run(
        ["node", str(script), *map(str, files)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    verdicts = {Path(line.split()[1]).name: line.split()[0] for line in result.stdout.splitlines()}
    assert verdicts == {
        "exported.mmd": "OK",
        "working-day.mmd": "OK",
        "every-construct.mmd": "OK",
        "single-line-description.mmd": "OK",
        "broken.mmd": "FAIL",
    }, result.stdout + result.stderr
