"""Test seam for the crash tests (tests/test_crash.py), inert in production.

With NEWS_ETL_PAUSE_AT=<point> in its environment, a run prints `news-etl: paused at <point>` to stderr and
sleeps there (NEWS_ETL_PAUSE_SECONDS, default 60), so a test can `kill -9` it at a known moment instead of
racing a timer. Points: `discover` (lock held, before listing), `stage` (inside the second batch, after its
Parquet part is written), `validate` (staging done, before the suites), `load` (inside the DuckDB transaction,
everything written but not committed). Without the variable, `pause_at` returns at once.
"""
from __future__ import annotations

import os
import sys
import time


def pause_at(point: str) -> None:
    if os.environ.get("NEWS_ETL_PAUSE_AT") == point:
        print(f"news-etl: paused at {point}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("NEWS_ETL_PAUSE_SECONDS", "60")))
