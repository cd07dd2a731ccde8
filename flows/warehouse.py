"""The DuckDB file: open it, create the contract tables and views, read what discovery needs."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow as pa

from flows.discover import Known
from schemas import TABLES
from schemas.arrow import arrow_schema
from schemas.ddl import DUCKDB_TYPES, comment_sql, create_table_sql, sql_literal
from schemas.views import VIEWS, view_sql

MEMORY_LIMIT = "512MB"
# Rows per row group written by the loader (DuckDB's default: 122,880). An insert writes whole row groups
# straight to the file; what is left over goes through the write-ahead log and is written again at the next
# checkpoint. At the default, all 42k articles of N=20 (their bodies: 104 MB) took that double path; at 32k
# the six big inserts, commit and close take 1.6 s instead of 2.6 s, for the same file size and query speed
# (measured). Not stored in the file: it applies to whoever attaches with it, here every loader connection.
ROW_GROUP_SIZE = 32_768


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `news-etl run` first")
    # DuckDB defaults to 80% of RAM; the whole run is meant to stay under 2 GiB, so the load spills beyond this.
    config = {"memory_limit": MEMORY_LIMIT}
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    # ATTACH, not duckdb.connect(path): connect reuses a database this process already has open for the path,
    # which goes on reading the file a run has since replaced (flows/publish.py); ATTACH opens the file as it is.
    options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {ROW_GROUP_SIZE}"
    con = duckdb.connect(config=config)
    try:
        con.execute(f"ATTACH {sql_literal(str(path))} AS warehouse ({options})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create what is missing, columns added since included; comments and views are rewritten so they always
    match the declarations."""
    for table in TABLES.values():
        con.execute(create_table_sql(table))
        for column in table.columns:  # a warehouse made by an older release gains new columns (nullable)
            con.execute(f"ALTER TABLE {table.name} ADD COLUMN IF NOT EXISTS {column.name} {DUCKDB_TYPES[column.type]}")
        for statement in comment_sql(table):
            con.execute(statement)
    for view in VIEWS:
        con.execute(view_sql(view))


def missing_contract(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Declared tables/columns the warehouse lacks (made by an older release): `table.column` names, sorted. One
    catalog query, where `ensure_schema` runs ~300 statements (~0.1 s), for paths that skip the flow."""
    have = set(con.execute("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_catalog = current_database()").fetchall())
    return sorted(f"{t.name}.{c.name}" for t in TABLES.values() for c in t.columns if (t.name, c.name) not in have)


def other_spellings(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    """Sources recorded by earlier runs that name the folder `source` otherwise (a relative path, typed as given
    before sources were made absolute)."""
    return [s for (s,) in con.execute("SELECT DISTINCT source FROM file_manifest WHERE source <> $source",
                                      {"source": source}).fetchall() if os.path.abspath(s) == source]


def _adopt_source_spellings(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Rows that runs recorded under another spelling of `source` become this source's, so its files are not
    loaded again. Where two spellings knew the same path, the row of the later run wins."""
    others = other_spellings(con, source)
    if not others:
        return
    params = {"source": source, "others": others}
    con.execute("BEGIN")
    try:
        con.execute("""DELETE FROM file_manifest m WHERE (m.source = $source OR list_contains($others, m.source))
                         AND EXISTS (SELECT 1 FROM file_manifest n WHERE n.path = m.path
                                       AND (n.source = $source OR list_contains($others, n.source))
                                       AND n.last_run_id > m.last_run_id)""", params)
        con.execute("UPDATE file_manifest SET source = $source WHERE list_contains($others, source)", params)
        con.execute("UPDATE pipeline_runs SET source = $source WHERE list_contains($others, source)", params)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def read_manifest(con: duckdb.DuckDBPyConnection, source: str, adopt: bool = True) -> dict[str, Known]:
    """What file_manifest knows of `source`'s files, rows recorded under an older spelling of it adopted first
    (`adopt`: callers hold the writer lock and write the run's private copy)."""
    if adopt:
        _adopt_source_spellings(con, source)
    # A refusal carried over keeps the stage that made it, so its quarantine row is the same (recorded once).
    # Paths are relative to their source: the stage comes from this source's runs only.
    rows = con.execute("""
        SELECT m.path, m.size_bytes, m.mtime_ns, m.content_sha256, m.status, m.article_id, m.reason, q.stage
        FROM file_manifest m LEFT JOIN (SELECT q.source_uri, q.reason, arg_max(q.stage, q.run_id) AS stage
                                        FROM quarantine q JOIN pipeline_runs r USING (run_id)
                                        WHERE r.source = $source GROUP BY ALL) q
          ON m.status = 'quarantined' AND q.source_uri = m.path AND q.reason = m.reason
        WHERE m.source = $source""", {"source": source}).fetchall()
    return {r[0]: Known(*r[1:]) for r in rows}


def committed_run_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT run_id FROM pipeline_runs WHERE status = 'completed'").fetchall()}


def run_rows(con: duckdb.DuckDBPyConnection, run_ids: list[str]) -> pa.Table:
    """The pipeline_runs rows of `run_ids`, typed as declared."""
    schema = arrow_schema(TABLES["pipeline_runs"])
    return con.sql(f"SELECT {', '.join(schema.names)} FROM pipeline_runs WHERE list_contains($ids, run_id)",
                   params={"ids": run_ids}).to_arrow_table().cast(schema)


def add_pending_runs(con: duckdb.DuckDBPyConnection, rows: pa.Table | None) -> list[str]:
    """Record the rows of runs that changed nothing (flows/nochange.py) that are not recorded yet."""
    if rows is None:
        return []
    con.register("pending_runs", rows)
    try:
        con.execute("INSERT INTO pipeline_runs BY NAME SELECT * FROM pending_runs "
                    "WHERE run_id NOT IN (SELECT run_id FROM pipeline_runs)")
    finally:
        con.unregister("pending_runs")
    return rows["run_id"].to_pylist()
