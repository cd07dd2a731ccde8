"""Every SQL statement of the dashboard, in one place: the pages name a query here and pass its parameters.

The pages read the marts of schemas/views.py (`article_facts`, `top_entities`, `articles_by_category`,
`entity_pairs`, `entity_timeline`, `quotes_by_category`, `amounts_by_entity`, `pipeline_health`,
`quarantined_files`); the base tables only for what no mart aggregates (an entity's aliases and mentions in
context, one speaker's quotes, a date-filtered speaker count, quantities by unit, the refusals). Each query returns
a bounded number of rows (LIMIT), so a page costs the same on a large warehouse. Deleted articles are left out
everywhere, as in the marts.
"""
from __future__ import annotations

# The warehouse's tables and views with their columns, to tell a warehouse of an older schema.
COLUMNS = "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = current_database()"
LAST_RUN = "SELECT max(run_id) FROM pipeline_runs WHERE status = 'completed'"

TOTALS = """
SELECT count(*) AS articles,
       (SELECT count(*) FROM top_entities) AS entities,
       coalesce(sum(mentions), 0)::BIGINT AS mentions, coalesce(sum(quotes), 0)::BIGINT AS quotes,
       coalesce(sum(quantities), 0)::BIGINT AS quantities,
       coalesce(sum(temporal_expressions), 0)::BIGINT AS temporal_expressions
FROM article_facts
"""

ARTICLES_BY_CATEGORY = """
SELECT coalesce(category, '(none)') AS category, article_count AS articles
FROM articles_by_category ORDER BY articles DESC, category LIMIT 50
"""

# No mart counts articles per month (entity_timeline counts them per entity): the articles' own dates.
ARTICLES_BY_MONTH = """
SELECT date_trunc('month', published_at) AS month, count(*) AS articles
FROM articles WHERE NOT is_deleted AND published_at IS NOT NULL
GROUP BY 1 ORDER BY 1 DESC LIMIT 240
"""

# The stages as the pages name them, and the pipeline_health column of each.
STAGE_COLUMNS = """round(seconds_discover, 2) AS discover, round(seconds_extract, 2) AS extract,
       round(seconds_validate, 2) AS validate, round(seconds_load, 2) AS load"""

LAST_RUNS = f"""
SELECT run_id, status, files_seen, files_loaded, files_quarantined, {STAGE_COLUMNS}
FROM pipeline_health ORDER BY run_id DESC LIMIT $limit
"""

ENTITY_TYPES = "SELECT DISTINCT entity_type FROM top_entities ORDER BY 1"

TOP_ENTITIES_OF_TYPE = """
SELECT canonical_name, entity_type, mention_count, article_count
FROM top_entities WHERE entity_type = $type ORDER BY mention_count DESC, canonical_name LIMIT 20
"""

# By name or alias, case-insensitive; an empty text lists the most mentioned entities.
FIND_ENTITIES = """
SELECT t.entity_id, t.canonical_name, t.entity_type, t.mention_count
FROM top_entities t
WHERE $text = '' OR contains(lower(t.canonical_name), lower($text))
   OR t.entity_id IN (SELECT entity_id FROM entity_aliases WHERE contains(lower(alias), lower($text)))
ORDER BY t.mention_count DESC, t.canonical_name LIMIT 50
"""

ENTITY_ALIASES = "SELECT alias FROM entity_aliases WHERE entity_id = $entity ORDER BY alias LIMIT 200"

# Its mentions and articles per month, each month once per way its articles were dated (`dated_by`).
ENTITY_TIMELINE = """
SELECT month, dated_by, mentions, articles
FROM entity_timeline WHERE entity_id = $entity ORDER BY month DESC, dated_by LIMIT 480
"""

# entity_pairs holds each pair once (entity_id_a < entity_id_b): the other entity of the pairs this one is in.
# Two filters on a grouping column (not one OR) let DuckDB push each into the mart's join.
CO_OCCURRING = """
SELECT canonical_name, entity_type, articles FROM (
    SELECT name_b AS canonical_name, type_b AS entity_type, article_count AS articles
    FROM entity_pairs WHERE entity_id_a = $entity
    UNION ALL
    SELECT name_a, type_a, article_count FROM entity_pairs WHERE entity_id_b = $entity)
ORDER BY articles DESC, canonical_name LIMIT 20
"""

SPEAKER_QUOTES = """
SELECT q.text AS quote, q.cue, coalesce(a.title, '') AS title, a.source_uri
FROM quotes q JOIN articles a USING (article_id)
WHERE q.speaker_entity_id = $entity AND NOT a.is_deleted
ORDER BY a.source_uri, q.paragraph_index NULLS LAST, q.char_start LIMIT 200
"""

