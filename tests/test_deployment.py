"""Scheduled operation, for real: a Prefect server, `prefect deploy --all` of prefect.yaml, a process worker.

The server, the CLI and the worker are subprocesses of the interpreter running the tests (found next to
`sys.executable`), with a private PREFECT_HOME under tmp_path: nothing touches the user's Prefect profile
or database. The server runs without its scheduler, so the daily cron never fires a run of its own during
the test; the one run is triggered by hand with parameters pointing at tmp_path.
"""
from __future__ import annotations

import os
import re
import shutil
import time
import tomllib
from pathlib import Path
from uuid import UUID

import duckdb
import yaml

try:
    from tests.prefect_server import PREFECT, prefect_cli, prefect_server, running, tail
except ImportError:  # pytest puts tests/ itself on sys.path when it is not a package
    from prefect_server import PREFECT, prefect_cli, prefect_server, running, tail

REPO = Path(__file__).resolve().parents[1]
DEPLOYMENT = "news-etl/news-etl-daily"
POOL = "news-etl-pool"
RUN_TIMEOUT = 180
PROFILE = ["--profile", "news-etl-server"]
DEFAULTS = {"source": "seeds", "warehouse": "warehouse/news.duckdb", "lake": "lake", "dask_address": None}


def test_prefect_yaml_declares_the_daily_deployment():
    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    (deployment,) = [d for d in config["deployments"] if d["name"] == "news-etl-daily"]
    assert deployment["entrypoint"] == "flows.pipeline.news_etl_flow"
    assert deployment["work_pool"]["name"] == POOL
    assert deployment["parameters"] == DEFAULTS
    assert [(s["cron"], s["timezone"]) for s in deployment["schedules"]] == [("0 6 * * *", "UTC")]
    assert not config.get("build") and not config.get("push")


def _flow_run_id(output: str) -> UUID:
    found = re.search(r"UUID:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", output)
    assert found, f"no flow run id in `prefect deployment run` output:\n{output}"
    return UUID(found.group(1))


def _wait_for_final_state(client, flow_run_id: UUID, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        flow_run = client.read_flow_run(flow_run_id)
        if flow_run.state is not None and flow_run.state.is_final():
            return flow_run
        time.sleep(1)
    return client.read_flow_run(flow_run_id)


def _wait_for_exit(infrastructure_pid: str | None, timeout: float) -> None:
    """Until the flow run's process (its pid as the worker recorded it) has ended."""
    pid = int(str(infrastructure_pid).rpartition(":")[2]) if infrastructure_pid else None
    deadline = time.monotonic() + timeout
    while pid and time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)


def _flow_run_logs(client, flow_run_id: UUID) -> str:
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    try:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
    except Exception as exc:  # noqa: BLE001 - diagnostics only, never hide the real failure
        return f"(could not read logs: {exc!r})"
    return "\n".join(f"{log.level} {log.message}" for log in logs)[-6000:]


def test_prefect_yaml_entrypoint_loads_the_flow_from_its_package():
    """What the process worker does with the entrypoint. The flow's module must be `flows.pipeline`: the batch
    tasks are pickled by reference to it, and a Dask worker of an existing cluster (dask_address) imports it
    by that name (from `flows/pipeline.py:...` the module was `pipeline`: "No module named 'pipeline'")."""
    import cloudpickle
    from prefect.flows import load_flow_from_entrypoint

    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    flow = load_flow_from_entrypoint(config["deployments"][0]["entrypoint"])
    assert flow.fn.__module__ == "flows.pipeline"
    assert b"flows.pipeline" in cloudpickle.dumps(flow.fn.__globals__["stage"])


