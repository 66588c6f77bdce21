"""The unified timeline: one chronology of the dated statements of all sources.

``build(sources)`` makes

* ``timeline.md`` (``/timeline/``): the index: the coverage chart and the list of years
  (each item keeps the old anchor ``#y<YYYY>`` of the one-page timeline), filterable by source
  and period by ``assets/javascripts/timeline.js``, which also sends the old addresses
  ``/timeline/#y<YYYY>`` and ``/timeline/#e-…`` to the page of their year;
* ``timeline/<YYYY>.md`` (``/timeline/1954/``, continued as ``/timeline/1954-2/``… when a year
  has more than :data:`~scripts.indexes.timeline_layout.PAGE_STATEMENTS` statements: see
  :mod:`scripts.indexes.timeline_layout`): the entries of one year, each with its date as
  printed and normalised, a source badge, the sentence with the date marked, and a link to
  its paragraph. Events that several sources share (:mod:`scripts.indexes.shared`) stand as
  one entry with their sentences side by side. No page grows with the corpus;
* ``timeline/<slug>.md`` (``/timeline/<slug>/``): the same for one source, linked from the
  source's page, so a source's own timeline needs no script;
* the coverage chart (:mod:`scripts.indexes.coverage`) on the timeline and the home page;
* ``data/timeline.json`` and ``data/timeline.csv``; ``date`` spans in the reading texts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from html import escape

from scripts.annotate import Span
from scripts.annotate.dates import Event, Precision, all_events
from scripts.indexes.coverage import coverage_svg
from scripts.indexes.shared import evidence, shared_events
from scripts.indexes.timeline_layout import (
    PAGE_STATEMENTS,
    Entry,
    Part,
    Piece,
    entry_year,
    paginate,
    part_slug,
)
from scripts.pages import Contribution, DataFile, Link, Page
from scripts.render.escape import md_inline
from scripts.render.ready import ready
from scripts.sources import Source

COLOURS = ("#1f5f99", "#8a3b12", "#2e6b30", "#6b2e6b", "#5c5c00")
"""Badge and bar colours in source order; white text on each passes WCAG AA (≥ 4.5:1)."""


def entries(events: Sequence[Event]) -> list[Entry]:
    """Every entry in timeline order: shared groups stand where their finest date stands."""
    grouped = shared_events(events)
    in_group = {e for group in grouped for e in group}
    result: list[Entry] = [(e,) for e in events if e not in in_group]
    for group in grouped:
        result.append(tuple(sorted(group, key=lambda e: e.source)))
    order = {e: i for i, e in enumerate(events)}
    return sorted(result, key=lambda entry: max(order[e] for e in entry))


def entry_id(entry: Entry) -> str:
    """A stable id: date, source, paragraph and offset of the entry's first event."""
    e = entry[0]
    return f"e-{e.date}-{e.source}-p{e.paragraph}-{e.start}"


def _date_label(e: Event) -> str:
    label = e.date + (f"/{e.end}" if e.end else "")
    extra = [e.qualifier] if e.qualifier else []
    if e.inferred:
        extra.append("year inferred")
    return label + (f" ({', '.join(extra)})" if extra else "")


def _sentence_html(e: Event) -> str:
    """The sentence, escaped, with the date in ``<mark>``."""
    a, b = e.start - e.sentence_start, e.stop - e.sentence_start
    s = e.sentence
    return f"{escape(s[:a])}<mark>{escape(s[a:b])}</mark>{escape(s[b:])}"


