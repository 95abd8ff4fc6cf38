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
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from analysis import corrections as corr
from analysis.corrections import CorrectionError, row_ids
from analysis.deals import Report, family_of, find_copy, fingerprint, merge_deals
from analysis.signals import SignalReport, merge_signals

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "alignment.sqlite"
TABLES = (
    "articles",
    "actors",
    "entities",
    "events",
    "procurements",
    "stance_cues",
    "alignment",
    "deals",
    "signals",
    "corrections",
)
# The corpus tables: merged from per-article reports, rebuilt whenever those change.
CORPUS_TABLES = ("deals", "signals")
SCHEMA_VERSION = 9


class Value(Enum):
    """A ``match`` value that is not a literal: ``PRESENT`` matches any non-null value."""

    PRESENT = "present"


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

# Version 3: the corpus layer. Deals merge procurement reports (grouped by recipient and system
# family), signals merge alignment reports; both are rebuilt for the groups an article write or
# delete touched (``corpus_dirty``, written in the article's own transaction, so a crash leaves
# the work queued). Each article gets a text fingerprint and the id of the text it copies.
_V3 = """
ALTER TABLE articles ADD COLUMN fingerprint TEXT;
ALTER TABLE articles ADD COLUMN copy_of TEXT;
ALTER TABLE procurements ADD COLUMN family TEXT;
UPDATE procurements SET family = CASE WHEN system IS NOT NULL THEN lower(system)
    ELSE 'category:' || category END;
CREATE INDEX idx_procurements_group ON procurements(recipient, family);
CREATE INDEX idx_alignment_dyad ON alignment(subject, counterpart);
CREATE TABLE deals (
    id TEXT PRIMARY KEY, supplier TEXT, recipient TEXT, system TEXT, category TEXT NOT NULL,
    family TEXT NOT NULL, status TEXT NOT NULL, stages TEXT NOT NULL, quantity_ordered INTEGER,
    quantity_delivered INTEGER, order_year INTEGER, delivery_years TEXT NOT NULL,
    first_reported TEXT, last_reported TEXT, sources INTEGER NOT NULL, n_reports INTEGER NOT NULL,
    reports TEXT NOT NULL, conflicts TEXT NOT NULL
);
CREATE INDEX idx_deals_group ON deals(recipient, family);
CREATE INDEX idx_deals_supplier ON deals(supplier);
CREATE TABLE deal_articles (
    deal_id TEXT NOT NULL REFERENCES deals(id) ON DELETE CASCADE, article_id TEXT NOT NULL
);
CREATE INDEX idx_deal_articles_article ON deal_articles(article_id);
CREATE INDEX idx_deal_articles_deal ON deal_articles(deal_id);
CREATE TABLE signals (
    id TEXT PRIMARY KEY, subject TEXT NOT NULL, counterpart TEXT NOT NULL, type TEXT NOT NULL,
    basis TEXT NOT NULL, direction INTEGER NOT NULL, weight REAL NOT NULL, first TEXT, last TEXT,
    sources INTEGER NOT NULL, n_reports INTEGER NOT NULL, reports TEXT NOT NULL
);
CREATE INDEX idx_signals_dyad ON signals(subject, counterpart);
CREATE INDEX idx_signals_counterpart ON signals(counterpart);
CREATE TABLE signal_articles (
    signal_id TEXT NOT NULL REFERENCES signals(id) ON DELETE CASCADE, article_id TEXT NOT NULL
);
CREATE INDEX idx_signal_articles_article ON signal_articles(article_id);
CREATE INDEX idx_signal_articles_signal ON signal_articles(signal_id);
CREATE TABLE corpus_dirty (kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
    UNIQUE (kind, a, b));
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('corpus_generation', '0');
INSERT OR IGNORE INTO corpus_dirty SELECT DISTINCT 'deal', COALESCE(recipient, ''), family
    FROM procurements;
INSERT OR IGNORE INTO corpus_dirty SELECT DISTINCT 'signal', subject, counterpart FROM alignment;
"""

# Version 4: a generation counter that every change to ``articles`` bumps, so a reader's cache
# key never repeats (a count and highest rowid do after "delete the newest, add another").
_V4 = """
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

# Version 5: analysts' corrections. Rows that can be corrected get a stable ``row_id`` (the same
# text analysed again gives the same ids); ``corrections`` is the append-only review history and
# ``corrected_values`` the latest value per corrected field (field '' holds the latest row-level
# action: confirm, edit or reject). A correction bumps the generation like an article write.
_V5 = """
ALTER TABLE procurements ADD COLUMN row_id TEXT;
ALTER TABLE alignment ADD COLUMN row_id TEXT;
ALTER TABLE stance_cues ADD COLUMN row_id TEXT;
CREATE INDEX idx_procurements_row ON procurements(row_id);
CREATE INDEX idx_alignment_row ON alignment(row_id);
CREATE INDEX idx_stance_row ON stance_cues(row_id);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT, "table" TEXT NOT NULL, row_id TEXT NOT NULL,
    article_id TEXT, field TEXT, old TEXT, new TEXT,
    action TEXT NOT NULL CHECK (action IN ('confirm', 'edit', 'reject', 'add')),
    reviewer TEXT, at TEXT NOT NULL, note TEXT
);
CREATE INDEX idx_corrections_row ON corrections("table", row_id);
CREATE INDEX idx_corrections_article ON corrections(article_id);
CREATE TABLE corrected_values (
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field)
);
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
CREATE TRIGGER corrections_generation AFTER INSERT ON corrections BEGIN
    UPDATE store_meta SET value = value + 1 WHERE key = 'generation';
END;
"""
# Version 6: what the dashboard's first page reads without touching every row. Per-actor
# totals (mentions, articles) kept current by triggers on every actor row written or deleted
# (an article's delete cascades to its actors); the same per actor over the articles that name
# another actor (``actor_pairs``: what one actor filter shows); covering indexes for the
# filtered counts.
_V6 = """
CREATE TABLE actor_totals (
    actor TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
    mentions INTEGER NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (actor, type)
);
INSERT INTO actor_totals SELECT actor, type, MAX(name), MAX(country), SUM(mentions),
    COUNT(DISTINCT article_id) FROM actors GROUP BY actor, type;
