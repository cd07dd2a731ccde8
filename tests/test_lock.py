"""One writer at a time, with real `news-etl run` processes on one warehouse: a second run exits promptly naming
the run that holds it, `--wait` queues behind it, and `news-etl sql` readers are not blocked."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import duckdb
from cli_runner import cli, run_args, run_cli, start_cli
from conftest import BBC_GOLD, SEED


def _wait_for(log: Path, text: str, proc, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while text not in log.read_text(errors="replace"):
        assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.05)


def test_second_writer_is_refused_or_waits_and_readers_are_not_blocked(cli_env, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED, source)
    warehouse = tmp_path / "w.duckdb"
    args = run_args(source, warehouse, tmp_path / "lake", "--batch-size", "1", "--workers", "1")
    assert run_cli(args, cli_env).returncode == 0  # the warehouse as readers know it: the seed
    for name in ("business_111.txt", "business_136.txt"):
        shutil.copy(BBC_GOLD / name, source)

    # The first run holds the warehouse, paused mid-stage for 12 s by the test seam (flows/seam.py).
    first = start_cli(args, dict(cli_env, NEWS_ETL_PAUSE_AT="stage", NEWS_ETL_PAUSE_SECONDS="12"),
                      tmp_path / "first.log")
    _wait_for(tmp_path / "first.log", "news-etl: paused at stage", first)
    holder = json.loads(Path(f"{warehouse}.lock").read_text())
    waiter = start_cli([*args, "--wait", "--always-flow"], cli_env, tmp_path / "waiter.log")

    refused = run_cli(args, cli_env, timeout=60)
    assert refused.returncode == 3, refused.stdout[-2000:] + refused.stderr[-2000:]
    assert f"the warehouse is being written by run {holder['run_id']} (pid {first.pid}" in refused.stderr
    assert "--wait" in refused.stderr
    assert first.poll() is None and waiter.poll() is None, "the refused run stopped neither the holder nor the waiter"

    # A reader during the run sees the warehouse as it was before it (the run loads a private copy).
    reading = run_cli(cli("sql", "SELECT count(*) AS n FROM articles", "--warehouse", warehouse), cli_env)
    assert reading.returncode == 0 and reading.stdout.splitlines()[2] == "1", reading.stderr

    assert first.wait(timeout=90) == 0, (tmp_path / "first.log").read_text()[-3000:]
    assert waiter.wait(timeout=90) == 0, (tmp_path / "waiter.log").read_text()[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        runs = con.execute("SELECT run_id, files_new, files_unchanged, started_at, finished_at FROM pipeline_runs "
                           "ORDER BY finished_at").fetchall()
    assert [r[0] for r in runs][1] == holder["run_id"] and len(runs) == 3, "the refused run recorded nothing"
    assert [r[1:3] for r in runs] == [(1, 0), (2, 1), (0, 3)], "the waiter ran after the holder committed, and saw it"
    assert runs[2][3] >= runs[1][4], "the waiter queued (it was started mid-run) and began once the holder committed"

    # After the runs, readers work (nothing left open or locked), and a reader does not block a writer.
    for _ in range(2):
        reading = run_cli(cli("sql", "SELECT count(*) AS n FROM articles", "--warehouse", warehouse), cli_env)
        assert reading.returncode == 0 and reading.stdout.splitlines()[2] == "3", reading.stderr
    assert run_cli(args, cli_env).returncode == 0


def test_run_refused_before_it_starts_prefect(cli_env, tmp_path):
    """A run that finds the warehouse held, even a first run (no warehouse file yet: it would go straight to the
    flow), exits 3 with one line and starts no Prefect flow run: no traceback, no flow log."""
    import subprocess
    import sys

    warehouse = tmp_path / "w.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, json, sys, time; f = open(sys.argv[1], 'w'); "
                               "fcntl.flock(f, fcntl.LOCK_EX); f.write(json.dumps({'run_id': 'R1', 'pid': 1, "
                               "'host': 'h', 'started_at': 't'})); f.flush(); print('held', flush=True); time.sleep(30)",
                               f"{warehouse}.lock"], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        refused = run_cli(run_args(SEED.parent, warehouse, tmp_path / "lake"), cli_env, timeout=60)
    finally:
        holder.kill()
    assert refused.returncode == 3
    assert refused.stderr == ("news-etl run: the warehouse is being written by run R1 (pid 1 on h, started t); "
                              f"lock file {warehouse}.lock. Wait for it to finish, or pass --wait to queue behind it.\n")
    assert not warehouse.exists()


def test_writer_lock_is_keyed_on_the_real_path(cli_env, tmp_path):
    """A symlink to the warehouse is the same writer; a run through it replaces the file, not the link."""
    from flows.lock import WriterLock

    real = tmp_path / "real" / "w.duckdb"
    real.parent.mkdir()
    link = tmp_path / "link.duckdb"
    link.symlink_to(real)
    args = run_args(SEED.parent, link, tmp_path / "lake", "--workers", "1")
    with WriterLock(real, "R-real"):
        refused = run_cli(args, cli_env, timeout=60)
    assert refused.returncode == 3, refused.stdout[-2000:] + refused.stderr[-2000:]
    assert f"the warehouse is being written by run R-real (pid {os.getpid()}" in refused.stderr
    assert f"lock file {real}.lock." in refused.stderr

    done = run_cli(args, cli_env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert link.is_symlink() and link.resolve() == real
    with duckdb.connect(str(real), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
