"""The scorecard as text for people and as JSON for CI dashboards (``cxmap score``)."""

from __future__ import annotations

import json
from typing import Any

from cxmap.maturity import LADDER, Gap, Place, Score, level_name
from cxmap.scorecard import Health, JourneyCard, Scorecard, TeamCard

VERSION = 1

PLACES_SHOWN = 5
"""How many places of each unmet criterion the text lists."""


def _place(place: Place) -> dict[str, Any]:
    return {
        "file": place.file,
        "line": place.line,
        "column": place.column,
        "journey": place.journey,
        "touchpoint": place.touchpoint,
        "code": place.code,
        "message": place.message,
    }


def _gap(gap: Gap) -> dict[str, Any]:
    return {
        "criterion": gap.criterion.id,
        "text": gap.criterion.text,
        "count": len(gap.places),
        "places": [_place(place) for place in gap.places],
    }


def _next(score: Score) -> dict[str, Any] | None:
    following = score.next
    if following is None:
        return None
    return {
        "level": following.number,
        "name": following.name,
        "missing": [_gap(gap) for gap in score.missing],
    }


def _health(health: Health) -> dict[str, Any]:
    return {
        "emotion": {"average": _rounded(health.average), "lowest": health.lowest},
        "findings": {"error": health.errors, "warning": health.warnings, "info": health.infos},
    }


def _journey(card: JourneyCard) -> dict[str, Any]:
    journey = card.doc.model
    mapped = bool(journey.touchpoints)
    with_parts = None
    if card.has_children:
        with_parts = {
            "level": card.rolled.level,
            "level_name": card.rolled.name,
            **_health(card.rolled_health),
        }
    return {
        "id": journey.id,
        "title": journey.title,
        "file": card.doc.file,
        "parent": journey.parent,
        "depth": card.depth,
        "owner": journey.owner,
        "level": card.own.level,
        "level_name": card.own.name,
        "effort": {
            "total": card.effort.total,
            "channel_switches": len(card.effort.channel_switches),
            "handoffs": len(card.effort.handoffs),
            "repeats": len(card.effort.repeats),
        }
        if mapped
        else None,
        **_health(card.health),
        "with_parts": with_parts,
        "next": _next(card.own),
    }


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def _team(card: TeamCard) -> dict[str, Any]:
    score = card.score
    return {
        "id": card.id,
        "name": card.name,
        "journeys": card.journeys,
        "touchpoints": card.touchpoints,
        "level": score.level if score is not None else None,
        "level_name": score.name if score is not None else None,
        "next": _next(score) if score is not None else None,
    }


def as_dict(scorecard: Scorecard) -> dict[str, Any]:
    return {
        "version": VERSION,
        "levels": [
            {
                "level": level.number,
                "name": level.name,
                "summary": level.summary,
                "criteria": [
                    {"id": c.id, "text": c.text, "checks": list(c.codes)} for c in level.criteria
                ],
            }
            for level in LADDER
        ],
        "journeys": [_journey(card) for card in scorecard.journeys],
        "unread": scorecard.unread,
        "teams": [_team(card) for card in scorecard.teams],
        "summary": {
            "journeys": {str(n): count for n, count in scorecard.journey_levels.items()},
            "teams": {str(n): count for n, count in scorecard.team_levels.items()},
        },
    }


def render_json(scorecard: Scorecard) -> str:
    return json.dumps(as_dict(scorecard), indent=2, ensure_ascii=False)


def _missing(score: Score, indent: str) -> list[str]:
    following = score.next
    if following is None:
        return [f"{indent}top level reached"]
    lines = [f"{indent}for {following.number} {following.name}:"]
    for gap in score.missing:
        lines.append(f"{indent}  - {gap.criterion.text} ({len(gap.places)} to fix)")
        for place in gap.places[:PLACES_SHOWN]:
            code = f"{place.code} " if place.code else ""
            lines.append(
                f"{indent}      {place.file}:{place.line}:{place.column}: {code}{place.message}"
            )
        if len(gap.places) > PLACES_SHOWN:
            lines.append(f"{indent}      … and {len(gap.places) - PLACES_SHOWN} more")
    return lines


def render_text(scorecard: Scorecard) -> str:
    ladder = " · ".join(f"{level.number} {level.name}" for level in LADDER)
    lines = [f"Maturity levels: {ladder}", "", "Journeys"]
    for card in scorecard.journeys:
        indent = "  " * (card.depth + 1)
        rolled = (
            f", {card.rolled.level} {card.rolled.name} with its parts"
            if card.rolled.level != card.own.level
            else ""
        )
        effort = f"effort {card.effort.total}" if card.doc.model.touchpoints else "made of others"
        lines.append(f"{indent}{card.id}: level {card.own.level} {card.own.name}{rolled}; {effort}")
        lines += _missing(card.own, indent + "  ")
    for file in scorecard.unread:
        lines.append(f"  {file}: cannot be read, so at no level: see cxmap check")
    if not scorecard.journeys and not scorecard.unread:
        lines.append("  (no journeys)")
    lines += ["", "Teams"]
    for team in scorecard.teams:
        if team.score is None:
            lines.append(f"  {team.id}: owns nothing")
            continue
        lines.append(f"  {team.id}: level {team.score.level} {team.score.name}")
        lines += _missing(team.score, "    ")
    if not scorecard.teams:
        lines.append("  (no teams: the organisation file declares none, or cannot be read)")
    counts = ", ".join(
        f"{count} at {number} {level_name(number)}"
        for number, count in scorecard.journey_levels.items()
        if count
    )
    lines += ["", f"Journeys: {counts or 'none'}."]
    return "\n".join(lines)
