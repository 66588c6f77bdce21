"""Annotation: pure functions over documents that mark stretches of the reading text.

An annotator (persons, abbreviations, dates, works cited) never edits a document. It
returns :class:`Span` records that say "characters ``start``–``end`` of the printed text at
``location`` in source ``slug`` are a mention of X". The renderer turns spans into links,
tooltips and ``<abbr>`` elements; the index pages are built from the same records.

A location names one run of inlines in a document:

* ``p<N>``      a numbered body paragraph (its public anchor);
* ``front<I>``  the I-th paragraph of the front matter, counted from 1;
* ``fn:<key>``  a note, by its key;
* ``h:<anchor>`` a heading, by its anchor.

Offsets count characters of :func:`scripts.model.printed_text` of that run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from scripts.model import Document, Heading, Inline, Paragraph


@dataclass(frozen=True)
class Span:
    """A stretch of printed text that an annotation marks."""

    start: int
    """Offset of the first character in the run's printed text."""
    end: int
    """Offset just past the last character."""
    kind: str
    """What it is: ``person``, ``abbr``, ``date``, ``work``."""
    title: str
    """Tooltip text (role and dates, an expansion, a full citation)."""
    href: str | None = None
    """Link target relative to the site root (``persons/le-duan/``), or None for no link."""


def runs(document: Document) -> Iterator[tuple[str, tuple[Inline, ...]]]:
    """Every annotatable run of a document as ``(location, inlines)``, in reading order.

    Body paragraphs first come as ``p<N>``; front paragraphs as ``front<I>``; headings as
    ``h:<anchor>``; notes as ``fn:<key>``.
    """
    front = 0
    for block in document.front:
        if isinstance(block, Paragraph):
            front += 1
            yield f"front{front}", block.inlines
        elif isinstance(block, Heading):
            yield f"h:{block.anchor}", block.inlines
    for block in document.body:
        if isinstance(block, Paragraph):
            if block.anchor:
                yield block.anchor, block.inlines
        elif isinstance(block, Heading):
            yield f"h:{block.anchor}", block.inlines
    for note in document.notes:
        yield f"fn:{note.key}", note.inlines
