"""Normaliser for a book chapter or journal article captured as text from the publisher's web page.

The layout (Cambridge Core): a header of web chrome and bibliographic lines, a
``Summary`` heading (a chapter) or ``Abstract`` heading (an article) with the publisher's
abstract, a block of labels (``Type`` first, then ``Information``, ``Publisher:``…, whatever
their values), the body as one paragraph per line with headings as short lines, a figure
caption and credit, a ``Footnotes`` (or ``Notes``) heading followed by the notes as
``N text`` paragraphs, perhaps a ``References`` list (one cited work per line: kept, never
numbered, so it is not cited as body text and gives no timeline events), and the page's
dialogs (save to Kindle, Dropbox, Google Drive) with a duplicate of the figure caption at
the end.

Inline note markers are glued to the text as ``Footnote N``; the word ``Footnote`` left
without its number (at the start of a note, before a cross-reference such as ``ibid.``) is
a leftover of the markup and is removed as an emendation. Every line of the capture ends up
in the document: as reading text, as a note, or as a recorded removal.

A page that holds no body text (a paywalled page: labels, an access notice, purchase
options and the references only) is refused: it has nothing to publish.
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
DIALOG = re.compile(r"Save (?:\w+ ){1,2}to ")
FIGURE_INDEX = re.compile(r"Figure \d+")
LABELS = re.compile(r"(Type|Chapter|Information|Publisher: .*|Print publication year: .*)")
OPENINGS = ("Summary", "Abstract")
"""The heading of the publisher's abstract, which opens the captured work (chapter, article)."""
NOTES_HEADINGS = ("Footnotes", "Notes")
REFERENCES = re.compile(
    r"(References|Bibliography|Works [Cc]ited|Select [Bb]ibliography|Further [Rr]eading)"
)
"""The heading of a list of cited works: its lines are references, one work per line."""
LEFTOVER = re.compile(r"(?<!\w)Footnote (?=(?:[Ii]bid|[Ii]dem|[Oo]p\. cit|[Ll]oc\. cit|[a-z]))")
"""``Footnote`` before a cross-reference (``ibid.``) or a lower-case word: a markup label
whose number is gone, never a word of the sentence (a capital mid-sentence before a
lower-case word)."""
ACCESS_NOTICE = re.compile(
    r"(?=.*\baccess\b)(?=.*\b(?:full (?:text|version)|this content)\b)", re.IGNORECASE | re.DOTALL
)
"""An access notice of the publisher's page (``Get access to the full version of this
content…``)."""
NOTICE_MAX_WORDS = 80
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


def _words(text: str, line: int) -> list[Inline]:
    """Word repairs, and ``Footnote`` leftovers before a cross-reference or lower-case word.

    The leftover is removed with the word after it in one emendation (``Footnote ibid.,`` →
    ``ibid.,``), as at the start of a note, so the editorial page shows where it stood.
    """
    out: list[Inline] = []
    last = 0
    for match in LEFTOVER.finditer(text):
        word = re.match(r"\S+", text[match.end() :])
        if word is None:
            continue
        out += repair_words(text[last : match.start()], line)
        raw = text[match.start() : match.end() + word.end()]
        out.append(Emendation(raw, word.group(), "scrape-leftover", line))
        last = match.start() + len(raw)
    out += repair_words(text[last:], line)
    return out


def _inlines(text: str, line: int, *, refs: bool) -> list[Inline]:
    """Text with its note markers as references and word repairs recorded."""
    out: list[Inline] = []
    last = 0
    if refs:
        for match in MARKER.finditer(text):
            out += _words(text[last : match.start()], line)
            number = match.group(1)
            out.append(NoteRef(number, number, match.group(), line))
            last = match.end()
    out += _words(text[last:], line)
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
        out += _words(text[last:start], line)
        out.append(Emendation(raw, printed, rule, line))
        last = end
    out += _words(text[last:], line)
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


def _is_labels(block: _Block) -> bool:
    """The page's block of labels: ``Type``, ``Information``… whatever their values."""
    if all(LABELS.fullmatch(line) for line in block.lines):
        return True
    return block.lines[0] == "Type" and "Information" in block.lines[1:]


def _is_notice(block: _Block) -> bool:
    """A short access notice of the publisher's page (not a paragraph of the work)."""
    return (
        len(block.text.split()) <= NOTICE_MAX_WORDS and ACCESS_NOTICE.match(block.text) is not None
    )


