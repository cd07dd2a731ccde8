"""The dashboard's read path: the same read-only reader as `news-etl sql` (news_etl.readonly), results cached per
committed run.

Every cache miss opens a reader, runs its query and closes it: the dashboard holds no connection between page
loads, so it never keeps a run waiting, and a page opened (or refreshed) after a run commits sees that run. The
cache key is the warehouse file's identity (inode, mtime, size: a published run replaces or rewrites the file)
and the last committed run_id read from it, so an unchanged warehouse is queried once per query and parameters.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from news_etl.dashboard import WAREHOUSE_ENV, queries
from news_etl.readonly import QueryResult, WarehouseUnavailable, open_reader, run_query
from schemas import TABLES
from schemas.views import VIEWS

DEFAULT_WAREHOUSE = "warehouse/news.duckdb"
SQL_MAX_ROWS = 1000
# Every declared table and mart with its columns: a warehouse lacking one was made by an older release.
DECLARED = {**{t.name: tuple(c.name for c in t.columns) for t in TABLES.values()},
            **{v.name: tuple(name for name, _ in v.columns) for v in VIEWS}}


class EmptyWarehouse(Exception):
    """The warehouse holds no committed run yet."""


@dataclass(frozen=True)
class Snapshot:
    """One committed state of the warehouse: what every query of a page load is keyed on."""
    path: str
    stamp: tuple[int, int, int]  # inode, mtime_ns, size
    run_id: str


def warehouse_path() -> str:
    return os.path.abspath(os.environ.get(WAREHOUSE_ENV, DEFAULT_WAREHOUSE))


def snapshot(path: str) -> Snapshot:
    """The committed state at `path`; WarehouseUnavailable (missing, corrupt, older schema) or EmptyWarehouse."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise WarehouseUnavailable(f"no warehouse at {path}: run `news-etl run` first") from None
    except OSError as err:
        raise WarehouseUnavailable(f"cannot read the warehouse {path}: {err.strerror}") from None
    return _snapshot(path, (info.st_ino, info.st_mtime_ns, info.st_size))


@st.cache_data(max_entries=8, show_spinner=False)
def _snapshot(path: str, stamp: tuple[int, int, int]) -> Snapshot:
    con = open_reader(path)
    try:
        _check_schema(con, path)
        run_id = con.execute(queries.LAST_RUN).fetchone()[0]
    finally:
        con.close()
    if run_id is None:
        raise EmptyWarehouse(f"the warehouse {path} holds no committed run yet: load articles with "
                             "`news-etl run --source DIR`")
    return Snapshot(path, stamp, run_id)


def _check_schema(con, path: str) -> None:
    """A warehouse made by an older release (or another DuckDB file) lacks declared relations or columns."""
    have = set(con.execute(queries.COLUMNS).fetchall())
    missing = sorted(DECLARED.keys() - {relation for relation, _ in have}) or sorted(
        f"{name}.{column}" for name, columns in DECLARED.items() for column in columns if (name, column) not in have)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise WarehouseUnavailable(f"the warehouse {path} has an older schema (no {shown}): run `news-etl run` "
                                   "on it with this release to upgrade it")


def fetch(snap: Snapshot, sql: str, **params) -> pd.DataFrame:
    """The rows of one of `queries`, from the cache when this committed run already answered it."""
    return _fetch(snap.path, snap.stamp, snap.run_id, sql, tuple(sorted(params.items())))


@st.cache_data(max_entries=512, show_spinner=False)
def _fetch(path: str, stamp: tuple, run_id: str, sql: str, params: tuple) -> pd.DataFrame:
    con = open_reader(path)
    try:
        return con.execute(sql, dict(params)).df()
    finally:
        con.close()


def user_query(snap: Snapshot, sql: str) -> QueryResult:
    """A user's SQL through the guard of `news-etl sql` (RefusedQuery when it is not one read-only statement);
    not cached: the box is for trying things."""
    con = open_reader(snap.path)
    try:
        return run_query(con, sql, max_rows=SQL_MAX_ROWS)
    finally:
        con.close()


def label(path: str) -> str:
    """The warehouse as the page names it: relative to the working folder when inside it."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(Path(path))
