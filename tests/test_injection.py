"""Hostile text in every field that reaches a page or a diagram stays text.

One project carries a corpus of hostile strings in all of its text fields; the
handbook is built for real, and every HTML and SVG file of the site is parsed.
"""

from __future__ import annotations

import itertools
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import cxmap_state_restored

from cxmap.cli import main

pytestmark = pytest.mark.acceptance  # the handbook of a whole project, built by MkDocs

CORPUS = [
    "<script>alert('s1')</script>",
    "\"><img src=x onerror=alert('s2')>",
    "[click](javascript:alert('s3'))",
    'x" URL="javascript:alert(\'s4\')" y="',
    "# injected heading s5",
    "| s6 | table |\n| --- | --- |",
    "{: onclick=\"alert('s7')\" } {#s7}",
    "{{ 7*7 }} {% raw %} s8 \\N \\G",
    "<!-- s9 --> ]]> <![CDATA[ x ]]>",
    "`s10` **bold** _it_ <b>tag</b> &amp; &lt;",
    "---\ns11: front matter",
    '!!! danger "s12"\n    admonition',
]


def _texts() -> itertools.cycle[str]:
    return itertools.cycle(CORPUS)


def _project(root: Path) -> None:
    text = _texts()

    def t() -> str:
        return next(text)

    org = {
        "organization": {
            "name": t(),
            "description": t(),
            "departments": [
                {"id": d, "name": t(), "description": t()}
                for d in ("marketing", "sales", "service", "rnd")
            ],
            "teams": [
                {
                    "id": "desk",
                    "name": t(),
                    "department": "service",
                    "lead": t(),
                    "contact": t(),
                    "description": t(),
                },
                {"id": "web", "name": t(), "department": "marketing"},
            ],
            "channels": [
                {"id": "chat", "name": t(), "staffed": True, "description": t()},
                {"id": "web", "name": t()},
            ],
            "personas": [{"id": "buyer", "name": t(), "description": t()}],
            "stages": [
                {"id": "buy", "name": t(), "description": t()},
                {"id": "support", "name": t()},
            ],
        }
    }
    touchpoints = []
    for number, (stage, owner) in enumerate([("buy", "web"), ("support", "desk")]):
        touchpoints.append(
            {
                "id": f"tp-{number}",
                "name": t(),
                "stage": stage,
                "owner": owner,
                "channels": ["chat", "web"],
                "description": t(),
                "customer_action": t(),
                "physical_evidence": [t(), t()],
                "actors": [t()],
                "expectation": {"text": t(), "within": "1d"},
                "standard": {"text": t(), "within": "4h"},
                "delight": t(),
                "moment_of_truth": True,
                "emotion": -1,
                "recovery": t(),
                "pain_points": [t()],
                "opportunities": [t()],
                "backstage": [t()],
                "support_processes": [t()],
                "promises": ["p"] if number == 0 else [],
                "keeps": ["p"] if number == 1 else [],
                "tags": [t()],
                "kpis": [{"name": t(), "target": 5, "actual": 3, "unit": t()}],
                "to_be": {"emotion": 2, "description": t()},
                "next": ["tp-1"] if number == 0 else [],
            }
        )
    journey = {
        "journey": {
            "id": "hostile",
            "title": t(),
            "goal": t(),
            "description": t(),
            "persona": "buyer",
            "owner": "desk",
            "stages": ["buy", "support"],
            "tags": [t(), t()],
            "promises": [{"id": "p", "text": t(), "description": t()}],
            "touchpoints": touchpoints,
        }
    }
    folder = root / "journeys"
    folder.mkdir(parents=True)
    # JSON is YAML: the files are written exactly, whatever the strings hold.
    (folder / "organization.yaml").write_text(json.dumps(org), encoding="utf-8")
    (folder / "hostile.yaml").write_text(json.dumps(journey), encoding="utf-8")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "xlink:href") and value.strip().lower().startswith(
                "javascript"
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "id" and value.startswith("s7"):
                self.problems.append(f"<{tag} id={value!r}>")
        if tag == "img" and any(name == "src" and value == "x" for name, value in attrs):
            self.problems.append("<img src=x>")

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script" and "alert(" in data:
            self.problems.append(f"script: {data[:60]!r}")
        in_heading = self.stack and self.stack[-1] in ("h1", "h2", "h3", "h4", "h5", "h6")
        if in_heading and data.strip().startswith("injected heading"):
            self.problems.append(f"heading from user text: {data!r}")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "project"
    _project(root)
    with cxmap_state_restored():  # module-scoped: no ``cli`` fixture here
        assert main(["check", str(root)]) in (0, 1)
    with cxmap_state_restored():
        assert main(["build", str(root)]) == 0
    assert (root / "site" / ".cxmap-site").is_file()
    return root / "site"


def test_no_page_or_diagram_runs_or_links_user_text(site: Path) -> None:
    files = [*site.rglob("*.html"), *site.rglob("*.svg")]
    assert any(path.suffix == ".svg" for path in files)
    problems = []
    for path in files:
        scanner = _Scanner()
        scanner.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)}: {p}" for p in scanner.problems]
    assert problems == []


def test_user_text_is_shown_literally(site: Path) -> None:
    page = (site / "journeys" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in page
    assert "{{ 7*7 }}" in page and "49" not in page.split("{{ 7*7 }}")[0][-5:]
    assert "<table>\n<thead>\n<tr>\n<th>s6" not in page
