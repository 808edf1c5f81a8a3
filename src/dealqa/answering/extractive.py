"""The default answerer: picks the source sentences that answer, never writes one of its own.

A short direct answer (a date, place, name or number lifted from the best cited sentence) may
come first; every sentence after it is quoted from a source and cited. When the articles
disagree, the best sentence of each article is shown with its own citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Protocol

import numpy as np

from ..store import VectorStore, sentence_id
from ..types import Chunk, Citation, Hit, Retrieval
from .facts import (
    SOURCE_MARKER,
    UNDISCLOSED,
    AnswerType,
    Mention,
    acronym_terms,
    benefits,
    clause,
    content_words,
    fits,
    fold,
    mentioned,
    mentions,
    proportions,
    terms,
)
from .questions import alternatives, answer_type, asks_for_several, beneficiaries, proper_names

# Lexical overlap helps pick the sentence that uses the question's own words among similar ones.
_OVERLAP_WEIGHT = 0.3
# Another article's sentence joins the answer when it scores this close to the best one (closer
# still when nothing but similarity says it answers: no date, place or number asked for, nor
# several names)...
_OTHER_ARTICLE_MARGIN = {True: 0.15, False: 0.08}
# ...and a second sentence of the same article when it is closer still.
_SAME_ARTICLE_MARGIN = 0.07
_TYPED_SCORE_RELIEF = 0.2
# How much the clause stating a typed answer counts beside the whole sentence's score.
_ATTACHMENT_WEIGHT = 1.0
# The leading candidates, and the mentions in each, whose clauses are embedded to weigh them.
_WEIGHED = 2
# A sentence naming someone new ranks this much higher for a who or which question...
_NAME_BONUS = 0.1
# ...when the name stands within this many words of the question's own words ("reported by Decrypt").
_NAME_REACH = 4
_MAX_SENTENCES = 3
_CLOSEST_SHOWN = 2
# Kinds of answer a sentence must state to count (and may then be less similar to the question).
_TYPED = (AnswerType.DATE, AnswerType.PLACE, AnswerType.NUMBER, AnswerType.PURPOSE, AnswerType.BENEFIT)
# Kinds answered by a clause of the quoted sentence, never by a short answer put first.
_CLAUSAL = (AnswerType.PURPOSE, AnswerType.BENEFIT)


class Lexicon(Protocol):
    """What the corpus's words tell the answerer (the BM25 index is one)."""

    def knows(self, word: str) -> bool:
        """Whether the corpus uses the word, allowing for a typo."""
        ...

    def weight(self, term: str) -> float:
        """How much a stemmed term tells a passage apart: rare terms weigh more."""
        ...


@dataclass(frozen=True)
class Candidate:
    article_id: str
    title: str
    start: int
    end: int
    text: str
    relevance: float  # cosine similarity to the question (or its condensed form)
    score: float  # relevance plus lexical overlap
    short: str = ""  # for a typed question: the mention it answers with


@dataclass(frozen=True)
class Draft:
    """An answer before timings and hits are attached.

    The LLM answerer also reports the draft sentences its verifier removed, how many sentences
    the draft had, and whether it fell back to the extractive answer.
    """

    text: str
    citations: tuple[Citation, ...]
    abstained: bool
    removed_claims: tuple[str, ...] = ()
    draft_sentences: int = 0
    fallback: bool = False


