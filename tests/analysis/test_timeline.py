"""Date expressions resolve against the publication date with the right precision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from analysis.model import Analysis

PUB = dt.date(2020, 10, 20)  # a Tuesday


def dates(result: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [(e.date_text, e.date, e.precision) for e in result.events]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The deal was signed on Oct. 15.", ("Oct. 15", "2020-10-15", "day")),
        ("The deal was signed on 15 October 2020.", ("15 October 2020", "2020-10-15", "day")),
        ("The deal was signed on October 15, 2019.", ("October 15, 2019", "2019-10-15", "day")),
        ("The jets arrived in October 2018.", ("October 2018", "2018-10", "month")),
        ("The order was placed in 2017.", ("2017", "2017", "year")),
        ("The talks began in December.", ("in December", "2019-12", "month")),
        ("The talks began in March.", ("in March", "2020-03", "month")),
        ("The jets will arrive in March.", ("in March", "2021-03", "month")),
        ("The minister spoke on Tuesday.", ("on Tuesday", "2020-10-20", "day")),
        ("The minister spoke on Friday.", ("on Friday", "2020-10-16", "day")),
        ("The drones arrived last month.", ("last month", "2020-09", "month")),
        ("Serbia will buy more next year.", ("next year", "2021", "year")),
        ("Deliveries start in April next year.", ("April next year", "2021-04", "month")),
        ("Earlier this month the minister resigned.", ("Earlier this month", "2020-10", "month")),
        ("Last week Belgrade said so.", ("Last week", "2020-10-12", "week")),
        ("Yesterday the army paraded.", ("Yesterday", "2020-10-19", "day")),
        ("Two years ago the programme began.", ("Two years ago", "2018", "year")),
        ("It will be operational by mid-2021.", ("mid-2021", "2021", "year")),
        ("Doctors arrived this spring.", ("this spring", "2020", "year")),
        ("Sales grew last year.", ("last year", "2019", "year")),
    ],
)
def test_expressions_resolve(
    run: Callable[..., Analysis], sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dates(run(sentence, published=PUB))


@pytest.mark.parametrize(
    "sentence", ["Ties grew in recent years.", "They met recently.", "The 1990s were hard."]
)
def test_vague_spans_are_kept_without_a_date(run: Callable[..., Analysis], sentence: str) -> None:
    found = dates(run(sentence, published=PUB))
    assert found and all(d is None and p is None for _, d, p in found)


def test_relative_dates_stay_unresolved_without_a_publication_date(
    run: Callable[..., Analysis],
) -> None:
    found = dates(run("The drones arrived last month, and on Tuesday more came.", published=None))
    assert [d for _, d, _ in found] == [None, None]


def test_absolute_dates_do_not_need_a_publication_date(run: Callable[..., Analysis]) -> None:
    assert dates(run("It was signed in October 2018.", published=None)) == [
        ("October 2018", "2018-10", "month")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Serbia has 2000 troops in reserve.",
        "The Mirage 2000 is a French jet.",
        "They may buy five more.",
        "It costs 2,017 dollars.",
    ],
)
def test_numbers_designations_and_modals_are_not_dates(
    run: Callable[..., Analysis], sentence: str
) -> None:
    assert dates(run(sentence, published=PUB)) == []


def test_events_carry_sentence_actors_type_and_offsets(run: Callable[..., Analysis]) -> None:
    text = "Serbia signed an agreement with Russia on Oct. 15. Nothing else happened."
    event = run(text, published=PUB).events[0]
    assert event.type == "agreement"
    assert event.actors == ["SRB", "RUS"]
    assert event.sentence == "Serbia signed an agreement with Russia on Oct. 15."
    assert text[event.start : event.end] == event.date_text


@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Russia delivered the jets in 2019.", "delivery"),
        ("Serbia ordered drones in 2019.", "order"),
        ("The armies held joint exercises in 2019.", "exercise"),
        ("Putin visited Belgrade in January 2019.", "visit"),
        ("The EU imposed sanctions in 2014.", "sanction"),
    ],
)
def test_event_types(run: Callable[..., Analysis], sentence: str, kind: str) -> None:
    assert run(sentence, published=PUB).events[0].type == kind


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Drones crossed the border on 26 December 2022. A day earlier, the army tested them.",
            [("26 December 2022", "2022-12-26", "day"), ("A day earlier", "2022-12-25", "day")],
        ),
        (
            "The ministers met in September 2023. Two months later they signed the deal.",
            [("September 2023", "2023-09", "month"), ("Two months later", "2023-11", "month")],
        ),
        # counted from no date before, or a day from a month: unknown, so no date
        ("Two years later the jets arrived.", []),
        ("They met in May 2020. A day later they left.", [("May 2020", "2020-05", "month")]),
        # "a day after the attack" counts from an event, not a date
        (
            "Talks collapsed on 3 May 2021, a day after the attack.",
            [("3 May 2021", "2021-05-03", "day")],
        ),
    ],
)
def test_dates_counted_from_the_date_before(
    run: Callable[..., Analysis], text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dates(run(text, published=PUB)) == expected


@pytest.mark.parametrize(
    "text,expression,value",
    [
        # A day named in the simple present is the next one: what is scheduled.
        ("The exercise runs until June 20.", "June 20", "2024-06-20"),
        ("The exercise ends on Saturday.", "on Saturday", "2024-06-15"),
        # Not when the clause is past, or the day belongs to an act a noun names.
        ("The drills ended on Saturday.", "on Saturday", "2024-06-08"),
        ("It comes weeks after the offensive on June 2.", "June 2", "2024-06-02"),
    ],
)
def test_a_day_in_the_simple_present_is_the_next_one(
    run: Callable[..., Analysis], text: str, expression: str, value: str
) -> None:
    got = {d[0]: d[1] for d in dates(run(text, dt.date(2024, 6, 10)))}
    assert got.get(expression) == value, got
