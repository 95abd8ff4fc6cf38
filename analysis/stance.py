"""Stance cues: who says what, how sure, under what pressure, and how the text frames it.

Cues come from the lexicon in ``analysis/data/stance_cues.v1.jsonl``: single words match by lemma
(``said``, ``vowed``), phrases by lower-case text (``according to``, ``citing pressure from``).
Speaker and target come from the parse: the subject of the cue's verb speaks; the object, the
reported clause or the party of a "from"/"on"/"to" phrase is the target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from analysis import resources
from analysis.actors import Resolved
from analysis.alignment import judges_acts, press_noun, stateless_speaker, victim_tokens
from analysis.constants import BACK_DETERMINERS, RELATIVE_PRONOUNS
from analysis.doc import (
    TERMS_KEY,
    clean_sentence,
    describing_name,
    echo_clause,
    first_conjunct,
    names_weapons,
    phrasal_form,
    sentence,
    sentences,
    sentences_back,
    token_table,
)
from analysis.model import ProcurementRow, StanceCueRow
from analysis.procurement import FORCES, PRIVATE, REFUSED, frame_index

MODALS = {"could", "may", "might", "would", "should"}
IMPERSONAL = frozenset({"appear", "seem"})  # grammar: "appears to", "seems to" hold no claim
FIRST_PERSON = frozenset({"we", "i", "us"})
SPEECH_LEMMAS = {
    "say",
    "tell",
    "state",
    "announce",
    "declare",
    "add",
    "note",
    "confirm",
    "claim",
    "insist",
    "stress",
    "explain",
    "write",
    "report",
    "reiterate",
    "argue",
}


@lru_cache(maxsize=1)
def _negated_cues() -> dict[str, resources.StanceCue]:
    """Lemma cues that hold only when their verb is negated ("has not confirmed")."""
    return {
        c.cue: c
        for c in resources.stance_cues()
        if c.match == "lemma" and c.complement == "negated"
    }


@lru_cache(maxsize=1)
def _lemma_cues() -> dict[str, resources.StanceCue]:
    out: dict[str, resources.StanceCue] = {}
    for cue in resources.stance_cues():
        if cue.match == "lemma" and cue.complement != "negated":
            out.setdefault(cue.cue, cue)
            for form in cue.forms:
                out.setdefault(form, cue)
    return out


# A state saying what it itself would do pledges it ("Washington said it would keep working
# with Paris"); said of another, or of what would befall someone, it is a forecast and no cue.
OWN_FUTURE = frozenset({"would", "will"})
PLEDGE = resources.StanceCue(cue="would", type="commitment", polarity=1, match="phrase")


def _own_future(modal: Token, resolved: Resolved) -> bool:
    """Whether a modal states the speaker's own future act in reported speech."""
    verb = modal.head
    if modal.tag_ != "MD" or verb.dep_ not in ("ccomp", "conj") or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False  # "would be destroyed": what befalls someone
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = first_conjunct(verb)  # "said it would buy jets and would train pilots"
    report = clause.head
    if subj is None or clause.dep_ != "ccomp" or report.lemma_ not in SPEECH_LEMMAS:
        return False
    if any(c.dep_ == "neg" for c in report.children) or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children
    ):
        return False  # "has not said whether it will cancel the deal"
    if subj.lower_ in FIRST_PERSON:
        return True
    speaker = _subject_state(report, resolved)
    return speaker is not None and resolved.subject_state(subj) == speaker


def _verb_of(tok: Token) -> Token:
    head = tok.head if tok.dep_ in ("aux", "auxpass") else tok  # "would", "could": their verb
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            return head
        head = head.head
    return head


def _subject_state(verb: Token, resolved: Resolved) -> str | None:
    """The state of a verb's subject; inside a quotation ("'We will not back down,' Prime
    Minister X said") the one who says it."""
    holder = _misattached_speech(verb)
    for _ in range(4):
        for c in holder.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                c = _relative_antecedent(c, holder, resolved)  # "officials in Warsaw, who"
                if names_weapons(c):
                    return None  # "Russian Su-25 jets have supported the advance"
                if stateless_speaker(c, resolved):
                    return _named_before(c, resolved)
                st = resolved.subject_state(c) or _official_reporting(holder, resolved)
                if st is not None or c.lower_ not in FIRST_PERSON:
                    return st
        if holder.dep_ in ("xcomp", "conj", "advcl", "relcl", "ccomp", "parataxis"):
            if holder.dep_ in ("ccomp", "parataxis") and holder.head.lemma_ not in SPEECH_LEMMAS:
                break
            holder = holder.head
        else:
            break
    return _unparsed_speaker(verb, holder, resolved)


def _unparsed_speaker(verb: Token, holder: Token, resolved: Resolved) -> str | None:
    """The speaker of a verb the parser left with no subject: the noun it hung the clause on
    ("Somalia's foreign minister, ..., hit back, saying"), or the phrase right before a
    closing verb of saying (", the Ministry of Defence in New Delhi said.")."""
    if holder.dep_ == "acl" and holder.head.dep_ == "ROOT" and holder.head.pos_ == "NOUN":
        return resolved.subject_state(holder.head)
    if verb.lemma_ not in SPEECH_LEMMAS or verb.dep_ != "ROOT":
        return None
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1].text not in (",", '"', "\u201d"):
        start -= 1
    phrase = verb.doc[start : verb.i]
    if not 0 < len(phrase) <= 8 or not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None
    named = next((st for t in phrase if (st := resolved.state_at(t.i))), None)
    return named or next(
        (st for t in phrase if resources.reference(t) and (st := resolved.antecedent(t))), None
    )


def _person_before(verb: Token, resolved: Resolved) -> str | None:
    """The state of a person named right before a verb of saying that the parser left
    without a subject ("..., Defence Minister Sergei Shoigu told President Putin", with the
    name joined to the clause before)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    j = verb.i - 1
    while j >= 0 and verb.doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    mention = resolved.by_token.get(j) if j >= 0 else None
    if mention is None or not mention.actor.startswith("P:") or mention.end != j + 1:
        return None
    return mention.state


def _agent_state(verb: Token, resolved: Resolved) -> str | None:
    """The state of a passive verb's agent ("was announced by President Obama", "was
    condemned by Moscow")."""
    for agent in verb.children:
        if agent.dep_ == "agent":
            for obj in agent.children:
                if obj.dep_ == "pobj":
                    return resolved.subject_state(obj)
    return None


