"""The one door for a user's SQL (`news-etl sql`, the dashboard): exactly one statement that reads the warehouse.

Two layers, both DuckDB's own rather than a pattern over the text:
- the connection: read-only, no file system or network access from SQL (`enable_external_access=false`:
  no COPY/EXPORT/ATTACH targets, no `read_*`, `glob`, `parquet_scan`, no extension install or load), and its
  configuration locked (`lock_configuration=true`: no SET/RESET of limits);
- the statement: DuckDB's parser splits the text and types each statement; only one SELECT (which is also
  what DESCRIBE, SHOW, SUMMARIZE, VALUES, FROM-first and PIVOT ... IN parse to) or an EXPLAIN of one passes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from schemas.ddl import sql_literal

READER_CONFIG = {  # set in this order
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,  # last: it freezes every setting above
}


class WarehouseUnavailable(Exception):
    """The warehouse cannot be read (missing, not a DuckDB file, a directory): the message is one line."""


class RefusedQuery(Exception):
    """The text is not exactly one statement that only reads: the message says why, in one line."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    truncated: bool  # more rows than `max_rows` existed


def open_reader(warehouse: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that can reach nothing but the warehouse itself."""
    path = Path(warehouse)
    if not path.exists():
        raise WarehouseUnavailable(f"no warehouse at {path}: run `news-etl run` first")
    if path.is_dir():
        raise WarehouseUnavailable(f"{path} is a directory, not a DuckDB warehouse file")
    # ATTACH, not duckdb.connect(path): within one process (the dashboard's sessions) connect hands back the
    # database already open for that path, which is the file as it was before a run published a new one.
    # The guards are set once the warehouse is attached: with external access off, ATTACH itself is refused.
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {sql_literal(str(path))} AS warehouse (READ_ONLY)")
        con.execute("USE warehouse")
        for name, value in READER_CONFIG.items():  # all booleans
            con.execute(f"SET {name} = {str(value).lower()}")
    except duckdb.Error as err:
        con.close()
        first_line = str(err).splitlines()[0]
        raise WarehouseUnavailable(f"cannot open the warehouse {path}: {first_line}") from err
    return con


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one statement of `sql` if it only reads; RefusedQuery otherwise."""
    statement = _only_statement(con, sql)
    explained = statement.type == duckdb.StatementType.EXPLAIN
    inner = _only_statement(con, _explained(statement.query)) if explained else statement
    if inner.type != duckdb.StatementType.SELECT:
        kind = inner.type.name
        article = "an" if kind[0] in "AEIOU" else "a"
        raise RefusedQuery("only a query that reads is allowed (SELECT, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE, "
                           f"EXPLAIN of one); this is {'an EXPLAIN of ' if explained else ''}{article} {kind} "
                           "statement")
    return statement.query


def run_query(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int | None = None) -> QueryResult:
    """Check `sql`, run it, and fetch at most `max_rows` rows (all when None)."""
    cursor = con.execute(check_read_only(con, sql))
    columns = [d[0] for d in cursor.description or []]
    if max_rows is None:
        return QueryResult(columns, cursor.fetchall(), False)
    rows = cursor.fetchmany(max_rows + 1)
    return QueryResult(columns, rows[:max_rows], len(rows) > max_rows)


def _only_statement(con: duckdb.DuckDBPyConnection, sql: str):
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as err:
        raise RefusedQuery(str(err).splitlines()[0]) from err
    if not statements:
        raise RefusedQuery("the query is empty")
    if len(statements) > 1:
        raise RefusedQuery(f"one statement at a time; this text holds {len(statements)}")
    return statements[0]


def _explained(sql: str) -> str:
    """The statement an EXPLAIN [ANALYZE] [(options)] wraps, located with DuckDB's tokenizer."""
    tokens = duckdb.tokenize(sql)
    i = 1  # past EXPLAIN
    if i < len(tokens) and _word(sql, tokens, i) == "ANALYZE":
        i += 1
    if i < len(tokens) and _word(sql, tokens, i) == "(":
        depth = 0
        for j in range(i, len(tokens)):
            depth += {"(": 1, ")": -1}.get(_word(sql, tokens, j), 0)
            if depth == 0:
                i = j + 1
                break
    if i >= len(tokens):
        raise RefusedQuery("EXPLAIN of nothing")
    return sql[tokens[i][0]:]


def _word(sql: str, tokens: list, i: int) -> str:
    end = tokens[i + 1][0] if i + 1 < len(tokens) else len(sql)
    return sql[tokens[i][0]:end].strip().upper()
