"""Writing files safely: a file is replaced in one step or not at all."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def write_atomically(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data``; a crash never leaves it half written."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def folder_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder that holds ``target`` while in the block.

    Locking the parent folder itself leaves no lock file behind.
    """
    if fcntl is None:
        yield
        return
    handle = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def replace_folder(target: Path, staging: Path) -> None:
    """Put ``staging`` where ``target`` is, in two renames; the old folder goes last.

    ``staging`` must be a sibling of ``target`` (the same file system). Readers
    see either the old folder or the new one, never a half-written one, and two
    writers take turns (see :func:`folder_lock`).
    """
    with folder_lock(target):
        if not target.exists():
            staging.rename(target)
            return
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(retired / target.name)
        staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
