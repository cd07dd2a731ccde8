"""evaluate() scores exactly like the reference scorer (shared/tools/score_facts.py) on the same predictions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from news_etl.evaluate import MACRO_TYPES, TYPES, evaluate, find_source, format_report
from news_etl.extract_files import extract_file

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_GOLD = REPO / "tests" / "fixtures" / "seed_gold"
BBC_GOLD = REPO / "tests" / "fixtures" / "bbc_gold"
POLNEAR_GOLD = REPO / "tests" / "fixtures" / "polnear_gold"
REFERENCE = REPO.parent / "shared" / "tools" / "score_facts.py"


def _reference(gold_dir: Path, pred_dir: Path) -> dict:
    out = subprocess.run([sys.executable, str(REFERENCE), str(gold_dir), str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[0])


def _write_predictions(gold_dir: Path, corpus: Path | None, pred_dir: Path) -> None:
    pred_dir.mkdir()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = find_source(gold_file, gold, corpus)
        if source is not None:
            (pred_dir / gold_file.name).write_text(json.dumps(extract_file(source), ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("gold_dir, corpus", [(SEED_GOLD, SEEDS), (BBC_GOLD, None), (POLNEAR_GOLD, None)],
                         ids=["seed", "bbc_dev", "polnear_dev"])
def test_evaluate_agrees_with_reference_scorer(tmp_path, gold_dir, corpus):
    if not REFERENCE.exists():
        pytest.skip("the reference scorer ../shared/tools/score_facts.py is not here")
    if not any(gold_dir.glob("*.json")):
        pytest.skip(f"no gold files in {gold_dir}")
    mine = evaluate(gold_dir, corpus)
    _write_predictions(gold_dir, corpus, tmp_path / "pred")
    theirs = _reference(gold_dir, tmp_path / "pred")
    for kind in TYPES:
        assert mine[kind] == theirs[kind], kind
    assert mine["structure"] == theirs["structure"]
    assert mine["missing"] == theirs["missing"]


def test_evaluate_seed_macro_f1_at_least_0_90():
    result = evaluate(SEED_GOLD, SEEDS)
    assert result["missing"] == []
    assert result["macro_f1"] >= 0.90, format_report(result)


def test_format_report_lists_every_type_and_macro_f1():
    result = evaluate(SEED_GOLD, SEEDS)
    report = format_report(result)
    for kind in TYPES:
        assert kind in report
    assert f"macro-F1 {result['macro_f1']:.3f}" in report
    expected = round(sum(result[k]["f"] for k in MACRO_TYPES) / 4, 3)
    assert result["macro_f1"] == expected


def test_evaluate_refuses_gold_without_article_text(tmp_path):
    """Scored as if the extractor found nothing, every figure would be wrong: name the file instead."""
    (tmp_path / "business_999.json").write_text('{"entities": [{"name": "X", "type": "ORG"}]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"no article text for 1 gold file\(s\) \(business_999.json\)"):
        evaluate(tmp_path)


def test_evaluate_refuses_a_folder_without_gold_files(tmp_path):
    with pytest.raises(ValueError, match="no gold files"):
        evaluate(tmp_path / "nope")


def test_evaluate_bbc_dev_set_macro_f1_floor():
    """A regression floor well under today's figure (0.94) so annotation edits do not make it flaky."""
    if not any(BBC_GOLD.glob("*.json")):
        pytest.skip("no dev gold set")
    result = evaluate(BBC_GOLD)
    assert result["missing"] == []
    assert result["macro_f1"] >= 0.85, format_report(result)
