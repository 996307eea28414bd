from __future__ import annotations

from cxmap.cli import main

raise SystemExit(main())
