from __future__ import annotations

import itertools
import re

import pytest

from dealqa import Answer, Assistant, InputError


def _cited_article_with(answer: Answer, text: str) -> set[str]:
    return {c.article_id for c in answer.citations if text in c.quote}


def test_signing_date_is_answered_and_cited(assistant: Assistant) -> None:
    answer = assistant.ask("When was the deal signed?")
    assert not answer.abstained
    assert "May 6, 2026" in answer.text or "6 May 2026" in answer.text
    assert "spacex-leases-colossus-1" in _cited_article_with(answer, "May 6, 2026") | _cited_article_with(
        answer, "6 May 2026"
    )


def test_location_is_answered_with_a_direct_answer_first(assistant: Assistant) -> None:
    answer = assistant.ask("Where is Colossus 1 located?")
    assert answer.text.startswith("Memphis, Tennessee [1]")
    assert _cited_article_with(answer, "Memphis, Tennessee") == {"spacex-leases-colossus-1"}


def test_every_citation_quotes_the_stored_text_exactly(assistant: Assistant) -> None:
    for question in ("Who first reported the agreement?", "What is xAI?", "Is SpaceX planning an IPO?"):
        answer = assistant.ask(question)
        for citation in answer.citations:
            article = assistant.article(citation.article_id)
            assert article is not None
            assert article.text[citation.start : citation.end] == citation.quote
        markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
        assert markers == {c.n for c in answer.citations}


def test_source_reference_markers_are_not_shown_as_citations(assistant: Assistant) -> None:
    answer = assistant.ask("Where is Colossus 1 located?")
    assert "[2]" in answer.citations[0].quote  # the article's own marker stays in the exact quote
    assert "[2]" not in answer.text and len(answer.citations) == 1  # but never becomes an answer citation


def test_both_articles_are_cited_for_the_date(assistant: Assistant) -> None:
    answer = assistant.ask("On what day did Anthropic and SpaceX reach their agreement?")
    assert {c.article_id for c in answer.citations} == {"spacex-leases-colossus-1", "colossus-center-of-gravity"}


@pytest.mark.parametrize(
    "question",
    ["What is the capital of France?", "How do I bake sourdough bread?", "What did Dario Amodei say about the deal?"],
)
def test_off_topic_questions_abstain_and_still_offer_passages(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained
    assert answer.text.startswith("The articles in the corpus don't")
    assert answer.citations  # the closest passages


def test_follow_up_uses_the_history(assistant: Assistant) -> None:
    answer = assistant.ask("Where is it located?", history=["Tell me about Colossus 1."])
    assert answer.short == "Memphis, Tennessee"
    chat = [{"role": "user", "content": "Tell me about Colossus 1."}, {"role": "assistant", "content": "..."}]
    assert "Memphis" in assistant.ask("Where is it located?", history=chat).text


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   \n\t ", "empty"), ("x" * 2001, "limit is 2,000"), ("\x00\x01\x02", "empty")],
)
def test_bad_questions_get_clear_errors(assistant: Assistant, question: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        assistant.ask(question)


def test_control_characters_and_any_unicode_are_handled(assistant: Assistant) -> None:
    answer = assistant.ask("When\x00 was the deal\u200b signed? 🚀 日本語")
    assert "2026" in answer.text
    assert isinstance(assistant.ask("¿Dónde está el centro de datos? Ω≈ç√").text, str)


def test_search_filters_by_article(assistant: Assistant) -> None:
    hits = assistant.search("IPO", k=3, article_id="spacex-leases-colossus-1")
    assert hits and all(h.chunk.article_id == "spacex-leases-colossus-1" for h in hits)
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))
    with pytest.raises(InputError, match="k must be"):
        assistant.search("IPO", k=0)


def test_timings_are_reported(assistant: Assistant) -> None:
    answer = assistant.ask("Who is SpaceX leasing Colossus 1 to?")
    assert set(answer.timings) == {"rewrite_ms", "retrieve_ms", "answer_ms", "total_ms"}
    assert answer.timings["total_ms"] >= answer.timings["retrieve_ms"] > 0


def test_misspelt_words_are_searched_as_the_corpus_spells_them(assistant: Assistant) -> None:
    assert assistant.bm25.corrected("wich outlet reportd the agrement frist", assistant.embedder.knows_word) == (
        "which outlet report the agreement first"
    )
    # A name a letter short of the corpus's spelling, or a letter changed in a long name, is that
    # name; one two letters from it stays as typed for the unknown-name check.
    for typed in ("Colosus", "Colassus"):
        assert assistant.bm25.corrected(f"Which city hosts {typed} 1?", assistant.embedder.knows_word) == (
            "Which city hosts Colossus 1?"
        )
    assert assistant.bm25.corrected("Which city hosts Calassus 1?", assistant.embedder.knows_word) is None
    # a name with an accented letter is one word, not a name cut at the accent and its tail "fixed"
    assert assistant.bm25.corrected("Where is Sólmemphis based?", assistant.embedder.knows_word) is None
    # a word the corpus never uses is measured as typed: no typo of a term a letter from its stem
    assert assistant.bm25.corrected("What severance terms did he get?", assistant.embedder.knows_word) is None
    # ...nor is a short one a typo of a word a letter from it ("bake" of "make")
    assert assistant.bm25.corrected("How long should it bake?", assistant.embedder.knows_word) is None
    hits = assistant.search("wich outlet reportd the agrement frist", k=3)
    assert any("first reported by Decrypt" in h.chunk.text for h in hits)


def test_what_is_a_name_quotes_the_sentence_that_says_what_it_is(assistant: Assistant) -> None:
    # of the close sentences naming xAI, the one with an appositive that says what it is leads
    answer = assistant.ask("What is xAI?")
    assert not answer.short and answer.citations
    assert "xAI, its competing AI division" in answer.citations[0].quote, answer.text
