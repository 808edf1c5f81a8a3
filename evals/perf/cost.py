"""The cost model's measurements on a built store (evals/perf/RESULTS.md, "Cost model").

    python -m evals.perf.cost DATA_DIR              # embedded: disk and RAM per chunk, p50/p95
    python -m evals.perf.cost DATA_DIR --server     # the same store served by `chroma run`

Prints one JSON object. RAM is this process's resident memory after loading the store and
answering the benchmark's questions five times (VmRSS; VmHWM is the peak), minus what the process
held before the store was opened, so the model and libraries are counted apart from the store.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dealqa import Assistant, Settings
from evals.perf.bench import QUERIES, count_store_calls


def _rss_mb(field: str = "VmRSS") -> float:
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith(field + ":"))) / 1024


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def measure(data_dir: Path, chroma_url: str | None = None) -> dict[str, float | str]:
    from dealqa.embedding import Embedder

    # No answer cache: the questions are asked again and again, and the query path is what is timed.
    settings = Settings(data_dir=data_dir, chroma_url=chroma_url, answer_cache_size=0)
    s = settings
    # The model and libraries, loaded first and counted apart from the store.
    Embedder(s.embedding_model, s.embedding_batch_size, s.embedding_backend, s.model_cache_dir).encode(["warm up"])
    from dealqa.nlp import parse

    parse("Warm up the parser.")  # spaCy too: what remains is the store's share
    base = _rss_mb()
    started = time.perf_counter()
    assistant = Assistant(settings, auto_ingest=False)
    assistant.ask(QUERIES[0])
    first_s = time.perf_counter() - started
    timings = []
    for _ in range(5):
        for query in QUERIES:
            t = time.perf_counter()
            assistant.ask(query)
            timings.append((time.perf_counter() - t) * 1000)
    calls = count_store_calls(assistant)
    for query in QUERIES:
        assistant.ask(query)
    chunks = assistant.store.count()
    if hasattr(assistant, "cache"):
        sentences = int(assistant.cache.snapshot().vectors.shape[0])
    else:  # a dealqa before the chunk cache (schema 1): sentences in a collection of their own
        sentences = int(assistant.store.sentences.count())
    cuts = statistics.quantiles(timings, n=100)
    return {
        "mode": assistant.store.mode,
        "chunks": chunks,
        "sentences": sentences,
        "disk_chroma_bytes_per_chunk": round(_bytes(data_dir / "chroma") / chunks),
        "disk_cache_bytes_per_chunk": round(_bytes(data_dir / "cache") / chunks),
        "disk_bm25_bytes_per_chunk": round(_bytes(data_dir / "bm25") / chunks),
        # Resident memory the opened store added, with the answerer's per-question caches.
        "ram_store_mb": round(_rss_mb() - base, 1),
        "ram_store_bytes_per_chunk": round((_rss_mb() - base) * 1024 * 1024 / chunks),
        "peak_rss_mb": round(_rss_mb("VmHWM"), 1),
        "first_answer_s": round(first_s, 2),
        "p50_ms": round(cuts[49], 2),
        "p95_ms": round(cuts[94], 2),
        "store_calls_per_question": round(calls[0] / len(QUERIES), 2),
    }


def main() -> None:
    data_dir = Path(sys.argv[1])
    if "--server" not in sys.argv:
        print(json.dumps(measure(data_dir), indent=2))
        return
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    chroma = str(Path(sys.executable).with_name("chroma"))
    server = subprocess.Popen([chroma, "run", "--path", str(data_dir / "chroma"), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    local = Path(tempfile.mkdtemp(prefix="dealqa-cost-"))
    try:
        for _ in range(240):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        for name in ("bm25", "cache"):  # the app replica's local copies, as a fresh one would build them
            if (data_dir / name).exists():
                shutil.copytree(data_dir / name, local / name)
        print(json.dumps(measure(local, f"http://127.0.0.1:{port}"), indent=2))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(local, ignore_errors=True)
        os.environ.pop("DEALQA_CHROMA_URL", None)


if __name__ == "__main__":
    main()
