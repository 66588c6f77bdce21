"""Fold text for name matching, keeping a map back to the printed characters.

Sources spell the same person ``Lê Duẩn`` and ``Le Duan``, ``Phạm Văn Đồng`` and ``Pham Van
Dong``. Matching runs on a *folded* form: compatibility decomposition (NFKD), combining
marks dropped, ``đ/Đ`` turned into ``d/D`` (they have no decomposition), Cyrillic letters
that look like Latin ones mapped to them (the Cambridge capture types ``Vӑn`` with a Cyrillic
``ӑ``), and typographic apostrophes and dashes reduced to their ASCII forms. Case is kept:
names are capitalised, and matching case-sensitively keeps ``path`` from being ``Path``.

Every folded character remembers the index of the printed character it came from, so a
match in the folded text gives offsets in the printed text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from scripts.rules import HOMOGLYPHS

# Letters with no Unicode decomposition to a Latin base, mapped by hand.
_SPECIAL = {
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "ı": "i",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "‐": "-",
    "‑": "-",
}
# Cyrillic and Greek look-alikes of Latin letters (after NFKD has split off their diacritics),
# the same table the wrong-alphabet repair uses.
_HOMOGLYPHS = str.maketrans(HOMOGLYPHS)


@cache
def fold_char(char: str) -> str:
    """The folded form of one printed character (may be empty or longer than one).

    Cached: a text has a few hundred distinct characters, and each is decomposed once.
    """
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.translate(_HOMOGLYPHS)


def fold(text: str) -> str:
    """The folded form of a string (``Phạm Vӑn Đồng`` → ``Pham Van Dong``)."""
    if text.isascii():
        return text  # ASCII folds to itself
    return "".join(map(fold_char, text))


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the printed index it comes from."""

    text: str
    """The folded characters."""
    origin: Sequence[int]
    """``origin[i]`` is the index in the printed text of folded character ``i``: a ``range``
    when each printed character folds to one (a tuple of one int per character cost the
    person index 8 bytes and often an int object per character of the corpus: 0.8 GB at
    100 copies of the sources)."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Printed offsets ``(start, end)`` of the folded slice ``[start:end]``."""
        return self.origin[start], self.origin[end - 1] + 1


def fold_with_map(text: str) -> Folded:
    """Fold ``text`` and keep the way back to printed offsets."""
    if text.isascii():
        return Folded(text, range(len(text)))
    distinct = set(text)
    if all(len(fold_char(char)) == 1 for char in distinct):
        # One folded character per printed one (the usual case: a diacritic dropped, a
        # dash or an apostrophe simplified): the map is the identity; no loop per character.
        table = {ord(char): fold_char(char) for char in distinct}
        return Folded(text.translate(table), range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in fold_char(char):
            chars.append(folded)
            origin.append(index)
    return Folded("".join(chars), tuple(origin))
