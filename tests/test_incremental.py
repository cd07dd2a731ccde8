"""Incremental runs and history, through the real flow into a real DuckDB file and Parquet lake:
unchanged files cost a stat, a touch is not a change, a changed file is a new version of the same article,
a vanished file is marked deleted (kept, hidden from the views), and quarantined files come back when fixed."""
from __future__ import annotations

import hashlib
import os
import shutil

import duckdb
import pyarrow.dataset as ds
import pytest
from cli_runner import can_deny, run_args, run_cli
from conftest import BBC_GOLD, SEED

import flows.discover
from flows.fingerprint import fingerprint, table_fingerprint
from flows.load import ARTICLE_TABLES
from flows.pipeline import news_etl_flow
from schemas import TABLES

BBC = ("business_111.txt", "business_136.txt", "entertainment_095.txt")


@pytest.fixture
def world(prefect_api, tmp_path, monkeypatch):
    """A source of four articles, a warehouse and a lake; `run()` runs the flow, `hashed` counts the files
    discovery read and hashed."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED, source)
    for name in BBC:
        shutil.copy(BBC_GOLD / name, source)
    hashed = []
    real_hashed = flows.discover._hashed
    monkeypatch.setattr(flows.discover, "_hashed", lambda file, content: hashed.append(1) or real_hashed(file, content))

    class World:
        def __init__(self):
            self.source, self.warehouse, self.lake, self.hashed = source, tmp_path / "w.duckdb", tmp_path / "lake", hashed

        def run(self, **kw) -> dict:
            hashed.clear()
            params = dict(source=str(source), warehouse=str(self.warehouse), lake=str(self.lake), batch_size=2,
                          workers=1)
            return news_etl_flow(**{**params, **kw})

        def con(self):
            return duckdb.connect(str(self.warehouse), read_only=True)
    return World()


def _article_id(con, path: str) -> str:
    return con.execute("SELECT article_id FROM file_manifest WHERE path = ?", [path]).fetchone()[0]


def test_another_spelling_of_the_source_is_the_same_source(world, monkeypatch):
    """The absolute path, then `./source` from its parent folder: one source, nothing read or loaded again, one
    manifest row per file, under the absolute path."""
    world.run()
    monkeypatch.chdir(world.source.parent)
    again = world.run(source="./source")
    assert (again["files"]["loaded"], again["files"]["unchanged"], len(world.hashed)) == (0, 4, 0)
    with world.con() as con:
        assert con.execute("SELECT source, count(*) FROM file_manifest GROUP BY ALL").fetchall() == [
            (str(world.source), 4)]
        assert con.execute("SELECT DISTINCT source FROM pipeline_runs").fetchall() == [(str(world.source),)]


def test_rows_of_a_source_recorded_as_typed_are_adopted(world, monkeypatch):
    """A warehouse from a release that recorded `--source` as typed (here `source`, run from its parent): the
    rows of that spelling become the absolute path's, so the files are not loaded again; where both spellings
    knew a path, the later run's row wins (the older one here claims the files were refused)."""
    world.run()
    with duckdb.connect(str(world.warehouse)) as con:
        con.execute("INSERT INTO file_manifest SELECT * REPLACE ('source' AS source, 'quarantined' AS status, "
                    "'an old refusal' AS reason, '20250101T000000Z-000000' AS last_run_id) FROM file_manifest")
        con.execute("UPDATE pipeline_runs SET source = 'source'")
    monkeypatch.chdir(world.source.parent)
    again = world.run()
    assert (again["files"]["loaded"], again["files"]["unchanged"], again["files"]["quarantined"]) == (0, 4, 0)
    with world.con() as con:
        assert con.execute("SELECT source, status, count(*) FROM file_manifest GROUP BY ALL").fetchall() == [
            (str(world.source), "unchanged", 4)]
        assert con.execute("SELECT DISTINCT source FROM pipeline_runs").fetchall() == [(str(world.source),)]


