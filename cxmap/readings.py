"""What a live preview remembers of each file between one reload and the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cxmap.project import FileReading


class Readings:
    """The last reading of each file, for a live preview that reloads the project often.

    A file whose bytes did not change is not read again. A file that cannot be read
    any more (broken YAML, a missing top-level key) keeps its last good document,
    so that the preview goes on showing it; the project lists it in ``stale``.
    Documents are never changed once read, so sharing them between loads is safe.
    """

    def __init__(self) -> None:
        self._latest: dict[tuple[str, bool], tuple[str, FileReading]] = {}
        self._good: dict[tuple[str, bool], FileReading] = {}

    def get(self, name: str, is_org: bool, key: str) -> FileReading | None:
        found = self._latest.get((name, is_org))
        return found[1] if found is not None and found[0] == key else None

    def remember(self, name: str, is_org: bool, key: str, reading: FileReading) -> None:
        self._latest[(name, is_org)] = (key, reading)
        if reading.document is not None:
            self._good[(name, is_org)] = reading

    def last_good(self, name: str, is_org: bool) -> FileReading | None:
        return self._good.get((name, is_org))

    def forget_others(self, names: set[str]) -> None:
        """Drop what was read from files that are gone."""
        for store in (self._latest, self._good):
            for key in [key for key in store if key[0] not in names]:
                del store[key]
