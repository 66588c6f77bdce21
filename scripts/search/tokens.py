"""Words for search: folded as the persons index folds names, lower-cased, split on non-letters.

``Lê Duẩn``, ``LE DUAN`` and ``Le Duan`` all give ``le duan`` (``đ`` gives ``d``): the fold is
:func:`scripts.annotate.fold.fold`, the one the persons index matches names with. The browser
folds the reader's query with the same table (:func:`fold_table`), written into the manifest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from scripts.annotate.fold import fold

_WORD = re.compile(r"[^\W_]+")
_cache: dict[str, tuple[str, ...]] = {}


def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    found = _cache.get(chunk)
    if found is None:
        folded = chunk if chunk.isascii() else fold(chunk)
        found = tuple(_WORD.findall(folded.lower()))
        if len(_cache) < 500_000:
            _cache[chunk] = found
    return found


def tokens(text: str) -> list[str]:
    """The folded, lower-cased words of ``text`` in order (``Phạm Văn Đồng`` → pham van dong)."""
    return [token for chunk in text.split() for token in _chunk_tokens(chunk)]


def keys(words: list[str]) -> set[str]:
    """The index keys of a passage: each word, and each pair of adjacent words (``le duan``)."""
    found = set(words)
    found.update(f"{a} {b}" for a, b in pairwise(words))
    return found


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """How each non-ASCII character of ``texts`` folds (lower-cased), for the browser's query fold.

    Shipping the table for the characters the corpus actually uses makes the browser fold
    exactly as the build did, without a second implementation of the fold to keep in step.
    """
    chars = {c for text in texts for c in text if not c.isascii()}
    return {c: fold(c).lower() for c in sorted(chars) if fold(c).lower() != c}
