"""Train the name typer (transforms/extract/typer.py) on GUM and write its shipped weights.

    python -m news_etl.train_typer ../shared/corpus/gum            # train, write the weights, print the report
    python -m news_etl.train_typer ../shared/corpus/gum --no-write # the report only

The examples are the extractor's own mentions over GUM's sentences (the spans the typer will see at run time),
labelled with the type of the smallest GUM entity mention whose head word they hold: person, organization,
place, or OTHER (any other type, or no mention). Every fifth document by sorted name is held out of training;
the report scores, on those, the rules' types against the model's over the extractor's mentions, then the whole
extractor without and with the typer (used only where the rules guess: a capitalised pair typed PERSON by its
looks, a lone unknown word) at several thresholds. Deterministic: fixed document order, no shuffling, rounded
weights, sorted output.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from transforms.extract import extract_facts, typer
from transforms.extract.entities import find_mentions
from transforms.model import Article, Paragraph

WEIGHTS_MODULE = Path(__file__).resolve().parent.parent / "transforms" / "extract" / "typer_weights.py"
HOLD_OUT_EVERY = 5
EPOCHS = 25
LEARNING_RATE = 0.2
L2 = 1e-4
PRUNE_BELOW = 0.3  # weights smaller than this change no decision worth shipping
DECIMALS = 2
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)  # reported on the held-out documents
_GOLD_TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
_RULE_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}
# Travel guides name a place in almost every sentence: trained on them, the typer calls unknown people and
# companies places (held-out accuracy of the extractor with the typer at 0.6: 0.542 with them, 0.581 without, when
# the typer read two words either side), and the guides' licence is CC-BY-SA.
_NOT_TRAINED_ON = ("GUM_voyage_",)
_ENTITY = re.compile(r"\((\d+)-([^()]*)(\)?)|(\d+)\)")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    spans: tuple[tuple[int, int], ...]  # character span of each token in text
    mentions: tuple[tuple[int, int, str, int], ...]  # first token, last token, GUM type, head token


@dataclass(frozen=True, slots=True)
class Example:
    feats: tuple[str, ...]
    label: str  # PERSON, ORG, PLACE, OTHER
    rule: str  # what the rules make of the span, in the same classes
    guessed: bool  # the rules typed it by looks alone: where the typer is used


def read_paragraphs(path: Path) -> list[list[Sentence]]:
    """The paragraphs of one CoNLL-U file, each a list of sentences with their entity mentions."""
    paragraphs: list[list[Sentence]] = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if rows:
                paragraphs[-1].append(_sentence(rows))
            rows = []
        elif line.startswith("# newpar") and not line.startswith("# newpar_") or line.startswith("# newdoc"):
            paragraphs.append([])
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():  # multi-word token ranges ("3-4") and empty nodes ("3.1") add no surface
                rows.append(cols)
    return [p for p in paragraphs if p]


def _sentence(rows: list[list[str]]) -> Sentence:
    parts, spans, at = [], [], 0
    for cols in rows:
        spans.append((at, at + len(cols[1])))
        parts.append(cols[1])
        at += len(cols[1])
        if "SpaceAfter=No" not in cols[9]:
            parts.append(" ")
            at += 1
    open_: dict[str, list[tuple[int, str]]] = {}
    mentions = []
    for i, cols in enumerate(rows):
        field = next((f[7:] for f in cols[9].split("|") if f.startswith("Entity=")), "")
        for m in _ENTITY.finditer(field):
            if m.group(1):
                kind = m.group(2).split("-", 1)[0]
                if m.group(3):
                    mentions.append((i, i, kind))
                else:
                    open_.setdefault(m.group(1), []).append((i, kind))
            elif open_.get(m.group(4)):
                first, kind = open_[m.group(4)].pop()
                mentions.append((first, i, kind))
    heads = [int(cols[6]) - 1 for cols in rows]
    return Sentence("".join(parts).rstrip(), tuple(spans),
                    tuple((a, b, kind, _head(heads, a, b)) for a, b, kind in sorted(mentions)))


def _head(heads: list[int], first: int, last: int) -> int:
    """The token of the mention whose syntactic head lies outside it (the first such)."""
    return next((i for i in range(first, last + 1) if not first <= heads[i] <= last), last)


def _paragraph_text(sentences: list[Sentence]) -> tuple[str, list[int]]:
    """The paragraph's text (its sentences joined by a space) and where each sentence starts in it."""
    starts, at = [], 0
    for s in sentences:
        starts.append(at)
        at += len(s.text) + 1
    return " ".join(s.text for s in sentences), starts


