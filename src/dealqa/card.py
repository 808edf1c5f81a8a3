"""What the surfaces call the corpus: the chat's title, greeting, input placeholder and example
questions, and the one-line description the MCP and REST servers give their clients.

Each comes from the Settings when set there, else from the corpus folder's ``corpus.toml``, else
from the articles themselves: the parties they lead with (the named subjects of their first
sentences, as the parse at ingest reads them), so a corpus of other deals never greets its users
with the shipped one's.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .corpus import MANIFEST
from .errors import LoadError
from .types import Evidence

FIELDS = ("title", "description", "greeting", "placeholder", "examples")
MAX_EXAMPLES = 4
_SHOWN_NAMES = 3
# Named values that can be a party to a deal; the model's type of a name is often wrong (a
# company read as a person), its place in the sentence much less often.
_NAME_LABELS = frozenset({"ORG", "PERSON", "NAME", "FAC", "PRODUCT", "GPE", "NORP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Questions a user of deal news asks about a party; the assistant keeps those it answers from the
# articles (see :meth:`Assistant.card`).
_ASKED = ("What did {name} agree to?", "How much is {owner} deal worth?", "When did {name} sign its deal?")


@dataclass(frozen=True)
class CorpusCard:
    title: str
    description: str
    greeting: str
    placeholder: str
    examples: tuple[str, ...]


class _Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str | None = None
    description: str | None = None
    greeting: str | None = None
    placeholder: str | None = None
    examples: list[str] | None = None


def read_manifest(corpus_dir: Path) -> dict[str, Any]:
    """The fields the corpus folder's ``corpus.toml`` sets ({} when it has none).

    Raises:
        LoadError: the file is not TOML, or sets a field that does not exist or is of the wrong type.
    """
    path = corpus_dir / MANIFEST
    if not path.is_file():
        return {}
    try:
        given = _Manifest.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LoadError(f"{path} is not TOML: {exc}") from exc
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise LoadError(f"{path}: {problems} (its fields: {', '.join(FIELDS)})") from exc
    return given.model_dump(exclude_none=True)


def leading_names(ledes: Iterable[Sequence[Evidence]]) -> list[str]:
    """The parties the articles lead with: the named subject of each article's first sentence,
    those of the most articles first, then those of the earlier articles."""
    counts: Counter[str] = Counter()
    for sentences in ledes:
        if not sentences:
            continue
        first = sentences[0]
        subjects = {
            " ".join(first.text[e.start : e.end].split())
            for e in first.entities
            if e.label in _NAME_LABELS and e.role in _SUBJECTS
        }
        counts.update(subjects - {""})
    return [name for name, _ in counts.most_common()]


def derived(articles: int, names: Sequence[str], first: str, last: str) -> CorpusCard:
    """The card of a corpus that names nothing of its own: its leading parties; the chat's title and
    greeting (read again on each page load) also its size and dates. The description, which a server
    fixes when it starts, stays true as articles arrive: it gives neither."""
    shown = names[:_SHOWN_NAMES]
    about = f" on {_listed([*shown, 'others'] if len(names) > len(shown) else shown)}" if shown else ""
    plural = "" if articles == 1 else "s"
    span = f", published {first} to {last}" if first != last else f", published {first}" if first else ""
    return CorpusCard(
        title=f"dealqa · {articles} article{plural}{about}" if articles else "dealqa",
        description=f"News articles{about}.",
        greeting=(f"{articles} article{plural}{span}. " if articles else "")
        + "Every answer quotes the articles it comes from; when they do not say, it says so.",
        placeholder=f"Ask about {_listed(shown[:2], 'or')}…" if shown else "Ask about the articles…",
        examples=(),
    )


def candidate_questions(names: Sequence[str]) -> list[str]:
    """Example questions to try: each question form about each name in turn, so the first few
    kept are about different names."""
    return [form.format(name=name, owner=_possessive(name)) for form in _ASKED for name in names]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _listed(items: Sequence[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"
