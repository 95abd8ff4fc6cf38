"""Add articles: upload files or paste text, check title and date, analyse; remove articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from analysis import store
from analysis.loading import ACCEPTED, DEFAULT_LIMITS, InputError, load_bytes
from analysis.model import Article
from dashboard import data, ui

ctx = ui.context()
st.title("Add articles")
st.caption(
    f"Accepted: {ACCEPTED}, up to {DEFAULT_LIMITS.max_bytes // 2**20} MB each and "
    f"{ui.UPLOAD_MAX_FILES} files or {ui.UPLOAD_MAX_TOTAL // 2**20} MB at a time. The "
    "publication date anchors relative dates such as “last month”, so check it before "
    "analysing."
)


def parsed(files: list[Any]) -> dict[str, Article | str]:
    """Each uploaded file's article (or refusal message), parsed once per upload and kept in
    the session: reruns (every widget change) reuse it, and removed files are forgotten."""
    cache: dict[str, Article | str] = st.session_state.get("add-parsed", {})
    kept = {f.file_id: cache[f.file_id] for f in files if f.file_id in cache}
    for f in files:
        if f.file_id not in kept:
            try:
                kept[f.file_id] = load_bytes(f.getvalue(), name=f.name)
            except InputError as exc:
                kept[f.file_id] = str(exc)
    st.session_state["add-parsed"] = kept
    return kept


def over_limits(files: list[Any]) -> str | None:
    """Why a batch of uploads is refused whole (too many files or bytes), else None."""
    total = sum(f.size for f in files)
    if len(files) > ui.UPLOAD_MAX_FILES:
        return (
            f"{len(files)} files is over the limit of {ui.UPLOAD_MAX_FILES} at a time; "
            "remove some and analyse them in batches"
        )
    if total > ui.UPLOAD_MAX_TOTAL:
        return (
            f"{total / 2**20:.0f} MB of uploads is over the limit of "
            f"{ui.UPLOAD_MAX_TOTAL // 2**20} MB at a time; remove some and analyse them in batches"
        )
    return None


def store_articles(items: list[tuple[str, Article]]) -> None:
    """Analyse and store each article in its own transaction; report each one."""
    from analysis.engine import analyse  # spaCy loads only when something is analysed

    messages: list[tuple[str, str]] = []
    added: list[tuple[str, str]] = []
    with st.status(f"Analysing {len(items)} article(s)…", expanded=True) as status:
        nlp = data.pipeline()
        progress = st.progress(0.0)
        with store.Store(Path(ctx.db)) as st_:
            for i, (name, article) in enumerate(items, start=1):
                if st_.has(article.id):
                    messages.append(("info", f"{ui.md(name)}: already in the store"))
                else:
                    result = analyse(nlp, article).to_dict()
                    st_.add(result, text=article.text, path=name)
                    messages.append(
                        (
                            "success",
                            f"{ui.md(name)}: {len(result['actors'])} actors, "
                            f"{len(result['events'])} events, "
                            f"{len(result['procurements'])} deal reports, "
                            f"{len(result['alignment'])} signals",
                        )
                    )
                    added.append((article.id, article.title))
                progress.progress(i / len(items))
        status.update(label="Done", state="complete", expanded=False)
    st.session_state["add-messages"] = messages
    st.session_state["add-links"] = added
    st.rerun()


for kind, message in st.session_state.pop("add-messages", []):
    (st.success if kind == "success" else st.info)(message)
for article_id, title in st.session_state.pop("add-links", []):
    st.page_link(
        "views/article.py",
        label=f"Open “{title}”",
        icon=":material/article:",
        query_params={"id": article_id},
    )

upload_tab, paste_tab, remove_tab = st.tabs(["Upload files", "Paste text", "Remove"])

with upload_tab:
    files = list(
        st.file_uploader(
            "Article files",
            accept_multiple_files=True,
            key="upload",
            help=f"Each file is checked when it arrives: one over "
            f"{DEFAULT_LIMITS.max_bytes // 2**20} MB, of another type, empty or corrupt is refused "
            "with the reason, and the others are kept.",
        )
        or []
    )
    ready: list[tuple[str, Article]] = []
    refusal = over_limits(files)
    if refusal:
        st.error(refusal, icon=":material/error:")
        files = []
    uploaded = parsed(files)
    for f in files:
        article = uploaded[f.file_id]
        if isinstance(article, str):
            st.error(ui.md(article), icon=":material/error:")
            continue
        with st.container(border=True):
            st.text(f"{f.name} · {article.words} words")
            if article.published is None:
                st.warning(
                    f"{f.name} has no publication date. Set one below: relative dates such "
                    "as “last month” are resolved against it, and stay undated without it.",
                    icon=":material/event_busy:",
                )
            c1, c2 = st.columns([3, 1])
            title = c1.text_input("Title", value=article.title, key=f"title-{f.file_id}")
            published = c2.date_input(
                "Published",
                value=article.published,
                key=f"published-{f.file_id}",
                format="YYYY-MM-DD",
            )
            ready.append((f.name, article.with_meta(title=title, published=published)))
    if ready and st.button(
        f"Analyse {len(ready)} article(s)", key="upload-analyse", type="primary"
    ):
        store_articles(ready)

with paste_tab:
    text = st.text_area("Article text", key="paste-text", height=240)
    c1, c2 = st.columns([3, 1])
    title = c1.text_input("Title", key="paste-title")
    published = c2.date_input("Published", value=None, key="paste-published", format="YYYY-MM-DD")
    if text.strip() and published is None:
        st.warning(
            "No publication date: relative dates such as “last month” stay undated without one.",
            icon=":material/event_busy:",
        )
    if st.button("Analyse pasted text", key="paste-analyse", type="primary"):
        try:
            article = load_bytes(text.encode("utf-8"), name="pasted.txt")
        except InputError as exc:
            st.error(ui.md(str(exc).replace("pasted.txt: ", "")), icon=":material/error:")
        else:
            store_articles(
                [("pasted text", article.with_meta(title=title or None, published=published))]
            )

with remove_tab:
    query = st.text_input(
        "Find the article", key="remove-q", placeholder="Words of its title (newest first)"
    )
    titles = data.article_choices(ctx.db, ctx.version, str(query or "").strip())
    if not titles:
        ui.empty("No stored article has such a title." if query else "The store is empty.")
    else:
        victim = st.selectbox(
            "Article to remove", list(titles), key="remove-select", format_func=lambda a: titles[a]
        )
        sure = st.checkbox("Also remove everything extracted from it", key="remove-sure")
        if st.button("Remove article", key="remove-button", disabled=not sure):
            with store.Store(Path(ctx.db)) as st_:
                st_.delete(victim)
            st.session_state["add-messages"] = [("success", f"Removed “{ui.md(titles[victim])}”")]
            st.rerun()
