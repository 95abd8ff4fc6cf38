"""Merged alignment signals and the alignment index computed from them.

Per-article signal rows are reports. Reports with the same subject, counterpart, signal type and
direction whose dates lie within ``WINDOW_DAYS`` of the first one are one merged signal: one
story told by ten outlets is one signal with its sources counted, not ten signals.

The alignment index of a subject toward a counterpart (or a bloc) in a period is

    index = sum(c) / sum(|c|),  c = direction x weight x corroboration(sources)

for the merged signals of that period: +1 when every signal points toward the counterpart, -1
when every one points away, 0 when they balance. ``weight`` is the strongest report's weight
(from ``signals.v1.jsonl`` and ``status_weights.v1.jsonl``; hedged sentences weigh 0.6 of it);
``corroboration`` is 1 for a single source and grows by 0.25 per further independent source up to
1.5, so corroboration makes a signal count more, but a repeated story never counts as many.
Pure functions over plain records: corrected rows can be fed in the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

WINDOW_DAYS = 30
CORROBORATION_STEP = 0.25
CORROBORATION_MAX = 1.5


@dataclass(frozen=True, slots=True)
class SignalReport:
    row_id: int
    article_id: str
    subject: str
    counterpart: str
    type: str
    basis: str
    direction: int
    weight: float
    date: str | None
    published: str | None
    sentence: str
    copy_of: str = ""  # the original text's article id (see analysis.deals.Report)

    @property
    def day(self) -> dt.date | None:
        when = self.date or self.published
        if not when or not when[:4].isdigit():
            return None
        padded = (when + "-01-01")[:10] if len(when) < 10 else when[:10]
        try:
            return dt.date.fromisoformat(padded)
        except ValueError:
            return None


@dataclass(slots=True)
class MergedSignal:
    id: str
    subject: str
    counterpart: str
    type: str
    basis: str
    direction: int
    weight: float
    first: str | None
    last: str | None
    sources: int
    reports: list[dict[str, Any]]
    articles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def corroboration(sources: int) -> float:
    """How much more a signal counts when independent sources repeat it."""
    return min(CORROBORATION_MAX, 1.0 + CORROBORATION_STEP * max(0, sources - 1))


def merge_signals(
    reports: Iterable[SignalReport], *, window: int = WINDOW_DAYS
) -> list[MergedSignal]:
    """Merge signal reports; the order of the input does not matter."""
    groups: dict[tuple[str, str, str, int], list[SignalReport]] = {}
    for r in reports:
        groups.setdefault((r.subject, r.counterpart, r.type, r.direction), []).append(r)
    out = []
    for key in sorted(groups):
        for cluster in _windows(groups[key], window):
            out.append(_merge(cluster))
    return out


def _windows(reports: Sequence[SignalReport], window: int) -> list[list[SignalReport]]:
    dated = sorted((r for r in reports if r.day), key=lambda r: (r.day, r.row_id))
    clusters: list[list[SignalReport]] = []
    for r in dated:
        first = clusters[-1][0].day if clusters else None
        if clusters and first is not None and r.day is not None and (r.day - first).days <= window:
            clusters[-1].append(r)
        else:
            clusters.append([r])
    undated = [r for r in reports if not r.day]
    if undated:
        clusters.append(sorted(undated, key=lambda r: r.row_id))
    return clusters


def _merge(cluster: Sequence[SignalReport]) -> MergedSignal:
    head = cluster[0]
    days = [d.isoformat() for d in (r.day for r in cluster) if d is not None]
    source_of = {r.article_id: r.copy_of or r.article_id for r in cluster}
    key = (
        f"{head.subject}|{head.counterpart}|{head.type}|{head.direction}|{days[0] if days else '-'}"
    )
    return MergedSignal(
        id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        subject=head.subject,
        counterpart=head.counterpart,
        type=head.type,
        basis=head.basis,
        direction=head.direction,
        weight=max(r.weight for r in cluster),
        first=days[0] if days else None,
        last=days[-1] if days else None,
        sources=len(set(source_of.values())),
        reports=[
            {
                "article_id": r.article_id,
                "row_id": r.row_id,
                "sentence": r.sentence,
                "weight": r.weight,
                "date": r.date,
                "published": r.published,
            }
            for r in cluster
        ],
        articles=sorted(source_of),
    )


def alignment_index(
    merged: pd.DataFrame, *, by: str = "counterpart", period: str = "year"
) -> pd.DataFrame:
    """The index per subject, ``by`` (a column: counterpart, bloc…) and period.

    ``merged`` has the columns of :class:`MergedSignal` (``first`` as YYYY-MM-DD). Returns one
    row per group with ``index`` in [-1, 1], ``net`` (sum of contributions), ``signals`` (merged
    signals) and ``sources`` (their summed source counts). ``period`` is ``year`` or ``all``.
    """
    import pandas as pd

    cols = ["subject", by, "period", "index", "net", "signals", "sources"]
    if merged.empty:
        return pd.DataFrame(columns=cols)
    frame = merged.copy()
    if period == "year":
        frame = frame[frame["first"].notna()]
        frame["period"] = frame["first"].astype(str).str[:4].astype(int)
    else:
        frame["period"] = "all"
    frame["contribution"] = [
        int(d) * float(w) * corroboration(int(s))
        for d, w, s in zip(frame["direction"], frame["weight"], frame["sources"], strict=True)
    ]
    frame["magnitude"] = frame["contribution"].abs()
    out = frame.groupby(["subject", by, "period"], as_index=False).agg(
        net=("contribution", "sum"),
        total=("magnitude", "sum"),
        signals=("contribution", "size"),
        sources=("sources", "sum"),
    )
    out["index"] = (out["net"] / out["total"]).where(out["total"] > 0, 0.0).round(3)
    out["net"] = out["net"].round(3)
    return out[cols].sort_values(["subject", by, "period"]).reset_index(drop=True)
