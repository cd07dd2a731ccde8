"""`news-etl extract`: the transforms alone, one facts JSON per input file. No Prefect, no DuckDB."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from transforms.batch import SourceDoc, article_metadata, facts_of
from transforms.decode import decode
from transforms.facts_json import facts_json
from transforms.ids import article_id_for
from transforms.metadata import sidecar_path, with_page
from transforms.model import BadInput
from transforms.segment import segment


def extract_file(path: Path, reference_date: date | None = None) -> dict:
    """The file's facts, as a run reads it: with its sidecar `<stem>.meta.json` when it has one (its title and
    publication date count), an HTML page as the article it carries."""
    sidecar = path.parent / sidecar_path(path.name)
    doc = SourceDoc(path.name, article_id_for(path.name), "", path.read_bytes(),
                    sidecar.read_bytes() if sidecar.is_file() else None)
    meta, raw = article_metadata(doc)
    decoded = decode(raw, path.name)
    meta = with_page(meta, decoded.page)
    article = segment(decoded.text, meta.title)
    return facts_json(path.name, doc.article_id, article, facts_of(article, meta, reference_date))


def extract_files(paths: list[Path], out_dir: Path, reference_date: date | None = None
                  ) -> tuple[list[Path], list[str]]:
    """One facts JSON per input, at its path relative to the inputs' common folder (`bbc/business/001.txt` and
    `bbc/tech/001.txt` write `business/001.json` and `tech/001.json`; files of one folder write `<stem>.json`).
    A file that is not an article is refused with a reason naming it, and the others are still written:
    returns (written, refusals)."""
    targets = _targets(paths, out_dir)
    written, refused = [], []
    for path, target in targets.items():
        try:
            facts = extract_file(path, reference_date)
        except (BadInput, OSError) as err:
            refused.append(f"{path}: {err}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    return written, refused


def _targets(paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Each input (as the user named it) and its facts file; a file named twice is written once."""
    named = {p.resolve(): p for p in reversed(paths)}  # reversed: the first spelling of a file is kept
    if not named:
        return {}
    common = Path(os.path.commonpath([r.parent for r in named]))
    return {named[r]: out_dir / r.relative_to(common).with_suffix(".json") for r in sorted(named)}
