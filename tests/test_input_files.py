"""Files that stat alone can judge, and names that are not text (issue 20, items 4, 5 and 7): empty files are
refused once each as empty, over-size ones from their size without being read, and a name that is not valid
UTF-8 gets a manifest path of its own, so two runs settle everything and the second has nothing to load."""
from __future__ import annotations

import os
import shutil
import tracemalloc
from datetime import date

import duckdb
import pytest
from conftest import SEED

from flows.discover import EMPTY, MAX_FILE_BYTES, discover, fs_path, path_text, too_large
from flows.publish import pending_runs
from news_etl.cli import main

BIG = 200 * 1024 * 1024
BAD_NAME = b"bad\xffname.txt"  # the raw bytes of a file name that is not UTF-8
ESCAPE_NAME = "bad\\xffname.txt"  # a real file whose name is that escape, written out
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
PDF_REASON = "PDF document (the file starts with b'%PDF-'), not article text: save the article as text or HTML"


def _story(label: str) -> bytes:
    return (f"{label} story\n\nMinisters said on Tuesday that the plan for {label} would cost 3bn pounds.\n\n"
            f"The opposition called it a disgrace, and said the {label} vote would come next week.\n").encode()


def _sparse(path, size: int) -> None:
    with open(path, "wb") as file:
        file.truncate(size)  # a hole: no disk blocks, but stat says `size`


@pytest.fixture(scope="module")
def two_runs(prefect_api, tmp_path_factory):
    """One source with three empty files, an over-size file, a file named with a byte that is not UTF-8, one
    named with that byte's escape, two copies of a PDF, and the seed; run twice with nothing changed in between."""
    root = tmp_path_factory.mktemp("input_files")
    source = root / "source"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    for name in ("e1.txt", "e2.txt", "e3.txt"):
        (source / name).write_bytes(b"")
    _sparse(source / "huge.txt", BIG)
    with open(os.path.join(os.fsencode(source), BAD_NAME), "wb") as file:
        file.write(_story("Undecodable name"))
    (source / ESCAPE_NAME).write_bytes(_story("Escape-like name"))
    for name in ("report.txt", "report_copy.txt"):
        (source / name).write_bytes(PDF)
    args = ["run", "--source", str(source), "--warehouse", str(root / "w.duckdb"), "--lake", str(root / "lake"),
            "--workers", "1"]
    codes = [main(args), main(args)]
    con = duckdb.connect(str(root / "w.duckdb"), read_only=True)
    yield codes, con
    con.close()


def test_run_refuses_each_empty_and_oversize_file_once_with_its_reason(two_runs):
    codes, con = two_runs
    assert codes == [0, 0]
    assert con.execute("SELECT source_uri, stage, reason FROM quarantine ORDER BY source_uri").fetchall() == [
        ("e1.txt", "discover", EMPTY), ("e2.txt", "discover", EMPTY), ("e3.txt", "discover", EMPTY),
        ("huge.txt", "discover", f"file of {BIG:,} bytes (limit {MAX_FILE_BYTES:,}): too large for a news "
                                 "article, not read"),
        ("report.txt", "decode", PDF_REASON),
        ("report_copy.txt", "discover", f"same bytes as report.txt, which is refused: {PDF_REASON}")]
    assert con.execute("SELECT path, status, content_sha256, duplicate_of FROM file_manifest ORDER BY path"
                       ).fetchall() == [
        (SEED.name, "new", con.execute("SELECT content_sha256 FROM articles WHERE source_uri = ?",
                                             [SEED.name]).fetchone()[0], None),
        ("bad\\x5cxffname.txt", "new", _sha(_story("Escape-like name")), None),
        ("bad\\xffname.txt", "new", _sha(_story("Undecodable name")), None),
        ("e1.txt", "quarantined", None, None), ("e2.txt", "quarantined", None, None),
        ("e3.txt", "quarantined", None, None), ("huge.txt", "quarantined", None, None),
        ("report.txt", "quarantined", _sha(PDF), None), ("report_copy.txt", "duplicate", _sha(PDF), "report.txt")]


