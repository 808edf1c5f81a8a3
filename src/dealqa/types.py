"""Plain frozen data passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Article:
    """One source article; ``text`` is what every character offset points into."""

    id: str
    title: str
    text: str
    source: str = ""
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Entity:
    """A named value a sentence states, as spaCy's model reads it; offsets are in the sentence.

    ``label`` is the model's entity type (DATE, MONEY, GPE, ORG, PERSON, ...); ``clause`` the
    character ranges of the clause it is stated in; ``anchors`` the stems of that clause's content
    words (its verb, subject, object), nearest first, which tie the value to what a question asks
    about. A NAME is a run of proper nouns the model gave no type.
    """

    label: str
    start: int
    end: int
    clause: tuple[tuple[int, int], ...] = ()
    anchors: tuple[str, ...] = ()
    distances: tuple[int, ...] = ()  # of each anchor from the value, in edges of the dependency tree
    role: str = ""  # its dependency relation to its head ("poss" for "Vantor's ...", "pobj", ...)


@dataclass(frozen=True)
class Sentence:
    """A sentence span of an article: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: ``article.text[start:end] == text``."""

    id: str
    article_id: str
    title: str
    text: str
    start: int
    end: int
    section: str = ""
    sentences: tuple[Sentence, ...] = ()
    # its article's metadata (``published``, ``outlet``, ``author``, ``url``) where known
    metadata: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Evidence:
    """A stored sentence as the answerer reads it: its span, its vector, its stemmed content words,
    the named values it states and whether it negates (all computed once at ingest)."""

    article_id: str
    title: str
    start: int
    end: int
    text: str
    vector: np.ndarray
    terms: frozenset[str]
    entities: tuple[Entity, ...] = ()
    negated: bool = False  # it says something is not so ("the price was not disclosed")


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the rankers that found it, each with its best
    1-based rank of it: ``(("dense", 1), ("bm25", 3))``. The named properties read the usual
    rankers' ranks (0: that ranker did not find it): by its own vector, by BM25, by its nearest
    sentence's vector, and among the leading chunks that state an answer of the kind asked."""

    chunk: Chunk
    score: float
    found_by: tuple[tuple[str, int], ...] = ()

    def rank(self, ranker: str) -> int:
        """This hit's rank by the named ranker (0 if it did not find it)."""
        return next((rank for name, rank in self.found_by if name == ranker), 0)

    @property
    def dense_rank(self) -> int:
        return self.rank("dense")

    @property
    def bm25_rank(self) -> int:
        return self.rank("bm25")

    @property
    def sentence_rank(self) -> int:
        return self.rank("sentence")

    @property
    def answer_rank(self) -> int:
        return self.rank("answer")


@dataclass(frozen=True)
class Publication:
    """Who published an article, when and by whom, as its metadata says: the evidence for questions
    about the reporting itself. ``story`` is the stored article it is a copy of (its own id if none)."""

    article_id: str
    title: str
    story: str
    published: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""


@dataclass(frozen=True)
class Retrieval:
    """What retrieval hands the answerer: the hits, each query text's vector, the evidence of the
    hits' sentences and of the sentences nearest to the query (a sentence can answer even when its
    chunk ranks low), and the publications of the hits' stories (each story's copies included).
    ``context``: the chunks read that are no hits (a ranker's first chunk, those that hold the nearest
    sentences), with the evidence of their sentences, which say who each sentence read is about ("Its
    chief financial officer ...")."""

    hits: tuple[Hit, ...]
    query_vectors: tuple[np.ndarray, ...]
    sentences: tuple[Evidence, ...] = ()
    publications: tuple[Publication, ...] = ()
    context: tuple[Chunk, ...] = ()
    context_sentences: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Citation:
    """The exact words of a source that back part of an answer; ``n`` is the ``[n]`` marker."""

    n: int
    article_id: str
    title: str
    start: int
    end: int
    quote: str
    # Where the quote comes from, filled from the article's stored metadata ("" when unknown);
    # ``also_in`` names the outlets (else ids) of the copies merged into the article's story.
    published: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    source: str = ""
    also_in: tuple[str, ...] = ()
    # "quote": the words are the article's, at ``start:end``; "metadata": they render its metadata
    # (an answer about the reporting itself), and ``start == end == 0``
    kind: str = "quote"


@dataclass(frozen=True)
class Answer:
    """What the assistant says, with the citations and hits it rests on.

    ``short`` is the direct answer put first (a date, amount, name...), "" when the answer leads
    with a quote. ``timings`` holds milliseconds per stage. For an LLM answer, ``removed_claims`` holds the draft
    sentences the verifier dropped (the cited sources do not back them), ``draft_sentences`` how many
    the draft had, and ``fallback`` whether the extractive answer was given instead.
    """

    question: str
    text: str
    citations: tuple[Citation, ...]
    abstained: bool
    hits: tuple[Hit, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    answerer: str = "extractive"
    removed_claims: tuple[str, ...] = ()
    draft_sentences: int = 0
    fallback: bool = False
    short: str = ""

    @property
    def lead(self) -> str:
        """What the answer leads with: the short answer, else the first quote, else its text."""
        return self.short or (self.citations[0].quote if self.citations else self.text)

    def to_dict(self, *, with_hits: bool = False) -> dict[str, Any]:
        """JSON-ready form used by the CLI, the REST API and the MCP tools."""
        data: dict[str, Any] = {
            "question": self.question,
            "text": self.text,
            "short": self.short,
            "abstained": self.abstained,
            "answerer": self.answerer,
            "fallback": self.fallback,
            "citations": [asdict(c) for c in self.citations],
            "removed_claims": list(self.removed_claims),
            "draft_sentences": self.draft_sentences,
            "timings_ms": dict(self.timings),
        }
        if with_hits:
            data["hits"] = [hit_to_dict(h) for h in self.hits]
        return data


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """JSON-ready form of a hit, without its sentence spans."""
    c = hit.chunk
    return {
        "chunk_id": c.id,
        "article_id": c.article_id,
        "title": c.title,
        "section": c.section,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "score": hit.score,
        "dense_rank": hit.dense_rank,
        "bm25_rank": hit.bm25_rank,
        "sentence_rank": hit.sentence_rank,
        "answer_rank": hit.answer_rank,
        "found_by": dict(hit.found_by),
        # its article's metadata, as citations carry it
        **{name: c.metadata.get(name, "") for name in ("published", "outlet", "author", "url")},
    }


@dataclass(frozen=True)
class Filters:
    """Which articles a question or search reads: published on or after ``since``, on or before
    ``until`` (ISO dates, inclusive), by ``outlet`` (case and punctuation ignored). Empty: any."""

    since: str = ""
    until: str = ""
    outlet: str = ""

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.outlet)

    def describe(self) -> str:
        """The filters as a person reads them: ``published on or after 2026-05-06, from Reuters``
        ("" when there are none)."""
        parts = [f"published on or after {self.since}"] if self.since else []
        parts += [f"{'' if self.since else 'published '}on or before {self.until}"] if self.until else []
        parts += [f"from {self.outlet}"] if self.outlet else []
        return ", ".join(parts)
