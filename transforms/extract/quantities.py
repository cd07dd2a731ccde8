"""Quantities: money, percent, counts with their noun, measures, ages, durations, scores and ranges.

One compiled regex finds a number (digits or words of any length, numwords) with its currency, scale word,
percent sign and second number; small anchored regexes then read the words around it (qualifier before,
unit after). Units are normalised to the vocabulary of `units` (ISO 4217 codes, SI symbols, percent, ...).
What is not a quantity is ruled out explicitly: calendar years, dates, ordinals, clock times, addresses,
numbers inside names ("Radio 4", "No 10", "Six Nations", "MP3", "Galaxy S24").
"""
from __future__ import annotations

import re

from transforms.extract import lexicon, numwords, triggers, units
from transforms.extract.numbers import TENS, UNITS, alternation
from transforms.extract.numwords import NUMBER
from transforms.model import Quantity, Span

_DIGIT_RUN = re.compile(r"\d[\d.,]*")
_FOLDS = tuple(f"{w}fold" for w in UNITS[2:11] + ["hundred", "thousand"])
NUMBER_WORDS = triggers.Heads(tuple(w for word in UNITS[1:] + TENS + ["a million", "a billion", "a thousand",
                                                                      "a hundred", "a dozen"] + list(_FOLDS)
                                     for w in (word, word[0].upper() + word[1:])))
# Scale words after digits ("2.5bn", "8,000 crore"); an SI prefix is not one: "4500 mAh", "7kW".
_SCALES = {"bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12, "m": 1e6, "mn": 1e6, "million": 1e6,
           "k": 1e3, "thousand": 1e3, "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5}
MULTIPLIER = r"(?:bn|billion|tn|trillion|mn|million|m|k|thousand|crores?|cr|lakhs?)(?![A-Za-z])"
_PCT = r"\s?(?:%|per ?cent\b|percent\b|pct?(?![A-Za-z])|percentage points?\b)"
_QUALIFIERS = ("just over", "just under", "more than", "less than", "fewer than", "at least", "at most", "up to",
               "as many as", "as much as", "nearly", "almost", "about", "around", "approximately", "roughly",
               "some", "over", "under", "an estimated", "estimated", "close to", "below", "above", "between",
               "only", "just", "a further", "another", "well over", "in excess of", "upwards of", "a record")
_QUAL_RE = alternation(_QUALIFIERS)

_QTY = re.compile(
    rf"(?<![\w{units.SIGN_CHARS}.,/:#-])(?P<minus>[-−](?=\d))?(?:(?P<cur>{units.CURRENCY_PREFIX})\s?)?(?P<num>{NUMBER})"
    rf"(?:(?:\s|(?<=[a-z])-|-(?=[mbt]\w+ion))?(?P<mult>{MULTIPLIER}))?(?P<pct1>{_PCT})?"
    rf"(?:(?P<dash>\s?[-–]\s?|\s(?:to|and|or)\s)(?:(?P<cur2>{units.CURRENCY_PREFIX})\s?)?(?P<num2>{NUMBER})"
    rf"(?:\s?(?P<mult2>{MULTIPLIER}))?)?(?P<pct>{_PCT})?"
)
_PREFIX_ENDS = frozenset(p[-1] for p in units.CURRENCY_PREFIXES)  # a cheap test before _PREFIX_BEFORE
_PREFIX_BEFORE = re.compile(rf"(?<![\w$])(?:{units.CURRENCY_PREFIX})\s?$")
# The words after a number: whole words, an acronym whole too ("6,500 US stores" is not 6,500 "U"; "DJs").
_AFTER_WORD = re.compile(r"(?:-|\s)(?P<w1>(?:[A-Z]{2,}s?|(?:[a-z](?=[A-Z][a-z]))?[A-Za-z][a-z]*(?:-[a-z]+)*)(?![A-Za-z]))"
                         r"(?:\s(?P<w2>[A-Za-z][a-z]*(?![A-Za-z])))?")
_CUR_WORD = re.compile(r"[\s-]?(?P<word>" + alternation(units.CURRENCY_WORDS) +
                       r")(?![A-Za-z])")
_QUAL_BEFORE = re.compile(rf"(?:^|\s)(?P<q>{_QUAL_RE})\s$", re.I)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                 "tenths": 10, "twentieth": 20, "hundredth": 100}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "nine": 9}
_AFTER_A = "".join(rf"(?<={w} )" + "|" for w in ("by", "than", "about", "nearly", "almost", "around", "roughly",
                                                     "over", "just", "only", "some"))
