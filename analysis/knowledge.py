"""Knowledge edits: an analyst adds an alias, a person or a weapon system to the overlay of the
domain data (``resources.overlay_dir()``, files of the same names and shapes as
``analysis/data``), checked by the same record builders and lints as the shipped files.

An entry is validated whole before anything is written: a bad one raises ``KnowledgeError``
(one line for the user) and leaves the overlay as it was. After a write the cached tables are
reloaded, so the next analysis in this process sees the entry; ``affected`` lists the stored
articles whose text holds one of the entry's forms and ``reanalyse_stored`` analyses them again
(their rows keep their ids, so analysts' corrections still apply).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from analysis import resources
from analysis.constants import CATEGORIES
from analysis.corrections import CorrectionError, plain_text
from analysis.resources import DataFileError

KINDS = ("actor", "person", "weapon")
MIN_YEAR, MAX_YEAR = 1900, 2100
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:._-]{0,59}$")
_TITLE = re.compile(r"^[a-z][a-z_]{1,59}$")


class KnowledgeError(ValueError):
    """A knowledge edit that cannot be recorded (one-line message for the user)."""


@dataclass(frozen=True)
class Entry:
    """A checked overlay line: the file it goes to, the record, and the text forms it adds."""

    file: str
    row: dict[str, Any]
    forms: tuple[str, ...]
    summary: str


def _text(field: str, value: str, *, limit: int = 80) -> str:
    text = " ".join(str(value).split())
    if len(text) < 2:
        raise KnowledgeError(f"{field} needs at least two characters")
    try:
        return plain_text(field, text, limit=limit)
    except CorrectionError as exc:
        raise KnowledgeError(str(exc)) from None


def _year(field: str, value: Any) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise KnowledgeError(f"{field} must be a year such as 2021, not {value!r}") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise KnowledgeError(f"{field} must be a year between {MIN_YEAR} and {MAX_YEAR}")
    return year


def _owners() -> dict[str, str]:
    """Every form the gazetteers match (case-folded) -> the record that holds it."""
    owners: dict[str, str] = {}
    for a in resources.actors():
        for form in a.forms:
            owners.setdefault(form.casefold(), f"actor {a.id} ({a.name})")
    for p in resources.people():
        for form in (p.name, *p.aliases):
            owners.setdefault(form.casefold(), f"person {p.id} ({p.name})")
    for w in resources.weapons():
        for form in w.forms:
            owners.setdefault(form.casefold(), f"weapon system {w.id} ({w.name})")
    return owners


def _free(form: str, owner: str) -> None:
    """A new form must not already name a record (the gazetteer would have two answers)."""
    held = _owners().get(form.casefold())
    if held is None:
        return
    if held.split(" (")[0].endswith(owner):
        raise KnowledgeError(f"{form!r} is already a form of {held}")
    raise KnowledgeError(f"{form!r} already names {held}")


def _build(file: str, row: dict[str, Any]) -> Any:
    """The record, built and checked by the same code as the shipped data."""
    build = {
        resources.ACTORS_FILE: resources._actor,
        resources.PEOPLE_FILE: resources._person,
        resources.WEAPONS_FILE: resources._weapon,
    }[file]
    try:
        return build(row)
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"not a valid {file.split('.')[0]} record ({exc})") from None


def _lint_weapon(rec: resources.WeaponRecord) -> None:
    """The weapon lint over the gazetteer with the new record merged in: a problem it adds
    refuses the entry."""
    merged = resources._merge(resources.weapons(), (rec,), ("aliases", "exclude", "nicknames"))
    before = set(resources.lint_weapons(resources.weapons()))
    new = [p for p in resources.lint_weapons(merged) if p not in before]
    if new:
        raise KnowledgeError(new[0])


def _lint_person(rec: resources.PersonRecord) -> None:
    merged = resources._merge(resources.people(), (rec,), ("aliases", "roles"))
    known = set(resources.actors_by_id())
    before = set(resources.lint_people(resources.people(), known))
    new = [p for p in resources.lint_people(merged, known) if p not in before]
    if new:
        raise KnowledgeError(new[0])


def _readable() -> None:
    """The overlay as it stands must parse: an entry is never checked against, or appended
    to, a file that no longer does."""
    for name in resources.OVERLAY_FILES:
        try:
            resources.overlay_records(name)
        except DataFileError as exc:
            raise KnowledgeError(f"the overlay is broken, fix it first: {exc}") from None


def alias_entry(kind: str, record_id: str, alias: str) -> Entry:
    """An alias of a known actor, person or weapon system."""
    _readable()
    if kind not in KINDS:
        raise KnowledgeError(f"an alias belongs to an {', a '.join(KINDS)}; not {kind!r}")
    form = _text("alias", alias)
    record_id = str(record_id).strip()
    if kind == "actor":
        actor = resources.actors_by_id().get(record_id)
        if actor is None:
            raise KnowledgeError(f"unknown actor id {record_id!r}")
        _free(form, f"actor {actor.id}")
        row: dict[str, Any] = {
            "id": actor.id,
            "name": actor.name,
            "type": actor.type,
            "country": actor.country,
            "aliases": [form],
            "capitals": [],
            "demonyms": [],
            "members": [],
        }
        _build(resources.ACTORS_FILE, row)
        return Entry(resources.ACTORS_FILE, row, (form,), f"alias {form!r} of {actor.name}")
    if kind == "person":
        person = resources.people_by_id().get(record_id)
        if person is None:
            raise KnowledgeError(f"unknown person id {record_id!r}")
        _free(form, f"person {person.id}")
        row = {
            "id": person.id,
            "name": person.name,
            "country": person.country,
            "aliases": [form],
            "roles": [
                {"title": r.title, "start": r.start, "end": r.end, "actor": r.actor}
                for r in person.roles[:1]
            ],
        }
        _lint_person(_build(resources.PEOPLE_FILE, row))
        return Entry(resources.PEOPLE_FILE, row, (form,), f"alias {form!r} of {person.name}")
    weapon = resources.weapons_by_id().get(record_id)
    if weapon is None:
        raise KnowledgeError(f"unknown weapon system id {record_id!r}")
    _free(form, f"weapon system {weapon.id}")
    row = {
        "id": weapon.id,
        "name": weapon.name,
        "category": weapon.category,
        "origin": weapon.origin,
        "maker": weapon.maker,
        "aliases": [form],
        "exclude": [],
        "nicknames": [],
    }
    _lint_weapon(_build(resources.WEAPONS_FILE, row))
    return Entry(resources.WEAPONS_FILE, row, (form,), f"alias {form!r} of {weapon.name}")


def _state(field: str, actor_id: str) -> str:
    actor_id = str(actor_id).strip()
    rec = resources.actors_by_id().get(actor_id)
    if rec is None:
        raise KnowledgeError(f"unknown actor id {actor_id!r} for {field}")
    if rec.type == "company":
        raise KnowledgeError(f"{field} must be a state, bloc or organisation, not a company")
    return rec.id


def person_id(name: str) -> str:
    """The id of a person the data adds: ``P:`` and the name's words joined by dashes."""
    return "P:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def person_entry(
    name: str,
    *,
    actor: str,
    title: str,
    start: Any,
    end: Any = None,
    aliases: Sequence[str] = (),
) -> Entry:
    """A person with one role: ``title`` for ``actor`` from ``start`` to ``end`` (open when
    empty). A person already in the data gains the role (and aliases)."""
    _readable()
    name = _text("name", name)
    title = str(title).strip().lower().replace(" ", "_")
    if not _TITLE.match(title):
        raise KnowledgeError(
            f"title must be lower-case words joined by _, such as defence_minister; not {title!r}"
        )
    state = _state("actor", actor)
    first = _year("start", start)
    last = None if end is None or str(end).strip() == "" else _year("end", end)
    if last is not None and last < first:
        raise KnowledgeError(f"the role ends ({last}) before it starts ({first})")
    pid = person_id(name)
    known = resources.people_by_id().get(pid)
    forms = [] if known else [name]
    for alias in aliases:
        if alias.strip():
            forms.append(_text("alias", alias))
    for form in forms:
        _free(form, f"person {pid}")
    row = {
        "id": pid,
        "name": known.name if known else name,
        "country": known.country if known else state,
        "aliases": [f for f in forms if f != name],
        "roles": [{"title": title, "start": first, "end": last, "actor": state}],
    }
    _lint_person(_build(resources.PEOPLE_FILE, row))
    what = "role" if known else "person"
    when = f"{first}–{last}" if last else f"since {first}"
    return Entry(
        resources.PEOPLE_FILE,
        row,
        tuple(forms) or (name,),
        f"{what} {name}: {title.replace('_', ' ')} of {state}, {when}",
    )


