"""Article metadata from the source: a sidecar `<stem>.meta.json` beside an article, or the keys of a JSON Lines
record. Pure parsing and validation; the files are read in flows/.

Keys: `published_at` (ISO date or datetime), `url`, `author`, `section`, `title`, all strings; any other key is
kept as is in `extra` (a JSON object). A JSON Lines record also has `text` (the article) and may have `id` (the
source's own id, which becomes the article_id). Metadata that cannot be read raises BadInput with a one-line
reason: that article is quarantined, never its batch.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import quote, unquote

from transforms.html import Page
from transforms.model import BadInput

SIDECAR = ".meta.json"
JSONL = ".jsonl"
_LINE_MARK = JSONL + "#"  # a JSON Lines record's source_uri: `<file>.jsonl#line=<n>` or `<file>.jsonl#id=<id>`
_STRING_KEYS = ("url", "author", "section", "title")
_MAX_ID_CHARS = 200


@dataclass(frozen=True, slots=True)
class Metadata:
    published_at: date | None = None
    published_at_source: str | None = None  # `sidecar`, `jsonl` or `html`
    url: str | None = None
    author: str | None = None
    section: str | None = None
    title: str | None = None
    extra: str | None = None  # the other keys, as a JSON object text (sorted keys); None when there are none


NO_METADATA = Metadata()


def category_of(source_uri: str) -> str | None:
    """The first folder under the source (`business/001.txt` -> `business`); None for a file at its root."""
    folder, sep, _ = source_uri.partition("/")
    return folder if sep else None


def sidecar_path(article_path: str) -> str:
    """`business/001.txt` -> `business/001.meta.json`."""
    folder, sep, name = article_path.rpartition("/")
    return f"{folder}{sep}{name.rsplit('.', 1)[0]}{SIDECAR}"


def with_sidecar(raw: bytes, sidecar: bytes | None) -> bytes:
    """What an article's content hash covers: its bytes, and its sidecar's when it has one (so an edited
    sidecar makes a changed article)."""
    return raw if sidecar is None else raw + b"\x00\x1esidecar\x1e\x00" + sidecar


def content_sha256(raw: bytes, sidecar: bytes | None = None) -> str:
    return hashlib.sha256(with_sidecar(raw, sidecar)).hexdigest()


def is_jsonl_record(source_uri: str) -> bool:
    return _LINE_MARK in source_uri


def jsonl_records(path: str, content: bytes) -> list[tuple[str, bytes]]:
    """(source_uri, bytes) of each non-blank line of a JSON Lines file. The uri names the record by its `id`
    when it has a usable one (it then survives lines moving), else by its 1-based line number; so does an `id`
    an earlier line of the file already used (two records never share a uri, and neither is lost)."""
    records, used = [], set()
    for number, line in enumerate(content.split(b"\n"), 1):
        line = line.rstrip(b"\r")
        if line.strip():
            source_id = _record_id(line)
            where = f"id={quote(source_id, safe='')}" if source_id not in (None, *used) else f"line={number}"
            used.add(source_id)
            records.append((f"{path}#{where}", line))
    return records


def jsonl_source_id(source_uri: str) -> str | None:
    """The `id` a JSON Lines record's uri carries, else None."""
    _, mark, where = source_uri.rpartition(_LINE_MARK)
    return unquote(where[3:]) if mark and where.startswith("id=") else None


def jsonl_file(source_uri: str) -> str:
    """The JSON Lines file a record's uri points into."""
    return source_uri.rpartition(_LINE_MARK)[0] + JSONL


def parse_sidecar(raw: bytes) -> Metadata:
    record = _json_object(raw, "sidecar .meta.json")
    return _metadata(record, "sidecar", "sidecar .meta.json")


def parse_jsonl_record(raw: bytes) -> tuple[Metadata, str]:
    """(metadata, article text) of one JSON Lines record."""
    record = _json_object(raw, "JSON line")
    text = record.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise BadInput(f"JSON line: `text` must be a non-empty string, got {_shown(text)}")
    if "id" in record and _usable_id(record.pop("id")) is None:
        raise BadInput(f"JSON line: `id` must be a non-empty string (at most {_MAX_ID_CHARS} printable characters) "
                       "or an integer")
    return _metadata(record, "jsonl", "JSON line"), text


def _json_object(raw: bytes, what: str) -> dict:
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError) as err:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise BadInput(f"{what} is not valid JSON: {_one_line(err)}") from None
    if not isinstance(record, dict):
        raise BadInput(f"{what} must be a JSON object, got {type(record).__name__}")
    return record


def _metadata(record: dict, source: str, what: str) -> Metadata:
    strings = {}
    for name in _STRING_KEYS:
        value = record.pop(name, None)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise BadInput(f"{what}: `{name}` must be a non-empty string, got {_shown(value)}")
        strings[name] = " ".join(value.split()) if value is not None else None
    published = _published_at(record.pop("published_at", None), what)
    extra = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if record else None
    return Metadata(published, source if published else None, extra=extra, **strings)


def _published_at(value, what: str) -> date | None:
    """The date of an ISO date or datetime, as written: a datetime's time and UTC offset are not kept (the
    article's own calendar day is what its "yesterday" and "on Monday" count from)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInput(f"{what}: `published_at` must be an ISO date string, got {_shown(value)}")
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value).date()
    except ValueError:
        raise BadInput(f"{what}: `published_at` {_shown(value)} is not an ISO date or datetime") from None


def _record_id(line: bytes) -> str | None:
    """A record's `id` when it is a short string or an integer; otherwise the record is named by its line (and
    an unusable `id` is refused by parse_jsonl_record)."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return _usable_id(record.get("id")) if isinstance(record, dict) else None


def _usable_id(value) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip() and len(value) <= _MAX_ID_CHARS and value.isprintable():
        return value
    return None


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())


def with_page(meta: Metadata, page: Page | None) -> Metadata:
    """`meta` with what an HTML page says of itself where the metadata says nothing (a sidecar wins)."""
    if page is None:
        return meta
    dated = meta.published_at is None and page.published is not None
    return replace(meta, title=meta.title or page.title, author=meta.author or page.author,
                   published_at=page.published if dated else meta.published_at,
                   published_at_source="html" if dated else meta.published_at_source)
