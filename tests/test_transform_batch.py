"""transform_batch: a batch of raw files -> Arrow tables, and the files that could not become articles."""
from __future__ import annotations

import pytest
from conftest import BBC_GOLD, SEED

import transforms.rows
from transforms.batch import Rejected, SourceDoc, transform_batch


def _doc(path, article_id: str) -> SourceDoc:
    return SourceDoc(path.name, article_id, "sha", path.read_bytes())


@pytest.fixture
def docs():
    return [_doc(SEED, "seed"), _doc(sorted(BBC_GOLD.glob("*.txt"))[0], "bbc")]


def test_transform_batch_keeps_no_row_of_a_file_that_fails_part_way(docs, monkeypatch):
    """A bug on one file (here: ids fail once its article, paragraph and headline rows are built) rejects that
    file, and the batch's tables are exactly those of the other files: no orphan rows, no entity of its own."""
    real_fact_ids = transforms.rows.fact_ids

    def failing_for_seed(kind, article_id, spans):
        if article_id == "seed":
            raise RuntimeError("boom")
        return real_fact_ids(kind, article_id, spans)

    monkeypatch.setattr(transforms.rows, "fact_ids", failing_for_seed)
    out = transform_batch(docs)
    monkeypatch.undo()

    assert out.rejected == [Rejected(SEED.name, "extract", "internal error: RuntimeError: boom")]
    assert out.tables == transform_batch(docs[1:]).tables
    assert out.tables["entities"].num_rows > 0  # the other file's entities are all there

