"""Regenerate the golden analyses in ``tests/golden/`` (``make golden``).

A golden file is the full ``analyze`` JSON of one sample article. The test compares fresh output
with it, so any change in behaviour shows up as a diff to review like code.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.engine import analyse
from analysis.loading import load_path
from analysis.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
ARTICLES = (
    "2017-10-serbia-mig29-handover.md",
    "2019-07-turkey-s400-deliveries.md",
    "2022-12-poland-korean-tanks-arrive.md",
)


def main() -> None:
    nlp = build_pipeline()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in ARTICLES:
        data = analyse(nlp, load_path(ROOT / "sample_articles" / name)).to_dict()
        path = GOLDEN / (Path(name).stem + ".json")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
