"""The REST and OpenAI-compatible routes: each translates HTTP to one :class:`Assistant` call and back.

Access, body size and CORS are not decided here but in :mod:`dealqa.guard`, in front of every route.
Answers are CPU-bound, so they run on the assistant's answer threads (:meth:`Assistant.off_loop`,
as many as the machine has cores, shared with MCP), which keeps the event loop (health checks, the
UI, MCP) free while every core answers.

No ``from __future__ import annotations`` here: FastAPI reads the annotations at run time.
"""

from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from .assistant import Assistant
from .errors import InputError
from .streaming import MODEL_ID, chunks, completion
from .types import Citation, hit_to_dict

Question = Annotated[str, Field(min_length=1, max_length=2000, pattern=r"\S")]
Turn = Annotated[str, Field(max_length=2000)]
# The filters' values are checked by the Assistant, whose message says what to change.
Since = Annotated[str | None, Field(None, max_length=100, description="Only articles published on or after it.")]
Until = Annotated[str | None, Field(None, max_length=100, description="Only articles published on or before it.")]
Outlet = Annotated[str | None, Field(None, max_length=200, description="Only articles from this outlet.")]


# -- models --------------------------------------------------------------------------------------
class ChatTurn(BaseModel):
    role: Literal["user", "assistant", "system", "developer", "tool"]
    content: str | list[dict[str, Any]] | None = Field(None, description="Text, or OpenAI content parts.")


class AskRequest(BaseModel):
    question: Question
    history: list[Turn] = Field(default_factory=list, max_length=20, description="Earlier user questions.")
    article_id: str | None = Field(None, max_length=200)
    since: Since = None
    until: Until = None
    outlet: Outlet = None


class AnswerOut(BaseModel):
    question: str
    text: str
    short: str = Field("", description="The direct answer the text leads with; empty when it leads with a quote.")
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
    found_by: dict[str, int] = Field(default_factory=dict, description="Each ranker that found it, with its rank.")
    published: str = Field("", description="Its article's publication date (ISO), when known.")
    outlet: str = ""
    author: str = ""
    url: str = ""


class SearchOut(BaseModel):
    hits: list[HitOut]


class ArticleSummary(BaseModel):
    id: str
    title: str
    outlet: str
    published: str = Field(description="ISO date, or empty when unknown.")
    author: str
    url: str
    source: str = Field(description="The URL, or the file relative to the corpus or data folder (never a server path).")
    chunks: int = Field(description="0 for a copy merged into another article's story.")
    copy_of: str = Field(description="The story a copy was merged into; empty for a story.")


class ArticleOut(BaseModel):
    id: str
    title: str
    source: str
    text: str


class IngestOut(BaseModel):
    added: list[str]
    updated: list[str]
    unchanged: list[str]
    merged: list[str] = Field(description="Copies of a stored story, recorded as its sources.")
    deleted: list[str]
    skipped: list[dict[str, str]] = Field(description="Each file or URL not ingested, with the reason.")
    notes: list[str]
    chunks: int
    seconds: float


class Health(BaseModel):
    status: str = Field(description="ok, or incomplete when the last ingest did not finish.")
    articles: int
    chunks: int
    data_dir: str | None = Field(None, description="Absolute; hidden without a credential when reads are protected.")
    data_dir_exists: bool
    corpus_dir: str | None = Field(None, description="Ingested on first use of an empty store; hidden like data_dir.")
    corpus_dir_exists: bool
    notice: str | None = Field(None, description="What to do when the store has no articles or is incomplete.")


class ChatRequest(BaseModel):
    model: str = Field(MODEL_ID, max_length=200)
    messages: list[ChatTurn] = Field(min_length=1, max_length=50)
    stream: bool = False


def _content(message: ChatTurn) -> str:
    if isinstance(message.content, list):
        return " ".join(str(part.get("text", "")) for part in message.content if part.get("type") == "text")
    return message.content or ""


