"""Knowledge: add an alias, a person with a role, or a weapon system to the analyst's overlay
of the domain data; the stored articles that mention it are analysed again (corrections kept)
and every later upload recognises it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analysis import knowledge, resources
from analysis.constants import CATEGORIES
from analysis.knowledge import Entry, KnowledgeError
from analysis.store import Store
from dashboard import data, ui
from dashboard.palette import human, plural

ctx = ui.context()
st.title("Knowledge")
st.caption(
    "What the analysis knows comes from its data files. Add a name an article uses for a "
    "known actor, person or weapon system, a person with the role that makes them act for a "
    "state, or a weapon system the data lacks. Entries go to the overlay folder "
    f"`{ui.md(resources.overlay_dir())}` (the same shapes as the shipped files, checked the "
    "same way); stored articles that mention them are analysed again, keeping every correction."
)
for kind, message in st.session_state.pop("kn-messages", []):
    (st.success if kind == "success" else st.info)(message)


def save(make: Any) -> None:
    """Check and write an entry, then re-analyse the stored articles that mention it."""
    try:
        entry: Entry = make()
        knowledge.write(entry)
    except KnowledgeError as exc:
        st.error(ui.md(exc), icon=":material/error:")
        return
    messages = [("success", f"Added {ui.md(entry.summary)}.")]
    with Store(Path(ctx.db), readonly=True) as store:
        ids = knowledge.affected(store, entry.forms)
    if ids:
        with st.status(f"Analysing {plural(len(ids), 'stored article')} again…") as status:
            done = knowledge.reanalyse_stored(Path(ctx.db), ids, data.pipeline())
            status.update(label="Done", state="complete")
        messages.append(
            ("success", f"Re-analysed {plural(done, 'stored article')} that mention it.")
        )
    else:
        messages.append(("info", "No stored article mentions it yet; new uploads will use it."))
    st.session_state["kn-messages"] = messages
    st.rerun()


def _actor_label(a: resources.ActorRecord) -> str:
    return f"{a.name} ({a.id}, {a.type})"


actors = {a.id: a for a in resources.actors()}
states = [a for a in actors.values() if a.type != "company"]
alias_tab, person_tab, weapon_tab, list_tab = st.tabs(
    ["Alias", "Person", "Weapon system", "Overlay entries"]
)

with alias_tab:
    kind = st.radio(
        "An alias of",
        knowledge.KINDS,
        key="kn-alias-kind",
        horizontal=True,
        format_func=lambda k: {"actor": "an actor", "person": "a person", "weapon": "a weapon"}[k],
    )
    if kind == "actor":
        labels = {a.id: _actor_label(a) for a in actors.values()}
    elif kind == "person":
        labels = {p.id: f"{p.name} ({p.country})" for p in resources.people()}
    else:
        labels = {w.id: f"{w.name} ({human(w.category)}, {w.origin})" for w in resources.weapons()}
    record = st.selectbox(
        "Record", list(labels), key=f"kn-alias-{kind}", format_func=lambda r: labels.get(r, r)
    )
    alias = st.text_input("Alias, as articles write it", key="kn-alias-text", max_chars=80)
    if st.button("Add alias", key="kn-alias-add", type="primary"):
        save(lambda: knowledge.alias_entry(str(kind), str(record), alias))

with person_tab:
    c1, c2 = st.columns(2)
    name = c1.text_input("Full name", key="kn-person-name", max_chars=80)
    state = c2.selectbox(
        "Acts for",
        [a.id for a in states],
        key="kn-person-actor",
        format_func=lambda a: _actor_label(actors[a]),
    )
    c3, c4, c5 = st.columns(3)
    title = c3.text_input(
        "Role title",
        value="defence_minister",
        key="kn-person-title",
        help="Lower-case words joined by _, as in the data: head_of_state, foreign_minister…",
    )
    start = c4.text_input("From (year)", key="kn-person-start", max_chars=4)
    end = c5.text_input("To (year, empty: still in office)", key="kn-person-end", max_chars=4)
    aliases = st.text_input("Other names (comma-separated)", key="kn-person-aliases")
    if st.button("Add person", key="kn-person-add", type="primary"):
        save(
            lambda: knowledge.person_entry(
                name,
                actor=str(state),
                title=title,
                start=start,
                end=end or None,
                aliases=[a for a in aliases.split(",") if a.strip()],
            )
        )

with weapon_tab:
    c1, c2 = st.columns(2)
    wname = c1.text_input("Name", key="kn-weapon-name", max_chars=80)
    category = c2.selectbox(
        "Category", list(CATEGORIES), key="kn-weapon-category", format_func=human
    )
    c3, c4 = st.columns(2)
    origin = c3.selectbox(
        "Country of origin",
        [a.id for a in actors.values() if a.type == "country"],
        key="kn-weapon-origin",
        format_func=lambda a: _actor_label(actors[a]),
    )
    maker = c4.text_input("Maker", key="kn-weapon-maker", max_chars=80)
    waliases = st.text_input(
        "Other designations (comma-separated; each must share a word or designation with the name)",
        key="kn-weapon-aliases",
    )
    if st.button("Add weapon system", key="kn-weapon-add", type="primary"):
        save(
            lambda: knowledge.weapon_entry(
                wname,
                category=str(category),
                origin=str(origin),
                maker=maker,
                aliases=[a for a in waliases.split(",") if a.strip()],
            )
        )

with list_tab:
    try:
        listed = knowledge.entries()
    except resources.DataFileError as exc:
        st.error(ui.md(exc), icon=":material/error:")
        listed = []
    if not listed:
        ui.empty("The overlay is empty: nothing added yet.")
    else:
        frame = pd.DataFrame(listed).assign(aliases=lambda f: f["aliases"].map(", ".join))
        st.dataframe(frame, hide_index=True, key="kn-list", width="stretch")
