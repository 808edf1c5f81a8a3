"""Thumbs up / down on answers, kept in SQLite in the data directory."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    liked INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL
)
"""


class FeedbackStore:
    """Append-only feedback records.

    Example:
        >>> store = FeedbackStore(Path(".dealqa/feedback.sqlite3"))
        >>> store.record(True, "When?", "May 6, 2026 [1].", [{"n": 1, "article_id": "a"}])
        >>> next(store.export())["liked"]
        True
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, liked: bool, question: str, answer: str, citations: list[dict[str, Any]]) -> None:
        with self._lock, closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO feedback (created, liked, question, answer, citations) VALUES (?, ?, ?, ?, ?)",
                (time.time(), int(liked), question, answer, json.dumps(citations, ensure_ascii=False)),
            )

    def export(self) -> Iterator[dict[str, Any]]:
        with closing(self._connect()) as db:
            rows = db.execute("SELECT created, liked, question, answer, citations FROM feedback ORDER BY id").fetchall()
        for created, liked, question, answer, citations in rows:
            yield {
                "created": created,
                "liked": bool(liked),
                "question": question,
                "answer": answer,
                "citations": json.loads(citations),
            }