# -- routes --------------------------------------------------------------------------------------
def router(assistant: Assistant, *, shows_paths: Callable[[str | None], bool]) -> APIRouter:
    """The routes; ``shows_paths(authorization)`` tells whether ``/healthz`` may show server paths."""
    routes = APIRouter()
    answering = assistant.off_loop

    @routes.get("/healthz")
    def healthz(request: Request) -> Health:
        health = assistant.health()
        shown = shows_paths(request.headers.get("authorization"))
        return Health(
            status=health["status"],
            articles=health["articles"],
            chunks=health["chunks"],
            data_dir=health["data_dir"] if shown else None,
            data_dir_exists=health["data_dir_exists"],
            corpus_dir=health["corpus_dir"] if shown else None,
            corpus_dir_exists=health["corpus_dir_exists"],
            # Hidden like the paths when reads are protected, but for an unfinished ingest (which names none).
            notice=health["notice"] if shown or health["status"] != "ok" else None,
        )

    @routes.post("/v1/ask")
    async def ask(request: AskRequest) -> AnswerOut:
        # Shaped on the answer thread too: the event loop only sends it.
        return await answering(
            lambda: AnswerOut.model_validate(
                assistant.ask(
                    request.question,
                    request.history,
                    article_id=request.article_id,
                    since=request.since,
                    until=request.until,
                    outlet=request.outlet,
                ).to_dict()
            )
        )

    @routes.get("/v1/search")
    async def search(
        q: Annotated[str, Query(min_length=1, max_length=2000)],
        k: Annotated[int, Query(ge=1, le=50)] = 5,
        article: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=100, description="On or after this date.")] = None,
        until: Annotated[str | None, Query(max_length=100, description="On or before this date.")] = None,
        outlet: Annotated[str | None, Query(max_length=200, description="Only this outlet.")] = None,
    ) -> SearchOut:
        hits = await answering(
            lambda: assistant.search(q, k, article_id=article, since=since, until=until, outlet=outlet)
        )
        return SearchOut(hits=[HitOut(**hit_to_dict(h)) for h in hits])

    @routes.get("/v1/articles")
    def articles() -> list[ArticleSummary]:
        return [ArticleSummary.model_validate(asdict(a)) for a in assistant.catalogue()]

    @routes.delete("/v1/articles/{article_id}", responses={401: {}, 403: {}, 404: {"description": "No such article"}})
    def delete_article(article_id: Annotated[str, PathParam(max_length=200)]) -> IngestOut:
        return _report(assistant, assistant.remove_article(article_id))

    @routes.get("/v1/articles/{article_id}", responses={404: {"description": "No such article"}})
    def article(article_id: Annotated[str, PathParam(max_length=200)]) -> ArticleOut:
        found = assistant.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return ArticleOut(id=found.id, title=found.title, source=assistant.shown_source(found.source), text=found.text)

    @routes.post("/v1/ingest", responses={401: {}, 403: {}})
    def ingest(
        files: Annotated[list[UploadFile], File(description=f"Articles: {assistant.uploads.label}")] = [],  # noqa: B006
        urls: Annotated[list[str], Form(description="Pages to fetch (http or https), one per field.")] = [],  # noqa: B006
        feeds: Annotated[list[str], Form(description="RSS or Atom feeds: every item's link.")] = [],  # noqa: B006
    ) -> IngestOut:
        uploads = [(f.filename or "upload", f.file) for f in files]
        return _report(assistant, assistant.ingest_uploads(uploads, urls=urls, feeds=feeds))

    @routes.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "dealqa"}]}

    @routes.post("/v1/chat/completions", response_model=None)
    async def chat_completions(request: ChatRequest) -> dict[str, Any] | StreamingResponse:
        users = [_content(m) for m in request.messages if m.role == "user"]
        if not users or not users[-1].strip():
            raise InputError("the last message must be a user message with a question")
        question, history = users[-1], users[:-1]
        if request.stream:
            # Checked before the first byte: a bad question or an empty store gets its own status.
            await answering(lambda: assistant.check(question, history))
            return StreamingResponse(chunks(assistant, question, history), media_type="text/event-stream")
        return completion(await answering(lambda: assistant.ask(question, history)))

    return routes


def _report(assistant: Assistant, report: Any) -> IngestOut:
    """An ingest report as a client may see it: a file by its name, a URL as given, no server path."""
    return IngestOut(
        added=report.added,
        updated=report.updated,
        unchanged=report.unchanged,
        merged=[m.article_id for m in report.merged],
        deleted=report.deleted,
        skipped=[
            {"path": assistant.shown_source(s.path), "reason": assistant.redact(s.reason)} for s in report.skipped
        ],
        notes=[assistant.redact(n) for n in report.notes],
        chunks=report.chunks,
        seconds=report.seconds,
    )
