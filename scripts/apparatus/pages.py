"""The printed page of every paragraph, derived from all the evidence of the witness.

The evidence, in reading order:

* a **numbered page break**: page N begins here (printed, or labelled from the sequence by
  the normaliser and then *inferred*);
* a **page number printed at the foot**: page N ends here;
* a **page break without a number**: some page ends and the next begins here;
* a **heading listed in the printed contents** on page N: the heading stands on page N.

From these, every place of the text gets a lower bound (the latest evidence before it, plus
one page for every break since) and an upper bound (the earliest evidence after it, minus one
page for every break before it). A paragraph's claim runs from the lower bound of its start
to the upper bound of its end. When both ends are certain and every number comes from what
the witness prints, the page is cited plainly (``p. 15``); otherwise it is inferred and
printed in square brackets (``p. [15]``, ``pp. [4–6]``). Where the evidence contradicts
itself (a lower bound above an upper bound), no page is claimed at all. Roman front-matter
pages come before arabic ones; nothing is assumed about where one sequence ends.

:func:`page_evidence` is the one place every output reads the pages from (reading page,
citation copy, editorial page, manifest; PDF, TEI and search may read it the same way).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from scripts.model import Contents, Document, Heading, PageBreak, Paragraph
from scripts.normalise.shared.pages import roman_value, to_roman

ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@dataclass(frozen=True, order=True)
class PageNo:
    """A page number with its place in the order of pages: roman (0) before arabic (1)."""

    seq: int
    """0 for a roman front-matter page, 1 for an arabic page."""
    number: int
    """The value within its sequence."""
    upper: bool = field(default=False, compare=False)
    """Roman numbers only: printed in capitals (``V``) rather than small letters (``v``)."""

    @property
    def label(self) -> str:
        """The page as the witness writes it (``17``, ``V``, ``iv``)."""
        if self.seq == 1:
            return str(self.number)
        roman = to_roman(self.number)
        return roman if self.upper else roman.lower()

    def succ(self) -> PageNo:
        """The next page in the same sequence."""
        return PageNo(self.seq, self.number + 1, self.upper)

    def pred(self) -> PageNo | None:
        """The previous page in the same sequence; None before its first page."""
        return PageNo(self.seq, self.number - 1, self.upper) if self.number > 1 else None


def parse_page(label: str) -> PageNo | None:
    """A printed page label read as a page number; None if it is neither arabic nor roman."""
    text = label.strip()
    if text.isascii() and text.isdigit() and 0 < int(text) < 100000:
        return PageNo(1, int(text))
    lower = text.lower()
    if not lower or not ROMAN.match(lower):
        return None
    return PageNo(0, roman_value(lower), text.isupper())


@dataclass(frozen=True)
class Bound:
    """One side of what the evidence says about a place: its page is at least/at most this."""

    page: PageNo
    printed: bool
    """True when the number is printed in the witness for this page (not derived)."""
    evidence: tuple[str, ...]
    """The evidence it rests on, in words."""


@dataclass(frozen=True)
class PageClaim:
    """The page(s) the edition cites a paragraph on, and what that rests on."""

    first: str
    """Label of the first page (``15``, ``VI``)."""
    last: str | None
    """Label of the last page; equal to ``first`` for one page; None when nothing bounds it."""
    inferred: bool
    """True unless the witness's printed numbers fix both ends: then printed in brackets."""
    evidence: tuple[str, ...]
    """The evidence it rests on, in words (``II.C: contents p. 6``)."""

    @property
    def pages(self) -> str:
        """The page or range without brackets: ``15``, ``15–17``, ``31ff.``."""
        if self.last is None:
            return f"{self.first}ff."
        return self.first if self.last == self.first else f"{self.first}–{self.last}"

    @property
    def label(self) -> str:
        """The page or range as printed in a margin or a page field: ``15``, ``[15–17]``."""
        return f"[{self.pages}]" if self.inferred else self.pages

    def cite(self) -> str:
        """The page part of a citation: ``p. 15``, ``pp. 15–16``, ``p. [2]``, ``pp. [4–6]``."""
        single = self.last == self.first
        return ("p. " if single else "pp. ") + self.label

    @property
    def firstpage(self) -> str:
        """The first page, bracketed when inferred (for ``citation_firstpage``, RIS ``SP``)."""
        certain = not self.inferred
        return self.first if certain else f"[{self.first}]"

    @property
    def lastpage(self) -> str | None:
        """The last page, bracketed when inferred; None when unbounded."""
        if self.last is None:
            return None
        return self.last if not self.inferred else f"[{self.last}]"


