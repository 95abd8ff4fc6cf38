"""Mentions to actors: gazetteer look-ups, people and the states they act for.

A mention resolves to a country, bloc, organisation, company or person. Capitals, seats of
government, demonyms and office holders resolve to their state. People the data does not know
are linked by title context ("Russian Prime Minister X", "X, Serbia's president") and later
mentions of their surname.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from analysis import resources
from analysis.constants import RELATIVE_PRONOUNS, WORD_NUMBERS
from analysis.doc import (
    NAMES_KEY,
    first_conjunct,
    heading_before,
    paragraph_cut,
    paragraph_start,
    sentence,
    sentences,
    sentences_back,
    supplier_suffixed,
    token_table,
    weapon_tokens,
)
from analysis.model import ActorRow, Article, EntityRow

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLURAL = frozenset({"they", "their", "them"})
PRONOUNS = {
    "he": "person",
    "she": "person",
    "his": "person",
    "her": "person",
    "him": "person",
    "it": "state",
    "itself": "state",
    "they": "state",
    "its": "state",
    "their": "state",
}
RELATIVE = RELATIVE_PRONOUNS
GROUP_SIDES = frozenset({"side", "faction"})  # "backed opposite sides in Yemen"
# Prepositions whose object is a source or partner, not the owner a later "its" points at.
PARTNER_PREPS = frozenset({"from", "by", "with", "to"})
NON_STATE_ENTS = frozenset({"ORG", "PERSON"})
"""Named speakers that, when they name no state, speak for no state."""
OBJECT_DEPS = frozenset({"dobj", "dative", "prep", "agent"})
"""The dependents of a verb that hold its objects and partners, not its other clauses."""
_SURNAME_PARTICLES = {"de", "der", "van", "von", "al", "el", "bin", "le", "la", "di", "da"}


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str
    actor: str  # actor id (country, bloc, organisation, company or person id)
    state: str | None  # the country or bloc this mention stands for


@dataclass(slots=True)
class Person:
    id: str
    name: str
    country: str | None


def _plain_state(token: Token) -> bool:
    """Whether a word is a definite description of a state itself ("the country", "the
    nation"), not an institution, an office or a service of one."""
    ref = resources.reference(token)
    return (
        ref is not None
        and ref.kind == "state"
        and not (ref.home or ref.office_only or ref.paragraph or ref.person or ref.among)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    )


def _package_it(token: Token) -> bool:
    """ "it would also include ...": an "it" that includes weapons is a package."""
    return (
        token.lower_ == "it"
        and token.dep_ == "nsubj"
        and token.head.lemma_ in resources.frame_lemmas("include")
    )


def _expletive_it(token: Token) -> bool:
    """An "it" that stands for what the sentence goes on to say, not for a state: "It is not
    the first time Tallinn has turned to The Hague", "It is unclear whether the jets will
    arrive"."""
    if token.lower_ != "it" or token.dep_ != "nsubj" or token.head.lemma_ != "be":
        return False
    kids = list(token.head.children)
    said = any(c.dep_ in ("ccomp", "xcomp") for c in kids)
    return any(
        (c.dep_ == "acomp" and said) or (c.dep_ == "attr" and c.lemma_ == "time") for c in kids
    )


def _remit(tok: Token) -> bool:
    """Whether a state named in an office's name is what the office deals with, not whose it
    is ("the Taiwan Affairs Office in Beijing", "the Afghan affairs department")."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.lower_ in ("affairs", "affair")


def _proper_service(token: Token) -> bool:
    """Whether a reference to a state's service is written as a proper name ("The Air
    Force", "the National Guard"): one state's service by name, which the state last named
    need not own ("China is watching the new bomber. The Air Force now operates 20 B-2s")."""
    ref = resources.reference(token)
    return (
        ref is not None
        and ref.paragraph
        and token.pos_ == "PROPN"
        and token.lemma_ not in resources.references()
    )


def _fronted_topic(root: Token) -> bool:
    """Whether a state opens its sentence as the topic ("For Serbia, whose exports have
    recovered, the Gulf has become a key market", "For the Iranian air force, new jets would
    be a leap"): what the sentence is about, as a subject."""
    while root.dep_ in ("amod", "compound", "poss") and root.head != root:
        root = root.head
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.i == sentence(prep).start
        and prep.head.dep_ == "ROOT"
    )


def _parallel_owners(first: Token, later: Token) -> bool:
    """Whether two possessives own the subjects of coordinated clauses ("its air force is
    choosing ..., and its navy has bought ...")."""
    a, b = first.head, later.head
    subjects = ("nsubj", "nsubjpass")
    return (
        first.dep_ == later.dep_ == "poss"
        and a.dep_ in subjects
        and b.dep_ in subjects
        and b.head in a.head.conjuncts
    )


def _kind_only(ref: resources.Reference | None) -> frozenset[str]:
    """The states a reference may only stand for ("the island"); empty when any may."""
    return ref.among if ref is not None else frozenset()


def _for_a_service(prep: Token) -> bool:
    """ "(a submarine it is building) for the French navy": a service a maker works for may be
    its own state's, so the pronoun may still stand for that state."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "for"
        and any(c.dep_ == "pobj" and resources.reference(c) is not None for c in prep.children)
    )


GENERIC_FORCES = ("military", "force")
"""Nouns that name a state's forces as a whole ("Myanmar's military", "Mali's armed forces")."""

LEANING_PREFIXES = frozenset({"pro", "anti"})
"""Prefixes that turn a state's name into an attitude toward it ("pro-Western", "anti-Russian")."""


@dataclass(slots=True)
class Resolved:
    """Every resolved mention of an article, in text order, and the people among them."""

    mentions: list[Mention]
    people: dict[str, Person]
    entities: list[EntityRow]
    by_token: dict[int, Mention] = field(default_factory=dict)

    starts: list[int] = field(default_factory=list)
    doc: Doc | None = None
    _focus: tuple[str] | None = None
    _services: dict[str, list[tuple[int, str, frozenset[str]]]] | None = None
    _antecedents: dict[int, str | None] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.starts = [m.start for m in self.mentions]

    def in_span(self, span: Span) -> list[Mention]:
        """Mentions that fall inside a span (a sentence, a clause); mentions are in text order."""
        lo = bisect_left(self.starts, span.start)
        hi = bisect_left(self.starts, span.end)
        return [m for m in self.mentions[lo:hi] if m.end <= span.end]

    def states_in(self, span: Span) -> list[str]:
        """Distinct countries and blocs mentioned in a span, in order of first mention."""
        return list(dict.fromkeys(m.state for m in self.in_span(span) if m.state))

    def state_at(self, token_i: int) -> str | None:
        m = self.by_token.get(token_i)
        if m is None or self._leaning(m):
            return None  # "pro-Russian parties" are not Russia
        return m.state

    def _leaning(self, m: Mention) -> bool:
        """Whether a mention only tells whom something leans to or against ("pro-Russian",
        "anti-American"): a state named in an attitude, which is not that state acting."""
        doc = self.doc
        return (
            doc is not None
            and m.start >= 2
            and doc[m.start - 1].text == "-"
            and doc[m.start - 2].lower_ in LEANING_PREFIXES
        )

    def capital_at(self, token_i: int) -> bool:
        """Whether the state named at this token is named by its capital ("Niamey", "the
        Madrid agreement"): a place, where the name stands for the state only by metonymy."""
        m = self.by_token.get(token_i)
        rec = resources.actors_by_id().get(m.actor) if m is not None else None
        return rec is not None and m is not None and m.text in rec.capitals

    def place_at(self, token_i: int) -> str | None:
        """The state a known place at this token lies in ("Kharkiv": Ukraine); a place is
        never an actor, so ``state_at`` does not give it."""
        return self.places.get(token_i)

    def antecedent(self, token: Token) -> str | None:
        """The state a pronoun ("it", "they", "its") or a definite description ("the country",
        "its navy") stands for: the last person ("he", "she") or state mentioned before it in
        this or the previous two sentences, a subject first; a possessive points at the nearest
        state of its own sentence. Read once per token (every extractor asks)."""
        if token.i not in self._antecedents:
            found = self._antecedent(token)
            barred = _barred(self, token)
            if found is not None and found in barred:
                found = self._unbarred(token, barred)
            self._antecedents[token.i] = found
        return self._antecedents[token.i]

    def object_antecedent(self, token: Token) -> str | None:
        """The state an object pronoun stands for: its antecedent, else, for one charged with
        doing something ("cut ties with Qatar, accusing it of being too close to Iran"), the
        nearest country named before it in its sentence other than the doer's."""
        found = self.antecedent(token)
        if found is not None:
            return found
        if not charged(token):
            return None  # "the ministries also criticised it": an act, not a state
        doer = next(
            (
                st
                for v in (token.head, *token.head.ancestors)
                for c in v.children
                if c.dep_ == "nsubj" and (st := self.subject_state(c))
            ),
            None,
        )
        for i in range(token.i - 1, sentence(token).start - 1, -1):
            st = self.state_at(i)
            if st is not None and st != doer and resources.is_country(st):
                return st
        return None

    def _unbarred(self, token: Token, barred: set[str]) -> str | None:
        """What a reference stands for when its first reading is barred: for "it", the nearest
        country named as a subject in its sentence or the two before; else, and for a
        description ("the air force", "the junta"), the state its paragraph or the article is
        about; never a barred one."""
        topics = (self.paragraph_subject(token), self._forces_owner(token), self.focus())
        if token.lower_ not in SINGULAR_REFERENCES:
            # "Russia delivered Mi-35s to the air force": a service is the story's state's
            return next((t for t in topics if t is not None and t not in barred), None)
        lo = sentences_back(token, 2)
        for m in reversed(self.mentions):
            if m.start >= token.i or m.start < lo:
                continue
            root = first_conjunct(token.doc[m.start : m.end].root)
            if (
                m.state
                and m.state not in barred
                and resources.is_country(m.state)
                and root.dep_ in ("nsubj", "nsubjpass")
            ):
                return m.state
        return next((t for t in topics if t is not None and t not in barred), None)

    def _antecedent(self, token: Token) -> str | None:
        if _package_it(token) or _expletive_it(token):
            return None  # "it would also include the Joint Strike Missile": a package, no state
        want = PRONOUNS.get(token.lower_)
        ref = resources.reference(token) if want is None else None
        named = self._named_institution(token) if want is None else None
        if named is not None or (want is None and not _refers(token, ref)):
            return named  # "the Defense Security Cooperation Agency ... the agency said"
        decided, found = self._by_sentence(token)
        if decided:
            return found
        speaker = self._last_speaker(token) if want == "person" else None
        if speaker is not None:
            return speaker
        sent = sentence(token)
        before = self._candidates(token, want, ref)
        if _kind_only(ref):
            return self._among(token, before, _kind_only(ref))
        if token.lower_ in ("its", "their"):
            owner = self._possessor(token, sent)
            if owner is not None:
                return owner
        # "Analysts said the navy needs new hulls. Its Type 21 frigates ...": a description
        # that is a later subject than any state named stands between.
        described = self._described_subject(token, want, before) or self._possessed_subject(
            token, want, before
        )
        if described is not None:
            return described
        chained = self._chained_subject(token, want, before)
        if chained is not None:
            return chained
        # Prefer the subject of a main clause ("Poland announced its plan after Russia's
        # invasion prompted it ... It has since ordered"), then any subject, then the nearest;
        # a description ("the air force") with no main subject before it is the article's state.
        # "Defence Minister Mariusz Blaszczak said ... The minister said": the titled person's
        same = (
            (ref.person and self._titled_person(token)) or self._same_service(token, sent)
            if ref is not None
            else None
        )
        if same is not None or (ref is not None and (ref.office_only or _proper_service(token))):
            # "the Royal Thai Air Force ... The air force operates F-16s"; a service written
            # as a name ("the Cypriot National Guard ... The National Guard") only so
            return same
        if ref is not None and ref.home:
            # "France beat offers ... In 2019 the government walked away": an institution is
            # the state its own sentence has as subject, else the article's.
            before = [m for m in before if m.start >= sent.start]
        main = self._main_subject(token, before, ref)
        if main is not None:
            return main
        if ref is not None and ref.kind == "state":
            # "Brazil: big projects ... The army picked Israel's ATMOS": the section's country;
            # "Norway, whose F-35 fleet is complete, went the other way. A year ago the
            # government ordered ...": the country that opens the paragraph.
            return (
                self.section_topic(token)
                or self.paragraph_subject(token)
                or self._forces_owner(token)
                or self.focus()
            )
        return self._nearest(token, before, ref)

    def _named_institution(self, token: Token) -> str | None:
        """The state of an institution the data names in full (a state's agency among its
        capitals) that a bare definite noun refers back to by its last word ("the Defense
        Security Cooperation Agency said ... the agency said")."""
        if token.pos_ not in ("NOUN", "PROPN") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in token.children):
            return None
        word = token.lemma_.lower()
        by_id = resources.actors_by_id()
        for m in reversed(self.mentions):
            if m.end > token.i:
                continue
            rec = by_id.get(m.actor)
            words = m.text.split()
            if (
                rec is not None
                and len(words) > 1
                and m.text in rec.capitals
                and self.doc is not None
                and self.doc[m.end - 1].lemma_.lower() == word
            ):
                return m.state
        return None

    def _main_subject(
        self, token: Token, before: list[Mention], ref: resources.Reference | None
    ) -> str | None:
        """The last state named as the subject of a main clause before a reference; for a
        service, the state its paragraph opens with."""
        if ref is not None and ref.paragraph and before:
            # "Namibia built a navy with help from two partners. Brazil built a patrol ship
            # ... The air force also flies Chinese F-7s": a service belongs to the state its
            # paragraph opens with, not to a partner named as a later subject.
            topic = self.paragraph_subject(token, owner=True)
            if topic is not None:
                return topic
        for m in reversed(before):
            root = token.doc[m.start : m.end].root
            if _subject_like(root, main=True) or _fronted_topic(root):
                customer = _customer(root) if ref is not None else None
                # "Beijing is Bangladesh's biggest arms supplier. The navy has grown": a
                # supplier's customer owns the forces described next.
                # ("... the Egyptian military's main suppliers": the state in the possessor)
                named = (
                    next((st for t in customer.subtree if (st := self.state_at(t.i))), None)
                    if customer is not None
                    else None
                )
                if named is None and ref is not None and _supplier_called(root) is not None:
                    # "The United States remains by far the largest supplier. The army has
                    # received ...": the forces are the customer's the article is about.
                    focus = self.focus()
                    if focus is not None and focus != m.state:
                        return focus
                return named or m.state
        return None

    def _among(self, token: Token, before: list[Mention], among: frozenset[str]) -> str | None:
        """What a reference to one kind of state ("the island") stands for: the last of them
        named, else the state its section or paragraph is about if of that kind."""
        if before:
            return before[-1].state  # "Taiwan ... the island"
        # "**Cyprus leans on Israel.** The island ...": the section's or paragraph's state
        topic = self.section_topic(token) or self.paragraph_subject(token)
        if topic in among:
            return topic
        # "Saudi Arabia signed ... [two paragraphs on Turkey] ... The kingdom's drone fleet":
        # the last state of that kind the article named
        return next(
            (m.state for m in reversed(self.mentions) if m.end <= token.i and m.state in among),
            None,
        )

    def _chained_subject(self, token: Token, want: str | None, before: list[Mention]) -> str | None:
        """ "Serbia has leaned on China and Russia. It took delivery of Chinese drones. From
        Russia it received Pantsir systems": an "it" that was the main subject of a sentence
        since the last state named as one goes on standing for the same state."""
        if want != "state" or token.lower_ not in ("it", "its"):
            return None
        doc = token.doc
        named = [m.start for m in before if _subject_like(doc[m.start : m.end].root, main=True)]
        floor = max([sentences_back(token, 2), *named])
        for j in range(token.i - 1, floor, -1):
            t = doc[j]
            # the main subject, or the subject that opens its sentence, however the parser
            # hung its verb ("It ordered F-16s ...; the first jets reached ...")
            opens = t.i == sentence(t).start
            if t.lower_ == "it" and t.dep_ == "nsubj" and (t.head.dep_ == "ROOT" or opens):
                if _expletive_it(t):
                    continue  # "It is not the first time ...": no state to carry on
                return self.antecedent(t)
        return None

    def _last_speaker(self, token: Token) -> str | None:
        """ "..., said Kaja Kallas, the bloc's foreign policy chief. ... will stay in place, she
        added": "he"/"she" saying something goes on with the last person named as the
        subject of a verb of saying in this or the three sentences before, not with a person
        named in between inside a phrase ("individuals linked to Bashar al-Assad"); a person
        who is a subject or object in between leaves it to the usual reading."""
        if token.dep_ != "nsubj" or token.head.lemma_ not in resources.speech_verbs():
            return None
        floor = sentences_back(token, 3)
        for m in reversed(self.mentions):
            if m.end > token.i or m.start < floor:
                continue
            root = token.doc[m.start : m.end].root
            if not m.actor.startswith("P:"):
                continue
            if root.dep_ == "nsubj" and root.head.lemma_ in resources.speech_verbs():
                return m.state
            if root.dep_ in ("nsubj", "nsubjpass", "appos", "ROOT", "dobj", "dative", "conj"):
                return None  # a person who acts or is addressed in between may be the one
        return None

    def _nearest(
        self, token: Token, before: list[Mention], ref: resources.Reference | None
    ) -> str | None:
        """The last state named as any subject before a reference, else the nearest that is
        neither a modifier nor a source; a bare description falls back to the article's."""
        for m in reversed(before):
            if _subject_like(token.doc[m.start : m.end].root):
                return m.state
        # "Sweden offered jets to Thailand. It bought older ones from Sweden": once the
        # pronoun's own objects rule out the source, a partner named before is the one.
        partners = bool(self._own_objects(token))
        for m in reversed(before):
            root = token.doc[m.start : m.end].root
            if root.dep_ not in ("amod", "compound") and not (
                root.dep_ == "pobj" and root.head.lower_ in PARTNER_PREPS and not partners
            ):
                return m.state  # not a source: "... bought from Russia, and it has bought"
        return self.focus() if ref is not None and ref.bare and ref.kind == "state" else None

    def _candidates(
        self, token: Token, want: str | None, ref: resources.Reference | None
    ) -> list[Mention]:
        """Mentions before a reference that it may stand for: persons for "he"/"she" (in the
        sentence before, else up to three back: "Pashinyan has grown critical of Russia ...
        Armenia declined ... he said"), states for the rest."""
        person = want == "person"
        for back in (1, 3) if person else (1 if want else 2,):
            floor = sentences_back(token, back)
            if ref is not None and ref.paragraph:
                # "Moscow reacted coolly. ... [new paragraph] The air force flies Su-27s": a
                # state's service refers back within its paragraph only, else to the article's.
                floor = max(floor, paragraph_start(token))
            before = [
                m
                for m in self.mentions
                if m.end <= token.i
                and m.start >= floor
                and m.state
                and (m.actor.startswith("P:") == person or (not person and _possessor_of(m, token)))
                and (ref is None or (ref.kind == "bloc") == _is_bloc(m.state))
            ]
            if before:
                # "Riyadh cut ties with Doha, accusing it of ...": an object pronoun is not its
                # own clause's subject (that would be "itself"); "Sweden offered Thailand the
                # Gripen. It bought C/D jets from Sweden": nor a subject pronoun its objects.
                own = self._own_subject(token) | self._own_objects(token)
                # "France's Naval Group agreed ... The air force flies": a company is no
                # country, air force or government, whatever "it" may stand for.
                # "Kyrgyzstan's Turkish-made drones, which the country received": nor is a
                # state named as a weapon's maker.
                kept = [
                    m
                    for m in before
                    if m.state not in own
                    and not (ref is not None and resources.is_company(m.actor))
                    and not (ref is not None and _maker_modifier(token.doc[m.start : m.end].root))
                    and not (_kind_only(ref) and m.state not in _kind_only(ref))
                    and not supplier_suffixed(token.doc, m.start, m.end)
                ]
                if kept or not person:
                    return kept
                # "Standing beside Stoltenberg, he said": none of the persons just before,
                # so one further back
        return []

    def _own_subject(self, token: Token) -> set[str]:
        """The states named in the subject of an object pronoun's own clause (its participles
        share it); empty for any other token."""
        if token.lower_ not in ("it", "them", "him", "her") or token.dep_ not in (
            "dobj",
            "pobj",
            "dative",
        ):
            return set()
        verb = token.head.head if token.dep_ == "pobj" else token.head
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return {st for t in subj.subtree if (st := self.state_at(t.i))}
            if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head == verb:
                return set()
            verb = verb.head
        return set()

    def _own_objects(self, token: Token) -> set[str]:
        """The states named in the objects and prepositional phrases of a subject pronoun's
        own verb ("it bought jets from Sweden"), not in its other clauses; empty for any other
        token."""
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return set()
        found: set[str] = set()
        if token.lower_ in ("he", "she"):
            # "Standing beside Stoltenberg, he said": who is named in the fronted clause of a
            # person's own verb is not that person
            for c in token.head.children:
                if c.dep_ == "advcl" and c.i < token.i:
                    found.update(
                        m.state
                        for t in c.subtree
                        if (m := self.by_token.get(t.i)) is not None
                        and m.state
                        and m.actor.startswith("P:")
                    )
            return found
        if token.lower_ not in ("it", "they"):
            return set()
        for c in token.head.children:
            if c.i != token.i and c.dep_ in OBJECT_DEPS and not _for_a_service(c):
                self._phrase_states(c, found, 2)
        return found

    def _phrase_states(self, head: Token, found: set[str], depth: int) -> None:
        """The states a phrase names in its own words ("from Sweden", "Russia's jets", "a deal
        with Russia"), not in a clause or a company hung on it ("aircraft ordered from
        Dassault")."""
        nouns = [head] if head.dep_ != "prep" else [p for p in head.children if p.dep_ == "pobj"]
        for noun in nouns:
            for t in (noun, *(t for left in noun.lefts for t in left.subtree)):
                m = self.by_token.get(t.i)
                if m is not None and m.state and m.actor == m.state:
                    found.add(m.state)
            if depth > 1:
                for c in noun.rights:
                    if c.dep_ == "prep":
                        self._phrase_states(c, found, depth - 1)

    def _by_sentence(self, token: Token) -> tuple[bool, str | None]:
        """(decided, state) for a pronoun its own sentence settles: "they" after weapons is
        no state ("the TB2s have shown their value in Ukraine, where they struck"); "it" after
        an institution as main subject is its state ("The air force flies F-16s bought from the
        United States, which it praises"), not a source named between."""
        if token.lower_ in PLURAL and self._weapons_before(token):
            return True, None
        reporter = _reporter(token)
        if reporter is not None:
            found = self.subject_state(reporter)  # "Sweden said it would press the EU"
            if found is not None or reporter.ent_type_ in NON_STATE_ENTS:
                return True, found  # "The SDF said it had fired": a group that is no state
        judged = _judged_object(token)
        if judged is not None:
            found = self.subject_state(judged)  # "accused Armenia of ... after it hosted"
            if found is not None:
                return True, found
        if token.lower_ != "it":
            return False, None
        held = _held_clause_subject(token)
        if held is not None and (found := self.subject_state(held)) is not None:
            return True, found  # "and Brazil received Mi-35s before it walked away from"
        subj = next((c for c in sentence(token).root.children if c.dep_ == "nsubj"), None)
        if (
            subj is None
            or subj.i > token.i
            or subj.i in self.by_token
            or subj.tag_ != "NN"
            or resources.reference(subj) is None
            or not _definite(subj)
        ):
            return False, None
        found = self.subject_state(subj)  # "Its army ..., and it bought": the possessor's
        return found is not None, found

    def _weapons_before(self, token: Token) -> bool:
        """Whether the nearest plural subject or object before a plural pronoun, in its own
        sentence or the one before, is a weapon ("Russia delivered S-400 launchers to Turkey.
        They arrived in July."): things, not a state."""
        doc = token.doc
        weapons = weapon_tokens(doc)
        for j in range(token.i - 1, sentences_back(token, 1) - 1, -1):
            t = doc[j]
            # "the TB2s" (tagged NN), "S-400 launchers" (a name before its noun).
            weapon = j in weapons or any(
                c.dep_ == "compound" and c.i in weapons for c in t.children
            )
            if t.dep_ in ("nsubj", "nsubjpass", "dobj") and (t.tag_ in ("NNS", "NNPS") or weapon):
                return weapon
        return False

    def _described_subject(
        self, token: Token, want: str | None, before: list[Mention]
    ) -> str | None:
        """The state a definite description stands for ("the navy", "the ministry") when it is
        the latest subject before a pronoun of a state, later than every state named as a
        subject."""
        if want != "state":
            return None
        doc = token.doc
        floor = sentences_back(token, 1)
        found = _descriptions(doc)
        found = found[bisect_left(found, floor) : bisect_left(found, token.i)]
        if not found:
            return None
        last = max(
            (m.start for m in before if _subject_like(doc[m.start : m.end].root)), default=floor
        )
        for i in reversed(found[bisect_left(found, last) :]):
            t = doc[i]
            # "the navy", not "its army" (whose "its" is what the pronoun would find anyway)
            if (
                t.dep_ in ("nsubj", "nsubjpass")
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                and not any(self.state_at(c.i) for c in t.children)  # "the Pakistani army"
            ):
                return self.antecedent(t)
        return None

    def _possessed_subject(
        self, token: Token, want: str | None, before: list[Mention]
    ) -> str | None:
        """The state that owns the latest subject before "it" or "the country" ("The kingdom's
        drone fleet has leaned on China. It already operates Chinese-made drones", "Pakistan's
        trajectory runs the other way. The country has received ..."), when no state named as
        a subject comes later."""
        if not (want == "state" and token.lower_ in ("it", "its")) and not _plain_state(token):
            return None
        doc = token.doc
        last = max(
            (m.end for m in before if _subject_like(doc[m.start : m.end].root)),
            default=sentences_back(token, 1),
        )
        for j in range(token.i - 1, last - 1, -1):
            t = doc[j]
            # "The kingdom's foreign ministry said", the office tagged a proper noun
            noun = t.pos_ == "NOUN" or (t.pos_ == "PROPN" and resources.reference(t) is not None)
            if t.dep_ not in ("nsubj", "nsubjpass") or not noun or t.head.dep_ != "ROOT":
                continue
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is None or owner.pos_ == "PRON":
                return None  # "its fleet" is what the pronoun would find anyway
            return self.state_at(owner.i) or self.antecedent(owner)
        return None

    def _titled_person(self, token: Token) -> str | None:
        """The state of the last person named before with the same title ("Defence Minister
        Mariusz Blaszczak said ... The minister said"), for a bare title with no state of its
        own."""
        # one person's title, with no state of its own ("the minister", not "Poland's minister")
        if token.tag_ != "NN":
            return None
        if any(self.state_at(c.i) for c in token.subtree):
            return None
        doc = token.doc
        for m in reversed(self.mentions):
            if m.end > token.i:
                continue
            if not m.actor.startswith("P:") or not m.state:
                continue
            root = doc[m.start : m.end].root
            titles = [doc[i] for i in range(max(m.start - 3, 0), m.start)]
            titles += [c for c in root.children if c.dep_ == "appos"]
            if any(t.lemma_.lower() == token.lemma_.lower() for t in titles):
                return m.state
        return None

    def _same_service(self, token: Token, sent: Span) -> str | None:
        """The state an earlier mention of the same institution named ("the Royal Thai Air
        Force", "Thailand's navy"), for a later bare one ("the air force", "the navy"); named
        in an earlier sentence, not over a state that is the subject of the reference's own
        ("In 2010 Estonia bought carriers from Dutch stocks, and the army operates")."""
        # "the Royal Thai Air Force ... the air force"; but "Russia's defence ministry ... the
        # interior ministry said" is another office, and "Russian forces" no air force.
        words = self._office(token)
        earlier = [
            (i, st)
            for i, st, named in self._service_map(token.doc).get(token.lemma_.lower(), [])
            if i < token.i and words <= named
        ]
        if not earlier:
            return None
        i, st = earlier[-1]
        if i < sentences_back(token, 2):
            # "the Pakistan Navy ... a Pakistan Navy statement ... A US Navy official said ...
            # [three sentences on] The navy has begun receiving F-22P frigates": long after the
            # last one named, a bare service is the one the article names most often.
            named = Counter(s for _, s in earlier)
            most = max(named.values())
            if named[st] < most:
                st = next(s for _, s in reversed(earlier) if named[s] == most)
        if i < sent.start:
            here = [m for m in self.in_span(token.doc[sent.start : token.i]) if m.state]
            local = self._main_subject(token, here, None)
            if local is not None:
                return local
        ref = resources.reference(token)
        if ref is not None and ref.paragraph and token.doc[i].idx < paragraph_cut(sent):
            # "the Royal Malaysian Navy ... [a new paragraph] Thailand's path has been the
            # least smooth. The navy ordered": the state its own paragraph opens with
            topic = self.paragraph_subject(token) or self._paragraph_owner(token)
            if topic is not None:
                return topic
        return st

    def _paragraph_owner(self, token: Token) -> str | None:
        """The country owning the main subject of the sentence before a token's, when that
        sentence opens the token's paragraph ("Thailand's path has been the least smooth.")."""
        sent = sentence(token)
        if sent.start == 0:
            return None
        first = sentence(token.doc[sent.start - 1])
        if first.start_char < paragraph_cut(sent) or (
            first.start > 0 and paragraph_cut(first) < first.start_char
        ):
            return None
        for m in self.in_span(first):
            root = token.doc[m.start : m.end].root
            if (
                m.state
                and resources.is_country(m.state)
                and root.dep_ == "poss"
                and root.head.dep_ == "nsubj"
                and root.head.head.dep_ == "ROOT"
            ):
                return m.state
        return None

    def _service_map(self, doc: Doc) -> dict[str, list[tuple[int, str, frozenset[str]]]]:
        """Institutions the article names with their state ("the Royal Thai Air Force",
        "Thailand's navy"), by head noun: where each stands, its state and its office words."""
        if self._services is None:
            self._services = {}
            for m in self.mentions:
                root = doc[m.start : m.end].root
                head = root.head
                if _former_service(head):
                    continue  # "served in the Chinese navy", "retired by the Chinese navy"
                if m.state and root.dep_ in ("compound", "amod", "poss"):
                    entry = (head.i, m.state, self._office(head))
                    self._services.setdefault(head.lemma_.lower(), []).append(entry)
        return self._services

    def _forces_owner(self, token: Token) -> str | None:
        """For a bare service ("the air force", "the navy"), the state whose military the
        article has named as such before it ("Myanmar's military", "the Malian armed forces"),
        when it has named only one's: the forces the story is about. "Russian forces" in a
        war report are the enemy's troops, not a military the story is about."""
        ref = resources.reference(token)
        if ref is None or not ref.paragraph or token.lower_ in SINGULAR_REFERENCES:
            return None
        services = self._service_map(token.doc)
        owners = {
            st
            for lemma in GENERIC_FORCES
            for i, st, words in services.get(lemma, [])
            if i < token.i and (lemma == "military" or words == {"armed"})
        }
        return next(iter(owners)) if len(owners) == 1 else None

    def _office(self, head: Token) -> frozenset[str]:
        """The words that tell an institution from others of its kind ("defence", "air"),
        leaving out the states named in it."""
        return frozenset(
            c.lower_
            for c in head.children
            if c.dep_ in ("compound", "amod") and c.i not in self.by_token
        )

    def _possessor(self, token: Token, sent: Span) -> str | None:
        """What "its"/"their" stands for in its own sentence; a repeat of the word after
        sources only ("Its army flies jets supplied by the United States, and its air force")
        stands for what the first one does."""
        if any(c.lower_ == "own" for c in token.head.children):
            # "The navy is building its own submarines": "its own" is the subject's.
            verb = token.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subj is not None and subj.lower_ not in PRONOUNS:
                return self.subject_state(subj)
        mentions = [m for m in self.mentions if sent.start <= m.start and m.end <= token.i]
        last = max((m.end for m in mentions), default=sent.start)
        # "the United States removed it from the F-35 programme over its purchase": an object
        # "it" nearer than any state named is what "its" stands for.
        pronoun = next(
            (
                t
                for t in reversed(token.doc[last : token.i])
                if t.lower_ == "it" and t.dep_ in ("dobj", "dative")
            ),
            None,
        )
        if pronoun is not None:
            return self.antecedent(pronoun)
        # "It has ordered F-35Bs from the United States, and its F-16s ...": past sources
        # only, the subject pronoun before them.
        # "... the air force inducted JF-17s bought from Pakistan, and its Mi-35s": a
        # description as subject stands the same way.
        subject = next(
            (
                t
                for t in token.doc[sent.start : token.i]
                if t.dep_ == "nsubj" and (t.lower_ == "it" or _describes(t))
            ),
            None,
        )
        sources = all(
            _partner(token.doc[m.start : m.end].root)
            for m in mentions
            if not m.actor.startswith("P:")
        )
        if subject is not None and sources:
            return self.antecedent(subject)
        first = next(t for t in sent if t.lower_ == token.lower_)
        if first.i < token.i and _parallel_owners(first, token):
            # "Its air force is choosing between Sweden's Gripen and F-16s, and its navy has
            # bought a Chinese ship": the owner of a parallel subject is the first one's
            return self.antecedent(first)
        owner = _owner(token, mentions)
        if owner is not None:
            return owner
        first = next(t for t in sent if t.lower_ == token.lower_)
        return self.antecedent(first) if first.i < token.i else None

    def section_topic(self, token: Token) -> str | None:
        """The country the subheading over a token names first as its topic ("Ethiopia: the
        drone war", "Argentina turns west"); not a source or partner ("Artillery from Korea",
        "Relations with Moscow")."""
        head = heading_before(token)
        if head is None:
            return None
        for m in self.in_span(head):
            root = first_conjunct(head.doc[m.start : m.end].root)
            if not m.state or not resources.is_country(m.state) or _partner(root):
                continue
            # "Chile, Peru and Uruguay": a list of countries names no one topic.
            listed = [c for c in _listed(root) if (st := self.state_at(c.i)) and st != m.state]
            return None if listed else m.state
        return None

    def paragraph_subject(self, token: Token, *, owner: bool = False) -> str | None:
        """The country that is the subject of the sentence opening a token's paragraph, when
        that sentence is one of the three before the token's own; with ``owner``, only a state
        that is itself the subject ("Namibia built a navy", not "Indian officials visited")
        and not called a supplier ("Paris has become Egypt's main supplier"), whose forces
        are not the ones described next."""
        doc = token.doc
        sent = sentence(token)
        cut = paragraph_cut(sent)
        first = sent
        for _ in range(3):
            if first.start_char <= cut or first.start == 0:
                break
            first = sentence(doc[first.start - 1])
        if first.start_char > cut or first.start == sent.start:
            return None
        for m in self.in_span(first):
            root = doc[m.start : m.end].root
            if m.state and resources.is_country(m.state) and _subject_like(root, main=True):
                if owner and (root.dep_ not in ("nsubj", "nsubjpass") or _supplier_called(root)):
                    return None  # "Indian officials visited Dhaka": a visitor, no topic
                return m.state
        return None

    def focus(self) -> str | None:
        """The state the article is most about: named most often, a subject counting twice
        and a modifier ("the French proposal") half, and the lede's mentions double."""
        if self._focus is None:
            counts: dict[str, float] = {}
            lede = -1
            for m in self.mentions:
                if not m.state or _is_bloc(m.state):
                    continue
                root = self.doc[m.start : m.end].root if self.doc is not None else None
                if root is None:
                    counts[m.state] = counts.get(m.state, 0.0) + 1.0
                    continue
                if lede < 0:
                    # the headline and the lede: the first two sentences that name a state
                    first = sentence(root)
                    lede = first.end
                    if first.end < len(root.doc):
                        lede = sentence(root.doc[first.end]).end
                main = (
                    _subject_like(root, main=True)
                    or _reported_subject(root)
                    or _owns_the_subject(root)
                    or _handed_to(root)
                )
                weight = 0.5 if root.dep_ in ("amod", "compound") else 2.0 if main else 1.0
                # The state the headline and lede make their subject is what the story is
                # about, however often its suppliers are named later.
                boost = (4 if main else 2) if m.start < lede else 1
                counts[m.state] = counts.get(m.state, 0.0) + weight * boost
            self._focus = (max(counts, key=lambda k: counts[k]),) if counts else ("",)
        return self._focus[0] or None

    def group(self, token: Token) -> list[str]:
        """The states a plural reference stands for ("the three governments", "both
        countries", "the two sides"): the last coordination of that many countries named in
        this or the two sentences before; empty for anything else."""
        size = _group_size(token)
        if size is None:
            return []
        doc = token.doc
        floor = sentence(token).start
        for _ in range(2):
            if floor > 0:
                floor = sentence(doc[floor - 1]).start
        found: list[str] = []
        for m in self.in_span(doc[floor : token.i]):
            root = doc[m.start : m.end].root
            if root.dep_ in LISTING or not m.state:
                continue
            states = [m.state, *(st for c in _listed(root) if (st := self.state_at(c.i)))]
            states = [st for st in dict.fromkeys(states) if resources.is_country(st)]
            if len(states) == size or (size == ANY_SIZE and len(states) > 1):
                found = states
        return found or self._bloc_of_size(token, size)

    def group_object(self, verb: Token) -> bool:
        """Whether a verb's object is a group that is no state ("backs the Houthi rebels in
        Yemen", "backed opposite sides in Libya's civil war"): the place it is in is no party
        to what the verb says."""
        words = resources.speaker_words()
        return any(
            obj.dep_ == "dobj"
            # "backs the opposition", "helps Belarusian students": no state either
            and (
                words.get(obj.lemma_.lower()) in ("armed_group", "independent", "outside")
                or obj.lemma_ in GROUP_SIDES
            )
            and self.state_at(obj.i) is None
            for obj in verb.children
        )

    def listed_before(self, token: Token) -> list[str]:
        """ "Mali, Burkina Faso and Niger announced that they were leaving": "they" after a
        subject listing states, in the same sentence, stands for all of them; so does one in
        what a group says ("The three juntas announced that they were leaving")."""
        doc = token.doc
        reporter = _reporter(token)
        members = self.group(reporter) if reporter is not None else []
        if len(members) > 1:
            return members
        for m in self.in_span(doc[sentence(token).start : token.i]):
            root = doc[m.start : m.end].root
            if not m.state:
                continue
            if root.dep_ == "pobj" and (
                root.head.lower_ in EXAMPLE_PREPS or root.head.lower_ == "of"
            ):
                # "several governments, including Poland and Finland, said they ...", "the
                # governments of Mali, Burkina Faso and Niger announced that they ...": the
                # states a plural subject names
                noun = root.head.head
                if noun.dep_ not in ("nsubj", "nsubjpass") or noun.tag_ not in ("NNS", "NNPS"):
                    continue
            elif root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            states = [m.state, *(st for c in _listed(root) if (st := self.state_at(c.i)))]
            states = [st for st in dict.fromkeys(states) if resources.is_country(st)]
            if len(states) > 1:
                return states
        return []

    def listed_with(self, root: Token) -> list[Token]:
        """Tokens of the other countries listed with a mention's head ("Mali, Burkina Faso and
        Niger", whether the parser hangs them as conjuncts or appositions); an apposition that
        names no country ("Turkey, a NATO member") is a description, not a list item."""
        return [
            c
            for c in _listed(root)
            if (st := self.state_at(c.i)) and (c.dep_ == "conj" or resources.is_country(st))
        ]

    def _bloc_of_size(self, token: Token, size: int) -> list[str]:
        """ "The three governments signed a pact, the Alliance of Sahel States": a bloc named
        in the same sentence with exactly that many members stands for them."""
        by_id = resources.actors_by_id()
        for m in self.in_span(sentence(token)):
            if token.left_edge.i <= m.start < token.i:
                continue  # "the six Gulf Cooperation Council states": the bloc itself acts
            rec = by_id.get(m.state or "")
            if rec is not None and rec.type == "bloc" and len(rec.members) == size:
                return list(rec.members)
        return []

    def act_doer(self, noun: Token, exclude: str | None) -> str | None:
        """Who did the act a noun refers back to ("Israel struck Iran ... Riyadh condemned the
        attack", "Germany will send tanks ... Kyiv welcomed the decision"): the doer of the
        last act named by the same word (or by one of its kind in its own sentence), else the
        state the lede is about, else the main subject of the nearest sentence before that has one; never
        ``exclude``."""
        doc = noun.doc
        lemmas = token_table(doc)
        # The same word first; else a word of its kind in this sentence or the one before ("after Russia
        # invaded Ukraine, ... while condemning the attack").
        kin = resources.act_kin(noun.lemma_)
        for words, floor in (({noun.lemma_}, 0), (kin, sentences_back(noun, 1))):
            for j in range(noun.i - 1, floor - 1, -1):
                if lemmas[j][1] in words and doc[j].pos_ in ("NOUN", "VERB"):
                    st = self._doer(doc[j], exclude)
                    if st == "":
                        return None  # the act was an armed group's
                    if st:
                        return st
        for sent in sentences(doc)[:2]:
            if sent.start >= noun.i:
                break
            for m in self.in_span(sent):
                root = doc[m.start : m.end].root
                if m.state and m.state != exclude and _subject_like(root, main=True):
                    return m.state
        if noun.lemma_ in resources.act_kin("attack"):
            # an attack no sentence before gives a doer: the nearest subject is as likely its
            # victim or a judge of it ("President Lee called the shelling an attack")
            return None
        return self._nearest_subject(noun, exclude)

    def _nearest_subject(self, noun: Token, exclude: str | None) -> str | None:
        """The state named as a main subject nearest before a word, in its sentence or the
        two before; never ``exclude``."""
        doc = noun.doc
        sent = sentence(noun)
        spans = [doc[sent.start : noun.i]]
        for _ in range(2):
            if spans[-1].start == 0:
                break
            spans.append(sentence(doc[spans[-1].start - 1]))
        for span in spans:
            found = [m for m in self.in_span(span) if m.state and m.state != exclude]
            for m in found:
                if _subject_like(doc[m.start : m.end].root, main=True):
                    return m.state
        return None

    def _doer(self, act: Token, exclude: str | None) -> str | None:
        """The state doing an act: a verb's subject, a noun's own modifier ("Israel's attack",
        "Russian strikes") or the subject of the clause the noun is in; "" when an armed group
        did it ("the Houthi movement fired missiles")."""
        if act.pos_ == "NOUN":
            for c in act.children:
                if c.dep_ in ("poss", "amod", "compound"):
                    st = next((s for t in c.subtree if (s := self.state_at(t.i))), None)
                    if st:
                        return st if st != exclude else None
            if act.dep_ in ("dobj", "nsubjpass"):
                act = act.head
                if act.lemma_ in resources.judging_verbs():
                    return None  # "Kyiv welcomed the decision": a judge, not the doer
        for c in act.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent"):
                if armed_group(c):
                    return ""  # "the Houthi movement fired missiles": no state did it
                st = self.subject_state(c)
                return st if st != exclude else None
        return None

    def _named_in(self, subj: Token, clauses: set[int]) -> str | None:
        """The first state a subject's words name outside its clauses; "" when that state is
        only what a relational noun is relative to ("Myanmar's neighbours have given it
        submarines": not Myanmar), None when it names none."""
        for t in subj.subtree:
            st = self.state_at(t.i) if t.i not in clauses and not _remit(t) else None
            if not st:
                continue
            person = (m := self.by_token.get(t.i)) is not None and m.actor.startswith("P:")
            return "" if not person and _relative_of(t) else st
        return None

    def subject_state(self, subj: Token) -> str | None:
        """The state a grammatical subject stands for: named in it, the antecedent of a
        relative pronoun ("China, which has supplied"), or of a personal pronoun. A clause on
        the subject does not name it ("A Patriot battery supplied by Germany shot down ...")."""
        members = self.group(subj)
        if members:
            return members[0]  # "the three governments signed"
        if subj.lower_ == "itself":
            # "Egypt, itself at odds with Ethiopia, signed a pact": the parser's subject is
            # the reflexive; it stands for the state before it, not for what its phrase names.
            return self.antecedent(subj)
        clauses = {t.i for c in subj.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
        head = self.by_token.get(subj.i)
        if head is not None and head.state and resources.is_country(head.state):
            # "NATO member Hungary", "US ally Japan": the state the subject is, before the
            # bloc or state that describes it.
            return head.state
        named = self._named_in(subj, clauses)
        if named is not None:
            return named or None
        for t in subj.subtree:
            # "The navy's commander said", "Her spokesperson said"; not a word describing the
            # subject ("the general staff").
            if t.i != subj.i and (
                t.lower_ in PRONOUNS
                or (resources.reference(t) is not None and t.dep_ not in ("amod", "compound"))
            ):
                st = self.antecedent(t)
                if st:
                    return st
        # "Pakistan, whose navy operates ...": the possessor is the noun the clause is on
        whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in subj.children)
        if (subj.lower_ in RELATIVE or whose) and subj.head.dep_ in ("relcl", "acl"):
            noun = subj.head.head
            listed = noun.conjuncts
            if listed and subj.head.tag_ == "VBZ" and noun.i < listed[-1].i < subj.i:
                # "to Israel, France and the United States, which now sells": a singular verb
                # tells of the last of the list
                noun = listed[-1]
            for t in noun.subtree:
                if t.i > noun.i:
                    break
                # "its army, which flies F-16s": a possessive pronoun's antecedent, when the
                # noun is the state's own body (not "its neighbours, who")
                ref = resources.reference(noun)
                kind = ref.kind if ref is not None else None
                own = t.dep_ == "poss" and t.lower_ in PRONOUNS and kind == "state"
                st = self.state_at(t.i) or (self.antecedent(t) if own else None)
                if st:
                    return st
            # "China, its largest arms supplier, which is building ...": the noun in
            # apposition stands for the state it describes.
            if noun.dep_ == "appos" and self.state_at(noun.head.i):
                return self.state_at(noun.head.i)
        return self.antecedent(subj)

    def actor_rows(self) -> list[ActorRow]:
        by_id = resources.actors_by_id()
        rows: dict[str, ActorRow] = {}
        for m in self.mentions:
            row = rows.get(m.actor)
            if row is None:
                if m.actor in self.people:
                    p = self.people[m.actor]
                    row = ActorRow(id=p.id, name=p.name, type="person", country=p.country)
                else:
                    rec = by_id[m.actor]
                    row = ActorRow(id=rec.id, name=rec.name, type=rec.type, country=rec.country)
                rows[m.actor] = row
            row.mentions += 1
            if m.text not in row.forms:
                row.forms.append(m.text)
        # A state that acts only through its people or companies is still involved.
        for m in list(self.mentions):
            if m.state and m.state not in rows and m.state in by_id:
                rec = by_id[m.state]
                rows[m.state] = ActorRow(
                    id=rec.id,
                    name=rec.name,
                    type=rec.type,
                    country=rec.country,
                    mentions=0,
                    forms=[],
                )
        return sorted(rows.values(), key=lambda r: (-r.mentions, r.name))

    def entity_rows(self) -> list[EntityRow]:
        return self.entities


