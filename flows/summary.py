"""The end-of-run summary: printed by the CLI and published as a Prefect markdown artifact."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.accounting import RunOutcome


def summary_markdown(s: dict) -> str:
    lines = [
        f"# news-etl run `{s['run_id']}`",
        "",
        f"Source `{s['source']}` → warehouse `{s['warehouse']}`, lake `{s['lake']}`",
        "",
        "| files | count |", "|---|---|",
        *(f"| {k} | {v} |" for k, v in s["files"].items()),
        "",
        "| table | rows loaded |", "|---|---|",
        *(f"| {k} | {v} |" for k, v in s["rows"].items()),
        "",
        "| stage | seconds |", "|---|---|",
        *(f"| {k} | {v:.2f} |" for k, v in s["seconds"].items()),
        "",
        f"Validation: {s['validation']['passed']} of {s['validation']['expectations']} expectations passed; "
        f"{s['validation']['failed_rows']} failing rows quarantined.",
    ]
    if s["quarantined"]:
        lines += ["", "| quarantined file | stage | reason |", "|---|---|---|"]
        lines += [f"| {q['path']} | {q['stage']} | {q['reason']} |" for q in s["quarantined"][:50]]
        if len(s["quarantined"]) > 50:
            lines.append(f"| … and {len(s['quarantined']) - 50} more (see the quarantine table) | | |")
    return "\n".join(lines) + "\n"


def summary_text(s: dict, program: str = "news-etl", wall_seconds: float | None = None) -> str:
    """The run's summary for a terminal; `program` is how the user can call news-etl again. With the command's
    `wall_seconds`, the time line starts with it and names the rest (starting Prefect and the workers,
    importing, shutting down) so that its parts add up to it."""
    files = ", ".join(f"{k} {v}" for k, v in s["files"].items())
    rows = ", ".join(f"{k} {v}" for k, v in s["rows"].items())
    seconds = ", ".join(f"{k} {v:.2f}s" for k, v in s["seconds"].items())
    if wall_seconds is not None:
        other = max(wall_seconds - sum(s["seconds"].values()), 0.0)
        seconds = f"{wall_seconds:.2f}s in all: {seconds}, start-up and other {other:.2f}s"
    lines = [f"run {s['run_id']}: {files}", f"rows loaded: {rows}", f"time: {seconds}",
             f"validation: {s['validation']['passed']}/{s['validation']['expectations']} expectations passed, "
             f"{s['validation']['failed_rows']} failing rows quarantined"]
    lines += [f"quarantined {q['path']} [{q['stage']}]: {q['reason']}" for q in s["quarantined"][:20]]
    if len(s["quarantined"]) > 20:
        lines.append(f"... {len(s['quarantined']) - 20} more: SELECT * FROM quarantined_files")
    lines.append(f"query it: {program} sql \"SELECT * FROM article_facts LIMIT 10\" --warehouse {s['warehouse']}")
    return "\n".join(lines)


def run_summary(outcome: RunOutcome, warehouse: str, lake: str, inserted: dict, seconds: list[float]) -> dict:
    """The figures a run reports: files by fate, rows loaded, seconds per stage, validation, quarantine."""
    plan = outcome.plan
    quarantined = [dict(path=p, stage=stage, reason=reason) for p, stage, reason in outcome.quarantined()]
    return {
        "run_id": outcome.run_id, "source": outcome.source, "warehouse": warehouse, "lake": lake,
        "files": {"seen": plan.seen, "loaded": inserted["articles"], "unchanged": len(plan.unchanged),
                  "duplicates": len(outcome.duplicates()), "quarantined": len(quarantined),
                  "deleted": len(plan.deleted)},
        "rows": inserted,
        "seconds": dict(zip(("discover", "stage", "validate", "load", "publish"), seconds)),
        "validation": {"expectations": len(outcome.results),
                       "passed": sum(r.success for r in outcome.results), "failed_rows": len(outcome.failures)},
        "quarantined": quarantined,
    }
