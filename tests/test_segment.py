
import pytest
from conftest import SEED

from transforms.decode import decode
from transforms.segment import segment


def test_segment_seed_shape():
    article = segment(decode(SEED.read_bytes()).text)
    assert article.title is None
    assert len(article.paragraphs) == 15
    assert article.sections == [[0, 3], [4, 8], [9, 10], [11, 14]]
    assert article.related_headlines == (
        "North Korea reveals nuclear submarine progress as Kim Jong Un slams South Korea",
        "Amazon says over 1,800 North Koreans blocked from applying for jobs at tech giant",
        "Kim Jong Un and daughter pictured visiting mountain resort and testing beds",
        "North Korea warns Japan’s nuclear ambitions must be ‘prevented at any cost’",
        "Country announces it will end foreign adoptions after claims of fraud and abuse",
        "Holiday island sees tourist numbers soar after appearing in hit Netflix show",
    )
    assert article.paragraphs[0].text.startswith("North Korean leader Kim Jong Un asked his officials")
    assert article.paragraphs[14].text.endswith("earlier this year.")


def test_segment_bbc_shape_title_then_one_paragraph_per_line():
    text = "Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.\n\nThe firm said so.\n\n" \
           "Its shares rose.\n"
    article = segment(text)
    assert article.title == "Ad sales boost Time Warner profit"
    assert [p.text for p in article.paragraphs] == ["Quarterly profits jumped 76%.", "The firm said so.",
                                                    "Its shares rose."]
    assert article.sections == [[0, 0], [1, 1], [2, 2]]
    assert article.related_headlines == ()


def test_segment_question_and_ellipsis_titles():
    assert segment("Could Yukos be a blessing in disguise?\n\nBody text.\n").title == \
        "Could Yukos be a blessing in disguise?"
    assert segment("Rivals of the £400 Apple...\n\nBody text.\n").title == "Rivals of the £400 Apple..."


def test_segment_one_sentence_first_section_is_not_a_title():
    article = segment("The minister resigned on Monday.\n\nShe gave no reason.\n")
    assert article.title is None
    assert len(article.paragraphs) == 2


def test_segment_list_after_colon_stays_in_body():
    text = "Intro paragraph here.\nThe main proposals are:\n - Freeze on petrol duty\n" \
           "Increase in the stamp duty threshold\nNew spending on schools and hospitals\n"
    article = segment(text)
    assert article.related_headlines == ()
    assert len(article.paragraphs) == 5


def test_segment_results_table_stays_in_body():
    text = "The weekend results were as follows.\nArsenal 2 Chelsea 1\nLeeds 0 Everton 3\n"
    assert segment(text).related_headlines == ()


def test_segment_single_unpunctuated_last_line_stays_in_body():
    text = "First paragraph ends here.\nSecond paragraph ends here.\nA closing line without a full stop\n"
    article = segment(text)
    assert article.related_headlines == ()
    assert len(article.paragraphs) == 3


def test_segment_bbc_bullets_are_not_headlines():
    text = "Title line\n\nThe report said the following.\n - A comprehensive ban on smoking\n" \
           " - The legislation will be enforced\n"
    article = segment(text)
    assert article.related_headlines == ()
    assert len(article.paragraphs) == 3


def test_segment_refuses_a_file_longer_than_any_news_article():
    from transforms.model import BadInput
    from transforms.segment import MAX_ARTICLE_CHARS, MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS

    with pytest.raises(BadInput, match="^2,001 lines, .* longer than any news article$"):
        segment("\n\n".join(["Smith met Jones. \"No,\" the minister said."] * (MAX_PARAGRAPHS + 1)))
    ten_longest_lines = "\n".join(["A" * (MAX_PARAGRAPH_CHARS - 1) + "."] * 10)  # each line within its limit
    assert len(ten_longest_lines) > MAX_ARTICLE_CHARS
    with pytest.raises(BadInput, match="^10 lines, 1,000,009 characters .limits 2,000 and 1,000,000.: longer"):
        segment(ten_longest_lines)
    assert len(segment("\n\n".join(["The minister said no."] * MAX_PARAGRAPHS)).paragraphs) == MAX_PARAGRAPHS


def test_segment_full_stop_headline_over_a_longer_lede_is_the_title():
    text = "City council backs new tram plan.\n\nThe city council voted on Monday to back a tram line across " \
           "the centre, ending two years of argument.\n\nWork starts next spring.\n"
    article = segment(text)
    assert article.title == "City council backs new tram plan."
    assert [p.text for p in article.paragraphs][0].startswith("The city council voted")
    assert len(article.paragraphs) == 2


def test_segment_full_stop_title_case_and_kicker_headlines():
    assert segment("Bernie Sanders Promises Action On Immigration.\n\nShort body.\n").title == \
        "Bernie Sanders Promises Action On Immigration."
    assert segment("Lynch: No outside influence on FBI probe.\n\nShe said so.\n").title == \
        "Lynch: No outside influence on FBI probe."
    assert segment("Rep. Welch to back Sanders for president.\n\nHe said so.\n").title == \
        "Rep. Welch to back Sanders for president."


def test_segment_full_stop_line_with_a_quote_or_two_sentences_stays_in_body():
    assert segment('Trump says "no deal" on trade.\n\nHe spoke in Ohio on a long and windy day.\n').title is None
    assert segment("Prices rose again. Shops blamed fuel.\n\nThe figures came out on a long and busy day.\n") \
        .title is None


def test_segment_headline_over_a_deck_line_ending_with_a_semicolon():
    article = segment("Jobs report gives Democrats a lift;\nSolid upturn could blunt Republican claims.\n\n"
                      "Employers added jobs.\n")
    assert article.title == "Jobs report gives Democrats a lift;"
    assert [p.text for p in article.paragraphs] == ["Solid upturn could blunt Republican claims.",
                                                    "Employers added jobs."]
