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


def test_shipped_people_pass_the_lint() -> None:
    assert resources.lint_people(resources.people(), set(resources.actors_by_id())) == []


def test_no_person_is_named_like_an_actor_or_a_weapon() -> None:
    # "Juan Carlos I" is also a Spanish assault ship: a person's name or alias must not take
    # a form of the actor or weapon gazetteers.
    taken = {f.casefold() for a in resources.actors() for f in a.forms}
    taken |= {f.casefold() for w in resources.weapons() for f in w.forms}
    clashes = [
        (p.id, form)
        for p in resources.people()
        for form in (p.name, *p.aliases)
        if form.casefold() in taken
    ]
    assert clashes == []


def _p(
    pid: str, name: str, *aliases: str, roles: tuple[resources.Role, ...] = ()
) -> resources.PersonRecord:
    return resources.PersonRecord(
        id=pid,
        name=name,
        country="FRA",
        aliases=aliases,
        roles=roles or (resources.Role("defence_minister", 2017, 2022, "FRA"),),
    )


@pytest.mark.parametrize(
    "people,fault",
    [
        ((_p("P:a", "Ann Roe", "Roe"), _p("P:b", "Bo Roe", "roe")), "'roe' is shared by P:a, P:b"),
        ((_p("P:a", "Ann Roe"), _p("P:b", "Bo Roe", "Ann Roe")), "shared by P:a, P:b"),
        (
            (_p("P:a", "Ann Roe", roles=(resources.Role("foreign_minister", 2020, 2019, "FRA"),)),),
            "P:a: foreign_minister ends 2019 before 2020",
        ),
        (
            (_p("P:a", "Ann Roe", roles=(resources.Role("envoy", 2020, None, "XXX"),)),),
            "P:a: envoy acts for unknown 'XXX'",
        ),
    ],
)
def test_the_people_lint_names_the_record_at_fault(
    people: tuple[resources.PersonRecord, ...], fault: str
) -> None:
    problems = resources.lint_people(people, {"FRA"})
    assert len(problems) == 1 and fault in problems[0]


def test_the_people_lint_passes_distinct_people() -> None:
    people = (_p("P:a", "Ann Roe", "Roe"), _p("P:b", "Bo Poe", "Poe"))
    assert resources.lint_people(people, {"FRA"}) == []


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


HEAD_TITLES = {"head_of_state", "head_of_government", "presidency_member"}


def _role_years(titles: set[str]) -> dict[str, set[int]]:
    years: dict[str, set[int]] = defaultdict(set)
    for person in resources.people():
        for role in person.roles:
            if role.title in titles:
                years[role.actor] |= set(range(role.start, (role.end or 2026) + 1))
    return years


def test_every_un_member_has_a_known_head_in_every_year_since_2014() -> None:
    # San Marino's two captains regent change every six months; they are not listed.
    years = _role_years(HEAD_TITLES)
    countries = {a.id for a in resources.actors() if a.type == "country"} - {"SMR"}
    missing = {c: sorted(set(range(2014, 2026)) - years[c]) for c in countries}
    assert {c: y for c, y in missing.items() if y} == {}


def test_eighty_states_have_defence_and_foreign_ministers_since_2014() -> None:
    titles: dict[str, set[str]] = defaultdict(set)
    for person in resources.people():
        for role in person.roles:
            if role.end is None or role.end >= 2014:
                titles[role.actor].add(role.title)
    ministers = [c for c, t in titles.items() if {"defence_minister", "foreign_minister"} <= t]
    chiefs = [c for c in ministers if "chief_of_staff" in titles[c]]
    assert len(ministers) >= 80
    assert len(chiefs) >= 55


