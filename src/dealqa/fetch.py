"""Articles from the web: a page by URL (httpx + trafilatura) or every item of an RSS/Atom feed
(feedparser).

Every request is bounded: a timeout, a redirect limit (each hop checked again), a size limit read
as the body streams in, and a user agent that says who is asking. A URL that fails becomes a
:class:`~dealqa.corpus.Skipped` with its reason; the others are still read.

When a server fetches on a user's behalf, hosts that resolve to loopback, private, link-local or
reserved addresses are refused (server-side request forgery), unless ``allow_private``: every
address the host resolves to is checked, on every redirect hop, and the connection is made to the
address that was checked (the host is resolved once, by the check, so a DNS answer that changes
between the check and the connection cannot reach a private address).
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlparse

import httpcore

from .corpus import Skipped, _decode, _first_line_title, _from_pdf, html_meta, slugify
from .errors import LoadError
from .metadata import merged
from .settings import Settings
from .types import Article

USER_AGENT = "dealqa/0.1 (news article ingest; a question-answering assistant reading a page a user gave it)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"
_REDIRECTS = (301, 302, 303, 307, 308)
_WORKERS = 4
# Fewer words than this is a page without an article (a menu, a paywall stub, an error page).
_MIN_WORDS = 25


def is_url(text: str) -> bool:
    """Whether a command-line argument names a web page rather than a file."""
    return text.lower().startswith(("http://", "https://"))


@dataclass
class Fetched:
    """What a fetch run read: the articles, the URLs that failed and notes (a feed cut short)."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Response:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


class Fetcher:
    """Reads pages and feeds into articles, one reason per URL that fails.

    Example:
        >>> got = Fetcher(Settings()).run(["https://example.com/deal"], feeds=["https://example.com/rss"])
        >>> [a.metadata.get("outlet") for a in got.articles], got.skipped
    """

    def __init__(self, settings: Settings, *, allow_private: bool | None = None) -> None:
        self.settings = settings
        self.allow_private = settings.allow_private_urls if allow_private is None else allow_private

    def run(self, urls: Iterable[str] = (), feeds: Iterable[str] = ()) -> Fetched:
        got = Fetched()
        # The page URL, with what its feed item says about it (date, author, outlet).
        wanted: dict[str, Mapping[str, Any]] = {url.strip(): {} for url in urls if url.strip()}
        for feed in feeds:
            try:
                items, note = self.feed_items(feed.strip())
            except LoadError as exc:
                got.skipped.append(Skipped(feed, f"feed: {exc}"))
                continue
            if note:
                got.notes.append(note)
            for link, meta in items:
                wanted[link] = wanted.get(link) or meta
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            results = list(pool.map(lambda pair: self._page_or_reason(*pair), wanted.items()))
        for url, result in zip(wanted, results, strict=True):
            if isinstance(result, Article):
                got.articles.append(result)
            else:
                got.skipped.append(Skipped(url, result))
        return got

    def _page_or_reason(self, url: str, item: Mapping[str, Any]) -> Article | str:
        try:
            return self.page(url, item)
        except LoadError as exc:
            return str(exc)

    # -- one page -------------------------------------------------------------------------------
    def page(self, url: str, item: Mapping[str, Any] | None = None) -> Article:
        """The article at ``url``; ``item`` is what a feed said about it (it fills missing metadata).

        Raises:
            LoadError: the URL is refused or unreachable, the response is an error, too large, not
                an article page, or holds no article text.
        """
        response = self.get(url)
        kind = response.content_type
        guessed: dict[str, object] = {}
        if kind in _HTML_TYPES or not kind:
            title, text, meta, guessed = _extract_html(response)
        elif kind == "application/pdf":
            title, text, meta = _from_pdf(response.body)
        elif kind == "text/plain":
            title, text, meta = "", _decode(response.body), {}
        else:
            raise LoadError(f"not an article page: the server sent {kind}")
        words = len(text.split())
        if words < _MIN_WORDS:
            raise LoadError(f"no article text found on the page ({words} words)")
        # What the page states, then what its feed says, then trafilatura's guesses (a date from
        # the text, the host name as the site's name).
        metadata = merged(meta, item or {}, guessed)
        metadata["url"] = url  # the address the user gave, which later ingests compare against
        return Article(
            id=url_id(url),
            title=title or _first_line_title(text) or url,
            text=text,
            source=url,
            metadata=metadata,
        )

    # -- one feed -------------------------------------------------------------------------------
    def feed_items(self, url: str) -> tuple[list[tuple[str, dict[str, Any]]], str]:
        """Each item's link with its date, author and the feed's title (as outlet), in feed order,
        at most ``max_feed_items``; and a note when the feed had more."""
        import feedparser

        response = self.get(url)
        parsed = feedparser.parse(response.body)
        entries = list(parsed.entries)
        if not entries:
            problem = parsed.get("bozo_exception")
            raise LoadError(f"not a readable RSS or Atom feed{f' ({problem})' if problem else ''}, or it has no items")
        outlet = str(parsed.feed.get("title") or "")
        items: dict[str, dict[str, Any]] = {}
        for entry in entries:
            link = urljoin(response.url, str(entry.get("link") or "").strip())
            if not is_url(link) or link in items:
                continue
            items[link] = {
                "published": entry.get("published") or entry.get("updated") or "",
                "author": entry.get("author") or "",
                "outlet": outlet,
            }
        limit = self.settings.max_feed_items
        note = f"{url}: {len(items):,} items, read the first {limit:,}" if len(items) > limit else ""
        return list(items.items())[:limit], note

    # -- HTTP -----------------------------------------------------------------------------------
    def get(self, url: str) -> _Response:
        """GET with every bound applied; redirects are followed by hand so each hop is checked."""
        import httpx

        timeout = self.settings.fetch_timeout_s
        limit = self.settings.max_file_bytes
        seen: set[str] = set()
        headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT}
        # Guarded: connect only to checked addresses, and directly (a proxy from the environment
        # would resolve the host itself).
        transport = None if self.allow_private else _checked_transport(self.public_address)
        with httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers=headers,
            transport=transport,
            trust_env=self.allow_private,
        ) as client:
            while True:
                self.check_url(url)
                seen.add(url)
                try:
                    with client.stream("GET", url) as response:
                        if response.status_code in _REDIRECTS and response.headers.get("location"):
                            target = urljoin(url, response.headers["location"])
                            if target in seen:
                                raise LoadError(f"redirect loop (back to {target})")
                            if len(seen) > self.settings.max_redirects:
                                raise LoadError(f"more than {self.settings.max_redirects} redirects")
                            url = target
                            continue
                        if response.status_code >= 400:
                            raise LoadError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                        declared = response.headers.get("content-length", "")
                        if declared.isdigit() and int(declared) > limit:
                            raise LoadError(f"the page is {int(declared):,} bytes, over the {limit:,}-byte limit")
                        body = bytearray()
                        for part in response.iter_bytes():
                            body += part
                            if len(body) > limit:
                                raise LoadError(f"the page is over the {limit:,}-byte limit")
                        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                        return _Response(str(response.url), kind, response.charset_encoding, bytes(body))
                except httpx.TimeoutException as exc:
                    raise LoadError(f"timed out after {timeout:g}s") from exc
                except httpx.HTTPError as exc:
                    raise LoadError(f"cannot fetch: {exc or type(exc).__name__}") from exc

    def check_url(self, url: str) -> None:
        """Refuse a scheme other than http(s), and (unless allowed) a host on a private address."""
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https"):
            raise LoadError(f"only http and https URLs can be ingested, not {parsed.scheme or 'a bare path'!r}")
        if not parsed.hostname:
            raise LoadError("the URL has no host")
        if self.allow_private:
            return
        self.public_address(parsed.hostname, parsed.port or (443 if parsed.scheme == "https" else 80))

    def public_address(self, host: str, port: int) -> str:
        """The address to connect to for ``host``: every address it resolves to must be public.

        Raises:
            LoadError: the host does not resolve, or one of its addresses is not public.
        """
        try:
            infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as exc:
            raise LoadError(f"cannot resolve host {host}: {exc}") from exc
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        for address in addresses:
            if not is_public(address):
                raise LoadError(
                    f"refused: {host} resolves to a private or loopback address ({address}); "
                    "set DEALQA_ALLOW_PRIVATE_URLS=1 to allow it"
                )
        if not addresses:
            raise LoadError(f"cannot resolve host {host}: no address")
        return str(addresses[0])


