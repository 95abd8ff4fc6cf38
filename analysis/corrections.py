"""Analyst corrections: which rows and fields can be corrected, how values are checked, stable
row ids, and the SQL that gives readers the effective rows.

The extracted rows are never changed. Each correction is appended to ``corrections`` (the review
history); ``corrected_values`` keeps the latest value per (table, row, field) and the latest
row-level action, and readers see ``latest correction else extracted value``, without the rows
an analyst rejected.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from analysis.constants import BASES, CATEGORIES, CUE_TYPES, EVENT_TYPES, STATUSES

ACTIONS = ("confirm", "edit", "reject", "add")
ROW_FIELD = ""  # the corrected_values key of a row's latest row-level action


class CorrectionError(ValueError):
    """A correction that cannot be recorded (one-line message for the user)."""


# Field kinds: "actor" (an actor id, may be empty), "actor!" (an actor id, required), a tuple of
# allowed strings, "count" (a non-negative integer or empty), "date" (YYYY[-MM[-DD]] or empty),
# "name" (plain text or empty), "sign" (1 or -1), "polarity" (-1, 0, 1), "weight" (> 0).
FIELDS: dict[str, dict[str, Any]] = {
    "procurements": {
        "system": "name",
        "category": CATEGORIES,
        "supplier": "actor",
        "recipient": "actor",
        "status": STATUSES,
        "quantity": "count",
        "date": "date",
    },
    "alignment": {
        "subject": "actor!",
        "counterpart": "actor!",
        "direction": "sign",
        "basis": BASES,
        "weight": "weight",
        "date": "date",
    },
    "stance_cues": {
        "type": CUE_TYPES,
        "speaker": "actor",
        "target": "actor",
        "polarity": "polarity",
    },
    "events": {"date": "date", "type": EVENT_TYPES},
    # An actor row of an article: the state a person (or company) acts for there.
    "actors": {"country": "actor"},
}
CORRECTABLE = tuple(FIELDS)
# Tables an analyst can add a missed row to, and the fields such a row needs. An added
# alignment row also names its signal ``type``; its direction, basis and weight default to the
# signal class's.
ADDABLE: dict[str, tuple[str, ...]] = {
    "procurements": ("category", "status"),
    "alignment": ("subject", "counterpart", "type"),
}
# What identifies a row besides its offsets (extracted values, so re-analysis gives the same id).
_KIND: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "procurements": lambda r: f"{r['system'] or r['category']}|{r['recipient']}",
    "alignment": lambda r: f"{r['subject']}|{r['counterpart']}|{r['type']}",
    "stance_cues": lambda r: f"{r['cue']}|{r['type']}",
    "events": lambda r: f"{r['date_text']}|{r['type']}",
    "actors": lambda r: str(r["actor"]),
}
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|&[A-Za-z]+;|&#\d+;")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_NOTE = 2000


def row_ids(article_id: str, table: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Stable ids of an article's rows: the same text analysed again gives the same ids."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for row in rows:
        key = (
            f"{article_id}|{table}|{row.get('start', '')}|{row.get('end', '')}|{_KIND[table](row)}"
        )
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha256(f"{key}|{n}".encode()).hexdigest()[:16]
        out.append(f"{table[0]}{digest}")
    return out


def added_row(
    table: str,
    values: Mapping[str, Any],
    known_actor: Callable[[str], bool],
    signal_rules: Mapping[str, Any],
) -> dict[str, Any]:
    """The checked values of a row an analyst adds (every correctable field, ``None`` where
    not given; an alignment row's ``type`` and the defaults of its signal class)."""
    if table not in ADDABLE:
        raise CorrectionError(f"rows can be added to {' or '.join(ADDABLE)}, not {table!r}")
    given = dict(values)
    row: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    if table == "alignment":
        kind = str(given.pop("type", "") or "").strip()
        if kind not in signal_rules:
            raise CorrectionError(f"type must be one of {', '.join(signal_rules)}; not {kind!r}")
        rule = signal_rules[kind]
        row["type"] = kind
        defaults = {"direction": rule.direction, "basis": rule.basis, "weight": rule.weight}
    unknown = [k for k in given if k not in FIELDS[table]]
    if unknown:
        raise CorrectionError(
            f"{table} has no field {unknown[0]!r}; choose from {', '.join(FIELDS[table])}"
        )
    for name in FIELDS[table]:
        raw = given.get(name)
        if _empty(raw) and name in defaults:
            raw = defaults[name]
        row[name] = coerce(table, name, raw, known_actor)
    missing = [n for n in ADDABLE[table] if row.get(n) is None]
    if missing:
        raise CorrectionError(f"a new {table} row needs {', '.join(missing)}")
    if table == "alignment" and row["subject"] == row["counterpart"]:
        raise CorrectionError("subject and counterpart must be different actors")
    return row


def added_row_id(article_id: str, table: str, start: int, end: int, salt: str) -> str:
    """The id of an added row: its own, kept in the review history and used again whenever
    the article is re-analysed."""
    digest = hashlib.sha256(f"{article_id}|{table}|added|{start}|{end}|{salt}".encode())
    return f"{table[0]}{digest.hexdigest()[:16]}"


def check_table(table: str) -> dict[str, Any]:
    if table not in FIELDS:
        raise CorrectionError(f"cannot correct {table!r}; choose one of {', '.join(FIELDS)}")
    return FIELDS[table]


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in ("", "null"))


