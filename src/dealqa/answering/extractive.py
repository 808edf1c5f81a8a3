"""The default answerer: picks the source sentences that answer, never writes one of its own.

It reads the evidence retrieval hands it (each sentence's vector, stemmed words and the named
values spaCy found at ingest, with their clauses), never the store. A short direct answer (a
date, amount, name ...) comes first only when the value is of the type the question asks for and
is tied to what it asks about: the question's words stand in the value's clause, or the clause
means nearly what the question asks. When no sentence covers what the question asks about, it
says the articles don't say it; when the sources state different values, it says they disagree.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Protocol

import numpy as np

from ..nlp import clause_head, entities, parse
from ..text import (
    DATELINE,
    abbreviates,
    acronym_terms,
    content_words,
    display,
    fold,
    mentioned,
    nearness,
    spelled_acronyms,
    stem,
    terms,
)
from ..types import Chunk, Citation, Entity, Evidence, Hit, Retrieval
from .questions import (
    MEASURE_TYPES,
    NAME_TYPES,
    PLACE_TYPES,
    Priced,
    Question,
    QuestionReader,
    actor,
    alternatives,
    compounded,
    percentage,
    purpose,
    role_words,
)
from .reporting import ReportingReader, acts, names_publisher

# Lexical overlap helps pick the sentence that uses the question's own words among similar ones.
_OVERLAP_WEIGHT = 0.3
# Another article's sentence joins the answer when it scores this close to the best one (closer
# still when nothing but similarity says it answers)...
_OTHER_ARTICLE_MARGIN = {True: 0.15, False: 0.08}
# ...and a second sentence of the same article when it is closer still.
_SAME_ARTICLE_MARGIN = 0.07
# A sentence stating a value of the asked type may be this much less similar to the question.
_TYPED_SCORE_RELIEF = 0.2
# A sentence naming what the question names ranks higher than one about something else.
_NAMED_WEIGHT = 0.15
# ...and for stating a value (not a name) of the type asked that the question does not already say.
_TYPED_WEIGHT = 0.1
# Share of the question's focus (weighted by rarity) a sentence must state to answer it, unless its
# meaning is this close to the question's.
_MIN_COVERAGE = 0.5
_PARAPHRASE = 0.62
# ...and at this one, a sentence that states the question's words and a value of its type answers it
# as a quote when no value is tied (chosen on the dev halves: at 0.62 fewer right sentences were
# quoted, at 0.55 an unanswerable question was answered)
_CLOSE_MEANING = 0.6
# ...and a sentence this near restates it, though it leaves a word of it out or says it otherwise
# (chosen on the dev halves: at 0.68 one left out the word that said which fee was asked)
_RESTATES = 0.75
# A value's clause this close to the question ties the value to it even in other words.
_TIE_SIMILARITY = 0.5
_TIE_STRONG = 0.75
# What a draft's finding says of the question.
_FALSE_PREMISE = "false premise"
_DISAGREEMENT = "sources disagree"
_METADATA = "from the articles' metadata"  # which an LLM never sees
# Entity types of amounts a question may take for granted.
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# Entity types of times.
_TIMES = frozenset({"DATE", "TIME"})
# Characters between two conjoined values at most (", and ", " or ").
_CONJUNCTION = 6
# A word of a name names it alone when it is this rare relative to the name's rarest word.
_TELLING = 0.5
# Two values of one sentence whose ties differ by less than this are equally likely answers.
_SAME_TIE = 0.1
# Share of the question's focus a sentence must state by itself (its names too) to be quoted as
# the answer when no value in it is tied to the question.
_OWN_COVERAGE = 0.75
# A word of a sentence this close to a word of the question's focus states it.
_SAME_WORD = 0.6
# A share of more than this many percent of a company is control of it.
_HALF = 50.0
_WHOLE = 100.0  # (and one of less than this, a part of it)
# ...and a noun a number counts this near the one "how many" asks may be it ("people" for "employees").
_COUNTS_ALIKE = 0.45
# Below this cosine, the noun an amount is called is another than the one asked, which a question
# word may mean and a sentence need not say ("revenue" for "price"; not "value").
_CALLED_ALIKE = 0.5
# The parts of speech whose lemmas may say a question's noun ("values": "value").
_CONTENT_POS = ("NOUN", "VERB", "ADJ")
_VECTOR_CACHE = 50_000
# A word of a sentence this close to a verb of the question states it ("acquire" for "buy").
_SAME_VERB = 0.55
# The question words a value of a type may be more like than the one asked: an amount or a count
# for a length's QUANTITY ("600,000 tonnes" is no answer to "how long"). (A DATE's point in time
# and span are told apart by the parse: see _lasts.)
_RIVAL_KINDS: dict[str, dict[str, tuple[str, ...]]] = {"how long": {"QUANTITY": ("how much", "how many")}}
# The leading sentences whose values are weighed (each clause is a pass of the model).
_WEIGHED = 4
# The types of a number, whatever it measures.
_NUMBERS = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})
# How far, in parse edges, a noun that "it" in a value's clause stands for counts as from the value.
_POINTED_EDGES = 2
# How near a comparison's measure is to the word the comparative measures, in edges.
_MEASURE_EDGES = 2
_MAX_SENTENCES = 3
# A person's role and its holder stand this near the name in the parse ("Ana Ruiz, Vantor's chief executive").
_ROLE_EDGES = 4
_CLOSEST_SHOWN = 2
_DATELINE_TOKENS = 16  # a dateline's place, day and agency fit in these
# The words that make a value before them a rate ("$38.50 a share", "€14,000 per accelerator"): such
# a value answers only a question that names what it is a rate of.
_RATE = frozenset({"per", "a", "an", "each"})
# ...and what a question asks a rate of stands this near an amount that is one ("Each truck costs $90,000").
_RATE_EDGES = 2
# Prepositions of place (closed-class words, as "per" above): "plants in Bergen", "a site near Oslo".
_LOCATIVE = frozenset({"in", "at", "near", "across", "outside", "inside", "around", "throughout"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Prepositions of the other party of a transfer (closed-class words): "sell it to X", "buy it from X".
_TRANSFER = frozenset({"to", "from"})
# The arcs of a clause of its own: one before a negated verb states something else than the denial
# ("X will buy ...; the size was not disclosed"), and a negated verb so attached heads its clause.
# (Not a subject clause, "csubj", which is what is denied.)
_CLAUSE_ARCS = frozenset({"ccomp", "parataxis", "advcl"})
_CLAUSE_HEADS = _CLAUSE_ARCS | {"ROOT", "conj"}
# ...where a verb stands, and what only a noun has: a word the model tagged a noun with an arc of the
# first and none of the second is a verb to the question ("and runs until 2039").
_VERB_ARCS = _CLAUSE_HEADS | {"relcl", "xcomp"}
_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "nummod", "compound"})
# The determiners that deny what they determine ("Neither side disclosed the fee", "No fee was
# set"), which the parse does not mark as a negation.
_NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
# The determiner that takes the whole of what it determines ("selling all of Y"; closed-class).
_TOTAL_DETERMINERS = frozenset({"all"})
# The conjunctions that join alternatives, which a negation of one denies both of ("did not sell
# or close it"; closed-class words).
_DISJUNCTIONS = frozenset({"or", "nor"})
# The subordinating conjunctions that give a cause (closed-class words; "as" and "since" often give
# a time, "while", "after", "if" a contrast, a time, a condition).
_CAUSES = frozenset({"because", "so"})
# The arcs of what is said about a noun, not of its name: an apposition, a clause, a phrase.
_ABOUT = frozenset({"appos", "relcl", "acl", "prep", "punct"})
_OPENING_QUOTES = frozenset("\"“'‘")
_CLOSING_QUOTES = frozenset("\"”'’")


@dataclass(frozen=True)
class Candidate:
    article_id: str
    title: str
    start: int
    end: int
    text: str
    relevance: float  # cosine similarity to the question (or its condensed form)
    score: float  # relevance plus lexical overlap
    coverage: float  # share of the question's focus the sentence (or its neighbour) states
    entities: tuple[Entity, ...] = ()
    negated: bool = False
    complete: bool = False  # the sentence itself states the question's names and most of its focus
    whole: bool = False  # ...and all of it
    on_topic: bool = True  # its article names what the question names
    missing: frozenset[str] = frozenset()  # the question's focus stems neither it nor a neighbour states
    before: tuple[str, ...] = ()  # the names the sentence before it in its chunk states
    topic: tuple[str, ...] = ()  # the named subjects of its chunk's first sentence, when it is not that one
    opening: tuple[str, ...] = ()  # all the names of that first sentence
    after: str = ""  # the sentence before it in its chunk, when read
    reason: bool = False  # it gives a reason for the act a "why" asks of a name it names
    # where the sentence before names only places, the names of the nearest one before that in its
    # chunk that names a party
    earlier: tuple[str, ...] = ()
    # the question's focus stems its article's title states, or a word of it means ("sale" of an
    # article headed "X to sell its stations to Y")
    in_title: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Value:
    """A value of the asked type tied to the question, in a candidate sentence."""

    candidate: Candidate
    entity: Entity
    text: str
    tie: float  # the candidate's score plus how close the value's clause is to the question
    named: bool  # its sentence names everything the question names
    by_title: bool = False  # its sentence leaves out words of the question that only its article's title says


@dataclass(frozen=True)
class Draft:
    """An answer before timings and hits are attached.

    The LLM answerer also reports the draft sentences its verifier removed, how many sentences
    the draft had, and whether it fell back to the extractive answer.
    """

    text: str
    citations: tuple[Citation, ...]
    abstained: bool
    removed_claims: tuple[str, ...] = ()
    draft_sentences: int = 0
    fallback: bool = False
    # What the evidence says of the question itself, which no drafted prose may override.
    finding: str = ""
    short: str = ""


class Lexicon(Protocol):
    """What the corpus's words tell the answerer (the BM25 index is one)."""

    def knows(self, word: str) -> bool:
        """Whether the corpus uses the word, allowing for a typo."""
        ...

    def uses(self, word: str) -> bool:
        """Whether the corpus uses the word as it is written."""
        ...

    def weight(self, term: str) -> float:
        """How much a stemmed term tells a passage apart: rare terms weigh more."""
        ...

    def kind(self, noun: str) -> str:
        """The entity type of the corpus's names that end in the (stemmed) noun, or "" ("ORG" for
        "bank": "Pellbrook Bank")."""
        ...

    def vectors(self, words: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors of those of the words (as ``content_words`` gives them) the corpus's
        sentences use, where they were embedded ahead of any question."""
        ...


class ExtractiveAnswerer:
    """Answers from the evidence retrieval found: the sentences of the retrieved chunks and those
    nearest to the question.

    Args:
        lexicon: the corpus's words; names it does not know make the answerer abstain instead of
            answering about something else, and rare words weigh more.
        encode: the embedding model, for the clauses that state a value.
        min_score: below this score no sentence is taken as an answer.

    Example:
        >>> answerer = ExtractiveAnswerer(bm25, embedder.encode)
        >>> answerer.answer(reader.read("When was the deal signed?"), "When was the deal signed?", retrieval).text
        'May 6, 2026 [1]. Vantor signed a deal on May 6, 2026, to acquire ... [1] ...'
    """

    name = "extractive"

    def __init__(
        self,
        lexicon: Lexicon,
        encode: Callable[[list[str]], np.ndarray],
        min_score: float = 0.45,
        is_word: Callable[[str], bool] | None = None,
    ) -> None:
        if not 0.0 <= min_score < 2.0:
            raise ValueError(f"min_score must be in [0, 2), got {min_score}")
        self.lexicon = lexicon
        self.encode = encode
        # whether a word is one of the language's (the embedding model's vocabulary), not coined
        self.is_word = is_word or (lambda word: True)
        self.min_score = min_score
        self.reader = QuestionReader(encode, lexicon.kind, self.is_word)
        self.reporting = ReportingReader(encode)
        self._seen: dict[str, np.ndarray] = {}

    def answer(self, question: Question, query: str, retrieval: Retrieval) -> Draft:
        """Answer a parsed question from what was retrieved for it.

        Args:
            question: what the user asked, parsed.
            query: the question with the context of earlier turns (the same text for a first question).
            retrieval: the hits, the query vectors they were found with and their sentences' evidence.
        """
        question = self._telling(question)
        draft = self._from_text(*_sourced(question, retrieval, _cited(question, retrieval)), query)
        if draft.short:
            return draft
        # A question about the reporting itself ("which outlet ran it first?") that the text gives
        # no value for: the articles' metadata answers it.
        told = self.reporting.answer(question, retrieval)
        if told is None:
            return draft
        # ...unless a sentence states the act itself ("first reported by the Orwin Courier"): the
        # articles know more than which of them is the earliest
        stating = self._stating_act(question, told.field, retrieval)
        if stating is not None:
            return _compose([stating])
        return Draft(told.text, told.citations, told.abstained, short=told.short, finding=_METADATA)

    def _stating_act(self, question: Question, field: str, retrieval: Retrieval) -> Candidate | None:
        """The best sentence about the question's names that states a value of the field's kind
        (a date, a name) in a clause of the question's verb, else of an act that gives the field
        ("first reported by X" for "which outlet broke the news")."""
        kinds = {"DATE"} if field == "published" else NAME_TYPES
        candidates = [c for c in self.candidates(question, retrieval) if c.on_topic]
        # (a date beside "reported" is as often a company's results as a story's: only the question's verb)
        for verbs in (set(question.verbs), acts(field) if field != "published" else set()):
            for c in candidates:
                if any(
                    e.label in kinds and verbs & set(e.anchors) and not _in_question(c.text[e.start : e.end], question)
                    for e in c.entities
                ):
                    return c
        return None

    def _from_text(self, question: Question, retrieval: Retrieval, query: str) -> Draft:
        """The answer the articles' sentences give."""
        candidates = self.candidates(question, retrieval)
        unknown = self._unknown_names(question, retrieval.hits)
        sides = alternatives(question.text)
        if sides and sum(any(mentioned(name, side) for name in unknown) for side in sides) == 1:
            unknown = []  # "June or July?": an alternative the articles never name is just not the answer
        if unknown:
            return abstain(f"The articles in the corpus don't mention {' or '.join(unknown)}.", candidates)
        if self._mostly_unknown(query, question):
            return abstain("The articles in the corpus don't cover that.", candidates)
        misattributed = _misattributed(question, candidates)
        if misattributed is not None:
            said, (person, holder, role, _) = misattributed
            whose = f"{holder}'" if holder.endswith("s") else f"{holder}'s"
            refused = abstain(f"The articles don't say that {person} is {whose} {role}; they say:", [said], closest=1)
            return replace(refused, finding=_FALSE_PREMISE)
        if question.sides:
            compared = self._compare(question, retrieval)
            if compared is not None:
                return compared
        noun_typed = False
        if question.untyped and not question.types:
            # "What is the net initial yield ...?": the leading sentences say what type a yield is
            # ("reflects a net initial yield of 4.8%"), when they say it of one type
            leading = [c for c in candidates if c.on_topic and c.score >= self.min_score and _covers(c)]
            kinds = {
                e.label
                for c in leading[:_WEIGHED]
                if _names_all(question, c) or all(any(_named(question, n, b) for b in c.before) for n in question.names)
                for e in c.entities
                if e.label in MEASURE_TYPES and _measures(c.text, e, question.untyped)
            }
            # (or a table's row whose label the question states: "| Upfront fee | €12m |")
            kinds = kinds or {
                e.label
                for c in leading[:_WEIGHED]
                if _row_label_asked(question, c.text, c.entities)
                for e in c.entities
                if e.label in MEASURE_TYPES and e.start > _label_end(c.text)
            }
            if len(kinds) == 1:
                question = replace(question, types=tuple(kinds), thing=question.untyped)
                noun_typed = True
        relief = _TYPED_SCORE_RELIEF if question.types else 0.0
        relevant = [c for c in candidates if c.on_topic and c.score >= self.min_score - relief and _covers(c)]
        if not any(not (c.reason or c.missing - set(question.verbs)) for c in relevant):
            # a reason that leaves out what the act is done to ("selling to pay down loans") answers only
            # where a sentence says all the act is done to: it is no reason for another thing's sale
            relevant = [c for c in relevant if not (c.reason and c.missing)]
        if question.types:
            # "When did X agree to sell its towers for NOK 14bn?" where the articles say another price
            other = self._other_amount(question, relevant, candidates, retrieval.query_vectors)
            if other is not None:
                refused = abstain(f"The articles don't say that {question.topic}; they say:", [other], closest=1)
                return replace(refused, finding=_FALSE_PREMISE)
            values = self._values(question, relevant, retrieval.query_vectors, candidates)
            apart = _measured_apart(question.equated, candidates)
            # (a value called by another measure's noun, "revenue of $5m" for "profit")
            values = [v for v in values if stem(_called(v.candidate, v.entity)) not in apart]
            # (a name asked by an amount the question states is named where that amount is said:
            # "Brennick owns 12% of X" names no holder of 25%; a sentence whose amounts are all in
            # words, "500 million euros", is not judged)
            sizes = _stated_sizes(question.text) if set(question.types) <= NAME_TYPES else set()
            values = [v for v in values if not sizes or sizes <= (_stated_sizes(v.candidate.text) or sizes)]
            if noun_typed:  # (typed by what a sentence says the noun is: only a value said to be it)
                values = [
                    v
                    for v in values
                    if _noun_value(question, v.candidate, v.entity)
                    or _row_label_asked(question, v.candidate.text, v.candidate.entities)
                ]
            # (a sentence that leaves out words only its article's title says comes after one that
            # says them all)
            values = [v for v in values if not v.by_title] or values
            # "How much is X paying for Y?" where no sum is said to be paid for Y and the articles
            # price X, bought by Y: the premise is the wrong way round
            if not any(_prices(question, v.candidate, v.entity) for v in values):
                reversed_price = _reversed_price(question, relevant[:_WEIGHED])
                if reversed_price is not None:
                    refused = abstain(
                        f"The articles don't say that {question.topic}; they say:", [reversed_price], closest=1
                    )
                    return replace(refused, finding=_FALSE_PREMISE)
            if values:
                # (a follow-up about an unknown name, or a sentence that leaves out words only its
                # article's title says: the sentence, for the reader to judge)
                return (
                    _compose([values[0].candidate])
                    if question.unresolved or values[0].by_title
                    else _compose_value(question, values, relevant)
                )
            # "How much did X pay Y?" where the articles say Y pays X: the premise is the wrong way round
            reversed_roles = self._reversed(question, relevant)
            if reversed_roles is not None:
                refused = abstain(
                    f"The articles don't say that {question.topic}; they say:", [reversed_roles], closest=1
                )
                return replace(refused, finding=_FALSE_PREMISE)
            if question.naming:
                # no name a verb gives the thing: the sentence that tells of it, in words a name is
                # not given in ("The new company's name will be X", "It will trade as X")
                return self._from_text(replace(question, types=(), naming=False), retrieval, query)
            # A sentence that states the question's words and names answers it in words no value
            # was tied to ("assembled in Tulsa" for "where is it manufactured"): quote it; so
            # does one about them that says the value is not known ("The price was not disclosed").
            # (an amount may be told in words: "secured all compute capacity" for "how much of")
            # (an amount told in words, or said not to be known, names the thing measured in its own
            # words: "company" is near "employees" to the model, and no head-count)
            things = set(question.focus) - set(question.verbs)
            worded = question.kind in ("how much", "how many")
            # (each must say what "what" stands for: "total funding" is no "revenue"; one that does
            # not leaves the place to those below, one saying the thing is not known, else one
            # close in meaning)
            # (and the noun of a "what NOUN" asking for money: "a list value of $6.3bn" says no
            # discount; unless the noun reads as the question word, "price")
            noun = _amount_noun(question)
            says = functools.partial(self._says_thing, question, said="" if self._asks(noun) else noun)
            # (a sentence denying something says the noun of "What is X's NOUN?", or a word like it,
            # in the clause it denies: "did not disclose its sales" for the revenue; not "X's first
            # stores are profitable, which is not something most rivals can say")
            denies = {(c.article_id, c.start) for c in relevant if c.negated and self._denies_thing(question, c)}
            stating = [
                c
                for c in relevant
                if c.complete
                and (
                    _states_type(c, question)
                    or (
                        ((c.article_id, c.start) in denies or (worded and c.whole))
                        and (not worded or things <= terms(c.text))
                    )
                )
                and self._counts_asked(question, c)
                and says(c)
            ]
            # A sentence of an article about the question's names that says the thing asked for is
            # not known answers too ("The size of the retainer was not disclosed." for "What
            # retainer does Harlow Foods pay?"), though the names are in the sentences around it:
            # before a sentence that only means nearly what is asked.
            stating = stating or [
                c for c in candidates if c.score >= self.min_score and _untold(question, c) and says(c)
            ]
            if not stating:
                # A leading sentence that means nearly what is asked, states each of its words and a
                # value of the asked type it does not already say answers it, though the parse tied
                # no value to the words ("The agreement was signed on 4 February, after what Vantor's
                # chief executive called months of talks" for "When did Vantor and Quarry sign
                # their agreement?"): quote it, with no short answer. (A "which NOUN" of no type
                # needs a value said to be one: not this.)
                stating = [
                    c
                    for c in relevant[:_WEIGHED]
                    if c.relevance >= _CLOSE_MEANING
                    and not question.noun
                    and not things & c.missing
                    and _states_new(c, question)
                    # (itself saying what "how many" counts: "employs 2,150 people" beside a sentence
                    # about passengers counts no passengers)
                    and (question.kind != "how many" or self._names_counted(question, c))
                    and self._counts_asked(question, c)
                    # (naming no other party in the act: "to open in Ohio" for "... in Texas")
                    and not _absent_parties(question, c)[1]
                    and says(c)
                ]
            # (nor does one that gives the role asked only to someone of another name: "Nordvale
            # chief executive Maren Holte" for "Who is the chief executive of Aerolis?"; one naming
            # no one may say the role is not filled)
            if question.role:
                stating = [
                    c
                    for c in stating
                    if any(_holds_role(question, c, e) for e in c.entities if e.label == "PERSON")
                    or (c.negated and not any(e.label == "PERSON" for e in c.entities))
                ]
            if stating and _none_of(question, stating[0]):
                # "How much cash is X paying?" where the articles say that no cash is paid
                refused = abstain(f"The articles don't say that {question.topic}; they say:", stating[:1], closest=1)
                return replace(refused, finding=_FALSE_PREMISE)
            if stating and _unnamed(question, stating[0]):
                return abstain(f"The articles don't name the {question.kind}:", stating[:1], closest=1)
            if stating:
                return _compose(stating[:1])
            # A table's row labelled with the noun a "what NOUN" asks, in an article about the names
            # asked, answers in its cell's own words: quoted, with no short answer ("| Liquidation
            # preference | Non-participating |")
            rows = [
                c
                for c in candidates[:_WEIGHED]
                if c.on_topic and c.score >= self.min_score and _labelled_with(c.text, question.thing)
            ]
            if rows:
                return _compose(rows[:1])
            return abstain(_not_said(question, candidates), candidates)
        if question.untyped:
            # "What are the terms of X's deal?": a sentence saying they were not disclosed answers
            untold = [c for c in candidates if c.score >= self.min_score and _untold(question, c)]
            if untold:
                return _compose(untold[:1])
        if question.kind == "how" and question.verbs:
            # "How is X financing it?" asks the manner of an act: a sentence that states none of
            # its verbs (nor a word like one) tells no manner ("X agreed to buy it for $5m")
            relevant = [c for c in relevant if not set(question.verbs) <= c.missing]
        # Near the topic is not an answer: a sentence must state what the question asks about.
        if not relevant:
            return abstain(f"The articles in the corpus don't say {_what(question)}.", candidates)
        if question.identity:
            # the sentence that says what the name is ("xAI, its competing AI division") comes first
            near = [c for c in relevant[:_WEIGHED] if c.score >= relevant[0].score - _SAME_ARTICLE_MARGIN]
            described = [c for c in near if _describes(question, c)]
            if described:
                return _compose(described[:1])
        reasons: list[Candidate] = []
        if question.kind == "why":
            # "Why is Vantor paying $12 a share?" where the articles say another amount
            other = self._other_amount(question, relevant, candidates, retrieval.query_vectors)
            if other is not None:
                refused = abstain(f"The articles don't say that {question.topic}; they say:", [other], closest=1)
                return replace(refused, finding=_FALSE_PREMISE)
            # a sentence that states the verb asked of its named subject holds the premise and says
            # why ("Duluth was chosen because ..." for "Why was Duluth chosen for Dunmere's plant?")
            asked = _main_predicates(question.text, question.predicates)
            stated = [
                c
                for c in relevant[:_WEIGHED]
                if _states_of(c.text, asked, question.names, question.kinds_named, c.after)
                and not _swaps(question, c, asked)
                # ...and the premise's other names, or the sentence before does ("Dunmere will build its
                # plant in Duluth."); "Why is X building it in Tacoma?" is not held by "X is building it"
                and all(
                    _named(question, n, c.text) or any(_named(question, n, b) for b in c.before) for n in question.names
                )
                and _acted(question, c)
            ]
            # ...and one that gives a reason for that act of a name asked says why, first
            reasons = [c for c in relevant if c.reason]
            if stated:
                leading = [*reasons, *(c for c in stated if c not in reasons)]
                return _compose(_choose([*leading, *(c for c in relevant if c not in leading)], question.several))
        contrary = self._contrary(question, relevant)
        if contrary is not None:
            refused = abstain(f"The articles don't say that {question.topic}; they say:", [contrary], closest=1)
            return replace(refused, finding=_FALSE_PREMISE)
        if reasons:  # (and no sentence says otherwise)
            return _compose(_choose([*reasons, *(c for c in relevant if c not in reasons)], question.several))
        chosen = self._choose_each(relevant, sides) if sides else []

        # (a sentence saying more of the words asked goes before one nearly as close that leaves them
        # out: "X may end the leases" for "Can X end its leases?", before "X will lease them back";
        # "the buyer expects cost savings of ..." before "For X, the deal doubles its business")
        def words_said(c: Candidate) -> int:  # (a table's row whose label the question states says it all)
            labelled = _row_label_asked(question, c.text, c.entities)
            return len(question.focus) if labelled else len(set(question.focus) & terms(c.text))

        near = [c for c in relevant if c.score >= relevant[0].score - _SAME_ARTICLE_MARGIN]
        most = max(near, key=words_said)
        relevant = (
            [most, *(c for c in relevant if c is not most)] if words_said(most) > words_said(relevant[0]) else relevant
        )
        return _compose(chosen or _choose(relevant, question.several))

    def _compare(self, question: Question, retrieval: Retrieval) -> Draft | None:
        """For "Which opened earlier, A or B?": each side's measure (a date, an amount, a count)
        tied to what is asked, each cited, for the reader to weigh; None unless both sides have one."""
        found: list[list[Value]] = []
        phrases = zip(
            question.sides, question.side_phrases, question.side_phrases[::-1], question.side_nouns, strict=True
        )
        for side, phrase, other, noun in phrases:
            # each side is asked about in the question's shared words and its own, not the other's,
            # nor in a verb beside what a comparative measures ("Which involves more staff": staff;
            # "signed" of "signed earlier" is that measure)
            verbs = {stem(v.lower()) for v in question.verbs_text} - {question.compared} if question.compared else set()
            theirs = (terms(other) - terms(phrase)) | verbs | set(question.weighing)
            asked = self._telling(
                replace(
                    question,
                    names=side,
                    types=question.weighed,
                    sides=(),
                    focus=tuple(f for f in question.focus if f not in theirs),
                    asked=" ".join(w for w in question.asked.split() if stem(w.lower()) not in theirs),
                    terms=tuple(t for t in question.terms if t not in theirs),
                )
            )
            candidates = self.candidates(asked, retrieval)
            relevant = [
                c for c in candidates if c.on_topic and c.score >= self.min_score - _TYPED_SCORE_RELIEF and _covers(c)
            ]
            value = self._measure(asked, relevant, (question, noun)) if question.compared else None
            tied = [value] if value else self._values(asked, relevant, retrieval.query_vectors)
            tied = [
                v
                for v in tied
                if not _unasked_rate(question, v.candidate.text, v.entity)
                and not self._called_else(question, v.candidate, v.entity, noun)
            ]
            # (with no comparative that says what is measured and no value tied to what is asked,
            # the amount of the thing the side names is: "Which is bigger, the fee Kallby owes or
            # the fee Brekka would owe?" where a sentence says "Brekka must pay a fee of $52
            # million"; a date beside a thing is no date of an act: "since 2019"), in a sentence that
            # states what the side's phrase asks about ("ferry" of "Ostby's ferry sale" is no stake
            # Ostby buys)
            amounts = tuple(t for t in asked.weighed if t not in _TIMES)
            things = (set(asked.focus) & terms(phrase)) - set(asked.verbs)
            stating = [c for c in relevant if not things & c.missing]
            by_noun = (
                self._measure(replace(asked, compared=noun, weighed=amounts), stating, (question, noun))
                if noun and amounts and not tied
                else None
            )
            found.append(tied or ([by_noun] if by_noun else []))
        # the sides' best values of one type: two amounts, two dates, not a date and a tonnage
        pairs = [
            (m + n, first, second)
            for m, first in enumerate(found[0])
            for n, second in enumerate(found[1])
            # (one value said of both is no comparison: "a 30% stake" for two deals)
            if first.entity.label == second.entity.label and _at(first) != _at(second)
        ]
        if not pairs:
            return None
        _, *chosen = min(pairs, key=lambda pair: pair[0])
        draft = _compose([v.candidate for v in chosen])
        sides = zip(question.sides, chosen, strict=True)
        short = "; ".join(f"{' '.join(side)}: {v.text} [{n}]" for n, (side, v) in enumerate(sides, 1))
        return Draft(f"{short}. {draft.text}", draft.citations, False, short=short)

    def _measure(
        self, question: Question, relevant: list[Candidate], of: tuple[Question, str] | None = None
    ) -> Value | None:
        """For one side of a comparison: the measure, about the side's names, that is nearest to
        what the comparative measures in the relevant sentences ("450 megawatts" for "more
        megawatts", "employs 210 people" for "more staff", a date of "signed" for "signed
        earlier"), or None; of a comparison and the thing a side names, an amount it asks about."""
        alike = self._alike(question, [c.text for c in relevant])
        acts = set(question.verbs) - {question.compared}  # ("hires" of "Which hires more staff")
        found: list[tuple[int, bool, int, Value]] = []
        for rank, c in enumerate(relevant):
            like = {question.compared} | {
                stem(w) for w in content_words(c.text) if question.compared in alike.get(w, ())
            }
            for e in c.entities:
                text = _stated(c.text, e)
                if e.label not in question.weighed or _in_question(text, question) or not _about_names(question, c, e):
                    continue
                if _unasked_rate(question, c.text, e):
                    continue
                if of is not None and self._called_else(of[0], c, e, of[1]):
                    continue
                if _counts_sources(c, e):
                    continue  # "three people close to the bid said": who tells, not what is measured
                near = dict(zip(e.anchors, e.distances, strict=True))
                edges = 0 if like & terms(text) else min((near.get(w, 99) for w in like), default=99)
                if edges <= _MEASURE_EDGES:
                    counted = _with_count(c.text, e, text)  # ("212 staff", not "212")
                    # (of two as near, the one in the clause of the verb asked: "employs 210
                    # people", not "three people close to the bid")
                    apart = bool(acts) and not acts & near.keys()
                    found.append((edges, apart, rank, Value(c, e, counted, c.score, _names_all(question, c))))
        return min(found, key=lambda f: f[:3])[3] if found else None

    def _called_else(self, question: Question, c: Candidate, value: Entity, thing: str) -> bool:
        """Whether the sentence calls the amount a noun that is neither what the comparison asks
        about ("termination fee") nor the thing a side's phrase names, nor means one of them: "a
        $90 million break fee" is no bigger premium, nor "$610 million of its debt" a bigger deal."""
        called = (_called(c, value) or _amount_of(c, value)) if value.label in ("MONEY", "PERCENT") else ""
        if not called:
            return False
        alike = self._alike(question, [c.text])
        # (what a verb compares is no noun's name: a fee "costs", as a deal does)
        asked = {thing, *(set(question.focus) - set(question.verbs))}
        asked |= {question.compared} if question.compared not in question.verbs else set()
        return not {stem(called), *alike.get(called, ())} & asked

    def stream(self, question: Question, query: str, retrieval: Retrieval) -> Iterator[str | Draft]:
        """The whole answer at once (quoting needs no streaming), for the same interface as the LLM."""
        draft = self.answer(question, query, retrieval)
        yield draft.text
        yield draft

    def rewrite(self, question: str, history: Sequence[str]) -> str | None:
        """No model to rewrite follow-ups with; the rule-based condensed query serves alone."""
        return None

    def abstain_with_passages(self, question: Question, retrieval: Retrieval) -> Draft:
        """The plain refusal, with the passages closest to the question."""
        return abstain("The articles in the corpus don't say.", self.candidates(self._telling(question), retrieval))

    def _telling(self, question: Question) -> Question:
        """The question with the words that name each of its names alone: its capitalised words as
        rare in the corpus as its rarest ("Orwin", not "Data", of "Orwin Data Systems"). An acronym
        the corpus never writes is no name but a word of what is asked ("CEO", which the articles
        say as "chief executive")."""
        spelled = [n for n in question.names if n.isupper() and n.isalpha() and not self.lexicon.uses(n)]
        if spelled:
            question = replace(
                question,
                names=tuple(n for n in question.names if n not in spelled),
                focus=(*question.focus, *(stem(n.lower()) for n in spelled)),
                terms=(*question.terms, *(stem(n.lower()) for n in spelled)),
                asked=" ".join([question.asked, *spelled]).strip(),
            )
        found = []
        for name in question.names:
            words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and len(w) > 2]
            weight = {w: self.lexicon.weight(stem(fold(w))) for w in words}
            top = max(weight.values(), default=0.0)
            # A coined word the corpus also uses without the rest of the name (in more passages than
            # the name's rarest word) names it alone: "Korvane" of "Korvane Robotics", where "Robotics"
            # is rarer, being said only in the name. Else the rarest words do ("Orwin" of "Orwin
            # Data Systems").
            coined = [w for w in words if not self.is_word(w.lower()) and weight[w] < top]
            found.append(tuple(coined or (w for w in words if weight[w] >= _TELLING * top)))
        return replace(question, name_words=tuple(found))

    def candidates(self, question: Question, retrieval: Retrieval) -> list[Candidate]:
        """Every distinct sentence of the evidence, best first."""
        vectors = retrieval.query_vectors
        pool = {(s.article_id, s.start): s for s in retrieval.sentences}
        asked = {t: self.lexicon.weight(t) for t in terms(question.text)}
        asked_weight = sum(asked.values())
        focus = {t: self.lexicon.weight(t) for t in question.terms}
        focus_weight = sum(focus.values())
        # (the nouns the question's acts are done to or by: "agreement" of "When did X sign the
        # agreement?", not "round" of "What is X valued at after the round?")
        acted = {
            stem(t.lemma_.lower()) for t in _doc(question.text) if t.pos_ == "NOUN" and t.dep_ in ("dobj", *_SUBJECTS)
        } & set(question.focus)
        alike = self._alike(question, [*(s.text for s in pool.values()), *(s.title for s in pool.values())])
        # (the question's nouns that words say which of its kind each is: a sentence that says none
        # of them is not parsed for them)
        kinded = {stem(t.lemma_.lower()) for t in _doc(question.text) if t.pos_ == "NOUN" and _kinds(t)}
        relevance = {key: max(float(np.dot(v, s.vector)) for v in vectors) for key, s in pool.items()}
        neighbours = _neighbours(retrieval.hits)
        # What precedes each sentence, in the retrieved chunks and in those holding a sentence found
        # on its own: the sentence before and its names, and what the passage is about.
        chunks = [*(h.chunk for h in retrieval.hits), *retrieval.context]
        read = {(s.article_id, s.start): s for s in retrieval.context_sentences} | pool
        previous: dict[tuple[str, int], tuple[str, ...]] = {}
        after: dict[tuple[str, int], str] = {}
        earlier: dict[tuple[str, int], tuple[str, ...]] = {}
        for chunk in chunks:
            party: tuple[str, ...] = ()  # (the names of the last sentence read that names a party)
            for a, b in pairwise(chunk.sentences):
                before = read.get((chunk.article_id, a.start))
                if before is not None:
                    previous[(chunk.article_id, b.start)] = _names_in(before)
                    after[(chunk.article_id, b.start)] = before.text
                    if any(e.label in NAME_TYPES - PLACE_TYPES for e in before.entities):
                        party = _names_in(before)
                    elif previous[(chunk.article_id, b.start)]:
                        earlier[(chunk.article_id, b.start)] = party
        topics, openings = _topics(chunks, read), _topics(chunks, read, roles=())
        # An article that never names what the question names cannot answer it.
        context: dict[str, str] = {}
        for s in pool.values():
            context[s.article_id] = f"{context.get(s.article_id, s.title)} {s.text}"
        for hit in retrieval.hits:
            context[hit.chunk.article_id] = f"{context.get(hit.chunk.article_id, '')} {hit.chunk.text}"
        # (a name of two or three letters, "US", is too ambiguous to rule an article out)
        telling = [
            n
            for n in (*question.names, *question.earlier_names)
            if any(len(w) > 3 for w in fold(n).split()) and all(self.lexicon.knows(w) for w in fold(n).split())
        ]
        # ...nor one that names another of a series asked of and never the one asked ("Series C"
        # throughout, for "its Series B")
        about = {
            a: all(_named(question, n, text) for n in telling) and not _names_another(question.names, text)
            for a, text in context.items()
        }
        # (for a question asking for a value, a date, an amount, a count: not for a name, which nearly
        # every sentence states)
        valued = set() if NAME_TYPES & set(question.types) else set(question.types)
        new_value = functools.cache(lambda value: not _in_question(value, question))
        found: dict[str, Candidate] = {}
        for key, s in sorted(pool.items()):
            if _names_another(question.names, s.text):
                continue  # about "Series B" where "Series C" is asked
            # A value is often stated next to the sentence that matches the question ("...data
            # center to Vantor. The facility is located in Austin."): such a sentence is scored
            # with the passage around it.
            near = [pool[n] for n in neighbours.get(key, ()) if n in pool]
            beside = max((relevance[(n.article_id, n.start)] for n in near), default=-1.0)
            windowed = max(relevance[key], (relevance[key] + beside) / 2)
            stated = s.terms | acronym_terms(question.text, s.text)
            # (a sentence whose definite subject is what the question's act is done to or by, "The
            # agreement was signed on ...", in an article whose title names every name asked, is
            # about that thing of theirs, unless it or its paragraph's first sentence names another
            # party: "X also agreed to sell its unit to Y. The agreement ...")
            key_names = [
                *openings.get(key, ()),
                *(s.text[e.start : e.end] for e in s.entities if e.label in NAME_TYPES - PLACE_TYPES),
            ]
            titled = (
                bool(question.names)
                and not all(_named(question, n, s.text) for n in question.names)
                and all(any(_named(question, n, k, part=True) for n in question.names) for k in key_names)
            )
            introduced = _introduction(question, s, read.values()) if titled else None
            titled = titled and (
                introduced is not None
                or (all(mentioned(n, s.title) for n in question.names) and _definite_subject(s.text) in acted)
            )
            if titled:
                stated = stated | {w for n in question.names for w in terms(n)}
            if introduced is not None:
                stated = stated | acted
            overlap = sum(w for t, w in asked.items() if t in stated) / asked_weight if asked_weight else 0.0
            own = stated.union(*(alike.get(w, ()) for w in content_words(s.text)), question.optional)
            priced = question.priced
            if (
                priced is not None
                and not set(question.verbs) | {priced.head} <= own
                and any(e.label == "MONEY" and _prices(question, s, e) for e in s.entities)
            ):
                # (a sentence stating the price of what is asked says what is paid, whatever its verb,
                # and what for, whatever its noun: "agreed to buy Y for $210 million" for "How much is X
                # paying for Y?", "buy 65% of Y for ..." for "... for its 65% stake in Y?")
                own = own | set(question.verbs) | {priced.head}
            # (the words that say which thing a noun it says with "the" alone is, where its article's
            # title says them, in a sentence that says the act asked: "The line will cost ..." of
            # "the Arlo cable-car line"; the article is read only for a sentence that may say them)
            again = (
                _said_again(question, s, set())
                if about[s.article_id] and set(question.verbs) <= own and kinded & s.terms
                else set()
            )
            if again:
                own = own | (again - _told_apart(question, s, list(pool.values())))
            around = own.union(*(n.terms for n in near))
            covered = sum(w for t, w in focus.items() if t in around) / focus_weight if focus_weight else 1.0
            labelled = _row_label_asked(question, s.text, s.entities)
            each = [_named(question, n, s.text) for n in question.names]
            # (a reason for the act a "why" asks of a name the sentence names: "X said it was selling
            # to pay down loans" states what "Why is X selling the ski area?" asks, the area unsaid; not
            # "the family" after a sentence naming two)
            # (or of the sentence before, whose subject it goes on with: "X runs 19 ferries. The
            # operator is selling them because ...")
            told = any(_named(question, n, b) for n in question.names for b in previous.get(key, ()))
            reasoned = (
                question.kind == "why"
                and (any(each) or told)
                and _gives_reason(s.text, question, after.get(key), self.reader.organisation)
            )
            coverage = max(
                covered,
                1.0 if relevance[key] >= _PARAPHRASE or _gives_thing(question, s) or labelled or reasoned else 0.0,
            )
            named = 1.0 if titled else sum(each) / len(each) if each else 0.0
            said = sum(w for t, w in focus.items() if t in own) / focus_weight if focus_weight else 1.0
            complete = all(each) and said >= _OWN_COVERAGE
            score = windowed + _OVERLAP_WEIGHT * overlap + _NAMED_WEIGHT * named
            if complete and all(t in stated for t in focus):
                score += _TYPED_WEIGHT  # (it says every word asked itself, of every name asked)
            if any(new_value(s.text[e.start : e.end]) for e in s.entities if e.label in valued):
                score += _TYPED_WEIGHT  # it may answer; a sentence with no value of the kind asked cannot
            if labelled:
                score += _NAMED_WEIGHT + _OVERLAP_WEIGHT  # (as a sentence naming what is asked would)
            # A pull quote repeats a sentence: cite its first occurrence, with the better score.
            same = fold(display(s.text))
            first = found.get(same)
            if first is None or first.score < score:
                at = first or s
                found[same] = Candidate(
                    at.article_id,
                    at.title,
                    at.start,
                    at.end,
                    at.text,
                    relevance[key],
                    score,
                    coverage,
                    at.entities,  # offsets into the text cited, not into the repeat's
                    at.negated,
                    complete,
                    complete and said >= 1.0,
                    about[s.article_id],
                    frozenset(t for t in focus if t not in around),
                    # (what the sentence points back at: its subject's introduction, or the sentence before)
                    _names_in(introduced)
                    if introduced is not None and at is s
                    else previous.get((at.article_id, at.start), ()),
                    topics.get((at.article_id, at.start), ()),
                    openings.get((at.article_id, at.start), ()),
                    after.get((at.article_id, at.start), ""),
                    reasoned,
                    earlier.get((at.article_id, at.start), ()),
                    frozenset(focus).intersection(
                        terms(at.title).union(*(alike.get(w, ()) for w in content_words(at.title)))
                    ),
                )
        return sorted(found.values(), key=_rank)

    def _alike(self, question: Question, texts: list[str]) -> dict[str, set[str]]:
        """For each word of the texts, the question's focus stems it means nearly the same as
        ("lawsuit" for "suing", "staff" for "employees"), by the embedding model."""
        asked = {
            w: stem(w.lower())
            for w in question.asked.split()
            if stem(w.lower()) in question.terms and stem(w.lower()) not in question.qualities
        }
        words = sorted({w for t in texts for w in content_words(t)} - {w.lower() for w in asked})
        if not asked or not words:
            return {}
        matrix = self._vectors(words) @ self._vectors(list(asked)).T
        stems = list(asked.values())
        return {w: {stems[j] for j in np.nonzero(row >= _SAME_WORD)[0]} for w, row in zip(words, matrix, strict=True)}

    def _names_counted(self, question: Question, c: Candidate) -> bool:
        """Whether the sentence itself says what "how many" counts, or a word meaning it ("travellers"
        for "passengers")."""
        if not question.counted or question.counted in terms(c.text):
            return True
        return any(question.counted in meant for meant in self._alike(question, [c.text]).values())

    def _counts_asked(self, question: Question, c: Candidate) -> bool:
        """Whether a number of the sentence may count what "how many" asks: it counts no noun, or
        that one, or a word meaning it ("900 new depots" counts no employees)."""
        if question.kind != "how many" or not question.counted:
            return True
        nouns = [_counted(c.text, e) for e in c.entities if e.label in question.types]
        counted = [n.lemma_.lower() for n in nouns if n is not None]
        if not counted or len(counted) < len(nouns) or any(stem(w) == question.counted for w in counted):
            return True  # (a number that counts no noun, or none: "did not say how many employees")
        # (a word only loosely near it may still mean it, "people" for "employees"; "buyers",
        # "sites" and "stores" are far)
        word = next((w for w in question.asked.split() if stem(w.lower()) == question.counted), question.counted)
        asked = self._vectors([word])
        return float(np.max(self._vectors(counted) @ asked[0])) >= _COUNTS_ALIKE

    def _says_thing(self, question: Question, c: Candidate, said: str = "") -> bool:
        """Whether the sentence states the noun of a "What is X's NOUN?" question (or ``said``, the
        noun of a "what NOUN"), or a word that means nearly the same ("sales" for "revenue"); True
        for a question with no such noun. (A "which NOUN" is often the type alone: "which company"
        of a sentence naming one.)"""
        said = said or question.equated
        # (in the clauses of its values of the type asked, if it has any: "a €700m bid, first
        # reported by a trade weekly" says no revenue; a sentence that says the thing is not
        # known says so anywhere: "X's revenue was not disclosed, but it paid $12m in fees")
        ranges = [] if c.negated else [r for e in c.entities if e.label in question.types for r in e.clause]
        inside = [t for t in _doc(c.text) if not ranges or any(a <= t.idx < b for a, b in ranges)]
        text = " ".join(t.text for t in inside)
        if not said or terms(said) <= terms(text):
            return True
        # (the words as written, then their lemmas: "values" is far from "valuation", "value" near)
        noun = self._vectors([said])[0]
        for words in (content_words(text), {t.lemma_.lower() for t in inside if t.pos_ in _CONTENT_POS}):
            if words and float(np.max(self._vectors(sorted(words)) @ noun)) >= _SAME_WORD:
                return True
        return False

    def _denies_thing(self, question: Question, c: Candidate) -> bool:
        """Whether a clause the sentence negates states the noun of a "What is X's NOUN?" question,
        or a word that means nearly the same, as the parse reads it; True for a question with none."""
        said = question.equated
        doc = _doc(c.text)
        denied = " ".join(c.text[a:b] for a, b in (_denial(t.head) for t in doc if t.dep_ == "neg"))
        if not said or terms(said) <= terms(denied):
            return True
        words = content_words(denied)
        return bool(words) and float(np.max(self._vectors(sorted(words)) @ self._vectors([said])[0])) >= _SAME_WORD

    def _label_is_kind(self, question: Question, c: Candidate) -> bool:
        """Whether the label of the table row, its phrases aside ("Legal counsel" of "Legal counsel
        to Orrin"), means nearly the kind a "which NOUN" asks for ("law firm")."""
        label = _doc(c.text[: _label_end(c.text)].strip(" |"))
        root = next((t for t in label if t.dep_ == "ROOT"), None)
        if root is None:
            return False
        apart = {w.i for t in root.children if t.dep_ == "prep" for w in t.subtree}
        phrase = " ".join(t.text for t in root.subtree if t.i not in apart)
        vectors = self._vectors([phrase, question.kind])
        return float(vectors[0] @ vectors[1]) >= _SAME_WORD

    def _asks(self, noun: str) -> bool:
        """Whether the noun (its last word) reads as a question word ("price": "how much")."""
        return bool(noun) and bool(self.reader.asked_by(noun.split()[-1].lower()))

    def _called_far(self, noun: str, c: Candidate, value: Entity) -> bool:
        """Whether the sentence calls the amount a noun far in meaning from the one asked ("revenue"
        for "price"; not "value" for "price")."""
        called = _called(c, value) if value.label in ("MONEY", "PERCENT") else ""
        asked = noun.split()[-1].lower()
        if not called or stem(called) == stem(asked):
            return False
        vectors = self._vectors([called, asked])
        return float(vectors[0] @ vectors[1]) < _CALLED_ALIKE

    def _vectors(self, texts: list[str]) -> np.ndarray:
        """Vectors of words and clauses, kept across questions (questions about a corpus meet the
        same words and clauses again)."""
        seen = self._seen
        known = {t: seen[t] for t in texts if t in seen}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            # the corpus's words were embedded when its cache was built; the rest is embedded now
            known.update(self.lexicon.vectors(missing))
            embedded = [t for t in missing if t not in known]
            if embedded:
                known.update(zip(embedded, self.encode(embedded), strict=True))
            # (answers run on several threads: each reads its own copy, a full cache starts over)
            self._seen = {} if len(self._seen) > _VECTOR_CACHE else self._seen
            self._seen.update((t, known[t]) for t in missing)
        return np.stack([known[t] for t in texts])

    def _calls(self, c: Candidate, value: Entity, noun: str) -> bool:
        """Whether the sentence calls the amount the noun (or adjective) asked of, as written: it
        modifies the noun ("a 24% premium"), is its "of" ("a premium of 24%"), or is said of a word
        that means the same ("values the firm at £640m" for "what valuation", or for "how much is
        the deal worth")."""
        root = _value_root(c, value)
        if root is None or value.label not in MEASURE_TYPES:
            return False  # (a name modifying the noun is part of another name: "Harlen County Court")
        if _measures(c.text, value, stem(noun)):
            return True
        head = _modified(root)
        if head is not None:
            # the noun it modifies, itself or as the last of a compound ("a $90m termination fee");
            # not one that only means nearly the same ("a $30m charge" is no fee)
            return stem(head.lemma_.lower()) == stem(noun)
        # ...or the verb it is said of, which may say the noun in other words: "at" of "values X at"
        # (not "at" of "an analyst at X", nor the verb it is the object of: "pay" is said of
        # whatever is paid)
        if root.dep_ != "pobj" or root.head.head.pos_ != "VERB":
            return False
        asked, word = self._vectors([noun, root.head.head.lemma_.lower()])
        return float(np.dot(asked, word)) >= _SAME_WORD

    def _values(
        self,
        question: Question,
        relevant: list[Candidate],
        vectors: Sequence[np.ndarray],
        around: Sequence[Candidate] = (),
    ) -> list[Value]:
        """Values of the asked type in the leading sentences that are tied to what the question asks
        about, best first: the question's words stand in the value's clause, or the clause means
        nearly what the question asks. (``around``: every sentence found, which tells what else the
        articles say.)"""
        if _names_a_kind(question.equated, [*relevant, *around]):
            return []  # "What is Orsk's bank?" where "Pellbrook Bank" is said: a party, no amount
        # The question's words and names by rarity: what a value's clause must be about.
        weights = {t: self.lexicon.weight(t) for t in question.focus}
        weights |= {w: self.lexicon.weight(w) for name in question.names for w in terms(name)}
        asked_total = sum(weights[t] for t in question.focus)
        # What it asks about, which a verb may say in other words but nothing else ("advisers").
        things = set(question.focus) - {*question.verbs, stem(question.rated)}
        total = sum(weights.values())
        # A clause word that means nearly a focus word stands for it ("deal" for "agreement").
        alike = self._alike(question, [c.text for c in relevant[:_WEIGHED]])
        found: list[tuple[Candidate, Entity, str, str, float, float, str]] = []
        entitled: set[tuple[str, int]] = set()  # (the sentences the article's title speaks for)
        # the years the question states ("in 2023"), which a value's clause must not contradict
        dated = set() if _TIMES & set(question.types) else {y for e in _doc(question.text).ents for y in _years(e.text)}
        # the noun of "What is X's NOUN?" must be said, and so must the noun of a "what NOUN" that
        # asks for money, which says what the money is ("What valuation did X get?": "raised
        # €1.2bn" is none), unless it reads as the question word ("price")
        said = question.equated or _amount_noun(question)
        saying = bool(said) and not self._asks(said)

        # (the leading sentences of those that say the noun asked, if it must be said, and past the
        # first few in its very words, of the names asked or of "it" after a sentence naming them:
        # "It had revenue of $9m" may rank below sentences naming the firm asked that say no revenue;
        # not "The buyer reported revenue of ..."; "a €60 million debt facility" is no "What are X's
        # revenues?")
        def goes_on(c: Candidate) -> bool:
            told = all(any(_named(question, n, b) for b in c.before) for n in question.names)
            named = _names_all(question, c) or (told and _points_back(c.text, question.names))
            return named and terms(said) <= terms(c.text)

        # (for "What will X be called?", those that give a name with a verb: most say none)
        said_by = [
            c
            for n, c in enumerate(relevant)
            if (not saying or (self._says_thing(question, c, said) and (n < _WEIGHED or goes_on(c))))
            and (not question.naming or any(_given_name(question, c.text, e) for e in c.entities))
        ]
        # (the leading sentences that state what is asked: one that leaves it out takes no place)
        weighed = 0
        asks_place = set(question.types) <= PLACE_TYPES
        for c in said_by:
            if weighed == _WEIGHED:
                break
            # (a sentence naming all the question names states the nouns they say what they are:
            # "plant" of "the Dunmere plant")
            # (unless it restates the question in other words: "a 35% premium to Arlo's closing
            # price" for the premium "over Arlo's share price"; not the word that says which of its
            # kind the thing asked is: "operating" of "operating profit")
            missing = things & (c.missing - (set(question.kinds_named) if _names_all(question, c) else set()))
            missing -= question.part_of  # ("how much of the bond proceeds": the part need not say the whole)
            # (nor a word that says which of its kind a noun the sentence says again with "the" is:
            # "quay" of "the Arlo quay lease" where it says "Kerrow will pay for the lease ...")
            # (the words that tell the sentence's "the" nouns from others of their kind the article says)
            apart = _told_apart(question, c, around or relevant) if missing and c.on_topic else set()
            missing -= _said_again(question, c, apart) if missing and c.on_topic else set()
            # (nor a word of what its article's title tells of, other than the thing asked or one
            # that tells it from another the article or the sentence says: "the takeover" of an
            # article headed "Arlo to buy Kerrow" is what its sentences are about)
            titled: set[str] = set()
            if missing and c.on_topic:
                core = {question.thing, question.counted, *terms(question.equated)}
                titled = missing & c.in_title - core - apart - _modified_otherwise(question, c)
            standing = _said_in_role(question, c, around or relevant) if c.on_topic else {}
            missing -= set().union(*standing.values())
            # (a table's row is about what its article is about: its label, if the question states
            # it, names its value, "| Upfront fee | €12m |", where the article says the capitalised
            # words asked, names the model may not have read as names: "Orrin acquisition price")
            labelled = (
                c.on_topic
                and _row_label_asked(question, c.text, c.entities)
                and _told_in_article(c, missing & _capitalised(question), around or relevant)
            )
            # (a name a row's label names is no answer where the question says that label only as
            # a circumstance of what it asks: "| Joint venture | Orrin Canning |" for "Who advised X
            # on its joint venture?")
            circumstance = labelled and _label_circumstance(question, c.text[: _label_end(c.text)])
            # (ruled out by the words it leaves out, but for the title's, and with them)
            ruled_out = [
                bool(words) and not labelled and (c.relevance < _RESTATES or bool(words & _asked_modifiers(question)))
                for words in (missing - titled, missing)
            ]
            if ruled_out[0]:
                continue
            if ruled_out[1]:  # (the title alone ties it to the question: no short answer)
                entitled.add((c.article_id, c.start))
            if _another_of_kind(question, c, around or relevant):
                continue  # "the raised offer" is not the first offer asked of
            if _owned_by_another(question, c):
                continue  # "its own shareholders" are not the other party's shareholders asked of
            # (nor, for "how many" of a noun, one with no count, which cannot answer: the count found
            # further down must count that noun)
            weighed += labelled or not question.counted or any(e.label in question.types for e in c.entities)
            meaning = {stem(w): alike[w] for w in content_words(c.text) if alike.get(w)}
            # (and the words that spell out an acronym asked: "chief financial officer" for "CFO")
            for acronym, words in spelled_acronyms(question.text, c.text).items():
                for w in words:
                    meaning[stem(w)] = meaning.get(stem(w), set()) | {acronym}
            for noun, stood in standing.items():
                meaning[noun] = meaning.get(noun, set()) | stood
            for e in c.entities:
                if e.label == "MONEY" and question.counted and _counts_noun(c.text, e, question.counted):
                    e = replace(e, label="CARDINAL")  # (the model's money "1.1 billion" of "1.1 billion lenses")
                text = _stated(c.text, e)
                # (a name in a row whose label is asked is of the kind asked, whatever type the
                # model gave it: "| Head office | Orrin, Co Kell |" read as a firm and a person; and
                # so is a number in a row whose label says the noun a "what NOUN" asks: "| Exchange
                # ratio | 1.137 X shares per Y share |" for a ratio, not "| Employees | 4,200 |" for
                # what X pays them)
                retyped = labelled and (
                    (e.label in NAME_TYPES and set(question.types) <= NAME_TYPES)
                    or (
                        e.label in _NUMBERS
                        and set(question.types) <= _NUMBERS
                        and bool({question.thing, *terms(question.equated)} & terms(c.text[: _label_end(c.text)]))
                    )
                )
                # (and so is a name where the place asked stands, whatever type the model gave it:
                # "based in Rauma" for "In which town is X based?", "build a factory in Viborg")
                retyped = retyped or (
                    e.label in NAME_TYPES
                    and set(question.types) <= PLACE_TYPES
                    and bool(question.verbs)
                    and _governed_by(question, c, e)
                    and _placed_object(c, e)
                )
                if (
                    (e.label not in question.types and not _counting(question, text) and not retyped)
                    or not text
                    or _in_question(text, question)
                ):
                    continue  # not the type asked for, or what the question already says ("Plant 2")
                if (
                    e.label in _TIMES
                    and not any(ch.isdigit() or ch.isupper() for ch in text)
                    and not _span(question, text)
                    and not _counting(question, text)
                ):
                    continue  # "the week (before the announcement)", "today": a time only its sentence tells
                unit = _rate_unit(c.text, e)
                if unit and unit not in {stem(w) for w in question.words}:
                    continue  # "$38.50 a share" is not what a company is bought for, unless asked per share
                if not _rate_of(question, c, e, unit):
                    continue  # "the price of each truck" is no contract's total, nor "5% of the output"
                if unit and unit == _asked_rate(question.text):
                    text = _with_unit(c.text, e)  # "$310 a tonne" for "how much for each tonne"
                text = _with_count(c.text, e, text)
                if e.label == "PERCENT" and not question.measure and "of" not in question.words:
                    whole = _share_of(c.text, e)
                    if whole and whole not in {stem(w) for w in question.words}:
                        continue  # "60% of the price" is no amount paid nor rate, unless asked of the price
                if _counts_thing(question, e):
                    continue  # "two insurers" says how many, not which
                if question.naming and not _given_name(question, c.text, e):
                    continue  # "What will the group be called?": the name given it, not a party beside it
                dateline = _dateline(c.text)
                if dateline and e.end <= dateline.end() and not (e.label == "DATE" and _told_that_day(question, c)):
                    # a wire copy's dateline dates the report, not what it had done before, and its
                    # place and agency are where and by whom it was filed: no party to anything
                    continue
                # (a row whose label the question says, and whose label means nearly the kind asked
                # for, says its name is one: "| Legal counsel to Orrin | Bexley Hart |" for "Which
                # law firm acted as Orrin's legal counsel?"; not "| Adviser to Orrin | ... |")
                row = labelled and e.start > _label_end(c.text)
                share = _share_of_whole(question, c, e)  # ("40% of net income": the share of it asked)
                if (
                    question.noun
                    and not (row and not circumstance and e.label in NAME_TYPES and self._label_is_kind(question, c))
                    and not _object_of(question, c, e)
                    and not share
                    and not (_one_of(question, c, text) and _described(question, c, e))
                ):
                    if not _named_as(question, c, e):
                        continue  # "which law firm": the value must be said to be one ("X, the law firm", "X Foundry")
                    if not terms(question.kind) <= terms(c.text):
                        continue  # ...and of the kind asked ("a Boston accounting firm" is no law firm)
                if e.role == "poss" and set(question.types) <= PLACE_TYPES:
                    continue  # "Vantor's data center": an owner, whatever the model took it for
                if e.role == "poss" and any(
                    set(fold(text).split()) <= set(fold(n).split()) for n in question.earlier_names
                ):
                    continue  # "Brisk's previous round" holds a thing of what a follow-up points back at, not is it
                if _modifier(question, c, e):
                    continue  # "a Duluth company": a name that only modifies a noun is no one asked for
                # (whatever type the model gave the name: it takes people it has not seen for firms)
                if question.role and e.label in NAME_TYPES and not _holds_role(question, c, e):
                    continue  # "X's chief executive, Nils Haug" is no one's executive chair
                if question.subject_of and _done_to(c, e, question.subject_of):
                    continue  # "has agreed to buy Tolvik Dairy": what is bought, not who buys
                if question.subject_of and _oblique_of(c, e, question.subject_of):
                    continue  # "agreed to sell its berths to Kallby": who buys, not who sells
                if question.subject_of and e.label in NAME_TYPES and not asks_place and _placed(c, e):
                    continue  # "must sell the hospital in Corby to a buyer": where, not who buys it
                if _pronoun_for_another(question, c, e):
                    continue  # "He holds 55%" after a sentence about Ashby is not what Ekberg holds
                if _done_by_another(question, c, e):
                    continue  # "Kerrow will pay $40m" is not what Orsk pays
                if _gapped_for_another(question, c, e):
                    continue  # "A's members vote on 24 June and B's on July 1": July 1 is B's
                if _paid_for_another(question, c, e):
                    continue  # "paid $50m for Y's rival Z" is not what is paid for Y
                if e.label in _AMOUNTS | {"CARDINAL"} and _said_of_several(question, c, e):
                    continue  # "X and Y agreed to merge, creating a group with 9m listeners": not X's own
                if said and not saying and self._called_far(said, c, e):
                    continue  # "revenue of €71m" is no price, though "price" need not be said
                if c.negated and not question.negated and _denied(question, c, e):
                    continue  # "has not closed by January 31" is not when it closes
                if dated and _of_another_year(c, e, dated):
                    continue  # "hauled 40,000 tonnes in 2024" is not how much in 2023
                if question.role and _holder(question.role, e):
                    continue  # "Vantor" of "Vantor's chief executive" holds the role asked, not is it
                if question.thing and _by_topic(question, c) and question.thing not in terms(c.text):
                    continue  # a sentence about the names only as its passage's topic must say the kind asked for
                if row and circumstance and e.label in NAME_TYPES:
                    continue
                if row:
                    text = _cell(c.text, e)  # the whole cell, as written: "20% from the second year"
                # (a row that names no one is about what its article is about, as its label is, and
                # a value in the clause of "the deal" that stands for the deal asked is of its parties)
                if (
                    row
                    or (c.on_topic and _unnamed_row(c))
                    or bool(standing.keys() & set(e.anchors))
                    or _about_names(question, c, e)
                ):
                    near = dict(zip(e.anchors, e.distances, strict=True))
                    # ("it" in the value's clause stands for the sentence's subject: "The merger must
                    # be cleared first; both firms think it will complete in Q3" is when it completes)
                    for noun in _referred(c, e):
                        near.setdefault(noun, _POINTED_EDGES)
                    for anchor, edges in list(near.items()):
                        for meant in meaning.get(anchor, ()):
                            near[meant] = min(edges, near.get(meant, edges))
                    if not _names_all(question, c):
                        # the sentence is about the names the one before states ("its budget"), or
                        # its definite subject is the thing asked of them ("The contract is to be
                        # signed on ..." for "the Tovik port contract", in an article whose title
                        # names them: what it is about, not one of several it tells of)
                        subject = _definite_subject(c.text) in things and all(
                            mentioned(n, c.title) for n in question.names
                        )
                        before = _stems(_antecedents(c))
                        for w in (w for name in question.names for w in terms(name) if subject or w in before):
                            near.setdefault(w, 1)
                    elif any(ch.isdigit() for name in question.names for ch in name):
                        # ...or names them, and so the nouns a numbered name modifies in the question,
                        # as near as the names ("the Dunmere 2 site" for "the Dunmere 2 data center";
                        # not "bank" of "the Harrow-Orwin bank deal", which says what it is about)
                        named_at = [near[w] for name in question.names for w in terms(name) if w in near]
                        for kind in question.kinds_named if named_at else ():
                            near.setdefault(kind, min(named_at))
                    covered = (
                        sum(w * nearness(near[t]) for t, w in weights.items() if t in near) / total if total else 0.0
                    )
                    # What is asked, on its own: of two values by the same names, the one nearer
                    # the asked words ("a deal worth $2.6 billion", not "will supply 300 megawatts")
                    asked = sum(weights[t] * nearness(near[t]) for t in question.focus if t in near)
                    # "a 12-year lease" says how long the rental runs, and "agreed to buy X ... for
                    # €310 million" what is paid for X, whatever the verb, in a sentence that names
                    # what the question names
                    measures = "row" if row else ""
                    if not row and _names_all(question, c):
                        if question.kind == "how long" and any(near.get(t) == 1 for t in things):
                            measures = "length"
                        elif _prices(question, c, e):
                            measures = "price"
                        elif question.names and self._calls(c, e, question.kind) and _said_of_asked(question, c, e):
                            measures = "called"
                        elif question.rated and self._calls(c, e, question.rated):
                            measures = "rated"
                        elif _object_of(question, c, e):
                            measures = "object"
                        elif question.subject_of and _agent_of(question, c, e):
                            measures = "actor"
                        elif question.kind == "how old" and _apposed(question, c, e):
                            measures = "age"
                        elif question.partitive and _described(question, c, e):
                            measures = "described"
                        elif unit and unit == _asked_rate(question.text):
                            measures = "rate"  # "C$3.40 each" of the shares for "at what price per share"
                        elif question.verbs and _governed_by(question, c, e):
                            measures = "governed"  # "runs until 2039" for "Until when does it run?"
                    if not measures and share:
                        measures, text = "share", share  # "40% of net income" for "What share of net income ...?"
                    if not measures and question.role and e.label in NAME_TYPES and _titled(question, c, e):
                        measures = "titled"  # "chief financial officer Ana Tarvell said", of the names asked
                    if not measures and question.naming:
                        measures = "named"  # "The new group will be called X", in a passage about the names asked
                    found.append(
                        (c, e, text, _predicate(c, e), covered, asked / asked_total if asked_total else 0.0, measures)
                    )
        if not found:
            return []
        # How close each clause's own words (names and values cut out) are to what is asked:
        # "employs people" is what "how many employees" asks; "agreed to acquire" is not "founded".
        predicates = list(dict.fromkeys(f[3] for f in found))
        values = list(dict.fromkeys(f[2] for f in found))
        rivals = _RIVAL_KINDS.get(question.kind, {})
        # (what a "what NOUN" asks for an amount is the noun too: "valuation" of "What valuation did
        # the round give?"; not a time's unit, "year", nor a query's keyword, nor a comparison's
        # noun, which each side's value need not mean, nor a name's kind, which "_named_as" reads)
        asking = (
            bool(question.thing)
            and set(question.types) <= _AMOUNTS | {"CARDINAL"}
            and not question.side_phrases
            and bool({"what", "which"} & question.words)
        )
        meant = f"{question.kind} {question.asked}" if asking else question.asked or question.text
        texts = [
            meant,
            question.kind or question.text,
            *(k for r in rivals.values() for k in r),
        ]
        texts = list(dict.fromkeys(texts))
        texts += [t for t in predicates + values if t not in texts]
        vectors_of = dict(zip(texts, self._vectors(texts), strict=True))
        asked, kind = vectors_of[meant], vectors_of[question.kind or question.text]
        closeness = {p: float(np.dot(asked, vectors_of[p])) for p in predicates}
        # The value most like what is asked for: "Texas" for "which state", "12 years" for "how long".
        fit = {v: float(np.dot(kind, vectors_of[v])) for v in values}
        # "how long" wants a length, not the tonnes the model also calls a QUANTITY...
        labels = {text: e.label for _, e, text, *_ in found}
        wrong = {
            v
            for v in values
            if any(float(np.dot(vectors_of[k], vectors_of[v])) > fit[v] for k in rivals.get(labels[v], ()))
        }
        # ...and a span, where "when" wants a point in time, both DATE to the model
        if question.kind in ("when", "how long"):
            wrong |= {t for c, e, t, *_ in found if e.label == "DATE" and _lasts(c, e) != (question.kind == "how long")}
        # ...and an age, where "how old" asks: a point in time ("told a paper last Thursday") is none
        if question.kind == "how old":
            ages = {t for _, _, t, *_, measures in found if measures == "age"}
            wrong |= {t for c, e, t, *_, measures in found if measures != "age" and not _lasts(c, e)} - ages
        tied = [
            Value(
                c,
                e,
                text,
                c.score + closeness[p] + covered + asked + fit[text],
                _names_all(question, c),
                (c.article_id, c.start) in entitled,
            )
            for c, e, text, p, covered, asked, measures in found
            if _tied(question, c, e, text, covered, closeness[p], measures) and text not in wrong
        ]
        called = {(c.article_id, c.start, e.start) for c, e, *_, measures in found if measures == "called"}
        # Who does the act asked, where its sentence says it, not another party to it ("X has agreed
        # to buy Y from Z" for "Who is buying Y?"); and what the act asked is done to, by whom it asks
        # of, not another value its sentence calls the noun asked ("X, which holds 8.9% of Y, has a
        # pledge from Z for Z's 6.1% stake" for "How big a stake in Y does X own?")
        actors = {(c.article_id, c.start, e.start) for c, e, *_, measures in found if measures in ("actor", "object")}
        acting = {key[:2] for key in actors}
        tied = [v for v in tied if _key(v)[:2] not in acting or _key(v) in actors]
        # (and of all the sentences', the doer the parse reads, where one does, before a name that
        # is no subject: "Ada Lind, who founded X in 1998, ..." before "from the fund Y and the
        # founding Z family" for "Who founded X?"; a subject may be the doer the parse misses, "Y
        # agreed to buy the firm X" beside "Z, which bought X in 2015")
        doers = {(c.article_id, c.start, e.start) for c, e, *_, measures in found if measures == "actor"}
        if question.subject_of and any(_key(v) in doers for v in tied):
            tied = [v for v in tied if _key(v) in doers or v.entity.role == "nsubj"]
        # Where the price of what is asked is stated, no sum paid for nothing named ("will pay NOK 15
        # million to two former directors" for "What is X paying for Y?")
        pricing = [_prices(question, v.candidate, v.entity) for v in tied]
        priced = {(v.candidate.article_id, v.candidate.start) for v, p in zip(tied, pricing, strict=True) if p}
        prices = {_key(v) for v, p in zip(tied, pricing, strict=True) if p}
        # (and of a sentence's amounts, the one it says prices the thing: "NOK 1.2 billion for X and
        # NOK 300 million for Y")
        tied = [
            v
            for v, p in zip(tied, pricing, strict=True)
            if p
            or _key(v) in called  # (what a "what NOUN" asks is the value called it: "a 28% premium")
            or not priced
            or not (_paid_for_nothing(v.candidate, v.entity) or (v.candidate.article_id, v.candidate.start) in priced)
        ]
        # (and of a sentence's values, the one it calls the noun asked: "a valuation of $2.2 billion
        # for the $300 million round", "values the firm at £640m" beside "sold a stake for £160m";
        # unless a value is the object of the act asked, "which will own 85%" beside "the founders
        # will hold a stake of 15%" for "What stake will Trask own?", and is of the type of those
        # called the noun of the names asked: "would pay Y $75m if the deal is blocked" is no
        # premium beside "a 24% premium" for "What premium is X paying for Y?")
        if question.thing:
            objects = [_object_of(question, v.candidate, v.entity) for v in tied]
            # (the type of the values called the noun is the noun's: "a 24% premium" says that no
            # money paid is one)
            kinds = {v.entity.label for v in tied if _key(v) in called}
            kept = [not (o and kinds and v.entity.label not in kinds) for v, o in zip(tied, objects, strict=True)]
            tied = [v for v, k in zip(tied, kept, strict=True) if k]
            if not any(o for o, k in zip(objects, kept, strict=True) if k):
                calls = [v for v in tied if self._calls(v.candidate, v.entity, question.kind)]
                # (of the names asked, if any is: "bought a 25% stake from its founder, who keeps a
                # stake of 10%" for "What stake does the founder keep?")
                own = [v for v in calls if _said_of_asked(question, v.candidate, v.entity)]
                calling = {_key(v) for v in own or calls}
                stating = {key[:2] for key in calling}
                tied = [v for v in tied if _key(v) in calling or _key(v)[:2] not in stating]
        # A sentence that says the noun asked itself goes before one that says a word only near it
        # ("Its revenue was €4.0bn" before "Its profit was €360m" for "What is X's revenue?")
        if saying and any(terms(said) <= terms(v.candidate.text) for v in tied):
            tied = [v for v in tied if terms(said) <= terms(v.candidate.text)]
        # Of a sentence's values, the one counting what "how many" asks: "12 crushers", not "40
        # kilometres" of "operates 40 kilometres of haul roads and 12 crushers"
        counting = {_key(v)[:2] for v in tied if question.counted and question.counted in terms(v.text)}
        tied = [v for v in tied if _key(v)[:2] not in counting or question.counted in terms(v.text)]
        # Of a sentence's values, the one the question's preposition governs: "at C$3.40 each", not
        # "$25 million of new shares" of "will buy $25 million of new shares at C$3.40 each" for "At
        # what price is X buying shares?"
        # (and so is a value holding it: "on Friday, 11 May" for "On what date ...")
        held = [_governed_by(question, v.candidate, v.entity) for v in tied]
        held = [
            h or any(g and _inside(w, v) for w, g in zip(tied, held, strict=True))
            for v, h in zip(tied, held, strict=True)
        ]
        governed = {_key(v)[:2] for v, h in zip(tied, held, strict=True) if h}
        tied = [v for v, h in zip(tied, held, strict=True) if _key(v)[:2] not in governed or h]
        # The fullest of overlapping values: "Duluth, Minnesota", not "Minnesota" alone.
        tied = [v for v in tied if not any(_inside(v, w) for w in tied)]
        # A price of what is asked goes before a sum said only near the act ("will pay for it with a
        # $50m loan")
        return sorted(tied, key=lambda v: (_key(v) not in prices, -v.tie, *_rank(v.candidate)[1:], v.entity.start))

    def _other_amount(
        self, question: Question, relevant: list[Candidate], candidates: list[Candidate], vectors: Sequence[np.ndarray]
    ) -> Candidate | None:
        """For a question that takes an amount for granted ("Why is Vantor paying $12 a share for
        Quarry?"): the sentence that states another amount of that kind tied to what it asks, when
        no article about its names states the question's at its size, however written ("$12" and
        "$12.00", "$1.3 billion" and "$1,300 million"; one in words is not compared); or a count of
        a thing ("Why did X order 60 jets?" where the articles say 40 jets)."""
        doc = _doc(question.text)
        for ent in entities(doc):  # (as an article's are read: "NOK 14bn" is money)
            counted = _counted_noun(doc, ent) if ent.label == "CARDINAL" else ""
            if (ent.label not in _AMOUNTS and not counted) or ent.label in question.types:
                continue  # (an amount of the kind asked for is no premise: "more than $500 million?")
            stated = _size(_stated(question.text, ent))
            if stated is None or any(
                e.label == ent.label and _size(_stated(c.text, e)) == stated and _about_names(question, c, e)
                for c in candidates
                # (in an article about the names asked, said of them: another's "$12" is not it,
                # "rejected a $39-a-share approach from Daskalos" for "Why is X paying $39 a share?")
                if c.on_topic
                for e in c.entities
            ):
                continue
            asking = replace(question, types=(ent.label,), kind="how many", counted=counted) if counted else None
            asking = asking or replace(question, types=(ent.label,), kind="how much")
            values = self._values(asking, relevant, vectors)
            if values and _size(values[0].text) not in (stated, None):
                return values[0].candidate
            # (with no value tied to the act asked, a rate the question states at another size, said
            # of its names: "$46.50 a share in cash" for "Why is X paying $39 a share?")
            unit = _rate_unit(question.text, ent)
            for c in relevant[:_WEIGHED] if unit else ():
                if any(
                    e.label == ent.label
                    and _rate_unit(c.text, e) == unit
                    and _size(_stated(c.text, e)) not in (stated, None)
                    and _about_names(question, c, e)
                    for e in c.entities
                ):
                    return c
        return None

    def _contrary(self, question: Question, relevant: list[Candidate]) -> Candidate | None:
        """For a why question, which takes something for granted ("Why did regulators block the
        deal?"): the sentence that says otherwise, when no leading sentence about the
        names asked states the question's verb (or one like it, "acquire" for "buy") but to deny
        it ("... are not named as defendants"). None when the premise stands."""
        if not question.predicates or question.kind != "why":
            return None
        # (a reason that leaves out what the act is done to neither holds nor denies the premise:
        # "X is selling to pay down loans" for "Why is X selling all of Y?")
        leading = [c for c in relevant if not (c.reason and c.missing)][:_WEIGHED]
        # (the act taken for granted, not what it is done for: "selling bonds", not "to pay for X")
        acts = _main_predicates(question.text, question.predicates)
        # (the words stating the acts are read only where needed: most why questions find a reason first)
        like_acts = functools.cache(lambda: self._like_acts(question, acts, leading))
        # (an act the leading sentences give only shares short of the whole of, together, holds no
        # premise that it takes the whole, whatever reason is given for it: "agreed to sell a 70% stake
        # in Y" for "Why is X selling all of Y?")
        if _asks_whole(question):
            given = [(c, _objects_done(c.text, like_acts())) for c in leading]
            parted = [c for c, objects in given if _names_all(question, c) and _share_given(objects)]
            if parted and _share_given([o for _, objects in given for o in objects]) < _WHOLE:
                return parted[0]
        if any(
            (
                c.reason
                or (
                    _states_of(c.text, acts, question.names, question.kinds_named, c.after)
                    and not _swaps(question, c, acts)
                )
            )
            and _acted(question, c)
            for c in leading
        ):
            # "Duluth was chosen because ...": the premise's act is stated of its subject (a reason
            # for it of the doer asked states it too: "The operator is selling them because ...")
            return None
        like = like_acts()
        stating = [c for c in leading if _names_all(question, c) and like & set(content_words(c.text))]
        if any(
            not (_denies(c.text, like) or _swapped(question, c.text, like) or _acts_on_part(question, c.text, like))
            or question.negated
            for c in stating
        ):
            return None
        # (the sentence that denies the act, if one does, though it names not all: "has no plan to
        # list any shares")
        denying = [c for c in (*stating, *leading) if _denies(c.text, like)]
        return denying[0] if denying else stating[0] if stating else leading[0]

    def _like_acts(self, question: Question, acts: set[str], leading: list[Candidate]) -> set[str]:
        """The words of the leading sentences that state the question's acts or mean nearly them."""
        # (a word the question states of another part is that part, not its act: "offer" of
        # "Why did X accept the offer?" is near "accept" to the model, and no acceptance)
        # (nor is the act it is done for: "to pay for Y" of "Why is X issuing shares to pay for Y?")
        # (nor a word of a name: "Mills" of "Tarn Mills" is no milling)
        others_asked = set(question.terms) - acts
        named = {w for n in question.names for w in fold(n).split()}
        words = sorted(
            {w for c in leading for w in content_words(c.text) if stem(w) not in others_asked and fold(w) not in named}
        )
        main = [p for p in question.predicates if stem(fold(p)) in acts]
        vectors = self._vectors([*main, *words])
        verbs, others = vectors[: len(main)], vectors[len(main) :]
        return {
            w for w, v in zip(words, others, strict=True) if stem(w) in acts or float(np.max(verbs @ v)) >= _SAME_VERB
        }

    def _reversed(self, question: Question, relevant: list[Candidate]) -> Candidate | None:
        """A leading sentence that states the question's act, by its very verb, with the question's
        doer and the one it is done to in each other's places ("Y will pay X $40m" for "How much
        did X pay Y?"), undenied, each by its whole name; None where any relevant sentence states
        the act with either party in its place ("the bank will pay Y"), or any act with both ("X
        agreed to acquire Y", "Y will be acquired by X"). Roles are read from the parse: a verb's
        subject or a passive's agent, and its object, dative or passive subject, each a phrase
        headed by a word of the name ("Y investors" is not Y)."""
        roles = [(a, s, o) for a, s, o in (_roles(question, t) for t in _acts(question)) if s and o]
        if not roles:
            return None
        for c in relevant:
            for t in (t for t in _doc(c.text) if t.pos_ == "VERB"):
                lemma, doers, done = _roles(question, t)
                if any(
                    (s & doers or o & done) if stem(a) == stem(lemma) else (s & doers and o & done) for a, s, o in roles
                ):
                    return None  # said their way round: the premise may stand
        for c in relevant[:_WEIGHED]:
            for t in (t for t in _doc(c.text) if t.pos_ == "VERB" and not any(n.dep_ == "neg" for n in t.children)):
                lemma, doers, done = _roles(question, t, whole=True)
                if any(stem(a) == stem(lemma) and o & doers and s & done for a, s, o in roles):
                    return c
        return None

    def _choose_each(self, relevant: list[Candidate], sides: tuple[str, str]) -> list[Candidate]:
        """For "A or B?": the best sentences on each alternative (those using its most telling
        word), so the answer shows what the articles say of both; none when one side has none."""
        chosen: list[Candidate] = []
        for side, other in (sides, sides[::-1]):
            distinct = terms(side) - terms(other)
            if not distinct:
                return []
            key = max(sorted(distinct), key=self.lexicon.weight)
            on_side = [c for c in relevant if key in terms(c.text) and c not in chosen]
            if not on_side:
                return []
            chosen += _choose(on_side, wide=False)
        return sorted(chosen, key=_rank)[:_MAX_SENTENCES]

    def _mostly_unknown(self, query: str, question: Question) -> bool:
        """True when most of the query's content words appear nowhere in the corpus (typos allowed),
        those of its question word aside ("big" of "how big" asks, and says nothing of what about)."""
        asking = set(question.kind.split()) if question.kind.startswith("how ") else set()
        words = content_words(query)
        return sum(1 for w in words if w not in asking and not self.lexicon.knows(w)) * 2 > len(words)

    def _unknown_names(self, question: Question, hits: Sequence[Hit]) -> list[str]:
        """Names in the question the corpus never uses (a numbered name such as "Plant 3" or "KX-40"
        must appear exactly, or in the plural, with the word before a bare number; a firm's name before a numbered
        one, "Orsk Air KX-40", need not be written beside it)."""
        articles: dict[str, str] = {}
        for h in hits:
            articles[h.chunk.article_id] = f"{articles.get(h.chunk.article_id, '')} {h.chunk.text}"
        unknown = []
        for name in question.names:
            written = name.split()
            numbered = {i for i, w in enumerate(written) if any(ch.isdigit() for ch in w)}
            units = [" ".join(written[i - 1 : i + 1]) if written[i].isdigit() and i else written[i] for i in numbered]
            numbering = {i - 1 for i in numbered if written[i].isdigit()} | numbered
            words = [w for i, n in enumerate(written) if i not in numbering for w in fold(n).split()]
            # (or in the plural, "two RX-9s", in an article that writes a word of the rest of the name)
            passages = " ".join(articles.values())
            found = not units or (
                all(mentioned(w, passages) for w in words)
                and any(
                    all(mentioned(unit, text) or mentioned(f"{unit}s", text) for unit in units)
                    and (not words or any(mentioned(w, text) for w in words))
                    for text in articles.values()
                )
            )
            if not found or not all(self._knows_name(w) for w in words if len(w) > 3 or not w.isalpha()):
                unknown.append(name)
        return unknown

    def _knows_name(self, word: str) -> bool:
        """A name's word must be in the corpus as written ("Orwin" is no typo of "owing"); one with
        digits or punctuation ("Vela-9") may be written other ways."""
        return self.lexicon.uses(word) or (not word.isalpha() and self.lexicon.knows(word))


