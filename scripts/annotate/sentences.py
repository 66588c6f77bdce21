"""Split a paragraph of reading text into sentences, keeping offsets.

A full stop ends a sentence when whitespace and the start of a new sentence (a capital
letter, a digit, an opening quote or bracket) follow it, unless the word before the stop is
an abbreviation (``Mr.``, ``No.``, ``pp.``), an initial (``J.``, ``W. P.``) or a dotted
acronym (``U.S.``, ``U.N.``). Question and exclamation marks always end a sentence when a
new one follows. Closing quotes and brackets after the mark stay with the sentence.

Rules rather than a trained model: the three sources are edited English prose whose few
abbreviations are known, and a rule can be read, tested and extended by an editor.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "adm",
        "sgt",
        "rev",
        "st",
        "jr",
        "sr",
        "messrs",
        "no",
        "nos",
        "vol",
        "vols",
        "p",
        "pp",
        "ed",
        "eds",
        "trans",
        "cf",
        "ch",
        "chap",
        "fig",
        "art",
        "sec",
        "para",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "viz",
        "ca",
        "c",
        "al",
        "op",
        "cit",
        "ibid",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "co",
        "corp",
        "inc",
        "ltd",
        "dept",
        "univ",
        "assn",
    ]
)
"""Words (lower case, without the final stop) that a full stop does not end a sentence after."""

# A mark that may end a sentence, any closing quotes or brackets, then the gap.
_BOUNDARY = re.compile(r"([.!?])([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9À-Ý])")
# The word just before a full stop: letters and inner dots (``U.S``, ``e.g``, ``Mr``).
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end``: letters and inner dots, starting with a letter.

    Read backwards from ``end`` (what ``([A-Za-z][A-Za-z.]*)$`` matches in ``text[:end]``), so
    that the cost does not grow with the length of the text before it.
    """
    start = end
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and text[start] == ".":
        start += 1
    return text[start:end]


def _is_abbreviation(word: str) -> bool:
    """True when ``word`` (text before a full stop) is an abbreviation, initial or acronym."""
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Stephen J. Morris"
    # A dotted acronym such as "U.S" or "U.S.S.R": single letters joined by stops.
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each sentence of ``text``, leading spaces excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1) == ".":
            word = _word_before(text, match.start(1))
            if word and _is_abbreviation(word):
                continue
        end = match.start(3)
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end(3)
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]
