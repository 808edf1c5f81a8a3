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
STREAMING = """---
id: pirrin-streaming
title: "Pirrin wins a route"
---
Pirrin Marine, the ferry line, has won the rights to run the Orla route. It carried 2.1 million passengers.
A Pirrin Marine season ticket costs €11.99 a month. Its marina staff will sell the tickets.
"""


@pytest.fixture(scope="module")
def korvane(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("names"),
        {"korvane-order.md": ORDER, "korvane-leaders.md": LEADERS, "pirrin-streaming.md": STREAMING},
    )


def test_a_coined_word_the_articles_use_alone_names_the_company(korvane: Assistant) -> None:
    # "Robotics" is the rarer word here (said only in the name), but "Korvane" is the one that
    # names the company alone: a sentence saying "Korvane" is about "Korvane Robotics"
    answer = korvane.ask("Who is the chief operating officer of Korvane Robotics?")
    assert answer.short == "Ola Brandvik", answer.text


def test_a_mistyped_word_of_a_name_is_the_word_the_articles_write_beside_its_other_words(korvane: Assistant) -> None:
    # two letters swapped in a short word is too far off alone, but "Marine" is what the articles
    # write after "Pirrin"
    typed = "What does a Pirrin Mraine season ticket cost per month?"
    assert korvane.bm25.corrected(typed, korvane.embedder.knows_word) == (
        "What does a Pirrin Marine season ticket cost per month?"
    )
    answer = korvane.ask(typed)
    assert not answer.abstained and "€11.99" in answer.citations[0].quote
    # a word no word beside the name resembles stays as typed, for the unknown-name check
    assert korvane.ask("What does a Pirrin Boatz season ticket cost per month?").abstained


PORT = """---
id: harwick-port-sale
title: "Lindqvist Line buys Harwick Terminals"
---
Lindqvist Line will buy Harwick Terminals, which runs docks on the Baltic coast, from its owner Ostrand
Partners for €900 million, the Gothenburg group announced on Monday.

Harwick Terminals employs 1,100 people.
"""


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("port"), {"harwick-port-sale.md": PORT})


def test_a_keyword_query_may_open_with_a_name(port: Assistant) -> None:
    # no question word comes first: the capitalised words that open the query are a name the model
    # has not seen, of a company the articles never mention (not "Terminals" alone)
    answer = port.ask("Quelmark Terminals seller")
    assert answer.abstained and "Quelmark Terminals" in answer.text, answer.text
    assert not port.ask("Harwick Terminals seller").abstained
    # ...but a word of the language the tagger takes for a name opens none ("Buyer", "Price")
    for query in ("Buyer of Harwick Terminals", "Price Lindqvist Line paid for Harwick Terminals"):
        answer = port.ask(query)
        assert not answer.abstained and "Harwick Terminals" in answer.citations[0].quote, answer.text