class ExtractiveAnswerer:
    """Answers from stored sentences only: those of the retrieved chunks, and the sentences
    nearest to the question (a sentence can answer even when its chunk ranks low).

    Args:
        store: where the sentences and their vectors are.
        lexicon: the corpus's words; names it does not know make the answerer abstain instead of
            answering about something else, and rare words weigh more in lexical overlap.
        encode: the embedding model, for the clauses that state a typed answer (a date, ...).
        min_score: below this score no sentence is taken as an answer.

    Example:
        >>> answerer = ExtractiveAnswerer(store, bm25, embedder.encode)
        >>> answerer.answer("When was the deal signed?", "When was the deal signed?", retrieval).text
        'May 6, 2026 [1]. SpaceX signed a deal on May 6, 2026, to lease ... [1] ...'
    """

    name = "extractive"

    def __init__(
        self, store: VectorStore, lexicon: Lexicon, encode: Callable[[list[str]], np.ndarray], min_score: float = 0.45
    ) -> None:
        if not 0.0 <= min_score < 2.0:
            raise ValueError(f"min_score must be in [0, 2), got {min_score}")
        self.store = store
        self.lexicon = lexicon
        self.encode = encode
        self.min_score = min_score

    def answer(self, question: str, query: str, retrieval: Retrieval) -> Draft:
        """Answer ``question`` from what was retrieved for it.

        Args:
            question: what the user asked.
            query: the question with the context of earlier turns (the same text for a first question).
            retrieval: the hits, the query vectors they were found with and the nearest sentences.
        """
        candidates = self.candidates(question, retrieval)
        unknown = self._unknown_names(question, retrieval.hits)
        sides = alternatives(question)
        if sides and sum(any(mentioned(name, side) for name in unknown) for side in sides) == 1:
            unknown = []  # "June or July?": an alternative the articles never name is just not the answer
        if unknown:
            return abstain(f"The articles in the corpus don't mention {' or '.join(unknown)}.", candidates)
        if self._mostly_unknown(query):
            return abstain("The articles in the corpus don't cover that.", candidates)
        kind = answer_type(question)
        relevant = self._relevant(question, kind, candidates, retrieval.query_vectors)
        if not relevant and kind in _CLAUSAL:
            # A purpose or a gain can be told in words no pattern knows: answer as a plain question.
            kind = AnswerType.NONE
            relevant = self._relevant(question, kind, candidates, retrieval.query_vectors)
        if not relevant:
            reason = (
                "don't say" if kind in (AnswerType.NONE, AnswerType.NAME) else f"don't give the {kind.value} asked for"
            )
            return abstain(f"The articles in the corpus {reason}.", candidates)
        chosen = self._choose_each(relevant, sides) if sides and kind is AnswerType.NONE else []
        return _compose(question, kind, chosen or _choose(relevant, kind in _TYPED or asks_for_several(question)))

    def _relevant(
        self, question: str, kind: AnswerType, candidates: list[Candidate], vectors: Sequence[np.ndarray]
    ) -> list[Candidate]:
        """The candidates that can answer a question of this kind, best first."""
        if kind is AnswerType.NONE:
            return [c for c in candidates if c.score >= self.min_score]
        if kind is AnswerType.NAME:
            # News sentences are full of names: naming one is a hint, not a requirement.
            return sorted(
                (
                    replace(c, score=c.score + _NAME_BONUS)
                    if _short_answers(c.text, kind, question, within=_NAME_REACH)
                    else c
                    for c in candidates
                    if c.score >= self.min_score
                ),
                key=_rank,
            )
        # A sentence that states what is asked for (a date, place, number, purpose or gain) needs
        # less similarity to count.
        typed = [
            c
            for c in candidates
            if c.score >= self.min_score - _TYPED_SCORE_RELIEF and states_answer(c.text, kind, question)
        ]
        return self._attached(question, kind, typed, vectors)

    def stream(self, question: str, query: str, retrieval: Retrieval) -> Iterator[str | Draft]:
        """The whole answer at once (quoting needs no streaming), for the same interface as the LLM."""
        draft = self.answer(question, query, retrieval)
        yield draft.text
        yield draft

    def rewrite(self, question: str, history: Sequence[str]) -> str | None:
        """No model to rewrite follow-ups with; the rule-based condensed query serves alone."""
        return None

    def abstain_with_passages(self, question: str, retrieval: Retrieval) -> Draft:
        """The plain refusal, with the passages closest to the question."""
        return abstain("The articles in the corpus don't say.", self.candidates(question, retrieval))

    def candidates(self, question: str, retrieval: Retrieval) -> list[Candidate]:
        """Every distinct sentence of the hits and near the question, best first."""
        hits, vectors = retrieval.hits, retrieval.query_vectors
        ids = {sentence_id(h.chunk.article_id, s.start, s.end) for h in hits for s in h.chunk.sentences}
        ids.update(retrieval.sentence_ids)
        pool = {sentence_id(s.article_id, s.start, s.end): s for s in self.store.get_sentences(sorted(ids))}
        asked = {t: self.lexicon.weight(t) for t in terms(question)}
        asked_weight = sum(asked.values())
        relevance = {key: max(float(np.dot(v, s.vector)) for v in vectors) for key, s in pool.items()}
        neighbours = _neighbours(hits) if answer_type(question) in _TYPED else {}
        found: dict[str, Candidate] = {}
        for key, s in sorted(pool.items(), key=lambda item: (item[1].article_id, item[1].start)):
            # A date, place or number is often stated next to the sentence that matches the
            # question ("...data center to Anthropic. The facility is located in Memphis."):
            # such a sentence is scored with the passage around it.
            context = max((relevance[n] for n in neighbours.get(key, ()) if n in relevance), default=-1.0)
            windowed = max(relevance[key], (relevance[key] + context) / 2)
            stated = s.terms | acronym_terms(question, s.text)
            overlap = sum(w for t, w in asked.items() if t in stated) / asked_weight if asked_weight else 0.0
            score = windowed + _OVERLAP_WEIGHT * overlap
            # A pull quote repeats a sentence: cite its first occurrence, with the better score.
            same = fold(SOURCE_MARKER.sub("", s.text))
            first = found.get(same)
            if first is None or first.score < score:
                at = first or s
                found[same] = Candidate(at.article_id, at.title, at.start, at.end, at.text, relevance[key], score)
        return sorted(found.values(), key=_rank)

    def _attached(
        self, question: str, kind: AnswerType, typed: list[Candidate], vectors: Sequence[np.ndarray]
    ) -> list[Candidate]:
        """The typed candidates ranked with the clause that states their answer, each with its best
        one as its short answer: in "the deal deepens ties ahead of the IPO in June", June is when
        the IPO is, not when the deal was signed, though the sentence is about the deal. Only the
        order changes: the scores, which decide what else joins the answer, stay as they were.
        Only the leaders and their mentions nearest the question's words are weighed (each clause
        is a pass of the model: about 2.5 ms on two cores)."""
        typed = sorted(typed, key=_rank)
        leaders, rest = typed[:_WEIGHED], typed[_WEIGHED:]
        stated = {
            c: [
                (m, clause(SOURCE_MARKER.sub("", c.text), m)) for m in _short_answers(c.text, kind, question)[:_WEIGHED]
            ]
            for c in leaders
        }
        texts = list(dict.fromkeys(text for found in stated.values() for _, text in found))
        closeness = dict(
            zip(texts, (max(float(np.dot(q, v)) for q in vectors) for v in self.encode(texts)), strict=True)
        )
        ranked = []
        for c, found in stated.items():
            if not found:  # "the terms are not public": the sentence is its own clause
                ranked.append((c.score + _ATTACHMENT_WEIGHT * c.relevance, c))
                continue
            mention, text = max(found, key=lambda item: closeness[item[1]])
            ranked.append((c.score + _ATTACHMENT_WEIGHT * closeness[text], replace(c, short=mention.text)))
        return [c for _, c in sorted(ranked, key=lambda item: (-item[0], *_rank(item[1])[1:]))] + rest

    def _choose_each(self, relevant: list[Candidate], sides: tuple[str, str]) -> list[Candidate]:
        """For "A or B?": the best sentences on each alternative (those using its most telling
        word), so the answer shows what the articles say of both; none when one side has none."""
        chosen: list[Candidate] = []
        for side, other in (sides, sides[::-1]):
            distinct = terms(side) - terms(other)
            if not distinct:
                return []
            key = max(sorted(distinct), key=self.lexicon.weight)
            on_side = [c for c in relevant if key in terms(c.text) and c not in chosen]
            if not on_side:
                return []
            chosen += _choose(on_side, wide=False)
        return sorted(chosen, key=_rank)[:_MAX_SENTENCES]

    def _mostly_unknown(self, query: str) -> bool:
        """True when most of the query's content words appear nowhere in the corpus (typos allowed)."""
        words = content_words(query)
        return sum(1 for w in words if not self.lexicon.knows(w)) * 2 > len(words)

    def _unknown_names(self, question: str, hits: Sequence[Hit]) -> list[str]:
        """Names in the question the corpus never uses (a numbered name such as "Colossus 2" must
        appear exactly)."""
        passages = " ".join(h.chunk.text for h in hits)
        unknown = []
        for name in proper_names(question):
            words = fold(name).split()
            if any(w.isdigit() for w in words):
                if not mentioned(name, passages):
                    unknown.append(name)
            elif not all(self.lexicon.knows(w) for w in words if len(w) > 3 or not w.isalpha()):
                unknown.append(name)
        return unknown


