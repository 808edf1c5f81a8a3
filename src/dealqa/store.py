"""Chroma, embedded or on a server: chunk vectors, their sentences' evidence, the ingest manifest.

Three collections per store name (schema 2):

- ``<name>_chunks``: one record per chunk, its vector in the only vector index, its text, and in
  its metadata everything an answer needs about it: its sentence spans, the evidence of the
  sentences it holds first (stemmed terms, named values, negation, computed once at ingest), their
  vectors (float16, base64) and the article fields a citation and a filter read. Chroma is the
  source of truth; a query process reads it through a per-version local copy (``cache.py``).
- ``<name>_articles``: the manifest, one record per article with its content hash and full text.
- ``<name>_state``: a version stamp that every ingest changes (readers notice new content with one
  small read), the unfinished-ingest mark, and the schema version.

Schema 1 kept the sentence vectors in a fourth collection with an HNSW index of its own, which held
most of the memory and load time of a large store; :meth:`VectorStore.migrate` moves them into the
chunk records. The manifest record is written last and deleted first, so a crash never leaves a
manifest entry whose chunks are incomplete.
"""

from __future__ import annotations

import base64
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
from .types import Article, Chunk, Entity, Filters, Sentence

_REBUILD_HINT = "run `dealqa ingest --rebuild` to rebuild it from corpus/"
_PAGE = 5000
# Citation sources kept in memory between questions (chunks and sentences come from cache.py).
_CACHED_SOURCES = 2_000
# What the records of a store hold; an older store is migrated by `dealqa ingest`.
SCHEMA = 2


