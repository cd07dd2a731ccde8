"""bytes -> text: pick the encoding, normalise line ends and character references, refuse what is not text."""
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
# Wire copy that went through HTML arrives with character references: "&#163;8m" is £8m, "S&#227;o Paulo" São
# Paulo (24 BBC files). Numeric ones and the five XML names are read as the characters they stand for; other
# "&name;" forms are left as written (html.unescape would also turn "&not" into "¬" without a semicolon).
_REFERENCE = re.compile(r"&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&(lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


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
    if "&" in text:
        text = _REFERENCE.sub(_character, text)
    if not _LETTER.search(text):
        raise BadInput("no text: the file holds no letters")
    return Decoded(text, encoding)


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
