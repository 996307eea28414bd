"""Everything in the files is somewhere in the handbook (issue 14).

Two handbooks are built in process with MkDocs, once each: the example of this
repository (``REPO``), and a project of the every-field journey
(``tests/examples/journeys-good/every-field.yaml``) with the test organisation with every
field set (``tests/examples/every-field-organization.yaml``). The validated pydantic model
of each file is walked generically, field by field (in ``model_fields_set``: what the file
says), so that a new field of the format is covered without touching this test; each leaf
value must be shown in the built site.

**Where** a value must be shown is decided by the nearest model around it:

- a touch point's values (with its ``to_be``, ``kpis``, ``expectation``, ``standard``): in
  its section of the journey page, from its ``<h3 id="tp-ID">`` to the next heading, read
  together with the stage heading (``<h2>``) it sits under;
- the other values of a journey (and its promises): on the journey's page;
- a team's, department's, channel's or persona's: on its own page;
- a stage's (no page of its own): on any page of the site;
- the organisation's own (``name``, ``description``): on the home page.

Pages are read as text: the ``<article>`` of the page (not the navigation, which lists
every team on every page), tags stripped, HTML unescaped, whitespace collapsed, and a value
is found as whole words (``4h`` is not in ``14h``); an inline SVG's text counts as part of
its page (a touch point's section holds none), but no value may be found only in a
separate ``.svg`` file.

**How** a value is shown:

- ids that are references show as the display name (``cxmap.facts.display_name``) of the
  team (``owner``, ``customer``, ``escalates_to``), department, channel, persona or stage;
  ``promises`` and ``keeps`` as the promise's text, ``next`` as the touch point's name;
- an ``id`` itself: a touch point's as its anchor (``id="tp-ID"`` on the journey page); a
  journey's, team's, department's, channel's or persona's as its page (the address holds
  the id); a promise's as its text; a stage's as its name;
- ``tags`` as a link to the tag's page, with the tag as its text;
- durations as written (``4h``), emotions signed as the page prints them (``+1``, ``-1``),
  other numbers as ``f"{x:g}"``, dates ISO, check codes of ``ignore`` as the code, any
  other text as it is;
- booleans and the words of ``status``, ``audience``, ``confidence`` and ``better`` by the
  phrases of ``WORDS`` and ``PHRASES``; a boolean left at its default meaning (``false`` for
  ``moment_of_truth``, ``proactive``, ``handles_complaints``) and ``audience: customer``
  are said by saying nothing (``SAID_BY_SILENCE``). A boolean field without words fails,
  naming the field.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from helpers import EXAMPLES, REPO, check, cxmap_state_restored
from pydantic import BaseModel

from cxmap.cli import main
from cxmap.facts import Kind, display_name
from cxmap.model import (
    Channel,
    Department,
    Duration,
    Journey,
    Organization,
    Persona,
    Promise,
    Service,
    Stage,
    Team,
    TouchPoint,
)
from cxmap.project import Project

COUNCIL = REPO / "examples" / "council"
"""The second example organisation: a district council's permits and licences."""
EVERY_FIELD_JOURNEY = EXAMPLES / "journeys-good" / "every-field.yaml"
EVERY_FIELD_ORGANIZATION = EXAMPLES / "every-field-organization.yaml"
EVERY_FIELD_PARENT = EXAMPLES / "companions" / "camping-life.yaml"
"""The journey the every-field journey is part of."""
TODAY = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc).timestamp()))
"""``SOURCE_DATE_EPOCH`` of both builds: the review checks count from a fixed day."""

# -- how a value is shown -------------------------------------------------------------------

REFERENCES: dict[str, Kind] = {
    "owner": "team",
    "customer": "team",
    "escalates_to": "team",
    "department": "department",
    "channels": "channel",
    "persona": "persona",
    "personas": "persona",
    "stage": "stage",
    "stages": "stage",
    "service": "service",
}
"""Fields whose (text) values are ids of the organisation, shown by their display name."""

WORDS: dict[tuple[str, object], str] = {
    ("moment_of_truth", True): "Moment of truth",
    ("proactive", True): "Proactive",
    ("handles_complaints", True): "Complaints are handled here",
    ("staffed", True): "A person answers",
    ("staffed", False): "Self-service",
    ("audience", "internal"): "Internal touch point",
    ("measures", "standard"): "measures the standard",
}
"""The words a page uses for a boolean or a choice."""

PHRASES: dict[str, str] = {
    "status": "Status: {}",
    "confidence": "How we know: {}",
    "better": "{} is better",
}
"""Choices printed as they are, in the phrase around them."""