CREATE TRIGGER actor_totals_insert AFTER INSERT ON actors BEGIN
    INSERT INTO actor_totals VALUES (NEW.actor, NEW.type, NEW.name, NEW.country, NEW.mentions, 1)
    ON CONFLICT (actor, type) DO UPDATE SET mentions = mentions + excluded.mentions,
        articles = articles + 1, name = excluded.name, country = COALESCE(excluded.country, country);
END;
CREATE TRIGGER actor_totals_delete AFTER DELETE ON actors BEGIN
    UPDATE actor_totals SET mentions = mentions - OLD.mentions, articles = articles - 1
        WHERE actor = OLD.actor AND type = OLD.type;
    DELETE FROM actor_totals WHERE actor = OLD.actor AND type = OLD.type AND articles <= 0;
END;
CREATE TABLE actor_pairs (
    actor TEXT NOT NULL, other TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
    country TEXT, mentions INTEGER NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (actor, other, type)
);
INSERT INTO actor_pairs SELECT f.actor, o.actor, o.type, MAX(o.name), MAX(o.country),
    SUM(o.mentions), COUNT(*) FROM actors f JOIN actors o ON o.article_id = f.article_id
    GROUP BY f.actor, o.actor, o.type;
CREATE TRIGGER actor_pairs_insert AFTER INSERT ON actors BEGIN
    INSERT INTO actor_pairs SELECT a.actor, NEW.actor, NEW.type, NEW.name, NEW.country,
        NEW.mentions, 1 FROM actors a WHERE a.article_id = NEW.article_id
    ON CONFLICT (actor, other, type) DO UPDATE SET mentions = mentions + excluded.mentions,
        articles = articles + 1, name = excluded.name, country = COALESCE(excluded.country, country);
    INSERT INTO actor_pairs SELECT NEW.actor, a.actor, a.type, a.name, a.country, a.mentions, 1
        FROM actors a WHERE a.article_id = NEW.article_id AND a.rowid != NEW.rowid
    ON CONFLICT (actor, other, type) DO UPDATE SET mentions = mentions + excluded.mentions,
        articles = articles + 1, name = excluded.name, country = COALESCE(excluded.country, country);
END;
CREATE TRIGGER actor_pairs_delete AFTER DELETE ON actors BEGIN
    UPDATE actor_pairs SET mentions = mentions - OLD.mentions, articles = articles - 1
        WHERE other = OLD.actor AND type = OLD.type
        AND (actor = OLD.actor OR actor IN (SELECT actor FROM actors WHERE article_id = OLD.article_id));
    UPDATE actor_pairs SET mentions = mentions - (SELECT SUM(a.mentions) FROM actors a
            WHERE a.article_id = OLD.article_id AND a.actor = actor_pairs.other
            AND a.type = actor_pairs.type), articles = articles - 1
        WHERE actor = OLD.actor AND EXISTS (SELECT 1 FROM actors a
            WHERE a.article_id = OLD.article_id AND a.actor = actor_pairs.other
            AND a.type = actor_pairs.type);
    DELETE FROM actor_pairs WHERE articles <= 0 AND (actor = OLD.actor OR other = OLD.actor);
