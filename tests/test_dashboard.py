"""The dashboard's pages under Streamlit's AppTest, over a warehouse loaded by a real run from the seed, one written
article and 24 BBC articles (loaded once per session); the pages read the marts, and their figures are checked
against counts taken straight from the base tables."""
from __future__ import annotations

import os
import shutil
import socket
from collections import Counter
from datetime import date

import duckdb
import pytest
from cli_runner import cli, run_args, run_cli, start_cli
from dashboard_corpus import BBC_GOLD, REPO, copy_loaded, loaded_corpus
from streamlit.testing.v1 import AppTest

from news_etl.dashboard import WAREHOUSE_ENV
from news_etl.dashboard.pages import PAGES

APP = str(REPO / "news_etl" / "dashboard" / "app.py")
NEW_ARTICLE = ("Veltrix opens a research centre in Leeds\n\nThe software maker Veltrix said on Monday it would open a "
               "research centre in Leeds, with 300 jobs.\n\nIts chief executive, Ann Moss, said the city had the "
               "engineers it needed.\n")
CATEGORIES = {"business": 5, "entertainment": 5, "politics": 5, "sport": 5, "tech": 4, "(none)": 2}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, cli_env):
    """(source, warehouse, lake) after one run over the corpus: read only (a test that changes them copies them)."""
    return loaded_corpus(tmp_path_factory, cli_env)


def open_page(monkeypatch, warehouse, page: str) -> AppTest:
    monkeypatch.setenv(WAREHOUSE_ENV, str(warehouse))
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["page"] = page
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def scalar(warehouse, sql: str):
    return rows(warehouse, sql)[0][0]


def rows(warehouse, sql: str, **params) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_overview_exact_counts(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "overview")
    counts = {label: f"{scalar(warehouse, f'SELECT count(*) FROM {table}'):,}" for label, table in (
        ("Entities", "entities"), ("Entity mentions", "entity_mentions"), ("Quotes", "quotes"),
        ("Quantities", "quantities"), ("Temporal expressions", "temporal_expressions"))}
    assert metrics(app) == {"Articles": "26", **counts}
    assert sum(CATEGORIES.values()) == 2 + len(list(BBC_GOLD.glob("*.txt")))
    by_category = app.dataframe[0].value
    assert dict(zip(by_category["category"], by_category["articles"])) == CATEGORIES
    runs = app.dataframe[-1].value
    assert runs["run_id"].tolist() == [scalar(warehouse, "SELECT run_id FROM pipeline_runs")]
    assert runs["files_loaded"].tolist() == [26]
    assert [i.value for i in app.info] == [
        "No article carries a publication date (`published_at`), so there is nothing to draw over time."]


def test_entities_alias_finds_entity_with_aliases_co_occurring_and_timeline(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "entities")
    app.text_input[0].input("Mr Kim").run()
    entity = app.selectbox[1]
    assert entity.options == ["Kim Jong Un (PERSON, 14 mentions)"]
    aliases, timeline, co_occurring = (app.dataframe[i].value for i in (1, 2, 3))
    assert aliases["alias"].tolist() == ["Kim", "Kim Jong Un", "Mr Kim"]
    expected = co_occurring_by_hand(warehouse, entity.value)
    assert list(zip(co_occurring["canonical_name"], co_occurring["entity_type"], co_occurring["articles"])) == expected
    assert {("KCNA", "ORG", 2), ("Japan", "GPE", 2), ("Donald Trump", "PERSON", 1)} <= set(expected)
    # No article has a published_at: the written article is dated by its text (3 March 2019), the seed by nothing.
    assert [(m.date(), by, n, k) for m, by, n, k in timeline.itertuples(index=False)] == timeline_by_hand(
        warehouse, entity.value) == [(date(2019, 3, 1), "text_date", 2, 1)]
    assert "Articles dated by the latest day or month their text states (`text_date`: they carry no publication " \
           "date)." in [c.value for c in app.main.caption]
    contexts = [m.value for m in app.markdown if "<mark>" in m.value]
    assert len(contexts) == 14
    assert ("`000_d163ad6fdaadeadf.txt`\n\n> North Korea reveals nuclear submarine progress as <mark>Kim Jong Un"
            "</mark> slams South Korea") in contexts