def _refers(token: Token, ref: resources.Reference | None) -> bool:
    """Whether a noun of the references data refers here: made definite, or bare where it
    may be ("officials said"), and with the words it needs ("state media", not "local
    media")."""
    if ref is None or not (ref.bare or _definite(token)):
        return False
    if any(
        c.dep_ in ("compound", "nmod")
        and c.i < token.i
        and c.pos_ == "PROPN"
        and c.text[:1].isupper()
        and c.lower_ not in resources.title_words()  # "the Defence Ministry": a remit
        and c.ent_type_ in ("ORG", "PERSON")
        # "the Energy Ministry": one name with the noun, a state institution's remit
        and not (token.ent_iob_ == "I" and token.ent_type_ == c.ent_type_)
        for c in token.children
    ):
        return False  # "Hezbollah officers", "Wagner commanders": a group's, named as no state
    if ref.plain and any(
        c.dep_ in ("amod", "compound", "nmod") and c.i < token.i for c in token.children
    ):
        return False
    return not ref.only_with or _described(token, ref.only_with)


def _described(token: Token, words: tuple[str, ...]) -> bool:
    """Whether a noun has one of these words among its modifiers ("state media")."""
    return any(
        c.lower_ in words or c.lemma_.lower() in words
        for c in token.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i
    )


