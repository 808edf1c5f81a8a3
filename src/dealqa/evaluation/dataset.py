"""Eval datasets in YAML: each case a question, what the answer must contain, and its sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    history: tuple[str, ...] = ()
    answerable: bool = True
    expect_any: tuple[str, ...] = ()
    expect_all: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    cases: tuple[Case, ...]
    path: str = ""
    corpus: Path | None = None  # the articles the cases are about; None: the assistant's own store


_FIELDS = {"id", "question", "history", "answerable", "expect_any", "expect_all", "sources", "tags"}


def load_dataset(path: Path | str) -> Dataset:
    """Read and validate a dataset; a bad one raises an InputError naming the case and field."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read dataset {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"dataset {path} is not valid YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("cases"), list) or not raw["cases"]:
        raise InputError(f"dataset {path}: expected a mapping with a non-empty 'cases' list")
    cases: list[Case] = []
    seen: set[str] = set()
    for index, item in enumerate(raw["cases"]):
        case = _case(item, f"dataset {path}, case #{index + 1}")
        if case.id in seen:
            raise InputError(f"dataset {path}, case {case.id!r}: field 'id' repeats an earlier case")
        seen.add(case.id)
        cases.append(case)
    corpus = raw.get("corpus")
    if corpus is not None and (not isinstance(corpus, str) or not corpus.strip()):
        raise InputError(f"dataset {path}: field 'corpus' must be a folder path (relative to the dataset)")
    folder = (path.parent / corpus).resolve() if corpus else None
    if folder is not None and not folder.is_dir():
        raise InputError(f"dataset {path}: corpus folder {folder} does not exist")
    name, description = str(raw.get("name") or path.stem), str(raw.get("description") or "")
    return Dataset(name, description, tuple(cases), str(path), folder)


def _case(item: Any, where: str) -> Case:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected a mapping, got {type(item).__name__}")
    case_id = item.get("id")
    if not isinstance(case_id, str) or not case_id.strip():
        raise InputError(f"{where}: field 'id' must be a non-empty string")
    where = f"{where.rsplit(',', 1)[0]}, case {case_id!r}"
    unknown = set(item) - _FIELDS
    if unknown:
        raise InputError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        raise InputError(f"{where}: field 'question' must be a non-empty string")
    answerable = item.get("answerable", True)
    if not isinstance(answerable, bool):
        raise InputError(f"{where}: field 'answerable' must be true or false")
    lists = {
        name: _strings(item.get(name, []), where, name)
        for name in ("history", "expect_any", "expect_all", "sources", "tags")
    }
    if answerable and not (lists["expect_any"] or lists["expect_all"]):
        raise InputError(f"{where}: field 'expect_any' (or 'expect_all') is needed for an answerable case")
    if answerable and not lists["sources"]:
        raise InputError(f"{where}: field 'sources' is needed for an answerable case")
    return Case(case_id, question, answerable=answerable, **lists)


def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        value = [value]
    # A bare number such as 2026 is meant as text.
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise InputError(f"{where}: field {name!r} must be a list of non-empty strings")
    texts = tuple(str(v) for v in value)
    if not all(t.strip() for t in texts):
        raise InputError(f"{where}: field {name!r} must be a list of non-empty strings")
    return texts