_FRACTION = re.compile(
    r"\b(?:(?P<one>[Oo]ne|1|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine) in "
    r"(?P<n>(?!(?:19|20)\d\d\b)\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)\b"
    r"|(?P<half_mult>[Hh]alf an? (?P<hm>million|billion|dozen))"
    rf"|(?P<num>(?:[Aa]|[Oo]ne)(?=[- ]\w+ of\b)|[Oo]ne(?=-)|(?:{_AFTER_A.replace('|', '[Aa]|')[:-1]})|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Nn]ine)"
    r"[- ](?P<den>thirds?|quarters?|fifths?|sixths?|seventh|eighth|ninth|tenths?|twentieth|hundredth)(?![\w-])"
    r"(?:\sof\san?\s(?P<of_scale>million|billion|percentage\spoint))?"  # "a quarter of a million": a count
    r"(?!\s(?:of\s)?(?:the\s)?(?:year|season|century|round|time|period))"
    # "half of them", not "the second half of the year"
    r"|(?<!first )(?<!second )(?<!other )(?<!latter )(?<!back )(?P<half>[Hh]alf)(?= of\b)"
    # "one half of the duo": one of a pair, not a share
    r"(?! of (?:the |a |an |this |that |his |her |their )?(?:[\w-]+ )?(?:duo|pair|partnership|couple|double act|twins)\b)"
    r"|(?P<fold>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)-?fold\b)"
)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s$")
_MONTH_AFTER = re.compile(rf"\s(?:{_MONTHS})\b")
_NAME_BEFORE = re.compile(r"(?:[^.!?\"“\s]\s|\(|^)(?P<word>[a-z]?[A-Z][A-Za-z&]*\.?)\s$")  # "Radio 4", "iPhone 15"
# Words after a number that are not what it counts: "pulled one back", "a 40-strong squad", "40-odd".
_NOT_UNITS = lexicon.STOP_AFTER_NUMBER | frozenset(
    "p m k bn back ahead behind apiece each all again too alone together strong odd plus worldwide globally"
    " overall altogether annually yearly daily he she they we you i among amongst across within without against"
    " amid including via toward towards upon beyond below above near inside outside like while when whereas but"
    " because though although if unless until afterwards instead already yet still now then here"
    " there".split())
_TIME = re.compile(r"[.:]\d\d\s?(?:am|pm|GMT|BST)?\b|\s?(?:(?:am|pm|GMT|BST)\b|a\.m\.|p\.m\.)|(?:st|nd|rd|th)\b")


def find_quantities(text: str, loc_index: int | None, headline: int | None, sport: bool,
                    heads: dict[str, list[tuple[int, int]]]) -> list[Quantity]:
    """`heads`: where the text has NUMBER_WORDS and FRACTION_HEADS (see triggers.Scanner)."""
    out = []
    taken: list[tuple[int, int]] = []
    # The fraction grammar runs only around its head words: over a whole paragraph it cost a quarter of this
    # function (its alternatives and lookbehinds are tried at every character).
    for lo, hi in triggers.windows(heads["fraction"], 12, 40, len(text)):
        for m in _FRACTION.finditer(text, lo, hi):
            q = _fraction(m, text, loc_index, headline)
            if q is not None:
                out.append(q)
            if q is not None or m.group("den"):  # "the Scarlets three-quarter" is no count of quarters either
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
FRACTION_HEADS = triggers.Heads((*(f"{w} in" for n in UNITS[1:10] for w in (n, n.capitalize())), "1 in", "alf", "third", "quarter", "fifth", "sixth", "seventh",
                                 "eighth", "ninth", "tenth", "twentieth", "hundredth", "fold"), anywhere=True)


