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
NUMBER_WORDS = triggers.Heads(tuple(w for word in UNITS[1:] + TENS + ["a million", "a billion", "a thousand",
                                                                      "a hundred", "a dozen"]
                                     for w in (word, word[0].upper() + word[1:])))
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "A$": "AUD", "C$": "CAD",
                   "HK$": "HKD", "NZ$": "NZD", "Rs": "INR"}
_CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
                   "pounds": "GBP", "sterling": "GBP", "pence": "GBX", "p": "GBX", "penny": "GBX", "yen": "JPY",
                   "cent": "USD", "cents": "USD", "yuan": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB",
                   "rubles": "RUB", "francs": "CHF", "rand": "ZAR", "won": "KRW", "pesos": "MXN", "kronor": "SEK"}
_QUALIFIERS = ("just over", "just under", "more than", "less than", "fewer than", "at least", "at most", "up to",
               "as many as", "as much as", "nearly", "almost", "about", "around", "approximately", "roughly",
               "some", "over", "under", "an estimated", "estimated", "close to", "below", "above", "between",
               "only", "just", "a further", "another", "well over", "in excess of", "upwards of", "a record")
_QUAL_RE = "|".join(sorted(_QUALIFIERS, key=len, reverse=True))

_QTY = re.compile(
    rf"(?<![\w$£€¥.,/:-])(?P<cur>(?:US|A|C|HK|NZ)?\$|£|€|¥)?\s?(?P<num>{NUMBER})"
    rf"(?:(?:\s|(?<=[a-z])-)?(?P<mult>{MULTIPLIER}))?"
    rf"(?:(?P<dash>\s?[-–]\s?|\s(?:to|and|or)\s)(?P<cur2>(?:US)?\$|£|€)?(?P<num2>{NUMBER})(?:\s?(?P<mult2>{MULTIPLIER}))?)?"
    r"(?P<pct>\s?(?:%|per ?cent\b|percent\b|percentage points?\b))?"
)
# The words after a number: whole words, an acronym whole too ("6,500 US stores" is not 6,500 "U"; "DJs").
_AFTER_WORD = re.compile(r"(?:-|\s)(?P<w1>(?:[A-Z]{2,}s?|[A-Za-z][a-z]*(?:-[a-z]+)*)(?![A-Za-z]))"
                         r"(?:\s(?P<w2>[A-Za-z][a-z]*(?![A-Za-z])))?")
_CUR_WORD = re.compile(r"\s?(?P<word>(?:US |Hong Kong |Australian |Canadian )?(?:" +
                       "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r"))\b")
_QUAL_BEFORE = re.compile(rf"(?:^|\s)(?P<q>{_QUAL_RE})\s$", re.I)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                 "tenths": 10, "twentieth": 20, "hundredth": 100}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "nine": 9}
_FRACTION = re.compile(
    r"\b(?:(?P<one>one|One) in (?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)"
    r"|(?P<half_mult>[Hh]alf an? (?P<hm>million|billion))"
    r"|(?P<num>(?:[Aa]|[Oo]ne)(?=[- ]\w+ of\b)|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Nn]ine)[- ](?P<den>thirds?|quarters?|fifths?|sixths?|seventh"
    r"|eighth|ninth|tenths?|twentieth|hundredth)(?![\w-])(?!\s(?:of\s)?(?:the\s)?(?:year|season|century|round|time|period))"
    r"|(?P<half>[Hh]alf)(?= of\b))"
)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s$")
_MONTH_AFTER = re.compile(rf"\s(?:{_MONTHS})\b")
_NAME_BEFORE = re.compile(r"(?:[^.!?\"“\s]\s|\(|^)(?P<word>[A-Z][A-Za-z]*\.?)\s$")
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
_TIME = re.compile(r"[.:]\d\d\s?(?:am|pm|GMT|BST)?\b|\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST)\b|(?:st|nd|rd|th)\b")


