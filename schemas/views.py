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
     ("quantities", "Quantities"), ("temporal_expressions", "Temporal expressions"),
     ("category", "Its category (articles.category)"), ("published_at", "Its publication date, when known")),
    """
    SELECT a.article_id, a.title, a.source_uri, a.word_count,
           coalesce(m.mentions, 0) AS mentions, coalesce(m.distinct_entities, 0) AS distinct_entities,
           coalesce(q.quotes, 0) AS quotes, coalesce(n.quantities, 0) AS quantities,
           coalesce(t.temporal_expressions, 0) AS temporal_expressions, a.category, a.published_at
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

# Mentions that count for an article: its title and body; a related headline is about another article.
_ARTICLE_ENTITIES = """
    SELECT DISTINCT m.article_id, m.entity_id FROM entity_mentions m JOIN articles a USING (article_id)
    WHERE NOT a.is_deleted AND m.headline_position IS NULL"""

QUOTES_BY_CATEGORY = View(
    "quotes_by_category", "One row per category and resolved speaker of quotes in live articles",
    (("category", "articles.category (null: files at the source root without a section)"),
     ("speaker_entity_id", "The speaker (entities.entity_id)"), ("speaker", "Their canonical name"),
     ("quote_count", "Quotations attributed to them in that category"),
     ("article_count", "Articles of that category quoting them")),
    """
    SELECT a.category, q.speaker_entity_id, e.canonical_name AS speaker, count(*) AS quote_count,
           count(DISTINCT q.article_id) AS article_count
    FROM quotes q
    JOIN entities e ON e.entity_id = q.speaker_entity_id
    JOIN articles a ON a.article_id = q.article_id
    WHERE NOT a.is_deleted
    GROUP BY ALL
    ORDER BY a.category NULLS LAST, quote_count DESC, speaker
    """,
)

ENTITY_PAIRS = View(
    "entity_pairs", "One row per pair of entities mentioned in the same live article (title or body), the pair "
    "ordered by entity_id (each pair once)",
    (("entity_id_a", "The first entity (the smaller entity_id)"), ("name_a", "Its canonical name"),
     ("type_a", "Its type"), ("entity_id_b", "The second entity"), ("name_b", "Its canonical name"),
     ("type_b", "Its type"), ("article_count", "Live articles mentioning both"),
     ("first_published_at", "Earliest published_at of those articles (null when none is known)"),
     ("last_published_at", "Latest published_at of those articles")),
    f"""
    WITH article_entities AS ({_ARTICLE_ENTITIES})
    SELECT x.entity_id AS entity_id_a, ea.canonical_name AS name_a, ea.entity_type AS type_a,
           y.entity_id AS entity_id_b, eb.canonical_name AS name_b, eb.entity_type AS type_b,
           count(*) AS article_count, min(a.published_at) AS first_published_at,
           max(a.published_at) AS last_published_at
    FROM article_entities x
    JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id > x.entity_id
    JOIN articles a ON a.article_id = x.article_id
    JOIN entities ea ON ea.entity_id = x.entity_id
    JOIN entities eb ON eb.entity_id = y.entity_id
    GROUP BY ALL
    ORDER BY article_count DESC, name_a, name_b
    """,
)

# An article's date: its published_at, else the latest day- or month-precise date its text states outright
# (`anchor = 'absolute'`): news reports what just happened, so that is the best estimate the text gives.
_ARTICLE_DATES = """
    SELECT a.article_id, coalesce(a.published_at, t.latest) AS dated,
           CASE WHEN a.published_at IS NOT NULL THEN 'published_at' ELSE 'text_date' END AS dated_by
    FROM articles a
    LEFT JOIN (SELECT article_id, max(start_date) AS latest FROM temporal_expressions
               WHERE anchor = 'absolute' AND granularity IN ('day', 'month') AND headline_position IS NULL
               GROUP BY article_id) t USING (article_id)
    WHERE NOT a.is_deleted AND coalesce(a.published_at, t.latest) IS NOT NULL"""

ENTITY_TIMELINE = View(
    "entity_timeline", "One row per entity, month and dating method (`dated_by`): its mentions in live articles "
    "dated that month. An article is dated by its published_at, else by the latest day- or month-precise date "
    "its text states; articles with neither are left out",
    (("entity_id", "The entity"), ("canonical_name", "Its canonical name"), ("entity_type", "Its type"),
     ("month", "First day of the month"),
     ("dated_by", "`published_at` (the articles' publication date) or `text_date` (the latest absolute day or "
      "month date stated in an article without published_at)"),
     ("mentions", "Mentions (title and body) in the articles dated that month"),
     ("articles", "Articles dated that month mentioning it")),
    f"""
    WITH dates AS ({_ARTICLE_DATES})
    SELECT m.entity_id, e.canonical_name, e.entity_type, date_trunc('month', d.dated)::DATE AS month, d.dated_by,
           count(*) AS mentions, count(DISTINCT m.article_id) AS articles
    FROM entity_mentions m
    JOIN dates d USING (article_id)
    JOIN entities e USING (entity_id)
    WHERE m.headline_position IS NULL
    GROUP BY ALL
    ORDER BY e.canonical_name, month, d.dated_by
    """,
)

AMOUNTS_BY_ENTITY = View(
    "amounts_by_entity", "One row per entity, kind and unit of the quantities linked to it "
    "(quantities.entity_id) in live articles",
    (("entity_id", "The entity the quantities are about"), ("canonical_name", "Its canonical name"),
     ("entity_type", "Its type"), ("kind", "quantities.kind (`money`, `percent`, `count`, ...)"),
     ("unit", "quantities.unit (an ISO currency for money); null when the quantities have none"),
     ("quantity_count", "Linked quantities"), ("article_count", "Articles holding them"),
     ("total_value", "Sum of their values"), ("min_value", "Smallest value"), ("max_value", "Largest value")),
    """
    SELECT q.entity_id, e.canonical_name, e.entity_type, q.kind, q.unit, count(*) AS quantity_count,
           count(DISTINCT q.article_id) AS article_count, sum(q.value) AS total_value, min(q.value) AS min_value,
           max(q.value) AS max_value
    FROM quantities q
    JOIN entities e ON e.entity_id = q.entity_id
    JOIN articles a ON a.article_id = q.article_id
    WHERE NOT a.is_deleted
    GROUP BY ALL
    ORDER BY e.canonical_name, q.kind, q.unit NULLS LAST
    """,
)

ARTICLES_BY_CATEGORY = View(
    "articles_by_category", "One row per category of live articles (null: files at the source root without a "
    "section)",
    (("category", "articles.category"), ("article_count", "Live articles"), ("word_count", "Words in their bodies"),
     ("dated_articles", "Articles with a published_at"),
     ("first_published_at", "Earliest published_at"), ("last_published_at", "Latest published_at"),
     ("mentions", "Entity mentions"), ("quotes", "Direct quotations"), ("quantities", "Quantities"),
     ("linked_quantities", "Quantities linked to an entity")),
    """
    SELECT a.category, count(*) AS article_count, sum(a.word_count) AS word_count,
           count(a.published_at) AS dated_articles, min(a.published_at) AS first_published_at,
           max(a.published_at) AS last_published_at, coalesce(sum(m.mentions), 0) AS mentions,
           coalesce(sum(q.quotes), 0) AS quotes, coalesce(sum(n.quantities), 0) AS quantities,
           coalesce(sum(n.linked), 0) AS linked_quantities
    FROM articles a
    LEFT JOIN (SELECT article_id, count(*) AS mentions FROM entity_mentions GROUP BY article_id) m USING (article_id)
    LEFT JOIN (SELECT article_id, count(*) AS quotes FROM quotes GROUP BY article_id) q USING (article_id)
    LEFT JOIN (SELECT article_id, count(*) AS quantities, count(entity_id) AS linked FROM quantities
               GROUP BY article_id) n USING (article_id)
    WHERE NOT a.is_deleted
    GROUP BY ALL
    ORDER BY a.category NULLS LAST
    """,
)

PIPELINE_HEALTH = View(
    "pipeline_health", "One row per committed pipeline run, latest first: what it saw, loaded and refused, how "
    "long each stage took, how validation went",
    (("run_id", "The run"), ("started_at", "When it started (UTC)"), ("status", "pipeline_runs.status"),
     ("source", "The source folder"), ("files_seen", "Files (and JSON Lines records) found"),
     ("files_loaded", "Articles inserted or replaced"), ("files_unchanged", "Skipped: nothing changed"),
     ("files_deleted", "Gone since the last run"),
     ("files_quarantined", "Refused by this run (carried-over refusals included)"),
     ("seconds_discover", "Discovery"), ("seconds_extract", "Read, decode, segment, extract and stage"),
     ("seconds_validate", "Great Expectations"), ("seconds_load", "The DuckDB load transaction"),
     ("seconds_total", "The four stages together"),
     ("expectations_checked", "Expectations evaluated (per table)"),
     ("validation_pass_rate", "Share of checked rows that passed their expectations (null: nothing validated)"),
     ("quarantine_reasons", "Refusals first recorded by this run: `stage: reason (files)`, most frequent first; "
      "null when none")),
    """
    SELECT r.run_id, r.started_at, r.status, r.source, r.files_seen, r.articles_loaded AS files_loaded,
           r.files_unchanged, r.files_deleted, r.files_quarantined, r.seconds_discover, r.seconds_extract,
           r.seconds_validate, r.seconds_load,
           r.seconds_discover + r.seconds_extract + r.seconds_validate + r.seconds_load AS seconds_total,
           coalesce(v.checked, 0) AS expectations_checked, v.pass_rate AS validation_pass_rate,
           q.reasons AS quarantine_reasons
    FROM pipeline_runs r
    LEFT JOIN (SELECT run_id, count(*) AS checked,
                      1 - sum(unexpected_count) / nullif(sum(element_count), 0) AS pass_rate
               FROM validation_results GROUP BY run_id) v USING (run_id)
    LEFT JOIN (SELECT run_id, string_agg(stage || ': ' || reason || ' (' || files || ')', '; '
                                         ORDER BY files DESC, stage, reason) AS reasons
               FROM (SELECT run_id, stage, reason, count(*) AS files FROM quarantine GROUP BY ALL)
               GROUP BY run_id) q USING (run_id)
    ORDER BY r.run_id DESC
    """,
)

VIEWS = (ARTICLE_FACTS, TOP_ENTITIES, QUOTES_BY_SPEAKER, QUARANTINED_FILES, QUOTES_BY_CATEGORY, ENTITY_PAIRS,
         ENTITY_TIMELINE, AMOUNTS_BY_ENTITY, ARTICLES_BY_CATEGORY, PIPELINE_HEALTH)


def view_sql(view: View) -> str:
    comment = view.grain.replace("'", "''")
    return f"CREATE OR REPLACE VIEW {view.name} AS {view.sql.strip()};\nCOMMENT ON VIEW {view.name} IS '{comment}';"
