"""The warehouse contract: every table declared once. Names here are what SQL users and dashboards rely on."""
from __future__ import annotations

from schemas.model import Table, col, key

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "MISC")
QUANTITY_KINDS = ("money", "percent", "count", "measure", "age", "duration", "score", "range")
TEMPORAL_KINDS = ("date", "time", "weekday", "month", "year", "relative", "quarter", "season", "duration", "decade")
GRANULARITIES = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "duration")
FILE_STATUSES = ("new", "changed", "unchanged", "deleted", "quarantined", "duplicate")
STAGES = ("discover", "read", "decode", "segment", "extract", "validate", "load")
RUN_STATUSES = ("running", "completed", "failed")

_ARTICLE = key("article_id", "string", "The article: the source's own id from `NNN_<16 hex>.txt`, else a hash "
               "of the source-relative path. Stable across corrections of the text")


def _located(thing: str):
    """Provenance columns shared by every fact table: where in the article the fact was found."""
    return (
        _ARTICLE,
        col("paragraph_index", "int32", f"Body paragraph of the {thing} (0-based); -1 = the title; null when "
            "it was found in a related headline", min_value=-1),
        col("headline_position", "int32", f"Related headline holding the {thing} (0-based); null in the body",
            min_value=0),
        key("char_start", "int32", "Offset of the first character in that paragraph/title/headline", min_value=0),
        key("char_end", "int32", "Offset after the last character: text[char_start:char_end] == surface",
            min_value=1),
    )


ARTICLES = Table(
    "articles", "One row per article (current version)", layer="business", primary_key=("article_id",),
    history="A changed file replaces its row and bumps `version`; earlier versions are in article_versions.",
    columns=(
        _ARTICLE,
        key("source_uri", "string", "Path of the file relative to the source folder"),
        key("content_sha256", "string", "SHA-256 of the raw bytes of this version"),
        key("version", "int32", "1 for the first load, +1 each time the content changes", min_value=1,
            staged=False),
        col("title", "string", "The article's own title (BBC shape: line 1); null when the file has none"),
        key("lede", "string", "The first body paragraph"),
        key("body", "string", "All body paragraphs joined by blank lines"),
        key("paragraph_count", "int32", "Number of body paragraphs", min_value=1),
        key("section_count", "int32", "Number of blank-line separated sections", min_value=1),
        key("word_count", "int32", "Whitespace-separated words in the body", min_value=1),
        key("related_headline_count", "int32", "Number of related headlines after the body", min_value=0),
        key("encoding", "string", "Encoding the bytes were decoded with",
            allowed=("utf-8", "utf-8-sig", "utf-16", "windows-1252", "latin-1")),
        key("replaced_bytes", "int32", "Bytes that were not valid UTF-8 in an otherwise UTF-8 file, each read as "
            "U+FFFD (0: read exactly; see article_warnings)", min_value=0),
        col("author", "string", "The author as the file names them (an HTML page's byline); null when unknown"),
        key("language", "string", "ISO 639-1 code of the body language; `und` when undetermined",
            allowed=("en", "und")),
        col("published_at", "date", "Publication date when known (none of the current shapes carries one)"),
        col("published_at_source", "string", "Where published_at came from (e.g. `file`); null when unknown"),
        key("first_loaded_run", "string", "run_id that first loaded the article", staged=False),
        key("last_loaded_run", "string", "run_id that loaded the current version", staged=False),
        key("is_deleted", "bool", "True once the source file has disappeared (the row is kept)", staged=False),
        col("deleted_run", "string", "run_id that noticed the file was gone", staged=False),
    ),
)

PARAGRAPHS = Table(
    "paragraphs", "One row per body paragraph of an article", layer="business",
    primary_key=("article_id", "paragraph_index"),
    columns=(
        _ARTICLE,
        key("paragraph_index", "int32", "Position in the body, from 0", min_value=0),
        key("section_index", "int32", "Blank-line separated section holding the paragraph, from 0", min_value=0),
        # Stored as is, like articles.body (DuckDB leaves strings that long uncompressed itself): its automatic
        # choice here, dictionary + FSST, costs the load ~0.75 s of one core per 200k paragraphs and makes text
        # searches ~1.1-2x slower, for ~45 MB saved at N=20 (measured).
        key("text", "string", "The paragraph text (one input line, trimmed)", compression="uncompressed"),
        key("word_count", "int32", "Whitespace-separated words", min_value=1),
    ),
)

