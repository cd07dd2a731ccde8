"""Fact extraction: Article -> Facts (entities with aliases, quotes with speakers, quantities, temporals).

A pure function of its input: no files (beyond the gazetteers loaded once at import), no clock, no state
between calls. Facts are ordered by where they sit (title, body paragraphs, related headlines) then offset.
"""
from __future__ import annotations

import re
from datetime import date

from transforms.extract import aliases, entities, lexicon, quotes, triggers
from transforms.extract.gazetteer import orgs, places, small_towns, towns
from transforms.extract.names import GIVEN_NAMES
from transforms.extract.quantities import FRACTION_HEADS, NUMBER_WORDS, find_quantities
from transforms.extract.runs import by_place
from transforms.extract.speakers import SpeakerResolver
from transforms.extract.temporal import HEADS as TEMPORAL_HEADS
from transforms.extract.temporal import find_temporals
from transforms.model import TITLE, Article, Entity, Facts, Quote, Span

__all__ = ["extract_facts"]

# Words that mark a match report: there, a city name is a club and "100m" is a distance.
_SPORT = triggers.Heads(tuple(
    "goal goals match striker midfielder defender keeper league cup coach tries try penalty kick seed champion"
    " champions tournament squad fixture rugby football tennis cricket wicket innings stadium scored unbeaten"
    " semi-final quarter-final final injury injured hamstring caps capped flanker fly-half scrum-half full-back"
    " centre-back winger prop hooker referee derby loan transfer Premiership seeded".split()) + ("Six Nations",))
_SPORT_MIN_HITS = 4
# The words that name a kind of work before its title ("the film Ray"); see _without_works.
_WORK_WORDS = ("film", "movie", "biopic", "album", "song", "novel", "musical", "sitcom", "documentary", "thriller",
               "blockbuster", "sequel", "remake", "re-make")  # not "play", "show", "book": verbs before a team's
# name. A match report has its "drama" and "series" too ("still drama as Nunez beat Cech", "the series against").
_SHOW_WORDS = ("comedy", "comedies", "drama", "series")
# Every word the title grammars need: most texts have none, and skip them.
_WORKS = triggers.Heads((), prefixes=_WORK_WORDS + _SHOW_WORDS + (
    "role", "starr", "appear", "debut", "cast", "prize", "award", "nomination", "actor", "actress", "co-star"))
_HEADS = triggers.Scanner({"sport": _SPORT, "temporal": TEMPORAL_HEADS, "numbers": NUMBER_WORDS,
                           "fraction": FRACTION_HEADS, "works": _WORKS})

places(), orgs(), towns(), small_towns()  # build the gazetteers at import, not inside the first timed call


def extract_facts(article: Article, reference_date: date | None = None) -> Facts:
    texts = list(article.texts())
    locs = [(pi, hp) for pi, hp, _ in texts]
    headline_locs = frozenset(i for i, (pi, _) in enumerate(locs) if pi is None)
    body = " ".join(t for pi, _, t in texts if pi is not None)
    heads = [_HEADS.scan(text) for _, _, text in texts]
    # Counted per text: the words have no spaces, so none spans the join of the body.
    sport = sum(len(h["sport"]) for h, (pi, _, _) in zip(heads, texts) if pi is not None) >= _SPORT_MIN_HITS

    # A wire story in capitals throughout is read like a headline: capitals say nothing, known names count.
    shouting = entities.mostly_upper(body)
    mentions, seen = [], {}
    for i, (pi, _, text) in enumerate(texts):
        weak = pi == TITLE or pi is None or shouting
        mentions.extend(entities.find_mentions(i, text, body, weak, sport, seen))
    _with_ordinals(mentions, texts)
    _people_in_lists(mentions, texts)
    quantities = [q for (pi, hp, text), h in zip(texts, heads) for q in find_quantities(text, pi, hp, sport, h)]
    mentions = _outside_money(mentions, quantities, locs)
    cued = {i for i, h in enumerate(heads) if h["works"]}
    if cued:
        mentions = _without_works(mentions, [t for _, _, t in texts], sport, cued)
    if not shouting:
        mentions = _outside_title_case_titles(mentions, texts)
    clusters, headline_clusters, of_mention = aliases.merge(mentions, headline_locs, sport)
    ents = _entities(clusters, locs)
    quoted = {i: quotes.quote_spans(text) for i, (_, _, text) in enumerate(texts)}
    resolver = SpeakerResolver(of_mention, mentions, quoted, {i: t for i, (_, _, t) in enumerate(texts)})

    raw_quotes = []
    for i, (_, _, text) in enumerate(texts):
        found = quotes.find_quotes(i, text, resolver, quoted[i])
        raw_quotes.extend(found)
    for q in raw_quotes:  # a quote opening a paragraph, introduced at the end of the one before
        if q.cue is None and q.start <= 1 and q.loc - 1 >= 0 and locs[q.loc - 1][0] not in (None, TITLE) \
                and locs[q.loc][0] is not None:
            quotes.introduced_before(q, q.loc - 1, texts[q.loc - 1][2], resolver)
        if q.cue is None and q.loc + 1 < len(locs) and locs[q.loc + 1][0] not in (None, TITLE) \
                and locs[q.loc][0] is not None:
            quotes.signed_below(q, texts[q.loc][2], q.loc + 1, texts[q.loc + 1][2], resolver)
    body_quotes = [q for q in raw_quotes if q.loc not in headline_locs]
    quotes.continue_speakers(body_quotes, resolver.person_between, resolver.carried_on)
    facts_quotes = tuple(_quote(q, locs) for q in raw_quotes)

    temporals = []
    for (pi, hp, text), text_heads in zip(texts, heads):
        temporals.extend(find_temporals(text, pi, hp, reference_date, text_heads["temporal"], temporals))
    return Facts(ents, facts_quotes, tuple(quantities), tuple(temporals),
                 headline_entities=_entities(headline_clusters, locs))


