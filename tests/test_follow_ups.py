"""Follow-ups that point back at the name the earlier question asked for: answered about that name,
as the articles gave it. An invented article, so nothing leans on the shipped corpus."""

from __future__ import annotations

import pytest

from dealqa import Assistant
from dealqa.rewrite import about_thing, resolve

from .conftest import assistant_over

ARTICLE = """---
id: vantor-leaders
title: "Vantor Systems names its leaders"
---
Vantor Systems named Maria Okeke its chief executive on Monday.
Okeke joined Vantor Systems in 2019 from Quarry Labs, where she ran the freight software unit.
Dana Whitlow, the chief financial officer of Vantor Systems, joined the company in 2022 from Pellbrook Freight.
Quarry Labs is based in Austin, Texas, and was founded in 2011.
"""
DEPOT = """---
id: pellworth-depot
title: "Pellbrook Freight opens a depot"
---
Pellbrook Freight is expanding. The company opened its new depot in Columbus, Ohio, on Tuesday.
"""


@pytest.fixture(scope="module")
def leaders(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("follow-ups"), {"vantor-leaders.md": ARTICLE, "pellworth-depot.md": DEPOT}
    )


def test_a_pronoun_is_read_as_the_name_the_earlier_answer_gave(leaders: Assistant) -> None:
    earlier = "Who is the chief executive of Vantor Systems?"
    assert leaders.ask(earlier).short == "Maria Okeke"
    # (the chief financial officer joined too, in 2022: "she" decides which of them is asked about)
    answer = leaders.ask("When did she join the company?", history=[earlier])
    assert answer.short == "2019", answer.text
    assert answer.question == "When did she join the company?"  # the user's own words are kept


def test_a_demonstrative_phrase_is_read_as_the_name(leaders: Assistant) -> None:
    earlier = "Which company did Maria Okeke join Vantor Systems from?"
    assert leaders.ask(earlier).short == "Quarry Labs"
    assert leaders.ask("When was that company founded?", history=[earlier]).short == "2011"


def test_a_follow_up_that_names_no_one_is_answered_from_the_articles_about_the_earlier_names(
    leaders: Assistant,
) -> None:
    # Who supplies Quarry Labs is not said, so "that company" stays unknown; a depot of another
    # company, in an article that never names Quarry Labs, is not its answer.
    answer = leaders.ask("Where is that company's new depot?", history=["Which company supplies Quarry Labs?"])
    assert "Columbus" not in answer.short, answer.text
    # ...nor is "that company" the one the earlier question named: no short answer is sure of it
    answer = leaders.ask("Who is that company's chief financial officer?", history=["Which company audits Vantor?"])
    assert not answer.short, answer.text
    # a follow-up about the earlier question's own names is answered as before
    assert leaders.ask("When was it founded?", history=["Where is Quarry Labs based?"]).short == "2011"


@pytest.mark.parametrize(
    ("question", "name", "person", "resolved"),
    [
        ("What role will he take at Vantor?", "Ines Varga", True, "What role will Ines Varga take at Vantor?"),
        ("Where is their new plant?", "Pellbrook Freight", False, "Where is Pellbrook Freight's new plant?"),
        ("Where is that company's factory?", "Quarry Labs", False, "Where is Quarry Labs's factory?"),
        ("When did he join?", "Quarry Labs", False, None),  # "he" is never a company
        ("Where does her company operate?", "Ines Varga", True, None),  # a company the articles name otherwise
        ("When was the deal signed?", "Quarry Labs", False, None),  # nothing points back
        ("And who is its finance chief?", "Maria Okeke", True, None),  # "its" is never a person
        ("When was it founded?", "Pellbrook Freight", False, "When was Pellbrook Freight founded?"),
        # (the tagger takes "firm" for an adjective here: a determiner's head is a noun all the same)
        ("How much money does that firm manage?", "Orla Capital", False, "How much money does Orla Capital manage?"),
    ],
)
def test_the_word_that_points_back_is_found_by_the_parse(
    question: str, name: str, person: bool, resolved: str | None
) -> None:
    assert resolve(question, name, person) == resolved


DAIRY = """---
id: lisk-orrin-merger
title: "Two dairy co-operatives agree to merge"
---
Lisk Dairies and Orrin Co-operative have agreed to merge to form Tallow Dairy Co-operative, a group of 4,000 farmers.
Brendan Kerr, chair of Lisk, would become chair of Tallow, and Orrin's chief executive would run it.
A third co-operative, Duneway Milk, was approached; its chair, Patricia Hale, said her board had said no for now.
"""
CLUB = """---
id: wexford-takeover
title: "Wexford Rovers agrees to takeover"
---
Wexford Rovers has agreed to be taken over by a consortium led by Thornbury Capital for £90 million.
Supporters' trust chair Helen Moss welcomed the deal.
"""


