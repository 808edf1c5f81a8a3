"""Hybrid retrieval: named rankers (dense vectors from Chroma, BM25, nearest sentences, answer
type), each with one ``rank(query, k)`` contract, joined by one reciprocal rank fuser."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .cache import ChunkCache, Scope, Snapshot
from .embedding import Embedder
from .store import VectorStore, sentence_id, where_clause
from .text import content_words, fold, nearness, stem, stemmer, terms
from .types import Filters, Hit, Publication, Retrieval

WordCheck = Callable[[str], bool]
# The usual RRF constant: dampens the weight of the very first ranks.
RRF_K = 60
_NAME_TYPO = 85  # rapidfuzz ratio of a mistyped name to the corpus's spelling
_SHORT_WORD = 7  # letters of a word a typo is one edit from; a longer one may be two
_WORD_TYPO = 80  # rapidfuzz ratio of a mistyped word to the one the sentences write
# ...and of a mistyped word of a name to a word the corpus writes beside the name's other words
# (a transposition, "Mraine" for "Marine", scores 83)
_NAME_WORD_TYPO = 75
_BESIDE_CHUNKS = 20  # chunks read for the words written beside a name's word


class BM25Index:
    """A bm25s index over every chunk, persisted under the data directory per store version.

    Built from the local cache of the store (never a read of the store), so a query never sees an
    index older than the cache, and a process start loads the saved index instead of re-tokenizing.
    """

    def __init__(self, cache: ChunkCache, cache_dir: Path) -> None:
        self.cache = cache
        self.cache_dir = cache_dir
        self._version = ""
        self._ids: list[str] = []
        self._retriever: Any = None
        self._vocab: list[str] = []
        self._frequencies = np.zeros(0)
        self._lock = threading.Lock()

    def refresh(self, *, force: bool = False) -> None:
        snapshot = self.cache.refresh(force=force)
        with self._lock:
            if snapshot.version != self._version:
                self._load_or_build(snapshot)

    def _load_or_build(self, snapshot: Snapshot) -> None:
        import bm25s

        version = snapshot.version
        folder = self.cache_dir / version
        try:
            self._ids = json.loads((folder / "ids.json").read_text())
            # Memory-mapped: a process start reads only the pages its queries touch. An empty
            # store's index is only its (empty) ids: bm25s saves nothing for no documents.
            self._retriever = bm25s.BM25.load(str(folder), mmap=True) if self._ids else bm25s.BM25()
        except OSError:  # not built yet (or removed by a process that moved on to a newer version)
            ids = list(snapshot.ids)
            self._retriever = bm25s.BM25()
            if ids:
                self._retriever.index(_tokenize(list(snapshot.texts())), show_progress=False)
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

    def kind(self, noun: str) -> str:
        """The entity type of the corpus's names that end in the stemmed noun ("" if none clear)."""
        return self.cache.snapshot().kinds.get(noun, "")

    def vectors(self, words: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors of those of the words the corpus's sentences use, embedded when it was cached."""
        return self.cache.snapshot().word_vectors(words)

    def corrected(self, text: str, is_word: WordCheck) -> str | None:
        """The text with each misspelt word (not a word the model knows, nor one the corpus uses)
        replaced by the corpus term nearest to it: "who reportd the deal frist" -> "who report the
        deal first". A capitalised word is a name: one the sentences never write is replaced only by
        the one word they write that is a letter away from it ("Pellbrok" -> "Pellbrook"); other names
        stay as typed, for the unknown-name check. None if nothing changed."""

        def fix(match: re.Match[str]) -> str:
            word = match.group()
            if len(word) <= 3 or not content_words(word) or is_word(word):
                return word
            if not word.islower():
                # (a name that is a word is a word, "Hall" of "Orwin Hall Courier", unless the corpus
                # never uses it and writes one word like it beside the name's other words)
                beside = [w for w in _beside(text, match) if self.uses(w)]
                if is_word(word.lower()):
                    return word if self.uses(word) else self._beside_name(word, beside, _NAME_TYPO)
                return self._name(word, beside)
            return self._nearest_word(word) or word

        fixed = re.sub(r"[^\W\d_]+", fix, text)  # words of letters, accented ones too ("Eólica")
        return fixed if fixed != text else None

    def _name(self, word: str, beside: Sequence[str] = ()) -> str:
        """The corpus's spelling of a mistyped name, or the name as typed. ``beside``: the name's
        other words the corpus uses ("Pirrin" of "Pirrin Mraine"), which tell the word apart."""
        self.refresh()
        words = self.cache.snapshot().words
        folded = fold(word).lower()
        # (an acronym, "SPAC", or a short name is no typo of a word a letter away: "space")
        if not words or folded in words or not word.istitle() or len(word) < 5:
            return word
        from rapidfuzz import fuzz, process

        # a letter left out or added, or one changed in a name of seven letters or more, scores
        # above the cut-off; a short name a letter apart ("Varda", "Varga") does not, nor a word
        # ("Orwin", "owing")
        found = process.extract(folded, words.keys(), scorer=fuzz.ratio, score_cutoff=_NAME_TYPO, limit=2)
        if len(found) == 1:
            return _capitalised(str(found[0][0]))
        return self._beside_name(word, beside, _NAME_WORD_TYPO)

    def _beside_name(self, word: str, beside: Sequence[str], cutoff: float) -> str:
        """The one word like the typed one that the corpus writes, capitalised, next to one of
        the name's other words ("Kelda Analytics", not "analysts", for "Kelda Analytcs"), or
        the word as typed."""
        if not beside or len(word) < 5:
            return word
        from rapidfuzz import fuzz, process

        written: set[str] = set()
        for other in beside:
            pattern = re.compile(rf"\b{re.escape(other)}\s+([A-Z][^\W\d_]+)|\b([A-Z][^\W\d_]+)\s+{re.escape(other)}\b")
            for chunk_id in self.search(other, _BESIDE_CHUNKS):
                chunk = self.cache.snapshot().chunk(chunk_id)
                text = chunk.text if chunk is not None else ""
                written |= {fold(a or b).lower() for a, b in pattern.findall(text)}
        found = process.extract(fold(word).lower(), written, scorer=fuzz.ratio, score_cutoff=cutoff, limit=2)
        return _capitalised(str(found[0][0])) if len(found) == 1 else word

    def _nearest_word(self, word: str) -> str | None:
        """The corpus term of the word the sentences write that a misspelt word is a letter or two
        from ("reportd": "reported", so "report"; one letter in a word of seven or fewer), or None, also
        for a word the corpus uses as it is (its stem is a corpus term). Whole words, not stems:
        "severance" is no typo of "seven", though its stem "sever" is a letter from it. (A short
        word is its own stem, and may be one no sentence counts as content: "wich".)"""
        self.refresh()
        if not self._ids or stem(word) in self._retriever.vocab_dict:
            return None
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import DamerauLevenshtein

        typed, edits = fold(word), 1 if len(word) <= _SHORT_WORD else 2

        def nearest(choices: Collection[str]) -> str | None:
            # (most alike, and as many letters apart at most: "bake" is no typo of "make")
            found = process.extractOne(typed, choices, scorer=fuzz.ratio, score_cutoff=_WORD_TYPO)
            return str(found[0]) if found and DamerauLevenshtein.distance(typed, found[0]) <= edits else None

        written = nearest(self.cache.snapshot().words.keys())
        if written is not None:
            return stem(written)
        return nearest(self._vocab) if len(word) <= _SHORT_WORD else None

    def _nearest_term(self, word: str) -> str | None:
        """The word's own stem if the corpus has it, else the closest corpus term (a typo), else None."""
        self.refresh()
        token = stem(word)
        if not self._ids:
            return None
        if token in self._retriever.vocab_dict:
            return token
        from rapidfuzz import fuzz, process  # only for a word the corpus does not use as it is

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


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _beside(text: str, match: re.Match[str]) -> list[str]:
    """The capitalised words just before and after the matched word: the rest of its name."""
    before = re.search(r"([A-Z][^\W\d_]+)\W{0,2}\s+$", text[: match.start()])
    after = re.match(r"\s+([A-Z][^\W\d_]+)", text[match.end() :])
    return [m.group(1) for m in (before, after) if m is not None]


def _tokenize(texts: list[str], *, as_ids: bool = True) -> Any:
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=stemmer(), return_ids=as_ids, show_progress=False)


