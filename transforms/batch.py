"""A batch of raw files -> Arrow tables + the files that could not become articles (with the reason)."""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from transforms.decode import decode
from transforms.extract import extract_facts
from transforms.extract.anchors import anchor_temporals
from transforms.metadata import (
    NO_METADATA,
    Metadata,
    is_jsonl_record,
    parse_jsonl_record,
    parse_sidecar,
    with_page,
)
from transforms.model import Article, BadInput, Facts
from transforms.rows import TableBuilder
from transforms.segment import segment


@dataclass(frozen=True, slots=True)
class SourceDoc:
    source_uri: str
    article_id: str
    content_sha256: str
    raw: bytes
    sidecar: bytes | None = None  # the bytes of its `<stem>.meta.json`, when it has one


@dataclass(frozen=True, slots=True)
class Rejected:
    source_uri: str
    stage: str  # decode, segment, extract
    reason: str


@dataclass(frozen=True, slots=True)
class Warned:
    """A file loaded, but not read exactly as it is: one article_warnings row."""
    source_uri: str
    article_id: str
    content_sha256: str
    stage: str
    warning: str  # schemas.operational.WARNINGS
    reason: str


@dataclass
class BatchOutput:
    tables: dict[str, pa.Table]
    rejected: list[Rejected]
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, summed over the batch
    warnings: list[Warned] = field(default_factory=list)  # of the articles staged


def transform_batch(docs: list[SourceDoc], reference_date: date | None = None) -> BatchOutput:
    builder, rejected, warnings, seconds = TableBuilder(), [], [], defaultdict(float)
    for doc in docs:
        stage = "decode"
        try:
            t0 = time.perf_counter()
            stage = "metadata"
            meta, raw = article_metadata(doc)
            stage = "decode"
            decoded = decode(raw, doc.source_uri)
            meta = with_page(meta, decoded.page)
            t1 = time.perf_counter()
            stage = "segment"
            article = segment(decoded.text, meta.title)
            t2 = time.perf_counter()
            stage = "extract"
            facts = facts_of(article, meta, reference_date)
            builder.add(doc.article_id, doc.source_uri, doc.content_sha256, decoded.encoding, article, facts, meta,
                        decoded.replaced_bytes)
            t3 = time.perf_counter()
        except BadInput as err:
            rejected.append(Rejected(doc.source_uri, stage, str(err)))
            continue
        except Exception as err:  # a bug on one file must not stop the batch; the file is quarantined
            rejected.append(Rejected(doc.source_uri, stage, f"internal error: {type(err).__name__}: {err}"))
            continue
        if decoded.warning:
            warnings.append(Warned(doc.source_uri, doc.article_id, doc.content_sha256, "decode", "replaced_bytes",
                                   decoded.warning))
        seconds["decode"] += t1 - t0
        seconds["segment"] += t2 - t1
        seconds["extract"] += t3 - t2
    t0 = time.perf_counter()
    tables = builder.to_arrow()
    seconds["arrow"] += time.perf_counter() - t0
    return BatchOutput(tables, rejected, dict(seconds), warnings)


def article_metadata(doc: SourceDoc) -> tuple[Metadata, bytes]:
    """The article's metadata and the bytes of its text: a JSON line holds both, a file may have a sidecar."""
    if is_jsonl_record(doc.source_uri):
        meta, text = parse_jsonl_record(doc.raw)
        return meta, text.encode("utf-8")
    return (parse_sidecar(doc.sidecar) if doc.sidecar is not None else NO_METADATA), doc.raw


def facts_of(article: Article, meta: Metadata, reference_date: date | None) -> Facts:
    """The facts, relative dates counted from the article's publication date when known, else `reference_date`."""
    facts = extract_facts(article, meta.published_at or reference_date)
    return anchor_temporals(facts, meta.published_at, reference_date)