def _cited(question: Question, retrieval: Retrieval) -> dict[str, set[str]]:
    """The outlets or authors the question cites ("According to the Orwin Courier", "Do the Courier
    and the Post agree ..."), each with the stories they published. A name that other articles'
    text says (an author who is also in the news) is no citation."""
    # (the small model often takes an outlet's name for no name: "Do Ward Round Digital and ...")
    publishers = {n for p in retrieval.publications for n in (p.outlet, p.author) if n and mentioned(n, question.text)}
    names = dict.fromkeys([*question.names, *sorted(publishers)])
    cited = {n: {p.story for p in retrieval.publications if names_publisher(n, p)} for n in names}
    return {
        n: found
        for n, found in cited.items()
        if found and not any(mentioned(n, s.text) for s in retrieval.sentences if s.article_id not in found)
    }


def _sourced(question: Question, retrieval: Retrieval, cited: dict[str, set[str]]) -> tuple[Question, Retrieval]:
    """The question without the names it cites, and the evidence narrowed to what they published."""
    stories = set().union(*cited.values())
    if not stories:
        return question, retrieval
    kept = [i for i, n in enumerate(question.names) if n not in cited]
    theirs = {w for n in cited for w in terms(n)}
    question = replace(
        question,
        names=tuple(question.names[i] for i in kept),
        name_words=tuple(question.name_words[i] for i in kept) if question.name_words else (),
        focus=tuple(t for t in question.focus if t not in theirs),
        terms=tuple(t for t in question.terms if t not in theirs),
    )
    narrowed = replace(
        retrieval,
        hits=tuple(h for h in retrieval.hits if h.chunk.article_id in stories),
        sentences=tuple(s for s in retrieval.sentences if s.article_id in stories),
    )
    return question, narrowed


