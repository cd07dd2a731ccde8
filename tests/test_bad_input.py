"""Every bad input of issue 5 in one source folder, one real `news-etl run`: each file ends as loaded rows or a
quarantine row with a clear reason, and the run itself succeeds. Then a Great Expectations failure: the failing
row's article is quarantined with the expectation, the rest of the batch loads."""
from __future__ import annotations

import codecs
import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest
from cli_runner import can_deny, run_args, run_cli
from conftest import BBC_GOLD, SEED

NUL_REASON = "binary content: NUL bytes and no UTF-16 byte-order mark"
LONG_LINE = ("lorem ipsum " * 440_000).strip()  # 5,279,999 characters, no line break

# path -> encoding recorded in articles, and a phrase that only a correct decoding gives back.
LOADED = {
    SEED.name: ("utf-8", "KCNA"),
    "business_111.txt": ("utf-8", "Unilever"),
    "latin1.txt": ("latin-1", "Café owners in Zürich"),
    "cp1252.txt": ("windows-1252", "“profits” rose – again"),
    "utf16_bom.txt": ("utf-16", "Pay talks in Kraków"),
    "utf8_bom.txt": ("utf-8-sig", "Ministers in Łódź"),
    "crlf.txt": ("utf-8", "Windows line ends"),
    "same_a.txt": ("utf-8", "Twin story"),
    "café ñews.txt": ("utf-8", "accented name"),
    "新闻/报道.txt": ("utf-8", "Chinese folder"),
    "folder.txt/inner.txt": ("utf-8", "inside a folder named like a file"),
    "ids/001_00000000000000aa.txt": ("utf-8", "first claim"),
    "caf\\xe9 latin-1 name.txt": ("utf-8", "Latin-1 file name"),  # the name's byte 0xe9 written as an escape
}
# path -> (file_manifest status, quarantine stage, reason); None stage: the test fills in a tmp path.
REFUSED = {
    "empty.txt": ("quarantined", "discover", "empty: the file has no bytes"),
    "binary.txt": ("quarantined", "decode", NUL_REASON),
    "nul_bytes.txt": ("quarantined", "decode", NUL_REASON),
    "headlines_only.txt": ("quarantined", "segment",
                           "no body: all 3 lines look like headlines and none ends a sentence"),
    "one_5mb_line.txt": ("quarantined", "segment", f"line of {len(LONG_LINE):,} characters (limit 100,000): "
                         "not article text; a file without line breaks?"),
    "same_b.txt": ("duplicate", "discover", "same bytes as same_a.txt: loaded once, under same_a.txt"),
    "ids/002_00000000000000aa.txt": ("quarantined", "discover",
                                     "article id 00000000000000aa is already taken by ids/001_00000000000000aa.txt"),
    "pipe.txt": ("quarantined", "discover", "not a regular file (FIFO, socket or device): not read"),
    "link_outside.txt": ("quarantined", "discover", None),
}
UNREADABLE = {
    "unreadable.txt": ("quarantined", "read", "cannot read: Permission denied"),
    "locked/": ("quarantined", "read", "cannot list folder: Permission denied"),
}


def _story(label: str) -> str:
    return (f"{label} story\n\nMinisters said on Tuesday that the plan for {label} would cost 3bn pounds.\n\n"
            f"The opposition called it a disgrace, and said the {label} vote would come next week.\n")


