"""Temporal expressions: dates, weekdays, months, years, relative expressions, quarters, seasons, durations.

One compiled alternation, longest forms first, so "Friday 12 January 2005" is one span and "early next
year" is not split. Each named group gives the kind; resolution to dates is done only when the caller
knows the article's reference date (see resolve.py).
"""
from __future__ import annotations

import re
from datetime import date

from transforms.extract import triggers
from transforms.extract.numbers import WORD_NUMBER
from transforms.extract.resolve import resolve
from transforms.model import Span, Temporal

_MONTH = ("January|February|March|April|June|July|August|September|October|November|December"
          "|Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_ANY_MONTH = _MONTH + "|May|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYPART = r"(?:\s(?:morning|afternoon|evening|night))"
_UNIT = r"(?:year|month|week|weekend|fortnight|quarter|season|decade|century|day|summer|winter|spring|autumn|half|term|financial year|fiscal year)"
_UNITS = r"(?:years|months|weeks|days|decades|centuries|hours|minutes|seconds|seasons|quarters|weekends|fortnights)"
_COUNT = rf"(?:\d+(?:\.\d+)?|{WORD_NUMBER}|[Aa]|[Aa]n|several|[Aa] few|few|[Aa] couple of|many|some|two-and-a-half|a half)"
_DUR_QUAL = r"(?:(?:nearly|almost|about|around|over|more than|less than|at least|just|some|up to)\s)"
_EDGE = r"(?:(?:early|late|mid|the end of|the start of|the beginning of|the middle of|the rest of)[- ]?\s?)"
_REL_DET = r"(?:[Tt]his|[Nn]ext|[Ll]ast|[Tt]he coming|the past|the previous|the following|the next|the last|the current|the same|the first|the final|the new|earlier this|later this|early next|late next|early this|late last|early last|late this)"

_TEMPORAL = re.compile(
    rf"(?=[\w])(?<![\w-])(?:"
    rf"(?P<date>(?:(?:{_WEEKDAY}),?\s)?(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?(?:{_ANY_MONTH})(?:,?\s(?:19|20)\d\d)?"
    rf"|(?:(?:{_WEEKDAY}),?\s)?(?:{_ANY_MONTH})\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d\d)?(?!\d)"
    rf"|(?:19|20)\d\d-\d\d-\d\d)"
    rf"|(?P<monthyear>(?:{_EDGE})?(?:{_ANY_MONTH})\s(?:of\s)?(?:19|20)\d\d)"
    rf"|(?P<weekday>(?:(?:last|next|this|on|early|late|since|until|by)\s)?(?:{_WEEKDAY}){_DAYPART}?|(?:{_WEEKDAY}|[Tt]oday(?!\sprogramme)|[Yy]esterday|[Tt]omorrow)'?s?)"
    rf"|(?P<time>\d{{1,2}}:\d\d\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST)?(?![\w%])|\d{{1,2}}\.\d\d\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST)(?!\w)|\d{{1,2}}\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    rf"|[0-2]\d[0-5]\d\s?(?:GMT|BST|hrs|hours)\b|midnight|noon|midday)"
    rf"|(?P<relative>(?:[Tt]his|[Ll]ast|[Nn]ext|[Tt]omorrow|[Yy]esterday)\s(?:morning|afternoon|evening|night)"
    rf"|(?:{_EDGE})?(?:{_REL_DET})\s(?:(?:{_COUNT})\s(?:[a-z]+\s)?)?(?:{_UNITS}|{_UNIT})(?:'s)?(?:\sof\sthe\s(?:week|month|year))?"
    rf"|(?:{_COUNT}\s(?:{_UNITS}|{_UNIT})\s(?:ago|earlier|later|before|previously))"
    rf"|[Tt]oday(?!\sprogramme)|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Rr]ecent (?:weeks|months|years|days))"
    rf"|(?P<quarter>(?:the\s)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s(?:quarter|half)(?:\sof\s(?:the\s(?:year|decade)|(?:19|20)\d\d))?"
    rf"|Q[1-4](?:\s(?:19|20)\d\d)?)"
    rf"|(?P<season>(?:(?:the|this|last|next|early|late)\s)?(?:{_EDGE})?(?:spring|summer|autumn|winter)(?:\s(?:of\s)?(?:19|20)\d\d)?(?![\w-]))"
    rf"|(?P<month>(?:(?:in|since|until|by|last|next|early|late|mid|of|from|during|between|and|through)[- ]?\s?)?(?:{_MONTH})(?![\w-])"
    rf"(?!\s(?:of\s)?(?:19|20)\d\d))"  # "in March 2003": no month here, so the month and year match as one
    rf"|(?P<maymonth>(?<=in\s|by\s|on\s)(?:May|March)(?![\w-]))"
    rf"|(?P<decade>(?:the\s)?(?:early\s|mid-|late\s)?(?:19|20)?\d0s)"
    rf"|(?P<oldyear>(?:(?<=in\s)|(?<=of\s)|(?<=since\s)|(?<=until\s))1[0-8]\d\d(?![\w%.,]\d|\s?%|\s[a-z]+s\b))"
    rf"|(?P<year>(?:(?:early|late|mid)[- ]?\s?)?(?:19|20)\d\d(?:[-/](?:\d\d|(?:19|20)\d\d))?(?![\w%.,]\d|\s?%|\s?(?:bn|m|million|billion|tonnes?|people|users)\b))"
    rf"|(?P<duration>(?:{_DUR_QUAL})?(?:{_COUNT})\s(?:more\s|full\s|straight\s|successive\s|consecutive\s)?(?:{_UNITS})(?![\w-])"
    rf"|(?:(?<=for\s)|(?<=than\s)|(?<=over\s)|(?<=within\s)|(?<=after\s)|(?<=nearly\s))(?:{_DUR_QUAL})?an?\s(?:year|month|week|decade|day|fortnight)(?![\w-])"
    rf"|(?:nearly|almost|about|over|more than)\sa\s(?:(?:whole|full)\s)?(?:decade|year|century|minute|month|week)"
    rf"|(?:(?<=for\s)|(?<=than\s)|(?<=over\s)|(?<=within\s)|(?<=after\s)|(?<=nearly\s)|(?<=in\s)|(?<=took\s))an?\s(?:hour|minute)(?![\w-])"
    rf"|[Hh]alf[- ]an?[- ](?:hour|year|century|day)(?![\w-]))"
    rf")"
)
_KINDS = {"date": ("date", "day"), "monthyear": ("month", "month"), "weekday": ("weekday", "day"),
          "relative": ("relative", None), "quarter": ("quarter", "quarter"), "season": ("season", "season"),
          "month": ("month", "month"), "maymonth": ("month", "month"), "decade": ("year", "decade"),
          "year": ("year", "year"), "oldyear": ("year", "year"), "duration": ("duration", "duration"),
          "time": ("time", "day")}
