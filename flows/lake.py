"""The Parquet lake: lake/<table>/run_id=<id>/part-<batch>.parquet, any fsspec URL or a local folder.

A run's files are immutable once written. Each run first claims its id for its warehouse
(lake/_runs/<id>.owner), so that a run loading another warehouse from the same lake never takes a run of this
one, staging or committed, for an orphan. Before its load it records what the load applies besides the staged
parts (lake/_runs/<id>.record/: the manifest, quarantine and validation rows, the deleted paths, the parts and
the load's clock), and once the warehouse holding it is published it writes lake/_runs/<id>.committed.parquet
(its pipeline_runs row). So the lake alone knows which runs committed, whatever became of the warehouse file:
`remove_orphans` never deletes a committed run's staging, and `news-etl rebuild` replays the committed runs.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

import fsspec
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from schemas.arrow import arrow_schema
from schemas.tables import BUSINESS_TABLES

_PARQUET_OPTIONS = dict(compression="zstd", write_statistics=True)


class Lake:
    def __init__(self, url: str):
        self.url = str(url)
        self.fs, self.root = fsspec.core.url_to_fs(self.url)

    def run_dir(self, table: str, run_id: str) -> str:
        return f"{self.root}/{table}/run_id={run_id}"

    def write_part(self, table: str, run_id: str, part: int, data: pa.Table) -> str:
        """Write one staged part; returns the SHA-256 of its bytes, which the loader checks them against."""
        folder = self.run_dir(table, run_id)
        self.fs.makedirs(folder, exist_ok=True)
        sink = pa.BufferOutputStream()
        pq.write_table(data, sink, **_PARQUET_OPTIONS)
        content = sink.getvalue()
        with self.fs.open(self.part_path(table, run_id, part), "wb") as out:
            out.write(content)
        return hashlib.sha256(content).hexdigest()

    def part_path(self, table: str, run_id: str, part: int) -> str:
        return f"{self.run_dir(table, run_id)}/part-{part:05d}.parquet"

    def part_rows(self, path: str) -> int:
        with self.fs.open(path, "rb") as part:
            return pq.ParquetFile(part).metadata.num_rows

    def part_sha256(self, path: str) -> str:
        digest = hashlib.sha256()
        with self.fs.open(path, "rb") as part:
            while chunk := part.read(1 << 22):
                digest.update(chunk)
        return digest.hexdigest()

    def dataset(self, table, run_id: str, parts: list[int] | None = None) -> ds.Dataset:
        """The run's staged rows of one table (empty when the run staged none), or of some of its parts."""
        return ds.dataset(self.part_files(table, run_id, parts), schema=arrow_schema(table), format="parquet",
                          filesystem=self.fs)

    def part_files(self, table, run_id: str, parts: list[int] | None = None) -> list[str]:
        folder = self.run_dir(table.name, run_id)
        if parts is not None:
            return [self.part_path(table.name, run_id, part) for part in parts]
        return sorted(self.fs.glob(f"{folder}/part-*.parquet")) if self.fs.exists(folder) else []

    @property
    def is_local(self) -> bool:
        """On this machine's file system: then DuckDB can read the parts itself."""
        return isinstance(self.fs, LocalFileSystem)

    def staged_run_ids(self) -> set[str]:
        found = set()
        for table in BUSINESS_TABLES:
            folder = f"{self.root}/{table.name}"
            if self.fs.exists(folder):
                found.update(p.rsplit("run_id=", 1)[1] for p in self.fs.ls(folder, detail=False) if "run_id=" in p)
        return found

    def remove_run(self, run_id: str) -> None:
        for table in BUSINESS_TABLES:
            folder = self.run_dir(table.name, run_id)
            if self.fs.exists(folder):
                self.fs.rm(folder, recursive=True)

    def claim(self, run_id: str, owner: str) -> None:
        """Record that `run_id` stages for the warehouse `owner`, before it stages anything."""
        self.fs.makedirs(f"{self.root}/_runs", exist_ok=True)
        with self.fs.open(self._owner_file(run_id), "w") as out:
            out.write(owner)

    def remove_orphans(self, committed_run_ids: set[str], owner: str) -> list[str]:
        """Remove what `owner`'s runs that never committed left (and unclaimed staging: older releases). A run the
        lake marks committed is never removed, even when the warehouse at `owner` does not know it (lost,
        restored from an older backup, rebuilt)."""
        claimed = {run_id for run_id in self._listed("owner") if self._owner_of(run_id) == owner}
        candidates = (self.staged_run_ids() | claimed) - committed_run_ids - set(self.committed_runs())
        orphans = [run_id for run_id in sorted(candidates) if self._owner_of(run_id) in (owner, None)]
        for run_id in orphans:
            self.remove_run(run_id)
            for path in (self._owner_file(run_id), self._record_dir(run_id)):
                if self.fs.exists(path):
                    self.fs.rm(path, recursive=True)
        return orphans

    def record_run(self, run_id: str, inputs: dict[str, pa.Table], parts: dict[str, list[int]],
                   loaded_at: datetime) -> None:
        """What the load of `run_id` applies besides its staged parts, written before the load: enough to
        replay it (`news-etl rebuild`)."""
        folder = self._record_dir(run_id)
        self.fs.makedirs(folder, exist_ok=True)
        for name, data in inputs.items():
            with self.fs.open(f"{folder}/{name}.parquet", "wb") as out:
                pq.write_table(data, out, **_PARQUET_OPTIONS)
        with self.fs.open(f"{folder}/load.json", "w") as out:
            out.write(json.dumps({"parts": parts, "loaded_at": loaded_at.isoformat()}, sort_keys=True))

    def read_record(self, run_id: str) -> tuple[dict[str, pa.Table], dict[str, list[int]], datetime, pa.Table]:
        """(load inputs, parts, load clock, pipeline_runs row) of a committed run."""
        folder = self._record_dir(run_id)
        with self.fs.open(f"{folder}/load.json", "r") as source:
            load = json.loads(source.read())
        inputs = {}
        for path in sorted(self.fs.glob(f"{folder}/*.parquet")):
            with self.fs.open(path, "rb") as part:
                inputs[path.rsplit("/", 1)[-1].removesuffix(".parquet")] = pq.read_table(part)
        with self.fs.open(self._committed_file(run_id), "rb") as marker:
            run_row = pq.read_table(marker)
        return inputs, load["parts"], datetime.fromisoformat(load["loaded_at"]), run_row

    def unmarked(self, committed_run_ids: set[str]) -> list[str]:
        """Runs the warehouse committed, recorded in the lake, without their committed marker (the run died
        between publishing the warehouse and writing the marker)."""
        return sorted((committed_run_ids & self.recorded_runs()) - set(self.committed_runs()))

    def mark_committed(self, run_id: str, run_row: pa.Table) -> None:
        """The run is in the published warehouse: say so in the lake (written whole, then renamed)."""
        partial = f"{self._committed_file(run_id)}.partial"
        with self.fs.open(partial, "wb") as out:
            pq.write_table(run_row, out, **_PARQUET_OPTIONS)
        self.fs.mv(partial, self._committed_file(run_id))

    def committed_runs(self) -> list[str]:
        """The runs the lake knows committed, in run order."""
        return sorted(self._listed("committed.parquet"))

    def committed_at(self, run_id: str) -> tuple:
        """When the run committed (its pipeline_runs.finished_at), to replay runs in the order they committed."""
        with self.fs.open(self._committed_file(run_id), "rb") as marker:
            return pq.read_table(marker, columns=["finished_at"])["finished_at"][0].as_py(), run_id

    def recorded_runs(self) -> set[str]:
        """Runs that recorded their load (committed or not)."""
        return self._listed("record")

    def owner_of(self, run_id: str) -> str | None:
        return self._owner_of(run_id)

    def _listed(self, suffix: str) -> set[str]:
        folder = f"{self.root}/_runs"
        if not self.fs.exists(folder):
            return set()
        names = (p.rsplit("/", 1)[-1] for p in self.fs.ls(folder, detail=False))
        return {name.removesuffix(f".{suffix}") for name in names if name.endswith(f".{suffix}")}

    def _record_dir(self, run_id: str) -> str:
        return f"{self.root}/_runs/{run_id}.record"

    def _committed_file(self, run_id: str) -> str:
        return f"{self.root}/_runs/{run_id}.committed.parquet"

    def _owner_file(self, run_id: str) -> str:
        return f"{self.root}/_runs/{run_id}.owner"

    def _owner_of(self, run_id: str) -> str | None:
        try:
            with self.fs.open(self._owner_file(run_id), "r") as claimed:
                return claimed.read()
        except FileNotFoundError:
            return None
