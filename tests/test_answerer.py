"""The extractive answerer fed evidence directly: sentences read by spaCy and embedded by the bundled
model, no store. Two invented articles about a deal that is not the shipped one, so nothing here
leans on the eval's articles or questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pytest

from dealqa.answering.extractive import Draft, ExtractiveAnswerer, names
from dealqa.answering.questions import QuestionReader
from dealqa.chunking import split_sentences
from dealqa.embedding import Embedder
from dealqa.nlp import read_sentences
from dealqa.settings import Settings
from dealqa.text import content_words, terms
from dealqa.types import Chunk, Evidence, Hit, Publication, Retrieval

LEDGER = (
    "Quarry Labs, founded in 2019 in Austin, Texas, employs 240 people. "
    "Vantor Systems agreed on 3 March 2027 to pay $1.1 billion for Quarry Labs, the Austin Ledger reported. "
    "The acquisition closed on April 30, 2027, after regulators in Texas cleared it. "
    "Vantor will use Quarry's software to schedule freight for its 1,800 trucks. "
    "The fee paid to the banks that advised Quarry Labs was not disclosed."
)
WIRE = (
    "Vantor Systems is paying $1.3 billion for Quarry Labs, a person familiar with the deal said. "
    "Maria Okeke, the chief executive of Vantor Systems, said the deal doubles its engineering staff."
)
FILING = (
    "Vantor Systems hired Pellbrook Freight in 2026 to haul its goods. "
    "Pellbrook Freight, founded in 1988 in Ohio, employs 5,200 drivers. "
    "Pellbrook Freight will haul 90,000 tonnes of steel to a plant in Dayton under a deal worth $40 million. "
    "Its chief financial officer, Dana Whitlow, joined from a rail operator in 2024. "
    "The haulage agreement was signed on 4 February 2027, after what Vantor's finance chief, Lena Brandt, "
    "called months of talks."
)
MEMO = (
    "Ines Varga will join Vantor Systems as a senior vice president in May. "
    "Her appointment was first reported by the Harbor Wire the week before the announcement. "
    "Vantor's freight unit was set up in 2021 by Ines Varga and Tomas Reyes. "
    "Vantor raised its Series B in 2022. "
    "Vantor announced its Series B on 12 May 2022, and the Series B closed on 9 June 2022. "
    "Vantor paid $12 per share for a stake in Pellbrook Freight."
)
PROFILE = (
    "Dunmere Press, founded in 1990, raised a €4m round in 2021, led by Skerry Partners. "
    "Dunmere Press has found its first customer. "
    "Dunmere Press, a Duluth company that sells Orwin printing ink to publishers, already runs two plants. "
    "Dunmere Press will build its new plant in Duluth. "
    "Duluth was chosen because its port cuts the cost of shipping paper. "
    "Kestrel prints 40 million pages a year."
)
SITE = (
    "Bracken Foods will open its first bakery in 2028. "
    "The company weighed sites in three states. "
    "Tacoma was chosen because its harbour is deep enough for the flour ships of a first bakery. "
    "Bracken Foods is building a depot in Spokane. "
    "Its flour contract with Spokane Mills runs for five years and covers 600,000 tonnes. "
    "Under it, the Tacoma-based baker receives 5% of the mill's output and pays $310 a tonne. "
    "Bracken Foods will pay 70% of the depot's cost in cash and the remaining 30% in shares. "
    "Its chief executive said building would start in the first half of fiscal 2027, with the first loaves "
    "baked in Q4 2033."
)
FOUNDERS = (
    "Harlow Foods, founded in 2015 by Ada Quist and Bo Lind, makes oat milk. "
    "Quist is chief executive and Lind is chief scientist. "
    "The company employs 85 people and raised $5m in 2020. "
    "Harlow Foods bought a dairy in 2022. "
    "Kerr Farms, based in Denver, sold the dairy to Harlow Foods. "
    "It paid 60% of the dairy's price in cash. "
    "Harlow Foods is advised by Pike Lowe, a Boston accounting firm. "
    "Pike Lowe is paid a yearly retainer. "
    "The size of the retainer was not disclosed."
)
SALE = (
    "Ostrel Mining agreed to sell its Yukon mine to Calder Metals. "
    "Calder Metals would pay a break fee of $4m if its shareholders voted against the sale. "
    "A reverse break fee of $15m is owed by Calder Metals if regulators block the sale. "
    "Ostrel's shareholders will receive C$4.10 a share in cash, a 25% premium, and the deal is due to close in June. "
    "The Yukon Mining Board approved the sale in May because Calder Metals agreed to keep the mine open. "
    "The YMB also asked Calder Metals to post a $2m bond."
)
MERGER = (
    "Tarnow Grain's chief executive, Nils Haug, will lead the combined group. "
    "Tarnow Grain's founder, Ruth Alm, will become executive chair of the board for two years. "
    "Ivo Berg, currently head of Tarnow Grain's milling arm, will be the combined group's finance chief. "
    "Tarnow Grain's chief executive, Nils Haug, said it would sell two mills to Kerr Farms for $9m. "
    "Kelda Ovens, the Scottish bread company, said it has signed a contract to bake bread for Tarnow Grain. "
    "Kerr Farms sold 40,000 tonnes of barley in 2025, up from the year before. "
    "Pike Lowe, which opened in 1998, audited 60 farms last year. "
    "Tarnow Grain chief executive Nils Haug said Kerr Farms was paid in cash."
)
FUND = (
    "Ormsby Holdings, a fund backed by two insurers, agreed to buy Farrow Mills in May. "
    "The round was backed by three investors, including Pell Capital and Norrow Partners. "
    "Farrow's chief financial officer, Vesna Quell, told analysts that net debt had fallen."
)
# (the model types only "ASA" of the seller's name, and "Orvik" as no type)
MASTS = (
    "OSLO, May 26 (Harbor Wire) - Skelda Telecom ASA agreed on Monday to sell its portfolio of 900 masts "
    "to Arrow Grid. "
    "The Orvik-based operator will rent space on the masts back under a 15-year contract."
)
FERRIES = (
    "KIRRIN, June 2 (Coast Wire) - Eskvale Lines has signed a 12-year agreement to buy liquefied gas from "
    "Brumond Energy to fuel its ferries. "
    "The agreement replaces a 5-year agreement that expired in March."
)
DEPOTS = (
    "Tamsk Freight has agreed to buy the depot business of Orrin Logistics. "
    "Tamsk's chief executive said the depots would fit its network of routes. "
    "The Tamsk transaction is expected to close after the summer. "
    "Tamsk Freight employs 2,000 people.\n\n"
    "Orrin Logistics said its board approved the sale last Tuesday. "
    "The company employs 310 people at depots in Leipzig, Munich and Cologne.\n\n"
    "Orrin Logistics sorts parcels for online shops. "
    "Its largest depot, at Munich, handles 4,000 parcels a day on its own."
)
SOLAR = (
    "Tarnwick Solar has raised $90 million in a new Series B round led by Orrstead Capital. "
    "The round values Tarnwick at $700 million after the new money."
)
# (the buyer's "Arendal-based" describes it; "Group AS" is nearer the price than "Tovik")
BERTHS = (
    "ARENDAL, April 7 (Fjell Wire) - Tovik Group AS has agreed to buy a 70% stake in Brekka Pumps AS, a maker of "
    "ship pumps, for NOK 1.2 billion, the Arendal-based engineering group said on Tuesday. "
    "Tovik will also pay NOK 15 million to two former directors of Brekka Pumps. "
    "Separately, Tovik agreed to sell its 40 ferry berths to Kallby Ports for NOK 300 million. "
    "Tovik will also pay NOK 20 million for Varde Docks and NOK 5 million for Oyer Slip."
)
BERTHS_FILING = (
    "Kallby Ports will pay NOK 310 million including debt for the 40 ferry berths, according to a filing made "
    "on Friday."
)
# (the parser hangs the "for" on the buyer's name, and the "to" on the towers)
TOWERS = (
    "Vessa Telecom ASA agreed on Monday to sell its portfolio of 2,100 mobile towers in Sweden to Malmo-based "
    "infrastructure investor Krona Grid Partners for NOK 3.3bn."
)
MILL = (
    "Hamar Press will build its new printing plant in Gjovik, it said on Monday. "
    "Hamar Press's paper mill will close in 2027."
)
VENTURE = (
    "Hestra Wind will own 65% of the Sorlund venture, and Ostby Capital will own 35%. "
    "Hestra Wind shares rose to NOK 52 a share after the venture was announced. "
    "The Sorlund hospital will grow to 400 beds by 2030. "
    "Ostby Capital raised $50 million from pension funds in 2025."
)
ROYALTY = (
    "Sorlund Bio will receive royalties of 4% on annual sales below $100 million, 6% on sales between "
    "$100 million and $300 million, and 8% on sales above $300 million."
)
CLEARANCE = (
    "Hestra Systems has agreed to acquire Ostby Marine for $900 million. "
    "Either side can walk away if the deal has not closed by June 30, 2029, and Hestra would owe Ostby a "
    "termination fee of $20 million if regulators block it. "
    "The transaction has already been cleared by the Danish Competition Authority, which approved it on "
    "Friday, but it still requires clearance from UK antitrust regulators."
)
FLEET = "Tarsk Lines agreed to buy five second-hand 8,500 TEU ships from Orla Maritime, with handover in Q3 2027.\n"
FERRIES_JV = (
    "Skarv Group and Lomen Havn agreed to form a ferry venture, the companies said on Monday. "
    "Lomen Havn said it would own 60% of the ferry venture. "
    "After the deal Skarv Group will hold NOK 3 billion in cash."
)
DIVIDEND = (
    "Toften Mills, which agreed to be bought on Monday, will not close its Bergen plant until March 2028. "
    "Toften Mills has 2,100 staff."
)
LOAN = (
    "Orsk Foods will borrow NOK 2 billion for the Lunde Dairy acquisition, its finance chief said. "
    "Kallby Ports said that it had agreed to buy Frey Creamery from Sella Bakeries for NOK 700 million."
)
ROUND = (
    "Skarv Robotics, a Trondheim maker of warehouse robots, closed a Series A round led by "
    "the Oslo-based investor Hestra Ventures on Tuesday. "
    "Skarv Robotics named Lea Tindvik to its audit committee, which is chaired by Jon Brekkan. "
    "Hestra Ventures, founded in 2015, manages about $900 million across three funds."
)
TOWERS_SALE = "Vellby Foods agreed on Monday to sell its 40 bakeries to Norrsund Mills for NOK 9.4bn, the company said."
HOLDINGS = (
    "Tarsk Estates agreed to sell its depot portfolio to Orla Capital at a price that reflects a net initial "
    "yield of 4.8% and a 6% discount to book value. "
    "Harlen Paper agreed on Monday to sell its mills to Quarran Pulp for $1,400 million. "
    "Brekka Mills bought a 25% stake in Ulvik Textiles from its founder, who keeps a stake of 10%. "
    "Varde Foods signed a $900 million term loan with Kallby Bank at a margin of 225 basis points over SOFR. "
    "Brekka Capital will hold a stake of 22% in Kessby Sensors. "
    "The stake of the 3 founders in Kessby Sensors will fall to 18% after the round. "
    "Skarpa Storage will spend $150 million to add capacity at its Rotterdam terminal. "
    "Vessa Orbital's filing lists a post-money valuation of $1.9 billion for the company's $410 million Series C "
    "round."
)
FACILITY = (
    "Brekka Shipping has signed a $300 million loan with Kallby Bank to pay for four tankers. "
    "The facility pays a margin of 140 basis points over SOFR, two people familiar with the terms said."
)
PILL = (
    "Orrel Bio presented data from its Phase 1 trial of the gout pill at a congress in Oslo in March. "
    "Its results on costs are due later."
)
SONGS = (
    "Orla Venn sold her song catalogue to Tessel Music on Monday. "
    'The catalogue covers 120 songs written since 1990, including the ballad "Glass Harbour", Tessel said.'
)
TRIAL = "Harlow Foods is testing barley milk in a trial, known as BRW-2, that has enrolled 410 volunteers in 12 towns."
# What is not known, said without the names ("Operating profit ...") or by a determiner ("Neither").
UNTOLD = (
    "Tindra Foods reported revenue of $30 million for 2026. "
    "Operating profit was not disclosed. "
    "Tindra Foods agreed on Monday to buy Holme Mills. "
    "Neither side disclosed the size of the break fee Tindra Foods would owe if the deal collapses. "
    "Holme Mills's net profit was not disclosed."
)
UNPAID = (
    "Ormsby Press agreed on Monday to buy Varde Mills. "
    "Ormsby Press did not disclose how much it is paying for Varde Mills."
)
UNEXPECTED = (
    "Kessby Oil agreed on Monday to buy Brenna Gas. "
    "The break fee, which no analyst had expected, is larger than usual for a deal of this size."
)
# Two reports of one lease that differ on its length, among sentences about it that state none.
LEASE = (
    "Kallby Grid said the length of the Sorlund Data lease suits its Tarsk campus. "
    "Analysts called the length of the Sorlund Data lease with Kallby Grid a coup. "
    "The length of the Sorlund Data lease with Kallby Grid surprised its rivals. "
    "Kallby Grid shares rose on the length of the Sorlund Data lease. "
    "Sorlund Data has leased 40 megawatts from Kallby Grid under a 12-year contract."
)
LEASE_FILING = "Kallby Grid has leased 40 megawatts to Sorlund Data under a 15-year contract, a filing shows."
# A digest of two deals: each paragraph a chunk of its own.
BRIEF = (
    "Bracken Foods opened a depot in Boise on Friday.\n\n"
    "Kerrow Brewing was bought by its managers on Monday. "
    "Pricing was not disclosed. "
    "Chief financial officer Lena Moss said the buyout would be completed in June."
)
# Amounts written with a sign and a scale ("€90m"), beside other amounts of the same deals.
TERMS = (
    "Kessby Paper agreed on Monday to buy Tovik Pulp for $2 billion, a 28% premium to its closing price. "
    "Kessby Paper would pay Tovik Pulp €90m if regulators block the deal. "
    "Ormsby Athletic sold a 30% stake to Brenna Capital for £90m, in a deal that values the club at £300m. "
    "A regulatory filing by Hestra Power values its power contract with Kallby Data at $3.2bn."
)
SIGNING = (
    "Tindra Labs has signed a $500 million contract with Holme Grid. "
    "The contract was signed on 12 March 2027. "
    "Brekka Steel signed its supply deal with Vellby Ore on 2 May 2027."
)
OFFER = "Quarran Foods turned down a €300m offer last year, which was first reported by a business daily."
RESULTS = (
    "Ostby Stores had revenue of €4.0bn in 2026. Its profit was €360m. "
    "Brekka Bank booked a $30m charge tied to its purchase of Skarv Lending."
)
# What each article's metadata says; the wire story was also published, a day earlier, by a second
# outlet (a syndicated copy merged into it).
PUBLISHED = (
    Publication("ledger", "Vantor buys Quarry", "ledger", "2027-03-04", "Orwin Courier"),
    Publication("wire", "Vantor to pay $1.3bn", "wire", "2027-03-06", "Harbor Wire", "Ines Varga", "https://hw.test/q"),
    Publication("wire-copy", "Quarry sold for $1.3bn", "wire", "2027-03-05", "Coastline Post", "Ines Varga"),
    Publication("filing", "Pellbrook at a glance", "filing", "2026-11-02", "Freight Daily"),
)


class _Words:
    """The corpus's words, as the BM25 index would tell them."""

    def __init__(self, texts: list[str]) -> None:
        self.words = {w for t in texts for w in content_words(t)}
        self.stems = {s for t in texts for s in terms(t)}

    def knows(self, word: str) -> bool:
        return word.lower() in self.words

    def uses(self, word: str) -> bool:
        return word.lower() in self.words

    def weight(self, term: str) -> float:
        return 1.0 if term in self.stems else 2.0

    def kind(self, noun: str) -> str:
        return ""

    def vectors(self, words: Sequence[str]) -> dict[str, np.ndarray]:
        return {}  # every word is embedded as the answerer meets it


@pytest.fixture(scope="module")
def encode() -> Callable[[list[str]], np.ndarray]:
    settings = Settings()
    return Embedder(settings.embedding_model, 64, settings.embedding_backend, settings.model_cache_dir).encode


@pytest.fixture(scope="module")
def ask(encode: Callable[[list[str]], np.ndarray]) -> Callable[[str], Draft]:
    articles = {
        "ledger": LEDGER, "wire": WIRE, "filing": FILING, "memo": MEMO, "profile": PROFILE, "site": SITE,
        "founders": FOUNDERS, "brief": BRIEF, "sale": SALE, "trial": TRIAL, "merger": MERGER,
        "fund": FUND, "masts": MASTS, "songs": SONGS, "ferries": FERRIES, "depots": DEPOTS, "solar": SOLAR,
        "berths": BERTHS, "berths-filing": BERTHS_FILING, "pill": PILL, "loan": LOAN, "towers": TOWERS, "mill": MILL,
        "venture": VENTURE, "royalty": ROYALTY, "ostby-purchase": CLEARANCE, "fleet": FLEET,
        "ferries-jv": FERRIES_JV, "toften": DIVIDEND, "tindra": UNTOLD, "kessby": UNEXPECTED, "ormsby": UNPAID,
        "lease": LEASE, "lease-filing": LEASE_FILING, "facility": FACILITY,
        "holdings": HOLDINGS, "towers-sale": TOWERS_SALE, "round": ROUND,
    }  # fmt: skip
    return _answering(encode, articles)


@pytest.fixture(scope="module")
def ask_terms(encode: Callable[[list[str]], np.ndarray]) -> Callable[[str], Draft]:
    """Articles of their own: deal terms whose amounts are written as wire copy writes them."""
    return _answering(encode, {"terms": TERMS, "signing": SIGNING, "offer": OFFER, "results": RESULTS})


def _answering(encode: Callable[[list[str]], np.ndarray], articles: dict[str, str]) -> Callable[[str], Draft]:
    evidence, hits = [], []
    for article_id, text in articles.items():
        sentences = split_sentences(text)
        vectors = encode([s.text for s in sentences])
        read = read_sentences([s.text for s in sentences])
        for s, v, (entities, negated, lemmas) in zip(sentences, vectors, read, strict=True):
            stated = frozenset(terms(s.text)) | lemmas
            evidence.append(Evidence(article_id, article_id, s.start, s.end, s.text, v, stated, entities, negated))
        start = 0
        for n, paragraph in enumerate(text.split("\n\n")):
            end = start + len(paragraph)
            inside = tuple(s for s in sentences if start <= s.start < end)
            hits.append(Hit(Chunk(f"{article_id}-{n}", article_id, article_id, paragraph, start, end, "", inside), 1.0))
            start = end + 2
    answerer = ExtractiveAnswerer(_Words(list(articles.values())), encode)

    def answer(question: str, earlier_names: tuple[str, ...] = (), query: str = "") -> Draft:
        """``query``: what is searched, as the assistant condenses a follow-up with the turn before."""
        query = query or question
        retrieval = Retrieval(tuple(hits), (encode([query])[0],), tuple(evidence), PUBLISHED)
        parsed = replace(answerer.reader.read(question), earlier_names=earlier_names)
        return answerer.answer(parsed, query, retrieval)

    return answer


def test_a_date_is_the_one_of_the_event_asked(ask: Callable[[str], Draft]) -> None:
    assert ask("When did the acquisition close?").short == "April 30, 2027"
    assert ask("When was Quarry Labs founded?").short == "2019"


def test_a_count_is_the_one_of_the_thing_asked(ask: Callable[[str], Draft]) -> None:
    assert ask("How many people does Quarry Labs employ?").short == "240 people"
    assert ask("How many trucks does Vantor have?").short == "1,800 trucks"


def test_a_sentence_close_to_the_question_is_quoted_when_no_value_is_tied(ask: Callable[[str], Draft]) -> None:
    # The date is not tied (the sentence names another person, not Pellbrook Freight), but the
    # sentence means nearly what is asked and states each of its words: it answers, as a quote.
    answer = ask("When did Vantor and Pellbrook Freight sign their haulage agreement?")
    assert not answer.abstained and not answer.short
    assert answer.citations[0].quote.startswith("The haulage agreement was signed on 4 February 2027")
    # A "which NOUN" that names no type needs a value said to be one
    assert ask("Which investor led Vantor's Series B?").abstained


def test_a_rate_answers_only_a_question_that_names_what_it_is_a_rate_of(ask: Callable[[str], Draft]) -> None:
    assert not ask("How much did Vantor pay for its stake in Pellbrook Freight?").short  # "$12 per share"
    assert ask("How much did Vantor pay per share for its stake in Pellbrook Freight?").short == "$12 per share"
    assert ask("How much did Vantor pay a share for its stake in Pellbrook Freight?").short == "$12"


def test_a_question_asking_a_rate_is_not_answered_by_a_total(ask: Callable[[str], Draft]) -> None:
    # "a deal worth $40 million" is the deal's total, not its worth per tonne
    assert not ask("How much is Pellbrook Freight's deal worth per tonne?").short
    assert not ask("How much is Pellbrook Freight's deal worth for each tonne?").short
    assert ask("How much did Vantor pay for each share of Pellbrook Freight?").short == "$12 per share"


def test_a_person_given_another_role_is_not_the_one_asked_for(ask: Callable[[str], Draft]) -> None:
    # "Maria Okeke, the chief executive of Vantor Systems" is no executive chair
    assert ask("Who will be executive chair of the combined Tarnow Grain group?").short != "Nils Haug"
    # ...nor the one of another company ("Tarnow Grain's chief executive" is not Kerr Farms's)
    assert ask("Who is Kerr Farms's chief executive?").short != "Nils Haug"
    # ...whether the role is given in apposition or before the name, and the company that holds it
    # is no answer either
    short = ask("Who is the chief executive of Kerr Farms?").short
    assert "Nils Haug" not in short and "Tarnow" not in short, short
    # ...though the role asked may be given by the verb ("X, head of Y, will be the finance chief")
    assert ask("Who will be the finance chief of the combined Tarnow Grain group?").short == "Ivo Berg"
    assert ask("Who is the chief executive of Vantor Systems?").short == "Maria Okeke"
    assert ask("Who is Vantor's finance chief?").short == "Lena Brandt"  # "Vantor's finance chief, Lena Brandt"


def test_an_adjective_of_nationality_is_no_company(ask: Callable[[str], Draft]) -> None:
    # "Kelda Ovens, the Scottish bread company, ...": the company is Kelda Ovens, not "Scottish"
    assert ask("Which company will bake Tarnow Grain's bread?").short == "Kelda Ovens"


def test_a_value_of_another_year_than_the_one_asked_is_not_the_answer(ask: Callable[[str], Draft]) -> None:
    assert ask("How many tonnes of barley did Kerr Farms sell in 2025?").short == "40,000 tonnes"
    assert not ask("How many tonnes of barley did Kerr Farms sell in 2024?").short
    # ...a year in another clause is not the value's ("which opened in 1998")
    assert ask("How many farms did Pike Lowe audit in 2025?").short == "60 farms"


def test_a_code_name_says_what_its_noun_is(ask: Callable[[str], Draft]) -> None:
    # "study" only says what the code name "BRW-2" (one token, which the model reads as no entity)
    # is: a sentence naming it need not say "study"
    assert ask("How many volunteers are enrolled in the BRW-2 study?").short == "410 volunteers"


def test_a_which_noun_is_answered_by_a_value_of_the_whole_kind_asked(ask: Callable[[str], Draft]) -> None:
    # "a Boston accounting firm" is a firm, but no law firm
    assert not ask("Which law firm advises Harlow Foods?").short
    assert ask("Which accounting firm advises Harlow Foods?").short == "Pike Lowe"


def test_a_name_is_read_without_the_article_before_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    # the model's span is "the Pellbrook-Vantor": "the" is no word of the name
    question = QuestionReader(encode).read("How much is the Pellbrook-Vantor contract worth?")
    assert question.names == ("Pellbrook-Vantor",)


def test_what_a_deal_is_worth_is_the_amount_its_worth_states(ask: Callable[[str], Draft]) -> None:
    # "worth" after the noun is what is measured: the amount two edges from "deal" answers
    assert ask("How much is Pellbrook Freight's deal worth?").short == "$40 million"


def test_a_value_is_given_in_whole_words(ask: Callable[[str], Draft]) -> None:
    # the model's entity ends before the "m" of "€4m"
    assert ask("How much did Dunmere Press raise?").short == "€4m"


def test_a_why_question_is_answered_by_the_sentence_stating_its_verb_of_its_subject(
    ask: Callable[[str], Draft],
) -> None:
    # the sentence does not name Dunmere Press (the one before does), yet states "chosen" of Duluth:
    # the premise holds
    answer = ask("Why was Duluth chosen for Dunmere Press's new plant?")
    assert answer.text.startswith("Duluth was chosen because its port"), answer.text
    assert not answer.abstained


def test_a_name_asked_as_its_acronym_is_named_by_the_words_it_stands_for(ask: Callable[[str], Draft]) -> None:
    # "the YMB" of the question is "The Yukon Mining Board" that approved the sale: no false premise
    answer = ask("Why did the YMB approve the sale of Ostrel's mine?")
    assert not answer.abstained, answer.text
    assert answer.citations[0].quote.startswith("The Yukon Mining Board approved the sale"), answer.text


def test_a_why_question_that_takes_another_amount_for_granted_is_a_false_premise(
    ask: Callable[[str], Draft],
) -> None:
    # "Vantor paid $12 per share": $14 a share is no premise to explain, $12 is
    answer = ask("Why is Vantor paying $14 per share for a stake in Pellbrook Freight?")
    assert answer.abstained and answer.finding == "false premise", answer.text
    assert answer.citations[0].quote == "Vantor paid $12 per share for a stake in Pellbrook Freight."
    answer = ask("Why is Vantor paying $12 per share for a stake in Pellbrook Freight?")
    assert not answer.abstained, answer.text


