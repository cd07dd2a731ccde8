"""TIMEX3 type (DATE, TIME, DURATION, SET) and value of a temporal expression, TimeML conventions.

Values: a calendar period at its own precision (`2005-01-03`, `2005-01`, `2005`, `2005-W11`, `2005-Q1`,
`2005-H2`, `2005-SU`, `200` for the 2000s, `20` for the 21st century), a clock time (`2005-01-03T10:30`,
`2005-01-03TNI` for a night), a length (`P3D`, `PT2H`, `P18M`, `P1DE`, `PXY` for "several years"), a
frequency (`P1W` for "weekly", `XXXX-WXX-1` for "every Monday"), or a vague point (`PRESENT_REF`, `PAST_REF`,
`FUTURE_REF`). Without a reference date only what the text fixes is given: `XXXX-08` for "August",
`XXXX-WXX-1` for "Monday", a duration in full; an expression relative to the article's date has no value.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from transforms.extract.numwords import parse as parse_number
from transforms.extract.resolve import MONTHS, first_day_number

_WORDS = re.compile(r"[a-z]+")
_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_OF_MONTH = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
             "overnight": "NI"}
# A length's unit -> (TIMEX3 designator, time part?).
_UNIT_CODES = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
               "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False),
               "month": ("M", False), "quarter": ("Q", False), "season": ("Y", False), "year": ("Y", False),
               "decade": ("DE", False), "century": ("CE", False), "term": ("Y", False), "summer": ("Y", False),
               "winter": ("Y", False), "spring": ("Y", False), "autumn": ("Y", False)}
_UNIT_WORD = re.compile(r"\b(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|season|year|decade"
                        r"|centur(?:y|ies)|term|summer|winter|spring|autumn)s?\b")
_VAGUE = re.compile(r"\b(?:several|few|many|some|recent|coming|past\s(?:few|several|many)|next\s(?:few|several|many)"
                    r"|[a-z]+\s(?:more|fewer)|(?<!an\s)(?<!a\s)(?:minutes|hours|days|weeks|months|years|decades)\b)")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s?(am|pm|a\.m\.|p\.m\.)?", re.I)
_MILITARY = re.compile(r"([0-2]\d)([0-5]\d)\s?(?:GMT|BST|hrs|hours)")
_HALF_A = re.compile(r"\bhalf[- ]an?[- ]")
_HALVES = {"H": "PT30M", "M": "PT30S", "D": "PT12H", "Y": "P6M", "DE": "P5Y", "CE": "P50Y", "W": "P3.5D"}
_SET_LEAD = re.compile(r"^(?:every|each|once|twice|[a-z]+\stimes)\s(?:(?:a|an|per|every|each)\s)?")
_WEEKDAY_NUMBER = {d: i + 1 for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}


def period_value(start: date, end: date, grain: str) -> str:
    """The TIMEX3 value of a resolved calendar period at its granularity."""
    if grain == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "month":
        return f"{start.year}-{start.month:02d}"
    if grain in ("quarter", "half"):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 6:
            return f"{start.year}-H{1 if start.month <= 6 else 2}"
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if grain == "season":
        return f"{start.year}-{_SEASON_OF_MONTH.get(start.month, 'SU')}"
    if grain == "year":
        return str(start.year) if start.year == end.year else f"{start.year}"
    if grain == "decade":
        return str(start.year // 10)
    if grain == "century":
        return str(start.year // 100)
    return start.isoformat()


@lru_cache(maxsize=4096)  # a pure function of the words; news repeats them
def duration_value(surface: str) -> str | None:
    """`three days` -> P3D, `the next 18 months` -> P18M, `half an hour` -> PT30M, `several years` -> PXY."""
    lower = surface.lower()
    unit = _UNIT_WORD.search(lower)
    if unit is None:
        return None
    word = unit.group(1)
    code, is_time = _UNIT_CODES["century" if word.startswith("centur") else word]
    if _HALF_A.search(lower):  # "half an hour", "half a century"
        return _HALVES.get(code, f"P{'T' if is_time else ''}0.5{code}")
    n = _count(lower[:unit.start()])
    if n is not None and "and a half" in lower.replace("-", " "):
        n += 0.5
    if n is None:
        if _VAGUE.search(lower) or lower.rstrip().endswith("s"):
            return f"P{'T' if is_time else ''}X{code}"
        n = 1.0
    if word == "fortnight":
        n *= 2
    if word == "quarter":
        code, n = "M", n * 3
    return f"P{'T' if is_time else ''}{n:g}{code}"


def _count(text: str) -> float | None:
    """The number before a unit: `18`, `eighteen`, `two-and-a-half`, `a couple of`, `a`."""
    words = text.replace("-and-a-half", " and a half").replace("-", " ").split()
    if "couple" in words:
        return 2.0
    for i in range(len(words)):
        tail = " ".join(words[i:])
        n = parse_number(tail.replace(" and a half", ""))
        if n is not None and tail not in ("some",):
            return n
    return None


@lru_cache(maxsize=4096)  # a pure function of the words; news repeats them
def set_value(surface: str) -> str:
    """`every Monday` -> XXXX-WXX-1, `weekly` -> P1W, `annually` -> P1Y, `every two years` -> P2Y."""
    lower = surface.lower()
    day = next((n for d, n in _WEEKDAY_NUMBER.items() if d in lower), None)
    if day is not None:
        return f"XXXX-WXX-{day}"
    part = next((code for p, code in _DAYPARTS.items() if p in lower), None)
    if part is not None:
        return f"XXXX-XX-XXT{part}"
    for adverb, value in (("daily", "P1D"), ("nightly", "P1D"), ("weekly", "P1W"), ("fortnightly", "P2W"),
                          ("monthly", "P1M"), ("quarterly", "P3M"), ("annually", "P1Y"), ("yearly", "P1Y"),
                          ("hourly", "PT1H"), ("annual", "P1Y")):
        if lower.startswith(adverb):
            return value
    rest = _SET_LEAD.sub("", lower)
    if rest.startswith("other "):  # "every other week": every two weeks
        rest = f"two {rest[6:]}s"
    return duration_value(rest) or "P1D"


@lru_cache(maxsize=4096)  # a pure function of the words; news repeats them
def clock_value(surface: str) -> str | None:
    """`10:30 GMT` -> T10:30, `3pm` -> T15:00, `midnight` -> T24:00, `1700 GMT` -> T17:00."""
    lower = surface.lower()
    if lower in ("noon", "midday"):
        return "T12:00"
    if lower == "midnight":
        return "T24:00"
    m = _MILITARY.match(surface)
    if m:
        return f"T{m[1]}:{m[2]}"
    m = _CLOCK.match(surface)
    if not m:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    half = (m[3] or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"


def daypart_code(surface: str) -> str | None:
    lower = surface.lower()
    last = lower.rsplit(" ", 1)[-1]  # "last night", not "last fortnight"
    return _DAYPARTS.get(last)


@lru_cache(maxsize=4096)  # a pure function of the words; news repeats them
def unanchored_value(kind: str, surface: str) -> str | None:
    """What the text alone fixes, without a reference date: `XXXX-WXX-1`, `XXXX-08`, `XXXX-01-12`."""
    lower = surface.lower()
    words = _WORDS.findall(lower)
    if kind == "weekday":
        day = next((n for d, n in _WEEKDAY_NUMBER.items() if d in lower), None)
        return f"XXXX-WXX-{day}" if day else None
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    if kind == "month" and month:
        return f"XXXX-{month:02d}"
    if kind == "date" and month:
        day = first_day_number(surface)
        return f"XXXX-{month:02d}-{day:02d}" if day else None
    if kind == "season":
        code = next((c for s, c in _SEASON_CODES.items() if s in words), None)
        return f"XXXX-{code}" if code else None
    return None

