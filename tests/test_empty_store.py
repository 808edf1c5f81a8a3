"""An empty or missing store is a state that every surface reports plainly, with where the store is
and what to do; a server keeps serving after a failing request; every command takes --data-dir and
--corpus-dir, so a client that starts `dealqa` from anywhere needs only arguments."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealqa import Assistant
from dealqa.errors import DealQAError, EmptyStoreError
from tests.conftest import CORPUS, ROOT, LiveServer, make_settings

DEALQA = str(Path(sys.executable).with_name("dealqa"))
INSPECTOR = ROOT / ".tools" / "node_modules" / ".bin" / "mcp-inspector"
QUESTION = "Where is the data center?"
EXIT_EMPTY = 4


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    return {**env, **extra}


def _says_empty(message: str, data_dir: Path, missing_corpus: Path | None = None) -> None:
    assert f"No articles in the store at {data_dir.resolve()}. Add some: dealqa ingest PATH" in message, message
    if missing_corpus is not None:
        assert f"{missing_corpus.resolve()}, does not exist" in message, message
    else:
        assert "does not exist" not in message, message


def _dealqa(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([DEALQA, *args], cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=300)


# -- Python ----------------------------------------------------------------------------------------
def test_python_raises_empty_store_error_that_says_where_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    empty = Assistant(data_dir=Path("data"), corpus_dir=Path("no-corpus"))  # relative: read against the cwd
    with pytest.raises(EmptyStoreError) as asked:
        empty.ask(QUESTION)
    assert isinstance(asked.value, DealQAError)
    _says_empty(str(asked.value), tmp_path / "data", tmp_path / "no-corpus")
    with pytest.raises(EmptyStoreError):
        empty.search("Memphis")
    with pytest.raises(EmptyStoreError):
        list(empty.stream(QUESTION))
    stats = empty.stats()
    assert stats["articles"] == 0 and stats["chunks"] == 0
    assert stats["data_dir"] == str(tmp_path / "data") and stats["data_dir_exists"] is True
    assert stats["corpus_dir"] == str(tmp_path / "no-corpus") and stats["corpus_dir_exists"] is False

    # A second process on the same empty store loads its saved BM25 index: the same message, no
    # missing-file error (params.index.json used to be read and was never written).
    again = Assistant(empty.settings)
    again.warm_up()
    with pytest.raises(EmptyStoreError):
        again.ask(QUESTION)

    # An existing but empty corpus folder is not named: only a missing one is.
    (tmp_path / "empty-corpus").mkdir()
    other = Assistant(data_dir=tmp_path / "other", corpus_dir=tmp_path / "empty-corpus")
    with pytest.raises(EmptyStoreError) as nothing:
        other.ask(QUESTION)
    _says_empty(str(nothing.value), tmp_path / "other")

    # Adding an article turns the state into answers, in the same process.
    again.ingest([CORPUS / "spacex-leases-colossus-1.md"])
    answer = again.ask("Where is Colossus 1 located?")
    assert "Memphis" in answer.text and not answer.abstained
    assert again.empty_store_message() is None


# -- CLI -------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_cli_ask_and_status_in_an_empty_directory(tmp_path: Path) -> None:
    anywhere = tmp_path / "anywhere"
    anywhere.mkdir()
    for _ in range(2):  # the second run used to fail on the first run's empty BM25 index
        asked = _dealqa(anywhere, "ask", QUESTION)
        assert asked.returncode == EXIT_EMPTY, asked.stderr
        assert asked.stdout == ""
        _says_empty(asked.stderr, anywhere / ".dealqa", anywhere / "corpus")
        assert "error" not in asked.stderr and "Traceback" not in asked.stderr
    status = _dealqa(anywhere, "status")
    assert status.returncode == 0, status.stderr
    assert "unexpected" not in status.stderr + status.stdout
    lines = {
        line.split(":", 1)[0].strip(): line.split(":", 1)[1].strip()
        for line in status.stdout.splitlines()
        if ":" in line
    }
    assert lines["articles"] == "0"
    assert lines["data_dir"] == str(anywhere / ".dealqa") and lines["data_dir_exists"] == "True"
    assert lines["corpus_dir"] == str(anywhere / "corpus") and lines["corpus_dir_exists"] == "False"
    _says_empty(status.stdout, anywhere / ".dealqa", anywhere / "corpus")
    chat = subprocess.run(
        [DEALQA, "chat"], cwd=anywhere, env=_env(), input=QUESTION + "\n", capture_output=True, text=True, timeout=300
    )
    assert chat.returncode == EXIT_EMPTY
    _says_empty(chat.stderr, anywhere / ".dealqa", anywhere / "corpus")


def test_every_command_takes_data_and_corpus_dir() -> None:
    import typer.main

    from dealqa.cli import app

    def commands(group: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
        for name, command in getattr(group, "commands", {}).items():
            if hasattr(command, "commands"):  # a group: `feedback export`
                yield from commands(command, f"{prefix}{name} ")
            else:
                yield f"{prefix}{name}", command

    found = dict(commands(typer.main.get_command(app)))
    assert {"ingest", "ask", "chat", "status", "eval", "serve", "mcp", "bench", "feedback export"} <= set(found)
    for name, command in found.items():
        options = {opt for param in command.params for opt in param.opts}
        assert {"--data-dir", "--corpus-dir"} <= options, name


@pytest.mark.slow
def test_data_and_corpus_dir_options_win_over_the_environment(tmp_path: Path) -> None:
    elsewhere, data, corpus = tmp_path / "elsewhere", tmp_path / "data", tmp_path / "corpus"
    elsewhere.mkdir()
    shutil.copytree(CORPUS, corpus)
    bogus = {"DEALQA_DATA_DIR": str(tmp_path / "bogus-data"), "DEALQA_CORPUS_DIR": str(tmp_path / "bogus-corpus")}
    paths = ("--data-dir", str(data), "--corpus-dir", str(corpus))
    ingest = _dealqa(elsewhere, "ingest", *paths, **bogus)  # no PATH: the corpus dir given
    assert ingest.returncode == 0, ingest.stderr
    assert "2 added" in ingest.stdout
    status = json.loads(_dealqa(elsewhere, "status", "--json", *paths, **bogus).stdout)
    assert status["articles"] == 2 and status["data_dir"] == str(data) and status["corpus_dir"] == str(corpus)
    asked = _dealqa(elsewhere, "ask", "Where is Colossus 1 located?", "--json", *paths, **bogus)
    assert asked.returncode == 0, asked.stderr
    assert "Memphis" in json.loads(asked.stdout)["text"]
    exported = _dealqa(elsewhere, "feedback", "export", "--data-dir", str(data), **bogus)
    assert exported.returncode == 0, exported.stderr
    assert not (tmp_path / "bogus-data").exists() and not (elsewhere / ".dealqa").exists()


# -- REST and OpenAI-compatible ----------------------------------------------------------------------
@pytest.mark.slow
def test_rest_and_openai_answer_409_with_the_message(tmp_path: Path) -> None:
    import openai
    from fastapi.testclient import TestClient

    from dealqa.api import create_app

    data, missing = tmp_path / "data", tmp_path / "no-corpus"
    empty = Assistant(make_settings(tmp_path, missing))
    with TestClient(create_app(empty, ui=False)) as client:
        asked = client.post("/v1/ask", json={"question": QUESTION})
        assert asked.status_code == 409
        _says_empty(asked.json()["error"], data, missing)
        searched = client.get("/v1/search", params={"q": "Memphis"})
        assert searched.status_code == 409
        _says_empty(searched.json()["error"], data, missing)
        assert client.get("/v1/articles").json() == []
        health = client.get("/healthz").json()
        assert health["status"] == "ok" and health["articles"] == 0
        assert health["data_dir"] == str(data) and health["data_dir_exists"] is True
        assert health["corpus_dir"] == str(missing) and health["corpus_dir_exists"] is False
        _says_empty(health["notice"], data, missing)

        chat = openai.OpenAI(base_url="http://testserver/v1", api_key="unused", http_client=client, max_retries=0)
        messages: Any = [{"role": "user", "content": QUESTION}]
        for stream in (False, True):
            with pytest.raises(openai.ConflictError) as refused:
                chat.chat.completions.create(model="dealqa", messages=messages, stream=stream)
            assert refused.value.status_code == 409
            _says_empty(refused.value.response.json()["error"], data, missing)

    protected = Assistant(empty.settings, auto_ingest=False, protect_reads=True, api_token="secret-token")
    with TestClient(create_app(protected, ui=False)) as client:
        hidden = client.get("/healthz").json()
        assert hidden["articles"] == 0 and hidden["data_dir"] is None and hidden["notice"] is None
        shown = client.get("/healthz", headers={"Authorization": "Bearer secret-token"}).json()
        assert shown["data_dir"] == str(data)


# -- MCP -------------------------------------------------------------------------------------------
def _text(result: Any) -> str:
    return " ".join(getattr(part, "text", "") for part in result.content)


@pytest.mark.slow
def test_mcp_stdio_reports_the_empty_store_as_tool_errors_and_keeps_serving(tmp_path: Path) -> None:
    from mcp import Client, StdioServerParameters

    elsewhere, data, missing = tmp_path / "elsewhere", tmp_path / "data", tmp_path / "no-corpus"
    elsewhere.mkdir()
    params = StdioServerParameters(
        command=DEALQA,
        args=["mcp", "--data-dir", str(data), "--corpus-dir", str(missing)],
        env=_env(DEALQA_DATA_DIR=str(tmp_path / "bogus")),
        cwd=str(elsewhere),
    )

    async def run() -> None:
        async with Client(params, read_timeout_seconds=120) as client:
            asked = await client.call_tool("ask", {"question": QUESTION})
            assert asked.is_error
            _says_empty(_text(asked), data, missing)
            searched = await client.call_tool("search", {"query": "Memphis"})
            assert searched.is_error
            _says_empty(_text(searched), data, missing)
            listed = await client.call_tool("list_articles", {})  # a good call after failing ones
            assert not listed.is_error
            assert listed.structured_content["articles"] == []
            _says_empty(listed.structured_content["notice"], data, missing)
            with pytest.raises(Exception, match="No articles in the store"):
                await client.read_resource("dealqa://articles/spacex-leases-colossus-1")
            again = await client.call_tool("ask", {"question": QUESTION})
            assert again.is_error and "No articles in the store" in _text(again)

    asyncio.run(run())
    assert not (tmp_path / "bogus").exists()


@pytest.mark.slow
def test_mcp_stdio_serves_a_good_call_after_a_failing_one(tmp_path: Path) -> None:
    from mcp import Client, StdioServerParameters

    elsewhere, corpus = tmp_path / "elsewhere", tmp_path / "corpus"
    elsewhere.mkdir()
    shutil.copytree(CORPUS, corpus)
    params = StdioServerParameters(
        command=DEALQA,
        args=["mcp", "--data-dir", str(tmp_path / "data"), "--corpus-dir", str(corpus)],
        env=_env(),
        cwd=str(elsewhere),
    )

    async def run() -> None:
        async with Client(params, read_timeout_seconds=180) as client:
            bad = await client.call_tool("search", {"query": "Memphis", "article": "no-such-article", "k": 0})
            assert bad.is_error
            with pytest.raises(Exception, match="no-such-article"):
                await client.read_resource("dealqa://articles/no-such-article")
            good = await client.call_tool("ask", {"question": "Where is Colossus 1 located?"})
            assert not good.is_error and "Memphis" in good.structured_content["text"]

    asyncio.run(run())


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`dealqa serve` started in an empty directory, its paths given only as arguments."""
    workdir = tmp_path_factory.mktemp("empty-server")
    live = LiveServer(workdir, "--data-dir", str(workdir / "data"), "--corpus-dir", str(workdir / "no-corpus"))
    yield live
    live.stop()


