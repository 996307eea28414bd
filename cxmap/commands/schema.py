"""``cxmap schema``: write the JSON Schemas of organisation, journey and config files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cxmap.errors import CxmapError
from cxmap.files import write_atomically
from cxmap.schema import schemas


def dumps(schema: object) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def run(output: Path | None) -> int:
    everything = schemas()
    if output is None:
        click.echo(dumps(everything), nl=False)
        return 0
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name, schema in everything.items():
            write_atomically(output / name, dumps(schema))
    except OSError as exc:
        raise CxmapError(f"cannot write schemas to {str(output)!r}: {exc.strerror}") from None
    for name in everything:
        click.echo(f"wrote {output / name}")
    return 0
