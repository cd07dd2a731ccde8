"""transforms.metadata (sidecars, JSON Lines records, category), the segmenter's known title, temporal anchors
and quantity links: pure functions, no Prefect."""
from datetime import date

import pytest

from transforms.batch import SourceDoc, facts_of, transform_batch
from transforms.extract import extract_facts
from transforms.extract.links import quantity_subjects
from transforms.ids import article_id_for
from transforms.metadata import (
    Metadata,
    category_of,
    content_sha256,
    jsonl_file,
    jsonl_records,
    jsonl_source_id,
    parse_jsonl_record,
    parse_sidecar,
    sidecar_path,
)
from transforms.model import BadInput
from transforms.segment import segment


def test_category_of_first_folder_or_none():
    assert category_of("business/001.txt") == "business"
    assert category_of("feeds/2005/wire.jsonl#line=3") == "feeds"
    assert category_of("001.txt") is None


def test_sidecar_path_beside_the_article():
    assert sidecar_path("business/001.txt") == "business/001.meta.json"
    assert sidecar_path("root.txt") == "root.meta.json"


def test_parse_sidecar_known_and_unknown_keys():
    meta = parse_sidecar(b'{"published_at": "2005-01-03T23:30:00-05:00", "url": "https://x.example/1", '
                         b'"author": " Jane   Smith ", "section": "markets", "title": "A title", '
                         b'"wordcount": 310, "tags": ["a", "b"]}')
    assert meta == Metadata(date(2005, 1, 3), "sidecar", "https://x.example/1", "Jane Smith", "markets", "A title",
                            '{"tags":["a","b"],"wordcount":310}')


def test_parse_sidecar_plain_date_and_no_extra():
    assert parse_sidecar(b'\xef\xbb\xbf{"published_at": "2005-01-03"}') == Metadata(date(2005, 1, 3), "sidecar")


@pytest.mark.parametrize("raw, reason", [
    (b'{"published_at": "12/01/2005"}',
     'sidecar .meta.json: `published_at` "12/01/2005" is not an ISO date or datetime'),
    (b'{"published_at": 20050112}', "sidecar .meta.json: `published_at` must be an ISO date string, got 20050112"),
    (b'{"author": ["A", "B"]}', 'sidecar .meta.json: `author` must be a non-empty string, got ["A", "B"]'),
    (b'{"title": "  "}', 'sidecar .meta.json: `title` must be a non-empty string, got "  "'),
    (b'["a"]', "sidecar .meta.json must be a JSON object, got list"),
    (b'{"url": ', "sidecar .meta.json is not valid JSON: Expecting value: line 1 column 9 (char 8)"),
])
def test_parse_sidecar_refuses_bad_metadata_with_one_line(raw, reason):
    with pytest.raises(BadInput) as err:
        parse_sidecar(raw)
    assert str(err.value) == reason


def test_jsonl_records_named_by_id_or_line():
    content = (b'{"id": "a/1", "text": "x"}\r\n\n{"text": "y"}\n{"id": 7, "text": "z"}\n{"id": true, "text": "w"}\n'
               b'{not json\n')
    records = jsonl_records("feeds/wire.jsonl", content)
    assert records == [("feeds/wire.jsonl#id=a%2F1", b'{"id": "a/1", "text": "x"}'),
                       ("feeds/wire.jsonl#line=3", b'{"text": "y"}'),
                       ("feeds/wire.jsonl#id=7", b'{"id": 7, "text": "z"}'),
                       ("feeds/wire.jsonl#line=5", b'{"id": true, "text": "w"}'),
                       ("feeds/wire.jsonl#line=6", b"{not json")]
    assert [article_id_for(uri) for uri, _ in records][:3:2] == ["a/1", "7"]
    assert article_id_for("feeds/wire.jsonl#line=3") == article_id_for("feeds/wire.jsonl#line=3") != \
        article_id_for("feeds/wire.jsonl#line=4")
    assert jsonl_source_id("feeds/wire.jsonl#line=3") is None
    assert jsonl_file("feeds/wire.jsonl#id=a%2F1") == "feeds/wire.jsonl"


