"""One HTTP server: REST API, OpenAI-compatible chat completions, MCP over HTTP and the chat UI.

No ``from __future__ import annotations`` here: FastAPI reads the annotations at run time.
"""

import json
import logging
import secrets
import shutil
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from .assistant import Assistant
from .corpus import SUPPORTED, slugify
from .errors import BusyError, DealQAError, EmptyStoreError, InputError, StoreError
from .types import Answer, Citation, hit_to_dict

log = logging.getLogger(__name__)
MODEL_ID = "dealqa"
_MAX_JSON_BYTES = 256_000


# -- models --------------------------------------------------------------------------------------
class ChatTurn(BaseModel):
    role: Literal["user", "assistant", "system", "developer", "tool"]
    content: str | list[dict[str, Any]] | None = None


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000, pattern=r"\S")
    history: list[str] = Field(default_factory=list, max_length=20, description="Earlier user questions.")
    article_id: str | None = Field(None, max_length=200)


class AnswerOut(BaseModel):
    question: str
    text: str
    abstained: bool
    answerer: str
    fallback: bool
    citations: list[Citation]
    removed_claims: list[str]
    draft_sentences: int
    timings_ms: dict[str, float]


class HitOut(BaseModel):
    chunk_id: str
    article_id: str
    title: str
    section: str
    start: int
    end: int
    text: str
    score: float
    dense_rank: int
    bm25_rank: int
    sentence_rank: int
    answer_rank: int


class SearchOut(BaseModel):
    hits: list[HitOut]


class ArticleSummary(BaseModel):
    id: str
    title: str
    source: str
    chunks: int


class ArticleOut(BaseModel):
    id: str
    title: str
    source: str
    text: str


class IngestOut(BaseModel):
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    skipped: list[dict[str, str]]
    chunks: int
    seconds: float


class Health(BaseModel):
    status: str
    articles: int
    chunks: int
    data_dir: str | None = Field(None, description="Absolute; hidden without the token when reads are protected.")
    data_dir_exists: bool
    corpus_dir: str | None = Field(None, description="Ingested on first use of an empty store; hidden like data_dir.")
    corpus_dir_exists: bool
    notice: str | None = Field(None, description="What to do when the store has no articles.")


class ChatRequest(BaseModel):
    model: str = MODEL_ID
    messages: list[ChatTurn] = Field(min_length=1, max_length=50)
    stream: bool = False