def _starts(text: str, number_words: list[tuple[int, int]]) -> list[int]:
    """Where a quantity may start: a currency sign or the first digit of a number, or a number word.
    Scanning for these is far cheaper than trying the whole grammar at every character."""
    starts = [_with_currency(text, m.start()) for m in _DIGIT_RUN.finditer(text)]
    starts.extend(s for s, _ in number_words)
    starts.sort()
    return starts


def _with_currency(text: str, start: int) -> int:
    """Move a number's start back over its currency sign or code ("£ 5", "US$10", "$A4m", "CHF 300m"), or its
    minus sign ("growth of -0.5%", not "2004-05")."""
    if start and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " ("):
        return start - 1
    before = text[start - 2] if start >= 2 and text[start - 1] == " " else text[start - 1] if start else ""
    if before not in _PREFIX_ENDS:
        return start
    m = _PREFIX_BEFORE.search(text, max(0, start - 5), start)
    return m.start() if m else start


def _fraction(m: re.Match, text: str, loc: int | None, headline: int | None) -> Quantity | None:
    span = Span(loc, headline, m.start(), m.end(), m.group())
    qualifier = _qualifier(text, m.start())
    if qualifier:
        start = m.start() - len(qualifier) - 1
        span = Span(loc, headline, start, m.end(), text[start:m.end()])
    if m.group("half_mult"):  # "half a million properties": a count, not a share
        return Quantity(span, 0.5 * numwords.parse(m.group("hm")), qualifier=qualifier, kind="count")
    if m.group("fold"):  # "fourfold", "a 10-fold rise": a ratio
        return Quantity(span, numwords.parse(m.group("fold")) or 1.0, unit="times", qualifier=qualifier)
    if m.group("one"):  # "one in five", "four in 10"
        numerator, n = numwords.parse(m.group("one")) or 1.0, numwords.parse(m.group("n")) or 1.0
        if numerator >= n or numerator > 1 and n not in (3, 4, 5, 10, 100):
            return None  # "round four in eight attempts"
        value = 100.0 * numerator / n
    elif m.group("half"):
        value = 50.0
    else:
        numerator, den = _NUMERATORS[m.group("num").lower()], m.group("den").lower()
        if numerator > 1 and not den.endswith("s"):
            return None  # "the Scarlets three-quarter", "a three-quarter length coat": not a share
        value = 100.0 * numerator / _DENOMINATORS[den]
        if m.group("of_scale") and m.group("of_scale")[0] == "p":  # "a quarter of a percentage point"
            return Quantity(span, value / 100, unit=units.PERCENTAGE_POINT, qualifier=qualifier, kind="percent")
        if m.group("of_scale"):
            return Quantity(span, value / 100 * numwords.SCALES[m.group("of_scale")], qualifier=qualifier)
    return Quantity(span, round(value, 4), unit="percent", qualifier=qualifier, kind="percent")


