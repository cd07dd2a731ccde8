"""Score the temporal extractor against hand-annotated TIMEX3 sets (tests/fixtures/timex_dev/{dev,holdout}).

Each `<stem>.json` beside `<stem>.txt` holds the article's `reference_date` and its TIMEX3 expressions in
document order (`surface`, `type`, `value`). A gold surface is found in the article's texts (title, paragraphs)
at the first whole-word occurrence after the previous one. Printed, as TimeML evaluations do: strict span F1
(same offsets), relaxed span F1 (overlap), and, over the relaxed matches, type and value accuracy.

    python -m news_etl.timex_eval tests/fixtures/timex_dev/dev tests/fixtures/timex_dev/holdout

Without a folder, every set under tests/fixtures/timex_dev is scored (dev, holdout, holdout2).
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

from transforms.decode import decode
from transforms.extract import extract_facts
from transforms.segment import segment

_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)(CE|DE|Y|M|W|D))$")
_MONTHS_IN = {"CE": 1200, "DE": 120, "Y": 12, "M": 1}


def normalise(value: str | None) -> str | None:
    """One spelling per duration: P1DE == P10Y == P120M, P2W == P14D (both are correct TIMEX3)."""
    if value is None:
        return None
    m = _DURATION.match(value)
    if not m:
        return value
    n, unit = float(m[1]), m[2]
    if unit in _MONTHS_IN:
        return f"P{n * _MONTHS_IN[unit]:g}M"
    return f"P{n * (7 if unit == 'W' else 1):g}D"


def _gold_spans(texts: list[str], items: list[dict]) -> list[tuple]:
    spans, where, after = [], 0, 0
    for item in items:
        pattern = re.compile(rf"(?<!\w){re.escape(item['surface'])}(?!\w)")
        while where < len(texts):
            m = pattern.search(texts[where], after)
            if m:
                spans.append((where, m.start(), m.end(), item["type"], item["value"]))
                after = m.end()
                break
            where, after = where + 1, 0
        else:
            raise ValueError(f"gold surface not found in order: {item['surface']!r}")
    return spans


def _predicted(article, reference: date) -> list[tuple]:
    index = {(pi, hp): i for i, (pi, hp, _) in enumerate(article.texts())}
    return [(index[(t.span.paragraph_index, t.span.headline_position)], t.span.start, t.span.end,
             t.timex_type, t.timex_value) for t in extract_facts(article, reference).temporals]


def _pairs(gold: list[tuple], pred: list[tuple], strict: bool) -> list[tuple[tuple, tuple]]:
    """One-to-one, each gold span with the first unused prediction that matches it."""
    used, pairs = set(), []
    for g in gold:
        for j, p in enumerate(pred):
            same = p[:3] == g[:3] if strict else p[0] == g[0] and p[1] < g[2] and g[1] < p[2]
            if same and j not in used:
                used.add(j)
                pairs.append((g, p))
                break
    return pairs


def score(folder: Path) -> dict:
    tallies = dict(gold=0, pred=0, strict=0, relaxed=0, type=0, value=0)
    for gold_file in sorted(folder.glob("*.json")):
        doc = json.loads(gold_file.read_text(encoding="utf-8"))
        article = segment(decode(gold_file.with_suffix(".txt").read_bytes()).text)
        gold = _gold_spans([t for _, _, t in article.texts()], doc["timex"])
        pred = _predicted(article, date.fromisoformat(doc["reference_date"]))
        relaxed = _pairs(gold, pred, strict=False)
        tallies["gold"] += len(gold)
        tallies["pred"] += len(pred)
        tallies["strict"] += len(_pairs(gold, pred, strict=True))
        tallies["relaxed"] += len(relaxed)
        tallies["type"] += sum(g[3] == p[3] for g, p in relaxed)
        tallies["value"] += sum(normalise(g[4]) == normalise(p[4]) for g, p in relaxed)
    return _figures(tallies)


def _f1(hits: int, gold: int, pred: int) -> float:
    return round(2 * hits / (gold + pred), 3) if gold + pred else 0.0


def _figures(t: dict) -> dict:
    matched = t["relaxed"] or 1
    return {"gold": t["gold"], "predicted": t["pred"], "strict_f1": _f1(t["strict"], t["gold"], t["pred"]),
            "relaxed_f1": _f1(t["relaxed"], t["gold"], t["pred"]), "type_accuracy": round(t["type"] / matched, 3),
            "value_accuracy": round(t["value"] / matched, 3)}


DEFAULT_SETS = tuple(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "timex_dev" / name
                     for name in ("dev", "holdout", "holdout2"))


def main(argv: list[str]) -> int:
    for folder in argv or DEFAULT_SETS:
        print(folder, json.dumps(score(Path(folder))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
