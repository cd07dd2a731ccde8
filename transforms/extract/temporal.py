"""Temporal expressions: dates, weekdays, months, years, relative expressions, quarters, seasons, durations.

One compiled alternation, longest forms first, so "Friday 12 January 2005" is one span and "early next
year" is not split. Each named group gives the kind; resolution to dates is done only when the caller
knows the article's reference date (see resolve.py).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from transforms.extract import lexicon, timex, triggers
from transforms.extract.gazetteer import places
from transforms.extract.numbers import WORD_NUMBER
from transforms.extract.resolve import MONTHS, resolve
from transforms.extract.resolve import holiday as resolve_holiday
from transforms.model import Span, Temporal

_MONTH = ("January|February|March|April|June|July|August|September|October|November|December"
          "|Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
_ANY_MONTH = _MONTH + "|May|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYPART = r"(?:\s(?:morning|afternoon|evening|night))"
_UNIT = r"(?:year|month|week|weekend|fortnight|quarter|season|decade|century|day|summer|winter|spring|autumn|half|term|financial year|fiscal year)"
_UNITS = r"(?:years|months|weeks|days|decades|centuries|hours|minutes|seconds|seasons|quarters|weekends|fortnights)"
_HALF_MORE = r"(?:-and-a-half|\sand\sa\shalf)"
_COUNT = rf"(?:(?:\d+(?:\.\d+)?|{WORD_NUMBER}){_HALF_MORE}?|[Aa]|[Aa]n|several|[Aa] few|few|[Aa] couple of|many|some)"
_DUR_QUAL = r"(?:(?:nearly|almost|about|around|over|more than|less than|at least|just|some|up to)\s)"
_EDGE = r"(?:(?:early|late|mid|the end of|the start of|the beginning of|the middle of|the rest of)[- ]?\s?)"
_REL_DET = r"(?:[Tt]his|[Nn]ext|[Ll]ast|[Tt]he coming|[Cc]oming|[Tt]he past|[Tt]he previous|[Tt]he following|[Tt]he next|[Tt]he last|[Tt]he current|[Tt]he same|[Tt]he first|[Tt]he final|[Tt]he new|[Tt]his past|earlier this|later this|early next|late next|early this|late last|early last|late this|Earlier this|Later this)"

_HOLIDAY = (r"(?:Christmas|New\sYear)(?:'s)?\s(?:Day|Eve)|Christmas|Boxing\sDay|Valentine's\sDay|Hallowe'?en"
            r"|Easter(?:\s(?:Sunday|Monday|Day))?|Good\sFriday|Bonfire\sNight|Thanksgiving(?:\sDay)?")
_AGO_WORDS = r"(?:ago|earlier|later|before|previously)(?![\w-])"
_YEAR_AFTER = r"(?:(?:19|20)\d\d|that\syear|the\s(?:same|following|previous)\syear)"
_SET_UNIT = r"(?:day|week|month|year|decade|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn|hour|minute|quarter|season)"
_ANAPHOR_BEFORE = r"(?:(?<=[Aa]t\s)|(?<=[Dd]uring\s)|(?<=[Ff]or\s)|(?<=[Ii]n\s)|(?<=[Oo]ver\s)|(?<=[Tt]hroughout\s)|(?<=[Ss]ince\s)|(?<=[Ll]ater\s)|(?<=[Ee]arlier\s))"

# Each kind opens with a lookahead on the characters it can start with: `re` leaves a kind at once at a word that
# cannot start it instead of trying its alternatives (a fifth of the grammar's time over BBC, profiled). A test
# (test_temporal_grammar_kinds_open_with_their_first_letters) checks each class admits every way its kind starts.
_TEMPORAL = re.compile(
    rf"(?=[\w])(?<![\w-])(?:"
    rf"(?=[\dADFJMNOSTWt])(?P<date>(?:(?:{_WEEKDAY}),?\s)?(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?(?:{_ANY_MONTH})(?:,?\s(?:19|20)\d\d)?"
    rf"|(?:(?:{_WEEKDAY}),?\s)?(?:{_ANY_MONTH})\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d\d)?(?!\d)"
    rf"|(?:19|20)\d\d-\d\d-\d\d)"
    rf"|(?=[ADFJMNOSelmt])(?P<monthyear>(?:{_EDGE})?(?:{_ANY_MONTH})\s(?:of\s)?{_YEAR_AFTER})"
    rf"|(?=[\dEadefhmnoqstwy])(?P<set>(?:[Ee]very|[Ee]ach)\s(?:other\s|single\s)?(?:(?:\d+|{WORD_NUMBER}|few)\s)?(?:{_SET_UNIT}|{_WEEKDAY})s?(?![\w-])"
    rf"|(?:once|twice|(?:three|four|five|six|several|\d+)\stimes)\s(?:a|an|per|every|each)\s{_SET_UNIT}(?![\w-])"
    rf"|(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|fortnightly|nightly)(?![\w-])"
    rf"|on\s(?:{_WEEKDAY})s(?![\w'’-]))"  # not "The Happy Mondays"
    rf"|(?=[BCEGHNTV])(?P<holiday>(?:{_HOLIDAY})(?![\w-]))"  # not "9 a.m. Eastern"
    rf"|(?=[FMSTWYelnty])(?P<weekday>(?:(?:last|next|this|early|late)\s)?(?:{_WEEKDAY}){_DAYPART}?(?![a-z])|(?:{_WEEKDAY}|[Tt]oday(?!\sprogramme)|[Yy]esterday|[Tt]omorrow)(?:['’]s)?(?![a-z]))"
    rf"|(?=[\dmn])(?P<time>\d{{1,2}}:\d\d\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST)?(?![\w%])|\d{{1,2}}\.\d\d\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST)(?!\w)|\d{{1,2}}\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    rf"|[0-2]\d[0-5]\d\s?(?:GMT|BST|hrs|hours)\b|midnight|noon|midday)"
    rf"|(?=[CELNRTYcelmnrty])(?P<relative>(?:[Tt]his|[Ll]ast|[Nn]ext|[Tt]omorrow|[Yy]esterday)\s(?:morning|afternoon|evening|night)"
    rf"|(?:{_EDGE})?(?:{_REL_DET})\s(?:(?:{_COUNT})\s(?:[a-z]+\s)?)?(?:{_UNITS}|{_UNIT})(?![\w-])(?:'s)?(?:\sof\s(?:the\s(?:week|month|year)|(?:19|20)\d\d))?"
    rf"|[Tt]he\s(?:day|night|week|month|year)\s(?:before|after|earlier|later)(?!\s(?:the|a|an|his|her|their|its)\s)"
    rf"|[Tt]oday(?!\sprogramme)|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Rr]ecent (?:weeks|months|years|days))"
    rf"|(?P<anaphor>(?=th){_ANAPHOR_BEFORE}the\s(?:year|month|weekend|week|decade)(?![\w-]|\s(?:to|ending|ended|ahead|before|after|earlier|later|ago|old|in\sreview)\b|'s)"
    rf"|(?:(?:the\s(?:end|start|beginning|middle|rest)\sof\s)the\s(?:year|month|week|decade)(?![\w-])"
    rf"|that\s(?:day|week|month|year|decade)(?![\w-])))"
    rf"|(?=[\dQflst])(?P<quarter>(?:the\s)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s(?:quarter|half)(?:\sof\s(?:the\s(?:year|decade)|(?:19|20)\d\d))?"
    rf"|Q[1-4](?:\s(?:19|20)\d\d)?)"
    rf"|(?=[aelmnstw])(?P<season>(?:(?:the|this|last|next|early|late)\s)?(?:{_EDGE})?(?:spring|summer|autumn|winter)(?:\s(?:of\s)?(?:19|20)\d\d)?(?![\w-]))"
    rf"|(?=[ADFJMNOSelmnt])(?P<month>(?:(?:{_EDGE})(?:(?:last|next|this)\s)?|(?:last|next|this)\s)(?:{_ANY_MONTH})(?![\w-])(?!\s(?:of\s)?{_YEAR_AFTER})"
    rf"|(?:{_MONTH})(?![\w-])"
    rf"(?!\s(?:of\s)?{_YEAR_AFTER}))"  # "in March 2003": no month here, so the month and year match as one
    rf"|(?P<maymonth>(?=Ma[yr])(?:(?<=[Ii]n\s)|(?<=by\s)|(?<=on\s)|(?<=since\s)|(?<=until\s)|(?<=[Ff]rom\s)|(?<=and\s))(?:May|March)(?![\w-]))"
    rf"|(?=[\delmt])(?P<decade>(?:the\s)?(?:early\s|mid-|late\s)?(?:19|20)?\d0s)"
    rf"|(?P<oldyear>(?=1[0-8]\d\d)(?:(?<=in\s)|(?<=of\s)|(?<=since\s)|(?<=until\s))1[0-8]\d\d(?![\w%.,]\d|\s?%|\s[a-z]+s\b))"
    rf"|(?=[\deflm])(?P<year>(?:(?:early|late|mid)[- ]?\s?|fiscal\s)?(?:19|20)\d\d(?:[-/](?:\d\d|(?:19|20)\d\d))?(?![\w%.,]\d|\s?%|\s?(?:bn|m|million|billion|tonnes?|people|users)\b))"
    # a length, or, with "ago" after it, a date: "six years ago" (see _AGO)
    # (one alternative for all that start with a count: each number-word alternation costs a try at every word)
    rf"|(?=[\dAEFHNOSTacdefhjlmnostuwy])(?P<duration>(?:{_DUR_QUAL})?(?:{_COUNT})(?:\s(?:more\s|full\s|straight\s|successive\s|consecutive\s)?"
    rf"(?:{_UNITS}(?![\w-])(?:\s{_AGO_WORDS})?|{_UNIT}\s{_AGO_WORDS}"
    rf"|(?:{_UNITS}|{_UNIT})\sand\sa\shalf(?![\w-]))"  # "a year and a half"
    rf"|-(?:year|month|week|day|hour|minute|decade|century)(?![\w-]))"  # a four-year deal
    rf"|(?=[a-z])(?:(?<=for\s)|(?<=than\s)|(?<=over\s)|(?<=within\s)|(?<=after\s)|(?<=nearly\s)|(?<=in\s)|(?<=by\s))(?:{_DUR_QUAL})?an?\s(?:year|month|week|decade|day|fortnight)(?![\w-])"
    rf"|an?\s(?:year|month|week|decade|day|fortnight)(?=\safter\s)"  # "a week after losing it"
    rf"|(?:nearly|almost|about|over|more than)\sa\s(?:(?:whole|full)\s)?(?:decade|year|century|minute|month|week)"
    rf"|(?=an?\s)(?:(?<=for\s)|(?<=than\s)|(?<=over\s)|(?<=within\s)|(?<=after\s)|(?<=nearly\s)|(?<=in\s)|(?<=by\s)|(?<=took\s))an?\s(?:hour|minute)(?![\w-])"
    rf"|[Hh]alf[- ]an?[- ](?:hour|year|century|day)(?![\w-])"
    rf"|(?=[a-z])(?<=for\s)(?:years|months|weeks|days|decades|centuries|hours)(?![\w-]))"  # "for decades"

    rf"|(?P<these_days>these\sdays(?![\w-]))"
    rf")"
)
_KINDS = {"date": ("date", "day"), "monthyear": ("month", "month"), "weekday": ("weekday", "day"),
          "relative": ("relative", None), "quarter": ("quarter", "quarter"), "season": ("season", "season"),
          "month": ("month", "month"), "maymonth": ("month", "month"), "decade": ("year", "decade"),
          "year": ("year", "year"), "oldyear": ("year", "year"), "duration": ("duration", "duration"),
          "time": ("time", "day"), "set": ("set", None), "holiday": ("date", "day"), "anaphor": ("relative", None),
          "present": ("relative", "day"), "these_days": ("relative", "day")}
_LEAD_WORDS = re.compile(r"^(?:on|in|since|until|by|of|from|during|between|and|through)\s", re.I)
_LED = frozenset(("weekday", "month", "set"))
_GRANULARITY = re.compile(r"(year|month|week|fortnight|quarter|season|decade|century|day|summer|winter|spring|autumn|half|morning|afternoon|evening|night|today|yesterday|tomorrow|tonight|annual|daily|hour|minute)", re.I)
_GRAIN_OF = {"summer": "season", "winter": "season", "spring": "season", "autumn": "season", "half": "quarter",
             "morning": "day", "afternoon": "day", "evening": "day", "night": "day", "today": "day",
             "yesterday": "day", "tomorrow": "day", "tonight": "day", "fortnight": "week", "century": "century",
             "annual": "year", "daily": "day", "hour": "day", "minute": "day"}
# "Sunday Times", "Mail on Sunday": newspapers, not days.
_NEWSPAPER_AFTER = re.compile(r"\s(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|People|Sport|Tribune|Independent"
                              r"|Star|World|Business|Observer|Record|Night\sLive)\b")
_NEWSPAPER_BEFORE = re.compile(r"(?:Mail|Independent|Scotland|Wales|Observer|Express|Star|Sport|Herald)\son\s$")
# Resolved by the tense of their sentence when they name no year (see resolve.py).
_TENSED = frozenset(("weekday", "month", "maymonth", "date", "holiday"))
_TENSE_CUE = re.compile(
    r"(?P<future>\b(?:will|won't|shall|would|is\sdue|are\sdue|going\sto"
    r"|(?:is|are)\s(?:also\s|now\s|still\s)?(?:set|expected|scheduled|due)\s(?:to|for|on)"
    r"|plans?\sto|planning\sto|intends?\sto|ahead|upcoming|hopes?\sto|aims?\sto|must|next)\b|['’]ll\b)"
    # a participle after "is", "be", "as" is no past ("if it is held", "as expected")
    r"|(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bas\s)(?P<past>\b(?:said|was|were|had|did|told|ago|held|met|went|came|took|gave|made|won|lost|rose|fell|saw|left"
    r"|began|ran|spoke|wrote|sold|bought|paid|got|led|brought|became|kept|found|sent|spent|struck|broke|chose|grew"
    r"|knew|beat|stood|back(?=\sin\b)|[a-z]{2,}[^e\W]ed)\b)")  # "way back in October"
# A relative expression that is a stretch of time, not a calendar period: "the past three years", "the next 18
# months", "the coming weeks", "recent years", "the past year".
_STRETCH = re.compile(rf"(?:[Tt]he\s)?(?:past|last|next|coming|first|final|previous|following)\s(?:(?:few|several"
                      rf"|\d+(?:\.\d+)?|{WORD_NUMBER}|couple\sof)\s(?:[a-z]+\s)?)?[a-z]+s$"
                      r"|[Tt]he\s(?:past|last|next)\s(?:year|month|week|decade|fortnight)$|[Rr]ecent\s[a-z]+$")
# A year written out: its value needs no reference date.
_OWN_YEAR = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")
_NO_REFERENCE = date(2000, 1, 1)
_AGO_ENDS = ("ago", "earlier", "later", "before", "previously")
_CLAUSE_END = re.compile(r"[.;:\"“”]")
_WORDS = re.compile(r"[a-z]+")
_FINER_THAN = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month"),
               "year": ("day", "week", "month", "quarter", "season", "half", "year"),
               "decade": ("day", "week", "month", "quarter", "season", "half", "year", "decade")}

# Vague points of time (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF), found apart from the grammar (see _matches).
_VAGUE_HEADS = frozenset("now Now currently Currently nowadays Nowadays recently Recently future past".split())
_VAGUE_INITIALS = frozenset(w[0] for w in _VAGUE_HEADS)
_VAGUE_POINT = re.compile(r"(?P<present>(?<![\w-])(?:(?:[Nn]ow|[Cc]urrently|[Nn]owadays|[Rr]ecently(?!\sas\s))"
                          r"|the\s(?:future|past))(?![\w-]))")

# Every alternative of the grammar contains one of these heads (a year is found by _YEAR_HEAD).
HEADS = triggers.Heads(
    tuple("January February March April May June July August September October November December Jan Feb Mar Apr"
          " Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday today Today"
          " yesterday Yesterday tomorrow Tomorrow tonight Tonight Q1 Q2 Q3 Q4 midnight noon midday now Now currently"
          " Currently nowadays Nowadays recently Recently future past daily annually Christmas Easter Boxing Bonfire"
          " Halloween Hallowe'en Thanksgiving".split()),
    prefixes=tuple("year month week day fortnight quarter half season decade centur summer winter spring autumn"
                   " term morning afternoon evening night hour minute second Monday Tuesday Wednesday Thursday"
                   " Friday Saturday Sunday today Today Year Valentine".split()))
# Digits that can head an expression: a year, a decade, a clock time. Led by \d so `re` scans fast.
_YEAR_HEAD = re.compile(r"\d(?:\d\d\d(?!\d)|0s|[:.]\d\d|\s?[ap]\.?m\b)")
# How far an expression reaches before its head word ("the first two trading " days) and after it
# (", 2005", " of the year"). Longer leads are rare and still match from a later word.
_BEFORE, _AFTER = 26, 20


def _matches(text: str, heads: list[tuple[int, int]]) -> list[re.Match]:
    # "now", "recently", "the future" stand alone: one small pattern where they are, not the grammar around them
    # (they are as common as all the other heads together).
    vague = [h for h in heads if text[h[0]] in _VAGUE_INITIALS and text[h[0]:h[1]] in _VAGUE_HEADS]
    hits = ([h for h in heads if h not in vague] if vague else heads) + triggers.regex_hits(_YEAR_HEAD, text)
    found, last_end = [], 0
    for lo, hi, last_head in _windows(hits, len(text)):
        # Every alternative contains a head, so none starts after the window's last one: the grammar is tried
        # at the word starts up to it only (a third fewer tries than scanning the whole window, profiled).
        pos = lo
        for word in _WORD_START.finditer(text, lo, last_head + 1):
            if word.start() < pos:
                continue
            m = _TEMPORAL.match(text, word.start(), hi)
            if m is not None:
                pos = m.end()
                if m.start() >= last_end:
                    last_end = m.end()
                    found.append(m)
    if vague:
        found = _with_vague(text, vague, found)
    return found


# A word start where some kind of the grammar may start: only the characters the kinds' lookaheads admit
# ("in", "by", "is" are never tried; a test checks the class against the grammar).
_WORD_START = re.compile(r"(?<![\w-])[\dA-HJLMNOQRSTVWYac-fhjl-oq-uwy]")


def _windows(hits: list[tuple[int, int]], n: int) -> list[list[int]]:
    """[lo, hi, start of the last head] around the heads, merged where they overlap."""
    out: list[list[int]] = []
    for start, end in sorted(hits):
        lo, hi = max(0, start - _BEFORE), min(n, end + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1][1], out[-1][2] = max(out[-1][1], hi), start
        else:
            out.append([lo, hi, start])
    return out


def _with_vague(text: str, vague: list[tuple[int, int]], found: list[re.Match]) -> list[re.Match]:
    taken = [(m.start(), m.end()) for m in found]
    for start, _ in vague:
        m = _VAGUE_POINT.match(text, start - 4 if text.endswith("the ", 0, start) else start)
        if m and not any(lo < m.end() and m.start() < hi for lo, hi in taken):
            found.append(m)
    return sorted(found, key=lambda m: m.start()) if len(found) > 1 else found


def find_temporals(text: str, loc: int | None, headline: int | None, reference: date | None,
                   heads: list[tuple[int, int]], earlier: list[Temporal] | tuple = ()) -> list[Temporal]:
    """`heads`: where the text has one of HEADS (see triggers.Scanner). `earlier`: the article's expressions
    before this text, for "the year", "that month", "October of that year" (anaphora)."""
    out: list[Temporal] = []
    for m in _matches(text, heads):
        group = m.lastgroup
        start, surface = m.start(), m.group()
        if group == "duration" and surface.endswith(_AGO_ENDS):
            group = "relative"
        elif group == "these_days":
            group = "present"
        lead = _LEAD_WORDS.match(surface) if group in _LED else None
        if lead:
            start, surface = start + lead.end(), surface[lead.end():]
        if surface.endswith(("'s", "’s")):
            surface = surface[:-2]
        end = start + len(surface)
        if group == "year" and surface[0].isdigit() and _named(text, start):
            continue
        if group in ("weekday", "set") and (_NEWSPAPER_AFTER.match(text, end)
                                            or _NEWSPAPER_BEFORE.search(text, max(0, start - 16), start)):
            continue
        kind, grain = _KINDS[group]
        if grain is None:
            g = _GRANULARITY.search(surface)
            word = g.group(1).lower() if g else "day"
            grain = _GRAIN_OF.get(word, word)
        span = Span(loc, headline, start, end, surface)
        out.append(_temporal(group, kind, grain, span, reference, text, earlier, out))
    return _times_on_their_days(out) if reference else out


# A year right after a capitalised word mid-sentence is part of a name: "Fifa 2005", "Windows 2000", "Office 2003";
# after a place it is a time still ("Jimmy Carter in Iowa 1976", "a record going back to Vienna 2003").
_NAME_BEFORE = re.compile(r"(?:[^.!?\"“\s]\s|^)(?P<word>[A-Z][A-Za-z]+)\s$")
_BEFORE_A_YEAR = lexicon.NOT_NAMES | frozenset("Summer Spring Autumn Winter Fall Christmas Easter".split())


def _named(text: str, start: int) -> bool:
    m = _NAME_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group("word") not in _BEFORE_A_YEAR \
        and m.group("word").lower() not in MONTHS and m.group("word") not in places()


def _temporal(group: str, kind: str, grain: str, span: Span, reference: date | None, text: str,
              earlier: list[Temporal] | tuple, here: list[Temporal]) -> Temporal:
    surface = span.text
    if group in ("year", "oldyear"):  # the commonest kind, and the simplest: no resolution needed
        year = int(_OWN_YEAR.search(surface).group())
        if reference is None:
            return Temporal(span, kind, grain, None, None, "DATE", str(year))
        return Temporal(span, kind, grain, date(year, 1, 1), date(year, 12, 31), "DATE", str(year))
    # Without a reference date, what names its own year still has a value (start/end stay unknown).
    value_ref = reference or (_NO_REFERENCE if _OWN_YEAR.search(surface) else None)
    begin = finish = None
    if value_ref is not None and group not in ("duration", "set", "present"):
        tense = (-1 if text.endswith("since ", 0, span.start) else _tense(text, span.start, span.end)) \
            if group in _TENSED else 0
        if group == "anaphor" and surface.endswith("weekend"):  # "over the weekend" just gone, or the coming one
            begin, finish = resolve("relative", "this weekend" if _tense(text, span.start, span.end) > 0
                                    else "last weekend", value_ref)
        elif group == "anaphor" or group == "monthyear" and not _OWN_YEAR.search(surface):
            begin, finish = _anaphor(surface, (*earlier, *here), value_ref)
        elif group == "time":
            begin = finish = value_ref  # moved to the day named beside it by _times_on_their_days
        elif group == "holiday":
            begin = finish = resolve_holiday(surface, value_ref, tense)
        elif group == "relative" and surface.endswith(_AFTER_ANOTHER):  # "four years later": after the last date
            begin, finish = resolve(kind, surface, _last_date(surface, (*earlier, *here), value_ref), tense)
        else:
            begin, finish = resolve(kind, surface, value_ref, tense)
        if group in ("quarter", "season") and begin is not None and not _SAYS_WHICH.search(surface):
            begin, finish = _by_tense(begin, finish, value_ref, _tense(text, span.start, span.end))
    timex_type, value = _timex(group, kind, grain, surface, begin, finish)
    if reference is None:
        begin = finish = None
        value = value if value_ref is not None or timex_type != "DATE" else timex.unanchored_value(kind, surface)
        if timex_type == "TIME" and value is not None and value.startswith("None"):
            value = "XXXX-XX-XX" + value[4:]
    elif group == "present" and surface.lower() in ("now", "currently", "nowadays", "these days"):
        begin = finish = reference
    return Temporal(span, kind, grain, begin, finish, timex_type, value)


_AFTER_ANOTHER = ("later", "earlier")
_UNIT_IN = re.compile(r"(day|week|month|year|decade)s?\s(?:later|earlier)$")
# A quarter or season that names its year or its place ("this summer", "the next quarter") needs no tense.
_SAYS_WHICH = re.compile(r"\b(?:this|last|next|coming|past|previous|following|current|same|(?:19|20)\d\d)\b", re.I)


def _last_date(surface: str, before: tuple, ref: date) -> date:
    """The date a "later"/"earlier" counts from: the latest expression at least as fine as its unit, else the
    reference date ("elected in 2012 and re-elected four years later" is 2016)."""
    unit = _UNIT_IN.search(surface.lower())
    if unit is None:
        return ref
    finer = _FINER_THAN[unit.group(1)]
    return next((t.start_date for t in reversed(before) if t.start_date is not None and t.granularity in finer
                 and t.timex_type in ("DATE", "TIME")), ref)


def _by_tense(begin: date, finish: date, ref: date, tense: int) -> tuple[date, date]:
    """A quarter or season named without its year: the last one in a past-tense sentence ("profit rose in the
    fourth quarter" in January), the next one in a future-tense one."""
    step = -1 if tense < 0 and begin > ref else 1 if tense > 0 and finish < ref else 0
    return (_plus_years(begin, step), _plus_years(finish, step)) if step else (begin, finish)


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _timex(group: str, kind: str, grain: str, surface: str, begin: date | None, finish: date | None):
    if group == "duration" or group == "relative" and _STRETCH.match(surface):
        return "DURATION", timex.duration_value(surface)
    if group == "set":
        return "SET", timex.set_value(surface)
    if group == "present":
        lower = surface.lower()
        return "DATE", ("PAST_REF" if lower in ("recently", "the past") else
                        "FUTURE_REF" if lower == "the future" else "PRESENT_REF")
    day = begin.isoformat() if begin else None
    if group == "time":
        clock = timex.clock_value(surface)
        return "TIME", f"{day}{clock}" if clock else None
    part = timex.daypart_code(surface) if group in ("relative", "weekday") else None
    if part:
        return "TIME", f"{day}T{part}" if day else None
    value = timex.period_value(begin, finish, grain) if begin else None
    if value and grain == "week" and "weekend" in surface:
        value += "-WE"  # TIMEX3 "2005-W10-WE": the weekend of that week
    return "DATE", value


# A full stop that ends a sentence, not an abbreviation's ("11 p.m. ET", "Jan. 5", "Mr. Smith").
_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)[.!?]\s+(?=[A-Z\"“‘'])")


def _tense(text: str, start: int, end: int) -> int:
    """1 when the nearest tense cue of the sentence around [start, end) speaks of the future ("will", "is due
    to", "next"), -1 of the past ("said", "was", "-ed"), 0 without one."""
    lo = max(0, start - 70)
    for end_of_sentence in _SENTENCE_END.finditer(text, lo, start):
        lo = end_of_sentence.end()
    hi = min(end + 30, len(text))  # cues come before, or just after ("on Friday held")
    stop = _CLAUSE_END.search(text, end, hi)  # not in the next sentence or a quotation after it
    hi = stop.start() if stop else hi
    best, tense = None, 0
    for m in _TENSE_CUE.finditer(text, lo, hi):
        distance = start - m.end() if m.end() <= start else m.start() - end
        if distance >= 0 and (best is None or distance < best):
            best, tense = distance, 1 if m.lastgroup == "future" else -1
    return tense


def _anaphor(surface: str, before: tuple, ref: date) -> tuple[date, date]:
    """"the year", "that month", "the end of the year": the period of the latest expression at least that fine,
    else the reference date's."""
    unit = surface.rsplit(" ", 1)[-1].lower()
    finer = _FINER_THAN[unit]
    anchor = next((t.start_date for t in reversed(before) if t.start_date is not None and t.granularity in finer
                   and t.timex_type == "DATE"), ref)
    month = next((MONTHS[w] for w in _WORDS.findall(surface.lower()) if w in MONTHS), None)
    if month:  # "October of that year", "March the following year"
        step = 1 if "following" in surface else -1 if "previous" in surface else 0
        first = date(anchor.year + step, month, 1)
        return first, first.replace(day=calendar.monthrange(first.year, month)[1])
    if unit == "day":
        return anchor, anchor
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return anchor.replace(day=1), anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1])
    first = anchor.year // 10 * 10 if unit == "decade" else anchor.year
    return date(first, 1, 1), date(first + (9 if unit == "decade" else 0), 12, 31)


def _times_on_their_days(found: list[Temporal]) -> list[Temporal]:
    """A clock time next to a day ("Friday at noon", "midnight on Tuesday 9 November") is on that day."""
    out = list(found)
    for i, t in enumerate(found):
        if t.kind != "time" or t.timex_value is None:
            continue
        for j in (i - 1, i + 1):
            day = found[j] if 0 <= j < len(found) else None
            if day is not None and day.granularity == "day" and day.kind in ("date", "weekday") \
                    and day.start_date is not None and abs(day.span.start - t.span.start) <= 30:
                clock = t.timex_value[10:]
                out[i] = t._replace(start_date=day.start_date, end_date=day.start_date,
                                    timex_value=day.start_date.isoformat() + clock)
                break
    return out
