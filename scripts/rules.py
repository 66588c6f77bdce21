"""Repair rules shared by the normalisers, each a small pure function with a documented name.

A rule never edits text in place: it returns the pieces (kept text and emendations) so that
the normaliser can record every change with its raw form, printed form and rule name.
:data:`RULES` describes each rule for the editorial page.
"""

from __future__ import annotations

import re
import unicodedata

from scripts.model import Emendation, Inline, Text

RULES: dict[str, str] = {
    "wrong-alphabet": (
        "A letter from another alphabet (Cyrillic, Greek) that looks like a Latin letter, inside "
        "a word otherwise written in Latin letters, replaced by the Latin letter with the same "
        "diacritics."
    ),
    "lost-range-dash": (
        "A page range whose dash was lost (99100) restored where exactly one split gives an "
        "ascending range of pages (99–100)."
    ),
    "lost-closing-quote": (
        "A quoted title whose closing quotation mark and following space were lost before the "
        "next element of the citation (Perspective,Foreign) restored (Perspective,” Foreign)."
    ),
    "scrape-leftover": (
        "The word “Footnote” left by the web page's footnote markup, at the start of a note or "
        "before a cross-reference or lower-case word (in Footnote ibid.), removed."
    ),
}
"""Every rule name used in :class:`~scripts.model.Emendation` records, with its description."""

HOMOGLYPHS = dict(
    zip(
        "аеорсухіјѕԁһԛԝАВЕКМНОРСТХУІЈЅοαρνικτΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdhqwABEKMHOPCTXYIJSoapvikrABEZHIKMNOPTYX",
        strict=True,
    )
)
"""Cyrillic and Greek letters whose glyphs are indistinguishable from Latin ones."""
_FOREIGN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_WORD = re.compile(r"\w+")


def _latinise(char: str) -> str | None:
    """The Latin letter a Cyrillic/Greek letter imitates, diacritics kept; None if no look-alike."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if base not in HOMOGLYPHS:
        return None
    return unicodedata.normalize("NFC", HOMOGLYPHS[base] + marks)


def wrong_alphabet(word: str) -> str | None:
    """Repair a Latin-script word that contains look-alike letters of another alphabet.

    Returns the repaired word, or None when the word needs no repair (all Latin, all
    foreign — a real Cyrillic word is left alone — or a foreign letter with no Latin twin).
    """
    foreign = _FOREIGN.findall(word)
    latin = [c for c in word if c.isalpha() and not _FOREIGN.match(c)]
    if not foreign or not latin:
        return None
    repaired = []
    for char in word:
        if _FOREIGN.match(char):
            twin = _latinise(char)
            if twin is None:
                return None
            repaired.append(twin)
        else:
            repaired.append(char)
    return "".join(repaired)


MAX_SPAN = 50
"""The longest page range a citation is taken to give (longer splits are not certain)."""


def split_page_range(digits: str) -> str | None:
    """Restore the dash of a page range printed as one number (``189220`` → ``189–220``).

    Only a split that gives an ascending range of at most :data:`MAX_SPAN` pages counts, written in full
    (``99–100``) or abbreviated Chicago-style (``218–21``); if not exactly one split
    qualifies the number is left alone.
    """
    candidates = []
    for cut in range(1, len(digits)):
        first, second = digits[:cut], digits[cut:]
        if second.startswith("0") and len(second) >= len(first):
            continue
        if len(second) < len(first):
            end = int(first[: len(first) - len(second)] + second)
        else:
            end = int(second)
        start = int(first)
        if first.startswith("0") or not 0 < end - start <= MAX_SPAN:
            continue
        candidates.append(f"{first}–{second}")
    return candidates[0] if len(candidates) == 1 else None


def repair_words(text: str, line: int) -> list[Inline]:
    """Apply the word-level rules (wrong alphabet) to a run of text, recording each repair."""
    if not _FOREIGN.search(text):
        # Nearly every run is Latin only: one scan instead of a rule call per word (the
        # benchmark found this loop the largest cost of normalising).
        return [Text(text)] if text else []
    out: list[Inline] = []
    last = 0
    for match in _WORD.finditer(text):
        fixed = wrong_alphabet(match.group())
        if fixed is None:
            continue
        if match.start() > last:
            out.append(Text(text[last : match.start()]))
        out.append(Emendation(match.group(), fixed, "wrong-alphabet", line))
        last = match.end()
    if last < len(text):
        out.append(Text(text[last:]))
    return out