SAID_BY_SILENCE: set[tuple[str, object]] = {
    ("moment_of_truth", False),
    ("proactive", False),
    ("handles_complaints", False),
    ("audience", "customer"),
}
"""Defaults that a page says by not mentioning them."""

TAG_LINK = r'<a\b[^>]*href="[^"]*\btags/[^"]*"[^>]*>\s*{}\s*</a>'
"""A tag shows as a link to its page, with the tag as the link's text."""

ENTITY_PAGES: dict[type[BaseModel], str] = {
    Journey: "journeys",
    Team: "teams",
    Department: "departments",
    Channel: "channels",
    Persona: "personas",
    Service: "services",
}
"""The models with a page of their own, and the folder of those pages."""


@dataclass(frozen=True)
class Leaf:
    """One value of a file, with the models around it (outermost first)."""

    path: str
    name: str
    value: object
    models: tuple[BaseModel, ...]

    @property
    def holder(self) -> BaseModel:
        return self.models[-1]

    def nearest(self, kind: type[BaseModel]) -> Any:
        return next((model for model in reversed(self.models) if isinstance(model, kind)), None)


def leaves(model: BaseModel, path: str = "", models: tuple[BaseModel, ...] = ()) -> Iterator[Leaf]:
    """Every value a file sets, in field order, under ``model``."""
    models = (*models, model)
    for name in type(model).model_fields:
        if name in model.model_fields_set:
            yield from _values(
                getattr(model, name), f"{path}.{name}" if path else name, name, models
            )


def _values(value: object, path: str, name: str, models: tuple[BaseModel, ...]) -> Iterator[Leaf]:
    if isinstance(value, BaseModel):
        yield from leaves(value, path, models)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, f"{path}[{index}]", name, models)
    elif value is not None:
        yield Leaf(path, name, value, models)


@dataclass(frozen=True)
class Expected:
    """What to look for (``text``: a phrase of the page's text, whole words; ``markup``: a
    regular expression that its HTML matches; neither: the page itself) and where (``page``:
    a site path, ``None`` for any page; ``section``: the id of a touch point's heading on it).
    """

    page: str | None
    section: str | None = None
    text: str | None = None
    markup: str | None = None

    @property
    def place(self) -> str:
        if self.page is None:
            return "any page"
        return f"{self.page}#{self.section}" if self.section else self.page


def where(leaf: Leaf) -> Expected:
    """The page (and section) that must show the leaf; see the module's docstring."""
    for model in reversed(leaf.models):
        if isinstance(model, TouchPoint):
            journey = leaf.nearest(Journey)
            return Expected(_page(Journey, journey.id), f"tp-{model.id}")
        if type(model) in ENTITY_PAGES:
            return Expected(_page(type(model), model.id))  # type: ignore[attr-defined]
        if isinstance(model, Stage):
            return Expected(None)
        if isinstance(model, Organization):
            return Expected("index.html")
    raise AssertionError(f"no page for {leaf.path}")


def _page(kind: type[BaseModel], key: str) -> str:
    return f"{ENTITY_PAGES[kind]}/{key}/index.html"


def expected(leaf: Leaf, project: Project) -> Expected | None:
    """Where and as what the leaf must be shown; ``None`` when silence says it."""
    place = where(leaf)
    value = leaf.value
    journey: Journey | None = leaf.nearest(Journey)
    if (leaf.name, value) in SAID_BY_SILENCE:
        return None
    if leaf.name == "id":
        if isinstance(leaf.holder, TouchPoint):
            return Expected(place.page, markup=re.escape(f'id="tp-{value}"'))
        if isinstance(leaf.holder, Promise):
            return Expected(place.page, text=leaf.holder.text)
        if isinstance(leaf.holder, Stage):
            return Expected(place.page, text=display_name(project, "stage", str(value)))
        if type(leaf.holder) in ENTITY_PAGES:
            return place
    if isinstance(value, bool) or (leaf.name, value) in WORDS:
        words = WORDS.get((leaf.name, value))
        assert words is not None, f"no words for {leaf.name}: {value!r}: add them to WORDS"
        return _shown(place, words)
    if leaf.name in PHRASES:
        return _shown(place, PHRASES[leaf.name].format(value))
    if leaf.name == "tags":
        return Expected(place.page, place.section, markup=TAG_LINK.format(re.escape(md(value))))
    if leaf.name in REFERENCES and isinstance(value, str):
        return _shown(place, display_name(project, REFERENCES[leaf.name], value))
    if leaf.name in ("promises", "keeps") and journey is not None and isinstance(value, str):
        promise = journey.promise_ids.get(value)
        return _shown(place, promise.text if promise is not None else value)
    if leaf.name == "parent" and isinstance(value, str):
        parent = next((doc.model for doc in project.journeys if doc.model.id == value), None)
        return _shown(place, parent.title if parent is not None else value)
    if leaf.name in ("next", "starts_at") and journey is not None and isinstance(value, str):
        following = journey.touchpoint_ids.get(value)
        return _shown(place, following.name if following is not None else value)
    return _shown(place, _text(leaf.name, value))


