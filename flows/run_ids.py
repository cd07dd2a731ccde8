"""Run identity and the clock, shared by the flow and the no-change path."""
from __future__ import annotations

import secrets
import threading
from datetime import UTC, datetime, timedelta

_last_start = datetime.min.replace(tzinfo=UTC)
_last_start_lock = threading.Lock()


def utc_now() -> datetime:
    return datetime.now(UTC)


def start_run() -> tuple[str, datetime]:
    """A new run's id and its start time (pipeline_runs.run_id, started_at), one from the other: ids sort in start
    order (the views and the dashboard list runs by run_id). The time is to the microsecond, and strictly later
    than the last run this process started (two reads of the clock can give the same microsecond); the random
    suffix keeps apart runs that two processes start in the same microsecond.

    `20261207T182300.123456Z-3fa9c1`. Ids of earlier releases (`20261207T182300Z-3fa9c1`, to the second) still
    sort before every later second's."""
    global _last_start
    with _last_start_lock:
        started = max(utc_now(), _last_start + timedelta(microseconds=1))
        _last_start = started
    return started.strftime("%Y%m%dT%H%M%S.%fZ") + "-" + secrets.token_hex(3), started
