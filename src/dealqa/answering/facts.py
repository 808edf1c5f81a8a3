"""Light, deterministic text facts shared by the answerers and the verifier: the dates, places,
names, numbers, purposes and gains a sentence states, the clause around them, and normalised terms."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

from bm25s.stopwords import STOPWORDS_EN_PLUS

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})(?:\s+\d{{4}})?"
    r"|(?:19|20)\d{2}"
    r"|Q[1-4]\s+(?:19|20)\d{2})\b"
)
# Source reference markers such as "[2]" belong to the article, not to the answer's citations.
SOURCE_MARKER = re.compile(r"\s?\[\d{1,3}\]")
_NUMBER = re.compile(
    r"(?:[$€£]\s?)?\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|million|billion|trillion|[kKmMbB]\b|MW|GW|GPUs?))?"
)
# A number right after a capitalised word is part of a name ("Colossus 1", "Series B 2").
_NAMED_NUMBER = re.compile(r"[A-Z][\w-]*\s+$")
# A name's word starts with a capital, or has one after a lower-case start ("xAI", "eBay").
NAME_WORD = r"(?:[A-Z]|[a-z]+[A-Z])[\w'’&.-]*"
_CAPITALISED = re.compile(rf"\b{NAME_WORD}(?:(?:\s+(?:of|for|de|the)\s+|\s+){NAME_WORD})*")
_PLACE = re.compile(
    r"\b(?:in|at|near|from|outside)\s+"
    r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)?)(?![\w'’])"
)
# A capitalised word followed by a plain noun is an adjective ("in American technology"), not a place.
_MODIFIER = re.compile(
    r"\s+(?!(?:and|or|on|in|at|to|for|with|is|was|are|were|which|where|that|as|by|from|but|after|before)\b)[a-z]"
)
# An infinitive of purpose ("to support its models"); not "to the company".
_PURPOSE = re.compile(
    r"\b(?:in order to|so as to|so that|to)\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|be)\b)[a-z]+"
)
# Words that state a share of a whole: an answer to "how much of ...".
_PROPORTION = re.compile(r"\b(?:all|full|entire|whole|half|majority|most|part)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# Sentences that answer a question by saying the answer is not known.
UNDISCLOSED = re.compile(
    r"\bnot (?:been )?(?:public|publicly|disclosed|released|revealed|announced)\b|\bundisclosed\b"
    r"|\bnot in the public record\b|\bnot (?:been )?made public\b",
    re.IGNORECASE,
)
# bm25s's English list plus words that open questions and sentences without naming anything.
STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | {
    *"tell please know say said says also whether however although though instead furthermore".split(),
    *"moreover meanwhile yet still even since unlike despite according while many much get".split(),
}


class AnswerType(Enum):
    DATE = "date"
    PLACE = "place"
    NUMBER = "number"
    NAME = "name"
    PURPOSE = "purpose"
    BENEFIT = "benefit"
    NONE = "none"


@dataclass(frozen=True)
class Mention:
    """A date, place, name or number stated in a sentence, with its offsets in that sentence."""

    kind: AnswerType
    text: str
    start: int
    end: int


def mentions(sentence: str, kind: AnswerType) -> list[Mention]:
    """The mentions of one kind in a sentence, in order."""
    if kind is AnswerType.DATE:
        return [Mention(kind, m.group(), m.start(), m.end()) for m in DATE.finditer(sentence)]
    if kind is AnswerType.PLACE:
        return [
            Mention(kind, m.group(1), m.start(1), m.end(1))
            for m in _PLACE.finditer(sentence)
            if not DATE.fullmatch(m.group(1)) and not _MODIFIER.match(sentence, m.end(1))
        ]
    if kind is AnswerType.NUMBER:
        dates = [m.span() for m in DATE.finditer(sentence)] + [m.span() for m in SOURCE_MARKER.finditer(sentence)]
        return [
            Mention(kind, m.group().strip(), m.start(), m.end())
            for m in _NUMBER.finditer(sentence)
            if not any(a <= m.start() < b for a, b in dates) and not _NAMED_NUMBER.search(sentence[: m.start()])
        ]
    if kind is AnswerType.PURPOSE:
        return [Mention(kind, m.group(), m.start(), m.end()) for m in _PURPOSE.finditer(sentence)]
    if kind is AnswerType.NAME:
        found = []
        for m in _CAPITALISED.finditer(sentence):
            words = m.group().split()
            while words and words[0].lower() in STOPWORDS:  # a sentence's first word: "For Anthropic"
                words.pop(0)
            name = re.sub(r"['’]s$", "", " ".join(words)).strip(" .,")
            if name and not DATE.fullmatch(name):
                found.append(Mention(kind, name, m.end() - len(" ".join(words)), m.end()))
        return found
    return []


def benefits(sentence: str, names: list[str]) -> list[Mention]:
    """Where the sentence tells what one of the names gains: "For SpaceX, the deal secures",
    "provides Anthropic with", "SpaceX transforms its assets into ..."."""
    found = []
    for name in names:
        named = re.escape(name)
        pattern = (
            rf"(?:^|[,;—–]\s*)for {named}\b"
            rf"|\b(?:gives?|gave|provides?|provided|offers?|brings?|allows?|lets|helps?) {named}\b"
            rf"|\b{named}(?:['’]s)?\s+(?:\w+\s+){{0,2}}?(?:gains?|gets?|wins?|secures?|secured|receives?|earns?|"
            rf"benefits?|transforms?)\b"
        )
        found += [
            Mention(AnswerType.BENEFIT, m.group().strip(" ,;—–"), m.start(), m.end())
            for m in re.finditer(pattern, sentence, re.I)
        ]
    return found


# Where a clause ends: a date's own comma ("May 6, 2026") sits inside the mention and is skipped.
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")


def clause(sentence: str, mention: Mention, reach: int = 8) -> str:
    """The clause of the sentence that holds the mention: between the punctuation around it, and
    at most ``reach`` words either side of it.

    Example:
        >>> s = "It signed a deal on May 6, 2026, ahead of its IPO in June."
        >>> clause(s, mentions(s, AnswerType.DATE)[1])
        'ahead of its IPO in June.'
    """
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, mention.start)), default=0)
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, mention.end)), len(sentence))
    words_before = [m.start() for m in re.finditer(r"\S+", sentence[start : mention.start])]
    words_after = [m.end() for m in re.finditer(r"\S+", sentence[mention.end : end])]
    if len(words_before) > reach:
        start += words_before[-reach]
    if len(words_after) > reach:
        end = mention.end + words_after[reach - 1]
    return sentence[start:end].strip()


def fits(mention: Mention, question: str) -> bool:
    """Whether a mention can answer the question: a year for "which year", and so on."""
    if mention.kind is AnswerType.DATE and re.search(r"\byear\b", question, re.I):
        return bool(_YEAR.search(mention.text))
    return True


def proportions(sentence: str, question: str) -> list[Mention]:
    """Share words ("all", "half") as answers to a "how much of" question."""
    if not re.search(r"\bhow much of\b", question, re.I):
        return []
    return [Mention(AnswerType.NUMBER, m.group(), m.start(), m.end()) for m in _PROPORTION.finditer(sentence)]


_FOLD_TABLE = str.maketrans("’‘“”—–", "''\"\"  ")


def fold(text: str) -> str:
    """Lower case, ASCII quotes and dashes, punctuation to spaces, whitespace folded."""
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


def _spelled(acronym: str, text: str) -> str:
    """The run of the text's content words whose initials spell the acronym, or ""."""
    words, n = content_words(text), len(acronym)
    initials = "".join(w[0] for w in words)
    at = initials.find(acronym.lower())
    return " ".join(words[at : at + n]) if at >= 0 else ""
