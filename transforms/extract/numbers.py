"""Numbers written as digits or words, shared by the quantity and temporal grammars."""
from __future__ import annotations

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
         " sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
WORD_VALUES.update({"a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100, "a thousand": 1000,
                    "a couple of": 2, "a million": 1e6, "a billion": 1e9, "a": 1, "an": 1})
MULTIPLIERS = {"bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12, "m": 1e6, "mn": 1e6, "million": 1e6,
               "k": 1e3, "thousand": 1e3, "hundred": 100}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _either_case(words) -> str:
    return _alt(w for word in words for w in (word, word.capitalize()))


# "twenty-five", "thirty two", "seven", "Eighteen": a whole word, case of the first letter free.
WORD_NUMBER = (rf"(?:(?:{_either_case(TENS)})(?:[- ](?:{_alt(UNITS[1:10])})(?![\w]))?|(?:{_either_case(UNITS[1:])}))"
               r"(?![\w])|[Aa] (?:million|billion|thousand|hundred|dozen)(?![\w])")
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"
MULTIPLIER = r"(?:bn|billion|tn|trillion|mn|million|m|k|thousand)(?![a-z])"



def multiplier(text: str | None) -> float:
    return MULTIPLIERS.get((text or "").strip().lower(), 1.0)
