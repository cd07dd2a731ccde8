"""The news-etl command line: each verb parses its arguments, makes one call, and reports a clean error."""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import time
from contextlib import nullcontext
from datetime import date
from pathlib import Path

# No usage data sent, and no first-run telemetry notice from Prefect's client on the user's terminal: the
# server's analytics off, and DO_NOT_TRACK, which Prefect's client reads for its own telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

STARTED = time.perf_counter()  # for the summary's wall time
DEFAULT_WAREHOUSE = "warehouse/news.duckdb"
DEFAULT_LAKE = "lake"


def cmd_run(args) -> int:
    from flows.load import StagingChanged
    from flows.lock import WarehouseBusy, WriterLock
    from news_etl.preflight import run_problem
    from news_etl.temporary_api import ApiUnreachable

    problem = run_problem(args)
    if problem:
        print(f"news-etl run: {problem}", file=sys.stderr)
        return 2
    try:
        # The writer lock first: a second run exits at once with one line, before it starts Prefect. The flow
        # (or the no-change path) takes the lock again inside, as this same lock, and names its run in it.
        with WriterLock(args.warehouse, "(starting)", wait=args.wait):
            # On a terminal, a first line at once: discovery, Prefect's start and the workers' take seconds before
            # the next. Not in a log or a pipe, where a refused run's one line stays the only one.
            if sys.stderr.isatty():
                print(f"news-etl run: looking for new and changed files in {args.source}, for {args.warehouse}",
                      file=sys.stderr, flush=True)
            summary = _run(args)
    except WarehouseBusy as err:
        print(f"news-etl run: {err}", file=sys.stderr)
        return 3
    except (ApiUnreachable, _Refused) as err:
        print(f"news-etl run: {err}", file=sys.stderr)
        return 2
    except StagingChanged as err:  # a staged part replaced behind the run's back: nothing was loaded
        print(f"news-etl run: {err}", file=sys.stderr)
        return 1
    from flows.summary import summary_text

    print(summary_text(summary, _program(), time.perf_counter() - STARTED))
    return 0


class _Refused(RuntimeError):
    """A run refused before it started, with the one line that says why."""


def _run(args) -> dict:
    from news_etl import temporary_api
    from news_etl.preflight import warehouse_problem

    problem = warehouse_problem(args.warehouse) if Path(args.warehouse).exists() else None
    if problem:  # checked holding the writer lock: no run of ours is replacing the file meanwhile
        raise _Refused(problem)

    # With no warehouse yet (or --always-flow, --reprocess) the run goes through the flow for sure: Prefect's
    # temporary API starts before the pipeline is imported, and boots meanwhile (~0.5 s sooner). Otherwise it
    # starts only once the no-change check has found work to do.
    flow_for_sure = args.always_flow or args.reprocess or not Path(args.warehouse).exists()
    api = temporary_api.start() if flow_for_sure else None  # None too when an API is configured
    from flows.nochange import record_unchanged_run

    summary = None if flow_for_sure else record_unchanged_run(
        str(args.source), str(args.warehouse), str(args.lake), args.retry_quarantined, args.wait)
    if summary is None:
        summary = _run_flow(args, api if flow_for_sure else temporary_api.start())
        # Everything is written and closed. Hide the millions of objects GX, pandas and Prefect left from the
        # collector: the interpreter's last garbage collections over them took ~0.8 s at exit (measured). Not
        # after a no-change run, which has few: there, DuckDB's objects frozen in their cycles were never
        # freed, and its bindings printed ~50 "nanobind: leaked ..." lines at exit.
        gc.freeze()
    return summary


def _program() -> str:
    """How to call news-etl again from here: `news-etl` when that is the command on PATH, else the path this
    one was started by (`.venv/bin/news-etl` when the venv is not activated, as after `make run`)."""
    started = sys.argv[0]
    if os.path.basename(started) != "news-etl":  # `python -m news_etl.cli`
        return "news-etl"
    on_path = shutil.which("news-etl")
    return "news-etl" if on_path and os.path.samefile(on_path, started) else started


def _run_flow(args, api) -> dict:
    """The flow run, on `api` (a starting temporary API: it boots while the pipeline imports) or, when None,
    on the API Prefect is configured with."""
    import flows.pipeline_imports  # noqa: F401  (first: the pipeline, imported with the collector off, frozen)
    from flows import progress
    from flows.pipeline import news_etl_flow
    from flows.validate import preload
    from news_etl import temporary_api

    preload()  # GX too, rather than later beside the staging workers or, for a small run, before validating

    if api is None:  # PREFECT_API_URL is in the environment
        temporary_api.require_configured_api()
    progress.enabled = True
    with api.in_use() if api else nullcontext():
        return news_etl_flow(source=str(args.source), warehouse=str(args.warehouse), lake=str(args.lake),
                             batch_size=args.batch_size, reference_date=args.reference_date,
                             retry_quarantined=args.retry_quarantined, wait=args.wait,
                             workers=args.workers, dask_address=args.dask_address, reprocess=args.reprocess)


