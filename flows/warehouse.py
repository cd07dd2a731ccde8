"""The DuckDB file: open it, create the contract tables and views, read what discovery needs."""
from __future__ import annotations

from pathlib import Path

import duckdb

from flows.discover import Known
from schemas import TABLES
from schemas.ddl import ddl
from schemas.views import VIEWS, view_sql


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `news-etl run` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path), read_only=read_only)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create what is missing; comments and views are rewritten so they always match the declarations."""
    for table in TABLES.values():
        con.execute(ddl(table))
    for view in VIEWS:
        con.execute(view_sql(view))


def read_manifest(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, Known]:
    rows = con.execute(
        "SELECT path, size_bytes, mtime_ns, content_sha256, status, article_id, reason "
        "FROM file_manifest WHERE source = ?", [source]).fetchall()
    return {r[0]: Known(*r[1:]) for r in rows}


def committed_run_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT run_id FROM pipeline_runs WHERE status = 'completed'").fetchall()}
