"""The pages of the person index: ``/persons/`` and one ``/persons/<id>/`` per person.

Every piece of source or YAML text is escaped: ``md_inline`` in Markdown, ``html.escape``
inside the raw HTML of the filterable list and of the mention lists (HTML-ready runs,
:mod:`scripts.render.ready`). Links between Markdown pages point at ``.md`` files (MkDocs
checks them); links inside raw HTML use final directory URLs, built from the anchors of the
model.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scripts.annotate.fold import fold
from scripts.annotate.persons import Mention
from scripts.annotate.persons_schema import Person
from scripts.pages import Page
from scripts.render.escape import md_inline, yaml_string
from scripts.render.ready import ready

CATEGORY_LABEL = {"actor": "historical actor", "scholar": "scholar or author"}
EXCLUDE = " { data-search-exclude }"
"""Keeps a section out of the search index: mention lists quote the sources, and would make
every person page a hit for every name it quotes, crowding the source pages out of results."""
CONTEXT = 70
"""Characters of context either side of a mention in a keyword-in-context line."""


@dataclass(frozen=True)
class SourceInfo:
    """What the person pages need to know of a source."""

    slug: str
    label: str
    texts: dict[str, str]
    """Printed text of every run by location (for keyword-in-context snippets)."""


_CATEGORY_FILTER = (
    '<div class="person-filter edition-script-only" data-person-filter role="group" '
    'aria-label="Show">'
    + "".join(
        f'<button type="button" class="person-filter__button" data-category="{key}" '
        f'aria-pressed="{"true" if key == "all" else "false"}">{label}</button>'
        for key, label in (
            ("all", "All"),
            ("actor", "Historical actors"),
            ("scholar", "Scholars and authors"),
        )
    )
    + "</div>\n\n"
)
"""The index's filter by category, written whole so that nothing moves when the page loads;
``persons.js`` makes the buttons work, and without scripts they are not shown."""


def sort_key(person: Person) -> tuple[str, str]:
    """Alphabetical by folded family name, then given name (``Đ`` sorts with ``D``).

    ``Zhou Enlai`` files under Zhou, ``Henry Kissinger`` under Kissinger; a name without a
    family name (``U Nu``) under its whole form.
    """
    return fold(person.parts.sort_key).casefold(), person.id


def other_forms(person: Person) -> list[str]:
    """Every form but the preferred name: full variants, then forms used alone."""
    return [*person.variants, *person.short]


SEARCH_BOOST = 0.001
"""Rank of a person page in search, below the texts: a query for ``Le Duan`` should show the
passages first; and the many titles ``Lê …`` would otherwise fill the first results."""


def _front_matter(title: str, description: str, boost: float | None = None) -> str:
    search = f"search:\n  boost: {boost}\n" if boost is not None else ""
    return (
        f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n"
        f"{search}---\n\n"
    )


def _life(person: Person) -> str:
    parts = []
    if person.born:
        parts.append(f"born {person.born}")
    if person.died:
        parts.append(f"died {person.died}")
    return ", ".join(parts)


def _context(text: str, mention: Mention) -> tuple[str, str, str]:
    left = text[max(0, mention.start - CONTEXT) : mention.start]
    right = text[mention.end : mention.end + CONTEXT]
    if mention.start > CONTEXT:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if mention.end + CONTEXT < len(text):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return left, text[mention.start : mention.end], right


def _html_line(text: str) -> str:
    """Text for an HTML text node, on one line."""
    return html.escape(" ".join(text.split()), quote=False)


def kwic_html(text: str, mention: Mention) -> str:
    """A keyword-in-context line: escaped context (on one line, ellipses where cut), the
    mention in bold."""
    left, core, right = _context(text, mention)
    before = _html_line(left) + (" " if left[-1:].isspace() else "")
    after = (" " if right[:1].isspace() else "") + _html_line(right)
    return f"{before}<strong>{_html_line(core)}</strong>{after}".strip()


def _anchor(location: str) -> str:
    # A heading's run is ``h:<anchor>``; its element id is the bare anchor.
    return location[2:] if location.startswith("h:") else location


def _link(slug: str, location: str, up: str = "../") -> str:
    """A Markdown link target from a person's page (``up`` leads from its folder to the
    docs root)."""
    return f"{up}sources/{slug}/index.md#{_anchor(location)}"


def _url(slug: str, location: str, up: str = "../../") -> str:
    """The final URL of :func:`_link` from the page's directory URL (for HTML-ready lists)."""
    return html.escape(f"{up}sources/{slug}/#{_anchor(location)}")