class _CheckedNetwork(httpcore.SyncBackend):
    """Opens a connection to the address ``check`` returns for the host (TLS still verifies the
    certificate against the host's name)."""

    def __init__(self, check: Callable[[str, int], str]) -> None:
        self.check = check

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return super().connect_tcp(self.check(host, port), port, timeout, local_address, socket_options)


def _checked_transport(check: Callable[[str, int], str]) -> Any:
    """httpx's transport, its connection pool on :class:`_CheckedNetwork` (httpx takes no network
    backend, so its pool is replaced by one like it that has ours)."""
    import httpx

    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=_CheckedNetwork(check)
    )
    return transport


# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 and 8215).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet: not loopback, private, link-local, shared,
    reserved or multicast, nor an IPv6 form of such an IPv4 address (mapped, 6to4, Teredo, NAT64)."""
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        inner = [address.ipv4_mapped, address.sixtofour, address.teredo[1] if address.teredo else None]
        if any(address in network for network in _NAT64):
            inner.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        return all(is_public(v4) for v4 in inner if v4 is not None)
    return True


def url_id(url: str) -> str:
    """A stable article id for a URL: its last path segment (or host), and a short hash of the URL."""
    parsed = urlparse(url)
    segments = [s for s in parsed.path.split("/") if s]
    name = slugify(segments[-1].rsplit(".", 1)[0] if segments else parsed.hostname or "page")[:60].strip("-")
    return f"{name}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def _extract_html(response: _Response) -> tuple[str, str, dict[str, object], dict[str, object]]:
    """Title and main text of a page (trafilatura: scripts, navigation and comments dropped), the
    metadata its <meta> tags state, and the metadata trafilatura found or guessed."""
    import trafilatura
    from bs4 import BeautifulSoup

    html: str | bytes = response.body
    if response.charset:  # the server's charset beats guessing
        try:
            html = response.body.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            html = response.body
    document = trafilatura.bare_extraction(
        html, url=response.url, with_metadata=True, include_comments=False, include_tables=True, fast=False
    )
    extracted: dict[str, Any] = {}
    if isinstance(document, dict):
        extracted = document
    elif document is not None:
        extracted = document.as_dict()
    text = str(extracted.get("text") or "")
    soup = BeautifulSoup(html, "html.parser")
    tags = html_meta(soup)
    title = str(extracted.get("title") or "") or (soup.title.get_text(" ", strip=True) if soup.title else "")
    found = {
        "published": extracted.get("date") or "",
        "outlet": extracted.get("sitename") or "",
        "author": extracted.get("author") or "",
    }
    return title, text, tags, {k: v for k, v in found.items() if v}
