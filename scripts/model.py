"""The edition's intermediate model: what every pipeline step speaks.

A normaliser turns a raw witness into a :class:`Document`; annotators and renderers only
read it. Every record is a frozen dataclass, so a step can never alter what an earlier
step produced; derived views (plain text, emendation lists, witness text for the
conservation check) are computed from the records, never stored twice.

Inline content is a tuple of :data:`Inline` nodes. Each node knows two readings:

* its *printed* form, the words of the reading text, and
* its *witness* form, the characters of the raw source it stands for.

The conservation check compares the witness forms of a whole document, plus its
recorded removals, with the raw text. That is what proves no word was lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Text:
    """A run of source text printed as it stands (line breaks already joined by spaces)."""

    text: str
    """The words, verbatim from the source."""

    @property
    def printed(self) -> str:
        return self.text

    @property
    def witness(self) -> str:
        return self.text


@dataclass(frozen=True)
class Emendation:
    """A change the edition makes to the words of the source: raw form in, printed form out."""

    raw: str
    """The characters as the witness has them (e.g. ``serio us``)."""
    printed: str
    """The form the reading text prints (e.g. ``serious``)."""
    rule: str
    """Name of the rule that made the change; rules are described in :mod:`scripts.rules`."""
    line: int
    """Line of the raw source (1-based) where the raw form begins."""

    @property
    def witness(self) -> str:
        return self.raw


@dataclass(frozen=True)
class Sic:
    """An apparent error of the original author or typist, kept as written and marked *sic*."""

    text: str
    """The words exactly as the source prints them."""
    comment: str
    """Why the editor marks it (e.g. ``for AFFECTING``)."""
    line: int
    """Line of the raw source (1-based)."""

    @property
    def printed(self) -> str:
        return self.text

    @property
    def witness(self) -> str:
        return self.text


@dataclass(frozen=True)
class NoteRef:
    """A reference from the text to a note, keeping the note's original number or mark."""

    label: str
    """The number or mark as printed (``17``, ``*``)."""
    key: str
    """The id-safe key of the note (``17``, ``s1``): anchors are ``fn:<key>`` and ``fnref:<key>``."""
    raw: str
    """The characters the witness uses for the reference (``Footnote 17``, ``17``, ``*``)."""
    line: int
    """Line of the raw source (1-based)."""

    @property
    def printed(self) -> str:
        return ""

    @property
    def witness(self) -> str:
        return self.raw


@dataclass(frozen=True)
class PageBreak:
    """The point where a printed page of the original begins."""

    label: str | None
    """The printed page number (``17``, ``v``), or None for a break with no surviving number."""
    raw: str
    """The characters of the page marker in the witness (empty if none survives)."""
    line: int
    """Line of the raw source (1-based)."""
    inferred: bool = False
    """True when the label is not printed but certain from the sequence."""
    foot: str | None = None
    """The number printed at the foot of the page that ends here, when the witness numbers its
    pages at the foot: that printed number gets an anchor of its own (``page-<foot>``), so a
    citation of the printed page still resolves, to the end of that page."""

    @property
    def printed(self) -> str:
        return ""

    @property
    def witness(self) -> str:
        return self.raw

    @property
    def anchor(self) -> str | None:
        """The public anchor ``page-<label>``, lower-cased; None for an unnumbered break."""
        return f"page-{self.label.lower()}" if self.label else None

    @property
    def foot_anchor(self) -> str | None:
        """The anchor ``page-<foot>`` of the printed foot number ending the previous page."""
        return f"page-{self.foot.lower()}" if self.foot else None


@dataclass(frozen=True)
class Redaction:
    """A passage the declassifying authority blacked out inside the text: part of the document."""

    raw: str
    """The witness's mark for it (``[REDACTED]``); the reading text shows it too, styled."""
    line: int
    """Line of the raw source (1-based)."""

    @property
    def printed(self) -> str:
        return self.raw

    @property
    def witness(self) -> str:
        return self.raw


Inline = Text | Emendation | Sic | NoteRef | PageBreak | Redaction
"""Anything that can stand inside a paragraph, heading, caption or note."""


def printed_text(inlines: tuple[Inline, ...]) -> str:
    """The reading text of a run of inlines, as a reader sees it (no note numbers)."""
    return "".join(node.printed for node in inlines)


def witness_text(inlines: tuple[Inline, ...]) -> str:
    """The raw characters a run of inlines stands for, for the conservation check."""
    return "".join(node.witness for node in inlines)


class ParagraphKind(Enum):
    """What a paragraph is, which decides whether it is numbered."""

    BODY = "body"
    """Running text of the source: numbered ``p1``, ``p2``…"""
    QUOTE = "quote"
    """A block quotation inside the body: numbered like body text, rendered as a quote."""
    FRONT = "front"
    """Front matter printed by the source (cover, preface, abstract): not numbered."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the reading text."""

    inlines: tuple[Inline, ...]
    """Its content in reading order."""
    line: int
    """Line of the raw source (1-based) where it begins."""
    kind: ParagraphKind = ParagraphKind.BODY
    """Body, block quotation, or front matter."""
    n: int | None = None
    """Public paragraph number (``#p<n>``); set by :func:`number_paragraphs`, None if unnumbered."""

    @property
    def text(self) -> str:
        return printed_text(self.inlines)

    @property
    def anchor(self) -> str | None:
        return f"p{self.n}" if self.n is not None else None


