"""Web-page extraction against hand-made references: text F1 and publication-date accuracy.

Scores, side by side on the same pages in one run, the loader as it is (trafilatura first),
our own extraction alone (the fallback), and the loader of an earlier revision (default: the one
before trafilatura came in, read from git). Pages and references: ``tests/fixtures/html/``
(synthetic), or any folder with the same ``cases.json`` layout given with ``--pages``.

    python -m scripts.bench_html [--pages DIR] [--old-ref REV] [--json FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from analysis.loading import InputError, load_bytes
from analysis.model import normalise_text
from analysis.webpage import own_extraction

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "html"
OLD_REF = "58cf2e9"  # the loader before trafilatura: selectolax and a fixed list of tags

Extractor = Callable[[bytes, str], tuple[str, str | None]]


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def f1(predicted: str, reference: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of a text against its reference."""
    got, want = words(predicted), words(reference)
    common = sum((got & want).values())
    if not got or not want or not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def _current(data: bytes, name: str) -> tuple[str, str | None]:
    article = load_bytes(data, name=name)
    return article.text, article.published.isoformat() if article.published else None


def _own(data: bytes, name: str) -> tuple[str, str | None]:
    return normalise_text(own_extraction(data.decode("utf-8", errors="replace"))), None


def _old_module(ref: str) -> ModuleType | None:
    try:
        source = subprocess.run(
            ["git", "show", f"{ref}:analysis/loading.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "loading_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("loading_old", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules["loading_old"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _old(module: ModuleType) -> Extractor:
    def run(data: bytes, name: str) -> tuple[str, str | None]:
        article = module.load_bytes(data, name=name)
        return article.text, article.published.isoformat() if article.published else None

    return run


def score(pages: Path, extractors: dict[str, Extractor]) -> dict[str, Any]:
    cases = json.loads((pages / "cases.json").read_text(encoding="utf-8"))["cases"]
    rows: list[dict[str, Any]] = []
    for case in cases:
        data = (pages / case["file"]).read_bytes()
        row: dict[str, Any] = {"file": case["file"]}
        for label, extract in extractors.items():
            try:
                text, published = extract(data, case["file"])
            except (InputError, ValueError):  # any loader's refusal (an old one has its own)
                text, published = "", None
            p, r, f = f1(text, case["text"])
            row[label] = {
                "precision": p,
                "recall": r,
                "f1": f,
                "published": published,
                "date_ok": published == case.get("published"),
            }
        rows.append(row)
    summary = {}
    for label in extractors:
        n = len(rows)
        summary[label] = {
            "pages": n,
            "mean_f1": sum(r[label]["f1"] for r in rows) / n,
            "mean_precision": sum(r[label]["precision"] for r in rows) / n,
            "refused": sum(1 for r in rows if r[label]["f1"] == 0.0),
            "dates_right": sum(1 for r in rows if r[label]["date_ok"]),
        }
    return {"rows": rows, "summary": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--old-ref", default=OLD_REF, help="git revision of the old loader")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    args = parser.parse_args(argv)
    extractors: dict[str, Extractor] = {"loader": _current, "own text only": _own}
    old = _old_module(args.old_ref)
    if old is not None:
        extractors[f"old ({args.old_ref})"] = _old(old)
    else:
        print(f"(old loader at {args.old_ref} not available: no git history)", file=sys.stderr)
    result = score(args.pages, extractors)
    labels = list(extractors)
    print(f"{'page':28}" + "".join(f"{lab[:18]:>20}" for lab in labels) + "   (F1 / date)")
    for row in result["rows"]:
        cells = "".join(
            f"{row[lab]['f1']:>14.2f} {'ok' if row[lab]['date_ok'] else '--':>5}" for lab in labels
        )
        print(f"{row['file'][:28]:28}{cells}")
    print()
    for lab, s in result["summary"].items():
        print(
            f"{lab:>22}: mean F1 {s['mean_f1']:.3f} (precision {s['mean_precision']:.3f}), "
            f"dates right {s['dates_right']}/{s['pages']}, no text {s['refused']}"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
