"""Alignment signals: signed, weighted subject -> counterpart dyads with their evidence.

Material signals come from arms deals (weighted by status; a cancelled deal points away), joint
exercises and their suspension, agreements, bases, membership and accession bids, and sanctions.
Verbal signals come from support, criticism, visits, and complying with or resisting pressure.
Weights and their rationale live in ``analysis/data/signals.v1.jsonl`` and
``status_weights.v1.jsonl``. A hedged sentence ("reportedly") counts for less.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from analysis import resources
from analysis.actors import Resolved
from analysis.constants import WEAK_HEDGES
from analysis.model import AlignmentRow, ProcurementRow, StanceCueRow
from analysis.pipeline import TERMS_KEY, clean_sentence, sentence, sentence_words, token_table
from analysis.procurement import weapon_modifier_tokens
from analysis.timeline import DateMention, date_for_clause

HEDGE_FACTOR = 0.6
SUSPEND_WORDS = {
    "moratorium",
    "suspend",
    "suspension",
    "halt",
    "cancel",
    "withdraw",
    "freeze",
    "stop",
    "end",
    "pull",
    "boycott",
    "skip",
}
REFUSE_WORDS = {"refuse", "reject", "decline", "resist", "oppose", "avoid", "defy", "rebuff"}
NEGATIONS = {"not", "n't", "never", "no"}
SANCTIONED_HEADS = {"face", "risk", "hit", "target", "escape", "avoid", "evade", "under"}


@lru_cache(maxsize=1)
def _word_triggers() -> dict[str, str]:
    out: dict[str, str] = {}
    for rule in resources.signal_rules().values():
        for trig in rule.triggers:
            if " " not in trig:
                out.setdefault(trig.lower(), rule.type)
    return out


def _is_state(actor_id: str) -> bool:
    rec = resources.actors_by_id().get(actor_id)
    return rec is not None and rec.type in ("country", "bloc", "organisation")


def _is_bloc(actor_id: str) -> bool:
    rec = resources.actors_by_id().get(actor_id)
    return rec is not None and rec.type in ("bloc", "organisation")


def _governing_verb(tok: Token) -> Token:
    head = tok
    for _ in range(5):
        if head.pos_ == "VERB" or head.head is head:
            return head
        head = head.head
    return head


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in verb.children):
        return True
    up = verb.head
    return bool(
        verb.dep_ in ("xcomp", "ccomp")
        and (up.lemma_ in REFUSE_WORDS or any(c.dep_ == "neg" for c in up.children))
    )


EVENT_NOUNS = {
    "decision",
    "suspension",
    "move",
    "announcement",
    "step",
    "plan",
    "deal",
    "order",
    "purchase",
    "ban",
    "moratorium",
    "freeze",
}
VENUE_PREPS = {"in", "at", "during", "after", "before", "since", "under", "over", "within"}
TARGET_PREPS = {
    "with",
    "to",
    "from",
    "against",
    "on",
    "toward",
    "towards",
    "of",
    "between",
    "for",
    "into",
    "by",
}


def _subject(
    verb: Token, trigger: Token, resolved: Resolved, focus: str | None
) -> tuple[bool, str | None]:
    """(found a subject, its state). A subject that names no state (``diplomats``) yields
    ``(True, None)`` so that the trigger is not pinned on some other party."""
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ == "poss":
                st = resolved.subject_state(c)
                if st:
                    return True, st  # "Serbia's accession", "Kosovo's membership"
    holder = verb
    for _ in range(3):
        for c in holder.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                st = resolved.subject_state(c)
                if st is None and c.lemma_ in EVENT_NOUNS:
                    return True, focus
                return True, st
        if (
            holder.dep_ in ("xcomp", "conj", "advcl", "relcl", "ccomp", "acl")
            and holder.head is not holder
        ):
            holder = holder.head
        else:
            break
    return False, None


def _targets(root: Token, resolved: Resolved, skip: set[int]) -> list[str]:
    """States a word points at: its object, its with/to/from/against/on phrases, and states
    modifying it ("Russian forces", "EU accession")."""
    out: list[str] = []
    for c in root.children:
        if c.dep_ in (
            "nsubj",
            "nsubjpass",
            "advcl",
            "relcl",
            "ccomp",
            "punct",
            "cc",
            "mark",
            "conj",
            "parataxis",
        ):
            continue
        if c.dep_ == "prep" and c.lower_ not in TARGET_PREPS:
            continue
        for t in c.subtree:
            if t.i in skip:
                continue
            st = resolved.state_at(t.i)
            if st and st not in out:
                out.append(st)
    return out


def _counterparts(
    trigger: Token, verb: Token, sent: Span, resolved: Resolved, subject: str, skip: set[int]
) -> list[str]:
    """Parties the trigger points at: in its own phrase first, then the verb's, then the
    sentence (leaving out states that only describe a weapon, "Russian weapons")."""
    near = [s for s in _targets(trigger, resolved, skip) if s != subject]
    if not near and verb is not trigger:
        near = [s for s in _targets(verb, resolved, skip) if s != subject]
    if not near:
        near = [
            m.state
            for m in resolved.in_span(sent)
            if m.state and m.state != subject and m.start not in skip
        ]
        near = list(dict.fromkeys(near))
    return [s for s in near if s][:3]


def _basing(trigger: Token, resolved: Resolved, skip: set[int]) -> list[tuple[str, str]]:
    """(subject, counterpart) for a foreign military presence: the owner of a base, troops or
    headquarters and the state hosting it. A bare "air base" is a place, not a signal."""
    verb = _governing_verb(trigger)
    if trigger.pos_ == "VERB":  # "Poland hosts American troops"
        _, host = _subject(trigger, trigger, resolved, None)
        owners = [s for s in _targets(trigger, resolved, skip) if s != host]
        return [(host, owners[0])] if host and owners else []
    owner = next(
        (
            st
            for c in trigger.children
            if c.dep_ in ("compound", "amod", "poss", "nmod")
            for t in c.subtree
            if (st := resolved.state_at(t.i))
        ),
        None,
    )
    if owner is None:
        return []
    hosts = [
        s
        for c in [*trigger.children, *verb.children]
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")
        for s in [resolved.state_at(t.i) for t in c.subtree]
        if s and s != owner
    ]
    _found, subject = _subject(verb, trigger, resolved, None)
    if subject and subject != owner:
        return [(subject, owner)]
    if hosts:
        return [(owner, hosts[0])] if subject == owner else [(hosts[0], owner)]
    return []


def _membership(trigger: Token, resolved: Resolved) -> list[tuple[str, str]]:
    """(member, bloc) pairs from "NATO member Turkey", "Hungary, a member of NATO"."""
    blocs = [
        st
        for c in trigger.children
        if c.dep_ in ("compound", "poss", "amod", "prep")
        for t in c.subtree
        if (st := resolved.state_at(t.i)) and _is_bloc(st)
    ]
    if not blocs:
        return []
    members: list[str] = []
    for c in trigger.children:
        if c.dep_ == "appos":
            for t in [c, *c.conjuncts]:
                st = resolved.state_at(t.i)
                if st and not _is_bloc(st):
                    members.append(st)
    if trigger.dep_ == "appos":
        st = resolved.state_at(trigger.head.i)
        if st and not _is_bloc(st):
            members.append(st)
    st = resolved.state_at(trigger.head.i) if trigger.dep_ == "compound" else None
    if st and not _is_bloc(st):
        members.append(st)
    return [(m, blocs[0]) for m in dict.fromkeys(members)]


def _focus(resolved: Resolved) -> str | None:
    counts: dict[str, int] = {}
    for m in resolved.mentions:
        if m.state and resources.is_country(m.state):
            counts[m.state] = counts.get(m.state, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _hedged(sent: Span, cues: list[StanceCueRow]) -> bool:
    """Whether a sentence carries real uncertainty ("reportedly", "could"), not reported future."""
    return any(
        c.type == "hedge"
        and c.cue.lower() not in WEAK_HEDGES
        and sent.start_char <= c.start < sent.end_char
        for c in cues
    )


def extract(
    doc: Doc,
    resolved: Resolved,
    dates: list[DateMention],
    deals: list[ProcurementRow],
    cues: list[StanceCueRow],
) -> list[AlignmentRow]:
    """Every alignment signal in an article."""
    rules = resources.signal_rules()
    weights = resources.status_weights()
    out: list[AlignmentRow] = []
    seen: set[tuple[str, str, str, int]] = set()

    proc = rules["arms_procurement"]
    for deal in deals:
        if not deal.supplier or not deal.recipient or deal.supplier == deal.recipient:
            continue
        if not _is_state(deal.recipient) or not _is_state(deal.supplier):
            continue
        sw = weights[deal.status]
        weight = sw.weight * proc.weight
        sent = doc.char_span(deal.start, deal.end, alignment_mode="expand")
        if sent is not None and _hedged(sentence(sent[0]), cues):
            weight *= HEDGE_FACTOR
        out.append(
            AlignmentRow(
                subject=deal.recipient,
                counterpart=deal.supplier,
                direction=sw.direction,
                type="arms_procurement",
                basis=proc.basis,
                weight=round(weight, 3),
                date=deal.date,
                sentence=deal.sentence,
                start=deal.start,
                end=deal.end,
            )
        )

    triggers: list[tuple[Token, str]] = []
    words = _word_triggers()
    for i, (lower, lemma, _) in enumerate(token_table(doc)):
        kind = words.get(lemma) or words.get(lower)
        if kind:
            triggers.append((doc[i], kind))
    for span in doc.spans[TERMS_KEY]:
        if span.label_ == "SIGNAL":
            triggers.append((span.root, span.id_))

    pressurers: dict[int, set[str]] = {}
    for cue in cues:
        if cue.type == "pressure" and cue.target:
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is not None:
                pressurers.setdefault(sentence(span[0]).start, set()).add(cue.target)
    focus = _focus(resolved)
    weapon_tokens = weapon_modifier_tokens(doc)
    pressured: set[int] = set()
    for cue in cues:
        cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if cue.type == "pressure" and cue_span is not None:
            pressured.add(sentence(cue_span[0]).start)

    def emit(
        subject: str, counterpart: str, kind: str, direction: int, tok: Token, sent: Span
    ) -> None:
        key = (subject, counterpart, kind, sent.start)
        if key in seen or subject == counterpart:
            return
        if not (_is_state(subject) and _is_state(counterpart)):
            return
        seen.add(key)
        rule = rules[kind]
        when = date_for_clause(dates, doc, tok)
        out.append(
            AlignmentRow(
                subject=subject,
                counterpart=counterpart,
                direction=direction,
                type=kind,
                basis=rule.basis,
                weight=round(rule.weight * (HEDGE_FACTOR if _hedged(sent, cues) else 1.0), 3),
                date=when.value if when else None,
                sentence=clean_sentence(sent),
                start=tok.idx,
                end=tok.idx + len(tok.text),
            )
        )

    for tok, kind in triggers:
        sent = sentence(tok)
        if kind == "military_base":
            for host, owner in _basing(tok, resolved, weapon_tokens):
                emit(host, owner, kind, 1, tok, sent)
            continue
        if kind == "membership" and tok.lemma_ == "member":
            for member, bloc in _membership(tok, resolved):
                emit(member, bloc, "membership", 1, tok, sent)
            continue
        verb = _governing_verb(tok)
        found, subject = _subject(verb, tok, resolved, focus)
        if not found:
            subject = next(
                (
                    m.state
                    for m in resolved.in_span(sent)
                    if m.state and not _is_bloc(m.state) and m.start not in weapon_tokens
                ),
                None,
            )
        if subject is None or not _is_state(subject):
            continue
        sent_lemmas = sentence_words(sent)[1]
        negated = _negated(verb) if verb is not tok or tok.pos_ == "VERB" else False
        if kind == "joint_exercise" and (sent_lemmas & SUSPEND_WORDS):
            kind = "exercise_suspension"
        elif kind == "exercise_suspension":
            if not sent_lemmas & {"exercise", "drill", "manoeuvre", "maneuver", "war"}:
                continue
        elif kind == "sanctions" and (negated or sent_lemmas & REFUSE_WORDS):
            kind, negated = "sanctions_refusal", False
        elif (
            kind == "pressure_resistance" and (tok.pos_ != "VERB" or sent.start not in pressured)
        ) or (kind == "agreement" and tok.pos_ == "VERB" and tok.lemma_ != "sign"):
            continue
        rule = rules[kind]
        direction = -rule.direction if negated else rule.direction
        targets = _counterparts(tok, verb, sent, resolved, subject, weapon_tokens)
        if kind == "membership":
            # "join NATO": the bloc must be what is joined, not a bystander.
            targets = [
                t
                for t in _targets(tok if tok.pos_ == "NOUN" else verb, resolved, weapon_tokens)
                if _is_bloc(t) and t != subject
            ]
        if kind in ("sanctions", "sanctions_refusal"):
            aimed = [t for t in _targets(tok, resolved, weapon_tokens) if t != subject]
            targets = aimed or targets[:1]
            if tok.head.lemma_ in SANCTIONED_HEADS and kind == "sanctions":
                # "Serbia could face US sanctions": the subject is the target.
                for counterpart in targets[:1]:
                    emit(counterpart, subject, kind, rule.direction, tok, sent)
                continue
        for counterpart in targets:
            if kind == "exercise_suspension" and counterpart in pressurers.get(sent.start, ()):
                continue
            if kind in ("accession_bid", "neutrality") and not _is_bloc(counterpart):
                continue
            emit(subject, counterpart, kind, direction, tok, sent)

    # "suspended drills, citing pressure from the EU": complying moves toward the pressurer.
    for cue in cues:
        # Only cues whose speaker is the one under pressure ("citing pressure from the EU").
        under = cue.cue.lower().endswith("from") or cue.cue.lower().startswith("under")
        if cue.type != "pressure" or not under or not cue.speaker or not cue.target:
            continue
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        sent = sentence(span[0])
        if sentence_words(sent)[1] & (SUSPEND_WORDS | {"comply", "align", "agree", "accept"}):
            emit(cue.speaker, cue.target, "pressure_compliance", 1, span.root, sent)
    out.sort(key=lambda r: r.start)
    return out
