"""`news-etl eval GOLD_DIR [--corpus DIR]`: extract every gold article and score it like the reference scorer.

The scoring below reproduces shared/tools/score_facts.py exactly (same normalisation, same matching, same
micro-averaging and rounding): a test runs both on the same predictions and checks the figures agree.
It is reimplemented rather than imported because that file lives outside the repository.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from news_etl.extract_files import extract_file

TYPES = ("entities", "quotes", "quotes+speaker", "quantities", "temporal")
MACRO_TYPES = ("entities", "quotes+speaker", "quantities", "temporal")
_CORPUS_NAME = re.compile(r"^([a-z]+)_(\d+)$")


def evaluate(gold_dir: Path, corpus_dir: Path | None = None) -> dict:
    """Per-type precision/recall/F1 (micro over files), macro-F1 and structure checks; ValueError when a gold
    folder is empty or a gold file has no article text."""
    gold_dir = Path(gold_dir)
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:  # a mistyped folder would otherwise score a perfect 1.000 over nothing
        raise ValueError(f"no gold files (*.json) in {gold_dir}")
    predictions, missing = {}, []
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = find_source(gold_file, gold, corpus_dir)
        if source is None:
            missing.append(gold_file.name)
            continue
        predictions[gold_file.name] = extract_file(source)  # exactly what `news-etl extract` writes
    if missing:  # scored as if nothing were found in them: every figure would be wrong
        raise ValueError(f"no article text for {len(missing)} gold file(s) ({', '.join(missing[:3])}"
                         f"{', ...' if len(missing) > 3 else ''}): put the .txt beside them or pass --corpus DIR")
    return score(gold_dir, predictions)


def find_source(gold_file: Path, gold: dict, corpus_dir: Path | None) -> Path | None:
    """The article text: beside the gold file, in corpus_dir/<category>/<NNN>.txt, or by its source_file."""
    candidates = [gold_file.with_suffix(".txt")]
    if gold.get("source_file"):
        candidates.append(gold_file.parent / gold["source_file"])
    if corpus_dir is not None:
        corpus_dir = Path(corpus_dir)
        named = _CORPUS_NAME.match(gold_file.stem)
        if named:
            candidates.append(corpus_dir / named.group(1) / f"{named.group(2)}.txt")
        if gold.get("source_file"):
            candidates += [corpus_dir / gold["source_file"], *sorted(corpus_dir.rglob(gold["source_file"]))]
    return next((c for c in candidates if c.is_file()), None)


def score(gold_dir: Path, predictions: dict[str, dict]) -> dict:
    tallies = {k: _Tally() for k in TYPES}
    structure_ok = structure_all = 0
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pred = predictions.get(gold_file.name, {})
        tallies["entities"].add(*_score_entities(gold, pred))
        tallies["quotes"].add(*_score_quotes(gold, pred, False))
        tallies["quotes+speaker"].add(*_score_quotes(gold, pred, True))
        tallies["quantities"].add(*_score_quantities(gold, pred))
        tallies["temporal"].add(*_score_temporal(gold, pred))
        for ok in _score_structure(gold, pred).values():
            structure_all += 1
            structure_ok += ok
    out = {k: dict(zip("prf", (round(x, 3) for x in t.prf()))) for k, t in tallies.items()}
    out["structure"] = f"{structure_ok}/{structure_all}"
    out["missing"] = []  # the reference scorer's field; `evaluate` refuses gold files without their text
    out["macro_f1"] = round(sum(out[k]["f"] for k in MACRO_TYPES) / len(MACRO_TYPES), 3)
    return out


def format_report(result: dict) -> str:
    lines = [f"{'type':16} {'P':>6} {'R':>6} {'F1':>6}"]
    for k in TYPES:
        r = result[k]
        lines.append(f"{k:16} {r['p']:6.3f} {r['r']:6.3f} {r['f']:6.3f}")
    lines.append(f"macro-F1 {result['macro_f1']:.3f} structure {result['structure']}")
    return "\n".join(lines)


# ---- the reference scorer's rules, unchanged ----

def _norm(s):
    s = unicodedata.normalize("NFKC", s or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"^(the|a|an)\s+", "", s.strip().lower())
    return re.sub(r"[^\w%$£€']+", " ", s).strip()


class _Tally:
    def __init__(self):
        self.tp_gold = self.gold = self.tp_pred = self.pred = 0

    def add(self, tp_gold, gold, tp_pred, pred):
        self.tp_gold += tp_gold
        self.gold += gold
        self.tp_pred += tp_pred
        self.pred += pred

    def prf(self):
        p = self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp_gold / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _names_of(e):
    return {_norm(e.get("name", ""))} | {_norm(a) for a in e.get("aliases", [])}


def _score_entities(gold, pred):
    golds = gold.get("entities", [])
    optional = set().union(*[_names_of(e) for e in gold.get("optional_entities", [])]) \
        if gold.get("optional_entities") else set()
    preds = [e for e in pred.get("entities", []) if e.get("type") in {"PERSON", "ORG", "GPE", "LOC"}]
    matched_gold, tp_pred, counted_pred = set(), 0, 0
    for p in preds:
        pn = _names_of({"name": p.get("name"), "aliases": [m.get("text", "") for m in p.get("mentions", [])]})
        hit = [i for i, g in enumerate(golds) if g["type"] == p.get("type") and (pn & _names_of(g))]
        if hit:
            tp_pred += 1
            counted_pred += 1
            matched_gold.update(hit)
        elif pn & optional:
            continue
        else:  # a wrong type of the right entity counts against precision too
            counted_pred += 1
    return len(matched_gold), len(golds), tp_pred, counted_pred


def _speaker_ok(gold_speaker, pred_speaker, gold):
    if gold_speaker is None:
        return True
    g = [e for e in gold.get("entities", []) if e["name"] == gold_speaker]
    allowed = _names_of(g[0]) if g else {_norm(gold_speaker)}
    return _norm(pred_speaker or "") in allowed


def _score_quotes(gold, pred, with_speaker):
    golds, preds = gold.get("quotes", []), [q for q in pred.get("quotes", []) if q.get("paragraph", 0) >= 0]
    optional = gold.get("optional_quotes", [])

    def match(g, p):
        return p.get("paragraph") == g["paragraph"] and \
            _norm(p.get("text", "")).startswith(_norm(g["text_startswith"])[:40])

    def ok(g, p):
        return match(g, p) and (not with_speaker or _speaker_ok(g.get("speaker"), p.get("speaker"), gold))

    tpg = sum(1 for g in golds if any(ok(g, p) for p in preds))
    tpp = sum(1 for p in preds if any(ok(g, p) for g in golds))
    counted = sum(1 for p in preds if not any(match(o, p) for o in optional) or any(match(g, p) for g in golds))
    return tpg, len(golds), tpp, counted


def _close(a, b):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-4 * max(1.0, abs(a), abs(b))


def _score_quantities(gold, pred):
    golds, preds = gold.get("quantities", []), [q for q in pred.get("quantities", []) if "headline" not in q]

    def match(g, p):
        return p.get("paragraph") == g["paragraph"] and _close(p.get("value"), g["value"])

    tpg = sum(1 for g in golds if any(match(g, p) for p in preds))
    tpp = sum(1 for p in preds if any(match(g, p) for g in golds))
    return tpg, len(golds), tpp, len(preds)


def _score_temporal(gold, pred):
    golds, preds = gold.get("temporal", []), [t for t in pred.get("temporal", []) if "headline" not in t]
    optional = gold.get("optional_temporal", [])

    def match(g, p):
        a, b = _norm(g["surface"]), _norm(p.get("surface", ""))
        return p.get("paragraph") == g["paragraph"] and a and b and (a in b or b in a)

    tpg = sum(1 for g in golds if any(match(g, p) for p in preds))
    tpp = sum(1 for p in preds if any(match(g, p) for g in golds))
    counted = sum(1 for p in preds if any(match(g, p) for g in golds) or not any(match(o, p) for o in optional))
    return tpg, len(golds), tpp, counted


def _score_structure(gold, pred):
    return {
        "title": _norm(gold.get("title") or "") == _norm(pred.get("title") or ""),
        "paragraph_count": gold.get("paragraph_count") == len(pred.get("paragraphs", [])),
        "lede": bool(pred.get("paragraphs")) and
        _norm(pred["paragraphs"][0]).startswith(_norm(gold.get("lede_startswith", ""))),
        "related_headlines": [_norm(h) for h in gold.get("related_headlines", [])] ==
        [_norm(h) for h in pred.get("related_headlines", [])],
    }