class MarkKind(Enum):
    """What a placed page anchor means."""

    HEADING = "heading"
    """The contents list this heading on the page: the heading stands on it."""


@dataclass(frozen=True)
class PageMark:
    """A page anchor the edition adds where the evidence places a page (``#page-<label>``)."""

    label: str
    """The page label as printed in the contents."""
    heading: str
    """Anchor of the heading it is placed on."""
    kind: MarkKind = MarkKind.HEADING

    @property
    def anchor(self) -> str:
        """The public anchor ``page-<label>``, lower-cased like the page-break anchors."""
        return f"page-{self.label.lower()}"


@dataclass(frozen=True)
class PageEvidence:
    """Everything the edition derives about the pages of one document."""

    claims: dict[int, PageClaim]
    """Paragraph number → its page claim; a paragraph with no supported page is absent."""
    marks: tuple[PageMark, ...]
    """Page anchors placed on headings, for pages that have no page-break anchor."""
    evidence: tuple[str, ...]
    """Every piece of page evidence of the witness, in reading order, in words."""
    contradictions: tuple[str, ...]
    """Places where the evidence disagrees with itself; no page is claimed there."""


@dataclass(frozen=True)
class _Event:
    kind: str  # "on", "start", "end", "break", "para-start", "para-end", "heading"
    page: PageNo | None = None
    printed: bool = False
    text: str = ""
    n: int = 0


def _contents_pages(document: Document) -> dict[str, str]:
    pages: dict[str, str] = {}
    for block in document.blocks():
        if isinstance(block, Contents):
            for entry in block.entries:
                if entry.target and entry.target not in pages:
                    pages[entry.target] = entry.page
    return pages


def _short(text: str, limit: int = 60) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _break_events(node: PageBreak) -> list[_Event]:
    events: list[_Event] = []
    if node.foot and (foot := parse_page(node.foot)):
        raw = " ".join(node.raw.split()) or node.foot
        events.append(
            _Event(
                "end",
                foot,
                True,
                f"printed foot “{raw}” ends p. {foot.label} (raw line {node.line})",
            )
        )
    page = parse_page(node.label) if node.label else None
    if page is None:
        events.append(_Event("break", text=f"page break without a number (raw line {node.line})"))
    elif node.inferred:
        what = "after the printed foot" if node.foot else "labelled from the sequence"
        events.append(
            _Event("start", page, False, f"p. [{page.label}] begins, {what} (raw line {node.line})")
        )
    else:
        events.append(
            _Event("start", page, True, f"printed page number {page.label} (raw line {node.line})")
        )
    return events


def _events(document: Document) -> list[_Event]:
    contents = _contents_pages(document)
    events: list[_Event] = []
    for block in document.blocks():
        if isinstance(block, Heading):
            listed = contents.get(block.anchor)
            page = parse_page(listed) if listed else None
            if page is not None:
                text = f"{_short(block.text)}: contents p. {page.label}"
                events.append(_Event("on", page, True, text))
            events.append(_Event("heading", page, text=block.anchor))
        elif isinstance(block, Paragraph):
            inlines = block.inlines
            texts = [i for i, node in enumerate(inlines) if node.printed.strip()]
            first = texts[0] if texts else len(inlines)
            last = texts[-1] if texts else len(inlines)
            for i, node in enumerate(inlines):
                if i == first and block.n is not None:
                    events.append(_Event("para-start", n=block.n))
                if isinstance(node, PageBreak):
                    events.extend(_break_events(node))
                if i == last and block.n is not None:
                    events.append(_Event("para-end", n=block.n))
    return events


def _merge(old: Bound | None, new: Bound, *, lower: bool) -> Bound:
    if old is None:
        return new
    if old.page == new.page:
        printed = old if old.printed else new
        return Bound(old.page, old.printed or new.printed, printed.evidence)
    wins = new.page > old.page if lower else new.page < old.page
    return new if wins else old


