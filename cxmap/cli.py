"""The ``cxmap`` command line: thin click wrappers around ``cxmap.commands``.

``main`` is the one place where errors become exit codes.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from cxmap import __version__
from cxmap.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, CxmapError
from cxmap.reporters import REPORTERS

PROJECT = click.argument(
    "project", type=click.Path(file_okay=False, path_type=Path), default=Path()
)

NO_CACHE = click.option(
    "--no-cache",
    is_flag=True,
    help="Draw every diagram and render every page anew, without cxmap's cache.",
)


def _color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="cxmap")
def cli() -> None:
    """Customer journeys as code: validate, draw and publish a service strategy."""


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path), required=False)
@click.option(
    "--example",
    is_flag=False,
    flag_value="cycles",
    default=None,
    metavar="[NAME]",
    help="A full example organisation instead of a small start: cycles (a company that "
    "makes and sells e-bikes, the default) or council (a district council's permits and "
    "licences).",
)
def init(directory: Path | None, example: str | None) -> int:
    """Create a small working project in DIRECTORY; existing files are kept."""
    from cxmap.commands import init as command

    return command.run(*command.arguments(directory, example))


@cli.command()
@PROJECT
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORTERS)),
    default=None,
    help="How to report findings [default: text; github inside GitHub Actions].",
)
@click.option("--strict", is_flag=True, help="Fail on any finding, not only on errors.")
@click.option(
    "--select", multiple=True, metavar="CODES", help="Only these codes or prefixes (CX1,CX305)."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these codes or prefixes.")
@click.option(
    "--no-cache", is_flag=True, help="Read every file anew, without cxmap's cache of checked files."
)
def check(
    project: Path,
    output_format: str | None,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    no_cache: bool,
) -> int:
    """Validate the journeys of PROJECT (default: the current directory)."""
    from cxmap.commands import check as command

    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    return command.run(
        project,
        output_format=output_format,
        strict=strict,
        select=select,
        ignore=ignore,
        color=_color() and output_format == "text",
        cache=not no_cache,
    )


@cli.command()
@PROJECT
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for people, or JSON for CI dashboards.",
)
@click.option(
    "--fail-under",
    type=click.IntRange(0, 5),
    metavar="LEVEL",
    help="Exit 1 when a journey is below this level (0 to 5).",
)
def score(project: Path, output_format: str, fail_under: int | None) -> int:
    """Show the maturity level of every journey and team, and what the next level needs."""
    from cxmap.commands import score as command

    return command.run(project, output_format, fail_under)


@cli.command()
@PROJECT
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put the site [default: site_dir of mkdocs.yml, else PROJECT/site].",
)
@click.option("--strict", is_flag=True, help="Fail on any finding and on MkDocs warnings.")
@click.option("--offline", is_flag=True, help="A site that works from file://, without a server.")
@NO_CACHE
def build(project: Path, site_dir: Path | None, strict: bool, offline: bool, no_cache: bool) -> int:
    """Check PROJECT, draw its diagrams and build the handbook."""
    from cxmap.commands import build as command

    return command.run(project, site_dir, strict, offline, cache=not no_cache)


@cli.command()
@PROJECT
@click.option("-a", "--dev-addr", metavar="IP:PORT", help="Address to serve on.")
@NO_CACHE
def serve(project: Path, dev_addr: str | None, no_cache: bool) -> int:
    """Preview the handbook; edits to journeys rebuild only what they change."""
    from cxmap.commands import serve as command

    return command.run(project, dev_addr, cache=not no_cache)


@cli.command()
@PROJECT
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write (a new or empty one, or one written by cxmap pages).",
)
def pages(project: Path, output: Path) -> int:
    """Write the generated pages as Markdown and SVG files, for other site generators."""
    from cxmap.commands import pages as command

    return command.run(project, output)


def _project_and_journey(arguments: tuple[str, ...], usage: str) -> tuple[Path, str]:
    """``[PROJECT] JOURNEY``: one argument is the journey of the current folder's project."""
    if len(arguments) == 1:
        return Path(), arguments[0]
    if len(arguments) == 2:
        return Path(arguments[0]), arguments[1]
    what = "Missing argument 'JOURNEY'" if not arguments else "Too many arguments"
    raise click.UsageError(f"{what}: cxmap {usage}")


@cli.command()
@click.argument("arguments", nargs=-1, metavar="[PROJECT] JOURNEY")
@click.option(
    "--view",
    type=click.Choice(["map", "target", "blueprint", "emotion"]),
    default="map",
    show_default=True,
    help="Which diagram to draw; 'target' is the map of the target state (to_be).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write; .svg, .png or .dot.",
)
@click.option(
    "--link",
    metavar="PATTERN",
    help="Where touch point nodes link to, e.g. 'journeys/{journey}/#tp-{touchpoint}'.",
)
def render(arguments: tuple[str, ...], view: str, output: Path, link: str | None) -> int:
    """Draw one diagram of JOURNEY (an id) of PROJECT (default: the current directory)."""
    from cxmap.commands import render as command

    project, journey = _project_and_journey(arguments, "render [PROJECT] JOURNEY -o FILE")
    return command.run(project, journey, view, output, link)


