"""Resolve one run of capitalised words into typed mentions (the grammar of names).

A run such as "Chairman of the Environmental Audit Committee Peter Ainsworth MP" is tried, in order, as a
whole known name, a title before a name, parts split at "and"/"&"/possessives, a shape (organisation
suffixes, "X of Y" heads, geographic heads, given names, initials, demonyms), a known name followed by
more words, and finally an unknown name. Offsets in the resulting mentions are relative to the run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from transforms.extract import gazetteer, lexicon
from transforms.extract.names import FAMOUS_SURNAMES, FIRST_NAMES, GIVEN_NAMES

_UPPER = "A-ZÀ-ÖØ-Þ"
_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|Maj|Adm|Cmdr|Supt|Insp|Mt|Ft)\."
_CAP = rf"{_ABBREV}|[{_UPPER}]\.(?= [{_UPPER}])|(?:[{_UPPER}]\.){{2,}}|(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][\w\-&]*(?:['’](?!s\b)[A-Za-z]+)*(?:\.(?:com|net|org|co\.uk)\b)?"
_TOKEN = re.compile(rf"{_CAP}|['’]s?|[a-z&]+|\d+")
_ALLCAPS = re.compile(r"^[A-Z][A-Z&]{1,5}s?$")
_INITIALS = re.compile(r"^[A-Z]{1,2}\.?$|^(?:[A-Z]\.){1,3}$")
_DOMAIN = re.compile(r"\.(?:com|net|org|co\.uk)$")
_PARTICLES = frozenset("Van Von De Di Da Du Del Della Dal Lo Le La Dos Mac Al El Ben Bin".split())
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z]")  # "D-N.Y.", "R-Texas": a US legislator's party and state
_TRAILING_GROUPS = frozenset("MPs MEPs MSPs AMs Ministers Peers Officials Fans Supporters Members Leaders".split())
_MONTH_SURNAMES = frozenset("May June April August Friday Monday West North South East Young Little".split())
_EVENT_SUFFIXES = frozenset("Award Awards Prize Prizes Trophy Cup Championship Championships Open Games Olympics"
                            " Festival Grand Prix Classic Marathon Tour Series Final Finals Show Expo Summit".split())
_ARTICLES = frozenset(["The", "A", "An"])
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Days named by the word before them: "Super Tuesday", "Good Friday", "Bloody Sunday".
_DAY_NAMERS = frozenset("Super Black Good Ash Bloody Palm Easter Cyber Holy Maundy Blue Whit Shrove".split())
_DAYS_AND_MONTHS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
                              " May June July August September October November December".split())
_SERVICES = frozenset("Radio Television TV News Sport Sports Online World International".split())
_PARTY_WORDS = frozenset("Democratic Democrat Democrats Republican Republicans Conservative Conservatives Labour"
                         " Liberal Liberals Green Greens Socialist Socialists Communist Communists Tory Tories".split())
_SPLITTERS = frozenset(["and", "&", "'s", "’s", "'", "’", "on", "upon"])
_LOOSE_JOINERS = frozenset(["on", "upon"])
_POSSESSIVES = frozenset(["'s", "’s", "'", "’"])
_NAME_PARTICLES = frozenset("de del della da di du van von der den le la bin al".split())
_LAWS = frozenset(["Bill", "Act", "Treaty", "Directive", "Convention", "Accord"])
_LOWER_JOINERS = _NAME_PARTICLES | frozenset("of the for and upon on".split())


@dataclass(slots=True)
class Mention:
    loc: int  # position of the text in article.texts() order
    start: int
    end: int
    text: str  # exact surface, possibly with honorific ("Mr Kim")
    name: str  # the name without honorific ("Kim")
    type: str  # PERSON, ORG, GPE, LOC, NORP, UNKNOWN
    canonical: str | None = None  # known canonical name (gazetteer, known org)
    honorific: str | None = None
    initial: bool = False  # first word of a sentence: capital proves nothing
    weak: bool = False  # in a title or headline: capitals prove nothing
    acronym_of: str | None = None  # expansion defined in the text: "Scottish National Party (SNP)"
    possessive: bool = False  # followed by 's: "Mr Mallon's arguments" (rarely the next "he")
    guess: bool = False  # typed PERSON only because it looks like a name (no given name, no title)
    cue: bool = False  # the words around it say it is a person ("said X", "X, 45,", "analyst X")
    common_word: bool = False  # a lone word also written in lower case in the article ("Life", "Shoes")
    located: bool = False  # a place name after "in", "to", "from"...: the place, even if a person bears it


by_place = attrgetter("loc", "start")  # a Mention's sort key: the order of the text


def resolve(tokens, initial, common, sport) -> list[Mention]:
    """Turn one capitalised run into mentions, splitting it where no single name covers it."""
    tokens = _trim(tokens)
    if not tokens:
        return []
    whole = _known(tokens, sport) or _product(tokens)
    if whole:
        return [whole]
    cut = _hyphen_modifier(tokens)
    if cut is not None:  # "UK-based", "Indian-administered": only the name before the hyphen counts
        head = (tokens[cut][0].split("-")[0], tokens[cut][1])
        rest = resolve(tokens[cut + 1:], False, common, sport)
        for i in range(cut):  # "A New Zealand-style scheme": the longest known name ending at the hyphen
            whole = _known(tokens[i:cut] + [head], sport)
            if whole:
                return resolve(tokens[:i], initial, common, sport) + [whole] + rest
        found = _known([head], sport)
        return resolve(tokens[:cut], initial, common, sport) + ([found] if found else []) + rest
    if tokens[0][0] in _ARTICLES or tokens[0][0] in lexicon.NOT_NAMES and not _strip_honorific(tokens)[0] \
            and not _known_head(tokens, sport) and not _starts_a_name(tokens, initial):  # "New York Giants"
        return resolve(tokens[1:], False, common, sport) if len(tokens) > 1 else []
    if len(tokens) > 1 and tokens[-1][0] in lexicon.POSTNOMINALS:
        found = resolve(tokens[:-1], initial, common, sport)  # "Peter Ainsworth MP"
        if len(found) == 1 and found[-1].type in ("UNKNOWN", "PERSON") and tokens[-1][0] in GENERATIONS:
            return [with_generation(found[-1], tokens[-1][0], tokens[-1][1] + len(tokens[-1][0]))]
        return [_as_person(found[-1])] if len(found) == 1 and found[-1].type == "UNKNOWN" else found
    honorific, rest = _strip_honorific(tokens)
    if honorific and rest:
        if rest[-1][0] in lexicon.ORG_SUFFIXES and rest[-1][0] not in lexicon.WEAK_ORG_SUFFIXES:
            start, end, name = _span(tokens)  # "Justice Department": a title word inside an organisation
            return [Mention(0, start, end, name, name, "ORG")]
        return _person(tokens, rest, honorific, initial, common, sport)
    loose = _split_at(tokens, _LOOSE_JOINERS)
    if loose:  # "London Critics' Circle on Wednesday": "on" never sits inside a name
        return [m for part in loose for m in resolve(part, initial and part is loose[0], common, sport)]
    if _dated(tokens):  # "The United States Tuesday said", "told CNBC Saturday"
        return resolve(tokens[:-1], initial, common, sport)
    split = _split_at(tokens, _SPLITTERS)
    if split:
        return _resolve_split(tokens, split, initial, common, sport)
    if tokens[-1][0].isdigit():
        return _numbered(tokens, initial, common, sport)
    if len(tokens) > 1 and tokens[-1][0] in _TRAILING_GROUPS:
        return resolve(tokens[:-1], initial, common, sport)  # "Labour MPs": the party, then its members
    for i in range(1, len(tokens)):  # "... Audit Committee Peter Ainsworth": an organisation, then a person
        if tokens[i][0] in GIVEN_NAMES and tokens[i - 1][0] in lexicon.ORG_SUFFIXES:
            return resolve(tokens[:i], initial, common, sport) + resolve(tokens[i:], False, common, sport)
    if tokens[0][0] in lexicon.DEMONYMS and len(tokens) > 1 and (
            tokens[1][0] in GIVEN_NAMES or _strip_honorific(tokens[1:])[0]):  # "British Prime Minister Tony Blair"
        return resolve(tokens[:1], initial, common, sport) + resolve(tokens[1:], False, common, sport)
    if _titled_person_at_end(tokens):  # "Tory MP Peter Luff", "UK Foreign Secretary Jack Straw"
        # Of the description, only names it holds ("Tory" is the Conservative Party): "Industry Secretary" is none.
        described = [m for m in resolve(tokens[:-2], initial, common, sport)
                     if m.canonical or m.type in ("GPE", "LOC", "NORP")]
        return described + resolve(tokens[-2:], False, common, sport)
    title = _title_before_name(tokens)
    if title is not None:  # "Senate Minority Leader Harry M. Reid", "Health Minister Nkechi Obi": whatever the
        # given name, a title word before two to four name words ends the description and starts the person
        described = [m for m in resolve(tokens[:title], initial, common, sport)
                     if m.canonical or m.type in ("GPE", "LOC", "NORP")
                     or m.type == "ORG" and m.name.split()[-1] in lexicon.ORG_SUFFIXES]
        return described + resolve(tokens[title:], False, common, sport)
    if len(tokens) > 1 and tokens[-1][0] in _PARTY_WORDS:
        place = _known(tokens[:-1], sport)
        if place is not None and place.type == "GPE":  # "Ohio Republican", "U.S. Democratic": a place, a party
            return [place] + resolve(tokens[-1:], False, common, sport)
    typed = _by_shape(tokens, sport)
    if typed:
        return [typed]
    if len(tokens) > 1 and not any(t in _LOWER_JOINERS for t, _ in tokens) and any(
            t in lexicon.ORG_WORDS for t, _ in tokens):
        start, end, name = _span(tokens)
        return [Mention(0, start, end, name, name, "ORG")]  # "Asia-Pacific Economic Cooperation"
    for size in range(len(tokens) - 1, 0, -1):  # "South Korea for the Asia-Pacific ...": a known name first
        head = _known(tokens[:size], sport)
        if head:
            rest = resolve(tokens[size:], False, common, sport)
            if _one_name(head, rest, tokens, size):
                start, end, name = _span(tokens)  # "Texas Instruments", "Sony Ericsson": one company
                return [Mention(0, start, end, name, name, "ORG")]
            return [head] + rest
    if initial and common:
        return resolve(tokens[1:], False, common, sport) if len(tokens) > 1 else []
    cut = next((i for i, (t, _) in enumerate(tokens) if t in _LOWER_JOINERS), None)
    if cut is not None:  # "William Corr of the Campaign for Tobacco-Free Kids": each side on its own
        return resolve(tokens[:cut], initial, common, sport) + resolve(tokens[cut + 1:], False, common, sport)
    return _unknown(tokens, initial)


_NAME_STARTERS = frozenset("All Will Old Big Great Best High Good Top Free Low North South East West Northern Southern"
                           " Eastern Western Central Internet".split())


_ORG_STARTERS = _NAME_STARTERS - frozenset("All Will Top Best Good".split())  # "top Republican Party officials"


def _dated(tokens) -> bool:
    """A weekday ends the run after a name, as US style dates a statement: not a day's own name ("Super
    Tuesday") nor a surname after a given name ("Mike Friday")."""
    if len(tokens) < 2 or tokens[-1][0] not in _WEEKDAYS or tokens[-2][0] in _DAY_NAMERS:
        return False
    return not (len(tokens) == 2 and _first_name(tokens[0][0]))


