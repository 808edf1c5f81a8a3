"""Run datasets through an assistant and score every case."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..metadata import human_date
from ..store import ArticleRecord
from ..text import fold
from ..types import Answer, Filters, Hit
from .dataset import Case, Dataset

METRICS = (
    "answer_accuracy",
    "answer_in_text",
    "direct_answer_rate",
    "wrong_direct_answer_rate",
    "premise_rejection_rate",
    "abstention_accuracy",
    "false_abstention_rate",
    "citation_precision",
    "citation_support",
    "retrieval_recall_at_5",
    "mrr",
    "answer_chars_mean",
    "latency_p50_ms",
    "latency_p95_ms",
    "cases",
)
LLM_METRICS = ("unsupported_sentence_rate_raw", "fallback_rate")
RETRIEVAL_METRICS = ("retrieval_recall_at_5", "mrr", "latency_p50_ms", "latency_p95_ms", "cases")


class Answers(Protocol):
    """What an eval runs on: an :class:`~dealqa.assistant.Assistant`, or anything that answers the same way."""

    def ask(
        self,
        question: str,
        history: Sequence[str] | None = None,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> Answer: ...
    def search(
        self,
        query: str,
        k: int = 5,
        *,
        history: Sequence[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
    ) -> list[Hit]: ...
    def for_corpus(self, corpus: Path) -> Answers: ...
    def articles(self) -> list[ArticleRecord]: ...


@dataclass(frozen=True)
class Sources:
    """Where each article's words are found: the story it was merged into (itself if none), and
    the text of its metadata (a question about the reporting is answered there)."""

    story: dict[str, str]
    metadata: dict[str, str]

    @classmethod
    def of(cls, assistant: Answers) -> Sources:
        records = assistant.articles()
        return cls(
            {r.id: r.copy_of or r.id for r in records},
            {r.id: " | ".join([*r.metadata.values(), human_date(r.metadata.get("published", ""))]) for r in records},
        )

    def states(self, case: Case, hit: Hit) -> bool:
        """Whether the hit is from a source of the case (or the story it was merged into) and states
        an expected string, in its words or in that source's metadata."""
        expected = case.expect_any + case.expect_all
        return any(
            hit.chunk.article_id == self.story.get(source, source)
            and any(contains(hit.chunk.text, e) or contains(self.metadata.get(source, ""), e) for e in expected)
            for source in case.sources
        )


@dataclass
class EvalResult:
    """Metrics overall and by tag, plus one record per case."""

    metrics: dict[str, float | None]
    by_tag: dict[str, dict[str, float | None]]
    cases: list[dict[str, Any]]
    config: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"config": self.config, "metrics": self.metrics, "by_tag": self.by_tag, "cases": self.cases}


def contains(text: str, expected: str) -> bool:
    """Case-insensitive containment after folding whitespace and punctuation."""
    return f" {fold(expected)} " in f" {fold(text)} "


def meets(text: str, case: Case) -> list[str]:
    """The expected strings the text lacks (empty when it meets the case)."""
    missing = (
        [] if not case.expect_any or any(contains(text, e) for e in case.expect_any) else [" | ".join(case.expect_any)]
    )
    return missing + [e for e in case.expect_all if not contains(text, e)]


