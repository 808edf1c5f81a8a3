"""The facade every surface uses: ask, stream, search, ingest, stats."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hashlib
import logging
import os
import re
import tempfile
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import numpy as np

from .answering.extractive import Draft, ExtractiveAnswerer
from .answering.questions import NAME_TYPES, PLACE_TYPES, Question, alternatives, fix_question_word
from .cache import ChunkCache
from .card import FIELDS, MAX_EXAMPLES, CorpusCard, candidate_questions, derived, leading_names, read_manifest
from .corpus import SUPPORTED
from .embedding import Embedder
from .errors import BusyError, DealQAError, EmptyStoreError, InputError, LoadError, StoreError
from .metadata import human_date, parse_date
from .retrieval import BM25Index, HybridRetriever
from .rewrite import about_thing, condense, is_follow_up, name_type, resolve
from .settings import Settings
from .store import SCHEMA, ArticleRecord, VectorStore
from .types import Answer, Article, Citation, Filters, Hit

if TYPE_CHECKING:
    from .answering.generative import GenerativeAnswerer
    from .ingest import IngestReport, Progress

log = logging.getLogger(__name__)
_MAX_HISTORY_TURNS = 10
# How often a long-lived process reads the store's version stamp to notice another process's ingest.
_SYNC_S = 0.5
History = Sequence[str | dict[str, Any]]
Upload = tuple[str, "IO[bytes] | bytes"]
T = TypeVar("T")
_WEB = ("http://", "https://")
# The derived card reads the newest articles' opening passages, and asks three questions about each
# of the leading parties.
_CARD_ARTICLES = 200
_CARD_NAMES = 4
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class UploadPolicy:
    """What a user may add through a server (the UI and ``POST /v1/ingest`` alike): the file types,
    the size of one file and of one request, how many URLs and feeds at once, and how an upload is
    named so its id never collides with a file on disk.

    Example:
        >>> policy = Assistant().uploads
        >>> policy.types[:2], policy.stored_name("../../Q3 deal!.md")
        (('.md', '.markdown'), 'upload-q3-deal.md')
    """

    types: tuple[str, ...]
    max_file_bytes: int
    max_files: int = 20
    max_urls: int = 50
    max_url_chars: int = 2000

    @property
    def max_request_bytes(self) -> int:
        """The body limit of an upload request (the guard counts it as it arrives)."""
        return self.max_file_bytes * 4

    @property
    def label(self) -> str:
        """The types as a person reads them: ``md, markdown, txt, ...``."""
        return ", ".join(t.lstrip(".") for t in self.types)

    @staticmethod
    def shown_name(raw_name: str | None) -> str:
        """The name a client gave, without folders or control characters (what reports show)."""
        name = _printable(str(raw_name or "upload").replace("\\", "/").rsplit("/", 1)[-1])[:200]
        return name or "upload"

    def refusal(self, name: str) -> str | None:
        """Why a file of this name is not accepted (None when its type is)."""
        suffix = Path(name).suffix.lower()
        if suffix not in self.types:
            return f"unsupported file type {suffix or '(none)'!r}; use {', '.join(self.types)}"
        return None

    def stored_name(self, raw_name: str | None) -> str:
        """The file name an upload is kept under: ``upload-<slug><suffix>``."""
        from .corpus import slugify

        name = self.shown_name(raw_name)
        return f"upload-{slugify(Path(name).stem)}{Path(name).suffix.lower()}"


@dataclass(frozen=True)
class ArticleInfo:
    """An article as a client may see it listed: ``source`` is a URL, or a file relative to the
    corpus or data folder (never a server path); ``copy_of`` names the story a copy was merged into."""

    id: str
    title: str
    outlet: str
    published: str
    author: str
    url: str
    chunks: int
    source: str
    copy_of: str = ""


class Assistant:
    """Question answering with exact citations over the articles in the store.

    Opening it ingests ``settings.corpus_dir`` when the store is empty.

    Example:
        >>> assistant = Assistant()
        >>> answer = assistant.ask("When was the deal signed?")
        >>> answer.citations[0].quote
        'SpaceX signed a deal on May 6, 2026 [1], to lease its Colossus 1 ...'
    """

    def __init__(self, settings: Settings | None = None, *, auto_ingest: bool = True, **overrides: Any) -> None:
        self.settings = settings.model_copy(update=overrides) if settings else Settings(**overrides)
        self.store = VectorStore(self.settings)
        self.embedder = Embedder(
            self.settings.embedding_model,
            self.settings.embedding_batch_size,
            self.settings.embedding_backend,
            self.settings.model_cache_dir,
        )
        self.cache = ChunkCache(
            self.store, self.settings.data_dir / "cache" / self.settings.collection, self.embedder.encode
        )
        self.bm25 = BM25Index(self.cache, self.settings.data_dir / "bm25" / self.settings.collection)
        self.retriever = HybridRetriever(
            self.store,
            self.cache,
            self.embedder,
            self.bm25,
            self.settings.candidates,
            weights=self.settings.ranker_weights,
        )
        self.extractive = ExtractiveAnswerer(
            self.bm25, self.embedder.encode, self.settings.min_score, self.embedder.knows_word
        )
        self.answerer: ExtractiveAnswerer | GenerativeAnswerer = self.extractive
        if self.settings.llm:
            # Imported here: the extractive path (and a cold `dealqa ask`) never loads LangChain's models.
            from .answering.generative import GenerativeAnswerer
            from .answering.llm import resolve_llm
            from .answering.verify import Verifier

            llm = resolve_llm(
                self.settings.llm, base_url=self.settings.llm_base_url, timeout_s=self.settings.llm_timeout_s
            )
            verifier = Verifier(self.embedder.encode, self.settings.min_similarity)
            self.answerer = GenerativeAnswerer(
                llm, self.settings.llm, self.extractive, verifier, verify=self.settings.verify
            )
        self._sync_lock = threading.Lock()
        self._synced_at = 0.0
        self._version: str | None = None
        self._unfinished = ""
        self._feedback: Any = None
        self.uploads = UploadPolicy(SUPPORTED, self.settings.max_file_bytes)
        self._answers: OrderedDict[tuple[Any, ...], Answer] = OrderedDict()
        self._answers_lock = threading.Lock()
        self._pools: dict[str, ThreadPoolExecutor] = {}
        self._pool_lock = threading.Lock()
        # per store version: the derived card, the parties it names, its example questions (once asked)
        self._card: tuple[str | None, CorpusCard, list[str], tuple[str, ...] | None] | None = None
        self._index_loaded = False
        self._card_lock = threading.Lock()
        if auto_ingest and self.store.schema < SCHEMA:
            self.migrate()
        if auto_ingest and self.store.count() == 0 and self.settings.corpus_dir.is_dir():
            self.ingest([self.settings.corpus_dir])

    @classmethod
    def open(cls, *, auto_ingest: bool = True, rebuild: bool = False, **options: Any) -> Assistant:
        """An assistant as a command starts one: settings from the ``DEALQA_*`` environment with the
        ``options`` given over them (an option of None was not given). ``rebuild`` first deletes an
        embedded store's files, even a store too damaged to open, for ``ingest(rebuild=True)``.

        Example:
            >>> assistant = Assistant.open(data_dir=None, corpus_dir=Path("articles"))
        """
        settings = cls.configure(**options)
        if rebuild:
            VectorStore.wipe(settings)
        return cls(settings, auto_ingest=auto_ingest)

    @staticmethod
    def configure(**options: Any) -> Settings:
        """Settings from the ``DEALQA_*`` environment, with the options that are not None over them."""
        return Settings(**{key: value for key, value in options.items() if value is not None})

    # -- questions -----------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: History | None = None,
        *,
        article_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> Answer:
        """Answer a question (and follow-ups, given the earlier user turns) with citations; ``since``,
        ``until`` (ISO dates, inclusive) and ``outlet`` limit the articles read."""
        for item in self.stream(question, history, article_id=article_id, since=since, until=until, outlet=outlet):
            if isinstance(item, Answer):
                return item
        raise AssertionError("stream() ends with an Answer")

    def stream(
        self,
        question: str,
        history: History | None = None,
        *,
        article_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> Iterator[str | Answer]:
        """Text as it becomes ready (verified sentences, for an LLM), then the finished :class:`Answer`."""
        yield from self._stream(question, history, article_id, self.filters(since, until, outlet), self.answerer)

    def _stream(
        self,
        question: str,
        history: History | None,
        article_id: str | None,
        filters: Filters | None,
        answerer: ExtractiveAnswerer | GenerativeAnswerer,
    ) -> Iterator[str | Answer]:
        started = time.perf_counter()
        question, turns = self.check(question, history)
        key = self._answer_key(question, turns, article_id, filters, answerer)
        cached = self._cached_answer(key)
        if cached is not None:
            yield cached.text
            spent = (time.perf_counter() - started) * 1000
            yield dataclasses.replace(cached, timings={**dict.fromkeys(cached.timings, 0.0), "total_ms": spent})
            return
        # Before spaCy reads the question: a cold process builds the model's session meanwhile.
        self.embedder.load()
        asked = self._corrected(question)  # what is searched and answered; the Answer keeps the original
        asked, unresolved = self._resolved(asked, turns, article_id, filters)
        # The question's vector on another core while spaCy reads it (onnxruntime releases the GIL).
        ahead = self._threads("embed").submit(self.embedder.encode, [asked])
        if not self._index_loaded:  # ...and Chroma loads its index meanwhile, once per process
            self._index_loaded = True
            self._threads("embed").submit(lambda: self.store.load_index(ahead.result()[0]))
        parsed = self.extractive.reader.read(asked)
        if turns and not parsed.names and is_follow_up(asked):
            # "Where is its factory?": a follow-up that names no one is answered from the articles
            # about what the turn before named (no short answer when it points at a name no answer gave)
            earlier = self.extractive.reader.read(turns[-1])
            parsed = dataclasses.replace(parsed, earlier_names=earlier.names, unresolved=unresolved)
        queries = self._queries(asked, turns, parsed)
        standalone = answerer.rewrite(asked, turns)
        if standalone and standalone not in queries:
            queries.append(standalone)
        rewritten = time.perf_counter()
        known = {asked: ahead.result()[0]}
        rest = [q for q in queries if q not in known]
        known.update(zip(rest, self.embedder.encode(rest), strict=True))
        vectors = np.stack([known[q] for q in queries])
        retrieval = self._retrieve(
            queries, self.settings.top_k, article_id, parsed.types, filters=filters, vectors=vectors
        )
        retrieved = time.perf_counter()
        draft = None
        for item in answerer.stream(parsed, queries[0], retrieval):
            if isinstance(item, Draft):
                draft = item
            else:
                yield item
        assert draft is not None
        done = time.perf_counter()
        answer = Answer(
            question=question,
            text=draft.text,
            citations=self.attributed(draft.citations),
            abstained=draft.abstained,
            hits=retrieval.hits,
            timings={
                "rewrite_ms": (rewritten - started) * 1000,
                "retrieve_ms": (retrieved - rewritten) * 1000,
                "answer_ms": (done - retrieved) * 1000,
                "total_ms": (done - started) * 1000,
            },
            answerer=answerer.name,
            removed_claims=draft.removed_claims,
            draft_sentences=draft.draft_sentences,
            fallback=draft.fallback,
            short=draft.short,
        )
        self._keep_answer(key, answer)
        yield answer

    # -- answers asked again, and the threads answers run on -----------------------------------
    def _answer_key(
        self,
        question: str,
        turns: list[str],
        article_id: str | None,
        filters: Filters | None,
        answerer: ExtractiveAnswerer | GenerativeAnswerer,
    ) -> tuple[Any, ...] | None:
        """What an extractive answer depends on, the store version included (None: not kept, as an
        LLM's answer, which a user asking again expects drawn again)."""
        if answerer is not self.extractive or not self.settings.answer_cache_size or self._version is None:
            return None
        return (self._version, question, tuple(turns), article_id, filters)

    def _cached_answer(self, key: tuple[Any, ...] | None) -> Answer | None:
        if key is None:
            return None
        with self._answers_lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def _keep_answer(self, key: tuple[Any, ...] | None, answer: Answer) -> None:
        if key is None or key[0] != self._version:  # the store changed while it was answered
            return
        with self._answers_lock:
            if key[0] != self._version:
                return
            self._answers[key] = answer
            while len(self._answers) > self.settings.answer_cache_size:
                self._answers.popitem(last=False)

    def _forget_answers(self) -> None:
        with self._answers_lock:
            self._answers.clear()

    async def off_loop(self, work: Callable[[], T]) -> T:
        """Run ``work`` (an answer, a search) on this assistant's answer threads, as many as the
        machine has cores, and await it: answering is CPU-bound, and a server's event loop stays
        free for health checks, the UI and MCP while every core answers.

        Example:
            >>> answer = await assistant.off_loop(lambda: assistant.ask("Who signed?"))
        """
        return await asyncio.get_running_loop().run_in_executor(self._threads("answer"), work)

    def _threads(self, role: str) -> ThreadPoolExecutor:
        """The threads of a role ("answer", "embed"), as many as the cores, started on first use."""
        if role not in self._pools:
            with self._pool_lock:
                if role not in self._pools:
                    workers = os.cpu_count() or 2
                    self._pools[role] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"dealqa-{role}")
        return self._pools[role]

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        article_id: str | None = None,
        history: History | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> list[Hit]:
        """The ``k`` best passages for a query (hybrid dense + BM25), as ``ask`` retrieves them."""
        if not 1 <= k <= 50:
            raise InputError(f"k must be between 1 and 50, got {k}")
        filters = self.filters(since, until, outlet)
        cleaned, turns = self.check(query, history)
        asked = self._corrected(cleaned)
        parsed = self.extractive.reader.read(asked)
        queries = self._queries(asked, turns, parsed)
        return list(self._retrieve(queries, k, article_id, parsed.types, filters=filters).hits)

    def attributed(self, citations: Sequence[Citation]) -> tuple[Citation, ...]:
        """The citations with their article's metadata (outlet, date, author, URL, source) and the
        outlets of the copies merged into its story ("also in"), read from the cache of the store."""
        sources = self.cache.snapshot().story_sources([c.article_id for c in citations])
        attributed = []
        for citation in citations:
            found = sources.get(citation.article_id)
            if found is None:
                attributed.append(citation)
                continue
            record, copies = found
            also_in = tuple(
                dict.fromkeys(c.metadata.get("outlet") or self.shown_source(c.source) or c.id for c in copies)
            )
            attributed.append(
                dataclasses.replace(
                    citation,
                    published=record.metadata.get("published", ""),
                    outlet=record.metadata.get("outlet", ""),
                    author=record.metadata.get("author", ""),
                    url=record.metadata.get("url", ""),
                    source=self.shown_source(record.source),
                    also_in=also_in,
                )
            )
        return tuple(attributed)

    @staticmethod
    def filters(since: str | None, until: str | None, outlet: str | None) -> Filters | None:
        """Checked filters (an unreadable date names itself), or None when there are none; every
        surface's ``since``, ``until`` and ``outlet`` go through here."""
        dates = []
        for name, value in (("since", since), ("until", until)):
            text = str(value or "").strip()
            if len(text) > 100 or text_problem(text):
                raise InputError(f"{name} must be a date like 2026-05-06")
            parsed = parse_date(text) if text else ""
            if text and not parsed:
                raise InputError(f"{name} must be a date like 2026-05-06, got {value!r}")
            dates.append(parsed)
        if dates[0] and dates[1] and dates[0] > dates[1]:
            raise InputError(f"since ({dates[0]}) is after until ({dates[1]}): no article can match")
        shown_outlet = _printable(str(outlet or ""))
        if len(shown_outlet) > 200 or text_problem(str(outlet or "")):
            raise InputError("outlet must be an outlet's name (at most 200 characters), such as Reuters")
        filters = Filters(dates[0], dates[1], shown_outlet)
        return filters or None

    def _queries(self, question: str, turns: list[str], parsed: Question) -> list[str]:
        """A follow-up is searched as it is and with its context: either may find the passage; each
        alternative of an "A or B?" question is searched on its own too, and so is each side of a
        comparison (the question without the other side's phrase)."""
        query = condense(question, turns)
        queries = [question] if query == question else [query, question]
        sides = [question.replace(other, " ") for other in reversed(parsed.side_phrases)]
        return queries + list(alternatives(question) or ()) + sides

    def _resolved(
        self, question: str, turns: list[str], article_id: str | None, filters: Filters | None
    ) -> tuple[str, bool]:
        """A follow-up about the name the earlier question asked for ("When did he join?" after "Who
        runs Vantor?") with that name, as the articles answer it, in place of the word that points
        back. The earlier answer is the extractive one: what the articles state, whatever drafts.
        Also whether the follow-up points back at a name that answer did not give."""
        if not turns or not is_follow_up(question):
            return question, False
        earlier = self._corrected(turns[-1])
        parsed = self.extractive.reader.read(earlier)
        # it asked for no name, or for a place: "it" is what it asked about, and where that is no
        # name, the thing it names ("Who will chair it?" after "What will the merged group be
        # called?" asks who will chair the merged group)
        about = (None if parsed.names else about_thing(question, earlier)) or question, False
        if not _asks_name(parsed) and not parsed.noun:
            return about
        queries = self._queries(earlier, turns[:-1], parsed)
        retrieval = self._retrieve(queries, self.settings.top_k, article_id, parsed.types, filters=filters)
        draft = self.extractive.answer(parsed, queries[0], retrieval)
        typed = name_type(draft.short, draft.citations[0].quote) if draft.short and draft.citations else ""
        # (a run of capitals the model gave no type is a name only as one of the parties "which of
        # the NOUN" asks among: "Term Loan B" is no party a pronoun stands for)
        typed = "" if typed == "NAME" and not parsed.partitive else typed
        # (a "which NOUN" declined asked for a name not known; "What synergies ...?" for none)
        if not _asks_name(parsed) and typed not in NAME_TYPES and not (draft.abstained and "which" in parsed.words):
            return about  # a "which NOUN" answered by no name, or by a quote alone: no name to put in
        if draft.abstained or not draft.short or draft.finding:
            # no one name to put in: a word that would stand for it stands for an unknown one
            return question, any(resolve(question, "X", person=person) for person in (False, True))
        # (with the noun asked where the name modifies it: "the Kaldvik depot", not the town)
        named = f"{draft.short} {parsed.kind}"
        name = f"the {named}" if parsed.noun and named.lower() in draft.citations[0].quote.lower() else draft.short
        return resolve(question, name, person=typed == "PERSON", earlier=earlier) or question, False

    def _corrected(self, question: str) -> str:
        """The question with a mistyped question word fixed and its misspelt words replaced by the
        corpus's nearest terms."""
        question = fix_question_word(question)
        return self.bm25.corrected(question, self.embedder.knows_word) or question

    def warm_up(self) -> None:
        """Load the model, the vector index and the BM25 index now, so a server's first answer is as
        fast as the rest."""
        self.store.load_index(self.embedder.encode(["warm up"])[0])
        self._index_loaded = True
        self.bm25.refresh(force=True)

    # -- what the corpus is called --------------------------------------------------------------
    def card(self, *, examples: bool = False) -> CorpusCard:
        """What the surfaces call the corpus (title, description, greeting, placeholder): each field
        from the Settings, else from the corpus folder's ``corpus.toml``, else derived from the
        articles (once per store version). ``examples``: with example questions too, derived when
        neither gives them: questions about the leading parties that the extractive answerer
        answers (the chat UI asks for them; a description fixed when a server starts does not). A
        store that cannot be read yet gets the card of no articles, kept for nothing."""
        given = self._given_card()
        if given.keys() >= set(FIELDS) - ({"examples"} if not examples else set()):
            return dataclasses.replace(derived(0, [], "", ""), **_card_fields(given))
        try:
            self.sync(require_complete=True)
            version = self._version
            with self._card_lock:
                if self._card is None or self._card[0] != version:
                    self._card = (version, *self._derived_card(), None)
                _, card, names, answered = self._card
                if examples and "examples" not in given and answered is None:
                    answered = self._answered([self._candidate_answer(q) for q in candidate_questions(names)])
                    self._card = (version, card, names, answered)
                card = dataclasses.replace(card, examples=answered or ())
        except DealQAError as exc:
            log.info("the corpus card is not derived from the articles: %s", exc)
            card = derived(0, [], "", "")
        return dataclasses.replace(card, **_card_fields(given))

    def _given_card(self) -> dict[str, Any]:
        """The card's fields the Settings give, over those of the corpus folder's ``corpus.toml``."""
        s = self.settings
        given = {
            "title": s.chat_title,
            "description": s.corpus_description,
            "greeting": s.chat_greeting,
            "placeholder": s.chat_placeholder,
            "examples": s.chat_examples,
        }
        try:
            manifest = read_manifest(s.corpus_dir)
        except LoadError as exc:
            log.warning("%s; the chat's title and examples are derived from the articles instead", exc)
            manifest = {}
        return {**manifest, **{k: v for k, v in given.items() if v is not None}}

    def _derived_card(self) -> tuple[CorpusCard, list[str]]:
        """The card the articles give, and the parties they lead with (read from the newest
        articles' opening passages, so a store of years of news reads no more than a small one)."""
        listed = self.catalogue()  # newest first
        snapshot = self.cache.snapshot()
        names = leading_names(snapshot.lede(a.id) for a in listed[:_CARD_ARTICLES] if not a.copy_of)
        days = sorted(a.published for a in listed if a.published)
        first, last = (human_date(days[0]), human_date(days[-1])) if days else ("", "")
        return derived(len(listed), names, first, last), names[:_CARD_NAMES]

    def _candidate_answer(self, question: str) -> tuple[str, Answer]:
        """An example question and its extractive answer (never an LLM's: the card costs no calls)."""
        *_, answer = self._stream(question, None, None, None, self.extractive)
        assert isinstance(answer, Answer)
        return question, answer

    @staticmethod
    def _answered(asked: list[tuple[str, Answer]]) -> tuple[str, ...]:
        """The questions the articles answer, those with a short answer first (they show best what
        the assistant does)."""
        answered = sorted((a for a in asked if not a[1].abstained), key=lambda a: not a[1].short)
        return tuple(q for q, _ in answered[:MAX_EXAMPLES])

    # -- LangChain -----------------------------------------------------------------------------
    def as_retriever(
        self,
        k: int = 5,
        article_id: str | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> Any:
        """A LangChain ``BaseRetriever`` over the store (``since``/``until``/``outlet`` as in :meth:`search`)."""
        from .langchain_adapters import DealQARetriever

        return DealQARetriever(assistant=self, k=k, article_id=article_id, since=since, until=until, outlet=outlet)

    def as_tool(self) -> Any:
        """A LangChain tool that answers with citations."""
        from .langchain_adapters import as_tool

        return as_tool(self)

    def as_runnable(self) -> Any:
        """The answer chain as a LangChain ``Runnable``."""
        from .langchain_adapters import as_runnable

        return as_runnable(self)

    # -- corpus --------------------------------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[Path | str] | None = None,
        *,
        urls: Sequence[str] = (),
        feeds: Sequence[str] = (),
        allow_private: bool | None = None,
        prune: bool = False,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Bring the store in line with the files under ``paths`` (default: the corpus directory,
        unless URLs or feeds are given), the pages at ``urls`` and the items of ``feeds``.

        A server ingesting on a user's behalf passes ``allow_private=False`` (unless the
        ``allow_private_urls`` setting says otherwise), so no URL reaches loopback or private hosts.
        """
        web = bool(urls or feeds)
        targets = [Path(p) for p in paths] if paths else ([] if web else [self.settings.corpus_dir])
        for path in targets:
            if not path.exists():
                raise InputError(f"no such file or directory: {path}")
        from .ingest import Ingestor  # chunking (NLTK) loads only when something is ingested

        report = Ingestor(self.settings, self.store, self.embedder).run(
            targets,
            urls=urls,
            feeds=feeds,
            allow_private=allow_private,
            prune=prune,
            rebuild=rebuild,
            progress=progress,
        )
        self.bm25.refresh(force=True)
        self._synced_at = 0.0
        self._forget_answers()
        return report

    def ingest_sources(
        self,
        sources: Sequence[str] = (),
        *,
        url_list: Path | None = None,
        feeds: Sequence[str] = (),
        prune: bool = False,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest what a user on this machine names: ``sources`` mixes files, folders and http(s)
        URLs (none: the corpus directory), ``url_list`` is a file of more URLs (one a line, ``#``
        comments), ``feeds`` are RSS or Atom feeds. The user's own URLs may reach loopback and
        private hosts (their machine's pages); a server ingesting for others uses :meth:`ingest`."""
        from .fetch import is_url

        urls = [s for s in sources if is_url(s)]
        files = [Path(s) for s in sources if not is_url(s)]
        if url_list is not None:
            try:
                lines = Path(url_list).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"cannot read the URL list {url_list}: {exc}") from exc
            urls += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        return self.ingest(
            files or None,
            urls=urls,
            feeds=feeds,
            allow_private=True,
            prune=prune,
            rebuild=rebuild,
            progress=progress,
        )

    def migrate(self) -> int:
        """Bring a store written by an older dealqa to this one's schema in place (nothing is
        embedded again), under the ingest lock; returns the chunks migrated (0: nothing to do)."""
        if self.store.schema >= SCHEMA:
            return 0
        from filelock import Timeout

        from .ingest import Ingestor

        try:
            with Ingestor(self.settings, self.store, self.embedder).lock(self.settings.lock_wait_s):
                migrated = self.store.migrate()
        except Timeout as exc:
            raise BusyError(f"another ingest holds {exc.lock_file}; run the command again when it ends") from exc
        self.bm25.refresh(force=True)
        self._synced_at = 0.0
        self._forget_answers()
        return migrated

    def for_corpus(self, corpus: Path) -> Assistant:
        """An assistant with these settings over a store of the files under ``corpus`` alone (as an
        eval dataset names its corpus), kept under the data directory by a hash of the files, so a
        second run reuses it and an edited corpus gets a store of its own."""
        files = sorted(p for p in Path(corpus).rglob("*") if p.is_file() and not p.name.startswith("."))
        digest = hashlib.sha256()
        for path in files:
            digest.update(f"{path.relative_to(corpus)}\x00".encode() + path.read_bytes())
        settings = self.settings.model_copy(
            update={
                "data_dir": self.settings.data_dir / "corpora" / digest.hexdigest()[:16],
                "corpus_dir": Path(corpus),
                "chroma_url": None,
            }
        )
        assistant = Assistant(settings, auto_ingest=False)
        # an older store is migrated first, embedding nothing; stored articles are skipped unless this
        # dealqa stores them otherwise
        assistant.ingest([corpus])
        return assistant

    def articles(self) -> list[ArticleRecord]:
        self.sync(require_complete=True)
        return sorted(self.store.records().values(), key=lambda r: r.id)

    def article(self, article_id: str) -> Article | None:
        self.sync(require_complete=True)
        return self.store.article(article_id)

    def catalogue(self) -> list[ArticleInfo]:
        """Every article as a client may see it listed (newest first, then by title): what the UI's
        Corpus tab, ``dealqa articles list``, ``/v1/articles`` and MCP's ``list_articles`` show."""
        listed = [
            ArticleInfo(
                id=r.id,
                title=r.title,
                outlet=r.metadata.get("outlet", ""),
                published=r.metadata.get("published", ""),
                author=r.metadata.get("author", ""),
                url=r.metadata.get("url", ""),
                chunks=r.chunks,
                source=self.shown_source(r.source),
                copy_of=r.copy_of,
            )
            for r in self.articles()
        ]
        listed.sort(key=lambda a: a.title.lower())
        listed.sort(key=lambda a: a.published, reverse=True)
        return listed

    def remove_article(self, article_id: str) -> IngestReport:
        """Delete one article from the store (its chunks, sentences and record, and an upload's
        file). Copies merged into it are kept: the first becomes the story. A file from a corpus
        folder stays on disk, so ingesting that folder again adds it back (the report says so).

        Raises:
            NotFoundError: no article has this id.
            BusyError: another ingest holds the lock.
        """
        article_id = str(article_id or "").strip()
        if not article_id or len(article_id) > 200 or text_problem(article_id):
            raise InputError("give the id of an article to delete (`dealqa articles list` shows them)")
        self.sync(require_complete=True)
        from .ingest import Ingestor

        report, source = Ingestor(self.settings, self.store, self.embedder).remove(article_id)
        if source:
            path = Path(source)
            uploads = (self.settings.data_dir / "uploads").resolve()
            if not source.lower().startswith(_WEB) and path.resolve().parent == uploads:
                path.unlink(missing_ok=True)
            elif path.exists():
                report.notes.append(
                    f"its file {self.shown_source(source)} is still in the corpus folder: "
                    "ingesting that folder again adds it back"
                )
        self.bm25.refresh(force=True)
        self._synced_at = 0.0
        self._forget_answers()
        return report

    # -- where things are -----------------------------------------------------------------------
    def locations(self) -> dict[str, Any]:
        """The absolute data and corpus folders and whether each exists (a relative setting is read
        against the working directory, which an MCP client or a service picks, not the user)."""
        data_dir, corpus_dir = self.settings.data_dir.resolve(), self.settings.corpus_dir.resolve()
        return {
            "data_dir": str(data_dir),
            "data_dir_exists": data_dir.is_dir(),
            "corpus_dir": str(corpus_dir),
            "corpus_dir_exists": corpus_dir.is_dir(),
        }

    def empty_store_message(self) -> str | None:
        """What to tell the user when the store has no articles (None when it has some)."""
        self.sync()
        self.bm25.refresh()
        if self.bm25.size or self.store.count():
            return None
        where = self.locations()
        store = self.settings.chroma_url or where["data_dir"]
        message = f"No articles in the store at {store}. Add some: dealqa ingest PATH"
        if not where["corpus_dir_exists"]:
            message += f" (the corpus folder ingested on first use, {where['corpus_dir']}, does not exist)"
        return message

    def require_articles(self) -> None:
        """Raise :class:`EmptyStoreError` when there is nothing to answer from: an empty store is a
        state to report, never an abstention ("the articles don't say") over no articles."""
        message = self.empty_store_message()
        if message:
            raise EmptyStoreError(message)

    def stats(self) -> dict[str, Any]:
        articles, copies = self.store.article_count(), self.store.copy_count()
        return {
            "articles": articles,
            # A story is stored once with its chunks; its merged copies (the same text under
            # another name, syndicated versions) are sources of it, without chunks of their own.
            "stories": articles - copies,
            "merged_copies": copies,
            "chunks": self.store.count(),
            **self.locations(),
            "embedding_model": self.embedder.model_name,
            "embedding_backend": self.embedder.backend,
            "store": self.store.mode,
            "store_location": self.store.location,
            "answerer": self.answerer.name,
        }

    # -- freshness: another process may ingest while this one serves -----------------------------
    def sync(self, *, require_complete: bool = False, force: bool = False) -> None:
        """Notice another process's ingest: on a new store version, reopen the store (Chroma keeps
        each process's vector index in memory) and the BM25 index. Reads the stamp at most every
        half second. With ``require_complete``, raise :class:`StoreError` while the last ingest's
        mark says it did not finish and no ingest is running to finish it."""
        if force or time.monotonic() - self._synced_at >= _SYNC_S:
            with self._sync_lock:
                if force or time.monotonic() - self._synced_at >= _SYNC_S:
                    version, self._unfinished = self.store.marks()
                    if self._version is not None and (force or version != self._version):
                        self.store.reopen()
                    if version != self._version:
                        self._forget_answers()
                    if self.store.schema_problem() is None:
                        self.cache.refresh(version)  # so a question reads no stamp of its own
                    self._version = version
                    self._synced_at = time.monotonic()
        problem = self.store.schema_problem()
        if problem:
            raise StoreError(problem)
        if require_complete and self._unfinished:
            message = self.unfinished_message()
            if message:
                raise StoreError(message)

    def unfinished_message(self) -> str | None:
        """What to say when the last ingest into the store was stopped before it finished (None when
        it finished, or while an ingest is running)."""
        if not self._unfinished or self._ingest_running():
            return None
        # The mark read earlier may belong to an ingest that has finished since: read it again.
        self._unfinished = self.store.marks()[1]
        if not self._unfinished:
            return None
        return (
            "the last ingest into this store did not finish, so some articles may be missing or "
            "incomplete; run `dealqa ingest` (with the same paths) to finish it"
        )

    def _ingest_running(self) -> bool:
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.settings.data_dir / "ingest.lock"), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        lock.release()
        return False

    def _retrieve(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return self.retriever.retrieve(*args, **kwargs)
        except StoreError:
            # Another process's ingest removed what a stale index still pointed at: reopen, once.
            self.sync(force=True)
            return self.retriever.retrieve(*args, **kwargs)

    # -- the rest of the front door: uploads, feedback, rebuild, health ---------------------------
    def check(self, question: str, history: History | None = None) -> tuple[str, list[str]]:
        """The question and history as they will be answered, or the :class:`InputError` (or
        :class:`EmptyStoreError`, :class:`StoreError`) that answering would raise: a server checks
        before it starts a stream, so the error gets its own status instead of arriving mid-answer."""
        cleaned = self._clean_question(question)
        turns = self._clean_history(history)
        self.sync(require_complete=True)
        self.require_articles()
        return cleaned, turns

    def ingest_uploads(
        self,
        files: Sequence[Upload] = (),
        progress: Progress | None = None,
        *,
        urls: Sequence[str] = (),
        feeds: Sequence[str] = (),
    ) -> IngestReport:
        """Ingest what a user adds through a server: uploaded files, web pages and feeds, under the
        one :class:`UploadPolicy` (:attr:`uploads`).

        Each file is kept under ``<data dir>/uploads`` as ``upload-<safe name>``, so its id never
        collides with a file on disk (an upload whose front matter claims another article's id is
        refused by the ingest); a file of an unsupported type or over the size limit is skipped
        with its reason; uploading the same name again updates that upload. URLs and feeds are
        fetched on the user's behalf: a host on a loopback or private address is refused (server-side
        request forgery) unless the ``allow_private_urls`` setting (``DEALQA_ALLOW_PRIVATE_URLS=1``)
        allows it; every URL that fails is skipped with its reason.

        Raises:
            InputError: nothing to add, or more files or URLs than the policy allows in one request.
        """
        from .corpus import Skipped
        from .ingest import IngestReport

        policy = self.uploads
        wanted_urls = self._clean_urls(urls, "URL")
        wanted_feeds = self._clean_urls(feeds, "feed URL")
        if len(wanted_urls) + len(wanted_feeds) > policy.max_urls:
            raise InputError(f"send at most {policy.max_urls} URLs and feeds in one request")
        if len(files) > policy.max_files:
            raise InputError(f"send at most {policy.max_files} files in one request")
        if not files and not wanted_urls and not wanted_feeds:
            raise InputError(f"nothing to add: send files ({policy.label}) or http(s) URLs of articles or feeds")
        uploads = self.settings.data_dir / "uploads"
        uploads.mkdir(parents=True, exist_ok=True)
        kept: list[Path] = []
        refused: list[Skipped] = []
        for raw_name, content in files:
            name = policy.shown_name(raw_name)
            reason = policy.refusal(name)
            if reason:
                refused.append(Skipped(name, reason))
                continue
            target = uploads / policy.stored_name(name)
            if not _save(content, target, policy.max_file_bytes):
                refused.append(Skipped(name, f"larger than the {policy.max_file_bytes:,}-byte limit"))
                continue
            kept.append(target)
        report = (
            self.ingest(kept, urls=wanted_urls, feeds=wanted_feeds, allow_private=None, progress=progress)
            if kept or wanted_urls or wanted_feeds
            else IngestReport()
        )
        report.skipped[:0] = refused
        return report

    def _clean_urls(self, given: Sequence[str], what: str) -> list[str]:
        """The non-blank URLs, each checked to be text of a sane length (which ones can be fetched
        is the fetcher's per-URL judgement, with its reason)."""
        cleaned = []
        for value in given:
            if not isinstance(value, str):
                raise InputError(f"each {what} must be text, got {type(value).__name__}")
            problem = text_problem(value)
            if problem:
                raise InputError(f"a {what} {problem}")
            url = _printable(value)
            if len(url) > self.uploads.max_url_chars:
                limit = self.uploads.max_url_chars
                raise InputError(f"a {what} is {len(url):,} characters long; the limit is {limit:,}")
            if url and url not in cleaned:
                cleaned.append(url)
        return cleaned

    def record_feedback(self, liked: bool, answer: dict[str, Any]) -> None:
        """Keep a thumbs up or down on an answer (``Answer.to_dict()``) in the data directory."""
        self._feedback_store().record(bool(liked), str(answer["question"]), str(answer["text"]), answer["citations"])

    def export_feedback(self) -> Iterator[dict[str, Any]]:
        return self._feedback_store().export()

    def _feedback_store(self) -> Any:
        if self._feedback is None:
            from .feedback import FeedbackStore

            self._feedback = FeedbackStore(self.settings.data_dir / "feedback.sqlite3")
        return self._feedback

    def health(self) -> dict[str, Any]:
        """What ``/healthz`` and ``dealqa status`` report: counts, where things are, and whether the
        store is complete (``status`` is ``incomplete`` after an ingest that did not finish)."""
        self.sync()
        unfinished = self.unfinished_message()
        return {
            "status": "incomplete" if unfinished else "ok",
            **self.stats(),
            "notice": unfinished or self.empty_store_message(),
        }

    def redact(self, text: str) -> str:
        """``text`` with this server's absolute paths replaced by names that disclose nothing."""
        places = {
            str(self.settings.data_dir.resolve()): "<data dir>",
            str(self.settings.corpus_dir.resolve()): "<corpus dir>",
            str(Path.cwd()): "<server dir>",
            str(Path.home()): "~",
        }
        for place, label in sorted(places.items(), key=lambda kv: -len(kv[0])):
            if len(place) > 1:
                text = text.replace(place, label)
        return _ABSOLUTE_PATH.sub(lambda m: "<path>/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], text)

    def shown_source(self, source: str) -> str:
        """An article's source as a client may see it: its URL, or its file relative to the corpus
        or data folder, else the file's name (never a server path)."""
        return _shown_source(source, self.settings.corpus_dir, self.settings.data_dir)

    # -- input checks --------------------------------------------------------------------------
    def _clean_question(self, question: str) -> str:
        if not isinstance(question, str):
            raise InputError(f"the question must be text, got {type(question).__name__}")
        problem = text_problem(question)
        if problem:
            raise InputError(f"the question {problem}")
        cleaned = _printable(question)
        if not cleaned:
            raise InputError("the question is empty: ask something about the articles")
        limit = self.settings.max_question_chars
        if len(cleaned) > limit:
            raise InputError(f"the question is {len(cleaned):,} characters long; the limit is {limit:,}")
        return cleaned

    def _clean_history(self, history: History | None) -> list[str]:
        turns = []
        for turn in history or []:
            if isinstance(turn, dict):
                if turn.get("role", "user") != "user":
                    continue
                turn = str(turn.get("content", ""))
            text = _printable(str(turn))[: self.settings.max_question_chars]
            if text:
                turns.append(text)
        return turns[-_MAX_HISTORY_TURNS:]


def _card_fields(given: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if k == "examples" else v for k, v in given.items()}


def _printable(text: str) -> str:
    """Text without control characters, whitespace folded."""
    kept = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") else ch for ch in text)
    return " ".join(kept.split())


# An absolute file path under a usual top folder (not a URL path such as /v1/ask).
_ABSOLUTE_PATH = re.compile(
    r"(?<![\w:/.<>])/(?:tmp|home|root|work|usr|var|opt|srv|mnt|data|etc|proc|Users|private|Volumes)(?:/[\w.+~-]+)+"
)


def text_problem(text: str) -> str | None:
    """What is wrong with a text field that no cleaning should hide (None if nothing): a lone
    surrogate (``"\\ud800"``) is not a character and cannot be stored, printed or sent back."""
    for index, ch in enumerate(text):
        if "\ud800" <= ch <= "\udfff":
            return (
                f"holds an unpaired surrogate (\\u{ord(ch):04x}) at character {index}, which is not text; "
                "send valid Unicode (UTF-8)"
            )
    return None


def _save(content: IO[bytes] | bytes, target: Path, limit: int) -> bool:
    """Write an upload next to ``target`` and move it in place; False (nothing written) past ``limit``."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        size = 0
        with os.fdopen(handle, "wb") as out:
            if isinstance(content, bytes):
                size = len(content)
                if size <= limit:
                    out.write(content)
            else:
                while size <= limit and (block := content.read(1 << 20)):
                    size += len(block)
                    out.write(block)
        if size > limit:
            return False
        os.replace(temporary, target)
        return True
    finally:
        Path(temporary).unlink(missing_ok=True)


@functools.lru_cache(maxsize=16384)
def _shown_source(source: str, *bases: Path) -> str:
    # kept per source: resolving a path reads the file system, once per citation of every answer
    if _URL.match(source):  # a URL (any scheme: a refused one is named as the user gave it)
        return source
    path = Path(source)
    for base in bases:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except (ValueError, OSError, RuntimeError):
            continue
    return path.name


def _asks_name(question: Question) -> bool:
    """Whether the question asks for a name that is not a place ("Who runs X?", "Which company ...?")."""
    return bool(question.types) and set(question.types) <= NAME_TYPES and not set(question.types) <= PLACE_TYPES
