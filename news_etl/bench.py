"""`news-etl bench`: ours vs a dlt peer vs DuckDB's read_blob, side by side over the same replicated corpus.

Steps, in one run (see issues 3 and 6):
  1. build N replicas of the BBC corpus under WORKDIR/corpus (every paragraph unique per replica; reused when
     already complete), see news_etl.replicas;
  2. ours, cold: `news-etl run` as a subprocess into a fresh warehouse + lake (Prefect's own database is made
     first, untimed: a machine's first run creates it); wall time, peak RSS of the whole process tree (psutil,
     polled every 50 ms, RSS summed over the process and all its descendants), and the per-stage timings of
     the run's `pipeline_runs` row;
  3. ours again with no change: wall time;
  4. the peer: a dlt pipeline (news_etl/bench_peer.py) in its own venv WORKDIR/peer-venv, installed once;
  5. the limit: DuckDB `read_blob` of the same files into a table of a fresh DuckDB file;
  6. the ratios ours/peer and ours/limit (files/s);
  7. the extractor alone on one core (`extract_only.*`) and the eval scores of the three gold sets
     (`quality.*`), so that a speed-up that costs quality shows in the same output.
The machine's speed on a fixed workload is printed first and last (`machine.*`, news_etl.machine_speed): a
shared host's CPU drifts, and a slower machine must not be read as slower code.

Output (stdout) is one line per figure, `name: value unit`, always the same names in the same order; a figure
that could not be measured prints `n/a` as its value. Progress notes go to stderr. Subprocess logs are kept
under WORKDIR/logs. The names are a contract: add new figures, do not rename.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from news_etl import temporary_api
from news_etl.machine_speed import reference_loops_per_s
from news_etl.replicas import build_corpus, count_files

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "corpus" / "bbc"
# The peer's own venv gets exactly these (a separate venv: its duckdb may differ from ours). dlt 1.31 installs
# and runs with duckdb 2.0, but its merge load then peaks at 2.5 GiB RSS for 2,205 files (4.7 GiB for 11,025)
# and is slower; with the duckdb 1.x line dlt is tested against it peaks near 0.5 GiB. The peer gets the
# combination that treats it fairly.
PEER_REQUIREMENTS = ("dlt[duckdb]==1.31.0", "duckdb==1.5.6")
PEER_SCRIPT = Path(__file__).resolve().parent / "bench_peer.py"
STAGES = ("discover", "extract", "validate", "load")
POLL_SECONDS = 0.05
MIB = 1024 * 1024


# ---------------------------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figure:
    name: str
    value: float | int | str | None  # None: not measured (printed as n/a)
    unit: str = ""


def format_value(value: float | int | str | None) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "n/a"
        if abs(value) >= 100:
            return f"{value:.1f}"
        if abs(value) >= 1 or value == 0:
            return f"{value:.2f}"
        return f"{value:.3g}"
    return str(value)


def format_figure(figure: Figure) -> str:
    """`name: value unit` (no trailing space when the figure has no unit)."""
    return f"{figure.name}: {format_value(figure.value)} {figure.unit}".rstrip()


def format_figures(figures: list[Figure]) -> str:
    return "\n".join(format_figure(f) for f in figures)


def rate(count: float | None, seconds: float | None) -> float | None:
    if count is None or not seconds or seconds <= 0:
        return None
    return count / seconds


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or not b:
        return None
    return a / b


def _mib(nbytes: int | None) -> float | None:
    return None if nbytes is None else nbytes / MIB


# ---------------------------------------------------------------------------------------------- measuring


@dataclass
class Measured:
    wall: float
    peak_rss: int  # bytes, summed over the process tree at the worst poll
    returncode: int
    stdout: Path
    stderr: Path


def tree_rss(proc) -> int:
    """RSS of a psutil.Process and all its descendants, in bytes (processes that vanish count 0)."""
    import psutil

    total = 0
    try:
        members = [proc, *proc.children(recursive=True)]
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure(cmd: list[str], log_stem: Path, env: dict[str, str] | None = None, cwd: Path | None = None,
            poll: float = POLL_SECONDS) -> Measured:
    """Run ``cmd`` to completion; wall time and the peak of the process tree's summed RSS."""
    import psutil

    log_stem.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_stem.with_suffix(".out"), log_stem.with_suffix(".err")
    peak = 0
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        try:
            proc = psutil.Process(child.pid)
            while child.poll() is None:
                peak = max(peak, tree_rss(proc))
                time.sleep(poll)
        except psutil.NoSuchProcess:
            pass
        finally:
            returncode = child.wait()
        wall = time.perf_counter() - started
    return Measured(wall, peak, returncode, out_path, err_path)


