"""Article + facts -> column lists per warehouse table -> one Arrow table per table for a batch of files."""
from __future__ import annotations

from itertools import repeat

import pyarrow as pa

from schemas.arrow import arrow_schema
from schemas.tables import BUSINESS_TABLES
from transforms.extract.links import quantity_subjects
from transforms.extract.units import dimension
from transforms.ids import entity_id_for, fact_ids
from transforms.language import detect_language
from transforms.metadata import NO_METADATA, Metadata, category_of
from transforms.model import Article, Facts, Span


class TableBuilder:
    """Accumulates the rows of many articles column by column; `to_arrow()` builds each table once."""

    def __init__(self):
        self._columns = {t.name: {c.name: [] for c in t.staged_columns} for t in BUSINESS_TABLES}
        self._entities: dict[str, tuple[str, str]] = {}
        self._aliases: set[tuple[str, str]] = set()

    def add(self, article_id: str, source_uri: str, sha256: str, encoding: str, article: Article, facts: Facts,
            meta: Metadata = NO_METADATA, replaced_bytes: int = 0):
        """All of one article's rows, or none: an error part-way (the file is then rejected) leaves the builder
        as it was, so a rejected file never has rows staged. `replaced_bytes`: bytes the decoder could not read
        as they are (articles.replaced_bytes)."""
        before = {name: len(next(iter(columns.values()))) for name, columns in self._columns.items()}
        try:
            word_counts = [len(p.text.split()) for p in article.paragraphs]
            self._article(article_id, source_uri, sha256, encoding, article, sum(word_counts), meta, replaced_bytes)
            for p, word_count in zip(article.paragraphs, word_counts):
                self._append("paragraphs", article_id=article_id, paragraph_index=p.index,
                             section_index=p.section_index, text=p.text, word_count=word_count)
            for position, headline in enumerate(article.related_headlines):
                self._append("related_headlines", article_id=article_id, position=position, headline=headline)
            self._facts(article_id, article, facts)
        except BaseException:
            for name, length in before.items():
                for column in self._columns[name].values():
                    del column[length:]
            raise

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

    def _article(self, article_id, source_uri, sha256, encoding, article: Article, word_count: int, meta: Metadata,
                 replaced_bytes: int):
        """`word_count` is the paragraphs' sum: joining them with blank lines adds no word."""
        body = "\n\n".join(p.text for p in article.paragraphs)
        self._append(
            "articles", article_id=article_id, source_uri=source_uri, content_sha256=sha256,
            title=article.title, lede=article.paragraphs[0].text, body=body,
            paragraph_count=len(article.paragraphs), section_count=len(article.sections),
            word_count=word_count, related_headline_count=len(article.related_headlines),
            encoding=encoding, language=detect_language(body), published_at=meta.published_at,
            published_at_source=meta.published_at_source, category=meta.section or category_of(source_uri),
            url=meta.url, author=meta.author, extra_metadata=meta.extra, replaced_bytes=replaced_bytes,
        )

    def _facts(self, article_id: str, article: Article, facts: Facts):
        mentions, entity_ids = [], []  # the article's mentions in one call: one per entity was ~2% of staging
        entities = []
        for entity in (*facts.entities, *facts.headline_entities):  # headline ones carry headline_position
            entity_id = entity_id_for(entity.type, entity.name)
            entities.append((entity_id, entity))
            mentions.extend(entity.mentions)
            entity_ids.extend(repeat(entity_id, len(entity.mentions)))
        self._located("entity_mentions", "mention", article_id, mentions,
                      surface=[span.text for span in mentions], entity_id=entity_ids)
        quotes = facts.quotes
        self._located("quotes", "quote", article_id, [q.span for q in quotes],
                      text=[q.span.text for q in quotes],
                      speaker_entity_id=[entity_id_for(q.speaker_type, q.speaker) if q.speaker else None
                                         for q in quotes],
                      speaker_surface=[q.speaker_surface for q in quotes], cue=[q.cue for q in quotes])
        quantities = facts.quantities
        self._located("quantities", "quantity", article_id, [q.span for q in quantities],
                      surface=[q.span.text for q in quantities], value=[q.value for q in quantities],
                      value2=[q.value2 for q in quantities], unit=[q.unit for q in quantities],
                      dimension=[dimension(q.unit, q.kind) for q in quantities],
                      qualifier=[q.qualifier for q in quantities], kind=[q.kind for q in quantities],
                      subject=[q.subject for q in quantities],
                      entity_id=[entity_id_for(e.type, e.name) if e else None
                                 for e in quantity_subjects(article, facts)])
        temporals = facts.temporals
        self._located("temporal_expressions", "temporal", article_id, [t.span for t in temporals],
                      surface=[t.span.text for t in temporals], kind=[t.kind for t in temporals],
                      granularity=[t.granularity for t in temporals], start_date=[t.start_date for t in temporals],
                      end_date=[t.end_date for t in temporals], timex_type=[t.timex_type for t in temporals],
                      timex_value=[t.timex_value for t in temporals],
                      anchor=[t.anchor for t in temporals])
        # The batch's entities last: nothing after this can fail, so a rejected article adds none (see `add`).
        for entity_id, entity in entities:
            self._entities[entity_id] = (entity.name, entity.type)
            # Every surface of a mention is the name or one of the aliases (extract._entity): no need to add them.
            self._aliases.update(zip((entity.name, *entity.aliases), repeat(entity_id)))

    def _located(self, table: str, fact: str, article_id: str, spans: list[Span], **values: list):
        """Rows of located facts a column at a time (13% cheaper than a dict per row, measured): the id,
        article and location columns from `spans`, the others from `values`, lists aligned with `spans`.
        A column left out leaves the table's columns of unequal length, which Arrow refuses."""
        if not spans:
            return
        columns = self._columns[table]
        columns[f"{fact}_id"].extend(fact_ids(fact, article_id, spans))
        columns["article_id"].extend([article_id] * len(spans))
        paragraph_index, headline_position, char_start, char_end, _ = zip(*spans)  # Spans are tuples
        columns["paragraph_index"].extend(paragraph_index)
        columns["headline_position"].extend(headline_position)
        columns["char_start"].extend(char_start)
        columns["char_end"].extend(char_end)
        for name, column in values.items():
            columns[name].extend(column)
