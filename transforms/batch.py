"""A batch of raw files -> Arrow tables + the files that could not become articles (with the reason)."""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from transforms.decode import Decoded, decode
from transforms.extract import extract_facts
from transforms.model import BadInput
from transforms.rows import TableBuilder
from transforms.segment import segment


@dataclass(frozen=True, slots=True)
class SourceDoc:
    source_uri: str
    article_id: str
    content_sha256: str
    raw: bytes


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


def _read_columns(decoded: Decoded) -> dict:
    """The articles columns that say how the file was read, and what an HTML page said of itself."""
    columns = dict(replaced_bytes=decoded.replaced_bytes)
    if decoded.page:
        columns["author"] = decoded.page.author
        if decoded.page.published:
            columns.update(published_at=decoded.page.published, published_at_source="html")
    return columns


def transform_batch(docs: list[SourceDoc], reference_date: date | None = None) -> BatchOutput:
    builder, rejected, warnings, seconds = TableBuilder(), [], [], defaultdict(float)
    for doc in docs:
        stage = "decode"
        try:
            t0 = time.perf_counter()
            decoded = decode(doc.raw, doc.source_uri)
            t1 = time.perf_counter()
            stage = "segment"
            article = segment(decoded.text)
            t2 = time.perf_counter()
            stage = "extract"
            facts = extract_facts(article, reference_date)
            builder.add(doc.article_id, doc.source_uri, doc.content_sha256, decoded.encoding, article, facts,
                        _read_columns(decoded))
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
