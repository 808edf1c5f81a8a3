"""Measure where the near-duplicate threshold belongs: MinHash similarity of syndicated copies of
each corpus article (another headline, wire boilerplate, a trimmed ending, light copy-editing, and
all of these at once) against that of different articles, above all different reports of the same
deal (the two seed articles; the two Lumenfold/Halvard reports).

    PYTHONPATH=src python evals/dedup/measure.py   # prints a table per shingle size; RESULTS.md has the run
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from dealqa.corpus import load  # noqa: E402
from dealqa.dedup import NUM_PERM, NearDuplicates, shingles, signature  # noqa: E402

SAME_DEAL = {
    frozenset({"colossus-center-of-gravity", "spacex-leases-colossus-1"}),
    frozenset({"lumenfold-halvard-reno", "lumenfold-halvard-northgate"}),
}
BOILERPLATE_TOP = "This story was originally published by a partner site and is republished with permission."
BOILERPLATE_END = (
    "Reporting by staff writers; editing by the news desk. Sign up for our daily newsletter to get the "
    "biggest deals in your inbox. Read more: The week in AI infrastructure. Copyright 2026. All rights reserved."
)
EDITS = {"Tennessee": "Tenn.", "billion": "bn", "million": "mn", " percent": "%", "’": "'", "“": '"', "”": '"'}


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def new_headline(text: str) -> str:
    lines = paragraphs(text)
    # Many sources put the headline as the text's first line; a reprint writes its own.
    body = lines[1:] if len(lines[0]) < 120 else lines
    return "\n".join(["Deal watch: what the latest agreement means for the market", *body])


def boilerplate(text: str) -> str:
    return f"{BOILERPLATE_TOP}\n{text}\n{BOILERPLATE_END}"


def trimmed(text: str, share: float) -> str:
    lines = paragraphs(text)
    keep = max(1, round(len(lines) * (1 - share)))
    return "\n".join(lines[:keep])


def edited(text: str) -> str:
    for old, new in EDITS.items():
        text = text.replace(old, new)
    return text


VARIANTS = {
    "headline": new_headline,
    "boilerplate": boilerplate,
    "trim 25%": lambda t: trimmed(t, 0.25),
    "trim 40%": lambda t: trimmed(t, 0.40),
    "copy-edit": edited,
    "all: headline+boilerplate+edit+trim 25%": lambda t: boilerplate(edited(trimmed(new_headline(t), 0.25))),
}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def main() -> None:
    files = sorted((ROOT / "corpus").glob("*.md")) + sorted((ROOT / "evals/corpora/ai-deals/articles").glob("*.md"))
    articles = {a.id: a.text for a in map(load, files)}
    print(f"{len(articles)} articles, MinHash with {NUM_PERM} permutations\n")
    for size in (3, 5, 8):
        copies = {
            (aid, name): (
                jaccard(shingles(text, size), shingles(make(text), size)),
                float(signature(text, size).jaccard(signature(make(text), size))),
            )
            for aid, text in articles.items()
            for name, make in VARIANTS.items()
        }
        different = {
            (a, b): (
                jaccard(shingles(articles[a], size), shingles(articles[b], size)),
                float(signature(articles[a], size).jaccard(signature(articles[b], size))),
            )
            for a, b in itertools.combinations(articles, 2)
        }
        same_deal = {pair: v for pair, v in different.items() if frozenset(pair) in SAME_DEAL}
        print(f"word {size}-grams")
        for name in VARIANTS:
            values = [v for (aid, n), v in copies.items() if n == name]
            true_min, hash_min = min(t for t, _ in values), min(m for _, m in values)
            print(f"  copy, {name:42s} true min {true_min:.3f}  minhash min {hash_min:.3f}")
        print(
            f"  different article, same deal   true max {max(t for t, _ in same_deal.values()):.3f}  "
            f"minhash max {max(m for _, m in same_deal.values()):.3f}"
        )
        print(
            f"  different article, any         true max {max(t for t, _ in different.values()):.3f}  "
            f"minhash max {max(m for _, m in different.values()):.3f}\n"
        )

    # The chosen setting end to end, through the LSH index the ingest uses.
    from dealqa.settings import Settings

    threshold = Settings().near_duplicate_threshold
    found = missed = false = 0
    for aid, text in articles.items():
        index = NearDuplicates(threshold)
        for other, other_text in articles.items():
            if other != aid:
                index.add(other, signature(other_text))
        false += index.best(signature(text)) is not None  # a different story taken for a copy
        index.add(aid, signature(text))
        for make in VARIANTS.values():
            hit = index.best(signature(make(text)))
            found += hit is not None and hit[0] == aid
            missed += hit is None or hit[0] != aid
    print(
        f"threshold {threshold} (5-grams, LSH): {found} copies found, {missed} missed; "
        f"{false} articles wrongly merged with another"
    )


if __name__ == "__main__":
    main()
