"""The agency-style exact-span NER scorer: inline marks, line kinds, and exact P/R/F1 on a small folder."""
from __future__ import annotations

import pytest

from news_etl import ner_eval


def test_parse_marks_give_text_and_spans():
    text, spans = ner_eval.parse("SOCCER - {ORG LEEDS} WIN\n\n{ORG Leeds} 2 {ORG Fulham} 1\n")
    assert text == "SOCCER - LEEDS WIN\n\nLeeds 2 Fulham 1\n"
    assert spans == [(0, 9, 14, "ORG"), (1, 0, 5, "ORG"), (1, 8, 14, "ORG")]


def test_span_kind_by_line():
    lines = ["SOCCER - LEEDS WIN", "MOSCOW, Aug 30 (Reuters) - Russian oil output rose.", "Everton 2 Fulham 1",
             "Chelsea manager Ruud Gullit said his side was unlucky on Saturday."]
    assert [ner_eval.span_kind(lines, s) for s in
            [(0, 9, 14, "ORG"), (1, 0, 6, "LOC"), (1, 37, 40, "ORG"), (2, 0, 7, "ORG"), (3, 0, 7, "ORG")]] == [
        "caps", "caps", "prose", "table", "prose"]


def test_score_dir_exact_spans(tmp_path):
    # A match report: the headline's clubs, the dateline place, the two clubs of the score line and the person are
    # found; the gold calls the headline's CHELSEA a place on purpose: one wrong, one missed.
    (tmp_path / "a.txt").write_text(
        "SOCCER - {ORG LEEDS} HOLD {LOC CHELSEA}\n\n{LOC LONDON} 1996-08-30\n\n"
        "{ORG Everton} 2 {ORG Fulham} 1\n{PER Ruud Gullit} said the {MISC English} league match was lost when the "
        "striker missed a penalty and the keeper let in a goal .\n",
        encoding="utf-8")
    errors = []
    tally = ner_eval.score_dir(tmp_path, errors)
    assert (tally.gold["all"], tally.pred["all"], tally.hits["all"]) == (6, 6, 5)
    assert [round(x, 3) for x in tally.prf("all")] == [0.833, 0.833, 0.833]
    assert (tally.gold["caps"], tally.hits["caps"], tally.gold["table"], tally.hits["table"]) == (3, 2, 2, 2)
    assert errors == ["a.txt:0 missed LOC 'CHELSEA'", "a.txt:0 wrong ORG 'CHELSEA'"]


def test_score_dir_empty_folder_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no annotated articles"):
        ner_eval.score_dir(tmp_path)