def _references(blocks: list[_Block], heading: _Block) -> tuple[list[Block], int]:
    """The list of cited works after its heading: one unnumbered paragraph per line.

    Returns the blocks and how many raw blocks they took (the list ends at the notes, a
    dialog of the page or a figure's repeat).
    """
    out: list[Block] = [Heading(1, (Text(heading.text),), heading.line)]
    taken = 0
    for block in blocks:
        if (
            block.text in NOTES_HEADINGS
            or DIALOG.match(block.text)
            or FIGURE_INDEX.fullmatch(block.text)
        ):
            break
        for offset, line in enumerate(block.lines):
            inlines = tuple(_inlines(line, block.line + offset, refs=False))
            out.append(Paragraph(inlines, block.line + offset, ParagraphKind.FRONT))
        taken += 1
    return out, taken


def _check_text(
    opening: _Block, abstract: list[Block], body: list[Block], first: _Block | None, end: int
) -> None:
    """Refuse a page with no body text: nothing but chrome between the abstract and the end.

    Body text is a paragraph of the body (references and figures are not); a page whose body
    is shorter than its own abstract and cites no note is not the work either.
    """
    paragraphs = [b for b in body if isinstance(b, Paragraph) and b.kind is not ParagraphKind.FRONT]
    words = sum(len(p.text.split()) for p in paragraphs)
    summary = sum(len(b.text.split()) for b in abstract if isinstance(b, Paragraph))
    cited = any(isinstance(node, NoteRef) for p in paragraphs for node in p.inlines)
    if paragraphs and (cited or words >= summary):
        return
    where = f"line {first.line}" if first else f"line {end}"
    found = f" (from {where}: {first.lines[0][:40]!r}…)" if first else ""
    raise SourceError(
        first.line if first else end,
        f"the capture holds no chapter text: after the {opening.text.lower()} (line "
        f"{opening.line}) there is no paragraph of the work before line {end}, only page "
        f"chrome, access notices or references{found}; a page without access to the text?",
    )


def normalise(raw: str) -> Document:
    """Turn a captured chapter or article page into a document (pure: raw text in, document out)."""
    blocks = _blocks(raw)
    removals: list[Removal] = []
    front: list[Block] = []
    body: list[Block] = []
    notes: list[Note] = []
    figures: set[str] = set()

    summary = next((i for i, b in enumerate(blocks) if b.text in OPENINGS), None)
    if summary is None:
        raise SourceError(
            1, "no 'Summary' or 'Abstract' heading: not a captured chapter or article page"
        )
    opening = blocks[summary]
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
    front.append(Heading(1, (Text(opening.text),), opening.line))

    rest = blocks[summary + 1 :]
    dialogs = next((i for i, b in enumerate(rest) if DIALOG.match(b.text)), len(rest))
    end = rest[dialogs].line if dialogs < len(rest) else raw.count("\n") + 1
    for block in rest[dialogs:]:
        removals.append(
            Removal(block.text, "web page chrome (save-to dialogs)", block.line, "web chrome")
        )
    rest = rest[:dialogs]
    first_after_labels: _Block | None = None
    index = 0
    while index < len(rest):
        block = rest[index]
        index += 1
        if body == [] and first_after_labels is None and front[1:] and not _is_labels(block):
            first_after_labels = block
        if block.text in NOTES_HEADINGS:
            end = min(end, block.line)
            removals.append(
                Removal(
                    block.text,
                    "heading of the notes list (the edition prints its own)",
                    block.line,
                    "structure",
                )
            )
            notes, trailing = _notes(rest[index:])
            if trailing and REFERENCES.fullmatch(trailing[0].text):
                listed, taken = _references(trailing[1:], trailing[0])
                body += listed
                trailing = trailing[1 + taken :]
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
        if REFERENCES.fullmatch(block.text) and front[1:]:
            end = min(end, block.line)
            listed, taken = _references(rest[index:], block)
            body += listed
            index += taken
        elif _is_labels(block):
            removals.append(
                Removal(
                    block.text,
                    "web page labels and imprint (given in the edition's header)",
                    block.line,
                    "web chrome",
                )
            )
        elif _is_notice(block) and front[1:] and not any(isinstance(b, Paragraph) for b in body):
            removals.append(
                Removal(block.text, "access notice of the web page", block.line, "web chrome")
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
    _check_text(opening, front[1:], body, first_after_labels, end)
    _check_notes(body, notes)
    return Document(
        front=tuple(front), body=tuple(body), notes=tuple(notes), removals=tuple(removals)
    )
