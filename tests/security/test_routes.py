"""Every route of the assembled server (read from the app itself, so a new route cannot be left
out) asked with no, wrong and right credentials, on a protected and on an open server."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from dealqa import Assistant
from dealqa.api import create_app
from dealqa.guard import is_sign_in, is_write

TOKEN = "right-token"
LOGIN = ("alice", "s3cret")
BASIC = "Basic " + base64.b64encode(b"alice:s3cret").decode()
pytestmark = pytest.mark.slow  # starts servers
CREDENTIALS = {
    "none": {},
    "wrong bearer": {"Authorization": "Bearer wrong-token"},
    "wrong basic": {"Authorization": "Basic " + base64.b64encode(b"alice:wrong").decode()},
    "bearer": {"Authorization": f"Bearer {TOKEN}"},
    "basic": {"Authorization": BASIC},
}
RIGHT = ("bearer", "basic")


def routes(app: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(method, concrete path) for every route, mounted apps included; path parameters get a dummy."""
    for route in app.routes:
        if isinstance(route, Mount):
            yield from routes(route.app, prefix + route.path)
        elif hasattr(route, "original_router"):  # FastAPI's included router (this app adds it unprefixed)
            yield from routes(route.original_router, prefix)
        elif isinstance(route, Route) or hasattr(route, "methods"):
            path = re.sub(r"\{[^}]+\}", "x", prefix + route.path) or "/"
            for method in sorted(getattr(route, "methods", None) or {"GET"}):
                if method not in ("HEAD", "OPTIONS"):
                    yield method, path
        elif hasattr(route, "path"):  # a bare ASGI endpoint (the MCP transport)
            yield "POST", prefix + route.path


class Running:
    """The app served by uvicorn in a thread on a loopback port, asked over real HTTP: a route that
    streams (server-sent events) is judged by its status line, read as soon as it arrives."""

    def __init__(self, app: Any) -> None:
        import threading

        import uvicorn

        from tests.conftest import free_port

        self.app = app
        self.url = f"http://127.0.0.1:{free_port()}"
        port = int(self.url.rsplit(":", 1)[1])
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(200):  # bounded: about 20 s
            if self.server.started:
                break
            time.sleep(0.1)
        assert self.server.started, "the server did not start"
        self.http = httpx.Client(base_url=self.url, timeout=30)

    def request(self, method: str, path: str, headers: dict[str, str]) -> tuple[int, str]:
        body = {} if method in ("POST", "PUT", "PATCH") else None
        # A connection of its own: a route that fails on the dummy parameters after the guard let
        # the request through closes its connection, and the next request must not inherit it.
        headers = {**headers, "Connection": "close"}
        try:
            with self.http.stream(method, path, headers=headers, json=body) as response:
                if response.headers.get("content-type", "").startswith("text/event-stream"):
                    return response.status_code, ""
                return response.status_code, response.read().decode("utf-8", "replace")
        except httpx.TransportError as exc:
            # A UI route that fails on the table's dummy parameters after the guard let it through.
            return 0, f"connection failed: {exc}"

    def stop(self) -> None:
        self.http.close()
        self.server.should_exit = True
        self.thread.join(timeout=20)


def _refused(status: int, body: str) -> bool:
    """Whether the guard refused the request (its refusals are JSON with an ``error`` it wrote)."""
    return status in (401, 403) and ("sign in first" in body or "uploads" in body)


@pytest.fixture(scope="module")
def protected(assistant: Assistant) -> Iterator[Running]:
    guarded = Assistant(assistant.settings, auto_ingest=False, api_token=TOKEN, protect_reads=True)
    running = Running(create_app(guarded, allow_upload=True, auth=LOGIN))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def open_server(assistant: Assistant) -> Iterator[Running]:
    running = Running(create_app(assistant))  # no token, no --auth, no --allow-upload
    yield running
    running.stop()


def test_the_table_covers_every_surface(protected: Running) -> None:
    paths = {path for _, path in routes(protected.app)}
    for expected in ("/v1/ask", "/v1/chat/completions", "/v1/articles/x", "/mcp", "/docs", "/openapi.json",
                     "/gradio_api/upload", "/gradio_api/queue/join", "/config", "/healthz"):  # fmt: skip
        assert expected in paths, f"{expected} is not among the app's routes"
    writes = {(method, path) for method, path in routes(protected.app) if is_write(method, path)}
    assert writes >= {("POST", "/v1/ingest"), ("DELETE", "/v1/articles/x"), ("POST", "/gradio_api/upload")}


