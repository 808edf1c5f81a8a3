"""Shared fixtures: the real bundled model, a real embedded Chroma in a temporary directory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dealqa import Assistant, Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


def make_settings(tmp: Path, corpus: Path = CORPUS, **overrides: object) -> Settings:
    return Settings(data_dir=tmp / "data", corpus_dir=corpus, **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The deal corpus, ingested once for the whole session (read-only use)."""
    return Assistant(make_settings(tmp_path_factory.mktemp("shared")))


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def fresh(tmp_path: Path, corpus_copy: Path) -> Iterator[Assistant]:
    """An assistant over a private copy of the corpus, free to change."""
    yield Assistant(make_settings(tmp_path, corpus_copy))
