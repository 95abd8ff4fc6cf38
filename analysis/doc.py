"""Helpers over a parsed article that every facet shares: sentences, token tables, clean text.

Facets import this module; it imports no facet. Caches live in ``doc.user_data`` under keys that
start with ``am_`` and are cleared by the engine when an article's analysis is done.
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

NAMES_KEY = "am_names"
"""Span group of gazetteer names: ACTOR, PERSON and WEAPON spans (``span.id_`` is the record)."""
TERMS_KEY = "am_terms"
"""Span group of case-insensitive lexicon phrases: TERM, CUE and SIGNAL spans."""
FRAMES_KEY = "am_frames"
"""Span group of transfer-frame matches (``span.id_`` is the frame id)."""

_WS = re.compile(r"\s+")


def sentence(token: Token) -> Span:
    """The sentence of a token. Like ``token.sent``, but the sentences are found once per doc.

    The cache lives in ``doc.user_data`` and refers back to the Doc; ``analyse_doc`` clears it
    when it is done, so that parsed documents do not outlive their analysis.
    """
    index = _sentence_index(token.doc)
    return index[0][index[1][token.i]]


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a doc, found once per doc (the same cache as ``sentence``)."""
    return _sentence_index(doc)[0]


def _sentence_index(doc: Doc) -> tuple[list[Span], list[int]]:
    index = doc.user_data.get("am_sentences")
    if index is None:
        sents = list(doc.sents)
        owner = [0] * len(doc)
        for k, sent in enumerate(sents):
            owner[sent.start : sent.end] = [k] * (sent.end - sent.start)
        index = (sents, owner)
        doc.user_data["am_sentences"] = index
    return index


def token_table(doc: Doc) -> list[tuple[str, str, str]]:
    """(lower form, lower lemma, part of speech) of every token, read once per doc, so that
    rules scanning the whole text do not each build every Token object again."""
    table = doc.user_data.get("am_tokens")
    if table is None:
        strings = doc.vocab.strings
        # One array read instead of a Token object per token; each distinct string is looked
        # up and lower-cased once per process.
        table = doc.user_data["am_tokens"] = [
            (_string(strings, lower), _lower_string(strings, lemma), _string(strings, pos))
            for lower, lemma, pos in doc.to_array([LOWER, LEMMA, POS]).tolist()
        ]
    return table


_STRINGS: dict[int, str] = {}
_LOWER_STRINGS: dict[int, str] = {}
_CACHE_LIMIT = 200_000
"""Strings kept by hash; the caches are emptied when they reach this size."""


def _string(strings: StringStore, key: int) -> str:
    found = _STRINGS.get(key)
    if found is None:
        if len(_STRINGS) >= _CACHE_LIMIT:
            _STRINGS.clear()
        found = _STRINGS[key] = strings[key]
    return found


def _lower_string(strings: StringStore, key: int) -> str:
    found = _LOWER_STRINGS.get(key)
    if found is None:
        if len(_LOWER_STRINGS) >= _CACHE_LIMIT:
            _LOWER_STRINGS.clear()
        found = _LOWER_STRINGS[key] = strings[key].lower()
    return found


