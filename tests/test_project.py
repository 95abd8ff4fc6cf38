"""Project set-up that protects users: the server's request checks and the hash-pinned locks."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_server_config_turns_xsrf_protection_on_and_cors_off() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is False


def _locked(path: Path) -> dict[str, list[str]]:
    """Package -> hashes of a pip-compile lock file (continuation lines joined)."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        m = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)(.*)$", line)
        assert m, f"{path.name}: not an exact pin: {line!r}"
        out[m[1].lower().replace("_", "-")] = re.findall(r"--hash=sha256:([0-9a-f]{64})", m[3])
    return out


def _top_level(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.append(re.split(r"[\[=<>~]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


@pytest.mark.parametrize(
    "lock,source",
    [("requirements.txt", "requirements.in"), ("requirements-dev.txt", "requirements-dev.in")],
)
def test_every_locked_package_is_pinned_with_hashes(lock: str, source: str) -> None:
    locked = _locked(ROOT / lock)
    assert locked
    assert all(hashes for hashes in locked.values()), [n for n, h in locked.items() if not h]
    missing = [n for n in _top_level(ROOT / source) if n not in locked]
    assert not missing, f"{source} names packages missing from {lock}: {missing}"


def test_setup_installs_the_locks_with_require_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for lock in ("requirements.txt", "requirements-dev.txt"):
        assert re.search(rf"pip install [^\n]*--require-hashes -r {re.escape(lock)}", makefile)