def _write_inputs(source: Path, outside: Path) -> None:
    def put(name, data: bytes):
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    source.mkdir(parents=True)
    shutil.copy(SEED, source / SEED.name)
    shutil.copy(BBC_GOLD / "business_111.txt", source / "business_111.txt")
    put("latin1.txt", "Café owners in Zürich said prices rose.\n\nThe señor agreed.\n".encode("latin-1"))
    put("cp1252.txt", "Bank chiefs said “profits” rose – again.\n\nThe € was strong.\n".encode("cp1252"))
    put("utf16_bom.txt", codecs.BOM_UTF16_LE + _story("Pay talks in Kraków").encode("utf-16-le"))
    put("utf8_bom.txt", codecs.BOM_UTF8 + _story("Ministers in Łódź").encode())
    put("crlf.txt", _story("Windows line ends").replace("\n", "\r\n").encode())
    put("same_a.txt", _story("Twin story").encode())
    put("same_b.txt", _story("Twin story").encode())
    put("café ñews.txt", _story("accented name").encode())
    put("新闻/报道.txt", _story("Chinese folder").encode())
    put("folder.txt/inner.txt", _story("inside a folder named like a file").encode())
    put("ids/001_00000000000000aa.txt", _story("first claim").encode())
    put("ids/002_00000000000000aa.txt", _story("second claim").encode())
    put("empty.txt", b"")
    put("binary.txt", random.Random(5).randbytes(4096))
    put("nul_bytes.txt", b"Some text here.\x00\x00\x00 And more text after the NUL bytes.\n")
    put("headlines_only.txt", b"Ministers Unveil New Budget Plan\nOpposition Attacks Spending Cuts Today\n"
                              b"Markets Rally After Rate Decision\n")
    put("one_5mb_line.txt", LONG_LINE.encode())
    (source / os.fsdecode(b"caf\xe9 latin-1 name.txt")).write_bytes(_story("Latin-1 file name").encode())
    os.mkfifo(source / "pipe.txt")
    outside.write_text(_story("Secret outside the source"), encoding="utf-8")
    (source / "link_outside.txt").symlink_to(outside)
    put("unreadable.txt", _story("Unreadable").encode())
    put("locked/hidden.txt", _story("Behind a locked folder").encode())
    (source / "unreadable.txt").chmod(0)
    (source / "locked").chmod(0)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, cli_env):
    root = tmp_path_factory.mktemp("bad")
    source, outside = root / "source", root / "outside.txt"
    _write_inputs(source, outside)
    denied, preexec = can_deny(source / "unreadable.txt")
    if not denied:  # root without the right to drop capabilities: mode 000 would not stop a read
        (source / "unreadable.txt").unlink()
        (source / "locked").chmod(0o755)
        shutil.rmtree(source / "locked")
    done = run_cli(run_args(source, root / "w.duckdb", root / "lake", "--batch-size", "4", "--workers", "1"),
                   cli_env, preexec_fn=preexec)
    for path in (source / "unreadable.txt", source / "locked"):
        if path.exists():
            path.chmod(0o755)  # so pytest can clean up
    con = duckdb.connect(str(root / "w.duckdb"), read_only=True)
    yield dict(done=done, con=con, denied=denied, outside=outside.resolve())
    con.close()


def _manifest(con) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in con.execute(
        "SELECT path, status, reason, duplicate_of FROM file_manifest").fetchall()}


def _quarantine(con) -> dict[str, tuple]:
    rows = con.execute("SELECT source_uri, stage, reason FROM quarantine").fetchall()
    assert len(rows) == len({r[0] for r in rows}), "one quarantine row per refused file"
    return {r[0]: r[1:] for r in rows}


def _expected_refused(bad_run) -> dict[str, tuple]:
    expected = dict(REFUSED)
    expected["link_outside.txt"] = ("quarantined", "discover",
                                    f"symlink to {bad_run['outside']} (outside the source folder): not followed")
    return expected | (UNREADABLE if bad_run["denied"] else {})


def test_the_run_succeeds_and_counts_every_file(bad_run):
    done, con = bad_run["done"], bad_run["con"]
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    refused = _expected_refused(bad_run)
    duplicates = sum(status == "duplicate" for status, _, _ in refused.values())
    run = con.execute("SELECT status, files_seen, files_new, files_quarantined, articles_loaded "
                      "FROM pipeline_runs").fetchall()
    assert run == [("completed", len(LOADED) + len(refused), len(LOADED) + _new_but_refused_later(refused),
                    len(refused) - duplicates, len(LOADED))]
    assert f"loaded {len(LOADED)}" in done.stdout and f"duplicates {duplicates}" in done.stdout


def _new_but_refused_later(refused: dict) -> int:
    """Files that discovery passed as new and a later stage (decode, segment) refused."""
    return sum(stage in ("decode", "segment") for _, stage, _ in refused.values())


def test_every_file_is_loaded_or_quarantined_with_its_reason(bad_run):
    con = bad_run["con"]
    refused = _expected_refused(bad_run)
    manifest, quarantine = _manifest(con), _quarantine(con)
    assert set(manifest) == set(LOADED) | set(refused)
    assert {p for p, (status, _, _) in manifest.items() if status == "new"} == set(LOADED)
    assert quarantine == {path: (stage, reason) for path, (_, stage, reason) in refused.items()}
    assert {p: (s, r) for p, (s, r, _) in manifest.items() if p in refused} == \
        {p: (status, reason) for p, (status, _, reason) in refused.items()}
    assert manifest["same_b.txt"][2] == "same_a.txt"
    assert con.execute("SELECT count(*) FROM quarantined_files").fetchone()[0] == len(refused)


def test_decodable_files_record_their_encoding_and_read_back_right(bad_run):
    rows = bad_run["con"].execute("SELECT source_uri, encoding, title, body FROM articles").fetchall()
    assert {uri: enc for uri, enc, _, _ in rows} == {p: enc for p, (enc, _) in LOADED.items()}
    for uri, _, title, body in rows:
        assert LOADED[uri][1] in f"{title or ''}\n{body}", uri
        assert "\r" not in body and "\x00" not in body, uri


