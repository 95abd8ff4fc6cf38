"""Reviewed articles as gold: the annotation files ``make eval`` scores (docs/annotation.md).

An article is fully reviewed when it has procurement or alignment rows and an analyst has
confirmed, edited or rejected every one of them. Its gold file holds the effective rows (what
the analyst settled); the article text is written beside it as ``articles/<id>.json`` (text and
metadata exactly as stored), so the current rules can be run on it again and scored.
Actors, people, dates and stance cues are not reviewed yet: they are written as extracted, and
``reviewed`` names the facets an analyst settled.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.store import ROOT, Store

REVIEWED = ("procurements", "alignment")
STATE_TYPES = ("country", "bloc", "organisation")


def reviewed_articles(store: Store) -> list[str]:
    """Ids of the articles whose every procurement and alignment row has a review."""
    unions = " UNION ALL ".join(
        f"SELECT t.article_id, t.review FROM {store._source(table, with_rejected=True)} t"
        for table in REVIEWED
    )
    rows = store.conn.execute(
        f"SELECT article_id FROM ({unions}) GROUP BY article_id"
        " HAVING COUNT(*) > 0 AND SUM(review IS NULL) = 0 ORDER BY article_id"
    ).fetchall()
    return [r[0] for r in rows]


def _path_text(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path.resolve())


def gold_for(store: Store, article_id: str, article_file: Path) -> dict[str, Any]:
    """The annotation of one reviewed article, from its effective rows."""
    art = store.read("articles", articles=[article_id]).iloc[0]
    actors = store.read("actors", articles=[article_id])
    events = store.read("events", articles=[article_id])
    procurements = store.read("procurements", articles=[article_id])
    alignment = store.read("alignment", articles=[article_id])
    cues = store.read("stance_cues", articles=[article_id])
    people = actors[actors["type"] == "person"]
    triples = dict.fromkeys(
        (str(s), str(c), int(d))
        for s, c, d in zip(
            alignment["subject"], alignment["counterpart"], alignment["direction"], strict=True
        )
    )
    reviewers = store.conn.execute(
        "SELECT DISTINCT reviewer FROM corrections WHERE article_id = ? AND reviewer IS NOT NULL"
        " ORDER BY reviewer",
        (article_id,),
    ).fetchall()
    return {
        "article": _path_text(article_file),
        "published": art["published"],
        "genre": None,
        "actors": sorted(set(actors[actors["type"].isin(STATE_TYPES)]["actor"])),
        "people": {str(n): str(c) for n, c in zip(people["name"], people["country"], strict=True)},
        "dates": [
            {"text": e["date_text"], "date": e["date"], "precision": e["precision"]}
            for e in events.to_dict("records")
            if e["date"]
        ],
        "procurements": [
            {
                "system": p["system"],
                "category": p["category"],
                "supplier": p["supplier"],
                "recipient": p["recipient"],
                "status": p["status"],
                "quantity": None if p["quantity"] is None else int(p["quantity"]),
            }
            for p in _records(procurements)
        ],
        "alignment": [{"subject": s, "counterpart": c, "direction": d} for s, c, d in triples],
        "stance_cues": [
            {"cue": c["cue"], "type": c["type"], "speaker": c["speaker"], "target": c["target"]}
            for c in _records(cues)
        ],
        "no_transfer": [],
        "reviewed": list(REVIEWED),
        "reviewers": [r[0] for r in reviewers],
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with ``None`` for missing values (not pandas' NA)."""
    return [
        {
            str(k): (None if not isinstance(v, list | dict) and pd.isna(v) else v)
            for k, v in row.items()
        }
        for row in frame.astype(object).to_dict("records")
    ]