def _quantity(m: re.Match, text: str, loc: int | None, headline: int | None, sport: bool) -> Quantity | None:
    num, is_digit = m.group("num"), m.group("num")[0].isdigit()
    value = numwords.parse(num)
    if value is None or _excluded(m, text, is_digit):
        return None
    start, end = m.start(), m.end()
    cur, mult, num2 = m.group("cur"), m.group("mult"), m.group("num2")
    value2 = numwords.parse(num2) if num2 else None
    if value2 is not None and _two_amounts(m, text, start):
        return _single(m, text, loc, headline, sport)
    pct = m.group("pct") or m.group("pct1")
    unit, kind = None, "count"
    if pct:
        unit, kind = units.PERCENTAGE_POINT if "point" in pct else units.PERCENT, "percent"
    currency_word = None if (cur or unit) else _currency_word(text, end, value, is_digit, mult)
    hundredths = False
    if cur or currency_word:
        kind = "money"
        if cur:
            unit = units.CURRENCY_PREFIXES[cur]
        else:
            word = currency_word.group("word")
            unit, end, hundredths = units.CURRENCY_WORDS[word], currency_word.end(), word in units.HUNDREDTHS
    elif mult == "m" and _metres(text, m, sport, value):
        unit, kind, mult = "m", "measure", None  # "100m" on the track, "508m tall": metres
        if _PER_SECOND.match(text, m.end("mult")):
            unit, end = "m/s", m.end("mult") + 2
    scale = _SCALES[mult.lower()] if mult else 1.0
    if value2 is not None:
        scale2 = _SCALES[m.group("mult2").lower()] if m.group("mult2") else scale
        value2 = _exact(value2 * scale2 / (100 if hundredths else 1))
        shared = scale2 if m.group("mult2") else numwords.trailing_scale(num2)  # "seven thousand": in value2
        if not mult and shared > 1 and numwords.trailing_scale(num) == 1 and value * shared <= value2:
            scale = shared  # "six to seven thousand", "between 5 and 6 million": the scale is shared
    value = _exact(value * scale / (100 if hundredths else 1))
    if value2 is not None:
        if m.group("dash").strip() in ("-", "–") and not pct and kind != "money":
            kind = _score_or_range(m, value, value2, text, sport)
            if kind is None:
                return None
        elif kind == "count":
            kind = "range"
    if kind in ("count", "range") and (not mult or len(mult) > 2):  # "39 billion cubic metres", not "5m m"
        measured = _measure_at(text, end)
        if measured:
            (unit, end), kind = measured, "measure"
    if kind == "range" and unit is None:
        noun, _, noun_end = _unit_after(text, end, value2, True)
        if noun and (_plural(noun) or noun in units.MEASURE_WORDS.values()):  # "five or six awards", not "30-39 paid"
            unit, end = noun, noun_end
    if kind == "count" and is_digit and not value2 and _age_context(text, start, end):
        unit, kind = "years", "age"  # "aged 62", "Rob Da Bank, 38,"
    if kind == "count":
        unit, kind, end = _unit_after(text, end, value, is_digit)
        if kind is None:
            return None
    if kind == "measure" and unit in _PER_TIME_UNITS:
        per = _PER_TIME.match(text, end)  # "50 kilometres per hour", "70 miles an hour"
        if per and (unit, per.group("t")) in _SPEEDS:
            unit, end = _SPEEDS[(unit, per.group("t"))], per.end()
    if text.endswith("minus ", 0, start) and not text.endswith("plus or minus ", 0, start):  # "minus 0.4%"
        start, value = start - 6, -value
    elif m.group("minus"):
        value = -value
    qualifier = _qualifier(text, start)
    if qualifier:
        start -= len(qualifier) + 1
    return Quantity(Span(loc, headline, start, end, text[start:end]), value, value2, unit, qualifier, kind)


_SPEEDS = {("km", "hour"): "km/h", ("mi", "hour"): "mph", ("m", "second"): "m/s", ("km", "second"): "km/s"}
_PER_TIME_UNITS = frozenset(u for u, _ in _SPEEDS)
_PER_TIME = re.compile(r"\s(?:per|an|a)\s(?P<t>hour|second)\b")


def _exact(value: float) -> float:
    return float(f"{value:.12g}")  # "8.2bn" is 8200000000, not 8199999999.999999


def _currency_word(text: str, end: int, value: float, is_digit: bool, mult: str | None) -> re.Match | None:
    """A currency named after the number ("2.9bn euros", "45 cents", "50p"); "won", "rand" and "p" are words
    too, so they need digits and an amount's look ("10,000 won", "5bn rand", "50p" glued)."""
    m = _CUR_WORD.match(text, end)
    if m is None or m.group("word") not in units.AMBIGUOUS_WORDS:
        return m
    if m.group("word") == "p":
        return m if is_digit and m.start("word") == end else None
    if _VERB_AFTER.match(text, m.end()):
        return None  # "7.95m won the event": a verb
    return m if is_digit and (mult or value >= 100) else None


_VERB_AFTER = re.compile(r"\s(?:the|a|an|his|her|their|its|it|them|him|by|in|on|at|over|against|after|last|this"
                         r"|gold|silver|bronze|\d)\b")


# A change and a level, not a range: "rose by $12.5bn to $310.4bn", "fell from 5% to 3%".
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|grew|grow|grows|growing|increased?|"
    r"increases|increasing|decreased?|decreasing|jumped|climbed|dropped|slipped|slumped|soared|surged|cut|raised|"
    r"lowered|reduced|boosted|up|down|higher|lower)\s(?:by\s|from\s)?)\s?$")