def test_parse_jsonl_record_text_and_metadata():
    meta, text = parse_jsonl_record(b'{"id": "w1", "text": "Title\\n\\nBody.", "published_at": "2005-03-20", '
                                    b'"section": "wire", "lang": "en"}')
    assert (meta, text) == (Metadata(date(2005, 3, 20), "jsonl", section="wire", extra='{"lang":"en"}'),
                            "Title\n\nBody.")


@pytest.mark.parametrize("raw, reason", [
    (b'{"id": "w1"}', "JSON line: `text` must be a non-empty string, got null"),
    (b'{"text": 5}', "JSON line: `text` must be a non-empty string, got 5"),
    (b'{"id": [1], "text": "Body."}',
     "JSON line: `id` must be a non-empty string (at most 200 printable characters) or an integer"),
    (b'{"text": "Body.", "published_at": "yesterday"}',
     'JSON line: `published_at` "yesterday" is not an ISO date or datetime'),
    (b'"just text"', "JSON line must be a JSON object, got str"),
])
def test_parse_jsonl_record_refuses_bad_records(raw, reason):
    with pytest.raises(BadInput) as err:
        parse_jsonl_record(raw)
    assert str(err.value) == reason


def test_content_sha256_covers_the_sidecar():
    assert content_sha256(b"text") != content_sha256(b"text", b"{}") != content_sha256(b"text", b'{"a": 1}')


def test_segment_known_title_takes_a_first_line_that_repeats_it():
    article = segment("Blair sets out  plans\n\nTony Blair spoke.\n", title="Blair sets out plans")
    assert (article.title, [p.text for p in article.paragraphs]) == ("Blair sets out plans", ["Tony Blair spoke."])


def test_segment_known_title_leaves_another_first_line_in_the_body():
    article = segment("Tony Blair said on Monday\n\nThat was all.\n", title="Blair speaks")
    assert (article.title, [p.text for p in article.paragraphs]) == \
        ("Blair speaks", ["Tony Blair said on Monday", "That was all."])


def _temporals(text: str, meta: Metadata, reference: date | None):
    article = segment(text)
    return [(t.span.text, t.start_date, t.end_date, t.anchor) for t in facts_of(article, meta, reference).temporals]


_DATED = "Sales rose on 3 January 2005, in January 2005 and in 2004, and fell last week and on Monday."


def test_facts_of_absolute_dates_resolve_without_any_anchor():
    assert _temporals(_DATED, Metadata(), None) == [
        ("3 January 2005", date(2005, 1, 3), date(2005, 1, 3), "absolute"),
        ("January 2005", date(2005, 1, 1), date(2005, 1, 31), "absolute"),
        ("2004", date(2004, 1, 1), date(2004, 12, 31), "absolute"),
        ("last week", None, None, "none"),
        ("Monday", None, None, "none"),
    ]


def test_facts_of_relative_dates_count_from_published_at_before_the_reference_date():
    published = Metadata(date(2005, 2, 1), "sidecar")
    assert _temporals(_DATED, published, date(2010, 6, 1))[3:] == [
        ("last week", date(2005, 1, 24), date(2005, 1, 30), "published_at"),
        ("Monday", date(2005, 1, 31), date(2005, 1, 31), "published_at"),
    ]
    assert _temporals(_DATED, Metadata(), date(2010, 6, 2))[3:] == [
        ("last week", date(2010, 5, 24), date(2010, 5, 30), "reference_date"),
        ("Monday", date(2010, 5, 31), date(2010, 5, 31), "reference_date"),
    ]


def _links(text: str) -> list[tuple[str, str | None]]:
    article = segment(text)
    facts = extract_facts(article)
    return [(q.span.text, e.name if e else None) for q, e in zip(facts.quantities, quantity_subjects(article, facts))]


@pytest.mark.parametrize("text, links", [
    ("Veltrix Holdings raised $4.2bn from investors.", [("$4.2bn", "Veltrix Holdings")]),
    ("Microsoft has also paid $500m in fines.", [("$500m", "Microsoft")]),
    ("Microsoft reported a pre-tax profit of £3m, up 5%.", [("£3m", "Microsoft"), ("5%", None)]),
    ("Google rose 3% while Yahoo fell 2%.", [("3%", "Google"), ("2%", "Yahoo")]),
    ("Tony Blair said Labour would cut taxes by £2bn.", [("£2bn", "Labour Party")]),
])
def test_quantity_subjects_links_the_subject_of_the_amounts_clause(text, links):
    assert _links(text) == links


