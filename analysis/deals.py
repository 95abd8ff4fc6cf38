"""Deals: procurement reports from many articles merged into one record per deal.

A report is one procurement row of one article. Reports are grouped by recipient and system
family (the canonical designation, or the category when no system is named) and split into
separate deals where the years they speak of are more than ``SPLIT_YEARS`` apart (a second order
years after the first is a new deal). Within a deal the supplier is the one most reports name;
reports naming another supplier are kept and spelled out as a conflict.

Everything here is a pure function over plain report records, so the store can feed it extracted
rows today and rows with analysts' corrections applied later. Sources are distinct texts: each
report carries ``copy_of``, the article whose text its article repeats (its own id when it is an
original; see :func:`fingerprint` and :func:`find_copy`), so a wire story syndicated by ten
outlets counts as one source.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.constants import DEAL_STAGES, ORDER_STAGES

SPLIT_YEARS = 3
# Two texts whose 64-bit fingerprints differ in at most this many bits are copies of one text.
COPY_BITS = 10
STAGE_RANK = {stage: rank for rank, stage in enumerate(DEAL_STAGES)}
STAGE_RANK.update({"offered": 0, "requested": 0, "leased": STAGE_RANK["ordered"]})


@dataclass(frozen=True, slots=True)
class Report:
    """One procurement row of one article, as the deal merge needs it."""

    row_id: int
    article_id: str
    supplier: str | None
    recipient: str | None
    system: str | None
    category: str
    status: str
    quantity: int | None
    date: str | None  # the date the sentence speaks of: YYYY, YYYY-MM or YYYY-MM-DD
    published: str | None  # the article's publication date, YYYY-MM-DD
    sentence: str
    copy_of: str = ""  # the original text's article id; empty means the report's own article

    @property
    def source(self) -> str:
        return self.copy_of or self.article_id

    @property
    def when(self) -> str | None:
        """The best date of the report: what it speaks of, else when it was published."""
        return self.date or self.published

    @property
    def year(self) -> int | None:
        when = self.when
        return int(when[:4]) if when and when[:4].isdigit() else None


@dataclass(slots=True)
class Deal:
    id: str
    supplier: str | None
    recipient: str | None
    system: str | None
    category: str
    family: str
    status: str
    stages: list[dict[str, Any]]
    quantity_ordered: int | None
    quantity_delivered: int | None
    order_year: int | None
    delivery_years: list[int]
    first_reported: str | None
    last_reported: str | None
    sources: int
    reports: list[dict[str, Any]]
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def family_of(system: str | None, category: str) -> str:
    """The grouping key of a system: its canonical designation, else its category."""
    return system.casefold() if system else f"category:{category}"


def merge_deals(reports: Iterable[Report]) -> list[Deal]:
    """Merge reports into deals; the order of the input does not matter."""
    groups: dict[tuple[str | None, str], list[Report]] = {}
    for r in reports:
        groups.setdefault((r.recipient, family_of(r.system, r.category)), []).append(r)
    deals = []
    for (recipient, family), members in sorted(
        groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])
    ):
        for cluster in split_by_years(members):
            deals.append(build_deal(recipient, family, cluster))
    return deals


def split_by_years(reports: Sequence[Report], *, gap: int = SPLIT_YEARS) -> list[list[Report]]:
    """Chain reports by year; a gap of more than ``gap`` years starts a new deal. Undated
    reports join the deal with the most reports (the latest on a tie)."""
    dated = sorted((r for r in reports if r.year is not None), key=lambda r: (r.year, r.row_id))
    undated = [r for r in reports if r.year is None]
    clusters: list[list[Report]] = []
    for r in dated:
        if clusters and r.year is not None and (r.year - (clusters[-1][-1].year or 0)) <= gap:
            clusters[-1].append(r)
        else:
            clusters.append([r])
    if undated:
        if clusters:
            biggest = max(range(len(clusters)), key=lambda i: (len(clusters[i]), i))
            clusters[biggest].extend(undated)
        else:
            clusters.append(list(undated))
    return clusters


def find_copy(fp: int, known_ids: Sequence[str], known: Any, *, bits: int = COPY_BITS) -> int:
    """Index into ``known`` (a numpy uint64 array of fingerprints) of the nearest near-copy of
    ``fp``, or -1 when no stored text is within ``bits`` bits."""
    import numpy as np

    if len(known) == 0:
        return -1
    distance = np.bitwise_count(np.bitwise_xor(known, np.uint64(fp)))
    best = int(np.argmin(distance))
    return best if int(distance[best]) <= bits else -1


def deal_id(recipient: str | None, family: str, first_year: int | None) -> str:
    """Stable across re-merges: the same recipient, system family and first year, the same id."""
    key = f"{recipient or '-'}|{family}|{first_year if first_year is not None else 'undated'}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _majority(values: Sequence[Any]) -> Any:
    """The most frequent non-null value; on a tie, the one seen last."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return [v for v in values if counts.get(v) == best][-1]


