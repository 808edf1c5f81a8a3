from __future__ import annotations

from pathlib import Path

import pytest

from dealqa import Assistant, StoreError
from tests.conftest import make_settings


def test_first_ingest_stores_both_articles(fresh: Assistant) -> None:
    stats = fresh.stats()
    assert stats["articles"] == 2
    assert stats["chunks"] >= 10
    assert stats["store"] == "embedded"
    assert [r.id for r in fresh.articles()] == ["colossus-center-of-gravity", "spacex-leases-colossus-1"]


def test_second_ingest_of_an_unchanged_corpus_embeds_nothing(fresh: Assistant, corpus_copy: Path) -> None:
    before = fresh.stats()["chunks"]
    report = fresh.ingest([corpus_copy])
    assert report.embedded == 0
    assert sorted(report.unchanged) == ["colossus-center-of-gravity", "spacex-leases-colossus-1"]
    assert report.added == report.updated == []
    assert fresh.stats()["chunks"] == before


def test_edited_article_is_replaced(fresh: Assistant, corpus_copy: Path) -> None:
    path = corpus_copy / "spacex-leases-colossus-1.md"
    path.write_text(path.read_text().replace("Memphis, Tennessee", "Nashville, Tennessee"))
    report = fresh.ingest([corpus_copy])
    assert report.updated == ["spacex-leases-colossus-1"]
    assert report.unchanged == ["colossus-center-of-gravity"]
    texts = " ".join(h.chunk.text for h in fresh.search("Where is the Colossus 1 facility located?", k=10))
    assert "Nashville" in texts and "Memphis" not in texts
    stored = fresh.article("spacex-leases-colossus-1")
    assert stored is not None and "Nashville" in stored.text


def test_removed_article_is_pruned_only_when_asked(fresh: Assistant, corpus_copy: Path) -> None:
    (corpus_copy / "spacex-leases-colossus-1.md").unlink()
    assert fresh.ingest([corpus_copy]).deleted == []
    assert fresh.stats()["articles"] == 2
    report = fresh.ingest([corpus_copy], prune=True)
    assert report.deleted == ["spacex-leases-colossus-1"]
    assert fresh.stats()["articles"] == 1
    assert all(h.chunk.article_id == "colossus-center-of-gravity" for h in fresh.search("Memphis", k=10))


def test_bad_file_is_skipped_and_named_while_the_rest_is_ingested(fresh: Assistant, corpus_copy: Path) -> None:
    (corpus_copy / "junk.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus_copy / "new.txt").write_text("Colossus 2 Rumours\nA second data center is rumoured near Memphis.\n")
    report = fresh.ingest([corpus_copy])
    assert [(Path(s.path).name, "binary" in s.reason) for s in report.skipped] == [("junk.txt", True)]
    assert report.added == ["new"]
    assert fresh.stats()["articles"] == 3


def test_rebuild_starts_over(fresh: Assistant, corpus_copy: Path) -> None:
    report = fresh.ingest([corpus_copy], rebuild=True)
    assert sorted(report.added) == ["colossus-center-of-gravity", "spacex-leases-colossus-1"]
    assert report.embedded > 0


def test_a_changed_chunk_size_re_embeds(tmp_path: Path, fresh: Assistant, corpus_copy: Path) -> None:
    other = Assistant(make_settings(tmp_path, corpus_copy, chunk_size=400), auto_ingest=False)
    report = other.ingest([corpus_copy])
    assert sorted(report.updated) == ["colossus-center-of-gravity", "spacex-leases-colossus-1"]


def test_corrupt_store_names_the_rebuild_command(tmp_path: Path, corpus_copy: Path) -> None:
    Assistant(make_settings(tmp_path, corpus_copy))
    database = tmp_path / "data" / "chroma" / "chroma.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="dealqa ingest --rebuild"):
        Assistant(make_settings(tmp_path, corpus_copy)).ask("When was the deal signed?")


def test_whole_collections_are_read_in_pages(fresh: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    # A single read of 33k manifest records failed inside Chroma (SQLite's variable limit).
    import dealqa.store

    whole = (fresh.store.records(), fresh.store.all_chunk_texts())
    monkeypatch.setattr(dealqa.store, "_PAGE", 2)
    assert (fresh.store.records(), fresh.store.all_chunk_texts()) == whole
    assert len(whole[0]) == 2 and len(whole[1][0]) == fresh.stats()["chunks"] > 2
    assert fresh.store.orphan_articles() == set()


def test_a_new_process_loads_the_saved_bm25_index_instead_of_rebuilding_it(
    fresh: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh.ask("Where is Colossus 1?")
    again = Assistant(fresh.settings, auto_ingest=False)

    def rebuild(*_: object) -> None:
        raise AssertionError("the BM25 index or the chunk cache was rebuilt from the store")

    monkeypatch.setattr(again.store, "chunk_records", rebuild)
    monkeypatch.setattr("dealqa.cache.Snapshot.texts", rebuild)
    assert [h.chunk.id for h in again.search("Memphis, Tennessee")] == [
        h.chunk.id for h in fresh.search("Memphis, Tennessee")
    ]
