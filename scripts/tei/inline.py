"""Inline content to TEI: each node of the model with both its readings, and the annotations.

Each model node becomes the TEI that keeps what the witness has and what the edition prints:

* an emendation: ``<choice><sic>raw</sic><corr type="rule">printed</corr></choice>``, or
  ``<orig>``/``<reg>`` when the two differ only in spacing and hyphens (a normalised form);
* a kept error: ``<sic>`` followed by the edition's comment (``<note resp="#edition">``);
* a redaction: ``<gap reason="redacted">`` with the witness's mark as its ``<desc>``;
* a page break: ``<pb n=…>`` (``type="inferred"`` when the number is not printed there), and
  the witness's page number as ``<fw type="pageNum">``;
* a note reference: ``<ref type="noteref">`` with the witness's characters, followed at its
  first reference by the ``<note n=… xml:id=…>`` itself.

Annotation spans (persons, abbreviations, works) and date events are laid over the printed
text as ``persName``, ``choice/abbr+expan``, ``bibl`` and ``date`` (its value read from the
timeline's label, :func:`date_attributes`). A span whose edge falls
inside an emendation is widened to the whole emendation (the raw form cannot be split).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from scripts.annotate import Span
from scripts.model import Emendation, Inline, NoteRef, PageBreak, Redaction, Sic, Text
from scripts.render.inline import select_spans
from scripts.tei.xml import EDITION, Mixed, ncname, word

_FORM = re.compile(r"[\s\-\u00ad\u2010\u2011]")


_ISO = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_DATE_TITLE = re.compile(rf"^({_ISO})(?:/({_ISO}))?(?: \((.*)\))?$")


def date_attributes(title: str) -> dict[str, str]:
    """``@when`` (or ``@from``/``@to``) of a date from the timeline's label of it.

    The timeline labels a date ``1975-04-17``, ``1955/1957`` or ``1975-04 (year inferred)``;
    an inferred year is marked ``cert="medium"``. A label of another shape gives no value.
    """
    match = _DATE_TITLE.match(title)
    if not match:
        return {}
    start, end, extra = match.groups()
    attributes = {"from": start, "to": end} if end else {"when": start}
    if extra and "inferred" in extra:
        attributes["cert"] = "medium"
    return attributes


NoteWriter = Callable[[Mixed, str], None]
"""Writes the note with a key at the current point (called at its first reference only)."""


def is_normalisation(emendation: Emendation) -> bool:
    """True when raw and printed differ only in spacing and hyphens (``Confer- ence``)."""
    return _FORM.sub("", emendation.raw) == _FORM.sub("", emendation.printed)


def person_id(href: str) -> str:
    """The ``xml:id`` of a person from its index link (``persons/le-duan/`` → ``le-duan``)."""
    return ncname(href.strip("/").rsplit("/", 1)[-1], "person-")


def work_id(href: str) -> str:
    """The ``xml:id`` of a work from its link (``works-cited/#w-x`` → ``w-x``)."""
    return ncname(href.rsplit("#", 1)[-1], "work-")


def _widen(spans: Sequence[Span], inlines: Sequence[Inline]) -> list[Span]:
    """Move span edges that fall inside an atomic node to that node's edges."""
    atoms: list[tuple[int, int]] = []
    offset = 0
    for node in inlines:
        size = len(node.printed)
        if not isinstance(node, Text) and size:
            atoms.append((offset, offset + size))
        offset += size
    widened = []
    for span in spans:
        start, end = span.start, span.end
        for a, b in atoms:
            if a < start < b:
                start = a
            if a < end < b:
                end = b
        widened.append(replace(span, start=start, end=end))
    return widened


def _open(out: Mixed, span: Span) -> None:
    if span.kind == "person" and span.href:
        out.open("persName", ref="#" + person_id(span.href))
    elif span.kind == "work" and span.href:
        out.open("bibl", corresp="#" + work_id(span.href))
    elif span.kind == "abbr":
        out.open("choice")
        out.open("abbr")
    elif span.kind == "date":
        out.open("date", **date_attributes(span.title))
    else:
        out.open("seg", type=word(span.kind))


def _close(out: Mixed, span: Span) -> None:
    out.close()
    if span.kind == "abbr":
        out.leaf("expan", span.title)
        out.close()


def _node(out: Mixed, node: Inline, part: str, notes: NoteWriter, written: set[str]) -> None:
    if isinstance(node, Text):
        out.text(part)
    elif isinstance(node, Emendation):
        normal = is_normalisation(node)
        out.open("choice")
        out.leaf("orig" if normal else "sic", node.raw)
        out.leaf("reg" if normal else "corr", node.printed, type=word(node.rule))
        out.close()
    elif isinstance(node, Sic):
        out.leaf("sic", node.text)
        if node.comment:
            out.leaf("note", node.comment, type="sic", resp=EDITION)
    elif isinstance(node, Redaction):
        out.open("gap", reason="redacted", agent="declassifying-authority")
        out.leaf("desc", node.raw)
        out.close()
    elif isinstance(node, PageBreak):
        if node.foot is not None and node.raw:
            out.leaf("fw", node.raw, type="pageNum", place="bottom")
        attributes: dict[str, str] = {}
        if node.label:
            attributes["n"] = node.label
        if node.inferred:
            attributes["type"] = "inferred"
        elif not node.label:
            attributes["type"] = "unnumbered"
        out.leaf("pb", **attributes)
        if node.foot is None and node.raw:
            out.leaf("fw", node.raw, type="pageNum")
    elif isinstance(node, NoteRef):
        target = "#" + note_id(node.key)
        if node.raw:
            out.leaf("ref", node.raw, type="noteref", n=node.label, target=target)
        else:
            out.leaf("ref", type="noteref", n=node.label, target=target)
        if node.key not in written:
            written.add(node.key)
            notes(out, node.key)


def note_id(key: str) -> str:
    """The ``xml:id`` of a note (``fn-17``); the site's anchor is ``fn:17``."""
    return ncname("fn-" + key)


def write_inlines(
    out: Mixed,
    inlines: Sequence[Inline],
    spans: Sequence[Span],
    notes: NoteWriter,
    written: set[str],
) -> None:
    """Write a run of inlines, with its annotations, at the current point of ``out``."""
    length = sum(len(node.printed) for node in inlines)
    chosen = select_spans(_widen(spans, inlines), length)
    edges = sorted({p for s in chosen for p in (s.start, s.end)})
    opened: list[Span] = []
    waiting = 0  # chosen is sorted by start: the next span to open
    offset = 0

    def sync(position: int, *, opening: bool) -> None:
        nonlocal waiting
        while opened and opened[-1].end <= position:
            _close(out, opened.pop())
        while opening and waiting < len(chosen) and chosen[waiting].start <= position:
            _open(out, chosen[waiting])
            opened.append(chosen[waiting])
            waiting += 1

    for node in inlines:
        printed = node.printed
        if not printed:
            sync(offset, opening=False)
            _node(out, node, "", notes, written)
            continue
        if not isinstance(node, Text):
            sync(offset, opening=True)
            _node(out, node, printed, notes, written)
            offset += len(printed)
            continue
        stop = offset + len(printed)
        cuts = [*edges[bisect_right(edges, offset) : bisect_left(edges, stop)], stop]
        cut = offset
        for end in cuts:
            sync(cut, opening=True)
            out.text(printed[cut - offset : end - offset])
            cut = end
        offset += len(printed)
    sync(length + 1, opening=False)
