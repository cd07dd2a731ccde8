"""What killed runs leave behind, and what the next run may remove of it (flows/leftovers.py, and the lake's
claims with the other orphans of flows/lake.py): only the provably dead, never what a live process, a committed
run or another warehouse's run still uses."""
import socket
from datetime import UTC, datetime

import pyarrow as pa

from flows.lake import Lake
from flows.leftovers import remove_dead_pymp_dirs


def _bound_socket(folder, name="listener-x") -> socket.socket:
    folder.mkdir()
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / name))
    return listener


def test_remove_dead_pymp_dirs_keeps_a_live_servers_and_unknown_folders(tmp_path):
    live = _bound_socket(tmp_path / "pymp-live")
    _bound_socket(tmp_path / "pymp-dead").close()  # the socket file stays, nobody has it bound: a killed run's
    (tmp_path / "pymp-empty").mkdir()  # being set up, or of a process that has not bound anything yet
    (tmp_path / "pymp-file").mkdir()
    (tmp_path / "pymp-file" / "data").write_text("x")
    try:
        assert remove_dead_pymp_dirs(str(tmp_path)) == ["pymp-dead"]
    finally:
        live.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pymp-empty", "pymp-file", "pymp-live"]


def test_remove_orphans_removes_only_the_claims_of_this_warehouses_runs_that_never_committed(tmp_path):
    """A run killed before it staged anything leaves only its claim (`_runs/<run_id>.owner`); one killed after
    recording its load leaves the record too. The next run of the same warehouse removes both; a run the warehouse
    or the lake knows committed, and another warehouse's run, keep theirs."""
    lake = Lake(tmp_path / "lake")
    for run_id, owner in (("R1-dead", "/w/a.duckdb"), ("R2-committed", "/w/a.duckdb"), ("R3-other", "/w/b.duckdb"),
                          ("R4-marked", "/w/a.duckdb"), ("R5-recorded", "/w/a.duckdb")):
        lake.claim(run_id, owner)
    lake.mark_committed("R4-marked", pa.table({"run_id": ["R4-marked"]}))  # the warehouse lost it since
    lake.record_run("R5-recorded", {}, {}, datetime(2026, 1, 1, tzinfo=UTC))  # killed before its publish

    assert lake.remove_orphans({"R2-committed"}, "/w/a.duckdb") == ["R1-dead", "R5-recorded"]
    assert sorted(p.name for p in (tmp_path / "lake" / "_runs").iterdir()) == [
        "R2-committed.owner", "R3-other.owner", "R4-marked.committed.parquet", "R4-marked.owner"]
