"""Ingest by URL and by feed, against a real HTTP server on loopback serving pages and feeds
written here: metadata, unchanged and changed pages, syndicated copies, and every bad case."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dealqa import Assistant
from dealqa.fetch import Fetcher
from tests.conftest import make_settings

pytestmark = pytest.mark.slow

STORY = [
    "Halvard Systems has agreed to lease 300 megawatts of data-centre capacity in Reno to Lumenfold AI, "
    "the companies said on Thursday, in a twelve-year contract worth about 9.6 billion dollars.",
    "The first 120 megawatts will be handed over in the fourth quarter of 2027, with the rest following "
    "in stages through 2029 as new halls at the Tahoe Reno Industrial Center are finished.",
    "Lumenfold, which trains forecasting models for utilities, said the capacity would let it stop "
    "renting graphics processors by the hour from three different cloud providers.",
    "Washoe County approved a 650-megawatt permit for the campus last year, after Halvard agreed to "
    "recycle cooling water and to fund a new substation on the site.",
    "Analysts at Brightwater Research said the price per megawatt was higher than in recent deals in "
    "Virginia, reflecting the scarcity of powered land in the western United States.",
]
OTHER = [
    "Brannock Energy will supply power to Sundrift's Wyoming campus under a twenty-year agreement "
    "announced on Tuesday, the largest such contract signed in the state.",
    "The deal covers 400 megawatts from a mix of wind farms and a gas plant with carbon capture, "
    "and Sundrift will pay a fixed price that neither side disclosed.",
]


def page(title: str, paragraphs: list[str], meta: str = "", extra: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{meta}<script>var tracking = 1;</script></head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/markets'>Markets</a></nav>"
        f"<article><h1>{title}</h1>{extra}{body}</article>"
        f"<div class='comments'><p>Comment: first!</p></div><footer>Copyright</footer></body></html>"
    ).encode()


META = (
    "<meta property='og:site_name' content='The Data Hall Ledger'>"
    "<meta property='article:published_time' content='2027-03-04T08:00:00Z'>"
    "<meta name='author' content='Dana Whitcombe'>"
)
COPY_META = (
    "<meta property='og:site_name' content='Western Wire'>"
    "<meta property='article:published_time' content='2027-03-05T10:00:00Z'>"
)


class Site:
    """What the server serves; tests change it between ingests."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}
        self.set("/deal.html", page("Lumenfold books Reno capacity", STORY, META))
        # The same wire story on another site: another headline, boilerplate, the last paragraph cut.
        self.set(
            "/reprint.html",
            page(
                "Data-centre deal: Halvard signs Lumenfold",
                STORY[:-1],
                COPY_META,
                extra="<p>This story first appeared on a partner site and is republished with permission.</p>",
            ),
        )
        self.set("/other.html", page("Brannock to power Sundrift", OTHER, "<meta name='date' content='2027-02-17'>"))
        self.set("/empty.html", b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
        self.set("/image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        self.set("/big.html", page("Big", STORY) + b"<!--" + b"x" * 400_000 + b"-->", declare=False)
        self.set("/loop-a", b"", status=302, headers={"Location": "/loop-b"})
        self.set("/loop-b", b"", status=302, headers={"Location": "/loop-a"})
        self.set("/moved", b"", status=301, headers={"Location": "/other.html"})
        self.set("/broken", b"oops", status=500)
        latin = (
            "<p>La société Zürcher Rechenzentren a signé un bail à Genève pour douze ans, selon un communiqué "
            "publié jeudi.</p><p>Le centre de données, près de l'aéroport, accueillera des serveurs d'intelligence "
            "artificielle dès l'été prochain, et la ville percevra une redevance annuelle.</p>"
        )
        self.set(
            "/latin1.html",
            f"<html><body><article>{latin}</article></body></html>".encode("latin-1"),
            "text/html; charset=iso-8859-1",
        )
        self.set("/feed.xml", self.feed(["/deal.html", "/other.html", "/missing.html"]), "application/rss+xml")
        self.set("/huge-feed.xml", self.feed([f"/missing-{i}.html" for i in range(10_000)]), "application/rss+xml")
        self.set("/bad-feed.xml", b"<rss><channel><title>Broken", "application/rss+xml")

    def set(
        self,
        path: str,
        body: bytes,
        kind: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
        declare: bool = True,
    ) -> None:
        extra = dict(headers or {})
        if not declare:
            extra["X-No-Length"] = "1"
        self.pages[path] = (status, kind, body, extra)

    @staticmethod
    def feed(links: list[str]) -> bytes:
        items = "".join(
            f"<item><title>Item {i}</title><link>{link}</link><pubDate>Thu, 04 Mar 2027 08:00:00 GMT</pubDate>"
            f"<author>desk@example.com (News Desk)</author></item>"
            for i, link in enumerate(links)
        )
        return (
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>Deal Wire</title><link>/</link>"
            f"<description>Deals</description>{items}</channel></rss>"
        ).encode()


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Site, str]]:
    content = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow.html":
                time.sleep(3)  # longer than the tests' fetch timeout
            status, kind, body, headers = content.pages.get(self.path, (404, "text/html", b"not found", {}))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            for name, value in headers.items():
                if name != "X-No-Length":
                    self.send_header(name, value)
            if "X-No-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may stop reading: what a size limit does.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield content, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def web_assistant(tmp_path: Path) -> Assistant:
    settings = make_settings(
        tmp_path, tmp_path / "no-corpus", fetch_timeout_s=1.0, max_file_bytes=200_000, allow_private_urls=True
    )
    return Assistant(settings, auto_ingest=False)


