"""Temporal expressions: kinds, granularity, and dates resolved only when a reference date is given."""
from __future__ import annotations

import re
from datetime import date
from re import _constants as c

from extract_helpers import article

from transforms.extract import extract_facts, temporal

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


# TIMEX3 type and value (TimeML conventions). The reference date is a Friday: 11 March 2005, ISO week 10.
REF05 = date(2005, 3, 11)


def _x(text, ref=REF05):
    return [(t.span.text, t.timex_type, t.timex_value) for t in extract_facts(article(text), ref).temporals]


def test_extract_facts_timex_dates_at_their_own_precision():
    assert _x("It opened on 3 January 2005, grew in January 2005 and in 2005, this week, in the first quarter of"
              " 2005, the second half of 2004, in summer 2005 and through the 1990s.") == [
        ("3 January 2005", "DATE", "2005-01-03"), ("January 2005", "DATE", "2005-01"), ("2005", "DATE", "2005"),
        ("this week", "DATE", "2005-W10"), ("the first quarter of 2005", "DATE", "2005-Q1"),
        ("the second half of 2004", "DATE", "2004-H2"), ("summer 2005", "DATE", "2005-SU"),
        ("the 1990s", "DATE", "199")]


def test_extract_facts_timex_weekday_follows_the_tense():
    assert _x("He said on Monday that the talks had ended. The talks will resume on Monday.") == [
        ("Monday", "DATE", "2005-03-07"), ("Monday", "DATE", "2005-03-14")]


def test_extract_facts_timex_bare_month_follows_the_tense():
    """`in August` told in the past in a March article is last August; told in the future, the coming one."""
    assert _x("Sales fell in August. Sales will rise in August.") == [
        ("August", "DATE", "2004-08"), ("August", "DATE", "2005-08")]
    assert _x("The board will meet in January.", date(2004, 11, 20)) == [("January", "DATE", "2005-01")]
    assert _x("Prices have risen since May.") == [("May", "DATE", "2004-05")]


def test_extract_facts_timex_spans_as_timeml_takes_them():
    assert _x("It closed about six years ago, late last July. Over the next 18 months, earlier this year, over the"
              " past three years, this week, last night and the day before, prices rose.") == [
        ("about six years ago", "DATE", "1999"), ("late last July", "DATE", "2004-07"),
        ("the next 18 months", "DURATION", "P18M"), ("earlier this year", "DATE", "2005"),
        ("the past three years", "DURATION", "P3Y"), ("this week", "DATE", "2005-W10"),
        ("last night", "TIME", "2005-03-10TNI"), ("the day before", "DATE", "2005-03-10")]


def test_extract_facts_timex_anaphoric_year_month_decade():
    assert _x("Profits in 2004 rose 5% for the year. Jobs fell in January, the first fall during the month. Growth"
              " in the 1990s was the fastest in the decade. It began in 2009 and peaked in October of that year.") == [
        ("2004", "DATE", "2004"), ("the year", "DATE", "2004"), ("January", "DATE", "2005-01"),
        ("the month", "DATE", "2005-01"), ("the 1990s", "DATE", "199"), ("the decade", "DATE", "199"),
        ("2009", "DATE", "2009"), ("October of that year", "DATE", "2009-10")]


def test_extract_facts_timex_durations_have_values_without_a_reference_date():
    assert _x("It lasted three days, two hours, 18 months, half an hour, nearly a decade, several weeks and"
              " two-and-a-half years.", None) == [
        ("three days", "DURATION", "P3D"), ("two hours", "DURATION", "PT2H"), ("18 months", "DURATION", "P18M"),
        ("half an hour", "DURATION", "PT30M"), ("nearly a decade", "DURATION", "P1DE"),
        ("several weeks", "DURATION", "PXW"), ("two-and-a-half years", "DURATION", "P2.5Y")]


def test_extract_facts_timex_clock_times_on_their_day():
    assert _x("Polls closed at 10:30 GMT, opened at 3pm, shut at midnight and reopen on Friday at noon.") == [
        ("10:30 GMT", "TIME", "2005-03-11T10:30"), ("3pm", "TIME", "2005-03-11T15:00"),
        ("midnight", "TIME", "2005-03-11T24:00"), ("Friday", "DATE", "2005-03-11"),
        ("noon", "TIME", "2005-03-11T12:00")]
    assert _x("Registration closes at 1700 GMT on Monday 14 March.") == [
        ("1700 GMT", "TIME", "2005-03-14T17:00"), ("Monday 14 March", "DATE", "2005-03-14")]
    assert _x("Polls closed at 10:30 GMT.", None) == [("10:30 GMT", "TIME", "XXXX-XX-XXT10:30")]


