"""`news-etl sql`: exactly one statement that reads the warehouse, printed as a table, CSV or JSON."""
import hashlib
import json
import os

import duckdb
import pytest

from flows.warehouse import missing_contract
from news_etl.cli import main
from news_etl.readonly import RefusedQuery, check_read_only, open_reader, run_query


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles AS SELECT * FROM (VALUES (1, 'a', DATE '2005-01-03'), (2, NULL, NULL)) "
                "v(n, s, d)")
    con.close()
    return path


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sql(capsys, warehouse, *args):
    code = main(["sql", *args, "--warehouse", str(warehouse)])
    out, err = capsys.readouterr()
    return code, out, err


def test_sql_prints_a_table(warehouse, capsys):
    assert _sql(capsys, warehouse, "SELECT n, s FROM articles ORDER BY n") == (
        0, "n  s\n-  -\n1  a\n2\n(2 rows)\n", "")


def test_sql_marks_the_cells_it_cuts(warehouse, capsys):
    query = "SELECT repeat('ab', 5) AS s"
    assert _sql(capsys, warehouse, query, "--max-width", "6")[1].splitlines()[2] == "ababa…"
    assert _sql(capsys, warehouse, query, "--max-width", "0")[1].splitlines()[2] == "ababababab"


def test_sql_table_says_when_rows_are_left_out(warehouse, capsys):
    out = _sql(capsys, warehouse, "SELECT * FROM range(3)", "--max-rows", "2")[1]
    assert out.splitlines()[-1] == "(2 rows (more not shown; raise --max-rows))"


def test_sql_csv_has_a_header_and_empty_nulls(warehouse, capsys):
    assert _sql(capsys, warehouse, "SELECT * FROM articles ORDER BY n", "--format", "csv") == (
        0, "n,s,d\n1,a,2005-01-03\n2,,\n", "")


def test_sql_json_is_an_array_of_objects(warehouse, capsys):
    code, out, _ = _sql(capsys, warehouse, "SELECT *, [n, n] AS l FROM articles ORDER BY n", "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"n": 1, "s": "a", "d": "2005-01-03", "l": [1, 1]},
                               {"n": 2, "s": None, "d": None, "l": [2, 2]}]


def test_sql_csv_and_json_print_every_row_by_default(warehouse, capsys):
    assert len(_sql(capsys, warehouse, "SELECT * FROM range(250)", "--format", "csv")[1].splitlines()) == 251
    assert len(json.loads(_sql(capsys, warehouse, "SELECT * FROM range(250)", "--format", "json")[1])) == 250


@pytest.mark.parametrize("query", [
    "WITH x AS (SELECT 1 AS one) SELECT * FROM x", "VALUES (1)", "FROM articles", "DESCRIBE articles",
    "SHOW TABLES", "SUMMARIZE articles", "EXPLAIN SELECT * FROM articles", "EXPLAIN ANALYZE SELECT 1",
    "EXPLAIN (FORMAT json) SELECT 1", "PIVOT articles ON n IN (1, 2) USING count(*)", "SELECT 1;",
])
def test_sql_accepts_every_kind_of_read(warehouse, capsys, query):
    code, _, err = _sql(capsys, warehouse, query)
    assert (code, err) == (0, "")


