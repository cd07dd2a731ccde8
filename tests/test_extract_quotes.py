"""Quotes: spans inside the marks, continuation after a collapsed paragraph break, speakers and cues."""
from __future__ import annotations

from extract_helpers import article

from transforms.extract import extract_facts


def _quotes(*paragraphs, **kw):
    return [(q.span.paragraph_index, q.span.headline_position, q.span.text, q.speaker, q.speaker_surface, q.cue)
            for q in extract_facts(article(*paragraphs, **kw)).quotes]


def test_extract_facts_quote_curly_marks_and_x_said():
    assert _quotes("Leader Kim Jong Un visited.", "“The sector is vital,” Mr Kim said.") == [
        (1, None, "The sector is vital,", "Kim Jong Un", "Mr Kim", "said")]


def test_extract_facts_quote_said_x_and_continuation_after_collapsed_break():
    got = _quotes('Chairman Antony Burgmans spoke. "We have recognised the need," said Mr Burgmans. '
                  '"It is a wise step. "He lacks nothing at all," he added.')
    assert got == [
        (0, None, "We have recognised the need,", "Antony Burgmans", "Mr Burgmans", "said"),
        (0, None, "It is a wise step.", "Antony Burgmans", "Mr Burgmans", "said"),
        (0, None, "He lacks nothing at all,", "Antony Burgmans", "he", "added"),
    ]


def test_extract_facts_quote_speaker_before_with_colon_and_told_reporters():
    got = _quotes("Finance Minister Gordon Brown told reporters: \"The economy is strong and stable.\"",
                  "The minister told reporters that \"new plans for growth are coming soon\" in the spring.")
    assert got == [
        (0, None, "The economy is strong and stable.", "Gordon Brown", "Finance Minister Gordon Brown", "told"),
        (1, None, "new plans for growth are coming soon", "Gordon Brown", "The minister", "told"),
    ]


def test_extract_facts_quote_according_to_organisation():
    got = _quotes('Shares fell. "Profits will be lower than forecast this year," according to Unilever.')
    assert got == [(0, None, "Profits will be lower than forecast this year,", "Unilever", "Unilever",
                    "according to")]


def test_extract_facts_quote_multi_sentence_single_span():
    got = _quotes('"We are happy. We won. We move on," said coach Jose Mourinho.')
    assert got == [(0, None, "We are happy. We won. We move on,", "Jose Mourinho", "coach Jose Mourinho", "said")]


def test_extract_facts_quote_pronoun_resolves_to_latest_person():
    got = _quotes("Patrick Cescau met Antony Burgmans.", '"It went well," she said.')
    assert got == [(1, None, "It went well,", "Antony Burgmans", "she", "said")]


def test_extract_facts_scare_quotes_and_titles_are_not_quotes():
    assert _quotes('Critics attacked the "yob culture" of the town and the film "Dirty Dancing" was shown.') == []


def test_extract_facts_short_fragment_with_reporting_verb_is_a_quote():
    got = _quotes('Union leader Bob Crow said the offer was "complete rubbish".')
    assert got == [(0, None, "complete rubbish", "Bob Crow", "Union leader Bob Crow", "said")]


def test_extract_facts_quote_unclosed_runs_to_paragraph_end():
    got = _quotes('Manager Alex McLeish said: "We were poor in the first half and we know it')
    assert got == [(0, None, "We were poor in the first half and we know it", "Alex McLeish", "Manager Alex McLeish", "said")]


def test_extract_facts_quote_in_headline_is_not_body():
    got = _quotes("Mr Kim visited.", headlines=("North Korea warns Japan on plans", "Kim says “we will win the war”"))
    assert [(p, h) for p, h, *_ in got] == [(None, 1)]


def test_extract_facts_quote_speaker_with_apposition_after_quote():
    got = _quotes('"The lira was funny money," Tevfik Aksoy, chief economist at Deutsche Bank, told Associated Press.')
    assert got == [(0, None, "The lira was funny money,", "Tevfik Aksoy", "Tevfik Aksoy", "told")]


def test_extract_facts_quote_role_with_named_apposition_before():
    got = _quotes('The new President, Viktor Yushchenko, has said a "limited" list is being drawn up.')
    assert got == [(0, None, "limited", "Viktor Yushchenko", "The new President", "said")]


def test_extract_facts_quote_statement_from_organisation():
    got = _quotes('Chelsea sacked him. A statement from Chelsea read:"We have a zero tolerance policy on drugs."')
    assert got == [(0, None, "We have a zero tolerance policy on drugs.", "Chelsea", "A statement from Chelsea",
                    "read")]


def test_extract_facts_uncued_quote_after_reported_clause():
    got = _quotes('Ms Yulia Tymoshenko said prosecutors had a list. "We will return it to the state soon."')
    assert got == [(0, None, "We will return it to the state soon.", "Yulia Tymoshenko", "Ms Yulia Tymoshenko",
                    "said")]


