"""Works cited: one bibliography of every work the notes of the sources cite.

``build(sources)`` reads the notes of every source (:mod:`scripts.annotate.citations`),
resolves short forms and Ibid. (:mod:`scripts.annotate.citation_resolve`) and gives:

* ``works-cited.md`` (``/works-cited/``): each work once, alphabetical by the surname of
  its first author or editor (by title where it has none), its full citation and every
  note that cites it, by source, linked to the note; a filter by source and by kind
  (``docs/assets/javascripts/works.js``) that the page does not need to be read;
* ``data/works.json`` and ``data/works.csl.json`` (CSL-JSON);
* a ``work`` span over each resolved citation in the notes, linking to its entry;
* for each source's editorial page, what stayed unresolved and why.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from scripts.annotate import Span
from scripts.annotate.citation_forms import Citation
from scripts.annotate.citation_resolve import (
    Bibliography,
    NoteText,
    Work,
    fold,
    resolve,
    short_title,
    surname,
    title_tokens,
)
from scripts.indexes.listing import listed, notice
from scripts.indexes.works_format import chicago, csl_item, record
from scripts.indexes.works_names import family_first_names
from scripts.pages import Contribution, DataFile, Link, Page
from scripts.render.escape import md_inline
from scripts.sources import Source

PAGE = "works-cited.md"
KIND_LABELS = {
    "book": "book",
    "chapter": "chapter",
    "article": "journal article",
    "newspaper": "newspaper or magazine",
    "report": "report or working paper",
    "thesis": "thesis",
    "document": "government document",
    "interview": "interview",
    "correspondence": "correspondence",
    "conversation": "conversation",
    "speech": "speech",
    "cable": "cable or telegram",
}


def _notes(source: Source) -> list[NoteText]:
    return [
        NoteText(note.label, note.key, note.text, note.present and bool(note.text.strip()))
        for note in source.document.notes
    ]


def sort_key(work: Work, family_first: frozenset[str] = frozenset()) -> tuple[str, str, str]:
    """First author's (or editor's) surname, else the title without its article."""
    c = work.citation
    names = c.authors or c.editors
    if names:
        head = fold(surname(names[0], family_first))
    else:
        head = " ".join(title_tokens(c.title or c.container))
    return head, " ".join(title_tokens(c.title)), work.id


def _source_name(source: Source) -> str:
    return source.meta.short_title


def _cited_line(work: Work, sources: Sequence[Source]) -> str:
    """``Cambridge History, ch. 15, notes 17, 24; CWIHP WP 34, note 3``, linked."""
    groups = []
    for source in sources:
        places = [x for x in work.cited if x.source == source.meta.slug]
        if not places:
            continue
        links: list[str] = []
        for place in places:
            label = md_inline(place.label)
            link = f"[{label}](sources/{source.meta.slug}/index.md#fn:{place.key})"
            if not links or links[-1] != link:
                links.append(link)
        noun = "notes" if len(links) > 1 else "note"
        groups.append(f"{md_inline(_source_name(source))}, {noun} {', '.join(links)}")
    return listed(groups)


def _entry(work: Work, sources: Sequence[Source]) -> str:
    c = work.citation
    cited_sources = sorted({x.source for x in work.cited})
    marker = (
        f'<span class="work-entry" id="{html.escape(work.id)}" '
        f'data-kind="{html.escape(c.kind)}" '
        f'data-sources="{html.escape(" ".join(cited_sources))}"></span>'
    )
    kind = md_inline(KIND_LABELS.get(c.kind, c.kind))
    cited = _cited_line(work, sources)
    return f'{marker}{chicago(c)} <span class="work-kind">({kind})</span><br>\nCited in {cited}.'


def _filter(works: Sequence[Work], sources: Sequence[Source]) -> str:
    """The filters by source and by kind above the list, written whole so that nothing moves
    when the page loads; ``works.js`` makes them work, and without scripts they are not shown."""
    names = {s.meta.slug: _source_name(s) for s in sources}
    cited = sorted({x.source for w in works for x in w.cited})
    kinds = sorted({w.citation.kind for w in works})

    def menu(label: str, first: str, options: Sequence[tuple[str, str]]) -> str:
        items = "".join(
            f'<option value="{html.escape(value)}">{html.escape(text)}</option>'
            for value, text in options
        )
        return f'<select aria-label="{label}"><option value="">{first}</option>{items}</select>'

    by_source = menu(
        "Filter by source", "All sources", [(slug, names.get(slug, slug)) for slug in cited]
    )
    by_kind = menu(
        "Filter by kind", "All kinds", [(kind, KIND_LABELS.get(kind, kind)) for kind in kinds]
    )
    count = f"{len(works)} of {len(works)} works"
    return (
        f'<div class="works-filter edition-script-only">{by_source}{by_kind}'
        f'<span class="works-filter__count" aria-live="polite">{count}</span></div>'
    )


def _by_source(bib: Bibliography, sources: Sequence[Source]) -> str:
    """``Works cited in each source: A (61), B (20).``: each item the anchor ``source-<slug>``.

    A source's page links here (``#source-<slug>``); the filter script then shows only
    that source's works.
    """
    items = []
    for s in sources:
        count = sum(1 for w in bib.works if any(x.source == s.meta.slug for x in w.cited))
        if count:
            anchor = html.escape(f"source-{s.meta.slug}")
            items.append(f'<span id="{anchor}">{md_inline(_source_name(s))}</span> ({count})')
    return "Works cited in each source: " + ", ".join(items) + "." if items else ""


def page(
    bib: Bibliography, sources: Sequence[Source], family_first: frozenset[str] = frozenset()
) -> str:
    """The Markdown of ``works-cited.md``."""
    works = sorted(bib.works, key=lambda w: sort_key(w, family_first))
    lines = [
        "---",
        "title: Works cited",
        "description: Every book, article, document and conversation the notes of the "
        "edition's sources cite, each once, with the notes that cite it.",
        "---",
        "",
        "# Works cited",
        "",
        f"{len(works)} works cited in the notes of the sources, each listed once, "
        "alphabetically by the surname of the first author or editor (by title where the "
        "notes name none). Names are given as the notes print them. Short forms and "
        "*Ibid.* are counted with the work they refer to; references that could not be "
        "resolved with certainty are listed on each source's editorial page."
        + notice([len({x.source for x in w.cited}) for w in works]),
        "",
    ]
    lines += [_by_source(bib, sources), ""]
    if works:
        lines += [_filter(works, sources), ""]
    lines += [_entry(work, sources) + "\n" for work in works]
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _editorial(bib: Bibliography, slug: str) -> str:
    refs = [r for r in bib.references if r.source == slug]
    if not refs:
        return ""
    unresolved = [r for r in refs if r.work is None]
    short = sum(1 for r in refs if r.citation.form == "short" and r.work)
    ibid = sum(1 for r in refs if r.citation.form == "ibid" and r.work)
    lines = [
        "### Works cited in the notes",
        "",
        f"The notes hold {_count(len(refs), 'citation')}; {_count(short, 'short form')} and "
        f"{ibid} *Ibid.* were resolved to the work they refer to "
        "(see [Works cited](../../works-cited.md)).",
        "",
    ]
    if unresolved:
        lines += [
            "These references could not be resolved with certainty and are not linked:",
            "",
        ]
        for r in unresolved:
            lines.append(
                f"- Note [{md_inline(r.note.label)}](index.md#fn:{r.note.key}): "
                f"{md_inline(r.citation.text.strip())} — {md_inline(r.reason)}."
            )
    else:
        lines.append("Every reference in the notes was resolved.")
    return "\n".join(lines) + "\n"


ITALIC_TITLE = {"book", "report", "thesis"}
"""Kinds of work whose own title is printed in italics (Chicago); of an article, chapter or
newspaper item the container (journal, book, newspaper) is, and its own title stays in
quotation marks. Archival items carry descriptions, not titles."""
ITALIC_CONTAINER = {"article", "chapter", "newspaper"}


def title_span(cite: Citation) -> Span | None:
    """A ``title`` span over the words of a cited work that are a title set in italics.

    The citation reader knows the title (or the journal/book a piece is in) as printed; the
    span covers it where it is found verbatim inside the citation, and is None otherwise
    (a short form, an archival description, a title the note does not print as such).
    """
    if cite.form != "full":
        return None
    if cite.kind in ITALIC_TITLE:
        words = cite.title
    elif cite.kind in ITALIC_CONTAINER:
        words = cite.container
    else:
        return None
    words = words.strip()
    at = cite.text.find(words) if len(words) > 2 else -1
    if at < 0:
        return None
    start = cite.start + at
    return Span(start=start, end=start + len(words), kind="title", title="")


def _spans(
    bib: Bibliography, family_first: frozenset[str]
) -> dict[tuple[str, str], tuple[Span, ...]]:
    spans: dict[tuple[str, str], list[Span]] = {}
    for r in bib.references:
        if r.work is None:
            continue
        work = bib.work(r.work)
        span = Span(
            start=r.citation.start,
            end=r.citation.end,
            kind="work",
            title=short_title(work.citation, family_first),
            href=f"works-cited/#{work.id}",
        )
        spans.setdefault((r.source, f"fn:{r.note.key}"), []).append(span)
        title = title_span(r.citation)
        if title is not None:
            spans[(r.source, f"fn:{r.note.key}")].append(title)
    return {key: tuple(sorted(v, key=lambda s: s.start)) for key, v in sorted(spans.items())}


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def build(sources: Sequence[Source], *, family_first: frozenset[str] | None = None) -> Contribution:
    """The works-cited index of the edition: page, data exports, note spans, editorial notes.

    ``family_first`` (folded names printed family name first) defaults to the curated
    ``sources/works-names.yml``.
    """
    if family_first is None:
        family_first = family_first_names()
    bib = resolve([(s.meta.slug, _notes(s)) for s in sources], family_first)
    works = sorted(bib.works, key=lambda w: sort_key(w, family_first))
    # works-cited.md sits at the root of docs/: its links to the sources are relative to it
    content = page(bib, sources, family_first)
    editorial = {s.meta.slug: _editorial(bib, s.meta.slug) for s in sources}
    return Contribution(
        pages=(Page(PAGE, content),),
        data=(
            DataFile("data/works.json", _json([record(w) for w in works])),
            DataFile("data/works.csl.json", _json([csl_item(w, family_first) for w in works])),
        ),
        spans=_spans(bib, family_first),
        editorial={slug: text for slug, text in editorial.items() if text},
        source_links={
            s.meta.slug: (Link("Works cited", f"works-cited.md#source-{s.meta.slug}"),)
            for s in sources
            if any(x.source == s.meta.slug for w in works for x in w.cited)
        },
    )
