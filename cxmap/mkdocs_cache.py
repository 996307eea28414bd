"""Reuse what earlier MkDocs builds made of a page when nothing it depends on changed.

MkDocs spends most of a handbook build converting Markdown, rendering the theme's
navigation into every page and parsing every page again for the search index.
The plugin keeps three results of each page in a :class:`~cxmap.cache.DiskCache`:

- its **rendering** (HTML, table of contents, title, anchors), keyed by the
  Markdown, the page's metadata and place, the list of files and the configuration;
- its **search entries**, keyed by that rendering and its title;
- its **finished HTML**, keyed by that rendering, the whole navigation and the
  page's place in it.

A key is a hash of everything the result is made from, so a cached page is the
page a clean build writes, byte for byte. Caching is only used with the Material
theme and plugins whose effect on a page is known (:data:`KNOWN_PLUGINS`); a page
whose rendering logs a warning is rendered every time, so that it warns every time.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cxmap.cache import DiskCache, digest
from cxmap.mkdocs_keys import config_key, place_of, shape_of, stable
from cxmap.mkdocs_tables import (
    Table,
    anchors_in,
    join_rows,
    links_in,
    rendered_marker,
    rows_of,
    split_tables,
)

KNOWN_PLUGINS = frozenset(
    {
        "cxmap",
        "search",
        "material/search",
        "tags",
        "material/tags",
        "offline",
        "material/offline",
    }
)
"""Plugins that change a page only through what the keys already cover."""

CACHED_TEMPLATE = "cxmap-cached-page.html"
"""An empty template that stands in for the theme's when the finished page is cached."""

log = logging.getLogger("mkdocs.plugins.cxmap")


def uncacheable_because(config: MkDocsConfig) -> str | None:
    """Why the pages of this build cannot come from the cache, or ``None`` when they can."""
    if config.theme.name != "material":
        return f"the theme {config.theme.name!r} is not Material for MkDocs"
    unknown = sorted(name for name in config.plugins if name not in KNOWN_PLUGINS)
    if unknown:
        return f"the plugin {unknown[0]!r} may change pages in ways cxmap cannot see"
    return None


@dataclass
class TableMemo:
    """A long table's rendered head, tail and rows, by each row's Markdown."""

    head: str
    tail: str
    rows: dict[str, str]


@dataclass
class Rendered:
    """What :meth:`Page.render` leaves on a page."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the linked file's ``src_uri``."""

    @classmethod
    def of(cls, page: Page) -> Rendered:
        links = page.links_to_anchors
        return cls(
            page.content or "",
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            None if links is None else {file.src_uri: dict(a) for file, a in links.items()},
        )

    def restore(self, page: Page, files: Files) -> None:
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchors) if self.anchors is not None else None
        if self.links is not None:
            page.links_to_anchors = {}
            for uri, anchors in self.links.items():
                target = files.get_file_from_path(uri)
                if target is not None:
                    page.links_to_anchors[target] = dict(anchors)


