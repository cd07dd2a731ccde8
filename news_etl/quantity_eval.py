"""Quantity extraction scored on sentence sets: value F1 and value + unit F1.

`python -m news_etl.quantity_eval [FILE.jsonl ...]` (default: the dev set and the two held-out sets under
tests/fixtures, described in tests/fixtures/quantities_sets.md).
Each line of a set is `{"sentence": ..., "quantities": [{"value", "value2", "unit"}]}`; the sentence is
extracted as a one-paragraph article. A predicted quantity matches a gold one when the values agree (to 1e-4,
as the reference scorer) and, for value + unit, when the units agree too: the same up to case and a plural
`s`, or, for a counted noun, the same last word ("Grammy Awards" ~ "awards"). Matching is one to one within a
sentence; precision, recall and F1 are micro-averaged over the set.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from transforms.extract import extract_facts
from transforms.model import Article, Paragraph

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
DEFAULT_SETS = (FIXTURES / "quantities_dev.jsonl", FIXTURES / "quantities_dev_kinds.jsonl",
                FIXTURES / "quantities_holdout.jsonl", FIXTURES / "quantities_holdout2.jsonl",
                FIXTURES / "quantities_holdout3.jsonl")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-4 * max(1.0, abs(a), abs(b))


def _unit_key(unit: str | None) -> str:
    last = (unit or "").lower().split(" ")[-1]
    return last[:-1] if last.endswith("s") and len(last) > 3 else last


def _matches(gold: list[dict], predicted: list[tuple[float, str | None]], with_unit: bool) -> int:
    """How many gold quantities find a predicted one of their own (greedy, one to one, in order)."""
    free = list(predicted)
    hits = 0
    for g in gold:
        for i, (value, unit) in enumerate(free):
            if _close(value, g["value"]) and (not with_unit or _unit_key(unit) == _unit_key(g.get("unit"))):
                del free[i]
                hits += 1
                break
    return hits


def _prf(hits: int, n_gold: int, n_pred: int) -> float:
    p = hits / n_pred if n_pred else 1.0
    r = hits / n_gold if n_gold else 1.0
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def score_set(path: Path) -> dict:
    """{"sentences", "gold", "predicted", "value_f1", "value_unit_f1"} for one JSON Lines set."""
    n_gold = n_pred = value_hits = unit_hits = sentences = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        facts = extract_facts(Article(None, (Paragraph(0, 0, row["sentence"]),)))
        predicted = [(q.value, q.unit) for q in facts.quantities]
        sentences += 1
        n_gold += len(row["quantities"])
        n_pred += len(predicted)
        value_hits += _matches(row["quantities"], predicted, with_unit=False)
        unit_hits += _matches(row["quantities"], predicted, with_unit=True)
    return {"sentences": sentences, "gold": n_gold, "predicted": n_pred,
            "value_f1": _prf(value_hits, n_gold, n_pred), "value_unit_f1": _prf(unit_hits, n_gold, n_pred)}


def main(argv: list[str]) -> None:
    for path in [Path(a) for a in argv] or DEFAULT_SETS:
        s = score_set(path)
        print(f"{path.name}: {s['sentences']} sentences, {s['gold']} gold, {s['predicted']} predicted; "
              f"value F1 {s['value_f1']:.3f}, value+unit F1 {s['value_unit_f1']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
