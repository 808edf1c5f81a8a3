"""What reading sentences with spaCy costs at ingest, beside embedding them (figures, not pass/fail).

    .venv/bin/python -P evals/perf/nlp_cost.py [REPEAT]    (-P: evals/perf/profile.py would shadow the stdlib)

Reads every sentence of corpus/ and evals/corpora/*/articles (repeated REPEAT times, each copy made
distinct) once with the embedding model and once with the spaCy pipeline, and prints both rates.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dealqa.chunking import Chunker
from dealqa.corpus import discover, load
from dealqa.embedding import Embedder
from dealqa.nlp import pipeline, read_sentences
from dealqa.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def main(repeat: int) -> None:
    settings = Settings()
    chunker = Chunker(settings.chunk_size, settings.chunk_overlap)
    folders = [ROOT / "corpus", *sorted((ROOT / "evals" / "corpora").glob("*/articles"))]
    base = [s.text for path in discover(folders) for c in chunker.split(load(path)) for s in c.sentences]
    texts = list(dict.fromkeys(f"{t} ({n})" for n in range(repeat) for t in base))
    embedder = Embedder(settings.embedding_model, 64, settings.embedding_backend, settings.model_cache_dir)
    embedder.encode(["warm up"])
    pipeline()
    tokens = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    embedder.encode(texts)
    embed_s = time.perf_counter() - started
    started = time.perf_counter()
    read_sentences(texts)
    nlp_s = time.perf_counter() - started
    print(f"sentences {len(texts)}, words {tokens}")
    print(f"embedding: {embed_s:.1f} s ({tokens / embed_s:,.0f} words/s)")
    print(f"spaCy:     {nlp_s:.1f} s ({tokens / nlp_s:,.0f} words/s)")
    print(f"ingest model time with spaCy / without: {(embed_s + nlp_s) / embed_s:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
