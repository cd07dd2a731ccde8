import codecs

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