def _relative_antecedent(subj: Token, verb: Token, resolved: Resolved) -> Token:
    """The noun a relative subject stands for when it names a state ("officials in Warsaw,
    who said ..."), also when the parser hung its clause on the main verb; any other subject
    is itself ("rights groups, which have urged": no state speaks)."""
    if subj.lower_ not in RELATIVE_PRONOUNS:
        return subj
    noun = _relative_noun(subj, verb)
    return noun if any(resolved.state_at(t.i) for t in noun.subtree if t.i < subj.i) else subj


def _relative_noun(subj: Token, verb: Token) -> Token:
    """The noun a relative pronoun follows: its clause's head, or for a "who" whose clause the
    parser hung elsewhere, the noun right before it (past a place phrase on it)."""
    if verb.dep_ == "relcl":
        return verb.head
    if subj.lower_ != "who":
        return subj
    before = subj.i - 1
    while before >= 0 and subj.doc[before].is_punct:
        before -= 1
    prev = subj.doc[before] if before >= 0 else subj
    if prev.pos_ not in ("NOUN", "PROPN"):
        return subj
    # "officials in Warsaw, who": the noun the place phrase hangs on
    holder = prev.head.head if prev.dep_ == "pobj" and prev.head.dep_ == "prep" else prev
    return holder if holder.pos_ in ("NOUN", "PROPN") else prev


def _misattached_speech(verb: Token) -> Token:
    """ "Araghchi said the strikes were 'a declaration of war' and accused Washington": a
    verb of saying or judging with no subject, hung on the last verb of what was said, is the
    speaker's second act (the speech verb), not one of the things said."""
    clause = verb.head
    if (
        verb.dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and verb.lemma_ in resources.judging_verbs() | resources.speech_verbs()
        and clause.dep_ == "ccomp"
        and clause.head.lemma_ in SPEECH_LEMMAS
    ):
        return clause.head
    return verb


def _named_before(subj: Token, resolved: Resolved) -> str | None:
    """A state named before a subject's head noun ("Chinese diplomats"); never for an armed
    group ("Yemen's Houthi rebels"), an independent voice ("Russian analysts"), the press
    ("Pakistani media") or a company ("Naval Group")."""
    words = resources.speaker_words()
    if words.get(subj.lemma_.lower()) in ("armed_group", "independent") or press_noun(subj):
        return None  # "Russian analysts", "Russian commentators": no voice of the state
    if any(
        c.dep_ in ("amod", "compound") and words.get(c.lower_) in ("past", "outside")
        for c in subj.children
    ):
        return None  # "former Indian officials", "opposition politicians": not its voice
    for c in subj.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            return resolved.antecedent(c)  # "Russia ... its embassy in Quito said"
        if (
            c.dep_ == "poss"
            and resources.reference(c)
            and not any(resolved.state_at(t.i) for t in c.subtree)
        ):
            return resolved.antecedent(c)  # "the kingdom's embassy in Ottawa said"
        if c.i < subj.i and c.dep_ in ("amod", "compound", "poss"):
            for t in c.subtree:
                mention = resolved.by_token.get(t.i)
                if mention is not None and resources.is_company(mention.actor):
                    continue  # "Naval Group said": a company, not its state
                st = resolved.state_at(t.i)
                if st:
                    return st
    return None


# Conjunctions that join a clause of someone else's doing ("..., while Washington called for
# talks"), not one saying what a cue is about.
ASIDE_MARKS = frozenset({"while", "whereas", "although", "though"})


def _object_state(verb: Token, resolved: Resolved, exclude: str | None) -> str | None:
    """The party a cue is aimed at: its object, a from/on/to/against phrase or reported clause."""
    order = ("dobj", "dative", "prep", "ccomp", "xcomp", "attr", "advcl", "oprd", "npadvmod")
    for dep in order:
        for c in verb.children:
            if c.dep_ != dep or echo_clause(c):  # "as did France": who else spoke
                continue
            if dep == "advcl" and any(g.lower_ in ASIDE_MARKS for g in c.children):
                continue  # "..., while the United States called for talks": another's act
            if dep == "dobj" and resolved.group_object(verb):
                continue  # "backed opposite sides in Libya's civil war": no state judged
            if dep in ("dobj", "dative") and c.lower_ in ("it", "them", "him", "her"):
                judged = _judged_before(verb) if c.lower_ == "it" else None
                if judged is not None:
                    # "Riyadh condemned the attack, and Doha also criticised it": the act.
                    return resolved.act_doer(judged, exclude)
                st = resolved.object_antecedent(c)  # "cut ties with Qatar, accusing it of"
                if st and st != exclude:
                    return st
            if dep == "prep" and c.lower_ not in (
                "from",
                "on",
                "to",
                "against",
                "with",
                "over",
                "toward",
                "towards",
                "about",
                "of",
            ):
                continue
            # "condemned the attack on Port Sudan": what an act was done to is not judged
            victims = victim_tokens(c) if judges_acts(verb) else set()
            for t in c.subtree:
                named = t.i not in victims and not describing_name(t) and not _in_venue(t, c)
                st = resolved.state_at(t.i) if named else None
                if st is None and named and _object_pronoun(t, c):
                    st = resolved.antecedent(t)  # "will keep standing by it"
                if st and st != exclude and not _forum(t, c, verb, st):
                    return st
    return None


# Grammar: prepositions that say where or when a thing was judged ("condemned the invasion at
# the United Nations", "during the summit"), never what.
VENUE_PREPS = frozenset({"at", "before", "during"})
# Grammar: prepositions that bring a complaint or an appeal to whoever hears it.
ADDRESS_PREPS = frozenset({"to", "with", "before"})


def _in_venue(tok: Token, phrase: Token) -> bool:
    """Whether a word of a cue's phrase stands in a venue phrase nested in it."""
    for a in tok.ancestors:
        if a == phrase:
            return False
        if a.dep_ == "prep" and a.lower_ in VENUE_PREPS:
            return True
    return False