def test_extract_facts_quote_she_skips_men_and_names_inside_quotes():
    got = _quotes("Hilary Swank thanked Clint Eastwood.", '"You guided us, Morgan Freeman," she said.')
    assert got == [(1, None, "You guided us, Morgan Freeman,", "Hilary Swank", "she", "said")]


def test_extract_facts_quote_speaker_with_org_and_role_before_name_and_two_appositions():
    got = _quotes('"That is rubbish," KSE chairman Yaseen Lakhani told the BBC.',
                  'Mr Shin-Bae Kim, chief executive of SK Telecom, also at the fair, said: "We have plans for TV."')
    assert got == [(0, None, "That is rubbish,", "Yaseen Lakhani", "KSE chairman Yaseen Lakhani", "told"),
                   (1, None, "We have plans for TV.", "Shin-Bae Kim", "Mr Shin-Bae Kim", "said")]


def test_extract_facts_short_quote_at_end_of_long_reported_clause():
    got = _quotes('Home Secretary Charles Clarke met MPs. He said it would be possible to "rescue" the plan and make'
                  ' the law "tolerable" by amending it.')
    assert got == [(0, None, "rescue", "Charles Clarke", "He", "said"),
                   (0, None, "tolerable", "Charles Clarke", "He", "said")]


def test_extract_facts_he_said_skips_possessive_and_new_sentence_after_quote():
    got = _quotes('Mayor Ray Mallon met Neil Herron. But Mr Herron said he was not convinced by Mr Mallon\'s '
                  'arguments. "It will not deliver," he said.',
                  'Chairman John Tomaney spoke. "We felt we had to show it." Graham Robb, a spokesman, said the '
                  'campaign was "rattled".')
    assert got == [(0, None, "It will not deliver,", "Neil Herron", "he", "said"),
                   (1, None, "We felt we had to show it.", "John Tomaney", None, None),
                   (1, None, "rattled", "Graham Robb", "Graham Robb", "said")]


def test_extract_facts_quote_speaker_is_last_person_of_phrase_and_station_is_an_org():
    got = _quotes('Tom Meighan met Noel Gallagher. Gallagher\'s singer Tom Meighan declared: "Music needs a kick."',
                  'BBC Radio 1 hired three DJs for "their in-depth musical knowledge of genres", the station said.')
    assert got == [(0, None, "Music needs a kick.", "Tom Meighan", "Gallagher's singer Tom Meighan", "declared"),
                   (1, None, "their in-depth musical knowledge of genres", "BBC Radio 1", "the station", "said")]


def test_extract_facts_relative_clause_speaker_and_confesses():
    got = _quotes('Ms Anne Robinson, who presents a quiz show tells him that she despaired. "I used to sit on my hands."',
                  'His wife, ex-model Sandra, was asked about table tennis and she confesses: "I could win more."')
    assert got == [(0, None, "I used to sit on my hands.", "Anne Robinson", "Ms Anne Robinson", "tells"),
                   (1, None, "I could win more.", "Sandra", "she", "confesses")]


def test_extract_facts_pronoun_takes_subject_of_previous_sentence_not_its_object():
    got = _quotes('Tony Blair said Gordon Brown had done a good job. "He is an excellent chancellor," he said.',
                  'Ann Brown told the court she had met Peter Green and Mary Hill in May.',
                  '"I was frightened of him," she said.')
    assert got == [(0, None, "He is an excellent chancellor,", "Tony Blair", "he", "said"),
                   (2, None, "I was frightened of him,", "Ann Brown", "she", "said")]


def test_extract_facts_pronoun_prefers_previous_quote_speaker_over_later_objects():
    got = _quotes('"The plan is dead," said Mr Tom Smith, who met Paul Jones and Mark Lee on Monday.',
                  '"We will not return to the table," he added.')
    assert got == [(0, None, "The plan is dead,", "Tom Smith", "Mr Tom Smith", "said"),
                   (1, None, "We will not return to the table,", "Tom Smith", "he", "added")]


def test_extract_facts_role_noun_resolves_to_person_introduced_with_that_role():
    got = _quotes('Home Secretary David Blunkett visited the centre with Ken Livingstone.',
                  '"This is a good day," the home secretary said.',
                  'Jane Cole, the chief executive of Acme, met Bill Ross. "Sales are up," the chief executive said.')
    assert got == [(1, None, "This is a good day,", "David Blunkett", "the home secretary", "said"),
                   (2, None, "Sales are up,", "Jane Cole", "the chief executive", "said")]


def test_extract_facts_pronoun_follows_a_sentence_opened_by_a_role_noun():
    got = _quotes('Labour leader Tony Blair was interviewed by presenter John Snow.',
                  'Mr Snow asked him about the war. The Labour leader was asked about his critics.',
                  'He replies: "They are simply wrong about the facts."')
    assert got == [(2, None, "They are simply wrong about the facts.", "Tony Blair", "He", "replies")]


