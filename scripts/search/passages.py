"""The passages a reader can find: paragraphs, headings, notes, figure captions, index entries.

Passages come straight from the frozen model (:class:`~scripts.model.Document`) and from the
index data files the site publishes (``data/persons.json``, ``data/works.json``,
``data/glossary.json``); nothing is scraped from HTML. Each passage links to its own anchor.
Timeline entries are not passages of their own: each is a sentence of a paragraph that is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from scripts.model import Document, Figure, Heading, Paragraph, printed_text
from scripts.pages import DataFile
from scripts.sources import Source


class Kind(IntEnum):
    """What a passage is; the number is its code in the search files and its rank on ties."""

    PARAGRAPH = 0
    HEADING = 1
    NOTE = 2
    INDEX = 3


FILTERS = {"text": (Kind.PARAGRAPH, Kind.HEADING), "notes": (Kind.NOTE,), "indexes": (Kind.INDEX,)}
"""The reader's kind filter: reading texts, notes, indexes."""

INDEX_GROUP = "indexes"
"""Group id of the index entries (persons, works cited, glossary): shown after the sources."""


@dataclass(frozen=True)
class Passage:
    """One searchable passage and where it lives."""

    kind: Kind
    group: str
    """Slug of its source, or :data:`INDEX_GROUP`."""
    href: str
    """Site-relative URL with its anchor (``sources/esau-17/#p12``, ``persons/le-duan/``)."""
    label: str
    """What the reader sees before the text (``¶ 12``, ``Note 17``, ``Person``)."""
    text: str
    """The printed words (no markup)."""


def _source_passages(slug: str, document: Document) -> Iterator[Passage]:
    page = f"sources/{slug}/"
    for block in document.blocks():
        if isinstance(block, Paragraph):
            if block.anchor:
                label, href = f"¶ {block.n}", f"{page}#{block.anchor}"
            else:
                label, href = "Front matter", page
            yield Passage(Kind.PARAGRAPH, slug, href, label, block.text)
        elif isinstance(block, Heading):
            href = f"{page}#{block.anchor}" if block.anchor else page
            yield Passage(Kind.HEADING, slug, href, "Heading", block.text)
        elif isinstance(block, Figure):
            text = " ".join(
                t for t in (printed_text(block.caption), printed_text(block.credit)) if t
            )
            yield Passage(Kind.PARAGRAPH, slug, page, "Figure", text)
    for note in document.notes:
        if note.present:
            yield Passage(Kind.NOTE, slug, f"{page}#fn:{note.key}", f"Note {note.label}", note.text)


def _load(data: Sequence[DataFile], path: str) -> Any:
    for file in data:
        if file.path == path:
            return json.loads(file.content)
    return None


def _index_passages(data: Sequence[DataFile]) -> Iterator[Passage]:
    for person in _load(data, "data/persons.json") or []:
        names = "; ".join([person["name"], *person.get("variants", [])])
        dates = "–".join(d for d in (person.get("born"), person.get("died")) if d)
        details = ", ".join(d for d in (person.get("role"), dates) if d)
        text = f"{names} — {details}" if details else names
        yield Passage(Kind.INDEX, INDEX_GROUP, f"persons/{person['id']}/", "Person", text)
    for work in _load(data, "data/works.json") or []:
        yield Passage(
            Kind.INDEX, INDEX_GROUP, f"works-cited/#{work['id']}", "Work cited", work["citation"]
        )
    glossary = _load(data, "data/glossary.json") or {}
    for term in glossary.get("terms", []):
        parts = [term["term"], term.get("expansion") or "", term.get("note") or ""]
        text = " — ".join(p for p in parts if p)
        yield Passage(Kind.INDEX, INDEX_GROUP, f"glossary/#{term['anchor']}", "Glossary", text)


def collect(sources: Sequence[Source], data: Sequence[DataFile]) -> list[Passage]:
    """Every passage of the edition, in reading order: source by source, then the indexes."""
    found = [p for s in sources for p in _source_passages(s.meta.slug, s.document)]
    found += _index_passages(data)
    return [p for p in found if p.text.strip()]
