"""Readers never wait for the writer: a run loads into a private copy of the warehouse and publishes it whole.

DuckDB lets one process write a file or many read it, never both: a reader connected to the warehouse would make
the run's load fail, and the load would refuse every reader. So a run never opens the published file for writing.
It copies it beside itself (`<warehouse>.<run_id>.next`: a reflink where the file system has them, a copy in the
kernel otherwise), discovers and loads there, checkpoints and closes the copy, and renames it over the warehouse
path. The rename is atomic: a connection opened before it keeps reading the old file (its inode lives as long as
a reader holds it), one opened after it sees the new run whole. A run killed before the rename leaves the
published file as it was and a private copy that the next run deletes.

Everything is keyed on the warehouse's real path: a symlink or another spelling of it is the same warehouse, and
the rename replaces the file the link points at, not the link.
"""
from __future__ import annotations

import fcntl
import glob
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

FICLONE = 0x40049409  # ioctl(dest, FICLONE, src): share the source's blocks (btrfs, XFS, bcachefs, ...)
SUFFIX = ".next"


def real_path(warehouse: str | Path) -> str:
    return os.path.realpath(warehouse)


def private_copy_path(warehouse: str | Path, run_id: str) -> str:
    return f"{real_path(warehouse)}.{run_id}{SUFFIX}"


class OldLogHeld(RuntimeError):
    """The warehouse has a log an older release left, and another process has the file open: it cannot be folded."""


def make_private_copy(warehouse: str | Path, run_id: str) -> str:
    """The run's private copy of the published warehouse (none yet: DuckDB creates an empty one on open).
    Copies left by runs that died are removed first (the caller holds the writer lock: no run uses them)."""
    remove_leftover_copies(warehouse)
    published, copy = real_path(warehouse), private_copy_path(warehouse, run_id)
    fold_old_log(warehouse)
    if os.path.exists(published):
        Path(copy).parent.mkdir(parents=True, exist_ok=True)
        clone_file(published, copy)
    return copy


def fold_old_log(warehouse: str | Path) -> None:
    """Committed transactions an older release was killed before checkpointing (`<warehouse>.wal`) into the
    published file, before a run copies it: the copy would miss them, and the file published over the old one would
    not open beside that log (DuckDB refuses a log written for another checkpoint of the file). This release never
    leaves a log there (it writes only private copies, checkpointed). Folding opens the file for writing, which
    DuckDB refuses while any other process has it open: OldLogHeld then, in one line that says what to do (the
    caller holds the writer lock, so the other process is a reader)."""
    published = real_path(warehouse)
    if not os.path.exists(f"{published}.wal"):
        return
    try:
        duckdb.connect(published).close()
    except duckdb.IOException as err:
        if "lock" not in str(err).lower():
            raise
        holder = re.search(r"held in (.*\(PID \d+\))", str(err))
        raise OldLogHeld(f"the warehouse {warehouse} has a log an older release left beside it "
                         f"({os.path.basename(published)}.wal), which must be folded into the file, and another "
                         f"process has the file open{f' ({holder.group(1)})' if holder else ''}: close it (news-etl "
                         "dashboard, news-etl sql, a BI tool or notebook) and run again") from None


def clone_file(source: str, target: str) -> None:
    """A reflink when the file system supports one (constant time), else a copy inside the kernel (sendfile)."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        try:
            fcntl.ioctl(dst.fileno(), FICLONE, src.fileno())
            return
        except OSError:
            pass
    shutil.copyfile(source, target)


def publish(copy: str, warehouse: str | Path) -> None:
    """Make the checkpointed and closed private copy the warehouse: durable first, then one atomic rename."""
    fd = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    published = real_path(warehouse)
    os.replace(copy, published)
    _fsync_dir(os.path.dirname(published))


def discard(copy: str) -> None:
    """Drop a private copy that will not be published (the run failed)."""
    for path in (copy, f"{copy}.wal"):
        if os.path.exists(path):
            os.remove(path)


@contextmanager
def discarded_unless_published(warehouse: str | Path, run_id: str) -> Iterator[str]:
    """The path of the run's private copy; whatever is left of it when the block ends (the run failed) goes."""
    copy = private_copy_path(warehouse, run_id)
    try:
        yield copy
    finally:
        discard(copy)


def remove_leftover_copies(warehouse: str | Path) -> list[str]:
    pattern = f"{glob.escape(real_path(warehouse))}.*{SUFFIX}"
    leftovers = sorted(glob.glob(pattern) + glob.glob(f"{pattern}.wal"))
    for path in leftovers:
        os.remove(path)
    return leftovers


def _fsync_dir(folder: str) -> None:
    fd = os.open(folder or ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# A run that finds nothing to do must not copy the warehouse (seconds per GB, for one row): its pipeline_runs row
# waits beside the warehouse, `<warehouse>.<run_id>.pending-run.parquet`, and enters the next published copy.
PENDING = ".pending-run.parquet"


def record_pending_run(warehouse: str | Path, run_id: str, run_row: pa.Table) -> None:
    """Keep the pipeline_runs row of a run that changed nothing for the next run that publishes."""
    path = f"{real_path(warehouse)}.{run_id}{PENDING}"
    pq.write_table(run_row, f"{path}.partial")
    os.replace(f"{path}.partial", path)


def pending_runs(warehouse: str | Path) -> pa.Table | None:
    """The rows of runs that changed nothing since the last publication, or None."""
    paths = sorted(glob.glob(f"{glob.escape(real_path(warehouse))}.*{PENDING}"))
    # Files written before a pipeline_runs column was added lack it: promoted, the column is null there.
    return pa.concat_tables([pq.read_table(p) for p in paths], promote_options="default") if paths else None


def clear_pending_runs(warehouse: str | Path) -> None:
    """Drop the pending rows once the published warehouse holds them (the caller holds the writer lock, so no
    run that changed nothing has written one since the load folded them in)."""
    for path in glob.glob(f"{glob.escape(real_path(warehouse))}.*{PENDING}"):
        os.remove(path)
