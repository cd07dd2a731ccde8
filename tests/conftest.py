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


@pytest.fixture
def seed_source(tmp_path) -> Path:
    """A copy of seeds/ the test may change."""
    source = tmp_path / "source"
    shutil.copytree(SEEDS, source)
    return source