def test_extract_facts_clause_with_colon_after_finished_quote_introduces_the_next_one():
    got = _quotes('Minister Des Browne said: "We will screen for TB. "Those found ill must seek treatment at home." '
                  'Meanwhile Mark Oaten, the Lib Dem spokesman, said: "This is another worrying step."')
    assert got == [(0, None, "We will screen for TB.", "Des Browne", "Minister Des Browne", "said"),
                   (0, None, "Those found ill must seek treatment at home.", "Des Browne", "Minister Des Browne",
                    "said"),
                   (0, None, "This is another worrying step.", "Mark Oaten", "Meanwhile Mark Oaten", "said")]


def test_extract_facts_passive_is_not_a_speaker_and_branding_is_a_cue():
    got = _quotes('The Tories are also thought likely to act, with shadow chancellor Oliver Letwin branding the tax '
                  'a "classic Labour stealth tax". The Tories say the plan will fail.')
    assert got == [(0, None, "classic Labour stealth tax", "Oliver Letwin", "shadow chancellor Oliver Letwin",
                    "branding")]


def test_extract_facts_participle_clause_takes_the_sentence_subject():
    got = _quotes('Chancellor Gordon Brown defended the plan to Alan Jones, saying it was "fair and affordable".',
                  'Union leader Bob Crow attacked the deal, describing it as "a betrayal".',
                  'Tesco hit back at Sainsbury, adding: "Our prices are lower than ever before."')
    assert got == [(0, None, "fair and affordable", "Gordon Brown", "Chancellor Gordon Brown", "saying"),
                   (1, None, "a betrayal", "Bob Crow", "Bob Crow", "describing"),
                   (2, None, "Our prices are lower than ever before.", "Tesco", "Tesco", "adding")]


def test_extract_facts_quote_introduced_at_the_end_of_the_previous_paragraph():
    got = _quotes("Speaking in London, Prime Minister Tony Blair said:",
                  '"We will not be deterred by these threats."',
                  '"And we will win in the end, whatever they do."')
    assert got == [(1, None, "We will not be deterred by these threats.", "Tony Blair", "Prime Minister Tony Blair",
                    "said"),
                   (2, None, "And we will win in the end, whatever they do.", "Tony Blair",
                    "Prime Minister Tony Blair", "said")]


def test_extract_facts_role_nouns_for_people_and_spokesman_of_a_named_organisation():
    got = _quotes('Jane Smith was at home when the flood came.', '"The water was everywhere," the 45-year-old said.',
                  'Alain Prost won the race.', '"It was a very hard race for me," the Frenchman said.',
                  'Sainsbury and Tesco cut prices on Monday.',
                  '"We are pleased with the response," a Sainsbury spokeswoman said.',
                  'Mr John Prescott was quoted as saying: "We will build the homes."')
    assert [(p, speaker, cue) for p, _, _, speaker, _, cue in got] == [
        (1, "Jane Smith", "said"), (3, "Alain Prost", "said"), (5, "Sainsbury", "said"), (6, "John Prescott", "saying")]


def test_extract_facts_uncued_quote_after_a_sentence_with_a_new_subject_or_only_a_new_object():
    got = _quotes('"We were brilliant today," said coach Bill Smith. He praised striker Tom Jones for his goals. '
                  '"He was simply unstoppable out there."',
                  '"We were brilliant today," said coach Bill Smith. Captain Tom Jones disagreed with that view. '
                  '"We were lucky to win the game."')
    assert [(p, text, speaker) for p, _, text, speaker, _, _ in got] == [
        (0, "We were brilliant today,", "Bill Smith"), (0, "He was simply unstoppable out there.", "Bill Smith"),
        (1, "We were brilliant today,", "Bill Smith"), (1, "We were lucky to win the game.", "Tom Jones")]


def test_extract_facts_paragraph_opening_quote_carries_on_from_the_subject_of_the_paragraph_before():
    got = _quotes('"We were brilliant today," said coach Bill Smith.',
                  'Smith singled out striker Tom Jones for special praise after the game.',
                  '"He was simply unstoppable out there."')
    assert [(p, speaker) for p, _, _, speaker, _, _ in got] == [(0, "Bill Smith"), (2, "Bill Smith")]


def test_extract_facts_name_after_said_stops_at_the_end_of_its_sentence():
    got = _quotes('"We were brilliant today," said coach Bill Smith. Captain Tom Jones agreed with him.')
    assert got == [(0, None, "We were brilliant today,", "Bill Smith", "coach Bill Smith", "said")]


def test_extract_facts_speaker_name_with_a_number():
    got = _quotes('Radio 1 said it would rise to the "challenge" of "keeping his legacy alive" with new music.')
    assert got == [(0, None, "challenge", "Radio 1", "Radio 1", "said"),
                   (0, None, "keeping his legacy alive", "Radio 1", "Radio 1", "said")]


