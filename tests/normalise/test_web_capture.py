"""The web-capture normaliser (Cambridge chapter): structure, references, notes, repairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.annotate.dates import document_events
from scripts.assemble import assemble
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


CAPTURES = Path(__file__).with_name("captures")


def _capture(name: str) -> str:
    return (CAPTURES / name).read_text(encoding="utf-8")


def test_footnote_leftover_before_ibid_inside_a_note_is_removed_and_logged() -> None:
    doc = _doc("Text.Footnote 1\n", "1 A speech, June 9, 1980, in Footnote ibid., 311–21; see.\n")
    note = doc.notes[0]  # type: ignore[attr-defined]
    assert note.text == "A speech, June 9, 1980, in ibid., 311–21; see."
    fixes = [(e.raw, e.printed, e.rule) for e in note.inlines if isinstance(e, Emendation)]
    assert fixes == [("Footnote ibid.,", "ibid.,", "scrape-leftover")]


def test_footnote_leftover_before_a_lower_case_word_in_the_body_is_removed() -> None:
    doc = _doc("As the report said in Footnote op. cit. and later.Footnote 1\n", "1 A note.\n")
    (para,) = [b for b in doc.body if isinstance(b, Paragraph)]  # type: ignore[attr-defined]
    assert para.text == "As the report said in op. cit. and later."
    assert [e.rule for e in para.inlines if isinstance(e, Emendation)] == ["scrape-leftover"]


def test_footnote_before_a_capital_or_a_mark_is_text_not_a_leftover() -> None:
    doc = _doc("Text.Footnote 1\n", "1 A note on Footnote A and Footnote ¶ of the report.\n")
    note = doc.notes[0]  # type: ignore[attr-defined]
    assert note.text == "A note on Footnote A and Footnote ¶ of the report."
    assert not [e for e in note.inlines if isinstance(e, Emendation)]


def test_paywalled_chapter_page_is_refused_at_the_first_line_after_the_labels() -> None:
    raw = _capture("paywall-chapter.txt")
    with pytest.raises(SourceError) as err:
        normalise(raw)
    lines = raw.split("\n")
    assert lines[err.value.line - 1] == "Access options"
    assert err.value.message.startswith("the capture holds no chapter text:")


def test_paywall_page_in_other_words_is_refused_from_its_structure() -> None:
    """No known string: a reworded notice and other option lines still leave no body text."""
    raw = (
        _capture("paywall-chapter.txt")
        .replace("Access options", "Read the full chapter")
        .replace(
            "Get access to the full version of this content by using one of the access options "
            "below.",
            "Sign in through your library to read on.",
        )
        .replace("Book purchase", "Buy the print edition")
        .replace("Temporarily unavailable", "Out of stock")
    )
    with pytest.raises(SourceError, match="the capture holds no chapter text"):
        normalise(raw)


def test_page_with_only_labels_and_references_is_refused() -> None:
    raw = HEAD + "References\n\nChanda, Nayan, Brother Enemy (New York, 1986).\n"
    with pytest.raises(SourceError, match="no chapter text") as err:
        normalise(raw)
    assert raw.split("\n")[err.value.line - 1] == "References"


def test_paywall_chrome_is_never_published_as_paragraphs_or_headings() -> None:
    """The label block with other values is chrome whatever follows it."""
    raw = HEAD.replace(
        "Publisher: Cambridge University Press\n",
        "The Cambridge History of the Vietnam War, pp. 345 - 370\nDOI: https://doi.org/10.1017/x\n"
        "Publisher: Cambridge University Press\n",
    )
    doc = normalise(raw + "Body text of the chapter, long enough.Footnote 1\n\nFootnotes\n\n1 N.\n")
    texts = [b.text for b in doc.body if isinstance(b, Paragraph | Heading)]
    assert texts == ["Body text of the chapter, long enough."]
    assert any(r.raw.startswith("Type\nChapter\nInformation") for r in doc.removals)


def test_article_page_with_abstract_reads_like_a_chapter_with_summary() -> None:
    doc = assemble(normalise(_capture("article-abstract.txt")))
    assert [b.text for b in doc.front if isinstance(b, Heading)] == ["Abstract"]
    assert [p.kind for p in doc.front if isinstance(p, Paragraph)] == [ParagraphKind.FRONT]
    numbered = list(doc.paragraphs())
    assert [p.n for p in numbered] == [1, 2, 3, 4]
    assert [h.text for h in doc.body if isinstance(h, Heading)] == [
        "Markets and Permits",
        "Conclusion",
        "References",
    ]
    assert [n.label for n in doc.notes] == ["1", "2", "3"]
    assert "ibid., 51–2" in doc.notes[2].text
    assert any(r.raw.startswith("Type\nResearch Article") for r in doc.removals)
    assert all(r.category == "web chrome" for r in doc.removals if r.raw.startswith("Save"))


def test_references_are_kept_one_per_line_unnumbered_and_give_no_timeline_events() -> None:
    doc = assemble(normalise(_capture("article-abstract.txt")))
    heading = next(
        i for i, b in enumerate(doc.body) if isinstance(b, Heading) and b.text == "References"
    )
    listed = doc.body[heading + 1 :]
    assert [b.text.split(".")[0] for b in listed if isinstance(b, Paragraph)] == [
        "Chanda, Nayan",
        "Path, Kosal",
        "Womack, Brantly",
    ]
    assert all(isinstance(b, Paragraph) and b.n is None for b in listed)
    years = {e.date[:4] for e in document_events("a", doc)}
    assert years.isdisjoint({"1986", "2020", "2006"})
    assert "1976" in years


def test_references_after_the_notes_are_kept_not_removed_as_chrome() -> None:
    raw = _capture("article-abstract.txt")
    references = raw[raw.index("References\n") : raw.index("Footnotes\n")]
    notes = raw[raw.index("Footnotes\n") : raw.index("Save article to Kindle")]
    raw = raw.replace(references + notes, notes + references)
    doc = normalise(raw)
    kept = [b.text for b in doc.body if isinstance(b, Paragraph) and b.kind is ParagraphKind.FRONT]
    assert len(kept) == 3
    assert not any("Womack" in r.raw for r in doc.removals)
