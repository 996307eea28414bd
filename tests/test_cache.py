"""The on-disk cache: keys, damaged entries, read-only folders and pruning."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cxmap.cache import DiskCache, code_version, digest
from cxmap.paths import cache_folder, diagram_cache


def test_keys_tell_apart_where_the_parts_split() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("a", b"b") == digest("a", "b")
    assert len(digest("x")) == 40


def test_the_code_version_is_stable_within_a_run() -> None:
    assert code_version() == code_version()
    code_version.cache_clear()
    assert len(code_version()) == 40


def test_values_come_back_and_damaged_entries_are_misses(tmp_path: Path) -> None:
    store = DiskCache(tmp_path / "pages")
    assert store.get("k") is None
    store.put("k", {"html": "<p>x</p>", "rows": ("a", "b")})
    assert store.get("k") == {"html": "<p>x</p>", "rows": ("a", "b")}
    (tmp_path / "pages" / "k.pickle").write_bytes(b"not a pickle")
    assert store.get("k") is None


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    store = DiskCache(blocker / "pages")
    store.put("k", "v")
    assert store.get("k") is None


def test_pruning_keeps_what_was_used_and_drops_what_went_stale(tmp_path: Path) -> None:
    store = DiskCache(tmp_path)
    for key in ("used", "stale", "recent"):
        store.put(key, key)
    old = time.time() - 30 * 86400
    for key in ("used", "stale"):
        os.utime(tmp_path / f"{key}.pickle", (old, old))
    assert store.get("used") == "used"
    store.prune(keep_days=14)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recent.pickle", "used.pickle"]


def test_every_cache_lives_under_cxmap_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path))
    assert diagram_cache() == tmp_path
    assert cache_folder("pages") == tmp_path / "pages"
    monkeypatch.delenv("CXMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder("pages") == tmp_path / "xdg" / "cxmap" / "pages"
    assert diagram_cache() == tmp_path / "xdg" / "cxmap" / "diagrams"


def test_pruning_keeps_the_cache_under_its_size_by_dropping_the_least_recent(
    tmp_path: Path,
) -> None:
    store = DiskCache(tmp_path)
    now = time.time()
    for age, key in enumerate(("newest", "middle", "oldest")):
        store.put(key, "x" * 1000)
        os.utime(tmp_path / f"{key}.pickle", (now - age * 60, now - age * 60))
    store.prune(max_bytes=2500)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["middle.pickle", "newest.pickle"]