@dataclass(frozen=True)
class Heading:
    """A section heading as the source prints it."""

    level: int
    """1 for the top sections of the text, 2 for subsections, and so on."""
    inlines: tuple[Inline, ...]
    """The printed wording (never re-cased)."""
    line: int
    """Line of the raw source (1-based)."""
    anchor: str = ""
    """Stable id of the heading in the page; set by :func:`assemble` from its wording."""

    @property
    def text(self) -> str:
        return printed_text(self.inlines)


@dataclass(frozen=True)
class Figure:
    """A figure of the original whose image is not part of the capture: caption and credit only."""

    caption: tuple[Inline, ...]
    """The caption as printed."""
    credit: tuple[Inline, ...]
    """The credit line as printed (may be empty)."""
    line: int
    """Line of the raw source (1-based)."""


@dataclass(frozen=True)
class ContentsEntry:
    """One line of a table of contents printed by the source."""

    inlines: tuple[Inline, ...]
    """The entry's wording as printed."""
    page: str
    """The printed page number the entry points to."""
    level: int
    """Nesting depth, 1 for the top entries."""
    target: str = ""
    """Anchor of the heading it points to; set by :func:`assemble` where one matches."""
    line: int = 0
    """Line of the raw source (1-based)."""
    leader: str = ""
    """The dot leader of the witness between wording and page number (witness only)."""


@dataclass(frozen=True)
class Contents:
    """A table of contents printed by the source."""

    entries: tuple[ContentsEntry, ...]
    """The entries in printed order."""
    line: int
    """Line of the raw source (1-based)."""


Block = Paragraph | Heading | Figure | Contents
"""Anything that stands on its own in the flow of a document."""


@dataclass(frozen=True)
class Note:
    """A note of the source, with its original number or mark."""

    label: str
    """The number or mark as printed (``17``, ``*``)."""
    key: str
    """Id-safe key: the note is ``#fn:<key>``, its first reference ``#fnref:<key>``."""
    inlines: tuple[Inline, ...]
    """The note's text; empty when the capture lost it (see ``present``)."""
    line: int
    """Line of the raw source (1-based) where the note (or its number) stands."""
    present: bool = True
    """False when the capture kept no text for the note; the page says so plainly."""
    raw_label: str = ""
    """The characters of the note's own number or mark in the witness (e.g. ``17``)."""

    @property
    def text(self) -> str:
        return printed_text(self.inlines)

    @property
    def witness(self) -> str:
        return self.raw_label + " " + witness_text(self.inlines)


@dataclass(frozen=True)
class Removal:
    """Something of the witness that is not part of the work (web chrome, running head, banner)."""

    raw: str
    """The removed characters, verbatim."""
    reason: str
    """Why it was removed, in words an editor would use."""
    line: int
    """Line of the raw source (1-based) where it begins."""
    category: str = "other"
    """A short class for counting (``web chrome``, ``banner``, ``duplicate``, ``page number``)."""


@dataclass(frozen=True)
class EditorialNote:
    """An observation of the editor about the witness, printed on the editorial page."""

    title: str
    """A short heading."""
    text: str
    """The observation, in plain prose."""


@dataclass(frozen=True)
class Unclassified:
    """Lines the normaliser kept as reading text without recognising what they are.

    Not a removal and not a change: the text stays where it stands in the reading text (the
    conservation check counts it there). The record only tells the editor where to look
    (``edition new-source`` reports these), e.g. a short block set off by blank lines in a
    PDF text that is neither a heading nor a block of notes (an epigraph, a pull quote).
    """

    text: str
    """The lines, verbatim."""
    line: int
    """Line of the raw source (1-based) where they begin."""
    why: str
    """What the normaliser could not decide, in words an editor would use."""


@dataclass(frozen=True)
class Document:
    """A source normalised into a reading text, with its whole apparatus."""

    front: tuple[Block, ...]
    """Front matter: abstract, cover block, preface, contents (not numbered)."""
    body: tuple[Block, ...]
    """The text itself in reading order; its paragraphs carry the public numbers."""
    notes: tuple[Note, ...]
    """Every note, in the order of their numbers or marks."""
    removals: tuple[Removal, ...] = ()
    """Every part of the witness that was removed, with its reason."""
    editorial_notes: tuple[EditorialNote, ...] = ()
    """What the editor wants the reader of the editorial page to know about this witness."""
    unclassified: tuple[Unclassified, ...] = ()
    """Lines kept as reading text whose role the normaliser could not recognise (for review)."""

    def blocks(self) -> Iterator[Block]:
        """Front matter, then body, in reading order."""
        yield from self.front
        yield from self.body

    def paragraphs(self) -> Iterator[Paragraph]:
        """The numbered paragraphs of the body, in order."""
        for block in self.body:
            if isinstance(block, Paragraph) and block.n is not None:
                yield block

    def inline_runs(self) -> Iterator[tuple[Inline, ...]]:
        """Every run of inlines in the document: blocks, figures, contents and notes."""
        for block in self.blocks():
            if isinstance(block, Paragraph | Heading):
                yield block.inlines
            elif isinstance(block, Figure):
                yield block.caption
                yield block.credit
            else:
                for entry in block.entries:
                    yield entry.inlines
        for note in self.notes:
            yield note.inlines

    def emendations(self) -> list[Emendation]:
        """Every emendation in reading order (front, body, notes)."""
        return [node for run in self.inline_runs() for node in run if isinstance(node, Emendation)]

    def sics(self) -> list[Sic]:
        """Every passage marked *sic*, in reading order."""
        return [node for run in self.inline_runs() for node in run if isinstance(node, Sic)]

    def page_breaks(self) -> list[PageBreak]:
        """Every page break, in reading order (body and front matter)."""
        return [node for run in self.inline_runs() for node in run if isinstance(node, PageBreak)]