def _starts_a_name(tokens, initial: bool) -> bool:
    """"All Blacks", "Will Young", "Old Trafford", "West Brom", "Internet Explorer": mid-sentence, these words
    capitalised before one more capitalised word begin the name instead of being dropped."""
    if not initial and len(tokens) > 2 and tokens[0][0] in _ORG_STARTERS and tokens[-1][0] in lexicon.ORG_SUFFIXES \
            and tokens[-1][0] not in lexicon.WEAK_ORG_SUFFIXES:
        return True  # "Old Vic Theatre School", "Great Ormond Street Hospital": an organisation's first word
    return not initial and len(tokens) == 2 and tokens[0][0] in _NAME_STARTERS and tokens[1][0][:1].isupper() \
        and tokens[1][0] not in lexicon.NOT_NAMES and tokens[1][0] not in lexicon.DEMONYMS  # "North Koreans"


def _titled_person_at_end(tokens) -> bool:
    """A given name and a surname after a title, post-nominal or party/nationality word that does not start the
    run ("Industry Secretary Patricia Hewitt", "Liberal Democrat Sarah Teather"): the words before describe
    the person, they are not part of the name."""
    if len(tokens) < 3 or not _first_name(tokens[-2][0]) or tokens[-1][0] in lexicon.ORG_SUFFIXES:
        return False
    before = tokens[-3][0]
    return before in lexicon.HONORIFICS or before in lexicon.POSTNOMINALS or before in lexicon.DEMONYMS


