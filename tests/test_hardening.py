"""Bad input on every HTTP surface gets a 4xx JSON error that says what to change; streams validate
before they start and report later failures as OpenAI error objects; no server path leaves the server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from dealqa import Assistant
from dealqa.api import create_app
from dealqa.errors import StoreError


@pytest.fixture(scope="module")
def client(assistant: Assistant) -> Iterator[TestClient]:
    with TestClient(create_app(assistant, ui=False), raise_server_exceptions=False) as http:
        yield http


@pytest.mark.parametrize(
    ("body", "field", "says"),
    [
        ('{"question": "\\ud800"}', "question", "surrogate"),
        ('{"question": "Where is \\ud800 Colossus?"}', "question", "surrogate"),
        ('{"question": 5}', "question", "string"),
        ('{"question": ""}', "question", "at least 1"),
        ('{"question": "   "}', "question", "non-space"),
        ('{"question": "' + "x" * 2001 + '"}', "question", "at most 2000"),
        ('{"question": "ok", "history": "not a list"}', "history", "list"),
        ('{"question": "ok", "history": ["\\ud83d"]}', "history", "surrogate"),
        ("[1, 2]", "body", "object"),
        ("{not json", "body", "JSON"),
        ("{}", "question", "required"),
    ],
)
def test_bad_input_gets_422_saying_what_to_change(client: TestClient, body: str, field: str, says: str) -> None:
    response = client.post("/v1/ask", content=body.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error.startswith(field) or f"{field}" in error
    assert says.lower() in error.lower()
    assert "x" * 100 not in response.text  # the input is never echoed


def test_control_characters_are_cleaned_not_crashed_on(client: TestClient) -> None:
    response = client.post("/v1/ask", json={"question": "Where\x00 is\x1b Colossus 1\u2028 located?"})
    assert response.status_code == 200 and "Memphis" in response.json()["text"]
    only_controls = client.post("/v1/ask", json={"question": "\x00\x01\x02"})
    assert only_controls.status_code == 422 and "empty" in only_controls.json()["error"]


def test_surrogates_are_refused_by_the_assistant_too(assistant: Assistant) -> None:
    from dealqa.errors import InputError

    with pytest.raises(InputError, match="surrogate"):
        assistant.ask("Where\ud800?")


def test_chunked_body_over_the_limit_is_413_and_not_echoed(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(40):
            yield b"A" * 10_000
        yield b'"}'

    response = client.post("/v1/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "limit" in response.json()["error"] and "AAAA" not in response.text


def test_stream_validates_before_it_starts(client: TestClient) -> None:
    for messages, status in (
        ([{"role": "user", "content": "\x00  "}], 422),
        ([{"role": "assistant", "content": "hi"}], 422),
        ([{"role": "user", "content": "Where\ud800?"}], 422),
    ):
        body = json.dumps({"model": "dealqa", "messages": messages, "stream": True})  # ASCII, escapes kept
        response = client.post("/v1/chat/completions", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == status, response.text
        assert "error" in response.json()


def test_a_failure_mid_stream_is_an_openai_error_object(assistant: Assistant, monkeypatch: Any) -> None:
    def broken(*_: Any, **__: Any) -> Iterator[str]:
        raise StoreError(f"the store at {assistant.settings.data_dir.resolve()}/chroma failed to query")
        yield ""

    monkeypatch.setattr(assistant, "stream", broken)
    with TestClient(create_app(assistant, ui=False)) as http:
        response = http.post(
            "/v1/chat/completions",
            json={"model": "dealqa", "messages": [{"role": "user", "content": "When?"}], "stream": True},
        )
    assert response.status_code == 200
    events = [json.loads(line[6:]) for line in response.text.splitlines() if line.startswith("data: {")]
    error = events[-1]["error"]
    assert error["type"] == "server_error" and "failed to query" in error["message"]
    assert str(assistant.settings.data_dir.resolve()) not in response.text
    assert not any("Error" in (e.get("choices") or [{}])[0].get("delta", {}).get("content", "") for e in events[:-1])


def test_no_server_path_leaves_the_server(client: TestClient, assistant: Assistant) -> None:
    listed = client.get("/v1/articles").json()
    assert listed and all(not item["source"].startswith("/") for item in listed)
    one = client.get(f"/v1/articles/{listed[0]['id']}").json()
    assert not one["source"].startswith("/")
    message = assistant.redact(f"the store at {Path.cwd()}/x/.dealqa/chroma failed; see /v1/ask")
    assert str(Path.cwd()) not in message and "/v1/ask" in message


def test_a_store_failure_is_a_503_that_names_no_server_path(
    client: TestClient, assistant: Assistant, monkeypatch: Any, caplog: Any
) -> None:
    where = assistant.settings.data_dir.resolve() / "chroma"

    def failing(*_: Any, **__: Any) -> Any:
        with assistant.store._guard("query"):
            raise OSError(f"disk I/O error reading {where}/index/data_level0.bin")

    monkeypatch.setattr(assistant.store, "nearest_chunk_ids", failing)
    with caplog.at_level("INFO"):
        asked = client.post("/v1/ask", json={"question": "Which failing store answers this one?"})
        searched = client.get("/v1/search", params={"q": "failing store"})
    for response in (asked, searched):
        assert response.status_code == 503
        message = response.json()["error"]
        assert "failed to query" in message and "dealqa ingest --rebuild" in message
        for place in (str(where), str(Path.cwd()), str(Path.home())):
            assert place not in response.text
    logged = [r for r in caplog.records if r.name == "dealqa.api"]
    assert logged and all(r.exc_info is None for r in logged)


def test_user_mistakes_are_logged_in_one_line(client: TestClient, caplog: Any) -> None:
    with caplog.at_level("INFO"):
        client.post("/v1/ask", json={"question": "   "})
        client.post("/v1/ask", json={"question": "\x00"})
    lines = [r for r in caplog.records if r.name == "dealqa.api"]
    assert lines and all(r.exc_info is None and "\n" not in r.getMessage() for r in lines)


@pytest.mark.slow
def test_a_100_mb_chunked_body_is_refused_without_growing_the_server(tmp_path: Path) -> None:
    import socket

    from tests.conftest import LiveServer, server_workdir

    live = LiveServer(server_workdir(tmp_path))

    def rss_mb() -> float:
        status = Path(f"/proc/{live.process.pid}/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) / 1024

    try:
        before = rss_mb()
        block = b"A" * (1 << 20)
        with socket.create_connection(("127.0.0.1", live.port), timeout=60) as sock:
            sock.sendall(b"POST /v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n")  # fmt: skip
            try:
                for _ in range(100):
                    sock.sendall(b"%x\r\n" % len(block) + block + b"\r\n")
                sock.sendall(b"0\r\n\r\n")
            except OSError:
                pass  # the server may stop reading once it has answered
            reply = b""
            while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
                data = sock.recv(65536)
                if not data:
                    break
                reply += data
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        assert b"limit" in reply and b"AAAA" not in reply
        assert rss_mb() - before < 50
        assert httpx.post(f"{live.url}/v1/ask", json={"question": "Where is Colossus 1 located?"}).status_code == 200
    finally:
        live.stop()