def test_reprocess_reextracts_unchanged_files_and_drops_entities_nothing_mentions(world, tmp_path):
    """After an extractor upgrade, `reprocess` brings a warehouse to what a fresh load of the same files holds:
    every file is extracted again (same versions: the bytes did not change), and entities that no article
    mentions any more (here one an older extractor might have left) are gone."""
    world.run()
    with duckdb.connect(str(world.warehouse)) as con:
        con.execute("DELETE FROM quotes")
        con.execute("INSERT INTO entities SELECT * REPLACE ('stale' AS entity_id, 'Stale Name' AS canonical_name) "
                    "FROM entities LIMIT 1")
    again = world.run(reprocess=True)
    assert (again["files"]["loaded"], again["files"]["unchanged"], len(world.hashed)) == (4, 0, 0)
    fresh = news_etl_flow(source=str(world.source), warehouse=str(tmp_path / "fresh.duckdb"),
                          lake=str(tmp_path / "fresh-lake"), batch_size=2, workers=1)
    assert fresh["files"]["loaded"] == 4
    with world.con() as con, duckdb.connect(str(tmp_path / "fresh.duckdb"), read_only=True) as clean:
        assert fingerprint(con) == fingerprint(clean)
        assert con.execute("SELECT max(version), count(*) FROM article_versions").fetchone() == (1, 4)


def test_unchanged_rerun_reads_no_file_and_writes_no_business_rows(world):
    first = world.run()
    assert first["files"]["loaded"] == 4 and len(world.hashed) == 4
    with world.con() as con:
        before = fingerprint(con)
    second = world.run()
    assert len(world.hashed) == 0, "size and mtime alone must recognise unchanged files"
    assert second["files"] == {"seen": 4, "loaded": 0, "unchanged": 4, "duplicates": 0, "quarantined": 0,
                               "deleted": 0}
    assert set(second["rows"].values()) == {0}
    with world.con() as con:
        assert fingerprint(con) == before
        assert con.execute("SELECT run_id, files_unchanged, articles_loaded FROM pipeline_runs ORDER BY run_id"
                           ).fetchall() == [(first["run_id"], 0, 4), (second["run_id"], 4, 0)]
        assert con.execute("SELECT DISTINCT status, last_run_id FROM file_manifest").fetchall() == \
            [("unchanged", second["run_id"])]
        assert con.execute("SELECT count(*) FROM article_versions").fetchone() == (4,)
    assert not any(world.lake.glob(f"*/run_id={second['run_id']}")), "nothing staged for a no-change run"


def test_new_copy_of_a_loaded_file_is_the_duplicate_even_when_its_name_sorts_first(world):
    world.run()
    shutil.copy(world.source / "business_136.txt", world.source / "0_copy.txt")
    summary = world.run()
    assert summary["files"]["duplicates"] == 1 and summary["files"]["loaded"] == 0
    with world.con() as con:
        assert con.execute("SELECT path, status, duplicate_of FROM file_manifest WHERE status <> 'unchanged'"
                           ).fetchall() == [("0_copy.txt", "duplicate", "business_136.txt")]
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    (world.source / "business_136.txt").unlink()  # the original goes: the copy is loaded in its place
    summary = world.run()
    assert summary["files"]["loaded"] == 1 and summary["files"]["deleted"] == 1
    with world.con() as con:
        assert con.execute("SELECT path, status FROM file_manifest WHERE status <> 'unchanged' ORDER BY 1"
                           ).fetchall() == [("0_copy.txt", "new"), ("business_136.txt", "deleted")]
        assert con.execute("SELECT count(*) FROM article_facts").fetchone() == (4,)


def test_deleting_a_copy_leaves_the_article_it_copies_live(world):
    world.run()
    (world.source / "backup").mkdir()
    shutil.copy(world.source / SEED.name, world.source / "backup" / SEED.name)  # same name: same article id
    assert world.run()["files"]["duplicates"] == 1
    (world.source / "backup" / SEED.name).unlink()
    assert world.run()["files"]["deleted"] == 1
    with world.con() as con:
        assert con.execute("SELECT is_deleted FROM articles WHERE source_uri = ?", [SEED.name]).fetchone() == (False,)
        assert con.execute("SELECT count(*) FROM article_facts").fetchone() == (4,)


def test_loaded_file_edited_into_a_copy_of_another_leaves_the_views(world):
    world.run()
    shutil.copy(world.source / "business_136.txt", world.source / "business_111.txt")  # now 136's bytes
    assert world.run()["files"]["duplicates"] == 1
    with world.con() as con:
        assert con.execute("SELECT status FROM file_manifest WHERE path = 'business_111.txt'").fetchone() == \
            ("duplicate",)
        assert con.execute("SELECT is_deleted FROM articles WHERE source_uri = 'business_111.txt'").fetchone() == \
            (True,), "no file holds that article any more"
        assert con.execute("SELECT count(*) FROM article_facts").fetchone() == (3,)


