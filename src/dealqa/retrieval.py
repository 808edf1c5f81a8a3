"""Hybrid retrieval: dense vectors from Chroma plus BM25, fused by reciprocal rank."""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .embedding import Embedder
from .store import VectorStore, sentence_id, where_clause
from .text import content_words, fold, stem, stemmer
from .types import Chunk, Evidence, Filters, Hit, Retrieval

WordCheck = Callable[[str], bool]
# The usual RRF constant: dampens the weight of the very first ranks.
RRF_K = 60
# How often a long-lived process checks whether another process changed the store.
_FRESHNESS_S = 2.0


class BM25Index:
    """A bm25s index over every chunk, persisted under the data directory per store version.

    The version is the store's stamp, which every ingest changes, so a query never sees an index
    older than the store, and a process start loads the saved index instead of re-tokenizing.
    """

    def __init__(self, store: VectorStore, cache_dir: Path) -> None:
        self.store = store
        self.cache_dir = cache_dir
        self._version = ""
        self._checked = 0.0
        self._ids: list[str] = []
        self._retriever: Any = None
        self._vocab: list[str] = []
        self._frequencies = np.zeros(0)
        self._lock = threading.Lock()

    def _current_version(self) -> str:
        stamp = self.store.version()
        if not stamp:  # a store written before version stamps: hash its manifest
            records = self.store.records()
            stamp = json.dumps(sorted((r.id, r.content_hash) for r in records.values()))
        return hashlib.sha256(stamp.encode()).hexdigest()[:20]

    def refresh(self, *, force: bool = False) -> None:
        with self._lock:
            now = time.monotonic()
            if not force and self._retriever is not None and now - self._checked < _FRESHNESS_S:
                return
            self._checked = now
            version = self._current_version()
            if version != self._version:
                self._load_or_build(version)

    def _load_or_build(self, version: str) -> None:
        import bm25s

        folder = self.cache_dir / version
        try:
            self._ids = json.loads((folder / "ids.json").read_text())
            # Memory-mapped: a process start reads only the pages its queries touch. An empty
            # store's index is only its (empty) ids: bm25s saves nothing for no documents.
            self._retriever = bm25s.BM25.load(str(folder), mmap=True) if self._ids else bm25s.BM25()
        except OSError:  # not built yet (or removed by a process that moved on to a newer version)
            ids, texts = self.store.all_chunk_texts()
            self._retriever = bm25s.BM25()
            if ids:
                self._retriever.index(_tokenize(texts), show_progress=False)
            self._ids = ids
            # Another process may build the same version at once: each writes its own folder and
            # the first rename wins; only finished older versions are removed.
            for old in self.cache_dir.glob("[!.]*"):
                if old.name != version:
                    shutil.rmtree(old, ignore_errors=True)
            tmp = self.cache_dir / f".{version}.{os.getpid()}.{threading.get_ident()}.tmp"
            tmp.mkdir(parents=True, exist_ok=True)
            if ids:
                self._retriever.save(str(tmp))
            (tmp / "ids.json").write_text(json.dumps(ids))
            try:
                tmp.rename(folder)  # atomic: a reader sees a whole index or none
            except OSError:  # another process finished the same version first
                shutil.rmtree(tmp, ignore_errors=True)
        self._version = version
        self._vocab = list(self._retriever.vocab_dict) if self._ids else []
        # Chunks per term: the column lengths of bm25s's sparse score matrix.
        self._frequencies = np.diff(self._retriever.scores["indptr"]) if self._ids else np.zeros(0)

    @property
    def size(self) -> int:
        """How many chunks the index holds (as of the last refresh)."""
        return len(self._ids)

    def knows(self, word: str) -> bool:
        """Whether the corpus uses the word, allowing for a typo."""
        return self._nearest_term(fold(word)) is not None

    def uses(self, word: str) -> bool:
        """Whether the corpus uses the word as it is written (its stem)."""
        self.refresh()
        return bool(self._ids) and stem(fold(word)) in self._retriever.vocab_dict

    def weight(self, term: str) -> float:
        """BM25's inverse document frequency of a stemmed term (a term no chunk has weighs most)."""
        self.refresh()
        total = len(self._ids)
        token = self._retriever.vocab_dict.get(term) if total else None
        frequency = 0 if token is None else int(self._frequencies[token])
        return math.log((total - frequency + 0.5) / (frequency + 0.5) + 1.0)

    def corrected(self, text: str, is_word: WordCheck) -> str | None:
        """The text with each misspelt word (not a word the model knows, nor one the corpus uses)
        replaced by the corpus term nearest to it: "who reportd the deal frist" -> "who report the
        deal first". Capitalised words are names and stay as typed. None if nothing changed."""

        def fix(match: re.Match[str]) -> str:
            word = match.group()
            if len(word) <= 3 or not word.islower() or not content_words(word) or is_word(word):
                return word
            nearest = self._nearest_term(word)
            # a word the corpus uses as it is (its stem is a corpus term) is no typo
            return word if nearest is None or nearest == stem(word) else nearest

        fixed = re.sub(r"[A-Za-z]+", fix, text)
        return fixed if fixed != text else None

    def _nearest_term(self, word: str) -> str | None:
        """The word's own stem if the corpus has it, else the closest corpus term (a typo), else None."""
        from rapidfuzz import fuzz, process

        self.refresh()
        token = stem(word)
        if not self._ids:
            return None
        if token in self._retriever.vocab_dict:
            return token
        found = process.extractOne(token, self._vocab, scorer=fuzz.ratio, score_cutoff=80)
        return str(found[0]) if found else None

    def search(self, query: str, n: int) -> list[str]:
        """Chunk ids by BM25 score, best first; only chunks that share a term with the query."""
        self.refresh()
        if not self._ids:
            return []
        vocab = self._retriever.vocab_dict
        terms = [t for t in _tokenize([query], as_ids=False)[0] if t in vocab]
        if not terms:
            return []
        docs, scores = self._retriever.retrieve([terms], k=min(n, len(self._ids)), show_progress=False)
        return [self._ids[int(d)] for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


def _tokenize(texts: list[str], *, as_ids: bool = True) -> Any:
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=stemmer(), return_ids=as_ids, show_progress=False)