def _check(measured: Measured, what: str) -> None:
    if measured.returncode != 0:
        tail = measured.stderr.read_text(errors="replace").splitlines()[-25:]
        raise RuntimeError(f"{what} failed with exit code {measured.returncode} "
                           f"(logs: {measured.stdout}, {measured.stderr}):\n" + "\n".join(tail))


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env.update(extra)
    return env


# ---------------------------------------------------------------------------------------------- ours


def ours_command(source: Path, warehouse: Path, lake: Path, batch_size: int | None) -> list[str]:
    """`news-etl run ...` through the interpreter running the benchmark (same code as the console script)."""
    cmd = [sys.executable, "-m", "news_etl.cli", "run", "--source", str(source), "--warehouse", str(warehouse),
           "--lake", str(lake)]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    return cmd


def _ours_env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return _env(PYTHONPATH=str(REPO_ROOT) + (os.pathsep + path if path else ""))


def read_last_run(warehouse: Path) -> dict[str, Any]:
    """The newest `pipeline_runs` row, as a dict (the warehouse is opened read-only, after the run ended); a run
    that changed nothing keeps its row beside the warehouse until the next publication (flows/publish.py)."""
    import duckdb

    from flows.publish import pending_runs

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM pipeline_runs ORDER BY started_at DESC, run_id DESC LIMIT 1")
        columns = [d[0] for d in cursor.description]
        row = cursor.fetchone()
    finally:
        con.close()
    if row is None:
        raise RuntimeError(f"no pipeline_runs row in {warehouse}")
    pending = pending_runs(warehouse)
    rows = [dict(zip(columns, row)), *(pending.to_pylist() if pending is not None else [])]
    return max(rows, key=lambda r: (r["started_at"].replace(tzinfo=None), r["run_id"]))


def publish_figures(warehouse: Path) -> list[Figure]:
    """What a run with work pays to publish the warehouse it loaded: the copy of the published file (a reflink
    where the file system has them) and the durable atomic rename, timed on the benchmark's own warehouse."""
    from flows.lock import WriterLock
    from flows.publish import make_private_copy, publish

    size = warehouse.stat().st_size
    with WriterLock(warehouse, "bench-publish"):
        started = time.perf_counter()
        publish(make_private_copy(warehouse, "bench-publish"), warehouse)
        seconds = time.perf_counter() - started
    return [Figure("ours.publish.seconds", seconds, "s"), Figure("ours.publish.warehouse_size", _mib(size), "MiB"),
            Figure("ours.publish.seconds_per_gb", seconds / (size / 1e9), "s/GB")]


def _num(row: dict[str, Any], name: str) -> float | None:
    value = row.get(name)
    return None if value is None else float(value)


def _flow_seconds(run: dict[str, Any]) -> float | None:
    started, finished = run.get("started_at"), run.get("finished_at")
    try:
        return (finished - started).total_seconds()
    except (TypeError, AttributeError):
        return None


