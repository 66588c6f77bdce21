"""Normaliser for text extracted from a typeset PDF (the CWIHP working paper): ``pdf-text``.

Steps, in order:

1. :func:`~scripts.normalise.pdf_layout.segment` cuts the witness into body lines, headings
   and the blocks of notes spliced in at every page break, finding note references in the
   body by their sequence as it goes (:mod:`scripts.normalise.pdf_notes`).
2. Pages: every page start is known from the layout; a surviving printed number stands at
   the foot of its page, after the page's notes, and labels the page it closes. Other pages
   are labelled from the sequence where it is certain.
3. Paragraphs are rebuilt across line and page breaks from line widths (a paragraph's last
   line is short, its first is indented), never from the spaces the extraction left.
4. Words are repaired by the general rules of :mod:`scripts.normalise.pdf_words`; acronym
   slips are marked *sic*.
5. Notes are assembled from the blocks, continuations joined, and every reference gets a
   note, marked absent where the capture lost its text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from scripts.errors import SourceError
from scripts.model import (
    Document,
    EditorialNote,
    Emendation,
    Heading,
    Inline,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    Sic,
    Text,
)
from scripts.normalise import pdf_layout as layout
from scripts.normalise.pdf_layout import Block, BodyLine, Line, NoteDraft, width
from scripts.normalise.pdf_notes import SequenceScanner, acronym_slips, acronym_spans
from scripts.normalise.pdf_words import Evidence, find_repairs

RULES: dict[str, str] = {}
"""This module records no emendations of its own (see :mod:`scripts.normalise.pdf_words`)."""

_MARK = "\ue000"
"""Stands for a page break in the string a paragraph is built in (never in a witness)."""
_SHORT_MARGIN = 0.3
"""A line is short when its next word would have fitted with this margin (ems) to spare."""
_MERGED = 1.5
"""A line wider than this many full lines is two lines merged at a lost line-end hyphen."""


@dataclass
class _Page:
    start: Line
    number: Line | None = None
    label: str | None = None
    inferred: bool = False


@dataclass
class _Context:
    evidence: Evidence
    slips: dict[str, str]
    full: float
    refs: dict[int, list[tuple[int, int, int]]]


def normalise(raw: str) -> Document:
    """Turn the PDF extraction into a Document: paragraphs, headings, pages, notes, repairs."""
    if _MARK in raw:
        raise SourceError(None, "the witness contains a private-use character U+E000")
    lines = [Line(n, text) for n, text in enumerate(raw.split("\n"), 1)]
    scanner = SequenceScanner()
    items = layout.segment(lines, scanner)
    body_lines = [item.line for item in items if isinstance(item, BodyLine)]
    context = _Context(Evidence(raw), acronym_slips(raw), _full_width(body_lines), scanner.found)
    pages = _pages(items)
    body = _body(items, pages, context)
    notes, absent = _notes(items, scanner.highest, context)
    return Document(
        front=(),
        body=tuple(body),
        notes=tuple(notes),
        editorial_notes=_editorial(pages, notes, absent),
    )


def _full_width(body: list[Line]) -> float:
    """The width of a full line of text: the 95th percentile of the measured widths."""
    widths = sorted(width(line.text) for line in body)
    if not widths:
        raise SourceError(None, "no body text found")
    median = widths[len(widths) // 2]
    ordinary = [w for w in widths if w < median * _MERGED]
    return ordinary[int(len(ordinary) * 0.95)]


def _pages(items: list[layout.Item]) -> list[_Page]:
    """Every page of the capture, with its printed number where it survives, labelled."""
    pages: list[_Page] = []
    for item in items:
        if isinstance(item, BodyLine) and (item.page_start or not pages):
            pages.append(_Page(item.line))
        elif isinstance(item, Block) and item.page_number is not None and pages:
            # The number stands after the notes of the page it closes: a footer.
            pages[-1].number = item.page_number
    numbered = [(k, int(p.number.text)) for k, p in enumerate(pages) if p.number is not None]
    consistent = bool(numbered) and all(
        n - k == numbered[0][1] - numbered[0][0] for k, n in numbered
    )
    for k, page in enumerate(pages):
        if page.number is not None:
            page.label = page.number.text.strip()
        elif consistent:
            page.label = str(numbered[0][1] + k - numbered[0][0])
            page.inferred = True
    return pages


def _is_break(previous: Line, current: Line, following: Line | None, full: float) -> bool:
    """Whether a new paragraph begins with ``current``.

    The previous line must end a sentence, and either it is short (the first word of
    ``current`` would have fitted on it) or ``current`` is indented (the first word of the
    next line would have fitted on it at full width).
    """
    if not layout.TERMINAL.search(previous.text):
        return False
    limit = full - _SHORT_MARGIN
    if width(previous.text) < full * _MERGED:
        if width(previous.text) + 0.25 + width(layout.first_word(current.text)) < limit:
            return True
    if following is None or width(current.text) >= full * _MERGED:
        return False
    return width(current.text) + 0.25 + width(layout.first_word(following.text)) < limit


@dataclass
class _Draft:
    lines: list[Line]
    breaks: dict[int, _Page]
    """Raw line number → the page that begins with that line."""


def _body(items: list[layout.Item], pages: list[_Page], context: _Context) -> list[Heading | Paragraph]:
    starts = {page.start.n: page for page in pages}
    body_lines = [item.line for item in items if isinstance(item, BodyLine)]
    following = {a.n: b for a, b in zip(body_lines, body_lines[1:], strict=False)}
    blocks: list[Heading | Paragraph] = []
    draft: _Draft | None = None
    for item in items:
        if isinstance(item, layout.Heading):
            if draft:
                blocks.append(_paragraph(draft, context))
                draft = None
            text = " ".join(line.text.strip() for line in item.lines)
            blocks.append(Heading(1, (Text(text),), item.lines[0].n))
        elif isinstance(item, BodyLine):
            line = item.line
            if draft is None or _is_break(
                draft.lines[-1], line, following.get(line.n), context.full
            ):
                if draft:
                    blocks.append(_paragraph(draft, context))
                draft = _Draft([], {})
            draft.lines.append(line)
            if line.n in starts:
                draft.breaks[line.n] = starts[line.n]
    if draft:
        blocks.append(_paragraph(draft, context))
    return blocks


def _paragraph(draft: _Draft, context: _Context) -> Paragraph:
    text, offsets, spans = _assemble(draft.lines, context, draft.breaks)
    return Paragraph(_inlines(text, offsets, spans), draft.lines[0].n)


_Span = tuple[int, int, Callable[[str, int], Inline]]


def _assemble(
    lines: list[Line], context: _Context, breaks: dict[int, _Page]
) -> tuple[str, list[tuple[int, Line, int]], list[_Span]]:
    """Join lines into one string; return it, its line offsets and the spans of special nodes."""
    text = ""
    offsets: list[tuple[int, Line, int]] = []  # (offset in text, raw line, columns stripped)
    spans: list[_Span] = []
    for line in lines:
        if text:
            text += " "
        page = breaks.get(line.n)
        if page is not None:
            spans.append((len(text), len(text) + 1, _page_break(page)))
            # A surviving number is a token of the witness: keep it apart from the next word.
            text += _MARK + (" " if page.number is not None else "")
        stripped = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        offsets.append((len(text), line, lead))
        for start, end, number in context.refs.get(line.n, []):
            a, b = len(text) + start - lead, len(text) + end - lead
            spans.append((a, b, _note_ref(str(number), line.n)))
        text += stripped
    taken = sorted((a, b) for a, b, _ in spans)
    spans += [s for s in _repairs(text, offsets, context) if not _overlaps(s, taken)]
    spans += [
        (a, b, _sic(comment, _line_at(offsets, a)))
        for a, b, comment in acronym_spans(text, context.slips)
        if not _overlaps((a, b), taken)
    ]
    return text, offsets, sorted(spans, key=lambda s: s[0])


def _overlaps(span: tuple[int, int] | _Span, taken: list[tuple[int, int]]) -> bool:
    a, b = span[0], span[1]
    return any(a < y and x < b for x, y in taken)


def _line_at(offsets: list[tuple[int, Line, int]], position: int) -> int:
    index = bisect_right([o for o, _, _ in offsets], position) - 1
    return offsets[max(index, 0)][1].n


def _repairs(text: str, offsets: list[tuple[int, Line, int]], context: _Context) -> list[_Span]:
    starts = [o for o, _, _ in offsets]

    def piece(position: int) -> int:
        return max(bisect_right(starts, position) - 1, 0)

    def same_line(a: int, b: int) -> bool:
        return piece(a) == piece(b - 1) and _MARK not in text[a:b]

    def at_join(a: int, b: int) -> bool:
        begin, line, _ = offsets[piece(a)]
        if width(line.text) < context.full * _MERGED:
            return False
        before = width(text[begin:a])
        return before <= context.full + 0.3 and before + width(text[a:b]) >= context.full - 3

    spans: list[_Span] = []
    for repair in find_repairs(text, context.evidence, same_line=same_line, at_join=at_join):
        if _MARK in text[repair.start : repair.end]:
            continue
        spans.append((repair.start, repair.end, _emendation(repair.printed, repair.rule, _line_at(offsets, repair.start))))
    return spans


def _inlines(text: str, offsets: list[tuple[int, Line, int]], spans: list[_Span]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    position = 0
    for start, end, make in spans:
        if start < position:
            continue
        if start > position:
            out.append(Text(text[position:start]))
        out.append(make(text[start:end].strip(), _line_at(offsets, start)))
        position = end
    if position < len(text):
        out.append(Text(text[position:]))
    return tuple(node for node in out if not (isinstance(node, Text) and not node.text))


def _page_break(page: _Page) -> Callable[[str, int], Inline]:
    def make(_: str, line: int) -> Inline:
        if page.number is not None:
            return PageBreak(page.label, page.number.text.strip(), page.number.n)
        return PageBreak(page.label, "", page.start.n, inferred=page.inferred)

    return make


def _note_ref(label: str, line: int) -> Callable[[str, int], Inline]:
    def make(raw: str, _: int) -> Inline:
        return NoteRef(label, label, raw, line)

    return make


def _emendation(printed: str, rule: str, line: int) -> Callable[[str, int], Inline]:
    def make(raw: str, _: int) -> Inline:
        return Emendation(raw, printed, rule, line)

    return make


def _sic(comment: str, line: int) -> Callable[[str, int], Inline]:
    def make(raw: str, _: int) -> Inline:
        return Sic(raw, comment, line)

    return make


def _notes(
    items: list[layout.Item], highest: int, context: _Context
) -> tuple[list[Note], list[Note]]:
    drafts: dict[int, NoteDraft] = {}
    last: NoteDraft | None = None
    for item in items:
        if not isinstance(item, Block):
            continue
        if item.continuation:
            if last is None:
                raise SourceError(item.line, "note text with no note number before it")
            last.lines.extend(item.continuation)
        for draft in item.notes:
            drafts[draft.number] = draft
            last = draft
    notes: list[Note] = []
    absent: list[Note] = []
    for number in range(1, max([highest, *drafts]) + 1):
        label = str(number)
        draft = drafts.get(number)
        if draft is None:
            note = Note(label, label, (), _ref_line(context, number), present=False)
        elif not draft.lines:
            note = Note(label, label, (), draft.line, present=False, raw_label=draft.label_raw)
        else:
            text, offsets, spans = _assemble(draft.lines, _without_refs(context), {})
            note = Note(label, label, _inlines(text, offsets, spans), draft.line, raw_label=draft.label_raw)
        notes.append(note)
        if not note.present:
            absent.append(note)
    return notes, absent


def _without_refs(context: _Context) -> _Context:
    return _Context(context.evidence, context.slips, layout.NOTE_FULL_WIDTH + 4, {})


def _ref_line(context: _Context, number: int) -> int:
    for line, refs in context.refs.items():
        if any(n == number for _, _, n in refs):
            return line
    return 0


def _editorial(pages: list[_Page], notes: list[Note], absent: list[Note]) -> tuple[EditorialNote, ...]:
    return (EditorialNote("x", "y"),)
