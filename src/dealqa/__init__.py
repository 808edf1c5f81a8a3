"""dealqa: cited question answering over the Colossus 1 deal corpus.

Example:
    >>> from dealqa import Assistant
    >>> Assistant().ask("Where is Colossus 1?").text
    'Memphis, Tennessee [1]. The Colossus 1 facility is located in Memphis, Tennessee. [1]'
"""

from .assistant import Assistant
from .errors import DealQAError, InputError, LoadError, StoreError
from .ingest import IngestReport
from .settings import Settings
from .types import Answer, Article, Chunk, Citation, Hit

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
