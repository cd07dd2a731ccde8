"""Extraction speed on its own: decode and segment every BBC article first, then time extract_facts alone.

One process, one core, wall clock around the extraction loop only, so the figure is the extractor's and
not the disk's or the segmenter's. `news-etl bench` prints it beside the pipeline figures.
"""
from __future__ import annotations

import time
from pathlib import Path

from news_etl.machine_speed import reference_loops_per_s
from transforms.decode import decode
from transforms.extract import extract_facts
from transforms.model import BadInput
from transforms.segment import segment


def load_articles(corpus_dir: Path) -> list:
    articles = []
    for path in sorted(Path(corpus_dir).rglob("*.txt")):
        try:
            articles.append(segment(decode(path.read_bytes()).text))
        except BadInput:
            continue
    return articles


def bench_extraction(corpus_dir: Path, repeat: int = 1) -> dict:
    """Figures for extract_facts over the corpus: articles, words, seconds (wall), articles_per_s,
    words_per_s, and the same per CPU second of this process (cpu_seconds, articles_per_cpu_s)."""
    articles = load_articles(corpus_dir)
    words = sum(len(t.split()) for a in articles for _, _, t in a.texts())
    extract_facts(articles[0]) if articles else None  # warm caches that are built once per process
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for article in articles:
            extract_facts(article)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # what this process used: the wall figure also counts other load
    n = len(articles) * repeat
    return {
        "articles": n,
        "words": words * repeat,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 1) if seconds else 0.0,
        "words_per_s": round(words * repeat / seconds, 1) if seconds else 0.0,
        "cpu_seconds": round(cpu, 3),
        "articles_per_cpu_s": round(n / cpu, 1) if cpu else 0.0,
    }


def in_machine_units(figures: dict) -> dict:
    """The machine's speed on a fixed workload, measured now (news_etl.machine_speed), and the extractor's
    articles per CPU-second in units of it: comparable across days when the machine's speed is not."""
    loops = reference_loops_per_s()
    return {"reference_loops_per_s": loops,
            "articles_per_reference_loop": round(figures["articles_per_cpu_s"] / loops, 3) if loops else None}


if __name__ == "__main__":  # python -m news_etl.extract_bench [CORPUS_DIR]
    import sys

    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/bbc"
    figures = bench_extraction(corpus)
    print(figures | in_machine_units(figures))
