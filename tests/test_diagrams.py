"""Diagrams: golden DOT, real Graphviz output, links, escaping, determinism, cache."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import EXAMPLES, REPO, Cli, MakeProject, check

from cxmap.diagrams import VIEWS, JourneyView, job
from cxmap.diagrams import render as render_module
from cxmap.diagrams.dot import html, quote
from cxmap.diagrams.render import Job, render, render_all

GOLDEN = Path(__file__).parent / "golden" / "diagrams"
FULL = (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8")
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
HOSTILE = 'x" URL="javascript:alert(1)" a="<script>alert(2)</script> \\N \\G & }'


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(cache))
    return cache


def view_of(root: Path, journey: str = "returns") -> JourneyView:
    report = check(root)
    doc = next(d for d in report.project.journeys if d.model.id == journey)
    findings = [f for f in report.findings if f.file == doc.file]
    return JourneyView(report.project, doc, findings)


@pytest.mark.parametrize("kind", sorted(VIEWS))
def test_dot_source_matches_golden_file(make_project: MakeProject, kind: str) -> None:
    source = job(view_of(make_project({"full.yaml": FULL})), kind, "dot").source
    golden = GOLDEN / f"full-{kind}.dot"
    if os.environ.get("CXMAP_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(source, encoding="utf-8")
    assert source == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(VIEWS))
def test_svg_is_well_formed_accessible_and_links_every_touch_point(
    make_project: MakeProject, kind: str
) -> None:
    view = view_of(make_project({"full.yaml": FULL}))
    svg = render(job(view, kind, "svg"))
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.text == f"Returning a faulty jacket — {VIEWS[kind].words}"
    assert desc is not None and "5 touch points" in (desc.text or "")
    links = {a.get(f"{XLINK}href"): a.get(f"{XLINK}title") for a in root.iter(f"{SVG}a")}
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    for touchpoint in view.doc.model.touchpoints:
        assert f"#tp-{touchpoint.id}" in links, touchpoint.id
        assert touchpoint.name.split()[0] in texts
    tooltip = links["#tp-return-request"] or ""
    assert "The customer expects: A reply the same day (within 8 hours)" in tooltip


def test_links_follow_the_configured_pattern(make_project: MakeProject, cli: Cli) -> None:
    root = make_project(
        {"full.yaml": FULL}, config='diagrams: {link: "../{journey}/#tp-{touchpoint}"}\n'
    )
    out = root / "map.svg"
    result = cli("render", str(root), "returns", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert 'xlink:href="../returns/#tp-product-page"' in out.read_text()
    result = cli("render", str(root), "returns", "-o", str(out), "--link", "/{nope}")
    assert result.returncode == 2
    assert "link pattern" in result.stderr


def test_error_findings_are_flagged_on_the_node(make_project: MakeProject) -> None:
    broken = FULL.replace("      owner: web-team\n", "", 1)
    source = job(view_of(make_project({"full.yaml": broken})), "map", "dot").source
    node = next(
        line for line in source.splitlines() if line.strip().startswith('"tp-product-page"')
    )
    assert "penwidth=3" in node
    assert "&#9888; CX101" in node


def test_hostile_text_stays_text(make_project: MakeProject) -> None:
    org = (EXAMPLES / "organization.yaml").read_text(encoding="utf-8")
    org = org.replace(
        "{id: web-team, name: Web Team,", "{id: web-team, name: " + quote(HOSTILE) + ","
    )
    journey = FULL.replace("name: Product page", "name: " + quote(HOSTILE)).replace(
        "text: Clear returns terms before buying", "text: " + quote(HOSTILE)
    )
    view = view_of(make_project({"full.yaml": journey}, organization=org))
    for kind in VIEWS:
        svg = render(job(view, kind, "svg")).decode()
        ET.fromstring(svg)
        root = ET.fromstring(svg)
        assert not list(root.iter(f"{SVG}script"))
        hrefs = [a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a") if a.get(f"{XLINK}href")]
        assert hrefs and all(str(href).startswith("#tp-") for href in hrefs)
        texts = "".join(t.text or "" for t in root.iter(f"{SVG}text")).replace("\u2060", "")
        assert "<script>" in texts
        assert "tp-product-page" not in texts and "returns-" not in texts
        assert "\\N" in texts and "\\G" in texts


def test_escaping_helpers() -> None:
    assert quote('a"b\\N\nc') == '"a\\"b\\\\N c"'
    assert html('<b>&"x"\\N') == "&lt;b&gt;&amp;&quot;x&quot;&#92;&#8288;N"


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_rendering_is_deterministic(make_project: MakeProject, suffix: str) -> None:
    view = view_of(make_project({"full.yaml": FULL}))
    for kind in VIEWS:
        first = render(job(view, kind, suffix), use_cache=False)
        second = render(job(view, kind, suffix), use_cache=False)
        assert first == second
    assert first.startswith(b"\x89PNG" if suffix == "png" else b"<?xml")


def test_cache_serves_unchanged_and_redraws_changed(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, private_cache: Path
) -> None:
    calls: list[str] = []
    real = render_module._run_dot

    def counting(job: Job) -> bytes:
        calls.append(job.name)
        return real(job)

    monkeypatch.setattr(render_module, "_run_dot", counting)
    root = make_project({"full.yaml": FULL})
    render(job(view_of(root), "map", "svg"))
    render(job(view_of(root), "map", "svg"))
    assert len(calls) == 1
    (root / "journeys" / "full.yaml").write_text(FULL.replace("Product page", "Product site"))
    render(job(view_of(root), "map", "svg"))
    assert len(calls) == 2
    assert len(list(private_cache.glob("*.svg"))) == 2


def test_many_diagrams_render_in_parallel_in_order(make_project: MakeProject) -> None:
    view = view_of(make_project({"full.yaml": FULL}))
    jobs = [job(view, kind, "svg") for kind in ("map", "blueprint", "emotion")] * 3
    results = render_all(jobs, use_cache=False)
    assert [ET.fromstring(r).find(f"{SVG}title").text for r in results] == [  # type: ignore[union-attr]
        j.title for j in jobs
    ]


def test_every_example_journey_renders_every_view(tmp_path: Path, cli: Cli) -> None:
    for name in ("repair-and-warranty", "field-defect-escalation"):
        for kind in VIEWS:
            out = tmp_path / f"{name}-{kind}.svg"
            result = cli("render", str(REPO), name, "--view", kind, "-o", str(out))
            assert result.returncode == 0, result.stderr
            svg = ET.fromstring(out.read_bytes())
            assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
            title = svg.find(f"{SVG}title")
            assert title is not None and title.text
            assert title.text.endswith(f" — {VIEWS[kind].words}"), (name, kind, title.text)
            assert any(a.get(f"{XLINK}href", "").startswith("#tp-") for a in svg.iter(f"{SVG}a"))


def test_a_journey_renders_although_another_is_broken(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"full.yaml": FULL, "broken.yaml": "journey: [\n"})
    out = root / "out.png"
    drawn = cli("render", str(root), "returns", "-o", str(out))
    assert drawn.returncode == 0, drawn.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    result = cli("render", str(root), "broken", "-o", str(out))
    assert result.returncode == 1
    assert "cannot draw journey 'broken': journeys/broken.yaml does not load" in result.stderr
    assert "journeys/broken.yaml:2:1: CX001" in result.stderr


def test_dot_output_and_unknown_formats(make_project: MakeProject, cli: Cli) -> None:
    root = make_project({"full.yaml": FULL})
    out = root / "map.dot"
    drawn = cli("render", str(root), "returns", "-o", str(out))
    assert drawn.returncode == 0, drawn.stderr
    assert out.read_text().startswith('digraph "returns-map"')
    result = cli("render", str(root), "returns", "-o", str(root / "map.pdf"))
    assert result.returncode == 2
    assert "end the name in .svg, .png or .dot" in result.stderr
    result = cli("render", str(root), "retruns", "-o", str(out))
    assert result.returncode == 2
    assert "no journey 'retruns' in the project (did you mean 'returns'?)" in result.stderr


def test_without_graphviz_render_says_how_to_install_and_check_still_works(
    make_project: MakeProject, tmp_path: Path, cli: Cli
) -> None:
    root = make_project({"full.yaml": FULL})
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {"PATH": str(empty)}
    result = cli("render", str(root), "returns", "-o", str(root / "x.svg"), env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "apt-get install graphviz" in lines[0] and "brew install graphviz" in lines[0]
    checked = cli("check", str(root), env=env)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("All checks passed")


def test_a_rebuild_redraws_only_the_changed_journey(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxmap.handbook.generate import generate

    second = FULL.replace("id: returns", "id: exchanges").replace(
        "title: Returning a faulty jacket", "title: Exchanging a size"
    )
    root = make_project({"full.yaml": FULL, "second.yaml": second})
    generate(check(root))
    drawn: list[str] = []
    real = render_module._run_dot
    monkeypatch.setattr(render_module, "_run_dot", lambda job: drawn.append(job.name) or real(job))
    (root / "journeys" / "second.yaml").write_text(second.replace("Product page", "Shop page"))
    generate(check(root))
    assert sorted(drawn) == [
        "cxmap-exchanges-blueprint",
        "cxmap-exchanges-emotion",
        "cxmap-exchanges-map",
        "cxmap-exchanges-target",  # full.yaml records a target state
    ]


def test_render_draws_the_target_map_and_offers_every_view(
    make_project: MakeProject, cli: Cli
) -> None:
    from cxmap.cli import cli as group

    root = make_project({"full.yaml": FULL})
    out = root / "target.svg"
    result = cli("render", str(root), "returns", "--view", "target", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "target map of 'returns'" in result.stdout
    assert "Returning a faulty jacket — target map" in out.read_text(encoding="utf-8")
    render_command = group.commands["render"]
    choices = next(p for p in render_command.params if p.name == "view").type.choices
    assert list(choices) == list(VIEWS)