def test_pages_and_a_feed_are_ingested_with_their_metadata_and_bad_urls_are_named(
    site: tuple[Site, str], web_assistant: Assistant
) -> None:
    _, base = site
    bad = {
        "/missing.html": "HTTP 404",
        "/broken": "HTTP 500",
        "/image.png": "not an article page: the server sent image/png",
        "/big.html": "over the 200,000-byte limit",
        "/loop-a": "redirect loop",
        "/slow.html": "timed out after 1s",
        "/empty.html": "no article text",
    }
    urls = [f"{base}/deal.html", f"{base}/moved", f"{base}/latin1.html", *(base + p for p in bad)]
    urls += ["file:///etc/passwd", "http://127.0.0.1:9/refused.html"]
    report = web_assistant.ingest(urls=urls, feeds=[f"{base}/feed.xml", f"{base}/bad-feed.xml"])

    reasons = {s.path: s.reason for s in report.skipped}
    for path, reason in bad.items():
        assert reason in reasons[base + path], (path, reasons.get(base + path))
    assert "only http and https" in reasons["file:///etc/passwd"]
    assert "cannot fetch" in reasons["http://127.0.0.1:9/refused.html"]
    assert "feed:" in reasons[f"{base}/bad-feed.xml"]
    # The feed's own items: two pages and a link that 404s, named by its URL.
    assert set(reasons) >= {f"{base}/missing.html"}

    records = {r.source: r for r in web_assistant.articles()}
    assert set(records) == {f"{base}/deal.html", f"{base}/moved", f"{base}/latin1.html", f"{base}/other.html"}
    deal = records[f"{base}/deal.html"]
    assert deal.metadata == {
        "published": "2027-03-04",
        "outlet": "The Data Hall Ledger",
        "author": "Dana Whitcombe",
        "url": f"{base}/deal.html",
    }
    text = web_assistant.article(deal.id).text  # type: ignore[union-attr]
    assert STORY[0] in text
    assert "tracking" not in text and "Markets" not in text and "first!" not in text and "Copyright" not in text
    assert records[f"{base}/moved"].metadata["published"] == "2027-02-17"  # the page's own date
    assert "Zürcher" in web_assistant.article(records[f"{base}/latin1.html"].id).text  # type: ignore[union-attr]

    answer = web_assistant.ask("How much is the Lumenfold lease worth?")
    cited = next(c for c in answer.citations if c.article_id == deal.id)
    assert (cited.outlet, cited.published, cited.url) == ("The Data Hall Ledger", "2027-03-04", f"{base}/deal.html")


def test_unchanged_url_is_skipped_and_changed_one_reingested_under_the_same_id(
    site: tuple[Site, str], web_assistant: Assistant
) -> None:
    content, base = site
    url = f"{base}/changing.html"
    content.set("/changing.html", page("Brannock to power Sundrift", OTHER))
    first = web_assistant.ingest(urls=[url])
    assert len(first.added) == 1 and not first.skipped
    again = web_assistant.ingest(urls=[url])
    assert again.unchanged == first.added and again.embedded == 0
    longer = [*OTHER, "Sundrift said the first power flows in 2028."]
    content.set("/changing.html", page("Brannock to power Sundrift", longer))
    changed = web_assistant.ingest(urls=[url])
    assert changed.updated == first.added
    assert web_assistant.articles()[0].source == url
    # A page that cannot be fetched now keeps what is stored, even with --prune.
    content.set("/changing.html", b"gone", status=503)
    failed = web_assistant.ingest(urls=[url], prune=True)
    assert failed.skipped and not failed.deleted and len(web_assistant.articles()) == 1