def md(value: object) -> str:
    """A value as it is in the HTML that Markdown makes of it."""
    return html.escape(str(value), quote=False)


def _shown(place: Expected, text: str) -> Expected:
    return Expected(place.page, place.section, text=text)


def _text(name: str, value: object) -> str:
    if isinstance(value, int) and name == "emotion":
        return f"{value:+d}"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Duration):
        return value.words
    return str(value)


# -- the built site, as text ----------------------------------------------------------------


def words(text: str) -> str:
    return " ".join(html.unescape(text).split())


class _Text(HTMLParser):
    """The text of some HTML: a space for every tag, without scripts, styles and ``¶``."""

    SKIPPED = ("script", "style")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in self.SKIPPED or (tag == "a" and "headerlink" in classes):
            self.skipping.append(tag)
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def text_of(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return words("".join(parser.parts))


ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)
HEADING = re.compile(r"<h([23])\b[^>]*>")


@dataclass
class Page:
    """The HTML of a page's content (its ``<article>``), or of a section of it, and its text."""

    markup: str
    sections: dict[str, Page | None] = field(default_factory=dict)

    @cached_property
    def text(self) -> str:
        return text_of(self.markup)

    def shows(self, want: Expected) -> bool:
        if want.markup is not None:
            return re.search(want.markup, self.markup) is not None
        return want.text is None or phrase(want.text).search(self.text) is not None

    def section(self, anchor: str) -> Page | None:
        """The section whose ``<h3>`` has the id ``anchor``, up to the next heading, after
        the ``<h2>`` (the stage) it sits under."""
        if anchor not in self.sections:
            self.sections[anchor] = self._section(anchor)
        return self.sections[anchor]

    def _section(self, anchor: str) -> Page | None:
        headings = list(HEADING.finditer(self.markup))
        start = next(
            (h for h in headings if h.group(1) == "3" and f'id="{anchor}"' in h.group(0)), None
        )
        if start is None:
            return None
        end = next((h.start() for h in headings if h.start() > start.start()), None)
        stages = [h for h in headings if h.group(1) == "2" and h.start() < start.start()]
        heading = ""
        if stages:
            close = self.markup.find("</h2>", stages[-1].start())
            heading = self.markup[stages[-1].start() : close + len("</h2>")]
        return Page(heading + self.markup[start.start() : end])


def phrase(text: str) -> re.Pattern[str]:
    """``text`` as whole words: ``4h`` is not found in ``14h``, nor ``Sales`` in ``Salesforce``."""
    return re.compile(rf"(?<!\w){re.escape(words(text))}(?!\w)")


@dataclass
class Handbook:
    """A built handbook and the project it was built from."""

    root: Path
    site: Path
    project: Project
    pages: dict[str, Page]

    def shows(self, want: Expected) -> bool:
        if want.page is None:
            return any(page.shows(want) for page in self.pages.values())
        page = self.pages.get(want.page)
        if page is not None and want.section is not None:
            page = page.section(want.section)
        return page is not None and page.shows(want)

    def elsewhere(self, want: Expected) -> list[str]:
        """The pages that show what ``want`` looks for, for a failure's message."""
        if want.text is None and want.markup is None:
            return []
        return [path for path, page in self.pages.items() if page.shows(want)]


def build(root: Path, site: Path) -> Handbook:
    """``cxmap build ROOT --site-dir SITE`` in this process, with a private diagram cache."""
    with cxmap_state_restored():  # puts os.environ back afterwards
        os.environ["CXMAP_CACHE_DIR"] = str(site.parent / "diagram-cache")
        os.environ["SOURCE_DATE_EPOCH"] = TODAY
        assert main(["build", str(root), "--site-dir", str(site)]) == 0
    pages = {}
    for path in sorted(site.rglob("*.html")):
        markup = path.read_text(encoding="utf-8")
        article = ARTICLE.search(markup)
        pages[path.relative_to(site).as_posix()] = Page(article.group(1) if article else markup)
    return Handbook(root, site, check(root).project, pages)


