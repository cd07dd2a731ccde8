"""The mistakes a user makes in `news-etl run`'s arguments, found before the run starts: each is one line
naming what to change, instead of a traceback (or, for an unreachable Dask scheduler, a minute of retries).
Only what cannot work is refused; everything else is left to the run."""
from __future__ import annotations

import os
import socket
from pathlib import Path

DASK_CONNECT_TIMEOUT_S = 5.0


def run_problem(args) -> str | None:
    """What is wrong with `run`'s arguments, or None."""
    for check in (_source_problem, _counts_problem, _warehouse_path_problem, _lake_problem, _dask_problem):
        problem = check(args)
        if problem:
            return problem
    return None


def _source_problem(args) -> str | None:
    return None if Path(args.source).is_dir() else f"no source folder at {args.source}"


def _counts_problem(args) -> str | None:
    for option, value in (("--batch-size", args.batch_size), ("--workers", args.workers)):
        if value < 1:
            return f"{option} must be 1 or more (got {value})"
    return None


def _warehouse_path_problem(args) -> str | None:
    warehouse = Path(args.warehouse)
    if warehouse.is_dir():
        return f"--warehouse {warehouse} is a folder: give the DuckDB file's path, e.g. {warehouse / 'news.duckdb'}"
    if warehouse.exists():
        return None if os.access(warehouse, os.R_OK | os.W_OK) else f"cannot write the warehouse {warehouse}"
    folder = warehouse.absolute().parent
    while not folder.exists():  # the run creates the missing folders: the first existing one must take them
        folder = folder.parent
    if not folder.is_dir():
        return f"cannot make the warehouse {warehouse}: {folder} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot make the warehouse {warehouse}: the folder {folder} is read-only"
    return None


def _lake_problem(args) -> str | None:
    """A lake URL whose file system fsspec cannot load (s3:// without s3fs): one line rather than the stage
    task's retries."""
    import fsspec
    from fsspec.core import split_protocol

    protocol = split_protocol(str(args.lake))[0] or "file"
    try:
        fsspec.get_filesystem_class(protocol)
    except (ImportError, ValueError) as err:
        return f"cannot use the lake {args.lake}: {err}"
    return None


def _dask_problem(args) -> str | None:
    """A Dask scheduler that does not answer: refused within seconds (Dask itself retried for ~57 s)."""
    if not args.dask_address:
        return None
    scheme, _, rest = args.dask_address.rpartition("://")
    host, _, port = rest.rpartition(":")
    if scheme not in ("", "tcp", "tls") or not port.isdigit():
        return None  # another transport (ucx, inproc): Dask knows best
    try:
        socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=DASK_CONNECT_TIMEOUT_S).close()
    except OSError as err:
        return f"no Dask scheduler answers at {args.dask_address} ({err.strerror or err})"
    return None


def warehouse_problem(warehouse: str | Path) -> str | None:
    """An existing warehouse file DuckDB cannot open (not a DuckDB file, damaged), or with an older release's log
    that cannot be folded into it now (a reader has it open): named in one line, before Prefect starts."""
    import duckdb

    from flows.publish import OldLogHeld, fold_old_log

    try:
        duckdb.connect(str(warehouse), read_only=True).close()
    except duckdb.Error as err:
        if "lock" in str(err).lower():  # held by a writer of an older release: the run's own errors say it
            return None
        return f"cannot open the warehouse {warehouse}: {str(err).splitlines()[0]}"
    try:
        fold_old_log(warehouse)
    except OldLogHeld as err:
        return str(err)
    return None
