"""Entity boundaries and types in prose: titles of works, common words, names that open with a number."""
from __future__ import annotations

from extract_helpers import article

from transforms.extract import extract_facts, lexicon


def _entities(*paragraphs, **kw):
    return [(e.name, e.type) for e in extract_facts(article(*paragraphs, **kw)).entities]


def test_common_word_is_a_dictionary_word_written_in_lower_case_only():
    assert [lexicon.common_word(w) for w in ("Prejudice", "Information", "Texas", "DeLay", "Okonkwo")] == [
        True, True, False, False, False]


def test_extract_facts_lone_dictionary_word_mid_sentence_is_no_entity():
    assert _entities("The festival screened Redemption and then Gravity, Ann Lee said.") == [("Ann Lee", "PERSON")]


def test_extract_facts_dictionary_word_with_a_person_around_it_stays_a_name():
    names = [name for name, _ in _entities("The album Musicology by Prince sold well.", "Fans cheered Usher, who won.")]
    assert names == ["Prince", "Usher"]


def test_extract_facts_dictionary_word_after_the_stays_a_name():
    assert _entities("He served in the House for six years before joining Okonkwo Holdings.") == [
        ("House", "ORG"), ("Okonkwo Holdings", "ORG")]


def test_extract_facts_dictionary_word_in_a_match_report_is_still_a_player():
    assert ("Wood", "PERSON") in _entities(
        "The striker scored twice as the league leaders won the match. Wood hit the post.",
        "The goalkeeper saved a penalty from Wood before the final whistle, and the defender was injured.")


def test_extract_facts_social_networks_are_known_organisations():
    assert _entities("The senator posted the video on Twitter and Facebook.") == [
        ("Twitter", "ORG"), ("Facebook", "ORG")]


def test_extract_facts_title_in_title_case_is_no_entity():
    assert _entities("Martin Scorsese's Gangs Of New York opened in Paris.",
                     "Tarantino's Once Upon a Time in Hollywood won, and Lost In Translation lost.") == [
        ("Martin Scorsese", "PERSON"), ("Paris", "GPE"), ("Hollywood", "GPE")]


def test_extract_facts_title_case_small_word_after_a_known_name_keeps_the_name():
    assert _entities("Ann Lee spoke on CBS This Morning about the watchdog Reporters Without Borders.") == [
        ("Ann Lee", "PERSON"), ("CBS", "ORG"), ("Reporters Without Borders", "ORG")]


def test_extract_facts_ordinal_opening_an_organisation_is_part_of_its_name():
    assert _entities("The deal gives 21st Century Fox control of the network.",
                     "The 2nd Circuit Court of Appeals ruled on Monday.") == [
        ("21st Century Fox", "ORG"), ("2nd Circuit Court of Appeals", "ORG")]


def test_extract_facts_shares_in_a_company_at_a_sentence_start_is_no_place():
    assert _entities("Shares in Tesla rose 5% after the carmaker reported record deliveries.") == [("Tesla", "ORG")]


def test_extract_facts_lone_census_first_names_in_a_list_are_people():
    assert _entities("The guests included Lara and Carly, and the fund backs Hope.") == [
        ("Lara", "PERSON"), ("Carly", "PERSON")]


def test_extract_facts_names_with_an_age_or_listed_with_people_are_people():
    assert _entities("The candidate has five children: Donald Trump, Jr., 38; Ivanka, 34; Eric Trump, 32; "
                     "Tiffany, 22; and Barron, 10.", "The panel heard Paula Radcliffe, Okafor and Dimitrov.") == [
        ("Donald Trump Jr.", "PERSON"), ("Ivanka", "PERSON"), ("Eric Trump", "PERSON"), ("Tiffany", "PERSON"),
        ("Barron", "PERSON"), ("Paula Radcliffe", "PERSON"), ("Okafor", "PERSON"), ("Dimitrov", "PERSON")]


def test_extract_facts_a_sentence_opening_word_or_a_percentage_makes_no_list_of_people():
    assert _entities("Meantime, 32% said Mr Blair was right.", "Unfortunately, John Smith and Kwasi left.") == [
        ("Blair", "PERSON"), ("John Smith", "PERSON"), ("Kwasi", "PERSON")]


def test_extract_facts_organisation_opening_with_old_great_or_western_keeps_that_word():
    assert _entities("She trained at the Old Vic Theatre School and worked at Great Ormond Street Hospital.",
                     "The Free Syrian Army said top Republican Party officials met.") == [
        ("Old Vic Theatre School", "ORG"), ("Great Ormond Street Hospital", "ORG"), ("Free Syrian Army", "ORG"),
        ("Republican Party", "ORG")]


