"""The glossary of abbreviations: tooltips in the reading texts, a page, a data file.

``build(sources)`` loads ``sources/glossary.yml`` and makes

* ``abbr`` spans on every occurrence of a term in the reading texts (body, front matter,
  notes, headings, figure captions), titled with the expansion (:mod:`scripts.annotate.glossary`);
* ``glossary.md`` (``/glossary/``): the terms in alphabetical order under letter headings, each
  a paragraph with a stable id (``#ccp``): expansion, whether a source spells it out (and
  where), the note, and the sources that use it with counts and a link to the first
  occurrence;
* ``data/glossary.json``: the same as data;
* a section for each source's editorial page and a header link to the glossary.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.annotate.glossary import Occurrence, abbr_spans, occurrences, spelled_out
from scripts.annotate.glossary_schema import Glossary, GlossaryEntry, load_glossary
from scripts.indexes.listing import listed, notice
from scripts.pages import Contribution, DataFile, Link, Page
from scripts.render.escape import md_inline, yaml_string
from scripts.sources import Source

GLOSSARY = Path(__file__).resolve().parents[2] / "sources" / "glossary.yml"
"""The curated glossary."""
DISPLAY = "sources/glossary.yml"
"""Its name in messages."""
PAGE = "glossary.md"


@dataclass(frozen=True)
class SourceUse:
    """How one source uses one term."""

    slug: str
    """The source."""
    count: int
    """Occurrences of the term (all its forms) in the source's reading text."""
    first: str
    """Location of the first occurrence (``p12``, ``front3``, ``fn:7``, ``h:<anchor>``, ``figure1``)."""
    spelled_out_at: str | None
    """Location where the source pairs the term with its full form, if it does."""


@dataclass(frozen=True)
class TermUse:
    """A glossary entry and its use across the sources."""

    entry: GlossaryEntry
    sources: tuple[SourceUse, ...]

    @property
    def total(self) -> int:
        return sum(use.count for use in self.sources)


def usage(
    sources: Sequence[Source], glossary: Glossary, found: dict[str, list[Occurrence]]
) -> list[TermUse]:
    """Every entry with its use in each source that has it, entries in alphabetical order.

    ``found`` holds each source's occurrences (:func:`~scripts.annotate.glossary.occurrences`).
    """
    spelled = {s.meta.slug: spelled_out(s.document, glossary.terms) for s in sources}
    result = []
    for entry in sorted(glossary.terms, key=lambda e: (e.term.casefold(), e.term)):
        uses = []
        for source in sources:
            mine = [o for o in found[source.meta.slug] if o.entry.term == entry.term]
            if not mine:
                continue
            where = spelled[source.meta.slug][entry.term]
            uses.append(
                SourceUse(source.meta.slug, len(mine), mine[0].location, next(iter(where), None))
            )
        result.append(TermUse(entry, tuple(uses)))
    return result


def anchor_of_location(location: str) -> str | None:
    """The id of a location on a source's reading page (None for a figure, which has none)."""
    if location.startswith("h:"):
        return location[2:]
    if location.startswith("figure"):
        return None
    return location


def _place(location: str, notes: dict[str, str]) -> tuple[str, str]:
    """A reader's name for a location and its preposition: ``at ¶12``, ``in note 7``."""
    if location.startswith("p") and location[1:].isdigit():
        return "at", f"¶{location[1:]}"
    if location.startswith("fn:"):
        return "in", f"note {notes.get(location[3:], location[3:])}"
    if location.startswith("front"):
        return "in", "the front matter"
    if location.startswith("h:"):
        return "in", "a heading"
    return "in", "the figure caption or credit"


def _link(slug: str, location: str, notes: dict[str, str]) -> str:
    """``at [¶12](sources/<slug>/index.md#p12)``: the place, linked where it has an anchor."""
    preposition, name = _place(location, notes)
    anchor = anchor_of_location(location)
    if anchor is None:
        return f"{preposition} {md_inline(name)}"
    return f"{preposition} [{md_inline(name)}](sources/{slug}/index.md#{anchor})"


def _entry_markdown(
    use: TermUse, sources: dict[str, Source], notes: dict[str, dict[str, str]]
) -> str:
    entry = use.entry
    head = f"**{md_inline(entry.term)}**"
    if entry.variants:
        head += " (also " + ", ".join(md_inline(v) for v in entry.variants) + ")"
    head += f" — {md_inline(entry.expansion)}"
    lines = [head]
    spelled = [u for u in use.sources if u.spelled_out_at]
    if spelled:
        where = listed(
            [
                f"{md_inline(sources[u.slug].meta.short_title)}, "
                + _link(u.slug, u.spelled_out_at or "", notes[u.slug])
                for u in spelled
            ]
        )
        lines.append(f"Spelled out in {where}.")
    elif entry.expanded_in_sources:
        lines.append("Spelled out by a source of the edition.")
    else:
        lines.append("Expansion supplied by the editors: no source spells it out.")
    if entry.note:
        lines.append(md_inline(entry.note))
    if use.sources:
        parts = [
            f"{md_inline(sources[u.slug].meta.short_title)}: {u.count}×, first "
            + _link(u.slug, u.first, notes[u.slug])
            for u in use.sources
        ]
        lines.append("Used in " + listed(parts) + ".")
    else:
        lines.append("Not found in the reading texts of this edition.")
    # Two trailing spaces make a line break inside the one paragraph that carries the id.
    return "  \n".join(lines) + f"\n{{ #{entry.anchor} }}"


