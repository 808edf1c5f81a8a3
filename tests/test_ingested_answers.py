"""Answers through a real ingest and retrieval, where how sentences rank matters: a day and its date
are one value; a value is looked for among the leading sentences that state what is asked. Invented
articles, so nothing leans on the shipped corpus."""

from __future__ import annotations

from pathlib import Path

from .conftest import assistant_over

ARTICLE = """# Grisholm Cruises to buy three used ships from Brenhall Lines

Grisholm Cruises has agreed to buy three second-hand cruise ships from Brenhall Lines for $600 million in cash, the \
companies said on Tuesday.

The agreement was signed on Monday, 8 March 2027, with the administrators of Brenhall, which has been in \
administration since November.
"""

BID = """Tarnell Mills rejects hostile 310p-a-share bid from Ostry Grain

KELBY, Oct. 4 (Wire) - Tarnell Mills, the Kelby-listed flour miller, on Monday rejected a hostile takeover bid \
worth £980m from rival Ostry Grain, saying the offer undervalued the company.

Ostry's first public offer of 310p a share valued Tarnell at £980m when Ostry made its proposal public early \
on Monday, after Tarnell's board turned down two earlier private approaches. Tarnell's share price has fallen \
30% this year, and Ostry's proposal came days after Tarnell cut its profit forecast. The offer is worth 310p a \
share, made up of 270p in cash from Ostry and a special dividend of 40p a share that Tarnell would pay its own \
shareholders before completion. That is a 28% premium to Tarnell's undisturbed share price of 242p on Friday, \
Oct. 1.

Tarnell said Ostry had first approached it on August 9 with a proposal of 280p a share, and had raised that to \
295p the week before going public. Both were rejected.

Shares in Tarnell rose 19% to 288p in Kelby on Monday, below the offer price, suggesting investors doubt that \
Ostry will make a firm bid. Ostry's shares fell 2.4% to 512p.
"""


def test_a_day_and_its_date_are_answered_together(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"halden.md": ARTICLE})
    answer = assistant.ask("On what date did Grisholm Cruises sign the agreement to buy the Brenhall ships?")
    assert answer.short == "Monday, 8 March 2027", answer.text


def test_sentences_that_leave_out_a_word_asked_take_no_place_among_the_leading_ones(tmp_path: Path) -> None:
    # (four sentences about the offer and the share price rank above the one that says "undisturbed")
    assistant = assistant_over(tmp_path, {"tarnell.txt": BID})
    answer = assistant.ask("What was Tarnell's undisturbed share price before Ostry's proposal was made public?")
    assert answer.short == "242p", answer.text