def test_extract_facts_timex_sets():
    assert _x("They meet every Monday, weekly, annually, every day, twice a year, on Mondays and every other"
              " week.") == [
        ("every Monday", "SET", "XXXX-WXX-1"), ("weekly", "SET", "P1W"), ("annually", "SET", "P1Y"),
        ("every day", "SET", "P1D"), ("twice a year", "SET", "P1Y"), ("Mondays", "SET", "XXXX-WXX-1"),
        ("every other week", "SET", "P2W")]


def test_extract_facts_timex_newspapers_and_bands_are_not_weekdays():
    assert _x("The Sunday Times, the Sunday Telegraph and the Mail on Sunday said so. The Happy Mondays played"
              " on Sunday.") == [("Sunday", "DATE", "2005-03-06")]


def test_extract_facts_timex_vague_points():
    assert _x("Prices are now high and currently rising; they recently fell, the future is bright, and in the"
              " past they rose. As recently as 2001 they fell.") == [
        ("now", "DATE", "PRESENT_REF"), ("currently", "DATE", "PRESENT_REF"), ("recently", "DATE", "PAST_REF"),
        ("the future", "DATE", "FUTURE_REF"), ("the past", "DATE", "PAST_REF"), ("2001", "DATE", "2001")]


def test_extract_facts_timex_holidays_in_the_year_the_tense_points_to():
    assert _x("Shops opened on Christmas Day, Boxing Day and Easter Sunday.") == [
        ("Christmas Day", "DATE", "2004-12-25"), ("Boxing Day", "DATE", "2004-12-26"),
        ("Easter Sunday", "DATE", "2004-04-11")]
    assert _x("Shops will open on Easter Monday.") == [("Easter Monday", "DATE", "2005-03-28")]


def test_extract_facts_timex_without_reference_only_what_the_text_fixes():
    assert _x("On Monday, in August, on 12 January, in 2004, last year.", None) == [
        ("Monday", "DATE", "XXXX-WXX-1"), ("August", "DATE", "XXXX-08"), ("12 January", "DATE", "XXXX-01-12"),
        ("2004", "DATE", "2004"), ("last year", "DATE", None)]


def test_extract_facts_timex_quarters_relative_to_the_reference():
    assert _x("Sales rose last quarter and will rise next quarter; the first half was weak.") == [
        ("last quarter", "DATE", "2004-Q4"), ("next quarter", "DATE", "2005-Q2"),
        ("the first half", "DATE", "2005-H1")]


def test_extract_facts_timex_anaphora_reach_back_across_paragraphs():
    facts = extract_facts(article("Sales peaked in 2001.", "Over the year, profits doubled."), REF05)
    assert [(t.span.paragraph_index, t.span.text, t.timex_value) for t in facts.temporals] == [
        (0, "2001", "2001"), (1, "the year", "2001")]


def test_extract_facts_timex_day_after_century_and_fortnight():
    assert _x("The day after, the deal of this century was signed; it had been delayed last fortnight.") == [
        ("The day after", "DATE", "2005-03-12"), ("this century", "DATE", "20"), ("last fortnight", "DATE", None)]


def test_extract_facts_timex_weekend_is_not_cut_to_week():
    assert _x("They met last weekend and meet again this weekend.") == [
        ("last weekend", "DATE", "2005-W09-WE"), ("this weekend", "DATE", "2005-W10-WE")]


def test_extract_facts_durations_with_a_half_keep_their_whole_span():
    assert _x("The project will take two and a half years; the last deal lasted a year and a half.") == [
        ("two and a half years", "DURATION", "P2.5Y"),
        ("a year and a half", "DURATION", "P1.5Y"),
    ]


def test_extract_facts_year_inside_a_name_is_no_date():
    assert _x("Fans of Fifa 2005 and Windows 2000 users upgraded in 2005, and Office 2003 sold well.") == [
        ("2005", "DATE", "2005"),
    ]


def test_extract_facts_scheduled_for_is_future_and_back_in_is_past():
    # REF05 is 2005-03-11
    assert _x("Elections are also scheduled for 5 May. Unions backed him way back in October.") == [
        ("5 May", "DATE", "2005-05-05"),
        ("October", "DATE", "2004-10"),
    ]


def test_extract_facts_a_week_after_is_a_duration():
    assert _x("The game is back at the top, a week after losing it to a rival.") == [("a week", "DURATION", "P1W")]


def test_extract_facts_eastern_time_is_no_easter():
    assert _x("The debate starts at 9 p.m. Eastern, and the vote is on Easter Monday.") == [
        ("9 p.m.", "TIME", "2005-03-11T21:00"),
        ("Easter Monday", "DATE", "2005-03-28"),
    ]


