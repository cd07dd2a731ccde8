"""Where the batches run: an existing Dask cluster, a local one (one worker process per core), or this process.

Local workers fork from a server process that has already imported what a batch needs (Prefect, pyarrow, the
extractor and its gazetteers): spawned from scratch, each worker spent ~3 s importing before its first batch
(measured with py-spy). The server is started at the beginning of the flow, so it imports while discovery runs.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from multiprocessing import forkserver

import dask
from prefect.client.orchestration import get_client
from prefect.task_runners import ThreadPoolTaskRunner
from prefect_dask import DaskTaskRunner

# What a worker imports to run a `stage` task (the task is pickled by reference to flows.pipeline).
WORKER_PRELOAD = ["flows.fork_server"]


def prepare_local_workers(dask_address: str | None, workers: int) -> None:
    """Start the fork server now when the run may use local workers (known only after discovery: started
    before it, the server imports while discovery runs; unused, it costs one idle process)."""
    if dask_address or workers <= 1:
        return
    _share_api_with_workers()  # before the server starts: its children inherit its environment
    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})
    multiprocessing.set_forkserver_preload(WORKER_PRELOAD)
    forkserver.ensure_running()


def stage_runner(dask_address: str | None, workers: int, batch_count: int):
    """An existing Dask cluster when given; a local one when there is parallel work; else this process."""
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    if workers > 1 and batch_count > 1:
        prepare_local_workers(dask_address, workers)  # a no-op when the flow already started it
        logging.getLogger("distributed").setLevel(logging.WARNING)  # cluster start/stop chatter
        # Dask's statistical profiler samples the task thread's stack every 10 ms, and its event loop checks
        # itself every 20 ms, the worker's memory every 0.1 s and the machine every 0.5 s, mostly for a
        # dashboard the local cluster does not serve. Each wake-up takes the GIL from the batch: off / every
        # 1 s / 1 s / 5 s, a worker's CPU per article drops ~2% + ~2% + ~1% (transform_batch in a one-worker
        # cluster, alternating runs). A runaway worker is still paused or restarted within a second.
        dask.config.set({"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
                         "distributed.worker.memory.monitor-interval": "1s",
                         "distributed.admin.system-monitor.interval": "5s"})
        return DaskTaskRunner(cluster_kwargs=dict(n_workers=min(workers, batch_count), threads_per_worker=1,
                                                  processes=True, dashboard_address=None))
    return ThreadPoolTaskRunner(max_workers=1)


def _share_api_with_workers() -> None:
    """Worker processes inherit the environment: point them at this run's API (the ephemeral one included),
    otherwise each would start a temporary API of its own and report its tasks there."""
    if not os.environ.get("PREFECT_API_URL"):
        os.environ["PREFECT_API_URL"] = str(get_client(sync_client=True).api_url)
