"""Inline content to HTML: escaped text, emendations, references, page breaks, annotations.

Numbers that are not words of the source (paragraph numbers, note labels, page labels) are
drawn by CSS from ``data-*`` attributes, so that a copied quotation carries no stray
numbers; each such control has an accessible name of its own.

Annotation spans (persons, abbreviations, works) are applied to the printed text only:
zero-width markers (references, page breaks) close any open span and reopen it after
themselves, so a link never contains another link.

A keyboard reader meets a handful of tab stops per paragraph: only the first mention of a
person (or of a work) in a run is a link, and only the first use of an abbreviation on the
page is focusable; later ones are plain marks with the same tooltip on hover. The page
markers are links for the mouse (their address can be copied) but not tab stops.
"""

from __future__ import annotations

from collections.abc import Sequence

from scripts.annotate import Span
from scripts.model import Emendation, Inline, NoteRef, PageBreak, Redaction, Sic
from scripts.render.escape import html_text

PRIORITY = {"person": 0, "work": 1, "abbr": 2, "date": 3, "title": 4}
LINK_KINDS = {"person", "work"}


def _is_link(span: Span) -> bool:
    return span.href is not None and span.kind in LINK_KINDS


def _key(span: Span) -> tuple[str, str]:
    """What makes two spans the same mark: a person's or work's link, an abbreviation's expansion."""
    return (span.kind, (span.href or "") if _is_link(span) else span.title)


def _open(
    span: Span,
    prefix: str,
    *,
    in_link: bool = False,
    first: bool = True,
    again: bool = False,
    focus: bool = True,
) -> str:
    """The opening tag of a span; ``again`` when it reopens after a marker (no new tab stop)."""
    if span.kind == "title":
        # The title of a cited work, set in italics as a printed bibliography would.
        return '<cite class="work-title">'
    title = html_text(span.title)
    if _is_link(span) and first:
        # The rest of a link cut by a note reference or page marker: clickable, no tab stop.
        skip = ' tabindex="-1"' if again else ""
        return f'<a class="mention mention--{span.kind}" href="{html_text(prefix + (span.href or ""))}" title="{title}"{skip}>'
    if span.kind == "abbr":
        # The first use is focusable so that keyboard readers reach its expansion; not inside
        # a link, which is focusable itself (a focusable element inside <a> is invalid HTML).
        focusable = focus and first and not in_link and not again
        return f'<abbr title="{title}" tabindex="0">' if focusable else f'<abbr title="{title}">'
    return f'<span class="mention mention--{span.kind}" title="{title}">'


def _close(span: Span, *, first: bool = True) -> str:
    if span.kind == "title":
        return "</cite>"
    if _is_link(span) and first:
        return "</a>"
    return "</abbr>" if span.kind == "abbr" else "</span>"


