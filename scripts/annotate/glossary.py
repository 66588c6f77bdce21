"""Abbreviations in the reading texts: where each glossary term stands, and where a source
spells it out.

Pure functions over the model and a validated :class:`~scripts.annotate.glossary_schema.Glossary`.
A form of a term (the term or one of its variants) is an occurrence when

1. it stands as a whole token, case-sensitive: no letter, digit or underscore touches it on
   either side (``USSR`` holds no ``US``, ``us`` is not ``US``; ``PAVN’s`` and ``Sino-US`` are
   occurrences);
2. it is not inside a web address or an e-mail address;
3. where the entry gives ``preceded_by``, the text just before it ends with that pattern
   (``CC`` only after a party's abbreviation or "the": it is also a Roman numeral);
4. where the entry is ``also_a_word`` (``US`` = *us*), it does not stand in a passage set in
   capitals: the nearest word on each side that exists is all capitals ("THE US NAVY"
   is no evidence for the abbreviation).

Spans are ``Span(start, end, "abbr", title=<expansion>)``; the renderer makes them ``<abbr>``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from scripts.annotate import Span, runs
from scripts.annotate.glossary_schema import GlossaryEntry
from scripts.model import Document, Figure, Inline, printed_text

_ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"  # a web address with a scheme or www.
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/[^\s<>\"]*"  # a bare host and path (files.ethz.ch/isn/…)
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a glossary term in a run of a document."""

    entry: GlossaryEntry
    """The glossary entry it belongs to."""
    form: str
    """The form as printed (``US`` or ``U.S.``)."""
    location: str
    """The run (``p12``, ``front3``, ``fn:7``, ``h:<anchor>``, ``figure1``)."""
    start: int
    """Offset of its first character in the run's printed text."""
    end: int
    """Offset just past its last character."""


def annotatable_runs(document: Document) -> Iterator[tuple[str, tuple[Inline, ...]]]:
    """Every run that may hold an abbreviation: :func:`scripts.annotate.runs` in reading order,
    then figure captions and credits as ``figure<I>`` (the I-th figure, counted from 1)."""
    yield from runs(document)
    figure = 0
    for block in document.blocks():
        if isinstance(block, Figure):
            figure += 1
            yield f"figure{figure}", block.caption + block.credit


def _may_hold_address(text: str) -> bool:
    """False when ``text`` cannot hold an address: each kind of :data:`_ADDRESS` needs a ``/``
    (a scheme, a path), ``www.`` or an ``@``. Most paragraphs have none, and the scan costs a
    try of every branch at every word."""
    return "/" in text or "@" in text or "www." in text


