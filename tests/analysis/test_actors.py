"""Mentions resolve to states, blocs, companies and people; other words never become actors."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from analysis.actors import resolve
from analysis.model import Analysis, Article


def antecedent_of(nlp: Language, text: str, word: str) -> str | None:
    """What the last ``word`` (lower-cased) of a snippet refers back to."""
    doc = nlp(text)
    resolved = resolve(doc, Article(text=text, title="t"))
    return resolved.antecedent([t for t in doc if t.lower_ == word][-1])


def actor_ids(result: Analysis) -> set[str]:
    return {a.id for a in result.actors}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Moscow responded quickly.", "RUS"),
        ("The Kremlin declined to comment.", "RUS"),
        ("A Russian delegation arrived.", "RUS"),
        ("The Russian-made jets flew.", "RUS"),
        ("Officials from the Russian Federation met.", "RUS"),
        ("Türkiye bought drones.", "TUR"),
        ("Turkey bought drones.", "TUR"),
        ("The Pentagon approved the sale.", "USA"),
        ("Washington warned Belgrade.", "USA"),
        ("Brussels urged reforms.", "EU"),
        ("The Indian navy commissioned a frigate.", "IND"),
        ("Serbia's defence ministry confirmed it.", "SRB"),
        ("Pristina protested.", "XKX"),
        ("Taipei welcomed the sale.", "TWN"),
        ("The Palestinian Authority objected.", "PSE"),
        ("Dassault Aviation will build the jets.", "CO:dassault-aviation"),
        ("NATO allies met in Vilnius.", "NATO"),
        ("The CSTO held a summit.", "CSTO"),
    ],
)
def test_forms_resolve_to_their_actor(
    run: Callable[..., Analysis], text: str, expected: str
) -> None:
    assert expected in actor_ids(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Balkan states share Slavic and Orthodox Christian traditions.",
        "The Serbian Orthodox Church held a service.",
        "Ethnic Albanians make up most of the population.",
        "Trade with Latin America grew, and ships crossed the South China Sea.",
        "The MiG-29 and the F-16 are fighters.",
    ],
)
def test_religions_regions_ethnic_groups_and_weapons_are_never_actors(
    run: Callable[..., Analysis], text: str
) -> None:
    assert not {a.id for a in run(text).actors if a.type != "person"}


def test_places_inside_a_country_are_entities_not_actors(run: Callable[..., Analysis]) -> None:
    result = run("The jets landed at Batajnica air base near Belgrade.")
    assert actor_ids(result) == {"SRB"}
    assert any(e.text.startswith("Batajnica") and e.actor is None for e in result.entities)
    # A known place is an entity too, never an actor, however its state is named nearby.
    result = run("Russian missiles struck Kharkiv and Odesa overnight.")
    assert actor_ids(result) == {"RUS"}
    assert {"Kharkiv", "Odesa"} <= {e.text for e in result.entities if e.actor is None}


def test_a_name_broken_over_two_lines_of_wrapped_prose_is_one_name(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Forces from Canada, Fiji, France, Germany, Indonesia, Japan, New\n"
        "Zealand and Tonga are taking part in the drills this week.\n\n"
        "Items:\n- New Zealand frigates\n- Japanese destroyers"
    )
    result = run(text)
    assert "NZL" in actor_ids(result)
    assert any(a.subject == "NZL" and a.counterpart == "JPN" for a in result.alignment)


def test_the_community_stands_for_a_bloc_but_the_international_community_for_none(
    nlp: Language,
) -> None:
    assert antecedent_of(nlp, "ECOWAS met. Mali left the community.", "community") == "ECOWAS"
    named = "ECOWAS met. Mali thanked the international community."
    assert antecedent_of(nlp, named, "community") is None


@pytest.mark.parametrize(
    "text,name,state",
    [
        # the buyer the story is about, not the state of the selling company
        (
            "South Korea's Hanwha Aerospace has signed a contract worth about A$7 billion to build"
            " 129 Redback vehicles for the Australian Army, ending a long competition in the"
            " country's history. Defence Industry Minister Tom Carvell announced the contract in"
            " Geelong on Friday.",
            "Tom Carvell",
            "AUS",
        ),
        # the state where the official speaks
        (
            "Bolivia broke off relations with Israel on Tuesday over its offensive, and Israel"
            " called the decision a surrender to terrorism. Israel said it regretted it. Deputy"
            " Foreign Minister Hugo Tarqui told a news conference in La Paz that the ties were cut.",
            "Hugo Tarqui",
            "BOL",
        ),
    ],
)
def test_an_official_whose_title_names_no_state(
    run: Callable[..., Analysis], text: str, name: str, state: str
) -> None:
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get(name) == state


def test_an_origin_adjective_on_a_possessed_subject_is_not_the_subject(nlp: Language) -> None:
    text = (
        "Romania is the region's big customer. In 2022 Bucharest signed deals with South Korea"
        " for K9 howitzers. Its American orders are just as large: F-35 fighters and Patriot"
        " batteries. In August the defence ministry signed for Black Hawk helicopters."
    )
    assert antecedent_of(nlp, text, "ministry") == "ROU"


def test_it_goes_on_standing_for_the_state_an_earlier_it_stood_for(nlp: Language) -> None:
    text = (
        "Serbia has leaned on both China and Russia to modernise. It took delivery of six"
        " Chinese CH-92A drones in 2020. From Russia it received Pantsir-S1 systems."
    )
    assert antecedent_of(nlp, text, "it") == "SRB"


def test_the_service_stands_for_the_state_of_the_service_named_before(nlp: Language) -> None:
    text = "Ghana's navy has grown fast. Before that, the service relied on two old cutters."
    assert antecedent_of(nlp, text, "service") == "GHA"
    assert antecedent_of(nlp, "Ghana met. The Secret Service said so.", "service") is None


def test_a_service_named_in_an_earlier_paragraph_yields_to_the_paragraph_s_own_state(
    nlp: Language,
) -> None:
    text = (
        "Malaysia was first. The Royal Malaysian Navy has operated two Scorpene boats since"
        " 2009.\n\nThailand's path has been the least smooth. The navy ordered an S26T from"
        " China in 2017."
    )
    assert antecedent_of(nlp, text, "navy") == "THA"
    # with no state opening the paragraph, the service named before
    text = (
        "The Royal Malaysian Navy has operated two Scorpene boats since 2009.\n\nThe path"
        " has not been smooth. The navy ordered two more boats."
    )
    assert antecedent_of(nlp, text, "navy") == "MYS"


def test_a_service_opening_a_paragraph_is_the_articles_state_not_the_last_named(
    nlp: Language,
) -> None:
    text = (
        "Indonesia has dropped its plan to buy Su-35 fighters from Russia, officials said on"
        " Wednesday. Indonesia will instead focus on the Rafale.\n\nMoscow reacted coolly. The"
        " Russian embassy said it had received no notice.\n\nThe air force currently flies"
        " Su-27 fighters."
    )
    assert antecedent_of(nlp, text, "force") == "IDN"
    # within its own paragraph, the state named before
    text = "Moscow reacted coolly. Russia said the air force would fly on."
    assert antecedent_of(nlp, text, "force") == "RUS"


def test_known_people_resolve_to_the_state_they_act_for(run: Callable[..., Analysis]) -> None:
    result = run("Aleksandar Vucic met Vladimir Putin. Vucic later thanked Putin.")
    people = {a.name: a for a in result.actors if a.type == "person"}
    assert people["Aleksandar Vucic"].country == "SRB"
    assert people["Aleksandar Vucic"].mentions == 2
    assert people["Vladimir Putin"].country == "RUS"
    assert {"SRB", "RUS"} <= actor_ids(result)


def test_office_holders_follow_the_publication_year(run: Callable[..., Analysis]) -> None:
    import datetime as dt

    result = run("Jens Stoltenberg spoke.", published=dt.date(2019, 5, 1))
    assert next(a for a in result.actors if a.type == "person").country == "NATO"


@pytest.mark.parametrize(
    "text,name,state",
    [
        ("Russian Prime Minister Ivan Sidorov visited Belgrade.", "Ivan Sidorov", "RUS"),
        ("Marko Petrovic, Serbia's defence minister, said so.", "Marko Petrovic", "SRB"),
        ("Hungarian Foreign Minister Janos Kovacs met his counterpart.", "Janos Kovacs", "HUN"),
        ("The EU's envoy Anna Schmidt arrived.", "Anna Schmidt", "EU"),
        # a state named in what is quoted is what the official speaks of, not whom for
        (
            'Ethiopia said its forces had recaptured Badme. "Our forces have routed the Eritrean'
            ' army," government spokeswoman Selome Tadesse told reporters in Addis Ababa.',
            "Selome Tadesse",
            "ETH",
        ),
    ],
)
def test_title_context_links_people_the_data_does_not_know(
    run: Callable[..., Analysis], text: str, name: str, state: str
) -> None:
    person = next(a for a in run(text).actors if a.type == "person")
    assert (person.name, person.country) == (name, state)


def test_title_context_does_not_leak_across_a_list(run: Callable[..., Analysis]) -> None:
    result = run("Russian Prime Minister Ivan Sidorov and Marko Petrovic, Serbia's president, met.")
    people = {a.name: a.country for a in result.actors if a.type == "person"}
    assert people == {"Ivan Sidorov": "RUS", "Marko Petrovic": "SRB"}


def test_mentions_and_forms_are_counted(run: Callable[..., Analysis]) -> None:
    result = run("Russia and Moscow and the Kremlin. Russian jets.")
    russia = next(a for a in result.actors if a.id == "RUS")
    assert russia.mentions == 4
    assert russia.forms == ["Russia", "Moscow", "Kremlin", "Russian"]


def test_entity_offsets_point_into_the_text(run: Callable[..., Analysis]) -> None:
    text = "In Belgrade, Aleksandar Vucic greeted the Chinese delegation."
    for entity in run(text).entities:
        assert text[entity.start : entity.end] == entity.text


@pytest.mark.parametrize(
    "text,state",
    [
        ("The U.S.-led coalition expanded.", "USA"),
        ("The Obama administration approved the sale.", "USA"),
        ("president putin arrived in Belgrade.", "RUS"),
        ("Kremlin spokesman Dmitry Peskov said nothing.", "RUS"),
    ],
)
def test_names_in_other_shapes(run: Callable[..., Analysis], text: str, state: str) -> None:
    assert state in {a.id for a in run(text).actors}


@pytest.mark.parametrize(
    "text,name,state",
    [
        (
            "Moscow reacted sharply: Russia's ambassador in Berlin, Sergei Nechayev, called the"
            " decision dangerous.",
            "Sergei Nechayev",
            "RUS",
        ),
        (
            "Indonesia dropped the deal. Air Chief Marshal Fadjar Prasetyo said the air force"
            " would buy Rafales instead.",
            "Fadjar Prasetyo",
            "IDN",
        ),
        (
            "The Philippines scrapped the deal. National security adviser Hermogenes Esperon said"
            " the United States had offered help. Manila will look elsewhere.",
            "Hermogenes Esperon",
            "PHL",
        ),
    ],
)
def test_officials_the_recogniser_misses_are_found_by_their_title(
    run: Callable[..., Analysis], text: str, name: str, state: str
) -> None:
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get(name) == state


def test_it_is_not_the_source_of_what_was_bought_nor_a_bloc_aside(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Uzbekistan, which stays outside the CSTO, shops most widely. Its air force flies"
        " Soviet-era MiG-29 fighters bought from Russia, and it has reportedly bought Wing Loong"
        " drones from China."
    )
    got = {(p.system, p.supplier, p.recipient) for p in run(text).procurements}
    assert ("Wing Loong", "CHN", "UZB") in got
    assert not any(rec in ("RUS", "CSTO") for _, _, rec in got)


def test_a_title_reads_over_its_own_words_and_a_leaders_possessive(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Putin's foreign policy aide Yuri Ushakov rejected the claim. Russia's ambassador to"
        " Canada, Oleg Stepanov, declined to comment."
    )
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get("Yuri Ushakov") == "RUS"
    assert people.get("Oleg Stepanov") == "RUS"


def test_an_official_whose_sentence_names_states_only_in_what_they_say_is_the_articles(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Saudi Arabia displayed the wreckage of drones on Wednesday. Riyadh said the attack on "
        "Saudi oil plants was sponsored from abroad. Colonel Tariq al-Hamdan, a defence ministry "
        "spokesman, told reporters the missiles had come from Iran or Iraq."
    )
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get("Tariq al-Hamdan") == "SAU"  # the hyphen stays in the name
    # A state named before the name, in the speaker's own phrase, still places them.
    text = (
        "Saudi Arabia displayed the wreckage of drones on Wednesday. In Tehran, Colonel Reza "
        "Karimi, a spokesman, told reporters the missiles had come from Iraq or Yemen."
    )
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get("Reza Karimi") != "SAU"


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        (
            "Ukraine's air force said all the drones were shot down overnight, the commander of "
            "the air force, Mykola Oleshchuk, said.",
            "Mykola Oleshchuk",
            "UKR",
        ),
        (
            "Indonesia dropped the deal. Russia's ambassador in Jakarta, Lyudmila Vorobieva, said "
            "in March that Moscow still hoped the contract could be completed.",
            "Lyudmila Vorobieva",
            "RUS",
        ),
        (
            'Brazil received its first Gripen. "This is a historic day for the air force," '
            "Lieutenant Brigadier Carlos de Almeida Baptista Junior, the air force commander, "
            "said in a statement.",
            "Carlos de Almeida Baptista Junior",
            "BRA",
        ),
    ],
)
def test_officials_set_off_by_commas_after_their_title_are_found(
    run: Callable[..., Analysis], text: str, name: str, state: str
) -> None:
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get(name) == state


@pytest.mark.parametrize(
    ("text", "word", "state"),
    [
        # A second "its" after a source-only phrase stands for what the first stood for.
        (
            "Kenya has long leaned west. Its army flies helicopters supplied by the United"
            " States, and its air force has taken delivery of transports.",
            -1,
            "KEN",
        ),
        # A partner named alone is still the owner: "arms sales to Turkey over its record".
        (
            "Senators will oppose new arms sales to Turkey over its human rights record.",
            0,
            "TUR",
        ),
    ],
)
def test_a_possessive_after_sources_only(nlp: Language, text: str, word: int, state: str) -> None:
    doc = nlp(text)
    resolved = resolve(doc, Article(text=text, title="t"))
    its = [t for t in doc if t.lower_ == "its"][word]
    assert resolved.antecedent(its) == state


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # "the navy" is the latest subject: its state, not the one named before it.
        (
            "Ecuador's navy commissioned a patrol boat on Monday. Colombia, for its part, has"
            " ordered new frigates. Analysts said the navy needs more ships. Its submarines"
            " are old.",
            "ECU",
        ),
        # A description that names its state ("the Peruvian army") is that state's mention.
        (
            "Chile's army held a parade. The Peruvian army says it needs new tanks. Its tanks"
            " are old.",
            "PER",
        ),
    ],
)
def test_a_pronoun_after_a_described_subject_stands_for_its_state(
    nlp: Language, text: str, state: str
) -> None:
    assert antecedent_of(nlp, text, "its") == state


@pytest.mark.parametrize(
    "text,form,state",
    [
        # Chinese names put the family name first; the recogniser takes "Morrison" for an ORG.
        (
            "Chinese Foreign Minister Qin Gang met Honduran officials. Qin called it fair.",
            "Qin",
            "CHN",
        ),
        (
            "Prime Minister Scott Morrison spoke. Later Morrison said he was sure.",
            "Morrison",
            "AUS",
        ),
        ("President Xi Jinping watched the parade. Xi told the crowd to be proud.", "Xi", "CHN"),
        (
            "Air force spokesman Air Vice Marshal Prapas Sonjaidee spoke in Bangkok for Thailand."
            ' "We are ready," Prapas said.',
            "Prapas",
            "THA",
        ),
    ],
)
def test_a_person_named_in_full_is_found_by_one_part_of_the_name(
    run: Callable[..., Analysis], text: str, form: str, state: str
) -> None:
    result = run(text)
    person = next(a for a in result.actors if a.type == "person" and form in a.forms)
    assert person.country == state
    assert person.mentions == 2


def test_one_part_shared_by_two_people_names_neither(run: Callable[..., Analysis]) -> None:
    text = (
        "Chinese Foreign Minister Wang Yi met ministry spokesman Wang Wenbin in Beijing."
        " Wang said nothing."
    )
    people = [a for a in run(text).actors if a.type == "person"]
    assert {a.name for a in people} >= {"Wang Yi", "Wang Wenbin"}
    assert all("Wang" not in a.forms for a in people)


@pytest.mark.parametrize(
    "text,name,state",
    [
        # No state in the official's sentence: the main subject of the sentence before.
        (
            "Iran denied any role. Saudi Arabia displayed the remains of the drones on Monday."
            " Colonel Turki Malki, a defence ministry spokesman, told reporters they were fired"
            " from the north. Iran and Iraq rejected the claim; Iran said so twice.",
            "Turki Malki",
            "SAU",
        ),
        # States named only in what is said: not the official's.
        (
            "Indonesia has given up its plan to buy Su-35 jets. Air Chief Marshal Fadjar"
            " Prasetyo said the air force would buy French and American jets instead.",
            "Fadjar Prasetyo",
            "IDN",
        ),
        # A party named before the title: its state.
        (
            "Kim Jong Un watched the parade. Kim did not speak, but Defence Minister Kang Sun"
            " Nam warned the United States and Russia.",
            "Kang Sun Nam",
            "PRK",
        ),
    ],
)
def test_an_official_whose_title_names_no_state_acts_for_the_state_in_focus(
    run: Callable[..., Analysis], text: str, name: str, state: str
) -> None:
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get(name) == state


def test_a_counted_group_stands_for_a_bloc_of_that_size_in_its_sentence(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Mali left first. Then Niger's generals took power. On Sept. 16 the three governments"
        " signed a pact, the Alliance of Sahel States. Chad stayed outside."
    )
    got = {(a.subject, a.counterpart) for a in run(text).alignment if a.type == "agreement"}
    assert {("MLI", "BFA"), ("BFA", "NER"), ("NER", "MLI")} <= got
    assert not any("TCD" in pair for pair in got)


def test_it_after_an_institution_subject_is_that_institutions_state(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Peru's air force asked for F-35s. The United States turned the request down. The air"
        " force flies old jets bought from France in the 1980s, which it praises for their range."
    )
    cue = next(c for c in run(text).stance_cues if c.cue == "praises")
    assert cue.speaker == "PER"


def test_it_reported_by_a_speaker_is_the_speakers_state(run: Callable[..., Analysis]) -> None:
    text = (
        "Denmark announced a freeze on Monday, and Norway, which is not in the EU, said it"
        " would press Brussels to follow."
    )
    cue = next(c for c in run(text).stance_cues if c.cue == "press")
    assert cue.speaker == "NOR"


def test_the_subject_a_sentence_reports_counts_as_what_the_article_is_about(
    nlp: Language,
) -> None:
    text = (
        "Ghana has dropped a plan to buy Chinese jets, the defence ministry said. The air force"
        " will keep its old jets. Washington has offered helicopters, and the United States"
        " may also send trainers."
    )
    doc = nlp(text)
    resolved = resolve(doc, Article(text=text, title="t"))
    assert resolved.focus() == "GHA"


def test_a_surname_that_is_also_a_country_is_no_actor(run: Callable[..., Analysis]) -> None:
    text = (
        "Manila and Tokyo are discussing the terms, navy spokesman Rear Admiral Roy Vincent "
        "Trinidad told reporters."
    )
    got = actor_ids(run(text))
    assert "TTO" not in got
    assert {"PHL", "JPN"} <= got
    # A country's own name, or one a possessive follows, is still the country.
    assert "TTO" in actor_ids(run("Trinidad and Tobago bought two patrol boats."))


@pytest.mark.parametrize(
    "text,state",
    [
        # A subject pronoun is not a state its own verb takes as object or partner.
        ("Sweden offered new jets to Thailand. It bought older jets from Sweden in 2008.", "THA"),
        ("Russia courted India for years. It signed a rifle deal with Russia in 2021.", "IND"),
        # A company or a person on the verb is no state for this purpose.
        (
            "Greece ordered frigates. France said it would build them with Naval Group.",
            "FRA",
        ),
    ],
)
def test_a_subject_pronoun_is_not_its_own_verbs_object(
    nlp: Language, text: str, state: str
) -> None:
    assert antecedent_of(nlp, text, "it") == state


def test_a_group_that_speaks_of_itself_is_no_state(nlp: Language) -> None:
    text = (
        "Germany halted arms exports to Turkey. The SDF said it had fired mortars at the"
        " Turkish town of Akcakale."
    )
    assert antecedent_of(nlp, text, "it") is None


@pytest.mark.parametrize(
    "text",
    [
        "Latin American governments rejected the request.",
        "Several Central American leaders met on Monday.",
        "The North American command tracked the balloon.",
    ],
)
def test_a_region_s_people_are_no_state(run: Callable[..., Analysis], text: str) -> None:
    assert run(text).actors == []


def test_a_later_surname_as_the_article_spells_it_is_the_person(nlp: Language) -> None:
    # The data spells the name without its accent; the article with it, twice.
    text = (
        "Argentine President Alberto Fernández spoke on Saturday. Later Fernández said the"
        " country would stay neutral."
    )
    doc = nlp(text)
    resolved = resolve(doc, Article(text=text, title="t"))
    later = [m for m in resolved.mentions if m.text == "Fernández"]
    assert [m.state for m in later] == ["ARG"]


def test_a_company_is_no_antecedent_of_a_state_s_institution(nlp: Language) -> None:
    text = (
        "Indonesia ordered Rafales. France's Naval Group and the shipyard PT PAL agreed to"
        " build two submarines. The air force flies Russian-built Su-27 fighters."
    )
    assert antecedent_of(nlp, text, "force") == "IDN"


def test_a_weapon_s_maker_is_no_antecedent(nlp: Language) -> None:
    text = (
        "Kyrgyzstan's Turkish-made Bayraktar TB2 drones, which the country received last year,"
        " struck Tajik positions."
    )
    assert antecedent_of(nlp, text, "country") == "KGZ"


def test_a_known_name_held_by_another_state_s_official_is_that_official(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "Colombian Defence Minister Pedro Sánchez said the Gripen was the best choice."
        " Sánchez said talks would begin soon."
    )
    assert {c.speaker for c in run(text).stance_cues if c.type == "attribution"} == {"COL"}
    spanish = run("Spanish Prime Minister Pedro Sánchez said Spain would send more tanks.")
    assert {c.speaker for c in spanish.stance_cues if c.type == "attribution"} == {"ESP"}


@pytest.mark.parametrize(
    "text,focus",
    [
        (
            "Taiwan's navy on Friday commissioned two Kidd-class destroyers bought second-hand"
            " from the United States. Both were built for the US Navy and refurbished in"
            " American yards. The United States approved the package in 2001, and Washington"
            " delivered it in full.",
            "TWN",
        ),
        # "Japan's Defence Ministry has abandoned ..., officials said": the possessor of the
        # reported clause's subject acts, as much as in a main clause.
        (
            "Japan's Defence Ministry has abandoned its plan to field 62 Apache helicopters,"
            " officials said. The cost of each had climbed. American officials said the"
            " United States regretted the decision.",
            "JPN",
        ),
    ],
)
def test_a_state_whose_service_is_the_lede_s_subject_is_the_focus(
    nlp: Language, text: str, focus: str
) -> None:
    doc = nlp(text)
    assert resolve(doc, Article(text=text, title="t")).focus() == focus


def test_the_state_the_lede_makes_its_subject_is_the_focus(nlp: Language) -> None:
    text = (
        "Egypt has signed a contract for 30 more Rafale jets, the armed forces said. The order"
        " will be paid for with a loan. France confirmed the deal. French officials praised"
        " it. Paris said French factories would build the jets in France."
    )
    doc = nlp(text)
    assert resolve(doc, Article(text=text, title="t")).focus() == "EGY"


@pytest.mark.parametrize(
    "text,word,state",
    [
        # A state called another's supplier leaves that customer as owner of the forces named
        # next, wherever the possessor names it.
        (
            "Indian officials visited Dhaka. Beijing is by far Bangladesh's biggest arms"
            " supplier. The navy has grown quickly.",
            "navy",
            "BGD",
        ),
        (
            "Paris has become one of the Egyptian military's main suppliers. The navy had"
            " already ordered four corvettes.",
            "navy",
            "EGY",
        ),
        # a state called a supplier of no one named leaves the forces to the article's state
        (
            "Kuwait has spread its arms purchases across the permanent members of the Security"
            " Council. Kuwait signed defence pacts with all five.\n\nThe United States remains by"
            " far the largest supplier. The army has received most of the Abrams tanks it ordered.",
            "army",
            "KWT",
        ),
        # A service named as where a weapon served anchors no later "the navy"; one named as
        # where it will be does.
        (
            "Bangladesh commissioned two submarines, giving the navy an underwater arm. The"
            " boats served in the Chinese navy for two decades. The navy has grown quickly.",
            "navy",
            "BGD",
        ),
        (
            "Bangladesh commissioned two submarines. They will be the largest boats in the"
            " Chinese navy. The navy has grown quickly.",
            "navy",
            "CHN",
        ),
        # An object "it" nearer than any state named is what "its" stands for.
        (
            "Ankara has been looking for new fighters since the United States removed it from"
            " the F-35 programme over its purchase of Russian S-400 systems.",
            "its",
            "TUR",
        ),
        # "its" after sources only: what the subject pronoun before them stands for
        (
            "Singapore is buying jets. It has ordered 12 F-35B jets from the United States, and"
            " its F-15SG fighters, also bought from Washington, will serve alongside them.",
            "its",
            "SGP",
        ),
        # a state named as subject still owns what follows
        ("Poland has ordered K2 tanks from South Korea, and its army wants more.", "its", "POL"),
        # an "it" that opens its sentence carries its state on, however its verb was hung
        (
            "Slovakia made its big choices before the invasion. It ordered 14 F-16 Block 70"
            " fighters from the United States in 2018, a deal plagued by delays; the first jets"
            " reportedly reached Kuchyna air base this summer. It later ordered 152 CV90s from"
            " Sweden.",
            "it",
            "SVK",
        ),
        # weapons of a named origin as subject are no state subject
        (
            "Venezuela: the Russian customer\n\nNo country in the region has changed suppliers"
            " as sharply as Venezuela. Russian T-72B1 tanks and BM-30 Smerch rocket launchers"
            " followed. This year the army paraded new S-300VM systems through Caracas.",
            "army",
            "VEN",
        ),
        # a ministry as the latest subject is what a later "it" stands with
        (
            "Peru: shopping everywhere\n\nPeru has spread its bets widely. Last month the defence"
            " ministry signed a contract for 24 Mi-171Sh helicopters from Russia. In 2012 it"
            " ordered 20 KT-1P trainers from South Korea.",
            "it",
            "PER",
        ),
        # a state described beside a state subject is a partner, not the subject
        (
            "Thailand, a U.S. treaty ally, has spread its purchases widely. The army bought"
            " dozens of VT4 main battle tanks from China after the 2014 coup.",
            "army",
            "THA",
        ),
        # officers of a group that is no state stand for none; a remit word names the state's
        (
            "Morocco cut ties with Iran. Hezbollah officers had trained the fighters, it said.",
            "officers",
            None,
        ),
        (
            "Peru is rearming. Last month the Defence ministry signed a contract for helicopters.",
            "ministry",
            "PER",
        ),
    ],
)
def test_references_read_through_suppliers_and_object_pronouns(
    nlp: Language, text: str, word: str, state: str | None
) -> None:
    assert antecedent_of(nlp, text, word) == state


def test_a_demonym_left_hanging_on_its_hyphen_is_a_mention(run: Callable[..., Analysis]) -> None:
    assert {"TUR", "ISR"} <= actor_ids(run("Turkish- and Israeli-made drones flew overhead."))


@pytest.mark.parametrize("written", ["A.K. Antony", "AK Antony", "A. K. Antony"])
def test_a_name_s_initials_are_one_name_however_spaced(
    run: Callable[..., Analysis], written: str
) -> None:
    text = f"Defence Minister {written} froze payments after Italian prosecutors acted."
    people = [(a.name, a.country) for a in run(text).actors if a.type == "person"]
    assert people == [("A. K. Antony", "IND")]


def test_the_island_is_the_island_state_last_named(run: Callable[..., Analysis]) -> None:
    text = (
        "China fired missiles near Taiwan. In 1992 the island ordered 150 F-16 fighters from"
        " the United States."
    )
    assert [(p.supplier, p.recipient) for p in run(text).procurements] == [("USA", "TWN")]
    # an island that is no state stands for none
    text = "North Korea shelled Yeonpyeong island. The island later bought new radars from Israel."
    assert not [p for p in run(text).procurements if p.recipient == "PRK"]


def test_the_north_and_the_south_are_the_two_koreas_only_once_named(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "North Korea fired shells at a South Korean island. The South later bought K9 howitzers"
        " from a domestic maker, and the North ordered new rocket launchers from Russia."
    )
    rows = {(p.supplier, p.recipient) for p in run(text).procurements}
    assert ("RUS", "PRK") in rows
    text = (
        "Sudan's army holds the capital. The South later ordered new rocket launchers from Russia."
    )
    assert not run(text).procurements


@pytest.mark.parametrize(
    "text",
    [
        "Serbia has ordered Rafale jets. It is unclear whether the jets will arrive this year.",
        "Estonia bought CV90s from the Netherlands. It is not the first time Tallinn has turned"
        " to The Hague.",
    ],
)
def test_an_it_that_stands_for_what_follows_is_no_state(nlp: Language, text: str) -> None:
    doc = nlp(text)
    resolved = resolve(doc, Article(text=text, title="t"))
    it = next(t for t in doc if t.text == "It")
    assert resolved.antecedent(it) is None


def test_its_territory_is_a_states_not_a_bloc_or_a_description(nlp: Language) -> None:
    text = (
        "Armenia formally asked the Russian-led Collective Security Treaty Organization for"
        " help after Azerbaijani forces struck positions inside its territory."
    )
    assert antecedent_of(nlp, text, "its") == "ARM"


@pytest.mark.parametrize(
    "text,state",
    [
        (
            "Canada has suspended export permits to Turkey, Foreign Minister François-Philippe"
            " Champagne said.",
            "CAN",
        ),
        ("Defence Minister Morten Bødskov said Copenhagen regretted the decision.", "DNK"),
    ],
)
def test_a_known_person_spelt_with_accents_the_data_leaves_out(
    run: Callable[..., Analysis], text: str, state: str
) -> None:
    import datetime as dt

    from analysis import resources

    result = run(text, published=dt.date(2022, 6, 1))
    people = [a for a in result.actors if a.type == "person"]
    assert [p.country for p in people] == [state]
    assert people[0].id in resources.people_by_id()  # the known person, not a new one


def test_it_after_a_subject_a_state_owns_stands_for_that_state(nlp: Language) -> None:
    text = (
        "Norway signed for Turkish drones on Monday. The country's drone fleet has so far"
        " leaned on Israel. It already operates Israeli-made Hermes drones."
    )
    assert antecedent_of(nlp, text, "it") == "NOR"


def test_the_kingdom_is_the_last_kingdom_named_not_a_republic_in_between(
    nlp: Language,
) -> None:
    text = (
        "Saudi Arabia signed a contract for Akinci drones. Erdogan said Turkey was proud of the"
        " deal. Turkish officials expect more orders from the Gulf. The kingdom's first drones"
        " arrive next year."
    )
    assert antecedent_of(nlp, text, "kingdom") == "SAU"


@pytest.mark.parametrize("word", ["spokesman", "officials"])
def test_an_unnamed_institution_speaks_for_the_article_not_the_last_subject(
    nlp: Language, word: str
) -> None:
    text = (
        "Peru received its first KT-1 trainers on Monday. Peru will assemble the rest at a"
        " plant near Lima. South Korea built the first batch. A ministry spokesman said the"
        " remaining jets would follow next year. Officials said the plant would open in May."
    )
    assert antecedent_of(nlp, text, word) == "PER"


@pytest.mark.parametrize(
    "text,state",
    [
        # a venue named before the subject owns nothing
        (
            "The Shanghai Cooperation Organisation, which groups China, Russia and four Central"
            " Asian states, has grown impatient. At a summit in Bishkek on Friday, its leaders"
            " urged the coalition to set a date for leaving.",
            "SCO",
        ),
        # a place inside the subject is still the nearest state
        (
            "Approval in Kuwait is still required, and the assembly could question the cost, a"
            " member of its defence committee said.",
            "KWT",
        ),
    ],
)
def test_its_passes_over_a_venue_before_the_subject(nlp: Language, text: str, state: str) -> None:
    assert antecedent_of(nlp, text, "its") == state


def test_its_after_a_described_subject_and_a_source_is_the_subjects(nlp: Language) -> None:
    text = (
        "Nigeria wants new helicopters. In May 2021 the air force inducted three JF-17 fighters"
        " bought from Pakistan, and its older Mi-35 gunships were supplied by Russia."
    )
    assert antecedent_of(nlp, text, "its") == "NGA"


@pytest.mark.parametrize(
    "text,absent,present",
    [
        # One word of a known person's name inside another person's longer name is not them.
        (
            "Iraq received its first F-16s. Lieutenant General Anwar Hama Amin said the jets"
            " would fly soon.",
            "MYS",
            None,
        ),
        ("India struck nine sites. Colonel Sofiya Qureshi briefed reporters.", "PAK", None),
        # The same name spelt another way is still the person.
        ("Prime Minister Atal Behari Vajpayee visited the front.", None, "IND"),
    ],
)
def test_a_known_name_inside_another_persons_name_is_not_that_person(
    run: Callable[..., Analysis], text: str, absent: str | None, present: str | None
) -> None:
    states = {a.country for a in run(text).actors if a.type == "person"}
    if absent is not None:
        assert absent not in states
    if present is not None:
        assert present in states


@pytest.mark.parametrize(
    "text,word,state",
    [
        # a verb's subject is not its own object ("itself" would be), nor is "it" one of a
        # pair joined with "and"
        (
            "Slovakia is buying the Barak MX. Germany and the Netherlands deployed Patriot units"
            " to the country in 2022 after it sent its S-300 system to Ukraine.",
            "country",
            "SVK",
        ),
        (
            "Slovakia is buying the Barak MX. Germany and the Netherlands deployed Patriot units"
            " to the country in 2022 after it sent its S-300 system to Ukraine.",
            "it",
            "SVK",
        ),
        ("Germany sent its tanks to Ukraine, and it will send more.", "it", "DEU"),
        # inside the object's own phrase too
        (
            "Romania wants tanks. Washington has also approved Patriot batteries and HIMARS"
            " launchers for the country in recent years.",
            "country",
            "ROU",
        ),
        # but a predicate may name the subject's own bloc
        (
            "GCC Secretary-General Jasem Albudaiwi welcomed the agreement as a positive step for"
            " the bloc.",
            "bloc",
            "GCC",
        ),
    ],
)
def test_a_reference_is_not_what_its_own_clause_bars(
    nlp: Language, text: str, word: str, state: str
) -> None:
    assert antecedent_of(nlp, text, word) == state


@pytest.mark.parametrize(
    "text,absent",
    [
        # A ship's name after its prefix is no place, and a sea named after a state is not it.
        ("The former assault ship USS Tarawa was sunk off Hawaii.", "KIR"),
        ("Russian and Chinese warships held drills in the Sea of Japan.", "JPN"),
        ("Navies from Ghana and Nigeria patrol the Gulf of Guinea.", "GIN"),
        ("Estonian minelayers trained in the Gulf of Riga.", "LVA"),
    ],
)
def test_ships_and_seas_named_after_places_are_not_their_states(
    run: Callable[..., Analysis], text: str, absent: str
) -> None:
    assert absent not in actor_ids(run(text))


def test_a_person_named_in_a_fronted_clause_is_not_the_he_after_it(nlp: Language) -> None:
    text = (
        "The communique said allies would invite Ukraine later, wording that President Volodymyr"
        " Zelensky had denounced as absurd. By Wednesday his tone had softened. Standing beside"
        " Jens Stoltenberg, he said the results were good."
    )
    doc = nlp(text)
    result = resolve(doc, Article(text=text, title="t"))
    he = next(t for t in doc if t.lower_ == "he")
    assert result.antecedent(he) == "UKR"


@pytest.mark.parametrize(
    "text,name,state",
    [
        # a title of the form "chief of naval staff" before a comma and a rank
        (
            "The ceremony at Devonport was attended by Pakistan's chief of naval staff, Admiral"
            " Saeed Mohammad Khan, and by Royal Navy officers.",
            "Saeed Mohammad Khan",
            "PAK",
        ),
        (
            "India's head of the army, General Manoj Pande, met British officers.",
            "Manoj Pande",
            "IND",
        ),
        # a clause before the comma is no title
        (
            "A missile that struck a Polish village was most likely fired by Ukrainian air"
            " defences, President Andrzej Duda said on Wednesday.",
            "Andrzej Duda",
            "POL",
        ),
    ],
)
def test_titles_of_the_chief_of_form(
    run: Callable[..., Analysis], text: str, name: str, state: str
) -> None:
    people = {a.name: a.country for a in run(text).actors if a.type == "person"}
    assert people.get(name) == state


def test_it_in_a_clause_hung_on_another_stands_for_that_clause_subject(nlp: Language) -> None:
    text = (
        "Peru ordered transport helicopters in 2013, and Brazil received Mi-35M gunships before"
        " it walked away from a planned Pantsir purchase in 2017."
    )
    assert antecedent_of(nlp, text, "it") == "BRA"


def test_the_junta_is_the_state_the_story_is_about(nlp: Language) -> None:
    text = (
        "Niger's military government has ended two EU missions. Niger's leaders met a Russian"
        " delegation. Moscow has courted the Sahel's military governments since 2021. The"
        " junta has also pressed France to complete its withdrawal."
    )
    assert antecedent_of(nlp, text, "junta") == "NER"


def test_a_bloc_in_an_apposition_is_no_antecedent(run: Callable[..., Analysis]) -> None:
    text = (
        "Russia's embassy condemned the plan. Croatia, a NATO member since 2009, has sent"
        " helicopters to Ukraine since Russia invaded the country in February 2022, and it"
        " trains Ukrainian troops under an EU mission."
    )
    pairs = {
        (a.subject, a.counterpart) for a in run(text).alignment if a.type == "military_training"
    }
    assert pairs == {("HRV", "UKR")}


def test_a_state_fronted_as_the_topic_is_the_country_after_it(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The UAE signed a broader defence cooperation agreement with Serbia in February.\n\n"
        "For Serbia, whose defence exports have recovered strongly, the Gulf has become a key"
        " market. The country sold 20 Lasta training aircraft to Iraq in 2007."
    )
    got = {(d.system, d.supplier, d.recipient) for d in run(text).procurements}
    assert ("Lasta", "SRB", "IRQ") in got


def test_a_service_fronted_as_the_topic_is_what_it_stands_for(
    run: Callable[..., Analysis],
) -> None:
    text = (
        "The European Union and Britain have since sanctioned Iranian officials over the"
        " drones.\n\nFor the Iranian air force, new jets would be a generational leap. It still"
        " flies American F-14s bought under the Shah."
    )
    got = {(d.supplier, d.recipient) for d in run(text).procurements}
    assert got == {("USA", "IRN")}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # The state owning the latest subject, not a state named as a subject before it.
        (
            "Bangladesh buys most of its arms from China. Pakistan's trajectory runs the other"
            " way. The country has received new fighters.",
            "PAK",
        ),
        # With no possessed subject between, the last state named as a subject.
        ("Chile bought frigates from Britain. The country also ordered tanks.", "CHL"),
    ],
)
def test_the_country_after_a_possessed_subject_is_its_owner(
    nlp: Language, text: str, state: str
) -> None:
    doc = nlp(text)
    resolved = resolve(doc, Article(text=text, title="t"))
    country = next(t for t in doc if t.lower_ == "country")
    assert resolved.antecedent(country) == state
