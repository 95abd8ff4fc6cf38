"""Stance cues with speaker, target and polarity, including negation and reported speech."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from analysis.model import Analysis


def cues(result: Analysis) -> list[tuple[str, str, str | None, str | None, int]]:
    return [(c.cue, c.type, c.speaker, c.target, c.polarity) for c in result.stance_cues]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Vucic said Serbia would buy jets from France.", ("said", "attribution", "SRB", None, 0)),
        (
            "According to Russia, Serbia will receive the tanks.",
            ("According to", "attribution", "RUS", None, 0),
        ),
        ("Serbia reportedly bought drones from China.", ("reportedly", "hedge", None, None, 0)),
        (
            "Serbia suspended drills, citing pressure from the EU.",
            ("citing pressure from", "pressure", "SRB", "EU", -1),
        ),
        (
            "Washington urged Belgrade to reduce its reliance on Russia.",
            ("urged", "pressure", "USA", "SRB", -1),
        ),
        (
            "Turkey vowed to keep the S-400 despite the United States.",
            ("vowed", "commitment", "TUR", "USA", 1),
        ),
        ("Moscow denied that it had pressured Serbia.", ("denied", "denial", "RUS", "SRB", -1)),
        (
            "Analysts called it a balancing act between Russia and the EU.",
            ("balancing act", "evaluation", None, "RUS", 0),
        ),
        (
            "Serbia is walking a tightrope between Moscow and Brussels.",
            ("walking a tightrope", "evaluation", None, "SRB", 0),
        ),
        ("Serbia could face sanctions from the United States.", ("could", "hedge", None, None, 0)),
        (
            "People familiar with the matter said India will buy the S-400.",
            ("People familiar with the matter", "attribution", None, None, 0),
        ),
    ],
)
def test_cues(run: Callable[..., Analysis], sentence: str, expected: tuple) -> None:
    assert expected in cues(run(sentence))


def test_modal_may_is_a_hedge_but_the_month_is_not(run: Callable[..., Analysis]) -> None:
    assert ("may", "hedge") in [(c, t) for c, t, *_ in cues(run("Serbia may buy more jets."))]
    assert not [c for c in cues(run("The jets arrived in May.")) if c[1] == "hedge"]


def test_pronoun_speakers_resolve_to_the_last_person(run: Callable[..., Analysis]) -> None:
    result = run("Aleksandar Vucic spoke in Belgrade. He vowed that Serbia would stay neutral.")
    vowed = next(c for c in result.stance_cues if c.cue == "vowed")
    assert vowed.speaker == "SRB"


def test_offsets_point_at_the_cue(run: Callable[..., Analysis]) -> None:
    text = "Washington warned Ankara over the S-400."
    cue = run(text).stance_cues[0]
    assert text[cue.start : cue.end] == cue.cue == "warned"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Russian officials have repeatedly described the Aegis Ashore installation in"
            " Romania as a threat.",
            ("RUS", "ROU"),
        ),
        (
            "Clerides said that deploying the missiles in the face of Turkish threats would have"
            " put Cyprus at risk.",
            ("TUR", "CYP"),
        ),
        ("The move carries out a threat by President Donald Trump to punish Honduras.", None),
    ],
)
def test_a_threat_someone_poses_is_pressure(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str] | None
) -> None:
    result = run(text)
    assert [c for c in result.stance_cues if c.cue.startswith("threat") and c.type == "pressure"]
    if expected is not None:
        got = {(a.subject, a.counterpart) for a in result.alignment if a.direction == -1}
        assert expected in got


def test_a_threat_as_a_danger_is_no_pressure(run: Callable[..., Analysis]) -> None:
    text = (
        "Finland picked Israel's David's Sling to cover the gap between its short-range systems"
        " and the long-range threat."
    )
    result = run(text)
    assert not [c for c in result.stance_cues if c.type == "pressure"]
    assert not [a for a in result.alignment if a.direction == -1]


def test_a_pressure_noun_takes_its_source_as_speaker(run: Callable[..., Analysis]) -> None:
    found = cues(
        run("Ottawa kept the deal after repeated warnings from Washington that the sale was risky.")
    )
    assert any(t == "pressure" and s == "USA" for _, t, s, _, _ in found)


def test_a_quotation_speaks_for_the_one_named_after_it(run: Callable[..., Analysis]) -> None:
    found = cues(run('"We will not back down," Prime Minister Benjamin Netanyahu said.'))
    assert ("will not back down", "commitment", "ISR", None, 1) in found


def test_a_cue_aimed_at_several_states_counts_once_for_each(
    run: Callable[..., Analysis],
) -> None:
    result = run("Iran condemned the United States and Britain for the strikes.")
    targets = {c.target for c in result.stance_cues if c.cue == "condemned"}
    assert targets == {"USA", "GBR"}


@pytest.mark.parametrize(
    "text,cue,targets",
    [
        (
            "Fighting broke out between Armenia and Azerbaijan on Saturday. Moscow, which has"
            " close ties with both capitals, urged both sides to stop.",
            "urged",
            {"ARM", "AZE"},
        ),
        (
            "Ireland, Norway and Spain said they would recognise a Palestinian state. President"
            " Mahmoud Abbas's office thanked the three governments.",
            "thanked",
            {"IRL", "NOR", "ESP"},
        ),
    ],
)
def test_a_cue_aimed_at_a_group_counts_once_for_each_state_of_it(
    run: Callable[..., Analysis], text: str, cue: str, targets: set[str]
) -> None:
    assert {c.target for c in run(text).stance_cues if c.cue == cue} == targets


@pytest.mark.parametrize(
    "sentence,pledged",
    [
        ("Vietnam's defence ministry said it will not join military alliances.", "VNM"),
        ('"We will not allow our territory to be bombed," the Ecuadorean president said.', "ECU"),
        ("Saudi Arabia has not said whether it will cancel the deal.", None),
        ("Analysts said the jets will arrive in May.", None),
    ],
)
def test_will_in_what_a_state_says_of_itself_is_a_pledge(
    run: Callable[..., Analysis], sentence: str, pledged: str | None
) -> None:
    pledges = [c.speaker for c in run(sentence).stance_cues if c.type == "commitment"]
    assert pledges == ([pledged] if pledged else [])


@pytest.mark.parametrize(
    "sentence,cue,polarity",
    [
        ("Beijing said the sale was a stab in the back.", "stab in the back", -1),
        ("Moscow called the new sanctions completely unjustified.", "unjustified", -1),
        ("Rabat said the visit opened a new chapter in relations with Madrid.", "new chapter", 1),
        ("Tehran accused Washington of double standards.", "double standards", -1),
    ],
)
def test_evaluative_words_are_evaluations(
    run: Callable[..., Analysis], sentence: str, cue: str, polarity: int
) -> None:
    found = {(c.cue, c.type, c.polarity) for c in run(sentence).stance_cues}
    assert (cue, "evaluation", polarity) in found


@pytest.mark.parametrize(
    "text,cue,speaker,target",
    [
        # The act is named again by the same word: its doer is the target.
        (
            "Israel struck air defence sites in Iran on Saturday. Oil prices rose."
            " Saudi Arabia condemned the attack.",
            "condemned",
            "SAU",
            "ISR",
        ),
        # Named by another word: the state the lede is about.
        (
            "Germany will send Leopard 2 tanks to Ukraine, Berlin said on Wednesday."
            " Poland is expected to follow. Kyiv welcomed the decision.",
            "welcomed",
            "UKR",
            "DEU",
        ),
        # A relative clause: the subject of the act it refers back to.
        (
            "Chinese warships held drills around Taiwan, which the ministry in Taipei called a"
            " provocation.",
            "provocation",
            "TWN",
            "CHN",
        ),
    ],
)
def test_a_judged_act_points_at_the_state_that_did_it(
    run: Callable[..., Analysis], text: str, cue: str, speaker: str, target: str
) -> None:
    got = {(c.cue, c.speaker, c.target) for c in run(text).stance_cues}
    assert (cue, speaker, target) in got


def test_whoever_frames_an_act_speaks(run: Callable[..., Analysis]) -> None:
    text = (
        "Estonia began building bunkers on its border. Russia's foreign ministry called the"
        " fortifications a provocation."
    )
    got = {(c.cue, c.speaker, c.target) for c in run(text).stance_cues}
    assert ("provocation", "RUS", "EST") in got


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        # The one who says what is hedged holds it.
        (
            "Washington warned that the purchase could trigger sanctions on Ankara.",
            "could",
            "USA",
        ),
        # A hedging verb's own subject holds it.
        ("New Delhi is also weighing a larger purchase of drones.", "weighing", "IND"),
        # Impersonal: nobody named holds it.
        ("Russia is expected to keep targeting the power grid.", "is expected to", None),
    ],
)
def test_a_hedge_is_held_by_whoever_makes_the_claim(
    run: Callable[..., Analysis], text: str, cue: str, speaker: str | None
) -> None:
    got = {c.cue: c.speaker for c in run(text).stance_cues if c.type == "hedge"}
    assert cue in got
    assert got[cue] == speaker


@pytest.mark.parametrize(
    "text,kind",
    [
        # What a state says it would itself do is a pledge.
        ("Serbia said it would remain militarily neutral.", "commitment"),
        ("Kazakhstan said it would not recognise the annexation.", "commitment"),
        # Said of another state, or of what would befall someone, it is a forecast: no cue
        # (the annotation guide's hedges are doubts about a claim).
        ("Serbia said Russia would deliver the jets next year.", None),
        ("Moscow said the tanks would be destroyed.", None),
        ("Voters rejected a law that would have set up a fund for the jets.", None),
    ],
)
def test_a_states_own_would_is_a_pledge(
    run: Callable[..., Analysis], text: str, kind: str | None
) -> None:
    got = {c.type for c in run(text).stance_cues if c.cue.lower().startswith("would")}
    assert got == ({kind} if kind else set())


def test_each_state_of_a_coordinated_subject_speaks(run: Callable[..., Analysis]) -> None:
    text = "Mali and Burkina Faso warned Nigeria against any intervention."
    got = {(c.speaker, c.target) for c in run(text).stance_cues if c.type == "pressure"}
    assert got == {("MLI", "NGA"), ("BFA", "NGA")}


def test_according_to_unnamed_officials_speaks_for_the_state_in_focus(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Indonesia ordered Rafale jets from France in February. Indonesia dropped its Su-35 plan"
        " last year, according to officials."
    )
    got = {c.speaker for c in run(text).stance_cues if c.cue.lower() == "according to"}
    assert got == {"IDN"}


def test_a_judgement_of_an_act_said_with_a_copula_points_at_its_doer(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Russia held the Vostok exercise on disputed islands. Japanese Chief Cabinet Secretary"
        " Hirokazu Matsuno said the exercise was unacceptable."
    )
    got = {(c.cue, c.speaker, c.target) for c in run(text).stance_cues}
    assert ("unacceptable", "JPN", "RUS") in got


def test_a_denial_answers_whoever_made_the_claim(run: Callable[..., Analysis]) -> None:
    text = (
        "India said its MiG-21 shot down a Pakistani F-16 on Wednesday."
        " Pakistan denied losing any aircraft."
    )
    got = {(c.speaker, c.target) for c in run(text).stance_cues if c.type == "denial"}
    assert got == {("PAK", "IND")}


def test_states_that_speak_together_are_not_each_others_target(
    run: Callable[..., Analysis],
) -> None:
    text = "Washington, Beijing and Moscow all urged restraint."
    got = {(c.speaker, c.target) for c in run(text).stance_cues if c.type == "pressure"}
    assert got == {("USA", None), ("CHN", None), ("RUS", None)}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Switzerland rejected the Gripen. Saab said the result was disappointing.", None),
        ("Algeria bought Su-57 jets. Western diplomats say the deal has stalled.", None),
        ("Algeria bought Su-57 jets. Analysts say the deal has stalled.", None),
        ("Kazakhstan bought drones, said a diplomat in Astana.", None),
        ("Algeria bought Su-57 jets. Chinese diplomats say the deal has stalled.", "CHN"),
        ("Algeria bought Su-57 jets. Officials said the first jets had arrived.", "DZA"),
    ],
)
def test_companies_independent_voices_and_diplomats_speak_for_no_state_but_their_own_named(
    run: Callable[..., Analysis], text: str, speaker: str | None
) -> None:
    said = [c for c in run(text).stance_cues if c.type == "attribution"]
    assert said and all(c.speaker == speaker for c in said)


def hedges(result: Analysis) -> list[tuple[str, str | None]]:
    return [(c.cue, c.speaker) for c in result.stance_cues if c.type == "hedge"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # The writer's own doubt, beside a claim of someone else's: no speaker.
        ("Poland announced the order on Monday; the figure could not be verified.", None),
        ("The frigates from Spain, which it reportedly bought in 2019, arrived late.", None),
        ("Western diplomats say the Kenyan purchase may have stalled.", None),
        # A claim a state's official makes, however the report is joined to it.
        ("The first jets could arrive in May, Egyptian officials said.", "EGY"),
        ("Ghana's minister said on Friday, adding that talks could resume in June.", "GHA"),
        (
            "Egypt shelved the plan despite warnings from Washington that such a purchase"
            " could bring sanctions.",
            "USA",
        ),
    ],
)
def test_a_hedge_has_a_speaker_only_where_the_parse_gives_the_claim_one(
    run: Callable[..., Analysis], text: str, expected: str | None
) -> None:
    got = hedges(run(text))
    assert got and all(speaker == expected for _, speaker in got), got


def attributions(result: Analysis) -> list[str | None]:
    return [c.speaker for c in result.stance_cues if c.type == "attribution"]


def test_an_office_speaks_for_the_state_that_named_the_same_office(
    run: Callable[..., Analysis],
) -> None:
    # Another ministry of another state is no antecedent of "the interior ministry".
    text = (
        "Belarus's defence ministry sent troops to Kazakhstan on Friday. Kazakhstan has been"
        " shaken by protests. The interior ministry said twelve officers had been hurt."
    )
    assert attributions(run(text))[-1] == "KAZ"
    text = (
        "Georgia's air force struck Russian positions overnight. Russian forces withdrew."
        " Drones also hit a depot, the air force said."
    )
    assert attributions(run(text))[-1] == "GEO"


def test_the_ambassador_speaks_only_for_the_state_that_sent_them(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Kenya received two patrol boats at a ceremony attended by Italy's ambassador,"
        " Marco Rossi. The ambassador said the two countries were close partners."
    )
    assert attributions(run(text))[-1] == "ITA"
    text = "Kenya received two patrol boats on Monday. The ambassador said more would follow."
    assert attributions(run(text))[-1] is None


def test_state_media_speak_for_their_state_and_other_media_for_none(
    run: Callable[..., Analysis],
) -> None:
    text = "Iran tested a rocket on Monday. State media said it reached orbit."
    assert attributions(run(text)) == ["IRN"]
    text = "Iran tested a rocket on Monday. Local media said it reached orbit."
    assert attributions(run(text)) == [None]


def test_an_evaluation_is_aimed_at_a_state_other_than_its_speaker(
    run: Callable[..., Analysis],
) -> None:
    text = '"This is a historic day for Chile and for Spain," Chilean officials said on Monday.'
    cue = next(c for c in run(text).stance_cues if c.type == "evaluation")
    assert (cue.speaker, cue.target) == ("CHL", "ESP")


def test_he_reaches_back_past_sentences_that_name_no_person(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Tokayev has grown critical of Moscow. Kazakhstan declined to host the drills. It also"
        " skipped a summit. In an interview this month, he said the alliance had failed."
    )
    assert attributions(run(text))[-1] == "KAZ"


def test_pressing_parties_it_does_not_name_presses_no_state(
    run: Callable[..., Analysis],
) -> None:
    # The two sides are no two states named before: no state is pressed.
    text = (
        "Brazil's foreign minister met rebel leaders in Colombia on Monday and urged both sides"
        " to talk."
    )
    cue = next(c for c in run(text).stance_cues if c.cue == "urged")
    assert (cue.speaker, cue.target) == ("BRA", None)
    # Two states named before: each is pressed.
    text = "Brazil's foreign minister spoke to Peru and Ecuador on Monday and urged both sides to talk."
    assert {(c.speaker, c.target) for c in run(text).stance_cues if c.cue == "urged"} == {
        ("BRA", "PER"),
        ("BRA", "ECU"),
    }


def test_a_pressure_noun_is_the_state_that_modifies_it(run: Callable[..., Analysis]) -> None:
    text = "Egypt kept buying Russian jets despite the threat of US sanctions."
    cue = next(c for c in run(text).stance_cues if c.type == "pressure")
    assert (cue.speaker, cue.target) == ("USA", "EGY")


def test_an_object_pronoun_is_not_its_own_clauses_subject(run: Callable[..., Analysis]) -> None:
    text = (
        "Qatar hosts a large air base. Kuwait and Bahrain cut ties with Qatar on Tuesday, accusing it of"
        " meddling."
    )
    cue = next(c for c in run(text).stance_cues if c.cue == "accusing")
    assert (cue.speaker, cue.target) == ("KWT", "QAT")


@pytest.mark.parametrize(
    "text,expected",
    [
        # A party judges the other side of the transfer.
        (
            "Sweden will deliver six Gripen jets to Colombia. Colombian officials welcomed the "
            "deal.",
            ("welcomed", "COL", "SWE"),
        ),
        # One who takes no part backs the state armed and criticises the one arming it.
        (
            "Norway signed a contract to sell NASAMS launchers to Chile. Spain backed the sale.",
            ("backed", "ESP", "CHL"),
        ),
        (
            "Denmark agreed to sell eight F-16 fighters to Peru on Monday. China condemned the "
            "deal.",
            ("condemned", "CHN", "DNK"),
        ),
        # The word's own phrase names the transfer meant, not the one the text leads with.
        (
            "Italy bought 20 Leopard 2 tanks from Germany last year. Italy also plans to send "
            "M109 howitzers to Ukraine. Belarus condemned the plan to arm Kyiv.",
            ("condemned", "BLR", "ITA"),
        ),
    ],
)
def test_a_judged_transfer_word_targets_a_side_of_the_transfer(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {(c.cue, c.speaker, c.target) for c in run(text).stance_cues}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The foreign ministry in Lima rejected the report.", ("rejected", "PER")),
        ("Chile's foreign minister said the talks had failed.", ("said", "CHL")),
        ("Western officials said the talks had failed.", ("officials said", None)),
    ],
)
def test_an_office_named_by_its_remit_speaks_for_its_state(
    run: Callable[..., Analysis], text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in {(c.cue, c.speaker) for c in run(text).stance_cues}


def test_it_after_a_judged_act_is_that_act(run: Callable[..., Analysis]) -> None:
    """ "Kenya condemned the attack, and Ghana also criticised it": "it" is the attack, so
    its doer is the target, not the state that judged it first."""
    text = (
        "Sudan shelled villages in Chad on Monday. Kenya condemned the attack, and Ghana also "
        "criticised it."
    )
    assert ("criticised", "GHA", "SDN") in {
        (c.cue, c.speaker, c.target) for c in run(text).stance_cues
    }


def test_a_hope_about_a_claim_is_a_hedge_an_intent_is_not(run: Callable[..., Analysis]) -> None:
    # The lemmatiser reads "hoped" as "hop": the cue's listed forms still find it.
    got = cues(run("Peru said it hoped the talks with Chile would resume soon."))
    assert ("hoped", "hedge", "PER", None, 0) in got
    got = cues(run("Peru had hoped to buy frigates from Chile."))
    assert not [c for c in got if c[0] == "hoped"]


def test_a_judgement_voiced_as_a_noun_is_held_by_the_subject_that_voices_it(
    run: Callable[..., Analysis],
) -> None:
    got = cues(run("Seoul expressed its displeasure with Tokyo."))
    assert ("displeasure", "evaluation", "KOR", "JPN", -1) in got
    got = cues(run("Chile has complained about Peru."))
    assert ("complained", "evaluation", "CHL", "PER", -1) in got
    result = run("Peru voiced frustration at Chile.")
    assert ("frustration", "evaluation", "PER", "CHL", -1) in cues(result)
    assert ("PER", "CHL", -1) in {(a.subject, a.counterpart, a.direction) for a in result.alignment}


def test_pressure_on_a_deal_is_aimed_at_its_buyer_not_at_the_state_that_describes_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Egypt is buying Rafale jets from France. A 2019 deal for 20 Su-35 jets from Russia "
        "was dropped in 2022 under the threat of US sanctions."
    )
    result = run(text)
    got = cues(result)
    assert ("threat", "pressure", "USA", "EGY", -1) in got
    assert not [c for c in got if c[0] == "threat" and c[3] == "RUS"]
    assert ("USA", "EGY", -1) in {(a.subject, a.counterpart, a.direction) for a in result.alignment}


def test_a_pronoun_that_goes_on_speaking_is_the_last_speaker_not_a_person_named_in_between(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Ministers decided to ease the restrictions, said Prime Minister Luis Montenegro of "
        'Portugal. "We want to help," he said. Measures against officials linked to the old '
        "government of Nicolas Maduro will stay, he added."
    )
    got = [c for c in cues(run(text)) if c[0] == "added"]
    assert got and got[0][2] == "PRT"


def test_a_judging_verb_hung_on_what_was_said_is_the_speakers_own_act(
    run: Callable[..., Analysis],
) -> None:
    text = 'Peru said the raids were "an act of war" and accused Chile of planning them.'
    result = run(text)
    assert ("accused", "evaluation", "PER", "CHL", -1) in cues(result)
    assert ("PER", "CHL", -1) in {(a.subject, a.counterpart, a.direction) for a in result.alignment}


def test_adding_is_a_verb_of_saying_only_with_what_is_said(run: Callable[..., Analysis]) -> None:
    got = cues(run("Chile is adding two frigates to its fleet."))
    assert not [c for c in got if c[1] == "attribution"]
    got = cues(run("Chile will buy the jets, the minister said, adding that Peru was a partner."))
    assert [c for c in got if c[0] == "adding" and c[1] == "attribution"]


def test_a_phrase_saying_how_a_verb_of_saying_spoke_is_part_of_that_cue(
    run: Callable[..., Analysis],
) -> None:
    got = cues(run("Chile's defence ministry said in a statement that the jets had arrived."))
    assert [c[0] for c in got if c[1] == "attribution"] == ["said"]
    got = cues(run("In a statement, Chile condemned the deal."))
    assert ("In a statement", "attribution", "CHL", None, 0) in got


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Neither government has confirmed the sale.", [("confirmed", "hedge")]),
        ("Algeria has never confirmed reports that it ordered Su-57s.", [("confirmed", "hedge")]),
        ("The ministry declined to confirm the purchase.", [("confirm", "hedge")]),
        ("Russia confirmed the delivery.", [("confirmed", "attribution")]),
        ("It is unclear whether the jets will arrive.", [("It is unclear", "hedge")]),
    ],
)
def test_what_is_left_unconfirmed_is_hedged(
    run: Callable[..., Analysis], text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c[0], c[1]) for c in cues(run(text))] == expected


def test_an_independent_voice_named_by_its_country_speaks_for_no_state(
    run: Callable[..., Analysis],
) -> None:
    text = "Russian analysts said the Rafale decision was driven by sanctions on Moscow."
    assert all(c.speaker is None for c in run(text).stance_cues)


def test_a_judgement_noun_from_a_state_is_that_state_s(run: Callable[..., Analysis]) -> None:
    text = (
        "President Recep Tayyip Erdogan said Ankara would support Azerbaijan to the end, a"
        " remark that drew sharp criticism from Yerevan."
    )
    result = run(text)
    assert ("criticism", "evaluation", "ARM", "TUR", -1) in cues(result)
    assert ("ARM", "TUR", -1) in {(a.subject, a.counterpart, a.direction) for a in result.alignment}
    assert ("criticism", "evaluation", "CHN", None, -1) in cues(
        run("The decision drew sharp criticism from Beijing.")
    )


def test_a_relative_speaker_is_the_officials_it_stands_for(run: Callable[..., Analysis]) -> None:
    text = (
        "Poland has also handed over more than 200 T-72 tanks to Ukraine, according to officials"
        " in Warsaw, who said it was the least the country could do for a neighbour under attack."
    )
    said = [c for c in run(text).stance_cues if c.cue == "said"]
    assert [c.speaker for c in said] == ["POL"]
    # groups that name no state speak for none
    text = "Rights groups, which have urged European governments to halt arms sales, protested."
    assert not [c for c in run(text).stance_cues if c.cue == "urged" and c.speaker]


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "Saudi Arabia has halted a programme to equip the Lebanese army, the state news agency"
            " SPA said on Friday.",
            "SAU",
        ),
        ("Iran has tested a new missile, state television reported.", "IRN"),
    ],
)
def test_a_state_news_agency_or_broadcaster_speaks_for_its_state(
    run: Callable[..., Analysis], text: str, speaker: str
) -> None:
    said = [c for c in run(text).stance_cues if c.type == "attribution"]
    assert [c.speaker for c in said] == [speaker]


def test_a_warning_no_state_gives_or_receives_is_a_saying(run: Callable[..., Analysis]) -> None:
    text = "Analysts cautioned that the new frigates would take years to enter service."
    cues = [(c.cue, c.type) for c in run(text).stance_cues]
    assert ("cautioned", "attribution") in cues
    text = "Russia warned Norway that the deployment would be answered."
    assert [(c.type, c.speaker, c.target) for c in run(text).stance_cues if c.cue == "warned"] == [
        ("pressure", "RUS", "NOR")
    ]


def test_a_bare_title_is_the_person_last_named_with_it(run: Callable[..., Analysis]) -> None:
    text = (
        "Poland has sent the United States a request for 32 F-35A fighters, Defence Minister"
        " Mariusz Blaszczak said on Tuesday. The request follows orders for Patriot batteries"
        " and HIMARS launchers from Washington. Officials in Washington welcomed it. Critics at"
        " home asked whether Poland can afford the jets. The United States has not set a price."
        " Washington approved a sale of tanks to Warsaw last year. The minister said the"
        " purchase would be spread over several years."
    )
    said = [c for c in run(text).stance_cues if c.cue == "said"]
    assert [c.speaker for c in said] == ["POL", "POL"]


def test_a_passive_report_is_its_agent_s(run: Callable[..., Analysis]) -> None:
    result = run("The reopening of the embassies was announced by President Barack Obama.")
    assert [(c.cue, c.speaker) for c in result.stance_cues if c.type == "attribution"] == [
        ("announced", "USA")
    ]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Some retired air force officers argued that Australia should buy the F-22.", None),
        ("Former Indian officials said the deal was a mistake.", None),
        ("Indian officials said the deal was a mistake.", "IND"),
    ],
)
def test_one_who_has_left_office_speaks_for_no_state(
    run: Callable[..., Analysis], text: str, speaker: str | None
) -> None:
    said = [c for c in run(text).stance_cues if c.type == "attribution"]
    assert said and all(c.speaker == speaker for c in said)


def test_a_person_the_parser_joined_to_the_clause_before_speaks(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Russia has completed delivery of S-300 systems to Syria, Defence Minister Sergei"
        " Shoigu told President Vladimir Putin on Tuesday."
    )
    assert ("told", "attribution", "RUS", None, 0) in cues(run(text))


@pytest.mark.parametrize(
    "text,speaker",
    [
        # An institution written with capitals is the same reference as in lower case.
        (
            "Poland ordered 48 K9 howitzers from South Korea in July. The Defence Ministry said"
            " the first guns would arrive in December.",
            "POL",
        ),
        # A service written as a name is the state's that an earlier mention of it named.
        (
            "The Chilean Navy ordered two frigates from Britain. The Navy said they would"
            " arrive soon.",
            "CHL",
        ),
        (
            "Washington eased its embargo on the Cypriot National Guard. The National Guard"
            " said it needed new air defences.",
            "CYP",
        ),
    ],
)
def test_a_capitalised_institution_speaks_for_its_state(
    run: Callable[..., Analysis], text: str, speaker: str
) -> None:
    said = [c for c in run(text).stance_cues if c.type == "attribution"]
    assert said and said[-1].speaker == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        # The press, a company and the opposition are no state's voice; a state's own media
        # and its agencies are.
        ("Pakistani media reported this month that Islamabad intends to buy 40 jets.", None),
        ("Chinese state media reported that Beijing would respond.", "CHN"),
        ("Naval Group said the cancellation was a major disappointment.", None),
        (
            "Opposition politicians from the Fidesz party said the lease had delayed the"
            " Hungarian air force's modernisation.",
            None,
        ),
        ("According to Ecuadorian media, the hardware includes Mi-17 helicopters.", None),
        (
            "The helicopters arrived this week, according to a statement from Morocco's Royal"
            " Armed Forces.",
            "MAR",
        ),
        (
            "The United States approved the sale of F-16s to the Philippines. The package"
            " includes engines, the Defense Security Cooperation Agency said.",
            "USA",
        ),
        # An office speaks for the state it is in, not for the one it deals with; an
        # embassy for the state that runs it, not for its host.
        (
            "China condemned the shipment. A spokesperson for the Taiwan Affairs Office in"
            " Beijing said the United States was pushing Taiwan towards the brink.",
            "CHN",
        ),
        ("The Chinese embassy in Phnom Penh said the trucks were a gift.", "CHN"),
        # A state's treasury and police speak for it.
        (
            "South Africa signed the arms package in December. Treasury officials say that"
            " spreading the cost keeps the package within the budget.",
            "ZAF",
        ),
        (
            "Canada expelled India's high commissioner after police said they had evidence"
            " linking Indian agents to the killing.",
            "CAN",
        ),
        # "the agency" after the institution named in full is that institution.
        (
            "Mexico asked for helicopters in May. The Defense Security Cooperation Agency"
            " approved the sale on Monday. Mexico's navy will fly them from 2016, the agency"
            " said.",
            "USA",
        ),
    ],
)
def test_who_speaks_for_a_state_and_who_does_not(
    run: Callable[..., Analysis], text: str, speaker: str | None
) -> None:
    said = [c for c in run(text).stance_cues if c.type == "attribution"]
    assert said and said[-1].speaker == speaker


def test_he_said_after_an_unnamed_official_speaks_for_the_same_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        'Norway chose the NH90 on Monday. "The helicopter met every requirement," a defence'
        " ministry official told reporters. The rival bid was judged more expensive, he said."
    )
    said = [c for c in cues(run(text)) if c[1] == "attribution"]
    assert [c[2] for c in said] == ["NOR", "NOR"]
    # a "he" with no one speaking before stays unattributed
    said = [
        c
        for c in cues(run("The rival bid was judged more expensive, he said."))
        if c[1] == "attribution"
    ]
    assert [c[2] for c in said] == [None]


@pytest.mark.parametrize(
    "sentence,cue",
    [
        ("China criticised the sanctions on Russia.", "criticised"),
        (
            "Egypt and Saudi Arabia condemned the attacks on Port Sudan, while the United States"
            " called for renewed talks.",
            "condemned",
        ),
    ],
)
def test_a_judged_act_names_no_target_by_its_victim_or_a_bystander(
    run: Callable[..., Analysis], sentence: str, cue: str
) -> None:
    got = [c for c in cues(run(sentence)) if c[0] == cue]
    assert got and all(c[3] is None for c in got)


def test_a_phrase_cue_verb_with_its_own_subject_is_its_speakers(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Kazakhstan refused. An EU official said the bloc appreciates its position, and"
        " Washington has been courting the country."
    )
    got = [c for c in cues(run(text)) if c[0] == "courting"]
    assert [(c[2], c[3]) for c in got] == [("USA", "KAZ")]


def test_an_unknown_official_speaks_for_the_state_whose_act_they_report(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Sudan has severed diplomatic relations with the United Arab Emirates, Defence Minister"
        " Yassin Ibrahim said on Tuesday, accusing the Gulf state of arming the Rapid Support"
        " Forces."
    )
    got = {(c[0], c[2]) for c in cues(run(text))}
    assert {("said", "SDN"), ("accusing", "SDN")} <= got


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Seoul appreciates Washington's support.", ("appreciates", "evaluation", "KOR", "USA")),
        (
            "Britain will stand by Ukraine for as long as it takes.",
            ("for as long as it takes", "commitment", "GBR", "UKR"),
        ),
        (
            "Analysts said the launchers are believed to be stored near the border.",
            ("are believed to", "hedge", None, None),
        ),
    ],
)
def test_more_cues_of_each_type(
    run: Callable[..., Analysis], sentence: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert expected in [c[:4] for c in cues(run(sentence))]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "The exercise is not aimed at Beijing, Indonesian officials said.",
            ("not aimed at", "denial", "IDN", "CHN"),
        ),
        (
            "The drills were not aimed at any third party, the Turkish defence ministry said.",
            ("not aimed at", "denial", "TUR", None),
        ),
    ],
)
def test_a_denial_in_a_reported_clause_is_the_reporters(
    run: Callable[..., Analysis], sentence: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert expected in [c[:4] for c in cues(run(sentence))]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "Washington, which has pressed allies to do more for Ukraine, has avoided criticising"
            " Seoul.",
            ("pressed", "pressure", "USA", None),
        ),
        (
            "Kinshasa wrote to the African Union, urging members to impose sanctions on Kigali.",
            ("urging", "pressure", "COD", "RWA"),
        ),
    ],
)
def test_pressing_unnamed_states_aims_only_at_the_act_demanded(
    run: Callable[..., Analysis], sentence: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert expected in [c[:4] for c in cues(run(sentence))]


def test_condemning_an_attack_with_no_doer_named_aims_at_no_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Al-Shabaab fighters overran a Kenyan army base at El Adde on Friday, killing dozens of"
        " soldiers. The Somali president, Hassan Sheikh Mohamud, condemned the attack and sent"
        " condolences to Nairobi."
    )
    result = run(text)
    cues = [c for c in result.stance_cues if c.cue.startswith("condemn")]
    assert cues and all(c.target is None for c in cues)
    assert not [a for a in result.alignment if (a.subject, a.counterpart) == ("SOM", "KEN")]


def test_a_criticism_its_subject_dismisses_is_not_its_own(run: Callable[..., Analysis]) -> None:
    result = run("China criticised the drills. The Philippine government dismissed the criticism.")
    cues = [c for c in result.stance_cues if c.cue == "criticism"]
    assert cues and all(c.speaker is None for c in cues)
    assert not [a for a in result.alignment if (a.subject, a.direction) == ("PHL", -1)]


def test_a_surname_the_tagger_took_for_a_noun_still_speaks(run: Callable[..., Analysis]) -> None:
    text = (
        "Nicaragua's army commander General Julio César Avilés said last month that the tanks"
        ' were for defence. "We are not a threat to anyone," Avilés told reporters on Monday.'
    )
    told = [c for c in cues(run(text)) if c[0] == "told reporters"]
    assert told and told[0][2] == "NIC"


def test_fellow_sources_of_a_protest_are_not_its_target(run: Callable[..., Analysis]) -> None:
    text = "The strike drew sharp protests from Caracas and from Colombia's president."
    protests = [c for c in cues(run(text)) if c[0] == "protests"]
    assert protests and protests[0][2:4] == ("VEN", None)


@pytest.mark.parametrize(
    "text,speakers",
    [
        (
            "Saudi Arabia said on Monday that it had intercepted drones. The Energy Ministry"
            " said a drone struck a tank farm.",
            ["SAU", "SAU"],
        ),
        (
            "Saudi Arabia recalled its envoy. The kingdom's foreign ministry said the comments"
            " were unfounded. It said the ambassador had been called home.",
            ["SAU", "SAU"],
        ),
        (
            "Canada lifted the freeze on Saudi Arabia. The kingdom's embassy in Ottawa said it"
            " values the relationship.",
            ["SAU"],
        ),
        (
            "About 4,700 soldiers are taking part, the U.S. Army's European command said.",
            ["USA"],
        ),
        (
            "Lebanon's army said nothing. Hezbollah officers said the strike was a crime.",
            ["LBN", None],
        ),
    ],
)
def test_institutions_speak_for_their_state(
    run: Callable[..., Analysis], text: str, speakers: list[str | None]
) -> None:
    said = [c.speaker for c in run(text).stance_cues if c.cue == "said"]
    assert said == speakers


def test_a_group_speaks_for_each_state_and_to_each_other(run: Callable[..., Analysis]) -> None:
    text = (
        "Saudi Arabia and Iran agreed to restore ties. In a joint statement, the two sides"
        " pledged to respect each other's sovereignty."
    )
    got = {(c.speaker, c.target) for c in run(text).stance_cues if c.cue == "pledged"}
    assert got == {("SAU", "IRN"), ("IRN", "SAU")}
    text = "Mali and Niger warned France."
    got = {(c.speaker, c.target) for c in run(text).stance_cues if c.cue == "warned"}
    assert got == {("MLI", "FRA"), ("NER", "FRA")}


def test_a_surname_the_tagger_took_for_a_plural_noun_still_speaks(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "President Glafcos Clerides announced on Tuesday that Cyprus would not deploy the"
        " missiles. Clerides said it was a hard decision."
    )
    said = [c for c in run(text).stance_cues if c.cue == "said"]
    assert said and all(c.speaker == "CYP" for c in said)


def test_the_department_and_the_foreign_office_speak_for_the_story_s_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The Philippines signed a contract for 32 more Black Hawk helicopters on Tuesday."
        " Deliveries are expected to begin in 2024, according to the department."
    )
    got = {c.speaker for c in run(text).stance_cues if c.cue.lower() == "according to"}
    assert got == {"PHL"}
    text = "Germany ordered Chad's ambassador to leave, the foreign office said."
    assert {c.speaker for c in run(text).stance_cues if c.cue == "said"} == {"DEU"}
    # a department named as such is no reference back
    text = (
        "Washington sanctioned a Kyrgyz bank. The Treasury Department said the bank had helped"
        " Russian firms."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "said"} <= {"USA", None}


def test_a_verb_of_saying_the_parser_left_without_a_subject(
    run: Callable[..., Analysis],
) -> None:
    text = "The Indian contingent is drawn from the Jat Regiment, the Ministry of Defence in New Delhi said."
    assert {c.speaker for c in run(text).stance_cues if c.cue == "said"} == {"IND"}
    text = (
        "Somalia's foreign minister, Ahmed Moalim Fiqi, hit back, saying the Ethiopian statement"
        " was an attempt to cover up a violation of its sovereignty."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "saying"} == {"SOM"}


def test_a_commitment_to_a_state_named_by_a_pronoun(run: Callable[..., Analysis]) -> None:
    text = "Moldova faces pressure from Russia. Borrell said the EU will keep standing by it."
    got = {(c.speaker, c.target) for c in run(text).stance_cues if c.type == "commitment"}
    assert got == {("EU", "MDA")}


def test_who_released_what_is_cited_speaks(run: Callable[..., Analysis]) -> None:
    text = (
        "Austria leased 12 F-5 jets from Switzerland. The lease costs Austria 75 million euros,"
        " according to figures released by the ministry."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "according to"} == {"AUT"}
    text = (
        "Ecuador bought radars. The radars cost 10 million dollars, according to figures"
        " released by analysts."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "according to"} == {None}


def test_a_state_s_joint_chiefs_speak_for_it(run: Callable[..., Analysis]) -> None:
    text = (
        "South Korea said the boats crossed the line. According to the Joint Chiefs of Staff,"
        " North Korean patrol boats crossed the line."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "According to"} == {"KOR"}


def test_police_and_prosecutors_speak_for_their_state(run: Callable[..., Analysis]) -> None:
    text = (
        "The Czech Republic expelled 18 Russian diplomats on Saturday. Police said two Russian"
        " officers were behind the blast."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "said"} == {"CZE"}
    text = (
        "Montenegro's high court convicted 13 people. Prosecutors say the plot was organised by"
        " Russian agents."
    )
    assert {c.speaker for c in run(text).stance_cues if c.cue == "say"} == {"MNE"}


def test_calling_for_presses_and_appearing_to_hedges(run: Callable[..., Analysis]) -> None:
    cues = {
        (c.cue, c.type, c.speaker, c.target)
        for c in run("Washington has repeatedly called for Turkey to drop the S-400.").stance_cues
    }
    assert ("called for", "pressure", "USA", "TUR") in cues
    cues = {
        (c.cue, c.type)
        for c in run("The drones appear to have been supplied by Iran, Ukraine said.").stance_cues
    }
    assert ("appear to", "hedge") in cues


def test_an_organisation_a_matter_is_taken_to_is_no_target(run: Callable[..., Analysis]) -> None:
    def judged(text: str) -> set[tuple[str | None, str | None]]:
        return {(c.speaker, c.target) for c in run(text).stance_cues if c.type == "evaluation"}

    text = "Serbia has condemned the invasion of Ukraine at the United Nations."
    assert ("SRB", "UN") not in judged(text)
    text = (
        "In late 2020 Bahrain complained to the U.N. Security Council that Qatari fighter jets"
        " had violated its airspace."
    )
    assert judged(text) == {("BHR", "QAT")}
    text = "Sudan said it would take a complaint to the United Nations Security Council."
    assert ("SDN", "UN") not in judged(text)
    assert judged("Russia criticised the OSCE for its report.") == {("RUS", "OSCE")}
