"""``cxmap import-mermaid``: a Mermaid ``journey`` diagram as a cxmap journey file."""

from __future__ import annotations

from pathlib import Path

from cxmap.commands.shared import echo
from cxmap.errors import CxmapError
from cxmap.files import write_atomically
from cxmap.interop import mermaid
from cxmap.model.types import slugify
from cxmap.yamlwrite import dump

HEADER = (
    "# Imported from a Mermaid journey. Add owners and expectations: cxmap check\n"
    "# yaml-language-server: $schema=../schemas/journey.schema.json\n"
)


def run(source: Path, output: Path | None) -> int:
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CxmapError(f"cannot read {str(source)!r}: {exc}") from None
    try:
        parsed = mermaid.parse(text)
    except mermaid.MermaidError as exc:
        raise CxmapError(f"{source}:{exc.line}: {exc}") from None
    fallback = slugify(source.stem, "journey")
    data, warnings = mermaid.to_journey(parsed, fallback)
    for warning in warnings:
        echo(f"cxmap: warning: {source}:{warning}", err=True)
    yaml_text = HEADER + dump(data)
    if output is None:
        echo(yaml_text, nl=False)
        return 0
    if output.exists():
        raise CxmapError(f"{str(output)!r} exists already; cxmap never overwrites a file")
    write_atomically(output, yaml_text)
    echo(f"wrote {output}", err=True)
    return 0
