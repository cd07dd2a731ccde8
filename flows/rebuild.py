"""`news-etl rebuild`: a lost warehouse made again from its lake, exactly.

Every run records in the lake what its load applies (flows/lake.py) and is marked committed there once the
warehouse holding it is published. Replaying the committed runs in the order they committed, each with its own
staged parts, load inputs and clock, through the loader's own transaction (`apply_run`), gives the same tables:
versions, history, deletions, the manifest, quarantine, validation results and pipeline_runs. Runs that changed
nothing are not in the lake (their rows waited beside the warehouse): the rebuilt pipeline_runs lacks them.
"""
from __future__ import annotations

from pathlib import Path

from flows.lake import Lake
from flows.load import apply_run, check_staged
from flows.lock import WriterLock
from flows.publish import discarded_unless_published, publish, real_path, remove_leftover_copies
from flows.run_ids import start_run
from flows.warehouse import connect, ensure_schema


class RebuildRefused(RuntimeError):
    pass


def rebuild(lake_url: str, warehouse: str, original: str | None = None) -> list[str]:
    """Replay the lake's committed runs (those of the warehouse `original` only, when given) into the new file
    `warehouse`, published whole at the end. Returns the runs replayed, in order."""
    if Path(warehouse).exists():
        raise RebuildRefused(f"{warehouse} exists: rebuild writes a new warehouse (move that one away first)")
    lake = Lake(lake_url)
    runs = _runs_to_replay(lake, original)
    with WriterLock(warehouse, "rebuild"), discarded_unless_published(warehouse, start_run()[0]) as copy:
        remove_leftover_copies(warehouse)  # of a rebuild that died
        con = connect(copy)
        try:
            ensure_schema(con)
            for run_id in runs:
                inputs, staged, loaded_at, run_row = lake.read_record(run_id)
                check_staged(lake, run_id, staged)
                apply_run(con, lake, run_id, inputs, staged, loaded_at, lambda inserted, row=run_row: row)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        publish(copy, warehouse)
    return runs


def _runs_to_replay(lake: Lake, original: str | None) -> list[str]:
    committed, recorded = lake.committed_runs(), lake.recorded_runs()
    # Staging older than the first recorded run was made by a release that did not record loads (staging after
    # it without a record is a run that died before its load).
    unrecorded = sorted(r for r in lake.staged_run_ids() - recorded if not recorded or r < min(recorded))
    if unrecorded:
        raise RebuildRefused(f"the lake holds {len(unrecorded)} run(s) staged by a release that did not record its "
                             f"loads ({', '.join(unrecorded[:3])}{', ...' if len(unrecorded) > 3 else ''}): a "
                             "rebuild would miss them")
    owners = {run_id: lake.owner_of(run_id) for run_id in committed}
    if original is not None:
        committed = [run_id for run_id in committed if owners[run_id] == real_path(original)]
    elif len(set(owners.values())) > 1:
        raise RebuildRefused(f"the lake holds runs of {len(set(owners.values()))} warehouses "
                             f"({', '.join(sorted(map(str, set(owners.values()))))}): name one with --original")
    if not committed:
        raise RebuildRefused(f"no committed run in the lake {lake.url}" + (f" for {original}" if original else ""))
    return sorted(committed, key=lake.committed_at)