def test_a_why_question_whose_act_is_stated_is_no_false_premise(ask: Callable[[str], Draft]) -> None:
    # "chosen" is stated of Tacoma, though Bracken Foods is named two sentences before: the premise is
    # not said to be false, and the sentence is quoted
    answer = ask("Why was Tacoma chosen for Bracken Foods' first bakery?")
    assert not answer.abstained and "don't say" not in answer.text, answer.text
    assert any(c.quote.startswith("Tacoma was chosen because") for c in answer.citations), answer.text
    # ...but an act stated with another place where the question has one is no premise held
    answer = ask("Why is Bracken Foods building a depot in Tacoma?")
    assert answer.abstained and answer.finding == "false premise", answer.text
    # ...nor one that states the act without the party it is done to ("will pay 70% of the depot's
    # cost in cash" for "paying Spokane Mills entirely in cash")
    answer = ask("Why is Bracken Foods paying Spokane Mills entirely in cash?")
    assert answer.abstained and answer.finding == "false premise", answer.text


def test_a_sentence_quoted_for_what_is_x_s_noun_states_the_noun(ask: Callable[[str], Draft]) -> None:
    # no sentence gives a revenue: neither the haulage deal's worth nor a price paid is one
    for question in ("What is Pellbrook Freight's revenue?", "What is Vantor's revenue?"):
        answer = ask(question)
        assert answer.abstained and not answer.short, answer.text


def test_how_long_is_answered_by_a_span_in_words_not_by_another_quantity(ask: Callable[[str], Draft]) -> None:
    # "five years" has no digit, yet is a length of time; "600,000 tonnes" is a quantity of no length
    assert ask("How long is the flour contract?").short == "five years"
    # "when" asks for a point in time, however the embedding model reads "Q4 2033"
    assert ask("When will Bracken Foods bake its first loaves?").short == "Q4 2033"
    # ...and a number of what "how many" counts, though the model reads it as a date
    assert ask("How many years does the flour contract run?").short == "five years"


def test_a_share_of_something_answers_only_a_question_about_that_thing(ask: Callable[[str], Draft]) -> None:
    # "70% of the depot's cost", "the remaining 30%": shares of the cost, not what is paid
    assert not ask("How much is Bracken Foods paying for the depot?").short
    assert ask("How much of the depot's cost will Bracken Foods pay in cash?").short == "70%"
    # ...nor a rate, unless the noun asked for is the percentage itself
    assert not ask("What interest rate does Harlow Foods pay Pike Lowe?").short
    assert ask("What percentage did Harlow Foods pay in cash for the dairy?").short == "60%"
    # the modifiers of a value's noun say which value: not the break fee of the sentence before
    assert ask("What reverse break fee would Calder Metals pay?").short == "$15m"
    # ...and the noun itself, with a value of its kind, states what is asked whatever the verb
    assert ask("What premium is Calder Metals paying for Ostrel Mining?").short == "25%"


def test_a_rate_asked_for_is_answered_with_its_unit_and_by_no_share(ask: Callable[[str], Draft]) -> None:
    # "5% of the mill's output" is no price per tonne; "$310 a tonne" is, and says so
    assert ask("How much does Bracken Foods pay Spokane Mills for each tonne of flour?").short == "$310 a tonne"


def test_a_sentence_naming_no_one_is_about_its_passage_not_another_of_the_article(
    ask: Callable[[str], Draft],
) -> None:
    # a digest: "Chief financial officer Lena Moss" is in the paragraph about Kerrow Brewing, though
    # the article names Bracken Foods in another
    assert not ask("Who is Bracken Foods' chief financial officer?").short
    assert ask("Who is Kerrow Brewing's chief financial officer?").short == "Lena Moss"


def test_a_place_said_of_another_party_is_not_the_place_asked_for(ask: Callable[[str], Draft]) -> None:
    # "Kerr Farms, based in Denver, sold the dairy to Harlow Foods": Denver is Kerr Farms' base
    assert not ask("Where is Harlow Foods based?").short
    assert ask("Where is Kerr Farms based?").short == "Denver"


def test_a_place_that_describes_a_party_is_no_other_party(ask: Callable[[str], Draft]) -> None:
    # "the Tacoma-based baker" is Bracken Foods, named in the sentence before, not a company of Tacoma
    assert ask("What percentage of Spokane Mills' output does Bracken Foods receive?").short == "5%"


def test_the_words_of_an_adverbial_clause_need_not_be_stated(ask: Callable[[str], Draft]) -> None:
    # "to grow its oat milk sales", "before it bought a dairy" say why or when: the sentence that
    # states what is asked answers, though it says neither
    assert ask("How much did Harlow Foods raise in 2020 to grow its oat milk sales?").short == "$5m"
    assert ask("When did Harlow Foods buy a dairy to secure its milk supply?").short == "2022"
    assert ask("How much did Harlow Foods raise before it bought a dairy?").short == "$5m"


def test_a_name_that_only_modifies_another_noun_is_not_who_was_asked_for(ask: Callable[[str], Draft]) -> None:
    # "a Duluth company that sells Orwin printing ink": neither name is the customer asked for
    answer = ask("Who is the first customer of Dunmere Press?")
    assert not answer.short, answer.text
    # ...but a name that modifies the noun asked for is the answer
    assert ask("Which ink does Dunmere Press sell?").short == "Orwin"


def test_a_name_stands_for_the_noun_it_says_what_it_is(ask: Callable[[str], Draft]) -> None:
    # "the Kestrel plant": a sentence naming Kestrel need not say "plant"
    assert ask("How many pages does the Kestrel plant print a year?").short == "40 million pages"


def test_an_acronym_the_articles_spell_out_is_what_is_asked_not_a_name(ask: Callable[[str], Draft]) -> None:
    # the articles say "chief executive", never "CEO"
    assert ask("Who is the CEO of Vantor Systems?").short == "Maria Okeke"
    assert not ask("Who is Quarry Labs' CFO?").short  # no chief financial officer of Quarry Labs is named


def test_a_definite_subject_may_stand_for_what_its_passage_is_about(ask: Callable[[str], Draft]) -> None:
    # "The company" after a sentence that names the founders is Harlow Foods, the passage's subject
    assert ask("How many people does Harlow Foods employ?").short == "85 people"
    assert ask("How much did Harlow Foods raise?").short == "$5m"
    # ...but such a sentence must say the kind of value asked for: the amount raised is no valuation
    assert not ask("At what valuation did Harlow Foods raise in 2020?").short
    # ...a sentence whose "It" is what the sentence before names needs no such noun
    assert ask("What proportion of the dairy's price did Harlow Foods pay in cash?").short == "60%"
    # ...while "Its" stands for what the sentence before names (test above on Pellbrook's CFO)
    assert "Dana Whitlow" not in ask("Who is Vantor Systems' chief financial officer?").short


def test_a_pronoun_after_a_definite_subject_stands_for_what_its_passage_is_about(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "round": "Marlow Pay, a Leeds start-up that lends to market traders, has raised $6m in a round led by "
            "Fenwick Capital. The start-up was founded in 2021 by chief executive Ada Brook and chief technology "
            "officer Ola Reyes. It has 18 employees and 9,000 customers.",
            "bank": "Denholm Bank, a lender to farmers, employs 4,000 people in 60 branches.",
            "dairy": "Harlow Foods agreed to buy Pellbrook Dairy for $200 million. The dairy was founded in 1952 "
            "by Tom Pell. It employs 300 people.",
        },
    )
    # "It" is "The start-up" of the sentence before, which is Marlow Pay, the passage's subject
    assert ask("How many employees does Marlow Pay have?").short == "18 employees"
    # ...not the round's investor, whom the passage names but is not about
    assert not ask("How many employees does Fenwick Capital have?").short
    # ...nor the buyer, when the definite subject is a word of the name bought: "The dairy" is
    # Pellbrook Dairy
    assert not ask("How many people does Harlow Foods employ?").short


def test_a_count_of_the_unit_asked_is_tied_though_the_names_stand_in_other_clauses(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "offtake": "Brannock Minerals has signed a binding agreement to sell 80,000 tonnes a year of zinc "
            "concentrate from its Tarrin mine in the Yukon's Selwyn basin to Calder Metals Refining, the Korean "
            "smelting group, the Whitehorse-based miner told the Toronto Stock Exchange on Monday. Calder will "
            "also have the right to buy up to 15,000 tonnes a year more if the mine expands.",
            "mine": "Brannock Minerals employs 320 people at the Yukon mine, which opened in 2019.",
        },
    )
    # the verb asked, its count of tonnes and both names are in the sentence: the value answers
    assert ask("How many tonnes a year will Brannock sell to Calder Metals?").short == "80,000 tonnes"


def test_how_old_is_answered_by_the_number_in_apposition_to_the_person(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "songs": "Harmonia Royalty Partners agreed on Tuesday to buy the song catalogue of Nashville songwriter "
            "Lorna Quill for $86 million. Quill, 71, is selling both her writer's share and the publishing share "
            "of the songs. Tom Baird, who runs Harmonia, told the Nashville Ledger last Thursday that the songs "
            "would earn for decades.",
            "family": "Pell Foods' founder Tom Pell, 82, and his son James Pell, 51, will stay on its board. "
            "James Pell, who turned 51 in March, runs its bakery.",
            "fund": "Harmonia Royalty Partners was founded in 2011 and owns 40 catalogues.",
        },
    )
    assert ask("How old is Lorna Quill?").short == "71"
    # ...of the whole name asked: the son's age is not his father's
    assert ask("How old is James Pell?").short == "51"
    assert ask("How old is Tom Pell?").short == "82"
    # ...and a person the articles give no age has none: the day he spoke is no age
    assert not ask("How old is Tom Baird?").short


def test_a_detail_said_not_to_be_known_answers_though_a_sentence_naming_all_says_another_amount(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "order": "Brenvold Wind has signed a firm order to supply 84 offshore turbines to Carrowmore Energy "
            "for a wind farm off the coast of County Wexford, in a contract worth about €1.1 billion. "
            "The turbines will be built in Esbjerg. The price per turbine was not disclosed.",
            "yard": "Esbjerg Blades employs 900 people and opened a second hall in 2024.",
        },
    )
    # the contract's worth is no price per turbine; the sentence saying that price is not known
    # answers, though it does not restate "the Brenvold-Carrowmore contract" its article is about
    answer = ask("What is the price of each turbine in the Brenvold-Carrowmore contract?")
    assert not answer.short
    assert answer.citations[0].quote == "The price per turbine was not disclosed.", answer.text


def test_a_value_said_not_to_be_known_in_a_clause_of_its_own_answers(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "licence": "Oskarvale Pharma will pay $120 million upfront for the rights to ZX-114. Oskarvale will "
            "also buy $30 million of newly issued Veridane shares at a premium to Monday's closing price; the "
            "size of the premium was not disclosed.",
            "chips": "Arcwell's largest order, announced in 2025, was for 20,000 chips from a telecom operator "
            "that it has never named.",
        },
    )
    # the day in the clause before the denial is no day the denial is limited to, and the premium
    # it introduces is the one whose size it says is not known
    answer = ask("What premium is Oskarvale paying on the new Veridane shares it is buying?")
    assert not answer.abstained and not answer.short, answer.text
    assert "the size of the premium was not disclosed" in answer.citations[0].quote
    # ...while a sentence that only introduces the thing asked leaves it unnamed
    assert ask("Which telecom operator bought 20,000 Arcwell chips?").abstained


def test_a_value_in_a_relative_clause_of_another_name_is_that_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "round": "Fenwick Capital, which has 400 employees, led the round in Marlow Pay.",
            "dairy": "Harlow Foods, which employs 85 people, bought a dairy from Kerr Farms.",
            "merger": "The combined bank will keep its headquarters in Omaha, where Platte Ridge was founded in 1912.",
        },
    )
    assert not ask("How many employees does Marlow Pay have?").short
    # ...while one of the name asked is its own, and a place's "where" clause tells of its subject
    assert ask("How many people does Harlow Foods employ?").short == "85 people"
    assert ask("When was Platte Ridge founded?").short == "1912"


def test_a_verb_the_model_tags_otherwise_is_still_what_is_asked(ask: Callable[[str], Draft]) -> None:
    # the model reads "close" as an adverb here; the auxiliary "did" shows it is the verb asked about
    assert ask("When did Vantor's Series B close?").short == "9 June 2022"


def test_a_place_and_a_person_are_tied_to_the_question(ask: Callable[[str], Draft]) -> None:
    assert ask("Which state was Quarry Labs founded in?").short in ("Texas", "Austin, Texas")
    assert ask("Who is the chief executive of Vantor Systems?").short == "Maria Okeke"


def test_sources_that_state_different_amounts_are_said_to_disagree(ask: Callable[[str], Draft]) -> None:
    answer = ask("How much is Vantor paying for Quarry Labs?")
    assert "disagree" in answer.short
    assert "$1.1 billion" in answer.short and "$1.3 billion" in answer.short
    assert {c.article_id for c in answer.citations} == {"ledger", "wire"}


@pytest.mark.parametrize(
    "question",
    [
        "When was Vantor Systems founded?",  # a founding year is stated, for the other company
        "Who is the chief financial officer of Quarry Labs?",  # a chief executive is named, of Vantor
        "How many people does Vantor Systems employ?",  # a head-count is stated, for Quarry
        "What is Vantor Systems' annual revenue?",  # amounts are stated, none of them revenue
    ],
)
def test_a_detail_stated_only_for_something_else_is_not_answered(ask: Callable[[str], Draft], question: str) -> None:
    answer = ask(question)
    assert answer.abstained, answer.text
    assert not answer.short


def test_a_name_told_apart_by_a_letter_is_not_another_of_its_series(ask: Callable[[str], Draft]) -> None:
    assert ask("When did Vantor raise its Series B?").short == "2022"
    answer = ask("When did Vantor raise its Series C?")
    assert "2022" not in answer.text, answer.text  # neither answered nor quoted
    # a question about two of the series reads what is said of either
    assert "Series B in 2022" in ask("Did Vantor raise a Series C after its Series B?").text


def test_a_role_the_question_gives_to_the_wrong_company_is_said_to_be_unstated(ask: Callable[[str], Draft]) -> None:
    refused = ask("What did Quarry's chief executive Maria Okeke say?")
    assert refused.abstained and "don't say that Maria Okeke is Quarry's chief executive" in refused.text
    assert "the chief executive of Vantor Systems" in refused.text  # what the articles say instead
    answered = ask("What did Vantor's chief executive Maria Okeke say?")
    assert not answered.abstained and "doubles its engineering staff" in answered.text


def test_names_joined_by_a_hyphen_are_named_by_a_text_that_names_each() -> None:
    assert names("Vantor-Quarry", "Vantor Systems agreed to pay $1.1 billion for Quarry Labs.")
    assert not names("Vantor-Quarry", "Vantor Systems hired Pellbrook Freight in 2026.")
    assert names("Vantor-Quarry", "Vantor Systems hired Pellbrook Freight in 2026.", part=True)
    assert names("Ines Varga-Reyes", "Varga-Reyes said the deal had closed.")


def test_a_name_told_apart_by_a_letter_is_named_by_its_word_with_that_letter_only() -> None:
    assert names("Vantor Series B", "It raised a $60m Series B in 2025.", ["Vantor", "Series"])
    assert not names("Vantor Series B", "It raised a $60m Series C in 2026.", ["Vantor", "Series"])
    assert names("Atlas 3", "The Atlas site opened.") and not names("Atlas 3", "The Atlas 2 site opened.")


def test_a_comparison_gives_each_side_its_own_value(ask: Callable[[str], Draft]) -> None:
    answer = ask("Which company was founded earlier, Quarry Labs or Pellbrook Freight?")
    assert "Quarry Labs: 2019" in answer.short and "Pellbrook Freight: 1988" in answer.short
    assert {c.article_id for c in answer.citations} == {"ledger", "filing"}


def test_a_comparison_of_sizes_weighs_two_values_of_one_kind(ask: Callable[[str], Draft]) -> None:
    # the comparative is no word a side must state, and the phrase before "or" ends at its comma
    answer = ask("Which was bigger: Vantor's purchase of Quarry Labs, or the Pellbrook Freight haulage deal?")
    assert "Pellbrook Freight: $40 million" in answer.short and "billion" in answer.short, answer.text
    # "older" weighs dates, never a headcount
    answer = ask("Which is older, Quarry Labs or Pellbrook Freight?")
    assert "240" not in answer.short and "5,200" not in answer.short, answer.text


def test_a_value_said_to_be_unknown_is_quoted_not_invented(ask: Callable[[str], Draft]) -> None:
    answer = ask("How much did Quarry Labs pay its advisers?")
    assert not answer.short
    assert "was not disclosed" in answer.text


def test_when_an_outlet_published_comes_from_the_metadata_cited_as_metadata(ask: Callable[[str], Draft]) -> None:
    draft = ask("When did the Harbor Wire publish its story on Quarry Labs?")
    assert "6 March 2027" in draft.short and not draft.abstained
    assert [(c.article_id, c.kind) for c in draft.citations] == [("wire", "metadata")]
    assert "Harbor Wire" in draft.citations[0].quote and "Ines Varga" in draft.citations[0].quote


def test_the_first_outlet_is_the_earliest_copy_of_the_story(ask: Callable[[str], Draft]) -> None:
    draft = ask("Which newspaper first published the story about Maria Okeke?")
    assert draft.short.startswith("Coastline Post") and draft.citations[0].article_id == "wire-copy"


def test_an_author_comes_from_the_metadata_and_a_missing_one_is_not_invented(ask: Callable[[str], Draft]) -> None:
    assert "Ines Varga" in ask("Who wrote the Harbor Wire article?").short
    missing = ask("Who wrote the Orwin Courier article?")
    assert missing.abstained and not missing.short and "metadata" in missing.text


def test_a_sentence_that_states_who_reported_it_comes_before_the_metadata(ask: Callable[[str], Draft]) -> None:
    draft = ask("Which outlet reported Vantor's deal to buy Quarry Labs for $1.1 billion?")
    assert "Austin Ledger" in draft.citations[0].quote and draft.citations[0].kind == "quote"
    # in other words than the sentence's: an act of publishing still states it
    draft = ask("Which outlet broke the news of Vantor's $1.1 billion deal for Quarry Labs?")
    assert "Austin Ledger" in draft.citations[0].quote and draft.citations[0].kind == "quote", draft.text


def test_a_question_about_the_deal_is_not_answered_from_metadata(ask: Callable[[str], Draft]) -> None:
    draft = ask("When did the acquisition close?")
    assert "April 30, 2027" in draft.short and all(c.kind == "quote" for c in draft.citations)


def test_an_abstention_never_says_missing_what_its_own_quote_states(ask: Callable[[str], Draft]) -> None:
    draft = ask("Who leads Vantor Systems?")
    quoted = " ".join(c.quote for c in draft.citations)
    # (its quotes state names: the one who leads, or another)
    assert draft.abstained and not draft.short and any(p in quoted for p in ("Maria Okeke", "Ines Varga"))
    assert "don't say" not in draft.text and "not clearly the name asked for" in draft.text


def test_a_sentence_may_name_its_subject_in_the_sentence_before(ask: Callable[[str], Draft]) -> None:
    assert ask("Who is Pellbrook Freight's chief financial officer?").short == "Dana Whitlow"
    # "Its" stands for the company the sentence before names, which is not the one asked about
    assert "Dana Whitlow" not in ask("Who is Vantor Systems' chief financial officer?").short


def test_a_premise_in_a_stop_word_verb_is_checked(ask: Callable[[str], Draft]) -> None:
    # "make" is on the stop lists, yet it is what the question takes for granted: nothing says
    # Vantor makes trucks, so the sentence about its trucks is not quoted as the reason.
    answer = ask("Why does Vantor make its own trucks?")
    assert answer.text.startswith("The articles don't say that Vantor make"), answer.text
    assert answer.abstained


def test_an_outlet_the_question_cites_narrows_the_answer_to_its_articles(ask: Callable[[str], Draft]) -> None:
    # the articles' text never names their own outlet: the metadata says the Orwin Courier published
    # the ledger ($1.1 billion); the wire says $1.3 billion
    assert ask("According to the Orwin Courier, how much is Vantor paying for Quarry Labs?").short == "$1.1 billion"
    # ...though the model reads no name in it (typed in lower case)
    assert ask("According to orwin courier, how much is Vantor paying for Quarry Labs?").short == "$1.1 billion"
    assert "disagree" in ask("How much is Vantor paying for Quarry Labs?").short


def test_a_thing_said_to_be_unknown_is_the_answer_though_its_sentence_names_no_one(
    ask: Callable[[str], Draft],
) -> None:
    # "The size of the retainer was not disclosed.": the names are in the sentences before
    answer = ask("What retainer does Harlow Foods pay Pike Lowe?")
    assert answer.text.startswith("The size of the retainer was not disclosed."), answer.text
    assert not answer.abstained and not answer.short


def test_a_figure_said_to_be_unknown_answers_before_a_sentence_of_another_figure(
    ask: Callable[[str], Draft],
) -> None:
    # "What was X's NOUN?": the sentence that says the noun is not known, not the revenue's
    answer = ask("What was Tindra Foods's operating profit?")
    assert answer.text.startswith("Operating profit was not disclosed."), answer.text
    assert not answer.abstained and not answer.short
    # ...which is no other profit's ("net" is not stated), nor another party's
    assert not ask("What was Tindra Foods's net profit?").text.startswith(("Operating profit", "Holme"))
    # "How much ...?" of the very names and act a sentence says are not disclosed
    answer = ask("How much is Ormsby Press paying for Varde Mills?")
    assert answer.text.startswith("Ormsby Press did not disclose how much"), answer.text
    assert not answer.abstained and not answer.short
    # ...nor a sentence whose "no" denies someone's expecting it
    assert not ask("What break fee would Kessby owe Brenna Gas?").text.startswith("The break fee, which no")
    # "Neither side disclosed ...": a determiner that denies what it determines
    answer = ask("What break fee would Tindra Foods owe if the Holme Mills deal collapses?")
    assert answer.text.startswith("Neither side disclosed the size of the break fee"), answer.text
    assert not answer.abstained and not answer.short


def test_sentences_that_state_a_value_of_the_kind_asked_are_weighed_first(ask: Callable[[str], Draft]) -> None:
    # four sentences about the lease that state no length rank above the one that does
    short = ask("sorlund kallby lease length years").short
    assert "12-year" in short and "15-year" in short and "disagree" in short, short


def test_a_thing_stated_without_its_name_is_said_to_be_unnamed(ask: Callable[[str], Draft]) -> None:
    answer = ask("Which rail operator did Dana Whitlow join from?")
    assert answer.text.startswith("The articles don't name the rail operator"), answer.text
    assert "joined from a rail operator" in answer.text and answer.abstained and not answer.short
    # the words before the noun describe the thing asked for, even a people's name the model reads as
    # a name of its own (not "the articles don't mention South African")
    answer = ask("Which South African rail operator did Dana Whitlow join from?")
    assert answer.text.startswith("The articles don't name the South African rail operator"), answer.text
    # a name that is said to be one is still the answer
    assert ask("Which company did Vantor Systems hire to haul its goods?").short == "Pellbrook Freight"


def test_each_side_of_a_comparison_is_measured_by_what_the_comparative_measures(ask: Callable[[str], Draft]) -> None:
    answer = ask("Who has more staff, Quarry Labs or Pellbrook Freight?")  # "employs", "drivers"
    assert "Quarry Labs: 240" in answer.short and "Pellbrook Freight: 5,200" in answer.short, answer.text
    # each side is a phrase read off the text, asked about in its own words, not the other side's
    answer = ask("Who employs more, the Austin firm Quarry Labs or the Ohio hauler Pellbrook Freight?")
    assert "Quarry Labs: 240" in answer.short and "Pellbrook Freight: 5,200" in answer.short, answer.text
    # a verb beside the comparative says nothing of what is measured: no sentence needs to state it
    for question in ("Which involves more staff: Quarry Labs or Pellbrook Freight?",
                     "Which company counts more staff, Quarry Labs or Pellbrook Freight?"):  # fmt: skip
        answer = ask(question)
        assert "Quarry Labs: 240" in answer.short and "Pellbrook Freight: 5,200" in answer.short, answer.text


def test_a_name_said_to_be_the_thing_asked_for_answers_in_other_words(ask: Callable[[str], Draft]) -> None:
    # "spoke about" is not "said", but the sentence says Maria Okeke is the executive asked for
    assert ask("Which Vantor Systems executive spoke about its engineering staff?").short == "Maria Okeke"


def test_a_noun_that_names_no_type_is_not_answered_with_any_name(ask: Callable[[str], Draft]) -> None:
    # "role" is nearest the question word "who", yet no name is a role: a name must be said to be one
    answer = ask("What role will she take at Vantor Systems?")
    assert not answer.short, answer.text  # not "Ines Varga", the one who takes it


def test_a_follow_up_that_names_no_one_is_answered_from_articles_about_the_earlier_names(
    ask: Callable[..., Draft],
) -> None:
    # "When was it founded?" names no one: the articles about what the turn before named answer it
    assert ask("When was it founded?", ("Pellbrook Freight",)).short == "1988"
    assert ask("When was it founded?", ("Quarry Labs",)).short == "2019"


def test_a_time_with_no_number_or_name_is_not_a_short_answer(ask: Callable[[str], Draft]) -> None:
    # "the week (before the announcement)" is no date of the announcement: the sentence is quoted
    answer = ask("When was her appointment reported?")
    assert not answer.short and "the week before the announcement" in answer.text, answer.text


def test_who_is_a_name_is_answered_with_what_the_articles_say_of_it_not_another_name(
    ask: Callable[[str], Draft],
) -> None:
    answer = ask("Who is Maria Okeke?")
    assert not answer.short  # not "Vantor Systems", the company beside her name
    assert answer.text.startswith("Maria Okeke, the chief executive of Vantor Systems"), answer.text


def test_one_of_several_joined_names_is_no_short_answer(ask: Callable[[str], Draft]) -> None:
    # "by Ines Varga and Tomas Reyes": either alone would be half the answer, so the sentence speaks
    answer = ask("Who set up Vantor's freight unit?")
    assert not answer.short and "Ines Varga and Tomas Reyes" in answer.text, answer.text


def test_a_number_counting_the_noun_asked_for_says_how_many_not_which(ask: Callable[[str], Draft]) -> None:
    assert not ask("Which investors backed the round?").short  # not "three"
    assert ask("How many investors backed the round?").short == "three investors"


