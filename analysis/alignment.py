"""Alignment signals: signed, weighted subject -> counterpart dyads with their evidence.

Material signals come from arms transfers (both ways; a cancelled deal or a refused weapon points
away), joint exercises and their suspension, agreements and treaties left, bases, membership and
accession bids, sanctions imposed or lifted, armed attacks, and diplomatic ruptures and
restorations. Verbal signals come from support, criticism, and complying with or resisting
pressure. Each class, its trigger words, its weight and its rationale live in
``analysis/data/signals.v1.jsonl`` (deal weights by status in ``status_weights.v1.jsonl``).

Negation and reversal are handled once for every class: a negated trigger ("did not sign")
gives nothing, a refused cooperative act ("refused to join the drills") points the other way,
and a reversing verb turns a class into its reverse ("lifted sanctions", "left the treaty").
A hedged sentence ("reportedly") counts for less.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from analysis import resources
from analysis.actors import EXAMPLE_PREPS, Resolved, armed_group, charged
from analysis.constants import BACK_DETERMINERS, RELATIVE_PRONOUNS, WEAK_HEDGES
from analysis.doc import (
    NAMES_KEY,
    SPLIT_GAP,
    TERMS_KEY,
    clean_sentence,
    describing_name,
    echo_subjects,
    first_conjunct,
    names_weapons,
    no_longer,
    phrasal_form,
    sentence,
    sentence_words,
    sentences_back,
    splitting,
    token_table,
    weapon_tokens,
)
from analysis.model import AlignmentRow, ProcurementRow, StanceCueRow
from analysis.procurement import (
    CONDITIONAL,
    FORCES,
    REFUSED,
    find_weapons,
    frame_index,
    supplier_suffixed,
    weapon_modifier_tokens,
)
from analysis.timeline import DateMention, date_for_clause

HEDGE_FACTOR = 0.6
# Grammar, not domain knowledge: negators, and heads that refuse what they govern.
NEGATIONS = frozenset({"not", "n't", "never", "no"})
REFUSE_WORDS = frozenset(
    {"refuse", "reject", "decline", "resist", "oppose", "avoid", "rebuff"}
    | {"reluctant", "unwilling", "hesitant", "loath", "loth"}  # "reluctant to approve exports"
)
RELATIVE = RELATIVE_PRONOUNS | {"whose"}  # "Russia, whose backing it relies on"
INTENT_WORDS = frozenset({"want", "intend", "plan", "seek", "wish", "aim", "mean"})
UNREALISED = frozenset({"fail"})  # "failed to sign": the act did not happen
SANCTIONED_HEADS = frozenset({"face", "risk", "hit", "target", "escape", "avoid", "evade", "under"})
EVENT_NOUNS = frozenset(
    {"decision", "suspension", "move", "announcement", "step", "plan", "ban", "moratorium"}
)
TARGET_PREPS = frozenset(
    {"with", "to", "from", "against", "on", "toward", "towards", "of", "between", "for", "by"}
)
# Grammar: prepositions that name where an act is done, never whom it is aimed at.
VENUE_PREPS = frozenset({"at"})
# Grammar: heads of a phrase that gives an act's cause, another act ("in retaliation for a
# strike on its consulate in Damascus", "in response to Israeli raids").
CAUSE_HEADS = frozenset({"retaliation", "response", "reprisal", "revenge", "reply"})
SKIP_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "advcl",
        "relcl",
        "acl",
        "appos",
        "ccomp",
        "punct",
        "cc",
        "mark",
        "conj",
        "parataxis",
    }
)

# Grammar: nouns of a phrase that names those one acts together with ("in solidarity with",
# "in coordination with", "in line with", "in concert with").
PARTNER_HEADS = frozenset({"solidarity", "coordination", "concert", "line", "step", "tandem"})
# Grammar: nouns of a phrase that names what was chosen instead ("scrapped a French submarine
# deal in favour of a partnership with the United States").
ALTERNATIVE_HEADS = frozenset({"favour", "favor", "preference"})


@lru_cache(maxsize=1)
def _word_triggers() -> dict[str, str]:
    """The first class each one-word trigger fires (see ``_word_kinds``)."""
    return {word: kinds[0] for word, kinds in _word_kinds().items()}


@lru_cache(maxsize=1)
def _word_kinds() -> dict[str, tuple[str, ...]]:
    """Every class a one-word trigger may fire, in the data's order: a word of two classes
    ("withdraw" from drills, "withdraw" an ambassador) is told apart by each class's context."""
    out: dict[str, tuple[str, ...]] = {}
    for rule in resources.signal_rules().values():
        for trig in rule.triggers:
            if " " not in trig and "-" not in trig and rule.type not in out.get(trig.lower(), ()):
                out[trig.lower()] = (*out.get(trig.lower(), ()), rule.type)
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
        if head.pos_ == "VERB" or head.head == head or _copula_clause(head):
            return head
        head = head.head
    return head


def _copula_clause(tok: Token) -> bool:
    """A copula heading a clause of its own on a noun ("Brussels, where Serbia is a candidate
    for membership"): what it says is said of its subject, not of the verb above it."""
    return (
        tok.pos_ == "AUX" and tok.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in tok.children)
    )


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in tok.children)


def _refused(verb: Token) -> bool:
    """ "refused to join", "rejected the treaty": the act is refused, not done."""
    up = verb.head
    if verb.dep_ == "acl" and up.pos_ == "NOUN" and up.dep_ == "dobj":
        return up.head.lemma_ in REFUSE_WORDS  # "declined an invitation to join BRICS"
    return verb.dep_ in ("xcomp", "ccomp") and up.lemma_ in REFUSE_WORDS


def _joined_apart(tok: Token) -> set[int]:
    """The words of clauses joined to a clause above a word ("refused to host the drills and
    has skipped several of its meetings": the meetings were skipped, not the drills)."""
    above = list(tok.ancestors)
    return {
        t.i
        for a in above
        for c in a.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c not in above and c != tok
        for t in c.subtree
    }


def _reversed(tok: Token, verb: Token, rule: resources.SignalRule, lemmas: frozenset[str]) -> bool:
    """A reversing verb governs the trigger ("lifted sanctions", "pulled out of the treaty"),
    or, for classes read by sentence, stands in the sentence ("the suspension also applies to
    planned exercises")."""
    if not rule.reversed_by:
        return False
    if rule.reversal_scope == "sentence":
        found = lemmas & set(rule.reversed_by)
        if not found:
            return False
        apart = _joined_apart(tok)
        return any(t.lemma_.lower() in found for t in sentence(tok) if t.i not in apart)
    if tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("NOUN", "PROPN"):
        # "suspended its development aid and budget support": a later item goes as the first
        tok = first_conjunct(tok)
    if tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.tag_ == "VBG":
        return tok.head.lemma_ in rule.reversed_by  # "stopped training Malian troops"
    if tok.pos_ == "VERB" and tok.dep_ != "pcomp":
        return False  # not a gerund a phrase holds ("suspended talks on joining the EU")
    # The trigger is what the reversing verb acts on: "lifted sanctions", "sanctions were
    # lifted", "pulled out of the treaty", "withdrew from the pact".
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and (
        head.lemma_ in rule.reversed_by or (tok.dep_ == "dobj" and no_longer(head))
    ):
        return True  # "lifted sanctions"; "would no longer approve arms exports" stops them
    return (
        tok.dep_ == "pobj"
        and head.lower_ in ("from", "of", "out", "on", "in")
        and (_reversing(head.head, rule) or head.head.head.lemma_ in rule.reversed_by)
        and not _lifted(head.head)
    ) or _reversed_above(tok, rule)


# Grammar: the particles of phrasal verbs of leaving ("pulled out of", "walked away from").
LEAVING_PARTICLES = frozenset({"out", "away"})


def _reversing(word: Token, rule: resources.SignalRule) -> bool:
    """Whether a word reverses a class's act, alone ("withdrew from the pact") or as the
    particle of a phrasal verb the class lists ("pulled out of the treaty", "walked away
    from a deal")."""
    if word.lemma_ in rule.reversed_by:
        return True
    return (
        word.lower_ in LEAVING_PARTICLES
        and word.head.pos_ == "VERB"
        and f"{word.head.lemma_} {word.lower_}" in rule.reversed_by
    )


def _lifted(noun: Token) -> bool:
    """Whether a stopping noun is itself undone ("lifted its embargo on arms sales", "the ban
    on arms sales lapsed"): what it stopped is no longer stopped."""
    if noun.pos_ != "NOUN":
        return False
    head = noun.head
    if head.lemma_ not in resources.signal_rules()["sanctions"].reversed_by:
        return False
    # "lifted the embargo", "the embargo was lifted", "the embargo lapsed" (with no object)
    return noun.dep_ in ("dobj", "nsubjpass") or (
        noun.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in head.children)
    )


# The links from a trigger up to a verb that acts on it: its object, a preposition's object
# and a verb completing another ("stopped issuing licences for arms exports").
ACTED_ON = frozenset({"dobj", "pobj", "pcomp", "prep", "xcomp", "nsubjpass", "compound"})


def _reversed_above(tok: Token, rule: resources.SignalRule) -> bool:
    """A reversing verb further up the phrase that holds the trigger: "stopped issuing new
    licences for arms exports to Turkey"; never across a verb that is no complement."""
    cur, hops = tok, 0
    for _ in range(6):
        if cur.dep_ not in ACTED_ON or cur.head == cur:
            return False
        head = cur.head
        hops += cur.dep_ == "prep"
        if cur.dep_ == "prep" and (head.pos_ in ("VERB", "AUX") or hops > 1):
            return False  # a phrase beside the act (read above), or one on a phrase
        if head.pos_ == "VERB" and head.lemma_ in rule.reversed_by:
            return True
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "xcomp":
            return False
        cur = head
    return False


def _declined(verb: Token) -> bool:
    """ "will not take part", "would not sign": a negated future is a declared refusal."""
    return _negated(verb) and any(
        c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in verb.children
    )


def _state_of(tok: Token, resolved: Resolved) -> str | None:
    """The state a subject stands for; a company, rebels or activists stand for none."""
    mention = resolved.by_token.get(tok.i)
    if mention is not None and _company(mention.actor):
        return None
    noun = tok.head.head if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" else tok
    if resources.speaker_words().get(noun.lemma_.lower()) == "independent" or armed_group(noun):
        return None  # "Yemen's Houthi rebels, who are backed by Tehran", "the Houthi movement"
    st = resolved.subject_state(tok)
    named = [t for t in noun.subtree if resolved.state_at(t.i) == st]
    if named and all(_maker_of(t, resolved) for t in named):
        # "Iranian-made drones struck Kyiv": the maker is not who strikes; "its Chinese-made
        # fighters": the possessor is
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        return resolved.antecedent(owner) if owner is not None else None
    return st


def _company(actor_id: str) -> bool:
    rec = resources.actors_by_id().get(actor_id)
    return rec is not None and rec.type == "company"


def _subject(
    verb: Token, trigger: Token, resolved: Resolved, focus: str | None
) -> tuple[bool, str | None]:
    """(found a subject, its state). A subject that names no state (``diplomats``) yields
    ``(True, None)`` so that the trigger is not pinned on some other party."""
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":  # "their exercise": the clause's subject
                st = _state_of(c, resolved)
                if st:
                    return True, st  # "Serbia's accession", "Kosovo's membership"
    holder = _second_act(verb)
    for _ in range(3):
        for c in holder.children:
            if (
                c.dep_ == "nsubjpass"
                and trigger in (c, holder)
                and _state_of(c, resolved) is None
                and (by := _agent_state(holder, resolved))
            ):
                return True, by  # "the pact was signed by Israel and the UAE"
            if c.dep_ in ("nsubj", "nsubjpass"):
                return True, _subject_state(c, resolved, focus)
            if (
                c.dep_ == "poss"
                and c.pos_ != "PRON"
                and holder.pos_ == "NOUN"
                and holder != trigger
            ):
                return True, _state_of(c, resolved)  # "Sweden's bid to join NATO"
        obj = next((c for c in holder.head.children if c.dep_ == "dobj"), None)
        if (
            holder.dep_ == "xcomp"
            and obj is not None
            and obj.i < holder.i  # the one told stands before what it is told to do
            and (st := _state_of(obj, resolved))
        ):
            return True, st  # "prompting Beijing to lodge a protest", "urged Berlin to send"
        about = _gerund_object(holder)
        if about is not None:
            return True, _state_of(about, resolved)
        up = _subject_holder(holder)
        if up is None:
            break
        holder = up
    return False, None


def _second_act(verb: Token) -> Token:
    """ "Blinken urged Eritrea to pull out and pressed both sides to join talks": a verb of
    saying or judging with no subject, hung on what another such verb asks for, is the
    speaker's own second act; it shares that verb's subject."""
    head = verb.head
    words = resources.judging_verbs() | resources.speech_verbs()
    if (
        verb.dep_ == "conj"
        and verb.lemma_ in words
        and head.dep_ in ("xcomp", "ccomp")
        and head.head.lemma_ in words
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return head.head
    return verb


def _unled_drill(ctx: Context, tok: Token, verb: Token, sent: Span) -> None:
    """ "the Rim of the Pacific drills": an exercise no state is the subject of, whose
    parties come later; those who lead or host it ("the largest US-led drill on the
    continent, with training across Morocco and Ghana") take part from the start."""
    named = list(dict.fromkeys([*_leaders(ctx, tok), *_hosts(ctx, tok, verb)]))
    # a drill its leader or host names is another one, unless it refers back to the last
    keep = ctx.exercise is not None and (not named or _refers_back(tok))
    known = ctx.exercise[1] if ctx.exercise is not None and keep else []
    ctx.exercise = (sent.start, list(dict.fromkeys([*known, *named])))
    if len(named) > 1 and not _negated(verb):
        _join_drill(ctx, tok, sent, named)


def _same_drill(ctx: Context, tok: Token) -> list[str]:
    """The parties of the drill named in the last three sentences when a drill noun refers
    back to it ("Australia and the United States opened Talisman Sabre on Friday. Thirteen
    nations joined the drills, including ..."): all of them take part together."""
    if ctx.exercise is None or ctx.exercise[0] < sentences_back(tok, 3) or tok.pos_ != "NOUN":
        return []
    rule = resources.signal_rules()["joint_exercise"]
    if tok.dep_ != "dobj" or tok.head.lemma_ not in rule.joining or not _refers_back(tok):
        return []  # "Russia had been notified of the exercise": who hears of it is no party
    return list(ctx.exercise[1])


def _refers_back(tok: Token) -> bool:
    """Whether a drill noun names the drill already in the news ("the drills", "the exercise
    area"), not maybe another one ("the naval drills", "the Russian drills")."""
    named = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "this") for c in named.children):
        return False
    return not any(c.dep_ in ("compound", "amod", "poss") for c in tok.children)


def _subject_state(subject: Token, resolved: Resolved, focus: str | None) -> str | None:
    """The state a clause's subject stands for: its own, the article's for an event ("the
    talks"), or the first of the examples the parser hung after the verb."""
    st = _state_of(subject, resolved)
    if st is None and subject.lemma_ in EVENT_NOUNS:
        return focus
    examples = _misplaced_examples(subject) if st is None else []
    return _state_of(examples[0], resolved) if examples else st


def _misplaced_examples(subject: Token) -> list[Token]:
    """The states a plural subject names as examples in a list the parser hung on the verb or
    its object ("Thirteen nations joined the exercise, including South Korea, New Zealand and
    the Philippines": "including" on "exercise"); none when the subject names any itself."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.lemma_ not in resources.group_nouns():
        return []
    if any(t.dep_ == "prep" and t.lower_ in EXAMPLE_PREPS for t in subject.subtree):
        return []
    verb = subject.head
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        item
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in EXAMPLE_PREPS and c.i > verb.i
        for p in c.children
        if p.dep_ == "pobj"
        for item in (p, *p.conjuncts)
    ]


def _agents(verb: Token) -> list[Token]:
    """A passive verb's "by" phrases, with those joined to them ("signed by the six members
    ..., and by Egypt")."""
    agents = [t for c in verb.children if c.dep_ == "agent" for t in (c, *c.conjuncts)]
    # "signed by Saudi Arabia and Qatar, and by Egypt": the second "by" joined to the verb
    return agents + [c for c in verb.children if agents and c.dep_ == "conj" and c.lower_ == "by"]


def _agent_state(verb: Token, resolved: Resolved) -> str | None:
    """The first state a passive verb's "by" phrase names."""
    for agent in _agents(verb):
        for t in agent.subtree:
            st = resolved.state_at(t.i)
            if st and not _members_bloc(t, resolved):
                return st
    return None


def _members_bloc(tok: Token, resolved: Resolved) -> bool:
    """A bloc named as what members belong to ("the six members of the Gulf Cooperation
    Council, Saudi Arabia, ..."): the members act, not the bloc."""
    m = resolved.by_token.get(tok.i)
    if m is None or not _is_bloc(m.state or ""):
        return False
    root = tok.doc[m.start : m.end].root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ == "member"


def _subject_holder(holder: Token) -> Token | None:
    """The verb whose subject a clause shares, or None."""
    if _misjoined(holder):
        return holder.head.head  # "warned that the deliveries would prolong ... and accused"
    if (
        holder.dep_ in ("xcomp", "conj", "advcl", "relcl", "ccomp", "acl", "acomp")
        and holder.head != holder
    ):
        return holder.head
    if holder.dep_ == "pcomp" and holder.head.lower_ in SHARED_SUBJECT_PREPS:
        return holder.head.head  # "Algeria responded by recalling its ambassador"
    return None


def _misjoined(verb: Token) -> bool:
    """A finite verb the parser joined to the bare verb of a reported clause ("warned that the
    deliveries would prolong the bloodshed and accused Sweden"): a past or present tense
    cannot share "would", so it goes with the verb of saying above."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and head.tag_ == "VB"
        and head.dep_ == "ccomp"
        and any(c.tag_ == "MD" for c in head.children)
    )


def _gerund_object(holder: Token) -> Token | None:
    """ "criticised the project for relying on Israeli radars", "accused Ankara of buying":
    a gerund after such a preposition is done by the verb's object, not its subject."""
    if (
        holder.dep_ == "pobj"
        and holder.pos_ == "VERB"
        and holder.head.lower_ in ("of", "for")
        and holder.head.head.dep_ == "dobj"
    ):
        # "accusing its former ruler of siding with Congo", the gerund hung on the object
        return holder.head.head
    if holder.dep_ != "pcomp" or holder.head.lower_ in SHARED_SUBJECT_PREPS:
        return None
    about = next((c for c in holder.head.head.children if c.dep_ == "dobj"), None)
    return about if about is not None and about.lower_ not in RECIPROCAL else None


# Prepositions whose gerund shares the clause's subject ("angered Brussels by signing").
SHARED_SUBJECT_PREPS = frozenset(
    {"by", "after", "before", "while", "when", "since", "without", "despite", "through"}
)


def _targets(
    root: Token,
    resolved: Resolved,
    skip: set[int],
    preps: frozenset[str],
    *,
    places: bool = True,
    origins: bool = True,
    groups: bool = False,
) -> list[str]:
    """States a word points at: its object, its with/to/from/against/on phrases, and states
    modifying it ("Russian forces", "EU accession"). Without ``places``, a state that only
    places something inside the phrase is none ("will not recognise the republics in eastern
    Ukraine"); without ``origins``, nor is the place an act comes from ("fired rockets from
    Australian soil", but "retook the town from Russian forces")."""
    out: list[str] = []
    # a verb the tagger took for another word has a subject ("Austria does back ...")
    verbal = root.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in root.children)
    judging = verbal and judges_acts(root)
    for c in root.children:
        if c.dep_ in SKIP_DEPS or (c.dep_ == "prep" and c.lower_ not in preps):
            continue
        if not origins and _origin(c):
            continue
        victims = victim_tokens(c) if judging else set()
        if c.dep_ == "prep" and any(p.lemma_ in CAUSE_HEADS for p in c.children):
            continue  # "in retaliation for a strike in Damascus": the cause, not the target
        if _charge(c, root):
            continue  # "accusing it of being too close to Iran": what the object is charged with
        if c.dep_ == "prep" and (
            any(p.lemma_ in PARTNER_HEADS for p in c.children)
            # "scrapped the deal in favour of a partnership with Washington": the alternative
            or any(p.lemma_ in ALTERNATIVE_HEADS for p in c.children)
            # "with" hung on the verb, after a partner word that is not the trigger itself
            or (c.i > 0 and _partner_word(c.doc[c.i - 1], root, skip))
        ):
            continue  # "cut ties in solidarity with Saudi Arabia": a partner, not the target
        # A clause deeper in the phrase speaks of something else ("on Monday, a small drill
        # that has drawn a reaction from Russia").
        clauses = {
            u.i
            for t in c.subtree
            if t.i != c.i
            and (
                (t.dep_ in ("relcl", "appos", "acl", "advcl", "ccomp") and not _listed(t, resolved))
                or (not places and t.dep_ == "prep" and t.lower_ in LOCATIVE)
                # "condemned the invasion at the United Nations": where it is said
                or (t.dep_ == "prep" and t.lower_ in VENUE_PREPS)
                # "agreed to prepare measures against Turkey": what a clause the word
                # governs is aimed at, unless the word's own preposition says so
                or (
                    c.dep_ == "xcomp"
                    and t.dep_ == "prep"
                    and t.lower_ in AIMED_PREPS
                    and t.lower_ not in preps
                )
                or (not origins and _origin(t))
            )
            for u in t.subtree
        }
        for t in c.subtree:
            if t.i in skip or t.i in clauses or _maker_of(t, resolved) or _private_people(t):
                continue  # "shot down Iranian-made drones": the maker is no target
            if t.i in victims or describing_name(t):
                continue  # "condemned Russia's invasion of Ukraine": the victim is not judged
            if _company_at(resolved, t.i) or _seat_of(t):
                continue  # "signed a contract with BAE Systems": a company is no party
            st = (
                resolved.state_at(t.i)
                or _bloc_reference(t, resolved)
                or _owner_of(t, resolved)
                or _described_target(t, resolved)
                or _relative_object(t, resolved)
                or _pronoun_object(t, resolved)
            )
            for found in [st] if st or not groups else _aimed_group(t, resolved):
                if found and found not in out:
                    out.append(found)
    return out


SEATED = frozenset({"based", "headquartered", "registered"})