def _judged_object(token: Token) -> Token | None:
    """The object of a verb of judging or pressing that a pronoun in its circumstantial clause
    stands for ("The Kremlin accused Armenia of unfriendly steps after it hosted U.S. troops",
    "Beijing warned Manila after it detained ..."): what the judge reacts to is its target's."""
    if token.lower_ not in ("it", "they") or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = token.head
    judge = clause.head
    if clause.dep_ != "advcl" or judge.lemma_ not in resources.judging_verbs():
        return None
    if judge.lemma_ in resources.speech_verbs():
        return None  # "said after it met": a speaker has no target
    return next((c for c in judge.children if c.dep_ == "dobj" and c.i < token.i), None)


def _reporter(token: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause a pronoun is the subject of
    ("Sweden, which is not in NATO, said it would press the EU"; "Islamabad denied any role
    and said it could ..."): the speaker speaks of itself."""
    if token.lower_ not in ("it", "they") or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = first_conjunct(token.head)
    report = clause.head
    if clause.dep_ != "ccomp" or report.lemma_ not in resources.speech_verbs():
        return None
    for _ in range(3):
        subj = next((c for c in report.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj if subj.lower_ not in PRONOUNS and subj.lower_ not in RELATIVE else None
        if report.dep_ == "acl" and report.head.dep_ == "ROOT" and report.head.pos_ == "NOUN":
            # "The three juntas announced that they ...", parsed as a noun the verb describes
            return report.head
        if report.dep_ not in ("conj", "advcl") or report.head == report:
            return None
        report = report.head
    return None


def _is_bloc(actor_id: str) -> bool:
    rec = resources.actors_by_id().get(actor_id)
    return rec is not None and rec.type in ("bloc", "organisation")


def _descriptions(doc: Doc) -> list[int]:
    """Where a doc has a noun that describes a state ("navy", "government", "ministry"), read
    once per doc from its token table."""
    found = doc.user_data.get("am_descriptions")
    if found is None:
        wanted = {lemma for lemma, r in resources.references().items() if r.kind == "state"}
        found = doc.user_data["am_descriptions"] = [
            i for i, (_, lemma, _) in enumerate(token_table(doc)) if lemma in wanted
        ]
    return found


def _definite(token: Token) -> bool:
    """ "the country", "its navy", "the Serbian government" (no state named inside)."""
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in token.children
    )


def _owner(token: Token, mentions: list[Mention]) -> str | None:
    """What "its" points at in its own sentence: the nearest state ("penalised Turkey over its
    own S-400 purchase"), passing over a source or partner ("ordered F-35s from the United
    States, and its air defence relies on ..."); None when only sources are named."""
    # "At a summit in Astana, its leaders urged ...": a venue owns nothing
    own = [m for m in mentions if not m.actor.startswith("P:") and not _venue(token, m)]
    if token.head.lemma_ in resources.state_possessions():
        # "asked the CSTO for help after Azerbaijani forces struck positions inside its
        # territory": a territory is a state's, not the bloc's named nearer
        own = [m for m in own if m.state and not _is_bloc(m.state)]
    for m in reversed(own):
        root = token.doc[m.start : m.end].root
        if root.dep_ in ("amod", "compound") and root.head.i != token.head.i:
            continue  # "will stop buying Israeli arms, although its air force": a description
        if root.dep_ == "npadvmod" and root.head.dep_ == "amod":
            continue  # "the Russian-led bloc", "Iranian-backed militias": a description
        if _in_apposition(root):
            continue  # "Hungary, a member of NATO since 1999, has bought its weapons"
        if not _partner(root):
            return m.state
    # "Petro cut ties with Israel ..., although its air force still flies Kfirs": the state of
    # the person the sentence is about.
    for m in mentions:
        if m.actor.startswith("P:") and _subject_like(token.doc[m.start : m.end].root, main=True):
            return m.state
    # "Its army flies helicopters supplied by the United States, and its air force ...": the
    # same word earlier in the sentence, whose owner stands before the sources it names.
    rest = [m for m in own if not _partner(token.doc[m.start : m.end].root)]
    if (
        not rest
        and own
        and any(
            t.lower_ == token.lower_ and t.i < own[0].start
            for t in token.doc[sentence(token).start : token.i]
        )
    ):
        return None
    return own[-1].state if own else None


def _venue(token: Token, m: Mention) -> bool:
    """Whether a state is named only as where what the sentence reports took place, in a
    phrase before the clause's subject ("At a summit in Astana, its leaders urged"); not a
    place inside the subject ("Approval in Kuwait is still required")."""
    t = token.doc[m.start : m.end].root
    if t.dep_ != "pobj" or t.head.lower_ not in ("in", "at"):
        return False
    while t.dep_ in ("pobj", "prep") and t.head != t:
        t = t.head
    verb = t if t.pos_ in ("VERB", "AUX") else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    return subject is not None and m.end <= subject.i


def _maker_modifier(root: Token) -> bool:
    """Whether a state's name describes the maker or seller that is its verb's subject ("a
    German consortium will build four corvettes"): an origin, not the owner of the forces a
    description names next."""
    subject = root.head
    return (
        root.dep_ in ("amod", "compound")
        and subject.dep_ == "nsubj"
        and subject.head.lemma_ in resources.frame_lemmas("produce", "deliver", "sell", "offer")
    )


def _owns_the_subject(root: Token) -> bool:
    """Whether a state owns the institution that is its sentence's main subject ("Taiwan's
    navy on Friday commissioned ...", "Poland's defence ministry said"), also of what a
    sentence reports ("Japan's Defence Ministry has abandoned its plan ..., officials said"):
    the state acts."""
    noun = root.head
    return (
        root.dep_ == "poss"
        and noun.dep_ == "nsubj"
        and (noun.head.dep_ == "ROOT" or _reported_subject(noun))
        and resources.reference(noun) is not None
    )


def _customer(root: Token) -> Token | None:
    """The customer a state is called the supplier of ("Beijing is Bangladesh's biggest arms
    supplier": Bangladesh), or None."""
    noun = _supplier_called(root)
    return next((c for c in noun.children if c.dep_ == "poss"), None) if noun else None


def _supplier_called(root: Token) -> Token | None:
    """The supplier noun a state subject is called ("The United States remains by far the
    largest supplier"), or None."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ not in ("be", "remain", "become"):
        return None
    # the predicate noun, wherever the parser hung it ("is by far Bangladesh's ... supplier")
    for attr in verb.subtree:
        if (
            attr.lemma_ in resources.frame_lemmas("supplier-noun")
            and attr.pos_ == "NOUN"
            and attr.i > root.i
        ):
            return attr
    return None


def _former_service(head: Token) -> bool:
    """An institution named as where a weapon served or whom it came from ("served in the
    Chinese navy", "retired by the Chinese navy"), not as the one the article follows ("the
    most capable aircraft in the Nigerian Air Force")."""
    prep = head.head
    if head.dep_ != "pobj" or (prep.head.pos_ not in ("VERB", "AUX") and prep.lower_ != "from"):
        return False
    if prep.lower_ == "by":  # "retired by", "flown by"; not "a ceremony attended by"
        return prep.head.lemma_ in resources.frame_lemmas("operate", "fly", "maintain")
    return prep.lower_ in ("in", "from")


def _held_clause_subject(token: Token) -> Token | None:
    """The subject of the clause that a pronoun's own clause hangs on ("Brazil received
    gunships before it walked away": Brazil), when that subject names a state before it."""
    clause = token.head
    if token.dep_ != "nsubj" or clause.dep_ != "advcl":
        return None
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.i < token.i and subj.pos_ == "PROPN" else None


def _possessor_of(m: Mention, token: Token) -> bool:
    """A person named as the owner of what "it" may stand for ("Petro's government said it
    had chosen"): the person's state."""
    return token.doc[m.start : m.end].root.dep_ == "poss"


SINGULAR_REFERENCES = frozenset({"it", "its"})

OWNER_DEPS = frozenset({"amod", "compound", "poss"})
"""Grammar of ownership: the words before a noun that name whose it is ("French soldiers",
"Russia's navy")."""


def charged(token: Token) -> bool:
    """Whether an object is charged with doing something by a phrase after it ("accusing it
    of being too close to Iran", "blamed them for the attack"): one who acts, a party."""
    return any(
        c.dep_ == "prep" and any(p.dep_ == "pcomp" for p in c.children)
        for c in token.head.children
        if c.i > token.i
    )


def _barred(resolved: Resolved, token: Token) -> set[str]:
    """States a reference cannot stand for by its own sentence's grammar: the subject of its
    own verb when it is that verb's object ("Germany deployed Patriots to the country": not
    Germany, which would be "itself"), and for "it", "its" or a singular description, each
    state of a subject joined with "and" ("Germany and the Netherlands ... after it sent")."""
    if token.lower_ not in SINGULAR_REFERENCES and resources.reference(token) is None:
        return set()
    out: set[str] = set()
    verb = token.head
    for _ in range(4):  # "approved Patriot batteries for the country": up the object phrase
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("prep", "pobj", "dobj", "conj"):
            break
        if verb.dep_ == "prep" and verb.lower_ == "as":
            return set()  # "welcomed it as a step for the bloc": a predicate may be its own
        verb = verb.head
    if token.dep_ in ("dobj", "pobj", "dative") and verb.pos_ in ("VERB", "AUX"):
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i:
                # "French soldiers and American troops are based in the country": the states
                # that own the subject are not the place it is in either
                heads = (c, *c.conjuncts)
                owners = tuple(m for t in heads for m in t.children if m.dep_ in OWNER_DEPS)
                out.update(_proper_states(resolved, heads + owners))
    if token.tag_ in ("NN", "PRP", "PRP$"):
        sent = sentence(token)
        for t in sent:
            if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts:
                out.update(_proper_states(resolved, (t, *t.conjuncts)))
    return out


def _proper_states(resolved: Resolved, tokens: tuple[Token, ...]) -> set[str]:
    """The states that words name as states themselves: not a company ("Mazagon Dock
    delivered submarines to the navy" is India's yard and India's navy)."""
    out = set()
    for t in tokens:
        m = resolved.by_token.get(t.i)
        if m is not None and m.state and not resources.is_company(m.actor):
            out.add(m.state)
    return out


def _relative_of(tok: Token) -> bool:
    """A state named as what a relational noun is relative to ("Myanmar's neighbours", "allies
    of Ukraine"): the noun names others."""
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
    return tok.dep_ in ("poss", "pobj") and head.lemma_ in resources.relational_nouns()


def _describes(tok: Token) -> bool:
    """A definite description that refers back ("the air force", "the country"), not a name."""
    return (
        tok.pos_ == "NOUN"
        and any(c.lower_ == "the" for c in tok.children)
        and resources.reference(tok) is not None
    )


def _partner(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in PARTNER_PREPS


LISTING = ("conj", "appos")


def _listed(root: Token) -> list[Token]:
    """The items listed with a noun ("Mali, Burkina Faso and Niger", however the parser hangs
    them: conjuncts or appositions)."""
    out: list[Token] = []
    todo = [root]
    while todo:
        tok = todo.pop()
        for c in tok.children:
            if c.dep_ in LISTING:
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


EXAMPLE_PREPS = frozenset({"including", "like"})
"""Prepositions that list examples of a plural noun ("governments, including Poland and
Finland")."""

# A pronoun standing alone as the subject for each of the states named together before it;
# "each" for any number of them.
ANY_SIZE = 0
DISTRIBUTIVE = {"each": ANY_SIZE, "both": 2}


def _group_size(token: Token) -> int | None:
    """How many states a plural reference names ("the two countries" 2, "both sides" 2), or
    None when the token is none."""
    if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ in DISTRIBUTIVE and not token.n_rights:
        return DISTRIBUTIVE[token.lower_]  # "Each leased 14 Gripens", "Both signed"
    n = WORD_NUMBERS.get(token.lower_)
    if n and 1 < n < 10 and token.dep_ in ("nsubj", "nsubjpass"):
        # "All three have drawn closer to Russia", "The three said"; "the two" is as often
        # two leaders just named as two states
        words = {c.lower_ for c in token.children}
        return n if "all" in words or ("the" in words and n > 2) else None
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_ not in resources.group_nouns():
        return None
    for c in token.children:
        if c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj"):
            return 2
        if c.dep_ == "nummod" and (n := WORD_NUMBERS.get(c.lower_) or _digits(c.text)):
            return n if 1 < n < 10 else None
    return None


def _digits(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _in_apposition(tok: Token) -> bool:
    """Whether a token sits in an appositive aside ("Hungary, a member of NATO, ...")."""
    while tok.head != tok and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == "appos":
            return True
        tok = tok.head
    return False


def _handed_to(tok: Token) -> bool:
    """Whether a state is what a main clause hands weapons to ("The United States handed over
    a frigate to Pakistan", "Russia has sold S-400s to India"): the buyer a deal story is
    about as much as its seller."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.head.dep_ != "ROOT":
        return False
    return prep.head.lemma_ in resources.frame_lemmas("deliver", "sell")


def _reported_subject(tok: Token) -> bool:
    """The subject of what a sentence reports ("Kenya has dropped a plan, the ministry said"):
    as much what the sentence is about as a main subject."""
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT"


def _subject_like(tok: Token, *, main: bool = False) -> bool:
    """Whether a mention is (in) a subject; with ``main``, of its sentence's main clause."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return not main or tok.head.dep_ == "ROOT"
        if tok.dep_ == "ROOT" and tok.pos_ == "PROPN":
            return True  # "Uzbekistan, which stays outside the CSTO, shops ...", misparsed
        if main and tok.dep_ == "poss":
            return False
        if tok.dep_ == "amod" and any(c.dep_ == "poss" for c in tok.head.children):
            return False  # "Its American orders are large": an origin; the possessor owns
        if tok.dep_ in ("amod", "compound") and _names_weapon(tok.head):
            return False  # "Russian T-72B1 tanks followed": the weapons' origin, no subject
        if (
            tok.dep_ in ("amod", "compound", "nmod", "poss")
            and tok.head.dep_ == "appos"
            # "Croatia, a NATO member since 2009, has sent", whatever entity the name is read as
            and (tok.head.head.ent_type_ in ("GPE", "NORP") or tok.head.head.pos_ == "PROPN")
        ):
            return False  # "Thailand, a U.S. treaty ally, has spread its purchases": a partner
        if tok.dep_ not in ("poss", "compound", "amod", "appos"):
            return False
        tok = tok.head
    return False


def _names_weapon(noun: Token) -> bool:
    """Whether a noun is or is named as a weapon system ("T-72B1 tanks", "the Su-30s")."""
    names = weapon_tokens(noun.doc)
    return noun.i in names or any(
        c.i in names for c in noun.children if c.dep_ in ("compound", "nmod", "nummod")
    )


def slug(name: str) -> str:
    return "P:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _state_of_actor(actor_id: str) -> str | None:
    rec = resources.actors_by_id().get(actor_id)
    if rec is None:
        return None
    return rec.country if rec.type == "company" else rec.id


def _entity_label(actor_type: str) -> str:
    return {"country": "GPE", "bloc": "ORG", "organisation": "ORG", "company": "ORG"}.get(
        actor_type, "ORG"
    )


def _surname(name: str) -> str:
    parts = [p for p in name.split() if p.lower() not in _SURNAME_PARTICLES]
    return parts[-1] if parts else name


def _context_state(doc: Doc, ent: Span, known: dict[int, Mention]) -> str | None:
    """The state a person acts for, read from a title next to the name."""
    sent = sentence(ent[0])
    titled, state = _title_before(doc, ent, known, sent)
    if titled and state:
        return state
    # After: "X, Serbia's president", "X, the Russian ambassador to Belgrade".
    if ent.end < sent.end and doc[ent.end].text == ",":
        hi = min(sent.end, ent.end + 8)
        after = doc[ent.end + 1 : hi]
        stop = next((t.i for t in after if t.text in {",", ";", "."}), hi)
        after = doc[ent.end + 1 : stop]
        if any(t.lower_ in resources.title_words() for t in after):
            titled = True
            for t in after:
                if t.i in known and known[t.i].state:
                    return known[t.i].state
    if titled:
        return _only_state(sent, ent, known)
    return None


def _title_before(
    doc: Doc, ent: Span, known: dict[int, Mention], sent: Span
) -> tuple[bool, str | None]:
    """(titled, state) from the title phrase before a name: "Russian Prime Minister X",
    "Serbia's defence minister X", "the EU's envoy X", "Putin's foreign policy aide X". Walks
    back over the title phrase only; stops at anything else (another name, "and")."""
    i = ent.start - 1
    titled = False
    state = None
    titles = resources.title_words()
    while i >= sent.start and ent.start - i <= (9 if titled else 6):
        t = doc[i]
        if i in known:
            person = known[i].actor.startswith("P:")
            if not person or _possessive(doc, i):
                state = state or known[i].state
            if person:
                break
        elif t.lower_ in titles:
            titled = True
        elif titled and t.is_lower and t.pos_ in ("ADJ", "NOUN"):
            pass  # "Saudi national security adviser X": the words of a title
        elif titled and t.lower_ == "of" and doc[i - 1].lower_ in titles:
            pass  # "Pakistan's chief of naval staff, Admiral X"
        elif t.text == "," and (i == ent.start - 1 or _title_phrase_ends(doc, i, titles)):
            pass  # "China's ambassador, Huang Xilian", "chief of naval staff, Admiral X"
        elif t.lower_ in ("in", "to", "at") and not titled:
            state = None  # "Russia's ambassador in Berlin, X": Berlin is the posting
        elif t.text not in {"'s", "’s", "-"} and t.lower_ not in {"the", "former", "then"}:
            break
        i -= 1
    return titled, state


def _title_phrase_ends(doc: Doc, comma: int, titles: frozenset[str]) -> bool:
    """Whether a comma between two titles closes a title phrase ("Pakistan's chief of naval
    staff, Admiral X"), not a clause ("... to Ukraine, Chancellor X")."""
    before, after = doc[comma - 1], doc[comma + 1]
    return (
        after.lower_ in titles
        and before.is_lower
        and before.pos_ in ("NOUN", "ADJ")
        and any(
            doc[j].lower_ == "of" and doc[j - 1].lower_ in titles
            for j in range(max(1, comma - 5), comma)
        )
    )


def _possessive(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s")


def _only_state(sent: Span, ent: Span, known: dict[int, Mention]) -> str | None:
    """A titled official whose title names no state ("Foreign Minister X said Canada would"):
    the one state the sentence names, if it names exactly one, and no other person."""
    # '"Our forces have routed the Eritrean army," spokeswoman X said': a state named in what
    # is quoted is what the official speaks of, not whom for.
    quoted = _quoted(sent)
    states = {
        m.state
        for i in range(sent.start, sent.end)
        if not ent.start <= i < ent.end
        and i not in quoted
        and (m := known.get(i)) is not None
        and m.state
    }
    others = {m.actor for i in range(sent.start, sent.end) if (m := known.get(i)) is not None}
    focus = _article_state(known, sent.doc)
    before = {
        m.state
        for i in range(sent.start, ent.start)
        if i not in quoted and (m := known.get(i)) is not None and m.state
    }
    if len(states) == 1 and not any(o.startswith("P:") for o in others):
        only = next(iter(states))
        if _spoke_in(ent, only, known):
            return only  # "Deputy Foreign Minister X told a news conference in La Paz"
        # "Adviser X said the United States had offered help", in a story on the Philippines:
        # a state named only in what the official says is what they speak of, not whom for.
        return only if only in before or focus in (None, only) else focus
    if not states:
        # "The navy's commander in chief, Admiral Julio Leiva, said": no state in sight; an
        # official of the state the story was just about, else of the one it is about.
        return _recent_subject(sent, known) or focus
    if len(before) == 1:
        # "Kim did not speak, but Defence Minister X warned the United States": the state of
        # the one party named before the title.
        return next(iter(before))
    if before:
        return None
    # "Air Chief Marshal X said the air force would buy French and American jets": states
    # named only in what is said; the state the story was just about, else (with no other
    # person in the sentence whose state they might be) the one it is about.
    recent = _recent_subject(sent, known)
    if recent or any(o.startswith("P:") for o in others):
        return recent
    return focus


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


def _quoted(sent: Span) -> set[int]:
    """The tokens of a sentence that stand between a pair of double quotation marks."""
    out: set[int] = set()
    inside = False
    for tok in sent:
        if tok.text in QUOTE_MARKS:
            inside = not inside
        elif inside:
            out.add(tok.i)
    return out if not inside else set()


def _spoke_in(ent: Span, state: str, known: dict[int, Mention]) -> bool:
    """Whether a titled person's own verb places them in a state ("told a news conference in
    La Paz", "said at a briefing in Moscow"): where an official speaks is their state."""
    verb = ent.root.head if ent.root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return False
    said = {u.i for c in verb.children if c.dep_ in ("ccomp", "xcomp", "advcl") for u in c.subtree}
    return any(
        t.dep_ == "pobj"
        and t.head.lower_ in ("in", "at")
        and (m := known.get(t.i)) is not None
        and m.state == state
        for t in verb.subtree
        if not ent.start <= t.i < ent.end and t.i not in said
    )


def _recent_subject(sent: Span, known: dict[int, Mention]) -> str | None:
    """The state that is the main subject of one of the two sentences before ("Saudi Arabia
    displayed the remains ... Colonel X, a defence ministry spokesman, told reporters")."""
    doc = sent.doc
    start = sent.start
    for _ in range(2):
        if start == 0:
            return None
        prev = sentence(doc[start - 1])
        for i in range(prev.start, prev.end):
            m = known.get(i)
            if (
                m is not None
                and m.start == i
                and m.state
                and resources.is_country(m.state)
                and not _of_company(doc[m.start : m.end].root, m, known)
                and _subject_like(doc[m.start : m.end].root, main=True)
            ):
                return m.state
        start = prev.start
    return None


def _of_company(root: Token, m: Mention, known: dict[int, Mention]) -> bool:
    """Whether a mention is a company or the state that owns one ("South Korea's Hanwha has
    signed"): the company acts, not its state."""
    if resources.is_company(m.actor):
        return True
    owner = known.get(root.head.i) if root.dep_ in ("poss", "compound", "amod") else None
    return owner is not None and resources.is_company(owner.actor)


def _article_state(known: dict[int, Mention], doc: Doc) -> str | None:
    """The country the article names most often, not counting its companies."""
    counts: dict[str, int] = {}
    for m in {id(m): m for m in known.values()}.values():
        root = doc[m.start : m.end].root
        if m.state and resources.is_country(m.state) and not _of_company(root, m, known):
            counts[m.state] = counts.get(m.state, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


@dataclass
class _Found:
    """Mentions, people and entities as ``resolve`` collects them."""

    mentions: list[Mention] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    entities: list[EntityRow] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)
    places: dict[int, str] = field(default_factory=dict)


def _gazetteer(doc: Doc, year: int | None) -> _Found:
    """Actors and known people the gazetteer marked."""
    actors_by_id = resources.actors_by_id()
    people_by_id = resources.people_by_id()
    got = _Found()
    surnamed = _in_person_names(doc)
    for span in doc.spans[NAMES_KEY]:
        if span.label_ == "ACTOR" and span.start in surnamed:
            continue  # "Rear Admiral Roy Vincent Trinidad": a surname, not a country
        if _ship_name(span):
            continue  # "USS Tarawa", "INS Delhi": a ship's name, not the place
        if _likeness(span):
            continue  # "a Ukrainian-style revolution": a likeness, not the state
        if span.label_ == "ACTOR":
            rec = actors_by_id[span.id_]
            actor, state = rec.id, _state_of_actor(rec.id)
            demonym = span.text.rstrip("s") in rec.demonyms or span.text in rec.demonyms
            label = "NORP" if demonym else _entity_label(rec.type)
        elif span.label_ == "PERSON":
            person = people_by_id[span.id_]
            if _part_of_another_name(span, person):
                continue  # "Lieutenant General Anwar Hama Amin": not Anwar Ibrahim
            actor, state, label = person.id, person.acts_for(year), "PERSON"
            got.people.setdefault(person.id, Person(person.id, person.name, state))
        elif span.label_ == "PLACE":
            if not _in_a_name(span):
                _place(span, got)
            continue
        else:
            continue
        got.mentions.append(
            Mention(span.start, span.end, span.start_char, span.end_char, span.text, actor, state)
        )
        got.entities.append(EntityRow(span.text, label, span.start_char, span.end_char, actor))
        got.covered.update(range(span.start, span.end))
    _suspended_names(doc, got)
    return got


# Grammar: words hyphened after a name that make it a likeness ("Ukrainian-style").
LIKENESS = frozenset({"style", "like", "esque"})


def _likeness(span: Span) -> bool:
    """Whether a name is hyphened to a word of likeness ("a Ukrainian-style revolution",
    "Soviet-style planning")."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and doc[span.end + 1].lower_ in LIKENESS
    )


def _ship_name(span: Span) -> bool:
    """Whether a name follows a ship prefix ("USS Tarawa", "HMS Glasgow")."""
    return span.start > 0 and span.doc[span.start - 1].text in resources.vessel_prefixes()


def _in_a_name(span: Span) -> bool:
    """Whether a place name is part of a person's name ("Sheikh Khaled al-Jarrah al-Sabah")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.text == "-" and not before.whitespace_:
        return True
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent.start <= span.start < ent.end
        for ent in doc.ents
    )


PLACE_LABELS = {"base": "FAC", "sea_area": "LOC"}
"""The entity label of a kind of place (others are GPE)."""


def _place(span: Span, got: _Found) -> None:
    """A known place: an entity that locates things in its state, never an actor."""
    rec = resources.places_by_name()[span.id_]
    got.places.update(dict.fromkeys(range(span.start, span.end), rec.country))
    label = PLACE_LABELS.get(rec.kind, "GPE")
    got.entities.append(EntityRow(span.text, label, span.start_char, span.end_char, None))
    got.covered.update(range(span.start, span.end))


def _suspended_names(doc: Doc, got: _Found) -> None:
    """ "Turkish- and Israeli-made drones", "French- and German-built": a name or demonym left
    hanging on its hyphen before "and"/"or" is a mention too."""
    forms = _one_word_forms()
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if len(tok.text) < 3 or not tok.text.endswith("-") or tok.i in got.covered:
            continue
        if nxt is None or nxt.lower_ not in ("and", "or"):
            continue
        actor = forms.get(tok.text[:-1])
        if actor is None:
            continue
        end_char = tok.idx + len(tok.text) - 1
        got.mentions.append(
            Mention(
                tok.i, tok.i + 1, tok.idx, end_char, tok.text[:-1], actor, _state_of_actor(actor)
            )
        )
        got.entities.append(EntityRow(tok.text[:-1], "NORP", tok.idx, end_char, actor))
        got.covered.add(tok.i)


@lru_cache(maxsize=1)
def _one_word_forms() -> dict[str, str]:
    """One-word names and demonyms of countries, for names left hanging on a hyphen."""
    out: dict[str, str] = {}
    for rec in resources.actors():
        if rec.type != "country":
            continue
        for form in (*rec.forms, *rec.demonyms):
            if " " not in form:
                out.setdefault(form, rec.id)
    return out


def _part_of_another_name(span: Span, person: resources.PersonRecord) -> bool:
    """Whether a known person's one-word name ("Anwar", "Qureshi") stands in a longer name
    whose other words are none of that person's, however spelt ("General Anwar Hama Amin",
    "Sofiya Qureshi"): another person."""
    if len(span) != 1:
        return False
    doc = span.doc
    own = {resources.plain(w) for form in (person.name, *person.aliases) for w in form.split()}
    titles = resources.title_words()
    for j in (span.start - 1, span.end):
        if not 0 <= j < len(doc):
            continue
        near = doc[j]
        if (
            near.pos_ == "PROPN"
            and near.is_title
            and near.lower_ not in titles
            and near.ent_type_ == "PERSON"
            and not any(_spelt_alike(resources.plain(near.text), w) for w in own)
        ):
            return True
    return False


def _spelt_alike(word: str, other: str) -> bool:
    """Whether two name words are one name spelt two ways ("Behari" and "Bihari", "Nikos"
    and "Nikolaos")."""
    return word == other or SequenceMatcher(None, word, other).ratio() >= 0.6


def _in_person_names(doc: Doc) -> set[int]:
    """Token positions where a person's name ends in a word that is also a country's name
    ("Roy Vincent Trinidad", "Ricardo Chile"): the recogniser's person runs from given names
    written before it to its last token, which no possessive follows."""
    out: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        last = ent[-1]
        given = ent[:-1]
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and after.tag_ == "POS":
            continue
        if all(t.pos_ == "PROPN" and t.is_title for t in given) and last.is_title:
            out.add(last.i)
    return out


def _unknown_person(
    doc: Doc,
    ent: Span,
    got: _Found,
    known: dict[int, Mention],
    surnames: dict[str, str],
    year: int | None,
) -> None:
    """A person the data does not know as written: a known person whose name is spelt with
    accents the data leaves out ("François" for "Francois"), else linked by a known surname
    or by title context."""
    name = _person_name(ent)
    if not name:
        return
    known_pid = surnames.get(_surname(name)) if len(name.split()) == 1 else None
    spelt = resources.people_by_plain_name().get(resources.plain_name(name))
    if spelt is not None:
        pid = spelt.id
        got.people.setdefault(pid, Person(pid, spelt.name, spelt.acts_for(year)))
    elif known_pid is not None:
        pid = known_pid
    else:
        state = _context_state(doc, ent, known)
        pid = slug(name)
        if pid not in got.people:
            if state is None and len(name.split()) == 1:
                got.entities.append(
                    EntityRow(ent.text, "PERSON", ent.start_char, ent.end_char, None)
                )
                return
            got.people[pid] = Person(pid, name, state)
            surnames.setdefault(_surname(name), pid)
        elif got.people[pid].country is None and state:
            got.people[pid].country = state
    p = got.people[pid]
    start = ent.start + (len(ent) - len(name.split()) if ent.text != name else 0)
    span = doc[start : ent.end]
    m = Mention(span.start, span.end, span.start_char, span.end_char, span.text, pid, p.country)
    got.mentions.append(m)
    for i in range(span.start, span.end):
        known[i] = m
    got.entities.append(EntityRow(span.text, "PERSON", span.start_char, span.end_char, pid))


def resolve(doc: Doc, article: Article) -> Resolved:
    """Resolve every actor and person mention in a parsed article."""
    year = article.published.year if article.published else None
    got = _gazetteer(doc, year)
    known = {i: m for m in got.mentions for i in range(m.start, m.end)}
    _namesakes(doc, got, known)
    surnames: dict[str, str] = {}
    for pid, p in got.people.items():
        surnames.setdefault(_surname(p.name), pid)
    weapon_tokens = {
        i for s in doc.spans[NAMES_KEY] if s.label_ == "WEAPON" for i in range(s.start, s.end)
    }
    # Known people named by one part first ("Kim did not speak, but Defence Minister X"), so
    # that title context can read them; the people found by title are linked at the end.
    _name_parts(doc, got, known, weapon_tokens)
    for ent in [*doc.ents, *_titled_names(doc, known, got.covered | weapon_tokens)]:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(i in got.covered or i in weapon_tokens for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "PERSON":
            _unknown_person(doc, ent, got, known, surnames, year)
        elif ent.label_ in ("GPE", "LOC", "FAC"):
            # A place the gazetteer does not know: an entity, never an actor.
            got.entities.append(EntityRow(ent.text, ent.label_, ent.start_char, ent.end_char, None))
    _name_parts(doc, got, known, weapon_tokens)
    return _finish(got, doc)


def _namesakes(doc: Doc, got: _Found, known: dict[int, Mention]) -> None:
    """A known person's name held by an official of another state ("Colombian Defence
    Minister Pedro Sánchez" is not Spain's prime minister): where the title before the name
    names another state, the name stands for that state's official in this article."""
    for m in got.mentions:
        person = got.people.get(m.actor)
        if person is None or not m.state:
            continue
        span = doc[m.start : m.end]
        titled, state = _title_before(doc, span, known, sentence(span[0]))
        if not titled or state is None or state == m.state or not resources.is_country(state):
            continue
        for other in got.mentions:
            if other.actor == m.actor:
                other.state = state
        person.country = state


def _name_parts(doc: Doc, got: _Found, known: dict[int, Mention], skip: set[int]) -> None:
    """Later mentions of a person by one part of a name the article has given in full
    ("Chinese Foreign Minister Qin Gang ... Qin called", "Scott Morrison ... Morrison said",
    "Air Vice Marshal Prapas Sonjaidee ... Prapas said"), whatever the recogniser took them
    for. A part two people of the article share names neither."""
    owner: dict[str, str | None] = {}
    first: dict[str, int] = {}
    for m in got.mentions:
        person = got.people.get(m.actor)
        if person is None or not person.country or len(person.name.split()) < 2:
            continue
        first.setdefault(m.actor, m.start)
        # the name as the data spells it and as the article does ("Fernandez", "Fernández")
        for part in dict.fromkeys([*person.name.split(), *m.text.split()]):
            if len(part) > 1 and part[0].isupper() and part.lower() not in _SURNAME_PARTICLES:
                owner[part] = m.actor if owner.get(part, m.actor) == m.actor else None
    if not owner:
        return
    titles = resources.title_words()
    strings = doc.vocab.strings  # a string's hash, without adding it to the store
    by_orth: dict[int, str] = {strings[part]: pid for part, pid in owner.items() if pid}
    orths = doc.to_array(ORTH).tolist()  # one array read, not a Token per word
    for i in (i for i, orth in enumerate(orths) if orth in by_orth):
        tok = doc[i]
        pid = by_orth[orths[i]]
        if tok.i in known or tok.i in skip or tok.i <= first[pid]:
            continue
        if not _name_like(tok) or tok.lower_ in titles:
            continue
        # A name of its own ("Wang Wenbin" after "Wang Yi"): a neighbour that is no part.
        near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and n.is_title and owner.get(n.text) != pid for n in near):
            continue
        p = got.people[pid]
        m = Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, pid, p.country)
        got.mentions.append(m)
        known[tok.i] = m
        got.covered.add(tok.i)
        got.entities = [e for e in got.entities if e.start != m.start_char or e.actor]
        got.entities.append(EntityRow(tok.text, "PERSON", m.start_char, m.end_char, pid))


def _name_like(tok: Token) -> bool:
    """A word that can be a part of a name: a proper noun, or a capitalised word the tagger
    took for a common noun but the recogniser marks as a name, inside a sentence ('"We are not
    a threat to anyone," Avilés told reporters')."""
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ != "NOUN" or not tok.is_title:
        return False
    # "Clerides said", tagged as a plural noun: a name part as the subject of a verb
    subject = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB"
    return subject or (tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.i > sentence(tok).start)


def _titled_names(doc: Doc, known: dict[int, Mention], taken: set[int]) -> list[Span]:
    """Names the entity recogniser missed or took for something else, found after a title
    ("National security adviser Hermogenes Esperon", "Air Chief Marshal Fadjar Prasetyo",
    "Lieutenant Brigadier Carlos de Almeida Baptista Junior") or set off by commas after a
    title phrase ("the commander of the air force, Mykola Oleshchuk, said", "Russia's
    ambassador in Jakarta, Lyudmila Vorobieva, said"): two to five capitalised proper nouns,
    with surname particles between them."""
    persons = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    titles = resources.title_words()
    out: list[Span] = []
    table = token_table(doc)  # lower-case forms read once, not a Token per word
    for i in range(len(doc) - 1):
        if table[i][0] not in titles:
            continue
        start, apposition = _after_title(doc, i, known)
        end = start
        while end < len(doc) and end - start < 5 and not _claimed(end, known, taken, persons):
            tok = doc[end]
            if tok.pos_ == "PROPN" and tok.is_title and tok.lower_ not in titles:
                end += 1
            elif tok.lower_ in _SURNAME_PARTICLES and end > start and end + 1 < len(doc):
                end += 1  # "Carlos de Almeida": only between two names
            else:
                break
        while end > start and doc[end - 1].lower_ in _SURNAME_PARTICLES:
            end -= 1
        closed = end < len(doc) and doc[end].text in {",", "."}
        if end - start >= 2 and (closed or not apposition):
            out.append(Span(doc, start, end, label="PERSON"))
    return out


def _claimed(i: int, known: dict[int, Mention], taken: set[int], persons: set[int]) -> bool:
    return i in known or i in taken or i in persons


def _after_title(doc: Doc, i: int, known: dict[int, Mention]) -> tuple[int, bool]:
    """Where a name after the title word at ``i`` would start, and whether it would stand in
    apposition (after a comma: then a comma or a full stop must close it)."""
    j = i + 1
    if j + 2 < len(doc) and doc[j].lower_ in ("in", "to") and j + 1 in known:
        j = known[j + 1].end  # "ambassador in Jakarta, X": the posting
        if j < len(doc) and doc[j].text == ",":
            return j + 1, True
        return i + 1, False
    if j < len(doc) and doc[j].text == ",":
        return j + 1, True
    return j, False


def _finish(got: _Found, doc: Doc) -> Resolved:
    """People whose state the data or title context left open stay entities only."""
    people = got.people
    kept = [m for m in got.mentions if m.actor not in people or people[m.actor].country]
    for m in kept:
        if m.actor in people:
            m.state = people[m.actor].country
    people = {k: v for k, v in people.items() if v.country}
    kept.sort(key=lambda m: m.start)
    got.entities.sort(key=lambda e: e.start)
    for e in got.entities:
        if e.actor is not None and e.actor.startswith("P:") and e.actor not in people:
            e.actor = None
    return Resolved(mentions=kept, people=people, entities=got.entities, doc=doc, places=got.places)


_TRIM = {"'s", "’s", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "the"}


def _person_name(ent: Span) -> str:
    """The name as written, without the title words spaCy sometimes includes ("President
    Vucic"), honorifics, a possessive or punctuation around it; hyphens inside it stay
    ("Turki al-Malki", "Kang Eun-ho")."""
    titles = resources.title_words()
    tokens = list(ent)
    while tokens and (
        tokens[0].lower_ in _TRIM or tokens[0].is_punct or tokens[0].lower_ in titles
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _TRIM or tokens[-1].is_punct):
        tokens = tokens[:-1]
    words = [t for t in tokens if t.lower_ not in _TRIM and (not t.is_punct or t.text == "-")]
    name = "".join(t.text + (t.whitespace_ and " ") for t in words).strip()
    if not re.search(r"[A-Z]", name) or len(name) < 3:
        return ""
    return name


def armed_group(tok: Token) -> bool:
    """Whether a noun names an armed group outside a state's forces, by its head or a modifier
    ("Syrian rebels", "Yemen's Houthi movement", "Hezbollah fighters")."""
    words = resources.speaker_words()
    return words.get(tok.lemma_.lower()) == "armed_group" or any(
        c.dep_ in ("compound", "amod") and words.get(c.lemma_.lower()) == "armed_group"
        for c in tok.children
    )
