"""Benchmark corpus: N replicas of a folder of articles, every paragraph made unique per replica.

Replica k of the source lives at ``<corpus>/r<k>/<same relative path>``. In each file the first non-empty line
(the title) is kept as it is and every later non-empty line gets a replica tag (`` [r<k>]``) inserted before
its trailing punctuation, so a paragraph still ends the way it did ("... he said [r3].") and segmentation sees
the same shape, while no paragraph, file or hash repeats across replicas: nothing can be cached.

Bytes stay faithful: each file is decoded as UTF-8 (BOM kept) or, failing that, Latin-1, and re-encoded the
same way; line endings (LF, CRLF, CR) are kept as they were.

A replica is built in a temporary folder and renamed into place, then recorded by a marker file outside the
corpus (``<markers>/r<k>.json``) so a later run reuses it. Replicas above N from an earlier, larger benchmark
are moved aside (``<spare>/r<k>``) rather than rebuilt, so the corpus folder holds exactly N replicas.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

SUFFIX = ".txt"
# Bump when the transformation changes: replicas built by an older version are rebuilt.
REPLICA_FORMAT = 1

_LINE = re.compile(r"(\r\n|\n|\r)")
# The tail of a line that stays last: whitespace, terminal punctuation, closing quotes and brackets.
_TAIL = " \t\f\v.!?:;,\"'\u2019\u201d\u00bb)]"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) with encoding 'utf-8' or 'latin-1'; ``encode_as`` turns the text back into the bytes."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def tag_line(line: str, tag: str) -> str:
    """Insert ``tag`` before the line's trailing punctuation and whitespace; the line's ending is kept."""
    cut = len(line.rstrip(_TAIL))
    if cut == 0:  # nothing but punctuation: append instead
        cut = len(line.rstrip())
    return f"{line[:cut]}{tag}{line[cut:]}"


def replicate_text(text: str, k: int) -> str:
    """Tag every non-empty line after the first non-empty one (the title) with `` [r<k>]``."""
    tag = f" [r{k}]"
    parts = _LINE.split(text)  # line, sep, line, sep, ..., line
    seen_title = False
    for i in range(0, len(parts), 2):
        line = parts[i]
        if not line.strip() or line.strip() == "\ufeff":
            continue
        if not seen_title:
            seen_title = True
            continue
        parts[i] = tag_line(line, tag)
    return "".join(parts)


def replicate_bytes(data: bytes, k: int) -> bytes:
    text, encoding = decode(data)
    return replicate_text(text, k).encode(encoding)


def source_files(source: Path) -> list[Path]:
    """Every *.txt under ``source``, relative to it, sorted (symlinks are not followed)."""
    found = []
    for folder, dirs, files in os.walk(source):
        dirs.sort()
        base = Path(folder).relative_to(source)
        found.extend(base / name for name in sorted(files) if name.endswith(SUFFIX))
    return found


def count_files(folder: Path) -> int:
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(SUFFIX))


def build_replica(source: Path, target: Path, k: int, files: list[Path] | None = None) -> int:
    """Write replica ``k`` of ``source`` into ``target`` (which must not exist); returns the file count."""
    files = source_files(source) if files is None else files
    made: set[Path] = set()
    for rel in files:
        dest = target / rel
        if dest.parent not in made:
            dest.parent.mkdir(parents=True, exist_ok=True)
            made.add(dest.parent)
        dest.write_bytes(replicate_bytes((source / rel).read_bytes(), k))
    return len(files)


def _marker(source: Path, files: int) -> dict:
    return {"format": REPLICA_FORMAT, "source": str(source.resolve()), "files": files}


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build_corpus(source: Path, workdir: Path, n: int, log=_stderr) -> Path:
    """Make ``<workdir>/corpus`` hold exactly replicas r1..rN of ``source``; returns that folder.

    Complete replicas (marker matches, file count matches) are reused, including ones parked in the spare
    folder by an earlier run with a larger N.
    """
    if n < 1:
        raise ValueError(f"replicas must be >= 1, got {n}")
    source = Path(source)
    corpus, spare, markers = workdir / "corpus", workdir / "corpus-spare", workdir / "corpus-markers"
    for folder in (corpus, spare, markers):
        folder.mkdir(parents=True, exist_ok=True)
    files = source_files(source)
    if not files:
        raise FileNotFoundError(f"no *{SUFFIX} files under {source}")
    expected = _marker(source, len(files))

    def complete(folder: Path, k: int) -> bool:
        marker = markers / f"r{k}.json"
        try:
            recorded = json.loads(marker.read_text())
        except (OSError, ValueError):
            return False
        return recorded == expected and folder.is_dir() and count_files(folder) == len(files)

    # Park replicas above N (and anything else that is not r1..rN) out of the corpus.
    for entry in sorted(corpus.iterdir()):
        name = entry.name
        k = int(name[1:]) if re.fullmatch(r"r\d+", name) else None
        if k is not None and 1 <= k <= n:
            continue
        if k is not None and complete(entry, k):
            dest = spare / name
            if dest.exists():
                shutil.rmtree(dest)
            entry.rename(dest)
        elif entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()

    for k in range(1, n + 1):
        target, parked = corpus / f"r{k}", spare / f"r{k}"
        if complete(target, k):
            continue
        if complete(parked, k):
            if target.exists():
                shutil.rmtree(target)
            parked.rename(target)
            continue
        (markers / f"r{k}.json").unlink(missing_ok=True)
        for stale in (target, workdir / f"corpus-building-r{k}"):
            if stale.exists():
                shutil.rmtree(stale)
        building = workdir / f"corpus-building-r{k}"
        count = build_replica(source, building, k, files)
        building.rename(target)
        (markers / f"r{k}.json").write_text(json.dumps(expected))
        log(f"bench: built replica r{k} ({count} files)")
    return corpus
