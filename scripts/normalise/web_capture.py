"""Normaliser for a book chapter captured as text from the publisher's web page.

The layout (Cambridge Core): a header of web chrome and bibliographic lines, a
``Summary`` heading with the publisher's abstract, a block of labels (``Type``,
``Information``, ``Publisher:``…), the chapter body as one paragraph per line with
headings as short lines, a figure caption and credit, a ``Footnotes`` heading followed by
the notes as ``N text`` paragraphs, and the page's dialogs (save to Kindle, Dropbox,
Google Drive) with a duplicate of the figure caption at the end.

Inline note markers are glued to the text as ``Footnote N``. Every line of the capture
ends up in the document: as reading text, as a note, or as a recorded removal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.errors import SourceError
from scripts.model import (
    Block,
    Document,
    Emendation,
    Figure,
    Heading,
    Inline,
    Note,
    NoteRef,
    Paragraph,
    ParagraphKind,
    Removal,
    Text,
)
from scripts.rules import repair_words, split_page_range

MARKER = re.compile(r"Footnote (\d+)")
NOTE_LINE = re.compile(r"(\d+) (.*)", re.DOTALL)
FIGURE = re.compile(r"Figure \d+(\.\d+)? \S")
CREDIT = re.compile(r"Source: ")
DIALOG = re.compile(r"Save (book|content) to ")
FIGURE_INDEX = re.compile(r"Figure \d+")
LABELS = re.compile(r"(Type|Chapter|Information|Publisher: .*|Print publication year: .*)")
# A heading is a short line that does not end a sentence.
HEADING_MAX = 90
PAGES_AFTER_IMPRINT = re.compile(r"(\), )(\d{4,6})(?=[.,;]|$)")
UNCLOSED_TITLE_END = re.compile(r"(\w+),([A-Z]\w*)")


@dataclass(frozen=True)
class _Block:
    """Consecutive non-blank lines of the raw text."""

    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _blocks(raw: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(raw.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(_Block(tuple(current), start))
            current = []
    if current:
        blocks.append(_Block(tuple(current), start))
    return blocks


def _inlines(text: str, line: int, *, refs: bool) -> list[Inline]:
    """Text with its note markers as references and word repairs recorded."""
    out: list[Inline] = []
    last = 0
    if refs:
        for match in MARKER.finditer(text):
            out += repair_words(text[last : match.start()], line)
            number = match.group(1)
            out.append(NoteRef(number, number, match.group(), line))
            last = match.end()
    out += repair_words(text[last:], line)
    return out


def _note_inlines(text: str, line: int) -> list[Inline]:
    """A note's text with scrape leftovers and lost punctuation in citations repaired."""
    out: list[Inline] = []
    if text.startswith("Footnote "):
        first = text.split(" ", 2)
        raw = " ".join(first[:2])
        out.append(Emendation(raw, first[1], "scrape-leftover", line))
        text = text[len(raw) :]
    pieces: list[tuple[int, int, str, str, str]] = []
    for match in PAGES_AFTER_IMPRINT.finditer(text):
        fixed = split_page_range(match.group(2))
        if fixed and not re.fullmatch(r"1[5-9]\d\d|20\d\d", match.group(2)):
            pieces.append((match.start(2), match.end(2), match.group(2), fixed, "lost-range-dash"))
    if text.count("“") > text.count("”"):
        opened = text.rfind("“")
        close = UNCLOSED_TITLE_END.search(text, opened)
        if close and "”" not in text[opened : close.start()]:
            raw = text[close.start() : close.end()]
            printed = f"{close.group(1)},” {close.group(2)}"
            pieces.append((close.start(), close.end(), raw, printed, "lost-closing-quote"))
    last = 0
    for start, end, raw, printed, rule in sorted(pieces):
        out += repair_words(text[last:start], line)
        out.append(Emendation(raw, printed, rule, line))
        last = end
    out += repair_words(text[last:], line)
    return out


def _is_heading(block: _Block) -> bool:
    text = block.text
    return (
        len(block.lines) == 1
        and len(text) <= HEADING_MAX
        and not text.rstrip().endswith((".", ":", ";", ",", "”", '"', "?", "!"))
        and not FIGURE.match(text)
        and not CREDIT.match(text)
        and not MARKER.search(text)
    )


