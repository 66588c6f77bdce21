"""The web-capture normaliser (Cambridge chapter): structure, references, notes, repairs."""

from __future__ import annotations

import pytest

from scripts.errors import SourceError
from scripts.model import Emendation, Figure, Heading, NoteRef, Paragraph, ParagraphKind
from scripts.normalise.web_capture import normalise

HEAD = (
    "Skip to main content Accessibility help\n×\nHostname: page-component Render date: x\n\n"
    "15 - The Chapter\n\nSummary\n\nThe publisher's abstract.\n\n"
    "Type\nChapter\nInformation\nPublisher: Cambridge University Press\n"
    "Print publication year: 2024\n\n"
)


def _doc(body: str, notes: str = "") -> object:
    tail = f"\nFootnotes\n\n{notes}" if notes else ""
    return normalise(HEAD + body + tail + "\nSave book to Kindle\n\nAvailable formats\n×\n")


def test_glued_footnote_marker_becomes_reference_with_original_number() -> None:
    doc = _doc("On the war.”Footnote 7 Although it ended.\n", "7 A note.\n")
    (para,) = [b for b in doc.body if isinstance(b, Paragraph)]  # type: ignore[attr-defined]
    refs = [n for n in para.inlines if isinstance(n, NoteRef)]
    assert [(r.label, r.raw) for r in refs] == [("7", "Footnote 7")]
    assert para.text == "On the war.” Although it ended."


def test_abstract_is_front_matter_and_not_numbered() -> None:
    doc = _doc("Body text here.\n")
    front = [b for b in doc.front if isinstance(b, Paragraph)]  # type: ignore[attr-defined]
    assert [p.kind for p in front] == [ParagraphKind.FRONT]
    assert front[0].text == "The publisher's abstract."


def test_short_line_without_final_punctuation_is_a_heading() -> None:
    doc = _doc("Vietnam–Cambodia Relations, 1962–75\n\nPhnom Penh fell.\n")
    assert isinstance(doc.body[0], Heading)  # type: ignore[attr-defined]
    assert doc.body[0].text == "Vietnam–Cambodia Relations, 1962–75"  # type: ignore[attr-defined]


def test_figure_caption_is_kept_once_and_its_repeat_removed_as_duplicate() -> None:
    caption = "Figure 15.1 Mao greets Ieng Sary (1970s)."
    credit = "Source: – / Staff / AFP / Getty Images."
    body = f"Text of the chapter.Footnote 1\n\n{caption}\n\n{credit}\n\nMore text.\n"
    doc = _doc(body, f"1 Note.\n\nFigure 0\n\n{caption}\n\n{credit}\n")
    figures = [b for b in doc.body if isinstance(b, Figure)]  # type: ignore[attr-defined]
    assert len(figures) == 1
    duplicates = [r for r in doc.removals if r.category == "duplicate"]  # type: ignore[attr-defined]
    assert {r.raw for r in duplicates} == {"Figure 0", caption, credit}


def test_footnote_leftover_at_start_of_note_is_removed_and_logged() -> None:
    doc = _doc("Text.Footnote 1\n", "1 Footnote Ibid., 139. He retired in 1986.\n")
    note = doc.notes[0]  # type: ignore[attr-defined]
    assert note.text == "Ibid., 139. He retired in 1986."
    assert [e.rule for e in note.inlines if isinstance(e, Emendation)] == ["scrape-leftover"]


def test_lost_closing_quote_of_title_in_note_is_restored() -> None:
    note = "1 K. Mahbubani, “The Kampuchean Problem: A Southeast Asian Perspective,Foreign Affairs 62 (2) (1983–4), 408.\n"
    doc = _doc("Text.Footnote 1\n", note)
    text = doc.notes[0].text  # type: ignore[attr-defined]
    assert "Perspective,” Foreign Affairs" in text


def test_lost_dash_of_page_range_in_note_is_restored() -> None:
    doc = _doc("Text.Footnote 1\n", "1 A. Author, Title (Victoria, 1995), 99100, fn. 162–6.\n")
    assert "(Victoria, 1995), 99–100, fn." in doc.notes[0].text  # type: ignore[attr-defined]


def test_year_after_imprint_is_not_taken_for_a_page_range() -> None:
    doc = _doc("Text.Footnote 1\n", "1 A. Author, Title (London, 2004), 1986.\n")
    assert doc.notes[0].text.endswith("(London, 2004), 1986.")  # type: ignore[attr-defined]


def test_cyrillic_letter_in_vietnamese_name_is_repaired() -> None:
    doc = _doc("Hoàng V\u04d1n Hoan went.\n")
    (para,) = [b for b in doc.body if isinstance(b, Paragraph)]  # type: ignore[attr-defined]
    assert para.text == "Hoàng Văn Hoan went."
    assert [e.rule for e in para.inlines if isinstance(e, Emendation)] == ["wrong-alphabet"]


def test_reference_without_note_stops_with_its_line() -> None:
    with pytest.raises(SourceError) as err:
        _doc("Text.Footnote 2\n", "1 A note.\n")
    assert "Footnote 2 has no note" in err.value.message


def test_note_without_reference_stops_with_its_line() -> None:
    with pytest.raises(SourceError, match="no reference"):
        _doc("Text.Footnote 1\n", "1 A note.\n\n2 Another.\n")


def test_duplicate_note_number_stops() -> None:
    with pytest.raises(SourceError, match="appears twice"):
        _doc("Text.Footnote 1\n", "1 A note.\n\n1 Again.\n")
