"""Copies of one story: the same text under another name (found by hash) and syndicated versions
(another headline, added boilerplate, a trimmed ending), found by MinHash over word shingles with
an LSH index (datasketch), so a new article is compared with its likely copies only.

The threshold is measured, not guessed: ``evals/dedup/measure.py`` scores syndicated variants of
the corpus articles against different articles on the same deal (README, "Syndicated copies").
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from typing import Any

import numpy as np

NUM_PERM = 128
# datasketch's default permutation scheme, named: hash values are stored and read back with it.
SCHEME = "affine32"
# Word 5-grams: two reports of one deal share names and figures, and short phrases, but rarely
# five words in a row; a syndicated copy shares almost all of them.
SHINGLE_WORDS = 5


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.findall(r"\w+", folded)


def text_hash(text: str) -> str:
    """The hash of a text's words: the same article re-saved (other whitespace, line ends) matches."""
    return hashlib.sha256(" ".join(_words(text)).encode()).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _words(text)
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str, size: int = SHINGLE_WORDS) -> Any:
    """The MinHash of a text's word shingles."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode() for s in shingles(text, size)])
    return minhash


def encode(minhash: Any) -> str:
    """A MinHash as text for the manifest (under 1 kB)."""
    return base64.b64encode(np.asarray(minhash.hashvalues, dtype="<u4").tobytes()).decode()


def decode(text: str) -> Any:
    from datasketch import MinHash

    values = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


_MAX_LSH_THRESHOLD = 0.9


class NearDuplicates:
    """Stories by MinHash; :meth:`best` finds the one a new article copies, if any.

    Example:
        >>> index = NearDuplicates(0.5)
        >>> index.add("reuters-story", signature(text))
        >>> index.best(signature(reprinted_text))
        ('reuters-story', 0.86)
    """

    def __init__(self, threshold: float) -> None:
        from datasketch import MinHashLSH

        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        # LSH only proposes candidates, each checked against the threshold; over 0.9 it cannot
        # band 128 permutations, so it proposes at 0.9 and the check decides.
        self._lsh = MinHashLSH(threshold=min(threshold, _MAX_LSH_THRESHOLD), num_perm=NUM_PERM)
        self._signatures: dict[str, Any] = {}

    def add(self, key: str, minhash: Any) -> None:
        if key in self._signatures:
            self._lsh.remove(key)
        self._signatures[key] = minhash
        self._lsh.insert(key, minhash)

    def remove(self, key: str) -> None:
        if self._signatures.pop(key, None) is not None:
            self._lsh.remove(key)

    def best(self, minhash: Any, exclude: str = "") -> tuple[str, float] | None:
        """The stored story most like ``minhash`` with an estimated Jaccard at or over the
        threshold (LSH candidates are checked, since LSH only makes them likely)."""
        scored = [
            (float(minhash.jaccard(self._signatures[key])), key) for key in self._lsh.query(minhash) if key != exclude
        ]
        scored = [(score, key) for score, key in scored if score >= self.threshold]
        if not scored:
            return None
        score, key = max(scored, key=lambda pair: (pair[0], pair[1]))
        return key, round(score, 3)
