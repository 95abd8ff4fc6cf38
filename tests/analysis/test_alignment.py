"""Alignment signals: signed, weighted dyads with their evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from analysis.model import Analysis


def triples(result: Analysis) -> set[tuple[str, str, int, str]]:
    return {(a.subject, a.counterpart, a.direction, a.type) for a in result.alignment}


def holds(
    result: Analysis, expected: set[tuple[str, str, int]], absent: set[tuple[str, str, int]]
) -> None:
    """Every expected (subject, counterpart, direction) is read and no absent one is."""
    got = {t[:3] for t in triples(result)}
    assert expected <= got
    assert not absent & got


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Serbia bought the Pantsir from Russia.", ("SRB", "RUS", 1, "arms_procurement")),
        (
            "Indonesia cancelled its Su-35 order with Russia.",
            ("IDN", "RUS", -1, "arms_procurement"),
        ),
        ("Serbian troops held joint exercises with Russia.", ("SRB", "RUS", 1, "joint_exercise")),
        (
            "Serbia suspended all military exercises with Russia.",
            ("SRB", "RUS", -1, "exercise_suspension"),
        ),
        (
            "Serbian troops will not take part in drills with Belarus.",
            ("SRB", "BLR", -1, "joint_exercise"),
        ),
        ("India signed a defence agreement with Russia.", ("IND", "RUS", 1, "agreement")),
        ("Serbia applied to join the European Union.", ("SRB", "EU", 1, "membership")),
        ("Serbia does not want to join NATO.", ("SRB", "NATO", -1, "membership")),
        ("Serbia's EU accession talks stalled.", ("SRB", "EU", 1, "accession_bid")),
        ("Poland hosts about 10,000 American troops.", ("POL", "USA", 1, "military_base")),
        ("The EU imposed sanctions on Russia.", ("EU", "RUS", -1, "sanctions")),
        (
            "Serbia refuses to impose sanctions on Russia.",
            ("SRB", "RUS", 1, "sanctions_refusal"),
        ),
        ("Vucic thanked China for its support.", ("SRB", "CHN", 1, "verbal_support")),
        ("Serbia condemned Russia in a UN vote.", ("SRB", "RUS", -1, "verbal_criticism")),
        (
            "Serbia suspended the drills, citing pressure from the EU.",
            ("SRB", "EU", 1, "pressure_compliance"),
        ),
        ("NATO member Turkey bought the S-400.", ("TUR", "NATO", 1, "membership")),
    ],
)
def test_signals(run: Callable[..., Analysis], sentence: str, expected: tuple) -> None:
    assert expected in triples(run(sentence))


def test_a_bare_air_base_is_a_place_not_a_signal(run: Callable[..., Analysis]) -> None:
    result = run("The Russian jets landed at Batajnica air base near Belgrade.")
    assert not [a for a in result.alignment if a.type == "military_base"]


def test_states_describing_weapons_are_not_sanction_targets(run: Callable[..., Analysis]) -> None:
    result = run(
        "Washington could impose sanctions on Turkey under a law that targets Russian arms."
    )
    assert ("USA", "TUR", -1, "sanctions") in triples(result)
    assert not [a for a in result.alignment if a.counterpart == "RUS"]


def test_hedged_sentences_weigh_less(run: Callable[..., Analysis]) -> None:
    plain = run("Serbia bought the Pantsir from Russia.").alignment[0].weight
    hedged = run("Serbia reportedly bought the Pantsir from Russia.").alignment[0].weight
    assert 0 < hedged < plain


def test_deal_status_sets_the_weight(run: Callable[..., Analysis]) -> None:
    delivered = run("Russia delivered the Pantsir to Serbia.").alignment[0].weight
    planned = run("Serbia plans to buy the Pantsir from Russia.").alignment[0].weight
    assert delivered > planned > 0


def test_signals_keep_sentence_date_and_offsets(run: Callable[..., Analysis]) -> None:
    text = "In 2019 Serbia held joint exercises with Russia."
    signal = next(a for a in run(text).alignment if a.type == "joint_exercise")
    assert signal.date == "2019"
    assert signal.sentence == text
    assert text[signal.start : signal.end] == "exercises"
    assert signal.basis == "material"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Russia invaded Ukraine in February.", ("RUS", "UKR", -1, "armed_attack")),
        ("Azerbaijani artillery shelled Armenian positions.", ("AZE", "ARM", -1, "armed_attack")),
        ("The U.S.-led coalition struck targets in Syria.", ("USA", "SYR", -1, "armed_attack")),
        (
            "Algeria broke off diplomatic relations with Morocco.",
            ("DZA", "MAR", -1, "diplomatic_rupture"),
        ),
        ("Poland expelled 45 Russian diplomats.", ("POL", "RUS", -1, "diplomatic_rupture")),
        (
            "Saudi Arabia and Iran agreed to restore diplomatic relations.",
            ("IRN", "SAU", 1, "diplomatic_restoration"),
        ),
        ("Washington lifted sanctions on Sudan.", ("USA", "SDN", 1, "sanctions_lifted")),
        (
            "Russia withdrew from the Open Skies treaty with the United States.",
            ("RUS", "USA", -1, "treaty_withdrawal"),
        ),
        ("India and France signed a defence pact.", ("FRA", "IND", 1, "agreement")),
        (
            "Germany pledged military aid to Ukraine.",
            ("UKR", "DEU", 1, "military_aid"),
        ),
    ],
)
def test_hostile_and_cooperative_acts(
    run: Callable[..., Analysis], sentence: str, expected: tuple
) -> None:
    assert expected in triples(run(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Serbia has not joined the European Union's sanctions against Russia.",
        "India did not sign the agreement with China.",
        "Berlin criticised the strike on the dam.",
        "The deal is likely to draw scrutiny in Brussels.",
        "Houthi rebels attacked a tanker off Yemen.",
    ],
)
def test_negations_bystanders_and_non_state_actors_give_no_signal(
    run: Callable[..., Analysis], sentence: str
) -> None:
    assert not [
        a for a in run(sentence).alignment if a.type not in ("verbal_criticism", "verbal_support")
    ]


def test_both_sides_of_a_transfer_move_together(run: Callable[..., Analysis]) -> None:
    found = triples(run("Russia delivered the Pantsir to Serbia."))
    assert {("SRB", "RUS", 1, "arms_procurement"), ("RUS", "SRB", 1, "arms_supply")} <= found


@pytest.mark.parametrize(
    "text,expected",
    [
        ("China staged large-scale military exercises around Taiwan.", {("CHN", "TWN", -1)}),
        ("Russian warships held drills off the coast of Japan.", {("RUS", "JPN", -1)}),
        (
            "U.S. and Indonesian troops held drills near Jakarta.",
            {("USA", "IDN", 1), ("IDN", "USA", 1)},
        ),
    ],
)
def test_drills_aimed_at_a_state_are_a_show_of_force(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str, int]]
) -> None:
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert got == expected


def test_every_state_joining_a_drill_is_a_party(run: Callable[..., Analysis]) -> None:
    text = (
        "Indonesian and U.S. troops, joined for the first time by forces from Australia, Japan"
        " and Singapore, are wrapping up two weeks of exercises on Sumatra."
    )
    got = {(a.subject, a.counterpart) for a in run(text).alignment if a.direction == 1}
    states = {"IDN", "USA", "AUS", "JPN", "SGP"}
    assert got == {(a, b) for a in states for b in states if a != b}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Israeli jets struck Iranian air defence sites near Isfahan.", {("ISR", "IRN", -1)}),
        ("Turkey shot down a Russian Su-24 bomber in 2015.", {("TUR", "RUS", -1)}),
        # The weapon fired is the instrument, its maker no target; the positions fired at are.
        (
            "Ukrainian gunners fired French-supplied CAESAR howitzers at Russian positions.",
            {("UKR", "FRA", 1), ("FRA", "UKR", 1), ("UKR", "RUS", -1)},
        ),
        # A clause on the subject does not name the attacker.
        ("A Patriot battery supplied by Germany shot down a Kinzhal missile over Kyiv.", set()),
    ],
)
def test_the_owner_of_a_weapon_hit_is_the_target(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str, int]]
) -> None:
    got = {
        (a.subject, a.counterpart, a.direction)
        for a in run(text).alignment
        if a.type == "armed_attack" or a.direction == 1
    }
    if not expected:
        got = {t for t in got if t[2] < 0}
    assert got == expected


def test_pressure_is_criticism_and_a_demand_ends_no_deal(run: Callable[..., Analysis]) -> None:
    result = run("Washington urged Ankara to drop the S-400 purchase.")
    assert [(p.system, p.status) for p in result.procurements] == [("S-400", "ordered")]
    signals = {(a.subject, a.counterpart, a.direction, a.type) for a in result.alignment}
    assert ("USA", "TUR", -1, "verbal_criticism") in signals
    got = {
        (a.subject, a.counterpart) for a in run("China summoned the Japanese ambassador.").alignment
    }
    assert got == {("CHN", "JPN")}


def test_verbal_signals_need_an_object(run: Callable[..., Analysis]) -> None:
    text = "Washington, Beijing and Moscow all urged the two sides to show restraint."
    assert run(text).alignment == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The deal replaces equipment Poland has sent to Ukraine since Russia invaded.",
            ("RUS", "UKR", -1),
        ),
        (
            "Kyrgyz and Tajik forces fought along their border, each blaming the other for"
            " starting the clashes.",
            ("KGZ", "TJK", -1),
        ),
    ],
)
def test_a_hostile_act_with_no_object_takes_one_side(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int]
) -> None:
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment if a.direction < 0}
    assert expected in got
    assert ("RUS", "POL", -1) not in got


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Turkey lifted its veto on Sweden's NATO membership.", ("TUR", "SWE", 1, "veto_lifted")),
        ("Turkey blocked Sweden's bid to join NATO for months.", ("TUR", "SWE", -1, "veto")),
        (
            "Hungary's parliament ratified Finland's accession to NATO.",
            ("HUN", "FIN", 1, "veto_lifted"),
        ),
    ],
)
def test_vetoes_and_their_lifting(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int, str]
) -> None:
    got = {(a.subject, a.counterpart, a.direction, a.type) for a in run(text).alignment}
    assert expected in got
    assert not any(t[3].startswith("veto") and t[1] == "NATO" for t in got)
    assert ("TUR", "NATO", 1, "membership") not in got  # Sweden's bid is Sweden's


def test_each_coordinated_subject_acts(run: Callable[..., Analysis]) -> None:
    got = {
        (a.subject, a.counterpart, a.direction)
        for a in run("Chile and Colombia recalled their ambassadors from Israel.").alignment
    }
    assert got == {("CHL", "ISR", -1), ("COL", "ISR", -1)}
    text = (
        "Russian cruise missiles and Iranian-made Shahed drones have struck Ukraine's power grid."
    )
    got = {(a.subject, a.counterpart) for a in run(text).alignment if a.type == "armed_attack"}
    assert got == {("RUS", "UKR")}


def test_every_state_of_a_listed_subject_acts_however_the_list_is_parsed(
    run: Callable[..., Analysis],
) -> None:
    # The parser hangs a two-word name in a list as an apposition, not a conjunct.
    text = "Mali, Burkina Faso and Niger expelled the diplomats of Ghana."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert {("MLI", "GHA", -1), ("BFA", "GHA", -1), ("NER", "GHA", -1)} <= got
    # An apposition describing the subject is no second actor.
    text = "Turkey, a partner of Greece, recalled its ambassador from Athens."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("GRC", "GRC", -1) not in got and ("TUR", "GRC", -1) in got


def test_participants_listed_after_a_drill_all_move_toward_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The Rim of the Pacific drills began on June 27 around Hawaii. Participants range from"
        " allies such as Japan and Australia to partners like India and Chile."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(text)) if t == "joint_exercise" and d == 1}
    parties = ("JPN", "AUS", "IND", "CHL")
    assert {(a, b) for a in parties for b in parties if a != b} <= pairs
    # With no drill named before, a list of participants is no signal.
    alone = "Participants range from allies such as Japan and Australia to partners like India."
    assert not triples(run(alone))


def test_troops_training_in_a_drill_named_in_their_sentence_take_part(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Troops from 13 countries are training across the north of Norway, Sweden and Finland"
        " in Nordic Response, the largest winter exercise in years. Norwegian and Finnish"
        " soldiers, alongside troops from the United States and Britain, are practising the"
        " reinforcement of the north."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(text)) if t == "joint_exercise" and d == 1}
    assert {("USA", "NOR"), ("GBR", "FIN"), ("SWE", "NOR")} <= pairs
    assert not any("NATO" in p for p in pairs)
    # Training with no drill in sight is no signal.
    assert not triples(run("Ukrainian crews are training in Germany on Leopard tanks."))


def test_joining_another_states_troops_in_a_drill_is_taking_part(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The Khaan Quest peacekeeping exercise opened on Monday near Ulaanbaatar. Contingents"
        " from Japan and France joined Mongolian and American troops this year, rehearsing"
        " checkpoint duties."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(text)) if t == "joint_exercise" and d == 1}
    assert {("JPN", "MNG"), ("FRA", "USA"), ("MNG", "JPN")} <= pairs
    # Joining a bloc stays membership, and troops joined with no drill in sight say nothing.
    bloc = triples(run("The exercise opened on Monday. Finland joined NATO last year."))
    assert ("FIN", "NATO", 1, "membership") in bloc
    assert not any(t == "joint_exercise" for _, _, _, t in bloc)
    assert not triples(run("Polish volunteers joined Ukrainian troops near Bakhmut."))
    # A participle borrows its clause's doers, not the places the clause names.
    border = (
        "Russian and Tajik forces wrapped up joint exercises near Tajikistan's border with"
        " Afghanistan, practising how to destroy armed groups."
    )
    assert not any("AFG" in (s, c) for s, c, _, _ in triples(run(border)))


def test_the_state_leading_a_drill_takes_part_in_it(run: Callable[..., Analysis]) -> None:
    joint = "Chilean and Australian warships sailed together in the US-led RIMPAC exercise."
    assert {("CHL", "USA", 1, "joint_exercise"), ("USA", "AUS", 1, "joint_exercise")} <= (
        triples(run(joint))
    )
    sent = "Chile plans to send a frigate to the U.S.-led RIMPAC exercise off Hawaii next year."
    assert ("CHL", "USA", 1, "joint_exercise") in triples(run(sent))
    # A leader alone is no pair.
    assert not triples(run("The Russian-led drills began on Monday."))


def test_co_subjects_acting_on_a_named_partner_move_toward_it_not_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt agreed on Tuesday to restore"
        " full relations with Qatar."
    )
    got = {(s, c, d) for s, c, d, _ in triples(run(text))}
    assert {("SAU", "QAT", 1), ("EGY", "QAT", 1), ("QAT", "BHR", 1)} <= got
    assert ("SAU", "ARE", 1) not in got
    # The agreement to restore them is no second signal.
    assert {t for *_, t in triples(run(text))} == {"diplomatic_restoration"}
    # Those who agree together agree with each other; with no partner named after "with",
    # the signers are each other's partners.
    together = "India and Japan signed an agreement with Australia."
    assert ("IND", "JPN", 1, "agreement") in triples(run(together))
    signed = "Ethiopia and Eritrea signed a peace agreement in the Saudi city of Jeddah."
    assert ("ETH", "ERI", 1, "agreement") in triples(run(signed))


@pytest.mark.parametrize(
    "text,pair",
    [
        (
            "Armenia asked the Collective Security Treaty Organization for military assistance.",
            ("ARM", "CSTO"),
        ),
        ("Ecuador has sought security help from the United States.", ("ECU", "USA")),
        ("Kazakhstan appealed to Russia for help.", ("KAZ", "RUS")),
    ],
)
def test_asking_a_state_for_help_moves_toward_it(
    run: Callable[..., Analysis], text: str, pair: tuple[str, str]
) -> None:
    assert (*pair, 1, "assistance_request") in triples(run(text))


def test_asking_for_anything_but_help_is_no_request_for_it(run: Callable[..., Analysis]) -> None:
    assert not triples(run("Armenia asked Russia for an explanation."))
    refused = "Last year the CSTO turned down Armenia's appeal for help."
    assert not any(t == "assistance_request" for *_, t in triples(run(refused)))


def test_what_a_drill_brings_together_takes_part_with_its_leader(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The United States leads the annual Obangame Express exercise, which this year brought"
        " together navies from more than 30 countries, including Nigeria, Ghana and Brazil."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(text)) if t == "joint_exercise" and d == 1}
    assert {("USA", "NGA"), ("GHA", "BRA"), ("BRA", "USA")} <= pairs
    # A list set after what is gathered, and forces brought together with others.
    among = (
        "The exercise brings together forces from 32 countries, among them Britain, Turkey,"
        " Romania and Georgia."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(among)) if t == "joint_exercise" and d == 1}
    assert {("GBR", "TUR"), ("ROU", "GEO"), ("GEO", "GBR")} <= pairs
    together = (
        "The drills bring Norwegian forces together with units from the United States, Britain"
        " and the Netherlands."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(together)) if t == "joint_exercise" and d == 1}
    assert {("NOR", "USA"), ("NOR", "GBR"), ("NLD", "NOR")} <= pairs
    # Bringing anything but forces gathers no one.
    assert not triples(run("The drills bring attention from China and Japan."))
    # Who a report is attributed to is no participant.
    cited = (
        "RIMPAC began on June 27. This edition brings together 29 countries, according to the"
        " U.S. Navy's Third Fleet."
    )
    assert not triples(run(cited))


def test_the_country_a_drill_is_held_in_takes_part(run: Callable[..., Analysis]) -> None:
    text = "Russia has moved troops into Belarus for joint drills due to begin this month."
    assert {("RUS", "BLR", 1, "joint_exercise"), ("BLR", "RUS", 1, "joint_exercise")} <= (
        triples(run(text))
    )
    assert ("CHN", "TWN", -1, "show_of_force") in triples(run("China staged drills around Taiwan."))


def test_who_watches_a_drill_and_where_rockets_are_fired_from_are_no_parties(
    run: Callable[..., Analysis],
) -> None:
    watched = (
        "Officials expected a Chinese spy ship to monitor the exercise from Australian waters."
    )
    assert not any(t == "joint_exercise" for *_, t in triples(run(watched)))
    fired = "During the drills, US crews fired HIMARS rockets from Australian soil."
    assert not any(d < 0 for _, _, d, _ in triples(run(fired)))
    # A place named as where an attack came from is no target; the state it hits is.
    aimed = "Russian forces fired missiles from Belarusian territory at Kyiv."
    assert {(s, c) for s, c, d, _ in triples(run(aimed)) if d < 0} == {("RUS", "UKR")}


def test_a_group_of_juntas_that_says_they_are_leaving_the_community_is_each_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Nigeria urged the military governments of Niger, Mali and Burkina Faso to stay in"
        " ECOWAS. The three juntas announced on January 28 that they were leaving the community."
    )
    exits = {(s, c) for s, c, d, t in triples(run(text)) if t == "bloc_exit"}
    assert exits == {("NER", "ECOWAS"), ("MLI", "ECOWAS"), ("BFA", "ECOWAS")}


def test_ordering_an_envoy_out_expels_him(run: Callable[..., Analysis]) -> None:
    assert ("NER", "FRA", -1, "diplomatic_rupture") in triples(
        run("Niger ordered the French ambassador out of the country.")
    )
    assert not triples(run("The general ordered his troops out of the barracks."))


def test_relying_on_weapons_bought_from_a_state_is_no_praise_of_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Argentina currently relies on ageing A-4 Skyhawk attack jets bought from the United"
        " States in the 1990s."
    )
    assert not any(t == "verbal_support" for *_, t in triples(run(text)))
    assert ("SRB", "RUS", 1, "verbal_support") in triples(run("Serbia relies on Moscow."))


def test_courting_a_state_moves_toward_it_but_a_court_is_no_signal(
    run: Callable[..., Analysis],
) -> None:
    text = "Tokayev has courted the European Union and China."
    assert {("KAZ", "EU", 1, "verbal_support"), ("KAZ", "CHN", 1, "verbal_support")} <= triples(
        run(text)
    )
    assert not triples(run("A Kazakh court ruled against China."))


@pytest.mark.parametrize(
    "text,expected",
    [
        # sanctions carried by the measure of them
        (
            "The European Union imposed a fresh round of sanctions on Belarus on Saturday.",
            {("EU", "BLR", -1, "sanctions")},
        ),
        # an envoy given time to leave is told to leave
        (
            "Mali's junta gave the French ambassador 72 hours to leave the country.",
            {("MLI", "FRA", -1, "diplomatic_rupture")},
        ),
        # an invitation to join that is declined refuses the joining
        (
            "Argentine President Javier Milei formally declined an invitation to join BRICS.",
            {("ARG", "BRICS", -1, "membership")},
        ),
        # "it" after a judgement of a state is the judged state
        (
            "The Kremlin accused Armenia of unfriendly steps after it hosted U.S. troops.",
            {("RUS", "ARM", -1, "verbal_criticism"), ("ARM", "USA", 1, "military_base")},
        ),
        # an ambush is an attack
        (
            "Ethiopian forces ambushed Sudanese troops near the border.",
            {("ETH", "SDN", -1, "armed_attack")},
        ),
        # a withdrawal the listed states announce as theirs is each one's
        (
            "Mali, Burkina Faso and Niger announced their immediate withdrawal from ECOWAS.",
            {("MLI", "ECOWAS", -1, "bloc_exit"), ("NER", "ECOWAS", -1, "bloc_exit")},
        ),
    ],
)
def test_acts_read_through_a_measure_a_deadline_an_invitation_or_a_pronoun(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str, int, str]]
) -> None:
    assert expected <= triples(run(text))


def test_acting_despite_warnings_or_warning_against_a_purchase(
    run: Callable[..., Analysis],
) -> None:
    # whoever warned is unnamed: the buyer criticises no one
    bought = triples(run("Serbia bought Chinese air defence systems despite warnings."))
    assert not any(d < 0 for _, _, d, _ in bought)
    warned = run("Washington had warned Belgrade against buying Russian air defence systems.")
    assert not warned.procurements
    assert ("USA", "SRB", -1, "verbal_criticism") in triples(warned)


@pytest.mark.parametrize(
    "text",
    [
        "Argentine President Alberto Fernandez struck a similar note after talks with Germany.",
        "Nordic Response drills in Norway ended. Finland's K9 howitzers fired live rounds at"
        " the Rovajarvi range in Lapland.",
        "Rwandan and Mozambican troops retook Mocimboa da Praia from insurgents.",
    ],
)
def test_idioms_practice_fire_and_place_names_are_no_attack(
    run: Callable[..., Analysis], text: str
) -> None:
    assert not any(t == "armed_attack" for *_, t in triples(run(text)))


def test_backing_a_group_in_a_country_is_no_support_for_the_country(
    run: Callable[..., Analysis],
) -> None:
    assert not triples(run("Iran backs the Houthi rebels in Yemen."))
    assert not triples(run("Abu Dhabi and Doha backed opposite sides in Libya's civil war."))
    assert ("IRN", "SYR", 1, "verbal_support") in triples(run("Iran backs Syria's government."))


def test_urging_a_leader_named_by_a_pronoun_to_stop_fighting_presses_his_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Secretary of State Antony Blinken telephoned President Ilham Aliyev and urged him to"
        " halt hostilities."
    )
    assert ("USA", "AZE", -1, "verbal_criticism") in triples(run(text))
    pressure = "Australia and the United States stepped up pressure on Honiara."
    assert {("AUS", "SLB", -1, "verbal_criticism"), ("USA", "SLB", -1, "verbal_criticism")} <= (
        triples(run(pressure))
    )


def test_a_civil_war_is_no_attack_and_a_war_waged_on_a_state_is(
    run: Callable[..., Analysis],
) -> None:
    civil = "The UAE and Qatar backed opposite sides in Libya's civil war."
    assert not any(t == "armed_attack" for *_, t in triples(run(civil)))
    assert ("RUS", "UKR", -1, "armed_attack") in triples(run("Russia waged war on Ukraine."))


def test_the_country_a_drill_s_training_is_held_over_takes_part(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Air forces from 17 countries began three weeks of combat training over northern"
        " Australia in the Pitch Black exercise, with Germany, Japan and South Korea taking part."
    )
    pairs = {(s, c) for s, c, d, t in triples(run(text)) if t == "joint_exercise" and d == 1}
    assert {("DEU", "AUS"), ("AUS", "JPN"), ("KOR", "AUS")} <= pairs


def test_switching_recognition_restores_ties_with_one_state_and_cuts_them_with_another(
    run: Callable[..., Analysis],
) -> None:
    text = "The Solomon Islands switched diplomatic recognition from Taiwan to Beijing in 2019."
    assert {
        ("SLB", "TWN", -1, "diplomatic_rupture"),
        ("SLB", "CHN", 1, "diplomatic_restoration"),
        ("CHN", "SLB", 1, "diplomatic_restoration"),
    } <= triples(run(text))
    assert not triples(run("The army switched from Russian rifles to American ones."))


def test_states_sending_ships_to_a_drill_take_part_and_hand_nothing_over(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The Rim of the Pacific drills began on June 27 around Hawaii. Germany has sent a frigate"
        " and the Netherlands a destroyer."
    )
    result = run(text)
    assert {("DEU", "NLD", 1, "joint_exercise"), ("NLD", "DEU", 1, "joint_exercise")} <= triples(
        result
    )
    assert result.procurements == []
    denied = (
        "Russia held drills in Tajikistan. Moscow said it had no plans to send troops into"
        " Afghanistan itself."
    )
    assert not any("AFG" in (s, c) for s, c, _, _ in triples(run(denied)))


def test_a_counted_group_stands_for_the_states_listed_before(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Mali, Burkina Faso and Niger are ruled by soldiers. On September 16 the three"
        " governments signed the Liptako-Gourma Charter, a mutual defence pact."
    )
    parties = ("MLI", "BFA", "NER")
    want = {(a, b, 1, "agreement") for a in parties for b in parties if a != b}
    assert want <= triples(run(text))
    # A count that does not match the list stands for no one listed.
    two = (
        "Mali, Burkina Faso and Niger are ruled by soldiers. The two governments signed a pact"
        " with Russia."
    )
    assert ("BFA", "NER", 1, "agreement") not in triples(run(two))


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Honduras established relations with China and cut its decades-old ties with Taiwan.",
            ("HND", "TWN", -1, "diplomatic_rupture"),
        ),
        (
            "Japan urged governments not to attend, prompting Beijing to lodge a formal protest"
            " with Tokyo.",
            ("CHN", "JPN", -1, "verbal_criticism"),
        ),
    ],
)
def test_ties_cut_apart_and_an_act_of_an_object_controlled_subject(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int, str]
) -> None:
    assert expected in triples(run(text))
    assert not triples(run("The budget cut hit the navy's relations office."))


def test_missiles_sent_while_a_drill_is_the_news_are_no_contingent(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The United States and Japan began naval drills on Monday. North Korea sent missiles"
        " over Japan on Tuesday."
    )
    assert not any(t == "joint_exercise" and "PRK" in (s, c) for s, c, _, t in triples(run(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Japan signed a contract with the United States to buy Tomahawk missiles, its first"
        " such weapons since the Second World War.",
        "Greece and France signed a partnership that commits each country to come to the"
        " other's aid if it is attacked.",
    ],
)
def test_a_named_war_and_a_condition_are_no_attack(run: Callable[..., Analysis], text: str) -> None:
    assert not any(t == "armed_attack" for _, _, _, t in triples(run(text)))


def test_a_weapons_maker_is_not_the_target_of_its_downing(run: Callable[..., Analysis]) -> None:
    text = (
        "Ukraine's air force said its units shot down 87 of the missiles and 27 of the"
        " Iranian-made drones."
    )
    assert not any("IRN" in (s, c) for s, c, _, _ in triples(run(text)))
    assert ("TUR", "RUS", -1, "armed_attack") in triples(run("Turkey shot down a Russian Su-24."))


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Israel struck air defence sites in Iran on Saturday. Saudi Arabia condemned the"
            " attack.",
            ("SAU", "ISR", -1, "verbal_criticism"),
        ),
        (
            "Germany will send Leopard 2 tanks to Ukraine. Kyiv welcomed the decision.",
            ("UKR", "DEU", 1, "verbal_support"),
        ),
    ],
)
def test_a_judgement_of_a_states_act_is_a_verbal_signal(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int, str]
) -> None:
    assert expected in triples(run(text))


def test_a_negated_judgement_is_no_signal(run: Callable[..., Analysis]) -> None:
    text = "Israel struck air defence sites in Iran. Saudi Arabia did not condemn the attack."
    assert not any(t[0] == "SAU" for t in triples(run(text)))


def test_a_state_judging_an_exercise_takes_no_part_in_it(run: Callable[..., Analysis]) -> None:
    text = (
        "Norwegian and Finnish soldiers began the drills on Monday. Russia, which shares a long"
        " border with Finland, criticised the drills."
    )
    got = triples(run(text))
    assert ("NOR", "FIN", 1, "joint_exercise") in got
    assert not any(t[0] == "RUS" and t[3] == "joint_exercise" for t in got)


def test_an_attack_on_a_place_the_data_does_not_know_hits_the_state_in_focus(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Ukraine said its air defences were stretched. Ukraine asked for more Patriot systems,"
        " and Ukraine's army said it needed shells. Russian forces shelled Kharkiv overnight."
    )
    assert ("RUS", "UKR", -1, "armed_attack") in triples(run(text))


def test_a_place_attacked_in_a_story_about_the_attacker_lies_in_the_state_named_next(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Russia's army regrouped, Russia said. Russia sent reserves, and Ukraine's army held"
        " the line. Russian artillery shelled Kharkiv overnight."
    )
    got = triples(run(text))
    assert ("RUS", "UKR", -1, "armed_attack") in got
    assert not any(t[1] == "RUS" and t[3] == "armed_attack" for t in got)


def test_the_parties_of_a_pact_that_founds_a_bloc_join_it_and_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Mali's junta expelled the French ambassador. Niger followed in August. Burkina Faso"
        " ordered French troops out. On Sept. 16 the three governments signed a mutual defence"
        " pact, the Alliance of Sahel States."
    )
    got = {(s, c, d) for s, c, d, _ in triples(run(text))}
    for a in ("MLI", "BFA", "NER"):
        assert (a, "AES", 1) in got
        for b in ("MLI", "BFA", "NER"):
            assert a == b or (a, b, 1) in got


def test_an_exercise_among_a_blocs_members_is_no_membership(run: Callable[..., Analysis]) -> None:
    text = "The Indian Navy joined the U.S., Japanese and Australian navies in the Malabar drills."
    assert not any(t[3] == "membership" for t in triples(run(text)))


def test_support_for_an_act_goes_to_every_state_that_did_it(run: Callable[..., Analysis]) -> None:
    text = (
        "The United States and Britain struck more than 60 targets on Friday."
        " Australia, Bahrain, Canada and the Netherlands provided support for the operation."
    )
    got = {(s, c, d) for s, c, d, kind in triples(run(text)) if kind == "verbal_support"}
    for helper in ("AUS", "BHR", "CAN", "NLD"):
        assert {(helper, "USA", 1), (helper, "GBR", 1)} <= got


def test_support_for_a_state_names_it(run: Callable[..., Analysis]) -> None:
    got = triples(run("Poland voiced strong support for Ukraine on Tuesday."))
    assert ("POL", "UKR", 1, "verbal_support") in got


def test_a_states_platform_taking_part_in_a_drill_brings_its_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Norwegian and Finnish soldiers began the Nordic Response exercise on Monday."
        " A Dutch submarine took part in the maritime part of the drills."
    )
    got = triples(run(text))
    assert ("NLD", "NOR", 1, "joint_exercise") in got
    assert ("FIN", "NLD", 1, "joint_exercise") in got


def test_a_drill_a_coordinated_subject_is_due_to_begin_joins_them_all(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Philippine and US troops are due to begin their largest ever Balikatan exercise next"
        " week, with units from Australia and France joining for the first time."
    )
    got = {(s, c) for s, c, d, kind in triples(run(text)) if kind == "joint_exercise" and d == 1}
    for a, b in (("PHL", "USA"), ("USA", "PHL"), ("PHL", "AUS"), ("FRA", "PHL")):
        assert (a, b) in got


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        (
            "Mali, Burkina Faso and Niger announced on Sunday that they were leaving ECOWAS.",
            {("MLI", "ECOWAS"), ("BFA", "ECOWAS"), ("NER", "ECOWAS")},
            set(),
        ),
        ("Uzbekistan quit the CSTO in 2012.", {("UZB", "CSTO")}, set()),
        # Leaving a place or a meeting is no exit from a bloc.
        ("French troops will leave Niger by December.", set(), {("FRA", "NER")}),
        ("Armenia's delegation left a meeting of the CSTO early.", set(), {("ARM", "CSTO")}),
        ("Armenia has not left the CSTO.", set(), {("ARM", "CSTO")}),
    ],
)
def test_leaving_a_bloc_points_away_from_it(
    run: Callable[..., Analysis], text: str, expected: set, absent: set
) -> None:
    got = {(s, c) for s, c, d, kind in triples(run(text)) if kind == "bloc_exit" and d == -1}
    assert expected <= got
    assert not absent & got


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Chinese coast guard vessels fired water cannon at a Philippine supply boat.",
            ("CHN", "PHL", -1, "armed_attack"),
        ),
        (
            "Russia fired more than 80 missiles at Ukrainian cities on Monday.",
            ("RUS", "UKR", -1, "armed_attack"),
        ),
    ],
)
def test_firing_something_at_a_state_attacks_it(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    assert expected in triples(run(text))


def test_firing_a_test_missile_attacks_no_one(run: Callable[..., Analysis]) -> None:
    assert not triples(run("India fired a new Agni missile from its test range on Tuesday."))


def test_states_that_agree_to_cooperate_move_toward_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = "Kenya and Haiti agreed on Monday to deepen security cooperation."
    got = {(s, c, d) for s, c, d, kind in triples(run(text)) if kind == "agreement"}
    assert got == {("KEN", "HTI", 1), ("HTI", "KEN", 1)}
    # A "with" phrase on the agreeing names a party.
    text = "Serbia agreed with Russia to hold joint drills next year."
    got = {(s, c, d) for s, c, d, kind in triples(run(text)) if kind == "agreement"}
    assert got == {("SRB", "RUS", 1), ("RUS", "SRB", 1)}


def test_where_the_parties_meet_is_no_party(run: Callable[..., Analysis]) -> None:
    text = (
        "South Korea and Japan, meeting at the NATO summit in Vilnius, agreed to strengthen"
        " cooperation with the United States."
    )
    got = {(s, c) for s, c, d, kind in triples(run(text)) if kind == "agreement"}
    assert ("KOR", "JPN") in got
    assert not any("NATO" in pair or "LTU" in pair for pair in got)


def test_pressure_a_noun_carries_is_criticism_from_its_source(
    run: Callable[..., Analysis],
) -> None:
    text = "Germany had come under months of pressure from Warsaw over the tanks."
    assert ("POL", "DEU", -1, "verbal_criticism") in triples(run(text))


def test_a_word_inside_a_trigger_phrase_does_not_fire_alone(run: Callable[..., Analysis]) -> None:
    # "close" closes embassies, but "close ties" is one phrase of friendship.
    result = run("Hungary has kept close ties with Beijing for a decade.")
    assert not [a for a in result.alignment if a.type == "diplomatic_rupture"]


@pytest.mark.parametrize(
    "text",
    [
        "Georgia and Russia have yet to restore diplomatic relations.",
        "Kenya failed to sign the defence pact with Ethiopia.",
        "Austria is yet to join NATO.",
    ],
)
def test_an_act_that_has_not_happened_signals_nothing(
    run: Callable[..., Analysis], text: str
) -> None:
    assert not triples(run(text))


def test_a_refused_base_points_away_and_a_negated_membership_says_nothing(
    run: Callable[..., Analysis],
) -> None:
    refused = triples(run("Hungary refused to host German troops on its soil."))
    assert ("HUN", "DEU", -1, "military_base") in refused
    assert ("HUN", "DEU", 1, "military_base") not in refused
    assert not triples(run("Moldova is not a member of the CSTO."))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Georgia was invaded by Russia in 2008.", ("RUS", "GEO", -1, "armed_attack")),
        ("Armenia was criticised by Moscow on Friday.", ("RUS", "ARM", -1, "verbal_criticism")),
        ("Kenya has been praised by Washington for the mission.", ("USA", "KEN", 1)),
    ],
)
def test_a_passive_verbs_agent_is_the_one_who_acts(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    got = triples(run(text))
    assert any(t[: len(expected)] == expected for t in got), got
    assert not any(t[0] == expected[1] for t in got), got


def test_armed_groups_are_not_their_state(run: Callable[..., Analysis]) -> None:
    text = "Libya's rebels, who are armed and backed by Cairo, attacked an oil terminal."
    assert not triples(run(text))
    text = "Sudanese militias shelled a camp near the border with Chad."
    assert not triples(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan officials said the Bayraktar TB2s had proved their worth in Somalia, where they"
        " have struck Eritrean convoys.",
        "Serbia received FK-3 launchers from China in April. They could shoot down Croatian jets.",
    ],
)
def test_they_standing_for_weapons_is_no_state(run: Callable[..., Analysis], text: str) -> None:
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Norway pressed the European Union to agree a trade pact with Chile.", "agreement"),
        ("Washington urged Ankara to comply with the ban.", "pressure_compliance"),
    ],
)
def test_an_act_another_presses_for_is_not_done(
    run: Callable[..., Analysis], text: str, kind: str
) -> None:
    assert not [a for a in run(text).alignment if a.type == kind]


def test_allies_who_strike_together_are_not_each_others_targets(
    run: Callable[..., Analysis],
) -> None:
    text = "French and Belgian jets shot down six drones over the gulf on Sunday."
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]
    text = "Ecuador and Peru each expelled two diplomats on Monday."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert {("ECU", "PER", -1), ("PER", "ECU", -1)} <= got


def test_an_act_nouns_doer_is_the_agent_of_a_participle_on_it(
    run: Callable[..., Analysis],
) -> None:
    text = "The expulsion of 12 Iranian diplomats, ordered by Canada on Friday, surprised many."
    assert ("CAN", "IRN", -1, "diplomatic_rupture") in triples(run(text))
    text = "The closure of Belarus's embassy in Vilnius, announced by Lithuania, took effect."
    assert ("LTU", "BLR", -1, "diplomatic_rupture") in triples(run(text))


def test_an_attack_on_weapons_strikes_no_place(run: Callable[..., Analysis]) -> None:
    # Kharkiv-like names the data does not know stand for the state an article is about; a
    # name in a clause on the engagement is no such place.
    text = (
        "Greece bought two frigates last year. Turkish forces shot down 18 drones over the sea,"
        " in an engagement in which the patrol boat Marshal Zhukov fired its guns."
    )
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("After the coup, Niger drifted away from France.", ("NER", "FRA", -1)),
        ("Georgia has distanced itself from Brussels this year.", ("GEO", "EU", -1)),
        ("Since 2019 Serbia has drawn closer to Beijing.", ("SRB", "CHN", 1)),
        # The bloc a definite description stands for is the counterpart.
        (
            "Austria is not a member of NATO, but it has moved closer to the alliance.",
            ("AUT", "NATO", 1),
        ),
    ],
)
def test_moving_closer_or_away_is_a_signal(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    assert expected in {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}


def test_protests_drawn_from_a_state_are_that_states(run: Callable[..., Analysis]) -> None:
    text = "Chinese warships have sailed near Okinawa since May, drawing protests from Tokyo."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("CHN", "JPN", -1) not in got


def test_ordering_diplomats_to_leave_expels_them(run: Callable[..., Analysis]) -> None:
    text = "Mali ordered the Swedish ambassador to leave within 72 hours on Tuesday."
    assert ("MLI", "SWE", -1, "diplomatic_rupture") in triples(run(text))
    assert not triples(run("Bolivia did not order the Spanish envoy to leave."))
    # Leaving of one's own accord is no signal.
    assert not triples(run("The Chilean ambassador left Lima on Monday."))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Washington recognised Moroccan sovereignty over the territory.", ("USA", "MAR", 1)),
        ("Angered by Rome's backing for Tunisia's plan, Libya protested.", ("ITA", "TUN", 1)),
        ("The Senate ratified Finland's accession to NATO on Tuesday.", ("FIN", "NATO", 1)),
        ("Egypt has become a full member of BRICS.", ("EGY", "BRICS", 1)),
        ("Bahrain reopened its airspace and border to Qatar on Monday.", ("BHR", "QAT", 1)),
    ],
)
def test_recognition_backing_accession_membership_and_reopening(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    assert expected in {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}


def test_a_context_word_elsewhere_does_not_make_a_restoration(
    run: Callable[..., Analysis],
) -> None:
    text = "ECOWAS closed its borders with Niger and vowed to restore President Bazoum."
    assert not [a for a in run(text).alignment if a.type == "diplomatic_restoration"]


def test_a_place_inside_what_is_praised_is_not_its_target(run: Callable[..., Analysis]) -> None:
    assert not triples(run("Belarus will not recognise the breakaway regions in Georgia."))


def test_an_act_referred_back_by_a_word_of_its_kind_is_its_doers(
    run: Callable[..., Analysis],
) -> None:
    text = "Weeks after Armenia shelled Azerbaijan, Georgia condemned the attack in a UN vote."
    assert ("GEO", "ARM", -1, "verbal_criticism") in triples(run(text))


def test_who_joins_sanctions_acts_not_who_designed_them(run: Callable[..., Analysis]) -> None:
    got = triples(run("Norway joined EU sanctions against Belarus in March."))
    assert ("NOR", "BLR", -1, "sanctions") in got
    assert not any(t[0] == "EU" or (t[1] == "EU" and t[3] == "sanctions") for t in got)


def test_a_trigger_word_inside_a_name_or_modifying_a_trigger_does_not_fire(
    run: Callable[..., Analysis],
) -> None:
    # "Treaty" in an organisation's name is no treaty; a "friendship treaty" is a treaty.
    text = "Kyrgyzstan asked the Collective Security Treaty Organization for advice."
    assert not [a for a in run(text).alignment if a.type == "agreement"]
    text = "Egypt responded by suspending a friendship treaty with Sudan."
    got = triples(run(text))
    assert ("EGY", "SDN", -1, "treaty_withdrawal") in got
    assert not [t for t in got if t[3] == "verbal_support"]
    # "Accord" at the end of a government's name is no accord.
    text = "Italy and Libya's Government of National Accord held talks in Rome."
    assert not [a for a in run(text).alignment if a.type == "agreement"]
    text = "Turkey backed Libya's Government of National Accord with drones."
    assert [t[:3] for t in triples(run(text)) if t[3] != "verbal_support"] == []
    # A sign of something is no signing.
    text = (
        "Pashinyan stayed away from a summit of the Collective Security Treaty Organization, the"
        " clearest sign yet of Armenia's estrangement from the alliance."
    )
    assert not [a for a in run(text).alignment if a.type == "agreement"]


def test_a_company_is_no_party_to_an_agreement(run: Callable[..., Analysis]) -> None:
    text = (
        "Its air force flies jets from the United States; the first radars arrived in 2022"
        " under a contract signed with Thales in 2019."
    )
    assert not [a for a in run(text).alignment if a.type == "agreement"]


def test_missiles_that_slam_into_a_base_attack_the_troops_it_houses(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Iranian missiles slammed into a base housing American troops in Iraq's Anbar province"
        " overnight."
    )
    assert ("IRN", "USA", -1, "armed_attack") in triples(run(text))


def test_a_state_called_a_base_for_others_hosts_no_drill(run: Callable[..., Analysis]) -> None:
    text = (
        "The drills brought together around 4,000 personnel from Russia, China and India. Tajik"
        " President Emomali Rahmon used the summit to warn that Afghanistan risked becoming a"
        " base for extremists."
    )
    got = triples(run(text))
    assert ("RUS", "IND", 1, "joint_exercise") in got
    assert not [t for t in got if "AFG" in t[:2] and t[3] == "joint_exercise"]


def test_weapons_back_no_one(run: Callable[..., Analysis]) -> None:
    text = (
        "Russian Su-25 ground-attack jets and Ka-52 helicopters have supported the advance,"
        " Ukrainian officers said."
    )
    assert not [a for a in run(text).alignment if a.basis == "verbal"]


def test_relying_on_a_state_is_support(run: Callable[..., Analysis]) -> None:
    text = "Tajikistan would rely on Russia if the border situation worsened."
    assert ("TJK", "RUS", 1, "verbal_support") in triples(run(text))


def test_the_doer_of_a_gerund_after_of_or_for_is_the_object(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Greece and Cyprus have criticised the project for relying on American and Israeli"
        " technology."
    )
    assert not [a for a in run(text).alignment if a.type == "verbal_support"]
    text = "Chile angered Lima by signing a defence pact with Bolivia."
    assert ("CHL", "BOL", 1, "agreement") in triples(run(text))


def test_a_phrase_ending_in_a_preposition_points_at_its_object(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Minsk keeps its options open while courting China, whose backing it relies on to"
        " block Lithuania's plans at the United Nations."
    )
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("BLR", "CHN", 1) in got
    assert not {("BLR", "LTU", 1), ("BLR", "UN", 1)} & got


@pytest.mark.parametrize(
    "text",
    [
        "Japan will provide Vietnam with coastal radars, the first project since it loosened"
        " its post-war restrictions on defence cooperation.",
        "Chinese officials said nothing, though Beijing's own exercises with the Lao military,"
        " including the Strike series with the Lao army, have grown.",
    ],
)
def test_an_attack_word_that_only_describes_a_noun_is_no_attack(
    run: Callable[..., Analysis], text: str
) -> None:
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]


def test_a_bid_names_its_bloc_itself(run: Callable[..., Analysis]) -> None:
    text = "Ghana, which chairs ECOWAS this year, has chosen a different path."
    assert not [a for a in run(text).alignment if a.type == "accession_bid"]
    text = "Norway and Iceland submitted their applications to join the EU on Monday."
    got = {(a.subject, a.counterpart) for a in run(text).alignment if a.type == "accession_bid"}
    assert {("NOR", "EU"), ("ISL", "EU")} <= got


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Mali revoked its defence accord with France on Monday.", ("MLI", "FRA", -1)),
        ("Washington rescinded its sanctions on Belarus.", ("USA", "BLR", 1)),
    ],
)
def test_revoking_and_rescinding_reverse_a_pact_or_sanctions(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert expected in got
    assert (expected[0], expected[1], -expected[2]) not in got


@pytest.mark.parametrize(
    "text,addressed,bystander",
    [
        ("Canada pressed Peru to reduce its purchases of Turkish drones.", "PER", "TUR"),
        ("Japan accused Laos of shipping rifles to Myanmar.", "LAO", "MMR"),
        ("Kenya urged Uganda to settle its border dispute with South Sudan.", "UGA", "SSD"),
    ],
)
def test_a_pressed_or_accused_state_is_the_only_target(
    run: Callable[..., Analysis], text: str, addressed: str, bystander: str
) -> None:
    """The state a verb of pressing or accusing addresses is its target; third states in the
    act demanded of it or blamed on it are not."""
    rows = [a for a in run(text).alignment if a.type == "verbal_criticism"]
    assert {a.counterpart for a in rows} == {addressed}
    assert bystander not in {a.counterpart for a in rows}


def test_pressing_for_a_hostile_act_aims_at_its_target(run: Callable[..., Analysis]) -> None:
    pairs = triples(run("Norway will press the European Union to impose an embargo on Iran."))
    assert ("NOR", "IRN", -1, "verbal_criticism") in pairs


def test_each_gapped_object_of_an_accusation_is_a_target(run: Callable[..., Analysis]) -> None:
    pairs = triples(run("Chad accused Sudan of arming rebels and Libya of hosting them."))
    assert {("TCD", "SDN", -1, "verbal_criticism"), ("TCD", "LBY", -1, "verbal_criticism")} <= pairs


@pytest.mark.parametrize(
    "text",
    [
        "Egypt said there would be no exercises with Russia this year.",
        "No agreement between Peru and Chile was signed.",
        "Officials in Hanoi said joint drills with Laos were not on the table.",
    ],
)
def test_a_trigger_its_own_phrase_denies_gives_nothing(
    run: Callable[..., Analysis], text: str
) -> None:
    assert not run(text).alignment


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Norway will keep its sanctions on Belarus.", ("NOR", "BLR", -1, "sanctions")),
        ("Japan maintained sanctions against North Korea.", ("JPN", "PRK", -1, "sanctions")),
    ],
)
def test_keeping_sanctions_is_a_sanction(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    assert expected in triples(run(text))


def test_a_light_verb_carries_only_its_object(run: Callable[..., Analysis]) -> None:
    """ "hard to keep flying since sanctions on Moscow": the subject does not impose them."""
    text = "Peru's Russian jets have been hard to keep flying since sanctions on Moscow began."
    assert not [a for a in run(text).alignment if a.subject == "PER"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Austria resumed arms exports to Egypt.", {("AUT", "EGY", 1), ("EGY", "AUT", 1)}),
        ("Belgium halted arms exports to Rwanda.", {("BEL", "RWA", -1)}),
        (
            "Denmark and Estonia stopped issuing new licences for arms exports to Azerbaijan.",
            {("DNK", "AZE", -1), ("EST", "AZE", -1)},
        ),
        ("Canada's restrictions on arms sales to Chile stay in place.", {("CAN", "CHL", -1)}),
    ],
)
def test_arms_exports_without_a_named_weapon_and_their_halt(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str, int]]
) -> None:
    pairs = {
        (a.subject, a.counterpart, a.direction)
        for a in run(text).alignment
        if a.type in ("military_aid", "arms_refusal")
    }
    assert pairs == expected


def test_a_state_judging_arms_sales_is_no_party_to_them(run: Callable[..., Analysis]) -> None:
    rows = run("Russia condemned French arms sales to Armenia.").alignment
    aid = {(a.subject, a.counterpart) for a in rows if a.type == "military_aid"}
    assert aid == {("FRA", "ARM"), ("ARM", "FRA")}


def test_a_parallel_act_without_a_counterpart_is_aimed_at_the_same_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Peru broke off diplomatic relations with Iran on Monday, and Ecuador and Uruguay "
        "recalled their ambassadors for consultations."
    )
    pairs = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert {("PER", "IRN", -1), ("ECU", "IRN", -1), ("URY", "IRN", -1)} <= pairs


def test_an_act_alone_in_its_sentence_borrows_no_counterpart(
    run: Callable[..., Analysis],
) -> None:
    text = "Peru broke off relations with Iran. Ecuador recalled its ambassador for consultations."
    assert ("ECU", "IRN", -1) not in {
        (a.subject, a.counterpart, a.direction) for a in run(text).alignment
    }


def test_drills_near_a_partners_own_border_are_no_show_of_force(
    run: Callable[..., Analysis],
) -> None:
    text = "Kazakh and Kyrgyz troops held joint drills near Kyrgyzstan's border with China."
    rows = run(text).alignment
    assert not [a for a in rows if a.type == "show_of_force"]
    assert ("KAZ", "KGZ", 1) in {(a.subject, a.counterpart, a.direction) for a in rows}


def test_drills_around_coordinated_states_aim_at_each(run: Callable[..., Analysis]) -> None:
    rows = run("Russia staged drills around Finland and Estonia.").alignment
    aimed = {(a.subject, a.counterpart) for a in rows if a.type == "show_of_force"}
    assert aimed == {("RUS", "FIN"), ("RUS", "EST")}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Armenian tanks rolled into Azerbaijan overnight.", ("ARM", "AZE", -1, "armed_attack")),
        ("Sudanese troops crossed into Chad on Friday.", ("SDN", "TCD", -1, "armed_attack")),
        (
            "Canada will always stand with Ukraine, the minister said.",
            ("CAN", "UKR", 1, "verbal_support"),
        ),
    ],
)
def test_moving_forces_into_a_state_and_standing_with_one(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    assert expected in triples(run(text))


def test_people_crossing_into_a_state_are_no_attack(run: Callable[..., Analysis]) -> None:
    assert not run("Thousands of refugees crossed into Poland.").alignment


@pytest.mark.parametrize(
    "text",
    [
        "Ecuadorian and Peruvian troops exchanged fire near the border.",
        "Ecuadorian and Peruvian forces traded artillery fire overnight.",
        "Ecuadorian and Peruvian troops clashed in the jungle.",
    ],
)
def test_a_mutual_clash_points_each_side_at_the_other(
    run: Callable[..., Analysis], text: str
) -> None:
    pairs = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert {("ECU", "PER", -1), ("PER", "ECU", -1)} <= pairs


def test_a_fronted_scene_phrase_names_no_act_judged(run: Callable[..., Analysis]) -> None:
    """ "On the ground, ... pressed their assault": "the ground" is a place, not an act whose
    doer the verb judges."""
    text = (
        "Norway will send tanks to Ukraine. On the ground, Russian forces pressed their assault "
        "on Bakhmut."
    )
    assert not [a for a in run(text).alignment if a.type == "verbal_criticism"]


def test_a_state_judging_an_act_is_not_its_doer_for_later_judges(
    run: Callable[..., Analysis],
) -> None:
    """ "Finland welcomed the decision. Belarus condemned the decision.": Belarus condemns
    the state that decided, not the one that welcomed it."""
    text = (
        "Norway closed its border crossings with Russia on Monday. Finland welcomed the "
        "decision. Belarus condemned the decision."
    )
    pairs = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("BLR", "NOR", -1) in pairs
    assert ("BLR", "FIN", -1) not in pairs


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Chinese coast guard ships used water cannon against Indonesian fishing boats.",
            ("CHN", "IDN", -1, "coercion"),
        ),
        ("A Russian jet harassed a French patrol aircraft.", ("RUS", "FRA", -1, "coercion")),
        ("A Chinese vessel rammed a Vietnamese boat.", ("CHN", "VNM", -1, "coercion")),
    ],
)
def test_force_short_of_an_attack_is_coercion(
    run: Callable[..., Analysis], text: str, expected: tuple
) -> None:
    assert expected in triples(run(text))


def test_coercion_needs_a_state_it_is_aimed_at(run: Callable[..., Analysis]) -> None:
    assert not run("Officials in Spain denied that police had harassed protesters.").alignment


@pytest.mark.parametrize(
    "text",
    [
        # The tagger may read "drills" as a verb in either slot; the negation still covers it.
        "The move means Bolivian troops will not take part in the Andean Shield drills with "
        "Peruvian and Chilean forces.",
        "Bolivian troops will not take part in the drills with Peruvian and Chilean forces.",
    ],
)
def test_a_declined_drill_points_away_however_it_is_tagged(
    run: Callable[..., Analysis], text: str
) -> None:
    pairs = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert {("BOL", "PER", -1), ("BOL", "CHL", -1)} <= pairs
    assert ("BOL", "PER", 1) not in pairs


def test_partners_developing_a_weapon_together_all_move_toward_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = "Japan works with Britain and Italy on a new stealth fighter."
    got = {(a.subject, a.counterpart, a.direction, a.type) for a in run(text).alignment}
    pairs = [("JPN", "GBR"), ("JPN", "ITA"), ("GBR", "ITA")]
    for a, b in pairs:
        assert (a, b, 1, "joint_development") in got
        assert (b, a, 1, "joint_development") in got
    got = triples(run("Brazil and Turkey will jointly develop a new jet engine for fighters."))
    assert ("BRA", "TUR", 1, "joint_development") in got
    assert ("TUR", "BRA", 1, "joint_development") in got


def test_working_together_on_something_that_is_no_weapon_is_no_arms_partnership(
    run: Callable[..., Analysis],
) -> None:
    got = triples(run("Japan works with Britain and Italy on climate policy."))
    assert not [t for t in got if t[3] == "joint_development"]


def test_a_group_of_states_leaving_a_bloc_named_after_its_description_each_leaves_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Guinea, Mali and Niger held talks. The three states broke with the West African bloc "
        "ECOWAS last year."
    )
    got = {(a.subject, a.counterpart, a.direction, a.type) for a in run(text).alignment}
    for state in ("GIN", "MLI", "NER"):
        assert (state, "ECOWAS", -1, "bloc_exit") in got
    # Breaking with a state is no bloc exit.
    assert not [a for a in run("Mali broke with France.").alignment if a.type == "bloc_exit"]


def test_a_contrast_ends_the_negation_of_the_verb_before_it(run: Callable[..., Analysis]) -> None:
    text = "Peru said it had not taken part in the raid but warned Chile that more would follow."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("PER", "CHL", -1) in got
    # Without a contrast the negation covers both verbs.
    assert not run("Peru did not sign or ratify the treaty with Chile.").alignment


def test_a_base_by_consent_binds_host_and_sender_both_ways(run: Callable[..., Analysis]) -> None:
    got = triples(run("Djibouti hosts a large Japanese naval base."))
    assert ("DJI", "JPN", 1, "military_base") in got
    assert ("JPN", "DJI", 1, "military_base") in got
    # A refusal to host is the host's alone.
    got = triples(run("Djibouti refused to host a Japanese naval base."))
    assert ("DJI", "JPN", -1, "military_base") in got
    assert not [t for t in got if t[0] == "JPN"]


def test_founding_a_bloc_joins_it_and_binds_the_founders(run: Callable[..., Analysis]) -> None:
    got = triples(run("Mali, Burkina Faso and Niger formed the Alliance of Sahel States."))
    for a in ("MLI", "BFA", "NER"):
        assert (a, "AES", 1, "bloc_founding") in got
        for b in ("MLI", "BFA", "NER"):
            if a != b:
                assert (a, b, 1, "bloc_founding") in got
    # Forming something that is no bloc founds nothing.
    assert not [
        t for t in triples(run("Russia formed a new army near NATO.")) if t[3] == "bloc_founding"
    ]


def test_being_joined_by_a_foreign_jet_is_no_membership(run: Callable[..., Analysis]) -> None:
    text = (
        "Two Russian jets flew a short routine over the airfield. They were joined in the air "
        "by J-10 fighters, already in service with the People's Liberation Army Air Force, and "
        "a Pakistani JF-17."
    )
    assert not [a for a in run(text).alignment if a.type == "membership"]


def test_a_mild_judgement_is_a_cue_but_no_signal_on_its_own(run: Callable[..., Analysis]) -> None:
    result = run("Peru regretted Chile's decision but said relations remained close.")
    assert [c for c in result.stance_cues if c.cue == "regretted" and c.target == "CHL"]
    assert ("PER", "CHL", -1) not in {
        (a.subject, a.counterpart, a.direction) for a in result.alignment
    }
    # A plain criticism still is one.
    got = {(a.subject, a.counterpart, a.direction) for a in run("Peru condemned Chile.").alignment}
    assert ("PER", "CHL", -1) in got


def test_an_act_in_a_purpose_clause_is_no_act(run: Callable[..., Analysis]) -> None:
    text = "Ukraine had asked for missiles so that it could strike refineries inside Russia."
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]
    text = "Peru shelled Chilean border posts so heavily that Chile evacuated them."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("PER", "CHL", -1) in got


def test_a_partnership_binds_its_parties(run: Callable[..., Analysis]) -> None:
    got = {
        (s, c)
        for s, c, d, _ in triples(
            run("Australia formed a security partnership with the United States and Britain.")
        )
        if d == 1
    }
    assert {("AUS", "USA"), ("USA", "AUS"), ("AUS", "GBR"), ("GBR", "AUS")} <= got


def test_an_act_that_names_its_parties_leaves_out_who_looks_at_it(
    run: Callable[..., Analysis],
) -> None:
    got = triples(run("Ankara watches the Greek-Cypriot-Israeli partnership with suspicion."))
    assert {(s, c) for s, c, _, _ in got} == {
        (a, b) for a in ("GRC", "CYP", "ISR") for b in ("GRC", "CYP", "ISR") if a != b
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        # "its" on an act: the clause's subject, else what it refers back to.
        ("Russia has lost arms customers since its invasion of Ukraine.", ("RUS", "UKR", -1)),
        (
            "A spokesman said the United States respected Colombia's decision but would keep"
            " its sanctions on the Maduro government.",
            ("USA", "VEN", -1),
        ),
    ],
)
def test_its_on_an_act_is_the_doer(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int]
) -> None:
    assert expected in {(s, c, d) for s, c, d, _ in triples(run(text))}


def test_an_act_aimed_at_no_state_has_no_target(run: Callable[..., Analysis]) -> None:
    text = (
        "Japan will provide the Philippines with coastal radars under a new aid programme,"
        " the first project of its kind for Tokyo since it loosened its post-war restrictions"
        " on defence cooperation."
    )
    assert not any(t == "sanctions" for *_, t in triples(run(text)))


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Hungary, a member of NATO and the European Union, leases Gripen jets.",
            {("HUN", "NATO"), ("HUN", "EU")},
        ),
        (
            "Kazakhstan, Kyrgyzstan and Tajikistan are members of the Russian-led CSTO.",
            {("KAZ", "CSTO"), ("KGZ", "CSTO"), ("TJK", "CSTO")},
        ),
        ("Turkey is a NATO ally.", {("TUR", "NATO")}),
    ],
)
def test_membership_of_every_bloc_by_every_member(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str]]
) -> None:
    got = {(s, c) for s, c, d, t in triples(run(text)) if t == "membership" and d == 1}
    assert got == expected


def test_a_state_described_by_its_bloc_is_the_subject(run: Callable[..., Analysis]) -> None:
    rows = run("NATO member Hungary has ordered 24 Gripen jets.").procurements
    assert [(p.supplier, p.recipient) for p in rows] == [("SWE", "HUN")]


def test_states_that_did_the_same_act_as_the_subject(run: Callable[..., Analysis]) -> None:
    # they echo the condemning of the strike's doer; the strike is Russia's alone
    got = triples(
        run("Germany condemned the Russian strike on Ukraine, as did France and Britain.")
    )
    assert {(s, c, d) for s, c, d, _ in got} == {
        ("DEU", "RUS", -1),
        ("FRA", "RUS", -1),
        ("GBR", "RUS", -1),
        ("RUS", "UKR", -1),
    }


def test_refusing_to_recognise_an_act_does_not_undo_it(run: Callable[..., Analysis]) -> None:
    got = triples(run("Kazakhstan declined to recognise Russia's annexation of Ukrainian regions."))
    assert ("RUS", "UKR", -1, "armed_attack") in got
    assert not any(s == "RUS" and d == 1 for s, _, d, _ in got)


def test_a_reflexive_the_parser_made_the_subject_is_the_state_before_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "In August Egypt, itself at odds with Ethiopia over the Nile dam, signed a defence pact"
        " with Mogadishu."
    )
    got = triples(run(text))
    assert ("EGY", "SOM", 1, "agreement") in got
    assert not any(s == "ETH" and t == "agreement" for s, _, _, t in got)


def test_a_war_between_two_states_makes_each_the_other_s_foe(run: Callable[..., Analysis]) -> None:
    text = (
        "Brazil has no interest in passing on ammunition to be used in the war between Ukraine"
        " and Russia."
    )
    got = {(s, c, d) for s, c, d, _ in triples(run(text))}
    assert {("UKR", "RUS", -1), ("RUS", "UKR", -1)} <= got
    assert not any("BRA" in (s, c) and d == -1 for s, c, d in got)
    # A war denied is none.
    assert not triples(run("There was no war between India and Pakistan that year."))


@pytest.mark.parametrize(
    "sentence,pair",
    [
        ("Russian missiles struck Kharkiv overnight.", ("RUS", "UKR")),
        ("Ukrainian drones struck an oil depot in Belgorod.", ("UKR", "RUS")),
        ("Russian troops attacked Bakhmut from three sides.", ("RUS", "UKR")),
        ("Indian artillery shelled positions in Muzaffarabad.", ("IND", "PAK")),
    ],
)
def test_a_known_place_attacked_is_its_state_attacked(
    run: Callable[..., Analysis], sentence: str, pair: tuple[str, str]
) -> None:
    assert (*pair, -1, "armed_attack") in triples(run(sentence))


def test_an_attack_in_the_attacker_s_own_place_names_no_target_of_its_own(
    run: Callable[..., Analysis],
) -> None:
    assert not triples(run("Russian forces shelled Belgorod by mistake."))


def test_a_deal_struck_is_no_strike(run: Callable[..., Analysis]) -> None:
    text = (
        "Hungary signed a revised agreement with Sweden to lease 14 Gripen fighters, replacing a"
        " deal struck by the previous government with one for newer, NATO-compatible aircraft."
    )
    assert not any(t == "armed_attack" for *_, t in triples(run(text)))


def test_an_act_named_as_a_topic_is_no_act_of_those_who_speak_of_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Officials in Ecuador and Brazil have voiced concern about refugees and fighting"
        " spilling across their borders."
    )
    assert not triples(run(text))
    got = triples(run("Indian and Chinese troops were fighting along the border."))
    assert ("IND", "CHN", -1, "armed_attack") in got


@pytest.mark.parametrize(
    "sentence,expected,absent",
    [
        (
            "Guyana has deepened its security ties with the United States this year.",
            {("GUY", "USA", 1, "security_cooperation"), ("USA", "GUY", 1, "security_cooperation")},
            set(),
        ),
        (
            "Manila has been strengthening defence cooperation with Washington.",
            {("PHL", "USA", 1, "security_cooperation")},
            set(),
        ),
        (
            # the owner of the ties acts, not the clause's subject
            "Analysts said a Chinese or Pakistani fighter would deepen Argentina's ties with"
            " Beijing.",
            {("ARG", "CHN", 1, "security_cooperation")},
            {("PAK", "CHN", 1, "security_cooperation"), ("CHN", "PAK", 1, "security_cooperation")},
        ),
    ],
)
def test_deepening_ties_moves_each_party_toward_the_other(
    run: Callable[..., Analysis], sentence: str, expected: set, absent: set
) -> None:
    got = triples(run(sentence))
    assert expected <= got
    assert not absent & got


@pytest.mark.parametrize(
    "sentence",
    [
        "Argentina boosted its defence budget by a third.",
        # a gerund that is its clause's subject, with no owner, is nobody's act
        "Brussels has urged candidates to align their policy with the bloc, and diplomats have"
        " warned that deepening military ties with Moscow sit uneasily with that path.",
    ],
)
def test_no_cooperation_without_ties_or_a_party_that_deepens_them(
    run: Callable[..., Analysis], sentence: str
) -> None:
    assert not [a for a in run(sentence).alignment if a.type == "security_cooperation"]


def test_opening_an_embassy_is_a_restoration_with_the_host(run: Callable[..., Analysis]) -> None:
    got = triples(run("Lavrov said Moscow would open new embassies in Burkina Faso and Togo."))
    assert {
        ("RUS", "BFA", 1, "diplomatic_restoration"),
        ("RUS", "TGO", 1, "diplomatic_restoration"),
    } <= got


def test_people_of_a_state_are_not_the_state(run: Callable[..., Analysis]) -> None:
    assert not triples(run("Turkey reopened its border to Syrian refugees."))


def test_sanctions_ordered_by_a_leader_are_his_states(run: Callable[..., Analysis]) -> None:
    text = (
        "President Bill Clinton on Wednesday ordered sweeping economic and military sanctions"
        " against India."
    )
    assert ("USA", "IND", -1, "sanctions") in triples(run(text))


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "Romania became a member of NATO in March 2004, along with Bulgaria and Slovenia.",
            {
                ("ROU", "NATO", 1, "membership"),
                ("BGR", "NATO", 1, "membership"),
                ("SVN", "NATO", 1, "membership"),
            },
        ),
        (
            "Romania joined NATO in 2004 along with Bulgaria and Estonia.",
            {("ROU", "NATO", 1, "membership"), ("EST", "NATO", 1, "membership")},
        ),
        (
            "The European Union, along with the United States, imposed sanctions on Russia.",
            {("EU", "RUS", -1, "sanctions"), ("USA", "RUS", -1, "sanctions")},
        ),
    ],
)
def test_states_acting_along_with_the_subject_act_too(
    run: Callable[..., Analysis], sentence: str, expected: set
) -> None:
    assert expected <= triples(run(sentence))


def test_deepened_ties_need_a_named_partner(run: Callable[..., Analysis]) -> None:
    text = (
        "Venezuela has signed contracts to buy fighter jets from Russia, deepening a defence"
        " relationship that has alarmed Washington."
    )
    assert not [a for a in run(text).alignment if a.type == "security_cooperation"]


def test_solidarity_shown_with_a_state_is_support_for_it(run: Callable[..., Analysis]) -> None:
    got = triples(run("Venezuela sent troops in a show of solidarity with Ecuador."))
    assert ("VEN", "ECU", 1, "verbal_support") in got


def test_defending_oneself_backs_no_one_else(run: Callable[..., Analysis]) -> None:
    text = (
        "Ecuador and Colombia are at odds. The United States, Colombia's closest ally, has voiced"
        " support for Bogota's right to defend itself against the rebels."
    )
    assert not [t for t in triples(run(text)) if t[0] == "COL"]
    assert ("SRB", "RUS", -1, "verbal_criticism") in triples(
        run("Serbia distanced itself from Russia.")
    )


def test_every_state_a_judgement_comes_from_judges(run: Callable[..., Analysis]) -> None:
    got = triples(run("Germany faced criticism from Poland, Lithuania and Latvia."))
    assert {
        ("POL", "DEU", -1, "verbal_criticism"),
        ("LTU", "DEU", -1, "verbal_criticism"),
        ("LVA", "DEU", -1, "verbal_criticism"),
    } <= got


def test_a_state_led_compound_modifier_is_no_act_on_another_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Saudi officials have long complained that Hezbollah, the Iranian-backed movement,"
        " dominates Lebanon."
    )
    assert not [a for a in run(text).alignment if a.type == "verbal_support"]


def test_protesters_are_not_their_state(run: Callable[..., Analysis]) -> None:
    text = "In 2014 Vietnamese protesters attacked Chinese-owned factories in Binh Duong."
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]


def test_troops_marching_alongside_another_state_s_are_its_guests(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Soldiers from the United States, Britain and Poland marched across Red Square on Sunday"
        " alongside more than 10,000 Russian troops."
    )
    got = {(s, c) for s, c, d, kind in triples(run(text)) if kind == "joint_parade"}
    assert {("USA", "RUS"), ("RUS", "USA"), ("GBR", "RUS"), ("RUS", "POL")} <= got
    assert ("USA", "GBR") not in got  # guests marching together are not each other's hosts
    # no host named, no signal
    assert not triples(run("Chinese and Indian troops marched on Red Square in June 2020."))


def test_whose_weapon_is_struck_is_the_target_not_the_place(
    run: Callable[..., Analysis],
) -> None:
    text = "Turkish F-16s shot down a Russian Su-24 bomber near the Syrian border on Tuesday."
    got = {(s, c, d) for s, c, d, kind in triples(run(text)) if kind == "armed_attack"}
    assert got == {("TUR", "RUS", -1)}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "North Korean artillery pounded Yeonpyeong Island, killing two South Korean marines.",
            ("PRK", "KOR"),
        ),
        (
            "Iran's Revolutionary Guards seized the British-flagged tanker Stena Impero.",
            ("IRN", "GBR"),
        ),
    ],
)
def test_pounding_and_seizing_are_attacks(
    run: Callable[..., Analysis], text: str, pair: tuple[str, str]
) -> None:
    assert (*pair, -1, "armed_attack") in triples(run(text))


def test_the_maker_of_the_weapons_that_strike_is_not_the_attacker(
    run: Callable[..., Analysis],
) -> None:
    assert not triples(run("Iranian-made drones struck Kyiv overnight."))
    text = "Pakistan says its Chinese-made J-10C fighters shot down five Indian aircraft."
    got = {(s, c) for s, c, d, kind in triples(run(text)) if kind == "armed_attack"}
    assert got == {("PAK", "IND")}


def test_troops_sent_to_a_state_outside_a_drill_are_there_by_consent(
    run: Callable[..., Analysis],
) -> None:
    text = "The United States will send about 2,000 troops from Fort Bragg to Poland and Germany."
    got = {(s, c, d) for s, c, d, kind in triples(run(text)) if kind == "military_base"}
    assert {("USA", "POL", 1), ("POL", "USA", 1), ("USA", "DEU", 1), ("DEU", "USA", 1)} <= got
    for text in (
        "Russia sent troops to the border with Ukraine.",
        "Britain has no plans to send troops to Ukraine.",
    ):
        assert not [t for t in triples(run(text)) if t[3] == "military_base"]


def test_a_supplier_that_will_not_approve_a_sale_refuses_it(run: Callable[..., Analysis]) -> None:
    text = "Germany will not approve the sale of more Eurofighter Typhoon jets to Saudi Arabia."
    assert ("DEU", "SAU", -1, "arms_refusal") in triples(run(text))
    # a sale not made in years is no refusal
    text = "Washington has not approved a new F-16 sale to Islamabad in more than a decade."
    assert not triples(run(text))


def test_a_past_verb_joined_to_a_reported_clause_is_the_speaker_s_act(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Russia's embassy in Stockholm warned on Thursday that the deliveries would prolong the"
        " bloodshed and accused Sweden of becoming a party to the conflict."
    )
    assert ("RUS", "SWE", -1, "verbal_criticism") in triples(run(text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The United States suspended military aid to Egypt.", ("USA", "EGY")),
        (
            "Washington suspended about $4.7 million in military assistance to Thailand.",
            ("USA", "THA"),
        ),
    ],
)
def test_aid_withheld_from_a_state_is_a_signal_away(
    run: Callable[..., Analysis], text: str, pair: tuple[str, str]
) -> None:
    assert (*pair, -1, "arms_refusal") in triples(run(text))


def test_aid_withheld_from_no_one_named_points_at_no_one(run: Callable[..., Analysis]) -> None:
    text = "The Pentagon suspended some military aid, and Thai generals turned to Beijing."
    assert not [t for t in triples(run(text)) if t[3] == "arms_refusal"]


def test_troops_sent_to_a_border_face_the_state_across_it(run: Callable[..., Analysis]) -> None:
    got = triples(run("Russia sent troops to the border with Ukraine."))
    assert ("RUS", "UKR", -1, "show_of_force") in got
    assert not [t for t in got if t[2] == 1]


def test_both_standing_alone_as_subject_acts_for_each_state_named_together_before(
    run: Callable[..., Analysis],
) -> None:
    found = triples(
        run("Greece and Cyprus protested. Both recalled their ambassadors from Ankara.")
    )
    assert {(t[0], t[1], t[2]) for t in found} >= {("GRC", "TUR", -1), ("CYP", "TUR", -1)}


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a word of two classes: withdrawing an envoy is a rupture, as recalling one is
        (
            "Saudi Arabia, the UAE and Bahrain withdrew their ambassadors from Qatar.",
            {("SAU", "QAT", -1), ("ARE", "QAT", -1), ("BHR", "QAT", -1)},
        ),
        (
            "Pakistan expelled India's high commissioner on Wednesday.",
            {("PAK", "IND", -1)},
        ),
        (
            "Uzbekistan suspended its membership of the Collective Security Treaty Organization.",
            {("UZB", "CSTO", -1)},
        ),
        # "they" after states listed as the subject stands for each of them
        (
            "Morocco and Israel announced that they would resume diplomatic relations.",
            {("MAR", "ISR", 1), ("ISR", "MAR", 1)},
        ),
        (
            "Indonesian and Malaysian warships began a coordinated patrol with Philippine ships.",
            {("IDN", "MYS", 1), ("MYS", "PHL", 1), ("PHL", "IDN", 1)},
        ),
    ],
)
def test_more_shapes_of_diplomatic_and_bloc_acts(
    run: Callable[..., Analysis], sentence: str, expected: set
) -> None:
    found = {(a.subject, a.counterpart, a.direction) for a in run(sentence).alignment}
    assert expected <= found


@pytest.mark.parametrize(
    "sentence",
    [
        "Spain withdrew its troops from Iraq, which soured relations with Washington.",
        "Oman has kept close military ties with both London and Washington.",
        "Cyprus wants a closer relationship with NATO.",
        "Uzbekistan became a member of the Collective Security Treaty Organization.",
    ],
)
def test_withdrawing_troops_or_close_ties_are_no_rupture(
    run: Callable[..., Analysis], sentence: str
) -> None:
    assert not [a for a in run(sentence).alignment if a.type in ("diplomatic_rupture", "bloc_exit")]


@pytest.mark.parametrize(
    "sentence,party,outsider",
    [
        (
            "Chile, Peru's southern neighbour and rival, agreed to buy four frigates from the"
            " Netherlands.",
            "CHL",
            "PER",
        ),
        (
            "Serbia, Russia's closest partner in the Balkans, held drills with Belarus.",
            "SRB",
            "RUS",
        ),
    ],
)
def test_the_owner_in_a_description_of_the_subject_is_no_party(
    run: Callable[..., Analysis], sentence: str, party: str, outsider: str
) -> None:
    found = {(a.subject, a.counterpart) for a in run(sentence).alignment}
    assert any(s == party for s, _ in found)
    assert not [p for p in found if outsider in p]


@pytest.mark.parametrize(
    "sentence,pair",
    [
        ("Germany will no longer supply weapons to Turkey.", ("DEU", "TUR")),
        (
            "Denmark said it would no longer approve new arms exports to Saudi Arabia.",
            ("DNK", "SAU"),
        ),
    ],
)
def test_supplying_no_longer_is_a_refusal_not_a_deal(
    run: Callable[..., Analysis], sentence: str, pair: tuple[str, str]
) -> None:
    result = run(sentence)
    found = {(a.subject, a.counterpart, a.direction) for a in result.alignment}
    assert (*pair, -1) in found
    assert (*pair, 1) not in found
    assert not result.procurements


@pytest.mark.parametrize(
    "sentence,triple",
    [
        ("Norway froze new export licences to Saudi Arabia.", ("NOR", "SAU", -1)),
        ("Germany has halted arms export approvals for Saudi Arabia.", ("DEU", "SAU", -1)),
        ("Britain granted export licences for arms to Saudi Arabia.", ("GBR", "SAU", 1)),
    ],
)
def test_export_licences_are_arms_given_or_withheld(
    run: Callable[..., Analysis], sentence: str, triple: tuple[str, str, int]
) -> None:
    assert triple in {(a.subject, a.counterpart, a.direction) for a in run(sentence).alignment}


@pytest.mark.parametrize(
    "sentence,triple",
    [
        (
            "Moscow responded by ordering 20 Czech embassy staff to leave Russia.",
            ("RUS", "CZE", -1),
        ),
        (
            "Chinese coast guard ships blasted water cannon at Philippine supply boats.",
            ("CHN", "PHL", -1),
        ),
        ("The United States imposed export controls on Chinese chipmakers.", ("USA", "CHN", -1)),
    ],
)
def test_commands_by_response_water_cannon_blasts_and_export_controls(
    run: Callable[..., Analysis], sentence: str, triple: tuple[str, str, int]
) -> None:
    assert triple in {(a.subject, a.counterpart, a.direction) for a in run(sentence).alignment}


def test_an_attack_on_its_territory_is_on_the_state_its_stands_for(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Armenia formally asked the Russian-led Collective Security Treaty Organization for"
        " military assistance after Azerbaijani forces struck positions inside its"
        " internationally recognised territory."
    )
    found = triples(run(text))
    assert ("AZE", "ARM", -1, "armed_attack") in found
    assert not [t for t in found if t[0] == "AZE" and t[1] in ("RUS", "CSTO")]


def test_ambassadors_a_group_recalls_are_their_own(run: Callable[..., Analysis]) -> None:
    text = "Chile and Colombia recalled their ambassadors from Israel for consultations."
    assert not [t for t in triples(run(text)) if {t[0], t[1]} == {"CHL", "COL"}]


def test_troops_a_bloc_sends_to_a_state_are_there_by_its_consent(
    run: Callable[..., Analysis],
) -> None:
    text = "In January the CSTO sent some 2,000 troops to Kazakhstan at the president's request."
    found = triples(run(text))
    assert ("CSTO", "KAZ", 1, "military_base") in found
    assert ("KAZ", "CSTO", 1, "military_base") in found


def test_states_whose_troops_are_involved_in_a_named_exercise_take_part(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "American tanks rumbled across the Vaziani training area on Wednesday as the Noble"
        " Partner exercise opened. About 1,300 troops are involved in the two-week exercise,"
        " including roughly 650 Americans, 150 British soldiers and 500 Georgians."
    )
    found = triples(run(text))
    assert ("GBR", "GEO", 1, "joint_exercise") in found
    assert ("USA", "GBR", 1, "joint_exercise") in found


def test_a_warning_aimed_through_the_clause_it_governs(run: Callable[..., Analysis]) -> None:
    text = (
        "Chile has bought three second-hand frigates from Britain, and Buenos Aires has"
        " warned that Chile's purchases could start an arms race in the region."
    )
    assert ("ARG", "CHL", -1, "verbal_criticism") in triples(run(text))


def test_a_warning_by_people_of_no_state_aims_at_no_one(run: Callable[..., Analysis]) -> None:
    text = "Economists have warned that Chile's purchases could strain the budget."
    assert not {t for t in triples(run(text)) if t[3] == "verbal_criticism"}


def test_a_state_that_pulls_out_leaves_the_drill_just_reported(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Russia, China and Kazakhstan sent troops to the Peace Mission 2010 drills."
        " Uzbekistan pulled out shortly before the drills began."
    )
    found = {t for t in triples(run(text)) if t[0] == "UZB"}
    assert found == {
        ("UZB", "RUS", -1, "exercise_suspension"),
        ("UZB", "CHN", -1, "exercise_suspension"),
        ("UZB", "KAZ", -1, "exercise_suspension"),
    }


def test_judging_a_drill_is_not_leaving_it(run: Callable[..., Analysis]) -> None:
    text = (
        "Russia, China and Kazakhstan sent troops to the Peace Mission drills on Monday."
        " Uzbekistan called the drills a success."
    )
    assert not [t for t in triples(run(text)) if t[3] == "exercise_suspension"]


def test_reluctance_to_approve_exports_is_their_refusal(run: Callable[..., Analysis]) -> None:
    text = "Germany's government has been reluctant to approve weapons exports to Turkey."
    assert {t[:3] for t in triples(run(text))} == {("DEU", "TUR", -1)}


def test_support_one_does_without_is_no_support(run: Callable[..., Analysis]) -> None:
    text = "Mali says its army has fought the insurgents without relying on French help."
    assert not [t for t in triples(run(text)) if t[2] == 1]


def test_every_state_of_a_named_list_of_partners_takes_part(run: Callable[..., Analysis]) -> None:
    text = (
        "The United States held the African Lion exercise this week with troops from Morocco,"
        " Tunisia, Ghana and Senegal."
    )
    partners = {t[1] for t in triples(run(text)) if t[0] == "USA" and t[3] == "joint_exercise"}
    assert partners == {"MAR", "TUN", "GHA", "SEN"}


def test_states_that_act_alongside_the_subject_act_too(run: Callable[..., Analysis]) -> None:
    text = (
        "Bahrain cut ties with Qatar in June 2017 alongside Saudi Arabia, the United Arab"
        " Emirates and Egypt."
    )
    subjects = {t[0] for t in triples(run(text)) if t[1] == "QAT" and t[2] == -1}
    assert subjects == {"BHR", "SAU", "ARE", "EGY"}


def test_states_that_send_teams_to_a_drill_take_part_in_it(
    run: Callable[..., Analysis],
) -> None:
    result = run(
        "Indonesia and the United States opened their annual joint exercise on Wednesday."
        " Australia and Japan sent the largest foreign contingents, while Malaysia and"
        " Canada sent small teams."
    )
    pairs = {(a.subject, a.counterpart) for a in result.alignment if a.type == "joint_exercise"}
    assert {("MYS", "IDN"), ("CAN", "USA"), ("MYS", "JPN"), ("CAN", "AUS")} <= pairs


@pytest.mark.parametrize(
    "text",
    [
        "Estonian Defence Minister Hanno Pevkur was joined by counterparts from Britain, Poland"
        " and Latvia, who signed what they called the Tallinn pledge.",
        "Ministers from Britain, Poland and Latvia, who signed the pledge, met in Tallinn.",
    ],
)
def test_a_relative_clause_on_a_list_makes_every_state_in_it_a_party(
    run: Callable[..., Analysis], text: str
) -> None:
    pairs = {(t[0], t[1]) for t in triples(run(text)) if t[3] == "agreement" and t[2] == 1}
    assert {("GBR", "POL"), ("POL", "LVA"), ("LVA", "GBR")} <= pairs


@pytest.mark.parametrize(
    "text,pair",
    [
        ("Iran launched more than 300 drones and missiles at Israel overnight.", ("IRN", "ISR")),
        (
            "Russia launched 122 missiles and 36 attack drones against cities across Ukraine.",
            ("RUS", "UKR"),
        ),
        (
            "Since October, Russia has launched wave after wave of cruise missiles at power"
            " stations across Ukraine.",
            ("RUS", "UKR"),
        ),
    ],
)
def test_launching_weapons_at_a_state_is_an_attack(
    run: Callable[..., Analysis], text: str, pair: tuple[str, str]
) -> None:
    attacks = {(t[0], t[1]) for t in triples(run(text)) if t[3] == "armed_attack" and t[2] == -1}
    assert attacks == {pair}


def test_launching_an_exercise_or_a_test_is_no_attack(run: Callable[..., Analysis]) -> None:
    for text in (
        "Russia launched a large exercise in Belarus.",
        "North Korea launched a ballistic missile into the sea.",
    ):
        assert not [t for t in triples(run(text)) if t[3] == "armed_attack"]


def test_the_cause_of_an_attack_names_no_target_of_it(run: Callable[..., Analysis]) -> None:
    text = (
        "Iran fired more than 300 drones and missiles at Israel overnight, in retaliation for a"
        " strike on its consulate in Damascus on April 1."
    )
    attacks = {(t[0], t[1]) for t in triples(run(text)) if t[3] == "armed_attack"}
    assert attacks == {("IRN", "ISR")}


@pytest.mark.parametrize(
    "text",
    [
        "Armenia froze its participation in the Russian-led CSTO in February.",
        "Armenia suspended its membership in the CSTO.",
    ],
)
def test_freezing_participation_in_a_bloc_leaves_it(
    run: Callable[..., Analysis], text: str
) -> None:
    assert {(t[0], t[1], t[2]) for t in triples(run(text))} == {("ARM", "CSTO", -1)}


def test_membership_in_a_bloc_names_it_with_in(run: Callable[..., Analysis]) -> None:
    got = {
        (t[0], t[1], t[2], t[3]) for t in triples(run("Sweden's membership in NATO was approved."))
    }
    assert ("SWE", "NATO", 1, "membership") in got
    assert not triples(run("Mali left the CSTO talks."))


@pytest.mark.parametrize(
    "text,members,bloc",
    [
        (
            "NATO admitted Poland, Hungary and the Czech Republic on Friday.",
            {"POL", "HUN", "CZE"},
            "NATO",
        ),
        ("Finland was admitted to NATO in April 2023.", {"FIN"}, "NATO"),
    ],
)
def test_a_state_a_bloc_admits_joins_it(
    run: Callable[..., Analysis], text: str, members: set[str], bloc: str
) -> None:
    got = {t[0] for t in triples(run(text)) if t[1] == bloc and t[2] == 1 and t[3] == "membership"}
    assert got == members


def test_admitting_no_state_or_none_at_all_is_no_membership(run: Callable[..., Analysis]) -> None:
    for text in (
        "NATO has not admitted Ukraine.",
        "Spain admitted the Polisario leader to a hospital in Logrono.",
    ):
        assert not [t for t in triples(run(text)) if t[3] == "membership"]


@pytest.mark.parametrize(
    "text,parties",
    [
        ("The pact was signed by Israel and the United Arab Emirates.", {"ISR", "ARE"}),
        ("The declaration was signed by Saudi Arabia, Qatar and Egypt.", {"SAU", "QAT", "EGY"}),
        (
            "The declaration was signed by the six members of the Gulf Cooperation Council,"
            " Saudi Arabia, the UAE, Bahrain, Qatar, Kuwait and Oman.",
            {"SAU", "ARE", "BHR", "QAT", "KWT", "OMN"},
        ),
        (
            "The declaration was signed by Saudi Arabia and Qatar, and by Egypt, whose foreign"
            " minister attended.",
            {"SAU", "QAT", "EGY"},
        ),
    ],
)
def test_the_signers_of_a_passive_agreement_are_its_parties(
    run: Callable[..., Analysis], text: str, parties: set[str]
) -> None:
    pairs = {(t[0], t[1]) for t in triples(run(text)) if t[3] == "agreement" and t[2] == 1}
    assert {(a, b) for a in parties for b in parties if a != b} <= pairs


@pytest.mark.parametrize(
    "text,parties",
    [
        (
            "Thailand's navy held drills with Japanese and Indian frigates in the Andaman Sea.",
            {"THA", "JPN", "IND"},
        ),
        (
            "Greek and Cypriot warships joined French destroyers for manoeuvres off Crete.",
            {"GRC", "CYP", "FRA"},
        ),
        (
            "Omani patrol boats exercised alongside the Royal Navy in the Arabian Sea.",
            {"OMN", "GBR"},
        ),
    ],
)
def test_whose_ships_a_drill_is_held_with_take_part(
    run: Callable[..., Analysis], text: str, parties: set[str]
) -> None:
    pairs = {(t[0], t[1]) for t in triples(run(text)) if t[3] == "joint_exercise" and t[2] == 1}
    assert {(a, b) for a in parties for b in parties if a != b} <= pairs


@pytest.mark.parametrize(
    "text,host,sender",
    [
        (
            "Burundian troops deployed to Congo's South Kivu province at the invitation of the"
            " government in Kinshasa.",
            "COD",
            "BDI",
        ),
        (
            "Chadian soldiers crossed into Cameroon with the consent of the Cameroonian"
            " government to pursue Boko Haram fighters.",
            "CMR",
            "TCD",
        ),
        (
            "Senegalese soldiers entered Gambia at President Adama Barrow's request.",
            "GMB",
            "SEN",
        ),
        (
            "Polish troops arrived in Lithuania to train with local units, at the invitation of"
            " the government in Vilnius.",
            "LTU",
            "POL",
        ),
    ],
)
def test_forces_that_come_by_a_states_consent_are_its_guests(
    run: Callable[..., Analysis], text: str, host: str, sender: str
) -> None:
    got = triples(run(text))
    assert (host, sender, 1, "military_base") in got
    assert (sender, host, 1, "military_base") in got
    assert not [t for t in got if t[3] == "armed_attack"]


def test_forces_without_consent_or_acts_that_move_none_are_no_guests(
    run: Callable[..., Analysis],
) -> None:
    got = triples(run("Russian troops crossed into Ukraine without the consent of Kyiv."))
    assert ("RUS", "UKR", -1, "armed_attack") in got
    assert not [t for t in got if t[3] == "military_base"]
    got = triples(run("Afghan forces paused their operations at the request of Qatar."))
    assert not [t for t in got if t[3] == "military_base"]


@pytest.mark.parametrize(
    "text,a,b",
    [
        ("Bahrain named its first ambassador to Qatar since the 2017 rift.", "BHR", "QAT"),
        (
            "Jordan appointed an ambassador to Damascus for the first time in a decade.",
            "JOR",
            "SYR",
        ),
    ],
)
def test_naming_an_ambassador_restores_ties(
    run: Callable[..., Analysis], text: str, a: str, b: str
) -> None:
    got = triples(run(text))
    assert (a, b, 1, "diplomatic_restoration") in got


def test_congo_alone_is_the_democratic_republic(run: Callable[..., Analysis]) -> None:
    got = triples(run("Angola sent troops to Congo."))
    assert ("AGO", "COD", 1, "military_base") in got
    got = triples(run("Angola sent troops to the Republic of Congo."))
    assert ("AGO", "COG", 1, "military_base") in got


@pytest.mark.parametrize(
    "text,host,senders",
    [
        ("Some 3,000 American soldiers are stationed in Romania.", "ROU", {"USA"}),
        ("Britain will station an armoured brigade in Estonia.", "EST", {"GBR"}),
        ("Italy has troops stationed in Djibouti.", "DJI", {"ITA"}),
        ("Bulgaria hosts Italian fighter jets at Graf Ignatievo air base.", "BGR", {"ITA"}),
        (
            "A NATO battlegroup led by Germany has been based at Rukla in Lithuania since 2017.",
            "LTU",
            {"NATO", "DEU"},
        ),
    ],
)
def test_forces_based_in_a_state_are_its_guests(
    run: Callable[..., Analysis], text: str, host: str, senders: set[str]
) -> None:
    got = triples(run(text))
    for sender in senders:
        assert (host, sender, 1, "military_base") in got
        assert (sender, host, 1, "military_base") in got


def test_forces_held_against_their_host_or_no_forces_are_no_guests(
    run: Callable[..., Analysis],
) -> None:
    for text in (
        "Armenian troops were stationed in the occupied districts around Karabakh.",
        "Russian troops are stationed in Ukraine's occupied south after the invasion.",
        "The arms maker is based in Paris and Madrid.",
    ):
        assert not [t for t in triples(run(text)) if t[3] == "military_base"], text


@pytest.mark.parametrize(
    "text,bloc,invited",
    [
        (
            "NATO invited Montenegro and North Macedonia to join the alliance.",
            "NATO",
            {"MNE", "MKD"},
        ),
        (
            "Leaders gathered for the ASEAN summit, where the group invited Timor-Leste to join.",
            "ASEAN",
            {"TLS"},
        ),
    ],
)
def test_a_bloc_that_invites_states_to_join_moves_toward_them(
    run: Callable[..., Analysis], text: str, bloc: str, invited: set[str]
) -> None:
    got = triples(run(text))
    for st in invited:
        assert (st, bloc, 1, "membership") in got
        assert (bloc, st, 1, "membership") in got


def test_an_invitation_to_anything_but_joining_is_no_membership(
    run: Callable[..., Analysis],
) -> None:
    got = triples(run("The EU invited Serbia to attend the summit in Brussels."))
    assert not [t for t in got if t[3] == "membership"]


@pytest.mark.parametrize(
    "text,doers,target",
    [
        (
            "Belarus received new Su-30SM jets last year. The European Union and Canada have"
            " imposed sanctions on the regime.",
            {"EU", "CAN"},
            "BLR",
        ),
        (
            "Guinea's army seized power in September. West African leaders meeting in Abuja"
            " and the African Union imposed sanctions on the junta.",
            {"AU"},
            "GIN",
        ),
    ],
)
def test_sanctions_on_a_described_state_reach_the_state(
    run: Callable[..., Analysis], text: str, doers: set[str], target: str
) -> None:
    got = triples(run(text))
    for st in doers:
        assert (st, target, -1, "sanctions") in got


@pytest.mark.parametrize(
    "text,actor,other",
    [
        ("Managua froze relations with San Jose after the border incident.", "NIC", "CRI"),
        ("Morocco suspended diplomatic relations with Germany in March.", "MAR", "DEU"),
    ],
)
def test_freezing_or_suspending_relations_is_a_rupture(
    run: Callable[..., Analysis], text: str, actor: str, other: str
) -> None:
    assert (actor, other, -1, "diplomatic_rupture") in triples(run(text))


def test_siding_with_a_leader_supports_the_state(run: Callable[..., Analysis]) -> None:
    got = triples(run("Nicaragua's Daniel Ortega sided with Vladimir Putin over the war."))
    assert ("NIC", "RUS", 1, "verbal_support") in got
    got = triples(run("Indian shells landed on the Pakistani side of the line of control."))
    assert not [t for t in got if t[3] == "verbal_support"]


def test_support_suspended_is_a_step_away(run: Callable[..., Analysis]) -> None:
    got = triples(run("The World Bank and the EU suspended budget support to Mali after the coup."))
    # budget support is aid: suspending it withdraws that aid
    assert ("EU", "MLI", -1, "aid_suspension") in got
    assert not [t for t in got if t[2] == 1]
    got = triples(run("Germany suspended its support for the Sahel mission after the coup."))
    assert not [t for t in got if t[2] == 1]


def test_hyphenated_triggers_fire(run: Callable[..., Analysis]) -> None:
    got = triples(run("Bahrain re-established diplomatic relations with Qatar on Monday."))
    assert ("BHR", "QAT", 1, "diplomatic_restoration") in got
    got = triples(run("Turkey and Pakistan co-developed the new corvette design."))
    assert ("TUR", "PAK", 1, "joint_development") in got


@pytest.mark.parametrize(
    "text,actor,target",
    [
        (
            "Honduras opened relations with China, and the government in Taipei responded by"
            " cutting its ties with the Central American country.",
            "TWN",
            "HND",
        ),
        (
            "Qatar was scrambling for food after Saudi Arabia and Bahrain severed relations"
            " with the emirate.",
            "SAU",
            "QAT",
        ),
    ],
)
def test_ties_cut_with_a_described_state_reach_the_state(
    run: Callable[..., Analysis], text: str, actor: str, target: str
) -> None:
    assert (actor, target, -1, "diplomatic_rupture") in triples(run(text))


def test_training_alongside_another_states_forces_is_a_drill(run: Callable[..., Analysis]) -> None:
    got = triples(run("Fijian soldiers trained alongside New Zealand troops near Nadi last year."))
    assert ("FJI", "NZL", 1, "joint_exercise") in got
    assert ("NZL", "FJI", 1, "joint_exercise") in got
    got = triples(run("Polish troops did not train with German units."))
    assert not [t for t in got if t[3] == "joint_exercise"]


def test_a_deal_stopped_over_a_war_is_no_drill_suspended(run: Callable[..., Analysis]) -> None:
    got = triples(
        run("Madrid decided to cancel the sale of 400 bombs to Riyadh over the war in Yemen.")
    )
    assert not [t for t in got if t[3] == "exercise_suspension"]
    got = triples(run("Belarus suspended its war games with Russia near the border."))
    assert ("BLR", "RUS", -1, "exercise_suspension") in got
    got = triples(run("Madrid did not cancel the sale of bombs to Riyadh over the war in Yemen."))
    assert not [t for t in got if t[2] == -1]


def test_an_attack_by_a_state_is_its_act(run: Callable[..., Analysis]) -> None:
    got = triples(run("An air strike by the Saudi-led coalition hit a market in northern Yemen."))
    assert ("SAU", "YEM", -1, "armed_attack") in got


def test_clashing_with_a_state_is_mutual(run: Callable[..., Analysis]) -> None:
    got = triples(run("Kyrgyzstan clashed with Tajikistan along the disputed border."))
    assert ("KGZ", "TJK", -1, "armed_attack") in got
    assert ("TJK", "KGZ", -1, "armed_attack") in got
    got = triples(run("Russia attacked Ukraine with drones and missiles."))
    assert ("UKR", "RUS", -1, "armed_attack") not in got


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Burkina Faso and Mali said they were withdrawing from ECOWAS at once.",
            {("BFA", "ECOWAS", -1, "bloc_exit"), ("MLI", "ECOWAS", -1, "bloc_exit")},
        ),
        (
            "Kyrgyzstan has frozen its participation in the Russian-led CSTO alliance.",
            {("KGZ", "CSTO", -1, "bloc_exit")},
        ),
        ("Madagascar rejoined the African Union in 2014.", {("MDG", "AU", 1, "membership")}),
        ("Eritrea rejoined IGAD in June.", {("ERI", "IGAD", 1, "membership")}),
        (
            "The African Union voted to readmit Mali after two years.",
            {("MLI", "AU", 1, "membership"), ("AU", "MLI", 1, "membership")},
        ),
    ],
)
def test_leaving_rejoining_and_readmission(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str, int, str]]
) -> None:
    got = triples(run(text))
    assert expected <= got


def test_a_bloc_that_suspends_a_member_moves_away(run: Callable[..., Analysis]) -> None:
    got = triples(run("ECOWAS suspended Guinea and Burkina Faso after the coups."))
    assert ("ECOWAS", "GIN", -1, "bloc_exit") in got
    assert ("ECOWAS", "BFA", -1, "bloc_exit") in got
    got = triples(run("Russia expelled 20 German diplomats."))
    assert not [t for t in got if t[3] == "bloc_exit"]


def test_letting_foreign_forces_onto_its_soil_hosts_them(run: Callable[..., Analysis]) -> None:
    got = triples(
        run("Romania's parliament voted to let a NATO battlegroup deploy on its territory.")
    )
    assert ("ROU", "NATO", 1, "military_base") in got
    got = triples(
        run(
            "Chad ended the defence agreement that allowed French troops to operate from its"
            " territory."
        )
    )
    assert ("TCD", "FRA", -1, "military_base") in got
    got = triples(run("Hungary did not allow Ukrainian troops to enter."))
    assert not [t for t in got if t[3] == "military_base"]


def test_examples_hung_after_the_verb_are_the_plural_subjects(
    run: Callable[..., Analysis],
) -> None:
    got = triples(run("Several countries imposed sanctions on Iran, including Japan and Canada."))
    assert {("JPN", "IRN", -1, "sanctions"), ("CAN", "IRN", -1, "sanctions")} <= got
    got = triples(
        run("Eleven nations joined the exercise, including Chile, Peru and the Philippines.")
    )
    assert {("CHL", "PER", 1, "joint_exercise"), ("PHL", "CHL", 1, "joint_exercise")} <= got


def test_joining_the_drill_named_before_joins_all_its_parties(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Japan and the Philippines opened the Kamandag exercise on Monday. Nine nations joined"
        " the drills, including Chile and Canada."
    )
    got = triples(run(text))
    assert {("JPN", "CHL", 1, "joint_exercise"), ("CAN", "PHL", 1, "joint_exercise")} <= got
    # who hears of the drill takes no part in it
    text = (
        "Japan and the Philippines opened the Kamandag exercise on Monday. Officials said China"
        " had been notified of the drills."
    )
    got = triples(run(text))
    assert not [t for t in got if "CHN" in t[:2]]


def test_forces_that_come_to_a_drill_from_states_take_part(run: Callable[..., Analysis]) -> None:
    text = (
        "Chile and Peru opened the Unitas exercise off Valparaiso on Monday. Alongside Chilean"
        " and Peruvian forces, troops and ships have come from Brazil, Ecuador and Mexico."
    )
    got = triples(run(text))
    assert {("BRA", "CHL", 1, "joint_exercise"), ("MEX", "ECU", 1, "joint_exercise")} <= got
    # what comes from a state is no contingent unless it is forces
    text = (
        "Chile and Peru opened the Unitas exercise off Valparaiso on Monday. Criticism came"
        " from Bolivia."
    )
    assert not [t for t in triples(run(text)) if "BOL" in t[:2] and t[3] == "joint_exercise"]


def test_a_copula_clause_on_a_noun_speaks_of_its_own_subject(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The prime minister has tried to balance ties with Washington and Brussels, where"
        " Montenegro is a candidate for membership of the European Union."
    )
    got = triples(run(text))
    assert ("MNE", "EU", 1) in {t[:3] for t in got}
    assert not [t for t in got if t[0] == "USA" and t[1] == "EU"]
    got = triples(run("Austria, which is not a member of NATO, has bought Black Hawks."))
    assert not [t for t in got if t[1] == "NATO"]


def test_where_an_act_is_done_is_not_its_target(run: Callable[..., Analysis]) -> None:
    text = (
        "Sudan signed agreements establishing full diplomatic relations with Morocco and Oman"
        " at the White House on Tuesday, making them the first states to normalise ties with"
        " Sudan since 1979."
    )
    got = {t[:3] for t in triples(run(text))}
    assert {("SDN", "MAR", 1), ("SDN", "OMN", 1)} <= got
    assert not [t for t in got if "USA" in t[:2]]


@pytest.mark.parametrize(
    "text,judged,spared",
    [
        ("Algeria condemned Russia's invasion of Ukraine.", ("DZA", "RUS", -1), ("DZA", "UKR")),
        (
            "Leaders of the Group of Seven condemned Iran's attack on Israel.",
            ("G7", "IRN", -1),
            ("G7", "ISR"),
        ),
        # the undoing of an act favours the one it was aimed at
        (
            "Oman welcomed the lifting of international sanctions on Iran.",
            ("OMN", "IRN", 1),
            None,
        ),
    ],
)
def test_a_judged_act_is_held_against_its_doer_not_its_victim(
    run: Callable[..., Analysis],
    text: str,
    judged: tuple[str, str, int],
    spared: tuple[str, str] | None,
) -> None:
    got = {t[:3] for t in triples(run(text))}
    assert judged in got
    if spared is not None:
        assert not [t for t in got if t[:2] == spared]


def test_declining_to_condemn_is_no_criticism(run: Callable[..., Analysis]) -> None:
    text = (
        "A Russian delegation attended, given the war in Ukraine, which Algeria has declined to"
        " condemn at the United Nations."
    )
    assert not [t for t in triples(run(text)) if t[0] == "DZA" and t[2] == -1]


@pytest.mark.parametrize(
    "text,absent",
    [
        (
            "The French foreign ministry said it supported the UN-recognised government in"
            " Tripoli.",
            ("FRA", "UN"),
        ),
        (
            "Syrian army units backed by Iranian-supported militias captured Saraqeb.",
            ("SYR", "IRN"),
        ),
    ],
)
def test_who_stands_behind_a_party_is_not_that_party(
    run: Callable[..., Analysis], text: str, absent: tuple[str, str]
) -> None:
    assert not [t for t in triples(run(text)) if t[:2] == absent]


def test_a_pact_that_threatens_is_no_act_of_its_parties(run: Callable[..., Analysis]) -> None:
    text = (
        "Foreign Minister Ramtane Lamamra warned last year that the Israel-Morocco pact"
        " threatened the region."
    )
    got = {t[:3] for t in triples(run(text))}
    assert ("DZA", "ISR", -1) in got
    assert not [t for t in got if t[0] == "ISR" and t[2] == -1]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Germany suspended the sale of Leopard tanks to Saudi Arabia.", ("DEU", "SAU", -1)),
        ("Indonesia cancelled its Su-35 order with Russia.", ("IDN", "RUS", -1)),
        # a passive names what ended, not who ended it: the buyer's by default
        ("A 2018 deal for 11 Su-35 jets from Russia was abandoned in 2021.", None),
    ],
)
def test_who_ends_a_deal_turns_away_from_the_other_side(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int] | None
) -> None:
    got = {t[:3] for t in triples(run(text)) if t[3] in ("arms_supply", "arms_procurement")}
    if expected is not None:
        assert got == {expected}
    else:
        assert not [t for t in got if t[0] == "RUS"]


def test_a_war_named_only_as_a_topic_has_no_sides(run: Callable[..., Analysis]) -> None:
    text = (
        "Hungary, whose prime minister Viktor Orbán shares much of Fico's view of the war, has"
        " stayed out of the quarrel."
    )
    assert not [t for t in triples(run(text)) if t[3] == "armed_attack"]
    got = triples(run("Russia has waged the war against Ukraine since 2022."))
    assert ("RUS", "UKR", -1, "armed_attack") in got


def test_training_at_another_time_joins_no_drill_in_the_news(run: Callable[..., Analysis]) -> None:
    text = (
        "South Africa defended the drills with Russia and China. Officials also point out that"
        " the navy trained with the United States, France and Britain in recent years."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert ("ZAF", "USA") in got
    assert not [p for p in got if set(p) & {"RUS", "CHN"} and set(p) & {"USA", "FRA", "GBR"}]


def test_objecting_to_a_sale_judges_the_seller_and_is_no_party_to_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "India, which has long objected to American arms sales to Pakistan, made no comment on"
        " the transfer."
    )
    got = {t[:3] for t in triples(run(text))}
    assert ("IND", "USA", -1) in got
    assert not [t for t in got if "IND" in t[:2] and "PAK" in t[:2]]


def test_an_attack_with_no_doer_named_is_not_the_nearest_subjects(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "North Korean artillery pounded the South Korean island of Yeonpyeong on Tuesday."
        " Marines answered with K9 howitzers. President Lee Myung-bak called the shelling an"
        " attack on civilians. Washington condemned the strike."
    )
    assert not [t for t in triples(run(text)) if t[:2] == ("USA", "KOR")]


def test_forces_kept_in_a_state_at_its_request_are_its_guests(
    run: Callable[..., Analysis],
) -> None:
    got = triples(run("France keeps about 1,000 troops in Chad, at the request of N'Djamena."))
    assert {("FRA", "TCD", 1, "military_base"), ("TCD", "FRA", 1, "military_base")} <= got


def test_a_drills_parties_stay_while_it_is_in_the_news(run: Callable[..., Analysis]) -> None:
    text = (
        "Thousands of troops began the Cold Response exercise in Norway on Monday. The United"
        " States and Britain sent the largest contingents. Norwegian officials said Russia had"
        " been notified of the exercise. Finnish and Swedish army units will train alongside"
        " Norwegian brigades."
    )
    got = {t[:3] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert {("FIN", "USA", 1), ("SWE", "GBR", 1), ("GBR", "NOR", 1)} <= got
    assert not [t for t in got if "RUS" in t[:2]]


def test_a_state_speaking_of_the_drill_joins_none_of_its_parties(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Armenia and the United States began the Eagle Partner exercise near Yerevan. Kremlin"
        " spokesman Dmitry Peskov said Moscow would analyse the exercise carefully. Troops"
        " from Georgia also took part."
    )
    got = {t[:3] for t in triples(run(text))}
    assert ("GEO", "ARM", 1) in got and ("GEO", "USA", 1) in got
    assert not [t for t in got if "RUS" in t[:2] and t[2] == 1]


def test_forces_that_sail_or_fly_in_a_drill_take_part(run: Callable[..., Analysis]) -> None:
    text = (
        "Australia opened Exercise Kakadu off Darwin on Friday. Vessels from India and Japan"
        " sailed alongside Australian frigates. Ships from Turkey also sailed, while Russian"
        " bombers flew over the Baltic."
    )
    got = {t[:3] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert {("IND", "AUS", 1), ("JPN", "IND", 1), ("TUR", "AUS", 1)} <= got
    assert not [t for t in got if "RUS" in t[:2]]


def test_a_no_fly_zone_and_a_ships_builder_join_no_drill(run: Callable[..., Analysis]) -> None:
    text = (
        "Jordan and the United States began the Eager Lion exercise on Sunday. About 350"
        " Jordanian personnel are taking part, with a frigate built in Germany leading the"
        " contingent. He said there were no plans for a no-fly zone over Syria."
    )
    got = {t[:2] for t in triples(run(text))}
    assert ("JOR", "USA") in got
    assert not [t for t in got if "SYR" in t or "DEU" in t]


def test_a_protest_over_a_drill_makes_no_party_of_the_protester(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Russia and China opened the Vostok exercise on Thursday. Japan lodged a protest with"
        " Moscow over drills held on islands that Tokyo claims. The Indian contingent trained"
        " with Russian troops."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert ("IND", "RUS") in got
    assert not [t for t in got if "JPN" in t]


def test_habitual_training_is_no_part_of_the_drill_in_the_news(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Indonesia and the United States opened the Super Garuda Shield exercise on Wednesday,"
        " with Australia and Japan taking part. Indonesia's forces train regularly with Chinese"
        " troops as well."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert ("IDN", "CHN") in got and ("AUS", "USA") in got
    assert not [t for t in got if "CHN" in t and ("AUS" in t or "USA" in t)]


def test_a_participle_with_no_subject_takes_part_for_the_noun_it_describes(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Norway hosted the Nordic Response exercise. Norwegian, Swedish and Finnish brigades"
        " trained alongside U.S. Marines and British commandos, who landed from the sea."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert {("SWE", "USA"), ("FIN", "GBR"), ("NOR", "USA")} <= got


def test_a_base_named_in_a_state_is_hosted_there_not_by_whoever_speaks_of_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "In Australia, Prime Minister Scott Morrison said on Sunday that a Chinese naval base"
        " in the Solomons would be a red line."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "military_base"}
    assert ("AUS", "CHN") not in got and ("CHN", "AUS") not in got


def test_drill_parties_named_as_hosts_arrivals_and_lists(run: Callable[..., Analysis]) -> None:
    text = (
        "The U.S.-led Flintlock exercise opened in Ghana and Ivory Coast on Monday. African"
        " contingents include Nigeria and Senegal. Brazil and Chile sent ships or naval"
        " infantry. From outside Africa came Britain and Japan. Chinese ships arrived off the"
        " coast on Tuesday."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert {("CIV", "USA"), ("GHA", "CIV"), ("SEN", "GHA"), ("BRA", "NGA"), ("JPN", "CHL")} <= got
    assert not [t for t in got if "CHN" in t]


def test_forces_sent_to_intercept_take_no_part_in_a_patrol(run: Callable[..., Analysis]) -> None:
    text = (
        "Russian and Chinese bombers flew a joint patrol over the Sea of Japan on Tuesday. Japan"
        " scrambled fighters, and South Korea sent KF-16 jets to track the bombers."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "joint_exercise"}
    assert ("RUS", "CHN") in got
    assert not [t for t in got if "KOR" in t and ("RUS" in t or "CHN" in t)]


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        (
            "Czech Gripens and Polish F-16s began guarding Slovakia's airspace on Thursday.",
            {("CZE", "SVK"), ("SVK", "POL")},
            {("CZE", "POL"), ("POL", "CZE")},
        ),
        (
            "Italian F-35A fighters have begun patrolling Iceland's airspace from Keflavik.",
            {("ITA", "ISL"), ("ISL", "ITA")},
            set(),
        ),
        (
            "The jets will let Bulgaria police its own airspace with NATO-standard aircraft.",
            set(),
            {("BGR", "NATO"), ("NATO", "BGR")},
        ),
        (
            "Russian jets violated Estonia's airspace on Monday.",
            set(),
            {("RUS", "EST"), ("EST", "RUS")},
        ),
    ],
)
def test_guarding_another_states_airspace_is_a_presence_by_its_consent(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str]],
    absent: set[tuple[str, str]],
) -> None:
    got = {t[:2] for t in triples(run(text)) if t[2] == 1}
    assert expected <= got
    assert not absent & got


def test_the_lifting_of_sanctions_reverses_them(run: Callable[..., Analysis]) -> None:
    text = (
        "Trump announced he would order the lifting of all U.S. sanctions on Syria to give"
        " the country's new government a chance."
    )
    got = {t[:3] for t in triples(run(text))}
    assert ("USA", "SYR", 1) in got and ("USA", "SYR", -1) not in got


def test_mediators_of_a_deal_are_no_party_to_it(run: Callable[..., Analysis]) -> None:
    text = (
        "Qatar and Egypt, which are mediating between Israel and Hamas over a hostage deal,"
        " warned that escalation could derail those talks."
    )
    got = {t[:2] for t in triples(run(text)) if t[3] == "agreement"}
    assert not [t for t in got if "ISR" in t]


def test_opposition_parties_speak_for_no_state(run: Callable[..., Analysis]) -> None:
    text = (
        "Cyprus agreed to send the S-300 missiles to Crete. Opposition parties in Nicosia"
        " accused the government of bowing to pressure from Turkey."
    )
    got = {t[:3] for t in triples(run(text))}
    assert not [t for t in got if t[0] == "CYP" and t[2] == -1]


@pytest.mark.parametrize(
    "text,pair",
    [
        ("French Rafale jets struck Islamist training camps around Gao in Mali.", None),
        ("Jordanian warplanes struck militant positions in Syria.", None),
        ("Pakistani aircraft struck militant hideouts inside Afghanistan.", ("PAK", "AFG")),
        ("Russian jets struck Ukrainian positions near Bakhmut.", ("RUS", "UKR")),
    ],
)
def test_strikes_on_armed_groups_attack_no_state_unless_across_its_border(
    run: Callable[..., Analysis], text: str, pair: tuple[str, str] | None
) -> None:
    got = {t[:2] for t in triples(run(text)) if t[3] == "armed_attack"}
    assert got == ({pair} if pair else set())


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Forces of two states that fight each other attack each other.
        (
            "The outburst came a month after Tajik and Kyrgyz troops fought their deadliest"
            " border battle yet.",
            {("TJK", "KGZ"), ("KGZ", "TJK")},
            set(),
        ),
        (
            "Ukrainian troops battled against Russian and Belarusian forces.",
            {("UKR", "RUS"), ("UKR", "BLR")},
            set(),
        ),
        # Fighting a crime or for survival attacks no state; a trade fight between companies
        # sets no states against each other.
        (
            "The tanks were meant for fighting drug trafficking in Nicaragua, not for use against"
            " Costa Rica.",
            set(),
            {("NIC", "CRI")},
        ),
        (
            "Canada will buy 18 used F/A-18 Hornet fighters from Australia, abandoning a purchase"
            " caught up in a trade fight between Boeing and the Canadian planemaker Bombardier.",
            set(),
            {("USA", "CAN"), ("CAN", "USA")},
        ),
    ],
)
def test_forces_that_fight_each_other(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str]],
    absent: set[tuple[str, str]],
) -> None:
    got = {t[:2] for t in triples(run(text)) if t[3] == "armed_attack"}
    assert expected <= got
    assert not absent & got


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Its forces are heavily armed along the borders of Poland and Lithuania, both NATO"
            " members that have asked allies for more air defence.",
            {("POL", "NATO"), ("LTU", "NATO")},
        ),
        (
            "He insisted that the nuclear forces of Britain and France, both NATO members, be"
            " counted.",
            {("GBR", "NATO"), ("FRA", "NATO")},
        ),
        (
            "Kyrgyzstan and Tajikistan clashed again. Both countries belong to the Collective"
            " Security Treaty Organization.",
            {("KGZ", "CSTO"), ("TJK", "CSTO")},
        ),
        (
            "Kyrgyzstan and Tajikistan clashed again. Both countries are members of the"
            " Collective Security Treaty Organization.",
            {("KGZ", "CSTO"), ("TJK", "CSTO")},
        ),
    ],
)
def test_members_named_by_a_plural_apposition_or_a_group(
    run: Callable[..., Analysis], text: str, expected: set[tuple[str, str]]
) -> None:
    got = {t[:2] for t in triples(run(text)) if t[3] == "membership" and t[2] == 1}
    assert expected <= got


def test_blocked_proposals_shelved_talks_and_likenesses(run: Callable[..., Analysis]) -> None:
    # A proposal someone blocked was not carried out by its proposers.
    blocked = run(
        "At a meeting on December 16, Hungary and Slovakia blocked a proposal to sanction"
        " Georgian officials."
    )
    assert not [t for t in triples(blocked) if t[3] == "sanctions"]
    # Shelving talks on joining a bloc moves away from it.
    shelved = run("Georgia's government decided to shelve talks on joining the European Union.")
    assert ("GEO", "EU", -1) in {t[:3] for t in triples(shelved)}
    assert ("GEO", "EU", 1) not in {t[:3] for t in triples(shelved)}
    # "a Ukrainian-style revolution" names no Ukraine; "the Rome Statute" no Italy.
    styled = run("The Kremlin has called the protests an attempt at a Ukrainian-style revolution.")
    assert not [t for t in triples(styled) if "UKR" in t[:2]]
    rome = run(
        "Armenia's parliament voted on Tuesday to ratify the Rome Statute of the International"
        " Criminal Court."
    )
    assert not [t for t in triples(rome) if "ITA" in t[:2]]


def test_backing_a_states_civil_society_or_a_missile_it_shot_down(
    run: Callable[..., Analysis],
) -> None:
    society = run(
        "Poland would keep supporting Belarusian civil society, including students who had fled"
        " the crackdown."
    )
    assert not [t for t in triples(society) if t[:2] == ("POL", "BLR")]
    debris = run(
        "In October last year debris from a missile shot down by Ukrainian air defences fell on"
        " the northern village of Naslavcea."
    )
    assert not [t for t in triples(debris) if t[1] == "MDA"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia has been under U.S. sanctions since 2014.", ("USA", "RUS", -1)),
        ("Serbia could face US sanctions.", ("USA", "SRB", -1)),
        ("Iran, under UN sanctions since 2006, bought drones.", ("UN", "IRN", -1)),
    ],
)
def test_a_state_under_or_facing_anothers_sanctions_is_their_target(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int]
) -> None:
    got = {t[:3] for t in triples(run(text)) if t[3] == "sanctions"}
    assert got == {expected}


def test_states_that_grow_closer_and_security_aid(run: Callable[..., Analysis]) -> None:
    closer = run(
        "Israel and Egypt have grown closer on security in recent years, cooperating against"
        " militants in northern Sinai."
    )
    assert {("ISR", "EGY", 1), ("EGY", "ISR", 1)} <= {t[:3] for t in triples(closer)}
    aid = run("Washington gave security aid to Pakistan in 2018.")
    assert ("USA", "PAK", 1, "military_aid") in triples(aid)
    halted = run("Washington suspended security aid to Pakistan in 2018.")
    assert ("USA", "PAK", -1) in {t[:3] for t in triples(halted)}


def test_a_second_act_of_pressing_and_a_hosted_leader(run: Callable[..., Analysis]) -> None:
    # "and pressed both sides", hung on what the first verb urged, is the speaker's own act
    urged = run(
        "Secretary of State Antony Blinken urged Eritrea to pull out and pressed both sides to"
        " join talks."
    )
    assert {t[:2] for t in triples(urged)} == {("USA", "ERI")}
    # a leader hosted is a visit, both ways, not a foreign base
    hosted = run(
        "Eritrea's President Isaias Afwerki is expected to host Sisi and Hassan Sheikh in Asmara"
        " next week."
    )
    got = triples(hosted)
    assert ("ERI", "EGY", 1, "visit") in got and ("EGY", "ERI", 1, "visit") in got
    assert not [t for t in got if t[3] == "military_base"]


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Calling on a state to act presses it.
        ("Kishida called on North Korea to cancel the launch.", {("JPN", "PRK", -1)}, set()),
        # ... but no state speaks through senators, and a visit is no call to act.
        (
            "Senators from both parties have pressed the White House to punish Riyadh.",
            set(),
            {("SAU", "USA", -1)},
        ),
        ("Xi called on Putin in Moscow.", set(), {("CHN", "RUS", -1)}),
        # A state one acts in solidarity with is a partner, not the act's target.
        (
            "Seven years ago Sudan cut ties with Iran in solidarity with Saudi Arabia.",
            {("SDN", "IRN", -1, "diplomatic_rupture")},
            {("SDN", "SAU", -1, "diplomatic_rupture")},
        ),
        (
            "Venezuela ordered troops towards its own border with Colombia in a show of"
            " solidarity with Quito.",
            {("VEN", "ECU", 1)},
            set(),
        ),
    ],
)
def test_calls_to_act_and_partners_in_solidarity(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, ...]],
    absent: set[tuple[str, ...]],
) -> None:
    got = triples(run(text))
    short = {t[:3] for t in got}
    assert all((e in got if len(e) == 4 else e in short) for e in expected)
    assert not [a for a in absent if (a in got if len(a) == 4 else a in short)]


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Where an agreement is signed, or the city it is named after, is no party to it.
        (
            "Sweden, Finland and Turkey signed a memorandum in Madrid in June.",
            {("SWE", "TUR", 1)},
            {("SWE", "ESP", 1), ("ESP", "TUR", 1)},
        ),
        (
            "In Stockholm, Foreign Minister Ann Linde said the government saw the decision as"
            " consistent with the Madrid agreement.",
            set(),
            {("SWE", "ESP", 1)},
        ),
        # Answering another's concerns voices none.
        (
            "Finland and Sweden applied to join NATO. Swedish Prime Minister Magdalena Andersson"
            " said a delegation would travel to Ankara to address the concerns.",
            set(),
            {("SWE", "FIN", -1), ("SWE", "TUR", -1)},
        ),
        # A base a pronoun owns in a state its own phrase names.
        (
            "Turkey, by contrast, has sent additional troops to its base in Qatar.",
            {("TUR", "QAT", 1), ("QAT", "TUR", 1)},
            set(),
        ),
        (
            "Fighter jets touched down on a highway in central Taiwan, rehearsing how the air"
            " force would keep flying if Chinese missiles knocked out its bases.",
            set(),
            {("TWN", "CHN", 1), ("CHN", "TWN", 1)},
        ),
    ],
)
def test_venues_answered_concerns_and_bases_a_pronoun_owns(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Ties reinforced, forged or improved move both sides closer.
        (
            "The Philippines is also reinforcing ties with Japan and the United States.",
            {("PHL", "JPN", 1), ("JPN", "PHL", 1), ("PHL", "USA", 1)},
            set(),
        ),
        ("Ankara has improved relations with Cairo since 2021.", {("TUR", "EGY", 1)}, set()),
        # A bloc that opens accession talks with candidates: they bid to join it.
        (
            "The EU also opened accession talks with Ukraine and Moldova on Tuesday.",
            {("UKR", "EU", 1), ("MDA", "EU", 1)},
            set(),
        ),
        # ... but a bloc named as the owner of "their" ministers talks with no one.
        (
            "Poland, Hungary and the Czech Republic became members of NATO on Friday, when their"
            " foreign ministers handed the instruments of accession to U.S. Secretary of State"
            " Madeleine Albright.",
            {("POL", "NATO", 1)},
            {("USA", "NATO", 1)},
        ),
        # Turning to several states turns to each.
        (
            "India's purchases from Moscow have fallen as it turns to the United States, France"
            " and Israel.",
            {("IND", "USA", 1), ("IND", "FRA", 1), ("IND", "ISR", 1)},
            set(),
        ),
        # A restored tie joins the states it names, not whoever brokered it.
        (
            "China brokered the restoration of Saudi-Iranian ties in March.",
            {("SAU", "IRN", 1), ("IRN", "SAU", 1)},
            {("CHN", "SAU", 1), ("SAU", "CHN", 1)},
        ),
        (
            "Saudi Arabia and Iran announced the resumption of diplomatic relations.",
            {("SAU", "IRN", 1), ("IRN", "SAU", 1)},
            set(),
        ),
        # Welcoming a cooperative act welcomes its parties.
        (
            "Oman welcomed the resumption of talks between Washington and Tehran.",
            {("OMN", "USA", 1), ("OMN", "IRN", 1)},
            set(),
        ),
        # A tie that is the subject and breaks down.
        (
            "Israel has not taken part since relations with Turkey broke down a decade ago.",
            {("ISR", "TUR", -1), ("TUR", "ISR", -1)},
            set(),
        ),
        # A "signs of drift between" two capitals is no pact, and troops marching together on
        # a square are no tie.
        (
            "Thai military purchases have long been watched for signs of drift between"
            " Washington and Beijing.",
            set(),
            {("USA", "CHN", 1), ("CHN", "USA", 1)},
        ),
        # Called a close partner; standing behind a state.
        ("Rubio described Guyana as a close partner.", {("USA", "GUY", 1)}, set()),
        ("London stands behind Guyana.", {("GBR", "GUY", 1)}, set()),
    ],
)
def test_ties_reinforced_restored_or_broken_and_bids_a_bloc_hears(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Support ended keeps its target.
        ("Washington ended its support for Saudi Arabia.", {("USA", "SAU", -1)}, set()),
        # Arms exports under a ban are withheld; a ban that is lifted or lapses withholds none.
        (
            "Germany has kept a ban on new arms exports to Saudi Arabia since 2018.",
            {("DEU", "SAU", -1)},
            {("DEU", "SAU", 1), ("SAU", "DEU", 1)},
        ),
        (
            "Russia lifted its informal embargo on arms sales to Pakistan last year.",
            {("RUS", "PAK", 1)},
            {("RUS", "PAK", -1)},
        ),
        (
            "A United Nations ban on major arms sales to Iran lapsed in October 2020.",
            set(),
            {("UN", "IRN", -1), ("IRN", "UN", -1)},
        ),
        # What a state is criticised for is its own act, not the critic's.
        (
            "Germany criticised Russia for its invasion of Ukraine.",
            {("DEU", "RUS", -1), ("RUS", "UKR", -1)},
            {("DEU", "UKR", -1)},
        ),
        # ... while a partnership a state thanks another for binds both.
        (
            'Ghana\'s president thanked Washington for "a partnership that delivers".',
            {("GHA", "USA", 1)},
            set(),
        ),
        # Withdrawn backing for a project is aimed at no one who pursued it.
        (
            "Israel pursued the EastMed pipeline with Greece before Washington withdrew its"
            " backing for the project in January.",
            set(),
            {("USA", "ISR", -1), ("USA", "GRC", -1)},
        ),
    ],
)
def test_support_ended_bans_and_acts_a_state_is_judged_for(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected",
    [
        # Pointing a laser at another state's ship or aircraft is coercion of its owner.
        (
            "A Chinese coast guard ship pointed a military-grade laser at a Philippine patrol"
            " vessel near Second Thomas Shoal.",
            ("CHN", "PHL", -1),
        ),
        ("A Chinese destroyer aimed a laser at an Australian P-8 aircraft.", ("CHN", "AUS", -1)),
        # Relations repaired or mended are restored.
        (
            "Turkey has repaired relations with the United Arab Emirates since 2021.",
            ("TUR", "ARE", 1),
        ),
        ("Ankara and Cairo mended ties in 2023.", ("EGY", "TUR", 1)),
    ],
)
def test_lasers_aimed_and_relations_repaired(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, int]
) -> None:
    assert expected in {t[:3] for t in triples(run(text))}


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Relying on two states relies on each; no gapped second object without a first.
        (
            "Myanmar has relied on Russia and China for arms.",
            {("MMR", "RUS", 1), ("MMR", "CHN", 1)},
            set(),
        ),
        # Seizing power attacks no one.
        (
            "Myanmar, whose military seized power in 2021, has relied on Russia for arms.",
            {("MMR", "RUS", 1)},
            {("MMR", "RUS", -1)},
        ),
        # Battling an epidemic fights no state the parser joins to it.
        (
            "India is battling a record wave of Covid-19 infections, and several countries,"
            " including the United States, have sent oxygen.",
            set(),
            {("IND", "USA", -1)},
        ),
        ("Ukraine fought Russia's forces near Kharkiv.", {("UKR", "RUS", -1)}, set()),
        # Who warns about another's exercises does not take part in them.
        (
            "Lithuanian officials have repeatedly warned about large Russian exercises near"
            " their border.",
            set(),
            {("LTU", "RUS", 1), ("RUS", "LTU", 1)},
        ),
    ],
)
def test_objects_relied_on_fought_or_warned_about(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Sanctions from a state imposed on the one that faces them.
        ("Russia faced new sanctions from Britain.", {("GBR", "RUS", -1)}, set()),
        ("Belarus faces sanctions from the European Union.", {("EU", "BLR", -1)}, set()),
        # Every state that imposes them, from a list or a participle's agent; none of them
        # targets another.
        (
            "Belarus remains under broad sanctions from the United States and the EU.",
            {("USA", "BLR", -1), ("EU", "BLR", -1)},
            set(),
        ),
        (
            "Belarus remains under sanctions imposed by the United States and the EU.",
            {("USA", "BLR", -1), ("EU", "BLR", -1)},
            {("EU", "USA", -1)},
        ),
        # Relations that are strained or sour between two states, or whose owner a "whose"
        # clause names.
        (
            "Indonesia, whose relations with Canberra have been strained since a spying row,"
            " was briefed.",
            {("IDN", "AUS", -1), ("AUS", "IDN", -1)},
            set(),
        ),
        ("Relations between Rabat and Algiers soured in 2021.", {("MAR", "DZA", -1)}, set()),
        # A tie that is strained as an object names its own parties; what strains it is none.
        (
            "The war in Georgia strained relations between Moscow and Washington.",
            {("RUS", "USA", -1), ("USA", "RUS", -1)},
            {("GEO", "RUS", -1), ("GEO", "USA", -1)},
        ),
        # ... but the agent of the straining is no party to the tie.
        (
            "Turkey's relations with its Western allies were already strained by its purchase of"
            " Russian S-400 systems.",
            set(),
            {("RUS", "TUR", -1), ("TUR", "RUS", -1)},
        ),
        # Telling an ambassador to go expels him.
        ("Estonia answered by telling the Russian ambassador to go.", {("EST", "RUS", -1)}, set()),
    ],
)
def test_sanctions_faced_from_a_state_and_relations_strained(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


def test_states_that_buy_weapons_jointly_move_toward_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = "Germany and Norway are also jointly buying new submarines from Thyssenkrupp."
    holds(run(text), {("DEU", "NOR", 1), ("NOR", "DEU", 1)}, set())


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Each conjunct's forces are guests of the place they are based in; a relative clause
        # on that place names no host.
        (
            "About 1,500 French soldiers and 1,100 American troops are based in Niger, where the"
            " United States operates a drone base near Agadez.",
            {("NER", "FRA", 1), ("NER", "USA", 1), ("USA", "NER", 1)},
            {("FRA", "USA", 1), ("USA", "FRA", 1)},
        ),
        # "the country" they are based in is not the state that owns them.
        (
            "Western governments treated Niger as their partner in the Sahel. About 1,500 French"
            " soldiers and 1,100 American troops are based in the country.",
            {("NER", "FRA", 1), ("NER", "USA", 1)},
            {("FRA", "USA", 1), ("USA", "FRA", 1)},
        ),
        # A base a state keeps somewhere is its own, with no owner in the base's phrase.
        (
            "France now keeps a permanent base in Djibouti.",
            {("DJI", "FRA", 1), ("FRA", "DJI", 1)},
            set(),
        ),
        ("Russia has a naval base in Tartus.", {("SYR", "RUS", 1)}, set()),
        # ... and every base a list of what it keeps names.
        (
            "France keeps a naval base in Djibouti and an air base in Chad.",
            {("DJI", "FRA", 1), ("TCD", "FRA", 1), ("FRA", "TCD", 1)},
            set(),
        ),
        # ... but not one a relative clause places.
        (
            "London keeps a garrison at Mount Pleasant, on the islands Argentina calls the"
            " Malvinas.",
            set(),
            {("ARG", "GBR", 1), ("GBR", "ARG", 1)},
        ),
        # A base closed or vacated ends the presence: the host moves away.
        (
            "The departure follows the closure of French bases in Chad in January.",
            {("TCD", "FRA", -1)},
            {("TCD", "FRA", 1), ("FRA", "TCD", 1)},
        ),
        ("France closed its bases in Chad in January.", {("TCD", "FRA", -1)}, {("TCD", "FRA", 1)}),
        # ... but a closing only demanded ends nothing.
        (
            "The demands included shutting a Turkish military base in Qatar.",
            set(),
            {("QAT", "TUR", -1)},
        ),
    ],
)
def test_bases_kept_closed_and_forces_based_in_a_state(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # An attack that kills a state's people strikes that state, not the place it hit.
        (
            "Two days earlier a U.S. drone strike at Baghdad airport killed Iranian general"
            " Qassem Soleimani.",
            {("USA", "IRN", -1)},
            {("USA", "IRQ", -1)},
        ),
        # A clause with its own subject, joined by "and", tells of other states: an act with
        # no named counterpart does not take them.
        (
            "Russia's Foreign Minister toured Brazil, Venezuela, Nicaragua and Cuba in April, and"
            " Brazilian President Lula has refused to join Western sanctions.",
            set(),
            {("BRA", "VEN", 1), ("BRA", "NIC", 1)},
        ),
        # ... but one subject's second act keeps the first act's counterpart.
        (
            "The United States paused more than $95 million in aid to the Georgian government"
            " and postponed the Noble Partner exercise.",
            {("USA", "GEO", -1)},
            set(),
        ),
    ],
)
def test_attacks_that_kill_and_counterparts_of_another_clause(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Blocking what is aimed against a state shields it.
        (
            "Russia and China have blocked every new Security Council measure against North"
            " Korea since May 2022.",
            {("RUS", "PRK", 1), ("CHN", "PRK", 1)},
            {("RUS", "PRK", -1), ("CHN", "PRK", -1)},
        ),
        ("Russia vetoed a resolution condemning Syria.", {("RUS", "SYR", 1)}, {("RUS", "SYR", -1)}),
        (
            "Hungary and Slovakia blocked a proposal to sanction Georgian officials.",
            {("HUN", "GEO", 1), ("SVK", "GEO", 1)},
            {("HUN", "SVK", 1)},
        ),
        (
            "Russia vetoed a Security Council resolution that would have renewed sanctions"
            " against individuals in Mali.",
            {("RUS", "MLI", 1)},
            {("RUS", "UN", 1)},
        ),
        # ... but a state's own proposal or bid blocked is held back.
        ("Russia vetoed a US resolution on Syria.", {("RUS", "USA", -1)}, set()),
        ("Turkey vetoed Sweden's membership.", {("TUR", "SWE", -1)}, set()),
    ],
)
def test_blocking_what_is_aimed_against_a_state_shields_it(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Humanitarian or economic aid backs its recipient; the recipient may be the subject.
        ("Qatar pledged humanitarian aid to Lebanon.", {("QAT", "LBN", 1, "civil_aid")}, set()),
        (
            "The United States gave Jordan $1.5 billion in economic assistance.",
            {("USA", "JOR", 1, "civil_aid")},
            set(),
        ),
        (
            "Lebanon received humanitarian aid from Qatar.",
            {("QAT", "LBN", 1, "civil_aid")},
            {("LBN", "QAT", 1, "civil_aid")},
        ),
        # Aid that is frozen or cut withdraws the backing.
        (
            "Washington froze economic aid to Niger after the coup.",
            {("USA", "NER", -1, "aid_suspension")},
            {("USA", "NER", 1, "civil_aid")},
        ),
        # Aid with no recipient named backs no one in its sentence.
        (
            "Egypt pledged humanitarian aid at a donors' conference in Paris.",
            set(),
            {("EGY", "FRA", 1, "civil_aid")},
        ),
    ],
)
def test_humanitarian_and_economic_aid_back_the_recipient(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int, str]],
    absent: set[tuple[str, str, int, str]],
) -> None:
    got = set(triples(run(text)))
    assert expected <= got
    assert not absent & got


def test_a_material_act_on_a_counted_group_reaches_each_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Juntas now run Mali, Burkina Faso and Niger. Washington suspended most security"
        " assistance to the three countries."
    )
    holds(run(text), {("USA", "MLI", -1), ("USA", "BFA", -1), ("USA", "NER", -1)}, set())


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # An act named only as the one set aside is not done.
        (
            "Ukraine's foreign ministry said it expected EU members to show solidarity rather than"
            " sign side deals with the Kremlin.",
            set(),
            {("EU", "RUS", 1), ("RUS", "EU", 1)},
        ),
        (
            "Poland chose to buy Korean tanks instead of signing a deal with Germany.",
            {("POL", "KOR", 1)},
            {("POL", "DEU", 1)},
        ),
        # "Work" is joint work only as a verb.
        (
            "Under the plan, NATO would take over much of the work of the US-led Ukraine Defense"
            " Contact Group, which has organised deliveries of tanks.",
            set(),
            {("NATO", "USA", 1), ("USA", "NATO", 1)},
        ),
        (
            "Turkey and Pakistan will work together on the TF-X fighter.",
            {("TUR", "PAK", 1), ("PAK", "TUR", 1)},
            set(),
        ),
    ],
)
def test_acts_set_aside_and_work_as_a_noun_are_no_signal(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


def test_allies_firing_each_into_the_sea_do_not_fire_at_each_other(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Early on Wednesday, the US and South Korean armies each fired two Army Tactical"
        " Missile System rockets into the East Sea."
    )
    holds(run(text), set(), {("USA", "KOR", -1), ("KOR", "USA", -1)})
    holds(run("Ecuador and Peru each expelled two diplomats."), {("ECU", "PER", -1)}, set())


def test_joining_states_in_an_act_is_no_membership(run: Callable[..., Analysis]) -> None:
    text = (
        "Japan has joined the United States and the European Union in freezing the assets of"
        " the Russian central bank."
    )
    holds(run(text), set(), {("JPN", "EU", 1), ("JPN", "USA", 1)})
    holds(run("Finland joined NATO in 2023."), {("FIN", "NATO", 1)}, set())


def test_forces_backed_by_weapons_are_backed_by_no_state(run: Callable[..., Analysis]) -> None:
    text = (
        "Turkish troops and allied Syrian fighters crossed the border on Wednesday, backed by"
        " F-16 jets and artillery."
    )
    holds(run(text), set(), {("TUR", "SYR", 1)})
    holds(run("Kenya is backed by Washington."), {("USA", "KEN", 1)}, set())


def test_an_act_in_a_phrase_of_time_is_read_on_its_own(run: Callable[..., Analysis]) -> None:
    text = (
        "A Russian surveillance plane was shot down by Syrian air defences during an Israeli"
        " air raid on the Syrian coast."
    )
    holds(run(text), {("ISR", "SYR", -1), ("SYR", "RUS", -1)}, set())


@pytest.mark.parametrize(
    "text,absent",
    [
        # A "non-" bloc names no membership.
        (
            "President Joe Biden has formally designated Colombia a major non-NATO ally.",
            {("USA", "NATO", 1), ("COL", "NATO", 1)},
        ),
        # Street protests are people's, not a state's.
        (
            "Venezuela's National Guard has received Chinese-made VN-4 armoured vehicles, as the"
            " government of President Nicolás Maduro faces a month of street protests.",
            {("VEN", "CHN", -1)},
        ),
    ],
)
def test_a_non_bloc_and_street_protests_say_nothing_of_states(
    run: Callable[..., Analysis], text: str, absent: set[tuple[str, str, int]]
) -> None:
    holds(run(text), set(), absent)
    holds(run("Finland became a NATO ally in 2023."), {("FIN", "NATO", 1)}, set())


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # Backing a hostile act is hostility to its victim, and support of whoever does it.
        (
            "Austria does back the bloc's sanctions against Russia over Crimea.",
            {("AUT", "RUS", -1)},
            {("AUT", "RUS", 1)},
        ),
        (
            "Austria backs EU sanctions against Russia.",
            {("AUT", "EU", 1), ("AUT", "RUS", -1)},
            {("AUT", "RUS", 1)},
        ),
        (
            "Poland welcomed the American strikes on Iran.",
            {("POL", "USA", 1), ("POL", "IRN", -1)},
            {("POL", "IRN", 1)},
        ),
        # ... not a war a clause in what is welcomed speaks of ending,
        (
            "The White House welcomed any effort to ease tensions and end the war in Yemen.",
            set(),
            {("USA", "YEM", -1)},
        ),
        # ... and the parties of a cooperative act are no victims.
        (
            "Germany supported the resumption of talks between Washington and Tehran.",
            {("DEU", "USA", 1), ("DEU", "IRN", 1)},
            {("DEU", "IRN", -1)},
        ),
    ],
)
def test_backing_a_hostile_act_is_hostility_to_its_victim(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


def test_an_envoy_expelled_from_a_state_is_expelled_by_it(run: Callable[..., Analysis]) -> None:
    holds(
        run("France's ambassador was expelled from Niger."),
        {("NER", "FRA", -1)},
        {("FRA", "NER", -1)},
    )
    holds(run("France's ambassador was recalled from Niger."), {("FRA", "NER", -1)}, set())


def test_states_joined_in_an_act_do_it_too(run: Callable[..., Analysis]) -> None:
    text = (
        "Canada imposed sanctions on Russia, joining the United States and Britain in"
        " punishing Moscow."
    )
    holds(run(text), {("CAN", "RUS", -1), ("USA", "RUS", -1), ("GBR", "RUS", -1)}, set())


def test_a_state_that_designates_another_its_ally_moves_toward_it(
    run: Callable[..., Analysis],
) -> None:
    text = "The United States formally designated Brazil a major non-NATO ally on Wednesday."
    holds(run(text), {("USA", "BRA", 1)}, {("USA", "NATO", 1), ("BRA", "NATO", 1)})


def test_a_bloc_named_on_its_members_acts_as_the_bloc(run: Callable[..., Analysis]) -> None:
    text = (
        "Leaders of the six Gulf Cooperation Council states and the ten-member Association of"
        " Southeast Asian Nations met in Riyadh for their first summit, agreeing on a framework"
        " for cooperation."
    )
    got = {t[:3] for t in triples(run(text))}
    assert got == {("GCC", "ASEAN", 1), ("ASEAN", "GCC", 1)}
    holds(
        run("The six Gulf Cooperation Council states signed a pact with Japan."),
        {("GCC", "JPN", 1)},
        {("SAU", "ARE", 1), ("SAU", "GCC", 1)},
    )
    # a bloc named beside a count of governments still stands for its members
    holds(
        run("The three governments signed a pact, the Alliance of Sahel States."),
        {("MLI", "BFA", 1)},
        set(),
    )


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Yemen's Houthi movement fired missiles at Saudi Arabia.", ("YEM", "SAU", -1)),
        ("Lebanon's Hezbollah fighters fired rockets at Israel.", ("LBN", "ISR", -1)),
        (
            "Saudi Arabia's coalition later struck Houthi sites around Sanaa.",
            ("SAU", "YEM", -1),
        ),
        (
            "Yemen's Houthi movement fired missiles at Saudi Arabia. Washington condemned"
            " the attack.",
            ("USA", "YEM", -1),
        ),
    ],
)
def test_a_named_armed_group_is_no_state(
    run: Callable[..., Analysis], text: str, absent: tuple[str, str, int]
) -> None:
    holds(run(text), set(), {absent})
    holds(
        run("Iran fired missiles at Israel. Washington condemned the attack."),
        {("USA", "IRN", -1)},
        set(),
    )


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        (
            "Turkey and the United Arab Emirates also train Somali units.",
            {("TUR", "SOM", 1, "military_training"), ("ARE", "SOM", 1, "military_training")},
            {("TUR", "ARE", 1), ("SOM", "TUR", 1)},
        ),
        (
            "France continues to train Cameroon's army.",
            {("FRA", "CMR", 1, "military_training")},
            {("CMR", "FRA", 1)},
        ),
        (
            "France stopped training Malian troops.",
            {("FRA", "MLI", -1, "aid_suspension")},
            {("FRA", "MLI", 1)},
        ),
        ("The navy trained near the border of NATO.", set(), {("NATO", "NATO", 1)}),
        ("Ukrainian pilots trained in Denmark on F-16s.", set(), {("UKR", "DNK", 1)}),
    ],
)
def test_training_another_state_forces(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int, str]],
    absent: set[tuple[str, str, int]],
) -> None:
    result = run(text)
    assert expected <= triples(result)
    assert not absent & {t[:3] for t in triples(result)}
    if not expected:
        assert not [t for t in triples(result) if t[3] == "military_training"]


def test_a_listed_relative_subject_and_co_agents_act_together(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The purchases come nine months into the blockade imposed by Saudi Arabia, the United"
        " Arab Emirates, Bahrain and Egypt, which cut diplomatic and transport links with Qatar"
        " in June 2017."
    )
    holds(
        run(text),
        {("SAU", "QAT", -1), ("ARE", "QAT", -1), ("BHR", "QAT", -1), ("EGY", "QAT", -1)},
        {("SAU", "ARE", -1), ("SAU", "EGY", -1)},
    )


def test_developed_jointly_with_a_state(run: Callable[..., Analysis]) -> None:
    text = (
        "The Prachand is India's first indigenous attack helicopter. Its Shakti engines were"
        " developed jointly with France's Safran and are produced by HAL under licence."
    )
    holds(run(text), {("IND", "FRA", 1), ("FRA", "IND", 1)}, set())
    # the Indo-French army exercise of the same name is no engine
    assert not run("India and France will hold the Shakti exercise.").procurements


def test_a_blockade_imposed_on_a_state(run: Callable[..., Analysis]) -> None:
    text = "Saudi Arabia, the UAE, Bahrain and Egypt imposed a blockade on Qatar in 2017."
    holds(
        run(text),
        {("SAU", "QAT", -1), ("ARE", "QAT", -1), ("BHR", "QAT", -1), ("EGY", "QAT", -1)},
        {("SAU", "ARE", -1)},
    )


def test_co_actors_are_not_each_other_targets(run: Callable[..., Analysis]) -> None:
    text = "The accusations were intended to justify American and British strikes on Yemen."
    holds(run(text), {("USA", "YEM", -1), ("GBR", "YEM", -1)}, {("USA", "GBR", -1)})
    text = (
        "Officials in Tokyo and Canberra also voiced concern, with Australia saying it was unsafe."
    )
    holds(run(text), set(), {("JPN", "AUS", -1)})
    text = "Russia's ambassador in Stockholm has repeatedly warned Sweden against joining NATO."
    holds(run(text), {("RUS", "SWE", -1)}, set())


def test_a_passive_with_its_subject_hung_elsewhere(run: Callable[..., Analysis]) -> None:
    text = "Sweden's membership bid remains blocked by Turkey and Hungary."
    holds(run(text), {("TUR", "SWE", -1), ("HUN", "SWE", -1)}, {("SWE", "TUR", -1)})
    text = "Syrian army units backed by Iranian-supported militias captured the town."
    holds(run(text), set(), {("IRN", "SYR", 1)})


def test_a_fight_along_the_border_between_two_states(run: Callable[..., Analysis]) -> None:
    cases = {
        "Two Iranian border guards were killed on Saturday in a firefight along the frontier"
        " between Iran and Afghanistan.": ("IRN", "AFG"),
        "Troops clashed on the frontier between Kyrgyzstan and Tajikistan.": ("KGZ", "TJK"),
    }
    for text, (a, b) in cases.items():
        holds(run(text), {(a, b, -1), (b, a, -1)}, set())
    # a border named in a friendly act is no fight
    holds(run("Officials met on the border between India and Nepal."), set(), {("IND", "NPL", -1)})


def test_depending_on_a_state(run: Callable[..., Analysis]) -> None:
    text = "Kyrgyzstan and Tajikistan depend on Moscow for air defence."
    holds(run(text), {("KGZ", "RUS", 1), ("TJK", "RUS", 1)}, set())
    assert not run("The price depends on the deal with France.").alignment


def test_a_state_named_in_an_attitude_is_not_that_state(run: Callable[..., Analysis]) -> None:
    holds(run("Montenegro relies on pro-Russian parties."), set(), {("MNE", "RUS", 1)})
    holds(
        run("Pro-Russian separatists attacked Ukrainian positions near Donetsk."),
        set(),
        {("RUS", "UKR", -1)},
    )


def test_a_state_the_parser_hung_as_an_apposition_in_a_list(run: Callable[..., Analysis]) -> None:
    text = "Seychelles has signed agreements with Britain, the EU and others."
    holds(run(text), {("SYC", "GBR", 1), ("SYC", "EU", 1)}, set())
    text = (
        "The United States recalled its ambassadors to El Salvador, the Dominican Republic and"
        " Panama."
    )
    holds(run(text), {("USA", "SLV", -1), ("USA", "DOM", -1), ("USA", "PAN", -1)}, set())


def test_did_so_repeats_the_act_for_its_subject(run: Callable[..., Analysis]) -> None:
    text = "Niamey expelled France's ambassador in September and Bamako did so in early 2022."
    holds(run(text), {("NER", "FRA", -1), ("MLI", "FRA", -1)}, set())


def test_all_three_stand_for_the_states_just_listed(run: Callable[..., Analysis]) -> None:
    text = (
        "Mali, Burkina Faso and Niger formed a confederation. All three have expelled French"
        " troops and drawn closer to Russia."
    )
    holds(run(text), {("MLI", "RUS", 1), ("BFA", "RUS", 1), ("NER", "RUS", 1)}, set())
    # "the two" after two leaders are named is no pair of states named before
    text = (
        "Troops from Malawi and Uruguay were killed near Goma. Ramaphosa said he had spoken to"
        " Kagame and that the two had agreed on the need for a ceasefire."
    )
    holds(run(text), set(), {("MWI", "URY", 1)})


def test_a_possessive_description_in_an_act_names_its_state(run: Callable[..., Analysis]) -> None:
    text = (
        "North Macedonia joined NATO. Its prime minister singled out Greece, which had blocked"
        " the country's membership for years."
    )
    holds(run(text), {("GRC", "MKD", -1)}, set())


def test_a_relative_object_stands_for_the_state_it_hangs_on(run: Callable[..., Analysis]) -> None:
    text = "The European Union, which Serbia hopes to join, has urged it to align its policy."
    holds(run(text), {("SRB", "EU", 1)}, set())
    # a relative after a state inside a phrase is the phrase's ("the war in Ukraine, which")
    text = (
        "Its presence drew attention given the war in Ukraine, which Algeria declined to condemn."
    )
    holds(run(text), set(), {("DZA", "UKR", -1), ("DZA", "UKR", 1)})


def test_elevating_ties_with_a_state(run: Callable[..., Analysis]) -> None:
    text = "Hanoi elevated ties with Washington and Tokyo in 2023."
    holds(run(text), {("VNM", "USA", 1), ("VNM", "JPN", 1)}, set())
    assert not run("The UN elevated the alert level.").alignment


def test_co_holders_of_drills_near_a_state_aim_them_and_drill_together(
    run: Callable[..., Analysis],
) -> None:
    holds(
        run("Russia and China held joint drills near Japan."),
        {("RUS", "JPN", -1), ("CHN", "JPN", -1), ("RUS", "CHN", 1), ("CHN", "RUS", 1)},
        set(),
    )
    # a member of a bloc that holds the drill is no target of it
    text = (
        "Myanmar's navy also took part in the first ASEAN-Russia naval exercise off Indonesia"
        " in December 2021."
    )
    holds(run(text), {("MMR", "RUS", 1)}, {("MMR", "IDN", -1)})
    holds(run("China staged drills around Taiwan."), {("CHN", "TWN", -1)}, set())


def test_a_reversal_covers_every_item_of_its_object(run: Callable[..., Analysis]) -> None:
    text = "France has suspended its development aid and budget support to Burkina Faso."
    holds(run(text), {("FRA", "BFA", -1)}, {("FRA", "BFA", 1)})
    text = "The United States has frozen new arms deliveries and economic aid to Islamabad."
    holds(run(text), {("USA", "PAK", -1)}, {("USA", "PAK", 1)})


def test_a_hostile_act_refused_gives_no_signal(run: Callable[..., Analysis]) -> None:
    text = "Kuwait said it would not recall its ambassador from Doha."
    holds(run(text), set(), {("KWT", "QAT", 1), ("KWT", "QAT", -1)})
    # a refused cooperative act still points away
    holds(run("Serbia refused to join the drills with NATO."), {("SRB", "NATO", -1)}, set())


def test_declaring_a_diplomat_persona_non_grata(run: Callable[..., Analysis]) -> None:
    text = "Nicaragua declared the European Union's ambassador persona non grata."
    holds(run(text), {("NIC", "EU", -1)}, set())
    text = "Spain's ambassador was declared persona non grata by Nicaragua."
    holds(run(text), {("NIC", "ESP", -1)}, {("ESP", "NIC", -1)})
    text = "Nicaragua has not declared the Spanish ambassador persona non grata."
    holds(run(text), set(), {("NIC", "ESP", -1)})


def test_who_follows_another_in_an_act_does_it_too(run: Callable[..., Analysis]) -> None:
    text = (
        "Kuwait and the United Arab Emirates followed Riyadh on Saturday in recalling their"
        " ambassadors from Beirut."
    )
    holds(run(text), {("KWT", "LBN", -1), ("ARE", "LBN", -1), ("SAU", "LBN", -1)}, set())
    text = "Britain joined France in condemning Iran."
    holds(run(text), {("GBR", "IRN", -1), ("FRA", "IRN", -1)}, {("GBR", "FRA", -1)})


def test_medical_supplies_and_frozen_assets(run: Callable[..., Analysis]) -> None:
    text = "Mexico sent two navy ships loaded with fuel, food and medical supplies to Cuba."
    holds(run(text), {("MEX", "CUB", 1)}, set())
    text = "The US Treasury froze the assets of Venezuelan President Nicolás Maduro."
    holds(run(text), {("USA", "VEN", -1)}, set())
    text = "The EU imposed an asset freeze on Russian officials."
    holds(run(text), {("EU", "RUS", -1)}, set())


def test_an_act_that_has_stopped_or_is_denied_is_no_signal(run: Callable[..., Analysis]) -> None:
    text = "President Chavez said his government no longer depends on Washington."
    holds(run(text), set(), {("VEN", "USA", 1)})
    text = "Seoul denied reports that it had agreed to host additional U.S. missile batteries."
    holds(run(text), set(), {("KOR", "USA", 1), ("USA", "KOR", 1)})
    text = "Belgrade dismissed claims that it would join NATO drills."
    holds(run(text), set(), {("SRB", "NATO", 1)})
    text = "Seoul agreed to host additional U.S. missile batteries."
    holds(run(text), {("KOR", "USA", 1)}, set())


def test_an_accused_act_is_the_accused_ones(run: Callable[..., Analysis]) -> None:
    text = (
        "Rwanda cut diplomatic relations with Belgium, accusing its former colonial ruler of"
        " siding with the Democratic Republic of Congo."
    )
    holds(run(text), {("RWA", "BEL", -1)}, {("RWA", "COD", 1)})


def test_states_sailing_together_with_another_all_drill(run: Callable[..., Analysis]) -> None:
    text = "Denmark and Sweden sailed with a U.S. destroyer in a joint Baltic patrol."
    holds(run(text), {("DNK", "SWE", 1), ("SWE", "USA", 1), ("USA", "DNK", 1)}, set())


def test_each_state_listed_on_attacking_weapons_attacks(run: Callable[..., Analysis]) -> None:
    text = "American, British and Saudi warplanes pounded targets across Iraq."
    holds(run(text), {("USA", "IRQ", -1), ("GBR", "IRQ", -1), ("SAU", "IRQ", -1)}, set())
    text = "Iranian-made and Russian drones struck Kyiv."
    holds(run(text), set(), {("IRN", "UKR", -1)})


def test_a_pronoun_accused_is_the_state_named_before_it(run: Callable[..., Analysis]) -> None:
    text = "Saudi Arabia cut ties with Qatar, accusing it of being too close to Iran."
    got = {(a.subject, a.counterpart, a.direction) for a in run(text).alignment}
    assert ("SAU", "QAT", -1) in got
    assert not {c for s, c, _ in got if s == "SAU"} & {"IRN"}


def test_a_state_planning_to_station_forces_is_their_owner(
    run: Callable[..., Analysis],
) -> None:
    text = "NATO plans to station a multinational battalion in Poland next year."
    holds(run(text), {("POL", "NATO", 1), ("NATO", "POL", 1)}, set())


def test_a_drill_drawing_delegations_gathers_their_states(run: Callable[..., Analysis]) -> None:
    text = (
        "Indonesia opened its Komodo naval exercise on Monday, drawing delegations from more than"
        " 30 countries, among them the United States, China and Russia."
    )
    holds(run(text), {("IDN", "USA", 1), ("USA", "CHN", 1), ("RUS", "IDN", 1)}, set())
    text = "Indonesia opened its Komodo naval exercise. The drills attracted ships from India and Japan."
    holds(run(text), {("IND", "JPN", 1), ("JPN", "IDN", 1)}, set())


def test_signatories_listed_after_a_signing_are_its_parties(run: Callable[..., Analysis]) -> None:
    text = (
        "Finland signed a letter of intent with Germany in Brussels on Thursday to buy air"
        " defence systems together. The signatories included Britain, the Netherlands and Latvia."
    )
    holds(run(text), {("GBR", "DEU", 1), ("LVA", "FIN", 1), ("NLD", "GBR", 1)}, set())
    text = (
        "Finland signed a letter of intent with Germany on Thursday. Critics of the plan"
        " included France and Italy."
    )
    holds(run(text), set(), {("FRA", "DEU", 1), ("ITA", "FIN", 1)})
    text = "Egypt and China held a joint air exercise. The drills drew criticism from Israel."
    holds(run(text), {("EGY", "CHN", 1)}, {("ISR", "CHN", 1), ("EGY", "ISR", 1)})


def test_pressing_an_assault_is_an_attack_not_pressure(run: Callable[..., Analysis]) -> None:
    result = run("Russian forces pressed their assaults on the town of Bakhmut on Monday.")
    holds(result, {("RUS", "UKR", -1)}, set())
    assert {a.type for a in result.alignment} == {"armed_attack"}
    assert not [c for c in result.stance_cues if c.type == "pressure"]
    result = run("Turkey condemned Iran's attack on Azerbaijan's embassy.")
    holds(result, {("TUR", "IRN", -1), ("IRN", "AZE", -1)}, set())


def test_a_state_suspended_from_a_bloc_is_moved_away_from(run: Callable[..., Analysis]) -> None:
    holds(run("Guinea was suspended from ECOWAS in September."), {("ECOWAS", "GIN", -1)}, set())
    holds(run("Niger was suspended by the African Union."), {("AU", "NER", -1)}, set())
    holds(run("Mali was not suspended from ECOWAS."), set(), {("ECOWAS", "MLI", -1)})


def test_each_state_listed_as_commander_expels(run: Callable[..., Analysis]) -> None:
    text = "Italy, Spain, Denmark and Sweden ordered Russian diplomats to leave on Tuesday."
    holds(
        run(text),
        {("ITA", "RUS", -1), ("ESP", "RUS", -1), ("DNK", "RUS", -1), ("SWE", "RUS", -1)},
        set(),
    )


def test_breaking_relations_and_suspending_cooperation_are_ruptures(
    run: Callable[..., Analysis],
) -> None:
    holds(run("Mexico broke relations with Ecuador the same day."), {("MEX", "ECU", -1)}, set())
    holds(
        run("New Zealand suspended all defence cooperation with Fiji."), {("NZL", "FJI", -1)}, set()
    )
    holds(run("Germany declared 40 Russian embassy staff unwelcome."), {("DEU", "RUS", -1)}, set())
    # a word of a name is no context; a word deeper in the clause is not what is declared
    holds(
        run(
            "Leaders of the Shanghai Cooperation Organisation closed a two-day summit in Samarkand."
        ),
        set(),
        {("SCO", "RUS", -1), ("SCO", "UZB", -1)},
    )
    text = (
        "The CV90s, made by Sweden's Hägglunds and bought by the Dutch army, were declared"
        " surplus after budget cuts in The Hague."
    )
    holds(run(text), set(), {("NLD", "SWE", -1)})
    holds(run("The talks broke down over Chinese objections."), set(), {("CHN", "CHN", -1)})


def test_adverbs_and_quotes_inside_a_phrase_of_support(run: Callable[..., Analysis]) -> None:
    holds(run("London stood firmly behind Guyana."), {("GBR", "GUY", 1)}, set())
    text = 'Britain said London stood "firmly" behind Guyana\'s territorial integrity.'
    holds(run(text), {("GBR", "GUY", 1)}, set())
    holds(run("Hanoi has drawn steadily closer to Washington."), {("VNM", "USA", 1)}, set())
    holds(run("France rallied behind Copenhagen."), {("FRA", "DNK", 1)}, set())
    text = "Relations between Ankara and Islamabad have grown steadily closer."
    holds(run(text), {("TUR", "PAK", 1)}, {("TUR", "PAK", -1), ("PAK", "TUR", -1)})


def test_each_state_listed_with_a_basing_subject(run: Callable[..., Analysis]) -> None:
    text = "Britain, France and Italy have troops stationed in Estonia."
    holds(run(text), {("FRA", "EST", 1), ("EST", "ITA", 1), ("GBR", "EST", 1)}, set())
    text = (
        "Aircraft from France, Italy and the United States have flown air-policing patrols from"
        " Romanian bases since March."
    )
    holds(run(text), {("ITA", "ROU", 1), ("USA", "ROU", 1), ("ROU", "FRA", 1)}, set())


def test_a_subject_pair_after_an_opening_phrase(run: Callable[..., Analysis]) -> None:
    text = (
        "In March 2023, in a joint statement issued with China in Beijing, Saudi Arabia and Iran"
        " agreed to restore diplomatic relations."
    )
    holds(run(text), {("SAU", "IRN", 1), ("IRN", "SAU", 1)}, set())


def test_dependence_on_states_weapons_not_on_their_goods(run: Callable[..., Analysis]) -> None:
    text = "Iraq, long dependent on American and Russian equipment, signed a contract last month."
    holds(run(text), {("IRQ", "USA", 1), ("IRQ", "RUS", 1)}, set())
    holds(run("India relies on Russian and French jets."), {("IND", "FRA", 1)}, set())
    holds(run("Egypt also depends on Russian and Ukrainian wheat."), set(), {("EGY", "RUS", 1)})
    text = "Italy has been one of the European countries most dependent on Russian gas."
    holds(run(text), set(), {("ITA", "RUS", 1)})


def test_closing_a_consulate_on_command_and_loans(
    run: Callable[..., Analysis],
) -> None:
    text = "The United States has ordered China to close its consulate in Houston within 72 hours."
    holds(run(text), {("USA", "CHN", -1)}, set())
    holds(
        run("The United Arab Emirates pledged $1.5 billion in loans to Chad."),
        {("ARE", "TCD", 1)},
        set(),
    )
    holds(
        run("Japan froze new grant aid and loans to Pakistan on Friday."),
        {("JPN", "PAK", -1)},
        set(),
    )
    # a word that is also a trigger of its own acts when no one is commanded
    text = "Turkey closed its airspace to Russian military flights to Syria."
    holds(run(text), {("TUR", "RUS", -1)}, set())


def test_where_a_target_is_based_is_no_target(run: Callable[..., Analysis]) -> None:
    text = (
        "Washington imposed sanctions on the Budapest-based International Investment Bank, a"
        " Russian-controlled lender."
    )
    holds(run(text), {("USA", "RUS", -1)}, {("USA", "HUN", -1)})
    holds(run("Washington imposed sanctions on a Dubai-based firm."), set(), {("USA", "ARE", -1)})


def test_close_relations_are_no_closure(run: Callable[..., Analysis]) -> None:
    text = "Relations between Washington and Riyadh remain close on conventional arms."
    holds(run(text), set(), {("SAU", "USA", -1), ("USA", "SAU", -1)})
    text = "Belarus and China have trained so close to the border of NATO for the first time."
    holds(run(text), set(), {("BLR", "NATO", -1), ("CHN", "NATO", -1)})


def test_who_judges_drills_near_a_state_holds_none(run: Callable[..., Analysis]) -> None:
    result = run("Japan criticised Chinese drills near Taiwan.")
    holds(result, {("JPN", "CHN", -1), ("CHN", "TWN", -1)}, {("JPN", "TWN", -1)})
    assert not [a for a in result.alignment if a.type == "joint_exercise"]
    text = "Russia and China held drills near Japan."
    holds(run(text), {("RUS", "JPN", -1), ("CHN", "RUS", 1)}, set())


def test_each_state_an_object_controls_does_the_act(run: Callable[..., Analysis]) -> None:
    text = (
        "The incursion had already prompted France and Germany, along with other European"
        " governments, to suspend new arms export licences to Turkey."
    )
    holds(run(text), {("FRA", "TUR", -1), ("DEU", "TUR", -1)}, set())


def test_a_trigger_nouns_own_participle_names_its_target(run: Callable[..., Analysis]) -> None:
    text = (
        "Trump told the Treasury to lift the sanctions imposed on Turkey over its incursion"
        " into Syria."
    )
    holds(run(text), {("USA", "TUR", 1)}, {("USA", "SYR", 1)})


def test_each_listed_state_with_its_own_relative_clause_acts_alone(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Uzbekistan, which quit the Russian-led Collective Security Treaty Organization in 2012,"
        " and Tajikistan, which hosts a large Russian military base, also discussed security"
        " cooperation."
    )
    holds(
        run(text),
        {("UZB", "CSTO", -1), ("TJK", "RUS", 1), ("RUS", "TJK", 1)},
        {("TJK", "CSTO", -1), ("UZB", "RUS", 1)},
    )


def test_halted_attacks_are_no_attack(run: Callable[..., Analysis]) -> None:
    text = "Australia said on Tuesday it had temporarily halted its own air strikes over Syria."
    holds(run(text), set(), {("AUS", "SYR", -1), ("AUS", "SYR", 1)})
    holds(run("Israel launched air strikes on Syria."), {("ISR", "SYR", -1)}, set())


def test_room_for_manoeuvre_is_no_drill(run: Callable[..., Analysis]) -> None:
    text = (
        "Squeezed between Russia and China, Mongolia has spent three decades trying to widen"
        ' its room for manoeuvre through what it calls a "third neighbour" policy:'
        " cultivating the United States without provoking the two powers on its borders."
    )
    result = run(text)
    assert not [a for a in result.alignment if "exercise" in a.type]
    holds(run("Mongolia held joint exercises with the United States."), {("MNG", "USA", 1)}, set())


def test_a_host_of_several_states_troops_hosts_each(run: Callable[..., Analysis]) -> None:
    holds(
        run("Djibouti hosts American and French troops."),
        {("DJI", "USA", 1), ("USA", "DJI", 1), ("DJI", "FRA", 1), ("FRA", "DJI", 1)},
        set(),
    )
    # The noun: the state it describes hosts what its "to" phrase names.
    holds(
        run("Tajikistan, host to Russia's 201st military base, has looked to Iran."),
        {("TJK", "RUS", 1), ("RUS", "TJK", 1)},
        {("TJK", "IRN", 1)},
    )
    holds(
        run("Djibouti is host to French and American troops."),
        {("DJI", "FRA", 1), ("DJI", "USA", 1)},
        set(),
    )
    # A host of an event hosts no state's forces.
    assert not triples(run("Qatar was the host of the World Cup."))


def test_membership_in_a_joined_clause_has_the_first_clauses_subject(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Tajikistan hosts Russia's largest foreign army base, the 201st, and remains a member of"
        " the Collective Security Treaty Organization."
    )
    holds(run(text), {("TJK", "CSTO", 1), ("TJK", "RUS", 1)}, set())


def test_a_hosted_gathering_is_no_foreign_presence(run: Callable[..., Analysis]) -> None:
    text = "Last month Iceland hosted a Council of Europe summit on Ukraine."
    assert not [a for a in run(text).alignment if a.type == "military_base"]
    holds(run("Poland hosts a NATO battlegroup."), {("POL", "NATO", 1)}, set())


def test_a_civil_partys_clash_is_criticism(run: Callable[..., Analysis]) -> None:
    text = (
        "Colombia, whose president Gustavo Petro has also clashed with Israel, recalled its envoy."
    )
    result = run(text)
    assert not [a for a in result.alignment if a.type == "armed_attack"]
    holds(result, {("COL", "ISR", -1)}, {("ISR", "COL", -1)})
    text = "Cambodian troops clashed with Thai soldiers near the temple."
    holds(run(text), {("KHM", "THA", -1), ("THA", "KHM", -1)}, set())


def test_an_act_another_noun_is_about_takes_none_of_the_verbs_phrases(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The foreign ministry in Baghdad said it had lodged a complaint with the United Nations"
        " Security Council over the Iranian strikes."
    )
    holds(run(text), {("IRQ", "IRN", -1)}, {("IRN", "UN", -1), ("IRQ", "UN", -1)})
    text = "Russian forces carried out a wave of strikes against Ukraine overnight."
    holds(run(text), {("RUS", "UKR", -1)}, set())


def test_leaving_a_treaty_by_a_phrasal_verb_is_a_withdrawal(run: Callable[..., Analysis]) -> None:
    for text in (
        "Washington pulled out of the treaty with Moscow.",
        "Poland backed out of the deal with France.",
        "Warsaw walked away from the agreement with Paris.",
    ):
        result = run(text)
        assert not [a for a in result.alignment if a.direction > 0], text
        assert [a for a in result.alignment if a.type == "treaty_withdrawal"], text
    holds(run("Poland backed France's bid."), {("POL", "FRA", 1)}, set())


def test_a_broker_of_a_deal_is_no_party(run: Callable[..., Analysis]) -> None:
    text = "Russia pulled out of the grain deal brokered by Turkey and the United Nations."
    holds(run(text), set(), {("RUS", "TUR", -1), ("RUS", "UN", -1)})
    text = (
        "Saudi Arabia and Iran restored diplomatic relations last year in a deal brokered by China."
    )
    holds(run(text), {("SAU", "IRN", 1), ("IRN", "SAU", 1)}, {("IRN", "CHN", 1), ("CHN", "IRN", 1)})


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        (
            # forces deployed, sent or contributed to the drill in the news take part
            "About 3,000 troops from 19 countries began disaster-relief drills on Monday."
            " The United States has sent around 240 troops and a C-130 transport."
            " Britain, Fiji and Tonga have also deployed troops, and eight other countries,"
            " among them Canada and Germany, have sent staff officers.",
            {("USA", "GBR", 1), ("FJI", "TON", 1), ("CAN", "USA", 1), ("GBR", "DEU", 1)},
            set(),
        ),
        (
            # a participation noun as what a state is
            "Thousands of troops began the Croix du Sud exercise on Monday. Australia is the"
            " largest foreign contributor, and the United States has sent 240 troops.",
            {("AUS", "USA", 1), ("USA", "AUS", 1)},
            set(),
        ),
        (
            # a designation before a general head names a platform sent
            "Finland and Norway opened a large air exercise on Monday. The United States has"
            " sent B-52 bombers.",
            {("USA", "FIN", 1), ("NOR", "USA", 1)},
            set(),
        ),
        (
            # platforms flown beside other states' platforms in a drill take part with them
            "Finland and Norway opened a large air exercise on Monday. Britain and France are"
            " flying Typhoons and Rafales alongside Finnish F/A-18 Hornets.",
            {("GBR", "FIN", 1), ("FRA", "NOR", 1), ("FIN", "FRA", 1)},
            set(),
        ),
        (
            # forces sent somewhere that is not the drill take no part in it
            "China's armed forces began live-fire exercises in the Taiwan Strait on Tuesday."
            " The United States has sent the aircraft carrier Independence and its battle"
            " group to waters east of the island.",
            set(),
            {("USA", "CHN", 1), ("CHN", "USA", 1)},
        ),
        (
            # troops deployed to a state during a drill are hosted there, as ever
            "NATO drills began in the Baltic on Monday. The United States agreed to deploy a"
            " Patriot battery to Slovakia.",
            {("SVK", "USA", 1), ("USA", "SVK", 1)},
            set(),
        ),
    ],
)
def test_forces_sent_deployed_or_flown_in_a_drill_take_part_in_it(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


def test_the_drill_referred_back_to_keeps_its_parties_for_later_joiners(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Poland and Germany began a large exercise on Monday. German officials stressed that"
        " the exercise was defensive. Britain would send about 20,000 personnel."
    )
    holds(run(text), {("GBR", "POL", 1), ("DEU", "GBR", 1)}, set())


def test_a_relative_clause_on_a_state_that_joins_a_drill_names_no_party(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Poland and Germany began a large exercise on Monday. Hungary, whose government keeps"
        " open channels to the Kremlin, is sending a smaller contingent."
    )
    holds(run(text), {("HUN", "POL", 1), ("DEU", "HUN", 1)}, {("HUN", "RUS", 1), ("RUS", "POL", 1)})


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        (
            # welcoming an agreement told before welcomes all its parties
            "Saudi Arabia and Iran agreed on Friday to restore diplomatic relations. The"
            " agreement was announced in Beijing. In 2019 drones struck Saudi oil facilities"
            " in an attack that Riyadh and Washington blamed on Iran. The United Nations also"
            " welcomed the agreement, as did Oman.",
            {("UN", "SAU", 1), ("UN", "IRN", 1), ("OMN", "IRN", 1)},
            {("UN", "USA", 1), ("OMN", "USA", 1)},
        ),
        (
            # a decision is one state's act, however many partners it had before
            "Cyprus signed a contract with Russia for S-300 missiles in 1997. Cyprus later"
            " decided to send the missiles to Crete. Washington welcomed the decision.",
            {("USA", "CYP", 1)},
            {("USA", "RUS", 1)},
        ),
    ],
)
def test_welcoming_a_mutual_act_welcomes_each_of_its_parties(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        (
            # the state that leads a drill with no state as its subject takes part from the start
            "About 8,100 troops from 27 countries began the African Lion exercise on Monday,"
            " the largest annual US-led drill on the continent. Italy and the Netherlands have"
            " sent contingents.",
            {("USA", "ITA", 1), ("NLD", "USA", 1)},
            set(),
        ),
        (
            # a state that is the drill's host takes part
            "Thousands of troops began the African Lion exercise on Monday. Morocco is again"
            " the main host, and Ghana is taking part for the first time.",
            {("MAR", "GHA", 1), ("GHA", "MAR", 1)},
            set(),
        ),
        (
            # the forces of several states flying together in a drill
            "Thousands of troops began the African Lion exercise on Monday. US Air Force F-16s"
            " and Moroccan F-16s will fly joint sorties.",
            {("USA", "MAR", 1), ("MAR", "USA", 1)},
            set(),
        ),
        (
            # a drill named with its own host is another drill, not the one in the news
            "Iran began large drills near its border with Azerbaijan on Friday. The Iranian"
            " drills followed the Three Brothers exercise held in Baku last month.",
            set(),
            {("AZE", "IRN", 1), ("IRN", "AZE", 1)},
        ),
    ],
)
def test_a_drill_s_leader_host_and_forces_flying_together_take_part(
    run: Callable[..., Analysis],
    text: str,
    expected: set[tuple[str, str, int]],
    absent: set[tuple[str, str, int]],
) -> None:
    holds(run(text), expected, absent)


def test_they_after_the_governments_of_listed_states_is_each_of_them(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The military governments of Mali, Burkina Faso and Niger announced that they were"
        " leaving the Economic Community of West African States."
    )
    holds(run(text), {("MLI", "ECOWAS", -1), ("BFA", "ECOWAS", -1), ("NER", "ECOWAS", -1)}, set())


@pytest.mark.parametrize(
    "text",
    [
        "The United States would seek further sanctions against Russia.",
        "The United States called for new sanctions against Russia.",
        "The United States is preparing sanctions against Russia.",
    ],
)
def test_seeking_or_calling_for_sanctions_is_aimed_at_their_target(
    run: Callable[..., Analysis], text: str
) -> None:
    assert ("USA", "RUS", -1, "sanctions") in triples(run(text))


def test_pressing_a_state_for_weapons_for_a_fight_is_no_attack_on_it(
    run: Callable[..., Analysis],
) -> None:
    text = "Kyiv has pressed Western governments for tanks for the fighting in the Donbas."
    assert not [a for a in run(text).alignment if a.type == "armed_attack"]


def test_agreeing_on_measures_against_a_state_is_no_agreement_with_it(
    run: Callable[..., Analysis],
) -> None:
    holds(run("The EU agreed to prepare measures against Turkey."), set(), {("EU", "TUR", 1)})
    # what is agreed on with a state is still agreed with it
    text = "The UAE agreed to buy 50 F-35 fighters from the United States."
    holds(run(text), {("ARE", "USA", 1)}, set())


@pytest.mark.parametrize(
    "text",
    [
        "Germany criticised the strikes on Syria.",
        "Hungary opposed EU sanctions on Russia.",
    ],
)
def test_judging_an_act_does_not_judge_the_state_it_was_done_to(
    run: Callable[..., Analysis], text: str
) -> None:
    victim = "SYR" if "Syria" in text else "RUS"
    got = {t[:3] for t in triples(run(text))}
    assert not {(s, victim, -1) for s in ("DEU", "HUN")} & got


def test_a_reversal_in_a_clause_joined_after_does_not_undo_a_refusal(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Armenia refused to host drills of the Russian-led Collective Security Treaty"
        " Organization in January and has skipped several of its meetings."
    )
    got = triples(run(text))
    assert ("ARM", "CSTO", 1) not in {t[:3] for t in got}
    assert ("ARM", "CSTO", -1) in {t[:3] for t in got}
    # a reversal the refusal governs still turns it round
    got = triples(run("Armenia refused to suspend its drills with Russia."))
    assert ("ARM", "RUS", -1) not in {t[:3] for t in got}


def test_what_is_chosen_instead_is_no_party_to_what_is_dropped(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "For Paris the contract is a relief after Australia scrapped a French submarine deal in"
        " September in favour of a partnership with the United States and Britain."
    )
    got = {t[:3] for t in triples(run(text))}
    assert ("AUS", "FRA", -1) in got and ("AUS", "USA", -1) not in got
    assert ("AUS", "USA", 1) in got  # the partnership chosen is an agreement of its own
