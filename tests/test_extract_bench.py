"""bench_extraction: figures for extract_facts alone over a folder of article files."""
from __future__ import annotations

import shutil
from pathlib import Path

from news_etl.extract_bench import bench_extraction

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d163ad6fdaadeadf.txt"


def test_bench_extraction_counts_articles_and_words(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(SEED, tmp_path / sub / "001.txt")
    (tmp_path / "a" / "empty.txt").write_bytes(b"")  # quarantined by decode, not counted
    result = bench_extraction(tmp_path)
    assert result["articles"] == 2
    assert result["words"] == 2 * len(" ".join(SEED.read_text(encoding="utf-8").split("\n")).split())
    assert result["articles_per_s"] > 0 and result["words_per_s"] > 0 and result["articles_per_cpu_s"] > 0
