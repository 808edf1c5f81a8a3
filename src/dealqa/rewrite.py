"""Turn a follow-up question into a standalone search query using the earlier user turns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import terms

# Words that point back at something said earlier.
_REFERRING = re.compile(
    r"\b(?:it|its|it's|that|this|those|these|they|them|their|there|he|she|his|her|the same|"
    r"the (?:company|firm|facility|deal|agreement|data cent(?:er|re)|cluster|site|one))\b"
    r"|^\s*(?:and|also|what about|how about|so)\b",
    re.IGNORECASE,
)
_MIN_STANDALONE_TERMS = 3


def is_follow_up(question: str) -> bool:
    return bool(_REFERRING.search(question)) or len(terms(question)) < _MIN_STANDALONE_TERMS


def condense(question: str, history: Sequence[str]) -> str:
    """The question with the last earlier user turn prepended when it refers back to it.

    Example:
        >>> condense("Where is that data center?", ["Tell me about Colossus 1."])
        'Tell me about Colossus 1. Where is that data center?'
    """
    if not history or not is_follow_up(question):
        return question
    return f"{history[-1]} {question}"