def test_it_after_a_question_about_a_thing_is_that_thing(tmp_path_factory: pytest.TempPathFactory) -> None:
    merger = assistant_over(tmp_path_factory.mktemp("things"), {"dairy.md": DAIRY, "club.md": CLUB})
    # "it" is the merged co-operative the earlier question asked about: the chair of a club in
    # another article is neither who would chair it nor a source that disagrees
    answer = merger.ask("Who would chair it?", history=["What will the merged dairy cooperative be called?"])
    assert "Helen Moss" not in answer.text, answer.text


def test_a_demonstrative_of_a_thing_the_earlier_question_said_is_that_thing() -> None:
    earlier = "Which pension fund is selling its remaining stake in Tavel Orchards?"
    # (the stake is the fund's: "that stake" is not the fund)
    fund = "Orla Pensions"
    assert resolve("How large was that stake?", fund, False, earlier=earlier) == "How large was Orla Pensions's stake?"
    # (a thing said without "its" is no name's: nothing to put in)
    assert resolve("How large was that stake?", fund, False, earlier="Which fund bought a stake in Tavel?") is None
    # (the kind asked is the name, as before)
    assert resolve("Where is that fund based?", fund, False, earlier=earlier) == "Where is Orla Pensions based?"
    # (and so is a thing whose name "what" asks)
    called = "What will the merged Tavel and Brisk company be called?"
    assert resolve("Who will run that company?", "Tavbrisk", False, earlier=called) == "Who will run Tavbrisk?"


def test_a_thing_asked_about_stands_for_a_pronoun_not_for_a_phrase_of_its_own() -> None:
    assert resolve("When will it close?", "the deal", person=False, phrases=False) == "When will the deal close?"
    # "that facility" says what it points at in its own noun: not "the deal"
    assert resolve("Where is that facility?", "the deal", person=False, phrases=False) is None


WIND = """---
id: arden-polk-wind
title: Arden Group to buy Polk Solar's wind unit
---
Arden Group will pay €420 million for Polk Solar's wind unit, the companies said on Monday.
The buyer expects to complete the purchase in March 2027, after regulators in Portugal approve it.
Polk Solar, based in Lisbon, will use the money to expand its rooftop panel business.
"""
HAULAGE = """---
id: vance-halden
title: Vance Industries agrees to buy Halden Haulage
---
Vance Industries has agreed to buy Halden Haulage, a trucking firm, for $310 million.
The buyer expects to complete the purchase in June 2026.
"""
KESTREL = """---
id: arden-kestrel
title: Arden Group to buy rest of Kestrel Foods
---
Arden Group has agreed to pay $610 million for the 70% of Kestrel Foods it does not already own.
Arden Group, Kestrel's largest shareholder, bought its first 30% stake in 2019.
"""


def test_a_follow_up_about_an_earlier_question_s_names_stays_with_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    deals = assistant_over(
        tmp_path_factory.mktemp("buyers"), {"wind.md": WIND, "haulage.md": HAULAGE, "kestrel.md": KESTREL}
    )
    # "it" is the buyer of Polk Solar's unit, not any buyer: the other article's date is no rival
    earlier = "How much will the buyer pay for Polk Solar's wind unit?"
    assert deals.ask("When will it complete the purchase?", history=[earlier]).short == "March 2027"
    # ...and a name the earlier question gave may be the answer ("its" is Kestrel Foods)
    earlier = "How much is Arden Group paying for Kestrel Foods?"
    assert deals.ask("Who is its largest shareholder?", history=[earlier]).short == "Arden Group"


@pytest.mark.parametrize(
    ("question", "earlier", "resolved"),
    [
        (
            "When will it close?",
            "What will the merged dairy group be called?",
            "When will the merged dairy group close?",
        ),
        ("When will it close?", "When was the deal signed?", "When will the deal close?"),
        ("When was it agreed?", "How many stores do the two chains run?", None),  # the subject is what it asks
        ("Who are they buying?", "When was the deal signed?", None),  # "they" is no deal
        ("When was it announced?", "Why did the regulator block the takeover?", None),  # which of the two?
    ],
)
def test_a_pronoun_stands_for_the_one_thing_the_earlier_question_asked_about(
    question: str, earlier: str, resolved: str | None
) -> None:
    assert about_thing(question, earlier) == resolved


