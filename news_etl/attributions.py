"""Score quotes and speakers against PolNeAR's attribution relations (`python -m news_etl.attributions DIR`).

DIR is a PolNeAR folder with `text/<stem>.txt` and `attributions/<stem>.ann` (brat standoff). The rules are the
ones its README gives: a direct quote is an attribution whose Content holds a double quotation mark; a predicted
quote matches it when their character spans overlap; the speaker is right when a mention of the predicted
speaker overlaps the Source span, or the Source's last capitalised word is a word of the speaker's name.
Speakers are scored only where the Source is a name (pronouns and descriptions need coreference to check).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from news_etl.extract_files import extract_file

_DOUBLE_QUOTES = ('"', "“", "”", "''")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*")
# Capitalised words that do not make a Source a name: pronouns, determiners, and words that open descriptions.
_NOT_NAMES = frozenset("He She I We They It You The A An His Her Their Its Our My This That These Those One Some "
                       "Many Others Most Both Several Critics Officials Supporters Aides".split())


_DETERMINERS = frozenset("the a an his her its their our my this that these those one some".split())


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""


@dataclass
class Tally:
    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    named: int = 0  # found gold quotes whose source is a name
    named_right: int = 0
    named_all: int = 0  # all gold quotes whose source is a name, found or not

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def read_ann(path: Path) -> list[Attribution]:
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, where = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in where.split(";")]
            spans[parts[0]] = (kind, pieces, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""))
        out.append(Attribution(content[1], source[1] if source else [], source[2] if source else ""))
    return out


def is_direct(attribution: Attribution, text: str) -> bool:
    return any(mark in text[s:e] for s, e in attribution.content for mark in _DOUBLE_QUOTES)


def source_is_name(source_text: str) -> bool:
    """A name, not a pronoun ("he") nor a description ("the New Jersey governor", "a Feb. 1 letter from the
    American Legion"): those open with a determiner, unless a name follows in apposition ("the nominee, Mitt
    Romney")."""
    first = source_text.split(" ", 1)[0].lower()
    if first in _DETERMINERS and not re.search(r",\s[A-Z]", source_text):
        return False
    return any(w.rstrip(".’'") not in _NOT_NAMES for w in _CAPITALISED.findall(source_text))


def text_offsets(text: str, facts: dict) -> dict[int, int]:
    """Where each paragraph (and the title, -1) starts in the decoded text: they are its stripped lines, in order."""
    starts, cursor = {}, 0
    lines = ([(-1, facts["title"])] if facts["title"] is not None else []) + list(enumerate(facts["paragraphs"]))
    for index, line in lines:
        at = text.find(line, cursor)
        if at < 0:
            continue
        starts[index] = at
        cursor = at + len(line)
    return starts


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def score_article(text: str, facts: dict, attributions: list[Attribution]) -> Tally:
    starts = text_offsets(text, facts)

    def place(item: dict) -> tuple[int, int] | None:
        base = starts.get(item.get("paragraph"))
        return None if base is None else (base + item["start"], base + item["end"])

    predicted = [(q, place(q)) for q in facts["quotes"] if place(q) is not None]
    mentions = {e["name"]: [p for m in e["mentions"] if (p := place(m))] for e in facts["entities"]}
    gold = [a for a in attributions if is_direct(a, text)]
    tally = Tally(gold=len(gold), predicted=len(predicted))
    tally.predicted_right = sum(1 for _, span in predicted if any(_overlaps(span, g.content) for g in gold))
    for g in gold:
        found = [q for q, span in predicted if _overlaps(span, g.content)]
        named = bool(g.source) and source_is_name(g.source_text)
        tally.named_all += named
        if not found:
            continue
        tally.gold_found += 1
        if named:
            tally.named += 1
            tally.named_right += any(_speaker_right(q.get("speaker"), g, mentions) for q in found)
    return tally


def _speaker_right(speaker: str | None, gold: Attribution, mentions: dict) -> bool:
    if not speaker:
        return False
    if any(_overlaps(m, gold.source) for m in mentions.get(speaker, [])):
        return True
    capitalised = [w.rstrip(".’'s") if w.endswith(("’s", "'s")) else w.rstrip(".")
                   for w in _CAPITALISED.findall(gold.source_text)]
    return bool(capitalised) and capitalised[-1] in speaker.split()


def score_corpus(folder: Path) -> Tally:
    total = Tally()
    for text_path in sorted((folder / "text").glob("*.txt")):
        ann = folder / "attributions" / f"{text_path.stem}.ann"
        if not ann.is_file():
            continue
        facts = extract_file(text_path)
        text = text_path.read_text(encoding="utf-8")
        total.add(score_article(text, facts, read_ann(ann)))
    return total


def report(t: Tally) -> str:
    p = t.predicted_right / t.predicted if t.predicted else 0.0
    r = t.gold_found / t.gold if t.gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    right = t.named_right / t.named if t.named else 0.0
    overall = t.named_right / t.named_all if t.named_all else 0.0
    return (f"direct quotes {t.gold}, predicted {t.predicted}\n"
            f"quote detection P {p:.3f} R {r:.3f} F1 {f:.3f}\n"
            f"speaker right where the source is a name: {right:.3f} ({t.named_right}/{t.named} found quotes); "
            f"{overall:.3f} of all {t.named_all}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="PolNeAR folder with text/ and attributions/")
    args = parser.parse_args(argv)
    if not (args.folder / "attributions").is_dir():
        print(f"attributions: no attributions/ folder in {args.folder}", file=sys.stderr)
        return 2
    print(report(score_corpus(args.folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
