"""Conservation failures the property tests found in other normalisers, as minimal inputs.

Each was a real bug (a raw token accounted for nowhere), since fixed; kept as regression tests.
An open bug goes here as a strict expected failure, which turns red (XPASS) when it is fixed.
"""

from __future__ import annotations

from scripts.errors import EditionError
from scripts.sources import normalise_witness


def _conserves(raw: str, normaliser: str) -> None:
    try:
        normalise_witness(raw, normaliser, display="minimal.txt")
    except EditionError as err:
        assert "conservation check failed" not in err.message, str(err)


def test_pdf_text_keeps_a_page_number_on_the_first_line() -> None:
    _conserves("4\nThe war began.", "pdf-text")


def test_ocr_staff_study_keeps_a_stray_mark_between_contents_lines() -> None:
    _conserves('....1\n<\n....31 N\n.*\n*\n"*\n*\n.*\n*', "ocr-staff-study")


def test_pdf_text_keeps_both_of_two_page_number_lines_in_a_row() -> None:
    _conserves("The war began.\n4\n4\nIt ended.", "pdf-text")


def test_pdf_text_keeps_two_page_numbers_before_any_text() -> None:
    _conserves("3\n3\n Introduction\nThe war began.", "pdf-text")


def test_pdf_text_keeps_a_note_number_opening_the_line_after_an_emended_word_apart() -> None:
    # The emendation's raw form ended line 1 and the note number opened line 2: joined with no
    # break, the witness counted one token 'aR1' that the raw text does not have.
    _conserves("000000000000000000000000000000000000:B aR\n1:", "pdf-text")
    _conserves("000000000000000000000000000000000000:B aR\r1:", "pdf-text")