def _two_amounts(m: re.Match, text: str, start: int) -> bool:
    """Two numbers joined by "and"/"to" that are not a range: "£3m and €5m" (no "between"), a change and a
    level, "4% to 5 people" (a percent and a count)."""
    joiner = m.group("dash").strip()
    if m.group("pct1") and not m.group("pct"):
        return True
    if joiner not in ("and", "to"):
        return False
    qualifier = (_qualifier(text, start) or "").lower()
    if qualifier == "between" or (joiner == "to" and qualifier == "from"
                                  and not _CHANGE_BEFORE.search(text, max(0, start - 25), start - 5)):
        return False
    if joiner == "to" and (numwords.parse(m.group("num2")) or 0) < (numwords.parse(m.group("num")) or 0) \
            and not m.group("mult2") and not m.group("mult"):
        return True  # "46 percent to 32 percent": a range goes up
    return joiner == "and" or bool(_CHANGE_BEFORE.search(text, max(0, start - 25), start))


def _measure_at(text: str, end: int) -> tuple[str, int] | None:
    """A unit of measure right after a number: an SI symbol or word ("7kW", "800 megawatts") or another
    glued one ("38mph", "6ft")."""
    glued = _GLUED_UNIT.match(text, end)  # first: "100km/h" is not 100 km
    if glued:
        return _GLUED_NAMES.get(glued.group("g")) or units.MEASURE_WORDS[glued.group("u") or glued.group("g")], glued.end()
    return units.symbol_at(text, end) or units.measure_word_at(text, end) or units.area_or_temperature_at(text, end)


_METRE_WORDS = frozenset("tall high long wide deep taller higher longer deeper per track away above below from into"
                         " up down run race sprint hurdles freestyle backstroke breaststroke butterfly relay medley"
                         " final record dash drop drops fall plunge climb descent dive jump swim wall walls cliff"
                         " cliffs tower mast crane wave waves shaft crater kick penalty conversion pass strike shot"
                         " effort".split())
# A movement before a bare "40m" makes it a distance: "ran 40m", "plunged 30m", "threw 80m".
_MOVED_BEFORE = re.compile(r"\b(?:ran|run|runs|running|swam|swim|swims|sprinted|jumped|leapt|leaped|plunged|plummeted"
                           r"|climbed|dived|dove|walked|crawled|dragged|carried|threw|thrown|hurled|tumbled|fell"
                           r"|(?:best|record|distance|height|depth|length|width|altitude|throw|jump|leap)\sof)\s$")
# Athletics: "the European 100m champion", "the 10,000m in Athens" (athletics reports often miss the sport
# triggers, and the distances are over the 1,000 a match report's metres are held to).
_RACE_DISTANCES = frozenset((60.0, 100.0, 110.0, 200.0, 400.0, 800.0, 1500.0, 3000.0, 5000.0, 10000.0))
_RACE_WORDS = frozenset("champion champions championship championships title gold silver bronze medal medals"
                        " medallist runner runners event world indoor indoors outdoor heat heats best specialist"
                        " star winner crown legend".split())
# "the 400m and 200m": two races named together.
_ANOTHER_RACE = re.compile(r"\s(?:and|or)\s(?:60|100|110|200|400|800|1500|1,500|3000|3,000|5000|5,000|10,000)m\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s(?:[A-Z][a-z]+\s)?$")
_AFTER_A_RACE = frozenset(("in", "at", "on", ""))  # "the 10,000m in Athens", "won the 1500m." (not "the 200m people")


def _metres(text: str, m: re.Match, sport: bool, value: float) -> bool:
    """"508m tall", "17m/s", the 100m in a match report, the 10,000m in Athens: metres, not millions."""
    end = m.end("mult")
    if text.startswith("/", end):
        return True
    after = _AFTER_WORD.match(text, end)
    word = after.group("w1").lower() if after else ""
    if word in _METRE_WORDS or (sport and value < 1000 and word not in units.CURRENCY_WORDS):
        return True
    if _MOVED_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return True
    if value not in _RACE_DISTANCES or m.group("mult") != "m":  # glued: "100m", not "100 m"
        return False
    return word in _RACE_WORDS or bool(_ANOTHER_RACE.match(text, end)) or (word in _AFTER_A_RACE and _THE_BEFORE.search(text, max(0, m.start() - 20),
                                                                              m.start()) is not None)


