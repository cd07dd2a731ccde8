"""`news-etl sql`: a read-only query, printed as an aligned text table."""
from __future__ import annotations

from pathlib import Path

from flows.warehouse import connect


def run_query(warehouse: Path, query: str, max_rows: int = 100) -> str:
    con = connect(warehouse, read_only=True)
    try:
        cursor = con.execute(query)
        names = [d[0] for d in cursor.description or []]
        rows = cursor.fetchmany(max_rows + 1)
    finally:
        con.close()
    return format_table(names, rows, max_rows)


def format_table(names: list[str], rows: list[tuple], max_rows: int) -> str:
    shown = [["" if v is None else str(v) for v in row] for row in rows[:max_rows]]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in shown])) for i, n in enumerate(names)]
    def line(cells):
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in shown)]
    more = " (more not shown; raise --max-rows)" if len(rows) > max_rows else ""
    out.append(f"({len(shown)} row{'s' if len(shown) != 1 else ''}{more})")
    return "\n".join(out)
