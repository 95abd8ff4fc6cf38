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
from analysis.model import AlignmentRow, ProcurementRow, StanceCueRow
from analysis.pipeline import TERMS_KEY, clean_sentence
from analysis.timeline import DateMention, date_for_sentence

HEDGE_FACTOR = 0.6
SUSPEND_WORDS = {"moratorium", "suspend", "suspension", "halt", "cancel", "withdraw", "freeze",
                 "stop", "end", "pull", "boycott", "skip"}
REFUSE_WORDS = {"refuse", "reject", "decline", "resist", "oppose", "avoid", "defy", "rebuff"}
NEGATIONS = {"not", "n't", "never", "no"}
SANCTIONED_HEADS = {"face", "risk", "hit", "target", "escape", "avoid", "evade", "under"}
COUNTERPART_PREPS = {"with", "to", "from", "on", "against", "of", "toward", "towards", "into",
                     "in", "by", "for", "between"}


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
    return verb.dep_ in ("xcomp", "ccomp") and up.lemma_ in REFUSE_WORDS


def _subject(verb: Token, resolved: Resolved) -> str | None:
    holder = verb
    for _ in range(3):
        for c in holder.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent"):
                for t in c.subtree:
                    st = resolved.state_at(t.i)
                    if st:
                        return st
                st = resolved.antecedent(c)
                if st:
                    return st
        if holder.dep_ in ("xcomp", "conj", "advcl", "relcl", "ccomp", "acl") and \
                holder.head is not holder:
            holder = holder.head
        else:
            break
    return None


def _counterparts(trigger: Token, verb: Token, sent: Span, resolved: Resolved,
                  subject: str) -> list[str]:
    """Parties the trigger points at: in its own phrase first, then elsewhere in the sentence."""
    near: list[str] = []
    for root in (trigger, verb):
        for t in root.subtree:
            st = resolved.state_at(t.i)
            if st and st != subject and st not in near:
                near.append(st)
    if not near:
        near = [s for s in resolved.states_in(sent) if s != subject]
    return near[:3]


WEAK_HEDGES = {"would", "is set to", "is expected to", "are expected to", "was expected to"}


def _hedged(sent: Span, cues: list[StanceCueRow]) -> bool:
    """Whether a sentence carries real uncertainty ("reportedly", "could"), not reported future."""
    return any(c.type == "hedge" and c.cue.lower() not in WEAK_HEDGES
               and sent.start_char <= c.start < sent.end_char for c in cues)


def extract(doc: Doc, resolved: Resolved, dates: list[DateMention],
            deals: list[ProcurementRow], cues: list[StanceCueRow]) -> list[AlignmentRow]:
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
        if sent is not None and _hedged(sent.sent, cues):
            weight *= HEDGE_FACTOR
        out.append(AlignmentRow(
            subject=deal.recipient, counterpart=deal.supplier, direction=sw.direction,
            type="arms_procurement", basis=proc.basis, weight=round(weight, 3), date=deal.date,
            sentence=deal.sentence, start=deal.start, end=deal.end,
        ))

    triggers: list[tuple[Token, str]] = []
    words = _word_triggers()
    for tok in doc:
        kind = words.get(tok.lemma_.lower()) or words.get(tok.lower_)
        if kind:
            triggers.append((tok, kind))
    for span in doc.spans[TERMS_KEY]:
        if span.label_ == "SIGNAL":
            triggers.append((span.root, span.id_))

    pressurers: dict[int, set[str]] = {}
    for cue in cues:
        if cue.type == "pressure" and cue.target:
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is not None:
                pressurers.setdefault(span.sent.start, set()).add(cue.target)
    for tok, kind in triggers:
        sent = tok.sent
        verb = _governing_verb(tok)
        subject = _subject(verb, resolved)
        states = resolved.states_in(sent)
        if subject is None:
            subject = next((s for s in states if not _is_bloc(s)), None)
        if subject is None or not _is_state(subject):
            continue
        sent_lemmas = {t.lemma_.lower() for t in sent}
        negated = _negated(verb)
        if kind == "joint_exercise" and (sent_lemmas & SUSPEND_WORDS):
            kind = "exercise_suspension"
        elif kind == "exercise_suspension":
            if not sent_lemmas & {"exercise", "drill", "manoeuvre", "maneuver", "war"}:
                continue
        elif kind == "sanctions" and (negated or sent_lemmas & REFUSE_WORDS):
            kind, negated = "sanctions_refusal", False
        elif kind == "pressure_resistance" and tok.pos_ != "VERB":
            continue
        elif kind in ("agreement",) and tok.pos_ == "VERB" and tok.lemma_ != "sign":
            continue
        rule = rules[kind]
        direction = -rule.direction if negated else rule.direction
        if kind == "sanctions" and tok.head.lemma_ in SANCTIONED_HEADS:
            # "Serbia could face US sanctions": the subject is the target, not the sanctioner.
            for counterpart in _counterparts(tok, verb, sent, resolved, subject)[:1]:
                if _is_state(counterpart) and (counterpart, subject, kind, sent.start) not in seen:
                    seen.add((counterpart, subject, kind, sent.start))
                    when = date_for_sentence(dates, sent)
                    out.append(AlignmentRow(
                        subject=counterpart, counterpart=subject, direction=rule.direction,
                        type=kind, basis=rule.basis,
                        weight=round(rule.weight * (HEDGE_FACTOR if _hedged(sent, cues) else 1), 3),
                        date=when.value if when else None, sentence=clean_sentence(sent),
                        start=tok.idx, end=tok.idx + len(tok.text)))
            continue
        for counterpart in _counterparts(tok, verb, sent, resolved, subject):
            if not _is_state(counterpart):
                continue
            if kind == "exercise_suspension" and counterpart in pressurers.get(sent.start, ()):
                continue
            if kind in ("membership", "accession_bid", "neutrality") and not _is_bloc(counterpart):
                continue
            key = (subject, counterpart, kind, sent.start)
            if key in seen:
                continue
            seen.add(key)
            weight = rule.weight * (HEDGE_FACTOR if _hedged(sent, cues) else 1.0)
            when = date_for_sentence(dates, sent)
            out.append(AlignmentRow(
                subject=subject, counterpart=counterpart, direction=direction, type=kind,
                basis=rule.basis, weight=round(weight, 3), date=when.value if when else None,
                sentence=clean_sentence(sent), start=tok.idx, end=tok.idx + len(tok.text),
            ))
    # "suspended drills, citing pressure from the EU": complying moves toward the pressurer.
    rule = rules["pressure_compliance"]
    for cue in cues:
        if cue.type != "pressure" or not cue.speaker or not cue.target:
            continue
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        lemmas = {t.lemma_.lower() for t in sent}
        if not lemmas & (SUSPEND_WORDS | {"comply", "align", "agree", "accept", "drop"}):
            continue
        if not (_is_state(cue.speaker) and _is_state(cue.target)):
            continue
        when = date_for_sentence(dates, sent)
        out.append(AlignmentRow(
            subject=cue.speaker, counterpart=cue.target, direction=rule.direction,
            type="pressure_compliance", basis=rule.basis, weight=rule.weight,
            date=when.value if when else None, sentence=cue.sentence, start=cue.start,
            end=cue.end,
        ))
    out.sort(key=lambda r: r.start)
    return out
