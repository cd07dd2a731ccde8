"""Which entity a quantity is about, when the sentence says so: "Veltrix raised $4.2bn" -> Veltrix.

Precision over recall. A quantity is linked to an organisation, person or place only when that entity is the
subject of the clause holding the amount: its mention comes directly before one of the verbs below (an
auxiliary or adverb may sit between: "Veltrix has also paid"), and nothing but a few words without a clause
break, another entity or a reporting verb separates the verb from the amount ("Veltrix reported a pre-tax
profit of £3m"). A mention governed by a preposition ("shares in Veltrix rose 5%", "the head of Veltrix paid")
is not a subject. Everything else stays unlinked.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from transforms.model import Article, Entity, Facts

_SUBJECT_TYPES = frozenset({"ORG", "PERSON", "GPE"})
# Amounts a subject owns, gains, spends or loses. Not durations, ages or scores: "Idowu made his breakthrough
# five years ago", "an offer for 21-year-old defender", "Carlos made it 2-0" are not about the subject.
_KINDS = frozenset({"money", "percent", "count", "measure", "range"})
# Verbs whose subject owns, gains, spends or loses the amount that follows.
_VERBS = (
    "raises raised pays paid earn earns earned lose loses lost buys bought sell sells sold cuts invests invested"
    " reports reported posts posted make makes made win wins won spend spends spent borrow borrows borrowed owe"
    " owes owed generate generates generated receive receives received secure secures secured offers offered"
    " bids agreed pledge pledges pledged donate donates donated employ employs employed axe axes axed shed sheds"
    " nets netted grosses grossed own owns owned holds held charges charged collect collects collected saves"
    " saved rose fell gained jumped climbed slipped dropped"
).split()
# Base forms that are nouns too ("a National Audit Office report on the 20 biggest projects"): verbs only after
# an auxiliary ("Labour would cut taxes by £2bn").
_AMBIGUOUS = "raise pay buy cut invest report post offer bid net gross hold charge save".split()
# The -ing forms only after a form of "be": "Home Office spending could be cut" is a noun.
_PROGRESSIVE = ("raising paying earning losing buying selling cutting investing reporting posting making winning"
                " spending borrowing generating receiving securing offering bidding pledging donating employing"
                " axing shedding netting grossing holding charging collecting saving").split()
_AUXILIARIES = ("has have had will would could can may might is was are were be been also already recently now "
                "then previously reportedly finally eventually still just").split()
_AUX = rf"(?:(?:{'|'.join(_AUXILIARIES)})\s+)"
_LINK = re.compile(
    rf"\s+(?:{_AUX}*(?:{'|'.join(_VERBS)})|{_AUX}+(?:{'|'.join(_AMBIGUOUS)})"  # the verb, right after the subject
    rf"|{_AUX}*(?:is|are|was|were|be|been)\s+(?:{'|'.join(_PROGRESSIVE)}))"
    r"(?:\s+[\w'’£$€¥%.-]+){0,6}?\s*$")  # up to six words before the amount
# Words that open another clause or report speech: the amount may then be someone else's.
_BREAK = re.compile(r"[,;:!?()\"“”–—]|\s-\s|\.\s|\b(?:and|but|or|while|which|that|who|whose|after|before|when|because|"
                    r"although|though|if|unless|since|whereas|said|says|say|told|according|"
                    r"him|her|them|us|me)\b")  # "Goldman Sachs earned her $675,000": hers, not the bank's
# A number in a compound adjective describes the noun after it ("the three-candidate match ups").
_ADJECTIVE = re.compile(r"-[a-z]+$")
_GOVERNED = re.compile(r"\b(?:of|in|for|at|with|by|from|to|on|into|against|than|like|and|or|between|about|over|"
                       r"under|behind|without|including|among|as)\s+(?:the\s+)?$", re.I)


def quantity_subjects(article: Article, facts: Facts) -> list[Entity | None]:
    """For each of `facts.quantities`, in order, the entity it is about, or None."""
    if not any(q.kind in _KINDS for q in facts.quantities):
        return [None] * len(facts.quantities)
    texts = {(pi, hp): text for pi, hp, text in article.texts()}
    mentions = defaultdict(list)  # (paragraph_index, headline_position) -> [(start, end, entity)], by start
    for entity in (*facts.entities, *facts.headline_entities):
        if entity.type in _SUBJECT_TYPES:
            for m in entity.mentions:
                mentions[m.paragraph_index, m.headline_position].append((m.start, m.end, entity))
    # Where every mention (whatever its type) and every quantity starts: no other may sit between the subject
    # and the amount ("Defra had paid 97% of the £1.3bn submitted": the £1.3bn is not Defra's).
    others = defaultdict(list)
    for entity in (*facts.entities, *facts.headline_entities):
        for m in entity.mentions:
            others[m.paragraph_index, m.headline_position].append(m.start)
    for q in facts.quantities:
        others[q.span.paragraph_index, q.span.headline_position].append(q.span.start)
    for found in (*mentions.values(), *others.values()):
        found.sort()
    return [_subject(q.span, texts, mentions, others) if q.kind in _KINDS and not _ADJECTIVE.search(q.span.text)
            else None for q in facts.quantities]


def _subject(span, texts, mentions, others) -> Entity | None:
    where = (span.paragraph_index, span.headline_position)
    before = [m for m in mentions.get(where, ()) if m[1] <= span.start]
    if not before:
        return None
    start, end, entity = before[-1]
    starts = others[where]
    if bisect_left(starts, span.start) - bisect_left(starts, end) > 0:  # another entity or amount in between
        return None
    text = texts[where]
    between = text[end:span.start]
    if not _LINK.match(between) or _BREAK.search(between) or _GOVERNED.search(text, max(0, start - 30), start):
        return None
    return entity
