"""HTML pages (issue 20, item 11): the article text, title, author and date of a page, never its markup or its
menus, footers and "most read" boxes."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from transforms.decode import decode
from transforms.html import extract_page, is_html
from transforms.model import BadInput
from transforms.segment import segment

PAGE = (Path(__file__).parent / "fixtures" / "html" / "harbour_ferry.html").read_bytes()
PARAGRAPHS = [
    "Residents of Port Hallow voted on Wednesday to keep the town's ferry service running, after the council warned "
    "it would cost £1.2m a year to subsidise.",
    'Council leader Martin Hughes said the result was "a clear message that the ferry is part of who we are". '
    "About 64% of the 8,000 voters backed the subsidy.",
    "The service, which carries 120,000 passengers a year to the island of Tresk, had faced closure in April. The "
    "operator, Westway Ferries, said it welcomed the decision.",
]
# Page furniture around the article: none of it is article text.
BOILERPLATE = ("Coastal Gazette", "Subscribe", "Weather", "Most read", "Storm closes", "chess", "Privacy", "Cookie",
               "rights reserved", "analytics", "Local Democracy Reporter", "14 March 2024", "<", ">")


def test_extract_page_keeps_the_article_and_what_the_page_says_of_it():
    page = extract_page(PAGE.decode())
    assert (page.title, page.author, page.published) == \
        ("Harbour town votes to keep its ferry", "Jane Porter", date(2024, 3, 14))
    assert page.text == "Harbour town votes to keep its ferry\n\n" + "\n".join(PARAGRAPHS) + "\n"


@pytest.mark.parametrize("name", ["harbour_ferry.html", "saved_as.txt"])
def test_decode_reads_an_html_page_as_its_article_whatever_its_name(name):
    decoded = decode(PAGE, name)
    article = segment(decoded.text)
    assert (article.title, [p.text for p in article.paragraphs], article.related_headlines) == \
        ("Harbour town votes to keep its ferry", PARAGRAPHS, ())
    assert not [word for word in BOILERPLATE if word in decoded.text.split("\n", 1)[1]]
    assert decoded.page.author == "Jane Porter"


def test_decode_reads_the_character_references_of_a_page():
    raw = b"<html><body><article><h1>Deal</h1><p>AT&amp;T paid &pound;5m for S&#227;o Paulo&#8217;s network, said " \
          b"Ann Lee on Monday.</p></article></body></html>"
    assert decode(raw, "deal.html").text == "Deal\n\nAT&T paid £5m for São Paulo’s network, said Ann Lee on Monday.\n"


@pytest.mark.parametrize("text, html", [
    ("<!DOCTYPE html>\n<html><body><p>x</p></body></html>", True),
    ("\n  <!-- saved from url=(0014)about:internet -->\n<html lang=en>", True),
    ('<?xml version="1.0"?>\n<!DOCTYPE HTML PUBLIC "-//W3C//DTD XHTML 1.0//EN">', True),
    ("<div><p>One.</p><p>Two.</p><p>Three.</p></div>", True),
    ("Ministers said the <b> tag and the <html> element were in the bill.\n\nMore text.", False),
    ("<Reuters> Shares rose.\n\nMarkets </b>closed higher.", False),
])
def test_is_html_from_how_the_text_starts(text, html):
    assert is_html("article.txt", text) is html


def test_is_html_from_the_suffix():
    assert is_html("news/page.HTM", "Plain words") and is_html("page.html", "") and not is_html("page.txt", "Plain")


def test_extract_page_refuses_a_page_without_article_text():
    """A page saved before its script filled it in: nothing but a title and an empty placeholder."""
    with pytest.raises(BadInput, match=r"^HTML page with no article text \(an empty page, or one its scripts fill in\?\)$"):
        extract_page('<html><head><title>Loading</title><script>var a = "Please enable JavaScript";</script>'
                     '</head><body><div id="app"></div></body></html>')
