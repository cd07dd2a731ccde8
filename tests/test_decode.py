import codecs
import re

import pytest

from transforms.decode import decode
from transforms.model import BadInput

TEXT = "Café “quoted” – naïve\nsecond line\n"


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("windows-1252"), "windows-1252"),
    ],
)
def test_decode_recovers_text_and_names_encoding(raw, encoding):
    decoded = decode(raw)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_decode_latin1_without_windows_punctuation():
    decoded = decode("Côte d'Ivoire scored £5m\n".encode("latin-1"))
    assert decoded.text == "Côte d'Ivoire scored £5m\n"
    assert decoded.encoding == "latin-1"


def test_decode_normalises_crlf_and_cr():
    assert decode(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"text with a \x00 NUL byte", "NUL"),
        (bytes(range(256)) * 8, "binary content"),
        (b"1234 5678\n--\n", "no text"),
    ],
)
def test_decode_refuses_non_text_with_reason(raw, reason):
    with pytest.raises(BadInput, match=reason):
        decode(raw)


def test_decode_reads_html_character_references():
    """Wire copy that went through HTML: the characters the references stand for, so "£8m" is money and
    "São Paulo" one name (a Windows-1252 byte written as a code point, &#150;, is its en dash)."""
    raw = b"Tottenham bid &#163;8m in S&#227;o Paulo &#x41; &lt;b&gt; 1&#150;0 &amp;amp;"
    assert decode(raw).text == "Tottenham bid £8m in São Paulo A <b> 1–0 &amp;"


def test_decode_keeps_ampersands_that_are_not_references():
    raw = b"AT&T and R&D, &not a reference, &copy; &#0; &#55296; &#129; &#99999999;"
    assert decode(raw).text == raw.decode()


STRAY = ("Café owner wins £5m prize\n\nJosé Müller said the £5m would go to his staff.\n\nHis staff"
         "\x00s bonus comes in March.\n").encode().replace(b"\x00", b"\x92")  # one Windows-1252 apostrophe


def test_decode_utf8_with_a_stray_byte_replaces_it_and_flags_it():
    decoded = decode(STRAY)
    assert decoded.text == ("Café owner wins £5m prize\n\nJosé Müller said the £5m would go to his staff.\n\n"
                            "His staff\ufffds bonus comes in March.\n")
    assert (decoded.encoding, decoded.replaced_bytes, decoded.first_replaced) == ("utf-8", 1, 90)
    assert decoded.warning == ("1 byte(s) not valid UTF-8 replaced by U+FFFD (the first at byte 90); the rest of "
                               "the file is UTF-8")


def test_decode_replaces_each_bad_byte_after_a_utf8_bom():
    decoded = decode(codecs.BOM_UTF8 + "Zürich \xff\xfe!\n".encode("latin-1").replace(b"\xfc", "ü".encode()))
    assert (decoded.text, decoded.encoding, decoded.replaced_bytes, decoded.first_replaced) == \
        ("Zürich \ufffd\ufffd!\n", "utf-8-sig", 2, 11)


def test_decode_clean_text_has_no_warning():
    assert (decode(TEXT.encode()).replaced_bytes, decode(TEXT.encode()).warning) == (0, None)
    assert decode(TEXT.encode("windows-1252")).warning is None


def test_decode_reads_latin1_with_a_chance_utf8_sequence_as_latin1():
    """"Ã©" in Latin-1 is the bytes of a UTF-8 "é"; one such pair among many single-byte letters is chance."""
    raw = "Ã© from Gérard, Zoë and Müller in Köln\n".encode("latin-1")
    assert (decode(raw).text, decode(raw).encoding) == ("Ã© from Gérard, Zoë and Müller in Köln\n", "latin-1")


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF document (the file starts with b'%PDF-')"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive (or a .docx, .xlsx, .odt, .epub: ZIP inside)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"{\\rtf1\\ansi Ministers said", "RTF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Microsoft Office 97-2003 document"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4/QuickTime video"),
    ],
)
def test_decode_refuses_binary_formats_by_name(raw, reason):
    with pytest.raises(BadInput, match=re.escape(reason)):
        decode(raw)


def test_decode_reads_text_that_starts_like_a_short_magic_number():
    assert decode(b"ID3 tags explained: a guide for music fans.\n").text.startswith("ID3 tags")