def test_a_role_given_to_another_company_is_no_answer_whatever_type_the_model_gives_the_person(
    ask: Callable[[str], Draft],
) -> None:
    # (the model tags "Vesna Quell" a company)
    assert not ask("Who is the chief financial officer of Ormsby Holdings?").short
    assert ask("Who is the chief financial officer of Farrow Mills?").short == "Vesna Quell"


def test_a_company_the_model_types_in_part_is_named_whole_and_a_name_describing_a_word_is_no_party(
    ask: Callable[[str], Draft],
) -> None:
    # the sentence before names "Skelda Telecom ASA" (not "ASA" alone), and "Orvik-based" only
    # describes the operator
    assert ask("How long is the contract under which Skelda will rent space on the masts?").short == "15-year"


def test_a_length_said_of_the_thing_asked_answers_how_long_it_runs(ask: Callable[[str], Draft]) -> None:
    # "12-year" modifies "agreement", which means the contract asked about; the verb "run" is not
    # stated, and the dateline's place and agency are no party the value could belong to
    assert ask("How long does the Eskvale-Brumond gas contract run?").short == "12-year"
    # ...but not in a sentence that names no one: the agreement it replaced is another one
    assert ask("How long does the Eskvale agreement run?").short != "5-year"


def test_an_amount_paid_for_the_thing_asked_is_its_price_whatever_the_verb(ask: Callable[[str], Draft]) -> None:
    # "agreed to buy a stake in Brekka Pumps ... for NOK 1.2 billion" prices what "paying for" asks,
    # though it never says "pay"; the sum the buyer pays two directors prices nothing asked
    assert ask("What price is Tovik paying for Brekka Pumps?").short == "NOK 1.2 billion"
    assert ask("How much is Tovik selling its ferry berths for?").short == "NOK 300 million"
    # ...as is the sum paid "for" it (whatever the "for" hangs on in the parse): two sources, two prices
    short = ask("How much is Kallby Ports paying for the ferry berths?").short
    assert "NOK 300 million" in short and "NOK 310 million" in short, short
    # ...which the seller does not pay: the party after "to" takes the thing
    assert not ask("How much is Tovik paying for the ferry berths?").short
    assert ask("How much is Vessa Telecom selling its towers for?").short == "NOK 3.3bn"
    # ...nor does the seller a pronoun's clause stands for ("Kallby Ports said that it had agreed to buy")
    assert not ask("How much is Sella Bakeries paying for Frey Creamery?").short
    assert ask("How much is Kallby Ports paying for Frey Creamery?").short == "NOK 700 million"
    # of two amounts each paid for its own thing, the one for the thing asked
    assert ask("How much is Tovik paying for Oyer Slip?").short == "NOK 5 million"


def test_money_for_a_purpose_is_no_price(ask: Callable[[str], Draft]) -> None:
    # "borrow NOK 2 billion for the Lunde Dairy acquisition": a loan for the deal, not what is paid
    assert not ask("How much is Orsk Foods paying for Lunde Dairy?").short


def test_an_amount_is_no_answer_to_what_is_x_noun_unless_its_sentence_says_that_noun(
    ask: Callable[[str], Draft],
) -> None:
    # money raised in a round is not revenue; no word of its sentence means "revenue"
    assert not ask("What is Tarnwick Solar's revenue?").short
    # ...but a noun that reads as the question word asks for any amount of its kind ("price": how much)
    assert "NOK 300 million" in ask("What is the price of the ferry berths?").short
    # ...and "values" says "valuation" (by its lemma, "value"): that sentence answers
    answer = ask("What is Tarnwick Solar's valuation?")
    assert answer.short in ("", "$700 million"), answer.text
    assert answer.citations[0].quote.startswith("The round values"), answer.text


def test_a_sentence_naming_the_name_states_the_nouns_the_question_gives_it(ask: Callable[[str], Draft]) -> None:
    # "results" only says what of Phase 1 is asked about: the data of it are those results
    assert ask("When did Orrel Bio present its Phase 1 results?").short == "March"
    # ...but a firm's name says whose the plant is: its mill closing is not the plant asked about
    assert not ask("When will the Hamar Press plant close?").short


def test_the_title_of_a_work_is_no_other_party(ask: Callable[[str], Draft]) -> None:
    assert ask("How many songs are in Orla Venn's catalogue?").short == "120 songs"


def test_a_keyword_that_reads_as_a_question_word_asks_what_it_asks(ask: Callable[[str], Draft]) -> None:
    # "length" reads as "how long": a span of time, not a count or a distance
    assert ask("Skelda contract length").short == "15-year"
    # ...and a query's last noun that names no type but means a question word asks what it asks
    assert ask("tovik ferry berths price").short == "NOK 300 million"
    # ...when it means it clearly more than any other ("seller" is about as near "how many")
    assert not ask("tovik ferry berths seller").short


def test_places_said_of_a_thing_are_no_party(ask: Callable[[str], Draft]) -> None:
    # "depots in Leipzig, Munich and Cologne" say where the depots are: the 310 is still Orrin's
    answer = ask("Which has more employees, Tamsk Freight or Orrin Logistics?")
    assert "Tamsk Freight: 2,000" in answer.short and "Orrin Logistics: 310" in answer.short, answer.text
    # ...but a place said of the clause's subject says whose figure it is: the Munich depot's
    assert "4,000" not in ask("How many parcels does Orrin Logistics handle a day across its own depots?").short


def test_what_a_what_noun_question_asks_is_its_noun_too(ask: Callable[[str], Draft]) -> None:
    # both amounts are the round's; the valuation is the one whose clause means "valuation"
    assert ask("What valuation did the new round give Tarnwick?").short == "$700 million"


def test_the_subject_of_an_act_asks_for_a_party_said_to_be_of_its_kind(ask: Callable[[str], Draft]) -> None:
    # "bank" alone reads as money; as the subject of "led" it asks for a party, one said to be a bank
    assert not ask("Which bank led Tarnwick's Series B round?").short


def test_a_value_that_fills_the_place_of_a_what_noun_answers_it(ask: Callable[[str], Draft]) -> None:
    # "share" names no type: the object of "own" is the share owned, though no sentence calls it a
    # share, and not the owner's own price "a share", nor the other owner's part
    assert ask("What share of the Sorlund venture will Ostby Capital own?").short == "35%"


def test_a_count_says_what_it_counts(ask: Callable[[str], Draft]) -> None:
    assert ask("How big will the Sorlund hospital grow?").short == "400 beds"


def test_values_of_a_list_conditioned_on_an_amount_the_question_states_are_quoted(
    ask: Callable[[str], Draft],
) -> None:
    # which rate goes with "above $300 million" the parse of the list does not say: the sentence speaks
    answer = ask("What royalty does Sorlund Bio receive on annual sales above $300 million?")
    assert not answer.short and answer.citations[0].quote.startswith("Sorlund Bio will receive"), answer.text


def test_a_value_of_a_denied_act_is_not_when_it_is_done(ask: Callable[[str], Draft]) -> None:
    assert "June 30" not in ask("When is Hestra's purchase of Ostby expected to close?").short


def test_a_name_said_to_be_the_kind_asked_must_do_the_act_the_sentence_gives_another(
    ask: Callable[[str], Draft],
) -> None:
    assert "UK" not in ask("Which regulator has already approved Hestra's purchase of Ostby?").short


def test_a_name_modifying_another_noun_than_the_one_asked_is_not_one(ask: Callable[[str], Draft]) -> None:
    # "TEU" of "8,500 TEU ships" says what the ships are, not which shipyard built them
    assert "TEU" not in ask("Which shipyard built the ships Tarsk Lines is buying from Orla Maritime?").short


def test_the_object_of_the_act_asked_must_be_the_subject_asked_of(ask: Callable[[str], Draft]) -> None:
    # "it" is Lomen Havn, who said so: its part is not Skarv's
    assert "60%" not in ask("What stake will Skarv Group own in the ferry venture?").short
    # ...and cash held names no stake in the other party
    assert "NOK 3 billion" not in ask("What stake will Skarv Group hold in Lomen Havn?").short


def test_the_bound_of_a_denial_is_a_time_of_the_act(ask: Callable[[str], Draft]) -> None:
    # "will not close until March 2028" says when it closes
    assert ask("When will Toften Mills close its Bergen plant?").short == "March 2028"


def test_money_asked_by_a_what_noun_is_money_its_sentence_calls_so(ask: Callable[[str], Draft]) -> None:
    # money raised is no valuation: no word of its sentence means one
    assert not ask("What valuation did Ostby Capital get when it raised money in 2025?").short


def test_a_count_of_the_units_a_noun_is_stated_in_is_that_nouns_value(ask: Callable[[str], Draft]) -> None:
    # "a margin of 140 basis points": the number counts the margin's units, with the words that qualify them
    assert ask("What margin does the Brekka loan pay over SOFR?").short == "140 basis points"
    # ...whatever verb the sentence states it with, of the names asked ("signed a loan ... at a margin of")
    assert ask("What margin does the Varde Foods loan pay?").short == "225 basis points"
    # ...but not in a clause about another party ("from its founder, who keeps a stake of 10%")
    assert ask("What stake did Brekka Mills buy in Ulvik Textiles?").short == "25%"
    assert ask("What stake does Ulvik Textiles' founder keep?").short == "10%"  # (what that clause is of)
    # ...and of a sentence's amounts, the one said to be the noun's is the answer, not the round's size
    assert ask("What valuation did Vessa Orbital's Series C round give the company?").short == "$1.9 billion"
    # ("the stake of the 3 founders" is theirs, not three; and with no name asked, nor is another's stake)
    assert ask("What stake will the founders hold?").short not in ("3 founders", "22%")


def test_the_agent_of_the_act_a_who_question_asks_the_subject_of_does_it(ask: Callable[[str], Draft]) -> None:
    # "a Series B round led by Hestra Ventures": Hestra led it
    assert ask("Who led Skarv Robotics' Series A?").short == "Hestra Ventures"
    # ...of the names asked: "Tindra Foods' Series B" is two names, and Tarnwick's round is neither
    assert not ask("Who led Tindra Foods' Series B?").short
    # ...and of the thing asked: the committee Jon Brekkan chairs is not Skarv Robotics
    assert "Jon Brekkan" not in ask("Who chairs Skarv Robotics?").short


def test_how_much_money_is_measured_by_an_amount(ask: Callable[[str], Draft]) -> None:
    # "money" names the type asked: the amount need not be said to be money
    assert ask("How much money does Hestra Ventures manage?").short == "about $900 million"
    # ...but only "money" itself: capacity is not measured in dollars
    assert not ask("How much capacity will Skarpa Storage add?").short


def test_an_amount_a_question_takes_for_granted_is_checked_whatever_it_asks(ask: Callable[[str], Draft]) -> None:
    # "for NOK 12bn", where the article says NOK 9.4bn: no day of a sale at that price is stated
    answer = ask("When did Vellby Foods agree to sell its bakeries to Norrsund Mills for NOK 12bn?")
    assert answer.abstained and answer.finding == "false premise", answer.text
    assert "NOK 9.4bn" in answer.citations[0].quote
    assert ask("When did Vellby Foods agree to sell its bakeries to Norrsund Mills for NOK 9.4bn?").short == "Monday"
    # (an amount written another way is the same amount: "$1,400 million" is "$1.4 billion")
    assert ask("When did Harlen Paper agree to sell its mills to Quarran Pulp for $1.4 billion?").short == "Monday"
    # ...but by its size: the same figures at another scale are another amount
    assert ask("When did Harlen Paper agree to sell its mills to Quarran Pulp for $140 million?").abstained


def test_an_article_about_another_of_a_series_asked_of_does_not_answer(ask: Callable[[str], Draft]) -> None:
    # Tarnwick's article tells of its Series B only: "the round" there is not its Series A
    assert ask("What was Tarnwick Solar valued at after its Series A?").abstained
    assert not ask("What was Tarnwick Solar valued at after its Series B?").abstained


def test_a_noun_of_no_type_is_typed_by_the_value_a_sentence_says_it_is(ask: Callable[[str], Draft]) -> None:
    # the glossary types no "yield"; "a net initial yield of 4.8%" says it is a share
    assert ask("What is the net initial yield on the Tarsk Estates depot portfolio?").short == "4.8%"


def test_the_value_called_the_noun_asked_answers_before_other_amounts_of_the_deal(
    ask_terms: Callable[[str], Draft],
) -> None:
    # "a 28% premium" is the premium; "would pay Tovik Pulp €90m" is paid, but no premium
    assert ask_terms("What premium is Kessby Paper paying for Tovik Pulp?").short == "28%"
    # "values the club at £300m" says the valuation ("value" means it), "for £90m" the stake's price
    assert ask_terms("What valuation does the Brenna deal put on Ormsby Athletic?").short == "£300m"
    # ...and what the contract is worth, said of a verb that means it
    assert ask_terms("How much is the Hestra-Kallby power contract worth?").short == "$3.2bn"


def test_earlier_weighs_dates_not_the_amount_beside_the_act(ask_terms: Callable[[str], Draft]) -> None:
    answer = ask_terms(
        "Which was signed earlier, Tindra Labs' contract with Holme Grid or Brekka Steel's deal with Vellby Ore?"
    )
    assert "12 March 2027" in answer.short and "2 May 2027" in answer.short, answer.text


def test_the_noun_asked_must_be_said_in_the_clause_of_an_amount_quoted_for_it(
    ask_terms: Callable[[str], Draft],
) -> None:
    # an offer first reported by a business daily says nothing of revenue
    assert ask_terms("What is Quarran Foods' annual revenue?").abstained


def test_the_noun_asked_itself_goes_before_a_word_near_it(ask_terms: Callable[[str], Draft]) -> None:
    # "revenue was €4.0bn" says the revenue, though the sentence after it is nearer the name by "Its"
    assert ask_terms("What is Ostby Stores' revenue?").short == "€4.0bn"
    assert ask_terms("What was Ostby Stores' profit?").short == "€360m"
    # a charge is no fee, though the two words are near: only the noun itself is called so
    assert ask_terms("What fee did Brekka Bank pay?").short != "$30m"


def test_what_a_thing_is_worth_is_the_amount_said_of_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    # "worth" asks what "how much" does: the sentence need not say it
    ask = _answering(
        encode,
        {
            "ferries": "Lomen Shipyards has signed a €900m contract to build four ferries for Skarv Lines.",
            "stake": "Tovik Paper will also receive a 15% stake in Brekka Pulp.",
        },
    )
    assert ask("How much is Lomen's contract worth?").short == "€900m"
    assert ask("What is Lomen's contract with Skarv worth?").short == "€900m"
    # ...in money: a stake's share is not what it is worth
    assert ask("How much is Tovik Paper's stake in Brekka Pulp worth?").short != "15%"


def test_a_comparison_measures_the_thing_each_side_names(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "merger": "Tovik Foods would owe Brekka Dairy a reverse termination fee of $480 million if the deal"
            " is blocked.\n\nBrekka Dairy would owe Tovik Foods a $225 million break fee if it took a rival bid.",
            "mine": "If regulators block the deal, Skarv Metals must pay Lomen Mining a reverse break fee of"
            " A$48 million.",
        },
    )
    # the other side's verb ("must pay") is not the one asked ("would owe"): the amount of its fee is
    # (however the parse joins the two phrases: here "or" conjoins none)
    answer = ask(
        "Which is bigger: the reverse termination fee Tovik would owe Brekka, or the reverse break fee Skarv"
        " would owe Lomen?"
    )
    assert "$480 million" in answer.short and "A$48 million" in answer.short
    assert "$225 million" not in answer.short
    # (a word the question shares with one side only, "termination", is not the other side's)
    answer = ask(
        "Which termination fee is bigger: the one Tovik would owe Brekka or the break fee Skarv would owe Lomen?"
    )
    assert "A$48 million" in answer.short


def test_what_is_worth_more_weighs_what_each_side_is_worth(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Lomen Shipyards to build ferries for Skarv Lines": "Lomen Shipyards has agreed to build 12 ferries for"
            " Skarv Lines, in a contract worth about €1.9 billion.\n\nAt roughly €160 million a ship, the order is"
            " priced at the top of the market.",
            "Tindra Orbital leases spectrum to Holme Mobile": "Tindra Orbital has agreed a ten-year lease of spectrum"
            " to Holme Mobile.\n\nThe lease is worth €450m over its term, the companies said.",
        },
    )
    answer = ask("Which is worth more, Lomen's ferry order from Skarv or Tindra's spectrum lease to Holme?")
    assert "about €1.9 billion" in answer.short and "€450m" in answer.short
    # a rate ("€160 million a ship") is no whole order's worth, though the question says "ship"
    ask = _answering(
        encode,
        {
            "ships": "Skarv Lines has ordered 12 ships from Lomen Shipyards for about €1.9 billion.\n\nAt roughly"
            " €160 million a ship, the order is priced at the top of the market.",
            "spectrum": "Tindra Orbital has agreed a ten-year lease of spectrum to Holme Mobile.\n\nThe lease is"
            " worth €450m over its term, the companies said.",
        },
    )
    assert (
        "€160 million"
        not in ask("Which is worth more, Lomen's ship order from Skarv or Tindra's spectrum lease to Holme?").short
    )


def test_worth_ends_a_question_however_the_model_tags_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(encode, {"launch": "Tovik Launch has signed a €148 million contract with Holme Imaging."})
    # (the model reads this "worth" as a noun)
    assert ask("How much is Tovik Launch's contract with Holme Imaging worth?").short == "€148 million"


def test_a_comparison_gives_no_value_that_is_not_the_sides_own(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "dairy": "Tovik Foods agreed on 14 March 2027 to buy Brekka Dairy for $46.50 a share in cash, valuing the"
            " dairy at about $3.2 billion including debt.\n\nBrekka Dairy would have to pay a $95 million break fee if"
            " it accepts a rival bid.",
            "mine": "Skarv Metals agreed to buy Lomen Mining for A$1.25 billion in shares.\n\nIf regulators block the"
            " deal, Skarv Metals must pay Lomen Mining a reverse break fee of A$48 million.",
            "jets": "Tovik Airlines has ordered 20 jets from Hestra Aero for $95 million each.",
            "trucks": "Hestra Bank has arranged a US$750m loan for Tovik Logistics.\n\nTovik Logistics will use the"
            " money to buy 300 trucks at around $180,000 each.",
            "stake": "Ostby Capital has agreed to buy a 35% stake in Vellby Energy from its founders.",
        },
    )
    # a fee is no deal's cost, though the sentence names the side ("Tovik Foods' " ends no phrase)
    short = ask("Which costs more, Tovik Foods' bid for Brekka Dairy or Skarv Metals' bid for Lomen Mining?").short
    assert "$95 million" not in short and "A$48 million" not in short
    # a price of each is no whole order, nor a count what something costs
    assert "$95 million" not in ask("Which is bigger, Tovik Airlines' jet order or Tovik Logistics' loan?").short
    short = ask("Which costs more, Tovik Logistics' trucks or Tovik Airlines' jets?").short
    assert not {"$95 million", "$180,000", "300", "20"} & set(short.replace(";", " ").replace(":", " ").split())
    # one value said of both sides compares nothing
    assert "35%" not in ask("Which is larger, Ostby's stake purchase or Vellby's stake sale?").short
    assert "35%" not in ask("Which is larger, the Ostby ferry deal or the Vellby power deal?").short


def test_a_possessive_apostrophe_ends_no_side_of_a_comparison(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "dairy": "Tovik Foods agreed to buy Brekka Dairy for about $3.2 billion including debt.",
            "mine": "Skarv Metals agreed to buy Lomen Mining for A$1.25 billion in shares.",
        },
    )
    # the buyer is of the first side: "Foods' " is no mark that opens it
    short = ask("Which is bigger, Tovik Foods' deal for Brekka Dairy or Skarv Metals' deal for Lomen Mining?").short
    assert short.startswith("Tovik Foods Brekka Dairy: about $3.2 billion")


def test_a_definite_subject_is_the_thing_asked_of_the_articles_names(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Skarv Ports wins Kallby Harbour bulk terminal": "OSLO, June 2 (Wire) - Skarv Ports has won a"
            " 25-year concession to run the bulk terminal at Kallby Harbour, the port authority said."
            " Hestra Logistics, which lost the tender, said it would appeal.\n\nThe concession requires about EUR 250"
            " million of investment in a terminal that will handle 8 million tonnes a year. The contract is due"
            " to be signed on 9 October 2032, once the appeal period ends.",
            "Lomen Paper to close Brekka mill": "Lomen Paper said on 2 May 2030 it would close its Brekka mill.",
            "Hestra Power wins Kallby wind farm": "Hestra Power won a contract to build the Kallby offshore wind"
            " farm.\n\nSkarv Energy was awarded a smaller farm at Brekka Bank. The contract is to be signed in"
            " March 2031.",
        },
    )
    # "The contract" of an article whose title names Kallby Harbour is the contract asked of it...
    assert ask("When will the Kallby Harbour concession contract be signed?").short == "9 October 2032"
    # ...but no other thing its passage tells of, nor the contract of another name it tells of, nor
    # of one that shares a word with the title's
    assert "9 October 2032" not in ask("When will the Kallby Harbour terminal open?").short
    assert "9 October 2032" not in ask("When will the Hestra Logistics contract be signed?").short
    assert ask("When will the Skarv Energy contract be signed?").short == "March 2031"
    assert "9 October 2032" not in ask("When will the Brekka mill contract be signed?").short


def test_how_many_counts_a_thing_no_sum_of_money_counts(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "bank": "Hestra Bancorp agreed to buy Vellby Financial for $2.1 billion. The combined bank will have"
            " about $9 billion in assets, 118 branches and roughly 2,900 employees.",
        },
    )
    assert ask("How many branches will the combined bank have?").short == "118 branches"
    assert ask("How much will the combined bank have in assets?").short == "about $9 billion"
    # ("millions" and "billions" are of money, by spaCy's number words)
    assert ask("How many millions is Hestra Bancorp paying for Vellby Financial?").short == "$2.1 billion"
    assert ask("How many billions is Hestra Bancorp paying for Vellby Financial?").short == "$2.1 billion"


def test_a_declined_which_noun_names_the_noun_not_a_word_of_a_name(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "deal": "Tovik Foods agreed to buy Brekka Dairy for $3.2 billion.\n\nLena Ostby, an analyst at Hestra"
            " Securities, said the price was high for a company growing so slowly.",
        },
    )
    answer = ask("Which Hestra Securities banker advised Tovik Foods?")
    assert not answer.short and "not clearly the banker asked for" in answer.text


def test_an_adjective_the_question_predicates_is_not_stated_by_its_opposite(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "deal": "Tovik Foods agreed to buy Brekka Dairy for $3.2 billion.\n\nLena Ostby, an analyst at Hestra"
            " Securities, said the price was high for a company growing so slowly.",
        },
    )
    assert ask("Which Hestra Securities analyst said the price was high?").short == "Lena Ostby"
    # an embedding puts "high" near "low": the premise is not held
    assert "Lena Ostby" not in ask("Which Hestra Securities analyst said the price was too low?").short


def test_a_premise_is_held_by_its_own_act_of_its_own_subject(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "mine": "Skarv Metals agreed to sell its Lomen copper mine to Hestra Resources for A$480 million.\n\n"
            "Skarv said it accepted the offer because the mine's costs had risen sharply.",
            "stream": "Tovik Royalties will pay Brekka Gold $140 million upfront for a share of its silver.\n\n"
            "Tovik said it would finance the payment with bank debt and had no plans to sell shares.",
        },
    )
    # "it" after "Skarv said" is Skarv: the premise stands, and the sentence says why
    answer = ask("Why did Skarv accept Hestra's offer?")
    assert answer.finding != "false premise" and "because the mine's costs" in answer.text
    assert ask("Why did Skarv reject Hestra's offer?").finding == "false premise"
    # what an act is done for is not the act taken for granted ("to finance", not "selling shares")
    assert ask("Why is Tovik selling new shares to finance its payment for Brekka's silver?").finding == "false premise"


def test_a_count_told_in_words_or_withheld_names_what_it_counts(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "deal": "Tovik Logistics agreed to buy Brekka Freight for $300 million.\n\nTovik shares edged up 2%, with"
            " investors relieved that the company would not take on new debt to pay for it.",
            "plant": "Skarv Metals will close its Lomen smelter next year.\n\nSkarv Metals did not say how many"
            " employees work at the Lomen smelter.",
        },
    )
    # "company" is near "employees" to the embedding model: a sentence denying something of the
    # company is no head-count
    assert ask("How many employees does Tovik Logistics have?").abstained
    # ...while one that says the count is not known, in the question's own words, answers
    answer = ask("How many employees work at Skarv Metals' Lomen smelter?")
    assert not answer.abstained and "did not say how many employees" in answer.text


def test_a_premise_is_not_held_by_its_object_nor_by_an_act_on_another_object(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "bid": "Skarv Metals said on Monday that its board had turned down a A$480 million takeover offer from"
            " Hestra Resources.\n\nHestra said it was considering its options.",
            "jets": "Tovik Air ordered 12 Brekka jets on Tuesday.\n\nTovik picked the Brekka jet over the Lomen L-90"
            " after a two-year contest, the airline said.",
        },
    )
    # "offer" is near "accept" to the embedding model, but it is what was offered, not its acceptance
    answer = ask("Why did Skarv Metals accept Hestra's takeover offer?")
    assert answer.finding == "false premise" and "turned down" in answer.text, answer.text
    # the act is stated of its subject, with the alternative the question names as its object
    answer = ask("Why did Tovik choose the Lomen L-90 over the Brekka jet?")
    assert answer.finding == "false premise" and "picked the Brekka jet" in answer.text, answer.text
    # ...while the act with the question's own object holds the premise
    assert ask("Why did Tovik choose the Brekka jet over the Lomen L-90?").finding != "false premise"


def test_how_an_act_is_done_is_told_only_by_a_sentence_stating_the_act(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "silver": "Tovik Royalties agreed to buy Brekka Gold's silver stream for $140 million, the companies said."
            "\n\nBrekka shares rose 4% on the news.",
            "mine": "Skarv Metals agreed to buy the Lomen copper mine for A$480 million.\n\nSkarv will finance the"
            " purchase with a bank loan and new shares.",
        },
    )
    # the deal's sentence names the purchase, but not how it is paid for
    assert ask("How is Tovik Royalties financing its purchase of the silver stream?").abstained
    answer = ask("How is Skarv Metals financing its purchase of the Lomen mine?")
    assert not answer.abstained and answer.text.startswith("Skarv will finance the purchase"), answer.text


