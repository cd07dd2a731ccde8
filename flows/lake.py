"""The Parquet lake: lake/<table>/run_id=<id>/part-<batch>.parquet, any fsspec URL or a local folder.

A run's files are immutable once written. A run that died before its load committed leaves a run folder
that no completed run owns; `remove_orphans` deletes those before the next run stages anything. Each run
first claims its id for its warehouse (lake/_runs/<id>.owner), so that a run loading another warehouse from
the same lake never takes a run of this one, staging or committed, for an orphan.
"""
from __future__ import annotations

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
        folder = self.run_dir(table, run_id)
        self.fs.makedirs(folder, exist_ok=True)
        path = f"{folder}/part-{part:05d}.parquet"
        with self.fs.open(path, "wb") as out:
            pq.write_table(data, out, **_PARQUET_OPTIONS)
        return path

    def dataset(self, table, run_id: str, parts: list[int] | None = None) -> ds.Dataset:
        """The run's staged rows of one table (empty when the run staged none), or of some of its parts."""
        return ds.dataset(self.part_files(table, run_id, parts), schema=arrow_schema(table), format="parquet",
                          filesystem=self.fs)

    def part_files(self, table, run_id: str, parts: list[int] | None = None) -> list[str]:
        folder = self.run_dir(table.name, run_id)
        if parts is not None:
            return [f"{folder}/part-{part:05d}.parquet" for part in parts]
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
        """Remove the staging of `owner`'s runs that never committed (and of unclaimed ones: older releases)."""
        orphans = [run_id for run_id in sorted(self.staged_run_ids() - committed_run_ids)
                   if self._owner_of(run_id) in (owner, None)]
        for run_id in orphans:
            self.remove_run(run_id)
            if self.fs.exists(self._owner_file(run_id)):
                self.fs.rm(self._owner_file(run_id))
        return orphans

    def _owner_file(self, run_id: str) -> str:
        return f"{self.root}/_runs/{run_id}.owner"

    def _owner_of(self, run_id: str) -> str | None:
        try:
            with self.fs.open(self._owner_file(run_id), "r") as claimed:
                return claimed.read()
        except FileNotFoundError:
            return None