def test_extract_facts_adjectival_and_bare_plural_durations():
    assert _x("A four-year deal, a 12-minute delay and a 27-year-old man; turnout has fallen for decades.") == [
        ("four-year", "DURATION", "P4Y"),
        ("12-minute", "DURATION", "PT12M"),
        ("decades", "DURATION", "PXDE"),
    ]


def test_extract_facts_the_weekend_by_tense_and_earlier_this_month_and_fiscal_year():
    # REF05 is Friday 2005-03-11
    assert _x("Over the weekend, shoppers spent more. At the weekend the team will play. "
              "Earlier this month, it cut jobs in fiscal 2004.") == [
        ("the weekend", "DATE", "2005-W09-WE"),
        ("the weekend", "DATE", "2005-W10-WE"),
        ("Earlier this month", "DATE", "2005-03"),
        ("fiscal 2004", "DATE", "2004"),
    ]


def test_extract_facts_abbreviation_stop_keeps_the_tense_of_its_sentence():
    # REF05 is Friday 2005-03-11: "are due" makes Thursday the coming one, over the "p.m." stop
    assert _x("Results are due at 11 p.m. ET and by midnight Thursday.") == [
        ("11 p.m.", "TIME", "2005-03-11T23:00"),
        ("midnight", "TIME", "2005-03-17T24:00"),
        ("Thursday", "DATE", "2005-03-17"),
    ]


def test_extract_facts_relative_at_a_sentence_start_and_this_past_weekend():
    assert _x("The same day, it fell. It rose this past weekend.") == [
        ("The same day", "DATE", "2005-03-11"),
        ("this past weekend", "DATE", "2005-W09-WE"),
    ]


def test_extract_facts_quarter_and_season_without_a_year_follow_the_tense():
    ref = date(2016, 1, 20)
    facts = extract_facts(article("Profit rose in the fourth quarter and will rise in the first quarter. "
                                  "In the summer, sales rose."), ref)
    assert [(t.span.text, t.timex_value) for t in facts.temporals] == [
        ("the fourth quarter", "2015-Q4"), ("the first quarter", "2016-Q1"), ("the summer", "2015-SU")]


def test_extract_facts_years_later_counts_from_the_last_date():
    assert _x("He was elected in 1997 and re-elected four years later.") == [
        ("1997", "DATE", "1997"), ("four years later", "DATE", "2001")]


def test_extract_facts_year_after_a_place_is_still_a_date():
    assert _x("Think of Jimmy Carter in Iowa 1976.") == [("1976", "DATE", "1976")]


def _first(items) -> tuple[set[str], bool]:
    """The characters a parsed regex can start with ("\\d" for any digit), and whether it can match nothing."""
    first: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return first | {chr(av)}, False
        if op is c.IN:
            for o, a in av:
                assert o in (c.LITERAL, c.RANGE) or (o, a) == (c.CATEGORY, c.CATEGORY_DIGIT), (o, a)
                first |= {chr(a)} if o is c.LITERAL else {"\\d"} if o is c.CATEGORY else set(map(chr, range(a[0], a[1] + 1)))
            return first, False
        if op is c.SUBPATTERN:
            opens, empty = _first(av[3])
        elif op is c.BRANCH:
            branches = [_first(b) for b in av[1]]
            opens, empty = set().union(*(f for f, _ in branches)), any(e for _, e in branches)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            opens, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:
            assert op in (c.ASSERT, c.ASSERT_NOT, c.AT), op  # zero-width
            opens, empty = set(), True
        first |= opens
        if not empty:
            return first, False
    return first, True


def test_temporal_grammar_kinds_open_with_their_first_letters():
    # Each kind's lookahead lets `re` skip it at once where it cannot start: it must admit every way it starts.
    branches = next(av for op, av in re._parser.parse(temporal._TEMPORAL.pattern) if op is c.BRANCH)[1]
    checked = 0
    for branch in branches:
        if branch[0][0] is c.ASSERT and branch[1][0] is c.SUBPATTERN:
            admitted, _ = _first(branch[0][1][1])
            assert not _unadmitted(_first(branch[1:])[0], admitted), branch[1][1][0]
            checked += 1
    assert checked == 13


def test_temporal_word_starts_admit_every_way_the_grammar_starts():
    # _matches tries the grammar only at the word starts _WORD_START finds.
    admitted, _ = _first(re._parser.parse(temporal._WORD_START.pattern))
    assert not _unadmitted(_first(re._parser.parse(temporal._TEMPORAL.pattern))[0], admitted)


def _unadmitted(opens: set[str], admitted: set[str]) -> set[str]:
    return {ch for ch in opens - admitted if not (ch.isdigit() and "\\d" in admitted)}
