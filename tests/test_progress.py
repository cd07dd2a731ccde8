"""Progress per file, not per batch (flows/progress.py), and a summary whose times add up to the wall time."""
import time

import pytest
from conftest import BBC_GOLD

from flows import progress
from flows.stage import FileToLoad, stage_batch
from flows.summary import summary_text


@pytest.fixture
def reports(monkeypatch) -> list[int]:
    """The files reported to the bar, one entry per report, each report as soon as it is made."""
    seen = []
    monkeypatch.setattr(progress, "advance", seen.append)
    monkeypatch.setattr(progress, "REPORT_EVERY_S", 0.0)
    return seen


def test_stage_batch_reports_each_file_as_it_is_done(tmp_path, reports):
    """A batch run in this process (one worker) moves the bar file by file: before, the bar moved only when a
    whole batch (up to 2,000 files, ~10 s) was done. A file refused before it is transformed counts too."""
    names = sorted(p.name for p in BBC_GOLD.glob("*.txt"))[:5]
    files = [FileToLoad(name, f"id{i}", "") for i, name in enumerate(names)] + [FileToLoad("missing.txt", "x", "")]
    report = stage_batch(str(BBC_GOLD), files, str(tmp_path / "lake"), "run1", 0)
    assert [r.source_uri for r in report.rejected] == ["missing.txt"]
    assert reports == [1, 1, 1, 1, 1, 1]


def test_progress_follows_the_files_a_dask_worker_reports(reports, monkeypatch):
    """On a Dask worker, the reports travel to the flow's process as events on the run's own topic."""
    from distributed import Client, LocalCluster

    monkeypatch.setattr(progress, "_bar", object())  # a bar is showing
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        with progress.following(client, "run1"):
            assert client.submit(lambda: len(list(progress.counted(range(4), "run1", 5)))).result() == 4
            deadline = time.monotonic() + 20
            while sum(reports) < 5 and time.monotonic() < deadline:
                time.sleep(0.05)
    assert reports == [1, 1, 1, 1, 1]


def test_summary_time_adds_up_to_the_wall_time():
    summary = {"run_id": "R", "files": {"seen": 1}, "rows": {"articles": 1}, "warehouse": "w.duckdb",
               "seconds": {"discover": 1.0, "stage": 2.5, "validate": 0.25, "load": 0.5},
               "validation": {"passed": 1, "expectations": 1, "failed_rows": 0}, "quarantined": []}
    lines = summary_text(summary, "news-etl", wall_seconds=7.0).splitlines()
    assert lines[2] == ("time: 7.00s in all: discover 1.00s, stage 2.50s, validate 0.25s, load 0.50s, "
                        "start-up and other 2.75s")
