"""Run identity and the clock, shared by the flow and the no-change path."""
from __future__ import annotations

import secrets
from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_run_id() -> str:
    """Sorts in start order; the suffix keeps two runs in the same second apart."""
    return utc_now().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