def co_occurring_by_hand(warehouse, entity: str) -> list[tuple]:
    """(name, type, articles) of the entities named in the title or body of the live articles naming `entity`."""
    named = set(rows(warehouse, """
        SELECT m.article_id, m.entity_id, e.canonical_name, e.entity_type
        FROM entity_mentions m JOIN entities e USING (entity_id) JOIN articles a USING (article_id)
        WHERE m.headline_position IS NULL AND NOT a.is_deleted"""))
    its = {article for article, other, _, _ in named if other == entity}
    together = Counter((name, kind) for article, other, name, kind in named if article in its and other != entity)
    return sorted(((name, kind, n) for (name, kind), n in together.items()), key=lambda r: (-r[2], r[0]))[:20]


def timeline_by_hand(warehouse, entity: str) -> list[tuple]:
    """(month, dated_by, mentions, articles), latest month first: each article dated by its published_at, else by the
    latest absolute day or month its title or body states."""
    stated = {}
    for article, anchor, granularity, start, headline in rows(
            warehouse, "SELECT article_id, anchor, granularity, start_date, headline_position FROM temporal_expressions"):
        if anchor == "absolute" and granularity in ("day", "month") and headline is None:
            stated[article] = max(stated.get(article, start), start)
    published = dict(rows(warehouse, "SELECT article_id, published_at FROM articles WHERE NOT is_deleted"))
    months = Counter()
    articles = {}
    for (article,) in rows(warehouse, "SELECT article_id FROM entity_mentions WHERE entity_id = $entity AND "
                           "headline_position IS NULL", entity=entity):
        if article not in published or (published[article] or stated.get(article)) is None:
            continue
        when, by = (published[article], "published_at") if published[article] else (stated[article], "text_date")
        key = (when.replace(day=1), by)
        months[key] += 1
        articles.setdefault(key, set()).add(article)
    return [(month, by, n, len(articles[month, by]))
            for (month, by), n in sorted(months.items(), key=lambda item: (-item[0][0].toordinal(), item[0][1]))]


def test_entities_unknown_name_says_so(monkeypatch, loaded):
    app = open_page(monkeypatch, loaded[1], "entities")
    app.text_input[0].input("Zzyzx Qwerty").run()
    assert [w.value for w in app.warning] == ["No entity is named or aliased like “Zzyzx Qwerty”."]


def test_quotes_top_speakers_all_and_by_category(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "quotes")
    speakers = app.dataframe[0].value
    assert list(zip(speakers["speaker"], speakers["quotes"], speakers["articles"])) == speakers_by_hand(warehouse, "%")
    app.selectbox[0].select("politics").run()
    speakers = app.dataframe[0].value
    expected = speakers_by_hand(warehouse, "politics/%")
    assert list(zip(speakers["speaker"], speakers["quotes"], speakers["articles"])) == expected
    top_quotes = app.dataframe[1].value
    assert len(top_quotes) == expected[0][1]
    assert set(top_quotes["source_uri"]) <= {f"politics/{p.stem.split('_')[1]}.txt"
                                             for p in BBC_GOLD.glob("politics_*.txt")}


def speakers_by_hand(warehouse, files: str, since: date | None = None) -> list[tuple]:
    """(speaker, quotes, articles) of the 25 most quoted in the files LIKE `files` published since `since`."""
    quoted = rows(warehouse, """
        SELECT e.canonical_name, q.article_id FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id
        JOIN articles a USING (article_id)
        WHERE a.source_uri LIKE $files AND ($since IS NULL OR a.published_at >= $since)""", files=files, since=since)
    quotes = Counter(name for name, _ in quoted)
    articles = Counter(name for name, _ in set(quoted))
    return sorted(((name, n, articles[name]) for name, n in quotes.items()), key=lambda r: (-r[1], r[0]))[:25]