def test_a_role_in_initials_held_by_a_pronoun_is_asked_of_the_earlier_names(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assistant = assistant_over(
        tmp_path_factory.mktemp("roles"),
        {
            "arlo.md": "Arlo Foods has agreed to buy Dunlow Dairy for $80 million. Arlo Foods' chief financial "
            "officer, Nora Quill, said the deal would be funded from cash.\n",
            "vexley.md": "Vexley Air has ordered ten regional jets. Its chief financial officer, Tom Pell, said the "
            "order would be paid for with debt.\n",
        },
    )
    # the model types "CFO" of "their CFO" as a company: it is the role asked, of Arlo Foods
    answer = assistant.ask("Who is their CFO?", history=["How much is Arlo Foods paying for Dunlow Dairy?"])
    lead = answer.short or answer.citations[0].quote
    assert "Nora Quill" in lead and "Tom Pell" not in answer.text, answer.text


def test_a_count_is_not_a_share_of_another_thing_the_act_is_done_to(tmp_path_factory: pytest.TempPathFactory) -> None:
    assistant = assistant_over(
        tmp_path_factory.mktemp("beds"),
        {
            "merger.md": "Dunlow Health and Tollmere Care have agreed to merge in an all-stock deal, creating a group "
            "with 21,000 beds. The two groups overlap in Columbus, Ohio, and Knoxville, Tennessee, where together "
            "they would run more than half of the acute-care beds, and the companies said they were prepared to "
            "sell hospitals in those markets.\n",
        },
    )
    # "run more than half of the beds" says how many beds, not how many hospitals
    earlier = "How many beds will the merged Dunlow and Tollmere group have?"
    answer = assistant.ask("And how many hospitals will it run?", history=[earlier])
    assert not answer.short, answer.text


TERMINALS = """Brakstad Lines to buy Tolvik Terminals

KALDVIK, April 14 (Wire) - Brakstad Lines, the Tromsvik-based container shipping line, has agreed to buy Danish port
operator Tolvik Terminals for NOK 2.35 billion including debt, the companies said on Wednesday.

To win approval from the competition authority, Brakstad agreed to sell the Ormeset depot. Brakstad will sell the
Ormeset depot to Vessby Ports for NOK 215 million once its own purchase is complete.
"""


@pytest.fixture(scope="module")
def terminals(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("terminals"), {"brakstad.txt": TERMINALS})


def test_a_pronoun_is_read_as_the_name_a_which_noun_answer_gave(terminals: Assistant) -> None:
    earlier = "Which depot did Brakstad agree to sell to win approval?"
    assert terminals.ask(earlier).short == "Ormeset"
    # "it" is the Ormeset depot, not Tolvik Terminals, which Brakstad buys
    answer = terminals.ask("Who is buying it?", history=[earlier])
    assert "Tolvik" not in answer.short and "Brakstad" not in answer.short, answer.text
    # ...and where no answer names the terminal, "it" stands for one not known: no short answer
    answer = terminals.ask("Who is buying it?", history=["Which depot did Brakstad agree to close?"])
    assert not answer.short, answer.text


def test_the_dateline_is_no_party(terminals: Assistant) -> None:
    # (the parser takes the dateline's place for the subject; "it" stands for whatever is bought)
    assert terminals.ask("Who is buying it?").short == "Brakstad Lines"


def test_a_follow_up_after_a_declined_question_for_no_name_is_about_what_it_asked(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    article = (
        "Varden Capital has sold Dunmarsh Ports to Skerrin Infrastructure for $2 billion. "
        "The transaction is expected to complete in October.\n"
    )
    assistant = assistant_over(tmp_path_factory.mktemp("synergies"), {"dunmarsh.md": article})
    # (the synergies are not said: "it" is the deal asked about, not an unknown name)
    answer = assistant.ask("When will it complete?", history=["What synergies does Skerrin expect from the deal?"])
    assert answer.short == "October", answer.text


def test_a_name_that_modifies_the_noun_asked_is_read_with_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    article = (
        "Hamar Logistics agreed to sell its Kaldvik depot to Arlo Ports for $95 million. The deal is expected to close "
        "in September. Arlo Ports will spend $20 million upgrading the site.\n"
    )
    assistant = assistant_over(tmp_path_factory.mktemp("depot"), {"hamar.md": article})
    # ("it" is the Kaldvik depot, not the town)
    answer = assistant.ask(
        "How much is Arlo Ports paying for it?", history=["Which depot did Hamar Logistics agree to sell?"]
    )
    assert answer.short == "$95 million", answer.text


def test_a_pronoun_is_read_as_the_one_of_two_an_answer_named(tmp_path_factory: pytest.TempPathFactory) -> None:
    article = (
        "# Welsh dairy co-operatives Tarnwy and Cefnhir agree to merge in deal advised by Pendry Capital\n\n"
        "Tarnwy Farmers Co-operative is to combine with Cefnhir Milk Co-operative, their boards announced on "
        "Monday. Together the group will count about 4,900 farmer-members.\n\n"
        "Tarnwy, headquartered in Carmarthen, has 3,100 members. Cefnhir, headquartered in Llandeilo, has 1,800 "
        "members and turnover of £600m. Tarnwy, which moved its head office from Swansea in 2019, owns two creameries. "
        "Pendry Capital, headquartered in Cardiff, advised both boards.\n"
    )
    assistant = assistant_over(tmp_path_factory.mktemp("co-operatives"), {"tarnwy.md": article})
    # (neither sentence calls its name a dairy co-operative: the title says the two are)
    earlier = "Which of the two dairy co-operatives is headquartered in Llandeilo?"
    assert assistant.ask(earlier).short == "Cefnhir"
    # (not the adviser the title names, nor the one that moved away from the town asked)
    assert not assistant.ask("Which of the two dairy co-operatives is headquartered in Cardiff?").short
    assert not assistant.ask("Which of the two dairy co-operatives moved its head office to Swansea?").short
    # ("it" is the name that answer gave, which the model typed as nothing)
    answer = assistant.ask("How many members does it have?", history=[earlier])
    assert answer.short == "1,800 members", answer.text
