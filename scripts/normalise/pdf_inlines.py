"""Building the inlines of a paragraph or note of a PDF extraction from its raw lines.

The lines are joined into one string (a line break is a space; a page break a private-use
mark), and every special node is a span over that string: note references found by the
sequence scanner, page breaks, word repairs (:mod:`scripts.normalise.pdf_words`) and slips
marked *sic* (:mod:`scripts.normalise.pdf_notes`). :func:`inlines` cuts the string at the
spans into :data:`~scripts.model.Inline` nodes, so that every raw character lands in
exactly one node.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from scripts.model import Emendation, Inline, NoteRef, PageBreak, Sic, Text
from scripts.normalise.pdf_layout import Line, width
from scripts.normalise.pdf_notes import slip_spans
from scripts.normalise.pdf_words import find_repairs
from scripts.normalise.shared.lines import Lexicon

_MARK = "\ue000"
"""Stands for a page break in the string a paragraph is built in (never in a witness)."""
MERGED = 1.5
"""A line wider than this many full lines is two lines merged at a lost line-end hyphen."""


@dataclass
class Page:
    """A printed page of the original: where it begins, its number and label."""

    start: Line
    number: Line | None = None
    label: str | None = None
    inferred: bool = False
    foot: Line | None = None
    """A printed number standing before this page's text that closes a page not captured."""
    repeats: list[Line] = field(default_factory=list)
    """Further number lines after this page's number (the capture repeats it): kept as witness."""


@dataclass
class Context:
    """What the rules need to know about the whole witness."""

    evidence: Lexicon
    slips: dict[str, str]
    misspelt: dict[str, str]
    full: float
    refs: dict[int, list[tuple[int, int, int]]]


_Span = tuple[int, int, Callable[[str, int], Inline]]


def assemble(
    lines: list[Line], context: Context, breaks: dict[int, Page]
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
    slips = [
        (a, b, _sic(comment, _line_at(offsets, a)))
        for a, b, comment in slip_spans(text, context.slips, context.misspelt)
    ]
    # Earlier kinds win where spans overlap: references, then repairs, then slips.
    for extra in (_repairs(text, offsets, context), slips):
        taken = [(a, b) for a, b, _ in spans]
        spans += [s for s in extra if not _overlaps(s, taken)]
    return text, offsets, sorted(spans, key=lambda s: s[0])


def _overlaps(span: tuple[int, int] | _Span, taken: list[tuple[int, int]]) -> bool:
    a, b = span[0], span[1]
    return any(a < y and x < b for x, y in taken)


def _line_at(offsets: list[tuple[int, Line, int]], position: int) -> int:
    index = bisect_right([o for o, _, _ in offsets], position) - 1
    return offsets[max(index, 0)][1].n


def _repairs(text: str, offsets: list[tuple[int, Line, int]], context: Context) -> list[_Span]:
    starts = [o for o, _, _ in offsets]

    def piece(position: int) -> int:
        return max(bisect_right(starts, position) - 1, 0)

    def same_line(a: int, b: int) -> bool:
        return piece(a) == piece(b - 1) and _MARK not in text[a:b]

    def at_join(a: int, b: int) -> bool:
        begin, line, _ = offsets[piece(a)]
        if width(line.text) < context.full * MERGED:
            return False
        before = width(text[begin:a])
        return before <= context.full + 0.3 and before + width(text[a:b]) >= context.full - 3

    spans: list[_Span] = []
    for repair in find_repairs(text, context.evidence, same_line=same_line, at_join=at_join):
        if _MARK in text[repair.start : repair.end]:
            continue
        spans.append(
            (
                repair.start,
                repair.end,
                _emendation(repair.printed, repair.rule, _line_at(offsets, repair.start)),
            )
        )
    return spans


def inlines(
    text: str, offsets: list[tuple[int, Line, int]], spans: list[_Span]
) -> tuple[Inline, ...]:
    """Cut ``text`` at the spans into Text runs and the nodes the spans make."""
    out: list[Inline] = []
    position = 0
    for start, end, make in spans:
        if start < position:
            continue
        node = make(text[start:end].strip(), _line_at(offsets, start))
        if start > position:
            run, node = _before(text[position:start], node)
            out.append(Text(run))
        out.append(node)
        position = end
    if position < len(text):
        out.append(Text(text[position:]))
    return tuple(node for node in out if not (isinstance(node, Text) and not node.text))


def _before(run: str, node: Inline) -> tuple[str, Inline]:
    """The text run before a node, without the space before a printed-empty number.

    A note or page number takes no room in the reading text, so the space before it would
    double the space after it. The space is dropped from the run; where a letter precedes
    it, the number's witness keeps it (``Indochina 1 in`` is witnessed as ``Indochina`` +
    `` 1`` + `` in``), so that the word and the number stay two tokens.
    """
    if isinstance(node, NoteRef | PageBreak) and node.witness and run.rstrip() != run:
        stripped = run.rstrip()
        if stripped and (stripped[-1].isalnum() or stripped[-1] == "_"):
            return stripped, replace(node, raw=" " + node.raw)
        return stripped, node
    return run, node


def _page_break(page: Page) -> Callable[[str, int], Inline]:
    def make(_: str, line: int) -> Inline:
        foot = page.foot.text.strip() if page.foot is not None else None
        numbers = [page.foot] if page.foot is not None else []
        numbers += [page.number] if page.number is not None else []
        numbers += page.repeats
        # Every number line of the witness here, each ending its own line.
        raw = "".join(n.text.strip() + " " for n in numbers)
        if page.number is not None:
            return PageBreak(page.label, raw, page.number.n, foot=foot)
        return PageBreak(page.label, raw, page.start.n, inferred=page.inferred, foot=foot)

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


def build(lines: list[Line], context: Context, breaks: dict[int, Page]) -> tuple[Inline, ...]:
    """The inlines of a paragraph or note made of ``lines`` (pages beginning at ``breaks``)."""
    text, offsets, spans = assemble(lines, context, breaks)
    return inlines(text, offsets, spans)
