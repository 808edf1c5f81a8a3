"""Kinds of question the answerer treats on purpose: alternatives, purposes, acronyms, several
names, undisclosed amounts, mistyped question words, and answers kept to a filtered article.

The corpus here is two invented articles about another deal, so nothing below leans on the
eval's questions or articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dealqa import Assistant
from dealqa.answering.questions import QuestionReader, alternatives, fix_question_word
from dealqa.cache import _kinds
from dealqa.text import acronym_terms, spelled_acronyms

from .conftest import assistant_over, make_settings

BUYS = """---
id: orbital-buys-harbor
title: Orbital Foods buys Harbor Mills
---
Orbital Foods signed an agreement on 3 March 2025 to acquire Harbor Mills, a family-owned flour maker.
The mill is located in Duluth, Minnesota.
The agreement, which local farmers welcomed, comes ahead of Orbital's stock listing in October.
Orbital Foods will use the mill to supply its bakery chain across the Midwest.
The price of the deal was not disclosed.
Orbital Foods is preparing for an initial public offering next year.
Harbor Mills' founder, Dana Kim, will stay on as an adviser.
"""
LEASES = """---
id: harbor-leases-plant
title: Harbor Mills leases its plant to Orbital Foods
---
Harbor Mills agreed to lease its Duluth plant to Orbital Foods for ten years.
The lease was first reported by the Duluth Ledger.
Analysts said the arrangement gives Harbor Mills a steady income from its idle equipment.
Kestrel Capital, which backs Orbital Foods, welcomed the deal.
"""


def _assistant(tmp_path_factory: pytest.TempPathFactory, articles: dict[str, str]) -> Assistant:
    """An assistant over a corpus of these articles (file name: text)."""
    root = tmp_path_factory.mktemp("corpus")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text)
    return Assistant(make_settings(Path(root), corpus))


@pytest.fixture(scope="module")
def mills(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _assistant(tmp_path_factory, {"orbital-buys-harbor.md": BUYS, "harbor-leases-plant.md": LEASES})


def test_an_either_or_question_quotes_each_alternative_from_its_article(mills: Assistant) -> None:
    assert alternatives("Is Orbital Foods leasing Harbor Mills or acquiring it?") == (
        "Is Orbital Foods leasing Harbor Mills",
        "acquiring it",
    )
    assert alternatives("Is the deal final or not?") is None
    assert alternatives("Who leases or buys mills?") is None  # not a yes/no question
    # An alternative the articles never name is not the answer; the other one is.
    answer = mills.ask("Is the mill in Duluth or Fargo?")
    assert not answer.abstained
    assert "located in Duluth" in answer.text
    answer = mills.ask("Is Orbital Foods leasing Harbor Mills or acquiring it?")
    assert not answer.abstained
    quoted = {c.article_id: c.quote for c in answer.citations}
    assert "to acquire Harbor Mills" in quoted["orbital-buys-harbor"]
    assert "agreed to lease" in quoted["harbor-leases-plant"]


def test_a_purpose_question_quotes_the_sentence_that_states_it(mills: Assistant) -> None:
    answer = mills.ask("What will Orbital Foods use the mill for?")
    assert "to supply its bakery chain" in answer.text
    assert not answer.short  # a purpose is quoted, not cut out as a short answer


def test_acronyms_match_their_expansions_both_ways(mills: Assistant) -> None:
    assert acronym_terms("Who is planning an IPO?", "It is preparing for an initial public offering.") == {"ipo"}
    assert acronym_terms("Is it planning an initial public offering?", "The IPO is in June.") == {
        "initi",
        "public",
        "offer",
    }
    assert acronym_terms("Who is planning an IPO?", "It is preparing for a public listing.") == set()
    # (the words that spell an acronym out stand side by side: a name and a verb apart do not)
    said = "The deal will pay off, chief financial officer Ana Lund said."
    assert spelled_acronyms("Who is the CFO?", said) == {"cfo": ["chief", "financial", "officer"]}
    assert spelled_acronyms("Who is the CFO?", "It works with Corlan Foods, which has opened 12 outlets.") == {}
    answer = mills.ask("Who is planning an IPO?")
    assert "initial public offering" in answer.text


def test_questions_are_read_for_the_type_and_focus_they_ask(mills: Assistant) -> None:
    read = mills.extractive.reader.read
    assert read("When was the agreement made?").types[0] == "DATE"
    assert "GPE" in read("Which city is the mill in?").types
    assert read("How many people work at the mill?").counted == "peopl"
    assert read("Which companies are part of the deal?").several
    assert not read("Which company bought the mill?").several
    assert read("Who first reported the lease?").verbs == ("report",)
    assert read("What is the mill's revenue?").types == ("MONEY",)
    # "What is X called?" asks for the name a verb gives X (of any type of name: no amount)
    for called in ("What is the new venture called?", "What will the merged group be called?"):
        assert read(called).naming and "ORG" in read(called).types and "MONEY" not in read(called).types
    assert not read("What is the deal expected to cost?").naming
    # a span of the model that runs over a lowercase word is cut into its names
    assert read("Why did SpaceX sell Colossus 1 to Anthropic?").names == ("SpaceX", "Colossus 1", "Anthropic")
    # ...and one across a possessive; a name may start lower-case ("xAI")
    assert set(read("Who supplies Orbital's Duluth plant?").names) == {"Orbital", "Duluth"}
    assert read("What does xAI run?").names == ("xAI",)
    # "Who is X?" asks what X is, not for another name; "Where is X?" still asks for a place
    assert read("Who is Dana Kim?").identity and read("Who is Dana Kim?").types == ()
    assert not read("Where is Harbor Mills?").identity
    assert not read("Who is Orbital's CFO?").identity and read("Who is Orbital's CFO?").types
    # "more" and "fewer", the comparatives of "much" and "many", weigh amounts and counts, not dates
    assert "DATE" not in read("Which has more staff, Harbor Mills or Orbital?").weighed
    assert "DATE" not in read("Which mill has fewer workers, Harbor Mills or Orbital?").weighed
    assert "DATE" not in read("Which deal cost less, Harbor Mills or Orbital?").weighed
    # "how much" with a verb of money ("pay", "spend") asks for money or a rate, not for what it pays
    # for; a price ("pay ... for the mill") is money
    assert read("How much does a truck pay to use the mill's road?").types == ("MONEY", "PERCENT")
    assert read("How much did Orbital spend on the mill?").types == ("MONEY", "PERCENT")
    assert read("How much will Orbital pay Dana Kim for her stake?").types == ("MONEY",)
    assert "PERCENT" in read("How much did Orbital's sales grow?").types


def test_which_noun_asks_for_the_type_of_the_corpus_names_that_end_in_it(mills: Assistant) -> None:
    # spaCy's glossary reads "bank" as money; names such as "Pellbrook Bank" say it is an ORG
    assert _kinds({"bank": {"ORG": 3, "MONEY": 1}, "data": {"ORG": 1}, "wire": {"ORG": 2, "PERSON": 2}}) == {
        "bank": "ORG"
    }
    assert QuestionReader(mills.embedder.encode).read("Which bank did the mill borrow from?").types[0] == "MONEY"
    corpus = QuestionReader(mills.embedder.encode, {"bank": "ORG"}.get)
    assert corpus.read("Which bank did the mill borrow from?").types[0] == "ORG"
    # ...and the sole subject of an act is a party, whatever the glossary reads
    assert "MONEY" not in QuestionReader(mills.embedder.encode).read("Which bank lent the money?").types
    assert corpus.read("Which city is the mill in?").types == ("GPE",)  # no name ends in "city"


def test_a_date_is_taken_from_the_clause_about_the_event_asked(mills: Assistant) -> None:
    # Both sentences are about the agreement; only one says when it was made.
    assert mills.ask("When was the agreement made?").short != "October"
    assert mills.ask("When was the agreement signed?").short == "3 March 2025"
    assert mills.ask("When is the stock listing?").short == "October"


def test_undisclosed_terms_answer_for_the_deal_but_not_for_another_name(mills: Assistant) -> None:
    answer = mills.ask("What was the price of the deal?")
    assert not answer.abstained
    assert "price of the deal was not disclosed" in answer.text
    # The deal's price says nothing of what the fund is worth.
    assert mills.ask("How much is Kestrel Capital worth?").abstained


def test_a_mistyped_question_word_is_fixed(mills: Assistant) -> None:
    assert fix_question_word("were is the mill") == "where is the mill"
    assert fix_question_word("Wen did it close?") == "When did it close?"
    assert fix_question_word("Were the terms disclosed?") == "Were the terms disclosed?"
    answer = mills.ask("were is the mill")
    assert answer.short == "Duluth, Minnesota"
    assert answer.question == "were is the mill"  # the answer keeps what the user typed


def test_an_answer_filtered_to_one_article_cites_only_that_article(mills: Assistant) -> None:
    # The other article says who reported the lease; the filter must keep its sentences out.
    answer = mills.ask("Who first reported the deal?", article_id="orbital-buys-harbor")
    assert {c.article_id for c in answer.citations} <= {"orbital-buys-harbor"}
    assert "Duluth Ledger" not in answer.text


def test_hits_report_the_rank_of_their_nearest_sentence(mills: Assistant) -> None:
    hits = mills.search("Which newspaper first reported the lease?", k=2)
    assert hits[0].chunk.article_id == "harbor-leases-plant"
    assert hits[0].sentence_rank == 1


PAYS = """---
id: orbital-pays
title: How Orbital Foods pays for Harbor Mills
---
Orbital Foods will pay for Harbor Mills from the cash its bakery chain earns.
Orbital Foods said paying for the mill would not delay its other plans.
"""
PRICE = """---
id: harbor-price
title: Harbor Mills sale terms
---
Orbital Foods paid $40 million in cash for Harbor Mills.
Farmers near Duluth hope the sale keeps the mill open.
"""


@pytest.fixture(scope="module")
def sale(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _assistant(tmp_path_factory, {"orbital-pays.md": PAYS, "harbor-price.md": PRICE})


def test_a_passage_stating_the_kind_of_answer_asked_ranks_above_one_on_the_topic(sale: Assistant) -> None:
    question = "How much is Orbital Foods paying for Harbor Mills?"
    plain = sale.retriever.retrieve([question], k=2).hits
    # By words and vectors alone, the passage about paying leads; it never says how much.
    assert [h.chunk.article_id for h in plain] == ["orbital-pays", "harbor-price"]
    assert all(h.answer_rank == 0 for h in plain)
    hits = sale.search(question, k=2)
    assert [(h.chunk.article_id, h.answer_rank) for h in hits] == [("harbor-price", 1), ("orbital-pays", 0)]
    assert sale.ask(question).short == "$40 million"
    # A question that asks for no date, place or amount is ranked as before.
    assert all(h.answer_rank == 0 for h in sale.search("Does Orbital Foods pay for Harbor Mills?", k=2))


# Articles whose words would mislead the readings of "why", "when" and "how many" questions.
TRAPS = {
    "marsh.md": """---
