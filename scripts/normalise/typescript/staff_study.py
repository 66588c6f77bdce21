"""Normaliser for an OCR'd CIA staff study (a typescript, delivered as Markdown).

The layout: YAML front matter of the capture; a cover (release stamp, control line, series,
title, reference title, office, espionage-law warning); a preface; a table of contents with
dot leaders; the Summary on roman-numbered pages; the main text with numbered sections
(``I.`` level 1, ``A.`` level 2, ``1.`` level 3). One paragraph per line.

What the OCR did to it, and what this module does about it, in order:

1. the front matter is removed and recorded (it is shown in the source's header);
2. banners (``SECRET``) and stamps (``[REDACTED]`` on the cover, next to a banner, after a
   page number, or at a page cut) are removed and recorded as ``banner``; a ``[REDACTED]``
   inside a sentence is a redaction of the text and kept as a :class:`Redaction`;
3. the contents become a :class:`Contents` block; a heading glued to the end of the
   contents or of a paragraph is split off;
4. a paragraph that stops mid-sentence continues in the next block; the typed page number
   (a footer, so the *next* page begins after it) or a footnote spliced in between marks
   the page break there; asterisk notes are taken out of the paragraph they were spliced
   into, and each pairs with the nearest asterisk above it; an asterisk with no note after
   it is text, and so is a note-like line with no asterisk before it (both listed as
   unclassified; the line follows the paragraph it interrupts, or stands where it is);
5. a ``[REDACTED]`` stamp between two sentences splits a paragraph the OCR merged;
6. a paragraph after one ending in a colon is a block quotation;
7. word repairs (:mod:`scripts.normalise.typescript.words`) and *sic* marks on the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from scripts.errors import SourceError
from scripts.model import (
    Block,
    Contents,
    ContentsEntry,
    Document,
    Heading,
    Inline,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    ParagraphKind,
    Redaction,
    Removal,
    Text,
    Unclassified,
)
from scripts.normalise.shared.lines import Lexicon
from scripts.normalise.shared.pages import next_label
from scripts.normalise.typescript import furniture as ts
from scripts.normalise.typescript.editorial import editorial_notes
from scripts.normalise.typescript.inlines import Part, merge_text, word_inlines
from scripts.normalise.typescript.pagination import confirmations, infer_page_labels

BANNER_REASON = "security banner or declassification stamp of the typescript, not part of the text"
STAMP_AT_CUT = "declassification stamp at a page break, not part of the text"
STAMP_BETWEEN = "declassification stamp between two paragraphs the OCR ran together"
EMPTY_PAGE = "typed page number followed by the next one with no text between (an empty page?)"
NOTE_END = re.compile(r"""[.!?]["'”’]?\s+(?=["“']?[a-z])""")


@dataclass
class _Para:
    segs: list[Part]
    line: int
    kind: ParagraphKind = ParagraphKind.BODY

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs if s.brk is None)


@dataclass
class _State:
    """What the walk over the body collects."""

    lex: Lexicon
    removals: list[Removal] = field(default_factory=list)
    notes: list[tuple[str, int]] = field(default_factory=list)
    refs: int = 0
    ref_lines: list[int] = field(default_factory=list)
    unclassified: list[Unclassified] = field(default_factory=list)

    def banner(self, raw: str, line: int, reason: str = BANNER_REASON) -> None:
        self.removals.append(Removal(raw, reason, line, "banner"))


def _inlines(text: str, line: int, state: _State, *, refs: bool) -> list[Inline]:
    """Text with repairs, sics, redactions and (in the body) asterisk references."""
    out: list[Inline] = []
    for piece in re.split(r"(\[REDACTED\]|\*)", text):
        if piece == ts.REDACTED:
            out.append(Redaction(piece, line))
        elif piece == "*" and refs:
            state.refs += 1
            state.ref_lines.append(line)
            out.append(NoteRef("*", f"s{state.refs}", "*", line))
        elif piece:
            out.extend(word_inlines(piece, line, state.lex))
    return out


