"""Date expressions resolved against the publication date, and the dated events they anchor.

Absolute dates keep their precision ("October 2018" is a month). Relative ones are resolved
against the publication date by news convention: a bare month or weekday is the most recent one
on or before publication, unless the clause is about the future ("will be delivered in March").
Without a publication date they stay unresolved. Vague spans ("in recent years") are kept as text
with no date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from analysis.actors import Resolved
from analysis.constants import WORD_NUMBERS
from analysis.doc import NAMES_KEY, clean_sentence, doc_text, sentence, sentence_words
from analysis.model import EventRow

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {**WORD_NUMBERS, "a": 1, "an": 1, "a few": 3, "several": 3, "a couple of": 2}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"
_DOW = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)"
_SPAN_PREFIX = r"(?:(?:early|late|mid|the end of|the start of|the beginning of|the middle of|the spring of|the summer of|the autumn of|the fall of|the winter of|spring|summer|autumn|fall|winter|the first half of|the second half of|the first quarter of|the second quarter of|the third quarter of|the fourth quarter of)[\s-])"

# (kind, pattern); earlier kinds win ties at the same start, longer matches win overall.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<m>{_MON})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MON}),?\s+(?P<y>{_YEAR})\b")),
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-2]\d|3[01])\b")),
    ("my_rel", re.compile(rf"\b(?P<m>{_MON})\s+(?P<rel>last|next|this)\s+year\b")),
    ("my", re.compile(rf"\b(?:{_SPAN_PREFIX})?(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("md", re.compile(rf"\b(?:(?P<dow>{_DOW}),?\s+)?(?P<m>{_MON})\s+(?P<d>{_DAY})\b(?!,?\s*\d)")),
    ("dm", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MON})\b(?!,?\s*\d)")),
    (
        "rel_month",
        re.compile(
            rf"\b(?P<rel>(?i:last|next|this|early|late|mid|earlier this|later this))[\s-](?P<m>{_MON})\b"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<prep>(?i:in|on|since|by|until|till|from|during|before|after|through|throughout|between|and|or|to|of|early|late|mid))[\s-]+(?P<m>{_MON})\b(?!\s+\d)"
        ),
    ),
    ("season_year", re.compile(rf"\b{_SPAN_PREFIX}(?P<y>{_YEAR})\b")),
    ("year", re.compile(rf"(?<![\w.,$€£/-])(?P<y>{_YEAR})(?![\w%/]|,\d|\.\d|-\d)")),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>{_NUM})\s+(?P<unit>day|days|week|weeks|month|months|year|years|decade|decades)\s+ago\b",
            re.I,
        ),
    ),
    (
        "rel_unit",
        re.compile(
            r"\b(?P<rel>last|next|this|earlier this|later this|early this|late last|early next|late this|earlier last|the previous|the past)\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?P<rel>this|last|next|(?:earlier|later) this)\s+(?P<season>spring|summer|autumn|fall|winter)\b",
            re.I,
        ),
    ),
    ("deictic", re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", re.I)),
    (
        "later",
        re.compile(
            rf"\b(?P<n>{_NUM})\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+(?:(?P<dir>later|earlier)\b|(?P<dir2>before|after)\b(?!\s+\w))",
            re.I,
        ),
    ),
    (
        "dow",
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|next|this|on|on last))\s+)?(?P<dow>{_DOW})\b(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:in\s+)?(?:recent|coming|past|last|next|previous)\s+(?:few\s+)?(?:years|months|weeks|decades|days)\b|\brecently\b|\bthe\s+(?:19|20)\d0s\b|\bfor\s+(?:years|decades|months)\b|\bin\s+the\s+(?:near|foreseeable)\s+future\b|\bsoon\b|\bdecades\s+ago\b",
            re.I,
        ),
    ),
]

PATTERNS_BY_KIND = dict(PATTERNS)

# Patterns anchored on a month or weekday name are run only in a window around each such name;
# the others only when the text contains one of their keywords. Most of a text has no dates.
ANCHOR = {
    kind: re.compile(_MON if kind != "dow" else _DOW)
    for kind in ("mdy", "dmy", "my_rel", "my", "md", "dm", "rel_month", "month", "dow")
}
WINDOW = (45, 35)  # characters before and after an anchor that a date expression can span
REQUIRES: dict[str, tuple[str, ...]] = {
    "ago": (" ago",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "deictic": ("yesterday", "today", "tomorrow", "tonight"),
    "rel_unit": ("week", "month", "year"),
    "later": ("later", "earlier", "before", "after"),
}
EVENT_LEMMAS = {
    "exercise": "exercise",
    "drill": "exercise",
    "manoeuvre": "exercise",
    "maneuver": "exercise",
    "deliver": "delivery",
    "receive": "delivery",
    "arrive": "delivery",
    "donate": "delivery",
    "supply": "delivery",
    "transfer": "delivery",
    "hand": "delivery",
    "delivery": "delivery",
    "shipment": "delivery",
    "ship": "delivery",
    "order": "order",
    "buy": "order",
    "purchase": "order",
    "acquire": "order",
    "procure": "order",
    "sign": "agreement",
    "agree": "agreement",
    "agreement": "agreement",
    "deal": "agreement",
    "contract": "agreement",
    "memorandum": "agreement",
    "treaty": "agreement",
    "accord": "agreement",
    "pact": "agreement",
    "sanction": "sanction",
    "embargo": "sanction",
    "parade": "display",
    "display": "display",
    "showcase": "display",
    "unveil": "display",
    "exhibit": "display",
    "show": "display",
    "test": "test",
    "launch": "test",
    "fire": "test",
    "visit": "visit",
    "meet": "visit",
    "talk": "visit",
    "summit": "visit",
    "host": "visit",
    "meeting": "visit",
    "say": "statement",
    "announce": "statement",
    "state": "statement",
    "tell": "statement",
    "declare": "statement",
    "warn": "statement",
    "urge": "statement",
    "statement": "statement",
}
EVENT_PRIORITY = (
    "exercise",
    "delivery",
    "order",
    "agreement",
    "sanction",
    "display",
    "test",
    "visit",
    "statement",
)


@dataclass(slots=True)
class DateMention:
    start_char: int
    end_char: int
    text: str
    value: str | None
    precision: str | None
    token_i: int  # first token, to find the sentence

    @property
    def year(self) -> int | None:
        return int(self.value[:4]) if self.value else None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


DAY_KINDS = frozenset({"md", "dm", "dow"})


def _scheduled(token: Token) -> bool:
    """Whether a date token hangs on a verb in the simple present ("run until June 20"), not
    on an act named by a noun ("blames Israel for the loss on September 17")."""
    head = token.head if token.dep_ == "compound" else token
    for _ in range(5):
        head = head.head
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            break
        if head.pos_ in ("NOUN", "PROPN"):
            return False
    return _present_only(head)


def _present_only(verb: Token) -> bool:
    """Whether a verb is in the simple present with no past or perfect beside it ("runs",
    "begin"), the tense news uses for what is scheduled; not a reporting verb ("says")."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ in ("be", "have", "say", "tell", "report"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_future(doc: Doc, token: Token) -> bool:
    """Whether the clause around a date token speaks of the future."""
    head = token
    for _ in range(5):
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            break
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        if any(c.lower_ in ("will", "'ll", "shall") for c in head.children):
            return True
        if head.tag_ in ("VBD", "VBN") and not any(
            c.lower_ in ("will", "'ll", "shall") for c in head.children
        ):
            # "is expected to be delivered": passive participle under a future-looking verb.
            up = head.head
            return bool(up != head and up.lemma_ in ("expect", "plan", "schedule", "set", "due"))
        if head.lemma_ in ("expect", "plan", "schedule", "intend", "aim"):
            return True
        xcomp_of = head.head if head.dep_ in ("xcomp", "ccomp") else None
        if xcomp_of is not None and xcomp_of.lemma_ in (
            "expect",
            "plan",
            "schedule",
            "set",
            "intend",
            "aim",
            "hope",
        ):
            return True
    sent = sentence(token)
    return bool(sentence_words(sent)[0] & {"will", "'ll", "shall"}) and sent.root.tag_ != "VBD"


