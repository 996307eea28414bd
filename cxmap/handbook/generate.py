"""Generate the handbook's pages: Markdown from Jinja2 templates, diagrams inline.

The result is a mapping of page paths to text (and of asset paths to bytes); the
MkDocs plugin hands it to MkDocs in memory, ``cxmap pages`` writes it to a folder.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from cxmap.backlog import QUADRANTS
from cxmap.catalogue import catalogue_markdown
from cxmap.diagrams import DEFAULT_LINK, VIEWS, Grid, JourneyView, diagram, views_of
from cxmap.diagrams.embed import for_page
from cxmap.diagrams.parts import PARTS, file_version, parts_diagrams
from cxmap.diagrams.render import Job, Rendering
from cxmap.facts import expectation_gap, journey_stages
from cxmap.findings import Finding
from cxmap.handbook.charts import emotion_line, kpi_bar, kpi_trend, value_effort
from cxmap.handbook.content import Handbook, Place
from cxmap.handbook.escape import markdown_text, yaml_string
from cxmap.handbook.inline import inline_svg
from cxmap.handbook.links import counted, helpers
from cxmap.handbook.pages import CATALOGUE, PAGES, Each, page_of
from cxmap.handbook.static import static_files
from cxmap.linter import Report
from cxmap.maturity import LADDER, level_name
from cxmap.model import Entity, Journey
from cxmap.project import JourneyDocument
from cxmap.scorecard import Scorecard

Progress = Callable[[int, int], None]


@dataclass
class Site:
    """Generated pages (Markdown text) and assets (bytes), by path.

    ``diagrams`` holds the SVG of each diagram by ``journey/view`` when pages carry
    empty placeholders for them (see :func:`fill_diagrams`).
    """

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    diagrams: dict[str, Markup] = field(default_factory=dict)
    drawing: Drawing | None = field(default=None, compare=False, repr=False)
    """Diagrams still being drawn (``generate(defer_diagrams=True)``)."""

    def finish_diagrams(self, progress: Progress | None = None) -> dict[str, bytes]:
        """Wait for the diagrams drawn in the background; their files (now in ``assets``)."""
        if self.drawing is None:
            return {}
        drawing, self.drawing = self.drawing, None
        inline, files = drawing.finish(progress)
        self.diagrams = {f"{journey}/{kind}": svg for (journey, kind), svg in inline.items()}
        self.assets.update(files)
        return files

    def cancel_diagrams(self) -> None:
        if self.drawing is not None:
            self.drawing.cancel()
            self.drawing = None


_PLACEHOLDER = re.compile(
    r'(<div class="cxmap-diagram"[^>]*data-cxmap-diagram="([a-z0-9-]+/[a-z]+)"[^>]*>)\s*(</div>)'
)


def fill_diagrams(html: str, diagrams: dict[str, Markup]) -> str:
    """Put each diagram into its placeholder in a rendered page."""
    return _PLACEHOLDER.sub(
        # str(): adding Markup to a str would escape the str.
        lambda match: match.group(1) + str(diagrams.get(match.group(2), "")) + match.group(3),
        html,
    )


def templates_folder() -> Path:
    """The built-in templates: inside the wheel, or the repository's ``site_templates/``."""
    packaged = resources.files("cxmap") / "site_templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "site_templates"


def environment(overrides: Path | None) -> jinja2.Environment:
    folders = [str(overrides)] if overrides is not None else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(templates_folder())]),
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,  # with _finalize: Markdown escaping; macro output stays as is
    )
    env.filters["anchor"] = lambda value: Markup(re.sub(r"[^a-z0-9-]", "-", str(value)))
    env.filters["number"] = lambda value: "—" if value is None else f"{value:g}"
    return env


def _finalize(value: Any) -> Any:
    """Escape every printed value for Markdown, except Markup and plain numbers.

    Autoescaping then leaves the result alone: it is Markup.
    """
    if value is None:
        return Markup("")
    if isinstance(value, (Markup, int, float)):
        return value
    return Markup(markdown_text(str(value)))


DiagramMemo = dict[str, tuple[Markup, bytes]]
"""Diagrams drawn by earlier calls, by a hash of what they were drawn from."""