@functools.lru_cache(maxsize=256)
def _doc(text: str) -> Any:
    """spaCy's parse of a question or a sentence, kept: the rules read the same few again and again."""
    return parse(text)


def _holds_role(question: Question, c: Candidate, person: Entity) -> bool:
    """Whether the sentence may give the person the role asked. A role it gives them in apposition
    must be the one asked (its words hold the role's noun: "chief" of "finance chief" in "chief
    financial officer"; or its initials start the acronym: "chief executive" for "CEO") and held by
    a name the question names, if by any ("Kerr Farms's chief executive" is no one else's); a noun
    of it that is only a modifier there needs the asked role's other words ("finance chief" is no
    "chief executive"). With another role, the role's noun must be next to them, and not only as
    a word of that role ("X, head of Y, will be Z's chief executive"); with none, the sentence must
    say the role ("Brisco acted as financial adviser" is no finance chief). A title before the name
    that no name of the sentence holds is the passage subject's ("Chief financial officer Nora
    Quill said ..." after a sentence about Larkspur is Larkspur's, whatever else the sentence
    names)."""
    asked = question.role.split()
    noun = stem(asked[-1].lower())
    near = {a for a, d in zip(person.anchors, person.distances, strict=True) if d <= _ROLE_EDGES}
    doc = _doc(c.text)
    span = [t for t in doc if person.start <= t.idx < person.end]
    head = next((t for t in span if not person.start <= t.head.idx < person.end or t.head == t), None)

    def words(role: Any) -> list[str]:
        return [t.text for t in role_words(role)]

    def other(held: list[str]) -> bool:
        """The asked role's frame with another word in it: "chief investment officer" is no "chief
        financial officer" (but "lead independent director" may be the "lead director", and the
        "chief executive" the "top executive")."""
        if len(asked) < 3 or len(held) < 3 or stem(held[-1].lower()) != noun:
            return False
        frame = {stem(w.lower()) for w in held[:-2]} & {stem(w.lower()) for w in asked[:-2]}
        own = stem(asked[-2].lower())
        return bool(frame) and not any(stem(w.lower()).startswith(own) or own.startswith(stem(w.lower())) for w in held)

    given = None
    if head is not None:
        # in apposition ("X's chief executive, Nils Haug"), or before the name ("X chief executive Nils Haug")
        given = head.head if head.dep_ == "appos" else next((c for c in head.children if c.dep_ == "appos"), None)
        given = given or next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    if given is None or given.pos_ != "NOUN":
        # (then the sentence itself must say the role: "Brisco acted as financial adviser" is no
        # finance chief, though the sentence before says "chief"; as a title right before the name,
        # it is held as a bare title is)
        at = _title_start(question.role, c, person)
        if at >= 0:
            holding = _may_hold(c, person, at)
            return not (question.names and holding) or any(
                _named(question, n, h) for n in question.names for h in holding
            )
        # (and not only in another frame: "X's chief operating officer" is no chief financial officer)
        nouns = [t for t in doc if t.pos_ == "NOUN" and stem(t.lemma_.lower()) == noun]
        return _says_role(question.role, doc) and not (nouns and all(other(words(t)) for t in nouns))

    def same(role: Any) -> bool:
        held = words(role)
        if question.role.isupper():
            return question.role.startswith("".join(w[0] for w in held).upper())
        if role.text.isupper():
            return bool(role.text.startswith("".join(w[0] for w in asked).upper()))
        if noun not in terms(" ".join(held)) or other(held):
            return False
        # (the asked noun only as a modifier there, "chief" of "chief executive", is the role
        # asked if its other words are there too: "finance chief" is a "chief financial officer")
        stems = [stem(w.lower()) for w in held]
        return stems[-1] == noun or all(
            any(h.startswith(w) or w.startswith(h) for h in stems) for w in (stem(a.lower()) for a in asked[:-1])
        )

    # (of each role given: "Velta's managing director and chief executive"; and of each noun the
    # name is in apposition with: "His daughter, Ana Lind, Orvo's chief operating officer")
    apposed = [t for t in head.children if t.dep_ == "appos" and t.pos_ == "NOUN"] if head is not None else []
    roles = tuple(dict.fromkeys([given, *given.conjuncts, *apposed]))
    matching = next((role for role in roles if same(role)), None)
    if matching is None:
        # (the noun is near them only as a word of that other role: "chief" of "chief executive")
        held = {t.i for role in roles for t in (role, *role.children) if t.text in words(role)}
        own = not any(noun in terms(t.text) for t in doc if t.i not in held)
        return noun in near and not own and not any(other(words(role)) for role in roles)
    given = matching
    # the holder: "Kerr Farms's" or "of Vantor Systems", a name
    holders = [
        t
        for t in given.children
        if t.dep_ in ("poss", "nmod")
        or (t.dep_ == "compound" and (t.pos_ == "PROPN" or _entity_at(c, t.idx, NAME_TYPES)))
    ]
    holders += [
        o for t in given.children if t.dep_ == "prep" and t.lower_ == "of" for o in t.children if o.dep_ == "pobj"
    ]
    # (the model may tag a name it has not seen as a common noun: capitalised, it is a name)
    named = [" ".join(t.text for t in h.subtree) for h in holders if h.pos_ != "PRON" and h.text[:1].isupper()]
    # (a definite common noun stands for the name of the passage it is the last word of: "The
    # league's chief executive" after "the Tollmere Rowing League")
    named += [
        n
        for h in holders
        if h.pos_ == "NOUN" and any(d.lower_ == "the" for d in h.children)
        for n in _names_ending(c, h.lemma_)[:1]
    ]
    if not named and given.dep_ == "compound":  # (a bare title before the name)
        at = _title_start(question.role, c, person)
        at = at if at >= 0 else given.left_edge.idx
        named = list(_title_holders(c, person, at))
        # (where the sentence makes another company a subject, the holder is the one that comes
        # first, if nothing else holds it and the article's title names it, "X is selling ...,
        # said chief executive Y" under "X sells ..."; else it is not known: "Chief executive Y
        # said Harwell would keep ..." after a sentence about another company, or "Rivals such as
        # Harwell ..., said chief executive Y" in an article about another)
        firms = _firm_subjects(c, person)
        named = named or [
            c.text[e.start : e.end] for e in firms if e.end <= at and mentioned(c.text[e.start : e.end], c.title)
        ]
        if any(not any(mentioned(c.text[e.start : e.end], n) for n in named) for e in firms):
            return False
    return not named or not question.names or any(_named(question, n, h) for n in question.names for h in named)


def _firm_subjects(c: Candidate, person: Entity) -> list[Entity]:
    """The sentence's names of companies that are subjects, as the model types them: organisations,
    and one-word "persons" ahead of the person, no word of its name, that the article's title names:
    the model often types a company it has not seen as a person ("Dalmarova, based in Porto, is
    selling ..., said chief executive Ana Roe" under "Dalmarova sells marinas"). Another such
    name is as likely a person ("Kowalski, who founded Velta, will join ..., said ...")."""
    own = c.text[person.start : person.end].split()

    def firm(e: Entity) -> bool:
        name = c.text[e.start : e.end]
        return e.label == "ORG" or (
            e.label == "PERSON"
            and " " not in name
            and name not in own
            and e.end <= person.start
            and mentioned(name, c.title)
        )

    return [e for e in c.entities if e.role in _SUBJECTS and firm(e)]


