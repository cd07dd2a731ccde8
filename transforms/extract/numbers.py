"""Numbers written as digits or words, shared by the quantity and temporal grammars."""
from __future__ import annotations

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
         " sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
WORD_VALUES.update({"a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100, "a thousand": 1000,
                    "a couple of": 2, "a million": 1e6, "a billion": 1e9, "a": 1, "an": 1})


def alternation(words) -> str:
    """The words as a regex alternation, longest first: "seventeen" must be tried before "seven"."""
    return "|".join(sorted(words, key=len, reverse=True))


def either_case(words) -> str:
    """The words, each also capitalised, as an alternation longest first."""
    return alternation(w for word in words for w in (word, word.capitalize()))


# "twenty-five", "thirty two", "seven", "Eighteen": a whole word, case of the first letter free.
WORD_NUMBER = (rf"(?:(?:{either_case(TENS)})(?:[- ](?:{alternation(UNITS[1:10])})(?![\w]))?|(?:{either_case(UNITS[1:])}))"
               r"(?![\w])|[Aa] (?:million|billion|thousand|hundred|dozen)(?![\w])")
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