def _outside_money(mentions: list, quantities: list, locs: list) -> list:
    """`mentions` less those inside an amount of money: "CHF" in "CHF 300m", "HK" in "HK$20m" is a currency."""
    where = {loc: i for i, loc in enumerate(locs)}
    money: dict[int, list[tuple[int, int]]] = {}  # by text: most mentions share none with an amount
    for q in quantities:
        if q.kind == "money":
            money.setdefault(where[(q.span.paragraph_index, q.span.headline_position)], []).append(
                (q.span.start, q.span.end))
    if not money:
        return mentions
    return [m for m in mentions if m.loc not in money or not any(s <= m.start and m.end <= e for s, e in money[m.loc])]


_ORDINAL_BEFORE = re.compile(r"(?<![\w,.])\d{1,3}(?:st|nd|rd|th) $")


def _with_ordinals(mentions: list, texts) -> None:
    """"21st Century Fox", "101st Airborne Division": an ordinal right before an organisation's name is part of
    it (the run of capitals starts after it)."""
    for m in mentions:
        if m.type == "ORG" and m.canonical is None and " " in m.name and m.start > 3 and not m.weak:
            text = texts[m.loc][2]
            ordinal = text[m.start - 1] == " " and _ORDINAL_BEFORE.search(text, max(0, m.start - 6), m.start)
            if ordinal:
                m.start = ordinal.start()
                m.text = text[m.start:m.end]
                m.name = f"{ordinal.group()}{m.name}"


# "Ivanka, 34;": an age after a name; "Eric Trump, 32; Tiffany, 22; and Barron": the items of a list of people.
_AGE_AFTER = re.compile(r",\s\d{1,3}(?=[,;)]|\.?$|\.\s)")  # not "Meantime, 32% said"
_LIST_GAP = re.compile(r"(?:,\s\d{1,3})?(?:[,;]\s(?:and\s)?|\sand\s)")


def _people_in_lists(mentions: list, texts) -> None:
    """A lone unexplained name with an age after it, or listed beside people, is a person (even after a ";")."""
    first, prev = 0, None  # the current group of listed names is mentions[first:i]
    for i, m in enumerate(mentions):
        text = texts[m.loc][2]
        if m.type == "UNKNOWN" and text.startswith(", ", m.end) and _AGE_AFTER.match(text, m.end):
            _as_listed_person(m)
        if prev is None or m.loc != prev.loc or not 2 <= m.start - prev.end <= 12 \
                or not _LIST_GAP.fullmatch(text, prev.end, m.start):
            if i - first > 1:
                _listed_people(mentions[first:i], texts)
            first = i
        prev = m
    if len(mentions) - first > 1:
        _listed_people(mentions[first:], texts)


def _listed_people(group: list, texts) -> None:
    if _a_list_of_people(group, texts):
        for g in group:
            # not "Unfortunately, John Smith said" (a sentence's first word), nor "Women" (a common word)
            if not g.initial and not g.common_word and not lexicon.common_word(g.name):
                _as_listed_person(g)


