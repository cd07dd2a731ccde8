"""The same flow on an existing Dask cluster (a scheduler and two workers on 127.0.0.1), and on the default
local cluster, loads exactly what a run staging in-process loads."""
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BBC_GOLD, REPO
from distributed import Client

from flows.fingerprint import fingerprint_file
from flows.pipeline import news_etl_flow
from news_etl.replicas import build_replica

DASK = Path(sys.executable).parent / "dask"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cluster(prefect_api, tmp_path):
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ, PYTHONPATH=str(REPO), PREFECT_API_URL=PREFECT_API_URL.value(),
               PREFECT_SERVER_ANALYTICS_ENABLED="false")
    address = f"tcp://127.0.0.1:{_free_port()}"
    log = open(tmp_path / "dask.log", "w")
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], env=env, stdout=log, stderr=log, cwd=tmp_path)]
    procs += [subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard",
                                "--name", f"w{i}"], env=env, stdout=log, stderr=log, cwd=tmp_path) for i in (1, 2)]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            yield address, client
    finally:
        for proc in reversed(procs):
            proc.send_signal(signal.SIGTERM)
        for proc in reversed(procs):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


def test_news_etl_flow_on_a_dask_cluster_matches_a_local_run(cluster, tmp_path):
    address, client = cluster
    source = tmp_path / "source"
    files = sum(build_replica(BBC_GOLD, source / f"r{k}", k) for k in range(1, 7))
    assert files == 144
    on_cluster = news_etl_flow(source=str(source), warehouse=str(tmp_path / "cluster.duckdb"),
                               lake=f"file://{tmp_path}/cluster-lake", batch_size=20, dask_address=address)
    local = news_etl_flow(source=str(source), warehouse=str(tmp_path / "local.duckdb"),
                          lake=str(tmp_path / "local-lake"), batch_size=20, workers=1)
    assert on_cluster["files"] == local["files"]
    assert on_cluster["files"]["seen"] == files
    assert fingerprint_file(tmp_path / "cluster.duckdb") == fingerprint_file(tmp_path / "local.duckdb")
    assert len(list((tmp_path / "cluster-lake" / "articles").rglob("part-*.parquet"))) == 8
    # Both workers did some of the 8 batches.
    per_worker = client.run(lambda dask_worker: dask_worker.state.executed_count)
    assert len(per_worker) == 2 and all(n > 0 for n in per_worker.values()) and sum(per_worker.values()) >= 8


def test_run_on_the_default_local_cluster_matches_an_in_process_run(cli_env, tmp_path):
    """What `news-etl run` does with more than one batch: a local Dask cluster whose two workers fork from a
    server that preloaded the pipeline. Same warehouse as staging in-process, and no process left behind."""
    from cli_runner import run_args, run_cli
    from process_tree import run_watched

    source = tmp_path / "source"
    assert build_replica(BBC_GOLD, source / "r1", 1) + build_replica(BBC_GOLD, source / "r2", 2) == 48
    local = run_watched(run_args(source, tmp_path / "local.duckdb", tmp_path / "local-lake", "--batch-size", "8"),
                        cli_env, REPO, tmp_path / "local.log", grace=5)
    assert local.returncode == 0, local.output[-3000:]
    assert "Creating a new Dask cluster" in local.output and "loaded 48" in local.output
    single = run_cli(run_args(source, tmp_path / "single.duckdb", tmp_path / "single-lake", "--batch-size", "8",
                              "--workers", "1"), cli_env, timeout=300)
    assert single.returncode == 0, single.stderr[-3000:]
    assert "Dask" not in single.stderr
    assert fingerprint_file(tmp_path / "local.duckdb") == fingerprint_file(tmp_path / "single.duckdb")
    assert local.left == []  # no worker, fork server or resource tracker outlives the run
