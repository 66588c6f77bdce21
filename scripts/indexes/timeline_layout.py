"""How the timeline is cut into pages so that no page grows with the corpus.

The chronology is split by year, and a year with more than :data:`PAGE_STATEMENTS`
statements is cut into parts (``/timeline/1960/``, ``/timeline/1960-2/``…). A shared entry
told by more sources than fit on one page is continued on the next part; its id stands on its
first piece only, so every entry id names exactly one page. Pure functions: no HTML here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scripts.annotate.dates import Event

Entry = tuple[Event, ...]
"""One timeline entry: a single event, or the events of several sources that agree."""

PAGE_STATEMENTS = 150
"""Most statements on one page of the timeline: about ten elements each, so a page stays
well under 3,000 elements (with the theme's own) however large the corpus grows."""


@dataclass(frozen=True)
class Piece:
    """The statements ``entry[start:stop]`` of one entry, shown on one page."""

    entry: Entry
    start: int
    stop: int

    @property
    def first(self) -> bool:
        """True for the piece that carries the entry's id."""
        return self.start == 0

    @property
    def last(self) -> bool:
        """True for the piece that ends the entry."""
        return self.stop == len(self.entry)


@dataclass(frozen=True)
class Part:
    """One page of the timeline: a year, or one part of a long year."""

    year: int
    number: int
    """1 for the year's first page, 2… for its continuations."""
    of: int
    """How many parts the year has."""
    pieces: tuple[Piece, ...]

    @property
    def path(self) -> str:
        """The page's Markdown path under ``docs/``."""
        return f"timeline/{part_slug(self.year, self.number)}.md"

    @property
    def url(self) -> str:
        """The page's directory URL relative to the site root."""
        return f"timeline/{part_slug(self.year, self.number)}/"


def part_slug(year: int, number: int) -> str:
    """``1960`` for a year's first page, ``1960-2`` for its second."""
    return str(year) if number == 1 else f"{year}-{number}"


def entry_year(entry: Entry) -> int:
    """The year an entry stands under: the first year of its earliest statement."""
    return min(e.year for e in entry)


def paginate(entries: Sequence[Entry], limit: int | None = None) -> list[Part]:
    """The pages of the timeline, in order, at most ``limit`` statements each (by default
    :data:`PAGE_STATEMENTS`); linear in the number of statements."""
    limit = PAGE_STATEMENTS if limit is None else limit
    by_year: dict[int, list[Entry]] = {}
    for entry in entries:
        by_year.setdefault(entry_year(entry), []).append(entry)
    parts: list[Part] = []
    for year in sorted(by_year):
        pages: list[list[Piece]] = [[]]
        used = 0
        for entry in by_year[year]:
            if used and used + len(entry) > limit:
                pages.append([])
                used = 0
            start = 0
            while start < len(entry):
                if used == limit:
                    pages.append([])
                    used = 0
                stop = min(len(entry), start + limit - used)
                pages[-1].append(Piece(entry, start, stop))
                used += stop - start
                start = stop
        parts += [
            Part(year, number, len(pages), tuple(pieces)) for number, pieces in enumerate(pages, 1)
        ]
    return parts
