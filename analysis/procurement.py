"""Weapon-system mentions to deals: supplier, recipient, category, status, quantity and date.

Supplier and recipient come from the grammar of the sentence ("bought X from Y", "Y delivered X
to Z", "Russian-made X", "Serbia's X"); the system's origin is used for the supplier only when the
text names none. Status comes from the governing verb, its tense and modality. One row per system
per deal: repeated mentions of the same system between the same parties are merged, keeping the
furthest stage reached and every evidence sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis import resources
from analysis.actors import Resolved
from analysis.constants import WORD_NUMBERS
from analysis.model import ProcurementRow
from analysis.pipeline import NAMES_KEY, TERMS_KEY, clean_sentence, sentence
from analysis.timeline import DateMention, date_for_clause

# When one article reports several stages of a deal, the row keeps the furthest one.
STATUS_RANK = {
    "unknown": 0,
    "displayed": 1,
    "planned": 2,
    "negotiating": 3,
    "in_service": 4,
    "ordered": 5,
    "delivered": 6,
    "cancelled": 7,
}
NOUN_STATUS = {
    "delivery": ("delivered", "supplier"),
    "shipment": ("delivered", "supplier"),
    "arrival": ("delivered", "theme"),
    "transfer": ("delivered", "supplier"),
    "donation": ("delivered", "supplier"),
    "import": ("delivered", "recipient"),
    "export": ("delivered", "supplier"),
    "purchase": ("ordered", "recipient"),
    "order": ("ordered", "recipient"),
    "acquisition": ("ordered", "recipient"),
    "procurement": ("ordered", "recipient"),
    "sale": ("ordered", "supplier"),
    "deal": ("ordered", "recipient"),
    "contract": ("ordered", "recipient"),
    "agreement": ("ordered", "recipient"),
    "buy": ("ordered", "recipient"),
    "cancellation": ("cancelled", "recipient"),
    "parade": ("displayed", "recipient"),
    "display": ("displayed", "recipient"),
    "fleet": ("in_service", "recipient"),
    "inventory": ("in_service", "recipient"),
    "arsenal": ("in_service", "recipient"),
    "service": ("in_service", "recipient"),
    "talks": ("negotiating", "recipient"),
    "negotiation": ("negotiating", "recipient"),
    "offer": ("negotiating", "supplier"),
    "plan": ("planned", "recipient"),
    "gift": ("delivered", "supplier"),
    "interest": ("planned", "recipient"),
    "framework": ("planned", "recipient"),
    "request": ("planned", "recipient"),
    "bid": ("planned", "recipient"),
    "tender": ("planned", "recipient"),
    "competition": ("planned", "recipient"),
}
TRANSPORT_PREPS = {"aboard", "onboard"}
CONTRACT_WORDS = {"contract", "order", "deal", "agreement", "agree"}
PRODUCTION_VERBS = {"produce", "build", "manufacture", "assemble", "make"}
PAST_PERFECT_DELIVERED = {"acquire", "procure", "import", "get", "obtain", "receive"}
MODAL_PLANNED = {"will", "would", "could", "might", "may", "should", "'ll", "shall"}
PLANNING_HEADS = {
    "plan": "planned",
    "want": "planned",
    "seek": "planned",
    "intend": "planned",
    "consider": "planned",
    "hope": "planned",
    "aim": "planned",
    "expect": "planned",
    "wish": "planned",
    "decide": "ordered",
    "agree": "ordered",
    "try": "planned",
    "negotiate": "negotiating",
    "discuss": "negotiating",
    "offer": "negotiating",
    "refuse": "cancelled",
    "decline": "cancelled",
    "abandon": "cancelled",
}
SUPPLIER_SUFFIX = re.compile(r"^(made|built|designed|supplied|produced|manufactured|origin)$")
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


@dataclass(slots=True)
class WeaponMention:
    start: int
    end: int
    system: str | None  # canonical designation, None for a generic mention
    category: str
    origin: str | None

    def root(self, doc: Doc) -> Token:
        return doc[self.start : self.end].root


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
        found.append(WeaponMention(span.start, span.end, rec.name, rec.category, rec.origin))
        taken.update(range(span.start, span.end))
    for m in _VARIANT_IN_TEXT.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start in taken:
            continue
        variant = _variant(span.text)
        if variant is not None:
            found.append(
                WeaponMention(span.start, span.end, variant.name, variant.category, variant.origin)
            )
            taken.add(span.start)
    specific_heads = {doc[m.start : m.end].root.head.i for m in found}
    specific_ends = {m.end for m in found}
    terms = sorted(
        (s for s in doc.spans[TERMS_KEY] if s.label_ == "TERM"),
        key=lambda s: (s.start, -(s.end - s.start)),
    )
    last_end = -1
    for span in terms:
        if span.start < last_end or any(i in taken for i in range(span.start, span.end)):
            continue
        last_end = span.end
        near_specific = (
            span.start in specific_ends
            or any(i in specific_heads for i in range(span.start, span.end))
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
        found.append(WeaponMention(span.start, span.end, None, span.id_, None))
    found.sort(key=lambda m: m.start)
    return found


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


def _designation_index() -> dict[str, resources.WeaponRecord]:
    if not _INDEX:
        for rec in resources.weapons():
            for form in rec.forms:
                if re.fullmatch(r"[A-Za-z]{1,6}-?\d{1,4}", form):
                    _INDEX.setdefault(form, rec)
    return _INDEX


def _state_in(token: Token, resolved: Resolved, *, skip: set[int] | None = None) -> str | None:
    """The first state named in a token's subtree ("Serbia's defence ministry" -> SRB)."""
    for t in token.subtree:
        if skip and t.i in skip:
            continue
        st = resolved.state_at(t.i)
        if st:
            return st
    return None


