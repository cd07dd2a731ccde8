"""A rerun with nothing to do is recorded without starting Prefect, and without copying the warehouse.

Prefect's temporary API takes ~2-2.5 s to start here (5-9 s on a machine's first run, which creates its
database). When discovery finds no new, changed or deleted file, no newly refused one and no new stat to
remember, there is nothing to orchestrate and nothing to publish: the warehouse is read through a read-only
connection (which no reader is in the way of, and which is in no reader's way), and the run's pipeline_runs row
(no flow_run_id) waits beside the warehouse for the next run that publishes (flows/publish.py), in about a
second. Anything else goes through the flow.
"""
from __future__ import annotations

import time
from pathlib import Path

from flows.accounting import RunOutcome
from flows.discover import Known, Plan, discover, source_key
from flows.load import ARTICLE_TABLES, RunTimes, run_row
from flows.lock import WriterLock
from flows.publish import record_pending_run
from flows.run_ids import start_run, utc_now
from flows.summary import run_summary
from flows.warehouse import connect, missing_contract, other_spellings, read_manifest


def nothing_to_do(plan: Plan, known: dict[str, Known]) -> bool:
    """No file to load or mark deleted, no new size or mtime to remember (a touched file), and every refused
    file was already refused for the same reason."""
    if plan.to_load or plan.deleted:
        return False
    if any((f.size_bytes, f.mtime_ns) != (known[f.path].size_bytes, known[f.path].mtime_ns) for f in plan.unchanged):
        return False
    return all(f.path in known and (known[f.path].status, known[f.path].reason) == (f.status, f.reason)
               for f in plan.refused)


def record_unchanged_run(source: str, warehouse: str, lake: str, retry_quarantined: bool = False,
                         wait: bool = False) -> dict | None:
    """The run's summary when nothing changed since the last run; None when the flow has work to do."""
    if not Path(warehouse).exists():
        return None
    source, (run_id, started_at) = source_key(source), start_run()
    with WriterLock(warehouse, run_id, wait=wait):
        t0 = time.perf_counter()
        con = connect(warehouse, read_only=True)
        try:
            # An older release's warehouse, or rows under another spelling of the source: the flow upgrades them.
            if missing_contract(con) or other_spellings(con, source):
                return None
            known = read_manifest(con, source, adopt=False)
        finally:
            con.close()
        plan = discover(Path(source), known, retry_quarantined)
        if not nothing_to_do(plan, known):
            return None
        t1 = time.perf_counter()
        outcome, inserted = RunOutcome(run_id, source, plan), dict.fromkeys(
            ("articles", *ARTICLE_TABLES, "entities", "entity_aliases"), 0)
        times = RunTimes(started_at, t1 - t0, 0.0, 0.0)
        record_pending_run(warehouse, run_id, run_row(outcome, times, None, inserted, 0.0, utc_now()))
    return run_summary(outcome, warehouse, lake, inserted, [t1 - t0, 0.0, 0.0, time.perf_counter() - t1])
