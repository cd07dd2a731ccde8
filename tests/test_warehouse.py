"""flows.warehouse: the DuckDB side of discovery (what a source's files were last time)."""
from __future__ import annotations

import duckdb

from flows.warehouse import ensure_schema, read_manifest


def _ran(con, run_id: str, source: str, path: str, stage: str, reason: str) -> None:
    """What a run that quarantined `path` of `source` leaves in the warehouse."""
    con.execute("""INSERT INTO pipeline_runs VALUES ($run, NULL, now(), now(), 'completed', $source,
                   1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, '{}')""", {"run": run_id, "source": source})
    con.execute("INSERT INTO quarantine VALUES ($run || $path, $run, $path, $stage, $reason, NULL, NULL, NULL)",
                {"run": run_id, "path": path, "stage": stage, "reason": reason})
    con.execute("""INSERT INTO file_manifest VALUES ($path, $source, 1, 1, 'sha', NULL, 'quarantined', NULL,
                   $reason, $run)""", {"path": path, "source": source, "reason": reason, "run": run_id})


def test_read_manifest_takes_a_refusals_stage_from_its_own_source(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_schema(con)
    _ran(con, "run-1", "feeds/a", "x.txt", "segment", "not an article")
    _ran(con, "run-2", "feeds/b", "x.txt", "extract", "not an article")

    assert read_manifest(con, "feeds/a")["x.txt"].stage == "segment"
    assert read_manifest(con, "feeds/b")["x.txt"].stage == "extract"
