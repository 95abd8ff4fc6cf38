"""Typed records for the domain data files under ``analysis/data`` and their loaders.

Domain knowledge is data: an analyst adds a leader, a weapon system or a cue by adding a
line to a JSONL file. Every line has one typed shape, checked when it is read.

Actors, people and weapon systems also read an analyst's overlay (``overlay_dir()``: files of
the same names and shapes, written by ``analysis.knowledge``). An overlay line with a shipped
record's id adds its list entries (aliases, roles, nicknames...) to that record; a line with a
new id adds a record. ``refresh()`` notices a changed overlay and drops every cached table
(here and in the modules that registered with ``on_reload``); ``generation()`` then grows.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    nicknames: tuple[str, ...] = ()  # reporting, popular, export names; official designations

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form; a class name is written with a hyphen or a space ("Yuan-class",
        "Yuan class")."""
        written = (self.name, *self.aliases, *self.nicknames)
        spaced = (f[: -len("-class")] + " class" for f in written if f.endswith("-class"))
        # "RBS 15" is written "RBS-15" and "RBS15" too: a capitalised prefix and its number
        joined = (
            f"{m[1]}{sep}{m[2]}"
            for f in written
            if (m := DESIGNATION.fullmatch(f))
            for sep in ("", " ", "-")
        )
        return tuple(
            f for f in dict.fromkeys((*written, *spaced, *joined)) if f not in self.exclude
        )


DESIGNATION = re.compile(r"([A-Z]{2,4})[ -]?(\d{1,3}[A-Z]?)")
"""A designation of capitals and a number ("RBS 15", "HQ-9", "KF21"), however it is joined."""


@dataclass(frozen=True, slots=True)
class WeaponTerm:
    term: str
    category: str
    umbrella: bool = False  # "arms", "military aid": a cover for whatever kinds it names
    # "the vessel", "the jets": refers back to a platform of these categories, names none
    refers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VesselPrefix:
    """A navy's ship prefix ("INS", "HMS"): before a name it names one ship of that navy."""

    prefix: str
    navy: str


FRAME_ROLES = ("recipient", "supplier", "theme", "either", "rival")
MODAL_STATUSES = (*STATUSES, "future", "refused", "denied")


