"""`news-etl sql`: one read-only query (through news_etl.readonly), printed as a table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from news_etl.readonly import QueryResult, open_reader, run_query

FORMATS = ("table", "csv", "json")
TABLE_ROWS = 100  # a table is for eyes; CSV and JSON are for pipes and get every row unless told


def query_text(warehouse: Path, sql: str, fmt: str = "table", max_rows: int | None = None,
               max_width: int = 60) -> str:
    """The query's result as `fmt` text. Raises RefusedQuery or WarehouseUnavailable (one-line messages)."""
    if max_rows is None and fmt == "table":
        max_rows = TABLE_ROWS
    con = open_reader(warehouse)
    try:
        result = run_query(con, sql, max_rows)
    finally:
        con.close()
    if fmt == "csv":
        return format_csv(result)
    if fmt == "json":
        return format_json(result)
    return format_table(result, max_width)


def format_table(result: QueryResult, max_width: int = 60) -> str:
    """Aligned columns; a cell wider than `max_width` (0: no limit) is cut and ends with "…"."""
    shown = [["" if v is None else str(v) for v in row] for row in result.rows]
    widths = [max([len(n)] + [len(r[i]) for r in shown]) for i, n in enumerate(result.columns)]
    widths = [min(w, max_width) if max_width > 0 else w for w in widths]

    def line(cells):
        return "  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths]), *(line(r) for r in shown)]
    more = " (more not shown; raise --max-rows)" if result.truncated else ""
    out.append(f"({len(shown)} row{'s' if len(shown) != 1 else ''}{more})")
    return "\n".join(out)


def format_csv(result: QueryResult) -> str:
    """RFC 4180 CSV with a header row; NULL is an empty field."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([[_csv_cell(v) for v in row] for row in result.rows])
    return buffer.getvalue().rstrip("\n")


def format_json(result: QueryResult) -> str:
    """A JSON array of objects, one per row; dates and times as ISO 8601 strings, NULL as null."""
    return json.dumps([dict(zip(result.columns, map(_plain, row))) for row in result.rows], ensure_ascii=False)


def _plain(value):
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _csv_cell(value):
    plain = _plain(value)
    return json.dumps(plain, ensure_ascii=False) if isinstance(plain, (list, dict)) else plain


def _cut(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[:width - 1] + "…"
