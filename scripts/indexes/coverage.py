"""The coverage chart: how densely each source speaks of each year, as SVG drawn at build time.

One band per source, one column per year from the earliest to the latest year of the data;
a bar's height grows with the number of dated statements the source makes about that year
(a range or decade counts for each of its years). Each year that has statements links to
that year of the timeline. Text is drawn in ``currentColor`` so it keeps the page's text
colour (and its contrast) in light and dark schemes; bars carry no text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from html import escape

from scripts.annotate.dates import Event, Precision

YEAR_WIDTH = 24
"""Pixels per year: each year's link is a 24-pixel target (WCAG 2.5.8)."""
BAND_HEIGHT = 28
LABEL_WIDTH = 150
AXIS_HEIGHT = 22


def year_counts(
    events: Sequence[Event], band: Callable[[Event], str] | None = None
) -> dict[str, Counter[int]]:
    """Statements per band (by default, per source) and year; a range counts once for each of
    its years.

    A decade counts for its first year only: it names an era, not ten years of events.
    """
    counts: dict[str, Counter[int]] = {}
    for e in events:
        last = e.year if e.precision is Precision.DECADE else e.last_year
        key = e.source if band is None else band(e)
        for year in range(e.year, last + 1):
            counts.setdefault(key, Counter())[year] += 1
    return counts


def coverage_svg(
    events: Sequence[Event],
    sources: Sequence[tuple[str, str, str]],
    year_href: Callable[[int], str | None],
    *,
    ident: str = "coverage",
    band: Callable[[Event], str] | None = None,
) -> str:
    """The chart as an inline ``<svg>`` element.

    ``sources`` is ``(slug, label, colour)`` per band, in order; ``year_href(year)`` gives
    the link of a year (None: no link). ``ident`` prefixes the ids of title and description.
    ``band(event)`` names the band of an event (default: its source's slug).
    """
    counts = year_counts(events, band)
    years = [y for c in counts.values() for y in c]
    if not years:
        return ""
    first, last = min(years), max(years)
    peak = max(n for c in counts.values() for n in c.values())
    width = LABEL_WIDTH + (last - first + 1) * YEAR_WIDTH + 10
    height = len(sources) * BAND_HEIGHT + AXIS_HEIGHT
    title = f"Dated statements per year and source, {first}–{last}"
    parts = [
        f'<svg class="tl-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="{width}" height="{height}" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">One band per source; the taller the bar, the more the source '
        f"says about that year. Each year links to the timeline.</desc>",
    ]
    for row, (slug, label, colour) in enumerate(sources):
        y0 = row * BAND_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y0 + BAND_HEIGHT - 9}" text-anchor="end" '
            f'fill="currentColor" font-size="12">{escape(label)}</text>'
        )
        parts.append(
            f'<line x1="{LABEL_WIDTH}" y1="{y0 + BAND_HEIGHT - 2}" x2="{width - 10}" '
            f'y2="{y0 + BAND_HEIGHT - 2}" stroke="currentColor" stroke-opacity="0.25"/>'
        )
        for year, n in sorted(counts.get(slug, Counter()).items()):
            bar = max(2, round((BAND_HEIGHT - 6) * n / peak))
            x = LABEL_WIDTH + (year - first) * YEAR_WIDTH
            statement = "statement" if n == 1 else "statements"
            parts.append(
                f'<rect class="tl-bar" data-source="{escape(slug)}" x="{x + 1}" '
                f'y="{y0 + BAND_HEIGHT - 2 - bar}" width="{YEAR_WIDTH - 2}" height="{bar}" '
                f'fill="{escape(colour)}"><title>{year}: {n} {statement} in '
                f"{escape(label)}</title></rect>"
            )
    axis_y = len(sources) * BAND_HEIGHT + 15
    links: list[str] = []
    for year in range(first, last + 1):
        x = LABEL_WIDTH + (year - first) * YEAR_WIDTH
        href = year_href(year)
        if href is not None:
            total = sum(c.get(year, 0) for c in counts.values())
            # HTML links over the chart, not SVG <a>: Material rewrites the href of every link
            # in a page, and an SVG link's href cannot be set.
            links.append(
                f'<a class="tl-chart-year" href="{escape(href)}" '
                f'style="left:{100 * x / width:.3f}%;width:{100 * YEAR_WIDTH / width:.3f}%" '
                f'aria-label="{year}: {total} dated statements" title="{year}: {total}"></a>'
            )
        edge = year in (first, last) and min(year % 5, 5 - year % 5) > 1
        if year % 5 == 0 or edge:
            parts.append(
                f'<text x="{x + YEAR_WIDTH / 2}" y="{axis_y}" text-anchor="middle" '
                f'fill="currentColor" font-size="10">{year}</text>'
            )
    parts.append("</svg>")
    return (
        '<div class="tl-chart-scroll" tabindex="0" role="region" '
        f'aria-label="{escape(title)} (scrolls sideways)">'
        f'<div class="tl-chart-wrap" style="width:{width}px">'
        + "".join(parts)
        + f'<div class="tl-chart-links">{"".join(links)}</div></div></div>'
    )