def _seat_of(tok: Token) -> bool:
    """Whether a state's word only says where something sits ("the Budapest-based
    International Investment Bank"): a place, not a party."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in SEATED


def _charge(phrase: Token, root: Token) -> bool:
    """Whether an "of" phrase with a clause is what the verb's object is charged with
    ("accused Qatar of backing ..."), when the verb has an object of its own."""
    return (
        phrase.dep_ == "prep"
        and phrase.lower_ == "of"
        and any(p.dep_ == "pcomp" for p in phrase.children)
        and any(d.dep_ == "dobj" for d in root.children)
    )


def _pronoun_object(tok: Token, resolved: Resolved) -> str | None:
    """The state a pronoun object stands for ("cut ties with Qatar, accusing it of being too
    close to Iran": Qatar, not the state named in what it is accused of)."""
    if tok.lower_ not in ("it", "them") or tok.dep_ not in ("dobj", "dative"):
        return None
    # "the ministries also criticised it" is said of an act, not of a state
    return resolved.object_antecedent(tok) if charged(tok) else None


def _listed(tok: Token, resolved: Resolved) -> bool:
    """Whether an apposition is one more item of a list of states that the parser hung on the
    item before it ("with Britain, the EU and others")."""
    if tok.dep_ != "appos":
        return False
    own, head = resolved.state_at(tok.i), resolved.state_at(tok.head.i)
    return own is not None and head is not None and own != head


def _aimed_group(tok: Token, resolved: Resolved) -> list[str]:
    """The states a counted plural object stands for ("suspended security assistance to the
    three countries")."""
    if tok.dep_ not in ("pobj", "dobj") or tok.tag_ != "NNS":
        return []
    return resolved.group(tok)


def _partner_word(word: Token, root: Token, skip: set[int]) -> bool:
    """Whether a word before a "with" the parser hung on a verb makes it a partner's
    ("cut ties in solidarity with Saudi Arabia"); not when the word is the trigger read."""
    return word.lemma_ in PARTNER_HEADS and word != root and word.i not in skip


VICTIM_PREPS = frozenset({"of", "on", "against", "in", "into", "upon"})
AIMED_PREPS = frozenset({"against", "on", "upon"})
"""Prepositions naming what an act is aimed at ("measures against Turkey")."""


def judges_acts(verb: Token) -> bool:
    """A verb that judges what was done ("condemned", "welcomed"), not one pressing for an
    act ("urged sanctions against Algeria": Algeria is pressed)."""
    return (
        verb.lemma_ in resources.judging_verbs() and verb.lemma_ not in resources.pressing_verbs()
    )


@lru_cache(maxsize=1)
def _reversing_words() -> frozenset[str]:
    return frozenset(w for rule in resources.signal_rules().values() for w in rule.reversed_by)


def _undone(act: Token) -> bool:
    """An act noun that a reversing noun takes ("the lifting of sanctions on Iran"): what
    is judged is the undoing, which favours the one the act was aimed at."""
    holder = act.head.head if act.dep_ == "pobj" and act.head.lower_ == "of" else None
    if holder is None:
        return False
    words = _reversing_words()
    return holder.lemma_ in words or holder.lemma_.removesuffix("ing") in words


def victim_tokens(phrase: Token) -> set[int]:
    """The words naming what an act noun in a judged phrase was done to ("condemned Russia's
    invasion of Ukraine", "the strikes on Kyiv"): whoever did it is judged, not they. The
    parties of a cooperative act are no victims ("welcomed the resumption of talks between
    Washington and Tehran")."""
    acts = _act_words()
    if _misattached_victim(phrase, acts):
        return {u.i for u in phrase.subtree}
    return {
        u.i
        for t in phrase.subtree
        if t.pos_ == "NOUN" and t.lemma_.lower() in acts and not _undone(t)
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in VICTIM_PREPS
        for u in c.subtree
    }


@lru_cache(maxsize=1)
def _act_words() -> frozenset[str]:
    """Trigger words of acts done to someone: all but cooperative acts of two sides."""
    rules = resources.signal_rules()
    return frozenset(
        w
        for w, kind in _word_triggers().items()
        if not (rules[kind].symmetric and rules[kind].direction > 0)
    )


def _misattached_victim(phrase: Token, acts: frozenset[str]) -> bool:
    """Whether a verb's phrase is the victim's of the act noun just before it, which the
    parser hung on the verb ("criticised the strikes on Syria")."""
    if phrase.dep_ != "prep" or phrase.lower_ not in VICTIM_PREPS or phrase.i == 0:
        return False
    before = phrase.doc[phrase.i - 1]
    return (
        before.dep_ == "dobj"
        and before.head == phrase.head
        and before.pos_ == "NOUN"
        and before.lemma_.lower() in acts
        and not _undone(before)
    )


def _owner_of(tok: Token, resolved: Resolved) -> str | None:
    """The state a possessive pronoun in an act's phrase stands for, when what it owns is a
    state's own ("struck positions inside its territory"); a possessive description stands
    for its state whatever it owns ("had blocked the country's membership")."""
    if tok.dep_ == "poss" and tok.pos_ == "NOUN" and _definite_state_reference(tok):
        return resolved.antecedent(tok)
    if tok.dep_ != "poss" or tok.lower_ not in ("its", "their"):
        return None
    if tok.head.lemma_ not in resources.state_possessions():
        return None
    return resolved.antecedent(tok)


def _relative_object(tok: Token, resolved: Resolved) -> str | None:
    """The state a relative pronoun that is the object of its clause stands for ("the
    European Union, which Serbia hopes to join"): the noun the clause hangs on."""
    if tok.lower_ not in ("which", "that") or tok.dep_ not in ("dobj", "pobj"):
        return None
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return None
    head = clause.head
    if head.dep_ == "pobj":
        return None  # "the war in Ukraine, which Algeria declined to condemn": the war
    return resolved.state_at(head.i)


def _definite_state_reference(tok: Token) -> bool:
    """ "the country", "the kingdom": a definite description that stands for a state."""
    ref = resources.reference(tok)
    return (
        ref is not None
        and ref.kind == "state"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def _described_target(tok: Token, resolved: Resolved) -> str | None:
    """The state a definite description aimed at stands for ("sanctions on the junta",
    "strikes against the regime"): the state it refers back to."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "against", "with") or tok.pos_ != "NOUN":
        return None
    ref = resources.reference(tok)
    if ref is None or ref.kind != "state":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    found = resolved.antecedent(tok)
    named = [
        (t.i, st)
        for c in sentence(tok)
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
        if (st := resolved.state_at(t.i))
    ]
    doers = {st for _, st in named}
    if found not in doers:
        return found
    # "The United States, Britain and the EU imposed sanctions on the junta": who acts is not
    # what it acts on; another state the sentence names as a doer is ("Senegal restored ties
    # with China, and Taipei severed its own ties with the West African country"), else the
    # state the article is about.
    verb = _governing_verb(tok)
    _found, subject = _subject(verb, tok, resolved, None)
    acting = {subject} | {
        st
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
        if (st := resolved.state_at(t.i))
    }
    focus = resolved.focus()
    others = sorted({st for i, st in named if i < tok.i} - acting)  # named before it
    if found in acting:
        return others[0] if len(others) == 1 else (focus if focus not in acting else None)
    return focus if focus not in doers else found


def _at_armed_group(tok: Token, verb: Token) -> bool:
    """Whether what an attack strikes is an armed group's ("struck militant positions",
    "airstrikes on rebel camps"), not a state's."""
    words = resources.speaker_words()
    targets = [c for c in verb.children if c.dep_ == "dobj"] if verb == tok else []
    targets += [
        p
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    grouped = any(
        words.get(w.lemma_.lower()) == "armed_group"
        for t in targets
        for w in (t, *(c for c in t.children if c.dep_ in ("amod", "compound", "nmod")))
    )
    # "struck a guerrilla camp inside Ecuadorean territory": across a border, the state whose
    # ground it is is struck too
    inside = any(t.lower_ in ("inside", "territory") for w in targets for t in w.subtree) or any(
        c.dep_ == "prep" and c.lower_ == "inside" for c in verb.children
    )
    return grouped and not inside


def _private_people(tok: Token) -> bool:
    """Whether a state word only describes people who are not the state ("Syrian refugees",
    "Houthi rebels", "Belarusian civil society", "the Venezuelan opposition")."""
    return tok.dep_ in ("amod", "compound", "nmod", "poss") and resources.speaker_words().get(
        tok.head.lemma_.lower()
    ) in ("armed_group", "independent", "outside")


def _origin(tok: Token) -> bool:
    """Whether a preposition names where an act comes from: a "from" phrase on a place or a
    state, not on forces ("from Belarusian territory", not "from Russian forces")."""
    if tok.dep_ != "prep" or tok.lower_ != "from":
        return False
    return not any(c.dep_ == "pobj" and _is_forces(c) for c in tok.children)


def _bloc_reference(tok: Token, resolved: Resolved) -> str | None:
    """The bloc a definite description stands for ("moved closer to the alliance")."""
    if tok.lemma_ not in _bloc_words() or tok.pos_ != "NOUN":
        return None
    # "the West African bloc ECOWAS": a bloc named right after the noun is the one it is,
    # however the parser hangs the name.
    named = resolved.state_at(tok.i + 1) if tok.i + 1 < len(tok.doc) else None
    if named is not None and _is_bloc(named):
        return named
    # "the Russian-led CSTO alliance": the bloc named in the noun's own modifiers
    for c in tok.children:
        named = resolved.state_at(c.i) if c.dep_ in ("compound", "nmod") else None
        if named is not None and _is_bloc(named):
            return named
    return resolved.antecedent(tok)


@lru_cache(maxsize=1)
def _bloc_words() -> frozenset[str]:
    return frozenset(r.lemma for r in resources.references().values() if r.kind == "bloc")


@dataclass
class Context:
    """What every trigger of an article shares."""

    doc: Doc
    resolved: Resolved
    dates: list[DateMention]
    cues: list[StanceCueRow]
    focus: str | None
    weapon_tokens: set[int]
    weapon_names: frozenset[int]
    pressurers: dict[int, set[str]]
    pressured: set[int]
    out: list[AlignmentRow] = field(default_factory=list)
    seen: set[tuple[str, str, str, int]] = field(default_factory=set)
    exercise: tuple[int, list[str]] | None = None  # (sentence start, parties) of the last drill

    def hedged(self, sent: Span) -> bool:
        """Whether a sentence carries real uncertainty ("reportedly", "could"), not reported
        future."""
        return any(
            c.type == "hedge"
            and c.cue.lower() not in WEAK_HEDGES
            and sent.start_char <= c.start < sent.end_char
            for c in self.cues
        )

    def emit(
        self, subject: str, counterpart: str, kind: str, direction: int, tok: Token, sent: Span
    ) -> None:
        key = (subject, counterpart, kind, sent.start)
        if key in self.seen or subject == counterpart:
            return
        if not (_is_state(subject) and _is_state(counterpart)):
            return
        self.seen.add(key)
        rule = resources.signal_rules()[kind]
        when = date_for_clause(self.dates, self.doc, tok)
        self.out.append(
            AlignmentRow(
                subject=subject,
                counterpart=counterpart,
                direction=direction,
                type=kind,
                basis=rule.basis,
                weight=round(rule.weight * (HEDGE_FACTOR if self.hedged(sent) else 1.0), 3),
                date=when.value if when else None,
                sentence=clean_sentence(sent),
                start=tok.idx,
                end=tok.idx + len(tok.text),
            )
        )


def _deal_rows(
    ctx: Context, deal: ProcurementRow, refused: set[tuple[str | None, str | None, str | None]]
) -> Iterator[AlignmentRow]:
    """Both sides of an arms transfer; a cancelled deal points the recipient away, a refused
    one the refuser (and a refused request only the one who asked)."""
    rules, weights = resources.signal_rules(), resources.status_weights()
    if not deal.supplier or not deal.recipient or deal.supplier == deal.recipient:
        return
    if not _is_state(deal.recipient) or not _is_state(deal.supplier):
        return
    span = ctx.doc.char_span(deal.start, deal.end, alignment_mode="expand")
    factor = HEDGE_FACTOR if span is not None and ctx.hedged(sentence(span[0])) else 1.0
    # "pledged military aid to Ukraine": aid named as such is military aid on both sides.
    aid = span is not None and span.text.lower() in _aid_terms()
    if deal.status == REFUSED:
        parts = [(deal.supplier, deal.recipient, "arms_refusal", -1, 1.0)]
    else:
        sw = weights[deal.status]
        taking, giving = (
            ("military_aid", "military_aid") if aid else ("arms_procurement", "arms_supply")
        )
        parts = [(deal.recipient, deal.supplier, taking, sw.direction, sw.weight)]
        if (
            deal.status == "cancelled"
            and span is not None
            and _ended_by(ctx, span) == deal.supplier
        ):
            # "Italy revoked licences for the export of bombs to Saudi Arabia": the seller
            # turns away
            parts = [(deal.supplier, deal.recipient, giving, sw.direction, sw.weight)]
        if sw.direction > 0 and (deal.system, deal.supplier, deal.recipient) not in refused:
            parts.append((deal.supplier, deal.recipient, giving, 1, sw.weight))
    for subject, counterpart, kind, direction, status_weight in parts:
        rule = rules[kind]
        yield AlignmentRow(
            subject=subject,
            counterpart=counterpart,
            direction=direction,
            type=kind,
            basis=rule.basis,
            weight=round(status_weight * rule.weight * factor, 3),
            date=deal.date,
            sentence=deal.sentence,
            start=deal.start,
            end=deal.end,
        )


def _ended_by(ctx: Context, span: Span) -> str | None:
    """The state whose verb of ending governs a weapon mention ("Germany suspended the sale of
    tanks"): the subject of the nearest verb above it that ends a deal."""
    index = frame_index(ctx.doc)
    tok = span.root
    for _ in range(8):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and any(f.status == "cancelled" for f in index.get(tok.i, ())):
            # "a deal for jets from Russia was abandoned": a passive names what ended
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return ctx.resolved.subject_state(subj) if subj is not None else None
    return None


@lru_cache(maxsize=1)
def _aid_terms() -> frozenset[str]:
    """Generic weapon terms that are aid ("military aid", "security assistance"): the weapon
    terms that are also triggers of the military aid class."""
    triggers = {t.lower() for t in resources.signal_rules()["military_aid"].triggers}
    return frozenset(t.term.lower() for t in resources.weapon_terms() if t.term.lower() in triggers)


def _triggers(doc: Doc) -> list[tuple[Token, str]]:
    """Trigger tokens and their classes. A phrase is read as a whole: a word inside a longer
    trigger phrase does not fire on its own ("close ties" is support, not a closure)."""
    found: list[tuple[Token, str]] = []
    inside: set[int] = set()
    for span in doc.spans[TERMS_KEY]:
        if span.label_ == "SIGNAL":
            found.append((span.root, span.id_))
            inside.update(range(span.start, span.end))
    words, commanded, aimed = _word_kinds(), _commanded_triggers(), _weapon_verbs()
    for i, (lower, lemma, _) in enumerate(token_table(doc)):
        if i not in inside:
            found.extend((doc[i], kind) for kind in words.get(lemma) or words.get(lower) or ())
        if lemma in commanded:
            found.append((doc[i], commanded[lemma]))
        if lemma in aimed and _aims_weapons(doc[i], aimed[lemma]):
            found.append((doc[i], aimed[lemma]))
    return found


@lru_cache(maxsize=1)
def _weapon_verbs() -> dict[str, str]:
    return {
        verb: rule.type for rule in resources.signal_rules().values() for verb in rule.weapon_verbs
    }


def _aims_weapons(verb: Token, kind: str) -> bool:
    """Whether a verb sends weapons at something ("launched 122 missiles and 36 drones against
    cities across Ukraine", "wave after wave of cruise missiles at power stations"): a weapon in
    its clause, not in its subject or its aim, and a preposition of aim in the clause."""
    if verb.pos_ != "VERB":
        return False
    named = weapon_tokens(verb.doc)
    preps = resources.signal_rules()[kind].aim_preps
    clause = [t for t in verb.subtree if t != verb and _clause_of(t) == verb]
    aims = [t for t in clause if t.dep_ == "prep" and t.lower_ in preps]
    aside = {
        u.i for t in (*aims, *(c for c in verb.children if c.dep_ == "nsubj")) for u in t.subtree
    }
    return bool(aims) and any(
        t.i in named and t.pos_ == "NOUN" and t.i not in aside for t in clause
    )


def _withheld_aid(tok: Token, kind: str) -> bool:
    """Whether aid named as a weapon term ("military aid") is what a reversing verb of its class
    acts on ("suspended military aid", "froze $4.7 million in military assistance"): given, it
    is a deal row; withheld, no deal but still a signal."""
    if kind != "military_aid":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of"):
        tok = tok.head.head  # "$4.7 million in military assistance"
    reversing = resources.signal_rules()["military_aid"].reversed_by
    if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.lemma_ not in reversing:
        return False
    # its recipient named beside it ("to Egypt", "for Kyiv"), not guessed from the sentence
    return any(
        c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
        for h in (tok, tok.head)
        for c in h.children
    )


@lru_cache(maxsize=1)
def _commanded_triggers() -> dict[str, str]:
    return {
        trig: rule.type for rule in resources.signal_rules().values() for trig in rule.commanded
    }


def _commanded(ctx: Context, tok: Token, kind: str, sent: Span) -> bool:
    """ "Niger ordered the French ambassador to leave the country": a commanded act is the
    commander's, aimed at the state of the one commanded; uncommanded ("the ambassador left")
    it says nothing. True when the act is commanded."""
    rule = resources.signal_rules()[kind]
    command = tok.head
    # "ordered the ambassador to leave"; "ordered French troops out of the country"
    # ("gave the French ambassador 48 hours to leave": a purpose clause of the giving)
    infinitive = tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)
    ordered = (
        tok.dep_ == "xcomp" or infinitive or (tok.pos_ in ("ADP", "ADV") and tok.i > command.i)
    )
    if not ordered or command.lemma_ not in rule.command_verbs:
        return False
    acting = command.head.head if command.dep_ == "pcomp" else command  # "responded by ordering"
    commander = next((c for c in acting.children if c.dep_ == "nsubj"), None)
    commanded = next((c for c in command.children if c.dep_ in ("dobj", "dative")), None)
    if commander is None or commanded is None:
        return True
    doer, done = _state_of(commander, ctx.resolved), ctx.resolved.subject_state(commanded)
    read = _class(ctx, tok, kind, command, sent) if doer and done else None
    if read is not None and doer is not None and done is not None:
        # "Italy, Spain and Denmark ordered Russian diplomats to leave": each of them
        for st in [doer, *_conjoined_subjects(ctx, acting, doer)]:
            if st != done:
                ctx.emit(st, done, read[0], read[1], tok, sent)
    return True


def _presence(ctx: Context, tok: Token, sent: Span) -> None:
    """A base or forces one state has in another: host and sender move toward each other; a
    presence refused or ended moves the host away; forces sent to no state while a drill is
    in the news take part in it ("have also deployed troops"), as does its host ("Morocco is
    again the main host")."""
    rule = resources.signal_rules()["military_base"]
    negated, refused = _polarity(tok, _governing_verb(tok))
    # "Poland hosts American troops": whose troops they are is a party, not a modifier.
    skip = set() if rule.weapon_parties else ctx.weapon_tokens
    based = _basing(tok, ctx.resolved, skip)
    sending = resources.signal_rules()["exercise_participation"].sending
    # "Morocco is again the main host": what a state is, while a drill is in the news
    hosting = tok.pos_ == "NOUN" and tok.dep_ == "attr" and tok.lemma_ in rule.hosting_verbs
    if not based and (tok.lemma_ in sending or hosting) and _drill_news(ctx, tok, sent):
        _participation(ctx, tok, sent)
        return
    # "Biden hosted Modi at the White House": a leader hosted is a visit, not forces
    visit = any(_person(c, ctx.resolved) for c in tok.children if c.dep_ == "dobj")
    shown = "visit" if visit else rule.type
    # "the closure of French bases in Chad": the presence ends; its host moves away
    ended = tok.head.tag_ != "VBG" and _reversed(
        tok, _governing_verb(tok), rule, sentence_words(sent)[1]
    )
    for host, owner in [] if negated else _subjects_listed(ctx, tok, based):
        ctx.emit(host, owner, shown, -1 if refused or ended else 1, tok, sent)
        if not refused and not ended:
            # Consent binds both: the sender moves toward its host as the host toward it.
            ctx.emit(owner, host, shown, 1, tok, sent)


def _special(ctx: Context, tok: Token, kind: str, sent: Span) -> bool:
    """Bases and "member" phrases have their own shapes; True when handled here. Negation
    and refusal read them as every other class ("refused to host American troops")."""
    if kind == "military_base":
        _presence(ctx, tok, sent)
        return True
    if kind == "membership" and tok.lemma_ in ("member", "ally"):
        if _polarity(tok, _governing_verb(tok))[0]:
            return True  # "is not a member of NATO"
        along = _along_with(ctx, _governing_verb(tok))
        for member, bloc in _membership(tok, ctx.resolved):
            for st in [member, *along]:
                if st != bloc:
                    ctx.emit(st, bloc, "membership", 1, tok, sent)
        _designated(ctx, tok, sent)
        return True
    if kind == "membership" and _bloc_acts(ctx, tok, sent):
        return True
    if kind == "diplomatic_restoration" and tok.lemma_ == "switch":
        _switch(ctx, tok, sent)
        return True
    if kind == "diplomatic_rupture" and _declared_unwelcome(ctx, tok, sent):
        return True
    if kind == "agreement" and _agreed_act(tok):
        return True  # "agreed to restore relations with Qatar": the act agreed on is the signal
    if kind == "exercise_participation" or (
        kind == "membership" and _joins_forces(tok, ctx.resolved)
    ):
        _participation(ctx, tok, sent)
        return True
    return False


def _subjects_listed(
    ctx: Context, tok: Token, pairs: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Pairs with the subject's state repeated for each state listed with it ("Aircraft from
    France, Italy and the United States have flown patrols from Romanian bases")."""
    verb = _governing_verb(tok)
    for _ in range(3):  # "have troops stationed in Estonia": the clause with the subject
        if _has_subject(verb) or verb.dep_ not in ("acl", "xcomp") or verb.head == verb:
            break
        verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
    subject = _subject(verb, tok, ctx.resolved, None)[1]
    out = list(pairs)
    for a, b in pairs:
        if subject not in (a, b):
            continue
        for st in _conjoined_subjects(ctx, verb, subject):
            pair = (st, b) if a == subject else (a, st)
            if st not in (a, b) and pair not in out:
                out.append(pair)
    return out


def _designated(ctx: Context, tok: Token, sent: Span) -> None:
    """ "The United States designated Brazil a major non-NATO ally": a state that makes
    another its ally moves toward it."""
    verb = tok.head
    rule = resources.signal_rules()["membership"]
    if tok.dep_ not in ("oprd", "dobj") or verb.lemma_ not in rule.designating:
        return
    maker = _subject(verb, verb, ctx.resolved, None)[1]
    made = [
        st
        for c in verb.children
        if c.dep_ == "dobj" and c.i < tok.i
        if (st := ctx.resolved.state_at(c.i))
    ]
    for st in made:
        if maker and st != maker and resources.is_country(maker):
            ctx.emit(maker, st, "verbal_support", 1, tok, sent)


def _declared_unwelcome(ctx: Context, tok: Token, sent: Span) -> bool:
    """ "Nicaragua declared the European Union's ambassador persona non grata", "Spain's envoy
    was declared persona non grata by Caracas": the declarer moves away from the state of the
    one declared, however the parser hung the phrase; True when read here."""
    rule = resources.signal_rules()["diplomatic_rupture"]
    verb = next((t for t in (tok, *tok.ancestors) if t.lemma_ in rule.designating), None)
    # "persona non grata" is a phrase; "unwelcome" a word
    # a word declared is the verb's own complement ("declared 40 diplomats unwelcome"), not
    # one deeper in the clause ("declared surplus after budget cuts")
    word = tok.doc[tok.i : tok.i + 1] if verb is not None and tok.head == verb else None
    phrase = next((s for s in tok.doc.spans[TERMS_KEY] if s.start <= tok.i < s.end), word)
    if verb is None or phrase is None or phrase.start <= verb.i or verb.pos_ != "VERB":
        return False
    if _polarity(verb, verb)[0]:
        return True  # "has not declared the envoy persona non grata"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive:  # "by Caracas", wherever the parser hung it
        bys = [t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep")]
        doers = [c for t in bys for c in t.children if c.dep_ == "pobj"]
    else:
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doer = next((st for c in doers if (st := _state_of(c, ctx.resolved))), None)
    if passive:
        declared = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
    else:
        declared = list(tok.doc[verb.i + 1 : phrase.start])
    done = next((st for t in declared if (st := ctx.resolved.state_at(t.i))), None)
    if doer is not None and done is not None and doer != done:
        ctx.emit(doer, done, "diplomatic_rupture", -1, tok, sent)
    return True


def _bloc_acts(ctx: Context, tok: Token, sent: Span) -> bool:
    """A bloc admitting, inviting or suspending states ("NATO admitted Poland", "the group
    invited Iran to join", "the African Union suspended Niger"); True when read here."""
    rule = resources.signal_rules()["membership"]
    if tok.lemma_ in rule.admitting or tok.lower_ in rule.admitting:
        _admitted(ctx, tok, sent)
    elif tok.lemma_ in rule.inviting:
        _invited(ctx, tok, sent)
    elif tok.lemma_ in rule.expelling:
        _expelled(ctx, tok, sent)
    else:
        return False
    return True


def _admitted(ctx: Context, verb: Token, sent: Span) -> None:
    """ "NATO admitted Poland, Hungary and the Czech Republic", "Finland was admitted to
    NATO", "the League voted to readmit Syria": each state taken in moves toward the bloc that
    takes it in, and the bloc toward it."""
    if verb.pos_ != "VERB" or _polarity(verb, verb)[0]:
        return
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    takers = [c for c in verb.children if c.dep_ == ("agent" if passive else "nsubj")]
    if not takers and verb.dep_ == "xcomp":  # "the League voted to readmit Syria"
        takers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    taken = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if passive:
        takers += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")]
    for bloc in _blocs_in(ctx, takers)[:1]:
        for st in _listed_states(ctx, taken):
            ctx.emit(st, bloc, "membership", 1, verb, sent)
            ctx.emit(bloc, st, "membership", 1, verb, sent)


def _blocs_in(ctx: Context, phrases: list[Token]) -> list[str]:
    """The blocs phrases name or describe ("NATO", "the alliance")."""
    return [
        st
        for c in phrases
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i) or _bloc_reference(t, ctx.resolved)) and _is_bloc(st)
    ]


def _listed_states(ctx: Context, heads: list[Token]) -> list[str]:
    """The countries objects and their conjuncts name or count ("Poland, Hungary and the Czech
    Republic", "the three states")."""
    found = (
        st
        for c in heads
        for t in (c, *c.conjuncts)
        for st in [ctx.resolved.state_at(t.i), *ctx.resolved.group(t)]
        if st and resources.is_country(st)
    )
    return list(dict.fromkeys(found))


def _expelled(ctx: Context, verb: Token, sent: Span) -> None:
    """ "The African Union suspended Niger from all its activities", "ECOWAS expelled Mali":
    a bloc that suspends or expels a member moves away from it."""
    if verb.pos_ != "VERB" or _polarity(verb, verb)[0]:
        return
    passive = verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)
    if passive:
        # "Guinea was suspended from ECOWAS", "Guinea, ... suspended from ECOWAS, said": the
        # bloc is the agent or the "from" phrase, the member the subject or the noun described
        doers = [
            c
            for c in verb.children
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "from")
        ]
        members = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not members and verb.dep_ in ("acl", "conj", "appos"):
            members = [_described_noun(verb)]
    else:
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        members = [c for c in verb.children if c.dep_ == "dobj"]
    for bloc in _blocs_in(ctx, doers)[:1]:
        for st in _listed_states(ctx, members):
            ctx.emit(bloc, st, "bloc_exit", -1, verb, sent)