def _a_list_of_people(group: list, texts) -> bool:
    """Three names or more, or two joined by "and", one of them a person by a given name or a title (two
    joined by a comma are often a name and its outlet or place: "Dana Reyes, HuffPost")."""
    if not any(g.type == "PERSON" and not g.guess for g in group):
        return False
    return len(group) >= 3 or "and" in texts[group[1].loc][2][group[0].end:group[1].start]


def _as_listed_person(m) -> None:
    if m.type == "UNKNOWN" and " " not in m.name and not m.weak:
        m.type, m.initial, m.common_word = "PERSON", False, False


def _full_name(m) -> bool:
    first, _, rest = m.name.partition(" ")
    return bool(rest) and first in GIVEN_NAMES


# Films, songs, books and shows are not entities (the gold conventions): a name right after one of these words
# ("the film Ray", "hit movie Sideways", "films such as The Aviator", "the novel The Da Vinci Code"), after a
# role or an award in one ("his role in Closer", "the best director prize for Million Dollar Baby"), or before
# its cast ("Ray actor Jamie Foxx") is a title; so is that name elsewhere in the article ("Ray won five Oscars")
# and a name listed with it ("Million Dollar Baby, Sideways and Closer"), unless a gazetteer knows it.
def _work_before(show_words: tuple[str, ...]) -> re.Pattern:
    shows = rf"|\b(?:{'|'.join(show_words)})s?,?\s(?:such\sas\s|like\s|including\s)?" if show_words else ""
    return re.compile(rf"(?:\b(?:{'|'.join(_WORK_WORDS)})s?,?\s(?:such\sas\s|like\s|including\s|as\s)?{shows}"
                      r"|\b(?:prize|award|nomination)s?\sfor\s)(?:[Tt]he\s)?$")  # "such blockbusters as Speed"


_WORK_BEFORE = {False: _work_before(_SHOW_WORDS), True: _work_before(())}  # by `sport`
# A part in a work, outside match reports ("his role in the Tigers revival" is a club's).
_PART_BEFORE = re.compile(r"\b(?:(?:roles?|starring|starred|appeared|appears|debut)\sin|cast\sof)\s(?:[Tt]he\s)?$")
# "star" is a band's member too ("Westlife star Brian McFadden"), and bands are organisations.
_CAST_AFTER = re.compile(r"\s(?:actor|actress|co-star)\s[A-Z]|,\sin\swhich\s[A-Z][\w'’\-]*(?:\s[A-Z][\w'’\-]*)?"
                         r"\s(?:plays|played|stars|starred)\b")
# The words of a title before the mention ("Eternal Sunshine of the " Spotless Mind): the cue is before them.
_TITLE_WORDS_BEFORE = re.compile(r"(?:(?:[A-Z][\w'’\-]*|of|the|a|in)\s)+$")
_LISTED = re.compile(r"(?:,\s|\sand\s|/)$")


def _without_works(mentions: list, texts: list[str], sport: bool, cued: set[int]) -> list:
    """`mentions` less those of names used as titles, and of names inside a title ("the album The Diary of
    Alicia Keys": that mention only); a given name and a surname stay ("the film's director Tim Dams" is a
    person, whatever comes before). `cued`: the texts with a word of _WORKS, the only ones looked at."""
    titles, inside = set(), set()
    for m in mentions:
        # the words after a person ("the award for best comedy, Walliams said", "a nomination for Staunton, 49,")
        if m.loc in cued and _maybe_title(m) and not entities.ONLY_A_PERSON_AFTER.match(texts[m.loc], m.end):
            text = texts[m.loc]
            if _cued(text, m.start, sport) or not sport and _CAST_AFTER.match(text, m.end):
                titles.add(m.name)
            else:
                words = _TITLE_WORDS_BEFORE.search(text, max(0, m.start - 40), m.start)
                if words and _cued(text, words.start(), sport):
                    inside.add(by_place(m))
    if not titles and not inside:
        return mentions
    titles |= _listed_with(mentions, titles, texts)
    return [m for m in mentions if m.canonical is not None or m.name not in titles and by_place(m) not in inside]


