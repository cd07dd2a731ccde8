"""Temporal expressions: kinds, granularity, and dates resolved only when a reference date is given."""
from __future__ import annotations

from datetime import date

from extract_helpers import article

from transforms.extract import extract_facts

REF = date(2025, 11, 28)  # a Friday


def _t(text, ref=None):
    return [(t.span.text, t.kind, t.granularity, t.start_date, t.end_date)
            for t in extract_facts(article(text), ref).temporals]


def test_extract_facts_weekday_and_relative_year_unresolved_without_reference():
    assert _t("State media reported on Friday that plans for the coming year were ready.") == [
        ("Friday", "weekday", "day", None, None),
        ("the coming year", "relative", "year", None, None),
    ]


def test_extract_facts_weekday_resolves_to_most_recent():
    assert _t("On Thursday, he visited.", REF) == [("Thursday", "weekday", "day", date(2025, 11, 27), date(2025, 11, 27))]


def test_extract_facts_relative_expressions_resolved():
    assert _t("It is due early next year, after last week and two months ago, earlier this year.", REF) == [
        ("early next year", "relative", "year", date(2026, 1, 1), date(2026, 12, 31)),
        ("last week", "relative", "week", date(2025, 11, 17), date(2025, 11, 23)),
        ("two months ago", "relative", "month", date(2025, 9, 28), date(2025, 9, 28)),  # calendar months
        ("earlier this year", "relative", "year", date(2025, 1, 1), date(2025, 12, 31)),
    ]


def test_extract_facts_dates_months_and_years():
    assert _t("The parade in October followed 12 January 2005, and the 1990s, and in 2004.", REF) == [
        ("October", "month", "month", date(2025, 10, 1), date(2025, 10, 31)),
        ("12 January 2005", "date", "day", date(2005, 1, 12), date(2005, 1, 12)),
        ("the 1990s", "year", "decade", date(1990, 1, 1), date(1999, 12, 31)),
        ("2004", "year", "year", date(2004, 1, 1), date(2004, 12, 31)),
    ]


def test_extract_facts_quarters_seasons_and_durations():
    assert _t("Profits fell in the fourth quarter and the summer, over the past eighteen months,"
              " for three days and nearly a decade.", REF) == [
        ("the fourth quarter", "quarter", "quarter", date(2025, 10, 1), date(2025, 12, 31)),
        ("the summer", "season", "season", date(2025, 6, 1), date(2025, 8, 31)),
        ("the past eighteen months", "relative", "month", date(2024, 5, 28), date(2025, 11, 28)),
        ("three days", "duration", "duration", None, None),
        ("nearly a decade", "duration", "duration", None, None),
    ]


def test_extract_facts_may_the_verb_is_not_a_month():
    assert _t("Prices may fall. Theresa May spoke. It opens in May.") == [("May", "month", "month", None, None)]


def test_extract_facts_temporal_in_headline_is_located_in_headline():
    facts = extract_facts(article("Nothing at all.", headlines=("Talks resume on Monday in Seoul",
                                                                "Another headline arrives now")))
    assert [(t.span.paragraph_index, t.span.headline_position, t.span.text) for t in facts.temporals] == [
        (None, 0, "Monday"), (None, 1, "now")]


def test_extract_facts_clock_times_old_years_and_sentence_initial_relatives():
    assert _t("Last year polls closed at 10:30pm, then at midnight; the Mutiny of 1857 came up. A day earlier,"
              " the first two trading days of the week fell.") == [
        ("Last year", "relative", "year", None, None),
        ("10:30pm", "time", "day", None, None),
        ("midnight", "time", "day", None, None),
        ("1857", "year", "year", None, None),
        ("A day earlier", "relative", "day", None, None),
        ("the first two trading days of the week", "relative", "day", None, None),
    ]


def test_extract_facts_short_durations_and_programme_names():
    assert _t("It took about 30 seconds, almost a whole minute, half-an-hour in all. The Today programme"
              " asked.") == [
        ("about 30 seconds", "duration", "duration", None, None),
        ("almost a whole minute", "duration", "duration", None, None),
        ("half-an-hour", "duration", "duration", None, None),
    ]


def test_extract_facts_year_before_1900_resolves_with_a_reference_date():
    """It used to raise on "1776" (only 19xx/20xx years were looked for), quarantining the whole article."""
    assert _t("The Mutiny of 1857 came up.", REF) == [("1857", "year", "year", date(1857, 1, 1), date(1857, 12, 31))]
