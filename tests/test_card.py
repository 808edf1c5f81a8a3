"""What the surfaces call a corpus: from the settings, the corpus folder's corpus.toml, or the articles;
and what its example questions get."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from dealqa import Assistant
from dealqa.answering.generative import GenerativeAnswerer
from dealqa.answering.verify import Verifier
from dealqa.web import build_ui
from tests.conftest import make_settings

# Invented deals, none of them the shipped corpus's.
ARTICLES = {
    "brightwater-kelso.md": (
        "---\ntitle: Brightwater to buy Kelso\npublished: 2027-03-02\n---\n"
        "Brightwater Systems has agreed to buy Kelso Robotics for $410 million in cash, the companies "
        "said on Tuesday.\n\nKelso, founded in 2015 in Leeds, makes warehouse robots. The deal is "
        "expected to close in the third quarter of 2027.\n"
    ),
    "brightwater-lease.md": (
        "---\ntitle: Brightwater leases a data center\npublished: 2027-04-10\n---\n"
        "Brightwater Systems signed a ten-year lease for a 40-megawatt data center in Columbus, Ohio, "
        "on April 9.\n\nThe lease is worth $1.2 billion, according to a filing.\n"
    ),
    "orlin-power.md": (
        "---\ntitle: Orlin to power a campus\npublished: 2027-05-20\n---\n"
        "Orlin Power will supply 300 megawatts of electricity to a campus in Reno, Nevada, under a "
        "deal worth $2.6 billion signed on May 18.\n\nThe plant will be built by 2029.\n"
    ),
}
SHIPPED = ("Colossus", "SpaceX", "Anthropic", "Memphis")


@pytest.fixture(scope="module")
def other_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("other") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def other(other_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant(make_settings(tmp_path_factory.mktemp("other-store"), other_corpus))


def test_a_corpus_without_a_card_is_named_by_the_parties_its_articles_lead_with(other: Assistant) -> None:
    card = other.card()
    shown = [card.title, card.description, card.greeting, card.placeholder, *card.examples]
    assert not [text for text in shown if any(word in text for word in SHIPPED)]
    assert "3 articles" in card.title
    assert card.title.index("Brightwater Systems") < card.title.index("Orlin Power")  # two articles lead with it
    assert "2 March 2027" in card.greeting and "20 May 2027" in card.greeting
    # the description, which a server fixes when it starts, gives no count to go stale
    assert "Brightwater Systems" in card.description and "3" not in card.description
    assert "Brightwater Systems" in card.placeholder
    # Every example is a question the articles answer, about a party they lead with.
    assert not card.examples  # asked for by the chat only
    card = other.card(examples=True)
    assert card.examples
    for question in card.examples:
        assert "Brightwater Systems" in question or "Orlin Power" in question
        assert not other.ask(question).abstained, question


def test_an_example_question_leads_with_the_value_of_what_it_asks(other: Assistant) -> None:
    # Both values are the asked type's and in one sentence with the name; "300 megawatts" is nearer
    # the name, "$2.6 billion" nearer what is asked ("a deal worth").
    assert "How much is Orlin Power's deal worth?" in other.card(examples=True).examples
    assert other.ask("How much is Orlin Power's deal worth?").short == "$2.6 billion"


def test_example_questions_are_asked_of_the_articles_never_of_an_llm(other: Assistant) -> None:
    model = FakeListChatModel(responses=["Orlin Power signed it [1]."])
    with_llm = Assistant(other.settings, auto_ingest=False)
    verifier = Verifier(with_llm.embedder.encode)
    with_llm.answerer = GenerativeAnswerer(model, "anthropic:fake", with_llm.extractive, verifier)
    assert with_llm.card(examples=True).examples == other.card(examples=True).examples
    assert model.i == 0  # no call made


def test_an_empty_store_is_described_without_a_word_that_goes_stale(tmp_path: Path) -> None:
    card = Assistant(make_settings(tmp_path, tmp_path / "no-corpus")).card(examples=True)
    assert (card.title, card.description, card.examples) == ("dealqa", "News articles.", ())


def test_the_ui_shows_the_corpus_own_card(other: Assistant) -> None:
    config = build_ui(other).config
    assert config is not None
    props = [c.get("props", {}) for c in config["components"]]
    heading = next(p["value"] for p in props if p.get("elem_id") == "dq-heading")
    assert "Brightwater Systems" in heading and "Colossus" not in heading
    placeholder = next(p["placeholder"] for p in props if p.get("elem_id") == "dq-input")
    assert "Brightwater Systems" in placeholder
    shown = [p["value"] for p in props if "dq-example" in (p.get("elem_classes") or []) and p.get("visible")]
    assert shown == list(other.card(examples=True).examples)


def test_corpus_toml_names_the_corpus_and_is_not_ingested(tmp_path: Path, other_corpus: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in other_corpus.iterdir():
        (folder / article.name).write_text(article.read_text())
    (folder / "corpus.toml").write_text(
        'title = "Robots and power, 2027"\nexamples = ["Who is buying Kelso Robotics?"]\n'
    )
    assistant = Assistant(make_settings(tmp_path, folder), auto_ingest=False)
    report = assistant.ingest([folder])
    assert (len(report.added), len(report.skipped)) == (3, 0)

    card = assistant.card()
    assert card.title == "Robots and power, 2027"
    assert card.examples == ("Who is buying Kelso Robotics?",)
    assert "Brightwater Systems" in card.placeholder  # not in the file: derived

    named = Assistant(make_settings(tmp_path, folder, chat_title="Deal desk"), auto_ingest=False).card()
    assert named.title == "Deal desk"  # a setting overrides the file


def test_a_broken_corpus_toml_is_named_in_the_log_and_the_card_derived(
    tmp_path: Path, other_corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in other_corpus.iterdir():
        (folder / article.name).write_text(article.read_text())
    (folder / "corpus.toml").write_text('titel = "Robots"\n')
    assistant = Assistant(make_settings(tmp_path, folder))
    with caplog.at_level(logging.WARNING, logger="dealqa.assistant"):
        card = assistant.card()
    assert "titel" in caplog.text and "corpus.toml" in caplog.text
    assert "Brightwater Systems" in card.title


def test_the_shipped_corpus_is_named_by_its_own_corpus_toml(assistant: Assistant) -> None:
    card = assistant.card()
    assert "Colossus 1" in card.title and "Colossus 1" in card.placeholder
    assert "When was the deal signed?" in card.examples
