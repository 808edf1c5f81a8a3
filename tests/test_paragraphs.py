"""What a passage is about, paragraph by paragraph: an invented article through the real chunker,
store and answerer, so a chunk holds several of its paragraphs as it does for any short article."""

from __future__ import annotations

import pytest

from dealqa import Assistant

from .conftest import assistant_over

ORDER = """---
id: tern-order
title: "Tern Wind wins a turbine order"
---
Tern Wind will supply 40 turbines to Marlow Energy for its new wind farm, the companies said on Monday.

Marlow Energy will own the wind farm outright.

Tern Wind, founded in 1990, employs about 3,000 people. Its orders rose 20% last year. Ivo Brandt, the
company's chief financial officer, said the order would be booked in the first quarter.
"""


@pytest.fixture(scope="module")
def tern(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("paragraphs"), {"tern-order.md": ORDER})


def test_a_paragraph_is_about_what_its_first_sentence_names(tern: Assistant) -> None:
    # "the company" of the last paragraph is Tern Wind, which opens it, not Marlow Energy
    assert tern.ask("Who is Tern Wind's chief financial officer?").short == "Ivo Brandt"
    answer = tern.ask("Who is Marlow Energy's chief financial officer?")
    assert not answer.short, answer.text
