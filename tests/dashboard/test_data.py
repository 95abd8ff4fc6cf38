"""The dashboard's cache key for store contents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from analysis.model import Analysis
from analysis.store import Store
from dashboard import data


def test_stamp_never_repeats_after_deleting_the_newest_and_adding_another(
    db: Path, run: Callable[..., Analysis]
) -> None:
    texts = [
        "Serbia received six MiG-29 fighter jets from Russia.",
        "Turkey took delivery of the S-400 system from Russia.",
        "Poland received K2 tanks from South Korea.",
    ]
    first, second, third = (run(t) for t in texts)
    with Store(db) as st:
        st.add(first.to_dict(), text=texts[0])
        st.add(second.to_dict(), text=texts[1])
    seen = {data.stamp(str(db))}
    with Store(db) as st:
        st.delete(second.article.id)
    seen.add(data.stamp(str(db)))
    with Store(db) as st:
        st.add(third.to_dict(), text=texts[2])
    seen.add(data.stamp(str(db)))
    assert len(seen) == 3
