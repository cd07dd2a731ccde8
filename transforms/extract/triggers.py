"""Cheap pre-scans that tell the slower grammars where to look.

Python's `re` tries every alternative of a big grammar at every character; most of a news paragraph
cannot start a temporal expression or a quantity. An Aho-Corasick automaton (C, one pass) finds the few
head words every expression must contain, and the grammar then runs only in small windows around them.
The head words of all grammars share one automaton: one pass over a text serves them all (four passes,
one per grammar, were ~10% of staging, profiled).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class Heads:
    """One grammar's head words. `words` must start and end at a word boundary; `prefixes` must start at one
    and may run on ("year" -> "years"); with `anywhere`, every occurrence counts (a cheap "may contain")."""
    words: tuple[str, ...]
    prefixes: tuple[str, ...] = ()
    anywhere: bool = False


class Scanner:
    """Finds the head words of several named grammars in one pass: `scan(text)` -> {name: [(start, end)]}."""

    def __init__(self, grammars: dict[str, Heads]) -> None:
        self.names = tuple(grammars)
        # word -> the grammars that count it (a) anywhere, (b) at a word start, (c) as a whole word: split by test
        # once here, so the scan's loop does no string compares (it was half the scan's time, profiled)
        tests: dict[str, tuple[list[str], list[str], list[str]]] = {}
        for name, heads in grammars.items():
            modes = dict.fromkeys(heads.words, 2) | dict.fromkeys(heads.prefixes, 1)  # a prefix wins
            for word, mode in modes.items():
                tests.setdefault(word, ([], [], []))[0 if heads.anywhere else mode].append(name)
        self.automaton = ahocorasick.Automaton()
        for word, (anywhere, prefix, whole) in tests.items():
            self.automaton.add_word(word, (len(word), tuple(anywhere), tuple(prefix), tuple(whole)))
        self.automaton.make_automaton()

    def scan(self, text: str) -> dict[str, list[tuple[int, int]]]:
        hits: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        n = len(text)
        for end_index, (length, anywhere, prefix, whole) in self.automaton.iter(text):
            start, end = end_index - length + 1, end_index + 1
            for name in anywhere:
                hits[name].append((start, end))
            if (prefix or whole) and not (start and text[start - 1].isalnum()):
                for name in prefix:
                    hits[name].append((start, end))
                if whole and (end == n or not text[end].isalpha()):  # "Mar" in "Mark", "May" in "Mayor"
                    for name in whole:
                        hits[name].append((start, end))
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