@pytest.mark.parametrize("text", [
    "Shares in Google rose 5% on Friday.",  # the subject is "shares", Google is governed by "in"
    "The chief executive of Microsoft earned $5m.",
    "Google said sales rose 5%.",  # reported speech: another clause
    "Yahoo bought Flickr for $30m.",  # another entity between the subject and the amount
    "Microsoft, the software giant, paid $5m.",  # not directly before the verb
    "IBM employees spent three weeks on it.",  # a duration, and IBM is not the subject
    "Goldman Sachs earned her $675,000.",
])
def test_quantity_subjects_leaves_unclear_amounts_unlinked(text):
    assert [entity for _, entity in _links(text)] == [None] * len(_links(text))


def test_transform_batch_quarantines_bad_metadata_of_one_article_only():
    good = SourceDoc("business/1.txt", "a1", "", b"Title\n\nMicrosoft raised $4bn on Monday.\n",
                     b'{"published_at": "2005-01-12", "section": "markets"}')
    bad = SourceDoc("business/2.txt", "a2", "", b"Title\n\nGoogle paid $1bn.\n", b'{"published_at": "soon"}')
    line = SourceDoc("feeds/f.jsonl#line=1", "a3", "", b'{"text": "Yahoo sold 5 units.", "title": "Yahoo"}')
    out = transform_batch([good, bad, line])
    assert [(r.source_uri, r.stage, r.reason) for r in out.rejected] == [
        ("business/2.txt", "metadata", 'sidecar .meta.json: `published_at` "soon" is not an ISO date or datetime')]
    articles = out.tables["articles"].select(["article_id", "title", "category", "published_at",
                                              "published_at_source"]).to_pylist()
    assert articles == [
        {"article_id": "a1", "title": "Title", "category": "markets", "published_at": date(2005, 1, 12),
         "published_at_source": "sidecar"},
        {"article_id": "a3", "title": "Yahoo", "category": "feeds", "published_at": None,
         "published_at_source": None},
    ]
    assert out.tables["temporal_expressions"].select(["surface", "start_date", "anchor"]).to_pylist() == [
        {"surface": "Monday", "start_date": date(2005, 1, 10), "anchor": "published_at"}]


def test_extract_file_honours_the_sidecar(tmp_path):
    from news_etl.extract_files import extract_file

    article = tmp_path / "001.txt"
    article.write_text("Blair sets out plans\n\nTony Blair spoke on Monday about 2004.\n")
    plain = extract_file(article)
    assert plain["title"] == "Blair sets out plans"
    assert [(t["surface"], t["value"]) for t in plain["temporal"]] == [("Monday", None), ("2004", "2004-01-01/2004-12-31")]
    (tmp_path / "001.meta.json").write_text('{"title": "Blair speaks", "published_at": "2005-02-01"}')
    dated = extract_file(article)
    assert (dated["title"], dated["paragraphs"]) == ("Blair speaks", ["Blair sets out plans",
                                                                      "Tony Blair spoke on Monday about 2004."])
    assert [(t["surface"], t["value"]) for t in dated["temporal"]] == [("Monday", "2005-01-31"),
                                                                       ("2004", "2004-01-01/2004-12-31")]


def test_with_page_fills_what_the_metadata_leaves_out():
    from datetime import date

    from transforms.html import Page
    from transforms.metadata import Metadata, with_page

    page = Page("T\n\nBody.", "Page title", "Ann Writer", date(2016, 10, 3))
    assert with_page(Metadata(), page) == Metadata(published_at=date(2016, 10, 3), published_at_source="html",
                                                   author="Ann Writer", title="Page title")
    sidecar = Metadata(published_at=date(2016, 10, 4), published_at_source="sidecar", author="Desk")
    assert with_page(sidecar, page) == Metadata(published_at=date(2016, 10, 4), published_at_source="sidecar",
                                                author="Desk", title="Page title")
    assert with_page(sidecar, None) is sidecar


def test_jsonl_records_name_a_repeated_id_by_its_line():
    content = b'{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n'
    assert [uri for uri, _ in jsonl_records("f.jsonl", content)] == ["f.jsonl#id=a", "f.jsonl#line=2"]
