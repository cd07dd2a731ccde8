"""Pure transforms: bytes -> text -> Article -> facts -> Arrow tables. No files, no Prefect, no DuckDB."""
