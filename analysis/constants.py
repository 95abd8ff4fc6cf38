"""Small fixed vocabularies of the analysis contract, in one place (see CONTRACT.md)."""

from __future__ import annotations

from typing import Final, Literal

SCHEMA: Final = "alignment-monitor/analysis/1"

ActorType = Literal["country", "bloc", "organisation", "person", "company"]
ACTOR_TYPES: Final = ("country", "bloc", "organisation", "person", "company")

Precision = Literal["day", "month", "year"]
PRECISIONS: Final = ("day", "month", "year")

CATEGORIES: Final = (
    "fighter_aircraft",
    "combat_helicopter",
    "helicopter",
    "transport_aircraft",
    "patrol_aircraft",
    "uav",
    "tank",
    "armoured_vehicle",
    "artillery",
    "air_defence",
    "missile",
    "ship",
    "submarine",
    "radar",
    "small_arms",
    "other",
)

CATEGORY_KIN: Final = (
    frozenset({"fighter_aircraft", "transport_aircraft", "patrol_aircraft"}),
    frozenset({"combat_helicopter", "helicopter"}),
    frozenset({"tank", "armoured_vehicle"}),
    frozenset({"air_defence", "missile"}),
    frozenset({"ship", "submarine"}),
)
"""Categories a head noun may name for a system of a kindred category ("Tiger helicopters" for
an attack helicopter, "Hawk missiles" for an air-defence system)."""

STATUSES: Final = (
    "planned",
    "negotiating",
    "ordered",
    "delivered",
    "in_service",
    "displayed",
    "cancelled",
    "unknown",
    "offered",
    "requested",
    "leased",
)

# The lifecycle of an arms deal, earliest first; a merged deal's status is the furthest stage
# that is corroborated (analysis.deals). Order-stage reports carry the number ordered.
DEAL_STAGES: Final = ("planned", "negotiating", "ordered", "delivered", "in_service")
ORDER_STAGES: Final = frozenset(
    {"planned", "negotiating", "ordered", "offered", "requested", "leased"}
)

CUE_TYPES: Final = ("attribution", "hedge", "evaluation", "pressure", "commitment", "denial")

BASES: Final = ("material", "verbal")

EVENT_TYPES: Final = (
    "agreement",
    "order",
    "delivery",
    "exercise",
    "visit",
    "sanction",
    "display",
    "test",
    "statement",
    "other",
)

SIGNAL_TYPES: Final = (
    "arms_procurement",
    "arms_supply",
    "arms_refusal",
    "military_aid",
    "civil_aid",
    "aid_suspension",
    "military_training",
    "treaty_withdrawal",
    "sanctions_lifted",
    "veto",
    "veto_lifted",
    "armed_attack",
    "coercion",
    "diplomatic_rupture",
    "diplomatic_restoration",
    "security_cooperation",
    "joint_exercise",
    "show_of_force",
    "exercise_suspension",
    "exercise_participation",
    "joint_parade",
    "agreement",
    "joint_development",
    "military_base",
    "air_policing",
    "membership",
    "bloc_exit",
    "bloc_founding",
    "accession_bid",
    "neutrality",
    "sanctions",
    "sanctions_refusal",
    "pressure_compliance",
    "pressure_resistance",
    "verbal_support",
    "verbal_criticism",
    "visit",
    "assistance_request",
)

ROLE_TITLES: Final = (
    "head_of_state",
    "head_of_government",
    "defence_minister",
    "foreign_minister",
)

# Number words in quantities ("six MiG-29s", "two dozen Su-35s") and time spans ("two years ago").
WORD_NUMBERS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "pair": 2,
    "couple": 2,
}

# Hedge cues that mark reported or scheduled future rather than doubt ("said it would buy").
WEAK_HEDGES: Final = frozenset(
    {"would", "is set to", "is expected to", "are expected to", "was expected to"}
)

# Words a hard-wrapped line can end on but a headline does not ("… from Russia on" + newline):
# the loader reads such a first line as the start of a sentence, not as a headline.
CONTINUATION_WORDS: Final = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
        "but", "as", "that", "which", "who", "its", "their", "his", "her", "said", "says", "is",
        "are", "was", "were", "has", "have", "had", "will", "would", "be", "been", "than", "into",
    }
)  # fmt: skip

BACK_DETERMINERS: Final = frozenset({"the", "this", "that", "these", "those", "both"})
"""Determiners of a noun that refers back to an act already reported ("the operation", "this
move", "both decisions")."""

RELATIVE_PRONOUNS: Final = frozenset({"who", "which", "that", "whom"})
"""Pronouns that open a relative clause and stand for the noun it hangs on ("the navy, which
ordered ..."); "whose" is a possessor, read as one only where a rule says so."""
