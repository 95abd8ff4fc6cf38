"""Typed records for the domain data files under ``analysis/data`` and their loaders.

Domain knowledge is data: an analyst adds a leader, a weapon system or a cue by adding a
line to a JSONL file. Every line has one typed shape, checked when it is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from analysis.constants import ACTOR_TYPES, BASES, CATEGORIES, CUE_TYPES, SIGNAL_TYPES, STATUSES


class DataFileError(ValueError):
    """A line of a domain data file does not have the expected shape."""


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    members: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.capitals, *self.demonyms)


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    start: int
    end: int | None
    actor: str

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    name: str
    country: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def acts_for(self, year: int | None) -> str:
        """The actor this person acts for in ``year`` (latest role when the year is unknown)."""
        if year is not None:
            for role in self.roles:
                if role.covers(year):
                    return role.actor
            # Outside every role: the nearest role in time.
            nearest = min(
                self.roles,
                key=lambda r: min(abs(year - r.start), abs(year - (r.end or year))),
            )
            return nearest.actor
        current = [r for r in self.roles if r.end is None]
        return (current or list(self.roles))[-1].actor


@dataclass(frozen=True, slots=True)
class WeaponRecord:
    id: str
    name: str
    category: str
    origin: str
    maker: str
    aliases: tuple[str, ...]
    exclude: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(f for f in (self.name, *self.aliases) if f not in self.exclude)


@dataclass(frozen=True, slots=True)
class WeaponTerm:
    term: str
    category: str


@dataclass(frozen=True, slots=True)
class ProcurementVerb:
    lemma: str
    status: str
    subject: str  # "recipient", "supplier" or "theme": what the grammatical subject is


@dataclass(frozen=True, slots=True)
class StanceCue:
    cue: str
    type: str
    polarity: int
    match: str  # "lemma" or "phrase"
    pos: tuple[str, ...] = ("VERB",)  # parts of speech a lemma cue matches


@dataclass(frozen=True, slots=True)
class SignalRule:
    type: str
    basis: str
    direction: int
    weight: float
    rationale: str
    triggers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatusWeight:
    status: str
    weight: float
    direction: int
    rationale: str


def _lines(name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    text = files("analysis").joinpath("data", name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{name}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise DataFileError(f"{name}:{number}: expected an object")
        yield number, row


def _need(name: str, number: int, ok: bool, what: str) -> None:
    if not ok:
        raise DataFileError(f"{name}:{number}: {what}")


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TypeError
    return tuple(value)


def _read(name: str, build: Any) -> tuple[Any, ...]:
    out = []
    for number, row in _lines(name):
        try:
            out.append(build(row))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"{name}:{number}: bad record ({exc!r})") from exc
    return tuple(out)


def _actor(row: dict[str, Any]) -> ActorRecord:
    rec = ActorRecord(
        id=str(row["id"]),
        name=str(row["name"]),
        type=str(row["type"]),
        country=row["country"],
        aliases=_strs(row["aliases"]),
        capitals=_strs(row["capitals"]),
        demonyms=_strs(row["demonyms"]),
        members=_strs(row["members"]),
    )
    if rec.type not in ACTOR_TYPES or rec.type == "person":
        raise ValueError(f"type {rec.type!r}")
    if rec.type in ("country", "company") and not isinstance(rec.country, str):
        raise ValueError("country missing")
    return rec


def _person(row: dict[str, Any]) -> PersonRecord:
    roles = tuple(
        Role(
            title=str(r["title"]),
            start=int(r["start"]),
            end=None if r["end"] is None else int(r["end"]),
            actor=str(r["actor"]),
        )
        for r in row["roles"]
    )
    if not roles:
        raise ValueError("no roles")
    for r in roles:
        if r.end is not None and r.end < r.start:
            raise ValueError(f"role {r.title} ends before it starts")
    return PersonRecord(
        id=str(row["id"]),
        name=str(row["name"]),
        country=str(row["country"]),
        aliases=_strs(row["aliases"]),
        roles=roles,
    )


def _weapon(row: dict[str, Any]) -> WeaponRecord:
    rec = WeaponRecord(
        id=str(row["id"]),
        name=str(row["name"]),
        category=str(row["category"]),
        origin=str(row["origin"]),
        maker=str(row["maker"]),
        aliases=_strs(row["aliases"]),
        exclude=_strs(row.get("exclude", [])),
    )
    if rec.category not in CATEGORIES:
        raise ValueError(f"category {rec.category!r}")
    return rec


def _term(row: dict[str, Any]) -> WeaponTerm:
    rec = WeaponTerm(term=str(row["term"]), category=str(row["category"]))
    if rec.category not in CATEGORIES:
        raise ValueError(f"category {rec.category!r}")
    return rec


def _verb(row: dict[str, Any]) -> ProcurementVerb:
    rec = ProcurementVerb(
        lemma=str(row["lemma"]), status=str(row["status"]), subject=str(row["subject"])
    )
    if rec.status not in STATUSES or rec.subject not in ("recipient", "supplier", "theme"):
        raise ValueError("status or subject")
    return rec


def _cue(row: dict[str, Any]) -> StanceCue:
    rec = StanceCue(
        cue=str(row["cue"]),
        type=str(row["type"]),
        polarity=int(row["polarity"]),
        match=str(row["match"]),
        pos=tuple(row.get("pos", ["VERB"])),
    )
    if rec.type not in CUE_TYPES or rec.polarity not in (-1, 0, 1):
        raise ValueError("type or polarity")
    if rec.match not in ("lemma", "phrase"):
        raise ValueError("match")
    return rec


def _signal(row: dict[str, Any]) -> SignalRule:
    rec = SignalRule(
        type=str(row["type"]),
        basis=str(row["basis"]),
        direction=int(row["direction"]),
        weight=float(row["weight"]),
        rationale=str(row["rationale"]),
        triggers=tuple(row["triggers"]),
    )
    if rec.type not in SIGNAL_TYPES or rec.basis not in BASES or rec.direction not in (-1, 1):
        raise ValueError("type, basis or direction")
    if not rec.weight > 0 or not rec.rationale:
        raise ValueError("weight or rationale")
    return rec


def _status_weight(row: dict[str, Any]) -> StatusWeight:
    rec = StatusWeight(
        status=str(row["status"]),
        weight=float(row["weight"]),
        direction=int(row["direction"]),
        rationale=str(row["rationale"]),
    )
    if rec.status not in STATUSES or not rec.weight > 0 or rec.direction not in (-1, 1):
        raise ValueError("status, weight or direction")
    return rec


@lru_cache(maxsize=1)
def actors() -> tuple[ActorRecord, ...]:
    return _read("actors.v1.jsonl", _actor)


@lru_cache(maxsize=1)
def actors_by_id() -> dict[str, ActorRecord]:
    return {a.id: a for a in actors()}


@lru_cache(maxsize=1)
def country_ids() -> frozenset[str]:
    """Ids of the actors that are states. Blocs and organisations can have three-letter ids too
    (SCO, GCC, OAS), so an id's length never says that it is a country."""
    return frozenset(a.id for a in actors() if a.type == "country")


