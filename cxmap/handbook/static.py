"""The handbook's stylesheets and scripts, shipped in the package under ``assets/``.

Each is written into the site as ``assets/NAME``; the MkDocs plugin adds them to
``extra_css`` and ``extra_javascript``, and ``cxmap pages`` writes them next to the
pages for other generators to include.
"""

from __future__ import annotations

from importlib import resources

STYLESHEETS = ("assets/cxmap.css", "assets/material-a11y.css")
SCRIPTS = ("assets/cxmap.js", "assets/material-a11y.js")


def static_files() -> dict[str, bytes]:
    """Every stylesheet and script, by its path in the site."""
    folder = resources.files("cxmap.handbook") / "assets"
    return {
        path: (folder / path.split("/", 1)[1]).read_bytes() for path in (*STYLESHEETS, *SCRIPTS)
    }
