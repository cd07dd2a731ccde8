"""The dashboard's pages under Streamlit's AppTest, over a warehouse loaded by a real run from the seed and 24 BBC
articles; the pages' figures are checked against counts taken straight from the tables."""
from __future__ import annotations

import os
import shutil
import socket

import duckdb
import pytest
from cli_runner import cli, run_args, run_cli, start_cli
from dashboard_corpus import BBC_GOLD, REPO, load, make_corpus
from streamlit.testing.v1 import AppTest

from news_etl.dashboard import WAREHOUSE_ENV
from news_etl.dashboard.pages import PAGES

APP = str(REPO / "news_etl" / "dashboard" / "app.py")
NEW_ARTICLE = ("Veltrix opens a research centre in Leeds\n\nThe software maker Veltrix said on Monday it would open a "
               "research centre in Leeds, with 300 jobs.\n\nIts chief executive, Ann Moss, said the city had the "
               "engineers it needed.\n")
CATEGORIES = {"business": 5, "entertainment": 5, "politics": 5, "sport": 5, "tech": 4, "(none)": 1}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, cli_env):
    """(source, warehouse, lake) after one run over the corpus."""
    work = tmp_path_factory.mktemp("dashboard")
    source = make_corpus(work / "source")
    warehouse, lake = work / "news.duckdb", work / "lake"
    load(source, warehouse, lake, cli_env)
    return source, warehouse, lake


def open_page(monkeypatch, warehouse, page: str) -> AppTest:
    monkeypatch.setenv(WAREHOUSE_ENV, str(warehouse))
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["page"] = page
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def scalar(warehouse, sql: str):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_overview_exact_counts(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "overview")
    counts = {label: f"{scalar(warehouse, f'SELECT count(*) FROM {table}'):,}" for label, table in (
        ("Entities", "entities"), ("Entity mentions", "entity_mentions"), ("Quotes", "quotes"),
        ("Quantities", "quantities"), ("Temporal expressions", "temporal_expressions"))}
    assert metrics(app) == {"Articles": "25", **counts}
    assert sum(CATEGORIES.values()) == 1 + len(list(BBC_GOLD.glob("*.txt")))
    by_category = app.dataframe[0].value
    assert dict(zip(by_category["category"], by_category["articles"])) == CATEGORIES
    runs = app.dataframe[-1].value
    assert runs["run_id"].tolist() == [scalar(warehouse, "SELECT run_id FROM pipeline_runs")]
    assert runs["articles_loaded"].tolist() == [25]
    assert [i.value for i in app.info] == [
        "No article carries a publication date (`published_at`), so there is nothing to draw over time."]


