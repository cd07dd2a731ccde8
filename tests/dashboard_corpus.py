"""The dashboard tests' corpus: the seed, one short article written for the tests (no article here has a
publication date, as in the BBC layout), and the 24 BBC articles of tests/fixtures/bbc_gold, each in the
folder of its category (`business_111.txt` -> `business/111.txt`) as in the BBC corpus, loaded by a real
`news-etl run` once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

from cli_runner import run_args, run_cli

REPO = Path(__file__).resolve().parent.parent
BBC_GOLD = REPO / "tests" / "fixtures" / "bbc_gold"
SEED = REPO / "seeds" / "000_d163ad6fdaadeadf.txt"
# Written for these tests, for what the BBC articles lack: its only day- or month-precise dates are 3 March 2019
# and April 2018 (the latest dates it), and an amount of money is linked to the company that paid it.
WRITTEN_NAME = "seoul_visit.txt"
WRITTEN_TEXT = ("Kim Jong Un to visit Seoul\n\nNorth Korea's leader Kim Jong Un will visit Seoul on 3 March 2019, the "
                "state news agency KCNA said.\n\nTheir last meeting was in Panmunjom in April 2018. Japan said it "
                "welcomed the visit.\n\nSamsung paid $4.2bn for a rail link to the border.\n")

_LOADED: dict[str, tuple[Path, Path, Path]] = {}


def make_corpus(source: Path) -> Path:
    source.mkdir(parents=True)
    shutil.copy(SEED, source / SEED.name)
    (source / WRITTEN_NAME).write_text(WRITTEN_TEXT)
    for text in sorted(BBC_GOLD.glob("*.txt")):
        category, number = text.stem.split("_")
        (source / category).mkdir(exist_ok=True)
        shutil.copy(text, source / category / f"{number}.txt")
    return source


def load(source: Path, warehouse: Path, lake: Path, env: dict) -> None:
    done = run_cli(run_args(source, warehouse, lake, "--workers", "1"), env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def loaded_corpus(tmp_path_factory, env: dict) -> tuple[Path, Path, Path]:
    """(source, warehouse, lake) after one run over the corpus, made once per test session (a run is the costly
    part of these tests) and shared by the test modules: never change them, change a `copy_loaded` instead."""
    if "corpus" not in _LOADED:
        work = tmp_path_factory.mktemp("dashboard-corpus")
        source = make_corpus(work / "source")
        warehouse, lake = work / "news.duckdb", work / "lake"
        load(source, warehouse, lake, env)
        _LOADED["corpus"] = source, warehouse, lake
    return _LOADED["corpus"]


def copy_loaded(loaded: tuple[Path, Path, Path], into: Path) -> tuple[Path, Path, Path]:
    """A copy of the loaded source, warehouse and lake under `into`, for a test that runs the pipeline again."""
    source, warehouse, lake = into / "source", into / "news.duckdb", into / "lake"
    shutil.copytree(loaded[0], source)
    shutil.copy(loaded[1], warehouse)
    shutil.copytree(loaded[2], lake)
    return source, warehouse, lake
