"""Table and view declarations -> docs/warehouse.md, the column reference (a test keeps it current).

Regenerate with `python -m schemas.docs > docs/warehouse.md`."""
from __future__ import annotations

from schemas import TABLES
from schemas.ddl import DUCKDB_TYPES
from schemas.model import Column, Table
from schemas.views import VIEWS, View


def _column_row(c: Column) -> str:
    notes = []
    if c.allowed:
        notes.append("one of " + ", ".join(f"`{v}`" for v in c.allowed))
    if c.min_value is not None:
        notes.append(f"≥ {c.min_value:g}")
    if not c.staged:
        notes.append("set by the loader")
    extra = f" ({'; '.join(notes)})" if notes else ""
    null = "yes" if c.nullable else "no"
    return f"| `{c.name}` | {DUCKDB_TYPES[c.type]} | {null} | {c.description}{extra} |"


def table_markdown(t: Table) -> str:
    return "\n".join([
        f"### `{t.name}`",
        "",
        f"{t.description} Key: `({', '.join(t.primary_key)})`.",
        "",
        "| column | type | nullable | description |",
        "|---|---|---|---|",
        *(_column_row(c) for c in t.columns),
    ])


def view_markdown(v: View) -> str:
    return "\n".join([f"### `{v.name}` (view)", "", f"{v.grain}.", "", "| column | description |", "|---|---|",
                      *(f"| `{name}` | {text} |" for name, text in v.columns)])


def warehouse_markdown() -> str:
    business = [t for t in TABLES.values() if t.layer == "business"]
    operational = [t for t in TABLES.values() if t.layer == "operational"]
    parts = ["# Warehouse reference", "",
             "Generated from `schemas/` by `python -m schemas.docs`; do not edit by hand.", "",
             "## Business tables (staged to the lake, merged by key)", ""]
    parts += [table_markdown(t) + "\n" for t in business]
    parts += ["## Operational tables (written by the loader)", ""]
    parts += [table_markdown(t) + "\n" for t in operational]
    parts += ["## Reporting views (deleted articles left out)", ""]
    parts += [view_markdown(v) + "\n" for v in VIEWS]
    return "\n".join(parts)


if __name__ == "__main__":
    print(warehouse_markdown(), end="")
