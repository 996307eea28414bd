"""``cxmap schema``: write the JSON Schemas of organisation, journey and config files."""

from __future__ import annotations

from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.errors import CxmapError
from cxmap.files import write_atomically
from cxmap.schema import dumps, schemas


def run(output: Path | None) -> int:
    everything = schemas()
    if output is None:
        echo(dumps(everything), nl=False)
        return 0
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name, schema in everything.items():
            write_atomically(output / name, dumps(schema))
    except OSError as exc:
        raise CxmapError(f"cannot write schemas to {str(output)!r}: {exc.strerror}") from None
    for name in everything:
        echo(f"wrote {output / name}")
    return 0
