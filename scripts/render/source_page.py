"""The reading page of a source: header, front matter, numbered text, notes.

Paragraphs, figures, contents and notes are written as raw HTML blocks (their text is
HTML-escaped, so nothing in a source becomes markup); headings are Markdown headings with
an explicit id, so that they feed the table of contents and the search index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml

from scripts import citation, citation_formats
from scripts.annotate import Span
from scripts.apparatus.pages import PageClaim, PageEvidence, PageMark, page_evidence
from scripts.model import (
    Contents,
    Figure,
    Heading,
    Note,
    Paragraph,
    ParagraphKind,
)
from scripts.pages import Link, Page
from scripts.render.diplomatic import TOGGLE, RemovalCursor
from scripts.render.escape import css_string, html_text, md_inline, script_json
from scripts.render.inline import render_inlines
from scripts.render.ready import ready
from scripts.sources import Source

PREFIX = "../../"
"""From ``/sources/<slug>/`` back to the site root, for links inside raw HTML."""

SpanMap = Mapping[tuple[str, str], Sequence[Span]]


def description(source: Source, limit: int = 155) -> str:
    """A meta description: the source's citation, shortened on a word boundary."""
    text = citation.bibliography(source.meta)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _header(source: Source, links: Sequence[Link], *, pdf: bool = True) -> list[str]:
    meta = source.meta
    lines = ['<div class="source-header" markdown>', ""]
    lines.append(f'<p class="source-citation">{html_text(citation.bibliography(meta))}</p>')
    lines.append("")
    if meta.attributed:
        lines.append(
            f'<p class="source-attribution">No author is printed in the capture. Attributed to '
            f"{html_text(meta.attributed.name)}: {html_text(meta.attributed.evidence)}</p>"
        )
        lines.append("")
    lines.append(
        f'<p class="source-provenance"><strong>Provenance.</strong> {html_text(meta.provenance.description)}</p>'
    )
    lines.append("")
    if meta.edition_note:
        lines.append(
            f'<p class="source-edition-note"><strong>Note.</strong> {html_text(meta.edition_note)}</p>'
        )
        lines.append("")
    slug = meta.slug
    items = [
        "[Editorial notes: every emendation and removal](editorial.md)",
        f"Download the citation: [BibTeX]({slug}.bib) · [RIS]({slug}.ris) · [CSL-JSON]({slug}.csl.json)",
        f"The text as data: [TEI P5 XML]({slug}.xml) · [raw witness](witness.md)",
    ]
    if pdf:
        items.append(f"[PDF of this source]({slug}.pdf)")
    items += [f"[{md_inline(link.label)}]({_md_target(link.href)})" for link in links]
    lines.append(" · ".join(items))
    lines += ["", f'<p class="view-control">{TOGGLE}</p>', ""]
    lines += ["", "</div>", ""]
    return lines


def _md_target(href: str) -> str:
    """A docs-relative Markdown target (``timeline.md#x``) as seen from ``sources/<slug>/index.md``."""
    return PREFIX + href


def _paragraph(
    block: Paragraph,
    location: str,
    spans: Sequence[Span],
    slug: str,
    claim: PageClaim | None = None,
    reached: set[tuple[str, str]] | None = None,
) -> str:
    body = render_inlines(block.inlines, spans, prefix=PREFIX, reached=reached)
    if block.n is None:
        # An unnumbered paragraph of the body (a reference of a cited-works list) has no anchor.
        anchor = f' id="{location}"' if location else ""
        return f'<p class="front-para"{anchor}>{body}</p>'
    n = block.n
    # The paragraph's page claim, for scripts and other outputs: ``15``, ``[15–17]``.
    page = f' data-page="{html_text(claim.label)}"' if claim else ""
    # The "cite" button beside the number is made by edition.js, which alone can use it (it
    # was a hidden button in every paragraph: 1 kB of the CWIHP page for no reader without it).
    controls = f'<a class="para-num" href="#p{n}" data-n="{n}" aria-label="Paragraph {n}"></a>'
    html = f'<p class="para" id="p{n}"{page}>{controls}{body}</p>'
    if block.kind is ParagraphKind.QUOTE:
        return f'<blockquote class="source-quote">{html}</blockquote>'
    return html