def _mention_list(items: Sequence[tuple[str, str, str]]) -> str:
    """A list of mentions, ``(label HTML, URL, snippet HTML)`` each, as an HTML-ready run
    (a person named thousands of times would otherwise cost Python-Markdown a parse of
    every line)."""
    if not items:
        return ""
    lines = [f'<li><a href="{url}">{label}</a> {snippet}</li>' for label, url, snippet in items]
    return "\n".join(ready(['<ul class="mentions">\n' + "\n".join(lines) + "\n</ul>"]))


def _location_label(location: str) -> str:
    if location.startswith("fn:"):
        return f"note {location[3:]}"
    if location.startswith("front"):
        return "front matter"
    if location.startswith("h:"):
        return "heading"
    return f"¶{location[1:]}"


PAGE_MENTIONS = 400
"""Most mentions (a source's heading counting as :data:`HEADING_COST`) listed on one page of
a person: about three elements each, so that no page passes 3,000 elements with the theme's
own however many sources name the person. A person named more often gets further pages
(``/persons/<id>/2/``…); the busiest person of the three published sources (290 mentions)
keeps one page."""
HEADING_COST = 2


@dataclass(frozen=True)
class _Item:
    """One mention line: its label (HTML), where it points and its context (HTML)."""

    label: str
    slug: str
    location: str
    snippet: str


@dataclass(frozen=True)
class _Block:
    """A run of mention lines under one heading: a source's mentions in its texts (with
    ``summary``: its slug, first and last location, mentions and paragraphs), or the notes
    (no summary)."""

    section: str
    title: str
    items: tuple[_Item, ...]
    summary: tuple[str, str, str, int, int] | None = None


def _heading(block: _Block, up: str) -> str:
    """A source's heading and summary line in Markdown (``up`` leads to the docs root)."""
    assert block.summary is not None
    slug, first, last, count, paragraphs = block.summary
    return (
        f"### {md_inline(block.title)}{EXCLUDE}\n\n"
        f"{count} mention(s) in {paragraphs} paragraph(s); "
        f"first in [{_location_label(first)}]({_link(slug, first, up)}), "
        f"last in [{_location_label(last)}]({_link(slug, last, up)}).\n\n"
    )


@dataclass(frozen=True)
class _Chunk:
    block: _Block
    items: tuple[_Item, ...]
    first: bool


_BODY = f"## Mentions in the texts{EXCLUDE}\n\n"
_NOTES = (
    f"## In the notes and front matter{EXCLUDE}\n\n"
    "Notes mostly name authors of cited works; "
    "these mentions are not counted above.\n\n"
)


def _blocks(mentions: Sequence[Mention], sources: Sequence[SourceInfo]) -> list[_Block]:
    body = [m for m in mentions if not m.in_note and m.paragraph is not None]
    notes = [m for m in mentions if m.in_note or m.paragraph is None]
    blocks = []
    for source in sources:
        here = [m for m in body if m.source == source.slug]
        if not here:
            continue
        summary = (
            source.slug,
            here[0].location,
            here[-1].location,
            len(here),
            len({m.location for m in here}),
        )
        items = tuple(
            _Item(
                _location_label(m.location),
                m.source,
                m.location,
                kwic_html(source.texts[m.location], m),
            )
            for m in here
        )
        blocks.append(_Block(_BODY, source.label, items, summary))
    if notes:
        items = tuple(
            _Item(
                f"{_html_line(source.label)}, {_location_label(m.location)}",
                m.source,
                m.location,
                kwic_html(source.texts[m.location], m),
            )
            for source in sources
            for m in (n for n in notes if n.source == source.slug)
        )
        blocks.append(_Block(_NOTES, "", items))
    return blocks