def find_quantities(text: str, loc_index: int | None, headline: int | None, sport: bool,
                    heads: dict[str, list[tuple[int, int]]]) -> list[Quantity]:
    """`heads`: where the text has NUMBER_WORDS and FRACTION_HEADS (see triggers.Scanner)."""
    out = []
    taken: list[tuple[int, int]] = []
    if heads["fraction"]:
        for m in _FRACTION.finditer(text):
            out.append(_fraction(m, text, loc_index, headline))
            taken.append((m.start(), m.end()))
    pos = 0
    for start in _starts(text, heads["numbers"]):
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


# Words every fraction contains: a text with none of them skips the fraction grammar.
FRACTION_HEADS = triggers.Heads(("one in", "One in", "alf", "third", "quarter", "fifth", "sixth", "seventh",
                                 "eighth", "ninth", "tenth", "twentieth", "hundredth"), anywhere=True)


def _starts(text: str, number_words: list[tuple[int, int]]) -> list[int]:
    """Where a quantity may start: a currency sign or the first digit of a number, or a number word.
    Scanning for these is far cheaper than trying the whole grammar at every character."""
    starts = [_with_currency(text, m.start()) for m in _DIGIT_RUN.finditer(text)]
    starts.extend(s for s, _ in number_words)
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
    span = Span(loc, headline, m.start(), m.end(), m.group())
    qualifier = _qualifier(text, m.start())
    if qualifier:
        start = m.start() - len(qualifier) - 1
        span = Span(loc, headline, start, m.end(), text[start:m.end()])
    if m.group("half_mult"):  # "half a million properties": a count, not a share
        return Quantity(span, 0.5 * multiplier(m.group("hm")), qualifier=qualifier, kind="count")
    if m.group("one"):
        n = parse_number(m.group("n")) or (100.0 if "hundred" in m.group("n") else 1.0)
        value = 100.0 / n
    elif m.group("half"):
        value = 50.0
    else:
        value = 100.0 * _NUMERATORS[m.group("num").lower()] / _DENOMINATORS[m.group("den").lower()]
    return Quantity(span, round(value, 4), unit="percent", qualifier=qualifier, kind="percent")


def _quantity(m: re.Match, text: str, loc: int | None, headline: int | None, sport: bool) -> Quantity | None:
    num, is_digit = m.group("num"), m.group("num")[0].isdigit()
    value = parse_number(num)
    half = value is not None and text.startswith("-and-a-half", m.end("num"))
    if half:
        value += 0.5  # "two-and-a-half years"
    if value is None or _excluded(m, text, is_digit):
        return None
    start, end = m.start(), m.end() + (len("-and-a-half") if half else 0)
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
    elif mult and mult.strip() == "m" and _metres(text, m, sport, value):
        unit, kind, mult = "m", "measure", None  # "100m" on the track, "508m tall": metres
    if mult:
        value = float(f"{value * multiplier(mult):.12g}")  # "8.2bn" is 8200000000, not 8199999999.999999
    value2 = parse_number(m.group("num2")) if m.group("num2") else None
    joiner = (m.group("dash") or "").strip()
    if value2 is not None and joiner in ("and", "to") and _qualifier(text, start) not in ("between", "from"):
        if joiner == "and":  # "£3m and €5m": two amounts, not a range; the second is matched on its own
            return _single(m, text, loc, headline, sport)
    if value2 is not None:
        value2 = float(f"{value2 * multiplier(mult2 or mult):.12g}") if (mult2 or mult) else value2
        if joiner in ("-", "–") and not m.group("pct") and not (cur or currency_word):
            kind = _score_or_range(m, value, value2, text, sport)
            if kind is None:
                return None
        elif kind == "count":
            kind = "range"
    glued = _GLUED_UNIT.match(text, m.end("num")) if kind == "count" and not mult else None
    if glued:
        unit, kind, end = glued.group("u").lower(), "measure", glued.end()  # "38mph", "61km/h"
    if kind == "range" and unit is None:
        noun, _, noun_end = _unit_after(text, end, value2, True)
        if noun and (noun.endswith("s") or noun in _MEASURES.values()):  # "five or six awards", not "30-39 paid"
            unit, end = noun, noun_end
    if kind == "count" and is_digit and not value2 and _age_context(text, start, end):
        unit, kind = "years", "age"  # "aged 62", "Rob Da Bank, 38,"
    if kind == "count":
        unit, kind, end = _unit_after(text, end, value, is_digit)
        if kind is None:
            return None
    qualifier = _qualifier(text, start)
    if qualifier:
        start -= len(qualifier) + 1
    return Quantity(Span(loc, headline, start, end, text[start:end]), value, value2, unit, qualifier, kind)


