"""Turn a follow-up question into a standalone search query using the earlier user turns, and
put the name an earlier answer gave in place of the word that points back at it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .nlp import parse
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
        >>> condense("Where is that plant?", ["Tell me about Dunmere Press."])
        'Tell me about Dunmere Press. Where is that plant?'
    """
    if not history or not is_follow_up(question):
        return question
    return f"{history[-1]} {question}"


def is_person(name: str, sentence: str) -> bool:
    """Whether the model reads the name as a person's in the sentence that gives it."""
    return any(e.label_ == "PERSON" and e.text == name for e in parse(sentence).ents)


def resolve(question: str, name: str, person: bool, *, phrases: bool = True) -> str | None:
    """The follow-up with the first word that points back at a name replaced by it: a third-person
    pronoun ("he", "their") or a demonstrative's noun phrase ("that company"), as spaCy's
    morphology marks them. ``person``: the name is a person's ("he" and "she" stand only for one,
    "it" and "its" never). ``phrases``: a demonstrative's phrase may stand for it (not for a thing
    of another noun: "that facility" is not "the deal"). None when nothing in it points back.

    Example:
        >>> resolve("When did he join Vantor?", "Maria Okeke", person=True)
        'When did Maria Okeke join Vantor?'
    """
    doc = parse(question)
    for t in doc:
        morph = t.morph
        if morph.get("PronType") == ["Prs"] and morph.get("Person") == ["3"]:
            if set(morph.get("Gender")) & {"Masc", "Fem"} and (not person or morph.get("Poss") == ["Yes"]):
                continue  # "he" never stands for a company; "her company" is not one the articles name her in
            if person and morph.get("Gender") == ["Neut"]:
                continue  # "its finance chief" after "Who runs Vantor?" is Vantor's, not its chief's
            start, end, said = t.i, t.i + 1, f"{name}'s" if morph.get("Poss") == ["Yes"] else name
        elif (
            phrases
            and morph.get("PronType") == ["Dem"]
            and t.dep_ == "det"
            and t.head.pos_ in ("NOUN", "ADJ")
            and t.head.i > t.i
        ):
            # "that company('s factory)"; (the tagger may take "firm" of "does that firm run" for an
            # adjective; not "that Series A", a name of its own)
            start, end, said = t.i, t.head.i + 1, name
        else:
            continue
        before = doc[start - 1].whitespace_ if start else ""
        return f"{doc[:start].text}{before}{said}{doc[end - 1].whitespace_}{doc[end:].text}".strip()
    return None


def subject_phrase(question: str) -> str | None:
    """The common noun phrase the question's main clause is about, which a follow-up's "it" stands
    for ("the merged dairy group" of "What will the merged dairy group be called?"), or None.

    Example:
        >>> subject_phrase("What will the merged dairy group be called?")
        'the merged dairy group'
    """
    doc = parse(question)
    subject = next(
        (t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.pos_ == "NOUN"), None
    )
    if subject is None:
        return None
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
    # (not the thing asked for, "which investor", nor one a name says, which the names stand for)
    if any(t.tag_ in ("WDT", "WP", "WP$") or t.pos_ == "PROPN" for t in phrase):
        return None
    return phrase.text
