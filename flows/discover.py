"""List the source, compare with file_manifest, and decide per file: new / changed / unchanged / gone.

Unchanged files are recognised from size and mtime alone; only files whose stat changed are read and hashed,
and a file whose bytes hash the same as before stays `unchanged` (a touch is not a change). Files are read in
path order with the next ones requested from the kernel ahead of time.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat as stat_module
from dataclasses import dataclass, field
from pathlib import Path

from transforms.ids import article_id_for
from transforms.metadata import JSONL, SIDECAR, jsonl_records, sidecar_path, with_sidecar

SUFFIX = ".txt"
# Articles as text, saved web pages (their article is extracted), JSON Lines files (one article a line) and
# sidecars of articles.
SUFFIXES = (SUFFIX, ".html", ".htm", JSONL, SIDECAR)
# The largest BBC article is 25 kB and the segmenter refuses text over 1,000,000 characters (4 MB of UTF-8 at
# most); a saved HTML page carries its markup, scripts and styles too. A file bigger than this is not one news
# article (a dump, a video renamed): refused from its size, never read (a 200 MB file read whole peaked at
# 1.3 GiB).
MAX_FILE_BYTES = 8 << 20
# A JSON Lines file holds many articles (an export, a feed): its own, larger limit; each record is one article.
MAX_JSONL_BYTES = 256 << 20  # read whole by discovery and by each batch holding one of its records
EMPTY = "empty: the file has no bytes"
BLANK_JSONL = "empty: the JSON Lines file has only blank lines"


@dataclass(frozen=True, slots=True)
class Known:
    """What file_manifest remembers about a path."""
    size_bytes: int | None
    mtime_ns: int | None
    content_sha256: str | None
    status: str
    article_id: str | None
    reason: str | None = None
    stage: str | None = None  # for quarantined: the stage that refused it (from the quarantine table)


@dataclass(frozen=True, slots=True)
class SeenFile:
    path: str  # relative to the source, "/"-separated, as path_text writes it
    size_bytes: int | None
    mtime_ns: int | None
    content_sha256: str | None
    article_id: str | None
    status: str  # new, changed, unchanged, quarantined, duplicate
    reason: str | None = None  # for quarantined
    duplicate_of: str | None = None
    stage: str | None = None  # for a refusal carried over from an earlier run: the stage that refused it


@dataclass
class Plan:
    to_load: list[SeenFile] = field(default_factory=list)  # new and changed, sorted by path
    unchanged: list[SeenFile] = field(default_factory=list)
    refused: list[SeenFile] = field(default_factory=list)  # quarantined or duplicate at discovery
    deleted: list[str] = field(default_factory=list)  # paths known to the manifest and now gone

    @property
    def seen(self) -> int:
        return len(self.to_load) + len(self.unchanged) + len(self.refused)


_CLAIM_ORDER = {"unchanged": 0, "changed": 1, "quarantined": 2}  # then every other status
# Stages whose refusal its bytes alone decide: any copy of them would be refused the same way.
CONTENT_STAGES = ("metadata", "decode", "segment", "extract", "validate")


def source_key(source: str | Path) -> str:
    """The source folder as runs record it (file_manifest.source, pipeline_runs.source): absolute and
    normalised, so `seeds`, `./seeds` and `/home/me/news-etl/seeds` are one source whose files load once, and
    workers with another working directory (a Dask cluster) read the same files. Symlinks are not resolved: a
    link repointed to another folder is the same source with new content."""
    return os.path.abspath(source)


def discover(source: Path, known: dict[str, Known], retry_quarantined: bool = False, reprocess: bool = False
             ) -> Plan:
    """`reprocess`: unchanged files are loaded again too (status `unchanged`), after an extractor upgrade."""
    plan = Plan()
    first_path_of: dict[str, str] = {}  # sha256 -> path, to recognise the same bytes under two names
    owner_of: dict[str, str] = {}  # article_id -> path, to refuse two files claiming one article id
    refused_for: dict[str, str] = {}  # path -> reason, of files whose bytes were refused
    found, unlisted = _walk(source)
    found, sidecars = _with_sidecars(found)
    found, records, unread_files = _jsonl_records(source, found, known, retry_quarantined)
    checked = [_check(source, path, entry, known.get(path), retry_quarantined) for path, entry in found]
    unread = [c for c in checked if isinstance(c, _Unread)]
    inspected = [c for c in checked if not isinstance(c, _Unread)] + records
    contents = _read_all([f.full_path for f in unread])
    inspected += [_hashed(file, content) for file, content in zip(unread, _sidecar_bytes(unread, contents, sidecars))]
    # Files already loaded keep their claim on their bytes and id, unchanged ones first, then changed ones: a
    # new copy is the duplicate, a new file with a loaded file's id is refused, whatever its name sorts like.
    # Then files whose bytes were refused (a copy of one is refused with it, not read again), then by path, so
    # the outcome does not depend on listing order.
    for seen in sorted(inspected, key=lambda f: (_CLAIM_ORDER.get(f.status, 3), f.path)):
        if seen.status == "quarantined" and seen.stage in CONTENT_STAGES and seen.content_sha256:
            refused_for[first_path_of.setdefault(seen.content_sha256, seen.path)] = seen.reason
        elif seen.status in ("new", "changed", "unchanged") and seen.content_sha256:
            seen = _check_uniqueness(seen, first_path_of, owner_of, refused_for)
        {"unchanged": plan.to_load if reprocess else plan.unchanged, "new": plan.to_load,
         "changed": plan.to_load}.get(seen.status, plan.refused).append(seen)
    for folder, reason in unlisted:
        plan.refused.append(SeenFile(folder + "/", None, None, None, None, "quarantined", reason))
    plan.refused.sort(key=lambda f: f.path)
    seen_paths = {f.path for f in plan.to_load + plan.unchanged + plan.refused}
    # Files under a folder we could not list are unknown, not gone: they keep their manifest row.
    hidden = tuple(folder + "/" for folder, _ in unlisted) + tuple(f"{path}#" for path in unread_files)
    plan.deleted = sorted(p for p, k in known.items()
                          if p not in seen_paths and k.status != "deleted" and not p.startswith(hidden))
    return plan


def _walk(source: Path):
    """(relative path, DirEntry) of every *.txt, *.html, *.htm, *.jsonl and *.meta.json entry, sorted; directories
    are entered, symlinks never.
    Also (relative folder, reason) of every subfolder that could not be listed (permission denied)."""
    stack = [""]  # folders relative to the source, "/"-separated ("" is the source itself)
    found, unlisted = [], []
    while stack:
        folder = stack.pop()
        prefix = folder + "/" if folder else ""
        try:
            # Plain strings, not Path objects: pathlib's parsing was a third of discovery (44k files, profiled).
            with os.scandir(os.path.join(source, folder)) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(prefix + entry.name)
                    elif entry.name.endswith(SUFFIXES):
                        found.append((path_text(prefix + entry.name), entry))
        except OSError as err:
            if not folder:  # no source at all is the caller's mistake, not a bad input
                raise
            unlisted.append((path_text(folder), f"cannot list folder: {err.strerror}"))
    return sorted(found, key=lambda item: item[0]), sorted(unlisted)


@dataclass(frozen=True, slots=True)
class _Unread:
    """A file whose stat does not vouch for it: its bytes must be read and hashed."""
    path: str
    full_path: str
    size_bytes: int
    mtime_ns: int
    article_id: str
    old: Known | None


def _check(source: Path, path: str, entry: os.DirEntry, old: Known | None, retry: bool,
           limit: int = MAX_FILE_BYTES) -> SeenFile | _Unread:
    """What stat alone tells about a file: its verdict, or _Unread when only its bytes can tell."""
    article_id = article_id_for(path)
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        where = "inside" if Path(target).is_relative_to(source.resolve()) else "outside"
        return SeenFile(path, None, None, None, article_id, "quarantined",
                        f"symlink to {target} ({where} the source folder): not followed")
    try:
        stat = entry.stat(follow_symlinks=False)
    except OSError as err:
        return SeenFile(path, None, None, None, article_id, "quarantined", f"cannot stat: {err.strerror}")
    if not stat_module.S_ISREG(stat.st_mode):  # a FIFO or device would block or never end when read
        return SeenFile(path, None, None, None, article_id, "quarantined",
                        "not a regular file (FIFO, socket or device): not read")
    if not stat.st_size or stat.st_size > limit:  # refused from the size alone: nothing to read
        # No hash either: empty files all hash alike, and would be refused as copies of each other.
        reason = too_large(stat.st_size, limit) if stat.st_size else EMPTY
        return SeenFile(path, stat.st_size, stat.st_mtime_ns, None, article_id, "quarantined", reason)
    if old and old.size_bytes == stat.st_size and old.mtime_ns == stat.st_mtime_ns:
        if _loaded(old):
            return SeenFile(path, stat.st_size, stat.st_mtime_ns, old.content_sha256, article_id, "unchanged")
        if old.status == "duplicate" or _id_taken(old):  # never loaded: claims its bytes and id again, and
            # loads once the file it copies, or whose id it carries, is gone
            return SeenFile(path, stat.st_size, stat.st_mtime_ns, old.content_sha256, article_id, "new")
        if old.status == "quarantined" and not retry:  # still refused for the same reason; fix the file
            # (or pass retry) to try again. A deleted file back with the same stat (mv, rsync -a) is read anew.
            return SeenFile(path, stat.st_size, stat.st_mtime_ns, old.content_sha256, article_id,
                            "quarantined", old.reason, stage=old.stage)
    return _Unread(path, entry.path, stat.st_size, stat.st_mtime_ns, article_id, old)


def too_large(size: int, limit: int = MAX_FILE_BYTES) -> str:
    what = "a JSON Lines file" if limit == MAX_JSONL_BYTES else "a news article"
    return f"file of {size:,} bytes (limit {limit:,}): too large for {what}, not read"


def _hashed(file: _Unread, content: bytes | OSError | int, limit: int = MAX_FILE_BYTES) -> SeenFile:
    if isinstance(content, OSError):
        return SeenFile(file.path, file.size_bytes, file.mtime_ns, None, file.article_id, "quarantined",
                        f"cannot read: {content.strerror}")
    if isinstance(content, int):  # grew past the limit after its stat
        return SeenFile(file.path, content, file.mtime_ns, None, file.article_id, "quarantined",
                        too_large(content, limit))
    sha = hashlib.sha256(content).hexdigest()
    if not _loaded(file.old):  # first seen, back from deleted, or never loaded (duplicate, quarantined)
        status = "new"
    else:
        status = "unchanged" if file.old.content_sha256 == sha else "changed"
    return SeenFile(file.path, file.size_bytes, file.mtime_ns, sha, file.article_id, status)


def _loaded(old: Known | None) -> bool:
    return old is not None and old.status in ("new", "changed", "unchanged")


READ_AHEAD = 64  # files whose reading is requested before the one being read


def _read_all(paths: list[str], limit: int = MAX_FILE_BYTES):
    """The bytes of each file in turn (or the OSError that refused them). A cold page cache made reading
    44,100 small files one by one wait on the disk (4.3 s, 2.3 s of it CPU): asking the kernel to read the
    next files ahead (posix_fadvise WILLNEED) keeps the disk busy meanwhile (1.4-1.6 s cold, measured)."""
    hint = _will_need if hasattr(os, "posix_fadvise") else lambda path: None
    for path in paths[:READ_AHEAD]:
        hint(path)
    for i, path in enumerate(paths):
        if i + READ_AHEAD < len(paths):
            hint(paths[i + READ_AHEAD])
        try:
            yield read_bounded(path, limit)
        except OSError as err:
            yield err


def read_bounded(path: str, limit: int = MAX_FILE_BYTES) -> bytes | int:
    """The file's bytes, or its size when it is over `limit` (a file can grow after its stat): never
    more than the limit in memory."""
    with open(path, "rb") as file:
        content = file.read(limit + 1)
        return content if len(content) <= limit else os.fstat(file.fileno()).st_size


def _will_need(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # non-blocking: a file swapped for a FIFO must not hang
    except OSError:
        return  # the read itself will say why
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    finally:
        os.close(fd)


# File names are bytes; the manifest, ids and Parquet hold UTF-8 text. A name that is not valid UTF-8 reaches
# Python with each bad byte as a lone surrogate (surrogateescape), which no UTF-8 column can hold: each is
# written `\xNN`. So that no other name can be written the same, a backslash that would read as such an escape
# (`\x` and two hex digits) is written `\x5c`: `bad<0xff>name.txt` is `bad\xffname.txt`, a file really named
# `bad\xffname.txt` is `bad\x5cxffname.txt`, and every other name is its own text.
_BAD_BYTE = re.compile("[\udc80-\udcff]")
_LOOKS_ESCAPED = re.compile(r"\\(?=x[0-9a-fA-F]{2})")
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


def path_text(path: str) -> str:
    """A file system path (undecodable bytes as lone surrogates) as the text recorded for it; fs_path undoes it."""
    if "\\" not in path and _is_utf8(path):
        return path
    path = _LOOKS_ESCAPED.sub(r"\\x5c", path)
    return _BAD_BYTE.sub(lambda bad: f"\\x{ord(bad.group()) - 0xDC00:02x}", path)


def fs_path(text: str) -> str:
    """The path to open for a recorded path: `os.fsencode(fs_path(path_text(p))) == os.fsencode(p)`."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda code: os.fsdecode(bytes([int(code.group(1), 16)])), text)