@dataclass(frozen=True, slots=True)
class FrameRecord:
    """A transfer frame: a spaCy ``Matcher`` pattern and what a match means for a weapon.

    ``status`` is the deal stage when the match governs a weapon (``None``: it never does);
    ``subject`` is what its grammatical subject is (``either``: the lessee or licensee unless a
    recipient is named with "to" or the subject is the system's maker; ``rival``: a competitor
    that won, so the frame governs only its object); ``future`` is the stage
    under a modal ("will deliver" implies an order); ``modal`` is the stage it imposes on a
    transfer verb it governs ("plans to buy": planned; ``future``: that verb's own future stage;
    ``refused``: no transfer). ``explicit``: the recipient must be named, never guessed.
    ``block``: a context (combat, use, tests, shows) in which a weapon is not transferred.
    ``passes``: inclusion ("the package includes", "including"): the weapon belongs to what
    includes it, and the frame is looked for there. ``supplier_named``: the text must name the
    supplier; the system's origin does not stand in (possession, building one's own).
    ``possessor``: what a noun's possessor is when it differs from the subject role ("India's
    largest arms supplier": India receives). ``rival_preps``: prepositions that name the rivals
    a choice passed over ("chose the F-35 over the Rafale"): those were only offered.
    ``chosen_nouns``: the noun of "in favour of" on a verb of the frame, whose subject buys
    what it names ("dropped the Caracal in favour of Black Hawks").
    ``bought_nouns``: nouns of buying which, as the object of a verb of the frame, make its
    subject the buyer ("approved the purchase of 21 MiG-29s": not a sale it clears).
    ``object_gained``: a verb whose subject receives its object when that object is a noun of
    what a supplier hands out ("won a promise of Patriots"; but "won an order": the seller).
    ``passive_holder``: a passive whose subject is still the holder, not the weapon ("the army
    is equipped with T-72s", "its air defences are built around Patriot batteries").
    ``made_in``: a place the weapon is made "in" names its maker when another state holds it
    ("the navy's four frigates were built in Germany"), its buyer otherwise ("kits to be
    assembled in Egypt").
    ``to_frame``: the frame a verb of this one opens instead when it takes a "to" phrase
    ("has flown NLAW weapons to Kyiv": handed over, not flown in service).
    ``commands``: a verb that also commands ("the court ordered the Netherlands to stop
    shipping F-35 parts"): with an infinitive it tells someone to act, and opens no frame.
    ``mutual``: a deal both sides make (signing, negotiating): a subject that is the weapon's
    own origin is its seller, not its buyer ("the United States signed a contract with Poland
    for F-35s").
    ``for_another``: buying or paying for another: a state named in a "for" phrase of the verb
    or of the weapon, other than the subject's own, receives, and the subject hands over
    unless the text names a seller ("agreed to pay for French weapons for the Lebanese army").
    ``payer``: the subject pays for the weapons, whoever gets them; a passive's agent ("paid
    for by the United States") pays for another's and hands them over.
    ``doer_verbs``: for a noun, the verbs whose subject makes the deal it names ("held talks",
    "submitted a request", "made an offer"); not those that answer it ("rejected a request").
    ``trade``: a sale, an offer or its approval, which is a deal even where a drill or a
    mission is the news ("India agreed to sell Armenia Pinaka launchers" in a story about an
    exercise); sending or pledging there may be a deployment.
    ``source_preps``: prepositions whose state supplies ("relies on Russia for its jets",
    "turned to Israel for drones").
    ``hands``: lemmas of the frame that change hands whoever does them: a state's forces that
    hand weapons to another ("Chile's navy handed two frigates to Ecuador") do not deploy them.
    """

    id: str
    pattern: tuple[dict[str, Any], ...]
    status: str | None
    subject: str | None
    future: str | None
    modal: str | None
    explicit: bool
    block: bool
    note: str
    passes: bool = False
    supplier_named: bool = False
    possessor: str | None = None  # what a noun's possessor is, when not its subject role
    rival_preps: tuple[str, ...] = ()  # "chose the F-35 over the Rafale": the rival was offered
    chosen_nouns: tuple[str, ...] = ()  # "dropped the Caracal in favour of Black Hawks"
    bought_nouns: tuple[str, ...] = ()  # "approved the purchase of 21 MiG-29s": the buyer
    object_gained: bool = False
    passive_holder: bool = False
    made_in: bool = False
    commands: bool = False
    to_frame: str | None = None
    mutual: bool = False
    for_another: bool = False
    doer_verbs: tuple[str, ...] = ()
    payer: bool = False
    trade: bool = False
    source_preps: tuple[str, ...] = ()
    hands: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StanceCue:
    cue: str
    type: str
    polarity: int
    match: str  # "lemma" or "phrase"
    pos: tuple[str, ...] = ("VERB",)  # parts of speech a lemma cue matches
    # "clause": a verb cue only when it takes a finite clause ("hoped the talks would resume"
    # is uncertainty about a claim; "hoped to buy" is an intent); "negated": only when the
    # verb is negated or refused ("has not confirmed", "declined to confirm"); "posed": a
    # noun cue only when someone poses it ("Turkish threats", "a threat by Trump to punish",
    # "described the base as a threat"), not a danger in general ("the long-range threat").
    complement: str | None = None
    # Inflected forms the lemmatiser reads as another word's ("hoped" as "hop").
    forms: tuple[str, ...] = ()
    # False for a judgement too mild to move the speaker away from the target on its own
    # ("regretted the decision but said relations remain warm").
    signal: bool = True
    # The type a cue takes when no state speaks and none is aimed at ("analysts cautioned
    # that ...": a saying, not one state pressing another).
    unaimed: str | None = None
    # Objects that make the verb an idiom, no cue ("pressed the assault on Bakhmut"), and
    # particles, as "<verb> <particle>" ("back out", "back down").
    idiom_objects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SignalRule:
    """An alignment signal class: its trigger words and how to read them.

    ``context``: lemmas one of which the sentence must hold ("suspend" only about exercises);
    ``reversed_by``: governing verbs that turn it into ``reversed_type`` ("lift" sanctions), or
    phrasal verbs of leaving as verb and particle ("pull out": "pulled out of the treaty");
    ``symmetric``: every party moves toward every other (drills, treaties); ``needs_object``:
    the counterpart must be in the trigger's own phrase, never guessed from the sentence;
    ``target_preps``: prepositions that name a counterpart besides the usual ones;
    ``reversal_scope``: ``head`` (a reversing verb must govern the trigger) or ``sentence``
    ("the suspension also applies to planned exercises"); ``light_verbs``: when given, a noun
    trigger's actor is its own modifier ("Russian strikes") or the subject of one of these
    verbs ("Israel launched strikes"), never the subject of any other verb ("Berlin criticised
    the strike"); ``all_pairs``: with ``symmetric``, the counterparts also move toward each
    other (every participant of a drill); ``only_target_preps``: counterparts come only through
    ``target_preps`` ("signed a contract with France", not "for guns from India");
    ``hostile_preps``: prepositions that aim the act at a state instead of joining it ("drills
    around Taiwan"), read as ``hostile_type``; ``weapon_owners``: the state owning a weapon the
    act is aimed at is a counterpart ("shot down a Russian Su-24"), unless a light verb makes the
    weapon the instrument ("fired U.S.-supplied HIMARS at ..."); ``states_only``: a bloc named
    beside the state is not a counterpart ("vetoed Sweden's NATO membership": Sweden);
    ``mutual``: triggers whose coordinated subjects act on each other ("Indian and Chinese
    troops clashed"); other hostile acts make them each other's targets only with a reciprocal
    word ("India and Canada each expelled a diplomat"); ``phrase_preps``: prepositions that
    name a counterpart after a trigger phrase only ("drifted away from France"), not after a
    single trigger word ("drew protests from Tokyo": Tokyo protests); ``commanded``: lemmas
    that are a trigger only when one of ``command_verbs`` commands them, the commander acting
    on the state of the one commanded ("ordered the French ambassador to leave");
    ``context_scope``: ``sentence`` (a context lemma anywhere in the sentence) or ``clause``
    (in the trigger's own phrase or its clause's subject: "reopened its border to Qatar", not
    "closing borders ... threatened to restore Bazoum"); ``joined_by``: verbs whose subject
    takes up a noun trigger designed by another ("Serbia refused to join EU sanctions": Serbia
    acts, not the EU); ``designating``: verbs by which a state makes another its ally
    ("designated Brazil a major non-NATO ally"); ``from_agents``: passive triggers whose "from" phrase names the one
    that acts when no agent is named ("was expelled from Niger": Niger expels);
    ``alongside_preps``: a trigger with one of these before a gerund acts alongside its
    object, not toward it ("joined the US in freezing Russian assets"); ``verb_only``:
    triggers that are the act only as verbs ("work" together, not "the work of the group");
    ``object_verbs``: triggers that are the act only as verbs whose direct object names a
    state ("trains Somali soldiers", not "trained with the US" or "trained near the border");
    ``not_as_modifier``: a trigger that only describes a noun or is part of a name is no act
    ("post-war restrictions", "the Falcon Strike drills");
    ``weapon_context``: the trigger's clause must name a weapon, a system or a weapon term
    ("works with France on a new drone", not "works with France on climate policy");
    ``internal``: modifiers that make the act a state's own affair with no foreign party
    ("Libya's civil war"); ``watched_by``: verbs whose subject watches the act it governs and
    takes no part in it ("a Chinese ship will monitor the exercise"), as the agent of a
    trigger noun's participle or relative clause is ("the grain deal brokered by Turkey",
    also when the deal is left); ``joining``: verbs
    whose subject joins the drill named before as their object ("Thirteen nations joined the
    drills"), taking part with all its parties; ``arriving``: verbs whose subject, forces or
    platforms, come to a drill from the states of their "from" phrase ("troops, ships and
    aircraft have come from Britain and Canada"); ``moving``: verbs whose subject, forces or
    platforms, take part with the forces they move alongside ("vessels from India sailed
    alongside Australian frigates"); ``listing``: verbs whose subject, forces, lists the
    states that take part as its object ("African contingents include Ghana and Senegal");
    ``gathering``: verbs by which a drill, or its host, gathers the states of its object or of
    its "from" phrase ("brought together navies from Nigeria and Ghana", "drawing delegations
    from the United States, China and Russia") when what is gathered is forces, platforms or
    one of ``gathered_nouns`` ("delegations", not "attention" or "criticism"); ``party_nouns``: nouns for the parties of
    the act just told, which a ``listing`` verb lists ("The signatories included Britain and
    Norway"): each state listed joins the act with its parties;
    ``platform_nouns``: words for ships, aircraft and units that count as forces in a drill;
    ``sending``: verbs by which a state sends forces: to a drill in the news they take part
    ("has sent 240 troops", "have also deployed troops"), elsewhere they are hosted;
    ``subjects_apart``: states that act together on a counterpart ("Czech and Polish jets
    guard Slovak airspace") do not act on each other; ``from_is_origin``: a
    "from" phrase on a place or a state is where the act comes from, not its target ("fired
    rockets from Australian soil"); ``idiom_objects``: objects with which a trigger verb is an
    idiom, no act ("struck a similar note", "struck a deal", "hit a snag"), or, written as
    trigger and object, with which one trigger is ("press assault": "pressed the assault"), or
    as the word a trigger hangs on and the trigger ("room manoeuvre": "room for manoeuvre"),
    or as trigger and particle ("back out": "backed out of the deal");
    ``named_in_drills``:
    while a drill is the news, the act needs its target named in its own phrase ("HIMARS
    launchers fired rockets at the range" guesses no target from the sentence); ``owner_acts``:
    the state owning the context noun is the party that acts, whatever the clause's subject ("a
    Chinese fighter would deepen Argentina's ties with Beijing": Argentina), and a gerund that
    is its clause's subject with no owner is nobody's act ("deepening ties with Moscow sits
    uneasily with that path"); ``yields_to_agreement``: agreeing to the act is the agreement
    itself, read as one ("Kenya and Haiti agreed to deepen security cooperation");
    ``partner_named``: the act needs a counterpart named by one of ``target_preps``, and those
    who act together do not thereby act on each other ("Chinese and Indian troops marched on
    Red Square" names no host); ``weapon_verbs``: verbs that are the act when their object is a
    weapon aimed by one of ``aim_preps`` ("launched 300 drones and missiles at Israel"; not
    "launched an exercise in Belarus"); ``harm_verbs``: verbs of harm whose object an attack
    that is their subject strikes ("a drone strike at Baghdad airport killed an Iranian
    general": Iran's, not the place's); ``shielding_words``: words by which what a veto blocks
    is aimed against its target ("a measure against North Korea"), so that blocking it
    shields that state; ``receiving_verbs``: verbs whose subject is the one the act is done
    for ("Lebanon received humanitarian aid from Qatar"); ``admitting``: verbs whose subject, a bloc, takes in
    their object as a member ("NATO admitted Poland, Hungary and the Czech Republic"), or
    whose passive subject is taken in ("Finland was admitted to NATO"); ``inviting``: verbs by
    which a bloc asks states to join it ("the group invited Argentina and Iran to join"), each
    side moving toward the other; ``expelling``: verbs by which a bloc suspends or expels a
    member ("the African Union suspended Niger"), moving away from it; ``weapon_parties``: the
    state whose ships, aircraft or troops the act is held with takes part ("held exercises with
    Russian and Chinese warships"), where for other classes a weapon's modifier is no party;
    ``consent_nouns`` with ``consent_preps``: a phrase by which a state consents to forces that
    ``consent_verbs`` move onto its soil ("Rwandan troops deployed to Cabo Delgado at the
    invitation of the Maputo government"); ``permitting``: verbs by which a state lets
    foreign forces onto its soil ("voted to let a NATO battlegroup deploy on its territory");
    ``hosting_verbs``: verbs whose subject hosts the
    forces they govern ("Poland hosts American troops"); ``holding_verbs``: verbs whose
    subject owns the base they govern when its own phrase names no owner ("France keeps a base
    in Djibouti"); ``hosted_events``: objects of a hosting verb that are gatherings, not
    forces ("hosted a NATO summit"); ``verbal_triggers``: triggers that are words, not
    force, when their subject is a person or one of the ``civil_subjects`` ("Petro has
    clashed with Israel"); where the class's other verbs base forces
    in the state their "in" phrase names ("troops stationed in Poland"), unless a ``contested``
    word marks that place as held against its state ("the breakaway regions of Abkhazia");
    ``opponent_verbs``: verbs aimed only at the forces or state their object or "against"
    phrase names ("Indian troops fought Chinese soldiers"), never at a place or a guess from
    the sentence ("fighting drug trafficking in Nicaragua"); ``venue_places``: a place in
    the act's own phrase is where it happened, never a party ("signed a memorandum in
    Madrid"); ``tie_nouns``: nouns of a tie whose own phrase names the act's parties,
    whoever reports or brokers it ("the restoration of Saudi-Iranian ties", "relations with
    Turkey broke down"); ``tie_verbs``: verbs read only through such a tie as their subject
    ("relations between Rabat and Algiers soured"), never through whatever else they hang on
    ("the withdrawal, which soured relations with Washington": no party named).
    """

    type: str
    basis: str
    direction: int
    weight: float
    rationale: str
    triggers: tuple[str, ...]
    context: tuple[str, ...] = ()
    reversed_by: tuple[str, ...] = ()
    reversed_type: str | None = None
    symmetric: bool = False
    needs_object: bool = False
    target_preps: tuple[str, ...] = ()
    reversal_scope: str = "head"
    light_verbs: tuple[str, ...] = ()
    all_pairs: bool = False
    only_target_preps: bool = False
    hostile_preps: tuple[str, ...] = ()
    hostile_type: str | None = None
    weapon_owners: bool = False
    states_only: bool = False
    mutual: tuple[str, ...] = ()
    phrase_preps: tuple[str, ...] = ()
    commanded: tuple[str, ...] = ()
    context_scope: str = "sentence"
    joined_by: tuple[str, ...] = ()
    not_as_modifier: bool = False
    verb_only: tuple[str, ...] = ()
    object_verbs: tuple[str, ...] = ()
    alongside_preps: tuple[str, ...] = ()
    from_agents: tuple[str, ...] = ()
    designating: tuple[str, ...] = ()
    weapon_verbs: tuple[str, ...] = ()
    aim_preps: tuple[str, ...] = ()
    harm_verbs: tuple[str, ...] = ()
    shielding_words: tuple[str, ...] = ()
    receiving_verbs: tuple[str, ...] = ()
    admitting: tuple[str, ...] = ()
    inviting: tuple[str, ...] = ()
    expelling: tuple[str, ...] = ()
    command_verbs: tuple[str, ...] = ()
    weapon_context: bool = False
    internal: tuple[str, ...] = ()
    watched_by: tuple[str, ...] = ()
    joining: tuple[str, ...] = ()
    arriving: tuple[str, ...] = ()
    moving: tuple[str, ...] = ()
    listing: tuple[str, ...] = ()
    gathering: tuple[str, ...] = ()
    party_nouns: tuple[str, ...] = ()
    gathered_nouns: tuple[str, ...] = ()
    subjects_apart: bool = False
    platform_nouns: tuple[str, ...] = ()
    sending: tuple[str, ...] = ()
    from_is_origin: bool = False
    idiom_objects: tuple[str, ...] = ()
    named_in_drills: bool = False
    owner_acts: bool = False
    yields_to_agreement: bool = False
    partner_named: bool = False
    weapon_parties: bool = False
    consent_nouns: tuple[str, ...] = ()
    consent_preps: tuple[str, ...] = ()
    consent_verbs: tuple[str, ...] = ()
    permitting: tuple[str, ...] = ()
    opponent_verbs: tuple[str, ...] = ()
    venue_places: bool = False
    tie_nouns: tuple[str, ...] = ()
    tie_verbs: tuple[str, ...] = ()
    hosting_verbs: tuple[str, ...] = ()
    holding_verbs: tuple[str, ...] = ()
    hosted_events: tuple[str, ...] = ()
    verbal_triggers: tuple[str, ...] = ()
    civil_subjects: tuple[str, ...] = ()
    contested: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reference:
    """A noun that, made definite ("the country", "its navy"), refers back to a state or bloc."""

    lemma: str
    kind: str  # "state" or "bloc"
    note: str
    bare: bool = False  # refers without "the"/"its" ("officials said")
    home: bool = False  # an institution ("the government"): the article's own state
    office_only: bool = False  # "the ambassador": only an earlier mention of the office tells
    paragraph: bool = False  # a service ("the air force"): refers back within its paragraph
    # Refers only with one of these words before it ("state media", not "local media").
    only_with: tuple[str, ...] = ()
    # Refers only with no word describing it ("the community", not "the international
    # community").
    plain: bool = False
    # Refers only to one of these states ("the island": an island state, not the last state
    # named).
    among: frozenset[str] = frozenset()
    # A title of one person ("the minister"): the person last named with it.
    person: bool = False