# Generational suffixes are part of a name: Donald Trump Jr. is not Donald Trump.
GENERATIONS = frozenset("Jr Jr. Sr Sr. Jnr Snr".split())
# The last word of a title written before a name ("Leader", "Minister", "Chairman", "Sen.").
_TITLE_ENDS = frozenset(h.split()[-1] for h in lexicon.HONORIFICS) - frozenset(
    "Father Sister Brother King Queen Prince Princess Duke Duchess Earl Count Lord Lady Sir Dame Saint St. Major"
    " Baron Baroness Pope".split())


def with_generation(m: Mention, suffix: str, end: int) -> Mention:
    """"Donald Trump" + "Jr.": the son's own name, kept apart from the father's."""
    return Mention(0, m.start, end, m.text, f"{m.name} {suffix}", "PERSON", None, m.honorific, m.initial)


def _title_before_name(tokens) -> int | None:
    """Where a title word inside the run (not its first word) starts the person at its end: two to four
    name-like words, initials and a generational suffix allowed ("Minority Leader Harry M. Reid")."""
    for i in range(len(tokens) - 3, 0, -1):
        if tokens[i][0] not in _TITLE_ENDS:
            continue
        name = tokens[i + 1:]
        if len(name) > 4 or name[-1][0] in lexicon.ORG_SUFFIXES or name[0][0] in lexicon.NOT_NAMES:
            return None
        if all(_name_like(t) or t in GENERATIONS for t, _ in name) and _name_like(name[0][0]):
            return i
        return None
    return None


