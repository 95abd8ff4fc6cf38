"""Bytes or a path in, an ``Article`` out.

The real type is sniffed from the bytes; the file name only has to agree with it. Every refusal
is an ``InputError`` whose message says what is wrong and what would be accepted.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import select
import stat
import string
import time
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from analysis.constants import CONTINUATION_WORDS
from analysis.model import Article, normalise_text

ACCEPTED = ".txt, .md, .html, .htm, .pdf, .docx or .json"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ""}
SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}


class InputError(ValueError):
    """An input the loader refuses; ``str(err)`` is a one-line message for the user."""


class UnsupportedTypeError(InputError):
    pass


class MismatchedTypeError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class NotTextError(InputError):
    pass


class TooLargeError(InputError):
    pass


class CorruptDocumentError(InputError):
    pass


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds on what one article may cost to read."""

    max_bytes: int = 10 * 1024 * 1024
    max_chars: int = 1_000_000
    max_zip_entries: int = 2_000
    max_zip_uncompressed: int = 100 * 1024 * 1024
    max_zip_ratio: int = 200
    max_pdf_pages: int = 500
    # A pipe or device that neither ends nor exceeds max_bytes gives up after this long.
    max_read_seconds: float = 10.0


DEFAULT_LIMITS = Limits()


def load_path(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Read an article file from disk (or a pipe or device: never more than the size limit)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file; give the path of an article file ({ACCEPTED})")
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give an article file ({ACCEPTED})")
    try:
        data = read_bounded(p, limits=limits)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    return load_bytes(data, name=p.name, limits=limits)


def read_bounded(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """At most ``max_bytes`` of a file, pipe or device, whatever ``stat`` says its size is.

    Reads stop one byte past the limit (so ``/dev/zero`` or a growing file is refused, not
    read for ever); a pipe is opened without waiting for a writer, and one that stays silent
    gives up after ``max_read_seconds``.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        if regular:
            os.set_blocking(fd, True)
        deadline = time.monotonic() + limits.max_read_seconds
        chunks: list[bytes] = []
        total = 0
        while total <= limits.max_bytes:
            try:
                chunk = os.read(fd, min(1 << 20, limits.max_bytes + 1 - total))
            except BlockingIOError:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                    raise InputError(
                        f"{path.name}: no end of input after {limits.max_read_seconds:g} s; "
                        "give a file that ends"
                    ) from None
                continue
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if not regular and time.monotonic() > deadline:
                raise InputError(
                    f"{path.name}: no end of input after {limits.max_read_seconds:g} s; "
                    "give a file that ends"
                )
    finally:
        os.close(fd)
    if total > limits.max_bytes:
        raise TooLargeError(
            f"{path.name}: more than the {limits.max_bytes / 1e6:.0f} MB limit; "
            "give a single article file"
        )
    return b"".join(chunks)


def load_bytes(data: bytes, *, name: str = "", limits: Limits = DEFAULT_LIMITS) -> Article:
    """Read an article from its bytes; ``name`` (a file name) supplies the expected type."""
    label = name or "input"
    suffix = Path(name).suffix.lower() if name else ""
    if suffix not in SUFFIXES:
        raise UnsupportedTypeError(f"{label}: {suffix} files are not supported; use {ACCEPTED}")
    if len(data) > limits.max_bytes:
        raise TooLargeError(
            f"{label}: {len(data) / 1e6:.1f} MB is over the {limits.max_bytes / 1e6:.0f} MB limit"
        )
    if not data.strip():
        raise EmptyInputError(f"{label}: the file is empty; give an article with text")
    kind = sniff(data)
    if suffix == ".pdf" and kind != "pdf":
        raise MismatchedTypeError(f"{label}: named .pdf but is not a PDF document")
    if suffix == ".docx" and kind != "docx":
        raise MismatchedTypeError(f"{label}: named .docx but is not a Word document")
    if suffix in TEXT_SUFFIXES and kind in ("pdf", "docx", "zip"):
        raise MismatchedTypeError(
            f"{label}: named {suffix or 'as text'} but is a {kind.upper()} file; "
            f"rename it to .{kind if kind != 'zip' else 'docx'} or upload the text"
        )
    if kind == "zip":
        raise UnsupportedTypeError(f"{label}: a ZIP archive is not an article; use {ACCEPTED}")
    if kind == "binary":
        raise NotTextError(f"{label}: binary data, not text; use {ACCEPTED}")

    stem = Path(name).stem if name else ""
    if kind == "pdf":
        article = _from_pdf(data, label, limits)
    elif kind == "docx":
        article = _from_docx(data, label, limits)
    else:
        text = decode(data, label=label)
        if suffix == ".json" or (suffix == "" and text.lstrip().startswith("{")):
            article = _from_json(text, label)
        elif suffix in (".html", ".htm") or _looks_like_html(text):
            article = _from_html(text)
        else:
            article = _from_text(text)
    return _finish(article, label=label, stem=stem, limits=limits)


def sniff(data: bytes) -> str:
    """The real type of ``data``: pdf, docx, zip, binary or text."""
    head = data[:8]
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if _utf16_bom(data) or _looks_utf16(data):
        return "text"
    sample = data[:4096]
    if b"\x00" in sample:
        return "binary"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > max(2, len(sample) // 100):
        return "binary"
    return "text"


def _utf16_bom(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return odds.count(0) > 0.4 * len(odds) or evens.count(0) > 0.4 * len(evens)


def decode(data: bytes, *, label: str = "input") -> str:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16, else the best single-byte guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if _utf16_bom(data):
        return data.decode("utf-16", errors="replace")
    if _looks_utf16(data):
        odds = data[1::2]
        enc = "utf-16-le" if odds.count(0) > len(odds) * 0.4 else "utf-16-be"
        return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8, so a single-byte code page. Cyrillic words put high bytes next to each other
    # (Windows-1251); Western European text has isolated accented letters (Windows-1252/Latin-1).
    high = [i for i, b in enumerate(data[:200_000]) if b >= 0x80]
    runs = sum(
        1
        for i in high
        if (i + 1 < len(data) and data[i + 1] >= 0x80) or (i > 0 and data[i - 1] >= 0x80)
    )
    if high and runs / len(high) > 0.5:
        return data.decode("cp1251", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_HTML_HINT = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:2000])) and text.lstrip().startswith("<")


def parse_date(value: Any) -> date | None:
    """A publication date from front matter or metadata, or ``None`` when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    s = " ".join(s.split())
    for fmt in (
        "%B %d, %Y",
        "%b %d, %Y",
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%d %B, %Y",
        "%Y/%m/%d",
        "%d.%m.%Y",
        "%a, %d %b %Y %H:%M:%S %z",
        "%a, %d %b %Y %H:%M:%S %Z",
    ):
        try:
            return datetime.strptime(s.replace("Sept", "Sep"), fmt).date()
        except ValueError:
            continue
    return None


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:i])) or {}
            except yaml.YAMLError:
                return {}, text
            if not isinstance(meta, dict):
                return {}, text
            return meta, "\n".join(lines[i + 1 :])
    return {}, text