def test_edited_file_keeps_its_article_id_against_a_new_file_claiming_it(world):
    world.run()
    seed = world.source / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA late paragraph about the talks.\n", encoding="utf-8")
    (world.source / "0").mkdir()  # "0/..." sorts before the seed's own path
    (world.source / "0" / SEED.name).write_text("Other story\n\nAnother article with the same id.\n",
                                                 encoding="utf-8")
    summary = world.run()
    assert summary["quarantined"] == [dict(path=f"0/{SEED.name}", stage="discover",
                                           reason=f"article id d163ad6fdaadeadf is already taken by {SEED.name}")]
    with world.con() as con:
        assert con.execute("SELECT version, source_uri FROM articles WHERE article_id = 'd163ad6fdaadeadf'"
                           ).fetchone() == (2, SEED.name)


def test_file_refused_for_a_taken_id_loads_once_the_owner_is_gone(world):
    world.run()
    (world.source / "0").mkdir()
    (world.source / "0" / SEED.name).write_text("Other story\n\nAnother article with the same id.\n",
                                                 encoding="utf-8")
    assert [q["path"] for q in world.run()["quarantined"]] == [f"0/{SEED.name}"]
    (world.source / SEED.name).unlink()
    summary = world.run()
    assert summary["quarantined"] == [] and summary["files"]["loaded"] == 1
    with world.con() as con:
        assert con.execute("SELECT source_uri, is_deleted FROM articles WHERE article_id = 'd163ad6fdaadeadf'"
                           ).fetchone() == (f"0/{SEED.name}", False)


def test_touched_file_with_the_same_bytes_stays_unchanged(world):
    world.run()
    touched = world.source / BBC[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 5_000_000_000))
    summary = world.run()
    assert len(world.hashed) == 1, "only the touched file is read"
    assert summary["files"]["unchanged"] == 4 and summary["files"]["loaded"] == 0
    with world.con() as con:
        assert con.execute("SELECT status, mtime_ns FROM file_manifest WHERE path = ?", [BBC[0]]).fetchone() == \
            ("unchanged", touched.stat().st_mtime_ns)
        assert con.execute("SELECT max(version) FROM articles").fetchone() == (1,)
    world.run()
    assert len(world.hashed) == 0, "the new mtime was remembered"


def test_changed_file_becomes_version_2_of_the_same_article(world, tmp_path):
    first = world.run()
    changed = world.source / "business_136.txt"
    old_text = changed.read_text(encoding="utf-8")
    old_sha = hashlib.sha256(changed.read_bytes()).hexdigest()
    new_text = old_text.replace("Yushchenko", "Yanukovych").replace("3,000 firms", "4,500 firms")
    changed.write_text(new_text + "\nThe finance ministry in Kiev said the list would be published in March.\n",
                       encoding="utf-8")
    second = world.run()
    assert second["files"]["loaded"] == 1 and second["files"]["unchanged"] == 3
    with world.con() as con:
        article = _article_id(con, "business_136.txt")
        assert con.execute("SELECT version, first_loaded_run, last_loaded_run, content_sha256 <> ? "
                           "FROM articles WHERE article_id = ?", [old_sha, article]).fetchone() == \
            (2, first["run_id"], second["run_id"], True)
        versions = con.execute("SELECT version, content_sha256 = ?, run_id, valid_from, valid_to "
                               "FROM article_versions WHERE article_id = ? ORDER BY version",
                               [old_sha, article]).fetchall()
        assert [(v, old, run) for v, old, run, _, _ in versions] == \
            [(1, True, first["run_id"]), (2, False, second["run_id"])]
        assert versions[0][4] == versions[1][3] and versions[1][4] is None  # v1 closed when v2 opened
        assert con.execute("SELECT count(*) FROM article_versions WHERE valid_to IS NULL").fetchone() == (4,)
        assert con.execute("SELECT status FROM file_manifest WHERE path = 'business_136.txt'").fetchone() == \
            ("changed",)
        texts = " ".join(r[0] for r in con.execute(
            "SELECT text FROM paragraphs WHERE article_id = ?", [article]).fetchall())
        assert "Yanukovych" in texts and "4,500 firms" in texts and "Yushchenko" not in texts
        assert con.execute("SELECT count(*) FROM entity_mentions WHERE article_id = ? AND surface LIKE "
                           "'%Yushchenko%'", [article]).fetchone() == (0,)
        incremental = {t: table_fingerprint(con, TABLES[t]) for t in ARTICLE_TABLES}
        current = con.execute("SELECT * EXCLUDE (version, first_loaded_run, last_loaded_run) FROM articles "
                              "ORDER BY article_id").fetchall()
    # The old version's staged Parquet is still in the lake, under the run that loaded it.
    old_staged = ds.dataset(world.lake / "articles" / f"run_id={first['run_id']}").to_table()
    assert (article, old_sha) in set(zip(old_staged["article_id"].to_pylist(),
                                         old_staged["content_sha256"].to_pylist()))
    # Current tables hold exactly what a fresh load of today's files gives: the new facts only.
    fresh = tmp_path / "fresh.duckdb"
    news_etl_flow(source=str(world.source), warehouse=str(fresh), lake=str(tmp_path / "fresh-lake"),
                  batch_size=2, workers=1)
    with duckdb.connect(str(fresh), read_only=True) as con:
        assert {t: table_fingerprint(con, TABLES[t]) for t in ARTICLE_TABLES} == incremental
        assert con.execute("SELECT * EXCLUDE (version, first_loaded_run, last_loaded_run) FROM articles "
                           "ORDER BY article_id").fetchall() == current