def _known_head(tokens, sport) -> bool:
    return any(_known(tokens[:size], sport) for size in range(2, min(4, len(tokens)) + 1))


def _one_name(head: Mention, rest: list[Mention], tokens, size: int) -> bool:
    """A known name followed, with no joiner, by one more word that is no name of its own ("Texas
    Instruments"), or by another known company ("Sony Ericsson"), names one organisation."""
    if any(t in _LOWER_JOINERS for t, _ in tokens):
        return False
    if len(rest) == 1 and rest[0].type == "ORG" and head.type == "ORG" and rest[0].canonical:
        return True
    tail = tokens[size:]
    if head.type == "ORG" and len(tail) <= 3 and tail[0][0] in _SERVICES:
        return True  # "BBC Radio Wales", "Sky Sports News", "CNN International": a broadcaster's service
    return (len(tail) == 1 and head.type == "GPE" and tail[0][0] not in GIVEN_NAMES
            and tail[0][0] not in _DAYS_AND_MONTHS  # "Philadelphia Wednesday": a place, then a day
            and tail[0][0] not in lexicon.HONORIFICS  # "Texas Sen. Ted Cruz": a place, then a title
            and (not rest or rest[0].type == "UNKNOWN") and tail[0][0] not in lexicon.DEMONYMS)


