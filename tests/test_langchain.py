"""LangChain surfaces, including langchain-tests' standard retriever suite."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from dealqa import Assistant
from dealqa.langchain_adapters import DealQARetriever
from tests.conftest import make_settings


@cache
def _assistant() -> Assistant:
    return Assistant(make_settings(Path(tempfile.mkdtemp(prefix="dealqa-lc-"))))


class TestDealQARetrieverStandard(RetrieversIntegrationTests):
    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return DealQARetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"assistant": _assistant(), "k": 2}

    @property
    def retriever_query_example(self) -> str:
        return "Where is the Colossus 1 data center?"


def test_retriever_documents_carry_offsets() -> None:
    docs = _assistant().as_retriever(k=3).invoke("Memphis, Tennessee")
    article = _assistant().article(docs[0].metadata["article_id"])
    assert article is not None
    assert article.text[docs[0].metadata["start"] : docs[0].metadata["end"]] == docs[0].page_content


def test_tool_and_runnable() -> None:
    tool = _assistant().as_tool()
    assert tool.name == "ask_deal_corpus"
    assert "Memphis" in tool.invoke({"question": "Where is Colossus 1 located?"})
    chain = _assistant().as_runnable()
    assert "2026" in chain.invoke("When was the deal signed?")["text"]
    follow = chain.invoke({"question": "Where is that facility?", "history": ["When was the deal signed?"]})
    assert "Memphis" in follow["text"]
    assert [a["abstained"] for a in chain.batch(["What is the capital of France?"])] == [True]


def test_embeddings_adapter_uses_the_bundled_model() -> None:
    from dealqa.langchain_adapters import LangChainEmbeddings

    embeddings = LangChainEmbeddings(_assistant().embedder)
    query = embeddings.embed_query("Where is Colossus 1?")
    docs = embeddings.embed_documents(["The Colossus 1 facility is located in Memphis, Tennessee.", "Bread."])
    assert len(query) == 384
    near, far = (sum(a * b for a, b in zip(query, d, strict=True)) for d in docs)
    assert near > far
