"""Loaders: every format, every encoding, and a clear refusal for every bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import threading
import time
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from analysis.loading import (
    CorruptDocumentError,
    EmptyInputError,
    InputError,
    Limits,
    MismatchedTypeError,
    NotTextError,
    TooLargeError,
    UnsupportedTypeError,
    load_bytes,
    load_path,
)

BODY = "Serbia received six MiG-29 fighter jets from Russia in October 2017."


def make_pdf(text: str = BODY, pages: int = 1) -> bytes:
    pdf = FPDF()
    pdf.set_title("PDF title")
    pdf.set_font("helvetica", size=12)
    for _ in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def make_docx(text: str = BODY, title: str = "Word title") -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_markdown_front_matter_gives_title_date_and_source() -> None:
    raw = f"---\ntitle: A title\npublished: 2020-10-20\nsource: Desk\n---\n# Heading\n\n{BODY}\n"
    article = load_bytes(raw.encode(), name="a.md")
    assert article.title == "A title"
    assert article.published == dt.date(2020, 10, 20)
    assert article.source == "Desk"
    # The leading heading is a headline, not prose: it leaves the analysed text (the title is
    # the front matter's), so that it cannot be parsed as the first sentence's subject.
    assert article.text == BODY
    assert "#" not in article.text


def test_plain_text_title_falls_back_to_first_line() -> None:
    article = load_bytes(f"Jets arrive\n\n{BODY}".encode(), name="a.txt")
    assert article.title == "Jets arrive"
    assert article.published is None
    assert article.text == BODY


def test_html_main_text_title_and_date_from_meta() -> None:
    html = f"""<!doctype html><html><head><title>Fallback</title>
    <meta property="og:title" content="Jets arrive">
    <meta property="article:published_time" content="2017-10-05T08:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Jets arrive</h1><p>{BODY}</p>
    <p>Second paragraph.</p></article><script>var x = 1;</script><footer>(c)</footer></body></html>"""
    article = load_bytes(html.encode(), name="page.html")
    assert article.title == "Jets arrive"
    assert article.published == dt.date(2017, 10, 5)
    assert article.text == f"{BODY}\n\nSecond paragraph."


def test_json_object_with_text_and_metadata() -> None:
    raw = json.dumps({"text": BODY, "title": "T", "published": "2019-02-24", "url": "u"})
    article = load_bytes(raw.encode(), name="a.json")
    assert (article.title, article.published, article.url) == ("T", dt.date(2019, 2, 24), "u")


def test_pdf_text_and_title() -> None:
    article = load_bytes(make_pdf(), name="a.pdf")
    assert "MiG-29" in article.text
    assert article.title == "PDF title"


def test_docx_text_and_title() -> None:
    article = load_bytes(make_docx(), name="a.docx")
    assert article.text == BODY
    assert article.title == "Word title"


@pytest.mark.parametrize(
    "encoding,text",
    [
        ("utf-8", "Vučić met Erdoğan in Ankara; Belgrade bought Pantsir."),
        ("utf-8-sig", "Vučić met Erdoğan in Ankara; Belgrade bought Pantsir."),
        ("utf-16", "Vučić met Erdoğan in Ankara; Belgrade bought Pantsir."),
        ("utf-16-le", "Vučić met Erdoğan in Ankara; Belgrade bought Pantsir."),
        ("utf-16-be", "Vučić met Erdoğan in Ankara; Belgrade bought Pantsir."),
        ("cp1251", "Сербия получила шесть истребителей МиГ-29 от России в октябре."),
        ("latin-1", "Le président français a visité Belgrade. Ça coûte très cher."),
    ],
)
def test_text_encodings_decode_correctly(encoding: str, text: str) -> None:
    assert load_bytes(text.encode(encoding), name="a.txt").text == text


def test_type_is_sniffed_from_bytes_not_extension() -> None:
    html = b"<html><body><p>" + BODY.encode() + b"</p></body></html>"
    assert load_bytes(html, name="article.txt").text == BODY


def test_load_path_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: T\n---\n{BODY}", encoding="utf-8")
    assert load_path(path).title == "T"


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/bomb.bin", b"\0" * (150 * 1024 * 1024))
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf())))
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _plain_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("notes.txt", BODY)
    return buf.getvalue()


BAD = [
    ("empty", b"", "a.txt", EmptyInputError),
    ("blank", b"  \n\t ", "a.md", EmptyInputError),
    ("binary", bytes(range(256)) * 20, "a.txt", NotTextError),
    ("unsupported extension", BODY.encode(), "a.exe", UnsupportedTypeError),
    ("pdf named txt", make_pdf(), "a.txt", MismatchedTypeError),
    ("text named pdf", BODY.encode(), "a.pdf", MismatchedTypeError),
    ("text named docx", BODY.encode(), "a.docx", MismatchedTypeError),
    ("corrupt pdf", b"%PDF-1.7\n" + b"garbage " * 200, "a.pdf", CorruptDocumentError),
    ("truncated pdf", make_pdf()[:300], "a.pdf", CorruptDocumentError),
    ("encrypted pdf", _encrypted_pdf(), "a.pdf", CorruptDocumentError),
    ("corrupt docx", b"PK\x03\x04" + b"\x00" * 300, "a.docx", MismatchedTypeError),
    ("damaged docx", make_docx()[:-200], "a.docx", InputError),
    ("zip bomb", _zip_bomb(), "a.docx", TooLargeError),
    ("plain zip", _plain_zip(), "a.zip", UnsupportedTypeError),
    ("zip named txt", _plain_zip(), "a.txt", MismatchedTypeError),
    ("bad json", b'{"text": "unterminated', "a.json", CorruptDocumentError),
    ("json without text", b'{"title": "x"}', "a.json", CorruptDocumentError),
    ("no letters", b"1234 5678 90 -- ++ ** 1234 5678", "a.txt", NotTextError),
]


@pytest.mark.parametrize("raw,name,error", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_refused_with_a_typed_one_line_message(
    raw: bytes, name: str, error: type[InputError]
) -> None:
    with pytest.raises(error) as info:
        load_bytes(raw, name=name)
    message = str(info.value)
    assert message and "\n" not in message


def test_oversized_input_is_refused() -> None:
    with pytest.raises(TooLargeError):
        load_bytes(BODY.encode() * 100, name="a.txt", limits=Limits(max_bytes=1000))


def test_too_much_extracted_text_is_refused() -> None:
    with pytest.raises(TooLargeError):
        load_bytes((BODY + " ").encode() * 50, name="a.txt", limits=Limits(max_chars=1000))


def test_pdf_page_limit() -> None:
    with pytest.raises(TooLargeError):
        load_bytes(make_pdf(pages=5), name="a.pdf", limits=Limits(max_pdf_pages=3))


def test_docx_entry_limit() -> None:
    with pytest.raises(TooLargeError):
        load_bytes(make_docx(), name="a.docx", limits=Limits(max_zip_entries=3))


def test_missing_path_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        load_path(tmp_path)


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=3000),
    st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.pdf", "a.docx", ""]),
)
def test_random_bytes_raise_only_typed_errors(raw: bytes, name: str) -> None:
    try:
        article = load_bytes(raw, name=name)
    except InputError:
        return
    assert article.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a.json"]))
def test_random_unicode_raises_only_typed_errors(text: str, name: str) -> None:
    try:
        article = load_bytes(text.encode("utf-8", errors="surrogatepass"), name=name)
    except (InputError, UnicodeEncodeError):
        return
    assert article.text.strip()


@pytest.mark.timeout(20)
def test_a_device_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(TooLargeError, match="limit"):
        load_path("/dev/zero", limits=Limits(max_bytes=1000))


@pytest.mark.timeout(20)
def test_a_pipe_without_a_writer_is_empty_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(EmptyInputError):
        load_path(fifo)


@pytest.mark.timeout(20)
def test_a_pipe_is_read_to_its_end_or_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write(payload: bytes, hold: float) -> None:
        with open(fifo, "wb") as f:
            f.write(payload)
            f.flush()
            time.sleep(hold)

    ok = threading.Thread(target=write, args=(BODY.encode(), 0.0))
    ok.start()
    time.sleep(0.2)  # the writer is connected before the reader opens
    assert load_path(fifo).text == BODY
    ok.join()

    big = threading.Thread(target=write, args=(b"Serbia " * 1000, 0.0))
    big.start()
    time.sleep(0.2)
    with pytest.raises(TooLargeError):
        load_path(fifo, limits=Limits(max_bytes=1000))
    big.join()

    silent = threading.Thread(target=write, args=(b"Serbia", 3.0))
    silent.start()
    time.sleep(0.2)
    with pytest.raises(InputError, match="no end of input"):
        load_path(fifo, limits=Limits(max_read_seconds=0.5))
    silent.join()


def _normalise_by_character(text: str) -> str:
    """The canonical form, written as one test per character: what ``normalise_text`` must
    equal however it is computed."""
    import unicodedata

    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        ch
        for ch in text
        if ch in "\n\t" or not (unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u00ad")
    )
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_normalised_text_drops_exactly_the_control_and_format_characters(text: str) -> None:
    from analysis.model import normalise_text

    assert normalise_text(text) == _normalise_by_character(text)


def test_normalised_text_keeps_soft_hyphens_tabs_and_line_feeds() -> None:
    from analysis.model import normalise_text

    raw = "\ufeffSerbia\u200b bought\u00ad jets\x07\tin 2017\u2063.\r\nRussia\x85 sold\u202e them. "
    assert normalise_text(raw) == "Serbia bought\u00ad jets\tin 2017.\nRussia sold them."
    assert normalise_text(raw) == _normalise_by_character(raw)


@pytest.mark.parametrize("text", ["Serbia bought 6 jets.", "Ça coûte 3 €: ½ prix, ²", "12 34 ab"])
def test_letter_count_matches_isalpha(text: str) -> None:
    from analysis.loading import _letters

    assert _letters(text) == sum(ch.isalpha() for ch in text)
