"""What each temporal expression's dates are anchored on: the text alone, the article's publication date, the
run's reference date, or nothing.

An expression is absolute when it resolves to the same days whatever the reference date ("3 January 2005",
"January 2005", "2004", "the 1990s"): tried against two reference dates far apart, so that the grammar's own
resolution (transforms/extract/resolve.py) decides, with no second list of what is absolute. Absolute ones
always get their dates; relative ones ("last week", "on Monday", "3 January") only against an anchor.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from transforms.extract.resolve import resolve
from transforms.model import Facts, Temporal

# Two reference dates no article is anchored on, different in year, month, weekday and leap year.
_PROBES = (date(1901, 7, 15), date(1956, 2, 3))


def anchor_temporals(facts: Facts, published_at: date | None, reference_date: date | None) -> Facts:
    """`facts` as extracted against `published_at or reference_date`, with every temporal expression's dates
    and `anchor` settled."""
    anchor = "published_at" if published_at else "reference_date" if reference_date else None
    return replace(facts, temporals=tuple(_anchored(t, anchor) for t in facts.temporals))


def _anchored(t: Temporal, anchor: str | None) -> Temporal:
    first, second = (resolve(t.kind, t.span.text, probe) for probe in _PROBES)
    if first == second and first[0] is not None:
        return t._replace(start_date=first[0], end_date=first[1], anchor="absolute")
    if anchor is not None and t.start_date is not None:
        return t._replace(anchor=anchor)
    return t._replace(start_date=None, end_date=None, anchor="none")
