"""Quantities: money with ISO currency, percent, counts with their noun, measures, ages, durations, scores,
ranges and qualifiers; years, dates, ordinals and numbers inside names are not quantities."""
from __future__ import annotations

from extract_helpers import article

from transforms.extract import extract_facts


def _q(text, headlines=()):
    return [(q.span.text, q.value, q.value2, q.unit, q.qualifier, q.kind)
            for q in extract_facts(article(text, headlines=headlines)).quantities]


def test_extract_facts_money_with_multipliers_and_iso_codes():
    assert _q("It paid $1.13bn, then £162,086 and €5m, plus 2.9bn euros and 510.75 pence.") == [
        ("$1.13bn", 1130000000.0, None, "USD", None, "money"),
        ("£162,086", 162086.0, None, "GBP", None, "money"),
        ("€5m", 5000000.0, None, "EUR", None, "money"),
        ("2.9bn euros", 2900000000.0, None, "EUR", None, "money"),
        ("510.75 pence", 5.1075, None, "GBP", None, "money"),  # pence are hundredths of a pound
    ]


def test_extract_facts_percent_and_qualifiers():
    assert _q("Sales rose 36%, almost 4 per cent more than at least 2.5% forecast.") == [
        ("36%", 36.0, None, "percent", None, "percent"),
        ("almost 4 per cent", 4.0, None, "percent", "almost", "percent"),
        ("at least 2.5%", 2.5, None, "percent", "at least", "percent"),
    ]


def test_extract_facts_counts_take_their_noun_as_unit():
    assert _q("Over 1,800 North Koreans and three executives left, with 400 main brands.") == [
        ("Over 1,800 North Koreans", 1800.0, None, "Koreans", "Over", "count"),
        ("three executives", 3.0, None, "executives", None, "count"),
        ("400 main brands", 400.0, None, "brands", None, "count"),
    ]


def test_extract_facts_measures_ages_and_durations():
    assert _q("An 8,700-tonne submarine, a 62-year-old man aged 62, after eighteen months.") == [
        ("8,700-tonne", 8700.0, None, "t", None, "measure"),
        ("62-year-old", 62.0, None, "years", None, "age"),
        ("62", 62.0, None, "years", None, "age"),
        ("eighteen months", 18.0, None, "months", None, "duration"),
    ]


def test_extract_facts_scores_and_ranges():
    assert _q("Celtic won 5-0 and fans aged 30-39 paid between £3m and £4m.") == [
        ("5-0", 5.0, 0.0, None, None, "score"),
        ("30-39", 30.0, 39.0, None, None, "range"),
        ("between £3m and £4m", 3000000.0, 4000000.0, "GBP", "between", "money"),
    ]


def test_extract_facts_one_in_n_and_a_quarter_are_percent():
    assert _q("One in five users and a quarter of firms agreed.") == [
        ("One in five", 20.0, None, "percent", None, "percent"),
        ("a quarter", 25.0, None, "percent", None, "percent"),
    ]


def test_extract_facts_years_dates_ordinals_ranks_and_names_are_not_quantities():
    assert _q("In 2004, on 12 January, his 50th cap, BBC Radio 4, No 10, an MP3 player and the Six Nations "
              "at 10:30 in the 2004-05 season.") == []


def test_extract_facts_headline_quantity_is_located_in_headline():
    facts = extract_facts(article("Nothing here.", headlines=("Amazon says over 1,800 North Koreans blocked",
                                                              "Another headline is here now")))
    assert [(q.span.paragraph_index, q.span.headline_position, q.value, q.qualifier) for q in facts.quantities] == [
        (None, 0, 1800.0, "over")]


def test_extract_facts_hyphenated_number_words_and_partitives():
    assert _q("A three-judge panel, two of the strongest sectors, and all three were there.") == [
        ("three-judge", 3.0, None, "judge", None, "count"),
        ("two", 2.0, None, None, None, "count"),
        ("three", 3.0, None, None, None, "count"),
    ]


def test_extract_facts_fractions_and_half_a_million():
    assert _q("Nearly two thirds of voters, around one-twentieth of the cost, close to half a million homes.") == [
        ("Nearly two thirds", 66.6667, None, "percent", "Nearly", "percent"),
        ("around one-twentieth", 5.0, None, "percent", "around", "percent"),
        ("close to half a million", 500000.0, None, None, "close to", "count"),
    ]


def test_extract_facts_metres_versus_millions_and_glued_units():
    assert _q("The 508m tall tower lifts at 17m/s, about 38mph, and cost $5m for 2m users.") == [
        ("508m", 508.0, None, "m", None, "measure"),
        ("17m", 17.0, None, "m", None, "measure"),
        ("about 38mph", 38.0, None, "mph", "about", "measure"),
        ("$5m", 5000000.0, None, "USD", None, "money"),
        ("2m users", 2000000.0, None, "users", None, "count"),
    ]


def test_extract_facts_vote_tally_and_either_or_range():
    assert _q("MPs voted 272-219, giving five or six awards.") == [
        ("272-219", 272.0, 219.0, None, None, "score"),
        ("five or six awards", 5.0, 6.0, "awards", None, "range"),
    ]


def test_extract_facts_line_up_minutes_dates_and_glued_digits_are_not_quantities():
    assert _q("Halliwell, Sheridan (Burns 61), Varga 40. After 9/11 at 3GSM they reached numbers 19 and 10.") == []


def test_extract_facts_year_modifiers_seedings_and_and_a_half():
    assert _q("The 2001 winners New Zealand (1) and Scotland (8) had two-and-a-half years.") == [
        ("two-and-a-half years", 2.5, None, "years", None, "duration")]


def test_extract_facts_multiplied_values_are_exact():
    assert [q[1] for q in _q("Sales hit 8.2bn euros and $1.13bn.")] == [8200000000.0, 1130000000.0]


def test_extract_facts_age_after_a_name():
    assert _q("DJ Rob Da Bank, 38, and Jane Smith, 27, joined 12 others.") == [
        ("38", 38.0, None, "years", None, "age"),
        ("27", 27.0, None, "years", None, "age"),
        ("12 others", 12.0, None, "others", None, "count"),
    ]


def test_extract_facts_race_distances_are_metres_outside_match_reports_too():
    assert _q("The European 100m champion won the 10,000m in Athens. The firm raised the 100m it needed "
              "from 200m people.") == [
        ("100m", 100.0, None, "m", None, "measure"),
        ("10,000m", 10000.0, None, "m", None, "measure"),
        ("100m", 100000000.0, None, None, None, "count"),
        ("200m people", 200000000.0, None, "people", None, "count"),
    ]


def test_extract_facts_acronym_units_are_whole_and_clock_times_are_not_quantities():
    assert _q("It has 6,500 US stores and three DJs, and 148 WTO members met at 0710 GMT.") == [
        ("6,500 US stores", 6500.0, None, "stores", None, "count"),
        ("three DJs", 3.0, None, "DJs", None, "count"),
        ("148 WTO members", 148.0, None, "members", None, "count"),
    ]
