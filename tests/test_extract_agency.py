"""Agency (wire-service) text: headlines and paragraphs in capitals, datelines, results lines and tables."""
from __future__ import annotations

from extract_helpers import article

from transforms.extract import extract_facts
from transforms.segment import DATELINE, segment


def _typed(*paragraphs: str, title: str | None = None) -> list[tuple[str, str, list[str]]]:
    facts = extract_facts(article(*paragraphs, title=title))
    return [(e.name, e.type, [m.text for m in e.mentions]) for e in facts.entities]


def _mentions(text: str) -> set[tuple[int | None, str, str]]:
    facts = extract_facts(segment(text))
    return {(m.paragraph_index, m.text, e.type) for e in facts.entities for m in e.mentions}


def test_extract_facts_capitals_headline_clubs_from_the_body():
    found = _mentions("SOCCER - PARMA BEAT LAZIO IN ITALIAN LEAGUE\nROME 1996-09-08\n"
                      "Parma beat Lazio 2-1 in the league on Sunday with a late goal from the striker .\n"
                      "The keeper saved a penalty and the coach praised his squad after the match .\n")
    assert found == {(0, "PARMA", "ORG"), (0, "LAZIO", "ORG"), (1, "ROME", "GPE"),
                     (2, "Parma", "ORG"), (2, "Lazio", "ORG")}


def test_extract_facts_capitals_headline_no_place_from_a_common_word():
    assert _typed("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .") == [
        ("Japan", "GPE", ["JAPAN"]), ("China", "GPE", ["CHINA"])]


def test_extract_facts_capitals_headline_known_acronym():
    assert _typed("UN ENVOY ARRIVES IN CYPRUS FOR TALKS", "NICOSIA 1996-06-11") == [
        ("United Nations", "ORG", ["UN"]), ("Cyprus", "GPE", ["CYPRUS"]), ("Nicosia", "GPE", ["NICOSIA"])]


def test_extract_facts_capitals_acronym_in_prose_is_not_read():
    # "USA TODAY" in a line of prose is a newspaper's name, not the country
    assert ("United States", "GPE", ["USA"]) not in _typed("A new USA TODAY poll finds voters split on the plan.")


def test_extract_facts_headline_slug_is_no_name():
    assert _typed("GOLF - LINDQVIST LEADS BY TWO IN SWEDEN") == [("Sweden", "GPE", ["SWEDEN"])]


def test_segment_dateline_shapes():
    shapes = {"LONDON 1996-08-30": ("LONDON", None), "VALENCIA , Spain 1996-09-14": ("VALENCIA", "Spain"),
              "MOSCOW, Aug 30 (Reuters) - Russian oil": ("MOSCOW", None),
              "NEW YORK - Republican candidate": ("NEW YORK", None), "SOCCER - LEEDS HOLD CHELSEA": None,
              "EASTERN CONFERENCE": None}
    for text, expected in shapes.items():
        m = DATELINE.match(text)
        assert (m and (m.group("place"), m.group("region"))) == expected, text


def test_extract_facts_dateline_place_is_a_place_in_a_match_report():
    found = _typed("LEEDS 1996-08-30", "Leeds beat Chelsea 2-1 in the league match , the striker scoring the goal "
                   "after the keeper saved a penalty .")
    assert ("Leeds", "GPE", ["LEEDS"]) in found


def test_extract_facts_dateline_unknown_town_and_sentence_start():
    assert _typed("KURIGRAM, July 18 (Reuters) - Floods have killed 40 people, officials said.") == [
        ("Kurigram", "GPE", ["KURIGRAM"]), ("Reuters", "ORG", ["Reuters"])]


def test_extract_facts_score_lines_are_clubs():
    assert _typed("Ajax Amsterdam 3 Vitesse Arnhem 0", "Parma ( 6 ) v Lazio ( 3 )", "Chicago 110 BOSTON 98 ( OT )") == [
        ("Ajax Amsterdam", "ORG", ["Ajax Amsterdam"]), ("Vitesse Arnhem", "ORG", ["Vitesse Arnhem"]),
        ("Parma", "ORG", ["Parma"]), ("Lazio", "ORG", ["Lazio"]), ("Chicago", "ORG", ["Chicago"]),
        ("Boston", "ORG", ["BOSTON"])]


def test_extract_facts_score_line_national_side_stays_a_country():
    assert _typed("Italy 2 Sweden 1") == [("Italy", "GPE", ["Italy"]), ("Sweden", "GPE", ["Sweden"])]


def test_extract_facts_standings_rows_are_teams():
    assert _typed("Aberdeen 6 3 1 2 10 8 10", "Motherwell 6 0 1 5 3 14 1", "Florida 14 7 4 70 55 32") == [
        ("Aberdeen", "ORG", ["Aberdeen"]), ("Motherwell", "ORG", ["Motherwell"]), ("Florida", "ORG", ["Florida"])]


def test_extract_facts_ranked_entries_person_country_team():
    assert _typed("1. Marie Dupont ( France ) 2:25.14", "2. Klaus Hartmann (Germany) Williams 1:17.129") == [
        ("Marie Dupont", "PERSON", ["Marie Dupont"]), ("France", "GPE", ["France"]),
        ("Klaus Hartmann", "PERSON", ["Klaus Hartmann"]), ("Germany", "GPE", ["Germany"]),
        ("Williams", "ORG", ["Williams"])]


