"""The dashboard tests' corpus: the seed plus the 24 BBC articles of tests/fixtures/bbc_gold, each in the folder of
its category (`business_111.txt` -> `business/111.txt`) as in the BBC corpus, loaded by a real `news-etl run`."""
from __future__ import annotations

import shutil
from pathlib import Path

from cli_runner import run_args, run_cli

REPO = Path(__file__).resolve().parent.parent
BBC_GOLD = REPO / "tests" / "fixtures" / "bbc_gold"
SEED = REPO / "seeds" / "000_d163ad6fdaadeadf.txt"


def make_corpus(source: Path) -> Path:
    source.mkdir(parents=True)
    shutil.copy(SEED, source / SEED.name)
    for text in sorted(BBC_GOLD.glob("*.txt")):
        category, number = text.stem.split("_")
        (source / category).mkdir(exist_ok=True)
        shutil.copy(text, source / category / f"{number}.txt")
    return source


def load(source: Path, warehouse: Path, lake: Path, env: dict) -> None:
    done = run_cli(run_args(source, warehouse, lake, "--workers", "1"), env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
