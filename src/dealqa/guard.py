"""One ASGI middleware in front of everything the server mounts (REST, OpenAI, MCP, the chat UI and
its API, upload and asset routes, the docs): access, body size and CORS are decided here, once.

- Access (:class:`~dealqa.access.Access`): on a protected server every route but ``/healthz`` needs
  the bearer token, HTTP Basic with the ``--auth`` pair, or a signed-in chat session; the UI's
  sign-in page and its assets stay reachable so a person can sign in. Uploads need a writer always.
- Body size: bytes are counted as they arrive (``Content-Length`` or chunked), so a body past the
  limit is answered 413 without being held in memory, and never echoed back.
- CORS: the mounted UI adds its own CORS headers (any ``localhost`` origin, with credentials); they
  are dropped here, so only ``DEALQA_CORS_ORIGINS`` (the outer CORS middleware) grants any.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Protocol

from .access import Access

log = logging.getLogger(__name__)
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

OPEN = frozenset({"/healthz"})
UI_UPLOAD = "/gradio_api/upload"
UPLOADS = frozenset({"/v1/ingest", UI_UPLOAD})
# Deleting an article changes the corpus as an upload does, under the same rules.
DELETES = ("/v1/articles/",)
# What a browser needs to show the UI's sign-in page and sign in; the UI itself refuses the rest
# of its config to a visitor who has not signed in, and no article text is served from these.
SIGN_IN = frozenset(
    {"/", "/login", "/logout", "/config", "/theme.css", "/favicon.ico", "/manifest.json", "/robots.txt", "/pwa_icon"}
)
SIGN_IN_PREFIXES = ("/assets/", "/static/", "/svelte/", "/login/", "/gradio_api/theme.css")


def is_sign_in(path: str) -> bool:
    return path in SIGN_IN or path.rstrip("/") in SIGN_IN or path.startswith(SIGN_IN_PREFIXES)


def is_write(method: str, path: str) -> bool:
    """Whether a request changes the corpus (an upload, an ingest, a deletion)."""
    normal = path.rstrip("/") or "/"
    return normal in UPLOADS or (method.upper() == "DELETE" and normal.startswith(DELETES))


class Sessions(Protocol):
    """The chat UI's own sign-in sessions, as the guard needs them."""

    def signed_in(self, cookie_header: str) -> bool: ...

    def admit(self, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """The request's headers with a session the UI accepts (for an API client whose bearer or
        Basic credential the guard has checked: the UI knows only its own sessions)."""
        ...


class Guard:
    """The middleware; ``sessions`` are the chat UI's sign-in sessions (a signed-in browser is authorized).

    Example:
        >>> app.add_middleware(Guard, access=Access(token="t"), json_limit=256_000, upload_limit=40_000_000)
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        access: Access,
        json_limit: int,
        upload_limit: int,
        sessions: Sessions | None = None,
    ) -> None:
        self.app = app
        self.access = access
        self.json_limit = json_limit
        self.upload_limit = upload_limit
        self.sessions = sessions

    def authorized(self, headers: dict[str, str]) -> bool:
        if self.access.valid(headers.get("authorization")):
            return True
        cookie = headers.get("cookie")
        return bool(cookie and self.sessions and self.sessions.signed_in(cookie))

    def refusal(self, path: str, headers: dict[str, str], method: str = "GET") -> tuple[int, str] | None:
        """(status, what to do) when the request may not go on; None when it may."""
        normal = path.rstrip("/") or "/"
        if normal in OPEN:
            return None
        if is_write(method, path):
            if not self.access.allow_upload:
                return 403, (
                    "uploads and deletions are off: start the server with --allow-upload "
                    "(and --auth or DEALQA_API_TOKEN)"
                )
            if not self.access.writable:
                return 403, (
                    "uploads and deletions need a credential: "
                    "set --auth USER:PASSWORD or DEALQA_API_TOKEN on the server"
                )
            if not self.authorized(headers):
                return 401, self._how_to_sign_in()
            return None
        if self.access.protected and not is_sign_in(path) and not self.authorized(headers):
            return 401, self._how_to_sign_in()
        return None

    def _how_to_sign_in(self) -> str:
        ways = (["Authorization: Bearer <DEALQA_API_TOKEN>"] if self.access.token else []) + (
            ["HTTP Basic with the --auth user and password"] if self.access.login else []
        )
        return "sign in first: send " + " or ".join(ways or ["a credential"]) + " (the chat UI has a sign-in page)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers: dict[str, str] = {}
        for key, value in scope.get("headers", []):
            name = key.decode("latin-1").lower()
            # Repeated Authorization or Content-Length headers are ambiguous: keep the first.
            headers.setdefault(name, value.decode("latin-1"))
        refused = self.refusal(scope["path"], headers, scope.get("method", "GET"))
        if not refused and self.sessions and self.access.protected and self.access.valid(headers.get("authorization")):
            scope["headers"] = self.sessions.admit(list(scope.get("headers", [])))
        if scope["type"] == "websocket":
            if refused:
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        if refused:
            status, message = refused
            extra = [(b"www-authenticate", self.access.challenge().encode())] if status == 401 else []
            await _json(send, status, message, extra)
            await _drain(receive)  # a body left unread resets the connection before the client reads why
            return
        await self._limited(scope, receive, send, headers)

    async def _limited(self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]) -> None:
        limit = self.upload_limit if scope["path"].rstrip("/") in UPLOADS else self.json_limit
        too_large = f"the request body is over the {limit:,}-byte limit for {scope['path']}; send less"
        declared = headers.get("content-length", "")
        if declared and (not declared.isdigit() or int(declared) > limit):
            await _json(
                send, 413 if declared.isdigit() else 400, too_large if declared.isdigit() else "bad Content-Length"
            )
            await _drain(receive)
            return
        received = 0
        refused = started = False

        async def counted() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await _json(send, 413, too_large)
                    if message.get("more_body"):
                        await _drain(receive)  # read and drop the rest, so the client reads the 413
                    return {"type": "http.disconnect"}
            return message

        async def sent(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the app answers a body it never fully got: the 413 went out instead
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [
                    (k, v) for k, v in message.get("headers", []) if not k.lower().startswith(b"access-control-")
                ]
            await send(message)

        try:
            await self.app(scope, counted, sent)
        except Exception:
            if not refused:
                raise


async def _json(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drain(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body"):
            return
