"""How an entry of an index page lists the sources it occurs in, without growing with the corpus.

A glossary term or a cited work names each source that uses it, with links to the places. In
an edition of hundreds of sources one entry would carry hundreds of links, and the page tens
of thousands of elements. An entry therefore names at most :data:`SOURCES_LISTED` sources
and counts the others (:func:`notice` says so on the page); the data files (``data/glossary.json``, ``data/works.json``) list
every place, and each source's reading page marks its own.
"""

from __future__ import annotations

from collections.abc import Sequence

SOURCES_LISTED = 5
"""Most sources one entry of an index page names; the edition's three sources all fit."""


def listed(parts: Sequence[str], separator: str = "; ") -> str:
    """The first :data:`SOURCES_LISTED` of ``parts`` (one per source), joined, and the count
    of the others: ``A; B; C; D; E; and 295 other sources``."""
    shown = separator.join(parts[:SOURCES_LISTED])
    others = len(parts) - SOURCES_LISTED
    if others <= 0:
        return shown
    noun = "source" if others == 1 else "sources"
    return f"{shown}{separator}and {others} other {noun}"


def notice(counts: Sequence[int]) -> str:
    """The sentence an index page at the docs root adds to its introduction (with a leading
    space) when an entry, given by the number of its sources, names fewer than it has."""
    if not any(count > SOURCES_LISTED for count in counts):
        return ""
    return (
        f" An entry names at most {SOURCES_LISTED} sources and counts the others; "
        "[the data files](data/index.md) list every place."
    )
