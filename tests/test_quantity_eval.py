"""news_etl.quantity_eval: value F1 and value + unit F1 of the quantity extractor on sentence sets."""
from __future__ import annotations

import json

from news_etl.quantity_eval import score_set


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_score_set_counts_value_and_unit_matches(tmp_path):
    sets = tmp_path / "set.jsonl"
    _write(sets, [
        {"sentence": "Sales rose 36% to $1.13bn.", "quantities": [{"value": 36, "unit": "percent"},
                                                                  {"value": 1130000000, "unit": "GBP"}]},
        {"sentence": "Three prestigious Grammy Awards went to two bands.",
         "quantities": [{"value": 2, "unit": "bands"}, {"value": 7, "unit": None}]},
    ])
    # predicted: 36 percent, 1130000000 USD (the gold says GBP), 3 Awards (no gold), 2 bands
    s = score_set(sets)
    assert (s["sentences"], s["gold"], s["predicted"]) == (2, 4, 4)
    assert s["value_f1"] == 0.75  # 3 of 4 gold values found, 3 of 4 predictions right
    assert s["value_unit_f1"] == 0.5  # the dollars are not pounds


def test_score_set_plural_and_last_word_of_a_unit_match(tmp_path):
    sets = tmp_path / "set.jsonl"
    _write(sets, [{"sentence": "It sold 1.3 million video phones.",
                   "quantities": [{"value": 1300000, "unit": "Video Phone"}]}])
    assert score_set(sets)["value_unit_f1"] == 1.0