def build_deal(recipient: str | None, family: str, reports: Sequence[Report]) -> Deal:
    """One deal from the reports of one cluster."""
    ordered = sorted(reports, key=lambda r: (r.when or "9999", r.row_id))
    source_of = {r.article_id: r.source for r in ordered}
    suppliers = [r.supplier for r in ordered]
    supplier = _majority(suppliers)
    system = _majority([r.system for r in ordered])
    category = _majority([r.category for r in ordered]) or "other"
    years = [r.year for r in ordered if r.year is not None]
    order_reports = [r for r in ordered if r.status in ORDER_STAGES]
    delivered = [r for r in ordered if r.status == "delivered"]
    published = sorted(p for p in (r.published or r.when for r in ordered) if p)
    stages = _stages(ordered, source_of)
    conflicts = [
        *_quantity_conflicts(order_reports, "quantity"),
        *_delivery_conflicts(delivered),
        *_status_conflicts(ordered),
        *_supplier_conflicts(ordered, supplier),
    ]
    return Deal(
        id=deal_id(recipient, family, min(years) if years else None),
        supplier=supplier,
        recipient=recipient,
        system=system,
        category=category,
        family=family,
        status=_status(ordered, source_of),
        stages=stages,
        quantity_ordered=_majority(_per_source(order_reports)),
        quantity_delivered=max((r.quantity for r in delivered if r.quantity), default=None),
        order_year=min((r.year for r in order_reports if r.year is not None), default=None),
        delivery_years=sorted({r.year for r in delivered if r.year is not None}),
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
        sources=len(set(source_of.values())),
        reports=[
            {
                "article_id": r.article_id,
                "row_id": r.row_id,
                "sentence": r.sentence,
                "status": r.status,
                "quantity": r.quantity,
                "date": r.date,
                "published": r.published,
                "supplier": r.supplier,
            }
            for r in ordered
        ],
        conflicts=conflicts,
        articles=sorted({r.article_id for r in ordered}),
    )


def _per_source(reports: Sequence[Report]) -> list[int | None]:
    """Quantities with each source's figure once (copies of one text do not outvote others)."""
    pairs = dict.fromkeys((r.source, r.quantity) for r in reports if r.quantity)
    return [quantity for _, quantity in pairs]


def _earlier(a: str, b: str | None) -> bool:
    """Whether date ``a`` is a better first date than ``b``: earlier, or the same period told
    more precisely ("2023-03-02" rather than "2023")."""
    if b is None:
        return True
    if a.startswith(b) or b.startswith(a):
        return len(a) > len(b)
    return a < b


def _stages(reports: Sequence[Report], source_of: dict[str, str]) -> list[dict[str, Any]]:
    """Each stage reported, in lifecycle order, with its first date and source count."""
    out: dict[str, dict[str, Any]] = {}
    for r in reports:
        stage = out.setdefault(r.status, {"stage": r.status, "first": None, "sources": set()})
        if r.when and _earlier(r.when, stage["first"]):
            stage["first"] = r.when
        stage["sources"].add(source_of[r.article_id])
    rows = sorted(out.values(), key=lambda s: (STAGE_RANK.get(s["stage"], 99), s["first"] or ""))
    return [{**s, "sources": len(s["sources"])} for s in rows]


def _status(reports: Sequence[Report], source_of: dict[str, str]) -> str:
    """The furthest lifecycle stage that is corroborated: reached by at least two sources
    (a source that reports a later stage vouches for the earlier ones), or by the only source.
    A cancellation wins when it is corroborated the same way."""
    furthest: dict[str, int] = {}
    cancelled: set[str] = set()
    for r in reports:
        src = source_of[r.article_id]
        if r.status == "cancelled":
            cancelled.add(src)
        elif r.status in STAGE_RANK:
            furthest[src] = max(furthest.get(src, -1), STAGE_RANK[r.status])
    n_sources = len(set(source_of.values()))
    need = min(2, n_sources)
    if len(cancelled) >= need:
        return "cancelled"
    for stage in reversed(DEAL_STAGES):
        if sum(1 for rank in furthest.values() if rank >= STAGE_RANK[stage]) >= need:
            return stage
    if furthest:  # several sources, each alone on its stage: the least advanced one holds
        return DEAL_STAGES[min(furthest.values())]
    statuses = {r.status for r in reports}
    return "displayed" if "displayed" in statuses else ("cancelled" if cancelled else "unknown")


