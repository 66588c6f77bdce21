"""What the pipeline hands to MkDocs: generated pages and data files."""

from __future__ import annotations

from dataclasses import dataclass


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
