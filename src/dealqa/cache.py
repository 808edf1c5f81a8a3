"""A per-version local copy of the store's chunk records, memory-mapped, keyed by chunk id.

A question needs one round trip to the store: the vector search, which returns chunk ids. What the
answerer needs about those chunks (their text and sentence spans, the evidence and float16 vectors
of their sentences, the article fields a citation shows, the fields a filter reads) is read here by
offset, without a second call. The copy is made once per store version (the stamp every ingest
changes) from one paged read of the chunk records, reusing the rows of the previous version whose
article did not change, and saved under the data directory, so a process start maps it instead of
reading the store:

    <data_dir>/cache/<collection>/<version>/
        ids.json         chunk ids, in row order
        chunks.bin/.npy  one JSON record per chunk, and the byte offset of each (int64, n + 1)
        sentences.bin/.npy  one JSON record per stored sentence, and their offsets
        owners.npy       the row of the chunk that holds each sentence first (int32)
        vectors.npy      the sentences' vectors, float16, one row per sentence
        copies.json      the articles merged into each story (for a citation's "also in")
        kinds.json       the entity type of the names each last word ends ("bank": ORG)
        words.json/.npy  the content words (of letters) of the sentences and their vectors, float16:
                         the answerer weighs the words of what it reads against the question's, and
                         a word met for the first time would be embedded on the query path
"""

from __future__ import annotations

import hashlib
import json
import mmap
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import StoreError
from .metadata import FIELDS
from .store import ArticleRecord, VectorStore, entities_from_rows, evidence_rows, evidence_vectors
from .text import content_words, fold, stem
from .types import Chunk, Evidence, Filters, Sentence

# How often a process that is not told the store's version reads it to notice another's ingest.
_FRESHNESS_S = 2.0
_LAYOUT = "5"  # the files' format; a change rebuilds every cache from the store
# A last word names a type when the model gives it that type this often, in this share of its names.
_KIND_MIN = 2
_KIND_SHARE = 0.66
# Words embedded at a time when a cache is built.
_WORD_BATCH = 512

Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Scope:
    """Which chunks a question reads: one article, a date range, an outlet (as :class:`Filters`)."""

    article_id: str = ""
    since_day: int = 0
    until_day: int = 0
    outlet_key: str = ""

    @staticmethod
    def of(article_id: str | None, filters: Filters | None) -> Scope | None:
        from .metadata import day_number, outlet_key

        scope = Scope(
            article_id or "",
            day_number(filters.since) if filters and filters.since else 0,
            day_number(filters.until) if filters and filters.until else 0,
            outlet_key(filters.outlet) if filters and filters.outlet else "",
        )
        return scope if scope != Scope() else None