@pytest.mark.parametrize(
    "form,year,actor",
    [
        ("Chrystia Freeland", 2018, "CAN"),
        ("Sebastian Pinera", 2021, "CHL"),
        ("Piñera", 2019, "CHL"),
        ("Guy Parmelin", 2022, "CHE"),
        ("Viola Amherd", 2023, "CHE"),
        ("Eduard Heger", 2023, "SVK"),
        ("Prabowo Subianto", 2025, "IDN"),
        ("Abdel Fattah al-Sisi", 2022, "EGY"),
        ("Ali Shamkhani", 2023, "IRN"),
        ("John Kirby", 2023, "USA"),
        ("Nancy Pelosi", 2022, "USA"),
        ("Lloyd Austin", 2022, "USA"),
        ("Antony Blinken", 2023, "USA"),
        ("Jake Sullivan", 2023, "USA"),
        ("Ellen Lord", 2019, "USA"),
        ("Bob Menendez", 2021, "USA"),
        ("Daniel Hagari", 2024, "ISR"),
        ("Ramzan Kadyrov", 2022, "RUS"),
        ("Jean-Claude Juncker", 2016, "EU"),
        ("Mark Rutte", 2023, "NLD"),
        ("Mark Rutte", 2025, "NATO"),
        ("Ban Ki-moon", 2015, "UN"),
        ("Stephane Dujarric", 2024, "UN"),
        ("Moussa Faki Mahamat", 2020, "AU"),
        ("Moussa Faki Mahamat", 2015, "TCD"),
        ("Kao Kim Hourn", 2024, "ASEAN"),
        ("Jasem Mohamed Albudaiwi", 2024, "GCC"),
        ("Imangali Tasmagambetov", 2024, "CSTO"),
        ("Zhang Ming", 2023, "SCO"),
        ("Mirziyoyev", 2015, "UZB"),
    ],
)
def test_office_holders_act_for_their_state_in_the_year(form: str, year: int, actor: str) -> None:
    holders = [p for p in resources.people() if form in (p.name, *p.aliases)]
    assert len(holders) == 1, form
    assert holders[0].acts_for(year) == actor


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


# --- Weapon gazetteer lint ---------------------------------------------------------------------


def _w(
    rid: str,
    name: str,
    *aliases: str,
    nicknames: tuple[str, ...] = (),
    maker: str = "Maker",
) -> resources.WeaponRecord:
    return resources.WeaponRecord(
        id=rid,
        name=name,
        category="artillery",
        origin="IND",
        maker=maker,
        aliases=aliases,
        exclude=(),
        nicknames=nicknames,
    )


@pytest.mark.parametrize("check", sorted(resources.WEAPON_CHECKS))
def test_shipped_weapon_gazetteer_passes_the_lint(check: str) -> None:
    problems = resources.lint_weapons(resources.weapons(), checks=[check])
    listing = "\n".join(problems)
    assert not problems, f"{len(problems)} weapon gazetteer problems ({check}):\n{listing}"


def test_the_weapon_lint_finds_a_system_filed_twice() -> None:
    records = [_w("tb2", "TB2", "TB-2"), _w("bayraktar-tb2", "Bayraktar TB2")]
    assert resources.lint_weapons(records, checks=["system filed twice"]) == [
        "tb2 (TB2) is filed again as bayraktar-tb2 (Bayraktar TB2)"
    ]
    # A name without a designation may be another system ("Lynx", "Lynx KF41").
    records = [_w("lynx", "Lynx"), _w("lynx-kf41", "Lynx KF41")]
    assert resources.lint_weapons(records, checks=["system filed twice"]) == []
    # ... but not when only generic words are added ("Ohio-class" and "Ohio-class submarine").
    records = [_w("ohio-class", "Ohio-class"), _w("ohio-class-sub", "Ohio-class submarine")]
    assert resources.lint_weapons(records, checks=["system filed twice"]) == [
        "ohio-class (Ohio-class) is filed again as ohio-class-sub (Ohio-class submarine)"
    ]
    # ... nor for a bare record whose name is another's after its designation.
    records = [_w("poseidon", "Poseidon"), _w("p-8-poseidon", "P-8 Poseidon", "P-8A")]
    assert resources.lint_weapons(records, checks=["system filed twice"]) == [
        "poseidon (Poseidon) is filed again as p-8-poseidon (P-8 Poseidon)"
    ]


