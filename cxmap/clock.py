"""The date that review checks and new projects count from."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Today, or the day of `SOURCE_DATE_EPOCH` for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            pass  # out of the calendar's range: not a usable reproducible date
    return dt.date.today()
