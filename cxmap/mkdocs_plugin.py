"""The MkDocs plugin ``cxmap``: the generated handbook pages, in memory.

A thin shell: it checks the project with :mod:`cxmap.linter`, has
:mod:`cxmap.handbook.generate` write the pages, and hands them to MkDocs as
generated files. Nothing is written into ``docs/``. Pages whose inputs did not
change come from :mod:`cxmap.mkdocs_cache`; the long tables of cross-reference
pages stay out of the search index (:func:`cxmap.handbook.pages.is_cross_reference`).
Under ``mkdocs serve`` the journeys folder and ``cxmap.yaml`` are watched; a rebuild
reads again only the files that changed and draws again only their diagrams, and a
broken edit shows its findings (or the configuration error) in the site, over the
last good version, instead of stopping the server.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
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

from cxmap.cache import DiskCache
from cxmap.config import Config
from cxmap.errors import CxmapError
from cxmap.handbook.content import Handbook
from cxmap.handbook.escape import markdown_text
from cxmap.handbook.generate import (
    JOURNEY_INDEX_MARKER,
    DiagramMemo,
    Site,
    fill_diagrams,
    generate,
    journey_index,
)
from cxmap.handbook.links import counted
from cxmap.handbook.pages import NAVIGATION, NAVIGATION_ITEMS, is_cross_reference, page_of
from cxmap.handbook.static import SCRIPTS, STYLESHEETS
from cxmap.linter import Report, lint
from cxmap.mkdocs_cache import PageCache, uncacheable_because
from cxmap.mkdocs_tables import cut_tables, put_back
from cxmap.paths import ProjectPaths, cache_folder
from cxmap.readings import Readings

log = logging.getLogger("mkdocs.plugins.cxmap")


@dataclass
class Handover:
    """What ``cxmap build`` and ``cxmap serve`` give the plugin before MkDocs starts."""

    report: Report
    readings: Readings | None = None
    cache: bool = True
    """``False``: ``--no-cache``, no page or diagram is taken from or put in the cache."""


_handed_over: dict[Path, Handover] = {}


@contextlib.contextmanager
def handed_over(
    report: Report, readings: Readings | None = None, *, cache: bool = True
) -> Iterator[None]:
    """Let the next build of this project use ``report`` instead of checking it again.

    ``cxmap build`` and ``cxmap serve`` check the project before they start MkDocs;
    the plugin takes that report once. Later builds (``serve`` rebuilds) check anew,
    reading again only the files that changed since ``readings`` read them.
    """
    key = report.project.root.resolve()
    _handed_over[key] = Handover(report, readings, cache)
    try:
        yield
    finally:
        _handed_over.pop(key, None)


class CxmapPluginOptions(MkDocsOptions):
    project = options.Optional(options.Type(str))
    """The cxmap project folder; by default the folder of ``mkdocs.yml``."""
    templates = options.Optional(options.Type(str))
    """A folder of templates that replace the built-in ones of the same name."""
    cache = options.Type(bool, default=True)
    """Reuse pages rendered by earlier builds when nothing they depend on changed."""


class CxmapPlugin(BasePlugin[CxmapPluginOptions]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.report: Report | None = None
        self.site = Site()
        self.error: str | None = None
        self.serving = False
        self._templates: Path | None = None
        self.paths: ProjectPaths | None = None
        self.page_cache: PageCache | None = None
        self.nav: Navigation | None = None
        # A live preview keeps these from one rebuild to the next.
        self.readings = Readings()
        self.diagram_memo: DiagramMemo = {}
        self.stale_pages: dict[str, str] = {}
        self.use_cache = True
        self.diagram_files: set[str] = set()
        self.tables: dict[str, list[str]] = {}
        """The long tables cut out of cross-reference pages until they are finished."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.project:
            return Path(self.config.project)
        return Path(config.config_file_path or ".").resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self._root(config)
        self.error = None
        self.stale_pages = {}
        try:
            handed = _handed_over.pop(root.resolve(), None)
            if handed is not None:
                self.report, self.use_cache = handed.report, handed.cache
                self.readings = handed.readings or self.readings
            else:
                self.report = lint(root, readings=self.readings if self.serving else None)
        except CxmapError as exc:
            if not self.serving:
                raise PluginError(f"cxmap: {exc}") from None
            self.error = str(exc)
            log.warning("cxmap: %s", exc)
            if self.report is None:
                self.paths = ProjectPaths(root, Config())
                return config
            # Go on showing the last handbook that could be built, under the banner.
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
        files = self._generated(files, config)
        self.page_cache = None
        if self.config.cache and self.use_cache:
            reason = uncacheable_because(config)
            if reason is None:
                generated = set(self.site.pages)
                self.page_cache = PageCache(
                    DiskCache(cache_folder("pages")),
                    config,
                    files,
                    generated,
                    {page for page in generated if is_cross_reference(page)},
                )
            else:
                log.info("cxmap: every page is rendered anew: %s", reason)
        return files

    def _generated(self, files: Files, config: MkDocsConfig) -> Files:
        if self.report is None:
            if files.get_file_from_path("index.md") is None:
                files.append(File.generated(config, "index.md", content="# Handbook\n"))
            return files
        existing = {file.src_uri for file in files}
        page_url = "{journey}/" if config.use_directory_urls else "{journey}.html"
        # Graphviz draws while MkDocs renders the pages: the diagrams are only needed
        # once every page is read (on_env), the files they go in only their names.
        self.site = generate(
            self.report,
            templates=self._templates,
            skip=existing,
            file_links=f"../{page_url}#tp-{{touchpoint}}",
            inline=False,
            diagram_memo=self.diagram_memo if self.serving else None,
            use_cache=self.config.cache and self.use_cache,
            defer_diagrams=True,
        )
        self.stale_pages = stale_pages(self.report)
        for path, text in sorted(self.site.pages.items()):
            files.append(File.generated(config, path, content=text))
        drawn = self.site.drawing.files if self.site.drawing is not None else []
        self.diagram_files = {path for path in drawn if path not in existing}
        assets = {**self.site.assets, **dict.fromkeys(drawn, b"")}
        for path, data in sorted(assets.items()):
            if path not in existing:
                files.append(File.generated(config, path, content=data))
        log.info("cxmap: generated %s", counted(len(self.site.pages), "page"))
        return files

    def _diagrams_drawn(self, files: Files) -> None:
        """Wait for Graphviz, and put each diagram into the file that waits for it."""
        drawing = self.site.drawing
        total = len(drawing.views) if drawing is not None else 0
        drawn = self.site.finish_diagrams(_progress if total >= 12 else None)
        for path, data in drawn.items():
            file = files.get_file_from_path(path)
            if file is not None and path in self.diagram_files:
                file.content_bytes = data

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        if self.error is not None:
            lines = "\n".join(f"    {markdown_text(line)}  " for line in self.error.splitlines())
            banner = f'!!! failure "The handbook cannot be built"\n\n{lines}\n\n'
            return banner + markdown
        stale = self.stale_pages.get(page.file.src_uri) or self.stale_pages.get("*")
        if stale is not None:
            markdown = stale_banner(stale, page.file.src_uri) + markdown
        if JOURNEY_INDEX_MARKER in markdown and self.report is not None:
            table = journey_index(self.report, page.file.src_uri, self._templates)
            markdown = markdown.replace(JOURNEY_INDEX_MARKER, table)
        return markdown

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        if self.page_cache is not None:
            self.page_cache.watch_render(page)
        return page

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        self._diagrams_drawn(files)
        if self.page_cache is not None and self.nav is not None:
            self.page_cache.watch_search(config)
            env = self.page_cache.plan(env, self.nav, files)
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = page.file.src_uri
        if source in self.site.pages and is_cross_reference(source):
            html, self.tables[source] = cut_tables(html)
        return html

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        if self.page_cache is not None:
            output = self.page_cache.finish(page, output)
        tables = self.tables.pop(page.file.src_uri, None)
        if tables:
            output = put_back(output, tables)
        # Diagrams join the page as finished HTML: Markdown and the search index
        # never have to read them.
        if self.site.diagrams and "data-cxmap-diagram" in output:
            return fill_diagrams(output, self.site.diagrams)
        return output

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        # The user's own navigation is theirs to arrange.
        self.nav = nav if config.nav is not None else grouped(nav)
        return self.nav

    def on_build_error(self, error: Exception) -> None:
        self.site.cancel_diagrams()

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.page_cache is not None:
            self.page_cache.close()
            self.page_cache = None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # After a broken cxmap.yaml the default places are watched: fixing it rebuilds.
        for path in self.paths.watched() if self.paths is not None else ():
            server.watch(str(path))
        return server


def stale_pages(report: Report) -> dict[str, str]:
    """The pages showing a file that cannot be read now, with the file; ``*``: every page."""
    project = report.project
    stale = {
        page_of("journey", doc.model.id): doc.file
        for doc in project.journeys
        if doc.file in project.stale
    }
    org = project.organization
    if org is not None and org.file in project.stale:
        stale["*"] = org.file
    return stale


def stale_banner(file: str, page: str) -> str:
    findings = Handbook.link(page, "findings.md")
    return (
        f'!!! warning "{markdown_text(file)} cannot be read now"\n\n'
        f"    This page shows the file as it was when it last read well. "
        f"[Findings]({findings}) says what is wrong; the page follows the file "
        f"again once it is fixed.\n\n"
    )


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