def _resolve_month(pub: date, m: int, future: bool) -> int:
    """The year of a bare month name, relative to the publication date."""
    if future:
        return pub.year if m >= pub.month else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


DateValue = tuple[str | None, str | None]
Groups = dict[str, str | None]


def _absolute(kind: str, g: Groups) -> DateValue:
    if kind in ("mdy", "dmy"):
        d = _safe(int(g["y"] or 0), _month(g["m"] or ""), _day(g["d"] or ""))
        return (d.isoformat(), "day") if d else (None, None)
    if kind == "iso":
        d = _safe(int(g["y"] or 0), int(g["mm"] or 0), int(g["dd"] or 0))
        return (d.isoformat(), "day") if d else (None, None)
    if kind == "my":
        return f"{int(g['y'] or 0):04d}-{_month(g['m'] or ''):02d}", "month"
    if kind in ("season_year", "year"):
        return f"{int(g['y'] or 0):04d}", "year"
    return None, None


def _my_rel(g: Groups, pub: date, future: bool) -> DateValue:
    offset = {"last": -1, "next": 1, "this": 0}[(g["rel"] or "this").lower()]
    return f"{pub.year + offset:04d}-{_month(g['m'] or ''):02d}", "month"


def _month_day(g: Groups, pub: date, future: bool) -> DateValue:
    m, d_ = _month(g["m"] or ""), _day(g["d"] or "")
    y = _resolve_month(pub, m, future)
    if not future and m == pub.month and d_ > pub.day:
        y -= 1
    if future and m == pub.month and d_ < pub.day:
        y += 1
    d = _safe(y, m, d_)
    return (d.isoformat(), "day") if d else (None, None)


