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
    """Hold an exclusive lock for ``target`` (a lock file beside it) while in the block."""
    lock = target.parent / f".{target.name}.lock"
    with lock.open("a") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


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