@dataclass(frozen=True)
class ArticleVectors:
    """An article ready to write: its chunks and distinct sentences, each with the id of the chunk
    it is in, its vector, the named values it states, whether it negates something and the stems of
    its words' lemmas."""

    article: Article
    content_hash: str
    chunks: Sequence[Chunk]
    chunk_vectors: np.ndarray
    sentences: Sequence[tuple[Sentence, str, np.ndarray, tuple[Entity, ...], bool, frozenset[str]]]
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
        self._cached_sources = ReadCache(_CACHED_SOURCES)
        self._client = _client(settings)
        self._retired: Any = None
        self._open()

    def _changed(self) -> None:
        """Forget what was read: the store was written to or reopened."""
        for cache in (self._cached_sources,):
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
            self.chunks = self._client.get_or_create_collection(
                f"{name}_chunks", metadata={"hnsw:space": "cosine"}, embedding_function=None
            )
            self.manifest = self._client.get_or_create_collection(f"{name}_articles", embedding_function=None)
            self.state = self._client.get_or_create_collection(f"{name}_state", embedding_function=None)
            got = self.state.get(ids=["schema"], include=["documents"])
            stamp = (got["documents"] or [""])[0] or ""
            # A store with chunks and no stamp is schema 1; an empty one gets this schema's stamp
            # with its first write.
            self._unstamped = not stamp.isdigit()
            self.schema = int(stamp) if stamp.isdigit() else (1 if self.chunks.count() else SCHEMA)
        self._changed()  # again: a read between the first clear and the new collections is not kept

    def schema_problem(self) -> str | None:
        """What to tell the user when the store was written by another dealqa (None when it reads)."""
        if self.schema == SCHEMA:
            return None
        if self.schema < SCHEMA:
            return (
                f"the store at {self.location} was written by an older dealqa (store schema {self.schema}, this "
                f"one reads {SCHEMA}); run `dealqa ingest` to migrate it in place, or `dealqa ingest --rebuild` "
                "to rebuild it from corpus/"
            )
        return (
            f"the store at {self.location} was written by a newer dealqa (store schema {self.schema}, this one "
            f"reads {SCHEMA}); upgrade dealqa, or {_REBUILD_HINT}"
        )

    def migrate(self, progress: Any = None) -> int:
        """Bring a schema-1 store to this schema in place: each chunk record gets the evidence and
        float16 vectors of its sentences from the old sentence collection, which is then dropped
        (its HNSW index with it). Nothing is embedded again. Returns the chunks migrated."""
        with self._guard("read the schema version"):
            stamp = (self.state.get(ids=["schema"], include=["documents"])["documents"] or [""])[0] or ""
        if stamp.isdigit():  # another process may have migrated it meanwhile
            self.schema, self._unstamped = int(stamp), False
        if self.schema == SCHEMA:
            return 0
        if self.schema > SCHEMA:
            raise StoreError(self.schema_problem() or "")
        name = f"{self.settings.collection}_sentences"
        with self._guard("migrate"):
            try:
                old = self._client.get_collection(name, embedding_function=None)
            except Exception:
                old = None
            owned: dict[str, list[tuple[Sentence, np.ndarray, tuple[Entity, ...], bool, str]]] = {}
            if old is not None:
                got = _get_all(old, ["documents", "metadatas", "embeddings"])
                for d, m, v in zip(got["documents"], got["metadatas"], got["embeddings"], strict=True):
                    if m is None:
                        continue
                    owned.setdefault(str(m.get("chunk") or ""), []).append(
                        (
                            Sentence(int(m["start"]), int(m["end"]), d or ""),
                            np.asarray(v, dtype=np.float32),
                            _entities_from_json(str(m.get("entities") or "[]")),
                            bool(m.get("negated")),
                            str(m.get("terms") or " ".join(sorted(terms(d or "")))),
                        )
                    )
            chunks = _get_all(self.chunks, ["metadatas"])
            articles = {r.id: r for r in self.records().values()}
            ids, metadatas = [], []
            for chunk_id, meta in zip(chunks["ids"], chunks["metadatas"], strict=True):
                record = articles.get(str(meta["article_id"]))
                sentences = sorted(owned.get(chunk_id, []), key=lambda s: s[0].start)
                ids.append(chunk_id)
                metadatas.append({**meta, **_article_fields(record), **_evidence_fields(sentences)})
            for lo, hi in self._batches(len(ids)):
                self.chunks.update(ids=ids[lo:hi], metadatas=metadatas[lo:hi])
                if progress:
                    progress(hi, len(ids), "migrating the store")
            if old is not None:
                self._client.delete_collection(name)
            self._stamp_schema()
            self.bump_version()
        return len(ids)

    def _stamp_schema(self) -> None:
        self.state.upsert(ids=["schema"], embeddings=[[0.0]], documents=[str(SCHEMA)])
        self.schema = SCHEMA
        self._unstamped = False

    def _stamp_if_new(self) -> None:
        """Stamp an empty store with this schema before its first write."""
        if self._unstamped and self.schema == SCHEMA:
            with self._guard("write the schema version"):
                self._stamp_schema()

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
        """Write articles' chunks, each with the evidence and vectors of the sentences it holds first,
        then commit their manifest records, in a few large batches (Chroma's cost is per call). The
        chunks of ``replacing`` are deleted first; a new article has none (an ingest removes
        orphaned chunks before it writes)."""
        if replacing:
            self._delete_vectors(list(replacing))
        self._stamp_if_new()
        chunks = []
        for a in written:
            owned: dict[str, list[tuple[Sentence, np.ndarray, tuple[Entity, ...], bool, str]]] = {}
            for s, chunk, vector, entities, negated, lemmas in a.sentences:
                stated = " ".join(sorted(terms(s.text) | lemmas))  # its words' stems and their lemmas'
                owned.setdefault(chunk, []).append((s, vector, entities, negated, stated))
            record = {"source": a.article.source, **{n: str(a.article.metadata.get(n) or "") for n in FIELDS}}
            for c, v in zip(a.chunks, a.chunk_vectors, strict=True):
                evidence = _evidence_fields(owned.get(c.id, []))
                chunks.append((c, v, {**_chunk_metadata(c), **_scope_fields(a.article), **record, **evidence}))
        with self._guard("write chunks"):
            for lo, hi in self._batches(len(chunks)):
                self.chunks.add(
                    ids=[c.id for c, _, _ in chunks[lo:hi]],
                    embeddings=np.stack([v for _, v, _ in chunks[lo:hi]]),
                    documents=[c.text for c, _, _ in chunks[lo:hi]],
                    metadatas=[m for _, _, m in chunks[lo:hi]],
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
        self._stamp_if_new()
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
        with self._guard("delete chunks"):
            self.chunks.delete(where={"article_id": {"$in": article_ids}})
        self._changed()

    def orphan_articles(self) -> set[str]:
        """Article ids with vectors but no manifest record (left by a crash mid-write)."""
        known = set(self.records())
        with self._guard("scan chunks"):
            metas = _get_all(self.chunks, ["metadatas"])["metadatas"]
        return {str(m["article_id"]) for m in metas} - known

    def reset(self) -> None:
        name = self.settings.collection
        with self._guard("reset"):
            # "sentences": schema 1's sentence collection, if the store is that old
            for suffix in ("chunks", "sentences", "articles", "state"):
                try:
                    self._client.delete_collection(f"{name}_{suffix}")
                except Exception as exc:
                    if "does not exist" not in str(exc):
                        raise
        self._open()
        with self._guard("write the schema version"):
            self._stamp_schema()

    def _batches(self, n: int) -> Iterator[tuple[int, int]]:
        size = min(5000, int(self._client.get_max_batch_size()))
        for lo in range(0, n, size):
            yield lo, min(n, lo + size)

    # -- reads ---------------------------------------------------------------------------------
    def count(self) -> int:
        with self._guard("count chunks"):
            return int(self.chunks.count())

    def nearest_chunk_ids(
        self, vectors: Sequence[np.ndarray], n: int, where: dict[str, Any] | None = None
    ) -> list[list[str]]:
        """For each vector, the ids of the ``n`` chunks nearest to it, nearest first: one round trip
        for all of a question's texts (the records come from the local cache of the store)."""
        if not len(vectors):
            return []
        with self._guard("query"):
            got = self.chunks.query(
                query_embeddings=[np.asarray(v, dtype=np.float32) for v in vectors],
                n_results=n,
                where=where or None,
                include=[],
            )
        return [list(ids) for ids in got["ids"]]

    def load_index(self, vector: np.ndarray) -> None:
        """Make Chroma load the chunk vectors' index now (it reads it from disk on a process's first
        query: 0.4 s at 100k chunks), so a cold process can do it while it reads the question."""
        self.nearest_chunk_ids([vector], 1)

    def chunk_records(self, ids: Sequence[str] | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """``(id, text, metadata)`` of the chunks with these ids (None: every chunk), read in pages,
        for building the local cache."""
        with self._guard("read chunks"):
            if ids is None:
                offset = 0
                while True:
                    page = self.chunks.get(include=["documents", "metadatas"], limit=_PAGE, offset=offset)
                    yield from zip(page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True)
                    if len(page["ids"]) < _PAGE:
                        return
                    offset += _PAGE
            wanted = list(ids)
            for lo in range(0, len(wanted), _PAGE):
                page = self.chunks.get(ids=wanted[lo : lo + _PAGE], include=["documents", "metadatas"])
                yield from zip(page["ids"], page["documents"] or [], page["metadatas"] or [], strict=True)

    def chunk_ids(self) -> list[str]:
        """Every chunk id (ids only: cheap on a large store)."""
        with self._guard("list chunks"):
            return list(_get_all(self.chunks, [])["ids"])

    def copies(self) -> list[ArticleRecord]:
        """The manifest records of the articles stored as copies of a story."""
        with self._guard("read copies"):
            got = self.manifest.get(where={"copy_of": {"$ne": ""}}, include=["metadatas"])
        return [_record(i, m) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)]

    def all_chunk_texts(self) -> tuple[list[str], list[str]]:
        """Ids and texts of every chunk."""
        with self._guard("read chunks"):
            got = _get_all(self.chunks, ["documents"])
        return list(got["ids"]), [d or "" for d in got["documents"] or []]


def _get_all(collection: Any, include: list[str]) -> dict[str, list[Any]]:
    """Every record of a collection, read in pages: one read of tens of thousands of records
    exceeds SQLite's limit on query variables inside Chroma."""
    got: dict[str, list[Any]] = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        page = collection.get(include=include, limit=_PAGE, offset=offset)
        for key in got:
            value = page[key]
            got[key] += [] if value is None else list(value)  # embeddings come as an array
        if len(page["ids"]) < _PAGE:
            return got
        offset += _PAGE


def _evidence_fields(
    sentences: Sequence[tuple[Sentence, np.ndarray, tuple[Entity, ...], bool, str]],
) -> dict[str, str]:
    """A chunk's metadata for the sentences it holds first: ``evidence`` (JSON, one row per
    sentence: start, end, stemmed terms, named values, negation) and ``vectors`` (their float16
    vectors, base64, in the same order)."""
    rows = [[s.start, s.end, term_text, _entity_rows(e), negated] for s, _, e, negated, term_text in sentences]
    vectors = np.stack([v for _, v, *_ in sentences]).astype(np.float16) if sentences else np.zeros(0, np.float16)
    return {"evidence": json.dumps(rows), "vectors": base64.b64encode(vectors.tobytes()).decode("ascii")}


def evidence_rows(meta: Any) -> list[tuple[int, int, str, tuple[Entity, ...], bool]]:
    """The sentence rows of a chunk's ``evidence`` metadata."""
    return [
        (int(start), int(end), str(term_text), entities_from_rows(entities), bool(negated))
        for start, end, term_text, entities, negated in json.loads(str(meta.get("evidence") or "[]"))
    ]


def evidence_vectors(meta: Any, rows: int) -> np.ndarray:
    """The float16 sentence vectors of a chunk's ``vectors`` metadata, one row per evidence row."""
    raw = base64.b64decode(str(meta.get("vectors") or ""))
    return np.frombuffer(raw, dtype=np.float16).reshape(rows, -1) if rows else np.zeros((0, 0), np.float16)


def _entity_rows(entities: Sequence[Entity]) -> list[list[Any]]:
    return [[e.label, e.start, e.end, e.clause, e.anchors, e.distances, e.role] for e in entities]


def entities_from_rows(rows: Any) -> tuple[Entity, ...]:
    return tuple(
        Entity(label, start, end, tuple((a, b) for a, b in clause), tuple(anchors), tuple(distances), role)
        for label, start, end, clause, anchors, distances, role in rows
    )


def _entities_from_json(raw: str) -> tuple[Entity, ...]:
    return entities_from_rows(json.loads(raw))


def _article_fields(record: ArticleRecord | None) -> dict[str, str]:
    """What a citation of a chunk shows about its article, kept on the chunk."""
    if record is None:
        return {"source": "", **{name: "" for name in FIELDS}}
    return {"source": record.source, **{name: record.metadata.get(name, "") for name in FIELDS}}


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