def select_spans(spans: Sequence[Span], length: int) -> list[Span]:
    """Keep spans that nest cleanly: by priority, drop crossings and links inside links."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (PRIORITY.get(s.kind, 9), s.start, -s.end)):
        if not 0 <= span.start < span.end <= length:
            continue
        clash = False
        for other in chosen:
            overlap = span.start < other.end and other.start < span.end
            nested = (other.start <= span.start and span.end <= other.end) or (
                span.start <= other.start and other.end <= span.end
            )
            both_links = span.kind in LINK_KINDS and other.kind in LINK_KINDS
            if overlap and (not nested or both_links):
                clash = True
                break
        if not clash:
            chosen.append(span)
    return sorted(chosen, key=lambda s: (s.start, -s.end))


def _marker(node: Inline) -> str:
    if isinstance(node, NoteRef):
        label = html_text(node.label)
        key = html_text(node.key)
        return (
            f'<sup class="fnref" id="fnref:{key}"><a class="footnote-ref" href="#fn:{key}" '
            f'data-label="{label}" role="doc-noteref" aria-label="Note {label}"></a></sup>'
        )
    if isinstance(node, PageBreak):
        foot = ""
        if node.foot_anchor and node.foot:
            label = html_text(node.foot)
            foot = (
                f'<a class="page-foot" id="{html_text(node.foot_anchor)}" tabindex="-1" '
                f'href="#{html_text(node.foot_anchor)}" data-label="{label}" '
                f'aria-label="End of page {label} of the original (its number is printed at the foot)"></a>'
            )
        return foot + _break(node)
    return ""


def _break(node: PageBreak) -> str:
    if not (node.anchor and node.label):
        return '<span class="page-break page-break--unnumbered" title="Page break of the original (its number is not in the capture)"></span>'
    label = html_text(node.label)
    inferred = " page-break--inferred" if node.inferred else ""
    what = "Inferred page" if node.inferred else "Page"
    return (
        f'<a class="page-break{inferred}" id="{html_text(node.anchor)}" '
        f'href="#{html_text(node.anchor)}" data-label="{label}" tabindex="-1" '
        f'aria-label="{what} {label} of the original begins here"></a>'
    )


def _wrapper(node: Inline) -> tuple[str, str]:
    if isinstance(node, Emendation):
        # Both forms are in the page: the printed one as text, the witness's in data-raw, shown
        # instead by CSS in the diplomatic view (html.diplomatic); see _emendation_piece.
        title = f"Emended: the source has “{node.raw}” (rule: {node.rule})"
        return f'<span class="emendation" title="{html_text(title)}"><span class="em-p">', "</span></span>"
    if isinstance(node, Sic):
        title = (
            f"sic: printed so in the source ({node.comment})"
            if node.comment
            else "sic: printed so in the source"
        )
        return f'<span class="sic" title="{html_text(title)}">', "</span>"
    if isinstance(node, Redaction):
        title = "Redacted: withheld by the declassifying authority; this mark stands in the released document"
        return f'<span class="redaction" title="{html_text(title)}">', "</span>"
    return "", ""


def _emendation_piece(node: Inline, head: str, *, first: bool) -> str:
    """The opening of one piece of an emendation: the first carries the witness's form
    (``data-raw``), the others are marked as continuations (hidden in the diplomatic view)."""
    if not isinstance(node, Emendation):
        return head
    if first:
        return head.replace('class="emendation"', f'class="emendation" data-raw="{html_text(node.raw)}"', 1)
    return head.replace('class="emendation"', 'class="emendation emendation--cont"', 1)


def render_inlines(
    inlines: Sequence[Inline],
    spans: Sequence[Span] = (),
    *,
    prefix: str = "",
    reached: set[tuple[str, str]] | None = None,
) -> str:
    """HTML for a run of inlines with annotation spans applied; ``prefix`` makes hrefs relative.

    ``reached``, shared by the runs of one page, holds the abbreviations already focusable
    on it: only an abbreviation's first use on the page is a tab stop (its expansion is on
    hover everywhere, and in the glossary).
    """
    length = sum(len(node.printed) for node in inlines)
    chosen = select_spans(spans, length)
    out: list[str] = []
    offset = 0
    open_spans: list[Span] = []
    # The first span of each mark in this run (reopened after a marker, it is still the first).
    firsts: dict[tuple[str, str], Span] = {}
    opened: list[Span] = []

    def is_first(span: Span) -> bool:
        return firsts.setdefault(_key(span), span) is span

    def active_at(position: int) -> list[Span]:
        return [s for s in chosen if s.start <= position < s.end]

    def sync(wanted: list[Span]) -> None:
        # Close spans that end here (innermost first), then open the new ones (outermost first).
        while open_spans and open_spans[-1] not in wanted:
            span = open_spans.pop()
            out.append(_close(span, first=is_first(span)))
        for span in wanted:
            if span not in open_spans:
                in_link = any(_is_link(s) and is_first(s) for s in open_spans)
                again = any(span is s for s in opened)
                first = is_first(span)
                focus = first
                if span.kind == "abbr" and first and not again and reached is not None:
                    focus = _key(span) not in reached
                    reached.add(_key(span))
                out.append(_open(span, prefix, in_link=in_link, first=first, again=again, focus=focus))
                open_spans.append(span)
                opened.append(span)

    for node in inlines:
        printed = node.printed
        if isinstance(node, NoteRef | PageBreak):
            sync([])
            out.append(_marker(node))
            continue
        head, tail = _wrapper(node)
        cut = offset
        boundaries = sorted(
            {offset + len(printed)}
            | {p for s in chosen for p in (s.start, s.end) if offset < p < offset + len(printed)}
        )
        for end in boundaries:
            sync(active_at(cut))
            piece_head = _emendation_piece(node, head, first=cut == offset)
            out.append(piece_head + html_text(printed[cut - offset : end - offset]) + tail)
            cut = end
        offset += len(printed)
    sync([])
    return "".join(out)
