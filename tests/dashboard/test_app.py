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
    "views/dyad.py",
    "views/stance.py",
    "views/queue.py",
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


def chart(at: AppTest, title: str) -> dict[str, Any]:
    return next(s for s in specs(at) if s["layout"]["title"]["text"].startswith(title))


def network_labels(at: AppTest) -> list[str]:
    """Names of the states in the who-arms-whom network."""
    return list(chart(at, "Who arms whom")["data"][-1]["text"])


def chart_texts(at: AppTest, title: str) -> set[str]:
    """Every label drawn on a chart: point texts, category axis values and annotations."""
    spec = chart(at, title)
    out = {t for trace in spec["data"] for t in trace.get("text") or [] if isinstance(t, str)}
    out |= {y for trace in spec["data"] for y in trace.get("y") or [] if isinstance(y, str)}
    out |= {a.get("text", "") for a in spec["layout"].get("annotations", [])}
    return out - {""}


TABLES = {"pr-table": "stage history", "dy-deals": "stage history", "pr-register": "Designation"}


def table(at: AppTest, key: str) -> Any:
    """The first table on the page with the column that identifies ``key``'s table."""
    return next(d.value for d in at.dataframe if TABLES[key] in d.value.columns)


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
    assert any(t.startswith("Alignment index of") for t in titles)


def test_actor_filter_narrows_every_table(app_db: Path) -> None:
    at = app("views/procurement.py")
    at.multiselect(key="actor").set_value(["TUR"]).run()
    labels = network_labels(at)
    assert "Turkey" in labels and "Serbia" not in labels
    deals = table(at, "pr-table")
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
    deals = table(at, "pr-table")
    assert "BrahMos" in set(deals["system"])
    assert "Vietnam" in network_labels(at)
    assert "BrahMos (India → Vietnam)" in chart_texts(at, "Deals by year")  # names on charts
    assert any("BrahMos" in t for t in chart_texts(at, "Who arms whom"))

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
    assert counts == {"Confirmed": 1, "Hedged": 1}


def test_procurement_shows_one_row_per_deal_with_sources_and_conflicts(app_db: Path) -> None:
    at = app("views/procurement.py", actor=["SRB"])
    deals = table(at, "pr-table")
    with Store(app_db, readonly=True) as st:
        stored = st.read("deals", actors=["SRB"])
    assert len(deals) == len(stored)
    assert {"sources", "conflicts", "stage history", "evidence"} <= set(deals.columns)
    mig = deals[deals["system"] == "MiG-29"].iloc[0]
    assert mig["sources"] >= 2 and mig["status"] == "Delivered"
    register = table(at, "pr-register")
    assert "MiG-29" in set(register["Designation"]) and "Serbia" in set(register["Recipient"])
    labels = {b.proto.label for b in at.get("download_button")}
    assert "Download register (CSV)" in labels
    shares = chart(at, "Suppliers of Serbia")
    assert any(t.get("name") == "Herfindahl index" for t in shares["data"])


def test_dyad_view_shows_deals_signals_and_statements_between_two_actors(app_db: Path) -> None:
    at = app("views/dyad.py", a=["SRB"], b=["RUS"])
    assert at.selectbox(key="dy-a").value == "SRB" and at.selectbox(key="dy-b").value == "RUS"
    metrics = {m.label: int(m.value.replace(",", "")) for m in at.metric}
    assert metrics["Arms deals"] > 0 and metrics["Merged alignment signals"] > 0
    deals = table(at, "dy-deals")
    assert set(deals["supplier"]) | set(deals["recipient"]) == {"Serbia", "Russia"}
    assert "MiG-29" in set(deals["system"])
    kinds = {t["name"] for t in chart(at, "Between them")["data"]}
    assert {"Deal", "Signal"} <= kinds
    assert any("MiG-29" in t.split(", ") for t in chart_texts(at, "Between them"))
    at.selectbox(key="dy-b").select("CHN").run()
    deals = table(at, "dy-deals")
    assert set(deals["supplier"]) | set(deals["recipient"]) == {"Serbia", "China"}
    assert at.query_params["b"] in ("CHN", ["CHN"])


def test_no_missing_value_markers_on_any_page(app_db: Path) -> None:
    for page in PAGES[:-1]:
        at = app(page, actor=["SRB"])
        for frame in at.dataframe:
            cells = frame.value.astype(str).to_numpy().ravel().tolist()
            bad = {"nan", "None", "<NA>", "NaN"} & set(cells)
            assert not bad, (page, bad)
        for caption in at.caption:
            assert "nan" not in caption.value.split() and "None" not in caption.value, page


def test_alignment_page_explains_the_index(app_db: Path) -> None:
    at = app("views/alignment.py", actor=["SRB"])
    text = " ".join(m.value for m in at.markdown)
    assert "index = sum of" in text and "sources" in text and "Blocs" in text
    spec = chart(at, "Alignment index of Serbia toward each counterpart")
    assert spec["layout"]["xaxis"]["type"] == "linear"


def test_upload_without_a_date_asks_for_one_and_links_to_the_article(app_db: Path) -> None:
    undated = "Armenia bought four Indian Pinaka rocket launchers last month.\n"
    at = app("views/add.py")
    at.file_uploader(key="upload").upload("undated.txt", undated.encode(), "text/plain")
    at.run()
    assert any("no publication date" in w.value for w in at.warning)
    at.button(key="upload-analyse").click().run()
    links = at.get("page_link")
    assert links and "Open" in links[0].proto.label
    from analysis.model import text_id

    assert text_id(undated) in links[0].proto.page or text_id(undated) in str(links[0].proto)
    article = app("views/article.py", id=[text_id(undated)])
    assert article.selectbox(key="art-select").value == text_id(undated)


def test_a_file_over_the_size_limit_is_refused_in_an_error_box(app_db: Path) -> None:
    at = app("views/add.py")
    big = b"Serbia bought jets. " * 600_000  # 12 MB: over the 10 MB article limit
    at.file_uploader(key="upload").upload("big.txt", big, "text/plain")
    at.run()
    assert len(at.error) == 1 and "over the 10 MB limit" in at.error[0].value


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