def _forum(tok: Token, phrase: Token, verb: Token, actor_id: str) -> bool:
    """Whether an organisation a cue is taken to is only where it is heard ("complained to the
    U.N. Security Council that Qatari jets had ...", "lodged a complaint with the UN over the
    strikes"): the cue says what it is about elsewhere, in its object, its clause or an
    "over" phrase."""
    if not _organisation(actor_id):
        return False
    prep = next(
        (a for a in [tok, *tok.ancestors] if a.dep_ == "prep" and a.lower_ in ADDRESS_PREPS),
        None,
    )
    if prep is None or prep not in [phrase, *phrase.subtree]:
        return False
    return any(
        c.dep_ in ("dobj", "ccomp")
        or (c.dep_ == "prep" and c.lower_ in ("over", "about", "against"))
        for h in dict.fromkeys([verb, prep.head])
        for c in h.children
        if c != prep and c.i not in range(prep.i, prep.right_edge.i + 1) and c != phrase
    )


def _object_pronoun(tok: Token, phrase: Token) -> bool:
    """A pronoun that is the object of a verb or a preposition inside a cue's phrase ("would
    keep supporting them", "will keep standing by it")."""
    return (
        tok.i != phrase.i
        and tok.lower_ in ("it", "them")
        and tok.dep_ in ("dobj", "pobj")
        and phrase.dep_ in ("xcomp", "ccomp", "prep")
    )


def _judged_before(verb: Token) -> Token | None:
    """The act another verb of judging judged last, in this sentence or the one before, when
    this verb of judging takes a pronoun ("condemned the attack ..., and Qatar also
    criticised it"); None when there is none or the verb judges nothing."""
    judging = resources.judging_verbs()
    if verb.lemma_ not in judging:
        return None
    doc = verb.doc
    for j in range(verb.i - 1, sentences_back(verb, 1) - 1, -1):
        t = doc[j]
        if t.dep_ == "dobj" and t.pos_ == "NOUN" and t.head.lemma_ in judging:
            return t
    return None


# A possessive pronoun refers back too when a cue judges an act ("welcomed its decision").
ACT_DETERMINERS = BACK_DETERMINERS | {"its", "their"}