@pytest.mark.slow
def test_mcp_http_and_healthz_on_an_empty_store(empty_server: LiveServer) -> None:
    import httpx
    from mcp import Client

    data, missing = empty_server.workdir / "data", empty_server.workdir / "no-corpus"

    async def run() -> None:
        async with Client(f"{empty_server.url}/mcp", read_timeout_seconds=120) as client:
            asked = await client.call_tool("ask", {"question": QUESTION})
            assert asked.is_error
            _says_empty(_text(asked), data, missing)
            listed = await client.call_tool("list_articles", {})
            assert not listed.is_error and listed.structured_content["articles"] == []

    asyncio.run(run())
    health = httpx.get(f"{empty_server.url}/healthz").json()
    assert health["articles"] == 0 and health["corpus_dir_exists"] is False
    _says_empty(health["notice"], data, missing)


@pytest.mark.slow
def test_ui_shows_a_banner_not_a_chat_answer(empty_server: LiveServer) -> None:
    chromium = os.environ.get("DEALQA_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists() and not os.environ.get("CI"):
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import expect, sync_playwright

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=flags)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(empty_server.url, wait_until="domcontentloaded")
            banner = page.locator("#dq-banner")
            expect(banner).to_contain_text("No articles in the store at", timeout=60_000)
            expect(banner).to_contain_text("dealqa ingest PATH")
            expect(page.locator("#dq-status")).to_contain_text("0 articles")
            page.fill("#dq-input textarea", QUESTION)
            page.keyboard.press("Enter")
            expect(page.locator("[data-testid=user]")).to_have_count(1, timeout=60_000)
            expect(page.locator("#dq-chat [data-testid=status-tracker] .progress-text")).to_have_count(
                0, timeout=60_000
            )
            expect(page.locator("[data-testid=bot]")).to_have_count(0)
            expect(banner).to_contain_text(str(empty_server.workdir / "no-corpus"))
        finally:
            browser.close()