def _title_start(role: str, c: Candidate, name: Entity) -> int:
    """Where the role stands as a title right before the name ("chief financial officer Ana Tarvell
    said", also for "CFO"), which the parse may hang elsewhere in a long sentence; -1 where it does
    not."""
    asked = role.lower().split()
    acronym = role.isupper() and len(asked) == 1
    before = list(re.finditer(r"\S+", c.text[: name.start]))[-(len(role) if acronym else len(asked)) :]
    words = [w[0].lower() for w in before]
    if acronym and "".join(w[:1] for w in words) != asked[0]:
        return -1
    if not acronym and [stem(w) for w in words] != [stem(w) for w in asked]:
        return -1
    return before[0].start() if before else -1


def _titled(question: Question, c: Candidate, name: Entity) -> bool:
    """Whether the name bears the role asked as a title right before it, and the one company it may
    be of is a name asked, which the article's title names too: "X will book a loss. ..., chief
    financial officer Y said" in an article headed "X sells ..." (not after a sentence naming both
    parties, nor about the other party: "our" growth may be the headline's firm's)."""
    at = _title_start(question.role, c, name)
    if at < 0:
        return False
    holders = _may_hold(c, name, at)
    return (
        bool(holders)
        and all(any(_named(question, n, h) for n in question.names) for h in holders)
        and any(_named(question, n, c.title) for n in question.names)
    )


def _may_hold(c: Candidate, name: Entity, at: int) -> set[str]:
    """The companies a title starting at ``at`` right before the name may be of: the sentence's own
    subject ("X will pay in cash, chief financial officer Y said") and the title's holders."""
    own = [c.text[e.start : e.end] for e in c.entities if e.label in NAME_TYPES and e.role in _SUBJECTS]
    return {h for h in (*own, *_title_holders(c, name, at)) if h != c.text[name.start : name.end]}


def _title_holders(c: Candidate, name: Entity, at: int) -> tuple[str, ...]:
    """Whose a title starting at ``at`` right before the name, in a sentence whose parse gives it no
    holder, is: a name right before it ("Kessing chief operating officer Jana Brisk"), or the owner
    of the noun a phrase holding the name modifies ("Kessing's own board, led by chair Jana Brisk"), or
    else any name the sentence may be about."""
    ahead = c.text[:at].rstrip()
    ahead = ahead.removesuffix("'s").removesuffix("\u2019s")
    own = tuple(c.text[e.start : e.end] for e in c.entities if e.label in NAME_TYPES and e.end == len(ahead))
    return own or _modified_owners(c, name) or _parties_before(c)


def _modified_owners(c: Candidate, name: Entity) -> tuple[str, ...]:
    """The names owning the noun that a phrase holding the name modifies, as the parse reads it: up
    from the name through prepositions and participles only ("led by", "of")."""
    doc = _doc(c.text)
    t = next((t for t in doc if name.start <= t.idx < name.end and not name.start <= t.head.idx < name.end), None)
    while t is not None and t.dep_ in ("pobj", "agent", "prep", "acl") and t.head.i != t.i:
        t = t.head
        if t.pos_ == "NOUN":
            owners = [p for p in t.children if p.dep_ == "poss" and p.pos_ == "PROPN"]
            return tuple(_possessor(p) for p in owners)
    return ()


def _says_role(role: str, doc: Any) -> bool:
    """Whether the sentence says the role: its noun, or an acronym of its words ("CEO" for "chief
    executive"). (An asked acronym, "CFO", may be spelled out in any words.)"""
    asked = role.split()
    if role.isupper():
        return True
    initials = "".join(w[0] for w in asked).upper()
    # (the noun itself, by lemma: "office" shares the stem of "officer")
    noun = _doc(role)[-1].lemma_.lower()
    return any(t.lemma_.lower() == noun for t in doc) or (
        len(asked) > 1 and any(t.text.isupper() and t.text.startswith(initials) for t in doc)
    )


def _row_label_asked(question: Question, text: str, values: Sequence[Entity]) -> bool:
    """Whether the sentence is a row of a two-column table ("| Upfront fee | €12m |") whose label
    the question's words state and whose other cell holds a value (not the header, "| Term | Detail |"):
    the row names what its value is."""
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    if len(cells) != 2 or not text.lstrip().startswith("|"):
        return False
    label = terms(cells[0])
    # (a header's words are names to the model: "| Term | Amount |")
    valued = any(e.start > _label_end(text) and e.label not in ("NAME", "PERSON") for e in values)
    # (not a whole the question asks a part of: "Grain" for "How many tonnes of the grain ...")
    asked = set(terms(question.text)) - question.part_of
    return bool(label) and valued and (label <= asked or _label_head_asked(cells[0], asked))


def _label_circumstance(question: Question, label: str) -> bool:
    """Whether the question states a row label's head only as the object of a preposition other
    than "of" or "as", as the parse reads it: a circumstance of what is asked, not what the value is
    ("| Joint venture | Orrin Canning |" for "Who advised X on its joint venture?"; but "| Staff |
    1,200 |" for "What is the size of the staff?", "| Auditor | Ostler & Co |" for "Who is serving
    as auditor?")."""
    head = next((t for t in _doc(label.strip("|*_` ")) if t.head == t), None)
    if head is None:
        return False
    said = [t for t in _doc(question.text) if stem(t.lemma_.lower()) == stem(head.lemma_.lower())]
    return bool(said) and all(
        t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ not in ("of", "as") for t in said
    )


def _unnamed_row(c: Candidate) -> bool:
    """Whether the sentence is a row of a two-column table whose value names no one
    ("| Export share | 900 tonnes to go abroad |")."""
    cells = c.text.strip().strip("|").split("|")
    return (
        c.text.lstrip().startswith("|")
        and len(cells) == 2
        and not any(e.label in NAME_TYPES and e.start > _label_end(c.text) for e in c.entities)
    )


def _label_head_asked(label: str, asked: set[str]) -> bool:
    """Whether the question's words state a row label's head noun phrase and all its other words
    but one that only relates words the question states: "Break fee payable by X" for "What break
    fee would X pay?"; not "Break fee (reverse)" nor "Annual fee 2027" for "What fee ...", a word
    that tells rows apart, as the parse reads the label."""
    doc = _doc(label.strip("*_` "))
    root = next(t for t in doc if t.head == t)
    head = [t for t in root.subtree if t.i <= root.i]
    stated = terms(" ".join(t.text for t in head))
    left_out = [t for t in doc if t not in head and terms(t.text) - asked]

    def relates(word: Any) -> bool:  # (its words, all but itself, are the question's)
        said = terms(" ".join(t.text for t in word.subtree if t.i != word.i))
        return bool(said) and said <= asked

    return bool(stated) and stated <= asked and (not left_out or (len(left_out) == 1 and relates(left_out[0])))


def _labelled_with(text: str, noun: str) -> bool:
    """Whether the sentence is a row of a two-column table whose label's head, as the parse reads
    it, is the noun (a stem): "| Annual licence fee | ... |" for "fee"."""
    cells = text.strip().strip("|").split("|")
    if not noun or not text.lstrip().startswith("|") or len(cells) != 2:
        return False
    head = next((t for t in _doc(cells[0].strip("*_` ")) if t.head == t), None)
    return head is not None and stem(head.lemma_.lower()) == noun


def _label_end(text: str) -> int:
    """Where a table row's first cell ends: the offset of the bar after it."""
    return text.index("|", text.index("|") + 1)


def _cell(text: str, value: Entity) -> str:
    """The table cell that holds the value, stripped."""
    start = text.rfind("|", 0, value.start) + 1
    end = text.find("|", value.end)
    return text[start : end if end >= 0 else len(text)].strip()


def _names_ending(c: Candidate, noun: str) -> list[str]:
    """The names of the sentence's passage whose last word is the noun ("the Tollmere Rowing
    League" for "league"), or else, where the sentence before names no one, its headline's."""
    said = [n for n in dict.fromkeys((*c.before, *c.opening)) if stem(n.split()[-1].lower()) == stem(noun)]
    if said or c.before:
        return said
    # (a headline in title case: its runs of capitalised words, split at the verbs the parse finds
    # there, "Arlo Foods Buys Minster Dairy", up to the noun)
    runs: list[list[str]] = [[]]
    for t in _doc(c.title):
        if t.text[:1].isupper() and t.pos_ not in ("VERB", "AUX"):
            runs[-1].append(t.text)
        elif runs[-1]:
            runs.append([])
    return [" ".join(run[: k + 1]) for run in runs for k in range(len(run)) if stem(run[k].lower()) == stem(noun)]


def _counted_noun(doc: Any, ent: Entity) -> str:
    """The stem of the noun a number of the question counts ("jet" of "60 Arlo 190 jets", "shop" of
    "all 60 of its shops"), or ""."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None:
        return ""
    of = [o for p in span.root.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    noun = span.root.head if span.root.dep_ == "nummod" else next(iter(of), None)
    return stem(noun.lemma_.lower()) if noun is not None and noun.pos_ == "NOUN" else ""


def _years(text: str) -> set[str]:
    """The four-digit numbers of a date: its years."""
    return {n for n in re.findall(r"\d+", text) if len(n) == 4}


def _of_another_year(c: Candidate, value: Entity, years: set[str]) -> bool:
    """Whether the value's clause dates it to years none of which the question states: a point in
    time ("in 2024", not "a 10-year lease") attached where the value is ("hauled 40,000 tonnes
    in 2024"; not "X, which opened in 1998, hauled ...")."""
    stated: set[str] = set()
    for d in c.entities:
        if d is value or d.label != "DATE" or not d.anchors or _lasts(c, d):
            continue
        head = d.anchors[int(np.argmin(d.distances))]
        if head in value.anchors:
            stated |= _years(c.text[d.start : d.end])
    return bool(stated) and not stated & years


def _holder(role: str, value: Entity) -> bool:
    """Whether the value is the name that holds the role, by the parse: it modifies the role's noun
    ("Vantor's chief executive", "Vantor chief executive Nils Haug")."""
    heads = {a for a, d in zip(value.anchors, value.distances, strict=True) if d == 1}
    return value.role in ("poss", "nmod", "compound") and stem(role.split()[-1].lower()) in heads


def _denies(sentence: str, verbs: set[str]) -> bool:
    """Whether the sentence negates one of these verbs itself ("are not named"), or the verb or noun
    it completes or is an alternative to ("does not intend to move", "has no plan to list", "will
    not sell or move"), wherever it says them, not another word of it ("did not disclose how
    it will be split")."""

    def negated(t: Any) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _NEGATIVE_DETERMINERS) for c in t.children)

    def completed(t: Any) -> Iterator[Any]:  # (the word, and those it completes or is an alternative to)
        yield t
        while t.head.i != t.i and (
            t.dep_ in ("xcomp", "acl")
            or (t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in _DISJUNCTIONS for c in t.head.children))
        ):
            t = t.head
            yield t

    # (every mention as a verb, if any: "agreed to sell A, and will not sell B" states the sale of A;
    # "does not intend to move any milling" denies the moving)
    said = [t for t in _doc(sentence) if t.lower_ in verbs]
    acts = [t for t in said if t.pos_ == "VERB"] or said
    return bool(acts) and all(any(negated(w) for w in completed(t)) for t in acts)


def _swapped(question: Question, sentence: str, verbs: set[str]) -> bool:
    """Whether the sentence gives one of these verbs (or nouns: "the purchase of X") as its object a
    name the question puts in another role, and not the name the question gives its act as object
    ("picked the Tarvo jet over the KX-190" for "Why did X choose the KX-190 over the Tarvo
    jet?"), as the parse reads them."""
    acts = [t for t in _doc(question.text) if t.text in question.predicates]
    held = [n for n in question.names if any(_named(question, n, _object_phrase(a)) for a in acts)]
    others = [n for n in question.names if n not in held]
    if not held or not others:
        return False
    for t in _doc(sentence):
        # (a noun's only where its owner is the one the question acts on: "Y's purchase of X" for "Why
        # did X buy Y?"; "the sale of its stake" says no one's role)
        owner = " ".join(w.text for p in t.children if p.dep_ == "poss" for w in p.subtree)
        if t.lower_ in verbs and (
            t.pos_ == "VERB" or (t.pos_ == "NOUN" and any(_named(question, n, owner) for n in held))
        ):
            phrase = _object_phrase(t)
            if any(_named(question, n, phrase) for n in others) and not any(_named(question, n, phrase) for n in held):
                return True
    return False


def _acts(question: Question) -> list[Any]:
    """The verbs of the question's parse that it takes for granted ("pay" of "How much did X pay Y?")."""
    return [t for t in _doc(question.text) if t.text in question.predicates and t.pos_ == "VERB"]