def _is_utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # os.scandir keeps undecodable name bytes as lone surrogates
        return False
    return True


_ID_TAKEN = "article id {} is already taken by {}"


def _id_taken(old: Known) -> bool:
    return old.status == "quarantined" and (old.reason or "").startswith(_ID_TAKEN.split("{}")[0])


def copy_of_refused(first: str, reason: str) -> str:
    """The reason of a duplicate whose original was refused (by this run, or carried over from an earlier one)."""
    return f"same bytes as {first}, which is refused: {reason}"


def _check_uniqueness(seen: SeenFile, first_path_of: dict, owner_of: dict, refused_for: dict) -> SeenFile:
    first = first_path_of.setdefault(seen.content_sha256, seen.path)
    if first != seen.path:
        reason = (copy_of_refused(first, refused_for[first]) if first in refused_for
                  else f"same bytes as {first}: loaded once, under {first}")
        return SeenFile(seen.path, seen.size_bytes, seen.mtime_ns, seen.content_sha256, None, "duplicate",
                        reason, duplicate_of=first)
    owner = owner_of.setdefault(seen.article_id, seen.path)
    if owner != seen.path:
        return SeenFile(seen.path, seen.size_bytes, seen.mtime_ns, seen.content_sha256, seen.article_id,
                        "quarantined", _ID_TAKEN.format(seen.article_id, owner))
    return seen


