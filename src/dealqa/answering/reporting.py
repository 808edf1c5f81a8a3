"""Questions about the reporting itself (which outlet published a story, when, who wrote it),
answered from the articles' metadata and cited as metadata.

The body of an article rarely names its own outlet, author or date; its metadata does (front
matter, HTML meta tags, a feed item). A question asks for a metadata field when the noun of its
"which/what NOUN" is near one of the field's names by the embedding model ("newspaper" is near
"outlet"), when it asks "who" or "when" of a verb near the act of publishing ("reported", "ran the
story"), or when it names the outlet or author of a retrieved article ("When did the Orwin Courier
..."). The names are those of dealqa's own metadata schema, not of any corpus. An ordinal or a
superlative ("first", "most recently") orders the publications by date, by its nearness to
"earliest" and "latest".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..metadata import human_date
from ..text import STOPWORDS, fold, mentioned, terms
from ..types import Citation, Publication, Retrieval
from .questions import Question

Encode = Callable[[list[str]], np.ndarray]

# The schema's names of the fields a "which NOUN" may ask for.
_FIELD_NOUNS = {
    "outlet": ("outlet", "newspaper", "publication", "publisher"),
    "author": ("author", "journalist", "reporter", "writer"),
    "url": ("url", "link", "web address"),
}
# The acts of publishing, and the field a "who" asks for with each; a "when" asks for the date.
_PUBLISHING = {"published": "outlet", "reported": "outlet", "wrote": "author"}


def acts(field: str) -> frozenset[str]:
    """The stems of the acts of publishing that give the field ("report" for an outlet; every act
    for the date published), as a sentence's anchors hold them."""
    return frozenset(t for act, of in _PUBLISHING.items() if field in (of, "published") for t in terms(act))


_QUESTION_WORDS = frozenset({"who", "whom", "whose", "when", "where", "why", "how", "what", "which"})
_LINK = 0.6  # cosine from a question word to a field's name at which it asks for that field
_ORDER = ("earliest", "latest")
_ORDER_LINK = 0.5  # ... and from its ordinal to "earliest" or "latest", ahead of the other by:
_ORDER_MARGIN = 0.1
_MAX_LISTED = 4
# every word the schema compares a question's words with
_SCHEMA_WORDS = (*(n for names in _FIELD_NOUNS.values() for n in names), *_PUBLISHING, *_ORDER)
_MAX_WORDS = 10_000


@dataclass(frozen=True)
class Told:
    """An answer about the reporting: the field asked for, the short answer, its text and its
    metadata citations."""

    field: str
    short: str
    text: str
    citations: tuple[Citation, ...]
    abstained: bool = False


