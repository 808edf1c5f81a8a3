"""Turn a follow-up question into a standalone search query using the earlier user turns, and
put the name an earlier answer gave in place of the word that points back at it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .nlp import entities, parse
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


def name_type(name: str, sentence: str) -> str:
    """The type the model reads the name as in the sentence that gives it ("PERSON", "ORG",
    "DATE", ...; "NAME" for a run of proper nouns it gave no type), or "" where it finds no such
    entity."""
    return next((e.label for e in entities(parse(sentence)) if sentence[e.start : e.end] == name), "")


def resolve(question: str, name: str, person: bool, *, phrases: bool = True, earlier: str = "") -> str | None:
    """The follow-up with the first word that points back at a name replaced by it: a third-person
    pronoun ("he", "their") or a demonstrative's noun phrase ("that company"), as spaCy's
    morphology marks them. ``person``: the name is a person's ("he" and "she" stand only for one,
    "it" and "its" never). ``phrases``: a demonstrative's phrase may stand for it (not for a thing
    of another noun: "that facility" is not "the deal"). ``earlier``: the question the name answers;
    a demonstrative's noun that it says of another thing than it asks for is that thing, the name's
    where "its" or "their" owns it ("How big was that stake?" after "Which fund sold its stake?":
    the fund's stake). None when nothing in it points back, or it points back at such a thing.

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
            thing = _thing_said(t.head, earlier) if earlier else None
            if thing is not None:
                if not any(d.dep_ == "poss" and d.pos_ == "PRON" for d in thing.children):
                    return None
                end, said = t.i + 1, f"{name}'s"
        else:
            continue
        before = doc[start - 1].whitespace_ if start else ""
        return f"{doc[:start].text}{before}{said}{doc[end - 1].whitespace_}{doc[end:].text}".strip()
    return None


def _thing_said(noun: Any, earlier: str) -> Any:
    """The token of the earlier question that says the noun, where that question asks for a thing of
    another noun ("Which fund sold its stake?" says "stake" and asks for a fund), or None."""
    doc = parse(earlier)
    said = [t for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() == noun.lemma_.lower()]
    asked = [t for t in doc if any(d.tag_ in ("WDT", "WP$") for d in t.children)]
    return said[0] if said and asked and not any(t.i == a.i for t in said for a in asked) else None


def about_thing(question: str, earlier: str) -> str | None:
    """The follow-up with its pronoun replaced by the one thing the earlier question, which names no
    one, asked about: its subject's common noun phrase ("Who would chair it?" after "What will the
    merged dairy group be called?": "Who would chair the merged dairy group?"). None where that
    question asks about two things ("Why did the regulator block the takeover?": "it" may be
    either), its subject is what it asks for ("which investor", "how many stores"), or the pronoun
    does not agree with it in number ("they" for "the deal").

    Example:
        >>> about_thing("When will it close?", "What will the merged dairy group be called?")
        'When will the merged dairy group close?'
    """
    doc = parse(earlier)
    arguments = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and t.pos_ in ("NOUN", "PROPN")]
    if len(arguments) != 1 or arguments[0].dep_ not in ("nsubj", "nsubjpass") or arguments[0].head.dep_ != "ROOT":
        return None
    subject = arguments[0]
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
    if any(t.tag_ in ("WRB", "WDT", "WP", "WP$") or t.pos_ == "PROPN" for t in phrase):
        return None
    pronoun = next(
        (t for t in parse(question) if t.morph.get("PronType") == ["Prs"] and t.morph.get("Person") == ["3"]), None
    )
    if pronoun is None or pronoun.morph.get("Number") != subject.morph.get("Number"):
        return None
    return resolve(question, phrase.text, person=False, phrases=False)