@cli.command()
@click.argument("arguments", nargs=-1, metavar="[PROJECT] [JOURNEY]")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["mermaid", "json", "csv", "xlsx"]),
    required=True,
    help="Mermaid journey diagram, the validated journey as JSON, or the inventory "
    "layout as CSV or an Excel workbook (which cxmap import-sheet reads back).",
)
@click.option(
    "--all",
    "all_journeys",
    is_flag=True,
    help="Every journey of PROJECT (default: the current directory); csv and xlsx only.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (default: standard output; xlsx needs a file).",
)
def export(
    arguments: tuple[str, ...], output_format: str, all_journeys: bool, output: Path | None
) -> int:
    """Write JOURNEY (an id) of PROJECT, or --all journeys, in another format."""
    from cxmap.commands import export as command

    journey: str | None
    if all_journeys:
        if len(arguments) > 1:
            raise click.UsageError(
                "--all takes every journey: give at most a PROJECT, not a JOURNEY"
            )
        project, journey = (Path(arguments[0]) if arguments else Path()), None
    else:
        usage = "export [PROJECT] JOURNEY --format FORMAT, or export [PROJECT] --all"
        project, journey = _project_and_journey(arguments, usage)
    return command.run(project, journey, output_format, output)


@cli.command("import-sheet")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write journey files to [default: the journeys folder of --project].",
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    help="The project whose teams, stages and channels the sheet names [default: .].",
)
@click.option("--force", is_flag=True, help="Overwrite journey files that exist already.")
def import_sheet(source: Path, output: Path | None, project: Path, force: bool) -> int:
    """Turn a journey inventory (.xlsx or .csv, a row per touch point) into journey files."""
    from cxmap.commands import import_sheet as command

    return command.run(source, output, project, force)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 when a file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Change nothing; show what would change.")
def fmt(paths: tuple[Path, ...], check: bool, show_diff: bool) -> int:
    """Rewrite journey and organisation files in cxmap's one style, keeping comments.

    PATHS are files, or projects whose files to format (default: the current directory).
    """
    from cxmap.commands import fmt as command

    return command.run(paths or (Path(),), check=check, show_diff=show_diff, color=_color())


@cli.command("import-mermaid")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The journey file to write (default: standard output); never overwritten.",
)
def import_mermaid(source: Path, output: Path | None) -> int:
    """Turn a Mermaid journey diagram into a cxmap journey file."""
    from cxmap.commands import import_mermaid as command

    return command.run(source, output)


@cli.command()
@PROJECT
@click.option("--base", required=True, metavar="REV", help="The git revision to compare with.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="Text, or Markdown for a pull-request comment.",
)
@click.option("--fail-on-new", is_flag=True, help="Exit 1 when new error-level findings appear.")
def diff(project: Path, base: str, output_format: str, fail_on_new: bool) -> int:
    """What changed in PROJECT since REV, in strategy terms."""
    from cxmap.commands import diff as command

    return command.run(project, base, output_format, fail_on_new)


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the .schema.json files to (default: print them).",
)
def schema(output: Path | None) -> int:
    """JSON Schemas of organisation, journey and cxmap.yaml files, for editors."""
    from cxmap.commands import schema as command

    return command.run(output)


@cli.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="A table for the terminal, or the catalogue page in Markdown.",
)
def rules(output_format: str) -> int:
    """List every check: code, name, default severity, summary."""
    from cxmap.commands import rules as command

    return command.run_rules(output_format)


@cli.command()
@click.argument("code")
def explain(code: str) -> int:
    """Explain one check (by code or name) and the principle behind it."""
    from cxmap.commands import rules as command

    return command.run_explain(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None, prog_name="cxmap", standalone_mode=False
        )
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return EXIT_INTERRUPTED
    except CxmapError as exc:
        click.echo(f"cxmap: error: {exc}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (cxmap check | head): not an error
        return 0
    except OSError as exc:  # a full disk, a closed output: the machine's, not a bug
        click.echo(f"cxmap: error: {exc.strerror or exc}", err=True)
        return EXIT_USAGE
    except Exception:
        if os.environ.get("CXMAP_DEBUG"):
            traceback.print_exc()
        else:
            error = sys.exc_info()[1]
            click.echo(
                f"cxmap: internal error: {type(error).__name__}: {error}\n"
                "This is a bug in cxmap; please report it "
                "(set CXMAP_DEBUG=1 for the traceback).",
                err=True,
            )
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0


def run() -> NoReturn:
    """The ``cxmap`` program: :func:`main`, then leave at once.

    Tearing down the interpreter would free every object of a big project one by
    one, which took a third as long as checking it; the work is done and flushed.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken output: nothing more can be said there
    os._exit(code)
