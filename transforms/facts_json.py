"""Facts -> the "Facts JSON" document of shared/gold/README.md (what `news-etl extract` writes).

Keys are inserted in a fixed order and facts keep the extractor's order (by location, then offset), so the
same input gives byte-identical output with `json.dumps(doc, ensure_ascii=False, indent=...)`.
Facts found in a related headline carry "headline": position instead of "paragraph".
"""
from __future__ import annotations

from transforms.model import Article, Facts, Span


def facts_json(source_file: str, article_id: str, article: Article, facts: Facts) -> dict:
    return {
        "source_file": source_file,
        "article_id": article_id,
        "title": article.title,
        "paragraphs": [p.text for p in article.paragraphs],
        "sections": article.sections,
        "related_headlines": list(article.related_headlines),
        "entities": [_entity(e) for e in facts.entities],
        "headline_entities": [_entity(e) for e in facts.headline_entities],
        "quotes": [_quote(q) for q in facts.quotes],
        "quantities": [_quantity(q) for q in facts.quantities],
        "temporal": [_temporal(t) for t in facts.temporals],
    }


def _where(span: Span) -> dict:
    if span.paragraph_index is None:
        return {"headline": span.headline_position}
    return {"paragraph": span.paragraph_index}


def _entity(e) -> dict:
    return {
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "mentions": [{**_where(m), "start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
    }


def _quote(q) -> dict:
    return {**_where(q.span), "start": q.span.start, "end": q.span.end, "text": q.span.text,
            "speaker": q.speaker, "speaker_type": q.speaker_type, "speaker_surface": q.speaker_surface,
            "cue": q.cue}


def _number(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(x, 6)


def _quantity(q) -> dict:
    out = {**_where(q.span), "start": q.span.start, "end": q.span.end, "surface": q.span.text,
           "value": _number(q.value), "unit": q.unit, "kind": q.kind}
    if q.value2 is not None:
        out["value2"] = _number(q.value2)
    if q.qualifier:
        out["qualifier"] = q.qualifier
    return out


def _temporal(t) -> dict:
    value = None
    if t.start_date is not None:
        value = t.start_date.isoformat() if t.end_date in (None, t.start_date) else \
            f"{t.start_date.isoformat()}/{t.end_date.isoformat()}"
    return {**_where(t.span), "start": t.span.start, "end": t.span.end, "surface": t.span.text,
            "value": value, "kind": t.kind, "granularity": t.granularity, "timex_type": t.timex_type,
            "timex_value": t.timex_value}