def _rel_month(g: Groups, pub: date, future: bool) -> DateValue:
    m = _month(g["m"] or "")
    rel = (g["rel"] or "").lower()
    if rel == "last":
        y = pub.year if m < pub.month else pub.year - 1
    elif rel == "next":
        y = pub.year if m > pub.month else pub.year + 1
    elif rel in ("this", "earlier this", "later this"):
        y = pub.year
    else:  # early, late, mid
        y = _resolve_month(pub, m, future)
    return f"{y:04d}-{m:02d}", "month"


def _bare_month(g: Groups, pub: date, future: bool) -> DateValue:
    m = _month(g["m"] or "")
    return f"{_resolve_month(pub, m, future):04d}-{m:02d}", "month"


def _shift(pub: date, unit: str, step: int) -> DateValue:
    """The day, week, month or year ``step`` units from the publication date."""
    if unit == "day":
        return (pub + timedelta(days=step)).isoformat(), "day"
    if unit == "week":
        d = pub + timedelta(weeks=step)
        return (d - timedelta(days=d.weekday())).isoformat(), "week"
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return f"{y:04d}-{m + 1:02d}", "month"
    if unit == "year":
        return f"{pub.year + step:04d}", "year"
    return None, None  # decades: too vague to date


def _count(word: str | None) -> int:
    """A counted number of units, in words or digits ("two", "a", "12")."""
    return NUMBERS.get((word or "").lower()) or int(re.sub(r"\D", "", word or "") or 0)


def _ago(g: Groups, pub: date, future: bool) -> DateValue:
    return _shift(pub, (g["unit"] or "").lower().rstrip("s"), -_count(g["n"]))


def _rel_unit(g: Groups, pub: date, future: bool) -> DateValue:
    rel = (g["rel"] or "").lower()
    unit = (g["unit"] or "").lower()
    step = (
        -1
        if ("last" in rel or rel in ("the previous", "the past"))
        else (1 if "next" in rel else 0)
    )
    return _shift(pub, unit if unit in ("week", "month") else "year", step)


def _season(g: Groups, pub: date, future: bool) -> DateValue:
    rel = (g["rel"] or "").lower()
    first_month = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[
        (g["season"] or "").lower()
    ]
    if rel == "next":
        y = pub.year if first_month > pub.month else pub.year + 1
    elif rel == "last":
        y = pub.year if first_month + 2 < pub.month else pub.year - 1
    else:
        y = pub.year
    return f"{y:04d}", "year"


def _deictic(g: Groups, pub: date, future: bool) -> DateValue:
    delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[(g["w"] or "").lower()]
    return (pub + timedelta(days=delta)).isoformat(), "day"