END;
CREATE INDEX idx_actors_cover ON actors(article_id, actor, type, mentions);
CREATE INDEX idx_events_dated ON events(day, date);
CREATE INDEX idx_articles_page ON articles(id, published);
"""
# Version 7: events and actor rows can be corrected too (an event's date and type; the state a
# person acts for, settled in the review queue when only a title linked them): stable row ids.
_V7 = """
ALTER TABLE events ADD COLUMN row_id TEXT;
ALTER TABLE actors ADD COLUMN row_id TEXT;
CREATE INDEX idx_events_row ON events(row_id);
CREATE INDEX idx_actors_row ON actors(row_id);
"""
# Version 8: the Stance page's charts count cues per speaker, per target and per type; with
# these covering indexes SQLite counts them in index order instead of sorting a million rows.
_V8 = """
CREATE INDEX IF NOT EXISTS idx_stance_speaker_type ON stance_cues(speaker, type);
CREATE INDEX IF NOT EXISTS idx_stance_target_type ON stance_cues(target, type);
CREATE INDEX IF NOT EXISTS idx_stance_type ON stance_cues(type, speaker);
"""
# Version 9: an index on the first columns of another index is that index's work done twice on
# every write (measured on 1,200 analysed articles: 0.3 ms of an article's 2.1 ms of writing);
# queries on those columns use the longer index.
_V9 = """
DROP INDEX IF EXISTS idx_actors_article;
DROP INDEX IF EXISTS idx_alignment_subject;
DROP INDEX IF EXISTS idx_procurements_recipient;
DROP INDEX IF EXISTS idx_stance_speaker;
DROP INDEX IF EXISTS idx_stance_target;
DROP INDEX IF EXISTS idx_events_day;
"""
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9)

_ROW_KEYS_V5 = {
    "procurements": "system, category, recipient",
    "alignment": "subject, counterpart, type",
    "stance_cues": "cue, type",
}
_ROW_KEYS_V7 = {"events": "date_text, type", "actors": "actor"}

# How an actor filter applies to each table.
_ACTOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "procurements": ("supplier", "recipient"),
    "stance_cues": ("speaker", "target"),
    "alignment": ("subject", "counterpart"),
    "deals": ("supplier", "recipient"),
    "signals": ("subject", "counterpart"),
}
# How a date range applies: rows whose span [first, last] overlaps it.
_SPANS = {"deals": ("first_reported", "last_reported"), "signals": ("first", "last")}
_LINKS = {"deals": ("deal_articles", "deal_id"), "signals": ("signal_articles", "signal_id")}
_JSON_COLUMNS = (
    "forms",
    "actors",
    "evidence",
    "stages",
    "delivery_years",
    "reports",
    "conflicts",
    "conflicts_brief",
    "corrected",
)


def _day(value: str | None, published: str | None) -> str | None:
    if value:
        return (value + "-01-01")[:10] if len(value) < 10 else value[:10]
    return published


@dataclass
class Store:
    """An open store. Use as a context manager; ``readonly`` never writes or migrates."""

    path: Path
    readonly: bool = False
    # Rebuild deals and merged signals after writes; when articles arrive faster than this many
    # seconds apart (or than twenty times the last rebuild took, so that rebuilding takes at
    # most a twentieth of an ingest) the rebuild waits for a later write, a read of a corpus
    # table or close().
    refresh_interval: float = 1.0
    corpus: bool = True
    # Pages the write-ahead log may hold before a write copies them into the database (SQLite's
    # default: 1000). A bulk writer raises it: each checkpoint copies every page changed since
    # the last, so rarer checkpoints copy a page that many articles touch (an index's inner
    # pages, the totals) once instead of once per checkpoint.
    checkpoint_pages: int | None = None
    conn: sqlite3.Connection = field(init=False)
    corpus_seconds: float = field(init=False, default=0.0)
    _last_refresh: float = field(init=False, default=float("-inf"))
    _last_cost: float = field(init=False, default=0.0)
    _fingerprints: tuple[list[str], list[str], Any] | None = field(init=False, default=None)

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
                if self.checkpoint_pages is not None:
                    self.conn.execute(f"PRAGMA wal_autocheckpoint={int(self.checkpoint_pages)}")
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
                if self.corpus:
                    self.refresh_corpus()  # work left queued by an interrupted writer
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            if not self.readonly and self.corpus:
                self.refresh_corpus()
        finally:
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
                if version + 1 == 3:
                    self._fill_fingerprints()
                if version + 1 == 5:
                    self._fill_row_ids(_ROW_KEYS_V5)
                if version + 1 == 7:
                    self._fill_row_ids(_ROW_KEYS_V7)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    # ---- writing -------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add(
        self,
        analysis: dict[str, Any],
        *,
        text: str,
        path: str | None = None,
        replace: bool = False,
    ) -> bool:
        """Write one analysed article (CONTRACT JSON) in one transaction; False if present.
        With ``replace`` a stored analysis of the same text is replaced (re-analysis): its rows
        keep their ids, so analysts' corrections still apply."""
        art = analysis["article"]
        aid = art["id"]
        pub = art["published"]
        fp = fingerprint(text)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.has(aid):
                if not replace:
                    self.conn.execute("ROLLBACK")
                    return False
                self._mark_dirty(aid)
                self.conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
            copy_of = self._copy_of(aid, fp)
            self.conn.execute(
                "INSERT INTO articles (id, title, published, source, url, language, words, text,"
                " added, path, fingerprint, copy_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    f"{fp:016x}",
                    copy_of,
                ),
            )
            actor_ids = row_ids(aid, "actors", [{"actor": a["id"]} for a in analysis["actors"]])
            self.conn.executemany(
                "INSERT INTO actors (article_id, actor, name, type, country, mentions, forms,"
                " row_id) VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        aid,
                        a["id"],
                        a["name"],
                        a["type"],
                        a["country"],
                        a["mentions"],
                        json.dumps(a["forms"], ensure_ascii=False),
                        rid,
                    )
                    for a, rid in zip(analysis["actors"], actor_ids, strict=True)
                ],
            )
            self.conn.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?)",
                [
                    (aid, e["text"], e["label"], e["start"], e["end"], e["actor"])
                    for e in analysis["entities"]
                ],
            )
            event_ids = row_ids(aid, "events", analysis["events"])
            for ev, event_id in zip(analysis["events"], event_ids, strict=True):
                cur = self.conn.execute(
                    "INSERT INTO events (article_id, date, precision, date_text, type, actors,"
                    ' sentence, start, "end", day, row_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
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
                        event_id,
                    ),
                )
                self.conn.executemany(
                    "INSERT INTO event_actors VALUES (?,?,?)",
                    [(aid, cur.lastrowid, actor) for actor in ev["actors"]],
                )
            self.conn.executemany(
                "INSERT INTO procurements (article_id, system, category, supplier, recipient,"
                ' status, quantity, date, sentence, start, "end", evidence, day, family,'
                " row_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                        family_of(p["system"], p["category"]),
                        rid,
                    )
                    for p, rid in zip(
                        analysis["procurements"],
                        row_ids(aid, "procurements", analysis["procurements"]),
                        strict=True,
                    )
                ],
            )
            self.conn.executemany(
                "INSERT INTO stance_cues (article_id, cue, type, speaker, target, polarity,"
                ' sentence, start, "end", day, row_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
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
                        rid,
                    )
                    for c, rid in zip(
                        analysis["stance_cues"],
                        row_ids(aid, "stance_cues", analysis["stance_cues"]),
                        strict=True,
                    )
                ],
            )
            self.conn.executemany(
                "INSERT INTO alignment (article_id, subject, counterpart, direction, type, basis,"
                ' weight, date, sentence, start, "end", day, row_id)'
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                        rid,
                    )
                    for s, rid in zip(
                        analysis["alignment"],
                        row_ids(aid, "alignment", analysis["alignment"]),
                        strict=True,
                    )
                ],
            )
            self._restore_added(aid, pub)
            self._mark_dirty(aid)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if self._fingerprints is not None:
            # Appended in place (the array grows by doubling): a long ingest into a big store
            # does not copy every known fingerprint for each article it writes.
            ids, copies, known = self._fingerprints
            if len(ids) == known.size:
                import numpy as np

                known = np.concatenate([known, np.zeros(max(64, known.size), dtype=np.uint64)])
            known[len(ids)] = fp
            ids.append(aid)
            copies.append(copy_of)
            self._fingerprints = (ids, copies, known)
        self._after_write()
        return True

    def delete(self, article_id: str) -> bool:
        """Remove an article and every row derived from it; the deals and merged signals it
        contributed to are rebuilt from the reports that remain."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._mark_dirty(article_id)
            cur = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._fingerprints = None
        if self.corpus:
            self.refresh_corpus()
        return cur.rowcount > 0

    # ---- the corpus layer: deals and merged signals --------------------------------------

    def _copy_of(self, article_id: str, fp: int) -> str:
        """The id of the stored text this one is a near-copy of, else its own id."""
        import numpy as np

        if self._fingerprints is None:
            rows = self.conn.execute(
                "SELECT id, copy_of, fingerprint FROM articles WHERE fingerprint IS NOT NULL"
            ).fetchall()
            self._fingerprints = (
                [r[0] for r in rows],
                [r[1] or r[0] for r in rows],
                np.array([int(r[2], 16) for r in rows], dtype=np.uint64),
            )
        ids, copies, known = self._fingerprints
        hit = find_copy(fp, ids, known[: len(ids)])
        return article_id if hit < 0 else copies[hit]

    def _fill_fingerprints(self) -> None:
        """Fingerprint stored articles that have none (stores made before version 3)."""
        rows = self.conn.execute(
            "SELECT id, text FROM articles WHERE fingerprint IS NULL ORDER BY rowid"
        ).fetchall()
        self._fingerprints = None
        for aid, text in rows:
            fp = fingerprint(text)
            copy_of = self._copy_of(aid, fp)
            self.conn.execute(
                "UPDATE articles SET fingerprint = ?, copy_of = ? WHERE id = ?",
                (f"{fp:016x}", copy_of, aid),
            )
            self._fingerprints = None

    def _fill_row_ids(self, keys: dict[str, str]) -> None:
        """Give the rows of stores made before a table had row ids their stable ids."""
        for table, cols in keys.items():
            span = 'start, "end", ' if table != "actors" else ""
            rows = self.conn.execute(
                f"SELECT rowid, article_id, {span}{cols} FROM {table} ORDER BY article_id, rowid"
            ).fetchall()
            by_article: dict[str, list[tuple[int, dict[str, Any]]]] = {}
            names = [*(["start", "end"] if span else []), *(c.strip() for c in cols.split(","))]
            for row in rows:
                by_article.setdefault(row[1], []).append(
                    (row[0], dict(zip(names, row[2:], strict=True)))
                )
            for aid, items in by_article.items():
                ids = row_ids(aid, table, [r for _, r in items])
                self.conn.executemany(
                    f"UPDATE {table} SET row_id = ? WHERE rowid = ?",
                    [(rid, rowid) for (rowid, _), rid in zip(items, ids, strict=True)],
                )

    # ---- corrections ---------------------------------------------------------------------

    def known_actor(self, actor: str) -> bool:
        """An actor id of the domain data or of a stored article."""
        from analysis import resources

        if actor in resources.actors_by_id() or actor in resources.people_by_id():
            return True
        row = self.conn.execute("SELECT 1 FROM actors WHERE actor = ? LIMIT 1", (actor,))
        return row.fetchone() is not None

    def add_row(
        self,
        table: str,
        article_id: str,
        *,
        start: int,
        end: int,
        values: dict[str, Any],
        note: str | None = None,
        reviewer: str | None = None,
    ) -> str:
        """Record a row the extraction missed, read from ``text[start:end]`` of a stored article
        (its evidence); it is marked ``add`` in ``review``, joins deals, signals and exports,
        and comes back whenever the article is re-analysed. Returns the new row's id."""
        from analysis import resources

        if self.readonly:
            raise StoreError("the store is open read-only")
        row = corr.added_row(table, values, self.known_actor, resources.signal_rules())
        note = corr.plain_text("note", note.strip()) if note and note.strip() else None
        who = corr.plain_text("reviewer", reviewer.strip(), limit=80) if reviewer else None
        found = self.conn.execute(
            "SELECT text, published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if found is None:
            raise CorrectionError(f"no stored article with id {article_id!r}")
        text, published = found
        if isinstance(start, bool) or isinstance(end, bool):
            raise CorrectionError("start and end are character offsets")
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise CorrectionError(
                f"the evidence must be a stretch of the article's text (0 to {len(text)})"
            )
        row.update(sentence=text[start:end], start=start, end=end)
        at = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            n = self.conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0]
            row_id = corr.added_row_id(article_id, table, start, end, f"{at}|{n}")
            self.conn.execute(
                'INSERT INTO corrections ("table", row_id, article_id, field, old, new, action,'
                " reviewer, at, note) VALUES (?,?,?,NULL,NULL,?,'add',?,?,?)",
                (table, row_id, article_id, corr.encode(row), who, at, note),
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO corrected_values VALUES (?,?,?,?)",
                (table, row_id, corr.ROW_FIELD, corr.encode("add")),
            )
            self._insert_added(table, article_id, row_id, row, published)
            self._mark_groups("t.row_id = ?", (row_id,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        if self.corpus:
            self.refresh_corpus()
        return row_id

    def _insert_added(
        self, table: str, article_id: str, row_id: str, row: dict[str, Any], published: str | None
    ) -> None:
        if table == "procurements":
            self.conn.execute(
                "INSERT INTO procurements (article_id, system, category, supplier, recipient,"
                ' status, quantity, date, sentence, start, "end", evidence, day, family,'
                " row_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article_id,
                    row["system"],
                    row["category"],
                    row["supplier"],
                    row["recipient"],
                    row["status"],
                    row["quantity"],
                    row["date"],
                    row["sentence"],
                    row["start"],
                    row["end"],
                    "[]",
                    _day(row["date"], published),
                    family_of(row["system"], row["category"]),
                    row_id,
                ),
            )
            return
        self.conn.execute(
            "INSERT INTO alignment (article_id, subject, counterpart, direction, type, basis,"
            ' weight, date, sentence, start, "end", day, row_id)'
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article_id,
                row["subject"],
                row["counterpart"],
                row["direction"],
                row["type"],
                row["basis"],
                row["weight"],
                row["date"],
                row["sentence"],
                row["start"],
                row["end"],
                _day(row["date"], published),
                row_id,
            ),
        )

    def _restore_added(self, article_id: str, published: str | None) -> None:
        """Put back the rows analysts added to an article (inside its write transaction)."""
        rows = self.conn.execute(
            "SELECT \"table\", row_id, new FROM corrections WHERE article_id = ? AND action = 'add'"
            " ORDER BY id",
            (article_id,),
        ).fetchall()
        for table, row_id, new in rows:
            self._insert_added(table, article_id, row_id, json.loads(new), published)

    def correct(
        self,
        table: str,
        row_id: str,
        *,
        values: dict[str, Any] | None = None,
        action: str = "edit",
        note: str | None = None,
        reviewer: str | None = None,
    ) -> int:
        """Record an analyst's confirm, edit or rejection of one row (appended to the review
        history); deals and merged signals follow. A bad table, row, field or value raises
        ``CorrectionError`` and writes nothing. Returns the number of corrections written."""
        if self.readonly:
            raise StoreError("the store is open read-only")
        corr.check_table(table)
        if action == "add":
            raise CorrectionError("a missed row is added with add_row (an article and evidence)")
        if action not in ("confirm", "edit", "reject"):
            raise CorrectionError("action must be confirm, edit or reject")
        if action == "edit" and not values:
            raise CorrectionError("an edit needs at least one field=value")
        if action != "edit" and values:
            raise CorrectionError(f"{action} takes no field=value")
        checked = {
            name: corr.coerce(table, name, value, self.known_actor)
            for name, value in (values or {}).items()
        }
        note = corr.plain_text("note", note.strip()) if note and note.strip() else None
        who = corr.plain_text("reviewer", reviewer.strip(), limit=80) if reviewer else None
        source = self._source(table, with_rejected=True)
        cur = self.conn.execute(f"SELECT * FROM {source} t WHERE t.row_id = ?", (row_id,))
        found = cur.fetchone()
        if found is None:
            raise CorrectionError(f"no {table} row with id {row_id!r}")
        row = dict(zip([d[0] for d in cur.description], found, strict=True))
        at = datetime.now(UTC).isoformat(timespec="seconds")
        plan = [(table, row_id, row, checked, action, note)]
        if table == "procurements":
            plan.extend(self._arms_signals(row_id, row, checked, action))
        entries: list[tuple[str | None, ...]] = []
        latest: list[tuple[str, str, str, str]] = []
        for tbl, rid, old, fields, act, why in plan:
            base = (tbl, rid, str(old["article_id"]))
            own = [
                (*base, name, corr.encode(old[name]), corr.encode(new), "edit", who, at, why)
                for name, new in fields.items()
            ]
            entries.extend(own or [(*base, None, None, None, act, who, at, why)])
            mark = act
            if act != "reject" and old.get("review") == "add":
                mark = "add"  # an added row stays marked as added when edited or confirmed
            latest.extend((tbl, rid, name, corr.encode(new)) for name, new in fields.items())
            latest.append((tbl, rid, corr.ROW_FIELD, corr.encode(mark)))
        ids = [rid for _, rid, *_ in plan]
        where = f"t.row_id IN ({_marks(ids)})"
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._mark_groups(where, ids)
            self.conn.executemany(
                'INSERT INTO corrections ("table", row_id, article_id, field, old, new, action,'
                " reviewer, at, note) VALUES (?,?,?,?,?,?,?,?,?,?)",
                entries,
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO corrected_values VALUES (?,?,?,?)", latest
            )
            self._mark_groups(where, ids)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        if self.corpus:
            self.refresh_corpus()
        return sum(1 for e in entries if e[0] == table and e[1] == row_id)

    def _arms_signals(
        self, row_id: str, row: dict[str, Any], checked: dict[str, Any], action: str
    ) -> list[tuple[str, str, dict[str, Any], dict[str, Any], str, str]]:
        """The corrections that keep a deal report's arms signals (the recipient's
        ``arms_procurement`` and the supplier's ``arms_supply``, from the same words) in step
        with a corrected supplier or recipient, or a rejected report: unless another report of
        the same words still supports them."""
        old_s, old_r = row["supplier"], row["recipient"]
        if action == "reject":
            new_s, new_r = None, None
        elif action == "edit" and ("supplier" in checked or "recipient" in checked):
            new_s, new_r = checked.get("supplier", old_s), checked.get("recipient", old_r)
        else:
            return []
        if not old_s or not old_r:
            return []
        same = 't.article_id = ? AND t.start = ? AND t."end" = ?'
        at = (row["article_id"], row["start"], row["end"])
        others = self.conn.execute(
            f"SELECT 1 FROM {self._source('procurements')} t WHERE {same} AND t.row_id != ?"
            " AND t.supplier IS ? AND t.recipient IS ? LIMIT 1",
            (*at, row_id, old_s, old_r),
        ).fetchone()
        if others is not None:
            return []
        cur = self.conn.execute(
            f"SELECT * FROM {self._source('alignment')} t WHERE {same} AND ("
            "(t.type = 'arms_procurement' AND t.subject = ? AND t.counterpart = ?) OR "
            "(t.type = 'arms_supply' AND t.subject = ? AND t.counterpart = ?))",
            (*at, old_r, old_s, old_s, old_r),
        )
        names = [d[0] for d in cur.description]
        why = f"follows the correction of procurements row {row_id}"
        out: list[tuple[str, str, dict[str, Any], dict[str, Any], str, str]] = []
        for found in cur.fetchall():
            sig = dict(zip(names, found, strict=True))
            if not new_s or not new_r or new_s == new_r:
                out.append(("alignment", sig["row_id"], sig, {}, "reject", why))
                continue
            pair = (new_r, new_s) if sig["type"] == "arms_procurement" else (new_s, new_r)
            fields = {
                k: v for k, v in zip(("subject", "counterpart"), pair, strict=True) if sig[k] != v
            }
            if fields:
                out.append(("alignment", sig["row_id"], sig, fields, "edit", why))
        return out

    def _mark_dirty(self, article_id: str) -> None:
        """Queue the deal and signal groups an article's rows belong to (inside its
        transaction)."""
        self._mark_groups("article_id = ?", (article_id,))

    def _mark_groups(self, where: str, params: Sequence[Any]) -> None:
        """Queue the deal and signal groups of the rows ``where`` selects, by their effective
        values (a corrected recipient moves a report to another deal)."""
        procurements = self._source("procurements", with_rejected=True)
        alignment = self._source("alignment", with_rejected=True)
        self.conn.execute(
            "INSERT OR IGNORE INTO corpus_dirty SELECT DISTINCT 'deal', COALESCE(recipient, ''),"
            f" family FROM {procurements} t WHERE {where}",
            params,
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO corpus_dirty SELECT DISTINCT 'signal', subject, counterpart"
            f" FROM {alignment} t WHERE {where}",
            params,
        )

    def _source(self, table: str, *, with_rejected: bool = False, with_rowid: bool = False) -> str:
        """The FROM source of a table: the effective rows where analysts corrected any."""
        if table not in corr.FIELDS:
            return table
        if (
            self.conn.execute(
                "SELECT 1 FROM corrected_values WHERE tbl = ? LIMIT 1", (table,)
            ).fetchone()
            is None
        ):
            rowid = ", b.rowid AS _rowid" if with_rowid else ""
            return f"(SELECT b.*, '[]' AS corrected, NULL AS review{rowid} FROM {table} b)"
        columns = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
        sql = corr.effective_sql(table, columns, with_rejected=with_rejected, with_rowid=with_rowid)
        return f"({sql})"

    def _after_write(self) -> None:
        wait = max(self.refresh_interval, 20 * self._last_cost)
        if self.corpus and time.perf_counter() - self._last_refresh >= wait:
            self.refresh_corpus()

    def corpus_generation(self) -> int:
        """Increases whenever deals or merged signals change (for readers' caches)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'corpus_generation'").fetchone()
        return int(row[0]) if row else 0

    def rebuild_corpus(self) -> None:
        """Rebuild every deal and merged signal from the stored reports."""
        self.conn.execute("BEGIN IMMEDIATE")
        self._mark_groups("1", ())
        self.conn.execute("DELETE FROM deals")
        self.conn.execute("DELETE FROM signals")
        self.conn.execute("COMMIT")
        self.refresh_corpus()

    def refresh_corpus(self) -> int:
        """Rebuild the queued deal and signal groups in one transaction; the number rebuilt."""
        t0 = time.perf_counter()
        if self.conn.in_transaction:  # inside a snapshot: leave the queue for later
            return 0
        self._last_refresh = t0
        if self.conn.execute("SELECT 1 FROM corpus_dirty LIMIT 1").fetchone() is None:
            return 0
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            dirty = self.conn.execute("SELECT kind, a, b FROM corpus_dirty").fetchall()
            for kind, a, b in dirty:
                if kind == "deal":
                    self._rebuild_deals(a or None, b)
                else:
                    self._rebuild_signals(a, b)
            self.conn.execute("DELETE FROM corpus_dirty")
            self.conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'corpus_generation'"
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._last_cost = time.perf_counter() - t0
        self._last_refresh = time.perf_counter()
        self.corpus_seconds += self._last_cost
        return len(dirty)

    def _rebuild_deals(self, recipient: str | None, family: str) -> None:
        rows = self.conn.execute(
            "SELECT p._rowid, p.article_id, p.supplier, p.recipient, p.system, p.category,"
            " p.status, p.quantity, p.date, a.published, p.sentence, a.copy_of"
            f" FROM {self._source('procurements', with_rowid=True)} p"
            " JOIN articles a ON a.id = p.article_id"
            " WHERE p.recipient IS ? AND p.family = ?",
            (recipient, family),
        ).fetchall()
        self.conn.execute(
            "DELETE FROM deals WHERE recipient IS ? AND family = ?", (recipient, family)
        )
        for deal in merge_deals(Report(*row) for row in rows):
            self.conn.execute(
                "INSERT INTO deals (id, supplier, recipient, system, category, family, status,"
                " stages, quantity_ordered, quantity_delivered, order_year, delivery_years,"
                " first_reported, last_reported, sources, n_reports, reports, conflicts)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    deal.id,
                    deal.supplier,
                    deal.recipient,
                    deal.system,
                    deal.category,
                    deal.family,
                    deal.status,
                    _dumps(deal.stages),
                    deal.quantity_ordered,
                    deal.quantity_delivered,
                    deal.order_year,
                    _dumps(deal.delivery_years),
                    deal.first_reported,
                    deal.last_reported,
                    deal.sources,
                    len(deal.reports),
                    _dumps(deal.reports),
                    _dumps(deal.conflicts),
                ),
            )
            self.conn.executemany(
                "INSERT INTO deal_articles VALUES (?, ?)", [(deal.id, a) for a in deal.articles]
            )

    def _rebuild_signals(self, subject: str, counterpart: str) -> None:
        rows = self.conn.execute(
            "SELECT s._rowid, s.article_id, s.subject, s.counterpart, s.type, s.basis,"
            " s.direction, s.weight, s.date, a.published, s.sentence, a.copy_of"
            f" FROM {self._source('alignment', with_rowid=True)} s"
            " JOIN articles a ON a.id = s.article_id"
            " WHERE s.subject = ? AND s.counterpart = ?",
            (subject, counterpart),
        ).fetchall()
        self.conn.execute(
            "DELETE FROM signals WHERE subject = ? AND counterpart = ?", (subject, counterpart)
        )
        for sig in merge_signals(SignalReport(*row) for row in rows):
            self.conn.execute(
                "INSERT INTO signals (id, subject, counterpart, type, basis, direction, weight,"
                " first, last, sources, n_reports, reports) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    sig.id,
                    sig.subject,
                    sig.counterpart,
                    sig.type,
                    sig.basis,
                    sig.direction,
                    sig.weight,
                    sig.first,
                    sig.last,
                    sig.sources,
                    len(sig.reports),
                    _dumps(sig.reports),
                ),
            )
            self.conn.executemany(
                "INSERT INTO signal_articles VALUES (?, ?)", [(sig.id, a) for a in sig.articles]
            )

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
        columns: Sequence[str] | None = None,
        match: Sequence[Mapping[str, Any]] | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest: bool = False,
    ) -> pd.DataFrame:
        """Rows of one table, filtered by actors, a date range (inclusive) and article ids;
        ``columns`` picks some columns only (a deal's reports are long to decode); ``match``
        keeps rows equal to any one of its mappings (column -> value, list of values, or
        ``Value.PRESENT``); ``limit`` and ``offset`` give one page of rows in the table's
        order (``newest`` reverses it)."""
        import pandas as pd

        cols = self._columns(table, columns)
        source, where, params = self._filtered(table, actors, start, end, articles, match)
        order = _ORDER.get(table)
        if order and newest:
            order = ", ".join(f"{term} DESC" for term in order.split(", "))
        by = f" ORDER BY {order}" if order else ""
        if limit is None:
            sql = f"SELECT {cols} FROM {source}{where}{by}"
        elif source == f"{table} t" and order:
            # One page of a wide table: pick the page's rowids first (from the indexes), then
            # read those rows only, not every matching row's text and sentences.
            page = f"SELECT t.rowid FROM {source}{where}{by} LIMIT ? OFFSET ?"
            sql = f"SELECT {cols} FROM {source} WHERE t.rowid IN ({page}){by}"
            params = [*params, int(limit), int(offset)]
        else:
            sql = f"SELECT {cols} FROM {source}{where}{by} LIMIT ? OFFSET ?"
            params = [*params, int(limit), int(offset)]
        return _decode(pd.read_sql_query(sql, self.conn, params=params), table)

    def actor_totals(
        self, *, actors: Sequence[str] | None = None, articles: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """Mentions and articles per actor and type (with its name and state) over the articles
        the filters keep; a date range does not apply to actors. Unfiltered or filtered by
        one actor, the totals come from the summaries the store keeps current, not from every
        actor row."""
        import pandas as pd

        if not articles and (not actors or len(set(actors)) == 1):
            if not actors:
                sql, params = (
                    "SELECT actor, type, name, country, mentions, articles FROM actor_totals",
                    [],
                )
            else:
                sql = (
                    "SELECT other AS actor, type, name, country, mentions, articles"
                    " FROM actor_pairs WHERE actor = ?"
                )
                params = [actors[0]]
            return pd.read_sql_query(sql + " ORDER BY 1, 2", self.conn, params=params)
        frame = self.aggregate(
            "actors",
            ("actor", "type"),
            {
                "name": ("max", "name"),
                "country": ("max", "country"),
                "mentions": ("sum", "mentions"),
                "articles": ("count_distinct", "article_id"),
            },
            actors=actors,
            articles=articles,
        )
        return frame.sort_values(["actor", "type"]).reset_index(drop=True)

    def claims(
        self,
        *,
        weak: Sequence[str] = (),
        actors: Sequence[str] | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        articles: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """Attributed claims (attribution cues with a speaker) per speaker and certainty:
        ``hedged`` when a hedge cue of the same sentence (not one of the ``weak`` ones, which
        only report the future) passes the same filters, else ``confirmed``."""
        import pandas as pd

        source, where, params = self._filtered("stance_cues", actors, start, end, articles, None)
        joiner = " AND " if where else " WHERE "
        weak_list = [w.lower() for w in weak]
        claims = (
            f"SELECT t.article_id, t.sentence, t.speaker FROM {source}{where}{joiner}"
            "t.type = 'attribution' AND t.speaker IS NOT NULL"
        )
        doubts = (
            f"SELECT DISTINCT t.article_id, t.sentence FROM {source}{where}{joiner}"
            f"t.type = 'hedge' AND lower(t.cue) NOT IN ({_marks(weak_list)})"
        )
        sql = (
            "SELECT c.speaker, CASE WHEN h.article_id IS NULL THEN 'confirmed' ELSE 'hedged' END"
            f" AS certainty, COUNT(*) AS size FROM ({claims}) c LEFT JOIN ({doubts}) h"
            " ON h.article_id = c.article_id AND h.sentence = c.sentence GROUP BY 1, 2 ORDER BY 1, 2"
        )
        frame = pd.read_sql_query(sql, self.conn, params=[*params, *params, *weak_list])
        frame["size"] = frame["size"].astype("int64")
        return frame

    def total(
        self,
        table: str,
        *,
        actors: Sequence[str] | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        articles: Sequence[str] | None = None,
        match: Sequence[Mapping[str, Any]] | None = None,
    ) -> int:
        """How many rows ``read`` would return with the same filters (no row is decoded)."""
        source, where, params = self._filtered(table, actors, start, end, articles, match)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {source}{where}", params).fetchone()[0])

    def aggregate(
        self,
        table: str,
        by: Sequence[str],
        measures: Mapping[str, tuple[str, str]],
        *,
        actors: Sequence[str] | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        articles: Sequence[str] | None = None,
        match: Sequence[Mapping[str, Any]] | None = None,
    ) -> pd.DataFrame:
        """One row per distinct ``by`` of the filtered rows, computed by SQLite over the
        effective rows (corrections applied, rejected rows left out). ``measures`` maps an
        output name to ``(function, column)``, function one of :data:`AGGREGATES`; the
        ``distinct`` function gives the sorted list of distinct non-null values."""
        import pandas as pd

        known = self._known(table)
        for col in [*by, *(c for f, c in measures.values() if c != "*")]:
            if col not in known:
                raise StoreError(f"{table} has no column {col!r}")
        exprs = [f't."{c}" AS "{c}"' for c in by]
        for name, (func, col) in measures.items():
            if func not in AGGREGATES:
                raise StoreError(f"no aggregate {func!r}; choose one of {', '.join(AGGREGATES)}")
            exprs.append(f"{AGGREGATES[func].format(c=f't.{_quote(col)}')} AS {_quote(name)}")
        source, where, params = self._filtered(table, actors, start, end, articles, match)
        sql = f"SELECT {', '.join(exprs)} FROM {source}{where}"
        if by:
            sql += " GROUP BY " + ", ".join(f't."{c}"' for c in by)
        frame = pd.read_sql_query(sql, self.conn, params=params)
        for name, (func, _col) in measures.items():
            if func == "distinct":
                frame[name] = frame[name].map(lambda v: sorted(x for x in json.loads(v) if x))
            elif func in (
                "count",
                "count_distinct",
                "count_values",
                "count_if_many",
                "count_if_any",
            ):
                frame[name] = frame[name].fillna(0).astype("int64")
        return frame

    def chunks(
        self,
        table: str,
        *,
        actors: Sequence[str] | None = None,
        start: date | str | None = None,
        end: date | str | None = None,
        articles: Sequence[str] | None = None,
        columns: Sequence[str] | None = None,
        match: Sequence[Mapping[str, Any]] | None = None,
        size: int = 20_000,
    ) -> Iterator[pd.DataFrame]:
        """Every row ``read`` would return, ``size`` rows at a time in the same order (for
        downloads: memory stays flat however many rows match)."""
        import pandas as pd

        cols = self._columns(table, columns)
        source, where, params = self._filtered(table, actors, start, end, articles, match)
        sql = f"SELECT {cols} FROM {source}{where}"
        order = _ORDER.get(table)
        if order:
            sql += f" ORDER BY {order}"
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(size):
            yield _decode(pd.DataFrame.from_records(rows, columns=names), table)

    def _filtered(
        self,
        table: str,
        actors: Sequence[str] | None,
        start: date | str | None,
        end: date | str | None,
        articles: Sequence[str] | None,
        match: Sequence[Mapping[str, Any]] | None,
    ) -> tuple[str, str, list[Any]]:
        """The FROM source (aliased ``t``), the WHERE clause and its parameters of a read."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose one of {', '.join(TABLES)}")
        if table in CORPUS_TABLES and not self.readonly and self.corpus:
            self.refresh_corpus()  # queued groups first: a writer reads its own writes
        where: list[str] = []
        params: list[Any] = []
        if articles:
            self._article_clause(table, articles, where, params)
        if actors:
            self._actor_clause(table, actors, where, params)
        _date_clause(table, start, end, where, params)
        if match is not None:
            self._match_clause(table, match, where, params)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        # events keep their rowid: the event_actors link table points at it
        return f"{self._source(table, with_rowid=table == 'events')} t", clause, params

    def _known(self, table: str) -> set[str]:
        known = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
        if table in corr.FIELDS:
            known |= {"corrected", "review"}
        return known

    def _match_clause(
        self, table: str, match: Sequence[Mapping[str, Any]], where: list[str], params: list[Any]
    ) -> None:
        """Rows equal to any one of the mappings; no mapping matches nothing."""
        known = self._known(table)
        alternatives: list[str] = []
        for wanted in match:
            parts: list[str] = []
            for col, value in wanted.items():
                if col not in known:
                    raise StoreError(f"{table} has no column {col!r}")
                values = list(value) if isinstance(value, list | tuple | set) else [value]
                present = [v for v in values if v is not None and not isinstance(v, Value)]
                tests = [f"t.{_quote(col)} IN ({_marks(present)})"] if present else []
                if None in values:
                    tests.append(f"t.{_quote(col)} IS NULL")
                if Value.PRESENT in values:
                    tests.append(f"t.{_quote(col)} IS NOT NULL")
                parts.append("(" + " OR ".join(tests or ["0"]) + ")")
                params.extend(present)
            alternatives.append("(" + (" AND ".join(parts) or "1") + ")")
        where.append("(" + (" OR ".join(alternatives) or "0") + ")")

    def _columns(self, table: str, columns: Sequence[str] | None) -> str:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose one of {', '.join(TABLES)}")
        if columns:
            known = self._known(table) | set(_DERIVED.get(table, {}))
            unknown = [c for c in columns if c not in known]
            if unknown:
                raise StoreError(f"{table} has no column {unknown[0]!r}")
            derived = _DERIVED.get(table, {})
            return ", ".join(
                f'{derived[c]} AS "{c}"' if c in derived else f't."{c}"' for c in columns
            )
        if table == "articles":  # everything but the text
            return (
                "t.id, t.title, t.published, t.source, t.url, t.language, t.words, t.added,"
                " t.path, t.copy_of"
            )
        return "t.*"

    @staticmethod
    def _article_clause(
        table: str, articles: Sequence[str], where: list[str], params: list[Any]
    ) -> None:
        if table in _LINKS:
            link, key = _LINKS[table]
            where.append(
                f"t.id IN (SELECT {key} FROM {link} WHERE article_id IN ({_marks(articles)}))"
            )
        else:
            alias = "t.id" if table == "articles" else "t.article_id"
            where.append(f"{alias} IN ({_marks(articles)})")
        params.extend(articles)

    def _actor_clause(
        self, table: str, actors: Sequence[str], where: list[str], params: list[Any]
    ) -> None:
        wanted = self._expand(actors)
        marks = _marks(wanted)
        if table in _ACTOR_COLUMNS:
            a, b = _ACTOR_COLUMNS[table]
            where.append(f"(t.{a} IN ({marks}) OR t.{b} IN ({marks}))")
            params.extend(wanted)
            params.extend(wanted)
        elif table == "events":
            where.append(
                f"t._rowid IN (SELECT event_rowid FROM event_actors WHERE actor IN ({marks}))"
            )
            params.extend(wanted)
        else:
            alias_article = "t.id" if table == "articles" else "t.article_id"
            where.append(
                f"{alias_article} IN (SELECT article_id FROM actors WHERE actor IN "
                f"({_marks(actors)}))"
            )
            params.extend(actors)

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


