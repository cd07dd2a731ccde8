"""Quantities: money, percent, counts with their noun, measures, ages, durations, scores and ranges.

One compiled regex finds a number with its currency, multiplier, second number and percent sign; small
anchored regexes then read the words around it (qualifier before, unit noun after). What is not a
quantity is ruled out explicitly: calendar years, dates, ordinals, clock times, numbers inside names
("Radio 4", "No 10", "Six Nations", "MP3").
"""
from __future__ import annotations

import re

from transforms.extract import lexicon, triggers
from transforms.extract.numbers import MULTIPLIER, NUMBER, TENS, UNITS, multiplier, parse_number
from transforms.model import Quantity, Span

_DIGIT_RUN = re.compile(r"\d[\d.,]*")
_SIGNS = "$£€¥"
_NUMBER_WORDS = triggers.automaton([w for word in UNITS[1:] + TENS for w in (word, word.capitalize())])
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "A$": "AUD", "C$": "CAD",
                   "HK$": "HKD", "NZ$": "NZD", "Rs": "INR"}
_CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
                   "pounds": "GBP", "sterling": "GBP", "pence": "GBX", "p": "GBX", "penny": "GBX", "yen": "JPY",
                   "cent": "USD", "cents": "USD", "yuan": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB",
                   "rubles": "RUB", "francs": "CHF", "rand": "ZAR", "won": "KRW", "pesos": "MXN", "kronor": "SEK"}
_SUBUNIT = {"GBX", "cent", "cents"}
_QUALIFIERS = ("just over", "just under", "more than", "less than", "fewer than", "at least", "at most", "up to",
               "as many as", "as much as", "nearly", "almost", "about", "around", "approximately", "roughly",
               "some", "over", "under", "an estimated", "estimated", "close to", "below", "above", "between",
               "only", "just", "a further", "another", "well over", "in excess of", "upwards of", "a record")
_QUAL_RE = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))

_QTY = re.compile(
    rf"(?<![\w$£€¥.,/:-])(?P<cur>(?:US|A|C|HK|NZ)?\$|£|€|¥)?\s?(?P<num>{NUMBER})"
    rf"(?:\s?(?P<mult>{MULTIPLIER}))?"
    rf"(?:(?P<dash>\s?[-–]\s?|\s(?:to|and)\s)(?P<cur2>(?:US)?\$|£|€)?(?P<num2>{NUMBER})(?:\s?(?P<mult2>{MULTIPLIER}))?)?"
    r"(?P<pct>\s?(?:%|per ?cent\b|percent\b|percentage points?\b))?"
)
_AFTER_WORD = re.compile(r"(?:-|\s)(?P<w1>[A-Za-z][a-z]*(?:-[a-z]+)*)(?:\s(?P<w2>[A-Za-z][a-z]*))?")
_CUR_WORD = re.compile(r"\s?(?P<word>(?:US |Hong Kong |Australian |Canadian )?(?:" +
                       "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r"))\b")
_QUAL_BEFORE = re.compile(rf"(?:^|\s)(?P<q>{_QUAL_RE})\s$", re.I)
_FRACTION = re.compile(
    r"\b(?:(?P<one>one|One) in (?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)"
    r"|(?P<frac>[Aa] quarter|[Aa] third|[Tt]wo-thirds|[Tt]hree-quarters|[Hh]alf)(?= of\b))"
)
_FRACTIONS = {"a quarter": 25.0, "a third": 100 / 3, "two-thirds": 200 / 3, "three-quarters": 75.0, "half": 50.0}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s$")
_MONTH_AFTER = re.compile(rf"\s(?:{_MONTHS})\b")
_NAME_BEFORE = re.compile(r"[^.!?\"“\s]\s(?P<word>[A-Z][A-Za-z]*\.?)\s$")
_DURATION_UNITS = {"year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks",
                   "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
                   "minute": "minutes", "minutes": "minutes", "second": "seconds", "seconds": "seconds",
                   "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries"}
_MEASURES = {"tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "kg": "kg", "kilograms": "kg",
             "km": "km", "kilometres": "km", "kilometers": "km", "miles": "mile", "mile": "mile", "metres": "m",
             "meters": "m", "metre": "m", "feet": "ft", "ft": "ft", "inches": "inch", "mph": "mph", "kmh": "kmh",
             "litres": "litre", "gallons": "gallon", "barrels": "barrel", "acres": "acre", "hectares": "hectare",
             "mw": "MW", "megawatts": "MW", "gb": "GB", "mb": "MB", "yards": "yard", "yard": "yard", "degrees": "degree"}