def cmd_extract(args) -> int:
    from news_etl.extract_files import extract_files

    try:
        written, refused = extract_files(args.files, args.out, args.reference_date)
    except OSError as err:  # the output folder cannot be written
        print(f"news-etl extract: {err}", file=sys.stderr)
        return 2
    for refusal in refused:
        print(f"news-etl extract: {refusal}", file=sys.stderr)
    print(f"wrote {len(written)} facts file(s) to {args.out}" + (f", refused {len(refused)}" if refused else ""))
    return 2 if refused else 0


def cmd_sql(args) -> int:
    import duckdb

    from news_etl.query import query_text
    from news_etl.readonly import RefusedQuery, WarehouseUnavailable

    try:
        print(query_text(args.warehouse, args.query, args.format, args.max_rows, args.max_width))
    except (RefusedQuery, WarehouseUnavailable) as err:
        print(f"news-etl sql: {err}", file=sys.stderr)
        return 2
    except duckdb.Error as err:  # a bad query (unknown column, a file function refused...): its first line
        print(f"news-etl sql: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    return 0


def cmd_dashboard(args) -> int:
    from news_etl.dashboard.server import PortUnavailable, serve

    try:
        serve(args.warehouse, args.host, args.port)
    except PortUnavailable as err:
        print(f"news-etl dashboard: {err}", file=sys.stderr)
        return 2
    return 0


def cmd_fingerprint(args) -> int:
    from flows.fingerprint import fingerprint_file

    try:
        tables = fingerprint_file(args.warehouse)
    except Exception as err:  # a missing or busy warehouse: one clear line, not a traceback
        print(f"news-etl fingerprint: {err}", file=sys.stderr)
        return 2
    for name, (rows, digest) in tables.items():
        print(f"{name} {rows} {digest or '-'}")
    return 0


def cmd_rebuild(args) -> int:
    import duckdb
    import pyarrow as pa

    from flows.load import StagingChanged
    from flows.lock import WarehouseBusy
    from flows.rebuild import RebuildRefused, rebuild

    try:
        runs = rebuild(str(args.lake), str(args.warehouse), args.original)
    except (RebuildRefused, StagingChanged, WarehouseBusy, OSError) as err:
        print(f"news-etl rebuild: {err}", file=sys.stderr)
        return 2
    except (duckdb.Error, pa.ArrowException) as err:  # a lake record this release cannot replay: one line
        print(f"news-etl rebuild: cannot replay the lake: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    print(f"rebuilt {args.warehouse} from {len(runs)} committed run(s) of {args.lake}")
    return 0


def cmd_eval(args) -> int:
    from news_etl.evaluate import evaluate, format_report

    try:
        print(format_report(evaluate(args.gold_dir, args.corpus)))
    except (ValueError, OSError) as err:  # no gold files, missing texts, an unreadable file
        print(f"news-etl eval: {err}", file=sys.stderr)
        return 2
    return 0


def cmd_bench(args) -> int:
    from news_etl.bench import run_bench

    run_bench(replicas=args.replicas, workdir=args.workdir, batch_size=args.batch_size, skip_peer=args.skip_peer,
              source=args.source)
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a TCP port (1-65535): {text!r}")
    return int(text)


class _ShowDefaults(argparse.HelpFormatter):
    """Every option's default at the end of its help, unless the help says it; a path's is relative to the
    folder news-etl is run from."""

    def _get_help_string(self, action) -> str:
        text = action.help or ""
        if (not action.option_strings or action.default in (None, False, argparse.SUPPRESS)
                or "%(default)" in text or "(default" in text):
            return text
        where = ", relative to the current folder" if isinstance(action.default, Path) else ""
        return f"{text} (default: %(default)s{where})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-etl", description=__doc__.split(":")[0] + ".")
    # Not required: with no command, `main` prints the commands rather than argparse's bare "required: COMMAND".
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    run = verbs.add_parser("run", help="the main job: discover, extract, stage, validate and load, "
                                       "as a Prefect flow run")
    run.add_argument("--source", type=Path, default=Path("seeds"), help="folder of *.txt articles (recursive)")
    run.add_argument("--warehouse", type=Path, default=Path(DEFAULT_WAREHOUSE), help="DuckDB file")
    run.add_argument("--lake", default=DEFAULT_LAKE,
                     help="Parquet lake: a folder (relative to the current folder) or an fsspec URL")
    run.add_argument("--batch-size", type=int, default=2000, help="most files per task")
    run.add_argument("--reference-date", type=_date, help="resolve relative dates against this YYYY-MM-DD")
    run.add_argument("--retry-quarantined", action="store_true", help="try quarantined files again")
    run.add_argument("--reprocess", action="store_true",
                     help="extract unchanged files again too, after an extractor upgrade (their rows are replaced)")
    run.add_argument("--wait", action="store_true", help="queue behind a run holding the warehouse")
    run.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                     help="local Dask worker processes for the batches (default: one per core; 1 = in-process)")
    run.add_argument("--always-flow", action="store_true",
                     help="go through the Prefect flow even when nothing changed (otherwise recorded directly)")
    run.add_argument("--dask-address", help="run the batches on an existing Dask cluster (tcp://HOST:PORT)")
    run.set_defaults(func=cmd_run)

    extract = verbs.add_parser("extract", help="the transforms alone: one facts JSON per input file")
    extract.add_argument("files", type=Path, nargs="+", metavar="FILE", help="article files")
    extract.add_argument("--out", type=Path, required=True,
                         help="folder for the facts files: each input's path below the inputs' common folder, .json")
    extract.add_argument("--reference-date", type=_date, help="resolve relative dates against this YYYY-MM-DD")
    extract.set_defaults(func=cmd_extract)

    sql = verbs.add_parser("sql", help="run one read-only query against the warehouse; print a table, CSV or JSON")
    sql.add_argument("query", help='SQL, e.g. "SELECT * FROM top_entities LIMIT 10"')
    sql.add_argument("--warehouse", type=Path, default=Path(DEFAULT_WAREHOUSE), help="DuckDB file")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table",
                     help="table (default), csv (header row, NULL empty) or json (an array of objects) to stdout")
    sql.add_argument("--max-rows", type=_positive_int, default=None,
                     help="rows to print (default: 100 for a table, all for csv and json)")
    sql.add_argument("--max-width", type=int, default=60,
                     help="table: characters per column; longer cells are cut and end with … (default 60, 0: no limit)")
    sql.set_defaults(func=cmd_sql)

    dash = verbs.add_parser("dashboard", help="a read-only dashboard of the warehouse in the browser (Streamlit)")
    dash.add_argument("--warehouse", type=Path, default=Path(DEFAULT_WAREHOUSE), help="DuckDB file")
    dash.add_argument("--port", type=_port, default=8501, help="TCP port (default 8501)")
    dash.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    dash.set_defaults(func=cmd_dashboard)

    fp = verbs.add_parser("fingerprint", help="rows and a content hash per business table: equal output, same data "
                          "(whatever the runs, the order or the machines that loaded it)")
    fp.add_argument("--warehouse", type=Path, default=Path(DEFAULT_WAREHOUSE), help="DuckDB file")
    fp.set_defaults(func=cmd_fingerprint)

    rb = verbs.add_parser("rebuild", help="make a lost warehouse again from the lake: every committed run replayed "
                          "in order (versions, history and deletions included)")
    rb.add_argument("--lake", default=DEFAULT_LAKE, help="the Parquet lake the runs staged in")
    rb.add_argument("--warehouse", type=Path, required=True, help="the new DuckDB file (must not exist)")
    rb.add_argument("--original", help="the warehouse whose runs to replay, when the lake holds runs of several")
    rb.set_defaults(func=cmd_rebuild)

    ev = verbs.add_parser("eval", help="score extraction against a folder of gold facts (P/R/F1 per type)")
    ev.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="gold JSON files (and their .txt)")
    ev.add_argument("--corpus", type=Path, help="where to find article texts not beside the gold files")
    ev.set_defaults(func=cmd_eval)

    bench = verbs.add_parser("bench", help="benchmark: ours vs a dlt peer vs DuckDB read_blob, with peak RSS")
    bench.add_argument("--replicas", type=int, default=5, help="copies of the BBC corpus (default 5)")
    bench.add_argument("--workdir", type=Path, default=Path("bench-work"), help="scratch folder")
    bench.add_argument("--batch-size", type=int, default=None, help="files per task")
    bench.add_argument("--skip-peer", action="store_true", help="do not build and time the dlt peer")
    bench.add_argument("--source", type=Path, default=None, help="corpus to replicate (default ../shared/corpus/bbc)")
    bench.set_defaults(func=cmd_bench)
    for command in verbs.choices.values():
        command.formatter_class = _ShowDefaults
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb is None:
        parser.print_help(sys.stderr)
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
