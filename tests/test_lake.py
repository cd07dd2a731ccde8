"""flows.lake: the Parquet lake's run folders, and which warehouse each run stages for."""
from __future__ import annotations

import pyarrow as pa

from flows.lake import Lake


def _stage(lake: Lake, run_id: str, owner: str | None) -> None:
    if owner:
        lake.claim(run_id, owner)
    lake.write_part("articles", run_id, 0, pa.table({"article_id": ["a"]}))


def test_remove_orphans_takes_only_this_warehouses_unfinished_runs(tmp_path):
    lake = Lake(tmp_path / "lake")
    _stage(lake, "r1-a-committed", "/w/a.duckdb")
    _stage(lake, "r2-a-dead", "/w/a.duckdb")
    _stage(lake, "r3-b-staging", "/w/b.duckdb")  # another warehouse's run, sharing the lake
    _stage(lake, "r0-unclaimed", None)  # staged by an older release, before runs claimed their id

    assert lake.remove_orphans({"r1-a-committed"}, "/w/a.duckdb") == ["r0-unclaimed", "r2-a-dead"]
    assert lake.staged_run_ids() == {"r1-a-committed", "r3-b-staging"}
    assert lake.remove_orphans({"r3-b-staging"}, "/w/b.duckdb") == []  # a's committed run is not b's orphan
    assert lake.staged_run_ids() == {"r1-a-committed", "r3-b-staging"}


def test_remove_orphans_keeps_runs_the_lake_marks_committed_when_the_warehouse_forgot_them(tmp_path):
    lake = Lake(tmp_path / "lake")
    _stage(lake, "r1-committed", "/w/a.duckdb")
    lake.mark_committed("r1-committed", pa.table({"run_id": ["r1-committed"]}))
    _stage(lake, "r2-dead", "/w/a.duckdb")
    lake.claim("r3-died-before-staging", "/w/a.duckdb")

    # The warehouse at /w/a.duckdb was deleted, or restored from a backup older than r1: it knows no run.
    assert lake.remove_orphans(set(), "/w/a.duckdb") == ["r2-dead", "r3-died-before-staging"]
    assert lake.staged_run_ids() == {"r1-committed"}
    assert sorted(p.name for p in (tmp_path / "lake" / "_runs").iterdir()) == [
        "r1-committed.committed.parquet", "r1-committed.owner"]