def _described_noun(verb: Token) -> Token:
    """The noun a participle describes, through the participles joined to it ("Guinea,
    itself run by soldiers ... and suspended from ECOWAS")."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.head


def _invited(ctx: Context, verb: Token, sent: Span) -> None:
    """ "the group invited Argentina, Egypt and Iran to join", "NATO invited Finland and Sweden
    to join the alliance": a bloc that invites states to join moves toward them, and they
    toward it; an invitation to anything else says nothing."""
    rule = resources.signal_rules()["membership"]
    joins = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in rule.triggers]
    if verb.pos_ != "VERB" or not joins or _polarity(verb, verb)[0]:
        return
    takers = [c for c in verb.children if c.dep_ == "nsubj"]
    takers += [c for j in joins for c in j.children if c.dep_ == "dobj"]
    blocs = _blocs_in(ctx, takers)
    if not blocs and any(c.pos_ == "NOUN" for c in takers):
        # "hosted the BRICS summit, where the group invited ...": the bloc just named
        before = [m.state for m in ctx.resolved.in_span(sent) if m.start < verb.i and m.state]
        blocs = [st for st in before if _is_bloc(st)][-1:]
    for bloc in blocs[:1]:
        for st in _listed_states(ctx, [c for c in verb.children if c.dep_ == "dobj"]):
            ctx.emit(st, bloc, "membership", 1, verb, sent)
            ctx.emit(bloc, st, "membership", 1, verb, sent)


def _switch(ctx: Context, tok: Token, sent: Span) -> None:
    """ "The Solomon Islands switched diplomatic recognition from Taiwan to Beijing": ties
    restored with the state it goes to, cut with the one it leaves."""
    verb = _governing_verb(tok)
    if _class(ctx, tok, "diplomatic_restoration", verb, sent) is None:
        return  # no recognition or ties in sight, or negated
    subject = _trigger_subject(ctx, tok, verb, sent, "diplomatic_restoration")
    if subject is None:
        return
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "from"):
            continue
        for t in prep.subtree:
            st = ctx.resolved.state_at(t.i)
            if st is None or st == subject:
                continue
            if prep.lower_ == "to":
                ctx.emit(subject, st, "diplomatic_restoration", 1, tok, sent)
                ctx.emit(st, subject, "diplomatic_restoration", 1, tok, sent)
            else:
                ctx.emit(subject, st, "diplomatic_rupture", -1, tok, sent)


def _agreed_act(verb: Token) -> bool:
    """Whether "agree" introduces an act of another signal class ("agreed to restore
    relations", "agreed to hold joint drills"), which speaks for itself."""
    if verb.pos_ != "VERB":
        return False
    words, rules = _word_triggers(), resources.signal_rules()
    return any(
        c.dep_ == "xcomp"
        and words.get(c.lemma_) not in (None, "agreement")
        and not rules[words[c.lemma_]].yields_to_agreement
        for c in verb.children
    )


def _is_forces(tok: Token) -> bool:
    return any(f.id == FORCES for f in frame_index(tok.doc).get(tok.i, ()))


def _forces_phrases(ctx: Context, verb: Token) -> list[Token] | None:
    """The phrases naming who takes part when a verb joins or brings forces to a drill, or
    None when it does neither."""
    if _joins_forces(verb, ctx.resolved):
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    rule = resources.signal_rules()["exercise_participation"]
    if verb.lemma_ in rule.arriving:
        return _arrivals(ctx, verb)
    if verb.lemma_ in rule.moving:
        return _moved_alongside(ctx, verb)
    if verb.lemma_ in rule.listing:
        # "African contingents include Ghana, Nigeria and Senegal", "besides Australia, the
        # participants include Singapore": the clause names who takes part
        kinds = _weapon_kinds(verb.doc)
        forces = any(
            c.dep_ == "nsubj"
            and (_fielded(c, kinds) or _word_triggers().get(c.lower_) == rule.type)
            for c in verb.children
        )
        return [verb] if forces else []
    return None


def _party_tokens(
    verb: Token, phrases: list[Token], resolved: Resolved
) -> list[tuple[Token, Token]]:
    """The words (with their phrase) of the phrases that name who takes part, and, for a
    participle with no subject of its own, of the noun it describes ("Norwegian brigades
    trained alongside U.S. Marines", with "trained" hung on "brigades"). A relative clause
    on a state names no party ("Hungary, whose government keeps channels to the Kremlin, is
    sending a contingent")."""
    said = {
        t.i
        for c in phrases
        for r in c.subtree
        if r.dep_ == "relcl" and r != c and resolved.state_at(r.head.i)
        for t in r.subtree
    }
    words = [(c, t) for c in phrases for t in c.subtree if t.i not in said]
    if verb.dep_ == "acl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        inner = {t.i for t in verb.subtree}
        words += [(verb.head, t) for t in verb.head.subtree if t.i not in inner]
    return words


def _judge_in_relative(tok: Token) -> bool:
    """Whether a state is the subject of a relative clause that speaks of what the sentence
    tells ("joined Greek forces in drills, a move Turkish officials described as
    provocative"): it looks on, no party to the act."""
    head = tok
    while head.dep_ in ("amod", "compound", "poss") and head.head != head:
        head = head.head
    return head.dep_ == "nsubj" and head.head.dep_ == "relcl"


def _built_in(tok: Token) -> bool:
    """Whether a state is named in a participle that says where something was made ("a ship
    built in Germany"): its origin, no party to what the sentence tells."""
    frames = frame_index(tok.doc)
    return any(
        a.dep_ == "acl" and any(f.id == "produce" for f in frames.get(a.i, ()))
        for a in tok.ancestors
    )


def _moved_alongside(ctx: Context, verb: Token) -> list[Token]:
    """ "Vessels from India and Japan sailed alongside Australian frigates", "Norwegian F-35s
    will fly alongside US jets", "ships from Turkey also sailed": forces or platforms moving
    beside another state's forces, or simply moving, in a drill take part with them, for the
    states that field each side; moving anywhere else ("Russian jets flew over the drills")
    is no part in it."""
    kinds = _weapon_kinds(verb.doc)

    def fielded(tok: Token) -> bool:
        return any(_fielded(t, kinds) for t in (tok, *tok.conjuncts))

    flown = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    platforms = [c for c in flown if fielded(c)]

    def sent_from(tok: Token) -> bool:  # "vessels from India"
        return any(
            p.dep_ == "prep"
            and p.lower_ == "from"
            and any(ctx.resolved.state_at(t.i) for t in p.subtree)
            for p in tok.children
        )

    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and (fielded(c) or sent_from(c) or platforms)
    ]
    beside = [
        prep
        for prep in verb.children
        if prep.dep_ == "prep"
        and prep.lower_ in ("alongside", "with")
        and any(p.dep_ == "pobj" and fielded(p) for p in prep.children)
    ]
    # "ships from Turkey and Norway also sailed": forces sent from states that move with no
    # place to move to take part; moving over, near or toward something does not ("bombers
    # flew over the drills"), nor do a state's own ships that just sail ("Chinese warships
    # sailed nearby": maybe to watch)
    elsewhere = any(
        c.dep_ in ("prep", "advmod") and c.lower_ not in STAYING_PREPS and c not in beside
        for c in verb.children
        if c.lower_ != "also"
    )
    if platforms:
        # "the air force flies MiG-29s": what a force flies, it operates; "are flying
        # Typhoons alongside Finnish Hornets": platforms flown beside another's take part
        return [*subjects, *beside] if beside and platforms == flown else []
    # "US F-16s and Moroccan F-16s will fly joint sorties": the forces of several states
    # moving together
    fielders = {
        st
        for c in subjects
        for t in (c, *c.conjuncts)
        for d in t.subtree
        if (st := ctx.resolved.state_at(d.i)) and resources.is_country(st)
    }
    together = len(fielders) > 1 and not elsewhere
    sent = any(sent_from(c) for c in subjects)
    if subjects and (beside or together or (sent and not elsewhere and not flown)):
        return [*subjects, *beside]
    return []


# Prepositions that keep a moving force in the drill ("sailed in the exercise", "flew during
# the opening phase", "sailed as the flagship").
STAYING_PREPS = frozenset({"in", "during", "for", "as", "with", "alongside", "from", "on"})


def _arrivals(ctx: Context, verb: Token) -> list[Token]:
    """ "Alongside Australian and American forces, troops, ships and aircraft have come from
    Britain, Canada and Tonga": forces or platforms that come to a drill take part for the
    states they come from, with the forces they come alongside; anything else that comes
    ("criticism came from China") takes no part."""
    kinds = _weapon_kinds(verb.doc)
    subjects = [
        t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in (c, *c.conjuncts)
    ]
    if not any(_fielded(t, kinds) or ctx.resolved.state_at(t.i) for t in subjects):
        return []  # "criticism came from China"; "from outside the Americas came Britain"
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "alongside")]
    if any(p.lower_ == "from" for p in preps):
        # the subject's own words name the forces they come alongside ("alongside Australian
        # and American forces, troops have come from Britain", parsed as one subject)
        return [*(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), *preps]
    # else the states themselves as subjects ("came Britain, Spain and Japan"), not whose
    # forces arrive ("Chinese ships arrived off the coast": maybe to watch)
    return [*(t for t in subjects if ctx.resolved.state_at(t.i) and t.pos_ == "PROPN"), *preps]


def _joins_forces(verb: Token, resolved: Resolved) -> bool:
    """ "Contingents from Japan and India joined Mongolian troops": joining another state's
    troops, not a bloc, is taking part in what they do."""
    return verb.lemma_ == "join" and any(
        c.dep_ == "dobj"
        and _is_forces(c)
        and not any((st := resolved.state_at(t.i)) and _is_bloc(st) for t in c.subtree)
        for c in verb.children
    )


PARTY_DEPS = ("nsubj", "nsubjpass", "prep")


def _drill_news(ctx: Context, tok: Token, sent: Span) -> bool:
    """Whether a drill is named in this sentence or in one of the three before, and the
    trigger's clause is not set at another time ("the navy trained with the United States
    in recent years")."""
    if _elsewhen(tok):
        return _names_exercise(sent) and ctx.exercise is None
    return (
        ctx.exercise is not None and ctx.exercise[0] >= sentences_back(tok, 3)
    ) or _names_exercise(sent)


# Words that set a clause at some other time than the news: "in recent years", "in the past",
# "previously".
OTHER_TIMES = frozenset(
    {"previously", "formerly", "once", "earlier", "before", "regularly", "routinely", "often"}
)
OTHER_TIME_NOUNS = frozenset({"year", "past", "decade"})


def _elsewhen(tok: Token) -> bool:
    verb = _governing_verb(tok)
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in OTHER_TIMES:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "over", "for")
            and any(
                p.dep_ == "pobj"
                and p.lemma_ in OTHER_TIME_NOUNS
                and p.tag_ in ("NNS", "NN")
                and (p.lemma_ != "year" or p.tag_ == "NNS")
                for p in c.children
            )
        ):
            return True
    return False


def _names_exercise(sent: Span) -> bool:
    """Whether a sentence names a drill itself ("... in Nordic Response, the largest winter
    exercise")."""
    words = _word_triggers()
    return any(words.get(t.lemma_) == "joint_exercise" for t in sent) or any(
        s.label_ == "SIGNAL" and s.id_ == "joint_exercise"
        for s in sent.doc.spans[TERMS_KEY]
        if sent.start <= s.start < sent.end
    )


# What a state sends to a drill: ships, aircraft and troops; missiles or drones it sends are
# fired or supplied, not a contingent.
PLATFORMS = frozenset(
    {
        "ship",
        "submarine",
        "fighter_aircraft",
        "patrol_aircraft",
        "transport_aircraft",
        "helicopter",
        "combat_helicopter",
    }
)


def _weapon_kinds(doc: Doc) -> dict[int, str]:
    """Token index -> the category of the weapon mention it is part of."""
    return {i: m.category for m in find_weapons(doc) for i in range(m.start, m.end)}


def _sends_platforms(verb: Token, resolved: Resolved) -> bool:
    """Whether what a verb sends is ships, aircraft or troops ("sent a frigate and the
    Netherlands a destroyer"; the gapped subject is no cargo)."""
    doc = verb.doc
    kinds = _weapon_kinds(doc)
    cargo = [
        t
        for c in verb.children
        if c.dep_ == "dobj"
        for t in (c, *c.conjuncts)
        if resolved.state_at(t.i) is None
    ]
    # "sent patrol crews and observers": forces among what is sent
    return any(_fielded(t, kinds) for t in cargo)


def _sent_elsewhere(verb: Token) -> bool:
    """Whether forces are sent to somewhere that is no drill ("sent the carrier
    Independence to waters east of the island" while China's drills are in the news)."""
    words = _word_triggers()
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("to", "into", "toward", "towards")
        and not any(words.get(t.lemma_) == "joint_exercise" for t in prep.subtree)
        for prep in verb.children
    )


def _watching(sent: Span) -> bool:
    """Whether a sentence tells of forces watching or intercepting others ("Japan scrambled
    fighters, and South Korea sent jets"): what is sent there takes no part in a drill."""
    watched_by = resources.signal_rules()["joint_exercise"].watched_by
    return any(t.pos_ == "VERB" and t.lemma_ in watched_by for t in sent)


def _fielded(tok: Token, kinds: dict[int, str]) -> bool:
    """Whether a word names forces a state fields in a drill: troops, ships, aircraft."""
    rule = resources.signal_rules()["exercise_participation"]
    # "B-52 bombers", "F-35 fighters": the designation before a head names what it is
    named = (c for c in tok.children if c.dep_ in ("compound", "nummod") and c.i in kinds)
    return (
        _is_forces(tok)
        or kinds.get(tok.i) in PLATFORMS
        or tok.lemma_ in rule.platform_nouns
        or any(kinds[c.i] in PLATFORMS for c in named)
    )


def _unplanned(verb: Token) -> bool:
    """ "had no plans to send troops": the clause a verb completes is denied."""
    head = verb.head if verb.dep_ in ("acl", "xcomp") else None
    return head is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)


def _participation(ctx: Context, tok: Token, sent: Span) -> None:
    """ "Contingents from Armenia and India also took part": the states of the clause join the
    exercise named in the last three sentences, and all its parties move toward each other."""
    rule = resources.signal_rules()["exercise_participation"]
    if tok.lemma_ in rule.moving and tok.pos_ != "VERB":
        return  # "a no-fly zone"
    if not _drill_news(ctx, tok, sent):
        if tok.pos_ == "VERB" and tok.lemma_ in rule.sending:
            _troops_sent(ctx, tok, sent)  # no drill: troops sent to a state stay there
        else:
            _trained_with(ctx, tok, sent)
        return  # ("troops training in Nordic Response, the largest winter exercise": named here)
    verb = _governing_verb(tok)
    if _negated(verb):
        return
    # "Participants range from Japan, South Korea ... to India and Chile": a noun of
    # participation lists its states anywhere in its clause.
    phrases = [verb] if tok.pos_ == "NOUN" else [c for c in verb.children if c.dep_ in PARTY_DEPS]
    gathers = verb.lemma_ in rule.gathering
    if gathers and not _gathers_forces(ctx, verb):
        return  # "the drills have drawn attention from Beijing"
    if gathers:
        # "which brought together navies from Nigeria, Ghana and Brazil", "opened the drill,
        # drawing delegations from the United States and China": what the drill gathers
        # takes part.
        phrases = [c for c in verb.children if c.dep_ == "dobj" or _gathered_phrase(c)]
    elif (
        verb.dep_ in ("advcl", "xcomp")
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # "... joined Mongolian troops, rehearsing checkpoint duties": a participle's doers
        # are its clause's subjects, not the places it names ("near the border with ...").
        verb = verb.head
        phrases = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if gathers:
        pass  # what the drill gathers was read above
    elif tok.pos_ == "VERB" and tok.lemma_ in rule.sending:
        # Sending ships or troops to a drill is taking part; the object's conjuncts may be
        # gapped subjects, never recipients (nothing is handed over in a drill), and where
        # they go is a place ("no plans to send troops into Afghanistan").
        if (
            _unplanned(verb)
            or not _sends_platforms(verb, ctx.resolved)
            or _watching(sent)
            or _sent_elsewhere(verb)
        ):
            return
        phrases = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        phrases += [
            c for d in verb.children if d.dep_ == "dobj" for c in d.conjuncts if c.dep_ == "conj"
        ]
    elif (forces := _forces_phrases(ctx, verb)) is not None:
        phrases = forces
    joined = [
        st
        for c, t in _party_tokens(verb, phrases, ctx.resolved)
        if (st := ctx.resolved.state_at(t.i))
        and resources.is_country(st)  # "took part as members of NATO": states take part
        # "A Dutch submarine took part": a platform's state takes part, not its maker.
        and (t.i not in ctx.weapon_tokens or (c.dep_ != "prep" and not _maker_of(t, ctx.resolved)))
        and not _built_in(t)  # "the frigate SAS Mendi, a ship built in Germany"
        and not _judge_in_relative(t)
    ]
    if joined and tok.pos_ == "NOUN":
        joined += _hosts(ctx, tok, tok)  # "combat training over northern Australia"
    elif joined and _names_exercise(sent):
        # "... combat training over northern Australia in the Pitch Black exercise, with
        # Germany and Japan taking part": the drill's host takes part with them.
        joined += _hosts(ctx, sent.root, sent.root)
    _join_drill(ctx, tok, sent, joined)


def _gathered_phrase(c: Token) -> bool:
    """Whether a phrase on a verb of gathering names who is gathered: its source ("from
    Nigeria and Ghana"), what forces are brought together with ("brings Norwegian forces
    together with units from Britain") or a list of them set after it ("forces from 32
    countries, among them Britain, Turkey and Romania")."""
    verb = c.head
    if c.dep_ == "prep":
        together = any(t.lower_ == "together" for t in verb.subtree)
        return c.lower_ in ("from", "of") or (c.lower_ == "with" and together)
    return c.dep_ in ("npadvmod", "appos") and any(
        p.dep_ == "prep" and p.lower_ == "among" for p in c.children
    )


def _gathers_forces(ctx: Context, verb: Token) -> bool:
    """Whether what a verb of gathering gathers is forces, platforms or delegations ("drew
    ships from India"), not attention or criticism ("drew criticism from Beijing")."""
    rule = resources.signal_rules()["exercise_participation"]
    kinds = _weapon_kinds(ctx.doc)
    return any(
        _fielded(t, kinds)
        or t.lemma_.lower() in rule.gathered_nouns
        or ctx.resolved.state_at(t.i) is not None
        for c in verb.children
        if c.dep_ == "dobj"
        for t in (c, *c.conjuncts)
    )


def _join_drill(ctx: Context, tok: Token, sent: Span, joined: list[str]) -> None:
    """The states that join the drill in the news take part with all its states; the bloc
    that runs it ("NATO's BALTOPS exercise") is no partner of each state that joins."""
    known = ctx.exercise[1] if ctx.exercise is not None else []
    parties = list(dict.fromkeys([*known, *joined]))
    ctx.exercise = (sent.start, parties)
    states = [p for p in parties if resources.is_country(p)]
    for a in states:
        for b in states:
            if a in joined or b in joined:
                ctx.emit(a, b, "joint_exercise", 1, tok, sent)


def _trained_with(ctx: Context, verb: Token, sent: Span) -> None:
    """ "New Zealand crews have trained alongside Royal Australian Air Force squadrons",
    "Indonesian troops practised with Indian soldiers": training side by side with another
    state's forces is a drill between the two, with no exercise named."""
    rule = resources.signal_rules()["joint_exercise"]
    if verb.pos_ != "VERB" or _polarity(verb, verb)[0]:
        return
    partners = [
        st
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("with", *rule.target_preps)
        for c in prep.children
        if c.dep_ == "pobj"
        and (_is_forces(c) or c.i in ctx.weapon_names or ctx.resolved.state_at(c.i))
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i)) and resources.is_country(st)
    ]
    _found, subject = _subject(verb, verb, ctx.resolved, None)
    if subject is None and verb.dep_ == "acl":  # "soldiers trained alongside ...": a headline
        subject = ctx.resolved.subject_state(verb.head)
    partners = [p for p in partners if p != subject]
    if subject is None or not resources.is_country(subject) or not partners:
        return
    # "Danish, Swedish and Finnish warships sailed with a U.S. destroyer": all of them
    subjects = [subject, *(s for s in _conjoined_subjects(ctx, verb, subject) if s not in partners)]
    subjects = [s for s in subjects if resources.is_country(s)]
    everyone = list(dict.fromkeys([*subjects, *partners]))
    for a in subjects:
        for other in (p for p in everyone if p != a):
            ctx.emit(a, other, "joint_exercise", 1, verb, sent)
            ctx.emit(other, a, "joint_exercise", 1, verb, sent)


def _troops_sent(ctx: Context, verb: Token, sent: Span) -> None:
    """ "Rwanda sent troops to Mozambique", "will send 2,000 troops to Poland and Germany":
    forces one state sends to another, outside any drill, are there by the host's consent (a
    presence, as a base is); each side moves toward the other. The state must be what the
    "to" phrase names, not a place near it ("to the border with Ukraine")."""
    if _negated(verb) or _unplanned(verb) or _refused(verb):
        return
    cargo = [t for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
    cargo += [p for t in cargo for prep in t.children if prep.lower_ == "of" for p in prep.children]
    if not any(_is_forces(t) for t in cargo):
        return
    _found, sender = _subject(verb, verb, ctx.resolved, None)
    hosts = [
        st
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
        for noun in prep.children
        if noun.dep_ == "pobj"
        for t in (noun, *noun.conjuncts)
        if (st := ctx.resolved.state_at(t.i)) and resources.is_country(st)
    ]
    # "the CSTO sent 2,000 troops to Kazakhstan": a bloc's force is there by consent too
    for host in hosts:
        if sender and host != sender and (resources.is_country(sender) or _is_bloc(sender)):
            ctx.emit(host, sender, "military_base", 1, verb, sent)
            ctx.emit(sender, host, "military_base", 1, verb, sent)
    if sender and resources.is_country(sender):
        # "sent troops to the border with Ukraine": forces massed on a border face the state
        # across it
        for faced in _across_border(ctx, verb):
            if faced != sender:
                ctx.emit(sender, faced, "show_of_force", -1, verb, sent)


def _signatories(ctx: Context) -> None:
    """ "Fourteen states signed a letter of intent with Germany ... The signatories included
    Britain, Norway and Latvia": the parties listed after an agreement of the last two
    sentences sign it with all its parties."""
    rule = resources.signal_rules()["agreement"]
    for verb in ctx.doc:
        if verb.lemma_ not in rule.listing or verb.pos_ != "VERB" or _negated(verb):
            continue
        if not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rule.party_nouns
            for c in verb.children
        ):
            continue
        sent = sentence(verb)
        since = ctx.doc[sentences_back(verb, 2)].idx
        signed = [
            r
            for r in ctx.out
            if r.type == "agreement" and r.direction == 1 and since <= r.start < sent.start_char
        ]
        listed = [
            st
            for c in verb.children
            if c.dep_ in ("dobj", "attr")
            for t in c.subtree
            if (st := ctx.resolved.state_at(t.i)) and resources.is_country(st)
        ]
        if not signed or not listed:
            continue
        parties = list(
            dict.fromkeys([*(p for r in signed for p in (r.subject, r.counterpart)), *listed])
        )
        parties = [p for p in parties if resources.is_country(p)]
        for a in parties:
            for b in parties:
                if a in listed or b in listed:
                    ctx.emit(a, b, "agreement", 1, verb, sent)


