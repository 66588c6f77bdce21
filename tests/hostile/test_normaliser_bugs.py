"""Conservation failures the property tests found in other normalisers, as minimal inputs.

Each is a real bug (a raw token accounted for nowhere): reported to the normaliser's owner and
kept here as a strict expected failure, so the test turns red (XPASS) when the fix lands and
the mark must then be removed.
"""

from __future__ import annotations

import pytest

from scripts.errors import EditionError
from scripts.sources import normalise_witness


def _conserves(raw: str, normaliser: str) -> None:
    try:
        normalise_witness(raw, normaliser, display="minimal.txt")
    except EditionError as err:
        assert "conservation check failed" not in err.message, str(err)


@pytest.mark.xfail(
    strict=True,
    reason="pdf-text: a page-number line that is the first line of the text is lost "
    "('4' lost 1x, raw line 1): neither a PageBreak.raw nor a Removal",
)
def test_pdf_text_keeps_a_page_number_on_the_first_line() -> None:
    _conserves("4\nThe war began.", "pdf-text")


@pytest.mark.xfail(
    strict=True,
    reason="ocr-staff-study: a line of a lone '<' between dot-leader contents lines is lost "
    "('<' lost 1x, raw line 2)",
)
def test_ocr_staff_study_keeps_a_stray_mark_between_contents_lines() -> None:
    _conserves('....1\n<\n....31 N\n.*\n*\n"*\n*\n.*\n*', "ocr-staff-study")