def _front(blocks: list[tuple[int, str]], state: _State) -> list[Block]:
    """Cover and preface: banners removed; a capitals line opening a new page is a heading."""
    out: list[Block] = []
    new_page = False
    for line, text in blocks:
        if ts.RELEASE_STAMP.fullmatch(text) or ts.banner_run(text):
            for token in ts.RELEASE_STAMP.findall(text) or ts.BANNER_TOKEN.findall(text):
                state.banner(token, line)
            new_page = True
            continue
        banners, text = ts.split_leading_banners(text)
        for token in banners:
            state.banner(token, line)
        new_page = new_page or bool(banners)
        if new_page and ts.is_all_caps(text) and ts.looks_like_heading(text):
            out.append(Heading(1, tuple(_inlines(text, line, state, refs=False)), line))
        else:
            inl = _inlines(text, line, state, refs=False)
            out.append(Paragraph(tuple(inl), line, ParagraphKind.FRONT))
        new_page = False
    return out


def _contents(
    blocks: list[tuple[int, str]],
) -> tuple[Contents, list[ts.Entry], list[tuple[int, str]]]:
    """The printed contents, its parsed entries, and any text on its lines that is no entry.

    Such text (the OCR runs the next heading onto the last contents line, or a stray mark
    stands between entries) goes on to the body in its place, so that nothing is lost.
    """
    entries: list[ContentsEntry] = []
    parsed: list[ts.Entry] = []
    leftovers: list[tuple[int, str]] = []
    for line, text in blocks:
        found, rest = ts.parse_contents(text)
        parsed += found
        entries += [
            ContentsEntry((Text(e.text),), e.page, e.level, line=line, leader=e.leader)
            for e in found
        ]
        if rest:
            leftovers.append((line, rest))
    return Contents(tuple(entries), blocks[0][0]), parsed, leftovers


def _glued_heading(text: str, wordings: list[str]) -> tuple[str, str] | None:
    """Split a heading the OCR glued to the end of a paragraph: (paragraph, heading)."""
    for wording in sorted(wordings, key=len, reverse=True):
        if text.endswith(" " + wording) and not ts.is_open(text[: -len(wording)]):
            return text[: -len(wording)].rstrip(), wording
    match = ts.GLUED_CAPS.search(text)
    if match:
        return text[: match.start()].rstrip(), match.group("heading")
    return None


def _split_note(text: str) -> tuple[str, str]:
    """A spliced asterisk note and the continuation of the cut paragraph after it.

    The note ends with the first sentence after which the text goes on in lower case (the
    rest of the sentence the page cut); with no such place the whole block is the note.
    """
    match = NOTE_END.search(text)
    if not match:
        return text.strip(), ""
    return text[: match.end()].rstrip(), text[match.end() :]


def _page_break(marker: str | None, line: int) -> PageBreak | None:
    """The break a typed page number implies: a footer, so the following page begins here."""
    if not marker:
        return None
    printed = marker.strip("- ")
    return PageBreak(next_label(printed), marker, line, inferred=True, foot=printed)


def _split_at_stamps(para: _Para, state: _State) -> list[_Para]:
    """Stamps between two sentences: removed, and the paragraph split where the OCR merged it."""
    out = [_Para([], para.line, para.kind)]
    for seg in para.segs:
        if seg.brk is not None:
            out[-1].segs.append(seg)
            continue
        pieces = re.split(r"((?:\s*\[REDACTED\])+\s*)", seg.text)
        out[-1].segs.append(Part("", seg.line, refs=seg.refs))
        for i, piece in enumerate(pieces):
            current = out[-1].segs[-1]
            if i % 2 == 0:
                current.text += piece
                continue
            before = current.text
            after = pieces[i + 1] if i + 1 < len(pieces) else ""
            between = (
                bool(before.strip())
                and not ts.is_open(before)
                and (not after.strip() or after.lstrip()[:1].isupper())
            )
            if between:
                for token in ts.BANNER_TOKEN.findall(piece):
                    state.banner(token, seg.line, STAMP_BETWEEN)
                current.text = before.rstrip()
                if after.strip():
                    out.append(_Para([Part("", seg.line, refs=seg.refs)], seg.line, para.kind))
                    pieces[i + 1] = after.lstrip()
            else:
                current.text += piece
    return [p for p in out if p.text.strip()]