def _consents(ctx: Context) -> None:
    """ "Rwandan troops deployed to Cabo Delgado at the invitation of the Maputo government",
    "Angola sent troops at President Kabila's request": forces that move on a state's invitation
    or with its consent are there as its guests; each side moves toward the other."""
    rule = resources.signal_rules()["military_base"]
    for noun in ctx.doc:
        if not _consent_phrase(noun) or noun.head.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = noun.head.head
        sender = _forces_sender(ctx, verb)
        while sender is None and verb.dep_ in ("advcl", "xcomp", "conj"):
            verb = verb.head  # "arrived in Estonia to lead a battlegroup, at the invitation of"
            sender = _forces_sender(ctx, verb)
        if verb.lemma_ not in rule.consent_verbs or _negated(verb) or _refused(verb):
            continue  # "paused their operations at the request of Qatar": no forces moved
        host = _consenter(ctx, noun)
        if host and sender and host != sender:
            sent = sentence(noun)
            ctx.emit(host, sender, "military_base", 1, noun, sent)
            ctx.emit(sender, host, "military_base", 1, noun, sent)


def _permitted(ctx: Context) -> None:
    """ "Slovakia's parliament voted to let a NATO battlegroup deploy on its territory": a
    state that lets foreign forces onto its soil hosts them; "revoked the agreement that
    allowed U.S. troops to operate from its territory" ends that."""
    rule = resources.signal_rules()["military_base"]
    ending = resources.signal_rules()["agreement"].reversed_by
    for verb in ctx.doc:
        if verb.lemma_ not in rule.permitting or verb.pos_ != "VERB" or _negated(verb):
            continue
        moves = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
        moves = [m for m in moves if m.lemma_ in rule.consent_verbs]
        forces = [
            c
            for m in moves
            for c in m.children
            if c.dep_ == "nsubj" and (_is_forces(c) or c.i in ctx.weapon_names)
        ]
        found = (ctx.resolved.subject_state(c) for c in forces)
        sender = next((st for st in found if st), None)
        soil = [
            t
            for m in moves
            for p in m.children
            if p.dep_ == "prep" and p.lower_ in ("on", "from", "in", "into")
            for t in p.subtree
            if t.dep_ == "poss" and t.lower_ in ("its", "their")
        ]
        host = next((st for t in soil if (st := ctx.resolved.antecedent(t))), None)
        if host is None:
            host = _subject(verb, verb, ctx.resolved, None)[1]
        if not sender or not host or host == sender or not resources.is_country(host):
            continue
        ended = (
            verb.dep_ == "relcl" and verb.head.dep_ == "dobj" and verb.head.head.lemma_ in ending
        )
        sent = sentence(verb)
        ctx.emit(host, sender, "military_base", -1 if ended else 1, verb, sent)
        if not ended:
            ctx.emit(sender, host, "military_base", 1, verb, sent)


def _by_consent(kind: str, verb: Token) -> bool:
    """Whether an attack's verb says in its own phrase that it acts by a state's consent ("with
    the agreement of the Congolese government"; not "without the consent of Kyiv")."""
    return kind == "armed_attack" and any(
        prep.dep_ == "prep" and any(_consent_phrase(c) for c in prep.children)
        for prep in verb.children
    )


def _consent_phrase(noun: Token) -> bool:
    """Whether a noun is the consent its preposition acts by ("at the invitation of", "with
    the consent of")."""
    rule = resources.signal_rules()["military_base"]
    return (
        noun.dep_ == "pobj"
        and noun.lemma_ in rule.consent_nouns
        and noun.head.lower_ in rule.consent_preps
    )


def _consenter(ctx: Context, noun: Token) -> str | None:
    """The state whose invitation or consent a noun is: its possessor ("at Kabila's request")
    or its "of" phrase ("of the government in Maputo")."""
    words = [t for c in noun.children if c.dep_ == "poss" for t in c.subtree]
    words += [
        t
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "by")
        for t in c.subtree
    ]
    found = (ctx.resolved.state_at(t.i) or ctx.resolved.place_at(t.i) for t in words)
    return next((st for st in found if st and resources.is_country(st)), None)


def _forces_sender(ctx: Context, verb: Token) -> str | None:
    """The state whose forces a verb moves: its subject when that is forces ("Ugandan troops
    crossed into Congo") or when its object is ("Angola sent troops")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    cargo = [t for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
    if any(_is_forces(s) for s in subjects) or any(_is_forces(t) for t in cargo):
        found = (_state_of(s, ctx.resolved) for s in subjects)
        return next((st for st in found if st and resources.is_country(st)), None)
    return None


BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
"""Grammar of places: a border is shared "with" the state across it."""


def _across_border(ctx: Context, verb: Token) -> list[str]:
    """The states across a border that a verb sends forces to ("to the border with Ukraine",
    "towards its frontier with Colombia")."""
    return [
        st
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "toward", "towards")
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_ in BORDER_WORDS
        for w in noun.children
        if w.dep_ == "prep" and w.lower_ == "with"
        for t in w.subtree
        if (st := ctx.resolved.state_at(t.i)) and resources.is_country(st)
    ]


def _own_actor(ctx: Context, tok: Token) -> str | None:
    """The state in a noun trigger's own modifiers ("Russian strikes", "Israel's attack"), or
    in those of the act it belongs to ("Washington's approval of an arms package")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        owner = _own_actor(ctx, tok.head.head)
        if owner is not None:
            return owner
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ == "its":
            return _its_owner(ctx, c)  # "Russia lost buyers since its invasion"
        if c.dep_ == "poss" and c.lower_ == "their" and _listing_subject(ctx, c):
            # "Mali, Burkina Faso and Niger announced their withdrawal": the first of the
            # states listed as subject (the others join as co-subjects)
            return _its_owner(ctx, c)
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < tok.i:
            for t in c.subtree:
                st = ctx.resolved.state_at(t.i)
                if st and not _company(ctx.resolved.by_token[t.i].actor):
                    return st
    return None


def _listing_subject(ctx: Context, their: Token) -> bool:
    """Whether the subject of a "their"'s clause lists states by name."""
    verb = _governing_verb(their.head)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and bool(ctx.resolved.listed_with(subj))


def _aimed_elsewhere(ctx: Context, tok: Token) -> bool:
    """Whether a noun trigger's own "on"/"against" phrase names what it is aimed at, and that
    is no state ("its restrictions on defence cooperation"): no other state of the sentence
    is its target."""
    if tok.pos_ == "VERB":
        return ctx.resolved.group_object(tok)  # "backs the Houthi rebels in Yemen"
    if tok.pos_ != "NOUN":
        return False
    for prep in tok.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("on", "against")
            and not any(ctx.resolved.state_at(t.i) for t in prep.subtree)
        ):
            return True
    return False


def _its_owner(ctx: Context, its: Token) -> str | None:
    """The state an "its" on an act stands for: the subject of its clause when that names a
    state ("the United States would keep its sanctions"), else what "its" refers back to,
    unless that is only a weapon's maker ("Israeli Harop munitions played a role in its
    war")."""
    verb = _governing_verb(its.head)
    # "criticised Russia for its invasion": a judge's object owns what it is judged for
    judged = verb.lemma_ in resources.judging_verbs() and any(
        c.dep_ == "dobj" and ctx.resolved.state_at(c.i) for c in verb.children
    )
    found, subject = _subject(verb, its.head, ctx.resolved, None)
    if found and subject is not None and not judged:
        return subject
    st = ctx.resolved.antecedent(its)
    makers = {
        ctx.resolved.state_at(t.i)
        for t in sentence(its)
        if t.i in ctx.weapon_tokens and ctx.resolved.state_at(t.i)
    }
    return st if st not in makers else None


def _judged(tok: Token, verb: Token, rule: resources.SignalRule) -> bool:
    """Whether a noun trigger is what its verb speaks of or judges ("Russia criticised the
    drills", "Riyadh condemned the attack"): the verb's subject is no party to the act."""
    if tok.pos_ != "NOUN" or verb == tok:
        return False
    # "a protest over the drills", "lodged a protest with Moscow over the drills": a judging
    # noun, or a verb whose object is one, the act hangs on
    if tok.dep_ == "pobj" and tok.head.lower_ in JUDGED_PREPS:
        judge = tok.head.head
        nouns = resources.judging_nouns()
        if judge.lemma_ in nouns or any(
            c.dep_ == "dobj" and c.lemma_ in nouns for c in judge.children
        ):
            return True
    if verb.lemma_ not in resources.judging_verbs() and verb.lemma_ not in rule.watched_by:
        return False
    if verb.lemma_ in (*rule.light_verbs, *rule.reversed_by):
        return False  # "announced sanctions", "called off the drills"
    path = [t for t in _path_up(tok) if t != verb]
    if any(t.dep_ in ("dobj", "nsubjpass", "oprd") for t in path):
        return True
    # "objected to American arms sales", "protested against the drills"
    return any(
        t.dep_ == "pobj"
        and t.head.lower_ in JUDGED_PREPS
        and t.head.head == verb
        # "criticised Russia for its invasion"; not "thanked Washington for a partnership",
        # a tie the thanker is party to
        and (t.head.lower_ != "for" or not rule.symmetric)
        for t in path
    )


JUDGED_PREPS = frozenset({"to", "against", "about", "over", "of", "for"})
"""Prepositions that hang an act on a verb judging it; "for" only an act of one side."""


def _joined(tok: Token, verb: Token) -> bool:
    """Whether a noun trigger is taken up by its verb's subject ("join EU sanctions"), read
    by the class the word itself triggers (before any refusal or reversal)."""
    if tok.pos_ != "NOUN":
        return False
    base = _word_triggers().get(tok.lemma_)
    rules = resources.signal_rules()
    return base in rules and verb.lemma_ in rules[base].joined_by


def _noun_agent(ctx: Context, tok: Token) -> str | None:
    """ "The expulsion of 40 Russian diplomats, announced by Germany": a participle on an act
    noun (or on its "of" object) names the act's doer in its agent phrase."""
    for by in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"):
        # "an air strike by the Saudi-led coalition", "the invasion by Iraq"
        found = (
            ctx.resolved.state_at(t.i)
            for t in by.subtree
            if t.i not in ctx.weapon_names and not _maker_of(t, ctx.resolved)
        )
        st = next((s for s in found if s is not None), None)
        if st is not None:
            return st
    holders = [tok, *(p for c in tok.children if c.dep_ == "prep" for p in c.children)]
    for holder in holders:
        for acl in holder.children:
            if acl.dep_ != "acl":
                continue
            for agent in acl.children:
                if agent.dep_ == "agent":
                    st = next((s for t in agent.subtree if (s := ctx.resolved.state_at(t.i))), None)
                    if st is not None:
                        return st
    return None


def _noun_agents(ctx: Context, tok: Token) -> list[str]:
    """Every state listed in the agent phrase of an act noun's participle ("the blockade
    imposed by Saudi Arabia, the UAE, Bahrain and Egypt"), or among its coordinated owners
    ("American and British strikes on Yemen")."""
    holders = [tok, *(p for c in tok.children if c.dep_ == "prep" for p in c.children)]
    found: list[str] = []
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i and c.conjuncts:
                for item in (c, *c.conjuncts):
                    st = ctx.resolved.state_at(item.i)
                    if st and st not in found:
                        found.append(st)
    for acl in (a for h in holders for a in h.children if a.dep_ == "acl"):
        for agent in (a for a in acl.children if a.dep_ == "agent"):
            for p in (p for p in agent.children if p.dep_ == "pobj"):
                for item in (p, *p.conjuncts):
                    st = ctx.resolved.state_at(item.i)
                    if st and st not in found:
                        found.append(st)
    return found


def _subject_mates(ctx: Context, tok: Token, verb: Token, subject: str) -> list[str]:
    """The states coordinated with the subject's own in the subject phrase ("officials in
    Tokyo and Canberra", the parser joining the second place to the officials), for a trigger
    outside that phrase; not a place an envoy serves in ("Russia's ambassador in Stockholm")."""
    found: list[str] = []
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.left_edge.i <= tok.i <= subj.right_edge.i:
            return []
        own = [t for t in subj.subtree if ctx.resolved.state_at(t.i) == subject]
        if not own:
            continue
        joined = [c for t in own for c in t.conjuncts]
        joined += [c for c in subj.children if c.dep_ == "conj"]
        found += [
            st
            for c in joined
            if (st := ctx.resolved.state_at(c.i)) and st != subject and st not in found
        ]
    return found


def _trigger_subject(ctx: Context, tok: Token, verb: Token, sent: Span, kind: str) -> str | None:
    rule = resources.signal_rules()[kind]
    # A directed act's doer ("the expulsion ..., announced by Germany"); who brokers or hosts
    # a pact or a drill is no party to it.
    if (
        tok.pos_ == "NOUN"
        and not rule.symmetric
        and (agent := _noun_agent(ctx, tok))
        and _is_state(agent)
    ):
        return agent
    if _judged(tok, verb, rule) or _in_spite_of(tok):
        # ("bought Chinese air defence despite warnings": whoever warned, not the buyer)
        own = _own_actor(ctx, tok)
        return own if own is not None and _is_state(own) else None
    if _joined(tok, verb):
        # "Serbia refused to join EU sanctions on Russia": who joins them acts, whoever
        # designed them.
        found, joiner = _subject(verb, verb, ctx.resolved, ctx.focus)
        return joiner if found and joiner is not None and _is_state(joiner) else None
    if rule.owner_acts:
        owned = _owned_context(ctx, tok, rule)
        if owned is not None:
            return owned or None
    if rule.light_verbs and _nominal(tok):
        # "Russian strikes", "sanctions from the European Union": whose act the noun is
        own = _own_actor(ctx, tok) or _source_of(ctx, tok)
        if own is not None or not _carried_by(tok, verb, rule):
            return own if own is not None and _is_state(own) else None
    if kind != "agreement" and _pact_subject(verb):
        return None  # "the Israel-Morocco pact threatened the region": the pact's parties
    if rule.basis == "verbal" and any(
        c.dep_ == "nsubj"
        and (
            (not ctx.resolved.state_at(c.i) and stateless_speaker(c, ctx.resolved))
            # "Russian Su-25 jets have supported the advance": weapons say nothing
            or names_weapons(c)
        )
        for c in verb.children
    ):
        return None  # "opposition parties in Nicosia accused the government": no state speaks
    found, subject = _subject(verb, tok, ctx.resolved, ctx.focus)
    if not found:
        subject = next(
            (
                m.state
                for m in ctx.resolved.in_span(sent)
                if m.state
                and not _is_bloc(m.state)
                and m.start not in ctx.weapon_tokens
                and not _company(m.actor)
            ),
            None,
        )
    return subject if subject is not None and _is_state(subject) else None


def stateless_speaker(subj: Token, resolved: Resolved) -> bool:
    """Whether a speaking subject stands for no state of its own: a company ("Saab said"),
    an independent voice ("analysts say"), a diplomat whose posting is not their state ("a
    diplomat in Astana"), or one of vague origin ("Western officials")."""
    mention = resolved.by_token.get(subj.i)
    if mention is not None and resources.is_company(mention.actor):
        return True
    words = resources.speaker_words()
    if words.get(subj.lemma_.lower()) in ("independent", "foreign", "armed_group"):
        return True
    if press_noun(subj):
        return True  # "Pakistani media reported": not the state's own media
    if words.get(subj.lemma_.lower()) == "institution":
        return False  # "the foreign ministry": a remit, not a vague origin
    # "Western officials"; "some retired air force officers"; "opposition politicians": no
    # state's voice
    return any(
        c.dep_ in ("amod", "compound") and words.get(c.lower_) in ("region", "past", "outside")
        for c in subj.children
    )


def press_noun(noun: Token) -> bool:
    """Whether a noun is media that no state runs ("Pakistani media", "Colombian
    newspapers"), not the media the references call a state's own ("state media")."""
    ref = resources.reference(noun)
    own = ref.only_with if ref is not None else ()
    return resources.speaker_words().get(noun.lemma_.lower()) == "press" and not any(
        c.lower_ in own or c.lemma_.lower() in own
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
    )


def _pact_subject(verb: Token) -> bool:
    """Whether a verb's subject is an agreement ("the Israel-Morocco pact", "the deal"): the
    states that name it are its parties, not the doers of what the verb says."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.pos_ == "NOUN"
        and "agreement" in _word_kinds().get(subj.lemma_.lower(), ())
    )


def _owned_context(ctx: Context, tok: Token, rule: resources.SignalRule) -> str | None:
    """The state owning a trigger's context noun ("deepen Argentina's ties"); "" when the
    trigger is a gerund standing as its clause's subject with no owner, whose act the
    sentence does not say; None when neither tells."""
    for noun in tok.children:
        if noun.dep_ in ("dobj", "nsubjpass") and noun.lemma_.lower() in rule.context:
            own = _own_actor(ctx, noun)
            if own is not None and _is_state(own):
                return own
    if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "csubj"):
        return ""
    return None


def _nominal(tok: Token) -> bool:
    """A trigger used as a noun: a noun, or a gerund in a noun's place ("voiced concern about
    refugees and fighting spilling across the border")."""
    if tok.pos_ == "NOUN":
        return True
    return tok.tag_ == "VBG" and first_conjunct(tok).dep_ in ("pobj", "dobj", "nsubjpass")


def _in_spite_of(tok: Token) -> bool:
    """Whether a noun trigger sets the scene of its clause ("despite warnings", "amid
    protests"): the clause's subject acts against it, not through it."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("despite", "amid")


def _carried_by(tok: Token, verb: Token, rule: resources.SignalRule) -> bool:
    """Whether a light or reversing verb carries a noun trigger ("imposed sanctions",
    "sanctions were lifted", "kept its sanctions on"): the trigger is its object, not a
    phrase beside it ("hard to keep flying since sanctions on Moscow"); an act it is done in
    ("launched drones in the same raid") is carried too."""
    if verb.lemma_ in rule.reversed_by:
        return True
    # the word as written too: the parser's lemma of "waged" is "wag"
    if verb.lemma_ not in rule.light_verbs and verb.lower_ not in rule.light_verbs:
        return False
    head = first_conjunct(tok)
    if head.dep_ == "pobj" and head.head.lower_ == "in":
        head = head.head  # "launched drones in the same raid"
    elif (
        head.dep_ == "pobj"
        and head.head.lower_ == "for"
        and not any(c.dep_ == "dobj" for c in verb.children)
    ):
        head = head.head  # "called for sanctions"; not "pressed governments for tanks"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        # "imposed a fresh round of sanctions", "a new package of sanctions": the measure
        # of them is the object
        head = head.head.head
    return head.head == verb and head.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "prep")


# Entity types of a named event or work: "the Second World War" is no act of war.
NAMED_EVENTS = frozenset({"EVENT", "WORK_OF_ART", "LAW"})


def _conditional(verb: Token) -> bool:
    """Whether a clause is a condition ("if it is attacked", "unless Russia invades") or a
    purpose ("so that it could strike")."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    # A purpose is no act either: "asked for Tomahawks so that it could strike Russia".
    return bool(marks & CONDITIONAL) or marks >= PURPOSE


def _object_names_state(ctx: Context, tok: Token) -> bool:
    """Whether a verb's direct object names a state ("trains Somali soldiers")."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and any(ctx.resolved.state_at(t.i) for t in c.subtree)
        for c in tok.children
    )


def _idiom(tok: Token, rule: resources.SignalRule) -> bool:
    """Whether a trigger is part of one of its class's idioms: with its object ("struck a
    deal", "depends on Russian gas"), the noun it describes, the word it hangs on ("room
    for manoeuvre") or its particle ("backed out")."""
    described = tok.head if tok.dep_ in ("acl", "relcl") else None  # "a deal struck by"
    idioms = set(rule.idiom_objects)
    # "depends on Russian gas": the object of the trigger's own preposition too
    objects = [
        g
        for c in tok.children
        for g in ((c,) if c.dep_ == "dobj" else c.children if c.dep_ == "prep" else ())
        if g.dep_ in ("dobj", "pobj")
    ]
    holder = tok.head.head if tok.dep_ == "pobj" else tok.head
    return (
        any(
            (c.dep_ == "dobj" and c.lemma_ in idioms) or f"{tok.lemma_} {c.lemma_}" in idioms
            for c in objects
        )
        or (described is not None and described.lemma_ in idioms)
        or f"{holder.lemma_} {tok.lemma_}" in idioms
        or phrasal_form(tok) in idioms  # "backed out of the deal", "backed down"
    )


def _class(ctx: Context, tok: Token, kind: str, verb: Token, sent: Span) -> tuple[str, int] | None:
    """The signal class and direction after context, negation, refusal and reversal; None
    when the trigger says nothing here."""
    rules = resources.signal_rules()
    rule = rules[kind]
    lemmas = sentence_words(sent)[1]
    if rule.context and not _in_context(tok, verb, rule, lemmas):
        return None
    if _acts_on_a_deal(tok, rule):
        # "suspended delivery of the first vessel over the war": a deal stopped, whatever
        # else the sentence speaks of ("did not cancel the sale": none)
        return None if _polarity(tok, verb)[0] else ("arms_refusal", -1)
    if rule.yields_to_agreement and tok.dep_ == "xcomp" and tok.head.lemma_ == "agree":
        return None  # the agreement reads it
    if rule.weapon_context and not any(t.i in ctx.weapon_names for t in verb.subtree):
        return None  # "works with France on climate policy": no arms partnership
    if tok.ent_type_ in NAMED_EVENTS or _conditional(verb):
        return None  # "since the Second World War"; "to come to its aid if it is attacked"
    if (
        (rule.not_as_modifier and _modifier_only(tok))
        or _inside_name(tok)
        or (tok.lemma_ in rule.verb_only and tok.pos_ != "VERB")
        or (tok.lemma_ in rule.object_verbs and not _object_names_state(ctx, tok))
        or _alongside(tok, rule)
    ):
        return None  # "post-war restrictions", "the Falcon Strike series": no act
    if _said_of_no_other(ctx, tok, rule) or _idiom(tok, rule):
        # "struck a similar note", "struck a deal": an idiom, no attack; "pressed the
        # assault" (an entry of trigger and object): fighting, no pressure
        return None
    if _off_class(ctx, tok, kind, sent):
        return None
    if (
        tok.pos_ == "NOUN"
        and verb != tok
        and (_judged(tok, verb, rule) or verb.lemma_ in RECOGNISING)
    ):
        # "declined to recognise Russia's annexation", "did not condemn the invasion": the
        # act happened; whatever the judge does or refuses is the judge's own stance.
        negated, refused = _negated(tok), False
    else:
        negated, refused = _polarity(tok, verb)
    if kind == "sanctions" and refused:
        return "sanctions_refusal", 1
    if negated or (refused and rule.direction < 0 and rule.basis == "material"):
        # "said it would not recall its ambassador": a hostile act refused is not done, and
        # no act of friendship either; a refused cooperative act points away, and refusing to
        # criticise ("has avoided criticising Washington") speaks for the other side
        return None
    if _reversed(tok, verb, rule, lemmas):
        if not rule.reversed_type:
            return None  # "halted its air strikes over Syria": an act stopped, no act
        kind = rule.reversed_type
        rule = rules[kind]
    return kind, -rule.direction if refused else rule.direction


DEAL_FRAMES = (
    "deal-noun",
    "sale-noun",
    "delivery-noun",
    "batch-noun",
    "package-noun",
    "lease-noun",
    "loan-noun",
)
"""Frames whose nouns name an arms deal ("the sale", "the contract", "the shipment")."""


def _acts_on_a_deal(tok: Token, rule: resources.SignalRule) -> bool:
    """Whether a verb trigger of a class read by its sentence's context has an arms deal for
    its own object ("cancel the sale", "halt the shipment"): it acts on the deal, whatever
    else its sentence speaks of."""
    if not rule.context or rule.context_scope != "sentence" or tok.pos_ != "VERB":
        return False
    deals = resources.frame_lemmas(*DEAL_FRAMES)
    return any(c.dep_ == "dobj" and c.lemma_ in deals for c in tok.children)


def _off_class(ctx: Context, tok: Token, kind: str, sent: Span) -> bool:
    """Resistance only as a verb where a state was pressed; an agreement as a verb only when
    signed or agreed; no act named only as a topic."""
    if kind == "pressure_resistance":
        return tok.pos_ != "VERB" or sent.start not in ctx.pressured
    if kind == "armed_attack" and _topic_only(ctx, tok):
        return True
    return kind == "agreement" and tok.pos_ == "VERB" and tok.lemma_ not in ("sign", "agree")


