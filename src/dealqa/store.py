"""Chroma, embedded or on a server: chunk and sentence vectors plus the ingest manifest.

Three collections per store name: ``<name>_chunks`` (retrieval), ``<name>_sentences`` (vectors the
extractive answerer scores, computed once at ingest) and ``<name>_articles`` (the manifest: one
record per article with its content hash and full text). The manifest record is written last and
deleted first, so a crash never leaves a manifest entry whose chunks are incomplete.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import numpy as np

from .errors import DealQAError, InputError, StoreError
from .settings import Settings
from .types import Article, Chunk, Sentence

_REBUILD_HINT = "run `dealqa ingest --rebuild` to rebuild it from corpus/"


@dataclass(frozen=True)
class StoredSentence:
    """A sentence as stored for the extractive answerer, with its vector."""

    article_id: str
    title: str
    start: int
    end: int
    text: str
    vector: np.ndarray


@dataclass(frozen=True)
class ArticleRecord:
    """The manifest entry of an ingested article."""

    id: str
    title: str
    source: str
    content_hash: str
    chunks: int


def sentence_id(article_id: str, start: int, end: int) -> str:
    return f"{article_id}:{start}:{end}"


def _client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise InputError(f"DEALQA_CHROMA_URL must look like http://host:port, got {settings.chroma_url!r}")
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:
            raise StoreError(f"cannot reach the Chroma server at {settings.chroma_url}: {exc}") from exc
    path = settings.data_dir / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        raise StoreError(f"the store at {path} cannot be opened ({exc}); {_REBUILD_HINT}") from exc


class VectorStore:
    """The project's view of Chroma; every Chroma failure surfaces as a :class:`StoreError`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.location = settings.store_location
        self.mode = "server" if settings.chroma_url else "embedded"
        self._client = _client(settings)
        self._open()

    @staticmethod
    def wipe(settings: Settings) -> None:
        """Delete an embedded store's files, even unreadable ones (a server store is reset instead)."""
        if not settings.chroma_url:
            shutil.rmtree(settings.data_dir / "chroma", ignore_errors=True)

    def _open(self) -> None:
        name = self.settings.collection
        with self._guard("open"):
            space = {"hnsw:space": "cosine"}
            self.chunks = self._client.get_or_create_collection(
                f"{name}_chunks", metadata=space, embedding_function=None
            )
            self.sentences = self._client.get_or_create_collection(
                f"{name}_sentences", metadata=space, embedding_function=None
            )
            self.manifest = self._client.get_or_create_collection(f"{name}_articles", embedding_function=None)

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn any Chroma failure into a StoreError that says how to recover."""
        try:
            yield
        except (DealQAError, KeyboardInterrupt):
            raise
        except Exception as exc:
            raise StoreError(f"the store at {self.location} failed to {action}: {exc}; {_REBUILD_HINT}") from exc

    # -- manifest ------------------------------------------------------------------------------
    def records(self) -> dict[str, ArticleRecord]:
        with self._guard("list articles"):
            got = self.manifest.get(include=["metadatas"])
        return {
            i: ArticleRecord(i, str(m["title"]), str(m["source"]), str(m["content_hash"]), int(m["chunks"]))
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        }

    def article(self, article_id: str) -> Article | None:
        with self._guard("read an article"):
            got = self.manifest.get(ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        meta, text = (got["metadatas"] or [{}])[0], (got["documents"] or [""])[0]
        return Article(article_id, str(meta["title"]), text or "", str(meta["source"]))

    # -- writes --------------------------------------------------------------------------------
    def write_article(
        self,
        article: Article,
        content_hash: str,
        chunks: Sequence[Chunk],
        chunk_vectors: np.ndarray,
        sentences: Sequence[tuple[Sentence, np.ndarray]],
    ) -> None:
        """Replace an article's chunks and sentences, then commit its manifest record."""
        self._delete_vectors(article.id)
        with self._guard("write chunks"):
            for lo, hi in self._batches(len(chunks)):
                part = chunks[lo:hi]
                self.chunks.add(
                    ids=[c.id for c in part],
                    embeddings=chunk_vectors[lo:hi],
                    documents=[c.text for c in part],
                    metadatas=[_chunk_metadata(c) for c in part],
                )
            for lo, hi in self._batches(len(sentences)):
                part_s = sentences[lo:hi]
                self.sentences.add(
                    ids=[sentence_id(article.id, s.start, s.end) for s, _ in part_s],
                    embeddings=np.stack([v for _, v in part_s]),
                    documents=[s.text for s, _ in part_s],
                    metadatas=[
                        {"article_id": article.id, "title": article.title, "start": s.start, "end": s.end}
                        for s, _ in part_s
                    ],
                )
            self.manifest.upsert(
                ids=[article.id],
                # Chroma wants a vector per record; manifest records are only read by id.
                embeddings=[[0.0]],
                documents=[article.text],
                metadatas=[
                    {
                        "title": article.title,
                        "source": article.source,
                        "content_hash": content_hash,
                        "chunks": len(chunks),
                    }
                ],
            )

    def delete_article(self, article_id: str) -> None:
        with self._guard("delete an article"):
            self.manifest.delete(ids=[article_id])
        self._delete_vectors(article_id)

    def _delete_vectors(self, article_id: str) -> None:
        with self._guard("delete chunks"):
            self.chunks.delete(where={"article_id": article_id})
            self.sentences.delete(where={"article_id": article_id})

    def orphan_articles(self) -> set[str]:
        """Article ids with vectors but no manifest record (left by a crash mid-write)."""
        known = set(self.records())
        with self._guard("scan chunks"):
            metas = self.chunks.get(include=["metadatas"])["metadatas"] or []
            metas += self.sentences.get(include=["metadatas"])["metadatas"] or []
        return {str(m["article_id"]) for m in metas} - known

    def reset(self) -> None:
        name = self.settings.collection
        with self._guard("reset"):
            for suffix in ("chunks", "sentences", "articles"):
                try:
                    self._client.delete_collection(f"{name}_{suffix}")
                except Exception as exc:
                    if "does not exist" not in str(exc):
                        raise
        self._open()

    def _batches(self, n: int) -> Iterator[tuple[int, int]]:
        size = min(5000, int(self._client.get_max_batch_size()))
        for lo in range(0, n, size):
            yield lo, min(n, lo + size)

    # -- reads ---------------------------------------------------------------------------------
    def count(self) -> int:
        with self._guard("count chunks"):
            return int(self.chunks.count())

    def dense(self, vector: np.ndarray, n: int, article_id: str | None = None) -> list[Chunk]:
        """The ``n`` chunks nearest to ``vector``, nearest first."""
        with self._guard("query"):
            total = self.chunks.count()
            if total == 0:
                return []
            got = self.chunks.query(
                query_embeddings=[vector],
                n_results=min(n, total),
                where={"article_id": article_id} if article_id else None,
                include=["documents", "metadatas"],
            )
        return [
            _chunk(i, d, m)
            for i, d, m in zip(got["ids"][0], (got["documents"] or [[]])[0], (got["metadatas"] or [[]])[0], strict=True)
        ]

    def get_chunks(self, ids: Sequence[str]) -> list[Chunk]:
        if not ids:
            return []
        with self._guard("read chunks"):
            got = self.chunks.get(ids=list(ids), include=["documents", "metadatas"])
        by_id = {
            i: _chunk(i, d, m)
            for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
        }
        return [by_id[i] for i in ids if i in by_id]

    def all_chunk_texts(self) -> tuple[list[str], list[str]]:
        """Ids and texts of every chunk, for building the BM25 index."""
        with self._guard("read chunks"):
            got = self.chunks.get(include=["documents"])
        return list(got["ids"]), [d or "" for d in got["documents"] or []]

    def get_sentences(self, ids: Sequence[str]) -> list[StoredSentence]:
        if not ids:
            return []
        with self._guard("read sentences"):
            got = self.sentences.get(ids=list(dict.fromkeys(ids)), include=["embeddings", "documents", "metadatas"])
        return _sentences(got["documents"], got["metadatas"], got["embeddings"])

    def nearest_sentences(self, vector: np.ndarray, n: int) -> list[StoredSentence]:
        """The ``n`` stored sentences nearest to ``vector``."""
        with self._guard("query sentences"):
            total = self.sentences.count()
            if total == 0:
                return []
            got = self.sentences.query(
                query_embeddings=[vector], n_results=min(n, total), include=["embeddings", "documents", "metadatas"]
            )
        return _sentences((got["documents"] or [[]])[0], (got["metadatas"] or [[]])[0], (got["embeddings"] or [[]])[0])