def test_protected_server_refuses_every_route_without_the_right_credential(protected: Running) -> None:
    failures = []
    for method, path in sorted(set(routes(protected.app))):
        for name, headers in CREDENTIALS.items():
            status, body = protected.request(method, path, headers)
            if path == "/healthz":
                ok = status == 200 and (name in RIGHT or '"data_dir":null' in body.replace(" ", ""))
            elif name in RIGHT:
                # Past the guard: what the route itself says (a feature the UI has off, a dummy
                # parameter it does not know) is its own answer, never the guard's refusal.
                ok = not _refused(status, body)
            elif is_sign_in(path):
                # The sign-in page and its assets: reachable, but nothing of the corpus in them.
                ok = status in (200, 302, 307, 401, 404, 405, 422) and "Memphis" not in body
                ok = ok and (path != "/config" or status == 401)
            else:
                ok = status == 401 and "sign in" in json.loads(body)["error"]
            if not ok:
                failures.append(f"{method} {path} with {name}: {status} {body[:120]}")
    assert not failures, "\n".join(failures)


def test_open_server_reads_freely_but_refuses_uploads(open_server: Running) -> None:
    failures = []
    for method, path in sorted(set(routes(open_server.app))):
        for name, headers in CREDENTIALS.items():
            status, body = open_server.request(method, path, headers)
            ok = status == 403 if is_write(method, path) else not _refused(status, body)
            if not ok:
                failures.append(f"{method} {path} with {name}: {status}")
    assert not failures, "\n".join(failures)


def test_uploads_need_a_writer_even_when_reads_are_open(assistant: Assistant) -> None:
    writable = Assistant(assistant.settings, auto_ingest=False, api_token=TOKEN)
    with TestClient(create_app(writable, ui=False, allow_upload=True)) as client:
        files = {"files": ("a.txt", b"x", "text/plain")}
        assert client.post("/v1/ingest", files=files).status_code == 401
        assert client.post("/v1/ingest", files=files, headers=CREDENTIALS["wrong bearer"]).status_code == 401
        assert client.get("/v1/articles").status_code == 200  # reads stay open
        assert client.delete("/v1/articles/x").status_code == 401
        assert client.delete("/v1/articles/x", headers=CREDENTIALS["wrong bearer"]).status_code == 401
        missing = client.delete("/v1/articles/x", headers=CREDENTIALS["bearer"])
        assert missing.status_code == 404 and "no article with id 'x'" in missing.json()["error"]
    with TestClient(create_app(writable, ui=False, allow_upload=False)) as client:
        refused = client.post("/v1/ingest", files=files, headers=CREDENTIALS["bearer"])
        assert refused.status_code == 403 and "--allow-upload" in refused.json()["error"]
        kept = client.delete("/v1/articles/spacex-leases-colossus-1", headers=CREDENTIALS["bearer"])
        assert kept.status_code == 403 and "--allow-upload" in kept.json()["error"]
        assert client.get("/v1/articles/spacex-leases-colossus-1").status_code == 200


def test_protected_mcp_needs_the_credential_too(protected: Running) -> None:
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                             "clientInfo": {"name": "t", "version": "1"}}}  # fmt: skip
    accept = {"Accept": "application/json, text/event-stream"}
    assert protected.http.post("/mcp", json=initialize, headers=accept).status_code == 401
    ok = protected.http.post("/mcp", json=initialize, headers={**accept, **CREDENTIALS["bearer"]})
    assert ok.status_code == 200, ok.text


def test_cors_is_only_what_is_configured(open_server: Running, assistant: Assistant) -> None:
    for path in ("/v1/articles", "/config", "/gradio_api/info"):
        response = open_server.http.get(path, headers={"Origin": "http://localhost:3000"})
        assert not any(k.lower().startswith("access-control-") for k in response.headers), (path, response.headers)
    configured = Assistant(assistant.settings, auto_ingest=False, cors_origins=["https://app.example"])
    with TestClient(create_app(configured, ui=False)) as client:
        allowed = client.get("/v1/articles", headers={"Origin": "https://app.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        assert "access-control-allow-credentials" not in allowed.headers
        other = client.get("/v1/articles", headers={"Origin": "http://localhost:3000"})
        assert "access-control-allow-origin" not in other.headers


def test_cors_preflight_is_only_what_is_documented(open_server: Running, assistant: Assistant) -> None:
    asking = {"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"}
    unlisted = open_server.http.options("/v1/ask", headers=asking)
    assert not any(k.lower().startswith("access-control-") for k in unlisted.headers)
    configured = Assistant(assistant.settings, auto_ingest=False, cors_origins=["https://app.example"])
    with TestClient(create_app(configured, ui=False)) as client:
        listed = client.options("/v1/ask", headers={**asking, "Origin": "https://app.example"})
        assert listed.status_code == 200 and listed.headers["access-control-allow-origin"] == "https://app.example"
        methods = set(listed.headers["access-control-allow-methods"].replace(" ", "").split(","))
        assert methods == {"GET", "POST", "DELETE"}
        assert "access-control-allow-credentials" not in listed.headers
        putting = {"Origin": "https://app.example", "Access-Control-Request-Method": "PUT"}
        assert client.options("/v1/ask", headers=putting).status_code == 400
        other = client.options("/v1/ask", headers=asking)
        assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
