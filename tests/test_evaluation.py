"""The gold set: scores must stay at or above their targets (see `make eval`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from scripts import evaluate


@pytest.mark.slow
def test_scores_meet_targets(nlp: Language) -> None:
    scores, misses = evaluate.run(nlp)
    below = {k: round(v, 3) for k, v in scores.items() if v < evaluate.TARGETS.get(k, 0)}
    assert not below, (below, misses[:20])


def test_gold_set_covers_enough_articles_and_facets() -> None:
    gold = evaluate.load_gold()
    assert len(gold) >= 8
    with_procurement = [g for g in gold.values() if g["procurements"]]
    assert len(with_procurement) >= 8
    assert all(g["actors"] and g["dates"] and g["stance_cues"] for g in gold.values())


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
