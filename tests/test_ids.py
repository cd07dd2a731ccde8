from transforms.ids import article_id_for, fact_ids, stable_id
from transforms.model import Span


def test_stable_id_separates_parts():
    assert stable_id("ab", "c") != stable_id("a", "bc")
    assert len(stable_id("x")) == 16


def test_fact_ids_equal_stable_id_of_the_span_location():
    spans = [Span(3, None, 10, 15, "Blair"), Span(None, 2, 0, 4, "Kim"), Span(-1, None, 5, 9, "2005")]
    assert fact_ids("mention", "a1", spans) == [
        stable_id("mention", "a1", s.paragraph_index, s.headline_position, s.start, s.end) for s in spans]


def test_article_id_for_uses_the_source_id_in_the_file_name():
    assert article_id_for("tech/001_0123456789abcdef.txt") == "0123456789abcdef"
    assert article_id_for("tech/001.txt") == stable_id("path", "tech/001.txt")