def every_field_project(root: Path) -> Path:
    """The every-field journey and organisation as a project in ``root``."""
    (root / "journeys").mkdir(parents=True)
    shutil.copy(EVERY_FIELD_ORGANIZATION, root / "journeys" / "organization.yaml")
    shutil.copy(EVERY_FIELD_JOURNEY, root / "journeys" / EVERY_FIELD_JOURNEY.name)
    shutil.copy(EVERY_FIELD_PARENT, root / "journeys" / EVERY_FIELD_PARENT.name)
    return root


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    return build(REPO, tmp_path_factory.mktemp("example") / "site")


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    return build(COUNCIL, tmp_path_factory.mktemp("council") / "site")


@pytest.fixture(scope="module")
def every_field(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    root = every_field_project(tmp_path_factory.mktemp("every-field") / "project")
    return build(root, root / "site")


def _files_of(project: str) -> list[Any]:
    if project in ("example", "council"):
        root = REPO if project == "example" else COUNCIL
        names = sorted(p.name for p in (root / "journeys").glob("*.yaml"))
    else:
        names = ["organization.yaml", EVERY_FIELD_JOURNEY.name]
    return [pytest.param(project, f"journeys/{name}", id=f"{project}:{name}") for name in names]


def _models_of(project: Project, file: str) -> list[BaseModel]:
    documents = [project.organization, *project.journeys]
    return [doc.model for doc in documents if doc is not None and doc.file == file]


# -- the tests -------------------------------------------------------------------------------


@pytest.mark.acceptance
@pytest.mark.parametrize(
    ("project", "file"),
    [*_files_of("example"), *_files_of("council"), *_files_of("every-field")],
)
def test_every_value_of_the_file_is_shown_in_the_handbook(
    request: pytest.FixtureRequest, project: str, file: str
) -> None:
    handbook: Handbook = request.getfixturevalue(project.replace("-", "_"))
    models = _models_of(handbook.project, file)
    assert models, f"{file} did not load"
    missing: list[str] = []
    looked_for = 0
    for leaf in (leaf for model in models for leaf in leaves(model)):
        want = expected(leaf, handbook.project)
        if want is None:
            continue
        looked_for += 1
        if not handbook.shows(want):
            shown = want.text if want.text is not None else want.markup or "its page"
            also = handbook.elsewhere(want)
            missing.append(
                f"{file}: {leaf.path} = {leaf.value!r}: {shown!r} not on {want.place}"
                + (f" (shown on {', '.join(also[:3])})" if also else "")
            )
    assert looked_for > 0
    assert not missing, f"{len(missing)} of {looked_for} values not shown:\n" + "\n".join(missing)


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _choices(annotation: object) -> tuple[object, ...]:
    """The choices of a ``Literal`` field (also inside ``X | None``), or none."""
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    return tuple(choice for arg in get_args(annotation) for choice in _choices(arg))


def model_classes(*roots: type[BaseModel]) -> set[type[BaseModel]]:
    """The models of the format: the roots and every model their fields can hold."""
    found: set[type[BaseModel]] = set()
    todo = list(roots)
    while todo:
        model = todo.pop()
        if model not in found:
            found.add(model)
            todo.extend(m for f in model.model_fields.values() for m in _models_in(f.annotation))
    return found


def _all_models(model: BaseModel) -> Iterator[BaseModel]:
    yield model
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from _all_models(item)


def test_the_every_field_files_set_every_field_the_format_allows(tmp_path: Path) -> None:
    """So that the handbook test above sees every field: a new field of the format fails
    here until the every-field files set it, to a value other than empty or false (and
    every choice of a field, where the files hold as many of its models as it has choices)."""
    report = check(every_field_project(tmp_path / "project"))
    assert [f.message for f in report.findings if f.code.startswith("CX0")] == []
    files = ["journeys/organization.yaml", f"journeys/{EVERY_FIELD_JOURNEY.name}"]
    roots = [root for file in files for root in _models_of(report.project, file)]
    assert len(roots) == len(files)
    models = [model for root in roots for model in _all_models(root)]
    unset: list[str] = []
    for kind in sorted(model_classes(Organization, Journey), key=lambda m: m.__name__):
        instances = [m for m in models if type(m) is kind]
        for name, info in kind.model_fields.items():
            if not any(
                name in m.model_fields_set and getattr(m, name) not in (None, [], False)
                for m in instances
            ):
                unset.append(f"{kind.__name__}.{name}")
            choices = _choices(info.annotation)
            if choices and len(instances) >= len(choices):
                used = {getattr(m, name) for m in instances}
                unset.extend(f"{kind.__name__}.{name}: {c}" for c in choices if c not in used)
    assert unset == []
