"""transform_batch: a batch of raw files -> Arrow tables, and the files that could not become articles."""
from __future__ import annotations

import random

import pytest
from conftest import BBC_GOLD, SEED

import transforms.rows
from transforms.batch import Rejected, SourceDoc, transform_batch
from transforms.decode import decode


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



def test_transform_batch_mutated_articles_never_hit_an_internal_error():
    """Real articles with random insertions (quotes, brackets, dashes, honorifics, numbers, months, emoji,
    zero-width spaces, blank lines) and deletions: every file becomes an article or is refused for a reason of
    the input, never by a crash of the extractor (which would quarantine a good article)."""
    rng = random.Random(6)
    texts = [decode(p.read_bytes()).text for p in sorted(BBC_GOLD.glob("*.txt"))]
    inserts = list("\"'“”‘’()[]-–—.,;:!?%£$€&*/#…") + [
        "Mr ", "Dr ", "said ", "the ", "of ", "The ", "US ", "'s ", "’s ", "He ", "2005 ", "1,000 ", "3.5", "bn ",
        "million ", "Monday ", "May ", "Q1 ", "1990s ", "mid-", "00:00 ", "\n", "\n\n", "  ", "\t", "é", "中文", "🙂",
        "\u200b", "\ufeff"]
    docs = []
    for i in range(600):
        chars = list(rng.choice(texts))
        for _ in range(rng.randint(1, 60)):
            at = rng.randrange(len(chars) + 1)
            if rng.random() < 0.6:
                chars[at:at] = list(rng.choice(inserts))
            elif chars:
                del chars[min(at, len(chars) - 1)]
        docs.append(SourceDoc(f"{i}.txt", str(i), "sha", "".join(chars).encode("utf-8")))
    out = transform_batch(docs)
    assert [r for r in out.rejected if r.reason.startswith("internal error")] == []
    assert out.tables["articles"].num_rows + len(out.rejected) == len(docs)