def _from_text(text: str) -> Article:
    meta, body = _front_matter(text)
    body = _strip_markdown(body)
    return Article(
        text=body,
        title=str(meta.get("title") or ""),
        published=parse_date(meta.get("published") or meta.get("date")),
        source=_opt(meta.get("source")),
        url=_opt(meta.get("url")),
    )


def _strip_markdown(text: str) -> str:
    """Drop Markdown markup that is not prose (heading hashes, emphasis, link targets)."""
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _from_json(text: str, label: str) -> Article:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorruptDocumentError(
            f"{label}: not valid JSON ({exc.msg} at line {exc.lineno}); "
            'give an object like {"text": "...", "title": "...", "published": "YYYY-MM-DD"}'
        ) from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise CorruptDocumentError(
            f'{label}: JSON must be an object with a "text" string '
            '(and optional "title", "published", "source", "url")'
        )
    return Article(
        text=obj["text"],
        title=str(obj.get("title") or ""),
        published=parse_date(obj.get("published") or obj.get("date")),
        source=_opt(obj.get("source")),
        url=_opt(obj.get("url")),
    )


def _from_html(html: str) -> Article:
    from analysis.webpage import extract_page  # trafilatura loads only for web pages

    page = extract_page(html)
    return Article(
        text=page.text, title=page.title, published=page.published, source=page.site, url=page.url
    )