class Drawing:
    """Every view of every journey, being drawn: as HTML for its page, and as a file.

    With a ``memo``, a journey read from the same bytes as before, with the same
    organisation and findings, is not drawn again.
    """

    def __init__(
        self,
        report: Report,
        file_links: str,
        memo: DiagramMemo | None = None,
        use_cache: bool = True,
        scorecard: Scorecard | None = None,
    ) -> None:
        self.file_links = file_links
        self.memo = memo
        self.views: list[tuple[str, str]] = []
        """Every (journey, view) drawn, in order."""
        self._keys: list[tuple[str, str]] = []
        self._grids: list[Grid] = []
        self._reused: dict[tuple[str, str], tuple[Markup, bytes]] = {}
        self._memo_keys: dict[tuple[str, str], str] = {}
        jobs: list[Job] = []
        by_file: dict[str, list[Finding]] = {}
        for finding in report.findings:
            by_file.setdefault(finding.file, []).append(finding)
        for doc in report.project.journeys:
            findings = by_file.get(doc.file, [])
            inputs = _drawn_from(report, doc, findings) if memo is not None else None
            view = JourneyView(report.project, doc, findings, DEFAULT_LINK)
            for kind in views_of(doc.model):
                key = (doc.model.id, kind)
                self.views.append(key)
                if memo is not None and inputs is not None:
                    self._memo_keys[key] = f"{inputs}/{kind}"
                    if self._memo_keys[key] in memo:
                        self._reused[key] = memo[self._memo_keys[key]]
                        continue
                rendering, grid = diagram(view, kind, "svg")
                jobs.append(rendering)
                self._grids.append(grid)
                self._keys.append(key)
        for key, rendering, grid in parts_diagrams(scorecard or Scorecard(report), file_links):
            self.views.append(key)
            jobs.append(rendering)
            self._grids.append(grid)
            self._keys.append(key)
        self._rendering = Rendering(jobs, use_cache)

    @property
    def files(self) -> list[str]:
        """Where each diagram's file goes in the site."""
        return sorted(
            f"journeys/{journey}/{kind}.svg" for journey, kind in dict.fromkeys(self.views)
        )

    def finish(
        self, progress: Progress | None = None
    ) -> tuple[dict[tuple[str, str], Markup], dict[str, bytes]]:
        """Wait for the diagrams: their HTML by (journey, view), and their files by path."""
        drawn = self._rendering.results(progress)
        rendered = dict(zip(self._keys, drawn, strict=True))
        inline = {
            key: Markup(for_page(rendered[key], f"{key[0]}-{key[1]}", grid))
            for key, grid in zip(self._keys, self._grids, strict=True)
        }
        for key, (markup, svg) in self._reused.items():
            inline[key], rendered[key] = markup, svg
        if self.memo is not None:
            self.memo.clear()
            self.memo.update(
                {self._memo_keys[key]: (inline[key], rendered[key]) for key in self._memo_keys}
            )
        # Each diagram is drawn once, with links to sections of its own page. The
        # file version, opened on its own, must link to the page instead: its links
        # differ only in that prefix, so it is swapped in the SVG bytes rather than
        # running Graphviz a second time. Only link attributes match, and cxmap
        # writes every one of them from the link pattern.
        inline_prefix = DEFAULT_LINK.format(journey="", touchpoint="").encode()
        files = {
            f"journeys/{journey}/{kind}.svg": file_version(svg, self.file_links)
            if kind == PARTS
            else svg.replace(
                b'xlink:href="' + inline_prefix,
                b'xlink:href="' + self.file_links.format(journey=journey, touchpoint="").encode(),
            )
            for (journey, kind), svg in sorted(rendered.items())
        }
        return inline, files

    def cancel(self) -> None:
        self._rendering.cancel()


def _drawn_from(report: Report, doc: JourneyDocument, findings: list[Finding]) -> str | None:
    """A key for what a journey's diagrams show, or ``None`` when it cannot be told."""
    org = report.project.organization
    if not doc.digest or (org is not None and not org.digest):
        return None
    return hashlib.sha256(
        "\0".join((doc.digest, org.digest if org else "", repr(findings))).encode()
    ).hexdigest()