def test_extract_facts_technology_firm_suffixes_make_an_organisation():
    assert _entities("Norland Cloud said profits rose, and Quanta Therapeutics agreed.") == [
        ("Norland Cloud", "ORG"), ("Quanta Therapeutics", "ORG")]


def test_extract_facts_state_before_a_title_is_a_place_and_the_title_no_name():
    assert _entities("Texas Sen. Ted Cruz and Michigan Gov. spoke, as did Ohio Gov. John Kasich.",
                     "He praised Texas Instruments.") == [
        ("Texas", "GPE"), ("Ted Cruz", "PERSON"), ("Michigan", "GPE"), ("Ohio", "GPE"), ("John Kasich", "PERSON"),
        ("Texas Instruments", "ORG")]


def test_extract_facts_plural_and_hyphenated_peoples_are_no_organisations():
    facts = extract_facts(article("Hispanics and African-Americans backed him, as did Iowans and Mexicans."))
    assert [(e.name, e.type) for e in facts.entities] == [
        ("Hispanics", "NORP"), ("African-Americans", "NORP"), ("Iowans", "NORP"), ("Mexicans", "NORP")]


def test_extract_facts_contractions_acronyms_and_letters_alone_are_no_names():
    assert _entities("I’m sure the PAC will pay by 9 p.m. EST, she said of Plan B.") == []


def test_extract_facts_towns_of_two_words_under_the_population_cut_are_places():
    assert _entities("The Beverly Hills ceremony was held before a rally in Palo Alto.",
                     "Sales at the Gap store rose.") == [
        ("Beverly Hills", "GPE"), ("Palo Alto", "GPE"), ("Gap", "ORG")]


def test_extract_facts_weekday_after_a_name_is_a_date_not_part_of_it():
    assert _entities("The United States Tuesday said no, he told CNBC Saturday.", "Mike Friday scored.",
                     "Voters went to the polls on Super Tuesday.") == [
        ("United States", "GPE"), ("CNBC", "ORG"), ("Mike Friday", "PERSON"), ("Super Tuesday", "EVENT")]


def test_extract_facts_us_job_titles_before_a_name_are_not_part_of_it():
    assert _entities("NBC News Senior Investigative Correspondent Cynthia McFadden and Sheriff Joe Arpaio spoke.",
                     "He quoted the Economist Intelligence Unit.", "Pastor Darrell Scott defended the line.") == [
        ("NBC", "ORG"), ("Cynthia McFadden", "PERSON"), ("Joe Arpaio", "PERSON"),
        ("Economist Intelligence Unit", "ORG"), ("Darrell Scott", "PERSON")]


def test_extract_facts_issue_examples_of_boundaries_and_unknown_names():
    assert _entities("He told BBC Radio Wales that Health Minister Nkechi Obi would resign.",
                     "Wizz Air said Siddharth Iyer of Razorpay would join its board.",
                     "OpenAI said its plant in Eindhoven would open after the company's Q3 FY26 results.") == [
        ("BBC Radio Wales", "ORG"), ("Nkechi Obi", "PERSON"), ("Wizz Air", "ORG"), ("Siddharth Iyer", "PERSON"),
        ("Razorpay", "ORG"), ("OpenAI", "ORG"), ("Eindhoven", "GPE")]


def test_extract_facts_unexplained_small_town_is_a_place_unless_named_like_a_surname():
    assert _entities("The cars are built at Dingolfing and sold by Hammond.") == [
        ("Dingolfing", "GPE"), ("Hammond", "ORG")]


def test_extract_facts_a_family_named_in_the_plural_is_its_member_named_in_full():
    ents = {e.name: e for e in extract_facts(article("Bill Clinton spoke. The Clintons left early.")).entities}
    assert [(name, e.type, e.aliases) for name, e in ents.items()] == [("Bill Clinton", "PERSON", ("Clintons",))]



def test_extract_facts_dictionary_word_after_an_organisation_noun_is_a_name():
    # a lone word the dictionary has in lower case is no name on its own ("the album Life"), but an organisation's
    # noun before it introduces one
    assert _entities("Google paid $50m for the start-up Android last week.") == [("Google", "ORG"), ("Android", "ORG")]
    assert _entities("He sold the shares to fund manager Vanguard.") == [("Vanguard", "ORG")]
    assert _entities("It was the album Life that sold best.") == []
