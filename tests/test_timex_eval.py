"""news_etl.timex_eval: strict/relaxed span F1 and value accuracy against hand-annotated TIMEX3 sets."""
from __future__ import annotations

import json

from news_etl.timex_eval import main, normalise, score


def test_normalise_duration_spellings_agree():
    assert normalise("P1DE") == normalise("P10Y") == normalise("P120M") == "P120M"
    assert normalise("P2W") == normalise("P14D") == "P14D"
    assert normalise("2005-W11") == "2005-W11" and normalise(None) is None


def test_score_strict_relaxed_and_value(tmp_path):
    (tmp_path / "a.txt").write_text("Talks stall\n\nTalks resumed on Monday after three days and will end in"
                                    " the spring of next year.\n", encoding="utf-8")
    gold = [{"surface": "Monday", "type": "DATE", "value": "2005-03-07"},
            {"surface": "three days", "type": "DURATION", "value": "P3D"},
            {"surface": "the spring of next year", "type": "DATE", "value": "2006-SP"}]
    (tmp_path / "a.json").write_text(json.dumps({"reference_date": "2005-03-11", "timex": gold}), encoding="utf-8")
    # found: "Monday" and "three days" exactly, "the spring" (overlap only, value 2005-SP), "next year" (extra)
    assert score(tmp_path) == {"gold": 3, "predicted": 4, "strict_f1": 0.571, "relaxed_f1": 0.857,
                               "type_accuracy": 1.0, "value_accuracy": 0.667}


def test_main_without_folders_scores_every_set(capsys):
    assert main([]) == 0
    printed = [line.split(" ", 1)[0].rsplit("/", 1)[-1] for line in capsys.readouterr().out.splitlines()]
    assert printed == ["dev", "holdout", "holdout2"]
