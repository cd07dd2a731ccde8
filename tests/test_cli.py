"""The command line mirrors the Python API; every command explains itself."""
import json
import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import SEED

from news_etl.cli import build_parser, main


def _verbs():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    return sub, sub.choices


def test_every_command_has_help():
    sub, verbs = _verbs()
    helps = {a.dest: a.help for a in sub._choices_actions}
    assert set(verbs) >= {"run", "extract", "sql", "eval", "bench"}
    for name, parser in verbs.items():
        assert helps.get(name), f"{name} has no help"
        for action in parser._actions:
            assert action.help, f"{name} {action.dest} has no help"






def test_eval_reports_a_missing_gold_folder_cleanly(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"news-etl eval: no gold files (*.json) in {tmp_path / 'nope'}\n"


def test_program_is_the_path_run_when_news_etl_is_not_on_path(monkeypatch, tmp_path):
    """The summary's "query it:" line must run as printed: `.venv/bin/news-etl sql ...` after `make run`."""
    from news_etl.cli import _program

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "argv", [".venv/bin/news-etl", "run"])
    assert _program() == ".venv/bin/news-etl"
    monkeypatch.setattr(sys, "argv", ["/usr/lib/python3/news_etl/cli.py", "run"])
    assert _program() == "news-etl"






def test_extract_writes_one_facts_json_per_file(tmp_path):
    assert main(["extract", str(SEED), "--out", str(tmp_path)]) == 0
    facts = json.loads((tmp_path / "000_d163ad6fdaadeadf.json").read_text(encoding="utf-8"))
    assert facts["article_id"] == "d163ad6fdaadeadf"
    assert facts["title"] is None and len(facts["paragraphs"]) == 15
    assert facts["sections"] == [[0, 3], [4, 8], [9, 10], [11, 14]]


