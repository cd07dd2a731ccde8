"""The pure parts of the benchmark: the replica builder and the figures formatter (no timing, no full run)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from news_etl.bench import Figure, format_figure, format_figures, format_value, rate, ratio
from news_etl.replicas import build_corpus, count_files, replicate_bytes, replicate_text, tag_line

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bbc_gold"
LINE_FORMAT = re.compile(r"^[a-z0-9_.]+: \S+( \S+)?$")


def _mini_source(tmp_path: Path) -> Path:
    """A small source shaped like the BBC corpus: categories, a Latin-1 file, CRLF, a BOM."""
    src = tmp_path / "src"
    for category in ("business", "sport"):
        (src / category).mkdir(parents=True)
    (src / "business" / "001.txt").write_bytes(
        b"Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.\n\n\"We are pleased,\" he said.\n")
    (src / "business" / "002.txt").write_bytes(b"\xef\xbb\xbfTitle with BOM\r\n\r\nFirst paragraph.\r\n")
    (src / "sport" / "199.txt").write_bytes("Title\n\nSerena won in Roland Garros, caf\u00e9 \u00a3300.\n".encode("latin-1"))
    (src / "sport" / "notes.md").write_bytes(b"not an article\n")
    return src


def test_tag_line_keeps_terminal_punctuation():
    assert tag_line("Profits jumped 76%.", " [r2]") == "Profits jumped 76% [r2]."
    assert tag_line('He said: "We won."  ', " [r2]") == 'He said: "We won [r2]."  '
    assert tag_line("A results table", " [r2]") == "A results table [r2]"
    assert tag_line("...", " [r2]") == "... [r2]"


def test_replicate_text_keeps_title_and_tags_every_paragraph():
    text = "The title\n\nFirst paragraph.\n\nSecond one!\nThird, no blank line before\n\n"
    assert replicate_text(text, 3) == (
        "The title\n\nFirst paragraph [r3].\n\nSecond one [r3]!\nThird, no blank line before [r3]\n\n")


def test_replicate_bytes_keeps_encoding_line_endings_and_bom():
    latin = "Title\n\nCaf\u00e9 society.\n".encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        latin.decode("utf-8")
    assert replicate_bytes(latin, 1) == "Title\n\nCaf\u00e9 society [r1].\n".encode("latin-1")
    crlf = b"\xef\xbb\xbfTitle\r\n\r\nBody.\r\n"
    assert replicate_bytes(crlf, 4) == b"\xef\xbb\xbfTitle\r\n\r\nBody [r4].\r\n"


def test_build_corpus_layout_uniqueness_and_reuse(tmp_path):
    src = _mini_source(tmp_path)
    work = tmp_path / "work"
    notes: list[str] = []
    corpus = build_corpus(src, work, 3, log=notes.append)
    assert sorted(p.name for p in corpus.iterdir()) == ["r1", "r2", "r3"]
    rels = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.txt"))
    for k in (1, 2, 3):
        assert sorted(p.relative_to(corpus / f"r{k}").as_posix() for p in (corpus / f"r{k}").rglob("*")
                      if p.is_file()) == rels
    assert count_files(corpus) == 3 * len(rels)
    # Every paragraph line is unique across replicas; titles are kept.
    paragraphs: list[str] = []
    for path in corpus.rglob("*.txt"):
        text = path.read_bytes().decode("utf-8", errors="strict") if path.name != "199.txt" else \
            path.read_bytes().decode("latin-1")
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines[0].lstrip("\ufeff") in ("Ad sales boost Time Warner profit", "Title with BOM", "Title")
        paragraphs += lines[1:]
    assert len(paragraphs) == len(set(paragraphs)) == 3 * 4
    assert len(notes) == 3

    # Reused when complete: nothing rebuilt, files untouched.
    before = {p: p.stat().st_mtime_ns for p in corpus.rglob("*.txt")}
    notes.clear()
    build_corpus(src, work, 3, log=notes.append)
    assert notes == [] and {p: p.stat().st_mtime_ns for p in corpus.rglob("*.txt")} == before

    # Fewer replicas: the extra ones are parked, not left in the corpus, and come back without a rebuild.
    build_corpus(src, work, 1, log=notes.append)
    assert sorted(p.name for p in corpus.iterdir()) == ["r1"] and notes == []
    build_corpus(src, work, 3, log=notes.append)
    assert sorted(p.name for p in corpus.iterdir()) == ["r1", "r2", "r3"] and notes == []

    # A damaged replica (a file missing) is rebuilt.
    next((corpus / "r2").rglob("*.txt")).unlink()
    build_corpus(src, work, 3, log=notes.append)
    assert notes == ["bench: built replica r2 (3 files)"] and count_files(corpus) == 9
    assert json.loads((work / "corpus-markers" / "r2.json").read_text())["files"] == 3


@pytest.mark.skipif(not BBC.is_dir(), reason="the shared BBC corpus is not here")
def test_one_replica_of_bbc_has_2205_files_and_every_paragraph_tagged(tmp_path):
    corpus = build_corpus(BBC, tmp_path, 1, log=lambda _: None)
    assert count_files(corpus) == 2205
    original = (BBC / "sport" / "199.txt").read_bytes()
    replica = (corpus / "r1" / "sport" / "199.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        replica.decode("utf-8")
    assert replica.decode("latin-1").replace(" [r1]", "") == original.decode("latin-1")
    for path in (corpus / "r1" / "business").glob("00*.txt"):
        lines = [line for line in path.read_text().splitlines() if line.strip()]
        assert "[r1]" not in lines[0] and all("[r1]" in line for line in lines[1:])


def test_format_value():
    assert format_value(None) == "n/a"
    assert format_value(2205) == "2205"
    assert format_value(1234.567) == "1234.6"
    assert format_value(12.345) == "12.35"
    assert format_value(0.0123456) == "0.0123"
    assert format_value(0.0) == "0.00"
    assert format_value(float("nan")) == "n/a"


def test_format_figures_one_line_per_figure():
    figures = [Figure("ours.cold.articles_per_s", 1234.5678, "articles/s"), Figure("bench.files", 11025, "files"),
               Figure("peer.files_per_s", None, "files/s"), Figure("ratio.ours_over_peer", 8.123, "x")]
    text = format_figures(figures)
    assert text.splitlines() == ["ours.cold.articles_per_s: 1234.6 articles/s", "bench.files: 11025 files",
                                 "peer.files_per_s: n/a files/s", "ratio.ours_over_peer: 8.12 x"]
    assert all(LINE_FORMAT.match(line) for line in text.splitlines())
    assert format_figure(Figure("bench.note", 3)) == "bench.note: 3"


def test_rate_and_ratio_guard_against_missing_values():
    assert rate(100, 4.0) == 25.0
    assert rate(100, 0.0) is None and rate(None, 1.0) is None
    assert ratio(10.0, 5.0) == 2.0 and ratio(10.0, None) is None and ratio(None, 2.0) is None


def test_extraction_figures_get_units_from_their_names(monkeypatch):
    from news_etl import bench, extract_bench

    monkeypatch.setattr(extract_bench, "bench_extraction", lambda corpus: {
        "articles": 10, "words": 400, "seconds": 0.5, "articles_per_s": 20.0, "words_per_s": 800.0,
        "cpu_seconds": 0.4, "articles_per_cpu_s": 25.0})
    monkeypatch.setattr(extract_bench, "reference_loops_per_s", lambda: 100.0)
    lines = [format_figure(f) for f in bench.extraction_figures(Path("."), log=lambda _: None)]
    assert lines == ["extract_only.articles: 10 articles", "extract_only.words: 400 words",
                     "extract_only.seconds: 0.5 s", "extract_only.articles_per_s: 20.00 articles/s",
                     "extract_only.words_per_s: 800.0 words/s", "extract_only.cpu_seconds: 0.4 s",
                     "extract_only.articles_per_cpu_s: 25.00 articles/cpu-s",
                     "machine.end.reference_loops_per_s: 100.0 loops/s",
                     "extract_only.articles_per_reference_loop: 0.25 articles/loop"]


def test_reference_loops_per_s_counts_passes_of_the_fixed_workload():
    from news_etl.machine_speed import reference_loop, reference_loops_per_s

    assert reference_loop() == (("London", 200), ("Monday", 200), ("We", 200))
    assert reference_loops_per_s(seconds=0.05, rounds=2) > 10  # a pass takes ~1 ms: dozens in 50 ms


def test_quality_figures_print_the_eval_scores_beside_the_speed():
    from news_etl import bench

    figures = {f.name: f for f in bench.quality_figures(log=lambda _: None)}
    assert list(figures)[:5] == ["quality.seed.macro_f1", "quality.seed.entities.f1",
                                 "quality.seed.quotes+speaker.f1", "quality.seed.quantities.f1",
                                 "quality.seed.temporal.f1"]
    assert len(figures) == 15 and all(f.unit == "F1" for f in figures.values())
    assert figures["quality.seed.macro_f1"].value == 0.973  # the README's figures (`make eval`)
    assert figures["quality.dev.macro_f1"].value == 0.974
    assert figures["quality.holdout.macro_f1"].value == 0.916
