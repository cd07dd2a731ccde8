"""Table declaration -> Arrow schema (what the lake's Parquet files hold)."""
from __future__ import annotations

import pyarrow as pa

from schemas.model import Table

ARROW_TYPES = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "json": pa.string(),
}


def arrow_schema(table: Table, staged_only: bool = True) -> pa.Schema:
    """The staged schema by default: loader-filled columns are not in the lake."""
    columns = table.staged_columns if staged_only else table.columns
    return pa.schema(
        [pa.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable) for c in columns],
        metadata={"description": table.description},
    )
