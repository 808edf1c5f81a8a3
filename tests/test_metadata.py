"""Article metadata from every kind of source, the filters on it, and copies of a story merged."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from dealqa import Assistant
from dealqa.corpus import load
from dealqa.dedup import NearDuplicates, signature, text_hash
from dealqa.errors import InputError
from dealqa.metadata import byline, day_number, normalize, outlet_key, parse_date
from dealqa.store import where_clause
from dealqa.types import Filters
from tests.conftest import CORPUS, make_settings
from tests.test_corpus import tiny_pdf

AI_DEALS = CORPUS.parent / "evals" / "corpora" / "ai-deals" / "articles"


def test_dates_and_names_are_normalized_from_the_usual_fields() -> None:
    assert parse_date("Wed, 06 May 2026 09:00:00 GMT") == "2026-05-06"
    assert parse_date("2026-05-06T23:30:00-07:00") == "2026-05-06"
    assert parse_date("last Tuesday") == "" and parse_date("2026-13-45") == ""
    assert normalize({"og:site_name": "x", "site_name": "Decrypt", "Date": "2026-05-06", "authors": ["A", "B"]}) == {
        "published": "2026-05-06",
        "outlet": "Decrypt",
        "author": "A, B",
    }
    # "source" is the outlet in some front matter and the link in other
    assert normalize({"source": "Terre & Vin Hebdo"}) == {"outlet": "Terre & Vin Hebdo"}
    assert normalize({"source": "https://example.com/a"}) == {"url": "https://example.com/a"}
    assert byline({"outlet": "Decrypt", "published": "2026-05-06"}) == "Decrypt · 6 May 2026"
    assert byline({"published": "2026-05-06"}) == "6 May 2026" and byline({}) == ""
    assert day_number("2026-05-06") == 20260506 and outlet_key("The Data-Hall  Ledger") == "the data hall ledger"


def test_front_matter_html_meta_and_pdf_info_give_metadata(tmp_path: Path) -> None:
    arcwell = load(AI_DEALS / "arcwell-parallax-chips.md")  # YAML reads the date as a date
    assert (arcwell.metadata["outlet"], arcwell.metadata["published"]) == ("Silicon Ledger", "2027-01-21")
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Deal</title><meta property='og:site_name' content='Decrypt'>"
        "<meta property='article:published_time' content='2026-05-06T10:00:00Z'>"
        "<meta property='article:author' content='https://decrypt.co/author/x'><meta name='author' content='Jo Reed'>"
        "<link rel='canonical' href='https://decrypt.co/deal'></head><body><article><p>Memphis hosts it.</p>"
        "</article></body></html>"
    )
    meta = load(page).metadata
    assert meta == {
        **meta,
        "outlet": "Decrypt",
        "published": "2026-05-06",
        "author": "Jo Reed",
        "url": "https://decrypt.co/deal",
    }
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(tiny_pdf("Colossus PDF text"))))
    writer.add_metadata({"/Author": "Ana Ruiz", "/CreationDate": "D:20260507093000Z"})
    out = io.BytesIO()
    writer.write(out)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(out.getvalue())
    assert {k: load(pdf).metadata[k] for k in ("author", "published")} == {
        "author": "Ana Ruiz",
        "published": "2026-05-07",
    }


def test_filters_become_one_chroma_clause_and_bad_dates_are_named() -> None:
    assert where_clause() is None and where_clause(None, Filters()) is None
    assert where_clause("a") == {"article_id": "a"}
    assert where_clause(None, Filters(since="2027-03-01", outlet="The Ledgerline")) == {
        "$and": [{"published_day": {"$gte": 20270301}}, {"outlet_key": "the ledgerline"}]
    }
    with pytest.raises(InputError, match="until must be a date like 2026-05-06, got 'soon'"):
        Assistant.filters(None, "soon", None)
    with pytest.raises(InputError, match=r"since \(2027-04-01\) is after until \(2027-03-01\)"):
        Assistant.filters("2027-04-01", "2027-03-01", None)


def test_minhash_tells_a_trimmed_reprint_from_another_report_of_the_same_deal() -> None:
    reno, northgate = (load(AI_DEALS / f"lumenfold-halvard-{n}.md").text for n in ("reno", "northgate"))
    assert text_hash(reno) == text_hash("  " + reno.replace("\n", "\r\n") + "\n")
    index = NearDuplicates(0.3)
    index.add("reno", signature(reno))
    reprint = "Republished with permission.\n" + "\n".join(reno.split("\n")[: len(reno.split("\n")) * 2 // 3])
    found = index.best(signature(reprint))
    assert found is not None and found[0] == "reno" and 0.3 <= found[1] < 1
    assert index.best(signature(northgate)) is None
    # a threshold of 1 (merge only word-for-word copies) is allowed, and a reprint is then its own story
    strict = NearDuplicates(1.0)
    strict.add("reno", signature(reno))
    assert strict.best(signature(reprint)) is None and strict.best(signature(reno)) == ("reno", 1.0)


def test_search_and_ask_filter_by_date_and_outlet(tmp_path: Path) -> None:
    corpus = tmp_path / "deals"
    shutil.copytree(AI_DEALS, corpus)
    assistant = Assistant(make_settings(tmp_path, corpus))
    query = "Lumenfold Halvard Reno lease"
    assert {h.chunk.article_id for h in assistant.search(query, k=8, since="2027-03-05")} <= {
        "lumenfold-halvard-northgate",
        "corvanta-ostrelis",
        "nimbic-series-c",
        "greyfeather-sues-nimbic",
        "ashgrove-quorvis-take-private",
        "taloren-pelagic-orisen-jv",
    }
    only = assistant.search(query, k=5, outlet="the data hall ledger")
    assert only and {h.chunk.article_id for h in only} == {"lumenfold-halvard-reno"}
    early = assistant.search("deal", k=10, until="2027-02-17")
    assert {h.chunk.article_id for h in early} <= {"arcwell-parallax-chips", "brannock-sundrift-ppa"}
    answer = assistant.ask("How much is Lumenfold paying Halvard?", outlet="Northgate Business Daily")
    assert answer.citations and {c.outlet for c in answer.citations} == {"Northgate Business Daily"}
    assert answer.citations[0].published == "2027-03-05" and answer.citations[0].source.endswith(".md")
    docs = assistant.as_retriever(k=3, outlet="The Data Hall Ledger").invoke(query)
    assert {d.metadata["article_id"] for d in docs} == {"lumenfold-halvard-reno"}


def test_an_exact_reupload_under_another_name_is_recognised_and_survives_its_story_being_pruned(
    fresh: Assistant, corpus_copy: Path
) -> None:
    shutil.copy(corpus_copy / "spacex-leases-colossus-1.md", corpus_copy / "lease-again.md")
    (corpus_copy / "lease-again.md").write_text(
        (corpus_copy / "lease-again.md").read_text().replace("id: spacex-leases-colossus-1", "id: lease-again")
    )
    chunks = fresh.stats()["chunks"]
    report = fresh.ingest([corpus_copy])
    assert [(m.article_id, m.story, m.similarity) for m in report.merged] == [
        ("lease-again", "spacex-leases-colossus-1", 1.0)
    ]
    assert "the same text as spacex-leases-colossus-1" in report.merged[0].describe()
    assert "1 merged as copies" in report.summary()
    stats = fresh.stats()
    assert (stats["articles"], stats["stories"], stats["merged_copies"], stats["chunks"]) == (3, 2, 1, chunks)
    # a question only the lease article's own words answer directly, so its story is cited
    answer = fresh.ask("When did SpaceX sign the lease?")
    lease = [c for c in answer.citations if c.article_id == "spacex-leases-colossus-1"]
    assert lease and lease[0].also_in == ("lease-again.md",)  # no outlet: named by its file (never a server path)
    assert fresh.ingest([corpus_copy]).merged == []  # unchanged now
    # The story's file goes: its copy becomes the story, so nothing is lost.
    (corpus_copy / "spacex-leases-colossus-1.md").unlink()
    pruned = fresh.ingest([corpus_copy], prune=True)
    assert pruned.deleted == ["spacex-leases-colossus-1"] and pruned.updated == ["lease-again"]
    stats = fresh.stats()
    assert (stats["articles"], stats["stories"], stats["merged_copies"], stats["chunks"]) == (2, 2, 0, chunks)
    assert fresh.search("Memphis, Tennessee", k=3)[0].chunk.article_id == "lease-again"
