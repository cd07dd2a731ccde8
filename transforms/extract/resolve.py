"""Resolve a temporal surface to (start_date, end_date) against the article's reference date.

News convention: a bare weekday or month is the most recent one up to the reference date unless "next"
says otherwise; "this/last/next year|month|week" are calendar periods; "N units ago" is a day.
Durations have no calendar position and resolve to (None, None).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from transforms.extract.numbers import parse_number

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_ANY_YEAR = re.compile(r"\d{4}")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_WORD = re.compile(r"[a-z]+")
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def resolve(kind: str, surface: str, ref: date) -> tuple[date | None, date | None]:
    try:
        return _resolve(kind, surface, ref)
    except (ValueError, OverflowError):
        return None, None


def _resolve(kind, surface, ref):
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
        month = next(_MONTHS[w] for w in words if w in _MONTHS)
        day = int(_DAY.search(surface.replace(year.group(), "") if year else surface).group(1))
        d = date(int(year.group()) if year else ref.year, month, day)
        return d, d
    if kind == "weekday":
        return _weekday(words, ref, shift)
    if kind == "month":
        month = next((_MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in _MONTHS), None)
        y = int(year.group()) if year else ref.year + (shift if shift else 0)
        return _month_span(y, month)
    if kind == "year":
        if "s" == lower[-1:]:
            decade = int(re.search(r"\d+", lower).group()) // 10 * 10
            return date(decade, 1, 1), date(decade + 9, 12, 31)
        y = int((year or _ANY_YEAR.search(surface)).group())  # "1776": before 1900 too
        return date(y, 1, 1), date(y, 12, 31)
    if kind == "quarter":
        return _quarter(lower, words, year.group() if year else None, ref)
    if kind == "season":
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
    if "ago" in words or "earlier" in words[-1:] or "later" in words[-1:]:
        n = next((parse_number(w) for w in words if parse_number(w) is not None), 1.0)
        unit = next((w for w in words if w.rstrip("s") in ("day", "week", "month", "year", "decade")), "day")
        days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit.rstrip("s")] * n
        d = ref - timedelta(days=days) if "ago" in words or "earlier" in words else ref + timedelta(days=days)
        return d, d
    if "earlier" in words or "later" in words:
        shift = 0
    count = next((parse_number(w) for w in words if parse_number(w) is not None and w not in ("a", "an")), None)
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
    return None, None


def _add_units(ref: date, words: list[str], n: float) -> date:
    unit = next((w.rstrip("s") for w in words if w.rstrip("s") in ("day", "week", "month", "year", "decade")), "day")
    if unit in ("month", "year", "decade"):
        months = int(n * {"month": 1, "year": 12, "decade": 120}[unit])
        y, m = divmod(ref.year * 12 + ref.month - 1 + months, 12)
        return date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1]))
    return ref + timedelta(days=n * (7 if unit == "week" else 1))
