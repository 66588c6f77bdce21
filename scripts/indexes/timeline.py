"""The unified timeline: one chronology of the dated statements of all sources.

``build(sources)`` makes

* ``timeline.md`` (``/timeline/``): entries grouped by year (headings ``#y<YYYY>``; a range
  or decade stands under its first year), each with its date as printed and normalised, a
  source badge, the sentence with the date marked, and a link to its paragraph. Events
  that several sources share (:mod:`scripts.indexes.shared`) stand as one entry with their
  sentences side by side. ``assets/javascripts/timeline.js`` adds filters by source and
  period; without it the page reads in full;
* ``timeline/<slug>.md`` (``/timeline/<slug>/``): the same for one source, linked from the
  source's page, so a source's own timeline needs no script;
* the coverage chart (:mod:`scripts.indexes.coverage`) on the timeline and the home page;
* ``data/timeline.json`` and ``data/timeline.csv``; ``date`` spans in the reading texts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from html import escape

from scripts.annotate import Span
from scripts.annotate.dates import Event, Precision, all_events
from scripts.indexes.coverage import coverage_svg
from scripts.indexes.shared import shared_events
from scripts.pages import Contribution, DataFile, Link, Page
from scripts.render.escape import md_inline
from scripts.sources import Source

COLOURS = ("#1f5f99", "#8a3b12", "#2e6b30", "#6b2e6b", "#5c5c00")
"""Badge and bar colours in source order; white text on each passes WCAG AA (≥ 4.5:1)."""

Entry = tuple[Event, ...]
"""One timeline entry: a single event, or the events of several sources that agree."""


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
    only: str | None = None,
) -> str:
    """One entry; with ``only``, that source's statements and a link to the shared entry.

    A source's own timeline does not repeat the other sources' sentences (which would make
    every source page grow with the number of sources telling the same event); it links to
    the entry of the whole timeline, where they stand side by side.
    """
    first, last = min(e.year for e in entry), max(e.last_year for e in entry)
    slugs = " ".join(sorted({e.source for e in entry}))
    kind = "tl-entry tl-entry--shared" if len(entry) > 1 else "tl-entry"
    sides = []
    shown = [e for e in entry if only is None or e.source == only]
    others = len({e.source for e in entry} - {e.source for e in shown})
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
    if others:
        source_word = "source" if others == 1 else "sources"
        sides.append(
            f'<p class="tl-also">Also told by {others} other {source_word}: '
            f'<a href="{to_root}timeline/#{escape(entry_id(entry))}">see them side by side</a>.</p>'
        )
    return (
        f'<article class="{kind}" id="{escape(entry_id(entry))}" data-sources="{slugs}" '
        f'data-start="{first}" data-end="{last}">{"".join(sides)}</article>'
    )


def _front(title: str, description: str) -> str:
    title_yaml = json.dumps(title, ensure_ascii=False)
    description_yaml = json.dumps(description, ensure_ascii=False)
    return f"---\ntitle: {title_yaml}\ndescription: {description_yaml}\n---\n\n"


def _chronology(
    all_entries: Sequence[Entry],
    labels: dict[str, str],
    colours: dict[str, str],
    to_root: str,
    only: str | None = None,
) -> str:
    """Year headings and their entries (each year's entries in one raw HTML block)."""
    by_year: dict[int, list[Entry]] = {}
    for entry in all_entries:
        by_year.setdefault(min(e.year for e in entry), []).append(entry)
    out = []
    for year in sorted(by_year):
        items = "\n".join(_entry_html(x, labels, colours, to_root, only) for x in by_year[year])
        out.append(
            f'## {year} {{#y{year}}}\n\n<div class="tl-year" data-year="{year}">\n{items}\n</div>\n'
        )
    return "\n".join(out)


def data_rows(events: Sequence[Event]) -> list[dict[str, object]]:
    """The rows of ``data/timeline.json`` and ``.csv``, in timeline order."""
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
    events: Sequence[Event], ids: dict[Event, str]
) -> dict[tuple[str, str], tuple[Span, ...]]:
    spans: dict[tuple[str, str], list[Span]] = {}
    for e in events:
        title = _date_label(e)
        href = f"timeline/#{ids[e]}"
        spans.setdefault((e.source, e.anchor), []).append(
            Span(e.start, e.stop, "date", title, href)
        )
    return {key: tuple(sorted(v, key=lambda s: s.start)) for key, v in sorted(spans.items())}