def _single(m: re.Match, text: str, loc, headline, sport) -> Quantity | None:
    """Re-read a match that swallowed a second, unrelated number: only up to the first one."""
    cut = next(m.end(g) for g in ("pct1", "mult", "num") if m.group(g))
    short = _QTY.match(text[:cut], m.start())
    q = _quantity(short, text, loc, headline, sport) if short else None
    if q is not None and q.unit is None and m.group("pct") and not m.group("pct1"):  # "52 to 48 percent": both
        q = q._replace(unit=units.PERCENTAGE_POINT if "point" in m.group("pct") else units.PERCENT, kind="percent")
    return q


def _excluded(m: re.Match, text: str, is_digit: bool) -> bool:
    """Years, dates, times, ordinals and numbers inside names are not quantities."""
    num, start, num_end = m.group("num"), m.start("num"), m.end("num")
    if not is_digit and num[0].isupper() and start > 0 and text[start - 2:start - 1] not in ".!?\"“":
        return True  # "Six Nations", "Formula One": a capitalised number word mid-sentence names something
    if m.group("mult"):
        return False
    if is_digit and num_end < len(text) and text[num_end].isalpha() and not m.group("num2") \
            and not _GLUED_OK.match(text, num_end) and not units.symbol_at(text, num_end):
        return True  # "3GSM", "1st", "4x4": digits glued to letters are a name or an ordinal
    if m.group("cur") or m.group("pct") or m.group("pct1"):
        return False
    return (_plain_digits_excluded(m, text, num, start, num_end) if is_digit else False) \
        or _plain_excluded(m, text, start, num_end)


def _plain_digits_excluded(m: re.Match, text: str, num: str, start: int, num_end: int) -> bool:
    """Digits with no currency, scale or percent: ids, phone numbers, ratios, years, seasons, addresses, names."""
    if "," not in num and (len(num) >= 10 or text.startswith(":", num_end) or len(num) >= 3 and (
            _DIGITS_AFTER.match(text, num_end) or _DIGITS_BEFORE.search(text, max(0, start - 4), start))):
        return True  # an id, a phone number ("0800 123 4567"), a ratio or a time ("3:1", "2:01:09")
    if text.startswith("/", num_end):
        return True  # "9/11", "24/7"
    if len(num) == 4 and "1000" <= num < "2100" and (
            m.group("num2") and num[:2] in ("19", "20")  # a season such as 2004-05
            or not m.group("num2") and (num >= "1900" or not _PLURAL_NOUN.match(text, m.end()))):
        return True  # a calendar year ("2001 winners"), unless it counts something: "1500 people"
    if _ADDRESS_AFTER.match(text, num_end):
        return True  # "12 W 57th St"
    if not m.group("num2"):
        before = _NAME_BEFORE.search(text, max(0, start - 20), start)
        if before and before.group("word") not in lexicon.NOT_NAMES and not _DURATION_AFTER.match(text, m.end()):
            return True  # "Radio 4", "No 10", "Windows 98"; not "with Mark 10 years ago"
    return False


def _plain_excluded(m: re.Match, text: str, start: int, num_end: int) -> bool:
    """Numbers with no currency, scale or percent: ranks, seedings, clock times, dates."""
    if text.endswith(" (", 0, start) and start > 2 and text[start - 3].isalpha() and text.startswith(")", num_end):
        return True  # "Scotland (8)": a seeding or a rank in brackets
    if _RANK_BEFORE.search(text, max(0, start - 12), start):
        return True  # "number 19", "No 10", "seeded 3"
    if _TIME.match(text, num_end):
        return True
    return bool(_MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, m.end()))