def _roles(question: Question, act: Any, *, whole: bool = False) -> tuple[str, set[str], set[str]]:
    """The act's lemma, and which of the question's names its subject (or, for an act that completes
    or serves another, that one's: "paying to acquire"; or a passive's agent) and its object, dative
    or passive subject name; ``whole``: by the whole name ("Orsk Group", not "Orsk Snacks")."""
    passive = [t for t in act.children if t.dep_ == "nsubjpass"]
    if passive:
        subjects = [p for a in act.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        objects = passive
    else:
        subjects = _subject(act) or (_subject(act.head) if act.dep_ == "advcl" else [])
        objects = [t for t in act.children if t.dep_ in ("dobj", "dative")]

    # (by the words up to the head of each, and of those in apposition, but an owner's: not "Kallby"
    # of "7.5 times Kallby's revenue"; wholly, with no name word the name lacks: not "Orsk Snacks")
    def named(tokens: list[Any]) -> set[str]:
        found = set()
        for h in (h for t in tokens for h in (t, *(a for a in t.children if a.dep_ == "appos"))):
            owners = {w.i for p in h.children if p.dep_ == "poss" for w in p.subtree}
            phrase = " ".join(w.text for w in h.doc[h.left_edge.i : h.i + 1] if w.i not in owners)
            own = {w.text for w in compounded(h) if w.pos_ == "PROPN"}
            found |= {
                n
                for n in question.names
                if h.text in n.split() and _named(question, n, phrase) and (not whole or own <= set(n.split()))
            }
        return found

    doers, done = named(subjects), named(objects)
    return act.lemma_.lower(), doers - done, done - doers


def _swaps(question: Question, c: Candidate, acts: set[str]) -> bool:
    """Whether the sentence gives the question's parties other roles in an act of these stems ("X
    has agreed to buy Y" for "Why did Y decide to buy X?")."""
    return _swapped(question, c.text, {w.lower() for w in content_words(c.text) if stem(w.lower()) in acts})


def _acts_on_part(question: Question, sentence: str, verbs: set[str]) -> bool:
    """Whether the sentence gives these verbs as objects only amounts of money, where the question's
    act is done to a name ("will buy $20 million of Pirra shares" for "Why did X acquire Pirra?"),
    as the parse reads them."""
    objects = _asked_objects(question)
    held = [n for n in question.names if any(o.pos_ == "PROPN" and o.text in n.split() for o in objects)]
    found = _objects_done(sentence, verbs)
    # (an amount of it: "the remaining 60% of Y", "the company, Y Ltd" may be all of it)
    return bool(held and found) and all(o.ent_type_ == "MONEY" for o in found)


def _objects_done(sentence: str, verbs: set[str]) -> list[Any]:
    """The direct objects these verbs take in the sentence, with those joined to them, or to the verb
    or the one it completes, by "and" ("to buy 60% now and the remaining 40% in 2029"), as the parse
    reads them."""
    acts = [t for t in _doc(sentence) if t.lower_ in verbs]
    found = [o for t in acts for o in t.children if o.dep_ == "dobj"]
    gapped = [c for t in acts for h in (t, t.head) for c in h.conjuncts if c.pos_ in ("NOUN", "PROPN", "NUM")]
    return [*found, *(c for o in found for c in o.conjuncts), *gapped]


def _asked_objects(question: Question) -> list[Any]:
    """The direct objects of the question's predicates, as the parse reads them."""
    return [o for t in _doc(question.text) if t.text in question.predicates for o in t.children if o.dep_ == "dobj"]


def _asks_whole(question: Question) -> bool:
    """Whether the question's act is done to all of a name it names ("selling all of Y"; not "all of
    its stake in Y", which may be all it holds), as the parse reads it."""
    return any(
        o.lower_ in _TOTAL_DETERMINERS
        and any(
            w.pos_ == "PROPN" and mentioned(w.text, n) for of in o.children for w in of.children if w.dep_ == "pobj"
        )
        for o in _asked_objects(question)
        for n in question.names
    )


def _share_given(objects: Sequence[Any]) -> float:
    """The share of a whole these objects of an act make up together, by their distinct percentages
    ("60% now and the remaining 40% in 2029": 100), the whole where one says none and is no noun said
    with one ("the rest"; not "the stake" after "a 70% stake", nor a pronoun), 0 for none."""
    said = {o.lemma_ for o in objects if percentage(o)}
    if any(not percentage(o) and o.pos_ != "PRON" and o.lemma_ not in said for o in objects):
        return _WHOLE
    numbers = {percentage(o)[:-1].replace(",", ".") for o in objects if percentage(o)}
    # (a share not read from digits alone, "the first 49%", may make up the rest)
    if not all(n.replace(".", "", 1).isdigit() for n in numbers):
        return _WHOLE
    return sum(float(n) for n in numbers)


def _object_phrase(act: Any) -> str:
    """The words of the act's direct object, or of a noun's "of", without the phrases of its
    prepositions ("the KX-190", not "over the Tarvo jet")."""
    # (of a noun, what its "of" takes: "the purchase of X")
    objects = (
        [p for t in act.children if t.lower_ == "of" for p in t.children if p.dep_ == "pobj"]
        if act.pos_ == "NOUN"
        else [t for t in act.children if t.dep_ == "dobj"]
    )
    apart = {w.i for o in objects for p in o.children if p.dep_ == "prep" for w in p.subtree}
    return " ".join(w.text for o in objects for w in o.subtree if w.i not in apart)


def _main_predicates(question: str, predicates: Sequence[str]) -> set[str]:
    """The stems of the predicates of the question but those of an adverbial clause of its main
    verb ("to pay for the plant" of "Why is X selling bonds to pay for the plant?"), as the parse
    reads it."""
    doc = _doc(question)
    around = {w.i for t in doc if t.dep_ == "advcl" and t.head.dep_ == "ROOT" for w in t.subtree}
    main = {stem(fold(t.text)) for t in doc if t.text in predicates and t.i not in around}
    return main or {stem(fold(p)) for p in predicates}


def _states_of(
    sentence: str, verbs: set[str], subjects: Sequence[str], kinds: Collection[str] = (), before: str = ""
) -> bool:
    """Whether the sentence states one of these verbs (by stem), not negated, with one of the names
    as its subject, or a pronoun after one ("Skarv said it accepted the offer"), or a bare definite
    noun a name of the question is the kind of ("the family" for "the Orrey family": ``kinds``)
    whose nearest named one, in it or the sentence ``before`` it, is that name, as the parse reads it."""
    doc = _doc(sentence)

    def kind_of_name(t: Any) -> bool:
        if t.pos_ != "NOUN" or stem(t.lemma_.lower()) not in kinds or not any(c.lower_ == "the" for c in t.children):
            return False
        if any(c.dep_ in ("compound", "poss", "nmod", "appos") for c in t.children):
            return False  # "the Dunlow family" is a family of its own
        # (the last family named before it is the one it stands for)
        earlier = [*_doc(before), *doc[: t.i]] if before else list(doc[: t.i])
        named_ones = [
            " ".join(c.text for c in w.children if c.dep_ == "compound" and c.pos_ == "PROPN")
            for w in earlier
            if w.lemma_ == t.lemma_
        ]
        named_ones = [n for n in named_ones if n]
        return not named_ones or any(names(n, named_ones[-1]) for n in subjects)

    def named(t: Any) -> bool:
        if t.dep_ not in ("nsubj", "nsubjpass"):
            return False
        if kind_of_name(t):
            return True
        pronoun = t.tag_ == "PRP" and t.morph.get("Person") == ["3"]
        phrase = doc[: t.i].text if pronoun else doc[t.left_edge.i : t.right_edge.i + 1].text
        return any(names(n, phrase) for n in subjects)

    return any(
        stem(t.lower_) in verbs and not any(c.dep_ == "neg" for c in t.children) and any(map(named, t.children))
        for t in doc
    )


def _acted(question: Question, c: Candidate) -> bool:
    """Whether the sentence names each name of the question that takes part in its act (the subject
    or object of one of its predicates, or the object of a preposition on one: "Spokane Mills" and
    "Tacoma" of "Why is X paying Spokane Mills ...", "... building a depot in Tacoma?"; not "Bracken
    Foods" of "chosen for Bracken Foods' first bakery"), or stands for it by a pronoun ("its chief
    executive") after a sentence that names it, naming nothing of its kind instead ("in Spokane" for
    "in Tacoma"), as the parse reads them."""
    missing, instead = _absent_parties(question, c)
    if not missing:
        return True
    if instead:
        return False
    # (the act a missing party takes part in, stated with no object or complement, takes them from
    # the article's title when the title is about them: "the family decided to sell" in an article
    # headed "Vexley Town takeover")
    doc = _doc(c.text)
    acts = _acts_of(question, missing)
    bare = any(stem(t.lower_) in acts and not any(w.dep_ in ("dobj", "prep") for w in t.children) for t in doc)
    if bare and all(fold(c.title).startswith(fold(n)) for n in missing):
        return True
    pointing = any(t.tag_ in ("PRP", "PRP$") and t.morph.get("Person") == ["3"] for t in doc)
    return pointing and all(any(_named(question, n, b) for b in c.before) for n in missing)


def _acts_of(question: Question, parties: Sequence[str]) -> set[str]:
    """The stems of the question's verbs the parties are the subject or object of, or the object of
    a preposition on ("sell" of "decide to sell Vexley Town"), as the parse reads them."""
    doc = _doc(question.text)
    words = {fold(w) for n in parties for w in fold(n).split()}
    found = set()
    for t in doc:
        if fold(t.text) not in words:
            continue
        head = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
            found.add(stem(head.lower_))
    return found


def _absent_parties(question: Question, c: Candidate) -> tuple[list[str], bool]:
    """The names taking part in the question's act (see :func:`_acted`) that the sentence does not
    name, and whether it names something of their kind instead."""
    doc = _doc(question.text)
    verbs = {t.i for t in doc if t.text in question.predicates}

    def takes_part(t: Any) -> bool:
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            return t.head.head.i in verbs
        return t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.i in verbs

    def kind(label: str) -> str:
        return "place" if label in PLACE_TYPES else label

    parties = [n for n in question.names if any(fold(t.text) in fold(n).split() and takes_part(t) for t in doc)]
    missing = [n for n in parties if not _named(question, n, c.text)]
    # (the model's entity may hold more than the name: "the United States")
    kinds = {kind(e.label_) for e in doc.ents for n in missing if fold(n) in fold(e.text)}
    instead = any(
        e.label in NAME_TYPES
        and kind(e.label) in kinds
        and not any(_named(question, n, c.text[e.start : e.end], part=True) for n in question.names)
        for e in c.entities
    )
    return missing, instead


def _tied(
    question: Question, c: Candidate, value: Entity, text: str, covered: float, closeness: float, measures: str
) -> bool:
    """Whether a value answers what the question asks: its clause states the question's words and
    names, one of its verbs among them ("reported", "founded"; a place is stated without one:
    "a Duluth company"), and counts what "how many" asks ("1,200 trucks", not "three
    drivers"); or the clause means nearly what is asked; or the value measures the very thing
    asked of (``measures``: "length" for "a 12-year lease" and "how long does the rental run"),
    or is its price ("price", whose parties its act says: "sell X to Y for $Z"), or is called the
    noun a "what NOUN" asks, of the names asked ("called": "a 24% premium"), or the object of the act
    a "what NOUN" is the object of ("object": "will own 35%" for "What share will X own?"), or a
    percentage of the whole that noun is a part of ("share": "40% of net income" for "What share of
    net income ...?"); "rated" (said of the adjective "how much is X worth" measures by, or of a
    verb meaning it: "values the contract at $2bn") measures the noun asked as "a $2bn contract" does;
    "age" is the number in apposition to the person "how old" asks of ("Quill, 71, is selling");
    "rate" is a rate of what the question asks one of ("$3.40 each" of shares, "per share");
    "governed" is the object of the question's preposition on the verb asked ("runs until 2039" for
    "Until when does it run?"); "titled" is a name bearing the role asked as a title right before
    it, of the one company asked."""
    if question.counted and value.label == "CARDINAL":
        noun = _counted(c.text, value)  # (a noun the question names apart is not the one it counts:
        if noun is not None and stem(noun.lemma_.lower()) in terms(question.text) - {question.counted}:
            return False  # "six barges" for "How many crates can each of the barges carry?")
    if closeness >= _TIE_STRONG or measures in (
        "price",
        "called",
        "object",
        "actor",
        "age",
        "rate",
        "row",
        "governed",
        "titled",
        "described",
        "named",
        "share",
    ):
        return True
    near = dict(zip(value.anchors, value.distances, strict=True))
    measured = near.get(question.counted, 99) <= 1 or near.get(stem(question.rated), 99) <= 1 or measures == "rated"
    measured = measured or (bool(question.counted) and stem(_called(c, value)) == question.counted)  # "a fee of $9m"
    counts = _counted(c.text, value) if question.counted and value.label == "CARDINAL" else None  # "52 of its shops"
    measured = measured or (counts is not None and stem(counts.lemma_.lower()) == question.counted)
    if question.counted and not measured and question.counted not in terms(text):
        return False
    asked = [near[w] for name in question.names for w in terms(name) if w in near]
    # (the place and agency of a wire story's dateline are no party of its first sentence, nor is
    # the place an act is done at: "the vote at Tollmere Hall on May 16")
    dateline = _dateline(c.text)
    # (nor is the unit the value is given in: "TEU" of "a fleet of some 1.4 million TEU"; not an
    # owner of what it counts, "40 of Orvik's stores")
    root = _value_root(c, value)
    counted = _modified(root) if root is not None else None
    unit = (
        range(counted.idx, counted.idx + len(counted)) if counted is not None and counted.pos_ == "PROPN" else range(0)
    )
    others = [
        near[w]
        for e in c.entities
        if e.label in NAME_TYPES
        and not (dateline and e.end <= dateline.end())
        and not (e.start in unit and e.end - 1 in unit)
        and not (e.label in PLACE_TYPES and e.role in ("pobj", "compound", "npadvmod"))  # (nor "the Oslo fund")
        and e.label not in question.types  # "Austin, Texas": a value beside another of its kind
        and not _in_question(c.text[e.start : e.end], question)
        for w in terms(c.text[e.start : e.end])
        if w in near
    ]
    if asked and others and min(others) < min(asked):
        return False  # the value belongs to another name, nearer to it ("Quarry's chief executive")
    # "Which analyst warned ...": "Lena Brandt, an analyst at ..., noted ..." is said to be one, in
    # a sentence that states what is asked (in its own words: the candidate covers the question)
    called = bool(question.thing) and (question.thing in terms(text) or near.get(question.thing, 99) <= 1)
    # (or said to be the noun's, "a margin of 140 basis points", in a sentence about the names
    # asked: with none asked, "What stake will the founders hold?", anyone's stake would do)
    # (or, for "What is X's NOUN?", said beside the noun: "Ostby's revenue was €4bn")
    equated = bool(question.equated) and near.get(stem(question.equated.split()[-1].lower()), 99) <= 2
    named = called or equated or _noun_value(question, c, value)
    # (a verb that says which whole a part is asked of is no act asked: "bought" of "How many tonnes
    # of the grain bought by X will be exported?")
    acts = [v for v in question.verbs if v not in question.part_of] or question.verbs
    # (a place is stated without the verb asked only where the sentence names the names itself: "a
    # Duluth company"; not a place in a clause of another act, in a sentence that goes on about a
    # name the one before says: "The loan is priced at 500 points over the Velmar rate")
    verb = (
        (question.kind == "where" and _names_all(question, c))
        or not question.verbs
        or any(v in near for v in acts)
        or (called and not _acted_apart(question, c, value))
        or (named and _names_all(question, c))  # ("signed a loan ... at a margin of" for what it pays)
    )
    # (or it counts, in its own words, what "how many" asks, in the clause of the verb asked, in a
    # sentence naming all the names asked: "agreed to sell 120,000 tonnes a year ... to Y" for "How
    # many tonnes will X sell Y?", where the names stand in other clauses than the value's)
    counts = (
        bool(question.counted)
        and question.counted in terms(text)
        and any(v in near for v in acts)
        and _names_all(question, c)
    )
    return measures == "length" or (
        verb and (covered > _MIN_COVERAGE or closeness >= _TIE_SIMILARITY or named or counts)
    )


def _prices(question: Question, c: Candidate | Evidence, value: Entity, whole: bool = False) -> bool:
    """Whether the amount is the price of what the question asks the price of, taken or given by
    the party it asks about: the object of the act its "for" attaches to is that thing ("agreed to
    buy a 92% stake in Quarry Labs ... for NOK 3.1 billion"; "the sale of 30 stores for £85
    million"), or it is what the question's own act pays for that thing ("will pay $1.45 billion
    for Quarry Labs"). Who takes the thing is the party after the act's "to" ("sell its
    berths to Kallby for ..."), else its subject; its giver is then the subject, else the party
    after "from". ``whole``: the thing itself, or what more than half of it is of ("a 5% stake in X"
    is no price of X)."""
    priced = question.priced
    if priced is None or value.label != "MONEY":
        return False
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "for":
        act = root.head.head
        if act.pos_ == "NOUN":  # (no parties said)
            return any(_is_thing(priced, t) for t in (act, *_objects_of(act)))
        # (the parser may hang the "for" on a name the act's phrase ends with: "to sell its towers
        # to Arrow Grid Partners for NOK 3.3bn")
        act = next((t for t in (act, *act.ancestors) if t.pos_ in ("VERB", "AUX")), None)
        if act is None:
            return False
        things = [t for t in act.children if t.dep_ in ("dobj", "nsubjpass")]
        to = _party(act, ("dative",), "to")
        source = _party(act, (), "from")
        taker = [to] if to is not None else _subject(act)
        giver = _subject(act) if to is not None else [source] if source is not None else []
        taking = to is None and source is not None
        # ("has agreed to sell itself to X": what is sold is the seller, or a proper name in apposition
        # or joined to it, where the parser took a dateline's place for the subject)
        sellers = [
            n
            for s in _subject(act)
            for n in (s, *(a for a in s.children if a.dep_ in ("appos", "conj") and a.pos_ == "PROPN"))
        ]
        things = [g for t in things for g in (sellers if "Yes" in t.morph.get("Reflex") else [t])]
    else:
        # (the act's object, or another amount joined to it: "will pay NOK 1.2 billion for X and NOK
        # 300 million for Y")
        amount = next((t for t in (root, *root.ancestors) if t.dep_ == "dobj"), None)
        if amount is None or (amount is not root and root.dep_ != "conj"):
            return False
        act = amount.head
        if stem(act.lemma_.lower()) not in question.verbs:
            return False
        things = _paid_for(root, act)
        taker, giver, taking = _subject(act), [], True
    named = False
    if priced.party and priced.party in question.names:
        side = giver if priced.gives else taker
        named = any(_named(question, priced.party, " ".join(w.text for w in t.subtree)) for t in side)
        if not named and not (side and all(t.pos_ == "PRON" for t in side)):
            return False  # "sell its berths to Kallby" prices what Kallby pays, not its seller
    # (or a part of the whole the thing asked is a part of, taken by the party asked, named, from a
    # party the act says, or in the act asked: "X agreed to buy 70% of a portfolio from Y for €410m"
    # for "its stake in the portfolio"; not "which paid €500m for all of it in 2019", nor "it would
    # sell 30% of the portfolio for €120m")
    # (a name said whole: "Darro Foods" is no part of "Pell Foods")
    parts = [
        t
        for thing in things
        for t in _objects_of(thing)
        if stem(t.lemma_.lower()) == priced.whole
        and (t.pos_ != "PROPN" or any(mentioned(n, " ".join(w.text for w in compounded(t))) for n in question.names))
    ]
    # (the same share of the whole as the question's is the thing asked, whoever of the party asked
    # takes it: "agreed to buy 65% of Y for $312m" for "What is X paying for its 65% stake in Y?")
    shared = bool(priced.share) and any(percentage(t) == priced.share for t in things)
    # (the thing, a name in apposition to it, "company Pell Foods", or what it is of or in; if
    # ``whole``, only of a share of more than half: "70% of X" is X, "a 5% stake in X" is not)
    return (bool(parts) and named and (taking or shared)) or any(
        _is_thing(priced, t)
        for thing in things
        for t in (
            thing,
            *(a for a in thing.children if a.dep_ == "appos"),
            *(_objects_of(thing) if not whole or _majority(thing) else ()),
        )
    )


def _majority(thing: Any) -> bool:
    """Whether the word is a share of more than half, as "70%" of "70% of X" or "a 70% stake"."""
    number = percentage(thing)[:-1].replace(",", ".")  # ("" for none; a decimal comma read as a point)
    return number.replace(".", "", 1).isdigit() and float(number) > _HALF


def _reversed_price(question: Question, candidates: Sequence[Candidate]) -> Candidate | None:
    """The sentence that states the price of the name a question's payer is, taken by the name the
    question says it pays for ("Y agreed to buy X for $90m" for "How much is X paying for Y?"), as
    :func:`_prices` reads a price with the two names in each other's places, or None."""
    priced = question.priced
    if priced is None or not priced.named or priced.gives:
        return None
    things = [n for n in question.names if set(terms(n)) & priced.thing]
    payers = [priced.party] if priced.party in question.names else [n for n in question.names if n not in things]
    if len(things) != 1 or len(payers) != 1:
        return None
    payer = frozenset(terms(payers[0]))
    swapped = replace(question, priced=Priced(payer, stem(payers[0].split()[-1].lower()), True, things[0], False))
    return next(
        # (the whole of the payer: "Y bought a 5% stake in X in 2021" is no price of X)
        (c for c in candidates for e in c.entities if e.label == "MONEY" and _prices(swapped, c, e, whole=True)),
        None,
    )


def _paid_for_another(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the amount is paid for a name other than the one the question asks the price of
    ("paid $50 million for Y's rival Z" for "How much is X paying for Y?"): the names its own "for",
    or its act's, governs, as the parse reads them."""
    priced = question.priced
    if priced is None or not priced.named or value.label != "MONEY":
        return False
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return False
    amount = next((t for t in (span.root, *span.root.ancestors) if t.dep_ == "dobj"), None)
    things = _paid_for(span.root, amount.head if amount is not None else None)
    return bool(things) and all(t.pos_ == "PROPN" and not _is_thing(priced, t) for t in things)


def _paid_for(amount: Any, act: Any) -> list[Any]:
    """What the amount is paid for: the objects of its own "for", on it or among its words
    ("including debt for X"), or else of its act's, or else what its act is done to do ("will pay
    $50m to acquire X")."""
    fors = [t for t in _own_words(amount) if t.lower_ == "for"]
    fors = fors or ([t for t in act.children if t.lower_ == "for"] if act is not None else [])
    if not fors and act is not None:
        # (or the object of the act it is paid to do: "will pay $50m to acquire X")
        return [o for t in act.children if purpose(t) for o in t.children if o.dep_ == "dobj"]
    return [p for t in fors for p in t.children if p.dep_ == "pobj"]


def _is_thing(priced: Priced, token: Any) -> bool:
    """Whether the word names what is priced: the same name ("Quarry Labs AS" for "Quarry
    Labs", or for "quarry labs" typed in lower case), or the same common noun ("stores")."""
    name = token.pos_ == "PROPN" and priced.thing <= {stem(w.lemma_.lower()) for w in compounded(token)}
    return name or (not priced.named and stem(token.lemma_.lower()) == priced.head)


def _objects_of(token: Any) -> list[Any]:
    """The objects of the word's "of" and "in" ("a stake in X", "30 of the stores", "the sale of X")."""
    return [p for t in token.children if t.lower_ in ("of", "in") for p in t.children if p.dep_ == "pobj"]


def _own_words(token: Any) -> list[Any]:
    """The words under the token but those of another amount joined to it ("NOK 1.2 billion for X
    and NOK 300 million for Y")."""
    joined = {w.i for t in token.subtree if t.dep_ == "conj" and t is not token for w in t.subtree}
    return [w for w in token.subtree if w.i not in joined]


def _subject(act: Any) -> list[Any]:
    """The act's subjects, or those of the act it completes ("agreed to buy"), with those of the
    clause a pronoun stands in ("X said that it had agreed to buy ..."); the parser may give a wire
    story's dateline as one ("DULUTH, May 2 - X has agreed to ...")."""
    found: list[Any] = []
    while True:
        subjects = [t for t in act.children if t.dep_ == "nsubj"]
        # (a relative pronoun stands for the noun its clause is said of: "Ada Lind, who founded X")
        found += [act.head if act.dep_ == "relcl" and t.tag_ in ("WP", "WDT") else t for t in subjects]
        if any(t.pos_ != "PRON" for t in subjects) or act.dep_ not in ("xcomp", "conj", "ccomp") or act.head is act:
            return found
        act = act.head


def _party(act: Any, deps: tuple[str, ...], preposition: str) -> Any:
    """The object of the act's preposition ("to Kallby Ports"), or of one in its object's phrase
    ("sell its portfolio of towers in Sweden to Arrow Grid"), or None."""
    objects = [t for t in act.children if t.dep_ == "dobj"]
    phrase = [w for o in objects for w in o.subtree if not any(a.pos_ == "VERB" for a in w.ancestors if a in o.subtree)]
    for t in (*act.children, *phrase):
        if t.dep_ in deps or (t.dep_ == "prep" and t.lower_ == preposition):
            return next((p for p in t.children if p.dep_ == "pobj"), None)
    return None


def _acted_apart(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is a name that only modifies the noun asked ("US" of "US antitrust
    regulators") in a sentence that states the question's act as a verb apart from the value's,
    neither holding the other ("cleared by X, which approved it, but still requires clearance from
    US regulators" for "Which regulator approved ...?"): the value is then not said to have done it."""
    if value.role not in ("compound", "nmod"):
        return False
    doc = _doc(c.text)
    acts = [t for t in doc if t.pos_ == "VERB" and stem(t.lemma_.lower()) in question.verbs]
    span = doc.char_span(value.start, value.end, alignment_mode="expand")
    if not acts or span is None:
        return False
    own = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    held = set(own.subtree) if own is not None else set()
    return all(span.root not in set(t.subtree) and t not in held for t in acts)


def _denied(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value's act is the one asked and is denied ("if the deal has not closed by
    January 31" for "When is it expected to close?"): the value is not when, how much or who it was
    done. (Not "will not close until March", "has not paid since 2019": the bound of a denial is a
    time of the act.)"""
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    act = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None) if span is not None else None
    if act is None or stem(act.lemma_.lower()) not in question.verbs or span is None or value.role != "pobj":
        return False  # (what is not yet paid is still owed: only a bound or a time is denied)
    return span.root.head.lower_ not in ("until", "since") and any(t.dep_ == "neg" for t in act.children)


def _paid_for_nothing(c: Candidate, value: Entity) -> bool:
    """Whether the amount's act pays it for nothing named ("will also pay NOK 15 million to two
    former directors"): neither the act nor the amount has a "for"."""
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return False
    act = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if act is None:
        return False
    return not any(t.lower_ == "for" for t in (*act.children, *_own_words(span.root)))


def _described(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether a clause of its own says the question's act of the name, undenied, with the names
    asked after the prepositions the question puts them after: "Brask, based in Corby, has ..."
    for "Which of the two co-operatives is based in Corby?" (not "which moved from Corby")."""
    root = _value_root(c, value)
    if root is None:
        return False
    asked = _preposition_of(question, question.text)
    for t in root.children:
        if t.dep_ not in ("acl", "relcl") or stem(t.lemma_.lower()) not in question.verbs:
            continue
        clause = " ".join(w.text for w in t.subtree)
        said = _preposition_of(question, clause)
        if (
            not any(w.dep_ == "neg" for w in t.children)
            and all(_named(question, n, clause) for n in question.names)
            and all(said.get(n) == p for n, p in asked.items())
        ):
            return True
    return False


def _preposition_of(question: Question, text: str) -> dict[str, str]:
    """For each of the question's names the text puts after a preposition, that preposition ("in"
    of "based in Corby")."""
    found: dict[str, str] = {}
    for t in _doc(text):
        if t.dep_ == "pobj":
            phrase = " ".join(w.text for w in compounded(t))
            found.update((n, t.head.lower_) for n in question.names if _named(question, n, phrase))
    return found


def _one_of(question: Question, c: Candidate, text: str) -> bool:
    """Whether the name is one of those a "which of the NOUN" asks among: its article's title says
    the kind asked and lists the name beside its noun, with nothing but other names and the kind's
    words between ("Brask and Vell dairy co-operatives agree to merge", "Dairy co-operatives Brask
    and Vell ..." for "Which of the two dairy co-operatives is based in Corby?"; not "... in a deal
    advised by Kerrow")."""
    if not question.partitive or not terms(question.kind) <= terms(c.title):
        return False
    doc = _doc(c.title)
    words = set(fold(text).split())
    kind = terms(question.kind)
    named = [t.i for t in doc if t.lower_ in words]
    nouns = [t.i for t in doc if stem(t.lower_) == question.thing or stem(t.lemma_.lower()) == question.thing]

    def listed(t: Any) -> bool:
        return t.pos_ in ("PROPN", "CCONJ", "PUNCT") or stem(t.lower_) in kind or t.lower_ in words

    return any(all(listed(t) for t in doc[min(a, b) + 1 : max(a, b)]) for a in named for b in nouns)


def _named_as(question: Question, c: Candidate, value: Entity, noun: str = "") -> bool:
    """Whether the sentence says the value is what a "which NOUN" question asks for: the noun is in
    it or beside it ("Orwin Foundry", "Marrow, the law firm"), and the question does not already
    say it ("Ohio" of "which Ohio rail operator")."""
    noun = noun or question.noun
    text = display(c.text[value.start : value.end])
    root = _value_root(c, value) if value.label in NAME_TYPES and not question.several else None
    if root is not None and root.dep_ == "compound" and root.head.tag_ == "NNS":
        return False  # "1.25 Arlo shares" are shares of Arlo, not what "what share" asks for
    if root is not None and root.dep_ == "poss" and stem(root.head.lemma_.lower()) == noun and _placed_at(c, root.head):
        return False  # "Arlo's depot in Kell" is owned by Arlo: the depot is the one in Kell
    edges = dict(zip(value.anchors, value.distances, strict=True)).get(noun, 99)
    beside = edges <= 1 or (edges == 2 and not _co_argument(c, value, noun))
    return (noun in terms(text) or beside or _measures(c.text, value, noun)) and not _in_question(text, question)


def _co_argument(c: Candidate, value: Entity, noun: str) -> bool:
    """Whether the value is another word than the noun, two edges from it, as the parse reads it: two
    words a verb takes ("on Tuesday the regulator cleared ...": when, not which regulator; not "X is
    the law firm"), or a value no name that a preposition of the noun takes ("the regulator on
    Tuesday"; not "the depot in Leeds", nor "the firm of X"). Not in a table row, whose words the
    parser reads as no clause."""
    root = _value_root(c, value)
    if root is None or root.head.i == root.i or c.text.lstrip().startswith("|"):
        return False
    head = root.head
    # (a predicate said of it is what it is: "named X its adviser", "X is the law firm")
    predicates = ("oprd", "attr", "acomp")
    if head.pos_ in ("VERB", "AUX") and head.lemma_ != "be" and root.dep_ not in predicates:
        return any(t.i != root.i and t.dep_ not in predicates and stem(t.lemma_.lower()) == noun for t in head.children)
    return (
        value.label not in NAME_TYPES
        and root.dep_ == "pobj"
        and head.lower_ != "of"
        and stem(head.head.lemma_.lower()) == noun
    )


def _placed_at(c: Candidate, noun: Any) -> bool:
    """Whether a preposition of the noun takes a place, as the model typed it ("in Kell" of "the
    depot in Kell"; not "in Orsk Ltd" of "its stake in Orsk Ltd", a party)."""
    return any(
        p.dep_ == "pobj" and _entity_at(c, p.idx, PLACE_TYPES)
        for t in noun.children
        if t.dep_ == "prep"
        for p in t.children
    )


def _key(value: Value) -> tuple[str, int, int]:
    """Where a value is stated: its article, its sentence and its place in it."""
    return (value.candidate.article_id, value.candidate.start, value.entity.start)


def _measures(text: str, value: Entity, noun: str) -> bool:
    """Whether the sentence says the value is the noun's, after "of": "a valuation of $2.2 billion",
    or counting the units the noun is stated in, "a margin of 140 basis points"."""
    span = _doc(text).char_span(value.start, value.end, alignment_mode="expand")
    stated = _counted(text, value) or (span.root if span is not None else None)
    of = stated.head if stated is not None and stated.dep_ == "pobj" else None
    if of is None or of.lower_ != "of" or stem(of.head.lemma_.lower()) != noun:
        return False
    if any(t.tag_ == "MD" and t.lemma_ != "will" for t in clause_head(of).children):
        return False  # "the bonds would carry a coupon of 5.5%", "could come at": not what they carry
    # (with an indefinite article: "the stake of 2 founding investors" is theirs, not two)
    return any(d.dep_ == "det" and d.morph.get("Definite") == ["Ind"] for d in of.head.children)


def _object_of(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is the object of the verb a "what NOUN" is the object of ("would own 40%"
    for "What share will X own?"): it fills the noun's place in the act asked about. (The parse,
    not the anchors: a verb may be a stop word, "own".)"""
    if not question.object_of or value.role != "dobj":
        return False
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None or stem(span.root.head.lemma_.lower()) != question.object_of:
        return False
    if any(t.dep_ == "conj" for t in span.root.children):
        return False  # "will buy NOK 500 million of its bonds and 30% of its shares": which is the stake?
    part_of = [o for t in span.root.children if t.lower_ == "of" for o in t.children if o.dep_ == "pobj"]
    if question.whole and any(stem(o.lemma_.lower()) != question.whole for o in part_of):
        return False  # "40% of the venture's rail unit" is no share of the venture
    # ...by the subject asked of, in a sentence naming every name asked ("Tovik will hold NOK 3
    # billion in cash" is no stake in Kallby; "Tovik shareholders will own 58%" is not
    # Kallby's), or by a description of it ("the combined group would hold") the passage ties
    acting = actor(span.root.head)
    if acting:
        return (not question.actor or bool(question.actor & acting)) and _names_all(question, c)
    return _about_names(question, c, value)


def _share_of_whole(question: Question, c: Candidate, value: Entity) -> str:
    """The value with its "of" phrase, where it is a percentage of the whole the noun asked is a
    part of and no act's object ("at least 40% of net income" for "What share of net income is
    handed out?"; not "will own 52% of the group" for "What share of the group will X own?", which
    may be another holder's), as the parse reads it; else ""."""
    root = _value_root(c, value) if question.whole and not question.object_of and value.label == "PERCENT" else None
    for of in root.children if root is not None else ():
        wholes = [o for o in of.children if o.dep_ == "pobj"] if of.lower_ == "of" else []
        for whole in wholes:
            if stem(whole.lemma_.lower()) == question.whole:
                return c.text[value.start : whole.idx + len(whole)]  # (to the whole's noun: no clause of it)
    return ""


def _noun_value(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the sentence says the value is the noun a "what NOUN" asks, of the names it asks
    about: "at a margin of 180 basis points" in a clause not about another party (not "from its
    founder, who keeps a stake of 10%", nor "rival Tovik offered a premium of 30%")."""
    return (
        bool(question.thing and question.names)
        and _measures(c.text, value, question.thing)
        and _said_of_asked(question, c, value)
    )


def _said_of_asked(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value's clause is not about another party: no relative clause ("its founder, who
    keeps a stake of 10%") and no subject named otherwise than the question's names ("and Skarv
    Capital gets a stake of 10%", "said rival Tovik offered a premium of 30%")."""
    root = _value_root(c, value)
    if root is None:
        return False
    head = clause_head(root)
    if head.dep_ == "relcl":
        # a clause about a party ("its founder, who keeps ...", "Lomen Oil, which will have ..."),
        # unless that is what is asked about ("What stake does the founder keep?"); not about a
        # thing ("at a price that reflects a yield of 4.8%")
        described = head.head
        person = any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "WP" for t in head.children)
        return stem(described.lemma_.lower()) in question.focus or not (person or described.pos_ == "PROPN")
    acting = actor(head)
    return not acting or bool(acting & _stems(question.names))


def _called(c: Candidate, value: Entity) -> str:
    """The noun the sentence calls the value, as written ("fee" of "a $70 million break fee" and of
    "a fee of $52 million"), or ""."""
    root = _value_root(c, value)
    if root is None:
        return ""
    head = _modified(root)
    if head is not None and head.pos_ == "PROPN" and head.dep_ == "pobj":
        root = head  # (the unit it counts in: "a fleet of 1.4 million TEU")
    elif head is not None:
        return str(head.lower_) if head.pos_ == "NOUN" else ""
    of = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return str(of.head.lower_) if of is not None and of.head.pos_ == "NOUN" else ""


def _amount_of(c: Candidate, value: Entity) -> str:
    """The noun an amount says it is an amount of, a thing someone owns, as written ("debt" of "$9m
    of its debt"; not "notes" of "$800m of senior notes", which may be the deal itself), or ""."""
    root = _value_root(c, value)
    of = next((t for t in root.children if t.dep_ == "prep" and t.lower_ == "of"), None) if root is not None else None
    noun = next((t for t in of.children if t.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.pos_ != "NOUN" or not any(t.dep_ == "poss" for t in noun.children):
        return ""
    return str(noun.lower_)


def _amount_noun(question: Question) -> str:
    """The noun of a "what NOUN" that asks for money, which says what the money is ("What valuation
    did X get?": "raised €3.4bn" is none), or ""."""
    money = "MONEY" in question.types and set(question.types) <= _AMOUNTS
    return question.kind if question.thing and money and {"what", "which"} & question.words else ""


def _measured_apart(noun: str, candidates: Sequence[Candidate]) -> set[str]:
    """The stems of the nouns that a sentence calls its other amounts by beside one it calls the
    noun ("revenue" of "revenue of $5m and net profit of $1m", for "profit"): other measures, however
    near in meaning the two words are."""
    asked = stem(noun.split()[-1].lower()) if noun else ""
    found: set[str] = set()
    # (only a sentence with two amounts and the noun's word is parsed: most have neither)
    for c in candidates if asked else ():
        if sum(e.label in MEASURE_TYPES for e in c.entities) < 2 or asked not in terms(c.text):
            continue
        called = {stem(n) for e in c.entities if e.label in MEASURE_TYPES and (n := _called(c, e))}
        if asked in called:
            found |= called - {asked}
    return found


def _modified(root: Any) -> Any:
    """The word a value's head modifies, as the last of a compound ("fee" of "a $90m termination
    fee"), or None when it modifies none after it."""
    if root.dep_ not in ("compound", "nummod", "amod", "nmod") or root.head.i <= root.i:
        return None
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return head


def _value_root(c: Candidate, value: Entity) -> Any:
    """The token of the sentence's parse that heads the value, or None."""
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    return span.root if span is not None else None


def _asked_modifiers(question: Question) -> set[str]:
    """The stems of the words that modify the noun asked for in the question ("operating" of "What
    was X's operating profit?")."""
    equated = stem(question.equated.split()[-1].lower()) if question.equated else ""
    head = question.thing or equated or question.counted
    return {
        stem(m.lemma_.lower())
        for t in _doc(question.text)
        if head and stem(t.lemma_.lower()) == head
        for m in t.children
        if m.dep_ in ("amod", "compound")
    }


def _said_again(question: Question, c: Candidate | Evidence, apart: set[str]) -> set[str]:
    """The stems of the question's words that modify a noun, other than the one asked for, that the
    sentence says with a definite article alone, as the parses read them ("quay" of "the Arlo quay
    lease" where the sentence says "the lease"): the sentence points back at that
    thing (not "the eastern plant" for "the new plant": its modifiers say which one it is), the one
    its article's title tells of, where no other sentence of the article says another of its kind
    ("the southern line" besides "the northern line": ``apart``, as ``_told_apart`` reads them)."""
    asked = _asked_modifiers(question) | apart
    definite = _definite_nouns(c.text)
    titled = terms(c.title)
    return {
        word
        for t in _doc(question.text)
        if t.pos_ == "NOUN" and stem(t.lemma_.lower()) in definite
        for _, word in _kinds(t, nested=True)
        if word in titled and word not in asked
    }


def _told_apart(question: Question, c: Candidate | Evidence, others: Sequence[Candidate | Evidence]) -> set[str]:
    """The stems of the question's words modifying a noun the sentence says with "the" alone, which
    another sentence of its article, or its title, says with another word of that part of speech,
    as the parses read them: "northern" of "the northern line" for "The line carries ..." where the
    article also says "the southern line" (which line it points back at is not known); and then the
    words of the compound such a word heads too ("wind" of "southern wind farm stake")."""
    definite = _definite_nouns(c.text)
    asked = [t for t in _doc(question.text) if t.pos_ == "NOUN" and stem(t.lemma_.lower()) in definite]
    modifiers = {stem(t.lemma_.lower()): _kinds(t) for t in asked}
    # (and so does its article's title: "X sells northern grid stake, buys wind farm")
    texts = [*(o.text for o in others if o.article_id == c.article_id), c.title]
    said = {
        (stem(t.lemma_.lower()), m)
        for text in texts
        for t in _doc(text)
        if stem(t.lemma_.lower()) in modifiers and not t.ent_type_  # (not a word of a name: "Lumeno Lotteries")
        for m in _kinds(t)
    }
    # (a proper noun is a noun here: the tagger takes "grid" of a title for one)
    apart = {
        noun
        for noun, words in modifiers.items()
        if {m for n, m in said if n == noun and _noun_class(m[0]) in {_noun_class(p) for p, _ in words}} - words
    }
    return {word for t in asked if stem(t.lemma_.lower()) in apart for _, word in _kinds(t, nested=True)}


def _noun_class(pos: str) -> str:
    """The part of speech, a proper noun taken as a noun."""
    return "NOUN" if pos == "PROPN" else pos


def _modified_otherwise(question: Question, c: Candidate) -> set[str]:
    """The stems of the question's words modifying a noun that the sentence says with a word of its
    own that says which of its kind it is, as the parses read them: "new" of "the new loan" where the
    sentence says "its old loan", "net" of "net profit" where it says "operating profit"."""
    said = {stem(t.lemma_.lower()): _kinds(t) for t in _doc(c.text) if t.pos_ == "NOUN"}
    asked = terms(question.text)
    return {
        word
        for t in _doc(question.text)
        if t.pos_ == "NOUN" and {w for _, w in said.get(stem(t.lemma_.lower()), set())} - asked
        # (and of the noun it is a word of, where the parser makes it one: "net profit rise")
        for _, word in _kinds(t) | (_kinds(t.head) if t.dep_ == "compound" else set())
    }


def _definite_nouns(text: str) -> set[str]:
    """The stems of the nouns the sentence says with "the" alone before them, as the parse reads it."""
    return {
        stem(t.lemma_.lower())
        for t in _doc(text)
        if t.pos_ == "NOUN" and [d.lower_ for d in t.children if d.i < t.i] == ["the"]
    }


def _kinds(noun: Any, nested: bool = False) -> set[tuple[str, str]]:
    """The part of speech and stem of each word that says which of its kind the noun is (not
    "21-year"), and if ``nested``, of the words of a compound that does ("cable" of "cable-car line")."""
    said = {
        m for m in noun.children if m.dep_ in ("amod", "compound") and not any(d.dep_ == "nummod" for d in m.children)
    }
    words = {(m.pos_, stem(m.lemma_.lower())) for m in said}
    return words.union(*(_kinds(m, nested) for m in said if nested and m.dep_ == "compound"))


# The arcs of a noun that says whose or of what a noun is ("the fee in Orsk's deal").
_OWNING = ("pobj", "poss", "compound")
# The arcs of what says which of its kind a noun is: its possessor, modifiers and phrases.
_SAYS_WHICH = frozenset({"poss", "compound", "nmod", "amod", "prep"})


def _said_in_role(question: Question, c: Candidate, others: Sequence[Candidate]) -> dict[str, set[str]]:
    """For each noun the sentence says with "the" alone in the role that the question gives a noun its
    names mark as their deal ("its takeover of Brinkel", "the Arlo-Kerrow agreement"): the object or
    subject of the same verb, or the object of the same preposition on the same word ("hopes to
    wrap up the transaction" for "hope to wrap up its purchase"; "shipments under the pact"), by
    no one the question does not name ("Brinkel's board approved the deal" is not its shareholders'
    approval), in an article whose title names every name asked: the stems that noun stands for,
    that deal's noun and its names. The article must bring the noun in once, with "a" or a
    possessive, in a sentence naming them all and no other party ("agreed to buy Y in a $2bn deal";
    not "also agreed to sell its unit to Z in a $50m deal", nor "its deal to sell ..."),
    or only ever say it with "the" in sentences naming them all."""
    named = {w for n in question.names for w in terms(n)}
    if not named or not named <= terms(c.title):
        return {}

    def roles(doc: Any) -> Iterator[tuple[Any, tuple[str, str]]]:
        for t in doc:
            head = t.head.head if t.dep_ == "pobj" else t.head
            # (not of a copula, which is no act: "The pact was valued at $9bn" may be another's)
            if t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and head.pos_ != "AUX":
                # (a subject, active or passive, as the parser reads "is X expected" either way)
                role = t.head.lower_ if t.dep_ == "pobj" else t.dep_.removesuffix("pass")
                yield t, (role, stem(head.lemma_.lower()))

    def words(t: Any) -> set[str]:  # (the words of its possessor, modifiers and "of" object)
        return {stem(w.lower_) for d in t.children if d.dep_ in _SAYS_WHICH for w in d.subtree if w.is_alpha}

    def by_another(t: Any) -> bool:  # (the subject of its verb, if not the noun itself, is not asked)
        verb = t.head.head if t.dep_ == "pobj" else t.head
        subject = next((d for d in verb.children if d.dep_ in _SUBJECTS), None)
        return (
            subject is not None
            and subject != t
            and subject.pos_ != "PRON"
            and not words(subject) | {stem(subject.lemma_.lower())} <= set(question.terms) | named
        )

    asked = {key: {stem(t.lemma_.lower()), *words(t)} for t, key in roles(_doc(question.text)) if words(t) & named}
    article = [o for o in others if o.article_id == c.article_id]
    told: set[str] = set()  # (the nouns said in sentences naming them all, and no other party)
    # (how often the article brings each noun in with "a" or a possessive: once in such a sentence
    # counts one, once in any other two, so that it alone rules the noun out)
    brought: dict[str, int] = {}
    for o in article:
        doc = _doc(o.text)
        theirs = _names_all(question, o) and not any(
            e.label_ in ("ORG", "PERSON") and not _in_question(e.text, question) for e in doc.ents
        )
        for t in doc:
            noun = stem(t.lemma_.lower())
            if theirs and t.pos_ == "NOUN":
                told.add(noun)
            if any((d.dep_ == "det" and "Ind" in d.morph.get("Definite")) or d.dep_ == "poss" for d in t.children):
                brought[noun] = brought.get(noun, 0) + (1 if theirs else 2)
    return {
        stem(t.lemma_.lower()): asked[key]
        for t, key in roles(_doc(c.text))
        if key in asked
        and stem(t.lemma_.lower()) in told
        and brought.get(stem(t.lemma_.lower()), 0) <= 1
        and not by_another(t)
        and not t.ent_type_
        # (bare: "the sale of its paints unit" says which one it is, another)
        and [d.dep_ for d in t.children if d.dep_ in _SAYS_WHICH | {"det", "acl", "relcl", "appos"}] == ["det"]
        and any("Def" in d.morph.get("Definite") for d in t.children if d.dep_ == "det")
    }


def _another_of_kind(question: Question, c: Candidate, others: Sequence[Candidate]) -> bool:
    """Whether the sentence says a noun the question qualifies with an ordinal ("first offer", as the
    model types it) only with adjectives that are not it ("the raised offer"), in an article that
    says the ordinal elsewhere ("its second bid"): another of its kind. (One that never says it
    may call the first one "initial".)"""

    def qualified(text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for t in _doc(text):
            if t.pos_ == "NOUN":
                said = {m.lower_ for m in t.children if m.dep_ == "amod" and m.pos_ == "ADJ"}
                found.setdefault(stem(t.lemma_.lower()), set()).update(said or {""})
        return found

    ordinals = {t.lower_ for t in _doc(question.text) if t.ent_type_ == "ORDINAL"}
    asked = {noun: said & ordinals for noun, said in qualified(question.text).items() if said & ordinals}
    told = qualified(c.text) if asked else {}
    if not any(noun in told and "" not in told[noun] and not told[noun] & said for noun, said in asked.items()):
        return False
    article = [o for o in others if o.article_id == c.article_id and o is not c]
    # (as an ordinal, not a word of a date: "its first-quarter loss")
    ranked = {t.lower_ for o in article for t in _doc(o.text) if t.ent_type_ == "ORDINAL"}
    return any(w in ranked for said in asked.values() for w in said)


def _capitalised(question: Question) -> set[str]:
    """The stems of the question's capitalised words."""
    return {stem(t.lemma_.lower()) for t in _doc(question.text) if t.text[:1].isupper()}


def _told_in_article(c: Candidate, words: Collection[str], others: Sequence[Candidate]) -> bool:
    """Whether the candidate's article states each of the stems, in its title or a sentence found."""
    told = terms(c.title).union(*(terms(o.text) for o in others if o.article_id == c.article_id))
    return all(w in told for w in words)


def _governed_by(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is the object of the question's preposition, attached to the verb asked (to
    any verb, where it asks none): "will buy shares at C$3.40", not "a premium to its close at $4.10".
    The verb asked is that verb however the model tags it ("and runs until 2039", a noun to it)."""
    root = _value_root(c, value) if question.preposition else None
    if root is None or root.dep_ not in ("pobj", "pcomp") or root.head.lower_ != question.preposition:
        return False
    verb = root.head.head
    # (a place is where the thing its phrase is said of is: "build a mill on the shore near Kell")
    while set(question.types) <= PLACE_TYPES and verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("pobj", "dobj"):
        verb = verb.head.head if verb.dep_ == "pobj" else verb.head
    # (a word the model tagged a noun where a verb stands: "and runs until 2039"; not "an earlier
    # offer at 450p" for "At what price will X offer ...")
    verbal = verb.pos_ == "VERB" or (
        verb.dep_ in _VERB_ARCS and not any(t.dep_ in _NOUN_MODIFIERS for t in verb.children)
    )
    return verbal and (stem(verb.lemma_.lower()) in question.verbs or not question.verbs)


def _placed_object(c: Candidate, value: Entity) -> bool:
    """Whether the value is where a preposition puts what its verb is done to, as the parse reads it:
    a thing its object names ("build a factory in Viborg"), or its passive's subject ("which is
    based in Rauma", "X, based in Rauma"); not "invest $50m in Vell Robotics" nor "invest in Vell",
    where the firm is what the money goes to."""
    root = _value_root(c, value)
    verb = root.head.head if root is not None and root.dep_ == "pobj" else None
    if verb is None:
        return False
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(t.dep_ == "auxpass" for t in verb.children))
    return passive or any(t.dep_ == "dobj" and t.pos_ == "NOUN" for t in verb.children)


def _apposed(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value stands in apposition to the name asked ("Quill, 71, is selling" for "Lorna
    Quill"): how a news sentence gives a person's age. The whole name it is apposed to must be the
    one asked ("Tom Pell, 82, and his son James Pell, 51" gives one age to each)."""
    root = _value_root(c, value)
    if root is None or root.dep_ != "appos":
        return False
    name = _entity_at(c, root.head.idx) or root.head.text
    return any(terms(name) <= terms(n) for n in question.names)


def _agent_of(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is the agent of the verb a "Who VERBed X?" asks the subject of, in a
    passive or a participle said of X itself ("a Series B round led by Hestra", "Kallby was
    advised by Ostby"; not "its audit committee, which is chaired by Y" for "Who chairs X?")."""
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return False
    # (or its subject, of the act done to X: "X has agreed to buy Y" for "Who is buying Y?"; or
    # in apposition to it, where the parser took a dateline's place for the subject: no name of
    # the dateline itself is the doer, "OSLO (Reuters) - X agreed to buy ...")
    root = span.root.head if span.root.dep_ == "appos" else span.root
    # ("it" stands for whatever the act is done to)
    pronoun = any(t.pos_ == "PRON" and stem(t.lower_) in question.acted_on for t in _doc(question.text))
    if not span.start < _dateline_end(span.doc) and any(
        root in _subject(act)
        and (
            pronoun
            or question.acted_on & {stem(t.lower_) for o in act.children if o.dep_ == "dobj" for t in compounded(o)}
        )
        for act in span.doc
        if act.pos_ == "VERB" and stem(act.lemma_.lower()) == question.subject_of
    ):
        return True
    # ("by the private equity firm Hestra", where the name is in apposition to the agent)
    by = root.head if root.dep_ == "pobj" else None
    if by is None or by.dep_ != "agent" or stem(by.head.lemma_.lower()) != question.subject_of:
        return False
    act = by.head
    done = act.head if act.dep_ in ("acl", "relcl") else next((t for t in act.children if t.dep_ == "nsubjpass"), None)
    return done is not None and bool(question.acted_on & {stem(t.lower_) for t in compounded(done)})


def _done_to(c: Candidate, value: Entity, act: str) -> bool:
    """Whether the value is the object of the act (of its stem), or in apposition to it or joined."""
    root = _value_root(c, value)
    while root is not None and root.dep_ in ("appos", "conj") and root.head is not root:
        root = root.head
    if root is None or root.dep_ != "dobj":
        return False
    # (or of the act it completes: "agreed to buy X")
    verbs = (root.head, root.head.head) if root.head.dep_ == "xcomp" else (root.head,)
    return any(stem(v.lemma_.lower()) == act for v in verbs)


def _names_a_kind(noun: str, found: Sequence[Candidate]) -> bool:
    """Whether the noun of "What is X's NOUN?" is a word of a name the sentences found state, past its
    first ("Pellbrook Bank", "Orsk Pension Fund", "Vantor Partners Fund IV" for "bank" or "fund"): it
    names a kind of party there, not an amount."""
    if not noun:
        return False
    word = stem(noun.split()[-1].lower())
    return any(
        word in {stem(w.lower()) for w in c.text[e.start : e.end].split()[1:]}
        for c in found
        for e in c.entities
        if e.label in NAME_TYPES
    )


def _first_listed(c: Candidate, value: Entity) -> Any:
    """The head of the name's phrase, or of the first of the names listed or in apposition with it,
    as the parse reads it (None if the name is no span of the parse)."""
    t = _value_root(c, value)
    while t is not None and t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
        t = t.head
    return t


def _oblique_of(c: Candidate, value: Entity, act: str) -> bool:
    """Whether the name, or the first of those listed with it, is the other party of a transfer the
    act (of its stem) makes: "sell the berths to Kallby" names who buys, "buy it from Kallby" who
    sells, neither who does the act (not one who does it "with" or "alongside" the doer)."""
    t = _first_listed(c, value)
    if t is None:
        return False
    preposition = t.head
    return (
        t.dep_ == "pobj"
        and preposition.dep_ in ("prep", "dative")
        and preposition.lower_ in _TRANSFER
        and preposition.head.pos_ == "VERB"
        and stem(preposition.head.lemma_.lower()) == act
    )


def _placed(c: Candidate, value: Entity) -> bool:
    """Whether the name, or the first of those listed with it, is the object of a preposition of
    place ("must sell the hospital in Corby", whatever type the model gave "Corby"): it says where a
    thing is or an act is done, and so is no one who does the act asked ("Who will buy the plant?").
    Not of the clause's subject or a passive's agent: "Bankers at Orwin Bank advised X", "arranged
    by bankers at Orwin Bank" name who did it."""
    t = _first_listed(c, value)
    if t is None:
        return False
    preposition = t.head
    doer = preposition.head.dep_ in _SUBJECTS or preposition.head.head.dep_ == "agent"
    return t.dep_ == "pobj" and preposition.lower_ in _LOCATIVE and not doer


def _dateline_end(doc: Any) -> int:
    """The index of the dash that ends a wire dateline opening the sentence in capitals ("YORK,
    England, Sept 2 -", "OSLO (Reuters) -"), or 0."""
    if not doc or not doc[0].is_upper:
        return 0
    return next((t.i for t in doc[:_DATELINE_TOKENS] if t.is_punct and t.text in ("-", "–", "—")), 0)


def _untold(question: Question, c: Candidate) -> bool:
    """Whether the sentence denies something of the whole noun a "what NOUN" or "What is X's NOUN?"
    asks for, in an article that names the question's names ("The size of the retainer was not
    disclosed." for "What retainer does Harlow Foods pay Pike Lowe?"; "Operating profit was not
    disclosed." for "What was X's operating profit?", whose words it states: not "Net profit"),
    and of no other party, time or part ("Lomen's revenue", "no revenue figure for 2025", "revenue
    for its tanker unit")."""
    # (the noun "how big is" or "how many" measures counts as one: "The size of the termination fee
    # was not disclosed." for "How big is the termination fee in the X deal?")
    asked_noun = question.kind if question.thing or question.equated or question.untyped else ""
    # (and so does the thing "how much ... for" prices, where the sentence denies its price: "The
    # price of the option ships was not disclosed" for "How much will X pay for the option ships?")
    priced = question.priced
    counted = question.counted or (priced.head if priced is not None and not priced.named else "")
    if question.sides or not (asked_noun or counted):
        return False  # (a comparison asks for neither side's value alone)
    if not (c.on_topic and (terms(asked_noun) if asked_noun else {counted}) <= terms(c.text)):
        return False
    # (the words of the noun's own phrase, not of the act it is in: "Exact fee levels were never
    # given" for "What are the exact fee levels X will pay on Y sales?"; the noun a name of
    # the question modifies says what the name is, "the Kell-Orsk contract", in an
    # article that names it: the sentence need not restate it; nor the noun a name owns,
    # "Kell's contract")
    noun = question.kind if question.equated or question.untyped else ""
    if noun and not _phrase_words(question, noun) - {*question.kinds_named, *_owned(question, noun)} <= terms(c.text):
        return False
    dateline = _dateline(c.text)
    # (a time in the clause that denies, "Revenue for 2025 was not disclosed"; not one of another
    # clause, "bought shares at a premium to Monday's price; the size of the premium was not
    # disclosed". The whole sentence where a negative determiner denies, "no revenue figure for
    # 2025", or a verb that is no clause's head, "the price, not yet agreed, ...")
    doc = _doc(c.text)
    denied = [t.head for t in doc if t.dep_ == "neg"]
    clausal = all(v.dep_ in _CLAUSE_HEADS for v in denied) and not any(t.lower_ in _NEGATIVE_DETERMINERS for t in doc)
    ranges = [_denial(v) for v in denied] if denied and clausal else [(0, len(c.text))]
    if any(
        e.label in _TIMES
        and not (dateline and e.end <= dateline.end())
        and not _in_question(_stated(c.text, e), question)
        and any(a <= e.start < b for a, b in ranges)
        for e in c.entities
    ):
        return False
    head = stem(asked_noun.split()[-1].lower()) if asked_noun else counted
    asked = terms(question.text)
    nouns = [t for t in _doc(c.text) if stem(t.lemma_.lower()) == head or stem(t.lower_) == head]
    # (the noun, or the one it is a compound of: "Toften's dividend policy"; a word of the question
    # in the phrase says it is what is asked: "the terms of the debt facility" for the terms on
    # which a bank is "providing new debt"; so does a demonstrative that points back at a thing
    # the question names, said before it: "sold under supply deals, but the prices in those
    # contracts were not disclosed" for the prices of the supply deals)
    described = [*nouns, *(n.head for n in nouns if n.dep_ == "compound")]

    def points_back(o: Any) -> bool:
        return any(w.dep_ == "det" and w.morph.get("PronType") == ["Dem"] for w in o.children) and any(
            t.pos_ == "NOUN" and t not in nouns and terms(t.text) <= asked for t in o.doc[: o.left_edge.i]
        )

    # (a noun that says every word the question qualifies it by is that one, whatever compound
    # tells it further: "The upfront development fee" for "the upfront fee")
    qualifying = _asked_modifiers(question)

    def modifiers(n: Any) -> list[Any]:
        kind = {stem(m.lemma_.lower()) for m in n.children if m.dep_ in ("amod", "compound")}
        told = bool(qualifying) and qualifying <= kind

        def says_whose(p: Any) -> bool:  # (a name's compound still does: "the annual China revenue")
            return p.dep_ in ("prep", "poss") or (
                p.dep_ == "compound" and not (told and p.pos_ == "NOUN" and not p.ent_type_)
            )

        return [o for p in n.children if says_whose(p) for o in (p, *p.children) if o.dep_ in _OWNING]

    # (nor does a bare "the" noun, in a sentence naming no one: "Terms of the deal were
    # never given" in an article about the deal asked)
    unnamed = not _names_in_any(c)

    def other(o: Any) -> bool:
        return (
            o.pos_ in ("NOUN", "PROPN")
            and not terms(o.text) <= asked
            and not any(terms(w.text) <= asked for w in o.children if w.dep_ == "compound")
            and not points_back(o)
            and not (unnamed and [w.morph.get("Definite") for w in o.children] == [["Def"]])
        )

    # (and the words of a noun of its phrase that the question says: "the fee in Orsk's 2021 deal" is
    # not the fee in the deal asked)
    said = [o for n in described for o in modifiers(n)]
    if any(other(o) for o in [*said, *(m for o in said if o.pos_ == "NOUN" and not other(o) for m in modifiers(o))]):
        return False
    # (for a noun of no type, a demonstrative points back at the sentence before, which must be of
    # no one not asked: "Terms of that purchase were never given" after "X bought Z in 2019")
    phrase = [o for n in described for o in (n, *(o for p in n.children if p.dep_ == "prep" for o in p.children))]
    pointing = any(w.dep_ == "det" and w.morph.get("PronType") == ["Dem"] for o in phrase for w in o.children)
    if (
        question.untyped
        and pointing
        and any(not any(_named(question, n, b, part=True) for n in question.names) for b in c.before)
    ):
        return False
    if any(_left_open(n) for n in nouns):
        return True
    if (question.untyped or not asked_noun) and not any(_denied_party(n) for n in nouns):
        # (a noun measured is a thing of any sentence, and one of no type may be said anywhere: the
        # denial must be of it, not "was not surprised" beside "the offer")
        return False
    return c.negated or any(_denied_by(t, nouns) for t in _doc(c.text) if t.lower_ in _NEGATIVE_DETERMINERS)


def _left_open(noun: Any) -> bool:
    """Whether the noun is what a question the sentence reports, as a clause of a verb, asks about,
    and so left unanswered ("X would not say how many stores it plans to shut"; not a relative
    clause, "the stores that it plans to shut", nor a question about another thing, "how it pays the
    fee")."""
    if clause_head(noun).dep_ not in ("ccomp", "xcomp", "csubj"):
        return False
    for t in noun.subtree:
        if t.tag_ in ("WRB", "WP", "WDT", "WP$"):
            # (the question word modifies the noun itself: "how many jobs", "which banks")
            while t.i != noun.i and t.dep_ in ("advmod", "amod", "det"):
                t = t.head
            if t.i == noun.i:
                return True
    return False


def _owned(question: Question, asked: str) -> set[str]:
    """The stems of the words of the question's nouns but the one asked that one of its names owns
    ("power purchase agreement" of "Kell's power-purchase agreement"; not "operating profit" of
    "Kell's operating profit"), as the parse reads it."""
    words = {w for n in question.names for w in fold(n).split()}
    head = stem(asked.split()[-1].lower())
    owned = [
        t
        for t in _doc(question.text)
        if t.pos_ == "NOUN"
        and stem(t.lemma_.lower()) != head
        and any(p.dep_ == "poss" and fold(p.text) in words for p in t.children)
    ]
    modifiers = [w for t in owned for m in t.lefts if m.dep_ in ("amod", "compound") for w in m.subtree]
    return {stem(w.lemma_.lower()) for w in (*owned, *modifiers)}


def _phrase_words(question: Question, asked: str) -> set[str]:
    """The focus words in the phrase of the noun asked for, less any clause said of it ("the exact
    fee levels X will pay on Y sales": "exact", "fee"), as the parse reads it."""
    head = stem(asked.split()[-1].lower())
    doc = _doc(question.text)
    noun = next((t for t in doc if t.pos_ in ("NOUN", "PROPN") and stem(t.lemma_.lower()) == head), None)
    if noun is None:
        return set(question.focus)
    clauses = {d.i for t in noun.subtree if t.dep_ in ("relcl", "acl") for d in t.subtree}
    said = {stem(t.lemma_.lower()) for t in noun.subtree if t.i not in clauses} | terms(
        " ".join(t.text for t in noun.subtree if t.i not in clauses)
    )
    return set(question.focus) & said


def _none_of(question: Question, c: Candidate) -> bool:
    """Whether the sentence says there is none of the thing asked, which the question takes for
    granted: a negative determiner on its noun, wherever the sentence says it ("no cash is
    paid" for "How much cash is X paying?"; not "no revenue figure", which only withholds it)."""
    asked_noun = question.kind if question.thing or question.equated else ""
    head = stem(asked_noun.split()[-1].lower()) if asked_noun else question.counted
    nouns = [t for t in _doc(c.text) if stem(t.lemma_.lower()) == head] if head and not question.negated else []
    # (every mention: "will cut jobs at X, but no jobs will go at Y" denies none asked of X)
    return bool(nouns) and all(
        any(d.dep_ == "det" and d.lower_ in _NEGATIVE_DETERMINERS for d in t.children) for t in nouns
    )


def _given_name(question: Question, text: str, value: Entity) -> bool:
    """Whether the value is the name a verb gives the thing the question asks the name of, as its
    object predicate ("The new group will be called X", "The venture, named X, ..." for "What is
    the venture called?"; not "The new fund, named X" for the group's name, nor "a company called
    X", one brought in apart), as the parse reads it."""
    if value.role != "oprd":
        return False
    verb = next((t.head for t in _doc(text) if value.start <= t.idx < value.end and t.dep_ == "oprd"), None)
    if verb is None:
        return False
    # (what it is said of: the noun a participle qualifies, "The venture, named X", or the subject)
    subject = next((t for t in verb.children if t.dep_ in _SUBJECTS), None)
    thing = verb.head if verb.dep_ in ("acl", "relcl") else subject
    # (said with "the": one the passage has told of, not "a newly formed company, called X")
    return (
        thing is not None
        and stem(thing.lemma_.lower()) in question.focus
        and any(d.dep_ == "det" and d.morph.get("Definite") == ["Def"] for d in thing.children)
    )


def _denied_party(noun: Any) -> bool:
    """Whether the noun, or the noun it is "of" ("the size of the termination fee"), is what a negated
    verb is done to, its passive subject or its object ("was not disclosed", "did not give the
    number of trucks"; not "the drivers did not vote", which says nothing of how many there are),
    or is determined by a negative determiner ("no break fee"). A noun the parse makes a compound of
    a name after it stands for that name's phrase ("the break fee Orsk would owe", its relative
    clause read as a name; not "no fibre link", which denies a link)."""
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "PROPN":
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    if any(d.lower_ in _NEGATIVE_DETERMINERS for d in noun.children):
        return True
    # (a verb is negated by its own "not", or by a subject no one does it: "Neither side disclosed")
    return noun.dep_ in ("nsubjpass", "dobj") and any(
        d.dep_ == "neg" or (d.dep_ == "nsubj" and any(n.lower_ in _NEGATIVE_DETERMINERS for n in (d, *d.children)))
        for d in noun.head.children
    )


def _denial(verb: Any) -> tuple[int, int]:
    """The characters of the clause of a negated verb, less a clause before it that states
    something else ("X will buy shares at a premium to Monday's price; the size of the premium was
    not disclosed"); a clause after it is kept, as what may be denied ("did not say what it paid in
    2025")."""
    before = [t for t in verb.lefts if t.dep_ in _CLAUSE_ARCS]
    start = max((t.right_edge.idx + len(t.right_edge) for t in before), default=verb.left_edge.idx)
    return start, verb.right_edge.idx + len(verb.right_edge)


def _denied_by(determiner: Any, nouns: list[Any]) -> bool:
    """Whether the negative determiner denies the noun ("The deal has no break fee", "no revenue
    figure") or the act of which the noun is the object ("Neither side disclosed the size of the
    fee"), not another noun ("has no plans to take on more debt")."""
    if determiner.dep_ not in ("det", "preconj"):
        return False
    target = determiner.head
    if any(n.i == target.i or (n.dep_ == "compound" and n.head.i == target.i) for n in nouns):
        return True
    if target.dep_ not in _SUBJECTS:
        return False
    objects = [t for t in target.head.children if t.dep_ == "dobj"]
    return any(n.i == t.i or n.i in {w.i for w in t.subtree} for t in objects for n in nouns)


def _unnamed(question: Question, c: Candidate) -> bool:
    """Whether the sentence introduces the thing a "which NOUN" question asks for without naming
    it: the noun with an indefinite article, as the model reads it, and no name said to be one
    ("... joined from a rail operator" for "which rail operator"), and never refers back to it as a
    known one ("at a premium ...; the size of the premium was not disclosed" says what of it; the
    noun with "the" anywhere counts, so such a sentence is quoted rather than declined)."""
    thing = question.thing
    if not thing or thing not in terms(c.text) or any(_named_as(question, c, e, thing) for e in c.entities):
        return False
    said = [t for t in _doc(c.text) if stem(t.lemma_.lower()) == thing]
    articles = {m for t in said for d in t.children for m in d.morph.get("Definite")}
    return articles == {"Ind"}


def _modifier(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is a name that only modifies a noun, for a "who" question ("Duluth" of "a
    Duluth company"). A "which NOUN" may ask for one of that noun ("Orwin" of "Orwin printing ink"
    for "Which ink ...", "the Duluth plant" for "which plant"), not of another, when the model gave
    the name no type ("RoRo" of "four RoRo ships" for "which shipyard"; "the Tovik group" may be the
    company asked for). An adjective of nationality ("the Flemish bread company") answers only a
    question asking for one."""
    if value.role == "amod" and value.label == "NORP":
        return question.types[:1] != ("NORP",)
    if value.role != "compound" or value.label not in NAME_TYPES:
        return False
    if not question.thing or value.label != "NAME":
        return not question.thing and question.kind == "who"
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    while head.dep_ == "compound" and head.head != head:  # "Kallby County Superior Court"
        head = head.head
    return stem(head.lemma_.lower()) != question.thing


def _counts_thing(question: Question, value: Entity) -> bool:
    """Whether the value is a number counting the very noun a "which/what NOUN" asks for ("two"
    of "a fund backed by two insurers", or "five" of "runs six depots, five of them in Wales"): a
    count, which answers only a question that asks for one."""
    if not question.thing or question.kind.startswith("how"):
        return False
    if value.role != "nummod" and not (value.role == "appos" and value.label == "CARDINAL"):
        return False
    return dict(zip(value.anchors, value.distances, strict=True)).get(question.thing) == 1


def _span(question: Question, text: str) -> bool:
    """Whether the time is a length counted in words ("five years"), which answers "how long"
    whatever the article's date (spaCy's own test of a number word)."""
    if question.kind != "how long":
        return False
    from spacy.lang.en.lex_attrs import like_num  # (spaCy is loaded by the time a question is read)

    return any(like_num(w) for w in text.split())


def _lasts(c: Candidate, value: Entity) -> bool:
    """Whether the date is a length of time, as the parse reads it: a number counting a plural noun
    or joined to it ("12 years", "a ten-year lease"), not a point ("Q3 2029", "fiscal 2030")."""
    from spacy.lang.en.lex_attrs import like_num

    # (no number before a word in lower case, no length: most dates are read without a parse)
    words = [w for part in c.text[value.start : value.end].split() for w in part.split("-")]
    if not any(like_num(a) and b.isalpha() and b.islower() for a, b in pairwise(words)):
        return False
    span = _doc(c.text).char_span(value.start, value.end, alignment_mode="expand")
    return span is not None and any(
        t.dep_ == "nummod"
        and t.head.pos_ == "NOUN"
        and t.head in span
        and (t.head.tag_ == "NNS" or t.nbor().text == "-")
        for t in span
        if t.i + 1 < len(t.doc)
    )


def _counting(question: Question, text: str) -> bool:
    """Whether the value is a number of what "how many" counts, whatever type the model gave it
    ("five years", a DATE to the model, for "how many years")."""
    from spacy.lang.en.lex_attrs import like_num

    words = text.split()
    return (
        bool(question.counted) and len(words) > 1 and like_num(words[0]) and stem(words[-1].lower()) == question.counted
    )


def _inside(v: Value, w: Value) -> bool:
    """Whether value ``v`` is a part of the longer value ``w`` of the same sentence."""
    a, b = v.entity, w.entity
    return (
        v.candidate is w.candidate and b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
    )


def _stated(text: str, value: Entity) -> str:
    """The value as its sentence states it, with the currency sign the model may leave out of an
    amount ("$12 per share", read as "12") and whole words."""
    start, end = value.start, value.end
    if value.label == "MONEY" and start and unicodedata.category(text[start - 1]) == "Sc":
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1  # nor the rest of a word the model cut ("€60" of "€60m")
    return display(text[start:end])


def _rate_unit(text: str, value: Entity) -> str:
    """The stem of what the value is a rate of ("share" of "$38.50 a share", "megawatt" of "$2.7
    million per megawatt", and of "shares at C$3.40 each" the plural noun before it), or "" when it
    is none."""
    after = text[value.end :].split(maxsplit=2)
    if not after or after[0].lower().strip(".,;:") not in _RATE:
        return ""
    if _each_alone(text, value):
        plural = [t for t in _doc(text) if t.idx < value.start and t.tag_ == "NNS"]
        return stem(plural[-1].lemma_.lower()) if plural else ""
    return stem(fold(after[1]).strip(".,;:")) if len(after) > 1 else ""


def _each_alone(text: str, value: Entity) -> bool:
    """Whether "each" follows the value as a word of its own ("C$3.40 each"), not of a noun ("each
    year")."""
    span = _doc(text).char_span(value.start, value.end, alignment_mode="expand")
    after = span.doc[span.end] if span is not None and span.end < len(span.doc) else None
    return after is not None and after.lower_ == "each" and after.dep_ != "det"


def _with_unit(text: str, value: Entity) -> str:
    """The value with the rate that follows it ("$310 a tonne", "C$3.40 each")."""
    if _each_alone(text, value):
        return f"{_stated(text, value)} each"
    rate, unit = text[value.end :].split(maxsplit=2)[:2]
    return f"{_stated(text, value)} {rate} {unit.strip('.,;:')}"


def _with_count(text: str, value: Entity, stated: str) -> str:
    """A number with the noun it counts right after it, as the parse reads it ("9 ports", "400
    beds"): a bare count does not say what it counts."""
    counted = _counted(text, value) if value.label == "CARDINAL" else None
    if counted is None:
        return stated
    rest = text[value.end : counted.idx + len(counted)]
    return f"{stated}{rest}" if rest.startswith("-") else f"{stated} {rest.strip()}"  # ("a 35-store chain")


def _counted(text: str, value: Entity) -> Any:
    """The noun a number counts, right after it but for the words that qualify it, as the parse
    reads it ("ports" of "9 ports", "points" of "140 basis points"), or of a whole the number is a
    part of ("depots" of "2 of the 9 depots", "shops" of "52 of its shops"), or the plural noun it
    is the subject of, its verb left out ("vets" of "employs 900 people, 210 of them vets"), or
    None; or else the plural noun right after it, which the parse of a table's cell may hang
    elsewhere ("| Export share | 900 tonnes to go |")."""
    span = _doc(text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return None
    after = span.doc[span.end] if span.end < len(span.doc) and span.doc[span.end].tag_ == "NNS" else None
    if value.role == "nsubj" and span.root.head.tag_ == "NNS" and span.root.head.i >= span.end:
        return span.root.head
    if value.role != "nummod":
        wholes = [w for of in span.root.children if of.lower_ == "of" for w in of.children if w.dep_ == "pobj"]

        # (a number's own whole, "52 of its shops"; not what a unit measures, "tonnes of credits",
        # nor another name's, "40 of Orvik's stores", which may be no one's asked)
        def own(w: Any) -> bool:
            return span.root.pos_ == "NUM" and not any(o.dep_ == "poss" and o.pos_ == "PROPN" for o in w.children)

        return next(
            (w for w in wholes if w.tag_ == "NNS" and (own(w) or any(n.dep_ == "nummod" for n in w.children))),
            after,
        )
    head = span.root.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i < span.end:
        return after
    between = span.doc[span.end : head.i]
    # (a hyphen joins a word to it: "farm-workers"; and a modifier may be one of several joined by
    # "and": "daily and monthly lenses"; and the number may say of what whole it counts part:
    # "210 of them vets")
    whole = {t.i for of in span.root.children if of.lower_ == "of" for t in of.subtree}
    joined = [
        t
        for t in between
        if (t.head == head and (t.dep_ in ("compound", "amod") or t.text == "-"))
        or (t.dep_ in ("cc", "conj") and span.end <= t.head.i < head.i)
        or t.i in whole
    ]
    return head if len(joined) == len(between) else None


def _counts_noun(text: str, value: Entity, noun: str) -> bool:
    """Whether the value is a bare number (no currency sign or code) that counts the noun (a stem),
    as the parse reads it."""
    span = _doc(text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None or not all(t.like_num or (t.dep_ == "quantmod" and t.is_alpha) for t in span):
        return False
    counted = _counted(text, value)
    return counted is not None and stem(counted.lemma_.lower()) == noun


def _counts_sources(c: Candidate, value: Entity) -> bool:
    """Whether the number counts those who say the sentence's clause, as the parse reads it ("two
    people familiar with the talks said"): the subject of a verb whose object is a clause."""
    noun = _counted(c.text, value) if value.label == "CARDINAL" else None
    return noun is not None and noun.dep_ in _SUBJECTS and any(t.dep_ == "ccomp" for t in noun.head.children)


def _unasked_rate(question: Question, text: str, value: Entity) -> bool:
    """Whether the value is a rate the question does not ask for: "$41.20 a share", "$180 million a
    ship", "$85 million each" weigh no whole deal against another, unless asked "per share"."""
    unit = _rate_unit(text, value)
    each = [w.strip(".,;:") for w in fold(text[value.end :]).split()[:1]] == ["each"]
    return (bool(unit) and unit != _asked_rate(question.text)) or (each and not _asked_rate(question.text))


def _at(value: Value) -> tuple[str, int]:
    """Where the value is stated: its article and offset."""
    return value.candidate.article_id, value.candidate.start + value.entity.start


def _asked_rate(question: str) -> str:
    """The stem of what a question asks a rate of, as its parse reads it: "truck" of "the price of
    each truck" or "per truck" (not of "How much did each bidder offer?", nor "a", which questions use
    otherwise), or ""."""
    for t in _doc(question):
        if t.lower_ == "per":
            return next((stem(o.lemma_.lower()) for o in t.children if o.dep_ == "pobj"), "")
        if t.lower_ == "each" and t.dep_ == "det" and t.head.dep_ == "pobj":
            return stem(t.head.lemma_.lower())
    return ""


def _rate_of(question: Question, c: Candidate, value: Entity, unit: str) -> bool:
    """Whether an amount answers what the question asks a rate of: it is a rate of that thing
    ("$12 per share"), or the thing stands beside it in the parse ("Each truck costs $90,000"),
    but not as what it is an amount of ("$40 million of new shares"); True when the question asks
    no rate."""
    asked = _asked_rate(question.text)
    if not asked or unit == asked:
        return True
    root = _value_root(c, value)
    of = [o for p in root.children if p.lower_ == "of" for o in p.children] if root is not None else []
    near = dict(zip(value.anchors, value.distances, strict=True))
    return near.get(asked, 99) <= _RATE_EDGES and not any(stem(o.lemma_.lower()) == asked for o in of)


def _share_of(text: str, value: Entity) -> str:
    """The stem of what a percentage is a share of, as the parse reads it ("price" of "60% of the
    price", and of "the remaining 40%" joined to it), or ""."""
    span = _doc(text).char_span(value.start, value.end, alignment_mode="expand")
    if span is None:
        return ""
    shares = (span.root, span.root.head) if span.root.dep_ == "conj" else (span.root,)
    return next(
        (
            stem(o.lemma_.lower())
            for t in shares
            for p in t.children
            if p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ),
        "",
    )


def _in_question(value: str, question: Question) -> bool:
    """Whether the question already says the value ("Plant 2", "Quarry" for "Quarry
    Analytics")."""
    return set(fold(value).split()) <= question.words or names(value, question.text)


def _predicate(c: Candidate, value: Entity) -> str:
    """The words of the value's clause without the value and the names in it: what it says of them."""
    cut = [(e.start, e.end) for e in c.entities if e.label in NAME_TYPES or e is value]
    kept = []
    for a, b in value.clause:
        for x, y in sorted(cut):
            if x < b and a < y:
                kept.append(c.text[a:x] if x > a else "")
                a = max(a, y)
        kept.append(c.text[a:b])
    return " ".join(" ".join(kept).split())


def _names_all(question: Question, c: Candidate) -> bool:
    return all(_named(question, name, c.text) for name in question.names)


_DESIGNATOR = re.compile(r"\d[\w.]*|[A-Z]")


def _misattributed(
    question: Question, candidates: list[Candidate]
) -> tuple[Candidate, tuple[str, str, str, tuple[str, ...]]] | None:
    """A sentence that gives a person of the question the role the question gives them, held by
    another name ("Maria Okeke, Quarry's chief executive" for "Vantor's chief executive
    Maria Okeke"), or gives that very role of that holder to another person ("Vantor's chief
    executive, Ana Lind"), when no sentence gives it to them held by the question's holder."""
    given = [(c, *title) for c in candidates for title in _titles(c)] if question.roles else []
    acts = {*question.verbs, *(stem(p.lower()) for p in question.predicates)}  # ("take over": no verb asked)
    for role in question.roles:
        person, holder, _, words = role
        held, supported = terms(holder), False
        # (the very role of the holder, given to another person, where the articles give the person
        # a role of their own, held or as a title, and tell of no act asked of them: one role of one
        # holder, so no "a director of X", which many hold, nor one told apart by a word more,
        # "former chief executive"; not "His successor, X, will take over" for "When will X take
        # over as Y's chief executive?")
        own = set(fold(person).split())
        titled = any(own <= set(fold(p).split()) and w != words and (h or before) for _, p, w, h, before in given)
        acting = any(
            fold(w.text) in own
            for c in candidates
            for t in _doc(c.text)
            if t.pos_ == "VERB" and stem(t.lemma_.lower()) in acts
            for s in _subject(t)
            for w in (s, *(a for a in s.children if a.dep_ == "appos"))  # ("His successor, X, will ...")
        )
        replaced = next(
            (
                c
                for c, p, w, h, _ in given
                if not names(person, p, person.split()[-1:])
                and not held & terms(p)
                and w == words
                and h
                and (held <= h or h <= held)
            ),
            None,
        )
        other = replaced if titled and not acting else None
        for c in candidates:
            for e in c.entities:
                if e.label != "PERSON" or not names(person, c.text[e.start : e.end], person.split()[-1:]):
                    continue  # (the person by the full name or the surname)
                near = {a for a, d in zip(e.anchors, e.distances, strict=True) if d <= _ROLE_EDGES}
                if not set(words) <= near:
                    continue
                supported = supported or bool(held & near)
                # another holder: a name the role's noun is within two edges of ("Quarry's chief
                # executive", "the chief executive of Vantor"), not one the sentence says elsewhere
                holders = {
                    t
                    for n in c.entities
                    if n.label in NAME_TYPES
                    and n is not e
                    and any(a == words[-1] and d <= 2 for a, d in zip(n.anchors, n.distances, strict=True))
                    for t in terms(display(c.text[n.start : n.end]))
                }
                other = other or (c if holders and not held & holders and not held & near else None)
        if other is not None and not supported:
            return other, role
    return None


def _titles(c: Candidate) -> list[tuple[str, tuple[str, ...], set[str], bool]]:
    """The people the sentence gives a role, by the parse: each name, the stems of the role's words,
    those of its holder's name (a possessive, a modifier or an "of" object) and whether it is a title
    right before the name ("Chairman Lars Holm"), else a noun in apposition ("Vantor's chief
    executive, Ana Lind")."""
    doc = _doc(c.text)
    found = []
    for e in c.entities:
        span = doc.char_span(e.start, e.end, alignment_mode="expand") if e.label == "PERSON" else None
        if span is None:
            continue
        root = span.root
        apposed = [r for r in [root.head] if root.dep_ == "appos"] + [r for r in root.children if r.dep_ == "appos"]
        # (a title may be read as a proper noun: "Chairman")
        before = [r for r in root.children if r.dep_ == "compound" and r.i < span.start and r.pos_ in ("NOUN", "PROPN")]
        for role in [*(r for r in apposed if r.pos_ == "NOUN"), *before]:
            words = tuple(stem(w.lemma_.lower()) for w in role_words(role))
            holders = [w for w in role.children if w.dep_ in ("poss", "compound") and w.pos_ == "PROPN"]
            holders += [o for p in role.children if p.lower_ == "of" for o in p.children if o.pos_ == "PROPN"]
            owner = {t for h in holders for t in terms(" ".join(w.text for w in h.subtree if w.dep_ != "case"))}
            found.append((c.text[e.start : e.end], words, owner, role in before))
    return found


def _designated(name: str) -> dict[str, str]:
    """The words of a name told apart by the number or letter after them ("Series": "C" of
    "Vantor Series C", "Atlas": "3")."""
    words = name.split()
    return {w: d for w, d in pairwise(words) if _DESIGNATOR.fullmatch(d)}


def _other_designator(word: str, own: Collection[str]) -> re.Pattern[str]:
    """The word followed by a number or a letter that is none of ``own`` ("Series B" for "C")."""
    others = "|".join(re.escape(d) for d in own)
    return re.compile(rf"\b{re.escape(word)}\s+(?!(?:{others})\b)(?:\d|[A-Z]\b)")


def _names_another(names: Sequence[str], text: str) -> bool:
    """Whether the text names another of a series the names are of ("Series B" where "Series C" is
    asked), and none of those asked."""
    asked: dict[str, set[str]] = {}
    for name in names:
        for word, designator in _designated(name).items():
            asked.setdefault(word, set()).add(designator)
    return any(
        _other_designator(word, own).search(text)
        and not any(re.search(rf"\b{re.escape(word)}\s+{re.escape(d)}\b", text) for d in own)
        for word, own in asked.items()
    )


def names(name: str, text: str, words: Sequence[str] | None = None, *, part: bool = False) -> bool:
    """Whether the text names what the name does: the whole name, or one of its words that name it
    alone, capitalised ("Quarry" for "Quarry Labs"; by default every capitalised word of it).
    ``part``: one of the names joined by a hyphen will do ("Vantor" of "Pellbrook-Vantor")."""
    if words is None:
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and len(w) > 2]
    if mentioned(name, text) or abbreviates(name, text):
        return True
    # A word told apart by a number or a letter ("Series C") is not named where the text gives it
    # another one ("Series B").
    designated = _designated(name)

    def said(word: str) -> bool:
        if word not in text:  # (most sentences read name few of the question's words)
            return False
        found = re.finditer(rf"\b{re.escape(word)}\b", text)
        own = designated.get(word)
        other = _other_designator(word, [own]) if own else None
        return any(other is None or not other.match(text, m.start()) for m in found)

    # Names joined by a hyphen ("Pellbrook-Vantor": the deal of the two) are named by all of them.
    joined = {} if part else {p: ps for token in name.split() if len(ps := token.split("-")) > 1 for p in ps}
    return any(all(said(p) for p in joined.get(w, [w])) for w in words)


def _named(question: Question, name: str, text: str, *, part: bool = False) -> bool:
    """Whether the text names one of the question's names, by the words that name it alone."""
    telling = dict(zip(question.names, question.name_words, strict=False))
    return names(name, text, telling.get(name), part=part)


def _stems(names: Sequence[str]) -> set[str]:
    """The stemmed words of the names."""
    return {t for name in names for t in terms(name)}


def _names_in_any(c: Candidate) -> bool:
    """Whether the sentence names anyone or anything, as the model read it at ingest."""
    return any(e.label in NAME_TYPES for e in c.entities)


def _names_in(s: Evidence) -> tuple[str, ...]:
    """The names a sentence states, as the model read them at ingest."""
    return tuple(s.text[e.start : e.end] for e in s.entities if e.label in NAME_TYPES)


def _about_names(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value can be about the names the question asks of: the sentence names them, or
    names no one else in the value's clause but some of them ("Founded in 2019, Quarry ..." is not
    Vantor's founding; "Vantor will pay 70% of the price" may be the price of Quarry that the
    sentence before names), and the sentence before, when retrieved, does not name only others
    ("Its chief financial officer, ..." after a sentence about another company)."""

    def asked(text: str) -> bool:  # (a name of the sentence is one party of "Pellbrook-Vantor")
        return any(_named(question, n, text, part=True) for n in question.names)

    # A value in a relative clause of another name is that name's ("Fenwick Capital, which has 400
    # employees, led the round in Marlow Pay": no head-count of Marlow Pay).
    owner = _relative_owner(c, value, subjects=bool(question.names))
    if owner and not asked(owner):
        return False
    # ...and so is one in a participle's phrase describing another name ("Hallan Saws, a saw maker
    # founded in 1902"), unless the phrase names one asked ("Ana Roe, hired by Arvid in 2022", an
    # act of Arvid's) or the question names no one ("When was it founded?" after a turn naming it)
    described, said = _participle_owner(c, value)
    if described and question.names and not asked(described) and not any(asked(n) for n in said):
        return False
    # ...and so is one of a clause whose "it" stands for another name ("and Vell has fitted them since
    # it was founded in 1994": no founding of Orsk's)
    antecedent = _antecedent(c, value) if question.names else ""
    if antecedent and not asked(antecedent):
        return False
    if _names_all(question, c):
        # ...but a place whose clause names another party and none of the question's is that
        # party's ("Kerr Farms, based in Denver, sold the dairy to Harlow Foods": Denver is not
        # Harlow's; a date or an amount is the deal's, whichever party its clause names)
        if value.label not in PLACE_TYPES:
            return True
        clause = set(value.anchors)
        named = {w for n in question.names for w in terms(n)}
        theirs = [
            e
            for e in c.entities
            if e.label in NAME_TYPES - PLACE_TYPES and e is not value and set(terms(c.text[e.start : e.end])) & clause
        ]
        return not named or not theirs or any(asked(c.text[e.start : e.end]) for e in theirs) or bool(named & clause)

    # ...and so, in a sentence that does not name all, is a value of a noun a name's relative clause
    # tells of ("the 14% stake Ardent already held" is no other holder's stake)
    holder = _relative_subject(c, value)
    if holder and not asked(holder):
        return False
    # ...nor of a party the value's clause brings in with an indefinite subject ("A pension trust
    # holds 15%" after a sentence about the founder's stake): it cannot be one named before
    if _indefinite_subject(c, value):
        return False
    # ...nor of the one who says it of itself ("Kerrow said it expected a profit of $9m")
    speaker = _speaker(c, value)
    if speaker and not asked(speaker):
        return False

    def in_clause(text: str) -> bool:
        # a name outside the value's clause is not what the value is of ("... its budget to $3.4
        # billion, to pay for the Orwin plant"); with no clause read, any name in the sentence is
        return not value.anchors or bool(set(terms(text)) & set(value.anchors))

    before = _parties_before(c)
    # (a name asked that the sentence before says but the model did not read as one is a title, not
    # another party: "Brisk managing director Callum Orrey said ...")
    if before and not any(asked(name) for name in before) and not (c.after and asked(c.after)):
        return False  # "its" may stand for what the sentence before names, which is not what was asked
    if not before and c.opening and not asked(c.text) and not any(asked(name) for name in c.opening):
        return False  # "Chief financial officer X said ..." in a passage about another company
    if not before and not c.opening and not _names_in_any(c) and not all(mentioned(n, c.title) for n in question.names):
        return False  # "The contract is to be signed on ..." opening a passage: of what its article is about
    others = [
        e
        for e in c.entities
        if e.label in NAME_TYPES
        and e is not value
        # (the title of a work, "Glass Harbour", is a thing the parties deal in, not one of them)
        and not _title(c.text, e)
        and not asked(c.text[e.start : e.end])
        # (a place that describes another word is no party: "the Tacoma-based baker", or a name the
        # model gave no type joined to the word; nor a place or nationality in a title of a name,
        # "Boston private equity firm Harrowgate", "Swedish investor Lars Ekberg")
        and not (e.role == "npadvmod" and (e.label in PLACE_TYPES or _untyped_modifier(c.text, e)))
        and not (e.label in PLACE_TYPES | {"NORP"} and _in_title_of_name(c, e))
        # (nor the nationality of what a number counts: "40 billion Danish kroner")
        and not _counted_nationality(c, e)
        # (nor a place said of a thing: "plants in Bergen and Gdansk", "a factory in Lodz"; nor, unless
        # a place is asked, where its act is done: "It employs 900 people in Lodz"; "It operates in
        # Spain" may be where the passage's other firm operates)
        and not _locates_thing(c, e, acts=value.label not in PLACE_TYPES)
        # (another value of the kind asked, anywhere in the sentence, may be the one it is about,
        # but not one joined to it as another of the same part: "advised by the bank X and the law
        # firm Y")
        and (e.label == value.label or in_clause(c.text[e.start : e.end]))
        and not _joined(c, value, e)
    ]
    # (a capitalised word inside an entity was judged with it: "Compute" of "Quarry Compute's")
    spans = [(e.start, e.end) for e in c.entities]
    # (and the sentence's first word, capitalised whatever it is, when it is a word of a name the
    # sentence before names and the subject: "Saxby reported ..." after "Saxby Foods agreed to buy
    # ...", not "Total revenue was ..." after "... supplies Total Foods")
    named_before = {w for n in c.before for w in fold(n).split()}
    opening = _FIRST_WORD.match(c.text)
    first = _doc(c.text)[0]
    subject = first.dep_ in _SUBJECTS or (first.dep_ == "compound" and first.head.dep_ in _SUBJECTS)
    firsts = [opening] if opening and subject and fold(opening[0]) in named_before else []
    capitalised = [
        m
        for m in [*firsts, *_CAPITALISED_WORD.finditer(c.text, 1)]
        if not asked(m[0]) and in_clause(m[0]) and not any(a <= m.start() < b for a, b in spans)
    ]
    return not others and not capitalised


def _joined(c: Candidate, one: Entity, other: Entity) -> bool:
    """Whether the two values are joined by "and" or "or", or the phrases they stand in apposition
    to are, as the parse reads it ("the bank X and the law firm Y")."""
    a, b = _value_root(c, one), _value_root(c, other)
    if a is None or b is None:
        return False

    def said(t: Any) -> list[Any]:  # (the word, and the noun it is in apposition to)
        return [t, t.head] if t.dep_ == "appos" else [t]

    return any(
        (y.dep_ == "conj" and y.head.i == x.i)
        or (x.dep_ == "conj" and x.head.i == y.i)
        or (x.dep_ == y.dep_ == "conj" and x.head.i == y.head.i and x.i != y.i)
        for x in said(a)
        for y in said(b)
    )


def _in_title_of_name(c: Candidate, name: Entity) -> bool:
    """Whether the name modifies a common noun that is itself a title of a proper name, or in
    apposition to one, as the parse reads it ("Boston" of "Boston private equity firm Harrowgate
    Partners"); not of a noun that is a party or thing of its own ("a Danish state fund will
    invest", "its Brazil unit")."""
    root = _value_root(c, name)
    if root is None or root.dep_ not in ("compound", "amod", "nmod"):
        return False
    noun = root.head
    while noun.pos_ == "NOUN" and noun.dep_ == "compound":
        noun = noun.head
    # (or in apposition to one: "Nils Haug, the Danish shipping investor")
    described = noun.head if noun.pos_ == "NOUN" and noun.dep_ == "appos" else noun
    return described.pos_ == "PROPN" and described.i != root.i


def _counted_nationality(c: Candidate, name: Entity) -> bool:
    """Whether the name is a nationality describing a noun a number counts, as the parse reads it
    ("Danish" of "40 billion Danish kroner"; not of "the Danish group")."""
    if name.label != "NORP" or name.role != "amod":
        return False
    root = _value_root(c, name)
    return root is not None and any(t.dep_ == "nummod" for t in root.head.children)


def _indefinite_subject(c: Candidate, value: Entity) -> bool:
    """Whether the subject of the value's clause is a noun phrase with an indefinite article ("An
    pension trust holds 15%"), as the parse reads it."""
    root = _value_root(c, value)
    head = clause_head(root) if root is not None else None
    return head is not None and any(
        t.dep_ in _SUBJECTS and any(d.dep_ == "det" and d.morph.get("Definite") == ["Ind"] for d in t.children)
        for t in head.children
    )


def _speaker(c: Candidate, value: Entity) -> str:
    """The name that says the value's clause of itself, as the parse reads it ("Kerrow" of "Kerrow
    said that it expected a profit of $9m" or "... that its sales rose 4%"), or "": the clause's
    subject, or its subject's owner, is "it", and the clause is what the name's verb says."""
    root = _value_root(c, value)
    if root is None:
        return ""
    head = clause_head(root)
    subject = next((t for t in head.children if t.dep_ in _SUBJECTS), None)
    if subject is not None and subject.pos_ != "PRON":
        subject = next((t for t in subject.children if t.dep_ == "poss"), None)
    if subject is None or subject.pos_ != "PRON" or not _it(subject):
        return ""
    while head.dep_ == "conj":
        head = head.head
    says = head.head if head.dep_ == "ccomp" else None
    speaker = next((t for t in says.children if t.dep_ == "nsubj"), None) if says is not None else None
    if speaker is None:
        return ""
    own = next((e for e in c.entities if e.start <= speaker.idx < e.end and e.label in NAME_TYPES), None)
    # (a person is no "it": one the model types so by a first and last name, or said to hold a post,
    # "Ann Leary, its chief executive," or "Chief executive Ann Leary"; "it" is then the firm the post
    # is at, "Tom Reyes, Kerrow's chief executive," or none)
    posted = any(t.dep_ == "appos" or (t.dep_ == "compound" and t.pos_ == "NOUN") for t in speaker.subtree)
    person = own is not None and own.label == "PERSON" and (posted or len(c.text[own.start : own.end].split()) > 1)
    if own is not None and not person:
        return c.text[own.start : own.end] if own.label not in PLACE_TYPES | {"NORP"} else ""
    words = {t.idx for t in speaker.subtree}
    firms = [
        e
        for e in c.entities
        if e is not own and e.start in words and e.label in NAME_TYPES - PLACE_TYPES - {"NORP", "PERSON"}
    ]
    return c.text[firms[0].start : firms[0].end] if firms and (person or posted) else ""


def _antecedent(c: Candidate, value: Entity) -> str:
    """The name an "it" subjecting the value's clause stands for, as the parse reads it, where the
    sentence has two named subjects before it: the nearest ("Orsk sells pumps, and Vell has fitted
    them since it was founded in 1994": Vell's founding, not Orsk's), or "". Not the subject of a
    relative clause, which tells of another word ("Vell, which Orsk bought in 2020, said it would
    ...": Vell's)."""
    root = _value_root(c, value)
    if root is None:
        return ""
    head = clause_head(root)
    pronoun = next((t for t in head.children if t.dep_ in _SUBJECTS), None)
    if pronoun is None or pronoun.pos_ != "PRON" or not _it(pronoun) or pronoun.morph.get("Poss"):
        return ""
    # (not a wire story's dateline, which the parser may take for a subject)
    dateline = _dateline(c.text)
    subjects = [
        t
        for t in reversed(pronoun.doc[: pronoun.i])
        if t.dep_ in _SUBJECTS and t.head.dep_ not in ("relcl", "acl") and not (dateline and t.idx < dateline.end())
    ]
    named = [_entity_at(c, t.idx, NAME_TYPES) for t in subjects[:2]]
    return named[0] if len(named) == 2 and all(named) else ""


def _it(pronoun: Any) -> bool:
    """Whether the pronoun is "it" or "its" as the model's morphology reads it: one thing, not a person."""
    morph = pronoun.morph
    return (
        morph.get("Person") == ["3"]
        and morph.get("Number") == ["Sing"]
        and not {"Masc", "Fem"} & set(morph.get("Gender"))
    )


def _referred(c: Candidate, value: Entity) -> set[str]:
    """The stems of the noun (and its modifiers) that an "it" in the value's clause stands for, as
    the parse reads it: the main subject of the sentence, a common noun outside that clause ("The
    merger must be cleared first; both firms think it will complete in Q3"); not where a verb the
    "it" is said under has another singular subject it may stand for ("Orsk said it would shut
    ..."), nor in a relative clause ("the Board, which said it would rule by June")."""
    doc = _doc(c.text)
    inside = [t for t in doc if any(a <= t.idx < b for a, b in value.clause)]
    pronoun = next(
        (t for t in inside if t.pos_ == "PRON" and _it(t) and not t.morph.get("Poss") and not t.morph.get("Reflex")),
        None,
    )
    subject = next((t for t in doc if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"), None)
    if pronoun is None or subject is None or subject.pos_ != "NOUN" or any(t.i == subject.i for t in inside):
        return set()
    for verb in (pronoun.head, *pronoun.head.ancestors):
        if verb.dep_ == "relcl":
            return set()
        others = [t for t in verb.children if t.dep_ in _SUBJECTS and t.i not in (pronoun.i, subject.i)]
        if any(t.tag_ not in ("NNS", "NNPS") and t.morph.get("Number") != ["Plur"] for t in others):
            return set()
    modifiers = [t for t in subject.children if t.dep_ in ("compound", "amod")]
    return {stem(t.lemma_.lower()) for t in (subject, *modifiers)}


def _relative_owner(c: Candidate, value: Entity, subjects: bool = False) -> str:
    """The name a relative clause holding the value is said of ("Fenwick Capital" of "Fenwick
    Capital, which has 400 employees"), as the parse reads it, or "". Not a place: "in Omaha, where
    Platte Ridge was founded in 1912" tells of Platte Ridge. With ``subjects``, also the subject of
    the verb whose object is a common noun the clause is said of, where that object is new to the
    sentence, with no "the" or owner ("Kerr owns five mills, which made 9,000 tonnes": Kerr's; not
    "Kerr bought the mills, which made ...", whose tonnes were made before it bought them)."""
    root = _value_root(c, value)
    if root is None:
        return ""
    head = clause_head(root)
    if head.dep_ == "conj" and _shares_relative_subject(c, head):
        head = clause_head(head.head)
    if head.dep_ != "relcl":
        return ""
    noun = head.head
    named = _entity_at(c, noun.idx, NAME_TYPES - PLACE_TYPES)
    if named or not subjects or noun.pos_ != "NOUN" or noun.dep_ != "dobj":
        return named
    if any(t.dep_ == "poss" or t.morph.get("Definite") == ["Def"] for t in noun.children):
        return ""
    owners = [t for t in noun.head.children if t.dep_ == "nsubj"]
    return next((name for t in owners if (name := _entity_at(c, t.idx, NAME_TYPES - PLACE_TYPES))), "")


def _participle_owner(c: Candidate, value: Entity) -> tuple[str, list[str]]:
    """The name a participle's phrase holding the value describes, as the parse reads it ("Fenwick
    Capital" of "Fenwick Capital, a fund founded in 2009,", the name beside the noun it describes),
    with the names the phrase itself says ("hired by Arvid in 2022"), or ("", [])."""
    root = _value_root(c, value)
    head = clause_head(root) if root is not None else None
    if head is None or head.dep_ != "acl" or head.pos_ != "VERB":
        return "", []
    noun = head.head.head if head.head.dep_ == "appos" else head.head
    inside = {t.idx for t in head.subtree}
    said = [c.text[e.start : e.end] for e in c.entities if e.start in inside and e.label in NAME_TYPES]
    return _entity_at(c, noun.idx, NAME_TYPES - PLACE_TYPES), said


def _shares_relative_subject(c: Candidate, verb: Any) -> bool:
    """Whether a verb conjoined to a relative clause's is done by the name the relative pronoun
    stands for: it has no subject of its own, the clause's subject is that pronoun, and it names
    no party nor points elsewhere ("X, which had revenue of $4m and employs 900 people"; not
    "... and paid Vantor $40m", "... and plans to cut 120 jobs there", "whose chief executive ...")."""
    relative = clause_head(verb.head)
    if verb.pos_ not in ("VERB", "AUX") or relative.dep_ != "relcl":
        return False
    if any(t.dep_ in _SUBJECTS for t in verb.children):
        return False
    if not any(t.dep_ in _SUBJECTS and t.tag_ in ("WDT", "WP") for t in relative.children):
        return False
    inside = {t.i for t in verb.subtree}
    roots = [_value_root(c, e) for e in c.entities if e.label in NAME_TYPES]
    named = any(r is not None and r.i in inside for r in roots)
    return not named and not any(t.morph.get("PronType") == ["Dem"] for t in verb.subtree)


def _relative_subject(c: Candidate, value: Entity) -> str:
    """The name that is the subject of a relative clause of the noun the value modifies ("Ardent"
    of "the 14% stake Ardent already held"), as the parse reads it, or ""."""
    root = _value_root(c, value)
    if root is None or root.dep_ not in ("compound", "nmod", "nummod", "amod"):
        return ""
    subjects = (s for r in root.head.children if r.dep_ == "relcl" for s in r.children if s.dep_ in _SUBJECTS)
    return next((name for s in subjects if (name := _entity_at(c, s.idx, NAME_TYPES))), "")


def _entity_at(c: Candidate, at: int, labels: Collection[str] | None = None) -> str:
    """The text of the sentence's entity (of one of the labels, if given) that spans the character,
    or ""."""
    return next(
        (
            c.text[e.start : e.end]
            for e in c.entities
            if (labels is None or e.label in labels) and e.start <= at < e.end
        ),
        "",
    )


def _locates_thing(c: Candidate, name: Entity, acts: bool = False) -> bool:
    """Whether the name is a place, or listed with one ("Bergen, Oslo and Gdansk", whatever type the
    model gave each), that is the object of a preposition of place describing a noun ("plants in
    Bergen"), or with ``acts`` an act ("employs 900 people in Bergen"): it says where the thing is or
    the act is done, while "a contract with Norway" or "sold it to Norway" may name a party."""
    token = _doc(c.text).char_span(name.start, name.end, alignment_mode="expand").root
    while token.dep_ in ("conj", "appos", "npadvmod", "compound") and token.head is not token:
        token = token.head  # the first of "Bergen, Oslo and Gdansk", "Gdansk" of "Gdansk, Poland"
    place = any(e.label in PLACE_TYPES and e.start <= token.idx < e.end for e in c.entities)
    preposition = token.head
    if (
        place
        and token.dep_ == "pobj"
        and preposition.lower_ in _LOCATIVE
        and preposition.head.pos_ in ("NOUN", "PROPN", *(("VERB",) if acts else ()))
        # (not of the clause's subject: "Its site at Gdansk handled ..." is the Gdansk site's figure)
        and preposition.head.dep_ not in ("nsubj", "nsubjpass")
    ):
        return True
    # (a place listed right after one, which the parser took apart: "in Latvia, the Czech Republic
    # and Poland")
    prior = next(
        (e for e in c.entities if e.label in PLACE_TYPES and c.text[e.end : name.start] in (", ", " and ")),
        None,
    )
    return name.label in PLACE_TYPES and prior is not None and _locates_thing(c, prior, acts)


def _untyped_modifier(text: str, name: Entity) -> bool:
    """Whether the name is one the model gave no type, joined by a hyphen to the word it describes
    ("Orvik-based")."""
    return name.label == "NAME" and text[name.end : name.end + 1] == "-"


def _title(text: str, name: Entity) -> bool:
    """Whether the name is the title of a work: it stands in quotation marks. (Not what the model
    calls a work: it gives leagues and funds that type. A comma may stand inside the quotes.)"""
    before, after = text[name.start - 1 : name.start], text[name.end : name.end + 2].lstrip(",.;:!?")[:1]
    return name.start > 0 and before in _OPENING_QUOTES and after in _CLOSING_QUOTES


def _states_new(c: Candidate, question: Question) -> bool:
    """Whether the sentence states a value of the asked type that the question does not already say,
    and of the kind asked: a length of time for "how long" and "how old", else a point in time ("for
    seven years" tells no year a company was founded)."""
    lengths = question.kind in ("how long", "how old")

    def of_kind(e: Entity) -> bool:
        if e.label != "DATE":
            return True
        if lengths:
            return _lasts(c, e)
        # (a length from now is a point, "due to reopen in two years"; one an act lasts for is not)
        root = _value_root(c, e)
        return not (_lasts(c, e) and root is not None and root.dep_ == "pobj" and root.head.lower_ == "for")

    return any(
        e.label in question.types and not _in_question(_stated(c.text, e), question) and of_kind(e) for e in c.entities
    )


def _states_type(c: Candidate, question: Question) -> bool:
    return any(e.label in question.types for e in c.entities)


def _gives_thing(question: Question, s: Evidence) -> bool:
    """Whether the sentence gives a value of the asked kind as the very noun a "what NOUN" asks for
    ("a 24% premium", "a termination fee of $140 million" for "What premium ...?"): that states
    what is asked, whatever the verb; or the name a verb gives the thing a "what is X called" asks
    of, whatever the verb: "named" for "called"."""
    if question.naming:
        return any(_given_name(question, s.text, e) for e in s.entities)
    if not question.thing:
        return False
    return any(
        e.label in question.types
        and e.label not in NAME_TYPES
        and dict(zip(e.anchors, e.distances, strict=True)).get(question.thing, 99) <= 2
        for e in s.entities
    )


def _covers(c: Candidate) -> bool:
    """Whether the sentence (with its neighbours) states what the question asks about."""
    return c.coverage >= _MIN_COVERAGE


# A capitalised word after a sentence's first: a name the model may not have tagged.
_CAPITALISED_WORD = re.compile(r"(?<=[\s(“\"])[A-Z][a-z][\w-]*")
_FIRST_WORD = re.compile(r"[A-Z][a-z][\w-]*")
# How an abstention names what was asked for, by the entity types of a short answer.
_KINDS = {
    "DATE": "date",
    "TIME": "time",
    "MONEY": "amount",
    "PERCENT": "share",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PERSON": "name",
    "ORG": "name",
    "NAME": "name",
    "PRODUCT": "name",
}


def _kind(question: Question) -> str:
    """The kind of value asked for, in words: "date", "amount", "law firm" ("" for none)."""
    kind = question.kind if question.noun else ""  # "which law firm": no type names it
    return kind or next((_KINDS[t] for t in question.types if t in _KINDS), "number" if question.types else "")


def _what(question: Question) -> str:
    """What the question asked, for an abstention: "the date asked for (deal closed)"."""
    kind = _kind(question)
    about = f" ({question.topic})" if question.topic else ""
    return f"the {kind} asked for{about}" if kind else f"that{about}"


def _not_said(question: Question, candidates: Sequence[Candidate]) -> str:
    """Why no value is given. An abstention never names as missing what its own quotes state: when
    a passage shown states a value of the kind asked about the question's names, the answer says
    only that none is clearly the one asked ("the place asked for" beside "based in Duluth")."""
    shown = candidates[:_CLOSEST_SHOWN]
    if any(e.label in question.types and _about_names(question, c, e) for c in shown for e in c.entities):
        kind = _kind(question)
        article = "an" if kind[:1] in "aeiou" else "a"
        return f"The closest passages state {article} {kind}, but not clearly {_what(question)}:"
    return f"The articles in the corpus don't say {_what(question)}."


def _topics(
    chunks: Sequence[Chunk], pool: dict[tuple[str, int], Evidence], roles: Collection[str] = _SUBJECTS
) -> dict[tuple[str, int], tuple[str, ...]]:
    """For each sentence of the chunks after the first of its paragraph, the names of that first
    sentence in these roles (its subjects: what the passage is about, "Harlow Foods, founded in
    2015 by ..., makes ..."; for no roles, all its names but places, which are no party), by
    (article, start)."""

    def opening(first: Evidence) -> tuple[str, ...]:
        return tuple(
            first.text[e.start : e.end]
            for e in first.entities
            if e.label in NAME_TYPES and (e.role in roles if roles else e.label not in PLACE_TYPES)
        )

    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for chunk in chunks:
        first = pool.get((chunk.article_id, chunk.sentences[0].start)) if chunk.sentences else None
        if first is None:
            continue
        named = opening(first)
        for before, sentence in pairwise(chunk.sentences):
            key = (chunk.article_id, sentence.start)
            # (a new paragraph opens a passage of its own, when its first sentence was read)
            if "\n\n" in chunk.text[before.end - chunk.start : sentence.start - chunk.start] and key in pool:
                named = opening(pool[key])
            found[key] = named
    return found


def _by_topic(question: Question, c: Candidate) -> bool:
    """Whether the sentence is about the question's names only as the subject of its passage: a
    definite subject ("The company employs 64 people" after a sentence naming the founders), and
    neither it nor the sentence before names them all."""
    topical = len(_antecedents(c)) > len(c.before)  # the passage's subject is among its antecedents
    return (
        topical
        and not _names_all(question, c)
        and not any(_named(question, n, b, part=True) for n in question.names for b in c.before)
    )


def _antecedents(c: Candidate) -> tuple[str, ...]:
    """The names a sentence that names no one asked may be about: those of the sentence before, and
    when its subject is a definite description ("The company employs 64 people", after a sentence
    naming its founders), what its passage is about too. ("Its chief financial officer" is of the
    sentence before alone.) A pronoun subject after a definite one stands for the same ("The company
    was founded in 2019 by ... . It has 14 employees."). Not a noun that is a word of another name
    the passage opens with: "The dairy was founded in 1952" after "X agreed to buy Pellbrook Dairy"
    is Pellbrook Dairy's.)"""
    # (the sentence before is parsed only for a pronoun subject: most sentences have none)
    described = _definite_subject(c.text) or (
        _definite_subject(c.after) if c.after and _pronoun_subject(c.text) else ""
    )
    others = _stems([n for n in c.opening if n not in c.topic])
    return (*c.before, *c.topic) if c.before and c.topic and described and described not in others else c.before


def _parties_before(c: Candidate) -> tuple[str, ...]:
    """The names a sentence that names no one asked may be about (its antecedents), or, where the
    sentence before names only places, those of the nearest sentence before that names a party,
    where they are of the passage's subject: a place is no party ("X will build a plant. The plant
    will be in Y. Chief financial officer Z said ..." is X's; not after "Y had planned a plant" in a
    passage about X)."""
    return c.earlier if _stems(c.earlier) & _stems(c.topic) else _antecedents(c)


def _points_back(sentence: str, names: Sequence[str]) -> bool:
    """Whether the sentence's main subject, or its owner, is "it" ("It had revenue of ...", "Its
    revenue was ..."), or a noun with "the" that is a word of one of the names ("The dairy had ..."
    for "Kelvo Dairy"), as the parse reads it."""
    words = {w for n in names for w in fold(n).split()}
    for t in _doc(sentence):
        if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT":
            owner = next((o for o in t.children if o.dep_ == "poss"), None)
            if any(p is not None and p.pos_ == "PRON" and _it(p) for p in (t, owner)):
                return True
            return t.pos_ == "NOUN" and t.lower_ in words and any(d.lower_ == "the" for d in t.children)
    return False


@functools.lru_cache(maxsize=4096)
def _pronoun_subject(sentence: str) -> bool:
    """Whether the sentence's main subject is a third-person personal pronoun that may stand for a
    company ("It has 14 employees"), as the parse reads it: not "he" or "she", nor the "it" that
    stands for the clause after it ("It is not known how many staff will go")."""
    for t in _doc(sentence):
        if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT" and t.pos_ == "PRON":
            personal = t.morph.get("Person") == ["3"] and t.morph.get("PronType") == ["Prs"]
            gendered = bool({"Masc", "Fem"} & set(t.morph.get("Gender")))
            expletive = (t.dep_ == "nsubjpass" or t.head.lemma_ == "be") and any(
                d.dep_ in ("ccomp", "xcomp", "csubj") for d in t.head.children
            )
            return personal and not gendered and not expletive
    return False


def _introduction(question: Question, s: Evidence, read: Iterable[Evidence]) -> Evidence | None:
    """The sentence of the article that introduced the noun that is the sentence's definite subject
    ("X agreed to buy Y ..., in a deal that ..." before "X will fund the deal ... . The deal needs
    approval ..."), where it is the article's first sentence read and names every name asked: the
    same noun again stands for the thing told of there. Back through the sentences before that say
    the noun again with "the" or an owner, to the last that says it otherwise; None where one of
    them names a company not asked ("X also agreed to sell its unit to Z in a separate deal. The
    deal ...")."""
    subject = _definite_subject(s.text)
    if not subject:
        return None
    earlier = sorted((r for r in read if r.article_id == s.article_id and r.start < s.start), key=lambda r: -r.start)
    for r in earlier:
        nouns = [t for t in _doc(r.text) if t.pos_ == "NOUN" and stem(t.lemma_.lower()) == subject]
        if not nouns:
            continue
        dateline = _dateline(r.text)  # (its place and agency are no party)
        firms = [
            r.text[e.start : e.end]
            for e in r.entities
            if e.label == "ORG" and e.start >= (dateline.end() if dateline else 0)
        ]
        if any(not any(_named(question, n, f, part=True) for n in question.names) for f in firms):
            return None
        if all(any(d.dep_ == "poss" or d.morph.get("Definite") == ["Def"] for d in t.children) for t in nouns):
            continue
        # (the article's opening tells of the deal it is about; a deal told of later may be an
        # earlier one of the same parties: "X first bought a stake in Y in a deal worth $40m")
        lead = r is earlier[-1]
        return r if lead and all(_named(question, n, r.text) for n in question.names) else None
    return None


def _owned_by_another(question: Question, c: Candidate) -> bool:
    """Whether a noun the question gives an owner it names ("Y's shareholders") is said in the
    sentence only with other owners, as the parses read them: another name ("X's shareholders"), or
    "its" in a clause whose subject is another name the question names, the last named before it
    ("X will pay ... to its own shareholders"). A mention with no owner, or any other owner or
    "its", may be the owner asked ("X bought a stake in Y from its founder", "Y investors")."""
    owned = {
        t.lemma_.lower(): _possessor(p)
        for t in _doc(question.text)
        if t.pos_ == "NOUN"
        for p in t.children
        if p.dep_ == "poss" and p.pos_ == "PROPN"
    }

    def owner(t: Any) -> str:
        """Whose the sentence's mention of the noun is: another name, or else the owner asked."""
        for p in (p for p in t.children if p.dep_ == "poss"):
            if p.pos_ == "PROPN":
                return _possessor(p)
            subject = next((s for a in t.ancestors for s in a.children if s.dep_ == "nsubj"), None)
            last = next((w.i for w in reversed(p.doc[: p.i]) if w.pos_ == "PROPN"), -1)
            if (
                _it(p)
                and subject is not None
                and last in {w.i for w in compounded(subject) if w.pos_ == "PROPN"}
                and any(_named(question, n, _name_of(subject)) for n in question.names)
            ):
                return str(_name_of(subject))
        return owned[t.lemma_.lower()]

    mentions: dict[str, list[str]] = {}
    for t in _doc(c.text) if owned else ():
        if t.pos_ == "NOUN" and t.lemma_.lower() in owned:
            mentions.setdefault(t.lemma_.lower(), []).append(owner(t))
    return any(
        not any(mentioned(owned[noun], o) or mentioned(o, owned[noun]) for o in said) for noun, said in mentions.items()
    )


def _possessor(owner: Any) -> str:
    """The words of an owner in the parse ("Kessing" of "Kessing's board"), without the "'s"."""
    return " ".join(w.text for w in owner.subtree if w.dep_ != "case")


@functools.lru_cache(maxsize=4096)
def _definite_subject(sentence: str) -> str:
    """The stem of the sentence's main subject when it is a common noun with a definite article, as
    the parse reads it ("The start-up has 140 employees": "start-up"), or ""."""
    return next(
        (
            stem(t.lemma_.lower())
            for t in _doc(sentence)
            if t.dep_ in _SUBJECTS
            and t.head.dep_ == "ROOT"
            and t.pos_ == "NOUN"
            and any(d.dep_ == "det" and d.morph.get("Definite") == ["Def"] for d in t.children)
        ),
        "",
    )


def _neighbours(hits: Sequence[Hit]) -> dict[tuple[str, int], set[tuple[str, int]]]:
    """The sentences next to each sentence in the retrieved chunks, by (article, start)."""
    found: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for hit in hits:
        keys = [(hit.chunk.article_id, s.start) for s in hit.chunk.sentences]
        for a, b in pairwise(keys):
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
    return found


def _rank(c: Candidate) -> tuple[float, str, int]:
    return (-c.score, c.article_id, c.start)


def _dateline(sentence: str) -> re.Match[str] | None:
    """The wire copy's dateline the sentence opens with, its place in capitals ("OSLO, March 4 (Wire)
    -"), not a sentence that reads like one ("It expires on Friday, May 29 (New York time) -")."""
    dateline = DATELINE.match(sentence)
    return dateline if dateline and sentence.split(maxsplit=1)[0].strip(",").isupper() else None


def _told_that_day(question: Question, c: Candidate) -> bool:
    """Whether the sentence tells the act asked in the simple past, as done on the day its dateline
    dates ("Kerrow announced a deal"), not as done before it ("has agreed to sell")."""
    return any(t.tag_ == "VBD" and stem(t.lemma_.lower()) in question.verbs for t in _doc(c.text))


def _gives_reason(
    sentence: str, question: Question, before: str | None = None, firm: Callable[[str], bool] = lambda _: False
) -> bool:
    """Whether the sentence gives a reason for one of the acts asked, done by whom the question says
    does it, as the parse reads it: a clause of purpose on the act's verb ("is selling to pay down
    loans"), or of cause on it or on the verb it completes ("chose to license it because ..."); not a
    complement of a verb the question gives one ("decided to close two yards" for "Why did X decide
    to sell ...?"), nor a complement that is itself an act asked ("agreed to buy"). The act must be
    done to nothing but what is asked: no object, a pronoun, the question's words, or a definite noun
    with no word of its own ("the unit"); not "decided to sell the hotel chain". (``before``: the
    sentence before, whose subject "it" or "the operator" may go on with; ``firm``: whether a noun
    says what kind of organisation one is, "the company" of what its chief executive says.)"""
    asked = set(terms(question.text))
    parsed = _doc(question.text)
    completed = {stem(t.lemma_.lower()) for t in parsed if any(c.dep_ == "xcomp" for c in t.children)}
    doers = _doers(question)
    # (a doer the question gives as a common noun, "the regulator", is a subject of that noun)
    kinds = set() if doers else _doer_kinds(question)
    doers = doers or ([] if kinds else list(question.names[:1]))
    for t in _doc(sentence) if question.verbs else ():
        if t.pos_ != "VERB" or stem(t.lemma_.lower()) not in question.verbs:
            continue
        if not all(_done_to_asked(o, asked) for o in t.children if o.dep_ in ("dobj", "nsubjpass")):
            continue
        if not _done_by(question, t, doers, kinds, before, firm):
            continue
        for act in (t, t.head) if t.dep_ == "xcomp" else (t,):
            for clause in act.children:
                if clause.dep_ not in ("advcl", "xcomp") or stem(clause.lemma_.lower()) in question.verbs:
                    continue
                purpose = (
                    act.i == t.i
                    and stem(t.lemma_.lower()) not in completed
                    and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
                )
                if purpose or any(c.dep_ == "mark" and c.lower_ in _CAUSES for c in clause.children):
                    return True
    return False


def _doers(question: Question, deps: Collection[str] = _SUBJECTS) -> list[str]:
    """The names the question makes the subject of its verbs (in these roles), as the parse reads it."""
    subjects = [_name_of(t) for t in _doc(question.text) if t.dep_ in deps]
    return [n for n in question.names if any(_named(question, n, s) for s in subjects)]


def _doer_kinds(question: Question) -> set[str]:
    """The stems of the common nouns the question makes the subject of its verbs ("regulator" of
    "Why did the regulator block ...?"), as the parse reads it."""
    return {stem(t.lemma_.lower()) for t in _doc(question.text) if t.dep_ in _SUBJECTS and t.pos_ == "NOUN"}


def _done_by_another(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the amount is said of a verb asked whose subject is a name the question gives as
    another party than the subject of its own verb ("Kerrow will pay $40m" for "How much is Orsk
    paying Kerrow?"): the sentence tells what the other party pays, as the parse reads it. Both
    subjects must be doers, not of a passive ("Kerrow is being bought by Orsk for $40m"), and the
    sentence's must be a name, not a noun of one ("Kerrow's parent, Orsk, will pay ...")."""
    passive = any(t.dep_ in ("auxpass", "agent") for t in _doc(question.text))  # ("bought by Orsk")
    doers = _doers(question, ("nsubj",)) if value.label == "MONEY" and not passive else []
    if not doers or len(doers) == len(question.names):
        return False
    root = _value_root(c, value)
    act = next((t for t in root.ancestors if t.pos_ == "VERB"), None) if root is not None else None
    if act is None or stem(act.lemma_.lower()) not in question.verbs:
        return False
    others = [n for n in question.names if n not in doers]
    verb = act
    while verb is not None:
        if any(t.dep_ in ("auxpass", "agent") for t in verb.children):
            return False  # ("agreed to be acquired by Orsk for $40m")
        subject = next((t for t in verb.children if t.dep_ in _SUBJECTS), None)
        if subject is not None and subject.pos_ != "PRON":
            if subject.dep_ != "nsubj" or subject.pos_ != "PROPN":
                return False
            said = _name_of(subject)
            return any(_named(question, n, said) for n in others) and not any(_named(question, n, said) for n in doers)
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") else None
    return False


def _gapped_for_another(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is of another owner than the question asks of, in a sentence with a
    possessive name that owns no noun and stands for a clause whose words are left out ("Arlo's
    members will vote on 24 June and Brenn's on July 1"): a value after that name is its own, one
    before it is of the name that owns the subject ("When will Arlo's members vote?": 24 June), as
    the parse reads it."""
    owners = {fold(t.text) for t in _doc(question.text) if t.dep_ == "poss" and t.text[:1].isupper()}
    root = _value_root(c, value)
    if not owners or root is None:
        return False
    doc = root.doc
    # (the parser may hang the "'s" on the verb: the name is the word before it, owning no noun; the
    # clause it stands for is joined to another, "and Brenn's": not "the purchase of Penhallow's",
    # "Unlike Kerrow's, ...")
    gapped = [
        t
        for t in doc[1:-1]
        if t.text[:1].isupper() and t.dep_ != "poss" and doc[t.i + 1].tag_ == "POS" and doc[t.i - 1].pos_ == "CCONJ"
    ]
    if not gapped:
        return False
    # (no verb between the name and the value: the value is in the clause it stands for)
    before = [t for t in gapped if t.i < root.i and not any(w.pos_ in ("VERB", "AUX") for w in doc[t.i + 1 : root.i])]
    if before:
        owner = before[-1]
    else:
        subject = next((t for t in clause_head(root).children if t.dep_ in _SUBJECTS), None)
        owner = next((t for t in subject.children if t.dep_ == "poss"), None) if subject is not None else None
    return owner is not None and owner.text[:1].isupper() and fold(owner.text) not in owners


def _pronoun_for_another(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the subject of the value's act is "he" or "she" ("He holds 55% of X") in a sentence
    that names no name the question makes a doer, after a sentence that names another person and
    none of them: the pronoun stands for another person, as the parses read them. ("It" may stand
    for a noun that stands for a name: "The start-up was founded by ... . It has 18 staff.")"""
    doers = _doers(question)
    if not doers or not c.before or any(_named(question, n, t) for n in doers for t in (c.text, *c.before)):
        return False
    if not any(e.label_ == "PERSON" for e in _doc(c.after).ents):
        return False  # (one naming no person tells not whom "he" stands for: "The company runs 40 bakeries.")
    root = _value_root(c, value)
    verb = next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), None) if root is not None else None
    while verb is not None:
        subject = next((t for t in verb.children if t.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject.pos_ == "PRON" and bool({"Masc", "Fem"} & set(subject.morph.get("Gender")))
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") else None
    return False


def _said_of_several(question: Question, c: Candidate, value: Entity) -> bool:
    """Whether the value is said of a thing that the one name the question asks of makes with
    another party: it hangs from a clause that makes the thing ("a merger that will create a group
    with revenue of ...", "creating a group with 9 million listeners") under an act whose subject
    is that name and another joined by "and", as the parse reads it. (Not the value of what they
    sign or each do, "signed a $450m contract", "will each invest $500m", nor of a relative clause
    on one name: "X, which employs 2,000 people, and Y agreed ...")"""
    if len(question.names) != 1:
        return False
    doc = _doc(c.text)
    dateline = _dateline_end(doc)  # (which the parser may take for a subject)
    names = [e for e in c.entities if e.label in NAME_TYPES - PLACE_TYPES]

    def name(w: Any) -> Entity | None:
        return next((e for e in names if e.start <= w.idx < e.end), None)

    made = False  # (whether the climb has passed a clause that makes a thing)
    t = next((t for t in doc if value.start <= t.idx < value.end), None)
    while t is not None and t.head.i != t.i:
        if t.dep_ in ("relcl", "advcl"):
            if name(t.head) is not None:
                return False  # (a relative clause on a name is that name's)
            made = True
        t = t.head
        subjects = [s for s in t.children if s.dep_ in _SUBJECTS and (not dateline or s.i > dateline)]
        if not subjects or subjects[0].tag_ in ("WDT", "WP"):
            continue  # (of what the relative clause is said: "a merger that will create ...")
        # (two names joined by "and", however the parser hangs the rest of them)
        joined = [
            (name(w), name(w.head))
            for s in subjects
            for w in s.subtree
            if w.dep_ == "conj" and name(w) is not None and name(w.head) not in (None, name(w))
        ]
        asked = [_in_question(c.text[e.start : e.end], question) for pair in joined for e in pair if e is not None]
        return made and any(asked) and not all(asked)
    return False


def _name_of(token: Any) -> str:
    """The words that name what the noun does, without an apposition or clause about it ("Vexley
    Marine" of "Vexley Marine, Dunlow's biggest rival,")."""

    def naming(word: Any) -> bool:  # (no arc between it and the noun is one of what is said about it)
        while word.i != token.i:
            if word.dep_ in _ABOUT:
                return False
            word = word.head
        return True

    return " ".join(t.text for t in token.subtree if naming(t))


def _done_by(
    question: Question,
    act: Any,
    doers: Sequence[str],
    kinds: Collection[str] = (),
    before: str | None = None,
    firm: Callable[[str], bool] = lambda _: False,
) -> bool:
    """Whether the subject of the act (or of the verb it completes or reports it: "X said it was
    selling") names one of the doers the question gives, not another name ("Vexley sold its unit
    to ...", "Kerrow is buying Orsk" for "Why is Orsk buying Kerrow?"), or is a noun of the kinds it
    gives ("The regulators blocked it because ..."), or goes on with the subject of the sentence
    ``before``, a doer ("X runs 19 ferries. The operator is selling them because ...")."""
    verb, first = act, None
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        first = first or subject
        if subject is not None and subject.pos_ != "PRON":
            kind = subject.pos_ == "NOUN" and stem(subject.lemma_.lower()) in kinds
            named = any(_named(question, n, _name_of(subject)) for n in doers)
            own = _speaker_s(question, subject, doers, firm)
            return kind or named or _goes_on(question, subject, before, doers) or own
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") else None
    return first is not None and (_goes_on(question, first, before, doers) or _speaker_s(question, first, doers, firm))


def _speaker_s(question: Question, subject: Any, doers: Sequence[str], firm: Callable[[str], bool]) -> bool:
    """Whether the subject, "it" or a noun with "the" alone that says what kind of organisation
    one is, is of a clause reported by an officer of a doer, as the parse reads it: "X's chief
    executive said the business opted to ..." (the officer's own firm; not "said the seller
    agreed ...", a role another party plays)."""
    definite = subject.pos_ == "NOUN" and [d.lower_ for d in subject.children if d.i < subject.i] == ["the"]
    if not ((definite and firm(subject.lemma_.lower())) or (subject.pos_ == "PRON" and _it(subject))):
        return False
    clause = subject.head
    while clause.dep_ in ("xcomp", "conj"):
        clause = clause.head
    if clause.dep_ != "ccomp":
        return False
    speaker = next((c for c in clause.head.children if c.dep_ in _SUBJECTS), None)
    owners = [c for c in speaker.children if c.dep_ == "poss"] if speaker is not None else []
    return any(_named(question, n, _name_of(o)) for o in owners for n in doers)


def _goes_on(question: Question, subject: Any, before: str | None, doers: Sequence[str]) -> bool:
    """Whether the subject, "it" or a common noun with "the" alone ("the operator"), stands for the
    main subject of the sentence before, a doer, as the parses read them: a passage goes on about
    whom it was telling of; not a noun the sentence before says of two ("the family" after "the
    Penrose family ... after the Dunn family ...")."""
    definite = subject.pos_ == "NOUN" and [d.lower_ for d in subject.children if d.i < subject.i] == ["the"]
    if not before or not (definite or (subject.pos_ == "PRON" and _it(subject))):
        return False
    told = _doc(before)
    main = next((t for t in told if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"), None)
    if main is None or not any(_named(question, n, _name_of(main)) for n in doers):
        return False
    # (a noun the sentence before says of another, "the dairy" after "... to buy Colmere Dairy" or
    # "the family" after "... from the Torvik family", or a sentence before naming another party
    # the noun may stand for: "The operator" after "X sold ferries to Tarvik Lines")
    own = {t.i for t in main.subtree}
    elsewhere = [t for t in told if t.i not in own and t.lemma_.lower() == subject.lemma_.lower()]
    others = [
        e
        for e in told.ents
        if e.label_ in ("ORG", "PERSON") and e.root.i not in own and not any(ch.isdigit() for ch in e.text)
    ]
    return not definite or not (elsewhere or others)


def _done_to_asked(thing: Any, asked: set[str]) -> bool:
    """Whether the object of an act may be what the question asks of: a pronoun, a phrase of the
    question's words, or a definite noun with no word of its own ("the business"; not "shares")."""
    words = terms(" ".join(t.text for t in thing.subtree))
    modifiers = [c.dep_ for c in thing.children]
    bare = thing.pos_ == "NOUN" and bool(modifiers) and all(dep in ("det", "poss") for dep in modifiers)
    return thing.pos_ == "PRON" or words <= asked or bare


def _choose(relevant: list[Candidate], wide: bool) -> list[Candidate]:
    """The best sentence, and those close to it; ``wide`` when the answer is spread over several
    sentences, so other articles may join from further behind."""
    best = relevant[0]
    chosen = [best]
    for candidate in relevant[1:]:
        if len(chosen) == _MAX_SENTENCES:
            break
        new_article = all(c.article_id != candidate.article_id for c in chosen)
        margin = _OTHER_ARTICLE_MARGIN[wide] if new_article else _SAME_ARTICLE_MARGIN
        if candidate.score >= best.score - margin:
            chosen.append(candidate)
    return chosen


def _same_value(a: str, b: str) -> bool:
    """Whether two values say the same: one contains the other, or they have the same digits
    ("$2.4 billion" and "2.4bn", "May 6, 2026" and "6 May 2026")."""
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        return True
    return bool(_digits(a)) and _digits(a) == _digits(b)


# The words and letters that scale a number in figures ("$1.2bn", "NOK 300 million"): notation.
_SCALES = {
    **{"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6},
    **{"b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9},
}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?")


def _stated_sizes(text: str) -> set[float]:
    """The sizes of the amounts and shares the text writes in figures (of either type: the model
    may read "7.5 per cent" as money)."""
    return {
        size
        for e in entities(_doc(text))
        if e.label in ("MONEY", "PERCENT") and (size := _size(_stated(text, e))) is not None
    }


def _size(value: str) -> float | None:
    """The amount a value written in figures states, whatever its separators and scale ("$1.3
    billion" and "$1,300 million" are 1.3e9; "12.50%" is 12.5), or None for one in words."""
    m = _NUMBER.search(value.lower())
    if m is None:
        return None
    return round(float(m[1].replace(",", "")) * _SCALES.get(m[2] or "", 1.0), 6)


def _digits(value: str) -> list[str]:
    """The numbers a value is written with, in order of size as text ("$2.4bn": 2, 4)."""
    return sorted(re.findall(r"\d+", fold(value)))


def _compose_value(question: Question, values: list[Value], relevant: list[Candidate]) -> Draft:
    """The value first, then the sentence that states it; when another article states a different
    value for the same thing, both, and that the sources disagree."""
    best = values[0]
    if any(_rival(v, best, question.several) for v in values[1:]):
        return _compose([best.candidate])  # two values of one sentence fit as well: let it speak
    if _tiered(question, best):
        return _compose([best.candidate])
    if _coordinated(best):
        return _compose([best.candidate])  # "set up by Ines Varga and Tomas Reyes": one of several
    rivals = [
        v
        for v in values[1:]
        if v.candidate.article_id != best.candidate.article_id and v.entity.label == best.entity.label
    ]
    # Sources disagree when each states its own value of what is asked, of the names asked about.
    other = next((v for v in rivals if best.named and v.named and not _same_value(v.text, best.text)), None)
    if other is not None:
        chosen = [best.candidate, other.candidate]
        draft = _compose(chosen)
        short = f"The sources disagree: {best.text} [1] or {other.text} [2]"
        return Draft(f"{short}. {draft.text}", draft.citations, False, short=short, finding=_DISAGREEMENT)
    agreeing = [v.candidate for v in rivals if v.candidate is not best.candidate]
    chosen = [best.candidate, *agreeing[: _MAX_SENTENCES - 1]]
    if question.several:
        chosen += [c for c in _choose(relevant, True) if c not in chosen]
    draft = _compose(chosen[:_MAX_SENTENCES])
    return Draft(f"{best.text} [1]. {draft.text}", draft.citations, False, short=best.text)


def _describes(question: Question, c: Candidate) -> bool:
    """Whether the sentence says what one of the question's names is, as the parse reads it: the
    name with an appositive ("xAI, its competing AI division"), as one ("its chief financial officer,
    Dana Whitlow") or as the subject of "be" with a complement ("Quarry Labs is an Austin start-up")."""
    words = {w for name in question.names for w in name.split()}
    for t in _doc(c.text):
        if t.text not in words:
            continue
        if any(child.dep_ == "appos" for child in t.children) or (t.dep_ == "appos" and t.head.pos_ == "NOUN"):
            return True  # "xAI, its AI division", "its chief financial officer, Dana Whitlow"
        if t.dep_ == "nsubj" and t.head.lemma_ == "be" and any(ch.dep_ == "attr" for ch in t.head.children):
            return True
    return False


def _coordinated(v: Value) -> bool:
    """Whether the value is one of several of its kind joined by "and"/"or" a word apart, as the parse
    reads it ("Ines Varga and Tomas Reyes"; not "Maria Okeke, its chief executive, and Dana Whitlow,
    its chief financial officer", where each has its own words; nor one the value's own text holds:
    the cell "Orrin, Co Kell" of a table's row)."""
    e = v.entity
    kind = {e.label} | (NAME_TYPES if e.label in NAME_TYPES else set())
    return any(
        o.label in kind
        and v.candidate.text[o.start : o.end] not in v.text
        and (
            (o.role == "conj" and 0 < o.start - e.end <= _CONJUNCTION)
            or (e.role == "conj" and 0 < e.start - o.end <= _CONJUNCTION)
        )
        for o in v.candidate.entities
    )


def _rival(v: Value, best: Value, several: bool) -> bool:
    """Whether another value of the best one's sentence is as likely the answer ("70% in cash and
    30% in stock" for "how much in stock", when the parse ties both as closely), or a part of it
    ("Ohio, Texas and Maine" for "which states")."""
    return (
        v.candidate is best.candidate
        and v.entity.label == best.entity.label
        and (several or best.tie - v.tie < _SAME_TIE)
        and not _same_value(v.text, best.text)
    )


def _tiered(question: Question, best: Value) -> bool:
    """Whether an amount the question states goes, in the best value's sentence, with another value
    of its kind: the nearest before it ("15% on anything above €1 billion" for "... on sales above
    €1 billion?", not the 9% of "9% on annual sales below €400m, 12% on ..."). The sentence then
    tells which value goes with which amount; quote it."""
    c = best.candidate
    asked = entities(_doc(question.text))
    stated = {tuple(_digits(question.text[e.start : e.end])) for e in asked if e.label in _AMOUNTS}
    said = [(e, c.text[e.start : e.end]) for e in c.entities]
    values = [e for e, text in said if e.label == best.entity.label and not _in_question(text, question)]
    for amount, text in said:
        # (a list of conditions: the sentence states other amounts of the stated one's kind)
        listed = sum(e.label == amount.label for e, _ in said) > 1
        if listed and amount.label in _AMOUNTS and tuple(_digits(text)) in stated:
            before = [e for e in values if e.end <= amount.start]
            if before and max(before, key=lambda e: e.end) != best.entity:
                return True
    return False


def _compose(chosen: list[Candidate]) -> Draft:
    citations = tuple(_cite(n, c) for n, c in enumerate(chosen, 1))
    body = " ".join(f"{display(c.text)} [{n}]" for n, c in enumerate(chosen, 1))
    return Draft(body, citations, abstained=False)


def abstain(reason: str, candidates: Sequence[Candidate], closest: int = _CLOSEST_SHOWN) -> Draft:
    """A plain refusal that still offers the closest passages, cited."""
    shown = list(candidates[:closest])
    if not shown:
        return Draft(reason, (), abstained=True)
    quoted = " ".join(f"“{display(c.text)}” [{n}]" for n, c in enumerate(shown, 1))
    citations = tuple(_cite(n, c) for n, c in enumerate(shown, 1))
    lead = reason if reason.endswith(":") else f"{reason} Closest passages:"
    return Draft(f"{lead} {quoted}", citations, abstained=True)


def _cite(n: int, c: Candidate) -> Citation:
    return Citation(n, c.article_id, c.title, c.start, c.end, c.text)