def _quantity(doc: Doc, mention: WeaponMention, anchor: Token) -> int | None:
    candidates = [anchor, doc[mention.start : mention.end].root]
    # "five units of the Pantsir", "a battery of S-400 systems": the count sits on the unit.
    if anchor.dep_ == "pobj" and anchor.head.lemma_ in UNIT_NOUNS:
        candidates.append(anchor.head)
    elif anchor.dep_ == "pobj" and anchor.head.head.lemma_ in UNIT_NOUNS:
        candidates.append(anchor.head.head)
    for tok in candidates:
        for child in tok.children:
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


def _governor(doc: Doc, root: Token) -> tuple[Token | None, Token]:
    """The verb or deal noun that governs a mention, and the token that attaches to it."""
    verbs = resources.procurement_verbs()
    tok = root
    anchor = root
    for _ in range(7):
        # Coordinated lists: "procured A as well as B, C and D" -> climb to the first conjunct.
        while tok.dep_ in ("conj", "appos") and tok.head is not tok:
            tok = tok.head
            anchor = tok
        head = tok.head
        if head is tok:
            break
        if head.pos_ in ("VERB", "AUX") and (head.lemma_ in verbs or head.lemma_ == "be"):
            return head, anchor
        if (
            head.pos_ == "NOUN"
            and head.lemma_ in NOUN_STATUS
            and tok.dep_
            in (
                "pobj",
                "compound",
                "dobj",
                "nmod",
                "amod",
                "poss",
                "acl",
            )
            and head.i != root.i
        ):
            return head, anchor
        if tok.dep_ in (
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
        ):
            if tok.dep_ not in ("relcl", "acl"):
                anchor = head if head.pos_ in ("NOUN", "PROPN") else anchor
            tok = head
            # A verb outside the lexicon ("landed", "which carry"): keep climbing only
            # through clauses that hang on something else.
            if (
                tok.pos_ in ("VERB", "AUX")
                and tok.lemma_ not in verbs
                and tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl")
            ):
                return tok, anchor
            continue
        break
    return (tok if tok.pos_ in ("VERB", "AUX") else None), anchor


def _transported(root: Token) -> bool:
    tok = root
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ in TRANSPORT_PREPS:
            return True
        tok = tok.head
    return False


