"""Answers and store reads kept between questions are never served after the store changes."""

from __future__ import annotations

import time
from pathlib import Path

from dealqa import Assistant
from dealqa.store import ReadCache

from .conftest import make_settings

QUESTION = "Where is Colossus 1 located?"


def _quotes(assistant: Assistant) -> str:
    return " ".join(c.quote for c in assistant.ask(QUESTION).citations)


def _move_the_facility(corpus: Path) -> None:
    for path in corpus.glob("*.md"):
        path.write_text(path.read_text().replace("Memphis", "Boise"))


def test_an_answer_asked_again_is_the_same_as_one_answered_afresh(assistant: Assistant) -> None:
    first, again = assistant.ask(QUESTION), assistant.ask(QUESTION)
    afresh = Assistant(assistant.settings, auto_ingest=False, answer_cache_size=0).ask(QUESTION)
    assert again.text == first.text == afresh.text
    assert again.citations == first.citations == afresh.citations


def test_an_ingest_here_changes_the_next_answer(fresh: Assistant, corpus_copy: Path) -> None:
    assert "Memphis" in _quotes(fresh)
    _move_the_facility(corpus_copy)
    fresh.ingest([corpus_copy])
    quotes = _quotes(fresh)
    assert "Boise" in quotes and "Memphis" not in quotes


def test_an_ingest_by_another_assistant_changes_the_next_answer(tmp_path: Path, corpus_copy: Path) -> None:
    server = Assistant(make_settings(tmp_path, corpus_copy))
    assert "Memphis" in _quotes(server)
    _move_the_facility(corpus_copy)
    Assistant(make_settings(tmp_path, corpus_copy), auto_ingest=False).ingest([corpus_copy])
    quotes = ""
    for _ in range(20):  # the server reads the store's version at most every half second
        quotes = _quotes(server)
        if "Boise" in quotes:
            break
        time.sleep(0.2)
    assert "Boise" in quotes and "Memphis" not in quotes


def test_a_read_that_began_before_a_change_is_not_kept() -> None:
    cache = ReadCache(10)
    _, missing, before = cache.lookup(["a", "b"])
    assert missing == ["a", "b"]
    cache.clear()  # the store changed while "a" was being read
    cache.keep({"a": "old"}, before)
    assert cache.lookup(["a"])[1] == ["a"]
    _, _, now = cache.lookup(["a"])
    cache.keep({"a": "new"}, now)
    assert cache.lookup(["a"])[0] == {"a": "new"}


def test_the_read_cache_keeps_the_most_recently_used() -> None:
    cache = ReadCache(2)
    generation = cache.lookup([])[2]
    cache.keep({"a": 1, "b": 2}, generation)
    cache.lookup(["a"])  # "b" is now the least recently used
    cache.keep({"c": 3}, generation)
    found, missing, _ = cache.lookup(["a", "b", "c"])
    assert found == {"a": 1, "c": 3} and missing == ["b"]
