"""Resolve a temporal surface to (start_date, end_date) against the article's reference date.

News convention: a bare weekday is the most recent one up to the reference date unless "next" or the
sentence's tense (`tense` > 0: "will ... on Monday") says it is to come; a bare month or day of the year is in
the reference year unless the tense moves it ("in August" told in the past in a March article is last August);
"this/last/next year|month|week" are calendar periods; "N units ago" is a day, counted in calendar months and
years. Durations have no calendar position and resolve to (None, None).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from transforms.extract.numwords import parse as parse_number

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_ANY_YEAR = re.compile(r"\d{4}")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_WORD = re.compile(r"[a-z]+")
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_SPANS = ("year", "month", "week", "decade", "day", "fortnight")
# "the first quarter (of 2005)", "the final half": a part of a year, not a period counted back from today.
_ORDINAL_PART = re.compile(r"\b(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s(?:quarter|half)\b")
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


@lru_cache(maxsize=8192)  # pure; the same surfaces recur against the same reference date
def resolve(kind: str, surface: str, ref: date, tense: int = 0) -> tuple[date | None, date | None]:
    """`tense`: -1 told in the past, 1 in the future, 0 unknown (see temporal._tense)."""
    try:
        return _resolve(kind, surface, ref, tense)
    except (ValueError, OverflowError, StopIteration):
        return None, None


def first_day_number(surface: str) -> int | None:
    """The day of the month in `12 January 2005`, `Jan. 12`, `Friday 12th`."""
    year = _YEAR.search(surface)
    day = _DAY.search(surface.replace(year.group(), "") if year else surface)
    return int(day.group(1)) if day else None


def _year_by_tense(ref: date, month: int, day: int, tense: int) -> int:
    """The year of a day of the year named without one: the reference year, unless the tense says the day
    is past (and it is later in the year than the reference) or to come (and it is at least half a year
    earlier: "will file their February accounts" in March is about the February just gone)."""
    if tense < 0 and (month, day) > (ref.month, ref.day):
        return ref.year - 1
    if tense > 0 and ref.month - month >= 6:
        return ref.year + 1
    return ref.year


def _resolve(kind, surface, ref, tense):
    lower = surface.lower()
    words = _WORD.findall(lower)
    year = _YEAR.search(surface)
    shift = 1 if ("next" in words or "coming" in words or "following" in words) else (
        -1 if ("last" in words or "previous" in words or "past" in words and kind != "duration") else 0)
    if kind in ("duration", "time"):
        return None, None  # a clock time or a length of time has no calendar position of its own
    if kind == "date":
        iso = _ISO.search(surface)
        if iso:
            d = date(int(iso[1]), int(iso[2]), int(iso[3]))
            return d, d
        month = next(MONTHS[w] for w in words if w in MONTHS)
        day = first_day_number(surface)
        d = date(int(year.group()) if year else _year_by_tense(ref, month, day, tense), month, day)
        return d, d
    if kind == "weekday":
        return _weekday(words, ref, shift if shift else tense)
    if kind == "month":
        month = next((MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in MONTHS), None)
        if year:
            y = int(year.group())
        else:
            y = ref.year + shift if shift else _year_by_tense(ref, month, 1 if tense < 0 else 31, tense)
        return _month_span(y, month)
    if kind == "year":
        if "s" == lower[-1:]:
            decade = int(re.search(r"\d+", lower).group()) // 10 * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31)
        y = int((year or _ANY_YEAR.search(surface)).group())  # "1776": before 1900 too
        return date(y, 1, 1), date(y, 12, 31)
    if kind == "quarter" or kind == "relative" and _ORDINAL_PART.search(lower):
        return _quarter(lower, words, year.group() if year else None, ref)
    if kind == "season" or kind == "relative" and any(w in _SEASONS for w in words):
        season = next(w for w in words if w in _SEASONS)
        y = int(year.group()) if year else ref.year + shift
        first, last = _SEASONS[season]
        end_year = y + 1 if last < first else y
        return date(y, first, 1), _month_span(end_year, last)[1]
    return _relative(lower, words, ref, shift)


def _weekday(words, ref, shift):
    name = next((w.rstrip("s") if w.rstrip("s") in _WEEKDAYS else w for w in words if w.rstrip("s") in _WEEKDAYS), None)
    if name is None:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(words[0], 0)
        d = ref + timedelta(days=offset)
        return d, d
    delta = (_WEEKDAYS[name] - ref.weekday()) % 7
    d = ref + timedelta(days=delta) if shift > 0 else ref - timedelta(days=(7 - delta) % 7)
    return d, d


def _month_span(year, month):
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def _quarter(lower, words, year, ref):
    y = int(year) if year else ref.year
    order = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "last": 4}
    q = next((order[w] for w in words if w in order), None)
    if q is None and lower.startswith("q"):
        q = int(lower[1])
    if "half" in words:
        half = 1 if q == 1 else 2
        return date(y, 1 if half == 1 else 7, 1), _month_span(y, 6 if half == 1 else 12)[1]
    return date(y, 3 * q - 2, 1), _month_span(y, 3 * q)[1]


def _relative(lower, words, ref, shift):
    if words and words[0] in ("today", "tonight", "yesterday", "tomorrow") or words[-1:] in (["morning"], ["night"],
                                                                                               ["evening"], ["afternoon"]):
        offset = -1 if ("yesterday" in words or "last" in words) else (1 if "tomorrow" in words else 0)
        d = ref + timedelta(days=offset)
        return d, d
    if words[-1:] in (["ago"], ["earlier"], ["later"], ["before"], ["previously"], ["after"]):
        n = next((parse_number(w) for w in words if parse_number(w) is not None), 1.0)
        d = _add_units(ref, words, n if words[-1] in ("later", "after") else -n)
        return d, d
    if "earlier" in words or "later" in words:
        shift = 0
    count = next((parse_number(w) for w in words if parse_number(w) is not None and w not in ("a", "an")), None)
    if count is None and lower.startswith(("the past ", "the last ", "the next ")) and words[-1] in _SPANS:
        count = 1.0  # "the past year": the twelve months to today, not the calendar year before
    if count is not None and shift:  # "the past eighteen months": a period ending (or starting) today
        other = _add_units(ref, words, count * shift)
        return (other, ref) if shift < 0 else (ref, other)
    if any(w.startswith("year") for w in words):
        y = ref.year + shift
        return date(y, 1, 1), date(y, 12, 31)
    if any(w.startswith("month") for w in words):
        y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return _month_span(y, m + 1)
    if any(w.startswith("week") for w in words):
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if "quarter" in words:
        y, q = divmod(ref.year * 4 + (ref.month - 1) // 3 + shift, 4)
        return date(y, 3 * q + 1, 1), _month_span(y, 3 * q + 3)[1]
    if any(w.startswith("decade") for w in words):
        first = (ref.year // 10 + shift) * 10
        return date(first, 1, 1), date(first + 9, 12, 31)
    if words[-1:] == ["century"]:
        first = (ref.year // 100 + shift) * 100
        return date(first, 1, 1), date(first + 99, 12, 31)
    if words[-1:] == ["day"]:
        d = ref + timedelta(days=shift)
        return d, d
    return None, None


def _add_units(ref: date, words: list[str], n: float) -> date:
    unit = next((w.rstrip("s") for w in words if w.rstrip("s") in ("day", "week", "month", "year", "decade")), "day")
    if unit in ("month", "year", "decade"):
        months = int(n * {"month": 1, "year": 12, "decade": 120}[unit])
        y, m = divmod(ref.year * 12 + ref.month - 1 + months, 12)
        return date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1]))
    return ref + timedelta(days=n * (7 if unit == "week" else 1))


_FIXED_HOLIDAYS = (("christmas eve", 12, 24), ("new year's eve", 12, 31), ("new year", 1, 1), ("christmas", 12, 25),
                   ("boxing", 12, 26), ("valentine", 2, 14), ("hallowe", 10, 31), ("bonfire", 11, 5))
_EASTER_OFFSETS = (("good friday", -2), ("easter monday", 1))


def holiday(surface: str, ref: date, tense: int) -> date | None:
    """The day of a named holiday in the year the tense points to (`Christmas` told in March: the last one)."""
    lower = surface.lower().replace("’", "'")
    for name, month, day in _FIXED_HOLIDAYS:
        if name in lower:
            return date(_year_by_tense(ref, month, day, tense), month, day)
    if "thanksgiving" in lower:
        year = _year_by_tense(ref, 11, 25, tense)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November
    easter = _easter(_year_by_tense(ref, 4, 1, tense))
    return easter + timedelta(days=next((d for name, d in _EASTER_OFFSETS if name in lower), 0))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)