def export_gold(store: Store, out: Path) -> list[str]:
    """Write every fully reviewed article as ``out/<id>.json`` and ``out/articles/<id>.json``;
    return the ids written."""
    done = reviewed_articles(store)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for aid in done:
        art = store.read("articles", articles=[aid]).iloc[0]
        article_file = folder / f"{aid}.json"
        source = {
            "text": store.text(aid),
            "title": art["title"],
            "published": art["published"],
            "source": art["source"],
            "url": art["url"],
        }
        article_file.write_text(json.dumps(source, ensure_ascii=False, indent=1), "utf-8")
        gold = gold_for(store, aid, article_file)
        (out / f"{aid}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
    return done


QUEUE_COLUMNS = ["table", "row_id", "article_id", "score", "reasons", "label", "sentence"]


def _keys(frame: pd.DataFrame, where: pd.Series) -> set[tuple[str, str]]:
    """(article id, sentence) of every report of the chosen deals or merged signals."""
    return {
        (str(r["article_id"]), str(r["sentence"]))
        for reports in frame.loc[where, "reports"]
        for r in reports
    }


def queue(store: Store, *, limit: int = 50) -> pd.DataFrame:
    """Unreviewed procurement and alignment rows, most in need of a person first: reports of
    deals with conflicting reports, of single-source deals, of single-source signals with a
    high weight, and rows from sentences with a hedge."""
    deals = store.read("deals", columns=["reports", "conflicts", "sources"])
    signals = store.read("signals", columns=["reports", "sources", "weight"])
    cues = store.read("stance_cues", columns=["article_id", "type", "sentence"])
    hedged = {
        (str(a), str(s))
        for a, s, t in zip(cues["article_id"], cues["sentence"], cues["type"], strict=True)
        if t == "hedge"
    }
    deal, signal, both = ("procurements",), ("alignment",), REVIEWED
    reasons: list[tuple[str, set[tuple[str, str]], int, tuple[str, ...]]] = [
        ("deal with conflicting reports", _keys(deals, deals["conflicts"].map(bool)), 3, deal),
        ("single-source deal", _keys(deals, deals["sources"] == 1), 2, deal),
        (
            "single-source signal with high weight",
            _keys(signals, (signals["sources"] == 1) & (signals["weight"] >= 1.0)),
            2,
            signal,
        ),
        ("hedged sentence", hedged, 1, both),
    ]
    items: list[dict[str, Any]] = []
    for table in REVIEWED:
        rows = store.read(table)
        for row in _records(rows[rows["review"].isna()]):
            key = (str(row["article_id"]), str(row["sentence"]))
            why = [
                (name, w) for name, keys, w, tables in reasons if table in tables and key in keys
            ]
            items.append(
                {
                    "table": table,
                    "row_id": row["row_id"],
                    "article_id": row["article_id"],
                    "score": sum(w for _, w in why),
                    "reasons": [name for name, _ in why],
                    "label": _label(table, row),
                    "sentence": row["sentence"],
                    "start": row["start"],
                    "end": row["end"],
                }
            )
    items.extend(_title_only(store))
    items.sort(key=lambda i: (-i["score"], str(i["article_id"]), int(i["start"])))
    top = items[:limit]
    for item in top:
        if item["sentence"] is None:
            item.update(_where(store, str(item["article_id"]), int(item["start"])))
    return pd.DataFrame(top, columns=[*QUEUE_COLUMNS, "start", "end"])


TITLE_ONLY = "unknown person linked by title only"


def _title_only(store: Store) -> list[dict[str, Any]]:
    """People the data does not know whom only a title ("the defence minister X", "X, Serbia's
    envoy") linked to a state: their actor row, not yet settled, at their first mention."""
    from analysis import resources

    known = resources.people_by_id()
    rows = store.read("actors")
    rows = rows[
        (rows["type"] == "person")
        & ~rows["actor"].isin(list(known))
        & rows["country"].notna()
        & rows["review"].isna()
    ]
    if rows.empty:
        return []
    ents = store.read("entities", articles=sorted(set(rows["article_id"])))
    first = ents.dropna(subset=["actor"]).groupby(["article_id", "actor"])["start"].min()
    return [
        {
            "table": "actors",
            "row_id": r["row_id"],
            "article_id": r["article_id"],
            "score": 2,
            "reasons": [TITLE_ONLY],
            "label": f"{r['name']} acts for {r['country']} (linked by a title only)",
            "sentence": None,
            "start": int(first.get((r["article_id"], r["actor"]), 0)),
            "end": int(first.get((r["article_id"], r["actor"]), 0)),
        }
        for r in rows.to_dict("records")
    ]


def _where(store: Store, article_id: str, offset: int) -> dict[str, Any]:
    """The sentence of an article around a character offset, with its span."""
    text = store.text(article_id) or ""
    for start, end in sentences(text):
        if start <= offset < end:
            return {"sentence": text[start:end], "start": start, "end": end}
    return {"sentence": text[:200], "start": 0, "end": min(len(text), 200)}


def _label(table: str, row: dict[str, Any]) -> str:
    if table == "procurements":
        what = row["system"] or str(row["category"]).replace("_", " ")
        return f"{what}: {row['supplier'] or '?'} → {row['recipient'] or '?'} ({row['status']})"
    sign = "toward" if row["direction"] == 1 else "away from"
    return f"{row['subject']} {sign} {row['counterpart']} ({row['type']})"


_SENTENCE_END = re.compile(r"(?<=[.!?][\"'”’)])\s+|(?<=[.!?])\s+(?=[\"'“‘(A-Z0-9])|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a text, for picking the evidence of a row an analyst
    adds: split after ., ! or ? before a capital, a digit or a quote, and at blank lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        stop = len(text) if m is None else m.start()
        chunk = text[pos:stop]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        if m is not None:
            pos = m.end()
    return spans
