"""The corpus over REST: POST /v1/ingest with URLs and feeds (fetched from a real HTTP server on
127.0.0.1, which only DEALQA_ALLOW_PRIVATE_URLS=1 lets a server reach), the filters on /v1/ask and
/v1/search, the listing, and DELETE /v1/articles/{id}."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dealqa import Assistant
from dealqa.api import create_app
from dealqa.fetch import Fetcher
from tests.conftest import make_settings
from tests.test_web_ingest import Site, site  # noqa: F401  (the pages and feeds, served on loopback)

pytestmark = pytest.mark.slow  # a real HTTP server
TOKEN = "rest-corpus-token"
WRITER = {"Authorization": f"Bearer {TOKEN}"}


def _client(tmp_path: Path) -> Iterator[TestClient]:
    settings = make_settings(tmp_path, tmp_path / "no-corpus", fetch_timeout_s=2.0, max_file_bytes=200_000)
    assistant = Assistant(settings, auto_ingest=False, api_token=TOKEN)
    with TestClient(create_app(assistant, ui=False, allow_upload=True)) as client:
        yield client


@pytest.fixture
def allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("DEALQA_ALLOW_PRIVATE_URLS", "1")  # the test's own server is on loopback
    yield from _client(tmp_path)


@pytest.fixture
def guarded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.delenv("DEALQA_ALLOW_PRIVATE_URLS", raising=False)
    yield from _client(tmp_path)


def test_urls_and_a_feed_are_ingested_each_failure_named_then_asked_filtered_listed_and_deleted(
    site: tuple[Site, str],  # noqa: F811
    allowed: TestClient,
) -> None:
    _, base = site
    urls = [f"{base}/deal.html", f"{base}/reprint.html", f"{base}/missing-page.html", "file:///etc/passwd"]
    anonymous = allowed.post("/v1/ingest", data={"urls": urls})
    assert anonymous.status_code == 401 and "sign in" in anonymous.json()["error"]

    added = allowed.post("/v1/ingest", data={"urls": urls, "feeds": [f"{base}/feed.xml"]}, headers=WRITER)
    assert added.status_code == 200, added.text
    report = added.json()
    reasons = {s["path"]: s["reason"] for s in report["skipped"]}
    assert "HTTP 404" in reasons[f"{base}/missing-page.html"]
    assert "only http and https" in reasons["file:///etc/passwd"]
    assert "HTTP 404" in reasons[f"{base}/missing.html"]  # the feed's dead link, named by its URL
    assert len(report["added"]) == 2 and len(report["merged"]) == 1  # deal + other; the reprint merged

    listed = {a["source"]: a for a in allowed.get("/v1/articles").json()}
    assert set(listed) == {f"{base}/deal.html", f"{base}/reprint.html", f"{base}/other.html"}
    deal = listed[f"{base}/deal.html"]
    assert (deal["outlet"], deal["published"], deal["author"]) == (
        "The Data Hall Ledger",
        "2027-03-04",
        "Dana Whitcombe",
    )
    assert listed[f"{base}/reprint.html"]["copy_of"] == deal["id"]
    assert listed[f"{base}/other.html"]["outlet"] == "Deal Wire"  # the feed's title

    asked = allowed.post("/v1/ask", json={"question": "How much is the Lumenfold lease worth?"}).json()
    cited = asked["citations"][0]
    assert (cited["article_id"], cited["outlet"], cited["also_in"]) == (
        deal["id"],
        "The Data Hall Ledger",
        ["Western Wire"],
    )
    power = {"question": "Who will supply power to Sundrift?", "outlet": "deal wire"}
    by_outlet = allowed.post("/v1/ask", json=power).json()
    assert by_outlet["citations"] and {c["outlet"] for c in by_outlet["citations"]} == {"Deal Wire"}
    hits = allowed.get("/v1/search", params={"q": "Lumenfold Reno lease", "since": "2027-03-05"}).json()["hits"]
    assert deal["id"] not in {h["article_id"] for h in hits}
    early = allowed.get("/v1/search", params={"q": "Lumenfold Reno lease", "until": "2027-03-04"}).json()["hits"]
    assert early and all(h["published"] and h["published"] <= "2027-03-04" for h in early)  # each hit says when

    refused = allowed.delete(f"/v1/articles/{deal['id']}")
    assert refused.status_code == 401
    deleted = allowed.delete(f"/v1/articles/{deal['id']}", headers=WRITER)
    assert deleted.status_code == 200 and deleted.json()["deleted"] == [deal["id"]]
    assert any("now a story" in n for n in deleted.json()["notes"])  # the reprint stands for the story now
    after = {a["source"]: a for a in allowed.get("/v1/articles").json()}
    assert f"{base}/deal.html" not in after and after[f"{base}/reprint.html"]["copy_of"] == ""
    again = allowed.delete(f"/v1/articles/{deal['id']}", headers=WRITER)
    assert again.status_code == 404 and "no article with id" in again.json()["error"]


@pytest.mark.parametrize(
    ("request_args", "said"),
    [
        ({"json": {"question": "When?", "since": "yesterday"}}, "since must be a date like 2026-05-06"),
        ({"json": {"question": "When?", "since": "2027-04-01", "until": "2027-03-01"}}, "is after until"),
        ({"json": {"question": "When?", "outlet": "\t"}}, None),  # a blank outlet is no filter
        ({"params": {"q": "deal", "until": "someday"}}, "until must be a date like 2026-05-06"),
        ({"params": {"q": "deal", "outlet": "x" * 201}}, "outlet"),
    ],
)
def test_bad_filter_values_are_4xx_saying_what_to_change(
    allowed: TestClient, request_args: dict[str, dict[str, str]], said: str | None
) -> None:
    allowed.post(
        "/v1/ingest", files={"files": ("note.txt", b"Brenvik sold a data hall to Quillon in June.\n")}, headers=WRITER
    )
    if "json" in request_args:
        response = allowed.post("/v1/ask", **request_args)  # type: ignore[arg-type]
    else:
        response = allowed.get("/v1/search", **request_args)  # type: ignore[arg-type]
    if said is None:
        assert response.status_code == 200
        return
    assert response.status_code == 422 and said in response.json()["error"]
    assert "Traceback" not in response.text


def test_a_server_refuses_loopback_urls_without_the_setting(
    site: tuple[Site, str],  # noqa: F811
    guarded: TestClient,
) -> None:
    _, base = site
    localhost = base.replace("127.0.0.1", "localhost")
    response = guarded.post(
        "/v1/ingest", data={"urls": [f"{base}/deal.html", f"{localhost}/other.html"]}, headers=WRITER
    )
    assert response.status_code == 200
    reasons = {s["path"]: s["reason"] for s in response.json()["skipped"]}
    for url in (f"{base}/deal.html", f"{localhost}/other.html"):
        assert "private or loopback address" in reasons[url] and "DEALQA_ALLOW_PRIVATE_URLS=1" in reasons[url]
    assert response.json()["added"] == [] and guarded.get("/v1/articles").json() == []
    feed = guarded.post("/v1/ingest", data={"feeds": [f"{base}/feed.xml"]}, headers=WRITER).json()
    assert "private or loopback address" in feed["skipped"][0]["reason"] and feed["added"] == []
    nothing = guarded.post("/v1/ingest", data={"urls": ["  "]}, headers=WRITER)
    assert nothing.status_code == 422 and "nothing to add" in nothing.json()["error"]


def test_every_redirect_hop_is_checked_again(site: tuple[Site, str], tmp_path: Path) -> None:  # noqa: F811
    """A page on an allowed host that redirects to a private one is refused at the redirect."""
    content, base = site
    port = base.rsplit(":", 1)[1]
    content.set("/to-localhost", b"", status=302, headers={"Location": f"http://localhost:{port}/other.html"})
    fetcher = Fetcher(make_settings(tmp_path, allow_private_urls=False))
    checked: list[str] = []
    strict = fetcher.public_address

    def numeric_host_is_public(host: str, port: int) -> str:  # stands in for a public host the test cannot reach
        checked.append(host)
        return host if host == "127.0.0.1" else strict(host, port)

    fetcher.public_address = numeric_host_is_public  # type: ignore[method-assign]
    got = fetcher.run([f"{base}/to-localhost"])
    assert checked[0] == "127.0.0.1" and checked[-1] == "localhost"
    assert not got.articles and "refused: localhost resolves to a private or loopback address" in got.skipped[0].reason


def test_the_connection_goes_to_the_address_that_was_checked(site: tuple[Site, str], tmp_path: Path) -> None:  # noqa: F811
    """DNS rebinding: the host looked public when the URL was checked, then resolves to loopback;
    the connection is checked again and refused, so nothing private is read."""
    _, base = site
    fetcher = Fetcher(make_settings(tmp_path, allow_private_urls=False))
    answers = iter(["203.0.113.7"])  # the first lookup's answer (a documentation address)
    strict = fetcher.public_address

    def rebinding(host: str, port: int) -> str:
        return next(answers, None) or strict(host, port)

    fetcher.public_address = rebinding  # type: ignore[method-assign]
    got = fetcher.run([f"{base}/deal.html"])
    assert not got.articles
    assert "refused: 127.0.0.1 resolves to a private or loopback address" in got.skipped[0].reason
