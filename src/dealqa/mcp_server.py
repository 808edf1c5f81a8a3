"""The MCP server: ask, search and list_articles as tools, the articles as resources."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .errors import DealQAError
from .types import hit_to_dict

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from .assistant import Assistant

log = logging.getLogger(__name__)
# The limits are advertised in the schema and checked by the assistant, whose messages say what to
# change (the SDK's own would quote the input and a validation library's help page).
Question = Annotated[
    str,
    Field(
        description="The question, in plain words (not blank).",
        json_schema_extra={"minLength": 1, "maxLength": 2000, "pattern": r"\S"},
    ),
]
History = Annotated[
    list[str] | None,
    Field(max_length=20, description="Earlier user questions of the conversation, oldest first (for follow-ups)."),
]
Since = Annotated[
    str | None, Field(max_length=100, description="Only articles published on or after this date (2026-05-06).")
]
Until = Annotated[
    str | None, Field(max_length=100, description="Only articles published on or before this date (2026-05-06).")
]
Outlet = Annotated[
    str | None, Field(max_length=200, description="Only articles from this outlet (list_articles shows them).")
]


@contextmanager
def _told(error: type[Exception]) -> Iterator[None]:
    """A user-facing error (an empty store, a bad argument) as the SDK's anticipated error, whose
    text reaches the client; the SDK hides any other exception's text and keeps serving."""
    try:
        yield
    except DealQAError as exc:
        log.info("MCP call refused: %s", exc)  # the user's mistake or the store's state: one line
        raise error(str(exc)) from None


def build_mcp(assistant: Assistant) -> MCPServer[Any]:
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceError, ToolError

    server: MCPServer[Any] = MCPServer(
        name="dealqa",
        instructions=(
            f"Answers questions from a corpus of articles. {assistant.card().description} Answers "
            "quote the articles exactly and cite them; when the articles do not say, the answer says so."
        ),
    )

    # The SDK calls a plain function on its event loop: the tools that answer are coroutines that
    # run the work on the assistant's answer threads, so one MCP question never stalls the server.
    @server.tool()
    async def ask(
        question: Question, history: History = None, since: Since = None, until: Until = None, outlet: Outlet = None
    ) -> dict[str, Any]:
        """Answer a question from the article corpus (list_articles shows what it covers); since,
        until and outlet limit which articles are read.

        Returns the answer text with [n] markers, whether it abstained, and the citations: article id,
        title, the exact quote and its character span in the article, and the article's outlet,
        publication date, author and URL.
        """
        with _told(ToolError):
            return await assistant.off_loop(
                lambda: assistant.ask(question, history or [], since=since, until=until, outlet=outlet).to_dict()
            )

    @server.tool()
    async def search(
        query: Question,
        k: Annotated[int, Field(ge=1, le=20, description="How many passages.")] = 5,
        article: Annotated[str | None, Field(max_length=200, description="Only this article id.")] = None,
        since: Since = None,
        until: Until = None,
        outlet: Outlet = None,
    ) -> dict[str, Any]:
        """Find the passages of the corpus most relevant to a query (hybrid dense + BM25 search)."""
        with _told(ToolError):
            hits = await assistant.off_loop(
                lambda: assistant.search(query, k, article_id=article, since=since, until=until, outlet=outlet)
            )
            return {"hits": [hit_to_dict(h) for h in hits]}

    @server.tool()
    def list_articles() -> dict[str, Any]:
        """List the articles in the corpus, newest first: id, title, outlet, publication date, author,
        URL or file, chunk count, and the story a merged copy belongs to (and, with none, how to add some)."""
        with _told(ToolError):
            listed: dict[str, Any] = {"articles": [asdict(a) for a in assistant.catalogue()]}
            if not listed["articles"]:
                listed["notice"] = assistant.empty_store_message()
            return listed

    @server.resource("dealqa://articles/{article_id}", mime_type="text/plain", description="An article's full text.")
    def article(article_id: str) -> str:
        found = assistant.article(article_id)
        if found is None:
            with _told(ResourceError):
                assistant.require_articles()  # with no articles at all, say that instead
            raise ResourceError(f"no article with id {article_id!r}")
        return f"# {found.title}\n\n{found.text}"

    return server