def _trim(tokens):
    # A leading possessive is what dropping a first word leaves: "Saturday's Six Nations" -> "Six Nations".
    while tokens and (tokens[0][0] in _LOWER_JOINERS or tokens[0][0] in _POSSESSIVES):
        tokens = tokens[1:]
    while tokens and (tokens[-1][0] in _LOWER_JOINERS or tokens[-1][0] in _POSSESSIVES):
        tokens = tokens[:-1]
    return tokens


def _hyphen_modifier(tokens) -> int | None:
    for i, (tok, _) in enumerate(tokens):
        head, _, tail = tok.partition("-")
        if tail[:1].islower() and head[:1].isupper():
            return i
    return None


def _numbered(tokens, initial, common, sport) -> list[Mention]:
    """"BBC Radio 4", "Channel 4": a broadcaster's numbered service is one name; elsewhere the number goes."""
    start, end, name = _span(tokens)
    if len(tokens) > 1 and tokens[-2][0] in lexicon.NUMBERED_SERVICES:
        return [Mention(0, start, end, name, name, "ORG")]
    return resolve(tokens[:-1], initial, common, sport)


def _resolve_split(tokens, split, initial, common, sport) -> list[Mention]:
    words = {t for t, _ in tokens}
    if "&" in words and not all(_known(part, sport) for part in split):
        start, end, name = _span(tokens)  # "Procter & Gamble", "Marks & Spencer": one company
        return [Mention(0, start, end, name, name, "ORG")]
    if "and" in words and tokens[-1][0] in lexicon.ORG_SUFFIXES and len(split) == 2 and len(split[0]) == 1 \
            and not any(_known(part, sport) for part in split) and split[0][0][0] not in GIVEN_NAMES:
        start, end, name = _span(tokens)  # "Securities and Exchange Commission": one body
        return [Mention(0, start, end, name, name, "ORG")]
    if tokens[-1][0] in lexicon.ORG_SUFFIXES and not _known(split[0], sport) and not words & {"and", "&"}:
        return [_by_shape(tokens, sport)]  # "Korean People's Army": the possessive is inside the name
    return [m for part in split for m in resolve(part, initial and part is split[0], common, sport)]


@cache
def _longest_known() -> int:
    """Tokens in the longest run that can be a known name: twice its words (each may carry a possessive
    token), plus a leading "the"."""
    return 2 * max(len(name.split()) for names in (gazetteer.orgs(), gazetteer.places()) for name in names) + 1


def _span(tokens) -> tuple[int, int, str]:
    start = tokens[0][1]
    end = tokens[-1][1] + len(tokens[-1][0])
    return start, end, _join(tokens)


def _join(tokens) -> str:
    if len(tokens) == 1:
        return tokens[0][0]
    out = " ".join([tok for tok, _ in tokens])
    return out.replace(" '", "'").replace(" ’", "’") if "'" in out or "’" in out else out


def _known(tokens, sport) -> Mention | None:
    """A run that is a whole known place or organisation ("Sea of Japan", "Bank of England")."""
    if len(tokens) > _longest_known():
        return None  # a run of thousands of capitalised words peels one at a time: no join of it all each time
    start, end, name = _span(tokens)
    lookup = name[4:] if name.startswith("the ") else name
    org = gazetteer.orgs().get(lookup)
    place = gazetteer.places().get(lookup)
    if org and place:  # "Liverpool" the club in a match report, the city elsewhere; "Toyota" the company
        as_org = sport or place[0] not in gazetteer.prominent()
        return Mention(0, start, end, name, lookup, "ORG" if as_org else place[1], org if as_org else place[0])
    if org:
        return Mention(0, start, end, name, lookup, "ORG", org)
    if place:
        return Mention(0, start, end, name, lookup, place[1], place[0])
    return None


def _product(tokens) -> Mention | None:
    """"Xbox", "Xbox 2", "Windows XP", "Internet Explorer", "Nintendo DS": a product, not its maker."""
    start, end, name = _span(tokens)
    words = name.split()
    if name in lexicon.PRODUCT_PHRASES or words[0] in lexicon.PRODUCTS and all(
            w in lexicon.PRODUCT_MODELS for w in words[1:]):
        return Mention(0, start, end, name, name, "PRODUCT")
    return None


