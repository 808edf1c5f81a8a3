"""One Settings object; every field can be set by a ``DEALQA_*`` environment variable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# The ONNX export of the embedding model is kept here, shared by every data directory.
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dealqa"


class Settings(BaseSettings):
    """Configuration of an :class:`~dealqa.Assistant`.

    Example:
        >>> Settings(data_dir=Path("/tmp/dq"), top_k=3).top_k
        3
    """

    model_config = SettingsConfigDict(env_prefix="DEALQA_", extra="ignore")

    data_dir: Path = Field(Path(".dealqa"), description="Where the store, indexes and feedback live.")
    corpus_dir: Path = Field(Path("corpus"), description="Ingested on first use of an empty store.")
    chroma_url: str | None = Field(None, description="Use a Chroma server instead of the embedded store.")
    collection: str = "dealqa"
    embedding_model: str = Field(
        "all-MiniLM-L6-v2",
        description="The bundled model's name, or any sentence-transformers model name or path.",
    )
    embedding_backend: Literal["onnx", "onnx-int8", "torch"] = Field(
        "onnx", description="onnx: onnxruntime, same vectors as torch, faster; onnx-int8: quantized."
    )
    embedding_batch_size: int = Field(64, ge=1)
    model_cache_dir: Path = Field(DEFAULT_CACHE, description="Where the ONNX export of the model is kept.")
    chunk_size: int = Field(700, ge=100, description="Largest chunk, in characters.")
    chunk_overlap: int = Field(120, ge=0)
    top_k: int = Field(5, ge=1, le=50)
    candidates: int = Field(20, ge=1, le=200, description="Per ranker, before fusion.")
    ranker_weights: dict[str, float] = Field(
        default_factory=lambda: {"dense": 1.0, "bm25": 1.0, "sentence": 1.0, "tie": 1.0, "answer": 1.0},
        description="Reciprocal rank fusion weight per ranker (dense, bm25, sentence, tie, answer); 0 drops a ranker.",
    )
    max_question_chars: int = Field(2000, ge=10)
    answer_cache_size: int = Field(
        256, ge=0, description="Extractive answers kept per store version, for questions asked again (0: none)."
    )
    max_file_bytes: int = Field(10_000_000, ge=1)
    lock_wait_s: float = Field(60.0, ge=0, description="How long an ingest waits for another to finish.")
    fetch_timeout_s: float = Field(15.0, gt=0, description="Per request, when ingesting a URL or feed.")
    max_redirects: int = Field(5, ge=0, le=20)
    max_feed_items: int = Field(200, ge=1, description="Items read from one feed (the newest first, as listed).")
    allow_private_urls: bool = Field(
        False,
        description="Let POST /v1/ingest fetch loopback and private addresses (off: server-side request forgery).",
    )
    near_duplicate_threshold: float = Field(
        0.4,
        gt=0,
        le=1,
        description="MinHash Jaccard (word 5-grams) at which an article merges into a stored story (evals/dedup).",
    )
    min_score: float = Field(
        0.45, description="Sentence score (cosine + lexical overlap) below which the extractive answerer abstains."
    )
    llm: str | None = Field(None, description="'provider:model' or 'local'; none = extractive.")
    llm_base_url: str | None = None
    llm_timeout_s: float = Field(60.0, gt=0)
    verify: bool = Field(True, description="Verify LLM drafts; off only to measure raw drafts in evals.")
    min_similarity: float = Field(0.7, gt=0, le=1, description="Verifier: cosine to a cited sentence needed.")
    # What the surfaces call the corpus; each unset field comes from the corpus folder's corpus.toml,
    # else from the articles (dealqa.card).
    corpus_description: str | None = Field(
        None, description="One sentence on what the articles cover (MCP instructions, API description)."
    )
    chat_title: str | None = None
    chat_greeting: str | None = None
    chat_placeholder: str | None = None
    chat_examples: list[str] | None = None
    api_token: str | None = Field(None, description="Bearer token for write endpoints.")
    protect_reads: bool = False
    cors_origins: list[str] = Field(default_factory=list)

    @property
    def store_location(self) -> str:
        return self.chroma_url or str(self.data_dir.resolve() / "chroma")