def _act_target(verb: Token, resolved: Resolved, speaker: str | None) -> str | None:
    """The state whose act a cue's object refers to: "Kyiv welcomed the decision", "China
    condemned the pact", "drills around Taiwan, which Taipei called a provocation". The act's
    own modifiers first ("Macron's decision"), then the subject of the clause it is the object
    of, then whoever acted in the sentences before."""
    # "the exercise was unacceptable": what a copula says is of its subject.
    deps = ("dobj", "nsubjpass", "nsubj") if verb.lemma_ == "be" else ("dobj", "nsubjpass")
    obj = next((c for c in verb.children if c.dep_ in deps), None)
    if obj is not None and obj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        obj = verb.head  # "drills around Taiwan, which the ministry called a provocation"
    if obj is None or obj.pos_ != "NOUN":
        return None
    if obj.i > verb.i and not any(
        c.dep_ in ("det", "poss", "predet") and c.lower_ in ACT_DETERMINERS for c in obj.children
    ):
        return None  # "condemned attacks on shipping": no act reported before
    own = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    for t in obj.subtree:
        st = resolved.state_at(t.i) if t.i not in own and not describing_name(t) else None
        if st and st != speaker:
            return st if t.i < obj.i else None  # "the plan to arm Kyiv": read as before
    if obj.i < verb.i and obj.dep_ in ("dobj", "pobj"):
        doer = next((c for c in obj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        st = resolved.subject_state(doer) if doer is not None else None
        if st and st != speaker:
            return st  # "Chinese warships held drills around Taiwan, which Taipei called ..."
    return resolved.act_doer(obj, speaker)


# How a cue frames what a verb of judging judges: "called the shipment a provocation".
FRAMING = frozenset({"oprd", "attr", "acomp", "xcomp"})


def _judged_noun(verb: Token) -> Token | None:
    """The noun a verb of judging judges: its object, or what a relative clause is on
    ("the shipment, which Beijing condemned")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is not None and obj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        obj = verb.head
    return obj if obj is not None and obj.pos_ == "NOUN" else None


def _transfer_party(
    span: Span,
    verb: Token,
    resolved: Resolved,
    speaker: str | None,
    transfers: Sequence[ProcurementRow],
    polarity: int,
) -> str | None:
    """The side of an arms transfer a cue judges by a word for it ("China condemned the
    shipment", "Israeli officials welcomed the deal", "condemned the plan to arm Kyiv"): a
    party judges the other side; one who takes no part criticises the supplier, whose act
    arming is, and backs the recipient, whom it arms. The transfer is one the word's own
    phrase names a party of, else the one the article leads with, else the last one read,
    in the word's sentence or the three before. A word with its own state ("India's plan")
    or a cue that names one ("Russian escalation") is read as before."""
    noun = _judged_noun(verb)
    if (
        noun is None
        or not (span.root == verb or (span.root.head == verb and span.root.dep_ in FRAMING))
        or any(resolved.state_at(t.i) for c in noun.lefts for t in c.subtree)
        or not _transfer_word(noun)
        or not any(c.dep_ in ("det", "poss") and c.lower_ in ACT_DETERMINERS for c in noun.children)
    ):
        return None
    row = _transfer_meant(noun, resolved, transfers)
    if row is None or speaker is None:
        return None
    if speaker == row.recipient:
        return row.supplier
    if speaker == row.supplier:
        return row.recipient
    return row.recipient if polarity > 0 else row.supplier


def _deal_pressed(
    verb: Token, resolved: Resolved, speaker: str | None, transfers: Sequence[ProcurementRow]
) -> str | None:
    """Who is under pressure when a deal is its clause's subject ("a deal for Su-35s from
    Russia was abandoned under the threat of US sanctions"): the buyer, whose choice the
    pressure bends, or the seller when the buyer itself presses; never the state that only
    describes the deal ("from Russia")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or speaker is None or not _transfer_word(subj):
        return None
    row = _transfer_meant(subj, resolved, transfers)
    if row is None:
        return None
    return row.supplier if speaker == row.recipient else row.recipient


def _transfer_word(noun: Token) -> bool:
    """Whether a noun opens an arms-transfer frame ("deal", "shipment", "plan")."""
    return any(
        not f.block and f.status is not None and f.id not in (FORCES, PRIVATE)
        for f in frame_index(noun.doc).get(noun.i, ())
    )


def _transfer_meant(
    noun: Token, resolved: Resolved, transfers: Sequence[ProcurementRow]
) -> ProcurementRow | None:
    doc = noun.doc
    first = doc[sentences_back(noun, 3)].idx
    rows = sorted(
        (t for t in transfers if t.status != REFUSED and t.supplier and t.recipient),
        key=lambda t: t.start,
    )
    named = {st for t in noun.rights for u in t.subtree if (st := resolved.state_at(u.i))}
    own = [t for t in rows if named & {t.supplier, t.recipient}]
    if own:  # "the plan to arm Kyiv": the nearest transfer to Ukraine
        return min(own, key=lambda t: abs(t.start - noun.idx))
    near = [t for t in rows if first <= t.start < sentence(noun).end_char]
    if not near:
        return None
    lede_end = sentences(doc)[:2][-1].end_char
    return rows[0] if rows[0].start < lede_end else near[-1]


def _judges_an_attack(verb: Token) -> bool:
    """Whether a verb's object is an attack or an act of force ("condemned the attack")."""
    words = _attack_words()
    return any(c.dep_ == "dobj" and c.lemma_ in words for c in verb.children)


@lru_cache(maxsize=1)
def _attack_words() -> frozenset[str]:
    """The one-word triggers of armed attacks and coercion."""
    rules = resources.signal_rules()
    return frozenset(
        w for k in ("armed_attack", "coercion") for w in rules[k].triggers if " " not in w
    )


def _named_doer(verb: Token, resolved: Resolved, speaker: str | None) -> str | None:
    """The state an attack is pinned on in the judging phrase itself ("called the clash a
    provocation by the South"), if any."""
    for c in verb.children:
        if c.dep_ not in ("oprd", "attr", "xcomp"):
            continue
        for prep in (p for p in c.subtree if p.dep_ == "prep" and p.lower_ == "by"):
            for t in prep.subtree:
                st = resolved.state_at(t.i)
                if st and st != speaker:
                    return st
    return None


def _victims(verb: Token, resolved: Resolved) -> set[str]:
    """The states a judged act was done to ("condemned Russia's invasion of Ukraine")."""
    if not judges_acts(verb):
        return set()
    return {
        st
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass")
        for i in victim_tokens(c)
        if (st := resolved.state_at(i))
    }


def _official_reporting(verb: Token, resolved: Resolved) -> str | None:
    """The state of an official the data does not know, by what they report: "Sudan has cut
    ties with the UAE, Defence Minister Yassin Ibrahim said" (an office-holder reporting their
    own state's act)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PROPN":
        return None
    if not any(t.lower_ in resources.title_words() for t in subj.subtree if t.i < subj.i):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None and verb.dep_ == "parataxis":
        clause = verb.head
    doer = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
    state = resolved.subject_state(doer) if doer is not None else None
    return state if state is not None and resources.is_country(state) else None


def _other_state(sent: Span, resolved: Resolved, exclude: str | None) -> str | None:
    doc = sent.doc
    for m in resolved.in_span(sent):
        # "supported a UN-led solution": who stands behind the thing is not its target
        root = doc[m.start : m.end].root
        if (
            m.state
            and m.state != exclude
            and not describing_name(root)
            and not _heard_at(root, m.state)
        ):
            return m.state
    return None


def _heard_at(tok: Token, actor_id: str) -> bool:
    """Whether an organisation is named only as where a matter is taken or heard ("would take
    a complaint to the UN Security Council", "at the United Nations")."""
    return _organisation(actor_id) and any(
        a.dep_ == "prep" and a.lower_ in VENUE_PREPS | ADDRESS_PREPS for a in tok.ancestors
    )


def _organisation(actor_id: str) -> bool:
    """Whether an actor is an international organisation (the UN, the OSCE), where states
    speak, rather than a state or a bloc that acts."""
    rec = resources.actors_by_id().get(actor_id)
    return rec is not None and rec.type == "organisation"


def _hedge_speaker(span: Span, resolved: Resolved) -> str | None:
    """Who holds a hedged claim: the subject of the hedge's own clause ("New Delhi is weighing
    a purchase", "North Korean forces could shoot down"), else of the nearest verb of saying
    or judging above it ("Washington warned that the purchase could trigger sanctions")."""
    root = span.root
    own = _verb_of(root)
    # "is expected to", "reportedly", "appears to": impersonal; the subject holds nothing.
    # A modal's own subject holds nothing ("Serbia could face sanctions": the writer hedges).
    holds = root.pos_ == "VERB" and (
        own.lemma_ not in IMPERSONAL
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in own.children)
    )
    head, came = own, True
    speaking = SPEECH_LEMMAS | resources.judging_verbs()
    for _ in range(6):
        # Only a clause a verb of saying reports is its claim ("Poland announced the order;
        # the figure could not be verified": the writer's).
        if (head == own and holds) or (head.lemma_ in speaking and came):
            found, st = _claim_holder(head, resolved)
            if st or found == "stateless":
                return st
        tail = next((c for c in head.children if c.dep_ == "parataxis"), None)
        if tail is not None and tail.lemma_ in SPEECH_LEMMAS:
            return _claim_holder(tail, resolved)[1]  # "... could arrive in May, officials said"
        if head.head == head:
            break
        if head.head.pos_ == "NOUN" and _content_clause(head):
            # "warnings from Washington that the purchase could ...": the source of a noun
            # whose content clause holds the claim.
            return _noun_source(head.head, resolved)
        came, head = _reported(head), head.head
    return None


def _reported(clause: Token) -> bool:
    """Whether a clause is what its head reports ("said the jets could arrive"), not one
    joined to it ("and", a semicolon) or a phrase in it ("added drones, which it reportedly
    used")."""
    return clause.dep_ in ("ccomp", "xcomp") and not any(
        c.dep_ == "punct" and c.text == ";" and c.i < clause.i for c in clause.children
    )


def _claim_holder(verb: Token, resolved: Resolved) -> tuple[str, str | None]:
    """("subject", its state), ("stateless", a state named before it: "Western analysts say")
    or ("", None) when the verb has no subject; a coordinated verb or a participle shares
    its head's ("Islamabad denied any role and said it could ...", "the official said,
    adding that talks could resume")."""
    for _ in range(3):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if stateless_speaker(c, resolved):
                    return "stateless", _named_before(c, resolved)
                return "subject", resolved.subject_state(c)
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head == verb:
            break
        verb = verb.head
    return "", None


def _content_clause(verb: Token) -> bool:
    """Whether a clause is what a noun says ("warnings that the sale could ..."), not a
    relative clause on it ("drones which it reportedly used")."""
    return verb.dep_ in ("acl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in verb.children
    )


def _noun_owner(noun: Token, resolved: Resolved) -> str | None:
    """The state whose pressure a noun is, by a modifier of it or of its "of" complement
    ("U.S. demands", "Chinese pressure", "the threat of US sanctions")."""
    holders = [noun, *(p for c in noun.children if c.lower_ == "of" for p in c.children)]
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < holder.i:
                st = next((s for t in c.subtree if (s := resolved.state_at(t.i))), None)
                if st is not None:
                    return st
    return None


def _sourced(noun: Token, resolved: Resolved) -> bool:
    """Whether a judgement noun names its source ("criticism from Beijing", also when the
    parser hangs the phrase on the verb that carries the noun)."""
    return _noun_source(noun, resolved) is not None or (
        noun.dep_ == "dobj" and _noun_source(noun.head, resolved) is not None
    )


def _noun_source(noun: Token, resolved: Resolved) -> str | None:
    """The state a "from"/"by" phrase of a noun names ("pressure from Brussels", "demands
    from the military government that seized power in Niamey")."""
    return next(iter(_noun_sources(noun, resolved, clauses=True)), None)


def _noun_sources(noun: Token, resolved: Resolved, *, clauses: bool = False) -> list[str]:
    """Every state the "from"/"by" phrases of a noun name, in order; without ``clauses``,
    not what a clause on a source speaks of ("warnings from Washington, which fears Chinese
    influence")."""
    return [
        st
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("from", "by")
        for t in c.subtree
        if (clauses or not any(a.dep_ in CLAUSE_DEPS for a in t.ancestors if a.i > c.i))
        and (st := resolved.state_at(t.i))
    ]


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})


def _according_to(span: Span, sent: Span, resolved: Resolved) -> str | None:
    """Who speaks in "according to ...": the state its source names ("according to a
    statement from the Royal Armed Forces"), none for a source that is no state's voice
    ("according to Ecuadorian media", "according to diplomats in both capitals"), unnamed
    officials of the state the text is about ("according to a navy spokesman")."""
    source = next((c for c in span[-1].children if c.dep_ == "pobj"), None)
    if source is None:
        return next(
            (
                m.state
                for m in resolved.mentions
                if m.start >= span.end and m.end <= sent.end and m.state
            ),
            None,
        )
    # "according to figures released by the ministry", "images published by state media":
    # whoever released what is cited speaks
    by = next(
        (
            p
            for c in source.children
            if c.dep_ == "acl"
            for a in c.children
            if a.dep_ == "agent"
            for p in a.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    source = by if by is not None else source
    if stateless_speaker(source, resolved):
        return _named_before(source, resolved)
    named = next((st for t in source.subtree if (st := resolved.state_at(t.i))), None)
    return named or resolved.antecedent(source)


def _attribution_speaker(sent: Span, resolved: Resolved) -> str | None:
    for t in sent:
        if t.lemma_ in SPEECH_LEMMAS and t.pos_ == "VERB":
            st = _subject_state(t, resolved)
            if st:
                return st
    lower = sent.text.lower()
    idx = lower.find("according to")
    if idx >= 0:
        for m in resolved.in_span(sent):
            if m.start_char >= sent.start_char + idx and m.state:
                return m.state
    return None


def extract(
    doc: Doc, resolved: Resolved, transfers: Sequence[ProcurementRow] = ()
) -> list[StanceCueRow]:
    """Every stance cue with its speaker, target and polarity; ``transfers`` (the article's
    arms transfers) name the parties of a transfer a cue judges ("China condemned the
    shipment")."""
    cues_by_index = resources.stance_cues()
    found: list[tuple[int, int, resources.StanceCue]] = []
    for span in doc.spans[TERMS_KEY]:
        if span.label_ != "CUE":
            continue
        cue = cues_by_index[int(span.id_)]
        if cue.type == "attribution" and _manner_of_saying(span):
            continue  # "said in a statement": the verb is the cue
        if len(span) == 1:
            tok = span[0]
            if cue.cue in MODALS and tok.tag_ != "MD":
                continue  # "May" the month, not the modal
            if cue.type == "evaluation" and tok.pos_ == "VERB" and tok.lemma_ in _lemma_cues():
                continue  # the lemma cue ("push" as pressure) wins for verbs
            if cue.cue in OWN_FUTURE:
                if not _own_future(tok, resolved):
                    # "Serbia said Russia would deliver the jets", "a law that would have
                    # set up a fund": a forecast or a condition, no doubt about a claim.
                    continue
                cue = PLEDGE  # "Canada said it would always stand up for human rights"
        found.append((span.start, span.end, cue))
    found.extend(_lemma_cue_spans(doc))
    # One cue per stretch of text: the longest wins.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    rows: list[StanceCueRow] = []
    last_end = -1
    for start, end, cue in found:
        if start < last_end:
            continue
        last_end = end
        span = doc[start:end]
        row = _unclaimed(_row(span, cue, resolved, transfers), span)
        if row.type == "attribution" and row.speaker is None:
            row = replace(row, speaker=_same_voice(span, rows, resolved))
        rows += _each_party(span, row, resolved)
    return rows


def _each_party(span: Span, row: StanceCueRow, resolved: Resolved) -> list[StanceCueRow]:
    """A cue once for each state that speaks and each it is aimed at."""
    # "Washington, Beijing and Moscow all urged restraint": one cue for each who speaks,
    # and none of them is the target.
    speakers = _co_speakers(span, replace(row, target=None), resolved)
    if row.target in speakers:
        row = replace(row, target=None)
    if len(speakers) == 1 and row.target is None and row.speaker and _mutual(span):
        # "the two sides pledged to respect each other's sovereignty": each to the other
        other = speakers[0]
        return [replace(row, target=other), replace(row, speaker=other, target=row.speaker)]
    group = _group_targets(span, row, resolved)
    if group and row.target not in group:
        row = replace(row, target=group[0])
    # "condemned the United States and Britain": one cue per state it is aimed at; "urged
    # both sides", "thanked the three governments": one per state of the group.
    return [
        row,
        *(replace(row, target=st) for st in _co_targets(span, row, resolved)),
        *(replace(row, target=st) for st in group if st != row.target),
        *(replace(row, speaker=st) for st in speakers),
    ]


# Grammar: verbs by which one answers another's judgement ("address the concerns").
ANSWERING_VERBS = frozenset({"address", "allay", "ease", "assuage", "answer", "meet", "heed"})


def _unclaimed(row: StanceCueRow, span: Span) -> StanceCueRow:
    """ "Manila dismissed the criticism": a judgement the subject rejects is not its own."""
    if row.type in ("evaluation", "pressure") and _rejected(span.root):
        return replace(row, speaker=None, target=None)
    return row


def _rejected(noun: Token) -> bool:
    """Whether a judging noun is what its verb's subject rejects or answers ("dismissed the
    criticism", "rejected the accusations", "address the concerns")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj":
        return False
    # "would travel to Ankara to address the concerns": answering another's judgement
    return noun.head.lemma_ in _denial_verbs() | ANSWERING_VERBS


@lru_cache(maxsize=1)
def _denial_verbs() -> frozenset[str]:
    """The verbs the stance lexicon reads as denials ("deny", "reject", "dismiss")."""
    return frozenset(
        c.cue for c in resources.stance_cues() if c.type == "denial" and c.match == "lemma"
    )


PERSONAL = frozenset({"he", "she"})
"""Grammar: pronouns that stand for one person speaking."""


def _same_voice(span: Span, rows: list[StanceCueRow], resolved: Resolved) -> str | None:
    """ "'The Wildcat met the requirement,' a DAPA official told reporters. The US bid was
    more expensive, he said.": a "he" or "she" whom no named person accounts for is the one
    who spoke just before, in this sentence or the one before, for the same state."""
    verb = _verb_of(span.root)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in PERSONAL or resolved.antecedent(subj) is not None:
        return None
    floor = span.doc[sentences_back(span[0], 1)].idx
    said = [r for r in rows if r.type == "attribution" and r.start >= floor and r.speaker]
    return said[-1].speaker if said else None


def _expressed(noun: Token, verb: Token, resolved: Resolved) -> bool:
    """Whether an evaluative noun is the object of a verb whose subject is a state ("Kuwaiti
    officials voiced frustration", "Seoul expressed its displeasure"): the subject holds the
    judgement ("the deal drew criticism from Moscow" has no state as subject)."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.head == verb
        and verb.lemma_ not in resources.judging_verbs()
        and _subject_state(verb, resolved) is not None
    )


def _manner_of_saying(span: Span) -> bool:
    """Whether an attribution phrase only says how a verb of saying spoke ("said in a
    statement"): the verb is the cue; alone ("In a statement, the ministry condemned ...")
    the phrase is one."""
    head = span.root.head
    cue = _lemma_cues().get(head.lemma_)
    return (
        len(span) > 1
        and span.root.dep_ == "prep"
        and cue is not None
        and cue.type == "attribution"
        and head.pos_ == "VERB"
    )


def _lemma_cue_spans(doc: Doc) -> list[tuple[int, int, resources.StanceCue]]:
    """Words that are cues by their lemma, where their entry's condition holds."""
    lemma_cues, negated = _lemma_cues(), _negated_cues()
    out: list[tuple[int, int, resources.StanceCue]] = []
    for i, (lower, lemma, pos) in enumerate(token_table(doc)):
        lemma_cue = lemma_cues.get(lemma) or lemma_cues.get(lower)
        # "has not confirmed": the entry that holds only when negated comes first
        unsure = negated.get(lemma)
        if unsure is not None and pos in unsure.pos and _complemented(doc[i], unsure):
            lemma_cue = unsure
        if lemma_cue is not None and pos in lemma_cue.pos and _complemented(doc[i], lemma_cue):
            out.append((i, i + 1, lemma_cue))
    return out


def _complemented(tok: Token, cue: resources.StanceCue) -> bool:
    """Whether a verb cue has the complement its entry asks for: a finite clause ("hoped the
    exchange would end", "hopes that"), not an infinitive ("hoped to replace them"); or a
    negation ("has not confirmed", "never confirmed", "declined to confirm", "neither
    government has confirmed"): what is left unconfirmed is uncertain."""
    if phrasal_form(tok) in cue.idiom_objects or any(
        c.dep_ == "dobj" and c.lemma_.lower() in cue.idiom_objects for c in tok.children
    ):
        return False  # "pressed the assault on Bakhmut": fighting; "backed out": no backing
    if cue.complement == "negated":
        return _left_open(tok)
    if cue.complement == "posed":
        return _posed(tok)
    if cue.complement != "clause":
        return True
    return any(c.dep_ == "ccomp" for c in tok.children)


def _posed(noun: Token) -> bool:
    """Whether a noun cue is posed by someone: it has a possessor, a people's or a name's
    word ("Turkish threats", "the so-called China threat"), an agent ("a threat by Trump"),
    what is threatened ("the threat of US sanctions", "a threat to punish"), or is what
    something is called ("described the base as a threat", "is India's most serious
    threat")."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "of")):
            return True
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"):
            return True
        if c.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            return True
    return noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and noun.head.lower_ == "as")


def _left_open(verb: Token) -> bool:
    """Whether a verb is negated, refused ("declined to confirm") or said of no one
    ("neither government has confirmed")."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse", "fail"):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.lower_ in ("neither", "no") for c in subj.children)


def _noun_pressure(
    span: Span, verb: Token, resolved: Resolved, transfers: Sequence[ProcurementRow]
) -> tuple[str | None, str | None]:
    """(speaker, target) of pressure a noun carries: "pressure from Brussels", "warnings from
    Washington" (the source speaks, also when the parser hangs it on the verb: "drawing
    protests from Tokyo"), "U.S. demands", "pressure on Honiara"."""
    sent = sentence(span[0])
    speaker = _noun_source(span.root, resolved)
    if speaker is None and span.root.dep_ == "dobj":
        speaker = _noun_source(span.root.head, resolved)
    if speaker is None:
        speaker = _noun_owner(span.root, resolved)  # "U.S. demands", "the threat of US sanctions"
    # The one under pressure is the subject of the clause ("Ottawa kept the deal after
    # warnings from Washington"); with no source named, it speaks of the pressure.
    holder = _deal_pressed(verb, resolved, speaker, transfers) or _subject_state(verb, resolved)
    pressed = _pressed_on(span.root, resolved)
    target: str | None
    if pressed is not None and speaker is None:
        # "Australia and the United States stepped up pressure on Honiara": who puts it on
        # speaks, and the one it is on is the target.
        speaker, target = (holder if holder != pressed else None), pressed
    elif speaker is None and _borne(span.root):
        # "bought Chinese air defence despite warnings": the subject bears the pressure; who
        # put it is unnamed
        speaker, target = None, holder
    elif speaker is None:
        speaker, target = holder, None
    else:
        target = holder if holder != speaker else None
    if target is None:
        # "protests from Caracas and from Colombia's president": a fellow source is no target
        sources = {*_noun_sources(span.root, resolved)}
        if span.root.dep_ == "dobj":
            sources |= {*_noun_sources(span.root.head, resolved)}
        other = _other_state(sent, resolved, speaker)
        target = other if other not in sources else None
    return speaker, target


def _borne(noun: Token) -> bool:
    """Whether a pressure noun is what its clause's subject acts in spite of or under
    ("despite warnings", "amid threats", "under pressure")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("despite", "amid", "under")


def _pressed_on(noun: Token, resolved: Resolved) -> str | None:
    """The state a pressure noun is put on ("pressure on Honiara")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
            for t in prep.subtree:
                st = resolved.state_at(t.i)
                if st:
                    return st
    return None


def _co_speakers(span: Span, row: StanceCueRow, resolved: Resolved) -> list[str]:
    """The states coordinated with a cue's speaker in the subject of its verb ("Mali and
    Burkina Faso warned", "the foreign ministries of Qatar and Oman criticised it")."""
    if row.speaker is None or row.type == "hedge":
        return []
    verb = _verb_of(span.root)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    out: list[str] = []
    for t in subj.subtree:
        if resolved.state_at(t.i) != row.speaker:
            continue
        for c in t.conjuncts:
            st = resolved.state_at(c.i)
            if st and st not in (row.speaker, row.target) and st not in out:
                out.append(st)
    # "Officials in Tokyo and Canberra", the second place joined to the officials
    out += [
        st
        for c in subj.children
        if c.dep_ == "conj" and (st := resolved.state_at(c.i)) and st not in (row.speaker, *out)
    ]
    # "the two sides pledged": each state the group stands for
    group = resolved.group(subj)
    if row.speaker in group:
        out += [st for st in group if st not in (row.speaker, row.target, *out)]
    return out


def _mutual(span: Span) -> bool:
    """Whether a cue's clause is about the speakers' dealings with each other ("pledged to
    respect each other's sovereignty")."""
    doc = span.doc
    return any(
        t.lower_ in ("each", "one")
        and t.i + 1 < len(doc)
        and doc[t.i + 1].lower_ in ("other", "another")
        for t in _verb_of(span.root).subtree
    )


def _group_targets(span: Span, row: StanceCueRow, resolved: Resolved) -> list[str]:
    """The states a plural object of a cue's verb stands for ("urged both sides to show
    restraint", "thanked the three governments"), the speaker left out; empty when the
    object is no such group."""
    if row.type in ("attribution", "hedge"):
        return []
    for obj in _pressed_objects(_verb_of(span.root)):
        states = [st for st in resolved.group(obj) if st != row.speaker]
        if states:
            return states
    return []


def _co_targets(span: Span, row: StanceCueRow, resolved: Resolved) -> list[str]:
    """The states coordinated with a cue's target in the cue's own sentence."""
    if row.target is None or row.type == "attribution":
        return []
    out: list[str] = []
    for m in resolved.in_span(sentence(span[0])):
        if m.state != row.target:
            continue
        for c in span.doc[m.start : m.end].root.conjuncts:
            st = resolved.state_at(c.i)
            if st and st not in (row.target, row.speaker) and st not in out:
                out.append(st)
        break
    return out


def _stated_parties(
    span: Span, cue: resources.StanceCue, verb: Token, resolved: Resolved
) -> tuple[str | None, str | None]:
    """(speaker, target) of a pressure, commitment or denial cue."""
    sent = sentence(span[0])
    speaker = _subject_state(verb, resolved)
    if speaker is None and cue.type in ("denial", "commitment"):
        speaker = _reporter_state(verb, resolved)  # "the drills are not aimed at ..., X said"
        nxt = span.doc[span.end : sent.end]
        target = next((resolved.state_at(t.i) for t in nxt if resolved.state_at(t.i)), None)
    else:
        target = _object_state(verb, resolved, speaker)
    if cue.type == "denial" and _anyone(span, verb):
        return speaker, None  # "not aimed at any third party": no one in particular
    if _pressed_none(verb, cue, resolved):
        # "pressed allies to do more for Ukraine": no state pressed, unless the act demanded
        # is aimed at one ("urged members to impose sanctions on Kigali")
        target = _demanded_against(verb, resolved)
        if speaker is None:
            speaker = _other_state(sent, resolved, target)
        return speaker, target
    if cue is not PLEDGE and not _pressed_none(verb, cue, resolved):
        # What a state says it would do names its partner, if any; one pressing parties it
        # does not name ("urged both sides to de-escalate") presses no state.
        target = target or _other_state(sent, resolved, speaker)
    if speaker is None and cue.type == "pressure":
        speaker = _other_state(sent, resolved, target)
    if target is None and cue.type == "denial" and speaker is not None:
        # "India said its jets downed an F-16. Pakistan denied losing any aircraft": a denial
        # answers whoever made the claim.
        target = resolved.act_doer(verb, speaker)
    return speaker, target


def _anyone(span: Span, verb: Token) -> bool:
    """Whether a cue is aimed at no one in particular: "not aimed at any third party", "not
    directed at anyone"."""
    heads = [verb, *span]
    return any(
        p.dep_ == "pobj"
        and (p.lower_ in ("anyone", "anybody") or any(d.lower_ == "any" for d in p.children))
        for h in heads
        for c in h.children
        if c.dep_ == "prep"
        for p in c.children
    )


def _reporter_state(verb: Token, resolved: Resolved) -> str | None:
    """Who reports the clause a cue is in: "the drills were not aimed at any third party,
    the Turkish defence ministry said", "Jakarta said the exercise is not aimed at Beijing"."""
    tail = next(
        (c for c in verb.children if c.dep_ == "parataxis" and c.lemma_ in SPEECH_LEMMAS), None
    )
    if tail is not None:
        return _claim_holder(tail, resolved)[1]
    if verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_LEMMAS:
        return _claim_holder(verb.head, resolved)[1]
    return None


def _passive_parties(verb: Token, resolved: Resolved) -> tuple[str | None, str | None] | None:
    """(speaker, target) of a passive cue verb with its agent ("Kenya was praised by
    Washington", "rebels backed by Tehran": an armed group is no state); None when the verb is
    not one."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or patient is None:
        return None
    speaker = next((st for t in agent.subtree if (st := resolved.state_at(t.i))), None)
    noun = patient.head.head if patient.lower_ in RELATIVE and verb.dep_ == "relcl" else patient
    if resources.speaker_words().get(noun.lemma_.lower()) == "armed_group":
        return speaker, None
    return speaker, resolved.subject_state(patient)


RELATIVE = RELATIVE_PRONOUNS


def _pressed_objects(verb: Token) -> list[Token]:
    """Whom a cue's verb is aimed at: its objects and what it calls "on"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
    ]