@dataclass
class Search:
    """What the texts of one question share while they are ranked: their vectors, the scope, the
    answer types asked for, the cache version read, and each ranker's work done once for all texts."""

    texts: Sequence[str]
    vectors: np.ndarray
    snapshot: Snapshot
    scope: Scope | None = None
    where: dict[str, Any] | None = None
    types: frozenset[str] = frozenset()
    head: list[str] = field(default_factory=list)  # the leading fused chunks, for rankers that rerank
    memo: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Query:
    """One text of a question, as a ranker sees it."""

    text: str
    vector: np.ndarray
    index: int
    search: Search


class Ranker(Protocol):
    """One ranking of the chunks: ``rank`` returns the best ``k`` for a query text, best first,
    each hit carrying this ranker's rank of it."""

    name: str

    def rank(self, query: Query, k: int) -> list[Hit]: ...


def _hits(name: str, snapshot: Snapshot, ids: Sequence[str], k: int) -> list[Hit]:
    hits: list[Hit] = []
    for chunk_id in ids:
        chunk = snapshot.chunk(chunk_id)
        if chunk is not None:
            hits.append(Hit(chunk, 0.0, ((name, len(hits) + 1),)))
            if len(hits) == k:
                break
    return hits


class DenseRanker:
    """Chunks by the cosine of their vector to the query's: the store's one vector search, made
    once for all of a question's texts (ids only: the records come from the cache)."""

    name = "dense"

    def __init__(self, store: VectorStore, pool: int = 50) -> None:
        self.store = store
        self.pool = pool

    def ids(self, query: Query, n: int) -> list[str]:
        search = query.search
        width = max(n, self.pool)
        found = search.memo.get(self.name)
        if found is None or found[0] < width:
            found = (width, self.store.nearest_chunk_ids(list(search.vectors), width, search.where))
            search.memo[self.name] = found
        # A chunk the cache does not know yet (another process's ingest, not yet synced) waits.
        return [i for i in found[1][query.index] if i in search.snapshot.rows][:n]

    def rank(self, query: Query, k: int) -> list[Hit]:
        return _hits(self.name, query.search.snapshot, self.ids(query, k), k)


