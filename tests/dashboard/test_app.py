"""Every page driven through Streamlit's AppTest: uploads, filters, chart specs and tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from analysis.store import Store
from dashboard.ui import UPLOAD_MAX_FILES, UPLOAD_MAX_TOTAL, md
from tests.dashboard.conftest import APP

PAGES = [
    "views/overview.py",
    "views/article.py",
    "views/timeline.py",
    "views/procurement.py",
    "views/alignment.py",
    "views/stance.py",
    "views/add.py",
]
NEW_ARTICLE = (
    "---\ntitle: Vietnam weighs Indian missiles\npublished: 2023-05-10\n---\n"
    "Vietnam signed a contract to buy the BrahMos missile from India last month, officials "
    "said on Tuesday. Hanoi also received two Gepard-class frigates from Russia in 2018.\n"
)


def app(page: str | None = None, **params: list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, values in params.items():
        at.query_params[key] = values
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def values(encoded: Any) -> list[Any]:
    """Plotly may ship numeric arrays as base64 typed arrays; decode them to a list."""
    if isinstance(encoded, dict) and "bdata" in encoded:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(encoded["bdata"]), dtype=encoded["dtype"]).tolist()
    return list(encoded)


def count(db: Path) -> int:
    with Store(db, readonly=True) as st:
        return st.count()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(app_db: Path, page: str) -> None:
    at = app(page)
    assert not at.error
    assert at.title[0].value


def test_overview_counts_and_charts(app_db: Path) -> None:
    at = app()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "15"
    titles = [s["layout"]["title"]["text"] for s in specs(at)]
    assert "Most-mentioned actors" in titles
    assert any(t.startswith("Net alignment of") for t in titles)


def test_actor_filter_narrows_every_table(app_db: Path) -> None:
    at = app("views/procurement.py")
    at.multiselect(key="actor").set_value(["TUR"]).run()
    sankey = next(s for s in specs(at) if s["data"][0]["type"] == "sankey")
    labels = sankey["data"][0]["node"]["label"]
    assert "Turkey" in labels and "Serbia" not in labels
    deals = at.dataframe[0].value
    assert set(deals["recipient"]) | set(deals["supplier"]) >= {"Turkey"}
    assert all(
        "Turkey" in (r, s) for r, s in zip(deals["recipient"], deals["supplier"], strict=True)
    )
    assert at.query_params["actor"] in ("TUR", ["TUR"])  # the shareable URL


def test_filters_are_read_from_the_url(app_db: Path) -> None:
    at = app("views/alignment.py", actor=["EGY"], **{"from": ["2021-01-01"]})
    assert at.multiselect(key="actor").value == ["EGY"]
    assert at.selectbox(key="al-subject").value == "EGY"
    evidence = at.dataframe[0].value
    assert len(evidence) and set(evidence["subject"]) == {"Egypt"}


def test_date_range_filters_the_timeline(app_db: Path) -> None:
    at = app("views/timeline.py", **{"from": ["2020-01-01"], "to": ["2020-12-31"]})
    table = at.dataframe[0].value
    assert len(table) and all(d[:4] == "2020" for d in table["date"])
    bars = specs(at)[0]["data"]
    assert bars and all(b["type"] == "bar" for b in bars)


def test_month_precise_events_span_their_month(app_db: Path) -> None:
    at = app("views/timeline.py", actor=["IND"])
    spec = specs(at)[0]
    widths = {
        cd[2]: x
        for trace in spec["data"]
        for cd, x in zip(trace["customdata"], values(trace["x"]), strict=True)
    }
    assert widths["month"] > widths["day"] * 25


def test_upload_analyses_a_new_article_and_its_actor_can_be_filtered(app_db: Path) -> None:
    before = count(app_db)
    at = app("views/add.py")
    at.file_uploader(key="upload").upload("vietnam.md", NEW_ARTICLE.encode(), "text/markdown")
    at.run()
    assert not at.error
    title = next(t for t in at.text_input if t.key.startswith("title-"))
    assert title.value == "Vietnam weighs Indian missiles"
    at.button(key="upload-analyse").click().run()
    assert not at.exception
    assert count(app_db) == before + 1
    assert any(md("vietnam.md") in s.value for s in at.success)

    at = app("views/procurement.py", actor=["VNM"])
    deals = at.dataframe[0].value
    assert "BrahMos" in set(deals["system"])
    sankey = next(s for s in specs(at) if s["data"][0]["type"] == "sankey")
    assert "Vietnam" in sankey["data"][0]["node"]["label"]

    again = app("views/add.py")
    again.file_uploader(key="upload").upload("copy.md", NEW_ARTICLE.encode(), "text/markdown")
    again.run()
    again.button(key="upload-analyse").click().run()
    assert count(app_db) == before + 1
    assert any("already in the store" in i.value for i in again.info)


def test_edited_publication_date_is_used(app_db: Path) -> None:
    import datetime as dt

    at = app("views/add.py")
    at.file_uploader(key="upload").upload("vietnam.md", NEW_ARTICLE.encode(), "text/markdown")
    at.run()
    next(d for d in at.date_input if d.key.startswith("published-")).set_value(
        dt.date(2019, 3, 1)
    ).run()
    at.button(key="upload-analyse").click().run()
    with Store(app_db, readonly=True) as st:
        events = st.read("events", actors=["VNM"])
    assert "2019-02" in set(events["date"])  # "last month" against 1 March 2019


@pytest.mark.parametrize(
    "name,content",
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 10),
        ("huge.txt", b"Serbia bought jets. " * 600_000),
        ("broken.pdf", b"%PDF-1.7 this is not really a pdf" * 10),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 200),
    ],
)
def test_bad_uploads_show_an_error_and_change_nothing(
    app_db: Path, name: str, content: bytes
) -> None:
    before = count(app_db)
    at = app("views/add.py")
    at.file_uploader(key="upload").upload(name, content, "application/octet-stream")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and md(name) in at.error[0].value
    assert not [b for b in at.button if b.key == "upload-analyse"]
    assert count(app_db) == before


def test_one_bad_file_does_not_stop_the_others(app_db: Path) -> None:
    before = count(app_db)
    at = app("views/add.py")
    uploader = at.file_uploader(key="upload")
    uploader.upload("bad.txt", b"", "text/plain")
    uploader.upload("good.md", NEW_ARTICLE.encode(), "text/markdown")
    at.run()
    assert len(at.error) == 1
    at.button(key="upload-analyse").click().run()
    assert count(app_db) == before + 1


def test_pasted_text_is_analysed(app_db: Path) -> None:
    before = count(app_db)
    at = app("views/add.py")
    at.text_area(key="paste-text").set_value("Armenia bought Indian Pinaka rocket launchers.")
    at.text_input(key="paste-title").set_value("Armenia buys Pinaka")
    at.button(key="paste-analyse").click().run()
    assert count(app_db) == before + 1
    at = app("views/paste" if False else "views/add.py")
    at.button(key="paste-analyse").click().run()
    assert at.error  # empty paste box: a clear message, nothing stored
    assert count(app_db) == before + 1


def test_an_article_can_be_removed(app_db: Path) -> None:
    before = count(app_db)
    at = app("views/add.py")
    at.checkbox(key="remove-sure").check().run()
    at.button(key="remove-button").click().run()
    assert count(app_db) == before - 1


def test_article_text_with_markup_renders_as_text(app_db: Path) -> None:
    hostile = (
        "Serbia bought drones from China. <script>alert('x')</script> "
        "<img src=x onerror=alert(1)> The Pantsir arrived."
    )
    at = app("views/add.py")
    at.text_area(key="paste-text").set_value(hostile)
    at.text_input(key="paste-title").set_value("<b>Bold</b> title <script>alert(2)</script>")
    at.button(key="paste-analyse").click().run()
    at = app("views/article.py")
    options = at.selectbox(key="art-select").options
    choice = next(o for o in options if "Bold" in o)
    at.selectbox(key="art-select").select(choice).run()
    bodies = [h.proto.body for h in at.html]
    article = next(b for b in bodies if "am-article" in b)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "<script" not in article and "<img" not in article


def test_every_page_offers_csv_and_json_downloads(app_db: Path) -> None:
    for page in PAGES[:-1]:
        at = app(page)
        labels = {b.proto.label for b in at.get("download_button")}
        assert {"Download CSV", "Download JSON"} <= labels, page


def test_empty_store_explains_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGNMENT_DB", str(tmp_path / "empty.sqlite"))
    at = app(
        "views/procurement.py", actor=["XKX"], **{"from": ["1990-01-01"], "to": ["1990-12-31"]}
    )
    assert at.info and "No arms deals" in at.info[0].value


def test_reported_future_is_not_a_hedged_claim(app_db: Path) -> None:
    from analysis.model import text_id

    text = (
        "Officials in Belgrade said Serbia would buy drones from China. "
        "Serbia reportedly said it had bought jets from Russia."
    )
    at = app("views/add.py")
    at.text_area(key="paste-text").set_value(text)
    at.button(key="paste-analyse").click().run()
    at = app("views/stance.py", article=[text_id(text)])
    claims = next(s for s in specs(at) if s["layout"]["title"]["text"].startswith("Confirmed"))
    counts = {t["name"]: sum(values(t["x"])) for t in claims["data"]}
    assert counts == {"confirmed": 1, "hedged": 1}


def test_uploads_are_parsed_once_however_often_the_page_reruns(
    app_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analysis.loading

    calls: list[str] = []
    real = analysis.loading.load_bytes

    def counting(data: bytes, **kwargs: Any) -> Any:
        calls.append(kwargs.get("name", ""))
        return real(data, **kwargs)

    monkeypatch.setattr(analysis.loading, "load_bytes", counting)
    at = app("views/add.py")
    uploader = at.file_uploader(key="upload")
    uploader.upload("vietnam.md", NEW_ARTICLE.encode(), "text/markdown")
    uploader.upload("bad.txt", b"", "text/plain")
    at.run()
    title = next(t for t in at.text_input if t.key.startswith("title-"))
    title.set_value("Edited title").run()
    at.run()
    assert sorted(calls) == ["bad.txt", "vietnam.md"]
    assert len(at.error) == 1


@pytest.mark.parametrize("batch", ["too many files", "too many bytes"])
def test_an_oversized_batch_of_uploads_is_refused_whole(
    app_db: Path, monkeypatch: pytest.MonkeyPatch, batch: str
) -> None:
    import analysis.loading

    calls: list[str] = []
    monkeypatch.setattr(analysis.loading, "load_bytes", lambda data, **kw: calls.append(kw["name"]))
    at = app("views/add.py")
    uploader = at.file_uploader(key="upload")
    if batch == "too many files":
        for i in range(UPLOAD_MAX_FILES + 1):
            uploader.upload(
                f"a{i}.md", NEW_ARTICLE.encode() + bytes([65 + i % 26]), "text/markdown"
            )
    else:
        size = UPLOAD_MAX_TOTAL // 4 + 1
        for i in range(4):
            uploader.upload(f"big{i}.txt", b"Serbia bought jets. " * (size // 20 + 1), "text/plain")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "limit" in at.error[0].value
    assert calls == []
    assert not [b for b in at.button if b.key == "upload-analyse"]


HOSTILE_NAME = "![x](https://example.invalid/p.png) [click](https://example.invalid) :red[x].md"


def test_file_names_and_sources_are_shown_as_literal_markdown(app_db: Path) -> None:
    at = app("views/add.py")
    uploader = at.file_uploader(key="upload")
    article = NEW_ARTICLE.replace(
        "published: 2023-05-10\n",
        "published: 2023-05-10\nsource: '[desk](https://example.invalid)'\n",
    )
    uploader.upload(HOSTILE_NAME, article.encode(), "text/markdown")
    uploader.upload("![e](https://example.invalid/e.png).txt", b"", "text/plain")
    at.run()
    assert "](" not in at.error[0].value and "![e]" not in at.error[0].value
    at.button(key="upload-analyse").click().run()
    shown = [s.value for s in at.success]
    assert shown and all("](" not in s and ":red[" not in s for s in shown)
    at = app("views/article.py")
    options = at.selectbox(key="art-select").options
    at.selectbox(key="art-select").select(next(o for o in options if "Vietnam" in o)).run()
    caption = at.caption[0].value
    assert "desk" in caption and "](" not in caption