# Each attack: the text, then the one line that refuses it. Either the statement check or the connection's
# own guards (no external access, locked configuration) stops it; both are DuckDB's, not a text pattern.
ATTACKS = {
    "copy over the warehouse": ("COPY (SELECT 1) TO '{warehouse}' (FORMAT csv)", "this is a COPY statement"),
    "copy to a file": ("COPY (SELECT 1) TO '{tmp}/x.csv'", "this is a COPY statement"),
    "export": ("EXPORT DATABASE '{tmp}/export'", "this is an EXPORT statement"),
    "read_blob": ("SELECT * FROM read_blob('/etc/shadow')", 'Cannot access file "/etc/shadow"'),
    "read_csv": ("SELECT * FROM read_csv('/etc/passwd')", 'Cannot access file "/etc/passwd"'),
    "a file as a table": ("SELECT * FROM '/etc/passwd'", "Table with name /etc/passwd does not exist"),
    "glob": ("SELECT * FROM glob('/root/*')", 'Cannot access file "/root/*"'),
    "parquet_scan": ("SELECT * FROM parquet_scan('{tmp}/a.parquet')", "Cannot access file"),
    "attach a hard link": ("ATTACH '{tmp}/link.duckdb' AS x (READ_WRITE)", "this is an ATTACH statement"),
    "attach then delete": ("ATTACH '{tmp}/link.duckdb' AS x (READ_WRITE); DELETE FROM x.articles",
                           "one statement at a time; this text holds 2"),
    "detach": ("DETACH w", "this is a DETACH statement"),
    "set": ("SET memory_limit = '1GB'", "this is a SET statement"),
    "reset": ("RESET memory_limit", "this is a SET statement"),
    "a setting through a function": ("SELECT * FROM query('SET threads = 1')", "Parser Error"),
    "install": ("INSTALL httpfs", "this is a LOAD statement"),
    "load": ("LOAD httpfs", "this is a LOAD statement"),
    "create": ("CREATE TABLE x (i INT)", "this is a CREATE statement"),
    "insert": ("INSERT INTO articles VALUES (3, 'c', NULL)", "this is an INSERT statement"),
    "delete": ("DELETE FROM articles", "this is a DELETE statement"),
    "pragma": ("PRAGMA version", "this is a PRAGMA statement"),
    "checkpoint": ("CHECKPOINT", "this is a CALL statement"),
    "explain analyze of a copy": ("EXPLAIN ANALYZE COPY (SELECT 1) TO '{tmp}/y.csv'",
                                  "this is an EXPLAIN of a COPY statement"),
    "two reads": ("SELECT 1; SELECT 2", "one statement at a time; this text holds 2"),
    "empty": ("  ;  ", "the query is empty"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_sql_refuses_anything_but_one_read(warehouse, tmp_path, capsys, attack):
    os.link(warehouse, tmp_path / "link.duckdb")
    before = sorted(p.name for p in tmp_path.iterdir())
    digest = _sha(warehouse)
    text, why = ATTACKS[attack]
    code, out, err = _sql(capsys, warehouse, text.format(warehouse=warehouse, tmp=tmp_path))
    assert code == 2 and out == ""
    assert err.startswith("news-etl sql: ") and err.count("\n") == 1 and why in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside it
    assert _sha(warehouse) == digest  # the warehouse intact
    assert duckdb.connect(str(warehouse), read_only=True).execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_sql_reports_a_missing_warehouse_in_one_line(tmp_path, capsys):
    code, _, err = _sql(capsys, tmp_path / "missing.duckdb", "SELECT 1")
    assert (code, err) == (2, f"news-etl sql: no warehouse at {tmp_path / 'missing.duckdb'}: run `news-etl run` "
                              "first\n")


def test_sql_reports_a_directory_in_one_line(tmp_path, capsys):
    code, _, err = _sql(capsys, tmp_path, "SELECT 1")
    assert (code, err) == (2, f"news-etl sql: {tmp_path} is a directory, not a DuckDB warehouse file\n")


def test_sql_reports_a_file_that_is_no_warehouse_in_one_line(tmp_path, capsys):
    (tmp_path / "notes.duckdb").write_text("not a database")
    code, _, err = _sql(capsys, tmp_path / "notes.duckdb", "SELECT 1")
    assert code == 2 and err.startswith(f"news-etl sql: cannot open the warehouse {tmp_path / 'notes.duckdb'}: ")
    assert err.count("\n") == 1


def test_sql_reports_a_bad_query_in_one_line(warehouse, capsys):
    code, _, err = _sql(capsys, warehouse, "SELECT nope FROM articles")
    assert code == 2 and err.startswith("news-etl sql: Binder Error: Referenced column \"nope\" not found")
    assert err.count("\n") == 1


def test_run_query_caps_rows_and_says_so(warehouse):
    con = open_reader(warehouse)
    result = run_query(con, "SELECT * FROM range(5)", max_rows=3)
    assert (result.columns, result.rows, result.truncated) == (["range"], [(0,), (1,), (2,)], True)


def test_check_read_only_refuses_text_that_does_not_parse(warehouse):
    with pytest.raises(RefusedQuery, match="syntax error"):
        check_read_only(open_reader(warehouse), "SELEC 1")


def test_missing_contract_names_what_an_older_warehouse_lacks(tmp_path):
    from flows.warehouse import connect, ensure_schema

    current = connect(tmp_path / "current.duckdb")
    ensure_schema(current)
    current.execute("ALTER TABLE quotes DROP COLUMN speaker_entity_id")
    current.close()
    assert missing_contract(open_reader(tmp_path / "current.duckdb")) == ["quotes.speaker_entity_id"]


def test_open_reader_sees_a_warehouse_published_while_an_older_reader_is_open(warehouse, tmp_path):
    """A run publishes by renaming a new file over the path; a reader opened after that, in the same process as
    one still holding the old file (the dashboard's sessions), reads the new file."""
    old_reader = open_reader(warehouse)
    new = tmp_path / "new.duckdb"
    with duckdb.connect(str(new)) as con:
        con.execute("CREATE TABLE articles AS SELECT 3 AS n")
    os.replace(new, warehouse)
    assert run_query(open_reader(warehouse), "SELECT count(*) FROM articles").rows == [(1,)]
    assert run_query(old_reader, "SELECT count(*) FROM articles").rows == [(2,)]
