from __future__ import annotations

from dealqa.chunking import Chunker, is_heading, sections, split_sentences
from dealqa.corpus import load
from dealqa.types import Article
from tests.conftest import CORPUS


def _articles() -> list[Article]:
    return [load(p) for p in sorted(CORPUS.glob("*.md"))]


def test_offsets_round_trip_for_every_chunk_and_sentence() -> None:
    for article in _articles():
        chunks = Chunker(chunk_size=400, chunk_overlap=80).split(article)
        assert len(chunks) > 2
        for chunk in chunks:
            assert article.text[chunk.start : chunk.end] == chunk.text
            assert chunk.sentences
            for sentence in chunk.sentences:
                assert article.text[sentence.start : sentence.end] == sentence.text


def test_chunks_cover_every_sentence_of_the_body() -> None:
    article = _articles()[1]
    chunks = Chunker().split(article)
    covered = {(s.start, s.end) for c in chunks for s in c.sentences}
    body = [s for _, a, b in sections(article.text) for s in split_sentences(article.text, a, b)]
    assert {(s.start, s.end) for s in body} <= covered


def test_section_headings_travel_as_metadata_not_text() -> None:
    center = next(a for a in _articles() if a.id == "colossus-center-of-gravity")
    chunks = Chunker(chunk_size=300, chunk_overlap=0).split(center)
    headings = {c.section for c in chunks}
    assert {"Compute as Competitive Moat", "Infrastructure Dependency and the IPO"} <= headings
    assert not any(c.text.startswith("Compute as Competitive Moat") for c in chunks)
    moat = next(c for c in chunks if "defining constraint" in c.text)
    assert moat.section == "Compute as Competitive Moat"


def test_heading_detection() -> None:
    assert is_heading("Structural Consolidation in AI Infrastructure")
    assert is_heading("## A Markdown heading.")
    assert not is_heading("The deal's financial terms are not public.")
    assert not is_heading("“SpaceX signed a deal on May 6, 2026, to lease its Colossus 1 data center to Anthropic.”")


def test_sentences_keep_abbreviations_whole() -> None:
    text = "Mr. Musk met Dr. Smith in the U.S. on Monday. Then they left."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Musk met Dr. Smith in the U.S. on Monday.",
        "Then they left.",
    ]


def test_a_run_on_sentence_longer_than_a_chunk_is_split_with_exact_offsets() -> None:
    text = "Intro line here.\n" + ", ".join(f"clause number {i} of a very long sentence" for i in range(60)) + "."
    article = Article("long", "Long", text)
    chunks = Chunker(chunk_size=200, chunk_overlap=0).split(article)
    assert len(chunks) > 5
    assert all(text[c.start : c.end] == c.text and len(c.text) <= 200 for c in chunks)


WRAPPED = (
    "Harlow Foods Buys a Dairy\n"
    "Harlow Foods said on Monday that it had agreed to buy\n"
    "Kestrel Dairy, a Vermont cheese maker, for $40 million. The deal\n"
    "closes in June.\n"
    "\n"
    "Bo Lind Said It Would\n"
    "keep the Kestrel brand, the company said.\n"
)


def test_a_sentence_of_a_wrapped_paragraph_goes_on_across_its_line_breaks() -> None:
    assert [s.text for s in split_sentences(WRAPPED)] == [
        "Harlow Foods Buys a Dairy",
        "Harlow Foods said on Monday that it had agreed to buy\n"
        "Kestrel Dairy, a Vermont cheese maker, for $40 million.",
        "The deal\ncloses in June.",
        "Bo Lind Said It Would\nkeep the Kestrel brand, the company said.",
    ]
    # the title is a heading; a paragraph's short first line that the next line carries on is none
    assert [h for h, _, _ in sections(WRAPPED)] == ["Harlow Foods Buys a Dairy"]


def test_chunks_of_a_wrapped_paragraph_end_at_sentence_ends() -> None:
    article = Article("wrapped", "Wrapped", WRAPPED * 6)
    for chunk in Chunker(chunk_size=120, chunk_overlap=0).split(article):
        assert article.text[chunk.start : chunk.end] == chunk.text
        assert all(s.text.rstrip().endswith((".", "Dairy")) for s in chunk.sentences), chunk.sentences


def test_a_line_ending_in_a_quoted_word_or_an_abbreviation_goes_on() -> None:
    text = (
        'Bo Lind called the deal "transformative"\n'
        "for the group. Kestrel Dairy Inc.\n"
        "said it agreed. The sale closes in June.\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        'Bo Lind called the deal "transformative"\nfor the group.',
        "Kestrel Dairy Inc.\nsaid it agreed.",
        "The sale closes in June.",
    ]