def test_second_run_takes_the_no_change_path(two_runs):
    """The second run changes nothing: it leaves the warehouse as the first run published it (its manifest rows
    above are the first run's) and keeps its own pipeline_runs row beside it until a run that loads something."""
    _, con = two_runs
    columns = ["flow_run_id", "files_seen", "files_new", "files_unchanged", "files_quarantined", "files_duplicate",
               "articles_loaded"]
    published = con.execute(f"SELECT {', '.join(columns)} FROM pipeline_runs").fetchall()
    assert [(r[0] is not None, *r[1:]) for r in published] == [(True, 9, 4, 0, 5, 1, 3)]
    warehouse = con.execute("SELECT path FROM duckdb_databases() WHERE NOT internal").fetchone()[0]
    pending = pending_runs(warehouse).select(columns).to_pylist()
    assert [(r["flow_run_id"] is not None, *list(r.values())[1:]) for r in pending] == [(False, 9, 0, 3, 5, 1, 0)]


def test_names_that_read_alike_load_as_two_articles(two_runs):
    _, con = two_runs
    assert con.execute("SELECT source_uri, title FROM articles WHERE source_uri LIKE 'bad%' ORDER BY 1"
                       ).fetchall() == [("bad\\x5cxffname.txt", "Escape-like name story"),
                                        ("bad\\xffname.txt", "Undecodable name story")]


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("raw", [b"plain.txt", b"caf\xc3\xa9/ok.txt", BAD_NAME, ESCAPE_NAME.encode(),
                                 b"a\\\\xffb\\x5c\\.txt", b"\\\xff\\x\xe9x41.txt", b"\\x5cx41"])
def test_path_text_round_trips_every_name(raw):
    text = path_text(os.fsdecode(raw))
    text.encode("utf-8")  # the manifest and Parquet can hold it
    assert os.fsencode(fs_path(text)) == raw


def test_path_text_gives_names_that_read_alike_their_own_paths():
    assert path_text(os.fsdecode(BAD_NAME)) == "bad\\xffname.txt"
    assert path_text(ESCAPE_NAME) == "bad\\x5cxffname.txt"
    assert path_text("café/plain \\ name.txt") == "café/plain \\ name.txt"  # every other name is its own text


def test_discover_refuses_an_oversize_file_without_reading_it(tmp_path):
    _sparse(tmp_path / "huge.txt", BIG)
    tracemalloc.start()
    try:
        plan = discover(tmp_path, {})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(f.path, f.status, f.reason, f.content_sha256) for f in plan.refused] == \
        [("huge.txt", "quarantined", too_large(BIG), None)]
    assert peak < 1 << 20  # read, it would take 200 MB


def test_stage_batch_refuses_a_file_grown_past_the_limit_after_discovery(tmp_path):
    from flows.lake import Lake
    from flows.stage import FileToLoad, stage_batch

    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "grows.txt").write_bytes(_story("Growing"))
    plan = discover(tmp_path / "source", {})
    _sparse(tmp_path / "source" / "grows.txt", MAX_FILE_BYTES + 1)
    files = [FileToLoad(f.path, f.article_id, f.content_sha256) for f in plan.to_load]
    report = stage_batch(str(tmp_path / "source"), files, Lake(tmp_path / "lake").url, "20260101T000000Z-test00", 0)
    assert [(r.source_uri, r.stage, r.reason) for r in report.rejected] == \
        [("grows.txt", "read", too_large(MAX_FILE_BYTES + 1))]


def _load(source, root):
    """discover -> stage -> validate -> load with the production functions (no Prefect): a connection."""
    from flows.accounting import RunOutcome
    from flows.lake import Lake
    from flows.load import RunTimes, load_run
    from flows.pipeline import validate_staged
    from flows.run_ids import utc_now
    from flows.stage import FileToLoad, stage_batch
    from flows.warehouse import connect, ensure_schema

    lake, run_id = Lake(root / "lake"), "20260101T000000Z-test00"
    plan = discover(source, {})
    report = stage_batch(str(source), [FileToLoad(f.path, f.article_id, f.content_sha256) for f in plan.to_load],
                         lake.url, run_id, 0)
    verdict = validate_staged.fn(lake.url, run_id, [report])
    con = connect(root / "w.duckdb")
    ensure_schema(con)
    load_run(con, lake, RunOutcome(run_id, str(source), plan, [report], verdict.results, verdict.failures),
             RunTimes(utc_now(), 0, 0, 0), None, utc_now)
    return con