def _entry_html(
    entry: Entry,
    labels: dict[str, str],
    colours: dict[str, str],
    to_root: str,
    urls: dict[str, str],
    only: str | None = None,
    piece: Piece | None = None,
    neighbours: tuple[str, str] = ("", ""),
) -> str:
    """One entry; with ``only``, that source's statements and a link to the shared entry.

    A source's own timeline does not repeat the other sources' sentences (which would make
    every source page grow with the number of sources telling the same event); it links to
    the entry of the whole timeline, where they stand side by side. ``urls`` gives the page
    of each entry id (relative to the site root). With ``piece``, only those statements of
    the entry are shown; a piece that does not start (end) the entry links to the previous
    (next) page, ``neighbours``, where the entry continues.
    """
    first, last = min(e.year for e in entry), max(e.last_year for e in entry)
    slugs = " ".join(sorted({e.source for e in entry}))
    kind = "tl-entry tl-entry--shared" if len(entry) > 1 else "tl-entry"
    ident = entry_id(entry)
    sides = []
    chosen = entry if piece is None else entry[piece.start : piece.stop]
    shown = [e for e in chosen if only is None or e.source == only]
    if piece is not None and not piece.first:
        kind += " tl-entry--cont"
        sides.append(
            f'<p class="tl-cont">Continued from <a href="{escape(neighbours[0])}#{escape(ident)}">'
            "the previous page</a>.</p>"
        )
    others = len({e.source for e in entry} - {e.source for e in shown}) if only else 0
    for e in shown:
        href = f"{to_root}sources/{e.source}/#{e.anchor}"
        badge = (
            f'<span class="tl-badge" style="background:{colours[e.source]}">'
            f"{escape(labels[e.source])}</span>"
        )
        sides.append(
            f'<blockquote class="tl-side" data-source="{escape(e.source)}">'
            f'<p class="tl-meta">{badge} <time datetime="{escape(e.date)}">'
            f"{escape(e.date_text)}</time> "
            f'<span class="tl-norm">{escape(_date_label(e))}</span> '
            f'<a class="tl-link" href="{escape(href)}">¶{e.paragraph}</a></p>'
            f'<p class="tl-text">{_sentence_html(e)}</p></blockquote>'
        )
    if len(entry) > 1:
        # Why these statements are one event: the happening they all name.
        sides.insert(0, f'<p class="tl-evidence">One event: {escape(evidence(entry))}.</p>')
    if others:
        source_word = "source" if others == 1 else "sources"
        sides.append(
            f'<p class="tl-also">Also told by {others} other {source_word}: '
            f'<a href="{to_root}{urls[ident]}#{escape(ident)}">see them side by side</a>.</p>'
        )
    if piece is not None and not piece.last:
        sides.append(
            f'<p class="tl-cont">Continued on <a href="{escape(neighbours[1])}">the next page</a>.</p>'
        )
    id_attr = f' id="{escape(ident)}"' if piece is None or piece.first else ""
    return (
        f'<article class="{kind}"{id_attr} data-sources="{slugs}" '
        f'data-start="{first}" data-end="{last}">{"".join(sides)}</article>'
    )


SEARCH_BOOST = 0.001
"""Rank of a year's page in search, below the texts: each quotes the sentences of the sources,
and forty-odd year pages would otherwise fill the first results of a query for a name."""


def _front(title: str, description: str, boost: float | None = None) -> str:
    title_yaml = json.dumps(title, ensure_ascii=False)
    description_yaml = json.dumps(description, ensure_ascii=False)
    search = f"search:\n  boost: {boost}\n" if boost is not None else ""
    return f"---\ntitle: {title_yaml}\ndescription: {description_yaml}\n{search}---\n\n"


def _chronology(
    all_entries: Sequence[Entry],
    labels: dict[str, str],
    colours: dict[str, str],
    to_root: str,
    urls: dict[str, str],
    only: str | None = None,
) -> str:
    """Year headings and their entries (each year's entries in one raw HTML block)."""
    by_year: dict[int, list[Entry]] = {}
    for entry in all_entries:
        by_year.setdefault(entry_year(entry), []).append(entry)
    out = []
    for year in sorted(by_year):
        items = "\n".join(
            _entry_html(x, labels, colours, to_root, urls, only) for x in by_year[year]
        )
        block = f'<div class="tl-year" data-year="{year}">\n{items}\n</div>'
        out.append(f"## {year} {{#y{year}}}\n\n" + "\n".join(ready([block])))
    return "\n".join(out)


def _filter(
    slugs: Sequence[str], labels: dict[str, str], noun: str, span: tuple[int, int], count: int
) -> str:
    """The filters by source and period, written whole so that nothing moves when the page
    loads; ``timeline.js`` makes them work, and without scripts they are not shown
    (``edition-script-only``). ``span`` is the first and last year of the ``count`` items."""
    low, high = span
    boxes = "".join(
        f'<label><input type="checkbox" name="source" value="{escape(slug)}" checked> '
        f"{escape(labels[slug])}</label>"
        for slug in slugs
    )
    years = f'min="{low}" max="{high}"'
    return (
        f'<div class="tl-filter edition-script-only" data-noun="{noun}">'
        '<form class="tl-controls" aria-label="Filter the timeline">'
        f"<fieldset><legend>Sources</legend>{boxes}</fieldset>"
        "<fieldset><legend>Period</legend>"
        f'<label>From <input type="number" name="from" {years} value="{low}"></label>'
        f'<label>to <input type="number" name="to" {years} value="{high}"></label></fieldset>'
        f'<p class="tl-status" role="status">{count} of {count} {noun} shown</p>'
        "</form></div>\n\n"
    )


