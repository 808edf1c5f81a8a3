"""Split an article into sections, sentences and chunks that keep exact character offsets.

Invariant: ``article.text[c.start:c.end] == c.text`` for every chunk and sentence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import lru_cache

from langchain_text_splitters import RecursiveCharacterTextSplitter
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .errors import InputError
from .types import Article, Chunk, Sentence

# Punkt without trained data splits after every period; these keep common news abbreviations whole.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
    "no",
    "approx",
    "est",
    "gov",
    "sen",
    "rep",
}
_HEADING_END = tuple('.!?:;,"”’)]…')
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A line ending in one of these (before any closing quotes and brackets) ends its sentence; one that
# does not, in a paragraph wrapped at a fixed width (plain-text wire copy, Markdown, e-mail), goes on in
# the next line, as does one the next line carries on in lower case ("Acme Inc." / "said ...").
_LINE_END = tuple(".!?:;…")
_CLOSING = '"”’)]'
# A heading is at most this share of the text's longest line.
_HEADING_WIDTH = 0.6
# Lines that start a block of their own: a Markdown heading, list item, quote or table row.
_BLOCK = re.compile(r"^\s*(#{1,6}\s|[-*+•]\s|\d+[.)]\s|>|\|)")


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def is_heading(line: str) -> bool:
    """A short title-like line of its own: no closing punctuation, a capital first letter."""
    stripped = line.strip()
    if _MARKDOWN_HEADING.match(stripped):
        return True
    words = stripped.split()
    return (
        2 <= len(words) <= 14 and len(stripped) <= 100 and stripped[0].isupper() and not stripped.endswith(_HEADING_END)
    )


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _ends_sentence(line: str) -> bool:
    return line.strip().rstrip(_CLOSING).endswith(_LINE_END)


def _headings(lines: list[tuple[int, str]]) -> list[bool]:
    """Which lines are headings: title-like, standing after a blank line or a finished sentence,
    before a line that does not carry on a sentence, and well short of the text's longest line (a
    wrapped paragraph's first line runs to the wrapping width)."""
    width = max((len(line.rstrip()) for _, line in lines), default=0)
    found = []
    for i, (_, line) in enumerate(lines):
        before = lines[i - 1][1].strip() if i else ""
        after = lines[i + 1][1].strip() if i + 1 < len(lines) else ""
        found.append(
            bool(line.strip())
            and i < len(lines) - 1  # a last line is body text: there is nothing after it to head
            and is_heading(line)
            and (
                bool(_MARKDOWN_HEADING.match(line.strip()))
                or (
                    (not before or _ends_sentence(before))
                    and not after[:1].islower()
                    and len(line.strip()) <= _HEADING_WIDTH * width
                )
            )
        )
    return found


def _paragraph_lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The lines of ``text[start:end]`` with the lines of a wrapped paragraph joined (the line break
    kept inside), headings read in the whole text: a line carries on the one before unless that one
    is blank, a heading or ends its sentence (and the line does not go on in lower case), or the
    line starts a block of its own (a quote goes on only in another quote line)."""
    lines = list(_lines(text))
    headings = _headings(lines)
    kept = [i for i, (pos, line) in enumerate(lines) if pos < end and pos + len(line) > start]
    at, joined = -1, ""
    for i in kept:
        pos, line = lines[i]
        before = lines[i - 1][1].strip() if i else ""
        quoted = before.startswith(">") and line.lstrip().startswith(">")
        goes_on = (
            at >= 0
            and before
            and line.strip()
            and not headings[i - 1]
            and (not _ends_sentence(before) or line.lstrip()[:1].islower())
            and (quoted or not _BLOCK.match(line))
        )
        if goes_on:
            joined += "\n" + line
            continue
        if at >= 0:
            yield at, joined
        at, joined = pos, line
    if at >= 0:
        yield at, joined


def sections(text: str) -> list[tuple[str, int, int]]:
    """``(heading, start, end)`` for each run of body lines; the heading is ``""`` before the first."""
    found: list[tuple[str, int, int]] = []
    heading, start = "", 0
    lines = list(_lines(text))
    for (pos, line), is_head in zip(lines, _headings(lines), strict=True):
        if is_head:
            if text[start:pos].strip():
                found.append((heading, start, pos))
            heading, start = _MARKDOWN_HEADING.sub("", line.strip()), pos + len(line) + 1
    if text[start:].strip():
        found.append((heading, start, len(text)))
    return found


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentence spans of ``text[start:end]``; a sentence crosses a line break only inside a wrapped
    paragraph."""
    end = len(text) if end is None else end
    tokenizer = _sentence_tokenizer()
    found = []
    for pos, line in _paragraph_lines(text, start, end):
        for s, e in tokenizer.span_tokenize(line):
            a, b = max(pos + s, start), min(pos + e, end)
            if a < b and text[a:b].strip():
                found.append(Sentence(a, b, text[a:b]))
    return found


def chunk_id(article_id: str, start: int, text: str) -> str:
    return hashlib.sha1(f"{article_id}\x00{start}\x00{text}".encode()).hexdigest()[:24]


class Chunker:
    """Sentence-aware chunks per section, from LangChain's recursive splitter.

    Example:
        >>> chunks = Chunker(chunk_size=300).split(article)
        >>> all(article.text[c.start:c.end] == c.text for c in chunks)
        True
    """

    def __init__(self, chunk_size: int = 700, chunk_overlap: int = 120) -> None:
        if chunk_size < 50:
            raise InputError(f"chunk_size must be at least 50 characters, got {chunk_size}")
        if not 0 <= chunk_overlap < chunk_size:
            raise InputError(f"chunk_overlap must be in [0, chunk_size), got {chunk_overlap}")
        # Paragraphs first, then sentence ends (a line break only after one: a wrapped paragraph's
        # line goes on), then clauses and words for run-on sentences.
        ends = re.escape("".join(_LINE_END))
        separators = [
            "\n\n",
            f"(?:(?<=[{ends}])|(?<=[{ends}][{re.escape(_CLOSING)}]))\n",
            *map(re.escape, [". ", "? ", "! ", "; ", ", ", " "]),
            "",
        ]
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            separators=separators,
            keep_separator="end",
            is_separator_regex=True,
            add_start_index=True,
        )

    def split(self, article: Article) -> list[Chunk]:
        text = article.text
        chunks: list[Chunk] = []
        for heading, sec_start, sec_end in sections(text):
            sentences = split_sentences(text, sec_start, sec_end)
            for doc in self._splitter.create_documents([text[sec_start:sec_end]]):
                start = sec_start + int(doc.metadata["start_index"])
                end = start + len(doc.page_content)
                inside = tuple(_clip(s, start, end, text) for s in sentences if s.end > start and s.start < end)
                inside = tuple(s for s in inside if s.text.strip())
                if not inside:  # nothing to embed or quote
                    continue
                chunks.append(
                    Chunk(
                        id=chunk_id(article.id, start, doc.page_content),
                        article_id=article.id,
                        title=article.title,
                        text=doc.page_content,
                        start=start,
                        end=end,
                        section=heading,
                        sentences=inside,
                    )
                )
        return chunks


def _clip(sentence: Sentence, start: int, end: int, text: str) -> Sentence:
    """The part of a sentence inside a chunk (a run-on sentence may be cut by the splitter)."""
    a, b = max(sentence.start, start), min(sentence.end, end)
    return sentence if (a, b) == (sentence.start, sentence.end) else Sentence(a, b, text[a:b])