_GLUED_UNIT = re.compile(r"\s?(?P<u>km/h|kph|mph|kmh|bhp|hp)(?![A-Za-z])|(?P<g>ft|lbs|lb|oz|ha|in|C)(?![A-Za-z0-9])")
_PER_SECOND = re.compile(r"/s(?![A-Za-z])")
_GLUED_NAMES = {"in": "in", "C": "°C"}  # only glued: "5 in" is a preposition
# Letters glued to digits that make them a quantity, not a name: units, "7pc", "50p", "5bn".
_GLUED_OK = re.compile(r"(?:mph|km/h|kph|kmh|bhp|hp|ft|lbs?|oz|ha|in|C|pc|pct|p|bn|tn|mn|cr|m|k)(?![A-Za-z])")
# "12 W 57th St", "10 Downing Street": a street address.
_ADDRESS_AFTER = re.compile(r"\s(?:[NSEW]\.?\s(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s|(?:[A-Z][a-z]+\s){1,2}"
                            r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Place|Square)\b)")
_DIGITS_AFTER = re.compile(r"\s\d{3,}\b")
_DIGITS_BEFORE = re.compile(r"\d{3}\s$")
_DURATION_AFTER = re.compile(r"[\s-](?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b")
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
    if noun in _SCORE_WORDS or (sport and noun not in units.DURATIONS and noun not in units.MEASURE_WORDS):
        return "score" if a == int(a) and b == int(b) else None
    if b > a:
        return "range"
    return "score" if a == int(a) and b == int(b) else None  # "7-5", a vote of "272-219"


_SCORE_WORDS = frozenset("win victory defeat loss draw lead home away scoreline decision majority vote".split())


def _unit_after(text: str, end: int, value: float, is_digit: bool):
    """(unit, kind, new end) for a bare number: the noun after it, a measure, a duration or an age."""
    if text.startswith(" or so ", end):
        end += 6  # "some 250,000 or so Iowans"
    after = _AFTER_WORD.match(text, end)
    w1 = after.group("w1") if after else None
    lower = (w1 or "").lower()
    if lower.startswith(("year-old", "years-old")) or (lower in ("years", "year") and text.startswith(" old", after.end("w1"))):
        return "years", "age", after.end("w1") if lower.startswith("year") and "-" in lower else after.end("w1") + 4
    if lower == "time" and text[end] == "-" and value >= 2:  # not "a one-time charge"
        return "times", "count", after.end("w1")  # "a five-time champion"
    if lower in units.DURATIONS:
        return units.DURATIONS[lower], "duration", after.end("w1")
    base = lower.split("-")[0]
    if base in units.MEASURE_WORDS:
        return units.MEASURE_WORDS[base], "measure", after.start("w1") + len(base)
    if base in units.DURATIONS and "-" in lower:
        return units.DURATIONS[base], "duration", after.start("w1") + len(base)
    if not w1 or lower in _NOT_UNITS and w1[0].islower() or not w1.isalpha() and "-" not in w1 or len(w1) == 1:
        return _bare(text, end, value, is_digit, lower)
    if not is_digit and value < 2 and lower in _NOT_AFTER_ONE:
        return None, None, end  # "one day" is fine, "one another" is not
    if not is_digit and value == 1 and w1[0].islower() and _SENTENCE_START.search(text, max(0, end - 6), end - 2):
        return None, None, end  # "One possibility is ...": a determiner, not a count
    if lower.startswith(("on-", "to-", "by-", "and-")):
        return None, None, end  # "one-on-one", "one-to-one"
    noun, noun_end = w1, after.end("w1")
    if text[end] == " " and not _plural(w1) and (value != 1 or _modifier(w1)):  # "1.3 million video phones", "one other player"
        noun, noun_end = _plural_noun_after(text, noun_end, value != 1) or (noun, noun_end)
    if not is_digit and text[end] == "-" and (lower.endswith("ed") or value == 1 and _plural(w1)):
        return None, None, end  # "a two-pronged attack", "one-sided", "one-liners"
    if not is_digit and value == 1 and text[end] == " " and _plural(w1) and w1[0].islower():
        return None, None, end  # "one feels": a pronoun and its verb
    if noun is w1 and text[end] == " " and w1[0].islower() and (value != 1 and not _plural(w1) or lower.endswith("ed")):
        return _bare(text, end, value, is_digit, lower)  # "74,500 watched", "two come", "one planned"
    return noun, "count", noun_end


