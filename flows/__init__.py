"""Prefect flows and tasks: orchestration and all I/O (files, lake, DuckDB)."""
