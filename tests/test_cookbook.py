"""Every query of docs/cookbook.md runs against a small loaded corpus (the seed and tests/fixtures/model_corpus,
loaded by the real flow, then a second run that changes a file) and answers with rows."""
import re
import shutil

import duckdb
import pytest
from conftest import REPO, SEEDS
from test_model_flow import MODEL_CORPUS, run

COOKBOOK = REPO / "docs" / "cookbook.md"
QUERIES = re.findall(r"```sql\n(.*?)```", COOKBOOK.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def warehouse(prefect_api, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("cookbook")
    source = tmp_path / "source"
    shutil.copytree(MODEL_CORPUS, source)
    shutil.copytree(SEEDS, source, dirs_exist_ok=True)
    run(source, tmp_path)
    (source / "business" / "002.txt").write_text("Google shares rise\n\nGoogle reported a profit of $310m on "
                                                 "3 January 2005.\n\nMicrosoft and Google compete, analysts said.\n")
    run(source, tmp_path)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    yield con
    con.close()


def test_cookbook_has_at_least_ten_questions():
    assert len(re.findall(r"^## \d+\. ", COOKBOOK.read_text(encoding="utf-8"), flags=re.M)) >= 10
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("sql", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_cookbook_query_answers(warehouse, sql):
    assert warehouse.execute(sql).fetchall() != []


def test_cookbook_substr_returns_the_surface(warehouse):
    mentions = warehouse.execute(QUERIES[8]).fetchall()  # "Show each mention of an entity in its paragraph"
    assert {row[2] for row in mentions} == {"Google"}
    money = warehouse.execute(QUERIES[-1]).fetchall()
    assert money and all(row[-1] for row in money)


def test_cookbook_last_run_shows_the_changed_file(warehouse):
    changed = warehouse.execute(QUERIES[4]).fetchall()  # "What changed in the last run?"
    assert changed == [("business/002.txt", "changed", None, 2, "Google shares rise")]
