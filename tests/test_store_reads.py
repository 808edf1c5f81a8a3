"""The lean query path: one store read per question, named rankers, the versioned store schema."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import dealqa.assistant
from dealqa import Assistant
from dealqa.errors import StoreError
from dealqa.retrieval import ReciprocalRankFuser
from dealqa.store import evidence_rows, evidence_vectors
from dealqa.text import content_words
from evals.perf.bench import count_store_calls
from tests.conftest import make_settings

QUESTIONS = ["When was the deal signed?", "Where is Colossus 1 located?", "Who first reported the agreement?"]


def test_a_question_reads_the_store_once(fresh: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh.ask("Who leases Colossus 1?")  # the cache of this version is made on the first question
    calls = count_store_calls(fresh)
    monkeypatch.setattr(dealqa.assistant, "_SYNC_S", 1e9)  # no version stamp is due
    for question in QUESTIONS:
        before = calls[0]
        answer = fresh.ask(question)
        assert answer.citations and calls[0] - before == 1  # the vector search, nothing else
    # A stamp that is due adds its one small read; follow-ups and filters search in the same call.
    monkeypatch.setattr(dealqa.assistant, "_SYNC_S", 0.5)
    fresh._synced_at = -1e9
    before = calls[0]
    fresh.ask("And who reported it?", history=["When was the deal signed?"], since="2020-01-01")
    assert calls[0] - before == 2


def test_hits_say_which_rankers_found_them(fresh: Assistant) -> None:
    hits = fresh.search("Where is Colossus 1 located?", k=5)
    names = {name for hit in hits for name, _ in hit.found_by}
    assert names <= {"dense", "bm25", "sentence", "tie", "answer"} and {"dense", "bm25"} <= names
    for hit in hits:
        assert all(rank >= 1 for _, rank in hit.found_by)
        assert hit.dense_rank == dict(hit.found_by).get("dense", 0)


def test_a_ranker_is_dropped_by_its_weight(tmp_path: Path, corpus_copy: Path) -> None:
    lexical = Assistant(make_settings(tmp_path, corpus_copy, ranker_weights={"dense": 0, "sentence": 0, "tie": 0}))
    hits = lexical.search("Memphis, Tennessee", k=3)
    assert hits and all(set(dict(h.found_by)) <= {"bm25", "answer"} for h in hits)
    assert [r.name for r in lexical.retriever.rankers] == ["bm25"]
    with pytest.raises(ValueError, match="bm25=-1"):
        ReciprocalRankFuser({"bm25": -1})


def test_a_value_tied_to_the_question_words_ranks_its_chunk(fresh: Assistant) -> None:
    # The tie ranker finds the chunk whose sentence states a date in the clause of the question's words.
    hits = fresh.search("When was the deal signed?", k=5)
    tied = [h for h in hits if h.rank("tie")]
    assert tied and any("signed" in s.text and "May" in s.text for s in tied[0].chunk.sentences)


def test_evidence_comes_from_the_cache_as_the_store_holds_it(fresh: Assistant) -> None:
    fresh.ask(QUESTIONS[0])
    snapshot = fresh.cache.snapshot()
    got = fresh.store.chunks.get(include=["metadatas", "documents"])
    for chunk_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
        rows = evidence_rows(meta)
        vectors = evidence_vectors(meta, len(rows))
        chunk = snapshot.chunk(chunk_id)
        assert chunk is not None and chunk.text == got["documents"][got["ids"].index(chunk_id)]
        cached = {(e.start, e.end): e for e in (snapshot.evidence(r) for r in snapshot.sentence_rows(chunk_id))}
        for (start, end, term_text, entities, negated), vector in zip(rows, vectors, strict=True):
            evidence = cached[(start, end)]
            assert evidence.terms == frozenset(term_text.split()) and evidence.entities == entities
            assert evidence.negated == negated and evidence.text == chunk.text[start - chunk.start : end - chunk.start]
            assert np.array_equal(evidence.vector, vector.astype(np.float32))


def _as_schema_1(assistant: Assistant) -> None:
    """Rewrite a store as schema 1 kept it: sentence vectors and evidence in a collection of their own."""
    store = assistant.store
    got = store.chunks.get(include=["metadatas", "documents"])
    sentences = store._client.create_collection(
        f"{store.settings.collection}_sentences", metadata={"hnsw:space": "cosine"}, embedding_function=None
    )
    for chunk_id, meta, text in zip(got["ids"], got["metadatas"] or [], got["documents"] or [], strict=True):
        rows = evidence_rows(meta)
        if not rows:
            continue
        start = int(meta["start"])
        sentences.add(
            ids=[f"{meta['article_id']}:{a}:{b}" for a, b, *_ in rows],
            embeddings=evidence_vectors(meta, len(rows)).astype(np.float32),
            documents=[text[a - start : b - start] for a, b, *_ in rows],
            metadatas=[
                {"article_id": meta["article_id"], "title": meta["title"], "start": a, "end": b, "chunk": chunk_id,
                 "terms": term_text, "entities": "[]" if not entities else _entities_json(entities), "negated": negated}
                for a, b, term_text, entities, negated in rows
            ],
        )  # fmt: skip
    store.chunks.update(ids=got["ids"], metadatas=[{"evidence": "[]", "vectors": ""} for _ in got["ids"]])
    store.state.delete(ids=["schema"])
    store.bump_version()


def _entities_json(entities: tuple[object, ...]) -> str:
    import json

    return json.dumps([[e.label, e.start, e.end, e.clause, e.anchors, e.distances, e.role] for e in entities])  # type: ignore[attr-defined]


def test_an_older_store_is_named_and_migrated_in_place(fresh: Assistant) -> None:
    expected = fresh.ask(QUESTIONS[0]).to_dict()
    _as_schema_1(fresh)
    old = Assistant(fresh.settings, auto_ingest=False)
    with pytest.raises(StoreError, match=r"older dealqa \(store schema 1.*`dealqa ingest` to migrate"):
        old.ask(QUESTIONS[0])
    report = old.ingest([fresh.settings.corpus_dir])
    assert report.embedded == 0 and any("migrated" in note for note in report.notes)
    assert old.store.schema == 2
    names = [c.name for c in old.store._client.list_collections()]
    assert not any(name.endswith("_sentences") for name in names)
    migrated = old.ask(QUESTIONS[0]).to_dict()
    assert (migrated["text"], migrated["citations"]) == (expected["text"], expected["citations"])


def test_the_answer_reads_each_rankers_first_chunk_beyond_the_hits(fresh: Assistant) -> None:
    # With one hit, the sentences read still hold those of every ranker's first chunk: one
    # ranker's sure find is not lost to the fusion.
    question = "When was the deal signed?"
    types = fresh.extractive.reader.read(question).types
    wide = fresh.retriever.retrieve([question], 20, types=types).hits
    firsts = {h.chunk for h in wide if any(rank == 1 and name != "answer" for name, rank in h.found_by)}
    retrieval = fresh.retriever.retrieve([question], 1, types=types)
    assert firsts - {retrieval.hits[0].chunk}  # some ranker's first chunk is not the hit
    read = {(e.article_id, e.start) for e in retrieval.sentences}
    assert all((c.article_id, s.start) in read for c in firsts for s in c.sentences)


def test_every_sentence_read_comes_with_the_chunk_that_holds_it(fresh: Assistant) -> None:
    # A sentence found on its own (the sentence ranker's) or in a ranker's first chunk beyond the
    # hits comes with its chunk, whose sentences say who it is about ("Its chief financial officer").
    retrieval = fresh.retriever.retrieve(["Who leased the data center?"], 1)
    chunks = [*(h.chunk for h in retrieval.hits), *retrieval.context]
    held = {(c.article_id, s.start) for c in chunks for s in c.sentences}
    assert retrieval.context and all((e.article_id, e.start) in held for e in retrieval.sentences)
    around = {(e.article_id, e.start) for e in retrieval.context_sentences}
    assert all((c.article_id, s.start) in around for c in retrieval.context for s in c.sentences)


def test_the_words_of_the_corpus_are_embedded_with_its_cache_not_on_a_question(
    fresh: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh.ask("Who leases Colossus 1?")  # the cache of this version, with its words, is made
    snapshot = fresh.cache.snapshot()
    words = ["agreement", "compute", "memphis"]
    kept = snapshot.word_vectors(words)
    assert sorted(kept) == words
    for word, vector in zip(words, fresh.embedder.encode(words), strict=True):
        assert float(np.dot(kept[word], vector)) > 0.999  # as the model gives it, in float16
    embedded: list[str] = []
    encode = fresh.embedder.encode

    def spy(texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        return encode(texts)

    monkeypatch.setattr(fresh.extractive, "encode", spy)
    fresh.extractive._seen.clear()
    answer = fresh.ask("Where is the data center that Anthropic will use?")
    assert answer.citations
    # what a question embeds beyond the words of the corpus: its own words and clauses
    read = {w for c in answer.citations for w in content_words(c.quote) if w.isalpha()}
    assert read and not read & set(embedded)
