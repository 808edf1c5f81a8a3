"""Sampling profiles of the warm query path and of ingest, as text (evals/perf/profiles/).

python -m evals.perf.profile query STORE_DATA_DIR OUT.txt   # 80 questions on a built store
python -m evals.perf.profile ingest CORPUS_DIR OUT.txt      # a fresh ingest of a folder
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pyinstrument import Profiler

from dealqa import Assistant, Settings
from evals.perf.bench import QUERIES


def main(kind: str, source: Path, out: Path) -> None:
    profiler = Profiler(interval=0.0005)
    if kind == "query":
        # No answer cache: the profile asks its questions again and again, as the bench does.
        assistant = Assistant(Settings(data_dir=source, answer_cache_size=0), auto_ingest=False)
        assistant.warm_up()
        for question in QUERIES:
            assistant.ask(question)
        with profiler:
            for _ in range(10):
                for question in QUERIES:
                    assistant.ask(question)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            assistant = Assistant(Settings(data_dir=Path(tmp)), auto_ingest=False)
            assistant.embedder.encode(["warm up"])
            with profiler:
                print(assistant.ingest([source]).summary())
    out.write_text(profiler.output_text(unicode=False, color=False, show_all=False))
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
