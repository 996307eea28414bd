"""JSON Schemas of the project's files, for editors and other validators."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from cxmap.config import Config
from cxmap.model import Journey, Organization

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://cxmap.dev/schemas"


class OrganizationFile(BaseModel):
    """A cxmap organisation file: the registry every journey refers to."""

    model_config = ConfigDict(extra="forbid", title="cxmap organization file")
    organization: Organization = Field(description="The organisation.")


class JourneyFile(BaseModel):
    """A cxmap journey file: one customer journey."""

    model_config = ConfigDict(extra="forbid", title="cxmap journey file")
    journey: Journey = Field(description="The journey.")


class ConfigFile(Config):
    """cxmap.yaml: project settings; every key is optional."""

    model_config = ConfigDict(title="cxmap configuration")


FILES: dict[str, type[BaseModel]] = {
    "organization.schema.json": OrganizationFile,
    "journey.schema.json": JourneyFile,
    "cxmap.schema.json": ConfigFile,
}


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by file name, each a complete JSON Schema (draft 2020-12)."""
    result = {}
    for name, model in FILES.items():
        body = model.model_json_schema(mode="validation")
        result[name] = {"$schema": DRAFT, "$id": f"{BASE_ID}/{name}", **body}
    return result


def dumps(schema: object) -> str:
    """A schema as the text of a ``.schema.json`` file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
