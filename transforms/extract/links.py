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
# Verbs whose subject owns, gains, spends or loses the amount that follows.
_VERBS = (
    "raise raises raised raising pay pays paid paying earn earns earned earning lose loses lost losing buy buys"
    " bought buying sell sells sold selling cut cuts cutting invest invests invested investing report reports"
    " reported reporting post posts posted posting make makes made making win wins won winning spend spends spent"
    " spending borrow borrows borrowed owe owes owed generate generates generated receive receives received"
    " secure secures secured offer offers offered bid bids agreed pledge pledges pledged donate donates donated"
    " employ employs employed axe axes axed shed sheds net nets netted gross grosses grossed own owns owned"
    " hold holds held charge charges charged collect collects collected save saves saved"
    " rose fell gained jumped climbed slipped dropped"
).split()
_AUXILIARIES = ("has have had will would could can may might is was are were be been also already recently now "
                "then previously reportedly finally eventually still just").split()
_LINK = re.compile(
    rf"\s+(?:(?:{'|'.join(_AUXILIARIES)})\s+)*(?:{'|'.join(_VERBS)})"  # the verb, right after the subject
    r"(?:\s+[\w'’£$€¥%.-]+){0,6}?\s*$")  # up to six words before the amount
# Words that open another clause or report speech: the amount may then be someone else's.
_BREAK = re.compile(r"[,;:!?()\"“”]|\.\s|\b(?:and|but|or|while|which|that|who|whose|after|before|when|because|"
                    r"although|though|if|unless|since|whereas|said|says|say|told|according)\b")
_GOVERNED = re.compile(r"\b(?:of|in|for|at|with|by|from|to|on|into|against|than|like|and|or|between|about|over|"
                       r"under|behind|without)\s+(?:the\s+)?$", re.I)


def quantity_subjects(article: Article, facts: Facts) -> list[Entity | None]:
    """For each of `facts.quantities`, in order, the entity it is about, or None."""
    texts = {(pi, hp): text for pi, hp, text in article.texts()}
    mentions = defaultdict(list)  # (paragraph_index, headline_position) -> [(start, end, entity)], by start
    for entity in (*facts.entities, *facts.headline_entities):
        if entity.type in _SUBJECT_TYPES:
            for m in entity.mentions:
                mentions[m.paragraph_index, m.headline_position].append((m.start, m.end, entity))
    any_mention = defaultdict(list)  # every mention's start, whatever its type: none may sit in between
    for entity in (*facts.entities, *facts.headline_entities):
        for m in entity.mentions:
            any_mention[m.paragraph_index, m.headline_position].append(m.start)
    for found in (*mentions.values(), *any_mention.values()):
        found.sort()
    return [_subject(q.span, texts, mentions, any_mention) for q in facts.quantities]


def _subject(span, texts, mentions, any_mention) -> Entity | None:
    where = (span.paragraph_index, span.headline_position)
    before = [m for m in mentions.get(where, ()) if m[1] <= span.start]
    if not before:
        return None
    start, end, entity = before[-1]
    starts = any_mention[where]
    if bisect_left(starts, span.start) - bisect_left(starts, end) > 0:  # another entity in between
        return None
    text = texts[where]
    between = text[end:span.start]
    if not _LINK.match(between) or _BREAK.search(between) or _GOVERNED.search(text, max(0, start - 30), start):
        return None
    return entity
