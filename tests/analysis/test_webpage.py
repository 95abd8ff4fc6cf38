"""Saved web pages and the lead of plain texts: the story's own text, title and date, nothing
from the page around it, and no headline, dateline or byline glued onto the first sentence."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from analysis import webpage
from analysis.engine import analyse
from analysis.loading import load_bytes
from analysis.model import Article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
CASES: list[dict[str, Any]] = json.loads((PAGES / "cases.json").read_text(encoding="utf-8"))[
    "cases"
]


def f1(text: str, reference: str) -> float:
    got = Counter(re.findall(r"\w+", text.lower()))
    want = Counter(re.findall(r"\w+", reference.lower()))
    common = sum((got & want).values())
    if not common:
        return 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return 2 * p * r / (p + r)


def load_page(name: str) -> Article:
    return load_bytes((PAGES / name).read_bytes(), name=name)


@pytest.mark.parametrize("case", CASES, ids=[c["shape"] for c in CASES])
def test_a_page_gives_its_story_title_and_date(case: dict[str, Any]) -> None:
    article = load_page(case["file"])
    assert f1(article.text, case["text"]) >= 0.95, article.text
    assert article.published == dt.date.fromisoformat(case["published"])
    assert article.title == case["title"]


def test_the_synthetic_pages_cover_every_failure_pattern() -> None:
    shapes = {c["shape"] for c in CASES}
    assert len(CASES) >= 20
    assert {
        "teaser_article",
        "page_form",
        "div_paragraphs",
        "related_inside",
        "cookie_banner",
        "jsonld_only",
        "utc_midnight",
        "time_element",
        "url_only",
        "amp_page",
    } <= shapes


def test_related_stories_and_teasers_add_no_actors(nlp: Language) -> None:
    for name, own in [
        ("teaser_article.html", {"SRB", "RUS"}),
        ("related_inside.html", {"EGY", "FRA"}),
    ]:
        result = analyse(nlp, load_page(name))
        countries = {a.id for a in result.actors if a.type == "country"}
        assert countries <= own, (name, countries)


def test_site_name_and_url_come_from_the_page() -> None:
    article = load_page("url_only.html")
    assert article.source == "The Defence Desk"
    assert article.url == "https://desk.example/world/2020/07/02/serbia-drones/"


@pytest.mark.parametrize(
    "stamp,shown,expected",
    [
        ("2023-06-14T22:40:00Z", "15 June 2023", "2023-06-15"),  # UTC before local midnight
        ("2023-06-15T01:10:00+00:00", "14 June 2023", "2023-06-14"),  # after it, to the west
        ("2023-06-14T22:40:00Z", "", "2023-06-14"),  # nothing shown: the stamp's day
        ("2023-06-14T12:00:00Z", "15 June 2023", "2023-06-14"),  # midday: no doubt
        ("2022-10-01T00:20:00+04:00", "", "2022-10-01"),  # an offset is already local
    ],
)
def test_timestamps_give_the_day_readers_saw(stamp: str, shown: str, expected: str) -> None:
    byline = f'<span class="date">{shown}</span>' if shown else ""
    html = (
        f'<html><head><meta property="article:published_time" content="{stamp}"></head>'
        f"<body><article><h1>T</h1>{byline}<p>Serbia received six MiG-29 fighter jets from Russia"
        " at an air base near Belgrade, the defence ministry said on Wednesday.</p></article>"
        "</body></html>"
    )
    assert load_bytes(html.encode(), name="a.html").published == dt.date.fromisoformat(expected)


def test_own_extraction_takes_over_when_trafilatura_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webpage, "_trafilatura", lambda html: {})
    case = next(c for c in CASES if c["shape"] == "page_form")
    article = load_page(case["file"])
    assert f1(article.text, case["text"]) >= 0.95
    assert article.published == dt.date.fromisoformat(case["published"])


BODY = "Serbia received six MiG-29 fighter jets from Russia."


@pytest.mark.parametrize(
    "raw,name,title",
    [
        (f"Serbia takes delivery of jets\n{BODY}\n", "a.txt", "Serbia takes delivery of jets"),
        (f"Serbia takes delivery of jets\n\n{BODY}\n", "a.txt", "Serbia takes delivery of jets"),
        (f"# Serbia takes delivery of jets\n{BODY}\n", "a.md", "Serbia takes delivery of jets"),
        (f"---\ntitle: Jets\n---\nJets arrive in Belgrade\n{BODY}\n", "a.md", "Jets"),
    ],
)
def test_a_headline_line_becomes_the_title_and_the_first_sentence_parses_alone(
    nlp: Language, raw: str, name: str, title: str
) -> None:
    article = load_bytes(raw.encode(), name=name)
    assert article.title == title
    assert article.text == BODY
    first = next(iter(nlp(article.text).sents))
    assert first.text == BODY
    assert [t.text for t in first if t.dep_ == "nsubj"] == ["Serbia"]


@pytest.mark.parametrize(
    "lead",
    [
        "KYIV (Reuters) - ",
        "BELGRADE, Oct 24 - ",
        "WASHINGTON — ",
        "BELGRADE, Serbia, Oct. 24 (AP) — ",
        "By Jane Smith\n",
        "By Jane Smith and John Doe, Reuters\nBELGRADE (Reuters) - ",
    ],
)
def test_datelines_and_bylines_are_not_part_of_the_first_sentence(nlp: Language, lead: str) -> None:
    article = load_bytes(f"Jets arrive\n\n{lead}{BODY}\n\nMore followed.".encode(), name="a.txt")
    assert article.text.endswith(f"{BODY}\n\nMore followed.")
    assert "By Jane" not in article.text
    first = next(s for s in nlp(article.text).sents if s.text.startswith("Serbia"))
    assert first.text.strip() == BODY
    assert [t.text for t in first if t.dep_ == "nsubj"] == ["Serbia"]


@pytest.mark.parametrize(
    "raw",
    [
        # A hard-wrapped first sentence is not a headline.
        "Serbia formally took delivery of six MiG-29 fighter jets from Russia on\nWednesday.",
        # Nor is the first line of a wrapped paragraph that breaks inside a name.
        "Six MiG-29 fighter jets arrived in Serbia from Russia and the United\n"
        "Arab Emirates sent a transport plane along with the first of them to\n"
        "Belgrade on Wednesday, officials said.",
        # Nor is a first line that ends a sentence, or a sentence that starts with "By".
        f"{BODY}\nMore followed.",
        "By Tuesday, Serbia had received six jets.\n\nMore followed.",
    ],
)
def test_prose_is_left_alone(raw: str) -> None:
    assert load_bytes(raw.encode(), name="a.txt").text == raw