def _pack(blocks: Sequence[_Block]) -> list[list[_Chunk]]:
    """The blocks cut into pages of at most :data:`PAGE_MENTIONS` (a block continued on the
    next page where it does not fit)."""
    room = PAGE_MENTIONS
    pages: list[list[_Chunk]] = [[]]
    used = 0
    for block in blocks:
        items = block.items
        first = True
        while items:
            space = room - used - HEADING_COST
            if space < 1:
                pages.append([])
                used = 0
                continue
            pages[-1].append(_Chunk(block, items[:space], first))
            used += HEADING_COST + len(items[:space])
            items = items[space:]
            first = False
    return pages


def _chunks_md(chunks: Sequence[_Chunk], up: str, section: str | None) -> str:
    """The Markdown of one page's mention lists; ``section`` is the heading already open."""
    out = []
    for chunk in chunks:
        if chunk.block.section != section:
            section = chunk.block.section
            out.append(section)
        if chunk.block.summary is not None:
            if chunk.first:
                out.append(_heading(chunk.block, up))
            else:
                out.append(f"### {md_inline(chunk.block.title)} (continued){EXCLUDE}\n\n")
        out.append(
            _mention_list(
                [(i.label, _url(i.slug, i.location, "../" + up), i.snippet) for i in chunk.items]
            )
        )
    return "".join(out)


def _pages_line(person: Person, count: int, current: int, up: str) -> str:
    """``Mentions on 3 pages: 1 · 2 · 3`` (the current page unlinked)."""
    links = []
    for number in range(1, count + 1):
        if number == current:
            links.append(str(number))
        elif number == 1:
            links.append(f"[1]({up}persons/{person.id}.md)")
        else:
            links.append(f"[{number}]({up}persons/{person.id}/{number}.md)")
    return f"The mentions fill {count} pages: " + " · ".join(links) + ".\n\n"


def person_pages(
    person: Person,
    mentions: Sequence[Mention],
    sources: Sequence[SourceInfo],
    companions: Sequence[tuple[Person, int]],
) -> list[Page]:
    """The page of one person: who, every mention by source, and who is named alongside;
    and, for a person named more than :data:`PAGE_MENTIONS` times, the further pages of
    mentions."""
    years = f" ({person.years})" if person.years else ""
    description = (
        f"{person.name}{years}, {person.role}: every mention in the sources of the edition."
    )
    out = [
        _front_matter(person.name, description, SEARCH_BOOST),
        f"# {md_inline(person.name)}\n\n",
    ]
    facts = [f"**Role:** {md_inline(person.role)}"]
    if _life(person):
        facts.append(f"**Life:** {md_inline(_life(person))}")
    facts.append(f"**Category:** {CATEGORY_LABEL[person.category]}")
    if other_forms(person):
        facts.append("**Also named:** " + " · ".join(md_inline(v) for v in other_forms(person)))
    if person.uri:
        uri = html.escape(person.uri, quote=True)  # an http(s) URL: checked on load
        facts.append(f'**Authority record:** <a href="{uri}">{uri}</a>')
    out.append("  \n".join(facts) + "\n\n")
    blocks = _blocks(mentions, sources)
    packed = _pack(blocks)
    out.append(_BODY)
    if not any(b.section == _BODY for b in blocks):
        out.append("No mention in the body of any source.\n\n")
    if len(packed) > 1:
        out.append(_pages_line(person, len(packed), 1, "../"))
    out.append(_chunks_md(packed[0], "../", _BODY))
    if len(packed) > 1:
        out.append(f"Continued on [page 2]({person.id}/2.md).\n\n")
    if companions:
        out.append(f"## Named in the same paragraphs{EXCLUDE}\n\n")
        for other, shared in companions:
            out.append(f"- [{md_inline(other.name)}]({other.id}.md) — {shared} paragraph(s)\n")
        out.append("\n")
    pages = [Page(f"persons/{person.id}.md", "".join(out))]
    for number, chunks in enumerate(packed[1:], start=2):
        title = f"{person.name}: mentions, page {number} of {len(packed)}"
        body = [
            _front_matter(title, description, SEARCH_BOOST),
            f"# {md_inline(title)}\n\n",
            f"Who {md_inline(person.name)} was, and who is named alongside: "
            f"[the person's page](../{person.id}.md).\n\n",
            _pages_line(person, len(packed), number, "../../"),
            _chunks_md(chunks, "../../", None),
        ]
        if number < len(packed):
            body.append(f"Continued on [page {number + 1}]({number + 1}.md).\n\n")
        pages.append(Page(f"persons/{person.id}/{number}.md", "".join(body)))
    return pages


