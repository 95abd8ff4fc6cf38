"""What the Overview page reads, in one place: the page draws it, and the server's warm-up
(``python -m dashboard``) reads the same through the same caches before the first browser
connects, so the first run finds every result cached."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from analysis.store import Value
from dashboard import data, ui

DATED: tuple[data.Measure, ...] = (("dated", "count_values", "date"),)
SUBJECTS: tuple[data.Measure, ...] = (("signals", "count", "*"),)
LATEST_COLUMNS = ("date", "type", "actors", "sentence", "day")
SIGNAL_COLUMNS = ("id", "subject", "counterpart", "direction", "weight", "first", "sources")
ARTICLE_COLUMNS = ["published", "title", "source", "words"]


def latest_events(ctx: ui.Context) -> pd.DataFrame:
    """The ten newest dated events up to today (a date in the future is a plan, not news)."""
    today = date.today()
    end = min(ctx.filters.end, today) if ctx.filters.end else today
    return data.page(
        ctx.db,
        ctx.version,
        "events",
        replace(ctx.filters, end=end),
        0,
        LATEST_COLUMNS,
        data.match_of({"date": Value.PRESENT}),
        rows=10,
        newest=True,
    )


def subject_options(subjects: pd.DataFrame, chosen: tuple[str, ...]) -> list[str]:
    """Subjects for the bloc balance: the filter's actors first, then by merged signals."""
    ranked = subjects.sort_values("signals", ascending=False, kind="stable")
    counts = dict(zip(ranked["subject"], ranked["signals"], strict=True))
    first = [a for a in chosen if a in counts]
    return first + [s for s in counts if s not in first]


def subject_signals(ctx: ui.Context, subject: str) -> pd.DataFrame:
    """The merged signals of one subject (its bloc balance)."""
    return ctx.table("signals", SIGNAL_COLUMNS, data.match_of({"subject": subject}))


def read_all(ctx: ui.Context) -> None:
    """Everything the page reads on its first run (the first balance subject, the first page
    of articles), for the warm-up."""
    if not ctx.total("articles"):
        return
    data.actor_totals(ctx.db, ctx.version, ctx.filters)
    ctx.aggregate("events", (), DATED)
    subjects = ctx.aggregate("signals", ("subject",), SUBJECTS)
    ctx.total("deals")
    latest_events(ctx)
    options = subject_options(subjects, ctx.filters.actors)
    if options:
        subject_signals(ctx, options[0])
    ctx.page("articles", 0, (), None, data.PAGE_ROWS)
