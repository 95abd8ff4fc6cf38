"""Score the analysis against the hand annotations in ``tests/gold/`` (``make eval``).

Facets and how a row counts as found:
- actors: the set of non-person actor ids per article (precision and recall);
- people: a gold person found (same name, accents folded, or surname) with the right state;
- dates: a gold date expression found (overlapping text) with the right date and precision;
- procurement: system (same weapon record) or, for generic mentions, category, plus supplier and
  recipient; status accuracy is over matched rows;
- alignment: the set of (subject, counterpart, direction) triples per article;
- stance cues: gold (cue, type) pairs found as a cue of that type with overlapping text.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import resources
from analysis.loading import load_path
from analysis.pipeline import analyse, build_pipeline
from analysis.procurement import _variant

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"

TARGETS = {
    "actors.recall": 0.95,
    "actors.precision": 0.90,
    "people.accuracy": 0.90,
    "dates.recall": 0.90,
    "procurement.recall": 0.90,
    "procurement.precision": 0.85,
    "procurement.status_accuracy": 0.80,
    "alignment.recall": 0.85,
    "alignment.precision": 0.80,
    "stance.recall": 0.80,
}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def _weapon_key(name: str | None) -> str | None:
    if name is None:
        return None
    index = {}
    for rec in resources.weapons():
        for form in (rec.name, *rec.aliases):
            index.setdefault(_fold(form), rec.id)
    if _fold(name) in index:
        return index[_fold(name)]
    variant = _variant(name)
    return variant.id if variant else _fold(name)


def _overlap(a: str, b: str) -> bool:
    a, b = _fold(a), _fold(b)
    return a in b or b in a


def score(
    results: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]]
) -> tuple[dict[str, float], list[str]]:
    """Scores per facet over all gold articles, and a list of misses for reading."""
    actors, dates, proc, align, stance = Tally(), Tally(), Tally(), Tally(), Tally()
    people_ok = people_n = status_ok = status_n = 0
    misses: list[str] = []
    for name, g in gold.items():
        r = results[name]
        sys_actors = {a["id"] for a in r["actors"] if a["type"] != "person"}
        gold_actors = set(g["actors"])
        actors.tp += len(sys_actors & gold_actors)
        actors.fp += len(sys_actors - gold_actors)
        actors.fn += len(gold_actors - sys_actors)
        misses += [f"{name}: actor missed {a}" for a in gold_actors - sys_actors]
        misses += [f"{name}: actor extra {a}" for a in sys_actors - gold_actors]

        persons = [a for a in r["actors"] if a["type"] == "person"]
        for person, state in g["people"].items():
            people_n += 1
            sur = _fold(person).split()[-1]
            hit = next((p for p in persons if _fold(p["name"]) == _fold(person)), None) or next(
                (p for p in persons if _fold(p["name"]).split()[-1] == sur), None
            )
            if hit and hit["country"] == state:
                people_ok += 1
            else:
                misses.append(f"{name}: person {person} -> {hit and hit['country']} (want {state})")

        events = [e for e in r["events"] if e["date"]]
        used: set[int] = set()
        for gd in g["dates"]:
            found = next(
                (
                    i
                    for i, e in enumerate(events)
                    if i not in used
                    and _overlap(e["date_text"], gd["text"])
                    and e["date"] == gd["date"]
                    and e["precision"] == gd["precision"]
                ),
                None,
            )
            if found is None:
                dates.fn += 1
                near = [
                    (e["date_text"], e["date"], e["precision"])
                    for e in events
                    if _overlap(e["date_text"], gd["text"])
                ]
                misses.append(
                    f"{name}: date {gd['text']!r} {gd['date']} {gd['precision']} "
                    f"missed (saw {near})"
                )
            else:
                used.add(found)
                dates.tp += 1
        dates.fp += len(events) - len(used)

        gold_rows = list(g["procurements"])
        for row in r["procurements"]:
            key = (_weapon_key(row["system"]), row["supplier"], row["recipient"])
            match = next(
                (
                    gr
                    for gr in gold_rows
                    if (
                        (gr["system"] and _weapon_key(gr["system"]) == key[0])
                        or (
                            not gr["system"]
                            and not row["system"]
                            and gr["category"] == row["category"]
                        )
                    )
                    and gr["supplier"] == row["supplier"]
                    and gr["recipient"] == row["recipient"]
                ),
                None,
            )
            if match is None:
                proc.fp += 1
                misses.append(
                    f"{name}: procurement extra {row['system'] or row['category']} "
                    f"{row['supplier']}->{row['recipient']} {row['status']}"
                )
                continue
            gold_rows.remove(match)
            proc.tp += 1
            status_n += 1
            if match["status"] == row["status"]:
                status_ok += 1
            else:
                misses.append(
                    f"{name}: status {row['system'] or row['category']} "
                    f"{row['status']} (want {match['status']})"
                )
        proc.fn += len(gold_rows)
        misses += [
            f"{name}: procurement missed {gr['system'] or gr['category']} "
            f"{gr['supplier']}->{gr['recipient']}"
            for gr in gold_rows
        ]

        sys_triples = {(a["subject"], a["counterpart"], a["direction"]) for a in r["alignment"]}
        gold_triples = {(a["subject"], a["counterpart"], a["direction"]) for a in g["alignment"]}
        align.tp += len(sys_triples & gold_triples)
        align.fp += len(sys_triples - gold_triples)
        align.fn += len(gold_triples - sys_triples)
        misses += [f"{name}: alignment missed {t}" for t in sorted(gold_triples - sys_triples)]
        misses += [f"{name}: alignment extra {t}" for t in sorted(sys_triples - gold_triples)]

        cues = list(r["stance_cues"])
        for gc in g["stance_cues"]:
            hit = next(
                (c for c in cues if c["type"] == gc["type"] and _overlap(c["cue"], gc["cue"])), None
            )
            if hit is None:
                stance.fn += 1
                misses.append(f"{name}: cue missed {gc['cue']!r} ({gc['type']})")
            else:
                cues.remove(hit)
                stance.tp += 1
        stance.fp += len(cues)

    scores = {
        "actors.recall": actors.recall,
        "actors.precision": actors.precision,
        "people.accuracy": people_ok / people_n if people_n else 1.0,
        "dates.recall": dates.recall,
        "dates.precision": dates.precision,
        "procurement.recall": proc.recall,
        "procurement.precision": proc.precision,
        "procurement.status_accuracy": status_ok / status_n if status_n else 1.0,
        "alignment.recall": align.recall,
        "alignment.precision": align.precision,
        "stance.recall": stance.recall,
        "stance.precision": stance.precision,
    }
    return scores, misses


def load_gold() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))}


def run(nlp: Any = None) -> tuple[dict[str, float], list[str]]:
    nlp = nlp or build_pipeline()
    gold = load_gold()
    results = {
        name: analyse(nlp, load_path(ROOT / g["article"])).to_dict() for name, g in gold.items()
    }
    return score(results, gold)


def main() -> int:
    scores, misses = run()
    verbose = "-v" in sys.argv
    if verbose:
        for m in misses:
            print("  " + m)
    print(f"{'facet':32} {'score':>6}  target")
    failed = 0
    for key, value in scores.items():
        target = TARGETS.get(key)
        mark = "" if target is None else ("ok" if value >= target else "BELOW")
        failed += mark == "BELOW"
        print(f"{key:32} {value:6.3f}  {'' if target is None else f'{target:.2f} {mark}'}")
    print(f"{len(load_gold())} gold articles; {failed} facet(s) below target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
