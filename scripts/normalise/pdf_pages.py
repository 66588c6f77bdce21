"""The printed pages of a PDF extraction: where each begins, and its number.

Every page start is evident from the layout (:mod:`scripts.normalise.pdf_layout`). A printed
number survives on a few pages only; it stands after the block of notes of the page it
belongs to, that is at the foot of the page, below its notes: it closes its page. Other
pages are labelled from the sequence, and marked inferred, only when the sequence is
certain: the surviving numbers agree with the count of page starts between them, and no
page is so long that a page start could have been missed.
"""

from __future__ import annotations

from scripts.model import EditorialNote
from scripts.normalise import pdf_layout as layout
from scripts.normalise.pdf_inlines import Page

LONGEST_PAGE = 1.6
"""A page with more lines than this many times the median may hide a missed page start."""


def pages(items: list[layout.Item]) -> list[Page]:
    """Every page of the capture, with its printed number where it survives, labelled."""
    found: list[Page] = []
    lengths: list[int] = []
    before_text: list[layout.Line] = []
    for item in items:
        if isinstance(item, layout.BodyLine) and (item.page_start or not found):
            first = not found and bool(before_text)
            found.append(
                Page(
                    item.line,
                    foot=before_text[0] if first else None,
                    repeats=before_text[1:] if first else [],
                )
            )
            lengths.append(0)
        elif isinstance(item, layout.BodyLine):
            lengths[-1] += 1
        elif isinstance(item, layout.Block) and item.page_number is not None and found:
            # The number stands after the notes of the page it closes: a footer. A second
            # number before any new text repeats it; it is kept in the witness, not read.
            if found[-1].number is None:
                found[-1].number = item.page_number
            else:
                found[-1].repeats.append(item.page_number)
        elif isinstance(item, layout.Block) and item.page_number is not None:
            # A number before any text closes a page the capture did not keep.
            before_text.append(item.page_number)
    numbered = [(k, int(p.number.text)) for k, p in enumerate(found) if p.number is not None]
    offset = numbered[0][1] - numbered[0][0] if numbered else 0
    median = sorted(lengths)[len(lengths) // 2] if lengths else 0
    certain = (
        bool(numbered)
        and all(n - k == offset for k, n in numbered)
        and all(length <= median * LONGEST_PAGE for length in lengths[:-1])
    )
    for k, page in enumerate(found):
        if page.number is not None:
            page.label = page.number.text.strip()
        elif certain:
            page.label = str(offset + k)
            page.inferred = True
    return found


def editorial_note(found: list[Page]) -> EditorialNote:
    """Why the printed numbers are read as footers, with the evidence of this witness."""
    numbered = [p for p in found if p.number is not None]
    where = "; ".join(
        f"{p.label} (raw line {p.number.n}, after the notes of the page that begins at raw line "
        f"{p.start.n})"
        for p in numbered
        if p.number is not None
    )
    inferred = [p for p in found if p.inferred]
    labels = [p.label for p in found if p.label]
    span = f"{labels[0]}–{labels[-1]}" if labels else "unknown"
    text = (
        f"Only {len(numbered)} printed page numbers survive in the capture: {where}. Each stands "
        "on a line of its own after the block of footnotes of a page, and those notes are the "
        "ones cited in the text of that page. Footnotes are printed at the foot of their page, "
        "so a number printed after them is below them, at the foot of the same page: the "
        "numbers are footers, and each closes its page. The page it numbers begins at the "
        "previous page break, and that is where the edition places the marker; the next page "
        "begins after the number. Every page start is evident in the capture (the text after a "
        "block of notes, or a line beginning with a space); the pages are all of similar length, "
        "and the count of page starts between the surviving numbers agrees with their "
        f"difference. The other {len(inferred)} pages are therefore labelled from the sequence "
        f"and marked as inferred: the capture runs over pages {span}. Read as headers, every "
        "label would be one lower."
    )
    if not inferred:
        text = (
            f"Printed page numbers surviving: {where}. They stand after the notes of their "
            "page (footers). The sequence does not make the other pages' numbers certain, so "
            "their breaks are shown without a number."
        )
    return EditorialNote("Printed page numbers", text)
