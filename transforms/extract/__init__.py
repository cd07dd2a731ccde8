"""Fact extraction: Article -> Facts (entities with aliases, quotes with speakers, quantities, temporals).

A pure function of its input: no files (beyond the gazetteers loaded once at import), no clock, no state
between calls. Facts are ordered by where they sit (title, body paragraphs, related headlines) then offset.
"""
from __future__ import annotations

from datetime import date

from transforms.extract import aliases, entities, quotes, triggers
from transforms.extract.gazetteer import orgs, places, towns
from transforms.extract.names import FEMALE_NAMES, GIVEN_NAMES
from transforms.extract.quantities import find_quantities
from transforms.extract.temporal import find_temporals
from transforms.model import TITLE, Article, Entity, Facts, Quote, Span

__all__ = ["extract_facts"]

# Words that mark a match report: there, a city name is a club and "100m" is a distance.
_SPORT = triggers.automaton(
    "goal goals match striker midfielder defender keeper league cup coach tries try penalty kick seed champion"
    " champions tournament squad fixture rugby football tennis cricket wicket innings stadium scored unbeaten"
    " semi-final quarter-final final".split())
_SPORT_MIN_HITS = 4

places(), orgs(), towns()  # build the gazetteers at import, not inside the first timed call


def extract_facts(article: Article, reference_date: date | None = None) -> Facts:
    texts = list(article.texts())
    locs = [(pi, hp) for pi, hp, _ in texts]
    headline_locs = frozenset(i for i, (pi, _) in enumerate(locs) if pi is None)
    body = " ".join(t for pi, _, t in texts if pi is not None)
    sport = len(triggers.word_hits(_SPORT, body, whole_word=True)) >= _SPORT_MIN_HITS

    # A wire story in capitals throughout is read like a headline: capitals say nothing, known names count.
    shouting = entities.mostly_upper(body)
    mentions, seen = [], {}
    for i, (pi, _, text) in enumerate(texts):
        weak = pi == TITLE or pi is None or shouting
        mentions.extend(entities.find_mentions(i, text, body, weak, sport, seen))
    clusters, headline_clusters, of_mention = aliases.merge(mentions, headline_locs, sport)
    ents = tuple(_entity(c, locs) for c in _ordered(clusters))
    quoted = {i: quotes.quote_spans(text) for i, (_, _, text) in enumerate(texts)}
    resolver = _SpeakerResolver(of_mention, mentions, quoted)

    raw_quotes = []
    for i, (_, _, text) in enumerate(texts):
        found = quotes.find_quotes(i, text, resolver, quoted[i])
        raw_quotes.extend(found)
    body_quotes = [q for q in raw_quotes if q.loc not in headline_locs]
    quotes.continue_speakers(body_quotes, resolver.person_between)
    facts_quotes = tuple(_quote(q, locs) for q in raw_quotes)

    quantities, temporals = [], []
    for pi, hp, text in texts:
        quantities.extend(find_quantities(text, pi, hp, sport))
        temporals.extend(find_temporals(text, pi, hp, reference_date))
    return Facts(ents, facts_quotes, tuple(quantities), tuple(temporals),
                 headline_entities=tuple(_entity(c, locs) for c in _ordered(headline_clusters)))


def _ordered(clusters):
    return sorted(clusters, key=lambda c: (min((m.loc, m.start) for m in c.mentions), c.order))


def _span(loc: int, start: int, end: int, text: str, locs) -> Span:
    pi, hp = locs[loc]
    return Span(pi, hp, start, end, text)


def _entity(cluster, locs) -> Entity:
    mentions = sorted(cluster.mentions, key=lambda m: (m.loc, m.start))
    spans = tuple(_span(m.loc, m.start, m.end, m.text, locs) for m in mentions)
    forms = {m.text for m in mentions} | {m.name for m in mentions}
    return Entity(cluster.name, cluster.type, tuple(sorted(forms - {cluster.name})), spans)


def _quote(q, locs) -> Quote:
    speaker = q.speaker
    return Quote(_span(q.loc, q.start, q.end, q.text, locs), speaker.name if speaker else None,
                 speaker.type if speaker else None, q.surface, q.cue)


class _SpeakerResolver:
    """Maps a speaker phrase to an entity cluster: a person (else any name) mentioned inside the phrase or
    its apposition; for a pronoun or role noun, the most recent fitting person (or organisation) mentioned
    before it outside quotation marks, agreeing in gender when the name tells."""

    def __init__(self, of_mention, mentions, quoted) -> None:
        self.of_mention, self.mentions, self.quoted = of_mention, mentions, quoted
        self.ordered = None  # built on first use: most texts have no quote to resolve

    def _build(self) -> None:
        of_mention = self.of_mention
        ordered = [m for m in sorted(self.mentions, key=lambda m: (m.loc, m.start)) if (m.loc, m.start) in of_mention]
        self.ordered = [((m.loc, m.start), of_mention[(m.loc, m.start)]) for m in ordered]
        # Antecedents for "he said": outside quotation marks, and not a possessive ("Mr Mallon's arguments").
        self.outside = [((m.loc, m.start), of_mention[(m.loc, m.start)]) for m in ordered
                        if not m.possessive and not _inside(self.quoted.get(m.loc, ()), m.start)]

    def __call__(self, loc: int, start: int, end: int, who: str):
        if self.ordered is None:
            self._build()
        kind = quotes.role_kind(who)
        inside = [(mstart, c) for (mloc, mstart), c in self.ordered if mloc == loc and start <= mstart < end]
        # The person the phrase ends on ("Kasabian's singer Tom Meighan"), else the first in its apposition.
        in_who = [c for mstart, c in inside if mstart < start + len(who) and c.type == "PERSON"]
        person = in_who[-1] if in_who else next((c for _, c in inside if c.type == "PERSON"), None)
        inside = [c for _, c in inside]
        if person or (inside and kind is None):
            named = person or inside[0]
            return named if named.type in ("PERSON", "ORG", "GPE", "NORP") else None
        if kind is None:
            return None
        gender = _GENDER_OF_PRONOUN.get(who.lower())
        fallback = None
        for key, cluster in reversed(self.outside):
            if key >= (loc, start) or cluster.type != kind or cluster.headline_only:
                continue
            if gender is None or kind != "PERSON" or _gender(cluster) in (gender, None):
                return cluster
            fallback = fallback or cluster
        return fallback

    def person_between(self, prev, q):
        """The last person named (outside quotes) after quote `prev` ended and before quote `q` starts."""
        if self.ordered is None:
            self._build()
        found = None
        for key, cluster in self.outside:
            if (prev.loc, prev.end) <= key < (q.loc, q.start) and cluster.type == "PERSON":
                found = cluster
        return found


_GENDER_OF_PRONOUN = {"he": "m", "she": "f"}


def _gender(cluster) -> str | None:
    first = cluster.name.split()[0]
    if first in FEMALE_NAMES or any(m.honorific in _FEMALE_TITLES for m in cluster.mentions):
        return "f"
    if any(m.honorific in _MALE_TITLES for m in cluster.mentions):
        return "m"
    return "m" if first in GIVEN_NAMES else None


_FEMALE_TITLES = frozenset("Mrs Mrs. Ms Ms. Miss Lady Dame Baroness Queen Princess Duchess Sister Actress".split())
_MALE_TITLES = frozenset("Mr Mr. Sir Lord King Prince Duke Father Brother Baron Earl".split())


def _inside(spans, pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)
