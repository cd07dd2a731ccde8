"""facts_json: the "Facts JSON" format of the gold README, stable byte for byte."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from extract_helpers import article

from transforms.decode import decode
from transforms.extract import extract_facts
from transforms.facts_json import facts_json
from transforms.segment import segment

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_d163ad6fdaadeadf.txt"


def _seed_doc(ref=None):
    a = segment(decode(SEED.read_bytes()).text)
    return facts_json(SEED.name, "d163ad6fdaadeadf", a, extract_facts(a, ref))


def test_facts_json_top_level_keys_and_structure():
    doc = _seed_doc()
    assert list(doc) == ["source_file", "article_id", "title", "paragraphs", "sections", "related_headlines",
                         "entities", "headline_entities", "quotes", "quantities", "temporal"]
    assert doc["title"] is None and len(doc["paragraphs"]) == 15
    assert doc["sections"] == [[0, 3], [4, 8], [9, 10], [11, 14]]
    assert len(doc["related_headlines"]) == 6


def test_facts_json_entity_mentions_quote_quantity_temporal_shapes():
    doc = _seed_doc()
    kim = doc["entities"][next(i for i, e in enumerate(doc["entities"]) if e["name"] == "Kim Jong Un")]
    assert kim["type"] == "PERSON" and kim["aliases"] == ["Kim", "Mr Kim"]
    assert kim["mentions"][0] == {"paragraph": 0, "start": 20, "end": 31, "text": "Kim Jong Un"}
    assert {"headline": 0, "start": 50, "end": 61, "text": "Kim Jong Un"} in kim["mentions"]
    assert doc["quotes"][0]["paragraph"] == 1 and doc["quotes"][0]["speaker"] == "Kim Jong Un"
    assert doc["quotes"][0]["text"].startswith("The country’s missile and shell production sector")
    assert doc["quantities"][0] == {"paragraph": 4, "start": 132, "end": 143, "surface": "8,700-tonne",
                                    "value": 8700, "unit": "tonne", "kind": "measure"}
    assert doc["temporal"][0]["surface"] == "the coming year" and doc["temporal"][0]["value"] is None


def test_facts_json_headline_facts_carry_headline_not_paragraph():
    doc = _seed_doc()
    over = [q for q in doc["quantities"] if "headline" in q]
    assert over == [{"headline": 1, "start": 12, "end": 36, "surface": "over 1,800 North Koreans", "value": 1800,
                     "unit": "Koreans", "kind": "count", "qualifier": "over"}]
    assert all("paragraph" not in q for q in over)
    assert [e["name"] for e in doc["headline_entities"]] == ["Amazon", "Koreans", "Netflix"]


def test_facts_json_resolved_temporal_value_is_iso_date_or_interval():
    doc = _seed_doc(date(2025, 11, 28))
    values = {t["surface"]: t["value"] for t in doc["temporal"]}
    assert values["Friday"] == "2025-11-28"
    assert values["early next year"] == "2026-01-01/2026-12-31"
    friday = next(t for t in doc["temporal"] if t["surface"] == "Friday")
    assert (friday["timex_type"], friday["timex_value"]) == ("DATE", "2025-11-28")


def test_facts_json_is_byte_identical_run_to_run():
    first = json.dumps(_seed_doc(), ensure_ascii=False, indent=1)
    second = json.dumps(_seed_doc(), ensure_ascii=False, indent=1)
    assert first == second


def test_facts_json_title_facts_are_paragraph_minus_one():
    a = article("Unilever said profits fell 3%.", title="Unilever profits fall 3% in Japan")
    doc = facts_json("x.txt", "x", a, extract_facts(a))
    assert doc["title"] == "Unilever profits fall 3% in Japan"
    assert [(q["paragraph"], q["surface"]) for q in doc["quantities"]] == [(-1, "3%"), (0, "3%")]
