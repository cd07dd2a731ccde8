"""The vocabulary of a table declaration. Every table is declared once with these (see tables.py); the Arrow
schema, the DuckDB DDL, the Great Expectations suite and docs/warehouse.md are all derived from it."""
from __future__ import annotations

from dataclasses import dataclass

# Logical types, mapped to Arrow (schemas/arrow.py) and DuckDB (schemas/ddl.py) by small maps.
TYPES = ("string", "int32", "int64", "float64", "bool", "date", "timestamp", "json")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    description: str
    nullable: bool = True
    allowed: tuple[str, ...] | None = None  # accepted values, checked by GX
    min_value: float | None = None  # checked by GX
    staged: bool = True  # False: filled by the loader, not present in the staged Parquet
    compression: str | None = None  # DuckDB storage compression, where its own choice is a poor trade (ddl.py)

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"{self.name}: unknown type {self.type!r}")


def col(name, type_, description, **kw) -> Column:
    return Column(name, type_, description, **kw)


def key(name, type_, description, **kw) -> Column:
    return Column(name, type_, description, nullable=False, **kw)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    grain: str  # "one row per ...": the description analysts read first
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    layer: str  # "business": staged to the lake per run; "operational": written by the loader only
    history: str = ""  # how rows change across runs

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def staged_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.staged)

    @property
    def description(self) -> str:
        return f"{self.grain}. {self.history}".strip()
