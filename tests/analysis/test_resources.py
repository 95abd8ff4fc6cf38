"""Every line of every domain data file parses into its typed shape, and the data hangs together."""

from __future__ import annotations

import json
from collections import defaultdict
from importlib.resources import files

import pycountry
import pytest

from analysis import resources
from analysis.constants import CATEGORIES


@pytest.mark.parametrize("name", sorted(resources.DATA_FILES))
def test_every_row_parses(name: str) -> None:
    text = files("analysis").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip()]
    assert rows, name
    loaded = resources.DATA_FILES[name]()
    assert len(loaded) >= len({json.loads(r).get("lemma", i) for i, r in enumerate(rows)})


def test_a_malformed_row_names_its_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "_lines", lambda name: iter([(7, {"id": "X"})]))
    with pytest.raises(resources.DataFileError, match=r"actors.v1.jsonl:7"):
        resources._read("actors.v1.jsonl", resources._actor)


def test_countries_cover_every_un_member_plus_kosovo_taiwan_palestine() -> None:
    countries = {a.id for a in resources.actors() if a.type == "country"}
    assert {"XKX", "TWN", "PSE"} <= countries
    assert len(countries) >= 196
    for cid in countries - {"XKX"}:
        assert pycountry.countries.get(alpha_3=cid) is not None, cid


def test_actor_ids_and_forms_are_unambiguous() -> None:
    ids = [a.id for a in resources.actors()]
    assert len(ids) == len(set(ids))
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in resources.actors():
        for form in actor.forms:
            owners[form].add(actor.id)
    clashes = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_bloc_members_and_people_point_at_known_actors() -> None:
    known = set(resources.actors_by_id())
    for bloc in resources.actors():
        assert set(bloc.members) <= known, bloc.id
    for person in resources.people():
        assert person.country in known, person.id
        for role in person.roles:
            assert role.actor in known, (person.id, role)


def test_sixty_countries_have_leaders_and_defence_and_foreign_ministers() -> None:
    titles: dict[str, set[str]] = defaultdict(set)
    for person in resources.people():
        for role in person.roles:
            titles[role.actor].add(role.title)
    full = [
        c
        for c, t in titles.items()
        if {"defence_minister", "foreign_minister"} <= t
        and t & {"head_of_state", "head_of_government"}
    ]
    assert len(full) >= 60


def test_people_act_for_the_state_of_the_role_held_that_year() -> None:
    people = resources.people_by_id()
    assert people["P:jens-stoltenberg"].acts_for(2019) == "NATO"
    assert people["P:jens-stoltenberg"].acts_for(2025) == "NOR"
    assert people["P:kaja-kallas"].acts_for(2022) == "EST"
    assert people["P:kaja-kallas"].acts_for(2025) == "EU"


def test_at_least_300_weapon_systems_with_known_origin_and_category() -> None:
    weapons = resources.weapons()
    assert len(weapons) >= 300
    known = set(resources.actors_by_id())
    for w in weapons:
        assert w.category in CATEGORIES
        assert w.origin in known, w.id
    assert len({w.id for w in weapons}) == len(weapons)
    by_name = {w.name: w for w in weapons}
    for name, category, origin in [
        ("MiG-29", "fighter_aircraft", "RUS"),
        ("Pantsir", "air_defence", "RUS"),
        ("S-400", "air_defence", "RUS"),
        ("FK-3", "air_defence", "CHN"),
        ("Rafale", "fighter_aircraft", "FRA"),
        ("Bayraktar TB2", "uav", "TUR"),
        ("K2 Black Panther", "tank", "KOR"),
    ]:
        assert (by_name[name].category, by_name[name].origin) == (category, origin)
    aliases = {a for w in weapons for a in w.aliases}
    assert {"MiG-29SMT", "Mi-35M", "Pantsir-S1", "S-400 Triumf"} <= aliases


def test_signal_weights_have_a_rationale() -> None:
    for rule in resources.signal_rules().values():
        assert rule.weight > 0 and len(rule.rationale) > 20
    assert resources.status_weights()["cancelled"].direction == -1


@pytest.mark.parametrize(
    "actor,camp",
    [
        ("RUS", "Russia"),
        ("CSTO", "Russia"),
        ("CHN", "China"),
        ("NATO", "EU/NATO/US"),
        ("USA", "EU/NATO/US"),
        ("POL", "EU/NATO/US"),
        ("TUR", "EU/NATO/US"),
        ("IND", "Others"),
    ],
)
def test_counterparts_fall_into_camps(actor: str, camp: str) -> None:
    assert resources.bloc_of(actor) == camp


@pytest.mark.parametrize(
    "actor,country", [("SRB", True), ("XKX", True), ("SCO", False), ("GCC", False), ("OAS", False)]
)
def test_only_states_are_countries_whatever_the_id_length(actor: str, country: bool) -> None:
    assert resources.is_country(actor) is country