class Snapshot:
    """The cache of one store version, memory-mapped; read-only and safe to share between threads."""

    def __init__(self, folder: Path, version: str) -> None:
        self.folder = folder
        self.version = version
        self.ids: list[str] = json.loads((folder / "ids.json").read_text())
        self.rows = {chunk_id: row for row, chunk_id in enumerate(self.ids)}
        self._chunk_offsets = np.load(folder / "chunks.npy", mmap_mode="r")
        self._sentence_offsets = np.load(folder / "sentences.npy", mmap_mode="r")
        self._owners = np.load(folder / "owners.npy", mmap_mode="r")
        self.vectors = np.load(folder / "vectors.npy", mmap_mode="r") if self.ids else np.zeros((0, 0), np.float16)
        self._chunks = _mapped(folder / "chunks.bin")
        self._sentences = _mapped(folder / "sentences.bin")
        self.copies: dict[str, list[list[str]]] = json.loads((folder / "copies.json").read_text())
        self._articles: dict[str, str] = json.loads((folder / "articles.json").read_text())
        self.kinds: dict[str, str] = json.loads((folder / "kinds.json").read_text())
        self._words: dict[str, int] | None = None  # read on first use: a cold start needs none
        self._word_matrix: np.ndarray | None = None  # float16, as the sentences' vectors
        self._record = lru_cache(maxsize=4096)(self._read_chunk)
        self._chunk = lru_cache(maxsize=4096)(self._make_chunk)
        self._evidence = lru_cache(maxsize=16384)(self._read_sentence)

    def __len__(self) -> int:
        return len(self.ids)

    def _read_chunk(self, row: int) -> dict[str, Any]:
        lo, hi = int(self._chunk_offsets[row]), int(self._chunk_offsets[row + 1])
        record: dict[str, Any] = json.loads(self._chunks[lo:hi])
        return record

    def sentence_record(self, row: int) -> list[Any]:
        lo, hi = int(self._sentence_offsets[row]), int(self._sentence_offsets[row + 1])
        record: list[Any] = json.loads(self._sentences[lo:hi])
        return record

    def _read_sentence(self, row: int) -> Evidence:
        article_id, title, start, end, text, term_text, entities, negated = self.sentence_record(row)
        return Evidence(
            article_id,
            title,
            start,
            end,
            text,
            np.asarray(self.vectors[row], dtype=np.float32),
            frozenset(term_text.split()),
            entities_from_rows(entities),
            negated,
        )

    def chunk(self, chunk_id: str) -> Chunk | None:
        row = self.rows.get(chunk_id)
        return None if row is None else self._chunk(row)

    def _make_chunk(self, row: int) -> Chunk:
        r = self._record(row)
        start, text = r["start"], r["text"]
        return Chunk(
            self.ids[row],
            r["article_id"],
            r["title"],
            text,
            start,
            r["end"],
            r["section"],
            tuple(Sentence(a, b, text[a - start : b - start]) for a, b in r["spans"]),
            _fields(r["fields"]),
        )

    def owner(self, row: int) -> str:
        """The id of the chunk that holds the sentence first (an overlap repeats it in the next)."""
        return self.ids[int(self._owners[row])]

    def sentence_rows(self, chunk_id: str) -> list[int]:
        """The cache rows of the chunk's sentences, in order (-1: a sentence with no stored evidence)."""
        row = self.rows.get(chunk_id)
        return [] if row is None else list(self._record(row)["sentences"])

    def evidence(self, row: int) -> Evidence:
        return self._evidence(row)

    @property
    def words(self) -> dict[str, int]:
        """The content words of the sentences (as ``content_words`` gives them), each with its row."""
        if self._words is None:
            path = self.folder / "words.json"
            names: list[str] = json.loads(path.read_text()) if path.exists() else []
            self._word_matrix = np.load(self.folder / "words.npy", mmap_mode="r") if names else None
            self._words = {w: n for n, w in enumerate(names)}
        return self._words

    def word_vectors(self, words: Iterable[str]) -> dict[str, np.ndarray]:
        """The vectors of those of the words the sentences use (as ``content_words`` gives them)."""
        found = [(w, self.words[w]) for w in words if w in self.words]
        if not found or self._word_matrix is None:
            return {}
        rows = np.asarray(self._word_matrix[np.asarray([n for _, n in found])], dtype=np.float32)
        return {w: rows[i] for i, (w, _) in enumerate(found)}

    def lede(self, article_id: str) -> list[Evidence]:
        """The sentences of the article's first chunk, with their evidence."""
        chunk_id = self._articles.get(article_id)
        return [] if chunk_id is None else [self.evidence(r) for r in self.sentence_rows(chunk_id) if r >= 0]

    def admits(self, chunk_id: str, scope: Scope | None) -> bool:
        """Whether the chunk is in the store (as of this version) and inside the scope."""
        row = self.rows.get(chunk_id)
        if row is None:
            return False
        if scope is None:
            return True
        r = self._record(row)
        day = r["published_day"]
        return (
            (not scope.article_id or r["article_id"] == scope.article_id)
            and (not scope.since_day or (day and day >= scope.since_day))
            and (not scope.until_day or (day and day <= scope.until_day))
            and (not scope.outlet_key or r["outlet_key"] == scope.outlet_key)
        )

    def story_sources(self, article_ids: Sequence[str]) -> dict[str, tuple[ArticleRecord, list[ArticleRecord]]]:
        """As :meth:`VectorStore.story_sources`, from the cache: each article's citation fields and
        the records of its copies (an article without chunks here is left out)."""
        wanted = set(article_ids)
        found: dict[str, tuple[ArticleRecord, list[ArticleRecord]]] = {}
        for chunk_id in self._first_chunks(wanted):
            r = self._record(self.rows[chunk_id])
            story = r["article_id"]
            copies = [
                ArticleRecord(i, title, source, "", 0, _fields(dict(zip(FIELDS, values, strict=True))), story)
                for i, source, title, *values in self.copies.get(story, [])
            ]
            found[story] = (ArticleRecord(story, r["title"], r["source"], "", 0, _fields(r["fields"])), copies)
        return found

    def _first_chunks(self, article_ids: set[str]) -> Iterator[str]:
        yield from (self._articles[a] for a in article_ids if a in self._articles)

    def texts(self) -> Iterator[str]:
        for row in range(len(self.ids)):
            yield self._read_chunk(row)["text"]