def _integer(field: str, value: Any) -> int:
    if isinstance(value, bool):
        raise CorrectionError(f"{field} must be a whole number, not {value!r}")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
        return int(value)
    raise CorrectionError(f"{field} must be a whole number, not {value!r}")


def _choice(field: str, value: Any, allowed: tuple[str, ...]) -> str:
    text = str(value).strip()
    if text not in allowed:
        raise CorrectionError(f"{field} must be one of {', '.join(allowed)}; not {text!r}")
    return text


def _number(field: str, kind: str, value: Any) -> int | float:
    if kind == "weight":
        try:
            weight = float(value)
        except (TypeError, ValueError):
            raise CorrectionError(f"weight must be a number above 0, not {value!r}") from None
        if not weight > 0 or weight == float("inf"):
            raise CorrectionError(f"weight must be a number above 0, not {value!r}")
        return weight
    number = _integer(field, value)
    allowed = {"count": None, "sign": (1, -1), "polarity": (-1, 0, 1)}[kind]
    if allowed is None and number < 0:
        raise CorrectionError(f"{field} must be a non-negative whole number, not {number}")
    if allowed is not None and number not in allowed:
        raise CorrectionError(f"{field} must be one of {', '.join(map(str, allowed))}")
    return number


def coerce(
    table: str, field: str, value: Any, known_actor: Callable[[str], bool]
) -> str | int | float | None:
    """The checked value of one field (strings from a command line are parsed)."""
    kinds = check_table(table)
    if field not in kinds:
        raise CorrectionError(
            f"{table} has no correctable field {field!r}; choose one of {', '.join(kinds)}"
        )
    kind = kinds[field]
    if _empty(value):
        if kind in ("actor", "count", "date", "name"):
            return None
        raise CorrectionError(f"{field} cannot be empty")
    if isinstance(kind, tuple):
        return _choice(field, value, kind)
    if kind in ("count", "sign", "polarity", "weight"):
        return _number(field, kind, value)
    text = str(value).strip()
    if kind.startswith("actor"):
        if not known_actor(text):
            raise CorrectionError(f"unknown actor id {text!r} for {field}")
        return text
    if kind == "date":
        if not _DATE.match(text):
            raise CorrectionError(f"{field} must be YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
        return text
    return plain_text(field, text, limit=120)


def plain_text(field: str, text: str, *, limit: int = MAX_NOTE) -> str:
    """Text without markup or control characters (notes and names are shown as text)."""
    if _MARKUP.search(text):
        raise CorrectionError(f"{field} must be plain text, without markup such as <tags>")
    if _CONTROL.search(text):
        raise CorrectionError(f"{field} must be plain text, without control characters")
    if len(text) > limit:
        raise CorrectionError(f"{field} is longer than {limit} characters")
    return text


def encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def effective_sql(
    table: str, columns: list[str], *, with_rejected: bool = False, with_rowid: bool = False
) -> str:
    """A SELECT of ``table`` (base columns in order, then ``corrected`` and ``review``) whose
    correctable fields hold the latest correction else the extracted value."""
    fields = FIELDS[table]
    joins = [
        f"LEFT JOIN corrected_values r ON r.tbl = '{table}' AND r.row_id = b.row_id"
        f" AND r.field = '{ROW_FIELD}'"
    ]
    alias: dict[str, str] = {}
    for i, name in enumerate(f for f in fields if f in columns):
        alias[name] = f"o{i}"
        joins.append(
            f"LEFT JOIN corrected_values o{i} ON o{i}.tbl = '{table}'"
            f" AND o{i}.row_id = b.row_id AND o{i}.field = '{name}'"
        )

    def value(name: str) -> str:
        if name not in alias:
            return f'b."{name}"'
        o = alias[name]
        return (
            f"CASE WHEN {o}.value IS NULL THEN b.\"{name}\" ELSE json_extract({o}.value, '$') END"
        )

    select: list[str] = []
    for col in columns:
        if col == "day" and "date" in alias:
            o = alias["date"]
            select.append(
                f"CASE WHEN {o}.value IS NULL THEN b.day ELSE COALESCE(substr("
                f"json_extract({o}.value, '$') || '-01-01', 1, 10), (SELECT published FROM"
                f' articles a WHERE a.id = b.article_id)) END AS "day"'
            )
        elif col == "family" and ("system" in alias or "category" in alias):
            system, category = value("system"), value("category")
            select.append(
                f"CASE WHEN ({system}) IS NOT NULL THEN lower({system})"
                f" ELSE 'category:' || ({category}) END AS \"family\""
            )
        else:
            select.append(f'{value(col)} AS "{col}"')
    select.append(
        "(SELECT json_group_array(c.field) FROM corrected_values c WHERE c.tbl = "
        f"'{table}' AND c.row_id = b.row_id AND c.field != '{ROW_FIELD}') AS corrected"
    )
    select.append("json_extract(r.value, '$') AS review")
    if with_rowid:
        select.append("b.rowid AS _rowid")
    sql = f"SELECT {', '.join(select)} FROM {table} b {' '.join(joins)}"
    if not with_rejected:
        sql += " WHERE r.value IS NULL OR r.value != '\"reject\"'"
    return sql