def examples(path: Path) -> list[Example]:
    """The extractor's mentions in one document (found with the typer off), as labelled examples."""
    paragraphs = [(_paragraph_text(p), p) for p in read_paragraphs(path)]
    body = " ".join(text for (text, _), _ in paragraphs)
    seen: dict[str, bool] = {}
    out = []
    for i, ((text, starts), sentences) in enumerate(paragraphs):
        with typer.using({}):
            found = find_mentions(i, text, body, False, False, seen)
        for m in found:
            if m.type == "UNKNOWN" and m.initial:
                continue  # dropped by the merge whatever its type
            left, right = typer.context(text, m.start, m.end)
            rule = "ORG" if m.type == "UNKNOWN" else _RULE_TYPES.get(m.type, "OTHER")  # the merge default
            out.append(Example(tuple(typer.features(tuple(m.name.split()), left, right)),
                               _label(sentences, starts, m.start, m.end), rule, m.guess or m.type == "UNKNOWN"))
    return out


def _label(sentences: list[Sentence], starts: list[int], start: int, end: int) -> str:
    """The GUM type of the smallest entity mention whose head word the span holds, else OTHER."""
    k = max(i for i, at in enumerate(starts) if at <= start)
    s, start, end = sentences[k], start - starts[k], end - starts[k]
    tokens = [i for i, (a, b) in enumerate(s.spans) if a < end and b > start]
    if not tokens:
        return "OTHER"
    first, last = tokens[0], tokens[-1]
    covering = [(b - a, kind) for a, b, kind, head in s.mentions if a <= first and b >= last and first <= head <= last]
    return _GOLD_TYPES.get(min(covering)[1], "OTHER") if covering else "OTHER"


def typed_spans(path: Path) -> dict[tuple[int, int, int], tuple[str, str]]:
    """(paragraph, start, end) -> (GUM label, the extractor's type in our classes) for every entity mention the
    whole extractor finds in one document, with the typer as set by typer.using."""
    paragraphs = [(_paragraph_text(p), p) for p in read_paragraphs(path)]
    article = Article(None, tuple(Paragraph(i, i, text) for i, ((text, _), _) in enumerate(paragraphs)))
    out = {}
    for entity in extract_facts(article).entities:
        for span in entity.mentions:
            (_, starts), sentences = paragraphs[span.paragraph_index]
            label = _label(sentences, starts, span.start, span.end)
            out[(span.paragraph_index, span.start, span.end)] = (label, _RULE_TYPES.get(entity.type, "OTHER"))
    return out


def train(data: list[Example]) -> dict[str, tuple[float, ...]]:
    """Multinomial logistic regression by stochastic gradient descent, in the data's order."""
    k = len(typer.CLASSES)
    weights: dict[str, list[float]] = {}
    for epoch in range(EPOCHS):
        rate = LEARNING_RATE / (1 + epoch)
        for ex in data:
            probs = typer.probabilities(weights, list(ex.feats))
            gold = typer.CLASSES.index(ex.label)
            for f in ex.feats:
                w = weights.setdefault(f, [0.0] * k)
                for c in range(k):
                    w[c] -= rate * ((probs[c] - (c == gold)) + L2 * w[c])
    return {f: tuple(round(x, DECIMALS) for x in w) for f, w in weights.items()
            if max(abs(x) for x in w) >= PRUNE_BELOW}


