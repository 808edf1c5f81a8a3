"""`dealqa bench`: ingest and query speed against a naive LangChain baseline, run side by side.

Figures only, never assertions. Stores are built on a deterministic synthetic corpus and cached
under ``<data_dir>/bench`` so repeated runs skip the slow builds. Not part of the runtime package:
the CLI imports it from a source checkout with the dev extras installed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from dealqa.assistant import Assistant
from dealqa.chunking import Chunker
from dealqa.corpus import load
from dealqa.settings import Settings
from evals.perf.synthetic import write_corpus

QUICK_SIZES = (1_000, 10_000)
FULL_SIZES = (1_000, 10_000, 100_000)
# Ingest is compared on this many chunks' worth of articles, whatever the query sizes.
INGEST_CHUNKS = 1_000
# Above this size the baseline's query store is filled by _baseline_copy.
_BASELINE_EMBED_LIMIT = 20_000
# Chunks per synthetic article with the default chunk size, measured on the generator's output.
_CHUNKS_PER_ARTICLE = 3.0
# The share of the ingest corpus that is syndicated copies of its other articles (issue 17: ingest is
# measured with near-duplicate detection at work). Query corpora have none, so their figures compare
# with earlier runs.
INGEST_COPY_SHARE = 0.1
QUERIES = [
    "Where is the Forge 6 facility located?",
    "When did Nimbus AI sign its deal?",
    "How many megawatts does the site draw?",
    "Who runs the Atlas 3 data center?",
    "What share of the cluster did the buyer get?",
    "Which companies agreed on the Beacon campus?",
    "What did critics say about accelerators?",
    "When do the first racks come online?",
]
Log = Callable[[str], None]


class CountedCalls:
    """A Chroma collection whose every method call is counted (the store's round trips)."""

    def __init__(self, inner: Any, counter: list[int]) -> None:
        self._inner = inner
        self._counter = counter

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if not callable(attr):
            return attr

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._counter[0] += 1
            return attr(*args, **kwargs)

        return counted


def count_store_calls(assistant: Assistant) -> list[int]:
    """Count every call the assistant makes to its store's collections from now on."""
    counter = [0]
    store = assistant.store
    for name in ("chunks", "manifest", "state", "sentences"):
        if hasattr(store, name):
            setattr(store, name, CountedCalls(getattr(store, name), counter))
    return counter


def _percentile(values: list[float], pct: int) -> float:
    return round(statistics.quantiles(values, n=100)[pct - 1], 2) if len(values) > 1 else round(values[0], 2)


def _time_queries(ask: Callable[[str], Any], rounds: int = 5) -> tuple[list[float], list[Any]]:
    ask(QUERIES[0])  # warm
    timings, answers = [], []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            answers.append(ask(query))
            timings.append((time.perf_counter() - started) * 1000)
    return timings, answers


def _disk_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _corpus(root: Path, chunks: int, copy_share: float = 0.0) -> Path:
    articles = max(1, round(chunks / _CHUNKS_PER_ARTICLE))
    copies = f"-{round(copy_share * 100)}pct-copies" if copy_share else ""
    folder = root / f"corpus-{articles}{copies}"
    if not folder.exists():
        write_corpus(folder.with_suffix(".tmp"), articles, copy_share=copy_share)
        folder.with_suffix(".tmp").rename(folder)
    return folder


def _baseline_embeddings(settings: Settings) -> Any:
    from langchain_huggingface import HuggingFaceEmbeddings

    from dealqa.embedding import resolve_model_path

    return HuggingFaceEmbeddings(
        model_name=resolve_model_path(settings.embedding_model), model_kwargs={"device": "cpu"}
    )


def _baseline(corpus: Path, store: Path, settings: Settings) -> tuple[Any, float]:
    """LangChain as most tutorials write it: HuggingFaceEmbeddings + Chroma.from_documents."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    embeddings = _baseline_embeddings(settings)
    if (store / "done").exists():
        return Chroma(persist_directory=str(store), embedding_function=embeddings), 0.0
    splitter = RecursiveCharacterTextSplitter(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)
    started = time.perf_counter()
    documents = [Document(load(p).text, metadata={"source": p.name}) for p in sorted(corpus.glob("*.md"))]
    db = Chroma.from_documents(splitter.split_documents(documents), embeddings, persist_directory=str(store))
    elapsed = time.perf_counter() - started
    (store / "done").touch()
    return db, elapsed


def _baseline_copy(ours: Assistant, store: Path, settings: Settings) -> Any:
    """The baseline's store filled with dealqa's chunks and vectors: the same size and vector space
    without embedding every chunk again with torch (about 35 minutes at 100k chunks on 2 cores).
    Its query path, HuggingFaceEmbeddings + similarity_search, is the baseline's own."""
    from langchain_chroma import Chroma

    db = Chroma(persist_directory=str(store), embedding_function=_baseline_embeddings(settings))
    if not (store / "done").exists():
        for offset in range(0, ours.store.count(), 5000):
            got = ours.store.chunks.get(include=["documents", "embeddings", "metadatas"], limit=5000, offset=offset)
            metadatas: list[Any] = [{"source": str(m["article_id"])} for m in got["metadatas"] or []]
            db._collection.add(
                ids=got["ids"], embeddings=got["embeddings"], metadatas=metadatas, documents=got["documents"]
            )
        (store / "done").touch()
    return db


def run_bench(
    settings: Settings, *, sizes: Sequence[int], log: Log = print, ingest_chunks: int = INGEST_CHUNKS
) -> dict[str, float]:
    """Every figure of the benchmark, keyed as in evals/perf/RESULTS.md."""
    root = settings.data_dir / "bench"
    root.mkdir(parents=True, exist_ok=True)
    results: dict[str, float] = {}

    # Ingest: a fresh store, ours and the baseline on the same files, a share of them syndicated
    # copies: dealqa finds and merges them (no chunks of their own), the baseline embeds them all.
    corpus = _corpus(root, ingest_chunks, INGEST_COPY_SHARE)
    articles = len(list(corpus.glob("*.md")))
    copies = len(list(corpus.glob("synthetic-copy-*.md")))
    fresh = root / "ingest-run"
    shutil.rmtree(fresh, ignore_errors=True)
    ours = Assistant(settings.model_copy(update={"data_dir": fresh, "corpus_dir": corpus}), auto_ingest=False)
    ours.embedder.encode(["warm up"])
    log(f"ingest: {articles} articles with dealqa")
    report = ours.ingest([corpus])
    chunker = Chunker(settings.chunk_size, settings.chunk_overlap)
    # Every file's chunks, the copies' too: what an ingest without near-duplicate detection encodes.
    chunks = [c for p in sorted(corpus.glob("*.md")) for c in chunker.split(load(p))]
    chunk_seconds = _encode_seconds(ours, [c.text for c in chunks])
    # What the pipeline itself embeds: each distinct sentence once.
    own_seconds = _encode_seconds(ours, list(dict.fromkeys(s.text for c in chunks for s in c.sentences)))
    tokens = sum(ours.embedder.token_counts([load(p).text for p in sorted(corpus.glob("*.md"))]))
    log(f"ingest: {articles} articles with the LangChain baseline")
    _, baseline_s = _baseline(corpus, root / "baseline-ingest-run", settings)
    shutil.rmtree(root / "baseline-ingest-run", ignore_errors=True)
    evidence_s = report.stages.get("evidence", 0.0)
    baseline_rate = articles / baseline_s
    results.update({
        "ingest.articles": articles,
        "ingest.copies": copies,
        # The copies the ingest found and merged into their stories, and the share of its time that
        # finding them took (MinHash of every new article, the LSH lookup).
        "ingest.merged_copies": len(report.merged),
        "ingest.dedup_share": round(report.stages.get("dedup", 0.0) / report.seconds, 4),
        "ingest.chunks": report.chunks,
        # Evidence (spaCy) is read in the ingest itself: an article is searchable when its evidence
        # is in, so the two rates are one figure; the last says what deferring evidence would give.
        "ingest.searchable_articles_per_s": round(articles / report.seconds, 2),
        "ingest.evidence_articles_per_s": round(articles / report.seconds, 2),
        "ingest.searchable_vs_baseline": round(articles / report.seconds / baseline_rate, 3),
        "ingest.evidence_vs_baseline": round(articles / report.seconds / baseline_rate, 3),
        "ingest.evidence_share": round(evidence_s / report.seconds, 3),
        "ingest.embed_share": round(report.stages.get("embed", 0.0) / report.seconds, 3),
        "ingest.write_share": round(report.stages.get("write", 0.0) / report.seconds, 3),
        # (embedding and evidence overlap: deferring evidence would save what it takes beyond the embedding)
        "ingest.searchable_articles_per_s_if_evidence_deferred": round(
            articles / (report.seconds - max(0.0, evidence_s - report.stages.get("embed", 0.0))), 2
        ),
        "ingest.texts_embedded": report.embedded,
        "ingest.tokens": tokens,
        "ingest.articles_per_s": round(articles / report.seconds, 2),
        "ingest.chunks_per_s": round(report.chunks / report.seconds, 2),
        "ingest.tokens_per_s": round(tokens / report.seconds, 1),
        "ingest.raw_encode_chunks_per_s": round(len(chunks) / chunk_seconds, 2),
        "ingest.overhead_ratio": round(chunk_seconds / report.seconds, 3),
        "ingest.overhead_ratio_own_texts": round(own_seconds / report.seconds, 3),
        "ingest.baseline_articles_per_s": round(articles / baseline_s, 2),
        "ingest.baseline_tokens_per_s": round(tokens / baseline_s, 1),
        "ingest.speedup_vs_baseline": round((articles / report.seconds) / (articles / baseline_s), 3),
    })  # fmt: skip

    # Queries at each size, on cached stores.
    largest: Settings | None = None
    for size in sizes:
        corpus = _corpus(root, size)
        # No answer cache: the bench asks its questions again and again, and times the query path.
        store_settings = settings.model_copy(
            update={"data_dir": root / f"store-{size}", "corpus_dir": corpus, "answer_cache_size": 0}
        )
        log(f"query: building or loading the {size:,}-chunk stores")
        assistant = Assistant(store_settings, auto_ingest=False)
        started = time.perf_counter()
        opened = assistant.ingest([corpus])  # incremental: a cached store of the same settings is reused
        # The incremental ingest with what follows it: a migration of an older store, the chunk
        # cache and BM25 index of a new store version.
        results[f"query.{size}.open_s"] = round(time.perf_counter() - started, 2)
        results[f"query.{size}.open_notes"] = "; ".join(opened.notes)  # type: ignore[assignment]
        if size > _BASELINE_EMBED_LIMIT:
            baseline = _baseline_copy(assistant, root / f"baseline-copy-{size}", settings)
        else:
            baseline, _ = _baseline(corpus, root / f"baseline-{size}", settings)
        ours_ms, answers = _time_queries(assistant.ask)
        base_ms, _ = _time_queries(partial(baseline.similarity_search, k=5))
        chunks = assistant.stats()["chunks"]
        calls = count_store_calls(assistant)
        for query in QUERIES:
            assistant.ask(query)
        results.update({
            f"query.{size}.chunks": chunks,
            # Store round trips per answer, the version-stamp reads (at most every 0.5 s) included.
            f"query.{size}.store_calls_per_question": round(calls[0] / len(QUERIES), 2),
            f"query.{size}.retrieve_p50_ms": _percentile([a.timings["retrieve_ms"] for a in answers], 50),
            f"query.{size}.answer_p50_ms": _percentile([a.timings["answer_ms"] for a in answers], 50),
            f"query.{size}.disk_bytes_per_chunk": round(_disk_bytes(store_settings.data_dir) / max(chunks, 1)),
            f"query.{size}.p50_ms": _percentile(ours_ms, 50),
            # Each question's first asking (but the first question's, asked once to warm up): the
            # sentences' evidence and most of the words' vectors it meets are not yet kept in memory.
            f"query.{size}.first_round_p50_ms": _percentile(ours_ms[: len(QUERIES)], 50),
            f"query.{size}.baseline_first_round_p50_ms": _percentile(base_ms[: len(QUERIES)], 50),
            f"query.{size}.p95_ms": _percentile(ours_ms, 95),
            f"query.{size}.baseline_p50_ms": _percentile(base_ms, 50),
            f"query.{size}.ratio_vs_baseline": round(_percentile(ours_ms, 50) / _percentile(base_ms, 50), 3),
        })  # fmt: skip
        largest = store_settings

    assert largest is not None
    log("re-ingest of the unchanged largest corpus")
    again = Assistant(largest, auto_ingest=False).ingest([largest.corpus_dir])
    results["reingest_unchanged_articles"] = len(again.unchanged)
    results["reingest_unchanged_s"] = round(again.seconds, 2)
    results["reingest_unchanged_embedded"] = again.embedded
    results["cold_ask_s"] = _cold_ask(root / f"store-{sizes[0]}")
    results["cold_ask_largest_s"] = _cold_ask(largest.data_dir)
    results["serve_peak_rss_mb"] = _serve_peak_rss(largest.data_dir)
    return results


def _encode_seconds(assistant: Assistant, texts: list[str]) -> float:
    """The embedder alone on ``texts``: the floor under any ingest of them."""
    started = time.perf_counter()
    assistant.embedder.encode(texts)
    return time.perf_counter() - started


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    return {**env, "DEALQA_DATA_DIR": str(data_dir)}


def _cold_ask(data_dir: Path) -> float:
    """A fresh `dealqa ask` process, from start to printed answer."""
    dealqa = str(Path(sys.executable).with_name("dealqa"))
    started = time.perf_counter()
    subprocess.run(
        [dealqa, "ask", "Where is the Forge 6 facility located?"], env=_env(data_dir), capture_output=True, check=True
    )
    return round(time.perf_counter() - started, 2)


def _serve_peak_rss(data_dir: Path) -> float:
    """Peak resident memory of `dealqa serve` over the largest store after a few answers."""
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dealqa = str(Path(sys.executable).with_name("dealqa"))
    process = subprocess.Popen([dealqa, "serve", "--port", str(port)], env=_env(data_dir),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(600):  # bounded: about five minutes
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        for query in QUERIES:
            httpx.post(f"http://127.0.0.1:{port}/v1/ask", json={"question": query}, timeout=120)
        status = Path(f"/proc/{process.pid}/status").read_text()
        peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return round(peak_kb / 1024, 1)
    finally:
        process.terminate()
        process.wait(timeout=30)
