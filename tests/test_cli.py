"""The command line mirrors the Python API; every command explains itself."""
import json
import shutil
import sys

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


def test_sql_prints_a_table(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, NULL)) v(n, s)")
    con.close()
    assert main(["sql", "SELECT * FROM t ORDER BY n", "--warehouse", str(warehouse)]) == 0
    assert capsys.readouterr().out == "n  s\n-  -\n1  a\n2\n(2 rows)\n"


def test_sql_marks_the_cells_it_cuts(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE TABLE t AS SELECT repeat('ab', 5) AS s")
    con.close()
    assert main(["sql", "SELECT s FROM t", "--warehouse", str(warehouse), "--max-width", "6"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "ababa…"
    assert main(["sql", "SELECT s FROM t", "--warehouse", str(warehouse), "--max-width", "0"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "ababababab"


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


def test_sql_reports_a_clean_error(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2
    assert "no warehouse at" in capsys.readouterr().err


def test_sql_is_read_only(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    duckdb.connect(str(warehouse)).close()
    assert main(["sql", "CREATE TABLE x (i INT)", "--warehouse", str(warehouse)]) == 2
    assert "read-only" in capsys.readouterr().err


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


def test_sql_names_the_run_writing_the_warehouse(tmp_path, capsys):
    import json
    import subprocess
    import sys

    warehouse = tmp_path / "w.duckdb"
    (tmp_path / "w.duckdb.lock").write_text(json.dumps(
        {"run_id": "20261124T000000Z-abcdef", "pid": 1, "host": "h", "started_at": "t"}))
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(30)", str(warehouse)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"open\n"
        assert main(["sql", "SELECT 1", "--warehouse", str(warehouse)]) == 2
    finally:
        holder.kill()
    assert "busy: run 20261124T000000Z-abcdef (pid 1 on h, started t) is writing it" in capsys.readouterr().err


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


def test_run_cleans_up_after_a_run_killed_before_it_staged(tmp_path, seed_source, cli_env):
    """A run killed with SIGKILL during discovery leaves its flow run RUNNING, its claim on the lake and the
    fork server's `pymp-*` folder. The next run marks the flow run crashed and removes the claim and the folder."""
    import re

    from cli_runner import REPO, run_args
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName
    from process_tree import run_watched

    temp = tmp_path / "tmp"  # the runs' temporary folder: only their pymp-* folders are in it
    temp.mkdir()
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