RELATED_HEADLINES = Table(
    "related_headlines", "One row per related headline listed after an article's body", layer="business",
    primary_key=("article_id", "position"),
    columns=(
        _ARTICLE,
        key("position", "int32", "Order in the related-headlines block, from 0", min_value=0),
        key("headline", "string", "The headline text"),
        col("linked_article_id", "string", "The ingested article whose title is this headline, if any",
            staged=False),
    ),
)

ENTITIES = Table(
    "entities", "One row per real-world entity across all articles (same canonical name and type = same row)",
    layer="business", primary_key=("entity_id",),
    columns=(
        key("entity_id", "string", "Hash of entity_type and canonical_name: stable across runs"),
        key("canonical_name", "string", "Full name, honorifics removed (`Kim Jong Un`, `KCNA`)"),
        key("entity_type", "string", "OntoNotes-style type", allowed=ENTITY_TYPES),
    ),
)

ENTITY_ALIASES = Table(
    "entity_aliases", "One row per surface form resolved to an entity", layer="business",
    primary_key=("alias", "entity_id"),
    columns=(
        key("alias", "string", "A surface form seen in text (`Mr Kim`, `Kim`, `KNCA`)"),
        key("entity_id", "string", "The entity it resolves to (entities.entity_id)"),
    ),
)

ENTITY_MENTIONS = Table(
    "entity_mentions", "One row per mention of an entity in an article", layer="business",
    primary_key=("mention_id",),
    columns=(
        key("mention_id", "string", "Hash of article_id, location and offsets"),
        *_located("mention"),
        key("surface", "string", "The text as written"),
        key("entity_id", "string", "The entity mentioned (entities.entity_id)"),
    ),
)

QUOTES = Table(
    "quotes", "One row per direct quotation (one span between quote marks)", layer="business",
    primary_key=("quote_id",),
    columns=(
        key("quote_id", "string", "Hash of article_id, location and offsets"),
        *_located("quote"),
        key("text", "string", "The quoted words, without the quote marks"),
        col("speaker_entity_id", "string", "The speaker (entities.entity_id); null when unresolved"),
        col("speaker_surface", "string", "How the speaker is referred to at the cue (`Mr Kim`, `he`)"),
        col("cue", "string", "Reporting verb or phrase (`said`, `told`, `according to`, `by`; `:` after a name)"),
    ),
)

QUANTITIES = Table(
    "quantities", "One row per quantity (money, percent, count, measure, age, duration, score, range)",
    layer="business", primary_key=("quantity_id",),
    columns=(
        key("quantity_id", "string", "Hash of article_id, location and offsets"),
        *_located("quantity"),
        key("surface", "string", "The text as written (`$1.13bn`, `8,700-tonne`)"),
        key("value", "float64", "The number, fully expanded (`$1.13bn` → 1130000000)"),
        col("value2", "float64", "Second number of a score, upper bound of a range"),
        col("unit", "string", "ISO currency code, `percent`, or the counted/measured noun"),
        col("qualifier", "string", "`over`, `about`, `almost`, `at least`, `more than`, ..."),
        key("kind", "string", "What sort of quantity", allowed=QUANTITY_KINDS),
        col("subject", "string", "What is counted or measured, when stated"),
    ),
)

TEMPORAL_EXPRESSIONS = Table(
    "temporal_expressions", "One row per temporal expression (date, weekday, relative, duration, ...)",
    layer="business", primary_key=("temporal_id",),
    columns=(
        key("temporal_id", "string", "Hash of article_id, location and offsets"),
        *_located("expression"),
        key("surface", "string", "The text as written (`early next year`)"),
        key("kind", "string", "What sort of expression", allowed=TEMPORAL_KINDS),
        key("granularity", "string", "Unit of the expression", allowed=GRANULARITIES),
        col("start_date", "date", "First day it denotes, when a reference date is known"),
        col("end_date", "date", "Last day it denotes, when a reference date is known"),
    ),
)

BUSINESS_TABLES = (ARTICLES, PARAGRAPHS, RELATED_HEADLINES, ENTITIES, ENTITY_ALIASES, ENTITY_MENTIONS, QUOTES,
                   QUANTITIES, TEMPORAL_EXPRESSIONS)
