"""bytes -> text: pick the encoding, normalise line ends and character references, refuse what is not text.

Bytes that are not UTF-8 throughout are still read as UTF-8 when they look like it: when the multi-byte UTF-8
sequences they hold are at least as many as the bytes that are not valid UTF-8 (and there is at least one). A
UTF-8 article with a stray byte (a truncated copy, a byte of another encoding pasted in) then keeps its "é" and
"£", each bad byte becomes U+FFFD and `replaced_bytes` counts them, where reading it all as Latin-1 turned every
accented letter into two (`CafÃ©`). Latin-1 or Windows-1252 text holds accented letters as single bytes, which
are invalid UTF-8 and almost never form a valid sequence by chance, so it stays below the line.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from transforms.html import Page, extract_page, is_html
from transforms.model import BadInput

_BOMS = (  # no UTF-32: its LE BOM starts like UTF-16's, and the NULs that decoding leaves refuse it as binary
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, LF, VT, FF, CR: text files do not contain them.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
# Decoded with surrogateescape, each byte that is not valid UTF-8 is one lone surrogate, and every other
# non-ASCII character one valid multi-byte sequence.
_BAD_BYTE = re.compile("[\udc80-\udcff]")
_MULTI_BYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")
# Formats that are not text, by the bytes they start with (their "magic numbers"): named in the refusal.
_FORMATS = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or a .docx, .xlsx, .odt, .epub: ZIP inside)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97-2003 document (.doc, .xls, .ppt)"),
    (b"{\\rtf", "RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg audio/video"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
)
# Short magic numbers that are also ASCII words ("BZh", "ID3", "OggS", "fLaC") are only trusted with a byte
# that text does not hold (a control or NUL) in the first 16 bytes; the longer ones are unmistakable.
_AMBIGUOUS = (b"BZh", b"ID3", b"OggS", b"fLaC")
_LETTER = re.compile(r"[^\W\d_]")
# Wire copy that went through HTML arrives with character references: "&#163;8m" is £8m, "S&#227;o Paulo" São
# Paulo (24 BBC files). Numeric ones and the five XML names are read as the characters they stand for; other
# "&name;" forms are left as written (html.unescape would also turn "&not" into "¬" without a semicolon).
_REFERENCE = re.compile(r"&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&(lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # with "\n" line ends only
    encoding: str  # utf-8, utf-8-sig, utf-16, windows-1252, latin-1
    replaced_bytes: int = 0  # bytes that were not valid UTF-8, each replaced by U+FFFD
    first_replaced: int | None = None  # byte offset of the first of them
    page: Page | None = None  # for an HTML page: what it says of itself (`text` is then its article text)

    @property
    def warning(self) -> str | None:
        """A one-line reason to flag the article, when its bytes were not read exactly as they are."""
        if not self.replaced_bytes:
            return None
        return (f"{self.replaced_bytes:,} byte(s) not valid UTF-8 replaced by U+FFFD (the first at byte "
                f"{self.first_replaced:,}); the rest of the file is UTF-8")


def decode(raw: bytes, name: str = "") -> Decoded:
    """Decode one article file (`name`: its path, whose suffix can say it is HTML). An HTML page is replaced by
    the article it carries (transforms/html.py). Raises BadInput with the quarantine reason when it is not text."""
    if not raw.strip():
        raise BadInput("empty file: no bytes or only whitespace")
    _refuse_known_format(raw)
    text, encoding, first_replaced, replaced = _decode_bytes(raw)
    if "\x00" in text:
        raise BadInput("binary content: text contains NUL characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page = None
    if is_html(name, text):  # the parser reads its character references, and "&lt;p&gt;" is not markup
        page = extract_page(text)
        text = page.text
    elif "&" in text:
        text = _REFERENCE.sub(_character, text)
    if not _LETTER.search(text):
        raise BadInput("no text: the file holds no letters")
    return Decoded(text, encoding, replaced, first_replaced, page)


def _refuse_known_format(raw: bytes) -> None:
    head = raw[:16]
    for magic, name in _FORMATS:
        if head.startswith(magic) and (magic not in _AMBIGUOUS or _CONTROL.search(head)):
            raise BadInput(f"{name} (the file starts with {magic[:8]!r}), not article text: save the article as "
                           "text or HTML")
    if head[4:8] == b"ftyp":
        raise BadInput("MP4/QuickTime video (the file has 'ftyp' at byte 4), not article text")
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise BadInput(f"RIFF {head[8:12].decode().strip()} file, not article text")


def _character(ref: re.Match) -> str:
    decimal, hexadecimal, name = ref.groups()
    if name:
        return _NAMED[name]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if 0x80 <= code <= 0x9F:  # "&#150;": a Windows-1252 byte written as a code point (an en dash here)
        try:
            return bytes([code]).decode("windows-1252")
        except UnicodeDecodeError:
            return ref.group()
    # Not a character a text can hold (a NUL, a control, a lone surrogate, beyond Unicode): keep the reference.
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or (code < 0x20 and code not in (9, 10)) or code == 0x7F:
        return ref.group()
    return chr(code)


def _decode_bytes(raw: bytes) -> tuple[str, str, int | None, int]:
    """(text, encoding, byte offset of the first replaced byte, bytes replaced)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            if encoding == "utf-8-sig":  # declared UTF-8: a stray byte is replaced, as in UTF-8 without a BOM
                return _utf8_replacing(raw[len(bom):], encoding, len(bom))
            try:
                return raw.decode(encoding), encoding, None, 0
            except UnicodeDecodeError as err:
                raise BadInput(f"undecodable {encoding} after its byte-order mark: {err.reason}") from err
    if b"\x00" in raw:
        raise BadInput("binary content: NUL bytes and no UTF-16 byte-order mark")
    try:
        return raw.decode("utf-8"), "utf-8", None, 0
    except UnicodeDecodeError:
        pass
    controls = len(_CONTROL.findall(raw[:65536]))
    if controls > max(2, len(raw[:65536]) // 1000):
        raise BadInput(f"binary content: {controls} control bytes, not UTF-8")
    escaped = raw.decode("utf-8", "surrogateescape")
    bad = len(_BAD_BYTE.findall(escaped))
    if bad <= len(_MULTI_BYTE.findall(escaped)):  # UTF-8-like (module docstring); no multi-byte: 0 < bad
        return _utf8_replacing(raw, "utf-8", 0, escaped)
    # Legacy single-byte text. 0x80-0x9f are C1 controls in Latin-1 but punctuation in Windows-1252.
    if _CP1252_ONLY.search(raw):
        try:
            return raw.decode("windows-1252"), "windows-1252", None, 0
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1"), "latin-1", None, 0


def _utf8_replacing(raw: bytes, encoding: str, offset: int, escaped: str | None = None
                    ) -> tuple[str, str, int | None, int]:
    """UTF-8 with each byte that is not valid UTF-8 replaced by U+FFFD (one per byte, so the count is exact);
    `offset`: where `raw` starts in the file."""
    escaped = raw.decode("utf-8", "surrogateescape") if escaped is None else escaped
    first = _BAD_BYTE.search(escaped)
    if first is None:
        return escaped, encoding, None, 0
    at = offset + len(escaped[:first.start()].encode("utf-8", "surrogateescape"))
    text, replaced = _BAD_BYTE.subn("\ufffd", escaped)
    return text, encoding, at, replaced
