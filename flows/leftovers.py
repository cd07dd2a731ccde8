"""What runs killed with SIGKILL (the OOM killer, `kill -9`) left behind, cleaned up by the next run.

A killed run cannot clean up after itself: its flow run stays RUNNING in Prefect's database for good (the
temporary API's runs send no heartbeats, so nothing ever marks them crashed), and the folder multiprocessing made
for the workers' fork server (`pymp-*` in the temporary folder) stays. The next run removes what is provably
dead, under the writer lock. What a killed run left in the lake (its claim `lake/_runs/<run_id>.owner`, its
staging, its load record) goes with its other orphans at discovery (flows/lake.py `Lake.remove_orphans`), which
knows from the lake itself which runs committed.
"""
from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import psutil

HOST = socket.gethostname()


def record_process(client, flow_run) -> None:
    """Name this process in the flow run (`infrastructure_pid` = host:pid), so that a later run can tell it
    died. Not in a run a worker started: the worker sets that field itself and stops the run with it."""
    if flow_run.deployment_id is None and not flow_run.infrastructure_pid:
        client.update_flow_run(flow_run.id, infrastructure_pid=f"{HOST}:{os.getpid()}")


def crash_dead_flow_runs(client, flow_name: str) -> list[str]:
    """Mark crashed the RUNNING runs of the flow whose process, on this machine, is gone; their names."""
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterName,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    running = client.read_flow_runs(
        flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.RUNNING]))))
    crashed = []
    for run in running:
        host, _, pid = (run.infrastructure_pid or "").rpartition(":")
        if host == HOST and pid.isdigit() and not _alive_since(int(pid), run.start_time):
            client.set_flow_run_state(run.id, Crashed(message=f"its process (pid {pid} on {host}) is gone: killed"),
                                      force=True)
            crashed.append(run.name)
    return crashed


def _alive_since(pid: int, started: datetime | None) -> bool:
    """Whether process `pid` exists and is the one that started at `started` (not a later one given its pid)."""
    try:
        created = datetime.fromtimestamp(psutil.Process(pid).create_time(), UTC)
    except psutil.Error:
        return False
    return started is None or created <= started


def remove_dead_pymp_dirs(folder: str | None = None) -> list[str]:
    """multiprocessing's `pymp-*` folders that only hold sockets no process has bound any more (the fork server
    of a killed run); a folder without a socket cannot be told from one being set up, and is kept."""
    folder = folder or tempfile.gettempdir()
    bound = _bound_unix_sockets()
    if bound is None:
        return []
    removed = []
    for path in sorted(Path(folder).glob("pymp-*")):
        try:
            if path.is_symlink() or not path.is_dir() or path.stat().st_uid != os.getuid():
                continue
            entries = list(path.iterdir())
            if entries and all(stat.S_ISSOCK(e.lstat().st_mode) and str(e) not in bound for e in entries):
                shutil.rmtree(path)
                removed.append(path.name)
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return removed


def _bound_unix_sockets() -> set[str] | None:
    """The paths of the Unix sockets bound now (Linux: /proc/net/unix); None where that cannot be known."""
    try:
        lines = Path("/proc/net/unix").read_text(errors="replace").splitlines()[1:]
    except OSError:
        return None
    return {fields[7] for fields in (line.split() for line in lines) if len(fields) >= 8}


def clean_leftovers() -> None:
    """At the start of a flow run, holding the writer lock: every clean-up above, each logged."""
    from prefect import get_run_logger
    from prefect.client.orchestration import get_client
    from prefect.context import get_run_context

    context = get_run_context()
    with get_client(sync_client=True) as client:
        record_process(client, context.flow_run)
        crashed = crash_dead_flow_runs(client, context.flow.name)
    folders = remove_dead_pymp_dirs()
    logger = get_run_logger()
    for what, found in (("marked crashed the flow run(s) of killed runs", crashed),
                        ("removed the multiprocessing folders of killed runs", folders)):
        if found:
            logger.info("%s: %s", what, ", ".join(found))
