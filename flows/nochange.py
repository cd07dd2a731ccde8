"""A rerun with nothing to do is recorded without starting Prefect.

Prefect's temporary API takes ~2-2.5 s to start here (5-9 s on a machine's first run, which creates its
database). When discovery finds no new, changed or deleted file and no newly refused one, there is nothing to
orchestrate: the run is recorded by the same load transaction the flow uses (its pipeline_runs row has no
flow_run_id), in about a second. Anything else goes through the flow.
"""
from __future__ import annotations

import time
from pathlib import Path

from flows.accounting import RunOutcome
from flows.discover import Known, Plan, discover, source_key
from flows.lake import Lake
from flows.load import RunTimes, load_run
from flows.lock import WriterLock
from flows.run_ids import new_run_id, utc_now
from flows.summary import run_summary
from flows.warehouse import connect, read_manifest, upgrade_schema


def nothing_to_do(plan: Plan, known: dict[str, Known]) -> bool:
    """No file to load or mark deleted, and every refused file was already refused for the same reason."""
    if plan.to_load or plan.deleted:
        return False
    return all(f.path in known and (known[f.path].status, known[f.path].reason) == (f.status, f.reason)
               for f in plan.refused)


def record_unchanged_run(source: str, warehouse: str, lake: str, retry_quarantined: bool = False,
                         wait: bool = False) -> dict | None:
    """The run's summary when nothing changed since the last run; None when the flow has work to do."""
    if not Path(warehouse).exists():
        return None
    source, run_id, started_at = source_key(source), new_run_id(), utc_now()
    with WriterLock(warehouse, run_id, wait=wait):
        t0 = time.perf_counter()
        con = connect(warehouse)
        try:
            upgrade_schema(con)
            known = read_manifest(con, source)
            plan = discover(Path(source), known, retry_quarantined)
            if not nothing_to_do(plan, known):
                return None
            t1 = time.perf_counter()
            outcome = RunOutcome(run_id, source, plan)
            inserted = load_run(con, Lake(lake), outcome, RunTimes(started_at, t1 - t0, 0.0, 0.0), None, utc_now)
        finally:
            con.close()
    return run_summary(outcome, warehouse, lake, inserted, [t1 - t0, 0.0, 0.0, time.perf_counter() - t1])
