"""The main flow under a real Prefect API, into a real DuckDB file and a real Parquet lake."""
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import news_etl_flow
from schemas import TABLES


def run(source: Path, tmp_path: Path, name: str = "w") -> dict:
    return news_etl_flow(source=str(source), warehouse=str(tmp_path / f"{name}.duckdb"),
                         lake=str(tmp_path / f"lake-{name}"), batch_size=50)


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def loaded(prefect_api, seed_source, tmp_path):
    summary = run(seed_source, tmp_path)
    return summary, duckdb.connect(str(tmp_path / "w.duckdb"))


def test_news_etl_flow_loads_the_seed(loaded, tmp_path):
    summary, con = loaded
    assert summary["files"] == {"seen": 1, "loaded": 1, "unchanged": 0, "duplicates": 0, "quarantined": 0,
                                "deleted": 0}
    c = counts(con)
    assert (c["articles"], c["paragraphs"], c["related_headlines"], c["pipeline_runs"]) == (1, 15, 6, 1)
    assert min(c["entities"], c["entity_mentions"], c["quotes"], c["temporal_expressions"]) > 0
    article = con.execute("SELECT article_id, title, paragraph_count, section_count, related_headline_count, "
                          "encoding, language, version, is_deleted FROM articles").fetchone()
    assert article == ("d163ad6fdaadeadf", None, 15, 4, 6, "utf-8", "en", 1, False)
    assert con.execute("SELECT count(*), bool_and(success) FROM validation_results").fetchone()[0] > 20
    staged = sorted(p.relative_to(tmp_path / "lake-w").as_posix() for p in (tmp_path / "lake-w").rglob("*.parquet"))
    assert f"articles/run_id={summary['run_id']}/part-00000.parquet" in staged


def test_news_etl_flow_facts_point_at_their_text(loaded):
    _, con = loaded
    for table, surface in [("entity_mentions", "surface"), ("quotes", "text"), ("quantities", "surface"),
                           ("temporal_expressions", "surface")]:
        wrong = con.execute(f"""
            SELECT count(*) FROM {table} f
            JOIN paragraphs p ON p.article_id = f.article_id AND p.paragraph_index = f.paragraph_index
            WHERE substr(p.text, f.char_start + 1, f.char_end - f.char_start) <> f.{surface}""").fetchone()[0]
        assert wrong == 0, table
    in_headlines = con.execute("""
        SELECT count(*) FROM entity_mentions m JOIN related_headlines h
          ON h.article_id = m.article_id AND h.position = m.headline_position
        WHERE substr(h.headline, m.char_start + 1, m.char_end - m.char_start) = m.surface""").fetchone()[0]
    assert in_headlines > 0


def test_news_etl_flow_every_mention_surface_is_an_alias_of_its_entity(loaded):
    _, con = loaded
    missing = con.execute("""
        SELECT count(*) FROM entity_mentions m
        WHERE NOT EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = m.entity_id AND a.alias = m.surface)
        """).fetchone()[0]
    assert missing == 0
    assert con.execute("SELECT count(*) FROM entity_aliases").fetchone()[0] > 0


def test_news_etl_flow_rerun_adds_no_business_rows(loaded, seed_source, tmp_path):
    _, con = loaded
    before = counts(con)
    con.close()
    summary = run(seed_source, tmp_path)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    after = counts(con)
    assert summary["files"]["unchanged"] == 1 and summary["files"]["loaded"] == 0
    assert after["pipeline_runs"] == 2
    assert {t: n for t, n in after.items() if TABLES[t].layer == "business"} == \
        {t: n for t, n in before.items() if TABLES[t].layer == "business"}
    for table in TABLES.values():
        keys = ", ".join(table.primary_key)
        dupes = con.execute(f"SELECT count(*) FROM (SELECT {keys} FROM {table.name} GROUP BY ALL "
                            "HAVING count(*) > 1)").fetchone()[0]
        assert dupes == 0, table.name


def test_news_etl_flow_staging_is_byte_identical(prefect_api, seed_source, tmp_path):
    first, second = run(seed_source, tmp_path, "a"), run(seed_source, tmp_path, "b")
    def parts(name, run_id):
        root = tmp_path / f"lake-{name}"
        return {p.relative_to(root).as_posix().replace(run_id, "RUN"): p.read_bytes()
                for p in root.glob("*/run_id=*/*.parquet")}
    a, b = parts("a", first["run_id"]), parts("b", second["run_id"])
    assert len(a) == 9 and a == b


def test_news_etl_flow_quarantines_bad_file_and_loads_the_rest(prefect_api, seed_source, tmp_path):
    (seed_source / "empty.txt").write_bytes(b"")
    summary = run(seed_source, tmp_path)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert summary["files"]["loaded"] == 1 and summary["files"]["quarantined"] == 1
    assert con.execute("SELECT source_uri, stage, reason FROM quarantine").fetchall() == [
        ("empty.txt", "discover", "empty: the file has no bytes")]
    assert con.execute("SELECT status FROM file_manifest WHERE path = 'empty.txt'").fetchone() == ("quarantined",)


def test_chunks_of_bounds_rows_per_validation_task():
    from flows.validate import chunks_of

    assert chunks_of({0: 100, 1: 100, 2: 300, 3: 50}, limit=250) == [[0, 1], [2], [3]]
    assert chunks_of({}, limit=250) == []