def ours_figures(prefix: str, measured: Measured, run: dict[str, Any], per_stage: bool) -> list[Figure]:
    files = run.get("files_seen")
    articles = run.get("articles_loaded")
    figures = [
        Figure(f"{prefix}.wall", measured.wall, "s"),
        Figure(f"{prefix}.files", files, "files"),
        Figure(f"{prefix}.articles", articles, "articles"),
        Figure(f"{prefix}.quarantined", run.get("files_quarantined"), "files"),
    ]
    if per_stage:
        figures += [
            Figure(f"{prefix}.articles_per_s", rate(articles, measured.wall), "articles/s"),
            Figure(f"{prefix}.files_per_s", rate(files, measured.wall), "files/s"),
        ]
        staged = 0.0
        for stage in STAGES:
            seconds = _num(run, f"seconds_{stage}")
            staged += seconds or 0.0
            figures += [
                Figure(f"{prefix}.{stage}.seconds", seconds, "s"),
                Figure(f"{prefix}.{stage}.articles_per_s", rate(articles, seconds), "articles/s"),
            ]
        figures.append(Figure(f"{prefix}.other.seconds", measured.wall - staged, "s"))
    else:
        figures.append(Figure(f"{prefix}.discover.seconds", _num(run, "seconds_discover"), "s"))
    # The flow itself (started_at .. finished_at of its pipeline_runs row); wall minus this is process start,
    # imports, the ephemeral Prefect API and executor start-up and shut-down.
    figures.append(Figure(f"{prefix}.flow.seconds", _flow_seconds(run), "s"))
    figures.append(Figure(f"{prefix}.peak_rss", _mib(measured.peak_rss), "MiB"))
    return figures


def run_ours(corpus: Path, rundir: Path, logs: Path, batch_size: int | None, name: str) -> tuple[Measured, dict]:
    warehouse, lake = rundir / "warehouse.duckdb", rundir / "lake"
    cmd = ours_command(corpus, warehouse, lake, batch_size)
    measured = measure(cmd, logs / name, env=_ours_env(), cwd=rundir)
    _check(measured, f"news-etl run ({name})")
    return measured, read_last_run(warehouse)


