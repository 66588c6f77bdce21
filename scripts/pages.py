"""What the pipeline hands to MkDocs: generated pages and data files."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.annotate import Span


@dataclass(frozen=True)
class Page:
    """A generated Markdown page."""

    path: str
    """Path under ``docs/`` as MkDocs sees it (``sources/<slug>/index.md``)."""
    content: str
    """The Markdown, front matter included."""


@dataclass(frozen=True)
class DataFile:
    """A generated file copied verbatim to the site (``data/persons.json``)."""

    path: str
    """Path under the site root."""
    content: str
    """The file's text (UTF-8)."""


@dataclass(frozen=True)
class Link:
    """A link the index offers on another page (a source page's header, the home page)."""

    label: str
    """The link text."""
    href: str
    """Target page as a path under ``docs/`` with an optional anchor, e.g. ``timeline.md#esau-17``
    (a Markdown link target that MkDocs validates)."""


@dataclass(frozen=True)
class Contribution:
    """What one index (persons, timeline, works cited, glossary) adds to the site.

    An index module exposes ``build(sources: Sequence[Source]) -> Contribution``; the site
    builder (:mod:`scripts.site`) collects them, hands the spans to the renderer of the
    reading pages and writes the pages and data files.
    """

    pages: tuple[Page, ...] = ()
    """Its own pages (``persons/index.md``, ``persons/le-duan.md``…)."""
    data: tuple[DataFile, ...] = ()
    """Its data exports (``data/persons.json``…)."""
    spans: dict[tuple[str, str], tuple[Span, ...]] = field(default_factory=dict)
    """Marks in the reading texts, by ``(slug, location)``."""
    editorial: dict[str, str] = field(default_factory=dict)
    """A Markdown section per source slug for that source's editorial page."""
    source_links: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    """Links per source slug for the header of that source's page."""
    home: str = ""
    """A Markdown fragment for the home page (e.g. the coverage chart)."""