@pytest.mark.parametrize(
    "records,expected",
    [
        pytest.param(
            [_w("pinaka", "Pinaka", "Pinaka MBRL"), _w("pinaka-2", "Pinaka Mk-II", "Pinaka MBRL")],
            [
                "alias shared by pinaka (Pinaka) 'Pinaka MBRL', pinaka-2 (Pinaka Mk-II) 'Pinaka MBRL'"
            ],
            id="alias held by two records",
        ),
        pytest.param(
            [_w("a", "Strela-10", "strela 10m"), _w("b", "Strela-10M", "Strela—10M")],
            [
                "alias shared by a (Strela-10) 'strela 10m', b (Strela-10M) 'Strela—10M'",
                "alias of a (Strela-10) 'strela 10m' is the name of b (Strela-10M)",
            ],
            id="shared after case, dashes and spaces are folded",
        ),
        pytest.param(
            [
                _w("ford", "Ford-class", "Ford-class carrier", nicknames=("Littoral combat ship",)),
                _w("lcs", "Littoral Combat Ship"),
            ],
            [
                "alias of ford (Ford-class) 'Littoral combat ship' is the name of lcs (Littoral Combat Ship)"
            ],
            id="nickname equal to another record's name",
        ),
        pytest.param(
            [_w("archer", "Archer", "FH-77BW L52 Archer"), _w("fh77", "FH-77")],
            ["alias 'FH-77BW L52 Archer' of archer (Archer) is a variant of fh77 (FH-77)"],
            id="variant filed under the wrong family",
        ),
        pytest.param(
            [
                _w("kub", "2K12 Kub", "2K12 Kvadrat", "SA-3 Goa"),
                _w("s-125", "S-125", nicknames=("SA-3",)),
            ],
            ["alias 'SA-3 Goa' of kub (2K12 Kub) shares no word, designation or acronym"],
            id="a nickname's stem names no family, the alias is still foreign",
        ),
        pytest.param(
            [_w("destroyer", "Type 052D", "Type 055 destroyer"), _w("t55", "Type 055")],
            [
                "alias 'Type 055 destroyer' of destroyer (Type 052D) is a variant of t55 (Type 055)",
                "alias 'Type 055 destroyer' of destroyer (Type 052D) shares no word",
            ],
            id="Type numbers are designation stems",
        ),
        pytest.param(
            [_w("hobart", "Hobart-class", "Juan Carlos I")],
            [
                "alias 'Juan Carlos I' of hobart (Hobart-class) shares no word, designation or acronym"
            ],
            id="alias unrelated to its record",
        ),
    ],
)
def test_the_weapon_lint_names_the_records_at_fault(
    records: list[resources.WeaponRecord], expected: list[str]
) -> None:
    problems = resources.lint_weapons(records)
    assert len(problems) == len(expected), problems
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problem


@pytest.mark.parametrize(
    "name,alias",
    [
        ("MiG-29", "MiG-29SMT"),  # a variant of its own designation
        ("Arrow 3", "Arrow-3"),  # dashes and spaces
        ("GM200", "GM 200"),
        ("Bayraktar Akinci", "Akıncı"),  # accents and the dotless i
        ("HIMARS", "High Mobility Artillery Rocket System"),  # acronym, either way round
        ("National Advanced Surface-to-Air Missile System", "NASAMS"),
        ("ATACMS", "Army Tactical Missile System"),
        ("M1 Abrams", "M1A2 SEPv3"),
        ("Type 212", "Type 212CD"),
    ],
)
def test_aliases_that_spell_their_name_pass(name: str, alias: str) -> None:
    assert resources.lint_weapons([_w("x", name, alias)]) == []


@pytest.mark.parametrize(
    "name,alias",
    [
        ("MiG-29", "Fulcrum"),  # a reporting name: only as a nickname
        ("An-12", "An-124"),  # a different number is a different aircraft
        ("Mi-17", "Mi-171"),
        ("Tejas Mk1A", "Arjun Mk1A"),  # a mark number is no designation stem
        ("Patriot", "MIM-104"),
    ],
)
def test_aliases_that_do_not_spell_their_name_fail_unless_nicknames(name: str, alias: str) -> None:
    assert len(resources.lint_weapons([_w("x", name, alias)])) == 1
    assert resources.lint_weapons([_w("x", name, nicknames=(alias,))]) == []


def test_a_maker_word_alone_links_no_alias_to_the_name() -> None:
    assert len(resources.lint_weapons([_w("x", "FN SCAR", "FN Minimi", maker="FN Herstal")])) == 1
    taurus = _w("t", "Taurus KEPD 350", "Taurus missile", maker="Taurus Systems")
    assert resources.lint_weapons([taurus]) == []


