"""Fact extraction: Article -> Facts (entities with aliases, quotes with speakers, quantities, temporals).

A pure function of its input: no files (beyond the gazetteers loaded once at import), no clock, no state
between calls. Facts are ordered by where they sit (title, body paragraphs, related headlines) then offset.
"""
from __future__ import annotations

from datetime import date

from transforms.extract import aliases, entities, quotes, triggers
from transforms.extract.gazetteer import orgs, places, towns
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

    mentions = []
    for i, (pi, _, text) in enumerate(texts):
        mentions.extend(entities.find_mentions(i, text, body, weak=pi == TITLE or pi is None, sport=sport))
    clusters, headline_clusters, of_mention = aliases.merge(mentions, headline_locs, sport)
    ents = tuple(_entity(c, locs) for c in _ordered(clusters))
    resolver = _SpeakerResolver(of_mention, mentions)

    raw_quotes = []
    for i, (pi, _, text) in enumerate(texts):
        found = quotes.find_quotes(i, text, resolver)
        raw_quotes.extend(found)
    body_quotes = [q for q in raw_quotes if q.loc not in headline_locs]
    quotes.continue_speakers(body_quotes)
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
    """Maps a speaker phrase at a position to an entity cluster: a name mention there, or for a pronoun or
    role noun the most recent person (or organisation) mentioned before it."""

    def __init__(self, of_mention, mentions) -> None:
        self.of_mention = of_mention
        self.ordered = sorted(((m.loc, m.start), of_mention[(m.loc, m.start)]) for m in mentions
                              if (m.loc, m.start) in of_mention)

    def __call__(self, loc: int, pos: int, who: str):
        kind = quotes.role_kind(who)
        if kind is None:
            for (mloc, mstart), cluster in self.ordered:
                if mloc == loc and pos <= mstart < pos + len(who):
                    return cluster if cluster.type in ("PERSON", "ORG", "GPE", "NORP") else None
            return None
        for (mloc, mstart), cluster in reversed(self.ordered):
            if (mloc, mstart) < (loc, pos) and cluster.type == kind and not cluster.headline_only:
                return cluster
        return None