def sentence_words(sent: Span) -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case forms, lower-case lemmas) of a sentence, computed once per sentence."""
    cache = sent.doc.user_data.setdefault("am_sentence_words", {})
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        rows = token_table(sent.doc)[sent.start : sent.end]
        found = cache[key] = (
            frozenset(row[0] for row in rows),
            frozenset(row[1] for row in rows),
        )
    return found


def no_longer(verb: Token) -> bool:
    """Whether a verb is done "no longer" ("would no longer approve arms exports"): the act
    stops, as if a verb of stopping governed it."""
    return any(
        c.dep_ == "advmod"
        and c.lower_ == "longer"
        and any(n.dep_ == "neg" or n.lower_ == "no" for n in c.children)
        for c in verb.children
    )


def phrasal_form(verb: Token) -> str | None:
    """A verb with the particle right after it, as "<lemma> <particle>" ("backed out of the
    deal": "back out"); None when no particle follows it."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head != verb or nxt.dep_ not in ("prt", "prep", "advmod"):
        return None
    return f"{verb.lemma_} {nxt.lower_}"


SPLIT_GAP = 3
"""Most adverbs and quote marks between a verb and the particle of its phrase ("stood firmly
behind", "drew ever closer")."""


def splitting(token: Token) -> bool:
    """Whether a word may stand between a verb and its particle: an adverb or a quote mark."""
    return token.pos_ == "ADV" or (token.is_quote and token.is_punct)


def first_conjunct(token: Token) -> Token:
    """The first item of the coordination a token is a later item of (itself when it is
    none): "Leopard 2 tanks and Bradley vehicles" -> "tanks"; "said ... and accused" -> "said"."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


SUPPLIER_SUFFIX = re.compile(
    r"^(made|built|designed|supplied|produced|manufactured|origin|donated|provided|delivered|leased|gifted)$"
)
"""Participles that make a state named before them a weapon's maker or supplier."""


def supplier_suffixed(doc: Doc, first: int, last: int) -> bool:
    """Whether a state named at ``doc[first:last]`` is a weapon's maker or supplier by its
    suffix ("Iranian-made", "U.S.-supplied", "Russian - built")."""
    text = doc[first].text if last - first == 1 else doc[first:last].text
    glued = doc[last - 1].lower_.rsplit("-", 1)[-1] if "-" in text else ""
    nxt = doc[last + 1] if last + 1 < len(doc) and doc[last].text == "-" else None
    return bool(
        SUPPLIER_SUFFIX.match(glued)
        or (nxt is not None and SUPPLIER_SUFFIX.match(nxt.lower_))
        or _suspended_suffix(doc, last)
    )


def _suspended_suffix(doc: Doc, last: int) -> bool:
    """ "Turkish- and Israeli-made drones": a name left hanging on its hyphen takes the suffix
    of the name it is coordinated with."""
    hanging = doc[last - 1].text.endswith("-")
    if not hanging or last >= len(doc) or doc[last].lower_ not in ("and", "or"):
        return False
    for tok in doc[last + 1 : min(last + 4, len(doc))]:
        if SUPPLIER_SUFFIX.match(tok.lower_.rsplit("-", 1)[-1]):
            return True
    return False


BACKER_SUFFIX = re.compile(
    r"^(recogni[sz]ed|supported|brokered|sponsored|mandated|installed|funded|financed)$"
)
"""Participles that make a state named before them one standing behind a noun ("the
UN-recognised government"), not the noun itself; "US-led" and "Russian-backed" name the
leader or patron as a party and are left out."""


def describing_name(token: Token) -> bool:
    """A name inside a participle that describes a noun ("the UN-recognised government",
    "Iranian-supported militias"): it says who stands behind the noun, which is not that state
    or bloc itself."""
    head = token.head
    if token.dep_ == "npadvmod" and head.dep_ == "amod" and BACKER_SUFFIX.match(head.lower_):
        return True
    # however the parser hung it: the name's words, a hyphen, then the participle
    if token.pos_ != "PROPN":
        return False
    doc, j = token.doc, token.i + 1
    while j < len(doc) and j - token.i < 4 and doc[j].pos_ == "PROPN":
        j += 1
    return (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and BACKER_SUFFIX.match(doc[j + 1].lower_) is not None
        and doc[j + 1].dep_ in ("amod", "compound")
    )


def echo_clause(token: Token) -> bool:
    """Whether a clause says others did the same ("..., as did France and Britain", "as have
    Spain and Portugal", "and Bamako did so", "and France did the same"): its subjects act as
    the main clause's subject does."""
    if token.dep_ == "conj" and token.lemma_ == "do":
        return any(
            (c.dep_ == "advmod" and c.lower_ == "so") or (c.dep_ == "dobj" and c.lower_ == "same")
            for c in token.children
        )
    return (
        token.dep_ == "advcl"
        and token.lemma_ in ("do", "have", "be")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def echo_subjects(verb: Token) -> list[Token]:
    """The subjects of the "as did" clauses on a verb, each item of a list ("..., as did
    France and Britain": France, Britain)."""
    return [
        t
        for clause in verb.children
        if echo_clause(clause)
        for subj in clause.children
        if subj.dep_ == "nsubj"
        for t in (subj, *subj.conjuncts)
    ]


def names_weapons(noun: Token) -> bool:
    """Whether a noun, or a conjunct of it, is a weapon by its own words ("Russian Su-25 jets
    and Ka-52 helicopters"): a weapon, which says and backs nothing."""
    found = weapon_tokens(noun.doc)
    return any(
        t.i in found
        for head in (noun, *noun.conjuncts)
        for t in (head, *head.children)
        if t == head or t.dep_ in ("amod", "compound", "nmod")
    )


def weapon_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside a weapon name or a generic weapon term ("S-400",
    "attack helicopters"), found once per doc."""
    found = doc.user_data.get("am_weapon_spans")
    if found is None:
        found = doc.user_data["am_weapon_spans"] = frozenset(
            i
            for s in (*doc.spans.get(NAMES_KEY, []), *doc.spans.get(TERMS_KEY, []))
            if s.label_ in ("WEAPON", "TERM")
            for i in range(s.start, s.end)
        )
    return found


def doc_text(doc: Doc) -> str:
    """The text of a doc, joined from its tokens once per doc (``doc.text`` joins it anew)."""
    text = doc.user_data.get("am_text")
    if text is None:
        text = doc.user_data["am_text"] = doc.text
    return text


def clean_sentence(span: Span) -> str:
    """A sentence's text on one line, for tables and evidence (computed once per sentence)."""
    cache = span.doc.user_data.setdefault("am_sentence_text", {})
    key = (span.start, span.end)
    text = cache.get(key)
    if text is None:
        # ``span.text``, cut from the doc's text instead of joined from a Token per word.
        raw = doc_text(span.doc)[span.start_char : span.end_char] if len(span) else ""
        text = cache[key] = _WS.sub(" ", raw).strip()
    return text


def sentences_back(token: Token, n: int) -> int:
    """The first token index of the sentence ``n`` sentences before the one of ``token``."""
    doc = token.doc
    start = sentence(token).start
    for _ in range(n):
        if start == 0:
            break
        start = sentence(doc[start - 1]).start
    return start


def paragraph_cut(sent: Span) -> int:
    """The character offset where the paragraph of a sentence begins: after the last line
    break before it."""
    return doc_text(sent.doc).rfind("\n", 0, sent.start_char) + 1


def paragraph_start(token: Token) -> int:
    """The first token index of the paragraph (the text after the last line break) that
    holds ``token``'s sentence."""
    doc = token.doc
    sent = sentence(token)
    cut = paragraph_cut(sent)
    start = sent.start
    while start > 0:
        prev = sentence(doc[start - 1])
        if prev.start_char < cut:
            break
        start = prev.start
    return start


HEADING_WORDS = 14
"""The longest line read as a subheading ("Artillery from Korea and France")."""


def headings(doc: Doc) -> list[Span]:
    """Subheadings in the body: a short line of its own (a line break before and after) that
    ends on a word, not on punctuation. The article's first line is its headline, not one."""
    found = doc.user_data.get("am_headings")
    if found is None:
        found = doc.user_data["am_headings"] = [
            s for s in sentences(doc) if s.start and _heading(s)
        ]
    return found


def _heading(sent: Span) -> bool:
    doc = sent.doc
    # The line breaks around it first: most sentences fail there, before any word is read.
    before, last = doc[sent.start - 1], sent[-1]
    if not (before.is_space and "\n" in before.text):
        return False
    if not (sent.end == len(doc) or (last.is_space and "\n" in last.text)):
        return False
    words = [t for t in sent if not t.is_space]
    return bool(words) and len(words) <= HEADING_WORDS and words[-1].text[-1].isalnum()


def heading_before(token: Token) -> Span | None:
    """The last subheading before a token (its own sentence excluded), if any."""
    found = None
    for span in headings(token.doc):
        if span.start >= sentence(token).start:
            break
        found = span
    return found
