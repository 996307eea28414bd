"""The page cache: a cached build is byte for byte the clean build, and reuses what it can."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from helpers import REPO, Cli

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import write_project

pytestmark = pytest.mark.acceptance

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: the sitemap's date


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


def _contents(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _from_cache(stderr: str) -> tuple[int, int]:
    found = re.search(r"cxmap: (\d+) of (\d+) pages from the cache", stderr)
    assert found is not None, stderr
    return int(found.group(1)), int(found.group(2))


def test_cached_builds_are_clean_builds_and_reuse_only_what_did_not_change(
    tmp_path: Path, cli: Cli
) -> None:
    # 12 journeys of 14 touch points: channel and department pages have long tables.
    project = write_project(tmp_path / "strategy", 12, 14)

    def build(name: str, *options: str) -> tuple[dict[str, bytes], str]:
        site = tmp_path / name
        result = cli("build", str(project), "--site-dir", str(site), *options, env=EPOCH)
        assert result.returncode == 0, result.stderr
        return _contents(site), result.stderr

    first, log = build("first")
    reused, total = _from_cache(log)
    assert reused == 0 and total > 40
    second, log = build("second")
    assert _from_cache(log) == (total, total), "nothing changed: every page from the cache"
    clean, log = build("clean", "--no-cache")
    assert "from the cache" not in log
    assert second == first == clean

    journey = project / "journeys" / "journey-0.yaml"
    text = journey.read_text()
    journey.write_text(
        text.replace("number 0\n", "number nought\n").replace(
            "name: Step 3 of journey 0", "name: Step three of journey nought"
        )
    )
    edited, log = build("edited")
    reused, total = _from_cache(log)
    assert 0 < reused < total, "pages that show journey 0 are rendered again, the others not"
    clean_edited, _ = build("clean-edited", "--no-cache")
    assert edited == clean_edited
    page = edited["journeys/journey-0/index.html"].decode()
    assert "Synthetic journey number nought" in page
    channels = [edited[f"channels/{c}/index.html"].decode() for c in ("web", "app", "email")]
    assert any("Step three of journey nought" in channel for channel in channels), (
        "the edited row reaches the long table of its channel's page"
    )
    index = json.loads(edited["search/search_index.json"])
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["journeys/journey-0/"] == "Synthetic journey number nought"
    assert len({doc["location"].split("#")[0] for doc in index["docs"]}) == total, (
        "the search index has every page, not only the rebuilt ones"
    )


def test_long_tables_of_cross_reference_pages_stay_out_of_search(tmp_path: Path, cli: Cli) -> None:
    project = write_project(tmp_path / "strategy", 12, 14)
    site = tmp_path / "site"
    assert cli("build", str(project), "--site-dir", str(site), env=EPOCH).returncode == 0
    channel = (site / "channels" / "web" / "index.html").read_text()
    assert channel.count("<tr>") > 20, "the page shows its long table"
    index = json.loads((site / "search" / "search_index.json").read_text())
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    web = " ".join(text for place, text in texts.items() if place.startswith("channels/web/"))
    assert "Step 1 of journey 0" not in web
    journey = " ".join(
        text for place, text in texts.items() if place.startswith("journeys/journey-0/")
    )
    assert "Step 1 of journey 0" in journey, "the journey's own page is where search leads"


def test_an_unknown_plugin_turns_the_page_cache_off(tmp_path: Path, cli: Cli) -> None:
    project = write_project(tmp_path / "strategy", 2, 3)
    (project / "hooks.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\nAdded by a hook.\\n'\n"
    )
    (project / "docs").mkdir()
    (project / "docs" / "notes.md").write_text("# Notes\n")
    (project / "mkdocs.yml").write_text(
        "site_name: Hooked\ntheme: {name: material}\nplugins: [search, cxmap]\nhooks: [hooks.py]\n"
    )
    for name in ("one", "two"):
        result = cli("build", str(project), "--site-dir", str(tmp_path / name), env=EPOCH)
        assert result.returncode == 0, result.stderr
        assert "every page is rendered anew" in result.stderr
        assert "may change pages" in result.stderr
        assert "Added by a hook." in (tmp_path / name / "index.html").read_text()
    assert not (tmp_path / "cache" / "pages").exists()
