"""Every file seen ends in file_manifest, and every refusal in quarantine: built here as Arrow tables.

Nothing is lost: a file is loaded, or refused at discovery, or rejected by a transform, or excluded because a
row of its article failed validation; each of the last three gives a quarantine row with the reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.dataset as ds

from flows.discover import CONTENT_STAGES, Plan, SeenFile, copy_of_refused
from schemas import TABLES
from schemas.arrow import arrow_schema
from transforms.ids import stable_id

if TYPE_CHECKING:  # only names: the no-change path must not pay for importing GX and the extractor
    from flows.stage import BatchReport
    from flows.validate import ExpectationResult, RowFailure


@dataclass
class RunOutcome:
    """What a run produced before its load: the plan, the batch reports and the validation verdicts."""
    run_id: str
    source: str
    plan: Plan
    reports: list[BatchReport] = field(default_factory=list)
    results: list[ExpectationResult] = field(default_factory=list)
    failures: list[RowFailure] = field(default_factory=list)

    def refusals(self) -> dict[str, tuple[str, str]]:
        """path -> (stage, reason) for every file that will not be loaded by this run."""
        refused = {f.path: (f.stage or ("read" if (f.reason or "").startswith("cannot") else "discover"),
                            f.reason or "") for f in self.plan.refused}
        rejected = {r.source_uri: (r.stage, r.reason) for report in self.reports for r in report.rejected}
        refused.update(rejected)
        # A copy of a file whose bytes were refused after discovery is refused with it, and says so.
        later = {path: reason for path, (stage, reason) in rejected.items() if stage in CONTENT_STAGES}
        later.update(self.failed_validation())
        for f in self.plan.refused:
            if f.status == "duplicate" and f.duplicate_of in later:
                refused[f.path] = ("discover", copy_of_refused(f.duplicate_of, later[f.duplicate_of]))
        return refused

    def failed_validation(self) -> dict[str, str]:
        """path -> reason for files whose article had a row failing an expectation."""
        path_of = {f.article_id: f.path for f in self.plan.to_load}
        failed: dict[str, str] = {}
        for f in self.failures:
            if f.article_id in path_of:
                failed.setdefault(path_of[f.article_id], f"{f.table_name} row {f.row_key} failed {f.expectation}")
        return failed

    def duplicates(self) -> set[str]:
        """Paths whose content another file of the source has: accounted as duplicates, not quarantined."""
        return {f.path for f in self.plan.refused if f.status == "duplicate"}

    def quarantined(self) -> list[tuple[str, str, str]]:
        """(path, stage, reason) of every file this run quarantines: the refused ones (duplicates aside), by
        path, then those whose article failed validation, by path."""
        duplicates = self.duplicates()
        refused = sorted((p, stage, reason) for p, (stage, reason) in self.refusals().items() if p not in duplicates)
        return refused + [(p, "validate", reason) for p, reason in sorted(self.failed_validation().items())]

    def excluded_article_ids(self) -> list[str]:
        return sorted({f.article_id for f in self.failures if f.article_id})


def charge_entity_failures(lake, run_id: str, failures: list[RowFailure]) -> list[RowFailure]:
    """Entities are global rows with no article of their own. A failing one is charged to every article of the
    run that mentions it or is quoted by it: those articles are held back (so the entity never loads and no
    mention points at a missing entity) and quarantined with the expectation."""
    bad = {f.row_key.split("|")[-1]: f for f in failures if f.table_name in ("entities", "entity_aliases")}
    if not bad:
        return []
    from flows.validate import RowFailure  # here, not at the top: the no-change path must not import GX

    charged = []
    for table, column in (("entity_mentions", "entity_id"), ("quotes", "speaker_entity_id")):
        rows = lake.dataset(TABLES[table], run_id).to_table(
            columns=["article_id", column], filter=ds.field(column).isin(sorted(bad)))
        for article_id, entity_id in set(zip(rows["article_id"].to_pylist(), rows[column].to_pylist())):
            f = bad[entity_id]
            charged.append(RowFailure(f.table_name, f.row_key, article_id, f.expectation))
    return sorted(set(charged), key=lambda f: (f.article_id, f.table_name, f.row_key))


def manifest_table(outcome: RunOutcome) -> pa.Table:
    refused = {path: reason for path, (_, reason) in outcome.refusals().items()} | outcome.failed_validation()
    rows = []
    for f in outcome.plan.to_load + outcome.plan.unchanged + outcome.plan.refused:
        status, reason = f.status, refused.get(f.path, f.reason)
        if f.path in refused and status != "duplicate":
            status = "quarantined"
        rows.append(_manifest_row(outcome, f, status, reason))
    return pa.Table.from_pylist(rows, schema=arrow_schema(TABLES["file_manifest"]))


def _manifest_row(outcome: RunOutcome, f: SeenFile, status: str, reason: str | None) -> dict:
    return dict(path=f.path, source=outcome.source, size_bytes=f.size_bytes, mtime_ns=f.mtime_ns,
                content_sha256=f.content_sha256, article_id=f.article_id, status=status,
                duplicate_of=f.duplicate_of, reason=reason, last_run_id=outcome.run_id)


def quarantine_table(outcome: RunOutcome) -> pa.Table:
    sha_of = {f.path: f.content_sha256 for f in outcome.plan.to_load + outcome.plan.refused}
    rows = [_quarantine_row(outcome.run_id, path, sha_of.get(path), stage, reason)
            for path, (stage, reason) in sorted(outcome.refusals().items())]
    path_of = {f.article_id: f.path for f in outcome.plan.to_load}
    for f in outcome.failures:
        path = path_of.get(f.article_id, f"{f.table_name}:{f.row_key}")
        rows.append(_quarantine_row(outcome.run_id, path, sha_of.get(path), "validate",
                                    f"{f.table_name} row {f.row_key} failed {f.expectation}",
                                    f.table_name, f.row_key, f.expectation))
    unique = {r["quarantine_id"]: r for r in rows}
    return pa.Table.from_pylist(list(unique.values()), schema=arrow_schema(TABLES["quarantine"]))


def _quarantine_row(run_id, source_uri, sha, stage, reason, table_name=None, row_key=None, expectation=None):
    # Keyed by file, content, stage and reason (a validation failure's reason names its table, row and
    # expectation): a rerun that carries the refusal over makes the same id, so it is recorded once. The three
    # empty parts keep the ids of refusals recorded before validation failures were keyed this way.
    return dict(quarantine_id=stable_id(source_uri, sha, stage, reason, None, None, None),
                run_id=run_id, source_uri=source_uri, stage=stage, reason=reason, table_name=table_name,
                row_key=row_key, expectation=expectation)


def warnings_table(outcome: RunOutcome) -> pa.Table:
    """The warnings about the run's staged articles (the loader keeps those of the articles it loads)."""
    rows = [dict(run_id=outcome.run_id, article_id=w.article_id, source_uri=w.source_uri,
                 content_sha256=w.content_sha256, stage=w.stage, warning=w.warning, reason=w.reason)
            for report in outcome.reports for w in report.warnings]
    return pa.Table.from_pylist(rows, schema=arrow_schema(TABLES["article_warnings"]))


def validation_table(outcome: RunOutcome) -> pa.Table:
    rows = [dict(run_id=outcome.run_id, table_name=r.table_name, expectation=r.expectation, success=r.success,
                 element_count=r.element_count, unexpected_count=r.unexpected_count) for r in outcome.results]
    return pa.Table.from_pylist(rows, schema=arrow_schema(TABLES["validation_results"]))
