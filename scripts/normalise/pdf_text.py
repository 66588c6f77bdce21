"""Normaliser for text extracted from a typeset PDF (the CWIHP working paper): ``pdf-text``.

Steps, in order:

1. :func:`~scripts.normalise.pdf_layout.segment` cuts the witness into body lines, headings
   and the blocks of notes spliced in at every page break, finding note references in the
   body by their sequence as it goes (:mod:`scripts.normalise.pdf_notes`).
2. :func:`~scripts.normalise.pdf_pages.pages` finds where every printed page begins and
   labels it: from its surviving number (a footer), or from the sequence where certain.
3. Paragraphs are rebuilt across line and page breaks from line widths (a paragraph's last
   line is short, its first is indented), never from the spaces the extraction left.
4. :mod:`scripts.normalise.pdf_inlines` builds each paragraph's and note's inlines: note
   references, page breaks, word repairs (:mod:`scripts.normalise.pdf_words`), slips *sic*.
5. Notes are assembled from the blocks, continuations joined, and every reference gets a
   note, marked absent where the capture lost its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from scripts.errors import SourceError
from scripts.model import Document, Heading, Note, Paragraph, Text, Unclassified
from scripts.normalise import pdf_layout as layout
from scripts.normalise.pdf_editorial import editorial_notes
from scripts.normalise.pdf_inlines import MERGED, Context, Page, build
from scripts.normalise.pdf_layout import Block, BodyLine, Line, NoteDraft, width
from scripts.normalise.pdf_notes import SequenceScanner, acronym_slips, truncated_words
from scripts.normalise.pdf_pages import pages as find_pages
from scripts.normalise.shared.lines import Lexicon, join_lines

RULES: dict[str, str] = {}
"""This module records no emendations of its own (see :mod:`scripts.normalise.pdf_words`)."""

_SHORT_MARGIN = 0.3
"""A line is short when its next word would have fitted with this margin (ems) to spare."""
_INDENT = 2.5
"""Allowance (ems) for the indent of a paragraph's first line."""


def normalise(raw: str) -> Document:
    """Turn the PDF extraction into a Document: paragraphs, headings, pages, notes, repairs."""
    if "\ue000" in raw:
        line = raw[: raw.index("\ue000")].count("\n") + 1
        raise SourceError(line, "the witness contains a private-use character U+E000")
    lines = [Line(n, text) for n, text in enumerate(raw.split("\n"), 1)]
    scanner = SequenceScanner()
    items = layout.segment(lines, scanner)
    body_lines = [item.line for item in items if isinstance(item, BodyLine)]
    lexicon = Lexicon(raw)
    context = Context(
        lexicon,
        acronym_slips(raw),
        truncated_words(lexicon),
        _full_width(body_lines),
        scanner.found,
    )
    pages = find_pages(items)
    body = _body(items, pages, context)
    notes, moved = _notes(items, scanner.highest, context)
    return Document(
        front=(),
        body=tuple(body),
        notes=tuple(notes),
        editorial_notes=editorial_notes(pages, notes, moved),
        unclassified=set_off_runs(items, _narrow_runs(items, context.full)),
    )