_METRE_WORDS = frozenset("tall high long wide deep taller higher longer deeper per track away above below from into"
                         " up down run race sprint hurdles freestyle backstroke breaststroke butterfly relay medley"
                         " final record dash".split())
# Athletics: "the European 100m champion", "the 10,000m in Athens" (athletics reports often miss the sport
# triggers, and the distances are over the 1,000 a match report's metres are held to).
_RACE_DISTANCES = frozenset((60.0, 100.0, 110.0, 200.0, 400.0, 800.0, 1500.0, 3000.0, 5000.0, 10000.0))
_RACE_WORDS = frozenset("champion champions championship championships title gold silver bronze medal medals"
                        " medallist runner runners event world indoor indoors outdoor heat heats best specialist"
                        " star winner crown".split())
_THE_BEFORE = re.compile(r"\b[Tt]he\s(?:[A-Z][a-z]+\s)?$")
_AFTER_A_RACE = frozenset(("in", "at", "on", ""))  # "the 10,000m in Athens", "won the 1500m." (not "the 200m people")


def _metres(text: str, m: re.Match, sport: bool, value: float) -> bool:
    """"508m tall", "17m/s", the 100m in a match report, the 10,000m in Athens: metres, not millions."""
    end = m.end("mult")
    if text.startswith("/", end):
        return True
    after = _AFTER_WORD.match(text, end)
    word = after.group("w1").lower() if after else ""
    if word in _METRE_WORDS or (sport and value < 1000 and word not in _CURRENCY_WORDS):
        return True
    if value not in _RACE_DISTANCES or m.group("mult") != "m":  # glued: "100m", not "100 m"
        return False
    return word in _RACE_WORDS or (word in _AFTER_A_RACE and _THE_BEFORE.search(text, max(0, m.start() - 20),
                                                                              m.start()) is not None)


def _single(m: re.Match, text: str, loc, headline, sport) -> Quantity | None:
    """Re-read a match that swallowed a second, unrelated number: only up to the first one."""
    cut = m.end("mult") if m.group("mult") else m.end("num")
    short = _QTY.match(text[:cut], m.start())
    return _quantity(short, text, loc, headline, sport) if short else None


def _excluded(m: re.Match, text: str, is_digit: bool) -> bool:
    """Years, dates, times, ordinals and numbers inside names are not quantities."""
    num, start, end = m.group("num"), m.start("num"), m.end()
    plain = not (m.group("cur") or m.group("mult") or m.group("pct"))
    if is_digit and not m.group("mult") and m.end("num") < len(text) and text[m.end("num")].isalpha() \
            and not m.group("num2") and not m.group("pct") and not _GLUED_UNIT.match(text, m.end("num")):
        return True  # "3GSM", "1st", "4x4": digits glued to letters are a name or an ordinal
    if plain and is_digit and text.startswith("/", m.end("num")):
        return True  # "9/11", "24/7"
    if plain and is_digit and len(num) == 4 and "1000" <= num < "2100" and not m.group("num2") \
            and (num >= "1900" or not _PLURAL_NOUN.match(text, end)):
        return True  # a calendar year ("2001 winners"), unless it counts something: "1500 people"
    if plain and text.endswith(" (", 0, start) and start > 2 and text[start - 3].isalpha() \
            and text.startswith(")", m.end("num")):
        return True  # "Scotland (8)": a seeding or a rank in brackets
    if plain and _RANK_BEFORE.search(text, max(0, start - 12), start):
        return True  # "number 19", "No 10", "seeded 3"
    if plain and is_digit and m.group("num2") and len(num) == 4 and num[:2] in ("19", "20"):
        return True  # a season such as 2004-05
    if plain and _TIME.match(text, m.end("num")):
        return True
    if plain and (_MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)):
        return True
    if plain and not m.group("num2"):
        before = _NAME_BEFORE.search(text, max(0, start - 20), start)
        if before and before.group("word") not in lexicon.NOT_NAMES:
            return True  # "Radio 4", "No 10", "Windows 98"
    if not is_digit and num[0].isupper() and start > 0 and text[start - 2:start - 1] not in ".!?\"“":
        return True  # "Six Nations", "Formula One": a capitalised number word mid-sentence names something
    return False


