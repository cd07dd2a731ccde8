from news_etl.attributions import Attribution, read_ann, score_article, source_is_name


def test_read_ann_joins_relations_to_their_spans(tmp_path):
    ann = tmp_path / "a.ann"
    ann.write_text("T1\tSource 0 5\tWelch\nT2\tCue 6 10\tsaid\nT3\tContent 12 20;25 30\t\"I will\" x\n"
                   "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\nE2\tAttribution:T2 Content:T3 Cue:T2\n",
                   encoding="utf-8")
    got = read_ann(ann)
    assert [(a.content, a.source, a.source_text) for a in got] == [
        ([(12, 20), (25, 30)], [(0, 5)], "Welch"), ([(12, 20), (25, 30)], [], "")]


def test_source_is_name_only_for_capitalised_non_pronouns():
    assert source_is_name("Vermont Gov. Peter Shumlin")
    assert not source_is_name("He")
    assert not source_is_name("the newspaper")
    assert not source_is_name("the New Jersey governor")
    assert source_is_name("the previous Republican nominee, Mitt Romney,")


def test_score_article_counts_overlaps_and_speakers():
    text = 'Title here\n\n"We won," Welch said. "It was hard," she said.\n'
    facts = {"title": "Title here", "paragraphs": ['"We won," Welch said. "It was hard," she said.'],
             "quotes": [{"paragraph": 0, "start": 1, "end": 8, "speaker": "Peter Welch"},
                        {"paragraph": 0, "start": 23, "end": 35, "speaker": "Peter Welch"}],
             "entities": [{"name": "Peter Welch", "mentions": [{"paragraph": 0, "start": 10, "end": 15}]}]}
    welch = Attribution([(12, 22)], [(22, 27)], "Welch")
    other = Attribution([(34, 48)], [(49, 52)], "she")
    tally = score_article(text, facts, [welch, other])
    assert (tally.gold, tally.gold_found, tally.predicted, tally.predicted_right) == (2, 2, 2, 2)
    assert (tally.named, tally.named_right, tally.named_all) == (1, 1, 1)
