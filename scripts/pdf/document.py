"""The print HTML of a source: title page, front matter, numbered text, endnotes.

Built from the frozen :class:`~scripts.model.Document` with the reading page's own inline
renderer (:func:`scripts.render.inline.render_inlines`), so every word is escaped the same
way and the PDF prints the same text as the web page. Annotation spans are left out: their
links point into the web site, which a PDF cannot follow.

Numbers that are not words of the source (paragraph numbers, page labels, note labels) are
drawn by the stylesheet from ``data-*`` attributes, as on the web page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from scripts import citation
from scripts.model import Contents, Figure, Heading, Note, Paragraph, ParagraphKind
from scripts.render.escape import html_text
from scripts.render.inline import render_inlines
from scripts.render.source_page import paragraph_pages, source_url
from scripts.sources import Source


def build_date(epoch: int) -> datetime:
    """The moment of the build from ``SOURCE_DATE_EPOCH`` (seconds), in UTC."""
    return datetime.fromtimestamp(epoch, tz=UTC)


def page_claims(source: Source) -> dict[int, str]:
    """Paragraph number → the page(s) of the original it stands on, as the edition claims them.

    The one place the PDF learns a paragraph's pages; the reading page's cite control uses
    the same claim.
    """
    return {int(n): pages for n, pages in paragraph_pages(source).items()}


def pdf_path(source: Source) -> str:
    """Where the PDF of a source is published, relative to the site root."""
    slug = source.meta.slug
    return f"sources/{slug}/{slug}.pdf"


def _title_page(source: Source, url: str, date: datetime) -> str:
    meta = source.meta
    parts = [
        '<section class="title-page">',
        f"<h1>{html_text(meta.title)}</h1>",
        f'<p class="citation">{html_text(citation.bibliography(meta))}</p>',
    ]
    if meta.attributed:
        parts.append(
            f'<p class="attribution">No author is printed in the capture. Attributed to '
            f"{html_text(meta.attributed.name)}: {html_text(meta.attributed.evidence)}</p>"
        )
    parts += [
        f'<p class="provenance"><strong>Provenance.</strong> {html_text(meta.provenance.description)}</p>',
    ]
    if meta.edition_note:
        parts.append(
            f'<p class="edition-note"><strong>Note.</strong> {html_text(meta.edition_note)}</p>'
        )
    parts += [
        '<dl class="edition">',
        "<dt>Digital edition</dt>",
        f'<dd class="stable-url"><a href="{html_text(url)}">{html_text(url)}</a></dd>',
        "<dt>This PDF was built on</dt>",
        f'<dd class="build-date"><time datetime="{date.strftime("%Y-%m-%d")}">'
        f"{html_text(citation.human_date(date.strftime('%Y-%m-%d')))}</time></dd>",
        "</dl>",
        '<p class="how-to-read">Paragraph numbers (cite as “para. N”) stand in the left '
        "margin; the pages of the original, in the right margin, begin where their label "
        "stands (“p. [N]”: a page number the edition infers from the sequence; “p. ?”: a page "
        "whose number is not in the capture). Notes are printed at the end with the numbers "
        "or marks of the source. Emendations, removals and the proof that no word of the source "
        "was lost are on the editorial page of the digital edition.</p>",
        "</section>",
    ]
    return "\n".join(parts)


def _paragraph(block: Paragraph, claims: dict[int, str]) -> str:
    body = render_inlines(block.inlines)
    if block.n is None:
        return f'<p class="front-para">{body}</p>'
    n = block.n
    page = claims.get(n)
    page_attr = f' data-page="{html_text(page)}"' if page else ""
    number = f'<a class="para-num" href="#p{n}" data-n="{n}"{page_attr}></a>'
    html = f'<p class="para" id="p{n}">{number}{body}</p>'
    if block.kind is ParagraphKind.QUOTE:
        return f'<blockquote class="source-quote">{html}</blockquote>'
    return html


def _heading(block: Heading) -> str:
    level = min(6, block.level + 1)
    anchor = f' id="{html_text(block.anchor)}"' if block.anchor else ""
    return f"<h{level}{anchor}>{render_inlines(block.inlines)}</h{level}>"


def _figure(block: Figure) -> str:
    credit = render_inlines(block.credit)
    credit_html = f' <span class="figure-credit">{credit}</span>' if credit else ""
    return (
        '<figure class="source-figure"><p class="figure-absent">The image is not part of the '
        "capture: only its caption and credit survive.</p>"
        f"<figcaption>{render_inlines(block.caption)}{credit_html}</figcaption></figure>"
    )


def _contents(block: Contents) -> str:
    items = []
    for entry in block.entries:
        wording = render_inlines(entry.inlines)
        label = f'<a href="#{html_text(entry.target)}">{wording}</a>' if entry.target else wording
        items.append(
            f'<li class="contents-level-{entry.level}">{label}'
            f'<span class="contents-page">{html_text(entry.page)}</span></li>'
        )
    return f'<nav class="source-contents"><ol>{"".join(items)}</ol></nav>'


def _block(block: object, claims: dict[int, str]) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block, claims)
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Contents):
        return _contents(block)
    raise TypeError(f"unknown block {block!r}")


def _note(note: Note) -> str:
    key = html_text(note.key)
    label = html_text(note.label)
    if note.present:
        text = render_inlines(note.inlines)
    else:
        text = '<span class="note-absent">The text of this note is not present in the source capture.</span>'
    return (
        f'<li id="fn:{key}"><a class="note-label" href="#fnref:{key}">{label}</a> '
        f'<span class="note-text">{text}</span></li>'
    )


def print_html(source: Source, *, site_url: str, epoch: int) -> str:
    """The whole print HTML of ``source``; ``epoch`` is ``SOURCE_DATE_EPOCH``."""
    meta = source.meta
    doc = source.document
    date = build_date(epoch)
    # The day only: a PDF is rendered again when its day changes, not at every commit.
    stamp = date.strftime("%Y-%m-%dT00:00:00Z")
    url = source_url(source, site_url)
    claims = page_claims(source)
    authors = citation.author_line(meta)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html_text(meta.title)}</title>",
        f'<meta name="author" content="{html_text(authors)}">' if authors else "",
        f'<meta name="description" content="{html_text(citation.bibliography(meta))}">',
        '<meta name="generator" content="the digital edition’s build (WeasyPrint)">',
        f'<meta name="dcterms.created" content="{stamp}">',
        f'<meta name="dcterms.modified" content="{stamp}">',
        "</head>",
        f'<body data-running="{html_text(_running(source))}" data-url="{html_text(url)}">',
        _title_page(source, url, date),
    ]
    body: list[str] = []
    if doc.front:
        body.append('<section class="front">')
        body += [_block(block, claims) for block in doc.front]
        body.append("</section>")
    body.append('<section class="text">')
    body += [_block(block, claims) for block in doc.body]
    body.append("</section>")
    if doc.notes:
        body.append('<section class="notes"><h2 id="notes">Notes</h2><ol>')
        body += [_note(note) for note in doc.notes]
        body.append("</ol></section>")
    tail = ["</body>", "</html>", ""]
    return "\n".join(line for line in [*head, *body, *tail] if line)


def _running(source: Source) -> str:
    """The short citation printed at the head of every page: author and title."""
    who = citation.author_line(source.meta)
    return f"{who}, “{source.meta.title}”" if who else f"“{source.meta.title}”"
