"""The learned name typer: its GUM reader, its deterministic training, and the shipped model in the extractor."""
from pathlib import Path

import pytest

from news_etl import train_typer
from transforms.extract import extract_facts, typer
from transforms.model import Article, Paragraph

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "typer_conllu"  # synthetic sentences in GUM's format
GUM = REPO.parent / "shared" / "corpus" / "gum"


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in extract_facts(Article(None, (Paragraph(0, 0, text),))).entities]


def test_read_paragraphs_reads_text_and_entity_mentions():
    [paragraph] = train_typer.read_paragraphs(FIXTURE / "conllu" / "GUM_news_dune.conllu")
    assert [s.text for s in paragraph] == ["The mayor of Lagos, Ada Eze, said it was fair.", "Norland Cloud hired Eze."]
    # first token, last token, GUM type, head token
    assert paragraph[0].mentions == ((3, 3, "place", 3), (5, 6, "person", 6))
    assert paragraph[1].mentions == ((0, 1, "organization", 1), (3, 3, "person", 3))
    assert paragraph[0].spans[3] == (13, 18)  # "Lagos": the comma after it has SpaceAfter=No


def test_split_holds_out_every_fifth_document_and_skips_travel_guides():
    train, held = train_typer.split(FIXTURE)
    assert [f.stem for f in train] == ["GUM_bio_ada", "GUM_interview_bay", "GUM_news_cove", "GUM_news_dune"]
    assert [f.stem for f in held] == ["GUM_news_east"]


def test_examples_label_the_extractors_mentions_with_gum_types():
    found = train_typer.examples(FIXTURE / "conllu" / "GUM_news_dune.conllu")
    assert [(ex.label, ex.rule, ex.guessed) for ex in found] == [
        ("PLACE", "PLACE", False), ("PERSON", "PERSON", False), ("ORG", "ORG", False), ("PERSON", "ORG", True)]
    assert [f for f in found[1].feats if f[:2] in ("L1", "R1")] == [
        "L1=,", "R1=,", "L1R1=,|,"]  # "Ada Eze" in "The mayor of Lagos, Ada Eze, said"


def test_main_writes_the_same_weights_on_every_run(tmp_path, capsys):
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    assert train_typer.main([str(FIXTURE), "--out", str(first)]) == 0
    assert train_typer.main([str(FIXTURE), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert text.count("\n    '") == 29
    assert "    'w=eze': (0.37, -0.16, -0.16, -0.05),\n" in text
    assert "held-out documents: 1, mentions: 2 (rules guess 1)" in capsys.readouterr().out


def test_main_leaves_the_shipped_model_in_use(tmp_path):
    train_typer.main([str(FIXTURE), "--out", str(tmp_path / "weights.py")])
    assert _entities("The reform will not work, Okonkwo said on Tuesday.") == [("Okonkwo", "PERSON")]


def test_main_without_conllu_folder_fails_with_one_line(tmp_path, capsys):
    assert train_typer.main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"train_typer: no conllu/ folder in {tmp_path}\n"


@pytest.mark.skipif(not (GUM / "conllu").is_dir(), reason="the GUM corpus is not beside the repository")
def test_train_on_gum_gives_the_shipped_weights_byte_for_byte():
    train, _ = train_typer.split(GUM)
    weights = train_typer.train([ex for f in train for ex in train_typer.examples(f)])
    shipped = REPO / "transforms" / "extract" / "typer_weights.py"
    assert train_typer.render(weights) == shipped.read_text(encoding="utf-8")


def test_context_takes_the_word_or_mark_on_either_side():
    text = "The plan would fail, said Okonkwo, who chairs it."
    assert typer.context(text, 26, 33) == (("said",), (",",))
    assert typer.context("It was announced by a spokeswoman for Zentrix", 38, 45) == (("for",), ())
    assert typer.context("Okonkwo", 0, 7) == ((), ())


def test_typer_types_a_lone_surname_that_says_something_a_person():
    assert _entities("The reform will not work, Okonkwo said on Tuesday.") == [("Okonkwo", "PERSON")]
    with typer.using({}):  # the rules alone: an unexplained lone name outside sport is an organisation
        assert _entities("The reform will not work, Okonkwo said on Tuesday.") == [("Okonkwo", "ORG")]


def test_typer_leaves_names_the_rules_type_and_words_it_is_unsure_of():
    assert _entities("Chidi Okonkwo said the plan would fail.") == [("Chidi Okonkwo", "PERSON")]
    assert _entities("Prices will rise, warned Adeyemi, an economist.") == [("Adeyemi", "ORG")]
    assert _entities("Shares in Wizz Air fell after the airline cut its forecast.") == [("Wizz Air", "ORG")]
    assert _entities("The move by Tesla was a surprise.") == [("Tesla", "ORG")]


def test_using_restores_the_model_after_the_block():
    text = "Prices will rise, warned Adeyemi, an economist."
    with typer.using({"bias": (9.0, 0.0, 0.0, 0.0)}, 0.5):  # sure of PERSON for anything
        assert _entities(text) == [("Adeyemi", "PERSON")]
    assert _entities(text) == [("Adeyemi", "ORG")]