def generate(
    report: Report,
    *,
    templates: Path | None = None,
    skip: Iterable[str] = (),
    progress: Progress | None = None,
    file_links: str = "../{journey}/#tp-{touchpoint}",
    inline: bool = True,
    diagram_memo: DiagramMemo | None = None,
    use_cache: bool = True,
    defer_diagrams: bool = False,
) -> Site:
    """Every page of the handbook, except those at the paths in ``skip``.

    Each diagram is inline in its journey's page and also a file of its own,
    ``journeys/ID/VIEW.svg``, whose nodes link to the page by ``file_links``.
    With ``inline=False`` the pages hold empty placeholders instead of the SVGs,
    which are in ``Site.diagrams`` for :func:`fill_diagrams`: Markdown then never
    has to read them, which makes big sites much faster to build. A live preview
    passes the same ``diagram_memo`` to each call, so that unchanged journeys are
    not drawn again. ``use_cache=False`` draws every diagram anew, without the
    diagram cache. ``defer_diagrams`` (with ``inline=False``) returns while Graphviz
    is still drawing: :meth:`Site.finish_diagrams` waits for the diagrams, so that
    the pages can be rendered meanwhile.
    """
    env = _environment_for(report, templates)
    hb: Handbook = env.globals["hb"]  # type: ignore[assignment]
    skipped = set(skip)
    # A hand-written (or committed) check catalogue anywhere replaces the generated one.
    catalogue = next((p for p in sorted(skipped) if p.rsplit("/", 1)[-1] == CATALOGUE.path), None)
    env.globals["catalogue"] = catalogue or CATALOGUE.path
    site = Site(assets=static_files())

    def page(path: str, template: str, **context: Any) -> None:
        page_text(path, env.get_template(template).render(page=path, **context))

    def page_text(path: str, text: str) -> None:
        if path not in skipped:
            site.pages[path] = text

    drawing = Drawing(report, file_links, diagram_memo, use_cache, hb.scorecard)
    if defer_diagrams and not inline:
        site.drawing = drawing
        diagrams = dict.fromkeys(drawing.views, Markup(""))
    else:
        drawn, files = drawing.finish(progress)
        site.assets.update(files)
        if inline:
            diagrams = {key: inline_svg(markup) for key, markup in drawn.items()}
        else:
            site.diagrams = {f"{journey}/{kind}": svg for (journey, kind), svg in drawn.items()}
            diagrams = dict.fromkeys(drawn, Markup(""))
    for entry in PAGES:
        if entry.needs_organization and hb.organization is None:
            continue
        if entry.needs_services and not (hb.organization and hb.organization.services):
            continue
        if entry is CATALOGUE:
            if catalogue is None:
                site.pages[entry.path] = catalogue_markdown()
        elif entry.template is not None:
            page(entry.path, entry.template)
        if entry.each is not None and entry.item_template is not None:
            for item_id, context in _items(hb, entry.each, diagrams):
                page(entry.item_page(item_id), entry.item_template, **context)
    return site


JOURNEY_INDEX_MARKER = "<!-- cxmap:journeys -->"
"""Written in a hand-written page, it is replaced by the journey index with health."""


def journey_index(report: Report, page: str, templates: Path | None = None) -> str:
    """The journey index table, with links relative to ``page``."""
    env = _environment_for(report, templates)
    return env.get_template("_journey_table.md.j2").render(page=page)


def _environment_for(report: Report, templates: Path | None) -> jinja2.Environment:
    hb = Handbook(report)
    env = environment(templates)
    env.globals.update(
        hb=hb,
        link=lambda source, target, anchor=None: Markup(hb.link(source, target, anchor)),
        yaml=yaml_string,
        journeys_dir=report.project.config.journeys_dir,
        catalogue=CATALOGUE.path,
        page_of=page_of,
        counted=counted,
        emotion_line=emotion_line,
        kpi_bar=kpi_bar,
        kpi_trend=kpi_trend,
        value_effort=value_effort,
        backlog_quadrants=QUADRANTS,
        ladder=LADDER,
        level_of=lambda number: f"{number} {level_name(number)}",
        place=Place,
        **helpers(hb),
    )
    return env


def _items(
    hb: Handbook, each: Each, diagrams: dict[tuple[str, str], Markup]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The id and template context of each page of a folder."""
    if each == "journey":
        for doc in hb.journeys:
            yield doc.model.id, _journey_context(hb, doc, diagrams)
        return
    if each == "tag":
        for tag in hb.tags:
            yield tag.slug, {"tag": tag}
        return
    organization = hb.organization
    entities: dict[str, Sequence[Entity]] = (
        {
            "team": organization.teams,
            "department": organization.departments,
            "channel": organization.channels,
            "service": organization.services,
            "persona": organization.personas,
        }
        if organization is not None
        else {}
    )
    for entity in entities.get(each, ()):
        yield entity.id, {each: entity}


def _journey_context(
    hb: Handbook, doc: Any, diagrams: dict[tuple[str, str], Markup]
) -> dict[str, Any]:
    journey: Journey = doc.model
    ordered = hb.ordered(doc)
    return {
        "doc": doc,
        "health": hb.health(doc),
        "progress": hb.progress(doc),
        "ordered": ordered,
        "views": [(kind, VIEWS[kind].words.capitalize()) for kind in views_of(journey)],
        "diagrams": {kind: diagrams[(journey.id, kind)] for kind in views_of(journey)},
        "parts_diagram": diagrams.get((journey.id, PARTS)),
        "journey_findings": hb.findings_of(doc),
        "promises": hb.promises_in(doc),
        "stages": [
            (stage, [tp for tp in ordered if tp.stage == stage])
            for stage in journey_stages(journey)
        ],
        "gap": expectation_gap,
        "promise_text": _promise_text,
    }


def _promise_text(journey: Journey, promise_id: str) -> str:
    promise = journey.promise_ids.get(promise_id)
    return promise.text if promise is not None else promise_id
