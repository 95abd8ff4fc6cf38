"""Article text with highlighted spans, as escaped HTML (pure function, no Streamlit)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

COLOURS = {
    "actor": "#cfe2ff",
    "person": "#e2d9f3",
    "weapon": "#ffd6a5",
    "date": "#d1e7dd",
    "cue": "#fff3b0",
}
LEGEND = {
    "actor": "state, bloc or company",
    "person": "person",
    "weapon": "weapon system",
    "date": "date",
    "cue": "stance cue",
}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    title: str = ""


def highlight(text: str, marks: Iterable[Mark]) -> str:
    """Escape the whole text and wrap non-overlapping marks in coloured ``<mark>`` tags.

    Every character of the article passes through ``html.escape``, so markup in an article
    (``<script>``, ``<img onerror>``) shows as text. Overlaps keep the earlier, longer mark.
    """
    chosen: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start < 0 or m.end > len(text) or m.end <= m.start:
            continue
        if chosen and m.start < chosen[-1].end:
            continue
        chosen.append(m)
    out: list[str] = []
    pos = 0
    for m in chosen:
        out.append(html.escape(text[pos : m.start]))
        colour = COLOURS.get(m.kind, "#eeeeee")
        out.append(
            f'<mark class="am-{html.escape(m.kind)}" style="background:{colour};'
            f'padding:0 2px;border-radius:3px" title="{html.escape(m.title, quote=True)}">'
            f"{html.escape(text[m.start : m.end])}</mark>"
        )
        pos = m.end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")
    return f'<div class="am-article" style="line-height:1.7"><p>{body}</p></div>'


def legend() -> str:
    items = "".join(
        f'<span style="background:{COLOURS[k]};padding:0 6px;margin-right:8px;'
        f'border-radius:3px">{html.escape(v)}</span>'
        for k, v in LEGEND.items()
    )
    return f'<div class="am-legend" style="font-size:0.85em">{items}</div>'
