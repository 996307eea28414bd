"""What changed between two versions of a project, in strategy terms.

Journeys and touch points added and removed; changes of owner, expectation,
standard, channels and promises; findings introduced and fixed. Findings are
matched by check, journey, touch point and message (positions left out), so that
moving lines is not a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cxmap.findings import Finding, Severity
from cxmap.linter import Report
from cxmap.model import Commitment, Journey, TouchPoint

_POSITION = re.compile(r":\d+:\d+\b|\bline \d+\b")


@dataclass(frozen=True)
class Change:
    journey: str
    touchpoint: str | None
    what: str
    before: str
    after: str


@dataclass
class Diff:
    added_journeys: list[Journey] = field(default_factory=list)
    removed_journeys: list[Journey] = field(default_factory=list)
    added_touchpoints: list[tuple[Journey, TouchPoint]] = field(default_factory=list)
    removed_touchpoints: list[tuple[Journey, TouchPoint]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.added_journeys,
                self.removed_journeys,
                self.added_touchpoints,
                self.removed_touchpoints,
                self.changes,
                self.introduced,
                self.fixed,
            )
        )

    @property
    def new_errors(self) -> list[Finding]:
        return [f for f in self.introduced if f.severity is Severity.ERROR]


def _commitment(value: Commitment | None) -> str:
    return "" if value is None or value.is_empty else str(value)


def _fields(journey: Journey, tp: TouchPoint) -> dict[str, str]:
    promises = {p.id: p.text for p in journey.promises}
    return {
        "owner": tp.owner or "",
        "service": tp.service or "",
        "expectation": _commitment(tp.expectation),
        "standard": _commitment(tp.standard),
        "channels": ", ".join(tp.channels),
        "promises made": ", ".join(promises.get(p, p) for p in tp.promises),
        "promises kept": ", ".join(promises.get(p, p) for p in tp.keeps),
    }


def _key(finding: Finding) -> tuple[str, str, str, str]:
    message = _POSITION.sub("", finding.message)
    return (finding.code, finding.journey or finding.file, finding.touchpoint or "", message)


def compare(old: Report, new: Report) -> Diff:
    diff = Diff()
    before = {doc.model.id: doc.model for doc in old.project.journeys}
    after = {doc.model.id: doc.model for doc in new.project.journeys}
    diff.added_journeys = [after[j] for j in sorted(after.keys() - before.keys())]
    diff.removed_journeys = [before[j] for j in sorted(before.keys() - after.keys())]
    for journey_id in sorted(before.keys() & after.keys()):
        old_journey, new_journey = before[journey_id], after[journey_id]
        if (old_journey.owner or "") != (new_journey.owner or ""):
            diff.changes.append(
                Change(journey_id, None, "owner", old_journey.owner or "", new_journey.owner or "")
            )
        old_points, new_points = old_journey.touchpoint_ids, new_journey.touchpoint_ids
        diff.added_touchpoints += [
            (new_journey, new_points[t]) for t in new_points if t not in old_points
        ]
        diff.removed_touchpoints += [
            (old_journey, old_points[t]) for t in old_points if t not in new_points
        ]
        for point_id in (t for t in new_points if t in old_points):
            was = _fields(old_journey, old_points[point_id])
            now = _fields(new_journey, new_points[point_id])
            diff.changes += [
                Change(journey_id, point_id, name, was[name], now[name])
                for name in was
                if was[name] != now[name]
            ]
    old_keys = {_key(f) for f in old.findings}
    new_keys = {_key(f) for f in new.findings}
    diff.introduced = [f for f in new.findings if _key(f) not in old_keys]
    diff.fixed = [f for f in old.findings if _key(f) not in new_keys]
    return diff


def _finding_line(finding: Finding) -> str:
    where = f"{finding.journey or finding.file}" + (
        f" / {finding.touchpoint}" if finding.touchpoint else ""
    )
    return f"{finding.code} [{finding.severity.value}] {where}: {finding.message}"


def render_text(diff: Diff, base: str) -> str:
    if diff.empty:
        return f"No change in strategy terms since {base}."
    lines = [f"Changes since {base}:"]
    lines += [f"+ journey {j.id}: {j.title}" for j in diff.added_journeys]
    lines += [f"- journey {j.id}: {j.title}" for j in diff.removed_journeys]
    lines += [f"+ touch point {j.id} / {t.id}: {t.name}" for j, t in diff.added_touchpoints]
    lines += [f"- touch point {j.id} / {t.id}: {t.name}" for j, t in diff.removed_touchpoints]
    for change in diff.changes:
        where = change.journey + (f" / {change.touchpoint}" if change.touchpoint else "")
        lines.append(
            f"~ {where}: {change.what}: {change.before or '(none)'} -> {change.after or '(none)'}"
        )
    lines += [f"new finding: {_finding_line(f)}" for f in diff.introduced]
    lines += [f"fixed: {_finding_line(f)}" for f in diff.fixed]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") or "—"


def render_markdown(diff: Diff, base: str) -> str:
    """A pull-request comment."""
    if diff.empty:
        return f"**cxmap:** no change in strategy terms since `{base}`.\n"
    out = [f"### cxmap: what changed since `{base}`", ""]
    if diff.added_journeys or diff.removed_journeys:
        out += ["**Journeys**", ""]
        out += [f"- added: {_cell(j.title)} (`{j.id}`)" for j in diff.added_journeys]
        out += [f"- removed: {_cell(j.title)} (`{j.id}`)" for j in diff.removed_journeys]
        out.append("")
    if diff.added_touchpoints or diff.removed_touchpoints:
        out += ["**Touch points**", ""]
        out += [f"- added: {_cell(t.name)} in `{j.id}`" for j, t in diff.added_touchpoints]
        out += [f"- removed: {_cell(t.name)} in `{j.id}`" for j, t in diff.removed_touchpoints]
        out.append("")
    if diff.changes:
        out += [
            "| Journey | Touch point | What | Before | After |",
            "| --- | --- | --- | --- | --- |",
        ]
        out += [
            f"| `{c.journey}` | {f'`{c.touchpoint}`' if c.touchpoint else '—'} | {c.what} "
            f"| {_cell(c.before)} | {_cell(c.after)} |"
            for c in diff.changes
        ]
        out.append("")
    if diff.introduced or diff.fixed:
        out += ["**Findings**", ""]
        out += [f"- 🆕 {_cell(_finding_line(f))}" for f in diff.introduced]
        out += [f"- ✅ fixed: {_cell(_finding_line(f))}" for f in diff.fixed]
        out.append("")
    return "\n".join(out)