def test_extract_facts_said_then_name_stops_at_a_linking_word_and_role_takes_its_apposition():
    got = _quotes('"It was a great win for the team," said Wenger after watching Henry score twice.',
                  'Shares in Tesco rose.', '"We had a great Christmas," said the company\'s chief executive, Terry Leahy.',
                  '"We are ready," said Italy coach Marcello Lippi.')
    assert [(p, speaker) for p, _, _, speaker, _, _ in got] == [(0, "Wenger"), (2, "Terry Leahy"), (3, "Marcello Lippi")]


def test_extract_facts_organisation_role_prefers_the_organisation_named_with_that_word():
    got = _quotes('The Transport and General Workers Union is balloting staff at British Airways.',
                  '"Our members are angry about the offer," the union said.',
                  'The Bank of England kept rates on hold as Tesco reported sales.',
                  '"Inflation remains close to target," the bank said.')
    assert [(p, speaker) for p, _, _, speaker, _, _ in got] == [
        (1, "Transport and General Workers Union"), (3, "Bank of England")]


def test_extract_facts_pronoun_skips_pronouns_inside_quotes_and_follows_a_new_subject():
    got = _quotes('Coach Bill Smith praised his striker Tom Jones after the game. "He was unstoppable today. '
                  'He scored twice," said Smith.',
                  'Jones was named man of the match. "I feel great about it," he said.')
    assert [(p, speaker) for p, _, _, speaker, _, _ in got] == [(0, "Bill Smith"), (1, "Tom Jones")]


def test_extract_facts_gendered_role_noun_agrees_with_the_person():
    got = _quotes('Director Sam Mendes cast Kate Winslet in the film.',
                  '"It was a wonderful part to play," the actress said.')
    assert got == [(1, None, "It was a wonderful part to play,", "Kate Winslet", "the actress", "said")]


def test_extract_facts_quote_after_a_name_and_a_colon_in_a_bulleted_line():
    """Match previews list each manager's words as '- Blackburn boss Mark Hughes: "..."': the name before the
    colon speaks, short first sentences included; a colon after a word naming no one cues nothing."""
    got = _quotes('Note: "Tickets for the tie are still on sale at the club"',
                  "Burnley play Blackburn on Tuesday.",
                  '- Blackburn boss Mark Hughes: "Burnley are resolute. "I thought we were comfortable."')
    assert [(p, text, speaker, cue) for p, _, text, speaker, _, cue in got] == [
        (0, "Tickets for the tie are still on sale at the club", None, None),
        (2, "Burnley are resolute.", "Mark Hughes", ":"),
        (2, "I thought we were comfortable.", "Mark Hughes", ":")]


def test_extract_facts_quote_after_a_progressive_reporting_verb():
    got = _quotes('Tony Blair spoke in Kent. And on Thursday Mr Blair is saying: "I want to talk about prosperity."')
    assert [(speaker, cue) for _, _, _, speaker, _, cue in got] == [("Tony Blair", "saying")]


def test_extract_facts_role_noun_finds_the_person_titled_so_not_a_shadow():
    """"the chancellor" is Chancellor Gordon Brown (the title is part of his mention), not "shadow chancellor
    Oliver Letwin", named later in the same sentence."""
    got = _quotes("Chancellor Gordon Brown attacked the Tories on Monday.",
                  'In a speech, the chancellor said cuts proposed by shadow chancellor Oliver Letwin would hurt. '
                  '"I give you this promise," the chancellor said.')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [("Gordon Brown", "the chancellor")]


def test_extract_facts_speakers_that_are_no_one_named():
    """"a judge" is someone new, not the last person named; "the American" is a person, not the nationality;
    a quote after 'The report said:' does not go back to the speaker before the report."""
    got = _quotes('Tony Blair visited the court. Later a judge claimed the youths were "urban savages who '
                  'roam the streets".',
                  'An American tourist was there. "It was terrifying for everyone," said the American.',
                  'Barbara Stocking spoke first. "We need action now," she said. The report said: "Global poverty '
                  'is rising fast this year." "Environmental crises make it worse for all."')
    assert [speaker for _, _, _, speaker, _, _ in got] == [None, None, "Barbara Stocking", None, None]


def test_extract_facts_pronoun_after_an_opening_adverb_is_the_sentence_subject():
    """"Now he fears ...": the sentence is about the person "he" refers to, not the player it names later."""
    got = _quotes('Bernard Laporte said the French were ready.',
                  'Now he fears an injury crisis, including captain Jason Robinson, will hurt. "We will be fine," '
                  'he added.')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [("Bernard Laporte", "he")]


def test_extract_facts_quote_branded_by_an_agent_is_the_agents():
    got = _quotes('Tessa Jowell has announced the plan was dropped, which was branded a "humiliating and total '
                  'retreat" by the Tories.')
    assert [(speaker, surface, cue) for _, _, _, speaker, surface, cue in got] == [
        ("Conservative Party", "the Tories", "by")]


