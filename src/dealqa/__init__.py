"""dealqa: cited question answering over a corpus of deal news (by default the shipped one, on the
Colossus 1 deal, as in the example).

Example:
    >>> from dealqa import Assistant
    >>> Assistant().ask("Where is Colossus 1?").text
    'Memphis, Tennessee [1]. The Colossus 1 facility is located in Memphis, Tennessee. [1]'
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .assistant import Assistant
    from .errors import DealQAError, InputError, LoadError, StoreError
    from .ingest import IngestReport
    from .settings import Settings
    from .types import Answer, Article, Chunk, Citation, Hit

# Imported on first use: `dealqa --help` and a cold `dealqa ask` should not pay for what they skip.
_HOMES = {
    "Assistant": "assistant",
    "DealQAError": "errors",
    "InputError": "errors",
    "LoadError": "errors",
    "StoreError": "errors",
    "IngestReport": "ingest",
    "Settings": "settings",
    "Answer": "types",
    "Article": "types",
    "Chunk": "types",
    "Citation": "types",
    "Hit": "types",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'dealqa' has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)


__all__ = [
    "Answer",
    "Article",
    "Assistant",
    "Chunk",
    "Citation",
    "DealQAError",
    "Hit",
    "IngestReport",
    "InputError",
    "LoadError",
    "Settings",
    "StoreError",
]
