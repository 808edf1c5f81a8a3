"""Scan files, diff them against the manifest, chunk, embed and write what changed.

Crash safety comes from write order: for each group of articles, their old vectors are deleted,
their new chunks and sentences written, and only then their manifest records committed. A re-run
after a crash sees a missing or stale hash and redoes those articles; vectors without a manifest
record are orphans and are removed before anything else.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from .chunking import Chunker
from .corpus import Skipped, discover, load
from .embedding import Embedder
from .errors import BusyError, LoadError
from .nlp import read_sentences
from .settings import Settings
from .store import ArticleVectors, VectorStore
from .types import Article, Chunk, Sentence

Progress = Callable[[int, int, str], None]
# Articles embedded together: big enough for full batches, small enough to commit often.
_GROUP = 128
# What the stored records hold; a change rewrites every article on the next ingest.
_FORMAT = "chunk vector = mean of sentence vectors; sentence terms, chunk, entities with clauses (spaCy 3.8 sm)"


@dataclass
class IngestReport:
    """What an ingest run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.deleted)} deleted, {len(self.skipped)} skipped; "
            f"{self.chunks} chunks written, {self.embedded} texts embedded in {self.seconds:.1f}s"
        )


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
        self, paths: Iterable[Path], *, prune: bool = False, rebuild: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        started = time.perf_counter()
        lock_wait_s = self.settings.lock_wait_s
        try:
            with self.lock(lock_wait_s):
                self.store.mark_ingest(True)  # left behind if this process is killed: readers can tell
                report = self._run(list(paths), prune=prune, rebuild=rebuild, progress=progress)
                self.store.mark_ingest(False)
        except Timeout as exc:
            raise BusyError(
                f"another ingest holds {exc.lock_file}; waited {lock_wait_s:.0f}s. Try again when it ends."
            ) from exc
        report.seconds = time.perf_counter() - started
        return report

    def _run(self, paths: list[Path], *, prune: bool, rebuild: bool, progress: Progress | None) -> IngestReport:
        report = IngestReport()
        if rebuild:
            self.store.reset()
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

        todo = []
        for article, digest in articles.values():
            record = records.get(article.id)
            if record is not None and record.content_hash == digest:
                report.unchanged.append(article.id)
            else:
                todo.append((article, digest))
                (report.updated if record else report.added).append(article.id)

        for lo in range(0, len(todo), _GROUP):
            self._write_group(todo[lo : lo + _GROUP], report, known=records.keys())
            self.store.bump_version()  # queries see each committed group
            if progress:
                progress(min(lo + _GROUP, len(todo)), len(todo), todo[min(lo + _GROUP, len(todo)) - 1][0].id)

        if prune:
            for gone in sorted(set(records) - set(articles)):
                self.store.delete_article(gone)
                report.deleted.append(gone)
        if rebuild or repaired or report.deleted:
            self.store.bump_version()
        return report

    def _hash(self, article: Article) -> str:
        # Settings that change the stored vectors are part of the hash, so changing them re-embeds.
        key = "\x00".join(
            [
                article.title,
                article.source,
                article.text,
                self.embedder.model_name,
                self.embedder.backend,
                _FORMAT,
                str(self.settings.chunk_size),
                str(self.settings.chunk_overlap),
            ]
        )
        return hashlib.sha256(key.encode()).hexdigest()

    def _write_group(self, group: Sequence[tuple[Article, str]], report: IngestReport, known: Container[str]) -> None:
        split = [(article, digest, self.chunker.split(article)) for article, digest in group]
        split = [item for item in split if self._fits_window(item[0], item[2], report)]
        # Only sentences go through the model, each distinct text once (overlapping chunks and
        # pull quotes repeat them); a chunk's vector is made from its sentences'.
        texts = list(dict.fromkeys(s.text for _, _, chunks in split for c in chunks for s in c.sentences))
        encoded = dict(zip(texts, self.embedder.encode(texts), strict=True))
        stated = dict(zip(texts, read_sentences(texts), strict=True))
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
                )
            )
            report.chunks += len(chunks)
        self.store.write_articles(written, replacing=[a.article.id for a in written if a.article.id in known])

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
