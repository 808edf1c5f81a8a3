"""The assistant as LangChain parts: a retriever, a tool, and the answer chain as a Runnable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import ConfigDict, Field, model_validator

from .types import Hit, hit_to_dict

if TYPE_CHECKING:
    from .assistant import Assistant
    from .embedding import Embedder


def to_document(hit: Hit) -> Document:
    meta = hit_to_dict(hit)
    return Document(page_content=meta.pop("text"), metadata=meta, id=hit.chunk.id)


class DealQARetriever(BaseRetriever):
    """Hybrid (dense + BM25) passages of the deal corpus as LangChain documents.

    Example:
        >>> retriever = DealQARetriever(assistant=Assistant(), k=3)
        >>> [d.metadata["article_id"] for d in retriever.invoke("Where is Quarry Labs based?")]
        ['vantor-buys-quarry', ...]
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    assistant: Any
    k: int = Field(5, ge=1, le=50)
    article_id: str | None = None
    since: str | None = Field(None, description="Only articles published on or after this ISO date.")
    until: str | None = Field(None, description="Only articles published on or before this ISO date.")
    outlet: str | None = Field(None, description="Only articles from this outlet.")

    @model_validator(mode="after")
    def _filters_are_usable(self) -> DealQARetriever:
        # Checked when the retriever is made (the message names the bad value), not at the first query.
        self.assistant.filters(self.since, self.until, self.outlet)
        return self

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, k: int | None = None
    ) -> list[Document]:
        hits = self.assistant.search(
            query, k or self.k, article_id=self.article_id, since=self.since, until=self.until, outlet=self.outlet
        )
        return [to_document(h) for h in hits]


def as_tool(assistant: Assistant) -> BaseTool:
    """A tool an agent can call: the cited answer as text with a sources list."""

    def ask_deal_corpus(question: str) -> str:
        from .streaming import with_sources

        return with_sources(assistant.ask(question))

    return StructuredTool.from_function(
        ask_deal_corpus,
        name="ask_deal_corpus",
        # what the corpus is about comes from its settings, its corpus.toml or its articles, not from code
        description=(
            "Answer a question from the news articles of this corpus, with exact quotes as citations. "
            f"{assistant.card().description}"
        ),
    )


def as_runnable(assistant: Assistant) -> Runnable[Any, dict[str, Any]]:
    """The answer chain: takes a question (or ``{"question", "history"}``) and returns the answer as a dict."""

    def run(value: str | dict[str, Any]) -> dict[str, Any]:
        if isinstance(value, str):
            return assistant.ask(value).to_dict()
        return assistant.ask(value["question"], value.get("history")).to_dict()

    return RunnableLambda(run, name="dealqa")


class LangChainEmbeddings(Embeddings):
    """The same model behind LangChain's ``Embeddings`` interface."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.encode([text])[0].tolist()
