"""The server's warm-up reads what the first page reads, so the first run finds it cached."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analysis.store import Store
from dashboard import warm
from tests.dashboard.conftest import APP

READS = ("read", "total", "aggregate", "actor_totals")


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every read that reaches the store, as (method, arguments)."""
    calls: list[tuple[str, str]] = []
    for name in READS:
        original: Callable[..., Any] = getattr(Store, name)

        def wrapper(
            self: Store, *args: Any, _f: Callable[..., Any] = original, _n: str = name, **kw: Any
        ) -> Any:
            calls.append((_n, repr((args, sorted(kw.items())))))
            return _f(self, *args, **kw)

        monkeypatch.setattr(Store, name, wrapper)
    return calls


def test_warm_up_reads_every_store_read_of_the_first_page(
    app_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _recording(monkeypatch)
    st.cache_data.clear()
    warm.read_first_page(str(app_db))
    warmed = set(calls)
    assert (
        "total",
        repr(
            (
                ("articles",),
                sorted(
                    {
                        "actors": None,
                        "start": None,
                        "end": None,
                        "articles": None,
                        "match": None,
                    }.items()
                ),
            )
        ),
    ) in warmed
    calls.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception
    assert at.get("plotly_chart"), "the Overview drew no chart"
    first_run = set(calls)
    assert first_run, "the app read nothing from the store"
    assert first_run <= warmed, sorted(first_run - warmed)


def test_warm_up_leaves_an_empty_or_missing_store_alone(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    warm.read_first_page(str(missing))
    assert not missing.exists()
    empty = tmp_path / "empty.sqlite"
    Store(empty).close()
    warm.read_first_page(str(empty))  # would load the language model if it seeded
    with Store(empty, readonly=True) as store:
        assert store.count() == 0