# A title in title case capitalises its small words ("Gangs Of New York", "Once Upon a Time", "Lost In Translation");
# news prose never does mid-sentence, and names hardly ever ("Bank of America"): one such word after a word or a
# comma marks a title, with the capitalised words before it and the title-case words after it. Not after a title
# word ("Chief Of Staff Rahm Emanuel"); not "Without" ("Reporters Without Borders"); a known name opening the
# title is kept ("CBS This Morning").
# (The lookahead on the first letter halves the time of the scan: measured over the BBC corpus.)
_TITLE_SMALL_WORD = re.compile(r" (?=[UWOIATFBMYNDH])(?:Upon|With|Of|In|On|At|To|For|From|Into|Over|By|Is|Are|Was|Were|Be|It"
                               r"|Its|My|Your|Me|You|We|Not|Do|Don't|And|Her|His|Their|Our|This|That|Have|Has) ")
_TITLE_WORDS_AFTER = re.compile(r"(?:(?:the |a |an |of )?[A-Z][\w'’\-]*(?: |$))*")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w\-]*(?<![’']s) )*$")


def _outside_title_case_titles(mentions: list, texts) -> list:
    """`mentions` less those inside a title written in title case in a body paragraph."""
    spans = {}
    for i, (pi, _, text) in enumerate(texts):
        if pi is None or pi == TITLE:
            continue
        for small in _TITLE_SMALL_WORD.finditer(text):
            at = small.start()
            if not text[at - 1:at].isalnum() and text[at - 1:at] != ",":
                continue  # "... said. In London": a sentence's first word
            if text[text.rfind(" ", 0, at) + 1:at] in lexicon.HONORIFICS:
                continue
            before = _CAPITALISED_BEFORE.search(text, max(0, at - 60), at + 1)
            after = _TITLE_WORDS_AFTER.match(text, small.end())
            spans.setdefault(i, []).append((before.start(), after.end()))
    if not spans:
        return mentions
    return [m for m in mentions if not any(start <= m.start and m.end <= end and not (m.canonical and m.start == start)
                                           for start, end in spans.get(m.loc, ()))]


def _cued(text: str, start: int, sport: bool) -> bool:
    return bool(_WORK_BEFORE[sport].search(text, max(0, start - 30), start)
                or not sport and _PART_BEFORE.search(text, max(0, start - 20), start))


def _maybe_title(m) -> bool:
    """Not a known name, a person named in full or with a title, a people, an event ("nominations for the Brit
    Awards"), nor a person owning one ("a remake of Roald Dahl's novel", "appeared in Brown's film")."""
    return m.canonical is None and m.honorific is None and m.type not in ("NORP", "EVENT") \
        and not (m.possessive and m.type in ("PERSON", "UNKNOWN")) and not _full_name(m)  # "Howl's Moving Castle" is a title


def _listed_with(mentions: list, titles: set[str], texts: list[str]) -> set[str]:
    """The other names in a list of three or more ("Million Dollar Baby, Sideways and Closer") with a title, or
    of two whose first is a title; a title after a name ("rapper Twista and Ray actor Jamie Foxx") is too weak."""
    listed, run = set(), []
    for m in sorted(mentions, key=by_place) + [None]:
        prev = run[-1] if run else None
        if m is not None and prev is not None and m.loc == prev.loc and m.start - prev.end <= 6 \
                and _LISTED.search(texts[m.loc], prev.end, m.start):
            run.append(m)
            continue
        # three names, or two after a cue naming the first a title ("starred in Gladiator and Titanic")
        if len(run) >= 3 and any(r.name in titles for r in run) or len(run) == 2 and run[0].name in titles:
            listed.update(r.name for r in run if _maybe_title(r) and r.type != "PERSON")
        run = [m]
    return listed


def _entities(clusters, locs) -> tuple[Entity, ...]:
    """The clusters as entities, in the order of their first mentions (each cluster's mentions sorted once)."""
    placed = sorted(((sorted(c.mentions, key=by_place), c) for c in clusters),
                    key=lambda placed: (by_place(placed[0][0]), placed[1].order))
    return tuple([_entity(c, mentions, locs) for mentions, c in placed])


def _span(loc: int, start: int, end: int, text: str, locs) -> Span:
    pi, hp = locs[loc]
    return Span(pi, hp, start, end, text)


def _entity(cluster, mentions: list, locs) -> Entity:
    spans = tuple([Span(*locs[m.loc], m.start, m.end, m.text) for m in mentions])
    forms = {m.text for m in mentions}
    forms.update([m.name for m in mentions])
    forms.discard(cluster.name)
    return Entity(cluster.name, cluster.type, tuple(sorted(forms)), spans)


def _quote(q, locs) -> Quote:
    speaker = q.speaker
    return Quote(_span(q.loc, q.start, q.end, q.text, locs), speaker.name if speaker else None,
                 speaker.type if speaker else None, q.surface, q.cue)