def test_generic_weapon_terms_link_no_alias_to_the_name() -> None:
    siper = _w("hisar", "Hisar missile system", "Siper missile system")
    assert len(resources.lint_weapons([siper])) == 1  # "missile", "system": shipped weapon terms
    assert resources.lint_weapons([siper], terms=[]) == []


def test_nicknames_are_forms_and_must_be_unique() -> None:
    k9 = _w("k9", "K9 Thunder", "K9", nicknames=("Vajra",))
    assert "Vajra" in k9.forms
    assert resources.lint_weapons([k9, _w("vajra", "Vajra-T", nicknames=("vajra",))]) == [
        "alias shared by k9 (K9 Thunder) 'Vajra', vajra (Vajra-T) 'vajra'"
    ]


def test_a_nickname_that_is_not_a_list_of_strings_names_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = {
        "id": "x",
        "name": "X",
        "category": "uav",
        "origin": "TUR",
        "maker": "M",
        "aliases": [],
        "nicknames": "Bayraktar",
    }
    monkeypatch.setattr(resources, "_lines", lambda name: iter([(12, row)]))
    with pytest.raises(resources.DataFileError, match=r"weapons.v1.jsonl:12"):
        resources._read("weapons.v1.jsonl", resources._weapon)


def test_shipped_nicknames_cover_reporting_names_and_designations() -> None:
    by_name = {w.name: w for w in resources.weapons()}
    for name, nickname in [
        ("MiG-29", "Fulcrum"),
        ("S-400", "Triumf"),
        ("Su-27", "Flanker"),
        ("Patriot", "MIM-104"),
        ("Stinger", "FIM-92"),
        ("Buk", "SA-11"),
        ("K9 Thunder", "Vajra"),
        ("MQ-9 Reaper", "SkyGuardian"),
    ]:
        assert nickname in by_name[name].nicknames, name
        assert nickname in by_name[name].forms, name


def _owners(form: str) -> set[str]:
    key = resources.weapon_key(form)
    return {
        w.id
        for w in resources.weapons()
        if key in {resources.weapon_key(f) for f in (w.name, *w.aliases, *w.nicknames)}
    }


