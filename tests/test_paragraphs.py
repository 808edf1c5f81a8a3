"""What a passage is about, paragraph by paragraph: an invented article through the real chunker,
store and answerer, so a chunk holds several of its paragraphs as it does for any short article."""

from __future__ import annotations

import pytest

from dealqa import Assistant

from .conftest import assistant_over

ORDER = """---
id: brisk-order
title: "Brisk Ovens wins an oven order"
---
Brisk Ovens will supply 40 ovens to Kelp Bakeries for its new bakery, the companies said on Monday.

Kelp Bakeries will own the bakery outright.

Brisk Ovens, founded in 1990, employs about 3,000 people. Its orders rose 20% last year. Ivo Brandt, the
company's chief financial officer, said the order would be booked in the first quarter.
"""


@pytest.fixture(scope="module")
def brisk(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("paragraphs"), {"brisk-order.md": ORDER})


def test_a_paragraph_is_about_what_its_first_sentence_names(brisk: Assistant) -> None:
    # "the company" of the last paragraph is Brisk Ovens, which opens it, not Kelp Bakeries
    assert brisk.ask("Who is Brisk Ovens's chief financial officer?").short == "Ivo Brandt"
    answer = brisk.ask("Who is Kelp Bakeries's chief financial officer?")
    assert not answer.short, answer.text