def test_crlf_and_boms_segment_like_plain_utf8(bad_run):
    shapes = bad_run["con"].execute("""SELECT source_uri, title IS NOT NULL, paragraph_count, section_count
        FROM articles WHERE source_uri IN ('crlf.txt', 'utf8_bom.txt', 'utf16_bom.txt', 'same_a.txt')""").fetchall()
    assert sorted(shapes) == [("crlf.txt", True, 2, 2), ("same_a.txt", True, 2, 2), ("utf16_bom.txt", True, 2, 2),
                              ("utf8_bom.txt", True, 2, 2)]


def test_symlink_is_not_followed(bad_run):
    con = bad_run["con"]
    assert con.execute("SELECT count(*) FROM articles WHERE body LIKE '%Secret outside%'").fetchone() == (0,)
    assert con.execute("SELECT size_bytes, content_sha256 FROM file_manifest WHERE path = 'link_outside.txt'"
                       ).fetchone() == (None, None)


def test_unreadable_file_and_folder_are_quarantined(bad_run):
    if not bad_run["denied"]:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE: mode 000 does not stop a read here")
    quarantine = _quarantine(bad_run["con"])
    assert {p: quarantine[p] for p in UNREADABLE} == {p: (stage, r) for p, (_, stage, r) in UNREADABLE.items()}


def _stage_break_validate_load(tmp_path, table: str, column: str, is_bad, value):
    """The production stage, validate and load functions on the seed and one BBC article, with one staged value
    made invalid between stage and validate (no transform emits one on purpose). Returns (connection, rows
    of the table as staged)."""
    import dataclasses
    import hashlib

    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from flows.accounting import RunOutcome
    from flows.discover import discover
    from flows.lake import Lake
    from flows.load import RunTimes, load_run
    from flows.pipeline import validate_staged
    from flows.run_ids import utc_now
    from flows.stage import FileToLoad, stage_batch
    from flows.warehouse import connect, ensure_schema

    source, lake, run_id = tmp_path / "source", Lake(tmp_path / "lake"), "20260101T000000Z-test00"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    shutil.copy(BBC_GOLD / "business_111.txt", source / "business_111.txt")
    plan = discover(source, {})
    files = [FileToLoad(f.path, f.article_id, f.content_sha256) for f in plan.to_load]
    report = stage_batch(str(source), files, lake.url, run_id, 0)
    part = Path(lake.run_dir(table, run_id)) / "part-00000.parquet"
    staged = pq.read_table(part)
    broken = pc.if_else(is_bad(staged), value, staged[column]).cast(staged.schema.field(column).type)
    pq.write_table(staged.set_column(staged.schema.get_field_index(column), column, broken), part)
    # As if the batch had written that value: the loader checks each part against its batch's report.
    report = dataclasses.replace(report, sha256={**report.sha256, table: hashlib.sha256(part.read_bytes()).hexdigest()})

    verdict = validate_staged.fn(lake.url, run_id, [report])
    outcome = RunOutcome(run_id, str(source), plan, [report], verdict.results, verdict.failures)
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    load_run(con, lake, outcome, RunTimes(utc_now(), 0, 0, 0), None, utc_now)
    return con, staged


def _fourth_of_seed(t):
    import pyarrow.compute as pc

    return pc.and_(pc.equal(t["article_id"], "d163ad6fdaadeadf"), pc.equal(t["paragraph_index"], 3))


def test_row_failing_an_expectation_is_quarantined_and_the_rest_loads(tmp_path):
    """paragraphs.word_count = 0 for the seed's 4th paragraph: the seed is held back, the BBC article loads."""
    con, staged = _stage_break_validate_load(tmp_path, "paragraphs", "word_count", _fourth_of_seed, 0)
    expectation = "expect_column_values_to_be_between(word_count)"
    reason = f"paragraphs row d163ad6fdaadeadf|3 failed {expectation}"
    assert con.execute("SELECT source_uri, stage, reason, table_name, row_key, expectation FROM quarantine"
                       ).fetchall() == [(SEED.name, "validate", reason, "paragraphs", "d163ad6fdaadeadf|3", expectation)]
    assert con.execute("SELECT path, status, reason FROM file_manifest ORDER BY path").fetchall() == [
        (SEED.name, "quarantined", reason), ("business_111.txt", "new", None)]
    assert con.execute("SELECT source_uri FROM articles").fetchall() == [("business_111.txt",)]
    assert con.execute("SELECT count(*) FROM paragraphs WHERE article_id = 'd163ad6fdaadeadf'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == \
        con.execute("SELECT paragraph_count FROM articles").fetchone()[0]
    assert con.execute("SELECT success, element_count, unexpected_count FROM validation_results "
                       "WHERE table_name = 'paragraphs' AND expectation = ?", [expectation]).fetchone() == \
        (False, staged.num_rows, 1)
    assert con.execute("SELECT files_quarantined, articles_loaded FROM pipeline_runs").fetchone() == (1, 1)


def test_a_validation_refusal_is_recorded_once_however_many_reruns_carry_it_over(tmp_path):
    from flows.nochange import record_unchanged_run
    from flows.publish import pending_runs

    con, _ = _stage_break_validate_load(tmp_path, "paragraphs", "word_count", _fourth_of_seed, 0)
    con.close()
    for _ in range(2):  # nothing changed: each rerun carries the refusal over
        assert record_unchanged_run(str(tmp_path / "source"), str(tmp_path / "w.duckdb"), str(tmp_path / "lake"))
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quarantine").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM pipeline_runs").fetchone() == (1,)
    # The reruns changed nothing: their rows wait beside the warehouse for the next run that loads something.
    assert pending_runs(tmp_path / "w.duckdb").num_rows == 2


