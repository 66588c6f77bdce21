"""The editor's notes on a staff study's witness, composed from what the witness prints.

Each note is written only when the facts it reports are found in the text: the study's
number as the capture, the cover and the preface give it, and how the typed page numbers
are read.
"""

from __future__ import annotations

import re

from scripts.model import EditorialNote

FILE_ID = re.compile(r"^id:\s*(\S+)", re.MULTILINE)
REFERENCE_TITLE = re.compile(r"\(Reference Title:\s*([^)]+)\)")
SERIES_PLACE = re.compile(r"the (\w+) in a series of (\w+) studies[^.]*\.((?:[^.]|\.(?=\S))*\.)")

PAGINATION = (
    "The typescript types its page number at the foot of the page (- 17 -). A typed number "
    "therefore ends its page, and the next page begins right after it: the page break is placed "
    "there and labelled with the following number, marked as inferred. "
)
PAGINATION_GAPS = (
    "Where the OCR cut a paragraph mid-sentence without a surviving number (at an asterisk note "
    "printed at the foot of a page, or at a stamp or banner), a page break marks the place; it "
    "is numbered only where the contents leave a single possibility (one page begins between "
    "two headings whose pages the contents give), otherwise it stays unnumbered. Pages whose "
    "break left no trace in the OCR are not marked. The printed number itself keeps an "
    "anchor of its own at the foot of its page (#page-17 is where the typed - 17 - stands, "
    "the end of page 17), so a citation of the printed page number always resolves."
)


def _pagination(confirmed: list[tuple[str, str, str]]) -> EditorialNote:
    checks = "; ".join(
        f"after {marker} the heading {heading} stands on page {page}, as the contents say"
        for marker, page, heading in confirmed
    )
    middle = f"The contents confirm this reading: {checks}. " if checks else ""
    return EditorialNote("Page numbers", PAGINATION + middle + PAGINATION_GAPS)


BANNERS = EditorialNote(
    "Banners, stamps and redactions",
    "Security banners (SECRET), the release stamp and the [REDACTED] stamps of the cover, of "
    "page feet and of page breaks are removed from the reading text and listed in the "
    "apparatus; so is a [REDACTED] stamp standing between two complete sentences, where the OCR "
    "ran two paragraphs together, and the paragraph is split there again. A [REDACTED] mark "
    "inside a sentence stands for words the declassifying authority withheld; it is part of "
    "the document and is shown as a redaction.",
)
ROMANISATION = EditorialNote(
    "Romanisation",
    "A typescript of 1962 would romanise Chinese names in the Wade-Giles system, yet the OCR "
    "text mostly prints pinyin (Beijing, Zhou Enlai, Mao Zedong) beside a few Wade-Giles forms "
    "(Mao Tsetung). The edition prints every name as the witness has it and does not "
    "modernise or restore spellings.",
)


def editorial_notes(raw: str, confirmed: list[tuple[str, str, str]]) -> tuple[EditorialNote, ...]:
    """The editorial notes on this witness: numbering, pagination, banners, romanisation.

    ``confirmed`` lists the typed page numbers whose reading the contents confirm, as
    (marker, page, heading).
    """
    notes = []
    numbering = _numbering(raw)
    if numbering:
        notes.append(numbering)
    notes += [_pagination(confirmed), BANNERS]
    if "Tsetung" in raw or "Tse-tung" in raw:
        notes.append(ROMANISATION)
    return tuple(notes)


def _numbering(raw: str) -> EditorialNote | None:
    file_id = FILE_ID.search(raw)
    reference = REFERENCE_TITLE.search(raw)
    place = SERIES_PLACE.search(raw)
    if not (file_id and reference and place):
        return None
    return EditorialNote(
        "The number of the study",
        f"The study's number disagrees with itself. The reading-room file is {file_id.group(1)}; "
        f"the cover prints the reference title {reference.group(1).strip()}; the preface calls "
        f'the paper "the {place.group(1)} in a series of {place.group(2)} studies" and names '
        f"its predecessors ({place.group(3).strip()}). The edition records all three and "
        "does not choose between them.",
    )
