"""Text helpers every layer shares: folding, stemming, content words and terms, acronyms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from bm25s.stopwords import STOPWORDS_EN_PLUS

# Source reference markers such as "[2]" belong to the article, not to the answer's citations.
SOURCE_MARKER = re.compile(r"\s?\[\d{1,3}\]")
# A wire story's dateline names its agency: "SAN ANTONIO, May 4 (Capstan Wire) - ..." (a place, a
# day, the agency in brackets, a dash) at the start of a line near the top.
DATELINE = re.compile(
    r"^[A-Z][\w .,'’-]{1,60}, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})? \((?P<outlet>[A-Z][^()\n]{1,60})\) ?[-–—]",
    re.MULTILINE,
)
# bm25s's English list plus words that open questions and sentences without naming anything.
STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | {
    *"tell please know say said says also whether however although though instead furthermore".split(),
    *"moreover meanwhile yet still even since unlike despite according while many much get".split(),
}

_FOLD_TABLE = str.maketrans("’‘“”—–", "''\"\"  ")


_KEPT_FOLD = 1000  # characters: a sentence's folding is kept, a whole article's is not


def fold(text: str) -> str:
    """Lower case, ASCII quotes and dashes, punctuation to spaces, whitespace folded."""
    # (the same sentences are folded again for every question that reads them; longer texts, a
    # question's whole context of an article, are not kept)
    return _fold_kept(text) if len(text) <= _KEPT_FOLD else _fold(text)


@lru_cache(maxsize=16384)
def _fold_kept(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(_FOLD_TABLE)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def stemmer() -> Any:
    """The Snowball English stemmer that BM25 and lexical overlap share."""
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    return str(stemmer().stemWord(word))


def content_words(text: str) -> list[str]:
    """The folded words of a text that carry meaning (no stopwords, no single letters)."""
    return [w for w in fold(text).split() if w not in STOPWORDS and len(w) > 1]


def mentioned(phrase: str, text: str) -> bool:
    """Whether the text contains the phrase as whole words (case and punctuation aside)."""
    return f" {fold(phrase)} " in f" {fold(text)} "


def terms(text: str) -> set[str]:
    """Stemmed content words: what lexical overlap is measured on."""
    return {stem(w) for w in content_words(text)}


# An acronym as written: "IPO", "AWS" (two letters are too often a pair of unrelated initials).
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


def acronym_terms(question: str, sentence: str) -> set[str]:
    """The question's terms that the sentence states as an acronym or its expansion: "IPO" asked
    is found in "initial public offering", and "initial public offering" asked in "IPO"."""
    found = set()
    for acronym in set(_ACRONYM.findall(question)):
        if _spelled(acronym, sentence):
            found.add(stem(acronym.lower()))
    for acronym in set(_ACRONYM.findall(sentence)):
        found |= terms(_spelled(acronym, question))
    return found


def spelled_acronyms(question: str, sentence: str) -> dict[str, list[str]]:
    """For each acronym of the question the sentence spells out in words side by side, its stem and
    those words: {"cfo": ["chief", "financial", "officer"]} (not "Corlan Foods, which has
    opened")."""
    found = {}
    for acronym in set(_ACRONYM.findall(question)):
        spelled = _spelled(acronym, sentence).split()
        if spelled and re.search(r"\b" + r"\s+".join(map(re.escape, spelled)) + r"\b", sentence, re.IGNORECASE):
            found[stem(acronym.lower())] = spelled
    return found


@lru_cache(maxsize=65536)
def abbreviates(name: str, text: str) -> bool:
    """Whether the text gives the name as its acronym, or the acronym the name is as the words it
    stands for ("ACCC" and "the Australian Competition and Consumer Commission")."""
    if _ACRONYM.fullmatch(name):
        return bool(_spelled(name, text))
    words = content_words(name)
    return any(_spelled(a, name) == " ".join(words) for a in set(_ACRONYM.findall(text)))


def _spelled(acronym: str, text: str) -> str:
    """The run of the text's content words whose initials spell the acronym, or ""."""
    words, n = content_words(text), len(acronym)
    initials = "".join(w[0] for w in words)
    at = initials.find(acronym.lower())
    return " ".join(words[at : at + n]) if at >= 0 else ""


def display(sentence: str) -> str:
    """A sentence as shown in an answer: without the source's own reference markers."""
    return " ".join(SOURCE_MARKER.sub("", sentence).split())


def nearness(edges: int) -> float:
    """How much a word counts for a value this many edges away from it in the parse: in full up to
    two ("plant near Duluth"), less the further it is ("Dayton-based operator ... plant")."""
    return min(1.0, 2.0 / max(edges, 1))
