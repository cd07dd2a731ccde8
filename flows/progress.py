"""A progress bar on a terminal, nothing otherwise (the flow logs one line per batch either way).

The CLI turns it on; the flow only reports. Kept outside flow parameters so runs stay serialisable."""
from __future__ import annotations

import sys

_bar = None
enabled = False


def start(total: int) -> None:
    global _bar
    if enabled and total and sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        _bar = Progress("staging", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True)
        _bar.start()
        _bar.add_task("files", total=total)


def advance(files: int) -> None:
    if _bar is not None:
        _bar.advance(_bar.task_ids[0], files)


def finish() -> None:
    global _bar
    if _bar is not None:
        _bar.stop()
        _bar = None
