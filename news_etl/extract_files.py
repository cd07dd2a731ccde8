"""`news-etl extract`: the transforms alone, one facts JSON per input file. No Prefect, no DuckDB."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from transforms.decode import decode
from transforms.extract import extract_facts
from transforms.facts_json import facts_json
from transforms.ids import article_id_for
from transforms.model import BadInput
from transforms.segment import segment


def extract_file(path: Path, reference_date: date | None = None) -> dict:
    decoded = decode(path.read_bytes())
    article = segment(decoded.text)
    facts = extract_facts(article, reference_date)
    return facts_json(path.name, article_id_for(path.name), article, facts)


def extract_files(paths: list[Path], out_dir: Path, reference_date: date | None = None) -> list[Path]:
    """Writes <out>/<stem>.json per input; raises BadInput naming the file that is not an article, and
    ValueError, before writing anything, when two inputs would write the same file."""
    targets = {}
    for path in paths:
        other = targets.setdefault(path.stem, path)
        if other != path:
            raise ValueError(f"{other} and {path} would both write {out_dir / path.stem}.json")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        try:
            facts = extract_file(path, reference_date)
        except BadInput as err:
            raise BadInput(f"{path}: {err}") from err
        target = out_dir / f"{path.stem}.json"
        target.write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    return written


