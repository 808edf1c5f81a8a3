"""Kinds of question the answerer treats on purpose: alternatives, purposes, acronyms, several
names, undisclosed amounts, mistyped question words, and answers kept to a filtered article.

The corpus here is two invented articles about another deal, so nothing below leans on the
eval's questions or articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dealqa import Assistant
from dealqa.answering.extractive import _short_answers
from dealqa.answering.facts import AnswerType, acronym_terms, clause, mentions
from dealqa.answering.questions import alternatives, answer_type, asks_for_several, fix_question_word

from .conftest import make_settings

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


def test_a_purpose_question_takes_a_sentence_that_states_a_purpose(mills: Assistant) -> None:
    assert answer_type("What will Orbital Foods use the mill for?") is AnswerType.PURPOSE
    assert answer_type("What is the purpose of the lease?") is AnswerType.PURPOSE
    assert answer_type("Which mill will they use for bread?") is not AnswerType.PURPOSE
    assert [m.text for m in mentions("It will use the mill to supply its bakeries.", AnswerType.PURPOSE)] == [
        "to supply"
    ]
    assert mentions("It leased the plant to the company.", AnswerType.PURPOSE) == []
    answer = mills.ask("What will Orbital Foods use the mill for?")
    assert "to supply its bakery chain" in answer.text
    assert not answer.text.startswith("to supply")  # a purpose is quoted, not cut out as a short answer


def test_a_gain_question_takes_a_sentence_about_what_that_name_gains(mills: Assistant) -> None:
    assert answer_type("What does Harbor Mills gain from the lease?") is AnswerType.BENEFIT
    assert answer_type("What's in it for Harbor Mills?") is AnswerType.BENEFIT
    assert answer_type("What does the mill gain?") is AnswerType.NONE  # nobody named: a plain question
    answer = mills.ask("What does Harbor Mills gain from the lease?")
    assert answer.text.startswith("Analysts said the arrangement gives Harbor Mills a steady income")
    # The gain asked is Orbital's, not Harbor's; no sentence tells it, so the best sentence answers.
    answer = mills.ask("What did Orbital Foods get from Harbor Mills?")
    assert not answer.abstained
    assert "gives Harbor Mills" not in answer.text


def test_acronyms_match_their_expansions_both_ways(mills: Assistant) -> None:
    assert acronym_terms("Who is planning an IPO?", "It is preparing for an initial public offering.") == {"ipo"}
    assert acronym_terms("Is it planning an initial public offering?", "The IPO is in June.") == {
        "initi",
        "public",
        "offer",
    }
    assert acronym_terms("Who is planning an IPO?", "It is preparing for a public listing.") == set()
    answer = mills.ask("Who is planning an IPO?")
    assert "initial public offering" in answer.text


def test_questions_for_several_names_are_told_apart() -> None:
    assert asks_for_several("Which companies are part of the deal?")
    assert asks_for_several("Who are the parties?")
    assert not asks_for_several("Which company bought the mill?")


def test_a_name_counts_as_the_answer_only_beside_the_question_words() -> None:
    question = "Who first reported the lease?"
    near = _short_answers("The lease was first reported by the Duluth Ledger.", AnswerType.NAME, question, 4)
    assert [m.text for m in near] == ["Duluth Ledger"]
    far = "Kestrel Capital, a fund run from Boston by partners of many years, approved the lease."
    assert _short_answers(far, AnswerType.NAME, question) != []
    assert _short_answers(far, AnswerType.NAME, question, 4) == []


def test_a_date_is_taken_from_the_clause_about_the_event_asked(mills: Assistant) -> None:
    sentence = "The agreement, which local farmers welcomed, comes ahead of its stock listing in October."
    (october,) = mentions(sentence, AnswerType.DATE)
    assert clause(sentence, october) == "comes ahead of its stock listing in October."
    signed = "It signed the deal on May 6, 2026, to lease the plant."
    assert clause(signed, mentions(signed, AnswerType.DATE)[0]) == "It signed the deal on May 6, 2026"
    # Both sentences are about the agreement; only one says when it was made.
    assert mills.ask("When was the agreement made?").text.startswith("3 March 2025 [1].")
    assert mills.ask("When is the stock listing?").text.startswith("October [1].")


def test_undisclosed_terms_answer_for_the_deal_but_not_for_another_name(mills: Assistant) -> None:
    answer = mills.ask("How much was the deal worth?")
    assert not answer.abstained
    assert "price of the deal was not disclosed" in answer.text
    # The deal's price says nothing of what the fund is worth.
    assert mills.ask("What is Kestrel Capital worth?").abstained


def test_a_mistyped_question_word_is_fixed(mills: Assistant) -> None:
    assert fix_question_word("were is the mill") == "where is the mill"
    assert fix_question_word("Wen did it close?") == "When did it close?"
    assert fix_question_word("Were the terms disclosed?") == "Were the terms disclosed?"
    answer = mills.ask("were is the mill")
    assert answer.text.startswith("Duluth, Minnesota [1].")
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
The price of the Harbor Mills sale was not disclosed.
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
    assert sale.ask(question).citations[0].article_id == "harbor-price"
    # A question that asks for no date, place or amount is ranked as before.
    assert all(h.answer_rank == 0 for h in sale.search("Who pays for Harbor Mills?", k=2))
