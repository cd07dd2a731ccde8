"""What killed runs leave behind, and what the next run may remove of it (flows/leftovers.py): only the provably
dead, never what a live process or another warehouse's run still uses."""
import socket

from flows.leftovers import remove_dead_pymp_dirs, remove_unstaged_claims


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


def test_remove_unstaged_claims_removes_only_this_warehouses_runs_that_never_staged(tmp_path):
    lake = tmp_path / "lake"
    runs = lake / "_runs"
    runs.mkdir(parents=True)
    for run_id, owner in (("R1-dead", "/w/a.duckdb"), ("R2-committed", "/w/a.duckdb"), ("R3-other", "/w/b.duckdb"),
                          ("R4-staged", "/w/a.duckdb"), ("R5-recorded", "/w/a.duckdb")):
        (runs / f"{run_id}.owner").write_text(owner)
    (runs / "R5-recorded.committed").write_text("")  # any other record of a run keeps its claim
    (lake / "articles" / "run_id=R4-staged").mkdir(parents=True)
    assert remove_unstaged_claims(str(lake), "/w/a.duckdb", {"R2-committed"}) == ["R1-dead"]
    assert sorted(p.name for p in runs.iterdir()) == [
        "R2-committed.owner", "R3-other.owner", "R4-staged.owner", "R5-recorded.committed", "R5-recorded.owner"]
