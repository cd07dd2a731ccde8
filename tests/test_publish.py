"""flows.publish: the private copy a run loads into, and its publication."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from contextlib import contextmanager

import duckdb
import pytest
from cli_runner import run_args, run_cli
from conftest import BBC_GOLD

from flows.fingerprint import fingerprint_file
from flows.publish import OldLogHeld, discarded_unless_published, make_private_copy, publish


def _commit_only_to_the_log(warehouse, sql: str) -> None:
    """An older release killed after its commit, before the checkpoint: what it committed is only in the log."""
    subprocess.run([sys.executable, "-c", "import duckdb, os, sys; con = duckdb.connect(sys.argv[1]); "
                    "con.execute('PRAGMA disable_checkpoint_on_shutdown'); con.execute(sys.argv[2]); os._exit(0)",
                    str(warehouse), sql], check=True)
    assert warehouse.with_name(warehouse.name + ".wal").exists()


@contextmanager
def _reader(warehouse):
    """Another process (a BI tool, the dashboard) with the warehouse open read-only; yields its pid."""
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1], "
                               "read_only=True); print('open', flush=True); sys.stdin.read()", str(warehouse)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline() == "open\n"
        yield reader.pid
    finally:
        reader.stdin.close()
        reader.wait(timeout=30)


def _refusal(warehouse, pid: int) -> str:
    """The one line a run gives when the old log cannot be folded (the holder as DuckDB names it: its executable)."""
    return (rf"the warehouse {re.escape(str(warehouse))} has a log an older release left beside it "
            rf"\({warehouse.name}\.wal\), which must be folded into the file, and another process has the file open "
            rf"\(\S+ \(PID {pid}\)\): close it \(news-etl dashboard, news-etl sql, a BI tool or notebook\) and run "
            r"again")


def test_make_private_copy_takes_in_a_log_an_older_release_left(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    _commit_only_to_the_log(warehouse, "INSERT INTO t VALUES (2)")

    with discarded_unless_published(warehouse, "r1") as copy:
        assert make_private_copy(warehouse, "r1") == copy
        publish(copy, warehouse)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]


def test_discarded_unless_published_drops_the_copy_of_a_run_that_failed(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    try:
        with discarded_unless_published(warehouse, "r1") as copy:
            make_private_copy(warehouse, "r1")
            raise RuntimeError("the run failed")
    except RuntimeError:
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"] and copy.endswith("w.duckdb.r1.next")


def test_make_private_copy_refuses_in_one_line_to_fold_a_log_a_reader_holds(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    _commit_only_to_the_log(warehouse, "INSERT INTO t VALUES (2)")
    with _reader(warehouse) as pid:
        with pytest.raises(OldLogHeld, match=f"^{_refusal(warehouse, pid)}$"):
            make_private_copy(warehouse, "r1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "w.duckdb.wal"], "nothing touched"

    with discarded_unless_published(warehouse, "r2") as copy:  # the reader gone, the next run folds it
        make_private_copy(warehouse, "r2")
        publish(copy, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]


def test_run_refuses_in_one_line_to_fold_an_old_log_a_reader_holds(cli_env, seed_source, tmp_path):
    """`news-etl run` with a log an older release left and a reader connected: one line, exit status 2, nothing
    changed; once the reader is closed the next run folds the log in and loads."""
    source = seed_source
    warehouse, lake = tmp_path / "w.duckdb", tmp_path / "lake"
    args = run_args(source, warehouse, lake, "--workers", "1")
    assert run_cli(args, cli_env).returncode == 0
    _commit_only_to_the_log(warehouse, "CREATE TABLE older_release AS SELECT 'committed, not checkpointed' AS note")
    shutil.copy(BBC_GOLD / "business_111.txt", source)

    with _reader(warehouse) as pid:
        before = fingerprint_file(warehouse)
        refused = run_cli(args, cli_env)
        assert (refused.returncode, refused.stdout) == (2, ""), refused.stderr[-3000:]
        assert re.fullmatch(f"news-etl run: {_refusal(warehouse, pid)}\n", refused.stderr), refused.stderr[-3000:]
    assert fingerprint_file(warehouse) == before and (tmp_path / "w.duckdb.wal").exists()

    done = run_cli(args, cli_env)
    assert done.returncode == 0 and "loaded 1," in done.stdout, done.stderr[-3000:]
    assert not (tmp_path / "w.duckdb.wal").exists()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT note FROM older_release").fetchall() == [("committed, not checkpointed",)]
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
