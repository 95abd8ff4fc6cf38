"""The command line of CONTRACT.md, run as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.constants import CATEGORIES, CUE_TYPES, PRECISIONS, SCHEMA, STATUSES

ROOT = Path(__file__).resolve().parent.parent
KEYS = [
    "schema",
    "article",
    "actors",
    "entities",
    "events",
    "procurements",
    "stance_cues",
    "alignment",
]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.mark.slow
def test_analyze_prints_the_contract_for_every_sample(sample_paths: list[Path]) -> None:
    # One process for all samples keeps this fast; the per-file path is checked below.
    from analysis.engine import analyse
    from analysis.loading import load_path
    from analysis.pipeline import build_pipeline

    nlp = build_pipeline()
    for path in sample_paths:
        data = analyse(nlp, load_path(path)).to_dict()
        assert list(data) == KEYS
        assert data["schema"] == SCHEMA
        text = load_path(path).text
        for e in data["events"]:
            assert e["precision"] in (*PRECISIONS, "week", None)
            assert text[e["start"] : e["end"]] == e["date_text"]
        for p in data["procurements"]:
            assert p["category"] in CATEGORIES and p["status"] in STATUSES
        for c in data["stance_cues"]:
            assert c["type"] in CUE_TYPES and c["polarity"] in (-1, 0, 1)
        for a in data["alignment"]:
            assert a["direction"] in (-1, 1) and a["weight"] > 0
            assert a["basis"] in ("material", "verbal")
        assert data["actors"], path


def test_analyze_one_file_with_overrides(sample_paths: list[Path]) -> None:
    result = cli("analyze", str(sample_paths[0]), "--published", "2017-10-05", "--title", "T")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == KEYS
    assert data["article"]["title"] == "T"
    assert data["article"]["published"] == "2017-10-05"
    assert len(data["article"]["id"]) == 16


def test_without_a_date_relative_dates_stay_unresolved(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Serbia received the drones last month from China.", encoding="utf-8")
    data = json.loads(cli("analyze", str(path)).stdout)
    assert data["events"][0]["date"] is None
    data = json.loads(cli("analyze", str(path), "--published", "2020-07-07").stdout)
    assert data["events"][0]["date"] == "2020-06"


@pytest.mark.parametrize(
    "name,content,args",
    [
        ("missing.txt", None, []),
        ("empty.txt", b"", []),
        ("binary.txt", bytes(range(256)) * 10, []),
        ("fake.pdf", b"not a pdf at all", []),
        ("corrupt.docx", b"PK\x03\x04" + b"\x01" * 100, []),
        ("table.csv", b"a,b\n1,2\n", []),
        ("ok.txt", b"Serbia bought drones.", ["--published", "2020-13-45"]),
        ("folder", "dir", []),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, name: str, content: bytes | str | None, args: list[str]
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = cli("analyze", str(path), *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr


def test_usage_errors_exit_2_with_one_line() -> None:
    result = cli("frobnicate")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def _peak_child_rss_mb(
    args: list[str], timeout: float
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the command line in a fresh interpreter and return its peak resident memory."""
    probe = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
        "sys.exit(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )
    *lines, rss_kb = result.stderr.strip().splitlines()
    result.stderr = "\n".join(lines)
    return result, int(rss_kb) / 1024


@pytest.mark.parametrize("source", ["device", "fifo", "fifo-with-endless-writer"])
def test_endless_inputs_exit_2_with_one_line_and_bounded_memory(
    tmp_path: Path, source: str
) -> None:
    writer = None
    if source == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
        if source == "fifo-with-endless-writer":
            writer = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    f"f = open({str(path)!r}, 'wb')\nwhile True: f.write(b'Serbia ' * 4096)",
                ],
                stderr=subprocess.DEVNULL,
            )
    try:
        result, rss_mb = _peak_child_rss_mb(["analyze", str(path)], timeout=60)
    finally:
        if writer is not None:
            writer.kill()
            writer.wait()
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert rss_mb < 200


@pytest.mark.parametrize(
    "args,env,says",
    [
        (["--scheduler", "tcp://127.0.0.1:9"], {}, "cannot reach the Dask scheduler"),
        ([], {"ALIGNMENT_SCHEDULER": "tcp://127.0.0.1:9"}, "tcp://127.0.0.1:9"),
        (["--scheduler", "127.0.0.1:8786"], {}, "tcp://HOST"),
        (["--scheduler", "tcp://127.0.0.1:9", "--workers", "2"], {}, "--workers"),
        (["--batch-size", "0"], {}, "--batch-size"),
    ],
)
def test_ingest_without_a_usable_cluster_exits_2_with_one_line(
    tmp_path: Path, sample_paths: list[Path], args: list[str], env: dict[str, str], says: str
) -> None:
    db = tmp_path / "store.sqlite"
    result = cli(
        "ingest",
        str(sample_paths[0]),
        "--db",
        str(db),
        *args,
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s", **env},
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.stderr
    assert result.stdout == ""
