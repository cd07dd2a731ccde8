"""kill -9 a real `news-etl run` at each stage, rerun normally, and get exactly what an uninterrupted run gives.

The run pauses at a known point through the test seam in flows/seam.py (NEWS_ETL_PAUSE_AT), so the kill lands
where the test says, not where a timer happens to fall; `load` is inside the open DuckDB transaction."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import duckdb
import pytest
from cli_runner import kill_tree, run_args, run_cli, start_cli
from conftest import BBC_GOLD, SEED

from flows.fingerprint import fingerprint, fingerprint_file
from news_etl.replicas import build_replica

REPLICAS = 12  # of the 24 dev-set articles: 288 files, big enough for 29 batches of 10, small for a test


def _copy_corpus(target: Path) -> int:
    """Replicas of the in-repo BBC articles, every paragraph made unique per replica (as the benchmark does)."""
    return sum(build_replica(BBC_GOLD, target / f"r{k}", k) for k in range(1, REPLICAS + 1))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, cli_env):
    root = tmp_path_factory.mktemp("crash")
    count = _copy_corpus(root / "source")
    done = run_cli(run_args(root / "source", root / "ref.duckdb", root / "ref-lake", "--batch-size", "10",
                            "--workers", "1"), cli_env)
    assert done.returncode == 0, done.stderr[-3000:]
    with duckdb.connect(str(root / "ref.duckdb"), read_only=True) as con:
        statuses = con.execute("SELECT status, count(*) FROM file_manifest GROUP BY ALL ORDER BY 1").fetchall()
    assert count == 288 and statuses == [("new", 288)]
    return dict(source=root / "source", statuses=statuses, reference=fingerprint_file(root / "ref.duckdb"))


def _kill_when_paused(args: list[str], env: dict, point: str, log: Path) -> None:
    proc = start_cli(args, dict(env, NEWS_ETL_PAUSE_AT=point, NEWS_ETL_PAUSE_SECONDS="120"), log)
    deadline = time.monotonic() + 90
    try:
        while f"news-etl: paused at {point}" not in log.read_text(errors="replace"):
            assert proc.poll() is None, f"run ended before reaching {point}:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"never paused at {point}:\n{log.read_text()[-3000:]}"
            time.sleep(0.05)
    finally:
        kill_tree(proc)


def _staged_run_ids(lake: Path) -> set[str]:
    return {p.name.split("=", 1)[1] for p in lake.glob("*/run_id=*")}


@pytest.mark.parametrize("point", ["discover", "stage", "validate", "load", "publish"])
def test_kill_then_rerun_equals_an_uninterrupted_run(corpus, cli_env, tmp_path, point):
    warehouse, lake = tmp_path / "w.duckdb", tmp_path / "lake"
    args = run_args(corpus["source"], warehouse, lake, "--batch-size", "10", "--workers", "1")
    _kill_when_paused(args, cli_env, point, tmp_path / "killed.log")

    assert not warehouse.exists(), "the dead first run published nothing"
    assert len(list(tmp_path.glob("w.duckdb.*.next"))) == 1  # its private copy is left behind
    dead = _staged_run_ids(lake)
    assert len(dead) == (0 if point == "discover" else 1), dead  # and its staging

    done = run_cli(args, cli_env)  # no --wait: the kill must not have left the warehouse locked
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert f"loaded {dict(corpus['statuses'])['new']}," in done.stdout
    assert fingerprint_file(warehouse) == corpus["reference"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        committed = {r[0] for r in con.execute("SELECT run_id FROM pipeline_runs").fetchall()}
        assert len(committed) == 1
        assert con.execute("SELECT status, count(*) FROM file_manifest GROUP BY ALL ORDER BY 1").fetchall() == \
            corpus["statuses"]
    assert _staged_run_ids(lake) == committed, "the dead run's staging was removed, nothing else is left"
    assert sorted(p.name for p in tmp_path.glob("w.duckdb*")) == ["w.duckdb", "w.duckdb.lock"], "no copy left"


def test_kill_inside_an_incremental_load_changes_nothing_and_the_rerun_catches_up(cli_env, tmp_path):
    """A run that would add version 2 of one article and mark another deleted dies inside its transaction:
    the warehouse is exactly as before it; a rerun ends exactly where an uninterrupted run ends. Only the
    killed run needs a process of its own; the others run the same flow in this one (faster)."""
    from flows.pipeline import news_etl_flow

    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED, source)
    for name in ("business_111.txt", "business_136.txt", "sport_199.txt"):
        shutil.copy(BBC_GOLD / name, source)

    def args(name):
        return run_args(source, tmp_path / f"{name}.duckdb", tmp_path / f"{name}-lake", "--workers", "1")

    def run(name):
        news_etl_flow(source=str(source), warehouse=str(tmp_path / f"{name}.duckdb"),
                      lake=str(tmp_path / f"{name}-lake"), workers=1)

    def state(name):
        with duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True) as con:
            return fingerprint(con), (
                con.execute("SELECT article_id, version, content_sha256, valid_to IS NULL FROM article_versions "
                            "ORDER BY ALL").fetchall(),
                con.execute("SELECT path, status FROM file_manifest ORDER BY ALL").fetchall(),
                con.execute("SELECT count(*) FROM pipeline_runs").fetchone()[0])
    for name in ("killed", "uninterrupted"):
        run(name)
    before = state("killed")
    changed = source / "business_136.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Yushchenko", "Yanukovych"), encoding="utf-8")
    (source / "business_111.txt").unlink()

    _kill_when_paused(args("killed"), cli_env, "load", tmp_path / "killed.log")
    assert state("killed") == before
    run("uninterrupted")
    run("killed")
    after, uninterrupted = state("killed"), state("uninterrupted")
    assert after == uninterrupted and after != before
    assert ("business_111.txt", "deleted") in after[1][1] and after[1][2] == 2
