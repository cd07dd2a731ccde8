"""Article + facts -> column lists per warehouse table -> one Arrow table per table for a batch of files."""
from __future__ import annotations

import pyarrow as pa

from schemas.arrow import arrow_schema
from schemas.tables import BUSINESS_TABLES
from transforms.ids import entity_id_for, stable_id
from transforms.language import detect_language
from transforms.model import Article, Facts, Span


class TableBuilder:
    """Accumulates the rows of many articles column by column; `to_arrow()` builds each table once."""

    def __init__(self):
        self._columns = {t.name: {c.name: [] for c in t.staged_columns} for t in BUSINESS_TABLES}
        self._entities: dict[str, tuple[str, str]] = {}
        self._aliases: set[tuple[str, str]] = set()

    def add(self, article_id: str, source_uri: str, sha256: str, encoding: str, article: Article, facts: Facts):
        self._article(article_id, source_uri, sha256, encoding, article)
        for p in article.paragraphs:
            self._append("paragraphs", article_id=article_id, paragraph_index=p.index,
                         section_index=p.section_index, text=p.text, word_count=len(p.text.split()))
        for position, headline in enumerate(article.related_headlines):
            self._append("related_headlines", article_id=article_id, position=position, headline=headline)
        self._facts(article_id, facts)

    def to_arrow(self) -> dict[str, pa.Table]:
        for entity_id in sorted(self._entities):
            name, entity_type = self._entities[entity_id]
            self._append("entities", entity_id=entity_id, canonical_name=name, entity_type=entity_type)
        for alias, entity_id in sorted(self._aliases):
            self._append("entity_aliases", alias=alias, entity_id=entity_id)
        return {t.name: pa.Table.from_pydict(self._columns[t.name], schema=arrow_schema(t)) for t in BUSINESS_TABLES}

    def _append(self, table: str, **values):
        for name, column in self._columns[table].items():
            column.append(values.get(name))

    def _article(self, article_id, source_uri, sha256, encoding, article: Article):
        body = "\n\n".join(p.text for p in article.paragraphs)
        self._append(
            "articles", article_id=article_id, source_uri=source_uri, content_sha256=sha256,
            title=article.title, lede=article.paragraphs[0].text, body=body,
            paragraph_count=len(article.paragraphs), section_count=len(article.sections),
            word_count=len(body.split()), related_headline_count=len(article.related_headlines),
            encoding=encoding, language=detect_language(body),
        )

    def _facts(self, article_id: str, facts: Facts):
        for entity in (*facts.entities, *facts.headline_entities):  # headline ones carry headline_position
            entity_id = entity_id_for(entity.type, entity.name)
            self._entities[entity_id] = (entity.name, entity.type)
            self._aliases.update((alias, entity_id) for alias in (entity.name, *entity.aliases))
            for span in entity.mentions:
                self._aliases.add((span.text, entity_id))
                self._append("entity_mentions", mention_id=_fact_id("mention", article_id, span),
                             **_located(article_id, span), surface=span.text, entity_id=entity_id)
        for quote in facts.quotes:
            speaker_id = entity_id_for(quote.speaker_type, quote.speaker) if quote.speaker else None
            self._append("quotes", quote_id=_fact_id("quote", article_id, quote.span),
                         **_located(article_id, quote.span), text=quote.span.text, speaker_entity_id=speaker_id,
                         speaker_surface=quote.speaker_surface, cue=quote.cue)
        for q in facts.quantities:
            self._append("quantities", quantity_id=_fact_id("quantity", article_id, q.span),
                         **_located(article_id, q.span), surface=q.span.text, value=q.value, value2=q.value2,
                         unit=q.unit, qualifier=q.qualifier, kind=q.kind, subject=q.subject)
        for t in facts.temporals:
            self._append("temporal_expressions", temporal_id=_fact_id("temporal", article_id, t.span),
                         **_located(article_id, t.span), surface=t.span.text, kind=t.kind,
                         granularity=t.granularity, start_date=t.start_date, end_date=t.end_date)


def _located(article_id: str, span: Span) -> dict:
    return dict(article_id=article_id, paragraph_index=span.paragraph_index,
                headline_position=span.headline_position, char_start=span.start, char_end=span.end)


def _fact_id(kind: str, article_id: str, span: Span) -> str:
    return stable_id(kind, article_id, span.paragraph_index, span.headline_position, span.start, span.end)
