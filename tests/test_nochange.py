"""A rerun with nothing to do is recorded without Prefect and without copying the warehouse; anything else still
goes through the flow."""
import os

import duckdb

from flows.discover import Known, Plan, SeenFile
from flows.nochange import nothing_to_do, record_unchanged_run
from news_etl.cli import main


def _run(source, tmp_path, *extra):
    return main(["run", "--source", str(source), "--warehouse", str(tmp_path / "w.duckdb"),
                 "--lake", str(tmp_path / "lake"), "--workers", "1", *extra])


def _runs(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        runs = con.execute("SELECT run_id, flow_run_id IS NOT NULL, files_unchanged, articles_loaded "
                           "FROM pipeline_runs ORDER BY started_at").fetchall()
    finally:
        con.close()
    assert sorted(runs) == runs, "run ids sort in start order, a no-change run's too (it takes about a second)"
    return [run[1:] for run in runs]


def test_record_unchanged_run_skips_prefect_and_records_the_run(prefect_api, seed_source, tmp_path, capsys):
    assert _run(seed_source, tmp_path) == 0
    warehouse = tmp_path / "w.duckdb"
    before = os.stat(warehouse)
    with duckdb.connect(str(warehouse), read_only=True):  # a reader connected all along is not in its way
        assert _run(seed_source, tmp_path) == 0
    assert "seen 1, loaded 0, unchanged 1" in capsys.readouterr().out
    after = os.stat(warehouse)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), "the warehouse was not touched"
    assert _runs(tmp_path) == [(True, 0, 1)]
    assert len(list(tmp_path.glob("w.duckdb.*.pending-run.parquet"))) == 1  # its row waits for the next publication

    (seed_source / "000_d163ad6fdaadeadf.txt").write_text("A corrected first paragraph.\n", encoding="utf-8")
    assert _run(seed_source, tmp_path) == 0
    assert _runs(tmp_path) == [(True, 0, 1), (False, 1, 0), (True, 0, 1)]
    assert list(tmp_path.glob("w.duckdb.*.pending-run.parquet")) == []


def test_record_unchanged_run_leaves_changes_to_the_flow(prefect_api, seed_source, tmp_path):
    assert _run(seed_source, tmp_path) == 0
    (seed_source / "000_d163ad6fdaadeadf.txt").write_text("A corrected first paragraph.\n", encoding="utf-8")
    assert record_unchanged_run(str(seed_source), str(tmp_path / "w.duckdb"), str(tmp_path / "lake")) is None
    assert _run(seed_source, tmp_path) == 0
    assert _runs(tmp_path) == [(True, 0, 1), (True, 0, 1)]


def test_record_unchanged_run_knows_the_source_under_another_spelling(prefect_api, seed_source, tmp_path,
                                                                       monkeypatch):
    assert _run(seed_source, tmp_path) == 0
    monkeypatch.chdir(seed_source.parent)
    summary = record_unchanged_run(seed_source.name, str(tmp_path / "w.duckdb"), str(tmp_path / "lake"))
    assert summary is not None and summary["source"] == str(seed_source)


def test_record_unchanged_run_needs_a_warehouse(seed_source, tmp_path):
    assert record_unchanged_run(str(seed_source), str(tmp_path / "none.duckdb"), str(tmp_path / "lake")) is None


def test_nothing_to_do_when_refusals_are_old_news():
    refused = SeenFile("bad.txt", 0, 1, "e3b0", "id", "quarantined", "empty file")
    known = {"bad.txt": Known(0, 1, "e3b0", "quarantined", "id", "empty file")}
    assert nothing_to_do(Plan(refused=[refused]), known)
    assert not nothing_to_do(Plan(refused=[refused]), {})
    assert not nothing_to_do(Plan(deleted=["gone.txt"]), known)


def test_record_unchanged_run_upgrades_a_warehouse_from_an_older_release(prefect_api, seed_source, tmp_path):
    assert _run(seed_source, tmp_path) == 0
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("ALTER TABLE pipeline_runs DROP COLUMN files_duplicate")  # a column added by a later release
    con.close()
    assert _run(seed_source, tmp_path) == 0
    assert _runs(tmp_path) == [(True, 0, 1), (True, 1, 0)]  # through the flow, which upgraded the copy it published
    assert _run(seed_source, tmp_path) == 0  # and the next run, with nothing to do, skips Prefect
    assert len(list(tmp_path.glob("w.duckdb.*.pending-run.parquet"))) == 1