def test_extract_facts_quote_takes_the_reporting_clause_nearest_it():
    got = _quotes('When the government announced the plan, Tony Blair said it was "only the start of a long road".')
    assert [(speaker, cue) for _, _, _, speaker, _, cue in got] == [("Tony Blair", "said")]


def test_extract_facts_quote_after_a_future_reporting_verb():
    got = _quotes('Mr Kennedy will say that the war was "a grave and costly mistake for the country".')
    assert [(speaker, surface, cue) for _, _, _, speaker, surface, cue in got] == [("Kennedy", "Mr Kennedy", "say")]


def test_extract_facts_quote_after_more_participle_cues():
    got = _quotes('Jose Mourinho hit out at the referee on Sunday, complaining: "We were robbed of a clear penalty '
                  'today."', 'Tony Blair ended the debate by saying the plan was "the right thing for Britain".')
    assert [(speaker, cue) for _, _, _, speaker, _, cue in got] == [("Jose Mourinho", "complaining"),
                                                                    ("Tony Blair", "saying")]


def test_extract_facts_organisation_roles_include_alliances_and_institutes():
    got = _quotes('The Making Decisions Alliance wants a change in the law.',
                  '"Patients deserve far better than this," the alliance said.')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [
        ("Making Decisions Alliance", "the alliance")]


def test_extract_facts_quote_speaker_after_three_title_words_or_an_owners_role():
    got = _quotes('"It looks pretty grim," said Swedish trades union official Ulf Carlsson.',
                  '"We asked ourselves if we should cancel the whole thing," said the festival\'s executive director,'
                  ' Craig Prater.')
    assert [(speaker, cue) for _, _, _, speaker, _, cue in got] == [("Ulf Carlsson", "said"),
                                                                    ("Craig Prater", "said")]


def test_extract_facts_he_said_closing_a_sentence_is_not_the_person_it_names():
    got = _quotes("Labour spokesman Fraser Kemp said the poster had been misunderstood.",
                  'The image simply portrayed Michael Howard as "a hypnotist with a watch", he argued.')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [("Fraser Kemp", "he")]


def test_extract_facts_he_after_an_inverted_reporting_clause_is_its_subject():
    got = _quotes("Tony Blair spoke on Tuesday. It was no good Mr Blair claiming pledges were left, argued Michael"
                  ' Howard. Pointing to tax, he added: "Everyone knows tax will go up under Labour."')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [("Michael Howard", "he")]


def test_extract_facts_he_said_after_a_named_reporting_clause_in_the_same_sentence():
    got = _quotes("Oliver Letwin spoke first.", 'George Osborne, for the Tories, said: "There is a black hole in'
                  ' the public finances," he said.')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [("George Osborne", "he")]


def test_extract_facts_epithets_of_a_player_resolve_to_the_player_not_the_club():
    got = _quotes("Andy Roddick lost in Seville to Carlos Moya.",
                  '"I had my chances and just did not convert them," said the American.',
                  'Damien Duff hit the bar for Chelsea. "I completely lost it in the lights," said the Chelsea star.',
                  '"It is nothing serious at all," said his coach Peter Stanley.')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [
        ("Andy Roddick", "the American"), ("Damien Duff", "the Chelsea star"),
        ("Peter Stanley", "his coach Peter Stanley")]


def test_extract_facts_an_epithet_is_not_the_object_its_sentence_names():
    got = _quotes("Lindsay Davenport has criticised Wimbledon.",
                  "Reacting to a comment by All England Club chairman Tim Phillips, the American said: \"I think it"
                  " is highly insulting.\"", "Roger Federer won again.",
                  'When Mark Philippoussis shook his hand after another defeat, the Australian said: "You are the best."')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [
        ("Lindsay Davenport", "the American"), ("Mark Philippoussis", "the Australian")]


def test_extract_facts_his_lawyer_is_not_him():
    got = _quotes('Stan Lee created Spider-Man. His lawyer said: "It could be tens of millions of dollars."')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [(None, "His lawyer")]


def test_extract_facts_spokesman_and_apposition_with_an_acronym_in_brackets():
    got = _quotes('A spokesman for the British Phonographic Industry (BPI) said: "We are delighted with it."',
                  '"It is about personalisation," Jeff Joseph, from the Consumer Electronics Association (CEA) told'
                  ' the BBC.', 'Plans were branded "deeply irresponsible" by the Liberal Democrats.')
    assert [speaker for _, _, _, speaker, _, _ in got] == ["British Phonographic Industry", "Jeff Joseph",
                                                          "Liberal Democrats"]


def test_extract_facts_a_possessive_before_a_noun_is_no_reporting_clause():
    got = _quotes("Liberal Democrat deputy leader Menzies Campbell said he thought Lord Butler's comments were"
                  ' "well justified" and "entirely fair".')
    assert [(speaker, surface) for _, _, _, speaker, surface, _ in got] == [("Menzies Campbell", "he"),
                                                                            ("Menzies Campbell", "he")]


