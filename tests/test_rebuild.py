"""The lake knows which runs committed, whatever became of the warehouse file: a run never deletes committed
staging, and `news-etl rebuild` makes a lost warehouse again from the lake, exactly."""
from __future__ import annotations

import shutil

import duckdb
import pytest
from conftest import BBC_GOLD, SEED

from news_etl.cli import main

# Operational tables a rebuild must give back row for row (the business tables are compared by fingerprint).
HISTORY = {
    "article_versions": "SELECT * FROM article_versions ORDER BY ALL",
    "file_manifest": "SELECT * FROM file_manifest ORDER BY ALL",
    "quarantine": "SELECT * FROM quarantine ORDER BY ALL",
    "validation_results": "SELECT * FROM validation_results ORDER BY ALL",
    "pipeline_runs": "SELECT * EXCLUDE (row_counts), row_counts::VARCHAR FROM pipeline_runs "
                     "WHERE flow_run_id IS NOT NULL ORDER BY run_id",
}


@pytest.fixture
def world(prefect_api, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SEED, source)
    for name in ("business_111.txt", "business_136.txt"):
        shutil.copy(BBC_GOLD / name, source)
    return dict(source=source, warehouse=tmp_path / "w.duckdb", lake=tmp_path / "lake")


def _run(world, *extra) -> None:
    assert main(["run", "--source", str(world["source"]), "--warehouse", str(world["warehouse"]),
                 "--lake", str(world["lake"]), "--workers", "1", *extra]) == 0


def _state(path) -> dict:
    with duckdb.connect(str(path), read_only=True) as con:
        return {name: con.execute(query).fetchall() for name, query in HISTORY.items()}


def _staged(lake) -> set[str]:
    return {p.name.split("=", 1)[1] for p in lake.glob("*/run_id=*")}


def test_rebuild_replays_every_committed_run_into_the_same_warehouse(world, tmp_path, capsys):
    source = world["source"]
    _run(world)
    edited = source / "business_136.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Yushchenko", "Yanukovych"), encoding="utf-8")
    shutil.copy(BBC_GOLD / "sport_199.txt", source)
    (source / "empty.txt").write_bytes(b"")
    _run(world)  # version 2 of one article, a new one, a refused file
    (source / "business_111.txt").unlink()
    _run(world)  # a deletion
    _run(world)  # nothing to do: its row waits beside the warehouse
    (source / "business_111.txt").write_bytes((BBC_GOLD / "business_111.txt").read_bytes())
    _run(world)  # back again
    capsys.readouterr()

    rebuilt = tmp_path / "rebuilt" / "new.duckdb"
    assert main(["rebuild", "--lake", str(world["lake"]), "--warehouse", str(rebuilt)]) == 0
    assert capsys.readouterr().out == f"rebuilt {rebuilt} from 4 committed run(s) of {world['lake']}\n"

    assert main(["fingerprint", "--warehouse", str(world["warehouse"])]) == 0
    original = capsys.readouterr().out
    assert main(["fingerprint", "--warehouse", str(rebuilt)]) == 0
    assert capsys.readouterr().out == original and "articles 4 " in original
    assert _state(rebuilt) == _state(world["warehouse"])
    with duckdb.connect(str(rebuilt), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM article_versions").fetchone() == (2,)
        assert con.execute("SELECT count(*) FROM pipeline_runs").fetchone() == (4,)  # the no-change run is not


def test_rebuild_refuses_to_overwrite_a_warehouse(world, capsys):
    _run(world)
    capsys.readouterr()
    assert main(["rebuild", "--lake", str(world["lake"]), "--warehouse", str(world["warehouse"])]) == 2
    assert capsys.readouterr().err == (f"news-etl rebuild: {world['warehouse']} exists: rebuild writes a new "
                                       "warehouse (move that one away first)\n")


def test_run_keeps_committed_staging_when_the_warehouse_was_lost(world):
    _run(world)
    shutil.copy(BBC_GOLD / "sport_199.txt", world["source"])
    _run(world)
    committed = _staged(world["lake"])
    assert len(committed) == 2

    world["warehouse"].unlink()  # deleted by mistake; the lake is kept
    _run(world)
    assert committed < _staged(world["lake"]), "the committed runs' staging is all still there"
