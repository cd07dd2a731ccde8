"""The warehouse contract: every table declared once. Names here are what SQL users and dashboards rely on."""
from __future__ import annotations

from schemas.model import Table, col, key

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "MISC")
QUANTITY_KINDS = ("money", "percent", "count", "measure", "age", "duration", "score", "range")
# What a quantity's unit measures (transforms.extract.units.dimension): amounts of one dimension and unit add up.
QUANTITY_DIMENSIONS = ("currency", "percent", "ratio", "count", "time", "length", "area", "volume", "mass", "speed",
                       "power", "energy", "charge", "current", "voltage", "frequency", "data", "data rate",
                       "temperature", "degrees", "resolution")
TEMPORAL_KINDS = ("date", "time", "weekday", "month", "year", "relative", "quarter", "season", "duration", "decade",
                  "set")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
GRANULARITIES = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "duration")
FILE_STATUSES = ("new", "changed", "unchanged", "deleted", "quarantined", "duplicate")
STAGES = ("discover", "read", "metadata", "decode", "segment", "extract", "validate", "load")
RUN_STATUSES = ("running", "completed", "failed")
ANCHORS = ("absolute", "published_at", "reference_date", "none")

_OFFSETS = ("0-based Python string indexes, so SQL reads the text as "
            "`substr(text, char_start + 1, char_end - char_start)` (DuckDB's substr counts from 1)")
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
        key("char_start", "int32", "Offset of the first character in that paragraph/title/headline; offsets are "
            + _OFFSETS, min_value=0),
        key("char_end", "int32", "Offset after the last character: text[char_start:char_end] == surface in "
            "Python, `substr(text, char_start + 1, char_end - char_start) = surface` in SQL", min_value=1),
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
        col("title", "string", "The article's own title: a sidecar's or JSON line's `title` when given, else line 1 "
            "of the BBC shape; null when there is none"),
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
        key("language", "string", "ISO 639-1 code of the body language; `und` when undetermined",
            allowed=("en", "und")),
        col("published_at", "date", "Publication date from the article's metadata (`published_at` of its sidecar "
            "`<stem>.meta.json` or JSON line; the calendar date of a datetime, as written), else the date an HTML page "
            "states in its markup; null when unknown"),
        col("published_at_source", "string", "Where published_at came from; null when unknown",
            allowed=("sidecar", "jsonl", "html")),
        col("category", "string", "The first folder under the source (`business/001.txt` -> `business`), unless "
            "the metadata's `section` overrides it; null for a file at the source root without one"),
        col("url", "string", "`url` of the article's metadata (sidecar or JSON line)"),
        col("author", "string", "`author` of the article's metadata (sidecar or JSON line), else an HTML page's "
            "byline; null when unknown"),
        col("extra_metadata", "json", "The metadata's other keys as a JSON object (sorted keys); null when none"),
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
        col("value2", "float64", "Second number of a score, upper bound of a range (`£250m to £300m` → 300000000), "
            "in the same unit as `value`"),
        col("unit", "string", "Normalised unit: an ISO 4217 code (`USD`, `GBP`, `INR`; cents and pence are counted "
            "as hundredths: `50p` → 0.5 GBP), `percent`, `percentage point`, an SI symbol with its prefix (`kW`, "
            "`mAh`, `mg`, `km`, `GWh`), another measure (`mi`, `ft`, `mph`, `km/h`, `°C`, `km2`), a duration "
            "(`years`, `months`, ...), `times` for ratios, else the counted noun as written (`executives`)"),
        key("dimension", "string", "What the unit measures: `currency`, `percent`, `count`, `time`, `length`, "
            "`mass`, `power`, `energy`, ...; sum `value` only within one dimension and unit",
            allowed=QUANTITY_DIMENSIONS),
        col("qualifier", "string", "`over`, `about`, `almost`, `at least`, `more than`, ..."),
        key("kind", "string", "What sort of quantity", allowed=QUANTITY_KINDS),
        col("subject", "string", "What is counted or measured, when stated"),
        col("entity_id", "string", "The entity the quantity is about when the sentence says so (`Veltrix raised "
            "$4.2bn` -> Veltrix: an organisation, person or place directly before a verb such as raised, paid, "
            "lost or sold in the clause holding the amount); null when unclear"),
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
        col("start_date", "date", "First day it denotes: always for an absolute date (`3 January 2005`, `January "
            "2005`, `2004`), for a relative one when `anchor` names a date to count from; else null"),
        col("end_date", "date", "Last day it denotes (null when start_date is)"),
        key("timex_type", "string", "TimeML TIMEX3 type", allowed=TIMEX_TYPES),
        col("timex_value", "string", "TimeML TIMEX3 value: `2005-01-03`, `2005-W11`, `2005-Q1`, `2005-SU`, `200` (the "
            "2000s), `2005-01-03T10:30`, `P3D`, `PT2H`, `XXXX-WXX-1` (every Monday), `PRESENT_REF`; without a "
            "reference date only what the text fixes (`XXXX-08`, `P18M`); null when unknown"),
        key("anchor", "string", "What start_date/end_date were resolved against: `absolute` (the text alone), "
            "`published_at` (the article's), `reference_date` (the run's --reference-date), `none` (unresolved)",
            allowed=ANCHORS),
    ),
)

BUSINESS_TABLES = (ARTICLES, PARAGRAPHS, RELATED_HEADLINES, ENTITIES, ENTITY_ALIASES, ENTITY_MENTIONS, QUOTES,
                   QUANTITIES, TEMPORAL_EXPRESSIONS)
