"""Prefect's temporary API for one `news-etl run` (news_etl/temporary_api.py): started only when no API is
configured, and `prepare` makes Prefect's database on a machine where none exists yet."""
import os
import subprocess
import sys
from pathlib import Path

from news_etl import temporary_api

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_start_defers_to_an_api_in_the_environment(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    assert temporary_api.start() is None


def test_prepare_creates_prefects_database_on_a_new_machine(tmp_path):
    home = tmp_path / "prefect-home"  # a machine where Prefect never ran
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    done = subprocess.run([sys.executable, "-c", "from news_etl import temporary_api; temporary_api.prepare()"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (home / "prefect.db").stat().st_size > 0


def test_temporary_api_and_workers_die_with_a_run_killed_by_sigkill(tmp_path):
    """What the OOM killer does: SIGKILL to the run's process alone, in the middle of staging on two local Dask
    workers. Nothing it started (the temporary API, the workers, their fork server) is left running: before,
    the API stayed up for good, reparented to init."""
    from conftest import BBC_GOLD
    from process_tree import run_watched

    from news_etl.replicas import build_replica

    source = tmp_path / "source"
    assert build_replica(BBC_GOLD, source / "r1", 1) + build_replica(BBC_GOLD, source / "r2", 2) == 48
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), NEWS_ETL_PAUSE_AT="stage", NEWS_ETL_PAUSE_SECONDS="120")
    args = [sys.executable, "-m", "news_etl.cli", "run", "--source", str(source), "--warehouse",
            str(tmp_path / "w.duckdb"), "--lake", str(tmp_path / "lake"), "--batch-size", "8", "--workers", "2"]
    done = run_watched(args, env, REPO_ROOT, tmp_path / "run.log", kill_on="paused at stage", grace=10)
    assert done.killed, done.output[-3000:]
    assert done.left == []
