"""Quantities: money with ISO currency, percent, counts with their noun, measures, ages, durations, scores,
ranges and qualifiers; years, dates, ordinals and numbers inside names are not quantities."""
from __future__ import annotations

from extract_helpers import article

from schemas.tables import QUANTITY_DIMENSIONS
from transforms.extract import extract_facts, units
from transforms.extract.units import dimension


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
        ("8,700-tonne", 8700.0, None, "tonne", None, "measure"),
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
        ("17m/s", 17.0, None, "m/s", None, "measure"),
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


def test_extract_facts_si_prefixes_are_units_not_scale_words():
    assert _q("The phone has a 4500 mAh battery and a 7kW charger; each pill holds 300mg, each can 330ml, "
              "from an 800 megawatt plant making 2.5 GWh.") == [
        ("4500 mAh", 4500.0, None, "mAh", None, "measure"),
        ("7kW", 7.0, None, "kW", None, "measure"),
        ("300mg", 300.0, None, "mg", None, "measure"),
        ("330ml", 330.0, None, "ml", None, "measure"),
        ("800 megawatt", 800.0, None, "MW", None, "measure"),
        ("2.5 GWh", 2.5, None, "GWh", None, "measure"),
    ]


def test_extract_facts_imperial_speed_area_and_temperature_units():
    assert _q("Trains run at 300km/h across 1,500 square miles; he is 6ft 5in and it hit 40C.") == [
        ("300km/h", 300.0, None, "km/h", None, "measure"),
        ("1,500 square miles", 1500.0, None, "mi2", None, "measure"),
        ("6ft", 6.0, None, "ft", None, "measure"),
        ("5in", 5.0, None, "in", None, "measure"),
        ("40C", 40.0, None, "°C", None, "measure"),
    ]


def test_extract_facts_percent_ranges_are_one_quantity():
    assert _q("Inflation will be between 4% and 5% this year, and 3% to 8% next, with rises of 10-15%.") == [
        ("between 4% and 5%", 4.0, 5.0, "percent", "between", "percent"),
        ("3% to 8%", 3.0, 8.0, "percent", None, "percent"),
        ("10-15%", 10.0, 15.0, "percent", None, "percent"),
    ]


def test_extract_facts_ranges_share_their_scale_word():
    assert _q("There were six to seven thousand people; bids of £250m to £300m; between five and six million "
              "voters; it cost £5-6m.") == [
        ("six to seven thousand people", 6000.0, 7000.0, "people", None, "range"),
        ("£250m to £300m", 250000000.0, 300000000.0, "GBP", None, "money"),
        ("between five and six million voters", 5000000.0, 6000000.0, "voters", "between", "range"),
        ("£5-6m", 5000000.0, 6000000.0, "GBP", None, "money"),
    ]


def test_extract_facts_a_change_and_a_level_are_two_amounts():
    assert _q("Revenue rose by $12.5bn to $310.4bn, and voters favoured him 46 percent to 32 percent.") == [
        ("$12.5bn", 12500000000.0, None, "USD", None, "money"),
        ("$310.4bn", 310400000000.0, None, "USD", None, "money"),
        ("46 percent", 46.0, None, "percent", None, "percent"),
        ("32 percent", 32.0, None, "percent", None, "percent"),
    ]


def test_extract_facts_currency_prefixes_of_the_major_markets():
    assert _q("It paid US$5m, HK$20m, A$3m, $A4m, RM500m, ₹8,000 crore, Rs 2 lakh and CHF 300m.") == [
        ("US$5m", 5000000.0, None, "USD", None, "money"),
        ("HK$20m", 20000000.0, None, "HKD", None, "money"),
        ("A$3m", 3000000.0, None, "AUD", None, "money"),
        ("$A4m", 4000000.0, None, "AUD", None, "money"),
        ("RM500m", 500000000.0, None, "MYR", None, "money"),
        ("₹8,000 crore", 80000000000.0, None, "INR", None, "money"),
        ("Rs 2 lakh", 200000.0, None, "INR", None, "money"),
        ("CHF 300m", 300000000.0, None, "CHF", None, "money"),
    ]


def test_extract_facts_currency_words_name_the_whole_currency():
    assert _q("It raised 5bn Hong Kong dollars, 30bn baht and 2m ringgit.") == [
        ("5bn Hong Kong dollars", 5000000000.0, None, "HKD", None, "money"),
        ("30bn baht", 30000000000.0, None, "THB", None, "money"),
        ("2m ringgit", 2000000.0, None, "MYR", None, "money"),
    ]


def test_extract_facts_cents_and_pence_are_hundredths_and_pc_is_percent():
    assert _q("Shares fell 45 cents, stamps cost 50p, and rates rose 7pc.") == [
        ("45 cents", 0.45, None, "USD", None, "money"),
        ("50p", 0.5, None, "GBP", None, "money"),
        ("7pc", 7.0, None, "percent", None, "percent"),
    ]