def _part_page(
    part: Part,
    parts: Sequence[Part],
    position: int,
    around: tuple[int | None, int | None],
    labels: dict[str, str],
    colours: dict[str, str],
    urls: dict[str, str],
) -> str:
    """One page of the timeline: a year, or one part of a long year; ``around`` gives the
    years before and after it."""
    year = part.year
    of = f", part {part.number} of {part.of}" if part.of > 1 else ""
    statements = sum(p.stop - p.start for p in part.pieces)
    heading = (
        f"# Timeline: {year}{of} {{#y{year}}}" if part.number == 1 else (f"# Timeline: {year}{of}")
    )
    nav = []
    if around[0] is not None:
        nav.append(f"[← {around[0]}]({part_slug(around[0], 1)}.md)")
    nav.append("[all years](../timeline.md)")
    if around[1] is not None:
        nav.append(f"[{around[1]} →]({part_slug(around[1], 1)}.md)")
    line = " · ".join(nav)
    if part.of > 1:
        numbers = [
            f"**{n}**" if n == part.number else f"[{n}]({part_slug(year, n)}.md)"
            for n in range(1, part.of + 1)
        ]
        line += " · parts of this year: " + " ".join(numbers)
    previous = f"../{parts[position - 1].url.split('/', 1)[1]}" if position > 0 else ""
    following = (
        f"../{parts[position + 1].url.split('/', 1)[1]}" if position + 1 < len(parts) else ""
    )
    slugs = list(dict.fromkeys(e.source for p in part.pieces for e in p.entry[p.start : p.stop]))
    items = "\n".join(
        _entry_html(
            p.entry, labels, colours, "../../", urls, piece=p, neighbours=(previous, following)
        )
        for p in part.pieces
    )
    return (
        _front(
            f"Timeline: {year}{of}",
            f"{statements} dated statements of the sources about {year}{of}, in order.",
            SEARCH_BOOST,
        )
        + heading
        + "\n\n"
        + line
        + "\n\n"
        + "\n".join(
            ready(
                [
                    _filter(
                        _in_order(slugs, labels),
                        labels,
                        "entries",
                        (
                            min(e.year for p in part.pieces for e in p.entry),
                            max(e.last_year for p in part.pieces for e in p.entry),
                        ),
                        len(part.pieces),
                    ).rstrip("\n"),
                    f'<div class="tl-year" data-year="{year}">\n{items}\n</div>',
                ]
            )
        )
    )


def _in_order(slugs: Iterable[str], labels: dict[str, str]) -> list[str]:
    """These slugs in the order of the sources."""
    wanted = set(slugs)
    return [slug for slug in labels if slug in wanted]


SOURCE_PAGE_STATEMENTS = 250
"""Most statements a source's own timeline page lists itself (about ten elements each);
a source with more gets a list of its years instead, each leading to the year's page shown
for that source only (``/timeline/1960/?source=<slug>``), so that no page grows with a
source's length. The three published sources have 124 to 214."""


def _source_years(slug: str, parts: Sequence[Part]) -> str:
    """A source's years, each with its number of statements, linked to the year's pages
    filtered on the source. Each item keeps the anchor ``#y<YYYY>`` and, for a year of several
    pages, names the file that maps entry ids to pages, so that ``timeline.js`` leads an old
    address of an entry of this page (``#e-…``) to its page."""
    by_year: dict[int, list[tuple[Part, int]]] = {}
    for part in parts:
        count = sum(
            1
            for piece in part.pieces
            for e in piece.entry[piece.start : piece.stop]
            if e.source == slug
        )
        if count:
            by_year.setdefault(part.year, []).append((part, count))
    query = f"?source={escape(slug)}"
    items = []
    for year, own in sorted(by_year.items()):
        statements = sum(count for _, count in own)
        links = [f'<a href="../{part_slug(year, part.number)}/{query}">' for part, _ in own]
        more = ""
        if len(own) > 1:
            more = " · on the pages " + " ".join(
                f"{link}{part.number}</a>" for link, (part, _) in zip(links, own, strict=True)
            )
        data_parts = f' data-parts="../{year}-parts.json"' if own[0][0].of > 1 else ""
        items.append(
            f'<li class="tl-index-year" id="y{year}"{data_parts}>{links[0]}{year}</a>: '
            f"{statements} dated statement{'s' if statements != 1 else ''}{more}</li>"
        )
    block = '<ul class="tl-index">\n' + "\n".join(items) + "\n</ul>"
    return (
        "The statements are listed on the pages of their years, shown for this source only:\n\n"
        + "\n".join(ready([block]))
        + "\n"
    )