_NOT_UNITS = lexicon.STOP_AFTER_NUMBER | frozenset("p m k bn".split())
_TIME = re.compile(r"[.:]\d\d\s?(?:am|pm|GMT|BST)?\b|\s?(?:am|pm|a\.m\.|p\.m\.)\b|(?:st|nd|rd|th)\b")


def find_quantities(text: str, loc_index: int | None, headline: int | None, sport: bool) -> list[Quantity]:
    out = []
    taken: list[tuple[int, int]] = []
    if _MAY_HAVE_FRACTION(text):
        for m in _FRACTION.finditer(text):
            out.append(_fraction(m, text, loc_index, headline))
            taken.append((m.start(), m.end()))
    pos = 0
    for start in _starts(text):
        if start < pos:
            continue
        m = _QTY.match(text, start)
        if m is None or any(s <= m.start("num") < e for s, e in taken):
            continue
        pos = m.end()
        q = _quantity(m, text, loc_index, headline, sport)
        if q is not None:
            out.append(q)
            pos = max(q.span.end, m.start("num") + 1) if q.span.end < m.end() else pos
    out.sort(key=lambda q: q.span.start)
    return out


def _MAY_HAVE_FRACTION(text: str) -> bool:
    return "quarter" in text or "third" in text or "half" in text or "alf of" in text or "ne in " in text


def _starts(text: str) -> list[int]:
    """Where a quantity may start: a currency sign or the first digit of a number, or a number word.
    Scanning for these is far cheaper than trying the whole grammar at every character."""
    starts = [_with_currency(text, m.start()) for m in _DIGIT_RUN.finditer(text)]
    starts.extend(s for s, _ in triggers.word_hits(_NUMBER_WORDS, text, whole_word=False))
    starts.sort()
    return starts


def _with_currency(text: str, start: int) -> int:
    """Move a number's start back over its currency sign ("£ 5", "US$10")."""
    j = start - 1
    if j > 0 and text[j] == " " and text[j - 1] in _SIGNS:
        j -= 1
    if j >= 0 and text[j] in _SIGNS:
        if text[j - 2:j] in ("US", "HK", "NZ"):
            return j - 2
        return j - 1 if j and text[j - 1] in "AC" and (j < 2 or not text[j - 2].isalpha()) else j
    return start


def _fraction(m: re.Match, text: str, loc: int | None, headline: int | None) -> Quantity:
    if m.group("one"):
        n = parse_number(m.group("n")) or (100.0 if "hundred" in m.group("n") else 1.0)
        value = 100.0 / n
    else:
        value = _FRACTIONS[m.group("frac").lower()]
    return Quantity(Span(loc, headline, m.start(), m.end(), m.group()), round(value, 4), unit="percent",
                    kind="percent")


def _quantity(m: re.Match, text: str, loc: int | None, headline: int | None, sport: bool) -> Quantity | None:
    num, is_digit = m.group("num"), m.group("num")[0].isdigit()
    value = parse_number(num)
    if value is None or _excluded(m, text, is_digit):
        return None
    start, end = m.start(), m.end()
    cur = m.group("cur")
    mult, mult2 = m.group("mult"), m.group("mult2")
    unit, kind = None, "count"
    if m.group("pct"):
        unit, kind = "percent", "percent"
    currency_word = None if (cur or unit) else _CUR_WORD.match(text, end)
    if cur or currency_word:
        unit, kind = _CURRENCY_SIGNS.get(cur) if cur else _CURRENCY_WORDS[currency_word.group("word").split()[-1]], "money"
        if currency_word:
            end = currency_word.end()
            if unit == "USD" and currency_word.group("word").endswith("cent" if value == 1 else "cents"):
                unit, value = "USD", value / 100
    elif mult and mult.strip() == "m" and sport and value < 1000:
        unit, kind, mult = "m", "measure", None  # "100m" on the track is metres
    value *= multiplier(mult) if mult else 1.0
    value2 = parse_number(m.group("num2")) if m.group("num2") else None
    joiner = (m.group("dash") or "").strip()
    if value2 is not None and joiner in ("and", "to") and not _qualifier(text, start) in ("between", "from"):
        if joiner == "and":  # "£3m and €5m": two amounts, not a range; the second is matched on its own
            return _single(m, text, loc, headline, sport)
    if value2 is not None:
        value2 *= multiplier(mult2 or mult) if (mult2 or mult) else 1.0
        if joiner in ("-", "–") and not m.group("pct") and not (cur or currency_word):
            kind = _score_or_range(m, value, value2, text, sport)
            if kind is None:
                return None
        elif kind == "count":
            kind = "range"
    if kind == "count":
        unit, kind, end = _unit_after(text, end, value, is_digit)
        if kind is None:
            return None
    qualifier = _qualifier(text, start)
    if qualifier:
        start -= len(qualifier) + 1
    return Quantity(Span(loc, headline, start, end, text[start:end]), value, value2, unit, qualifier, kind)


