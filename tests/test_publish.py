"""flows.publish: the private copy a run loads into, and its publication."""
from __future__ import annotations

import subprocess
import sys

import duckdb

from flows.publish import discarded_unless_published, make_private_copy, publish


def test_make_private_copy_takes_in_a_log_an_older_release_left(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    # An older release killed after its commit, before the checkpoint: the committed row is only in the log.
    subprocess.run([sys.executable, "-c", "import duckdb, os, sys; con = duckdb.connect(sys.argv[1]); "
                    "con.execute('PRAGMA disable_checkpoint_on_shutdown'); con.execute('INSERT INTO t VALUES (2)'); "
                    "os._exit(0)", str(warehouse)], check=True)
    assert (tmp_path / "w.duckdb.wal").exists()

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