def _year_span(parts: Sequence[Part]) -> tuple[int, int]:
    """The first year of the index's list and the last year any of its statements reaches."""
    last = max(
        e.last_year
        for p in parts
        for piece in p.pieces
        for e in piece.entry[piece.start : piece.stop]
    )
    return min(p.year for p in parts), last


def _year_list(parts: Sequence[Part], labels: dict[str, str]) -> tuple[str, list[DataFile]]:
    """The index's list of years (each keeps the old anchor ``#y<YYYY>``) and the maps from
    entry id to part for the years of more than one page (read by the redirect of old links)."""
    items: list[str] = []
    maps: list[DataFile] = []
    by_year: dict[int, list[Part]] = {}
    for part in parts:
        by_year.setdefault(part.year, []).append(part)
    for year, own in by_year.items():
        first = own[0]
        events = [
            e for p in own for piece in p.pieces for e in piece.entry[piece.start : piece.stop]
        ]
        slugs = _in_order({e.source for e in events}, labels)
        end = max(e.last_year for e in events)
        extra = ""
        data_parts = ""
        if first.of > 1:
            links = " ".join(
                f'<a href="{part_slug(year, p.number)}/">{p.number}</a>' for p in own[1:]
            )
            extra = f" · continued in parts {links}"
            where = {
                entry_id(piece.entry): part_slug(year, p.number) + "/"
                for p in own[1:]
                for piece in p.pieces
                if piece.first
            }
            name = f"{year}-parts.json"
            maps.append(DataFile(f"timeline/{name}", json.dumps(where, sort_keys=True) + "\n"))
            data_parts = f' data-parts="{name}"'
        sources = "source" if len(slugs) == 1 else "sources"
        items.append(
            f'<li class="tl-index-year" id="y{year}" data-sources="{" ".join(slugs)}" '
            f'data-start="{year}" data-end="{end}"{data_parts}>'
            f'<a href="{year}/">{year}</a>: {len(events)} dated statements from '
            f"{len(slugs)} {sources}{extra}</li>"
        )
    block = '<ul class="tl-index">\n' + "\n".join(items) + "\n</ul>\n"
    return block, maps


def data_rows(
    events: Sequence[Event], shared: dict[Event, str] | None = None
) -> list[dict[str, object]]:
    """The rows of ``data/timeline.json`` and ``.csv``, in timeline order.

    ``event`` is the id of the cross-source entry a statement belongs to (``shared``), or
    None when no other source tells the same happening.
    """
    shared = shared or {}
    return [
        {
            "date": e.date,
            "precision": e.precision.value,
            "end": e.end,
            "qualifier": e.qualifier,
            "inferred": e.inferred,
            "date_text": e.date_text,
            "source": e.source,
            "anchor": e.anchor,
            "paragraph": e.paragraph,
            "text": e.sentence,
            "event": shared.get(e),
        }
        for e in events
    ]


