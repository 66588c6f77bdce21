"""The ``<text>`` of a source: front matter, the body in nested ``div``s, notes, and removals.

Headings open ``div``s nested by their level; each numbered paragraph is ``<p n="N"
xml:id="pN">`` as on the site; notes stand at their first reference (a note no reference
points to is kept in ``<back>``); everything the edition removed from the witness is listed in
``<back><div type="removals">`` as ``<fw>`` with its raw line, category and reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

from scripts.annotate import Span
from scripts.model import Block, Contents, Document, Figure, Heading, Note, Paragraph, ParagraphKind
from scripts.tei.inline import note_id, write_inlines
from scripts.tei.xml import EDITION, Mixed, element, ncname, sub, word

SpanMap = Mapping[str, Sequence[Span]]


class _Writer:
    """Writes the blocks of one document, keeping track of the notes already placed."""

    def __init__(self, document: Document, spans: SpanMap) -> None:
        self.notes = {note.key: note for note in document.notes}
        self.spans = spans
        self.written: set[str] = set()
        self.front_index = 0

    def inlines(self, parent: etree._Element, location: str, inlines: Sequence[object]) -> None:
        write_inlines(
            Mixed(parent),
            inlines,  # type: ignore[arg-type]
            self.spans.get(location, ()),
            self.note,
            self.written,
        )

    def note(self, out: Mixed, key: str) -> None:
        note = self.notes.get(key)
        if note is not None:
            self.write_note(out.current, note)

    def write_note(self, parent: etree._Element, note: Note) -> None:
        attributes = {"n": note.label, "xml_id": note_id(note.key), "place": "end"}
        if not note.present:
            attributes["type"] = "lost"
        node = sub(parent, "note", **attributes)
        if note.raw_label:
            sub(node, "label", note.raw_label, type="note-number")
        if note.present:
            self.inlines(node, f"fn:{note.key}", note.inlines)
        else:
            sub(node, "gap", reason="not-in-capture", agent="capture")

    def blocks(self, parent: etree._Element, blocks: Sequence[Block], *, front: bool) -> None:
        stack: list[tuple[int, etree._Element]] = [(0, parent)]
        for block in blocks:
            if isinstance(block, Heading):
                while stack[-1][0] >= block.level and len(stack) > 1:
                    stack.pop()
                div = sub(stack[-1][1], "div", type="section")
                ids = {"xml_id": ncname("h-" + block.anchor)} if block.anchor else {}
                head = sub(div, "head", **ids)
                self.inlines(head, f"h:{block.anchor}", block.inlines)
                stack.append((block.level, div))
                continue
            self.block(stack[-1][1], block, front=front)

    def block(self, parent: etree._Element, block: Block, *, front: bool) -> None:
        if isinstance(block, Paragraph):
            if front or block.n is None:
                self.front_index += 1 if front else 0
                location = f"front{self.front_index}" if front else ""
                p = sub(parent, "p", rend="front") if front else sub(parent, "p")
                self.inlines(p, location, block.inlines)
                return
            p = sub(parent, "p", n=str(block.n), xml_id=f"p{block.n}")
            if block.kind is ParagraphKind.QUOTE:
                p.set("rend", "blockquote")
            self.inlines(p, f"p{block.n}", block.inlines)
        elif isinstance(block, Figure):
            figure = sub(parent, "figure")
            head = sub(figure, "head")
            self.inlines(head, "", block.caption)
            if block.credit:
                credit = sub(figure, "p", rend="credit")
                self.inlines(credit, "", block.credit)
            sub(figure, "figDesc", "The image is not part of the capture: only its caption and credit survive.", resp=EDITION)
        elif isinstance(block, Contents):
            lst = sub(parent, "list", type="contents")
            for entry in block.entries:
                item = sub(lst, "item", n=str(entry.level))
                target = sub(item, "ref", target="#" + ncname("h-" + entry.target)) if entry.target else sub(item, "seg", type="wording")
                self.inlines(target, "", entry.inlines)
                if entry.leader:
                    sub(item, "seg", entry.leader, type="leader")
                sub(item, "seg", entry.page, type="page")


def write_text(document: Document, spans: SpanMap) -> etree._Element:
    """The ``<text>`` element of a document."""
    text = element("text")
    writer = _Writer(document, spans)
    if document.front:
        front = sub(text, "front")
        div = sub(front, "div", type="front")
        writer.blocks(div, document.front, front=True)
    body = sub(text, "body")
    writer.blocks(body, document.body, front=False)
    if not len(body):
        sub(body, "p")
    orphans = [note for note in document.notes if note.key not in writer.written]
    if orphans or document.removals:
        back = sub(text, "back")
        if orphans:
            div = sub(back, "div", type="notes")
            sub(div, "head", "Notes not referenced in the text", resp=EDITION)
            for note in orphans:
                writer.written.add(note.key)
                writer.write_note(sub(div, "ab", type="note"), note)
        if document.removals:
            div = sub(back, "div", type="removals")
            sub(div, "head", "Removed from the witness (not part of the work)", resp=EDITION)
            lst = sub(div, "list")
            for removal in document.removals:
                item = sub(lst, "item", n=str(removal.line))
                sub(item, "label", f"{removal.category}: {removal.reason}", resp=EDITION)
                sub(item, "fw", removal.raw, type=word(removal.category))
    return text