@pytest.mark.parametrize(
    "form,category,origin",
    [
        ("Pinaka", "artillery", "IND"),
        ("Dhanush", "artillery", "IND"),
        ("ATAGS", "artillery", "IND"),
        ("Juan Carlos I", "ship", "ESP"),
        ("Littoral Combat Ship", "ship", "USA"),
        ("Constellation frigate", "ship", "USA"),
        ("Uzi", "small_arms", "ISR"),
        ("Galil", "small_arms", "ISR"),
        ("SA-2", "air_defence", "RUS"),
        ("SA-3", "air_defence", "RUS"),
        ("SA-8", "air_defence", "RUS"),
        ("PULS", "artillery", "ISR"),
        ("ÇAFRAD", "radar", "TUR"),
        ("DShK", "small_arms", "RUS"),
        ("NSV", "small_arms", "RUS"),
        ("SMART-L", "radar", "NLD"),
        ("Lynx", "armoured_vehicle", "DEU"),
        ("Super Lynx", "helicopter", "GBR"),
        ("Wildcat", "helicopter", "GBR"),
        ("Skyshield", "air_defence", "CHE"),
        ("Grom MANPADS", "air_defence", "POL"),
        ("Heron TP", "uav", "ISR"),
        ("Piranha V", "armoured_vehicle", "CHE"),
        ("Tornado-S", "artillery", "RUS"),
        ("Hwasong-11", "missile", "PRK"),
        ("Saab GlobalEye", "patrol_aircraft", "SWE"),
        ("Leopard 2A8", "tank", "DEU"),
        ("F-16 Block 70", "fighter_aircraft", "USA"),
        ("Su-30MKI", "fighter_aircraft", "RUS"),
        ("Type 212CD", "submarine", "DEU"),
        ("Storm Shadow", "missile", "FRA"),
        ("Hamilton-class cutter", "ship", "USA"),
        ("Gregorio del Pilar-class", "ship", "USA"),
        ("Agosta 90B", "submarine", "FRA"),
        ("MiG-25", "fighter_aircraft", "RUS"),
        ("Foxbat", "fighter_aircraft", "RUS"),
        ("Bushmaster", "armoured_vehicle", "AUS"),
        ("FH-77B", "artillery", "SWE"),
        ("Khareef-class", "ship", "GBR"),
        ("Al Madinah-class", "ship", "FRA"),
        ("Hawk 209", "fighter_aircraft", "GBR"),
        ("Hawk Mk 132", "fighter_aircraft", "GBR"),
        ("MIM-23 Hawk", "air_defence", "USA"),
        ("Super Hornet", "fighter_aircraft", "USA"),
        ("F/A-18C/D", "fighter_aircraft", "USA"),
        ("AW109", "helicopter", "ITA"),
        ("A109", "helicopter", "ITA"),
        ("CF-5", "fighter_aircraft", "CAN"),
        ("A-4KU", "fighter_aircraft", "USA"),
        ("AW101 Merlin", "helicopter", "ITA"),
        ("ASLAV", "armoured_vehicle", "CAN"),
        ("AMV35", "armoured_vehicle", "FIN"),
        ("Miecznik", "ship", "POL"),
        ("Victoria-class", "submarine", "GBR"),
        ("Abukuma-class", "ship", "JPN"),
        ("UH-1N", "helicopter", "USA"),
        ("KC-767", "transport_aircraft", "USA"),
        ("Leopard 2A7HU", "tank", "DEU"),
        ("M1A2T", "tank", "USA"),
        ("JF-17 Block III", "fighter_aircraft", "PAK"),
        ("KF41 Lynx", "armoured_vehicle", "DEU"),
        ("K9 Vajra-T", "artillery", "KOR"),
        ("Stryker MGS", "armoured_vehicle", "USA"),
        ("MB-339", "fighter_aircraft", "ITA"),
        ("JL-9", "fighter_aircraft", "CHN"),
        ("Scud-B", "missile", "RUS"),
        ("Tien Kung III", "air_defence", "TWN"),
        ("Kaplan MT", "tank", "TUR"),
        ("MT-LB", "armoured_vehicle", "RUS"),
        ("Sandown-class", "ship", "GBR"),
        ("LTAMDS", "radar", "USA"),
    ],
)
def test_common_systems_resolve_to_one_record_with_origin_and_category(
    form: str, category: str, origin: str
) -> None:
    owners = _owners(form)
    assert len(owners) == 1, (form, owners)
    rec = resources.weapons_by_id()[owners.pop()]
    assert (rec.category, rec.origin) == (category, origin), rec


@pytest.mark.parametrize(
    "actor,country", [("SRB", True), ("XKX", True), ("SCO", False), ("GCC", False), ("OAS", False)]
)
def test_only_states_are_countries_whatever_the_id_length(actor: str, country: bool) -> None:
    assert resources.is_country(actor) is country


def test_shipped_places_lie_in_known_states_and_name_no_actor() -> None:
    countries = resources.country_ids()
    actor_forms = {f.casefold() for a in resources.actors() for f in a.forms}
    owners: dict[str, set[str]] = defaultdict(set)
    for place in resources.places():
        assert place.country in countries, place
        for form in place.forms:
            owners[form.casefold()].add(place.name)
            # a place named like a state, capital or demonym would shadow the actor
            assert form.casefold() not in actor_forms, form
    assert not {form: names for form, names in owners.items() if len(names) > 1}


def test_a_place_of_an_unknown_kind_is_refused() -> None:
    row = {"name": "Kharkiv", "country": "UKR", "kind": "town"}
    with pytest.raises(ValueError, match="kind"):
        resources._place(row)


def test_a_designation_of_capitals_and_a_number_is_read_however_it_is_joined() -> None:
    rec = next(r for r in resources.weapons() if r.name == "RBS 15")
    assert {"RBS 15", "RBS-15", "RBS15"} <= set(rec.forms)
    # a prefix that is a word or a single letter keeps its own spellings only
    rec = next(r for r in resources.weapons() if r.name == "MiG-29")
    assert "MiG29" not in rec.forms