def test_a_syndicated_copy_is_stored_once_and_cited_as_also_in(
    site: tuple[Site, str], web_assistant: Assistant
) -> None:
    _, base = site
    web_assistant.ingest(urls=[f"{base}/deal.html", f"{base}/other.html"])
    chunks = web_assistant.stats()["chunks"]
    report = web_assistant.ingest(urls=[f"{base}/reprint.html"])
    assert [m.source for m in report.merged] == [f"{base}/reprint.html"]
    assert 0.3 <= report.merged[0].similarity < 1.0
    stats = web_assistant.stats()
    assert (stats["articles"], stats["stories"], stats["merged_copies"], stats["chunks"]) == (3, 2, 1, chunks)
    answer = web_assistant.ask("How much is the Lumenfold lease worth?")
    story = {r.source: r.id for r in web_assistant.articles()}[f"{base}/deal.html"]
    assert answer.citations and answer.citations[0].article_id == story
    assert answer.citations[0].also_in == ("Western Wire",)
    copy_id = report.merged[0].article_id
    hits = web_assistant.search("Lumenfold Reno lease twelve years", k=10)
    assert copy_id not in {h.chunk.article_id for h in hits}


def test_a_feed_of_ten_thousand_items_is_cut_to_the_limit_with_a_note(site: tuple[Site, str], tmp_path: Path) -> None:
    _, base = site
    fetcher = Fetcher(make_settings(tmp_path, max_feed_items=5, allow_private_urls=True))
    items, note = fetcher.feed_items(f"{base}/huge-feed.xml")
    assert len(items) == 5 and "10,000 items, read the first 5" in note
    assert items[0][1] == {
        "published": "Thu, 04 Mar 2027 08:00:00 GMT",
        "author": "desk@example.com (News Desk)",
        "outlet": "Deal Wire",
    }


def test_a_server_refuses_loopback_urls_unless_allowed(site: tuple[Site, str], tmp_path: Path) -> None:
    _, base = site
    assistant = Assistant(make_settings(tmp_path, tmp_path / "none", allow_private_urls=False), auto_ingest=False)
    report = assistant.ingest(urls=[f"{base}/deal.html"])
    assert not report.added and "private or loopback address" in report.skipped[0].reason
    assert "DEALQA_ALLOW_PRIVATE_URLS=1" in report.skipped[0].reason
    allowed = assistant.ingest(urls=[f"{base}/deal.html"], allow_private=True)
    assert len(allowed.added) == 1


def test_cli_ingests_urls_a_url_file_and_a_feed_and_shows_outlet_and_date(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    _, base = site
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# deals\n{base}/other.html\n\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    dealqa = str(Path(sys.executable).with_name("dealqa"))
    data = ["--data-dir", str(tmp_path / "data"), "--corpus-dir", str(tmp_path / "none")]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([dealqa, *args, *data], env=env, capture_output=True, text=True, timeout=300)

    ingested = run(
        "ingest", f"{base}/deal.html", f"{base}/reprint.html", "--urls", str(listed), "--feed", f"{base}/feed.xml"
    )
    assert ingested.returncode == 3, ingested.stderr  # the feed's 404 item is skipped and named
    assert "2 added" in ingested.stdout and "1 merged as copies" in ingested.stdout
    assert f"skipped {base}/missing.html: HTTP 404" in ingested.stderr
    asked = run("ask", "How much is the Lumenfold lease worth?")
    assert asked.returncode == 0, asked.stderr
    assert "The Data Hall Ledger · 4 March 2027" in asked.stdout and "also in: Western Wire" in asked.stdout
    # other.html came from the --urls file and the feed; the feed's title is its outlet.
    by_outlet = json.loads(run("ask", "Who will supply power to Sundrift?", "--outlet", "deal wire", "--json").stdout)
    assert by_outlet["citations"] and {c["outlet"] for c in by_outlet["citations"]} == {"Deal Wire"}
    later = json.loads(run("ask", "How much is the Lumenfold lease worth?", "--since", "2027-03-05", "--json").stdout)
    assert all(c["published"] >= "2027-03-05" for c in later["citations"])
    assert "The Data Hall Ledger" not in {c["outlet"] for c in later["citations"]}
    bad_date = run("ask", "When?", "--since", "yesterday")
    assert bad_date.returncode == 1 and "since must be a date like 2026-05-06, got 'yesterday'" in bad_date.stderr
    status = run("status", "--json")
    stats = json.loads(status.stdout)
    assert (stats["articles"], stats["stories"], stats["merged_copies"]) == (3, 2, 1)