# -- app -----------------------------------------------------------------------------------------
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
        description="Cited answers about the Colossus 1 deal corpus.",
        responses={
            400: {"description": "Malformed request body"},
            409: {"description": "The store has no articles yet (the message says how to add some)"},
            413: {"description": "Request body too large"},
            503: {"description": "The store is unavailable"},
        },
    )
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"])
    bearer = HTTPBearer(auto_error=False)

    def token_ok(credentials: HTTPAuthorizationCredentials | None) -> bool:
        return bool(
            settings.api_token
            and credentials
            and secrets.compare_digest(credentials.credentials.encode(), settings.api_token.encode())
        )

    def require_write(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if not settings.api_token:
            raise HTTPException(403, "writes are disabled: set DEALQA_API_TOKEN on the server to enable them")
        if not token_ok(credentials):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    def require_read(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if settings.protect_reads and not token_ok(credentials):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    # Only a protected read shows (and needs) the bearer scheme in the OpenAPI spec.
    reader = [Depends(require_read)] if settings.protect_reads else []

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length")
        limit = settings.max_file_bytes * 4 if request.url.path == "/v1/ingest" else _MAX_JSON_BYTES
        if request.url.path.startswith("/v1/") and length and length.isdigit() and int(length) > limit:
            return JSONResponse({"error": f"request body over the {limit:,}-byte limit"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(DealQAError)
    async def user_error(_: Request, exc: DealQAError) -> JSONResponse:
        status = 422 if isinstance(exc, InputError) else 409 if isinstance(exc, (BusyError, EmptyStoreError)) else 503
        status = 503 if isinstance(exc, StoreError) else status
        return JSONResponse({"error": str(exc)}, status_code=status)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"error": "internal error; the server log has the details"}, status_code=500)

    @app.get("/healthz")
    def healthz(request: Request) -> Health:
        stats = assistant.stats()
        # Read by hand, not through Depends(bearer): the spec shows a bearer scheme only on protected reads.
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        given = HTTPAuthorizationCredentials(scheme=scheme, credentials=token) if scheme.lower() == "bearer" else None
        shown = not settings.protect_reads or token_ok(given)
        return Health(
            status="ok",
            articles=stats["articles"],
            chunks=stats["chunks"],
            data_dir=stats["data_dir"] if shown else None,
            data_dir_exists=stats["data_dir_exists"],
            corpus_dir=stats["corpus_dir"] if shown else None,
            corpus_dir_exists=stats["corpus_dir_exists"],
            notice=assistant.empty_store_message() if shown else None,
        )

    @app.post("/v1/ask", dependencies=reader)
    def ask(request: AskRequest) -> AnswerOut:
        return AnswerOut.model_validate(
            assistant.ask(request.question, request.history, article_id=request.article_id).to_dict()
        )

    @app.get("/v1/search", dependencies=reader)
    def search(
        q: Annotated[str, Query(min_length=1, max_length=2000)],
        k: Annotated[int, Query(ge=1, le=50)] = 5,
        article: Annotated[str | None, Query(max_length=200)] = None,
    ) -> SearchOut:
        return SearchOut(hits=[HitOut(**hit_to_dict(h)) for h in assistant.search(q, k, article_id=article)])

    @app.get("/v1/articles", dependencies=reader)
    def articles() -> list[ArticleSummary]:
        return [ArticleSummary(id=r.id, title=r.title, source=r.source, chunks=r.chunks) for r in assistant.articles()]

    @app.get("/v1/articles/{article_id}", dependencies=reader, responses={404: {"description": "No such article"}})
    def article(article_id: Annotated[str, PathParam(max_length=200)]) -> ArticleOut:
        found = assistant.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return ArticleOut(id=found.id, title=found.title, source=found.source, text=found.text)

    @app.post("/v1/ingest", dependencies=[Depends(require_write)], responses={401: {}, 403: {}})
    def ingest(files: Annotated[list[UploadFile], File(description="md, txt, html or pdf articles")]) -> IngestOut:
        uploads = settings.data_dir / "uploads"
        uploads.mkdir(parents=True, exist_ok=True)
        saved, rejected = [], []
        with tempfile.TemporaryDirectory(dir=settings.data_dir) as staging:
            for upload in files:
                name = Path(upload.filename or "upload").name
                suffix = Path(name).suffix.lower()
                if suffix not in SUPPORTED:
                    rejected.append({"path": name, "reason": f"unsupported file type {suffix or '(none)'!r}"})
                    continue
                target = Path(staging) / f"{slugify(Path(name).stem)}{suffix}"  # no path parts, no odd characters
                with target.open("wb") as out:
                    shutil.copyfileobj(upload.file, out)
                saved.append(target)
            kept = []
            for path in saved:
                final = uploads / path.name
                shutil.move(path, final)
                kept.append(final)
            report = assistant.ingest(kept) if kept else None
        skipped = rejected + [
            {"path": Path(s.path).name, "reason": s.reason} for s in (report.skipped if report else [])
        ]
        return IngestOut(
            added=report.added if report else [],
            updated=report.updated if report else [],
            unchanged=report.unchanged if report else [],
            skipped=skipped,
            chunks=report.chunks if report else 0,
            seconds=report.seconds if report else 0.0,
        )

    @app.get("/v1/models", dependencies=reader)
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "dealqa"}]}

    @app.post("/v1/chat/completions", dependencies=reader, response_model=None)
    def chat_completions(request: ChatRequest) -> dict[str, Any] | StreamingResponse:
        users = [_content(m) for m in request.messages if m.role == "user"]
        if not users or not users[-1].strip():
            raise InputError("the last message must be a user message with a question")
        if request.stream:
            assistant.require_articles()  # a 409 like the rest, not an error inside a 200 stream
            return StreamingResponse(_stream(assistant, users[-1], users[:-1]), media_type="text/event-stream")
        answer = assistant.ask(users[-1], users[:-1])
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": MODEL_ID,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": with_sources(answer)}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "citations": answer.to_dict()["citations"],
            "abstained": answer.abstained,
        }

    if mcp is not None:
        # The MCP endpoint's own route, added before the UI takes every other path. On loopback the SDK
        # also turns on its DNS-rebinding protection.
        mcp_app = mcp.streamable_http_app(streamable_http_path="/mcp", host=host)
        app.router.routes.extend(mcp_app.routes)
    if ui:
        import gradio as gr

        from .web import _CSS, build_ui

        gr.mount_gradio_app(
            app,
            build_ui(assistant, allow_upload=allow_upload),
            path="/",
            auth=auth,
            css=_CSS,
            max_file_size=settings.max_file_bytes,
            footer_links=[],
        )
    return app


def _optional_mcp(assistant: Assistant) -> Any:
    try:
        from .mcp_server import build_mcp

        return build_mcp(assistant)
    except ImportError:
        from .errors import install_command

        log.warning("the mcp package is not installed: /mcp is off (%s)", install_command("mcp"))
        return None


def _content(message: ChatTurn) -> str:
    if isinstance(message.content, list):
        return " ".join(str(part.get("text", "")) for part in message.content if part.get("type") == "text")
    return message.content or ""


def with_sources(answer: Answer) -> str:
    """The answer text followed by a plain sources list, for chat UIs that show only text."""
    if not answer.citations:
        return answer.text
    lines = [f"[{c.n}] {c.title} ({c.article_id}): “{c.quote}”" for c in answer.citations]
    return answer.text + "\n\nSources:\n" + "\n".join(lines)


def _stream(assistant: Assistant, question: str, history: list[str]) -> Iterator[str]:
    ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    def event(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        chunk = {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL_ID,
            "choices": [choice],
            **extra,
        }
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    try:
        for item in assistant.stream(question, history):
            if isinstance(item, Answer):
                sources = with_sources(item)[len(item.text) :]
                if sources:
                    yield event({"content": sources})
                yield event({}, "stop", citations=item.to_dict()["citations"], abstained=item.abstained)
            else:
                yield event({"content": item})
    except DealQAError as exc:
        yield event({"content": f"Error: {exc}"}, "stop")
    except Exception:
        log.exception("streaming an answer failed")
        yield event({"content": "Error: internal error; the server log has the details."}, "stop")
    yield "data: [DONE]\n\n"