title: Marsh family sells Tarn Rovers stake to Kerr Capital
---
TARN, March 4 (Calder Wire) - The Marsh family has agreed to sell its 60% stake in Tarn Rovers, the football
club founded in 1887, to Kerr Capital for £310 million.

The Hollis family, which owns the remaining 40% of Tarn Rovers, will keep its shares.

Gerald Marsh said the Marsh family decided to sell because it could no longer fund the club's wage bill.
""",
    "penrose.md": """---
title: Dunn family sells Wexley Town stake to Orrin Capital
---
WEXLEY, May 2 (Calder Wire) - The Penrose family will keep its 40% stake in Wexley Town, the football club
founded in 1902, after the Dunn family agreed to sell its 60% holding to Orrin Capital for £120 million.

Ian Dunn, chairman since 2001, said the family decided to sell because it could no longer fund the club's wage bill.
""",
    "brisk.md": """---
title: Brisk Holdings buys Carrow United
---
LONDON, March 4 (Calder Wire) - Brisk Holdings has agreed to buy Carrow United, the football club founded in
1890, for £210 million.

Brisk Holdings decided to sell the hotel chain last year to raise cash for the purchase, chief executive Ana
Ruiz said.
""",
    "harlan.md": """---
title: Harlan Partners sells Polk Foods to fund Fenwick Athletic stadium
---
LONDON, June 4 (Calder Wire) - Harlan Partners has agreed to sell Polk Foods, its frozen-food maker, to Harlow
Group for £400 million.

