"""The main flow: copy → discover → stage (read, decode, segment, extract, Parquet) → validate → load → publish
→ summary."""
from __future__ import annotations

import atexit
import gc
import json
import os
import time
from contextlib import nullcontext
from datetime import date
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pyarrow as pa  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import get_run_context  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402
from prefect_dask import DaskTaskRunner  # noqa: E402

from flows import progress  # noqa: E402
from flows.accounting import RunOutcome, charge_entity_failures  # noqa: E402
from flows.discover import Plan, discover, source_key  # noqa: E402
from flows.lake import Lake  # noqa: E402
from flows.leftovers import clean_leftovers  # noqa: E402
from flows.load import RunTimes, StagingChanged, load_run  # noqa: E402
from flows.lock import WriterLock  # noqa: E402
from flows.publish import (  # noqa: E402
    clear_pending_runs,
    discarded_unless_published,
    make_private_copy,
    pending_runs,
    publish,
    real_path,
)
from flows.run_ids import start_run, utc_now  # noqa: E402
from flows.seam import pause_at  # noqa: E402
from flows.stage import Batch, BatchReport, FileToLoad, stage_batch  # noqa: E402
from flows.summary import run_summary, summary_markdown  # noqa: E402
from flows.validate import (  # noqa: E402
    ChunkFiller,
    TableValidation,
    Validated,
    chunks_of,
    columns_needed,
    merge,
    preload,
    release_memory,
    to_frame,
    validate_frame,
)
from flows.warehouse import (  # noqa: E402
    add_pending_runs,
    committed_run_ids,
    connect,
    ensure_schema,
    read_manifest,
    run_rows,
)
from flows.workers import prepare_local_workers, stage_runner  # noqa: E402
from schemas import TABLES  # noqa: E402
from schemas.tables import BUSINESS_TABLES  # noqa: E402


@task(retries=2, retry_delay_seconds=1)
def copy_warehouse(warehouse: str, run_id: str) -> str:
    """The run's private copy of the published warehouse, where it discovers and loads (flows/publish.py)."""
    return make_private_copy(warehouse, run_id)


@task(retries=2, retry_delay_seconds=1)
def discover_files(source: str, copy: str, warehouse: str, lake: str, retry_quarantined: bool, run_id: str,
                   reprocess: bool = False) -> Plan:
    """Read the manifest (in the run's private `copy` of the warehouse: readers of the published file are never
    in the way), drop staging left by this warehouse's dead runs, claim the lake for this run, and decide what
    this run must load."""
    con = connect(copy)
    staging, owner = Lake(lake), real_path(warehouse)
    try:
        ensure_schema(con)
        known = read_manifest(con, source)
        committed = committed_run_ids(con)
        for unmarked in staging.unmarked(committed):  # published, then killed before the lake was told
            staging.mark_committed(unmarked, run_rows(con, [unmarked]))
    finally:
        con.close()
    orphans = staging.remove_orphans(committed, owner)
    if orphans:
        get_run_logger().info("removed the staging and lake claims of %d unfinished run(s): %s", len(orphans),
                              ", ".join(orphans))
    staging.claim(run_id, owner)
    pause_at("discover")  # test seam (flows/seam.py): inert unless NEWS_ETL_PAUSE_AT is set
    return discover(Path(source), known, retry_quarantined, reprocess)


