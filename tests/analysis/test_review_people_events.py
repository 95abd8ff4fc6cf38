"""Events and actor rows in review: an event's date and type corrected, a person whom only a
title linked to a state listed in the review queue and settled with one action; both kept when
the article is analysed again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language

from analysis import ingest
from analysis.corrections import CorrectionError
from analysis.model import Article
from analysis.review import TITLE_ONLY, queue
from analysis.store import Store

# Synthetic: neither official is in the people data; only their titles link them to a state.
TEXT = (
    "Defence Minister Milena Testova said on 3 March 2024 that Serbia would hold a military "
    "drill. Foreign Minister Petar Primerovic said Serbia wanted closer ties with its neighbours."
)
ARTICLE = Article(text=TEXT, title="Officials (illustrative)", published=dt.date(2024, 5, 1))


def store(db: Path, nlp: Language) -> Path:
    ingest.ingest_articles([("officials", ARTICLE)], db=db, nlp=nlp)
    return db


def test_people_linked_by_title_only_are_queued_and_settled(db: Path, nlp: Language) -> None:
    with Store(store(db, nlp)) as st:
        people = st.read("actors")
        people = people[people["type"] == "person"]
        assert len(people) >= 2 and set(people["country"]) == {"SRB"}
        items = queue(st, limit=100)
        titled = items[items["table"] == "actors"]
        assert set(titled["row_id"]) == set(people["row_id"])
        assert all(r == [TITLE_ONLY] for r in titled["reasons"])
        first = titled.iloc[0]
        assert first["sentence"] in TEXT and first["label"].endswith("(linked by a title only)")
        st.correct("actors", str(first["row_id"]), action="reject", reviewer="ana")
        second = str(titled.iloc[1]["row_id"])
        st.correct("actors", second, action="confirm")
        left = queue(st, limit=100)
        assert not set(left[left["table"] == "actors"]["row_id"])
        assert first["row_id"] not in set(st.read("actors")["row_id"])
    ingest.ingest_articles([("officials", ARTICLE)], db=db, nlp=nlp, reanalyse=True)
    with Store(db, readonly=True) as st:
        rows = st.read("actors").set_index("row_id")
        assert first["row_id"] not in rows.index and rows.loc[second, "review"] == "confirm"


def test_an_event_date_and_type_are_corrected_and_kept(db: Path, nlp: Language) -> None:
    with Store(store(db, nlp)) as st:
        events = st.read("events")
        event = events[events["date"] == "2024-03-03"].iloc[0]
        rid = str(event["row_id"])
        st.correct("events", rid, values={"date": "2024-03-04", "type": "exercise"}, note="typo")
        fixed = st.read("events").set_index("row_id").loc[rid]
        assert (fixed["date"], fixed["day"], fixed["type"]) == (
            "2024-03-04",
            "2024-03-04",
            "exercise",
        )
        assert sorted(fixed["corrected"]) == ["date", "type"]
        # the actor filter still finds it (through the event-actor links)
        assert rid in set(st.read("events", actors=["SRB"])["row_id"])
        assert rid in set(st.read("events", start="2024-03-04", end="2024-03-04")["row_id"])
        before = st.generation()
        for values in ({"type": "coronation"}, {"date": "March"}, {"precision": "day"}):
            try:
                st.correct("events", rid, values=values)
            except CorrectionError:
                pass
            else:
                raise AssertionError(f"{values} was accepted")
        assert st.generation() == before
    ingest.ingest_articles([("officials", ARTICLE)], db=db, nlp=nlp, reanalyse=True)
    with Store(db, readonly=True) as st:
        kept = st.read("events").set_index("row_id").loc[rid]
        assert (kept["date"], kept["type"]) == ("2024-03-04", "exercise")