Harlan Partners decided to sell because frozen-food margins had fallen for three years, chief executive Tom
Reyes said.

Harlan Partners, which owns Fenwick Athletic, will spend the proceeds on a new stadium for the football club.
""",
    "bakery.txt": """Tamsin Foods plant deal

Tamsin Foods has agreed to buy a bakery plant in Duluth from Verity Mills. The plant is due to reopen in two years.
""",
    "jets.txt": """Harrow Air orders Tern jets

OSLO, May 3 (Newswire) - Harrow Air has ordered 30 Tern 190 jets from Polk Aerospace in a deal worth about
$1.4 billion at list prices.

The airline flew 4.8 million travellers in 2024, up 7 percent from the year before.

It expects to take delivery of the first jets in 2026.
""",
}


@pytest.fixture(scope="module")
def traps(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("traps"), TRAPS)


def test_a_premise_is_held_only_by_its_own_act_however_it_is_said(traps: Assistant) -> None:
    # "the Marsh family", or "the family" after it, is no other family
    for question in (
        "Why did the Hollis family decide to sell its stake in Tarn Rovers?",
        "Why did the Penrose family decide to sell its stake in Wexley Town?",
    ):
        answer = traps.ask(question).text
        assert "decided to sell because" not in answer.split("[")[0], answer
    # an act with its own object ("sell the hotel chain"), or under a title about another sale, is no
    # sale of the title's club
    answer = traps.ask("Why did Brisk Holdings decide to sell Carrow United?").text
    assert "hotel chain" not in answer.split("[")[0], answer
    answer = traps.ask("Why did Harlan Partners decide to sell Fenwick Athletic?").text
    refused = answer.startswith("The articles don't say that")
    assert "margins had fallen" not in answer and (refused or "new stadium" not in answer.split("[")[0]), answer


def test_a_time_from_now_or_a_word_for_what_is_counted_is_quoted(traps: Assistant) -> None:
    # a length from now is a point in time; "travellers" counts passengers
    answer = traps.ask("When will the Duluth plant reopen?")
    assert not answer.abstained and answer.text.startswith("The plant is due to reopen in two years"), answer.text
    answer = traps.ask("How many passengers did Harrow Air fly in 2024?")
    assert not answer.abstained and answer.text.startswith("The airline flew 4.8 million travellers"), answer.text


LEASEBACK = """# Skelby Foods sells and leases back 20 stores