def test_news_etl_flow_validating_while_staging_gives_the_verdict_of_validating_at_the_end(
        prefect_api, tmp_path, monkeypatch):
    """With a 1-byte chunk limit every staged batch is validated as soon as it lands (the path big runs take);
    the run must load the same rows and record the same validation results as one that validates at the end."""
    from conftest import BBC_GOLD

    import flows.validate
    from flows.fingerprint import fingerprint_file

    def validated(name: str) -> list[tuple]:
        news_etl_flow(source=str(BBC_GOLD), warehouse=str(tmp_path / f"{name}.duckdb"),
                      lake=str(tmp_path / f"lake-{name}"), batch_size=5, workers=1)
        con = duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True)
        rows = con.execute("SELECT table_name, expectation, success, element_count, unexpected_count "
                           "FROM validation_results ORDER BY ALL").fetchall()
        con.close()
        return rows

    at_the_end = validated("end")
    monkeypatch.setattr(flows.validate, "CHUNK_BYTES", 1)
    while_staging = validated("staging")
    assert while_staging == at_the_end and len(at_the_end) > 80
    assert ("articles", "expect_column_values_to_be_unique(article_id)", True, 24, 0) in at_the_end
    assert fingerprint_file(tmp_path / "staging.duckdb") == fingerprint_file(tmp_path / "end.duckdb")


def test_chunk_filler_add_returns_a_tables_chunk_once_its_parts_hold_the_limit():
    from flows.validate import ChunkFiller
    from schemas.tables import BUSINESS_TABLES

    articles, quotes = (t for t in BUSINESS_TABLES if t.name in ("articles", "quotes"))
    filler = ChunkFiller([articles, quotes], limit=100)
    assert filler.add(3, {"articles": 5, "quotes": 0}, {"articles": 40, "quotes": 0}) == []
    assert filler.add(1, {"articles": 5, "quotes": 2}, {"articles": 40, "quotes": 60}) == []
    assert filler.add(2, {"articles": 5, "quotes": 1}, {"articles": 40, "quotes": 5}) == [
        ("articles", [1, 2, 3])]  # parts in order, whatever order they finished in; quotes hold 65 bytes
    assert filler.add(4, {"articles": 5, "quotes": 1}, {"articles": 40, "quotes": 50}) == [("quotes", [1, 2, 4])]
    assert filler.add(5, {"articles": 5, "quotes": 0}, {"articles": 40, "quotes": 0}) == []  # a new chunk


def test_validated_in_order_is_by_table_then_first_part_whatever_the_finishing_order():
    from flows.validate import ExpectationResult, TableValidation, Validated
    from schemas.tables import BUSINESS_TABLES

    def verdict(table, n):
        return TableValidation([ExpectationResult(table, "e", True, n, 0)])

    done = Validated()
    done.record("quotes", [4, 5], verdict("quotes", 2))
    done.record("articles", [2, 3], verdict("articles", 2))
    done.record("quotes", [0, 1], verdict("quotes", 1))
    assert done.parts("quotes") == {0, 1, 4, 5}
    assert [v.results[0].element_count for v in done.in_order(list(BUSINESS_TABLES))] == [2, 1, 2]


def test_to_frame_widens_int32_so_gx_compares_bounds_vectorised():
    import pyarrow as pa

    from flows.validate import to_frame

    frame = to_frame(pa.table({"char_start": pa.array([0, 5], pa.int32()),
                               "headline_position": pa.array([None, 1], pa.int32()),
                               "surface": ["a", "b"]}))
    assert str(frame["char_start"].dtype) == "int64"
    assert str(frame["headline_position"].dtype) == "float64"  # nulls: pandas' float, still vectorised
    assert frame["char_start"].tolist() == [0, 5]


def test_merge_sums_counts_and_fails_if_any_chunk_failed():
    from flows.validate import ExpectationResult, TableValidation, merge

    a = TableValidation([ExpectationResult("t", "e", True, 10, 0)])
    b = TableValidation([ExpectationResult("t", "e", False, 5, 2)])
    assert merge([a, b]).results == [ExpectationResult("t", "e", False, 15, 2)]


def test_news_etl_flow_links_a_related_headline_to_the_article_it_names(prefect_api, seed_source, tmp_path):
    (seed_source / "linked.txt").write_text(
        "North Korea warns Japan's nuclear ambitions must be 'prevented at any cost'\n\n"
        "Pyongyang said on Tuesday that Tokyo's plans were a threat.\n\nOfficials gave no details.\n",
        encoding="utf-8")
    run(seed_source, tmp_path)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    linked = con.execute("SELECT position, linked_article_id FROM related_headlines "
                         "WHERE linked_article_id IS NOT NULL").fetchall()
    target = con.execute("SELECT article_id FROM articles WHERE source_uri = 'linked.txt'").fetchone()[0]
    assert linked == [(3, target)]


def test_news_etl_flow_with_a_lake_duckdb_cannot_read_loads_what_a_local_lake_loads(prefect_api, tmp_path):
    """On a local lake the loader has DuckDB read the staged Parquet itself; any other fsspec lake (here
    `memory://`, staged in-process) goes through Arrow datasets. Same warehouse either way."""
    from conftest import BBC_GOLD

    from flows.fingerprint import fingerprint_file

    for name, lake in (("local", str(tmp_path / "lake")), ("memory", f"memory://{tmp_path.name}/lake")):
        summary = news_etl_flow(source=str(BBC_GOLD), warehouse=str(tmp_path / f"{name}.duckdb"), lake=lake,
                                batch_size=10, workers=1)
        assert summary["files"]["loaded"] == 24
    assert fingerprint_file(tmp_path / "memory.duckdb") == fingerprint_file(tmp_path / "local.duckdb")
    con = duckdb.connect(str(tmp_path / "memory.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM entity_mentions").fetchone()[0] > 500