def test_extract_facts_quote_apposition_with_bracketed_acronym():
    quotes = _quotes('Digby Jones, director general of the Confederation of British Industry (CBI), said: '
                     '"This is bad news."')
    assert [(q[3], q[5]) for q in quotes] == [("Digby Jones", "said")]


def test_extract_facts_quote_possessive_company_reports_but_possessive_noun_does_not():
    quotes = _quotes('Standard & Poor\'s believes that "the outlook is negative for the bank".')
    assert [(q[3], q[5]) for q in quotes] == [("Standard & Poor's", "believes")]
    quotes = _quotes('Tony Blair spoke. Asked about Sir Ian\'s comments, he said: "We believe the threat is real."')
    assert [(q[3], q[5]) for q in quotes] == [("Tony Blair", "said")]


def test_extract_facts_uncued_quote_skips_a_possessive_clause():
    quotes = _quotes("Julia Tymoshenko said prosecutors had a list and that Viktor Yanukovych's claims were "
                     'baseless. "We will return to this matter in court next week."')
    assert [q[3] for q in quotes] == ["Julia Tymoshenko"]


def test_extract_facts_quote_said_the_american_after_an_american_company():
    quotes = _quotes("Andy Roddick beat Tim Henman in the final. Roddick has a deal with an American company.",
                     '"I played well," said the American.')
    assert [q[3] for q in quotes] == ["Andy Roddick"]


def test_quote_spans_two_apostrophes_as_double_marks():
    from transforms.extract.quotes import quote_spans

    text = "Mr. Ryan called the remarks ''racist,'' and added: ''I disavow these comments.''"
    assert [text[s:e] for s, e in quote_spans(text)] == ["racist,", "I disavow these comments."]


def test_extract_facts_quote_list_attribution_and_signed_below():
    got = _quotes("Dana Reyes covers the race.", '"The numbers do not lie, and they move fast," Dana Reyes, NBC News.',
                  '"Great speech. She is ready and she never quits at all."', "-President Obama, tweeting later.")
    assert [(g[0], g[3], g[5]) for g in got] == [(1, "Dana Reyes", ","), (2, "Obama", ",")]


def test_extract_facts_quote_coordinated_verb_takes_the_sentence_subject():
    got = _quotes('Donald Trump called on her to resign from her post and said, "Her mind is shot!"')
    assert got == [(0, None, "Her mind is shot!", "Donald Trump", "Donald Trump", "said")]


def test_extract_facts_quote_abbreviations_and_two_adverbs_before_the_verb():
    got = _quotes('Ted Cruz spoke. He has also suggested voters should deliver a "spanking" to rivals.',
                  'Donald Trump spoke, accusing him of wanting to control the U.S. politicians "with daddy\'s money."')
    assert [(g[0], g[2], g[3], g[5]) for g in got] == [(0, "spanking", "Ted Cruz", "suggested"),
                                                      (1, "with daddy's money.", "Donald Trump", "accusing")]


def test_extract_facts_quote_dash_name_colon_party_tag_and_statement_saying():
    got = _quotes('Pollsters agree - Carl Bialik: "Keep on contacting voters as late as you possibly can."',
                  'After winning Ohio, Gov. John Kasich (R-OH), said, "I am getting ready to rent a covered wagon."',
                  'Jessica Mackler issued a statement saying his comment "has absolutely no place in our democracy."')
    assert [(g[0], g[3], g[5]) for g in got] == [(0, "Carl Bialik", ":"), (1, "John Kasich", "said"),
                                                (2, "Jessica Mackler", "saying")]


def test_extract_facts_quote_fragment_after_a_list_of_what_the_subject_did():
    got = _quotes('Donald Trump spoke. The candidate has mocked a disabled reporter, referred to migrants as "rapists" '
                  'and more.', 'Angela Merkel heralded the deal as a "breakthrough."')
    assert [(g[0], g[2], g[3], g[5]) for g in got] == [(0, "rapists", "Donald Trump", "referred"),
                                                      (1, "breakthrough.", "Angela Merkel", "heralded")]


def test_extract_facts_quote_speaker_with_a_long_lower_case_title():
    got = _quotes('"We must rebuild our alliances," said former secretary of state Condoleezza Rice on Tuesday.',
                  '"Voters want results," said former tech executive Meg Whitman during the debate.')
    assert [(g[0], g[3], g[4]) for g in got] == [
        (0, "Condoleezza Rice", "former secretary of state Condoleezza Rice"),
        (1, "Meg Whitman", "former tech executive Meg Whitman")]


def test_extract_facts_quote_closed_by_a_mistyped_opening_mark():
    got = _quotes("“The count could take a week in some counties,“ said Elaine Marshall, the state’s top official.")
    assert got == [(0, None, "The count could take a week in some counties,", "Elaine Marshall", "Elaine Marshall",
                    "said")]


