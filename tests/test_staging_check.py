"""The loader checks every staged part against what its batch reported (rows, SHA-256 of its bytes) and refuses
the run when a part was replaced or truncated between stage and load: one line, non-zero, nothing committed."""
from __future__ import annotations

import shutil
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from cli_runner import run_args, run_cli, start_cli
from conftest import BBC_GOLD

from flows.fingerprint import fingerprint_file
from flows.lake import Lake
from flows.load import StagingChanged, check_staged
from schemas import TABLES
from schemas.arrow import arrow_schema
from schemas.tables import BUSINESS_TABLES


def test_run_refuses_a_staged_part_truncated_before_the_load(cli_env, seed_source, tmp_path):
    source = seed_source
    warehouse, lake = tmp_path / "w.duckdb", tmp_path / "lake"
    args = run_args(source, warehouse, lake, "--workers", "1")
    assert run_cli(args, cli_env).returncode == 0
    before, first_parts = fingerprint_file(warehouse), set(lake.glob("paragraphs/run_id=*/part-*.parquet"))
    shutil.copy(BBC_GOLD / "business_111.txt", source)

    log = tmp_path / "run.log"
    run = start_cli(args, dict(cli_env, NEWS_ETL_PAUSE_AT="validate", NEWS_ETL_PAUSE_SECONDS="3"), log)
    deadline = time.monotonic() + 90
    while "news-etl: paused at validate" not in log.read_text(errors="replace"):
        assert run.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.05)
    (part,) = set(lake.glob("paragraphs/run_id=*/part-*.parquet")) - first_parts
    staged = pq.read_table(part)
    pq.write_table(staged.slice(0, 3), part)  # a valid Parquet file, shorter
    assert run.wait(timeout=120) == 1
    said = [line for line in log.read_text().splitlines() if line.startswith("news-etl run:")]
    assert said == [(f"news-etl run: staged part {part} holds 3 rows where its batch wrote {staged.num_rows} "
                    f"(run {part.parent.name.split('=')[1]}): nothing was loaded; run again to stage it afresh")]
    assert fingerprint_file(warehouse) == before, "nothing was committed"
    assert list(tmp_path.glob("w.duckdb.*.next")) == [], "the run's private copy went with it"

    done = run_cli(args, cli_env)  # the next run stages the file afresh and loads it whole
    assert done.returncode == 0, done.stderr[-3000:]
    assert "loaded 1," in done.stdout and fingerprint_file(warehouse)["paragraphs"][0] == \
        before["paragraphs"][0] + staged.num_rows


def test_check_staged_refuses_a_part_with_the_same_rows_and_other_bytes(tmp_path):
    lake = Lake(tmp_path / "lake")
    schema = arrow_schema(TABLES["entities"])
    data = pa.table({"entity_id": ["e1", "e2"], "canonical_name": ["Kim Jong Un", "KCNA"],
                     "entity_type": ["PERSON", "ORG"]}, schema=schema)
    staged = {table.name: {} for table in BUSINESS_TABLES}
    staged["entities"] = {"00000": [2, lake.write_part("entities", "r1", 0, data)]}
    check_staged(lake, "r1", staged)  # as its batch wrote it: accepted

    edited = pa.table({"entity_id": ["e1", "e2"], "canonical_name": ["Kim Jong Il", "KCNA"],
                       "entity_type": ["PERSON", "ORG"]}, schema=schema)
    pq.write_table(edited, lake.part_path("entities", "r1", 0))
    with pytest.raises(StagingChanged, match=r"^staged part .*/entities/run_id=r1/part-00000.parquet is not the "
                       r"file its batch wrote \(its SHA-256 differs\) \(run r1\): nothing was loaded"):
        check_staged(lake, "r1", staged)