def test_a_role_held_by_another_name_is_no_answer_to_who_holds_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "jets": "Tovik Air ordered 12 jets from Brekka Aero on Tuesday.\n\nWhat is plain is that Brekka Aero, the"
            " Lyon-based planemaker, wanted a launch customer badly, and that Tovik chief executive Lena Moss knew it.",
        },
    )
    # the sentence names Brekka Aero and a chief executive, but the chief executive is Tovik's
    assert ask("Who is the chief executive of Brekka Aero?").abstained
    answer = ask("Who is the chief executive of Tovik Air?")
    assert not answer.abstained and "Lena Moss" in answer.text.split("[1]")[0], answer.text


def test_an_amount_taken_for_granted_is_held_only_if_said_of_the_names_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "bid": "When Tovik Semiconductor said it would buy Brekka Devices, the headline numbers were generous:"
            " $46.50 a share in cash and a 31% premium.\n\nBrekka has drawn interest before. In 2029 its board"
            " rejected an unsolicited $39-a-share approach from Skarv Microsystems.",
        },
    )
    # "$39 a share" is in the article, but as another bidder's approach
    answer = ask("Why is Tovik paying $39 a share for Brekka?")
    assert answer.finding == "false premise" and "$46.50 a share" in answer.text, answer.text
    assert ask("Why is Tovik paying $46.50 a share for Brekka?").finding != "false premise"


def test_how_many_is_the_value_counting_the_unit_asked_of_those_in_its_sentence(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "quarry": "Granmoor Aggregates agreed to buy Harwick Quarries for £140 million on Monday. Harwick operates "
            "40 kilometres of haul roads and 12 crushers across three sites in Yorkshire. Granmoor will close 2 of "
            "the 9 depots run by Harwick in Lancashire.",
        },
    )
    # "12 crushers", not the kilometres the crushers are coordinated with
    assert ask("How many crushers does Harwick operate?").short == "12 crushers"
    assert ask("How many kilometres of haul roads does Harwick operate?").short == "40 kilometres"
    # ...and a part of a counted whole is said as one: not the 9 depots Harwick runs
    assert ask("How many depots will Granmoor close?").short == "2 of the 9 depots"


def test_a_role_no_name_holds_in_its_sentence_is_held_at_the_company_the_passage_is_about(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "stake": "Larkspur Air agreed on Monday to buy 20% of Velta Airlines for €90 million. Larkspur, which "
            "flies 50 aircraft, has been expanding in the Baltics since 2027. Chief financial officer Nora Quill "
            "said the Velta investment would be paid from cash and would not change its dividend.",
            "velta": "Velta Airlines flies 18 aircraft from Riga and carried 2 million passengers last year. "
            '"The deal gives us the money to grow," said Mara Venn, Velta\'s managing director and chief executive.',
        },
    )
    assert ask("Who is Larkspur's chief financial officer?").short == "Nora Quill"
    # (each of the roles given in apposition is held: "managing director and chief executive")
    assert ask("Who is the CEO of Velta Airlines?").short == "Mara Venn"
    # ...and a bare title in a sentence making another company a subject has no known holder
    dairy = _answering(
        encode,
        {
            "dairy": "Kestrel Foods agreed to buy Pellbrook Dairy for £80 million. Pellbrook, founded in 1952, has "
            "300 staff. Chief executive Anna Bell said Kestrel would keep the Pellbrook brand.",
        },
    )
    assert not dairy("Who is the chief executive of Pellbrook?").short
    # the sentence names Velta, but the finance chief is Larkspur's: Velta's is not given
    velta = ask("Who is Velta Airlines' chief financial officer?")
    assert not velta.short and velta.abstained


def test_a_value_of_a_noun_another_name_is_the_subject_of_is_not_the_asked_name_s(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "offer": "Ardent Holdings said on Thursday that shareholders owning 61% of Pelham Robotics had tendered "
            "their shares in its offer.\n\nTogether with the 14% stake Ardent already held, the group will own 75% "
            "of Pelham once the tendered shares are settled.\n\nCorbel Partners, an activist fund based in "
            "Singapore, declined to tender, arguing in a letter to the board that the offer undervalued the company.",
        },
    )
    assert ask("What stake in Pelham did Ardent already hold?").short == "14%"
    # "the 14% stake Ardent already held" is Ardent's: Corbel's stake is not given
    assert not ask("What stake in Pelham Robotics does Corbel Partners own?").short


def test_terms_said_not_disclosed_of_the_act_asked_answer_though_named_as_a_noun(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "water": "Harwell Water, which serves 300,000 homes, is owned 70% by Arden Capital and 30% by Polk "
            "Builders. Arden and Polk have agreed to inject new equity, but the terms of the equity contribution "
            "were not disclosed.",
        },
    )
    # "the equity contribution" is the injecting of new equity asked about, in other words
    answer = ask("On what terms are Arden and Polk injecting new equity into Harwell Water?")
    assert not answer.abstained and "the terms of the equity contribution were not disclosed" in answer.text


def test_a_premise_act_done_only_to_a_part_of_the_name_does_not_hold(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "licence": "Halden Pharma agreed to license worldwide rights to PX-12, a kidney drug, from Pirra Labs. "
            "Halden will also buy $20 million of newly issued Pirra shares. Halden is not acquiring Pirra, and the "
            "biotech will keep its 80 employees in Leiden.",
        },
    )
    # buying an amount of Pirra's shares is not acquiring Pirra: the sentence that denies it is quoted
    answer = ask("Why did Halden Pharma acquire Pirra Labs outright?")
    assert answer.finding == "false premise" and "Halden is not acquiring Pirra" in answer.text
    # ...while a premise the articles state stands
    assert ask("Why did Halden Pharma buy Pirra shares?").finding != "false premise"


def test_who_does_an_act_is_its_subject_not_another_party(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "papers": "LEEDS, England, Sept 2 - Harland Media Group has agreed to buy Tarn Valley Press, the "
            "publisher of the Tarn Evening Post, from Ashcombe Holdings for £54 million. Tarn Valley Press "
            "employs 900 people.",
            "bank": "Quarry Bank advised Ostby Foods on its sale of a dairy to Kerr Farms.",
            "drones": "OSLO (Reuters) - Nordvale agreed to buy Aerolis from Kallby for $2 billion, the companies "
            "said on Monday.",
        },
    )
    # the buyer is the subject of "agreed to buy", though the dateline's place is the parser's subject
    assert ask("Who is buying Tarn Valley Press?").short == "Harland Media Group"
    # ...and no name of the dateline is
    assert ask("Who is buying Aerolis?").short == "Nordvale"
    assert ask("Who advised Ostby Foods on its sale of the dairy?").short == "Quarry Bank"


def test_a_role_told_apart_by_another_word_is_not_the_role_asked(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "fund": "Arden Pension Fund agreed to buy 40% of Polk Solar for €300 million. Nora Quill, chief "
            "investment officer, Arden Pension Fund, said the farms suit the fund.",
        },
    )
    # a chief investment officer is no chief financial officer
    assert not ask("Who is the chief financial officer of Arden Pension Fund?").short
    assert ask("Who is the chief investment officer of Arden Pension Fund?").short == "Nora Quill"


def test_the_place_an_act_is_done_at_does_not_own_its_date(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "vote": "The club, bought by a Kerr Capital-led consortium for £90 million, will now face Polk Town "
            "in a two-legged playoff semi-final, with the first leg at Tollmere Hall on May 16 and the return leg "
            "a week later. The playoff final is scheduled for 29 May 2027.",
        },
    )
    # "at Tollmere Hall" is where the leg is played, not whose the date is
    assert ask("When is the first leg of the playoff semi-final against Polk Town?").short == "May 16"


def test_a_follow_up_is_not_answered_with_the_name_it_points_back_at(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "spac": "Brisk Motors has agreed to go public through a merger with Kestrel Acquisition Corp, a "
            "blank-cheque company.\n\nBrisk's previous funding round, a €90m Series C in 2024, was sponsored by "
            "a group of investors it did not name.",
        },
    )
    # "its" after a question about Brisk Motors: "Brisk" (of "Brisk's previous round") is not its sponsor
    earlier = "Which company is Brisk Motors merging with?"
    answer = ask("Who is its sponsor?", ("Brisk Motors",), f"{earlier} Who is its sponsor?")
    assert not answer.short and "was sponsored by a group of investors" in answer.text


def test_terms_withheld_of_a_thing_a_demonstrative_points_back_at_answer(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "farms": "Arden Pension Fund has agreed to buy 80% of Polk Solar's wind farms for €700 million. Nora "
            "Quill said about 60% of the farms' output is sold under long-term power purchase agreements with "
            "industrial buyers, but the prices in those contracts were not disclosed.",
        },
    )
    # "those contracts" are the agreements asked about, not another party's
    answer = ask("What prices are paid under the power purchase agreements for the farms' output?")
    assert not answer.abstained and "the prices in those contracts were not disclosed" in answer.text
    # ...but not where they point back at other deals
    ask = _answering(
        encode,
        {
            "farms": "Arden Pension Fund has agreed to buy 80% of Polk Solar's wind farms for €700 million. About "
            "60% of the farms' output is sold under long-term power purchase agreements with industrial buyers at "
            "€55 per megawatt hour. Polk Solar also signed steel supply deals with Vance Metals, but the prices in "
            "those contracts were not disclosed.",
        },
    )
    answer = ask("What prices are paid under the power purchase agreements for the farms' output?")
    assert "€55 per megawatt hour" in answer.text and "those contracts" not in answer.text


def test_a_count_the_question_takes_for_granted_is_checked_against_the_articles(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "jets": "Harrow Air has placed a firm order for 40 Tern 190 narrowbody jets from Polk Aerospace, "
            "worth $3.1 billion at list prices, and has arranged for lessor Brisk Capital to buy the first 12 "
            "aircraft on delivery, the companies said on Wednesday.\n\nThe airline wants to replace its ageing "
            "fleet.",
        },
    )
    # the articles say 40 jets: the premise of 60 is refused, citing them
    answer = ask("Why did Harrow Air order 60 Tern 190 jets?")
    assert answer.finding == "false premise" and "40 Tern 190 narrowbody jets" in answer.text
    assert ask("Why did Harrow Air order 40 Tern 190 jets?").finding != "false premise"


def test_how_much_a_verb_of_money_asks_may_be_a_rate(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "notes": "Tarn Logistics has priced $750 million of senior notes due 2031 to refinance debt. The notes, "
            "sold at par, pay 6.5% a year. Tarn will use the proceeds to repay a $600 million bridge loan.",
        },
    )
    assert ask("How much will the senior notes pay a year?").short == "6.5%"


def test_a_role_in_other_words_or_with_a_word_more_is_the_role_asked(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "polk": "Polk Solar has agreed to sell its wind unit to Arden Group for €420 million. Dan Reyes, chief "
            "executive of Arden Group, said the farms would double Arden's capacity. Ana Ruiz, Polk Solar's lead "
            "independent director, said the board backed the deal unanimously.",
        },
    )
    assert ask("Who is the lead director of Polk Solar?").short == "Ana Ruiz"


def test_a_premise_stated_of_its_parties_in_other_words_holds(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "tarn-rovers-takeover": "TARN, March 4 (Calder Wire) - Tarn Rovers, the football club founded in 1887, "
            'has agreed to be taken over by a consortium led by Kerr Capital for £310 million.\n\n"We are buying a '
            'community institution," Kerr said.\n\nGerald Marsh, chairman since 1998, said the family decided to '
            "sell because it could no longer fund the club's wage bill. Kerr will pay 70% of the price in cash and "
            "the rest in its own shares.",
        },
    )
    # "the family decided to sell", in an article headed by the club, is why the Marsh family sells it
    answer = ask("Why did the Marsh family decide to sell Tarn Rovers?")
    assert answer.finding != "false premise" and answer.text.startswith("Gerald Marsh, chairman since 1998")
    # ...but an act stated with its own object is not taken to be on the title's name
    assert ask("Why is Kerr Capital paying for Tarn Rovers entirely in cash?").finding == "false premise"


def test_a_count_is_quoted_only_from_a_sentence_saying_what_it_counts(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "jets": "OSLO, May 3 (Newswire) - Harrow Air has ordered 30 Tern 190 jets from Polk Aerospace.\n\n"
            "Harrow Air, which employs about 2,150 people, plans to recruit 300 pilots and cabin crew over the "
            "next three years. The airline carried 4.8 million passengers in 2024, up 7 percent from the year "
            "before, and operates 46 aircraft.",
        },
    )
    # 2023's passengers are not said; the head-count beside 2024's passengers is no answer
    answer = ask("How many passengers did Harrow Air carry in 2023?")
    assert answer.abstained, answer.text


def test_a_length_of_time_tells_no_point_in_time(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "boxes": "Kerr Container Leasing, the Singapore-based lessor, has agreed to lease 12,500 forty-foot "
            "containers to Polk Line, the Hamburg-based carrier, for seven years. The boxes will be delivered in "
            "batches from March.",
        },
    )
    # "for seven years" is how long the lease runs, not the year the lessor was founded
    assert ask("In what year was Kerr Container Leasing founded?").abstained


def test_the_date_of_a_clause_whose_verb_is_left_out_is_not_the_first_clauses(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "ferries": "Orrey Marine has ordered six electric ferries from Dunlow Yards for its island routes. "
            "The first ferry is scheduled for no earlier than Q3 2028 and the last by the end of 2030.",
        },
    )
    assert ask("When is the first Orrey Marine ferry scheduled?").text.startswith("Q3 2028")


def test_the_value_the_questions_preposition_governs_and_a_rate_each_answer(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "stream": "Vexley Royalty has agreed to pay $310 million for a silver stream from Tollmere Mining's mine. "
            "Alongside the stream, Vexley will buy $40 million of new Tollmere shares at C$2.15 each in a private "
            "placement.",
        },
    )
    # "at what price": the amount after "at", not the sum of the purchase
    assert ask("At what price is Vexley buying shares in Tollmere?").text.startswith("C$2.15")
    # "C$2.15 each" of the shares is a price per share
    assert ask("What price per share is Vexley paying for the new Tollmere shares?").text.startswith("C$2.15 each")
    # (also at the end of a sentence: "at $5.20 each.")
    ask = _answering(encode, {"e": "Arlo Holdings will buy 2 million new shares of Vexley Mills at $5.20 each."})
    assert ask("What price per share is Arlo paying for the new Vexley shares?").text.startswith("$5.20 each")
    # ...and the preposition must attach to the act asked, not to another noun ("the price at $3.92")
    ask = _answering(encode, {"s": "Arlo will buy Vexley shares for $5.10 each, above the average price at $3.92."})
    assert not ask("At what price will Arlo buy Vexley shares?").text.startswith("$3.92")


def test_the_year_the_questions_preposition_governs_on_the_verb_asked_answers(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    # "runs until 2047" is what "Until what year does it run?" asks, though the clause hangs off
    # the wrong noun and the model tags "runs" a noun; "25-year" measures the lease, not its end
    ask = _answering(
        encode,
        {
            "berth": "Dunlow Ferries operates the quay under a 25-year lease from the Orrey Harbour Board that was "
            "signed in 2022 and runs until 2047.",
        },
    )
    assert ask("Until what year does Dunlow's lease from the Orrey Harbour Board run?").text.startswith("2047")
    # ...but a noun of the verb's word is no verb: "an offer at 450 pence" is not what X is offering at
    ask = _answering(
        encode,
        {
            "shares": "Kerr Haulage will sell 10 million new shares at 380 pence each to fund a purchase, after an "
            "offer at 450 pence in March drew too few buyers.",
        },
    )
    assert not ask("At what price is Kerr Haulage offering new shares?").text.startswith("450")


def test_a_wire_copys_dateline_date_is_no_date_of_what_it_reports(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "stores": "YORK, England, May 12 (Orrey Wire) - Grocer Dunlow Markets has agreed to sell 30 of its stores "
            "to Kerr Property for £410 million and lease them back, the company said on Friday.\n\nThe deal was "
            "agreed last Monday, 3 May 2027, after a three-month auction.",
        },
    )
    # "May 12" dates the report; when the sale was agreed, the article says elsewhere or not at all
    assert not ask("On what date was the Dunlow Markets store sale agreed?").text.startswith("May 12")
    ask = _answering(
        encode,
        {
            "a": "HULL, England, March 3, 2027 (Orrey Wire) - Dunlow Freight announced a £310 million deal to buy "
            "Kerr Haulage.\n\nKerr's tender offer for Vexley Logistics expires on Friday, April 17 (New York time) "
            "— unless it is extended.",
        },
    )
    # ...but it dates what the lede says was done that day
    assert ask("When did Dunlow Freight announce the Kerr Haulage deal?").text.startswith("March 3, 2027")
    # ...and a sentence that only reads like a dateline is none
    assert ask("When does Kerr's tender offer for Vexley Logistics expire?").text.startswith("Friday, April 17")


def test_a_why_question_leads_with_the_reason_given_for_the_act_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "ferry": "Orrey Marine has agreed to buy 80% of the Dunlow ferry line from Kerr Group for NOK 900 million, "
            "the companies said on Monday. Kerr Group will keep the remaining 20%.\n\nThe line runs six ships "
            "between Bergen and three island ports and carried 1.2 million passengers last year.\n\nKerr, whose "
            "shares trade in Oslo, said it was selling to cut its net debt before a bond matures next year.",
        },
    )
    # the reason leaves out what is sold; the lede, which names it all, gives none
    assert ask("Why is Kerr Group selling the Dunlow ferry line?").text.startswith("Kerr, whose shares trade in Oslo")
    # ...but it is no reason for a sale no sentence tells of
    assert not ask("Why is Kerr Group selling its cargo line?").text.startswith("Kerr, whose")
    ask = _answering(
        encode,
        {
            "cable": "Orrin Telecom is buying Vesta Cable for $2.1 billion in cash, the companies said on Thursday."
            "\n\nOrrin is buying Vesta so it can offer broadband in the Midwest.\n\nTarn Media, Orrin's biggest "
            "rival, bought a cable firm last year to add subscribers.\n\nIn March, Orrin decided to close two "
            "call centres in Leeds.",
        },
    )
    assert ask("Why is Orrin Telecom buying Vesta Cable?").text.startswith("Orrin is buying Vesta so")
    # a reason is its doer's: not the other party's, nor a rival's
    assert not ask("Why is Vesta Cable buying Orrin Telecom?").text.startswith("Orrin is buying Vesta so")
    assert not ask("Why is Orrin Telecom buying a cable firm?").text.startswith("Tarn Media")
    # ...and what a decision is to do is no reason for it
    assert not ask("Why did Orrin Telecom decide to buy Vesta Cable?").text.startswith("In March")


def test_a_role_held_by_the_passages_name_in_a_common_noun_is_no_other_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tollmere Netball League renews broadcast rights with Arlo Television": "The Tollmere Netball League "
            "has renewed its broadcast rights with Arlo Television for six seasons, beating a rival offer from "
            "Vexley Media.\n\nThe league's chief executive, Ada Orrey, said the deal was confirmed to clubs at a "
            "board meeting last Tuesday.",
        },
    )
    # "the league's" is the league the headline names, not the rival bidder
    assert ask("Who is the chief executive of Vexley Media?").abstained
    assert ask("Who is the chief executive of the Tollmere Netball League?").text.startswith("Ada Orrey")
    ask = _answering(
        encode,
        {
            # (a headline in title case names the dairy up to its verb)
            "Carrow Foods Buys Minster Dairy": "Carrow Foods has agreed to buy a family-owned milk producer for $80 "
            "million.\n\nThe dairy's chief executive, Paul Denby, will join the Carrow Foods board.",
            # (the sentence before names the company "the company" stands for, not the headline)
            "Dunmore Trading Company Sells Grain Unit": "Pellwick Foods agreed to buy a grain unit for $90 million."
            "\n\nPellwick Foods said the purchase would be funded with cash. The company's chief financial "
            "officer, Ruth Ambry, said Pellwick would not need to borrow.",
        },
    )
    assert ask("Who is the chief executive of Carrow Foods?").abstained
    assert ask("Who is the chief financial officer of Pellwick Foods?").text.startswith("Ruth Ambry")


def test_a_sentence_that_restates_the_question_answers_though_it_leaves_a_word_out(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "tender": "TOKYO, Sept 9 - Arlo Holdings said on Thursday that holders of 67.4% of Orrey Robotics had "
            "accepted its offer for the Tokyo-listed maker of welding robots.\n\nThe price is a 41% premium to "
            "Orrey's closing price on July 22, the day Arlo announced the bid.",
        },
    )
    # "Orrey's closing price" is the share price asked, in other words
    answer = ask("What premium does Arlo's offer price represent over Orrey's share price?")
    assert answer.text.startswith("41%"), answer.text
    # ...but a word that says which of its kind the thing asked is must be said ("net" is no "operating")
    ask = _answering(encode, {"b": "Brackwater Foods reported net profit of $42 million for 2026 on revenue of $610m."})
    assert ask("What was Brackwater Foods' operating profit in 2026?").abstained


def test_a_sentence_saying_the_measured_thing_is_not_known_answers_how_big(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "arlo": "BERGEN, March 4 - Arlo Group has agreed to buy Vexley Marine, a maker of ship propellers, for NOK "
            "3.1 billion. The size of any break fee was not disclosed.\n\nVexley will also ship ammonia to Arlo's "
            'plants. "Ammonia is the only clean fuel we can buy at this scale, and we did not want to wait," '
            "Arlo's chief executive said.",
        },
    )
    answer = ask("How big is the break fee in the Arlo-Vexley deal?")
    assert not answer.abstained and answer.citations[0].quote == "The size of any break fee was not disclosed."
    # ...and only a denial of that thing: "did not want to wait" says nothing of how much ammonia,
    # nor "the drivers did not vote" of how many there are
    assert ask("How much ammonia will Vexley ship to Arlo each year?").abstained
    ask = _answering(encode, {"o": "Arlo will buy Oxley Freight for $210 million. Oxley's drivers did not vote on it."})
    assert ask("How many drivers does Oxley Freight employ?").abstained


def test_a_name_modifying_a_plural_noun_is_not_one_thing_that_noun_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "merger": "Arlo Bank and Vexley Financial have agreed to merge in an all-stock deal. Under the terms, "
            "Vexley shareholders will receive 1.137 Arlo shares for each share they own. When the deal closes, Arlo "
            "shareholders will own about 52% of the combined company and Vexley shareholders about 48%.",
            "models": "Orrey Labs will use the chips to train its Dunlow AI models.",
        },
    )
    # "Arlo shares" are shares of Arlo: no answer to "what share"
    assert not ask("What share of the combined company will Vexley shareholders own?").short.startswith("Arlo")
    # ...but a plural asks for what the plural noun's name says ("its Dunlow AI models")
    assert ask("Which AI models will Orrey Labs train with the chips?").short == "Dunlow AI"


def test_a_sentence_counting_other_things_is_no_head_count(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "a": "Tollmere Metals will sell a royalty on its copper mine to Vexley Royalties for $525 million.\n\n"
            "Tollmere Chief Financial Officer Lucia Orrey said the transaction implied a valuation for the royalty "
            "of about 8.5 times expected annual royalty payments. The finance chief said the company had talked to "
            "five potential buyers over the summer before choosing Vexley, which she said offered the best "
            "combination of price and speed.",
        },
    )
    # "five potential buyers" counts buyers, though "company" is near "employees" to the model
    assert ask("How many employees does Vexley Royalties have?").abstained
    # ...nor a sentence that says "employees" and counts stores; "people" may count them
    ask = _answering(
        encode,
        {
            "k": "Brantley Foods will buy Korrin Markets for $300 million.\n\nKorrin employees will keep their "
            "jobs at the chain's 40 stores, Brantley said.",
            "p": "Orrey Freight employs 2,150 people at its depots.",
        },
    )
    assert not ask("How many employees does Korrin Markets have?").text.startswith("Korrin employees")
    answer = ask("How many employees does Orrey Freight have?")
    assert "2,150" in (answer.short or answer.citations[0].quote), answer.text


def test_a_value_of_a_party_brought_in_by_an_indefinite_subject_is_not_the_earlier_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "books": "Dunlow Press has agreed to buy Arlo Books, the Scottish publisher, for £40 million.\n\n"
            "Arlo Books was founded in 1991 by Ada Orrey, a former bookseller, who still runs it. An employee "
            "ownership trust holds 20% of the company and the Glasgow firm Vexley Investments holds 18%.",
        },
    )
    # "An employee ownership trust" is someone new, not the founder the sentence before names
    assert not ask("How much of the company does Ada Orrey own?").text.startswith("20%")


def test_what_another_party_the_question_names_pays_is_not_what_its_doer_pays(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "hides": "OSLO, March 4 (Wire) - Brisco Leather, Norway's third-largest tanner, has agreed to buy "
            "regional rival Holvik Tannery for $80 million including debt, the companies said on Thursday. "
            "Brisco will pay for the purchase with cash on hand and a new $50 million term loan.",
        },
    )
    # the parties swapped: the sentence says what Brisco pays, and the question asks what Holvik pays
    assert not ask("How much is Holvik Tannery paying to acquire Brisco Leather?").short
    # the price of what is asked goes before a sum only said near the act of paying
    assert ask("How much is Brisco Leather paying for Holvik Tannery?").short == "$80 million"
    # the subject of a passive, or a noun of the other party's, does no paying
    ask = _answering(encode, {"ships": "Kerrow Shipping agreed to be acquired by Orsk Group for $40 million."})
    assert ask("How much will Orsk Group pay to acquire Kerrow Shipping?").short == "$40 million"
    ask = _answering(encode, {"ships": "Orsk Group has agreed to buy Kerrow Shipping for $40 million."})
    assert ask("How much was Kerrow Shipping bought for by Orsk Group?").short == "$40 million"
    rest = "Kerrow's parent, Orsk Group, will pay $9 million for the 49% of Kerrow Ferries it does not own."
    ask = _answering(encode, {"rest": rest})
    assert ask("How much will Orsk Group pay to take full control of Kerrow Ferries?").short == "$9 million"