STRAY_BYTE = ("Café owner wins £5m prize\n\nJosé Müller, who runs a café in Zürich, said on Monday that he would "
              "share the £5m with his staff.\n\n\"It is a dream come true,\" Mr Müller told the BBC. His staff"
              "\x00s bonus will be paid in March.\n").encode().replace(b"\x00", b"\x92")


def test_utf8_article_with_a_stray_byte_loads_as_utf8_and_is_flagged(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "stray.txt").write_bytes(STRAY_BYTE)
    shutil.copy(SEED, source / SEED.name)
    con = _load(source, tmp_path)
    assert con.execute("SELECT source_uri, title, encoding, replaced_bytes FROM articles ORDER BY 1").fetchall() == [
        (SEED.name, con.execute("SELECT title FROM articles WHERE source_uri = ?", [SEED.name]).fetchone()[0],
         "utf-8", 0),
        ("stray.txt", "Café owner wins £5m prize", "utf-8", 1)]
    assert con.execute("SELECT body FROM articles WHERE source_uri = 'stray.txt'").fetchone()[0].endswith(
        "Mr Müller told the BBC. His staff\ufffds bonus will be paid in March.")
    assert con.execute("""SELECT e.canonical_name, e.entity_type, list(DISTINCT m.surface ORDER BY m.surface)
                          FROM entity_mentions m JOIN entities e USING (entity_id) JOIN articles a USING (article_id)
                          WHERE a.source_uri = 'stray.txt' GROUP BY ALL ORDER BY 1""").fetchall() == [
        ("BBC", "ORG", ["BBC"]), ("José Müller", "PERSON", ["José Müller", "Mr Müller"]), ("Zürich", "GPE", ["Zürich"])]
    assert con.execute("SELECT run_id, source_uri, stage, warning, reason FROM article_warnings").fetchall() == [
        ("20260101T000000Z-test00", "stray.txt", "decode", "replaced_bytes",
         "1 byte(s) not valid UTF-8 replaced by U+FFFD (the first at byte 195); the rest of the file is UTF-8")]


def test_html_pages_load_as_their_article_and_a_pdf_is_refused_by_name(tmp_path):
    from test_html import BOILERPLATE, PAGE, PARAGRAPHS

    source = tmp_path / "source"
    source.mkdir()
    (source / "ferry.html").write_bytes(PAGE)
    (source / "ferry_saved.txt").write_bytes(PAGE.replace(b"2024-03-14", b"2024-03-15"))  # not a copy of the first
    (source / "report.txt").write_bytes(PDF)
    con = _load(source, tmp_path)
    assert con.execute("""SELECT source_uri, title, author, published_at, published_at_source, paragraph_count, body
                          FROM articles ORDER BY 1""").fetchall() == [
        (name, "Harbour town votes to keep its ferry", "Jane Porter", date(2024, 3, day), "html", 3,
         "\n\n".join(PARAGRAPHS)) for name, day in (("ferry.html", 14), ("ferry_saved.txt", 15))]
    assert con.execute("SELECT source_uri, stage, reason FROM quarantine").fetchall() == [
        ("report.txt", "decode", "PDF document (the file starts with b'%PDF-'), not article text: save the article "
                                 "as text or HTML")]
    surfaces = [s for (s,) in con.execute("""SELECT surface FROM entity_mentions UNION ALL SELECT text FROM quotes
                                             UNION ALL SELECT surface FROM quantities
                                             UNION ALL SELECT surface FROM temporal_expressions""").fetchall()]
    assert "Martin Hughes" in surfaces and "£1.2m" in surfaces
    assert [s for s in surfaces if any(word in s for word in BOILERPLATE)] == []