def test_deleted_file_is_marked_kept_and_left_out_of_views(world):
    world.run()
    aside = world.source.parent / "business_111.txt"
    (world.source / "business_111.txt").rename(aside)  # moved away, and later back with the same stat
    noticed = world.run()
    with world.con() as con:
        article = _article_id(con, "business_111.txt")
        assert con.execute("SELECT status, last_run_id FROM file_manifest WHERE path = 'business_111.txt'"
                           ).fetchone() == ("deleted", noticed["run_id"])
        assert con.execute("SELECT is_deleted, deleted_run, version FROM articles WHERE article_id = ?",
                           [article]).fetchone() == (True, noticed["run_id"], 1)
        assert con.execute("SELECT count(*) FROM paragraphs WHERE article_id = ?", [article]).fetchone()[0] > 0
        assert con.execute("SELECT count(*), count(valid_to) FROM article_versions WHERE article_id = ?",
                           [article]).fetchone() == (1, 0)
        assert con.execute("SELECT count(*) FROM article_facts").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM article_facts WHERE article_id = ?", [article]).fetchone() == (0,)
        for view, column in (("top_entities", "entity_id"), ("quotes_by_speaker", "speaker_entity_id")):
            only_there = con.execute(f"""SELECT count(*) FROM {view} WHERE {column} IN (
                SELECT entity_id FROM entity_mentions WHERE article_id = ?
                EXCEPT SELECT entity_id FROM entity_mentions WHERE article_id <> ?)""", [article, article]).fetchone()
            assert only_there == (0,), view
        assert con.execute("SELECT files_deleted FROM pipeline_runs WHERE run_id = ?",
                           [noticed["run_id"]]).fetchone() == (1,)
    later = world.run()
    with world.con() as con:
        assert con.execute("SELECT files_deleted FROM pipeline_runs WHERE run_id = ?",
                           [later["run_id"]]).fetchone() == (0,)
        assert con.execute("SELECT status, last_run_id FROM file_manifest WHERE path = 'business_111.txt'"
                           ).fetchone() == ("deleted", noticed["run_id"])
    aside.rename(world.source / "business_111.txt")  # it comes back (mv, rsync -a: same size and mtime)
    back = world.run()
    assert (back["files"]["loaded"], back["quarantined"]) == (1, []), "live again, not refused"
    with world.con() as con:
        assert con.execute("SELECT is_deleted, deleted_run, version FROM articles WHERE article_id = ?",
                           [article]).fetchone() == (False, None, 1)
        assert con.execute("SELECT count(*) FROM article_facts").fetchone() == (4,)


def _feed(name: str) -> str:
    """Two records: one with an id, one named by its line; their bytes are the feed's own (no copies of another)."""
    return (f'{{"id": "{name}-1", "text": "Yahoo buys Flickr\\n\\nYahoo bought Flickr for $30m ({name})."}}\n'
            f'{{"text": "Google buys Picasa\\n\\nGoogle bought Picasa for $50m ({name})."}}\n')