def test_amounts_money_by_currency_and_by_entity(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "amounts")
    by_currency, by_entity = app.dataframe[0].value, app.dataframe[1].value
    money = rows(warehouse, "SELECT q.unit, e.canonical_name, q.value FROM quantities q "
                 "LEFT JOIN entities e ON e.entity_id = q.entity_id WHERE q.kind = 'money'")
    per_currency = Counter(unit for unit, _, _ in money)
    assert list(zip(by_currency["currency"], by_currency["amounts"])) == sorted(
        per_currency.items(), key=lambda r: (-r[1], r[0]))
    linked = [(name, unit, value) for unit, name, value in money if name is not None]
    assert list(zip(by_entity["canonical_name"], by_entity["currency"], by_entity["amounts"], by_entity["total"])) == [
        ("Samsung", "USD", 1, 4.2e9)] == [(name, unit, 1, value) for name, unit, value in linked]


def test_pipeline_health_one_clean_run(monkeypatch, loaded):
    _, warehouse, _ = loaded
    app = open_page(monkeypatch, warehouse, "health")
    runs = app.dataframe[0].value
    assert runs[["files_seen", "files_loaded", "files_quarantined"]].values.tolist() == [[26, 26, 0]]
    checked, rows_checked, failed = rows(warehouse, "SELECT count(*), sum(element_count), sum(unexpected_count) "
                                                    "FROM validation_results")[0]
    assert runs["expectations_checked"].tolist() == [checked] and checked > 90
    assert runs["pass_rate_percent"].tolist() == [round(100 * (1 - failed / rows_checked), 2)] == [100.0]
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
    assert scalar(warehouse, "SELECT count(*) FROM articles") == 26


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
    with duckdb.connect(str(old)) as con:  # as a release before the mart existed
        con.execute("DROP VIEW amounts_by_entity")
    app = open_page(monkeypatch, old, "quotes")
    assert [e.value for e in app.error] == [f"the warehouse {old} has an older schema (no amounts_by_entity): run "
                                            "`news-etl run` on it with this release to upgrade it"]


def test_older_schema_missing_a_mart_column_says_so(monkeypatch, loaded, tmp_path):
    old = tmp_path / "old.duckdb"
    shutil.copy(loaded[1], old)
    with duckdb.connect(str(old)) as con:  # entity_timeline as it was before it said how articles were dated
        con.execute("CREATE OR REPLACE VIEW entity_timeline AS SELECT * EXCLUDE (dated_by) FROM entity_timeline")
    app = open_page(monkeypatch, old, "overview")
    assert [e.value for e in app.error] == [f"the warehouse {old} has an older schema (no entity_timeline.dated_by): "
                                            "run `news-etl run` on it with this release to upgrade it"]


def test_corrupt_warehouse_says_so(monkeypatch, tmp_path):
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database\n" * 100)
    app = open_page(monkeypatch, corrupt, "amounts")
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith(f"cannot open the warehouse {corrupt}: "), errors


def test_page_query_failure_is_one_line(monkeypatch, loaded, tmp_path):
    odd = tmp_path / "odd.duckdb"
    shutil.copy(loaded[1], odd)
    with duckdb.connect(str(odd)) as con:  # the declared columns, but a view that fails when it is read
        con.execute("CREATE OR REPLACE VIEW quarantined_files AS SELECT path, source, status, "
                    "error('the file system went away') AS reason, last_run_id FROM file_manifest")
    app = open_page(monkeypatch, odd, "health")
    assert [e.value for e in app.error] == [
        f"a query of this page failed on {odd}: Invalid Input Error: the file system went away"]


