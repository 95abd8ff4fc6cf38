"""Weapon-system mentions to deals: supplier, recipient, category, status, quantity and date.

Supplier and recipient come from the grammar of the sentence ("bought X from Y", "Y delivered X
to Z", "Russian-made X", "Serbia's X"); the system's origin is used for the supplier only when the
text names none. Status comes from the governing verb, its tense and modality. One row per system
per deal: repeated mentions of the same system between the same parties are merged, keeping the
furthest stage reached and every evidence sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from analysis import resources
from analysis.actors import EXAMPLE_PREPS, Resolved
from analysis.constants import RELATIVE_PRONOUNS, WORD_NUMBERS
from analysis.doc import (
    FRAMES_KEY,
    NAMES_KEY,
    SUPPLIER_SUFFIX,
    TERMS_KEY,
    clean_sentence,
    doc_text,
    echo_subjects,
    first_conjunct,
    headings,
    no_longer,
    sentence,
    sentences_back,
    supplier_suffixed,
    token_table,
    weapon_tokens,
)
from analysis.model import ProcurementRow
from analysis.timeline import DateMention, date_for_clause

# When one article reports several stages of a deal, the row keeps the furthest one.
STATUS_RANK = {
    "unknown": 0,
    "planned": 1,
    "offered": 2,
    "requested": 2,
    "negotiating": 3,
    "ordered": 4,
    "delivered": 5,
    "in_service": 6,
    "displayed": 7,  # shown by the recipient as its own new acquisition
    "leased": 8,  # the nature of the deal, whatever stage the lease has reached
    "cancelled": 9,
    "refused": 10,
}
REFUSED = "refused"
TENTATIVE = frozenset(
    {"planned", "negotiating", "offered", "requested", "unknown", "displayed", "in_service"}
)
"""Internal status of a transfer that a state refused: no deal, but a signal away."""
TRANSPORT_PREPS = {"aboard", "onboard"}
# Grammar: prepositions whose object a weapon is aimed at ("fielded S-400s against drones"),
# and those that join a weapon to others doing the same ("flew with Russian bombers").
TARGET_PREPS = frozenset({"against"})
COMPANY_PREPS = frozenset({"with", "alongside"})
# Grammar, not domain knowledge: auxiliaries and subordinators that make a clause unreal.
MODAL_AUX = frozenset({"will", "would", "could", "might", "may", "should", "'ll", "shall", "can"})
CONDITIONAL = frozenset({"if", "unless"})
EPISTEMIC = frozenset({"could", "might", "may"})
# Dependencies through which a frame's status is governed by a head ("plans to buy").
HEAD_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "acl",
        "advcl",
        "dobj",
        "nsubj",
        "nsubjpass",
        "pobj",
        "prep",
        "pcomp",
        "attr",
        "oprd",
        "advmod",
        "relcl",
    }
)
UNIT_NOUNS = {
    "unit",
    "system",
    "battery",
    "piece",
    "batch",
    "set",
    "squadron",
    "regiment",
    "battalion",
}
GENERIC_GUARD = {
    "rebel",
    "rebels",
    "militant",
    "militants",
    "islamist",
    "jihadist",
    "foreign",
    "volunteer",
    "wagner",
    "insurgent",
}


NOMINAL = ("NOUN", "PROPN")


@dataclass(slots=True)
class WeaponMention:
    start: int
    end: int
    system: str | None  # canonical designation, None for a generic mention
    category: str
    origin: str | None
    navy: str | None = None  # a named ship's: the state whose navy its prefix names
    back: bool = False  # "the fighters", "the jet": names its system only by referring back

    def root(self, doc: Doc) -> Token:
        """The token that carries the mention in the sentence. A name the parser split off
        ("operates A-29 Super Tucano attack aircraft", with "A-29" left as a loose ``dep``) is
        carried by the noun it modifies."""
        root = doc[self.start : self.end].root
        split = _split_argument(doc, self.start, self.end, root) or _twin_argument(
            doc, self.end, root
        )
        if split is not None:
            return split
        carried = _named_by_participle(root)
        if carried is not None:
            return carried  # "ASCOD tracked vehicles", parsed as "ASCOD tracked (the) vehicles"
        # "ATAGS towed howitzers": a name the parser made an adverb of a participle
        # (not a hyphened base: "Scorpène-based Kalvari-class boats")
        loose = (
            root.dep_ in ("npadvmod", "nsubj")
            and root.head.dep_ == "amod"
            and bool(root.whitespace_)
        )
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "American-built F-15 and F-16 fighters": the list's first
        # a name the parser took for punctuation ("waiting for the first of 66 F-16V Block 70
        # fighters", "F-16V" as ``punct``) is as loose
        stray = (first.dep_ == "punct" or first.pos_ == "PUNCT") and any(
            ch.isalnum() for ch in first.text
        )
        if first.dep_ not in ("dep", "preconj", "case") and not loose and not stray:
            return _adverb_list_noun(doc, root, self.end) or root
        # "flies American F-35 fighters", "for 20 F-35 stealth fighters", "the FK-3 missile
        # system", "Five TC-90 training aircraft" (a case marker of the number): the name hung
        # on a modifier of the noun it names.
        mod = first.head
        for _ in range(3):
            if mod.i >= self.end and mod.pos_ in NOMINAL:
                return mod
            if mod.dep_ not in ("amod", "compound", "det", "nummod") or mod.head == mod:
                break
            mod = mod.head
        # "F-16V Block 70 fighters": a later word of the name hung on the noun after it
        for tok in doc[root.i + 1 : self.end]:
            if tok.head.i >= self.end and tok.head.pos_ in NOMINAL:
                return tok
        return root


def _adverb_list_noun(doc: Doc, root: Token, end: int) -> Token | None:
    """The noun a list of names ends in when the parser made its first name an adverb
    ("flies Su-27 and Su-30 fighters bought from Russia", with "Su-27" an ``advmod`` and
    "fighters" the object): the noun the list names."""
    if root.dep_ != "advmod":
        return None
    for c in root.children:
        if c.dep_ == "conj" and c.i + 1 < len(doc):
            noun = doc[c.i + 1]
            if noun.i >= end and noun.pos_ == "NOUN" and noun.head == root.head:
                return noun
    return None


def _twin_argument(doc: Doc, end: int, root: Token) -> Token | None:
    """The noun right after a name that the parser gave the same role as the name's first word
    ("operates Leopard 1 tanks acquired from the Netherlands": "Leopard" and "tanks" both
    objects, with "1" on "tanks"): the noun carries the mention and what describes it."""
    after = doc[end] if end < len(doc) else None
    if after is None or after.pos_ != "NOUN" or after.dep_ != root.dep_ or after.head != root.head:
        return None
    return after if any(t.head == after for t in doc[root.i + 1 : end]) else None


def _split_argument(doc: Doc, start: int, end: int, root: Token) -> Token | None:
    """A name the parser split in two ("taken delivery of Italian C-27J Spartan transports" with
    "C-27J" the object of "of" and "Spartan" a modifier of "transports", left hanging on the verb
    before): the word that fills the argument slot carries the mention."""
    # "The first shipment of Leopard 1A5 main battle tanks ... arrived", with "1A5" read as
    # a verb of its own: a name's last word the parser made a clause is as split
    clause = (
        (root.dep_ in ("ccomp", "advcl", "ROOT") and root.pos_ not in ("NOUN", "PROPN"))
        or (root.dep_ == "npadvmod" and root.head.pos_ == "VERB")  # "the Dutch Leopard 2A6s"
        or root.dep_ == "punct"  # "the first of 140 Leopard 2A4 tanks", "2A4" read as a mark
    )
    if not clause and (root.dep_ not in ("amod", "compound", "nmod") or root.head.i < end):
        return None
    for tok in doc[start : root.i]:
        if tok.head.i < start and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
            return tok
    if root.dep_ == "punct":
        # "Su-25 attack jets, L-39 trainers and Mi-171 helicopters", "L-39" read as a mark:
        # the noun after it fills the item's place in the list, or the noun the rest of the
        # name modifies ("L-39 Albatros light attack jets")
        for tok in doc[root.i + 1 : end]:
            if start <= tok.head.i < end:
                continue
            if tok.dep_ in ("conj", "pobj", "dobj", "nsubj", "nsubjpass", "appos"):
                return tok
            if tok.dep_ in ("compound", "nmod", "amod") and tok.head.i >= end:
                return tok.head if tok.head.pos_ in NOMINAL else None
    return None


def find_weapons(doc: Doc) -> list[WeaponMention]:
    """Specific systems (gazetteer and variant suffixes) and generic mentions not next to one."""
    cached = doc.user_data.get("am_weapons")
    if cached is not None:
        return list(cached)
    found = _find_weapons(doc)
    doc.user_data["am_weapons"] = tuple(found)
    return found


def _find_weapons(doc: Doc) -> list[WeaponMention]:
    by_id = resources.weapons_by_id()
    found: list[WeaponMention] = []
    taken: set[int] = set()
    for span in doc.spans[NAMES_KEY]:
        if span.label_ != "WEAPON":
            continue
        rec = by_id[span.id_]
        taken.update(range(span.start, span.end))
        last = found[-1] if found else None
        if last is not None and last.end == span.start and last.category == rec.category:
            last.end = span.end  # "S-70i Black Hawk": a designation and its name, one system
            continue
        end = _batch_end(doc, span.end)
        taken.update(range(span.end, end))
        found.append(WeaponMention(span.start, end, rec.name, rec.category, rec.origin))
    for m in _VARIANT_IN_TEXT.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start in taken:
            continue
        variant = _variant(span.text)
        if variant is not None:
            found.append(
                WeaponMention(span.start, span.end, variant.name, variant.category, variant.origin)
            )
            taken.add(span.start)
    found = _named_vessels(doc, found, taken)
    specific_heads = {doc[m.start : m.end].root.head.i for m in found}
    specific_ends = {m.end for m in found}
    terms = sorted(
        (s for s in doc.spans[TERMS_KEY] if s.label_ == "TERM"),
        key=lambda s: (s.start, -(s.end - s.start)),
    )
    # words the data knows as actors, places or people: no part of a system's name
    named = {i for s in doc.spans[NAMES_KEY] if s.label_ != "WEAPON" for i in range(s.start, s.end)}
    last_end = -1
    for span in terms:
        if span.start < last_end or any(i in taken for i in range(span.start, span.end)):
            continue
        last_end = span.end
        near_specific = (
            span.start in specific_ends
            or any(i in specific_heads for i in range(span.start, span.end))
            or _modifies_name(span, taken)
            or (
                span.start > 0
                and doc[span.start - 1].lower_ in ("the", "of")
                and span.start - 1 in specific_ends
            )
        )
        if near_specific:
            continue
        if span.start > 0 and doc[span.start - 1].lower_ in GENERIC_GUARD:
            continue
        if _kind_of_attack(doc, span):
            continue  # "Russian missile and drone attacks": a kind of attack, no weapon held
        if _hyphen_compound(doc, span.start) and doc[span.start - 2].lower_ in AGAINST_PREFIXES:
            continue  # "anti-tank launchers", "counter-drone guns": what it is aimed at
        found.append(
            _unlisted_name(doc, span, taken, named)
            or WeaponMention(span.start, span.end, None, span.id_, None)
        )
    found.sort(key=lambda m: m.start)
    return _family_words(doc, _referring_words(doc, _resolve_definites(doc, found)))


UNNAMING_ENTS = frozenset(
    {"NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
)
"""Named entities that are no weapon's name before a weapon word: peoples and origins
("Western tanks", "Soviet tanks"), dates and numbers."""


def _unlisted_name(doc: Doc, span: Span, taken: set[int], named: set[int]) -> WeaponMention | None:
    """A generic weapon word named by a proper name the weapons data does not list, right
    before it and modifying it ("Turkish-made Hizir armoured vehicles", "Shyena lightweight
    torpedoes"): that system, of the word's category, its origin left to the text. A word the
    data knows as an actor, place or person (``named``), or one that opens the sentence, is no
    name."""
    head = span.root
    i = span.start - 1
    while i >= 0 and doc[i].is_lower and doc[i].dep_ == "amod" and doc[i].head.i == head.i:
        i -= 1  # "Shyena lightweight torpedoes"
    end = i + 1
    while i >= 0 and _name_part(doc[i], taken, named) and doc[i].head.i in range(i + 1, span.end):
        i -= 1
    start = i + 1
    if start == end or end - start > 2 or len(doc[start:end].text) < 2:
        return None
    if start > 0 and (doc[start - 1].text in ("-", "/") or start - 1 in taken):
        return None  # "Turkish-made" is an origin; "Scorpene Evolution", a named system's
    if doc[start].text in _maker_words():
        return None  # "Bell helicopters", "Mil helicopters": the maker's
    return WeaponMention(start, span.end, doc[start:end].text, span.id_, None)


@lru_cache(maxsize=1)
def _maker_words() -> frozenset[str]:
    """Names of makers that may stand before their weapons ("Bell", "Mil", "Matra"): the first
    word of each weapon record's maker and of each company's name and aliases."""
    names = [r.maker for r in resources.weapons() if r.maker]
    names += [n for a in resources.actors() if a.type == "company" for n in (a.name, *a.aliases)]
    return frozenset(n.split()[0] for n in names if n)


resources.on_reload(_maker_words.cache_clear)


def _name_part(tok: Token, taken: set[int], named: set[int]) -> bool:
    """A capitalised word that may be part of a system's name: no actor, place or person the
    data knows, no date or number, not the sentence's first word."""
    return (
        tok.text[:1].isupper()
        and not tok.is_sent_start
        and tok.pos_ in ("PROPN", "ADJ", "NOUN")
        and tok.i not in taken
        and tok.i not in named
        and tok.ent_type_ not in UNNAMING_ENTS
        and tok.dep_ in ("compound", "nmod", "amod")
        and resources.reference(tok) is None  # "Hellenic Navy frigates": a service
    )


AGAINST_PREFIXES = frozenset({"anti", "counter"})
"""Grammar: prefixes that make a weapon word what a weapon is aimed at ("anti-tank")."""


def _batch_end(doc: Doc, end: int) -> int:
    """The end of a system's name with the production standard written after it ("F-16V
    Block 70", "Typhoon Tranche 3", "Type 26 Batch 2"): the standard's word and its number."""
    if end + 1 < len(doc) and doc[end].lower_ in resources.BATCH_WORDS:
        number = doc[end + 1]
        if number.like_num or (number.is_upper and set(number.text) <= set("IVX")):
            return end + 2
    return end


def _standing_for(tok: Token, recent: list[WeaponMention]) -> WeaponMention:
    """A word that refers back, as a mention of the system the recent mentions name most, the
    latest on a tie."""
    named = Counter(m.system for m in recent)
    ref = max(reversed(recent), key=lambda m: named[m.system])
    return WeaponMention(tok.i, tok.i + 1, ref.system, ref.category, ref.origin, back=True)


def _family_words(doc: Doc, found: list[WeaponMention]) -> list[WeaponMention]:
    """ "Poland and Finland are ready to send some of their own Leopards": a system's name
    without its model number ("Leopards", "the Mirages"), after a system of that name in the
    last few sentences ("Leopard 2 battle tanks"), is that system. Only a capitalised word
    that the article never writes in lower case, so a common word is never read as a name."""
    heads: dict[str, list[WeaponMention]] = {}
    for m in found:
        words = (m.system or "").split()
        if (
            len(words) > 1
            and len(words[0]) > 3
            and words[0].isalpha()
            and any(ch.isdigit() for ch in words[1])
        ):
            heads.setdefault(words[0], []).append(m)
    if not heads:
        return found
    covered = {i for m in found for i in range(m.start, m.end)}
    lower = {t.text for t in doc if t.is_lower}
    added: list[WeaponMention] = []
    for tok in doc:
        name = tok.text[:-1] if tok.text.endswith("s") and tok.text[:-1] in heads else tok.text
        if name not in heads or tok.i in covered or name.lower() in lower:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.like_num or nxt.pos_ == "PROPN" or nxt.text == "-"):
            continue  # "Leopard 1A5", "Mirage F1": a model of its own
        back = sentences_back(tok, 4)
        recent = [m for m in heads[name] if back <= m.start < tok.i]
        if recent:
            added.append(_standing_for(tok, recent))
    return sorted(found + added, key=lambda m: m.start) if added else found


def _clause_subjects(verb: Token) -> list[Token]:
    """A verb's subjects, or those of the clause it completes ("are due to receive")."""
    holder = verb
    for _ in range(2):
        if any(c.dep_ == "nsubj" for c in holder.children) or holder.dep_ not in ("xcomp", "acomp"):
            break
        holder = holder.head
    return [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]


def _state_party(tok: Token, actors: set[int]) -> bool:
    """Whether a word that refers back to a weapon is what a named state acts on: the object of
    a verb whose subject names one ("Egypt and Qatar have ordered the jet", "Hungary leases its
    jets"). A passive verb's phrase names a maker as often as a party ("the jet is built by a
    consortium of British, German and Italian firms")."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "for" and verb.head.pos_ in ("NOUN", "VERB"):
        # "signed a contract for the same system", "signed for the jets"
        tok = verb.head if verb.head.pos_ == "NOUN" else verb
        verb = tok.head
        if tok.pos_ == "VERB":
            verb, tok = tok, next((c for c in tok.children if c.dep_ == "dobj"), tok)
    if tok.dep_ == "dobj" or (verb.pos_ == "VERB" and tok == verb):
        subjects = _clause_subjects(verb)
        if verb.dep_ == "relcl" and any(c.tag_ == "WDT" for c in subjects):
            subjects = [verb.head]  # "Myanmar and Nigeria, which have bought the jets"
        return any(t.i in actors for s in subjects for t in s.subtree)
    return False


@lru_cache(maxsize=1)
def _referring_terms() -> dict[str, tuple[str, ...]]:
    return {t.term.lower(): t.refers for t in resources.weapon_terms() if t.refers}


resources.on_reload(_referring_terms.cache_clear)


def _referring_words(doc: Doc, found: list[WeaponMention]) -> list[WeaponMention]:
    """ "Egypt and Qatar have also ordered the jet": a definite word that refers back to a
    platform ("the jet", "the vessels", "their boats") stands for the system of its kinds the
    last few sentences name most, the latest on a tie, where a named state acts on it; with a
    state's word on it ("the Chinese jet"), for one of that state's systems."""
    terms = _referring_terms()
    named_at = _actor_ids_at(doc)
    actors = set(named_at)
    covered = {i for m in found for i in range(m.start, m.end)}
    added: list[WeaponMention] = []
    for tok in doc:
        kinds = terms.get(tok.lower_)
        if not kinds or tok.pos_ != "NOUN" or tok.i in covered or tok.dep_ == "compound":
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        if not dets & (DEFINITE | {"their", "its"}) or any(
            i in covered for i in range(tok.left_edge.i, tok.i)
        ):
            continue  # "the American-built F-5 jets": the word of a named system
        apposed = _apposed_named(tok, found)
        if apposed is not None:
            # "HIMARS launchers, the same system that Washington has been sending to Ukraine"
            added.append(
                WeaponMention(tok.i, tok.i + 1, apposed.system, apposed.category, apposed.origin)
            )
            continue
        if not _state_party(tok, actors):
            continue  # "the ship's commander", "the aircraft will replace ...": no new party
        back = sentences_back(tok, 4)
        recent = [m for m in found if m.system and m.category in kinds and back <= m.start < tok.i]
        # "the Chinese jet": only a system of the state its modifier names
        origins = {
            named_at[c.i]
            for c in tok.children
            if c.dep_ in ("amod", "compound") and c.i in named_at
        }
        if origins:
            recent = [m for m in recent if m.origin in origins]
            # "The German howitzer is already in service in the Netherlands": a platform
            # with its maker's state named stands for that state's one system of its kind
            # named anywhere before.
            earlier = {
                m.system: m
                for m in found
                if m.system and m.category in kinds and m.origin in origins and m.start < tok.i
            }
            if not recent and len(earlier) == 1:
                recent = list(earlier.values())
        if recent:
            added.append(_standing_for(tok, recent))
    added += _pronoun_objects(doc, found, actors, covered)
    return sorted(found + added, key=lambda m: m.start) if added else found


def _apposed_named(tok: Token, found: list[WeaponMention]) -> WeaponMention | None:
    """The named system a referring word stands beside as an apposition with a clause of its
    own ("HIMARS launchers, the same system that Washington has been sending to Ukraine")."""
    if tok.dep_ != "appos" or not any(c.dep_ in ("relcl", "acl") for c in tok.children):
        return None
    head = tok.head
    # the name is the head's own or modifies it ("HIMARS rocket launchers")
    return next((m for m in found if m.system and head.left_edge.i <= m.start <= head.i), None)


def _pronoun_objects(
    doc: Doc, found: list[WeaponMention], actors: set[int], covered: set[int]
) -> list[WeaponMention]:
    """ "the JF-17 ... can win customers beyond Myanmar and Nigeria, which have already bought
    it": "it" or "them" as what a named state buys, orders, receives or flies stands for the
    system named last in this sentence or the one before."""
    index = frame_index(doc)
    out: list[WeaponMention] = []
    for tok in doc:
        if tok.lower_ not in ("it", "them") or tok.dep_ != "dobj" or tok.i in covered:
            continue
        receiving = any(
            f.subject == "recipient" and f.status in ("ordered", "delivered", "in_service")
            for f in index.get(tok.head.i, ())
        )
        if not receiving or not _state_party(tok, actors):
            continue
        back = sentences_back(tok, 1)
        recent = [m for m in found if m.system and back <= m.start < tok.i]
        if recent:
            ref = recent[-1]
            out.append(
                WeaponMention(tok.i, tok.i + 1, ref.system, ref.category, ref.origin, back=True)
            )
    return out


def _kind_of_attack(doc: Doc, span: Span) -> bool:
    """Whether a generic term is the first of coordinated words that describe a noun of
    combat ("missile and drone attacks", "artillery and rocket fire"), or the word right before
    one ("a U.S. drone strike that killed the general", "missile tests")."""
    i = span.end
    combat = resources.frame_lemmas("combat-noun")
    # the combat word heads the phrase; one that describes another noun does not ("maritime
    # patrol planes" are planes)
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].lemma_ in combat and _heads(doc[i]):
        return True
    if i >= len(doc) or doc[i].lower_ not in ("and", "or", ","):
        return False
    for tok in doc[i + 1 : min(len(doc), i + 5)]:
        if (tok.lemma_ in combat or tok.lower_ in combat) and _heads(tok):
            return True
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ") and tok.lower_ not in ("and", "or", ","):
            return False
    return False


def _heads(tok: Token) -> bool:
    """Whether a noun heads its phrase rather than describing the noun after it."""
    return not (tok.dep_ == "compound" and tok.head.i > tok.i)


def _modifies_name(span: Span, taken: set[int]) -> bool:
    """A generic term that modifies a named system ("the missile corvette INS Kirpan",
    "corvette" and "missile" hung on "Kirpan"): a word of its description, no weapon of its own."""
    tok = span.root
    for _ in range(3):
        if tok.dep_ not in ("compound", "amod") or tok.head == tok:
            return False
        tok = tok.head
        if tok.i in taken:
            return True
    return False


NAVAL = frozenset({"ship", "submarine"})


def _named_vessels(doc: Doc, found: list[WeaponMention], taken: set[int]) -> list[WeaponMention]:
    """Ships named by a navy's prefix ("INS Kirpan", "HMS Ocean", "BRP Jose Rizal"): one
    ship, held by the prefix's navy when the name was given. A class named right before it
    ("the Kilo-class INS Sindhuvir") gives its category and is the same ship."""
    prefixes = resources.vessel_prefixes()
    out = list(found)
    orth = doc.to_array(ORTH)[:-1]
    after = 0
    for i in np.flatnonzero(np.isin(orth, _prefix_keys(tuple(prefixes)))).tolist():
        if i < after:
            continue
        navy = prefixes[doc[i].text]
        end = i + 1
        while end < len(doc) and end - i <= 4 and (_name_word(doc[end]) or _initial(doc[end])):
            held = _system_at(out, end)
            if held is not None and held.category in NAVAL:
                break  # "the Kilo-class INS Sindhuvir": a class of its own
            end += 1
        # "USS Robert G. Bradley": a land system's name inside a ship's is no system
        for m in [m for m in out if i < m.start and m.end <= end and m.category not in NAVAL]:
            out.remove(m)
            taken.difference_update(range(m.start, m.end))
        if end == i + 1 or i in taken or _names_a_place(doc[end - 1]):
            continue
        category = "ship"
        before = next((m for m in out if m.end == i and m.category in NAVAL), None)
        start = i
        if before is not None:
            out.remove(before)
            category, start = before.category, before.start
        elif _class_named(doc[end - 1], out):
            after = end  # "the Type 23 frigate HMS Monmouth": the class names the ship
            continue
        lead = _lead_ship_class(doc[i + 1 : end].text) if before is None else None
        if lead is not None:
            # "BRP Jose Rizal": the first ship of a known class is a ship of that class
            out.append(WeaponMention(start, end, lead.name, lead.category, lead.origin, navy))
        else:
            out.append(WeaponMention(start, end, doc[i:end].text, category, None, navy))
        taken.update(range(start, end))
        after = end
    out.sort(key=lambda m: m.start)
    return out


def _lead_ship_class(name: str) -> resources.WeaponRecord | None:
    """The known class a ship's name is the first of ("Jose Rizal": the Jose Rizal-class)."""
    classes = _class_index()
    return classes.get(f"{name}-class".lower()) or classes.get(f"{name} class".lower())


_CLASSES: dict[str, resources.WeaponRecord] = {}
resources.on_reload(_CLASSES.clear)


def _class_index() -> dict[str, resources.WeaponRecord]:
    """Ship and submarine classes by each of their names, lower-cased."""
    if not _CLASSES:
        for rec in resources.weapons():
            if rec.category in NAVAL:
                for form in rec.forms:
                    if form.lower().endswith(("-class", " class")):
                        _CLASSES.setdefault(form.lower(), rec)
    return _CLASSES


@lru_cache(maxsize=4)
def _prefix_keys(prefixes: tuple[str, ...]) -> np.ndarray:
    """The string-store keys of the navies' ship prefixes, to find them in a doc's array."""
    return np.array([get_string_id(p) for p in prefixes], dtype=np.uint64)


def _class_named(last: Token, found: list[WeaponMention]) -> bool:
    """Whether a ship class is named in the phrase of a ship's name or of the noun it is in
    apposition to ("a Type 054A/P frigate, PNS Tughril")."""
    holder = last.head if last.dep_ == "appos" else last
    inside = {t.i for t in holder.subtree}
    return any(m.category in NAVAL and m.start in inside for m in found)


def _names_a_place(last: Token) -> bool:
    """A prefixed name that modifies a common noun after it names a shore station or a base
    ("the INS Rajali naval air station"), not a ship."""
    head = last.head
    return last.dep_ in ("compound", "amod", "nmod") and head.i > last.i and head.pos_ == "NOUN"


def _system_at(found: list[WeaponMention], i: int) -> WeaponMention | None:
    return next((m for m in found if m.start <= i < m.end), None)


def _initial(tok: Token) -> bool:
    """A middle initial of a ship's name ("USS Robert G. Bradley")."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _name_word(tok: Token) -> bool:
    """A word of a ship's name: capitalised, not a state and not a common word of the text."""
    return tok.is_alpha and tok.text[0].isupper() and tok.pos_ == "PROPN"


DEFINITE = frozenset({"the", "these", "those", "this", "that"})


def _resolve_definites(doc: Doc, found: list[WeaponMention]) -> list[WeaponMention]:
    """ "The tanks" after "Leopard 2 tanks": a definite generic mention stands for the latest
    named system of its category in the last few sentences."""
    out: list[WeaponMention] = []
    for m in found:
        if m.system is None:
            root = doc[m.start : m.end].root
            apposed = _apposed_to(root, out, m.category)
            if apposed is not None:
                # "the PzH 2000, a German-built howitzer that Croatia bought": one weapon
                out.append(
                    WeaponMention(m.start, m.end, apposed.system, apposed.category, apposed.origin)
                )
                continue
            # "the same Korean missile system": the phrase the weapon word modifies
            # (a word that itself refers back, not "the longest tank competitions")
            lifted = root.dep_ == "compound" and root.head.lower_ in _referring_terms()
            phrase = root.head if lifted else root
            dets = {c.lower_ for c in phrase.children if c.dep_ in ("det", "poss")}
            if m.start > 0:
                dets.add(doc[m.start - 1].lower_)
            if dets & DEFINITE:
                # "asked Berlin for the weapon": a general noun refers back to any system.
                general = m.category == "other" and root.tag_ in ("NN", "NNP")
                prior = [
                    p
                    for p in out
                    if p.system and (general or p.category == m.category) and p.start < m.start
                ]
                # "the Korean air-defence system": one of that state's
                origins = _phrase_origins(phrase)
                prior = [p for p in prior if not origins or p.origin in origins]
                recent = _same_as(phrase, m, out) or [
                    p for p in prior if p.start >= sentences_back(root, 4)
                ]
                if recent:
                    # the system the passage is about: named most, the latest on a tie ("two
                    # F-16 fighters ... F-16s ... replacing them with the F-35 ... 19 of the
                    # fighters")
                    named = Counter(p.system for p in recent)
                    ref = max(reversed(recent), key=lambda p: named[p.system])
                    m = WeaponMention(
                        m.start, m.end, ref.system, ref.category, ref.origin, back=True
                    )
        out.append(m)
    return out


def _same_as(phrase: Token, m: WeaponMention, out: list[WeaponMention]) -> list[WeaponMention]:
    """ "the same Korean missile system": the systems named before that it may be, of
    whatever kind, of the state its modifier names if any, the last few sentences first."""
    if not any(c.lower_ == "same" for c in phrase.children if c.dep_ == "amod"):
        return []
    origins = _phrase_origins(phrase)
    prior = [p for p in out if p.system and p.start < m.start]
    prior = [p for p in prior if not origins or p.origin in origins]
    same_kind = [p for p in prior if p.category == m.category]
    prior = same_kind or prior
    recent = [p for p in prior if p.start >= sentences_back(phrase, 4)]
    return recent or prior[-1:]


def _actor_ids_at(doc: Doc) -> dict[int, str]:
    """The actor id each token of a name the data knows stands in, found once per doc."""
    cached = doc.user_data.get("am_actor_ids")
    if cached is None:
        cached = doc.user_data["am_actor_ids"] = {
            i: s.id_
            for s in doc.spans[NAMES_KEY]
            if s.label_ == "ACTOR"
            for i in range(s.start, s.end)
        }
    return cached


def _phrase_origins(phrase: Token) -> set[str]:
    """The states named on a phrase before its head ("the Korean air-defence system")."""
    named_at = _actor_ids_at(phrase.doc)
    return {
        named_at[c.i]
        for c in phrase.subtree
        if c.dep_ in ("amod", "compound", "poss") and c.i < phrase.i and c.i in named_at
    }


def _apposed_to(root: Token, prior: list[WeaponMention], category: str) -> WeaponMention | None:
    """The named system a generic noun stands beside as its apposition ("the PzH 2000, a
    self-propelled howitzer"), if of its category."""
    doc = root.doc
    for p in reversed(prior):
        if not p.system or p.category != category:
            continue
        if root.dep_ == "appos" and p.start <= root.head.i < p.end:
            return p
        # the same, parsed as two complements of one verb ("was the PzH 2000, a howitzer")
        named = doc[p.start : p.end].root
        if (
            root.dep_ == named.dep_ == "attr"
            and root.head == named.head
            and doc[p.end].text == ","
            and root.left_edge.i == p.end + 1
        ):
            return p
    return None


def weapon_modifier_tokens(doc: Doc) -> set[int]:
    """Tokens that describe a weapon ("Russian" in "Russian weapons", "Serbia's" in
    "Serbia's MiG-29s"): they name a supplier or an operator, not a party to anything else."""
    cached = doc.user_data.get("am_weapon_modifiers")
    if cached is not None:
        return set(cached)
    out: set[int] = set()
    for m in find_weapons(doc):
        root = doc[m.start : m.end].root
        noun = root.head if root.dep_ in ("compound", "amod", "nummod") else root
        for head in {root, noun}:
            for c in head.lefts:
                out.update(t.i for t in c.subtree)
    doc.user_data["am_weapon_modifiers"] = tuple(out)
    return out


_VARIANT_IN_TEXT = re.compile(r"(?<![\w-])[A-Za-z]{1,6}-?\d{1,4}[A-Za-z0-9]{1,5}(?![\w-])")
_VARIANT = re.compile(r"^(?P<base>[A-Za-z]{1,6}-?\d{1,4})(?P<suffix>[A-Za-z0-9]{1,5})?$")


def _variant(text: str) -> resources.WeaponRecord | None:
    """A variant designation the data lacks ("MiG-29SMTs", "Su-35SE") by its known base."""
    t = text[:-1] if text.endswith("s") and len(text) > 3 else text
    m = _VARIANT.match(t)
    if not m or not m["suffix"]:
        return None
    return _designation_index().get(m["base"])


_INDEX: dict[str, resources.WeaponRecord] = {}
resources.on_reload(_INDEX.clear)  # an analyst's new weapon system or alias


def _designation_index() -> dict[str, resources.WeaponRecord]:
    if not _INDEX:
        for rec in resources.weapons():
            for form in rec.forms:
                if re.fullmatch(r"[A-Za-z]{1,6}-?\d{1,4}", form):
                    _INDEX.setdefault(form, rec)
    return _INDEX


_TITLE_FORMS: dict[str, resources.WeaponRecord] = {}
resources.on_reload(_TITLE_FORMS.clear)
_TITLE_WORD = re.compile(r"[\w][\w./-]*[\w]|\w")


def title_weapons(title: str) -> list[resources.WeaponRecord]:
    """The systems a headline names by one of their forms, as written ("deal for Indian
    BrahMos anti-ship missiles"), the longest form first; a plural "s" is read off a name."""
    if not title:
        return []
    if not _TITLE_FORMS:
        for rec in resources.weapons():
            for form in rec.forms:
                if len(form) > 2:
                    _TITLE_FORMS.setdefault(form, rec)
    words = _TITLE_WORD.findall(title)
    found: list[resources.WeaponRecord] = []
    i = 0
    while i < len(words):
        for n in range(min(4, len(words) - i), 0, -1):
            form = " ".join(words[i : i + n])
            hit = _TITLE_FORMS.get(form)
            if hit is None and form.endswith("s"):
                hit = _TITLE_FORMS.get(form[:-1])
            if hit is not None:
                found.append(hit)
                i += n
                break
        else:
            i += 1
    return found


EXCLUDING_PREPS = frozenset({"outside", "beyond", "except", "excluding"})
"""Prepositions that set a state apart from the noun they hang on ("from countries outside
the EU", "all members except Hungary")."""


def _state_in(token: Token, resolved: Resolved, *, skip: set[int] | None = None) -> str | None:
    """The first state named in a token's subtree ("Serbia's defence ministry" -> SRB); not
    one set apart by a preposition of exclusion ("countries outside the EU"), nor, in a
    source, the one it sells for ("from a manufacturer for Kyiv")."""
    # "from a manufacturer for Kyiv": who buys from the seller is not the seller
    source = token.dep_ == "pobj" and token.head.lower_ == "from"
    apart = {
        t.i
        for c in token.subtree
        if (
            c.dep_ == "prep"
            and c != token
            and (c.lower_ in EXCLUDING_PREPS or (source and c.lower_ in ("for", "to")))
        )
        # "add six Rafales to the 18 it agreed to buy from France": a number stands for
        # weapons, and its clause tells their own deal, not a state the phrase names
        or (c.dep_ == "relcl" and c.head == token and token.tag_ == "CD")
        for t in c.subtree
    }
    for t in token.subtree:
        if (skip and t.i in skip) or t.i in apart:
            continue
        st = resolved.state_at(t.i)
        if st:
            return st
    return None


def _quantity(doc: Doc, mention: WeaponMention, anchor: Token) -> int | None:
    root = mention.root(doc)
    own = _own_noun(root)
    # "108 Abrams tanks and 250 Stinger missiles": a later item of a list counts its own
    # noun's number, never the first item's
    candidates = [own, root] if own in anchor.conjuncts else [anchor, root]
    # "five units of the Pantsir", "a battery of S-400 systems": the count sits on the unit.
    if anchor.dep_ == "pobj" and anchor.head.lemma_ in UNIT_NOUNS:
        candidates.append(anchor.head)
    elif anchor.dep_ == "pobj" and anchor.head.head.lemma_ in UNIT_NOUNS:
        candidates.append(anchor.head.head)
    for tok in candidates:
        for child in tok.children:
            if mention.start <= child.i < mention.end:
                continue  # "its Type 216 design": a designation's number is no count
            if child.dep_ == "nummod" or (child.like_num and child.i < tok.i):
                value = _number(child)
                if value:
                    return value
    # "six MiG-29 fighter jets": a number right before the mention.
    i = mention.start - 1
    while i >= 0 and doc[i].lower_ in (
        "more",
        "new",
        "additional",
        "further",
        "used",
        "second-hand",
        "modernised",
        "modernized",
        "of",
    ):
        i -= 1
    if i >= 0 and doc[i].like_num:
        return _number(doc[i])
    return None


def _number(tok: Token) -> int | None:
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        value = int(text)
        return value if 0 < value < 5000 and not (1940 <= value <= 2049) else None
    if text in WORD_NUMBERS:
        prev = tok.nbor(-1) if tok.i > 0 else None
        base = WORD_NUMBERS[text]
        if text in ("dozen", "hundred") and prev is not None and prev.lower_ in WORD_NUMBERS:
            return WORD_NUMBERS[prev.lower_] * base
        return base
    return None


def frame_index(doc: Doc) -> dict[int, tuple[resources.FrameRecord, ...]]:
    """Token index -> the transfer frames a match opens there (at the match's root)."""
    cached = doc.user_data.get("am_frame_index")
    if cached is not None:
        return cached
    by_id = resources.frames_by_id()
    found: dict[int, list[tuple[int, resources.FrameRecord]]] = {}
    # "Bradley fighting vehicles", "landing ships": a verb form that names a weapon's kind
    kinds = {
        i
        for s in doc.spans[TERMS_KEY]
        if s.label_ == "TERM" and len(s) > 1
        for i in range(s.start, s.end - 1)
        if doc[i].tag_.startswith("VB")
    }
    for span in doc.spans[FRAMES_KEY]:
        rec = by_id[span.id_]
        if rec.block and (_hyphen_compound(doc, span.start) or span.root.i in kinds):
            continue  # "air-launched cruise missiles", "shoulder-fired": a kind, not a use
        if rec.commands and _commanding(span.root):
            continue  # "was ordered by a court to stop shipping F-35 parts"
        if (
            rec.to_frame
            and any(
                c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")
                for c in span.root.children
            )
            and not any(c.dep_ == "agent" for c in span.root.children)  # "flown by its pilots"
        ):
            rec = by_id[rec.to_frame]  # "has flown NLAW weapons to Kyiv": handed over there
        found.setdefault(span.root.i, []).append((len(span), rec))
    # The longest match speaks first ("framework agreement" before "agreement"); a block
    # context longer than any trigger at its word silences it ("aimed a laser at": no plan).
    index: dict[int, tuple[resources.FrameRecord, ...]] = {}
    for i, matches in found.items():
        ordered: list[resources.FrameRecord] = []
        longest = max(matches, key=lambda x: x[0])
        for size, rec in sorted(matches, key=lambda x: -x[0]):
            if longest[1].block and size < longest[0] and rec.status:
                continue
            if all(rec.id != o.id for o in ordered):
                ordered.append(rec)
        index[i] = tuple(ordered)
    doc.user_data["am_frame_index"] = index
    return index


def _commanding(verb: Token) -> bool:
    """A verb telling someone to act: an infinitive complement with the one told as its
    object or, in the passive, its subject ("ordered the army to withdraw", "was ordered to
    stop"); not a purpose ("ordered 24 jets to replace its F-5s", an order of jets)."""
    if not any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children):
        return False
    told = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        c.dep_ == "nsubjpass" or c.ent_type_ in ("GPE", "PERSON", "ORG", "NORP") for c in told
    ) or any(c.dep_ == "dobj" and c.lemma_ in _commanded_nouns() for c in told)


@lru_cache(maxsize=1)
def _commanded_nouns() -> frozenset[str]:
    """Those one tells to act: a state's forces and its government ("ordered the military
    to cancel the purchase")."""
    return resources.frame_lemmas(FORCES) | resources.group_nouns()


def _hyphen_compound(doc: Doc, i: int) -> bool:
    """Whether a word is the second half of a hyphened compound ("air-launched")."""
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
    )


FORCES = "forces"
"""The frame of a state's own forces: it decides deployments, never governs a weapon itself
("five S-400 regiments" are S-400s)."""
PRIVATE = "private-party"
"""The frame of a party that is no state (a company, a dealer): it names who weapons go to,
never governs them."""
SECOND_HAND = frozenset({"used", "second-hand", "secondhand", "surplus"})
"""Adjectives that look like verbs of use but describe a weapon sold on ("12 used Rafales")."""


def _governing(frames: tuple[resources.FrameRecord, ...]) -> resources.FrameRecord | None:
    """Of the frames at a token, the one that decides for a weapon it governs: a transfer
    trigger before a block context."""
    return next((f for f in frames if f.status), None) or next(
        (f for f in frames if f.block and f.id not in (FORCES, PRIVATE)), None
    )


@dataclass(slots=True)
class Governor:
    """What a weapon mention hangs off: a frame's token (or a plain verb) and the noun that
    attaches to it. ``inner``: the frame is inside the weapon's own noun phrase ("US-supplied
    HIMARS", "frigates bought from Britain"); ``outer`` is then what the phrase hangs off."""

    token: Token | None
    frame: resources.FrameRecord | None
    anchor: Token
    inner: bool = False
    outer: Token | None = None
    outer_frame: resources.FrameRecord | None = None
    source: Token | None = None  # a clause on the weapon naming its holder ("that Japan retires")


HISTORY_WORDS = frozenset({"originally", "initially", "formerly"})
"""Adverbs that make a clause on a weapon its history ("originally built for India")."""

AGENT_SUBJECTS = frozenset({"recipient", "supplier", "either"})
"""Frame subject roles that are a party to the deal, never the weapon itself."""


# Grammar: nouns that measure goods by their price ("$7 billion worth of equipment").
WORTH_WORDS = frozenset({"worth", "value"})


def _inner_frame(
    mention: WeaponMention, root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A transfer frame inside the weapon's own noun phrase: a clause on the noun ("the MiG-29s
    that Russia donated", "jets bought from France") or a participle before it ("US-supplied")."""
    own = _own_noun(root)
    # "six Kilo-class submarines and four Gepard-class frigates delivered over the decade": a
    # participle on the last item of a list is said of every item; so is one after the list
    # that the parser hung on its first item ("Su-30 fighters, S-300 batteries and T-72 tanks
    # bought from Moscow").
    last = [c for c in own.conjuncts if c.i > own.i and c.pos_ in NOMINAL][-1:]
    first = first_conjunct(own)
    end = max((c.i for c in first.conjuncts), default=first.i)
    # "over France's Rafale and the Eurofighter, built by a consortium of ...": an item that
    # names its own maker shares no other item's participle.
    named = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in (*own.children, *root.children))
    # "a fleet of Black Hawks that the United States supplied", "$7 billion worth of equipment
    # that the United States had supplied": the clause the parser hung on the fleet or the
    # worth is said of what the fleet or the worth is made of
    fleet = own.head.head if own.dep_ == "pobj" and own.head.lower_ == "of" else None
    if (
        fleet is not None
        and fleet.lemma_ not in WORTH_WORDS
        and not any(f.id == "fleet-noun" for f in index.get(fleet.i, ()))
    ):
        fleet = None
    for noun in (own, root, *last, first, *([fleet] if fleet is not None else [])):
        if named and noun not in (own, root, fleet):
            continue
        for clause in noun.children:
            if noun == first != own and clause.i < end:
                continue
            if named and noun == first and clause.i > end > noun.i:
                continue  # after the list, it is the last item's
            c, frame = _clause_frame(clause, index)
            # "drones flying near the peninsula": a weapon's own motion is no possession.
            if (
                clause.dep_ in ("relcl", "acl")
                and frame is not None
                and frame.status
                and frame.id not in OPERATING
                # "vehicles abandoned near Avdiivka": a participle on the weapon itself ends no
                # deal; a cancellation needs a deal or an act of buying.
                and not (clause.dep_ == "acl" and frame.status == "cancelled")
                # "fighters originally built for India": the weapon's history, not the deal
                and not any(a.lower_ in HISTORY_WORDS for a in clause.children)
                # "sold Iraq 36 F-16s, the first of which reached Balad": a share's stage
                and not (
                    frame.subject == "theme"
                    and any(_share_word(a) for a in clause.children if a.dep_ == "nsubj")
                )
            ):
                return c, frame, noun
    for c in own.lefts:
        for t in c.subtree:
            if mention.start <= t.i < mention.end or t.pos_ == "NOUN":
                continue
            frame = _governing(index.get(t.i, ()))
            if frame is not None and frame.status and not frame.explicit:
                return t, frame, own
    return (
        _described_by_participle(own, index)
        or _summed_up(own, index)
        or _misread_relative(first, index)
        or _participle_read_as_verb(first, index)
    )


def _participle_read_as_verb(
    noun: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A participle right after a weapon that the parser read as a past verb with the weapon
    as its subject ("still operates older Type 21 frigates bought second-hand from Britain",
    "bought" a ``ccomp`` of "operates" with "frigates" its subject): a weapon does not buy or
    hand over, so the clause describes it, as "frigates bought from Britain" would."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.tag_ not in ("VBD", "VBN"):
        return None
    doc = noun.doc
    if verb.dep_ == "ROOT":
        # "Finland's K9 howitzers, bought second-hand from South Korea, fired live rounds": a
        # participle set off by commas, with the sentence's verb joined to it after a comma
        edge = noun.right_edge
        after = edge if edge.text == "," else doc[edge.i + 1]
        main = [c for c in verb.rights if c.dep_ == "conj" and c.pos_ == "VERB"]
        if not (after.text == "," and verb.i == after.i + 1 and main):
            return None
        if doc[main[0].i - 1].text != ",":
            return None
    elif verb.head.pos_ not in ("VERB", "AUX") or verb.i != noun.right_edge.i + 1:
        return None
    frame = _governing(index.get(verb.i, ()))
    if frame is None or not frame.status or frame.block or frame.subject not in AGENT_SUBJECTS:
        return None
    for c in verb.children:
        # "bought second-hand": a glued adverb the parser read as an object
        glued = c.dep_ == "dobj" and any(x.tag_ == "HYPH" for x in c.children)
        if c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp") and not glued:
            return None
    return verb, frame, noun


def _misread_relative(
    noun: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A relative clause the parser read as the verb's complement ("will replace the Mi-24
    and Mi-35 gunships that the country received from Russia", "received" a ``ccomp`` of
    "replace"): a "that" clause after the object whose transfer verb lacks an object of its
    own is said of the object."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "rests on M109 howitzers that Latvia bought second-hand from Austria"
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB":
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < noun.i:
            continue
        # the relative word read as a mark or as the clause's object
        that = [m for m in clause.children if m.dep_ in ("mark", "dobj") and m.lower_ == "that"]
        if not that or that[0].i != noun.right_edge.i + 1:
            continue
        # "bought second-hand": a glued adverb the parser read as an object
        if any(
            k.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp")
            and k not in that
            and not (k.dep_ == "dobj" and any(x.tag_ == "HYPH" for x in k.children))
            for k in clause.children
        ):
            continue
        frame = _governing(index.get(clause.i, ()))
        # "used Kfir jets that Israel is retiring": a holder's clause names who hands them on
        held = that[0].dep_ == "dobj" and frame is not None and frame.id in HOLDER_FRAMES
        if frame is not None and frame.status and not frame.block and not held:
            return clause, frame, noun
    return None


SUMMARY_WORDS = frozenset({"all", "both", "each"})
"""Grammar: words that sum up a list before them ("..., all supplied by Russia")."""


def _summed_up(
    own: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A participle on a word that sums up the list a weapon is in: "a Su-25 jet, four L-39
    trainers and an Mi-8 helicopter, all supplied by Russia" (however the parser hung the
    items) says it of every item before it, up to the first verb."""
    doc = own.doc
    for i in range(own.i + 1, sentence(own).end):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX"):
            return None
        if t.lower_ not in SUMMARY_WORDS or doc[i - 1].text != ",":
            continue
        # "..., all supplied by Russia"; "..., both bought from Belarus" (read as its subject)
        clauses = [c for c in t.children if c.dep_ == "acl"]
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("advcl", "acl", "conj"):
            clauses.append(t.head)
        for clause in clauses:
            c, frame = _clause_frame(clause, index)
            if frame is not None and frame.status and frame.id not in OPERATING:
                return c, frame, own
        return None
    return None


def _own_noun(root: Token) -> Token:
    """The noun a weapon's name modifies ("P-8I patrol aircraft": "aircraft"); a later name
    in a list of names before one noun modifies it too ("MiG-29s and Su-24 bombers", "MiG-21
    and MiG-23 fighters" with the names tagged as singular nouns)."""
    own = root
    first = first_conjunct(root)
    if (
        (root.pos_ == "PROPN" or root.tag_ == "NN")
        and first != root
        and first.dep_ in ("compound", "amod", "nmod")
        and first.head.i > root.i
        and first.head.pos_ == "NOUN"
    ):
        own = first
    for _ in range(3):
        # "RQ-4 Global Hawk surveillance drones": a designation the parser read as a determiner
        named_det = own.dep_ == "det" and own.pos_ in ("PROPN", "NOUN") and own.head.i > own.i
        if not (own.dep_ in ("compound", "amod", "nummod", "nmod") or named_det):
            break
        if own.head == own:
            break
        own = own.head
    return own


def _described_by_participle(
    own: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A participle the parser hung on the verb that sits right after the verb's object ("flew
    its FA-50 jets, bought from South Korea in 2014"), or joined to it as a past form with no
    object of its own ("will retire its Mirage 2000 fighters, bought second-hand from France"):
    it describes the object."""
    verb = own.head
    if own.dep_ == "pobj" and own.head.dep_ == "prep" and own.head.head.pos_ == "VERB":
        verb = own.head.head  # "relies on three Kobben-class boats bought second-hand"
    elif own.dep_ == "pobj" and own.head.dep_ == "prep" and own.head.head.dep_ == "dobj":
        verb = own.head.head.head  # "is expanding its stock of K9 howitzers bought second-hand"
    elif own.dep_ not in ("dobj", "attr"):
        return None  # "its only jets are A-4AR Fightinghawks, bought from the United States"
    for c in verb.children:
        glued = any(
            g.dep_ == "dobj" and any(x.tag_ == "HYPH" for x in g.children) for g in c.children
        )
        if not (
            (
                (c.dep_ == "advcl" and c.tag_ == "VBN")
                or (c.dep_ == "conj" and c.tag_ in ("VBN", "VBD"))
                # "flies A-4AR Fightinghawks bought from the United States": a past form the
                # tagger read as a verb of its own, right after the verb's own object
                or (c.dep_ == "advcl" and c.tag_ == "VBD" and own.ent_type_ != "GPE")
            )
            and own.right_edge.i < c.i <= own.right_edge.i + 2
            and (c.dep_ != "conj" or c.doc[c.i - 1].text == "," or glued)
            and not any(
                g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                # "bought second-hand": a glued adverb the parser read as an object
                or (g.dep_ == "dobj" and not any(x.tag_ == "HYPH" for x in g.children))
                for g in c.children
            )
        ):
            continue
        frame = _governing(index.get(c.i, ()))
        if frame is not None and frame.status:
            return c, frame, own
    return None


def _clause_frame(
    clause: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord | None]:
    """The frame of a clause on a noun, or of the verb it begins ("missiles, which Britain
    began supplying to Ukraine": "supplying")."""
    frame = _governing(index.get(clause.i, ()))
    if frame is not None and frame.id in OPERATING and clause.dep_ in ("relcl", "acl"):
        # "already flown by the U.S. Navy and ordered by Australia": a deal joined to a
        # clause of use is what the clause tells of the weapon
        joined = [
            (c, f)
            for c in clause.conjuncts
            if c.i > clause.i and (f := _governing(index.get(c.i, ()))) is not None and f.status
        ]
        if joined:
            return joined[0]
    if frame is not None and frame.payer and clause.dep_ in ("relcl", "acl"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ not in ("PROPN", "NOUN"):
            return clause, None  # "jets ..., much of it financed with loans": what is paid for
    if frame is not None or clause.dep_ not in ("relcl", "acl"):
        return clause, frame
    for x in clause.children:
        inner = _governing(index.get(x.i, ())) if x.dep_ == "xcomp" else None
        if inner is not None and inner.status:
            return x, inner
    return clause, None


def _inner_block(
    mention: WeaponMention, root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A block context inside the weapon's own noun phrase: a participle before it
    ("captured", "destroyed", "downed") or a clause on it ("that drones destroyed")."""
    own = _own_noun(root)
    for noun in (own, root):
        for c in noun.children:
            frame = _governing(index.get(c.i, ()))
            if c.dep_ in ("relcl", "acl") and frame is not None and frame.block:
                return c, frame, noun
    trailing = _trailing_block(own, index)
    if trailing is not None:
        return trailing
    lefts = list(own.lefts)
    if own.dep_ == "conj":
        # "captured Leopard 2 tanks and Bradley vehicles": the list shares its participle.
        first = first_conjunct(own)
        lefts += [c for c in first.lefts if c.pos_ in ("VERB", "ADJ")]
    for c in lefts:
        for t in c.subtree:
            if mention.start <= t.i < mention.end:
                continue
            if t.i == mention.end and t.i < own.i and t.dep_ == "amod":
                continue  # "152 CV90 tracked vehicles": a word of the noun's kind, after the name
            frame = _governing(index.get(t.i, ()))
            if (
                frame is not None
                and frame.block
                and t.pos_ in ("VERB", "ADJ")
                and t.lower_ not in SECOND_HAND
            ):
                return t, frame, own
    return None


def _trailing_block(
    noun: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A participle after a list that the whole list shares ("showed two Leopard tanks, a
    mine-clearing vehicle and a dozen Bradleys damaged or abandoned")."""
    first = noun
    while first.dep_ in ("conj", "appos") and first.head != first:
        first = first.head
    items, todo = [], [first]
    while todo:
        tok = todo.pop()
        items.append(tok)
        todo += [c for c in tok.children if c.dep_ in ("conj", "appos")]
    if len(items) < 2:
        return None
    last = max(items, key=lambda t: t.i)
    if last == noun:
        return None
    for c in last.children:
        frame = _governing(index.get(c.i, ()))
        if c.dep_ == "acl" and c.i > last.i and frame is not None and frame.block:
            return c, frame, noun
    return None


CLIMB_DEPS = frozenset(
    {
        "pobj",
        "prep",
        "compound",
        "amod",
        "nmod",
        "dobj",
        "nsubj",
        "nsubjpass",
        "attr",
        "npadvmod",
        "poss",
        "acl",
        "relcl",
        "oprd",
        "conj",
        "appos",
        "nummod",
        "quantmod",
        "dep",
    }
)
NOUN_FRAME_DEPS = frozenset({"pobj", "prep", "compound", "dobj", "nmod", "amod", "poss", "acl"})
PASS_THROUGH = frozenset({"xcomp", "ccomp", "conj", "advcl", "relcl", "acl"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})


NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "compound", "appos", "attr"})


def _is_verb(tok: Token) -> bool:
    """A verb, unless the tagger called a noun one and the parser hung it as a noun ("bought
    three Bayraktar TB2 drones", "drones" tagged as a verb but parsed as the object), or it
    is a weapon's name ("MQ-9B drones" with "MQ-9B" tagged as a verb)."""
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.dep_ not in NOMINAL_DEPS
        and tok.i not in _weapon_tokens(tok.doc)[0]
    )


def _prenominal(verb: Token, noun: Token) -> bool:
    """A participle right before a noun that the parser made a verb taking it as object
    ("The air force operates ageing F-16s", "ageing" an xcomp with "F-16s" its object; "chose
    ASCOD tracked vehicles", "ASCOD" its subject)."""
    if noun.head != verb or noun.left_edge.i != verb.i + 1:
        return False
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp":
        return not any(c.dep_ == "aux" for c in verb.children)
    return _participle_clause(verb, noun) or _named_by_participle_verb(verb)


def _participle_clause(verb: Token, noun: Token) -> bool:
    """A past participle right before a noun that the parser made the clause of the verb
    before it ("Portugal proposed refurbished F-16s": "refurbished" a clause of "proposed",
    which then has no object of its own)."""
    head = verb.head
    return (
        noun.head == verb
        and noun.left_edge.i == verb.i + 1
        and verb.tag_ in ("VBD", "VBN")
        and verb.dep_ in ("ccomp", "xcomp")
        and head.pos_ == "VERB"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
        and not any(c.dep_ in ("dobj", "dative") for c in head.children)
    )


def _governs(head: Token, frame: resources.FrameRecord | None) -> bool:
    """Whether a verb reached while climbing governs the mention: it has a frame (or is
    "be"), and it is no adjective the parser made a verb ("ASCOD tracked vehicles")."""
    return (
        _is_verb(head)
        and (frame is not None or head.lemma_ == "be")
        and not _named_by_participle_verb(head)
    )


def _named_by_participle(name: Token) -> Token | None:
    """The noun a name the parser made the subject of a participle stands before ("ASCOD
    tracked vehicles": "ASCOD" the subject of "tracked", "vehicles" its object)."""
    verb = name.head
    if name.dep_ != "nsubj" or not _named_by_participle_verb(verb):
        return None
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None
    )


def _named_by_participle_verb(verb: Token) -> bool:
    """Whether a past participle sits between a weapon's name that is its subject and a noun
    that is its object, with no auxiliary: an adjective of the noun the parser made a verb."""
    doc = verb.doc
    # a system's name, not a kind of weapon: "drones destroyed scores of tanks" is a verb
    names = _system_name_tokens(doc)
    return (
        verb.tag_ in ("VBD", "VBN")
        and verb.lower_.endswith("ed")
        # "the F-35 beat the Rafale", "the Gripen replaced the air force's Mirages": a verb
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].dep_ not in ("det", "poss", "nummod")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "nsubj" and c.i == verb.i - 1 and c.i in names for c in verb.children)
        and any(c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 for c in verb.children)
    )


def _system_name_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of the named systems a doc mentions (not kinds of weapon, nor words that
    only refer back), found once per doc."""
    cached = doc.user_data.get("am_system_names")
    if cached is None:
        cached = doc.user_data["am_system_names"] = frozenset(
            i for m in find_weapons(doc) if m.system and not m.back for i in range(m.start, m.end)
        )
    return cached


def _second_hand(verb: Token, noun: Token) -> bool:
    """ "bought 24 used F-16s": an adjective of a weapon sold on that the parser made a verb
    taking the weapon as its object."""
    return verb.lower_ in SECOND_HAND and noun.head == verb and noun.left_edge.i == verb.i + 1


def _over_second_hand(tok: Token) -> tuple[Token, Token]:
    """A token and its head, stepping over a second-hand adjective the parser made the head
    ("bought 24 used F-16s": "used" is no verb here)."""
    head = tok.head
    if _second_hand(head, tok) and head.head != head:
        return head, head.head
    return tok, head


def _weapon_phrase(prep: Token, mention_tokens: set[int], resolved: Resolved) -> bool:
    """Whether a "to" phrase is the weapon itself ("committed to 36 Rafales from France"),
    which names no recipient, or a "with" phrase holds it."""
    if prep.lower_ == "with" and prep.dep_ == "prep":
        # "weighing a replacement, with Boeing's F-15 and France's Rafale in contention": a
        # "with" phrase that holds the weapon says how things stand, and names no partner
        return any(
            _held_in_phrase(prep.doc[i], prep) and not resolved.state_at(i) for i in mention_tokens
        )
    return prep.lower_ == "to" and any(
        p.dep_ == "pobj" and p.i in mention_tokens and not resolved.state_at(p.i)
        for p in prep.children
    )


def _held_in_phrase(tok: Token, prep: Token) -> bool:
    """Whether a token is part of a phrase's own noun phrase, not of a clause inside it
    ("with Cairo, which could include Typhoon jets": the jets are not with Cairo)."""
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return False  # "contracts with missile maker MBDA": a word of another noun
    for anc in tok.ancestors:
        if anc == prep:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _arg_children(verb: Token) -> list[Token]:
    """A verb's phrases, with those the parser hung on a second-hand adjective it made a verb
    ("bought 24 used F-16s from Denmark": "from Denmark" on "used")."""
    out = []
    for c in verb.children:
        out.append(c)
        if c.lower_ in SECOND_HAND and c.pos_ == "VERB":
            out += [g for g in c.children if g.dep_ == "prep"]
        out += _past_worth(c)
        out += _terms_phrases(c)
    return out


def _terms_phrases(prep: Token) -> list[Token]:
    """The phrases on the lease noun of "took two drones on lease from Israel", which are the
    verb's own: the noun only says on what terms the weapons came."""
    if prep.dep_ != "prep" or prep.lower_ != "on":
        return []
    index = frame_index(prep.doc)
    return [
        g
        for n in prep.children
        if n.dep_ == "pobj" and any(f.status == "leased" for f in index.get(n.i, ()))
        for g in n.children
        if g.dep_ == "prep"
    ]


def _past_worth(tok: Token) -> list[Token]:
    """The "with" phrases the parser hung inside a deal's worth ("a contract worth about $375
    million with BrahMos Aerospace"); none for any other word."""
    if tok.lemma_ != "worth":
        return []
    return [g for t in tok.subtree for g in t.children if g.dep_ == "prep" and g.lower_ == "with"]


# "aid for Ukraine that will include 18 howitzers": a relative word the parser made a subject.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _includer_frame(
    noun: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord] | None:
    """The frame of a noun that includes weapons ("the package includes", "a deal including"),
    else the transfer a participle or relative clause on it tells of ("equipment bought from
    Russia over the past decade, including Su-30 fighters": the items share the purchase)."""
    frame = _governing(index.get(noun.i, ()))
    if frame is not None:
        return noun, frame
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.i > noun.i:
            frame = _governing(index.get(c.i, ()))
            if frame is not None and frame.status and not frame.block:
                return c, frame
    return None


def _climb(
    root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token | None, resources.FrameRecord | None, Token]:
    """The nearest frame (or verb) above a mention, and the noun that attaches to it."""
    tok = anchor = root
    for _ in range(8):
        # Coordinated lists: "procured A as well as B, C and D" -> climb to the first conjunct.
        tok, anchor, gapped = _through_list(tok, anchor, index)
        if gapped is not None:
            return gapped
        tok, head = _step_up(tok)
        if head == tok:
            break
        head = _deal_for(tok, head, index)
        if any(f.passes for f in index.get(head.i, ())):
            # "The package includes Hellfire missiles", "weapons including Su-30 fighters".
            tok = anchor = _includer(head)
            tok = anchor = _listed_package(tok, index) or tok
            if tok.i == root.i or tok == head:
                break
            told = _includer_frame(tok, index)
            if told is not None:
                return told[0], told[1], anchor
            continue
        frame = _governing(index.get(head.i, ()))
        if _governs(head, frame) and not _participle_clause(head, tok):
            return head, frame, anchor
        if (
            head.pos_ in ("NOUN", "ADJ")
            and frame is not None
            and tok.dep_ in NOUN_FRAME_DEPS
            and head.i != root.i
            and head.dep_ not in ("compound", "amod")  # "attack helicopters", "strike drones"
        ):
            verb = head.head
            moved = (
                _governing(index.get(verb.i, ())) if head.dep_ in ("dobj", "nsubjpass") else None
            )
            if frame.status == "in_service" and moved is not None and moved.status:
                return verb, moved, head  # "Slovakia sent its fleet of MiG-29s to Ukraine"
            return head, frame, anchor
        # "an offer from Spain of used Mirage F1s": a second-hand adjective the parser made
        # the clause of an "of" phrase climbs as that phrase's noun would
        if tok.dep_ not in CLIMB_DEPS and not (tok.lower_ in SECOND_HAND and tok.dep_ == "pcomp"):
            break
        if tok.dep_ not in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            anchor = head
        arrived_as = tok.dep_
        tok = head
        # A verb outside the frames ("which carry", "to replace its Tornado fighters"): the
        # weapon is its argument; keep climbing only through clauses that hang on something else.
        if _is_verb(tok) and (tok.dep_ not in PASS_THROUGH or arrived_as in ARGUMENT_DEPS):
            if _prenominal(tok, anchor):
                continue  # "operates ageing F-16s": an adjective the parser made a verb
            return _object_of_complement(tok, arrived_as, index) or (tok, None, anchor)
    return (tok if _is_verb(tok) else None), None, anchor


def _includer(head: Token) -> Token:
    """What a verb of inclusion passes its weapons on to: its subject ("The package includes
    ...", "The package is reported to include ..."), or the noun its clause is on ("aid for
    Ukraine that will include ...", "a package, which is likely to include ...")."""
    # the subject raised to the verb above
    holder = head
    while holder.dep_ in ("xcomp", "acomp") and holder.head != holder:
        holder = holder.head
    subj = next(
        (
            c
            for c in holder.children
            if c.dep_ in ("nsubj", "nsubjpass" if holder != head else "nsubj")
            and c.tag_ not in RELATIVE_TAGS
        ),
        None,
    )
    # "The package includes ..., the Pentagon said", "officials said the package also
    # included ...": a reported clause keeps its subject
    if subj is not None and holder.dep_ in ("ROOT", "ccomp"):
        return subj
    if subj is None and holder != head and holder.dep_ == "relcl":
        return holder.head  # the noun the relative clause is on
    return head.head


def _listed_package(
    subj: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> Token | None:
    """The package an "it" that lists weapons stands for ("It also lists 300 Switchblade
    drones"), or the deals a "they" does ("They cover the F-35A and the Rafale", after
    "final offers"): the last package or deal of that number named in this or the sentence
    before."""
    if subj.lower_ not in ("it", "this", "they", "these") or subj.dep_ != "nsubj":
        return None
    plural = subj.lower_ in ("they", "these")  # "They cover the F-35A ...": the offers
    floor = sentences_back(subj, 1)
    for i in range(subj.i - 1, floor - 1, -1):
        frame = _governing(index.get(i, ()))
        if frame is not None and frame.status and subj.doc[i].pos_ == "NOUN":
            if (subj.doc[i].tag_ == "NNS") != plural:
                continue
            if _sum_of_money(subj.doc[i]):
                continue  # "a separate loan of $500 million": money lent lists no weapons
            return subj.doc[i]
    return None


def _sum_of_money(noun: Token) -> bool:
    """Whether a deal noun is a sum of money ("a loan of $500 million", "a $1 billion
    credit"), not a package of weapons."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(o.ent_type_ == "MONEY" for o in c.children if o.dep_ == "pobj"):
                return True
        elif c.dep_ in ("nummod", "compound", "amod", "quantmod") and c.ent_type_ == "MONEY":
            return True
    return False


def _through_list(
    tok: Token, anchor: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, Token, tuple[Token, resources.FrameRecord | None, Token] | None]:
    """Climbing a list: its first conjunct becomes the word to climb from and the anchor; a
    gapped object joined to the verb itself ("received A from X, and B from China") is
    governed by that verb, and an item added "along with" by the transfer it is added to."""
    gapped = _verb_conjunct(_list_head(tok, verbs=False), index)
    if gapped is not None and gapped[1] is not None:
        return tok, anchor, gapped
    added = _added_to(tok, tok.head, index)  # "the sale of ..., along with Hellfire missiles"
    if added is not None:
        return tok, anchor, added
    head = _list_head(tok, verbs=True)
    if head != tok:
        tok = anchor = head
    return tok, anchor, None


def _list_head(tok: Token, *, verbs: bool) -> Token:
    """The first conjunct of a list; with verbs, past the verb a conjunct was joined to."""
    while tok.dep_ in ("conj", "appos") and tok.head != tok and (verbs or tok.head.pos_ != "VERB"):
        tok = tok.head
    return tok


ADDING = frozenset({"along", "together"})
"""Words that with "with" add an item to what a verb's object lists ("cleared the sale of 36
helicopters, along with Hellfire missiles")."""


def _added_to(
    tok: Token, head: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """The transfer an "along with" or "together with" phrase on a verb adds its weapons to:
    the verb's object, when that names a transfer ("the sale of ...")."""
    if tok.lower_ != "with" or head.lower_ not in ADDING or not _is_verb(head.head):
        return None
    for obj in head.head.children:
        frame = _governing(index.get(obj.i, ())) if obj.dep_ == "dobj" else None
        if frame is not None and frame.status:
            return obj, frame, obj
    return None


def _step_up(tok: Token) -> tuple[Token, Token]:
    """The word to climb from and its head, past a second-hand adjective the parser made a verb
    and past "followed by"."""
    tok, head = _over_second_hand(tok)
    if tok.dep_ == "agent" and _followed_by(head):
        return head, head.head
    return tok, head


def _deal_for(
    tok: Token, head: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> Token:
    """The deal a "for" phrase belongs to when the parser hung it on a verb outside the frames
    ("follows a contract last year for 100,000 rifles"): the deal noun the verb takes as its
    object before the phrase; else the head as parsed."""
    if tok.dep_ != "prep" or tok.lower_ != "for" or not _is_verb(head):
        return head
    if _governing(index.get(head.i, ())) is not None:
        return head
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "dobj"
            and c.i < tok.i
            and c.pos_ == "NOUN"
            and (f := _governing(index.get(c.i, ()))) is not None
            and f.status is not None
        ),
        head,
    )


def _followed_by(verb: Token) -> bool:
    """ "arrived from Turkey in 2021, followed by Aksungur drones": what follows shares the
    act it follows, as a listed item does."""
    return verb.lemma_ == "follow" and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj")


def _modified_noun(root: Token) -> Token:
    """The noun a weapon's word modifies, whatever tag the parser gave it ("Bayraktar TB2
    drones", "drones" read as a verb): the weapon's word itself when it modifies none."""
    noun = root
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    return noun


def _verb_conjunct(
    root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord | None, Token] | None:
    """A gapped object the parser joined to the verb itself ("bought its MiG-29s from Belarus
    and its Mirage 2000s from France", "2000s" a conjunct of "bought"; "and Bayraktar TB2
    drones from Turkey", the weapon a modifier of that conjunct): the verb governs it."""
    noun = _modified_noun(root)
    climbed = noun is not root
    nominal = climbed or root.pos_ in (*NOMINAL, "NUM")
    root = noun
    verb = root.head
    if root.dep_ != "conj" or not nominal or verb.pos_ != "VERB":
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None  # a gapped object repeats one the verb has
    frame = _governing(index.get(verb.i, ()))
    if frame is None and climbed:
        return None  # "the package covered 50 F-35s and 18 MQ-9B drones": the noun above governs
    return verb, frame, root


def _stray_object(
    root: Token, verb: Token | None, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord] | None:
    """The last item of a list of objects the parser hung on the control verb instead ("has
    agreed to supply Pinaka launchers, ATAGS howitzers and, reportedly, the Akash system",
    "system" an object of "agreed" after an "and" of its own): the complement's transfer
    verb, whose objects come before it, governs."""
    noun = _modified_noun(root)
    if verb is None or noun.dep_ != "dobj" or noun.head != verb:
        return None
    if not any(c.dep_ == "cc" and c.i < noun.i for c in verb.children):
        return None
    for c in verb.children:
        frame = _governing(index.get(c.i, ()))
        if (
            c.dep_ == "xcomp"
            and frame is not None
            and frame.status
            and any(g.dep_ == "dobj" and g.i < noun.i for g in c.children)
        ):
            return c, frame
    return None


def _object_of_complement(
    verb: Token, dep: str, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """An object the parser hung on a control verb that is no frame ("has agreed to sell
    Taiwan 66 F-16V fighters", "fighters" taken as the object of "agreed"): the transfer verb
    of its complement governs when that verb has no object of its own."""
    if dep != "dobj" or _governing(index.get(verb.i, ())) is not None:
        return None
    for c in verb.children:
        frame = _governing(index.get(c.i, ()))
        if (
            c.dep_ == "xcomp"
            and c.i < verb.i + 12
            and frame is not None
            and frame.status
            and not any(g.dep_ == "dobj" for g in c.children)
        ):
            return c, frame, c
    return None


def _governor(
    doc: Doc, mention: WeaponMention, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> Governor:
    root = mention.root(doc)
    start = _start(root)
    token, frame, anchor = _verb_conjunct(start, index) or _climb(start, index)
    if token is not None and frame is not None and frame.subject == "theme":
        # "the agreement Australia reached with Naval Group for 12 submarines": the deal noun
        # the clause describes governs, not the verb of reaching.
        noun = token.head if token.dep_ == "relcl" else None
        deal = _governing(index.get(noun.i, ())) if noun is not None else None
        if noun is not None and deal is not None and deal.status and noun.pos_ == "NOUN":
            token, frame = noun, deal
    if token is None:
        token, frame, anchor = _fragment_frame(root, index) or (token, frame, anchor)
    token, frame = _stray_object(root, token, index) or (token, frame)
    token, frame = _then_handed_on(token, frame, index) or (token, frame)
    token, frame, anchor = _possessed_from(root, frame) or (token, frame, anchor)
    signed = _signed_deal(token, anchor, index)
    if signed is not None:
        token, frame = signed  # "signed a letter of intent for 490 VBCI vehicles"
    used = _expected_use(token, frame, index)
    if used is not None:
        return Governor(used, resources.frames_by_id()[USE], used)
    inner = _inner_frame(mention, root, index)
    blocked = _inner_block(mention, root, index)
    if (
        blocked is not None
        and (_acts_in(blocked[0]) or (blocked[0].dep_ == "relcl" and blocked[1].id == USE))
        and frame is not None
        and frame.status
    ):
        # "Ankara sold Baku the TB2 drones that struck Armenian armour": what the weapon
        # went on to do does not undo the sale the sentence reports.
        blocked = None
    if blocked is not None and (
        inner is None or (inner[0].i < root.i and blocked[0].dep_ in ("acl", "relcl"))
    ):
        # "captured Russian T-72s", "the launchers that drones destroyed", "a Turkish-built TB2
        # destroying a tank": used, not traded.
        return Governor(blocked[0], blocked[1], blocked[2])
    if inner is not None and _set_aside(inner, token, frame, index):
        inner = None
    if inner is not None and (_handed_on(inner, frame) or _looks_ahead(inner, token, frame)):
        # "is considering P-3C aircraft that Japan is retiring": the holder hands them on.
        source = inner[0] if inner[0].dep_ == "relcl" and inner[1].id in HOLDER_FRAMES else None
        return Governor(token, frame, anchor, source=source)
    if inner is not None and not (
        _maker_said(inner) and frame is not None and frame.status and frame.subject == "supplier"
    ):
        # The noun phrase speaks about the system most directly; not when it only says who
        # makes it while another hands it over ("is giving 22 patrol boats, built by Austal in
        # Western Australia, to a dozen island countries").
        return _inner_governor(inner, token, frame, index)
    on_order = _on_order(token, index)
    if on_order is not None:
        return Governor(on_order, _governing(index.get(on_order.i, ())), on_order)
    put = _put_in_service(token, frame, index)
    if put is not None:
        return Governor(token, put, anchor)
    part = _part_of_deal(root, frame, index)
    if part is not None:
        return Governor(part[0], part[1], part[0])
    return _copula_governor(token, frame, anchor, index)


def _set_aside(
    inner: tuple[Token, resources.FrameRecord, Token],
    token: Token | None,
    frame: resources.FrameRecord | None,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> bool:
    """Whether a clause on a weapon leaves the sentence's own transfer to govern it."""
    if frame is not None and frame.status and _withheld(inner[0], index):
        # "has acquired Chinese Wing Loong drones, which Washington refused to sell it": what
        # another state withheld does not undo what the sentence reports
        return True
    # "China gave Sri Lanka a second-hand Type 053 frigate, commissioned as SLNS
    # Parakramabahu in 2019": the clause tells what became of the weapon it gave
    return _held_after(inner, token, frame)


def _held_after(
    inner: tuple[Token, resources.FrameRecord, Token],
    token: Token | None,
    frame: resources.FrameRecord | None,
) -> bool:
    """Whether a participle set off after the object of a verb of handing over says the
    weapon was then put into service, by no one it names ("gave Sri Lanka a frigate,
    commissioned as SLNS Parakramabahu in 2019")."""
    clause, own, _ = inner
    return (
        token is not None
        and frame is not None
        and frame.status in MOVING
        and frame.subject == "supplier"
        and own.status in HELD
        and clause.dep_ == "acl"
        and clause.tag_ in ("VBN", "VBD")
        and clause.head.head == token
        and clause.i > 0
        and clause.doc[clause.i - 1].text == ","
        and not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in clause.children)
    )


def _withheld(verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a clause on a weapon says it was refused or not handed over ("which Washington
    refused to sell it", "that Berlin would not supply")."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head != clause:
        clause = clause.head
    if clause.dep_ not in ("relcl", "acl") or clause.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(f.status for f in index.get(verb.i, ())):
        return False  # "the first Gripens arrive, which is not expected before 2018"
    refusing = any(f.modal == REFUSED for f in index.get(clause.i, ()))
    return refusing or _negated(clause) or _negated(verb)


def _expected_use(
    token: Token | None,
    frame: resources.FrameRecord | None,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> Token | None:
    """What weapons are expected to do when it is use, not arrival ("F-35A jets are expected
    to deploy to Japan for exercises", "Su-30 jets are expected to take part in the drills"):
    the verb of use, which makes no transfer."""
    if token is None or frame is None or frame.modal != "future" or frame.block:
        return None
    if not any(c.dep_ == "nsubjpass" for c in token.children):
        return None  # "Poland expects to deploy its new tanks": the expecting state's plan
    taking_part = resources.signal_rules()["exercise_participation"].triggers
    for c in token.children:
        if c.dep_ != "xcomp" or c.pos_ != "VERB":
            continue
        phrase = f"{c.lemma_} {c.doc[c.i + 1].lower_}" if c.i + 1 < len(c.doc) else c.lemma_
        if any(f.block for f in index.get(c.i, ())) or phrase in taking_part:
            return c
    return None


def _copula_governor(
    token: Token | None,
    frame: resources.FrameRecord | None,
    anchor: Token,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> Governor:
    """What governs a weapon on a copula: the deal its subject names, or a state of service
    in its phrases; else the governor found."""
    if token is not None and frame is None and token.lemma_ == "be":
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        deal = _governing(index.get(subj.i, ())) if subj is not None else None
        if subj is not None and deal is not None and deal.status and subj.pos_ == "NOUN":
            # "Its American orders are just as large: 250 Abrams tanks, 32 F-35As": the deal
            # the copula's subject names is what the listed weapons are
            return Governor(subj, deal, subj)
        # "The S-400 batteries are in service", "the jets are now operational".
        for c in token.children:
            for t in c.subtree:
                found = _governing(index.get(t.i, ()))
                if found is not None and found.status == "in_service":
                    return Governor(token, found, anchor)
    return Governor(token, frame, anchor)


def _inner_governor(
    inner: tuple[Token, resources.FrameRecord, Token],
    token: Token | None,
    frame: resources.FrameRecord | None,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> Governor:
    """The governor of a weapon whose own phrase names its transfer, with what the phrase
    hangs off; a participle the parser read as a clause of that verb ("operates frigates
    bought second-hand", "bought" a ``ccomp``) hangs off the verb above it."""
    if token is not None and inner[0] == token and token.dep_ == "ccomp":
        token, frame = token.head, _governing(index.get(token.head.i, ()))
    handed = _then_handed_on(inner[0], inner[1], index)
    if handed is not None:
        # "the Guardian-class vessel, built by Austal and given to Honiara": the hand-over
        return Governor(handed[0], handed[1], inner[2], True, token, frame)
    return Governor(inner[0], inner[1], inner[2], True, token, frame)


FLEET = "fleet-noun"


def _possessed_from(
    root: Token, frame: resources.FrameRecord | None
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A weapon a state is said to have, with the state it came "from" ("its Super Tucano
    aircraft from Brazil", "Ecuador's Cheetah fighters from South Africa"): held like a fleet
    whose supplier is named, when no frame governs it."""
    own = _own_noun(root)
    if frame is not None or own.dep_ == "dobj":
        return None  # "Russia removed its S-300 systems from Syria": where the act took them
    owner = any(c.dep_ == "poss" for c in own.children)
    source = any(
        c.dep_ == "prep" and c.lower_ == "from" and any(p.pos_ == "PROPN" for p in c.children)
        for c in own.children
    )
    return (own, resources.frames_by_id()[FLEET], own) if owner and source else None


def _start(root: Token) -> Token:
    """Where a weapon's governor is looked for: its own root, or what the parser misplaced."""
    start = _subject_hung_on_verb(root) or root
    if start.dep_ == "det" and start.pos_ in ("PROPN", "NOUN") and start.head.i > start.i:
        start = start.head  # "fly RQ-4 Global Hawk drones": a designation read as a determiner
    participle = start.head
    if (
        start.dep_ in ("npadvmod", "nsubj", "compound", "nmod")
        and participle.dep_ == "amod"
        and participle.tag_ in ("VBD", "VBN")
        and start.i == participle.i - 1
        and participle.head.i == participle.i + 1
    ):
        start = participle.head  # "152 CV90 tracked vehicles": the name of the noun after
    return start


def _subject_hung_on_verb(root: Token) -> Token | None:
    """ "Jets flew strike missions, and Russian-made T-80 tanks and Grad launchers fired on
    mock positions": a noun the parser joined to the verb before, while the noun after its
    "and" is the subject of the verb after, is a subject of that verb too. The coordinated
    subject to read the weapon from; None for anything else."""
    noun = _modified_noun(root)
    if noun.dep_ != "conj" or noun.head.pos_ not in ("VERB", "AUX") or noun.head.i > noun.i:
        return None
    cc = next((c for c in noun.children if c.dep_ == "cc"), None)
    if cc is None:
        return None
    for tok in sentence(noun)[cc.i + 1 - sentence(noun).start :]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == cc.i + 1:
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            break
    return None


USE = "use"
"""The frame of weapons used: a later use told in a clause on them ("supplied SCALP missiles,
which Ukrainian bombers fired at Sevastopol") does not undo the supply."""
OPERATE = "operate"
OPERATING = frozenset({OPERATE, "fly"})
"""The frames of holding a weapon in service: operating it and flying it."""


def _acts_in(clause: Token) -> bool:
    """Whether a relative clause on a weapon has the weapon as its doer ("drones that struck
    ...", "which shot down ..."), not as what it acts on ("the launchers that drones hit")."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children
    )


def _maker_said(inner: tuple[Token, resources.FrameRecord, Token]) -> bool:
    """A participle of production that names only the maker, where it builds and what on
    ("built by Austal in Western Australia", "built on the same Canadian airframe"), no buyer
    or terms: a description of the weapon, not a deal."""
    clause, frame, _ = inner
    return (
        frame.id in PRODUCTION_FRAMES
        and clause.tag_ == "VBN"
        and clause.dep_ == "acl"
        and all(
            c.lower_ in ("by", "in", "at", "on", "around")
            for c in clause.children
            if c.dep_ in ("prep", "agent")
        )
    )


HOLDER_FRAMES = frozenset({"operate", "fly", "maintain"})
"""Frames of holding a weapon (flying, retiring it): in a clause on a weapon that a transfer
governs, their subject is the one handing it on."""


def _handed_on(
    inner: tuple[Token, resources.FrameRecord, Token], outer: resources.FrameRecord | None
) -> bool:
    """Whether a clause on a weapon names who holds it while a transfer frame above moves it
    to another ("Romania bought F-16s that Norway had retired")."""
    clause, frame, _ = inner
    # a relative clause with its holder as subject, or a participle of upkeep ("Leopard 1
    # tanks refurbished by Rheinmetall" in an aid package)
    holder = clause.dep_ == "relcl" and _has_subject(clause)
    upkeep = clause.dep_ == "acl" and frame.id == "maintain"
    return (
        frame.id in HOLDER_FRAMES
        and (holder or upkeep)
        and outer is not None
        and outer.status is not None
        and outer.status not in HELD
        and not outer.block
    )


def _signed_deal(
    verb: Token | None, anchor: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord] | None:
    """The deal noun a verb of signing takes as object when the weapon hangs on the verb
    ("signed a letter of intent for 490 VBCI vehicles", "for" parsed on "signed"): the
    document signed sets the stage."""
    if verb is None or verb.pos_ != "VERB":
        return None
    own = _governing(index.get(verb.i, ()))
    if own is None or own.subject != "recipient" or (anchor.head == verb and anchor.dep_ == "dobj"):
        return None
    for c in verb.children:
        if c.dep_ != "dobj" or c.pos_ != "NOUN":
            continue
        frame = _governing(index.get(c.i, ()))
        if (
            frame is not None
            and frame.status is not None
            and frame.subject == "recipient"
            and not frame.block
            and not (c.left_edge.i <= anchor.i <= c.right_edge.i)
        ):
            return c, frame
    return None


def _looks_ahead(
    inner: tuple[Token, resources.FrameRecord, Token],
    outer: Token | None,
    frame: resources.FrameRecord | None,
) -> bool:
    """A clause on a weapon about what will happen to it ("218 Lynx vehicles, most of which
    will be built in Hungary") under a transfer that did happen ("signed a contract for"):
    the transfer speaks."""
    return (
        _unreal(inner[0])
        and outer is not None
        and frame is not None
        and frame.status is not None
        and not frame.block
        and not _unreal(outer)
    )


def _fragment_frame(
    root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[Token, resources.FrameRecord, Token] | None:
    """A weapon whose phrase the parser cut off as a root of its own ("agreed to sell Taiwan |
    66 F-16V fighters"): the nearest transfer verb before it that still lacks an object."""
    top = root
    for _ in range(8):
        if top.head == top:
            break
        top = top.head
    if top.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = root.doc
    start = sentence(root).start
    if start > 0 and doc[start - 1].is_punct is False:
        start = sentence(doc[start - 1]).start  # the parser split the sentence there
    for i in range(top.left_edge.i - 1, start - 1, -1):
        tok = doc[i]
        frame = _governing(index.get(i, ()))
        if tok.head == tok and tok.pos_ != "VERB":
            return None  # another fragment in between
        if (
            tok.pos_ == "VERB"
            and frame is not None
            and frame.status
            and not frame.block
            and not any(c.dep_ == "dobj" for c in tok.children)
        ):
            return tok, frame, top
    return None


def _transported(root: Token) -> bool:
    tok = root
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ in TRANSPORT_PREPS:
            return True
        tok = tok.head
    return False


def _carrying_agent(root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A weapon that does the handing over ("supplied by Pakistani army helicopters", "flown
    in by Il-76 transports"): the agent of a transfer verb, its carrier, not what is traded."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "by" or prep.dep_ != "agent":
        return False
    frame = _governing(index.get(prep.head.i, ()))
    return frame is not None and frame.status is not None


def _targeted(root: Token) -> bool:
    """A weapon that something is aimed at ("fielded its S-400s against Pakistani drones",
    "to defend against Shahed drones"): the enemy's, not traded."""
    return root.dep_ == "pobj" and root.head.lower_ in TARGET_PREPS


def _negated(tok: Token) -> bool:
    """A word with a negation of its own: "not", "never", "no", or "no more" ("will buy no more
    Israeli arms")."""
    return any(
        c.dep_ == "neg"
        or c.lower_ in ("never", "no")
        or (c.lower_ in ("more", "further") and any(g.lower_ == "no" for g in c.children))
        for c in tok.children
    )


def _negated_head(head: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A negated verb above a frame ("did not send"), or an intent noun with "no" ("has no
    plans to send weapons", "no intention of buying F-16s"): nothing is planned."""
    if not _negated(head):
        return False
    return head.pos_ in ("VERB", "AUX") or (
        head.pos_ == "NOUN" and any(f.modal for f in index.get(head.i, ()))
    )


def _warned_against(tok: Token) -> bool:
    """ "warned Belgrade against buying Chinese air defence", "advised against the purchase":
    an act argued against is no act."""
    prep = tok.head if tok.dep_ in ("pcomp", "pobj") else None
    return prep is not None and prep.lower_ == "against" and prep.head.pos_ == "VERB"


def _unreal(tok: Token) -> bool:
    """A clause under a modal ("will deliver"), a condition ("if Serbia buys") or "be to" ("Italy
    is to supply seven warships")."""
    holders = [tok, tok.head] if tok.pos_ == "NOUN" else [tok]
    return any(
        c.lower_ in MODAL_AUX or (c.dep_ == "mark" and c.lower_ in CONDITIONAL)
        for h in holders
        for c in h.children
    ) or (
        tok.dep_ == "xcomp"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


COUNTERFACTUAL = frozenset({"should", "could", "would", "might"})
"""Modals that with "have" and a participle tell of what did not happen ("Australia should
have looked harder at the F-22", "could have bought Rafales")."""


def _counterfactual(tok: Token) -> bool:
    """A verb of the past that did not happen: "should have bought", "could have ordered"."""
    if tok.tag_ != "VBN":
        return False
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    return "have" in auxes and any(a in COUNTERFACTUAL for a in auxes)


def _possible(tok: Token) -> bool:
    holders = [tok, tok.head] if tok.pos_ == "NOUN" else [tok]
    return any(c.lower_ in EPISTEMIC for h in holders for c in h.children)


def _raised(head: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> dict[str, Token]:
    """ "Egypt's purchase appears to have stalled", "deliveries are due to begin in 2006": the
    raising verb's complement speaks."""
    found: dict[str, Token] = {}
    for c in head.children:
        if c.dep_ in ("xcomp", "acomp"):
            for frame in index.get(c.i, ()):
                if frame.modal:
                    found.setdefault(frame.modal, c)
    return found


# Markers of a clause that tells when, not what: its event is its own.
TIME_MARKS = frozenset({"before", "after", "when", "while", "since", "until", "once", "as"})


def _head_modality(
    tok: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> tuple[str | None, Token | None]:
    """The stage that heads above a frame impose ("plans to buy", "abandoned its plan to buy",
    "refused to supply", "denied reports that it had planned to supply"), and the head that
    imposed it. A denial, a cancellation and a refusal win over a plan; otherwise the nearest
    head decides."""
    nearest: tuple[str, Token] | None = None
    found: dict[str, Token] = {}
    cur = tok
    # "its purchase of S-400 systems, delivered in 2019", "jets, which entered service": a
    # participle or relative clause describes the weapon; the deal noun it hangs on sets no stage.
    describes = tok.tag_ == "VBN" or tok.dep_ == "relcl"
    # "is awaiting the 36 F-16s it has ordered": a finite clause on the weapon tells what was
    # done; a plan or an expectation above it is about something else
    told = (
        tok.dep_ == "relcl"
        and (tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in tok.children))
    ) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)
    )
    described = False  # past the noun a describing clause is on
    for _ in range(5):
        if cur.dep_ not in HEAD_DEPS or cur.head == cur:
            break
        came_from = cur.dep_
        # "China and Russia, which provide its jets, blocked stronger language": what the
        # states a relative clause is on go on to do sets no stage for what the clause says
        stop = _climb_stops(cur) or _relative_on_subject(tok, cur, described)
        if stop is not None:
            nearest = ("negated", cur.head) if stop == "negated" else nearest
            break
        cur = cur.head
        if describes and cur.pos_ in ("NOUN", "PROPN"):
            described = True
            continue
        if came_from in ("nsubj", "nsubjpass"):
            raised = _raised(cur, index)
            found = {**raised, **found}
            if not describes:  # "Typhoons ordered in 2017 are due to arrive": done
                nearest = nearest or next(iter(raised.items()), None)
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in cur.children):
            break  # "if the F-35 deal collapses": a condition, not an event
        # "the S-400 system that India bought will not arrive before 2026": what a clause on
        # the weapon tells was done; a negation further up is about something else
        if not described and (_negated_head(cur, index) or _summary_denied(cur, index)):
            return "negated", cur  # "did not send", "accused X of selling ..., a charge X denies"
        subject = describes and came_from in ("nsubj", "nsubjpass")
        for frame in _imposing(cur, index, subject):
            if frame.modal == "requested" and "cancelled" in found and frame.status is None:
                # "urged Ankara to drop the S-400 purchase": a demand, nothing has ended.
                del found["cancelled"]
                nearest = None if nearest and nearest[0] == "cancelled" else nearest
            elif frame.modal and not (told and described and frame.modal in ("future", "planned")):
                found.setdefault(frame.modal, cur)
                nearest = nearest or (frame.modal, cur)
    for decisive in ("denied", "cancelled", REFUSED):
        if decisive in found:
            return decisive, found[decisive]
    return (nearest[0], nearest[1]) if nearest else (None, None)


def _relative_on_subject(tok: Token, cur: Token, described: bool) -> str | None:
    """ "relative" when a relative clause's climb has reached the subject its clause is on."""
    on_subject = described and tok.dep_ == "relcl" and cur.dep_ in ("nsubj", "nsubjpass")
    return "relative" if on_subject else None


def _builder_and_operator(
    gov: Governor, got: Parties, operator: str, resolved: Resolved
) -> tuple[str | None, str | None]:
    """(supplier, recipient) of a weapon built in one state and operated by another: the
    state it was built in supplies it; not a state it was first built for ("to buy the
    Mistral carriers that France built for Russia": the builder, France, does)."""
    verb = gov.token
    built_for = verb is not None and any(
        c.dep_ == "prep" and c.lower_ == "for" and _pobj_state(c, resolved) == got.recipient
        for c in verb.children
    )
    return (got.supplier if built_for else got.recipient), operator


def _result_infinitive(clause: Token) -> bool:
    """An infinitive of what came after, marked by "only" ("chose the HQ-9, only to drop it
    two years later"): an event that happened, not a purpose of the verb above it."""
    return (
        clause.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        and any(
            c.dep_ == "advmod" and c.lower_ == "only" and c.i < clause.i for c in clause.children
        )
    )


def _result_participle(clause: Token) -> bool:
    """A participle after a comma that tells what the act before it leaves or brings about
    ("..., leaving the Rafale and the Gripen in the running")."""
    doc = clause.doc
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBG"
        and clause.i > clause.head.i
        and doc[clause.left_edge.i - 1].text == ","
        and clause.lemma_ in RESULT_VERBS
    )


RESULT_VERBS = frozenset({"leave", "keep"})
"""Verbs whose participle tells what an act left as it was ("leaving the Rafale in the race")."""


def _climb_stops(clause: Token) -> str | None:
    """Why no head above a clause imposes a stage on it, if none does: a clause of time tells
    of another event ("the talks collapsed before India signed the Rafale deal"); a clause
    reported by a verb of saying that is itself governed ("declined to say whether Sweden would
    send tanks") is what the head governs the saying of, and an open question there is no act
    at all ("negated")."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ == "advcl" and marks & TIME_MARKS:
        return "time"
    if _result_participle(clause) and not marks:
        return "result"  # "dropped the Su-35, leaving the Rafale in the running": what is left
    if _result_infinitive(clause):
        return "result"  # "chose the HQ-9 in 2013, only to drop it two years later"
    verb = clause.head
    if (
        clause.dep_ != "ccomp"
        or verb.dep_ != "xcomp"
        or verb.lemma_ not in resources.speech_verbs()
    ):
        return None
    return "negated" if marks & {"whether", "if"} else "spoken"


def _summary_denied(head: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A clause summed up after a comma by a noun that its relative clause denies ("has accused
    North Korea of selling weapons to Russia, a charge both deny")."""
    doc = head.doc
    denials = doc.user_data.get("am_denials")
    if denials is None:
        denials = doc.user_data["am_denials"] = any(
            f.modal == "denied" for frames in index.values() for f in frames
        )
    return denials and any(
        c.dep_ in ("dobj", "appos", "npadvmod")
        and c.pos_ == "NOUN"
        and c.i > head.i
        and c.doc[c.left_edge.i - 1].text == ","
        and any(
            r.dep_ == "relcl" and any(f.modal == "denied" for f in index.get(r.i, ()))
            for r in c.children
        )
        for c in head.children
    )


CONTROL_MODALS = frozenset({"planned", "future", "requested", "offered", "negotiating"})
"""Stages a verb imposes on its complement only ("tried to intercept", "are expected to
arrive"), never on what a participle on its subject says ("air defences, built around Russian
systems, tried to intercept")."""


def _imposing(
    head: Token, index: dict[int, tuple[resources.FrameRecord, ...]], described_subject: bool
) -> tuple[resources.FrameRecord, ...]:
    """The frames at a head that may impose a stage on a frame below it; for a participle on
    the head's subject, not those that impose one on a complement."""
    frames = index.get(head.i, ())
    if not described_subject:
        return frames
    return tuple(f for f in frames if f.modal not in CONTROL_MODALS)


# Stages that are messages between the parties: what carries them is not the weapon's transfer.
MESSAGES = frozenset({"requested", "offered"})
# Stages at which a state holds or shows weapons it has.
HELD = frozenset({"in_service", "displayed"})
# Stages at which weapons change hands, as opposed to being held, shown or offered.
MOVING = frozenset({"delivered", "ordered", "planned", "leased"})
# Stages a state never reaches with itself: what it offers or negotiates goes to another
# ("India had also proposed its Tejas").
OFFERS = frozenset({"offered", "negotiating"})
SELF_IMPLIED = MOVING | OFFERS
POSSESSING = frozenset(
    {
        "operate",
        "fly",
        "display",
        "fleet-noun",
        "in-service",
        "into-service",
        "operational",
        "combat",
        "use",
    }
)
# Frames over a transferred weapon that put it in service with the recipient ("flies A-29s
# delivered by the United States", "commissioned frigates built by China"); a display of
# recently bought systems, or their use in combat, shows only their delivery.
HOLDING = POSSESSING - {"display", "combat", "use"} | {"induct"}
ATTACKS = frozenset({"combat", "shot-down"})
"""The frames of attacks: a weapon that is their object is the enemy's."""


def _status(gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]) -> str:
    """The deal stage from the governing frame, its negation, modality and the heads above it."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or frame.status is None:
        return "unknown"
    refused = _said_no(gov, frame, tok, index)
    if refused is not None:
        return refused
    if _rival(gov.anchor, index):
        return "offered"  # "chose the F-35 over the Rafale": the rival was on offer
    if frame.status == "cancelled" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL for c in tok.children
    ):
        return "negated"  # "if the F-35 deal collapses": nothing has ended
    status, future, lasting = _own_stage(gov, frame, tok)
    covered = _deal_subject(tok, index)
    if covered is not None and frame.subject == "supplier" and not _unreal(tok):
        status = covered  # "the package provides 16 Black Hawks": what the deal covers
    modal, _head = _head_modality(tok, index)
    if modal == "denied" or _counterfactual(tok):
        return "negated"  # "Tehran denies having sent them", "should have bought the F-22"
    modal = _party_modality(modal, frame, lasting)
    if modal == "future":
        status = future or status
    elif modal is not None and modal != status and not (status == "offered" and modal == "planned"):
        status = modal  # but "Athens weighed a U.S. offer of frigates" is still an offer
    passed = _passed_on(gov)
    if gov.inner and not passed:
        status = _in_hand(gov, status)
    elif status in ("ordered", "delivered") and _shown_participle(tok, frame):
        status = "displayed"  # newly bought systems on parade
    if status == "ordered":
        status = _ordered_stage(gov, tok, index)
    if gov.inner and status in ("ordered", "delivered") and _holdings(tok, index) and not passed:
        status = "in_service"  # "the backbone of the fleet is 150 F-16s bought from the US"
    return _terms(status, frame, tok, gov.anchor)


def _party_modality(modal: str | None, frame: resources.FrameRecord, lasting: bool) -> str | None:
    """The modality a governing word lends, as the frame's party reads it."""
    if lasting:
        return None  # "weighing offers to replace its Kfir jets": the Kfirs are there now
    if modal == "offered" and frame.subject == "recipient":
        return "planned"  # "Kyiv is ready to buy": a buyer's readiness is a plan
    return modal


def _terms(status: str, frame: resources.FrameRecord, tok: Token, anchor: Token) -> str:
    """The stage as the terms of the transfer make it: built under licence, or on lease."""
    if status == "ordered" and frame.subject == "either" and _built_under_licence(tok):
        return "in_service"  # "HAL has built 200 Su-30MKIs under licence": they are there
    if status == "ordered" and frame.made_in and _held_and_built(tok, anchor):
        return "in_service"  # "Its Naresuan-class frigates were built in China in the 1990s"
    if status in ("ordered", "delivered", "in_service") and _on_lease(tok, anchor):
        return "leased"  # "has taken over a Swedish submarine on lease"
    return status


def _held_and_built(verb: Token, anchor: Token) -> bool:
    """A state's own weapons, the subject of a finished passive build ("the navy's frigates
    were built in Germany"): they are there, not on order ("are being built", "will be
    built")."""
    return (
        verb.tag_ == "VBN"
        and anchor.dep_ == "nsubjpass"
        and anchor.head == verb
        and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
        and any(c.dep_ == "poss" for c in anchor.children)
        and not _unreal(verb)
    )


def _on_lease(verb: Token, anchor: Token) -> bool:
    """Whether a transfer is made "on lease", "on loan" or "under a lease" (a phrase of the
    verb or of the weapon's noun, whose noun is one of the lease frames'). Weapons provided
    "under a development loan" are paid for with money lent: no lease."""
    terms = {
        "on": resources.frame_lemmas("lease-noun", "loan-noun"),
        "under": resources.frame_lemmas("lease-noun"),
    }
    return any(
        c.dep_ == "prep"
        and c.lower_ in terms
        and any(p.dep_ == "pobj" and p.lemma_ in terms[c.lower_] for p in c.children)
        for h in (verb, anchor)
        for c in h.children
    )


def _said_no(
    gov: Governor,
    frame: resources.FrameRecord,
    tok: Token,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> str | None:
    """A negated deal: refused when the supplier says no, else negated; None when it is not."""
    if not (
        _negated(tok)
        or no_longer(tok)  # "will no longer supply weapons to Turkey"
        or (tok.pos_ == "NOUN" and (_negated(tok.head) or no_longer(tok.head)))
        or (tok.dep_ == "csubj" and _negated(tok.head))  # "buying an S-400 is not on the table"
        or any(c.dep_ == "det" and c.lower_ == "no" for c in gov.anchor.children)
        or _negated(gov.anchor)  # "will buy no more Israeli arms"
        or _warned_against(tok)
    ):
        return None
    # "decided not to send Taurus missiles": a supplier's no is a refusal; so is "will not
    # approve the sale", whose verb is the supplier's (not "has not approved a sale in a
    # decade", which only tells that none was made).
    if frame.subject == "supplier" and tok.pos_ == "VERB":
        return REFUSED
    head = _governing(index.get(tok.head.i, ())) if tok.pos_ == "NOUN" else None
    supplier_says_no = (
        head is not None
        and head.subject == "supplier"
        and (_negated(tok.head) or no_longer(tok.head))
        and any(c.tag_ == "MD" for c in tok.head.children)
    )
    return REFUSED if supplier_says_no and frame.subject == "supplier" else "negated"


def _deal_subject(verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> str | None:
    """The stage of a deal noun that is the subject of a verb of supplying ("the package
    provides", "the contract supplies"): the verb tells what the deal covers."""
    if verb.pos_ != "VERB":
        return None
    for subj in (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"):
        for f in index.get(subj.i, ()):
            if f.status in ("ordered", "planned") and f.id in DEAL_FRAMES:
                return f.status
    return None


DEAL_FRAMES = frozenset({"deal-noun", "package-noun", "framework-noun"})


def _own_stage(
    gov: Governor, frame: resources.FrameRecord, tok: Token
) -> tuple[str, str | None, bool]:
    """(stage, stage in the future, lasting) of a frame by itself and its own tense: "will
    deliver" is an order; what "will replace" names is there now, under any modal (lasting),
    and what replaces it ("replace them with Black Hawks") is bought."""
    status, future = frame.status or "unknown", frame.future
    lasting = _lasting(frame)
    if lasting and _replacement(gov.anchor):
        status, future, lasting = "ordered", "planned", False
    if _unreal(tok) and future:
        status = future
        if _possible(tok) and STATUS_RANK.get(status, 0) > STATUS_RANK["planned"]:
            status = "planned"  # "could send", "might deliver": a possibility, not an order
    return status, future, lasting


def _lasting(frame: resources.FrameRecord) -> bool:
    """Whether a frame's stage holds under any tense or modal ("will replace the Hornets",
    "plans to retire its MiG-21s": they are in service now)."""
    return frame.future == frame.status == "in_service"


def _mention_status(
    root: Token, gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> str:
    """The stage of a mention's deal; a rival a choice passed over inside the chosen item's
    phrase ("an order of 36 aircraft over the F/A-18 and the Rafale") was on offer."""
    status = _status(gov, index)
    first = first_conjunct(root)
    if status not in ("negated", "unknown", REFUSED) and _rival(first, index):
        return "offered"
    if status == "cancelled" and gov.token is not None and _chosen(gov.token):
        return "planned"  # "dropped the Caracal in favour of Black Hawks": chosen instead
    if status == "cancelled" and gov.token is not None and _undone(gov.token):
        return "ordered"  # "froze deliveries of F-16s in 2013, before lifting the hold"
    if status == "ordered" and _bought_and_held(gov):
        return "in_service"
    return status


BUYING_FRAMES = frozenset({"buy"})


def _bought_and_held(gov: Governor) -> bool:
    """A weapon a participle says was bought, whose own clause does no more than hold, use,
    fly or replace it ("the navy already flies Super Lynx helicopters bought from Britain",
    "to replace Mirage 5 jets bought from France"): in service with its buyer. A clause that
    moves it on tells its stage itself ("the tanks bought from Germany will arrive in May")."""
    tok, frame = gov.token, gov.frame
    if tok is None or frame is None or frame.id not in BUYING_FRAMES:
        return False
    if not gov.inner and tok.head != gov.anchor:
        return False  # "equipment bought from Russia, including Su-30 fighters" is held too
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or _unreal(tok):
        return False
    # "the Apache helicopters bought from Washington are due to arrive next year": still to come
    clause = first_conjunct(gov.anchor).head
    # "K2 tanks bought from South Korea will replace the T-72s": what it will do holds nothing
    coming = any(c.tag_ == "MD" for c in clause.children)
    # the words of awaiting and of arriving, as the frames of the data have them
    awaiting, arriving = resources.frame_lemmas("expect"), resources.frame_lemmas("arrive")
    if coming or any(
        c.lemma_ in awaiting or (c.dep_ == "xcomp" and c.lemma_ in arriving)
        for c in (clause, *clause.children)
    ):
        return False
    outer = gov.outer_frame
    return outer is None or outer.block or outer.status in HELD


UNDOING = frozenset({"lift", "resume", "reverse", "unfreeze", "unblock"})
"""Verbs that undo a halt in the same sentence ("froze deliveries ..., before lifting the
hold in March")."""
HALTS = frozenset({"hold", "freeze", "ban", "suspension", "embargo", "halt", "it", "decision"})
"""What an undoing verb undoes: the halt itself or the act referred back to."""


def _undone(verb: Token) -> bool:
    """Whether a halt is undone by a later act of the same clause ("froze deliveries in 2013
    before lifting the hold", "suspended the sale and later resumed it")."""
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.head == verb:
            break
        verb = verb.head  # "froze deliveries of F-16s": the halting verb above the noun
    return any(
        t.pos_ == "VERB"
        and t.lemma_ in UNDOING
        and t.i > verb.i
        and (t.dep_ in ("advcl", "conj") or (t.dep_ == "pcomp" and t.head.lower_ == "before"))
        and any(c.dep_ == "dobj" and c.lemma_ in HALTS for c in t.children)
        for t in verb.subtree
    )


def _rival(anchor: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A weapon a choice passed over: the object of a rival preposition of a frame it hangs
    on, directly or through the chosen item's phrase ("chose the F-35 over the Rafale",
    "chose it for an order of 36 aircraft over the F/A-18")."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    head = prep.head
    for _ in range(6):
        if any(prep.lower_ in f.rival_preps for f in index.get(head.i, ())):
            return True
        if head.dep_ not in ("dobj", "pobj", "prep") or head.head == head:
            return False
        head = head.head
    return False


def _ordered_stage(
    gov: Governor, verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> str:
    """How far an order went by what else the clause says: "ordered in 2019 and delivered in
    2022" (delivered), "Brazil's Leopard 1 fleet was bought from Belgium" (in service)."""
    if _delivered_with(verb):
        return "delivered"
    held = (
        "in_service"
        if _held_purchase(gov, index)
        else "delivered"
        if _acted_since(gov, index)
        else "ordered"
    )
    return "displayed" if held != "ordered" and gov.inner and _on_show(verb) else held


ACTING_FRAMES = frozenset({"operate", "fly", "use", "combat"})
"""Frames of a weapon doing something (flying, firing, striking): done, it is in hand."""


def _acted_since(gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a bought weapon has since done something, so it was delivered: the subject of a
    past clause ("TB2 drones bought from Turkey played a decisive role") or a relative clause on
    it ("bought TB2 drones, which have flown strikes")."""
    anchor, outer = gov.anchor, gov.outer
    if gov.inner and outer is not None:
        subject = next((c for c in outer.children if c.dep_ == "nsubj"), None)
        return (
            _done(outer)
            and subject is not None
            and subject.left_edge.i <= anchor.i <= subject.right_edge.i
        )
    return any(
        c.dep_ == "relcl" and _done(c) and any(f.id in ACTING_FRAMES for f in index.get(c.i, ()))
        for c in anchor.children
    )


def _done(verb: Token) -> bool:
    """A past or perfect clause that really happened."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return (verb.tag_ == "VBD" or perfect) and not _unreal(verb) and not _negated(verb)


BOUGHT = "buy"
"""The frame of buying (not of ordering): told in the passive of weapons a state has, a
purchase that is done."""


def _held_purchase(gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A purchase told of weapons a state is said to have: a passive or a participle of buying
    on a possessed weapon ("Brazil's Leopard 1 fleet was bought second-hand", "The army's K9
    howitzers were bought from South Korea in 2017", "The air force's Mi-35s, bought from
    Russia, have been worn down"). What is its own was delivered and is in service; a clause
    that still looks ahead ("will arrive", "are due") holds nothing yet."""
    frame, tok, anchor = gov.frame, gov.token, gov.anchor
    if frame is None or tok is None or frame.id != BOUGHT or tok.pos_ != "VERB":
        return False
    if tok.tag_ != "VBN" or _unreal(tok):
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children) and anchor.dep_ == "nsubjpass"
    described = gov.inner and tok.dep_ in ("acl", "relcl") and tok.head == anchor
    if not (passive or described):
        return False
    if not any(c.dep_ == "poss" for c in anchor.children):
        return False
    outer = gov.outer if described else None
    return outer is None or not (_unreal(outer) or _governing(index.get(outer.i, ())) is not None)


def _built_under_licence(verb: Token) -> bool:
    """A licensed production already done: a past verb with a licence phrase."""
    # "are being built under licence": still under way
    under_way = any(c.lower_ == "being" and c.dep_ == "auxpass" for c in verb.children)
    return (
        verb.tag_ in ("VBD", "VBN")
        and not under_way
        and not _unreal(verb)
        and bool(_licences(verb))
    )


def _passed_on(gov: Governor) -> bool:
    """A clause inside a held weapon's phrase that sends it on to someone named ("Mi-24s,
    several of which have been handed over to Ukraine")."""
    frame, tok, outer = gov.frame, gov.token, gov.outer_frame
    if not gov.inner or frame is None or tok is None or outer is None:
        return False
    if outer.id not in HOLDING or frame.subject not in ("supplier", "theme"):
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ == "to" and any(p.pos_ == "PROPN" for p in c.children))
        or (c.dep_ == "dative" and c.pos_ == "PROPN")
        for c in tok.children
    )


def _in_hand(gov: Governor, status: str) -> str:
    """The stage of a transfer named inside a weapon's phrase (see ``_held_stage``); weapons
    newly in hand at a parade or show named in this or the sentence before ("India's newly
    acquired Rafale fighters flew over Rajpath, closing the Republic Day parade") are on
    display as the state's new acquisition."""
    held = _held_stage(gov, status)
    if held in ("delivered", "in_service") and gov.token is not None and _on_show(gov.token):
        return "displayed"
    return held


DISPLAY = "display-noun"


def _on_show(tok: Token) -> bool:
    """Whether a show is what the clause is about: a show noun in the main clauses of this or
    the sentence before, not in a clause on some noun ("one of which was lost in a crash at an
    air show")."""
    doc = tok.doc
    shows = doc.user_data.get("am_shows")
    if shows is None:
        shows = doc.user_data["am_shows"] = sorted(
            i for i, frames in frame_index(doc).items() if any(f.id == DISPLAY for f in frames)
        )
    lo, hi = sentences_back(tok, 1), sentence(tok).end
    return any(lo <= i < hi and not _in_noun_clause(doc[i]) for i in shows)


def _in_noun_clause(tok: Token) -> bool:
    """Whether a token is inside a clause on a noun: a relative or participle clause, or one
    whose subject is a relative pronoun however the parser hung it ("one of which was lost")."""
    for _ in range(12):
        if tok.dep_ in ("relcl", "acl"):
            return True
        if tok.pos_ in ("VERB", "AUX") and any(
            t.tag_ in ("WDT", "WP")
            for c in tok.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree
        ):
            return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


DEAL_STAGES = frozenset({"leased", "requested", "offered", "planned", "negotiating", "cancelled"})
"""Stages of a deal, before or instead of any delivery, that an outer frame lends a weapon
whose own phrase only says who built it."""


def _awaited(noun: Token) -> bool:
    """Whether a deal noun is what a verb of expecting governs ("is awaiting delivery of",
    "is waiting for the delivery of"): the stage it names is still to come."""
    if noun.pos_ != "NOUN":
        return False
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    index = frame_index(noun.doc)
    return any(f.modal == "future" for t in (head, noun.head) for f in index.get(t.i, ()))


def _to_come(verb: Token) -> bool:
    """Whether a clause is still to come: under a modal ("will receive"), or governed by a
    frame of expecting ("is due to receive", "expects to take")."""
    if _unreal(verb):
        return True
    return verb.dep_ == "xcomp" and any(
        f.modal == "future" for f in frame_index(verb.doc).get(verb.head.i, ())
    )


def _held_stage(gov: Governor, status: str) -> str:
    """The stage of a transfer named inside a weapon's phrase, from what the phrase hangs off:
    "the parade also showed HQ-9 systems received from China" (displayed), "flies A-29s
    delivered by the United States", "commissioned frigates built by China" (in service), "It
    also showed frigates recently bought from Britain", "systems promised by Germany arrived
    last week" (in hand)."""
    outer = gov.outer_frame
    # "K2 tanks, bought from South Korea last year, will arrive in 2025"; but what "will
    # replace" names is in service now (a frame whose stage holds in the future too).
    lasting = outer is not None and _lasting(outer)
    if (
        outer is not None
        and gov.frame is not None
        and gov.frame.id in PRODUCTION_FRAMES
        and outer.status in DEAL_STAGES
    ):
        # "will lease Heron drones built by IAI for its troops": who built them describes the
        # drones; the deal's stage is the lease's.
        return outer.status
    if outer is None or (gov.outer is not None and _to_come(gov.outer) and not lasting):
        return status
    if gov.outer is not None and _negated(gov.outer):
        return status  # "Russia did not deliver the S-400 systems India ordered": ordered
    if gov.outer is not None and _awaited(gov.outer):
        return status  # "is awaiting delivery of 36 F-16s it ordered": ordered
    if lasting and outer.subject != "theme" and first_conjunct(gov.anchor).dep_ == "nsubj":
        return status  # "K2 tanks bought from South Korea will replace the T-72s": the new
    if outer.status == "displayed" and status != "cancelled":
        return "displayed"
    if not (outer.id in POSSESSING or outer.status in ("delivered", "in_service")):
        return status
    rank = STATUS_RANK.get(status, 0)
    if (outer.id in HOLDING or outer.status == "in_service") and rank <= STATUS_RANK["delivered"]:
        return "in_service"  # "a submarine built under licence ... entered service"
    return "delivered" if rank <= STATUS_RANK["ordered"] else status


def _holdings(tok: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether the sentence describes a state's holdings (a fleet, an inventory, systems in
    service): what it says was bought is in service there."""
    sent = sentence(tok)
    return any(
        f.id in ("fleet-noun", "in-service", "into-service", "operational")
        for t in sent
        for f in index.get(t.i, ())
    )


def _delivered_with(verb: Token) -> bool:
    """ "ordered in 2019 and delivered in 2022": a delivery verb coordinated after the order,
    on the same weapons (not "has received Rafales, bought P-8Is", nor "ordered K2 tanks and
    received K9 howitzers")."""
    names = _weapon_tokens(verb.doc)[0]
    return any(
        t.lemma_ in ("deliver", "arrive", "receive", "hand")
        and t.tag_ in ("VBD", "VBN")
        and t.i > verb.i
        and not _negated(t)
        and not _unreal(t)
        and not any(c.dep_ == "dobj" and any(u.i in names for u in c.subtree) for c in t.children)
        for t in verb.conjuncts
    )


def _controller(verb: Token) -> Token | None:
    """Who does what a verb says: its subject, or up a chain of infinitives the object of an
    object-control verb ("prompting the US Navy to send", "urged Berlin to deliver") or the
    subject of the verb above ("Serbia plans to buy")."""
    holder = verb
    for _ in range(4):
        subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if holder.dep_ != "xcomp" or holder.head == holder:
            return None
        obj = next(
            (
                c
                for c in holder.head.children
                if c.dep_ == "dobj" and not _temporal(c) and not _deal_word(c)
            ),
            None,
        )
        if obj is not None:
            return obj
        holder = holder.head
    return None


def _deal_word(noun: Token) -> bool:
    """Whether an object is a deal or a package ("signed contracts to buy"): it does nothing
    an infinitive after it says, as the object of "urged Berlin to deliver" does."""
    return noun.pos_ == "NOUN" and any(f.status for f in frame_index(noun.doc).get(noun.i, ()))


def _weapon_subject(verb: Token) -> bool:
    """Whether a verb's subject is a weapon ("Five Super Etendard jets ... arrived")."""
    named = weapon_tokens(verb.doc)
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(i in named for i in range(c.left_edge.i, c.i + 1))
        for c in verb.children
    )


def _noun_holder(noun: Token) -> Token:
    """What a noun with a clause on it hangs off: its verb, or the verb above its preposition
    ("is in talks to build"), through one more "of" ("is in the final stretch of talks")."""
    if noun.dep_ != "pobj":
        return noun.head
    holder = noun.head.head
    if noun.head.lower_ == "of" and holder.dep_ == "pobj":
        holder = holder.head.head  # "is in the final stretch of talks to build"
    return holder


def _subject_state(holder: Token, resolved: Resolved, skip: set[int]) -> str | None:
    # "Serbia plans to buy", "Russia agreed to deliver", "Manila cancelled a contract to buy":
    # the subject sits on a governing verb.
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
            break
        if _shared_by_participle(holder):
            holder = holder.head.head  # "received Leopards after giving Ukraine BVP-1s"
            continue
        stranded = (
            _stranded_subject(holder)
            or _relative_participle(holder)
            or _reported_participle(holder)
            or _copula_participle(holder)
        )
        if stranded is not None and stranded.i not in skip:
            return resolved.subject_state(stranded)
        controller = _object_controller(holder, skip)
        if controller is not None:
            return resolved.subject_state(controller)
        given = _given_to(holder)
        if given is not None and given.i not in skip:
            return resolved.subject_state(given)  # "has given Turkey another year to deliver"
        owner = next(
            (
                c
                for c in holder.head.children
                if c.dep_ == "poss"
                or (c.dep_ == "amod" and resolved.state_at(c.i) and _infinitive(holder))
            ),
            None,
        )
        if holder.dep_ == "acl" and owner is not None and owner.i not in skip:
            # "Thailand's request to buy", "Egypt's plan to buy", "a Danish request to send":
            # the possessor acts.
            return resolved.subject_state(owner) or resolved.state_at(owner.i)
        if holder.dep_ == "advcl" and holder.tag_ == "VBG" and _weapon_subject(holder.head):
            # "the jets arrived on Monday, giving the navy its first combat aircraft": what
            # the weapons' arrival gives has no giver
            return None
        if holder.dep_ in ("xcomp", "conj", "advcl", "acomp") and holder.head != holder:
            holder = holder.head
        elif _clause_of_noun(holder) and holder.head.dep_ in ("dobj", "pobj", "nsubjpass"):
            holder = _noun_holder(holder.head)
        else:
            break
    if holder.pos_ == "NOUN" and holder.dep_ == "attr":
        holder = holder.head  # "Algeria is one of the largest buyers": the copula's subject
    return _own_subject_state(holder, resolved, skip)


def _own_subject_state(verb: Token, resolved: Resolved, skip: set[int]) -> str | None:
    """The state a verb's own subject stands for; none for a weapon in the passive ("The
    Swedish jet was chosen over the Super Hornet"), unless the passive's subject holds it."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip:
            if c.dep_ == "nsubjpass" and _weapon_word(c) and not _holds_passive(verb):
                return None
            return _gapped_subject(verb, c, resolved) or resolved.subject_state(c)
    return None


def _gapped_subject(verb: Token, subj: Token, resolved: Resolved) -> str | None:
    """The state right before a verb that the parser joined to a gapped clause in its subject
    ("Sweden offered the Gripen, France the Mirage 2000-5 and the United States also proposed
    the F-16": "France" the subject, with the Mirage and the United States after it)."""
    doc = verb.doc
    i = verb.i - 1
    while i > subj.i and doc[i].dep_ in ("advmod", "aux", "auxpass", "neg"):
        i -= 1
    last = doc[i]
    if i <= subj.i or last.dep_ != "conj" or last not in subj.subtree:
        return None
    if not any(subj.i < m.start and m.end <= last.left_edge.i for m in find_weapons(doc)):
        return None
    st = resolved.state_at(last.i)
    return st if st is not None and resources.is_country(st) else None


@lru_cache(maxsize=1)
def _weapon_words() -> frozenset[str]:
    """One-word weapon terms, those that refer back included ("jet", "vessel")."""
    return frozenset(t.term.lower() for t in resources.weapon_terms() if " " not in t.term)


resources.on_reload(_weapon_words.cache_clear)


def _holds_passive(verb: Token) -> bool:
    """Whether a verb's passive subject holds the weapons ("air defences are built around
    Patriot batteries")."""
    return any(f.passive_holder for f in frame_index(verb.doc).get(verb.i, ()))


def _weapon_word(tok: Token) -> bool:
    """Whether a noun is a weapon: a named system or a word for one."""
    return tok.lower_ in _weapon_words() or tok.i in weapon_tokens(tok.doc)


PARTICIPLE_PREPS = frozenset({"after", "before", "by", "while", "since", "without", "despite"})


def _object_controller(holder: Token, skip: set[int]) -> Token | None:
    """The object of a verb above that does what a clause says: "accused Azerbaijan of using",
    "blamed Russia for sending" (the accused acts), "prompting the US Navy to send", "pay
    Russia to supply"."""
    if holder.dep_ == "pcomp" and holder.head.dep_ == "prep":
        # "accused Azerbaijan of using"; in the passive, "Iran was sanctioned for shipping"
        accused = next(
            (c for c in holder.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None
        )
        if accused is not None:
            return accused
    obj = next((c for c in holder.head.children if c.dep_ == "dobj"), None)
    if (
        holder.dep_ == "xcomp"
        and obj is not None
        and not _temporal(obj)
        and not _deal_word(obj)
        and obj.ent_type_ not in AMOUNTS  # "pledged $18 million to help": money helps no one
        and obj.i not in skip
    ):
        return obj
    if (
        holder.dep_ == "advcl"
        and obj is not None
        and obj.i not in skip
        and holder.head.lemma_ in resources.frame_lemmas("pay-for", "fund")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in holder.children)
    ):
        return obj  # "agreed to pay Russia to supply artillery": the one paid supplies
    return None


def _shared_by_participle(verb: Token) -> bool:
    """A gerund after a preposition of time or means on a verb ("after giving Ukraine its
    BVP-1s", "by selling ..."): it shares that verb's subject."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.lower_ in PARTICIPLE_PREPS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _copula_participle(verb: Token) -> Token | None:
    """ "China is by far its biggest supplier, having also provided frigates": a perfect
    participle with no subject that the parser hung on the noun a copula says its subject is
    shares that subject; None for anything else."""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl", "advcl") or noun.dep_ != "attr" or noun.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _relative_participle(verb: Token) -> Token | None:
    """ "Azerbaijan, which has spent heavily on arms, buying T-90S tanks from Russia": a
    participle with no subject right after a relative clause, which the parser hung on the
    main clause, shares the relative clause's subject; None for anything else."""
    if not _bare_participle(verb) or verb.left_edge.i < 3:
        return None
    doc = verb.doc
    if doc[verb.left_edge.i - 1].text != ",":
        return None
    last = doc[verb.left_edge.i - 2]
    clause = next((a for a in (last, *last.ancestors) if a.dep_ == "relcl"), None)
    if clause is None or clause.right_edge.i != last.i or verb in clause.ancestors:
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


def _announced_giver(
    gov: Governor,
    resolved: Resolved,
    parties: tuple[str | None, str | None],
    origin: str | None,
) -> str | None:
    """The supplier, or the state that announces weapons will be handed over to another, in
    the passive with no giver named ("Duda announced that four MiG-29s would be transferred
    to Ukraine"): its own, over the weapons' maker."""
    supplier, recipient = parties
    verb, frame = gov.token, gov.frame
    if supplier not in (None, origin) or recipient is None or verb is None or frame is None:
        return supplier  # "Marles said the first frigate should be delivered": to no one named
    if frame.subject != "supplier" or verb.pos_ != "VERB" or verb.dep_ != "ccomp":
        return supplier
    if not any(c.dep_ == "nsubjpass" for c in verb.children) or any(
        c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from") for c in verb.children
    ):
        return supplier
    if verb.head.lemma_ not in resources.speech_verbs():
        return supplier
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    state = resolved.subject_state(speaker) if speaker is not None else None
    return state if state is not None and state != recipient else supplier


def _reported_participle(verb: Token) -> Token | None:
    """ "The first Su-30SMs have arrived, the prime minister announced, giving the state its
    first modern jets": a participle with no subject that the parser hung on a verb of saying
    tells what the reported clause did; its subject is that clause's."""
    if not _bare_participle(verb) or verb.head.lemma_ not in resources.speech_verbs():
        return None
    said = next((c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if said is None:
        return None
    return next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _bare_participle(verb: Token) -> bool:
    """Whether a verb is an "-ing" participle clause with no subject of its own."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _stranded_subject(verb: Token) -> Token | None:
    """ "Saab is pitching the Gripen E and Russia has offered the MiG-35": a name right before
    a joined verb with no subject of its own (auxiliaries between), which the parser joined to
    the object before it, is that verb's subject; None for anything else."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB":
        return None
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    tok = doc[i]
    if (
        tok.dep_ == "conj"
        and tok.pos_ == "PROPN"
        and tok.head.i < tok.i
        and tok.head.dep_ in ("dobj", "pobj", "conj", "appos")
        and doc[tok.left_edge.i - 1].lower_ == "and"
    ):
        return tok
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _given_to(verb: Token) -> Token | None:
    """Whom an infinitive's head gives the act to ("has given Turkey another year to
    deliver", "allowed Ankara time to pay"): the indirect object does what it says."""
    if verb.dep_ not in ("xcomp", "advcl", "acl") or not _infinitive(verb):
        return None
    if verb.dep_ == "acl" and verb.head.lemma_ not in CONSENT_NOUNS:
        return None  # "gave Turkey the right to export": a right, not an act handed over
    # "has given Poland permission to pass the jets on": the clause on the object given
    giver = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
    return next((c for c in giver.children if c.dep_ == "dative"), None)


def _clause_of_noun(holder: Token) -> bool:
    """A clause on a noun ("a contract to build"), or a deal's worth that the parser made hold
    the clause ("a contract worth A$7 billion to build")."""
    return holder.dep_ == "acl" or (holder.lemma_ == "worth" and holder.dep_ == "amod")


def _temporal(noun: Token) -> bool:
    """An object that is a time ("agreed this autumn to buy", "spent much of the past 15
    years buying"), not a controller."""
    part = next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children),
        None,
    )
    if (
        part is not None
        and part.dep_ == "pobj"
        and noun.pos_ in ("ADJ", "NOUN", "PRON")
        and part.ent_type_ in ("DATE", "TIME")
    ):
        return True
    return noun.ent_type_ in ("DATE", "TIME") or any(
        c.dep_ == "det" and c.lower_ in ("this", "last", "next") for c in noun.children
    )


def _role(frame: resources.FrameRecord, verb: Token, resolved: Resolved, origin: str | None) -> str:
    """What the subject is: passives make it the theme; "either" frames (leases, production)
    decide by a named recipient or by the maker."""
    role = frame.subject or "recipient"
    # "vessels being built in Britain" is the participle "vessels built in Britain": the
    # progressive's "being" makes no passive clause with a subject of its own.
    reduced = verb.dep_ == "acl" and role == "either"
    if (
        any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        and role != "theme"
        and not reduced
    ):
        # "the army is equipped with T-72s", "Saudi Arabia's air defences are built around
        # Patriots": the holder stays the subject, unless that is a weapon of no one named
        # ("a coastal battery armed with the NSM")
        owned = any(
            c.dep_ == "nsubjpass" and any(k.dep_ == "poss" for k in c.children)
            for c in verb.children
        )
        held = frame.passive_holder and (owned or not _weapon_subject(verb))
        return role if held else "theme"
    if frame.object_gained and _gains_a_supply(verb):
        return "recipient"  # "Zelensky won a promise of a Patriot battery"
    if (
        frame.status == "negotiating"
        and role == "recipient"
        and origin is not None
        and _subject_state(verb, resolved, set()) == origin
    ):
        return "supplier"  # "Russia is still negotiating with India over more Su-30MKIs"
    if role == "either":
        # "licensed the design to Poland", "is building eight submarines for Pakistan" (the
        # phrase on the verb or on its object)
        objects = [g for d in verb.children if d.dep_ == "dobj" for g in d.children]
        has_to = any(
            (c.dep_ == "prep" and c.lower_ in ("to", "for") and _pobj_state(c, resolved))
            or c.dep_ == "dative"
            for c in (*verb.children, *objects)
        )
        # "frigates built by China": a participle's agent is its subject.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = (
            _pobj_state(agent, resolved)
            if agent is not None
            else _subject_state(verb, resolved, set())
        )
        if _licensor(verb, resolved) is not None:
            return "recipient"  # "HAL has built Su-30MKIs under licence from Russia"
        # "a C-295 built by Airbus in Spain": built in its home state, by its maker
        home = origin is not None and origin in (subj, _made_in(verb, resolved))
        return "supplier" if has_to or home else "recipient"
    return role


def _made_in(verb: Token, resolved: Resolved) -> str | None:
    """The state a verb of making places the work in ("built by Airbus in Spain")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            st = _pobj_state(prep, resolved)
            if st is not None:
                return st
    return None


def _gains_a_supply(verb: Token) -> bool:
    """Whether a verb's object is a noun of what a supplier hands out (a promise, aid)."""
    index = frame_index(verb.doc)
    return any(
        f.subject == "supplier" and f.status is not None
        for c in verb.children
        if c.dep_ == "dobj"
        for f in index.get(c.i, ())
    )


def _licences(verb: Token) -> list[Token]:
    """The licence nouns of a verb's phrases ("built under licence from Russia")."""
    # the parser may hang the phrase on the object ("built 200 Su-30MKIs under licence")
    holders = (verb, *(c for c in verb.children if c.dep_ == "dobj"))
    return [
        n
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("under", "with")
        for n in c.children
        if n.dep_ == "pobj" and (n.lemma_ in LICENCE or _transfer_deal(n))
    ]


LICENCE = frozenset({"licence", "license"})


def _transfer_deal(noun: Token) -> bool:
    """ "under a technology transfer agreement with France", "under a licensing deal": an
    agreement to build another's design, as a licence is."""
    return noun.lemma_ in ("agreement", "deal", "arrangement") and any(
        c.dep_ in ("compound", "amod") and c.lemma_ in ("transfer", "licensing", *LICENCE)
        for c in noun.children
    )


def _unnamed_licensor(gov: Governor, mention: WeaponMention, recipient: str | None) -> str | None:
    """A licence that names no state ("M1A1 tanks assembled under licence near Cairo"): the
    design's own state grants it, when that is not the state that builds it."""
    if gov.token is None or recipient is None or mention.origin in (None, recipient):
        return None
    return mention.origin if _licences(gov.token) else None


def _licensor(verb: Token, resolved: Resolved) -> str | None:
    """The state a licence comes from ("built under licence from Russia", "under a Russian
    licence"), or the partner of the deal a production serves ("signed a contract with Russia
    to manufacture AK-203 rifles")."""
    for noun in _licences(verb):
        # "under licence from Russia", also with "from" hung beside the licence phrase
        beside = [p for p in noun.head.head.children if p.i == noun.right_edge.i + 1]
        for p in (*noun.children, *beside):
            if p.dep_ in ("amod", "compound", "poss") and (st := resolved.state_at(p.i)):
                return st  # "built under French licence", "under Israel's licence"
            if (
                p.dep_ == "prep"
                and p.lower_ in ("from", "with")
                and (st := _pobj_state(p, resolved))
            ):
                return st
    deal = _purpose_deal(verb)
    if deal is None or _company_subject(deal.head if deal.dep_ == "dobj" else verb, resolved):
        return None  # "Boeing signed an agreement with India to build ...": the maker supplies
    return _deal_partner(deal, resolved)


def _purpose_deal(verb: Token) -> Token | None:
    """The deal noun whose purpose a verb states: "an agreement with Turkish Aerospace to
    produce Anka drones" (a clause on the noun), "signed a contract with Russia to manufacture
    rifles" (a clause on the verb that takes the noun)."""
    if verb.dep_ == "acl":
        nouns = [verb.head]
    elif verb.dep_ in ("advcl", "xcomp"):
        nouns = [c for c in verb.head.children if c.dep_ == "dobj"]
    else:
        return None
    index = frame_index(verb.doc)
    for noun in nouns:
        frame = _governing(index.get(noun.i, ()))
        if noun.pos_ == "NOUN" and frame is not None and frame.status == "ordered":
            return noun
    return None


DESTINED = frozenset({"destine", "intend", "earmark", "bound", "bind", "mean"})
"""Participles that name where weapons go ("destined for", "intended for", "earmarked for")."""


def _destined(noun: Token, resolved: Resolved) -> str | None:
    """The state a participle on a weapon sends it to ("aircraft destined for the Nigerian Air
    Force", "howitzers earmarked for Ukraine")."""
    for clause in noun.children:
        if clause.dep_ not in ("acl", "amod") or clause.lemma_ not in DESTINED:
            continue
        for prep in clause.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                for t in prep.subtree:
                    if t.i != prep.i and (st := resolved.state_at(t.i)):
                        return st
    return None


@dataclass(slots=True)
class Parties:
    supplier: str | None = None
    recipient: str | None = None

    def give(self, role: str, state: str | None) -> None:
        if not state:
            return
        if role == "supplier":
            self.supplier = self.supplier or state
        elif role == "recipient":
            self.recipient = self.recipient or state


def _deal_role(noun: Token, role: str, resolved: Resolved) -> str:
    """The role of a frame's subject or possessor; a package noun that names the other side
    of the deal with "with" ("Qatar's package with Fincantieri") has the buyer as possessor."""
    if role != "supplier" or noun.pos_ != "NOUN":
        return role
    dealt = any(
        c.dep_ == "prep" and c.lower_ == "with" and not _together(c) and _pobj_state(c, resolved)
        for c in noun.children
    )
    return "recipient" if dealt else role


def _arguments(
    verb: Token,
    role: str,
    resolved: Resolved,
    mention_tokens: set[int],
    frame: resources.FrameRecord | None = None,
) -> tuple[str | None, str | None]:
    """(supplier, recipient) from the frame's subject and its from/to/for/by/with phrases."""
    got = Parties()
    role = _deal_role(verb, role, resolved)
    role, beneficiary = _payer_role(verb, role, frame, resolved, mention_tokens, got)
    other = "supplier" if role == "recipient" else "recipient"
    for c in _arg_children(verb):
        # the weapon itself, the "to" phrase it is ("committed to 36 Rafales"), or a phrase of
        # an earlier object
        if (
            c.i in mention_tokens
            or _weapon_phrase(c, mention_tokens, resolved)
            or _before_gap(verb, c, mention_tokens)
        ):
            continue
        if c.dep_ == "dative" and c.pos_ == "ADP":
            got.give("recipient", _pobj_state(c, resolved, refer=True))  # "offered Su-35s to Egypt"
        elif c.dep_ == "prep" and c.lower_ in ("from", *(frame.source_preps if frame else ())):
            if _flown_from(c, frame, resolved):
                continue  # "had been flying Reaper drones from Niamey": where, not whose
            _source_phrase(verb, c, frame, resolved, got)
        elif (
            c.dep_ == "prep"
            and c.lower_ in ("to", "for")
            # "submarines being built for Pakistan by China": a passive's "for" too, when it
            # names the state itself ("intended for operations along the Somali border": not)
            and (
                c.lower_ == "to"
                or role == "supplier"
                or (role == "theme" and _names_itself(c, resolved))
            )
        ):
            # "were talking to France about helicopters": in talks the other side is "to".
            talks = frame is not None and frame.status == "negotiating" and role == "recipient"
            got.give("supplier" if talks else "recipient", _pobj_state(c, resolved, refer=True))
        elif c.dep_ in ("dative", "dobj") and role in ("supplier", "recipient"):
            # "offered Egypt Su-35s", "supplied Ukraine with HIMARS", "asked Washington for";
            # "signed a contract with Hanwha Ocean for two corvettes": the deal's partner.
            got.give(other, _object_party(c, other, resolved))
        elif c.dep_ == "agent":
            got.give(_agent_role(verb, role, frame), _pobj_state(c, resolved))
        elif (
            c.dep_ == "prep"
            and c.lower_ == "with"
            and role == "recipient"
            and not _together(c)
            and not (frame is not None and frame.status in ("displayed", "in_service"))
            and not (frame is not None and frame.payer)  # "financed with loans": the means
        ):
            # "signed a contract with France"; not "paraded missiles, with Russia's minister".
            # A company that signs with a state sells to it ("Navantia has signed a contract
            # with Saudi Arabia").
            got.give(
                "recipient" if _seller_signs(verb, c, resolved) else "supplier",
                _pobj_state(c, resolved),
            )
        elif (
            c.dep_ == "prep"
            and c.lower_ == "with"
            and role == "supplier"
            and frame is not None
            and frame.status == "negotiating"
        ):
            # "Russia is negotiating with India over more Su-30MKIs": the seller's partner buys
            got.give("recipient", _pobj_state(c, resolved))
        elif (
            c.dep_ == "prep"
            and c.lower_ in ("in", "at", "near", "to")
            and role == "theme"
            # "was handed over at the Fincantieri yard": where a supplier's act took place
            and (c.lower_ == "to" or frame is None or frame.subject != "supplier")
        ):
            # "arrived at Cerro Moreno air base near Antofagasta": a known place's state
            arrival = frame is not None and frame.status == "delivered"
            got.give(
                "recipient",
                _pobj_state(c, resolved) or (_place_in(c, resolved) if arrival else None),
            )
        elif c.dep_ == "dobj" and role == "theme":
            # "the tanks reached Ukraine", "reached Polish units"; not "Russian trenches"
            unit = any(
                _forces(t, frame_index(verb.doc)) or t.lemma_ in UNIT_NOUNS
                for t in (c, *c.conjuncts)
            )
            got.give(
                "recipient", resolved.state_at(c.i) or (_state_in(c, resolved) if unit else None)
            )
        elif c.dep_ in ("amod", "compound", "poss") and verb.pos_ == "NOUN":
            got.give(*_noun_owner(c, verb, role, resolved, frame))
    got.give("recipient", _object_destination(verb, role, resolved, mention_tokens))
    licensor = _licensor(verb, resolved)
    got.give("supplier", licensor)
    # "paid for French weapons for the Lebanese army": France sells, not the payer
    seller = beneficiary is not None and _origin_named(verb.doc, mention_tokens, resolved)
    got.give(*_subject_part(verb, role, frame, resolved, mention_tokens, licensor, seller))
    return got.supplier, got.recipient


def _source_phrase(
    verb: Token,
    prep: Token,
    frame: resources.FrameRecord | None,
    resolved: Resolved,
    got: Parties,
) -> None:
    """A "from" phrase of a transfer: its state supplies, and a "to" phrase the parser hung
    inside it ("delivered from Denmark to Ukraine") names the recipient; in "a request from
    Kyiv for Taurus missiles", before what is asked for, it names the asker. A frame's own
    source preposition ("relies on Russia for its jets") names the state itself, not one named
    in its phrase ("on its Russian fighters", "on the border with Ukraine")."""
    if prep.lower_ != "from":
        got.give("supplier", _named_pobj(prep, resolved))
        return
    if _asking_from(verb, prep, frame):
        got.give("recipient", _pobj_state(prep, resolved))
        return
    got.give("supplier", _pobj_state(prep, resolved))
    got.give(
        "recipient",
        next(
            (
                st
                for o in (prep, *(p for p in prep.children if p.dep_ == "pobj"))
                for g in o.children
                if g.dep_ == "prep" and g.lower_ == "to" and (st := _pobj_state(g, resolved))
            ),
            None,
        ),
    )


def _before_gap(verb: Token, phrase: Token, mention_tokens: set[int]) -> bool:
    """Whether a phrase of the verb belongs to another object than the weapon's, which a
    conjunction of the verb's own sets apart: an earlier one ("took delivery of Javelins from
    the United States, and of French radars": "from the United States" is the Javelins') or
    a later one ("has bought Patriot and, from Norway's Kongsberg, the NASAMS system")."""
    if phrase.dep_ not in ("prep", "dative") or not mention_tokens:
        return False
    start, end = min(mention_tokens), max(mention_tokens)
    return any(
        c.dep_ == "cc" and (phrase.i < c.i < start or end < c.i < phrase.i) for c in verb.children
    )


def _payer_role(
    verb: Token,
    role: str,
    frame: resources.FrameRecord | None,
    resolved: Resolved,
    mention_tokens: set[int],
    got: Parties,
) -> tuple[str, str | None]:
    """The subject's part when it pays for another, and the state it pays for: "Washington paid for six patrol boats for
    Vietnam" (the payer gives, the one paid for gets them); "U.S. military aid, much of which
    has paid for F-16s" (the aid's giver supplies and its receiver gets them)."""
    beneficiary = _for_another(verb, role, frame, resolved, mention_tokens)
    got.give("recipient", beneficiary)
    role = role if beneficiary is None else "supplier"
    grant = _paying_grant(verb, role, frame)
    if grant is not None:
        role = "supplier"
        got.give("recipient", _grant_receiver(grant, resolved))
    return role, beneficiary


def _paying_grant(verb: Token, role: str, frame: resources.FrameRecord | None) -> Token | None:
    """The aid or package that pays, as the subject of a payer's frame ("the aid has paid
    for", "aid, much of which has paid for"): a noun of a frame whose subject supplies."""
    if role != "recipient" or frame is None or not frame.payer:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if verb.dep_ == "relcl" and (
        subj.tag_ in RELATIVE_TAGS or any(t.tag_ in RELATIVE_TAGS for t in subj.subtree)
    ):
        subj = verb.head  # "aid, which has paid for", "aid, much of which has paid for"
    frames = frame_index(verb.doc).get(subj.i, ())
    if subj.pos_ == "NOUN" and any(f.subject == "supplier" and f.status for f in frames):
        return subj
    return None


def _grant_receiver(grant: Token, resolved: Resolved) -> str | None:
    """Who gets an aid or a package: its "for" or "to" phrase ("aid to Egypt"), or the
    subject of a verb of receiving it is the object of ("Egypt receives U.S. aid")."""
    for c in grant.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for"):
            state = _pobj_state(c, resolved)
            if state is not None:
                return state
    holder = grant.head.head if grant.dep_ == "pobj" else grant.head
    if grant.dep_ in ("dobj", "pobj") and any(
        f.subject == "recipient" and f.status == "delivered"
        for f in frame_index(grant.doc).get(holder.i, ())
    ):
        subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        return resolved.subject_state(subj) if subj is not None else None
    return None


def _agent_role(verb: Token, role: str, frame: resources.FrameRecord | None) -> str:
    """The part a "by" phrase names: "deliveries by Russia" (the supplier); "the drone has
    been ordered by Britain" (the orderer buys); "NASAMS systems, paid for by the United
    States" (the payer hands them over)."""
    buys = frame is not None and frame.subject == "recipient"
    pays = frame is not None and frame.payer and verb.tag_ == "VBN"
    return "supplier" if (role in ("theme", "supplier") and not buys) or pays else "recipient"


def _for_another(
    verb: Token,
    role: str,
    frame: resources.FrameRecord | None,
    resolved: Resolved,
    mention_tokens: set[int],
) -> str | None:
    """The state a buyer's or payer's frame gets the weapon for, when it is another's."""
    if role != "recipient" or frame is None or not frame.for_another:
        return None
    return _bought_for(verb, resolved, mention_tokens)


def _origin_named(doc: Doc, mention_tokens: set[int], resolved: Resolved) -> bool:
    """Whether a modifier of the weapon's words names a state ("French weapons",
    "Slovak-made howitzers")."""
    return any(
        resolved.state_at(t.i) is not None
        for i in mention_tokens
        for c in doc[i].children
        if c.dep_ in ("amod", "compound", "poss") and c.i not in mention_tokens
        for t in c.subtree
    )


def _bought_for(verb: Token, resolved: Resolved, mention_tokens: set[int]) -> str | None:
    """The state a buyer or payer gets weapons for: a "for" phrase of the verb or of the
    weapon's noun whose object is a state or one of its own ("for Ukraine", "for the Lebanese
    army"), other than the subject's; not a group in it ("for Syrian rebels")."""
    subject = _subject_state(verb, resolved, mention_tokens)
    for h in (verb, *_nouns_below(verb, mention_tokens)):
        for c in h.children:
            if c.dep_ not in ("prep", "dative") or c.lower_ != "for" or c.i in mention_tokens:
                continue
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            # "paid for French weapons", "an order for Baykar's Akinci drones": what is paid
            # for, the weapon's own noun
            if obj is None or any(t.i in mention_tokens for t in obj.subtree):
                continue
            state = resolved.state_at(obj.i)
            if state is None and obj.lemma_ not in resources.speaker_words():
                state = next(
                    (
                        st
                        for m in obj.children
                        if m.dep_ in ("amod", "compound", "poss") and (st := resolved.state_at(m.i))
                    ),
                    None,
                )
            if state is not None and subject is not None and state != subject:
                return state
    return None


def _nouns_below(verb: Token, mention_tokens: set[int]) -> list[Token]:
    """The weapon's words and the nouns between them and their verb ("fund the refurbishment
    of 90 T-72 tanks": "tanks", "refurbishment")."""
    found: list[Token] = []
    for i in sorted(mention_tokens):
        tok = verb.doc[i]
        for _ in range(6):
            if tok == verb or tok in found:
                break
            if tok.i in mention_tokens or tok.pos_ in ("NOUN", "PROPN"):
                found.append(tok)
            if tok.head == tok:
                break
            tok = tok.head
    return found


def _subject_part(
    verb: Token,
    role: str,
    frame: resources.FrameRecord | None,
    resolved: Resolved,
    mention_tokens: set[int],
    licensor: str | None,
    seller_named: bool = False,
) -> tuple[str, str | None]:
    """The part a frame's subject plays, and its state: the verb's subject, a copula's
    subject for a noun it describes, or who holds the talks a noun names; none for one who
    pays for another's weapons from a seller named ("French weapons for the Lebanese army")."""
    if seller_named:
        return role, None
    if verb.pos_ != "NOUN" or _has_subject(verb):  # "will license-produce", tagged a noun
        # "is awaiting the THAAD approved for sale": a participle's doer is not the subject
        # of what its noun hangs off, but for a buyer ("replacing them with Rafales bought").
        passive = verb.dep_ == "acl" and verb.tag_ == "VBN" and not _has_subject(verb)
        skip_subject = passive and role != "recipient"
        subject = None if skip_subject else _subject_state(verb, resolved, mention_tokens)
        # "Rheinmetall unveiled the KF51", "KNDS showed its Leclerc": a maker supplies; one
        # building under another's licence builds for its own state.
        maker = _company_subject(verb, resolved) and licensor is None
        if role == "theme" and _retained_object(verb):
            return "recipient", subject  # "Greece was offered Marder vehicles": the one given
        return ("supplier" if maker else role), subject
    if verb.dep_ in ("attr", "appos") or (verb.dep_ == "pobj" and verb.head.head.dep_ == "attr"):
        # "Algeria is one of the largest buyers of Russian weapons", "Russia, India's supplier".
        holder = verb if verb.dep_ != "pobj" else verb.head.head
        st = (
            _subject_state(holder.head, resolved, mention_tokens)
            if holder.dep_ == "attr"
            else resolved.state_at(holder.head.i)
        )
        return role, st
    if verb.dep_ == "dobj" and frame is not None and verb.head.lemma_ in frame.doer_verbs:
        # "Venezuela has held talks with Russia about T-72 tanks": who holds the talks;
        # "Bolivia submitted a request for surveillance aircraft": who asks
        return role, _subject_state(verb.head, resolved, mention_tokens)
    return role, None


def _retained_object(verb: Token) -> bool:
    """Whether a passive keeps a direct object ("Greece was offered Marder vehicles", "was
    sold 24 jets"): its subject is then the one given to, not what is given."""
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "dobj" in deps


def _object_destination(
    verb: Token, role: str, resolved: Resolved, mention_tokens: set[int]
) -> str | None:
    """The state a "to" or "for" phrase the parser hung on a sent object names ("sent Kirpi
    vehicles and TB2 drones to Tripoli", the phrase on the last item; "is building three
    corvettes for it"); only for a supplier's verb."""
    if role != "supplier":
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for item in (obj, *obj.conjuncts):
            for prep in item.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ in ("to", "for")
                    and prep.i not in mention_tokens
                ):
                    st = _pobj_state(prep, resolved, refer=True)
                    if st is not None:
                        return st
    return None


def _asking_from(noun: Token, prep: Token, frame: resources.FrameRecord | None) -> bool:
    """Whether a "from" phrase on a request noun names who asks: it comes before the "for"
    phrase of what is asked for ("a request from Kyiv for Taurus missiles")."""
    if frame is None or frame.status != "requested" or noun.pos_ != "NOUN":
        return False
    # the "for" phrase on the noun, or hung on the asker ("from Kyiv for Taurus missiles")
    heads = [noun, *(c for c in prep.children if c.dep_ == "pobj")]
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and c.i > prep.i for h in heads for c in h.children
    )


def _built_in(gov: Governor, resolved: Resolved) -> str | None:
    """The state a weapon was built in, from a participle on its phrase ("A-29s, built in
    Brazil and delivered in 2020"): the maker's state, unless built under licence."""
    verb, frame = gov.token, gov.frame
    if verb is not None and frame is not None and verb.dep_ == "conj":
        made = next(
            (f for f in frame_index(verb.doc).get(verb.head.i, ()) if f.id == MAKING_FRAME), None
        )
        if made is not None:  # "built in Germany and sold to Colombia": the building verb
            verb, frame = verb.head, made
    if not gov.inner or verb is None or frame is None or frame.subject != "either":
        return None
    if not frame.supplier_named or _licensor(verb, resolved) is not None:
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return _pobj_state(prep, resolved) if prep is not None else None


def _object_party(obj: Token, role: str, resolved: Resolved) -> str | None:
    """The state an object names, or a deal noun's partner; a company is never the buyer
    ("Saab has offered the Gripen, Lockheed Martin the F-16")."""
    named = resolved.by_token.get(obj.i)
    if role == "recipient" and named is not None and resources.is_company(named.actor):
        return None
    found = resolved.state_at(obj.i) or _deal_partner(obj, resolved)
    if found is None and role == "recipient" and _state_description(obj):
        # "Russia has provided the North with air defence systems"
        found = resolved.antecedent(obj)
    return found


def _state_description(tok: Token) -> bool:
    """Whether a word is a definite description of one state ("the country", "the North"; not
    "the three countries")."""
    ref = resources.reference(tok)
    return ref is not None and ref.kind == "state" and tok.tag_ != "NNS"


def _flown_from(prep: Token, frame: resources.FrameRecord | None, resolved: Resolved) -> bool:
    """Whether a "from" phrase of a frame of holding says where the weapons are used from."""
    return (
        prep.lower_ == "from"
        and frame is not None
        and frame.status == "in_service"
        and _from_a_place(prep, resolved)
    )


def _from_a_place(prep: Token, resolved: Resolved) -> bool:
    """Whether a "from" phrase names a city, a capital or a base rather than a state
    ("flying Reaper drones from Niamey")."""
    return any(
        p.dep_ == "pobj" and (resolved.place_at(p.i) is not None or resolved.capital_at(p.i))
        for p in prep.children
    )


def _next_source(root: Token, gov: Governor, resolved: Resolved) -> str | None:
    """ "bought Javelin missiles from the United States and CV90 vehicles from the
    Netherlands", parsed as one source phrase holding the second weapon: a weapon is no
    source, so its supplier is the next "from" phrase on the verb."""
    later = _later_source(root)
    return _pobj_state(later, resolved) if later is not None else None


def _later_source(root: Token) -> Token | None:
    """The "from" phrase after a weapon the parser put inside an earlier "from" phrase."""
    head = _own_noun(root)
    if head.dep_ != "pobj" or head.head.lower_ != "from":
        return None
    verb = head.head.head
    return next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > head.i),
        None,
    )


def _fused_dative(obj: Token, gov: Governor, role: str, resolved: Resolved) -> str | None:
    """A receiving country the parser fused into a supplier's object as its first modifier
    ("sells India transport aircraft"): a country's name, not a demonym, opens the phrase."""
    if role != "supplier" or obj.dep_ != "dobj" or obj.head != gov.token:
        return None
    first = obj.doc[obj.left_edge.i]
    if first.dep_ != "compound" or first.pos_ != "PROPN" or first.head != obj:
        return None
    mention = resolved.by_token.get(first.i)
    state = resolved.state_at(first.i)
    if mention is None or state is None or not resources.is_country(state):
        return None
    actor = resources.actors_by_id().get(mention.actor)
    name = obj.doc[mention.start : mention.end].text
    return state if actor is not None and name not in actor.demonyms else None


def _noun_owner(
    c: Token, noun: Token, role: str, resolved: Resolved, frame: resources.FrameRecord | None
) -> tuple[str, str | None]:
    """The party a frame noun's possessor or state modifier is: "Serbia's fleet", "its ageing
    fleet of Kfir jets" (what "its" stands for), "a Ukrainian request", "a rival U.S. offer"."""
    if c.dep_ != "poss":
        messages = frame is not None and frame.status in MESSAGES and c.i < noun.i
        return (frame.subject or role if frame else role), (
            resolved.state_at(c.i) if messages else None
        )
    owner = (frame.possessor if frame is not None else None) or role
    state = _state_in(c, resolved) or resolved.antecedent(c)
    # "Russia's delivery of S-400s to India": a recipient phrase of its own names the receiver
    sent = any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in noun.children)
    if (
        owner == "supplier"
        and not sent
        and (_received(noun) or _foreign_goods(noun, state, resolved))
    ):
        owner = "recipient"  # "Serbia received its first batch", "India's first batch arrived"
    return (owner if owner != "theme" else "recipient"), state


def _foreign_goods(noun: Token, owner: str | None, resolved: Resolved) -> bool:
    """Whether a delivery noun brings its possessor another state's weapons, named by a plain
    demonym ("India's first deliveries of the Russian S-400")."""
    if owner is None:
        return False
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for item in prep.children:
            for c in item.children:
                st = resolved.state_at(c.i) if c.dep_ == "amod" and "-" not in c.text else None
                if st is not None and st != owner and resources.is_country(st):
                    return True
    return False


def _received(noun: Token) -> bool:
    """Whether a deal noun is what a receiving frame governs ("took delivery of its first
    shipment", "its first batch arrived"): its possessor receives."""
    index = frame_index(noun.doc)
    tok = noun
    for _ in range(4):
        if tok.dep_ not in ("dobj", "pobj", "prep", "nsubj", "nsubjpass") or tok.head == tok:
            return False
        tok = tok.head
        frame = _governing(index.get(tok.i, ()))
        if frame is None or not frame.status or tok.pos_ == "NOUN":
            continue  # "took delivery of its first shipment": the verb decides
        if frame.subject == "theme":
            # "its first batch arrived from France", not "Germany's donation reached Ukraine"
            return not any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("in", "at", "to"))
                for c in tok.children
            )
        return frame.subject == "recipient"
    return False


def _seller_signs(verb: Token, prep: Token, resolved: Resolved) -> bool:
    """Whether a company signs a deal "with" a state that is no company: it sells to it."""
    signer = verb.head if verb.pos_ == "NOUN" and verb.dep_ == "dobj" else verb
    partner = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if partner is None or _pobj_state(prep, resolved) is None:
        return False
    firms = (resolved.by_token.get(t.i) for t in partner.subtree)
    if any(m is not None and resources.is_company(m.actor) for m in firms):
        return False  # "signed a contract with Norway's Kongsberg"
    return _company_subject(signer, resolved)


def _deal_partner(noun: Token, resolved: Resolved) -> str | None:
    """The state behind a deal noun's "with" phrase ("a contract with Hanwha Ocean"), also
    past its worth ("a contract worth about $375 million with BrahMos Aerospace")."""
    if noun.pos_ != "NOUN":
        return None
    withs = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"]
    withs += [p for c in noun.children for p in _past_worth(c)]
    return next((st for p in withs if (st := _pobj_state(p, resolved))), None)


def _company_subject(verb: Token, resolved: Resolved) -> bool:
    """Whether a company is the subject ("Rheinmetall unveiled", "Hyundai Heavy Industries,
    which also won an order")."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            # the subject's own phrase, not a clause the parser hung on it ("Budapest ordered
            # H145Ms and, in 2018, 16 H225Ms built by Airbus": Budapest is no maker)
            tokens = list(c.doc[c.left_edge.i : c.i + 1])
            for k in c.children:
                if k.i > c.i and k.dep_ == "appos" and k.pos_ == "PROPN":
                    tokens += k.doc[k.left_edge.i : k.i + 1]  # "the builder, Hanwha Ocean"
                elif k.i > c.i and k.dep_ == "prep" and k.lower_ == "of":
                    tokens += k.subtree  # "a unit of Lockheed Martin"
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                head = verb.head  # the relative pronoun stands for the noun the clause is on
                tokens = list(head.doc[head.left_edge.i : head.i + 1])
            return any(
                (m := resolved.by_token.get(t.i)) is not None and resources.is_company(m.actor)
                for t in tokens
            )
    return False


def _service_holder(gov: Governor, resolved: Resolved) -> str | None:
    """The state a weapon is "in service with", where the phrase is the weapon's own ("the
    Su-35 fighters now in service with the Chinese military were absent")."""
    if gov.frame is None or gov.frame.id not in SERVICE_FRAMES:
        return None
    index = frame_index(gov.anchor.doc)
    for prep in gov.anchor.children:
        if prep.dep_ != "prep" or not any(f.id in SERVICE_FRAMES for f in index.get(prep.i, ())):
            continue
        for noun in prep.children:
            for holder in noun.children:
                if holder.dep_ == "prep" and holder.lower_ in ("with", "in"):
                    return _pobj_state(holder, resolved)
    return None


def _named_pobj(prep: Token, resolved: Resolved) -> str | None:
    """The state a preposition's object is itself ("on Russia", "to Beijing")."""
    return next(
        (
            st
            for c in prep.children
            if c.dep_ == "pobj"
            for t in (c, *c.conjuncts)
            if (st := resolved.state_at(t.i)) and resources.is_country(st)
        ),
        None,
    )


def _pobj_state(prep: Token, resolved: Resolved, *, refer: bool = False) -> str | None:
    """The state a preposition's object names; with ``refer``, also one a pronoun or a
    description refers back to ("will build four corvettes for the navy", "is building three
    corvettes for it")."""
    for c in prep.children:
        if c.dep_ == "pobj" and c.lemma_ in resources.relational_nouns():
            return None  # "supplied MRAPs to US allies": the allies are not the United States
        if c.dep_ in ("pobj", "pcomp"):
            named = _state_in(c, resolved, skip=_stationed(c))
            if named or not refer or c.dep_ != "pobj":
                return named
            # "sold drones to all three governments": the first of the group, the rest are
            # coordinated with it; "to third countries" names none
            if c.tag_ == "NNS" and any(a.lower_ in UNNAMED_OTHERS for a in c.children):
                return None
            if c.tag_ == "NNS":  # a plural stands for its group or none
                return next(iter(resolved.group(c)), None)
            return resolved.antecedent(c)
    return None


def _names_itself(prep: Token, resolved: Resolved) -> bool:
    """Whether a preposition's object is a state or its forces, not a phrase that only
    mentions one further in ("for Pakistan", "for the Pakistani navy"; not "for operations
    along the Somali border")."""
    return any(
        c.dep_ == "pobj"
        and (
            resolved.state_at(c.i) is not None
            or any(
                k.dep_ in ("amod", "compound", "poss") and resolved.state_at(k.i)
                for k in c.children
            )
        )
        for c in prep.children
    )


def _place_in(prep: Token, resolved: Resolved) -> str | None:
    """The state of the first place the places data knows in a preposition's phrase."""
    return next((st for t in prep.subtree if (st := resolved.place_at(t.i))), None)


# Grammar: words by which a plural names states left unnamed ("third countries").
UNNAMED_OTHERS = frozenset({"third", "other", "foreign", "several", "many", "some"})

STATION_PREPS = frozenset({"in", "at", "near", "inside", "on"})


def _stationed(noun: Token) -> set[int]:
    """The words of where forces are ("for its troops in southern Afghanistan"): a place they
    are in, not whose they are."""
    if not _forces(noun, frame_index(noun.doc)):
        return set()
    return {
        t.i
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in STATION_PREPS
        for t in c.subtree
    }


def _modifier_parties(
    doc: Doc, mention: WeaponMention, anchor: Token, resolved: Resolved, origin: str | None
) -> tuple[str | None, str | None]:
    """Supplier or operator named inside the noun phrase: "Russian-made", "Serbia's", "Chinese"."""
    got = Parties()
    if _later_source(mention.root(doc)) is not None:
        return None, None  # the phrase is a source the parser ran into the weapon's
    own = _own_conjunct(mention.root(doc), anchor)
    end = mention.end
    if own.dep_ == "compound" and own.head.lemma_ in resources.frame_lemmas(HOLDINGS_FRAME):
        # "Malaysia's Russian-built Su-30MKM fleet": the fleet's modifiers are the weapon's
        own, end = own.head, own.head.i
    spans = [range(own.left_edge.i, end)]
    shared = _shared_modifier(doc, mention, own.left_edge.i, resolved)
    if shared is not None:
        spans.append(range(shared, own.left_edge.i))
    for i in (i for span in spans for i in span):
        if doc[i].dep_ == "poss" and not resolved.state_at(i) and doc[i + 1].lower_ != "own":
            # "its", "their", "the country's": what the possessor stands for; "their own" is
            # the subject's, whichever side it is on; "Uganda, whose Su-30MK2 fighters"
            whose = doc[i].lower_ == "whose"
            got.give(
                "recipient",
                _possessor(doc, doc[i].head, resolved) if whose else resolved.antecedent(doc[i]),
            )
        st = resolved.state_at(i)
        if not st:
            continue
        tok = doc[i]
        supplied = supplier_suffixed(doc, i, i + 1)  # "Russian-made", "U.S.-supplied"
        maker = (m := resolved.by_token.get(i)) is not None and resources.is_company(m.actor)
        if maker or _ex_holder(doc, i):
            # "Boeing's F/A-18", "Dassault Aviation's Rafale"; "ex-Dutch F-16s", "former
            # Belgian frigates": the state that held them hands them over
            got.give("supplier", st)
        elif supplied or (origin and st == origin):
            got.give("supplier", st)  # "Russian-made", "Britain's Challenger 2 tanks"
        elif _co_origin(doc, i, resolved):
            continue  # "the Swedish-British Gripen": a partner in the design, not its holder
        elif (
            (i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s"))
            or tok.dep_ == "poss"
            or tok.lower_ in ("its", "their")
        ):
            got.give("recipient", st)  # "Serbia's MiG-29s" are Serbia's
        elif tok.dep_ == "nmod" and tok.pos_ == "PROPN" and i > 0 and doc[i - 1].pos_ == "VERB":
            got.give("recipient", st)  # "sold Morocco 36 CAESAR howitzers", parsed as one phrase
        elif tok.ent_type_ == "NORP" or tok.dep_ in ("amod", "compound"):
            # "Serbian MiG-29s": the operator; "Chinese drones" in a Serbia story: the maker.
            got.give("supplier" if origin is None and mention.system is None else "recipient", st)
    return got.supplier, got.recipient


def _ex_holder(doc: Doc, i: int) -> bool:
    """Whether a state word is marked as a weapon's former holder ("ex-Dutch", "former
    Belgian")."""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "ex":
        return True
    return i >= 1 and doc[i - 1].lower_ in ("ex", "former", "formerly")


def _co_origin(doc: Doc, i: int, resolved: Resolved) -> bool:
    """Whether a state word is hyphened to another ("Swedish-British", "Franco-Italian"): the
    pair names the partners that designed a weapon."""
    before = i >= 2 and doc[i - 1].text == "-" and resolved.state_at(i - 2) is not None
    after = i + 2 < len(doc) and doc[i + 1].text == "-" and resolved.state_at(i + 2) is not None
    return before or after


def _pair(doc: Doc, i: int, resolved: Resolved) -> set[str | None]:
    """The states of a hyphened pair around a state word ("Swedish-British")."""
    near = [j for j in (i - 2, i, i + 2) if 0 <= j < len(doc)]
    return {resolved.state_at(j) for j in near}


def _shared_modifier(
    doc: Doc, mention: WeaponMention, start: int, resolved: Resolved
) -> int | None:
    """Where a list's shared origin starts: "Russian Su-27 and Su-30 fighters", "U.S.-supplied
    M109 howitzers and Abrams tanks". Read leftwards over the other items only (names, their
    nouns, "and", commas); a state inside another item's phrase ("jets from the United States
    and Gripen fighters") is not shared."""
    if start > mention.start or any(resolved.state_at(i) for i in range(start, mention.start)):
        return None
    if doc[start].dep_ == "det" and doc[start].lower_ in ("the", "a", "an"):
        return None  # "the Finnish Patria AMV and the CV90": an item with its own article
    names = _weapon_tokens(doc)[0]
    floor = sentence(doc[mention.start]).start
    j, crossed = start - 1, False
    while j >= floor:
        tok = doc[j]
        if j in names or _weapon_noun(doc, tok):
            crossed = True
        elif resolved.state_at(j) or _possessive_pronoun(tok):
            break
        elif _item_word(doc, tok):
            pass  # "Russian Mi-24 helicopters, Su-25 ground-attack jets and L-39 trainers"
        elif not (tok.dep_ == "cc" or tok.text in (",", "-") or SUPPLIER_SUFFIX.match(tok.lower_)):
            break
        j -= 1
    if j < floor or not (resolved.state_at(j) or _possessive_pronoun(doc[j])):
        return None
    named = resolved.by_token.get(j)
    if named is not None and named.start < j:
        j = named.start  # "Russian-built", read as one name: from its first word
    if not crossed and (j != start - 1 or mention.system is None):
        return None  # right before the phrase: "Russian Su-27 fighters" parsed apart
    tok = doc[j]
    if _possessive_pronoun(tok):
        return j  # "its F-15SG and F-16 fighters": the list's possessor
    after = doc[j + 1].text if j + 1 < len(doc) else ""
    maker = after == "-" and j + 2 < len(doc) and doc[j + 2].lower_ in MAKER_WORDS
    if maker and mention.origin not in (None, resolved.state_at(j)):
        return None  # "Polish-made Grom missiles and Stingers": the Stinger is American
    if (
        tok.ent_type_ == "NORP"
        or tok.pos_ == "ADJ"
        or after in ("-", "'s", "’s")
        or "-" in tok.text
    ):
        return j
    return None


MAKER_WORDS = frozenset({"made", "built", "designed", "produced", "manufactured"})
"""Participles after a state that name a weapon's maker, a fact of its design."""


def _possessive_pronoun(tok: Token) -> bool:
    return tok.dep_ == "poss" and tok.lower_ in ("its", "their")


def _item_word(doc: Doc, tok: Token) -> bool:
    """A word of a listed weapon's own description ("ground-attack" of "Su-25 ground-attack
    jets", "light" of "light helicopters"): a modifier of a weapon noun after it."""
    head = tok
    for _ in range(2):
        if head.dep_ not in ("compound", "amod", "nummod", "npadvmod") or head.head.i <= tok.i:
            return False
        head = head.head
        if _weapon_noun(doc, head):
            return True
    return False


def _weapon_tokens(doc: Doc) -> tuple[frozenset[int], frozenset[int]]:
    """(tokens inside weapon mentions, the head nouns of the mentions: "M109 howitzers")."""
    cached = doc.user_data.get("am_weapon_tokens")
    if cached is None:
        mentions = find_weapons(doc)
        names = frozenset(i for m in mentions for i in range(m.start, m.end))
        roots = [doc[m.start : m.end].root for m in mentions]
        # a name's head noun ("M109 howitzers"), not the word it hangs on ("alongside")
        heads = frozenset(
            t.i for r in roots for t in (r, r.head) if t == r or t.pos_ in ("NOUN", "PROPN")
        )
        cached = doc.user_data["am_weapon_tokens"] = (names, heads)
    return cached


def _weapon_noun(doc: Doc, tok: Token) -> bool:
    """Whether a token is the head noun of a weapon mention ("M109 howitzers", "tanks")."""
    return tok.i in _weapon_tokens(doc)[1]


def _gapped_maker(doc: Doc, mention: WeaponMention, resolved: Resolved) -> str | None:
    """The state of a maker or giver named right before a weapon in a gapped clause ("Saab
    has offered the Gripen, Lockheed Martin the F-16 Block 70 and Dassault the Rafale";
    "Italy supplied five A109 helicopters, and the United States eleven T-6C trainers"). A
    state counts only after a first clause with an object and no state given to ("supplied
    Poland and Hungary 20 jets", "sold Syria S-300s, and Iran Su-35s": those are given to)."""
    i = mention.start - 1
    while i >= 0 and doc[i].like_num:
        i -= 1  # "the United States eleven T-6C trainers"
    if i >= 0 and doc[i].lower_ in ("the", "its", "their"):
        i -= 1  # "and Spain's Navantia its S-80 Plus"
    maker = resolved.by_token.get(i) if i >= 0 else None
    if maker is None or maker.start == 0:
        return None
    b = maker.start - 1
    owner = resolved.by_token.get(b - 1) if doc[b].text in ("'s", "’s") else None
    if owner is not None and resources.is_company(maker.actor):
        b = owner.start - 1  # "Spain's Navantia": the company's own state before it
    if b > 0 and doc[b].lower_ == "the":
        b -= 1
    before = doc[b]
    if not (before.is_punct or before.lower_ == "and"):
        return None
    if resources.is_company(maker.actor):
        return maker.state
    rec = resources.actors_by_id().get(maker.actor)
    if rec is None or maker.text in rec.demonyms or doc[i].pos_ not in ("PROPN", "NOUN"):
        return None  # "ordered Korean launchers and American HIMARS": an origin, no giver
    clause = doc[doc[maker.start].sent.start : b]
    subject = {s.i for t in clause if t.dep_ == "nsubj" for s in t.subtree}
    if any(resolved.state_at(t.i) and t.i not in subject for t in clause):
        return None  # "sold Syria S-300s, and Iran Su-35s": Iran is given to
    objects = [t for t in clause if t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN")]
    return maker.state if objects else None


def _maker_possessive(doc: Doc, mention: WeaponMention, resolved: Resolved) -> str | None:
    """The state of a company named as the weapon's possessor ("Boeing's F/A-18")."""
    i = mention.start - 1
    if i < 1 or doc[i].text not in ("'s", "’s"):
        return None
    m = resolved.by_token.get(i - 1)
    return m.state if m is not None and resources.is_company(m.actor) else None


def _own_conjunct(root: Token, anchor: Token) -> Token:
    """The phrase a mention's modifiers are read from: the anchor's, or the mention's own
    conjunct when it is one item of a list ("jets from the United States and new Gripen
    fighters": "United" belongs to another item)."""
    tok = root
    for _ in range(8):
        if tok.dep_ == "conj":
            return tok
        if tok.dep_ == "pobj" and tok.head.lower_ in BESIDE_PREPS:
            return tok  # "Russian-built Su-27s alongside older F-16s": an item of its own
        if tok == anchor or tok.head == tok:
            break
        tok = tok.head
    return anchor


BESIDE_PREPS = frozenset({"alongside", "besides", "beside", "plus"})
"""Prepositions that add another item to a list of weapons, with modifiers of its own."""


def _operator(holder: Token, gov: Governor, resolved: Resolved, skip: set[int]) -> str | None:
    """The state holding a weapon whose own clause names a transfer: the subject of what its
    phrase hangs off, unless that names only the clause's source ("launchers of the S-300
    bought from Moscow paraded": the seller) or is a company, which makes weapons, not holds
    them."""
    operator = _subject_state(holder, resolved, skip)
    assert gov.token is not None
    if operator is not None and _named_only_in(operator, gov.token, holder, resolved):
        return None
    if (
        gov.token.dep_ == "acl"
        and holder.pos_ in ("VERB", "AUX")
        and _company_subject(holder, resolved)
    ):
        return None  # "Lockheed Martin presented the first F-16 built for Bahrain": its maker
    return operator


def _named_only_in(state: str, clause: Token, holder: Token, resolved: Resolved) -> bool:
    """Whether the subject of ``holder`` names ``state`` only inside a weapon's own clause
    (``clause``), as its source, not as the one that holds it."""
    inside = {t.i for t in clause.subtree}
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    named = [t.i for s in subjects for t in s.subtree if resolved.state_at(t.i) == state]
    return bool(named) and all(i in inside for i in named)


def _owner_before_list(mention: WeaponMention, root: Token, owner: str | None) -> str | None:
    """The state owning the first item of a list, when it is the item's origin and the only
    "from" phrase on the item comes after a later item, where the parser hung the last item's
    source on the first ("choosing between Sweden's Gripen E and new F-16s from the United
    States")."""
    if owner is None or owner != mention.origin:
        return None
    last = max((c.i for c in root.conjuncts), default=root.i)
    after = any(c.dep_ == "prep" and c.lower_ == "from" and c.i > last for c in root.children)
    return owner if after else None


def _made_where(
    frame: resources.FrameRecord, sup: str | None, rec: str | None, holder: str | None
) -> tuple[str | None, str | None]:
    """ "The navy's frigates were built in Germany": where a state's weapons were made is
    their maker, not their buyer (who is the holder)."""
    if frame.made_in and sup is None and holder not in (None, rec):
        return rec, None
    return sup, rec


def _foreign_possessor(
    own: Token, gov: Governor, state: str | None, resolved: Resolved
) -> str | None:
    """The state a weapon's possessor names, unless a possessive pronoun ("their boats")
    stands for the state that is, or is listed with, the subject of the frame's clause:
    "Tuvalu and Tonga will receive their boats" (each its own, no supplier)."""
    if state is None or gov.token is None:
        return state
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in own.children):
        return state
    subjects = _clause_subjects(gov.token)
    own_state = any(resolved.state_at(t.i) == state for c in subjects for t in (c, *c.conjuncts))
    return None if own_state else state


def _parties(
    doc: Doc, mention: WeaponMention, gov: Governor, resolved: Resolved
) -> tuple[str | None, str | None]:
    """Supplier and recipient of a mention: the frame's arguments, a deal noun's verb, the
    noun phrase, and for a frame inside the phrase the subject of what the phrase hangs off."""
    assert gov.token is not None and gov.frame is not None
    root = mention.root(doc)
    skip = set(range(mention.start, mention.end)) | {gov.anchor.i, root.i}
    role = _role(gov.frame, gov.token, resolved, mention.origin)
    got = Parties()
    # "UH-1 Hueys supplied by the United States and Polish-built W-3 Sokols": a list that
    # states a source beside each item gives each its own, whatever the parse joined.
    sends = role == "supplier" and any(c.dep_ == "nsubj" for c in gov.token.children)
    item = _item_sources(doc, resolved).get(mention.start)
    if item is not None and not sends:  # "Poland will send Russian-built MiG-29s and ..."
        got.give("supplier", item[0])
    got.give("supplier", _next_source(root, gov, resolved))
    if gov.source is not None:
        got.give("supplier", _subject_state(gov.source, resolved, skip))
    got.give("supplier", _former_holder(root, resolved))  # "retired from Japan's navy"
    got.give("supplier", _retired_by(gov.token, resolved))
    gapped = _gapped_maker(doc, mention, resolved)
    got.give("supplier", gapped)  # "Saab has offered the Gripen, Lockheed Martin the F-16"
    got.give("supplier", _maker_possessive(doc, mention, resolved))  # "Boeing's F/A-18"
    modified = _modifier_parties(doc, mention, gov.anchor, resolved, mention.origin)
    got.give("supplier", _first_source(doc, mention, gov, resolved, modified[0]))
    own = _own_noun(root)
    if own.dep_ == "conj" and (
        (first_conjunct(own) == gov.anchor and resolved.state_at(gov.anchor.i) is not None)
        or (own == gov.anchor and own.head == gov.token)
    ):
        # "F-16s donated by Denmark and Norway, and Mirage 2000 jets from France", parsed as
        # one more donor; "received Su-25 jets from Russia, and TB2 drones from Turkey", a
        # gapped object joined to the verb: the weapon's own "from" phrase names its
        # supplier first.
        _own_phrase(doc, mention, gov, root, resolved, got)
    destined = _destined(_own_noun(root), resolved)
    got.give("recipient", destined)  # "aircraft destined for the Nigerian Air Force"
    got.give("recipient", _service_holder(gov, resolved))
    got.give("recipient", _fused_dative(root, gov, role, resolved))  # "sells India helicopters"
    for sup, rec in (
        _arguments(gov.token, role, resolved, skip, gov.frame),
        _carrier_parties(gov, resolved, skip),
    ):
        sup, rec = _made_where(gov.frame, sup, rec, modified[1])
        got.give("supplier", sup)
        if destined is not None and rec not in (None, destined):
            got.give("supplier", rec)  # "the US placed the order for ... destined for Nigeria"
        got.give("recipient", rec)
    got.give("recipient", _parallel_goal(gov, resolved))
    got.give("supplier", _owner_before_list(mention, root, modified[0]))
    _own_phrase(doc, mention, gov, root, resolved, got)
    sup, rec = modified[0], _foreign_possessor(own, gov, modified[1], resolved)
    if rec is not None and got.recipient not in (None, rec) and gov.frame.status not in HELD:
        # "turned down a Ukrainian request for its Russian-made S-300s": what a state owns
        # and is asked for or sends to another, it supplies.
        got.give("supplier", rec)
    got.give("supplier", sup)
    got.give("recipient", rec)
    outer = gov.outer_frame
    if gov.inner and gov.outer is not None and outer is not None and outer.status:
        # "systems promised by Germany arrived in Ukraine": the outer frame's own phrases.
        role = _role(outer, gov.outer, resolved, mention.origin)
        sup, rec = _arguments(gov.outer, role, resolved, skip, outer)
        got.give("supplier", sup)
        got.give("recipient", rec)
    if gov.inner and gov.outer is not None and not _attacked(gov):
        holder = gov.outer
        if holder.pos_ == "NOUN" and holder.dep_ == "dobj":
            holder = holder.head  # "has taken delivery of Rafales ordered from France"
        operator = _operator(holder, gov, resolved, skip)
        if (
            gov.frame.subject == "either"
            and operator is not None
            and got.recipient not in (None, operator)
            and got.supplier in (None, mention.origin)
        ):
            # "The air force flies S-70i helicopters built in Poland by PZL Mielec": the
            # builder supplies the state that flies them.
            return _builder_and_operator(gov, got, operator, resolved)
        if _passed_on(gov) and operator is not None and got.recipient not in (None, operator):
            # "The Polish fleet relies on Soviet-era Mi-24s, several of which have been handed
            # over to Ukraine": the holder passes them on.
            return operator, got.recipient
        got.give("recipient", operator)
    if gapped is not None:
        return got.supplier, None  # a gapped clause names no buyer: the article does
    place = _production_place(gov, mention, resolved)
    if place is not None and got.recipient in (None, place):
        # "agreed to manufacture AK-203 rifles at a factory in northern India", "a factory in
        # Dushanbe that assembles Iranian drones under licence": a foreign design built in a
        # state is supplied to it by the licensor, else by its own origin.
        licensor = _licensor(gov.token, resolved) if gov.token is not None else None
        supplier = licensor or (got.supplier if got.supplier not in (None, place) else None)
        return supplier or mention.origin, place
    got.give("supplier", _co_producer(gov, mention, resolved))
    got.give("supplier", _built_in(gov, resolved))  # the last word: the place it was built
    sup, rec = _talks_parties(gov, resolved)  # "held talks with China on drone purchases"
    got.give("supplier", sup)
    got.give("recipient", rec)
    supplier = _relative_seller(gov, mention, resolved, got.supplier)
    return _maker_home(doc, mention, supplier, resolved), got.recipient


EXCHANGE_NOUNS = frozenset({"exchange", "return", "swap"})
"""Nouns of "in exchange for", "in return for": what a state gets for what it gives."""


def _given_for(root: Token) -> bool:
    """Whether a weapon is what is given in exchange ("in exchange for Sokol helicopters")."""
    own = first_conjunct(_own_noun(root))
    return (
        own.dep_ == "pobj" and own.head.lower_ == "for" and own.head.head.lemma_ in EXCHANGE_NOUNS
    )


def _exchanged(
    doc: Doc, mention: WeaponMention, gov: Governor, resolved: Resolved
) -> tuple[str | None, str | None] | None:
    """The parties of a weapon a state gets in exchange for what it gives ("agreed to send
    its Mi-8s to Ukraine in exchange for new Black Hawks paid for by Washington"): the giver
    receives it, from its own "from" or "by" phrase, else from its maker's state."""
    root = mention.root(doc)
    if not _given_for(root):
        return None
    own = first_conjunct(_own_noun(root))
    phrase = own.head.head
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "in" or not _is_verb(phrase.head.head):
        return None
    verb = phrase.head.head
    if verb not in (gov.token, gov.outer):
        return None
    giver = _subject_state(verb, resolved, set(range(mention.start, mention.end)))
    taking = _governing(frame_index(doc).get(verb.i, ()))
    if taking is not None and taking.subject == "recipient":
        # "took MiG-29s from the Czech Republic in exchange for Sokol helicopters": the taker
        # gives these to the state it took from
        source = next((_pobj_state(c, resolved) for c in verb.children if c.lower_ == "from"), None)
        return (giver, source) if giver is not None and source not in (None, giver) else None
    got = Parties()
    _own_phrase(doc, mention, gov, root, resolved, got)
    for clause in own.children:
        if clause.dep_ == "acl":
            for c in clause.children:
                if c.dep_ == "agent":
                    got.give("supplier", _pobj_state(c, resolved))  # "paid for by Washington"
    supplier = got.supplier or mention.origin
    return (supplier, giver) if giver is not None and supplier != giver else None


def _relative_seller(
    gov: Governor, mention: WeaponMention, resolved: Resolved, supplier: str | None
) -> str | None:
    """The seller a relative clause after a list of states means ("turned to Turkey and
    Israel, which sold it Barak-8 systems"): of the states listed, the weapon's own."""
    verb = gov.token
    if verb is None or verb.dep_ != "relcl" or mention.origin in (None, supplier):
        return supplier
    if not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        return supplier
    listed = {st for t in (verb.head, *verb.head.conjuncts) if (st := resolved.state_at(t.i))}
    return mention.origin if supplier in listed and mention.origin in listed else supplier


def _talks_parties(gov: Governor, resolved: Resolved) -> tuple[str | None, str | None]:
    """The parties of talks that a deal is the subject of ("held talks with China on drone
    purchases", "talks with Paris on buying frigates"): who holds them buys, and the state
    they are held "with" sells."""
    tok = gov.token
    for _ in range(3):
        if tok is None or tok.dep_ not in ("pobj", "pcomp", "prep") or tok.head == tok:
            return None, None
        tok = tok.head
        frame = _governing(frame_index(tok.doc).get(tok.i, ()))
        if tok.pos_ == "NOUN" and frame is not None and frame.id == TALKS:
            break
    else:
        return None, None
    partner = next(
        (
            st
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.dep_ == "pobj" and (st := resolved.state_at(p.i))
        ),
        None,
    )
    holder = tok.head if tok.dep_ == "dobj" else None
    buyer = _subject_state(holder, resolved, set()) if holder is not None else None
    return (partner, buyer) if partner != buyer else (None, None)


PRODUCTION_FRAMES = frozenset({"produce", "licence-produce"})
TALKS = "talks-noun"


def _production_place(gov: Governor, mention: WeaponMention, resolved: Resolved) -> str | None:
    """The state a foreign-designed weapon is produced in: a place on the producing verb or
    on the plant it is produced at ("at a factory in northern India", "a factory in Dushanbe
    that assembles ...")."""
    verb, frame = gov.token, gov.frame
    if verb is None or frame is None or frame.id not in PRODUCTION_FRAMES or not mention.origin:
        return None
    holders = [verb, verb.head] if verb.dep_ in ("relcl", "acl") else [verb]
    # "assemble Gripen fighters in Canada": the parser may hang the place on the object
    holders += [c for c in verb.children if c.dep_ == "dobj" and c == gov.anchor]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                st = resolved.state_at(noun.i) or next(
                    (
                        _pobj_state(p, resolved)
                        for p in noun.children
                        if p.dep_ == "prep" and p.lower_ == "in"
                    ),
                    None,
                )
                if st is not None and resources.is_country(st) and st != mention.origin:
                    return st
    return None


def _own_phrase(
    doc: Doc, mention: WeaponMention, gov: Governor, root: Token, resolved: Resolved, got: Parties
) -> None:
    """ "received Leopard 2A4 tanks from Poland": the from/to/for phrase on the weapon's own
    noun (or the noun right after a name the parser split off, or its conjunct's)."""
    nouns = [root]
    if mention.end < len(doc) and doc[mention.end].pos_ == "NOUN":
        nouns.append(doc[mention.end])  # "Leopard 2A4 tanks from Poland", parsed apart
    # "a second FREMM frigate from Italy" with "frigate" read as a clause on the name
    nouns += [t for t in doc[mention.start : mention.end] if t.head == root and t.dep_ == "acl"]
    nouns.append(gov.anchor)  # a conjunct's own phrase first: "Rafales from France and ..."
    for noun in dict.fromkeys(nouns):
        for c in [*noun.children, *(g for k in noun.children for g in _terms_phrases(k))]:
            if c.dep_ == "prep" and c.lower_ == "from":
                got.give("supplier", _pobj_state(c, resolved))
            elif c.dep_ == "prep" and c.lower_ in ("to", "for"):
                got.give("recipient", _pobj_state(c, resolved))
    # "300 Patriot missiles to Saudi Arabia and 96 THAAD missiles to the UAE": the parser hangs
    # the second item's phrase on the verb, right after the item.
    own = _own_noun(root)
    nxt = doc[own.right_edge.i + 1] if own.right_edge.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ == "prep" and own.dep_ == "conj" and nxt.head != own:
        if nxt.lower_ == "to":
            got.give("recipient", _pobj_state(nxt, resolved))
        elif nxt.lower_ == "from":
            got.give("supplier", _pobj_state(nxt, resolved))


def _on_order(
    token: Token | None, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> Token | None:
    """The deal noun of "on order" on a copula or "have" ("Four Gowind corvettes are on
    order from France's DCNS", "has 36 Rafales on order"): the weapons are ordered."""
    if token is None or token.lemma_ not in ("be", "have"):
        return None
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            noun = next((p for p in c.children if p.dep_ == "pobj" and p.lemma_ == "order"), None)
            if noun is None or _governing(index.get(noun.i, ())) is None:
                continue
            # "has six A-29s on order for it": bought for another state, not for the subject
            if not any(p.lower_ == "for" for p in (*token.children, *noun.children)):
                return noun
    return None


def _part_of_deal(
    root: Token,
    frame: resources.FrameRecord | None,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> tuple[Token, resources.FrameRecord] | None:
    """The deal weapons are said to be part of ("Leopard 2A7 tanks and PzH 2000 howitzers,
    part of an order placed with Germany in 2013"), when nothing else in the clause trades
    them: the deal governs them."""
    if frame is not None:
        return None
    own = _own_noun(root)
    for noun in dict.fromkeys((own, first_conjunct(own))):
        for part in noun.children:
            if part.dep_ != "appos" or part.lemma_ not in PART_NOUNS:
                continue
            for of in part.children:
                if of.dep_ != "prep" or of.lower_ != "of":
                    continue
                for deal in of.children:
                    found = _governing(index.get(deal.i, ())) if deal.dep_ == "pobj" else None
                    if found is None or not found.status or deal.pos_ != "NOUN":
                        continue
                    # "an order placed with Germany": the clause that makes the deal names it
                    for c in deal.children:
                        made = _governing(index.get(c.i, ())) if c.dep_ == "acl" else None
                        if made is not None and made.status == found.status:
                            return c, made
                    return deal, found
    return None


PART_NOUNS = frozenset({"part", "portion", "share", "tranche", "batch"})
"""Nouns that make weapons a share of a deal ("part of an order", "the first tranche of")."""


def _put_in_service(
    token: Token | None,
    frame: resources.FrameRecord | None,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> resources.FrameRecord | None:
    """The state a verb of no transfer puts its object or subject in: service ("as it brings
    Russian Su-30MK2 fighters into service": its subject holds them) or a buyer's competition
    ("leaving the Rafale and the Gripen NG in the running", "remain in the race": offered)."""
    if token is None or frame is not None or token.pos_ != "VERB":
        return None
    return next(
        (
            f
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("in", "into")
            for f in index.get(c.i, ())
            if f.id in PHRASE_FRAMES
        ),
        None,
    )


SERVICE_FRAMES = frozenset({"in-service", "into-service"})
PHRASE_FRAMES = SERVICE_FRAMES | {"in-the-running"}
"""Frames of a phrase that tells what state a verb's weapons are in ("into service")."""


MAKING_FRAME = "produce"
"""The frame of building a weapon, which a participle's conjunct may hand on."""


def _then_handed_on(
    token: Token | None,
    frame: resources.FrameRecord | None,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> tuple[Token, resources.FrameRecord] | None:
    """The transfer a holding or making verb's conjunct reports of the same weapons ("The boats
    were decommissioned by the German navy in 2011 and sold to Colombia", "the Guardian-class
    vessel, built by Austal and given to Honiara"): it governs them."""
    if token is None or frame is None or token.pos_ != "VERB":
        return None
    if frame.id not in HOLDER_FRAMES and frame.id != MAKING_FRAME:
        return None
    described = token.dep_ == "acl" and token.tag_ == "VBN"
    if not described and not any(c.dep_ == "nsubjpass" for c in token.children):
        return None  # "operates Patriots and is awaiting THAAD": each verb has its own weapon
    if frame.id == MAKING_FRAME and not described:
        return None  # "Austal built the boats and gave them ...": each clause has its own
    for c in token.children:
        if c.dep_ != "conj" or any(s.dep_ in ("nsubj", "nsubjpass", "dobj") for s in c.children):
            continue
        found = _governing(index.get(c.i, ()))
        # a made weapon handed on names whom to ("built by Austal and given to Honiara"), not
        # only when ("built in Brazil and delivered in 2021")
        if frame.id == MAKING_FRAME and not any(
            p.dep_ in ("prep", "dative") and p.lower_ == "to" for p in c.children
        ):
            continue
        # a verb whose passive subject is handed over ("sold", "given", "transferred")
        if found is not None and found.status and found.subject == "supplier":
            return c, found
    return None


def _retired_by(verb: Token | None, resolved: Resolved) -> str | None:
    """The holder a transfer's weapons were retired by, named as the agent of the holding
    verb it is coordinated with ("decommissioned by the German navy ... and sold")."""
    if verb is None or verb.dep_ != "conj":
        return None
    head, index = verb.head, frame_index(verb.doc)
    if not any(f.id in HOLDER_FRAMES for f in index.get(head.i, ())):
        return None
    handed = _governing(index.get(verb.i, ()))
    if handed is None or handed.subject != "supplier":
        return None  # "flown by the Indian air force and ordered by Egypt": both hold it
    agent = next((c for c in head.children if c.dep_ == "agent"), None)
    return _pobj_state(agent, resolved) if agent is not None else None


def _former_holder(root: Token, resolved: Resolved) -> str | None:
    """The state a weapon was retired or withdrawn from, by a participle on its own noun
    ("five TC-90 aircraft, retired from Japan's navy, were handed over"): who hands it on."""
    index = frame_index(root.doc)
    for clause in _own_noun(root).children:
        if clause.dep_ != "acl" or not any(f.id in HOLDER_FRAMES for f in index.get(clause.i, ())):
            continue
        # "six F-16 fighters formerly flown by the Royal Netherlands Air Force": who held it
        once = clause.lemma_ in ("retire", "decommission") or any(
            c.lower_ in HISTORY_WORDS | {"previously"} for c in clause.children
        )
        for p in clause.children:
            if (p.dep_ == "prep" and p.lower_ == "from") or (once and p.dep_ == "agent"):
                return _pobj_state(p, resolved)
    return None


def _maker_home(
    doc: Doc, mention: WeaponMention, supplier: str | None, resolved: Resolved
) -> str | None:
    """The system's own origin when the supplier is only the home of the company that makes it
    in another state ("bought H145M helicopters from Airbus": built in Germany by a company
    filed under France)."""
    if supplier is None or mention.origin in (None, supplier) or mention.system is None:
        return supplier
    maker = _makers().get(mention.system)
    if not maker:
        return supplier
    for m in resolved.in_span(sentence(doc[mention.start])):
        actor = resources.actors_by_id().get(m.actor)
        if actor is None or actor.type != "company" or m.state != supplier:
            continue
        names = (actor.name, *actor.aliases)
        if any(n in maker or maker in n for n in names) and not _home_stated(
            doc, m.start, m.end, supplier, resolved
        ):
            return mention.origin
    return supplier


def _home_stated(doc: Doc, start: int, end: int, state: str, resolved: Resolved) -> bool:
    """Whether the text itself gives a company its state ("Britain's MBDA UK")."""
    head = doc[start:end].root
    return any(c.dep_ == "poss" and resolved.state_at(c.i) == state for c in head.children)


@lru_cache(maxsize=1)
def _makers() -> dict[str, str]:
    return {rec.name: rec.maker for rec in resources.weapons()}


resources.on_reload(_makers.cache_clear)


def _foreign_design(gov: Governor, mention: WeaponMention, resolved: Resolved) -> bool:
    """A named system of another state's design that a state builds ("India is building six
    Scorpene submarines"): built under that state's licence, which supplies it."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or frame.subject != "either" or gov.inner:
        return False
    if mention.system is None or mention.origin is None or tok.pos_ != "VERB":
        return False
    if _own_made(mention.root(tok.doc)) is not None:
        return False  # "the navy is building its own Tamandare-class frigates"
    builder = _controller(tok)
    state = resolved.subject_state(builder) if builder is not None else None
    return state is not None and state != mention.origin


SHARE_WORDS = frozenset({"part", "some", "many", "most", "several", "half", "all", "one", "two"})
"""Words that take a share of weapons named before ("part of them", "most of them")."""


def _share_source(gov: Governor, resolved: Resolved) -> str | None:
    """The source of a share of the weapons a state holds, told by a clause the parser joined
    to the holding verb ("flies F-5 fighters, part of them bought second-hand from Jordan")."""
    verb, frame = gov.token, gov.frame
    if verb is None or frame is None or frame.status not in HELD or verb.pos_ != "VERB":
        return None
    for joined in verb.children:
        if joined.dep_ != "conj" or joined.lemma_ not in resources.frame_lemmas("buy", "deliver"):
            continue
        share = next((c for c in joined.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if share is None or share.lower_ not in SHARE_WORDS:
            continue
        if not any(
            p.lower_ == "of" and any(o.lower_ in ("them", "which") for o in p.children)
            for p in share.children
        ):
            continue
        source = next((c for c in joined.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        if source is not None:
            return _pobj_state(source, resolved)
    return None


def _share_clause_source(root: Token, resolved: Resolved) -> str | None:
    """The source a share clause after weapons names, however the parser hung it ("the army,
    which flies 50 UH-60s, most of them supplied by Washington", "relies on patrol vessels,
    several of them supplied by India"): the share is of the last weapons named before it."""
    doc = root.doc
    heads = _weapon_tokens(doc)[1]
    mates = {root.i, *(c.i for c in root.conjuncts)}
    own = _own_noun(root)
    included = _included_source(own, resolved) or _set_off_source(own, resolved)
    if included is not None:
        return included
    for tok in sentence(root):
        if tok.i <= root.i or (tok.i in heads and tok.i not in mates):
            if tok.i > root.i:
                return None  # other weapons come between: the share is theirs
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in SHARE_WORDS | BATCH_ENDS:
            continue
        verb = _share_act(tok.head)
        if not _share_word(tok) or verb.lemma_ not in resources.frame_lemmas(
            "buy", "deliver", "arrive"
        ):
            continue
        return _clause_source(verb, resolved)
    return None


# Grammar: words for the first or last share of a batch ("the first of which").
BATCH_ENDS = frozenset({"first", "last"})


def _share_act(verb: Token) -> Token:
    """The verb that tells what a share does, through a copula or a verb of expecting ("the
    first of which are due to arrive from the United States": "arrive")."""
    for _ in range(2):
        nxt = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if nxt is None:
            nxt = next(
                (
                    x
                    for a in verb.children
                    if a.dep_ == "acomp"
                    for x in a.children
                    if x.dep_ == "xcomp"
                ),
                None,
            )
        if nxt is None:
            break
        verb = nxt
    return verb


def _clause_source(verb: Token, resolved: Resolved) -> str | None:
    """The state a verb of buying or delivering names as the source ("bought from the
    Netherlands", "delivered by the United States")."""
    for c in verb.children:
        by = c.dep_ == "agent" and verb.lemma_ in resources.frame_lemmas("deliver")
        if by or (c.dep_ == "prep" and c.lower_ == "from"):
            return _pobj_state(c, resolved)
    return None


def _set_off_source(noun: Token, resolved: Resolved) -> str | None:
    """The source a participle set off right after a verb's object names, however the parser
    joined it ("retired its Mirage 2000 fighters, bought second-hand from France in 2005":
    "bought" a second verb with no subject of its own)."""
    doc = noun.doc
    at = noun.right_edge.i + 2
    if noun.dep_ != "dobj" or at >= len(doc) or doc[at - 1].text != ",":
        return None
    verb = doc[at]
    if (
        verb.dep_ in ("conj", "advcl", "acl")
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
        and verb.lemma_ in resources.frame_lemmas("buy", "deliver")
    ):
        return _clause_source(verb, resolved)
    return None


def _included_source(noun: Token, resolved: Resolved) -> str | None:
    """The source a participle names on weapons a named fleet includes ("more than 70 F-16s,
    including 18 new Block 52 jets delivered by the United States"): of the fleet's kind."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in EXAMPLE_PREPS:
            continue
        for item in (p for p in prep.children if p.dep_ == "pobj"):
            for clause in item.children:
                if (
                    clause.dep_ == "acl"
                    and clause.tag_ == "VBN"
                    and clause.lemma_ in resources.frame_lemmas("buy", "deliver")
                ):
                    return _clause_source(clause, resolved)
    return None


def _maker_ends(
    mention: WeaponMention, status: str, supplier: str | None, recipient: str | None
) -> tuple[str | None, str | None]:
    """A deal ended by the weapon's own maker ("Russia had suspended an earlier contract for
    S-300s with Damascus"): the one who ends it supplies, the partner named buys."""
    if (
        status == "cancelled"
        and recipient is not None
        and recipient == mention.origin
        and supplier is not None
        and supplier != recipient
        and resources.is_country(supplier)
    ):
        return recipient, supplier
    return supplier, recipient


def _licensed_home_build(
    mention: WeaponMention,
    gov: Governor,
    root: Token,
    resolved: Resolved,
    supplier: str | None,
    recipient: str | None,
) -> str | None:
    """The supplier of a system a state builds for its own forces to another state's design
    ("PT PAL built two of the navy's Makassar-class docks", a Korean design), or orders from
    its own firm ("signed a contract with Hindustan Aeronautics for 12 Su-30MKIs"): the
    licensor, its origin; the builder's own design ("its own frigates") stays at home."""
    frame = gov.frame
    if frame is None or supplier is None or supplier != recipient:
        return supplier
    if frame.subject != "either" and not (
        frame.status == "ordered" and _firm_partner(gov, resolved)
    ):
        return supplier
    origin = mention.origin
    if origin is None or origin == supplier or not resources.is_country(origin):
        return supplier
    return supplier if _own_made(root) is not None else origin


def _firm_partner(gov: Governor, resolved: Resolved) -> bool:
    """Whether an order names a company as the other side ("signed a contract with Hindustan
    Aeronautics for 12 Su-30MKIs", "ordered them from HAL")."""
    tok = gov.token
    if tok is None:
        return False
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("with", "from")
        and any(
            (m := resolved.by_token.get(t.i)) is not None and resources.is_company(m.actor)
            for p in prep.children
            if p.dep_ == "pobj"
            for t in p.subtree
        )
        for holder in holders
        for prep in holder.children
    )


def _own_made(root: Token) -> Token | None:
    """The possessor a weapon's phrase marks as its own maker or holder ("is building its own
    frigates", "a missile of its own"): the word that names it, or None."""
    noun = _own_noun(root)
    for c in noun.children:
        if c.lower_ == "own" and c.dep_ == "amod":
            return next((p for p in noun.children if p.dep_ == "poss"), None)
        if c.dep_ == "prep" and c.lower_ == "of":
            for own in c.children:
                if own.lower_ == "own" and own.dep_ == "pobj":
                    return next((p for p in own.children if p.dep_ == "poss"), None)
    return None


def _co_producer(gov: Governor, mention: WeaponMention, resolved: Resolved) -> str | None:
    """The system's home state among the coordinated subjects of a joint production ("India
    and Russia agreed to co-produce AK-203 rifles"): it licenses the other."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or frame.subject != "either" or mention.origin is None:
        return None
    subject = _controller(tok)
    if subject is None:
        return None
    states = {resolved.state_at(t.i) for t in (subject, *subject.conjuncts)}
    return mention.origin if mention.origin in states and len(states) > 1 else None


TALKS_PREPS = frozenset({"over", "on", "about", "for"})


def _in_talks(
    gov: Governor, resolved: Resolved, supplier: str | None, recipient: str | None, status: str
) -> tuple[str | None, str | None, str]:
    """A deal noun that talks on the same verb are about ("Britain has been in talks with
    Riyadh over the sale of 48 Typhoons"): the partner of the talks is the party the deal noun
    leaves open, and the deal is being negotiated."""
    noun = gov.token
    if noun is None or gov.frame is None or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return supplier, recipient, status
    prep = noun.head
    if prep.lower_ not in TALKS_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return supplier, recipient, status
    index = frame_index(noun.doc)
    for talks in (t for c in prep.head.children if c.dep_ == "prep" for t in c.children):
        frame = _governing(index.get(talks.i, ()))
        partner = _with_partner(talks, resolved) if frame is not None else None
        if frame is None or frame.status != "negotiating" or partner is None:
            continue
        if gov.frame.subject == "supplier" and recipient in (None, supplier):
            return supplier, partner, "negotiating"
        if gov.frame.subject == "recipient" and supplier in (None, recipient):
            return partner, recipient, "negotiating"
    return supplier, recipient, status


def _with_partner(noun: Token, resolved: Resolved) -> str | None:
    """The state of a noun's "with" phrase ("talks with Riyadh")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for t in prep.subtree:
                if (st := resolved.state_at(t.i)) is not None:
                    return st
    return None


def _carrier_parties(
    gov: Governor, resolved: Resolved, skip: set[int]
) -> tuple[str | None, str | None]:
    """The parties a verb that carries a deal noun names: "signed a contract with France's
    Naval Group for four frigates"; a verb outside the frames ("officials confirmed a
    contract") names a speaker, not a party. A request or an offer is itself what is sent
    ("sent Washington a letter of request for F-35s"): its sender keeps the role the request
    gives it; who receives a request ("Germany received a request from Ukraine") is asked."""
    assert gov.token is not None and gov.frame is not None
    carrier_verb = _carrying_verb(gov.token)
    outer = _governing(frame_index(gov.token.doc).get(carrier_verb.i, ()))
    if outer is None and gov.frame.status in MESSAGES:
        return _brought_with(gov.token, gov.frame, resolved, skip)
    if gov.token.pos_ != "NOUN" or outer is None or not outer.subject or outer.block:
        return None, None
    sending = gov.frame.status in MESSAGES and outer.subject == "supplier"
    gained = outer.object_gained and _gains_a_supply(gov.token.head)  # "won a promise of"
    carrier = (gov.frame.subject if sending else None) or ("recipient" if gained else outer.subject)
    if gov.token.lemma_.lower() in outer.bought_nouns:
        carrier = "recipient"  # "India approved the purchase of 21 MiG-29s": its own buy
    if outer.status == "cancelled" and gov.frame.subject == "supplier" and _sold_to(gov.token):
        carrier = "supplier"  # "Germany suspended the sale of tanks to Riyadh": the seller
    sup, rec = _arguments(carrier_verb, carrier, resolved, skip | {gov.token.i})
    if gov.frame.status == "requested" and outer.status == "delivered" and not sending:
        return rec, sup
    return sup, rec


def _brought_with(
    noun: Token, frame: resources.FrameRecord, resolved: Resolved, skip: set[int]
) -> tuple[str | None, str | None]:
    """The parties of a request or an offer a state comes with ("Colombo turned to Israel
    with a request for Kfir jets"): the subject of the verb sends it, and the state its "to"
    phrase names is asked or offered to."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None, None
    verb = noun.head.head
    if verb.pos_ != "VERB":
        return None, None
    sender = _subject_state(verb, resolved, skip)
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    addressee = _pobj_state(to, resolved) if to is not None else None
    if sender == addressee:
        return None, None
    return (addressee, sender) if frame.subject == "recipient" else (sender, addressee)


PERMIT_NOUNS = frozenset({"licence", "license", "permit", "authorisation", "authorization"})
CONSENT_NOUNS = PERMIT_NOUNS | {"permission", "consent", "approval", "clearance", "go-ahead"}


def _carrying_verb(noun: Token) -> Token:
    """What carries a deal noun: its head, or the verb of a permit it is for ("revoked
    licences for the export of bombs": the revoking ends the export)."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in PERMIT_NOUNS
        and head.head.dep_ in ("dobj", "nsubjpass")
    ):
        return head.head.head
    if _chosen_noun(noun):
        return head.head  # "dropped the Caracal in favour of Black Hawks": who drops it chooses
    return head


def _chosen(tok: Token) -> bool:
    """Whether a governor is what an "in favour of" phrase chooses: its noun, or the act it
    names ("scrapped the deal in favour of buying Rafales")."""
    of = tok.head
    return _chosen_noun(tok) or (
        tok.dep_ in ("pcomp", "pobj") and of.lower_ == "of" and _chosen_noun(of.head)
    )


def _chosen_noun(noun: Token) -> bool:
    """Whether a noun is the "favour" of an "in favour of" phrase on a verb."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and noun.lemma_.lower() in _chosen_nouns()
        and _is_verb(noun.head.head)
    )


@lru_cache(maxsize=1)
def _chosen_nouns() -> frozenset[str]:
    return frozenset(n for f in resources.transfer_frames() for n in f.chosen_nouns)


def _sold_to(noun: Token) -> bool:
    """Whether a seller's deal noun names where it goes, by a "to" phrase on the noun, on its
    verb or on the weapon it is "of" ("halted the sale of rifles to the Philippines")."""
    holders = [noun, noun.head, _carrying_verb(noun)]
    holders += [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
    ]
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" for p in c.children)
        for h in holders
        for c in h.children
    )


def _first_source(
    doc: Doc, mention: WeaponMention, gov: Governor, resolved: Resolved, named: str | None
) -> str | None:
    """A source that speaks before the frame's own phrases: the item's place in a list with a
    source per item, or a later item's own origin."""
    if named is None:  # "Norwegian-designed NASAMS from the United States": the grammar decides
        if _relative_giver(gov):
            return None  # "from France's GIAT, which offered the Leclerc, and from ...": GIAT
        return _listed_source(doc, mention, resolved)
    root = mention.root(doc)
    if "conj" in (root.dep_, root.head.dep_) and gov.anchor not in (root, root.head):
        # "TB2 drones bought from Turkey and Israeli Harop munitions": a later item's own
        # origin, not the source phrase of the item before it.
        return named
    return None


def _relative_giver(gov: Governor) -> bool:
    """Whether the weapon's frame is a relative clause whose pronoun is the giver ("France's
    GIAT, which offered the Leclerc"): its antecedent supplies, whatever source comes next."""
    tok, frame = gov.token, gov.frame
    return (
        tok is not None
        and frame is not None
        and frame.subject == "supplier"
        and tok.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in tok.children)
    )


LIST_BREAKS = frozenset({",", ";", "and", "or", "including", "alongside", "with", "plus"})


def _item_sources(doc: Doc, resolved: Resolved) -> dict[int, tuple[str, bool]]:
    """Weapons of a list whose items each state a source of their own, by word order: a
    source phrase right after the item ("supplied by Pakistan", "bought from Norway") or an
    origin right before it ("Polish-built", "American"). Only sentences with two or more items
    that name different sources count; the start of each such weapon mention → its source,
    and whether it is surely no holder (a plain demonym may be: "Turkish F-16 jets")."""
    cached: dict[int, tuple[str, bool]] | None = doc.user_data.get("am_item_sources")
    if cached is not None:
        return cached
    out: dict[int, tuple[str, bool]] = {}
    by_sent: dict[int, list[WeaponMention]] = {}
    for m in find_weapons(doc):
        by_sent.setdefault(sentence(doc[m.start]).start, []).append(m)
    for items in by_sent.values():
        found: dict[int, tuple[str, bool]] = {}
        for m in items:
            if _given_for(m.root(doc)):
                continue  # "took MiG-29s from the Czech Republic in exchange for Polish-built
                # Sokol helicopters": what was given for them is no item of the list
            after = _source_after(doc, m, resolved)
            stated = (after, True) if after is not None else _origin_before(doc, m, resolved)
            if stated is not None:
                found[m.start] = stated
        if len(found) > 1 and len({st for st, _ in found.values()}) > 1:
            out.update(found)
    doc.user_data["am_item_sources"] = out
    return out


def _not_a_source(
    doc: Doc, mention: WeaponMention, resolved: Resolved, recipient: str | None
) -> str | None:
    """A recipient that is no item's stated source in a list with a source per item ("UH-1
    Hueys supplied by the United States and Polish-built W-3 Sokols": not the US)."""
    sources = _item_sources(doc, resolved)
    if mention.start in sources and recipient in {st for st, sure in sources.values() if sure}:
        return None
    return recipient


def _source_after(doc: Doc, mention: WeaponMention, resolved: Resolved) -> str | None:
    """The state of a source phrase right after a weapon ("trainers supplied by Pakistan",
    "air defence bought from Norway's Kongsberg"), before the next item of its list."""
    i, end = mention.end, min(len(doc), mention.end + 6)
    while i < end and doc[i].pos_ in ("NOUN", "PROPN") and not resolved.state_at(doc[i].i):
        i += 1  # the item's own nouns ("missiles", "air defence")
    set_off = i + 1 < end and doc[i].text == "," and doc[i + 1].tag_ == "VBN"
    if set_off and frame_index(doc).get(i + 1):
        i += 1  # "the Super Hornet, offered by the United States,", not ", backed by a loan"
    if i < end and doc[i].tag_ in ("VBN", "VBD"):
        i += 1  # "supplied by", "acquired from" (read as a past tense too)
        if i < end and doc[i].dep_ == "prt":
            i += 1  # "put forward by"
    if i >= end or doc[i].lower_ not in ("from", "by"):
        return None
    for t in doc[i + 1 : end]:
        if t.lower_ in LIST_BREAKS:
            return None
        st = resolved.state_at(t.i)
        if set_off and any(resolved.state_at(c.i) for c in t.conjuncts):
            return None  # "Mirage IIIs and Mirage 5s, bought from France and Israel": whose?
        if st is not None:
            return st if resources.is_country(st) else None
    return None


def _origin_before(doc: Doc, mention: WeaponMention, resolved: Resolved) -> tuple[str, bool] | None:
    """A state named right before a weapon as its origin ("Polish-built W-3 Sokols",
    "American Javelin missiles"), after the previous item of its list, and whether a suffix
    makes it the maker (a plain demonym may name the holder)."""
    first = max(sentence(doc[mention.start]).start, mention.start - 4)
    for t in reversed(doc[first : mention.start]):
        suffix = (t.i >= 1 and doc[t.i - 1].text in ("-", "–")) or t.text in ("-", "–")
        if t.lower_ in LIST_BREAKS or (t.pos_ in ("VERB", "AUX", "ADP") and not suffix):
            return None
        m = resolved.by_token.get(t.i)
        st = m.state if m is not None else None
        if m is not None and st is not None and resources.is_country(st):
            own = mention.origin
            if (
                own is not None
                and _co_origin(doc, t.i, resolved)
                and own in _pair(doc, t.i, resolved)
            ):
                st = own  # "the Swedish-British Gripen": the system's own origin
            if supplier_suffixed(doc, m.start, m.end):  # "Polish-built", one mention or three
                return st, True
            return (st, False) if t.ent_type_ == "NORP" or t.pos_ == "ADJ" else None
    return None


def _listed_source(doc: Doc, mention: WeaponMention, resolved: Resolved) -> str | None:
    """In a list that names a source per item ("Rafales from France and Typhoons from
    Britain", "Rafale fighters from France and Apache helicopters and P-8I aircraft from the
    United States"), an item's supplier is the first source phrase after it. The parse of such
    lists is unreliable, so the order of the words decides; a sentence with one source phrase
    is left to the grammar."""
    sent = sentence(doc[mention.start])
    sources = [
        (tok.i, state)
        for tok in sent
        if tok.lower_ == "from"
        and tok.dep_ == "prep"
        and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in tok.children)
        and (state := _pobj_state(tok, resolved))
    ]
    if len({state for _, state in sources}) < 2:
        return None
    at = next((i for i, _ in sources if i >= mention.end), None)
    if at is None:
        return None
    names = _weapon_tokens(doc)[0]
    between = doc[mention.end : at]
    if any((t.pos_ in ("VERB", "AUX") and t.i not in names) or t.text == ";" for t in between):
        return None  # another clause: "radars ... after the offer beat bids from Russia"
    return dict(sources)[at]


def _named_subject(gov: Governor, mention: WeaponMention) -> bool:
    """Whether the recipient's place is taken by a subject that named no state ("it", "the
    company"): then the grammar named the buyer and a guess would be wrong."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or frame.subject not in ("recipient", "either"):
        return False
    if tok.pos_ == "NOUN" or gov.inner or _shown_participle(tok, frame):
        return False
    holder = tok
    # "The Air Force plans to buy": the subject of the verb the frame hangs on.
    while holder.dep_ in ("xcomp", "conj") and not _has_subject(holder):
        holder = holder.head
    # "MiG-29 and Su-27 fighters and Mi-35 helicopters bought from Russia", the first name
    # parsed as the subject: a weapon in the subject's place names no buyer.
    names = _weapon_tokens(tok.doc)[0]
    # "The first of 140 Leopard 2A4 tanks bought from Germany": a subject holding the weapon
    return any(
        c.dep_ == "nsubj"
        and not (c.left_edge.i <= mention.start < c.right_edge.i + 1)
        and c.i not in names
        for c in holder.children
    )


def _forces(tok: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    return any(f.id == FORCES for f in index.get(tok.i, ()))


def _force_word(tok: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A word of forces that names them, not one inside a firm's name ("ThyssenKrupp Marine
    Systems"); "the U.S. Marine Corps" is forces by its head."""
    if not _forces(tok, index):
        return False
    return not (
        tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and not _forces(tok.head, index)
    )


def _private_party(gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether the party a transfer goes to (or, for a buyer, the one buying) is no state: "sold
    its retired F-16s to a private U.S. company", "a U.S. contractor bought the jets"."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or frame.subject not in ("supplier", "recipient"):
        return False
    private = tok.doc.user_data.get("am_private")
    if private is None:
        private = tok.doc.user_data["am_private"] = any(
            f.id == PRIVATE for frames in index.values() for f in frames
        )
    if not private:
        return False
    if frame.subject == "supplier":
        slots = [
            p
            for c in tok.children
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
            for p in c.children
            if p.dep_ == "pobj"
        ] + [c for c in tok.children if c.dep_ == "dative" and c.pos_ in NOMINAL]
    else:
        slots = [c for c in tok.children if c.dep_ == "nsubj"]
    return any(
        any(f.id == PRIVATE for f in index.get(p.i, ()))
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in p.children)  # a unit
        for p in slots
    )


def _deployment(gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A state's forces moving their own weapons: "units retreating abandoned T-72 tanks",
    "sent 2,000 soldiers, 300 vehicles and three warships", "the Navy sent four destroyers"."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or tok.pos_ != "VERB":
        return False
    if frame.subject == "supplier" or frame.status == "cancelled":
        actor = _doer(tok)
        if (
            actor is not None
            and any(_force_word(t, index) for t in actor.subtree)
            and not _handed_to_another(tok, frame, index)
        ):
            return True
        if frame.status == "cancelled" and _armed_actor(tok, actor):
            return True  # a weapon drops or abandons something: no deal ends
    # "RIMPAC began ... Germany has sent a frigate and the Netherlands a destroyer"; selling
    # or offering in a story about a drill is still a deal
    if frame.subject == "supplier" and not frame.trade and _to_drill(tok) and not _described(tok):
        return True
    if frame.subject == "supplier" and any(_sent_off(c, index) for c in tok.children):
        return True
    if frame.subject == "theme":
        # "A U.S. THAAD battery and about 100 American soldiers to operate it arrived in Israel";
        # "Two B-52 bombers arrived in Romania for joint drills".
        for c in tok.children:
            if c.dep_ == "nsubj" and any(_forces(t, index) for t in (c, *c.conjuncts)):
                return True
        return bool(_drill_goal(tok)) or (frame.explicit and _battle_goal(tok, index))
    return False


def _handed_to_another(
    verb: Token, frame: resources.FrameRecord, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> bool:
    """Whether a verb that changes hands names who takes the weapons, in a "to" phrase that is
    no theatre or as a dative ("Chile's navy handed two frigates to Ecuador")."""
    if verb.lemma_ not in frame.hands:
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ == "to" and not _to_theatre(c, index)) or c.dep_ == "dative"
        for c in verb.children
    )


def _sent_off(c: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a phrase of a verb of sending says the weapons go with troops, on duty, to a
    theatre or to fight."""
    if c.dep_ == "dobj" and any(_forces(t, index) and not _weapon_unit(t) for t in _objects(c)):
        # "sent thousands of troops and armoured vehicles into Idlib"; but "has supplied its
        # army with helicopters" hands them to the forces its object names
        return not any(p.dep_ == "prep" and p.lower_ == "with" for p in c.head.children)
    if c.dep_ == "prep" and c.lower_ in DUTY_PREPS and _on_duty(c, index):
        return True  # "bombers it has sent on patrols near Taiwan"
    if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") and _to_theatre(c, index):
        return True  # "sent the carrier Independence to waters east of the island"
    return c.dep_ in ("xcomp", "advcl") and _fights(c, index)  # "sent F-16s to bomb ..."


THEATRE = "theatre"
"""The frame of waters, seas, skies and regions: what is sent there is deployed."""


def _to_theatre(prep: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a "to" phrase names waters, a sea or a region rather than a party ("to the
    region", "to the Black Sea", "to the Middle East": a named place that is no country)."""
    return any(
        c.dep_ == "pobj"
        and (any(f.id == THEATRE for f in index.get(c.i, ())) or c.ent_type_ == "LOC")
        for c in prep.children
    )


def _weapon_unit(tok: Token) -> bool:
    """Whether a word of forces is a unit of a named weapon ("handed over several S-300PS air
    defence battalions"): the weapons, not troops."""
    return tok.lemma_ in UNIT_NOUNS and any(
        tok.left_edge.i <= m.start < tok.i and m.system for m in find_weapons(tok.doc)
    )


def _objects(obj: Token) -> list[Token]:
    """An object and its conjuncts, and what a quantity of them counts ("thousands of troops
    and armoured vehicles"); not a definite whole it is part of ("supplies the backbone of the
    armed forces, including Su-30 fighters")."""
    out = [obj, *obj.conjuncts]
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out += [
                t
                for p in prep.children
                if p.dep_ == "pobj" and not any(d.lower_ == "the" for d in p.children)
                for t in (p, *p.conjuncts)
            ]
    return out


def _fights(clause: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a purpose clause is an act of combat ("to bomb targets", "to strike")."""
    return any(c.lower_ == "to" for c in clause.children) and any(
        f.block and not f.status for f in index.get(clause.i, ())
    )


def _doer(verb: Token) -> Token | None:
    """The forces that act in an active verb (its controller); a passive verb's subject is
    what is moved ("aircraft, retired from Japan's navy, were handed over": the navy in their
    description sends nothing), and a navy that hands ships over as agent transfers them."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _described(verb):
        return None
    return _controller(verb)


def _described(verb: Token) -> bool:
    """A past participle on the weapons ("flies six MiG-29 fighters donated by Russia"): it
    tells how they came, not what forces do with them now."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _battle_goal(verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A place on the battlefield that weapons reach ("reached the first Russian trenches",
    "the outskirts of Avdiivka"): a common noun that is neither the front nor a unit."""
    goals = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(goals) and all(
        g.pos_ == "NOUN"
        and g.lemma_ not in UNIT_NOUNS  # "reached Ukrainian units": the receiving force
        and not any(f.id in (FORCES, "combat-noun") for f in index.get(g.i, ()))
        for g in goals
    )


@lru_cache(maxsize=1)
def _drill_words() -> frozenset[str]:
    return frozenset(resources.signal_rules()["joint_exercise"].triggers)


def _to_drill(verb: Token) -> bool:
    """Weapons sent with no one to receive them while a drill is the news (named in this or
    the two sentences before), or sent to a drill ("to send a frigate to the U.S.-led RIMPAC
    exercise"): sent to take part, not handed over."""
    goal = _drill_goal(verb)
    if goal is not None:
        return goal
    if verb.dep_ == "conj" and _drill_goal(verb.head) is False:
        return False  # "has flown NLAWs to Kyiv, and the US has delivered Javelins": Kyiv's too
    drills = _drill_words()
    doc = verb.doc
    window = doc[sentences_back(verb, 2) : sentence(verb).end]
    # ... or the article's opening sentence: a story about a drill ("Pitch Black brings
    # together 17 air forces ... India sent four Su-30MKI fighters").
    lead = next(iter(doc.sents), window)
    return any(t.lemma_ in drills or t.lower_ in drills for t in (*window, *lead))


def _parallel_goal(gov: Governor, resolved: Resolved) -> str | None:
    """Where a coordinated clause sends weapons, for a clause that sends its own and names no
    goal ("Britain has flown NLAW weapons to Kyiv, and the United States has delivered Javelin
    missiles")."""
    verb, frame = gov.token, gov.frame
    if verb is None or frame is None or frame.subject != "supplier" or verb.dep_ != "conj":
        return None
    if any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
        for c in verb.children
    ):
        return None
    head = verb.head
    other = _governing(frame_index(verb.doc).get(head.i, ()))
    if other is None or other.subject != "supplier" or not other.status:
        return None
    return next(
        (
            st
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "to" and (st := _pobj_state(c, resolved))
        ),
        None,
    )


def _drill_goal(verb: Token) -> bool | None:
    """Whether the goal of a verb ("to the RIMPAC exercise", "for joint drills") is a drill;
    None when the verb names no goal."""
    drills = _drill_words()
    goals = [
        c
        for c in verb.children
        if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
    ]
    if not goals:
        return None
    bases = resources.signal_rules()["military_base"].triggers
    # the word as written too: the lemma of "bases" is "basis"
    if all(
        o.lemma_ in bases or o.lower_ in bases
        for g in goals
        for o in g.children
        if o.dep_ == "pobj"
    ):
        return None  # "were sent to bases in the south": where forces go, not who gets them
    # the goal's words and the one after ("to the RIMPAC exercise", misparsed or not)
    doc = verb.doc
    return any(
        t.lemma_ in drills or t.lower_ in drills
        for g in goals
        for t in doc[g.i + 1 : min(g.right_edge.i + 2, len(doc))]
    )


DUTY_PREPS = frozenset({"on", "for", "as", "into", "in"})


def _on_duty(prep: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A phrase that sends weapons on a mission, a patrol, an exercise or a sortie (a block
    noun of its object, of the phrase it opens: "as part of NATO air policing", or the phrase
    itself: "into the air")."""
    if any(f.block for f in index.get(prep.i, ())):
        return True  # "sent six F-16s into the air": the phrase is a block context itself
    objects = [t for t in prep.children if t.dep_ == "pobj"]
    if prep.lower_ == "as":  # "as part of a NATO mission"
        objects = [g for t in objects for g in t.subtree if g.dep_ == "pobj" or g.i == t.i]
    return any(
        f.block and f.id not in (FORCES, PRIVATE) for t in objects for f in index.get(t.i, ())
    )


def _armed_actor(verb: Token, actor: Token | None) -> bool:
    """Whether a weapon does what a verb says: its subject, or for a participle clause with no
    subject the subject of a clause above ("jets bombed what New Delhi called a camp,
    reportedly dropping SPICE bombs")."""
    if actor is not None:
        return _armed(actor)
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("advcl", "ccomp", "conj", "xcomp") or cur.head == cur:
            return False
        cur = cur.head
        subject = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subject is not None and _armed(subject):
            return True
    return False


def _armed(phrase: Token) -> bool:
    """Whether a phrase names a weapon ("Indian Mirage 2000 jets")."""
    span = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    return any(m.start in span for m in find_weapons(phrase.doc))


def _acting(gov: Governor, resolved: Resolved) -> bool:
    """A weapon that does what the frame says ("Reaper drones flew from an air base", "bombs
    dropped by fighter jets"), or a maker showing its own product: no transfer."""
    frame, tok, anchor = gov.frame, gov.token, gov.anchor
    if frame is None or tok is None or tok.pos_ != "VERB" or gov.inner:
        return False
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "agent" and anchor.head.head == tok:
        return frame.subject != "supplier" or frame.status == "cancelled"
    if (
        anchor.dep_ == "nsubj"
        and anchor.head == tok
        and frame.subject == "supplier"
        and any(c.dep_ == "dobj" for c in tok.children)
        and anchor.pos_ in ("NOUN", "PROPN")
        and resolved.state_at(anchor.i) is None  # "France the Mirage 2000-5", gapped
    ):
        return True  # "Two Russian An-124 aircraft unloaded equipment": the carrier, not cargo
    if anchor.dep_ == "nsubj" and anchor.head == tok and frame.subject == "recipient":
        # "Mi-35 helicopters bought from Russia" parsed as a clause: a bare participle with
        # no auxiliary describes its noun, which is what was bought.
        return not _reduced_relative(tok)
    if _in_company(anchor, tok):
        return True  # "Chinese H-6 bombers flew near Taiwan with Russian Tu-95 bombers"
    return frame.status == "displayed" and _company_subject(tok, resolved)


def _stage(
    root: Token,
    gov: Governor,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    resolved: Resolved,
) -> str:
    """A mention's stage; for a weapon a maker shows, its own clause's ("Lockheed Martin
    presented the first F-16 built for Bahrain": no state showing what it bought)."""
    status = _later_stage(root, gov, index, _mention_status(root, gov, index))
    if status == "displayed" and _maker_shows(gov, resolved):
        own = replace(gov, outer_frame=None)
        status = _later_stage(root, own, index, _mention_status(root, own, index))
    return status


def _maker_shows(gov: Governor, resolved: Resolved) -> bool:
    """Whether a company shows a weapon whose own clause names its deal ("presented the first
    F-16 Block 70 built for the Royal Bahraini Air Force"): its maker's product, not a state
    showing its new acquisition."""
    return (
        gov.inner
        and gov.frame is not None
        and gov.frame.status is not None
        and gov.token is not None
        and gov.token.dep_ == "acl"
        and gov.outer is not None
        and gov.outer.pos_ in ("VERB", "AUX")
        and _company_subject(gov.outer, resolved)
    )


def _in_company(anchor: Token, verb: Token) -> bool:
    """A weapon joined to a verb whose subject is itself a weapon ("H-6 bombers flew with
    Russian Tu-95s"): both do what the verb says; nobody holds the one by the other."""
    joined = anchor.dep_ == "pobj" and anchor.head.lower_ in COMPANY_PREPS
    # "flew alongside Chinese J-10C fighters" with the weapon parsed as the verb's object
    bare = any(
        c.dep_ == "prep" and c.lower_ in COMPANY_PREPS and c.i + 1 == anchor.left_edge.i
        for c in verb.children
    )
    if not ((joined and anchor.head.head == verb) or (bare and anchor.head == verb)):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and _armed(subject)


def _flown_beside(root: Token, gov: Governor) -> bool:
    """A weapon that others are flown or sailed beside in a drill ("Britain and France are
    flying Typhoons and Rafales alongside Swedish Gripens"): it does what they do, no one
    holds it by that; outside a drill a force that flies one type beside another holds both
    ("Thailand flies Gripens alongside older F-16s")."""
    verb, own = gov.token, first_conjunct(root)
    if verb is None or verb.lemma_ not in resources.signal_rules()["exercise_participation"].moving:
        return False
    flown = [t for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
    return (
        own.dep_ == "pobj"
        and own.head.lower_ in COMPANY_PREPS
        and own.head.head in (verb, *flown)
        and any(_armed(t) for t in flown if t != own)
        and _to_drill(verb)
    )


def _reduced_relative(verb: Token) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _keep(mention: WeaponMention, gov: Governor, status: str) -> bool:
    """Whether a mention under this governor reports a transfer at all."""
    if gov.frame is None or gov.frame.block or status == "negated" or status == "unknown":
        return False
    return not (mention.system is None and gov.token is not None and gov.token.pos_ == "ADJ")


def _no_transfer(
    mention: WeaponMention,
    gov: Governor,
    status: str,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> bool:
    """A mention whose governor reports no transfer between states: none at all, a state's
    forces moving their own weapons, or a party that is no state ("sold its retired F-16s to a
    private U.S. company")."""
    return (
        not _keep(mention, gov, status)
        or _deployment(gov, index)
        or _private_party(gov, index)
        or _strike_on_city(mention, gov)
        or _weapon_gives(mention, gov)
        or _describes_a_kind(gov)
        or _result_of_clause(gov)
        or _deal_fought(gov, index)
    )


def _deal_fought(gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A shipment or delivery that is itself seized, intercepted or struck ("a cruiser had
    seized a shipment of Iranian-made weapons"): the weapons never reached anyone."""
    noun = gov.token
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    frame = _governing(index.get(noun.head.i, ()))
    return frame is not None and frame.id in ATTACKS


GENERIC_DEGREE = frozenset({"widely", "most", "commonly", "frequently", "best", "widest"})
"""Adverbs that make a participle of transfer describe a kind of weapon ("the most widely
exported drone"), not a transfer."""


def _describes_a_kind(gov: Governor) -> bool:
    """A participle of transfer that describes a kind of weapon by degree ("one of the most
    widely exported drones"): no transfer."""
    verb = gov.token
    return (
        verb is not None
        and verb.dep_ == "amod"
        and any(c.dep_ == "advmod" and c.lower_ in GENERIC_DEGREE for c in verb.children)
    )


def _result_of_clause(gov: Governor) -> bool:
    """A participle of giving with no subject of its own that tells what the clause before it
    brings about ("signed for three TB2 drones, giving the NATO member its first combat
    aircraft"): the result, not a second transfer."""
    verb = gov.token
    return (
        verb is not None
        and verb.lemma_ == "give"
        and verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


GIVING = frozenset({"deliver", "offer"})
"""Frames of handing over, whose subject is a giver ("the F-35 won the contest" is its maker's
win, and a sale)."""


def _weapon_gives(mention: WeaponMention, gov: Governor) -> bool:
    """A weapon that is itself the giver ("The F-35 gives us the best aircraft", "the Gripen
    offers lower running costs") or what is given to ("gave the Eurofighter its first
    customer"): what it gives or gets is no weapon, and it changes no hands."""
    verb, frame = gov.token, gov.frame
    if verb is None or frame is None or frame.id not in GIVING or verb.pos_ != "VERB":
        return False
    root = mention.root(verb.doc)
    if root.dep_ in ("poss", "compound") and root.head.dep_ == "nsubj":
        root = root.head  # "the CV90's cannon would give Estonian units more firepower"
    if root.head != verb:
        return False
    if root.dep_ == "dative":
        # "the win gave the Eurofighter its first export customer": the weapon gets what is
        # no weapon ("offered Su-35 fighters", parsed with the name apart, is an offer)
        doc = verb.doc
        return any(
            c.dep_ == "dobj" and c.i > mention.end and not _weapon_noun(doc, c)
            for c in verb.children
        )
    return root.dep_ == "nsubj"


def _route(gov: Governor) -> bool:
    """A state flying or sailing weapons "from" one place "to" another moves its own: "the
    Luftwaffe flew six Eurofighter jets from Germany to Singapore"."""
    verb, frame = gov.token, gov.frame
    if verb is None or frame is None or frame.id not in OPERATING or verb.pos_ != "VERB":
        return False
    # the parser may hang "from" on the object ("flew six jets from Germany to Singapore")
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    preps = {c.lower_ for h in heads for c in h.children if c.dep_ in ("prep", "dative")}
    return {"from", "to"} <= preps


MUNITIONS = frozenset({"missile", "uav"})
"""Categories that reach a place by being fired at it."""


def _strike_on_city(mention: WeaponMention, gov: Governor) -> bool:
    """Missiles or drones that reach or arrive over a capital or a force ("Russian missiles
    reached Kyiv overnight", "drones arrived over Kyiv"): a strike, not a delivery; a state named as such
    ("ATACMS missiles reached Ukraine") still receives them."""
    frame, tok = gov.frame, gov.token
    if frame is None or tok is None or frame.subject != "theme" or gov.inner:
        return False
    if mention.category not in MUNITIONS:
        return False
    places = [c for c in tok.children if c.dep_ == "dobj"] + [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "over", "on")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    # a city ("Kyiv", "Odesa and Kharkiv"), not a state named as such; or a force ("reached
    # Ukrainian units")
    index = frame_index(tok.doc)
    return any(
        (
            t.pos_ == "PROPN"
            and t.ent_type_ not in NOT_PLACES  # "in May"
            and t.text not in _country_names()
        )
        or (t.pos_ == "NOUN" and (t.lemma_ in UNIT_NOUNS or _forces(t, index)))
        for p in places
        for t in (p, *p.conjuncts)
    )


NOT_PLACES = frozenset({"DATE", "TIME", "PERSON", "NORP", "ORG", "EVENT"})


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(
        f for a in resources.actors() if a.type == "country" for f in (a.name, *a.aliases)
    )


resources.on_reload(_country_names.cache_clear)  # an analyst's new actor


def _shown_participle(tok: Token | None, frame: resources.FrameRecord) -> bool:
    """Whether a weapon's own participle of buying names no buyer because a parade or show
    does: "Columns of T-72B1 tanks acquired from Russia rumbled along the avenue"."""
    return (
        tok is not None
        and frame.subject == "recipient"
        and frame.status in ("ordered", "delivered")
        and tok.tag_ == "VBN"
        # a participle on the weapon, or one the parser made the main verb for want of an
        # auxiliary ("Columns of tanks acquired from Russia rumbled past")
        and (
            tok.dep_ == "acl"
            or (tok.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))
        )
        and _on_show(tok)
    )


def _explicit(gov: Governor, mention: WeaponMention) -> bool:
    """Whether a frame needs its recipient named. A weapon that reaches "the front" or
    front-line units reaches the forces of the state it was sent to, which the article names
    elsewhere; a named place or the enemy's lines ("reached the first Russian trenches") stay
    what they are, and missiles or drones that reach something are fired at it."""
    frame, tok = gov.frame, gov.token
    if frame is None or not frame.explicit:
        return False
    if _shown_participle(tok, frame):
        return False  # "Columns of T-72 tanks acquired from Russia rumbled past": the parader's
    outer = gov.outer_frame
    if (
        gov.inner
        and tok is not None
        and tok.dep_ == "acl"
        # by a builder or in a country named ("the carrier India built at Kochi": no one's)
        and any(c.dep_ == "agent" or c.lower_ == "in" for c in tok.children)
        # the weapons themselves entered service; "the air force operates B-2s built by
        # Northrop Grumman" names its holder
        and tok.head.dep_ in ("nsubj", "nsubjpass")
        and outer is not None
        and outer.status == "in_service"
    ):
        return False  # "two Scorpene submarines built by France's DCN entered service": its user's
    if frame.subject != "theme" or tok is None or gov.inner or mention.category in MUNITIONS:
        return True
    if tok.doc[mention.start].pos_ == "PRON":
        return True  # "They reached the first trenches": the pronoun's weapons are in battle
    index = frame_index(tok.doc)
    goals = [c for c in tok.children if c.dep_ == "dobj"]
    return not goals or not all(
        g.pos_ == "NOUN"
        and any(f.id in (FORCES, "combat-noun") for f in index.get(g.i, ()))
        and not any(
            c.dep_ in ("amod", "compound", "poss")
            and c.pos_ in ("PROPN", "ADJ")
            and c.ent_type_ in ("NORP", "GPE")
            for c in g.children
        )
        for g in goals
    )


@dataclass(slots=True)
class Candidate:
    mention: WeaponMention
    gov: Governor
    status: str
    supplier: str | None
    recipient: str | None


def _asked(tok: Token, head: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a request stands between a transfer and the head that refused it ("turned down
    Thailand's request to buy F-35s")."""
    cur = tok
    for _ in range(6):
        if cur == head or cur.head == cur:
            return False
        if any(f.status == "requested" for f in index.get(cur.i, ())):
            return True
        cur = cur.head
    return False


def _refusal(
    tok: Token,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    resolved: Resolved,
    supplier: str | None,
    recipient: str | None,
) -> tuple[str | None, str | None, bool]:
    """(supplier, recipient, asked) of a refused transfer. "South Korea turned down Ukraine's
    request for weapons": the refuser supplies, and the request is a row of its own."""
    _, head = _head_modality(tok, index)
    if head is None:
        return supplier, recipient, False
    refuser = _subject_state(head, resolved, set())
    if refuser is not None and refuser != recipient:
        supplier = refuser
    if _asked(tok, head, index):
        return supplier, recipient, True
    # "declined to send its Taurus despite repeated Ukrainian requests"
    asked, requester = _refused_despite(tok, head, index, resolved)
    if requester is not None and recipient in (None, supplier):
        recipient = requester  # "its Taurus": the refuser's own, asked for
    return supplier, recipient, asked


def _refused_sale(
    tok: Token,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    resolved: Resolved,
    supplier: str | None,
    recipient: str | None,
) -> tuple[str | None, str | None, bool, str]:
    """(supplier, recipient, asked, status) of a refused transfer. One state that blocks
    another's sale ("the United States refused to let the Czech Republic sell Bolivia L-159
    jets", "blocked Israel's sale of used Cobra helicopters"), the seller named as the sale's
    own subject or possessor, refuses nothing of its own: the seller's deal is cancelled."""
    refused = _refusal(tok, index, resolved, supplier, recipient)
    own = [c for c in tok.children if c.dep_ in ("nsubj", "poss")]
    seller = next((st for c in own if (st := _state_in(c, resolved)) == supplier), None)
    if seller is not None and refused[0] not in (seller, None) and seller != recipient:
        return seller, recipient, False, "cancelled"
    return (*refused, REFUSED)


def _bid_from(
    gov: Governor, resolved: Resolved, parties: tuple[str | None, str | None], status: str
) -> tuple[str | None, str | None, str]:
    """A state's bid for or delivery of weapons that names another state as their source
    ("Ankara's long-stalled bid for 40 F-16 fighters from Washington", "Pakistan's recent
    deliveries include J-10C fighters from China"): the possessor receives, and a bid is its
    request; without such a source the possessor gives ("Lockheed Martin's bid", "Britain's
    donation of tanks from its own stocks")."""
    noun, frame = gov.token, gov.frame
    if noun is None or frame is None or noun.pos_ != "NOUN" or frame.subject != "supplier":
        return (*parties, status)
    owner = next((resolved.state_at(c.i) for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or not resources.is_country(owner):
        return (*parties, status)
    # the phrase of the noun, and the verb that lists what it includes
    passing = any(f.passes for f in frame_index(noun.doc).get(noun.head.i, ()))
    verb = noun.head if noun.dep_ == "nsubj" and passing else noun
    for prep in verb.subtree:
        source = _pobj_state(prep, resolved) if prep.lower_ == "from" else None
        if source is not None and source != owner and resources.is_country(source):
            return source, owner, "requested" if frame.status == "offered" else status
    return (*parties, status)


def _rejected_offer(
    gov: Governor,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    resolved: Resolved,
    parties: tuple[str | None, str | None],
    status: str,
) -> tuple[str, str | None]:
    """(status, recipient) of an offer that was rejected ("Sweden's Gripen NG, proposed by
    Saab, was rejected", "India turned down the Su-35 Moscow had offered"): the offer was made
    all the same, and the one who rejects it is its would-be buyer, not a supplier refusing.
    Anything else is left as it is ("Russia declined to offer the S-400" is a refusal)."""
    supplier, recipient = parties
    frame, tok = gov.frame, gov.token
    if status != REFUSED or tok is None or frame is None or supplier is None:
        return status, recipient
    if frame.status != "offered" or frame.subject != "supplier":
        return status, recipient
    _, head = _head_modality(tok, index)
    refuser = _subject_state(head, resolved, set()) if head is not None else supplier
    if refuser == supplier:
        return status, recipient
    return "offered", recipient or refuser


def _refused_despite(
    tok: Token,
    head: Token,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    resolved: Resolved,
) -> tuple[bool, str | None]:
    """(asked, by whom) for a refusal set against requests ("declined to send its Taurus
    despite repeated Ukrainian requests", "refused ... after requests from Kyiv"), on the
    refusing verb or the transfer it refuses: the requests' own state, named on them, asked."""
    verbs = [tok]
    while verbs[-1] != head and verbs[-1].head != verbs[-1] and len(verbs) < 6:
        verbs.append(verbs[-1].head)
    for prep in (c for v in verbs for c in v.children):
        if prep.dep_ != "prep":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if not any(f.status == "requested" for f in index.get(noun.i, ())):
                continue
            states = [
                st
                for t in noun.subtree
                if (st := resolved.state_at(t.i)) and resources.is_country(st)
            ]
            return True, states[0] if states else None
    return False, None


def _candidates(doc: Doc, resolved: Resolved) -> list[Candidate]:
    """Every weapon mention a transfer frame governs, with the parties the text gives it."""
    index = frame_index(doc)
    found: list[Candidate] = []
    mentions = find_weapons(doc)
    supplies = {m.root(doc).i for m in mentions if m.category == "other"}
    for mention in [*mentions, *_anaphors(doc, mentions)]:
        root = mention.root(doc)
        if _no_item(mention, root, index) or _served(root, supplies, index):
            continue
        gov = _governor(doc, mention, index)
        if _route(gov):
            continue  # moved by its own state, held by no one new
        status = _stage(root, gov, index, resolved)
        if _no_transfer(mention, gov, status, index):
            # "Malaysia's Russian-built Su-30MKM fighters ...": whatever the clause does with
            # them, a state's weapons of a named foreign origin were once supplied to it.
            found.extend(
                _range_item(doc, mention, root, found)
                or _origin_holding(doc, mention, root, resolved, index, gov)
            )
            continue
        if gov.frame is not None and _winner(gov):
            continue  # "the F-35 beat the Rafale": the winner is no offer
        if _acting(gov, resolved) or _flown_beside(root, gov):
            continue
        supplier, recipient = _exchanged(doc, mention, gov, resolved) or _parties(
            doc, mention, gov, resolved
        )
        recipient = _not_a_source(doc, mention, resolved, recipient)
        supplier = supplier or _helper(gov, resolved, recipient)
        supplier = _announced_giver(gov, resolved, (supplier, recipient), mention.origin)
        supplier, recipient = _mutual_seller(mention, gov, supplier, recipient)
        supplier, recipient, status = _in_talks(gov, resolved, supplier, recipient, status)
        supplier, recipient, status = _bid_from(gov, resolved, (supplier, recipient), status)
        earlier = _deal_referred(gov, found, resolved)
        if earlier is not None:
            # "President Biden approved $800 million in military aid for Ukraine ... The
            # package includes 200 M113 carriers": the deal referred back to has the parties.
            supplier, recipient, status = _referred_parties(earlier, mention)
        same = _same_deal(gov, mention, found, resolved) if earlier is None else None
        if same is not None:
            supplier, recipient = same.supplier, same.recipient  # "the NASAMS sale was ..."
        whole = _share_of(mention, root, found)
        if whole is not None and whole.supplier and whole.recipient:
            # "promised 19 F-16s to Ukraine, the first of which are expected": a share of
            # weapons just named moves between the same parties
            supplier, recipient = whole.supplier, whole.recipient
        # "Russian weapons, including helicopters and air defence systems": a later item of
        # a list keeps the source its first item was given (not "K2 tanks and HIMARS").
        supplier = supplier or _listed_with(root, gov, found, mention.origin)
        supplier = supplier or _range_origin(doc, root, resolved)
        supplier = supplier or _share_source(gov, resolved)
        if supplier is None:
            # "its fleet of 80 Leopard 2s, many of them bought from the Netherlands": held
            supplier = _share_clause_source(root, resolved)
            status = "in_service" if supplier is not None else status
        asked = False
        status, recipient = _rejected_offer(gov, index, resolved, (supplier, recipient), status)
        if status == REFUSED and gov.token is not None:
            supplier, recipient, asked, status = _refused_sale(
                gov.token, index, resolved, supplier, recipient
            )
        assert gov.frame is not None
        supplier = supplier or _unnamed_licensor(gov, mention, recipient)
        if (
            supplier is None
            and gov.frame.supplier_named
            and not _foreign_design(gov, mention, resolved)
        ):
            continue  # "Croatia's MiG-21 fleet", "the navy is building its own submarines"
        supplier, recipient = _fallback_parties(mention, gov, status, supplier, recipient)
        supplier, recipient = _maker_ends(mention, status, supplier, recipient)
        supplier = _licensed_home_build(mention, gov, root, resolved, supplier, recipient)
        found.append(Candidate(mention, gov, status, supplier, recipient))
        found.extend(_outer_deal(doc, mention, gov, index, resolved, recipient))
        if asked:
            found.append(Candidate(mention, gov, "requested", supplier, recipient))
        found.extend(
            _co_parties(doc, Candidate(mention, gov, status, supplier, recipient), resolved)
        )
    found.extend(_handed_on_holdings(doc, found, resolved, index))
    found.extend(_passed_on_after(found, resolved, index))
    found.extend(_elliptic(doc, resolved, index))
    found.extend(_armaments(doc, mentions, found))
    return found


HELPING = frozenset({"help", "assist", "enable"})
AMOUNTS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})


def _helper(gov: Governor, resolved: Resolved, recipient: str | None) -> str | None:
    """The state that helps another buy weapons ("Washington pledged $18 million to help
    Vietnam's coast guard acquire patrol boats"): it provides them, as a payer does."""
    tok, frame = gov.token, gov.frame
    if tok is None or frame is None or frame.subject != "recipient" or recipient is None:
        return None
    helping = tok.head
    if tok.dep_ not in ("xcomp", "ccomp") or helping.lemma_ not in HELPING:
        return None
    helper = _subject_state(helping, resolved, set())
    return helper if helper not in (None, recipient) and resources.is_country(helper) else None


def _outer_deal(
    doc: Doc,
    mention: WeaponMention,
    gov: Governor,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    resolved: Resolved,
    recipient: str | None,
) -> list[Candidate]:
    """The deal a weapon's phrase hangs off when a participle on it tells another state's
    history ("signed a contract for the Korean system already chosen by the Emirates"): a
    deal of its own for the state that makes it."""
    outer, frame = gov.outer, gov.outer_frame
    if (
        not gov.inner
        or outer is None
        or frame is None
        or frame.block
        or frame.status not in ("ordered", "delivered")
        or gov.token is None
        or gov.token.dep_ != "acl"
        or gov.token.tag_ != "VBN"
    ):
        return []
    own = Governor(outer, frame, gov.anchor)
    supplier, buyer = _parties(doc, mention, own, resolved)
    supplier = supplier or mention.origin
    if buyer is None or supplier is None or buyer in (supplier, recipient):
        return []
    status = _stage(mention.root(doc), own, index, resolved)
    return [Candidate(mention, own, status, supplier, buyer)]


def _said_in_service(clause: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A relative clause that says its weapon is in service ("which are in service with
    special forces units")."""
    return (
        clause.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children)
        and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in clause.children)
        and any(
            c.dep_ == "prep" and any(f.id == "in-service" for f in index.get(c.i, ()))
            for c in clause.children
        )
    )


LATER_STAGES = frozenset({"delivered", "in_service"})
REALISED_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP"})


def _later_stage(
    root: Token, gov: Governor, index: dict[int, tuple[resources.FrameRecord, ...]], status: str
) -> str:
    """The furthest stage a sentence reports for a bought weapon: a clause on it ("bought 24
    Su-30MK2s from Russia, which entered service from 2006") or a verb joined to the one that
    bought it and taking it up by a pronoun ("bought two boats from China and commissioned
    them in 2017") that delivered it or put it in service."""
    if status not in ("ordered", "delivered") or gov.token is None:
        return status
    own = _own_noun(root)
    nouns = [own]
    for _ in range(4):  # "the MiG-21 and MiG-23 fighters and T-72 tanks now in service"
        if nouns[-1].dep_ not in ("conj", "nmod", "compound", "amod"):
            break
        nouns.append(nouns[-1].head)
    if nouns[-1].dep_ == "pobj" and nouns[-1].head.lower_ == "of":
        nouns.append(nouns[-1].head.head)  # "most of the fighters now in service"
    if status == "delivered" and any(
        c.dep_ == "prep" and any(f.id == "in-service" for f in index.get(c.i, ()))
        for n in nouns
        for c in n.children
    ):
        return "in_service"  # "the MiG-21 fighters now in service came from Moscow"
    clauses = [c for c in own.children if c.dep_ == "relcl"]
    verb = gov.token
    # "bought 24 Su-30MK2s from Russia, which entered service": a clause the parser hung on the
    # source that only a weapon can do (arrive, enter service)
    clauses += [
        c
        for prep in (*verb.children, *own.children)
        if prep.dep_ == "prep"
        for noun in prep.children
        for c in noun.children
        if c.dep_ == "relcl" and (f := _governing(index.get(c.i, ()))) and f.subject == "theme"
    ]
    if verb.pos_ == "VERB":
        clauses += [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and any(o.lower_ in WEAPON_PRONOUNS and o.dep_ != "poss" for o in c.children)
        ]
    clauses += _share_clauses(verb, own)
    if (
        any(_said_in_service(c, index) for c in clauses)
        and STATUS_RANK[status] < STATUS_RANK["in_service"]
    ):
        return "in_service"  # "bought Russian-made Kornet missiles, which are in service with"
    for clause in clauses:
        frame = _governing(index.get(clause.i, ()))
        if frame is None or not _weapon_is_subject(clause, frame):
            continue  # "the Ada class that Turkey's navy has operated", "the pilots flew them"
        if (
            frame.status in LATER_STAGES
            and frame.subject != "rival"
            and frame.id != "replace"  # "which will replace ...": the older weapon is meant
            and clause.tag_ in REALISED_TAGS
            and not any(c.tag_ == "MD" or c.dep_ == "neg" for c in clause.children)
            and STATUS_RANK[frame.status] > STATUS_RANK[status]
        ):
            status = frame.status
    return _recipient_took_it(verb, index, status)


def _recipient_took_it(
    verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]], status: str
) -> str:
    """The stage a clause on the buyer reports ("has sold 26 Gripens to South Africa, which
    took delivery of the jets between 2008 and 2012"): what the buyer has done with them."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for clause in (c for n in prep.children for c in n.children if c.dep_ == "relcl"):
            frame = _governing(index.get(clause.i, ()))
            if (
                frame is not None
                and frame.subject == "recipient"
                and frame.status in LATER_STAGES
                and clause.tag_ in REALISED_TAGS
                and any(c.dep_ == "nsubj" and c.lower_ in ("which", "who") for c in clause.children)
                and not any(c.tag_ == "MD" or c.dep_ == "neg" for c in clause.children)
                and STATUS_RANK[frame.status] > STATUS_RANK[status]
            ):
                status = frame.status
    return status


def _share_of(mention: WeaponMention, root: Token, found: list[Candidate]) -> Candidate | None:
    """The candidate a share stands in ("the first of which", "six of them"): the last one of
    the same system in the same sentence."""
    if not _share_word(root):
        return None
    sent = sentence(root)
    return next(
        (
            c
            for c in reversed(found)
            if c.mention.system == mention.system and sent.start <= c.mention.start < root.i
        ),
        None,
    )


def _weapon_is_subject(clause: Token, frame: resources.FrameRecord) -> bool:
    """Whether a clause on a weapon has the weapon (or the buyer it shares) as its subject:
    none of its own, or "which"/"they" doing what a weapon does or has done to it."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return True  # "bought two boats and commissioned them"
    weapon = subject.lower_ in WEAPON_PRONOUNS | RELATIVE_PRONOUNS or _share_word(subject)
    return weapon and (frame.subject == "theme" or subject.dep_ == "nsubjpass")


def _share_word(tok: Token) -> bool:
    """A share of weapons just named: "the last of which", "most of them"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lower_ in ("which", "them") for o in c.children)
        for c in tok.children
    )


def _share_clauses(verb: Token, own: Token) -> list[Token]:
    """The clauses of shares of a weapon (``own``, its noun) that a verb's clause names
    ("bought four ships from France, the last of which arrived in 2022"), however the parser
    hung the share: what it did is what became of the weapons. A share is of the last weapon
    named before it."""
    heads = _weapon_tokens(verb.doc)[1]
    out = []
    for tok in verb.subtree:
        if tok.i <= own.i or not _share_word(tok):
            continue
        if any(i in heads for i in range(own.i + 1, tok.i)):
            continue  # "sold Iraq 36 F-16s, the first of which ...": not of the tanks before
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head != verb:
            out.append(tok.head)
        out += [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    return out


def _co_parties(doc: Doc, cand: Candidate, resolved: Resolved) -> list[Candidate]:
    """The same transfer for the other parties its sentence names beside one: coordinated
    states ("Norway and Denmark will supply NASAMS", "jets from Pakistan and China", "building
    jets for Sweden, Brazil and Thailand"), gapped repeats, co-makers and echoes."""
    mention, gov, status = cand.mention, cand.gov, cand.status
    supplier, recipient = cand.supplier, cand.recipient
    root = mention.root(doc)
    out: list[Candidate] = []
    clause = _clause_head(gov.token if gov.token is not None else root)
    for other in _conjoined(clause, supplier, recipient, resolved) if supplier != recipient else []:
        out.append(Candidate(mention, gov, status, other, recipient))
    others = _conjoined(clause, recipient, supplier, resolved)
    outer = gov.outer_frame
    if gov.inner and gov.outer is not None and not others and outer and outer.id in HOLDER_FRAMES:
        # "Saudi Arabia and the UAE field Patriot batteries supplied by the United States":
        # the states that hold what the phrase's own clause handed over
        others = _conjoined(_clause_head(gov.outer), recipient, supplier, resolved)
    for other in others:
        out.append(Candidate(mention, gov, status, supplier, other))
    for other in _gapped_sources(mention, gov, supplier, resolved):
        out.append(Candidate(mention, gov, status, other, recipient))
    for other, role in _gapped_subjects(mention, gov, resolved, {supplier, recipient}):
        pair = (other, recipient) if role == "supplier" else (supplier, other)
        out.append(Candidate(mention, gov, status, *pair))
    for other in _co_makers(doc, mention, root, supplier, resolved):
        out.append(Candidate(mention, gov, status, other, recipient))
    out.extend(_echoed(mention, gov, status, clause, supplier, recipient, resolved))
    return out


def _winner(gov: Governor) -> bool:
    """Whether a weapon is the subject of a frame that governs only its object: a rival frame
    ("the F-35 beat the Rafale") or a lasting one ("the jets will replace the Hornets")."""
    frame = gov.frame
    assert frame is not None
    lasting = _lasting(frame) and frame.subject != "theme" and not _raised_passive(gov.token)
    return (frame.subject == "rival" or lasting) and first_conjunct(gov.anchor).dep_ == "nsubj"


def _raised_passive(tok: Token | None) -> bool:
    """Whether a subject's verb is a passive raised through "due to", "set to", "expected to"
    ("the Mirage III interceptors are due to be retired"): the subject is what is retired."""
    if tok is None:
        return False
    chain = [tok]
    for _ in range(3):
        nxt = [c for c in chain[-1].children if c.dep_ in ("acomp", "xcomp")]
        if not nxt:
            break
        chain.append(nxt[0])
    return any(c.dep_ == "auxpass" for t in chain[1:] for c in t.children)


def _replacement(anchor: Token) -> bool:
    """Whether a weapon is what a replacing verb brings in ("replace them with Black Hawks")."""
    anchor = first_conjunct(anchor)
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "with"


def _deal_referred(gov: Governor, found: list[Candidate], resolved: Resolved) -> Candidate | None:
    """The earlier deal a bare definite deal noun refers back to ("The package includes ...",
    "The deal also covers ..."): the latest transfer with both parties in this or the three
    sentences before, when the noun names no party of its own."""
    noun = gov.token
    if noun is None or noun.pos_ != "NOUN" or gov.frame is None or gov.inner:
        return None
    verb = noun.head
    # "The package is reported to include ...": the listing verb below the one raised to
    lists = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    index = frame_index(noun.doc)
    if noun.dep_ not in ("nsubj", "nsubjpass") or not any(
        f.passes for v in lists for f in index.get(v.i, ())
    ):
        return None  # only a deal that lists what it holds ("The package includes ...")
    if not _definite_without_parties(noun, resolved):
        return None  # "the Indian package", "the deal with France": its own parties
    floor = sentences_back(noun, 3)
    for cand in reversed(found):
        token = cand.gov.token
        if (
            token is not None
            and floor <= token.i < noun.i
            and cand.supplier
            and cand.recipient
            and cand.status not in (REFUSED, "cancelled")
            # a deal named as such: an aid or arms package, or a deal noun
            and (cand.mention.category == "other" or token.pos_ == "NOUN")
        ):
            return cand
    return None


def _same_deal(
    gov: Governor, mention: WeaponMention, found: list[Candidate], resolved: Resolved
) -> Candidate | None:
    """The earlier deal a definite deal noun named by its system refers back to ("Lithuania
    signed to buy NASAMS from Norway ... the NASAMS sale was purely defensive"): the latest
    transfer of the same system with both parties, when the noun names no party of its own."""
    noun = gov.token
    if noun is None or noun.pos_ != "NOUN" or gov.frame is None or gov.inner:
        return None
    if not gov.frame.status or mention.system is None or mention.root(noun.doc).head != noun:
        return None
    if not _definite_without_parties(noun, resolved):
        return None  # "the Norwegian NASAMS sale", "the sale to Lithuania": its own parties
    return next(
        (
            c
            for c in reversed(found)
            if c.mention.system == mention.system
            and c.supplier
            and c.recipient
            and c.status not in (REFUSED, "cancelled")
        ),
        None,
    )


def _definite_without_parties(noun: Token, resolved: Resolved) -> bool:
    """Whether a deal noun is made definite ("the", "this", "that") and names no state in its
    own phrase: a reference back to a deal told before."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    # "The package, announced by the Defense Security Cooperation Agency": who makes it
    # known is no party named
    told = resources.speech_verbs()
    return not any(
        resolved.state_at(t.i)
        for c in noun.children
        if not (c.dep_ == "acl" and c.lemma_ in told)
        for t in c.subtree
    )


ARMING = frozenset({"arm", "equip", "fit"})
"""Verbs of a weapon fitted to another ("a coastal defence system armed with the NSM")."""
CARRYING = frozenset({"carry"})
"""Verbs whose object a platform is armed with ("the frigate will carry Aster 15 missiles")."""
PLATFORMS = frozenset(
    {
        "fighter_aircraft",
        "ship",
        "submarine",
        "helicopter",
        "combat_helicopter",
        "uav",
        "patrol_aircraft",
        "transport_aircraft",
        "tank",
        "armoured_vehicle",
        "air_defence",
    }
)
"""Categories of weapons that carry others."""


def _armaments(doc: Doc, mentions: list[WeaponMention], found: list[Candidate]) -> list[Candidate]:
    """A weapon that arms another of a transfer ("a contract for a coastal defence system armed
    with the Naval Strike Missile", "the jets come with Meteor missiles") goes with it, from
    the same supplier to the same buyer."""
    out: list[Candidate] = []
    hosts = {_own_noun(c.mention.root(doc)).i: c for c in found if c.status != REFUSED}
    have = {(c.mention.start, c.mention.end) for c in found}
    for m in mentions:
        if m.system is None or (m.start, m.end) in have:
            continue
        noun = _list_head(_own_noun(m.root(doc)), verbs=False)  # "with A and B missiles"
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else None
        if noun.dep_ == "dobj" and noun.head.lemma_ in CARRYING:
            verb = noun.head  # "the vessel will carry Aster 15 missiles"
        if verb is None:
            continue
        if verb.lemma_ in ARMING and verb.dep_ == "acl":
            host = hosts.get(verb.head.i)
        elif (
            verb.lemma_ == "come"
            or verb.lemma_ in CARRYING
            or (verb.lemma_ in ARMING and any(c.dep_ == "nsubjpass" for c in verb.children))
        ):
            # "The jets come with Meteor air-to-air missiles": what comes with a weapon
            # handed over goes with it.
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            host = hosts.get(subj.i) if subj is not None else None
            if host is None and subj is not None and _definite_noun(subj) and _platform_word(subj):
                # "India inducted five Rafales. The jets come with ...": the last transfer of
                # a platform that carries weapons
                floor = sentences_back(verb, 2)
                host = next(
                    (
                        c
                        for c in reversed(found)
                        if floor <= c.mention.start < verb.i and c.mention.category in PLATFORMS
                    ),
                    None,
                )
        else:
            continue
        if host is not None and host.supplier is not None:
            out.append(Candidate(m, host.gov, host.status, host.supplier, host.recipient))
    return out


def _platform_word(tok: Token) -> bool:
    """Whether a noun names a weapon that carries others ("the frigate", "the vessel", "the
    jets"), as a weapon term of such a kind or a word that refers back to one."""
    return any(
        t.term.lower() == tok.lower_ and (t.refers or t.category in PLATFORMS)
        for t in resources.weapon_terms()
    )


def _definite_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _echoed(
    mention: WeaponMention,
    gov: Governor,
    status: str,
    clause: Token,
    supplier: str | None,
    recipient: str | None,
    resolved: Resolved,
) -> list[Candidate]:
    """ "Poland has sent Leopard 2 tanks to Ukraine, as have Spain and Portugal": the states
    of an "as did" clause take the subject's part in the same transfer."""
    assert gov.frame is not None
    subject = gov.frame.subject
    if subject not in ("supplier", "recipient") or supplier is None or recipient is None:
        return []
    out = []
    for t in echo_subjects(clause):
        st = resolved.state_at(t.i)
        if st is None or st in (supplier, recipient) or not resources.is_country(st):
            continue
        parties = (st, recipient) if subject == "supplier" else (supplier, st)
        out.append(Candidate(mention, gov, status, *parties))
    return out


def _handed_on_holdings(
    doc: Doc,
    found: list[Candidate],
    resolved: Resolved,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> list[Candidate]:
    """A state's own weapons of named origin that it hands on ("Denmark donated all 19 of its
    French-made CAESAR howitzers to Ukraine"): before they moved on, the origin had supplied
    them to the state that now supplies them."""
    out: list[Candidate] = []
    for c in found:
        if c.supplier is None:
            continue
        held = _origin_holding(doc, c.mention, c.mention.root(doc), resolved, index)
        out += [h for h in held if h.recipient == c.supplier]
    return out


def _passed_on_after(
    found: list[Candidate],
    resolved: Resolved,
    index: dict[int, tuple[resources.FrameRecord, ...]],
) -> list[Candidate]:
    """Weapons a buyer passes on by a verb joined to the one that bought them ("Canada will
    buy a NASAMS system from the United States and donate it to Ukraine"): a second transfer,
    from the buyer to the state the joined verb names."""
    out: list[Candidate] = []
    for c in found:
        verb = c.gov.token
        if c.recipient is None or verb is None or verb.pos_ != "VERB" or c.gov.inner:
            continue
        for joined in verb.children:
            if joined.dep_ != "conj" or joined.pos_ != "VERB":
                continue
            frame = _governing(index.get(joined.i, ()))
            if frame is None or frame.subject != "supplier" or frame.status not in MOVING:
                continue
            if not _passes_on_same(joined, c.mention.root(verb.doc)):
                continue
            to = _sent_to(joined, resolved)
            if to is None or to == c.recipient:
                continue
            modal = any(a.tag_ == "MD" for v in (verb, joined) for a in v.children)
            status = (frame.future or frame.status) if modal else frame.status
            assert status is not None
            gov = Governor(joined, frame, c.gov.anchor)
            out.append(Candidate(c.mention, gov, status, c.recipient, to))
    return out


def _passes_on_same(joined: Token, weapon: Token) -> bool:
    """Whether a verb joined to the one that bought a weapon hands on that same weapon: "it"
    or "them" as its object ("buy a NASAMS system and donate it to Ukraine"), or a passive
    that shares the weapon as its subject, with no auxiliary that opens a clause of its own
    ("the S-300 was bought by Cyprus and transferred to Greece")."""
    args = [o for o in joined.children if o.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if any(o.dep_ == "dobj" and o.lower_ in ("it", "them") for o in args):
        return True
    return (
        not args
        and joined.tag_ == "VBN"
        and not any(a.dep_ in ("aux", "auxpass") for a in joined.children)
        and weapon.dep_ == "nsubjpass"
        and weapon.head == joined.head
    )


def _sent_to(verb: Token, resolved: Resolved) -> str | None:
    """The country a verb of giving names as the receiver: its "to" phrase or its dative."""
    for c in verb.children:
        if c.dep_ not in ("prep", "dative"):
            continue
        nouns = [p for p in c.children if p.dep_ == "pobj"] if c.lower_ == "to" else [c]
        for noun in nouns:
            st = resolved.state_at(noun.i)
            if st is not None and resources.is_country(st):
                return st
    return None


def _range_item(
    doc: Doc, mention: WeaponMention, root: Token, found: list[Candidate]
) -> list[Candidate]:
    """An item of a range of weapons ("supplied most of its weapons, from T-90 tanks and Su-30
    fighters to S-300 batteries"): the range lists examples of the weapons named before it in
    the sentence, and shares their transfer, whatever the parser hung it on."""
    start = _range_start(doc, root)
    if start is None:
        return []
    floor = sentence(root).start
    before = [c for c in found if floor <= c.mention.start and c.mention.end <= start.i]
    if not before:
        return []
    prev = before[-1]
    supplier = prev.supplier if prev.mention.system is None else prev.supplier or mention.origin
    return [Candidate(mention, prev.gov, prev.status, supplier, prev.recipient)]


def _range_start(doc: Doc, root: Token) -> Token | None:
    """The "from" of a "from A to B" range of weapons that a mention is an item of."""
    noun = first_conjunct(_own_noun(root))
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "to" and prep.head.lower_ == "from":
        prep = prep.head  # "to S-300 batteries" hung on the "from"
    elif prep.lower_ == "to":
        prep = next((c for c in prep.head.children if c.lower_ == "from" and c.i < prep.i), prep)
    if prep.lower_ != "from":
        return None
    ends = [c for c in (*prep.children, *prep.head.children) if c.lower_ == "to" and c.i > prep.i]
    first = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if not ends or first is None or not _weapon_noun(doc, first):
        return None  # "moved tanks from Poland to Ukraine": a route, not a range
    return prep


def _mutual_seller(
    mention: WeaponMention, gov: Governor, supplier: str | None, recipient: str | None
) -> tuple[str | None, str | None]:
    """A deal both sides make, told from the seller's side ("the United States signed a
    contract with Poland for F-35s"): the weapon's own state sells it to the other party."""
    frame = gov.frame
    origin = mention.origin
    if frame is None or not frame.mutual or origin is None or mention.system is None:
        return supplier, recipient
    if recipient == origin and supplier not in (None, origin):
        return recipient, supplier
    return supplier, recipient


def _referred_parties(
    earlier: Candidate, mention: WeaponMention
) -> tuple[str | None, str | None, str]:
    """The parties and stage of the deal a later item is listed in; "Russia has signed arms
    contracts with Azerbaijan ... The package includes T-90S tanks": a Russian weapon tells
    which side of the contract sells, for the deal as for the item."""
    if _told_from_seller(earlier, mention):
        earlier.supplier, earlier.recipient = earlier.recipient, earlier.supplier
    return earlier.supplier, earlier.recipient, earlier.status


def _told_from_seller(earlier: Candidate, mention: WeaponMention) -> bool:
    """Whether a deal both sides make, first read with its subject as the buyer, lists an item
    whose own origin is that buyer: the subject sold, and the deal runs the other way."""
    frame = earlier.gov.frame
    return (
        frame is not None
        and frame.mutual
        and earlier.mention.system is None
        and mention.system is not None
        and mention.origin == earlier.recipient
        and earlier.supplier not in (None, mention.origin)
    )


def _range_origin(doc: Doc, root: Token, resolved: Resolved) -> str | None:
    """The origin a range's head gives its items ("a range of Israeli equipment, from Spike
    missiles to Hermes 900 drones"): what the items are examples of came from that state."""
    start = _range_start(doc, root)
    if start is None:
        return None
    head = start.head
    # the range's own noun: the phrase it hangs on, or the verb's object before it ("operate
    # a range of Israeli equipment, from ...")
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else []
    nouns += [c for c in head.children if c.dep_ == "dobj" and c.i < start.i]
    for noun in nouns:
        kinds = [noun, *(o for p in noun.children if p.lower_ == "of" for o in p.children)]
        for kind in kinds:
            for c in kind.children:
                if c.dep_ in ("amod", "compound") and (st := resolved.state_at(c.i)):
                    return st
    return None


def _fallback_parties(
    mention: WeaponMention,
    gov: Governor,
    status: str,
    supplier: str | None,
    recipient: str | None,
) -> tuple[str | None, str | None]:
    """Parties the text leaves out: the system's origin supplies it; a named ship's navy holds
    it once it is in service or shown ("commissioned as SLNS Parakramabahu"), sails it where
    it arrives ("USS Ford arrived in Haifa": a visit) and otherwise hands it over ("HMS Ocean
    was handed over to Brazil")."""
    if mention.navy is not None and status in HELD:
        return supplier, recipient or mention.navy
    sails = gov.frame is not None and gov.frame.subject == "theme"
    if supplier is None and mention.system is not None:
        if sails and mention.navy is not None:
            return None, recipient  # "USS Nimitz arrived in Manila": a visit, whatever its class
        supplier = mention.origin or (None if sails else mention.navy)
    return supplier, recipient


HOLDINGS_FRAME = "fleet-noun"
DEMONYM_DEPS = frozenset({"amod", "compound"})
"""The frame of a state's holdings: what a possessed weapon of named origin stands under."""


def _origin_holding(
    doc: Doc,
    mention: WeaponMention,
    root: Token,
    resolved: Resolved,
    index: dict[int, tuple[resources.FrameRecord, ...]],
    gov: Governor | None = None,
) -> list[Candidate]:
    """A state's own weapon whose phrase names a foreign origin ("Malaysia's Russian-built
    Su-30MKM fighters", "its Chinese-made J-10C fighters shot down ...", "Peru, whose French
    Mirage 2000s ..."): in service with the possessor, supplied by the origin. Captured or
    destroyed weapons ("Ukraine's captured Russian tanks") are no holding of this kind."""
    if _inner_block(mention, root, index) is not None:
        return []
    own = _own_noun(root)
    first = first_conjunct(own)  # "whose MiG-29s and French Mirage 2000s": the list's possessor
    holder = _possessor(doc, first, resolved) or _holder(first, resolved, index)
    frame = resources.frames_by_id()[HOLDINGS_FRAME]
    if holder is None and gov is not None and not _fought(gov) and mention.category != "missile":
        # "German-built Leopard 2 tanks were seen moving toward the front": a weapon of named
        # foreign origin that no phrase gives a holder is held by the state the article
        # leaves implicit (found as for any implicit buyer); its own origin must be named.
        # Missiles are fired; what reaches a place or strikes is left out above.
        origins = _stated_origins(doc, mention, own, resolved) or _listed_origin(
            doc, mention, resolved
        )
        implicit = dataclasses.replace(frame, explicit=False)
        return [
            Candidate(mention, Governor(own, implicit, own), "in_service", origin, None)
            for origin in origins
        ]
    if holder is None or not resources.is_country(holder):
        return []
    origin = _named_origin(doc, mention, own, resolved, holder)
    if origin is None or not resources.is_country(origin):
        return []
    gov = Governor(own, frame, own)
    # "Azerbaijan's Turkish- and Israeli-made drones": each stated maker supplied them.
    makers = list(dict.fromkeys([origin, *_stated_origins(doc, mention, own, resolved)]))
    return [Candidate(mention, gov, "in_service", o, holder) for o in makers if o != holder]


def _listed_origin(doc: Doc, mention: WeaponMention, resolved: Resolved) -> list[str]:
    """The maker stated before the first item of a list, when it is a later item's own origin
    too ("Russian-built T-90SA tanks, BMP-2M vehicles and Pantsir systems"): the gazetteer
    agrees with the text, so that origin is stated for the later item. Another origin
    ("Russian-built Su-30s and F-16s") is not carried over. Lists are read by word order."""
    if mention.origin is None:
        return []
    sent = sentence(doc[mention.start])
    first = mention
    for prev in reversed([m for m in find_weapons(doc) if sent.start <= m.start < mention.start]):
        gap = doc[prev.end : first.start]
        if any(t.tag_ in FINITE_TAGS or t.pos_ == "ADP" for t in gap):
            break  # a clause or phrase between them: no list
        if not any(t.lower_ in (",", "and", "or") for t in gap):
            break
        first = prev
    stated = _origin_before(doc, first, resolved) if first is not mention else None
    return [mention.origin] if stated is not None and stated == (mention.origin, True) else []


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _fought(gov: Governor) -> bool:
    """Whether a weapon takes part in an attack or strike, done to it ("destroyed
    Russian-made tanks", "shot down Turkish-made drones") or by it ("Iranian-made drones hit
    Kyiv"): the clause names the enemy, not the holder."""
    frame = gov.outer_frame if gov.inner else gov.frame
    tok = gov.outer if gov.inner else gov.token
    if frame is None:
        return False
    if frame.subject == "theme":
        return True  # "German-built tanks reached the Russian lines": an arrival in battle
    # Either side of a strike: what strikes is the attacker's, whom the clause leaves out.
    if frame.id in ATTACKS or (
        frame.id == "use" and tok is not None and tok.lemma_ in STRIKE_LEMMAS
    ):
        return True
    # "an attack by Iranian-made drones hit Kyiv": a noun of combat that is an act of attack
    attacks = resources.signal_rules()["armed_attack"].triggers
    return frame.block and tok is not None and tok.pos_ == "NOUN" and tok.lemma_ in attacks


def _co_makers(
    doc: Doc, mention: WeaponMention, root: Token, supplier: str | None, resolved: Resolved
) -> list[str]:
    """The other makers a weapon's own phrase states beside its supplier ("French- and
    American-built fighters"): each supplied it."""
    origins = _stated_origins(doc, mention, _own_noun(root), resolved)
    return [o for o in origins if o != supplier] if supplier in origins else []


def _stated_origins(doc: Doc, mention: WeaponMention, own: Token, resolved: Resolved) -> list[str]:
    """Every foreign origin a weapon's own phrase states: "Russian-built", "US-made" (a state
    and its participle), "Turkish- and Israeli-made", also a name left hanging on its hyphen
    that the parser put outside the phrase. A plain demonym may name the holder as well
    ("Russian Su-25 jets" in a Russian drill), so it states no origin."""
    found = [
        st
        for t, st in _modifier_states(mention, own, resolved)
        if resources.is_country(st) and supplier_suffixed(doc, t.i, t.i + 1)
    ]
    edge = own.left_edge.i
    if found and edge >= 2 and doc[edge - 1].lower_ in ("and", "or"):
        hanging = doc[edge - 2]
        st = resolved.state_at(hanging.i) if hanging.text.endswith("-") else None
        if st is not None and resources.is_country(st):
            found.insert(0, st)
    return list(dict.fromkeys(found))


def _holder(
    noun: Token, resolved: Resolved, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> str | None:
    """The state that has a weapon the phrase gives no possessor: the subject of the verb that
    uses or keeps it ("Russia used Iranian-made drones"), of the clause on it ("the
    Russian-made weapons his country owns"), or the state of the noun it counts part of
    ("five Indian aircraft, three of them French-built Rafales")."""
    doc = noun.doc
    # "launched wave after wave of Iranian-designed Shahed drones": the amount is the object
    used = noun
    for _ in range(3):
        # the amount the weapon is counted in ("dozens of", "a fleet of"), not a phrase that
        # joins other forces to it ("missions alongside Australian F/A-18s")
        if used.dep_ != "pobj" or used.head.lower_ != "of":
            break
        if used.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        used = used.head.head
    verb = used.head if used.dep_ == "dobj" else None
    if used.dep_ == "pobj" and used.head.head.pos_ == "VERB" and used.head.lower_ == "after":
        verb = used.head.head  # "launched wave after wave of ...", parsed as a phrase of time
    if verb is not None and _keeps(verb, index):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return resolved.subject_state(subj)
    for c in noun.children:
        if c.dep_ == "relcl" and _keeps(c, index):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
                return resolved.subject_state(subj)
    # "five Indian aircraft, three of them French-built Rafales"
    if noun.dep_ == "appos" or (noun.dep_ == "pobj" and noun.head.dep_ == "appos"):
        part = noun.head if noun.dep_ == "pobj" else noun
        whole = part.head.head if part.dep_ == "pobj" else part.head
        if part.dep_ == "appos" and whole.pos_ in ("NOUN", "PROPN"):
            return _possessor(doc, whole, resolved) or next(
                (
                    st
                    for c in whole.children
                    if c.dep_ in DEMONYM_DEPS and (st := resolved.state_at(c.i))
                ),
                None,
            )
    return None


def _keeps(verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a verb says its subject has or uses its object (a holding frame, or the use
    frame but for striking: "bombed Russian-made air defences" hits the enemy's)."""
    ids = {f.id for f in index.get(verb.i, ())}
    return bool(ids & HOLDING) or ("use" in ids and verb.lemma_ not in STRIKE_LEMMAS)


STRIKE_LEMMAS = frozenset({"shell", "bomb", "pound", "bombard", "fight", "storm", "fire"})
"""Verbs of the use frame whose object is a target, not the subject's weapon."""


def _possessor(doc: Doc, noun: Token, resolved: Resolved) -> str | None:
    """The state a noun's possessor names: "Malaysia's", "its" (by its antecedent), or the
    state right before "whose" ("Peru, whose ..."); "their" names no one state. The parser
    may hang it on a modifier of the noun ("Azerbaijan's Turkish- and Israeli-made drones")."""
    modifiers = [c for c in noun.children if c.dep_ in ("nmod", "amod", "compound")]
    for c in [*noun.children, *(g for m in modifiers for g in m.children)]:
        if c.dep_ != "poss":
            continue
        if c.lower_ == "whose":
            i = c.i - 1
            if i >= 0 and doc[i].text == ",":
                i -= 1
            return resolved.state_at(i) if i >= 0 else None
        if c.lower_ == "their":
            return None  # a plural: several states, or a group that is none
        if c.lower_ == "its":
            return resolved.antecedent(c)
        return _state_in(c, resolved)
    return None


def _named_origin(
    doc: Doc, mention: WeaponMention, own: Token, resolved: Resolved, holder: str
) -> str | None:
    """A state other than the holder that a weapon's own modifiers name as its origin:
    "Russian-built", "U.S.-supplied", or a plain demonym ("French Mirage 2000s")."""
    named = [
        st
        for t, st in _modifier_states(mention, own, resolved)
        # "French Mirage 2000s": a demonym, also when the parser made it a compound
        if st != holder
        and (
            supplier_suffixed(doc, t.i, t.i + 1) or t.ent_type_ == "NORP" or t.dep_ in DEMONYM_DEPS
        )
    ]
    # "the Swedish-British Gripen": of the partners named, the system's own origin
    return mention.origin if mention.origin in named else next(iter(named), None)


def _modifier_states(
    mention: WeaponMention, own: Token, resolved: Resolved
) -> Iterator[tuple[Token, str]]:
    """The states a weapon's own modifiers name, with their tokens (not a possessor's)."""
    for c in own.lefts:
        if c.dep_ == "poss":
            continue
        for t in c.subtree:
            st = resolved.state_at(t.i)
            if st is not None and not mention.start <= t.i < mention.end:
                yield t, st


def _anaphors(doc: Doc, mentions: list[WeaponMention]) -> list[WeaponMention]:
    """Weapons a transfer names by a pronoun ("Lithuania signed for eight of them", "has sent
    16 of them"): the named system last mentioned in this or the two sentences before."""
    out: list[WeaponMention] = []
    named = [m for m in mentions if m.system is not None]
    index = frame_index(doc)
    for i, (lower, _, _) in enumerate(token_table(doc)):
        tok = doc[i]
        # "Russia handed over six in 2017"; not "all 19 of the CAESAR howitzers", whose own
        # phrase names them.
        counted = _bare_count(tok, index) and not any(
            tok.left_edge.i <= m.start <= tok.right_edge.i for m in mentions
        )
        if not counted and not (
            lower in WEAPON_PRONOUNS and (_counted(tok) or _weapon_slot(tok, index))
        ):
            continue
        floor = sentences_back(tok, 2)
        # A bare number counts whatever was named last, a kind of weapon too ("wants at
        # least two" submarines); a pronoun, the system last named.
        before = [m for m in (mentions if counted else named) if floor <= m.start < tok.i]
        if before:
            last = before[-1]
            out.append(WeaponMention(tok.i, tok.i + 1, last.system, last.category, last.origin))
    return out


WEAPON_PRONOUNS = frozenset({"them", "they", "it"})
ORDINAL_ITEMS = frozenset({"first", "second", "third", "fourth", "last", "latest"})
"""Grammar: "the first", "the last" standing alone for one of the weapons just named."""


def _bare_count(tok: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A number standing alone for what was just named, in the place a transfer keeps for
    the weapon ("Russia handed over six in 2017", "Korea delivered twelve more", "the first
    24 arrived")."""
    count = tok if tok.pos_ == "NUM" else None
    if count is None and tok.lower_ == "more":
        count = next((c for c in tok.children if c.dep_ == "nummod"), None)
    number = _number(count) if count is not None else None
    # "Papua New Guinea received the first", "Tonga has since received theirs"
    elliptic = tok.lower_ == "theirs" or (
        tok.lower_ in ORDINAL_ITEMS and any(c.lower_ == "the" for c in tok.children)
    )
    if not elliptic and (number is None or not 0 < number <= 500):
        return False
    head = tok.head
    if _count_read_as_time(tok):
        head = tok.head.head  # "Chile ordered 12 last year", parsed as "12 last years"
    elif tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return False
    frame = _governing(index.get(head.i, ()))
    return frame is not None and frame.status is not None and not frame.block


def _count_read_as_time(tok: Token) -> bool:
    """A count the parser took for the number of "last year" or "next month" right after it
    ("Chile ordered 12 last year"): the count is the verb's object."""
    head = tok.head
    return (
        tok.dep_ == "nummod"
        and head.dep_ == "npadvmod"
        and head.i == tok.i + 2
        and head.doc[tok.i + 1].lower_ in ("last", "next", "this")
        and head.lemma_ in CALENDAR_NOUNS
    )


CALENDAR_NOUNS = frozenset({"year", "month", "week", "spring", "summer", "autumn", "winter"})
"""Grammar: the nouns of "last year", "next month" that the parser may count a number with."""


def _weapon_slot(tok: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """A pronoun in the place a transfer frame keeps for what is moved: the passive subject of
    a verb whose subject is a party ("they were commissioned in 2019"), or the subject of a
    verb whose subject is the weapon ("they arrived in March")."""
    if tok.lower_ == "them" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    frame = _governing(index.get(tok.head.i, ()))
    if frame is None or not frame.status or tok.head.pos_ != "VERB":
        return False
    if tok.dep_ == "nsubjpass":
        # not a recipient in the passive: "they were offered F-16s", "supplied with drones"
        served = any(
            c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "with")
            for c in tok.head.children
        )
        if frame.subject == "supplier":
            # "they were delivered by Germany", not "they were sent to the front" (forces move
            # their own weapons): a sender or a state to receive them must be named
            return not served and any(
                c.dep_ == "agent"
                or (
                    c.dep_ == "prep"
                    and c.lower_ == "to"
                    and c.pos_ == "ADP"
                    and any(g.pos_ == "PROPN" for g in c.children)
                )
                for c in tok.head.children
            )
        return frame.subject in ("recipient", "either") and not served
    return frame.subject == "theme"


def _counted(tok: Token) -> bool:
    """ "eight of them": a number's share of what the pronoun stands for."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NUM"


def _no_item(
    mention: WeaponMention, root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> bool:
    """A mention that is no traded item: the carrier ("aboard a Chinese transport aircraft"),
    a target ("against Pakistani drones"), or a generic noun whose list names the items
    ("Russian weapons, including helicopters")."""
    return (
        _transported(root)
        or _carrying_agent(root, index)
        or _targeted(root)
        or _unit_name(mention, root, index)
        or (mention.category == "other" and _umbrella(root, index))
        or (mention.category == "other" and _describes_a_noun(mention, root, index))
        or _relieved(root)
        or (_platform_served(root) and not _makers_own(root, mention.origin))
    )


def _describes_a_noun(
    mention: WeaponMention, root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> bool:
    """A generic word for weapons that only describes another noun ("a further foothold in
    the Gulf arms market", "the arms industry"): no item, unless that noun trades them ("arms
    sales", "weapons deliveries") or is a weapon itself."""
    if mention.system is not None or root.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = root.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i < root.i:
        return False
    doc = root.doc
    weapons = {i for m in find_weapons(doc) for i in range(m.start, m.end)}
    return head.i not in weapons and not index.get(head.i)


def _makers_own(root: Token, origin: str | None) -> bool:
    """Whether the possessor of a weapon's noun is its maker state ("a contract for South
    Korea's Cheongung II system"): the product sold, not a platform the buyer holds."""
    if origin is None:
        return False
    own = _own_noun(root)
    owners = {c.i for c in own.children if c.dep_ == "poss"}
    owners |= {t.i for o in list(owners) for t in root.doc[o].subtree}
    # a company as possessor makes it ("a contract for Baykar's Akinci drones")
    return any(
        s.label_ == "ACTOR"
        and (s.id_ == origin or resources.is_company(s.id_))
        and s.end - 1 in owners
        for s in root.doc.spans[NAMES_KEY]
    )


def _platform_served(root: Token) -> bool:
    """A state's own weapon that what is traded is "for" ("18 Mk-48 torpedoes for Taiwan's two
    old submarines", "reconnaissance pods for Taiwan's F-16 fleet"): the platform served, not an
    item of the deal."""
    own = _own_noun(root)
    # "a proposal from TKMS for its Type 216 design": the bidder's own product is the item;
    # "trained crews for Vietnam's Kilo-class submarines": people serve it, the state holds it
    return (
        own.dep_ == "pobj"
        and own.head.lower_ == "for"
        and any(c.dep_ == "poss" and c.pos_ != "PRON" for c in own.children)
        and not _forces(own.head.head, frame_index(root.doc))
    )


def _relieved(root: Token) -> bool:
    """A weapon named as where something else comes "from" or goes "to" ("will take over the
    alert duty from the MiG-21s", "handing a surprise defeat to Dassault's Rafale"): the
    verb's object is what changes hands, and it is no weapon."""
    if _range_start(root.doc, root) is not None:
        return False  # "a wide range of weapons, from K-8 trainers to HQ-9 batteries"
    root = first_conjunct(root)
    if root.dep_ != "pobj" or root.head.lower_ not in ("from", "to"):
        return False
    head = root.head.head
    names, heads = _weapon_tokens(root.doc)
    weapons = names | heads
    if head.pos_ == "NOUN" and head.dep_ == "dobj":
        return head.i not in weapons  # "handing a surprise defeat to ...": the object's phrase
    return head.pos_ == "VERB" and any(
        c.dep_ == "dobj"
        and c.pos_ == "NOUN"
        and c.i not in weapons
        and not any(t.i in names for t in c.subtree)
        for c in head.children
    )


def _unit_name(
    mention: WeaponMention, root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> bool:
    """A generic weapon word that names a unit ("artillery battalions", "tank brigades"): the
    forces, not a weapon."""
    return (
        mention.system is None
        and root.dep_ in ("compound", "amod", "nmod")
        and _forces(root.head, index)
    )


def _served(
    root: Token, supplies: set[int], index: dict[int, tuple[resources.FrameRecord, ...]]
) -> bool:
    """A weapon that ammunition is for ("asked Brazil for shells for the Leopard 1 tanks"):
    the shells are traded, not the tanks; unless a clause on the weapon tells of its own
    transfer ("shells for the Gepard guns it gave Kyiv last year")."""
    while root.dep_ in ("compound", "nmod", "amod") and root.head != root:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "for" or prep.head.i not in supplies:
        return False
    return _includer_frame(root, index) is None


def _umbrella(root: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """Whether a generic noun heads a list of what it covers ("weapons worth $1 billion,
    including helicopters and air defence systems", "arms such as drones"): the word that
    opens the list follows in the same clause, however the parser hung it."""
    doc = root.doc
    for tok in doc[root.i + 1 : min(sentence(root).end, root.i + 16)]:
        if any(f.passes for f in index.get(tok.i, ())):
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.text == ";":
            return False
    return False


LISTING_DEPS = frozenset({"conj", "appos", "pobj", "prep"})


def _listed_with(
    root: Token, gov: Governor, found: list[Candidate], origin: str | None
) -> str | None:
    """The supplier of the weapon a mention is listed with or under ("Russian weapons, from
    Su-30MKI fighters to the S-400", "... and air defence systems"); a system of another
    origin keeps its own ("paraded K2 tanks and HIMARS launchers")."""
    got = _listed_source_of(root, gov, found, named=origin is not None)
    return got if origin is None or got == origin else None


def _listed_source_of(
    root: Token, gov: Governor, found: list[Candidate], *, named: bool = False
) -> str | None:
    while root.dep_ in ("compound", "nmod") and root.head != root:
        root = root.head  # "Su-30MKI fighters": the noun is what the list holds
    if root.dep_ not in ("conj", "appos", "pobj"):
        return None
    heads = []
    head = root
    for _ in range(6):
        if head.dep_ not in LISTING_DEPS or head.head == head:
            break
        head = head.head
        heads.append(head.i)
    doc = root.doc
    if any(doc[i].dep_ == "prep" and _together(doc[i]) for i in heads):
        # "the tanks had been handed over, together with armoured recovery vehicles", "Su-30s
        # delivered from Russia, along with S-300VM systems": the item named before
        start = sentence(root).start
        same = [c for c in found if start <= c.mention.start < root.i and c.supplier]
        return same[-1].supplier if same else None
    # "Russian weapons, from Su-30MKI fighters to the S-400", the range hung on the verb: the
    # generic noun right before the list's first word.
    opener = next((i for i in reversed(heads) if doc[i].dep_ == "prep"), None)
    if opener is not None:
        before = opener - 1
        while before > 0 and doc[before].is_punct:
            before -= 1
        heads.append(before)
    for c in reversed(found):
        # the item before, named in its noun or as a word of it ("Russian-built BMP-1
        # infantry fighting vehicles and Mi-24 helicopters")
        if c.gov.token == gov.token and (
            any(c.mention.start <= i < c.mention.end for i in heads)
            or (named and c.mention.system and _own_noun(c.mention.root(doc)).i in heads)
        ):
            return c.supplier
    return None


ANAPHORIC = frozenset({"that", "this", "the", "these", "those"})


def _ended_deals(doc: Doc, found: list[Candidate], resolved: Resolved) -> list[Candidate]:
    """Deals a cancellation names by reference ("said it had chosen 16 Rafale fighters, but
    it shelved that plan months later", "... and has now dropped it"): the transfers of the
    last deal in this or the sentence before end."""
    index = frame_index(doc)
    out: list[Candidate] = []
    for i, frames in index.items():
        frame, verb = _governing(frames), doc[i]
        if frame is None or frame.status != "cancelled" or verb.pos_ != "VERB":
            continue
        obj = _ended_object(verb, index)
        if obj is None:
            continue
        gov = Governor(verb, frame, obj)
        if _status(gov, index) != "cancelled":
            continue  # "did not drop it", "if it drops the deal"
        floor = sentences_back(verb, 1)
        earlier = [
            c
            for c in found
            if floor <= c.mention.start < verb.i and c.status in TENTATIVE | {"ordered"}
        ]
        # Only a party ends its deal: "it shelved that plan", with "it" the buyer; a deal that
        # ends with no state as subject ("the deal stalled", "the plan was dropped") ends for
        # its parties.
        ender = _subject_state(verb, resolved, set()) if obj.dep_ != "nsubj" else None
        if earlier:
            # "chose China's HQ-9 in a tender for air defence, only to drop it": the last deal
            # of a named system, not a kind of weapon named after it
            named = [c for c in earlier if c.mention.system is not None]
            deal = (named or earlier)[-1].gov.token
            out += [
                Candidate(c.mention, gov, "cancelled", c.supplier, c.recipient)
                for c in earlier
                if c.gov.token == deal and ender in (None, c.supplier, c.recipient)
            ]
    return out


def _ended_object(verb: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> Token | None:
    """The deal reference a verb of ending ends: its object ("dropped it", "the plan was
    dropped"), its subject when the deal ends by itself ("the talks collapsed"), or the object
    of its particle's preposition ("walked away from the deal")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c if _deal_reference(c, index) else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        subject is not None
        and subject.lower_ not in ("it", "them")
        and _deal_reference(subject, index)
    ):
        return subject
    heads = [verb, *(c for c in verb.children if c.dep_ in ("prt", "advmod"))]
    for h in heads:
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ in ("from", "of", "on"):
                obj = next((o for o in p.children if o.dep_ == "pobj"), None)
                if obj is not None and _deal_reference(obj, index):
                    return obj
    return None


def _deal_reference(obj: Token, index: dict[int, tuple[resources.FrameRecord, ...]]) -> bool:
    """ "it", "that plan", "the deal": a reference to a deal named before, with no weapon."""
    if obj.lower_ in ("it", "them"):
        return True
    frame = _governing(index.get(obj.i, ()))
    names = _weapon_tokens(obj.doc)[0]
    return (
        frame is not None
        and frame.status is not None
        and any(c.dep_ == "det" and c.lower_ in ANAPHORIC for c in obj.children)
        and not any(t.i in names for t in obj.subtree)
    )


def _gapped_sources(
    mention: WeaponMention, gov: Governor, supplier: str | None, resolved: Resolved
) -> list[str]:
    """Suppliers of a gapped repeat right after the mention: "received six MiG-29s from
    Russia and four from Belarus" (not a later system's: "..., and Pantsirs from Moscow"),
    "its first Patriot batteries in April, one from the United States and one from Germany"
    (read in word order, however the parser hung the numbers)."""
    names, _ = _weapon_tokens(gov.anchor.doc)
    out: list[str] = [st for st in _counted_sources(mention, resolved) if st != supplier]
    for head in (gov.token, gov.anchor):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ != "conj" or c.pos_ != "NUM" or c.i < mention.end:
                continue
            if any(i in names for i in range(mention.end, c.i)):
                continue
            for p in c.children:
                st = _pobj_state(p, resolved) if p.dep_ == "prep" and p.lower_ == "from" else None
                if st and st != supplier and st not in out:
                    out.append(st)
    return out


GAP_STOPS = frozenset({",", ";", "while", "whereas", "but", "although", "though"})


def _gapped_subjects(
    mention: WeaponMention, gov: Governor, resolved: Resolved, parties: set[str | None]
) -> list[tuple[str, str]]:
    """(state, role) of each gapped clause after a transfer whose subject is a party: "Denmark
    has pledged 19 of the fighters and the Netherlands 24", "Lithuania signed for eight
    HIMARS launchers and Estonia for six" (a state right after "and" with a number and no
    verb of its own: it does what the subject did). Read in word order."""
    verb, frame, doc = gov.token, gov.frame, resolved.doc
    if verb is None or frame is None or doc is None or verb.pos_ != "VERB" or gov.inner:
        return []
    if frame.subject not in ("supplier", "recipient") or not _has_subject(verb):
        return []
    names, _ = _weapon_tokens(doc)
    end = sentence(verb).end
    out: list[tuple[str, str]] = []
    i = mention.end
    while i < end - 2:
        tok = doc[i]
        if tok.lower_ in GAP_STOPS or tok.tag_ in FINITE_TAGS or i in names:
            break
        if tok.lower_ == "and":
            j = i + 1 + (doc[i + 1].lower_ == "the")
            m = resolved.by_token.get(j)
            if m is not None and m.state and resources.is_country(m.state):
                after = doc[m.end : m.end + 2]
                counted = bool(after) and (
                    after[0].like_num or (after[0].lower_ == "for" and after[-1].like_num)
                )
                if counted and m.state not in parties:
                    out.append((m.state, frame.subject))
                i = m.end
                continue
        i += 1
    return out


def _counted_sources(mention: WeaponMention, resolved: Resolved) -> list[str]:
    """States in "one from X and one from Y" right after a mention, before any verb or
    other weapon of its sentence."""
    doc = resolved.doc
    if doc is None:
        return []
    names, _ = _weapon_tokens(doc)
    end = sentence(doc[mention.start]).end
    out: list[str] = []
    for tok in doc[mention.end : end - 2]:
        if tok.i in names or tok.pos_ in ("VERB", "AUX"):
            break
        nxt = doc[tok.i + 1]
        if tok.pos_ == "NUM" and nxt.lower_ == "from":
            st = next(
                (s for i in range(tok.i + 2, min(tok.i + 6, end)) if (s := resolved.state_at(i))),
                None,
            )
            if st and st not in out:
                out.append(st)
    return out


SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she"})
QUANTIFIERS = frozenset({"more", "most", "less", "much", "some", "plenty"})


def _elliptic(
    doc: Doc, resolved: Resolved, index: dict[int, tuple[resources.FrameRecord, ...]]
) -> list[Candidate]:
    """Arms bought with the weapons left unsaid: "Russia remains India's largest arms supplier,
    although New Delhi buys more from the United States, France and Israel" (one generic row
    per supplier, only in a sentence about arms)."""
    armed = {sentence(doc[m.start]).start for m in find_weapons(doc)}
    out: list[Candidate] = []
    for i, frames in index.items():
        verb, frame = doc[i], _governing(frames)
        if (
            frame is None
            or frame.subject != "recipient"
            or frame.status not in ("ordered", "delivered")
            or verb.pos_ != "VERB"
            or verb.dep_ in ("relcl", "acl")  # "the Rafales India bought from France"
            or sentence(verb).start not in armed
            or any(c.dep_ == "dobj" and c.lower_ not in QUANTIFIERS for c in verb.children)
        ):
            continue
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "buys more from"
        sources = [
            st
            for h in holders
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
            if p.dep_ == "pobj"
            for t in (p, *p.conjuncts)
            if (st := resolved.state_at(t.i)) and resources.is_country(st)
        ]
        recipient = _subject_state(verb, resolved, set())
        if not sources or recipient is None:
            continue
        gov = Governor(verb, frame, verb)
        status = _status(gov, index)
        if status in ("negated", "unknown"):
            continue
        mention = WeaponMention(verb.i, verb.i + 1, None, "other", None)
        out.extend(Candidate(mention, gov, status, st, recipient) for st in dict.fromkeys(sources))
    return out


def extract(
    doc: Doc, resolved: Resolved, dates: list[DateMention], title: str = ""
) -> list[ProcurementRow]:
    """Transfers in an article, one row per system and parties; refused transfers come back
    with the status ``refused`` (no deal, but a signal for the alignment facet). ``title``:
    the headline, which the text no longer holds, and which may name a system the body
    describes only by its kind.

    A recipient the sentence leaves implicit ("the tanks reached the front") is the one the
    article names for its other transfers; only failing that, the state it is most about."""
    found = _candidates(doc, resolved)
    found += _ended_deals(doc, found, resolved)
    found = _without_borrowed_suppliers(doc, found)
    found = _suppliers_referred_to(found)
    # A state's own procurement ("new aircraft ordered from Dassault" for France) names no
    # buyer of others' weapons; one refused weapons is a buyer the article names ("would not
    # send F-16s to Ukraine ... Poland has pledged 14 of its Leopards").
    named: Counter[str] = Counter(
        c.recipient
        for c in found
        if c.recipient is not None
        and c.recipient != c.supplier
        and resources.is_country(c.recipient)
    )
    by_system: dict[str | None, Counter[str]] = {}
    for c in found:
        rec = c.recipient
        if rec is not None and rec in named and rec != c.supplier and c.status != REFUSED:
            by_system.setdefault(c.mention.system, Counter())[rec] += 1
    focus = _focus_states(resolved)
    suppliers = {c.supplier for c in found if c.supplier is not None and c.status != REFUSED}
    # the buyers the text names outright, not through "the air force" or "the country"
    firm = Counter(
        c.recipient
        for c in found
        if c.recipient in named
        and c.recipient != c.supplier
        and not _described_holder(c.gov, resolved)
    )
    only_suppliers = suppliers - set(firm)
    rows: list[ProcurementRow] = []
    titles = headings(doc)
    for c in found:
        assert c.gov.frame is not None
        if any(h.start <= c.mention.start < h.end for h in titles):
            continue  # a subheading ("Rocket artillery from America") labels a section
        # "howitzers supplied by the United States reached front-line units": a supplier is
        # never its own recipient, and the buyer of a transfer is then left to the article (a
        # state's own holdings and offers, "China flies H-6 bombers", stay out).
        recipient = c.recipient
        described_self = recipient == c.supplier and _described_possessor(c, resolved)
        if recipient == c.supplier and (_self_implied(c) or described_self):
            recipient = None
        if recipient in only_suppliers and _described_holder(c.gov, resolved) and firm:
            # "Turkish Aerospace will build Anka drones in Kazakhstan ... The air force received
            # Su-30SMs from Russia": a description read as a state that only ever supplies in
            # this article is the article's buyer.
            recipient = firm.most_common(1)[0][0]
        used = _used_by_non_state(c.gov, resolved)
        if (
            recipient is None
            # "Germany built the navy's frigates": a supplier's own service is no buyer named
            and (not _explicit(c.gov, c.mention) or described_self)
            and not used  # "Houthi forces fired Iranian-supplied missiles": the user is no state
            and (described_self or not _named_subject(c.gov, c.mention))
        ):
            root = c.mention.root(doc)
            if _kept_at_home(c, root, resolved, focus):
                continue
            sent = sentence(root)
            same = by_system.get(c.mention.system) if c.mention.system else None
            recipient = _implicit_recipient(
                sent, resolved, c.supplier, named, focus, suppliers, same=same, anchor=root
            )
            if recipient is not None and recipient in _struck(c.gov, resolved):
                recipient = None  # "Iranian-supplied drones have hit power plants in Kyiv"
            if recipient is not None and _gives_beside(c, recipient, found, doc, resolved):
                recipient = None  # "India has given the islands patrol boats, while China
                # has donated two Y-12s": who gives beside it is not who receives
        if c.mention.category == "other" and not (c.supplier and c.recipient and recipient):
            continue  # "arms", "weapons" only count with both parties named
        if c.supplier is None:
            # "leaders discussed air defence", "called for faster deliveries of air defence": a
            # transfer from no one named (and no origin known) is a topic, not a deal.
            continue
        if recipient is None or _no_other_party(c, recipient, resolved):
            continue
        rows.append(_row(doc, c.mention, c.gov, c.status, c.supplier, recipient, dates))
    merged = merge(_named_generics(doc, _without_umbrellas(doc, rows), title))
    return [part for row in merged for part in _by_variant(doc, row)]


PROSPECTS = frozenset({"offered", "requested", "negotiating"})
"""Stages of a deal not yet made: beside a fleet in service, another deal."""


def _by_phase(row: ProcurementRow) -> list[ProcurementRow]:
    """A named system a state holds and is offered or plans more of: two deals ("operates
    ageing F-16s bought in the 1980s ... has instead offered the F-16 Block 70"). Orders and
    deliveries go with the fleet they joined, and a lease or a cancellation is one deal."""
    held = [e for e in row.evidence if e["status"] == "in_service"]
    prospects = [e for e in row.evidence if e["status"] in PROSPECTS]
    if not row.system or not held or not prospects or row.status in ("leased", "cancelled"):
        return [row]
    rest = [e for e in row.evidence if e not in prospects]
    out = []
    for part, quantity in ((rest, row.quantity), (prospects, None)):
        best = max(part, key=lambda e: STATUS_RANK[e["status"]])
        out.append(
            replace(
                row,
                status=best["status"],
                quantity=quantity,
                sentence=best["sentence"],
                start=best["start"],
                end=best["end"],
                evidence=part,
            )
        )
    return out


VARIANT_SUFFIX = re.compile(
    r"block \d+[a-z]*|[a-z0-9/+-]*\d[a-z0-9/+-]*|[a-z]{1,3}(?:/[a-z]{1,3})?\+?"
)
"""What a variant adds to its family's name: "A4", "MKI", "Block 70", "C/D", "-9"; not a word
("Marine", "Gripen") that may be another way of writing the same system."""


_NAMES: dict[str, resources.WeaponRecord] = {}
resources.on_reload(_NAMES.clear)  # an analyst's new weapon system


def _by_name() -> dict[str, resources.WeaponRecord]:
    if not _NAMES:
        _NAMES.update((rec.name, rec) for rec in resources.weapons())
    return _NAMES


def _variant_of(surface: str, forms: tuple[str, ...]) -> str | None:
    """The variant a mention names beyond its family's shortest name ("Leopard 2A4s": "a4"
    after "leopard 2"), "" for the family alone, None when it is written another way."""
    text = surface.lower()
    if text.endswith("s") and not text.endswith("ss"):
        text = text[:-1]
    bases = sorted((f.lower() for f in forms if text.startswith(f.lower())), key=len)
    for base in bases:
        rest = text[len(base) :].strip(" -")
        if not rest:
            return ""
        if text[len(base)].isalpha() and base[-1].isalpha():
            continue  # "Hawk" in "Hawkeye": another word
        if VARIANT_SUFFIX.fullmatch(rest):
            return rest
    return None


def _by_variant(doc: Doc, row: ProcurementRow) -> list[ProcurementRow]:
    """One row per variant the article names of one system and pair when the variants are at
    different stages, as separate deals ("leased 108 Leopard 2A4 tanks ... has ordered 219
    Leopard 2E tanks"); the family named alone, or written another way ("Fighting Falcon"),
    goes with the first variant named."""
    if row.system is None or len(row.evidence) < 2:
        return [row]
    rec = _by_name().get(row.system)
    if rec is None:
        return [row]
    tags = [_variant_of(doc.text[e["start"] : e["end"]], rec.forms) for e in row.evidence]
    named = sorted({t for t in tags if t}, key=tags.index)
    if not named:
        return [row]
    groups: dict[str, list[dict[str, Any]]] = {t: [] for t in named}
    family = [e for e, t in zip(row.evidence, tags, strict=True) if not t]  # also another way
    for e, t in zip(row.evidence, tags, strict=True):
        if t:
            groups[t].append(e)
    stages = {max(STATUS_RANK[e["status"]] for e in g) for g in groups.values()}
    if len(stages) < 2:
        return [row]  # "12 single-seat Gripen C and two two-seat Gripen D": one deal
    groups[named[0]].extend(family)
    out = []
    for part in groups.values():
        best = max(part, key=lambda e: STATUS_RANK[e["status"]])
        own = any(e["start"] == row.start for e in part)
        out.append(
            replace(
                row,
                status=best["status"],
                quantity=row.quantity if own else None,
                date=row.date if own else None,
                sentence=best["sentence"],
                start=best["start"],
                end=best["end"],
                evidence=sorted(part, key=lambda e: e["start"]),
            )
        )
    return sorted(out, key=lambda r: r.evidence[0]["start"])


def _self_implied(c: Candidate) -> bool:
    """Whether a transfer read as going to its own supplier goes to a buyer left to the
    article: one that moves or is offered, also when it is stopped or refused ("Washington
    froze deliveries of F-16s", "declined to send its ATACMS missiles": the supplier holds
    back what another was to get)."""
    frame = c.gov.frame
    return c.status in SELF_IMPLIED or (
        c.status in ("cancelled", REFUSED) and frame is not None and frame.status in MOVING
    )


def _named_generics(doc: Doc, rows: list[ProcurementRow], title: str = "") -> list[ProcurementRow]:
    """A generic row named by the article elsewhere: "signs deal for Indian BrahMos missiles"
    in the headline, then "signed a contract with BrahMos Aerospace for a shore-based anti-ship
    missile system". When the article (or its headline) names exactly one system of the row's
    category that its supplier designed, the row is that system, unless the article gives that
    system to other buyers only ("Saab is also competing to supply fighters to Malaysia" after
    Gripens for Switzerland)."""
    systems: dict[tuple[str, str], set[str]] = {}
    mentioned = [(m.system, m.category, m.origin) for m in find_weapons(doc)]
    mentioned += [(r.name, r.category, r.origin) for r in title_weapons(title)]
    for name, category, origin in mentioned:
        if name is not None and origin is not None:
            systems.setdefault((category, origin), set()).add(name)
    buyers: dict[str, set[str | None]] = {}
    for row in rows:
        if row.system is not None:
            buyers.setdefault(row.system, set()).add(row.recipient)
    for row in rows:
        if row.system is not None or row.category == "other" or row.supplier is None:
            continue
        named = systems.get((row.category, row.supplier), set())
        if len(named) != 1:
            continue
        system = next(iter(named))
        if row.recipient in buyers.get(system, {row.recipient}) or _the_one(doc, row):
            row.system = system
    return rows


def _the_one(doc: Doc, row: ProcurementRow) -> bool:
    """Whether a generic row's weapon is written as one definite thing ("The German howitzer
    is already in service in the Netherlands"): the one system of its kind the article names,
    whoever else holds it."""
    span = doc.char_span(row.start, row.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _gives_beside(
    c: Candidate, state: str, found: list[Candidate], doc: Doc, resolved: Resolved
) -> bool:
    """Whether a state is, in another clause of the same sentence, the subject of a verb that
    hands weapons over: it is a giver there, not the implicit buyer here; or it supplies
    beside this one by the same verb ("Egypt and the UAE are to supply tanks")."""
    sent = sentence(c.mention.root(doc))
    for other in found:
        verb, frame = other.gov.token, other.gov.frame
        if other is c or other.supplier != state or verb is None:
            continue
        if verb == c.gov.token:
            return True
        if frame is None or frame.subject != "supplier" or not sent.start <= verb.i < sent.end:
            continue
        if any(t.dep_ == "nsubj" and resolved.subject_state(t) == state for t in verb.children):
            return True
    return False


def _kept_at_home(c: Candidate, root: Token, resolved: Resolved, focus: list[str]) -> bool:
    """Whether a transfer with no buyer named stays with its supplier: a weapon of its own
    ("promised the army a missile of its own"), or one the article's own state hands to its
    own service ("Mazagon Dock has delivered six submarines to the navy" in a story on India;
    not "Roketsan delivered launchers to the army" in one on Bangladesh)."""
    if _own_state(root, resolved) == c.supplier and c.status not in OFFERS:
        return True
    if _held_by_forces_of(root, c.supplier, resolved):
        return True
    if _shown_at_home(root, c.supplier, resolved):
        return True
    return bool(focus) and focus[0] == c.supplier and _handed_home(c, resolved)


def _shown_at_home(root: Token, state: str | None, resolved: Resolved) -> bool:
    """Whether the sentence shows a weapon at a parade or show held in its own maker's state
    ("the Republic Day parade in New Delhi, where Indian-built tanks rolled past"): the
    state's own weapons, whoever watches."""
    if state is None:
        return False
    index = frame_index(root.doc)
    for tok in sentence(root):
        if not any(f.id == DISPLAY for f in index.get(tok.i, ())):
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if state in (resolved.state_at(obj.i), resolved.place_at(obj.i)):
                    return True
    return False


def _held_by_forces_of(root: Token, state: str | None, resolved: Resolved) -> bool:
    """Whether a weapon's phrase names a service of the state as its holder ("U.S. Army
    HIMARS launchers, flown in for the event"): the state moves its own weapons."""
    index = frame_index(root.doc)
    noun = root
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "U.S. Army HIMARS launchers": the phrase's head noun
    before = [t for t in noun.subtree if t.i < noun.i]
    return (
        state is not None
        and any(any(f.id == FORCES for f in index.get(t.i, ())) for t in before)
        and any(resolved.state_at(t.i) == state for t in before)
    )


def _handed_home(c: Candidate, resolved: Resolved) -> bool:
    """Whether a transfer verb hands the weapons to a description of the supplier's own state
    ("delivered six of the class to the navy", "handed the navy its first frigate")."""
    verb = c.gov.token
    if verb is None or c.supplier is None or verb.pos_ != "VERB":
        return False
    takers = [c2 for c2 in verb.children if c2.dep_ == "dative"]
    takers += [
        obj
        for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    return any(
        resources.reference(t) is not None and resolved.antecedent(t) == c.supplier for t in takers
    )


def _own_state(root: Token, resolved: Resolved) -> str | None:
    """The state a weapon's phrase calls its own maker or holder ("its own", "India's own")."""
    owner = _own_made(root)
    if owner is None:
        return None
    return _possessor_state(owner, resolved) or _state_in(owner, resolved)


def _described_possessor(c: Candidate, resolved: Resolved) -> bool:
    """Whether a weapon's possessor is a description that names no state ("built the navy's
    four frigates"): read as the supplier's own service, it names no buyer."""
    noun = c.mention.root(c.gov.anchor.doc)
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "the navy's four Valour-class frigates": the phrase's head noun
    return any(
        p.dep_ == "poss"
        and resources.reference(p) is not None
        and not any(resolved.state_at(t.i) for t in p.subtree)
        for p in noun.children
    )


def _no_other_party(c: Candidate, recipient: str, resolved: Resolved) -> bool:
    """Whether a transfer's buyer is no other party than its supplier: the supplier itself or
    a bloc it belongs to, or a held weapon's possessor ("to replace France's Rafale and the
    Eurofighters flown by Spain")."""
    supplier = c.supplier or ""
    if recipient == supplier or _own_member(supplier, recipient):
        return True
    return c.status == "in_service" and _state_possessor(c, resolved) == c.supplier


def _state_possessor(c: Candidate, resolved: Resolved) -> str | None:
    """The state named as a held weapon's possessor ("France's Rafale"): its holder."""
    noun = c.mention.root(c.gov.anchor.doc)
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return next(
        (st for p in noun.children if p.dep_ == "poss" and (st := resolved.state_at(p.i))),
        None,
    )


def _described_holder(gov: Governor, resolved: Resolved) -> bool:
    """Whether the subject a transfer's buyer comes from is a description of a state that
    names none ("the air force", "its navy", "the country")."""
    verb = gov.outer if gov.inner and gov.outer is not None else gov.token
    if verb is None:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or resources.reference(subj) is None:
        return False
    return not any(resolved.state_at(t.i) for t in subj.subtree if t.lower_ not in ("its", "their"))


def _without_umbrellas(doc: Doc, rows: list[ProcurementRow]) -> list[ProcurementRow]:
    """Rows of a cover term ("arms", "military aid") that its sentence also gives as kinds of
    weapon for the same parties ("receives Russian helicopters and armoured vehicles as
    military aid"): those kinds are the transfer."""
    umbrellas = resources.umbrella_terms()

    def covering(r: ProcurementRow) -> bool:
        return r.system is None and doc.text[r.start : r.end].lower() in umbrellas

    kinds = {(r.supplier, r.recipient, r.sentence) for r in rows if not covering(r)}
    return [
        r for r in rows if not covering(r) or (r.supplier, r.recipient, r.sentence) not in kinds
    ]


def _without_borrowed_suppliers(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Drop a system's pairing with a supplier that its sentence gives it only through another
    system of the same list: where a weapon is paired both with its own maker's state and with
    the maker of another weapon named beside it ("picked the Gripen over France's Rafale and the
    Eurofighter", "F-15s from the United States alongside Typhoons from Britain"), the second
    pairing is the list's, not the weapon's. A supplier that is no sibling's maker (a second-hand
    seller, a donor) is kept, and so is one the weapon's own phrase names."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in found:
        by_sentence.setdefault(sentence(doc[c.mention.start]).start, []).append(c)
    dropped: set[int] = set()
    for group in by_sentence.values():
        makers = {c.mention.origin for c in group if c.mention.system and c.mention.origin}
        for c in group:
            origin = c.mention.origin
            if c.gov.inner or not (
                c.mention.system and origin and c.supplier and c.supplier != origin
            ):
                continue  # "JF-17 fighters built by China and Pakistan": its own makers
            borrowed = c.supplier in makers and any(
                o.mention.origin == c.supplier and o.mention.system != c.mention.system
                for o in group
            )
            own = any(
                o.mention.system == c.mention.system
                and o.supplier == origin
                and o.recipient == c.recipient
                for o in group
            )
            if borrowed and own:
                dropped.add(id(c))
    return [c for c in found if id(c) not in dropped]


def _suppliers_referred_to(found: list[Candidate]) -> list[Candidate]:
    """ "Argentina will buy 24 used F-16s from Denmark. The first jets are expected within two
    years": a mention that names its system only by referring back, and that gets its supplier
    only from the system's origin, is the deal before it of the same system and buyer, so it
    takes that deal's supplier."""
    out: list[Candidate] = []
    for c in found:
        m = c.mention
        if m.back and c.supplier is not None and c.supplier == m.origin:
            earlier = [
                o
                for o in out
                if o.mention.system == m.system
                and o.supplier not in (None, m.origin)
                and o.recipient not in (None, m.origin)  # its maker receives none of it
                and c.recipient in (None, o.recipient)
            ]
            if earlier:
                c = Candidate(m, c.gov, c.status, earlier[-1].supplier, earlier[-1].recipient)
        out.append(c)
    return out


def _own_member(supplier: str, recipient: str) -> bool:
    """An alliance that sends fighters or ships to one of its own members ("NATO has sent more
    fighters to Romania") moves its forces: a deployment, not a transfer between states."""
    bloc = resources.actors_by_id().get(supplier)
    return bloc is not None and recipient in bloc.members


def _clause_head(tok: Token) -> Token:
    """The verb whose clause a token is in (itself when it is one)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            break
        tok = tok.head
    return tok


def _conjoined(
    clause: Token, state: str | None, other: str | None, resolved: Resolved
) -> list[str]:
    """Countries coordinated with a party's mention in the frame's clause ("Norway and Denmark
    will supply", "jets from Pakistan and China"); not "trust between Moscow and Ankara"."""
    if state is None:
        return []
    doc = clause.doc
    out: list[str] = []
    for m in resolved.in_span(sentence(clause)):
        tok = doc[m.start : m.end].root
        if m.state != state or _clause_head(tok) != clause:
            continue
        first = first_conjunct(tok)
        if first.dep_ == "pobj" and first.head.lower_ in ("between", "among"):
            continue
        for c in [*tok.conjuncts, *_joined_phrases(first)]:
            st = resolved.state_at(c.i)
            if st and st not in (state, other) and st not in out and resources.is_country(st):
                out.append(st)
    out += [st for st in _partners_in_act(clause, state, resolved) if st not in (*out, other)]
    # "The two countries agreed to buy IRIS-T": each state the group stands for.
    holder = clause
    while holder.dep_ in ("xcomp", "acomp") and not any(c.dep_ == "nsubj" for c in holder.children):
        holder = holder.head  # "The two countries agreed to buy", "are ready to send"
    # "... which has sold drones to all three governments": each state the group stands for.
    groups = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    groups += [
        o
        for p in clause.children
        if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "for")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for c in groups:
        # "Poland and Finland said they would send": "they" stands for the states listed
        members = resolved.group(c) or (resolved.listed_before(c) if c.lower_ == "they" else [])
        if not members and c.conjuncts and holder != clause:
            # "Poland and Finland are ready to send": a listed subject of a governing clause
            members = [st for t in (c, *c.conjuncts) if (st := resolved.state_at(t.i))]
        if state in members:
            out += [st for st in members if st not in (state, other) and st not in out]
    return out


def _joined_phrases(obj: Token) -> list[Token]:
    """The objects of phrases joined to the one a state is the object of, with the same
    preposition ("buys its arms from the United States and from Britain and France")."""
    prep = obj.head
    if obj.dep_ != "pobj" or prep.dep_ not in ("prep", "conj"):
        return []
    return [
        o
        for p in prep.conjuncts
        if p.lower_ == prep.lower_
        for k in p.children
        if k.dep_ == "pobj"
        for o in (k, *k.conjuncts)
    ]


def _partners_in_act(clause: Token, state: str, resolved: Resolved) -> list[str]:
    """ "Together with Finland, it bought K9s": a partner of the subject's state in the act is
    a party of its own."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or resolved.subject_state(subject) != state:
        return []
    together = [c for c in clause.children if c.dep_ == "prep" and _together(c)]
    return [
        st
        for c in together
        if (st := _pobj_state(c, resolved)) and st != state and resources.is_country(st)
    ]


def _together(prep: Token) -> bool:
    """ "together with Finland", "along with Norway": a partner, not a counterpart."""
    return prep.lower_ == "with" and any(
        c.lower_ in ("together", "along", "jointly") for c in (*prep.children, prep.head)
    )


def _used_by_non_state(gov: Governor, resolved: Resolved) -> bool:
    """Whether a weapon whose phrase names its supplier is used by someone who is no state
    ("Houthi forces fired Iranian-supplied missiles"): its recipient is then not to be guessed.
    A weapon that acts itself ("the French-supplied CAESAR guns now fire") is not used so."""
    outer, frame = gov.outer, gov.outer_frame
    if not gov.inner or outer is None or frame is None or not frame.block:
        return False
    holder = outer.head if outer.dep_ == "conj" and not _has_subject(outer) else outer
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    if subject is None or gov.anchor.i in {t.i for t in subject.subtree}:
        return False
    return _subject_state(holder, resolved, set()) is None


def _struck(gov: Governor, resolved: Resolved) -> set[str]:
    """The states a combat clause over a weapon's phrase aims at, and for an attack on the
    weapon ("a Russian drone hit a Polish-supplied howitzer") the attacker: never its
    recipient."""
    outer, frame = gov.outer, gov.outer_frame
    if not gov.inner or outer is None or frame is None or not frame.block:
        return set()
    attacked = _attacked(gov)
    return {
        st
        for c in outer.children
        if attacked or c.dep_ not in ("nsubj", "nsubjpass")
        for t in c.subtree
        if (st := resolved.state_at(t.i) or _possessor_state(t, resolved))
    }


def _possessor_state(tok: Token, resolved: Resolved) -> str | None:
    """What a possessive pronoun stands for ("its Su-34 bombers")."""
    return resolved.antecedent(tok) if tok.dep_ == "poss" and tok.pos_ == "PRON" else None


def _attacked(gov: Governor) -> bool:
    """Whether the clause a weapon's phrase hangs off attacks it ("Russian drones destroyed a
    German-supplied tank"): whoever does so is the enemy, not its holder."""
    frame, anchor = gov.outer_frame, gov.anchor
    if not gov.inner or frame is None or frame.id not in ATTACKS or anchor.dep_ == "nsubj":
        return False
    return not (anchor.dep_ == "pobj" and anchor.head.dep_ == "agent")  # "destroyed by Javelins"


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _implicit_recipient(
    sent: Span,
    resolved: Resolved,
    supplier: str | None,
    named: Counter[str],
    focus: list[str],
    suppliers: set[str],
    *,
    same: Counter[str] | None = None,
    anchor: Token | None = None,
) -> str | None:
    """The buyer a sentence leaves implicit: a state it names that receives weapons elsewhere
    in the article, else the article's main recipient, else the state the article is about.
    ``same``: the recipients the article gives the same system."""
    # Not a foe or a partner: "played a decisive role in its war with Armenia".
    # "Germany has supplied air defence since Russia's invasion": no party to the transfer.
    aside = {
        m.state
        for m in resolved.in_span(sent)
        if m.state not in named
        and not m.actor.startswith("P:")
        and _circumstantial(sent.doc[m.start], anchor)
    }
    # "UH-1 Hueys supplied by the United States and Polish-built W-3s": a source of an item.
    aside |= {
        st
        for i, (st, sure) in _item_sources(sent.doc, resolved).items()
        if sure and sent.start <= i < sent.end
    }
    # "... and Boeing bid Super Hornets": a company is a seller, never the implicit buyer.
    in_sentence = {
        m.state
        for m in resolved.in_span(sent)
        if m.state
        and not _opposed(sent.doc[m.start : m.end].root)
        and m.state not in aside
        and not resources.is_company(m.actor)
    }
    placed = _placed_in(anchor, resolved, supplier) if anchor is not None else None
    if placed is not None and placed not in aside:
        return placed
    found = _implicit_in(sent, resolved, supplier, named, focus, suppliers, in_sentence, same)
    return found if found not in aside else None


def _placed_in(anchor: Token, resolved: Resolved, supplier: str | None) -> str | None:
    """The country a transfer verb places the weapons in ("In Lebanon, the Americans have
    delivered six A-29s"): where they went is who received them."""
    verb = anchor
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if not frame_index(verb.doc).get(verb.i):
        return None  # "the arrival of the submarines was watched in New Delhi": no transfer
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            st = resolved.state_at(obj.i) if obj.dep_ == "pobj" else None
            if st and st != supplier and resources.is_country(st):
                return st
    return None


def _implicit_in(
    sent: Span,
    resolved: Resolved,
    supplier: str | None,
    named: Counter[str],
    focus: list[str],
    suppliers: set[str],
    in_sentence: set[str],
    same: Counter[str] | None,
) -> str | None:
    for state, _ in named.most_common():
        if state and state != supplier and state in in_sentence:
            return state
    # "Ethiopia turned to drones in 2021. Turkish TB2s were delivered that year": the country
    # the paragraph is about, as the subject of the sentences just before.
    local = _recent_subject(sent, resolved, supplier, own=True, avoid=suppliers) or (
        _recent_subject(sent, resolved, supplier)
    )
    if local is not None and local not in suppliers:
        return local
    # "Ethiopia: the drone war ... Turkish TB2s were delivered": the country the section's
    # subheading is about.
    topic = resolved.section_topic(sent[0])
    if topic is not None and topic != supplier and topic not in suppliers:
        return topic
    # "Slovakia will give Ukraine 13 MiG-29s ... Warsaw would send four MiG-29s": the state
    # that receives the same system elsewhere in the article.
    for state, _ in (same or Counter()).most_common():
        if state != supplier:
            return state
    # Of the article's recipients, the one it is most about ("The first six Rafales landed at
    # Pleso" in a story on Croatia that also lists its aid to Ukraine).
    for state in focus:
        if state != supplier and state in named:
            return state
    for state, _ in named.most_common():
        if state and state != supplier:
            return state
    return _fallback_recipient(sent, resolved, supplier, focus)


def _opposed(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against")


CIRCUMSTANCE_WORDS = frozenset(
    {"since", "after", "before", "during", "amid", "following", "despite", "until", "when"}
)
"""Prepositions and conjunctions that open a phrase of time or circumstance: the states named
in it ("since Russia's invasion of Ukraine") take no part in the sentence's transfer."""


def _circumstantial(tok: Token, anchor: Token | None = None) -> bool:
    """Whether a word lies in a phrase or clause of time or circumstance of its sentence that
    does not hold the weapon (``anchor``) too ("When Starmer flew to Ankara to sign a deal for
    Typhoons" holds the deal)."""
    for _ in range(8):
        opens = (tok.dep_ == "prep" and tok.lower_ in CIRCUMSTANCE_WORDS) or (
            tok.dep_ == "advcl"
            and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in CIRCUMSTANCE_WORDS
                for c in tok.children
            )
        )
        if opens:
            # "despite Ukrainian requests" on another clause than the weapon's is not its own
            return anchor is None or (
                not (tok.left_edge.i <= anchor.i <= tok.right_edge.i)
                and tok.head.is_ancestor(anchor)
            )
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def _misparsed_subject(tok: Token) -> bool:
    """A name the parser made the root of a sentence that has a verb of its own (not a
    subheading such as "Chile, Peru and Uruguay")."""
    return (
        tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and any(t.pos_ == "VERB" for t in sentence(tok))
    )


def _presented(subject: Token) -> bool:
    """A subject that a copula presents after itself ("Among the guests were Tunisia's
    president and ..."): one of a list of those present, not what the passage is about."""
    verb = subject.head
    return verb.lemma_ == "be" and subject.i > verb.i and subject.dep_ == "nsubj"


@lru_cache(maxsize=1)
def _reacting_verbs() -> frozenset[str]:
    """Verbs of speaking, judging and reacting, from the stance lexicon."""
    return resources.speech_verbs() | resources.judging_verbs() | {"react", "respond"}


resources.on_reload(_reacting_verbs.cache_clear)  # an analyst's new stance cue


def _reacting(subject: Token) -> bool:
    """Whether a subject only speaks or judges ("Moscow reacted angrily", "Peskov said the
    delivery was a mistake"): who answers a transfer is not whom the paragraph arms."""
    return subject.dep_ == "nsubj" and subject.head.lemma_ in _reacting_verbs()


def _recent_subject(
    sent: Span,
    resolved: Resolved,
    supplier: str | None,
    *,
    own: bool = False,
    avoid: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """The country that is the main subject of the sentence itself (``own``: "Peru has invited
    offers; Saab has offered the Gripen") or of one of the two before, latest first; a
    supplier of the article (``avoid``) and the subject of a verb of supplying ("the Czech
    Republic has delivered dozens more") are passed over."""
    doc = sent.doc
    lo = sent if own else Span(doc, sentences_back(doc[sent.start], 2), sent.start)
    found, at = None, lo.start - 1
    for m in reversed(resolved.in_span(lo)):
        root = doc[m.start : m.end].root
        # "Russia and Algeria have agreed a package": each state of a joint subject
        start = m.start
        if root.dep_ == "conj" and first_conjunct(root).dep_ in ("nsubj", "nsubjpass"):
            root = first_conjunct(root)
            start = root.left_edge.i
        if (
            m.state
            and m.state != supplier
            and m.state not in avoid
            and resources.is_country(m.state)
            and _main_subject(root, opens=start == sentence(doc[start]).start)
            and not _supplying(root)
            and not _presented(root)
            and not (m.start < sent.start and _reacting(root))
        ):
            found, at = m.state, m.start
            break
    # "Algeria ... It has not bought only Russian. Three corvettes were delivered from China":
    # a later subject pronoun stands for its state.
    # "The Chilean air force wants new fighters. Lockheed Martin has offered its F-16": a
    # later subject that describes a state by its service stands for that state too.
    table = token_table(doc)
    for i in range(at + 1, lo.end):
        if table[i][0] not in SUBJECT_PRONOUNS and table[i][2] != "NOUN":
            continue
        tok = doc[i]
        if not _main_subject(tok) or _supplying(tok):
            continue
        if table[i][0] in SUBJECT_PRONOUNS:
            st = resolved.antecedent(tok)
        else:
            st = _described_state(tok, resolved)
        if st and st != supplier and st not in avoid and resources.is_country(st):
            found = st
    return found


def _described_state(subject: Token, resolved: Resolved) -> str | None:
    """The state a subject that names a state's service or government describes by an
    adjective or a possessive of its own ("the Chilean air force", "Peru's navy"); not its
    officials or anything else it qualifies ("Russian officials warned")."""
    ref = resources.reference(subject)
    if ref is None or ref.kind != "state" or ref.person or ref.bare:
        return None
    if not (ref.paragraph or ref.home):
        return None
    for c in subject.children:
        if c.dep_ in ("amod", "poss", "compound") and c.i < subject.i:
            st = resolved.state_at(c.i)
            if st:
                return st
    return None


def _supplying(subject: Token) -> bool:
    """Whether a subject supplies by its verb's frame ("Germany has delivered", "Seoul sold")."""
    if subject.dep_ != "nsubj":
        return False
    frame = _governing(frame_index(subject.doc).get(subject.head.i, ()))
    return frame is not None and frame.subject == "supplier" and not frame.block


def _main_subject(tok: Token, *, opens: bool = False) -> bool:
    """The subject of a sentence's main verb (or of a verb coordinated with it); a subject
    that opens the sentence is taken however the parser hung its verb ("Peru, whose MiG-29s
    are nearing retirement, has invited offers; Saab has offered the Gripen")."""
    if opens and (tok.dep_ in ("nsubj", "nsubjpass") or _misparsed_subject(tok)):
        return True  # "Uzbekistan, which stays outside the CSTO, shops ...", misparsed
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return first_conjunct(tok.head).dep_ == "ROOT"


def _row(
    doc: Doc,
    mention: WeaponMention,
    gov: Governor,
    status: str,
    supplier: str | None,
    recipient: str,
    dates: list[DateMention],
) -> ProcurementRow:
    root = mention.root(doc)
    sent = sentence(root)
    when = date_for_clause(dates, doc, gov.token if gov.token is not None else root)
    span = doc[mention.start : mention.end]
    text = clean_sentence(sent)
    return ProcurementRow(
        system=mention.system,
        category=mention.category,
        supplier=supplier,
        recipient=recipient,
        status=status,
        quantity=_quantity(doc, mention, gov.anchor),
        date=when.value if when else None,
        sentence=text,
        start=span.start_char,
        end=span.end_char,
        evidence=[
            {"sentence": text, "start": span.start_char, "end": span.end_char, "status": status}
        ],
    )


def _focus_states(resolved: Resolved) -> list[str]:
    counts = Counter(
        m.state for m in resolved.mentions if m.state and resources.is_country(m.state)
    )
    return [s for s, _ in counts.most_common()]


def _fallback_recipient(
    sent: Span, resolved: Resolved, supplier: str | None, focus: list[str]
) -> str | None:
    """The buyer a sentence leaves implicit: of the countries it names, the one the article is
    most about; else the article's main country."""
    describing = weapon_modifier_tokens(sent.doc)
    sources = {
        m.state
        for m in resolved.in_span(sent)
        if sent.doc[m.start].head.lower_ in ("from", "by") or m.start in describing
    }
    named = [
        s
        for s in resolved.states_in(sent)
        if resources.is_country(s) and s != supplier and s not in sources
    ]
    for s in focus:
        if s in named:
            return s
    for s in focus:
        if s != supplier:
            return s
    return None


def _another_deal(generic: ProcurementRow, named: ProcurementRow) -> bool:
    """Whether a counted generic row is a deal of its own beside a named one: in other
    sentences, at another stage and of another size ("signed for six offshore patrol vessels"
    in a story that recalls two frigates delivered last year)."""
    apart = not {e["sentence"] for e in generic.evidence} & {e["sentence"] for e in named.evidence}
    return (
        apart
        and generic.quantity is not None
        and generic.status != named.status
        and generic.quantity != named.quantity
    )


def merge(rows: list[ProcurementRow]) -> list[ProcurementRow]:
    """One row per system (or generic category) per supplier and recipient."""
    merged: dict[tuple[str, str | None, str | None], ProcurementRow] = {}
    # Named systems first, so that a generic mention before them ("requests for air defence
    # ... asked for the Iron Dome") still joins their row.
    for row in sorted(rows, key=lambda r: r.system is None):
        name = row.system or f"*{row.category}"
        key = (f"!{name}" if row.status == REFUSED else name, row.supplier, row.recipient)
        if row.system is None and row.status != REFUSED:
            # A generic mention of a category that a named system of this deal already covers.
            for (sys, sup, rec), other in merged.items():
                if (
                    other.system
                    and other.status != REFUSED
                    and other.category == row.category
                    and rec == row.recipient
                    and (row.supplier in (None, sup))
                    and not _another_deal(row, other)
                ):
                    key = (sys, sup, rec)
                    break
        have = merged.get(key)
        if have is None:
            merged[key] = row
            continue
        have.evidence.extend(row.evidence)
        if STATUS_RANK[row.status] > STATUS_RANK[have.status]:
            have.status = row.status
            have.date = row.date or have.date
            have.sentence, have.start, have.end = row.sentence, row.start, row.end
        have.quantity = have.quantity or row.quantity
        have.date = have.date or row.date
    rows_out = [part for r in merged.values() for part in _by_phase(r)]
    # "Russian weapons, including Su-30 fighters": the named systems are the deal.
    named = {
        (r.supplier, r.recipient, e["sentence"]) for r in rows_out if r.system for e in r.evidence
    }
    kept = [
        r
        for r in rows_out
        if r.system
        or r.category != "other"
        or not any((r.supplier, r.recipient, e["sentence"]) in named for e in r.evidence)
    ]
    return sorted(kept, key=lambda r: min(e["start"] for e in r.evidence))