class Matcher:
    """Finds the occurrences of a set of glossary entries in a text."""

    def __init__(self, entries: Sequence[GlossaryEntry]) -> None:
        self._by_form = {form: entry for entry in entries for form in entry.forms}
        self._contexts = {
            entry.term: re.compile(f"(?:{entry.preceded_by})\\Z")
            for entry in entries
            if entry.preceded_by is not None
        }
        # Longest form first, so that a form never stops short inside a longer one.
        forms = sorted(self._by_form, key=lambda f: (-len(f), f))
        alternatives = "|".join(re.escape(f) for f in forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def find(self, text: str) -> list[tuple[int, int, GlossaryEntry, str]]:
        """``(start, end, entry, form)`` of every occurrence in ``text``, in order."""
        addresses = (
            [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
            if _may_hold_address(text)
            else []
        )
        found = []
        for match in self._pattern.finditer(text):
            start, end = match.span()
            form = match.group()
            entry = self._by_form[form]
            if any(a < end and start < b for a, b in addresses):
                continue
            context = self._contexts.get(entry.term)
            if context is not None and not context.search(text[max(0, start - 80) : start]):
                continue
            if entry.also_a_word and in_capitals(text, start, end):
                continue
            found.append((start, end, entry, form))
        return found


def in_capitals(text: str, start: int, end: int) -> bool:
    """True when the nearest word on each side of ``text[start:end]`` that exists is all capitals."""
    # A window is enough to find the nearest word, and keeps a long note linear to scan.
    before = [m.group() for m in _WORD.finditer(text, max(0, start - 200), start)]
    after = _WORD.search(text, end, end + 200)
    neighbours = ([before[-1]] if before else []) + ([after.group()] if after else [])
    return bool(neighbours) and all(word.isupper() for word in neighbours)


def occurrences(document: Document, entries: Sequence[GlossaryEntry]) -> list[Occurrence]:
    """Every occurrence of the entries in a document, in reading order."""
    matcher = Matcher(entries)
    result = []
    for location, inlines in annotatable_runs(document):
        for start, end, entry, form in matcher.find(printed_text(inlines)):
            result.append(Occurrence(entry, form, location, start, end))
    return result


def abbr_spans(found: Sequence[Occurrence]) -> dict[str, tuple[Span, ...]]:
    """The ``abbr`` spans of a document's occurrences, by location."""
    spans: dict[str, list[Span]] = {}
    for occ in found:
        spans.setdefault(occ.location, []).append(
            Span(occ.start, occ.end, "abbr", occ.entry.expansion)
        )
    return {location: tuple(items) for location, items in spans.items()}


def _fold(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).split())


def _definition(entry: GlossaryEntry) -> re.Pattern[str]:
    """How a source spells an abbreviation out: ``Full Name (ABBR)``, ``ABBR (the Full Name)``,
    ``Full Name, … [hereafter ABBR]`` (possessives allowed: ``Army of Vietnam's (PAVN's)``)."""
    expansion = r"\s+".join(re.escape(word) for word in _fold(entry.expansion).split())
    forms = "|".join(re.escape(f) for f in entry.forms)
    full = rf"(?i:{expansion})"
    abbr = rf"(?<!\w)(?:{forms})(?:'s)?"
    return re.compile(
        rf"{full}(?:'s)?\s*\((?:the\s+)?{abbr}\)"
        rf"|{abbr}\s*\((?:the\s+)?{full}(?:'s)?\)"
        rf"|{full}[^.()\[\]]{{0,120}}\[hereafter\s+{abbr}\]"
    )


def spelled_out(document: Document, entries: Sequence[GlossaryEntry]) -> dict[str, list[str]]:
    """For each term, the locations where the document pairs it with its full form, in order."""
    texts = [
        (location, _fold(printed_text(inlines))) for location, inlines in annotatable_runs(document)
    ]
    # A run without the abbreviation cannot spell it out: find the runs that hold each form
    # in one pass over the joined texts, and search for the definition only there.
    if not texts:
        return {entry.term: [] for entry in entries}
    joined = "\x00".join(text for _, text in texts)
    starts = list(itertools.accumulate((len(text) + 1 for _, text in texts[:-1]), initial=0))
    result: dict[str, list[str]] = {}
    for entry in entries:
        pattern = _definition(entry)
        holding = set().union(*(_runs_holding(joined, starts, form) for form in entry.forms))
        result[entry.term] = [texts[i][0] for i in sorted(holding) if pattern.search(texts[i][1])]
    return result


def _runs_holding(joined: str, starts: Sequence[int], form: str) -> set[int]:
    """Indexes of the runs (joined by NUL, starting at ``starts``) whose text contains ``form``."""
    found: set[int] = set()
    if not form:
        return set(range(len(starts)))
    at = joined.find(form)
    while at != -1:
        run = bisect.bisect_right(starts, at) - 1
        found.add(run)
        at = joined.find(form, starts[run + 1]) if run + 1 < len(starts) else -1
    return found


def definitions(document: Document, entry: GlossaryEntry) -> list[str]:
    """The locations where a document pairs the abbreviation with its full form, in order."""
    return spelled_out(document, (entry,))[entry.term]
