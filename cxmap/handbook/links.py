"""Cross-references as Markdown, for the templates: links to teams, touch points…

These run thousands of times on a big site, so they are plain Python rather than
Jinja macros. User text in them is escaped; the results are Markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from markupsafe import Markup

from cxmap.backlog import Item
from cxmap.catalogue import anchor
from cxmap.checks import REGISTRY
from cxmap.delivered import Delivered, PromiseChain, step_time
from cxmap.findings import Finding
from cxmap.handbook.content import Handbook, Place, journey_page
from cxmap.handbook.escape import markdown_text as md
from cxmap.handbook.pages import page_of
from cxmap.maturity import Place as ScorePlace
from cxmap.maturity import Score
from cxmap.model import ROLES, Commitment, Department
from cxmap.project import JourneyDocument

Linked = Literal["team", "department", "channel", "service"]


def helpers(hb: Handbook) -> dict[str, Callable[..., Any]]:
    """The link helpers of the templates, bound to one handbook."""

    def entity_link(page: str, kind: Linked, key: str | None, missing: str) -> str:
        if key and hb.exists(kind, key):
            return f"[{md(hb.name(kind, key))}]({hb.link(page, page_of(kind, key))})"
        return md(key) if key else missing

    def team_link(page: str, team: str | None) -> Markup:
        if team and not hb.exists("team", team):
            return Markup(f"{md(team)} (unknown team)")
        return Markup(entity_link(page, "team", team, "*no owner*"))

    def department_link(page: str, department: str | None) -> Markup:
        return Markup(entity_link(page, "department", department, "—"))

    def related_links(page: str, finding: Finding) -> Markup:
        """`` Compare: …`` with a link to each other touch point the finding names."""
        places = hb.related_places(finding)
        if not places:
            return Markup("")
        links = [
            f"[{md(place.journey.title)} \u203a {md(place.touchpoint.name)}]"
            f"({hb.link(page, place.page, place.anchor)})"
            for place in places
        ]
        return Markup(" Compare: " + ", ".join(links) + ".")

    def service_link(page: str, service: str | None) -> Markup:
        return Markup(entity_link(page, "service", service, "—"))

    def channel_links(page: str, channels: Sequence[str]) -> Markup:
        links = [entity_link(page, "channel", c, "") for c in channels]
        return Markup(", ".join(links) or "—")

    def place_link(page: str, place: Place) -> Markup:
        target = hb.link(page, place.page, place.anchor)
        return Markup(f"[{md(place.touchpoint.name)}]({target})")

    def journey_link(page: str, doc: JourneyDocument) -> Markup:
        target = hb.link(page, journey_page(doc.model.id))
        return Markup(f"[{md(doc.model.title)}]({target})")

    def commitment(value: Commitment | None) -> Markup:
        """The text, then its time in words and where the clock starts."""
        if value is None or value.is_empty:
            return Markup("—")
        if not value.timing:
            return Markup(md(value.text or ""))
        if not value.text:
            return Markup(md(value.timing.capitalize()))
        return Markup(f"{md(value.text)} ({md(value.timing)})")

    def roles(department: Department) -> Markup:
        """A department's roles, each with what it means."""
        return Markup("; ".join(f"**{md(role)}**: {md(ROLES[role])}" for role in department.roles))

    def emotion(value: int | None) -> Markup:
        return Markup("—" if value is None else f"{value:+d}")

    def tag_links(page: str, names: Sequence[str]) -> Markup:
        """Tags as links to their pages, styled as chips; nothing without tags."""
        links = []
        for name in dict.fromkeys(names):
            tag = hb.tag_of(name)
            if tag is not None:
                links.append(f"[{md(name)}]({hb.link(page, page_of('tag', tag.slug))})")
        if not links:
            return Markup("")
        return Markup(f'<span class="cxmap-tags">Tags: {" ".join(links)}</span>')

    def place_at(page: str, found: ScorePlace) -> Markup:
        """Where a level's criterion fails: the message, linked to the touch point or journey."""
        doc = hb.journey_in(found.file) or hb.journey_by_id(found.journey)
        code = f"**{found.code}** " if found.code else ""
        if doc is None:
            return Markup(f"{code}{md(found.message)}")
        # A touch point left out for schema errors has no section to link to.
        known = found.touchpoint in doc.model.touchpoint_ids
        anchor_id = f"tp-{found.touchpoint}" if found.touchpoint and known else None
        target = hb.link(page, journey_page(doc.model.id), anchor_id)
        return Markup(f"{code}[{md(found.message)}]({target})")

    def opportunity(page: str, item: Item | None, text: str) -> Markup:
        """An opportunity with its size, quadrant, rank in the backlog and the team it
        names, when it has them."""
        if item is None:
            return Markup(md(text))
        about = []
        if item.quadrant is not None:
            target = hb.link(page, "opportunities.md", item.anchor)
            about.append(
                f"value {item.value}, effort {item.effort}: {item.quadrant.lower()}, "
                f"[#{item.rank} of the backlog]({target})"
            )
        if item.opportunity.owner is not None:
            about.append(f"for {team_link(page, item.opportunity.owner)}")
        return Markup(f"{md(text)} ({'; '.join(about)})" if about else md(text))

    def channel_names(channels: Sequence[str]) -> Markup:
        return Markup(", ".join(md(hb.name("channel", key)) for key in channels) or "—")

    def check_links(page: str, catalogue: str, codes: Sequence[str]) -> Markup:
        """Check codes, each linked to its entry in the check catalogue."""
        return Markup(
            ", ".join(
                f"[{code}]({hb.link(page, catalogue, anchor(code, REGISTRY[code].name))})"
                for code in codes
            )
        )

    return {
        "place_at": place_at,
        "check_links": check_links,
        "channel_names": channel_names,
        "level": level,
        "opportunity": opportunity,
        "gap_mark": gap_mark,
        "delivered": delivered,
        "chain_steps": chain_steps,
        "team_link": team_link,
        "department_link": department_link,
        "channel_links": channel_links,
        "service_link": service_link,
        "related_links": related_links,
        "roles": roles,
        "place_link": place_link,
        "journey_link": journey_link,
        "commitment": commitment,
        "emotion": emotion,
        "tag_links": tag_links,
        "ignored": ignored,
        "confidence": CONFIDENCE.__getitem__,
    }