def _in_service_words(sent: Span) -> bool:
    lower = sent.text.lower()
    return any(w in lower for w in ("in service", "inventory", "arsenal", "fleet of"))


def _clause_verb(noun: Token) -> Token | None:
    """A procurement verb in a clause on the noun: "the FK-3, which arrived", "jets donated by"."""
    verbs = resources.procurement_verbs()
    for c in noun.children:
        if c.dep_ in ("relcl", "acl") and c.lemma_ in verbs:
            return c
    return None


def _status(verb: Token | None, sent: Span) -> tuple[str, str]:
    """(status, what the subject is) from the governing verb, its tense and modality."""
    verbs = resources.procurement_verbs()
    if verb is None:
        return _sentence_status(sent), "recipient"
    if verb.pos_ == "NOUN":
        status, role = NOUN_STATUS[verb.lemma_]
        if any(c.lemma_ == "framework" for c in verb.children):
            status = "planned"
        # "the deal stalled", "Indonesia dropped the deal": the verb on the deal decides.
        outer = verbs.get(verb.head.lemma_) if verb.dep_ in ("nsubj", "dobj", "nsubjpass") else None
        if outer is not None and outer.status == "cancelled":
            status = "cancelled"
        return status, role
    entry = verbs.get(verb.lemma_)
    if entry is None:
        return _sentence_status(sent), "recipient"
    status, role = entry.status, entry.subject
    children = {c.lower_ for c in verb.children}
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if any(c.dep_ == "neg" for c in verb.children) or "never" in children:
        # "Serbia would not buy the S-400": no deal. A real cancellation has its own verb.
        return ("unknown" if status == "cancelled" else "negated"), role
    if (passive and role == "recipient") or (passive and role == "supplier"):
        role = "theme"
    if (
        status in ("ordered", "delivered")
        and entry.lemma in PAST_PERFECT_DELIVERED
        and (verb.tag_ in ("VBD", "VBN"))
    ):
        status = "delivered"
    if (
        verb.lemma_ in ("buy", "purchase")
        and verb.tag_ in ("VBD", "VBN")
        and verb.dep_ not in ("xcomp",)
        and not {t.lemma_ for t in sent} & CONTRACT_WORDS
    ):
        status = "delivered"  # "the 24 it bought in 2015": bought and in hand
    if children & MODAL_PLANNED and status in ("ordered", "delivered", "in_service"):
        status = "planned"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children) and status in (
        "ordered",
        "delivered",
        "in_service",
    ):
        status = "planned"
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_ in PLANNING_HEADS:
        status = PLANNING_HEADS[head.lemma_]
        if any(c.dep_ == "neg" for c in head.children):
            status = "negated"
    elif verb.dep_ in ("xcomp", "pcomp") and head.lemma_ in ("be",) and verb.tag_ == "VBG":
        status = "planned" if status != "cancelled" else status
    if (
        verb.dep_ == "xcomp"
        and any(c.lower_ in MODAL_PLANNED for c in head.children)
        and status in ("ordered", "delivered")
    ):
        status = "planned"
    if status == "ordered" and _delivered_in(sent, verb):
        status = "delivered"
    return status, role


def _delivered_in(sent: Span, verb: Token) -> bool:
    return any(
        t.lemma_ in ("deliver", "arrive", "receive", "hand")
        and t.tag_ in ("VBD", "VBN")
        and t.i != verb.i
        and not any(c.dep_ == "neg" for c in t.children)
        and not any(c.lower_ in MODAL_PLANNED for c in t.children)
        for t in sent
    )


def _sentence_status(sent: Span) -> str:
    lower = sent.text.lower()
    if "in service" in lower or "inventory" in lower or "arsenal" in lower:
        return "in_service"
    verbs = resources.procurement_verbs()
    best = "unknown"
    for t in sent:
        entry = verbs.get(t.lemma_)
        if entry and t.pos_ in ("VERB",) and entry.status == "cancelled":
            return "cancelled"
        if t.lemma_ in NOUN_STATUS and t.pos_ == "NOUN":
            st = NOUN_STATUS[t.lemma_][0]
            if STATUS_RANK[st] > STATUS_RANK[best] and st != "cancelled":
                best = st
    return best