def test_emptied_files_are_refused_as_empty_and_keep_their_articles_json_lines_too(world):
    """A file emptied (a failed export, a crashed copy) is refused as empty and its articles keep their last
    version, whatever kind of file it is: an article file, a JSON Lines file cut to 0 bytes, or one left with blank
    lines only. Only a file that is gone (or a line removed) deletes its articles."""
    (world.source / "feeds").mkdir()
    for name in ("cut.jsonl", "blank.jsonl"):
        (world.source / "feeds" / name).write_text(_feed(name), encoding="utf-8")
    world.run()
    with world.con() as con:
        live = con.execute("SELECT source_uri, version FROM articles WHERE NOT is_deleted ORDER BY 1").fetchall()
    assert len(live) == 8
    (world.source / "feeds" / "cut.jsonl").write_bytes(b"")
    (world.source / "feeds" / "blank.jsonl").write_bytes(b"\n  \n")
    (world.source / "business_111.txt").write_bytes(b"")
    emptied = world.run()
    assert emptied["quarantined"] == [
        dict(path="business_111.txt", stage="discover", reason="empty: the file has no bytes"),
        dict(path="feeds/blank.jsonl", stage="discover", reason="empty: the JSON Lines file has only blank lines"),
        dict(path="feeds/cut.jsonl", stage="discover", reason="empty: the file has no bytes")]
    assert emptied["files"]["deleted"] == 0
    with world.con() as con:
        assert con.execute("SELECT source_uri, version FROM articles WHERE NOT is_deleted ORDER BY 1"
                           ).fetchall() == live
    assert world.run()["files"] == {"seen": 6, "loaded": 0, "unchanged": 3, "duplicates": 0, "quarantined": 3,
                                    "deleted": 0}

    (world.source / "feeds" / "blank.jsonl").write_text(_feed("blank.jsonl"), encoding="utf-8")  # restored
    (world.source / "feeds" / "cut.jsonl").unlink()
    gone = world.run()
    assert gone["quarantined"] == [dict(path="business_111.txt", stage="discover", reason="empty: the file has no bytes")]
    with world.con() as con:
        assert con.execute("SELECT path, status FROM file_manifest WHERE path LIKE 'feeds/%#%' ORDER BY path"
                           ).fetchall() == [
            ("feeds/blank.jsonl#id=blank.jsonl-1", "unchanged"), ("feeds/blank.jsonl#line=2", "unchanged"),
            ("feeds/cut.jsonl#id=cut.jsonl-1", "deleted"), ("feeds/cut.jsonl#line=2", "deleted")]
        assert con.execute("SELECT source_uri, version FROM articles WHERE NOT is_deleted ORDER BY 1"
                           ).fetchall() == [row for row in live if not row[0].startswith("feeds/cut.jsonl")]


def test_quarantined_file_is_loaded_once_its_source_is_fixed(world):
    broken = world.source / "late.txt"
    broken.write_bytes(b"The Bank of England held rates.\x00\x00\x00")
    first = world.run()
    assert first["quarantined"] == [dict(path="late.txt", stage="decode",
                                         reason="binary content: NUL bytes and no UTF-16 byte-order mark")]
    again = world.run()
    assert len(world.hashed) == 0 and again["quarantined"][0]["path"] == "late.txt", "still refused, not re-read"
    broken.write_text("Rates held\n\nThe Bank of England held interest rates at 4.75% on Thursday.\n",
                      encoding="utf-8")
    fixed = world.run()
    assert fixed["files"]["loaded"] == 1 and fixed["quarantined"] == []
    with world.con() as con:
        assert con.execute("SELECT status FROM file_manifest WHERE path = 'late.txt'").fetchone() == ("new",)
        assert con.execute("SELECT title FROM articles WHERE source_uri = 'late.txt'").fetchone() == ("Rates held",)
        assert con.execute("SELECT count(*) FROM quarantined_files").fetchone() == (0,)
        assert con.execute("SELECT run_id, stage FROM quarantine").fetchall() == [(first["run_id"], "decode")]


def test_retry_quarantined_reads_files_whose_fix_left_size_and_mtime_alone(cli_env, tmp_path):
    """chmod does not change size or mtime, so a normal rerun keeps the refusal; --retry-quarantined reads
    the quarantined files again. Real CLI, with the permission really denied (see test_bad_input)."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED, source)
    locked = source / "locked.txt"
    shutil.copy(BBC_GOLD / "business_111.txt", locked)
    locked.chmod(0)
    denied, preexec = can_deny(locked)
    if not denied:
        locked.chmod(0o644)
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE: mode 000 does not stop a read here")
    args = run_args(source, tmp_path / "w.duckdb", tmp_path / "lake", "--workers", "1")

    def status():
        with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
            return con.execute("SELECT status, reason FROM file_manifest WHERE path = 'locked.txt'").fetchone()
    done = run_cli(args, cli_env, preexec_fn=preexec)
    assert done.returncode == 0, done.stderr[-2000:]
    assert status() == ("quarantined", "cannot read: Permission denied")
    locked.chmod(0o644)
    assert run_cli(args, cli_env, preexec_fn=preexec).returncode == 0
    assert status() == ("quarantined", "cannot read: Permission denied")
    done = run_cli([*args, "--retry-quarantined"], cli_env, preexec_fn=preexec)
    assert done.returncode == 0 and "loaded 1" in done.stdout, done.stdout
    assert status() == ("new", None)
