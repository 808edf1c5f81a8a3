"""The REST and OpenAI-compatible APIs against a live server, with real HTTP clients."""

from __future__ import annotations

import httpx
import pytest
from openai import OpenAI

from tests.conftest import API_TOKEN, LiveServer

pytestmark = pytest.mark.slow  # a live server


def test_health_and_articles(server: LiveServer) -> None:
    assert httpx.get(f"{server.url}/healthz").json()["status"] == "ok"
    articles = httpx.get(f"{server.url}/v1/articles").json()
    assert {a["id"] for a in articles} >= {"colossus-center-of-gravity", "spacex-leases-colossus-1"}
    one = httpx.get(f"{server.url}/v1/articles/spacex-leases-colossus-1").json()
    assert "Memphis, Tennessee" in one["text"]
    missing = httpx.get(f"{server.url}/v1/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_ask_returns_cited_answer(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/v1/ask", json={"question": "When was the deal signed?"}, timeout=60)
    assert response.status_code == 200
    body = response.json()
    assert "May 6, 2026" in body["text"] and not body["abstained"]
    assert any("May 6, 2026" in c["quote"] for c in body["citations"])
    follow = httpx.post(
        f"{server.url}/v1/ask", json={"question": "Where is that facility?", "history": [body["question"]]}
    )
    assert "Memphis" in follow.json()["text"]


def test_search_and_filters(server: LiveServer) -> None:
    hits = httpx.get(f"{server.url}/v1/search", params={"q": "IPO", "k": 3, "article": "spacex-leases-colossus-1"})
    assert hits.status_code == 200
    assert [h["article_id"] for h in hits.json()["hits"]] == ["spacex-leases-colossus-1"] * len(hits.json()["hits"])


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"question": ""}, 422), ({"question": "x" * 2001}, 422), ({}, 422), ({"question": "   "}, 422)],
)
def test_bad_questions_are_refused_plainly(server: LiveServer, payload: dict[str, str], status: int) -> None:
    response = httpx.post(f"{server.url}/v1/ask", json=payload)
    assert response.status_code == status
    assert "Traceback" not in response.text


def test_oversized_body_is_refused(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/v1/ask", content=b'{"question": "' + b"a" * 300_000 + b'"}')
    assert response.status_code == 413


def test_ingest_needs_the_token(server: LiveServer) -> None:
    files = {"files": ("../../evil name.txt", b"Colossus 3 Plans\nA third site is planned in Ohio.\n", "text/plain")}
    assert httpx.post(f"{server.url}/v1/ingest", files=files).status_code == 401
    wrong = httpx.post(f"{server.url}/v1/ingest", files=files, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = httpx.post(
        f"{server.url}/v1/ingest", files=files, headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=120
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["added"] == ["upload-evil-name"]  # an upload's id never collides with a file on disk
    assert (server.workdir / ".dealqa" / "uploads" / "upload-evil-name.txt").is_file()  # the path was dropped
    bad = httpx.post(
        f"{server.url}/v1/ingest",
        files={"files": ("x.exe", b"MZ", "application/octet-stream")},
        headers={"Authorization": f"Bearer {API_TOKEN}"},
    )
    assert bad.json()["skipped"][0]["path"] == "x.exe"


def test_openai_sdk_non_streaming(server: LiveServer) -> None:
    client = OpenAI(base_url=f"{server.url}/v1", api_key="unused")
    assert [m.id for m in client.models.list()] == ["dealqa"]
    completion = client.chat.completions.create(
        model="dealqa",
        messages=[
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": "When was the deal signed?"},
            {"role": "assistant", "content": "May 6, 2026."},
            {"role": "user", "content": "Where is that facility?"},
        ],
    )
    content = completion.choices[0].message.content or ""
    assert "Memphis" in content and "Sources:" in content
    extra = completion.model_extra or {}
    assert any("Memphis" in c["quote"] for c in extra["citations"])


def test_openai_sdk_streaming(server: LiveServer) -> None:
    client = OpenAI(base_url=f"{server.url}/v1", api_key="unused")
    stream = client.chat.completions.create(
        model="dealqa", messages=[{"role": "user", "content": "Who first reported the agreement?"}], stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "Decrypt" in text
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert (chunks[-1].model_extra or {})["citations"]
