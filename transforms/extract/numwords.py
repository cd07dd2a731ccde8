"""Numbers written in words, of any length: "thirty-one thousand four hundred and six" -> 31406,
"two-and-a-half million" -> 2500000, "a hundred and fifty" -> 150.

The grammar joins words only where English does: a scale word (hundred, thousand, million, ...) may be
followed by a smaller number, after "and" or not ("four hundred and six", "two thousand five hundred"); two
small numbers are never joined ("five and six million" is a range of two numbers, read by the caller).
"""
from __future__ import annotations

import re

from transforms.extract.numbers import DIGITS, TENS, UNITS, WORD_VALUES, alternation, either_case

SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_UNIT_WORDS = alternation(UNITS[1:])
_SMALL = (rf"(?:(?:{either_case(TENS)})(?:[- ](?:{'|'.join(UNITS[1:10])})(?![\w]))?|(?:{either_case(UNITS[1:])})"
          r"|[Aa]n?(?=[ -](?:hundred|thousand|million|billion)))(?![\w])")
_SCALE = r"(?:[ -](?:hundred|thousand|million|billion|trillion|dozen)(?![\w]))"  # "two dozen" is 24
_HALF = r"(?:-and-a-half|\sand\sa\shalf)"
# A small number, "and a half", then scale words, each scale word may be followed by a smaller number.
WORD_NUMBER = (rf"(?:[Aa]\sdozen(?![\w])|{_SMALL}{_HALF}?(?:{_SCALE}+(?:(?:,?\sand\s|[ -])(?!an?\b){_SMALL}{_SCALE}*)*)?)")
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"
TRAILING_SCALE = re.compile(r"(?:hundred|thousand|million|billion|trillion)$")
_TOKEN = re.compile(r"[a-z]+")
_A_HALF = re.compile(r"[- ]and[- ]a[- ]half")


def parse_words(text: str) -> float | None:
    """The value of a number in words as WORD_NUMBER matches it; None when a word is not a number."""
    total, current, seen = 0.0, 0.0, False
    for word in _TOKEN.findall(_A_HALF.sub(" half", text.lower())):
        if word == "and":
            continue
        if word == "half":
            current += 0.5
        elif word in SCALES:
            current = (current or 1.0) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        else:
            return None
        seen = True
    return total + current if seen else None


def parse(text: str) -> float | None:
    """'1,800' -> 1800.0, 'thirty-one thousand four hundred and six' -> 31406.0."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit() or text[0] == ".":
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    return parse_words(text)


def trailing_scale(text: str) -> float:
    """The scale word a number ends with ("seven thousand" -> 1000), else 1."""
    m = TRAILING_SCALE.search(text.lower())
    return SCALES[m.group()] if m else 1.0