def _body(blocks: list[tuple[int, str]], entries: list[ts.Entry], state: _State) -> list[Block]:
    levels = {ts.match_key(e.text): e.level for e in entries}
    wordings = [e.text for e in entries]
    units: list[tuple[str, str, int, str | None]] = []  # (kind, text, line, page marker)
    pending: str | None = None  # a typed page number standing alone on its line
    pending_line = 0
    for line, text in blocks:
        marker, marker_line = pending, pending_line
        pending = None
        if m := ts.PAGE_MARKER.match(text):
            if marker:
                # Two typed numbers with no text between: the first one's page is empty.
                state.removals.append(Removal(marker, EMPTY_PAGE, marker_line, "page number"))
            marker, marker_line, text = m.group(), line, text[m.end() :].lstrip()
            # A stamp right after the typed page number belongs to the page, not the text.
            while text.startswith(ts.REDACTED):
                state.banner(ts.REDACTED, line, STAMP_AT_CUT)
                text = text[len(ts.REDACTED) :].lstrip()
        banners, text = ts.split_leading_banners(text)
        text, trailing = ts.split_trailing_banners(text)
        for token in banners + trailing:
            state.banner(token, line)
        if not text:
            pending, pending_line = marker, marker_line
            continue
        if text.startswith("*"):
            units.append(("note", text, line, marker))
        elif ts.looks_like_heading(text):
            units.append(("heading", text, line, marker))
        elif glued := _glued_heading(text, wordings):
            units.append(("para", glued[0], line, marker))
            units.append(("heading", glued[1], line, None))
        else:
            units.append(("para", text, line, marker))
    if pending:
        # The number of the last page: it ends that page, and no page follows to begin.
        reason = "typed number at the foot of the last page (no page follows)"
        state.removals.append(Removal(pending, reason, blocks[-1][0], "page number"))

    paras: list[_Para | Heading] = []
    after: list[_Para] = []  # note-like lines no mark pairs with, printed after their paragraph
    marks = 0  # asterisks of the text read so far that no note has paired with yet
    for kind, text, line, marker in units:
        brk = _page_break(marker, line)
        prev = paras[-1] if paras else None
        if kind == "heading":
            key = ts.match_key(text)
            inlines: list[Inline] = [brk] if brk else []
            inlines += word_inlines(text, line, state.lex)
            paras += after
            after = []
            paras.append(Heading(levels.get(key, ts.heading_level(text)), tuple(inlines), line))
            continue
        if kind == "note":
            note, rest = _split_note(text[1:])
            marks += rest.count("*")  # the OCR set the cut paragraph's rest after the note
            if marks:
                marks -= 1
                state.notes.append((note, line))
                if not rest:
                    continue
                text = rest
            elif rest and _goes_on(prev, rest, marker):
                lone = text[: len(text) - len(rest)].rstrip()
                state.unclassified.append(Unclassified(lone, line, LONE_NOTE + LONE_NOTE_AFTER))
                after.append(_Para([Part(lone, line, refs=False)], line))
                text = rest
            else:
                state.unclassified.append(Unclassified(text, line, LONE_NOTE))
                paras += after
                after = []
                segs = ([Part("", line, brk)] if brk else []) + [Part(text, line, refs=False)]
                paras.append(_Para(segs, line))
                continue
        else:
            marks += text.count("*")
        if isinstance(prev, _Para) and _goes_on(prev, text, marker):
            last = prev.segs[-1]
            kept, stamps = ts.split_trailing_stamps(last.text)
            for token in stamps:
                state.banner(token, last.line, STAMP_AT_CUT)
            last.text = kept.rstrip()
            prev.segs += [Part("", line, brk or PageBreak(None, "", line)), Part(text, line)]
            continue
        kind_ = ParagraphKind.BODY
        if isinstance(prev, _Para) and prev.text.rstrip().endswith(":"):
            kind_ = ParagraphKind.QUOTE
        segs = ([Part("", line, brk)] if brk else []) + [Part(text, line)]
        paras += after
        after = []
        paras.append(_Para(segs, line, kind_))
    paras += after

    out: list[Block] = []
    for item in paras:
        if isinstance(item, Heading):
            out.append(item)
            continue
        for para in _split_at_stamps(item, state):
            out.append(_finish(para, state))
    return out


def _goes_on(prev: _Para | Heading | None, text: str, marker: str | None) -> bool:
    """True when ``text`` continues the paragraph before it: that paragraph stops mid-sentence
    (the page was cut) and the text follows a typed page number or opens with a small letter."""
    if not isinstance(prev, _Para) or not ts.is_open(ts.split_trailing_stamps(prev.text)[0]):
        return False
    return bool(marker) or text.lstrip('"“')[:1].islower()


