"""Saved web pages: HTML in, the article's text, title, publication date, site name and URL out.

The main text comes from trafilatura, which scores every block of the page and drops navigation,
teasers, related-story lists, cookie banners and comments. When it finds nothing, a simpler
extraction of our own takes over: the container with the most paragraph text, less the blocks
whose class or id says they are boilerplate. The publication date is read from what the page
states about itself (JSON-LD, meta tags, ``<time>``), then trafilatura's date search, then the
URL; a UTC timestamp close to midnight yields to the date the page shows its readers.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from analysis.loading import parse_date

__all__ = ["Page", "extract_page", "own_extraction"]


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str
    published: date | None
    site: str | None
    url: str | None


_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "socialmediaposting",
    "webpage",
}
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)"
)
_TIMESTAMP = re.compile(
    r"^\s*(\d{4}-\d\d-\d\d)[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)?"
)
# Hours either side of midnight in which a UTC timestamp may fall on another day than the page's.
_MIDNIGHT_HOURS = 4
_VISIBLE_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)\b"
)
_BOILERPLATE = re.compile(
    r"cookie|consent|gdpr|banner|related|recommend|more-stories|most-read|popular|trending|"
    r"newsletter|subscribe|signup|promo|teaser|share|social|comment|advert|\bads?\b|ad-slot|"
    r"sponsor|outbrain|taboola|menu|breadcrumb|footer|masthead|sidebar|byline|caption|"
    r"read-more|readmore|tags?\b|paywall|modal|popup",
    re.I,
)
_NOISE = (
    "script, style, noscript, nav, header, footer, aside, template, svg, iframe, button, input, "
    "select, textarea, label, figure, amp-ad, amp-analytics, amp-sidebar"
)
_BLOCKS = "h2, h3, h4, h5, h6, p, li, blockquote, pre, td"


def extract_page(html: str) -> Page:
    """The article in a saved web page; ``text`` is empty when nothing readable was found."""
    tree = LexborHTMLParser(html)
    meta = _meta(tree)
    ld = _json_ld_article(tree)
    found = _trafilatura(_without_teasers(html))
    text = found.get("text") or ""
    title = _title(meta, ld, found, tree)
    if not text.strip():
        text = own_extraction(html)
    url = _opt(meta.get("og:url") or _canonical(tree) or found.get("url") or ld.get("url"))
    published = _published(tree, meta, ld, found.get("date"), url)
    site = _opt(meta.get("og:site_name") or _publisher(ld) or found.get("sitename"))
    return Page(
        text=_drop_leading_title(text, title), title=title, published=published, site=site, url=url
    )


# ---- text ------------------------------------------------------------------------------------


def _trafilatura(html: str) -> dict[str, Any]:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception as exc:  # any failure of the library on a malformed page: use our own
        logging.getLogger(__name__).debug("trafilatura failed: %s", exc)
        return {}
    if doc is None:
        return {}
    raw = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    raw["text"] = _paragraphs(str(raw.get("text") or ""))
    return raw


_EMBEDS = (
    "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, "
    "blockquote.reddit-embed-bq, div.fb-post, div.social-embed"
)


def _without_teasers(html: str) -> str:
    """The page less the ``<article>`` elements that are teasers for other stories (when a page
    has several, those with under a third of the longest one's text; trafilatura would read a
    promo box above the story as its first paragraphs) and less embedded social-media posts
    (someone else's words in the story's voice, with no attribution the parser could see)."""
    tree = LexborHTMLParser(html)
    embeds = tree.css(_EMBEDS)
    for node in embeds:
        node.decompose()
    articles = tree.css("article")
    if len(articles) < 2:
        return (tree.html or html) if embeds else html
    sizes = [len(" ".join(a.text(separator=" ").split())) for a in articles]
    longest = max(sizes)
    for node, size in zip(articles, sizes, strict=True):
        if size < longest / 3 and len(node.css("article")) == 1:  # (css includes the node)
            node.decompose()
    return tree.html or html


def _paragraphs(text: str) -> str:
    """trafilatura's one-block-per-line text as blank-line separated paragraphs, list markers
    dropped, so that each block is its own sentence for the parser. A table row that only
    repeats text already read (a layout table around the story) is dropped."""
    kept: list[str] = []
    seen: set[str] = set()
    for raw in text.split("\n"):
        line = re.sub(r"^[-*•]\s+", "", raw.strip())
        words = re.findall(r"\w+", line.lower())
        if not words:
            continue
        if line.startswith("|") and sum(w in seen for w in words) >= 0.8 * len(words):
            continue
        seen.update(words)
        kept.append(line.strip("| ") if line.startswith("|") else line)
    return "\n\n".join(kept)


def own_extraction(html: str) -> str:
    """The fallback: paragraph text of the container that holds the most of it, boilerplate
    blocks removed. Forms are kept (some sites wrap the whole page in one); their controls go."""
    tree = LexborHTMLParser(html)
    for node in tree.css(_NOISE):
        node.decompose()
    for node in list(tree.css("[class], [id]")):
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if node.tag not in ("html", "body", "main", "article") and _BOILERPLATE.search(marker):
            node.decompose()
    candidates = [*tree.css("article, main, [itemprop=articleBody]")]
    if tree.body is not None:
        candidates.append(tree.body)
    best: list[str] = []
    for root in candidates:
        blocks = list(_text_blocks(root))
        if sum(len(b) for b in blocks) > sum(len(b) for b in best) * 1.2:
            best = blocks
    if not best and tree.body is not None:
        best = [" ".join(tree.body.text(separator=" ").split())]
    return "\n\n".join(b for b in best if b)


def _text_blocks(root: LexborNode) -> Iterator[str]:
    """Paragraph-like blocks in document order: the usual block tags plus ``<div>``s that hold
    text directly (some sites' paragraphs are divs), each text once."""
    seen: set[str] = set()
    for node in root.traverse():
        if node.tag == "h1":
            continue
        if node.tag in ("h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td"):
            if node.parent is not None and _inside_block(node):
                continue
            txt = " ".join(node.text(separator=" ").split())
        elif node.tag == "div" and _direct_text(node):
            txt = " ".join(_direct_text(node).split())
        else:
            continue
        if txt and txt not in seen and (len(txt.split()) >= 4 or node.tag.startswith("h")):
            seen.add(txt)
            yield txt


def _inside_block(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("p", "li", "blockquote", "pre", "td"):
            return True
        parent = parent.parent
    return False


def _direct_text(node: LexborNode) -> str:
    """Text of a div's own text children and inline children (not of nested blocks)."""
    parts: list[str] = []
    child = node.child
    while child is not None:
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag in ("a", "b", "i", "em", "strong", "span", "abbr", "q", "sup", "sub"):
            parts.append(child.text(separator=" "))
        elif child.tag == "br":
            parts.append("\n")
        child = child.next
    text = "".join(parts)
    return text if len(text.split()) >= 4 else ""


def _drop_leading_title(text: str, title: str) -> str:
    """trafilatura keeps the headline as a first line (sometimes after a breadcrumb or a
    kicker); the title holds it already, so it and the short lines before it go."""
    paras = text.split("\n\n")
    for i, para in enumerate(paras[:4]):
        if title and _same(para, title) and i + 1 < len(paras):
            if all(len(p.split()) <= 8 for p in paras[:i]):
                return "\n\n".join(paras[i + 1 :])
            break
    return text


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _same(line: str, title: str) -> bool:
    """Whether a line is the title (or the title's start, when a site appended its name)."""
    a, b = _words(line), _words(title)
    return bool(a) and (a == b or b.startswith(a))


# ---- metadata --------------------------------------------------------------------------------


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        key = (
            node.attributes.get("property")
            or node.attributes.get("name")
            or node.attributes.get("itemprop")
            or ""
        )
        content = node.attributes.get("content")
        if key and content:
            meta.setdefault(key.lower(), content)
    return meta


def _canonical(tree: LexborHTMLParser) -> str | None:
    for node in tree.css("link[rel]"):
        if (node.attributes.get("rel") or "").lower() == "canonical":
            return node.attributes.get("href")
    return None


def _json_ld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The page's own article object in its JSON-LD (not one in a list of related items)."""
    found: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (json.JSONDecodeError, ValueError):
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                found.append(obj)
    articles = [o for o in found if not _is_webpage(o)]
    return (articles or found or [{}])[0]


def _is_webpage(obj: dict[str, Any]) -> bool:
    types = obj.get("@type")
    names = types if isinstance(types, list) else [types]
    return all(isinstance(t, str) and t.lower() == "webpage" for t in names)


def _ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _ld_objects(graph)


def _publisher(ld: dict[str, Any]) -> str | None:
    pub = ld.get("publisher")
    if isinstance(pub, list) and pub:
        pub = pub[0]
    if isinstance(pub, dict) and isinstance(pub.get("name"), str):
        return str(pub["name"])
    return None


def _title(
    meta: dict[str, str], ld: dict[str, Any], found: dict[str, Any], tree: LexborHTMLParser
) -> str:
    for value in (
        meta.get("og:title"),
        ld.get("headline") if isinstance(ld.get("headline"), str) else None,
        found.get("title"),
        meta.get("twitter:title"),
    ):
        if value and str(value).strip():
            return " ".join(str(value).split())
    h1 = tree.css_first("h1")
    if h1 is not None and h1.text(strip=True):
        return " ".join(h1.text().split())
    t = tree.css_first("title")
    return " ".join(t.text().split()) if t is not None else ""


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


# ---- publication date ------------------------------------------------------------------------


def _published(
    tree: LexborHTMLParser,
    meta: dict[str, str],
    ld: dict[str, Any],
    searched: Any,
    url: str | None,
) -> date | None:
    """What the page states (JSON-LD, meta, ``<time>``), then trafilatura's search, then the
    URL."""
    for stated in _stated_dates(tree, meta, ld):
        day = _local_day(stated, tree)
        if day is not None:
            return day
    day = _labelled_date(tree)
    if day is not None:
        return day
    day = parse_date(searched) if searched else None
    if day is not None:
        return day
    return _url_date(url)


def _stated_dates(
    tree: LexborHTMLParser, meta: dict[str, str], ld: dict[str, Any]
) -> Iterator[str]:
    for key in ("datePublished", "dateCreated"):
        if isinstance(ld.get(key), str):
            yield ld[key]
    for key in _DATE_META:
        if key in meta:
            yield meta[key]
    for node in tree.css("[itemprop=datePublished]"):
        value = node.attributes.get("content") or node.attributes.get("datetime")
        if value:
            yield value
    times = tree.css("time[datetime]")
    marked = [
        t
        for t in times
        if "pubdate" in t.attributes or re.search(r"publish|posted|created", _attrs(t), re.I)
    ]
    for node in marked or times[:1]:
        yield node.attributes.get("datetime") or ""


def _attrs(node: LexborNode) -> str:
    return " ".join(str(v) for v in node.attributes.values() if v)


def _local_day(value: str, tree: LexborHTMLParser) -> date | None:
    """The day of a stated timestamp as the page's readers saw it.

    A timestamp with an offset already carries its local day. A UTC one near midnight may fall
    on the previous or next day there, so a date the page shows in its byline wins when it is
    one day off.
    """
    day = parse_date(value)
    if day is None:
        return None
    m = _TIMESTAMP.match(value)
    if m is None or (m[4] or "Z") not in ("Z", "+00:00", "+0000", "-00:00"):
        return day
    hour = int(m[2])
    if _MIDNIGHT_HOURS <= hour < 24 - _MIDNIGHT_HOURS:
        return day
    for shown in _shown_dates(tree):
        if abs((shown - day).days) == 1:
            return shown
        if shown == day:
            return day
    return day


def _shown_dates(tree: LexborHTMLParser) -> Iterator[date]:
    """Dates written out for readers in bylines and ``<time>`` elements."""
    nodes = tree.css("time")
    nodes += [
        n
        for n in tree.css("[class], [id]")
        if n.tag not in ("html", "body", "article", "main")
        and re.search(r"date|time|byline|posted|published|dateline", _attrs(n), re.I)
    ]
    for node in nodes:
        for m in _VISIBLE_DATE.finditer(node.text(separator=" ")):
            shown = parse_date(re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", m[0]).replace(".", ""))
            if shown is not None:
                yield shown


_LABELLED = re.compile(
    r"\b(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*(" + _VISIBLE_DATE.pattern[2:-2] + ")",
    re.I,
)


def _labelled_date(tree: LexborHTMLParser) -> date | None:
    """A date the page labels as its publication for readers ("First published: 10 April
    2024"), which an "Updated" date before it must not override."""
    for node in tree.css("p, span, div, time, li, small"):
        text = node.text(separator=" ")
        if len(text) > 120:  # a line of page furniture, not prose that cites a date
            continue
        m = _LABELLED.search(text)
        if m is not None:
            return parse_date(re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", m[1]).replace(".", ""))
    return None


def _url_date(url: str | None) -> date | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
