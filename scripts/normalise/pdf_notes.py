"""Note references glued into the prose, and slips in acronyms, of a PDF text extraction.

A reference is a bare number in the running text (``China. 19 SEATO``,
``implementation.”8``). The prose has numbers of its own (years, ``308th``, ``16,000``,
``$10 million``, ``12 million``, a day whose month begins the next line), so a number is taken
as a reference only when it is the next in the sequence: references run 1, 2, 3… in order.
"""

from __future__ import annotations

import re
from collections import Counter

from scripts.normalise.english import zipf
from scripts.normalise.pdf_layout import Line
from scripts.normalise.shared.lines import Lexicon

_CANDIDATE = re.compile(r"(?<![\w$.,\-–/])(\d{1,3})(?![\w%\-–/]|[.,]\d)")
_MONTH = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_DEFINED = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{3,6})(?![\w])")


class SequenceScanner:
    """Finds note references in body lines by their sequence (the next expected number)."""

    def __init__(self) -> None:
        self.highest = 0
        self.found: dict[int, list[tuple[int, int, int]]] = {}
        """Raw line number → (start, end, number) of each reference on it."""

    def scan(self, line: Line, following: str) -> None:
        """Record the references of one body line, in order."""
        for match in _CANDIDATE.finditer(line.text):
            number = int(match.group(1))
            if number != self.highest + 1:
                continue
            after = line.text[match.end() :].strip() or following.strip()
            if _MONTH.match(after):
                continue  # a day of the month, not a reference
            self.found.setdefault(line.n, []).append((match.start(), match.end(), number))
            self.highest = number


def acronym_slips(raw: str) -> dict[str, str]:
    """Acronyms the text never defines that differ by one letter from one it does define.

    ``(LPP)`` defines the Lao People's Party; an undefined ``LLP`` used for it is a slip of
    the original, kept and marked *sic*. Returns slip → the defined acronym.
    """
    defined = set(_DEFINED.findall(raw))
    used = Counter(_ACRONYM.findall(raw))
    slips: dict[str, str] = {}
    for token in used:
        if token in defined:
            continue
        near = [
            d
            for d in defined
            if len(d) == len(token) and sum(a != b for a, b in zip(d, token, strict=True)) == 1
        ]
        if len(near) == 1 and used[near[0]] > used[token]:
            slips[token] = near[0]
    return slips


def truncated_words(lexicon: Lexicon) -> dict[str, str]:
    """Words unknown to English that the witness prints once, one letter short of a word it
    prints elsewhere (``Czechoslovaki`` beside ``Czechoslovakia``): slips of the original,
    kept and marked *sic*. Returns slip → the fuller word.
    """
    words = lexicon.printed
    slips: dict[str, str] = {}
    for word, count in words.items():
        if count != 1 or len(word) < 6 or zipf(word) > 0:
            continue
        fuller = [w for w in words if len(w) == len(word) + 1 and w.startswith(word)]
        if len(fuller) == 1:
            slips[word] = fuller[0]
    return slips


def slip_spans(
    text: str, acronyms: dict[str, str], words: dict[str, str]
) -> list[tuple[int, int, str]]:
    """(start, end, comment) of every slip in ``text``: acronyms and truncated words."""
    spans = [
        (m.start(), m.end(), f"for {acronyms[m.group(1)]}")
        for m in _ACRONYM.finditer(text)
        if m.group(1) in acronyms
    ]
    spans += [
        (m.start(), m.end(), f"misspelt; the text elsewhere has {words[m.group()]}")
        for m in re.finditer(r"(?<![\w’'])[A-Za-z]+(?![\w’'])", text)
        if m.group() in words
    ]
    return sorted(spans)