def _csv(rows: list[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


def _spans(
    events: Sequence[Event], ids: dict[Event, str], urls: dict[str, str]
) -> dict[tuple[str, str], tuple[Span, ...]]:
    spans: dict[tuple[str, str], list[Span]] = {}
    for e in events:
        title = _date_label(e)
        href = f"{urls[ids[e]]}#{ids[e]}"
        spans.setdefault((e.source, e.anchor), []).append(
            Span(e.start, e.stop, "date", title, href)
        )
    return {key: tuple(sorted(v, key=lambda s: s.start)) for key, v in sorted(spans.items())}


MAX_BANDS = 12
"""Beyond this many sources the coverage chart draws one band for all of them: a band per
source would make the chart (and every page that shows it) grow with the corpus."""


def build(sources: Sequence[Source]) -> Contribution:
    """The timeline's pages, data, chart, links and date spans for these sources."""
    events = all_events([(s.meta.slug, s.document) for s in sources])
    labels = {s.meta.slug: s.meta.short_title for s in sources}
    colours = {s.meta.slug: COLOURS[i % len(COLOURS)] for i, s in enumerate(sources)}
    bands = [(s.meta.slug, s.meta.short_title, colours[s.meta.slug]) for s in sources]
    band: Callable[[Event], str] | None = None
    if len(bands) > MAX_BANDS:
        bands = [("all", f"All {len(sources)} sources", COLOURS[0])]
        band = _all_sources
    all_entries = entries(events)
    ids = {e: entry_id(entry) for entry in all_entries for e in entry}
    parts = paginate(all_entries)
    urls = {
        entry_id(piece.entry): part.url for part in parts for piece in part.pieces if piece.first
    }
    years = {part.year for part in parts}

    def year_link(prefix: str) -> Callable[[int], str | None]:
        return lambda y: f"{prefix}{y}/" if y in years else None

    shared = [x for x in all_entries if len(x) > 1]
    intro = (
        f"{len(events)} dated statements from the body text of the sources, in one "
        f"chronology; {len(shared)} entries show two or more sources telling the same event "
        "side by side, each with its evidence: the statements share an entry only when their "
        "dates agree and they name the same happening (the same conference, agreement, war, "
        "visit), never for the year alone. Each date is shown as printed and normalised (ISO 8601); "
        "*year inferred* marks a date whose year the source gives earlier in the paragraph "
        "or section. Notes and headings are not mined. The chronology has one page per year "
        f"(a year of more than {PAGE_STATEMENTS} statements continues on further pages)."
    )
    chart = coverage_svg(events, bands, year_link(""), ident="tl-coverage", band=band)
    per_source = ", ".join(f"[{md_inline(labels[s])}](timeline/{s}.md)" for s in labels)
    span = f"{min(years)}–{max(e.last_year for e in events)}" if events else ""
    year_list, maps = _year_list(parts, labels)
    main = (
        _front("Timeline", f"One chronology of the dated statements of all sources, {span}.")
        + "# Timeline\n\n"
        + intro
        + f"\n\nOne source only: {per_source}.\n\n"
        + f'<figure class="tl-figure">\n{chart}\n</figure>\n\n'
        + "## Years\n\n"
        + (_filter(list(labels), labels, "years", _year_span(parts), len(years)) if years else "")
        + year_list
    )
    pages = [Page("timeline.md", main)]
    order = sorted(years)
    around = {
        y: (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None)
        for i, y in enumerate(order)
    }
    pages += [
        Page(part.path, _part_page(part, parts, n, around[part.year], labels, colours, urls))
        for n, part in enumerate(parts)
    ]
    source_links: dict[str, tuple[Link, ...]] = {}
    editorial: dict[str, str] = {}
    by_source: dict[str, list[Entry]] = {slug: [] for slug in labels}
    counts: dict[str, list[int]] = {slug: [0, 0] for slug in labels}
    for e in events:
        counts[e.source][0] += 1
        counts[e.source][1] += e.inferred
    for entry in all_entries:
        for slug in dict.fromkeys(e.source for e in entry):
            by_source[slug].append(entry)
    for slug, label in labels.items():
        own = by_source[slug]
        n, inferred = counts[slug]
        with_others = sum(1 for x in own if len(x) > 1)
        body = (
            _front(f"Timeline: {label}", f"The dated statements of {label}, in order.")
            + f"# Timeline: {md_inline(label)}\n\n"
            + f"{n} dated statements of this source ({inferred} with the year inferred); "
            + f"{with_others} also told by another source (the whole timeline shows them side by side). "
            + "See also [the whole timeline](../timeline.md).\n\n"
            + (
                _chronology(own, labels, colours, "../../", urls, only=slug)
                if n <= SOURCE_PAGE_STATEMENTS
                else _source_years(slug, parts)
            )
        )
        pages.append(Page(f"timeline/{slug}.md", body))
        source_links[slug] = (Link("Timeline of this source", f"timeline/{slug}.md"),)
        editorial[slug] = (
            "### Dates\n\n"
            f"The edition found {n} dated statements in the body text of this source "
            f"({inferred} whose year is given earlier in the paragraph or section); "
            f"{with_others} of them tell a happening another source tells too (dates that "
            "agree and the same named conference, agreement, war or visit). "
            f"See [its timeline](../../timeline/{slug}.md). Dates in notes, headings, "
            "publication data and titles of works are not counted.\n"
        )
    rows = data_rows(events, {e: ids[e] for entry in shared for e in entry})
    home = (
        "## Timeline\n\n"
        + '<figure class="tl-figure">\n'
        + coverage_svg(events, bands, year_link("timeline/"), ident="home-coverage", band=band)
        + "\n</figure>\n\n"
        + f"[The timeline]({'timeline.md'}): {len(events)} dated statements, "
        + f"{len(shared)} events told by more than one source.\n"
    )
    return Contribution(
        pages=tuple(pages),
        data=(
            DataFile("data/timeline.json", json.dumps(rows, ensure_ascii=False, indent=2) + "\n"),
            DataFile("data/timeline.csv", _csv(rows)),
            *maps,
        ),
        spans=_spans(events, ids, urls),
        editorial=editorial,
        source_links=source_links,
        home=home,
    )


def _all_sources(event: Event) -> str:
    return "all"


__all__ = ["Entry", "Precision", "build", "entries", "entry_id"]