def _topic_only(ctx: Context, tok: Token) -> bool:
    """An act named only as what something is about ("Fico's view of the war", "the course
    of the conflict"): "the" and no party of its own; the sentence's states are not its
    sides."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "about"):
        return False
    holder = tok.head.head
    if holder.pos_ != "NOUN" or holder.lemma_.lower() in _word_triggers():
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    own = [t for t in tok.subtree if t != tok]
    return not any(ctx.resolved.state_at(t.i) for t in own)


REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})
"""Objects that turn an act back on its doer ("defend itself"): it acts on no other state."""

RECOGNISING = frozenset({"recognise", "recognize", "acknowledge"})
"""Verbs that judge whether an act stands, not whether it happened."""


def _in_context(
    tok: Token, verb: Token, rule: resources.SignalRule, lemmas: frozenset[str] | set[str]
) -> bool:
    """Whether a class's context word stands where the class needs it: anywhere in the
    sentence, or in the trigger's own phrase and its clause's subject."""
    if rule.context_scope == "sentence":
        return bool(lemmas & set(rule.context))
    context = set(rule.context)
    # "ordered the French ambassador to leave": the one commanded is in the clause too
    deps = ("nsubj", "nsubjpass") if verb == tok else ("nsubj", "nsubjpass", "dobj", "dative")
    phrases = [tok, *(c for c in verb.children if c.dep_ in deps)]
    # a word of a name is none ("the Shanghai Cooperation Organisation closed its summit")
    named = _name_tokens(tok.doc)
    return any(
        t.lemma_.lower() in context and t.i not in named for p in phrases for t in _own_clause(p)
    )


def _name_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of every name the data knows, found once per doc."""
    cached = doc.user_data.get("am_name_tokens")
    if cached is None:
        cached = doc.user_data["am_name_tokens"] = frozenset(
            i for s in doc.spans[NAMES_KEY] for i in range(s.start, s.end)
        )
    return cached


OTHER_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "parataxis"})


def _own_clause(tok: Token) -> Iterator[Token]:
    """A phrase's words without the clauses inside it ("withdrew its troops from Iraq, which
    soured relations": the relations are another clause's)."""
    yield tok
    for c in tok.children:
        if c.dep_ not in OTHER_CLAUSES and not (c.dep_ == "conj" and c.pos_ == "VERB"):
            yield from _own_clause(c)


def _said_of_no_other(ctx: Context, tok: Token, rule: resources.SignalRule) -> bool:
    """Whether a trigger acts on no other state: support of oneself ("Bogota's right to defend
    itself against the rebels"), or a description read with what it names ("the
    Iranian-backed movement")."""
    if rule.direction > 0 and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in tok.children):
        return True
    return _hyphened_to_state(ctx, tok)


def _hyphened_to_state(ctx: Context, tok: Token) -> bool:
    """Whether a trigger is the participle of a compound modifier led by a state ("the
    Iranian-backed movement", "US-funded militias") on a noun that names no state."""
    if tok.dep_ not in ("amod", "compound") or tok.i < 2 or tok.doc[tok.i - 1].text != "-":
        return False
    if ctx.resolved.state_at(tok.i - 2) is None:
        return False
    return ctx.resolved.state_at(tok.head.i) is None


def _modifier_only(tok: Token) -> bool:
    """Whether a trigger word only describes a noun ("post-war restrictions", "war crimes",
    "the Strike series") or is part of a name."""
    return (tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN")) or (
        tok.pos_ == "PROPN" and tok.i > sentence(tok).start
    )


def _inside_name(tok: Token) -> bool:
    """Whether a trigger word ends the "of" phrase of a longer proper name ("the Government
    of National Accord"): no act. A name the trigger opens ("Exercise Kakadu") is the act's."""
    if tok.pos_ != "PROPN" or tok.head == tok:
        return False
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "PROPN"


def _alongside(tok: Token, rule: resources.SignalRule) -> bool:
    """Whether a trigger acts alongside its object in a named act ("joined the United States
    and the European Union in freezing the assets")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in rule.alongside_preps
        and any(p.dep_ == "pcomp" for p in c.children)
        for c in tok.children
    )


def _polarity(tok: Token, verb: Token) -> tuple[bool, bool]:
    """(negated, refused) for a trigger and its governing verb, the same for every class:
    "did not sign", "has yet to establish" and "failed to agree" say the act did not happen;
    "refused to join", "does not want to join" and "will not take part" refuse it."""
    if _shares_head(verb) and _negated(verb.head):
        verb = verb.head  # "will not sign or ratify the pact": the negation covers both
    elif verb == tok and tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj"):
        verb = _governing_verb(tok.head)  # a noun the tagger took for a verb ("the drills")
    negated = _negated(verb) if verb != tok or tok.pos_ == "VERB" else False
    if (tok.pos_ == "VERB" and _negated(tok)) or _denied(tok):
        negated = True
    if tok.pos_ == "VERB" and no_longer(tok):
        negated = True  # "no longer depends on Washington": the act has stopped
    if _denied_claim(verb):
        negated = True  # "denied reports that it had agreed to host U.S. batteries"
    refused = _refused(verb) or (tok.pos_ != "VERB" and verb.lemma_ in REFUSE_WORDS)
    if verb.dep_ in ("xcomp", "ccomp") and _negated(verb.head):
        # "does not want to join NATO" declares a stance; "did not manage to sign" does not.
        if verb.head.lemma_ in INTENT_WORDS:
            refused = True
        else:
            negated = True
    if verb.dep_ == "xcomp" and (_unrealised(verb.head) or _pressed_for(verb)):
        negated = True
    if (verb.dep_ == "pcomp" and verb.head.lower_ == "without") or _set_aside(verb):
        negated = True  # "took the fight to the jihadists without relying on French help"
    if _blocked(verb):
        negated = True  # "Hungary blocked a proposal to sanction Georgian officials"
    if negated and _declined(verb):
        refused, negated = True, False
    return negated, refused


def _set_aside(verb: Token) -> bool:
    """Whether an act is named only as the one not chosen ("show solidarity rather than sign
    side deals with the Kremlin", "instead of buying American jets")."""
    doc = verb.doc
    if verb.dep_ == "conj":
        than = [c for c in verb.head.children if c.dep_ == "cc" and c.lower_ == "than"]
        return any(t.i > 0 and doc[t.i - 1].lower_ == "rather" for t in than)
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "of"
        and verb.head.i > 0
        and doc[verb.head.i - 1].lower_ == "instead"
    )


# Words by which one party stops another's proposed act ("blocked a proposal to sanction").
BLOCK_WORDS = frozenset({"block", "veto", "thwart", "scuttle", "torpedo"})


def _shielding(
    ctx: Context, tok: Token, verb: Token, subject: str, kind: str, direction: int
) -> bool:
    """A veto of what is aimed against states shields them, as refusing sanctions does; True
    when read so."""
    shielded = _shielded(ctx, tok) if kind == "veto" and direction < 0 else []
    if shielded:
        subjects = [subject, *_co_subjects(ctx, verb, subject)]
        _emit_pairs(ctx, tok, verb, "sanctions_refusal", 1, subjects, shielded)
    return bool(shielded)


def _shielded(ctx: Context, tok: Token) -> list[str]:
    """The states a veto shields: those what it blocks is aimed against ("blocked every
    measure against North Korea", "vetoed a resolution condemning Syria", "blocked a proposal
    to sanction Georgian officials"). A state's own proposal blocked is held back, not
    shielded ("vetoed a US resolution")."""
    words = resources.signal_rules()["veto"].shielding_words
    blocked = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    owners = {
        t.i
        for b in blocked
        for c in b.children
        if c.dep_ in ("amod", "compound", "poss")
        for t in c.subtree
    }
    if any(resources.is_country(ctx.resolved.state_at(i) or "") for i in owners):
        return []
    phrases = [*blocked, *(c for c in tok.children if c.dep_ == "prep" and c.lower_ in words)]
    if not any(
        t.lower_ in words or t.lemma_ in words for p in phrases for t in p.subtree if t.i != p.i
    ) and not any(p.dep_ == "prep" for p in phrases):
        return []
    found = (ctx.resolved.state_at(t.i) for p in phrases for t in p.subtree if t.i not in owners)
    return list(dict.fromkeys(st for st in found if st and resources.is_country(st)))


def _blocked(verb: Token) -> bool:
    """Whether an act is the content of a proposal someone blocked ("blocked a proposal to
    sanction Georgian officials", "vetoed a plan to impose sanctions"): it did not happen."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and noun.pos_ == "NOUN"
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.lemma_ in BLOCK_WORDS
    )


def _shares_head(verb: Token) -> bool:
    """A verb coordinated with the one before it and sharing its subject ("did not sign or
    ratify", "will not take part in the drills")."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        # "had not taken part in the attack but warned Tehran": a contrast ends the negation.
        and not any(
            c.dep_ == "cc" and c.lower_ in CONTRASTIVE and verb.head.i < c.i < verb.i
            for c in verb.head.children
        )
    )


def _denied(tok: Token) -> bool:
    """A trigger whose own phrase, subject or copula denies it: "there will be no exercises
    with Russia", "no agreement was signed", "joint patrols were not on the table"."""
    if tok.pos_ == "VERB":
        return any(
            c.dep_ in ("nsubj", "nsubjpass") and _no(c) for c in tok.children
        )  # "no agreement was signed", "no state has joined"
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _no(tok):
        return True
    head = tok.head
    return tok.dep_ == "nsubj" and head.lemma_ == "be" and _negated(head)


def _denied_claim(verb: Token) -> bool:
    """Whether the act is what a "that" clause claims and a denial rejects: "denied that it
    had agreed to host", "dismissed reports that Belgrade would join the drills"."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.lemma_ in resources.denying_verbs():
            return True
        if (
            cur.dep_ == "acl"
            and any(c.lower_ == "that" and c.dep_ == "mark" for c in cur.children)
            and cur.head.dep_ == "dobj"
            and cur.head.head.lemma_ in resources.denying_verbs()
        ):
            return True
        if cur.dep_ not in ("xcomp", "ccomp", "acl") or cur.head == cur:
            return False
        cur = cur.head
    return False


def _no(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _pressed_for(verb: Token) -> bool:
    """ "urged the EU to agree an embargo", "pressed Belgrade to align": an act another presses
    for is demanded, not done (the pressure is a signal of its own)."""
    return verb.head.lemma_ in resources.pressing_verbs()


def _unrealised(head: Token) -> bool:
    """ "failed to sign", "have yet to establish", "is yet to ratify": the act has not
    happened."""
    if head.lemma_ in UNREALISED:
        return True
    return head.lemma_ in ("have", "be") and any(
        c.lower_ == "yet" and c.dep_ == "advmod" for c in head.children
    )


def _trigger_preps(tok: Token, kind: str) -> frozenset[str]:
    """The prepositions whose objects a trigger of a class points at."""
    rule = resources.signal_rules()[kind]
    preps = (
        set(rule.target_preps) if rule.only_target_preps else TARGET_PREPS | set(rule.target_preps)
    )
    if rule.phrase_preps and tok.lemma_ not in _word_triggers():
        preps |= set(rule.phrase_preps)  # "drifted away from France", not "protests from Tokyo"
    base = _reversed_from(tok, kind)
    if base is not None:
        # "ended its support for Saudi Arabia": a reversed act keeps its own phrase's target
        preps |= set(base.target_preps)
    return frozenset(preps)


def _reversed_from(tok: Token, kind: str) -> resources.SignalRule | None:
    """The class a trigger word belongs to when ``kind`` is that class reversed ("support"
    withdrawn is criticism, "arms sales" embargoed a refusal)."""
    for rule, words in _reversible_words().get(kind, ()):
        if tok.lower_ in words or tok.lemma_.lower() in words:
            return rule
    return None


@lru_cache(maxsize=1)
def _reversible_words() -> dict[str, tuple[tuple[resources.SignalRule, frozenset[str]], ...]]:
    """Reversed class -> (each class it reverses, the last words of that class's triggers)."""
    out: dict[str, tuple[tuple[resources.SignalRule, frozenset[str]], ...]] = {}
    for rule in resources.signal_rules().values():
        if rule.reversed_type:
            words = frozenset(t.split()[-1].lower() for t in rule.triggers)
            out[rule.reversed_type] = (*out.get(rule.reversed_type, ()), (rule, words))
    return out


def _counterparts(
    ctx: Context,
    tok: Token,
    verb: Token,
    sent: Span,
    subject: str,
    kind: str,
    *,
    fallback: bool = True,
) -> list[str]:
    """Parties the trigger points at: in its own phrase first, then the verb's, then (unless
    the class needs an object) the other states of the sentence."""
    rule = resources.signal_rules()[kind]
    base = _reversed_from(tok, kind)
    reversal = base is not None
    preps = _trigger_preps(tok, kind)
    # "held exercises with Russian warships": whose warships they are takes part.
    skip = set() if rule.weapon_parties else ctx.weapon_tokens
    # praise of "the republics in Ukraine" is not of Ukraine; "a memorandum in Madrid"
    places = rule.basis != "verbal" and not rule.venue_places
    origins = not rule.from_is_origin
    # "suspended security assistance to the three countries": what a counted group stands for
    groups = rule.basis == "material" and not rule.symmetric
    hostile = rule.basis == "material" and rule.direction < 0
    near = [
        s
        for s in _targets(
            tok, ctx.resolved, skip, preps, places=places, origins=origins, groups=groups
        )
        if s != subject
    ]
    near = near or _participle_targets(ctx, tok, skip, preps, subject)
    near = near or _qualified_targets(ctx, tok, skip, preps, subject, places=places)
    phrased = _fixed_object(ctx, tok, rule, subject)
    if phrased is not None:
        return [s for s in phrased if s != subject]
    if rule.weapon_owners and tok.lemma_ not in rule.light_verbs:
        # "shot down a Russian Su-24 near the Syrian border": whose weapons or forces are
        # struck is the target, not the place where it happened
        near = _struck_owners(ctx, tok, subject) or near
    if not near and verb != tok and not (hostile and _matter_of_noun(tok, verb)):
        # The verb's other phrases; the trigger's own phrase was read above ("staged exercises
        # around Taiwan" names no partner).
        own = {t.i for t in tok.subtree}
        near = [
            s
            for s in _targets(
                verb, ctx.resolved, skip | own, preps, places=places, origins=origins, groups=groups
            )
            if s != subject
        ]
    if not near and rule.weapon_owners:
        near = _struck_places(ctx, tok, verb, subject, preps)
    if not near and rule.basis == "verbal" and not reversal:
        near = _act_doers(ctx, tok, verb, subject, kind, preps)
    if not near and not rule.needs_object and fallback and not _aimed_elsewhere(ctx, tok):
        near = _sentence_counterparts(ctx, tok, sent, subject, rule)[:3]
    near = [s for s in near if s and not (rule.states_only and _is_bloc(s))]
    # "pulled out of the grain deal brokered by Turkey": a broker is no party
    brokers = _brokers(ctx, tok, base or rule)
    near = [s for s in near if s not in brokers]
    if kind == "membership":
        # "join NATO": the bloc must be what is joined, not a bystander.
        near = [
            t
            for t in _targets(tok if tok.pos_ == "NOUN" else verb, ctx.resolved, skip, preps)
            if _is_bloc(t) and t != subject
        ]
    if _joined(tok, verb):
        near = [t for t in near if t != _own_actor(ctx, tok)]  # "joined EU sanctions": no target
    if kind == "accession_bid" and not near and tok.pos_ == "NOUN":
        # "submitted their applications to join NATO": the bid's own content names the bloc.
        near = [st for t in tok.subtree if (st := ctx.resolved.state_at(t.i)) and _is_bloc(st)]
    if kind == "accession_bid" and _is_bloc(subject):
        near = _candidates_heard(ctx, tok, verb)
    elif kind in ("accession_bid", "neutrality", "bloc_exit"):
        near = [t for t in near if _is_bloc(t)]
    if kind == "bloc_exit":
        # "left ECOWAS", not "left the CSTO talks": the bloc itself is what is left.
        near = [t for t in near if _left_itself(ctx, tok, t)]
    if kind == "exercise_suspension":
        near = _suspended_with(ctx, tok, sent, subject, near)
    return near


def _brokers(ctx: Context, tok: Token, rule: resources.SignalRule) -> set[str]:
    """The states that the class's verbs of watching or brokering name as the agents of a
    trigger noun ("the grain deal brokered by Turkey", "a deal, which Qatar mediated"): they
    stand outside the act."""
    if tok.pos_ != "NOUN" or not rule.watched_by:
        return set()
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ not in ("acl", "relcl") or c.lemma_ not in rule.watched_by:
            continue
        for g in c.children:
            phrase = g.subtree if g.dep_ in ("agent", "nsubj") else ()
            out |= {st for t in phrase if (st := ctx.resolved.state_at(t.i))}
    return out


def _participle_targets(
    ctx: Context, tok: Token, skip: set[int], preps: frozenset[str], subject: str
) -> list[str]:
    """The target a trigger noun's own participle names ("lift the sanctions imposed on
    Turkey over its incursion into Syria": Turkey), from that participle's target phrases
    only."""
    if tok.pos_ != "NOUN":
        return []
    return [
        s
        for c in tok.children
        if c.dep_ == "acl" and c.tag_ == "VBN"
        for s in _targets(c, ctx.resolved, skip, frozenset(preps - {"by"}))
        if s != subject
    ]


def _opposing(ctx: Context, head: Token) -> bool:
    """Whether an object of fighting names a state's side itself or by a modifier or a
    possessor ("Russia", "Chinese soldiers", "Russia's forces")."""
    if ctx.resolved.state_at(head.i):
        return True
    return any(
        ctx.resolved.state_at(t.i)
        for c in head.children
        if c.dep_ in ("amod", "compound", "poss") and c.i < head.i
        for t in c.subtree
    )


def _candidates_heard(ctx: Context, tok: Token, verb: Token) -> list[str]:
    """ "the EU opened accession talks with Ukraine": the states a bloc talks with about
    joining it, its candidates."""
    return [
        st
        for h in (tok, verb)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i)) and not _is_bloc(st)
    ]