def _page_mark(mark: PageMark) -> str:
    """The anchor of a page the contents place on a heading: the heading stands on that page."""
    label = html_text(mark.label)
    anchor = html_text(mark.anchor)
    return (
        f'<a class="page-mark" id="{anchor}" href="#{anchor}" data-label="{label}" '
        f'title="The contents of the original list this heading on page {label}" '
        f'aria-label="Page {label} of the original (from its contents)"></a>'
    )


def _heading(block: Heading, depth: int, mark: PageMark | None = None) -> str:
    level = min(6, block.level + depth)
    prefix = _page_mark(mark) if mark else ""
    return f"{'#' * level} {prefix}{md_inline(block.text)} {{ #{block.anchor} }}"


def _figure(block: Figure) -> str:
    caption = render_inlines(block.caption)
    credit = render_inlines(block.credit)
    credit_html = f' <span class="figure-credit">{credit}</span>' if credit else ""
    return (
        '<figure class="source-figure"><div class="figure-absent" role="note">'
        "The image is not part of the capture: only its caption and credit survive.</div>"
        f"<figcaption>{caption}{credit_html}</figcaption></figure>"
    )


def _contents(block: Contents) -> str:
    items = []
    for entry in block.entries:
        wording = render_inlines(entry.inlines)
        label = f'<a href="#{html_text(entry.target)}">{wording}</a>' if entry.target else wording
        page = html_text(entry.page)
        items.append(
            f'<li class="contents-entry contents-level-{entry.level}">{label}'
            # Spoken "page i": a span has no accessible name of its own (aria-label on a
            # span without a role is invalid HTML), so the word is text, hidden on screen.
            f'<span class="contents-page"><span class="visually-hidden">page </span>{page}</span></li>'
        )
    return f'<nav class="source-contents" aria-label="Contents of the original"><ol>{"".join(items)}</ol></nav>'


def _note(note: Note, spans: Sequence[Span], reached: set[tuple[str, str]]) -> str:
    key = html_text(note.key)
    label = html_text(note.label)
    back = (
        f' <a class="footnote-backref" href="#fnref:{key}" aria-label="Back to reference {label}" '
        f'title="Back to reference {label}">↩</a>'
    )
    if note.present:
        text = render_inlines(note.inlines, spans, prefix=PREFIX, reached=reached)
    else:
        text = '<span class="note-absent">The text of this note is not present in the source capture.</span>'
    return f'<li id="fn:{key}"><p><span class="note-label">{label}</span> {text}{back}</p></li>'


def paragraph_pages(source: Source) -> dict[str, str]:
    """Paragraph number → the page part of its citation (``p. 15``, ``pp. [4–6]``), where known.

    The pages come from :func:`scripts.apparatus.pages.page_evidence`, the one place that
    weighs the witness's evidence; a paragraph the evidence gives no page is absent.
    """
    claims = page_evidence(source.document).claims
    return {str(n): claim.cite() for n, claim in claims.items()}


def source_url(source: Source, site_url: str) -> str:
    """The public URL of a source's reading page."""
    return site_url.rstrip("/") + f"/sources/{source.meta.slug}/"


def _cite_data(source: Source, site_url: str) -> str:
    url = source_url(source, site_url)
    template = citation.paragraph_note(
        source.meta, paragraph=0, page=None, url="{url}", accessed="{accessed}"
    ).replace("para. 0", "{page}para. {para}")
    data = {"url": url, "template": template, "pages": paragraph_pages(source)}
    text = script_json(data)
    return f'<script type="application/json" id="edition-cite-data">{text}</script>'


