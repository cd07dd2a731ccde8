"""A small statistical typer for capitalised names that no list or rule types ("Norland Cloud said", "at Razorpay").

Multinomial logistic regression over sparse string features of the name (its words, suffixes, word shapes,
length, whether its words are given names, places or organisation words) and of the words around it ("said",
"Mr", "in", "at", "of", "'s"). The weights are trained from GUM (news_etl.train_typer) and shipped as the
generated module typer_weights; see NOTICE.md for the data's attribution. Pure and deterministic: same name and
context, same answer.
"""
from __future__ import annotations

import contextlib
import functools
import math
import re

from transforms.extract import gazetteer, lexicon
from transforms.extract.names import FIRST_NAMES, GIVEN_NAMES

CLASSES = ("PERSON", "ORG", "PLACE", "OTHER")
THRESHOLD = 0.8  # the typer overrides a rule guess only this sure: see news_etl.train_typer
_WORD = re.compile(r"[\w&'’.-]+|[^\w\s]")
_CONTEXT_CHARS = 40  # enough for two words on either side


def context(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two words (or punctuation marks) left of the name, nearest first, and two right of it, lower-cased."""
    left = _WORD.findall(text[max(0, start - _CONTEXT_CHARS):start])
    right = _WORD.findall(text[end:end + _CONTEXT_CHARS])
    if start > _CONTEXT_CHARS and left:
        left = left[1:]  # the first word may be cut
    left = [w.lower() for w in left[-2:]][::-1]
    right = [w.lower() for w in right[:2]]
    return tuple(left), tuple(right)


def features(words: tuple[str, ...], left: tuple[str, ...], right: tuple[str, ...]) -> list[str]:
    """The sparse features of a name (its words) between its left context (nearest first) and right context."""
    first, last = words[0], words[-1]
    out = ["bias", f"len={min(len(words), 4)}", f"first={first}", f"last={last}", f"shapes={_shapes(words)}",
           f"suf3={last[-3:].lower()}", f"suf4={last[-4:].lower()}", f"fsuf3={first[-3:].lower()}"]
    out += [f"w={w.lower()}" for w in words]
    out += [f"shape={_shape(w)}" for w in words]
    if first in GIVEN_NAMES:
        out.append("given")
    elif first in FIRST_NAMES:
        out.append("census")
    if len(words) > 1 and last in FIRST_NAMES:
        out.append("last_given")
    places, orgs = gazetteer.places(), gazetteer.orgs()
    for w in words:
        if w in places:
            out.append("place_word")
        if w in orgs:
            out.append("org_word")
        if w in lexicon.ORG_WORDS or w in lexicon.ORG_SUFFIXES:
            out.append("org_head")
        if w in lexicon.LOC_HEADS:
            out.append("loc_head")
    for i, w in enumerate(left):
        out.append(f"L{i + 1}={w}")
    for i, w in enumerate(right):
        out.append(f"R{i + 1}={w}")
    out.append(f"L1R1={left[0] if left else '<s>'}|{right[0] if right else '</s>'}")
    return out


def _shape(word: str) -> str:
    """"Xx", "X", "X.", "Xx-Xx", "xX" (a capital inside), "d": letters by case, runs collapsed."""
    out = []
    for c in word:
        s = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


def _shapes(words: tuple[str, ...]) -> str:
    return " ".join(_shape(w) for w in words)


def probabilities(weights: dict[str, tuple[float, ...]], feats: list[str]) -> tuple[float, ...]:
    """The softmax of the summed weights of the features, per class of CLASSES."""
    scores = [0.0] * len(CLASSES)
    for f in feats:
        w = weights.get(f)
        if w is not None:
            for k in range(len(CLASSES)):
                scores[k] += w[k]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return tuple(e / total for e in exps)


_MODEL: dict = {}


def _weights() -> dict[str, tuple[float, ...]]:
    if "weights" not in _MODEL:
        from transforms.extract.typer_weights import WEIGHTS
        _MODEL["weights"] = WEIGHTS
    return _MODEL["weights"]


@contextlib.contextmanager
def using(weights: dict[str, tuple[float, ...]], threshold: float = THRESHOLD):
    """Type with these weights and threshold inside the block (the trainer compares models on held-out text);
    `using({})` turns the typer off (no feature has a weight: never sure)."""
    saved = dict(_MODEL)
    _MODEL.update(weights=weights, threshold=threshold)
    _typed.cache_clear()
    try:
        yield
    finally:
        _MODEL.clear()
        _MODEL.update(saved)
        _typed.cache_clear()


@functools.lru_cache(maxsize=65_536)
def _typed(words: tuple[str, ...], left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, float]:
    probs = probabilities(_weights(), features(words, left, right))
    best = max(range(len(CLASSES)), key=probs.__getitem__)
    return CLASSES[best], probs[best]


def retype(m, text: str) -> None:
    """Type a mention the rules could only guess (a capitalised pair typed PERSON by its looks, a lone unknown
    word) from its words and the words around it in `text`, where the model is sure: "Norland Cloud said" is
    an organisation, "at Razorpay" one too. A sure PERSON vouches for the guess (it is kept like a cued name)."""
    label, p = _typed(tuple(m.name.split()), *context(text, m.start, m.end))
    if p < _MODEL.get("threshold", THRESHOLD):
        return
    if label == "PERSON":
        m.type, m.cue = "PERSON", True
    elif label == "ORG" and m.guess:  # a lone unknown word is an organisation by default outside sport already
        m.type, m.guess = "ORG", False
