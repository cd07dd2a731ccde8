"""Operational tables: written by the loader only, never staged. They account for every run and file."""
from __future__ import annotations

from schemas.model import Table, col, key
from schemas.tables import FILE_STATUSES, RUN_STATUSES, STAGES

_RUN = key("run_id", "string", "The pipeline run (pipeline_runs.run_id)")

PIPELINE_RUNS = Table(
    "pipeline_runs", "One row per pipeline run", layer="operational", primary_key=("run_id",),
    columns=(
        key("run_id", "string", "UTC start time and a random suffix: sorts in run order"),
        col("flow_run_id", "string", "Prefect flow run id"),
        key("started_at", "timestamp", "When the run started (UTC)"),
        key("finished_at", "timestamp", "When the load committed (UTC)"),
        key("status", "string", "Only committed runs are recorded, so always `completed`", allowed=RUN_STATUSES),
        key("source", "string", "The source folder, as an absolute path (not symlink-resolved)"),
        key("files_seen", "int64", "Files found by discovery", min_value=0),
        key("files_new", "int64", "Files this run tried to load that had not been loaded: first seen, back after "
            "deletion, or a duplicate or refused file before (a file refused later in the run counts here and in "
            "files_quarantined)", min_value=0),
        key("files_changed", "int64", "Files whose content changed since they were loaded (a file refused later in "
            "the run counts here and in files_quarantined)", min_value=0),
        key("files_unchanged", "int64", "Files skipped because nothing changed", min_value=0),
        key("files_deleted", "int64", "Files gone since the last run", min_value=0),
        key("files_quarantined", "int64", "Files that could not be loaded", min_value=0),
        key("files_duplicate", "int64", "Files with the same bytes as another file (loaded once, under it; "
            "logged in quarantine with the file they copy, not counted in files_quarantined)", min_value=0),
        key("articles_loaded", "int64", "Articles inserted or replaced", min_value=0),
        key("seconds_discover", "float64", "Wall time of discovery", min_value=0),
        key("seconds_extract", "float64", "Wall time of read + decode + segment + extract + stage", min_value=0),
        key("seconds_validate", "float64", "Wall time of Great Expectations validation", min_value=0),
        key("seconds_load", "float64", "Wall time of the DuckDB load transaction", min_value=0),
        key("row_counts", "json", "Rows staged per table, as a JSON object"),
    ),
)

FILE_MANIFEST = Table(
    "file_manifest", "One row per file ever seen in a source", layer="operational",
    primary_key=("source", "path"),
    columns=(
        key("path", "string", "Path relative to the source folder (`/`-separated)"),
        key("source", "string", "The source folder, as an absolute path (not symlink-resolved)"),
        col("size_bytes", "int64", "Size at the last run that saw it", min_value=0),
        col("mtime_ns", "int64", "Modification time at the last run that saw it"),
        col("content_sha256", "string", "SHA-256 of the bytes at the last run that read them"),
        col("article_id", "string", "The article it became, when loaded"),
        key("status", "string", "What the last run did with it", allowed=FILE_STATUSES),
        col("duplicate_of", "string", "For `duplicate`: the path holding the same bytes"),
        col("reason", "string", "For `quarantined`: why"),
        key("last_run_id", "string", "The last run that looked at it"),
    ),
)

QUARANTINE = Table(
    "quarantine", "One row per file or row that could not be loaded, with the reason", layer="operational",
    primary_key=("quarantine_id",),
    columns=(
        key("quarantine_id", "string", "Hash of file, content, stage and reason (a validation failure's reason "
            "names its table, row and expectation): the same refusal is recorded once, by the first run that met it"),
        _RUN,
        key("source_uri", "string", "The file concerned"),
        key("stage", "string", "The stage that refused it", allowed=STAGES),
        key("reason", "string", "A clear, human-readable reason"),
        col("table_name", "string", "For validation failures: the table of the failing row"),
        col("row_key", "string", "For validation failures: the primary key of the failing row"),
        col("expectation", "string", "For validation failures: the expectation that failed"),
    ),
)

VALIDATION_RESULTS = Table(
    "validation_results", "One row per run, table and expectation", layer="operational",
    primary_key=("run_id", "table_name", "expectation"),
    columns=(
        _RUN,
        key("table_name", "string", "The validated table"),
        key("expectation", "string", "Expectation type and column, e.g. `expect_column_values_to_not_be_null(text)`"),
        key("success", "bool", "Did every row pass"),
        key("element_count", "int64", "Rows checked", min_value=0),
        key("unexpected_count", "int64", "Rows that failed", min_value=0),
    ),
)

ARTICLE_VERSIONS = Table(
    "article_versions", "One row per version of an article", layer="operational",
    primary_key=("article_id", "version"),
    columns=(
        key("article_id", "string", "The article"),
        key("version", "int32", "1, 2, ... in load order", min_value=1),
        key("content_sha256", "string", "SHA-256 of the raw bytes of this version"),
        key("source_uri", "string", "The file it was read from"),
        key("run_id", "string", "The run that loaded this version (its Parquet is under run_id=<id>)"),
        key("valid_from", "timestamp", "When this version was loaded (UTC)"),
        col("valid_to", "timestamp", "When a newer version replaced it; null for the current one"),
    ),
)

WARNINGS = ("replaced_bytes",)

ARTICLE_WARNINGS = Table(
    "article_warnings", "One row per loaded article version and warning: loaded, but not read exactly as it is",
    layer="operational", primary_key=("run_id", "article_id", "warning"),
    columns=(
        _RUN,
        key("article_id", "string", "The article (articles.article_id)"),
        key("source_uri", "string", "The file it was read from"),
        key("content_sha256", "string", "SHA-256 of the raw bytes of the version concerned"),
        key("stage", "string", "The stage that raised it", allowed=STAGES),
        key("warning", "string", "What happened: `replaced_bytes` = bytes not valid UTF-8 read as U+FFFD",
            allowed=WARNINGS),
        key("reason", "string", "A clear, human-readable explanation"),
    ),
)

OPERATIONAL_TABLES = (PIPELINE_RUNS, FILE_MANIFEST, QUARANTINE, VALIDATION_RESULTS, ARTICLE_VERSIONS,
                      ARTICLE_WARNINGS)
