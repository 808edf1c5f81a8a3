"""The MCP server: ask, search and list_articles as tools, the articles as resources."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .errors import DealQAError
from .types import hit_to_dict

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer

    from .assistant import Assistant

log = logging.getLogger(__name__)
Question = Annotated[
    str, Field(min_length=1, max_length=2000, pattern=r"\S", description="The question, in plain words (not blank).")
]
History = Annotated[
    list[str] | None,
    Field(max_length=20, description="Earlier user questions of the conversation, oldest first (for follow-ups)."),
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
            f"Answers questions from a corpus of articles. {assistant.settings.corpus_description} Answers "
            "quote the articles exactly and cite them; when the articles do not say, the answer says so."
        ),
    )

    @server.tool()
    def ask(question: Question, history: History = None) -> dict[str, Any]:
        """Answer a question from the article corpus (list_articles shows what it covers).

        Returns the answer text with [n] markers, whether it abstained, and the citations: article id,
        title, the exact quote and its character span in the article.
        """
        with _told(ToolError):
            return assistant.ask(question, history or []).to_dict()

    @server.tool()
    def search(
        query: Question,
        k: Annotated[int, Field(ge=1, le=20, description="How many passages.")] = 5,
        article: Annotated[str | None, Field(max_length=200, description="Only this article id.")] = None,
    ) -> dict[str, Any]:
        """Find the passages of the corpus most relevant to a query (hybrid dense + BM25 search)."""
        with _told(ToolError):
            return {"hits": [hit_to_dict(h) for h in assistant.search(query, k, article_id=article)]}

    @server.tool()
    def list_articles() -> dict[str, Any]:
        """List the articles in the corpus: id, title and chunk count (and, with none, how to add some)."""
        with _told(ToolError):
            listed: dict[str, Any] = {
                "articles": [{"id": r.id, "title": r.title, "chunks": r.chunks} for r in assistant.articles()]
            }
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
