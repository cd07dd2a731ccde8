"""A small statistical typer for capitalised names the rules can only guess at ("The reform will fail, Okonkwo said").

Multinomial logistic regression over sparse string features of the name (its words, suffixes, word shapes,
length, whether its words are given names, places or organisation words) and of the word on either side of it
("said", "Mr", "in", "at", "of", "'s"). The weights are trained from GUM (news_etl.train_typer) and shipped as the
generated module typer_weights; see NOTICE.md for the data's attribution and docs/typer.md for its figures and
limits. Pure and deterministic: same name and context, same answer.
"""
from __future__ import annotations

import contextlib
import functools
import math
import re

from transforms.extract import gazetteer, lexicon
from transforms.extract.names import FIRST_NAMES, GIVEN_NAMES
from transforms.extract.typer_weights import WEIGHTS

CLASSES = ("PERSON", "ORG", "PLACE", "OTHER")
THRESHOLD = 0.8  # the typer overrides a rule guess only this sure: see news_etl.train_typer
_WORD = re.compile(r"[\w&'’.-]+|[^\w\s]")
_CONTEXT_CHARS = 24  # enough for the word on either side


def context(text: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The word (or punctuation mark) left of the name and the one right of it, lower-cased."""
    left = _WORD.findall(text[max(0, start - _CONTEXT_CHARS):start])
    right = _WORD.findall(text[end:end + _CONTEXT_CHARS])
    if start > _CONTEXT_CHARS and left:
        left = left[1:]  # the first word may be cut
    left = [w.lower() for w in left[-1:]]
    right = [w.lower() for w in right[:1]]
    return tuple(left), tuple(right)


def features(words: tuple[str, ...], left: tuple[str, ...], right: tuple[str, ...]) -> list[str]:
    """The sparse features of a name (its words) between its left and right context (see `context`)."""
    return name_features(words) + context_features(left, right)


def name_features(words: tuple[str, ...]) -> list[str]:
    first, last = words[0], words[-1]
    out = ["bias", f"len={min(len(words), 4)}", f"first={first}", f"last={last}", f"suf3={last[-3:].lower()}",
           f"suf4={last[-4:].lower()}", f"fsuf3={first[-3:].lower()}"]
    shapes = []
    for w in words:
        shape, of_word = _word_features(w)
        shapes.append(shape)
        out += of_word
    out.append("shapes=" + " ".join(shapes))
    if first in GIVEN_NAMES:
        out.append("given")
    elif first in FIRST_NAMES:
        out.append("census")
    if len(words) > 1 and last in FIRST_NAMES:
        out.append("last_given")
    return out


def context_features(left: tuple[str, ...], right: tuple[str, ...]) -> list[str]:
    out = [f"L{i + 1}={w}" for i, w in enumerate(left)]
    out += [f"R{i + 1}={w}" for i, w in enumerate(right)]
    out.append(f"L1R1={left[0] if left else '<s>'}|{right[0] if right else '</s>'}")
    return out


@functools.lru_cache(maxsize=65_536)
def _word_features(word: str) -> tuple[str, tuple[str, ...]]:
    """A word's shape, and its own features: itself lower-cased, its shape, the lists it is in."""
    shape = _shape(word)
    out = [f"w={word.lower()}", f"shape={shape}"]
    if word in gazetteer.places():
        out.append("place_word")
    if word in gazetteer.orgs():
        out.append("org_word")
    if word in lexicon.ORG_WORDS or word in lexicon.ORG_SUFFIXES:
        out.append("org_head")
    if word in lexicon.LOC_HEADS:
        out.append("loc_head")
    return shape, tuple(out)


def _shape(word: str) -> str:
    """"Xx", "X", "X.", "Xx-Xx", "xX" (a capital inside), "d": letters by case, runs collapsed."""
    out = []
    for c in word:
        s = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


def probabilities(weights: dict[str, tuple[float, ...]], feats: list[str]) -> tuple[float, ...]:
    """The softmax of the summed weights of the features, per class of CLASSES."""
    return _softmax(_sums(weights, feats))


def _sums(weights: dict[str, tuple[float, ...]], feats: list[str]) -> tuple[float, ...]:
    # Summed column by column in C (zip): the typer runs on every name the rules only guess (profiled).
    return tuple(sum(column) for column in zip(*filter(None, map(weights.get, feats)))) or (0.0,) * len(CLASSES)


def _softmax(scores) -> tuple[float, ...]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return tuple(e / total for e in exps)


# Loaded at import, like the gazetteers: not inside the first timed extraction.
_MODEL = {"weights": WEIGHTS, "threshold": THRESHOLD}


@contextlib.contextmanager
def using(weights: dict[str, tuple[float, ...]], threshold: float = THRESHOLD):
    """Type with these weights and threshold inside the block (the trainer compares models on held-out text);
    `using({})` turns the typer off (no feature has a weight: never sure)."""
    saved = dict(_MODEL)
    _MODEL.update(weights=weights, threshold=threshold)
    _clear_caches()
    try:
        yield
    finally:
        _MODEL.clear()
        _MODEL.update(saved)
        _clear_caches()


def _clear_caches() -> None:
    _name_scores.cache_clear()
    _context_scores.cache_clear()


# A name's part of the score and its context's part are cached apart: names and contexts ("said X,") recur
# across articles, their pairs seldom (nine in ten calls missed a cache of whole pairs).
@functools.lru_cache(maxsize=65_536)
def _name_scores(words: tuple[str, ...]) -> tuple[float, ...]:
    return _sums(_MODEL["weights"], name_features(words))


@functools.lru_cache(maxsize=65_536)
def _context_scores(left: tuple[str, ...], right: tuple[str, ...]) -> tuple[float, ...]:
    return _sums(_MODEL["weights"], context_features(left, right))


def typed(words: tuple[str, ...], left: tuple[str, ...], right: tuple[str, ...]) -> tuple[str, float]:
    """The likeliest class of CLASSES for the name in its context, and its probability."""
    scores = [a + b for a, b in zip(_name_scores(words), _context_scores(left, right))]
    top = max(scores)
    return CLASSES[scores.index(top)], 1.0 / sum(math.exp(s - top) for s in scores)


def retype(m, text: str) -> None:
    """Type a mention the rules could only guess (a capitalised pair typed PERSON by its looks, a lone unknown
    word) from its words and the words around it in `text`, where the model is sure: ", Okonkwo said" is a
    person. A sure PERSON vouches for a guess (it is kept like a cued name); a sure ORG retypes a guess (a lone
    unknown word is an organisation by default outside sport already)."""
    label, p = typed(tuple(m.name.split()), *context(text, m.start, m.end))
    if p < _MODEL["threshold"]:
        return
    if label == "PERSON":
        m.type, m.cue = "PERSON", True
    elif label == "ORG" and m.guess:
        m.type, m.guess = "ORG", False
