"""Command line of CONTRACT.md: ``analyze``, ``ingest``, ``export``, ``correct``,
``review export`` and ``knowledge``.

Bad input ends with exit status 2 and one line on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from analysis.corrections import CorrectionError
from analysis.knowledge import KnowledgeError
from analysis.loading import InputError, load_path, parse_date
from analysis.resources import DataFileError


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _published(value: str) -> date:
    parsed = parse_date(value)
    if parsed is None or not value[:4].isdigit():
        raise argparse.ArgumentTypeError(f"--published needs a date as YYYY-MM-DD, not {value!r}")
    return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m analysis",
        description="Alignment Monitor: analyse defence and geopolitical news.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    a = sub.add_parser("analyze", help="analyse one article file and print its JSON")
    a.add_argument("path")
    a.add_argument("--published", type=_published, help="publication date, YYYY-MM-DD")
    a.add_argument("--title", help="article title")
    i = sub.add_parser("ingest", help="analyse files and folders into the store")
    i.add_argument("paths", nargs="+")
    i.add_argument("--db", help="store file (default: data/alignment.sqlite or $ALIGNMENT_DB)")
    i.add_argument(
        "--workers",
        type=int,
        default=None,
        help="local cluster's worker processes (default: cores)",
    )
    i.add_argument(
        "--scheduler",
        help="address of a running Dask scheduler, tcp://HOST:PORT (default: $ALIGNMENT_SCHEDULER,"
        " else a local cluster for this run)",
    )
    i.add_argument("--batch-size", type=int, default=50, help="articles per task")
    i.add_argument("--quiet", action="store_true", help="no progress bar or dashboard link")
    i.add_argument(
        "--reanalyse",
        action="store_true",
        help="analyse texts already stored again, replacing their rows (corrections are kept)",
    )
    e = sub.add_parser("export", help="write stored results as CSV, JSON or Parquet")
    e.add_argument("--db")
    e.add_argument("--format", choices=("csv", "json", "parquet"), default="csv")
    e.add_argument("--table", help="table to write (default: alignment; Parquet: every table)")
    e.add_argument("--actor", action="append", default=[], help="keep rows involving this actor")
    e.add_argument("--out", help="folder for Parquet: one dataset per table, partitioned by year")
    c = sub.add_parser("correct", help="record an analyst's correction of one stored row")
    c.add_argument("--db")
    c.add_argument("--table", required=True, help="procurements, alignment or stance_cues")
    c.add_argument("--row", help="the row's id (the row_id column of export)")
    c.add_argument("--set", action="append", metavar="FIELD=VALUE", help="new value of a field")
    how = c.add_mutually_exclusive_group()
    how.add_argument("--reject", action="store_true", help="the row is wrong: drop it")
    how.add_argument("--confirm", action="store_true", help="the row is right as it is")
    how.add_argument(
        "--add",
        action="store_true",
        help="add a row the extraction missed (--article, --evidence, --set FIELD=VALUE)",
    )
    c.add_argument("--article", help="with --add: the stored article's id")
    c.add_argument(
        "--evidence", help="with --add: the sentence (exact text of the article) it comes from"
    )
    c.add_argument("--note", help="why (plain text)")
    c.add_argument("--reviewer", help="who (default: $USER)")
    r = sub.add_parser("review", help="reviewed articles")
    rsub = r.add_subparsers(dest="review_command", required=True, parser_class=_Parser)
    rx = rsub.add_parser("export", help="write fully reviewed articles as gold files")
    rx.add_argument("--db")
    rx.add_argument("--out", required=True, help="folder for the gold files (make eval GOLD=DIR)")
    _knowledge_parser(sub)
    return parser


def _knowledge_parser(sub: Any) -> None:
    k = sub.add_parser(
        "knowledge",
        help="add an alias, a person or a weapon system to the analyst's overlay of the data",
    )
    ksub = k.add_subparsers(dest="knowledge_command", required=True, parser_class=_Parser)
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        help="store whose articles mentioning the entry are re-analysed; the overlay is user/"
        " beside it unless $ALIGNMENT_KNOWLEDGE names a folder",
    )
    common.add_argument(
        "--no-reanalyse",
        action="store_true",
        help="only write the entry; stored articles keep their rows until re-analysed",
    )
    al = ksub.add_parser("add-alias", parents=[common], help="another name of a known record")
    who = al.add_mutually_exclusive_group(required=True)
    who.add_argument("--actor", help="actor id (SRB, NATO, ...)")
    who.add_argument("--person", help="person id (P:aleksandar-vucic, ...)")
    who.add_argument("--weapon", help="weapon system id (mig-29, ...)")
    al.add_argument("--alias", required=True, help="the name as articles write it")
    pe = ksub.add_parser(
        "add-person", parents=[common], help="a person and the state a role makes them act for"
    )
    pe.add_argument("--name", required=True)
    pe.add_argument("--actor", required=True, help="the state (or bloc) the role acts for")
    pe.add_argument("--title", required=True, help="role title, e.g. defence_minister")
    pe.add_argument("--start", required=True, help="first year of the role")
    pe.add_argument("--end", help="last year of the role (default: still in office)")
    pe.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    we = ksub.add_parser("add-weapon", parents=[common], help="a weapon system the data lacks")
    we.add_argument("--name", required=True)
    we.add_argument("--category", required=True, help="a category of the contract")
    we.add_argument("--origin", required=True, help="actor id of the country of origin")
    we.add_argument("--maker", required=True)
    we.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    ksub.add_parser("list", parents=[common], help="print the overlay's entries as JSON lines")


def _knowledge(args: argparse.Namespace) -> int:
    import os

    from analysis import knowledge, resources, store

    db = store.resolve_db(args.db)
    os.environ.setdefault(resources.OVERLAY_ENV, str(db.parent / "user"))
    cmd = args.knowledge_command
    if cmd == "list":
        for item in knowledge.entries():
            print(json.dumps({**item, "aliases": list(item["aliases"])}, ensure_ascii=False))
        return 0
    if cmd == "add-alias":
        kind, rid = next((k, getattr(args, k)) for k in knowledge.KINDS if getattr(args, k))
        entry = knowledge.alias_entry(kind, rid, args.alias)
    elif cmd == "add-person":
        entry = knowledge.person_entry(
            args.name,
            actor=args.actor,
            title=args.title,
            start=args.start,
            end=args.end,
            aliases=args.alias,
        )
    else:
        entry = knowledge.weapon_entry(
            args.name,
            category=args.category,
            origin=args.origin,
            maker=args.maker,
            aliases=args.alias,
        )
    path = knowledge.write(entry)
    print(f"added {entry.summary} to {path}")
    if args.no_reanalyse or not db.exists():
        return 0
    with store.Store(db, readonly=True) as st:
        ids = knowledge.affected(st, entry.forms)
    if ids:
        from analysis.pipeline import build_pipeline

        done = knowledge.reanalyse_stored(db, ids, build_pipeline())
        print(f"re-analysed {done} stored article{'s' if done != 1 else ''} that mention it")
    else:
        print("no stored article mentions it")
    return 0


def _correct(args: argparse.Namespace) -> int:
    import os

    from analysis import store

    values: dict[str, str] = {}
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set needs FIELD=VALUE, not {item!r}")
        values[name.strip()] = value
    action = (
        "add" if args.add else "reject" if args.reject else "confirm" if args.confirm else "edit"
    )
    if action == "add" and (args.row or not args.article or not args.evidence):
        raise UsageError("--add takes --article and --evidence, not --row")
    if action != "add" and (args.article or args.evidence):
        raise UsageError("--article and --evidence go with --add")
    if action != "add" and not args.row:
        raise UsageError("--row is required (or --add for a missed row)")
    if action == "edit" and not values:
        raise UsageError("give --set FIELD=VALUE, --confirm, --reject or --add")
    reviewer = args.reviewer or os.environ.get("USER") or None
    db = store.resolve_db(args.db)
    if not db.exists():
        raise UsageError(f"{db}: no store yet; run `python -m analysis ingest` first")
    if action == "add":
        return _add_row(args, db, values, reviewer)
    with store.Store(db) as st:
        written = st.correct(
            args.table, args.row, values=values, action=action, note=args.note, reviewer=reviewer
        )
    print(f"recorded {written} correction{'s' if written != 1 else ''} of {args.table} {args.row}")
    return 0


def _add_row(args: argparse.Namespace, db: Path, values: dict[str, str], who: str | None) -> int:
    from analysis import store

    with store.Store(db) as st:
        text = st.text(args.article)
        if text is None:
            raise UsageError(f"no stored article with id {args.article!r}")
        evidence = " ".join(str(args.evidence).split())
        start = text.find(evidence) if evidence else -1
        if start < 0:
            raise UsageError("--evidence must be text of the article, word for word")
        row_id = st.add_row(
            args.table,
            args.article,
            start=start,
            end=start + len(evidence),
            values=values,
            note=args.note,
            reviewer=who,
        )
    print(f"added {args.table} row {row_id}")
    return 0


def _review(args: argparse.Namespace) -> int:
    from analysis import review, store

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder")
    with store.Store(store.resolve_db(args.db), readonly=True) as st:
        written = review.export_gold(st, out)
    print(f"wrote {len(written)} reviewed article{'s' if len(written) != 1 else ''} to {out}")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    article = load_path(args.path)  # refuse bad input before spending seconds on spaCy
    article = article.with_meta(title=args.title, published=args.published)
    from analysis.engine import analyse
    from analysis.pipeline import build_pipeline

    nlp = build_pipeline()
    result = analyse(nlp, article)
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    import os

    from analysis import ingest, matrices, resources, store

    matrices.requested()  # a bad $ALIGNMENT_BLAS is refused before any worker starts
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    scheduler = ingest.resolve_scheduler(args.scheduler)
    if scheduler and args.workers is not None:
        raise UsageError("--workers sizes a local cluster; a running scheduler has its own workers")
    if scheduler and not scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise UsageError(f"--scheduler needs an address such as tcp://HOST:8786, not {scheduler!r}")
    ingest.quiet_dask()
    db = store.resolve_db(args.db)
    # Local workers inherit the environment: they read the overlay beside this store.
    os.environ.setdefault(resources.OVERLAY_ENV, str(db.parent / "user"))
    summary = ingest.ingest_paths(
        args.paths,
        db=db,
        workers=args.workers,
        scheduler=scheduler,
        batch_size=args.batch_size,
        progress=not args.quiet,
        reanalyse=args.reanalyse,
    )
    for name, reason in summary.refused:
        label = Path(name).name
        reason = reason[len(label) + 2 :] if reason.startswith(f"{label}: ") else reason
        print(f"refused {name}: {reason}", file=sys.stderr)
    print(summary.line())
    return 0


def _export(args: argparse.Namespace) -> int:
    from analysis import store

    db = store.resolve_db(args.db)
    if args.table is not None and args.table not in store.TABLES:
        raise UsageError(f"--table must be one of {', '.join(store.TABLES)}")
    if args.format == "parquet":
        return _export_parquet(args, db)
    if args.out:
        raise UsageError("--out is for --format parquet; CSV and JSON go to stdout")
    with store.Store(db, readonly=True) as st:
        frame = st.read(args.table or "alignment", actors=args.actor or None)
    if args.format == "csv":
        for col in frame.columns:
            if frame[col].map(lambda v: isinstance(v, list | dict)).any():
                frame[col] = frame[col].map(lambda v: json.dumps(v, ensure_ascii=False))
        frame.to_csv(sys.stdout, index=False)
    else:
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2))
        sys.stdout.write("\n")
    return 0


def _export_parquet(args: argparse.Namespace, db: Path) -> int:
    from analysis import export, store

    if not args.out:
        raise UsageError("--format parquet needs --out DIR (one dataset per table)")
    tables = [args.table] if args.table else list(store.TABLES)
    with store.Store(db, readonly=True) as st:
        counts = export.write_parquet(st, Path(args.out), tables=tables, actors=args.actor or None)
    done = ", ".join(f"{name} {rows}" for name, rows in counts.items())
    print(f"wrote {done} rows as Parquet under {args.out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler = {
            "analyze": _analyze,
            "ingest": _ingest,
            "export": _export,
            "correct": _correct,
            "review": _review,
            "knowledge": _knowledge,
        }[args.command]
        return handler(args)
    except (InputError, UsageError, CorrectionError, KnowledgeError, DataFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the store, a disk: one line, never a traceback
        from analysis.ingest import SchedulerError
        from analysis.matrices import BlasError
        from analysis.store import StoreError

        if isinstance(exc, StoreError | SchedulerError | BlasError):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