def _demanded_against(verb: Token, resolved: Resolved) -> str | None:
    """The state an act a cue demands is aimed at: the object of the demanded verb or of an
    "on"/"against" phrase in it ("urged members to impose sanctions on Kigali", "called on
    Muslim nations to isolate Tehran"); not one it is done for ("to do more for Ukraine")."""
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")):
        for t in clause.subtree:
            aimed = t.dep_ == "dobj" and t.head == clause
            aimed = aimed or (
                t.dep_ == "pobj" and t.head.lower_ in ("on", "against") and t.head.head != verb
            )
            if aimed:
                for u in t.subtree:
                    if (st := resolved.state_at(u.i)) is not None:
                        return st
    return None


def _pressed_none(verb: Token, cue: resources.StanceCue, resolved: Resolved) -> bool:
    """Whether a pressing verb presses states it does not name ("urged both sides", "called on
    Western governments"): a plural of the group nouns, with no state in its phrase."""
    if cue.type != "pressure":
        return False
    objects = _pressed_objects(verb)
    groups = resources.group_nouns()
    plural = any(o.tag_ in ("NNS", "NNPS") and o.lemma_ in groups for o in objects)
    return plural and not any(resolved.state_at(t.i) for o in objects for t in o.subtree)


def _row(
    span: Span,
    cue: resources.StanceCue,
    resolved: Resolved,
    transfers: Sequence[ProcurementRow] = (),
) -> StanceCueRow:
    sent = sentence(span[0])
    verb = _verb_of(span.root)
    speaker: str | None
    target: str | None
    if cue.type == "attribution":
        if span.text.lower().startswith("according to"):
            speaker = _according_to(span, sent, resolved)
        elif "familiar" in span.text.lower() or "source" in span.text.lower():
            speaker = None
        else:
            # "The rapprochement was announced by President Barack Obama": a passive's agent
            speaker = (
                _agent_state(verb, resolved)
                or _subject_state(verb, resolved)
                or _person_before(verb, resolved)
            )
        target = None  # plain attribution has a speaker, not a target
    elif span.root.pos_ == "NOUN" and (
        cue.type == "pressure" or (cue.type == "evaluation" and _sourced(span.root, resolved))
    ):
        # "pressure from Brussels"; "the decision drew sharp criticism from Beijing": the
        # source of the noun speaks
        speaker, target = _noun_pressure(span, verb, resolved, transfers)
    elif cue.type == "hedge":
        # A hedge qualifies a claim; it names who makes the claim, not a state it aims at.
        # A hedge in the writer's own voice ("reportedly", "the claim could not be
        # verified") has no speaker: only a claim's holder in the parse is one.
        speaker = _hedge_speaker(span, resolved)
        target = None
    elif cue.type == "evaluation" and (
        (cue.match == "lemma" and span.root.pos_ == "VERB")
        # "Washington has been courting the country": a verb with its own subject ("Serbia is
        # walking a tightrope" is the writer's judgement of its subject)
        or (
            len(span) == 1
            and span.root.pos_ == "VERB"
            and any(c.dep_ == "nsubj" for c in span.root.children)
        )
        or (verb != span.root and verb.lemma_ in resources.judging_verbs())
    ):
        # "Berlin condemned the strike", "Zelensky thanked Washington"; "Moscow called the
        # fortifications a provocation": the one who frames speaks, and what is framed (or
        # whoever did it) is the target.
        speaker = _subject_state(verb, resolved)
        victims = _victims(verb, resolved)
        target = (
            _transfer_party(span, verb, resolved, speaker, transfers, cue.polarity)
            or _object_state(verb, resolved, speaker)
            or _act_target(verb, resolved, speaker)
            # "Iran backs the Houthi rebels in Yemen": a group is backed, not its country;
            # "condemned the invasion of Ukraine at the UN": an act's victim names no target
            # "condemned the attack" with no state named as its doer: the sympathy it sends
            # ("condolences to Nairobi") names no target either
            or (
                _named_doer(verb, resolved, speaker)
                if _judges_an_attack(verb)
                else None
                if resolved.group_object(verb) or victims
                else _other_state(sent, resolved, speaker)
            )
        )
        if target in victims:
            target = None  # "criticised the sanctions on Russia": whoever imposed them
        speaker, target = _passive_parties(verb, resolved) or (speaker, target)
    elif cue.type == "evaluation" and _expressed(span.root, verb, resolved):
        # "Kuwaiti officials voiced frustration at the delay", "Rome expressed its dismay":
        # the one who voices a judgement holds it; what it is at (or whoever did it) is the
        # target.
        speaker = _subject_state(verb, resolved)
        target = (
            _object_state(verb, resolved, speaker)
            or _act_target(verb, resolved, speaker)
            or _other_state(sent, resolved, speaker)
        )
    elif cue.type == "evaluation":
        speaker = _attribution_speaker(sent, resolved)
        target = (
            _subject_state(verb, resolved)
            or _act_target(verb, resolved, speaker)
            or _other_state(sent, resolved, speaker)
        )
    else:  # pressure, commitment, denial
        speaker, target = _stated_parties(span, cue, verb, resolved)
        if cue.type == "pressure":
            speaker, target = _passive_parties(verb, resolved) or (speaker, target)
    kind = cue.unaimed if cue.unaimed and speaker is None and target is None else cue.type
    return StanceCueRow(
        cue=span.text,
        type=kind,
        speaker=speaker,
        target=target if target != speaker else None,
        polarity=cue.polarity,
        sentence=clean_sentence(sent),
        start=span.start_char,
        end=span.end_char,
    )
