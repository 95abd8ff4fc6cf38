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
TITLE_ONLY = "unknown person linked by title only"
# Why a row needs a person: (reason, its flag in the key table, weight, the tables it applies to).
REASONS: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    ("deal with conflicting reports", "c", 3, ("procurements",)),
    ("single-source deal", "s", 2, ("procurements",)),
    ("single-source signal with high weight", "w", 2, ("alignment",)),
    ("hedged sentence", "h", 1, REVIEWED),
)
_ORDER = ("procurements", "alignment", "actors")  # ties: procurement rows, signals, then people


def _flag_keys(store: Store) -> None:
    """A temporary table of the (article id, sentence) keys that raise a row's score: reports
    of deals with conflicts (c) or one source (s), of single-source merged signals of high
    weight (w), and sentences with a hedge cue (h)."""
    if not store.readonly and store.corpus:
        store.refresh_corpus()  # queued deal and signal groups first: a writer reads its writes
    conn = store.conn
    cues = store._source("stance_cues")
    conn.execute("DROP TABLE IF EXISTS temp.review_keys")
    conn.execute(
        "CREATE TEMP TABLE review_keys AS WITH keys(article_id, sentence, flag) AS ("
        " SELECT json_extract(j.value, '$.article_id'), json_extract(j.value, '$.sentence'), 'c'"
        "  FROM deals d, json_each(d.reports) j WHERE json_array_length(d.conflicts) > 0"
        " UNION ALL"
        " SELECT json_extract(j.value, '$.article_id'), json_extract(j.value, '$.sentence'), 's'"
        "  FROM deals d, json_each(d.reports) j WHERE d.sources = 1"
        " UNION ALL"
        " SELECT json_extract(j.value, '$.article_id'), json_extract(j.value, '$.sentence'), 'w'"
        "  FROM signals g, json_each(g.reports) j WHERE g.sources = 1 AND g.weight >= 1.0"
        " UNION ALL"
        f" SELECT t.article_id, t.sentence, 'h' FROM {cues} t WHERE t.type = 'hedge')"
        " SELECT article_id, sentence, MAX(flag = 'c') AS c, MAX(flag = 's') AS s,"
        " MAX(flag = 'w') AS w, MAX(flag = 'h') AS h FROM keys GROUP BY article_id, sentence"
    )
    conn.execute("CREATE INDEX temp.review_keys_key ON review_keys(article_id, sentence)")


_TITLE_ONLY = (
    "t.type = 'person' AND t.country IS NOT NULL AND t.review IS NULL"
    " AND t.actor NOT IN (SELECT value FROM json_each(?))"
)


def _candidates(store: Store, known: list[str]) -> tuple[str, list[Any]]:
    """Every unsettled row with its score: one SELECT of (tbl, rid, row_id, article_id, start,
    score, c, s, w, h), and its parameters."""
    parts = []
    for i, table in enumerate(REVIEWED):
        terms = " + ".join(
            f"{w} * COALESCE(k.{flag}, 0)" for _, flag, w, tables in REASONS if table in tables
        )
        flags = ", ".join(
            f"COALESCE(k.{flag}, 0)" if table in tables else "0" for _, flag, _, tables in REASONS
        )
        parts.append(
            f"SELECT {i} AS tbl, t._rowid AS rid, t.row_id, t.article_id, t.start,"
            f" {terms} AS score, {flags}"
            f" FROM {store._source(table, with_rowid=True)} t LEFT JOIN review_keys k"
            " ON k.article_id = t.article_id AND k.sentence = t.sentence WHERE t.review IS NULL"
        )
    # People the data does not know whom only a title linked to a state: at their first mention.
    parts.append(
        f"SELECT {len(REVIEWED)}, t._rowid, t.row_id, t.article_id, COALESCE((SELECT MIN(e.start)"
        " FROM entities e WHERE e.article_id = t.article_id AND e.actor = t.actor), 0), 2,"
        f" 0, 0, 0, 0 FROM {store._source('actors', with_rowid=True)} t WHERE {_TITLE_ONLY}"
    )
    return " UNION ALL ".join(parts), [json.dumps(known)]


def queue_size(store: Store) -> int:
    """How many rows the review queue holds: every unsettled procurement and alignment row,
    and every person the data does not know whom only a title linked to a state."""
    from analysis import resources

    counts = [
        f"SELECT COUNT(*) FROM {store._source(table)} t WHERE t.review IS NULL"
        for table in REVIEWED
    ]
    counts.append(f"SELECT COUNT(*) FROM {store._source('actors')} t WHERE {_TITLE_ONLY}")
    sql = f"SELECT {' + '.join(f'({c})' for c in counts)}"
    known = json.dumps(sorted(resources.people_by_id()))
    return int(store.conn.execute(sql, (known,)).fetchone()[0])


def queue(store: Store, *, limit: int = 50, offset: int = 0) -> pd.DataFrame:
    """Unreviewed procurement and alignment rows, most in need of a person first: reports of
    deals with conflicting reports, of single-source deals, of single-source signals with a
    high weight, and rows from sentences with a hedge; then people the data does not know whom
    only a title linked to a state. Ordered by score, article and position; ``limit`` rows
    from ``offset``. Scored and ordered by SQLite; only the rows returned are read whole."""
    from analysis import resources

    _flag_keys(store)
    try:
        sql, params = _candidates(store, sorted(resources.people_by_id()))
        page = store.conn.execute(
            f"SELECT * FROM ({sql}) ORDER BY score DESC, article_id, start, tbl, rid"
            " LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)],
        ).fetchall()
    finally:
        store.conn.execute("DROP TABLE IF EXISTS temp.review_keys")
    items = [_item(store, row) for row in page]
    for item in items:
        if item["sentence"] is None:
            item.update(_where(store, str(item["article_id"]), int(item["start"])))
    return pd.DataFrame(items, columns=[*QUEUE_COLUMNS, "start", "end"])


def _item(store: Store, row: tuple[Any, ...]) -> dict[str, Any]:
    """One queue entry from its scored key: the row itself read by rowid for its label."""
    tbl, rid, row_id, article_id, start, score, *flags = row
    table = _ORDER[tbl]
    source = store._source(table, with_rowid=True)
    cursor = store.conn.execute(f"SELECT * FROM {source} t WHERE t._rowid = ?", (rid,))
    names = [d[0] for d in cursor.description]
    record = dict(zip(names, cursor.fetchone(), strict=True))
    if table == "actors":
        return {
            "table": table,
            "row_id": row_id,
            "article_id": article_id,
            "score": score,
            "reasons": [TITLE_ONLY],
            "label": f"{record['name']} acts for {record['country']} (linked by a title only)",
            "sentence": None,
            "start": int(start),
            "end": int(start),
        }
    return {
        "table": table,
        "row_id": row_id,
        "article_id": article_id,
        "score": score,
        "reasons": [name for (name, *_), on in zip(REASONS, flags, strict=True) if on],
        "label": _label(table, record),
        "sentence": record["sentence"],
        "start": record["start"],
        "end": record["end"],
    }


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