def _notes(blocks: list[_Block]) -> tuple[list[Note], list[_Block]]:
    """The numbered notes after the ``Footnotes`` heading, and what follows them."""
    notes: list[Note] = []
    for index, block in enumerate(blocks):
        match = NOTE_LINE.fullmatch(block.text)
        if not match:
            return notes, blocks[index:]
        label = match.group(1)
        text = " ".join(match.group(2).split("\n"))
        inlines = tuple(_note_inlines(text, block.line))
        notes.append(Note(label, label, inlines, block.line, raw_label=label))
    return notes, []


def _check_notes(body: list[Block], notes: list[Note]) -> None:
    """Every reference has its note and every note its reference; numbers are unique."""
    seen: dict[str, int] = {}
    for note in notes:
        if note.label in seen:
            raise SourceError(
                note.line, f"note {note.label} appears twice (first on line {seen[note.label]})"
            )
        seen[note.label] = note.line
    refs = {
        node.key: node.line
        for block in body
        if isinstance(block, Paragraph)
        for node in block.inlines
        if isinstance(node, NoteRef)
    }
    for key, line in refs.items():
        if key not in seen:
            raise SourceError(line, f"reference Footnote {key} has no note")
    for note in notes:
        if note.key not in refs:
            raise SourceError(note.line, f"note {note.label} has no reference in the text")


def normalise(raw: str) -> Document:
    """Turn a captured chapter page into a document (pure: raw text in, document out)."""
    blocks = _blocks(raw)
    removals: list[Removal] = []
    front: list[Block] = []
    body: list[Block] = []
    notes: list[Note] = []
    figures: set[str] = set()

    summary = next((i for i, b in enumerate(blocks) if b.text == "Summary"), None)
    if summary is None:
        raise SourceError(1, "no 'Summary' heading: not a captured chapter page")
    for block in blocks[:summary]:
        chrome = block.text.startswith(("Skip to main content", "×", "Hostname:"))
        reason = (
            "web page chrome"
            if chrome
            else "bibliographic header of the web page (given in the edition's header)"
        )
        removals.append(
            Removal(block.text, reason, block.line, "web chrome" if chrome else "header")
        )
    front.append(Heading(1, (Text("Summary"),), blocks[summary].line))

    rest = blocks[summary + 1 :]
    dialogs = next((i for i, b in enumerate(rest) if DIALOG.match(b.text)), len(rest))
    for block in rest[dialogs:]:
        removals.append(
            Removal(block.text, "web page chrome (save-to dialogs)", block.line, "web chrome")
        )
    rest = rest[:dialogs]
    index = 0
    while index < len(rest):
        block = rest[index]
        index += 1
        if block.text == "Footnotes":
            removals.append(
                Removal(
                    block.text,
                    "heading of the notes list (the edition prints its own)",
                    block.line,
                    "structure",
                )
            )
            notes, trailing = _notes(rest[index:])
            for tail in trailing:
                duplicate = tail.text in figures or FIGURE_INDEX.fullmatch(tail.text) is not None
                reason = (
                    "duplicate of the figure caption (image gallery of the web page)"
                    if duplicate
                    else "web page chrome"
                )
                removals.append(
                    Removal(
                        tail.text, reason, tail.line, "duplicate" if duplicate else "web chrome"
                    )
                )
            break
        if all(LABELS.fullmatch(line) for line in block.lines):
            removals.append(
                Removal(
                    block.text,
                    "web page labels and imprint (given in the edition's header)",
                    block.line,
                    "web chrome",
                )
            )
        elif FIGURE.match(block.text):
            credit: tuple[Inline, ...] = ()
            if index < len(rest) and CREDIT.match(rest[index].text):
                credit = tuple(_inlines(rest[index].text, rest[index].line, refs=False))
                figures.add(rest[index].text)
                index += 1
            figures.add(block.text)
            body.append(
                Figure(tuple(_inlines(block.text, block.line, refs=False)), credit, block.line)
            )
        elif not front[1:] and not body:
            front.append(
                Paragraph(
                    tuple(_inlines(block.text, block.line, refs=True)),
                    block.line,
                    ParagraphKind.FRONT,
                )
            )
        elif _is_heading(block):
            body.append(Heading(1, tuple(_inlines(block.text, block.line, refs=False)), block.line))
        else:
            text = " ".join(block.lines)
            body.append(Paragraph(tuple(_inlines(text, block.line, refs=True)), block.line))
    _check_notes(body, notes)
    return Document(
        front=tuple(front), body=tuple(body), notes=tuple(notes), removals=tuple(removals)
    )