def _full_width(body: list[Line]) -> float:
    """The width of a full line of text: the 95th percentile of the measured widths."""
    widths = sorted(width(line.text) for line in body)
    if not widths:
        raise SourceError(1, "no body text found")
    median = widths[len(widths) // 2]
    ordinary = [w for w in widths if w < median * MERGED]
    return ordinary[int(len(ordinary) * 0.95)]


def _is_break(
    previous: Line, current: Line, following: Line | None, full: float, *, opening: bool
) -> bool:
    """Whether a new paragraph begins with ``current``.

    The previous line must end a sentence, and either it is short (the first word of
    ``current`` would have fitted on it) or ``current`` is indented (the first word of the
    next line would have fitted on it at full width).
    """
    if not layout.TERMINAL.search(previous.text):
        return False
    limit = full - _SHORT_MARGIN
    # The first line of a paragraph is indented: it is short only if shorter than that.
    previous_limit = limit - (_INDENT if opening else 0)
    fits = width(previous.text) + 0.25 + width(layout.first_word(current.text))
    if width(previous.text) < full * MERGED and fits < previous_limit:
        return True
    if following is None or width(current.text) >= full * MERGED:
        return False
    return width(current.text) + 0.25 + width(layout.first_word(following.text)) < limit


@dataclass
class _Draft:
    lines: list[Line]
    breaks: dict[int, Page]
    """Raw line number → the page that begins with that line."""


def _body(
    items: list[layout.Item], pages: list[Page], context: Context
) -> list[Heading | Paragraph]:
    """Headings and paragraphs, rebuilt across line and page breaks."""
    starts = {page.start.n: page for page in pages}
    body_lines = [item.line for item in items if isinstance(item, BodyLine)]
    following = {a.n: b for a, b in pairwise(body_lines)}
    blocks: list[Heading | Paragraph] = []
    draft: _Draft | None = None
    floating: list[_Draft] = []
    """Set-off runs that interrupt the paragraph being read: printed after it."""
    current: _Draft | None = None
    """Where the next line goes: the paragraph being read, or the floating run."""

    def close() -> None:
        if draft:
            blocks.append(_paragraph(draft, context))
        blocks.extend(_paragraph(run, context) for run in floating)
        floating.clear()

    narrow = _narrow_runs(items, context.full)
    for item in items:
        if isinstance(item, layout.Heading):
            close()
            draft = current = None
            text = join_lines(line.text for line in item.lines)
            blocks.append(Heading(1, (Text(text),), item.lines[0].n))
        elif isinstance(item, BodyLine):
            line = item.line
            if item.floats and draft is not None:
                current = _Draft([], {})
                floating.append(current)
            elif (
                current is not None
                and current is not draft
                and not item.set_off
                and line.n == current.lines[-1].n + 1
            ):
                pass  # the floating run goes on
            else:
                if (
                    draft is None
                    or (item.set_off and not item.resumes)
                    or (
                        not (line.n in narrow and line.n - 1 in narrow)
                        and _is_break(
                            draft.lines[-1],
                            line,
                            following.get(line.n),
                            context.full,
                            opening=len(draft.lines) == 1,
                        )
                    )
                ):
                    close()
                    draft = _Draft([], {})
                current = draft
            current.lines.append(line)
            if line.n in starts:
                current.breaks[line.n] = starts[line.n]
    close()
    return blocks


NARROW = 0.9
"""A run set off by blank lines whose every line falls short of this share of a full line is
set in a narrower measure (an epigraph, a pull quote, a sidebar): it is one paragraph, since
the width evidence of paragraph ends does not hold in it. Text of the page's measure always
has full lines (it is justified)."""


def _narrow_runs(items: list[layout.Item], full: float) -> set[int]:
    """The raw lines of the set-off runs set in a narrower measure."""
    narrow: set[int] = set()
    run: list[Line] = []

    def record() -> None:
        if run and all(width(line.text) < full * NARROW for line in run):
            narrow.update(line.n for line in run)
        run.clear()

    for item in items:
        if isinstance(item, BodyLine) and item.set_off and not item.resumes:
            record()
            run.append(item.line)
        elif isinstance(item, BodyLine) and run and item.line.n == run[-1].n + 1:
            run.append(item.line)
        else:
            record()
    record()
    return narrow


def set_off_runs(items: list[layout.Item], narrow: set[int]) -> tuple[Unclassified, ...]:
    """The runs of text set off by blank lines that are neither headings nor notes, for review;
    after a heading, only a run set in a narrower measure (an epigraph)."""
    found: list[Unclassified] = []
    run: list[BodyLine] = []

    def record() -> None:
        if run and run[0].after_heading and run[0].line.n not in narrow:
            run.clear()
        if run:
            why = (
                "set off by blank lines inside a sentence of the paragraph around it (a pull "
                "quote, a sidebar?): kept as a paragraph of its own after that paragraph"
                if run[0].floats
                else "set in a narrower measure after a heading (an epigraph?): kept as a "
                "paragraph of its own"
                if run[0].after_heading
                else "set off by a blank line, neither a heading nor a block of notes (an "
                "epigraph, a pull quote, a sidebar, or the text after one?): kept as a "
                "paragraph of its own"
            )
            text = "\n".join(body.line.text for body in run)
            found.append(Unclassified(text, run[0].line.n, why))
            run.clear()

    for item in items:
        if isinstance(item, BodyLine) and item.set_off and not item.resumes:
            record()
            run.append(item)
        elif isinstance(item, BodyLine) and run and item.line.n == run[-1].line.n + 1:
            run.append(item)
        else:
            record()
    record()
    return tuple(found)


def _paragraph(draft: _Draft, context: Context) -> Paragraph:
    return Paragraph(build(draft.lines, context, draft.breaks), draft.lines[0].n)


def _notes(
    items: list[layout.Item], highest: int, context: Context
) -> tuple[list[Note], list[int]]:
    """Every note from 1 to the highest number, absent where the capture lost its text;
    and the numbers of notes whose number stood after their text."""
    drafts: dict[int, NoteDraft] = {}
    last: NoteDraft | None = None
    draft: NoteDraft | None
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
    for number in range(1, max([highest, *drafts]) + 1):
        label = str(number)
        draft = drafts.get(number)
        if draft is None:
            note = Note(label, label, (), _ref_line(context, number), present=False)
        elif not draft.lines:
            note = Note(label, label, (), draft.line, present=False, raw_label=draft.label_raw)
        else:
            content = build(draft.lines, _for_notes(context), {})
            note = Note(label, label, content, draft.line, raw_label=draft.label_raw)
        notes.append(note)
    return notes, sorted(n for n, d in drafts.items() if d.moved)


def _for_notes(context: Context) -> Context:
    """Notes have no references, and their lines are set wider than the text."""
    return Context(
        context.evidence, context.slips, context.misspelt, layout.NOTE_FULL_WIDTH + 4, {}
    )


def _ref_line(context: Context, number: int) -> int:
    for line, refs in context.refs.items():
        if any(n == number for _, _, n in refs):
            return line
    return 0