_GLUED_UNIT = re.compile(r"(?P<u>mph|km/h|kmh|km|kg|cm|mm|ft|MW|mw|GB|MB|Gb|Mb|kW|kw|lbs|lb|oz|ha|sq)(?![a-z])")
_PLURAL_NOUN = re.compile(r"\s[a-z]+s\b")
_RANK_BEFORE = re.compile(r"\b(?:[Nn]umbers?|[Nn]o\.?|[Nn]os\.?|ranked|seeded|seed|[Pp]age|[Cc]hapter|[Rr]oom|[Rr]oute"
                          r"|[Pp]latform|[Gg]ate|[Jj]unction|[Ff]light|[Ll]evel|[Vv]ersion|[Ss]ize|[Ee]pisode|[Ss]eries"
                          r"|[Aa]rticle|[Ss]ection|[Cc]lause|[Rr]ule|[Rr]ound|[Gg]roup|[Pp]art)\s$")


def _score_or_range(m: re.Match, a: float, b: float, text: str, sport: bool) -> str | None:
    """"5-10 years" is a range; "7-5", "2-1 win" and any N-M in a match report are scores."""
    if not m.group("num")[0].isdigit():
        return None  # "a one-two": a move, not a score
    after = _AFTER_WORD.match(text, m.end())
    noun = after.group("w1").lower() if after else ""
    if noun in _SCORE_WORDS or (sport and noun not in _DURATION_UNITS and noun not in _MEASURES):
        return "score" if a == int(a) and b == int(b) else None
    if b > a:
        return "range"
    return "score" if a == int(a) and b == int(b) else None  # "7-5", a vote of "272-219"


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
        if (is_digit and value != 1) or value >= 1000:
            return None, "count", end  # "8,200" in a results box, "selling a million"
        if value >= 2 and (lower == "of" or _GROUP_BEFORE.search(text, max(0, end - 20), end)):
            return None, "count", end  # "two of the strongest sectors", "all three"
        return None, None, end  # a bare word number: "one of", "the two"
    if not is_digit and value < 2 and lower in _NOT_AFTER_ONE:
        return None, None, end  # "one day" is fine, "one another" is not
    noun, noun_end = w1, after.end("w1")
    w2 = after.group("w2")
    if w2 and w2.lower() not in _NOT_UNITS and w2.endswith("s") and not w1.endswith("s"):
        noun, noun_end = w2, after.end("w2")  # "400 main brands": skip the adjective
    return noun, "count", noun_end


_GROUP_BEFORE = re.compile(r"\b(?:[Aa]ll|[Tt]hese|[Tt]hose|[Bb]oth|[Tt]he top|[Tt]he last|[Tt]he other|[Tt]he first)\s\w+$")
_NOT_AFTER_ONE = frozenset("another other thing way or more less point hand side half two time".split())


_AGED = re.compile(r"\b(?:aged|age|ages)\s$")
_NAME_COMMA = re.compile(r"[A-Za-z]{2}, $")


def _age_context(text: str, start: int, end: int) -> bool:
    if _AGED.search(text, max(0, start - 6), start):
        return True
    return bool(_NAME_COMMA.search(text, max(0, start - 4), start)) and text.startswith((",", ")"), end) and \
        text[max(0, start - 30):start].rstrip(", ").split(" ")[-1][:1].isupper()


def _qualifier(text: str, start: int) -> str | None:
    m = _QUAL_BEFORE.search(text, max(0, start - 16), start)
    return m.group("q") if m else None