# ---------------------------------------------------------------------------------------------- the peer


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_peer_venv(workdir: Path, log: Callable[[str], None]) -> Path:
    """WORKDIR/peer-venv with PEER_REQUIREMENTS, created once and reused; returns its python."""
    venv = workdir / "peer-venv"
    marker = venv / ".news-etl-peer.json"
    python = _venv_python(venv)
    base = getattr(sys, "_base_executable", None) or sys.executable  # ours: the same interpreter for both
    wanted = {"requirements": list(PEER_REQUIREMENTS), "python": base}
    try:
        if json.loads(marker.read_text()) == wanted and python.exists():
            return python
    except (OSError, ValueError):
        pass
    if venv.exists():
        shutil.rmtree(venv)
    log(f"bench: installing {' '.join(PEER_REQUIREMENTS)} into {venv} (once)")
    install_log = workdir / "logs" / "peer-install.log"
    install_log.parent.mkdir(parents=True, exist_ok=True)
    with open(install_log, "wb") as sink:
        for cmd in ([base, "-m", "venv", str(venv)],
                    [str(python), "-m", "pip", "install", "--disable-pip-version-check", *PEER_REQUIREMENTS]):
            if subprocess.run(cmd, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode:
                tail = install_log.read_text(errors="replace").splitlines()[-15:]
                raise RuntimeError(f"installing the dlt peer failed (log: {install_log}):\n" + "\n".join(tail))
    marker.write_text(json.dumps(wanted))
    return python


def run_peer(corpus: Path, workdir: Path, logs: Path, log: Callable[[str], None]) -> tuple[Measured, dict]:
    python = ensure_peer_venv(workdir, log)
    rundir = workdir / "runs" / "peer"
    if rundir.exists():
        shutil.rmtree(rundir)
    rundir.mkdir(parents=True)
    cmd = [str(python), str(PEER_SCRIPT), str(corpus), str(rundir / "peer.duckdb"), str(rundir / "pipelines")]
    env = _env(RUNTIME__DLTHUB_TELEMETRY="false", RUNTIME__LOG_LEVEL="WARNING")
    env.pop("PYTHONPATH", None)
    measured = measure(cmd, logs / "peer", env=env, cwd=rundir)
    _check(measured, "the dlt peer")
    result: dict = {}
    for line in reversed(measured.stdout.read_text(errors="replace").splitlines()):
        if line.startswith("{"):
            result = json.loads(line)
            break
    return measured, result


# ---------------------------------------------------------------------------------------------- the limit


def run_limit(corpus: Path, workdir: Path) -> tuple[float, int]:
    """DuckDB read_blob of every *.txt into a table of a fresh DuckDB file: (wall seconds, rows)."""
    import duckdb

    rundir = workdir / "runs" / "limit"
    if rundir.exists():
        shutil.rmtree(rundir)
    rundir.mkdir(parents=True)
    pattern = (corpus / "**" / "*.txt").as_posix().replace("'", "''")
    started = time.perf_counter()
    con = duckdb.connect(str(rundir / "limit.duckdb"))
    try:
        con.execute(f"CREATE TABLE files AS SELECT * FROM read_blob('{pattern}')")
        rows = con.execute("SELECT count(*) FROM files").fetchone()[0]
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return time.perf_counter() - started, int(rows)


# ---------------------------------------------------------------------------------------------- extraction only


def _unit_for(name: str) -> str:
    """A unit guessed from a figure name: `words_per_s` -> words/s, `articles_per_cpu_s` -> articles/cpu-s,
    `seconds` or `cpu_seconds` -> s, `articles` -> articles."""
    if "_per_" in name:
        numerator, denominator = name.rsplit("_per_", 1)
        return f"{numerator.rsplit('_', 1)[-1]}/{denominator.replace('_', '-')}"
    if name == "seconds" or name.endswith("_seconds"):
        return "s"
    if name.endswith("_rss") or name.endswith("_mib"):
        return "MiB"
    return name.rsplit("_", 1)[-1] if name.endswith("s") else ""


def extraction_figures(corpus: Path, log: Callable[[str], None]) -> list[Figure]:
    """news_etl.extract_bench.bench_extraction over the replicated corpus: the extractor alone, one core, then
    the machine's speed on a fixed workload (news_etl.machine_speed) and the extractor's in units of it."""
    from news_etl.extract_bench import bench_extraction, in_machine_units

    log("bench: extraction only")
    figures = bench_extraction(corpus)
    machine = in_machine_units(figures)
    return [Figure(f"extract_only.{name}", value, _unit_for(name)) for name, value in figures.items()] + [
        Figure("machine.end.reference_loops_per_s", machine["reference_loops_per_s"], "loops/s"),
        Figure("extract_only.articles_per_reference_loop", machine["articles_per_reference_loop"], "articles/loop")]


# The gold sets of `make eval`: (name, gold folder, folder of the texts when not beside the gold files).
QUALITY_SETS = (("seed", REPO_ROOT / "tests/fixtures/seed_gold", REPO_ROOT / "seeds"),
                ("dev", REPO_ROOT / "tests/fixtures/bbc_gold", None),
                ("holdout", REPO_ROOT / "tests/fixtures/bbc_holdout", None))


def quality_figures(log: Callable[[str], None]) -> list[Figure]:
    """The extraction's F1 on each gold set (as `make eval`), beside the speed: faster must not mean worse."""
    from news_etl.evaluate import MACRO_TYPES, evaluate

    log("bench: extraction quality")
    figures = []
    for name, gold, corpus in QUALITY_SETS:
        result = evaluate(gold, corpus)
        figures.append(Figure(f"quality.{name}.macro_f1", result["macro_f1"], "F1"))
        figures += [Figure(f"quality.{name}.{kind}.f1", result[kind]["f"], "F1") for kind in MACRO_TYPES]
    return figures


# ---------------------------------------------------------------------------------------------- the benchmark


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def run_bench(replicas: int = 5, workdir: Path | str = Path("bench-work"), batch_size: int | None = None,
              skip_peer: bool = False, out: Callable[[str], None] = print, source: Path | str | None = None,
              log: Callable[[str], None] = _stderr) -> dict[str, Any]:
    """Run the whole benchmark; print one `name: value unit` line per figure through ``out`` as it is known.

    Returns {name: value} of every figure (value None when not measured), in print order.
    """
    workdir = Path(workdir).resolve()
    source = Path(source) if source else DEFAULT_SOURCE
    logs = workdir / "logs"
    figures: list[Figure] = []

    def emit(*new: Figure) -> None:
        for figure in new:
            figures.append(figure)
            out(format_figure(figure))

    log(f"bench: corpus of {replicas} replica(s) of {source} under {workdir / 'corpus'}")
    corpus = build_corpus(source, workdir, replicas, log=log)
    files = count_files(corpus)
    emit(Figure("bench.replicas", replicas, "replicas"), Figure("bench.files", files, "files"),
         Figure("bench.batch_size", batch_size or "default", "files"), Figure("bench.cpus", os.cpu_count(), "cpus"))

    emit(Figure("machine.start.reference_loops_per_s", reference_loops_per_s(), "loops/s"))

    # 2. ours, cold: a fresh warehouse and lake, on a machine where Prefect's database already exists.
    log("bench: Prefect's database (created and migrated on a machine's first run; not timed)")
    temporary_api.prepare()
    rundir = workdir / "runs" / "ours"
    if rundir.exists():
        shutil.rmtree(rundir)
    rundir.mkdir(parents=True)
    log("bench: ours, cold")
    cold, cold_run = run_ours(corpus, rundir, logs, batch_size, "ours-cold")
    emit(*ours_figures("ours.cold", cold, cold_run, per_stage=True))

    # 3. ours again, nothing changed.
    log("bench: ours, no change")
    rerun, rerun_run = run_ours(corpus, rundir, logs, batch_size, "ours-rerun")
    emit(*ours_figures("ours.rerun", rerun, rerun_run, per_stage=False))
    log("bench: publishing the warehouse (the copy and rename of a run with work)")
    emit(*publish_figures(rundir / "warehouse.duckdb"))

    ours_files_per_s = rate(cold_run.get("files_seen"), cold.wall)

    # 4. the peer.
    peer_files_per_s = None
    if skip_peer:
        emit(Figure("peer.wall", None, "s"), Figure("peer.files", None, "files"),
             Figure("peer.files_per_s", None, "files/s"), Figure("peer.peak_rss", None, "MiB"))
    else:
        log("bench: the dlt peer")
        peer, peer_result = run_peer(corpus, workdir, logs, log)
        peer_files = peer_result.get("rows", peer_result.get("files"))
        peer_files_per_s = rate(peer_files, peer.wall)
        emit(Figure("peer.wall", peer.wall, "s"), Figure("peer.files", peer_files, "files"),
             Figure("peer.files_per_s", peer_files_per_s, "files/s"),
             Figure("peer.peak_rss", _mib(peer.peak_rss), "MiB"))

    # 5. the limit.
    log("bench: the limit (DuckDB read_blob)")
    limit_wall, limit_rows = run_limit(corpus, workdir)
    limit_files_per_s = rate(limit_rows, limit_wall)
    emit(Figure("limit.wall", limit_wall, "s"), Figure("limit.files", limit_rows, "files"),
         Figure("limit.files_per_s", limit_files_per_s, "files/s"))

    # 6. ratios, then the extraction alone.
    emit(Figure("ratio.ours_over_peer", ratio(ours_files_per_s, peer_files_per_s), "x"),
         Figure("ratio.ours_over_limit", ratio(ours_files_per_s, limit_files_per_s), "x"))
    emit(*extraction_figures(corpus, log))
    emit(*quality_figures(log))
    return {f.name: f.value for f in figures}

