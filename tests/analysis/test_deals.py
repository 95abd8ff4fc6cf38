"""The deal merge and the signal merge are pure functions over report records."""

from __future__ import annotations

import random
from dataclasses import replace

import pandas as pd
import pytest

from analysis.deals import COPY_BITS, Report, deal_id, fingerprint, merge_deals
from analysis.signals import SignalReport, alignment_index, corroboration, merge_signals


def report(row: int, article: str, **kw: object) -> Report:
    base: dict[str, object] = {
        "row_id": row,
        "article_id": article,
        "supplier": "FRA",
        "recipient": "KAZ",
        "system": "CAESAR",
        "category": "artillery",
        "status": "ordered",
        "quantity": 24,
        "date": None,
        "published": "2023-03-02",
        "sentence": f"sentence {row}",
    }
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def test_two_articles_on_one_deal_make_one_deal_with_two_sources() -> None:
    deals = merge_deals(
        [report(1, "a", published="2023-03-02"), report(2, "b", published="2024-06-18")]
    )
    assert len(deals) == 1
    deal = deals[0]
    assert (deal.supplier, deal.recipient, deal.system, deal.status) == (
        "FRA",
        "KAZ",
        "CAESAR",
        "ordered",
    )
    assert deal.sources == 2 and len(deal.reports) == 2 and deal.conflicts == []
    assert (deal.first_reported, deal.last_reported) == ("2023-03-02", "2024-06-18")
    assert deal.quantity_ordered == 24 and deal.order_year == 2023


def test_a_different_quantity_is_a_conflict_naming_the_reports() -> None:
    (deal,) = merge_deals([report(1, "a"), report(2, "b"), report(3, "c", quantity=30)])
    assert deal.conflicts == [{"field": "quantity", "values": [24, 30], "reports": [1, 2, 3]}]
    assert deal.quantity_ordered == 24  # two sources against one


def test_syndicated_copies_count_as_one_source() -> None:
    (deal,) = merge_deals(
        [report(1, "a"), report(2, "a2", copy_of="a"), report(3, "a3", copy_of="a")]
    )
    assert deal.sources == 1 and len(deal.reports) == 3


@pytest.mark.parametrize(
    "years,expected",
    [
        ((2015, 2016, 2018), 1),  # one deal reported over three years
        ((2015, 2021), 2),  # a second order six years later is a new deal
        ((2010, 2012, 2014, 2016), 1),  # continuous coverage chains
    ],
)
def test_deals_split_when_years_are_far_apart(years: tuple[int, ...], expected: int) -> None:
    reports = [report(i, f"a{i}", published=f"{y}-05-01") for i, y in enumerate(years)]
    assert len(merge_deals(reports)) == expected


def test_generic_mentions_group_by_category_and_systems_by_family() -> None:
    deals = merge_deals(
        [
            report(1, "a", system=None, category="uav"),
            report(2, "b", system=None, category="uav"),
            report(3, "c", system="Caesar"),  # the same family in another case
            report(4, "d"),
        ]
    )
    assert sorted(len(d.reports) for d in deals) == [2, 2]


@pytest.mark.parametrize(
    "statuses,expected",
    [
        (["ordered"], "ordered"),
        (["delivered"], "delivered"),  # the only source
        (["ordered", "ordered", "delivered"], "ordered"),  # delivery rests on one source
        (["ordered", "delivered", "delivered"], "delivered"),
        (["planned", "negotiating"], "planned"),  # negotiating vouches for planned
        (["ordered", "cancelled", "cancelled"], "cancelled"),
        (["ordered", "ordered", "cancelled"], "ordered"),
        (["displayed"], "displayed"),
    ],
)
def test_status_is_the_furthest_corroborated_stage(statuses: list[str], expected: str) -> None:
    reports = [report(i, f"a{i}", status=s) for i, s in enumerate(statuses)]
    (deal,) = merge_deals(reports)
    assert deal.status == expected


def test_stage_history_keeps_each_stage_with_its_first_date() -> None:
    (deal,) = merge_deals(
        [
            report(1, "a", status="ordered", date="2023-03-02"),
            report(2, "b", status="delivered", date="2024-11", published="2024-12-01"),
            report(3, "c", status="ordered", date="2023", published="2024-01-01"),
        ]
    )
    assert [(s["stage"], s["first"], s["sources"]) for s in deal.stages] == [
        ("ordered", "2023-03-02", 2),
        ("delivered", "2024-11", 1),
    ]
    assert deal.delivery_years == [2024]