def _from_pdf(data: bytes, label: str, limits: Limits) -> Article:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise CorruptDocumentError(f"{label}: the PDF is encrypted; export an unprotected copy")
        pages = len(reader.pages)
        if pages > limits.max_pdf_pages:
            raise TooLargeError(
                f"{label}: {pages} pages is over the {limits.max_pdf_pages}-page limit"
            )
        parts = []
        total = 0
        for page in reader.pages:
            txt = page.extract_text() or ""
            parts.append(txt)
            total += len(txt)
            if total > limits.max_chars:
                break
        info = reader.metadata
        title = str(info.title) if info and info.title else ""
        published = None
        if info is not None:
            created = info.get("/CreationDate")
            if isinstance(created, str) and created.startswith("D:") and len(created) >= 10:
                published = parse_date(f"{created[2:6]}-{created[6:8]}-{created[8:10]}")
    except InputError:
        raise
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        RecursionError,
        AssertionError,
        IndexError,
        ZeroDivisionError,
    ) as exc:
        raise CorruptDocumentError(f"{label}: the PDF is damaged and cannot be read") from exc
    text = "\n\n".join(_unwrap(p) for p in parts)
    return Article(text=text, title=title, published=published)


def _unwrap(page: str) -> str:
    """Join lines a PDF broke inside a paragraph; keep blank-line paragraph breaks."""
    page = re.sub(r"-\n(?=[a-z])", "", page)
    paras = re.split(r"\n\s*\n", page)
    return "\n\n".join(" ".join(p.split()) for p in paras if p.strip())


def _from_docx(data: bytes, label: str, limits: Limits) -> Article:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_zip_entries:
                raise TooLargeError(
                    f"{label}: {len(infos)} parts in the document is over the "
                    f"{limits.max_zip_entries} limit"
                )
            total = sum(i.file_size for i in infos)
            packed = max(1, sum(i.compress_size for i in infos))
            if total > limits.max_zip_uncompressed or total / packed > limits.max_zip_ratio:
                raise TooLargeError(
                    f"{label}: the document unpacks to {total / 1e6:.0f} MB, "
                    "more than an article can be (a ZIP bomb?)"
                )
    except zipfile.BadZipFile as exc:
        raise CorruptDocumentError(f"{label}: the Word document is damaged") from exc
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        paras = [p.text.strip() for p in document.paragraphs if p.text.strip()]
        props = document.core_properties
        title = props.title or ""
        created = props.created
        published = created.date() if isinstance(created, datetime) else None
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many types on damaged parts
        raise CorruptDocumentError(f"{label}: the Word document is damaged ({exc})") from exc
    return Article(text="\n\n".join(paras), title=title, published=published)


