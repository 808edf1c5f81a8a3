"""The chat UI in a real headless Chromium (Debian's), driven by Playwright, against a live server."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from dealqa.feedback import FeedbackStore
from tests.conftest import ROOT, LiveServer, server_workdir
from tests.test_web_ingest import Site, site  # noqa: F401  (pages served on loopback)

CHROMIUM = os.environ.get("DEALQA_CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

pytestmark = [
    pytest.mark.slow,  # a browser and a live server
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian's chromium is not installed"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


def ask(page: Page, question: str) -> Locator:
    """Type a question, wait for its answer to start, return the answer's message.

    The text streams in before the finished answer is rendered (an abstention's notice comes with
    the finished answer), so callers assert with Playwright's retrying ``expect``, not a snapshot.
    """
    bots = page.locator("[data-testid=bot]")
    before = bots.count()
    page.fill("#dq-input textarea", question)
    page.keyboard.press("Enter")
    expect(bots).to_have_count(before + 1, timeout=60_000)
    expect(page.locator("#dq-chat [data-testid=status-tracker] .progress-text")).to_have_count(0, timeout=60_000)
    return bots.last


def test_chat_answers_with_citations_follow_ups_abstentions_and_feedback(browser: Browser, server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url, wait_until="domcontentloaded")
    expect(page.locator("#dq-status")).to_contain_text("articles", timeout=60_000)

    answer = ask(page, "When was the deal signed?")
    expect(answer).to_contain_text(re.compile(r"(May 6, 2026|6 May 2026).*\[1\]"), timeout=60_000)
    page.click("#cite-1 summary")
    highlighted = page.locator("#cite-1 mark")
    expect(highlighted).to_be_visible()
    assert "2026" in highlighted.inner_text()
    expect(page.locator("#cite-1 summary")).to_contain_text("[1]")
    page.screenshot(path=str(SHOTS / "answer-with-citation.png"), full_page=True)

    expect(ask(page, "Where is that facility?")).to_contain_text("Memphis", timeout=60_000)

    off_topic = ask(page, "What is the capital of France?")
    expect(off_topic).to_contain_text("No answer in the articles", timeout=60_000)
    expect(page.locator("#dq-sources")).to_contain_text("Closest passages")
    page.screenshot(path=str(SHOTS / "abstention.png"), full_page=True)

    page.locator("[data-testid=bot]").first.hover()
    page.get_by_role("button", name="Like", exact=True).first.click()
    # As long as the answers above may take on a loaded machine: the like is one more event.
    expect(page.locator("#dq-notice")).to_contain_text("feedback was saved", timeout=60_000)
    records = list(FeedbackStore(server.workdir / ".dealqa" / "feedback.sqlite3").export())
    assert records and records[-1]["liked"] is True
    assert records[-1]["question"] == "When was the deal signed?"
    assert records[-1]["citations"]
    page.close()


def test_phone_width_and_example_buttons(browser: Browser, server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(server.url, wait_until="domcontentloaded")
    page.get_by_role("button", name="Where is Colossus 1 located?").click()
    bots = page.locator("[data-testid=bot]")
    expect(bots).to_have_count(1, timeout=60_000)
    expect(bots.last).to_contain_text("Memphis", timeout=60_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the page scrolls sideways on a phone ({width}px)"
    page.screenshot(path=str(SHOTS / "phone.png"), full_page=True)
    page.close()


def test_upload_of_a_new_article(browser: Browser, tmp_path: Path) -> None:
    # Uploads are writes: they need --allow-upload and a signed-in user.
    live = LiveServer(server_workdir(tmp_path / "uploading"), "--allow-upload", "--auth", "alice:s3cret")
    article = tmp_path / "Colossus Ohio!.md"
    article.write_text("---\ntitle: Ohio rumour\n---\nA rumoured Colossus site in Ohio would be the third.\n")
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(live.url, wait_until="domcontentloaded")
        page.fill("input[type=text]", "alice")
        page.fill("input[type=password]", "s3cret")
        page.keyboard.press("Enter")
        page.get_by_text("Add articles").click(timeout=60_000)
        page.locator("#dq-add-files input[type=file]").set_input_files([str(article)])
        page.locator("#dq-add-button").click()
        expect(page.locator("#dq-add-result")).to_contain_text("1 added", timeout=60_000)
        assert (live.workdir / ".dealqa" / "uploads" / "upload-colossus-ohio.md").is_file()
        page.close()
    finally:
        live.stop()


def sign_in(page: Page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.fill("input[type=text]", "alice")
    page.fill("input[type=password]", "s3cret")
    page.keyboard.press("Enter")


def test_an_article_added_by_url_is_listed_answered_and_deleted(
    browser: Browser,
    site: tuple[Site, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    _, base = site
    live = LiveServer(
        server_workdir(tmp_path / "by-url"),
        "--allow-upload",
        "--auth",
        "alice:s3cret",
        env={"DEALQA_ALLOW_PRIVATE_URLS": "1"},  # the page is served on loopback
    )
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        sign_in(page, live.url)
        page.get_by_role("tab", name="Corpus").click(timeout=60_000)
        corpus = page.locator("#dq-corpus")
        expect(corpus).to_contain_text("SpaceX leases Colossus 1 to Anthropic", timeout=60_000)
        expect(corpus).not_to_contain_text(str(live.workdir))  # sources relative, never server paths
        page.fill("#dq-corpus-add-urls textarea", f"{base}/deal.html\n{base}/missing-page.html")
        page.locator("#dq-corpus-add-button").click()
        result = page.locator("#dq-corpus-add-result")
        expect(result).to_contain_text("1 added", timeout=120_000)
        expect(result).to_contain_text(f"{base}/missing-page.html skipped: HTTP 404")
        expect(corpus).to_contain_text("Lumenfold books Reno capacity", timeout=60_000)
        expect(corpus).to_contain_text("The Data Hall Ledger")
        expect(corpus).to_contain_text(f"{base}/deal.html")
        page.screenshot(path=str(SHOTS / "corpus-tab.png"), full_page=True)

        page.get_by_role("tab", name="Chat").click()
        answer = ask(page, "How much is the Lumenfold lease worth?")
        expect(answer).to_contain_text("9.6 billion", timeout=60_000)
        expect(page.locator("#dq-sources")).to_contain_text("The Data Hall Ledger · 4 March 2027")

        page.get_by_role("tab", name="Corpus").click()
        page.locator("#dq-delete-choice input").click()
        page.get_by_role("option", name=re.compile("Lumenfold books Reno capacity")).click()
        page.locator("#dq-delete").click()
        expect(page.locator("#dq-delete-result")).to_contain_text("Deleted", timeout=60_000)
        expect(corpus).not_to_contain_text("Lumenfold books Reno capacity", timeout=60_000)
        expect(corpus).to_contain_text("SpaceX leases Colossus 1 to Anthropic")
        page.close()
    finally:
        live.stop()