def test_a_definite_subject_that_is_what_the_act_asked_is_done_to_is_about_the_titles_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brisco Leather to buy rival Holvik Tannery for $80 million": "OSLO, March 4 (Wire) - Brisco "
            "Leather, Norway's third-largest tanner, has agreed to buy regional rival Holvik Tannery for $80 "
            "million including debt, the companies said on Thursday.\n\nBrisco Leather is buying Holvik Tannery "
            "to gain scale in western Norway, its chief executive told analysts on a call on Thursday. Holvik "
            "Tannery, founded in 1961, employs 410 staff.\n\nThe agreement was signed late on Wednesday, March 3. "
            "Brisco Leather first approached Holvik Tannery's owners in November, the week before Holvik "
            "Tannery's board had been due to approve plans for a listing in Oslo.\n\nShares in Brisco Leather "
            "rose 5.3% in Oslo on Thursday after it agreed the purchase of Holvik Tannery.",
        },
    )
    # "The agreement" of an article whose title names both parties is theirs, though it names neither
    answer = ask("On what date did Brisco Leather sign its agreement to buy Holvik Tannery?")
    assert answer.short == "Wednesday, March 3"
    # ...but not in a paragraph about another party's
    ask = _answering(
        encode,
        {
            "Orsk Group agrees to buy Kerrow Shipping": "Orsk Group agreed on Monday to buy Kerrow Shipping. The "
            "two companies signed the agreement in Bergen on May 2.\n\nOrsk Group has also agreed to sell its "
            "freight arm to Tarn Lines. The agreement was signed on April 10.",
        },
    )
    assert ask("When did Orsk Group sign the agreement to buy Kerrow Shipping?").short == "May 2"


def test_a_definite_subject_stands_for_the_thing_its_article_introduced_with_the_names_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    lead = (
        "OSLO, March 4 (Wire) - Brisco Leather has agreed to buy Holvik Tannery for $80 million, in a deal giving "
        "the buyer the country's largest tannery network, the two firms announced on Thursday.\n\n"
    )
    closing = "The deal awaits clearance by the competition authority in Bergen, and it should close in May 2028."
    ask = _answering(
        encode,
        {"tannery deal": lead + "Brisco plans to cover the cost of the deal from its reserves.\n\n" + closing},
    )
    # "The deal" is the one the lead told of, named again only with "the" in between
    answer = ask("When is Brisco Leather's purchase of Holvik Tannery expected to close?")
    assert answer.short == "May 2028", answer.text
    # ...not where a deal of another company's was told of since
    ask = _answering(
        encode,
        {
            "tannery deal": lead
            + "Brisco also agreed to sell its glue unit to Tarn Chemicals in a separate deal.\n\n"
            + closing
        },
    )
    assert ask("When is Brisco Leather's purchase of Holvik Tannery expected to close?").short != "May 2028"
    # ...nor of a deal of the same parties that the article tells of after its opening
    ask = _answering(
        encode,
        {
            "tannery deal": lead + "Brisco first bought a stake in Holvik Tannery in a deal worth $5 million.\n\n"
            "The deal closed in June 2024, two years before talks on a full takeover began."
        },
    )
    assert ask("When did Brisco Leather's purchase of Holvik Tannery close?").short != "June 2024"
    # ...nor where the sentence that introduced it names another company
    ask = _answering(
        encode,
        {
            "tannery deal": "Brisco Leather has agreed to buy Holvik Tannery, one of the oldest tanneries in the "
            "region, for $80 million.\n\nThe tannery employs 410 people."
        },
    )
    assert ask("How many people does Brisco Leather employ?").short != "410 people"


def test_a_value_said_of_a_noun_another_owns_is_not_of_the_owner_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "combination": "Brisco Leather and Holvik Tannery will combine through a swap of shares, the two firms "
            "announced on Monday. Ahead of closing, Brisco Leather will hand out a single payout of $2.10 per "
            "share in cash to its own shareholders, because Holvik Tannery holds more cash.",
        },
    )
    # "its own shareholders" are Brisco's, not Holvik's
    question = "How much will Brisco Leather pay per share to Holvik Tannery's shareholders?"
    assert ask(question).short != "$2.10 per share"
    ask = _answering(
        encode,
        {
            "takeover": "Brisco Leather said on Monday it would acquire Holvik Tannery. Brisco Leather is paying "
            "Holvik Tannery's shareholders $4.50 per share.",
        },
    )
    assert ask(question).short == "$4.50 per share"


def test_a_name_given_no_role_holds_the_role_asked_only_where_its_sentence_says_the_role(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "tannery": "Holvik Tannery agreed to merge with Brisco Leather. Holvik's chief executive, Ada Lunde, "
            "will lead the combined group. Keel Partners acted as financial adviser to Holvik.",
        },
    )
    # the adviser is no finance chief, though the sentence before says "chief"
    assert not ask("Who is the finance chief at Holvik Tannery?").short
    assert ask("Who is the top executive at Holvik Tannery?").short == "Ada Lunde"
    ask = _answering(
        encode,
        {
            "next": "Orsk Group said Anna Berg, its executive vice president, will succeed Ola Strand as chief "
            "executive in June.",
            "fleet": "Kerrow CEO Lena Dahl said the deal would double its fleet.",
        },
    )
    # a role given that has the noun asked as a modifier is no bar where the sentence says the role too
    assert ask("Who will be Orsk Group's next chief executive?").short == "Anna Berg"
    # ...and an acronym says the role its initials stand for
    assert ask("Who is the chief executive of Kerrow?").short == "Lena Dahl"


def test_a_why_question_whose_doer_is_a_common_noun_leads_with_the_reason_that_noun_gives(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "dairy": "Norbeck Foods has agreed to buy Dunfirth Dairy from the 40 farming families who own it for "
            "£90 million.\n\nThe farmers selling Dunfirth Dairy, 40 families who have owned it since 1921, could "
            "receive £10 million more if Dunfirth Dairy's milk output grows.\n\nThe farmers agreed to sell "
            "because they need cash to replace ageing milking sheds, said Ivo Marsh, chair of Dunfirth Dairy.",
        },
    )
    reason = "The farmers agreed to sell because"
    assert ask("Why are the farmers selling Dunfirth Dairy?").citations[0].quote.startswith(reason)
    # the reason of a subject of another kind is none
    assert not ask("Why are the bankers selling Dunfirth Dairy?").citations[0].quote.startswith(reason)


def test_a_sentence_saying_every_word_asked_of_every_name_asked_goes_before_those_leaving_one_out(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Norbeck rejects bid": "LONDON, Sept. 6 (Wire) - Norbeck Foods, the London-listed dairy group, on "
            "Monday rejected a hostile bid from Askel Farms, saying it undervalued Norbeck Foods and its "
            "shareholders.\n\nNorbeck Foods' chief executive told shareholders that operating profit would rise "
            "in 2028. Norbeck Foods said its shareholders should take no action.\n\nAskel owns 4.9% of Norbeck "
            "Foods, which it built up over the summer.\n\nShares in Norbeck Foods rose 22% on Monday, as "
            "shareholders bet on a higher offer.\n\nTarnby Investors, Norbeck's largest shareholder with 14.8% of "
            "the shares, said it supported the board's rejection.",
        },
    )
    assert ask("Who is Norbeck Foods' largest shareholder?").short == "Tarnby Investors"


def test_a_denial_answers_what_is_x_s_noun_only_where_it_says_the_noun(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "round": "Dorrin Foods, the delivery app, has raised $300 million in a funding round. \"Dorrin's first "
            'ten cities are already profitable, which is not something most delivery companies can say," said '
            "an investor. Dorrin said it had no plans for a listing before 2029.",
        },
    )
    # "profitable" is near "revenue", but the denial is of something else
    assert ask("What was Dorrin Foods' revenue in 2026?").abstained
    # ...while a denial of a word like the noun says it is not known
    ask = _answering(
        encode,
        {
            "ferries": "Orsk Group has agreed to buy Kerrow Shipping, the Bergen-based ferry operator, for $400 "
            "million. Kerrow, which is privately held, did not disclose its sales.",
        },
    )
    answer = ask("What is Kerrow Shipping's revenue?")
    assert not answer.short and answer.citations[0].quote.endswith("did not disclose its sales.")


def test_which_of_the_nouns_asks_for_one_of_them(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "advisers": "Pellmar Group has agreed to buy Dorval Sensors for £330 million. Malden Bank advised "
            "Dorval Sensors on the sale, and Skarra Bank advised Pellmar Group.",
        },
    )
    # "which of the two banks" asks for a bank, as "which bank" does
    assert ask("Which of the two banks advised Dorval Sensors?").short == "Malden Bank"


def test_an_amount_a_name_says_it_expects_is_its_own(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "results": "Pellmar Group has agreed to buy Dorval Sensors, a maker of radar parts, for £330 million.\n\n"
            "Pellmar said on Tuesday that it expected operating profit of about £121 million this year.",
        },
    )
    # "it" is Pellmar, who says it: no profit of Dorval's
    assert ask("What operating profit does Dorval Sensors expect this year?").abstained
    assert ask("What operating profit does Pellmar Group expect this year?").short == "about £121 million"
    ask = _answering(
        encode,
        {
            "valves": "Harwick Steel has agreed to buy Colmere Alloys for $410 million.\n\nColmere Alloys makes valves "
            "for oil rigs in Ohio. Ann Leary, its chief executive, said it expected revenue of $93 million this year.",
        },
    )
    # ...but a person who says it is no "it"
    assert ask("What revenue does Colmere Alloys expect this year?").short == "$93 million"
    # ...unless the post names the firm "it" is, and a firm said to be one is still the firm
    for said in (
        "Tom Reyes, Pellmar's chief executive, said",
        "Pellmar chief executive Tom Reyes said that",
        "Pellmar Group, the British retailer, said on Monday that",
    ):
        ask = _answering(
            encode,
            {
                "results": "Pellmar Group has agreed to buy Dorval Sensors for £330 million. "
                f"{said} it expected operating profit of about £121 million this year.",
            },
        )
        assert ask("What operating profit does Dorval Sensors expect this year?").abstained, said


def test_another_measure_is_no_answer_however_near_its_noun(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "dairy": "Ostmark Foods has agreed to buy Olvar Dairy for €158 million. Olvar Dairy employs 96 "
            "people and had revenue of €33 million in 2026.\n\nOstmark reported revenue of €615 million and net "
            "profit of €19 million for 2026.",
        },
    )
    # the articles tell revenue from profit, in one sentence: Olvar's revenue is no profit
    assert "€33 million" not in ask("What was Olvar Dairy's profit in 2026?").short
    assert ask("What was Olvar Dairy's revenue in 2026?").short == "€33 million"


def test_a_comparison_says_what_its_numbers_count(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "dairy": "Ostmark Foods has agreed to buy Olvar Dairy for €158 million. Olvar Dairy employs 96 people.",
            "sensors": "Pellmar Group has agreed to buy Dorval Sensors for £330 million. Dorval Sensors has 418 "
            "farm-workers.",
        },
    )
    answer = ask("Which has more employees, Olvar Dairy or Dorval Sensors?")
    assert "96 people" in answer.short and "418 farm-workers" in answer.short
    ask = _answering(
        encode,
        {
            "melrow": "Ostmark Foods has agreed to buy Melrow Retail, which runs a 35-store chain, for €158 million.",
            "dansey": "Pellmar Group has agreed to buy Dansey Shops for £330 million. Dansey Shops runs 52 stores.",
        },
    )
    answer = ask("Which has more stores, Melrow Retail or Dansey Shops?")
    assert "35-store" in answer.short and "52 stores" in answer.short


def test_a_noun_the_sentence_says_again_with_the_is_the_one_asked(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Brennock Ports wins Velsa terminal concession": "Brennock Ports has won a 21-year concession to build "
            "and run the Velsa container terminal, "
            "the port authority said.\n\nUnder the concession, Brennock will pay an upfront fee of $47 million and "
            "a yearly fee of 4.3 billion Argentine pesos (about $0.9 million).",
        },
    )
    # "the concession" is the Velsa terminal's, the one the title tells of; a fee of $47 million is the
    # fee asked; "Argentine" is no party
    assert ask("How much upfront fee will Brennock Ports pay for the Velsa terminal concession?").short == "$47 million"
    ask = _answering(
        encode,
        {
            "Holcroft Rail wins northern line contract": "Holcroft Rail has won the contract to run the northern "
            "line, beating Arvo Trains. Arvo Trains runs the southern line.\n\nThe line carries 40,000 passengers a "
            "day.",
        },
    )
    # ...but not where another of its kind is told of: which line carries them?
    assert not ask("How many passengers does the northern line carry a day?").short


def test_a_numbered_name_after_a_firm_s_name_is_found_alone(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "jets": "Halmby Air has ordered 30 KX-40 jets from Vessra for about $2.45 billion at list prices. Each "
            "KX-40 will have 178 seats, up from 150 on the jets it replaces.",
        },
    )
    answer = ask("Halmby Air KX-40 seats per aircraft")
    assert not answer.abstained and "178 seats" in answer.citations[0].quote
    assert ask("Halmby Air KX-50 seats per aircraft").abstained  # (another model number is not in them)
    ask = _answering(
        encode,
        {
            "plant": "Dunmere Chemicals will close Plant 3 in Ghent. Plant 3 employs 230 people.",
            "warehouse": "Dunlin Freight bought a warehouse in Rotterdam for €14 million.",
        },
    )
    # ...where the article writing it writes the firm's name too, or a word of it
    assert ask("How many people does Dunlin Freight Plant 3 employ?").abstained
    assert ask("How many people does Dunmere Chemicals Plant 3 employ?").short == "230 people"
    ask = _answering(
        encode,
        {
            "plant": "Dunmere will close Plant 3 in Ghent. Plant 3 employs 230 people.",
            "results": "Dunmere Chemicals reported revenue of €83 million.",
        },
    )
    assert ask("How many people does Dunmere Chemicals Plant 3 employ?").short == "230 people"


def test_the_noun_asked_is_looked_for_past_the_sentences_naming_the_firm(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "sale": "Saxby Foods has agreed to buy Kelvo Dairy for €135 million in cash, the companies said in "
            "2026.\n\nKelvo Dairy's largest shareholder, the Torvik family, owns 40% and will receive about €56 "
            "million. Saxby will pay €115 million for Kelvo Dairy's shares and take on €20 million of Kelvo "
            "Dairy's debt. Kelvo Dairy was founded in 1949 and runs two plants. Kelvo Dairy agreed to sell in 2026 "
            "to fund new plants.\n\nKelvo Dairy's chief executive, Ada Brun, said the deal was good. It employs 96 "
            "people and had revenue of €71 million in 2026.",
        },
    )
    assert ask("What was Kelvo Dairy's revenue in 2026?").short == "€71 million"
    # ...of the firm asked, and its own words for it, not the one a sentence's subject may be
    for own in ("The dairy employs 96 people and had", "Its revenue was"):
        ask = _answering(
            encode,
            {
                "sale": "Saxby Foods has agreed to buy Kelvo Dairy for €135 million in cash.\n\nKelvo Dairy was "
                "founded in 1949 and runs two plants in Kelvo Dairy's home region. Kelvo Dairy employs 96 people. "
                f"Kelvo Dairy's chief executive is Ada Brun. {own} revenue of €71 million in 2026.",
            },
        )
        assert ask("What was Kelvo Dairy's revenue in 2026?").short == "€71 million", own
    for buyer in ("The buyer, which is based in Lorsk, reported", "The German group had"):
        ask = _answering(
            encode,
            {
                "sale": "Saxby Foods has agreed to buy Kelvo Dairy for €135 million in cash.\n\nKelvo Dairy was "
                "founded in 1949 and runs two plants in Kelvo Dairy's home region. Kelvo Dairy employs 96 people. "
                "Kelvo "
                f"Dairy's chief executive is Ada Brun.\n\n{buyer} revenue of €880 million in 2026.",
            },
        )
        assert "€880 million" not in ask("What was Kelvo Dairy's revenue in 2026?").short


def test_a_row_whose_label_is_asked_answers_with_its_cell_whatever_its_names_are_typed(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "merger": "Orrin Dairies and Kell Farms have agreed to merge, the boards said on Monday.\n\n| Term | "
            "Detail "
            "|\n|---|---|\n| Merged entity | Tarvane Dairy Co-operative |\n| Registered office | Dunmorrow, Co Fenn |\n"
            "| Chair | Ena Kell |",
        },
    )
    # (the model reads the town as a firm and the county as a person)
    assert ask("Where will Tarvane Dairy Co-operative have its registered office?").short == "Dunmorrow, Co Fenn"
    ask = _answering(
        encode,
        {
            "merger": "Tallow Health and Brisk Care have agreed to an all-share merger, the boards said on Monday.\n\n"
            "| Term | Detail |\n|---|---|\n| Exchange ratio | 0.85 Tallow shares per Brisk share |\n"
            "| Chair | Ena Kell |",
        },
    )
    # (and a number of another type than the one asked: the model reads no ratio)
    answer = ask("What is the Tallow-Brisk merger's exchange ratio?")
    assert answer.short == "0.85 Tallow shares per Brisk share", answer.text
    ask = _answering(
        encode,
        {
            "utility": "# Brenna Water to buy Colm Utilities\n\nBrenna Water agreed to buy Colm Utilities, the "
            "companies said on Monday.\n\n| Item | Detail |\n|---|---|\n| Employees | 4,200 |\n"
            "| Treatment plants | 14 |\n| Offer price | $11 per share |",
        },
    )
    # (but not a count for an amount, where the label is no noun a "what NOUN" asks)
    assert ask("How much does Colm pay its employees?").short != "4,200"
    assert ask("How much did the treatment plants cost?").short != "14"


def test_a_reason_of_the_subject_the_passage_goes_on_with_answers_why(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "jets": "Tarvik Air, the low-cost carrier, has ordered 24 KX-40 jets from Vessra. Tarvik operates 38 "
            "aircraft, 20 of them older RX-9s. The airline is replacing its RX-9 jets because their fuel bills have "
            "doubled since 2022, its chief executive said.\n\nVessra said the order was its largest this year. The "
            "plane maker is building a new plant because demand has grown.",
        },
    )
    # "the airline" goes on from "Tarvik operates ...": its reason, and no denied premise
    answer = ask("Why is Tarvik Air replacing its RX-9 jets?")
    assert not answer.finding and "fuel bills have doubled" in answer.citations[0].quote
    # ...while "the plane maker" goes on from Vessra: no reason of Tarvik's
    assert ask("Why is Tarvik Air building a new plant?").abstained
    # ...nor a noun the sentence before says of another, or after a sentence naming another it may be
    for text, question in (
        (
            "Harwick Steel has agreed to buy Colmere Dairy for $46 million. The dairy is closing its Ohio plant "
            "because milk prices have fallen.",
            "Why is Harwick Steel closing its Ohio plant?",
        ),
        (
            "Vessra has sold 24 KX-40 jets to Tarvik Air. The airline is selling its old RX-9 planes to cut fuel "
            "costs.",
            "Why is Vessra selling its old RX-9 planes?",
        ),
    ):
        answer = _answering(encode, {"deal": text})(question)
        assert answer.abstained, question


def test_which_noun_said_to_be_a_party_asks_for_a_name(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "sale": "Pellmar Group has agreed to buy Dorval Sensors for £330 million. Dorval Sensors' largest "
            "shareholder, the Oslo venture fund Skarra Capital, owns 27% and will receive about £92 million.",
        },
    )
    # "fund" alone is near money, but the fund is said to be a shareholder: a party, not what it gets
    # (and "Oslo", describing the fund, is no other party)
    assert ask("Which venture fund is Dorval Sensors' largest shareholder?").short == "Skarra Capital"


def test_a_sentence_opening_with_a_word_of_another_name_is_about_that_name(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Saxby Foods buys Kelvo Dairy": "Saxby Foods has agreed to buy Kelvo Dairy, a cheese maker, for €135 "
            "million. Saxby reported revenue of €880 million in 2026.",
        },
    )
    # (the model reads the first "Saxby" as no name: it is the buyer's, named just before)
    assert "€880 million" not in ask("What was Kelvo Dairy's revenue in 2026?").short
    assert ask("What was Saxby Foods' revenue in 2026?").short == "€880 million"
    # ...but a first word that is no subject is no name ("Total" of "Total revenue")
    ask = _answering(
        encode,
        {
            "sale": "Saxby Foods has agreed to buy Kelvo Dairy, a cheese maker that supplies Total Foods, for €135 "
            "million. Total revenue at the cheese maker was €71 million in 2026.",
        },
    )
    assert ask("What was Kelvo Dairy's revenue in 2026?").short == "€71 million"


def test_an_amount_called_another_noun_is_no_price(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Saxby Foods buys Kelvo Dairy": "Saxby Foods has agreed to buy Kelvo Dairy, a cheese maker, for €135 "
            "million.\n\nKelvo Dairy was founded in 1949. It employs 96 people and had revenue of €71 million in 2026.",
        },
    )
    # "price" need not be said ("for €135 million" is one), but "revenue of €71 million" is none
    assert "€71 million" not in ask("What is Kelvo's price?").short
    assert ask("What is the price of Kelvo Dairy?").short == "€135 million"


def test_a_year_after_a_name_is_no_part_of_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {"jets": "Halmby Air has ordered 30 KX-40 jets from Vessra. Halmby Air had revenue of $3.3 billion in 2025."},
    )
    # ("Halmby Air 2025" is no numbered name the articles must write, as "Plant 2" is)
    assert ask("What was the Halmby Air 2025 revenue?").short == "$3.3 billion"


def test_an_amount_of_a_whole_and_of_another_noun(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Pellinor Shipping to buy Varnholt Docks": "Pellinor Shipping has agreed to buy Varnholt Docks, a Dutch "
            "terminal operator, for €1.8 billion including debt. The price includes €420 million of Varnholt Docks' "
            "net debt, and Pellinor will pay the equity portion of about €1.38 billion in cash.",
            "Skelby Foods raises £300 million": "Skelby Foods has raised £300 million in a share placing.\n\nSkelby "
            "Foods will use £200 million to repay bonds, spend £60 million refitting stores and pay £25 million into "
            "its staff pension scheme.",
        },
    )
    # "€420 million of its net debt" measures debt, but says no act asked: no short answer
    assert ask("How much net debt does Varnholt Docks bring into the Pellinor deal?").short == ""
    # "how much of the placing proceeds": the sentence giving the part need not say the whole
    asked = "How much of the placing proceeds will Skelby Foods pay into its staff pension scheme?"
    assert ask(asked).short == "£25 million"
    # ...and an amount of another's thing is no side of a comparison of deals
    answer = ask("Which deal is bigger: Pellinor's purchase of Varnholt Docks or Skelby's share placing?")
    assert "€420 million" not in answer.short, answer.text
    ask = _answering(
        encode,
        {
            "Arlo Ports sells notes": "Arlo Ports sold $800 million of senior notes on Tuesday, its first debt "
            "offering since 2020.",
            "Orsk Foods buys Tolvik Dairy": "Orsk Foods agreed to buy Tolvik Dairy for $310 million in cash.",
        },
    )
    # (but "$800 million of senior notes" is the offering itself)
    answer = ask("Which is bigger: Orsk Foods' purchase of Tolvik Dairy or Arlo Ports' debt offering?")
    assert "$800 million" in answer.short and "$310 million" in answer.short, answer.text
    ask = _answering(
        encode,
        {
            "Orsk results": "Orsk Marine said it would repay $200 million of its $900 million of debt this year. "
            "Orsk Marine's Nordic unit generated $140 million of the group's revenue last year.",
        },
    )
    # (the whole is not what is repaid, nor a unit's part the group's)
    assert ask("How much debt will Orsk Marine repay?").short != "$900 million"
    assert ask("How much revenue did Orsk Marine generate last year?").short != "$140 million"


def test_the_noun_a_what_asks_money_of_must_be_said(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Corrabin Air orders 30 Fellwick jets": "Corrabin Air has ordered 30 Fellwick F-90 jets with a list value "
            "of about $3.1 billion. Corrabin did not disclose the discount it received; analysts said airlines "
            "placing orders of this size usually pay about half of the list price.",
        },
    )
    # "a list value of $3.1 billion" is no discount: the sentence saying the discount is not known is
    answer = ask("What discount did Corrabin Air get on the list price of its Fellwick jets?")
    assert not answer.short and "did not disclose the discount" in answer.citations[0].quote, answer.text


def test_the_doer_asked_is_not_what_is_done_to(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brakstad Lines to buy Tolvik Terminals": "KALDVIK, April 14 (Wire) - Brakstad Lines, the Tromsvik-based "
            "container shipping line, has agreed to buy Danish port operator Tolvik Terminals for NOK 2.35 billion "
            "including debt, the companies said on Wednesday.",
        },
    )
    assert ask("Who has agreed to buy a port operator?").short == "Brakstad Lines"


def test_a_count_of_another_noun_the_question_names_is_no_answer(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brenhall Lines charters ships": "TARNBY, May 4 (Wire) - Italian crate shipping line Brenhall Lines has "
            "agreed to charter six new crate ships from Norwegian shipowner Tarnby Shipping for ten years each, in a "
            "deal worth about $700 million in charter hire over its life, the two companies said on Monday.\n\n"
            "Brenhall, based in Kelby, operates a fleet of 51 crate ships, about 40% of which it charters.",
        },
    )
    # "six new crate ships" counts the ships, which the question names apart from the crates
    answer = ask("How many crates can each of the ships Brenhall Lines is chartering from Tarnby Shipping carry?")
    assert "six" not in answer.short, answer.text
    assert ask("How many crate ships is Brenhall Lines chartering?").short == "six new crate ships"