def _sentences(documents: Any, metadatas: Any, embeddings: Any) -> list[StoredSentence]:
    if embeddings is None or documents is None or metadatas is None:
        return []
    return [
        StoredSentence(
            str(m["article_id"]),
            str(m["title"]),
            int(m["start"]),
            int(m["end"]),
            d or "",
            np.asarray(v, dtype=np.float32),
        )
        for d, m, v in zip(documents, metadatas, embeddings, strict=True)
    ]


def _chunk_metadata(chunk: Chunk) -> dict[str, str | int]:
    return {
        "article_id": chunk.article_id,
        "title": chunk.title,
        "section": chunk.section,
        "start": chunk.start,
        "end": chunk.end,
        "sentences": json.dumps([[s.start, s.end] for s in chunk.sentences]),
    }


def _chunk(chunk_id: str, text: str | None, meta: Any) -> Chunk:
    text = text or ""
    start = int(meta["start"])
    spans = json.loads(str(meta.get("sentences") or "[]"))
    return Chunk(
        id=chunk_id,
        article_id=str(meta["article_id"]),
        title=str(meta["title"]),
        text=text,
        start=start,
        end=int(meta["end"]),
        section=str(meta.get("section") or ""),
        sentences=tuple(Sentence(a, b, text[a - start : b - start]) for a, b in spans),
    )
