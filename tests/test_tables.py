"""A Markdown table of terms: a two-column row whose label the question states gives its value, as
written in its cell. An invented article through the real corpus reader, chunker, store and answerer."""

from __future__ import annotations

import pytest

from dealqa import Assistant

from .conftest import assistant_over

ARENA = """---
id: arlo-arena
title: "Arlo Insurance agrees Dunlow Arena naming deal"
---
Arlo Insurance has agreed a 12-year naming-rights deal for the Dunlow Arena worth £45 million, the
venue's owner said on Tuesday.

| Term | Detail |
|---|---|
| Annual fee | £3.75m |
| Hospitality boxes | 12 |
| Arlo's share of ticket revenue | 2% from the third year |
| Exit fee payable by Arlo | £1.2m |
| Break fee (sponsor) | £0.9m |
| Break fee (owner) | £0.6m |
| Reverse exit fee (owed by Dunlow) | £2m |

The deal replaces a 10-year sponsorship with Vexley Motors, which expires on 31 December.
"""


@pytest.fixture(scope="module")
def arena(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("tables"), {"arlo-arena.md": ARENA})


def test_a_row_whose_label_the_question_states_gives_its_cell(arena: Assistant) -> None:
    assert arena.ask("What is the annual fee Arlo pays for the Dunlow Arena naming rights?").short == "£3.75m"
    # ...the whole cell, whose words qualify the value
    answer = arena.ask("What share of ticket revenue will Arlo receive under the arena deal?")
    assert answer.short == "2% from the third year", answer.text


def test_a_row_whose_label_the_question_does_not_state_answers_nothing(arena: Assistant) -> None:
    # "Hospitality boxes | 12" is no count of parking spaces
    assert "12" not in arena.ask("How many parking spaces does the Dunlow Arena have?").short


def test_a_row_whose_label_head_the_question_states_gives_its_cell(arena: Assistant) -> None:
    # the label's noun phrase asked, "payable by" said in other words
    assert arena.ask("What exit fee would Arlo Insurance have to pay under the naming agreement?").short == "£1.2m"
    # ...but not a label whose head is another kind of fee, nor one whose left-out words tell rows
    # apart ("from 2030"), beside the row the question states whole
    assert arena.ask("What exit fee would Dunlow have to pay?").short != "£2m"
    assert arena.ask("What break fee would Arlo pay?").short not in ("£0.9m", "£0.6m")