class PageCache:
    """The cache of one build: looks pages up, and stores what it had to make."""

    def __init__(
        self,
        store: DiskCache,
        config: MkDocsConfig,
        files: Files,
        generated: set[str],
        tables_apart: AbstractSet[str] = frozenset(),
    ) -> None:
        self.store = store
        self.generated = generated
        """Pages cxmap wrote: their long tables are rendered row by row."""
        self.tables_apart = tables_apart
        """Pages whose long tables the plugin takes out until the page is finished."""
        self.config_key = config_key(config)
        self.files_key = digest(
            *(f"{file.src_uri}\0{file.url}\0{file.is_documentation_page()}" for file in files)
        )
        self.listing_marker = _tags_listing_marker(config)
        self.render_keys: dict[str, str] = {}
        self.finished: dict[str, str] = {}
        self.to_store: dict[str, str] = {}
        self.counts: Counter[str] = Counter()

    # Rendering: Page.render is replaced on each page as it is read.

    def watch_render(self, page: Page) -> None:
        original = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, original, config, files)

        page.render = render  # type: ignore[method-assign]

    def _render(
        self,
        page: Page,
        original: Callable[[MkDocsConfig, Files], None],
        config: MkDocsConfig,
        files: Files,
    ) -> None:
        markdown = page.markdown or ""
        if "tags" in page.meta or (self.listing_marker and self.listing_marker in markdown):
            original(config, files)  # the tags plugin fills these from other pages
            return
        source = page.file.src_uri
        skeleton, tables = split_tables(markdown) if source in self.generated else (markdown, [])
        key = digest(
            "render", self.config_key, self.files_key, source, page.url, skeleton, stable(page.meta)
        )
        cached = self.store.get(key)
        if isinstance(cached, Rendered):
            rendered, cacheable = cached, True
            self.counts["rendered from cache"] += 1
        else:
            rendered, warned = _render_text(page, original, config, files, skeleton)
            cacheable = not warned
            if cacheable:
                self.store.put(key, rendered)
            self.counts["rendered"] += 1
        if any(rendered_marker(n) not in rendered.content for n in range(len(tables))):
            original(config, files)  # a table the split misjudged: render the page whole
            return
        anchors = set(rendered.anchors or ())
        links = {uri: dict(found) for uri, found in (rendered.links or {}).items()}
        parts = []
        content = rendered.content
        for number, table in enumerate(tables):
            html, table_cacheable = self._table(page, original, config, files, number, table)
            cacheable = cacheable and table_cacheable
            content = content.replace(rendered_marker(number), html, 1)
            anchors |= anchors_in(html)
            for uri, found in links_in(table.markdown(table.rows), source).items():
                for anchor, link in found.items():
                    links.setdefault(uri, {}).setdefault(anchor, link)
            parts.append(html)
        Rendered(content, rendered.toc, rendered.title, anchors, links).restore(page, files)
        if cacheable:
            # Long tables kept apart change neither the search entries nor the theme's
            # part of the page: those are keyed by the rest of the page alone.
            apart = source in self.tables_apart
            self.render_keys[source] = key if apart else digest(key, *parts)

    def _table(
        self,
        page: Page,
        original: Callable[[MkDocsConfig, Files], None],
        config: MkDocsConfig,
        files: Files,
        number: int,
        table: Table,
    ) -> tuple[str, bool]:
        """The table's HTML, rendering only rows not seen before; whether it may be cached."""
        key = digest(
            "table",
            self.config_key,
            self.files_key,
            page.file.src_uri,
            page.url,
            str(number),
            *table.header,
        )
        memo = self.store.get(key)
        if not isinstance(memo, TableMemo):
            memo = TableMemo("", "", {})
        missing = [row for row in dict.fromkeys(table.rows) if row not in memo.rows]
        if missing or not memo.head:
            wanted = missing or [table.rows[0]]
            rendered, warned = _render_text(page, original, config, files, table.markdown(wanted))
            split = None if warned else rows_of(rendered.content, len(wanted))
            if split is None and wanted == list(table.rows):
                return rendered.content, False  # rendered whole already: warn only once
            if split is None:
                whole, _ = _render_text(page, original, config, files, table.markdown(table.rows))
                return whole.content, False
            memo = TableMemo(
                split.head,
                split.tail,
                {**memo.rows, **dict(zip(wanted, split.rows, strict=True))},
            )
            self.store.put(
                key, TableMemo(memo.head, memo.tail, {r: memo.rows[r] for r in table.rows})
            )
        return join_rows(memo.head, [memo.rows[row] for row in table.rows], memo.tail), True

    # The search index: its entries for a page are kept with the page's rendering.

    def watch_search(self, config: MkDocsConfig) -> None:
        for name, plugin in config.plugins.items():
            index = getattr(plugin, "search_index", None)
            for attribute in ("entries", "_entries"):  # Material's index, MkDocs' index
                if isinstance(getattr(index, attribute, None), list):
                    self._wrap_index(name, index, attribute)
                    break

    def _wrap_index(self, name: str, index: Any, attribute: str) -> None:
        original = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            entries: list[Any] = getattr(index, attribute)
            render_key = self.render_keys.get(page.file.src_uri)
            if render_key is None:
                original(page)
                return
            key = digest("search", name, render_key, str(page.title))
            cached = self.store.get(key)
            if isinstance(cached, list):
                entries.extend(cached)
                return
            before = len(entries)
            original(page)
            self.store.put(key, entries[before:])

        index.add_entry_from_context = add_entry_from_context

    # Finished pages: looked up once the navigation and every title are known.

    def plan(self, env: Environment, nav: Navigation, files: Files) -> Environment:
        """Look up each page's finished HTML; pages found skip the theme's template."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        nav_key = digest(
            stable(shape_of(nav.items)),
            stable([(page.file.src_uri, page.url, page.title) for page in pages]),
        )
        for page in pages:
            source = page.file.src_uri
            render_key = self.render_keys.get(source)
            if render_key is None:
                continue
            key = digest("page", render_key, nav_key, stable(place_of(page)))
            cached = self.store.get(key)
            if isinstance(cached, str):
                self.finished[source] = cached
                page.meta["template"] = CACHED_TEMPLATE
            else:
                self.to_store[source] = key
        loader = env.loader
        extra = DictLoader({CACHED_TEMPLATE: ""})
        env.loader = ChoiceLoader([extra, loader]) if loader is not None else extra
        return env

    def finish(self, page: Page, output: str) -> str:
        """The page's finished HTML: the cached one, or ``output``, now stored."""
        source = page.file.src_uri
        if source in self.finished:
            self.counts["finished from cache"] += 1
            return self.finished.pop(source)
        key = self.to_store.pop(source, None)
        if key is not None:
            self.store.put(key, output)
        return output

    def close(self) -> None:
        counts = self.counts
        log.info(
            "cxmap: %d of %d pages from the cache",
            counts["rendered from cache"],
            counts["rendered"] + counts["rendered from cache"],
        )
        self.store.prune()


def _tags_listing_marker(config: MkDocsConfig) -> str:
    for name, plugin in config.plugins.items():
        if name.endswith("tags"):
            directive = getattr(plugin, "config", {}).get("listings_directive", "material/tags")
            return f"<!-- {directive}"
    return ""


def _render_text(
    page: Page,
    original: Callable[[MkDocsConfig, Files], None],
    config: MkDocsConfig,
    files: Files,
    text: str,
) -> tuple[Rendered, bool]:
    """Render ``text`` as the page's Markdown; the result, and whether MkDocs warned."""
    markdown = page.markdown
    page.markdown = text
    try:
        with _warnings_counted() as warnings:
            original(config, files)
    finally:
        page.markdown = markdown
    return Rendered.of(page), bool(warnings)


@contextlib.contextmanager
def _warnings_counted() -> Iterator[Counter[str]]:
    """Count the warnings MkDocs logs in the block."""
    counted: Counter[str] = Counter()

    class Counting(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            counted[record.levelname] += 1

    handler = Counting(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield counted
    finally:
        logger.removeHandler(handler)
