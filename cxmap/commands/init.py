"""``cxmap init``: scaffold a small project that checks clean; never overwrite a file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cxmap.checks.learning import today
from cxmap.commands.schema import dumps
from cxmap.errors import CxmapError
from cxmap.files import write_atomically
from cxmap.schema import schemas

if TYPE_CHECKING:
    from importlib.abc import Traversable

# Files of the scaffold whose name in the project differs.
RENAMED = {"pre-commit-config.yaml": ".pre-commit-config.yaml"}


def _walk(folder: Traversable, prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.update(_walk(entry, f"{name}/"))
        elif not entry.name.startswith((".", "__")):
            found[RENAMED.get(name, name)] = entry.read_text(encoding="utf-8")
    return found


def example_journeys() -> Traversable:
    """The example organisation: inside the wheel, or the repository's ``journeys/``."""
    packaged = resources.files("cxmap") / "example" / "journeys"
    if packaged.is_dir():
        return packaged
    return resources.files("cxmap") / ".." / "journeys"


def project_files(example: bool = False) -> dict[str, str]:
    """Every file of a new project, by path relative to it."""
    files = {
        path: text.replace("{today}", today().isoformat())
        for path, text in _walk(resources.files("cxmap") / "scaffold").items()
    }
    if example:
        files = {path: text for path, text in files.items() if not path.startswith("journeys/")}
        files.update(_walk(example_journeys(), "journeys/"))
    files.update({f"schemas/{name}": dumps(schema) for name, schema in schemas().items()})
    return files


def run(target: Path, example: bool = False) -> int:
    if target.exists() and not target.is_dir():
        raise CxmapError(f"{str(target)!r} is a file, not a folder")
    created, kept = [], []
    try:
        for relative, text in sorted(project_files(example).items()):
            path = target / relative
            if path.exists():
                kept.append(relative)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text)
            created.append(relative)
    except OSError as exc:
        raise CxmapError(f"cannot write to {str(target)!r}: {exc.strerror}") from None
    for relative in created:
        click.echo(f"created {relative}")
    for relative in kept:
        click.echo(f"kept    {relative} (it exists already)")
    step = (
        "cxmap check" if target.resolve() == Path.cwd().resolve() else f"cd {target} && cxmap check"
    )
    click.echo(f"\nNext: {step}")
    return 0
