"""The table of the handbook's generated pages: where each is, what renders it, where it sits.

Page generation walks this table, links between pages ask it for paths, and the
MkDocs plugin builds its navigation from it. A new page is a new row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Each = Literal["journey", "team", "department", "channel", "service", "persona", "tag"]


@dataclass(frozen=True)
class GeneratedPage:
    """A page, or a folder with an index page and one page per item."""

    path: str
    """The page, or for a folder its index page (``teams/index.md``)."""
    template: str | None
    """The Jinja template; ``None`` for the pages whose text is built in code."""
    each: Each | None = None
    """For a folder: one page per journey, team, department, channel, persona or tag."""
    item_template: str | None = None
    needs_organization: bool = False
    """Only generated when the project has an organisation file."""
    needs_services: bool = False
    """Only generated when the organisation declares services."""
    group: str | None = None
    """The section of the navigation it sits in; ``None``: the top, before the user's pages."""

    @property
    def folder(self) -> str | None:
        return self.path.rsplit("/", 1)[0] if self.each is not None else None

    @property
    def section(self) -> str:
        """What the navigation knows this entry by: its folder, or its page."""
        return self.folder or self.path

    def item_page(self, item_id: str) -> str:
        return f"{self.folder}/{item_id}.md"


JOURNEYS_GROUP = "Journeys"
ORGANISATION_GROUP = "Organisation"
GLANCE_GROUP = "At a glance"


def _registry_folder(folder: str, each: Each, needs_services: bool = False) -> GeneratedPage:
    """A folder of one page per item of the organisation file, e.g. ``teams/``."""
    return GeneratedPage(
        f"{folder}/index.md",
        f"{folder}.md.j2",
        each,
        f"{each}.md.j2",
        needs_organization=True,
        needs_services=needs_services,
        group=ORGANISATION_GROUP,
    )


HOME = GeneratedPage("index.md", "home.md.j2")
JOURNEYS = GeneratedPage(
    "journeys/index.md", "journeys.md.j2", "journey", "journey.md.j2", group=JOURNEYS_GROUP
)
DASHBOARD = GeneratedPage("dashboard.md", "dashboard.md.j2", group=GLANCE_GROUP)
TAGS = GeneratedPage("tags/index.md", "tags.md.j2", "tag", "tag.md.j2", group=GLANCE_GROUP)
CATALOGUE = GeneratedPage("checks.md", None, group=GLANCE_GROUP)
"""The check catalogue; a hand-written ``checks.md`` anywhere in the docs replaces it."""

PAGES: tuple[GeneratedPage, ...] = (
    HOME,
    JOURNEYS,
    _registry_folder("teams", "team"),
    _registry_folder("departments", "department"),
    _registry_folder("channels", "channel"),
    _registry_folder("services", "service", needs_services=True),
    _registry_folder("personas", "persona"),
    DASHBOARD,
    GeneratedPage("scorecard.md", "scorecard.md.j2", group=GLANCE_GROUP),
    GeneratedPage("promises.md", "promises.md.j2", group=GLANCE_GROUP),
    GeneratedPage("kpis.md", "kpis.md.j2", group=GLANCE_GROUP),
    GeneratedPage("opportunities.md", "opportunities.md.j2", group=GLANCE_GROUP),
    GeneratedPage("coverage.md", "coverage.md.j2", group=GLANCE_GROUP),
    GeneratedPage("findings.md", "findings.md.j2", group=GLANCE_GROUP),
    TAGS,
    CATALOGUE,
)

NAVIGATION: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (group, tuple(page.section for page in PAGES if page.group == group))
    for group in (JOURNEYS_GROUP, ORGANISATION_GROUP, GLANCE_GROUP)
)
"""The generated sections of the navigation after the user's pages, in order: each
group's title and the entries (folders or pages) in it."""

NAVIGATION_ITEMS = 30
"""A folder lists its pages in the navigation up to this many; beyond, only its index
page (with a table of them all), so that no page carries hundreds of links."""

_BY_KIND = {page.each: page for page in PAGES if page.each is not None}


def page_of(kind: Each, item_id: str) -> str:
    """The page of a journey, team, department, channel, persona or tag."""
    return _BY_KIND[kind].item_page(item_id)


_CROSS_REFERENCE_FOLDERS = tuple(
    f"{page.folder}/" for page in PAGES if page.each not in (None, "journey")
)


def is_cross_reference(path: str) -> bool:
    """Whether a page lists what other pages describe: a team's, channel's or tag's page.

    Its long tables (a row per touch point or journey, each with a page of its own)
    stay out of the search index, so that a search leads to the journey that says
    it all rather than to every list the touch point appears in.
    """
    return path == JOURNEYS.path or path.startswith(_CROSS_REFERENCE_FOLDERS)