def _weekday(g: Groups, pub: date, future: bool) -> DateValue:
    target = WEEKDAYS[(g["dow"] or "").lower()]
    rel = (g["rel"] or "").lower()
    if rel == "next" or (future and rel not in ("last", "on last")):
        ahead = (target - pub.weekday()) % 7 or 7
        return (pub + timedelta(days=ahead)).isoformat(), "day"
    back = (pub.weekday() - target) % 7
    if rel in ("last", "on last") and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat(), "day"


RELATIVE = {
    "my_rel": _my_rel,
    "md": _month_day,
    "dm": _month_day,
    "rel_month": _rel_month,
    "month": _bare_month,
    "ago": _ago,
    "rel_unit": _rel_unit,
    "season": _season,
    "deictic": _deictic,
    "dow": _weekday,
}


def _resolve(kind: str, g: Groups, text: str, pub: date | None, future: bool) -> DateValue:
    """(date, precision) of a matched expression; relative ones against the publication date."""
    rule = RELATIVE.get(kind)
    if rule is None:
        return _absolute(kind, g)
    return rule(g, pub, future) if pub is not None else (None, None)


def _matches(pattern: re.Pattern[str], text: str, anchors: list[int] | None) -> list[re.Match[str]]:
    """Matches of a pattern in the whole text, or only in windows around anchor positions."""
    if anchors is None:
        return list(pattern.finditer(text))
    seen: dict[tuple[int, int], re.Match[str]] = {}
    before, after = WINDOW
    for pos in anchors:
        lo, hi = max(0, pos - before), min(len(text), pos + after)
        for m in pattern.finditer(text, lo, hi):
            seen.setdefault(m.span(), m)
    return [seen[k] for k in sorted(seen)]


def find_dates(doc: Doc, *, published: date | None) -> list[DateMention]:
    """Every date expression in the text, longest match first, resolved where possible."""
    text = doc_text(doc)
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    lower = text.lower()
    anchors = {
        "month": [m.start() for m in ANCHOR["month"].finditer(text)],
        "dow": [m.start() for m in ANCHOR["dow"].finditer(text)],
    }
    for rank, (kind, pattern) in enumerate(PATTERNS):
        needs = REQUIRES.get(kind)
        if needs and not any(word in lower for word in needs):
            continue
        for m in _matches(
            pattern, text, anchors["dow" if kind == "dow" else "month"] if kind in ANCHOR else None
        ):
            start, end = m.span()
            if kind == "month":
                start = m.start("m") if m["prep"].lower() in ("and", "or", "to", "of") else start
                if m["m"] == "May" and m["prep"].lower() in ("and", "or", "to", "of"):
                    continue
            if (
                kind in ("md", "month", "rel_month")
                and m["m"].startswith(("Mar", "May"))
                and m["m"] in ("Mar", "Mar.")
                and kind != "md"
            ):
                continue
            found.append((start, end, rank, kind, m))
    # Most specific pattern first, then the longest; keep what does not overlap.
    found.sort(key=lambda f: (f[2], -(f[1] - f[0]), f[0]))
    weapon_chars = [
        (s.start_char, s.end_char) for s in doc.spans.get(NAMES_KEY, []) if s.label_ == "WEAPON"
    ]
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for start, end, _rank, kind, m in found:
        if any(start < b and a < end for a, b in taken):
            continue
        if kind == "year" and any(a <= start < b for a, b in weapon_chars):
            continue  # "Mirage 2000", "PzH 2000"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if kind == "year" and _is_quantity(span):
            continue
        # "the drills run until June 20", "faces an election on April 3": a day named in the
        # simple present is the next one (a month so named is often history told in the present)
        future = _is_future(doc, span[0]) or (kind in DAY_KINDS and _scheduled(span[0]))
        value, precision = _resolve(kind, m.groupdict(), m.group(0), published, future)
        out.append(DateMention(start, end, m.group(0), value, precision, span.start))
        taken.append((start, end))
    out.sort(key=lambda d: d.start_char)
    return _anchor_later(out, published)