def weapon_entry(
    name: str,
    *,
    category: str,
    origin: str,
    maker: str,
    aliases: Sequence[str] = (),
) -> Entry:
    """A weapon system the data lacks: its name, category, country of origin and maker."""
    _readable()
    name = _text("name", name)
    if category not in CATEGORIES:
        raise KnowledgeError(f"category must be one of {', '.join(CATEGORIES)}; not {category!r}")
    state = _state("origin", origin)
    maker = _text("maker", maker)
    wid = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not _ID.match(wid) or wid in resources.weapons_by_id():
        raise KnowledgeError(f"a weapon system with the id {wid!r} exists already")
    forms = [name, *(_text("alias", a) for a in aliases if a.strip())]
    for form in forms:
        _free(form, f"weapon system {wid}")
    row = {
        "id": wid,
        "name": name,
        "category": category,
        "origin": state,
        "maker": maker,
        "aliases": forms[1:],
        "exclude": [],
        "nicknames": [],
    }
    _lint_weapon(_build(resources.WEAPONS_FILE, row))
    return Entry(
        resources.WEAPONS_FILE,
        row,
        tuple(forms),
        f"weapon system {name} ({category.replace('_', ' ')}, {state})",
    )


def write(entry: Entry) -> Path:
    """Append a checked entry to its overlay file and reload the cached tables (a file that
    no longer parses is reported, not extended)."""
    folder = resources.overlay_dir()
    path = folder / entry.file
    _readable()
    line = json.dumps(entry.row, ensure_ascii=False) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(line)
    except OSError as exc:
        raise KnowledgeError(f"cannot write {path}: {exc.strerror}") from None
    resources.reload()
    return path


