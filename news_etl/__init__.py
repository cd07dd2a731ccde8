"""news-etl: article files -> facts -> Parquet -> Great Expectations -> DuckDB."""
