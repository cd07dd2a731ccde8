"""`news-etl sql`: a read-only query, printed as an aligned text table."""
from __future__ import annotations

from pathlib import Path

import duckdb

from flows.lock import current_writer
from flows.warehouse import connect


def run_query(warehouse: Path, query: str, max_rows: int = 100, max_width: int = 60) -> str:
    try:
        con = connect(warehouse, read_only=True)
    except duckdb.IOException as err:
        if "lock" not in str(err):
            raise
        # DuckDB lets no reader in while a writer has the file open (a run's discovery or load: seconds).
        raise RuntimeError(f"the warehouse is busy: {current_writer(warehouse)} is writing it; "
                           "try again when its load commits") from err
    try:
        cursor = con.execute(query)
        names = [d[0] for d in cursor.description or []]
        rows = cursor.fetchmany(max_rows + 1)
    finally:
        con.close()
    return format_table(names, rows, max_rows, max_width)


def format_table(names: list[str], rows: list[tuple], max_rows: int, max_width: int = 60) -> str:
    """Aligned columns; a cell wider than `max_width` (0: no limit) is cut and ends with "…"."""
    shown = [["" if v is None else str(v) for v in row] for row in rows[:max_rows]]
    widths = [max([len(n)] + [len(r[i]) for r in shown]) for i, n in enumerate(names)]
    widths = [min(w, max_width) if max_width > 0 else w for w in widths]
    def line(cells):
        return "  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in shown)]
    more = " (more not shown; raise --max-rows)" if len(rows) > max_rows else ""
    out.append(f"({len(shown)} row{'s' if len(shown) != 1 else ''}{more})")
    return "\n".join(out)


def _cut(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[:width - 1] + "…"
