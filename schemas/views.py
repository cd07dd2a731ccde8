"""Reporting views (marts) for dashboards, declared like the tables: a grain, columns, and the SQL.
Deleted articles (`articles.is_deleted`) are left out of every view."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class View:
    name: str
    grain: str
    columns: tuple[tuple[str, str], ...]  # (name, description)
    sql: str


ARTICLE_FACTS = View(
    "article_facts", "One row per live article with the number of facts of each kind",
    (("article_id", "The article"), ("title", "Its title, if any"), ("source_uri", "Its file"),
     ("word_count", "Words in the body"), ("mentions", "Entity mentions"),
     ("distinct_entities", "Distinct entities mentioned"), ("quotes", "Direct quotations"),
     ("quantities", "Quantities"), ("temporal_expressions", "Temporal expressions")),
    """
    SELECT a.article_id, a.title, a.source_uri, a.word_count,
           coalesce(m.mentions, 0) AS mentions, coalesce(m.distinct_entities, 0) AS distinct_entities,
           coalesce(q.quotes, 0) AS quotes, coalesce(n.quantities, 0) AS quantities,
           coalesce(t.temporal_expressions, 0) AS temporal_expressions
    FROM articles a
    LEFT JOIN (SELECT article_id, count(*) AS mentions, count(DISTINCT entity_id) AS distinct_entities
               FROM entity_mentions GROUP BY article_id) m USING (article_id)
    LEFT JOIN (SELECT article_id, count(*) AS quotes FROM quotes GROUP BY article_id) q USING (article_id)
    LEFT JOIN (SELECT article_id, count(*) AS quantities FROM quantities GROUP BY article_id) n USING (article_id)
    LEFT JOIN (SELECT article_id, count(*) AS temporal_expressions FROM temporal_expressions
               GROUP BY article_id) t USING (article_id)
    WHERE NOT a.is_deleted
    """,
)

TOP_ENTITIES = View(
    "top_entities", "One row per entity mentioned in a live article, most mentioned first",
    (("entity_id", "The entity"), ("canonical_name", "Its canonical name"), ("entity_type", "Its type"),
     ("mention_count", "Mentions in live articles"), ("article_count", "Live articles mentioning it")),
    """
    SELECT e.entity_id, e.canonical_name, e.entity_type,
           count(*) AS mention_count, count(DISTINCT m.article_id) AS article_count
    FROM entity_mentions m
    JOIN entities e USING (entity_id)
    JOIN articles a USING (article_id)
    WHERE NOT a.is_deleted
    GROUP BY ALL
    ORDER BY mention_count DESC, e.canonical_name
    """,
)

QUOTES_BY_SPEAKER = View(
    "quotes_by_speaker", "One row per resolved speaker of quotes in live articles",
    (("speaker_entity_id", "The speaker (entities.entity_id)"), ("speaker", "Their canonical name"),
     ("quote_count", "Quotations attributed to them"), ("article_count", "Articles quoting them"),
     ("example", "One of their quotes: the longest (alphabetically first among equally long ones)")),
    """
    SELECT q.speaker_entity_id, e.canonical_name AS speaker, count(*) AS quote_count,
           count(DISTINCT q.article_id) AS article_count, first(q.text ORDER BY length(q.text) DESC, q.text) AS example
    FROM quotes q
    JOIN entities e ON e.entity_id = q.speaker_entity_id
    JOIN articles a ON a.article_id = q.article_id
    WHERE NOT a.is_deleted
    GROUP BY ALL
    ORDER BY quote_count DESC, speaker
    """,
)

QUARANTINED_FILES = View(
    "quarantined_files", "One row per file that is currently refused, with the latest reason",
    (("path", "The file, relative to its source"), ("source", "The source folder"),
     ("status", "`quarantined` or `duplicate`"), ("reason", "Why it is not loaded"),
     ("last_run_id", "The last run that looked at it")),
    """
    SELECT path, source, status, reason, last_run_id
    FROM file_manifest
    WHERE status IN ('quarantined', 'duplicate')
    ORDER BY path
    """,
)

VIEWS = (ARTICLE_FACTS, TOP_ENTITIES, QUOTES_BY_SPEAKER, QUARANTINED_FILES)


def view_sql(view: View) -> str:
    comment = view.grain.replace("'", "''")
    return f"CREATE OR REPLACE VIEW {view.name} AS {view.sql.strip()};\nCOMMENT ON VIEW {view.name} IS '{comment}';"
