"""A deterministic synthetic news corpus for benchmarks and crash tests (no external data).

Articles about made-up compute deals, built from templates and a small vocabulary; every
article also mentions other deals as distractors, as real coverage does.
"""

from __future__ import annotations

import random
from pathlib import Path

_COMPANIES = ["Anthropic", "SpaceX", "Orbital Labs", "Nimbus AI", "Helix Compute", "Quanta Cloud", "Arcadia Systems",
              "Vertex Robotics", "Lumen Data", "Northwind Energy", "Cobalt Networks", "Meridian Bio"]  # fmt: skip
_SITES = ["Colossus", "Atlas", "Beacon", "Cinder", "Drift", "Ember", "Forge", "Granite", "Harbor", "Ion"]
_CITIES = ["Memphis, Tennessee", "Austin, Texas", "Reno, Nevada", "Columbus, Ohio", "Phoenix, Arizona",
           "Richmond, Virginia", "Omaha, Nebraska", "Boise, Idaho", "Tulsa, Oklahoma"]  # fmt: skip
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
_HEADINGS = ["Compute as Leverage", "What the Terms Say", "Power and Cooling", "The Investor View",
             "Competition for Capacity", "Regulators Take Note"]  # fmt: skip
_SENTENCES = [
    "{buyer} signed a deal on {day} {month} {year} to use the {site} {n} data center run by {seller}.",
    "The {site} {n} facility is located in {city}.",
    "The agreement gives {buyer} {share} of the cluster's capacity for {years} years.",
    "{seller} said the deal was worth about ${money} million, according to people familiar with it.",
    "Analysts expect {buyer} to use the capacity to train its next models before a planned listing in {month}.",
    "The site draws roughly {mw} megawatts, and local officials have asked about water use for cooling.",
    "Critics argue that a handful of operators now control most of the accelerators in private hands.",
    "{other} announced a separate agreement with {rival} for the {site2} campus, which is still under construction.",
    "Neither company disclosed how long the exit provisions run or what happens if capacity is cut.",
    "The deal follows months of talks, and the first racks are due to come online in {month2}.",
]


_COPY_HEADLINES = ["What {buyer} gets from the {site} {n} deal", "{seller} hands {buyer} the {site} {n} cluster",
                   "Inside the {site} {n} agreement", "{buyer} secures capacity at {site} {n}"]  # fmt: skip
_BOILERPLATE = "This story was distributed by a news agency and is republished here with permission."


def _story(index: int, seed: int) -> tuple[dict[str, object], str, list[str]]:
    """The values, headline and body lines (paragraphs, some headed) of one article."""
    rng = random.Random(seed * 1_000_003 + index)
    buyer, seller, other, rival = rng.sample(_COMPANIES, 4)
    site, site2 = rng.sample(_SITES, 2)
    values: dict[str, object] = {
        "buyer": buyer, "seller": seller, "other": other, "rival": rival, "site": site, "site2": site2,
        "n": rng.randint(1, 9), "city": rng.choice(_CITIES), "day": rng.randint(1, 28),
        "month": rng.choice(_MONTHS), "month2": rng.choice(_MONTHS), "year": rng.randint(2024, 2027),
        "share": rng.choice(["all", "half", "a third", "most"]), "years": rng.randint(2, 10),
        "money": rng.randint(50, 9000), "mw": rng.randint(20, 900),
    }  # fmt: skip
    title = f"{buyer} and {seller} agree on {site} {values['n']} compute"
    paragraphs = []
    for _ in range(rng.randint(3, 5)):
        picked = rng.sample(_SENTENCES, rng.randint(3, 5))
        paragraphs.append(" ".join(s.format(**values) for s in picked))
    lines = [paragraphs[0]]
    for paragraph in paragraphs[1:]:
        if rng.random() < 0.5:
            lines.append(rng.choice(_HEADINGS))
        lines.append(paragraph)
    return values, title, lines


def _markdown(article_id: str, title: str, lines: list[str]) -> str:
    return f"---\nid: {article_id}\ntitle: {title}\n---\n" + "\n".join(lines) + "\n"


def article(index: int, seed: int = 7) -> tuple[str, str]:
    """``(file name, Markdown text)`` of one article; the same index and seed give the same text."""
    _, title, lines = _story(index, seed)
    return f"synthetic-{index:06d}.md", _markdown(f"synthetic-{index:06d}", title, lines)


def syndicated_copy(index: int, of: int, seed: int = 7) -> tuple[str, str]:
    """``(file name, Markdown text)`` of a syndicated copy of article ``of``, as another site runs a
    wire story: its own headline, the agency's boilerplate line on top, the last paragraph cut to its
    first half (what dealqa's near-duplicate detection is to merge into the story)."""
    values, _, lines = _story(of, seed)
    headline = random.Random(seed * 7_000_003 + index).choice(_COPY_HEADLINES).format(**values)
    sentences = lines[-1].split(". ")
    lines = [_BOILERPLATE, *lines[:-1], ". ".join(sentences[: max(1, len(sentences) // 2)]).rstrip(".") + "."]
    return f"synthetic-copy-{index:06d}.md", _markdown(f"synthetic-copy-{index:06d}", headline, lines)


def write_corpus(folder: Path, count: int, seed: int = 7, copy_share: float = 0.0) -> Path:
    """Write ``count`` articles into ``folder`` (created if needed); return the folder. With
    ``copy_share``, that share of them are syndicated copies (:func:`syndicated_copy`) of as many
    different articles among the rest."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = round(count * copy_share)
    stories = count - copies
    for index in range(stories):
        name, text = article(index, seed)
        (folder / name).write_text(text)
    for index, of in enumerate(random.Random(seed).sample(range(stories), copies)):
        name, text = syndicated_copy(index, of, seed)
        (folder / name).write_text(text)
    return folder