def _opponents(ctx: Context, tok: Token) -> list[str]:
    """The states whose forces a fighting verb's object or "against" phrase names ("fought
    Chinese soldiers", "battled against Russian troops")."""
    heads = [c for c in tok.children if c.dep_ == "dobj"] + [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "against"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    found: list[str] = []
    # "battling a wave of infections, and several countries ...": an object that is no
    # state's force fights no one, whatever the parser joined to it
    heads = [h for h in heads if _opposing(ctx, h)]
    for head in (t for h in heads for t in (h, *h.conjuncts)):
        found += [st] if (st := ctx.resolved.subject_state(head)) else []
        # "Russian and Belarusian forces": each state a modifier and its conjuncts name
        found += [
            st
            for c in head.children
            if c.dep_ in ("amod", "compound") and c.i < head.i
            for t in (c, *c.conjuncts)
            if (st := ctx.resolved.state_at(t.i))
        ]
    return list(dict.fromkeys(found))


def _on_weapon(ctx: Context, tok: Token) -> bool:
    """Whether a trigger is a participle on a weapon ("a missile shot down by ...")."""
    return tok.dep_ == "acl" and tok.head.i in ctx.weapon_tokens | ctx.weapon_names


def _weapon_owner(ctx: Context, tok: Token, subject: str) -> list[str]:
    """ "A Russian missile shot down by Ukrainian air defences fell on a village": what is
    struck is the missile, and its owner (if named) the target, not the place it fell on."""
    owner = ctx.resolved.subject_state(tok.head)
    return [owner] if owner and owner != subject else []


def _suspended_with(
    ctx: Context, tok: Token, sent: Span, subject: str, near: list[str]
) -> list[str]:
    """The parties a suspension of drills is aimed at: not those pressing for it; failing any
    named, the parties of the drill just reported that the state leaves ("Uzbekistan, the
    sixth member, pulled out shortly before the drills began")."""
    near = [t for t in near if t not in ctx.pressurers.get(sent.start, ())]
    if not near and ctx.exercise is not None and _left_the_drill(ctx, tok, subject):
        near = [t for t in ctx.exercise[1] if t != subject]
    return near


def _left_the_drill(ctx: Context, tok: Token, subject: str) -> bool:
    """Whether a state that took no part in the drill just reported pulls out of it with a
    verb that names nothing it acts on ("pulled out", "withdrew"; not "called the drills a
    success")."""
    if ctx.exercise is None or ctx.exercise[0] < sentences_back(tok, 2):
        return False
    if subject in ctx.exercise[1] or tok.pos_ != "VERB":
        return False
    return not any(c.dep_ in ("dobj", "attr", "oprd") for c in tok.children)


def _qualified_targets(
    ctx: Context, tok: Token, skip: set[int], preps: frozenset[str], subject: str, *, places: bool
) -> list[str]:
    """States a trigger points at through the noun it qualifies, where the parser hung the
    trigger's phrase ("in a show of solidarity with Ecuador")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.pos_ != "NOUN":
        return []
    found = _targets(tok.head.head, ctx.resolved, skip | {tok.head.i, tok.i}, preps, places=places)
    return [s for s in found if s != subject]


def _fixed_object(
    ctx: Context, tok: Token, rule: resources.SignalRule, subject: str
) -> list[str] | None:
    """The counterparts a verbal trigger's own object or phrase fixes; None when it fixes
    none and the counterparts are sought more widely."""
    if tok.lemma_ in rule.opponent_verbs:
        # "a trade fight between Boeing and Bombardier", "its fight against the invasion":
        # the noun names no attack of its own (the verb "fought" carries one)
        return _opponents(ctx, tok) if tok.pos_ == "VERB" else []
    if rule.weapon_owners and _on_weapon(ctx, tok):
        return _struck_owners(ctx, tok, subject) or _weapon_owner(ctx, tok, subject)
    addressed = _addressed(ctx, tok, subject) if rule.basis == "verbal" else []
    return addressed[:3] if addressed else _phrase_object(ctx, tok, rule)


def _addressed(ctx: Context, tok: Token, subject: str) -> list[str]:
    """The states a verb of saying, pressing or judging addresses as its object ("pressed
    Belgrade to limit its reliance on Chinese technology", "accused North Korea of selling
    weapons to Russia"): they alone are its target; the act demanded of them or blamed on
    them names third parties, not the speaker's target."""
    if tok.pos_ != "VERB" or _demands_hostility(tok):
        return []
    out: list[str] = []
    for c in tok.children:
        # "accusing Honduras of demanding a price and China of using dollar diplomacy": a
        # gapped second object hangs on the verb as a conjunct.
        gapped = c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
        if c.dep_ not in ("dobj", "dative") and not gapped:
            continue
        # Clauses on the object and places in it ("the republics in eastern Ukraine").
        aside = {
            u.i
            for t in c.subtree
            if t != c and (t.dep_ in CLAUSES or (t.dep_ == "prep" and t.lower_ in LOCATIVE))
            for u in t.subtree
        }
        if judges_acts(tok):
            aside |= victim_tokens(c)  # "condemned Russia's invasion of Ukraine"
        for t in c.subtree if not gapped else [c]:
            if t.i in aside or t.i in ctx.weapon_tokens or _maker_of(t, ctx.resolved):
                continue
            if describing_name(t) or _private_people(t):
                continue  # "urged the UN-recognised government to ...", "backs the opposition"
            st = ctx.resolved.state_at(t.i)
            if st is None and t.lower_ in ("him", "her") and t == c:
                st = ctx.resolved.antecedent(t)  # "telephoned Aliyev and urged him to halt"
            elif st is None and t == c:
                st = _pronoun_object(t, ctx.resolved)  # "cut ties with Qatar, accusing it"
            if st and st != subject and st not in out:
                out.append(st)
    if not out:
        return out  # a gapped second object needs a first ("relied on Russia and China for")
    return out + [st for st in _gapped_objects(ctx, tok) if st != subject and st not in out]


def _gapped_objects(ctx: Context, verb: Token) -> list[str]:
    """Second objects of a gapped clause, wherever the parser hangs them: "accused Sudan of
    arming rebels and Libya of hosting them" (a coordinated name followed by the verb's own
    complement word is the verb's object, not part of the first act)."""
    words = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    words |= {"to"} if any(c.dep_ == "xcomp" for c in verb.children) else set()
    doc = verb.doc
    out: list[str] = []
    for c in verb.children:
        if c.dep_ not in ("prep", "xcomp"):
            continue
        for t in c.subtree:
            after = t.right_edge.i + 1
            if (
                t.dep_ == "conj"
                and after < len(doc)
                and doc[after].lower_ in words
                and (st := ctx.resolved.state_at(t.i))
            ):
                out.append(st)
    return out


def _demands_hostility(verb: Token) -> bool:
    """Whether what a verb presses for is itself a hostile act ("press the EU to agree an
    arms embargo on Turkey"): its target is then the speaker's too."""
    words, rules = _word_triggers(), resources.signal_rules()
    complement = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    return any(
        (kind := words.get(t.lemma_) or words.get(t.lower_)) is not None
        and rules[kind].direction < 0
        and rules[kind].basis != "verbal"
        # a word hostile only in its context ("halt" drills) is none here ("halt hostilities")
        and not rules[kind].context
        for c in complement
        for t in c.subtree
    )


def _phrase_object(ctx: Context, tok: Token, rule: resources.SignalRule) -> list[str] | None:
    """The state a trigger phrase ending in a preposition points at ("relies on Moscow",
    "turned to Beijing"): that preposition's object, or, when the object is the relative
    word of a clause, what the clause is about ("Russia, whose backing it relies on to block
    Kosovo's bid": Russia); None when the trigger is no such phrase."""
    after = tok.i + 1
    # "stood firmly behind Guyana", "stood \"firmly\" behind": words between verb and particle
    while after < len(tok.doc) and after - tok.i <= SPLIT_GAP and splitting(tok.doc[after]):
        after += 1
    if after >= len(tok.doc):
        return None
    prep = tok.doc[after]
    if (
        prep.dep_ != "prep"
        or prep.head != tok
        or f"{tok.lower_} {prep.lower_}" not in rule.triggers
    ):
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    relative = obj is None or any(c.lower_ in RELATIVE for c in (obj, *obj.children))
    if relative and tok.dep_ == "relcl":
        st = ctx.resolved.state_at(tok.head.i)
        return [st] if st else []
    if obj is None:
        return []
    # "relies on A-4 jets bought from the United States": a clause on the object names where
    # it came from, not what is relied on; so does a weapon's maker.
    aside = {u.i for t in obj.subtree if t.dep_ in CLAUSES and t != obj for u in t.subtree}
    found: list[str] = []
    # One state for the object and one for each conjunct ("turns to the United States,
    # France and Israel").
    for head in (obj, *obj.conjuncts):
        listed = {u.i for c in head.children if c.dep_ == "conj" for u in c.subtree}
        first = next(
            (
                t
                for t in head.subtree
                if t.i not in aside
                and t.i not in listed
                and not _maker_of(t, ctx.resolved)
                and (ctx.resolved.state_at(t.i) or _bloc_reference(t, ctx.resolved))
            ),
            None,
        )
        if first is None:
            continue
        # "on American and Russian equipment": each of the states that modify the object
        modifiers = [c for c in first.conjuncts if c.dep_ in ("amod", "conj") and c.i < head.i]
        for t in (first, *(modifiers if first.dep_ in ("amod", "compound") else ())):
            st = ctx.resolved.state_at(t.i) or _bloc_reference(t, ctx.resolved)
            if st:
                found.append(st)
    return list(dict.fromkeys(found))


def _left_itself(ctx: Context, tok: Token, bloc: str) -> bool:
    """Whether a bloc is the very object of a verb of leaving, not a modifier in it; for a
    noun of membership, the verb that carries it may name the bloc ("suspended its membership
    in the CSTO", the phrase hung on the verb)."""
    holders = (tok, tok.head) if tok.dep_ == "dobj" and tok.pos_ == "NOUN" else (tok,)
    for c in (c for h in holders for c in h.children if c != tok):
        obj = c if c.dep_ == "dobj" else next((p for p in c.children if p.dep_ == "pobj"), None)
        if obj is None or c.dep_ not in ("dobj", "prep"):
            continue
        if (ctx.resolved.state_at(obj.i) or _bloc_reference(obj, ctx.resolved)) == bloc:
            return True  # "left ECOWAS", "broke with the West African bloc ECOWAS"
    return False


def _sentence_counterparts(
    ctx: Context, tok: Token, sent: Span, subject: str, rule: resources.SignalRule
) -> list[str]:
    """Counterparts a trigger's own phrases leave unnamed, from the rest of its sentence. A
    hostile act takes one: the nearest state that is no one's subject ("equipment Poland has
    sent to Ukraine since Russia invaded": Ukraine)."""
    if rule.named_in_drills and _drill_news(ctx, tok, sent):
        return []  # "At the range, U.S. HIMARS launchers fired rockets": practice, no target
    # "Lavrov toured Brazil and Venezuela, and Lula has refused to join Western sanctions":
    # a clause joined by "and" tells of others
    own = _conjunct_clause(tok)
    states = [
        m
        for m in ctx.resolved.in_span(sent)
        if m.state and m.state != subject and m.start not in ctx.weapon_tokens
        if _conjunct_clause(sent.doc[m.start]) == own
        and not _seat_of(sent.doc[m.end - 1])  # "the Budapest-based bank"
        # "scrapped a French deal in favour of a partnership with the United States"
        and not any(t.lemma_ in ALTERNATIVE_HEADS for t in _path_up(sent.doc[m.start]))
    ]
    if rule.direction > 0:
        return list(dict.fromkeys(m.state for m in states if m.state))
    doc = sent.doc
    objects = [
        m
        for m in states
        if not _is_bloc(m.state or "")
        and not _maker_of(doc[m.start], ctx.resolved)
        and not any(t.dep_ in ("nsubj", "nsubjpass") for t in _path_up(doc[m.start]))
        # "fired rockets from Australian soil": where an act comes from is not its target
        and not (rule.from_is_origin and any(_origin(t) for t in _path_up(doc[m.start])))
    ]
    objects.sort(key=lambda m: abs(m.start - tok.i))
    if objects and objects[0].state:
        return [objects[0].state]
    # "Kyrgyz and Tajik forces fought ... each blaming the other for the clashes": the sides;
    # "U.S. and British warships shot down 18 drones": allies, no one's target.
    if not _reciprocal(tok, _governing_verb(tok), rule):
        return []
    return _same_subject(ctx, sent, subject)


def _conjunct_clause(tok: Token) -> Token:
    """The clause a word is in, up to a clause with its own subject joined to another by "and"
    or "but" ("Lavrov toured Brazil, and Lula refused"; not "ordered the envoy out and
    suspended all agreements", one subject's two acts)."""
    cur = tok
    while cur.head != cur:
        if (
            cur.dep_ == "conj"
            and cur.pos_ in ("VERB", "AUX")
            and cur.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        ):
            return cur
        cur = cur.head
    return cur


def _same_subject(ctx: Context, sent: Span, subject: str) -> list[str]:
    """The other states in the subject phrase that names ``subject``."""
    doc = sent.doc
    for m in ctx.resolved.in_span(sent):
        if m.state != subject:
            continue
        head = next((t for t in _path_up(doc[m.start]) if t.dep_ in ("nsubj", "nsubjpass")), None)
        if head is not None:
            found = {ctx.resolved.state_at(t.i) for t in head.subtree} - {None, subject}
            return sorted(s for s in found if s)
    return []


def _matter_of_noun(tok: Token, verb: Token) -> bool:
    """Whether a trigger noun is what another noun is about ("lodged a complaint with the UN
    over the Iranian strikes"): the verb's phrases are that noun's, not the act's. A quantity
    ("carried out a wave of strikes against") is no such noun. Read for hostile acts only: a
    friendly act's phrases often hang on a light noun ("took part in drills with")."""
    cur = tok
    while cur != verb and cur.head != cur:
        if cur.dep_ == "pobj" and cur.head.lower_ != "of" and cur.head.head.pos_ == "NOUN":
            return True
        cur = cur.head
    return False


def _path_up(tok: Token) -> list[Token]:
    """A token and its heads up to the first verb."""
    out = [tok]
    while tok.head != tok and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
        out.append(tok)
    return out


def _act_doers(
    ctx: Context, tok: Token, verb: Token, subject: str, kind: str, preps: frozenset[str]
) -> list[str]:
    """ "The United States and Britain struck ... Australia and Canada provided support for
    the operation": support for, or praise of, an act goes to the states that did it."""
    doc = tok.doc
    for holder in dict.fromkeys([tok, verb]):
        for c in holder.children:
            noun = c if c.dep_ == "dobj" and c != tok else None
            # A phrase fronted before its verb sets the scene ("On the ground, Russian forces
            # pressed ..."); it names no act judged.
            if c.dep_ == "prep" and c.lower_ in preps and c.i > holder.i:
                noun = next((p for p in c.children if p.dep_ == "pobj"), None)
            if (
                noun is None
                or noun.pos_ != "NOUN"
                or not any(d.dep_ == "det" and d.lower_ in BACK_DETERMINERS for d in noun.children)
            ):
                continue
            doer = ctx.resolved.act_doer(noun, subject)
            if doer is None:
                return []
            positive = resources.signal_rules()[kind].direction > 0
            mutual = _mutual_partners(ctx, noun, doer, subject) if positive else []
            if mutual:
                return [doer, *mutual]
            # "The United States and Britain struck": the doer's partners in the act.
            before = [m for m in ctx.resolved.mentions if m.end <= noun.i and m.state == doer]
            for m in reversed(before if positive else []):
                partners = [
                    st
                    for conj in doc[m.start : m.end].root.conjuncts
                    if (st := ctx.resolved.state_at(conj.i)) and st not in (doer, subject)
                ]
                if partners:
                    return list(dict.fromkeys([doer, *partners]))
            return [doer]
    return []


def _mutual_partners(ctx: Context, noun: Token, doer: str, subject: str) -> list[str]:
    """ "Saudi Arabia and Iran agreed to restore relations ... The UN welcomed the
    agreement": the states the doer of an act named by a word of a mutual class ("the
    agreement", "the pact") was read acting with where the act was first told (the noun's
    first mention and the two sentences before it); welcoming the act welcomes them all."""
    rules = resources.signal_rules()
    kind = _word_triggers().get(noun.lemma_)
    if kind is None or not rules[kind].symmetric:
        return []  # "welcomed the decision": one state's act
    doc = noun.doc
    first = noun
    for j in range(noun.i - 1, -1, -1):
        if doc[j].lemma_ == noun.lemma_ and doc[j].pos_ == "NOUN":
            first = doc[j]
            if not any(d.dep_ == "det" and d.lower_ in BACK_DETERMINERS for d in first.children):
                break  # "a deal" tells the act; "the deal" refers back to it
    since, until = doc[sentences_back(first, 2)].idx, sentence(first).end_char
    rows = [
        r
        for r in ctx.out
        if since <= r.start < min(until, noun.idx)
        and r.subject == doer
        and r.direction > 0
        and rules[r.type].symmetric
    ]
    last = rows[-1].sentence if rows else None
    found = [r.counterpart for r in rows if r.sentence == last]
    return [st for st in dict.fromkeys(found) if st not in (doer, subject)]


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that only place a thing ("the republics in eastern Ukraine").
LOCATIVE = frozenset({"in", "at", "near", "inside"})
# Prepositions that place a subject ("meeting at the NATO summit in Vilnius"), never a party.
PLACE_PREPS = frozenset({"at", "in", "on", "during"})


def _struck_places(
    ctx: Context, tok: Token, verb: Token, subject: str, preps: frozenset[str]
) -> list[str]:
    """ "Russian artillery shelled Kharkiv", "pressed their assault on Bakhmut": a place
    attacked lies in its state, by the places data; a place the data does not know lies in
    the state the article is about (never the attacker's own; when the article is about the
    attacker, the state it names most after)."""
    if _drill_news(ctx, tok, sentence(tok)):
        return []  # "fired live rounds at the Rovajarvi range": practice in a drill
    allies = _co_subjects(ctx, verb, subject)
    guess = _focus(ctx.resolved, exclude=subject)
    for phrase in _struck_phrases(ctx, tok, verb, preps):
        known = [st for t in phrase if (st := ctx.resolved.place_at(t.i))]
        if known and known[0] != subject:
            # "Ukrainian drones hit Belgorod": the place's own state
            return [known[0]] if known[0] not in allies else []
        # A place the data does not know, or the attacker's own ("recaptured the Kharkiv
        # region"): the state the article is about; an ally ("U.S. and British warships
        # shot down ...") is no target.
        unknown = known or any(_unknown_place(ctx, t) for t in phrase)
        if guess is not None and guess not in allies and unknown:
            return [guess]
    return []


def _struck_phrases(
    ctx: Context, tok: Token, verb: Token, preps: frozenset[str]
) -> list[list[Token]]:
    """The words of each object or place phrase of an attack, without the clauses on them."""
    out: list[list[Token]] = []
    for holder in dict.fromkeys([tok, verb]):
        for c in holder.children:
            if c.dep_ in ("advmod", "npadvmod") and ctx.resolved.place_at(c.i):
                out.append([c])  # "attacked Bakhmut", the name misread as an adverb
                continue
            if c.dep_ not in ("dobj", "prep") or (c.dep_ == "prep" and c.lower_ not in preps):
                continue
            if c.dep_ == "dobj" and c.i in ctx.weapon_tokens | ctx.weapon_names:
                continue  # "shot down 18 drones": what is struck is a weapon, not a place
            # The place is the phrase's own, not one in a clause on it ("in an engagement in
            # which the destroyer HMS Diamond used its missiles").
            aside = {u.i for t in c.subtree if t.dep_ in CLAUSES and t != c for u in t.subtree}
            out.append([t for t in c.subtree if t.i not in aside])
    return out


CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "appos"})


def _unknown_place(ctx: Context, tok: Token) -> bool:
    """A place name no actor or person stands for (the small model takes some cities for
    people: "shelled Kharkiv")."""
    if tok.i in ctx.resolved.by_token or tok.i in ctx.weapon_names:
        return False
    return tok.ent_type_ in PLACE_LABELS or (tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON")


def _struck_owners(ctx: Context, tok: Token, subject: str) -> list[str]:
    """The states owning the weapons an attack's object names ("shot down a Russian Su-24",
    "struck Iranian air defence sites"); never its instruments ("with Israeli bombs")."""
    out: list[str] = []
    struck = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if (
        tok.dep_ == "nsubj"
        and tok.head.lemma_ in resources.signal_rules()["armed_attack"].harm_verbs
    ):
        # "a drone strike at Baghdad airport killed an Iranian general"
        struck += [c for c in tok.head.children if c.dep_ == "dobj"]
    for c in struck:
        if c.dep_ in ("dobj", "nsubjpass"):
            for t in c.subtree:
                st = ctx.resolved.state_at(t.i) if t.i not in ctx.weapon_names else None
                if st and st != subject and st not in out and not _maker_of(t, ctx.resolved):
                    out.append(st)
    return out


def _maker_of(tok: Token, resolved: Resolved) -> bool:
    """A state named as a weapon's maker, not its owner: "Iranian-made drones"."""
    m = resolved.by_token.get(tok.i)
    first, last = (m.start, m.end) if m is not None else (tok.i, tok.i + 1)
    return supplier_suffixed(tok.doc, first, last)


def _on_trigger(ctx: Context, tok: Token, kind: str) -> None:
    sent = sentence(tok)
    internal = resources.signal_rules()[kind].internal
    # "Libya's civil war", "police its own airspace": no state acts on another
    acted = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    if internal and any(
        c.dep_ == "amod" and c.lower_ in internal for t in acted for c in t.children
    ):
        return
    if _special(ctx, tok, kind, sent) or _venue_named(ctx, tok, kind):
        return
    rule = resources.signal_rules()[kind]
    if tok.lemma_ in rule.commanded and (
        _commanded(ctx, tok, kind, sent) or tok.lemma_ not in rule.triggers
    ):
        return  # "closed its airspace" is a trigger of its own when no one is commanded
    verb = _governing_verb(tok)
    kind = _recast(ctx, tok, verb, kind)
    if kind == "armed_attack" and _at_armed_group(tok, verb):
        return  # "French jets struck militant camps around Gao": no state is attacked
    if (
        _between_parties(ctx, tok, kind, verb, sent)
        or _passive(ctx, tok, kind, sent)
        or _by_consent(kind, verb)  # "crossed into Congo with the Congolese government's consent"
    ):
        return
    subject = _trigger_subject(ctx, tok, verb, sent, kind)
    if subject is None:
        if kind == "joint_exercise":
            _unled_drill(ctx, tok, verb, sent)
        return
    read = _class(ctx, tok, kind, verb, sent)
    if read is None:
        return
    kind, direction = read
    rule = resources.signal_rules()[kind]
    if (
        _shielding(ctx, tok, verb, subject, kind, direction)
        or _faced(ctx, tok, verb, sent, subject, kind, direction)
        or _aimed(ctx, tok, verb, sent, subject, rule, direction)
    ):
        return
    if kind == "bloc_founding":
        _founding(ctx, tok, verb, sent, subject, direction)
        return
    subjects, counterparts = _sides(ctx, tok, verb, sent, subject, kind)
    if kind == "bloc_exit":
        counterparts = [c for c in counterparts if _is_bloc(c)]
    if rule.symmetric and direction == rule.direction:
        _every_party(ctx, tok, verb, sent, subject, kind, counterparts)
        return
    _emit_pairs(ctx, tok, verb, kind, direction, subjects, counterparts)


def _recast(ctx: Context, tok: Token, verb: Token, kind: str) -> str:
    """The class a trigger of words takes when a civil party does it ("Petro has also clashed
    with Israel", "whose government has clashed with the EU"): criticism, not fighting."""
    rule = resources.signal_rules()[kind]
    if tok.lemma_ not in rule.verbal_triggers:
        return kind
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return kind
    civil = _person(subj, ctx.resolved) or subj.lemma_.lower() in rule.civil_subjects
    return "verbal_criticism" if civil else kind


def _emit_pairs(
    ctx: Context,
    tok: Token,
    verb: Token,
    kind: str,
    direction: int,
    subjects: list[str],
    counterparts: list[str],
) -> None:
    """Each state that acts toward each it acts on; those of an "as did" clause act too, on
    no one new ("welcomed the agreement, as did Iraq, Oman and Egypt"), and the other side of
    a clash "with" it clashes back."""
    sent = sentence(tok)
    # "Germany condemned the Russian strike, as did France": they echo the condemning only
    judged = _judged(tok, verb, resources.signal_rules()[kind])
    echoes = [] if judged else _echoes(ctx, verb)
    counterparts = [c for c in counterparts if c not in echoes]
    subjects = list(dict.fromkeys([*subjects, *(e for e in echoes if e not in counterparts)]))
    back = _clashed_with(ctx, tok, verb, resources.signal_rules()[kind])
    victims = _backed_victims(ctx, tok) if kind == "verbal_support" and direction > 0 else []
    for actor in subjects:
        for counterpart in counterparts:
            ctx.emit(actor, counterpart, kind, direction, tok, sent)
            if counterpart in back:  # "India clashed with China": China clashed with India
                ctx.emit(counterpart, actor, kind, direction, tok, sent)
        for victim in victims:
            # "Austria backs the bloc's sanctions against Russia": against Russia too
            if victim != actor and victim not in counterparts:
                ctx.emit(actor, victim, "verbal_criticism", -1, tok, sent)


def _backed_victims(ctx: Context, tok: Token) -> list[str]:
    """The states a hostile act that a verb of support backs is done to ("backs the bloc's
    sanctions against Russia": Russia)."""
    acts = [c for c in tok.children if c.dep_ == "dobj"]
    found = (
        ctx.resolved.state_at(i)
        for c in acts
        for i in sorted(victim_tokens(c))
        # the act is the object itself, not one a clause in it speaks of ("welcomed any
        # effort to end the war in Yemen")
        if ctx.doc[i].head.head == c or ctx.doc[i].head == c
    )
    return list(dict.fromkeys(st for st in found if st))


def _between_parties(ctx: Context, tok: Token, kind: str, verb: Token, sent: Span) -> bool:
    """ "the war between Ukraine and Russia", "clashes between Indian and Chinese troops": a
    mutual act whose own phrase names its parties makes each the other's target, whatever verb
    carries it (True when read here)."""
    rule = resources.signal_rules()[kind]
    holder = tok if tok.pos_ == "VERB" else verb
    tie_only = tok.lemma_ in rule.tie_verbs or tok.lower_ in rule.tie_verbs
    described = tie_only and tok.dep_ == "amod" and _is_tie(tok.head, rule)
    if tie_only and (described or _tie_subject(holder, rule) is None):
        # "the withdrawal, which soured relations with Washington": no parties; "the war
        # strained relations between Moscow and Washington", "amid strained relations between
        # Moscow and Washington": the tie's own
        tie = (
            tok.head
            if described
            else next((c for c in holder.children if c.dep_ == "dobj" and _is_tie(c, rule)), None)
        )
        parties = _tie_states(ctx, tie, tok) if tie is not None else []
        if len(parties) < 2:
            return True
    elif tok.pos_ != "NOUN" and _tie_subject(holder, rule) is not None:
        # a tie that is the subject names the parties or none are read ("Turkey's relations
        # with its Western allies were strained by its purchase of Russian S-400s")
        parties = _tie_subject_parties(ctx, holder, rule)
        if len(parties) < 2:
            return True
    elif tok.pos_ != "NOUN":
        mutual = tok.lemma_ in rule.mutual or tok.lower_ in rule.mutual
        parties = _border_between(ctx, tok) if mutual else []
    elif tok.lemma_ in rule.mutual or tok.lower_ in rule.mutual:
        parties = _between(ctx, tok) or _border_between(ctx, tok)
    elif rule.symmetric and rule.direction > 0 and rule.tie_nouns:
        parties = _tie_parties(ctx, tok, rule)
    else:
        return False
    if len(parties) < 2:
        return False
    # a tie described as strained is no modifier the class passes over
    read = (kind, rule.direction) if described else _class(ctx, tok, kind, verb, sent)
    if read is not None:
        for a in parties:
            for b in parties:
                if a != b:
                    ctx.emit(a, b, read[0], read[1], tok, sent)
    return True


def _tie_subject_parties(ctx: Context, tok: Token, rule: resources.SignalRule) -> list[str]:
    """ "relations between Ankara and Tel Aviv broke down", "since relations with Turkey broke
    down": a tie that is itself the subject joins the states it names, and a "with" phrase
    alone joins its state to the subject of the sentence's main clause."""
    tie = _tie_subject(tok, rule)
    if tie is None:
        return []
    found = _tie_states(ctx, tie)
    partner = [
        st
        for prep in tie.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for t in prep.subtree
        if (st := ctx.resolved.state_at(t.i))
    ]
    if partner and not found:
        main = sentence(tok).root
        subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        own = ctx.resolved.subject_state(subj) if subj is not None and main != tok else None
        found = [own] if own is not None else []
    return list(dict.fromkeys([*found, *partner]))


def _tie_states(ctx: Context, tie: Token, trigger: Token | None = None) -> list[str]:
    """The states a tie noun names: its "between" phrase and its own modifiers ("Saudi-Iranian
    ties", "Indonesia, whose relations ..."), not the trigger that describes it."""
    return _between(ctx, tie) + [
        st
        for c in tie.children
        if c.dep_ in ("amod", "compound", "poss") and c.i < tie.i and c != trigger
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i) or _whose(ctx, t))
        and not _company_at(ctx.resolved, t.i)
    ]


def _is_tie(tok: Token, rule: resources.SignalRule) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_ in rule.tie_nouns


def _tie_subject(verb: Token, rule: resources.SignalRule) -> Token | None:
    """A verb's subject that is a tie of the class ("relations ... broke down")."""
    return next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and _is_tie(c, rule)),
        None,
    )


def _whose(ctx: Context, tok: Token) -> str | None:
    """The state "whose" stands for: the noun its clause describes ("Indonesia, whose
    relations with Canberra have been strained")."""
    if tok.lower_ != "whose":
        return None
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    return ctx.resolved.state_at(clause.head.i) if clause is not None else None


def _tie_parties(ctx: Context, tok: Token, rule: resources.SignalRule) -> list[str]:
    """ "the restoration of Saudi-Iranian ties", "the resumption of relations between Rabat
    and Algiers": the states a cooperative noun's tie names are its parties, whoever brokers
    or reports it."""
    ties = [
        p
        for prep in tok.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_ in rule.tie_nouns
    ]
    found: list[str] = []
    for tie in ties:
        found += _between(ctx, tie)
        found += [
            st
            for c in tie.children
            if c.dep_ in ("amod", "compound") and c.i < tie.i
            for t in c.subtree
            if (st := ctx.resolved.state_at(t.i)) and not _company_at(ctx.resolved, t.i)
        ]
    return list(dict.fromkeys(found))


def _between(ctx: Context, tok: Token) -> list[str]:
    """The states a noun's "between" or "among" phrase names."""
    found = [
        st
        for prep in tok.rights
        if prep.dep_ == "prep" and prep.lower_ in ("between", "among")
        for t in prep.subtree
        if (st := ctx.resolved.state_at(t.i))
        and resources.is_country(st)
        # "a trade fight between Boeing and Bombardier": companies are not their states
        and not _company_at(ctx.resolved, t.i)
    ]
    return list(dict.fromkeys(found))