# Columns computed from a merged row's evidence without decoding it in Python: the first
# distinct report sentences (a deal can gather hundreds of reports).
EVIDENCE_SENTENCES = 5
_BRIEF = (
    "(SELECT group_concat(s, ' | ') FROM (SELECT DISTINCT json_extract(value, '$.sentence') AS s"
    f" FROM json_each(t.reports) LIMIT {EVIDENCE_SENTENCES}))"
)
# A deal's conflicts with the number of reports behind each value instead of their ids.
_CONFLICTS = (
    "(SELECT json_group_array(json_object('field', json_extract(value, '$.field'), 'values',"
    " json(json_extract(value, '$.values')), 'reports', json_array_length(value, '$.reports')))"
    " FROM json_each(t.conflicts))"
)
_DERIVED: dict[str, dict[str, str]] = {
    "deals": {"evidence_brief": _BRIEF, "conflicts_brief": _CONFLICTS},
    "signals": {"evidence_brief": _BRIEF},
}
# What ``Store.aggregate`` can compute per group ({c} is the column).
AGGREGATES = {
    "count": "COUNT(*)",
    "count_distinct": "COUNT(DISTINCT {c})",
    "count_values": "COUNT({c})",
    "sum": "SUM({c})",
    "min": "MIN({c})",
    "max": "MAX({c})",
    "distinct": "json_group_array(DISTINCT {c})",
    "count_if_many": "SUM({c} >= 2)",
    "count_if_any": "SUM({c} IS NOT NULL AND {c} NOT IN ('', '[]'))",
}
_ORDER = {
    "articles": "t.published, t.rowid",
    "events": "t.day, t._rowid",
    "deals": "t.first_reported, t.id",
    "signals": "t.first, t.id",
    "corrections": "t.id",
}
_INTEGER_COLUMNS = (
    "quantity",
    "mentions",
    "words",
    "polarity",
    "direction",
    "start",
    "end",
    "quantity_ordered",
    "quantity_delivered",
    "order_year",
    "sources",
    "n_reports",
)


