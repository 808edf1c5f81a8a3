"""Deterministic checks of an LLM draft against the sources it cites.

A draft sentence is kept only if it cites a source, every number, date and proper name in it
appears in the cited text, and its wording is close to one of the cited source sentences
(cosine of the sentence embeddings at least ``min_similarity``). Each kept sentence's citation
points at that closest source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..chunking import split_sentences
from ..nlp import parse
from ..text import SOURCE_MARKER, fold
from ..types import Citation, Sentence

# Chosen on the eval set: reworded source sentences score above it, invented ones below (see README).
DEFAULT_MIN_SIMILARITY = 0.7
_MARKER = re.compile(r"\[(\d{1,3})\]")
# "... Tennessee. [2]" -> "... Tennessee [2]." so a marker stays with the sentence it follows.
_TRAILING_MARKERS = re.compile(r"([.!?])((?:\s*\[\d{1,3}\])+)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Source:
    """A passage given to the LLM as ``[n]``."""

    n: int
    article_id: str
    title: str
    text: str
    start: int  # of the passage in its article
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray  # one row per sentence


@dataclass(frozen=True)
class Verdict:
    sentence: str  # the draft sentence without markers
    supported: bool
    reason: str
    backing: tuple[Citation, ...] = ()  # the source sentences that back it; ``n`` is the source's number


class Verifier:
    """Checks draft sentences against their cited sources.

    Example:
        >>> verifier = Verifier(embedder.encode)
        >>> verifier.check("Quarry Labs is based in Boston [1].", sources).supported
        False
    """

    def __init__(self, embed: Embed, min_similarity: float = DEFAULT_MIN_SIMILARITY) -> None:
        if not 0.0 < min_similarity <= 1.0:
            raise ValueError(f"min_similarity must be in (0, 1], got {min_similarity}")
        self.embed = embed
        self.min_similarity = min_similarity

    def sentences(self, draft: str) -> list[str]:
        """The draft split into sentences, each keeping the markers that follow it."""
        text = _TRAILING_MARKERS.sub(lambda m: f"{m.group(2)}{m.group(1)}", draft)
        return [s.text.strip() for s in split_sentences(text) if s.text.strip()]

    def check(self, sentence: str, sources: Sequence[Source], types: Sequence[str] = ()) -> Verdict:
        """Whether the cited sources back the sentence; ``types``: the entity types the question
        asks for (a sentence answering "when" must state a DATE)."""
        by_n = {s.n: s for s in sources}
        cited = [by_n[n] for n in dict.fromkeys(int(m) for m in _MARKER.findall(sentence)) if n in by_n]
        claim = " ".join(SOURCE_MARKER.sub("", _MARKER.sub("", sentence)).split())
        claim = re.sub(r"\s+([.,;:!?])", r"\1", claim)
        if not cited:
            return Verdict(claim, False, "cites no source given")
        cited_words = set(fold(" ".join(s.text for s in cited)).split())
        doc = parse(claim)
        if types and not any(e.label_ in types for e in doc.ents):
            return Verdict(claim, False, f"states no value of the type asked for ({', '.join(types)})")
        # Names, numbers and dates as the model reads them, and proper nouns and acronyms it did not type.
        facts = [e.text for e in doc.ents] + _NUMBER.findall(claim)
        facts += [t.text for t in doc if t.pos_ == "PROPN" or (t.is_upper and len(t) > 1 and t.is_alpha)]
        missing = [fact for fact in facts if not set(fold(fact).split()) <= cited_words]
        if missing:
            return Verdict(claim, False, f"not in the cited text: {', '.join(missing)}")
        vector = self.embed([claim])[0]
        backing = []
        for source in cited:
            if not len(source.sentences):
                continue
            scores = source.vectors @ vector
            best = int(np.argmax(scores))
            if scores[best] >= self.min_similarity:
                s = source.sentences[best]
                backing.append(Citation(source.n, source.article_id, source.title, s.start, s.end, s.text))
        if not backing:
            return Verdict(claim, False, "its wording is not close to any cited sentence")
        return Verdict(claim, True, "", tuple(backing))
