"""Readers and the writer never collide: a run succeeds whatever read-only connections are open, a connected
reader keeps one consistent state through the run, readers are never refused during it, and a connection opened
after the run sees it (flows/publish.py)."""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import duckdb
from cli_runner import cli, run_args, run_cli, start_cli
from conftest import BBC_GOLD, SEED

from flows.warehouse import connect

NEW_FILES = ("business_111.txt", "business_136.txt", "sport_199.txt")
COUNTS = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM entities)"


def _seed_warehouse(tmp_path: Path, cli_env: dict) -> tuple[Path, list[str]]:
    """A warehouse holding the seed, and the arguments of a run over the source once three BBC files are added."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED, source)
    args = run_args(source, tmp_path / "w.duckdb", tmp_path / "lake", "--workers", "1")
    done = run_cli(args, cli_env)
    assert done.returncode == 0, done.stderr[-3000:]
    for name in NEW_FILES:
        shutil.copy(BBC_GOLD / name, source)
    return tmp_path / "w.duckdb", args


def _counts(warehouse: Path) -> tuple:
    con = connect(warehouse, read_only=True)  # a connection of its own: never one this process has open already
    try:
        return con.execute(COUNTS).fetchone()
    finally:
        con.close()


def test_run_succeeds_while_a_reader_stays_connected_and_the_reader_sees_one_state(cli_env, tmp_path):
    warehouse, args = _seed_warehouse(tmp_path, cli_env)
    before = _counts(warehouse)
    answers, errors, stop = [], [], threading.Event()
    reader = duckdb.connect(str(warehouse), read_only=True)  # a BI tool's connection, open through the whole run

    def poll():
        while not stop.is_set():
            try:
                answers.append(reader.execute(COUNTS).fetchone())
            except duckdb.Error as err:  # pragma: no cover - what the test exists to catch
                errors.append(str(err))
            time.sleep(0.2)

    polling = threading.Thread(target=poll)
    polling.start()
    try:
        # Paused 2 s at discovery: the reader is connected from before the run starts to after it ends.
        run = start_cli(args, dict(cli_env, NEWS_ETL_PAUSE_AT="discover", NEWS_ETL_PAUSE_SECONDS="2"),
                        tmp_path / "run.log")
        assert run.wait(timeout=180) == 0, (tmp_path / "run.log").read_text()[-3000:]
        time.sleep(0.5)  # the reader goes on after the publication too
    finally:
        stop.set()
        polling.join()
    assert errors == []
    assert len(answers) >= 10 and set(answers) == {before}, "the connected reader saw one state, the one before"
    assert reader.execute(COUNTS).fetchone() == before
    reader.close()
    after = _counts(warehouse)
    assert after[0] == before[0] + len(NEW_FILES) and after[1] > before[1], "a new connection sees the run"


def test_news_etl_sql_answers_all_through_a_run(cli_env, tmp_path):
    warehouse, args = _seed_warehouse(tmp_path, cli_env)
    log = tmp_path / "run.log"
    run = start_cli(args, dict(cli_env, NEWS_ETL_PAUSE_AT="load", NEWS_ETL_PAUSE_SECONDS="6"), log)
    polls = []
    try:
        while run.poll() is None:
            paused = "news-etl: paused at load" in log.read_text(errors="replace")
            done = run_cli(cli("sql", "SELECT count(*) AS n FROM articles", "--warehouse", warehouse), cli_env)
            polls.append((paused, done.returncode, done.stdout.splitlines()[2:3], done.stderr))
    finally:
        assert run.wait(timeout=180) == 0, log.read_text()[-3000:]
    assert [p for p in polls if p[1] != 0] == [], "every poll answered"
    assert any(paused for paused, *_ in polls), "some polls ran while the run was inside its load transaction"
    assert {tuple(p[2]) for p in polls} <= {("1",), ("4",)}, "each poll saw the state before the run, or after it"
    last = run_cli(cli("sql", "SELECT count(*) AS n FROM articles", "--warehouse", warehouse), cli_env)
    assert last.stdout.splitlines()[2] == "4"
