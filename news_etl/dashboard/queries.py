"""Every SQL statement of the dashboard, in one place: the pages name a query here and pass its parameters.

Each returns a bounded number of rows (LIMIT), so a page costs the same on a large warehouse. Where the marts of
schemas/views.py do not exist yet, the equivalent SQL over the base tables stands here; switching to a mart is an
edit of that one statement. Deleted articles are left out everywhere, as in the views.
"""
from __future__ import annotations

# The first folder of the source path (`politics/001.txt` -> politics), null for a file at the source's top.
CATEGORY = "CASE WHEN strpos(a.source_uri, '/') > 0 THEN split_part(a.source_uri, '/', 1) END"

# Relations every page needs: a warehouse without one of them was made by an older release.
REQUIRED = frozenset({
    "articles", "paragraphs", "related_headlines", "entities", "entity_aliases", "entity_mentions", "quotes",
    "quantities", "temporal_expressions", "pipeline_runs", "quarantine", "validation_results", "file_manifest",
    "article_facts", "top_entities", "quarantined_files",
})
# Optional marts: a page shows what needs them only when the warehouse has them.
AMOUNTS_MART = "amounts_by_entity"

RELATIONS = "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()"
LAST_RUN = "SELECT max(run_id) FROM pipeline_runs WHERE status = 'completed'"

TOTALS = """
SELECT count(*) AS articles,
       (SELECT count(*) FROM top_entities) AS entities,
       coalesce(sum(mentions), 0)::BIGINT AS mentions, coalesce(sum(quotes), 0)::BIGINT AS quotes,
       coalesce(sum(quantities), 0)::BIGINT AS quantities,
       coalesce(sum(temporal_expressions), 0)::BIGINT AS temporal_expressions
FROM article_facts
"""

ARTICLES_BY_CATEGORY = f"""
SELECT coalesce({CATEGORY}, '(none)') AS category, count(*) AS articles
FROM articles a WHERE NOT a.is_deleted
GROUP BY 1 ORDER BY articles DESC, category LIMIT 50
"""

ARTICLES_BY_MONTH = """
SELECT date_trunc('month', a.published_at) AS month, count(*) AS articles
FROM articles a WHERE NOT a.is_deleted AND a.published_at IS NOT NULL
GROUP BY 1 ORDER BY 1 DESC LIMIT 240
"""

LAST_RUNS = """
SELECT run_id, status, finished_at, files_seen, articles_loaded, files_quarantined,
       round(seconds_discover, 2) AS discover, round(seconds_extract, 2) AS extract,
       round(seconds_validate, 2) AS validate, round(seconds_load, 2) AS load
FROM pipeline_runs ORDER BY run_id DESC LIMIT $limit
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

ENTITY_TIMELINE = """
SELECT date_trunc('month', a.published_at) AS month, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM entity_mentions m JOIN articles a USING (article_id)
WHERE m.entity_id = $entity AND NOT a.is_deleted AND a.published_at IS NOT NULL
GROUP BY 1 ORDER BY 1 DESC LIMIT 240
"""

# entity_pairs over the base tables: the entities mentioned in the same live articles as this one.
CO_OCCURRING = """
WITH its_articles AS (
    SELECT DISTINCT m.article_id FROM entity_mentions m JOIN articles a USING (article_id)
    WHERE m.entity_id = $entity AND NOT a.is_deleted)
SELECT e.canonical_name, e.entity_type, count(DISTINCT m.article_id) AS articles
FROM its_articles i JOIN entity_mentions m USING (article_id) JOIN entities e USING (entity_id)
WHERE m.entity_id <> $entity
GROUP BY ALL ORDER BY articles DESC, e.canonical_name LIMIT 20
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

ENTITY_AMOUNTS = f"""
SELECT kind, unit, quantity_count, article_count, total_value, min_value, max_value
FROM {AMOUNTS_MART} WHERE entity_id = $entity ORDER BY kind, unit NULLS LAST LIMIT 100
"""

CATEGORIES = f"""
SELECT DISTINCT {CATEGORY} AS category FROM articles a
WHERE NOT a.is_deleted AND {CATEGORY} IS NOT NULL ORDER BY 1 LIMIT 200
"""

PUBLISHED_RANGE = "SELECT min(published_at), max(published_at) FROM articles WHERE NOT is_deleted"

# quotes_by_speaker, filtered by the quoting article's category and publication date (null: no filter).
TOP_SPEAKERS = f"""
SELECT q.speaker_entity_id, e.canonical_name AS speaker, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id JOIN articles a ON a.article_id = q.article_id
WHERE NOT a.is_deleted AND ($category IS NULL OR {CATEGORY} = $category)
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

MONEY_BY_ENTITY = f"""
SELECT canonical_name, entity_type, unit AS currency, quantity_count AS amounts, article_count,
       total_value AS total, min_value AS smallest, max_value AS largest
FROM {AMOUNTS_MART} WHERE kind = 'money'
ORDER BY amounts DESC, total DESC, canonical_name, currency LIMIT 100
"""

QUANTITIES_BY_UNIT = """
SELECT q.kind, coalesce(q.unit, '(none)') AS unit, count(*) AS quantities, sum(q.value) AS total,
       min(q.value) AS smallest, max(q.value) AS largest
FROM quantities q JOIN articles a USING (article_id)
WHERE q.kind <> 'money' AND NOT a.is_deleted
GROUP BY ALL ORDER BY quantities DESC, q.kind, unit LIMIT 50
"""

LARGEST_AMOUNTS = """
SELECT q.surface, q.unit AS currency, q.value, coalesce(a.title, '') AS title, a.source_uri
FROM quantities q JOIN articles a USING (article_id)
WHERE q.kind = 'money' AND NOT a.is_deleted
ORDER BY q.value DESC, a.source_uri, q.char_start LIMIT 25
"""

# pipeline_health over the base tables: one row per run, validation pass rate included.
RUN_HEALTH = """
SELECT r.run_id, r.status, r.files_seen, r.files_new, r.files_changed, r.files_deleted, r.files_quarantined,
       r.articles_loaded, round(r.seconds_discover, 2) AS discover, round(r.seconds_extract, 2) AS extract,
       round(r.seconds_validate, 2) AS validate, round(r.seconds_load, 2) AS load,
       v.expectations, v.passed, round(100.0 * v.passed / v.expectations, 1) AS pass_rate_percent
FROM pipeline_runs r
LEFT JOIN (SELECT run_id, count(*) AS expectations, count(*) FILTER (WHERE success) AS passed
           FROM validation_results GROUP BY run_id) v USING (run_id)
ORDER BY r.run_id DESC LIMIT 50
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