class _WithSidecar:
    """An article's DirEntry as discovery sees it when it has a sidecar: its size is both files' and its mtime
    the later one, so that editing, adding or removing the sidecar changes the article's stat."""
    __slots__ = ("entry", "sidecar", "path", "name")

    def __init__(self, entry: os.DirEntry, sidecar: os.DirEntry) -> None:
        self.entry, self.sidecar, self.path, self.name = entry, sidecar, entry.path, entry.name

    def is_symlink(self) -> bool:
        return self.entry.is_symlink()

    def stat(self, follow_symlinks: bool = True) -> os.stat_result:
        """Refused like the file itself (a "cannot stat" quarantine) when the sidecar is a symlink, never
        followed, or not a regular file, which could block reading."""
        own, side = self.entry.stat(follow_symlinks=False), self.sidecar.stat(follow_symlinks=False)
        if not stat_module.S_ISREG(side.st_mode):
            raise OSError(errno.EINVAL, f"its sidecar {self.sidecar.name} is a symlink or not a regular file: "
                          "not read")
        fields = list(own)
        fields[stat_module.ST_SIZE] += side.st_size
        fields[stat_module.ST_MTIME] = max(own.st_mtime, side.st_mtime)
        return os.stat_result(fields, {"st_mtime_ns": max(own.st_mtime_ns, side.st_mtime_ns)})