def test_extract_facts_number_words_of_any_length():
    assert _q("About two-and-a-half million people came; the crowd was thirty-one thousand four hundred and six; "
              "a hundred and fifty staff and half a dozen others left.") == [
        ("About two-and-a-half million people", 2500000.0, None, "people", "About", "count"),
        ("thirty-one thousand four hundred and six", 31406.0, None, None, None, "count"),
        ("a hundred and fifty staff", 150.0, None, "staff", None, "count"),
        ("half a dozen", 6.0, None, None, None, "count"),
    ]


def test_extract_facts_folds_thirds_and_n_in_ten():
    assert _q("Profits rose fourfold, a third of staff left, costs fell by a quarter and four in 10 agreed.") == [
        ("fourfold", 4.0, None, "times", None, "count"),
        ("a third", 33.3333, None, "percent", None, "percent"),
        ("a quarter", 25.0, None, "percent", None, "percent"),
        ("four in 10", 40.0, None, "percent", None, "percent"),
    ]


def test_extract_facts_model_numbers_addresses_and_positions_are_not_quantities():
    assert _q("Samsung's Galaxy S24 and the Airbus A320neo at 12 W 57th St; in the second half of the year the "
              "Scarlets three-quarter scored and Arsenal pulled one back.") == []


def test_extract_facts_strong_is_not_a_unit_and_ids_are_not_quantities():
    assert _q("A 40-strong squad posted tweet 747970077610352640 at 9 p.m. to caf&#233; fans.") == [
        ("40", 40.0, None, None, None, "count")]


def test_extract_facts_count_noun_after_modifiers():
    assert _q("Two other New York DJs, three prestigious Grammy Awards and 1.3 million video phones.") == [
        ("Two other New York DJs", 2.0, None, "DJs", None, "count"),
        ("three prestigious Grammy Awards", 3.0, None, "Awards", None, "count"),
        ("1.3 million video phones", 1300000.0, None, "phones", None, "count"),
    ]


def test_extract_facts_sentence_initial_one_is_a_determiner():
    assert _q("One possibility is a merger. He scored one goal.") == [("one goal", 1.0, None, "goal", None, "count")]


def test_dimension_of_normalised_units():
    assert [dimension(u, k) for u, k in [("GBP", "money"), ("percent", "percent"), ("mAh", "measure"),
                                         ("kW", "measure"), ("GWh", "measure"), ("mg", "measure"), ("ml", "measure"),
                                         ("km", "measure"), ("km/h", "measure"), ("years", "duration"),
                                         ("times", "count"), ("executives", "count"), (None, "score")]] == [
        "currency", "percent", "charge", "power", "energy", "mass", "volume", "length", "speed", "time", "ratio",
        "count", "count"]


def test_dimension_is_always_one_the_schema_allows():
    kinds = ("money", "percent", "count", "measure", "age", "duration", "score", "range")
    unit_names = {*units.MEASURE_WORDS.values(), *units.DURATIONS.values(), "kW", "mAh", "GB", "Mbps", "°C", "km2",
                  "percent", "percentage point", "times", "USD", None, "people"}
    assert {dimension(u, k) for u in unit_names for k in kinds} <= set(QUANTITY_DIMENSIONS)


def test_extract_facts_phone_numbers_ratios_and_product_names_are_not_quantities():
    assert _q("Call 0800 123 4567; the ratio was 3:1 and the iPhone 15 Pro costs $999.") == [
        ("$999", 999.0, None, "USD", None, "money")]


def test_extract_facts_fractions_of_a_scale_and_hyphenated_fractions():
    assert _q("Almost a quarter of a million people voted and one-third abstained.") == [
        ("Almost a quarter of a million", 250000.0, None, None, "Almost", "count"),
        ("one-third", 33.3333, None, "percent", None, "percent"),
    ]


def test_extract_facts_verbs_and_conjunctions_after_a_number_are_not_its_unit():
    assert _q("A crowd of 74,500 watched as the index fell to 27,450 while a two-pronged attack began.") == [
        ("74,500", 74500.0, None, None, None, "count"),
        ("27,450", 27450.0, None, None, None, "count"),
    ]


def test_extract_facts_dozens_national_currencies_and_abbreviated_durations():
    assert _q("More than two dozen rallies raised 745bn Indian rupees in 20 mins; one feels that one-liners work.") == [
        ("More than two dozen rallies", 24.0, None, "rallies", "More than", "count"),
        ("745bn Indian rupees", 745000000000.0, None, "INR", None, "money"),
        ("20 mins", 20.0, None, "minutes", None, "duration"),
    ]


