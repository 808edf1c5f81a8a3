"""What a question asks: the kind of answer, the alternatives of "A or B?", the names it uses, and
its opening question word mended when mistyped."""

from __future__ import annotations

import re

from .facts import NAME_WORD, STOPWORDS, AnswerType, mentioned

# "What does SpaceX gain from the deal?", "What's in it for Anthropic?" (the groups hold who gains).
_GAIN = re.compile(
    r"\b(?:what|how) (?:does|did|do|will|would|can|could) (?P<who>.+?) (?:gain|get|win|receive|earn|benefit)\b"
    r"|\bwhat(?:'s| is) in it for (?P<for>[^?.!]+)",
    re.I,
)

_TYPE_RULES: tuple[tuple[re.Pattern[str], AnswerType], ...] = (
    (
        re.compile(r"\b(?:when|what (?:day|date|year|month|time)|which (?:day|date|year|month))\b", re.I),
        AnswerType.DATE,
    ),
    (
        re.compile(
            r"\b(?:how (?:many|much|long|big|large)|what (?:number|percentage|share|amount|price)|valued at|worth)\b",
            re.I,
        ),
        AnswerType.NUMBER,
    ),
    (
        re.compile(
            r"\b(?:where|which (?:city|state|country|town|place|region)|what (?:city|state|country|town|place))\b", re.I
        ),
        AnswerType.PLACE,
    ),
    (
        re.compile(
            r"\b(?:who|whom|whose|which (?:\w+ ){0,2}(?:company|companies|firms?|outlets?|organi[sz]ations?|"
            r"person|people|assistants?|models?|partners?|providers?|investors?|backers?))\b",
            re.I,
        ),
        AnswerType.NAME,
    ),
    (_GAIN, AnswerType.BENEFIT),
    # "What will they use it for?", "What is the purpose of ...?"
    (re.compile(r"^\s*what\b.*\bfor\W*$|\bpurpose\b", re.I), AnswerType.PURPOSE),
)


# Question words typed as another word or a slip; the verb after one shows it opens a question
# ("were is the data center" cannot mean "were").
_SLIPS = {"were": "where", "wher": "where", "whre": "where", "wen": "when", "whn": "when", "wat": "what"}
_SLIPPED = re.compile(
    rf"^(\s*)({'|'.join(_SLIPS)})(?=\s+(?:is|are|was|were|does|do|did|will|can|could|should|has|have|had)\b)", re.I
)


def fix_question_word(question: str) -> str:
    """The question with a mistyped opening question word corrected ("wen did ..." -> "when did ...")."""

    def fix(m: re.Match[str]) -> str:
        meant = _SLIPS[m[2].lower()]
        return m[1] + (meant.capitalize() if m[2][0].isupper() else meant)

    return _SLIPPED.sub(fix, question)


def answer_type(question: str) -> AnswerType:
    """What kind of short answer the question asks for, from its wh-phrase."""
    for pattern, kind in _TYPE_RULES:
        if pattern.search(question):
            # What someone gains is told of someone named; without a name it is a plain question.
            return AnswerType.NONE if kind is AnswerType.BENEFIT and not beneficiaries(question) else kind
    return AnswerType.NONE


def beneficiaries(question: str) -> list[str]:
    """The names of whoever the question asks the gain of ("Anthropic" in "What did Anthropic get
    from SpaceX?")."""
    m = _GAIN.search(question)
    who = m and (m["who"] or m["for"])
    return [n for n in proper_names(question) if who and mentioned(n, who)]


_SEVERAL = re.compile(
    r"\b(?:which|what) (?:\w+ ){0,2}(?:companies|firms|outlets|organi[sz]ations|people|assistants|models|partners|"
    r"providers|investors|backers|parties)\b|\bwho (?:are|were)\b",
    re.I,
)


# "Is it A or B?": a yes/no question offering two alternatives ("or not" offers none).
_CHOICE = re.compile(
    r"^\s*(?P<left>(?:is|are|was|were|does|do|did|will|would|has|have|had|can|could|should)\b.+?)"
    r"\s+or\s+(?!not\b)(?P<right>.+?)[\s?.!]*$",
    re.I,
)


def alternatives(question: str) -> tuple[str, str] | None:
    """The two alternatives of an "A or B?" question, or None.

    Example:
        >>> alternatives("Is Anthropic leasing Colossus 1 or buying it?")
        ('Is Anthropic leasing Colossus 1', 'buying it')
    """
    m = _CHOICE.match(question)
    return (m["left"], m["right"]) if m else None


def asks_for_several(question: str) -> bool:
    """Whether the question asks for several names ("Which companies ..."), which the articles
    may state in different sentences."""
    return bool(_SEVERAL.search(question))


_NAME_PHRASE = re.compile(rf"(?<!^)(?<![.?!]\s)\b{NAME_WORD}(?:\s+(?:{NAME_WORD}|\d+))*")


def proper_names(question: str) -> list[str]:
    """Names the user typed: runs of capitalised words (and a model number) after the first word."""
    names = []
    for m in _NAME_PHRASE.finditer(question.strip()):
        name = re.sub(r"['’]s$", "", m.group()).strip()
        if name.lower() not in STOPWORDS:
            names.append(name)
    return names