def _bare(text: str, end: int, value: float, is_digit: bool, after: str):
    """(unit, kind, end) of a number without a noun: a count in digits or of a scale, a word number only where
    it counts a group ("two of the strongest sectors", "all three"); None for "one of", "the two"."""
    if (is_digit and value != 1) or value >= 1000:
        return None, "count", end  # "8,200" in a results box, "selling a million"
    if value >= 2 and (after == "of" or _GROUP_BEFORE.search(text, max(0, end - 20), end)):
        return None, "count", end
    return None, None, end


def _plural(word: str) -> bool:
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s")) \
        or word.lower() in _IRREGULAR_PLURALS


_IRREGULAR_PLURALS = frozenset("people men women children staff police personnel cattle sheep aircraft fish deer species"
                               " series offspring crew livestock".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s|[\"“]\s?)[A-Z]$")


_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ful", "ic", "est", "ary", "ible", "able", "ian", "ish", "ern", "less")
_MODIFIERS = frozenset("other new more main top key big small major minor senior junior young old pay high low"
                       " extra further full part front rear prime".split())
_NEXT_WORD = re.compile(r"\s(?P<w>[A-Za-z][A-Za-z'-]*)(?![A-Za-z])")


def _modifier(word: str) -> bool:
    """A word that may stand between a number and the noun it counts: "two other New York DJs", "three
    prestigious Grammy Awards", "400 main brands", "six Nintendo GameBoys"."""
    return word[0].isupper() or word.lower() in _MODIFIERS or word.lower().endswith(_ADJECTIVE_ENDINGS)


def _plural_noun_after(text: str, pos: int, many: bool) -> tuple[str, int] | None:
    """The first plural noun within three words after `pos`, over modifiers only (over any word but a function
    word when the number is `many`, a plural being due: "three top radio DJs")."""
    for _ in range(3):
        m = _NEXT_WORD.match(text, pos)
        if m is None or m.group("w").lower() in _NOT_UNITS:
            return None
        if _plural(m.group("w")):
            return m.group("w"), m.end()
        if not (many or _modifier(m.group("w"))):
            return None
        pos = m.end()
    return None


_GROUP_BEFORE = re.compile(r"\b(?:[Aa]ll|[Tt]hese|[Tt]hose|[Bb]oth|[Tt]he top|[Tt]he last|[Tt]he other|[Tt]he first)\s\w+$")
_NOT_AFTER_ONE = frozenset("another other thing way or more less point hand side half two time many much himself herself"
                           " itself themselves know knows".split())


_AGED = re.compile(r"\b(?:aged|age|ages)\s$")
_NAME_COMMA = re.compile(r"[A-Za-z]{2}, $")
# An age in apposition after a noun: ", now 34,", ", only 27,", ", still just 19," (not "In 2004, 27 people").
_APPOSITION = re.compile(r"[a-z]{2}, (?:(?:only|just|still|now|then|barely|aged) )+$")
_AGE_AFTER = re.compile(r"[,)]\s[a-z]")
_PERSON_IS = re.compile(r"\b(?:I['’]m|I\sam|I\swas|(?:[Hh]e|[Ss]he|[Ww]ho)(?:['’]s|\sis|\swas))\s"
                        r"(?:(?:only|just|still|now|barely|not\syet)\s)*$")
_END_OF_AGE = re.compile(r"[,.;!?]|\s(?:and|but|when|now)\b")


def _age_context(text: str, start: int, end: int) -> bool:
    if _AGED.search(text, max(0, start - 6), start):
        return True
    if _PERSON_IS.search(text, max(0, start - 24), start) and _END_OF_AGE.match(text, end):
        return True  # "I'm only 27 and", "she was just 19."
    if _APPOSITION.search(text, max(0, start - 12), start) and _AGE_AFTER.match(text, end):
        return True  # "Agassi, now 34, has", "the striker, only 27, has"
    return bool(_NAME_COMMA.search(text, max(0, start - 4), start)) and text.startswith((",", ")"), end) and \
        text[max(0, start - 30):start].rstrip(", ").split(" ")[-1][:1].isupper()


def _qualifier(text: str, start: int) -> str | None:
    m = _QUAL_BEFORE.search(text, max(0, start - 16), start)
    return m.group("q") if m else None