def _arguments(
    verb: Token | None, role: str, resolved: Resolved, mention_tokens: set[int]
) -> tuple[str | None, str | None]:
    """(supplier, recipient) from the verb's subject and its from/to/by/with phrases."""
    if verb is None:
        return None, None
    supplier = recipient = None
    subject_holder = verb
    # "Serbia plans to buy", "Russia agreed to deliver": the subject sits on the governing verb.
    while (
        subject_holder.dep_ in ("xcomp", "conj", "advcl")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in subject_holder.children)
        and subject_holder.head is not subject_holder
    ):
        subject_holder = subject_holder.head
    subj = None
    for c in subject_holder.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in mention_tokens:
            subj = resolved.subject_state(c)
            break
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            supplier = supplier or _pobj_state(c, resolved)
        elif c.dep_ == "prep" and c.lower_ in ("to", "for") and verb.pos_ in ("VERB", "NOUN"):
            st = _pobj_state(c, resolved)
            if st and (c.lower_ == "to" or role == "supplier"):
                recipient = recipient or st
        elif c.dep_ == "dative":
            recipient = recipient or _state_in(c, resolved)
        elif c.dep_ == "agent":
            st = _pobj_state(c, resolved)
            if st:
                if role in ("theme", "supplier") or _subject_supplies(verb):
                    supplier = supplier or st
                else:
                    recipient = recipient or st
        elif (
            c.dep_ == "prep"
            and c.lower_ == "with"
            and verb.lemma_
            in (
                "sign",
                "contract",
                "agree",
                "negotiate",
                "deal",
                "agreement",
                "talk",
                "talks",
                "order",
                "discuss",
            )
        ):
            supplier = supplier or _pobj_state(c, resolved)
        elif (
            c.dep_ == "prep"
            and c.lower_ in ("in", "at", "near")
            and (role == "theme" or (c.lower_ == "in" and verb.lemma_ in PRODUCTION_VERBS))
        ):
            recipient = recipient or _pobj_state(c, resolved)
        elif c.dep_ == "poss" and verb.pos_ == "NOUN":
            st = _state_in(c, resolved)
            if st:
                if NOUN_STATUS.get(verb.lemma_, ("", "recipient"))[1] == "supplier":
                    supplier = supplier or st
                else:
                    recipient = recipient or st
    if subj:
        if role == "supplier":
            supplier = supplier or subj
        elif role == "recipient":
            recipient = recipient or subj
    return supplier, recipient


def _subject_supplies(verb: Token) -> bool:
    entry = resources.procurement_verbs().get(verb.lemma_)
    return entry is not None and entry.subject == "supplier"


def _pobj_state(prep: Token, resolved: Resolved) -> str | None:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return _state_in(c, resolved)
    return None


