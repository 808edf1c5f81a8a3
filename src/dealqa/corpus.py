"""Read article files (.md with front matter, .txt, .html, .pdf) into :class:`Article`."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError
from .types import Article

SUPPORTED = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf")
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
    """Every file under ``paths`` (files are yielded as given), in a stable order. A link that
    cannot be followed (a loop, a missing target) is yielded too, so the reader says why it is skipped."""
    for path in paths:
        if path.is_dir():
            found = []
            for p in path.rglob("*"):
                if p.name.startswith("."):
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
    return Article(id=article_id, title=title, text=text, source=str(path), metadata=meta)


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


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\t\r\f")
    return bad / len(text)


def _from_markdown(raw: str) -> tuple[str, str, dict[str, object]]:
    import frontmatter
    import yaml

    try:
        meta, body = frontmatter.parse(raw)
    except yaml.YAMLError as exc:
        raise LoadError(f"broken YAML front matter: {str(exc).splitlines()[0]}") from exc
    title = str(meta.pop("title", "") or "")
    return title, body, {k: v for k, v in meta.items() if isinstance(v, str | int | float | bool)}


def _from_html(raw: str) -> tuple[str, str, dict[str, object]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    main = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = (el.get_text(" ", strip=True) for el in main.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote"]))
    text = "\n".join(b for b in blocks if b) or main.get_text("\n", strip=True)
    return title, text, {}


def _from_pdf(data: bytes) -> tuple[str, str, dict[str, object]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(reader.metadata.title or "") if reader.metadata else ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"corrupt PDF: {exc}") from exc
    return title, "\n".join(p.strip() for p in pages if p.strip()), {}


def _first_line_title(text: str) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= _MAX_TITLE_CHARS else ""