Skelby Foods has agreed to sell the freehold of 20 stores to Dunmarsh Property Trust for £300 million and lease them
back for 20 years.

| Term | Detail |
|---|---|
| Rent | £16 million a year |
| Break option | Skelby Foods may end the leases on up to three stores at year 12 |
"""


@pytest.fixture(scope="module")
def leaseback(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _assistant(tmp_path_factory, {"skelby.md": LEASEBACK})


def test_a_sentence_saying_every_word_asked_leads(leaseback: Assistant) -> None:
    # (not the sale and leaseback, which says no lease ends)
    answer = leaseback.ask("Can Skelby Foods end any of its leases with Dunmarsh early?")
    assert "may end the leases" in answer.citations[0].quote, answer.text


PREMISES = {
    "pellinor.txt": "Pellinor Shipping to buy Varnholt Docks\n\nKALDVIK, April 14 (Wire) - Pellinor Shipping, the "
    "Kaldvik-based container line, has agreed to buy Dutch terminal operator Varnholt Docks for €1.8 billion including "
    "debt, the companies said on Wednesday.\n\nBRUSSELS, Sept. 22 (Wire) - The European Commission on Wednesday "
    "cleared Pellinor Shipping's purchase of Varnholt Docks.\n",
}


@pytest.fixture(scope="module")
def premises(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _assistant(tmp_path_factory, PREMISES)


def test_a_premise_with_the_parties_swapped_is_said_to_be_wrong(premises: Assistant) -> None:
    # "X has agreed to buy Y" and "X's purchase of Y" hold no premise that Y buys X
    answer = premises.ask("Why did Varnholt Docks decide to buy Pellinor Shipping?")
    assert answer.text.startswith("The articles don't say that"), answer.text
    assert "has agreed to buy Dutch terminal operator Varnholt Docks" in answer.citations[0].quote


def test_a_noun_of_the_act_owned_by_no_party_holds_no_swap(tmp_path_factory: pytest.TempPathFactory) -> None:
    article = (
        "Larsen sells Tolvik stake\n\nBERGEN, March 9 (Wire) - Larsen Holdings agreed to the sale of its 40% Tolvik "
        "stake to Orsk Capital for $90 million, as it seeks to cut debt.\n"
    )
    assistant = _assistant(tmp_path_factory, {"larsen.txt": article})
    # ("the sale of its Tolvik stake" says no one buys Larsen Holdings in Tolvik's place)
    answer = assistant.ask("Why is Orsk Capital buying Larsen Holdings' stake in Tolvik?")
    assert not answer.text.startswith("The articles don't say that"), answer.text


def test_a_noun_the_articles_use_in_a_name_asks_for_no_amount(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    hired = """---
id: orrel-hires-bank
title: Orrel Freight hires Pellbrook Bank for depot sale
---
Orrel Freight has hired Pellbrook Bank as its investment bank for the sale of its depots.
Pellbrook Bank will also lend Orrel $40m to refinance a bond.
Kessby Bank advised the depots' likely buyer, Marrow Logistics.
"""
    assistant = _assistant(tmp_path_factory, {"orrel-hires-bank.md": hired})
    # ("bank" reads as money in the glossary; the articles use it as a word of a name, "Pellbrook
    # Bank", a kind of party: no amount is Orrel's bank)
    assert assistant.ask("What is Orrel's investment bank?").short != "$40m"
    assert assistant.ask("Orrel investment bank").short != "$40m"