def test_extract_facts_quote_us_reporting_verbs_and_an_adverb():
    got = _quotes("Hillary Clinton shot back, “We have the votes and we will pass this bill.”",
                  "Later, John Kerry flatly asserted at a news conference, “The Senate will not take it up.”")
    assert [(g[0], g[3], g[5]) for g in got] == [(0, "Hillary Clinton", "shot back"), (1, "John Kerry", "asserted")]


def test_extract_facts_quote_progressive_and_participle_reporting_verbs():
    got = _quotes("Former Gov. Mike Huckabee, for his part, is labeling the order “a blatant abuse of power.”",
                  "Donald Trump won. He’s predicting he will do “very, very well” in the next contest.",
                  "Hillary Clinton faced Ron Johnson at the hearing, chiding him, “What difference does it make?”")
    assert [(g[0], g[3], g[4], g[5]) for g in got] == [
        (0, "Mike Huckabee", "Former Gov. Mike Huckabee", "labeling"), (1, "Donald Trump", "He", "predicting"),
        (2, "Hillary Clinton", "Hillary Clinton", "chiding")]


def test_extract_facts_quote_reporting_clause_closing_its_sentence():
    got = _quotes('China has used "velvet gloves" in its dealings with its neighbours, said Sarah Cook, a researcher.',
                  '"It seems extremely unlikely" that the senator can catch up, Steve Elmendorf said in an interview.',
                  "Bill Bush is joining the ''Today'' show as an anchor, NBC announced on Tuesday.")
    assert [(g[0], g[2], g[3], g[5]) for g in got] == [
        (0, "velvet gloves", "Sarah Cook", "said"), (1, "It seems extremely unlikely", "Steve Elmendorf", "said")]


def test_extract_facts_quote_short_fragment_is_the_sentence_subjects_words():
    got = _quotes('Hillary Clinton supports "appropriate pay raises" for federal workers.',
                  'Donald Trump further summed up his rival as "terrible," and moved on.',
                  'Many voters fear the "yob culture" of the town. Barack Obama watched "Game of Thrones" on Sunday.')
    assert got == [(0, None, "appropriate pay raises", "Hillary Clinton", "Hillary Clinton", "supports"),
                   (1, None, "terrible,", "Donald Trump", "Donald Trump", "summed")]


def test_extract_facts_quote_role_subject_after_an_opening_phrase():
    got = _quotes("Judge Sonia Sotomayor regrets her remarks about the race.",
                  'In three separate interviews, the judge sounded off on Donald Trump, saying she did not "want to '
                  'contemplate" a change.')
    assert got == [(1, None, "want to contemplate", "Sonia Sotomayor", "the judge", "saying")]


def test_extract_facts_quote_plural_noun_and_prepositional_phrase_are_not_speakers():
    got = _quotes("Bill de Blasio called Trump a “blowhard,” and said his anti-Muslim remarks were priceless “propaganda” "
                  "for terrorist groups.", "Donald Trump spoke. Trump at the time said he’d asked his “people” to "
                  "“look into” paying the fees.")
    assert [(g[0], g[2], g[3], g[5]) for g in got] == [
        (0, "blowhard,", "Bill de Blasio", "called"), (0, "propaganda", "Bill de Blasio", "called"),
        (1, "people", "Donald Trump", "said"), (1, "look into", "Donald Trump", "said")]


def test_extract_facts_quote_us_honorific_keeps_the_sentence_whole():
    got = _quotes('On Tuesday, Gov. Jerry Brown endorsed her, citing her "long experience," "firm grasp of the issues" '
                  "and preparedness.")
    assert [(g[2], g[3], g[4], g[5]) for g in got] == [
        ("long experience,", "Jerry Brown", "Gov. Jerry Brown", "citing"),
        ("firm grasp of the issues", "Jerry Brown", "Gov. Jerry Brown", "endorsed")]


def test_extract_facts_quote_possessive_noun_object_relative_and_closing_clause_with_has():
    got = _quotes("Ruth Bader Ginsburg spoke.",
                  "House Speaker Paul Ryan told CNN on Tuesday that Ginsburg’s comments “show bias to me.”",
                  "Glenn Beck turned on Steve Bannon, who Beck on Wednesday called “a horrible human being.”",
                  'James Comey leads the FBI. The FBI made a "mistake" in the background check, Comey has said.')
    assert [(g[0], g[3], g[5]) for g in got] == [(1, "Paul Ryan", "told"), (2, "Glenn Beck", "called"),
                                                (3, "James Comey", "said")]


def test_extract_facts_quote_infinitive_of_purpose_takes_the_sentence_subject():
    got = _quotes('Bernie Sanders took to Twitter to say the system was "rigged against working families and the young."')
    assert got == [(0, None, "rigged against working families and the young.", "Bernie Sanders", "Bernie Sanders",
                    "say")]


