"""The table of the handbook's generated pages: where each is, what renders it, where it sits.

Page generation walks this table, links between pages ask it for paths, and the
MkDocs plugin orders its navigation by it. A new page is a new row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Each = Literal["journey", "team", "department", "channel", "persona"]


@dataclass(frozen=True)
class GeneratedPage:
    """A page, or a folder with an index page and one page per item."""

    path: str
    """The page, or for a folder its index page (``teams/index.md``)."""
    template: str | None
    """The Jinja template; ``None`` for the pages whose text is built in code."""
    each: Each | None = None
    """For a folder: one page per journey, team, department, channel or persona."""
    item_template: str | None = None
    needs_organization: bool = False
    """Only generated when the project has an organisation file."""
    after_user_pages: bool = True
    """Placed in the navigation after the hand-written pages, in the table's order."""

    @property
    def folder(self) -> str | None:
        return self.path.rsplit("/", 1)[0] if self.each is not None else None

    @property
    def section(self) -> str:
        """What the navigation knows this entry by: its folder, or its page."""
        return self.folder or self.path

    def item_page(self, item_id: str) -> str:
        return f"{self.folder}/{item_id}.md"


def _registry_folder(folder: str, each: Each) -> GeneratedPage:
    """A folder of one page per item of the organisation file, e.g. ``teams/``."""
    return GeneratedPage(
        f"{folder}/index.md", f"{folder}.md.j2", each, f"{each}.md.j2", needs_organization=True
    )


HOME = GeneratedPage("index.md", "home.md.j2", after_user_pages=False)
JOURNEYS = GeneratedPage("journeys/index.md", "journeys.md.j2", "journey", "journey.md.j2")
TAGS = GeneratedPage("tags.md", None)
CATALOGUE = GeneratedPage("checks.md", None)
"""The check catalogue; a hand-written ``checks.md`` anywhere in the docs replaces it."""

PAGES: tuple[GeneratedPage, ...] = (
    HOME,
    JOURNEYS,
    GeneratedPage("teams/index.md", "teams.md.j2", "team", "team.md.j2", True),
    GeneratedPage(
        "departments/index.md", "departments.md.j2", "department", "department.md.j2", True
    ),
    GeneratedPage("channels/index.md", "channels.md.j2", "channel", "channel.md.j2", True),
    GeneratedPage("personas/index.md", "personas.md.j2", "persona", "persona.md.j2", True),
    GeneratedPage("promises.md", "promises.md.j2"),
    GeneratedPage("coverage.md", "coverage.md.j2"),
    GeneratedPage("findings.md", "findings.md.j2"),
    CATALOGUE,
    TAGS,
)

NAVIGATION: tuple[str, ...] = tuple(page.section for page in PAGES if page.after_user_pages)
"""The generated sections in navigation order, after the user's pages."""

_BY_KIND = {page.each: page for page in PAGES if page.each is not None}


def page_of(kind: Each, item_id: str) -> str:
    """The page of a journey, team, department, channel or persona: ``teams/web-team.md``."""
    return _BY_KIND[kind].item_page(item_id)