class HybridRetriever:
    """Three rankings of the chunks for each query text, fused with reciprocal rank fusion: by the
    chunk's vector, by BM25, and by the vector of its nearest sentence (a sentence that answers
    can sit in a chunk whose other sentences pull its vector elsewhere). A question asking for a
    date, place, amount, purpose or gain adds a fourth: the leading chunks that state one.

    Several texts serve a follow-up question: the question alone and the question with its
    context each rank the chunks, and fusion keeps what either finds.

    Example:
        >>> HybridRetriever(store, embedder, bm25).retrieve(["Where is Colossus 1?"], k=3).hits[0].chunk.text
        'The Colossus 1 facility is located in Memphis, Tennessee [2]. ...'
    """

    def __init__(
        self, store: VectorStore, embedder: Embedder, bm25: BM25Index, candidates: int = 20, sentences: int = 12
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.bm25 = bm25
        self.candidates = candidates
        self.sentences = sentences

    def retrieve(
        self,
        queries: Sequence[str],
        k: int,
        article_id: str | None = None,
        types: Collection[str] = (),
        *,
        filters: Filters | None = None,
    ) -> Retrieval:
        """The ``k`` best chunks for the query texts, with the evidence of their sentences and of the
        sentences nearest to the queries. ``types``: the entity types that answer the question (a
        DATE, MONEY, ...); the leading chunks that state one rank once more."""
        # One article and/or a date range and an outlet: Chroma filters the vector searches on
        # chunk and sentence metadata; BM25's ranking is filtered by the same clause after.
        scope = where_clause(article_id, filters)
        vectors = self.embedder.encode(list(queries))
        rankings: list[list[str]] = []
        nearest_ids: list[str] = []
        for query, vector in zip(queries, vectors, strict=True):
            nearest = self.store.nearest_sentences(vector, self.sentences, scope)
            nearest_ids += [sentence for sentence, _ in nearest]
            rankings += [
                self.store.nearest_chunk_ids(vector, self.candidates, scope),
                # BM25 has no filter; ask for more so the article's chunks survive the filter.
                self.bm25.search(query, self.candidates * (4 if scope else 1)),
                list(dict.fromkeys(chunk for _, chunk in nearest if chunk)),
            ]
        chunks: dict[str, Chunk] = {}
        if scope:
            within = self.store.chunk_ids_within([i for r in rankings for i in r], scope)
            rankings = [[i for i in r if i in within] for r in rankings]
        rankings = [r[: self.candidates] for r in rankings]

        fused: dict[str, float] = {}
        for ranking in rankings:
            for rank, chunk_id in enumerate(ranking, 1):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank)
        # Read only the chunks that may be shown, with spares for ids a concurrent ingest removed.
        head = sorted(fused, key=lambda i: (-fused[i], i))[: 2 * k]
        chunks.update({c.id: c for c in self.store.get_chunks([i for i in head if i not in chunks])})
        head = [i for i in head if i in chunks]
        wanted = [sentence_id(chunks[i].article_id, s.start, s.end) for i in head for s in chunks[i].sentences]
        evidence = {
            sentence_id(e.article_id, e.start, e.end): e for e in self.store.get_sentences(wanted + nearest_ids)
        }
        stating: list[str] = []
        if types:
            # A passage that states a date (an amount, ...) can answer "when" (how much, ...); one
            # that only shares the topic cannot: of the chunks read, those rank once more.
            stating = [i for i in head if _states(chunks[i], evidence, types)]
            for rank, chunk_id in enumerate(stating, 1):
                fused[chunk_id] += 1.0 / (RRF_K + rank)
            head.sort(key=lambda i: (-fused[i], i))
        best = head[:k]
        hits = tuple(
            Hit(
                chunks[i],
                fused[i],
                _rank(rankings[0::3], i),
                _rank(rankings[1::3], i),
                _rank(rankings[2::3], i),
                _rank([stating], i),
            )
            for i in best
        )
        shown = {sentence_id(chunks[i].article_id, s.start, s.end) for i in best for s in chunks[i].sentences}
        keep = [key for key in dict.fromkeys([*shown, *nearest_ids]) if key in evidence]
        return Retrieval(hits, tuple(vectors), tuple(evidence[key] for key in sorted(keep)))


def _states(chunk: Chunk, evidence: dict[str, Evidence], types: Collection[str]) -> bool:
    """Whether a sentence of the chunk states a value of one of the types."""
    for s in chunk.sentences:
        found = evidence.get(sentence_id(chunk.article_id, s.start, s.end))
        if found and any(e.label in types for e in found.entities):
            return True
    return False


def _rank(rankings: list[list[str]], chunk_id: str) -> int:
    """The best 1-based rank of a chunk in any of the rankings; 0 if it is in none."""
    return min((r.index(chunk_id) + 1 for r in rankings if chunk_id in r), default=0)