def test_extract_refuses_a_non_article_and_writes_the_others(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    shutil.copy(SEED, tmp_path)
    assert main(["extract", str(empty), str(tmp_path / SEED.name), "--out", str(tmp_path / "out")]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"news-etl extract: {empty}: empty file: no bytes or only whitespace\n"
    assert captured.out == f"wrote 1 facts file(s) to {tmp_path / 'out'}, refused 1\n"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["000_d163ad6fdaadeadf.json"]


def test_extract_mirrors_the_folders_of_inputs_that_share_a_name(tmp_path):
    """The BBC layout: business/001.txt and tech/001.txt write business/001.json and tech/001.json."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / SEED.name).write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "a" / SEED.name), str(tmp_path / "b" / SEED.name), "--out", str(out)]) == 0
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.json")) == [
        "a/000_d163ad6fdaadeadf.json", "b/000_d163ad6fdaadeadf.json"]


def test_run_reports_a_missing_source_cleanly(tmp_path, capsys):
    missing = tmp_path / "no-such-folder"
    assert main(["run", "--source", str(missing), "--warehouse", str(tmp_path / "w.duckdb"),
                 "--lake", str(tmp_path / "lake")]) == 2
    assert capsys.readouterr().err == f"news-etl run: no source folder at {missing}\n"
    assert not (tmp_path / "w.duckdb").exists()


def test_unknown_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        main(["extract", str(SEED), "--out", "x", "--reference-date", "yesterday"])
    assert "not a YYYY-MM-DD date" in capsys.readouterr().err




def _run_seed_counting_new_servers(source, tmp_path, env):
    """`news-etl run` on `source` in a subprocess; its result and the uvicorn servers it left running (among the
    processes it started: tests/process_tree.py)."""
    from cli_runner import REPO, run_args
    from process_tree import run_watched

    done = run_watched(run_args(source, tmp_path / "w.duckdb", tmp_path / "lake", "--workers", "1"), env, REPO,
                       tmp_path / "run.log", grace=5)
    return done, [p for p in done.left if "uvicorn" in p["cmdline"]]


def test_run_without_a_configured_api_starts_a_temporary_one_and_stops_it(tmp_path, seed_source):
    """What `make run` does on a fresh machine: no PREFECT_API_URL, so the run starts Prefect's temporary API
    itself, records a real flow run, and leaves no server process behind."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    done, servers = _run_seed_counting_new_servers(seed_source, tmp_path, env)
    assert done.returncode == 0, done.output[-2000:]
    assert "loaded 1" in done.output
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert con.execute("SELECT count(flow_run_id) FROM pipeline_runs").fetchone() == (1,)
    assert servers == []


def test_run_with_an_api_set_in_a_prefect_profile_reports_there_and_starts_no_server(tmp_path, seed_source,
                                                                                        cli_env):
    """The temporary API is spawned before Prefect is imported, judged on the environment alone; an API set
    in the active Prefect profile still wins: the run's flow run is recorded there, no server is left."""
    from prefect import get_client

    profiles = tmp_path / "profiles.toml"
    api_url = cli_env["PREFECT_API_URL"]
    profiles.write_text(f'active = "team"\n[profiles.team]\nPREFECT_API_URL = "{api_url}"\n')
    env = {k: v for k, v in cli_env.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_PROFILES_PATH=str(profiles))
    done, servers = _run_seed_counting_new_servers(seed_source, tmp_path, env)
    assert done.returncode == 0, done.output[-2000:]
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    (flow_run_id,) = con.execute("SELECT flow_run_id FROM pipeline_runs").fetchone()
    with get_client(sync_client=True) as client:  # the session's API, the one in the profile
        assert client.read_flow_run(flow_run_id).name
    assert servers == []


def test_run_ends_without_leak_reports_from_duckdb(tmp_path, seed_source, cli_env):
    """DuckDB's bindings print "nanobind: leaked ..." lines when a process ends holding DuckDB objects the
    collector never freed (frozen ones: in the workers' fork server, or a no-change rerun): ~50 lines after
    the summary that read like a crash. Neither the first run (default workers: the fork server starts) nor the
    rerun that finds nothing to do prints them."""
    from cli_runner import run_args, run_cli

    args = run_args(seed_source, tmp_path / "w.duckdb", tmp_path / "lake")
    first, again = run_cli(args, cli_env), run_cli(args, cli_env)
    assert (first.returncode, again.returncode) == (0, 0), first.stderr[-2000:] + again.stderr[-2000:]
    assert "loaded 1" in first.stdout and "unchanged 1" in again.stdout
    assert "nanobind" not in first.stderr + again.stderr


def test_fingerprint_prints_rows_and_a_content_hash_per_table(tmp_path, capsys):
    from flows.warehouse import connect, ensure_schema

    outputs = []
    for name, person in (("a.duckdb", "Tony Blair"), ("b.duckdb", "Tony Blair"), ("c.duckdb", "Gordon Brown")):
        con = connect(tmp_path / name)
        ensure_schema(con)
        con.execute("INSERT INTO entities BY NAME SELECT 'e1' AS entity_id, ? AS canonical_name, "
                    "'PERSON' AS entity_type", [person])
        con.close()
        assert main(["fingerprint", "--warehouse", str(tmp_path / name)]) == 0
        outputs.append(capsys.readouterr().out.splitlines())
    assert outputs[0] == outputs[1] and outputs[0] != outputs[2]
    lines = dict(line.split(" ", 1) for line in outputs[0])
    assert lines["articles"] == "0 -"
    rows, digest = lines["entities"].split()
    assert rows == "1" and len(digest) == 32


def test_fingerprint_reports_a_missing_warehouse_cleanly(tmp_path, capsys):
    assert main(["fingerprint", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2
    assert "no warehouse at" in capsys.readouterr().err


def test_run_cleans_up_after_a_run_killed_before_it_staged(tmp_path, seed_source, cli_env, request):
    """A run killed with SIGKILL during discovery leaves its flow run RUNNING, its claim on the lake and the
    fork server's `pymp-*` folder. The next run marks the flow run crashed and removes the claim and the folder."""
    import re
    import tempfile

    from cli_runner import REPO, run_args
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName
    from process_tree import run_watched

    # The runs' temporary folder: only their pymp-* folders are in it. A short path of its own, not under
    # tmp_path: the fork server's socket lives in it, and a Unix socket path may not exceed 107 bytes.
    temp = Path(tempfile.mkdtemp(prefix="ne-"))
    request.addfinalizer(lambda: shutil.rmtree(temp, ignore_errors=True))
    env = dict(cli_env, TMPDIR=str(temp), NEWS_ETL_PAUSE_AT="discover", NEWS_ETL_PAUSE_SECONDS="120")
    args = run_args(seed_source, tmp_path / "w.duckdb", tmp_path / "lake", "--workers", "2")
    killed = run_watched(args, env, REPO, tmp_path / "killed.log", kill_on="paused at discover", grace=10)
    assert killed.killed and killed.left == [], killed.output[-3000:]
    (name,) = set(re.findall(r"Beginning flow run '([^']+)'", killed.output))
    claims = sorted(p.name for p in (tmp_path / "lake" / "_runs").iterdir())
    assert len(claims) == 1 and [p.name[:5] for p in temp.iterdir()] == ["pymp-"]

    del env["NEWS_ETL_PAUSE_AT"]
    again = run_watched(args, env, REPO, tmp_path / "again.log", grace=10)
    assert again.returncode == 0, again.output[-3000:]
    assert "loaded 1" in again.output
    assert claims[0] not in {p.name for p in (tmp_path / "lake" / "_runs").iterdir()}
    assert list(temp.iterdir()) == []
    with get_client(sync_client=True) as client:
        (run,) = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[name])))
    assert run.state.type.value == "CRASHED"


def test_main_without_a_command_lists_the_commands(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: news-etl [-h] COMMAND ...\n")
    listed = {line.split()[0] for line in err.splitlines() if line.startswith("    ") and line.split()}
    assert listed >= {"run", "extract", "sql", "fingerprint", "eval", "bench"}


def test_help_of_every_command_shows_every_default():
    _, verbs = _verbs()
    for name, parser in verbs.items():
        text = " ".join(parser.format_help().split())
        for action in parser._actions:
            if action.option_strings and action.default not in (None, False, "==SUPPRESS=="):
                assert str(action.default) in text, f"{name} {action.option_strings[0]}: no default in its help"
    run_help = " ".join(verbs["run"].format_help().split())
    assert "(default: seeds, relative to the current folder)" in run_help
    assert "(default: warehouse/news.duckdb, relative to the current folder)" in run_help
    assert "a folder (relative to the current folder) or an fsspec URL (default: lake)" in run_help


def test_cli_turns_prefect_telemetry_off(tmp_path):
    """No usage data and no first-run telemetry notice, whatever the shell exported (the Makefile did it alone)."""
    import os
    import subprocess

    from prefect._internal.analytics.ci_detection import CI_ENV_VARS

    env = {k: v for k, v in os.environ.items()
           if k not in CI_ENV_VARS and k not in ("DO_NOT_TRACK", "PREFECT_SERVER_ANALYTICS_ENABLED")}
    done = subprocess.run([sys.executable, "-c", "import news_etl.cli\n"
                           "from prefect._internal.analytics.enabled import is_telemetry_enabled\n"
                           "from prefect.settings import get_current_settings\n"
                           "print(is_telemetry_enabled(), get_current_settings().server.analytics_enabled)"],
                          env=dict(env, PREFECT_HOME=str(tmp_path)), capture_output=True, text=True, timeout=60)
    assert done.stdout == "False False\n", done.stderr[-2000:]


def _run_args(tmp_path, *extra):
    return ["run", "--source", str(SEED.parent), "--warehouse", str(tmp_path / "w.duckdb"),
            "--lake", str(tmp_path / "lake"), *extra]


@pytest.mark.parametrize("option, value", [("--batch-size", "0"), ("--workers", "-1")])
def test_run_refuses_a_count_below_one_in_one_line(tmp_path, capsys, option, value):
    assert main(_run_args(tmp_path, option, value)) == 2
    assert capsys.readouterr().err == f"news-etl run: {option} must be 1 or more (got {value})\n"
    assert not (tmp_path / "w.duckdb").exists()


def test_run_refuses_a_warehouse_that_is_a_folder_in_one_line(tmp_path, capsys):
    folder = tmp_path / "warehouse"
    folder.mkdir()
    assert main(["run", "--source", str(SEED.parent), "--warehouse", str(folder), "--lake", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"news-etl run: --warehouse {folder} is a folder: give the DuckDB file's "
                                       f"path, e.g. {folder / 'news.duckdb'}\n")


def test_run_refuses_a_warehouse_in_a_read_only_folder_in_one_line(tmp_path):
    import os
    import subprocess

    from cli_runner import can_deny, cli, run_cli

    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "probe").write_text("x")
    (folder / "probe").chmod(0)
    denied, preexec = can_deny(folder / "probe")
    if not denied:
        pytest.skip("this user reads and writes whatever the modes say")
    folder.chmod(0o555)
    warehouse = folder / "sub" / "w.duckdb"
    try:
        done = run_cli(cli("run", "--source", SEED.parent, "--warehouse", warehouse, "--lake", tmp_path / "lake"),
                       dict(os.environ), preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        raise AssertionError("the run did not stop at once") from None
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr == f"news-etl run: cannot make the warehouse {warehouse}: the folder {folder} is read-only\n"


def test_run_refuses_a_corrupt_warehouse_in_one_line(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    warehouse.write_bytes(b"not a database " * 1000)
    assert main(_run_args(tmp_path)) == 2
    assert capsys.readouterr().err == (f"news-etl run: cannot open the warehouse {warehouse}: IO Error: The file "
                                       f"\"{warehouse}\" exists, but it is not a valid DuckDB database file!\n")


def test_run_refuses_a_lake_whose_fsspec_driver_is_missing_in_one_line(tmp_path, capsys):
    pytest.importorskip("fsspec")
    try:
        import s3fs  # noqa: F401
        pytest.skip("s3fs is installed here")
    except ImportError:
        pass
    assert main(["run", "--source", str(SEED.parent), "--warehouse", str(tmp_path / "w.duckdb"),
                 "--lake", "s3://bucket/lake"]) == 2
    assert capsys.readouterr().err == "news-etl run: cannot use the lake s3://bucket/lake: Install s3fs to access S3\n"


def test_run_refuses_an_unreachable_dask_scheduler_within_seconds(tmp_path, capsys):
    import socket
    import time

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    started = time.monotonic()
    assert main(_run_args(tmp_path, "--dask-address", address)) == 2
    assert time.monotonic() - started < 10
    assert capsys.readouterr().err == f"news-etl run: no Dask scheduler answers at {address} (Connection refused)\n"


@pytest.mark.parametrize("where", ["environment", "profile"])
def test_run_with_an_unreachable_configured_api_says_how_to_unset_it(tmp_path, seed_source, where):
    """After `prefect config set PREFECT_API_URL=...` for a server that is down, a run said nothing useful in
    ~116 lines ending in `Failed to reach API`: one line now, with the way back to the temporary API."""
    import os
    import socket

    from cli_runner import run_args, run_cli

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"))
    if where == "environment":
        env.update(PREFECT_API_URL=url)
        how = "run `unset PREFECT_API_URL`"
    else:
        profiles = tmp_path / "profiles.toml"
        profiles.write_text(f'active = "default"\n[profiles.default]\nPREFECT_API_URL = "{url}"\n')
        env.update(PREFECT_PROFILES_PATH=str(profiles))
        how = "run `prefect config unset PREFECT_API_URL`"
    done = run_cli(run_args(seed_source, tmp_path / "w.duckdb", tmp_path / "lake"), env, timeout=60)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1, done.stderr[-3000:]
    assert done.stderr.startswith(f"news-etl run: the Prefect API at {url} does not answer (")
    assert how in done.stderr


def test_run_on_a_terminal_prints_a_first_line_at_once(tmp_path, seed_source):
    """On a terminal, the run says what it does before anything slow (discovery, Prefect's start: seconds of
    silence before): here, before it finds that the configured API does not answer."""
    import os
    import pty
    import subprocess
    import time

    from cli_runner import REPO, run_args

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_API_URL="http://127.0.0.1:9/api")
    terminal, its_end = pty.openpty()
    started = time.monotonic()
    run = subprocess.Popen(run_args(seed_source, tmp_path / "w.duckdb", tmp_path / "lake"), cwd=REPO, env=env,
                           stdout=subprocess.DEVNULL, stderr=its_end)
    os.close(its_end)
    first = b""
    while not first.endswith(b"\n"):
        first += os.read(terminal, 1)
    took = time.monotonic() - started
    assert run.wait(timeout=60) == 2
    os.close(terminal)
    assert first.decode().rstrip("\r\n") == (f"news-etl run: looking for new and changed files in {seed_source}, "
                                              f"for {tmp_path / 'w.duckdb'}")
    assert took < 5, took  # ~0.1 s on an idle machine