def _neighbours(hits: Sequence[Hit]) -> dict[str, set[str]]:
    """The sentences next to each sentence in the retrieved chunks, by sentence id."""
    found: dict[str, set[str]] = {}
    for hit in hits:
        ids = [sentence_id(hit.chunk.article_id, s.start, s.end) for s in hit.chunk.sentences]
        for a, b in pairwise(ids):
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
    return found


def _short_answers(sentence: str, kind: AnswerType, question: str, within: int | None = None) -> list[Mention]:
    """What the sentence can answer a typed question with, nearest to the question's words first.

    Mentions the question already contains are not answers ("Colossus 1" for "Where is Colossus 1?").
    """
    shown = SOURCE_MARKER.sub("", sentence)
    asked = fold(question)
    found = [m for m in mentions(shown, kind) if fold(m.text) not in asked and fits(m, question)]
    if kind is AnswerType.NUMBER:
        found += proportions(shown, question)
    if kind is AnswerType.BENEFIT:
        found += benefits(shown, beneficiaries(question))
    anchors = [m.start() for t in terms(question) for m in re.finditer(re.escape(t), shown.lower())]
    if anchors:
        found.sort(key=lambda m: min(abs(m.start - a) for a in anchors))
    if within is not None:
        words = [w.start() for w in re.finditer(r"\w+", shown)]
        found = [m for m in found if any(_words_between(words, m, a) <= within for a in anchors)]
    return found