class BM25Ranker:
    """Chunks by BM25 over their stemmed words, filtered by the scope from the cache."""

    name = "bm25"

    def __init__(self, bm25: BM25Index, pool: int = 50) -> None:
        self.bm25 = bm25
        self.pool = pool

    def ids(self, query: Query, n: int) -> list[str]:
        search = query.search
        key = f"{self.name}:{query.index}"
        width = max(n, self.pool)
        found = search.memo.get(key)
        if found is None or found[0] < width:
            # BM25 has no filter; ask for more so the scope's chunks survive it.
            ranked = self.bm25.search(query.text, width * (4 if search.scope else 1))
            found = (width, [i for i in ranked if search.snapshot.admits(i, search.scope)])
            search.memo[key] = found
        return found[1][:n]

    def rank(self, query: Query, k: int) -> list[Hit]:
        return _hits(self.name, query.search.snapshot, self.ids(query, k), k)


class SentenceRanker:
    """Chunks by their nearest sentence to the query (a sentence that answers can sit in a chunk
    whose other sentences pull its vector elsewhere), scored exactly over the sentences of the
    leading dense and BM25 candidates of all the question's texts (of those of the two that run),
    with their float16 vectors from the cache. Its nearest sentences also go to the answerer as evidence."""

    name = "sentence"

    def __init__(self, sources: Sequence[DenseRanker | BM25Ranker], pool: int = 50, sentences: int = 12) -> None:
        self.sources = sources  # the first-stage rankers whose candidates' sentences are scored
        self.pool = pool
        self.sentences = sentences

    def _pool(self, query: Query) -> tuple[list[int], list[str]]:
        """The cache rows of the candidates' sentences and the chunk each is counted for (the
        chunk that holds it first, as the sentence index of schema 1 recorded it)."""
        search = query.search
        found = search.memo.get(self.name)
        if found is None:
            chunks: dict[str, None] = {}
            for index, text in enumerate(search.texts):
                other = Query(text, search.vectors[index], index, search)
                for source in self.sources:
                    chunks.update(dict.fromkeys(source.ids(other, self.pool)))
            owner: dict[int, str] = {}
            for chunk_id in chunks:
                for row in search.snapshot.sentence_rows(chunk_id):
                    if row >= 0 and row not in owner:
                        owner[row] = search.snapshot.owner(row)
            found = (list(owner), list(owner.values()))
            search.memo[self.name] = found
        return found

    def nearest(self, query: Query) -> list[int]:
        """The cache rows of the sentences nearest to the query, nearest first."""
        rows, _ = self._pool(query)
        if not rows:
            return []
        vectors = np.asarray(query.search.snapshot.vectors[np.asarray(rows)], dtype=np.float32)
        scores = vectors @ np.asarray(query.vector, dtype=np.float32)
        best = np.argsort(-scores, kind="stable")[: self.sentences]
        return [rows[int(i)] for i in best]

    def rank(self, query: Query, k: int) -> list[Hit]:
        rows, chunks = self._pool(query)
        position = dict(zip(rows, chunks, strict=True))
        ranked = dict.fromkeys(position[row] for row in self.nearest(query))
        return _hits(self.name, query.search.snapshot, list(ranked), k)