def test_deploy_and_run_on_a_process_worker(tmp_path: Path):
    assert Path(PREFECT).exists(), f"no prefect executable next to the interpreter ({PREFECT})"
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    source = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", source)
    warehouse, lake = tmp_path / "warehouse" / "news.duckdb", tmp_path / "lake"

    with prefect_server(tmp_path / "prefect-home") as (api_url, env):
        # As docs/scheduling.md says: the server's clients use a profile of their own, the default profile is
        # left alone (for `news-etl run`). prefect.yaml reads the clone's location from $PWD at deploy time.
        profiles = tmp_path / "profiles.toml"
        env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
        env.update(PWD=str(REPO), PREFECT_PROFILES_PATH=str(profiles))
        prefect_cli(["profile", "create", "news-etl-server"], env)
        prefect_cli([*PROFILE, "config", "set", f"PREFECT_API_URL={api_url}"], env)
        prefect_cli([*PROFILE, "work-pool", "create", POOL, "--type", "process"], env)
        prefect_cli([*PROFILE, "deploy", "--all"], env, cwd=REPO)

        with SyncPrefectClient(api_url) as client:
            deployment = client.read_deployment_by_name(DEPLOYMENT)
            assert deployment.work_pool_name == POOL
            schedules = [(s.schedule.cron, s.schedule.timezone, s.active) for s in deployment.schedules]
            assert schedules == [("0 6 * * *", "UTC", True)]
            assert deployment.parameters == DEFAULTS
            assert deployment.pull_steps == [
                {"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}]

            worker_log = tmp_path / "worker.log"
            worker_env = dict(env, PREFECT_WORKER_QUERY_SECONDS="1", PREFECT_WORKER_PREFETCH_SECONDS="5")
            # A process worker ignores its first SIGTERM (it waits for its runs): `signals=2`.
            with running([PREFECT, *PROFILE, "worker", "start", "--pool", POOL, "--type", "process",
                          "--install-policy", "never"], worker_env, worker_log, signals=2, cwd=tmp_path):
                triggered = prefect_cli([*PROFILE, "deployment", "run", DEPLOYMENT,
                                         "--param", f"source={source}",
                                         "--param", f"warehouse={warehouse}",
                                         "--param", f"lake={lake}"], env)
                flow_run_id = _flow_run_id(triggered.stdout + triggered.stderr)
                flow_run = _wait_for_final_state(client, flow_run_id, RUN_TIMEOUT)
                _wait_for_exit(flow_run.infrastructure_pid, 60)  # its last words reach the worker's log

            assert flow_run.state is not None and flow_run.state.is_completed(), (
                f"flow run ended {flow_run.state!r}\n--- flow run logs ---\n"
                f"{_flow_run_logs(client, flow_run_id)}\n--- worker log ---\n{tail(worker_log)}")
            assert flow_run.deployment_id == deployment.id
            assert flow_run.parameters["source"] == str(source)

            artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["news-etl-run-summary"]),
                flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
            assert len(artifacts) == 1 and artifacts[0].type == "markdown"
            summary = artifacts[0].data

    # The flow run's process ended without DuckDB's bindings reporting leaks (`news-etl run` prints none either).
    assert "nanobind" not in worker_log.read_text(errors="replace")
    # The default profile still has no API: `news-etl run` keeps starting its temporary one.
    settings = tomllib.loads(profiles.read_text())
    active = settings.get("active", "ephemeral")
    assert "PREFECT_API_URL" not in settings.get("profiles", {}).get(active, {})
    assert "PREFECT_API_URL" in settings["profiles"]["news-etl-server"]

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("articles", "paragraphs", "related_headlines", "pipeline_runs")}
        run_id, recorded_flow_run = con.execute("SELECT run_id, flow_run_id FROM pipeline_runs").fetchone()
    finally:
        con.close()
    assert counts == {"articles": 1, "paragraphs": 15, "related_headlines": 6, "pipeline_runs": 1}
    assert recorded_flow_run == str(flow_run_id)
    assert f"news-etl run `{run_id}`" in summary and "| paragraphs | 15 |" in summary
    assert any(lake.iterdir()), "nothing staged in the lake"