# -- the official MCP Inspector CLI ----------------------------------------------------------------
def _inspect(cwd: Path, data: Path, corpus: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [str(INSPECTOR), "--cli", DEALQA, "mcp", "--data-dir", str(data), "--corpus-dir", str(corpus), *args]
    environment = _env(**env)
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_mcp_inspector_cli_with_an_empty_store_and_with_the_corpus(tmp_path: Path) -> None:
    if not INSPECTOR.exists():
        pytest.skip("the MCP Inspector is not installed: `make test` installs it (npm)")
    elsewhere, data, corpus = tmp_path / "elsewhere", tmp_path / "data", tmp_path / "corpus"
    elsewhere.mkdir()

    # An empty store and no corpus folder: the tools are listed; ask is a tool error that says so.
    listed = _inspect(elsewhere, data, corpus, "--method", "tools/list")
    assert listed.returncode == 0, listed.stderr
    assert {"ask", "search", "list_articles"} <= {t["name"] for t in json.loads(listed.stdout)["tools"]}
    for _ in range(2):  # the second server process loads the first one's (empty) indexes
        asked = _inspect(
            elsewhere,
            data,
            corpus,
            "--method",
            "tools/call",
            "--tool-name",
            "ask",
            "--tool-arg",
            f"question={QUESTION}",
        )
        assert asked.returncode == 0, asked.stderr
        result = json.loads(asked.stdout)
        assert result["isError"] is True
        _says_empty(result["content"][0]["text"], data, corpus)
        assert "FileNotFoundError" not in asked.stdout + asked.stderr

    # With the corpus (ingested with the same arguments), from the same other directory.
    shutil.copytree(CORPUS, corpus)
    ingest = _dealqa(elsewhere, "ingest", "--data-dir", str(data), "--corpus-dir", str(corpus))
    assert ingest.returncode == 0, ingest.stderr
    asked = _inspect(
        elsewhere,
        data,
        corpus,
        "--method",
        "tools/call",
        "--tool-name",
        "ask",
        "--tool-arg",
        "question=Where is Colossus 1 located?",
    )
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert not answer.get("isError")
    assert "Memphis, Tennessee" in answer["structuredContent"]["text"]
    assert answer["structuredContent"]["citations"][0]["article_id"] == "spacex-leases-colossus-1"
    read = _inspect(
        elsewhere, data, corpus, "--method", "resources/read", "--uri", "dealqa://articles/spacex-leases-colossus-1"
    )
    assert read.returncode == 0, read.stderr
    assert "Memphis, Tennessee" in json.loads(read.stdout)["contents"][0]["text"]