def run_eval(
    assistant: Answers,
    datasets: Sequence[Dataset],
    *,
    k: int = 5,
    retrieval_only: bool = False,
    filters: Filters | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvalResult:
    """Run every case of the datasets; a dataset that names its corpus is answered from a store of
    that corpus (built once, kept by the assistant), the others from ``assistant`` itself. With
    ``filters`` (checked ones: ``Assistant.filters``), every case is asked and searched with them,
    as a user passing ``since``, ``until`` and ``outlet`` would, and the result's config names them."""
    cases = [(dataset, case) for dataset in datasets for case in dataset.cases]
    answering = {d.corpus: assistant.for_corpus(d.corpus) if d.corpus else assistant for d in datasets}
    sources = {corpus: Sources.of(on) for corpus, on in answering.items()}
    limits = _limits(filters)
    records = []
    for done, (dataset, case) in enumerate(cases, 1):
        on, known = answering[dataset.corpus], sources[dataset.corpus]
        records.append(
            _retrieve_case(on, case, k, known, limits) if retrieval_only else _answer_case(on, case, k, known, limits)
        )
        if progress:
            progress(done, len(cases))
    llm = any(r.get("answerer", "").startswith("llm:") for r in records)
    names = RETRIEVAL_METRICS if retrieval_only else METRICS + (LLM_METRICS if llm else ())
    tags = sorted({t for _, case in cases for t in case.tags})
    return EvalResult(
        metrics=_metrics(records, names),
        by_tag={t: _metrics([r for r in records if t in r["tags"]], names) for t in tags},
        cases=records,
        config={
            "datasets": [d.path or d.name for d in datasets],
            "corpora": [str(d.corpus) for d in datasets if d.corpus],
            "k": k,
            "retrieval_only": retrieval_only,
            "filters": {name: value for name, value in asdict(filters).items() if value} if filters else {},
        },
    )


def _limits(filters: Filters | None) -> dict[str, str | None]:
    """The filters as the keyword arguments of ``ask`` and ``search`` (None: not limited)."""
    filters = filters or Filters()
    return {"since": filters.since or None, "until": filters.until or None, "outlet": filters.outlet or None}


def _answer_case(
    assistant: Answers, case: Case, k: int, sources: Sources, limits: dict[str, str | None]
) -> dict[str, Any]:
    started = time.perf_counter()
    answer = assistant.ask(case.question, list(case.history), **limits)
    latency = (time.perf_counter() - started) * 1000
    record = _base(case, list(answer.hits[:k]), latency, sources)
    record.update(
        answer=answer.text,
        short=answer.short,
        lead=answer.lead,
        abstained=answer.abstained,
        answerer=answer.answerer,
        fallback=answer.fallback,
        removed_claims=list(answer.removed_claims),
        draft_sentences=answer.draft_sentences,
        citations=[{"n": c.n, "article_id": c.article_id, "quote": c.quote} for c in answer.citations],
    )
    if case.answerable:
        missing = _lead_misses(answer, case)
        record["in_text"] = not answer.abstained and not meets(answer.text, case)
        record["passed"] = not answer.abstained and not missing
        record["reason"] = (
            "abstained" if answer.abstained else (f"lead misses: {'; '.join(missing)}" if missing else "")
        )
        record["supported"] = record["passed"] and _quotes_back(answer, case)
        record["wrong_short"] = bool(answer.short) and not answer.abstained and bool(missing)
    else:
        record["passed"] = answer.abstained
        record["reason"] = "" if answer.abstained else "answered a question the corpus does not answer"
        record["wrong_short"] = bool(answer.short)
        if "false-premise" in case.tags:
            quotes = " ".join(c.quote for c in answer.citations)
            named = not case.expect_any or any(contains(quotes, e) for e in case.expect_any)
            record["premise_rejected"] = answer.abstained and named
    return record


def _lead_misses(answer: Answer, case: Case) -> list[str]:
    """What the answer's lead lacks: one of ``expect_any`` must be in the lead (the short answer,
    else the first quote); ``expect_all``, the parts of an answer spread over several sources
    (both sides of a disagreement), in the whole answer."""
    lead = answer.lead
    missing = (
        [] if not case.expect_any or any(contains(lead, e) for e in case.expect_any) else [" | ".join(case.expect_any)]
    )
    return missing + [e for e in case.expect_all if not contains(answer.text, e)]


def _retrieve_case(
    assistant: Answers, case: Case, k: int, sources: Sources, limits: dict[str, str | None]
) -> dict[str, Any]:
    started = time.perf_counter()
    hits = assistant.search(case.question, k, history=list(case.history), **limits)
    record = _base(case, hits, (time.perf_counter() - started) * 1000, sources)
    record["passed"] = bool(record["hit_rank"]) if case.answerable else True
    record["reason"] = "" if record["passed"] else "no top-k passage from a source states the answer"
    return record


def _base(case: Case, hits: list[Hit], latency_ms: float, sources: Sources) -> dict[str, Any]:
    rank = next((n for n, hit in enumerate(hits, 1) if sources.states(case, hit)), 0)
    return {
        "id": case.id,
        "question": case.question,
        "history": list(case.history),
        "answerable": case.answerable,
        "tags": list(case.tags),
        "sources": list(case.sources),
        "hit_rank": rank,
        "latency_ms": round(latency_ms, 2),
    }


def _quotes_back(answer: Answer, case: Case) -> bool:
    """Whether the cited words themselves contain the expected answer."""
    quotes = " ".join(c.quote for c in answer.citations)
    if case.expect_any:
        return any(contains(c.quote, e) for c in answer.citations for e in case.expect_any)
    return all(contains(quotes, e) for e in case.expect_all)


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def _metrics(records: list[dict[str, Any]], names: Sequence[str]) -> dict[str, float | None]:
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    latencies = sorted(r["latency_ms"] for r in records)
    values: dict[str, float | None] = {
        "retrieval_recall_at_5": _share(sum(1 for r in answerable if r["hit_rank"]), len(answerable)),
        "mrr": round(statistics.fmean(1 / r["hit_rank"] if r["hit_rank"] else 0.0 for r in answerable), 4)
        if answerable
        else None,
        "latency_p50_ms": round(_percentile(latencies, 50), 1) if latencies else None,
        "latency_p95_ms": round(_percentile(latencies, 95), 1) if latencies else None,
        "cases": len(records),
    }
    if "answer_accuracy" in names:
        answered = [r for r in answerable if not r["abstained"]]
        cited = [c for r in answered for c in r["citations"]]
        correct = [r for r in answerable if r["passed"]]
        premises = [r for r in unanswerable if "premise_rejected" in r]
        values.update(
            answer_accuracy=_share(len(correct), len(answerable)),
            answer_in_text=_share(sum(1 for r in answerable if r["in_text"]), len(answerable)),
            direct_answer_rate=_share(sum(1 for r in records if r["short"]), len(records)),
            wrong_direct_answer_rate=_share(sum(1 for r in records if r["wrong_short"]), len(records)),
            premise_rejection_rate=_share(sum(1 for r in premises if r["premise_rejected"]), len(premises)),
            abstention_accuracy=_share(sum(1 for r in unanswerable if r["abstained"]), len(unanswerable)),
            false_abstention_rate=_share(sum(1 for r in answerable if r["abstained"]), len(answerable)),
            citation_precision=_share(
                sum(1 for r in answered for c in r["citations"] if c["article_id"] in r["sources"]), len(cited)
            ),
            citation_support=_share(sum(1 for r in correct if r["supported"]), len(correct)),
            answer_chars_mean=round(statistics.fmean(len(r["answer"]) for r in records), 1) if records else None,
        )
    if "fallback_rate" in names:
        drafted = sum(r["draft_sentences"] for r in records)
        values.update(
            unsupported_sentence_rate_raw=_share(sum(len(r["removed_claims"]) for r in records), drafted),
            fallback_rate=_share(sum(1 for r in records if r["fallback"]), len(records)),
        )
    return {name: values.get(name) for name in names}


def _percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    index = max(0, min(len(sorted_values) - 1, round(pct / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]