_LEAD_WORDS = re.compile(r"^(?:on|in|since|until|by|of|from|during|between|and|through)\s", re.I)
_GRANULARITY = re.compile(r"(year|month|week|fortnight|quarter|season|decade|century|day|summer|winter|spring|autumn|half|morning|afternoon|evening|night|today|yesterday|tomorrow|tonight)", re.I)
_GRAIN_OF = {"summer": "season", "winter": "season", "spring": "season", "autumn": "season", "half": "quarter",
             "morning": "day", "afternoon": "day", "evening": "day", "night": "day", "today": "day",
             "yesterday": "day", "tomorrow": "day", "tonight": "day", "fortnight": "week", "century": "decade"}


# Every alternative of the grammar contains one of these heads (a year is found by _YEAR_HEAD).
HEADS = triggers.Heads(
    tuple("January February March April May June July August September October November December Jan Feb Mar Apr"
          " Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday today Today"
          " yesterday Yesterday tomorrow Tomorrow tonight Tonight Q1 Q2 Q3 Q4 midnight noon midday".split()),
    prefixes=tuple("year month week day fortnight quarter half season decade centur summer winter spring autumn"
                   " term morning afternoon evening night hour minute second Monday Tuesday Wednesday Thursday"
                   " Friday Saturday Sunday today Today".split()))
# Digits that can head an expression: a year, a decade, a clock time. Led by \d so `re` scans fast.
_YEAR_HEAD = re.compile(r"\d(?:\d\d\d(?!\d)|0s|[:.]\d\d|\s?[ap]\.?m\b)")
# How far an expression reaches before its head word ("the first two trading " days) and after it
# (", 2005", " of the year"). Longer leads are rare and still match from a later word.
_BEFORE, _AFTER = 26, 20


def _matches(text: str, heads: list[tuple[int, int]]):
    hits = heads + triggers.regex_hits(_YEAR_HEAD, text)
    last_end = 0
    for lo, hi in triggers.windows(hits, _BEFORE, _AFTER, len(text)):
        for m in _TEMPORAL.finditer(text, lo, hi):
            if m.start() >= last_end:
                last_end = m.end()
                yield m


def find_temporals(text: str, loc: int | None, headline: int | None, reference: date | None,
                   heads: list[tuple[int, int]]) -> list[Temporal]:
    """`heads`: where the text has one of HEADS (see triggers.Scanner)."""
    out = []
    for m in _matches(text, heads):
        group = m.lastgroup
        start, surface = m.start(), m.group()
        lead = _LEAD_WORDS.match(surface)
        if lead and group in ("weekday", "month"):
            start, surface = start + lead.end(), surface[lead.end():]
        surface_end = start + len(surface)
        if surface.endswith(("'s", "’s")):
            surface, surface_end = surface[:-2], surface_end - 2
        kind, grain = _KINDS[group]
        if grain is None:
            g = _GRANULARITY.search(surface)
            word = g.group(1).lower() if g else "day"
            grain = _GRAIN_OF.get(word, word)
        begin, finish = resolve(kind, surface, reference) if reference else (None, None)
        out.append(Temporal(Span(loc, headline, start, surface_end, surface), kind, grain, begin, finish))
    return out
