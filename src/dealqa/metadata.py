"""Article metadata: when it was published, by which outlet, who wrote it and where it lives.

Every source (front matter, HTML meta tags, trafilatura, PDF document info, a feed item) names
these fields its own way; :func:`normalize` maps them onto four keys, ``published`` (an ISO date,
``YYYY-MM-DD``), ``outlet``, ``author`` and ``url``, so the store, the filters and the citations
read one shape.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping
from typing import Any

FIELDS = ("published", "outlet", "author", "url")
_ALIASES = {
    "published": ("published", "date", "pubdate", "published_at", "publication_date", "datepublished"),
    "outlet": ("outlet", "site_name", "sitename", "publisher", "publication", "source_name", "source"),
    "author": ("author", "authors", "byline", "creator"),
    "url": ("url", "link", "canonical_url", "source_url", "source"),
}
# "source" names the outlet in some front matter and the link in other: its value says which
_EITHER = "source"
_MAX_CHARS = 300


def parse_date(value: Any) -> str:
    """An ISO date (``YYYY-MM-DD``) from a date, a datetime, an ISO string or an RFC 822 string
    (as feeds write them); "" when the value reads as none of these."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value or "").strip()
    if not text:
        return ""
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return dt.date(*(int(g) for g in iso.groups())).isoformat()
        except ValueError:
            return ""
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def normalize(raw: Mapping[str, Any]) -> dict[str, str]:
    """The four metadata fields found in ``raw`` under any of their usual names (empty ones left out).

    Example:
        >>> normalize({"site_name": "Harbor Wire", "date": "Wed, 06 May 2026 09:00:00 GMT"})
        {'published': '2026-05-06', 'outlet': 'Harbor Wire'}
    """
    lowered = {str(k).lower().replace("-", "_").replace(":", "_"): v for k, v in raw.items()}
    found: dict[str, str] = {}
    for name, aliases in _ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if isinstance(value, list | tuple):
                value = ", ".join(str(v) for v in value if v)
            text = parse_date(value) if name == "published" else " ".join(str(value or "").split())[:_MAX_CHARS]
            if alias == _EITHER and (name == "url") != text.startswith(("http://", "https://")):
                continue
            if text:
                found[name] = text
                break
    return found


def merged(*layers: Mapping[str, Any]) -> dict[str, str]:
    """The normalized fields of several sources, the first that has a field winning."""
    result: dict[str, str] = {}
    for layer in layers:
        for key, value in normalize(layer).items():
            result.setdefault(key, value)
    return result


def day_number(published: str) -> int:
    """``2026-05-06`` as ``20260506``: a number Chroma can compare with ``$gte``/``$lte``; 0 if none."""
    date = parse_date(published)
    return int(date.replace("-", "")) if date else 0


def outlet_key(outlet: str) -> str:
    """An outlet name as filters compare it: case, spaces and punctuation folded."""
    return re.sub(r"[^a-z0-9]+", " ", outlet.lower()).strip()


def human_date(published: str) -> str:
    """``2026-05-06`` as ``6 May 2026`` ("" when there is no date)."""
    date = parse_date(published)
    if not date:
        return ""
    day = dt.date.fromisoformat(date)
    return f"{day.day} {day:%B %Y}"


def byline(meta: Mapping[str, Any]) -> str:
    """``Harbor Wire · 6 May 2026``: the outlet and date of a citation, whichever are known."""
    return " · ".join(p for p in (str(meta.get("outlet") or ""), human_date(str(meta.get("published") or ""))) if p)