def _with_sidecars(found: list) -> tuple[list, dict[str, str]]:
    """The entries without the sidecars, an article with one wrapped in _WithSidecar; and article path -> the
    sidecar's full path. A sidecar is not an article; one without an article beside it is ignored."""
    sidecars = {path: entry for path, entry in found if path.endswith(SIDECAR)}
    articles, full_paths = [], {}
    for path, entry in found:
        if path.endswith(SIDECAR):
            continue
        sidecar = sidecars.get(sidecar_path(path)) if not path.endswith(JSONL) else None
        if sidecar is not None:
            entry, full_paths[path] = _WithSidecar(entry, sidecar), sidecar.path
        articles.append((path, entry))
    return articles, full_paths


def _sidecar_bytes(unread: list[_Unread], contents, sidecars: dict[str, str]):
    """The bytes whose hash is each file's content_sha256: its own, with its sidecar's when it has one."""
    for file, content in zip(unread, contents):
        if file.path in sidecars and isinstance(content, bytes):
            try:
                with open(sidecars[file.path], "rb") as sidecar:
                    content = with_sidecar(content, sidecar.read())
            except OSError as err:
                content = err
        yield content


def _jsonl_records(source: Path, found: list, known: dict[str, Known], retry: bool):
    """The entries that are not JSON Lines files; a SeenFile per record (non-blank line) of each one that is
    (transforms.metadata.jsonl_records names them `<file>.jsonl#line=<n>` or `#id=<id>`); and the files whose
    records are not listed: refused, or emptied (0 bytes, or blank lines only). Their known records are kept as
    they were, not deleted: an emptied file is more often a failed export or copy than an order to delete every
    record, and an article file emptied keeps its article too. A file gone, or a line removed, deletes records.

    A record's manifest row holds its file's size and mtime: when they still match, the records known are
    taken as they were without reading the file; otherwise the file is read and each record hashed."""
    rest, records, unread_files = [], [], []
    known_records: dict[str, dict[str, Known]] = {}
    for path, old in known.items():
        if JSONL + "#" in path:
            known_records.setdefault(path.rpartition(JSONL + "#")[0] + JSONL, {})[path] = old
    for path, entry in found:
        if not path.endswith(JSONL):
            rest.append((path, entry))
            continue
        checked = _check(source, path, entry, None, retry, MAX_JSONL_BYTES)
        if isinstance(checked, SeenFile):  # empty, over-size, a symlink, a FIFO, an unreadable stat: refused
            records.append(checked)
            unread_files.append(path)
            continue
        old = known_records.get(path, {})
        present = {p: k for p, k in old.items() if k.status != "deleted"}
        if present and all(_record_unchanged(k, checked, retry) for k in present.values()):
            records += [SeenFile(p, k.size_bytes, k.mtime_ns, k.content_sha256, article_id_for(p), "unchanged")
                        if _loaded(k) else SeenFile(p, k.size_bytes, k.mtime_ns, k.content_sha256,
                                                    article_id_for(p), k.status, k.reason, stage=k.stage)
                        for p, k in sorted(present.items())]
            continue
        content = next(_read_all([checked.full_path], MAX_JSONL_BYTES))
        if not isinstance(content, bytes):
            records.append(_hashed(checked, content, MAX_JSONL_BYTES))
            unread_files.append(path)
            continue
        found_records = [_hashed(_Unread(uri, checked.full_path, checked.size_bytes, checked.mtime_ns,
                                         article_id_for(uri), old.get(uri)), line)
                         for uri, line in jsonl_records(path, content)]
        if not found_records:  # emptied but for blank lines: refused like an empty file, its records kept
            records.append(SeenFile(path, checked.size_bytes, checked.mtime_ns, None, None, "quarantined", BLANK_JSONL))
            unread_files.append(path)
        records += found_records
    return rest, records, unread_files


def _record_unchanged(old: Known, file: _Unread, retry: bool) -> bool:
    """A known record whose file's stat still matches, loaded or refused (not retried) as it was."""
    same = old.size_bytes == file.size_bytes and old.mtime_ns == file.mtime_ns
    return same and (_loaded(old) or old.status == "quarantined" and not retry and not _id_taken(old))