def test_extract_facts_quote_honorific_picks_the_namesake_of_its_gender():
    got = _quotes("Donald Trump and his daughter Ivanka Trump arrived.",
                  '"My father has always been a fighter," Ms. Trump said.',
                  '"She is a great businesswoman," Mr. Trump said.')
    assert [(g[0], g[3], g[4]) for g in got] == [(1, "Ivanka Trump", "Ms. Trump"), (2, "Donald Trump", "Mr. Trump")]


def test_extract_facts_quote_short_exclamation_is_a_quote():
    got = _quotes("As the man was led away, Donald Trump yelled, “Out, out, out!”",
                  'The crowd watched "Mamma Mia!" and "Game of Thrones" on a big screen.')
    assert got == [(0, None, "Out, out, out!", "Donald Trump", "Donald Trump", "yelled")]


def test_extract_facts_quote_put_it_smiled_and_said_and_inverted_verb_before_the_quote():
    got = _quotes('As prosecutor Marc Lambert put it, "there was not much to complain about in the strict terms."',
                  "Asked whom she backed, Ms. Sherry smiled and said, ''I'm waiting for Michael Bloomberg to run.''",
                  "Because of how the party crafted the schedule, explained Jim Rosenberg, “with this thing being over "
                  "by mid-March it was hard.”",
                  'Former secretary of state Hillary Rodham Clinton:"We learned that from the State Department."')
    assert [(g[0], g[3], g[5]) for g in got] == [(0, "Marc Lambert", "put it"), (1, "Sherry", "said"),
                                                (2, "Jim Rosenberg", "explained"), (3, "Hillary Rodham Clinton", ":")]


def test_extract_facts_quote_a_persons_campaign_or_office_speaks_for_them():
    got = _quotes("Donald Trump attacked Hillary Clinton again.",
                  "Mrs. Clinton's campaign said in a statement that ''Hillary Clinton won't be bullied'' by him.",
                  "Trump's office said the report was \"totally false and made up by the media.\"")
    assert [(g[0], g[3], g[4]) for g in got] == [(1, "Hillary Clinton", "Mrs. Clinton's campaign"),
                                                (2, "Donald Trump", "Trump's office")]


def test_extract_facts_quote_possessor_before_the_quote_and_excerpt_paragraph():
    got = _quotes("It's the persistent pull of Hillary Clinton's \"if you like your plan, you can keep it\" promise.",
                  "Steven Spielberg's \"Jaws\" was shown again.",
                  '"Pastor Tom Baker defended Donald Trump’s “Look at my supporter over here!” line on CNN.')
    assert [(g[0], g[2], g[3], g[5]) for g in got] == [
        (0, "if you like your plan, you can keep it", "Hillary Clinton", "'s"),
        (2, "Look at my supporter over here!", "Donald Trump", "’s")]


def test_extract_facts_quote_pronoun_after_a_question_is_the_one_asked():
    got = _quotes("Bernie Sanders spoke on CNN.",
                  "Last month, reporter Scott Conroy asked Sanders whether his health was fair game.",
                  "“Sure it is. I would not have run if I was not healthy,” he said.")
    assert [(g[0], g[3], g[4]) for g in got] == [(2, "Bernie Sanders", "he")]


def test_extract_facts_quote_ended_quote_is_not_given_the_next_sentences_clause():
    got = _quotes('Donald Trump said Hillary Clinton "caused death." Bernie Sanders called Trump a "pathological liar."')
    assert [(g[2], g[3], g[5]) for g in got] == [("caused death.", "Donald Trump", "said"),
                                                ("pathological liar.", "Bernie Sanders", "called")]


def test_extract_facts_quote_party_tag_with_a_relative_clause_and_a_role_then_name():
    got = _quotes("Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month, said in a statement that the plans were "
                  "“important preliminary steps.”",
                  "''It may have been his first attempt to make his own statement,'' said his best friend at Lehigh, "
                  "Bruce Turry, who spoke.")
    assert [(g[0], g[3], g[4]) for g in got] == [(0, "Zoe Lofgren", "Rep. Zoe Lofgren"), (1, "Bruce Turry", "his best friend at Lehigh, Bruce Turry")]


def test_extract_facts_quote_surname_read_as_a_people_is_the_person_named_before():
    got = _quotes("Mark Cuban spoke on Sunday.", 'Clinton, though, would have to "go more to center," Cuban said.')
    assert got == [(1, None, "go more to center,", "Mark Cuban", "Cuban", "said")]


def test_extract_facts_quote_inside_a_sentence_is_its_subjects_words():
    got = _quotes("John Kerry spoke first. Hillary Clinton answered him.",
                  "Later, Kerry referenced a report that \"less than one percent of State Department emails\" were kept.")
    assert got == [(1, None, "less than one percent of State Department emails", "John Kerry", "Kerry", "referenced")]