def entries() -> list[dict[str, Any]]:
    """Every overlay line, with the file it is in (for listing)."""
    out: list[dict[str, Any]] = []
    for name in resources.OVERLAY_FILES:
        for rec in resources.overlay_records(name):
            kind = {"actors": "actor", "people": "person", "weapons": "weapon"}[name.split(".")[0]]
            out.append({"kind": kind, "id": rec.id, "name": rec.name, "aliases": rec.aliases})
    return out


def affected(store: Any, forms: Iterable[str]) -> list[str]:
    """Ids of the stored articles whose text holds one of the forms (as written, or a
    person's full name in lower case, which the gazetteer also matches)."""
    wanted = sorted({v for f in forms if f for v in ((f, f.lower()) if " " in f else (f,))})
    if not wanted:
        return []
    clauses = " OR ".join("instr(text, ?) > 0" for _ in wanted)
    rows = store.conn.execute(
        f"SELECT id FROM articles WHERE {clauses} ORDER BY rowid", wanted
    ).fetchall()
    return [str(r[0]) for r in rows]


def reanalyse_stored(
    db: Path,
    article_ids: Sequence[str],
    nlp: Any,
    *,
    on_article: Callable[[str], None] | None = None,
) -> int:
    """Analyse stored articles again from their stored text and metadata, replacing their
    rows (corrections are kept); the number re-analysed."""
    from analysis.ingest import ingest_articles
    from analysis.model import Article
    from analysis.store import Store

    items: list[tuple[str, Article]] = []
    with Store(db) as store:
        for aid in article_ids:
            row = store.conn.execute(
                "SELECT text, title, published, source, url, language, path FROM articles"
                " WHERE id = ?",
                (aid,),
            ).fetchone()
            if row is None:
                continue
            text, title, published, source, url, language, path = row
            article = Article(
                text=text,
                title=title,
                published=date.fromisoformat(published) if published else None,
                source=source,
                url=url,
                language=language,
            )
            items.append((path or aid, article))
    done = 0
    for path, article in items:
        summary = ingest_articles([(path, article)], db=db, nlp=nlp, reanalyse=True)
        done += summary.reanalysed
        if on_article is not None:
            on_article(article.id)
    return done