_HONORIFIC_STARTS = frozenset(h.split()[0] for h in lexicon.HONORIFICS)


def _strip_honorific(tokens):
    if tokens[0][0] not in _HONORIFIC_STARTS:
        return None, tokens
    for size in (4, 3, 2, 1):
        if len(tokens) > size and _join(tokens[:size]) in lexicon.HONORIFICS:
            return _join(tokens[:size]), tokens[size:]
    return None, tokens


def _person(tokens, rest, honorific, initial, common, sport) -> list[Mention]:
    if len(rest) == 2 and rest[-1][0].isdigit():  # "Mr. Sanders 56 percent": the number is not in the name
        tokens, rest = tokens[:-1], rest[:-1]
    start, end, _ = _span(tokens)
    if all(t in lexicon.LONE_NOT_NAMES or t in _EVENT_SUFFIXES for t, _ in rest):
        return []  # "General Election", "Prime Minister": a title or a phrase, nobody named
    if len(rest) > 4 or any(t in _LOWER_JOINERS and t not in ("van", "von", "de", "bin", "al") for t, _ in rest):
        # "President of France", "Chairman of the Audit Committee Peter Ainsworth": a title phrase first
        return resolve(rest, False, common, sport)
    return [Mention(0, start, end, "", _join(rest), "PERSON", honorific=honorific)]


def _as_person(m: Mention) -> Mention:
    m.type = "PERSON"
    return m


def _split_at(tokens, splitters):
    """Parts of a run between splitter words, or None when there is nothing to split at."""
    parts, current = [], []
    for tok in tokens:
        if tok[0] in splitters:
            if current:
                parts.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    return parts if len(parts) > 1 else None


def _by_shape(tokens, sport) -> Mention | None:
    """Type a run from its own words: org suffixes and heads, geographic heads, given names, demonyms."""
    start, end, name = _span(tokens)
    first, last = tokens[0][0], tokens[-1][0]
    if first in lexicon.AWARDS and (len(tokens) == 1 or first not in GIVEN_NAMES or last in _EVENT_SUFFIXES):
        # "Oscar", "Golden Globe", "Tony Awards"; "Tony Smith" and "Olivier Beauvillain" are people
        return Mention(0, start, end, name, name, "EVENT")
    if len(tokens) > 1 and (last in _EVENT_SUFFIXES or last in _WEEKDAYS and first in _DAY_NAMERS) \
            and first not in GIVEN_NAMES:
        return Mention(0, start, end, name, name, "EVENT")  # "Century Award", "World Cup", "Super Tuesday"
    if len(tokens) > 1 and (last in _LAWS or first in _LAWS and tokens[1][0] == "of"):
        return Mention(0, start, end, name, name, "LAW")  # a law is named like an organisation, but is not one
    if len(tokens) > 1 and last in lexicon.ORG_SUFFIXES and not (first in GIVEN_NAMES and any(
            t in ("of", "at", "for") or t in _PARTICLES for t, _ in tokens[1:])):
        # not "Stuart Hensel of the ... Unit", not "Rob Da Bank"
        return Mention(0, start, end, name, name, "ORG")
    if len(tokens) > 2 and first not in GIVEN_NAMES and _org_head_of(tokens):
        return Mention(0, start, end, name, name, "ORG")
    if len(tokens) > 1 and (first in lexicon.LOC_HEADS or last in lexicon.LOC_HEADS) and first not in GIVEN_NAMES:
        return Mention(0, start, end, name, name, "LOC")
    if _demonym(first):
        return Mention(0, start, end, name, name, "NORP")
    if len(tokens) == 1 and _ALLCAPS.match(first) and first not in lexicon.LONE_NOT_NAMES:
        return Mention(0, start, end, name, name, "ORG")
    if len(tokens) == 1 and _DOMAIN.search(first):
        return Mention(0, start, end, name, name, "ORG")  # "Computerandvideogames.com"
    if 1 < len(tokens) <= 4 and all(_name_like(t) for t, _ in tokens[1:]) and (
            _INITIALS.match(first) or first in _PARTICLES) and first not in gazetteer.places():
        return Mention(0, start, end, name, name, "PERSON")  # "AR Rahman", "C Thomson", "Van Persie"
    if 1 < len(tokens) <= 5 and _first_name(first) and tokens[-1][0] not in _NAME_PARTICLES and all(
            _name_like(t) or t in _NAME_PARTICLES for t, _ in tokens[1:]):  # "Nick Van den Brul", "Ruud van Nistelrooy"
        return Mention(0, start, end, name, name, "PERSON")
    return None


