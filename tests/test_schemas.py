"""One declaration per table; Arrow, DDL, GX and docs are derived from it."""
import duckdb
import pyarrow as pa
from conftest import REPO

from schemas import TABLES
from schemas.arrow import arrow_schema
from schemas.ddl import create_table_sql, ddl
from schemas.docs import warehouse_markdown
from schemas.expectations import expectation_label, expectations_for
from schemas.views import VIEWS, view_sql

CONTRACT = {
    "articles": ("article_id",), "paragraphs": ("article_id", "paragraph_index"),
    "related_headlines": ("article_id", "position"), "entities": ("entity_id",),
    "entity_aliases": ("alias", "entity_id"), "entity_mentions": ("mention_id",), "quotes": ("quote_id",),
    "quantities": ("quantity_id",), "temporal_expressions": ("temporal_id",), "pipeline_runs": ("run_id",),
    "file_manifest": ("source", "path"), "quarantine": ("quarantine_id",),
    "validation_results": ("run_id", "table_name", "expectation"), "article_versions": ("article_id", "version"),
    "article_warnings": ("run_id", "article_id", "warning"),
}


def test_tables_cover_the_contract_with_its_keys():
    assert {name: t.primary_key for name, t in TABLES.items()} == CONTRACT


def test_arrow_schema_leaves_out_loader_columns():
    schema = arrow_schema(TABLES["related_headlines"])
    assert schema == pa.schema([
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("position", pa.int32(), nullable=False),
        pa.field("headline", pa.string(), nullable=False),
    ])
    full = arrow_schema(TABLES["related_headlines"], staged_only=False)
    assert full.field("linked_article_id").type == pa.string()


def test_create_table_sql_maps_types_and_nullability():
    assert create_table_sql(TABLES["entity_aliases"]) == (
        "CREATE TABLE IF NOT EXISTS entity_aliases (\n"
        "    alias VARCHAR NOT NULL,\n"
        "    entity_id VARCHAR NOT NULL\n"
        ");"
    )


def test_create_table_sql_stores_paragraph_text_uncompressed(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(create_table_sql(TABLES["paragraphs"]))
    con.execute("INSERT INTO paragraphs SELECT 'a' || (i // 10), i % 10, 0, repeat('word ', 40 + i % 7), 40 "
                "FROM range(20000) t(i)")
    con.execute("CHECKPOINT")
    used = con.execute("SELECT DISTINCT compression FROM pragma_storage_info('paragraphs') "
                       "WHERE column_name = 'text' AND segment_type = 'VARCHAR'").fetchall()
    assert used == [("Uncompressed",)]  # DuckDB would pick DICT_FSST for this column on its own


def test_ddl_comments_every_table_and_column_in_duckdb():
    con = duckdb.connect()
    for table in TABLES.values():
        con.execute(ddl(table))
    for view in VIEWS:
        con.execute(view_sql(view))
    missing = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND table_name IN "
        "(SELECT table_name FROM duckdb_tables()) AND comment IS NULL").fetchall()
    assert missing == []
    tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
    assert set(tables) == set(TABLES)
    assert tables["paragraphs"].startswith("One row per body paragraph of an article")
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    assert views["top_entities"] == "One row per entity mentioned in a live article, most mentioned first"


def test_expectations_for_keys_enums_bounds_and_spans():
    labels = [expectation_label(e.configuration) for e in expectations_for(TABLES["quantities"])]
    assert labels[0] == "expect_column_values_to_be_unique(quantity_id)"
    assert "expect_column_values_to_not_be_null(value)" in labels
    assert "expect_column_values_to_not_be_null(value2)" not in labels
    assert "expect_column_values_to_be_in_set(kind)" in labels
    assert "expect_column_values_to_be_between(paragraph_index)" in labels
    assert labels[-1] == "expect_column_pair_values_a_to_be_greater_than_b(char_end, char_start)"
    compound = expectations_for(TABLES["paragraphs"])[0]
    assert expectation_label(compound.configuration) == \
        "expect_compound_columns_to_be_unique(article_id, paragraph_index)"


def test_expectations_skip_loader_columns():
    labels = [expectation_label(e.configuration) for e in expectations_for(TABLES["articles"])]
    assert not any("(version)" in label or "(is_deleted)" in label for label in labels)


def test_warehouse_docs_are_current():
    """docs/warehouse.md is generated: run `python -m schemas.docs > docs/warehouse.md` after a change."""
    assert (REPO / "docs" / "warehouse.md").read_text(encoding="utf-8") == warehouse_markdown()


def test_ensure_schema_adds_columns_an_older_warehouse_lacks(tmp_path):
    from flows.warehouse import connect, ensure_schema

    con = connect(tmp_path / "old.duckdb")
    ensure_schema(con)
    con.execute("ALTER TABLE pipeline_runs DROP COLUMN files_duplicate")
    ensure_schema(con)
    columns = [r[0] for r in con.execute("DESCRIBE pipeline_runs").fetchall()]
    assert "files_duplicate" in columns
