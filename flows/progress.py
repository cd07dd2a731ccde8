"""A progress bar on a terminal, nothing otherwise (the flow logs one line per batch either way).

The CLI turns it on; the flow only reports. Kept outside flow parameters so runs stay serialisable.

The bar moves as files finish, not as batches do (a 2,000-file batch kept it still for ~10 s, then it jumped):
the batch reports the files it has transformed every quarter of a second. In this process (no Dask, one worker)
that is a direct call; on a Dask worker it is an event on a topic of the run's own, which the flow's process
subscribes to while its batches stage.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

REPORT_EVERY_S = 0.25
_TOPIC = "news-etl-progress-"

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


def counted(items: Iterable, run_id: str, total: int) -> Iterator:
    """`items` (a batch's files to transform), reporting the run's progress as they are taken: taking one means
    the one before is done. At the end, all `total` files of the batch are reported (those refused before, too)."""
    reported = pending = 0
    last = time.monotonic()
    for item in items:
        yield item
        pending += 1
        if time.monotonic() - last >= REPORT_EVERY_S:
            _report(run_id, pending)
            reported, pending, last = reported + pending, 0, time.monotonic()
    _report(run_id, total - reported)


def _report(run_id: str, files: int) -> None:
    if files <= 0:
        return
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:  # the batch runs in this process
        advance(files)
        return
    worker.log_event(_TOPIC + run_id, files)


@contextmanager
def following(client, run_id: str) -> Iterator[None]:
    """While inside, the bar moves with the files the run's batches report from Dask workers (see `counted`).
    Enter before the batches are submitted: a report made before is not delivered."""
    if _bar is None:
        yield
        return
    client.subscribe_topic(_TOPIC + run_id, lambda event: advance(event[1]))
    try:
        yield
    finally:
        client.unsubscribe_topic(_TOPIC + run_id)
