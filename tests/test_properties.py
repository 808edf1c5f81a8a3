"""Property-based tests: any text in, only the project's own input errors out; offsets always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealqa import Assistant, InputError
from dealqa.answering.verify import Source, Verifier
from dealqa.chunking import Chunker, split_sentences
from dealqa.types import Article

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
any_text = st.text(st.characters(codec="utf-8"), max_size=400)
newsy = st.lists(
    st.one_of(
        st.sampled_from(["Colossus 1.", "Memphis, Tennessee.", "\n", "Heading Line\n", "[2]", "Mr. X"]), any_text
    ),
    max_size=12,
).map("".join)


@FAST
@given(text=st.one_of(newsy, st.text(max_size=3000)), size=st.integers(60, 900), overlap=st.integers(0, 59))
def test_chunk_and_sentence_offsets_always_round_trip_and_chunks_have_sentences(
    text: str, size: int, overlap: int
) -> None:
    article = Article("a", "A", text)
    for chunk in Chunker(size, overlap).split(article):
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.sentences  # a chunk's vector is made from its sentences'

        for sentence in chunk.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


@FAST
@given(question=st.one_of(any_text, newsy), history=st.lists(any_text, max_size=30))
def test_ask_answers_or_refuses_and_citations_point_into_the_stored_text(
    assistant: Assistant, question: str, history: list[str]
) -> None:
    try:
        answer = assistant.ask(question, history)
    except InputError:
        return
    assert isinstance(answer.text, str) and answer.text
    for citation in answer.citations:
        article = assistant.article(citation.article_id)
        assert article is not None and article.text[citation.start : citation.end] == citation.quote


@FAST
@given(query=any_text, k=st.integers(1, 50))
def test_search_never_fails_on_odd_input(assistant: Assistant, query: str, k: int) -> None:
    try:
        hits = assistant.search(query, k)
    except InputError:
        return
    assert len(hits) <= k


def test_huge_question_is_a_clear_error(assistant: Assistant) -> None:
    try:
        assistant.ask("Colossus " * 100_000)
    except InputError as exc:
        assert "limit" in str(exc)
    else:
        raise AssertionError("a 900,000-character question was accepted")


@FAST
@given(draft=st.one_of(any_text, newsy.map(lambda t: t + " [1]")))
def test_verifier_never_crashes_and_keeps_only_backed_sentences(assistant: Assistant, draft: str) -> None:
    text = "The Colossus 1 facility is located in Memphis, Tennessee. It serves Claude."
    sentences = tuple(split_sentences(text))
    source = Source(1, "a", "A", text, 0, sentences, assistant.embedder.encode([s.text for s in sentences]))
    verifier = Verifier(assistant.embedder.encode)
    for sentence in verifier.sentences(draft):
        verdict = verifier.check(sentence, [source])
        for backing in verdict.backing:
            assert text[backing.start : backing.end] == backing.quote