def is_country(actor_id: str) -> bool:
    return actor_id in country_ids()


@lru_cache(maxsize=1)
def people() -> tuple[PersonRecord, ...]:
    return _read("people.v1.jsonl", _person)


@lru_cache(maxsize=1)
def people_by_id() -> dict[str, PersonRecord]:
    return {p.id: p for p in people()}


@lru_cache(maxsize=1)
def weapons() -> tuple[WeaponRecord, ...]:
    return _read("weapons.v1.jsonl", _weapon)


@lru_cache(maxsize=1)
def weapons_by_id() -> dict[str, WeaponRecord]:
    return {w.id: w for w in weapons()}


@lru_cache(maxsize=1)
def weapon_terms() -> tuple[WeaponTerm, ...]:
    return _read("weapon_terms.v1.jsonl", _term)


@lru_cache(maxsize=1)
def procurement_verbs() -> dict[str, ProcurementVerb]:
    return {v.lemma: v for v in _read("procurement_verbs.v1.jsonl", _verb)}


@lru_cache(maxsize=1)
def stance_cues() -> tuple[StanceCue, ...]:
    return _read("stance_cues.v1.jsonl", _cue)


@lru_cache(maxsize=1)
def signal_rules() -> dict[str, SignalRule]:
    return {s.type: s for s in _read("signals.v1.jsonl", _signal)}


@lru_cache(maxsize=1)
def status_weights() -> dict[str, StatusWeight]:
    return {s.status: s for s in _read("status_weights.v1.jsonl", _status_weight)}


BLOC_GROUPS = ("Russia", "China", "EU/NATO/US", "Others")
_RUSSIA_SIDE = {"RUS", "BLR", "CSTO", "EAEU"}
_CHINA_SIDE = {"CHN"}
_WEST = {"EU", "NATO", "USA", "G7", "AUKUS"}


def bloc_of(actor_id: str) -> str:
    """Which camp a counterpart belongs to, for an alignment balance: Russia and its treaty
    allies, China, the EU, NATO and the United States with their members, or others."""
    if actor_id in _RUSSIA_SIDE:
        return "Russia"
    if actor_id in _CHINA_SIDE:
        return "China"
    if actor_id in _WEST:
        return "EU/NATO/US"
    by_id = actors_by_id()
    if any(actor_id in by_id[b].members for b in ("EU", "NATO") if b in by_id):
        return "EU/NATO/US"
    return "Others"


DATA_FILES: dict[str, Any] = {
    "actors.v1.jsonl": actors,
    "people.v1.jsonl": people,
    "weapons.v1.jsonl": weapons,
    "weapon_terms.v1.jsonl": weapon_terms,
    "procurement_verbs.v1.jsonl": procurement_verbs,
    "stance_cues.v1.jsonl": stance_cues,
    "signals.v1.jsonl": signal_rules,
    "status_weights.v1.jsonl": status_weights,
}