def _modifier_parties(
    doc: Doc, mention: WeaponMention, anchor: Token, resolved: Resolved, origin: str | None
) -> tuple[str | None, str | None]:
    """Supplier or operator named inside the noun phrase: "Russian-made", "Serbia's", "Chinese"."""
    supplier = recipient = None
    phrase_start = anchor.left_edge.i
    for i in range(phrase_start, mention.end):
        if doc[i].lower_ in ("its", "their") and doc[i].dep_ == "poss":
            recipient = recipient or resolved.antecedent(doc[i])
        st = resolved.state_at(i)
        if not st:
            continue
        tok = doc[i]
        nxt = doc[i + 2] if i + 2 < len(doc) and doc[i + 1].text == "-" else None
        if nxt is not None and SUPPLIER_SUFFIX.match(nxt.lower_):
            supplier = supplier or st
        elif (
            (i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s"))
            or tok.dep_ == "poss"
            or tok.lower_ in ("its", "their")
        ):
            recipient = recipient or st
        elif origin and st == origin:
            supplier = supplier or st
        elif tok.ent_type_ == "NORP" or tok.dep_ in ("amod", "compound"):
            # "Serbian MiG-29s": the operator; "Chinese drones" in a Serbia story: the maker.
            if origin is None and mention.system is None:
                supplier = supplier or st
            else:
                recipient = recipient or st
    return supplier, recipient


def extract(doc: Doc, resolved: Resolved, dates: list[DateMention]) -> list[ProcurementRow]:
    """Deals in an article, one row per system and parties."""
    focus = _focus_states(resolved)
    rows: list[ProcurementRow] = []
    mentions = find_weapons(doc)
    for mention in mentions:
        root = doc[mention.start : mention.end].root
        sent = sentence(root)
        if _transported(root):
            continue  # "aboard a Chinese transport aircraft": the carrier, not the cargo
        verb, anchor = _governor(doc, root)
        own = root.head if root.dep_ in ("compound", "amod", "nummod", "nmod") else root
        clause = _clause_verb(own) or _clause_verb(root)
        lexical = verb is not None and (
            verb.lemma_ in resources.procurement_verbs()
            or (verb.pos_ == "NOUN" and verb.lemma_ in NOUN_STATUS)
        )
        if clause is not None:
            # A clause on the system's own noun speaks about it most directly:
            # "the MiG-29s that Russia donated", "a Pantsir-S1 battery bought from Russia".
            verb, anchor, lexical = clause, own, True
        status, role = _status(verb, sent)
        if (
            status == "delivered"
            and clause is not None
            and clause.dep_ == "acl"
            and _in_service_words(sent)
        ):
            status = "in_service"  # "an arsenal that already includes drones bought from China"
        if status == "negated":
            continue
        if mention.system is None and not lexical:
            continue  # a generic word ("missiles") with no deal verb of its own
        mention_tokens = set(range(mention.start, mention.end)) | {anchor.i, root.i}
        supplier, recipient = _arguments(verb, role, resolved, mention_tokens)
        if verb is not None and verb.pos_ == "NOUN":
            supplier2, recipient2 = _arguments(
                verb.head if verb.head.pos_ == "VERB" else None,
                "recipient",
                resolved,
                mention_tokens,
            )
            supplier = supplier or supplier2
            recipient = recipient or recipient2
        mod_supplier, mod_recipient = _modifier_parties(
            doc, mention, anchor, resolved, mention.origin
        )
        supplier = supplier or mod_supplier
        recipient = recipient or mod_recipient
        if mention.category == "other" and not (supplier and recipient):
            continue  # "arms", "weapons" only count with both parties named
        if status == "unknown" and not mod_recipient:
            continue  # a system merely mentioned ("the S-400 is ..."), not held by anyone
        if supplier is None and mention.origin and mention.system is not None:
            supplier = mention.origin
        if recipient is None:
            recipient = _fallback_recipient(sent, resolved, supplier, focus)
        if recipient is None or recipient == supplier:
            continue
        when = date_for_clause(dates, doc, verb if verb is not None else root)
        span = doc[mention.start : mention.end]
        rows.append(
            ProcurementRow(
                system=mention.system,
                category=mention.category,
                supplier=supplier,
                recipient=recipient,
                status=status,
                quantity=_quantity(doc, mention, anchor),
                date=when.value if when else None,
                sentence=clean_sentence(sent),
                start=span.start_char,
                end=span.end_char,
                evidence=[
                    {
                        "sentence": clean_sentence(sent),
                        "start": span.start_char,
                        "end": span.end_char,
                        "status": status,
                    }
                ],
            )
        )
    return merge(rows)


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


def merge(rows: list[ProcurementRow]) -> list[ProcurementRow]:
    """One row per system (or generic category) per supplier and recipient."""
    merged: dict[tuple[str, str | None, str | None], ProcurementRow] = {}
    for row in rows:
        key = (row.system or f"*{row.category}", row.supplier, row.recipient)
        if row.system is None:
            # A generic mention of a category that a named system of this deal already covers.
            for (sys, sup, rec), other in merged.items():
                if (
                    other.system
                    and other.category == row.category
                    and rec == row.recipient
                    and (row.supplier in (None, sup))
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
    return list(merged.values())
