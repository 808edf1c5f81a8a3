"""Read article files (.md with front matter, .txt, .html, .pdf) into :class:`Article`."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import LoadError
from .metadata import normalize, parse_date
from .text import DATELINE
from .types import Article

SUPPORTED = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf")
# A corpus folder's own description (dealqa.card reads it): not an article.
MANIFEST = "corpus.toml"
_MAX_TITLE_CHARS = 200


@dataclass(frozen=True)
class Skipped:
    """A file that was not ingested, and why."""

    path: str
    reason: str


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "article"


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under ``paths`` (files are yielded as given), in a stable order, but a folder's
    hidden files and its :data:`MANIFEST`. A link that cannot be followed (a loop, a missing
    target) is yielded too, so the reader says why it is skipped."""
    for path in paths:
        if path.is_dir():
            found = []
            for p in path.rglob("*"):
                if p.name.startswith(".") or p.relative_to(path) == Path(MANIFEST):
                    continue
                if p.is_file() or (p.is_symlink() and not p.exists()):
                    found.append(p)
            yield from sorted(found)
        else:
            yield path


def load(path: Path, *, max_bytes: int = 10_000_000) -> Article:
    """Read one file as an article.

    Raises:
        LoadError: the file is missing, too large, of an unknown type, binary, undecodable or empty.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUPPORTED)}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if suffix == ".pdf":
        title, text, meta = _from_pdf(data)
    else:
        raw = _decode(data)
        if suffix in (".html", ".htm"):
            title, text, meta = _from_html(raw)
        elif suffix in (".md", ".markdown"):
            title, text, meta = _from_markdown(raw)
        else:
            title, text, meta = "", raw, {}
    if not text.strip():
        raise LoadError("no text in file")
    article_id = slugify(str(meta.pop("id", "") or path.stem))
    title = title or _first_line_title(text) or path.stem
    if not meta.get("outlet") and (dateline := DATELINE.search(text[:_DATELINE_REACH])):
        meta["outlet"] = dateline["outlet"]
    return Article(id=article_id, title=title, text=text, source=str(path), metadata={**meta, **normalize(meta)})


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise LoadError("binary content (NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Latin-1 decodes any byte string, so only accept it when the result reads as text.
            text = data.decode("latin-1")
    if _control_share(text) > 0.02:
        raise LoadError("binary content (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Unicode's control (Cc), surrogate (Cs) and private-use (Co) characters, whose ranges the standard
# keeps fixed, but for the whitespace controls "\t\n\f\r".
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _from_markdown(raw: str) -> tuple[str, str, dict[str, object]]:
    import frontmatter
    import yaml

    try:
        meta, body = frontmatter.parse(raw)
    except yaml.YAMLError as exc:
        raise LoadError(f"broken YAML front matter: {str(exc).splitlines()[0]}") from exc
    title = str(meta.pop("title", "") or "")
    kept: dict[str, object] = {}
    for key, value in meta.items():
        if isinstance(value, str | int | float | bool):
            kept[key] = value
        elif key.lower() in ("published", "date") and parse_date(value):  # YAML reads 2026-05-06 as a date
            kept[key] = parse_date(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):  # authors: [a, b]
            kept[key] = ", ".join(value)
    return title, body, kept


_BLOCKS = ["h1", "h2", "h3", "h4", "p", "li", "blockquote", "caption", "tr"]


def _block_text(el: Any) -> str:
    # A table row reads as a Markdown one, a line of its own: "| 2033 | €192m | Delivery |".
    if el.name == "tr":
        cells = [c.get_text(" ", strip=True) for c in el.find_all(["th", "td"])]
        return f"| {' | '.join(cells)} |" if any(cells) else ""
    return str(el.get_text(" ", strip=True))


def _from_html(raw: str) -> tuple[str, str, dict[str, object]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    meta = html_meta(soup)
    # "Headline | Site": a page's title names its site after the bar, when no tag names it
    headline, bar, site = title.rpartition(" | ")
    if bar and headline and 0 < len(site) < len(headline):
        title = headline
        meta.setdefault("outlet", site)
    for tag in soup(["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    main = soup.find("article") or soup.find("main") or soup.body or soup
    # Each block once (a <p> inside a <blockquote> or <li> is part of it), as a paragraph of its own:
    # a headline or byline has no full stop, and a single line break would join it to what follows.
    # (a row holding blocks lays out a page: its blocks are read instead)
    found = [el for el in main.find_all(_BLOCKS) if el.name != "tr" or el.find(_BLOCKS) is None]
    inside = {id(el) for el in found}
    blocks = (_block_text(el) for el in found if id(el.find_parent(_BLOCKS)) not in inside)
    text = "\n\n".join(b for b in blocks if b) or main.get_text("\n", strip=True)
    return title, text, meta


# <meta> names and properties that carry article metadata, as news sites write them (Open Graph,
# article:*, Dublin Core, Parsely, plain name=...), mapped to the names metadata.normalize reads.
_META_TAGS = {
    "og:site_name": "outlet",
    "application-name": "outlet",
    "article:published_time": "published",
    "datepublished": "published",
    "date": "published",
    "dc.date": "published",
    "parsely-pub-date": "published",
    "pubdate": "published",
    "author": "author",
    "article:author": "author",
    "dc.creator": "author",
    "parsely-author": "author",
    "og:url": "url",
}


def html_meta(soup: Any) -> dict[str, object]:
    """Article metadata from a parsed page's <meta> tags and canonical link (the first of each wins)."""
    found: dict[str, object] = {}
    for tag in soup.find_all("meta"):
        name = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = str(tag.get("content") or "").strip()
        key = _META_TAGS.get(name)
        # article:author is often a profile URL, not a name.
        is_link = content.startswith(("http://", "https://"))
        if key and content and key not in found and (key == "url" or not is_link):
            found[key] = content
    canonical = soup.find("link", rel="canonical")
    if canonical is not None and canonical.get("href") and "url" not in found:
        found["url"] = str(canonical["href"])
    time_tag = soup.find("time", attrs={"datetime": True})
    if time_tag is not None and "published" not in found:
        found["published"] = str(time_tag["datetime"])
    return found


def _from_pdf(data: bytes) -> tuple[str, str, dict[str, object]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = str(info.title or "") if info else ""
        meta: dict[str, object] = {}
        if info:
            meta = {"author": str(info.author or ""), "published": _pdf_date(info)}
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"corrupt PDF: {exc}") from exc
    return title, "\n".join(p.strip() for p in pages if p.strip()), meta


def _pdf_date(info: Any) -> str:
    """The PDF's creation date as an ISO date ("" when it has none or an unreadable one)."""
    try:
        created = info.creation_date
    except (ValueError, TypeError):
        return ""
    return parse_date(created) if created else ""


_DATELINE_REACH = 600


def _first_line_title(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= _MAX_TITLE_CHARS else ""