def level(score: Score | None) -> Markup:
    """A maturity level as a badge with its number and name; a dash when not scored."""
    if score is None:
        return Markup("—")
    return Markup(
        f'<span class="cxmap-level" data-level="{score.level}">{score.level} {score.name}</span>'
    )


def gap_mark(is_open: bool, words: str) -> Markup:
    """A flag in words before a time that leaves a gap open; nothing when it is closed."""
    if not is_open:
        return Markup("")
    return Markup(f'<span class="cxmap-gap-open">Gap: {md(words)}</span><br>')


def delivered(value: Delivered | None) -> Markup:
    """What a KPI measures as delivered, with the KPI and the date of the measurement."""
    if value is None:
        return Markup("—")
    reading = value.reading
    time = value.time.words + (" ahead" if value.lead_time else "")
    source = reading.kpi.label or "KPI"
    if reading.measured and reading.latest is not None:
        source += f", measured {reading.latest.date.isoformat()}"
    return Markup(f"{md(time.capitalize())} ({md(source)})")


def chain_steps(chain: PromiseChain) -> Markup:
    """The steps of a promise's chain with their times, and their sum against the promise."""
    steps = ", ".join(
        f"{md(step.name)} ({time.words if (time := step_time(step)) else 'no time'})"
        for step in chain.steps
    )
    verdict = "more than" if chain.over else "within"
    words = (
        f"From {md(chain.starts_at.name)}: {steps}; in all {chain.total.words}, "
        f"{verdict} the {chain.gives.words} it gives"
    )
    if chain.paths > 1:
        words += f" (the slowest of {chain.paths} paths)"
    return Markup(words)


CONFIDENCE = {
    "observed": "observed: we have seen it happen",
    "assumed": "assumed: not yet checked with customers",
    "proposed": "proposed: a step we plan to add",
}
"""How we know about a touch point (its ``confidence``), in words."""


def ignored(codes: Sequence[str]) -> Markup:
    """Check codes set aside with ``ignore``, each with its name."""
    return Markup(
        ", ".join(
            f"{code} ({REGISTRY[code].name})" if code in REGISTRY else md(code) for code in codes
        )
    )


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``1 warning``, ``2 warnings``; ``plural`` where adding an s is wrong."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