class ReportingReader:
    """Reads which metadata field a question asks for, and answers it from the publications that
    retrieval found (each hit's story and the copies merged into it).

    Example:
        >>> reporting = ReportingReader(embedder.encode)
        >>> reporting.answer(reader.read("Which outlet first reported the Vantor deal?"), retrieval).short
        'The Orwin Courier (4 March 2027) [1]'
    """

    def __init__(self, encode: Encode) -> None:
        self.encode = encode
        self._names: dict[str, np.ndarray] = {}

    def answer(self, question: Question, retrieval: Retrieval) -> Told | None:
        """The answer from metadata, or None when the question asks for no metadata field."""
        publications = list(retrieval.publications)
        # the outlet or author it names ("the Orwin Courier"), else the day it names
        named = [p for p in publications if any(names_publisher(n, p) for n in question.names)]
        named = named or [p for p in publications if _names_day(question.text, p.published)]
        asked = self.asked(question, bool(named))
        if not asked:
            return None
        topic = [n for n in question.names if not any(names_publisher(n, p) for p in named)]
        about = _about(question, topic, publications, retrieval)
        chosen = ([p for p in named if p in about] or named) if named else about
        if not chosen:
            return None
        with_value = [p for p in chosen if _value(p, asked)]
        if not with_value:
            return Told(asked, "", f"The articles' metadata doesn't say {_WHAT[asked]}.", (), abstained=True)
        with_value.sort(key=lambda p: (p.published or "9999", p.article_id))
        order = self._order(question.order)
        if order == "latest":
            with_value.reverse()
        if order:
            with_value = [p for p in with_value if p.published == with_value[0].published]
        values = list(dict.fromkeys(_shown(p, asked) for p in with_value))[:_MAX_LISTED]
        listed = [next(p for p in with_value if _shown(p, asked) == v) for v in values]
        citations = tuple(_cite(n, p) for n, p in enumerate(listed, 1))
        short = "; ".join(f"{v} [{n}]" for n, v in enumerate(values, 1))
        sources = " ".join(f"“{c.title}”, {c.quote} [{c.n}]." for c in citations)
        return Told(asked, short, f"{short}, according to the articles' metadata: {sources}", citations)

    def asked(self, question: Question, names_publisher: bool) -> str:
        """The metadata field the question asks for ("published", "outlet", "author", "url"), or ""."""
        when = question.kind == "when" or "DATE" in question.types
        who = question.kind in ("who", "whom", "whose")
        # the noun of a "which/what NOUN" ("which news outlet"); a bare question word names none
        words = question.kind.split()
        noun = words[-1] if words and words[0] not in _QUESTION_WORDS else ""
        field = self._nearest(noun, _FIELD_NOUNS) if noun else ""
        if field:
            return field
        verb = next((f for v in question.verbs_text if (f := self._nearest(v, {a: (a,) for a in _PUBLISHING}))), "")
        if when and (verb or names_publisher):
            return "published"
        if who and verb:
            return _PUBLISHING[verb]
        return ""

    def _nearest(self, word: str, fields: Mapping[str, tuple[str, ...]]) -> str:
        """The field one of whose names is nearest to the word, at least :data:`_LINK` near; or ""."""
        vector = self._vector(word.lower())
        best, field = max((float(self._vector(n) @ vector), f) for f, names in fields.items() for n in names)
        return field if best >= _LINK else ""

    def _order(self, order: str) -> str:
        if not order:
            return ""
        vector = self._vector(order.lower())
        near = [float(self._vector(o) @ vector) for o in _ORDER]
        best = int(np.argmax(near))
        return _ORDER[best] if near[best] >= _ORDER_LINK and near[best] - near[1 - best] >= _ORDER_MARGIN else ""

    def _vector(self, word: str) -> np.ndarray:
        if word not in self._names:
            if len(self._names) > _MAX_WORDS:  # the questions' words, kept while a server runs
                self._names = {}
            # the schema's own words in one call, the first time (one model run each cost a first
            # question about 20 ms)
            words = list(dict.fromkeys([word, *([] if self._names else _SCHEMA_WORDS)]))
            self._names.update(zip(words, self.encode(words), strict=True))
        return self._names[word]


def _about(
    question: Question, names: Sequence[str], publications: Sequence[Publication], retrieval: Retrieval
) -> list[Publication]:
    """The publications of the stories about what the question names: those of every hit's story
    whose chunk names all of the names (by the words that name each alone) when the question
    orders them ("first"), else of the best-ranked one."""
    telling = dict(zip(question.names, question.name_words, strict=False))

    def names_all(text: str) -> bool:
        return all(
            mentioned(n, text) or any(re.search(rf"\b{re.escape(w)}\b", text) for w in telling.get(n, ()))
            for n in names
        )

    stories = [h.chunk.article_id for h in retrieval.hits if names_all(f"{h.chunk.title}\n{h.chunk.text}")]
    stories = list(dict.fromkeys(stories))[: None if question.order else 1]
    return [p for p in publications if p.story in stories]


_WHAT = {
    "published": "when it was published",
    "outlet": "which outlet published it",
    "author": "who wrote it",
    "url": "where it was published online",
}


def names_publisher(name: str, p: Publication) -> bool:
    """Whether the name is the publication's outlet or author ("the Orwin Courier")."""
    return _within(name, p.outlet) or _within(name, p.author)


def _names_day(text: str, published: str) -> bool:
    """Whether the text names the day, written in one of the usual ways ("20 September 2027",
    "September 20, 2027", "2027-09-20")."""
    day = human_date(published)
    if not day:
        return False
    d, month, year = day.split()
    return any(mentioned(form, text) for form in (day, f"{month} {d}, {year}", published))


def _within(name: str, value: str) -> bool:
    words = set(fold(name).split()) - STOPWORDS
    return bool(words) and words <= set(fold(value).split())


def _value(p: Publication, field: str) -> str:
    return {"published": p.published, "outlet": p.outlet, "author": p.author, "url": p.url}[field]


def _shown(p: Publication, field: str) -> str:
    """The value as the answer gives it, with the outlet and date that place it."""
    if field == "published":
        return f"{human_date(p.published)} ({p.outlet})" if p.outlet else human_date(p.published)
    if field == "url":
        return p.url
    by = f", by {p.author}" if field == "outlet" and p.author else ""
    dated = human_date(p.published)
    return f"{_value(p, field)} ({dated}{by})" if dated else f"{_value(p, field)}{by}"


def _cite(n: int, p: Publication) -> Citation:
    quote = " · ".join(x for x in (p.outlet, human_date(p.published), f"by {p.author}" if p.author else "", p.url) if x)
    return Citation(n, p.article_id, p.title, 0, 0, quote, p.published, p.outlet, p.author, p.url, kind="metadata")
