"""One batch of files: read -> transforms -> Parquet parts in the lake. Runs on any worker."""
from __future__ import annotations

import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from flows import progress
from flows.discover import fs_path, read_bounded, too_large
from flows.lake import Lake
from flows.seam import pause_at
from transforms.batch import Rejected, SourceDoc, Warned, transform_batch
from transforms.metadata import is_jsonl_record, jsonl_file, jsonl_records, sidecar_path, with_sidecar

CHANGED_WHILE_READ = "changed while this run read it: the next run loads it as changed"


class FileToLoad(NamedTuple):  # a tuple, not a dataclass: pickles ~3x faster (Dask sends a batch of them)
    path: str  # relative to the source
    article_id: str
    content_sha256: str


class Batch:
    """The files of one `stage` task. A plain class on purpose, not a list or a dataclass: Prefect walks every
    list and dataclass in a task's parameters looking for futures, and Dask tokenizes them for a task key, on
    both sides: ~60 ms of the flow's process per 1,000-file batch while the workers stage (profiled). An
    opaque object is pickled once instead."""
    __slots__ = ("files",)

    def __init__(self, files: list[FileToLoad]) -> None:
        self.files = files

    def __len__(self) -> int:
        return len(self.files)


@dataclass
class BatchReport:
    part: int
    rows: dict[str, int]
    rejected: list[Rejected]
    seconds: dict[str, float] = field(default_factory=dict)
    nbytes: dict[str, int] = field(default_factory=dict)  # in-memory (Arrow) size per table: sizes validation
    warnings: list[Warned] = field(default_factory=list)  # about staged articles: article_warnings rows
    sha256: dict[str, str] = field(default_factory=dict)  # of each staged part's bytes: the loader checks them


def stage_batch(source: str, files: list[FileToLoad], lake_url: str, run_id: str, part: int,
                reference_date: date | None = None) -> BatchReport:
    # What lives before the batch (Prefect, Dask, gazetteers, memo caches) outlives it: keep the collector's
    # full passes off it (~7% of a worker's time, measured).
    gc.freeze()
    t0 = time.perf_counter()
    docs, rejected = [], []
    records = JsonlRecords(source)
    for f in files:
        try:
            if is_jsonl_record(f.path):
                raw = records.read(f.path)
            else:
                raw = read_bounded(os.path.join(source, fs_path(f.path)))
        except OSError as err:
            rejected.append(Rejected(f.path, "read", f"cannot read: {err.strerror or err}"))
            continue
        if isinstance(raw, int):  # grew past the limit since discovery: not read further
            rejected.append(Rejected(f.path, "read", too_large(raw)))
            continue
        sidecar = None
        if f.content_sha256 and hashlib.sha256(raw).hexdigest() != f.content_sha256:
            sidecar = _sidecar_of(source, f, raw)
            if sidecar is None:
                # Edited since discovery hashed it: loaded now, its rows would carry another version's hash.
                rejected.append(Rejected(f.path, "read", CHANGED_WHILE_READ))
                continue
        docs.append(SourceDoc(f.path, f.article_id, f.content_sha256, raw, sidecar))
    t1 = time.perf_counter()
    out = transform_batch(progress.counted(docs, run_id, len(files)), reference_date)
    t2 = time.perf_counter()
    lake = Lake(lake_url)
    sha256 = {table: lake.write_part(table, run_id, part, data) for table, data in out.tables.items() if data.num_rows}
    if part == 1:
        pause_at("stage")  # test seam (flows/seam.py): one batch staged, this one written, the rest not
    seconds = dict(out.seconds, read=t1 - t0, write=time.perf_counter() - t2)
    rows = {table: data.num_rows for table, data in out.tables.items()}
    nbytes = {table: data.nbytes for table, data in out.tables.items()}
    return BatchReport(part, rows, rejected + out.rejected, seconds, nbytes, warnings=out.warnings, sha256=sha256)


def _sidecar_of(source: str, f: FileToLoad, raw: bytes) -> bytes | None:
    """The bytes of the file's sidecar, when discovery hashed the file with them (see flows.discover)."""
    if is_jsonl_record(f.path):
        return None
    try:
        sidecar = Path(source, fs_path(sidecar_path(f.path))).read_bytes()
    except OSError:
        return None
    return sidecar if hashlib.sha256(with_sidecar(raw, sidecar)).hexdigest() == f.content_sha256 else None


class JsonlRecords:
    """The records of a batch's JSON Lines files, each file read once: a record is found by its uri, as
    discovery named it. One no longer in its file reads as no bytes, which its hash tells apart (changed while
    read)."""

    def __init__(self, source: str) -> None:
        self.source, self.files = source, {}

    def read(self, uri: str) -> bytes:
        path = jsonl_file(uri)
        if path not in self.files:
            self.files[path] = dict(jsonl_records(path, Path(self.source, fs_path(path)).read_bytes()))
        return self.files[path].get(uri, b"")