def _single(m: re.Match, text: str, loc, headline, sport) -> Quantity | None:
    """Re-read a match that swallowed a second, unrelated number: only up to the first one."""
    cut = m.end("mult") if m.group("mult") else m.end("num")
    short = _QTY.match(text[:cut], m.start())
    return _quantity(short, text, loc, headline, sport) if short else None


def _excluded(m: re.Match, text: str, is_digit: bool) -> bool:
    """Years, dates, times, ordinals and numbers inside names are not quantities."""
    num, start, end = m.group("num"), m.start("num"), m.end()
    plain = not (m.group("cur") or m.group("mult") or m.group("pct"))
    if plain and is_digit and len(num) == 4 and num[:2] in ("19", "20") and not m.group("num2"):
        return True  # a calendar year
    if plain and is_digit and m.group("num2") and len(num) == 4 and num[:2] in ("19", "20"):
        return True  # a season such as 2004-05
    if plain and _TIME.match(text, m.end("num")):
        return True
    if plain and (_MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)):
        return True
    if plain and not m.group("num2"):
        before = _NAME_BEFORE.search(text, max(0, start - 20), start)
        if before and before.group("word") not in _NOT_NAME_WORDS:
            return True  # "Radio 4", "No 10", "Windows 98"
    if not is_digit and num[0].isupper() and start > 0 and text[start - 2:start - 1] not in ".!?\"“":
        return True  # "Six Nations", "Formula One": a capitalised number word mid-sentence names something
    if not is_digit and _NAME_AFTER.match(text, end):
        return True
    return False


_NOT_NAME_WORDS = frozenset("About Around Some Over Under Almost Nearly Just Only The A By To Of In On At".split())
_NAME_AFTER = re.compile(r" [A-Z][a-z]")


def _score_or_range(m: re.Match, a: float, b: float, text: str, sport: bool) -> str | None:
    """"5-10 years" is a range; "7-5", "2-1 win" and any N-M in a match report are scores."""
    after = _AFTER_WORD.match(text, m.end())
    noun = after.group("w1").lower() if after else ""
    if noun in _SCORE_WORDS or (sport and noun not in _DURATION_UNITS and noun not in _MEASURES):
        return "score" if a == int(a) and b == int(b) else None
    if b > a:
        return "range"
    return "score" if a == int(a) and b == int(b) and a < 200 else None


_SCORE_WORDS = frozenset("win victory defeat loss draw lead home away scoreline decision majority vote".split())


def _unit_after(text: str, end: int, value: float, is_digit: bool):
    """(unit, kind, new end) for a bare number: the noun after it, a measure, a duration or an age."""
    after = _AFTER_WORD.match(text, end)
    w1 = after.group("w1") if after else None
    lower = (w1 or "").lower()
    if lower.startswith(("year-old", "years-old")) or (lower in ("years", "year") and text.startswith(" old", after.end("w1"))):
        return "years", "age", after.end("w1") if lower.startswith("year") and "-" in lower else after.end("w1") + 4
    if lower in _DURATION_UNITS:
        return _DURATION_UNITS[lower], "duration", after.end("w1")
    base = lower.split("-")[0]
    if base in _MEASURES:
        return _MEASURES[base], "measure", after.start("w1") + len(base)
    if base in _DURATION_UNITS and "-" in lower:
        return _DURATION_UNITS[base], "duration", after.start("w1") + len(base)
    if not w1 or lower in _NOT_UNITS or not w1.isalpha() and "-" not in w1:
        if not is_digit or value == 1:
            return None, None, end  # "two of them": a word number needs its noun
        return None, "count", end
    if not is_digit and value < 2:
        return None, None, end  # "one" is a pronoun far more often than a count
    noun, noun_end = w1, after.end("w1")
    w2 = after.group("w2")
    if w2 and w2.lower() not in _NOT_UNITS and w2.endswith("s") and not w1.endswith("s"):
        noun, noun_end = w2, after.end("w2")  # "400 main brands": skip the adjective
    return noun, "count", noun_end


def _qualifier(text: str, start: int) -> str | None:
    m = _QUAL_BEFORE.search(text, max(0, start - 16), start)
    return m.group("q") if m else None