def _fields(values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in values.items() if v}


def _mapped(path: Path) -> Any:
    if path.stat().st_size == 0:
        return b""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


class ChunkCache:
    """The store's chunk records as of its current version, kept under ``folder`` per version.

    Example:
        >>> cache = ChunkCache(store, data_dir / "cache" / "dealqa")
        >>> cache.snapshot().chunk(chunk_id).text
        'The Vardholm 2 site is in Harwick, a town on the coast. ...'
    """

    def __init__(self, store: VectorStore, folder: Path, encode: Encode | None = None) -> None:
        self.store = store
        self.folder = folder
        self.encode = encode  # embeds the sentences' words (None: a cache without them)
        self._current: Snapshot | None = None
        self._checked = 0.0
        self._told = False  # whether the owner reads the stamp and tells this cache (then it reads none)
        self._lock = threading.Lock()

    def refresh(self, stamp: str | None = None, *, force: bool = False) -> Snapshot:
        """The snapshot of the store's current version. ``stamp``: the version stamp, when the
        caller has just read it; once told a stamp, the cache leaves reading it to that caller (a
        question then makes no read of its own); otherwise it reads it at most every two seconds."""
        with self._lock:
            now = time.monotonic()
            current = self._current
            if (
                stamp is None
                and not force
                and current is not None
                and (self._told or now - self._checked < _FRESHNESS_S)
            ):
                return current
            self._told = self._told or stamp is not None
            self._checked = now
            version = self._version(self.store.version() if stamp is None else stamp)
            if current is None or current.version != version:
                current = self._current = self._load_or_build(version, current)
            return current

    def snapshot(self) -> Snapshot:
        return self.refresh()

    def _version(self, stamp: str) -> str:
        if not stamp:  # a store written before version stamps: hash its manifest
            records = self.store.records()
            stamp = json.dumps(sorted((r.id, r.content_hash) for r in records.values()))
        return hashlib.sha256(f"{_LAYOUT}\x00{stamp}".encode()).hexdigest()[:20]

    def _load_or_build(self, version: str, previous: Snapshot | None) -> Snapshot:
        folder = self.folder / version
        if not (folder / "ids.json").exists():
            problem = self.store.schema_problem()
            if problem:
                raise StoreError(problem)
            if previous is None:
                previous = self._latest_saved()
            tmp = self.folder / f".{version}.{uuid.uuid4().hex[:8]}.tmp"
            tmp.mkdir(parents=True)
            try:
                _build(self.store, tmp, previous, self.encode)
                tmp.rename(folder)  # atomic: a reader sees a whole cache or none
            except OSError:
                if not (folder / "ids.json").exists():
                    raise
            finally:
                shutil.rmtree(tmp, ignore_errors=True)  # another process saved the same version first
            # Older versions go; a process still mapping their files keeps reading them (POSIX).
            for stale in self.folder.iterdir():
                if stale.is_dir() and stale.name != version and not stale.name.endswith(".tmp"):
                    shutil.rmtree(stale, ignore_errors=True)
        return Snapshot(folder, version)

    def _latest_saved(self) -> Snapshot | None:
        saved = [p for p in self.folder.glob("*") if p.is_dir() and not p.name.startswith(".")]
        if not saved:
            return None
        try:
            latest = max(saved, key=lambda p: p.stat().st_mtime)
            return Snapshot(latest, latest.name)
        except (OSError, ValueError):
            return None


