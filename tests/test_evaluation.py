"""The gold sets: the scorer works, the sets are big and varied enough, and the analysis holds
the scores it reached on both splits (see `make eval`; the targets it still misses are printed
there and reported in the README)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from spacy.language import Language

from scripts import evaluate


@pytest.mark.slow
@pytest.mark.parametrize("split", evaluate.SPLITS)
def test_scores_hold_their_floor(nlp: Language, split: str) -> None:
    scores, misses = evaluate.run(nlp, split=split)
    floors = evaluate.FLOORS[split]
    below = {k: round(scores[k], 3) for k, floor in floors.items() if scores[k] < floor}
    assert not below, (below, misses[:20] if split == "dev" else "see make eval")


@pytest.mark.parametrize("split,least", [("dev", 30), ("test", 25)])
def test_each_split_is_big_and_covers_the_genres(split: str, least: int) -> None:
    gold = evaluate.load_gold(split=split)
    assert len(gold) >= least
    genres = Counter(g.get("genre") for g in gold.values())
    for genre in ("deal_wire", "battlefield", "exercise", "cancellation", "analysis"):
        assert genres[genre] >= 2, (split, genre, genres)
    assert sum(1 for g in gold.values() if g["procurements"]) >= least // 2
    assert len(evaluate.load_events(split=split)) >= 40


def test_every_gold_file_has_every_key_and_an_existing_article() -> None:
    for split in evaluate.SPLITS:
        for name, g in evaluate.load_gold(split=split).items():
            for key in ("article", "actors", "people", "dates", "procurements", "alignment"):
                assert key in g, (split, name, key)
            assert (evaluate.ROOT / g["article"]).is_file(), (split, name)


def test_scorer_can_fail() -> None:
    gold = {
        "a": {
            "actors": ["SRB"],
            "people": {"Aleksandar Vucic": "SRB"},
            "dates": [{"text": "Monday", "date": "2020-01-06", "precision": "day"}],
            "procurements": [
                {
                    "system": "MiG-29",
                    "category": "fighter_aircraft",
                    "supplier": "RUS",
                    "recipient": "SRB",
                    "status": "delivered",
                }
            ],
            "alignment": [{"subject": "SRB", "counterpart": "RUS", "direction": 1}],
            "stance_cues": [{"cue": "said", "type": "attribution"}],
        }
    }
    empty = {
        "a": {"actors": [], "events": [], "procurements": [], "alignment": [], "stance_cues": []}
    }
    scores, _ = evaluate.score(empty, gold)
    assert all(
        scores[k] == 0
        for k in (
            "actors.recall",
            "people.accuracy",
            "dates.recall",
            "procurement.recall",
            "alignment.recall",
            "stance.recall",
        )
    )


def test_rows_from_no_transfer_sentences_are_counted() -> None:
    gold = {
        "a": {
            "actors": [],
            "people": {},
            "dates": [],
            "procurements": [],
            "alignment": [],
            "stance_cues": [],
            "no_transfer": ["drones destroyed three launchers"],
        }
    }
    row = {
        "system": "Osa",
        "category": "air_defence",
        "supplier": "RUS",
        "recipient": "ARM",
        "status": "delivered",
        "sentence": "Azerbaijani drones destroyed three launchers.",
    }
    result = {
        "a": {"actors": [], "events": [], "procurements": [row], "alignment": [], "stance_cues": []}
    }
    scores, _ = evaluate.score(result, gold)
    assert scores["procurement.no_transfer_rows"] == 1


def test_single_sentence_events_need_the_pair_and_the_sign() -> None:
    lines = [
        {
            "text": "Russia invaded Ukraine.",
            "published": "2022-02-24",
            "pairs": [["RUS", "UKR", -1]],
        },
        {"text": "India did not sign.", "published": "2022-02-24", "pairs": []},
    ]
    right = [
        {"alignment": [{"subject": "UKR", "counterpart": "RUS", "direction": -1}]},
        {"alignment": []},
    ]
    wrong = [
        {"alignment": [{"subject": "RUS", "counterpart": "UKR", "direction": 1}]},
        {"alignment": [{"subject": "IND", "counterpart": "CHN", "direction": 1}]},
    ]
    assert evaluate.score_events(right, lines)[0] == {
        "events.recall": 1.0,
        "events.negated_clean": 1.0,
    }
    assert evaluate.score_events(wrong, lines)[0] == {
        "events.recall": 0.0,
        "events.negated_clean": 0.0,
    }
    assert json.dumps(lines)


def test_a_recurring_cue_is_matched_where_it_stands() -> None:
    # Two "said" cues, the first of which the analysis missed: the one it found is scored
    # against the gold cue at its place, not against the first gold "said".
    text = "Analysts said the deal was large. Serbia said it would buy jets."
    gold = {
        "a": {
            "actors": [],
            "people": {},
            "dates": [],
            "procurements": [],
            "alignment": [],
            "stance_cues": [
                {"cue": "said", "type": "attribution", "speaker": None, "target": None},
                {"cue": "said", "type": "attribution", "speaker": "SRB", "target": None},
            ],
        }
    }
    found = {"cue": "said", "type": "attribution", "speaker": "SRB", "target": None}
    result = {
        "a": {
            "actors": [],
            "events": [],
            "procurements": [],
            "alignment": [],
            "stance_cues": [{**found, "start": text.index("said", 20)}],
        }
    }
    placed, _ = evaluate.score(result, gold, {"a": text})
    assert placed["stance.full"] == 1.0
    # one of the two gold cues found, with the right speaker and target
    assert placed["stance.exact"] == 0.5
    unplaced, _ = evaluate.score(result, gold)
    assert unplaced["stance.full"] == 0.0
    assert unplaced["stance.exact"] == 0.0


def test_a_bare_name_kept_out_of_a_system_s_forms_matches_it_by_category() -> None:
    row = {
        "system": "BAE Hawk",
        "category": "fighter_aircraft",
        "supplier": "GBR",
        "recipient": "ZAF",
    }
    trainer = {
        "system": "Hawk",
        "category": "fighter_aircraft",
        "supplier": "GBR",
        "recipient": "ZAF",
    }
    missile = {**trainer, "category": "air_defence"}
    assert evaluate._match_row(row, [trainer]) is trainer
    assert evaluate._match_row(row, [missile]) is None
    ships = {"system": "Mistral-class", "category": "ship", "supplier": "FRA", "recipient": "EGY"}
    gold = {**ships, "system": "Mistral"}
    assert evaluate._match_row(ships, [gold]) is gold
    assert evaluate._match_row(ships, [{**gold, "category": "air_defence"}]) is None


def test_a_designation_with_its_system_s_own_name_matches_that_system() -> None:
    row = {"system": "A-4 Skyhawk", "category": "fighter_aircraft", "supplier": "USA"}
    row["recipient"] = "NZL"
    for written in ("A-4K Skyhawk", "A-4AR Skyhawk"):
        gold = {**row, "system": written}
        assert evaluate._match_row(row, [gold]) is gold
    fighter = {**row, "system": "F-16", "recipient": "IDN"}
    assert evaluate._match_row(fighter, [{**fighter, "system": "F-16V Block 70"}]) is not None
    # a designation with words of another system's name is that other system's, not this one's
    assert evaluate._match_row(row, [{**row, "system": "A-4K Hornet"}]) is None


def test_a_cue_inside_the_cue_before_it_is_placed_after_it() -> None:
    text = "The Thai army said it fired first. Cambodia said Thai jets bombed a temple."
    golds = [
        {"cue": "The Thai army said", "type": "attribution"},
        {"cue": "said", "type": "attribution"},
    ]
    assert evaluate._cue_places(golds, text) == [0, text.index("said", 20)]


def test_a_class_of_ship_named_like_a_missile_matches_the_ship() -> None:
    # "Babur class" names the Turkish-designed corvettes, not the Pakistani cruise missile
    assert evaluate._weapon_key("Babur class") == evaluate._weapon_key("Babur-class")
    assert evaluate._weapon_key("Babur class") != evaluate._weapon_key("Babur")


def test_people_names_match_without_accents_or_letters_spelt_plain() -> None:
    assert evaluate._name("Morten Bødskov") == evaluate._name("Morten Bodskov")
    assert evaluate._name("François-Philippe Champagne") == evaluate._name(
        "Francois-Philippe Champagne"
    )


def test_a_ship_matches_with_or_without_its_navy_s_prefix() -> None:
    assert evaluate._weapon_key("SLNS Samudura") == evaluate._weapon_key("Samudura")
    assert evaluate._weapon_key("HMS Ocean") != evaluate._weapon_key("HMS Albion")


def test_a_cue_found_inside_a_longer_gold_cue_is_paired_with_it() -> None:
    text = "Jets are sold abroad, officials in Islamabad said. Analysts said the deal mattered."
    golds = [
        {"cue": "officials in Islamabad said", "type": "attribution"},
        {"cue": "Analysts said", "type": "attribution"},
    ]
    first, second = text.index("said"), text.index("said", text.index("Analysts"))
    cues = [
        {"cue": "said", "type": "attribution", "start": first},
        {"cue": "said", "type": "attribution", "start": second},
    ]
    assert evaluate._cue_pairs(golds, cues, evaluate._cue_places(golds, text)) == {0: 0, 1: 1}
