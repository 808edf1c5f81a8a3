"""`dealqa search` and the article filters of `dealqa eval`, run as a user runs them (real
subprocesses over a small corpus of two outlets written here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli import run

pytestmark = pytest.mark.slow  # the CLI in its own processes

ARTICLES = {
    "tessaly-harbor": (
        "Quillmarsh Energy agrees to buy the Tessaly wind farm",
        "Harbor Ledger",
        "2027-02-10",
        "Quillmarsh Energy has agreed to buy the Tessaly wind farm off the coast of Brevane for $410 million, "
        "the company said on Wednesday. The farm has 62 turbines and supplies about 180,000 homes.\n\n"
        "Quillmarsh expects the purchase to close in the second half of the year, subject to approval by "
        "the Brevane grid regulator. Its chief executive, Odile Farrant, called the farm a cornerstone asset.",
    ),
    "tessaly-coastline": (
        "Regulator opens review of Tessaly sale",
        "Coastline Wire",
        "2027-03-05",
        "The Brevane grid regulator opened a review on Friday of the planned sale of the Tessaly wind farm, "
        "which Quillmarsh Energy is buying from the pension fund Marlow Keep. A decision is due by 30 June.\n\n"
        "Two rival bidders had offered less than Quillmarsh, people close to the sale said, and Marlow Keep "
        "wanted the sale signed before a change to offshore lease fees takes effect in the autumn.",
    ),
    "brindle-rail": (
        "Brindle Rail signs steel contract with Ostrava Steel",
        "Harbor Ledger",
        "2027-04-01",
        "Brindle Rail signed a seven-year contract with Ostrava Steel for the rails of its northern line, "
        "the two companies said on Thursday. The contract is worth about $95 million.\n\n"
        "Ostrava Steel will roll the rails at its mill in Kelso Bay, and the first deliveries are due in "
        "January. Brindle Rail said the contract fixes the price of steel for the whole build.",
    ),
}

DATASET = """\
name: two-outlets
corpus: corpus
cases:
  - id: buyer
    question: "Who is buying the Tessaly wind farm?"
    expect_any: ["Quillmarsh Energy", "Quillmarsh"]
    sources: [tessaly-harbor, tessaly-coastline]
  - id: rails
    question: "Which company signed a contract with Ostrava Steel?"
    expect_any: ["Brindle Rail"]
    sources: [brindle-rail]
"""

RANKED = re.compile(r"^\d+\. ")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout-like folder: corpus/ with the three articles, a dataset naming it as its corpus."""
    root = tmp_path_factory.mktemp("cli-filters")
    corpus = root / "corpus"
    corpus.mkdir()
    for article_id, (title, outlet, published, body) in ARTICLES.items():
        front = f"---\nid: {article_id}\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\n"
        (corpus / f"{article_id}.md").write_text(front + body + "\n")
    (root / "two-outlets.yaml").write_text(DATASET)
    return root


def test_search_lists_passages_of_every_outlet_without_filters(workdir: Path) -> None:
    found = run(workdir, "search", "Tessaly wind farm sale", "--json")  # the first use ingests corpus/
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert {h["outlet"] for h in hits} == {"Harbor Ledger", "Coastline Wire"}
    coastline = next(h for h in hits if h["article_id"] == "tessaly-coastline")
    assert coastline["published"] == "2027-03-05" and "Brevane grid regulator" in coastline["text"]


def test_search_with_outlet_shows_only_that_outlets_articles(workdir: Path) -> None:
    found = run(workdir, "search", "Tessaly wind farm sale", "--outlet", "coastline wire", "--k", "3")
    assert found.returncode == 0, found.stderr
    ranked = [line for line in found.stdout.splitlines() if RANKED.match(line)]
    assert ranked, found.stdout
    for line in ranked:
        assert "Regulator opens review of Tessaly sale — Coastline Wire · 5 March 2027" in line
        assert re.search(r"\(score \d\.\d{3}\)$", line)
    assert "The Brevane grid regulator opened a review" in found.stdout  # the passage's snippet
    assert "Harbor Ledger" not in found.stdout and "tessaly-harbor" not in found.stdout


def test_search_since_after_every_article_says_nothing_matches(workdir: Path) -> None:
    found = run(workdir, "search", "Tessaly wind farm", "--since", "2030-01-01")
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "No passages found among the articles published on or after 2030-01-01."


def test_bad_dates_are_one_clean_line(workdir: Path) -> None:
    searched = run(workdir, "search", "Tessaly", "--since", "yesterday")
    assert searched.returncode == 1
    assert searched.stderr.strip() == "error: since must be a date like 2026-05-06, got 'yesterday'"
    assert searched.stdout == ""
    evaluated = run(workdir, "eval", "--dataset", "two-outlets.yaml", "--since", "2027-05-01", "--until", "2027-01-01")
    assert evaluated.returncode == 1
    assert evaluated.stderr.strip() == "error: since (2027-05-01) is after until (2027-01-01): no article can match"
    assert "Traceback" not in searched.stderr + evaluated.stderr + evaluated.stdout


def test_eval_asks_every_case_with_the_filters_and_records_them(workdir: Path) -> None:
    everywhere = run(workdir, "eval", "--dataset", "two-outlets.yaml", "--json", "all.json")
    assert everywhere.returncode == 0, everywhere.stderr
    limited = run(
        workdir,
        "eval",
        "--dataset",
        "two-outlets.yaml",
        "--outlet",
        "Coastline Wire",
        "--json",
        "coastline.json",
        "--report",
        "coastline.md",
    )
    assert limited.returncode == 0, limited.stderr
    assert "filters: only articles from Coastline Wire" in limited.stdout
    before = json.loads((workdir / "all.json").read_text())
    after = json.loads((workdir / "coastline.json").read_text())
    assert before["config"]["filters"] == {} and after["config"]["filters"] == {"outlet": "Coastline Wire"}
    assert "Filters: only articles from Coastline Wire." in (workdir / "coastline.md").read_text()
    # Unfiltered, each case's passage is found; from the one outlet, the rail contract is out of reach.
    assert before["metrics"]["retrieval_recall_at_5"] == 1.0
    assert after["metrics"]["retrieval_recall_at_5"] == 0.5
    rails = next(c for c in after["cases"] if c["id"] == "rails")
    assert rails["hit_rank"] == 0 and not any(c["article_id"] == "brindle-rail" for c in rails["citations"])
    cited = {c["article_id"] for case in after["cases"] for c in case["citations"]}
    assert cited <= {"tessaly-coastline"}
