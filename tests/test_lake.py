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
