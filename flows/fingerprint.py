"""A fingerprint of the business tables: row count and an order-independent content hash per table.

Two warehouses hold the same business data exactly when their fingerprints are equal, whatever the run ids,
the load order or the number of runs it took (crash then rerun, Dask or local). The loader's bookkeeping
columns name runs, so they are left out of the hash. Entities are global rows: each load drops those no article
row mentions any more, but a deleted article keeps its rows (hidden), so a warehouse that saw files deleted
keeps their entities where a fresh load of the remaining files would not have them.
"""
from __future__ import annotations

import duckdb

from flows.warehouse import connect
from schemas.tables import BUSINESS_TABLES

# Filled by the loader with run ids: they differ between two warehouses holding the same data.
BOOKKEEPING = ("first_loaded_run", "last_loaded_run", "deleted_run")


def table_fingerprint(con: duckdb.DuckDBPyConnection, table) -> tuple[int, str]:
    """(rows, md5 over the sorted md5s of the rows as JSON) for one table."""
    names = [c.name for c in table.columns if c.name not in BOOKKEEPING]
    rows, digest = con.execute(f"""
        SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '')
        FROM (SELECT md5(CAST(to_json(t) AS VARCHAR)) AS h
              FROM (SELECT {', '.join(names)} FROM {table.name}) t)""").fetchone()
    return int(rows), digest


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """table -> (rows, content hash) for every business table."""
    return {table.name: table_fingerprint(con, table) for table in BUSINESS_TABLES}


def fingerprint_file(path: str) -> dict[str, tuple[int, str]]:
    """The fingerprint of a warehouse file (`news-etl fingerprint`), opened read-only."""
    con = connect(path, read_only=True)
    try:
        return fingerprint(con)
    finally:
        con.close()
