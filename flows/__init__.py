"""Prefect flows and tasks: orchestration and all I/O (files, lake, DuckDB)."""
import os

# Arrow's memory from jemalloc rather than pyarrow's default, mimalloc, in every process that runs the flows
# (the flow's, the batch workers forked after it): jemalloc hands freed memory back to the OS within a second,
# and Great Expectations copies a validation frame per expectation. At N=20 the run's peak RSS fell ~1,790 ->
# ~1,650 MiB (the flow's process ~100 MiB lower, each worker ~30) at the same wall time (alternating runs).
# Read once, when pyarrow is first imported (this package comes first); set the variable to choose another pool
# (a pyarrow built without jemalloc warns and keeps its default).
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
