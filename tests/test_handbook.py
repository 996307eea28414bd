"""The generated handbook pages: content, cross-references and escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES, REPO, MakeProject, check

from cxmap.handbook.content import Handbook
from cxmap.handbook.escape import markdown_text
from cxmap.handbook.generate import generate

FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")
HOSTILE = "<script>alert(1)</script> **bold** [x](javascript:y) {#id} | `code` # h"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


def test_every_page_of_the_example_is_generated() -> None:
    site = generate(check(REPO))
    pages = set(site.pages)
    expected = {
        "index.md",
        "journeys/index.md",
        "teams/index.md",
        "departments/index.md",
        "channels/index.md",
        "personas/index.md",
        "promises.md",
        "coverage.md",
        "findings.md",
        "checks.md",
        "journeys/repair-and-warranty.md",
        "teams/rider-care.md",
        "departments/service.md",
        "channels/phone.md",
        "personas/daily-commuter.md",
    }
    assert expected <= pages
    assert "journeys/repair-and-warranty/map.svg" in site.assets


def test_user_pages_win_over_generated_ones() -> None:
    site = generate(check(REPO), skip={"index.md", "reference/checks.md"})
    assert "index.md" not in site.pages
    assert "checks.md" not in site.pages
    assert "](reference/checks.md)" in site.pages["findings.md"]


def test_journey_page_sections_and_anchors() -> None:
    page = generate(check(REPO)).pages["journeys/repair-and-warranty.md"]
    assert page.startswith('---\ntitle: "Battery fault, repair and warranty claim"\n')
    assert "### Warranty decision { #tp-warranty-decision }" in page
    assert '=== "Journey map"' in page and '=== "Emotion curve"' in page
    assert '=== "Target map"' in page  # the journey records a target state (to_be)
    assert (
        '<div class="cxmap-diagram" markdown="0" data-cxmap-diagram="repair-and-warranty/map"'
        ' tabindex="0" role="region" aria-label="Journey map: scroll or drag to move around">'
        in page
    )
    assert '!!! note "Expectation gap, closed by the target"' in page
    assert (
        "Our standard (5 working days) is slower than what the customer expects (2 days); "
        "the target standard (2 days) closes the gap." in page
    )
    assert (
        "Decision within 5 working days after the battery reaches the Quality Lab "
        "(within 5 working days from the battery's arrival at the Quality Lab)" in page
    )
    assert "[Warranty &amp; Claims](../teams/warranty-desk.md)" in page
    assert "**Keeps the promise:**" in page


def test_team_page_lists_what_it_owns() -> None:
    page = generate(check(REPO)).pages["teams/rider-care.md"]
    assert "## What we own" in page
    assert (
        "[Reporting the fault to Rider Care](../journeys/repair-and-warranty.md#tp-report-problem)"
        in page
    )
    assert "## Hand-offs" in page
    assert "From us, to other teams (we serve them):" in page
    owner = generate(check(REPO)).pages["teams/warranty-desk.md"]
    assert "Journeys we are accountable for end to end:\n\n- [" in owner  # a list, not a line
    assert "## Promises we make and keep" in page and "## KPIs" in page
    assert "## Findings" in page


def test_promise_ledger_flags_broken_promises(make_project: MakeProject) -> None:
    broken = FULL.replace("      keeps: [free-returns]\n", "")
    page = generate(check(make_project({"full.yaml": broken}))).pages["promises.md"]
    assert "**broken: kept by no touch point**" in page


def test_coverage_counts_and_gaps(make_project: MakeProject) -> None:
    report = check(make_project({"full.yaml": FULL}))
    handbook = Handbook(report)
    assert handbook.coverage[("buy", "marketing")] == 1
    assert handbook.coverage[("support", "service")] == 1
    page = generate(report).pages["coverage.md"]
    heat = '<span class="cxmap-heat" data-level="{}">{}</span>'
    cells = [heat.format(1, 1), heat.format(1, 1), heat.format(0, "—"), heat.format(0, "—")]
    assert "| **Purchase** | " + " | ".join(cells) + " |" in page


def test_findings_page_links_each_finding_to_its_touch_point(make_project: MakeProject) -> None:
    broken = FULL.replace("      owner: web-team\n", "", 1)
    page = generate(check(make_project({"full.yaml": broken}))).pages["findings.md"]
    assert "## CX101 missing-owner" in page
    assert "(journeys/returns.md#tp-product-page)" in page


def test_markdown_escaping() -> None:
    escaped = markdown_text(HOSTILE)
    assert "<" not in escaped
    assert "\\*\\*bold\\*\\*" in escaped and "\\[x\\](javascript" in escaped
    assert escaped.startswith("&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold")


def test_hostile_text_reaches_pages_as_text(make_project: MakeProject) -> None:
    quoted = '"' + HOSTILE.replace('"', '\\"') + '"'
    journey = (
        FULL.replace("title: Returning a faulty jacket", f"title: {quoted}")
        .replace("name: Product page", f"name: {quoted}")
        .replace("Get a working jacket back within a week", quoted)
    )
    org = (
        (EXAMPLES / "organization.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Web Team", f"name: {quoted}")
    )
    site = generate(check(make_project({"full.yaml": journey}, organization=org)))
    for path, text in site.pages.items():
        # Front matter is data (a JSON string), escaped by the theme where it is shown.
        body = text.split("\n---\n", 1)[-1].split('<div class="cxmap-diagram"')[0]
        assert "<script>" not in body, path
        assert "**bold**" not in body, path
        assert "[x](javascript" not in body, path


def test_project_templates_override_built_in_ones(
    make_project: MakeProject, tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "coverage.md.j2").write_text(
        "# Our own coverage page for {{ hb.journeys | length }}\n"
    )
    site = generate(check(make_project({"full.yaml": FULL})), templates=templates)
    assert site.pages["coverage.md"] == "# Our own coverage page for 1\n"


SERVICE_JOURNEY = """journey:
  id: {id}
  title: Journey {id}
  owner: support-desk
  stages: [support]
  touchpoints:
    - id: ask
      name: Asking {id}
      stage: support
      owner: support-desk
      service: repair
      channels: [email]
      expectation: An answer
      standard: {{text: A reply, within: {within}, measured_from: the customer's e-mail}}
"""


ARROW = "\u203a"
"""The arrow between a journey and a touch point in links."""


def test_a_service_page_lists_its_touch_points_and_a_finding_links_those_it_compares(
    make_project: MakeProject,
) -> None:
    root = make_project(
        {
            "a.yaml": SERVICE_JOURNEY.format(id="a", within="4h"),
            "b.yaml": SERVICE_JOURNEY.format(id="b", within="4h"),
            "c.yaml": SERVICE_JOURNEY.format(id="c", within="2wd"),
        }
    )
    pages = generate(check(root)).pages
    service = pages["services/repair.md"]
    assert "[Asking a](../journeys/a.md#tp-ask)" in service
    assert "A reply (within 2 working days from the customer's e-mail)" in service
    assert "| [Repairs](repair.md) | 3 | 3 | 4h, 2wd |" in pages["services/index.md"]
    findings = pages["findings.md"]
    assert (
        "for service 'repair' here, but to 4h at a/ask (journeys/a.yaml:14:41), "
        "b/ask (journeys/b.yaml:14:41) Compare: "
        f"[Journey a {ARROW} Asking a](journeys/a.md#tp-ask), "
        f"[Journey b {ARROW} Asking b](journeys/b.md#tp-ask)." in findings
    )
    journey_c = pages["journeys/c.md"]
    assert f"Compare: [Journey a {ARROW} Asking a](a.md#tp-ask)" in journey_c


def test_department_pages_say_which_roles_it_plays() -> None:
    pages = generate(check(REPO)).pages
    assert (
        "**Role:** **front-line**: answers customers who get in touch"
        in (pages["departments/service.md"])
    )
    assert "| [Finance](finance.md) | support |" in pages["departments/index.md"]
    assert "services/index.md" not in pages  # the example declares no services


def test_a_preview_draws_again_only_the_journeys_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from cxmap.diagrams import views_of
    from cxmap.handbook import generate as module
    from cxmap.linter import lint
    from cxmap.readings import Readings

    root = tmp_path / "project"
    shutil.copytree(REPO / "journeys", root / "journeys")
    drawn: list[str] = []
    draw = module.diagram

    def counting(view: object, kind: str, output: str) -> object:
        drawn.append(f"{view.doc.model.id}/{kind}")  # type: ignore[attr-defined]
        return draw(view, kind, output)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "diagram", counting)
    readings, memo = Readings(), {}
    first = generate(lint(root, readings=readings), diagram_memo=memo)
    assert len(drawn) == 22
    drawn.clear()
    again = generate(lint(root, readings=readings), diagram_memo=memo)
    assert drawn == [] and again == first
    journey = root / "journeys" / "repair-and-warranty.yaml"
    journey.write_text(journey.read_text().replace("Battery fault", "Battery failure"))
    report = lint(root, readings=readings)
    edited = generate(report, diagram_memo=memo)
    changed = next(doc for doc in report.project.journeys if doc.file.endswith(journey.name))
    assert sorted(drawn) == sorted(f"{changed.model.id}/{kind}" for kind in views_of(changed.model))
    assert edited == generate(lint(root))
