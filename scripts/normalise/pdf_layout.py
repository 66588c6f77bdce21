"""Reading the layout of a PDF text extraction: line widths, pages, headings, note blocks.

The extraction keeps the printed lines but not their geometry. What survives of the layout:

* every page after the first begins either right after a block of that page's notes and
  printed page number, or with a line whose first character is a space;
* the notes of a page (a number on a line of its own, then the note's lines) follow the
  last body line of the page, even in the middle of a sentence or a name;
* a paragraph's first line is indented and its last line is short: measured in Times-Roman
  widths, a line is *short* when the next line's first word would have fitted on it;
* headings stand between blank lines.

A blank line does not by itself start a block of notes: notes are recognised from evidence
(:func:`_notes_follow`). What follows a blank line is a block of notes when it begins with a
lone number (a note number whose reference has been read, or a printed page number), or when
it continues the last note: holding no reference of the text, running up to such a number or
to the start of the next page, and either set wider than the text (notes are set smaller) or
beginning in lower case after text that ends a sentence (a paragraph never begins so).
Anything else after a blank line (an epigraph, a pull quote, a sidebar, text after them) is
body text *set off* by the blank line: it begins a paragraph of its own, and when the text
after it resumes a sentence in lower case it interrupted a paragraph and is moved after it.

This module measures lines and cuts the witness into body lines, headings and note blocks.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from itertools import repeat
from typing import Protocol

from scripts.errors import SourceError

# Advance widths of Times-Roman (Adobe core font metrics, 1/1000 em); the working paper
# is set in Times. Characters not listed count as the average width of a letter.
_WIDTHS = dict(
    zip(
        " abcdefghijklmnopqrstuvwxyz",
        (
            250,
            444,
            500,
            444,
            500,
            444,
            333,
            500,
            500,
            278,
            278,
            500,
            278,
            778,
            500,
            500,
            500,
            500,
            333,
            389,
            278,
            500,
            500,
            722,
            500,
            500,
            444,
        ),
        strict=True,
    )
)
_WIDTHS.update(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (
            722,
            667,
            667,
            722,
            611,
            556,
            722,
            722,
            333,
            389,
            722,
            611,
            889,
            722,
            722,
            556,
            722,
            667,
            556,
            611,
            722,
            722,
            944,
            722,
            722,
            611,
        ),
        strict=True,
    )
)
_WIDTHS.update({c: 250 for c in ",."})
_WIDTHS.update({c: 333 for c in "-’‘()[]!"})
_WIDTHS.update({c: 444 for c in "“”?"})
_WIDTHS.update({c: 278 for c in ":;/"})

LONE_NUMBER = re.compile(r"\d{1,3}")
TERMINAL = re.compile(r"[.?!:”)](?:\s*\d{1,3})?\s*$")
"""A line that can end a paragraph: sentence punctuation, perhaps followed by a note number."""


def width(text: str) -> float:
    """The printed width of a line in ems of Times-Roman, from the font's metrics."""
    # map() over dict.get runs the loop in C: this is called for every join of every line.
    return sum(map(_WIDTHS.get, text.strip(), repeat(500))) / 1000


def first_word(text: str) -> str:
    """The first word of a line (what would have moved up had it fitted)."""
    words = text.split()
    return words[0] if words else ""


@dataclass(frozen=True)
class Line:
    """One line of the raw witness."""

    n: int
    """Line number (1-based)."""
    text: str
    """The line as it stands."""

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def number(self) -> int | None:
        """The number if the line holds a lone number of up to three digits."""
        stripped = self.text.strip()
        return int(stripped) if LONE_NUMBER.fullmatch(stripped) else None


@dataclass
class NoteDraft:
    """A note as the blocks give it: its number's line and its text lines."""

    number: int
    line: int
    label_raw: str
    lines: list[Line] = field(default_factory=list)
    moved: bool = False
    """True when its text was found before its number (see :func:`_reunite`)."""


@dataclass
class Block:
    """A run of note matter spliced in after the last body line of a page."""

    notes: list[NoteDraft]
    continuation: list[Line]
    """Lines before the first number: the end of a note begun on the previous page."""
    page_number: Line | None
    """The printed page number standing after the notes, if it survives."""
    line: int


@dataclass
class Heading:
    """A heading: one or more lines set between blank lines."""

    lines: list[Line]