def test_a_comparison_takes_the_count_in_the_clause_of_the_verb_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Merrin Clinics sale": "A rival investor looked at Merrin Clinics the week before the buyers made their "
            "first offer but did not bid, two people familiar with the process said. Founded in 1991, Merrin "
            "Clinics runs 31 hospitals. It employs 4,300 people, including some 900 doctors, and had revenue of "
            "€610 million in 2026.",
            "Dovecot Freight": "Dovecot Freight is the country's third-largest haulier by fleet size, according to "
            "an industry database, and employs about 2,100 people at its depots.",
        },
    )
    # "two people familiar with the process" is as near to "people", but employed by no one
    answer = ask("Which employs more people: Merrin Clinics or Dovecot Freight?")
    assert "4,300 people" in answer.short and "two" not in answer.short, answer.text
    ask = _answering(
        encode,
        {
            "Brisco and Pressley": "Brisco Foods, which has 2,800 employees, is weighing a bid for Pressley Bakeries, "
            "three people with knowledge of the matter said. Pressley employs 1,900 people.",
        },
    )
    # (nor are those who tell the news counted, however near: they are the subject of its "said")
    assert "three" not in ask("Which employs more people: Brisco or Pressley?").short


def test_a_role_is_given_by_its_own_words_and_by_a_title_before_the_name(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    transfer = (
        "Brenhall Mutual Group, the Kelby-based general insurer, has agreed to transfer £900 million of old claims "
        "reserves to {to}."
    )
    release = (
        "But the transfer will release about £230 million of capital, lifting the group's solvency ratio from 171% "
        "to an estimated 184%, chief financial officer Shona Garioch said on a call with analysts. About 90 "
        "Brenhall staff will move to Orvik Re, which will keep the Tarnby office open."
    )
    ask = _answering(
        encode,
        {
            "Brenhall transfers reserves": transfer.format(
                to="the run-off specialist Orvik Re, the companies said on Wednesday"
            )
            + "\n\nBrenhall will book a one-off loss of about £45 million on the deal in its 2027 accounts. "
            + release,
        },
    )
    # the title right before the name gives it, wherever the parse hangs it in a long sentence
    assert ask("Who is Brenhall Mutual Group's chief financial officer?").short == "Shona Garioch"
    # "office" is no officer: nothing names one of Orvik Re
    assert ask("Who is the chief financial officer of Orvik Re?").abstained
    ask = _answering(
        encode,
        {
            "Pellam rail deal": "Pellam Rail will buy 40 trains from Kessing for $1.3 billion. Kessing will build "
            "the trains at its plant in Kelby, Kessing chief operating officer Jana Brisk said.",
        },
    )
    # ...unless a name stands right before it
    assert ask("Who is Kessing's chief operating officer?").short == "Jana Brisk"
    ask = _answering(
        encode,
        {
            "Pellam to buy Kessing": "Pellam Rail has agreed to buy the train maker Kessing for $900 million. "
            "Kessing's own board, led by chair Ada Lunde, now backs the offer.",
        },
    )
    # ...or owns the noun a phrase holding the name modifies: she chairs Kessing's board, not Pellam's
    assert ask("Who is the chair of Kessing?").short == "Ada Lunde"
    assert ask("Who is the chair of Pellam Rail?").short != "Ada Lunde"


def test_a_table_row_answers_only_of_an_article_that_says_the_capitalised_words_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tarnby Board sells forest to Dovecot Pension": "Tarnby Board has agreed to sell 14,000 hectares of "
            "forest land in Kelby to Dovecot Pension for €1.18 billion, the two sides said on Wednesday.\n\n"
            "| Term | Detail |\n|---|---|\n| Price | €1.18 billion |\n| Land | 14,000 hectares in Kelby |\n"
            "| Set-aside | 1,200 hectares to become permanent protected forest |\n| Completion | 30 September 2027 |",
            "Merrin Foods buys Tarnvale Cocoa": "Merrin Foods has agreed to buy Tarnvale Cocoa, a cocoa grinder, for "
            "CHF 385 million including debt, the company said on Tuesday.",
        },
    )
    # "| Price | ... |" is the forest's price: its article never names Tarnvale
    assert ask("Tarnvale acquisition price").short != "€1.18 billion"
    # ...and "| Land | ... |" is the whole a part is asked of, not the part: a row that names no one
    # is about its article's parties, and "sold" says which land, not what is asked
    answer = ask("How many hectares of the land sold to Dovecot Pension will become permanently protected forest?")
    assert answer.short == "1,200 hectares", answer.text


def test_a_noun_said_without_the_ordinal_asked_is_another_of_its_kind(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Dovecot raises its bid": "Dovecot Mining raised its hostile offer for Merrin Copper on Monday. The new "
            "cash offer values Merrin at about £2.15 billion and represents a 51% premium to Merrin's undisturbed "
            "share price. Dovecot's first proposal, which the Merrin board rejected last month, had been pitched at "
            "a 31% premium, Dovecot said in a statement.",
        },
    )
    assert ask("What premium did Dovecot's first offer for Merrin represent?").short == "31%"
    assert ask("What premium does Dovecot's new offer for Merrin represent?").short == "51%"
    ask = _answering(
        encode,
        {
            "Grisholm raises its bid": "Grisholm Mining raised its hostile offer for Vellam Zinc on Monday. Grisholm's "
            "initial offer, which the Vellam board rejected last month, had represented a 25% premium, Grisholm said.",
        },
    )
    # (an article that never says "first" may call the first one "initial")
    assert ask("What premium did Grisholm's first offer for Vellam represent?").short == "25%"


def test_the_deal_said_in_the_role_of_the_takeover_asked_is_that_takeover(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Telvik to buy Dunfeld for €900 million": "Telvik Group agreed on Monday to buy Dunfeld Coatings in a "
            "deal worth €900 million, the companies said. Dunfeld makes marine paints and employs 1,400 people. "
            "Telvik expects to complete the deal in Q3 2027, once competition regulators in Brussels approve "
            "it. The offer has the backing of Dunfeld's founding family.",
        },
    )
    # ("complete the deal", the one a sentence naming both parties says, completes the takeover asked)
    answer = ask("When does Telvik expect to complete its takeover of Dunfeld?")
    assert answer.short == "Q3 2027", answer.text
    ask = _answering(
        encode,
        {
            "Telvik to buy Dunfeld for €900 million": "Telvik Group agreed on Monday to buy Dunfeld Coatings for "
            "€900 million in cash, the companies said. Dunfeld makes marine paints and employs 1,400 people at a "
            "new plant in Gdansk. Telvik expects to complete the plant in 2029, it said.",
        },
    )
    # ...but not a thing the article brings in apart from the deal ("a new plant")
    assert ask("When does Telvik expect to complete its takeover of Dunfeld?").short != "2029"
    ask = _answering(
        encode,
        {
            "Qorvenn to buy Lathbrook for $1.2 billion": "Qorvenn Industries agreed on Tuesday to buy Lathbrook "
            "Tools for $1.2 billion in cash. The takeover of Lathbrook is due to complete in the second half of "
            "2026. Separately, Qorvenn agreed to sell its packaging unit to Ostrelle Capital for $300 million. "
            "Qorvenn expects to complete the sale in the first quarter of 2026.",
        },
    )
    # ...nor another transaction of the article ("the sale" of its unit, "a deal worth ..." with another)
    answer = ask("When does Qorvenn expect to complete its takeover of Lathbrook?")
    assert answer.short != "the first quarter of 2026", answer.text
    ask = _answering(
        encode,
        {
            "Qorvenn to buy Lathbrook for $1.2 billion": "Qorvenn Industries agreed on Tuesday to buy Lathbrook "
            "Tools in a deal worth $1.2 billion. Lathbrook makes hand tools and employs 2,100 people. To help pay "
            "for Lathbrook, Qorvenn also agreed to sell its packaging unit to Ostrelle Capital in a deal worth "
            "$300 million. Qorvenn expects to complete the deal in the first quarter of 2026.",
            "Telvik to buy Dunfeld": "Telvik Group agreed on Monday to buy Dunfeld Coatings in a deal worth €900 "
            "million. Dunfeld's board approved the deal on May 2. Dunfeld shareholders will vote on it in June.",
        },
    )
    assert ask("When does Qorvenn expect to complete its takeover of Lathbrook?").short != "the first quarter of 2026"
    # ...nor an act of someone the question does not name (the board's, for the shareholders' approval)
    assert ask("When did shareholders approve Telvik's acquisition of Dunfeld?").short != "May 2"
    ask = _answering(
        encode,
        {
            "Ostmark Energi signs ten-year supply deal with Halden Steel": "Ostmark Energi, a Norwegian "
            "hydropower producer, has signed a ten-year supply agreement with smelter Halden Steel, the two said "
            "on Friday.\n\nThe smelter's new furnace is being built by Varga Construction, which won the contract "
            "in May. Shipments under the agreement start on 1 March 2028.",
        },
    )
    # ("under the agreement" in the passage of another party is under the parties' agreement asked)
    answer = ask("On what date do shipments under the Ostmark-Halden supply agreement start?")
    assert answer.short == "1 March 2028", answer.text


def test_the_company_in_what_a_firm_s_executive_says_is_that_firm(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    def lead(
        said_by: str, said: str = "the company decided to lease them so that it could save its credit lines"
    ) -> str:
        ask = _answering(
            encode,
            {
                "Kessby Freight to lease 200 wagons from Dravik Rail": "Kessby Freight will lease 200 grain wagons "
                "from Dravik Rail for 12 years, the companies said on Monday. The wagons will be delivered from "
                "March 2027. The lease is worth about €90 million over its term. "
                f"{said_by}'s chief executive, Ana Lund, said {said} for 30 new locomotives. Dravik shares rose 3%.",
            },
        )
        return ask("Why is Kessby Freight leasing the wagons rather than buying them?").text

    # ("the company" of what Kessby's chief executive says is Kessby: the reason leads)
    assert lead("Kessby").startswith("Kessby's chief executive"), lead("Kessby")
    # ...not what Dravik's says of its own company, nor a role another party plays ("the lessor")
    assert not lead("Dravik").startswith("Dravik's chief executive")
    lessor = lead("Kessby", "the lessor chose to lease the wagons rather than sell them to keep its income")
    assert not lessor.startswith("Kessby's chief executive"), lessor


def test_a_place_in_a_clause_of_another_act_is_not_where_a_firm_is(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    def ask(lender: str) -> Draft:
        return _answering(
            encode,
            {
                "Tollan Dairy buys Brisk Farms": "Tollan Dairy will take over the cheese maker Brisk Farms for "
                "€310 million, it said on Monday. Tollan will pay with a €200 million loan arranged by Varnek "
                f"Lending{lender} The loan runs for five years and will be repaid from cheese sales in Poland. "
                "Brisk Farms has 900 staff.",
            },
        )("Where is Varnek Lending based?")

    # (the sentence after the lender's goes on about the loan: where it is repaid from is no
    # place of the lender's, whatever the sentence before says of it)
    assert ask(", a lender based in Lyon.").short != "Poland"
    # ...but a sentence that goes on about the lender and says the verb asked gives its place
    assert ask(". It is based in Munich.").short == "Munich"


def test_what_a_thing_will_be_called_is_the_name_a_verb_gives_it(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    def ask(named: str, question: str = "What will the merged Harlow and Brenton company be called?") -> Draft:
        return _answering(
            encode,
            {
                "Harlow Mills and Brenton Flour agree to merge": "Harlow Mills and Brenton Flour will merge through "
                "a share swap, the two millers said on Tuesday. Harlow investors will hold 55% of the merged "
                f"business and Brenton investors the rest. {named} Its head office will be in Bristol, and it will "
                "run 14 mills. Brenton was advised by Quayle Partners.",
            },
        )(question)

    assert ask("The merged company will be called Ostmark Grain.").short == "Ostmark Grain"
    assert ask("The venture, named Ostmark Grain, will start in May.", "What is the venture called?").short == (
        "Ostmark Grain"
    )
    # (a name no verb gives the thing is no name of it: a party, an adviser; nor one given to a
    # thing brought in apart, "a company called X")
    assert not ask("The deal was agreed after talks with Quayle Partners.").short
    assert ask("The offer is made through a newly formed company, called Saxon Bidco.").short != "Saxon Bidco"


def test_what_two_parties_create_together_is_neither_party_s_own(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Harlow Mills and Brenton Flour agree to merge": "Harlow Mills and Brenton Flour will merge in a share "
            "swap, creating Britain's biggest flour miller with 14 mills and annual revenue of about £900 million, "
            "the two said on Tuesday. Brenton, set up in 1921 and quoted in London since 1990, has four mills in "
            "Yorkshire. The deal values Brenton at £310 million.",
        },
    )
    # (the revenue of the group the two create is not one party's own)
    assert not ask("What was Brenton Flour's own annual revenue?").short
    # ...but it is the merged group's, and what the party alone has is its own (though a subject of
    # its own joins two acts, "set up ... and quoted in London")
    assert ask("What annual revenue will the merged miller have?").short == "about £900 million"
    assert ask("How many mills does Brenton Flour have on its own?").short == "four mills"


def test_an_acronym_asked_is_the_role_its_words_spell(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Kessby Steel sells wire unit to Ardane Metals": "Kessby Steel will sell its wire unit to Ardane "
            "Metals for €120 million, it said on Monday. Kessby acquired the unit in 2015 from a Swedish investor "
            "and put it up for sale last spring, according to the Harbour Ledger. The board backed the sale on "
            "Tuesday, chief financial officer Lena Brisk said during a results call. The unit has 400 staff.",
        },
    )
    # ("the CFO of X" asks for the role, which "chief financial officer" spells out, of X's alone)
    assert ask("Who is the CFO of Kessby Steel?").short == "Lena Brisk"
    assert not ask("Who is the CFO of Ardane Metals?").short
    assert not ask("Who is Ardane Metals' chief financial officer?").short


def test_a_place_where_an_act_is_done_is_no_other_party(encode: Callable[[list[str]], np.ndarray]) -> None:
    def ask(then: str) -> Draft:
        return _answering(
            encode,
            {
                "Castlereach to buy Kelbrook Bakeries": "Castlereach Partners will pay £640 million for Kelbrook "
                "Bakeries, it said on Monday. Kelbrook, set up in York in 1968, has 390 shops in England and "
                f"Wales. It employs 5,200 people {then}. Castlereach manages £9 billion.",
            },
        )("How many people does Kelbrook Bakeries employ?")

    # ("in Wakefield, Hexham and Motherwell", where it bakes, names no one else "it" may be, whatever
    # type the model gives a town listed with one)
    assert ask("and bakes nearly all it sells at four plants, in Wakefield, Hexham and Motherwell").short == (
        "5,200 people"
    )
    # ...while a firm its clause names may be what "it" stands for
    assert not ask("and bakes most of the bread Harwell Foods sells").short


def test_a_part_of_a_named_firm_is_a_share(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tarsk Mills leases Brenton Flour's depot": "Tarsk Mills has agreed to lease a depot in Leeds from "
            "Brenton Flour for 15 years, the companies said on Tuesday. Brenton's largest outside shareholder, "
            "Oskvik Ventures, holds a 30% stake. Brenton took in £12 million in a funding round in 2024.",
        },
    )
    answer = ask("How much of Brenton does Oskvik Ventures own?")
    assert answer.short in ("", "30%") and "holds a 30% stake" in answer.citations[0].quote, answer.text


def test_the_words_of_the_question_word_are_no_topic_the_articles_must_know(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tarsk Mills buys Brenton Flour": "Tarsk Mills has agreed to buy Brenton Flour for £310 million, the "
            "companies said on Tuesday. Tarsk Mills employs about 2,300 people at 14 mills in England.",
        },
    )
    # ("big" of "how big" asks; only "workforce" is a word the articles do not use)
    answer = ask("How big is Tarsk's workforce?")
    assert not answer.abstained and "about 2,300 people" in answer.citations[0].quote, answer.text


def test_the_agent_named_in_apposition_does_the_act(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Kelmor sells and leases back 22 supermarkets": "GALWAY, May 3 (Newswire) - Kelmor Stores will sell "
            "22 supermarkets to Orlan Property Partners for €300 million and rent them back under a 20-year lease, "
            "it said on Thursday.\n\nKelmor has been controlled since 2018 by its largest shareholder, the buyout "
            "firm Brannagh Capital. Kelmor runs 140 shops.",
        },
    )
    assert ask("Who controls Kelmor Stores?").short == "Brannagh Capital"


def test_a_holder_asked_by_size_holds_that_size(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Brenton Flour raises its offer for Kelmor Mills": "Brenton Flour raised its offer for Kelmor Mills "
            "to 410 pence a share on Monday. Brennick Partners owns 12% of Kelmor. Orlan Asset Management holds 7.5 "
            "per cent of the company.",
        },
    )
    # (no one the articles name holds 25%)
    assert ask("Who owns 25% of Kelmor Mills?").short != "Brennick Partners"
    assert ask("Who owns 12% of Kelmor Mills?").short == "Brennick Partners"
    # (however the share is written)
    assert ask("Who holds 7.5% of Kelmor Mills?").short == "Orlan Asset Management"


def test_a_name_where_an_act_is_done_does_not_do_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Halbrook and Venmoor cleared to merge": "The merger of care-home groups Halbrook Care and Venmoor "
            "Homes was cleared by the regulator on Monday. Both groups have to sell the Venmoor home in Hollings "
            "and the Halbrook homes in Marston and Tilbury, to a purchaser the regulator accepts.",
        },
    )
    # (the model may take a town for a firm; it is where a home is, not who buys them)
    answer = ask("Which company is going to buy the homes that Halbrook and Venmoor have to sell?")
    assert not answer.short, answer.text
    ask = _answering(
        encode,
        {
            "Halbrook sells its clinics": "Halbrook Care will sell its clinics to Venmoor Homes for £40 million. "
            "Bankers at Orwin Bank advised Halbrook on the sale, while Kessel Partners advised Venmoor.",
        },
    )
    # (a name after "at" on the subject is who does the act)
    assert ask("Who advised Halbrook Care on the sale?").short == "Orwin Bank"


def test_what_sells_itself_is_the_seller(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Merrow Press sells itself to Dunhallow Media": "LEEDS, England, March 4 (Wirepress) - Merrow Press, "
            "the family-owned printer of 9 regional titles, has decided to sell itself to Dunhallow Media, a larger "
            "publisher, for £64 million, the pair said on Wednesday. Dunhallow could add as much as £7m more "
            "if Merrow's online readership doubles by 2029.",
        },
    )
    assert ask("How much is Dunhallow Media paying for Merrow Press?").short == "£64 million"


def test_a_premise_with_the_parties_the_wrong_way_round_is_refused(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Torvane Bio licenses KL-12 from Kessick Labs": "Torvane Bio will pay Kessick Labs $60 million at signing "
            "for the European rights to the experimental drug KL-12, the two firms said on Monday. Kessick "
            "Labs, based in Leiden, employs 80 people.",
        },
    )
    answer = ask("How much did Kessick Labs pay Torvane Bio for the rights to KL-12?")
    assert answer.abstained and answer.finding == "false premise", answer.text
    assert "Torvane Bio will pay Kessick Labs" in answer.citations[0].quote
    # (their way round, the amount is the answer)
    assert ask("How much will Torvane Bio pay Kessick Labs for the rights to KL-12?").short == "$60 million"
    ask = _answering(
        encode,
        {
            "Kessick Labs hosts Torvane's data": "Kessick Labs will charge Torvane Bio a monthly fee to host its "
            "trial data, on terms the companies did not disclose. Kessick Labs will be paid royalties by Torvane "
            "Bio on European sales of KL-12. In 2023 Kessick Labs paid Torvane Bio $3 million to settle a patent "
            "dispute.",
        },
    )
    # (a verb of the other side, "charge", and a passive say the premise their way round)
    for question in (
        "How much will Torvane Bio pay Kessick Labs?",
        "How much will Torvane Bio pay Kessick Labs each month?",
    ):
        assert ask(question).finding != "false premise", question
    ask = _answering(
        encode,
        {
            "Dravmoor to buy Pelling Tools": "Dravmoor Group has agreed to acquire Pelling Tools for $1.2 billion. "
            "Pelling Tools would have to pay Dravmoor Group a $40 million break-up fee if it backed another "
            "bidder, and Pelling Tools investors will get $31 a share.",
        },
    )
    # (another verb says it their way round; a break fee the other way is no contrary premise)
    for question in (
        "How much will Dravmoor Group pay Pelling Tools?",
        "How much will Dravmoor pay Pelling Tools investors?",
    ):
        assert ask(question).finding != "false premise", question


def test_a_rare_plural_after_how_many_is_the_noun_counted(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Pelmora Leisure buys Ostrava Aquaria": "Pelmora Leisure agreed to buy Ostrava Aquaria on Friday. "
            "After the sale, Pelmora Leisure will run 41 hotels and 9 crematoria in Austria.",
        },
    )
    # (the parse may tag the plural an adjective: it is still what is counted, not the hotels)
    assert ask("How many crematoria will Pelmora Leisure run?").short == "9 crematoria"
    assert ask("How many hotels will Pelmora Leisure run?").short == "41 hotels"
    ask = _answering(
        encode,
        {"Orsk Care grows": "Orsk Care employs 300 people. It will hire 120 more nurses next year."},
    )
    # (a comparative is no noun counted: "how many more" asks the count the sentence gives)
    assert ask("How many more will Orsk Care hire?").short == "120 more nurses"


def test_a_sentence_with_no_value_of_the_type_asked_takes_no_place_among_the_leading_ones(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Varnley Kilns raises €80 million": "Varnley Kilns, the Graz-based maker of electric pottery kilns, has "
            "raised €80 million from Talberg Capital, the company said on Thursday. Varnley Kilns sells its electric "
            "kilns to schools and hobby potters. Talberg Capital said the kilns sold by Varnley Kilns were the "
            "quietest electric kilns on the market. Varnley Kilns makes all of its electric kilns at a plant in "
            "Linz. Rosa Edlinger founded Varnley Kilns to sell electric kilns to potters. It sold about 4,200 kilns "
            "in 2031, against 2,900 a year earlier, with revenue of €31 million, most of it earned in Germany, "
            "Switzerland and northern Italy.",
        },
    )
    # (sentences that say the kilns but count none come first; the one that counts them answers)
    assert ask("How many electric kilns did Varnley Kilns sell in 2031?").short == "about 4,200 kilns"


def test_a_sentence_that_says_there_is_none_of_the_thing_asked_refuses_the_premise(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Orvik Foods and Hallam Dairy merge": "Orvik Foods will merge with Hallam Dairy in a share swap, the two "
            "firms said on Monday. Orvik Foods will give Hallam Dairy's owner, Brenn Partners, 12 million new "
            "shares, and no cash is being paid. The size of the termination fee was never given.",
        },
    )
    answer = ask("How much cash is Orvik Foods paying Brenn Partners for Hallam Dairy?")
    assert answer.abstained and answer.finding == "false premise", answer.text
    assert "no cash is being paid" in answer.citations[0].quote
    # (a value withheld is not denied: the sentence that says so is the answer)
    answer = ask("How large is the Orvik Foods termination fee?")
    assert answer.finding != "false premise" and "was never given" in answer.citations[0].quote, answer.text
    ask = _answering(
        encode,
        {
            "Orvik Foods cuts": "Orvik Foods will cut 140 jobs at its Hull plant after the merger, but no jobs will "
            "go at its head office in York, the company said.",
        },
    )
    # (the noun said of what is asked too: the "no" is of another thing)
    assert ask("How many jobs will Orvik Foods cut at its Hull plant?").finding != "false premise"


def test_a_bare_title_after_a_sentence_naming_only_a_place_is_the_passage_subject_s(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Talvik Foods buys Orme Bakeries": "Talvik Foods agreed to buy Orme Bakeries for $200 million on Monday, "
            "to add bread to its frozen meals. Talvik Foods will build a new bakery to serve the north. The new "
            "bakery will be built in Bergen. Chief financial officer Maria Olsen said cash and new debt would fund the "
            "purchase.",
        },
    )
    # (a place is no party: the title is of the firm the passage is about, not of the one it buys)
    assert ask("Who is the chief financial officer of Talvik Foods?").short == "Maria Olsen"
    assert ask("Who is the chief financial officer of Orme Bakeries?").short != "Maria Olsen"
    ask = _answering(
        encode,
        {
            "Talvik Foods buys Orme Bakeries": "Talvik Foods agreed to buy Orme Bakeries for $200 million on Monday. "
            "Orme Bakeries had planned to build a new bakery next year. The bakery will be built in Bergen. Chief "
            "financial officer Maria Olsen said building would start in May.",
        },
    )
    # (after a sentence about the other party, whose the title is cannot be told)
    for question in (
        "Who is the chief financial officer of Talvik Foods?",
        "Who is the chief financial officer of Orme Bakeries?",
    ):
        assert ask(question).short != "Maria Olsen", question


def test_a_value_said_not_to_be_disclosed_needs_only_the_words_of_the_noun_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brenvold orders tankers": "Brenvold Shipping has ordered six tankers from Orsk Yards, to be delivered "
            "from 2029, the shipowner said on Monday. The contract also gives Brenvold Shipping options on two more "
            "tankers. The price of the two optional tankers was not disclosed.",
            "Kessa Bio licenses KB-12": "Kessa Bio will pay Tarn Labs $40 million at signing for KB-12's "
            "European rights, the two firms said on Tuesday. Tarn Labs will also receive royalties on sales of "
            "KB-12. Precise royalty levels were never given.",
        },
    )
    # (not the words of the act the noun is in, nor the noun a name owns: "Brenvold Shipping's contract")
    answer = ask("What is the price of the two optional tankers in Brenvold Shipping's contract with Orsk Yards?")
    assert "two optional tankers was not disclosed" in answer.citations[0].quote, answer.text
    answer = ask("What are the precise royalty levels Kessa Bio will pay Tarn Labs on KB-12 sales?")
    assert answer.citations[0].quote == "Precise royalty levels were never given.", answer.text
    ask = _answering(
        encode,
        {"Kessa Bio results": "Kessa Bio had revenue of $210 million last year. Its net profit was not disclosed."},
    )
    # (the noun asked keeps its own words, though a name owns it: net profit is no operating profit)
    answer = ask("What was Kessa Bio's operating profit?")
    assert not answer.citations or "net profit" not in answer.citations[0].quote, answer.text


