"""``ignore: [CODES]`` on journeys and touch points, and which entries did nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cxmap.findings import Finding, Mark
from cxmap.summary import JourneySummary

UNUSED = "CX006"


@dataclass(frozen=True)
class Entry:
    """One code in one ``ignore`` list."""

    journey: JourneySummary
    touchpoint: str | None
    code: str
    mark: Mark


class Suppressions:
    """Decide which findings an ``ignore`` list hides, remembering the entries used."""

    def __init__(self, journeys: Iterable[JourneySummary]) -> None:
        self.entries: dict[tuple[str, str | None, str], Entry] = {}
        self.used: set[tuple[str, str | None, str]] = set()
        self.files: dict[str, str] = {}
        """The file of each journey id, for findings located elsewhere (the measurements file)."""
        self.journey_files: set[str] = set()
        for journey in journeys:
            self.files.setdefault(journey.id, journey.file)
            self.journey_files.add(journey.file)
            for ignore in journey.ignores:
                self._add(Entry(journey, ignore.touchpoint, ignore.code, ignore.mark))

    def _add(self, entry: Entry) -> None:
        self.entries.setdefault((entry.journey.file, entry.touchpoint, entry.code), entry)

    def hides(self, finding: Finding) -> bool:
        """Whether an ``ignore`` list hides ``finding``; marks the entries that do."""
        hidden = False
        file = finding.file
        if finding.journey and file not in self.journey_files:
            file = self.files.get(finding.journey, file)
        for touchpoint in (None, finding.touchpoint) if finding.touchpoint else (None,):
            key = (file, touchpoint, finding.code)
            if key in self.entries:
                self.used.add(key)
                hidden = True
        return hidden

    def unused(self, known_codes: set[str]) -> list[Finding]:
        """A CX006 finding for every entry that hid nothing.

        ``ignore: [CX006]`` may hide those findings in turn; it is judged last.
        """
        findings = [
            self._unused(entry, known_codes)
            for key, entry in self.entries.items()
            if key not in self.used and entry.code != UNUSED
        ]
        visible = [finding for finding in findings if not self.hides(finding)]
        visible += [
            self._unused(entry, known_codes)
            for key, entry in self.entries.items()
            if key not in self.used and entry.code == UNUSED
        ]
        return visible

    @staticmethod
    def _unused(entry: Entry, known_codes: set[str]) -> Finding:
        where = f"touch point {entry.touchpoint!r}" if entry.touchpoint else "the journey"
        why = "is not a check" if entry.code not in known_codes else "matches no finding"
        message = f"ignore entry {entry.code} on {where} {why}: remove it"
        known = {touchpoint.id for touchpoint in entry.journey.touchpoints}
        touchpoint = entry.touchpoint if entry.touchpoint in known else None
        return entry.journey.finding(UNUSED, message, entry.mark, touchpoint)
