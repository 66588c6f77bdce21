"""The benchmark's synthetic large source: a valid capture of the asked size."""

from __future__ import annotations

import pytest

from scripts.bench_large import large_capture

CAPTURE = "\n".join(
    [
        "Chapter title",
        "Type",
        "Chapter",
        "Print publication year: 2024",
        "",
        "The body cites a book.Footnote 1 It goes on.",
        "",
        "Footnotes",
        "",
        "1 A book (London, 2001).",
    ]
)


def test_the_large_capture_reaches_the_size_with_the_original_first() -> None:
    big = large_capture(CAPTURE, 2000)
    assert len(big) >= 2000
    head, notes = big.split("\nFootnotes\n")
    assert head.startswith(CAPTURE.split("\nFootnotes\n")[0])  # anchors of the original stay
    assert notes == CAPTURE.split("\nFootnotes\n")[1]


def test_the_copies_of_the_body_carry_no_note_reference() -> None:
    big = large_capture(CAPTURE, 2000)
    assert big.count("Footnote 1") == 1
    assert big.count("The body cites a book.") > 10


def test_a_text_that_is_not_a_capture_is_refused() -> None:
    with pytest.raises(ValueError, match="not a web capture"):
        large_capture("just some text\n", 100)
