"""The analyst's model through the real flow (Prefect API, Parquet lake, DuckDB): category, sidecars, JSON Lines,
published_at, temporal anchors, quantity links and the marts, with exact rows, on tests/fixtures/model_corpus."""
import json
import os
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import REPO

from flows.pipeline import news_etl_flow

MODEL_CORPUS = REPO / "tests" / "fixtures" / "model_corpus"


def run(source: Path, tmp_path: Path) -> dict:
    return news_etl_flow(source=str(source), warehouse=str(tmp_path / "w.duckdb"), lake=str(tmp_path / "lake"),
                         batch_size=50)


def rows(tmp_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def model_source(tmp_path) -> Path:
    source = tmp_path / "source"
    shutil.copytree(MODEL_CORPUS, source)
    return source


@pytest.fixture
def loaded(prefect_api, model_source, tmp_path):
    return run(model_source, tmp_path)


def test_news_etl_flow_loads_metadata_category_and_json_lines(loaded, tmp_path):
    assert loaded["files"] == {"seen": 9, "loaded": 6, "unchanged": 0, "duplicates": 0, "quarantined": 3,
                               "deleted": 0}
    assert rows(tmp_path, """SELECT source_uri, article_id = 'wire-1', title, category, published_at,
                                    published_at_source, url, author, extra_metadata
                             FROM articles ORDER BY source_uri""") == [
        ("business/001.txt", False, "Microsoft profits jump", "business", date(2005, 1, 12), "sidecar",
         "https://news.example.com/business/1", "Jane Smith", '{"feed":"wire"}'),
        ("business/002.txt", False, "Google shares rise", "business", None, None, None, None, None),
        ("feeds/wire.jsonl#id=wire-1", True, "Yahoo buys Flickr", "feeds", date(2005, 3, 20), "jsonl", None,
         "Wire Desk", None),
        ("feeds/wire.jsonl#line=2", False, None, "feeds", date(2005, 8, 17), "jsonl", None, None, None),
        ("politics/001.txt", False, "Blair sets out tax plans", "election", date(2005, 2, 1), "sidecar", None, None,
         None),
        ("root.txt", False, "Microsoft and Google talk", None, None, None, None, None, None),
    ]
    assert rows(tmp_path, "SELECT source_uri, stage, reason FROM quarantine ORDER BY source_uri") == [
        ("business/003.txt", "metadata",
         'sidecar .meta.json: `published_at` "12/01/2005" is not an ISO date or datetime'),
        ("feeds/wire.jsonl#id=wire-3", "metadata",
         'JSON line: `published_at` "yesterday" is not an ISO date or datetime'),
        ("feeds/wire.jsonl#line=5", "metadata",
         "JSON line is not valid JSON: Unterminated string starting at: line 1 column 26 (char 25)"),
    ]
    paths = [p for (p,) in rows(tmp_path, "SELECT path FROM file_manifest ORDER BY path")]
    assert not any(p.endswith(".meta.json") for p in paths) and "feeds/wire.jsonl" not in paths


def test_news_etl_flow_anchors_temporal_expressions(loaded, tmp_path):
    assert rows(tmp_path, """SELECT a.source_uri, t.surface, t.start_date, t.end_date, t.anchor
                             FROM temporal_expressions t JOIN articles a USING (article_id)
                             ORDER BY 1, t.paragraph_index, t.char_start""") == [
        ("business/001.txt", "January 2005", date(2005, 1, 1), date(2005, 1, 31), "absolute"),
        ("business/001.txt", "Monday", date(2005, 1, 10), date(2005, 1, 10), "published_at"),
        ("business/001.txt", "last year", date(2004, 1, 1), date(2004, 12, 31), "published_at"),
        ("business/002.txt", "3 January 2005", date(2005, 1, 3), date(2005, 1, 3), "absolute"),
        ("feeds/wire.jsonl#id=wire-1", "Friday", date(2005, 3, 18), date(2005, 3, 18), "published_at"),
        ("feeds/wire.jsonl#line=2", "last week", date(2005, 8, 8), date(2005, 8, 14), "published_at"),
        ("politics/001.txt", "Monday", date(2005, 1, 31), date(2005, 1, 31), "published_at"),
        ("root.txt", "2004", date(2004, 1, 1), date(2004, 12, 31), "absolute"),
    ]


def test_news_etl_flow_links_quantities_to_their_entity(loaded, tmp_path):
    assert rows(tmp_path, """SELECT a.source_uri, q.surface, e.canonical_name
                             FROM quantities q JOIN articles a USING (article_id) LEFT JOIN entities e USING (entity_id)
                             ORDER BY 1, q.paragraph_index, q.char_start""") == [
        ("business/001.txt", "$4.2bn", "Microsoft"),
        ("business/001.txt", "$1.65bn", "Google"),
        ("business/002.txt", "$300m", "Google"),
        ("feeds/wire.jsonl#id=wire-1", "$30m", None),  # "Yahoo bought Flickr for $30m": Flickr in between
        ("feeds/wire.jsonl#line=2", "$50m", "Google"),
        ("politics/001.txt", "£2bn", "Labour Party"),
    ]


def test_marts_entity_pairs_exact_rows(loaded, tmp_path):
    assert rows(tmp_path, "SELECT name_a, name_b, article_count, first_published_at, last_published_at "
                          "FROM entity_pairs") == [
        ("Microsoft", "Google", 3, date(2005, 1, 12), date(2005, 1, 12)),
        ("Android", "Google", 1, date(2005, 8, 17), date(2005, 8, 17)),
        ("Flickr", "Yahoo", 1, date(2005, 3, 20), date(2005, 3, 20)),
        ("Google", "YouTube", 1, date(2005, 1, 12), date(2005, 1, 12)),
        ("Labour Party", "Tony Blair", 1, date(2005, 2, 1), date(2005, 2, 1)),
        ("London", "Google", 1, None, None),
        ("London", "Microsoft", 1, None, None),
        ("Microsoft", "Steve Ballmer", 1, date(2005, 1, 12), date(2005, 1, 12)),
        ("Microsoft", "YouTube", 1, date(2005, 1, 12), date(2005, 1, 12)),
        ("Steve Ballmer", "Google", 1, date(2005, 1, 12), date(2005, 1, 12)),
        ("Steve Ballmer", "YouTube", 1, date(2005, 1, 12), date(2005, 1, 12)),
    ]
    assert rows(tmp_path, "SELECT count(*) FROM entity_pairs WHERE entity_id_a >= entity_id_b") == [(0,)]


def test_marts_entity_timeline_exact_rows(loaded, tmp_path):
    assert rows(tmp_path, "SELECT canonical_name, month, dated_by, mentions, articles FROM entity_timeline") == [
        ("Android", date(2005, 8, 1), "published_at", 1, 1),
        ("Flickr", date(2005, 3, 1), "published_at", 2, 1),  # "Yahoo buys Flickr" (title) and the body
        ("Google", date(2005, 1, 1), "published_at", 1, 1),
        ("Google", date(2005, 1, 1), "text_date", 3, 1),  # business/002.txt: undated, "3 January 2005"
        ("Google", date(2005, 8, 1), "published_at", 1, 1),
        ("Labour Party", date(2005, 2, 1), "published_at", 1, 1),
        ("Microsoft", date(2005, 1, 1), "published_at", 2, 1),
        ("Microsoft", date(2005, 1, 1), "text_date", 1, 1),
        ("Steve Ballmer", date(2005, 1, 1), "published_at", 2, 1),
        ("Tony Blair", date(2005, 2, 1), "published_at", 3, 1),
        ("Yahoo", date(2005, 3, 1), "published_at", 3, 1),
        ("YouTube", date(2005, 1, 1), "published_at", 1, 1),
    ]  # root.txt is left out: no published_at, and "2004" is a year, not a day or month


def test_marts_amounts_by_entity_exact_rows(loaded, tmp_path):
    assert rows(tmp_path, "SELECT canonical_name, kind, unit, quantity_count, article_count, total_value, "
                          "min_value, max_value FROM amounts_by_entity") == [
        ("Google", "money", "USD", 3, 3, 2.0e9, 5.0e7, 1.65e9),
        ("Labour Party", "money", "GBP", 1, 1, 2.0e9, 2.0e9, 2.0e9),
        ("Microsoft", "money", "USD", 1, 1, 4.2e9, 4.2e9, 4.2e9),
    ]


def test_marts_articles_and_quotes_by_category_exact_rows(loaded, tmp_path):
    assert rows(tmp_path, "SELECT * FROM articles_by_category") == [
        ("business", 2, 48, 1, date(2005, 1, 12), date(2005, 1, 12), 10, 1, 3, 3),
        ("election", 1, 23, 1, date(2005, 2, 1), date(2005, 2, 1), 4, 1, 1, 1),
        ("feeds", 2, 22, 2, date(2005, 3, 20), date(2005, 8, 17), 7, 0, 2, 1),
        (None, 1, 7, 0, None, None, 5, 0, 0, 0),
    ]
    assert rows(tmp_path, "SELECT category, speaker, quote_count, article_count FROM quotes_by_category") == [
        ("business", "Steve Ballmer", 1, 1), ("election", "Tony Blair", 1, 1)]


def test_marts_pipeline_health_one_row_per_run(loaded, model_source, tmp_path):
    (model_source / "business" / "003.meta.json").write_text('{"published_at": "2005-01-12"}')
    second = run(model_source, tmp_path)
    health = rows(tmp_path, """SELECT run_id, status, files_seen, files_loaded, files_unchanged, files_quarantined,
                                      expectations_checked > 0, validation_pass_rate, quarantine_reasons,
                                      seconds_total = seconds_discover + seconds_extract + seconds_validate
                                                      + seconds_load
                               FROM pipeline_health""")
    assert health == [
        (second["run_id"], "completed", 9, 1, 6, 2, True, 1.0, None, True),
        (loaded["run_id"], "completed", 9, 6, 0, 3, True, 1.0,
         'metadata: JSON line is not valid JSON: Unterminated string starting at: line 1 column 26 (char 25) (1); '
         'metadata: JSON line: `published_at` "yesterday" is not an ISO date or datetime (1); '
         'metadata: sidecar .meta.json: `published_at` "12/01/2005" is not an ISO date or datetime (1)', True),
    ]


def _bump(path: Path) -> None:
    """A new mtime for sure (some file systems keep coarse ones)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_news_etl_flow_an_edited_sidecar_reloads_its_article(loaded, model_source, tmp_path):
    sidecar = model_source / "business" / "001.meta.json"
    sidecar.write_text(json.dumps({"published_at": "2005-01-19", "author": "Jane Smith"}))
    _bump(sidecar)
    summary = run(model_source, tmp_path)
    assert (summary["files"]["loaded"], summary["files"]["unchanged"]) == (1, 5)
    assert rows(tmp_path, "SELECT version, published_at, url, extra_metadata FROM articles "
                          "WHERE source_uri = 'business/001.txt'") == [(2, date(2005, 1, 19), None, None)]
    assert rows(tmp_path, "SELECT start_date FROM temporal_expressions t JOIN articles a USING (article_id) "
                          "WHERE a.source_uri = 'business/001.txt' AND t.surface = 'Monday'") == [(date(2005, 1, 17),)]
    sidecar.unlink()
    summary = run(model_source, tmp_path)
    assert summary["files"]["loaded"] == 1
    assert rows(tmp_path, "SELECT version, published_at FROM articles WHERE source_uri = 'business/001.txt'") == [
        (3, None)]


def test_news_etl_flow_json_lines_reload_only_the_records_that_changed(loaded, model_source, tmp_path):
    unchanged = run(model_source, tmp_path)
    assert (unchanged["files"]["loaded"], unchanged["files"]["unchanged"]) == (0, 6)
    feed = model_source / "feeds" / "wire.jsonl"
    lines = feed.read_text().split("\n")
    lines[0] = lines[0].replace("Wire Desk", "Night Desk")  # edited record, same id
    lines[4] = '{"id": "wire-4", "text": "Sony sold 5,000 consoles."}'  # the broken line fixed
    feed.write_text("\n".join(lines))
    summary = run(model_source, tmp_path)
    assert (summary["files"]["loaded"], summary["files"]["unchanged"], summary["files"]["deleted"]) == (2, 5, 1)
    assert rows(tmp_path, """SELECT path, status, article_id FROM file_manifest WHERE path LIKE 'feeds/%'
                             ORDER BY path""") == [
        ("feeds/wire.jsonl#id=wire-1", "changed", "wire-1"),
        ("feeds/wire.jsonl#id=wire-3", "quarantined", "wire-3"),
        ("feeds/wire.jsonl#id=wire-4", "new", "wire-4"),
        ("feeds/wire.jsonl#line=2", "unchanged", rows(tmp_path, "SELECT article_id FROM articles "
                                                                "WHERE source_uri = 'feeds/wire.jsonl#line=2'")[0][0]),
        ("feeds/wire.jsonl#line=5", "deleted", "e16f60d6a4d407a4"),
    ]
    assert rows(tmp_path, "SELECT author, version FROM articles WHERE article_id = 'wire-1'") == [("Night Desk", 2)]


def test_discover_refuses_an_article_whose_sidecar_is_a_symlink(tmp_path):
    from flows.discover import discover

    source = tmp_path / "source"
    source.mkdir()
    (source / "a.txt").write_text("Title\n\nMicrosoft raised $4bn.\n")
    (tmp_path / "outside.json").write_text('{"title": "x"}')
    (source / "a.meta.json").symlink_to(tmp_path / "outside.json")
    plan = discover(source, {})
    assert [(f.path, f.status, f.reason) for f in plan.refused] == [
        ("a.txt", "quarantined", "cannot stat: its sidecar a.meta.json is a symlink or not a regular file: not read")]
