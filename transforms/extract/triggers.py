"""Cheap pre-scans that tell the slower grammars where to look.

Python's `re` tries every alternative of a big grammar at every character; most of a news paragraph
cannot start a temporal expression or a quantity. An Aho-Corasick automaton (C, one pass) finds the few
head words every expression must contain, and the grammar then runs only in small windows around them.
"""
from __future__ import annotations

import re

import ahocorasick


def automaton(words, prefixes=()) -> ahocorasick.Automaton:
    """Head words that must end at a word boundary, and `prefixes` that may run on ("year" -> "years")."""
    auto = ahocorasick.Automaton()
    for word in words:
        auto.add_word(word, (len(word), True))
    for word in prefixes:
        auto.add_word(word, (len(word), False))
    auto.make_automaton()
    return auto


def word_hits(auto: ahocorasick.Automaton, text: str, whole_word: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each head word that starts at a word boundary (and ends at one, if whole_word)."""
    hits = []
    n = len(text)
    for end_index, (length, whole) in auto.iter(text):
        start, end = end_index - length + 1, end_index + 1
        if start and (text[start - 1].isalnum()):
            continue
        if (whole or whole_word) and end < n and text[end].isalpha():
            continue  # "Mar" in "Mark", "May" in "Mayor"
        hits.append((start, end))
    return hits


def windows(hits, before: int, after: int, n: int) -> list[tuple[int, int]]:
    """Merge [start - before, end + after) around each hit into disjoint, sorted windows."""
    out: list[list[int]] = []
    for start, end in sorted(hits):
        lo, hi = max(0, start - before), min(n, end + after)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def regex_hits(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]