@dataclass
class BodyLine:
    """A line of running text, with whether a printed page begins with it."""

    line: Line
    page_start: bool
    set_off: bool = False
    """The first line of a run of text set off by a blank line that is neither a heading nor
    notes: it begins a paragraph (an epigraph, a pull quote, a sidebar, or the text after one)."""
    floats: bool = False
    """With ``set_off``: the run interrupts a paragraph (the text after it resumes the sentence
    in lower case), so it is printed after that paragraph."""
    resumes: bool = False
    """With ``set_off``: the run resumes the paragraph a floating run interrupted."""
    after_heading: bool = False
    """With ``set_off``: the run follows a heading (it begins a paragraph in any case)."""


Item = BodyLine | Heading | Block


class RefScanner(Protocol):
    """Finds note references in body lines as they are read, in order."""

    highest: int
    """The highest reference number found so far."""

    def scan(self, line: Line, following: str) -> None:
        """Record the references of one body line (``following``: the next line's text)."""


def segment(lines: list[Line], scanner: RefScanner) -> list[Item]:
    """Cut the witness into body lines, headings and note blocks, in order.

    Body lines go through ``scanner`` as they are read, because a lone number in a block is
    a note number only if it continues the sequence of notes and its reference has already
    been printed; otherwise it is a printed page number (notes never run backwards, and a
    note never comes before its reference).
    """
    last_note = 0
    items: list[Item] = []
    i = 0
    after_block = True
    set_off = ""
    floated = False
    typical = _typical_width(lines)
    while i < len(lines):
        line = lines[i]
        if line.blank:
            j = _next_filled(lines, i)
            if j is None:
                break
            run = _run(lines, j)
            if lines[j].number is None and _is_heading(lines, j, run):
                items.append(Heading(lines[j:run]))
                i = _next_filled(lines, run) or len(lines)
                floated = False
                set_off = "heading"
                continue
            # After a run that interrupts a sentence comes its rest (checked then), not notes.
            if not floated and _notes_follow(lines, j, last_note, scanner, typical):
                block, i = _block(lines, j, last_note, scanner.highest)
                last_note = max((n.number for n in block.notes), default=last_note)
                items.append(block)
                after_block = True
                continue
            # Text set off by the blank line: a paragraph of its own, floated after the
            # paragraph it interrupts when the text after it resumes a sentence.
            floats = not floated and _interrupts(lines, j, run, items, last_note, scanner, typical)
            set_off = "resumes" if floated else ("floats" if floats else "starts")
            floated = floats
            i = j
            continue
        if line.number is not None:
            block, i = _block(lines, i, last_note, scanner.highest)
            last_note = max((n.number for n in block.notes), default=last_note)
            items.append(block)
            after_block = True
            continue
        if not items and _is_heading(lines, i, i + 1, first=True):
            items.append(Heading([line]))
            i += 1
            continue
        items.append(
            BodyLine(
                line,
                page_start=after_block or line.text.startswith(" "),
                set_off=bool(set_off),
                floats=set_off == "floats",
                resumes=set_off == "resumes",
                after_heading=set_off == "heading",
            )
        )
        set_off = ""
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        scanner.scan(line, following)
        after_block = False
        i += 1
    return items