def _anchor_later(out: list[DateMention], published: date | None) -> list[DateMention]:
    """Dates counted from the one before ("two months later", "a day earlier", "a week
    after"): shifted from the last date named before them; unresolved when none is."""
    last: DateMention | None = None
    kept: list[DateMention] = []
    for d in out:
        m = PATTERNS_BY_KIND["later"].fullmatch(d.text)
        if m is None:
            kept.append(d)
            last = d if d.value is not None else last
            continue
        base = _base_day(last) if last is not None else None
        unit = m["unit"].lower().rstrip("s")
        if base is None or (last is not None and last.precision != "day" and unit == "day"):
            continue  # "two years later" after no date, "a day later" after a month: unknown
        n = _count(m["n"])
        step = n if (m["dir"] or m["dir2"]).lower() in ("later", "after") else -n
        value, precision = _shift(base, unit, step)
        last = replace(d, value=value, precision=precision)
        kept.append(last)
    return kept


def _base_day(d: DateMention) -> date | None:
    """The first day a date mention stands for."""
    if d.value is None:
        return None
    parts = [int(p) for p in d.value.split("-")]
    return _safe(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _is_quantity(span: Span) -> bool:
    """A four-digit number that counts things ("2000 troops") rather than naming a year."""
    tok = span[-1]
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is not None and prev.lower_ in (
        "in",
        "since",
        "by",
        "of",
        "from",
        "the",
        "a",
        "an",
        "until",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
    ):
        return False
    return (
        nxt is not None
        and nxt.tag_ == "NNS"
        and nxt.lower_
        not in (
            "elections",
            "talks",
            "figures",
            "levels",
            "sanctions",
            "games",
            "olympics",
        )
    )


def build_events(doc: Doc, dates: list[DateMention], resolved: Resolved) -> list[EventRow]:
    """One event per date expression: its sentence, the sentence's states and a coarse type."""
    events = []
    for dm in dates:
        token = doc[dm.token_i]
        sent = sentence(token)
        events.append(
            EventRow(
                date=dm.value,
                precision=dm.precision,
                date_text=dm.text,
                type=_event_type(token, sent),
                actors=resolved.states_in(sent),
                sentence=clean_sentence(sent),
                start=dm.start_char,
                end=dm.end_char,
            )
        )
    return events


def _event_type(token: Token, sent: Span) -> str:
    head = token
    for _ in range(4):
        if head.pos_ in ("VERB",) or head.head == head:
            break
        head = head.head
    chain = [head, *head.children]
    for t in chain:
        kind = EVENT_LEMMAS.get(t.lemma_.lower())
        if kind:
            return kind
    present = {EVENT_LEMMAS[lemma] for lemma in sentence_words(sent)[1] if lemma in EVENT_LEMMAS}
    for kind in EVENT_PRIORITY:
        if kind in present:
            return kind
    return "other"


def date_for_sentence(dates: list[DateMention], sent: Span) -> DateMention | None:
    """The most precise resolved date in a sentence, for rows that inherit their sentence's date."""
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    inside = [d for d in dates if sent.start_char <= d.start_char < sent.end_char and d.value]
    if not inside:
        return None
    return min(inside, key=lambda d: rank.get(d.precision or "year", 4))


SPEECH_VERBS = {
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "confirm",
    "report",
    "claim",
    "write",
    "note",
    "insist",
    "declare",
}


def _verb_of(token: Token) -> Token | None:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def date_for_clause(dates: list[DateMention], doc: Doc, token: Token) -> DateMention | None:
    """The date that belongs to the clause of ``token`` ("bought ... last month, officials said
    on Tuesday" -> last month); otherwise the sentence's most precise date."""
    sent = sentence(token)
    inside = [d for d in dates if sent.start_char <= d.start_char < sent.end_char and d.value]
    if not inside:
        return None
    own: list[Token] = []
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_ in SPEECH_VERBS and own:
                break
            own.append(t)
    own_ids = {t.i for t in own}
    mine = [d for d in inside if (v := _verb_of(doc[d.token_i])) is not None and v.i in own_ids]
    if mine:
        return min(mine, key=lambda d: abs(d.token_i - token.i))
    spoken = {t.i for t in sent if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"}
    rest = [d for d in inside if (v := _verb_of(doc[d.token_i])) is None or v.i not in spoken]
    return date_for_sentence(rest or inside, sent)
