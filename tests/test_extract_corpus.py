"""extract_facts over whole real articles: never fails, offsets are exact, output is stable."""
from __future__ import annotations

from pathlib import Path

import pytest

from transforms.decode import decode
from transforms.extract import extract_facts
from transforms.segment import segment

REPO = Path(__file__).resolve().parent.parent
ARTICLES = sorted((REPO / "tests" / "fixtures" / "bbc_gold").glob("*.txt")) + sorted((REPO / "seeds").glob("*.txt")) \
    + sorted((REPO / "tests" / "fixtures" / "polnear_gold").glob("*.txt"))
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"


def _check(path: Path) -> None:
    article = segment(decode(path.read_bytes()).text)
    texts = {(pi, hp): t for pi, hp, t in article.texts()}
    facts = extract_facts(article)
    spans = [m for e in facts.entities + facts.headline_entities for m in e.mentions]
    spans += [q.span for q in facts.quotes] + [q.span for q in facts.quantities] + [t.span for t in facts.temporals]
    for span in spans:
        assert texts[(span.paragraph_index, span.headline_position)][span.start:span.end] == span.text, path
    assert extract_facts(article) == facts


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_extract_facts_offsets_exact_on_fixture_articles(path):
    _check(path)


def test_extract_facts_offsets_exact_on_whole_bbc_corpus():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/bbc is not here")
    for path in sorted(CORPUS.rglob("*.txt")):
        _check(path)


def test_extract_facts_types_and_kinds_are_in_the_warehouse_vocabulary():
    from schemas.tables import ENTITY_TYPES, GRANULARITIES, QUANTITY_KINDS, TEMPORAL_KINDS

    for path in ARTICLES:
        facts = extract_facts(segment(decode(path.read_bytes()).text))
        assert {e.type for e in facts.entities + facts.headline_entities} <= set(ENTITY_TYPES), path
        assert {q.kind for q in facts.quantities} <= set(QUANTITY_KINDS), path
        assert {t.kind for t in facts.temporals} <= set(TEMPORAL_KINDS), path
        assert {t.granularity for t in facts.temporals} <= set(GRANULARITIES), path
