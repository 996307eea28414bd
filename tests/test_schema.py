"""The exported JSON Schemas, checked by an independent validator (check-jsonschema)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, REPO, run_cli

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
NAMES = ["cxmap.schema.json", "journey.schema.json", "organization.schema.json"]


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("schemas")
    result = run_cli("schema", "-o", str(folder))
    assert result.returncode == 0, result.stderr
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
    assert result.returncode == 0, result.stdout


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


def test_printing_is_deterministic() -> None:
    first, second = run_cli("schema"), run_cli("schema")
    assert first.stdout == second.stdout
    assert sorted(json.loads(first.stdout)) == NAMES


def test_the_example_organisation_validates(schema_dir: Path) -> None:
    journeys = sorted(p for p in (REPO / "journeys").glob("*.yaml") if p.stem != "organization")
    good = sorted((EXAMPLES / "journeys-good").glob("*.yaml"))
    assert validate(schema_dir / "journey.schema.json", *journeys, *good).returncode == 0
    organizations = [REPO / "journeys" / "organization.yaml", EXAMPLES / "organization.yaml"]
    assert validate(schema_dir / "organization.schema.json", *organizations).returncode == 0


@pytest.mark.parametrize(
    "name", ["schema-types.yaml", "misspelt-owner.yaml", "yaml12-scalars.yaml"]
)
def test_wrong_types_and_unknown_keys_are_rejected(schema_dir: Path, name: str) -> None:
    result = validate(schema_dir / "journey.schema.json", EXAMPLES / "journeys-bad" / name)
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize(
    "text",
    [
        "journey: {id: j, title: T, stages: [], touchpoints: [], colour: red}\n",
        "journey: {id: Not A Slug, title: T, stages: [], touchpoints: []}\n",
        "journey: {id: j, title: T, stages: [], touchpoints: [{id: a, name: A, stage: s, "
        "emotion: 3}]}\n",
        "journey: {id: j, title: T, stages: [], touchpoints: [{id: a, name: A, stage: s, "
        "standard: {within: 4 hours}}]}\n",
        "journey: {id: j, stages: [], touchpoints: []}\n",
        "organization: {name: O, departments: [], teams: [{id: t}], stages: []}\n",
    ],
)
def test_single_mistakes_are_rejected(schema_dir: Path, tmp_path: Path, text: str) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text)
    kind = "organization" if text.startswith("organization") else "journey"
    assert validate(schema_dir / f"{kind}.schema.json", path).returncode == 1


def test_empty_lists_and_text_commitments_are_accepted(schema_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(
        "journey:\n  id: j\n  title: T\n  stages: []\n  touchpoints:\n"
        "    - id: a\n      name: A\n      stage: s\n      channels:\n"
        "      expectation: Quick\n      standard: {within: 4h}\n"
    )
    assert validate(schema_dir / "journey.schema.json", path).returncode == 0


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("schema", "-o", str(blocker / "sub"))
    assert result.returncode == 2
    assert result.stderr.startswith("cxmap: error: cannot write schemas")


def test_committed_schemas_are_current(schema_dir: Path) -> None:
    for name in NAMES:
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == (schema_dir / name).read_text(encoding="utf-8"), (
            "run: cxmap schema -o schemas"
        )
