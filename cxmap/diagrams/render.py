"""Run Graphviz: formats, the cache, parallel rendering and accessible SVG.

Rendered files are cached by a hash of their DOT source, the output format and
the Graphviz version, so an unchanged journey is never drawn twice. Jobs run in
a thread pool: each is a ``dot`` process, so threads use every core.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

import graphviz

from cxmap.errors import CxmapError
from cxmap.files import write_atomically
from cxmap.paths import diagram_cache

FORMATS = ("svg", "png", "dot")
INSTALL_HINT = (
    "Graphviz's 'dot' program is needed to draw diagrams and was not found on PATH. "
    "Install Graphviz: apt-get install graphviz (Debian, Ubuntu), dnf install graphviz "
    "(Fedora), brew install graphviz (macOS), choco install graphviz (Windows); "
    "see https://graphviz.org/download/. 'cxmap check' does not need it."
)


class GraphvizMissing(CxmapError):
    """Graphviz's ``dot`` is not installed."""


class GraphvizFailed(CxmapError):
    """Graphviz refused a graph (a bug in cxmap, or a broken Graphviz)."""


@dataclass(frozen=True)
class Job:
    """One diagram to draw: DOT source, output format, and words for screen readers."""

    source: str
    format: str
    name: str = "diagram"
    title: str = ""
    description: str = ""
    engine: str = "dot"
    """``dot``, or ``neato-n2`` for graphs whose nodes all have positions."""


@lru_cache(maxsize=1)
def graphviz_version() -> str:
    """Graphviz's version, e.g. ``2.43.0``; raises :class:`GraphvizMissing` without it."""
    try:
        return ".".join(map(str, graphviz.version()))
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing(INSTALL_HINT) from None


def cache_key(job: Job) -> str:
    digest = hashlib.sha256()
    parts = (
        graphviz_version(),
        job.engine,
        job.format,
        job.name,
        job.title,
        job.description,
        job.source,
    )
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _run_dot(job: Job) -> bytes:
    try:
        source = job.source.encode("utf-8")
        if job.engine == "neato-n2":
            data: bytes = graphviz.pipe("neato", job.format, source, neato_no_op=2, quiet=True)
        else:
            data = graphviz.pipe(job.engine, job.format, source, quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing(INSTALL_HINT) from None
    except graphviz.CalledProcessError as exc:
        message = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise GraphvizFailed(f"Graphviz could not draw a diagram: {message}") from None
    return data


_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")


def accessible_svg(svg: bytes, name: str, title: str, description: str) -> bytes:
    """Give the SVG a role, a ``<title>`` and a ``<desc>`` that screen readers announce.

    ``name`` makes the element ids unique when several diagrams share a page.
    """
    match = _SVG_OPEN.search(svg)
    if match is None:
        return svg
    opening = match.group(0)[:-1].rstrip(b"/")
    ident = re.sub(r"[^A-Za-z0-9_-]", "-", name).encode("ascii")
    labelled = (
        opening
        + b' role="img" aria-labelledby="'
        + ident
        + b"-title "
        + ident
        + b'-desc">'
        + b'\n<title id="'
        + ident
        + b'-title">'
        + escape(title).encode("utf-8")
        + b"</title>"
        + b'\n<desc id="'
        + ident
        + b'-desc">'
        + escape(description).encode("utf-8")
        + b"</desc>"
    )
    return svg[: match.start()] + labelled + svg[match.end() :]


def render(job: Job, use_cache: bool = True) -> bytes:
    """The diagram as bytes in ``job.format``, from the cache when possible."""
    if job.format not in FORMATS:
        raise CxmapError(f"unknown diagram format {job.format!r}: use svg, png or dot")
    if job.format == "dot":
        return job.source.encode("utf-8")
    path = diagram_cache() / f"{cache_key(job)}.{job.format}"
    if use_cache and path.is_file():
        return path.read_bytes()
    data = _run_dot(job)
    if job.format == "svg":
        data = accessible_svg(data, job.name, job.title, job.description)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, data)
        except OSError:
            pass  # a read-only cache only costs speed
    return data


class Rendering:
    """Diagrams being drawn in the background, on every core; :meth:`results` waits."""

    def __init__(self, jobs: Sequence[Job], use_cache: bool = True) -> None:
        self.jobs = list(jobs)
        if any(job.format != "dot" for job in self.jobs):
            graphviz_version()  # one clear error before starting any work
        workers = max(1, min(len(self.jobs), os.cpu_count() or 1))
        self._pool = ThreadPoolExecutor(max_workers=workers)
        self._futures = [self._pool.submit(render, job, use_cache) for job in self.jobs]

    def results(self, progress: Callable[[int, int], None] | None = None) -> list[bytes]:
        """Every diagram, in the order of the jobs; ``progress(done, total)`` as they finish."""
        try:
            for done, _ in enumerate(as_completed(self._futures), start=1):
                if progress is not None:
                    progress(done, len(self._futures))
            return [future.result() for future in self._futures]
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop drawing what has not started (a build that failed meanwhile)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def render_all(
    jobs: Sequence[Job],
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[bytes]:
    """Render many diagrams at once, on every core; results in the order of ``jobs``.

    ``progress(done, total)`` is called as diagrams finish.
    """
    if not jobs:
        return []
    return Rendering(jobs, use_cache).results(progress)
