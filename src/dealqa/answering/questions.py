"""What a question asks, read from spaCy's parse of it: the entity types that can answer it, the
words of what it asks about (its focus), the names it uses, and its alternatives ("A or B?").

The types come from the question's wh-phrase: "when" asks for a DATE, "how much" for MONEY, ... and
"which/what NOUN" for the entity type whose description in spaCy's own glossary (``spacy.explain``)
is nearest to the noun by the embedding model ("which state" -> GPE "Countries, cities, states").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..nlp import agent_verb, parse
from ..text import STOPWORDS, fold, stem

Encode = Callable[[list[str]], np.ndarray]

# Entity types an answer may be, per wh-word of the grammar (closed-class words, not content).
_WH_TYPES = {
    "when": ("DATE", "TIME"),
    "where": ("GPE", "LOC", "FAC"),
    # A small model often gives an outlet or a firm the wrong type of name: any but a place's.
    "who": ("PERSON", "ORG", "NAME", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"),
    "whom": ("PERSON", "ORG", "NAME", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"),
    "whose": ("PERSON", "ORG", "NAME", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"),
}
_HOW_TYPES = {
    "much": ("MONEY", "PERCENT", "QUANTITY"),
    "many": ("CARDINAL", "QUANTITY", "MONEY"),
    "long": ("DATE", "TIME", "QUANTITY"),
    "big": ("QUANTITY", "MONEY", "CARDINAL", "PERCENT"),
    "large": ("QUANTITY", "MONEY", "CARDINAL", "PERCENT"),
    "old": ("DATE",),
}
# The comparatives of "much" and "many" (by lemma), which weigh amounts and counts of a noun or a
# verb ("more drivers", "costs less"), not dates, unless the noun is a time ("fewer years").
_QUANTIFIERS = {
    "more": ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"),
    "less": ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"),
    "few": ("CARDINAL", "QUANTITY"),
}
# Types a "which/what NOUN" question may ask for, matched to the noun by their glossary text.
_NOUN_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "PRODUCT")
# The dependencies of a noun phrase's head in its clause.
_NOMINAL = ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
# Below this cosine between the noun and the nearest type's description, the noun names no type...
_MIN_TYPE_SIMILARITY = 0.3
# A keyword of a query this close to a type's description asks for that type ("date").
_TYPE_NOUN = 0.45
# ...and below this one to the nearest question word, it asks for none of theirs either.
_MIN_ASKING_SIMILARITY = 0.4
# A keyword query's last noun this close to a question word, and this much closer than to any
# other, asks what that asks ("price": "how much").
_KEYWORD_ASKING_SIMILARITY = 0.5
_KEYWORD_ASKING_MARGIN = 0.15
# How near an agent noun must be to the verb it seems made from to mean its doer ("seller": "sell";
# not "summer": "sum", "number": "numb").
_AGENT_SIMILARITY = 0.5
_NOUN_CACHE = 10_000
# Entity types of places.
PLACE_TYPES = frozenset(_WH_TYPES["where"])
# Entity types that are names (the question's names must be in the corpus and in the answer).
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LAW", "NAME"})
# What two things compared are measured by.
MEASURE_TYPES: tuple[str, ...] = ("DATE", "MONEY", "QUANTITY", "CARDINAL", "PERCENT")
VALUE_TYPES = (*sorted(NAME_TYPES), "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")
_ASKING = {
    "when": _WH_TYPES["when"],
    "where": _WH_TYPES["where"],
    "who": _WH_TYPES["who"],
    "how much": _HOW_TYPES["much"],
    "how many": _HOW_TYPES["many"],
}
# ...and those a keyword of a query may mean ("length": "how long")
_KEYWORD_ASKING = {**_ASKING, "how long": _HOW_TYPES["long"]}


@dataclass(frozen=True)
class Priced:
    """What an amount question asks the price of ("How much is Vantor paying for Quarry Labs?")."""

    thing: frozenset[str]  # the stems of its head noun and the nouns compounded with it ({"quarri", "lab"})
    head: str  # the stem of that head noun ("lab")
    named: bool  # the thing is a name ("Quarry Labs"), not a common noun ("its towers")
    party: str  # the subject of the act, as typed ("Vantor"), or ""
    gives: bool  # the party gives the thing ("selling its towers for"), not takes it ("paying for")
    whole: str = ""  # the stem of what the thing is a part of ("portfolio" of "its stake in the portfolio")
    share: str = ""  # the percentage the question gives the thing ("65%" of "its 65% stake in X")


@dataclass(frozen=True)
class Question:
    """A parsed question."""

    text: str
    types: tuple[str, ...] = ()  # entity types of a short answer; () when a sentence answers it
    focus: tuple[str, ...] = ()  # stems of the lemmas of what it asks about, names aside (as anchors)
    terms: tuple[str, ...] = ()  # stems of the same words as typed (as a sentence's terms)
    topic: str = ""  # the words of what it asks about, as typed (names included)
    asked: str = ""  # the words of what it asks about, as typed, names aside ("founded")
    # stems of the adjectives it predicates ("low" of "said the price was too low"; not "worth"
    # of "worth more"), which a word only near in meaning does not state: an embedding puts
    # "high" near "low"
    qualities: tuple[str, ...] = ()
    # ...and of those that only say the act they take may be done ("able" of "be able to appoint",
    # "due" of "due to start"): a sentence that says the act ("appoints two") need not say them
    optional: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # names as typed
    # for each name, its words that name it alone ("Orwin" of "Orwin Data Systems"; the answerer
    # picks them by rarity in the corpus)
    name_words: tuple[tuple[str, ...], ...] = ()
    # for a follow-up that names no one, the names of the turn before: what its articles must name
    earlier_names: tuple[str, ...] = ()
    # ...when that turn asked for a name no answer gave: what it points back to is not known
    # ("Which company launches X?", then "Who runs that company?"), so no value is sure to be of it
    unresolved: bool = False
    verbs: tuple[str, ...] = ()  # stems of its verbs that have content ("founded", not "is")
    verbs_text: tuple[str, ...] = ()  # the same verbs as typed
    # What it takes for granted, as typed: every verb, stop word or not ("move", "make"), and a word
    # an auxiliary attaches to that the model took for a noun ("Why did the regulator block ...")
    predicates: tuple[str, ...] = ()
    negated: bool = False  # it asks about something not done ("Why didn't ...?")
    counted: str = ""  # stem of the noun "how many"/"how big is" asks of ("trucks", "bond"): the value must measure it
    # ...and the lemma of the adjective "how much is the deal worth" measures it by, which a value may be
    # said of instead ("a deal worth $2bn"; "a $2bn deal" measures the deal itself)
    rated: str = ""
    kind: str = ""  # the words that ask for the kind of answer: "when", "how long", "which state"
    preposition: str = ""  # the preposition before them ("at" of "At what price ..."), lower case
    # stem of a "which NOUN" that names no entity type ("law firm", "role"): a value's clause must state it
    noun: str = ""
    thing: str = ""  # stem of the noun of a "which NOUN", whether it names a type or not
    # it asks "which of the NOUN": one of those its articles tell of, which a sentence need not call one
    partitive: bool = False
    # stem of the verb whose object that noun is ("own" of "What share will X own?"): a value that
    # is the object of the same verb is what the noun stands for, whether or not it is called one
    object_of: str = ""
    # stems of the names of that verb's subject ({"kallbi"}), which the value's verb's must name
    actor: frozenset[str] = frozenset()
    # stem of the verb a question for a name asks the subject of ("lead" of "Who led X's round?"),
    # and the stems of its object's words ({"seri", "b"}): the agent of that verb in a passive or
    # a participle said of that object ("a Series B round led by Y") is who does it
    subject_of: str = ""
    acted_on: frozenset[str] = frozenset()
    # stem of what that noun is a part of ("venture" of "What share of the venture ...", "Kallby"
    # of "What stake will X buy in Kallby?"), which a value's own "of" must not contradict
    whole: str = ""
    measure: bool = False  # that noun is the name of the type asked for ("what percentage", "which date")
    # stems of the words "how much of" says the amount is a part of ("bond proceeds" of "How much of
    # the bond proceeds will X spend on Y?"): the sentence giving the part need not restate them
    part_of: frozenset[str] = frozenset()
    # the noun "what" stands for when it names the type asked for ("revenue" of "What is X's revenue?")
    equated: str = ""
    # ...and the stem of that noun when it names none ("yield"): a sentence that says "a yield of
    # 4.8%" says what type it is
    untyped: str = ""
    several: bool = False  # "Which companies ...": the answer may be spread over sentences
    # "Which opened earlier, A or B?": the names of each side compared
    sides: tuple[tuple[str, ...], ...] = ()
    side_phrases: tuple[str, ...] = ()  # ...and the phrase of each side, as typed
    # ...and the stem of the thing each phrase names, where it is a common noun ("fee" of "the
    # break fee Kallby would owe"; "" of a name), measured when no comparative says what is
    side_nouns: tuple[str, ...] = ()
    compared: str = ""  # stem of what a comparative measures: "staff" of "more staff", "sign" of "signed earlier"
    weighed: tuple[str, ...] = MEASURE_TYPES  # the types of value its comparative weighs: amounts for "bigger"
    weighing: tuple[str, ...] = ()  # stems of that comparative ("bigger", "big")
    words: frozenset[str] = field(default_factory=frozenset)  # every folded word, to skip values it states
    order: str = ""  # its ordinal or superlative, as typed ("first", "latest", "most recently")
    identity: bool = False  # "Who is X?", "What is X?": asks what the articles say X is
    naming: bool = False  # "What will X be called?": asks for the name a verb gives a thing
    # The roles it gives people, which it takes for granted: ("Maria Okeke", "Vantor", "chief
    # executive", ("chief", "execut")) of "Vantor's chief executive Maria Okeke"
    roles: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    # stems of the nouns its names modify, which say what the name is ("plant" of "the Dunmere
    # plant"): a sentence naming the name need not repeat them
    kinds_named: tuple[str, ...] = ()
    # the role "who is" asks for, as typed: "executive chair" of "Who will be executive chair of X?"
    role: str = ""
    # the thing an amount is asked the price of, from its "for" ("paying for Quarry Labs",
    # "selling its towers for"), and who is asked to pay or take it; None for another question
    priced: Priced | None = None


class QuestionReader:
    """Reads questions with spaCy's parser and the embedding model (for "which/what NOUN").

    Example:
        >>> q = QuestionReader(embedder.encode).read("How many people does Quarry employ?")
        >>> q.types, q.focus, q.names
        (('CARDINAL', 'QUANTITY', 'MONEY'), ('peopl', 'employ'), ('Quarry',))
    """

    def __init__(
        self, encode: Encode, kind: Callable[[str], str] | None = None, is_word: Callable[[str], bool] | None = None
    ) -> None:
        self.encode = encode
        self.kind = kind  # the entity type the corpus's names ending in a noun have ("bank": ORG)
        # whether a word is one of the language's (the embedding model's vocabulary), not coined
        self.is_word = is_word or (lambda word: True)
        self._glossary: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._vectors: dict[str, np.ndarray] = {}  # of the nouns questions ask for, met again and again

    def _vector(self, noun: str) -> np.ndarray:
        if noun not in self._vectors:
            # (answers run on several threads: a full cache starts over, a lost write costs an encode)
            self._vectors = {} if len(self._vectors) >= _NOUN_CACHE else self._vectors
            self._vectors[noun] = self.encode([noun])[0]
        return self._vectors[noun]

    def read(self, question: str) -> Question:
        """Parse a question into what it asks for."""
        doc = parse(question)
        priced = _priced(doc, self._pays)
        wh = next((t for t in doc if t.tag_ in ("WDT", "WP", "WP$", "WRB")), None)
        doer = self._doer_query(doc) if wh is None else ""
        if doer:
            return self.read(doer)
        types: tuple[str, ...] = ()
        noun = None
        asked_for = ""
        said = True  # the noun of a "which NOUN" names the type asked for
        untyped = ""  # the noun of a "What is X's NOUN?" that names no type ("yield")
        kind = ""
        naming = False
        skip: set[int] = set()
        if wh is not None:
            word = wh.lower_
            skip.add(wh.i)
            kind = word
            if word in _WH_TYPES:
                types = _WH_TYPES[word]
            elif word == "how" and wh.i + 1 < len(doc) and doc[wh.i + 1].lower_ in _HOW_TYPES:
                types = _HOW_TYPES[doc[wh.i + 1].lower_]
                skip.add(wh.i + 1)
                kind = f"how {doc[wh.i + 1].lower_}"
            elif word in ("which", "what") and _wh_noun(wh) is not None:
                noun = _wh_noun(wh)
                lemma = noun.lemma_.lower()
                named = self._named_type(lemma)
                types = named or self._type_of(lemma)
                partitive = noun.head.head == wh  # ("which of the banks": "which" stands for the noun)
                subject = wh if partitive else noun
                subjects = [t for t in subject.head.children if t.dep_ == "nsubj"]
                acting = subjects == [subject] and subject.head.pos_ == "VERB" and not set(types) & NAME_TYPES
                # ...and so does one said to be a party ("Which fund is X's largest shareholder?")
                equated = next((t for t in subject.head.children if t.dep_ == "attr"), None)
                acting = acting or (
                    subjects == [subject]
                    and subject.head.lemma_ == "be"
                    and equated is not None
                    and not set(types) & NAME_TYPES
                    and self._typed(equated.lemma_.lower())
                    and self._type_of(equated.lemma_.lower())[0] in _WH_TYPES["who"]
                )
                if acting:
                    # the sole subject of an act does it: a party ("Which bank advised X?"), whatever
                    # else the noun alone is near ("bank": money; not "What fee will X pay?", which
                    # the parser gives two subjects); a name must then be said to be one
                    types = _WH_TYPES["who"]
                # "which big tech company": the noun and its modifiers name the kind asked for, and
                # the words before them but names ("South African" of "which South African rail
                # operator"; not "Pellbrook" of "which Pellbrook Freight driver")...
                phrase = {noun.i} | {t.i for t in noun.children if t.dep_ in ("compound", "amod")}
                start = (
                    min(t.i for t in noun.head.subtree if t.dep_ not in ("prep", "det", "nummod"))
                    if partitive
                    else wh.i + 1
                )
                phrase |= {i for i in range(start, noun.i) if doc[i].pos_ != "PROPN"}
                # (but no word of a name that begins outside it: "Securities" of "which Tovik
                # Securities analyst")
                phrase -= {t.i for e in doc.ents if e.start not in phrase for t in e if t.i != noun.i}
                kind = "".join(doc[i].text_with_ws for i in sorted(phrase)).strip()
                # ...but the modifiers of a value's noun say which value it is, as any word of the
                # question does ("what reverse break fee", "what upfront payment")
                skip |= phrase if set(types) & NAME_TYPES else {noun.i}
                # a noun no type's description is near takes a question word's types ("role" those
                # of "who"); a name is then the answer only when it is said to be one
                said = bool(named) or (self._typed(lemma) and not acting)
                said = said or (types != VALUE_TYPES and not set(types) <= NAME_TYPES)  # "which day": a date
            elif word == "what" and _naming_verb(wh) is not None:
                # "What will the merged group be called?": the name a verb gives the thing, whatever
                # type the model gives a name it has not seen ("Ostby Grain": a person)
                types, naming = ("ORG", *sorted(NAME_TYPES - {"ORG"})), True
            elif word == "what" and _be_noun(wh) is not None and _rating(doc, _be_noun(wh)) is not None:
                # "What is the lease worth?" asks what "How much is the lease worth?" does
                types, kind = _HOW_TYPES["much"], "how much"
            elif word == "what" and _be_noun(wh) is not None:
                # "What is Quarry's revenue?": the noun "what" stands for names the type when spaCy's
                # glossary says so ("revenue" -> MONEY; "What is the venture called?" asks none)
                equated = _be_noun(wh)
                types = self._glossary_type(equated.lemma_.lower())
                kind = equated.text  # what is asked for, though no type names it ("What is the link?")
                if types:
                    skip.add(equated.i)
                    asked_for = equated.text
                else:
                    untyped = stem(equated.lemma_.lower())
        elif not any(t.pos_ in ("VERB", "AUX") for t in doc):
            # A query of keywords ("quarry labs deal date") asks for the type one of its nouns names.
            for t in doc:
                if t.pos_ == "NOUN" and self._names_type(t.lemma_.lower()):
                    noun, types, kind = t, self._type_of(t.lemma_.lower()), t.text
                    # ...or, when it reads more as a question word than as a type, what that asks
                    # ("length": "how long", a span, not a distance)
                    kind = self._asking(t.lemma_.lower(), types) or kind
                    types = _KEYWORD_ASKING.get(kind, types)
                    skip.add(t.i)
                    break
            else:
                # ...else its last word, a noun, when it reads as a question word ("... deal price":
                # "how much"; "... clinic count": "how many")
                last = next((t for t in reversed(doc) if t.is_alpha), None)
                if last is not None and last.pos_ == "NOUN" and (asked_by := self.asked_by(last.lemma_.lower())):
                    noun, kind, types = last, asked_by, _KEYWORD_ASKING[asked_by]
                    skip.add(last.i)
                # ...else, when its head noun names an amount of money, it asks for one ("Orsk 2026
                # revenue"; the glossary's readings of other nouns are looser than a keyword's
                # reading can bear: "headquarters", an organisation)
                elif (
                    last is not None
                    and last.pos_ == "NOUN"
                    and last.dep_ == "ROOT"
                    and self._glossary_type(last.lemma_.lower()) == ("MONEY",)
                ):
                    types, kind, asked_for = ("MONEY",), last.text, last.text
                    skip.add(last.i)
        # (a name in the phrase of the kind asked for is part of that kind: "which EU country")
        # (nor is the acronym of a role asked: "their CFO")
        role = _asked_role(doc)
        names = [
            n
            for n in _names(doc, self.is_word)
            if not set(fold(n).split()) <= {fold(doc[i].text) for i in skip} and n != role
        ]
        name_words = {w for n in names for w in fold(n).split()}
        content = [
            t
            for t in doc
            if t.i not in skip
            and (t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") or _verbal(t))
            and t.is_alpha
            and not t.is_stop
            and t.lower_ not in STOPWORDS
        ]
        # An adverbial clause of the asked verb says when or why it happens ("raise to grow its
        # sales", "raise before it bought ..."): its words need not be stated by a sentence that answers.
        around = {w.i for t in doc if t.dep_ == "advcl" and t.head.dep_ == "ROOT" for w in t.subtree}
        around = set() if wh is not None and wh.i in around else around
        core = [t for t in content if t.i not in around]
        focus = [stem(t.lemma_.lower()) for t in core if t.lower_ not in name_words]
        # "Who is Maria Okeke?", "What is Quarry Labs?": what the articles say it is, not a name
        identity = (
            wh is not None and wh.lower_ in ("who", "what") and wh.head.lemma_ == "be" and bool(names) and not focus
        )
        if identity and wh is not None:
            # a bare name is asked about, not someone's role ("Who is Vantor's CFO?", "Who is the CEO?")
            subjects = [t for t in wh.head.children if t.dep_ in ("nsubj", "attr") and t.i != wh.i]
            identity = any(not any(c.dep_ in ("poss", "det") for c in t.children) for t in subjects)
        types = () if identity else types
        kept = {t.i for t in content}
        counted = rated = ""
        if kind.startswith("how ") and kind != "how long" and wh is not None:
            after = doc[wh.i + 1]
            # (the parser may tag a rare plural an adjective yet still make it the object: "how many
            # aquaria"; not a comparative, "how many more")
            if after.head.pos_ == "NOUN" or (
                after.dep_ == "amod" and after.head.dep_ in _NOMINAL and after.head.tag_ not in ("JJR", "RBR")
            ):
                named = tuple(t for t in types if t.lower() == after.head.lemma_.lower())
                if named:  # "how much money": the noun is the type's own name, which no value restates
                    types = named
                else:  # "how many trucks"
                    counted = stem(after.head.lemma_.lower())
                    # "$9 billion" counts no branches; money, and a number word ("millions"), count money
                    from spacy.lang.en.lex_attrs import like_num  # (spaCy is loaded to read the question)

                    unit = after.head.lemma_.lower()
                    if kind == "how many" and self._type_of(unit)[:1] != ("MONEY",) and not like_num(unit):
                        types = tuple(t for t in types if t != "MONEY")
            elif kind == "how much" and any(
                o.dep_ == "pobj" and o.pos_ == "PROPN" and not any(d.dep_ in ("case", "nummod") for d in o.children)
                for t in after.children
                if t.lower_ == "of"
                for o in t.children
            ):
                # "How much of Quarry does X own?": a part of a named party is a share of it (not of
                # "Quarry's £40 million")
                types = ("PERCENT",)
            elif (
                after.head.pos_ == "VERB"
                and kind == "how much"
                and not any(t.lower_ == "of" for t in after.children)
                and self._typed(after.head.lemma_.lower())
            ):
                # a verb whose meaning is a type's ("pay", "spend": money) asks for that type, or a
                # rate where no price is asked ("the notes pay 6.5% a year"), not a quantity: "pay for
                # 14 megawatts" is no answer to how much a buyer pays (and "how much of the cost will
                # it pay" asks for a share)
                meant = self._type_of(after.head.lemma_.lower())[:1]
                rate = () if priced is not None else ("PERCENT",)
                types = tuple(t for t in types if t in (*meant, *rate)) if set(meant) & set(types) else types
            elif after.head.lemma_ == "be":  # "how big is the bond": the value must measure the bond
                subject = next((t for t in after.head.children if t.dep_ == "nsubj" and t.pos_ == "NOUN"), None)
                counted = stem(subject.lemma_.lower()) if subject is not None else ""
                # an adjective ending the question says what of the noun is measured ("how much is
                # the deal worth")
                rating = _rating(doc, subject) if subject is not None else None
                if rating is not None:
                    rated = rating.lemma_.lower()
                    # ...in the first type "how much" asks for: an amount of money, not the share
                    # the thing is ("How much is the stake worth?" is no "a 15% stake")
                    types = types[:1]
        predicates = [t for t in doc if t.i not in skip and t.is_alpha and t.lower_ not in name_words and _verbal(t)]
        kept |= {t.i for t in predicates}
        sides, phrases, side_nouns = _sides(doc, names) if wh is not None else ((), (), ())
        comparative = next(
            (t for t in doc if t.tag_ in ("JJR", "RBR") and t.head.pos_ in ("NOUN", "VERB", "ADJ")), None
        )
        weighed: tuple[str, ...] = MEASURE_TYPES
        weighing: tuple[str, ...] = ()
        comparing = next((t for t in doc if t.tag_ in ("JJR", "RBR")), None)
        if sides and comparing is not None:
            # the comparative of a "how" word weighs what that asks for ("bigger": amounts and
            # counts, not dates; "older": dates), and is no word a side must state
            lemma, head = comparing.lemma_.lower(), comparing.head
            weighs = _HOW_TYPES.get(lemma, ())
            if lemma in _QUANTIFIERS and head.pos_ in ("NOUN", "VERB"):
                timed = head.pos_ == "NOUN" and self._type_of(head.lemma_.lower())[0] in ("DATE", "TIME")
                weighs = () if timed else _QUANTIFIERS[lemma]
                # ...of what the verb measures, where it reads as a question word ("costs more": what
                # "how much" asks, not a count of trucks)
                by_verb = self._measured_by(head.lemma_.lower()) if head.pos_ == "VERB" else ()
                weighs = tuple(t for t in weighs if t in by_verb) or weighs
            # ...and another comparative the measure a question word asks for that it means most
            # nearly ("earlier": "when"; "cheaper": "how much"), not a name ("younger": "who")
            weighs = weighs or self._measured_by(lemma)
            if weighs:
                weighed = tuple(t for t in MEASURE_TYPES if t in weighs)
                weighing = (stem(comparing.lower_), stem(lemma))
        # (in "which of the banks" the question word stands in the clause for the noun)
        stands = wh if noun is not None and wh is not None and noun.head.head == wh else noun
        # ("How much will X receive?": "much" is the object of the act asked, as a noun would be;
        # what is paid "for" a thing is its price, which the price rules read)
        much = doc[wh.i + 1] if kind == "how much" and wh is not None and doc[wh.i + 1].dep_ == "dobj" else None
        # (so is the noun "how big a stake" asks the size of: "How big a stake does X own?"; not one
        # "how much" counts, whose amount may be a part of it: "made $9m of the group's revenue")
        if counted and kind not in ("how much", "how many") and wh is not None and doc[wh.i + 1].head.dep_ == "dobj":
            much = doc[wh.i + 1].head
        much = much if priced is None else None
        taken = stands if stands is not None and stands.dep_ == "dobj" else much
        return Question(
            text=question,
            types=types,
            # (the adjective "how much is X worth" measures by asks what "how much" does: a sentence
            # need not say it, "a €450m contract")
            focus=tuple(dict.fromkeys(f for f in focus if f != stem(rated))),
            terms=tuple(
                dict.fromkeys(stem(t.lower_) for t in core if t.lower_ not in name_words and t.lemma_ != rated)
            ),
            topic=" ".join(t.text for t in doc if t.i in kept or t.lower_ in name_words),
            asked=" ".join(t.text for t in content if t.lower_ not in name_words),
            qualities=tuple(
                stem(t.lower_)
                for t in content
                if t.tag_ == "JJ" and t.dep_ == "acomp" and not any(c.tag_ in ("JJR", "RBR") for c in t.children)
            ),
            optional=tuple(
                stem(t.lower_)
                for t in content
                if t.pos_ == "ADJ" and t.dep_ == "acomp" and any(purpose(c) for c in t.children)
            ),
            names=tuple(names),
            verbs=tuple(stem(t.lemma_.lower()) for t in content if _verbal(t) and t.lower_ not in name_words),
            verbs_text=tuple(t.text for t in content if _verbal(t) and t.lower_ not in name_words),
            predicates=tuple(t.text for t in predicates),
            negated=any(t.dep_ == "neg" for t in doc),
            counted=counted,
            rated=rated,
            kind=kind,
            preposition=doc[wh.i - 1].lower_ if wh is not None and wh.i and doc[wh.i - 1].pos_ == "ADP" else "",
            noun=stem(noun.lemma_.lower()) if noun is not None and not said else "",
            thing=stem(noun.lemma_.lower()) if noun is not None else "",
            partitive=noun is not None and wh is not None and noun.head.lower_ == "of" and noun.head.head.i == wh.i,
            object_of=stem(taken.head.lemma_.lower()) if taken is not None else "",
            actor=actor(taken.head) if taken is not None else frozenset(),
            subject_of=_subject_of(stands or wh) if set(types) & NAME_TYPES else "",
            acted_on=_acted_on(stands or wh),
            whole=_whole(noun) if stands is not None and stands.dep_ in ("dobj", "nsubjpass") else "",
            measure=noun is not None and self._names_type(noun.lemma_.lower()),
            part_of=_part_of(doc[wh.i + 1]) if kind in ("how much", "how many") and wh is not None else frozenset(),
            equated=asked_for,
            untyped=untyped,
            several=stands is noun and noun is not None and noun.tag_ in ("NNS", "NNPS"),
            sides=sides,
            side_phrases=phrases,
            side_nouns=side_nouns,
            compared=stem(comparative.head.lemma_.lower()) if comparative is not None else "",
            weighed=weighed,
            weighing=weighing,
            words=frozenset(fold(question).split()),
            order=_order(doc),
            identity=identity,
            naming=naming,
            roles=_roles(doc),
            role=role,
            priced=priced if "MONEY" in types else None,
            kinds_named=tuple(dict.fromkeys(stem(t.lemma_.lower()) for t in content if _names_kind(t, name_words))),
        )

    def _doer_query(self, doc: Any) -> str:
        """A query of keywords ending in the noun of who does an act ("Orrin Terminals seller",
        "Vantor stake buyer") as the question it means ("Who sells Orrin Terminals?"), or ""."""
        *words, last = [t for t in doc if not t.is_punct] or [None]
        if last is None or not words or last.pos_ != "NOUN" or any(t.pos_ in ("VERB", "AUX") for t in doc):
            return ""
        if any(t.pos_ == "ADJ" or t.dep_ == "amod" for t in words):
            return ""  # (a doer of a kind the verb does not say: "Orsk legal adviser", "previous owner")
        if not self._doer(last.lower_):
            return ""
        # (in the present, as the noun says who does it now: "Who owns X?", not one who may)
        return f"Who {_third_person(agent_verb(last.lower_))} {' '.join(t.text for t in words)}?"

    def _pays(self, verb: str) -> bool:
        """Whether the verb means paying money, by the glossary ("pay", "spend"; not "borrow")."""
        return self._typed(verb) and self._type_of(verb)[:1] == ("MONEY",)

    def _doer(self, noun: str) -> bool:
        """Whether the noun names who does the act of a verb it is made from ("seller"; not "summer",
        "number")."""
        verb = agent_verb(noun)
        return bool(verb) and float(self._vector(noun) @ self._vector(verb)) >= _AGENT_SIMILARITY

    def _named_type(self, noun: str) -> tuple[str, ...]:
        """The types a "which NOUN" asks for by the corpus's own names: "which bank" asks for the type
        the model gives "Pellbrook Bank" and other names ending in "bank" (the glossary would read
        "bank" as money)."""
        label = self.kind(stem(noun)) if self.kind is not None else ""
        if not label:
            return ()
        return (label, *(t for t in _WH_TYPES["who"] if t != label)) if label in _WH_TYPES["who"] else (label,)

    def _asking(self, noun: str, types: tuple[str, ...]) -> str:
        """The question word the noun means more nearly than any type's description, when it asks
        for another type first than the noun names ("length": "how long", a span, not a distance;
        not "amount": "how much", whose first type is the amount's), or ""."""
        self._type_of(noun)
        assert self._glossary is not None
        vector = self._vector(noun)
        described = float(np.max(np.maximum(self._glossary[0] @ vector, self._glossary[1] @ vector)))
        asking = self._glossary[2] @ vector
        nearest = int(np.argmax(asking))
        word = list(_KEYWORD_ASKING)[nearest]
        return word if asking[nearest] > described and _KEYWORD_ASKING[word][:1] != types[:1] else ""

    def asked_by(self, noun: str) -> str:
        """The question word the noun means nearly, and more nearly than any other ("price": "how
        much"; not "deal", nearly as far from "how many"), or ""."""
        self._type_of(noun)
        assert self._glossary is not None
        asking = self._glossary[2] @ self._vector(noun)
        first, second = np.argsort(-asking)[:2]
        clear = asking[first] >= _KEYWORD_ASKING_SIMILARITY and asking[first] - asking[second] >= _KEYWORD_ASKING_MARGIN
        return list(_KEYWORD_ASKING)[int(first)] if clear else ""

    def _measured_by(self, word: str) -> tuple[str, ...]:
        """The types of the measure asked by the question word the word means most nearly, if
        nearly enough and that asks for a measure ("late": "when"), or ()."""
        self._type_of(word)
        assert self._glossary is not None
        asking = self._glossary[2] @ self._vector(word)
        nearest = int(np.argmax(asking))
        types = list(_KEYWORD_ASKING.values())[nearest]
        return types if asking[nearest] >= _MIN_ASKING_SIMILARITY and types[0] in (*MEASURE_TYPES, "TIME") else ()

    def organisation(self, noun: str) -> bool:
        """Whether the noun is near the glossary's description of an organisation ("company",
        "insurer"), not a role a party plays in a deal ("seller", "lessor", "target")."""
        self._type_of(noun)
        assert self._glossary is not None
        vector = self._vector(noun)
        at = _NOUN_TYPES.index("ORG")
        return max(float(self._glossary[0][at] @ vector), float(self._glossary[1][at] @ vector)) >= _MIN_TYPE_SIMILARITY

    def _names_type(self, noun: str) -> bool:
        """Whether the noun itself names a type of value ("date", "price", "city")."""
        self._type_of(noun)
        assert self._glossary is not None
        vector = self._vector(noun)
        return float(np.max(np.maximum(self._glossary[0] @ vector, self._glossary[1] @ vector))) >= _TYPE_NOUN

    def _typed(self, noun: str) -> bool:
        """Whether an entity type's description is near the noun ("city": GPE; not "role")."""
        self._type_of(noun)
        assert self._glossary is not None
        vector = self._vector(noun)
        similarity = np.maximum(self._glossary[0] @ vector, self._glossary[1] @ vector)
        return float(np.max(similarity)) >= _MIN_TYPE_SIMILARITY

    def _glossary_type(self, noun: str) -> tuple[str, ...]:
        """The entity types whose glossary description is near the noun, or ()."""
        types = self._type_of(noun)
        return types if types != VALUE_TYPES and types not in _ASKING.values() else ()

    def _type_of(self, noun: str) -> tuple[str, ...]:
        """The entity types a "which NOUN" asks for: the type whose glossary description is nearest
        to the noun ("city" -> GPE), else those of the question word nearest to it ("day" ->
        "when"), else any type of value (the noun must then stand in the value's clause: "which
        law firm")."""
        if self._glossary is None:
            import spacy

            described = [str(spacy.explain(label)) for label in _NOUN_TYPES]
            labelled = [f"{label.lower()}: {text}" for label, text in zip(_NOUN_TYPES, described, strict=True)]
            # (the question words of a "which NOUN" first, then those only a keyword may mean)
            self._glossary = (self.encode(labelled), self.encode(described), self.encode(list(_KEYWORD_ASKING)))
        vector = self._vector(noun)
        similarity = np.maximum(self._glossary[0] @ vector, self._glossary[1] @ vector)
        best = int(np.argmax(similarity))
        if similarity[best] >= _MIN_TYPE_SIMILARITY:
            label = _NOUN_TYPES[best]
            # a small model often gives a firm, a person or a product the type of another
            return (label, *(t for t in _WH_TYPES["who"] if t != label)) if label in _WH_TYPES["who"] else (label,)
        asking = self._glossary[2][: len(_ASKING)] @ vector
        nearest = int(np.argmax(asking))
        return list(_ASKING.values())[nearest] if asking[nearest] >= _MIN_ASKING_SIMILARITY else VALUE_TYPES


def _names_kind(token: Any, name_words: set[str]) -> bool:
    """Whether the noun says what the name right before it is ("plant" of "the Dunmere plant"): the
    name modifies it, or both modify one head (the parse of "will the Dunmere plant process ...")."""
    if token.pos_ != "NOUN" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    # (a code name the model may read as no name is one here: "the BRW-2 trial")
    words = set(fold(before.text).split())
    named = (words and words <= name_words) or _CODE.fullmatch(before.text)
    if named and (
        before.head == token or (before.dep_ == "compound" and token.dep_ == "compound" and before.head == token.head)
    ):
        return True
    # ...or a numbered name ("Dunmere 2", "Phase 1": what it names, not who owns it, as "Dunmere
    # Press" of "the Dunmere Press paper mill") modifies the noun its words name together ("data"
    # and "center" of "the Dunmere 2 data center"), which is no verb the parser took for a noun
    head = token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token
    if head.dep_ == "ROOT" or any(c.dep_ == "aux" for c in head.children):
        return False
    return any(
        c.dep_ in ("compound", "nmod")
        and fold(c.text) in name_words
        and c.i < token.i
        and any(w.like_num or _CODE.fullmatch(w.text) for w in c.subtree)
        for c in head.children
    )


def _priced(doc: Any, pays: Callable[[str], bool]) -> Priced | None:
    """What the question's "for" asks the price of: its object, which the act's subject takes
    ("paying for Kerr Farms' dairies"), or when "for" stands at the end, the act's object, which
    its subject gives ("How much is X selling its towers for?"); or the name a verb that ``pays``
    is done to acquire ("How much is X paying to acquire Y?")."""
    for t in doc:
        if t.lower_ != "for" or t.dep_ != "prep":
            continue
        thing = next((c for c in t.children if c.dep_ == "pobj"), None)
        gives = thing is None
        if thing is None and t.head.pos_ in ("VERB", "AUX"):
            thing = next((c for c in t.head.children if c.dep_ == "dobj"), None)
        if thing is not None and thing.pos_ in ("NOUN", "PROPN"):
            subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            # (the parser may read "How much is X paying for Y?" as "X" described by "paying")
            subject = t.head.head if subject is None and t.head.dep_ == "acl" else subject
            party = " ".join(w.text for w in compounded(subject)) if subject is not None else ""
            words = frozenset(stem(w.lemma_.lower()) for w in compounded(thing))
            whole = next((o for p in thing.children if p.lower_ in ("in", "of") for o in p.children), None)
            part_of = stem(whole.lemma_.lower()) if whole is not None and whole.pos_ in ("NOUN", "PROPN") else ""
            share = percentage(thing) if thing.pos_ == "NOUN" else ""
            return Priced(words, stem(thing.lemma_.lower()), thing.pos_ == "PROPN", party, gives, part_of, share)
    for t in doc:
        # "How much is X paying to acquire Y?": the name the act the sum is paid to do is done to
        # (not the one paid, where the act holds the question word: "How much would X have to pay
        # Y?"; nor where a noun says what is measured, "How much cash ...", a part of the price)
        thing = next((c for c in t.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
        if (
            thing is None
            or not purpose(t)
            or not pays(t.head.lemma_.lower())
            or any(w.tag_ == "WRB" for w in t.subtree)
            or any(n.pos_ == "NOUN" and any(w.tag_ == "WRB" for w in n.subtree) for n in doc)
        ):
            continue
        subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        party = " ".join(w.text for w in compounded(subject)) if subject is not None else ""
        words = frozenset(stem(w.lemma_.lower()) for w in compounded(thing))
        return Priced(words, stem(thing.lemma_.lower()), True, party, False)
    return None


def purpose(verb: Any) -> bool:
    """Whether the verb is a "to"-infinitive its head is done for ("acquire" of "pay $5m to acquire
    X"), as the parse reads it."""
    return verb.dep_ in ("xcomp", "advcl") and any(c.tag_ == "TO" for c in verb.children)


def percentage(token: Any) -> str:
    """The percentage written before the noun, as in "65%" of "its 65% stake" or of "65% of X" (the
    noun "%"), or ""."""
    words = [w for w in token.subtree if w.i <= token.i and (w.like_num or w.text == "%")]
    said = "".join(w.text for w in words)
    return said if said.endswith("%") and said[:-1] else ""


def compounded(token: Any) -> list[Any]:
    """The token with the words compounded with it, in order ("Quarry Labs AS")."""
    words = [token]
    for c in token.children:
        if c.dep_ == "compound":
            words += compounded(c)
    return sorted(words, key=lambda w: w.i)


def _asked_role(doc: Any) -> str:
    """The role a "who is" question asks for: the common noun the copula equates with "who", with
    its modifiers ("Who is Vantor's chief financial officer?": "chief financial officer")."""
    wh = next((t for t in doc if t.lower_ == "who" and t.head.lemma_ == "be"), None)
    if wh is None:
        return ""
    # (an acronym the model takes for a name, "the CEO", is a role unless it is typed as one, or
    # held by someone: "their CFO", "the CFO of X", which the model may type as a company)
    noun = next(
        (
            t
            for t in wh.head.children
            if t.dep_ in ("attr", "nsubj")
            and t != wh
            and (
                t.pos_ == "NOUN"
                or (
                    t.pos_ == "PROPN"
                    and t.text.isupper()
                    and (
                        not t.ent_type_
                        or any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in t.children)
                    )
                )
            )
        ),
        None,
    )
    if noun is None:
        return ""
    words = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN")]
    return " ".join(t.text for t in sorted([*words, noun], key=lambda t: t.i))


def role_words(role: Any) -> list[Any]:
    """The words of a role's noun phrase, in order: the noun and its modifiers but names ("chief
    financial officer" of "Vantor's chief financial officer")."""
    modifiers = [c for c in role.children if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN"]
    return sorted([*modifiers, role], key=lambda w: w.i)


def _roles(doc: Any) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """The roles the question gives people: a noun in apposition with a person's name, or the one
    a verb's subject acts "as", held by the name its possessive or modifier gives ("Vantor's chief
    executive Maria Okeke", "Maria Okeke, Vantor's chief executive", "Why did Maria Okeke remain
    as Vantor's chief executive?")."""

    def span(token: Any) -> str:
        run = " ".join(w.text for w in [*(w for w in token.lefts if w.dep_ == "compound"), token])
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        # (without the possessive the model may take into the name: "Orvik Steel's")
        return entity[: -1 if entity[-1].dep_ == "case" else None].text if entity is not None else run

    def acting(verb: Any) -> Any:
        """Who acts as the role: the verb's object, or its passive subject ("name X as", "X was named
        as"), else its subject, or that of the verb it completes ("X agreed to remain as")."""
        done = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if done is not None:
            return done
        while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "xcomp":
            verb = verb.head
        return next((c for c in verb.children if c.dep_ == "nsubj"), verb)

    found = []
    for t in doc:
        if t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.pos_ == "VERB":
            # (a name that acts as a role is a person's, whatever type the model gives it)
            person, role, named = acting(t.head.head), t, True
        elif t.dep_ == "appos":
            person, role = (t, t.head) if t.ent_type_ == "PERSON" else (t.head, t)
            named = person.ent_type_ == "PERSON"
        else:
            continue
        holder = next((c for c in role.children if c.dep_ in ("poss", "nmod", "compound") and c.pos_ == "PROPN"), None)
        if not (named and person.pos_ == "PROPN") or role.pos_ != "NOUN" or holder is None:
            continue
        words = role_words(role)
        found.append(
            (span(person), span(holder), " ".join(w.text for w in words), tuple(stem(w.lemma_.lower()) for w in words))
        )
    return tuple(found)


def _sides(doc: Any, names: list[str]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], tuple[str, ...]]:
    """The names of each of two phrases the question sets against each other with "or", the
    phrases, and the stem of the common noun each is headed by ("Which was signed first, Vantor's
    lease with Quarry or Orwin's loan?": ("Vantor", "Quarry") and ("Orwin",); "leas" and "loan"),
    or ((), (), ()) when it compares none. The phrases are read off the text: the one after "or" to
    the end, the one before it back to a comma or colon (the model's parse of two possessive
    phrases joins the wrong words); else the parse's two conjuncts."""
    for bar in (t for t in doc if t.dep_ == "cc" and t.lower_ == "or"):
        # (a comma right before "or" ends the first phrase: "..., the fee A owes B, or the fee ...")
        end = bar.i - 1 if bar.i > 0 and doc[bar.i - 1].is_punct else bar.i
        # (a mark followed by a space: not the hyphen of "Vantor-Quarry", nor the apostrophe of
        # "Tovik Foods' bid"; the parse need not join the two phrases as conjuncts)
        mark = next((w.i for w in reversed(doc[:end]) if w.is_punct and w.whitespace_ and w.tag_ != "POS"), None)
        conj = next((c for c in bar.head.children if c.dep_ == "conj"), None)
        if mark is not None:
            phrases = (doc[mark + 1 : end], doc[bar.i + 1 :])
        elif conj is not None:
            phrases = (doc[bar.head.left_edge.i : bar.i], doc[conj.left_edge.i : conj.right_edge.i + 1])
        else:
            continue
        texts = tuple(p.text.strip(" ?.!") for p in phrases)
        # (by tokens and by words: "Kerr" of "Kerr's", "Vantor-Quarry" of three tokens)
        sides = tuple(
            tuple(n for n in names if set(n.split()) <= {w.text for w in p} | set(p.text.split())) for p in phrases
        )
        if all(sides) and not set(sides[0]) & set(sides[1]):
            return sides, texts, tuple(_head_noun(p, names) for p in phrases)
    return (), (), ()


def _head_noun(phrase: Any, names: list[str]) -> str:
    """The stem of the last noun of the phrase's first run of common nouns ("fee" of "the reverse
    termination fee Kallby would owe"), read off the tags (the parse of two phrases set against each
    other often joins the wrong words; a name the model tags a noun is none), or ""."""
    named = {w for n in names for w in n.split()}

    def common(t: Any) -> bool:
        return bool(t.pos_ == "NOUN" and t.text not in named)

    for t in phrase:
        if common(t) and (t.i + 1 >= phrase.end or not common(t.doc[t.i + 1])):
            return stem(t.lemma_.lower())
    return ""


def _order(doc: Any) -> str:
    """The question's ordinal or superlative ("first", "earliest"; "most recently" for "most"), else
    an adverb (the model does not always see "reported it first" as an ordinal)."""
    for t in doc:
        if t.ent_type_ == "ORDINAL" or t.tag_ == "JJS":
            return str(t.text)
        if t.tag_ == "RBS" and t.head.i == t.i + 1:
            return f"{t.text} {t.head.text}"
    return next((str(t.text) for t in doc if t.tag_ == "RB" and t.dep_ == "advmod"), "")


def _verbal(token: Any) -> bool:
    """Whether the word is a verb, or one the model tagged otherwise though an auxiliary attaches to it
    ("When did the round close?": "close" read as an adverb; "Why did the regulator block ...")."""
    auxiliary = any(c.dep_ == "aux" for c in token.children)
    return token.pos_ == "VERB" or (token.pos_ in ("NOUN", "ADJ", "ADV") and auxiliary)


def _rating(doc: Any, subject: Any) -> Any:
    """The adjective that ends the question after its subject, saying what of it is measured
    ("worth" of "How much is the deal worth?"), however the model attaches or tags it (a modifier it
    reads as a noun: "... contract with Kallby worth"), or None."""
    last = next((t for t in reversed(doc) if not t.is_punct), None)
    if last is None or last.i <= subject.i:
        return None
    return last if last.pos_ == "ADJ" or last.dep_ in ("amod", "acomp") else None


def _naming_verb(wh: Any) -> Any:
    """The verb a "what" is the name given by, as its object predicate ("What will the group be
    called?"), or as the thing "is" equates with a participle said of nothing else ("What is the
    venture called?", which the parser reads either with "is" helping "called" or with "called"
    said of the venture), or None."""
    if wh.dep_ == "oprd":
        return wh.head
    if wh.dep_ != "attr" or wh.head.lemma_ != "be":
        return None
    if wh.head.dep_ == "auxpass":
        said = [wh.head.head]
    else:
        subject = next((t for t in wh.head.children if t.dep_ == "nsubj"), None)
        said = [t for t in (subject.children if subject is not None else ()) if t.dep_ == "acl"]
    return next(
        (
            t
            for t in said
            if t.tag_ in ("VBN", "VBD")
            and all(c.is_punct or c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in t.children)
        ),
        None,
    )


def _be_noun(wh: Any) -> Any:
    """The noun a "what" is equated with by "be" ("What is Quarry's revenue?"), or None."""
    head = wh.head
    if wh.dep_ not in ("nsubj", "attr") or head.lemma_ != "be":
        return None
    return next((t for t in head.children if t.dep_ in ("nsubj", "attr") and t.i != wh.i and t.pos_ == "NOUN"), None)


def actor(act: Any) -> frozenset[str]:
    """The stems of the proper nouns that name the act's subject ("Kallby" of "will Kallby
    shareholders own"; not those of a clause about it), or for a pronoun or none, those of the
    subject of the act it is said in ("Kallby said it would own ...", "Kallby agreed to buy ...")."""
    subject = next((t for t in act.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    while act is not None and (subject is None or subject.pos_ == "PRON"):
        act = next((t for t in act.ancestors if t.pos_ in ("VERB", "AUX")), None)
        subject = next((t for t in act.children if t.dep_ in ("nsubj", "nsubjpass")), None) if act else None
    if subject is None:
        return frozenset()
    words = [*compounded(subject), *(w for t in subject.children if t.dep_ == "poss" for w in compounded(t))]
    # (the model may tag a name it has not seen as a common noun: capitalised inside, it is a name)
    return frozenset(stem(t.lower_) for t in words if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i))


def _subject_of(asked: Any) -> str:
    """The stem of the verb whose subject the question word (or its noun) is, or ""."""
    if asked is None or asked.dep_ != "nsubj" or asked.head.pos_ != "VERB":
        return ""
    # (not where the verb has another subject before it: "Which company did X hire?", which the
    # parser may read with two)
    if any(t.dep_ == "nsubj" and asked.i < t.i < asked.head.i for t in asked.head.children):
        return ""
    return stem(asked.head.lemma_.lower())


def _acted_on(asked: Any) -> frozenset[str]:
    """The stems of the words of the object of the verb whose subject the question word is."""
    if not _subject_of(asked):
        return frozenset()
    done = next((t for t in asked.head.children if t.dep_ == "dobj"), None)
    return frozenset(stem(t.lower_) for t in compounded(done)) if done is not None else frozenset()


def _part_of(amount: Any) -> frozenset[str]:
    """The stems of the common nouns, adjectives and verbs of the amount's "of" object ("much of the
    bond proceeds"), or of the noun it counts ("many tonnes of the grain bought by X")."""
    counted = [amount.head] if amount.dep_ == "amod" and amount.head.pos_ == "NOUN" else []
    wholes = (
        o
        for t in (amount, *counted)
        for of in t.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for o in of.children
    )
    return frozenset(
        stem(w.lemma_.lower())
        for o in wholes
        if o.dep_ == "pobj"
        for w in o.subtree
        if w.pos_ in ("NOUN", "ADJ", "VERB")
    )


def _whole(noun: Any) -> str:
    """The stem of the head of the noun's "of"/"in" object, or of its verb's "in" object."""
    for t in (*noun.children, *noun.head.children):
        if t.dep_ == "prep" and t.lower_ in ("of", "in") and (t.head == noun or t.lower_ == "in"):
            whole = next((o for o in t.children if o.dep_ == "pobj"), None)
            if whole is not None:
                return stem(whole.lemma_.lower())
    return ""


def _wh_noun(wh: Any) -> Any:
    """The noun a "which"/"what" asks for ("which state", "in which town"), or None. The model
    does not always attach the two ("In which town is ...": "which" as an object of "In")."""
    if wh.dep_ == "det" and wh.head.pos_ in ("NOUN", "PROPN"):
        return wh.head
    # ("which of the two banks": the last noun the "of" takes, as the parse may split a hyphened one)
    wholes = [w for of in wh.children if of.lower_ == "of" for w in of.children if w.dep_ == "pobj"]
    if wholes and wholes[-1].pos_ == "NOUN":
        return wholes[-1]
    after = wh.nbor() if wh.i + 1 < len(wh.doc) else None
    # (past its modifiers: "Which South African rail operator")
    while after is not None and after.dep_ in ("compound", "amod") and after.head.i > after.i:
        after = after.head
    return after if after is not None and after.pos_ in ("NOUN", "PROPN") else None


_CODE = re.compile(r"[A-Z][A-Za-z]*-\w*\d\w*")  # "BRW-2", "KF-417"


def _third_person(verb: str) -> str:
    """The verb's present third-person singular, by the regular rule ("sells", "supplies",
    "finances")."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _camel(word: str) -> bool:
    return word[:1].islower() and any(ch.isupper() for ch in word)


def _names(doc: Any, is_word: Callable[[str], bool]) -> list[str]:
    """Names in the question: the model's named entities, and runs of capitalised words after the
    first word, or from it where the tagger reads it as a proper noun and it is no word of the
    language, as in a query of keywords ("Orrin Terminals seller"; not "Buyer of Orrin Terminals")
    (the model misses names it has not seen, typed in a question)."""
    # (a model's span holding lowercase words or a possessive is cut into its names: "Plant 2 to
    # Vantor", "Vantor's Plant 2", "Orsk Foods' Series B")
    found = [
        run
        for e in doc.ents
        if e.label_ in NAME_TYPES
        # (without a determiner the model took into the span: "the Pellbrook-Vantor (contract)")
        for run in re.split(r"\s+(?:[a-z][\w'-]*\s+)+|['’]s?\s+", (e[1:] if e[0].pos_ == "DET" else e).text)
        if any(ch.isupper() for ch in run)
    ]
    run: list[str] = []
    for t in [*doc, None]:
        # (a name may start lower-case with capitals inside it: "xAI", "eBay")
        opens = t is not None and (t.i > 0 or (t.pos_ == "PROPN" and not is_word(t.lower_))) and t.text[:1].isupper()
        if t is not None and t.is_alpha and (opens or _camel(t.text)):
            run.append(t.text)
            continue
        if t is not None and run and t.like_num and t.i > 0 and t.ent_type_ != "DATE":
            run.append(t.text)  # a model number: "Plant 2" (not a year: "Orsk 2026 sales")
            continue
        if run:
            name = " ".join(run)
            # the longer of two overlapping readings: "Orwin Foundry", not the model's "Foundry"
            found = [f for f in found if fold(f) not in fold(name)]
            if not any(fold(name) in fold(f) for f in found):
                found.append(name)
            run = []
    return [re.sub(r"['’]s$", "", n) for n in found if fold(n) not in STOPWORDS]


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


# "Is it A or B?": a yes/no question offering two alternatives ("or not" offers none).
_CHOICE = re.compile(
    r"^\s*(?P<left>(?:is|are|was|were|does|do|did|will|would|has|have|had|can|could|should)\b.+?)"
    r"\s+or\s+(?!not\b)(?P<right>.+?)[\s?.!]*$",
    re.I,
)


def alternatives(question: str) -> tuple[str, str] | None:
    """The two alternatives of an "A or B?" question, or None.

    Example:
        >>> alternatives("Is Vantor leasing Plant 2 or buying it?")
        ('Is Vantor leasing Plant 2', 'buying it')
    """
    m = _CHOICE.match(question)
    return (m["left"], m["right"]) if m else None