def _forward(events: list[_Event]) -> list[Bound | None]:
    """The lower bound of the page at the place just after each event."""
    out: list[Bound | None] = []
    bound: Bound | None = None
    for event in events:
        if event.kind in ("on", "start") and event.page:
            bound = _merge(bound, Bound(event.page, event.printed, (event.text,)), lower=True)
        elif event.kind == "end" and event.page:
            after = Bound(event.page.succ(), False, (event.text,))
            bound = _merge(bound, after, lower=True)
        elif event.kind == "break" and bound is not None:
            bound = Bound(bound.page.succ(), False, (*bound.evidence, event.text))
        out.append(bound)
    return out


def _backward(events: list[_Event]) -> list[Bound | None]:
    """The upper bound of the page at the place just before each event."""
    out: list[Bound | None] = [None] * len(events)
    bound: Bound | None = None
    for k in range(len(events) - 1, -1, -1):
        event = events[k]
        if event.kind in ("on", "end") and event.page:
            bound = _merge(bound, Bound(event.page, event.printed, (event.text,)), lower=False)
        elif event.kind == "start" and event.page:
            before = event.page.pred()
            if before is not None:
                bound = _merge(bound, Bound(before, False, (event.text,)), lower=False)
        elif event.kind == "break" and bound is not None:
            pred = bound.page.pred()
            bound = Bound(pred, False, (event.text, *bound.evidence)) if pred else None
        out[k] = bound
    return out


def _dedupe(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _claim(
    low_start: Bound | None,
    high_start: Bound | None,
    low_end: Bound | None,
    high_end: Bound | None,
) -> PageClaim | None:
    if low_start is None:
        return None
    first_certain = high_start is not None and high_start.page == low_start.page
    last_certain = low_end is not None and high_end is not None and low_end.page == high_end.page
    printed_first = low_start.printed or (high_start is not None and high_start.printed)
    printed_last = (
        last_certain
        and high_end is not None
        and low_end is not None
        and (low_end.printed or high_end.printed)
    )
    exact = first_certain and last_certain and printed_first and printed_last
    evidence = low_start.evidence + (high_end.evidence if high_end else ())
    last = high_end.page.label if high_end else None
    return PageClaim(low_start.page.label, last, not exact, _dedupe(evidence))


def page_evidence(document: Document) -> PageEvidence:
    """Every paragraph's page claim, the page anchors placed on headings, and the evidence.

    This is the one place the edition decides which page a paragraph is cited on.
    """
    events = _events(document)
    lows = _forward(events)
    highs = _backward(events)
    claims: dict[int, PageClaim] = {}
    contradictions: list[str] = []
    starts: dict[int, int] = {}
    marks: list[PageMark] = []
    anchored = {
        anchor
        for node in document.page_breaks()
        for anchor in (node.anchor, node.foot_anchor)
        if anchor
    }

    def consistent(low: Bound | None, high: Bound | None) -> bool:
        return low is None or high is None or low.page <= high.page

    for k, event in enumerate(events):
        if event.kind == "para-start":
            starts[event.n] = k
        elif event.kind == "para-end" and event.n in starts:
            s = starts[event.n]
            low_start, high_start = lows[s], highs[s]
            low_end, high_end = lows[k], highs[k]
            ok = consistent(low_start, high_start) and consistent(low_end, high_end)
            claim = _claim(low_start, high_start, low_end, high_end) if ok else None
            if claim is not None and high_end is not None and low_start is not None:
                ok = low_start.page <= high_end.page
                claim = claim if ok else None
            if not ok:
                contradictions.append(
                    f"¶{event.n}: the evidence disagrees ("
                    + "; ".join(
                        _dedupe(
                            (low_start.evidence if low_start else ())
                            + (high_end.evidence if high_end else ())
                        )
                    )
                    + "), so no page is given"
                )
            if claim is not None:
                claims[event.n] = claim
        elif event.kind == "heading" and event.page is not None:
            anchor = f"page-{event.page.label.lower()}"
            if anchor not in anchored and consistent(lows[k], highs[k]):
                anchored.add(anchor)
                marks.append(PageMark(event.page.label, event.text))
    evidence = tuple(e.text for e in events if e.text and e.kind not in ("heading",))
    return PageEvidence(claims, tuple(marks), evidence, tuple(contradictions))


def paragraph_page_claims(document: Document) -> dict[int, PageClaim]:
    """Paragraph number → the page claim every output cites (see :func:`page_evidence`)."""
    return page_evidence(document).claims
