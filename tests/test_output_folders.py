"""Where cxmap build and cxmap pages may write: never over the project's own files.

The project here configures its folders (``journeys_dir: strategy`` in cxmap.yaml,
``docs_dir: handbook`` in mkdocs.yml), so a guard that knows only the default
``journeys/`` and ``docs/`` fails these tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import Cli

from cxmap.config import Config
from cxmap.paths import ProjectPaths

ADVICE = "choose a folder of its own, such as"
JOURNEYS = "it is the project's journeys folder (journeys_dir in cxmap.yaml)"
DOCS = "it is the project's folder of hand-written pages (docs_dir in mkdocs.yml)"
WHAT = {"build": ("the site", "site"), "pages": ("the pages", "pages")}


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXMAP_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def project(tmp_path: Path, cli: Cli) -> Path:
    """A project made by ``cxmap init``, with its journeys and pages moved and configured."""
    root = tmp_path / "work" / "P"
    assert cli("init", str(root)).returncode == 0
    (root / "journeys").rename(root / "strategy")
    config = root / "cxmap.yaml"
    config.write_text(
        config.read_text().replace("journeys_dir: journeys", "journeys_dir: strategy")
    )
    (root / "docs").rename(root / "handbook")
    with (root / "mkdocs.yml").open("a") as mkdocs:
        mkdocs.write("docs_dir: handbook\n")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (links not followed), by relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def refused(
    cli: Cli,
    command: str,
    root: Path,
    target: Path,
    reason: str,
    advice: str | None = None,
) -> None:
    """Run ``command`` into ``target``: exit 2, one line naming ``reason``, nothing changed."""
    before = snapshot(root.parent)
    option = "--site-dir" if command == "build" else "-o"
    result = cli(command, str(root), option, str(target))
    assert result.returncode == 2
    what, suggestion = WHAT[command]
    advice = advice or f"{ADVICE} {suggestion!r}"
    expected = f"cxmap: error: refusing to write {what} into {str(target)!r}: {reason}; {advice}"
    assert result.stderr.splitlines() == [expected]
    assert result.stdout == ""
    assert snapshot(root.parent) == before


@pytest.mark.parametrize("command", ["build", "pages"])
def test_the_configured_journeys_folder_is_refused(project: Path, command: str, cli: Cli) -> None:
    # The data loss of issue 11: the site used to replace the journey files.
    refused(cli, command, project, project / "strategy", JOURNEYS)
    assert (project / "strategy" / "organization.yaml").is_file()


@pytest.mark.parametrize("command", ["build", "pages"])
def test_the_configured_docs_dir_is_refused(project: Path, command: str, cli: Cli) -> None:
    # The data loss of issue 11: the site used to replace the hand-written pages.
    refused(cli, command, project, project / "handbook", DOCS)
    assert (project / "handbook" / "index.md").is_file()


@pytest.mark.parametrize("command", ["build", "pages"])
def test_the_project_folder_is_refused(project: Path, command: str, cli: Cli) -> None:
    refused(cli, command, project, project, "it is the project folder")


@pytest.mark.parametrize("command", ["build", "pages"])
def test_a_folder_above_the_project_is_refused(project: Path, command: str, cli: Cli) -> None:
    reason = "it is a folder above the project, and replacing it would delete the project"
    refused(cli, command, project, project.parent, reason)
    refused(cli, command, project, Path("/"), reason)


@pytest.mark.parametrize("command", ["build", "pages"])
def test_the_home_folder_is_refused(
    project: Path,
    command: str,
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "home" / "someone"
    (home / "notes").mkdir(parents=True)
    (home / "notes" / "todo.txt").write_text("mine")
    monkeypatch.setenv("HOME", str(home))
    refused(cli, command, project, home, "it is your home folder")
    refused(cli, command, project, home.parent, "it is a folder above your home folder")
    assert (home / "notes" / "todo.txt").read_text() == "mine"


@pytest.mark.parametrize("command", ["build", "pages"])
def test_a_folder_inside_the_journeys_or_docs_folder_is_refused(
    project: Path, command: str, cli: Cli
) -> None:
    refused(
        cli,
        command,
        project,
        project / "strategy" / "site",
        JOURNEYS.replace("it is", "it is inside"),
    )
    refused(
        cli,
        command,
        project,
        project / "handbook" / "site",
        DOCS.replace("it is", "it is inside"),
    )
    assert not (project / "strategy" / "site").exists()
    assert not (project / "handbook" / "site").exists()


@pytest.mark.parametrize("command", ["build", "pages"])
def test_a_non_empty_folder_that_cxmap_did_not_write_is_refused(
    project: Path, command: str, cli: Cli
) -> None:
    foreign = project / "out"
    foreign.mkdir()
    (foreign / "mine.txt").write_bytes(b"keep me\x00")
    marker = ".cxmap-site" if command == "build" else ".cxmap-pages"
    reason = f"it is not empty and was not written by cxmap (it has no {marker} file)"
    refused(cli, command, project, foreign, reason, "choose an empty or new folder")
    assert (foreign / "mine.txt").read_bytes() == b"keep me\x00"


@pytest.mark.parametrize("command", ["build", "pages"])
def test_a_link_to_the_journeys_folder_is_refused(project: Path, command: str, cli: Cli) -> None:
    link = project / "published"
    link.symlink_to("strategy", target_is_directory=True)
    refused(cli, command, project, link, JOURNEYS)
    assert link.is_symlink()


def test_site_dir_of_mkdocs_yml_is_checked_too(project: Path, cli: Cli) -> None:
    with (project / "mkdocs.yml").open("a") as mkdocs:
        mkdocs.write("site_dir: strategy\n")
    before = snapshot(project)
    result = cli("build", str(project))
    assert result.returncode == 2
    expected = (
        f"cxmap: error: refusing to write the site into {str(project / 'strategy')!r} "
        f"(site_dir in mkdocs.yml): {JOURNEYS}; {ADVICE} 'site'"
    )
    assert result.stderr.splitlines() == [expected]
    assert snapshot(project) == before


@pytest.mark.acceptance
def test_plain_mkdocs_build_refuses_the_journeys_folder_as_site_dir(project: Path) -> None:
    with (project / "mkdocs.yml").open("a") as mkdocs:
        mkdocs.write("site_dir: strategy\n")
    before = snapshot(project)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"cxmap: refusing to write the site into {str(project / 'strategy')!r}: " in (
        result.stderr
    )
    assert snapshot(project) == before


@pytest.mark.acceptance
def test_a_site_cxmap_built_is_rebuilt_and_marked(project: Path, cli: Cli) -> None:
    site = project.parent / "published"
    first = cli("build", str(project), "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    assert (site / ".cxmap-site").is_file()
    (site / "stale.html").write_text("old")
    again = cli("build", str(project), "--site-dir", str(site))
    assert again.returncode == 0, again.stderr
    assert (site / "index.html").is_file()
    assert (site / ".cxmap-site").is_file()
    assert not (site / "stale.html").exists()
    assert (project / "strategy" / "organization.yaml").is_file()
    assert (project / "handbook" / "index.md").is_file()


def test_pages_cxmap_wrote_are_rewritten(project: Path, cli: Cli) -> None:
    out = project.parent / "pages"
    assert cli("pages", str(project), "-o", str(out)).returncode == 0
    (out / "stale.md").write_text("old")
    again = cli("pages", str(project), "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert (out / ".cxmap-pages").is_file()
    assert (out / "index.md").is_file()
    assert not (out / "stale.md").exists()


def test_an_empty_folder_or_a_new_path_is_fine(project: Path, cli: Cli) -> None:
    empty = project / "empty"
    empty.mkdir()
    assert cli("pages", str(project), "-o", str(empty)).returncode == 0
    assert cli("pages", str(project), "-o", str(project / "new" / "deeper")).returncode == 0
    assert (empty / "index.md").is_file()
    assert (project / "new" / "deeper" / "index.md").is_file()


@pytest.mark.acceptance
def test_an_unmarked_mkdocs_site_in_the_default_place_is_replaced(project: Path, cli: Cli) -> None:
    # What an older cxmap, or a plain `mkdocs build`, left in site/.
    site = project / "site"
    site.mkdir()
    for name in ("index.html", "404.html", "sitemap.xml.gz"):
        (site / name).write_text("old")
    result = cli("build", str(project))
    assert result.returncode == 0, result.stderr
    assert (site / ".cxmap-site").is_file()
    assert (site / "index.html").read_text() != "old"


def test_mkdocs_yml_is_read_without_trusting_its_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: X\n"
        "docs_dir: !ENV [CXMAP_TEST_DOCS, pages]\n"
        "site_dir: !ENV CXMAP_TEST_SITE\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "  - x: !relative $config_dir\n"
    )
    monkeypatch.delenv("CXMAP_TEST_DOCS", raising=False)
    monkeypatch.setenv("CXMAP_TEST_SITE", "public")
    paths = ProjectPaths(tmp_path, Config())
    assert paths.docs_dir == tmp_path / "pages"
    assert paths.site_dir == tmp_path / "public"
    monkeypatch.setenv("CXMAP_TEST_DOCS", "written")
    assert ProjectPaths(tmp_path, Config()).docs_dir == tmp_path / "written"


@pytest.mark.parametrize(
    "text", ["site_name: [\n", "- a list\n", "docs_dir: 3\n", b"\xff\xfe", "a: &x [*x]\n"]
)
def test_a_broken_mkdocs_yml_falls_back_to_the_defaults(tmp_path: Path, text: str | bytes) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    paths = ProjectPaths(tmp_path, Config())
    assert paths.docs_dir == tmp_path / "docs"
    assert paths.site_dir == tmp_path / "site"


def test_inherited_mkdocs_settings_count(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text("docs_dir: shared\nINHERIT: mkdocs.yml\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: X\n")
    assert ProjectPaths(tmp_path, Config()).docs_dir == tmp_path / "shared"