class AnswerTypeRanker:
    """Of the leading fused chunks, those that state a value of the type asked for (a date, an
    amount, ...): a passage that states a date can answer "when"; one that only shares the topic
    cannot. Runs after fusion, on ``search.head``."""

    name = "answer"

    def rank(self, query: Query, k: int) -> list[Hit]:
        search = query.search
        if not search.types:
            return []
        stating = [i for i in search.head if _states(search.snapshot, i, search.types)][:k]
        return _hits(self.name, search.snapshot, stating, k)


class TieRanker:
    """Chunks by how closely a value of the type asked for is tied to the question's words in one
    of its sentences: the question's terms among the words of the value's clause (the anchors the
    parse gave it at ingest), each weighted by its rarity (BM25's idf) and its nearness to the value
    in the parse. "Who is Vantor's chief executive?" finds "Ana Ruiz, Vantor's chief executive,
    said ..." though the rest of that sentence, and its vector, are about something else. Scored
    over the sentences of the dense and BM25 candidates, as the sentence ranker's."""

    name = "tie"

    def __init__(self, sentence: SentenceRanker, bm25: BM25Index) -> None:
        self.sentence = sentence
        self.bm25 = bm25

    def rank(self, query: Query, k: int) -> list[Hit]:
        search = query.search
        asked = {t: self.bm25.weight(t) for t in terms(query.text)}
        total = sum(asked.values())
        if not search.types or not total:
            return []
        rows, chunks = self.sentence._pool(query)
        best: dict[str, float] = {}
        for row, chunk_id in zip(rows, chunks, strict=True):
            for e in search.snapshot.evidence(row).entities:
                if e.label in search.types and not asked.keys().isdisjoint(e.anchors):
                    near = {t: d for t, d in zip(e.anchors, e.distances, strict=True) if t in asked}
                    tie = sum(asked[t] * nearness(d) for t, d in near.items()) / total
                    best[chunk_id] = max(best.get(chunk_id, 0.0), tie)
        ranked = sorted((c for c, tie in best.items() if tie > 0), key=lambda c: (-best[c], c))
        return _hits(self.name, search.snapshot, ranked, k)


class ReciprocalRankFuser:
    """Reciprocal rank fusion: a chunk scores ``weight / (RRF_K + rank)`` in each ranking it is in,
    summed, with a weight per ranker name."""

    def __init__(self, weights: Mapping[str, float], k: int = RRF_K) -> None:
        for name, weight in weights.items():
            if weight < 0:
                raise ValueError(f"ranker weights must be >= 0, got {name}={weight}")
        self.weights = dict(weights)
        self.k = k

    def add(self, fused: dict[str, float], name: str, ranking: Sequence[Hit]) -> None:
        weight = self.weights.get(name, 1.0)
        for rank, hit in enumerate(ranking, 1):
            fused[hit.chunk.id] = fused.get(hit.chunk.id, 0.0) + weight / (self.k + rank)