# A wire dateline opening the first paragraph: "KYIV (Reuters) - ", "BELGRADE, Oct 24 - ",
# "WASHINGTON — ", "BELGRADE, Serbia, Oct. 24 (AP) — ". The place is in capitals.
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2})?"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"(?:\s*\([A-Za-z][A-Za-z.&'’ ]{0,30}\))?"
    r"\s*[-–—]{1,2}\s+(?=\S)"
)
_NAME = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
# A byline on its own line: "By Jane Smith", "By Jane Smith and John Doe, Reuters",
# "By Jane Smith · 22 February 2020".
_BYLINE = re.compile(
    rf"^(?i:by)\s+{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*(?P<tail>\s*[,|·–\-]\s*[\w&.'’:, ]{{0,60}})?$"
)
_CREDIT = re.compile(r"\n+(?:Reporting|Writing|Additional reporting|Editing)\b[^\n]*\bby\b[^\n]*$")


def strip_lead(text: str, title: str = "") -> tuple[str, str]:
    """``(text, title)`` with what is not the story's prose taken out of the analysed text: a
    leading headline (it becomes the title when there is none), bylines and a closing credit
    line. The wire dateline that opens the first sentence is set apart as its own paragraph: it
    would otherwise read as the subject, but its date is the story's.

    The headline leaves the text rather than staying as a paragraph of its own because the
    sentence splitter does not break at blank lines: "Jets arrive\n\nSerbia received…" would
    parse as one sentence whose subject is the headline.
    """
    title, text = _take_headline(text, title)
    for _ in range(3):
        first, _sep, rest = text.partition("\n")
        m = _BYLINE.match(first.strip())
        if m is None or not rest.strip() or re.search(r"\b[a-z]{4,}\b", m["tail"] or ""):
            break
        text = rest.lstrip("\n")
    dateline = _DATELINE.match(text)
    if dateline is not None:
        # The dateline keeps its place and dates but stands apart, so that it is never the
        # subject of the first sentence (the pipeline breaks sentences at blank lines).
        text = dateline.group(0).rstrip(" \t-–—") + "\n\n" + text[dateline.end() :]
    text = _CREDIT.sub("", text)
    return text.strip(), title


def _take_headline(text: str, title: str) -> tuple[str, str]:
    first, _sep, rest = text.partition("\n")
    line = first.strip()
    if not rest.strip() or not _is_headline(line, rest):
        return title, text
    return (title or line), rest.lstrip("\n")


def _is_headline(line: str, rest: str) -> bool:
    """A first line that is a headline: short, no closing punctuation, and either followed by
    a blank line or clearly not a hard-wrapped sentence going on below."""
    words = line.split()
    if not 1 <= len(words) <= 25 or len(line) > 200:
        return False
    if re.search(r"[.!?;:,…]['\"”’)\]]*$", line) or _BYLINE.match(line) or _DATELINE.match(line):
        return False
    if rest.lstrip(" \t").startswith("\n"):
        return True
    following = rest.lstrip()
    if _wrapped(line, following):
        return False
    return words[-1].lower() not in CONTINUATION_WORDS and following[:1].isupper()


def _wrapped(line: str, following: str) -> bool:
    """Whether a first line is a hard-wrapped line of the paragraph below it: the paragraph
    is wrapped at a width its first line fills, so that the word after it would not have fit
    ("... led by Australia and the United" / "States, got under way")."""
    paragraph = following.split("\n\n", 1)[0].split("\n")
    if len(paragraph) < 2:
        return False  # one long line below: no wrap width to compare with
    width = max(len(p.rstrip()) for p in paragraph[:-1])
    next_word = following.split(None, 1)[0]
    return len(line) >= 0.6 * width and len(line) + 1 + len(next_word) > width


_ASCII_LETTERS = string.ascii_letters.encode("ascii")


def _letters(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``); ASCII text is counted
    without a Python step per character."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    return sum(ch.isalpha() for ch in text)


def _finish(article: Article, *, label: str, stem: str, limits: Limits) -> Article:
    text = normalise_text(article.text)
    body, headline_title = strip_lead(text, " ".join(article.title.split()))
    if re.search(r"\w{2,}", body):
        text, article = body, article.with_meta(title=headline_title)
    if len(text) > limits.max_chars:
        raise TooLargeError(
            f"{label}: {len(text):,} characters of text is over the "
            f"{limits.max_chars:,}-character limit; split the document"
        )
    if not re.search(r"\w{2,}", text):
        raise EmptyInputError(f"{label}: no readable text found; give an article with text")
    letters = _letters(text[:20_000])
    if letters < 0.3 * min(len(text), 20_000):
        raise NotTextError(f"{label}: this does not look like prose (too few letters)")
    title = " ".join(article.title.split())
    if not title:
        first = text.split("\n", 1)[0].strip()
        title = first if 0 < len(first) <= 160 else (stem or "Untitled article")
    return Article(
        text=text,
        title=title[:300],
        published=article.published,
        source=article.source,
        url=article.url,
        language=article.language,
    )
