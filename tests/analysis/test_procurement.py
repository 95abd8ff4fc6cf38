"""Deals from the grammar: supplier, recipient, status, quantity, one row per system per deal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from analysis.model import Analysis


def deals(result: Analysis) -> list[tuple[str | None, str, str | None, str | None, str]]:
    return [(p.system, p.category, p.supplier, p.recipient, p.status) for p in result.procurements]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "Serbia bought six Pantsir-S1 systems from Russia in 2019.",
            ("Pantsir", "air_defence", "RUS", "SRB", "delivered"),
        ),
        (
            "Russia delivered six MiG-29 fighter jets to Serbia in October 2017.",
            ("MiG-29", "fighter_aircraft", "RUS", "SRB", "delivered"),
        ),
        (
            "Belgrade signed a contract with France for 12 Rafale jets.",
            ("Rafale", "fighter_aircraft", "FRA", "SRB", "ordered"),
        ),
        (
            "Serbia received the FK-3 air defence system, which was acquired from China.",
            ("FK-3", "air_defence", "CHN", "SRB", "delivered"),
        ),
        (
            "Serbia plans to buy Chinese combat drones.",
            (None, "uav", "CHN", "SRB", "planned"),
        ),
        (
            "Turkey's S-400 batteries are in service.",
            ("S-400", "air_defence", "RUS", "TUR", "in_service"),
        ),
        (
            "Serbia displayed its new Chinese FK-3 systems at a parade.",
            ("FK-3", "air_defence", "CHN", "SRB", "displayed"),
        ),
        (
            "India is negotiating with France for more Rafale jets.",
            ("Rafale", "fighter_aircraft", "FRA", "IND", "negotiating"),
        ),
        (
            "Indonesia cancelled its order for Russian Su-35 fighters.",
            ("Su-35", "fighter_aircraft", "RUS", "IDN", "cancelled"),
        ),
        (
            "Egypt's Su-35 deal with Russia stalled.",
            ("Su-35", "fighter_aircraft", "RUS", "EGY", "cancelled"),
        ),
        (
            "Officials said Serbia would buy more Pantsir systems from Russia.",
            ("Pantsir", "air_defence", "RUS", "SRB", "planned"),
        ),
    ],
)
def test_rules(run: Callable[..., Analysis], sentence: str, expected: tuple) -> None:
    assert expected in deals(run(sentence))


def test_coordinated_lists_share_the_verb_and_recipient(run: Callable[..., Analysis]) -> None:
    result = run(
        "Serbia has procured Chinese CH-92A drones as well as Russian Mi-35M helicopters, "
        "BRDM-2 vehicles and T-72B1MS tanks."
    )
    assert {(s, sup, rec) for s, _, sup, rec, _ in deals(result)} == {
        ("CH-92A", "CHN", "SRB"),
        ("Mi-35", "RUS", "SRB"),
        ("BRDM-2", "RUS", "SRB"),
        ("T-72", "RUS", "SRB"),
    }


def test_negated_purchase_is_no_deal(run: Callable[..., Analysis]) -> None:
    assert deals(run("Vucic said Serbia would not buy the S-400.")) == []


def test_a_system_merely_mentioned_is_no_deal(run: Callable[..., Analysis]) -> None:
    assert deals(run("The S-400 is one of the most capable systems in the world.")) == []


def test_transport_carrying_cargo_is_not_procured(run: Callable[..., Analysis]) -> None:
    result = run("The drones arrived in Serbia aboard a Chinese transport aircraft.")
    assert [d[1] for d in deals(result)] == ["uav"]


def test_quantities(run: Callable[..., Analysis]) -> None:
    result = run("Poland ordered 250 M1A2 Abrams tanks and forty-eight FA-50 jets from abroad.")
    quantities = {p.system: p.quantity for p in result.procurements}
    assert quantities["M1 Abrams"] == 250
    result = run("Serbia bought five units of the Pantsir from Russia.")
    assert result.procurements[0].quantity == 5


def test_origin_fills_the_supplier_only_when_the_text_names_none(
    run: Callable[..., Analysis],
) -> None:
    assert deals(run("Serbia ordered the Pantsir."))[0][2] == "RUS"
    assert deals(run("Serbia ordered the Pantsir from Belarus."))[0][2] == "BLR"


def test_one_row_per_system_per_deal_keeps_furthest_stage(run: Callable[..., Analysis]) -> None:
    result = run(
        "Serbia ordered the FK-3 from China in 2019. The FK-3 was delivered to Serbia in 2022."
    )
    assert len(result.procurements) == 1
    row = result.procurements[0]
    assert (row.status, row.date) == ("delivered", "2022")
    assert len(row.evidence) == 2


def test_variant_designations_resolve_to_their_system(run: Callable[..., Analysis]) -> None:
    assert deals(run("Egypt received MiG-29M2 jets from Russia."))[0][0] == "MiG-29"
    assert deals(run("Serbia received MiG-29SMTs from Russia."))[0][0] == "MiG-29"


def test_offsets_point_at_the_system(run: Callable[..., Analysis]) -> None:
    text = "Russia delivered six MiG-29 fighter jets to Serbia."
    row = run(text).procurements[0]
    assert text[row.start : row.end] == "MiG-29"


@pytest.mark.parametrize(
    "text,bloc",
    [
        (
            "The Gulf Cooperation Council held a summit in Riyadh. GCC leaders discussed air "
            "defence. France delivered twelve Rafale fighters last year, officials said.",
            "GCC",
        ),
        (
            "SCO members met in Astana. The SCO said new S-400 systems were delivered by Russia "
            "in 2021.",
            "SCO",
        ),
    ],
)
def test_a_bloc_with_a_three_letter_id_is_never_the_implicit_buyer(
    run: Callable[..., Analysis], text: str, bloc: str
) -> None:
    result = run(text)
    assert result.procurements
    assert all(p.recipient != bloc for p in result.procurements if p.system)
    assert all(s.subject != bloc for s in result.alignment if s.type == "arms_procurement"), (
        result.alignment
    )