def build(sources: Sequence[Source]) -> Contribution:
    """The timeline's pages, data, chart, links and date spans for these sources."""
    events = all_events([(s.meta.slug, s.document) for s in sources])
    labels = {s.meta.slug: s.meta.short_title for s in sources}
    colours = {s.meta.slug: COLOURS[i % len(COLOURS)] for i, s in enumerate(sources)}
    bands = [(s.meta.slug, s.meta.short_title, colours[s.meta.slug]) for s in sources]
    all_entries = entries(events)
    ids = {e: entry_id(entry) for entry in all_entries for e in entry}
    years = {min(e.year for e in entry) for entry in all_entries}

    def year_link(prefix: str) -> Callable[[int], str | None]:
        return lambda y: f"{prefix}#y{y}" if y in years else None

    shared = [x for x in all_entries if len(x) > 1]
    intro = (
        f"{len(events)} dated statements from the body text of the sources, in one "
        f"chronology; {len(shared)} entries show two or more sources speaking of the same "
        "event side by side. Each date is shown as printed and normalised (ISO 8601); "
        "*year inferred* marks a date whose year the source gives earlier in the paragraph "
        "or section. Notes and headings are not mined."
    )
    chart = coverage_svg(events, bands, year_link(""), ident="tl-coverage")
    per_source = ", ".join(f"[{md_inline(labels[s])}](timeline/{s}.md)" for s in labels)
    sources_attr = json.dumps([[slug, labels[slug]] for slug in labels], ensure_ascii=False)
    span = f"{min(years)}–{max(e.last_year for e in events)}" if events else ""
    main = (
        _front("Timeline", f"One chronology of the dated statements of all sources, {span}.")
        + "# Timeline\n\n"
        + intro
        + f"\n\nOne source only: {per_source}.\n\n"
        + f'<figure class="tl-figure">\n{chart}\n</figure>\n\n'
        + f'<div class="tl-filter" data-sources="{escape(sources_attr)}"></div>\n\n'
        + _chronology(all_entries, labels, colours, "../")
    )
    pages = [Page("timeline.md", main)]
    source_links: dict[str, tuple[Link, ...]] = {}
    editorial: dict[str, str] = {}
    by_source: dict[str, list[Entry]] = {slug: [] for slug in labels}
    for entry in all_entries:
        for slug in dict.fromkeys(e.source for e in entry):
            by_source[slug].append(entry)
    for slug, label in labels.items():
        own = by_source[slug]
        n = sum(1 for e in events if e.source == slug)
        inferred = sum(1 for e in events if e.source == slug and e.inferred)
        with_others = sum(1 for x in own if len(x) > 1)
        body = (
            _front(f"Timeline: {label}", f"The dated statements of {label}, in order.")
            + f"# Timeline: {md_inline(label)}\n\n"
            + f"{n} dated statements of this source ({inferred} with the year inferred); "
            + f"{with_others} also told by another source (the whole timeline shows them side by side). "
            + "See also [the whole timeline](../timeline.md).\n\n"
            + _chronology(own, labels, colours, "../../", only=slug)
        )
        pages.append(Page(f"timeline/{slug}.md", body))
        source_links[slug] = (Link("Timeline of this source", f"timeline/{slug}.md"),)
        editorial[slug] = (
            "### Dates\n\n"
            f"The edition found {n} dated statements in the body text of this source "
            f"({inferred} whose year is given earlier in the paragraph or section); "
            f"{with_others} of them agree with another source on date and subject. "
            f"See [its timeline](../../timeline/{slug}.md). Dates in notes, headings, "
            "publication data and titles of works are not counted.\n"
        )
    rows = data_rows(events)
    home = (
        "## Timeline\n\n"
        + '<figure class="tl-figure">\n'
        + coverage_svg(events, bands, year_link("timeline/"), ident="home-coverage")
        + "\n</figure>\n\n"
        + f"[The timeline]({'timeline.md'}): {len(events)} dated statements, "
        + f"{len(shared)} events told by more than one source.\n"
    )
    return Contribution(
        pages=tuple(pages),
        data=(
            DataFile("data/timeline.json", json.dumps(rows, ensure_ascii=False, indent=2) + "\n"),
            DataFile("data/timeline.csv", _csv(rows)),
        ),
        spans=_spans(events, ids),
        editorial=editorial,
        source_links=source_links,
        home=home,
    )


__all__ = ["Precision", "build", "entries", "entry_id"]
