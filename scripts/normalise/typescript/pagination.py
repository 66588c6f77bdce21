"""Labels for page breaks that lost their number, where the printed contents make them certain.

A heading listed in the contents with page P stands on page P; a numbered page break starts
its page. Between two such fixed points the number of pages that begin is known; when
exactly one page begins there and exactly one unnumbered break was found there, that break
is the start of that page, and it gets the number (marked as inferred).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from scripts.model import Block, Heading, Inline, PageBreak, Paragraph
from scripts.normalise.shared.pages import page_value, to_roman
from scripts.normalise.typescript import furniture as ts


@dataclass(frozen=True)
class _Point:
    """A place in reading order: a fixed page (heading, numbered break) or a gap to label."""

    page: tuple[int, int] | None
    """Page value (roman 0 / arabic 1, number); None for an unnumbered break."""
    starts: bool = False
    """True for a numbered break, which begins its page (a heading merely stands on it)."""
    where: tuple[int, int] = (-1, -1)
    """Block and inline index of an unnumbered break."""


def _points(body: list[Block], entries: list[ts.Entry]) -> list[_Point]:
    pages: dict[str, list[str]] = {}
    for entry in entries:
        pages.setdefault(ts.match_key(entry.text), []).append(entry.page)
    seen: dict[str, int] = {}
    points: list[_Point] = []
    for b, block in enumerate(body):
        if isinstance(block, Heading):
            key = ts.match_key(block.text)
            n = seen.get(key, 0)
            seen[key] = n + 1
            if n < len(pages.get(key, [])):
                points.append(_Point(page_value(pages[key][n])))
        elif isinstance(block, Paragraph):
            for i, node in enumerate(block.inlines):
                if isinstance(node, PageBreak):
                    value = page_value(node.label) if node.label else None
                    points.append(_Point(value, starts=True, where=(b, i)))
    return points


def _labelled(node: Inline, label: str) -> Inline:
    assert isinstance(node, PageBreak)
    return replace(node, label=label, inferred=True)


def infer_page_labels(body: list[Block], entries: list[ts.Entry]) -> list[Block]:
    """The body with unnumbered page breaks labelled where the contents leave one choice."""
    points = _points(body, entries)
    fixed = [k for k, p in enumerate(points) if p.page is not None]
    labels: dict[tuple[int, int], str] = {}
    for before, after in itertools.pairwise(fixed):
        gaps = points[before + 1 : after]
        first, last = points[before].page, points[after].page
        assert first is not None and last is not None
        beginning = last[1] - first[1] - (1 if points[after].starts else 0)
        if first[0] == last[0] and beginning == 1 and len(gaps) == 1:
            number = first[1] + 1
            labels[gaps[0].where] = str(number) if first[0] else to_roman(number)
    out: list[Block] = []
    for b, block in enumerate(body):
        if isinstance(block, Paragraph) and any(
            (b, i) in labels for i in range(len(block.inlines))
        ):
            inlines = tuple(
                _labelled(node, labels[(b, i)]) if (b, i) in labels else node
                for i, node in enumerate(block.inlines)
            )
            block = replace(block, inlines=inlines)
        out.append(block)
    return out


def confirmations(body: list[Block], entries: list[ts.Entry]) -> list[tuple[str, str, str]]:
    """Typed page numbers whose reading the contents confirm: (marker, page, heading).

    After the marker that ends page N, the first heading before any further break must be
    listed in the contents on page N+1 if the marker is a footer.
    """
    pages: dict[str, list[str]] = {}
    for entry in entries:
        pages.setdefault(ts.match_key(entry.text), []).append(entry.page)
    seen: dict[str, int] = {}
    pending: PageBreak | None = None
    found = []
    for block in body:
        if isinstance(block, Heading):
            key = ts.match_key(block.text)
            n = seen.get(key, 0)
            seen[key] = n + 1
            listed = pages.get(key, [])
            if pending and pending.label and n < len(listed) and listed[n] == pending.label:
                found.append((pending.raw, pending.label, block.text))
            pending = None
        elif isinstance(block, Paragraph):
            for node in block.inlines:
                if isinstance(node, PageBreak):
                    pending = node if node.raw else None
    return found
