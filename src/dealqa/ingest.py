"""Scan files, diff them against the manifest, chunk, embed and write what changed.

Crash safety comes from write order: for each group of articles, their old chunks are deleted,
their new chunks (with their sentences' evidence) written, and only then their manifest records
committed. A re-run
after a crash sees a missing or stale hash and redoes those articles; vectors without a manifest
record are orphans and are removed before anything else.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Container, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
from filelock import FileLock, Timeout

from .chunking import Chunker
from .corpus import Skipped, discover, load
from .dedup import NearDuplicates, decode, encode, signature, text_hash
from .embedding import Embedder
from .errors import BusyError, LoadError, NotFoundError
from .fetch import Fetched, Fetcher, is_url
from .metadata import FIELDS
from .nlp import read_sentences
from .settings import Settings
from .store import ArticleRecord, ArticleVectors, CopyRecord, VectorStore
from .types import Article, Chunk, Sentence

Progress = Callable[[int, int, str], None]
T = TypeVar("T")
R = TypeVar("R")
# Articles embedded together: big enough for full batches, small enough to commit often.
_GROUP = 128
# What the stored records hold; a change rewrites every article on the next ingest.
_FORMAT = (
    "chunk vector = mean of sentence vectors; sentence terms, chunk, entities with clauses, conjoined verbs,"
    " anchor terms, appositions, place lists, lemma terms, wrapped lines joined (also after a quote or an abbreviation)"
    ", company names as their whole run of proper nouns, amounts in currency codes"
    ", amounts with a currency's sign and a scale written onto the number, whatever the model typed"
    ", quarters of a year as dates, gapped conjoined clauses with their verb, not an object's of-phrase"
    ", a person's name with a capitalised word the model took for a function word, amounts in pence"
    ", a place with a one-word larger place in apposition, a day with its date"
    ", amounts in a currency's name after the number, place names with the proper nouns before them (spaCy 3.8 sm)"
)


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    # Seconds per stage: "dedup" (finding the copies among the new and changed articles), then, of the
    # articles written, "embed" (the model) and "evidence" (spaCy), which run at the same time, and
    # "write" (the store).
    stages: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        merged = f"{len(self.merged)} merged as copies, " if self.merged else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{merged}{len(self.deleted)} deleted, {len(self.skipped)} skipped; "
            f"{self.chunks} chunks written, {self.embedded} texts embedded in {self.seconds:.1f}s"
        )


@dataclass(frozen=True)
class Merged:
    """An article stored as a copy of a story: ``similarity`` 1.0 is the same text (by hash), less
    a syndicated version (MinHash's estimate of the Jaccard similarity of their word shingles)."""

    article_id: str
    source: str
    story: str
    similarity: float

    def describe(self) -> str:
        if self.similarity >= 1.0:
            return f"{self.source}: the same text as {self.story}, stored once"
        return f"{self.source}: a copy of {self.story} (similarity {self.similarity:.2f}), merged into its story"


class Ingestor:
    """Makes the store hold exactly the articles found in the given paths.

    Example:
        >>> report = Ingestor(settings, store, embedder).run([Path("corpus")])
        >>> report.summary()
        '2 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped; ...'
    """

    def __init__(self, settings: Settings, store: VectorStore, embedder: Embedder) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.chunker = Chunker(settings.chunk_size, settings.chunk_overlap)

    def lock(self, wait_s: float = 60.0) -> FileLock:
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.settings.data_dir / "ingest.lock"), timeout=wait_s)

    def run(
        self,
        paths: Iterable[Path],
        *,
        urls: Iterable[str] = (),
        feeds: Iterable[str] = (),
        allow_private: bool | None = None,
        prune: bool = False,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest the files under ``paths``, the pages at ``urls`` and every item of ``feeds``.
        ``allow_private`` lets URLs on loopback and private addresses through (default: the
        ``allow_private_urls`` setting)."""
        started = time.perf_counter()
        urls, feeds = list(urls), list(feeds)
        # Fetched before the lock: a slow site must not hold up other ingests.
        fetched = Fetcher(self.settings, allow_private=allow_private).run(urls, feeds) if urls or feeds else None
        lock_wait_s = self.settings.lock_wait_s
        try:
            with self.lock(lock_wait_s):
                self.store.mark_ingest(True)  # left behind if this process is killed: readers can tell
                report = self._run(list(paths), fetched, prune=prune, rebuild=rebuild, progress=progress)
                self.store.mark_ingest(False)
        except Timeout as exc:
            raise BusyError(
                f"another ingest holds {exc.lock_file}; waited {lock_wait_s:.0f}s. Try again when it ends."
            ) from exc
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, article_id: str) -> tuple[IngestReport, str]:
        """Delete one article (under the ingest lock, marked like any ingest); the copies merged
        into it are written again, so the first becomes the story and the rest its copies. Returns
        the report and the source the article came from.

        Raises:
            NotFoundError: no article has this id.
        """
        started = time.perf_counter()
        lock_wait_s = self.settings.lock_wait_s
        try:
            with self.lock(lock_wait_s):
                records = self.store.records()
                record = records.get(article_id)
                if record is None:
                    raise NotFoundError(f"no article with id {article_id!r}; `dealqa articles list` shows the ids")
                copies = [r for r in records.values() if r.copy_of == article_id]
                kept = [a for a in (self.store.article(c.id) for c in copies) if a is not None]
                self.store.mark_ingest(True)
                for gone in (article_id, *(c.id for c in copies)):
                    self.store.delete_article(gone)
                report = self._run([], Fetched(articles=kept), prune=False, rebuild=False, progress=None)
                self.store.bump_version()
                self.store.mark_ingest(False)
        except Timeout as exc:
            raise BusyError(
                f"another ingest holds {exc.lock_file}; waited {lock_wait_s:.0f}s. Try again when it ends."
            ) from exc
        # The copies were written again, not added: say what became of them instead.
        merged = {m.article_id for m in report.merged}
        report.notes += [f"{a.id} was a copy of {article_id}; it is now a story" for a in kept if a.id not in merged]
        report.notes += [f"{m.article_id} was a copy of {article_id}; now of {m.story}" for m in report.merged]
        report.added, report.merged, report.deleted = [], [], [article_id]
        report.seconds = time.perf_counter() - started
        return report, record.source

    def _run(
        self, paths: list[Path], fetched: Fetched | None, *, prune: bool, rebuild: bool, progress: Progress | None
    ) -> IngestReport:
        report = IngestReport()
        if rebuild:
            self.store.reset()
        elif self.store.schema_problem():
            migrated = self.store.migrate(progress)
            report.notes.append(f"store migrated to schema {self.store.schema}: {migrated} chunks, nothing re-embedded")
        records = self.store.records()
        repaired = sum(r.chunks for r in records.values()) != self.store.count()
        if repaired:
            for orphan in self.store.orphan_articles():
                self.store.delete_article(orphan)

        articles: dict[str, tuple[Article, str]] = {}
        for path in (p for root in paths for p in _inside(root, report)):
            try:
                article = load(path, max_bytes=self.settings.max_file_bytes)
            except LoadError as exc:
                report.skipped.append(Skipped(str(path), str(exc)))
                continue
            if article.id in articles:
                first = articles[article.id][0].source
                report.skipped.append(Skipped(str(path), f"duplicate article id {article.id!r} (also in {first})"))
                continue
            owner = records.get(article.id)
            if owner is not None and not rebuild and _another_file(owner.source, article.source):
                report.skipped.append(
                    Skipped(
                        str(path),
                        f"article id {article.id!r} already belongs to {owner.source}; give this file another id "
                        "(front matter `id:` or its name), or remove the other article first",
                    )
                )
                continue
            articles[article.id] = (article, self._hash(article))
        if fetched is not None:
            report.skipped += fetched.skipped
            report.notes += fetched.notes
            for article in fetched.articles:
                articles.setdefault(article.id, (article, self._hash(article)))

        # What --prune removes: the stored articles of the kinds ingested (files, URLs) that were
        # not found this time; a URL or file that failed to load keeps what is stored.
        kinds = {"file"} if paths else set()
        kinds |= {"url"} if fetched is not None else set()
        failed = {s.path for s in report.skipped}
        gone = {
            i
            for i, r in records.items()
            if prune and i not in articles and _kind(r.source) in kinds and r.source not in failed
        }

        todo = []
        for article, digest in articles.values():
            record = records.get(article.id)
            # A copy whose story is going away becomes a story (or a copy of another) again.
            orphaned = record is not None and record.copy_of in gone
            if record is not None and record.content_hash == digest and not orphaned:
                report.unchanged.append(article.id)
            else:
                todo.append((article, digest))
                (report.updated if record else report.added).append(article.id)

        deduplicating = time.perf_counter()
        stories, copies = self._merge_copies(todo, records, gone, report)
        _add(report.stages, "dedup", time.perf_counter() - deduplicating)
        for lo in range(0, len(stories), _GROUP):
            self._write_group(stories[lo : lo + _GROUP], report, known=records.keys())
            self.store.bump_version()  # queries see each committed group
            if progress:
                done = min(lo + _GROUP, len(stories))
                progress(done, len(stories), stories[done - 1][0].id)

        written = {a.id for a, *_ in stories} & (set(report.added) | set(report.updated))
        stored = (set(records) - gone) | written
        kept = []
        for copy in copies:
            if copy.copy_of not in stored:
                report.skipped.append(Skipped(copy.article.source, f"a copy of {copy.copy_of}, which was not stored"))
                report.merged = [m for m in report.merged if m.article_id != copy.article.id]
            else:
                kept.append(copy)
        self.store.write_copies(kept)

        for article_id in sorted(gone):
            self.store.delete_article(article_id)
            report.deleted.append(article_id)
        if rebuild or repaired or report.deleted or kept:
            self.store.bump_version()
        return report

    def _merge_copies(
        self,
        todo: list[tuple[Article, str]],
        records: dict[str, ArticleRecord],
        gone: set[str],
        report: IngestReport,
    ) -> tuple[list[tuple[Article, str, str, str]], list[CopyRecord]]:
        """Split the articles to write into stories (chunked and embedded) and copies of a story
        already stored or earlier in this run: the same text (by hash) or a near-duplicate (MinHash
        over word shingles at the measured threshold). Stories come back with their text hash and
        encoded MinHash, which their manifest records keep for later ingests."""
        if not todo:
            return [], []  # nothing new or changed: no index of the stored articles to build
        changing = {a.id for a, _ in todo}
        index = NearDuplicates(self.settings.near_duplicate_threshold)
        by_hash: dict[str, str] = {}
        for record in records.values():
            if record.copy_of or record.id in changing or record.id in gone:
                continue
            if record.minhash:
                index.add(record.id, decode(record.minhash))
            if record.text_hash:
                by_hash.setdefault(record.text_hash, record.id)
        stories: list[tuple[Article, str, str, str]] = []
        copies: list[CopyRecord] = []
        for article, digest in todo:
            words_hash = text_hash(article.text)
            minhash = signature(article.text)
            same = by_hash.get(words_hash)
            found = (same, 1.0) if same and same != article.id else index.best(minhash, exclude=article.id)
            if found is None:
                stories.append((article, digest, words_hash, encode(minhash)))
                index.add(article.id, minhash)
                by_hash.setdefault(words_hash, article.id)
                continue
            story, similarity = found
            copies.append(CopyRecord(article, digest, story, similarity, words_hash, encode(minhash)))
            report.merged.append(Merged(article.id, article.source, story, similarity))
            for bucket in (report.added, report.updated):
                if article.id in bucket:
                    bucket.remove(article.id)
        return stories, copies

    def _hash(self, article: Article) -> str:
        # Settings that change the stored vectors are part of the hash, so changing them re-embeds;
        # so is the metadata, which chunks carry for filtering.
        key = "\x00".join(
            [
                article.title,
                article.source,
                json.dumps({name: str(article.metadata.get(name) or "") for name in FIELDS}, sort_keys=True),
                article.text,
                self.embedder.model_name,
                self.embedder.backend,
                _FORMAT,
                str(self.settings.chunk_size),
                str(self.settings.chunk_overlap),
            ]
        )
        return hashlib.sha256(key.encode()).hexdigest()

    def _write_group(
        self, group: Sequence[tuple[Article, str, str, str]], report: IngestReport, known: Container[str]
    ) -> None:
        hashes = {article.id: (words_hash, minhash) for article, _, words_hash, minhash in group}
        split = [(article, digest, self.chunker.split(article)) for article, digest, _, _ in group]
        split = [item for item in split if self._fits_window(item[0], item[2], report)]
        # Only sentences go through the model, each distinct text once (overlapping chunks and
        # pull quotes repeat them); a chunk's vector is made from its sentences'.
        texts = list(dict.fromkeys(s.text for _, _, chunks in split for c in chunks for s in c.sentences))
        # The model embeds on other threads (onnxruntime releases the GIL) while spaCy reads the
        # same sentences here: the two stages overlap, and each is timed on its own thread.
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dealqa-embed") as pool:
            vectors = pool.submit(_timed, self.embedder.encode, texts)
            stated = dict(zip(texts, read_sentences(texts), strict=True))
            _add(report.stages, "evidence", time.perf_counter() - started)
            embed_s, matrix = vectors.result()
        encoded = dict(zip(texts, matrix, strict=True))
        read = time.perf_counter()
        _add(report.stages, "embed", embed_s)
        report.embedded += len(texts)
        written = []
        for article, digest, chunks in split:
            # A sentence in two overlapping chunks is stored once, with the first chunk.
            unique: dict[tuple[int, int], tuple[Sentence, str]] = {}
            for c in chunks:
                for s in c.sentences:
                    unique.setdefault((s.start, s.end), (s, c.id))
            written.append(
                ArticleVectors(
                    article,
                    digest,
                    chunks,
                    np.stack([_chunk_vector(c, encoded) for c in chunks]),
                    [(s, chunk, encoded[s.text], *stated[s.text]) for s, chunk in unique.values()],
                    *hashes[article.id],
                )
            )
            report.chunks += len(chunks)
        self.store.write_articles(written, replacing=[a.article.id for a in written if a.article.id in known])
        _add(report.stages, "write", time.perf_counter() - read)

    def _fits_window(self, article: Article, chunks: list[Chunk], report: IngestReport) -> bool:
        """False (and the article skipped) if it has no chunk, or a chunk the model would truncate
        (it would be searched by part of its words)."""
        limit = self.embedder.max_tokens
        longest = max(self.embedder.token_counts([c.text for c in chunks]), default=0)
        if not chunks:
            reason = "no body text to index"
        elif longest > limit:
            reason = f"a chunk takes {longest} tokens, over the model's {limit}; lower chunk_size"
        else:
            return True
        report.skipped.append(Skipped(article.source, reason))
        for bucket in (report.added, report.updated):
            if article.id in bucket:
                bucket.remove(article.id)
        return False


def _timed(work: Callable[[T], R], arg: T) -> tuple[float, R]:
    started = time.perf_counter()
    result = work(arg)
    return time.perf_counter() - started, result


def _add(stages: dict[str, float], stage: str, seconds: float) -> None:
    stages[stage] = stages.get(stage, 0.0) + seconds


def _chunk_vector(chunk: Chunk, encoded: dict[str, np.ndarray]) -> np.ndarray:
    """The length-weighted mean of the chunk's sentence vectors, as mean pooling over the chunk's
    tokens would weigh them (eval: recall@5 0.957 and MRR 0.847, against 0.936 and 0.806 when
    the chunk text itself is encoded)."""
    mean = np.average(
        [encoded[s.text] for s in chunk.sentences], axis=0, weights=[len(s.text) for s in chunk.sentences]
    )
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def _another_file(stored: str, given: str) -> bool:
    """Whether a stored article came from another file than ``given`` that still exists (a file
    that is gone was moved or renamed: its id passes to the new path)."""
    if stored == given:
        return False
    old, new = Path(stored), Path(given)
    try:
        return old.resolve() != new.resolve() and old.exists()
    except (OSError, RuntimeError):
        return True


def _inside(root: Path, report: IngestReport) -> Iterable[Path]:
    """The files under ``root``; a link that leads outside it is skipped (it could expose any file),
    and so is one that cannot be followed (a loop, a missing target), each with its reason."""
    base = root.resolve()
    for path in discover([root]):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            why = "it is a symbolic link loop" if "loop" in str(exc).lower() else f"{exc.__class__.__name__}: {exc}"
            report.skipped.append(Skipped(str(path), f"cannot follow the link: {why}"))
            continue
        if root.is_dir() and not target.is_relative_to(base):
            report.skipped.append(Skipped(str(path), f"links outside {root}"))
        else:
            yield path


def _kind(source: str) -> str:
    return "url" if is_url(source) else "file"
