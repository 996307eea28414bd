"""``cxmap schema``: write the JSON Schemas of organisation, journey and config files."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click

from cxmap.errors import CxmapError
from cxmap.schema import schemas


def dumps(schema: object) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step, so that it is never left half written."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