def _border_between(ctx: Context, tok: Token) -> list[str]:
    """The sides a border in a mutual act's own phrase names ("a firefight along the frontier
    between Iran and Afghanistan", "troops clashed on the border between India and China",
    "fighting broke out along the border between ...")."""
    holders = [tok, tok.head] if tok.dep_ == "nsubj" else [tok]
    found = [
        st
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep"
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_ in BORDER_WORDS
        for st in _between(ctx, noun)
    ]
    return list(dict.fromkeys(found))


def _company_at(resolved: Resolved, i: int) -> bool:
    """Whether the word at ``i`` names a company ("BAE Systems"), which is no state's party."""
    mention = resolved.by_token.get(i)
    return mention is not None and _company(mention.actor)


def _echoes(ctx: Context, verb: Token) -> list[str]:
    """The states of an "as did" clause on a verb ("Germany condemned the strike, as did
    France and Britain"): subjects that did the same."""
    joined = [
        t
        for clause in verb.children
        if clause.lemma_ == "join" and clause.tag_ == "VBG" and clause.dep_ in ("advcl", "xcomp")
        if any(c.dep_ == "prep" and c.lower_ == "in" for c in clause.children)
        for o in clause.children
        if o.dep_ == "dobj"
        for t in (o, *o.conjuncts)
    ]
    # "suspended arms sales to Turkey, joining Germany in a freeze": Germany did the same
    found = (_state_of(t, ctx.resolved) for t in [*echo_subjects(verb), *joined])
    return list(dict.fromkeys(st for st in found if st is not None))


def _founding(
    ctx: Context, tok: Token, verb: Token, sent: Span, subject: str, direction: int
) -> None:
    """ "Mali, Burkina Faso and Niger formed the Alliance of Sahel States", "the AES, the
    confederation the three countries formed": each founder joins the bloc it founds and
    binds itself to every other founder. The bloc is what is founded (the object, or the
    noun a relative clause describes), never a bystander."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("relcl", "acl"):
        objects.append(tok.head)
    # The object itself or a name set beside it ("a bloc, the AES"), not a place in its
    # phrase ("formed a new army near NATO").
    heads = [*objects, *(c for o in objects for c in o.children if c.dep_ == "appos")]
    blocs = [
        st
        for t in heads
        if (st := ctx.resolved.state_at(t.i) or _bloc_reference(t, ctx.resolved)) and _is_bloc(st)
    ]
    if not blocs:
        return
    founders = list(dict.fromkeys([subject, *_conjoined_subjects(ctx, verb, subject)]))
    founders = [f for f in founders if not _is_bloc(f)]
    for a in founders:
        ctx.emit(a, blocs[0], "bloc_founding", direction, tok, sent)
        for b in founders:
            ctx.emit(a, b, "bloc_founding", direction, tok, sent)


def _sides(
    ctx: Context, tok: Token, verb: Token, sent: Span, subject: str, kind: str
) -> tuple[list[str], list[str]]:
    """(the states that act, the states they act on), turned round where the subject is the
    one acted for: a bloc that talks with candidates hears their bids; "Lebanon received aid
    from Qatar"."""
    subjects, counterparts = _parties(ctx, tok, verb, sent, subject, kind)
    if kind == "accession_bid" and _is_bloc(subject):
        return counterparts, [subject]
    if verb.lemma_ in resources.signal_rules()[kind].receiving_verbs:
        return counterparts, subjects
    return subjects, counterparts


def _parties(
    ctx: Context, tok: Token, verb: Token, sent: Span, subject: str, kind: str
) -> tuple[list[str], list[str]]:
    """(the states that act, the states they act on) for a trigger whose subject is known."""
    rule = resources.signal_rules()[kind]
    counterparts = _counterparts(ctx, tok, verb, sent, subject, kind)
    if not counterparts and not rule.symmetric and rule.direction < 0:
        counterparts = _parallel(ctx, sent, kind, subject)
    # "the blockade imposed by Saudi Arabia, the UAE, Bahrain and Egypt": all of them do it;
    # "officials in Tokyo and Canberra voiced concern": nor are they each other's targets
    agents = _noun_agents(ctx, tok)
    agents = agents if subject in agents else []
    mates = _subject_mates(ctx, tok, verb, subject)
    counterparts = [c for c in counterparts if c not in agents and c not in mates]
    subjects = [subject, *(a for a in agents if a != subject)]
    if counterparts and not rule.symmetric:
        # "Chile and Colombia recalled their ambassadors from Israel": each of them acts.
        subjects += [s for s in _conjoined_subjects(ctx, verb, subject) if s not in counterparts]
        if rule.direction < 0 and _reciprocal(tok, verb, rule):
            # "Indian and Chinese troops clashed": each side acts on the other.
            sides = _co_subjects(ctx, verb, subject)
            if counterparts and set(counterparts) <= set(sides):
                subjects = list(dict.fromkeys([*subjects, *counterparts]))
                counterparts = list(subjects)
    elif not counterparts and rule.mutual and not rule.symmetric and _reciprocal(tok, verb, rule):
        # "Indian and Chinese troops clashed", "Israel and Egypt have grown closer": each side
        # acts on the other
        subjects += _co_subjects(ctx, verb, subject)
        counterparts = list(subjects)
    elif not counterparts and rule.basis != "verbal" and (rule.symmetric or rule.direction < 0):
        # "Indian and Chinese troops clashed"; those who urge or criticise together are not
        # each other's targets, nor are allies who strike together ("U.S. and British warships
        # shot down 18 drones").
        if rule.symmetric:
            # "Lithuanian officials warned about Russian exercises": who judges an act does
            # not join it
            judged = _judged(tok, verb, rule)
            counterparts = [] if rule.partner_named or judged else _co_subjects(ctx, verb, subject)
        elif _reciprocal(tok, verb, rule):
            # "Ecuador and Peru each expelled two diplomats": each acts on the other.
            subjects += _co_subjects(ctx, verb, subject)
            counterparts = list(subjects)
        else:
            counterparts = _patients(ctx, tok, verb, subject)
    return subjects, counterparts


def _parallel(ctx: Context, sent: Span, kind: str, subject: str) -> list[str]:
    """ "Bolivia broke off relations with Israel, and Chile and Colombia recalled their
    ambassadors": an act of the same class that names no counterpart, in the sentence of one
    that does, is aimed at the same state."""
    rows = [
        r
        for r in ctx.out
        if r.type == kind and sent.start_char <= r.start < sent.end_char and r.subject != subject
    ]
    return [rows[-1].counterpart] if rows and rows[-1].counterpart != subject else []


# Grammar: the marks of a purpose clause ("so that it could strike").
PURPOSE = frozenset({"so", "that"})

# Classes whose counterpart is a bloc itself: what is joined, applied to, left or founded.
BLOC_KINDS = frozenset({"membership", "accession_bid", "bloc_exit", "bloc_founding"})

# Grammar: conjunctions that set a verb against the one before it, so that a negation of
# the first does not carry over ("did not take part but warned").
CONTRASTIVE = frozenset({"but", "yet"})

# Grammar: words that make coordinated subjects act on each other ("each expelled", "attacked
# each other", "one another").
RECIPROCAL = frozenset({"each", "other", "another", "mutual", "mutually"})


def _reciprocal(tok: Token, verb: Token, rule: resources.SignalRule) -> bool:
    """Whether the parties of a hostile act act on each other: a trigger that is mutual by
    nature ("clashed", "fighting"), or a reciprocal word in the clause ("each expelled")."""
    if tok.lemma_ in rule.mutual or tok.lower_ in rule.mutual:
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_ in rule.mutual:
        return True  # "exchanged fire", "traded artillery fire"
    if _aimed_at_no_state(tok, verb):
        return False  # "the US and South Korean armies each fired two rockets into the sea"
    # The word may stand anywhere up the clauses the act is in ("India and Canada each
    # expelled", "each accusing the other of opening fire").
    heads = [tok, *tok.ancestors]
    if any(t.lower_ in RECIPROCAL for h in heads for t in h.children):
        return True
    phrases = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep")]
    return any(t.lower_ in RECIPROCAL for c in phrases for t in c.subtree)


AIM_PREPS = frozenset({"into", "at", "onto", "toward", "towards", "over"})
"""Grammar of aim: the phrase that says where a shot or strike goes."""


def _aimed_at_no_state(tok: Token, verb: Token) -> bool:
    """Whether an act says where it goes and that is no state ("fired two rockets into the
    East Sea")."""
    aims = [
        c for h in {tok, verb} for c in h.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS
    ]
    return bool(aims) and not any(
        t.ent_type_ in ("GPE", "NORP") or t.lower_ in RECIPROCAL for a in aims for t in a.subtree
    )


def _clashed_with(
    ctx: Context, tok: Token, verb: Token, rule: resources.SignalRule
) -> frozenset[str]:
    """The states a hostile act mutual by nature names as its other side "with" ("clashed
    with China", "fought with Azerbaijani forces"): they do it too."""
    if rule.direction > 0 or (tok.lemma_ not in rule.mutual and tok.lower_ not in rule.mutual):
        return frozenset()
    return frozenset(
        st
        for h in {tok, verb}
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i))
    )


def _patients(ctx: Context, tok: Token, verb: Token, subject: str) -> list[str]:
    """ "The airport was put out of service by an Israeli missile strike": an act named in a
    passive verb's agent phrase befalls the verb's subject."""
    if not any(t.dep_ == "agent" for t in _path_up(tok)):
        return []
    return [
        st
        for c in verb.children
        if c.dep_ == "nsubjpass"
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i)) and st != subject
    ][:1]


def _passive(ctx: Context, tok: Token, kind: str, sent: Span) -> bool:
    """ "Ukraine was attacked by Russia", "Kenya is backed by Washington": a passive verb's
    agent acts on its subject (True when the passive was read here, with or without a row;
    "rebels backed by Tehran" are no state)."""
    rule = resources.signal_rules()[kind]
    if tok.pos_ != "VERB" or rule.symmetric:
        return False
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    patient = _passive_patient(tok)
    if _backed_by_weapons(ctx, tok):
        return True  # "troops crossed the border, backed by F-16 jets and artillery"
    if agent is None and patient is not None and tok.lemma_ in rule.from_agents:
        # "France's ambassador was expelled from Niger": Niger expels
        agent = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if agent is None or patient is None:
        return False
    doer = next(
        (
            st
            for t in agent.subtree
            if (st := ctx.resolved.state_at(t.i)) and not _maker_of(t, ctx.resolved)
        ),
        None,
    )
    # "blocked by Turkey and Hungary": each state the agent's coordinated nouns name acts
    named = [ctx.resolved.state_at(t.i) for c in agent.children for t in (c, *c.conjuncts)]
    if patient.dep_ != "nsubjpass" and named[:1] != [doer]:
        return False  # "units backed by Iranian-supported militias": the militias back them
    doers = dict.fromkeys(st for st in [doer, *named] if st) if doer else {}
    done = _state_of(patient, ctx.resolved)
    if kind in BLOC_KINDS and not (done and _is_bloc(done)):
        return True  # "they were joined in the air by a Russian Su-57": no bloc is joined
    read = _class(ctx, tok, kind, tok, sent) if doers and done else None
    if read is None or done is None:
        return True
    for one in doers:
        ctx.emit(one, done, read[0], read[1], tok, sent)
    return True


def _passive_patient(verb: Token) -> Token | None:
    """What a passive verb is done to, however the parser hung it: its passive subject, a
    subject the parser labelled active beside a passive auxiliary ("Sweden's bid remains
    blocked by Turkey"), or the subject of the clause a bare participle hangs on ("the bid has
    stalled, blocked by Turkey")."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if patient is None and aux:
        near = [*verb.children, *(c for a in aux for c in a.children)]
        patient = next((c for c in near if c.dep_ == "nsubj"), None)
    if patient is None and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acomp", "oprd", "acl"):
        head = verb.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
        patient = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return patient


def _popular(noun: Token) -> bool:
    """Whether a judging noun is people's, not a state's ("a month of street protests")."""
    internal = resources.signal_rules()["verbal_criticism"].internal
    return any(c.dep_ in ("amod", "compound") and c.lower_ in internal for c in noun.children)


def _backed_by_weapons(ctx: Context, verb: Token) -> bool:
    """Whether a passive verb's agent names weapons and no state ("crossed the border, backed
    by F-16 jets and artillery"): no one backs anyone."""
    words = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    return any(t.i in ctx.weapon_names for t in words) and not any(
        ctx.resolved.state_at(t.i) for t in words
    )


def _venue_named(ctx: Context, tok: Token, kind: str) -> bool:
    """Whether an act's noun is named after the city it was made in ("the Madrid agreement",
    "the Minsk accords"): the name says where, not who."""
    if not resources.signal_rules()[kind].venue_places or tok.pos_ != "NOUN":
        return False
    return any(c.dep_ == "compound" and ctx.resolved.capital_at(c.i) for c in tok.children)


def _every_party(
    ctx: Context,
    tok: Token,
    verb: Token,
    sent: Span,
    subject: str,
    kind: str,
    counterparts: list[str],
) -> None:
    """Drills and treaties: every party moves toward every other ("Indonesian and U.S. troops,
    joined by forces from Australia, Japan and Singapore")."""
    rule = resources.signal_rules()[kind]
    if rule.partner_named and not counterparts:
        return  # "Chinese and Indian troops marched on Red Square": no host named
    # "China condemned US arms sales to Taiwan": the judge's phrase names no party.
    # "a Chinese or Pakistani fighter would deepen Argentina's ties": the owner acts alone.
    alone = _judged(tok, verb, rule) or (rule.owner_acts and bool(_owned_context(ctx, tok, rule)))
    partners = [] if alone else _co_subjects(ctx, verb, subject)
    own = list(dict.fromkeys([subject, *partners]))
    named = _named_parties(ctx, tok)
    if len(named) > 1 and not set(own) & set(named):
        # "Ankara watches the Greek-Cypriot-Israeli partnership": the act names its own
        # parties, and whoever looks at it is none of them.
        own, counterparts = named, []
    if len(own) > 1:
        # "Armenian and U.S. soldiers began an exercise": the parties are named; others in the
        # sentence are bystanders.
        counterparts = _counterparts(ctx, tok, verb, sent, subject, kind, fallback=False)
    if kind == "joint_exercise":
        counterparts = [*counterparts, *_leaders(ctx, tok), *_hosts(ctx, tok, verb)]
    parties = list(dict.fromkeys([*own, *counterparts]))
    if kind == "joint_exercise":
        parties = list(dict.fromkeys([*_same_drill(ctx, tok), *parties]))
        # "German officials stressed that the exercise was defensive": the drill in the news
        # keeps the parties it had for those who join it later
        kept = ctx.exercise[1] if ctx.exercise is not None and _refers_back(tok) else []
        ctx.exercise = (sent.start, list(dict.fromkeys([*kept, *parties])))
    # "Saudi Arabia, the UAE and Egypt restored relations with Qatar": co-subjects acting
    # together on a named counterpart move toward it, not toward each other; those who agree
    # together ("South Korea and Japan agreed to strengthen cooperation with the US") agree
    # with each other too.
    apart = (
        not rule.all_pairs
        and kind != "agreement"
        and any(c not in own for c in _with_partners(ctx, sent) if c in counterparts)
    ) or rule.subjects_apart
    for a in parties:
        for b in parties:
            if (rule.all_pairs or a in own or b in own) and not (apart and a in own and b in own):
                ctx.emit(a, b, kind, rule.direction, tok, sent)
    for bloc in _founded(ctx, verb, parties) if kind == "agreement" else []:
        for a in parties:
            ctx.emit(a, bloc, "membership", 1, tok, sent)


def _with_partners(ctx: Context, sent: Span) -> set[str]:
    """The states a sentence names after "with" or "alongside" ("restored relations with
    Qatar", "marched alongside Russian troops")."""
    return {
        st
        for t in sent
        if t.dep_ == "pobj" and t.head.lower_ in ("with", "alongside")
        for c in (t, *t.conjuncts)
        for w in c.subtree
        if (st := ctx.resolved.state_at(w.i))
    }


HOST_PREPS = frozenset({"in", "over", "across", "into"})


@lru_cache(maxsize=1)
def _drill_nouns() -> frozenset[str]:
    """Words for what a drill does: its triggers and the training it consists of."""
    rules = resources.signal_rules()
    words = {w for w in rules["joint_exercise"].triggers if " " not in w}
    return frozenset({*words, "training"})


