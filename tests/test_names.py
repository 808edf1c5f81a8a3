"""Which words of a name the answerer looks for: an invented corpus through the real store and BM25
index, so a word's rarity is the corpus's own."""

from __future__ import annotations

import pytest

from dealqa import Assistant

from .conftest import assistant_over

ORDER = """---
id: korvane-order
title: "Korvane Robotics wins an order"
---
Korvane Robotics won an order for 40 welding robots from a carmaker in Leeds on Monday.
"""
LEADERS = """---
id: korvane-leaders
title: "Korvane hires"
---
Korvane said its chief operating officer, Ola Brandvik, joined from a shipyard in May.
"""


@pytest.fixture(scope="module")
def korvane(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("names"), {"korvane-order.md": ORDER, "korvane-leaders.md": LEADERS})


def test_a_coined_word_the_articles_use_alone_names_the_company(korvane: Assistant) -> None:
    # "Robotics" is the rarer word here (said only in the name), but "Korvane" is the one that
    # names the company alone: a sentence saying "Korvane" is about "Korvane Robotics"
    answer = korvane.ask("Who is the chief operating officer of Korvane Robotics?")
    assert answer.short == "Ola Brandvik", answer.text