# Tasks whose inputs are big (a batch's 2,000 files, the run's reports) do not hash them for a cache key that
# nothing reads: NO_CACHE.
@task(retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def stage(source: str, batch: Batch, lake: str, run_id: str, part: int, reference_date: date | None
          ) -> BatchReport:
    return stage_batch(source, batch.files, lake, run_id, part, reference_date)


@task(cache_policy=NO_CACHE)
def validate_chunks(lake: str, run_id: str, chunks: list[tuple[str, list[int]]]) -> list[TableValidation]:
    """Chunks filled while staging, (table, parts) each, through their suites: one task for them all
    (each task run costs the API and this process a few round trips)."""
    verdicts = []
    for table_name, parts in chunks:
        verdicts.append(validate_chunk(lake, run_id, table_name, parts))
        release_memory()  # the workers are still staging: keep this process's peak to one chunk
    return verdicts


def validate_chunk(lake: str, run_id: str, table_name: str, parts: list[int]) -> TableValidation:
    """The staged rows of some parts of one table through the table's Great Expectations suite."""
    table = TABLES[table_name]
    frame = to_frame(Lake(lake).dataset(table, run_id, parts).to_table(columns=columns_needed(table)))
    if "article_id" not in frame.columns:  # global tables: batches repeat the same entity rows
        frame = frame.drop_duplicates()
    return validate_frame(table, frame)


@task(cache_policy=NO_CACHE)
def validate_staged(lake: str, run_id: str, reports: list[BatchReport], done: Validated | None = None
                    ) -> TableValidation:
    """Every staged row of the run not in `done` (chunks validated while staging) through its table's Great
    Expectations suite, in chunks of bounded size; one verdict for the run.

    This runs here, in the flow's process, rather than on the batch workers: GX costs each process ~135 MB."""
    pause_at("validate")  # test seam (flows/seam.py)
    done = done or Validated()
    for table in BUSINESS_TABLES:
        validated = done.parts(table.name)
        sizes = {r.part: r.nbytes[table.name] for r in reports if r.rows.get(table.name) and r.part not in validated}
        for parts in chunks_of(sizes):
            done.record(table.name, parts, validate_chunk(lake, run_id, table.name, parts))
    verdict = merge(done.in_order(BUSINESS_TABLES))
    verdict.failures += charge_entity_failures(Lake(lake), run_id, verdict.failures)  # entities have no article
    release_memory()
    return verdict


class ValidateWhileStaging:
    """Called with each staged batch: validates every chunk of a per-article table as soon as it is full,
    while the other batches still stage, so that only the last partial chunks (and the entity tables, whose
    rows repeat across batches) are left for `validate_staged`."""

    def __init__(self, lake: str, run_id: str) -> None:
        self.lake, self.run_id = lake, run_id
        self.filler = ChunkFiller([t for t in BUSINESS_TABLES if _per_article(t)])
        self.done = Validated()
        self.gx_loading = None

    def begin(self) -> None:
        """The batches are submitted (a local cluster is up): import GX in the background now. Imported while
        the cluster started, it held the GIL and made the start-up seconds slower (measured at N=20)."""
        self.gx_loading = preload()

    def __call__(self, report: BatchReport) -> None:
        full = self.filler.add(report.part, report.rows, report.nbytes)
        if full:
            self.gx_loading.join()
            for (table_name, parts), verdict in zip(full, validate_chunks(self.lake, self.run_id, full)):
                self.done.record(table_name, parts, verdict)

    def finish(self) -> Validated:
        if self.gx_loading:
            self.gx_loading.join()
        return self.done


def _retry_unless_staging_changed(task, task_run, state) -> bool:
    return not isinstance(state.data, StagingChanged)  # a changed part stays changed: refuse the run at once


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE, retry_condition_fn=_retry_unless_staging_changed)
def load(copy: str, warehouse: str, lake: str, outcome: RunOutcome, times: RunTimes, flow_run_id: str
         ) -> tuple[dict[str, int], pa.Table]:
    """The run into its private copy, with the rows of runs that changed nothing since the last publication;
    then a checkpoint, so that the copy is one whole file. Returns rows inserted and the run's pipeline_runs row."""
    con = connect(copy)
    try:
        if outcome.run_id in committed_run_ids(con):  # a retry after the commit: the copy holds the run already
            inserted = json.loads(run_rows(con, [outcome.run_id])["row_counts"][0].as_py())
        else:
            inserted = load_run(con, Lake(lake), outcome, times, flow_run_id, utc_now)
        # Also on a retry: the attempt that committed may have failed before these (both are idempotent), and
        # publishing clears the pending rows.
        add_pending_runs(con, pending_runs(warehouse))
        con.execute("CHECKPOINT")
        return inserted, run_rows(con, [outcome.run_id])
    finally:
        con.close()


@task(cache_policy=NO_CACHE)
def publish_run(copy: str, warehouse: str, lake: str, run_id: str, run_row: pa.Table) -> None:
    """The private copy becomes the warehouse (one atomic rename), then the lake learns that the run committed."""
    pause_at("publish")  # test seam (flows/seam.py): loaded and checkpointed, not published
    publish(copy, warehouse)
    Lake(lake).mark_committed(run_id, run_row)
    clear_pending_runs(warehouse)


