"""One colour per value, fixed by the vocabulary and not by what a filter left, and human names
for every code the charts show. Every chart and table takes its colours and labels from here."""

from __future__ import annotations

import math
from typing import Any

from analysis.constants import (
    ACTOR_TYPES,
    BASES,
    CATEGORIES,
    CUE_TYPES,
    EVENT_TYPES,
    SIGNAL_TYPES,
    STATUSES,
)
from analysis.resources import BLOC_GROUPS

# Deal statuses: blues for intent, greens for weapons in hand, warm for the rest.
STATUS_ORDER = [
    "offered",
    "requested",
    "planned",
    "negotiating",
    "ordered",
    "leased",
    "delivered",
    "in_service",
    "displayed",
    "cancelled",
    "unknown",
]
STATUS_COLOURS = {
    "offered": "#c6dbef",
    "requested": "#c6dbef",
    "planned": "#9ecae1",
    "negotiating": "#6baed6",
    "ordered": "#2171b5",
    "leased": "#08519c",
    "delivered": "#41ab5d",
    "in_service": "#006d2c",
    "displayed": "#fd8d3c",
    "cancelled": "#cb181d",
    "unknown": "#bdbdbd",
}
assert set(STATUSES) <= set(STATUS_COLOURS)

# Sixteen weapon categories, sixteen distinct colours (Plotly's Dark24 and Alphabet families).
CATEGORY_COLOURS = dict(
    zip(
        CATEGORIES,
        [
            "#1f77b4",  # fighter aircraft
            "#d62728",  # combat helicopter
            "#ff9896",  # helicopter
            "#9467bd",  # transport aircraft
            "#c5b0d5",  # patrol aircraft
            "#17becf",  # uav
            "#8c564b",  # tank
            "#c49c94",  # armoured vehicle
            "#e377c2",  # artillery
            "#2ca02c",  # air defence
            "#ff7f0e",  # missile
            "#1a55f3",  # ship
            "#0b3d91",  # submarine
            "#bcbd22",  # radar
            "#7f7f7f",  # small arms
            "#b0b0b0",  # other
        ],
        strict=True,
    )
)
BLOC_COLOURS = {
    "Russia": "#c0392b",
    "China": "#e67e22",
    "EU/NATO/US": "#2e86c1",
    "Others": "#7f8c8d",
}
assert set(BLOC_GROUPS) == set(BLOC_COLOURS)
EVENT_COLOURS = dict(
    zip(
        EVENT_TYPES,
        [
            "#6a3d9a",
            "#2171b5",
            "#41ab5d",
            "#ff7f00",
            "#b15928",
            "#cb181d",
            "#fd8d3c",
            "#17becf",
            "#969696",
            "#bdbdbd",
        ],
        strict=True,
    )
)
CUE_COLOURS = dict(
    zip(
        CUE_TYPES,
        ["#1f78b4", "#ffbf00", "#6a3d9a", "#e31a1c", "#33a02c", "#b15928"],
        strict=True,
    )
)
ACTOR_TYPE_COLOURS = dict(
    zip(ACTOR_TYPES, ["#1f4e79", "#2e86c1", "#76b7b2", "#f28e2b", "#9c755f"], strict=True)
)
BASIS_COLOURS = dict(zip(BASES, ["#1f4e79", "#f28e2b"], strict=True))
DIRECTION_COLOURS = {"toward": "#2e7d32", "away": "#c62828"}
CERTAINTY_COLOURS = {"Confirmed": "#2e7d32", "Hedged": "#f9a825"}
KIND_COLOURS = {"Deal": "#2171b5", "Signal": "#2e7d32", "Statement": "#f28e2b"}

_SPECIAL = {
    "uav": "UAV",
    "air_defence": "Air defence",
    "in_service": "In service",
    "EU/NATO/US": "EU/NATO/US",
    "head_of_state": "Head of state",
    "head_of_government": "Head of government",
}


def human(value: Any) -> str:
    """A code as people write it: ``fighter_aircraft`` -> ``Fighter aircraft``; empty for
    missing values (never "nan" or "None")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if text in _SPECIAL:
        return _SPECIAL[text]
    if text.startswith("category:"):
        return human(text.split(":", 1)[1])
    if "_" not in text and not text.islower():
        return text  # a designation or a name: keep its own capitals
    return text.replace("_", " ").capitalize()


def colour_map(codes: dict[str, str]) -> dict[str, str]:
    """The same colours keyed by the human names the charts display."""
    return {human(k): v for k, v in codes.items()}


def order(codes: list[str] | tuple[str, ...] | dict[str, str]) -> list[str]:
    return [human(c) for c in codes]


SIGNAL_LABELS = {t: human(t) for t in SIGNAL_TYPES}


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 deal``, ``16 deals``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