@dataclass(frozen=True, slots=True)
class StatusWeight:
    status: str
    weight: float
    direction: int
    rationale: str


def _lines(name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    text = files("analysis").joinpath("data", name).read_text(encoding="utf-8")
    return _parse(name, text)


def _parse(name: str, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
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


def _read(name: str, build: Any, text: str | None = None) -> tuple[Any, ...]:
    out = []
    for number, row in _lines(name) if text is None else _parse(name, text):
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
        nicknames=_strs(row.get("nicknames", [])),
    )
    if rec.category not in CATEGORIES:
        raise ValueError(f"category {rec.category!r}")
    return rec


# --- Weapon gazetteer lint -------------------------------------------------------------------
# A pure check over any list of weapon records (the shipped file or an analyst's overlay): every
# alias must be unambiguous and recognisably a form of its own record's name.

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212-"
_FOLD = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d"})
# A designation: optional digits, a letter code (with an optional "/" part), an optional dash and
# a number ("FH-77", "SA-3", "2S19", "EL/M-2084"), or "Type"/"Project" and a number ("Type 055").
_STEM = re.compile(
    rf"(?<![\w/])(?:(?P<word>type|project)\s+(?P<wnum>\d{{2,5}})"
    rf"|(?P<code>\d{{0,2}}[a-z]{{1,6}}(?:/[a-z]{{1,6}})?)[{_DASHES}]?(?P<num>\d{{1,5}}))[a-z0-9]*",
)
# Structural words that link no alias to a name; the words of the generic weapon terms
# (weapon_terms.v1.jsonl: "missile", "frigate", "combat drones") are added when linting.
_STRUCTURAL = frozenset(
    "the of and to for a an de i ii iii iv v class type project mk block batch new".split()  # noqa: SIM905
)
_SKIPPABLE = frozenset("the of and to for a an de".split())  # noqa: SIM905
_NOT_CODES = frozenset("mk mod block batch flight lot".split())  # noqa: SIM905  "Mk 2", "Block 70"
# Words that number a production standard of a system ("Block 70", "Tranche 3", "Flight III")
BATCH_WORDS = _NOT_CODES | {"tranche", "increment", "standard", "series"}


def weapon_key(form: str) -> str:
    """The comparison key of a weapon form: case-folded, accents, dashes and spaces removed."""
    text = unicodedata.normalize("NFKD", form.translate(_FOLD).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(rf"[\s{_DASHES}]+", "", text)


def plain(form: str) -> str:
    """A form case-folded and without accents ("Sánchez": "sanchez")."""
    text = unicodedata.normalize("NFKD", form.translate(_FOLD).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _stems(form: str) -> list[str]:
    """Designation stems in order of appearance: "FH-77BW L52 Archer" -> ["fh77", "l52"]."""
    out = []
    for m in _STEM.finditer(plain(form)):
        if m["word"]:
            out.append(m["word"] + m["wnum"])
        elif m["code"] not in _NOT_CODES:
            out.append(m["code"].replace("/", "") + m["num"])
    return out


def _lead_stem(form: str) -> str | None:
    """The designation a form starts with, which names its family ("SA-3 Goa" -> "sa3")."""
    m = _STEM.match(plain(form).strip())
    stems = _stems(form)
    return stems[0] if m and stems else None


def _code_word(m: re.Match[str]) -> str:
    """A designation's letter code when it is a name ("Strela" in "Strela-10"), not a short
    code ("MiG", "BTR") that many different systems share."""
    code = m["code"] or ""
    return f" {code} " if len(code) >= 4 and code.isalpha() else " "


def _words(form: str, generic: frozenset[str] = _STRUCTURAL) -> set[str]:
    """The words of a form outside its designations, generic words dropped."""
    text = _STEM.sub(_code_word, plain(form))
    return {w for w in re.findall(r"[^\W_]+", text) if w not in generic and not w.isdigit()}


def _is_acronym(acronym: str, words: list[str], used: int = 0) -> bool:
    """Whether ``acronym`` spells two or more of ``words`` by their leading letters ("ATACMS" =
    Army TACtical Missile System); linking words ("to", "and") may be skipped."""
    if not acronym:
        return used >= 2
    if not words:
        return False
    head, rest = words[0], words[1:]
    if head in _SKIPPABLE and _is_acronym(acronym, rest, used):
        return True
    for k in range(1, min(len(head), len(acronym)) + 1):
        if head[:k] != acronym[:k]:
            break
        if _is_acronym(acronym[k:], rest, used + 1):
            return True
    return False


def _acronym_of(tokens: list[str], other: str) -> bool:
    words = [w for w in re.findall(r"[^\W_]+", plain(other)) if not w.isdigit()]
    if len(words) < 2:
        return False
    return any(len(t) >= 2 and t.isalpha() and _is_acronym(t, words) for t in tokens)


def _contains(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _related(alias: str, name: str, maker: str, generic: frozenset[str]) -> bool:
    """Whether an alias shares a word, a designation stem or an acronym with the name, or one
    spells the other with different dashes and spaces ("Arrow-3", "Arrow 3"). A maker's word
    links nothing when the alias has a word of its own: "FN Minimi" is no form of "FN SCAR"."""
    alias_words, name_words = _words(alias, generic), _words(name, generic)
    if alias_words - name_words:  # "FN Minimi" has a word of its own: "FN" alone links nothing
        name_words -= _words(maker, generic)
    if alias_words & name_words or set(_stems(alias)) & set(_stems(name)):
        return True
    alias_tokens = re.findall(r"[^\W_]+", plain(alias))
    name_tokens = re.findall(r"[^\W_]+", plain(name))
    if weapon_key(alias) == weapon_key(name):
        return True
    if _contains(alias_tokens, name_tokens) or _contains(name_tokens, alias_tokens):
        return True
    return _acronym_of(name_tokens, alias) or _acronym_of(alias_tokens, name)


def _label(rec: WeaponRecord) -> str:
    return f"{rec.id} ({rec.name})"


def _holders(records: list[WeaponRecord]) -> dict[str, dict[str, str]]:
    """Key of each alias and nickname -> {record id: "id (name) 'form'"}."""
    owners: dict[str, dict[str, str]] = defaultdict(dict)
    for rec in records:
        for form in (*rec.aliases, *rec.nicknames):
            owners[weapon_key(form)].setdefault(rec.id, f"{_label(rec)} {form!r}")
    return owners


def _lint_shared(records: list[WeaponRecord], generic: frozenset[str]) -> list[str]:
    return [
        "alias shared by " + ", ".join(holders.values())
        for holders in _holders(records).values()
        if len(holders) > 1
    ]


def _lint_named(records: list[WeaponRecord], generic: frozenset[str]) -> list[str]:
    names: dict[str, WeaponRecord] = {}
    for rec in records:
        names.setdefault(weapon_key(rec.name), rec)
    problems: list[str] = []
    for key, holders in _holders(records).items():
        named = names.get(key)
        if named is not None:
            problems.extend(
                f"alias of {holder} is the name of {_label(named)}"
                for rid, holder in holders.items()
                if rid != named.id
            )
    return problems


def _lint_families(records: list[WeaponRecord], generic: frozenset[str]) -> list[str]:
    families: dict[str, list[WeaponRecord]] = defaultdict(list)
    for rec in records:
        for stem in set(_stems(rec.name)):
            families[stem].append(rec)
    problems = []
    for rec in records:
        own = set(_stems(rec.name))
        for form in (*rec.aliases, *rec.nicknames):
            lead = _lead_stem(form)
            if lead is None or lead in own or lead not in families:
                continue
            others = ", ".join(_label(o) for o in families[lead])
            problems.append(f"alias {form!r} of {_label(rec)} is a variant of {others}")
    return problems


def _lint_unrelated(records: list[WeaponRecord], generic: frozenset[str]) -> list[str]:
    return [
        f"alias {alias!r} of {_label(rec)} shares no word, designation or acronym with the "
        "name: another system, or a nickname to list under 'nicknames'"
        for rec in records
        for alias in rec.aliases
        if not _related(alias, rec.name, rec.maker, generic)
    ]


def lint_weapons(
    records: Iterable[WeaponRecord],
    *,
    terms: Iterable[str] | None = None,
    checks: Iterable[str] | None = None,
) -> list[str]:
    """Problems in a weapon gazetteer, one readable line each (empty when clean): an alias or
    nickname held by two records or equal to another record's name, a variant filed under the
    wrong family (its designation stem is another record's name), an alias unrelated to its
    record's name that is not declared a nickname, and one system filed as two records. ``terms`` are generic weapon terms whose words
    link nothing ("missile", "frigate"; default: the shipped weapon terms); ``checks`` picks some
    of ``WEAPON_CHECKS`` by name (default: all)."""
    recs = list(records)
    if terms is None:
        terms = (t.term for t in weapon_terms())
    generic = _STRUCTURAL | {w for term in terms for w in _words(term)}
    chosen = list(WEAPON_CHECKS) if checks is None else list(checks)
    return [problem for name in chosen for problem in WEAPON_CHECKS[name](recs, generic)]


_DESIGNATION_WORD = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")


def _lint_twice(records: list[WeaponRecord], generic: frozenset[str]) -> list[str]:
    """One system filed twice: a record whose name, designation included, is the name of another
    record of the same origin and category with words added ("TB2" and "Bayraktar TB2"), or
    any name with only generic words added ("Virginia-class" and "Virginia-class submarine"),
    or a bare record with no other form whose name is another's with its designation put before
    it ("Poseidon" and "P-8 Poseidon"; "Lynx KF41" names a model after the name)."""
    words = {rec.id: set(_DESIGNATION_WORD.findall(rec.name.lower())) for rec in records}
    problems = []
    for short in records:
        mine = words[short.id]
        designated = any(any(c.isdigit() for c in w) for w in mine)
        bare = not short.aliases and not short.nicknames
        for long in records:
            added = words[long.id] - mine
            if (
                long.id != short.id
                and long.origin == short.origin
                and long.category == short.category
                and mine < words[long.id]
                # "Lynx" may be another system than "Lynx KF41", not than "Lynx vehicle"
                and (
                    designated
                    or added <= generic
                    or (
                        bare
                        and long.name.lower().endswith(f" {short.name.lower()}")
                        and any(any(c.isdigit() for c in w) for w in added)
                    )
                )
            ):
                problems.append(f"{_label(short)} is filed again as {_label(long)}")
    return problems


WEAPON_CHECKS: dict[str, Callable[[list[WeaponRecord], frozenset[str]], list[str]]] = {
    "system filed twice": _lint_twice,
    "shared alias": _lint_shared,
    "alias names another record": _lint_named,
    "variant under the wrong family": _lint_families,
    "alias unrelated to the name": _lint_unrelated,
}


def _term(row: dict[str, Any]) -> WeaponTerm:
    rec = WeaponTerm(
        term=str(row["term"]),
        category=str(row["category"]),
        umbrella=bool(row.get("umbrella", False)),
        refers=tuple(row.get("refers", ())),
    )
    if rec.category not in CATEGORIES or not set(rec.refers) <= set(CATEGORIES):
        raise ValueError(f"category {rec.category!r} {rec.refers!r}")
    return rec


def _vessel_prefix(row: dict[str, Any]) -> VesselPrefix:
    rec = VesselPrefix(prefix=str(row["prefix"]), navy=str(row["navy"]))
    if not rec.prefix.isalpha() or not rec.prefix[0].isupper():
        raise ValueError(f"prefix {rec.prefix!r}")
    if len(rec.navy) != 3 or not rec.navy.isupper():
        raise ValueError(f"navy {rec.navy!r} is no country id")
    return rec


def _opt_in(value: Any, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    if value not in allowed:
        raise ValueError(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _frame(row: dict[str, Any]) -> FrameRecord:
    pattern = row["pattern"]
    if (
        not isinstance(pattern, list)
        or not pattern
        or not all(isinstance(p, dict) for p in pattern)
    ):
        raise ValueError("pattern must be a non-empty list of token patterns")
    rec = FrameRecord(
        id=str(row["id"]),
        pattern=tuple(pattern),
        status=_opt_in(row.get("status"), STATUSES, "status"),
        subject=_opt_in(row.get("subject"), FRAME_ROLES, "subject"),
        future=_opt_in(row.get("future"), STATUSES, "future"),
        modal=_opt_in(row.get("modal"), MODAL_STATUSES, "modal"),
        explicit=bool(row.get("explicit", False)),
        block=bool(row.get("block", False)),
        note=str(row["note"]),
        passes=bool(row.get("passes", False)),
        supplier_named=bool(row.get("supplier_named", False)),
        made_in=bool(row.get("made_in", False)),
        possessor=_opt_in(row.get("possessor"), FRAME_ROLES, "possessor"),
        rival_preps=tuple(str(p).lower() for p in row.get("rival_preps", ())),
        chosen_nouns=tuple(str(p).lower() for p in row.get("chosen_nouns", ())),
        bought_nouns=tuple(str(p).lower() for p in row.get("bought_nouns", ())),
        object_gained=bool(row.get("object_gained", False)),
        passive_holder=bool(row.get("passive_holder", False)),
        commands=bool(row.get("commands", False)),
        to_frame=row.get("to_frame"),
        mutual=bool(row.get("mutual", False)),
        for_another=bool(row.get("for_another", False)),
        payer=bool(row.get("payer", False)),
        doer_verbs=tuple(str(v).lower() for v in row.get("doer_verbs", ())),
        trade=bool(row.get("trade", False)),
        source_preps=tuple(str(v).lower() for v in row.get("source_preps", ())),
        hands=tuple(str(v).lower() for v in row.get("hands", ())),
    )
    if [rec.block, rec.status is not None or rec.modal is not None, rec.passes].count(True) != 1:
        raise ValueError("a frame blocks, passes, or has a status or a modal")
    if rec.status is not None and rec.subject is None:
        raise ValueError("a frame with a status needs a subject role")
    return rec


def _cue(row: dict[str, Any]) -> StanceCue:
    rec = StanceCue(
        cue=str(row["cue"]),
        type=str(row["type"]),
        polarity=int(row["polarity"]),
        match=str(row["match"]),
        pos=tuple(row.get("pos", ["VERB"])),
        complement=row.get("complement"),
        forms=tuple(str(f).lower() for f in row.get("forms", ())),
        signal=bool(row.get("signal", True)),
        unaimed=row.get("unaimed"),
        idiom_objects=tuple(str(o).lower() for o in row.get("idiom_objects", ())),
    )
    if rec.unaimed is not None and rec.unaimed not in CUE_TYPES:
        raise ValueError(f"unaimed type {rec.unaimed!r} is not a cue type")
    if rec.complement not in (None, "clause", "negated", "posed"):
        raise ValueError("complement is clause, negated, posed or absent")
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
        triggers=_strs(row["triggers"]),
        context=_strs(row.get("context", [])),
        reversed_by=_strs(row.get("reversed_by", [])),
        reversed_type=_opt_in(row.get("reversed_type"), SIGNAL_TYPES, "reversed_type"),
        symmetric=bool(row.get("symmetric", False)),
        needs_object=bool(row.get("needs_object", False)),
        target_preps=_strs(row.get("target_preps", [])),
        reversal_scope=str(row.get("reversal_scope", "head")),
        light_verbs=_strs(row.get("light_verbs", [])),
        all_pairs=bool(row.get("all_pairs", False)),
        only_target_preps=bool(row.get("only_target_preps", False)),
        hostile_preps=_strs(row.get("hostile_preps", [])),
        hostile_type=_opt_in(row.get("hostile_type"), SIGNAL_TYPES, "hostile_type"),
        weapon_owners=bool(row.get("weapon_owners", False)),
        weapon_verbs=tuple(row.get("weapon_verbs", ())),
        aim_preps=tuple(row.get("aim_preps", ())),
        harm_verbs=_strs(row.get("harm_verbs", [])),
        shielding_words=_strs(row.get("shielding_words", [])),
        receiving_verbs=_strs(row.get("receiving_verbs", [])),
        admitting=tuple(row.get("admitting", ())),
        inviting=tuple(row.get("inviting", ())),
        expelling=tuple(row.get("expelling", ())),
        states_only=bool(row.get("states_only", False)),
        mutual=_strs(row.get("mutual", [])),
        phrase_preps=_strs(row.get("phrase_preps", [])),
        commanded=_strs(row.get("commanded", [])),
        context_scope=str(row.get("context_scope", "sentence")),
        joined_by=_strs(row.get("joined_by", [])),
        not_as_modifier=bool(row.get("not_as_modifier", False)),
        verb_only=_strs(row.get("verb_only", [])),
        object_verbs=_strs(row.get("object_verbs", [])),
        alongside_preps=_strs(row.get("alongside_preps", [])),
        from_agents=_strs(row.get("from_agents", [])),
        designating=_strs(row.get("designating", [])),
        command_verbs=_strs(row.get("command_verbs", [])),
        weapon_context=bool(row.get("weapon_context", False)),
        internal=_strs(row.get("internal", [])),
        watched_by=_strs(row.get("watched_by", [])),
        joining=_strs(row.get("joining", [])),
        arriving=_strs(row.get("arriving", [])),
        moving=_strs(row.get("moving", [])),
        listing=_strs(row.get("listing", [])),
        gathering=_strs(row.get("gathering", [])),
        party_nouns=_strs(row.get("party_nouns", [])),
        gathered_nouns=_strs(row.get("gathered_nouns", [])),
        subjects_apart=bool(row.get("subjects_apart", False)),
        platform_nouns=_strs(row.get("platform_nouns", [])),
        sending=_strs(row.get("sending", [])),
        from_is_origin=bool(row.get("from_is_origin", False)),
        idiom_objects=_strs(row.get("idiom_objects", [])),
        named_in_drills=bool(row.get("named_in_drills", False)),
        owner_acts=bool(row.get("owner_acts", False)),
        yields_to_agreement=bool(row.get("yields_to_agreement", False)),
        partner_named=bool(row.get("partner_named", False)),
        weapon_parties=bool(row.get("weapon_parties", False)),
        consent_nouns=_strs(row.get("consent_nouns", [])),
        consent_preps=_strs(row.get("consent_preps", [])),
        opponent_verbs=_strs(row.get("opponent_verbs", [])),
        venue_places=bool(row.get("venue_places", False)),
        tie_nouns=_strs(row.get("tie_nouns", [])),
        tie_verbs=_strs(row.get("tie_verbs", [])),
        consent_verbs=_strs(row.get("consent_verbs", [])),
        permitting=_strs(row.get("permitting", [])),
        hosting_verbs=_strs(row.get("hosting_verbs", [])),
        holding_verbs=_strs(row.get("holding_verbs", [])),
        hosted_events=_strs(row.get("hosted_events", [])),
        verbal_triggers=_strs(row.get("verbal_triggers", [])),
        civil_subjects=_strs(row.get("civil_subjects", [])),
        contested=_strs(row.get("contested", [])),
    )
    if rec.context_scope not in ("clause", "sentence"):
        raise ValueError("context_scope is clause or sentence")
    if rec.reversal_scope not in ("head", "sentence"):
        raise ValueError("reversal_scope is head or sentence")
    if rec.type not in SIGNAL_TYPES or rec.basis not in BASES or rec.direction not in (-1, 1):
        raise ValueError("type, basis or direction")
    if not rec.weight > 0 or not rec.rationale:
        raise ValueError("weight or rationale")
    return rec


def _reference(row: dict[str, Any]) -> Reference:
    rec = Reference(
        lemma=str(row["lemma"]),
        kind=str(row["kind"]),
        note=str(row["note"]),
        bare=bool(row.get("bare", False)),
        home=bool(row.get("home", False)),
        office_only=bool(row.get("office_only", False)),
        paragraph=bool(row.get("paragraph", False)),
        only_with=_strs(row.get("only_with", [])),
        plain=bool(row.get("plain", False)),
        among=frozenset(_strs(row.get("among", []))),
        person=bool(row.get("person", False)),
    )
    if rec.kind not in ("state", "bloc") or not rec.lemma:
        raise ValueError("kind is state or bloc")
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


# --- The analyst's overlay ------------------------------------------------------------------

OVERLAY_ENV = "ALIGNMENT_KNOWLEDGE"
ACTORS_FILE, PEOPLE_FILE, WEAPONS_FILE = "actors.v1.jsonl", "people.v1.jsonl", "weapons.v1.jsonl"
OVERLAY_FILES = (ACTORS_FILE, PEOPLE_FILE, WEAPONS_FILE)
_ROOT = Path(__file__).resolve().parent.parent


def overlay_dir() -> Path:
    """The overlay folder: ``$ALIGNMENT_KNOWLEDGE``, else ``user/`` beside the store
    (``$ALIGNMENT_DB``'s folder, else ``data/``)."""
    env = os.environ.get(OVERLAY_ENV)
    if env:
        return Path(env)
    db = os.environ.get("ALIGNMENT_DB")
    return (Path(db).parent if db else _ROOT / "data") / "user"


def _overlay_state() -> tuple[Any, ...]:
    folder = overlay_dir()
    state: list[Any] = [str(folder)]
    for name in OVERLAY_FILES:
        try:
            st = (folder / name).stat()
        except OSError:
            continue
        state.append((name, st.st_mtime_ns, st.st_size))
    return tuple(state)


_RELOAD: list[Callable[[], None]] = []
_STATE: dict[str, Any] = {"overlay": None, "generation": 0}


def on_reload(clear: Callable[[], None]) -> None:
    """Register a cache built from these tables, dropped whenever the overlay changes."""
    _RELOAD.append(clear)


def reload() -> None:
    """Drop every cached table (and the registered caches built from them)."""
    for fn in _CACHED:
        fn.cache_clear()
    for clear in _RELOAD:
        clear()
    _STATE["overlay"] = _overlay_state()
    _STATE["generation"] += 1


def refresh() -> bool:
    """Reload when the overlay files changed since they were read (a few ``stat`` calls)."""
    if _STATE["overlay"] is None or _overlay_state() == _STATE["overlay"]:
        return False  # nothing read yet, or nothing changed
    reload()
    return True


def generation() -> int:
    """Grows whenever the overlay is reloaded (for caches outside this module)."""
    return int(_STATE["generation"])


def overlay_records(name: str) -> tuple[Any, ...]:
    """The records of one overlay file, checked like the shipped file (empty when absent)."""
    path = overlay_dir() / name
    _STATE["overlay"] = _overlay_state()
    build = {ACTORS_FILE: _actor, PEOPLE_FILE: _person, WEAPONS_FILE: _weapon}[name]
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    return _read(str(path), build, text)


def _union(a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys((*a, *b)))


def _merge(
    shipped: tuple[Any, ...], extra: tuple[Any, ...], lists: tuple[str, ...]
) -> tuple[Any, ...]:
    """Shipped records with the overlay's: a known id gains the overlay's list entries."""
    import dataclasses

    out: dict[str, Any] = {rec.id: rec for rec in shipped}
    for rec in extra:
        old = out.get(rec.id)
        if old is None:
            out[rec.id] = rec
        else:
            out[rec.id] = dataclasses.replace(
                old, **{f: _union(getattr(old, f), getattr(rec, f)) for f in lists}
            )
    return tuple(out.values())


@lru_cache(maxsize=1)
def actors() -> tuple[ActorRecord, ...]:
    return _merge(
        _read(ACTORS_FILE, _actor),
        overlay_records(ACTORS_FILE),
        ("aliases", "capitals", "demonyms", "members"),
    )


@lru_cache(maxsize=1)
def actors_by_id() -> dict[str, ActorRecord]:
    return {a.id: a for a in actors()}


@lru_cache(maxsize=1)
def country_ids() -> frozenset[str]:
    """Ids of the actors that are states. Blocs and organisations can have three-letter ids too
    (SCO, GCC, OAS), so an id's length never says that it is a country."""
    return frozenset(a.id for a in actors() if a.type == "country")


def is_company(actor_id: str) -> bool:
    """Whether an actor id is a defence company (which stands for its state only as supplier)."""
    rec = actors_by_id().get(actor_id)
    return rec is not None and rec.type == "company"


def is_country(actor_id: str) -> bool:
    return actor_id in country_ids()


@lru_cache(maxsize=1)
def people() -> tuple[PersonRecord, ...]:
    return _merge(_read(PEOPLE_FILE, _person), overlay_records(PEOPLE_FILE), ("aliases", "roles"))


@lru_cache(maxsize=1)
def people_by_id() -> dict[str, PersonRecord]:
    return {p.id: p for p in people()}


@lru_cache(maxsize=1)
def people_by_plain_name() -> dict[str, PersonRecord]:
    """Known people by a full name of two words or more, case-folded and without accents
    ("francois-philippe champagne" for "François-Philippe Champagne"); a name two people
    share is left out."""
    found: dict[str, PersonRecord | None] = {}
    for p in people():
        for form in {p.name, *p.aliases}:
            if len(form.split()) < 2:
                continue
            key = plain_name(form)
            found[key] = p if found.get(key, p) is p else None
    return {k: v for k, v in found.items() if v is not None}


def plain_name(form: str) -> str:
    """A name case-folded, without accents, its words single-spaced."""
    return " ".join(plain(form).split())


@lru_cache(maxsize=1)
def weapons() -> tuple[WeaponRecord, ...]:
    return _merge(
        _read(WEAPONS_FILE, _weapon),
        overlay_records(WEAPONS_FILE),
        ("aliases", "exclude", "nicknames"),
    )


@lru_cache(maxsize=1)
def weapons_by_id() -> dict[str, WeaponRecord]:
    return {w.id: w for w in weapons()}


@lru_cache(maxsize=1)
def weapon_terms() -> tuple[WeaponTerm, ...]:
    return _read("weapon_terms.v1.jsonl", _term)


@lru_cache(maxsize=1)
def umbrella_terms() -> frozenset[str]:
    """Generic terms that cover whatever kinds of weapon their sentence names ("arms",
    "weapons", "military aid"), lower-cased."""
    return frozenset(t.term.lower() for t in weapon_terms() if t.umbrella)


@lru_cache(maxsize=1)
def vessel_prefixes() -> dict[str, str]:
    """Ship prefix -> the state whose navy it names (``vessel_prefixes.v1.jsonl``)."""
    return {r.prefix: r.navy for r in _read("vessel_prefixes.v1.jsonl", _vessel_prefix)}


@lru_cache(maxsize=1)
def transfer_frames() -> tuple[FrameRecord, ...]:
    """Transfer triggers, modal heads and block contexts (``transfer_frames.v1.jsonl``)."""
    return _read("transfer_frames.v1.jsonl", _frame)


@lru_cache(maxsize=1)
def frames_by_id() -> dict[str, FrameRecord]:
    by_id = {f.id: f for f in transfer_frames()}
    for f in by_id.values():
        if f.to_frame is not None and f.to_frame not in by_id:
            raise ValueError(f"frame {f.id}: to_frame {f.to_frame!r} is no frame")
    return by_id


@cache
def frame_lemmas(*frame_ids: str) -> frozenset[str]:
    """The lemmas the first token of these frames' patterns matches ("include", "cover" ...)."""
    frames = frames_by_id()
    return frozenset(
        lemma
        for fid in frame_ids
        for lemma in frames[fid].pattern[0].get("LEMMA", {}).get("IN", [])
    )


PLACE_KINDS = frozenset({"city", "region", "base", "port", "island", "sea_area"})


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """A place inside one state (a city, region, base, port or island): it locates an attack,
    a drill or a delivery, and is never an actor."""

    name: str
    country: str
    kind: str
    aliases: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _place(row: dict[str, Any]) -> PlaceRecord:
    kind = str(row["kind"])
    if kind not in PLACE_KINDS:
        raise ValueError(f"kind must be one of {sorted(PLACE_KINDS)}")
    country = str(row["country"])
    if not country.isupper() or len(country) != 3:
        raise ValueError("country must be an ISO3 id")
    name = str(row["name"]).strip()
    if not name:
        raise ValueError("an empty name")
    return PlaceRecord(name, country, kind, tuple(str(a) for a in row.get("aliases", ())))


@lru_cache(maxsize=1)
def places() -> tuple[PlaceRecord, ...]:
    """Cities, regions, bases, ports and islands with the state they lie in
    (``places.v1.jsonl``)."""
    return _read("places.v1.jsonl", _place)


@lru_cache(maxsize=1)
def places_by_name() -> dict[str, PlaceRecord]:
    return {p.name: p for p in places()}


@lru_cache(maxsize=1)
def blocked_phrases() -> tuple[str, ...]:
    """Phrases that contain a state's name or demonym but do not stand for it: seas, regions
    and their peoples ("Latin American"), churches, papers (``blocked_phrases.v1.jsonl``)."""
    return _read("blocked_phrases.v1.jsonl", _blocked_phrase)


def _blocked_phrase(row: dict[str, Any]) -> str:
    phrase = str(row["phrase"]).strip()
    if not phrase:
        raise ValueError("an empty phrase")
    return phrase


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Nouns that, plural and counted, stand for several states named before ("the two
    countries", "both sides", "the three governments") (``group_nouns.v1.jsonl``)."""
    return frozenset(_read("group_nouns.v1.jsonl", _group_noun))


@lru_cache(maxsize=1)
def relational_nouns() -> frozenset[str]:
    """Group nouns that name others by their tie to a state ("US allies", "Russia's
    neighbours"): the state that describes them is not among them (``relational`` in
    ``group_nouns.v1.jsonl``)."""
    return frozenset(
        str(row["lemma"]) for _, row in _lines("group_nouns.v1.jsonl") if row.get("relational")
    )


@lru_cache(maxsize=1)
def state_possessions() -> frozenset[str]:
    """Nouns only a state owns ("its territory", "its airspace"): their possessor is a state,
    never a bloc named nearer (``state_possessions.v1.jsonl``)."""
    return frozenset(_read("state_possessions.v1.jsonl", _group_noun))


def _group_noun(row: dict[str, Any]) -> str:
    lemma = str(row["lemma"])
    if not lemma or lemma != lemma.lower():
        raise ValueError("a lower-case lemma")
    return lemma


SPEAKER_KINDS = (
    "independent",
    "foreign",
    "region",
    "armed_group",
    "institution",
    "past",
    "outside",
    "press",
)


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, str]:
    """Lower-case words that keep a speaker from standing for a state (``speakers.v1.jsonl``),
    by kind: ``independent`` speakers (analysts, reporters), ``foreign`` ones whose posting is
    not their state (diplomats), ``region`` modifiers that name no one state ("Western"),
    ``armed_group`` nouns for fighters outside a state's forces ("rebels", "militia"), who are
    no state even with one named before them ("Yemen's Houthi rebels"); ``institution`` nouns
    of a state's offices, whose modifiers name their remit, not a region ("the foreign
    ministry"); ``past`` modifiers of one who no longer holds office ("retired officers");
    ``outside`` modifiers of one outside the government ("opposition politicians"); the
    ``press``, no state's voice unless the references call it a state's own ("state media")."""
    return dict(_read("speakers.v1.jsonl", _speaker))


def _speaker(row: dict[str, Any]) -> tuple[str, str]:
    word, kind = row["word"], row["kind"]
    if not isinstance(word, str) or not word or word != word.lower():
        raise ValueError("word must be a non-empty lower-case string")
    if kind not in SPEAKER_KINDS or not isinstance(row.get("note"), str):
        raise ValueError(f"kind is one of {', '.join(SPEAKER_KINDS)}, with a note")
    return word, kind


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Lower-case words of office titles that link a name to a state ("Russian Prime Minister
    X", "X, Serbia's defence ministry spokesman") (``titles.v1.jsonl``)."""
    return frozenset(_read("titles.v1.jsonl", _title))


def _title(row: dict[str, Any]) -> str:
    word = row["word"]
    if not isinstance(word, str) or not word or word != word.lower():
        raise ValueError("word must be a non-empty lower-case string")
    return word


@lru_cache(maxsize=1)
def references() -> dict[str, Reference]:
    """Definite descriptions that refer back (``references.v1.jsonl``), by lemma."""
    return {x.lemma: x for x in _read("references.v1.jsonl", _reference)}


def reference(token: Token) -> Reference | None:
    """The reference entry a noun is, whatever its case: "the Defence Ministry", "the Navy"
    and "the Armed Forces" are the lower-case words a proper noun's lemma keeps as written."""
    refs = references()
    lemma = token.lemma_
    found = refs.get(lemma)
    if found is None and token.pos_ == "PROPN":
        lower = lemma.lower()
        found = refs.get(lower) or (refs.get(lower[:-1]) if lower.endswith("s") else None)
    if found is None and token.is_sent_start and lemma[:1].isupper():
        found = refs.get(lemma.lower())  # "Police said": a sentence's capital, not a name
    return found


@lru_cache(maxsize=1)
def stance_cues() -> tuple[StanceCue, ...]:
    return _read("stance_cues.v1.jsonl", _cue)


@lru_cache(maxsize=1)
def denying_verbs() -> frozenset[str]:
    """Lemmas of the denial cues ("deny", "dismiss", "refute"): what they govern is denied."""
    return frozenset(c.cue for c in stance_cues() if c.type == "denial" and c.match == "lemma")


@lru_cache(maxsize=1)
def judging_verbs() -> frozenset[str]:
    """Verbs that speak of or judge what they govern ("condemned the attack", "called the
    drills a provocation", "denied the strike"): the verb cues of the stance lexicon but
    hedges and commitments (what one pledges, one does)."""
    return frozenset(
        c.cue
        for c in stance_cues()
        if c.match == "lemma" and c.type not in ("hedge", "commitment") and "VERB" in c.pos
    )


@lru_cache(maxsize=1)
def judging_nouns() -> frozenset[str]:
    """Nouns that speak of or judge what their phrase names ("a protest over the drills",
    "concern about the sale"): the noun cues of the stance lexicon but hedges and
    commitments."""
    return frozenset(
        c.cue
        for c in stance_cues()
        if c.match == "lemma" and c.type not in ("hedge", "commitment") and "NOUN" in c.pos
    )


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verbs that report what someone says ("said", "announced", "insisted"): the verb cues
    of attribution in the stance lexicon."""
    return frozenset(
        c.cue
        for c in stance_cues()
        if c.match == "lemma" and c.type == "attribution" and "VERB" in c.pos
    )


@lru_cache(maxsize=1)
def pressing_verbs() -> frozenset[str]:
    """Verbs that press someone to act ("urged Berlin to send", "threatened to cut"): the verb
    cues of pressure in the stance lexicon. What they press for is demanded, not done."""
    return frozenset(
        c.cue
        for c in stance_cues()
        if c.match == "lemma" and c.type == "pressure" and "VERB" in c.pos
    )


@lru_cache(maxsize=1)
def signal_rules() -> dict[str, SignalRule]:
    return {s.type: s for s in _read("signals.v1.jsonl", _signal)}


@lru_cache(maxsize=1)
def _act_kinds() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for rule in signal_rules().values():
        words = {t.lower() for t in rule.triggers if " " not in t}
        for word in words:
            kinds.setdefault(word, set()).update(words)
    return {word: frozenset(kin) for word, kin in kinds.items()}


def act_kin(lemma: str) -> frozenset[str]:
    """The trigger words of the signal class a word triggers ("attack": "invade", "strike",
    "shell" ...): an act referred back to by another word of its kind ("Russia invaded
    Ukraine ... condemning the attack")."""
    return _act_kinds().get(lemma.lower(), frozenset())


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
    "vessel_prefixes.v1.jsonl": vessel_prefixes,
    "transfer_frames.v1.jsonl": transfer_frames,
    "references.v1.jsonl": references,
    "group_nouns.v1.jsonl": group_nouns,
    "state_possessions.v1.jsonl": state_possessions,
    "blocked_phrases.v1.jsonl": blocked_phrases,
    "titles.v1.jsonl": title_words,
    "speakers.v1.jsonl": speaker_words,
    "stance_cues.v1.jsonl": stance_cues,
    "signals.v1.jsonl": signal_rules,
    "status_weights.v1.jsonl": status_weights,
    "places.v1.jsonl": places,
}

_CACHED = (
    actors,
    actors_by_id,
    country_ids,
    people,
    people_by_id,
    people_by_plain_name,
    weapons,
    weapons_by_id,
)


def lint_people(records: Iterable[PersonRecord], known: set[str]) -> list[str]:
    """Problems in a people gazetteer, one line each: a name or alias held by two people
    (compared case-insensitively, as lower-case text is matched too), a role that ends before
    it starts, and a role or home country that is not a known actor."""
    owners: dict[str, set[str]] = defaultdict(set)
    problems: list[str] = []
    for person in records:
        for form in {person.name, *person.aliases}:
            owners[form.casefold()].add(person.id)
        if person.country not in known:
            problems.append(f"{person.id}: country {person.country!r} is no actor")
        for role in person.roles:
            if role.end is not None and role.end < role.start:
                problems.append(f"{person.id}: {role.title} ends {role.end} before {role.start}")
            if role.actor not in known:
                problems.append(f"{person.id}: {role.title} acts for unknown {role.actor!r}")
    problems.extend(
        f"{form!r} is shared by {', '.join(sorted(ids))}"
        for form, ids in sorted(owners.items())
        if len(ids) > 1
    )
    return problems
