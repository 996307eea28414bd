"""The MkDocs plugin ``cxmap``: the generated handbook pages, in memory.

A thin shell: it checks the project with :mod:`cxmap.linter`, has
:mod:`cxmap.handbook.generate` write the pages, and hands them to MkDocs as
generated files. Nothing is written into ``docs/``. Under ``mkdocs serve`` the
journeys folder and ``cxmap.yaml`` are watched, and a broken edit shows its
findings (or the configuration error) in the site instead of stopping the server.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as options
from mkdocs.config.base import Config as MkDocsOptions
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from cxmap.config import Config
from cxmap.diagrams import views_of
from cxmap.errors import CxmapError
from cxmap.handbook.escape import markdown_text
from cxmap.handbook.generate import (
    JOURNEY_INDEX_MARKER,
    Site,
    fill_diagrams,
    generate,
    journey_index,
)
from cxmap.handbook.links import counted
from cxmap.handbook.pages import NAVIGATION, NAVIGATION_ITEMS
from cxmap.handbook.static import SCRIPTS, STYLESHEETS
from cxmap.linter import Report, lint
from cxmap.paths import ProjectPaths

log = logging.getLogger("mkdocs.plugins.cxmap")

_handed_over: dict[Path, Report] = {}


@contextlib.contextmanager
def handed_over(report: Report) -> Iterator[None]:
    """Let the next build of this project use ``report`` instead of checking it again.

    ``cxmap build`` and ``cxmap serve`` check the project before they start MkDocs;
    the plugin takes that report once. Later builds (``serve`` rebuilds) check anew.
    """
    key = report.project.root.resolve()
    _handed_over[key] = report
    try:
        yield
    finally:
        _handed_over.pop(key, None)


class CxmapPluginOptions(MkDocsOptions):
    project = options.Optional(options.Type(str))
    """The cxmap project folder; by default the folder of ``mkdocs.yml``."""
    templates = options.Optional(options.Type(str))
    """A folder of templates that replace the built-in ones of the same name."""


class CxmapPlugin(BasePlugin[CxmapPluginOptions]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.report: Report | None = None
        self.site = Site()
        self.error: str | None = None
        self.serving = False
        self._templates: Path | None = None
        self.paths: ProjectPaths | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.project:
            return Path(self.config.project)
        return Path(config.config_file_path or ".").resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self._root(config)
        self.error = None
        try:
            handed = _handed_over.pop(root.resolve(), None)
            self.report = handed if handed is not None else lint(root)
        except CxmapError as exc:
            if not self.serving:
                raise PluginError(f"cxmap: {exc}") from None
            self.report, self.error = None, str(exc)
            self.paths = ProjectPaths(root, Config())
            log.warning("cxmap: %s", exc)
            return config
        self.paths = ProjectPaths.of(self.report.project)
        site_problem = self.paths.protected(Path(config.site_dir))
        if site_problem is not None and not self.serving:
            # `mkdocs build` empties site_dir first: never let that be the project's sources.
            raise PluginError(
                f"cxmap: refusing to write the site into {config.site_dir!r}: {site_problem}"
            )
        summary = self.report.summary
        if summary["error"]:
            log.warning(
                "cxmap: %s in the journeys (see the Findings page)",
                counted(summary["error"], "error-level finding"),
            )
        templates = Path(self.config.templates) if self.config.templates else None
        if templates is not None and not templates.is_absolute():
            templates = root / templates
        self.site = Site()
        self._templates = templates
        for stylesheet in STYLESHEETS:
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        for script in SCRIPTS:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.report is None:
            if files.get_file_from_path("index.md") is None:
                files.append(File.generated(config, "index.md", content="# Handbook\n"))
            return files
        existing = {file.src_uri for file in files}
        total = sum(len(views_of(doc.model)) for doc in self.report.project.journeys)
        page_url = "{journey}/" if config.use_directory_urls else "{journey}.html"
        self.site = generate(
            self.report,
            templates=self._templates,
            skip=existing,
            progress=_progress if total >= 12 else None,
            file_links=f"../{page_url}#tp-{{touchpoint}}",
            inline=False,
        )
        for path, text in sorted(self.site.pages.items()):
            files.append(File.generated(config, path, content=text))
        for path, data in sorted(self.site.assets.items()):
            if path not in existing:
                files.append(File.generated(config, path, content=data))
        log.info("cxmap: generated %s", counted(len(self.site.pages), "page"))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        if self.error is not None:
            lines = "\n".join(f"    {markdown_text(line)}  " for line in self.error.splitlines())
            banner = f'!!! failure "The handbook cannot be built"\n\n{lines}\n\n'
            return banner + markdown
        if JOURNEY_INDEX_MARKER in markdown and self.report is not None:
            table = journey_index(self.report, page.file.src_uri, self._templates)
            markdown = markdown.replace(JOURNEY_INDEX_MARKER, table)
        return markdown

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        # Diagrams join the page as finished HTML: Markdown and the search index
        # never have to read them.
        if self.site.diagrams and "data-cxmap-diagram" in output:
            return fill_diagrams(output, self.site.diagrams)
        return output

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if config.nav is not None:  # the user's own navigation: theirs to arrange
            return nav
        return grouped(nav)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # After a broken cxmap.yaml the default places are watched: fixing it rebuilds.
        for path in self.paths.watched() if self.paths is not None else ():
            server.watch(str(path))
        return server


def grouped(nav: Navigation) -> Navigation:
    """The navigation with the generated pages in their groups, after the user's pages.

    A folder of more than :data:`NAVIGATION_ITEMS` pages keeps only its index page
    in the navigation; its other pages still name the folder as their parent, so
    that the theme shows where they are.
    """
    known = {section for _, group in NAVIGATION for section in group}
    generated = {_source_of(item): item for item in nav.items if _source_of(item) in known}
    items = [item for item in nav.items if _source_of(item) not in known]
    hidden: list[tuple[Page, Section]] = []
    for title, sections in NAVIGATION:
        children = [generated[section] for section in sections if section in generated]
        for child in children:
            if isinstance(child, Section) and len(child.children) > NAVIGATION_ITEMS + 1:
                index = [c for c in child.children if _is_index(c)]
                hidden += [
                    (c, child) for c in child.children if isinstance(c, Page) and c not in index
                ]
                child.children = index
        if len(children) == 1 and isinstance(children[0], Section):
            items.append(children[0])
        elif children:
            items.append(Section(title, children))
    _link_parents(items, None)
    for page, folder in hidden:
        page.parent = folder
    pages = _pages(items)
    for number, page in enumerate(pages):
        page.previous_page = pages[number - 1] if number else None
        page.next_page = pages[number + 1] if number + 1 < len(pages) else None
    for page, _ in hidden:
        page.previous_page = page.next_page = None
    return Navigation(items, pages)


def _is_index(item: Any) -> bool:
    file = getattr(item, "file", None)
    return file is not None and str(file.src_uri).rsplit("/", 1)[-1] == "index.md"


def _link_parents(items: list[Any], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_parents(item.children, item)


def _pages(items: list[Any]) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages(item.children)
    return found


def _source_of(item: Any) -> str:
    """The navigation entry an item is: a page's path, or a section's folder."""
    file = getattr(item, "file", None)
    if file is not None:
        return str(file.src_uri)
    for child in getattr(item, "children", None) or []:
        found = _source_of(child)
        if found:
            return found.split("/")[0]
    return ""


def _progress(done: int, total: int) -> None:
    if done == total or done % max(total // 5, 1) == 0:
        log.info("cxmap: diagrams %d/%d", done, total)