def predict(weights, ex: Example) -> tuple[str, float]:
    probs = typer.probabilities(weights, list(ex.feats))
    best = max(range(len(probs)), key=probs.__getitem__)
    return typer.CLASSES[best], probs[best]


def report(weights, held_files: list[Path]) -> str:
    """Typing on the held-out documents: the model alone against the rules over the extractor's mentions, then
    the whole extractor without and with the typer (at several thresholds) over the entity mentions it outputs."""
    held = [ex for f in held_files for ex in examples(f)]
    gold = [ex.label for ex in held]
    guessed = sum(ex.guessed for ex in held)
    lines = [f"held-out documents: {len(held_files)}, mentions: {len(held)} (rules guess {guessed})",
             _scores("rules, all mentions", gold, [ex.rule for ex in held]),
             _scores("typer alone, all mentions", gold, [predict(weights, ex)[0] for ex in held])]
    with typer.using({}):
        before = [typed_spans(f) for f in held_files]
    for t in THRESHOLDS:
        with typer.using(weights, t):
            after = [typed_spans(f) for f in held_files]
        keys = [(d, k) for d, (b, a) in enumerate(zip(before, after)) for k in sorted(b.keys() | a.keys())]
        gold = [(before[d].get(k) or after[d][k])[0] for d, k in keys]
        old = [before[d].get(k, ("", "OTHER"))[1] for d, k in keys]
        new = [after[d].get(k, ("", "OTHER"))[1] for d, k in keys]
        if t == THRESHOLDS[0]:
            lines.append(_scores("extractor, rules only", gold, old))
        changed = sum(o != n for o, n in zip(old, new))
        lines.append(_scores(f"extractor + typer @{t} ({changed} changed)", gold, new))
    return "\n".join(lines)


def _scores(title: str, gold: list[str], got: list[str]) -> str:
    right = sum(g == p for g, p in zip(gold, got))
    f1s = []
    for c in typer.CLASSES:
        tp = sum(g == p == c for g, p in zip(gold, got))
        fp, fn = sum(p == c != g for g, p in zip(gold, got)), sum(g == c != p for g, p in zip(gold, got))
        f1s.append(f"{c} {2 * tp / (2 * tp + fp + fn) if tp else 0.0:.3f}")
    return f"{title:40s} accuracy {right / max(1, len(gold)):.3f}  F1: {', '.join(f1s)}"


def render(weights: dict[str, tuple[float, ...]]) -> str:
    """The weights as a Python module: sorted, rounded, the same bytes for the same weights."""
    rows = "".join(f"    {f!r}: ({', '.join(repr(x) for x in w)}),\n" for f, w in sorted(weights.items()))
    return ('"""Generated by `python -m news_etl.train_typer` from GUM (see NOTICE.md); do not edit.\n\n'
            f'Feature -> weight per class of typer.CLASSES {typer.CLASSES}.\n"""\n'
            f"WEIGHTS = {{\n{rows}}}\n")


def split(corpus: Path) -> tuple[list[Path], list[Path]]:
    files = sorted((corpus / "conllu").glob("*.conllu"))
    held = [f for i, f in enumerate(files) if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1]
    return [f for f in files if f not in held and not f.name.startswith(_NOT_TRAINED_ON)], held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="the GUM corpus folder (with conllu/)")
    parser.add_argument("--out", type=Path, default=WEIGHTS_MODULE)
    parser.add_argument("--no-write", action="store_true", help="print the report only")
    args = parser.parse_args(argv)
    if not (args.corpus / "conllu").is_dir():
        print(f"train_typer: no conllu/ folder in {args.corpus}", file=sys.stderr)
        return 2
    train_files, held_files = split(args.corpus)
    weights = train([ex for f in train_files for ex in examples(f)])
    if not args.no_write:
        args.out.write_text(render(weights), encoding="utf-8")
        print(f"wrote {args.out} ({len(weights)} features, {args.out.stat().st_size} bytes)")
    print(report(weights, held_files))
    print(f"shipped threshold: {typer.THRESHOLD}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
