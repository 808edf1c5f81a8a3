"""A tiny run of the benchmark harness: every figure is produced (their values are printed, not judged)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealqa.settings import Settings
from evals.perf.bench import run_bench

pytestmark = pytest.mark.slow  # the benchmark, with servers and fresh processes


def test_bench_produces_every_figure(tmp_path: Path) -> None:
    results = run_bench(Settings(data_dir=tmp_path), sizes=(60, 120), ingest_chunks=60, log=lambda _: None)
    print(results)
    expected = {
        "ingest.articles",
        "ingest.copies",
        "ingest.merged_copies",
        "ingest.dedup_share",
        "ingest.chunks",
        "ingest.articles_per_s",
        "ingest.chunks_per_s",
        "ingest.raw_encode_chunks_per_s",
        "ingest.overhead_ratio",
        "ingest.overhead_ratio_own_texts",
        "ingest.tokens_per_s",
        "ingest.baseline_tokens_per_s",
        "ingest.baseline_articles_per_s",
        "ingest.speedup_vs_baseline",
        "ingest.searchable_articles_per_s",
        "ingest.evidence_articles_per_s",
        "ingest.evidence_share",
        "cold_ask_largest_s",
        "reingest_unchanged_s",
        "reingest_unchanged_embedded",
        "cold_ask_s",
        "serve_peak_rss_mb",
    } | {
        f"query.{n}.{k}"
        for n in (60, 120)
        for k in ("p50_ms", "p95_ms", "baseline_p50_ms", "ratio_vs_baseline", "store_calls_per_question")
    }
    assert expected <= set(results)
    assert results["reingest_unchanged_embedded"] == 0
    assert results["ingest.articles"] == 20 and results["serve_peak_rss_mb"] > 0
    # The ingest corpus has syndicated copies, and the ingest merges every one of them.
    assert results["ingest.copies"] == 2 and results["ingest.merged_copies"] == 2
    assert 0 < results["ingest.dedup_share"] < 1
    assert 1 <= results["query.60.store_calls_per_question"] <= 2  # the search, and a stamp now and then