def _no_body(elsewhere: bool) -> str:
    return "named in notes or front matter only" if elsewhere else "not named in the texts"


def index_page(
    persons: Sequence[Person],
    counts: Counter[tuple[str, str]],
    sources: Sequence[SourceInfo],
    in_notes: set[str],
) -> Page:
    """``/persons/``: every person, alphabetical, filterable by category, with mention counts."""
    actors = sum(p.category == "actor" for p in persons)
    named = len({pid for pid, _ in counts})
    intro = (
        f"The index records {len(persons)} persons ({actors} historical actors, "
        f"{len(persons) - actors} scholars or authors); {named} of them are named in the body "
        "of a source, the others in its notes only. Each entry gives the forms "
        "the sources use and the number of mentions in the body of each source; the person's "
        "page lists every mention with its context.\n\n"
    )
    out = [
        _front_matter(
            "Persons", "Index of the persons named in the three sources, with every mention."
        ),
        "# Persons\n\n",
        intro,
        _CATEGORY_FILTER,
        '<ul class="person-index">\n',
    ]
    for person in sorted(persons, key=sort_key):
        years = f" ({html.escape(person.years)})" if person.years else ""
        forms = ", ".join(html.escape(v) for v in other_forms(person))
        per_source = [
            f"{html.escape(s.label)}: {counts[(person.id, s.slug)]}"
            for s in sources
            if counts[(person.id, s.slug)]
        ]
        out.append(
            f'<li class="person-index__entry" data-category="{person.category}">'
            f'<a href="{person.id}/">{html.escape(person.name)}</a>{years}'
            f' <span class="person-index__category">{CATEGORY_LABEL[person.category]}</span>'
            f" — {html.escape(person.role)}"
            + (f'<br><span class="person-index__variants">Also: {forms}</span>' if forms else "")
            + '<br><span class="person-index__counts">'
            + (" · ".join(per_source) if per_source else _no_body(person.id in in_notes))
            + "</span></li>\n"
        )
    out.append("</ul>\n\n")
    out.append(
        "## How names are found\n\n"
        "A person is found in every spelling the index records, with or without diacritics "
        "(*Lê Duẩn*, *Le Duan*), in older romanisations (*Mao Tsetung*) and with a possessive "
        "(*Mao’s*). A surname used alone (*Mao*, *Ho*, *Zhou*) counts only in a source where "
        "it can mean one person only, and never in the notes, which cite authors by surname. "
        "Not counted: places and doctrines named after a person (*Hồ Chí Minh City*, *Mao "
        "Zedong Thought*), words derived from a name (*Maoist*, *Leninism*), and the titles of "
        "works about a person (*Deng Xiaoping’s Long War*). A government named after its head "
        "(*the Carter administration*, *the Diem regime*) is counted under that person.\n"
    )
    return Page("persons/index.md", "".join(out))
