"""The embedded store: SQLite in WAL mode, one table per CONTRACT section plus ``articles``.

Each article is written in one transaction keyed by the hash of its text, so a re-run adds
nothing and a crash leaves every finished article whole and no partial one. Readers (the
dashboard) see a consistent snapshot while an ingest writes. The read API returns tidy pandas
DataFrames filtered by actors, date range and articles.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "alignment.sqlite"
TABLES = ("articles", "actors", "entities", "events", "procurements", "stance_cues", "alignment")
SCHEMA_VERSION = 3


class StoreError(RuntimeError):
    """The store cannot be opened or written (one-line message for the user)."""


def resolve_db(path: str | os.PathLike[str] | None = None) -> Path:
    """The store file: an explicit path, else ``$ALIGNMENT_DB``, else ``data/alignment.sqlite``."""
    if path:
        return Path(path)
    env = os.environ.get("ALIGNMENT_DB")
    return Path(env) if env else DEFAULT_DB


# Forward migrations: MIGRATIONS[n] brings a store from version n to n + 1.
_V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, published TEXT, source TEXT, url TEXT,
    language TEXT NOT NULL, words INTEGER NOT NULL, text TEXT NOT NULL, added TEXT NOT NULL
);
CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
    mentions INTEGER NOT NULL, forms TEXT NOT NULL
);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL, label TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    actor TEXT
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date TEXT, precision TEXT, date_text TEXT NOT NULL, type TEXT NOT NULL, actors TEXT NOT NULL,
    sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE TABLE procurements (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    system TEXT, category TEXT NOT NULL, supplier TEXT, recipient TEXT, status TEXT NOT NULL,
    quantity INTEGER, date TEXT, sentence TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE TABLE stance_cues (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    cue TEXT NOT NULL, type TEXT NOT NULL, speaker TEXT, target TEXT, polarity INTEGER NOT NULL,
    sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE TABLE alignment (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    subject TEXT NOT NULL, counterpart TEXT NOT NULL, direction INTEGER NOT NULL,
    type TEXT NOT NULL, basis TEXT NOT NULL, weight REAL NOT NULL, date TEXT,
    sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
"""

# Version 2: the source path of each article, evidence lists for deals, a sortable day on every
# dated row, an actor link table for events, and the indexes the dashboard's filters use.
_V2 = """
ALTER TABLE articles ADD COLUMN path TEXT;
ALTER TABLE procurements ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN day TEXT;
ALTER TABLE procurements ADD COLUMN day TEXT;
ALTER TABLE alignment ADD COLUMN day TEXT;
ALTER TABLE stance_cues ADD COLUMN day TEXT;
CREATE TABLE event_actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_rowid INTEGER NOT NULL, actor TEXT NOT NULL
);
UPDATE events SET day = COALESCE(substr(date || '-01-01', 1, 10),
    (SELECT published FROM articles a WHERE a.id = events.article_id));
UPDATE procurements SET day = COALESCE(substr(date || '-01-01', 1, 10),
    (SELECT published FROM articles a WHERE a.id = procurements.article_id));
UPDATE alignment SET day = COALESCE(substr(date || '-01-01', 1, 10),
    (SELECT published FROM articles a WHERE a.id = alignment.article_id));
UPDATE stance_cues SET day = (SELECT published FROM articles a WHERE a.id = stance_cues.article_id);
INSERT INTO event_actors (article_id, event_rowid, actor)
    SELECT e.article_id, e.rowid, j.value FROM events e, json_each(e.actors) j;
CREATE INDEX idx_articles_published ON articles(published);
CREATE INDEX idx_actors_actor ON actors(actor, article_id);
CREATE INDEX idx_actors_article ON actors(article_id);
CREATE INDEX idx_entities_article ON entities(article_id);
CREATE INDEX idx_events_article ON events(article_id);
CREATE INDEX idx_events_day ON events(day);
CREATE INDEX idx_event_actors_actor ON event_actors(actor, event_rowid);
CREATE INDEX idx_event_actors_article ON event_actors(article_id);
CREATE INDEX idx_procurements_article ON procurements(article_id);
CREATE INDEX idx_procurements_supplier ON procurements(supplier);
CREATE INDEX idx_procurements_recipient ON procurements(recipient);
CREATE INDEX idx_stance_article ON stance_cues(article_id);
CREATE INDEX idx_stance_speaker ON stance_cues(speaker);
CREATE INDEX idx_stance_target ON stance_cues(target);
CREATE INDEX idx_alignment_article ON alignment(article_id);
CREATE INDEX idx_alignment_subject ON alignment(subject);
CREATE INDEX idx_alignment_counterpart ON alignment(counterpart);
CREATE INDEX idx_alignment_day ON alignment(day);
"""
# Version 3: a generation counter that every change to ``articles`` bumps, so a reader's cache
# key never repeats (a count and highest rowid do after "delete the newest, add another").
_V3 = """
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO store_meta (key, value) VALUES ('generation', 0);
CREATE TRIGGER articles_generation_insert AFTER INSERT ON articles BEGIN
    UPDATE store_meta SET value = value + 1 WHERE key = 'generation';
END;
CREATE TRIGGER articles_generation_update AFTER UPDATE ON articles BEGIN
    UPDATE store_meta SET value = value + 1 WHERE key = 'generation';
END;
CREATE TRIGGER articles_generation_delete AFTER DELETE ON articles BEGIN
    UPDATE store_meta SET value = value + 1 WHERE key = 'generation';
END;
"""
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)

