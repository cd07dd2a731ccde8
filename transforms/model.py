"""The in-memory shapes that flow between transforms: an Article and the facts found in it.

Location convention (matches the warehouse): a fact in the body has `paragraph_index >= 0`, one in the title
has `paragraph_index == -1`, one in a related headline has `paragraph_index is None` and `headline_position`
set. Offsets are character offsets into that paragraph / title / headline text: `text[start:end] == surface`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

TITLE = -1


class BadInput(ValueError):
    """Input that cannot become an article; the message is the quarantine reason."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    section_index: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    related_headlines: tuple[str, ...] = ()

    @property
    def sections(self) -> list[list[int]]:
        """First and last paragraph index of each blank-line separated block."""
        bounds: dict[int, list[int]] = {}
        for p in self.paragraphs:
            bounds.setdefault(p.section_index, [p.index, p.index])[1] = p.index
        return [bounds[k] for k in sorted(bounds)]

    def texts(self):
        """Every text a fact can be found in: (paragraph_index, headline_position, text)."""
        if self.title is not None:
            yield TITLE, None, self.title
        for p in self.paragraphs:
            yield p.index, None, p.text
        for pos, h in enumerate(self.related_headlines):
            yield None, pos, h


# The facts found in bulk (~2 million spans at N=20 of the benchmark) are NamedTuples: as immutable as a frozen
# dataclass, built ~2.5x faster (a frozen dataclass sets each field through object.__setattr__).
class Span(NamedTuple):
    """Where a fact sits: one paragraph (or title / headline) and exact character offsets."""
    paragraph_index: int | None
    headline_position: int | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    name: str  # canonical name
    type: str  # PERSON, ORG, GPE, LOC, NORP, EVENT, ...
    aliases: tuple[str, ...] = ()  # other surface forms seen, sorted
    mentions: tuple[Span, ...] = ()


class Quote(NamedTuple):
    span: Span  # the quoted words, without the quote marks
    speaker: str | None  # canonical name of the speaker entity
    speaker_type: str | None
    speaker_surface: str | None  # how the speaker was referred to at the cue ("Mr Kim", "he")
    cue: str | None  # reporting verb or phrase: "said", "told", "according to"


class Quantity(NamedTuple):
    span: Span
    value: float
    value2: float | None = None  # second number of a score, upper bound of a range
    unit: str | None = None  # ISO currency, "percent", a noun ("tonne", "executives"), "years"
    qualifier: str | None = None  # "over", "about", "at least", ...
    kind: str = "count"  # money, percent, count, measure, age, duration, score, range
    subject: str | None = None


class Temporal(NamedTuple):
    span: Span
    kind: str  # date, weekday, month, year, relative, quarter, season, duration
    granularity: str  # day, week, month, quarter, season, year, decade, duration
    start_date: date | None = None  # resolved when absolute, or when a reference date is known
    end_date: date | None = None
    timex_type: str | None = None  # TIMEX3 type: DATE, TIME, DURATION, SET
    timex_value: str | None = None  # TIMEX3 value: 2005-01-03, 2005-W11, P3D, XXXX-WXX-1, PRESENT_REF, ...
    anchor: str = "none"  # absolute, published_at, reference_date or none: what the dates were resolved against


@dataclass(frozen=True, slots=True)
class Facts:
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    temporals: tuple[Temporal, ...] = field(default=())
    # Entities named only in related headlines: about other articles, so kept apart from `entities`.
    headline_entities: tuple[Entity, ...] = ()
