"""flows.run_ids: run ids sort in the order the runs started (the views and the dashboard list runs by run_id),
also for runs started in the same second, and after the ids of earlier releases."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import flows.run_ids
from flows.run_ids import start_run


def test_start_run_ids_sort_in_start_order_within_one_second():
    started = [start_run() for _ in range(200)]  # far more than one per microsecond can be, all in ~1 ms
    ids = [run_id for run_id, _ in started]
    assert sorted(ids) == ids and len(set(ids)) == 200
    assert all(a[1] < b[1] for a, b in zip(started, started[1:]))
    assert all(run_id.startswith(at.strftime("%Y%m%dT%H%M%S.%fZ-")) for run_id, at in started)


def test_start_run_ids_keep_their_order_when_the_clock_steps_back(monkeypatch):
    clock = iter([datetime(2026, 12, 7, 18, 23, 1, 5, tzinfo=UTC), datetime(2026, 12, 7, 18, 23, 0, 9, tzinfo=UTC)])
    monkeypatch.setattr(flows.run_ids, "utc_now", lambda: next(clock))
    monkeypatch.setattr(flows.run_ids, "_last_start", datetime(2026, 12, 7, tzinfo=UTC))
    (first, first_at), (second, second_at) = start_run(), start_run()
    assert (first[:-6], first_at) == ("20261207T182301.000005Z-", datetime(2026, 12, 7, 18, 23, 1, 5, tzinfo=UTC))
    assert (second[:-6], second_at) == ("20261207T182301.000006Z-", first_at + timedelta(microseconds=1))


def test_start_run_ids_sort_after_the_ids_of_earlier_releases(monkeypatch):
    monkeypatch.setattr(flows.run_ids, "utc_now", lambda: datetime(2026, 12, 7, 18, 23, 1, tzinfo=UTC))
    monkeypatch.setattr(flows.run_ids, "_last_start", datetime(2026, 12, 7, tzinfo=UTC))
    older = ["20261207T182300Z-ffffff", "20261207T182259Z-000000", "20251231T235959Z-abcdef"]  # to the second
    new, _ = start_run()
    assert sorted([new, *older]) == [*sorted(older), new]