def test_dashboard_port_in_use_is_one_line(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = run_cli(cli("dashboard", "--warehouse", tmp_path / "w.duckdb", "--port", port), dict(os.environ),
                       timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (f"news-etl dashboard: cannot listen on 127.0.0.1:{port} (Address already "
                                            "in use): choose another with --port, or --host")


@pytest.fixture(scope="module")
def run_while_open(loaded, tmp_path_factory, cli_env) -> dict:
    """The overview opened, then reloaded (what a refresh in the browser does) again and again while a run loads a
    new article, and once more after it: one run for the two tests below."""
    source, warehouse, lake = copy_loaded(loaded, tmp_path_factory.mktemp("run-while-open"))
    (source / "tech" / "new.txt").write_text(NEW_ARTICLE)
    log = source.parent / "run.log"
    with pytest.MonkeyPatch.context() as patch:
        app = open_page(patch, warehouse, "overview")
        before = metrics(app)["Articles"]
        run = start_cli(run_args(source, warehouse, lake, "--workers", "1"), cli_env, log)
        during = []
        while run.poll() is None:
            app.run()
            during.append((metrics(app).get("Articles"), [e.value for e in app.error]))
        app.run()
    return {"exit": run.wait(), "log": log, "before": before, "during": during, "after": app, "warehouse": warehouse}


def test_run_committed_while_open_shows_after_refresh(run_while_open):
    assert run_while_open["exit"] == 0, run_while_open["log"].read_text()[-2000:]
    after = run_while_open["after"]
    assert (run_while_open["before"], metrics(after)["Articles"], [e.value for e in after.error]) == ("26", "27", [])
    assert after.dataframe[-1].value["run_id"].tolist() == [
        r for (r,) in rows(run_while_open["warehouse"], "SELECT run_id FROM pipeline_runs ORDER BY run_id DESC")]


def test_pages_polled_through_a_run_never_fail_it(run_while_open):
    """Every load during the run shows the last committed state (the old count, then the new one), never an error
    (the readers' contract of issue 17: needs the publish-by-rename load, as readers are refused while a run holds
    the file without it), and the run exits 0."""
    assert run_while_open["exit"] == 0, run_while_open["log"].read_text()[-2000:]
    during = run_while_open["during"]
    assert [errors for _, errors in during if errors] == []
    assert {count for count, _ in during} <= {"26", "27"} and len(during) > 5


def test_dated_articles_draw_over_time_and_filter_quotes(monkeypatch, loaded, tmp_path):
    dated = tmp_path / "dated.duckdb"
    shutil.copy(loaded[1], dated)
    with duckdb.connect(str(dated)) as con:  # as if the BBC files had carried publication dates (not the others)
        con.execute("UPDATE articles SET published_at = CASE WHEN source_uri LIKE 'politics/%' THEN DATE '2005-02-01' "
                    "ELSE DATE '2004-11-15' END WHERE source_uri LIKE '%/%'")
    overview = open_page(monkeypatch, dated, "overview")
    assert not overview.info
    by_month = overview.dataframe[1].value
    assert [(m.date(), n) for m, n in zip(by_month["month"], by_month["articles"])] == [
        (date(2005, 2, 1), 5), (date(2004, 11, 1), 19)]
    quotes = open_page(monkeypatch, dated, "quotes")
    quotes.date_input[0].set_value((date(2005, 1, 1), date(2005, 12, 31))).run()
    speakers = quotes.dataframe[0].value
    assert list(zip(speakers["speaker"], speakers["quotes"], speakers["articles"])) == speakers_by_hand(
        dated, "%", since=date(2005, 1, 1))


def test_entity_timeline_says_how_each_month_was_dated(monkeypatch, loaded, tmp_path):
    dated = tmp_path / "dated.duckdb"
    shutil.copy(loaded[1], dated)
    with duckdb.connect(str(dated)) as con:  # Samsung is named in a tech article (dated now) and the written one
        con.execute("UPDATE articles SET published_at = DATE '2004-11-15' WHERE source_uri LIKE 'tech/%'")
    app = open_page(monkeypatch, dated, "entities")
    app.text_input[0].input("Samsung").run()
    assert app.selectbox[1].options == ["Samsung (ORG, 2 mentions)"]
    timeline = app.dataframe[2].value
    assert [(m.date(), by, n, k) for m, by, n, k in timeline.itertuples(index=False)] == timeline_by_hand(
        dated, app.selectbox[1].value) == [(date(2019, 3, 1), "text_date", 1, 1),
                                           (date(2004, 11, 1), "published_at", 1, 1)]
    assert ("Articles dated by their publication date (`published_at`) and by the latest day or month their text "
            "states (`text_date`: they carry no publication date).") in [c.value for c in app.main.caption]
    amounts = app.dataframe[4].value
    assert list(zip(amounts["kind"], amounts["unit"], amounts["quantity_count"])) == [("money", "USD", 1)]