def test_extract_facts_index_names_hyphenated_scales_and_one_in_n_digits():
    assert _q("The S&P 500 rose 1.2% on a $10-million grant and a 2.5-billion-euro deal; 1 in 5 adults smoke "
              "and the engine makes 150bhp.") == [
        ("1.2%", 1.2, None, "percent", None, "percent"),
        ("$10-million", 10000000.0, None, "USD", None, "money"),
        ("2.5-billion-euro", 2500000000.0, None, "EUR", None, "money"),
        ("1 in 5", 20.0, None, "percent", None, "percent"),
        ("150bhp", 150.0, None, "hp", None, "measure"),
    ]


def test_extract_facts_bare_m_after_a_movement_or_before_a_drop_is_metres():
    assert _q("The sprinter ran 40m before pulling up. Climbers faced a 40m drop. The club spent £40m.") == [
        ("40m", 40.0, None, "m", None, "measure"),
        ("40m", 40.0, None, "m", None, "measure"),
        ("£40m", 40000000.0, None, "GBP", None, "money"),
    ]


def test_extract_facts_one_half_of_a_pair_is_no_share():
    assert _q("He is one half of the duo, and half of the voters stayed at home.") == [
        ("half", 50.0, None, "percent", None, "percent"),
    ]


def test_extract_facts_age_in_apposition_with_a_qualifier():
    assert _q("The striker, only 27, has won titles; the victim, aged 27, and a 27-year-old man.") == [
        ("only 27", 27.0, None, "years", "only", "age"),
        ("27", 27.0, None, "years", None, "age"),
        ("27-year-old", 27.0, None, "years", None, "age"),
    ]


def test_extract_facts_currency_code_is_no_entity():
    facts = extract_facts(article("The bank was fined CHF 300m by regulators in Zurich, and paid HK$20m and RM 2.5bn."))
    assert [(q.span.text, q.value, q.unit) for q in facts.quantities] == [
        ("CHF 300m", 300000000.0, "CHF"), ("HK$20m", 20000000.0, "HKD"), ("RM 2.5bn", 2500000000.0, "MYR")]
    assert [(e.name, e.type) for e in facts.entities] == [("Zurich", "GPE")]


def test_extract_facts_cubic_metres_after_a_scale_word_and_a_range_of_people():
    assert _q("The dam holds 39 billion cubic metres; between five and six million people watched.") == [
        ("39 billion cubic metres", 39000000000.0, None, "m3", None, "measure"),
        ("between five and six million people", 5000000.0, 6000000.0, "people", "between", "range"),
    ]


def test_extract_facts_race_distances_named_together_and_a_best_of_are_metres():
    assert _q("The 400m and 200m legend retired. A season's best of 7.95m won the event.") == [
        ("400m", 400.0, None, "m", None, "measure"),
        ("200m", 200.0, None, "m", None, "measure"),
        ("7.95m", 7.95, None, "m", None, "measure"),
    ]


def test_extract_facts_n_time_winner_counts_times():
    assert _q("The five-time champion lost.") == [("five-time", 5.0, None, "times", None, "count")]


def test_extract_facts_age_after_a_person_and_a_copula():
    assert _q("I'm only 27 and she was just 19.") == [
        ("only 27", 27.0, None, "years", "only", "age"),
        ("just 19", 19.0, None, "years", "just", "age"),
    ]


def test_extract_facts_percent_shared_by_two_numbers_and_a_negative_rate():
    assert _q("He won by 52 to 48 percent, and the deposit rate fell to minus 0.4%.") == [
        ("52", 52.0, None, "percent", None, "percent"),
        ("48 percent", 48.0, None, "percent", None, "percent"),
        ("minus 0.4%", -0.4, None, "percent", None, "percent"),
    ]


def test_extract_facts_noun_with_a_lowercase_initial_is_counted():
    assert _q("Apple sold 77.3 million iPhones.") == [
        ("77.3 million iPhones", 77300000.0, None, "iPhones", None, "count")]


def test_extract_facts_margin_of_error_and_one_time_are_not_negative_or_counts():
    assert _q("The poll has a margin of plus or minus six percentage points, after a one-time charge.") == [
        ("six percentage points", 6.0, None, "percentage point", None, "percent"),
    ]


def test_extract_facts_distance_per_hour_is_a_speed():
    assert _q("Cars travelled at 50 kilometres per hour, or 31 miles an hour.") == [
        ("50 kilometres per hour", 50.0, None, "km/h", None, "measure"),
        ("31 miles an hour", 31.0, None, "mph", None, "measure"),
    ]
    assert dimension("km/s", "measure") == "speed"


def test_extract_facts_fraction_of_a_percentage_point():
    assert _q("Rates were cut by a quarter of a percentage point.") == [
        ("a quarter of a percentage point", 0.25, None, "percentage point", None, "percent")]


def test_extract_facts_minus_sign_before_digits_is_negative_not_a_season_or_a_name():
    assert _q("Growth of -0.5% followed a (-2.1%) fall in the 2004-05 season, and Covid-19 spread.") == [
        ("-0.5%", -0.5, None, "percent", None, "percent"),
        ("-2.1%", -2.1, None, "percent", None, "percent"),
    ]