def _date_clause(
    table: str,
    start: date | str | None,
    end: date | str | None,
    where: list[str],
    params: list[Any],
) -> None:
    """Rows dated in [start, end]; a deal or merged signal when its span overlaps it."""
    span = _SPANS.get(table)
    if span:
        if start:
            where.append(f"COALESCE(t.{span[1]}, t.{span[0]}) >= ?")
            params.append(str(start))
        if end:
            where.append(f"t.{span[0]} <= ?")
            params.append(str(end))
        return
    day_col = {
        "articles": "t.published",
        "actors": None,
        "entities": None,
        "corrections": None,
    }.get(table, "t.day")
    if day_col and start:
        where.append(f"{day_col} >= ?")
        params.append(str(start))
    if day_col and end:
        where.append(f"{day_col} <= ?")
        params.append(str(end))


def _decode(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Nullable integers for counts and offsets, lists for the JSON columns (an internal rowid
    a source carried for a link table is dropped)."""
    frame = frame.drop(columns=["_rowid"], errors="ignore")
    for col in _INTEGER_COLUMNS:
        if col in frame.columns:
            frame[col] = frame[col].astype("Int64")
    for col in _JSON_COLUMNS:
        if col in frame.columns and table != "articles":
            frame[col] = frame[col].map(json.loads)
    if "review" in frame.columns:
        frame["review"] = frame["review"].astype(object).where(frame["review"].notna(), None)
    return frame


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


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