def _build(store: VectorStore, folder: Path, previous: Snapshot | None, encode: Encode | None) -> None:
    """Write the cache of the store as it is now. Rows of ``previous`` are reused for chunks whose
    id (a hash of the article id, offset and text) and article record are unchanged; only the other
    chunks are read from the store. So are the vectors of the words it knows; the others are
    embedded."""
    records = store.records()
    stamps = {i: _article_stamp(r) for i, r in records.items()}
    ids = store.chunk_ids()
    reused: dict[str, tuple[dict[str, Any], list[tuple[list[Any], np.ndarray]]]] = {}
    if previous is not None:
        for chunk_id in ids:
            row = previous.rows.get(chunk_id)
            if row is None:
                continue
            old = previous._read_chunk(row)
            if stamps.get(old["article_id"]) != old.get("stamp"):
                continue
            owned = [(previous.sentence_record(r), np.asarray(previous.vectors[r])) for r in old["owned"]]
            reused[chunk_id] = (old, owned)
    fetched = store.chunk_records([i for i in ids if i not in reused])
    words = _write(folder, ids, reused, fetched, stamps)
    if encode is not None:
        _write_words(folder, sorted(words), previous, encode)
    copies: dict[str, list[list[str]]] = {}
    for record in store.copies():
        copies.setdefault(record.copy_of, []).append(
            [record.id, record.source, record.title, *(record.metadata.get(name, "") for name in FIELDS)]
        )
    (folder / "copies.json").write_text(json.dumps(copies))


def _write_words(folder: Path, words: list[str], previous: Snapshot | None, encode: Encode) -> None:
    known = previous.word_vectors(words) if previous is not None else {}
    new = [w for w in words if w not in known]
    for lo in range(0, len(new), _WORD_BATCH):
        batch = new[lo : lo + _WORD_BATCH]
        known.update(zip(batch, encode(batch), strict=True))
    (folder / "words.json").write_text(json.dumps(words))
    matrix = np.stack([known[w] for w in words]).astype(np.float16) if words else np.zeros((0, 0), np.float16)
    np.save(folder / "words.npy", matrix)


def _article_stamp(record: ArticleRecord) -> str:
    return record.content_hash


def _kinds(heads: dict[str, dict[str, int]]) -> dict[str, str]:
    """For each last word of the corpus's multi-word names, the entity type the model gives the
    names it ends, where it gives one type at least twice and to most of them."""
    kinds = {}
    for word, counts in heads.items():
        label, most = max(counts.items(), key=lambda pair: (pair[1], pair[0]))
        if most >= _KIND_MIN and most >= _KIND_SHARE * sum(counts.values()):
            kinds[word] = label
    return kinds


