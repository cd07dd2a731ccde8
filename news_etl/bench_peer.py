"""The benchmark's peer: a plain dlt pipeline over the same article files, run inside its own venv.

It is what a competent engineer would write with dlt in an afternoon: one resource over the files (yielded in
pages, as dlt recommends), one row per file with the decoded text and the list of capitalised spans found by a
regex as its only "extraction" (dlt normalises the list into a child table ``articles__spans``), loaded into
its own DuckDB file with write_disposition="merge" on the primary key ``article_id``.

This file must import nothing from news_etl (it runs under the peer venv's Python, with only dlt installed):

    python bench_peer.py CORPUS_DIR DUCKDB_FILE PIPELINES_DIR

It prints one JSON object on its last stdout line: files, spans, rows in the destination, seconds.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time

PAGE = 1000
# A capitalised span: one or more capitalised words in a row ("Time Warner", "Mr Blair", "BBC").
CAPITALISED = re.compile(r"\b[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*")


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def walk(corpus: str):
    for folder, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, corpus).replace(os.sep, "/"), path


def main(argv: list[str]) -> int:
    corpus, database, pipelines_dir = argv
    import dlt

    counts = {"files": 0, "spans": 0}

    @dlt.resource(name="articles", write_disposition="merge", primary_key="article_id")
    def articles():
        page = []
        for rel, path in walk(corpus):
            with open(path, "rb") as handle:
                text = decode(handle.read())
            spans = CAPITALISED.findall(text)
            counts["files"] += 1
            counts["spans"] += len(spans)
            page.append({"article_id": rel, "source_uri": rel, "text": text, "spans": spans})
            if len(page) >= PAGE:
                yield page
                page = []
        if page:
            yield page

    started = time.perf_counter()
    pipeline = dlt.pipeline(pipeline_name="news_peer", destination=dlt.destinations.duckdb(database),
                            dataset_name="news", pipelines_dir=pipelines_dir, progress=None)
    info = pipeline.run(articles())
    info.raise_on_failed_jobs()
    seconds = time.perf_counter() - started

    import duckdb

    with duckdb.connect(database, read_only=True) as con:
        rows = con.execute("SELECT count(*) FROM news.articles").fetchone()[0]
        span_rows = con.execute("SELECT count(*) FROM news.articles__spans").fetchone()[0]
    print(json.dumps({"files": counts["files"], "spans": counts["spans"], "rows": rows, "span_rows": span_rows,
                      "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