def _finish(para: _Para, state: _State) -> Paragraph:
    inlines: list[Inline] = []
    for i, seg in enumerate(para.segs):
        if seg.brk is not None:
            inlines.append(seg.brk)
            continue
        text = seg.text
        if i + 1 < len(para.segs):
            text = text.rstrip() + " "
        inlines.extend(_inlines(text, seg.line, state, refs=seg.refs))
    return Paragraph(tuple(merge_text(inlines)), para.line, para.kind)


def has_contents(raw: str) -> bool:
    """True when the text has a contents page (lines with dot leaders), which this reading needs."""
    return any(ts.CONTENTS_LINE.search(line) for line in raw.split("\n"))


def normalise(raw: str) -> Document:
    """Turn the OCR text of a typescript staff study into a :class:`Document`.

    Only for a text with a contents page (:func:`has_contents`); others go to the general
    reading of the layout.
    """
    blocks, removals = ts.blocks(raw)
    contents_at = [i for i, (_, text) in enumerate(blocks) if ts.CONTENTS_LINE.search(text)]
    if not contents_at:
        raise SourceError(1, "no table of contents (lines with dot leaders) found")
    first, last = contents_at[0], contents_at[-1]
    state = _State(Lexicon(raw), removals)
    front = _front(blocks[:first], state)
    contents, entries, leftovers = _contents(blocks[first : last + 1])
    front.append(contents)
    rest = leftovers + blocks[last + 1 :]
    body = infer_page_labels(_body(rest, entries, state), entries)
    notes = _notes(state)
    pairs = _pair(state, notes)
    body = [_keyed(block, pairs) for block in body]
    lone_marks = [
        Unclassified("*", line, LONE_ASTERISK)
        for n, line in enumerate(state.ref_lines, start=1)
        if n not in pairs
    ]
    return Document(
        front=tuple(front),
        body=tuple(body),
        notes=tuple(notes),
        removals=tuple(sorted(state.removals, key=lambda r: r.line)),
        editorial_notes=editorial_notes(raw, confirmations(body, entries)),
        unclassified=tuple(sorted(state.unclassified + lone_marks, key=lambda u: u.line)),
    )


LONE_ASTERISK = (
    "an asterisk with no asterisk note after it (a mark of the scan, or a note the OCR "
    "lost?): kept as text, not as a note reference"
)
LONE_NOTE = (
    "a line opening with an asterisk like a note, but no asterisk mark before it to pair "
    "with (a note whose mark the OCR lost, or text?): kept as text, not as a note"
)
LONE_NOTE_AFTER = (
    "; the paragraph it interrupts goes on after it, and it is printed after that paragraph"
)


def _pair(state: _State, notes: list[Note]) -> dict[int, int]:
    """Asterisk references paired with notes: reference number → note number.

    Walking down the text, a note pairs with the nearest reference above it not yet paired
    (:func:`_body` keeps a note-like line with none above it as text, so every note has
    one); a reference left over is a plain asterisk of the text.
    """
    events = sorted(
        [(line, 0, n) for n, line in enumerate(state.ref_lines, start=1)]
        + [(note.line, 1, n) for n, note in enumerate(notes, start=1)]
    )
    pending: list[int] = []
    pairs: dict[int, int] = {}
    for _line, is_note, n in events:
        if not is_note:
            pending.append(n)
        elif pending:
            pairs[pending.pop()] = n
    return pairs


def _keyed(block: Block, pairs: dict[int, int]) -> Block:
    """The block with each asterisk reference keyed to its note, and an asterisk with no
    note made text again."""
    if not isinstance(block, Paragraph):
        return block
    inlines: list[Inline] = []
    for node in block.inlines:
        if isinstance(node, NoteRef) and node.key.startswith("s"):
            n = pairs.get(int(node.key[1:]))
            node = Text(node.raw) if n is None else replace(node, key=f"s{n}")
        inlines.append(node)
    return replace(block, inlines=tuple(merge_text(inlines)))


def _notes(state: _State) -> list[Note]:
    notes = []
    for n, (text, line) in enumerate(state.notes, start=1):
        inlines = merge_text(_inlines(text, line, state, refs=False))
        notes.append(Note("*", f"s{n}", tuple(inlines), line, raw_label="*"))
    return notes
