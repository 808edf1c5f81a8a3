"""One HTTP server: the REST and OpenAI-compatible routes, MCP over HTTP and the chat UI, behind one guard.

This module only assembles: the routes are in :mod:`dealqa.routes`, the streaming in
:mod:`dealqa.streaming`, access, body size and CORS in :mod:`dealqa.guard`, every policy in
:class:`~dealqa.assistant.Assistant`.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import cookie_parser
from starlette.routing import Mount

from .access import Access
from .assistant import Assistant
from .errors import BusyError, DealQAError, EmptyStoreError, InputError, NotFoundError, StoreError
from .guard import Guard
from .routes import router
from .streaming import MODEL_ID, with_sources

__all__ = ["MODEL_ID", "create_app", "with_sources"]
log = logging.getLogger(__name__)
_MAX_JSON_BYTES = 256_000
# What to change, for the validation errors whose own message does not say it.
_HINTS = {
    "string_unicode": "holds an unpaired surrogate (such as \\ud800), which is not text; send valid Unicode (UTF-8)",
    "string_pattern_mismatch": "must contain a non-space character",
    "missing": "is required",
    "json_invalid": "the body is not valid JSON",
    "model_attributes_type": "must be a JSON object",
}


def create_app(
    assistant: Assistant,
    *,
    ui: bool = True,
    allow_upload: bool = False,
    auth: tuple[str, str] | None = None,
    host: str = "127.0.0.1",
) -> FastAPI:
    """The whole server; ``dealqa serve`` runs it with uvicorn.

    Example:
        >>> app = create_app(Assistant(), ui=False)
        >>> TestClient(app).get("/healthz").json()["status"]
        'ok'
    """
    settings = assistant.settings
    access = Access(
        token=settings.api_token, login=auth, protect_reads=settings.protect_reads, allow_upload=allow_upload
    )
    mcp = _optional_mcp(assistant)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if mcp is None:
            yield
            return
        async with mcp.session_manager.run():
            yield

    app = FastAPI(
        title="dealqa",
        version="0.1.0",
        lifespan=lifespan,
        description=f"Cited answers from the articles in the store. {assistant.card().description}",
        responses={
            400: {"description": "Malformed request body"},
            401: {"description": "A credential is required (protected server) or was wrong"},
            404: {"description": "No such article"},
            409: {"description": "The store has no articles yet (the message says how to add some)"},
            413: {"description": "Request body too large"},
            422: {"description": "A field to change; the message names it"},
            503: {"description": "The store is unavailable or its last ingest did not finish"},
        },
    )
    app.state.access = access  # what `dealqa serve` reports as on or off
    app.include_router(router(assistant, shows_paths=lambda given: not access.protected or access.valid(given)))
    _error_handlers(app, assistant, access)

    if mcp is not None:
        # The MCP endpoint's own route, added before the UI takes every other path. On loopback the SDK
        # also turns on its DNS-rebinding protection.
        mcp_app = mcp.streamable_http_app(streamable_http_path="/mcp", host=host)
        app.router.routes.extend(mcp_app.routes)
    if ui:
        import gradio as gr

        from .web import CSS, build_ui

        gr.mount_gradio_app(
            app,
            build_ui(assistant, allow_changes=access.ui_changes),
            path="/",
            # The UI's sign-in: the --auth pair, or the token as password when only reads are protected.
            auth=access.check_login if access.ui_login else None,
            css=CSS,
            max_file_size=assistant.uploads.max_file_bytes,
            footer_links=[],
        )
    app.add_middleware(
        Guard,
        access=access,
        json_limit=_MAX_JSON_BYTES,
        upload_limit=assistant.uploads.max_request_bytes,
        sessions=_UiSessions(app),
    )
    if settings.cors_origins:  # outside the guard: a preflight carries no credential
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app


def _error_handlers(app: FastAPI, assistant: Assistant, access: Access) -> None:
    @app.exception_handler(DealQAError)
    async def user_error(request: Request, exc: DealQAError) -> JSONResponse:
        status = 422 if isinstance(exc, InputError) else 409 if isinstance(exc, (BusyError, EmptyStoreError)) else 503
        status = 404 if isinstance(exc, NotFoundError) else 503 if isinstance(exc, StoreError) else status
        # A store failure names no server path; the empty-store advice names the data folder (as
        # /healthz does) unless the server is protected.
        message = assistant.redact(str(exc)) if status == 503 or access.protected else str(exc)
        log.info("%s %s: %d %s", request.method, request.url.path, status, message)  # a user's mistake: one line
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # The message names each field and what to change; the input is never echoed back.
        problems = []
        for error in exc.errors()[:20]:
            where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
            problems.append(f"{where or 'body'}: {_HINTS.get(error.get('type', ''), error.get('msg', 'invalid'))}")
        message = "; ".join(problems)
        log.info("%s %s: 422 %s", request.method, request.url.path, message)
        return JSONResponse({"error": message, "detail": problems}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail), "detail": exc.detail},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"error": "internal error; the server log has the details"}, status_code=500)


class _UiSessions:
    """The chat UI's sign-in sessions (the UI keeps its own, in a cookie named per app)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.token = secrets.token_urlsafe(32)

    def _ui(self) -> Any:
        return next((r.app for r in self.app.routes if isinstance(r, Mount) and hasattr(r.app, "tokens")), None)

    def signed_in(self, cookie_header: str) -> bool:
        ui = self._ui()
        if ui is None or not ui.tokens:
            return False
        cookies = cookie_parser(cookie_header)
        names = (f"access-token-{ui.cookie_id}", f"access-token-unsecure-{ui.cookie_id}")
        return any(cookies[name] in ui.tokens for name in names if cookies.get(name))

    def admit(self, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        ui = self._ui()
        if ui is None:
            return headers
        ui.tokens[self.token] = "api"
        cookie = f"access-token-{ui.cookie_id}={self.token}".encode()
        return [(k, v) for k, v in headers if k.lower() != b"cookie"] + [(b"cookie", cookie)]


def _optional_mcp(assistant: Assistant) -> Any:
    try:
        from .mcp_server import build_mcp

        return build_mcp(assistant)
    except ImportError:
        from .errors import install_command

        log.warning("the mcp package is not installed: /mcp is off (%s)", install_command("mcp"))
        return None