def _hosts(ctx: Context, tok: Token, verb: Token) -> list[str]:
    """ "combat training over northern Australia", "joint drills in Belarus": the country a
    drill is held in hosts it and takes part."""
    out: list[str] = []
    # the drill word, its verb and what the verb holds ("began three weeks of combat training
    # over northern Australia ... in the Pitch Black exercise")
    words = [tok, verb, *(t for t in verb.subtree if t.lower_ in _drill_nouns() and t != tok)]
    for word in dict.fromkeys(words):
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in HOST_PREPS:
                continue
            # "opened in Ghana and Ivory Coast": each state the drill is held in
            objs = [o for c in prep.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
            for obj in objs:
                st = ctx.resolved.state_at(obj.i)
                if st and resources.is_country(st) and obj.i not in ctx.weapon_tokens:
                    out.append(st)
    return out


def _leaders(ctx: Context, tok: Token) -> list[str]:
    """ "the US-led RIMPAC exercise": the state that leads a drill, named just before it,
    takes part in it."""
    doc = tok.doc
    found = []
    for i in range(max(sentence(tok).start, tok.i - 4), tok.i):
        word = doc[i].lower_
        if word.endswith("-led"):
            found.append(ctx.resolved.state_at(i))
        elif word == "led" and i >= 2 and doc[i - 1].text == "-":
            found.append(ctx.resolved.state_at(i - 2))
    return [st for st in found if st is not None and resources.is_country(st)]


def _named_parties(ctx: Context, tok: Token) -> list[str]:
    """The states a noun trigger's own words name as its parties: its modifiers ("the
    Greek-Israeli pact") and what it is between or among ("a pact between Greece and
    France"); none for a verb."""
    if tok.pos_ != "NOUN":
        return []
    words = [t for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
            words += list(prep.subtree)
    found = [st for t in words if (st := ctx.resolved.state_at(t.i))]
    return list(dict.fromkeys(st for st in found if resources.is_country(st)))


def _founded(ctx: Context, verb: Token, parties: list[str]) -> list[str]:
    """ "The three governments signed a pact, the Alliance of Sahel States": a bloc named in
    the clause whose members are exactly the parties is the bloc their act founds or binds."""
    by_id = resources.actors_by_id()
    out: list[str] = []
    for t in verb.subtree:
        st = ctx.resolved.state_at(t.i)
        rec = by_id.get(st or "")
        if (
            rec is not None
            and st not in out
            and _is_bloc(rec.id)
            and len(parties) > 1
            and set(rec.members) == set(parties)
        ):
            out.append(rec.id)
    return out


def _faced(
    ctx: Context, tok: Token, verb: Token, sent: Span, subject: str, kind: str, direction: int
) -> bool:
    """ "Serbia could face US sanctions", "has been under U.S. sanctions": the subject is the
    target (True when emitted)."""
    # "Russia has been under U.S. sanctions since 2014": the subject is the target too
    under = tok.dep_ == "pobj" and tok.head.lower_ == "under"
    if kind != "sanctions" or (tok.head.lemma_ not in SANCTIONED_HEADS and not under):
        return False
    rule = resources.signal_rules()[kind]
    owners = [o for o in _owners(ctx, tok) if _is_state(o)]
    if owners:
        # "Serbia could face U.S. sanctions", "faces sanctions from the European Union",
        # "remains under sanctions from the United States and the EU": whose sanctions they
        # are imposes them on the clause's subject
        found, patient = _subject(verb, verb, ctx.resolved, ctx.focus)
        if found and patient is not None and _is_state(patient):
            for owner in (o for o in owners if o != patient):
                ctx.emit(owner, patient, kind, direction, tok, sent)
        return True
    preps = TARGET_PREPS | set(rule.target_preps)
    if any(t != subject for t in _targets(tok, ctx.resolved, ctx.weapon_tokens, preps)):
        return False
    for counterpart in _counterparts(ctx, tok, verb, sent, subject, kind)[:1]:
        ctx.emit(counterpart, subject, kind, direction, tok, sent)
    return True


def _owners(ctx: Context, tok: Token) -> list[str]:
    """Every state a noun trigger belongs to: its own modifier, the states its "from" or "by"
    phrase lists, and those of its participle's agent ("sanctions imposed by the United States
    and the EU")."""
    found = _noun_agents(ctx, tok)
    own = _own_actor(ctx, tok)
    if own is not None:
        found.append(own)
    found += _sources_of(ctx, tok)
    return list(dict.fromkeys(found))


def _sources_of(ctx: Context, noun: Token) -> list[str]:
    """Every state a noun's "from" or "by" phrase lists ("sanctions from the United States
    and the EU")."""
    found: list[str] = []
    for c in _source_preps(noun):
        for p in (p for p in c.children if p.dep_ == "pobj"):
            found += [st for t in (p, *p.conjuncts) if (st := ctx.resolved.state_at(t.i))]
    return found


def _source_preps(noun: Token) -> list[Token]:
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
    if noun.dep_ == "dobj":
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from"]
    return preps


def _source_of(ctx: Context, noun: Token) -> str | None:
    """The state a noun's "from" or "by" phrase names ("sanctions from the European Union",
    also when the parser hangs it on the verb whose object the noun is: "faced new sanctions
    from Britain")."""
    return next(
        (
            st
            for c in _source_preps(noun)
            for p in c.children
            if p.dep_ == "pobj" and (st := ctx.resolved.state_at(p.i))
        ),
        None,
    )


def _aimed(
    ctx: Context,
    tok: Token,
    verb: Token,
    sent: Span,
    subject: str,
    rule: resources.SignalRule,
    direction: int,
) -> bool:
    """ "China staged drills around Taiwan": aimed at a state, not shared with it (True when
    emitted)."""
    if not rule.hostile_type or direction != rule.direction:
        return False
    aimed_at = _aimed_at(ctx, tok, verb, subject, rule.hostile_preps)
    if not aimed_at:
        return False
    # "Russia and China held joint drills near Japan": both aim them, and drill together;
    # "Japan criticised Chinese drills near Taiwan": who judges them holds none, their own
    # modifier names who does
    doers = [subject, *(st for st in _co_subjects(ctx, verb, subject) if st not in aimed_at)]
    if _judged(tok, verb, rule):
        doers = [
            st
            for c in tok.children
            if c.dep_ in ("compound", "amod", "nmod", "poss")
            for t in c.subtree
            if (st := ctx.resolved.state_at(t.i)) and st not in aimed_at
        ]
    for doer in doers:
        for target in aimed_at:
            ctx.emit(doer, target, rule.hostile_type, -1, tok, sent)
        for other in doers:
            if other != doer:
                ctx.emit(doer, other, rule.type, rule.direction, tok, sent)
    return True


def _aimed_at(
    ctx: Context, tok: Token, verb: Token, subject: str, preps: tuple[str, ...]
) -> list[str]:
    """States named through the prepositions that aim an act at them ("around Taiwan"); not a
    party to the act, nor a member of a bloc that is one ("the first ASEAN-Russia naval
    exercise off Indonesia")."""
    partners = set(_co_subjects(ctx, verb, subject))
    # the parties named on the act noun itself and the members of any bloc among them
    named_on = {
        st
        for c in tok.children
        if c.dep_ in ("compound", "amod", "nmod")
        for t in c.subtree
        if (st := ctx.resolved.state_at(t.i))
    }
    # a bloc the sentence names as a party: its members hold the act with it
    blocs = {st for st in ctx.resolved.states_in(sentence(tok)) if _is_bloc(st)}
    partners |= named_on | _bloc_members(named_on | partners | blocs | {subject})
    out: list[str] = []
    for holder in dict.fromkeys([tok, verb]):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                # The place is the first state the phrase names: "near Tajikistan's border
                # with Afghanistan" lies in Tajikistan, a partner's own ground.
                first = next((t for t in c.subtree if ctx.resolved.state_at(t.i)), None)
                named = [] if first is None else [first, *_mention_root(ctx, first).conjuncts]
                for t in named:
                    st = ctx.resolved.state_at(t.i)
                    if st and st != subject and st not in partners and st not in out:
                        out.append(st)
    return out


def _bloc_members(ids: set[str]) -> set[str]:
    """The member states of the blocs among ``ids``."""
    by_id = resources.actors_by_id()
    return {m for i in ids if (rec := by_id.get(i)) is not None for m in rec.members}


def _mention_root(ctx: Context, tok: Token) -> Token:
    """The head token of the actor mention a token is in ("the Philippines": Philippines)."""
    m = ctx.resolved.by_token.get(tok.i)
    return tok.doc[m.start : m.end].root if m is not None else tok


def _conjoined_subjects(ctx: Context, verb: Token, subject: str) -> list[str]:
    """States coordinated with the subject's own name ("Chile and Colombia recalled"), not
    others in its phrase ("Iran's mission to the United Nations", "Iranian-made drones")."""
    doc = verb.doc
    out: list[str] = []
    spans = []
    while (
        verb.dep_ == "xcomp"
        and verb.head != verb
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = verb.head  # "Norway and Finland stopped issuing licences for arms exports"
        # "prompted France and Germany to suspend licences": the object controls the act
        spans += [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children if c.dep_ == "dobj"]
    spans.append((verb.left_edge.i, verb.i))
    for m in ctx.resolved.mentions:
        if m.state != subject or not any(a <= m.start < b for a, b in spans):
            continue
        # "American, British and Saudi warplanes pounded": where the subject's own word is a
        # weapon's modifier, so are the others listed with it
        modifier = m.start in ctx.weapon_tokens
        for c in ctx.resolved.listed_with(doc[m.start : m.end].root):
            st = ctx.resolved.state_at(c.i)
            free = modifier or c.i not in ctx.weapon_tokens
            if st and st != subject and free and st not in out:
                out.append(st)
    out += [st for st in _along_with(ctx, verb) if st != subject and st not in out]
    followed = _followed_in(verb)
    if followed is not None:
        # "Kuwait and the UAE followed Riyadh in recalling their ambassadors": who follows
        # does the act too, as does the one followed
        heads = [c for c in followed.children if c.dep_ in ("nsubj", "dobj")]
        out += [st for st in _listed_states(ctx, heads) if st != subject and st not in out]
    if (
        verb.dep_ == "relcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE for c in verb.children)
        # "Uzbekistan, which quit the CSTO, and Tajikistan, which hosts ...": a clause before
        # the list's last item, or beside another item's own clause, is its own item's
        and all(c.i < verb.i for c in verb.head.conjuncts)
        and not any(r.dep_ == "relcl" for c in verb.head.conjuncts for r in c.children)
    ):
        # "Saudi Arabia, the UAE, Bahrain and Egypt, which cut links with Qatar": the relative
        # stands for the whole list its clause hangs on
        for c in (verb.head, *verb.head.conjuncts):
            st = ctx.resolved.state_at(c.i)
            if st and st != subject and c.i not in ctx.weapon_tokens and st not in out:
                out.append(st)
    # "Mali, Burkina Faso and Niger announced that they were leaving ECOWAS": all of them;
    # "the three military-ruled states broke with ECOWAS": each state the group stands for,
    # also for a second verb that shares the subject ("All three ... and drawn closer").
    holder = verb.head if verb.dep_ == "conj" and not _has_subject(verb) else verb
    for c in holder.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        group = ctx.resolved.listed_before(c) if c.lower_ == "they" else ctx.resolved.group(c)
        # "Several countries imposed sanctions on Russia, including Japan and Canada"
        group = group or [st for e in _misplaced_examples(c) if (st := _state_of(e, ctx.resolved))]
        out += [st for st in group if st != subject and st not in out]
    return out


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _along_with(ctx: Context, verb: Token) -> list[str]:
    """States that act beside the subject: "joined NATO in 2004, along with Bulgaria and
    Estonia", "Romania, along with Bulgaria, joined", "together with Bulgaria", "cut ties with
    Qatar alongside Saudi Arabia and Egypt"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    out: list[str] = []
    for head in (verb, *subjects):
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ == "along":
                prep = next((c for c in prep.children if c.lower_ == "with"), prep)
            elif prep.lower_ != "alongside" and (
                prep.i == 0 or prep.doc[prep.i - 1].lower_ not in ("along", "together")
            ):
                continue
            if prep.lower_ not in ("with", "alongside"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for c in (obj, *obj.conjuncts):
                    st = ctx.resolved.state_at(c.i)
                    if st and c.i not in ctx.weapon_tokens and st not in out:
                        out.append(st)
    return out


FOLLOWING = frozenset({"follow", "join"})
"""Verbs by which states do an act "in" the wake of another ("followed Riyadh in recalling")."""


def _followed_in(verb: Token) -> Token | None:
    """The verb of following an act is told through ("followed Riyadh in recalling")."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_ not in FOLLOWING:
        return None
    return prep.head


def _co_subjects(ctx: Context, verb: Token, subject: str) -> list[str]:
    """Other states in the subject phrase ("Serbia and Russia held drills")."""
    out: list[str] = []
    holder = verb
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
            break
        if holder.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp") or holder.head == holder:
            break
        holder = holder.head
    phrases = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    phrases += [e for c in phrases for e in _misplaced_examples(c)]
    if any(c.dep_ == "nsubjpass" for c in holder.children):
        phrases += _agents(holder)  # "signed by Saudi Arabia, Qatar and Egypt"
    if holder.dep_ == "relcl" and any(c.lower_ in RELATIVE for c in phrases):
        # "counterparts from Britain, Poland and Latvia, who signed the pledge": the relative
        # pronoun stands for the whole list its clause hangs on
        head = holder.head
        phrases += [head, *head.conjuncts] + [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    if holder.lemma_ == "join":
        # "Indonesian and U.S. troops, joined (for the first time) by forces from Australia".
        phrases += [
            t
            for t in holder.subtree
            if t.lower_ == "by" and t.dep_ in ("prep", "agent") and _clause_of(t) == holder
        ]
    for c in phrases:
        # "Yoon and Kishida, meeting at the NATO summit in Vilnius, agreed": a clause on the
        # subject names where or when, not who.
        aside = {
            u.i
            for t in c.subtree
            if t.i != c.i
            and (
                t.dep_ in ("relcl", "advcl")
                or (t.dep_ == "prep" and t.lower_ in PLACE_PREPS)
                # "Chile, Peru's southern neighbour, agreed": a description's owner is no party
                or (
                    t.dep_ == "poss"
                    and t.head.dep_ == "appos"
                    and ctx.resolved.state_at(t.head.i) is None
                )
            )
            for u in t.subtree
        }
        for t in c.subtree:
            if t.i in aside:
                continue
            # "the three governments signed": each state the group stands for; "Morocco and
            # Israel announced that they would resume relations": the states listed before.
            group = ctx.resolved.listed_before(t) if t.lower_ == "they" else ctx.resolved.group(t)
            if _members_bloc(t, ctx.resolved):
                continue
            for st in [ctx.resolved.state_at(t.i), *group]:
                if st and st != subject and st not in out:
                    out.append(st)
    return out


def _clause_of(tok: Token) -> Token:
    """The verb whose clause a token is in."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head != head:
        head = head.head
    return head


def _compliance(ctx: Context) -> None:
    """ "suspended drills, citing pressure from the EU": complying moves toward the pressurer.
    Only cues whose speaker is the one under pressure count."""
    suspend = set(resources.signal_rules()["joint_exercise"].reversed_by)
    for cue in ctx.cues:
        under = cue.cue.lower().endswith("from") or cue.cue.lower().startswith("under")
        if cue.type != "pressure" or not under or not cue.speaker or not cue.target:
            continue
        span = ctx.doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        sent = sentence(span[0])
        if sentence_words(sent)[1] & (suspend | {"comply", "align", "agree", "accept"}):
            ctx.emit(cue.speaker, cue.target, "pressure_compliance", 1, span.root, sent)


def _judgements(ctx: Context) -> None:
    """ "Kyiv welcomed the decision", "Moscow called the deployment a provocation": an
    evaluation cue with a speaker and a target state is praise or criticism of that state,
    whatever words carry it, and so is pressure a noun carries ("under pressure from
    Brussels", "drawing protests from Tokyo"); a negated one ("did not criticise") says
    nothing."""
    kinds = {1: "verbal_support", -1: "verbal_criticism"}
    for cue in ctx.cues:
        if cue.type not in ("evaluation", "pressure") or not cue.speaker or not cue.target:
            continue
        kind = kinds.get(cue.polarity)
        span = ctx.doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if kind is None or span is None or span.root.lemma_ in _mild_judgements():
            continue
        # a pressing verb is a signal trigger of its own ("warned Moscow against"), but one
        # whose target is only in the clause it governs ("Washington has warned that the
        # purchase could trigger sanctions") is left to the cue's target
        if (
            cue.type == "pressure"
            and span.root.pos_ != "NOUN"
            and (
                any(r.start == span.root.idx for r in ctx.out)
                or not (_clause_aimed(ctx, cue, span) or _called_on(ctx, cue, span))
            )
        ):
            continue
        verb = _governing_verb(span.root)
        if _negated(span.root) or (verb.i in range(span.start, span.end) and _negated(verb)):
            continue
        if _refused(span.root) or _backed_by_weapons(ctx, span.root) or _popular(span.root):
            continue  # "declined to condemn the war": no criticism made
        for speaker in _sources_with(ctx, span.root, cue.speaker):
            if speaker != cue.target:
                ctx.emit(speaker, cue.target, kind, cue.polarity, span.root, sentence(span[0]))


def _clause_aimed(ctx: Context, cue: StanceCueRow, span: Span) -> bool:
    """Whether a pressing verb's target is named only in the clause it governs, and its
    speaker is its subject's state ("Washington has warned that India's purchase could
    trigger sanctions"; not "economists warned that ...")."""
    verb = span.root
    if verb.pos_ != "VERB":
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    found, subject = _subject(verb, verb, ctx.resolved, ctx.focus)
    if not found or subject != cue.speaker:
        return False
    return any(
        ctx.resolved.state_at(t.i) == cue.target or ctx.resolved.antecedent(t) == cue.target
        for t in clause.subtree
    )


def _called_on(ctx: Context, cue: StanceCueRow, span: Span) -> bool:
    """Whether a pressing phrase asks the state it addresses to act ("Kishida called on North
    Korea to cancel the launch"): the one it calls on is its target."""
    verb = span.root
    if verb.pos_ != "VERB" or not any(c.dep_ in ("xcomp", "advcl") for c in verb.children):
        return False
    found, subject = _subject(verb, verb, ctx.resolved, ctx.focus)
    if not found or subject != cue.speaker:
        return False  # "Senators pressed the White House to punish Riyadh": no state speaks
    addressed = [
        t
        for c in verb.children
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on")
        for t in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"])
    ]
    return any(ctx.resolved.state_at(t.i) == cue.target for t in addressed)


def _sources_with(ctx: Context, noun: Token, speaker: str) -> list[str]:
    """A judgement noun's source and the states listed with it ("protests from Tokyo and
    Seoul", "pressure from Warsaw and Vilnius")."""
    out = [speaker]
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            listed = [ctx.resolved.state_at(t.i) for t in (obj, *obj.conjuncts)]
            if speaker in listed:
                out += [st for st in listed if st and st not in out]
    return out


@lru_cache(maxsize=1)
def _mild_judgements() -> frozenset[str]:
    """Lemmas of judgement cues that are no signal on their own ("regretted the outcome")."""
    return frozenset(c.cue for c in resources.stance_cues() if c.match == "lemma" and not c.signal)


def _read_with(tok: Token, kind: str, heads: dict[int, str]) -> bool:
    """Whether a trigger is read with another: one modifying a trigger ("a friendship
    treaty"), or a noun that is the object of a trigger of its own class ("whose backing it
    relies on", "praised the strategic partnership")."""
    if tok.dep_ == "compound" and tok.head.i in heads:
        return True
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "pobj"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in TIME_PREPS:
        return False  # "shot down during an Israeli air raid": an act of its own
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    return heads.get(governor.i) == kind


TIME_PREPS = frozenset({"during", "after", "before", "since", "amid", "until", "following"})
"""Grammar of time: a phrase that says when, not what an act is done to."""


def _pressure_sentences(doc: Doc, cues: list[StanceCueRow]) -> tuple[dict[int, set[str]], set[int]]:
    pressurers: dict[int, set[str]] = {}
    pressured: set[int] = set()
    for cue in cues:
        if cue.type != "pressure":
            continue
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        start = sentence(span[0]).start
        pressured.add(start)
        if cue.target:
            pressurers.setdefault(start, set()).add(cue.target)
    return pressurers, pressured


def extract(
    doc: Doc,
    resolved: Resolved,
    dates: list[DateMention],
    deals: list[ProcurementRow],
    cues: list[StanceCueRow],
) -> list[AlignmentRow]:
    """Every alignment signal in an article (``deals`` may include refused transfers)."""
    pressurers, pressured = _pressure_sentences(doc, cues)
    ctx = Context(
        doc=doc,
        resolved=resolved,
        dates=dates,
        cues=cues,
        focus=_focus(resolved),
        weapon_tokens=weapon_modifier_tokens(doc),
        weapon_names=weapon_tokens(doc),
        pressurers=pressurers,
        pressured=pressured,
    )
    refused = {(d.system, d.supplier, d.recipient) for d in deals if d.status == REFUSED}
    for deal in deals:
        ctx.out.extend(_deal_rows(ctx, deal, refused))
    # "attack helicopters", "the Collective Security Treaty Organization": part of a name.
    named = weapon_tokens(doc) | {
        i for m in resolved.mentions if m.end - m.start > 1 for i in range(m.start, m.end)
    }
    found = sorted(_triggers(doc), key=lambda t: t[0].i)
    heads = {tok.i: kind for tok, kind in found}
    for tok, kind in found:
        if (tok.i not in named or _withheld_aid(tok, kind)) and not _read_with(tok, kind, heads):
            _on_trigger(ctx, tok, kind)
    _consents(ctx)
    _permitted(ctx)
    _signatories(ctx)
    # "Russian troops are stationed in Ukraine's occupied south": forces of a state at war
    # with their host are no guests of it.
    fought = {frozenset((r.subject, r.counterpart)) for r in ctx.out if r.type == "armed_attack"}
    ctx.out = [
        r
        for r in ctx.out
        if r.type != "military_base" or frozenset((r.subject, r.counterpart)) not in fought
    ]
    _compliance(ctx)
    _judgements(ctx)
    ctx.out.sort(key=lambda r: r.start)
    return ctx.out


def _pronoun_base(trigger: Token, resolved: Resolved) -> list[tuple[str, str]]:
    """ "Turkey has sent troops to its base in Qatar": a base a pronoun owns, in a state
    its own phrase names, is the pronoun's state's presence there."""
    owner = next(
        (
            resolved.antecedent(c)
            for c in trigger.children
            if c.dep_ == "poss" and c.lower_ in ("its", "their")
        ),
        None,
    )
    hosts = [
        st
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for t in c.subtree
        if (st := resolved.state_at(t.i)) and st != owner
    ]
    return [(hosts[0], owner)] if owner and hosts else []


def _person(tok: Token, resolved: Resolved) -> bool:
    """Whether a word names a person ("Sisi", "President Ruto")."""
    mention = resolved.by_token.get(tok.i)
    return (mention is not None and mention.actor.startswith("P:")) or tok.ent_type_ == "PERSON"


def _basing(trigger: Token, resolved: Resolved, skip: set[int]) -> list[tuple[str, str]]:
    """(subject, counterpart) for a foreign military presence: the owner of a base, troops or
    headquarters and the state hosting it. A bare "air base" is a place, not a signal."""
    verb = _governing_verb(trigger)
    rule = resources.signal_rules()["military_base"]
    # a verb the tagger took for a noun has a subject ("Romania hosts American troops")
    verbal = trigger.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in trigger.children)
    if verbal and trigger.lemma_ not in rule.hosting_verbs:
        return _stationed(trigger, resolved)
    if verbal:  # "Poland hosts American troops"
        if any(
            c.dep_ == "dobj" and c.lemma_.lower() in rule.hosted_events for c in trigger.children
        ):
            return []  # "hosted the APEC summit": a gathering, not forces
        _, host = _subject(trigger, trigger, resolved, None)
        owners = [s for s in _targets(trigger, resolved, skip, TARGET_PREPS) if s != host]
        # "hosts American and French troops": each state the object names is there
        named = [
            st
            for obj in trigger.children
            if obj.dep_ == "dobj"
            for head in (obj, *obj.conjuncts)
            for c in head.children
            if c.dep_ in ("amod", "compound", "poss", "nmod")
            for t in c.subtree
            if (st := resolved.state_at(t.i)) and st != host
        ]
        owners = list(dict.fromkeys(named)) if len(set(named)) > 1 else owners[:1]
        return [(host, o) for o in owners] if host else []
    if trigger.lemma_ in rule.hosting_verbs:
        return _host_noun(trigger, resolved)
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
    kept = first_conjunct(trigger)  # "keeps a base in Armenia and an air base in Kyrgyzstan"
    if owner is None and kept.dep_ == "dobj" and verb.lemma_ in rule.holding_verbs:
        # "France keeps a permanent base in Djibouti": the keeper's base
        keeper = _subject(verb, trigger, resolved, None)[1]
        places = [
            s
            for c in [*trigger.children, *verb.children]
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")
            for t in c.subtree
            if not _in_relative(t, c)
            for s in [resolved.state_at(t.i) or resolved.place_at(t.i)]
            if s and s != keeper and resources.is_country(s)
        ]
        return [(places[0], keeper)] if keeper and places else []
    if owner is None:
        return _pronoun_base(trigger, resolved)
    hosts = [
        s
        for c in [*trigger.children, *verb.children]
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")
        for s in [resolved.state_at(t.i) for t in c.subtree]
        if s and s != owner
    ]
    _found, subject = _subject(verb, trigger, resolved, None)
    own = [
        s
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")
        for s in [resolved.state_at(t.i) for t in c.subtree]
        if s and s != owner
    ]
    if own and subject != owner and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        # "said that a Chinese naval base in the Solomons would be a red line": the place
        # the base names hosts it, not whoever speaks of it
        return [(own[0], owner)]
    if subject and subject != owner:
        return [(subject, owner)]
    if hosts:
        return [(owner, hosts[0])] if subject == owner else [(hosts[0], owner)]
    return []


def _host_noun(noun: Token, resolved: Resolved) -> list[tuple[str, str]]:
    """ "Tajikistan, host to Russia's 201st military base", "Djibouti is host to French and
    American troops": the state the noun describes hosts the states its "to" phrase names."""
    if noun.dep_ == "appos":
        host = resolved.state_at(noun.head.i)
    elif noun.dep_ == "attr":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        host = resolved.subject_state(subj) if subj is not None else None
    else:
        return []
    owners = [
        st
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for t in prep.subtree
        if (st := resolved.state_at(t.i)) and st != host
    ]
    return [(host, o) for o in dict.fromkeys(owners)] if host else []


def _stationed(verb: Token, resolved: Resolved) -> list[tuple[str, str]]:
    """(host, owner) for forces a verb bases in a state: "American troops are stationed in
    Poland", "Germany will station a brigade in Lithuania", "a battle group based at Adazi in
    Latvia"; not "the company is based in Paris" (no forces) nor a state's own soil."""
    described = [verb.head] if verb.dep_ == "acl" else []  # "has troops stationed in Djibouti"
    passive = described or [c for c in verb.children if c.dep_ == "nsubjpass"]
    based = passive or [c for c in verb.children if c.dep_ == "dobj"]
    if not any(_is_forces(t) or t.i in weapon_tokens(verb.doc) for t in based):
        return []
    held = passive or [c for c in verb.children if c.dep_ == "nsubj"]
    controller = verb
    while not held and controller.dep_ == "xcomp" and controller.head != controller:
        # "NATO plans to station a battalion in Poland": the subject of the verb it depends on
        controller = controller.head
        held = [c for c in controller.children if c.dep_ == "nsubj"]
    # "French soldiers and American troops are based in Niger": each conjunct's forces
    owners = [st for t in held for c in (t, *t.conjuncts) if (st := resolved.subject_state(c))]
    # "a NATO battlegroup led by Canada": who leads the force sends it too
    owners += [
        st
        for t in held
        for c in t.children
        if c.dep_ == "acl" and c.lemma_ == "lead"
        for a in c.children
        if a.dep_ == "agent"
        for w in a.subtree
        if (st := resolved.state_at(w.i))
    ]
    if not owners and described and described[0].dep_ == "dobj":
        owners = [
            st
            for c in described[0].head.children
            if c.dep_ == "nsubj"
            if (st := resolved.subject_state(c))
        ]
    preps = [
        prep
        for prep in (*verb.children, *(c for t in based for c in t.children))
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "on")
    ]
    contested = resources.signal_rules()["military_base"].contested
    if any(t.lower_ in contested for prep in preps for t in prep.subtree):
        return []  # "in the breakaway regions of Abkhazia": an occupier is no guest
    # "based in the country, where the United States operates a drone base": the place's own
    # phrase, not a relative clause about it
    hosts = [
        st
        for prep in preps
        for t in prep.subtree
        if not _in_relative(t, prep)
        if (st := _place_state(t, resolved)) and resources.is_country(st)
    ]
    pairs = []
    for owner in dict.fromkeys(owners):
        host = next((h for h in hosts if h != owner), None)
        if host is not None and (resources.is_country(owner) or _is_bloc(owner)):
            pairs.append((host, owner))
    return pairs


def _place_state(tok: Token, resolved: Resolved) -> str | None:
    """The state a word of a place phrase names: a state, a place in one, or what a
    description stands for ("based in the country")."""
    found = resolved.state_at(tok.i) or resolved.place_at(tok.i)
    if found is None and tok.pos_ == "NOUN" and resources.reference(tok) is not None:
        found = resolved.antecedent(tok)
    return found


def _in_relative(tok: Token, top: Token) -> bool:
    """Whether a word lies in a relative clause below ``top`` ("in the country, where the
    United States operates a base")."""
    if tok.dep_ == "relcl":
        return True
    for a in tok.ancestors:
        if a == top:
            return False
        if a.dep_ == "relcl":
            return True
    return False


def _membership(trigger: Token, resolved: Resolved) -> list[tuple[str, str]]:
    """(member, bloc) pairs from "NATO member Turkey", "Hungary, a member of NATO"."""
    blocs = [
        st
        for c in trigger.children
        if c.dep_ in ("compound", "poss", "amod", "prep")
        for t in c.subtree
        if (st := resolved.state_at(t.i)) and _is_bloc(st) and not _negated_name(t)
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
        members += [
            st for t in _apposed_to(trigger) if (st := resolved.state_at(t.i)) and not _is_bloc(st)
        ]
    st = resolved.state_at(trigger.head.i) if trigger.dep_ == "compound" else None
    if st and not _is_bloc(st):
        members.append(st)
    if trigger.dep_ in ("attr", "oprd"):
        # "Indonesia has become a full member of BRICS", "Finland is a member of NATO",
        # "Kazakhstan and Tajikistan are members of the CSTO".
        holder = trigger.head
        while holder.dep_ == "conj" and not _has_subject(holder) and holder.head != holder:
            holder = holder.head  # "hosts a Russian base and remains a member of the CSTO"
        subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        for t in [subj, *subj.conjuncts] if subj is not None else []:
            # "Both countries are members of the CSTO": each state the group stands for
            for st in [_state_of(t, resolved), *resolved.group(t)]:
                if st and not _is_bloc(st):
                    members.append(st)
    # "a member of NATO and the European Union": of each bloc named
    return [(m, b) for m in dict.fromkeys(members) for b in dict.fromkeys(blocs)]


def _negated_name(tok: Token) -> bool:
    """Whether a name is negated by "non-" before it ("a major non-NATO ally")."""
    doc = tok.doc
    j = tok.i - 1
    if j >= 0 and doc[j].text == "-":
        j -= 1
    return j >= 0 and doc[j].lower_ == "non"


def _apposed_to(noun: Token) -> list[Token]:
    """The words an apposition describes: its head and the head's conjuncts; for a plural
    ("Poland and Lithuania, both NATO members", hung by the parser on a noun before), the
    list that ends right before it."""
    head = noun.head
    if noun.tag_ == "NNS" and head.tag_ != "NNP":
        j = noun.left_edge.i - 1
        while j >= 0 and noun.doc[j].is_punct:
            j -= 1
        last = noun.doc[j] if j >= 0 else head
        if last.dep_ == "conj":
            head = first_conjunct(last)
    return [head, *head.conjuncts]


def _focus(resolved: Resolved, *, exclude: str | None = None) -> str | None:
    counts: dict[str, int] = {}
    for m in resolved.mentions:
        if m.state and m.state != exclude and resources.is_country(m.state):
            counts[m.state] = counts.get(m.state, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None