def render_source(
    source: Source,
    spans: SpanMap,
    links: Sequence[Link] = (),
    *,
    site_url: str = "",
    pdf: bool = True,
) -> Page:
    """The Markdown of ``/sources/<slug>/``; ``pdf`` False leaves out the link to its PDF."""
    doc = source.document
    slug = source.meta.slug
    url = source_url(source, site_url)
    pages = page_evidence(doc)
    front = {
        "title": source.meta.title,
        "description": description(source),
        # The running lines of every printed page, as CSS strings (overrides/main.html).
        "print_citation": css_string(citation.short_note(source.meta)),
        "print_url": css_string(url),
        # Where "Skip to the text" leads: the first block of the text itself.
        "text_start": _text_start(source),
        "scholarly": {
            "highwire": [list(tag) for tag in citation_formats.highwire(source.meta, url)],
            "opengraph": [
                list(tag)
                for tag in citation_formats.opengraph(source.meta, url, description(source))
            ],
            "jsonld": citation_formats.jsonld_text(source.meta, url),
        },
    }
    lines = [
        "---",
        yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000).rstrip(),
        "---",
        "",
        f"# {md_inline(source.meta.title)}",
        "",
        *_header(source, links, pdf=pdf),
        _cite_data(source, site_url),
        "",
    ]
    front_index = 0
    removed = RemovalCursor(doc.removals)
    reached: set[tuple[str, str]] = set()  # abbreviations already a tab stop on the page
    # Raw HTML blocks between two Markdown headings, handed on as one HTML-ready run.
    run: list[str] = []
    for block in doc.front:
        run += _marks(removed.before(block.line))
        if isinstance(block, Paragraph):
            front_index += 1
            location = f"front{front_index}"
            found = spans.get((slug, location), ())
            run.append(_paragraph(block, location, found, slug, reached=reached))
        elif isinstance(block, Heading):
            lines += [*ready(run), _render_block(block, slug, spans, pages, reached), ""]
            run = []
        else:
            run.append(_render_block(block, slug, spans, pages, reached))
    if doc.front:
        run.append('<hr class="front-end">')
    for block in doc.body:
        run += _marks(removed.before(block.line))
        if isinstance(block, Heading):
            lines += [*ready(run), _render_block(block, slug, spans, pages, reached), ""]
            run = []
        else:
            run.append(_render_block(block, slug, spans, pages, reached))
    run += _marks(removed.rest())
    lines += ready(run)
    if doc.notes:
        lines += ["## Notes { #notes }", ""]
        items = "".join(
            _note(n, spans.get((slug, f"fn:{n.key}"), ()), reached) for n in doc.notes
        )
        lines += ready(
            [f'<div class="footnote source-notes" role="doc-endnotes"><ol>{items}</ol></div>']
        )
    return Page(f"sources/{slug}/index.md", "\n".join(lines))


def _text_start(source: Source) -> str:
    """The anchor of the first heading or numbered paragraph of the text (empty if none)."""
    for block in source.document.body:
        if isinstance(block, Heading):
            return block.anchor
        if isinstance(block, Paragraph) and block.anchor:
            return block.anchor
    return ""


def _marks(html: str) -> list[str]:
    return [html] if html else []


def _render_block(
    block: object,
    slug: str,
    spans: SpanMap,
    pages: PageEvidence,
    reached: set[tuple[str, str]] | None = None,
) -> str:
    if isinstance(block, Paragraph):
        location = block.anchor or ""
        claim = pages.claims.get(block.n) if block.n is not None else None
        found = spans.get((slug, location), ())
        return _paragraph(block, location, found, slug, claim, reached)
    if isinstance(block, Heading):
        marks = {mark.heading: mark for mark in pages.marks}
        return _heading(block, 1, marks.get(block.anchor))
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Contents):
        return _contents(block)
    raise TypeError(f"unknown block {block!r}")