def _quantity_conflicts(reports: Sequence[Report], name: str) -> list[dict[str, Any]]:
    values = sorted({r.quantity for r in reports if r.quantity is not None})
    if len(values) < 2:
        return []
    rows = [r.row_id for r in reports if r.quantity is not None]
    return [{"field": name, "values": values, "reports": rows}]


def _delivery_conflicts(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """Delivered numbers disagree only within one year (later years are further batches)."""
    by_year: dict[int | None, list[Report]] = {}
    for r in reports:
        by_year.setdefault(r.year, []).append(r)
    out = []
    for _, rows in sorted(by_year.items(), key=lambda kv: kv[0] or 0):
        out.extend(_quantity_conflicts(rows, "quantity_delivered"))
    return out


def _status_conflicts(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """A later report that puts the deal at an earlier stage than an earlier report did."""
    out = []
    best: Report | None = None
    for r in sorted(reports, key=lambda r: (r.when or "", r.row_id)):
        if r.when is None or r.status not in STAGE_RANK:
            continue
        if (
            best is not None
            and (r.when[:7] > (best.when or "")[:7])
            and (STAGE_RANK[r.status] < STAGE_RANK[best.status])
        ):
            out.append(
                {
                    "field": "status",
                    "values": [best.status, r.status],
                    "reports": [best.row_id, r.row_id],
                }
            )
        if best is None or STAGE_RANK[r.status] > STAGE_RANK[best.status]:
            best = r
    return out


def _supplier_conflicts(reports: Sequence[Report], supplier: str | None) -> list[dict[str, Any]]:
    others = [r for r in reports if r.supplier is not None and r.supplier != supplier]
    if not others or supplier is None:
        return []
    values = [supplier, *sorted({r.supplier for r in others if r.supplier})]
    rows = [r.row_id for r in reports if r.supplier is not None]
    return [{"field": "supplier", "values": values, "reports": rows}]


_WORD = re.compile(r"\w+")


def fingerprint(text: str, *, shingle: int = 3) -> int:
    """A 64-bit SimHash of the text's word ``shingle``-grams: near-copies (a syndicated story
    with another headline or byline) differ in a few bits, unrelated texts in about 32."""
    import numpy as np

    words = _WORD.findall(text.casefold())
    grams = [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    if not grams or not words:
        return 0
    hashes = np.frombuffer(
        b"".join(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams),
        dtype=np.uint64,
    )
    bits = (hashes[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(grams)
    return int(sum(1 << i for i in range(64) if votes[i] > 0))


REGISTER_COLUMNS = (
    "Supplier",
    "Recipient",
    "Designation",
    "Category",
    "No. ordered",
    "Order year",
    "Delivery years",
    "No. delivered",
    "Status",
    "Sources",
    "Deal id",
)


def register(deals: Any, names: dict[str, str] | None = None) -> Any:
    """A SIPRI-style trade register: one line per deal with supplier, recipient, designation,
    category, number ordered, order year, delivery years, number delivered, status and sources
    (``deals`` is the store's deals DataFrame; returns a DataFrame of ``REGISTER_COLUMNS``)."""
    import pandas as pd

    from analysis.resources import actors_by_id

    known = {a.id: a.name for a in actors_by_id().values()} | (names or {})

    def name(code: Any) -> str:
        return known.get(code, code) if isinstance(code, str) else ""

    rows = [
        (
            name(d["supplier"]),
            name(d["recipient"]),
            d["system"] if isinstance(d["system"], str) else "",
            str(d["category"]).replace("_", " "),
            _number(d["quantity_ordered"]),
            _number(d["order_year"]),
            "; ".join(str(y) for y in d["delivery_years"]),
            _number(d["quantity_delivered"]),
            str(d["status"]).replace("_", " "),
            int(d["sources"]),
            d["id"],
        )
        for d in deals.to_dict("records")
    ]
    frame = pd.DataFrame(rows, columns=list(REGISTER_COLUMNS))
    return frame.sort_values(["Supplier", "Recipient", "Order year", "Designation"]).reset_index(
        drop=True
    )


def _number(value: Any) -> str:
    """An integer as text, or empty for an unknown number (never "nan" or "None")."""
    if value is None:
        return ""
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return ""