def test_terms_said_not_to_be_disclosed_answer_what_the_terms_are(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Orvik Foods signs grain deal": "Orvik Foods has signed a ten-year grain-supply agreement with Tarn "
            "Mills, the two firms said on Monday. Tarn Mills will deliver about 90,000 tonnes of wheat a year to "
            "Orvik Foods' bakeries. The price per tonne was never given by the two firms. Terms of the "
            "grain-supply agreement were never given.",
            "Orvik Foods bids for Tarn Mills": "Orvik Foods has made an offer for Tarn Mills, the miller said on "
            "Monday. Orvik Foods chief executive Lena Berg said she was not surprised by rival interest, and that "
            "the offer for Tarn Mills was final. Orvik Foods is offering 120 pence in cash for each share, which "
            "values Tarn Mills at £310 million.",
        },
    )
    # (the words of the agreement a name owns need not be said again)
    answer = ask("What are the terms of Orvik Foods' grain-supply agreement with Tarn Mills?")
    assert answer.citations[0].quote == "Terms of the grain-supply agreement were never given.", answer.text
    answer = ask("What is the price per tonne in Orvik Foods' grain-supply agreement with Tarn Mills?")
    assert answer.citations[0].quote == "The price per tonne was never given by the two firms.", answer.text
    # (what is denied must be the noun asked: "was not surprised" beside "the offer" is no denial of it)
    answer = ask("What is the offer from Orvik Foods for Tarn Mills?")
    assert "not surprised" not in answer.citations[0].quote, answer.text
    ask = _answering(
        encode,
        {
            "Orvik Foods buys Hallam Dairy": "Orvik Foods agreed to buy Hallam Dairy for $80 million, the firms said "
            "on Friday. Hallam Dairy shareholders will get $50 million in cash and 2 million new Orvik Foods shares. "
            "Orvik Foods bought Pennock Creamery in 2021. Terms of that deal were never given.",
        },
    )
    # ("that deal" is the one of the sentence before, about another firm)
    answer = ask("What are the terms of Orvik Foods' deal for Hallam Dairy?")
    assert "Terms of that deal" not in answer.citations[0].quote, answer.text


def test_a_why_premise_denied_through_the_verb_it_completes_is_refused(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Harlow Foods buys Tarn Mills": "Harlow Foods has agreed to buy Tarn Mills, the Leeds flour miller, for "
            "$90 million, the two firms said on Monday. Harlow Foods is buying Tarn Mills to secure flour for its "
            "bakeries. Harlow Foods will pay with cash on hand and has no plan to issue any shares. Harlow Foods "
            "will not rename Tarn Mills or move any milling out of Leeds.",
        },
    )
    # ("no plan to issue", "will not rename ... or move": the act asked is denied; not the
    # act it is done for, "to pay for", nor a word of a name, "Mills")
    for question, denial in (
        ("Why is Harlow Foods issuing shares to fund its purchase of Tarn Mills?", "no plan to issue any shares"),
        ("Why is Harlow Foods moving Tarn Mills' milling out of Leeds?", "move any milling out of Leeds"),
    ):
        answer = ask(question)
        assert answer.abstained and answer.finding == "false premise", answer.text
        assert denial in answer.citations[0].quote, answer.text
    answer = ask("Why is Harlow Foods buying Tarn Mills?")
    assert answer.finding != "false premise" and "to secure flour" in answer.citations[0].quote, answer.text
    ask = _answering(
        encode,
        {
            "Harlow Foods sells a bakery": "Harlow Foods agreed to sell its Hull bakery to Pike Capital for $40 "
            "million, and will not sell its other bakeries.",
        },
    )
    # (a sentence that states the act asked and denies another of its kind holds the premise)
    assert ask("Why is Harlow Foods selling its Hull bakery?").finding != "false premise"


def test_an_amount_paid_for_another_name_is_not_the_price_asked(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Brisco Leather to buy Holvik Tannery": "Brisco Leather agreed to buy Holvik Tannery, the companies said "
            "on Tuesday. Brisco Leather said buying Holvik Tannery would double its output. Brisco Leather will pay "
            "for Holvik Tannery with cash and debt. The price Brisco Leather is paying for Holvik Tannery was not "
            "disclosed. Brisco Leather paid $35 million for Holvik Tannery's smaller rival Orme Hides in 2020.",
        },
    )
    # (what the "for" governs is another name: "Holvik Tannery's" only says whose rival it is)
    assert ask("How much is Brisco Leather paying for Holvik Tannery?").short != "$35 million"
    assert ask("How much did Brisco Leather pay for Orme Hides?").short == "$35 million"


def test_a_bare_number_the_model_took_for_money_counts_the_noun_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Lunde Optik merges with Varde Visio": "Lunde Optik and Varde Visio will combine in a share swap, the "
            "two firms announced on Monday. Varde Visio, a firm from Aalborg, turns out about 2.6 "
            "billion soft and rigid contact lenses every year at factories in Latvia and Chile.",
        },
    )
    # (the model reads "about 2.6 billion" as money; it counts the lenses asked, with the words
    # joined by "and" that say which)
    answer = ask("How many contact lenses are turned out by Varde Visio every year?")
    assert answer.short == "about 2.6 billion soft and rigid contact lenses", answer.text
    assert ask("How much is Lunde Optik paying for Varde Visio?").short == ""


def test_it_in_the_values_clause_stands_for_the_sentences_subject(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Tessaly Telecom sells its fibre network": "Tessaly Telecom agreed to sell its fibre network to Orwen "
            "Infrastructure for $2.1 billion, the firms said on Tuesday. The sale still needs clearance in nine "
            "countries, and the two groups expect it to close during the second half of 2029.",
        },
    )
    # ("it" is the sale, the sentence's subject: when the sale closes)
    assert ask("When is the Tessaly network sale expected to close?").short == "the second half of 2029"
    ask = _answering(
        encode,
        {
            "Orsk Shipping and Tilde Marine agree merger": "Orsk Shipping agreed to merge with Tilde Marine in an "
            "all-share deal, the companies said on Thursday. The merger creates the largest ferry operator in the "
            "Baltic, and Orsk said it would shut its Tallinn depot in May 2027.",
            "Kerrow Foods to buy Maddox Bakeries": "Kerrow Foods agreed to buy Maddox Bakeries, the companies said "
            "on Tuesday. The deal must be cleared by the Food Standards Board, which said it would rule by "
            "June 2026.",
        },
    )
    # ...not where a verb it is said under has another subject it may stand for ("Orsk said it
    # would close"), nor in a relative clause ("the Board, which said it expects to decide")
    assert ask("When will the Orsk-Tilde merger close?").short != "May 2027"
    assert ask("When is the Kerrow deal expected to be completed?").short != "June 2026"


def test_a_place_or_nationality_describing_a_noun_is_no_other_party(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Kelto Foods gets new owners": "Marten Ashby has bought control of Kelto Foods, the Leeds snack maker. "
            "He holds 55% of Kelto Foods. Boston private equity firm Harrowgate Partners holds 30%, and Swedish "
            "investor Lars Ekberg holds the remaining 15%.",
        },
    )
    # ("Boston" and "Swedish" say what the firm and the investor are, not whose stake it is)
    assert ask("What percentage of Kelto Foods does Harrowgate Partners hold?").short == "30%"
    ask_others = _answering(
        encode,
        {
            "Holm Industrial exits Latin America": "Holm Industrial is selling its Latin American businesses, the "
            "company said on Wednesday. It sold its Brazil unit last year for $300 million. Holm has not said how "
            "much it expects for its Mexico unit, which employs 2,000 people.",
            "Orsk Energy to build Vestby wind farm": "Orsk Energy will build the Vestby wind farm in Norwegian "
            "waters, the company said on Friday. A Danish state fund will hold a 30% stake in the project and will "
            "invest 2.1 billion kroner.",
        },
    )
    ask_seller = _answering(
        encode,
        {
            "Brisk Capital buys into Tarn Rovers": "Brisk Capital has agreed to buy a 30% stake in Tarn Rovers, the "
            "football club said on Monday. The stake is being sold by Nils Haug, the Danish shipping investor who "
            "bought Tarn Rovers in 2016 and will keep a controlling stake.",
        },
    )
    # (nor a nationality in apposition to a name: "Nils Haug, the Danish shipping investor")
    assert ask_seller("Who is selling the Tarn Rovers stake to Brisk Capital?").short == "Nils Haug"
    # (a place that says which thing, "its Brazil unit", or a nationality of a party that is no
    # name, "a Danish state fund", still tells of another)
    assert ask_others("How much is Holm selling its Mexico unit for?").short != "$300 million"
    assert ask_others("How much will Orsk Energy invest in the Vestby wind farm?").short != "2.1 billion kroner"
    # ("He" goes on about Ashby, the subject of the sentence before: not Ekberg's stake)
    assert ask("What percentage of Kelto Foods does Lars Ekberg hold?").short != "55%"
    assert ask("What percentage of Kelto Foods does Marten Ashby hold?").short == "55%"
    ask = _answering(
        encode,
        {
            "Brannock Group buys Kestle Foods": "Jon Arvik founded Kestle Foods in 1998 and agreed this week to "
            "sell it to Brannock Group for $410 million. The company now runs 40 bakeries across Scotland. He will "
            "receive about $230 million from the sale.",
        },
    )
    # (a sentence before naming no person does not say whom "He" stands for)
    assert ask("How much will Arvik receive from the sale?").short == "about $230 million"


def test_how_much_is_the_object_of_the_act_asked(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Skerrin Capital buys Pollard Pay": "Skerrin Capital agreed to buy Pollard Pay, a Dublin payments "
            "start-up, for $300 million, the companies said on Monday. Marsh Lane Ventures, which led a $12 million "
            "round in Pollard Pay in 2020, will receive about $85 million.",
        },
    )
    # ("will receive about $85 million": what the investor asked of receives, though the sentence
    # does not say the sale; not the round it led, in the clause about it)
    assert ask("How much will Marsh Lane Ventures receive in the Pollard Pay sale?").short == "about $85 million"
    assert ask("How much is Skerrin Capital paying for Pollard Pay?").short == "$300 million"


def test_a_part_of_the_whole_a_stake_is_in_is_the_stake_priced(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Harlan Trust buys stake in Ostrava wind portfolio": "Harlan Trust, a Dutch "
            "pension scheme, has agreed to buy 70% of a portfolio of nine wind farms in Ireland from developer "
            "Ostrava Wind for €410 million, the two said on Friday. Ostrava Wind keeps the other 30% stake.",
        },
    )
    # ("buy 70% of a portfolio ... for €410 million": a part of the portfolio the stake asked is in)
    assert ask("How much is Harlan Trust paying for its stake in the Ostrava wind portfolio?").short == ("€410 million")
    # (what the buyer pays is no price the seller pays)
    assert ask("How much is Ostrava Wind paying for its stake in the Ostrava wind portfolio?").short != "€410 million"
    ask = _answering(
        encode,
        {
            "Harlan Trust buys stake in Sund wind portfolio": "Harlan Trust has agreed to "
            "buy 70% of a portfolio of nine wind farms in Ireland from Sund Power, which paid €500 million for "
            "100% of the portfolio in 2019. Sund Power keeps the other 30% stake.",
            "Marsh Capital sells down stake in Dunlin storage portfolio": "Marsh Capital holds an 80% share in a "
            "portfolio of battery storage sites in Wales and said on Friday it would sell 30% of the portfolio "
            "for €120 million.",
        },
    )
    # (what another party paid for the whole, or what the party asked gets for selling a part, is
    # no price of its stake)
    assert ask("How much is Harlan Trust paying for its stake in the Sund wind portfolio?").short != ("€500 million")
    assert ask("How much is Marsh Capital paying for its stake in the portfolio?").short != "€120 million"


def test_what_the_act_asked_is_done_to_goes_before_another_value_called_the_noun(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Ostmark raises offer for Tarven Copper": "Ostmark raised its offer for Tarven Copper to 310p a share on "
            "Monday. Ostmark, which owns 7.2% of Tarven, also said it had secured an undertaking from Carne Asset "
            "Management to back the bid with all of its 4.4% stake.",
        },
    )
    # ("owns 7.2%" is what the stake asked is, owned by whom it asks of; "its 4.4% stake" is Carne's)
    assert ask("How big a stake in Tarven Copper does Ostmark already own?").short == "7.2%"


def test_a_value_in_a_verb_conjoined_to_a_relative_clause_is_of_its_name(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tolberg to buy Wexmoor Linen": "Tolberg Group agreed on Monday to buy Wexmoor Linen, a Leeds "
            "laundry company, for £260 million. Tolberg, which had sales of £2.2 billion "
            "last year and employs about 16,000 people in nine countries, has no laundries in the north of England.",
            "Carvane wins Oslo ferry contract": "Carvane Marine will employ about 90 people on the Oslo ferry "
            "route it won on Tuesday.",
        },
    )
    # ("Tolberg, which ... and employs about 16,000 people": the buyer's staff, not Wexmoor's)
    answer = ask("Who employs more people, Carvane Marine or Wexmoor Linen?")
    assert "16,000" not in answer.short
    assert "16,000" not in ask("How many people does Wexmoor Linen employ?").short
    assert ask("How many people does Tolberg employ?").short == "about 16,000 people"
    # (a conjoined verb naming another party, or whose relative clause has a subject of its own, is
    # not the relative clause's name's act)
    ask = _answering(
        encode,
        {
            "Kallby Ports buys Halden berths": "Kallby Ports, which runs six terminals in Norway and paid Vantor "
            "Shipping $40m for the Halden berths in May, is now bidding for a terminal in Gdansk.",
            "Brenna Dairy results": "Brenna Dairy, whose chief executive Ada Lind joined in 2021 and cut 300 jobs, "
            "returned to profit last year.",
        },
    )
    assert ask("How much did Vantor Shipping get for the Halden berths?").short == "$40m"
    assert ask("How many jobs did Ada Lind cut?").short == "300 jobs"


def test_a_keyword_query_whose_head_noun_names_money_asks_for_an_amount(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Haldor buys Pirrin Optics": "Haldor Instruments agreed to buy Pirrin Optics, a Rotterdam lens maker, "
            "for €210 million, the companies said on Monday. Pirrin chief executive Anouk Smit said the group "
            "needed a larger owner to build a second plant. It employs 400 people and had revenue of €96 million "
            "in 2027.",
        },
    )
    assert ask("Pirrin Optics 2027 revenue").short == "€96 million"
    # (not where a name holds the query's name and its noun: "Halden fund" may ask for the fund)
    ask = _answering(
        encode,
        {
            "Halden fund backs Orsk": "Halden Sovereign Fund will invest $300m in Orsk Energy's offshore wind "
            "project, the fund said on Thursday.",
        },
    )
    assert ask("Halden fund").short != "$300m"
    assert ask("What is Halden's fund?").short != "$300m"
    # (a noun the articles use as a word of a name is a kind of party there: "Pellbrook Bank")
    ask = _answering(
        encode,
        {
            "Orsk buys Tamm": "Orsk paid $60 million for Tamm Foods in 2025, funded in part by a $25 million loan "
            "from Pellbrook Bank.",
        },
    )
    assert ask("Orsk bank").short == ""


def test_a_keyword_query_ending_in_a_doer_asks_who_does_the_act(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Quillon Foods to buy Marrick Dairies": "Quillon Foods agreed to buy Marrick Dairies, a Cork cheese "
            "maker, for €95 million. Marrick makes 40,000 tonnes of cheese a year. The regional newspaper Cork "
            "Business Weekly reported in May that Harwell Partners had appointed advisers to sell Marrick.",
        },
    )
    # ("seller": who sells; not what the first sentence about Marrick says)
    assert ask("Marrick Dairies seller").short == "Harwell Partners"
    # (no verb is made from "summer", which is no doer)
    assert ask("Marrick Dairies summer").short == ""
    # (one who may come to own it is no owner: "Who owns Orsk Steel?", not "Who will own")
    ask = _answering(
        encode,
        {
            "Kerrow eyes Orsk Steel": "Kerrow Metals has emerged as a suitor for Orsk Steel, the loss-making "
            "maker of specialty steel, people familiar with the matter said. Vantor Capital, Orsk's largest "
            "investor, holds a 34% stake and has backed a sale.",
        },
    )
    assert ask("Orsk Steel owner").short != "Kerrow Metals"
    # (a doer of a kind the verb does not say is not read as the verb's: "legal adviser")
    ask = _answering(
        encode,
        {
            "Orrel Robotics raises $20m": "Orrel Robotics raised $20m in a round led by Harrowby Ventures. Tovik "
            "Securities advised Orrel on the round, while law firm Skarre & Holm is its legal adviser.",
        },
    )
    assert ask("Orrel Robotics legal adviser").short != "Tovik Securities"


def test_a_name_an_act_is_done_to_or_from_is_not_who_does_it(ask: Callable[[str], Draft]) -> None:
    # ("agreed to sell its 40 ferry berths to Kallby Ports": Kallby buys them)
    assert ask("Who sold Tovik's ferry berths?").short != "Kallby Ports"
    assert ask("Who is selling the ferry berths?").short == "Tovik"


def test_one_who_does_an_act_with_the_doer_is_a_doer(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Kallby and Halden buy Orsk berths": "Kallby Ports is buying the Orsk berths alongside Halden Capital "
            "for $80m, the companies said on Monday.",
        },
    )
    # ("alongside Halden Capital": a co-buyer, not the other party of the sale)
    assert ask("Who is buying the Orsk berths with Kallby Ports?").short == "Halden Capital"


def test_a_question_the_article_reports_left_open_answers_as_not_told(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Ostrel buys Kanford Mills": "Ostrel Foods agreed to buy Kanford Mills, a flour miller, for €140 "
            "million on Monday. Ostrel refused to reveal how many workers it plans to lay off at Kanford's two "
            "mills. It refused to reveal how it pays the break fee it may owe.",
        },
    )
    # ("refused to reveal how many workers it plans to lay off": the count asked is not told)
    answer = ask("How many workers will Ostrel lay off at Kanford Mills?")
    assert not answer.abstained and "refused to reveal how many workers it plans to lay off" in answer.text
    # (a question about another thing, how it is financed, leaves the fee's size untold by nothing)
    assert ask("How big is the break fee Ostrel may owe?").abstained


def test_a_value_after_a_possessive_standing_for_a_gapped_clause_is_that_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Arlow and Brennet mutuals to merge": "Arlow Mutual and Brennet Mutual, two building societies in "
            "Leeds, have agreed to merge. Arlow's members will vote in Leeds on 12 May and Brennet's on June 3.",
        },
    )
    # ("and Brennet's on June 3": Brennet's members' vote, not Arlow's)
    assert ask("When will Arlow's members vote on the merger with Brennet?").short == "12 May"
    # (and a value before it is of the name owning the subject: 12 May is Arlow's members' vote)
    assert ask("When will Brennet's members vote?").short != "12 May"
    # (a possessive that is no clause joined to another stands for no gapped clause: a shop's name,
    # "the purchase of Penhallow's", or one compared, "Unlike Kerrow's")
    ask = _answering(
        encode,
        {
            "Orsk to buy Penhallow's": "Orsk Retail agreed to buy Penhallow's, a chain of 40 garden centres. "
            "Orsk's shareholders will vote on the purchase of Penhallow's on March 3, the company said.",
            "Arlo bids for Tamm": "Arlo Foods and Kerrow Group have both bid for Tamm Bakeries. Unlike Kerrow's, "
            "Arlo's offer of 42 million pounds is entirely in cash.",
        },
    )
    assert ask("When will Orsk's shareholders vote?").short == "March 3"
    assert ask("How much is Arlo's offer?").short == "42 million pounds"


def test_a_name_asked_said_untyped_in_the_sentence_before_is_no_other_party(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brisk Rail buys trains": "Brisk Rail, the operator of commuter services around Leeds, agreed on "
            'Monday to lease 20 new trains from Harlow Leasing.\n\n"Our riders have waited long enough for '
            'this," Brisk managing director Callum Orrey said. The first carriages should carry passengers from '
            "December 2028.",
            "Tamsin Freight": "Tamsin Freight employs 1,150 people.",
        },
    )
    # (the sentence before names a person only, titled by the company asked: not another party)
    assert ask("When will Brisk Rail's first carriages carry passengers?").short == "December 2028"


def test_a_bare_title_after_a_clause_is_held_at_the_company_its_subject_names(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Dalmarova sells marinas": "Dalmarova, based in Porto and owned by the Portuguese investment company "
            "Serrat Holdinga, is selling the marinas to cut its borrowing and focus on its repair yard in Setubal "
            "and its charter fleet of 90 boats, said chief executive Ana Ribeiro.\n\nLisbon group Ondamar agreed to "
            "buy nine marinas from Dalmarova for €200 million.",
        },
    )
    # (the model types the one-word company as a person; the title is still its, not its owner's)
    assert ask("Who is the chief executive of Dalmarova?").short == "Ana Ribeiro"
    assert ask("Who is the chief executive of Serrat Holdinga?").short != "Ana Ribeiro"
    # (a company subject the article's title does not name is another, talked of: no holder)
    ask = _answering(
        encode,
        {
            "Calvy Software to buy Pelt Analytics": "Brenford Systems and other large rivals have left smaller "
            "software firms little choice but to merge, said chief executive Mira Tull, announcing a deal to buy "
            "Pelt Analytics for $85 million.",
        },
    )
    assert ask("Who is Brenford's chief executive?").short != "Mira Tull"


def test_a_participle_describing_a_name_tells_of_that_name(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Morvik buys Hallan": "Morvik Tools, the Swedish maker of hand tools, has agreed to buy Hallan Saws, a "
            "family-owned Norwegian saw maker founded in 1902, for $40 million, the two companies said on Monday. "
            "Both boards put their names to it on Tuesday, 14 May, in Oslo.",
        },
    )
    # ("Hallan Saws, a ... saw maker founded in 1902": Hallan's founding, not its buyer's)
    assert ask("When was Hallan Saws founded?").short == "1902"
    assert ask("When was Morvik Tools founded?").short != "1902"
    # (the date the preposition asked governs is the whole of "Tuesday, 14 May", not the day alone)
    assert ask("On what date did both boards put their names to it?").short == "Tuesday, 14 May"
    # (a participle's phrase naming the one asked tells of its act: "hired by Arvid in 2022")
    ask = _answering(
        encode,
        {
            "Arvid fund closes": "Arvid Partners has closed its third fund at $900 million. Tessa Morley, hired by "
            "Arvid in 2022 as finance chief, said demand from pension funds had been strong.",
        },
    )
    assert ask("When did Arvid hire its finance chief?").short == "2022"


def test_a_word_of_what_the_title_tells_of_need_not_be_said_again(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Harlow Gaming wins Orsk state lottery licence": "Harlow Gaming has been picked to operate the Orsk "
            "state lottery for twelve years, the gaming regulator said on Monday. Harlow will hand over €30 million "
            "at signing and a royalty of 8% of revenue.\n\nThe new licence begins on March 1, 2028, once the "
            "present one lapses.",
        },
    )
    # ("the new licence" of an article headed "... wins Orsk state lottery licence" is that licence:
    # the sentence is quoted, with no short answer, as the title alone ties it to the question)
    answer = ask("When will the new licence for operating the Orsk state lottery begin?")
    assert not answer.abstained and not answer.short
    assert answer.text.startswith("The new licence begins on March 1, 2028"), answer.text
    # (a word the title does not say still must be: no casino licence is told of)
    assert not ask("When does Harlow Gaming's casino licence begin?").short
    ask = _answering(
        encode,
        {
            "Pinfold Airports signs new loan": "Pinfold Airports has signed a loan with four banks to refinance its "
            "debt.\n\nIts old loan, which it repaid on Friday, carried an interest rate of 6.2% and was due to "
            "mature in 2027.",
        },
    )
    # (nor one the sentence tells apart with a word of its own: "its old loan" is no new loan)
    assert not ask("What interest rate does Pinfold's new loan carry?").short


def test_a_place_listed_after_one_the_parser_took_apart_is_still_where_the_act_is_done(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Kelvo raises money": "Kelvo, the Riga-based online auction site for used farm machinery, has raised $40 "
            "million from Tarn Ventures.\n\nFounded in Tartu in 2018 and now based in Riga, Kelvo runs weekly online "
            "auctions in which farmers bid on tractors. About 7,800 farmers use the app in Latvia, the Czech "
            "Republic and Poland.",
        },
    )
    # (the parser hangs "the Czech Republic" on the verb: it is still one of the places listed, no party)
    assert ask("How many farmers use the Kelvo app?").short == "About 7,800 farmers"


def test_a_table_row_labelled_with_the_noun_asked_is_quoted_though_no_value_is_typed(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brisk Pay raises 40 million euros": "Brisk Pay, the Tallinn payments start-up, has raised €40 million "
            "from Kestrel Ventures and two angel investors, it said on Monday.\n\n| Term | Detail |\n|---|---|\n"
            "| Liquidation preference | Non-participating, ranking ahead of earlier rounds |\n"
            "| Board seats | Two for Kestrel Ventures |\n",
        },
    )
    # (the cell answers in its own words, which hold no value of a type: the row is quoted)
    answer = ask("What liquidation preference do Brisk Pay's new shares carry?")
    assert not answer.abstained and not answer.short
    assert answer.text.startswith("| Liquidation preference | Non-participating"), answer.text
    # (a noun no row is labelled with is still not said)
    assert ask("What dividend do Brisk Pay's new shares carry?").abstained


def test_a_name_in_a_row_whose_label_the_question_says_only_as_a_circumstance_is_no_answer(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Orrin and Maldo form a ferry venture": "Orrin Shipping and Maldo Lines are setting up a joint venture "
            "that will run ferries between Kell and Tarra, the two firms announced.\n\n| Term | Detail |\n|---|---|\n"
            "| Joint venture | Kell Tarra Ferries Ltd |\n| Board | Six directors, three from each partner |\n"
            "| Disputes | Arbitration in Geneva |\n| Auditor | Ostler & Co |\n",
        },
    )
    # (the venture's own name is not who advised on it, nor where its disputes go)
    assert not ask("Who advised Orrin Shipping on its joint venture with Maldo Lines?").short
    assert "Geneva" in ask("Where will disputes between Orrin and Maldo over the joint venture be settled?").short
    # (a label said "as" what someone is acting is what the value is)
    assert ask("Who is serving as auditor to the venture?").short == "Ostler & Co"
    # (a row whose label is a circumstance still answers with what it counts)
    assert ask("How many directors will the Orrin-Maldo venture have on its board?").short.startswith("Six directors")