# The text each mention sits in (the title, a body paragraph or a related headline) with its 0-based offsets.
MENTIONS_IN_CONTEXT = """
SELECT m.surface, m.char_start, m.char_end,
       CASE WHEN m.paragraph_index = -1 THEN a.title WHEN m.headline_position IS NOT NULL THEN h.headline
            ELSE p.text END AS context,
       coalesce(a.title, '') AS title, a.source_uri
FROM entity_mentions m JOIN articles a USING (article_id)
LEFT JOIN paragraphs p ON p.article_id = m.article_id AND p.paragraph_index = m.paragraph_index
LEFT JOIN related_headlines h ON h.article_id = m.article_id AND h.position = m.headline_position
WHERE m.entity_id = $entity AND NOT a.is_deleted
ORDER BY a.source_uri, m.headline_position NULLS FIRST, m.paragraph_index, m.char_start LIMIT $limit
"""

ENTITY_AMOUNTS = """
SELECT kind, unit, quantity_count, article_count, total_value, min_value, max_value
FROM amounts_by_entity WHERE entity_id = $entity ORDER BY kind, unit NULLS LAST LIMIT 100
"""

CATEGORIES = "SELECT category FROM articles_by_category WHERE category IS NOT NULL ORDER BY 1 LIMIT 200"

PUBLISHED_RANGE = "SELECT min(first_published_at), max(last_published_at) FROM articles_by_category"

# Who is quoted most, in one category (null: all of them). An article has one category, so the article counts
# of the categories add up.
TOP_SPEAKERS = """
SELECT speaker_entity_id, speaker, sum(quote_count)::BIGINT AS quotes, sum(article_count)::BIGINT AS articles
FROM quotes_by_category WHERE $category IS NULL OR category = $category
GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT 25
"""

# The same within publication dates (null: open-ended), which no mart keeps: from the quotes themselves.
TOP_SPEAKERS_PUBLISHED = """
SELECT q.speaker_entity_id, e.canonical_name AS speaker, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id JOIN articles a ON a.article_id = q.article_id
WHERE NOT a.is_deleted AND ($category IS NULL OR a.category = $category)
  AND ($since IS NULL OR a.published_at >= $since) AND ($until IS NULL OR a.published_at <= $until)
GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT 25
"""

MONEY_BY_CURRENCY = """
SELECT q.unit AS currency, count(*) AS amounts, sum(q.value) AS total, min(q.value) AS smallest,
       max(q.value) AS largest
FROM quantities q JOIN articles a USING (article_id)
WHERE q.kind = 'money' AND NOT a.is_deleted
GROUP BY 1 ORDER BY amounts DESC, currency LIMIT 50
"""

MONEY_BY_ENTITY = """
SELECT canonical_name, entity_type, unit AS currency, quantity_count AS amounts, article_count,
       total_value AS total, min_value AS smallest, max_value AS largest
FROM amounts_by_entity WHERE kind = 'money'
ORDER BY amounts DESC, total DESC, canonical_name, currency LIMIT 100
"""

QUANTITIES_BY_UNIT = """
SELECT q.kind, coalesce(q.unit, '(none)') AS unit, count(*) AS quantities, sum(q.value) AS total,
       min(q.value) AS smallest, max(q.value) AS largest
FROM quantities q JOIN articles a USING (article_id)
WHERE q.kind <> 'money' AND NOT a.is_deleted
GROUP BY ALL ORDER BY quantities DESC, q.kind, unit LIMIT 50
"""

RUN_HEALTH = f"""
SELECT run_id, status, round(100 * validation_pass_rate, 2) AS pass_rate_percent, expectations_checked,
       files_seen, files_loaded, files_unchanged, files_deleted, files_quarantined, quarantine_reasons,
       {STAGE_COLUMNS}, round(seconds_total, 2) AS total, started_at
FROM pipeline_health ORDER BY run_id DESC LIMIT 50
"""

FAILED_EXPECTATIONS = """
SELECT run_id, table_name, expectation, element_count, unexpected_count
FROM validation_results WHERE NOT success ORDER BY run_id DESC, table_name, expectation LIMIT 100
"""

QUARANTINED_NOW = "SELECT path, status, reason, last_run_id FROM quarantined_files LIMIT 200"

REFUSALS_BY_STAGE = """
SELECT stage, count(*) AS refusals, count(DISTINCT source_uri) AS files
FROM quarantine GROUP BY stage ORDER BY refusals DESC, stage LIMIT 20
"""

RECENT_REFUSALS = """
SELECT run_id, source_uri, stage, reason FROM quarantine ORDER BY run_id DESC, source_uri LIMIT 200
"""

SQL_EXAMPLE = "SELECT canonical_name, entity_type, mention_count FROM top_entities LIMIT 10"
