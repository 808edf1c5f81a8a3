"""Chroma, embedded or on a server: chunk and sentence vectors plus the ingest manifest.

Four collections per store name: ``<name>_chunks`` (retrieval), ``<name>_sentences`` (vectors the
extractive answerer scores, computed once at ingest), ``<name>_articles`` (the manifest: one
record per article with its content hash and full text) and ``<name>_state`` (a version stamp
that every ingest changes, so readers notice new content with one small read). The manifest record is written last and
deleted first, so a crash never leaves a manifest entry whose chunks are incomplete.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import numpy as np

from .errors import DealQAError, InputError, StoreError
from .metadata import FIELDS, day_number, outlet_key
from .settings import Settings
from .text import terms
from .types import Article, Chunk, Entity, Evidence, Filters, Sentence

_REBUILD_HINT = "run `dealqa ingest --rebuild` to rebuild it from corpus/"
_PAGE = 5000
# Records kept in memory between questions (a sentence with its vector is about 2 kB).
_CACHED_SENTENCES = 20_000
_CACHED_CHUNKS = 5_000
_CACHED_SOURCES = 2_000


@dataclass(frozen=True)
class ArticleVectors:
    """An article ready to write: its chunks and distinct sentences, each with the id of the chunk
    it is in, its vector, the named values it states and whether it negates something."""

    article: Article
    content_hash: str
    chunks: Sequence[Chunk]
    chunk_vectors: np.ndarray
    sentences: Sequence[tuple[Sentence, str, np.ndarray, tuple[Entity, ...], bool]]
    text_hash: str = ""
    minhash: str = ""


@dataclass(frozen=True)
class ArticleRecord:
    """The manifest entry of an ingested article.

    ``metadata`` holds ``published``, ``outlet``, ``author`` and ``url`` where known. A copy of a
    stored story (the same text under another name, or a syndicated version of it) has no chunks
    of its own: ``copy_of`` names the story, ``similarity`` says how alike they are (1.0: the same
    text). ``text_hash`` and ``minhash`` are what duplicates are found by.
    """

    id: str
    title: str
    source: str
    content_hash: str
    chunks: int
    metadata: dict[str, str] = field(default_factory=dict, compare=False)
    copy_of: str = ""
    similarity: float = 0.0
    text_hash: str = ""
    minhash: str = ""


@dataclass(frozen=True)
class CopyRecord:
    """An article stored as a copy of a story: its manifest record only."""

    article: Article
    content_hash: str
    copy_of: str
    similarity: float
    text_hash: str
    minhash: str


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


class ReadCache:
    """Records read by id, kept until the store changes: every write through this store and every
    reopen (after another process's ingest) starts it over. Bounded: the least recently used go
    first. A read that began before a change is not kept after it.

    Example:
        >>> cache = ReadCache(2)
        >>> found, missing, generation = cache.lookup(["a"])
        >>> cache.keep({"a": 1}, generation); cache.lookup(["a"])[0]
        {'a': 1}
    """

    def __init__(self, limit: int) -> None:
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, got {limit}")
        self.limit = limit
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._generation = 0
        self._lock = threading.Lock()

    def lookup(self, keys: Iterable[str]) -> tuple[dict[str, Any], list[str], int]:
        """The cached values of ``keys``, the keys not cached, and the generation to pass to :meth:`keep`."""
        found, missing = {}, []
        with self._lock:
            for key in dict.fromkeys(keys):
                if key in self._items:
                    self._items.move_to_end(key)
                    found[key] = self._items[key]
                else:
                    missing.append(key)
            return found, missing, self._generation

    def keep(self, values: dict[str, Any], generation: int) -> None:
        """Keep values read from the store, unless it changed since :meth:`lookup` gave ``generation``."""
        with self._lock:
            if generation != self._generation or not self.limit:
                return
            self._items.update(values)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items = OrderedDict()
            self._generation += 1


class VectorStore:
    """The project's view of Chroma; every Chroma failure surfaces as a :class:`StoreError`.

    Chunks, sentences and citation sources read by id are kept in memory until the store changes
    (see :class:`ReadCache`): the same passages answer many questions.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.location = settings.store_location
        self.mode = "server" if settings.chroma_url else "embedded"
        self._cached_chunks = ReadCache(_CACHED_CHUNKS)
        self._cached_sentences = ReadCache(_CACHED_SENTENCES)
        self._cached_sources = ReadCache(_CACHED_SOURCES)
        self._client = _client(settings)
        self._retired: Any = None
        self._open()

    def _changed(self) -> None:
        """Forget what was read: the store was written to or reopened."""
        for cache in (self._cached_chunks, self._cached_sentences, self._cached_sources):
            cache.clear()

    def reopen(self) -> None:
        """Open the collections afresh. An embedded Chroma caches each collection's vector index in
        the process that opened it, so another process's ingest stays invisible to it (or its
        deleted ids come back without records) until it is reopened. The previous client is kept
        until the next reopen: queries in flight may still be using it."""
        if not self.settings.chroma_url:
            from chromadb.api.shared_system_client import SharedSystemClient

            if self._retired is not None:
                self._retired.stop()
            self._retired = SharedSystemClient._identifier_to_system.pop(self._client._identifier, None)
        self._client = _client(self.settings)
        self._open()

    @staticmethod
    def wipe(settings: Settings) -> None:
        """Delete an embedded store's files, even unreadable ones (a server store is reset instead)."""
        if not settings.chroma_url:
            from chromadb.api.shared_system_client import SharedSystemClient

            path = settings.data_dir / "chroma"
            # A client this process opened on the old files would be reused (Chroma keeps one per
            # path): the next open starts a new one. One still in use keeps its own until it closes.
            SharedSystemClient._identifier_to_system.pop(str(path), None)
            shutil.rmtree(path, ignore_errors=True)

    def _open(self) -> None:
        self._changed()
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
            self.state = self._client.get_or_create_collection(f"{name}_state", embedding_function=None)
        self._changed()  # again: a read between the first clear and the new collections is not kept

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
            got = _get_all(self.manifest, ["metadatas"])
        return {i: _record(i, m) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}

    def story_sources(self, article_ids: Sequence[str]) -> dict[str, tuple[ArticleRecord, list[ArticleRecord]]]:
        """Each stored article's record with the records of its copies: what a citation of it shows
        (its outlet and date, "also in" the copies' outlets). Two small reads, whatever the corpus size."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        cached, missing, generation = self._cached_sources.lookup(ids)
        found: dict[str, tuple[ArticleRecord, list[ArticleRecord]]] = {}
        if missing:
            with self._guard("read article metadata"):
                got = self.manifest.get(ids=missing, include=["metadatas"])
                copies = self.manifest.get(where={"copy_of": {"$in": missing}}, include=["metadatas"])
            found = {i: (_record(i, m), []) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}
            for i, m in zip(copies["ids"], copies["metadatas"] or [], strict=True):
                record = _record(i, m)
                if record.copy_of in found:
                    found[record.copy_of][1].append(record)
            for _, copies_of in found.values():
                copies_of.sort(key=lambda r: (r.metadata.get("published", ""), r.id))
            self._cached_sources.keep(dict(found), generation)
        # A copy list is the caller's to keep: each call gets its own.
        return {i: (record, list(copies_of)) for i, (record, copies_of) in {**cached, **found}.items()}

    def article_count(self) -> int:
        with self._guard("count articles"):
            return int(self.manifest.count())

    def copy_count(self) -> int:
        """How many articles are stored as copies of a story (ids only: cheap on a large store)."""
        with self._guard("count copies"):
            return len(self.manifest.get(where={"copy_of": {"$ne": ""}}, include=[])["ids"])

    def version(self) -> str:
        """A stamp that changes whenever an ingest writes or deletes ("" for a store without one)."""
        with self._guard("read the store version"):
            got = self.state.get(ids=["version"], include=["documents"])
        return (got["documents"] or [""])[0] or ""

    def bump_version(self) -> None:
        with self._guard("write the store version"):
            self.state.upsert(ids=["version"], embeddings=[[0.0]], documents=[uuid.uuid4().hex])
        self._changed()

    def marks(self) -> tuple[str, str]:
        """The version stamp and the unfinished-ingest mark ("" when the last ingest finished), in one read."""
        with self._guard("read the store version"):
            got = self.state.get(ids=["version", "ingest"], include=["documents"])
        rows = dict(zip(got["ids"], got["documents"] or [], strict=True))
        return rows.get("version") or "", rows.get("ingest") or ""

    def mark_ingest(self, running: bool) -> None:
        """Marked when an ingest starts writing, cleared when it ends: a mark left behind means the
        last ingest was killed and the store may be missing articles."""
        with self._guard("write the ingest mark"):
            if running:
                self.state.upsert(ids=["ingest"], embeddings=[[0.0]], documents=[f"started {time.time():.0f}"])
            else:
                self.state.delete(ids=["ingest"])

    def article(self, article_id: str) -> Article | None:
        with self._guard("read an article"):
            got = self.manifest.get(ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        meta, text = (got["metadatas"] or [{}])[0], (got["documents"] or [""])[0]
        record = _record(article_id, meta)
        return Article(article_id, record.title, text or "", record.source, dict(record.metadata))

    # -- writes --------------------------------------------------------------------------------
    def write_articles(self, written: Sequence[ArticleVectors], *, replacing: Sequence[str] = ()) -> None:
        """Write articles' chunks and sentences, then commit their manifest records, in a few large
        batches (Chroma's cost is per call). The vectors of ``replacing`` are deleted first; a new
        article has none (an ingest removes orphaned vectors before it writes)."""
        if replacing:
            self._delete_vectors(list(replacing))
        chunks = [(a.article, c, v) for a in written for c, v in zip(a.chunks, a.chunk_vectors, strict=True)]
        sentences = [(a.article, *sentence) for a in written for sentence in a.sentences]
        with self._guard("write chunks"):
            for lo, hi in self._batches(len(chunks)):
                self.chunks.add(
                    ids=[c.id for _, c, _ in chunks[lo:hi]],
                    embeddings=np.stack([v for _, _, v in chunks[lo:hi]]),
                    documents=[c.text for _, c, _ in chunks[lo:hi]],
                    metadatas=[{**_chunk_metadata(c), **_scope_fields(a)} for a, c, _ in chunks[lo:hi]],
                )
            for lo, hi in self._batches(len(sentences)):
                self.sentences.add(
                    ids=[sentence_id(a.id, s.start, s.end) for a, s, *_ in sentences[lo:hi]],
                    embeddings=np.stack([v for _, _, _, v, *_ in sentences[lo:hi]]),
                    documents=[s.text for _, s, *_ in sentences[lo:hi]],
                    metadatas=[
                        {
                            **_scope_fields(a),  # what --since/--until/--outlet filter on
                            "article_id": a.id,
                            "title": a.title,
                            "start": s.start,
                            "end": s.end,
                            # Retrieval ranks chunks by their sentences too.
                            "chunk": chunk,
                            # The answerer's lexical overlap reads these instead of stemming per query.
                            "terms": " ".join(sorted(terms(s.text))),
                            # What the sentence states (spaCy, at ingest), for the answerer.
                            "entities": _entities_json(e),
                            "negated": negated,
                        }
                        for a, s, chunk, _, e, negated in sentences[lo:hi]
                    ],
                )
            if written:
                self.manifest.upsert(
                    ids=[a.article.id for a in written],
                    # Chroma wants a vector per record; manifest records are only read by id.
                    embeddings=[[0.0]] * len(written),
                    documents=[a.article.text for a in written],
                    metadatas=[
                        _manifest_metadata(a.article, a.content_hash, len(a.chunks), "", 0.0, a.text_hash, a.minhash)
                        for a in written
                    ],
                )
        self._changed()

    def write_copies(self, copies: Sequence[CopyRecord]) -> None:
        """Commit manifest records of articles stored as copies of a story (no vectors of their own;
        an article that was a story before loses its vectors)."""
        if not copies:
            return
        self._delete_vectors([c.article.id for c in copies])
        with self._guard("write copies"):
            self.manifest.upsert(
                ids=[c.article.id for c in copies],
                embeddings=[[0.0]] * len(copies),
                documents=[c.article.text for c in copies],
                metadatas=[
                    _manifest_metadata(c.article, c.content_hash, 0, c.copy_of, c.similarity, c.text_hash, c.minhash)
                    for c in copies
                ],
            )
        self._changed()

    def delete_article(self, article_id: str) -> None:
        with self._guard("delete an article"):
            self.manifest.delete(ids=[article_id])
        self._delete_vectors([article_id])
        self._changed()

    def _delete_vectors(self, article_ids: list[str]) -> None:
        where = {"article_id": {"$in": article_ids}}
        with self._guard("delete chunks"):
            self.chunks.delete(where=where)
            self.sentences.delete(where=where)
        self._changed()

    def orphan_articles(self) -> set[str]:
        """Article ids with vectors but no manifest record (left by a crash mid-write)."""
        known = set(self.records())
        with self._guard("scan chunks"):
            metas = (
                _get_all(self.chunks, ["metadatas"])["metadatas"] + _get_all(self.sentences, ["metadatas"])["metadatas"]
            )
        return {str(m["article_id"]) for m in metas} - known

    def reset(self) -> None:
        name = self.settings.collection
        with self._guard("reset"):
            for suffix in ("chunks", "sentences", "articles", "state"):
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

    def nearest_chunk_ids(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[str]:
        """The ids of the ``n`` chunks nearest to ``vector``, nearest first (their texts are read
        only for the chunks an answer uses: fetching them costs as much as the search)."""
        with self._guard("query"):
            got = self.chunks.query(
                query_embeddings=[vector],
                n_results=n,
                where=where or None,
                include=[],
            )
        return list(got["ids"][0])

    def chunk_ids_within(self, ids: Sequence[str], where: dict[str, Any]) -> set[str]:
        """Those of ``ids`` whose chunks pass the filter (for rankings, like BM25's, made without it)."""
        if not ids:
            return set()
        with self._guard("filter chunks"):
            return set(self.chunks.get(ids=list(dict.fromkeys(ids)), where=where, include=[])["ids"])

    def get_chunks(self, ids: Sequence[str]) -> list[Chunk]:
        """The chunks of those ids that exist, in the order of ``ids``."""
        if not ids:
            return []
        by_id, missing, generation = self._cached_chunks.lookup(ids)
        if missing:
            with self._guard("read chunks"):
                got = self.chunks.get(ids=missing, include=["documents", "metadatas"])
            read = {
                i: _chunk(i, d, m)
                for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
            }
            self._cached_chunks.keep(read, generation)
            by_id.update(read)
        return [by_id[i] for i in ids if i in by_id]

    def all_chunk_texts(self) -> tuple[list[str], list[str]]:
        """Ids and texts of every chunk, for building the BM25 index."""
        with self._guard("read chunks"):
            got = _get_all(self.chunks, ["documents"])
        return list(got["ids"]), [d or "" for d in got["documents"] or []]

    def get_sentences(self, ids: Sequence[str]) -> list[Evidence]:
        """The evidence of those sentence ids that exist, each once, in the order of ``ids``."""
        if not ids:
            return []
        by_id, missing, generation = self._cached_sentences.lookup(ids)
        if missing:
            with self._guard("read sentences"):
                got = self.sentences.get(ids=missing, include=["embeddings", "documents", "metadatas"])
            read = {
                sentence_id(e.article_id, e.start, e.end): e
                for e in _sentences(got["documents"], got["metadatas"], got["embeddings"])
            }
            self._cached_sentences.keep(read, generation)
            by_id.update(read)
        return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]

    def nearest_sentences(
        self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, str]]:
        """The ``n`` stored sentences nearest to ``vector``, nearest first: (sentence id, chunk id)
        pairs; the chunk id is "" for a sentence stored before sentences recorded their chunk."""
        with self._guard("query sentences"):
            got = self.sentences.query(
                query_embeddings=[vector],
                n_results=n,
                where=where or None,
                include=["metadatas"],
            )
        metas = (got["metadatas"] or [[]])[0]
        # A record deleted by another process can still come back from a stale vector index
        # without its metadata: it is gone, so it is left out.
        return [(i, str(m.get("chunk") or "")) for i, m in zip(got["ids"][0], metas, strict=True) if m is not None]


def _get_all(collection: Any, include: list[str]) -> dict[str, list[Any]]:
    """Every record of a collection, read in pages: one read of tens of thousands of records
    exceeds SQLite's limit on query variables inside Chroma."""
    got: dict[str, list[Any]] = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        page = collection.get(include=include, limit=_PAGE, offset=offset)
        for key in got:
            got[key] += page[key] or []
        if len(page["ids"]) < _PAGE:
            return got
        offset += _PAGE


def _sentences(documents: Any, metadatas: Any, embeddings: Any) -> list[Evidence]:
    if embeddings is None or documents is None or metadatas is None:
        return []
    return [
        Evidence(
            str(m["article_id"]),
            str(m["title"]),
            int(m["start"]),
            int(m["end"]),
            d or "",
            np.asarray(v, dtype=np.float32),
            frozenset(str(m["terms"]).split()) if "terms" in m else frozenset(terms(d or "")),
            _entities_from_json(str(m.get("entities") or "[]")),
            bool(m.get("negated")),
        )
        for d, m, v in zip(documents, metadatas, embeddings, strict=True)
    ]


def _entities_json(entities: Sequence[Entity]) -> str:
    return json.dumps([[e.label, e.start, e.end, e.clause, e.anchors, e.distances, e.role] for e in entities])


def _entities_from_json(raw: str) -> tuple[Entity, ...]:
    return tuple(
        Entity(label, start, end, tuple((a, b) for a, b in clause), tuple(anchors), tuple(distances), role)
        for label, start, end, clause, anchors, distances, role in json.loads(raw)
    )


def where_clause(article_id: str | None = None, filters: Filters | None = None) -> dict[str, Any] | None:
    """The Chroma filter on chunk and sentence metadata for one article and/or a date range and an
    outlet (None: everything)."""
    parts: list[dict[str, Any]] = [{"article_id": article_id}] if article_id else []
    if filters is not None:
        if filters.since:
            parts.append({"published_day": {"$gte": day_number(filters.since)}})
        if filters.until:
            parts.append({"published_day": {"$lte": day_number(filters.until)}})
        if filters.outlet:
            parts.append({"outlet_key": outlet_key(filters.outlet)})
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _scope_fields(article: Article) -> dict[str, str | int]:
    """The article fields a filter reads, stored on each of its chunks and sentences; an article
    without a date has no ``published_day``, so a date range leaves it out."""
    fields: dict[str, str | int] = {"outlet_key": outlet_key(str(article.metadata.get("outlet") or ""))}
    day = day_number(str(article.metadata.get("published") or ""))
    if day:
        fields["published_day"] = day
    return fields


def _manifest_metadata(
    article: Article, content_hash: str, chunks: int, copy_of: str, similarity: float, text_hash: str, minhash: str
) -> dict[str, str | int | float]:
    # Every key is always written: an upsert may keep keys it is not given.
    return {
        "title": article.title,
        "source": article.source,
        "content_hash": content_hash,
        "chunks": chunks,
        **{name: str(article.metadata.get(name) or "") for name in FIELDS},
        "copy_of": copy_of,
        "similarity": similarity,
        "text_hash": text_hash,
        "minhash": minhash,
    }


def _record(article_id: str, meta: Any) -> ArticleRecord:
    """A manifest record as stored (records written before metadata was kept have none)."""
    return ArticleRecord(
        article_id,
        str(meta["title"]),
        str(meta["source"]),
        str(meta["content_hash"]),
        int(meta["chunks"]),
        {name: str(meta[name]) for name in FIELDS if meta.get(name)},
        str(meta.get("copy_of") or ""),
        float(meta.get("similarity") or 0.0),
        str(meta.get("text_hash") or ""),
        str(meta.get("minhash") or ""),
    )


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