class HybridRetriever:
    """Named rankers fused by reciprocal rank: by the chunk's vector, by BM25, by its nearest
    sentence's vector; a question asking for a date, place, amount, purpose or gain adds a fourth
    after fusion, the leading chunks that state one. A ranker with weight 0 (Settings) is not run.

    Several texts serve a follow-up question: the question alone and the question with its
    context each rank the chunks, and fusion keeps what either finds.

    Example:
        >>> HybridRetriever(store, cache, embedder, bm25).retrieve(["Where is Vardholm 2?"], k=3).hits[0].chunk.text
        'The Vardholm 2 site is in Harwick, a town on the coast. ...'
    """

    def __init__(
        self,
        store: VectorStore,
        cache: ChunkCache,
        embedder: Embedder,
        bm25: BM25Index,
        candidates: int = 20,
        sentences: int = 12,
        weights: Mapping[str, float] | None = None,
        pool: int = 50,
    ) -> None:
        self.cache = cache
        self.embedder = embedder
        self.fuser = ReciprocalRankFuser(weights or {})
        weighed = self.fuser.weights.get
        dense, lexical = DenseRanker(store, pool), BM25Ranker(bm25, pool)
        # (the sentences scored are those of the candidates of the first-stage rankers that run)
        sources = [r for r in (dense, lexical) if weighed(r.name, 1.0) > 0]
        self.sentence = SentenceRanker(sources, pool, sentences)
        every: list[Ranker] = [dense, lexical, self.sentence, TieRanker(self.sentence, bm25)]
        self.rankers = [r for r in every if weighed(r.name, 1.0) > 0]
        self.rerankers: list[Ranker] = [r for r in [AnswerTypeRanker()] if self.fuser.weights.get(r.name, 1.0) > 0]
        self.candidates = candidates

    def retrieve(
        self,
        queries: Sequence[str],
        k: int,
        article_id: str | None = None,
        types: Collection[str] = (),
        *,
        filters: Filters | None = None,
        vectors: np.ndarray | None = None,
    ) -> Retrieval:
        """The ``k`` best chunks for the query texts, with the evidence of their sentences and of the
        sentences nearest to the queries. ``types``: the entity types that answer the question (a
        DATE, MONEY, ...); the leading chunks that state one rank once more. ``vectors``: the texts'
        vectors, when the caller has them already."""
        snapshot = self.cache.snapshot()
        vectors = self.embedder.encode(list(queries)) if vectors is None else vectors
        search = Search(
            list(queries),
            vectors,
            snapshot,
            Scope.of(article_id, filters),
            where_clause(article_id, filters),
            frozenset(types),
        )
        texts = [Query(text, vectors[i], i, search) for i, text in enumerate(queries)]
        fused: dict[str, float] = {}
        found: dict[str, dict[str, int]] = {}
        firsts: list[str] = []  # each ranker's first chunk for the question as typed
        for query in texts:
            for ranker in self.rankers:
                ranking = ranker.rank(query, self.candidates)
                self.fuser.add(fused, ranker.name, ranking)
                _note(found, ranker.name, ranking)
                firsts += [ranking[0].chunk.id] if ranking and query is texts[0] else []
        search.head = sorted(fused, key=lambda i: (-fused[i], i))[: 2 * k]
        for ranker in self.rerankers:
            ranking = ranker.rank(texts[0], len(search.head))
            self.fuser.add(fused, ranker.name, ranking)
            _note(found, ranker.name, ranking)
        head = sorted(search.head, key=lambda i: (-fused[i], i))
        hits = []
        for chunk_id in head[:k]:
            chunk = snapshot.chunk(chunk_id)
            if chunk is not None:
                hits.append(Hit(chunk, fused[chunk_id], tuple(found[chunk_id].items())))
        # The answerer reads the sentences of the hits and of the chunk each ranker put first: one
        # ranker's sure find (a name tied to the question's words) is not lost to the fusion.
        read = dict.fromkeys([*(hit.chunk.id for hit in hits), *firsts])
        rows = [r for chunk_id in read for r in snapshot.sentence_rows(chunk_id) if r >= 0]
        nearest = [r for query in texts for r in self.sentence.nearest(query)] if self.sentence in self.rankers else []
        rows += nearest
        # The chunks read that are no hits, and those holding the nearest sentences: their sentences
        # say who each sentence read is about
        shown = {hit.chunk.id for hit in hits}
        outside = dict.fromkeys([*read, *(snapshot.owner(r) for r in nearest)])
        context = [c for i in outside if i not in shown and (c := snapshot.chunk(i)) is not None]
        evidence = [snapshot.evidence(r) for r in dict.fromkeys(rows)]
        evidence.sort(key=lambda e: sentence_id(e.article_id, e.start, e.end))
        around = [snapshot.evidence(r) for c in context for r in snapshot.sentence_rows(c.id) if r >= 0]
        publications = _publications(snapshot, hits)
        return Retrieval(tuple(hits), tuple(vectors), tuple(evidence), publications, tuple(context), tuple(around))


def _publications(snapshot: Snapshot, hits: Sequence[Hit]) -> tuple[Publication, ...]:
    """Each hit's story as published, and every copy of it merged into the story, in hit order."""
    found = snapshot.story_sources(list(dict.fromkeys(h.chunk.article_id for h in hits)))
    publications = []
    for story in dict.fromkeys(h.chunk.article_id for h in hits):
        if story not in found:
            continue
        record, copies = found[story]
        for r in (record, *copies):
            publications.append(Publication(r.id, r.title or record.title, story, **r.metadata))
    return tuple(publications)


def _note(found: dict[str, dict[str, int]], name: str, ranking: Sequence[Hit]) -> None:
    """Keep each chunk's best rank by the named ranker."""
    for rank, hit in enumerate(ranking, 1):
        ranks = found.setdefault(hit.chunk.id, {})
        ranks[name] = min(ranks.get(name, rank), rank)


def _states(snapshot: Snapshot, chunk_id: str, types: Collection[str]) -> bool:
    """Whether a sentence of the chunk states a value of one of the types."""
    return any(
        any(e.label in types for e in snapshot.evidence(row).entities)
        for row in snapshot.sentence_rows(chunk_id)
        if row >= 0
    )