def _write(
    folder: Path,
    ids: list[str],
    reused: dict[str, tuple[dict[str, Any], list[tuple[list[Any], np.ndarray]]]],
    fetched: Iterable[tuple[str, str, dict[str, Any]]],
    stamps: dict[str, str],
) -> set[str]:
    """Write the chunk and sentence files; the content words of the sentences."""
    records: dict[str, tuple[dict[str, Any], list[tuple[list[Any], np.ndarray]]]] = dict(reused)
    for chunk_id, text, meta in fetched:
        article_id = str(meta["article_id"])
        start = int(meta["start"])
        chunk = {
            "article_id": article_id,
            "title": str(meta["title"]),
            "section": str(meta.get("section") or ""),
            "start": start,
            "end": int(meta["end"]),
            "text": text or "",
            "spans": json.loads(str(meta.get("sentences") or "[]")),
            "outlet_key": str(meta.get("outlet_key") or ""),
            "published_day": int(meta.get("published_day") or 0),
            "source": str(meta.get("source") or ""),
            "fields": {name: str(meta.get(name) or "") for name in FIELDS},
            "stamp": stamps.get(article_id, ""),
        }
        rows = evidence_rows(meta)
        vectors = evidence_vectors(meta, len(rows))
        owned = [
            (
                [article_id, chunk["title"], s, e, (text or "")[s - start : e - start], term_text,
                 [[x.label, x.start, x.end, x.clause, x.anchors, x.distances, x.role] for x in entities], negated],
                vectors[n],
            )
            for n, (s, e, term_text, entities, negated) in enumerate(rows)
        ]  # fmt: skip
        records[chunk_id] = (chunk, owned)

    kept = [i for i in ids if i in records]  # a chunk deleted while this was read is left out
    heads: dict[str, dict[str, int]] = {}
    sentence_rows: dict[tuple[str, int, int], int] = {}
    vectors_out: list[np.ndarray] = []
    owners: list[int] = []
    vocabulary: set[str] = set()
    with (folder / "sentences.bin").open("wb") as out:
        offsets = [0]
        for chunk_row, chunk_id in enumerate(kept):
            chunk, owned = records[chunk_id]
            chunk["owned"] = []
            for row_data, vector in owned:
                key = (row_data[0], row_data[2], row_data[3])
                if key in sentence_rows:
                    continue
                sentence_rows[key] = len(vectors_out)
                chunk["owned"].append(len(vectors_out))
                owners.append(chunk_row)
                vectors_out.append(np.asarray(vector, dtype=np.float16))
                vocabulary.update(w for w in content_words(str(row_data[4])) if w.isalpha())
                blob = json.dumps(row_data).encode()
                out.write(blob)
                offsets.append(offsets[-1] + len(blob))
                for label, a, b, *_ in row_data[6]:
                    words = str(row_data[4])[a:b].split()
                    if len(words) > 1:  # "Pellbrook Bank": a bank is what the model calls an ORG
                        counts = heads.setdefault(stem(fold(words[-1])), {})
                        counts[label] = counts.get(label, 0) + 1
    np.save(folder / "sentences.npy", np.asarray(offsets, dtype=np.int64))
    (folder / "kinds.json").write_text(json.dumps(_kinds(heads)))
    np.save(folder / "owners.npy", np.asarray(owners, dtype=np.int32))
    np.save(folder / "vectors.npy", np.stack(vectors_out) if vectors_out else np.zeros((0, 0), np.float16))

    first: dict[str, str] = {}
    with (folder / "chunks.bin").open("wb") as out:
        offsets = [0]
        for chunk_id in kept:
            chunk, _ = records[chunk_id]
            article_id = chunk["article_id"]
            first.setdefault(article_id, chunk_id)
            chunk["sentences"] = [sentence_rows.get((article_id, a, b), -1) for a, b in chunk["spans"]]
            blob = json.dumps(chunk).encode()
            out.write(blob)
            offsets.append(offsets[-1] + len(blob))
    np.save(folder / "chunks.npy", np.asarray(offsets, dtype=np.int64))
    (folder / "articles.json").write_text(json.dumps(first))
    (folder / "ids.json").write_text(json.dumps(kept))
    return vocabulary
