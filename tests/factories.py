"""Small hand-built sources for the index tests: one place that knows how a Source is made."""

from __future__ import annotations

from scripts.meta import Provenance, SourceMeta
from scripts.model import Document
from scripts.sources import Source


def source_of(
    slug: str,
    document: Document,
    *,
    order: int = 0,
    kind: str = "chapter",
    short_title: str | None = None,
    title: str | None = None,
) -> Source:
    """A source with minimal valid metadata around a hand-built document."""
    meta = SourceMeta(
        slug=slug,
        normaliser="web-capture",
        file="source.txt",
        kind=kind,  # type: ignore[arg-type]
        short_title=short_title or slug,
        title=title or slug,
        issued="2024",
        provenance=Provenance(description="test"),
        order=order,
    )
    return Source(meta=meta, raw="", document=document, path=f"sources/{slug}/source.txt")