def batches_of(plan: Plan, batch_size: int, workers: int = 1) -> list[Batch]:
    """The files to load in batches of at most `batch_size`, as even as can be, and as many as a multiple of
    `workers`: every worker then gets the same share, and none idles while another stages a last batch
    (44,100 files in 2,000s: 23 batches, the last of 100 files; here 24 of 1,837-1,838)."""
    files = [FileToLoad(f.path, f.article_id, f.content_sha256) for f in plan.to_load]
    count = -(-len(files) // batch_size)
    if count > 1 and workers > 1:
        count = min(-(-count // workers) * workers, len(files))
    size, larger = divmod(len(files), count) if count else (0, 0)
    bounds = [i * size + min(i, larger) for i in range(count + 1)]  # the first `larger` batches hold one more
    return [Batch(files[lo:hi]) for lo, hi in zip(bounds, bounds[1:])]


def _per_article(table) -> bool:
    return any(c.name == "article_id" for c in table.staged_columns)


def stage_batches(runner, source: str, batches: list[Batch], lake: str, run_id: str,
                  reference_date: date | None, validating: ValidateWhileStaging) -> list[BatchReport]:
    """Every batch as one `stage` task on `runner`; the files are read where the task runs. Each report is
    handed to `validating` as its batch finishes."""
    logger = get_run_logger()
    progress.start(sum(len(b) for b in batches))  # the batches report their files as they go (flows/progress.py)
    reports = []
    try:
        with progress.following(runner.client, run_id) if isinstance(runner, DaskTaskRunner) else nullcontext():
            futures = [runner.submit(stage, parameters=dict(source=source, batch=batch, lake=lake, run_id=run_id,
                                                             part=part, reference_date=reference_date))
                       for part, batch in enumerate(batches)]
            if futures:
                validating.begin()
            for future in as_completed(futures):
                report = future.result()
                reports.append(report)
                validating(report)
                logger.info("batch %d/%d staged: %d files, %d rejected", len(reports), len(batches),
                            len(batches[report.part]), len(report.rejected))
    finally:
        progress.finish()  # a failed batch too: the bar's refresh thread must not outlive the staging
    return sorted(reports, key=lambda r: r.part)


def _free_frozen_objects() -> None:
    """At the exit of a flow run's process that Prefect started (a deployment's run, on a worker): a batch staged
    in this process froze what it found alive (flows/stage.py), DuckDB's objects among them, and the bindings
    printed ~40 "nanobind: leaked ..." lines into the worker's log when the interpreter ended without freeing
    them. Collected first (~0.4 s), they are freed. `news-etl run` ends its process its own way (news_etl/cli.py)."""
    gc.unfreeze()
    gc.collect()


@flow(name="news-etl", task_runner=ThreadPoolTaskRunner(max_workers=1))
def news_etl_flow(source: str = "seeds", warehouse: str = "warehouse/news.duckdb", lake: str = "lake",
                  batch_size: int = 2000, reference_date: date | None = None,
                  retry_quarantined: bool = False, wait: bool = False, workers: int = 2,
                  dask_address: str | None = None, reprocess: bool = False) -> dict:
    """Load the article files under `source` into the DuckDB `warehouse`, staging Parquet in `lake`.
    `reprocess` extracts unchanged files again too (after an extractor upgrade)."""
    source, (run_id, started_at) = source_key(source), start_run()
    flow_run_id = str(get_run_context().flow_run.id)
    if get_run_context().flow_run.deployment_id:
        atexit.unregister(_free_frozen_objects)  # once, whatever the runs in this process
        atexit.register(_free_frozen_objects)
    # A run that fails leaves no private copy behind (once published, the copy is the warehouse: nothing to drop).
    with WriterLock(warehouse, run_id, wait=wait), discarded_unless_published(warehouse, run_id) as copy:
        prepare_local_workers(dask_address, workers)
        clean_leftovers()  # of runs killed before they could (flows/leftovers.py)
        t0 = time.perf_counter()
        copy_warehouse(warehouse, run_id)
        tc = time.perf_counter()
        plan = discover_files(source, copy, warehouse, lake, retry_quarantined, run_id, reprocess)
        t1 = time.perf_counter()
        batches = batches_of(plan, batch_size, 1 if dask_address else workers)
        validating = ValidateWhileStaging(lake, run_id)
        with stage_runner(dask_address, workers, len(batches)) as runner:
            reports = stage_batches(runner, source, batches, lake, run_id, reference_date, validating)
        t2 = time.perf_counter()
        verdict = validate_staged(lake, run_id, quote(reports), quote(validating.finish()))
        t3 = time.perf_counter()
        outcome = RunOutcome(run_id, source, plan, reports, verdict.results, verdict.failures)
        inserted, row = load(copy, warehouse, lake, quote(outcome), RunTimes(started_at, t1 - tc, t2 - t1, t3 - t2),
                             flow_run_id)
        t4 = time.perf_counter()
        publish_run(copy, warehouse, lake, run_id, quote(row))
        t5 = time.perf_counter()
    seconds = [t1 - tc, t2 - t1, t3 - t2, t4 - t3, (tc - t0) + (t5 - t4)]
    summary = run_summary(outcome, warehouse, lake, inserted, seconds)
    create_markdown_artifact(markdown=summary_markdown(summary), key="news-etl-run-summary",
                             description=f"news-etl run {run_id}")
    return summary