def test_entities_alias_finds_entity_with_aliases_and_co_occurring(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "entities")
    app.text_input[0].input("Mr Kim").run()
    entity = app.selectbox[1]
    assert entity.options == ["Kim Jong Un (PERSON, 12 mentions)"]
    aliases, co_occurring = app.dataframe[1].value, app.dataframe[2].value
    assert aliases["alias"].tolist() == ["Kim", "Kim Jong Un", "Mr Kim"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = [name for (name,) in con.execute("""
            SELECT DISTINCT e.canonical_name FROM entity_mentions m JOIN entities e USING (entity_id)
            WHERE m.article_id IN (SELECT article_id FROM entity_mentions WHERE entity_id = $id)
              AND m.entity_id <> $id ORDER BY 1 LIMIT 20""", {"id": entity.value}).fetchall()]
    assert co_occurring["canonical_name"].tolist() == expected
    assert {"China", "Donald Trump", "Japan"} <= set(expected)
    contexts = [m.value for m in app.markdown if "<mark>" in m.value]
    assert len(contexts) == 12
    assert ("`000_d163ad6fdaadeadf.txt`\n\n> North Korea reveals nuclear submarine progress as <mark>Kim Jong Un"
            "</mark> slams South Korea") in contexts


def test_entities_unknown_name_says_so(monkeypatch, loaded):
    app = open_page(monkeypatch, loaded[1], "entities")
    app.text_input[0].input("Zzyzx Qwerty").run()
    assert [w.value for w in app.warning] == ["No entity is named or aliased like “Zzyzx Qwerty”."]


def test_quotes_top_speakers_by_category(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "quotes")
    app.selectbox[0].select("politics").run()
    speakers = app.dataframe[0].value
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = con.execute("""
            SELECT e.canonical_name, count(*) AS n FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id
            JOIN articles a USING (article_id) WHERE a.source_uri LIKE 'politics/%'
            GROUP BY 1 ORDER BY n DESC, 1 LIMIT 25""").fetchall()
    assert list(zip(speakers["speaker"], speakers["quotes"])) == expected
    top_quotes = app.dataframe[1].value
    assert len(top_quotes) == expected[0][1]
    assert set(top_quotes["source_uri"]) <= {f"politics/{p.stem.split('_')[1]}.txt"
                                             for p in BBC_GOLD.glob("politics_*.txt")}


def test_amounts_money_by_currency(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "amounts")
    money = app.dataframe[0].value
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = con.execute("SELECT unit, count(*) AS n FROM quantities WHERE kind = 'money' "
                               "GROUP BY 1 ORDER BY n DESC, 1").fetchall()
    assert list(zip(money["currency"], money["amounts"])) == expected


def test_pipeline_health_one_clean_run(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "health")
    runs = app.dataframe[0].value
    assert runs[["files_seen", "articles_loaded", "files_quarantined"]].values.tolist() == [[25, 25, 0]]
    assert runs["pass_rate_percent"].tolist() == [100.0]
    assert [s.value for s in app.success] == ["Every expectation of every run passed.", "No file is refused now."]


def test_sql_runs_a_select_and_offers_csv(monkeypatch, loaded):
    app = open_page(monkeypatch, loaded[1], "sql")
    app.text_area[0].input("SELECT category, count(*) AS n FROM (SELECT split_part(source_uri, '/', 1) AS category "
                           "FROM articles WHERE source_uri LIKE '%/%') GROUP BY 1 ORDER BY 1")
    app.button[0].click().run()
    assert not app.error
    result = app.dataframe[0].value
    assert list(zip(result["category"], result["n"])) == [(c, n) for c, n in sorted(CATEGORIES.items()) if c[0] != "("]
    assert [c.value for c in app.main.caption][-1] == "5 rows"
    assert app.get("download_button")[0].proto.label == "Download CSV"


@pytest.mark.parametrize("query, why", [
    ("DELETE FROM articles", "this is a DELETE statement"),
    ("COPY (SELECT 1) TO '{warehouse}' (FORMAT csv)", "this is a COPY statement"),
    ("SELECT 1; DROP TABLE articles", "one statement at a time; this text holds 2"),
])
def test_sql_refuses_a_write(monkeypatch, loaded, tmp_path, query, why):
    warehouse = tmp_path / "copy.duckdb"
    shutil.copy(loaded[1], warehouse)
    app = open_page(monkeypatch, warehouse, "sql")
    app.text_area[0].input(query.format(warehouse=warehouse))
    app.button[0].click().run()
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith("Refused: ") and why in errors[0], errors
    assert not app.dataframe
    assert scalar(warehouse, "SELECT count(*) FROM articles") == 25


def test_every_page_missing_warehouse_says_so(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere.duckdb"
    for page, (title, _) in PAGES.items():
        app = open_page(monkeypatch, missing, page)
        assert [h.value for h in app.header] == [title]
        assert [e.value for e in app.error] == [f"no warehouse at {missing}: run `news-etl run` first"]


def test_empty_warehouse_says_so(monkeypatch, tmp_path):
    from flows.warehouse import connect, ensure_schema

    empty = tmp_path / "empty.duckdb"
    with connect(empty) as con:
        ensure_schema(con)
    app = open_page(monkeypatch, empty, "overview")
    assert [e.value for e in app.error] == [f"the warehouse {empty} holds no committed run yet: load articles with "
                                            "`news-etl run --source DIR`"]


def test_older_schema_says_so(monkeypatch, loaded, tmp_path):
    old = tmp_path / "old.duckdb"
    shutil.copy(loaded[1], old)
    with duckdb.connect(str(old)) as con:  # as a release before the view and the column existed
        con.execute("DROP VIEW quarantined_files")
    app = open_page(monkeypatch, old, "quotes")
    assert [e.value for e in app.error] == [f"the warehouse {old} has an older schema (no quarantined_files): run "
                                            "`news-etl run` on it with this release to upgrade it"]


def test_corrupt_warehouse_says_so(monkeypatch, tmp_path):
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database\n" * 100)
    app = open_page(monkeypatch, corrupt, "amounts")
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith(f"cannot open the warehouse {corrupt}: "), errors


def test_overview_shows_a_run_committed_while_open_after_refresh(monkeypatch, loaded, tmp_path, cli_env):
    source, warehouse, lake = (tmp_path / "source", tmp_path / "news.duckdb", tmp_path / "lake")
    shutil.copytree(loaded[0], source)
    shutil.copy(loaded[1], warehouse)
    shutil.copytree(loaded[2], lake)
    app = open_page(monkeypatch, warehouse, "overview")
    assert metrics(app)["Articles"] == "25"
    (source / "tech" / "new.txt").write_text(NEW_ARTICLE)
    load(source, warehouse, lake, cli_env)
    app.run()  # the page, again: what a refresh in the browser does
    assert metrics(app)["Articles"] == "26"
    assert app.dataframe[-1].value["run_id"].tolist() == [
        r for (r,) in duckdb.connect(str(warehouse), read_only=True).execute(
            "SELECT run_id FROM pipeline_runs ORDER BY run_id DESC").fetchall()]


def test_page_query_failure_is_one_line(monkeypatch, loaded, tmp_path):
    odd = tmp_path / "odd.duckdb"
    shutil.copy(loaded[1], odd)
    with duckdb.connect(str(odd)) as con:  # a view of the same name but other columns, as another release might have
        con.execute("CREATE OR REPLACE VIEW quarantined_files AS SELECT path FROM file_manifest")
    app = open_page(monkeypatch, odd, "health")
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith(f"a query of this page failed on {odd}: Binder Error: "), errors


def test_dashboard_port_in_use_is_one_line(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = run_cli(cli("dashboard", "--warehouse", tmp_path / "w.duckdb", "--port", port), dict(os.environ),
                       timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (f"news-etl dashboard: cannot listen on 127.0.0.1:{port} (Address already "
                                            "in use): choose another with --port, or --host")


def test_amounts_by_entity_shown_when_the_mart_exists(monkeypatch, loaded, tmp_path):
    marted = tmp_path / "marted.duckdb"
    shutil.copy(loaded[1], marted)
    with duckdb.connect(str(marted)) as con:  # the mart's columns, over a stand-in link: the article's title entity
        con.execute("""CREATE VIEW amounts_by_entity AS
            SELECT m.entity_id, e.canonical_name, e.entity_type, q.kind, q.unit, count(*) AS quantity_count,
                   count(DISTINCT q.article_id) AS article_count, sum(q.value) AS total_value,
                   min(q.value) AS min_value, max(q.value) AS max_value
            FROM quantities q JOIN entity_mentions m ON m.article_id = q.article_id AND m.paragraph_index = -1
            JOIN entities e USING (entity_id) GROUP BY ALL""")
        expected = con.execute("SELECT canonical_name, unit, quantity_count FROM amounts_by_entity WHERE kind = 'money' "
                               "ORDER BY quantity_count DESC, total_value DESC, canonical_name, unit").fetchall()
    app = open_page(monkeypatch, marted, "amounts")
    money = app.dataframe[1].value
    assert list(zip(money["canonical_name"], money["currency"], money["amounts"])) == expected
    assert len(expected) > 3


def test_pages_polled_through_a_run_never_fail_it(monkeypatch, loaded, tmp_path, cli_env):
    """The overview reloaded again and again while a run loads a new article: the run exits 0 and every load shows
    the last committed state (the old count, then the new one), never an error."""
    source, warehouse, lake = (tmp_path / "source", tmp_path / "news.duckdb", tmp_path / "lake")
    shutil.copytree(loaded[0], source)
    shutil.copy(loaded[1], warehouse)
    shutil.copytree(loaded[2], lake)
    (source / "tech" / "new.txt").write_text(NEW_ARTICLE)
    app = open_page(monkeypatch, warehouse, "overview")
    log = tmp_path / "run.log"
    run = start_cli(run_args(source, warehouse, lake, "--workers", "1"), cli_env, log)
    seen = []
    while run.poll() is None:
        app.run()
        seen.append((metrics(app).get("Articles"), [e.value for e in app.error]))
    assert run.wait() == 0, log.read_text()[-2000:]
    app.run()
    seen.append((metrics(app)["Articles"], [e.value for e in app.error]))
    assert [errors for _, errors in seen if errors] == []
    assert {count for count, _ in seen} <= {"25", "26"} and seen[-1][0] == "26"
    assert len(seen) > 5


def test_dated_articles_draw_over_time_and_filter_quotes(monkeypatch, loaded, tmp_path):
    from datetime import date

    dated = tmp_path / "dated.duckdb"
    shutil.copy(loaded[1], dated)
    with duckdb.connect(str(dated)) as con:  # as if the sources had carried publication dates
        con.execute("UPDATE articles SET published_at = CASE WHEN source_uri LIKE 'politics/%' THEN DATE '2005-02-01' "
                    "ELSE DATE '2004-11-15' END")
        expected = con.execute("""
            SELECT e.canonical_name, count(*) AS n FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id
            JOIN articles a USING (article_id) WHERE a.published_at >= DATE '2005-01-01'
            GROUP BY 1 ORDER BY n DESC, 1 LIMIT 25""").fetchall()
    overview = open_page(monkeypatch, dated, "overview")
    assert not overview.info
    by_month = overview.dataframe[1].value
    assert [(m.date(), n) for m, n in zip(by_month["month"], by_month["articles"])] == [
        (date(2005, 2, 1), 5), (date(2004, 11, 1), 20)]
    quotes = open_page(monkeypatch, dated, "quotes")
    quotes.date_input[0].set_value((date(2005, 1, 1), date(2005, 12, 31))).run()
    speakers = quotes.dataframe[0].value
    assert list(zip(speakers["speaker"], speakers["quotes"])) == expected