def test_extract_facts_scorers_are_people():
    assert _typed("In Glasgow : Rangers 2 ( McCoist 34 , Laudrup 71 ) Grasshoppers 0 . Halftime 1-0 .",
                  "Scorers : Chiesa ( 67th , 88th )") == [
        ("Glasgow", "GPE", ["Glasgow"]), ("Rangers", "ORG", ["Rangers"]), ("McCoist", "PERSON", ["McCoist"]),
        ("Laudrup", "PERSON", ["Laudrup"]), ("Grasshoppers", "ORG", ["Grasshoppers"]),
        ("Chiesa", "PERSON", ["Chiesa"])]


def test_extract_facts_scoring_list_and_labels():
    assert _typed("Scorers :", "Wales - Tries : Kruger , Small . Penalties : Joubert 4 .", "Attendance : 24,500") == [
        ("Wales", "GPE", ["Wales"]), ("Kruger", "PERSON", ["Kruger"]), ("Small", "PERSON", ["Small"]),
        ("Joubert", "PERSON", ["Joubert"])]


def test_extract_facts_cricket_card_names_are_people():
    assert _typed("A. Stewart c Moin Khan b Wasim Akram 44", "Waqar Younis 20-5-45-2") == [
        ("A. Stewart", "PERSON", ["A. Stewart"]), ("Moin Khan", "PERSON", ["Moin Khan"]),
        ("Wasim Akram", "PERSON", ["Wasim Akram"]), ("Waqar Younis", "PERSON", ["Waqar Younis"])]


def test_extract_facts_label_opening_a_run_is_dropped():
    assert _typed("Results of National Basketball Association games on Friday :") == [
        ("National Basketball Association", "ORG", ["National Basketball Association"])]


def test_extract_facts_capitals_paragraph_people_named_in_full():
    # "A BILL BACKED" is no one (a determiner before it); "WILL MEET" is no one (a given name that is an English
    # word, and the article never writes "Meet" in mixed case)
    assert _typed("WASHINGTON (AP) - THE SENATE APPROVED A BILL BACKED BY SENATOR KATE HOLDEN OF KANSAS.",
                  "HOLDEN WILL MEET THE GOVERNOR ON FRIDAY.") == [
        ("Washington", "GPE", ["WASHINGTON"]), ("AP", "ORG", ["AP"]), ("Senate", "ORG", ["SENATE"]),
        ("Kate Holden", "PERSON", ["KATE HOLDEN", "HOLDEN"]), ("Kansas", "GPE", ["KANSAS"])]


def test_extract_facts_name_before_country_in_prose_is_not_typed_by_the_row():
    # one "Name ( Country )" in a sentence of prose is no results entry, even one closed by a number: the company
    # is typed by its own words ("Cloud"), never as a ranked person
    assert _typed("Shares in Norland Cloud ( Sweden ) rose 5 percent to 120") == [
        ("Norland Cloud", "ORG", ["Norland Cloud"]), ("Sweden", "GPE", ["Sweden"])]


def test_extract_facts_capitals_words_the_body_writes_as_one_name():
    found = _mentions("NORDBANK TO BUY KESKO FINANCE GROUP\nHELSINKI 1996-11-22\n"
                      "Finnish lender Nordbank said on Friday it would buy Kesko Finance Group for 1.2 billion markka.\n")
    assert (0, "KESKO FINANCE GROUP", "ORG") in found and (2, "Kesko Finance Group", "ORG") in found


def test_extract_facts_ranked_names_before_a_time_are_people():
    assert _typed("1. Tegla Loroupe 13:01.47", "2. Stefka Kostadinova 2.01 metres", "3. Aston Villa 10") == [
        ("Tegla Loroupe", "PERSON", ["Tegla Loroupe"]), ("Stefka Kostadinova", "PERSON", ["Stefka Kostadinova"]),
        ("Aston Villa", "ORG", ["Aston Villa"])]


def test_extract_facts_capitals_given_name_that_is_a_word_is_no_person():
    assert _typed("LONDON 1996-08-30", "PRIME MINISTER JOHN MAJOR SAID ON FRIDAY HE WOULD FIGHT ON, SAID CHANCELLOR "
                  "KENNETH CLARKE.") == [("London", "GPE", ["LONDON"]), ("John Major", "PERSON", ["JOHN MAJOR"]),
                                         ("Kenneth Clarke", "PERSON", ["KENNETH CLARKE"])]


def test_extract_facts_scorers_with_figures_and_a_country_named_player():
    assert _typed("England 326 ( Atherton 85 , Stewart 44 not out ; Wasim Akram 4-58 )",
                  "Chicago 110 ( Jordan 32 , Pippen 20 ) Boston 98") == [
        ("England", "GPE", ["England"]), ("Atherton", "PERSON", ["Atherton"]), ("Stewart", "PERSON", ["Stewart"]),
        ("Wasim Akram", "PERSON", ["Wasim Akram"]), ("Chicago", "ORG", ["Chicago"]), ("Jordan", "PERSON", ["Jordan"]),
        ("Pippen", "PERSON", ["Pippen"]), ("Boston", "ORG", ["Boston"])]
