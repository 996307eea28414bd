"""The exported JSON Schemas, checked by an independent validator (check-jsonschema)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, REPO, Cli, cxmap_state_restored

from cxmap.cli import main

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
NAMES = ["cxmap.schema.json", "journey.schema.json", "organization.schema.json"]
VALID = "ok -- validation done\n"
INVALID = "Schema validation errors were encountered.\n"
"""What check-jsonschema prints first when files pass, and when one does not."""


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    with cxmap_state_restored():  # module-scoped: no ``cli`` fixture here
        assert main(["schema", "-o", str(folder)]) == 0
    return folder


def validate(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_schema_files_are_written_and_valid_json_schema(schema_dir: Path) -> None:
    assert sorted(path.name for path in schema_dir.iterdir()) == NAMES
    for name in NAMES:
        schema = json.loads((schema_dir / name).read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--check-metaschema", *(str(schema_dir / n) for n in NAMES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, VALID), result.stdout + result.stderr


def _properties(node: Any, path: str = "") -> list[tuple[str, Any]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            found.append((f"{path}.{key}", value))
        for key, value in node.items():
            found += _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            found += _properties(item, path)
    return found


@pytest.mark.parametrize("name", NAMES)
def test_every_field_is_described(schema_dir: Path, name: str) -> None:
    schema = json.loads((schema_dir / name).read_text())
    undescribed = [path for path, value in _properties(schema) if not value.get("description")]
    assert undescribed == []


def test_printing_is_deterministic(cli: Cli) -> None:
    first, second = cli("schema"), cli("schema")
    assert first.stdout == second.stdout
    assert sorted(json.loads(first.stdout)) == NAMES


def test_the_example_organisation_validates(schema_dir: Path) -> None:
    journeys = sorted(p for p in (REPO / "journeys").glob("*.yaml") if p.stem != "organization")
    good = sorted((EXAMPLES / "journeys-good").glob("*.yaml"))
    result = validate(schema_dir / "journey.schema.json", *journeys, *good)
    assert (result.returncode, result.stdout) == (0, VALID), result.stdout + result.stderr
    organizations = [REPO / "journeys" / "organization.yaml", EXAMPLES / "organization.yaml"]
    result = validate(schema_dir / "organization.schema.json", *organizations)
    assert (result.returncode, result.stdout) == (0, VALID), result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "error"),
    [
        pytest.param(
            "schema-types.yaml",
            "::$.journey.status: 'liv' is not one of ['draft', 'researched', 'live', 'retired']",
            id="schema-types.yaml",
        ),
        pytest.param(
            "misspelt-owner.yaml",
            "$.journey.touchpoints[0]: Additional properties are not allowed "
            "('ownr' was unexpected)",
            id="misspelt-owner.yaml",
        ),
        pytest.param(
            "yaml12-scalars.yaml",
            "$.journey.touchpoints[0].emotion: '1' is not of type 'integer'",
            id="yaml12-scalars.yaml",
        ),
    ],
)
def test_wrong_types_and_unknown_keys_are_rejected(schema_dir: Path, name: str, error: str) -> None:
    result = validate(schema_dir / "journey.schema.json", EXAMPLES / "journeys-bad" / name)
    assert result.returncode == 1, result.stdout
    assert result.stdout.startswith(INVALID), result.stdout
    assert f"journeys-bad/{name}::$.journey" in result.stdout
    assert error in result.stdout


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "journey: {id: j, title: T, stages: [], touchpoints: [], colour: red}\n",
            "$.journey: Additional properties are not allowed ('colour' was unexpected)",
        ),
        (
            "journey: {id: Not A Slug, title: T, stages: [], touchpoints: []}\n",
            "$.journey.id: 'Not A Slug' does not match",
        ),
        (
            "journey: {id: j, title: T, stages: [], touchpoints: [{id: a, name: A, stage: s, "
            "emotion: 3}]}\n",
            "$.journey.touchpoints[0].emotion: 3 is greater than the maximum of 2",
        ),
        (
            "journey: {id: j, title: T, stages: [], touchpoints: [{id: a, name: A, stage: s, "
            "standard: {within: 4 hours}}]}\n",
            "$.journey.touchpoints[0].standard.within: '4 hours' does not match",
        ),
        (
            "journey: {id: j, stages: [], touchpoints: []}\n",
            "$.journey: 'title' is a required property",
        ),
        (
            "organization: {name: O, departments: [], teams: [{id: t}], stages: []}\n",
            "$.organization.teams[0]: 'department' is a required property",
        ),
    ],
    ids=[f"text{i}" for i in range(6)],
)
def test_single_mistakes_are_rejected(
    schema_dir: Path, tmp_path: Path, text: str, error: str
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text)
    kind = "organization" if text.startswith("organization") else "journey"
    result = validate(schema_dir / f"{kind}.schema.json", path)
    assert result.returncode == 1, result.stdout
    assert result.stdout.startswith(INVALID), result.stdout
    assert error in result.stdout


def test_empty_lists_and_text_commitments_are_accepted(schema_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(
        "journey:\n  id: j\n  title: T\n  stages: []\n  touchpoints:\n"
        "    - id: a\n      name: A\n      stage: s\n      channels:\n"
        "      expectation: Quick\n      standard: {within: 4h}\n"
    )
    result = validate(schema_dir / "journey.schema.json", path)
    assert (result.returncode, result.stdout) == (0, VALID), result.stdout + result.stderr


def test_unwritable_output_is_a_clear_error(tmp_path: Path, cli: Cli) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("schema", "-o", str(blocker / "sub"))
    assert result.returncode == 2
    assert result.stderr.startswith("cxmap: error: cannot write schemas")


def test_committed_schemas_are_current(schema_dir: Path) -> None:
    for name in NAMES:
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == (schema_dir / name).read_text(encoding="utf-8"), (
            "run: cxmap schema -o schemas"
        )