def test_status_going_backwards_and_other_suppliers_are_conflicts() -> None:
    (deal,) = merge_deals(
        [
            report(1, "a", status="delivered", date="2023-05-01"),
            report(2, "b", status="negotiating", date="2023-09-01"),
            report(3, "c", supplier="DEU"),
            report(4, "d", supplier=None),
        ]
    )
    fields = {c["field"]: c for c in deal.conflicts}
    assert fields["status"]["values"] == ["delivered", "negotiating"]
    assert fields["status"]["reports"] == [1, 2]
    assert fields["supplier"]["values"] == ["FRA", "DEU"]
    assert deal.supplier == "FRA"


def test_the_merge_ignores_input_order_and_ids_are_stable() -> None:
    reports = [report(i, f"a{i}", published=f"{2019 + i % 3}-0{1 + i % 9}-01") for i in range(9)]
    reports.append(report(20, "z", system="K9 Thunder"))
    first = [d.to_dict() for d in merge_deals(reports)]
    shuffled = reports[:]
    random.Random(3).shuffle(shuffled)
    assert [d.to_dict() for d in merge_deals(shuffled)] == first
    # a further report of the same period keeps the deal's id
    more = merge_deals([*reports, report(30, "new", published="2020-06-01")])
    assert {d.id for d in more} == {d["id"] for d in first}
    assert deal_id("KAZ", "caesar", 2019) in {d.id for d in more}


def test_fingerprints_tell_copies_from_other_texts() -> None:
    text = " ".join(f"word{i} sits near word{i + 1} in sentence {i}." for i in range(120))
    copy = "A new headline\n\n" + text + "\n\nDistributed by a wire service."
    other = " ".join(f"term{i} lies far from term{i * 7} in line {i}." for i in range(120))
    fp = fingerprint(text)
    assert (fp ^ fingerprint(copy)).bit_count() <= COPY_BITS
    assert (fp ^ fingerprint(other)).bit_count() > COPY_BITS


def signal(row: int, article: str, day: str, **kw: object) -> SignalReport:
    base: dict[str, object] = {
        "row_id": row,
        "article_id": article,
        "subject": "SRB",
        "counterpart": "RUS",
        "type": "arms_procurement",
        "basis": "material",
        "direction": 1,
        "weight": 1.0,
        "date": None,
        "published": day,
        "sentence": "s",
    }
    base.update(kw)
    return SignalReport(**base)  # type: ignore[arg-type]


def test_signals_merge_within_the_window_and_count_sources() -> None:
    merged = merge_signals(
        [
            signal(1, "a", "2020-01-01"),
            signal(2, "b", "2020-01-10"),
            signal(3, "b2", "2020-01-11", copy_of="b"),
            signal(4, "c", "2020-06-01"),
            signal(5, "d", "2020-01-05", direction=-1, type="exercise_suspension"),
        ]
    )
    by = {(m.type, m.first): m for m in merged}
    assert len(merged) == 3
    jan = by[("arms_procurement", "2020-01-01")]
    assert jan.sources == 2 and len(jan.reports) == 3 and jan.last == "2020-01-11"
    assert by[("arms_procurement", "2020-06-01")].sources == 1


def test_a_story_repeated_ten_times_does_not_weigh_ten_times() -> None:
    toward = [signal(i, f"a{i}", "2020-03-01") for i in range(10)]
    away = [signal(20, "x", "2020-03-02", direction=-1, type="verbal_criticism", weight=1.0)]
    merged = pd.DataFrame([m.to_dict() for m in merge_signals([*toward, *away])])
    index = alignment_index(merged)
    row = index.iloc[0]
    assert row["signals"] == 2 and row["sources"] == 11
    assert row["net"] == pytest.approx(corroboration(10) - 1.0) == pytest.approx(0.5)
    assert row["index"] == pytest.approx(0.5 / 2.5)


def test_index_is_between_minus_one_and_one_per_year() -> None:
    reports = [
        signal(1, "a", "2019-02-01"),
        signal(2, "b", "2020-02-01", direction=-1, type="sanctions"),
    ]
    merged = pd.DataFrame([m.to_dict() for m in merge_signals(reports)])
    index = alignment_index(merged)
    assert index["period"].tolist() == [2019, 2020]
    assert index["index"].tolist() == [1.0, -1.0]


def test_corroboration_grows_and_is_capped() -> None:
    assert [corroboration(n) for n in (1, 2, 3, 10)] == [1.0, 1.25, 1.5, 1.5]


def test_reports_are_plain_records_that_corrections_can_replace() -> None:
    (deal,) = merge_deals([report(1, "a"), report(2, "b")])
    corrected = replace(report(2, "b"), quantity=30)
    (again,) = merge_deals([report(1, "a"), corrected])
    assert deal.conflicts == [] and again.conflicts[0]["values"] == [24, 30]