# How an actor filter applies to each table.
_ACTOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "procurements": ("supplier", "recipient"),
    "stance_cues": ("speaker", "target"),
    "alignment": ("subject", "counterpart"),
}


def _day(value: str | None, published: str | None) -> str | None:
    if value:
        return (value + "-01-01")[:10] if len(value) < 10 else value[:10]
    return published


@dataclass
class Store:
    """An open store. Use as a context manager; ``readonly`` never writes or migrates."""

    path: Path
    readonly: bool = False
    conn: sqlite3.Connection = field(init=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        try:
            if self.readonly:
                if not self.path.exists():
                    raise StoreError(f"{self.path}: no store yet; run `python -m analysis ingest`")
                self.conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, timeout=30, check_same_thread=False
                )
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(
                    self.path, timeout=30, isolation_level=None, check_same_thread=False
                )
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            if self.readonly:
                if self.version() != SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: store schema {self.version()} needs "
                        f"migrating to {SCHEMA_VERSION}; open it once for writing"
                    )
            else:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read several tables as of one moment, while a writer may be committing."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply every forward migration the store lacks, each in its own transaction."""
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {current} is newer than this program ({SCHEMA_VERSION})"
            )
        for version in range(current, SCHEMA_VERSION):
            script = MIGRATIONS[version]
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                for statement in _statements(script):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    # ---- writing -------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add(self, analysis: dict[str, Any], *, text: str, path: str | None = None) -> bool:
        """Write one analysed article (CONTRACT JSON) in one transaction; False if present."""
        art = analysis["article"]
        aid = art["id"]
        pub = art["published"]
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.has(aid):
                self.conn.execute("ROLLBACK")
                return False
            self.conn.execute(
                "INSERT INTO articles (id, title, published, source, url, language, words, text,"
                " added, path) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    aid,
                    art["title"],
                    pub,
                    art["source"],
                    art["url"],
                    art["language"],
                    art["words"],
                    text,
                    date.today().isoformat(),
                    path,
                ),
            )
            self.conn.executemany(
                "INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        aid,
                        a["id"],
                        a["name"],
                        a["type"],
                        a["country"],
                        a["mentions"],
                        json.dumps(a["forms"], ensure_ascii=False),
                    )
                    for a in analysis["actors"]
                ],
            )
            self.conn.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?)",
                [
                    (aid, e["text"], e["label"], e["start"], e["end"], e["actor"])
                    for e in analysis["entities"]
                ],
            )
            for ev in analysis["events"]:
                cur = self.conn.execute(
                    "INSERT INTO events (article_id, date, precision, date_text, type, actors,"
                    ' sentence, start, "end", day) VALUES (?,?,?,?,?,?,?,?,?,?)',
                    (
                        aid,
                        ev["date"],
                        ev["precision"],
                        ev["date_text"],
                        ev["type"],
                        json.dumps(ev["actors"]),
                        ev["sentence"],
                        ev["start"],
                        ev["end"],
                        _day(ev["date"], pub),
                    ),
                )
                self.conn.executemany(
                    "INSERT INTO event_actors VALUES (?,?,?)",
                    [(aid, cur.lastrowid, actor) for actor in ev["actors"]],
                )
            self.conn.executemany(
                "INSERT INTO procurements (article_id, system, category, supplier, recipient,"
                ' status, quantity, date, sentence, start, "end", evidence, day)'
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        aid,
                        p["system"],
                        p["category"],
                        p["supplier"],
                        p["recipient"],
                        p["status"],
                        p["quantity"],
                        p["date"],
                        p["sentence"],
                        p["start"],
                        p["end"],
                        json.dumps(p.get("evidence", []), ensure_ascii=False),
                        _day(p["date"], pub),
                    )
                    for p in analysis["procurements"]
                ],
            )
            self.conn.executemany(
                "INSERT INTO stance_cues (article_id, cue, type, speaker, target, polarity,"
                ' sentence, start, "end", day) VALUES (?,?,?,?,?,?,?,?,?,?)',
                [
                    (
                        aid,
                        c["cue"],
                        c["type"],
                        c["speaker"],
                        c["target"],
                        c["polarity"],
                        c["sentence"],
                        c["start"],
                        c["end"],
                        pub,
                    )
                    for c in analysis["stance_cues"]
                ],
            )
            self.conn.executemany(
                "INSERT INTO alignment (article_id, subject, counterpart, direction, type, basis,"
                ' weight, date, sentence, start, "end", day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
                [
                    (
                        aid,
                        s["subject"],
                        s["counterpart"],
                        s["direction"],
                        s["type"],
                        s["basis"],
                        s["weight"],
                        s["date"],
                        s["sentence"],
                        s["start"],
                        s["end"],
                        _day(s["date"], pub),
                    )
                    for s in analysis["alignment"]
                ],
            )
            self.conn.execute("COMMIT")
            return True
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def delete(self, article_id: str) -> bool:
        """Remove an article and every row derived from it."""
        self.conn.execute("BEGIN IMMEDIATE")
        cur = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.conn.execute("COMMIT")
        return cur.rowcount > 0

    # ---- reading -------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def generation(self) -> int:
        """A number that grows with every article added, changed or removed; never repeats."""
        row = self.conn.execute("SELECT value FROM store_meta WHERE key = 'generation'").fetchone()
        return int(row[0])

    def text(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def read(
        self,
        table: str,
        *,
        actors: Sequence[str] | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        articles: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """Rows of one table, filtered by actors, a date range (inclusive) and article ids."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose one of {', '.join(TABLES)}")
        where: list[str] = []
        params: list[Any] = []
        cols = (
            "t.*"
            if table != "articles"
            else (
                "t.id, t.title, t.published, t.source, t.url, t.language, t.words, t.added, t.path"
            )
        )
        if table == "articles":
            alias_article = "t.id"
            day_col: str | None = "t.published"
        else:
            alias_article = "t.article_id"
            day_col = None if table in ("actors", "entities") else "t.day"
        if articles:
            where.append(f"{alias_article} IN ({_marks(articles)})")
            params.extend(articles)
        if actors:
            wanted = self._expand(actors)
            marks = _marks(wanted)
            if table in _ACTOR_COLUMNS:
                a, b = _ACTOR_COLUMNS[table]
                where.append(f"(t.{a} IN ({marks}) OR t.{b} IN ({marks}))")
                params.extend(wanted)
                params.extend(wanted)
            elif table == "events":
                where.append(
                    f"t.rowid IN (SELECT event_rowid FROM event_actors WHERE actor IN ({marks}))"
                )
                params.extend(wanted)
            else:
                where.append(
                    f"{alias_article} IN (SELECT article_id FROM actors WHERE actor IN "
                    f"({_marks(actors)}))"
                )
                params.extend(actors)
        if day_col and start:
            where.append(f"{day_col} >= ?")
            params.append(str(start))
        if day_col and end:
            where.append(f"{day_col} <= ?")
            params.append(str(end))
        sql = f"SELECT {cols} FROM {table} t"
        if where:
            sql += " WHERE " + " AND ".join(where)
        order = {"articles": "t.published", "events": "t.day"}.get(table)
        if order:
            sql += f" ORDER BY {order}"
        frame = pd.read_sql_query(sql, self.conn, params=params)
        for col in ("quantity", "mentions", "words", "polarity", "direction", "start", "end"):
            if col in frame.columns:
                frame[col] = frame[col].astype("Int64")
        for col in ("forms", "actors", "evidence"):
            if col in frame.columns and table != "articles":
                frame[col] = frame[col].map(json.loads)
        return frame

    def _expand(self, actors: Sequence[str]) -> list[str]:
        """People stand for their state in dyad tables: add the countries they act for."""
        people = [a for a in actors if a.startswith("P:")]
        extra: list[str] = []
        if people:
            rows = self.conn.execute(
                f"SELECT DISTINCT country FROM actors WHERE actor IN ({_marks(people)}) "
                "AND country IS NOT NULL",
                people,
            ).fetchall()
            extra = [r[0] for r in rows]
        return list(dict.fromkeys([*actors, *extra]))


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _statements(script: str) -> Iterator[str]:
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
