"""An on-disk cache of Python values, by a hash of everything they were made from.

``cxmap check`` keeps each file's reading here and the handbook build each page's
rendering (see :mod:`cxmap.mkdocs_cache`). Keys always include :func:`code_version`,
so an upgrade (or an edited checkout) never reuses an old result. Entries are
written atomically under a unique temporary name, so concurrent runs at worst
write the same entry twice; an unreadable or unwritable cache only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from cxmap import __version__
from cxmap.files import write_atomically

STALE_AFTER_DAYS = 14
"""Entries not used for this long are removed when a run prunes the cache."""

MAX_BYTES = 512 * 1024 * 1024
"""Beyond this size in all, the least recently used entries are removed."""


def digest(*parts: str | bytes) -> str:
    """A hex key for ``parts``; their boundaries count (``"ab", "c"`` ≠ ``"a", "bc"``)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """cxmap's version and a fingerprint of its modules (size and time of each)."""
    package = Path(__file__).parent
    stamps = [__version__]
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            status = path.stat()
            stamps.append(
                f"{path.relative_to(package).as_posix()}:{status.st_size}:{status.st_mtime_ns}"
            )
    return digest(*stamps)


class Store(Protocol):
    """Where cached values are kept: :class:`DiskCache`, or :class:`NoCache`."""

    def get(self, key: str) -> Any | None: ...

    def put(self, key: str, value: Any) -> None: ...

    def prune(self) -> None: ...


class NoCache:
    """A store that keeps nothing (``--no-cache``)."""

    def get(self, key: str) -> Any | None:
        return None

    def put(self, key: str, value: Any) -> None:
        pass

    def prune(self) -> None:
        pass


class DiskCache:
    """Pickled values in ``folder``, one file per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._used: list[Path] = []

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value = pickle.loads(data)
        except Exception:  # a damaged or foreign entry is a miss
            return None
        self._used.append(path)
        return value

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return  # a read-only cache only costs speed

    def prune(self, keep_days: float = STALE_AFTER_DAYS, max_bytes: int = MAX_BYTES) -> None:
        """Mark the entries this run used as fresh, then remove the stale ones.

        Stale: unused for ``keep_days``, or the least recently used beyond
        ``max_bytes`` in all.
        """
        now = time.time()
        for path in self._used:
            with contextlib.suppress(OSError):
                os.utime(path, (now, now))
        self._used.clear()
        limit = now - keep_days * 86400
        entries: list[tuple[float, int, str]] = []
        try:
            with os.scandir(self.folder) as found:
                for entry in found:
                    with contextlib.suppress(OSError):
                        if entry.name.endswith(".pickle"):
                            status = entry.stat()
                            entries.append((status.st_mtime, status.st_size, entry.path))
        except OSError:
            return
        entries.sort(reverse=True)
        total = 0
        for used, size, name in entries:
            total += size
            if used < limit or total > max_bytes:
                with contextlib.suppress(OSError):
                    Path(name).unlink()