def test_a_number_of_a_whole_counts_the_noun_it_is_said_to_be(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Pellow buys Vardo Vets": "Pellow Care has agreed to buy Vardo Vets for $90 million, the companies said "
            "on Friday.\n\nVardo operates 40 clinics and two emergency animal hospitals in Kell and Tarra, employs "
            "820 people, 260 of them vets, and saw about 300,000 pets in 2029.",
            "Pellow buys Harlow Parcels": "Pellow Logistics has agreed to buy Harlow Parcels for $60 million.\n\n"
            "Harlow runs 30 depots and two repair yards in Kell and Orvik, employs 640 people, 150 of them drivers, "
            "and moved about 90,000 parcels last year.",
        },
    )
    # (the parser hangs "260" on "vets" as its subject, and "150" on "drivers" as its number)
    assert ask("How many vets does Vardo employ?").short == "260 of them vets"
    assert ask("How many people does Vardo employ?").short == "820 people"
    assert ask("How many drivers does Harlow employ?").short == "150 of them drivers"
    assert ask("How many people does Harlow employ?").short == "640 people"


def test_a_word_the_articles_title_says_in_other_words_need_not_be_said_again(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Kestrel to buy Boise chipmaker Orrin Devices for $3.1 billion": "Kestrel Semiconductor on Monday "
            "agreed to take over Orrin Devices, the Boise maker of sensor chips, paying $40 per share, or about "
            "$3.1 billion.\n\nCompletion is targeted for 2031, pending a vote by Orrin shareholders.\n\n"
            "Bellmoor Partners is advising Orrin, and Tavish & Co is its law firm. Quarry Lane is Kestrel's "
            "financial adviser.",
            "Tarn Foods completes sale of bakery unit": "Tarn Foods said on Friday the sale of its bakery unit to "
            "Hollin Bakes for $90 million is done. The sale was first announced in March.",
        },
    )
    # ("the sale" is what an article headed "Kestrel to buy ... Orrin" is about: its sentence is
    # quoted, as one the title's own words let in is)
    answer = ask("Who is advising Orrin Devices on the sale?")
    assert not answer.abstained and answer.text.startswith("Bellmoor Partners is advising Orrin"), answer.text


def test_a_value_in_a_relative_clause_of_a_noun_another_party_owns_is_that_partys(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Dunmore Leisure to buy Kellby Park Racing": "DUBLIN, May 3 (Wire) - Dunmore Leisure, Ireland's largest "
            "owner of race venues, agreed on Monday to buy British course operator Kellby Park Racing from a "
            "private-equity firm for £200 million, forming a group with seven tracks across the Irish Sea.\n\n"
            "Kellby owns three English racecourses - Orwick, Tamber Heath and the floodlit track at Pellow - which "
            "staged 120 race days last season and sold 900,000 tickets. It employs 400 people.",
            "Pellow Timber buys sawmills": "Pellow Timber bought the sawmills, which cut 95,000 tonnes of timber "
            "last year, from the Arnott family.",
        },
    )
    # (the racecourses that staged them are Kellby's, the subject of "owns")
    assert not ask("How many race days did Dunmore's tracks stage last season?").short
    assert ask("How many race days did Kellby's racecourses stage last season?").short == "120 race days"
    # (the mills a buyer bought cut their timber before: not the buyer's, nor need a name be asked)
    assert ask("How many tonnes did the Arnott sawmills cut last year?").short == "95,000 tonnes"
    assert ask("How many tonnes did the sawmills cut last year?").short == "95,000 tonnes"


def test_a_which_noun_is_answered_by_neither_its_owner_nor_a_count_of_it(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Regulator clears Orsk takeover of Tarra Freight": "The competition watchdog cleared on Tuesday Orsk "
            "Haulage's takeover of Tarra Freight, on condition that Orsk sells Tarra's depot in Leeds.\n\n"
            "Orsk runs six depots, five of them in Wales, and one in England. It will pay with Kestrel Bank's "
            "loan of $40 million.",
        },
    )
    # ("Tarra" owns the depot, which its place names, and "five" counts depots: neither is which depot)
    assert ask("Which depot must Orsk sell?").short == "Leeds"
    assert ask("Which depot did the regulator require Orsk to sell?").short in ("", "Leeds")
    assert not ask("Which depots does Orsk run?").short
    # (an owner that alone says which one it is is the answer)
    assert ask("Which loan will Orsk use?").short == "Kestrel Bank's"


def test_a_name_in_a_row_whose_label_the_question_asks_is_of_the_kind_asked(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brisk Pay raises 40 million euros": "Brisk Pay, the Tallinn payments start-up, has raised €40 million "
            "from Kestrel Ventures, it said on Monday.\n\n| Term | Detail |\n|---|---|\n"
            "| Legal counsel to Brisk Pay | Orton Lisle AG |\n| Adviser to Brisk Pay | Tavish & Co |\n"
            "| Clinics | 58 |\n",
        },
    )
    # (the row says it is the counsel, though not that it is a law firm)
    assert ask("Which law firm served as Brisk Pay's legal counsel?").short == "Orton Lisle AG"
    # (a label that is not the kind asked says no such thing: an adviser need not be a law firm)
    assert not ask("Which law firm advised Brisk Pay?").short
    # (nor is a number in a row the question names a "which NOUN")
    assert not ask("Which regulator must approve the clinics deal?").short


def test_the_words_of_a_noun_said_again_with_the_that_the_title_says_need_not_be_said(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Orrin Lifts wins Kell urban cable-car concession": "KELL, May 2 (Wire) - Kell's council has granted "
            "Orrin Lifts a 25-year licence to operate its planned urban cable-car line, the city said on Friday.\n\n"
            "The mayor said the award followed a two-year tender. The line will cost $300 million and link the hill "
            "districts with the centre. The city expects 30,000 riders a day.",
            "Norn sells northern grid stake, buys southern wind farm": "Norn Energy said on Friday it would sell "
            "its stake in the northern grid and buy a wind farm in the south from Calder Power.\n\nThe stake is "
            "worth 200 million euros, two people close to the talks said.",
        },
    )
    # ("the line" is the one the title tells of: "urban", "cable" and "car" need not be said again)
    answer = ask("How much will the Kell urban cable-car line cost?")
    assert not answer.abstained and answer.citations[0].quote.startswith("The line will cost $300 million"), answer.text
    # (...nor "cable" of a compound: "the line" stands for "the cable-car line")
    assert ask("How much will the Kell cable-car line cost?").short == "$300 million"
    # (but not words its title gives another thing of that kind: the stake sold is the grid's)
    assert not ask("How much is Norn's southern wind farm stake worth?").short
    # (and a sentence that does not say the act asked is still no answer)
    assert ask("Which bank advised Orrin Lifts on the urban cable-car line?").abstained


def test_a_sentence_stating_the_price_of_what_is_asked_says_what_is_paid_whatever_its_verb(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tarsk Foods agrees to buy Pellow Dairies for $85 million": "ORVIK, May 4 (Wire) - Tarsk Foods has "
            "agreed to buy Pellow Dairies for $85 million in cash, adding three creameries, it said on Monday.\n\n"
            "Pellow reported revenue of $40 million last year.",
        },
    )
    # ("buy Pellow Dairies for $85 million" is what Tarsk pays, though it says no "pay")
    assert ask("How much is Tarsk paying for Pellow?").short == "$85 million"


def test_an_it_stands_for_the_nearest_of_two_named_subjects_before_it(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brenlow and Tavik Medical agree to merge": "Brenlow sells about 3 million pumps a year in 80 "
            "countries, and Tavik has fitted valves in some 20,000 patients since it was founded in 1987.",
        },
    )
    # (the founding is Tavik's: "it" stands for the subject nearest before it)
    assert ask("When was Tavik founded?").short == "1987"
    assert not ask("In what year was Brenlow founded?").short


def test_a_which_noun_is_no_other_word_of_its_verb(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Watchdog clears Orvik takeover of Dell Racing": "LONDON, May 3 (Wire) - The competition "
            "watchdog on Tuesday cleared Orvik Leisure's £90 million takeover of Dell Racing, ending a review "
            "that began in the spring.",
        },
    )
    # ("on Tuesday" says when the watchdog cleared it, not which watchdog)
    assert not ask("Which watchdog had to clear Orvik's takeover of Dell Racing?").short


def test_a_share_of_a_name_bought_at_the_size_asked_is_the_stake_priced(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Pellow Fresh to buy 70% of Tarrant Orchards": "LIMA, June 6 (Wire) - Pellow Fresh, the Dutch "
            "importer, has agreed to buy 70% of Tarrant Orchards, Chile's largest cherry grower, for $140 million "
            "in cash, the companies said on Tuesday.",
        },
    )
    # ("buy 70% of Tarrant Orchards for $140 million" prices its 70% stake, though it says no "stake")
    assert ask("How much is Pellow Fresh paying for its 70% stake in Tarrant Orchards?").short == "$140 million"
    # (not a stake of another size)
    assert not ask("How much is Pellow Fresh paying for its 55% stake in Tarrant Orchards?").short


def test_a_name_where_the_place_asked_stands_is_that_place(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Orvik Yards wins icebreaker order": "Kaskelainen Yards, which is based in Porvanmaa and owned by a "
            "Finnish industrial family, employs about 2,000 people and will hire 300 more.",
        },
    )
    # (whatever type the model gives the name, "based in" says where)
    assert ask("In which town is Kaskelainen Yards based?").short == "Porvanmaa"


def test_a_sentence_that_no_one_discloses_the_thing_asked_says_it_is_not_known(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tarvik to buy Mollen Lifts for 300 million euros": "Tarvik Group has agreed to buy Mollen Lifts for "
            "€300 million, the companies said on Monday. Tarvik will pay with cash and a bridge loan. Neither "
            "side disclosed the termination fee.",
            "Orsk bids for Pellow Mills": "Orsk Foods will offer €12 a share for Pellow Mills, a premium of 20%. "
            "The firms did not disclose the size of the termination fee Pellow would owe if its board backed a "
            "rival.",
            "Kell Shipping orders four tankers": "Kell Shipping has ordered four tankers from Orsk Yards and holds "
            "options for two more. The cost of the option tankers was not disclosed.",
        },
    )
    # ("Neither side disclosed" denies it as "did not disclose" does)
    answer = ask("How big is the termination fee in Tarvik's purchase of Mollen Lifts?")
    assert answer.citations[0].quote == "Neither side disclosed the termination fee.", answer.text
    # (the parser hangs "fee" on the name after it: the size of the fee is still what is denied)
    answer = ask("How big is the termination fee in Orsk's offer for Pellow Mills?")
    assert answer.citations[0].quote.startswith("The firms did not disclose the size"), answer.text
    # (what "how much ... for" prices is the thing whose price is denied)
    answer = ask("How much will Kell Shipping pay for its two option tankers?")
    assert answer.citations[0].quote == "The cost of the option tankers was not disclosed.", answer.text


def test_a_price_the_other_way_round_is_a_false_premise(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Harlen Waste to buy Dovik Plastics": "OSLO, May 4 (Wire) - Norwegian waste group Harlen Waste has "
            "agreed to buy Danish recycling company Dovik Plastics for €300 million, the companies said on Monday.\n\n"
            "Harlen will also assume €90 million of Dovik's debt.",
        },
    )
    # (Harlen buys Dovik: Dovik pays nothing for Harlen)
    answer = ask("How much is Dovik Plastics paying to acquire Harlen Waste?")
    assert answer.abstained and not answer.short and "don't say that" in answer.text, answer.text
    assert answer.citations[0].quote.startswith("OSLO, May 4 (Wire) - Norwegian waste group Harlen"), answer.text
    # (the right way round, the price is said, of the company named beside its description)
    assert ask("How much is Harlen Waste paying to acquire Dovik Plastics?").short == "€300 million"
    # (and a sum owed to a name is no price of it: no premise about who buys whom)
    assert "don't say that" not in ask("How much would Dovik have to pay Harlen Waste if it backed a rival?").text


def test_a_name_joined_to_the_value_by_and_is_no_other_party_it_is_about(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Orsk Foods to buy Pellow Dairies": "LYON, June 3 (Wire) - Orsk Foods, the French dairy group, has agreed "
            "to buy Pellow Dairies from the private-equity firm Tarn Capital for €400 million, it said on Monday.\n\n"
            "Shares in Orsk rose 2% in Paris.\n\n"
            "Orsk was advised by the investment bank Tavish Brook and the law firm Kerrane & Co.",
        },
    )
    # (the law firm beside the bank is another adviser of Orsk's, not another party the bank is of)
    assert ask("Which investment bank advised Orsk Foods on buying Pellow Dairies?").short == "Tavish Brook"


def test_readings_of_names_and_prices_hold_where_the_sentence_says_otherwise(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Tavik Marine to raise $50 million": "Tavik Marine, which Brenlow Group acquired in 2019, said it would "
            "raise $50 million from investors to expand its shipyard in Kotka.",
            "Brenlow hires advisers": "Brenlow Group named Calder Voss its legal adviser on its bid for Tavik Marine, "
            "people familiar with the matter said.",
            "Brenlow Group to acquire Pellin Foods": "Brenlow Group will pay $500 million in cash to acquire Pellin "
            "Foods, the companies said on Monday. Pellin Foods bought a 5% stake in Brenlow Group for $60 million in "
            "2021.",
            "Brenlow invests in Tasker Holm": "Brenlow Group will invest $40 million in Tasker Holm, a start-up "
            "that makes warehouse robots, the companies said on Tuesday.",
            "Brenlow sells Kerr Ships stake": "Neither side disclosed the termination fee in Brenlow's failed 2021 "
            "deal for Kerr Ships.",
        },
    )
    # (the subject of a relative clause is not what "it" stands for: Tavik raises the money)
    assert ask("How much will Tavik Marine raise?").short == "$50 million"
    # (a predicate of the verb is what its object is: "named X its legal adviser")
    assert ask("Which legal adviser did Brenlow Group name for its Tavik Marine bid?").short == "Calder Voss"
    # (a price said by "pay ... to acquire" is the price; a small stake bought the other way is no premise)
    assert ask("How much is Brenlow Group paying to acquire Pellin Foods?").short == "$500 million"
    # (the firm a sum is invested in is no place)
    assert not ask("In which country will Brenlow Group invest?").short
    # (a fee of another deal, said not to be known, is not the fee asked)
    answer = ask("What is the size of the termination fee in Brenlow's deal for Tavik Marine?")
    assert answer.abstained or not answer.citations[0].quote.startswith("Neither side"), answer.text


def test_a_keyword_query_leads_with_the_sentence_that_says_more_of_its_words(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Harlund Paints to buy Brevholm's varnish unit": "OSLO, March 4 (Wire) - Brevholm Industrier has agreed "
            "to sell its yacht varnish unit to Harlund Paints for NOK 2.4 billion, it said on Thursday.\n\n"
            "Harlund Paints said the deal would help it meet a cost target set by its board. Harlund expects "
            "annual cost savings of roughly NOK 90 million by 2031.",
        },
    )
    # (the sentence ranked first says "cost" and "target"; the one nearly as close says the savings)
    answer = ask("Harlund Paints annual cost savings target")
    assert answer.citations[0].quote.startswith("Harlund expects annual cost savings"), answer.text


def test_a_denial_of_a_noun_with_every_word_the_question_gives_it_is_a_denial_of_it(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Brenna Foods licenses Oskor sauces": "DUBLIN, June 2 (Wire) - Brenna Foods has licensed the Oskor sauce "
            "recipes from Tallow Kitchens for ten years, the companies said on Monday.\n\n"
            "Brenna will pay Tallow a royalty of 4% of sauce sales. The upfront technology fee was not disclosed.",
            "Keller buys Arvo Drills": "BERLIN, June 3 (Wire) - Keller Tools has agreed to buy Arvo Drills for "
            "€90 million, it said on Tuesday.\n\nThe annual China revenue was not disclosed. Keller's Asian "
            "sales grew 14%, the company said.",
        },
    )
    # ("the upfront technology fee" is the upfront fee, whatever compound tells it further)
    answer = ask("How big is the upfront fee in the Brenna-Tallow licence?")
    assert not answer.abstained, answer.text
    assert answer.citations[0].quote == "The upfront technology fee was not disclosed.", answer.text
    # (a name's compound still says whose: China's revenue is not all of Keller's)
    answer = ask("What is Keller's annual revenue?")
    assert answer.abstained or "China" not in answer.citations[0].quote, answer.text


def test_an_act_said_of_a_part_denies_a_premise_that_it_takes_the_whole(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Korvald sells tower stake": "OSLO, May 5 (Wire) - Norwegian telecom group Korvald has agreed to sell a "
            "60% holding in its mast business Mastline to the infrastructure fund Ellery Partners for NOK 7 billion, "
            "both sides said on Tuesday.\n\n"
            "Korvald is selling the holding to cut its debt. Korvald will keep 40% of Mastline.",
            "Halvard Feed to buy Corvo": "BERGEN, Oct 3 (Wire) - Halvard Feed agreed to buy 60% of the fish feed "
            "maker Corvo now and the remaining 40% in 2029, to secure its supplies, the company said.",
            "Brisk Mills completes sale of Tennock": "LEEDS, Sept 12 (Wire) - Brisk Mills sold its remaining 51% "
            "of the flour maker Tennock to Orwen Foods for £90 million, it said on Friday.\n\nBrisk Mills sold "
            "the first 49% of Tennock to Orwen Foods in 2025, to focus on its bakeries.",
        },
    )
    answer = ask("Why is Korvald selling all of Mastline to Ellery Partners?")
    assert answer.abstained and "a 60% holding in its mast business" in answer.citations[0].quote, answer.text
    # (shares that make up the whole between them hold the premise, as does a question taking no whole)
    assert not ask("Why is Halvard Feed buying all of Corvo?").abstained
    assert not ask("Why did Brisk Mills sell all of Tennock?").abstained  # ("the first 49%" and the remaining 51%)
    answer = ask("Why is Korvald selling a holding in Mastline?")
    assert not answer.abstained and "to cut its debt" in answer.citations[0].quote, answer.text


def test_a_sentence_that_says_the_act_need_not_say_it_may_be_done(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Tarrow Pension Fund buys Selvik Care stake": "OSLO, May 4 (Wire) - Tarrow Pension Fund has agreed to "
            "acquire a 25% holding in the Norwegian care home group Selvik Care from its founders for NOK 3 billion, "
            "the fund said.\n\n| Term | Detail |\n| --- | --- |\n"
            "| Board | Tarrow appoints three of the eleven directors |\n"
            "| Dividend policy | At least 40% of net income handed to shareholders annually |",
            "Orvik and Dalen to merge": "BERGEN, June 1 (Wire) - Orvik Foods and Dalen Mat agreed to merge. Once the "
            "merger closes, Orvik investors will hold about 55% of the merged group and Dalen investors about 45%.",
        },
    )
    # ("able to appoint" is said by "appoints")
    answer = ask("How many of Selvik's directors will Tarrow be able to appoint?")
    assert not answer.abstained and "three of the eleven" in answer.citations[0].quote, answer.text
    # (a percentage of the whole asked of is the share asked, said with that whole)
    answer = ask("What share of Selvik's net income is handed to shareholders as dividends?")
    assert answer.short == "At least 40% of net income", answer.text
    # ...but not a percentage one holder owns, where the question asks another's
    assert "55%" not in ask("What share of the merged group will Dalen investors hold?").short


def test_a_place_near_where_a_thing_is_built_is_where_it_is_built(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Solvara water deal": "LISBON, March 2 (Wire) - Solvara Agua has agreed a 15-year contract to supply "
            "water to the zinc miner Castro Norte, the two firms said.\n\nSolvara Agua plans to build a seawater "
            "treatment plant on the coast near Porvel, about 40 km south of Quelcho in the Atacama region, and a "
            "120 km pipeline to the mine.",
        },
    )
    # ("near Porvel" goes with the coast the plant is built on; the region is where the town is)
    assert ask("Near which town will Solvara Agua build its seawater treatment plant?").short == "Porvel"


def test_a_denial_of_terms_for_the_deal_in_an_article_about_the_deal_asked_answers(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Ardal buys Wenholm": "VIENNA, March 12 (Wire) - Ardal Holding has agreed to buy the ski operator "
            "Wenholm Bergbahnen, the buyer said on Friday.\n\nArdal bought Wenholm in a deal agreed on March 20. "
            "Financial terms for the deal were not disclosed.",
            "Kestrel sells Orlo": "OSLO, May 2 (Wire) - Kestrel Group sold the ferry line Orlo to Brann Shipping for "
            "NOK 900 million on Tuesday.\n\nBrann also bought a shipyard from Tovik last year. Financial terms for "
            "that earlier deal were not disclosed.",
        },
    )
    # ("the deal", in a sentence naming no one, is the deal its article is about)
    answer = ask("What were the financial terms of Ardal's purchase of Wenholm?")
    assert answer.citations[0].quote == "Financial terms for the deal were not disclosed.", answer.text
    # ...but "that earlier deal" is another one
    answer = ask("What were the financial terms of Brann's purchase of Orlo?")
    assert "not disclosed" not in answer.citations[0].quote, answer.text


def test_the_name_a_relative_clause_says_did_the_act_is_the_doer(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Brandvik buys Tolmar Haulage": "GDANSK, May 3 (Wire) - Brandvik Transport agreed on Monday to buy "
            "the trucking firm Tolmar Haulage from the investment fund Orsa Partners and the founding Kowal family "
            "for 900 million zlotys.\n\nPiotr Kowal, who started Tolmar in 1994 with two used lorries, will advise "
            "the buyer for a year.",
        },
    )
    # (the relative pronoun's noun started it; the fund only stands beside "founding")
    assert ask("Who started Tolmar Haulage?").short == "Piotr Kowal"


def test_an_amount_of_shares_is_no_price_per_share(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Halden licenses Vestra drug": "BOSTON, April 7 (Wire) - Halden Therapeutics licensed its heart drug "
            "to Vestra Pharma for $90 million upfront, the companies said.\n\nVestra is also set to buy $25 million "
            "of new Halden shares.",
        },
    )
    # (the sum is what the shares cost together, not what each costs)
    assert ask("At what price per share is Vestra buying new Halden shares?").short == ""


def test_a_count_in_a_named_unit_of_the_noun_measured_measures_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Ostrand Leasing raises funds": "SINGAPORE, May 9 (Wire) - Ostrand Leasing, a lessor of shipping "
            "containers, has raised $900 million to pay for 80,000 new containers, it said on Monday.\n\nOstrand owns "
            "a fleet of about 1.4 million TEU, which it rents out to more than 300 shipping lines.",
        },
    )
    # (the unit, "TEU", is the count's own, no other party's)
    assert ask("How big is Ostrand's fleet?").short == "about 1.4 million TEU"


def test_a_name_in_apposition_with_a_relation_holds_the_role_in_apposition_too(
    encode: Callable[[list[str]], np.ndarray],
) -> None:
    ask = _answering(
        encode,
        {
            "Hallen buys Brodna Steel": "OSTRAVA, April 2 (Wire) - Hallen Group agreed to buy the Czech steel "
            "stockholder Brodna Steel from its founder, Jan Zelen, for €300 million.\n\nJan Zelen will retire at "
            "completion. His son, Marek Zelen, Brodna's chief operating officer, will keep running the business "
            "for Hallen.",
        },
    )
    # (the role is the one beside the name, not "son", and it is another frame than the one asked)
    assert "Marek Zelen" not in ask("Who is Brodna Steel's chief financial officer?").short
    assert ask("Who is Brodna's chief operating officer?").short == "Marek Zelen"


def test_a_role_the_articles_give_another_person_is_a_false_premise(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Brannock buys Tessel Mills": "LEEDS, June 3 (Wire) - Private equity firm Brannock Capital agreed to buy "
            "Tessel Mills, the family-owned flour miller, for £210m.\n\nTessel's chief executive, Ana Ruud, who "
            "joined from a bakery chain in 2021, will remain in post after the deal. Chairman Lars Tessel said "
            "the family chose to sell as none of its younger members wished to take charge.",
            "Orla Foods names new chief": "OSLO, May 2 (Wire) - Orla Foods' chief executive, Mats Holm, will retire "
            "in August after twelve years, the company said. His successor, Eva Brun, Orla's chief operating "
            "officer, will take over in September.",
        },
    )
    # (the article gives Tessel's one chief executive's post to Ana Ruud; Lars Tessel chairs it)
    answer = ask("Why did Lars Tessel agree to remain as Tessel Mills' chief executive after the deal?")
    assert answer.abstained and "Lars Tessel is Tessel Mills' chief executive" in answer.text, answer.text
    assert "Ana Ruud" in answer.citations[0].quote
    # ...but the premise holds of her
    answer = ask("Why did Ana Ruud agree to remain as Tessel Mills' chief executive after the deal?")
    assert not answer.abstained and "Ana Ruud" in answer.citations[0].quote, answer.text
    # ...nor of one the article says will do the act asked, who takes the post over
    answer = ask("When will Eva Brun take over as Orla Foods' chief executive?")
    assert "don't say that" not in answer.text, answer.text
    # ...nor of one who names another to the post
    answer = ask("When did Lars Tessel name Ana Ruud as Tessel Mills' chief executive?")
    assert "don't say that" not in answer.text, answer.text


def test_a_number_of_a_possessed_whole_counts_it(encode: Callable[[list[str]], np.ndarray]) -> None:
    ask = _answering(
        encode,
        {
            "Harwick sells stores to Pellan": "LONDON, May 5 (Wire) - British DIY chain Harwick Hardware has agreed "
            "to sell the buildings of 23 of its stores to Pellan Property Trust for £140m and rent them back for 15 "
            "years, the two firms said.\n\nHarwick plans to cut its borrowings with the proceeds.",
        },
    )
    # ("23 of its stores" counts stores)
    assert ask("How many stores is Harwick Hardware selling to Pellan?").short == "23 of its stores"
    # ...and so says that the sale is of no other number of them
    answer = ask("Why is Harwick Hardware selling all 80 of its stores to Pellan?")
    assert answer.abstained and "23 of its stores" in answer.citations[0].quote, answer.text
