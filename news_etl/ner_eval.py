"""Exact-span PER/ORG/LOC scoring on agency-style (wire-service) articles: `python -m news_etl.ner_eval DIR ...`.

Each `*.txt` in DIR is an article whose names are marked inline: `{ORG Leeds} 2 {ORG Fulham} 1`. The marks are
removed to give the article text (braces never occur in wire copy); the marked spans are the gold. The text is
segmented and extracted as `news-etl extract` would; every mention of every entity (title, body, related
headlines) is a predicted span, typed by its entity: PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC. Other types
(NORP, EVENT, ...) are not scored, and gold MISC spans are no target: a PER/ORG/LOC predicted on one is wrong.

A predicted span is right when its line, start, end and type equal a gold span's (CoNLL-style exact match).
Precision, recall and F1 are micro-averaged over the folder, overall, per type and per kind of line:
- `caps`: a line in capitals (headlines, "LONDON 1996-08-30"), and a dateline in capitals opening a line
  ("MOSCOW, Aug 30 (Reuters) -");
- `table`: a results line, standings row or score line (numbers, few lower-case words);
- `prose`: everything else.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from transforms.extract import extract_facts
from transforms.extract.entities import mostly_upper
from transforms.segment import DATELINE, segment

TYPES = ("PER", "ORG", "LOC")
KINDS = ("caps", "table", "prose")
_TYPE_OF = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
_MARK = re.compile(r"\{(PER|ORG|LOC|MISC) ([^{}]+)\}")
# Lower-case words a results line may hold: "Parma 2 Lazio 1", "Smith b Jones 31", "Leeds v Chelsea".
_TABLE_WORDS = frozenset("v vs b c lbw st bt beat at in and same time min sec pts".split())
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\-]+\b")


def parse(marked: str) -> tuple[str, list[tuple[int, int, int, str]]]:
    """(plain text, gold spans as (line, start, end, type)); `line` counts non-empty lines from 0, offsets are
    in the stripped line (as segment() keeps it)."""
    lines, spans = [], []
    for raw in marked.rstrip().split("\n"):
        raw = raw.strip()
        if not raw:
            lines.append("")
            continue
        plain, last = [], 0
        number = sum(1 for line in lines if line)
        for m in _MARK.finditer(raw):
            plain.append(raw[last:m.start()])
            start = sum(map(len, plain))
            plain.append(m.group(2))
            spans.append((number, start, start + len(m.group(2)), m.group(1)))
            last = m.end()
        plain.append(raw[last:])
        lines.append("".join(plain))
    return "\n".join(lines) + "\n", spans


def predict(text: str) -> tuple[list[str], list[tuple[int, int, int, str]]]:
    """(non-empty lines, predicted spans) for one article text."""
    article = segment(text)
    facts = extract_facts(article)
    texts = list(article.texts())
    number = {(pi, hp): i for i, (pi, hp, _) in enumerate(texts)}  # texts() follows the order of the lines
    spans = set()
    for entity in (*facts.entities, *facts.headline_entities):
        type_ = _TYPE_OF.get(entity.type)
        if type_ is None:
            continue
        for s in entity.mentions:
            spans.add((number[(s.paragraph_index, s.headline_position)], s.start, s.end, type_))
    return [t for _, _, t in texts], sorted(spans)


def line_kind(line: str) -> str:
    if mostly_upper(line):
        return "caps"
    lower = [w for w in _LOWER_WORD.findall(line) if w not in _TABLE_WORDS]
    return "table" if any(c.isdigit() for c in line) and len(lower) <= 2 else "prose"


def span_kind(lines: list[str], span: tuple[int, int, int, str]) -> str:
    line = lines[span[0]]
    dateline = DATELINE.match(line)
    if dateline and span[2] <= dateline.end() and line[span[1]:span[2]].isupper():
        return "caps"
    return line_kind(line)


class Tally:
    def __init__(self):
        self.hits, self.gold, self.pred = Counter(), Counter(), Counter()

    def add(self, keys: list[str], counter: str) -> None:
        getattr(self, counter).update(keys)

    def prf(self, key: str) -> tuple[float, float, float]:
        hits, gold, pred = self.hits[key], self.gold[key], self.pred[key]
        p = hits / pred if pred else 0.0
        r = hits / gold if gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score_dir(folder: Path, errors: list[str] | None = None) -> Tally:
    """The tally of a folder; `errors`, when given, receives one line per missed or wrong span."""
    tally = Tally()
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        raise ValueError(f"no annotated articles (*.txt) in {folder}")
    for path in files:
        text, gold = parse(path.read_text(encoding="utf-8"))
        lines, predicted = predict(text)
        gold = [g for g in gold if g[3] in TYPES]
        gold_set = set(gold)
        for counter, spans in (("gold", gold), ("pred", predicted),
                               ("hits", [p for p in predicted if p in gold_set])):
            for s in spans:
                tally.add(["all", s[3], span_kind(lines, s)], counter)
        if errors is not None:
            errors.extend(_errors(path.name, lines, gold, predicted))
    return tally


def _errors(name: str, lines: list[str], gold: list, predicted: list) -> list[str]:
    gold_set, predicted_set = set(gold), set(predicted)
    return [f"{name}:{s[0]} {label} {s[3]} {lines[s[0]][s[1]:s[2]]!r}"
            for label, spans, other in (("missed", gold, predicted_set), ("wrong", predicted, gold_set))
            for s in spans if s not in other]


def format_report(folder: Path, tally: Tally) -> str:
    out = [f"{folder}", f"{'':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for key in ("all", *TYPES, *KINDS):
        p, r, f = tally.prf(key)
        out.append(f"{key:8} {p:6.3f} {r:6.3f} {f:6.3f} {tally.gold[key]:5d} {tally.pred[key]:5d}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    verbose = "--errors" in argv
    folders = [a for a in argv if a != "--errors"]
    if not folders:
        print("usage: python -m news_etl.ner_eval [--errors] DIR [DIR ...]", file=sys.stderr)
        return 2
    for folder in folders:
        errors = [] if verbose else None
        print(format_report(Path(folder), score_dir(Path(folder), errors)))
        if errors:
            print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