def _typical_width(lines: list[Line]) -> float:
    """The median width of the witness's lines: that of a line of running text, which most are."""
    widths = sorted(width(line.text) for line in lines if not line.blank)
    return widths[len(widths) // 2] if widths else 0.0


NOTE_SET_WIDER = 1.1
"""Notes are set smaller than the text: the lines of a note measure more than this many times
a typical line of text (in ems of the text's font), judged by their median (a note's last
line is short, and the extraction sometimes merges two lines of text into one)."""


def _notes_follow(
    lines: list[Line],
    j: int,
    last_note: int,
    scanner: RefScanner,
    typical: float,
    *,
    resumed: bool = False,
) -> bool:
    """Whether the filled line ``j`` (after a blank line) begins a block of notes.

    Evidence, not the blank line: a lone number (a note number or a printed page number), or
    the continuation of the last note on a new page (see the module's docstring).
    """
    if lines[j].number is not None:
        return True
    if last_note == 0:
        return False
    k = j
    while k < len(lines) and not lines[k].blank and lines[k].number is None:
        if k > j and lines[k].text.startswith(" "):
            break
        k += 1
    run = lines[j:k]
    probe = copy.deepcopy(scanner)
    for index, line in enumerate(run):
        probe.scan(line, run[index + 1].text if index + 1 < len(run) else "")
    if probe.highest != scanner.highest:
        return False  # it holds the text's next reference: text, not notes
    after = _next_filled(lines, k)
    ends_page = after is not None and (
        lines[after].number is not None or lines[after].text.startswith(" ")
    )
    if not ends_page:
        return False
    widths = sorted(width(line.text) for line in run)
    if widths[len(widths) // 2] > typical * NOTE_SET_WIDER:
        return True
    # A paragraph never begins in lower case: after a line that ends a sentence, text in
    # lower case is the rest of a note cut by the page break (unless ``resumed``: the text
    # before it is a block set off inside an unfinished sentence, which it resumes).
    before = None if resumed else _last_body_line(lines, j)
    return (
        run[0].text.strip()[:1].islower()
        and before is not None
        and bool(TERMINAL.search(before.text))
    )


def _last_body_line(lines: list[Line], j: int) -> Line | None:
    """The last filled line before ``j`` that is not a lone number."""
    for k in range(j - 1, -1, -1):
        if not lines[k].blank and lines[k].number is None:
            return lines[k]
    return None


def _interrupts(
    lines: list[Line],
    j: int,
    run_end: int,
    items: list[Item],
    last_note: int,
    scanner: RefScanner,
    typical: float,
) -> bool:
    """Whether the set-off run ``j``–``run_end`` interrupts a sentence of the paragraph before
    it: that paragraph's last line ends no sentence, and the body text after the run (not a
    block of notes) resumes in lower case."""
    before = next((item for item in reversed(items) if not isinstance(item, Block)), None)
    if not isinstance(before, BodyLine) or TERMINAL.search(before.line.text):
        return False
    if run_end >= len(lines) or not lines[run_end].blank:
        return False
    after = _next_filled(lines, run_end)
    if after is None or not lines[after].text.strip()[:1].islower():
        return False
    probe = copy.deepcopy(scanner)
    for k in range(j, run_end):
        probe.scan(lines[k], lines[k + 1].text)
    return not _notes_follow(lines, after, last_note, probe, typical, resumed=True)


def _next_filled(lines: list[Line], i: int) -> int | None:
    for j in range(i, len(lines)):
        if not lines[j].blank:
            return j
    return None


def _run(lines: list[Line], j: int) -> int:
    """End (exclusive) of the run of filled lines starting at ``j``."""
    k = j
    while k < len(lines) and not lines[k].blank and lines[k].number is None:
        k += 1
    return k


def _is_heading(lines: list[Line], start: int, end: int, *, first: bool = False) -> bool:
    """A short run of lines set off by a blank line (or the capture's first line, unpunctuated)."""
    run = lines[start:end]
    if not run or len(run) > 3 or TERMINAL.search(run[-1].text):
        return False
    if first:
        return width(run[0].text) < 20
    return end < len(lines) and lines[end].blank


def _block(lines: list[Line], i: int, last_note: int, max_ref: int) -> tuple[Block, int]:
    notes: list[NoteDraft] = []
    continuation: list[Line] = []
    page_number: Line | None = None
    start = lines[i].n
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if page_number is not None or line.text.startswith(" "):
            break
        n = line.number
        if n is not None and last_note < n <= max_ref:
            notes.append(NoteDraft(n, line.n, line.text.strip()))
            last_note = n
        elif n is not None:
            page_number = line
        elif notes:
            notes[-1].lines.append(line)
        else:
            continuation.append(line)
        i += 1
    if not notes and not continuation and page_number is None:
        raise SourceError(start, "empty block of notes")
    _reunite(notes)
    return Block(notes, continuation, page_number, start), i


def note_line_is_last(line: Line, following: Line, full: float) -> bool:
    """True when ``line`` ends a note: it ends a sentence and the next word would have fitted."""
    return (
        bool(TERMINAL.search(line.text))
        and following.text[:1].isupper()
        and width(line.text) + 0.25 + width(first_word(following.text)) < full
    )


NOTE_FULL_WIDTH = 38.0
"""Notes are set smaller than the text: their full lines measure 38–43 ems of Times-Roman."""


def _reunite(notes: list[NoteDraft]) -> None:
    """Give a number that stands alone at the end of a block the note text printed before it.

    The extraction sometimes emits a note's number after its text: the block then holds a
    note whose text runs on past a line that plainly ends a note (short, end of sentence, a
    new sentence begins) and, last, a number with no text. The text after the break belongs
    to that number.
    """
    if len(notes) < 2 or notes[-1].lines or notes[-1].number != notes[-2].number + 1:
        return
    previous = notes[-2].lines
    for k in range(len(previous) - 1):
        if note_line_is_last(previous[k], previous[k + 1], NOTE_FULL_WIDTH):
            notes[-1].lines = previous[k + 1 :]
            notes[-1].moved = True
            del previous[k + 1 :]
            return
