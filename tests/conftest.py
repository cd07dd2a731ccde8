"""Shared fixtures: a real Prefect API for flow tests (one per session: it takes ~6 s to start)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_d163ad6fdaadeadf.txt"
BBC_GOLD = REPO / "tests" / "fixtures" / "bbc_gold"


@pytest.fixture(scope="session")
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture(scope="session")
def cli_env(prefect_api) -> dict[str, str]:
    """Environment for `news-etl` subprocesses: they report to the session's Prefect API instead of each
    starting an ephemeral one (seconds saved per run, and no server child left behind by kill -9)."""
    import prefect.settings

    return dict(os.environ, PREFECT_API_URL=prefect.settings.PREFECT_API_URL.value(),
                PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")


@pytest.fixture
def seed_source(tmp_path) -> Path:
    """A copy of seeds/ the test may change."""
    source = tmp_path / "source"
    shutil.copytree(SEEDS, source)
    return source


def pytest_unconfigure(config):
    """The pipeline freezes its long-lived objects (gc.freeze) and Prefect leaves daemon event-loop threads:
    at exit neither is freed, and DuckDB's bindings then print ~50 "nanobind: leaked ..." lines after the test
    summary. Stop the threads and hand the frozen objects back to the collector first."""
    import gc

    from prefect._internal.concurrency import threads

    for loop in (threads._run_sync_loop, threads._global_loop):
        if loop is not None and loop.thread.is_alive():
            loop.shutdown()
            loop.thread.join(5)
    gc.unfreeze()