def _group(term: str) -> str:
    first = term[0].upper()
    return first if first.isalpha() else "0–9"


def _group_id(group: str) -> str:
    return "letter-" + ("0-9" if group == "0–9" else group.lower())


def render_page(uses: Sequence[TermUse], sources: Sequence[Source]) -> Page:
    """The Markdown of ``/glossary/``."""
    by_slug = {s.meta.slug: s for s in sources}
    notes = {s.meta.slug: {n.key: n.label for n in s.document.notes} for s in sources}
    groups: dict[str, list[TermUse]] = {}
    for use in uses:
        groups.setdefault(_group(use.entry.term), []).append(use)
    description = (
        f"The {len(uses)} abbreviations and acronyms of the edition's sources with their "
        "expansions, where each source uses them and where it spells them out."
    )
    lines = [
        "---",
        f"title: {yaml_string('Glossary of abbreviations')}",
        f"description: {yaml_string(description)}",
        "---",
        "",
        "# Glossary of abbreviations",
        "",
        f"The {len(uses)} abbreviations and acronyms that the sources use. Where a source spells "
        "an abbreviation out, the expansion is given in that source's words and the place is "
        "linked; otherwise the expansion is the editors' and says so. In the paragraphs and "
        "notes of the reading texts each occurrence carries its expansion as a tooltip. "
        "Counts are of whole words, "
        "case-sensitive: *US* the country, never *us*; Roman numerals are not abbreviations."
        + notice([len(use.sources) for use in uses]),
        "",
        " · ".join(f"[{md_inline(g)}](#{_group_id(g)})" for g in groups),
        "",
    ]
    for group, members in groups.items():
        lines += [f"## {md_inline(group)} {{ #{_group_id(group)} }}", ""]
        for use in members:
            lines += [_entry_markdown(use, by_slug, notes), ""]
    return Page(PAGE, "\n".join(lines))


def render_data(uses: Sequence[TermUse]) -> DataFile:
    """``data/glossary.json``: every term, its expansion and its use by source."""
    terms = [
        {
            "term": use.entry.term,
            "anchor": use.entry.anchor,
            "expansion": use.entry.expansion,
            "expanded_in_sources": use.entry.expanded_in_sources,
            "variants": list(use.entry.variants),
            "note": use.entry.note,
            "total": use.total,
            "sources": [
                {
                    "slug": u.slug,
                    "count": u.count,
                    "first": u.first,
                    "spelled_out_at": u.spelled_out_at,
                }
                for u in use.sources
            ],
        }
        for use in uses
    ]
    text = json.dumps({"terms": terms}, ensure_ascii=False, indent=2, sort_keys=False)
    return DataFile("data/glossary.json", text + "\n")


def editorial_section(slug: str, uses: Sequence[TermUse]) -> str:
    """The section of a source's editorial page on the abbreviations its reading text marks."""
    mine = [(use, u) for use in uses for u in use.sources if u.slug == slug]
    if not mine:
        return ""
    count = sum(u.count for _, u in mine)
    spelled = [use.entry for use, u in mine if u.spelled_out_at]
    unspelled = [use.entry for use, u in mine if not u.spelled_out_at]

    def names(entries: Sequence[GlossaryEntry]) -> str:
        return (
            ", ".join(f"[{md_inline(e.term)}](../../{PAGE}#{e.anchor})" for e in entries) or "none"
        )

    return "\n".join(
        [
            "### Abbreviations",
            "",
            f"The reading text holds {count} occurrences of {len(mine)} abbreviations of the "
            f"[glossary](../../{PAGE}). In its paragraphs and notes each carries its expansion "
            "as a tooltip; the words of the text are unchanged.",
            "",
            f"Spelled out by this source: {names(spelled)}.",
            "",
            f"Not spelled out by this source: {names(unspelled)}.",
            "",
        ]
    )


def build_from(sources: Sequence[Source], glossary: Glossary) -> Contribution:
    """The glossary's contribution for a given glossary (the testable core of :func:`build`)."""
    found = {s.meta.slug: occurrences(s.document, glossary.terms) for s in sources}
    uses = usage(sources, glossary, found)
    spans = {
        (slug, location): marks
        for slug, mine in found.items()
        for location, marks in abbr_spans(mine).items()
    }
    editorial = {
        s.meta.slug: section for s in sources if (section := editorial_section(s.meta.slug, uses))
    }
    return Contribution(
        pages=(render_page(uses, sources),),
        data=(render_data(uses),),
        spans=spans,
        editorial=editorial,
        source_links={s.meta.slug: (Link("Glossary of abbreviations", PAGE),) for s in sources},
    )


def build(sources: Sequence[Source]) -> Contribution:
    """The glossary's contribution to the site, from ``sources/glossary.yml``."""
    return build_from(sources, load_glossary(GLOSSARY, display=DISPLAY))