def answers_kind(question: str) -> Callable[[Chunk], bool] | None:
    """For a question asking for a date, place, number, purpose or gain: whether a chunk states
    one (retrieval ranks those higher); None for other questions."""
    kind = answer_type(question)
    if kind not in _TYPED:
        return None
    return lambda chunk: any(states_answer(s.text, kind, question) for s in chunk.sentences)


def states_answer(sentence: str, kind: AnswerType, question: str) -> bool:
    """Whether the sentence states an answer of the kind the question asks for (a date, ...)."""
    return bool(_short_answers(sentence, kind, question)) or _undisclosed_amount(sentence, kind, question)


def _words_between(words: list[int], mention: Mention, at: int) -> int:
    """How many words of the sentence (given by their start offsets) lie between a mention and an offset."""
    lo, hi = sorted((mention.start, at))
    return sum(1 for w in words if lo < w < hi and not mention.start <= w < mention.end)


def _rank(c: Candidate) -> tuple[float, str, int]:
    return (-c.score, c.article_id, c.start)


def _undisclosed_amount(sentence: str, kind: AnswerType, question: str) -> bool:
    """ "The terms are not public" answers how much or how long, the things deals keep quiet, when
    it is about what the question names (the deal's terms say nothing of another company's value)."""
    if kind is not AnswerType.NUMBER or not UNDISCLOSED.search(sentence):
        return False
    names = proper_names(question)
    return not names or any(mentioned(name, sentence) for name in names)


def _choose(relevant: list[Candidate], wide: bool) -> list[Candidate]:
    """The best sentence, and those close to it; ``wide`` when the answer is checked by its type or
    spread over several sentences, so other articles may join from further behind."""
    best = relevant[0]
    chosen = [best]
    for candidate in relevant[1:]:
        if len(chosen) == _MAX_SENTENCES:
            break
        new_article = all(c.article_id != candidate.article_id for c in chosen)
        margin = _OTHER_ARTICLE_MARGIN[wide] if new_article else _SAME_ARTICLE_MARGIN
        if candidate.score >= best.score - margin:
            chosen.append(candidate)
    return chosen


def _compose(question: str, kind: AnswerType, chosen: list[Candidate]) -> Draft:
    citations = tuple(_cite(n, c) for n, c in enumerate(chosen, 1))
    body = " ".join(f"{_display(c.text)} [{n}]" for n, c in enumerate(chosen, 1))
    short = chosen[0].short
    if kind is AnswerType.NAME:
        names = {m.text for m in _short_answers(chosen[0].text, kind, question)}
        # Several names in one sentence leave the answer open; the quoted sentence says it better.
        short = names.pop() if len(names) == 1 else ""
    # A purpose or a gain is a clause, not a short answer: the quoted sentence states it.
    if short and kind not in _CLAUSAL and not UNDISCLOSED.search(chosen[0].text):
        return Draft(f"{short} [1]. {body}", citations, abstained=False)
    return Draft(body, citations, abstained=False)


def abstain(reason: str, candidates: Sequence[Candidate]) -> Draft:
    """A plain refusal that still offers the closest passages, cited."""
    closest = list(candidates[:_CLOSEST_SHOWN])
    if not closest:
        return Draft(reason, (), abstained=True)
    shown = " ".join(f"“{_display(c.text)}” [{n}]" for n, c in enumerate(closest, 1))
    citations = tuple(_cite(n, c) for n, c in enumerate(closest, 1))
    return Draft(f"{reason} Closest passages: {shown}", citations, abstained=True)


def _cite(n: int, c: Candidate) -> Citation:
    return Citation(n, c.article_id, c.title, c.start, c.end, c.text)


def _display(sentence: str) -> str:
    """The sentence as shown in an answer: without the source's own reference markers."""
    return " ".join(SOURCE_MARKER.sub("", sentence).split())
