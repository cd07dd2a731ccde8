"""Great Expectations on the staged tables of a run (pandas DataFrames, ephemeral context).

Every expectation is row-level, so a failure names its rows: those rows' articles are quarantined with the
expectation that failed, and everything else still loads.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from schemas.expectations import expectation_label, expectation_suite, expectations_for
from schemas.model import Table

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass(frozen=True, slots=True)
class ExpectationResult:
    table_name: str
    expectation: str
    success: bool
    element_count: int
    unexpected_count: int


@dataclass(frozen=True, slots=True)
class RowFailure:
    table_name: str
    row_key: str  # primary key values joined by "|"
    article_id: str | None  # the article the row belongs to, when the table has one
    expectation: str


@dataclass
class TableValidation:
    results: list[ExpectationResult] = field(default_factory=list)
    failures: list[RowFailure] = field(default_factory=list)


# Staged data per GX call, as Arrow bytes: pandas and GX hold several copies, so this bounds the memory of
# validation whatever the run's size (32 MiB: a call adds up to ~130 MiB to the process, measured on an N=20
# lake's chunks with Arrow on jemalloc), at ~0.085 s fixed cost per call.
CHUNK_BYTES = 32 << 20


def chunks_of(size_per_part: dict[int, int], limit: int = CHUNK_BYTES) -> list[list[int]]:
    """Staged parts grouped in order so that a group holds at most `limit` bytes (a bigger part stands alone).
    Parts hold whole articles, so per-article keys are complete within any group."""
    chunks, current, size = [], [], 0
    for part in sorted(size_per_part):
        if current and size + size_per_part[part] > limit:
            chunks.append(current)
            current, size = [], 0
        current.append(part)
        size += size_per_part[part]
    return chunks + ([current] if current else [])


class ChunkFiller:
    """Fills validation chunks while batches are still staging, in whatever order they finish: once a table's
    parts added hold `limit` bytes, `add` returns that (table, parts) chunk. Per table, not over all tables:
    every GX call costs ~0.085 s whatever its size (it rebuilds each expectation's metric graph), so a table
    waits until it fills a chunk of its own; the memory of one call is still bounded by `limit`. For
    per-article tables only: a chunk's verdict does not depend on which parts it holds, since parts hold
    whole articles."""

    def __init__(self, tables: list[Table], limit: int | None = None) -> None:
        self.limit = limit or CHUNK_BYTES
        self._parts: dict[str, list[int]] = {t.name: [] for t in tables}
        self._bytes: dict[str, int] = dict.fromkeys(self._parts, 0)

    def add(self, part: int, rows: dict[str, int], nbytes: dict[str, int]) -> list[tuple[str, list[int]]]:
        full = []
        for name, parts in self._parts.items():
            if rows.get(name):
                parts.append(part)
                self._bytes[name] += nbytes[name]
            if self._bytes[name] >= self.limit:
                full.append((name, sorted(parts)))
                self._parts[name], self._bytes[name] = [], 0
        return full


@dataclass
class Validated:
    """Chunks validated so far, by table: (parts, verdict) each."""
    chunks: dict[str, list[tuple[list[int], TableValidation]]] = field(default_factory=lambda: defaultdict(list))

    def record(self, table_name: str, parts: list[int], verdict: TableValidation) -> None:
        self.chunks[table_name].append((parts, verdict))

    def parts(self, table_name: str) -> set[int]:
        return {part for parts, _ in self.chunks.get(table_name, ()) for part in parts}

    def in_order(self, tables: list[Table]) -> list[TableValidation]:
        """Verdicts by table, then by first part, not in the order the chunks finished: the merged results
        list the same expectations in the same order run after run."""
        return [v for t in tables for _, v in sorted(self.chunks.get(t.name, ()), key=lambda c: c[0][0])]


def merge(verdicts: list[TableValidation]) -> TableValidation:
    """Chunk verdicts -> one per run: counts summed per (table, expectation); success only if every chunk passed."""
    merged: dict[tuple[str, str], ExpectationResult] = {}
    for verdict in verdicts:
        for r in verdict.results:
            seen = merged.get((r.table_name, r.expectation))
            merged[(r.table_name, r.expectation)] = r if seen is None else ExpectationResult(
                r.table_name, r.expectation, seen.success and r.success, seen.element_count + r.element_count,
                seen.unexpected_count + r.unexpected_count)
    return TableValidation(list(merged.values()), [f for v in verdicts for f in v.failures])


_loading: threading.Thread | None = None


def preload() -> threading.Thread:
    """Import GX (~2 s) in a background thread, once per process, so validation does not wait for it. Join
    the thread before validating: two threads must not build the GX context at once."""
    global _loading
    if _loading is None:
        _loading = threading.Thread(target=_context, name="gx-preload", daemon=True)
        _loading.start()
    return _loading


@cache
def _context():
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    # GX fingerprints every DataFrame it is given (an md5 over pandas' row hashes, twice per validation) for
    # batch metadata nobody reads here: a third of validation's CPU at N=20, measured. Frames under this
    # threshold are fingerprinted, so 0 turns it off; the verdicts are the same (checked on a 44k-article run).
    pandas_execution_engine.HASH_THRESHOLD = 0

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    # This module sets its own level to INFO, and would log the temporary docs folder of every run's context.
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    loaded = context, context.data_sources.add_pandas("staged")
    gc.freeze()  # GX's objects live as long as the process: out of the way of the full collections
    return loaded


@cache
def _batch_definition(table_name: str):
    _, datasource = _context()
    return datasource.add_dataframe_asset(name=table_name).add_batch_definition_whole_dataframe("run")


def _forget_batches() -> None:
    """GX's execution engine keeps every batch it has seen (the whole DataFrame) for the life of the context:
    drop them, or memory grows with the run (1.3 GB after validating 44k articles, measured)."""
    _, datasource = _context()
    manager = datasource.get_execution_engine().batch_manager
    manager.batch_data_cache.clear()
    manager.reset_batch_cache()


def release_memory() -> None:
    """Hand freed memory back to the OS before the load: Arrow's allocator and glibc's keep what a validation
    chunk used (~150 MB after 44k articles, measured), and the run's peak is what the OS sees."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def columns_needed(table: Table) -> list[str]:
    """Only what the suite reads, plus the keys used to name failing rows: big text columns stay on disk."""
    needed = set(table.primary_key) | ({"article_id"} & {c.name for c in table.staged_columns})
    for expectation in expectations_for(table):
        kwargs = expectation.configuration.kwargs
        needed.update(kwargs.get("column_list") or [kwargs[k] for k in ("column", "column_A", "column_B")
                                                    if k in kwargs])
    return [c.name for c in table.staged_columns if c.name in needed]


def to_frame(data):
    """An Arrow table of staged rows as the pandas DataFrame GX validates. 32-bit integers are widened: GX
    checks bounds on int64 and float64 columns with one vectorised comparison, but calls a Python function
    per value for any other dtype (a third of the validation time, profiled)."""
    import pyarrow as pa

    widened = pa.schema([f.with_type(pa.int64()) if f.type == pa.int32() else f for f in data.schema])
    return data.cast(widened).to_pandas()


# A first pass asks GX for verdicts only: finding no failing row costs it ~2.5x less than listing the failing rows'
# indexes (COMPLETE filters the whole frame per expectation, measured on N=20 chunks). Only a chunk with a failure
# is validated again, COMPLETE, for the indexes; without the pandas "query" GX also builds for them by default: a
# second whole-frame filter per expectation that nothing reads (~12% of validation's CPU at N=20, profiled).
_VERDICTS_ONLY = {"result_format": "BOOLEAN_ONLY"}
_FAILING_ROWS = {"result_format": "COMPLETE", "return_unexpected_index_query": False}


def validate_frame(table: Table, frame) -> TableValidation:
    """Run the table's suite on a pandas DataFrame of staged rows."""
    outcome = TableValidation()
    if frame.empty:
        return outcome
    frame = frame.reset_index(drop=True)
    report = _validate(table, frame, _VERDICTS_ONLY)
    if report.success:  # every expectation is row-level: each saw every row and none failed
        outcome.results = [ExpectationResult(table.name, expectation_label(r.expectation_config), True, len(frame), 0)
                           for r in report.results]
        return outcome
    report = _validate(table, frame, _FAILING_ROWS)
    for result in report.results:
        label = expectation_label(result.expectation_config)
        details = result.result or {}
        outcome.results.append(ExpectationResult(
            table.name, label, bool(result.success), int(details.get("element_count") or len(frame)),
            int(details.get("unexpected_count") or 0)))
        for index in details.get("unexpected_index_list") or []:
            outcome.failures.append(_row_failure(table, frame, int(index), label))
    return outcome


def _validate(table: Table, frame, result_format: dict):
    batch = _batch_definition(table.name).get_batch(batch_parameters={"dataframe": frame})
    report = batch.validate(expectation_suite(table), result_format=result_format)
    _forget_batches()
    return report


def _row_failure(table: Table, frame, index: int, label: str) -> RowFailure:
    row = frame.iloc[index]
    key = "|".join(str(row[k]) for k in table.primary_key)
    article_id = row["article_id"] if "article_id" in frame.columns else None
    return RowFailure(table.name, key, article_id, label)
