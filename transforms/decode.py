"""bytes -> text: pick the encoding, normalise line ends, refuse what is not text."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from transforms.model import BadInput

_BOMS = (  # no UTF-32: its LE BOM starts like UTF-16's, and the NULs that decoding leaves refuse it as binary
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, LF, VT, FF, CR: text files do not contain them.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # with "\n" line ends only
    encoding: str  # utf-8, utf-8-sig, utf-16, windows-1252, latin-1


def decode(raw: bytes) -> Decoded:
    """Decode one article file. Raises BadInput with the quarantine reason when it is not text."""
    if not raw.strip():
        raise BadInput("empty file: no bytes or only whitespace")
    text, encoding = _decode_bytes(raw)
    if "\x00" in text:
        raise BadInput("binary content: text contains NUL characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _LETTER.search(text):
        raise BadInput("no text: the file holds no letters")
    return Decoded(text, encoding)


def _decode_bytes(raw: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise BadInput(f"undecodable {encoding} after its byte-order mark: {err.reason}") from err
    if b"\x00" in raw:
        raise BadInput("binary content: NUL bytes and no UTF-16 byte-order mark")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    controls = len(_CONTROL.findall(raw[:65536]))
    if controls > max(2, len(raw[:65536]) // 1000):
        raise BadInput(f"binary content: {controls} control bytes, not UTF-8")
    # Legacy single-byte text. 0x80-0x9f are C1 controls in Latin-1 but punctuation in Windows-1252.
    if _CP1252_ONLY.search(raw):
        try:
            return raw.decode("windows-1252"), "windows-1252"
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1"), "latin-1"
