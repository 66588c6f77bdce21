"""Words for search: folded as the persons index folds names, lower-cased, split on non-letters.

``Lê Duẩn``, ``LE DUAN`` and ``Le Duan`` all give ``le duan`` (``đ`` gives ``d``): the fold is
:func:`scripts.annotate.fold.fold`, the one the persons index matches names with. The browser
folds the reader's query with the same table (:func:`fold_table`), written into the manifest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import pairwise

from scripts.annotate.fold import fold
from scripts.rules import HOMOGLYPHS

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


def _generic(char: str) -> str:
    """What the browser does with a character the table lacks: NFKD, marks dropped, lower case."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """How characters fold (lower-cased), for the browser's query fold.

    Every non-ASCII character of ``texts`` that folds to something else, so the browser folds
    the corpus's own letters exactly as the build did; and every letter of the Latin and
    Cyrillic blocks and every look-alike of :data:`scripts.rules.HOMOGLYPHS` whose fold is not
    the browser's generic one (``đ``, ``ł``, Cyrillic ``а``), which the browser also applies
    after decomposing (Cyrillic ``ӑ`` → ``а`` → ``a``).
    """
    table: dict[str, str] = {}
    for char in sorted(c for c in set("".join(texts)) if not c.isascii()):
        if fold(char).lower() != char:
            table[char] = fold(char).lower()
    extra = [chr(n) for n in range(0xA0, 0x530)] + list(HOMOGLYPHS) + ["‐", "‑", "’", "‘", "ʼ"]
    for char in sorted(set(extra)):
        if char not in table and fold(char).lower() != _generic(char):
            table[char] = fold(char).lower()
    return dict(sorted(table.items()))