def test_failing_entity_holds_back_the_articles_that_mention_it(tmp_path):
    """An entity row has no article: when it fails (entity_type outside the allowed set), the articles whose
    mentions point at it are held back and quarantined, and the entity is not loaded."""
    import pyarrow.compute as pc

    con, _ = _stage_break_validate_load(tmp_path, "entities", "entity_type",
                                        lambda t: pc.equal(t["canonical_name"], "Unilever"), "ALIEN")
    expectation = "expect_column_values_to_be_in_set(entity_type)"
    rows = con.execute("SELECT source_uri, stage, table_name, expectation FROM quarantine ORDER BY 1").fetchall()
    assert [r for r in rows if not r[0].startswith("entities:")] == \
        [("business_111.txt", "validate", "entities", expectation)]
    assert con.execute("SELECT path, status FROM file_manifest ORDER BY path").fetchall() == [
        (SEED.name, "new"), ("business_111.txt", "quarantined")]
    assert con.execute("SELECT source_uri FROM articles").fetchall() == [(SEED.name,)]
    assert con.execute("SELECT count(*) FROM entities WHERE canonical_name = 'Unilever'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM entity_mentions m ANTI JOIN entities e USING (entity_id)"
                       ).fetchone() == (0,), "no mention points at a missing entity"


def test_stage_batch_refuses_a_file_edited_after_discovery(tmp_path):
    from flows.discover import discover
    from flows.lake import Lake
    from flows.stage import CHANGED_WHILE_READ, FileToLoad, stage_batch

    source, lake = tmp_path / "source", Lake(tmp_path / "lake")
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    shutil.copy(BBC_GOLD / "business_111.txt", source / "business_111.txt")
    plan = discover(source, {})
    with open(source / "business_111.txt", "a", encoding="utf-8") as edit:
        edit.write("\nA paragraph added while the run was staging.\n")
    files = [FileToLoad(f.path, f.article_id, f.content_sha256) for f in plan.to_load]
    report = stage_batch(str(source), files, lake.url, "20260101T000000Z-test00", 0)
    assert [(r.source_uri, r.stage, r.reason) for r in report.rejected] == \
        [("business_111.txt", "read", CHANGED_WHILE_READ)]
    assert report.rows["articles"] == 1  # the seed, untouched, is staged


def test_load_refuses_a_run_whose_staged_part_went_missing(tmp_path):
    """A part removed from the lake behind the run's back (by hand, by another tool) fails the load with a clear
    error, rather than committing the run without those rows."""
    from flows.accounting import RunOutcome
    from flows.discover import discover
    from flows.lake import Lake
    from flows.load import RunTimes, load_run
    from flows.run_ids import utc_now
    from flows.stage import FileToLoad, stage_batch
    from flows.warehouse import connect, ensure_schema

    source, lake, run_id = tmp_path / "source", Lake(tmp_path / "lake"), "20260101T000000Z-test00"
    source.mkdir()
    shutil.copy(SEED, source / SEED.name)
    plan = discover(source, {})
    report = stage_batch(str(source), [FileToLoad(f.path, f.article_id, f.content_sha256) for f in plan.to_load],
                         lake.url, run_id, 0)
    (Path(lake.run_dir("quotes", run_id)) / "part-00000.parquet").unlink()
    con = connect(tmp_path / "w.duckdb")
    ensure_schema(con)
    with pytest.raises(RuntimeError, match=r"staged quotes of run .* \(missing: \['part-00000.parquet'\];"):
        load_run(con, lake, RunOutcome(run_id, str(source), plan, [report]), RunTimes(utc_now(), 0, 0, 0), None,
                 utc_now)
    assert con.execute("SELECT count(*) FROM pipeline_runs").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
