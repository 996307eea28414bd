from __future__ import annotations

from cxmap.cli import run

run()