def _demonym(word: str) -> bool:
    """"Hispanic", "Mexicans", "African-Americans", "Iowans", "Syrians": a people, by the list or the place."""
    if word in lexicon.DEMONYMS:
        return True
    if word.endswith("s") and word[:-1] in lexicon.DEMONYMS:
        return True
    if "-" in word:
        return all(_demonym(part) for part in word.split("-"))
    return word.endswith("ns") and word[:-2] in gazetteer.places()  # "Iowans", "Californians"


def _first_name(word: str) -> bool:
    """A given name opening a person's name: the hand list, or a common census first name that is no place."""
    return word in GIVEN_NAMES or word in FIRST_NAMES and word not in gazetteer.places()


def _org_head_of(tokens) -> bool:
    """"Bank of England", "Delft University of Technology": an organisation's head word before "of"/"for", with
    only capitalised words before it (not "Members of the Bank of England", "Ziyi Zhang for House of ..."), and
    no person after it ("the Labour Government of Harold Wilson")."""
    for i in range(len(tokens) - 2):
        if tokens[i][0] in _LOWER_JOINERS:
            return False
        if tokens[i][0] in lexicon.ORG_HEADS and tokens[i + 1][0] in ("of", "for"):
            return tokens[i + 2][0] not in GIVEN_NAMES
    return False


def _name_like(token: str) -> bool:
    if _INITIALS.match(token) and len(token) <= 2 or token in _MONTH_SURNAMES:
        return True  # a middle initial ("Charles A Blixt"), a surname that is also a month ("Tom May")
    return token[:1].isupper() and token not in lexicon.LONE_NOT_NAMES and not _ALLCAPS.match(token)


def _unknown(tokens, initial) -> list[Mention]:
    start, end, name = _span(tokens)
    if any(t in _LOWER_JOINERS for t, _ in tokens):
        return []
    if len(tokens) == 1:
        word = tokens[0][0]
        if len(word) == 1:
            return []  # a letter alone ("Plan B", "the letter T"): no name
        if word in lexicon.LANGUAGES:
            return [Mention(0, start, end, name, name, "MISC")]  # a language (no LANGUAGE type in the warehouse)
        if word in lexicon.LONE_NOT_NAMES or word in lexicon.ORG_SUFFIXES or word in _EVENT_SUFFIXES \
                or any(c.isdigit() for c in word) or _PARTY_STATE.match(word) or word in _TITLE_ENDS:
            return []  # "Campaign", "Party", "Council" alone are common nouns in capitals; "Gov." a title
        if name in FAMOUS_SURNAMES or name in GIVEN_NAMES and not initial:  # "his wife, ex-model Sandra"
            return [Mention(0, start, end, name, name, "PERSON", initial=initial)]
        return [Mention(0, start, end, name, name, "UNKNOWN", initial=initial)]
    if any(t in lexicon.ORG_WORDS for t, _ in tokens) or tokens[0][0] in gazetteer.places():
        return [Mention(0, start, end, name, name, "ORG", initial=initial)]
    if len(tokens) <= 3 and all(_name_like(t) for t, _ in tokens):
        return [Mention(0, start, end, name, name, "PERSON", initial=initial, guess=True)]
    return [Mention(0, start, end, name, name, "ORG", initial=initial)]
