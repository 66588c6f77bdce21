"""The OCR staff-study normaliser (CIA ESAU study): structure, pages, banners, notes, repairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.errors import SourceError
from scripts.model import (
    Contents,
    Document,
    Emendation,
    Heading,
    NoteRef,
    PageBreak,
    Paragraph,
    ParagraphKind,
    Redaction,
    Sic,
)
from scripts.normalise.typescript.staff_study import normalise
from scripts.sources import normalise_witness

SOURCE = Path(__file__).resolve().parents[2] / "sources" / "esau-17" / "source.md"

FRONT = (
    "---\nid: esau-17\nocr_engine: gemini-2.5-flash\n---\n\n"
    " APPROVED FOR RELEASE DATE: MAY 2007\n\n[REDACTED] [REDACTED]\n\n"
    "4 March 1962 OCI No. 1002/62 Copy No. 133\n\n"
    "NORTH VIETNAM AND SINO-SOVIET RELATIONS\n\n"
    "SECRET [REDACTED] SECRET [REDACTED]\n\n"
    "NORTH VIETNAM AND SINO-SOVIET RELATIONS\n\n"
    "This paper was prepared by Philip L. Bridgham, with counsel from [REDACTED] the China "
    "Division.\n\n"
    "SECRET [REDACTED] NORTH VIETNAM AND SINO-SOVIET RELATIONS\n\n"
    "SUMMARY.........i\n\n"
    "I. NORTH VIETNAM AT WAR: 1949-1954......1 A. Domestic Policy.......2 "
    "1. South Vietnam.......3 2. Laos.........4\n\n"
)


def _doc(body: str) -> Document:
    return normalise_witness(FRONT + body, "ocr-staff-study", display="test")


def _paras(doc: Document) -> list[Paragraph]:
    return [b for b in doc.body if isinstance(b, Paragraph)]


def test_front_matter_is_removed_and_recorded() -> None:
    doc = _doc("SUMMARY\n\nA sentence.\n")
    (removal,) = [r for r in doc.removals if r.category == "front matter"]
    assert removal.raw.startswith("---\nid: esau-17") and removal.line == 1
    assert "esau-17" not in " ".join(b.text for b in doc.front if isinstance(b, Paragraph))


def test_cover_and_preface_are_front_paragraphs_and_page_titles_headings() -> None:
    doc = _doc("SUMMARY\n\nA sentence.\n")
    kinds = [(type(b).__name__, getattr(b, "kind", None)) for b in doc.front]
    assert kinds[:2] == [("Paragraph", ParagraphKind.FRONT)] * 2
    assert [b.text for b in doc.front if isinstance(b, Heading)] == [
        "NORTH VIETNAM AND SINO-SOVIET RELATIONS"
    ] * 2


def test_banners_and_cover_stamps_are_removed_as_banners() -> None:
    doc = _doc("SUMMARY\n\nA sentence.\n")
    banners = [r.raw for r in doc.removals if r.category == "banner"]
    assert banners.count("SECRET") == 3
    assert banners.count("[REDACTED]") == 5
    assert "APPROVED FOR RELEASE DATE: MAY 2007" in banners


def test_redaction_inside_a_sentence_is_kept_inline() -> None:
    doc = _doc("SUMMARY\n\nA sentence.\n")
    preface = [b for b in doc.front if isinstance(b, Paragraph)][-1]
    assert [n.raw for n in preface.inlines if isinstance(n, Redaction)] == ["[REDACTED]"]
    assert "counsel from [REDACTED] the China" in preface.text


def test_contents_entries_keep_wording_page_level_and_leader_and_link_to_headings() -> None:
    body = (
        "SUMMARY\n\nA sentence.\n\nI. NORTH VIETNAM AT WAR, 1949-1954\n\nText.\n\n"
        "A. Domestic Policy\n\nText.\n\n1. South Vietnam\n\nText.\n\n2. Laos\n\nText.\n"
    )
    doc = _doc(body)
    (contents,) = [b for b in doc.front if isinstance(b, Contents)]
    assert [(e.printed_text, e.page, e.level) for e in _entries(contents)] == [
        ("SUMMARY", "i", 1),
        ("I. NORTH VIETNAM AT WAR: 1949-1954", "1", 1),
        ("A. Domestic Policy", "2", 2),
        ("1. South Vietnam", "3", 3),
        ("2. Laos", "4", 3),
    ]
    assert contents.entries[0].leader == "........."
    headings = {h.anchor: h for h in doc.body if isinstance(h, Heading)}
    assert all(e.target in headings for e in contents.entries)
    assert [headings[e.target].level for e in contents.entries] == [1, 1, 2, 3, 3]


class _Entry:
    def __init__(self, printed_text: str, page: str, level: int) -> None:
        self.printed_text, self.page, self.level = printed_text, page, level


def _entries(contents: Contents) -> list[_Entry]:
    return [
        _Entry("".join(n.printed for n in e.inlines), e.page, e.level) for e in contents.entries
    ]


def test_typed_page_number_ends_its_page_and_the_sentence_is_rejoined() -> None:
    body = (
        "SUMMARY\n\nOf particular interest was the veiled\n\n"
        "- 17 - warning to the Soviet Union that it would be a mistake.\n"
    )
    (para,) = _paras(_doc(body))
    assert para.text == (
        "Of particular interest was the veiled warning to the Soviet Union that it would be a "
        "mistake."
    )
    (brk,) = [n for n in para.inlines if isinstance(n, PageBreak)]
    assert (brk.label, brk.raw, brk.inferred) == ("18", "- 17 -", True)


def test_stamp_after_a_roman_page_number_is_a_banner_not_a_redaction() -> None:
    body = "SUMMARY\n\nEven\n\n- V - [REDACTED] in Laos, however, there was evidence.\n"
    doc = _doc(body)
    (para,) = _paras(doc)
    assert para.text == "Even in Laos, however, there was evidence."
    assert [n.label for n in para.inlines if isinstance(n, PageBreak)] == ["VI"]
    assert not [n for n in para.inlines if isinstance(n, Redaction)]
    assert [r.line for r in doc.removals if r.raw == "[REDACTED]"][-1] == FRONT.count("\n") + 5


def test_stamp_at_a_paragraph_cut_mid_sentence_is_removed_and_the_sentence_rejoined() -> None:
    body = (
        "SUMMARY\n\nIn June 1960 the North Vietnamese [REDACTED]\n\n"
        "again supported Chinese positions at the WFTU meeting in Beijing.\n"
    )
    (para,) = _paras(_doc(body))
    assert para.text == (
        "In June 1960 the North Vietnamese again supported Chinese positions at the WFTU "
        "meeting in Beijing."
    )
    assert [n.label for n in para.inlines if isinstance(n, PageBreak)] == [None]


def test_banner_at_the_end_of_a_page_is_removed_and_the_quotation_rejoined() -> None:
    body = (
        "SUMMARY\n\nHe lauded Communist China in Beijing as [REDACTED] SECRET\n\n"
        '"the closest friend of the DRV."\n'
    )
    (para,) = _paras(_doc(body))
    assert para.text == 'He lauded Communist China in Beijing as "the closest friend of the DRV."'


def test_stamp_between_two_sentences_splits_the_paragraph_the_ocr_merged() -> None:
    body = (
        "SUMMARY\n\nThe record does suggest a close relationship in the final months of 1960. "
        "[REDACTED] Following the sending of a United Nations mission, Laos entered a period "
        "of quiescence.\n"
    )
    doc = _doc(body)
    assert [p.text for p in _paras(doc)] == [
        "The record does suggest a close relationship in the final months of 1960.",
        "Following the sending of a United Nations mission, Laos entered a period of quiescence.",
    ]
    assert doc.removals[-1].category == "banner"


def test_redaction_between_words_of_a_sentence_is_kept() -> None:
    body = "SUMMARY\n\nBy a judicious combination of scattered [REDACTED] reporting with more.\n"
    (para,) = _paras(_doc(body))
    assert [type(n) for n in para.inlines].count(Redaction) == 1


def test_heading_glued_to_the_end_of_a_paragraph_is_split_off() -> None:
    body = (
        "SUMMARY\n\nA shift away from peaceful coexistence to a militant pursuit. 2. Laos\n\n"
        "From the standpoint of international Communism, Laos must be regarded so.\n"
    )
    doc = _doc(body)
    texts = [(type(b).__name__, b.text) for b in doc.body if isinstance(b, Heading | Paragraph)]
    assert texts[1:4] == [
        ("Paragraph", "A shift away from peaceful coexistence to a militant pursuit."),
        ("Heading", "2. Laos"),
        ("Paragraph", "From the standpoint of international Communism, Laos must be regarded so."),
    ]


def test_title_in_capitals_glued_to_the_end_of_a_paragraph_is_split_off() -> None:
    body = (
        "SUMMARY\n\nThe conflict between the Soviet Union and Communist China. "
        "NORTH VIETNAM AND SINO-SOVIET RELATIONS, 1949-1961\n\nThis study reviews the record.\n"
    )
    headings = [b for b in _doc(body).body if isinstance(b, Heading)]
    assert [(h.text, h.level) for h in headings][-1] == (
        "NORTH VIETNAM AND SINO-SOVIET RELATIONS, 1949-1961",
        1,
    )


def test_asterisk_note_spliced_at_a_page_foot_is_taken_out_and_referenced() -> None:
    body = (
        "SUMMARY\n\nA higher stage of development within North Vietnam.*\n\n"
        "Le Duan declared in September that\n\n"
        "*However, North Vietnam never became as intoxicated with these innovations. "
        '"the problem is the same with us" and added more.\n'
    )
    doc = _doc(body)
    first, second = _paras(doc)
    (ref,) = [n for n in first.inlines if isinstance(n, NoteRef)]
    assert (ref.label, ref.key, ref.raw) == ("*", "s1", "*")
    assert (
        second.text
        == 'Le Duan declared in September that "the problem is the same with us" and added more.'
    )
    (note,) = doc.notes
    assert (note.label, note.key, note.raw_label) == ("*", "s1", "*")
    assert note.text == "However, North Vietnam never became as intoxicated with these innovations."


def test_a_note_without_its_mark_inside_a_cut_sentence_is_text_after_that_paragraph() -> None:
    body = (
        "SUMMARY\n\nThe text goes on and\n\n*A note. but no reference anywhere.\n\n"
        "Next paragraph.\n"
    )
    doc = _doc(body)
    assert [p.text for p in _paras(doc)] == [
        "The text goes on and but no reference anywhere.",
        "*A note.",
        "Next paragraph.",
    ]
    assert doc.notes == () and not [
        n for r in doc.inline_runs() for n in r if isinstance(n, NoteRef)
    ]
    (record,) = doc.unclassified
    assert (record.text, record.line) == (
        "*A note.",
        (FRONT + body).count("\n", 0, (FRONT + body).index("*A")) + 1,
    )
    assert "printed after that paragraph" in record.why


def test_a_note_without_its_mark_after_a_finished_paragraph_stays_where_it_is() -> None:
    body = "SUMMARY\n\nThe text ends here.\n\n*A note. but no reference anywhere.\n\nNext.\n"
    doc = _doc(body)
    assert [p.text for p in _paras(doc)] == [
        "The text ends here.",
        "*A note. but no reference anywhere.",
        "Next.",
    ]
    assert doc.notes == ()
    (record,) = doc.unclassified
    assert record.text == "*A note. but no reference anywhere."
    assert "printed after" not in record.why


def test_a_note_pairs_with_a_mark_and_a_second_note_without_one_is_text() -> None:
    body = (
        "SUMMARY\n\nA sentence with a mark.* It goes on\n\n*The note. and the sentence ends.\n\n"
        "Another paragraph ends.\n\n*A note-like line * with a star.\n"
    )
    doc = _doc(body)
    (note,) = doc.notes
    assert note.text == "The note."
    refs = [n for r in doc.inline_runs() for n in r if isinstance(n, NoteRef)]
    assert [(r.key, r.label) for r in refs] == [("s1", "*")]
    assert [p.text for p in _paras(doc)][-1] == "*A note-like line * with a star."
    assert [u.text for u in doc.unclassified] == ["*A note-like line * with a star."]


def test_paragraph_after_a_colon_is_a_block_quotation() -> None:
    body = (
        "SUMMARY\n\nLe Duan applied this dictum when he asserted:\n\n"
        "The way for the South Vietnamese people to liberate themselves can by no means differ.\n\n"
        "Acting in accordance with its pronouncements, China took the lead.\n"
    )
    kinds = [p.kind for p in _paras(_doc(body))]
    assert kinds == [ParagraphKind.BODY, ParagraphKind.QUOTE, ParagraphKind.BODY]


def test_ocr_repairs_and_typist_errors_are_recorded_in_the_paragraph() -> None:
    body = "SUMMARY\n\nThe Geneva Confer- ence was the cirsis of the decade.\n"
    (para,) = _paras(_doc(body))
    assert [(n.raw, n.printed) for n in para.inlines if isinstance(n, Emendation)] == [
        ("Confer- ence", "Conference")
    ]
    assert [(n.text, n.comment) for n in para.inlines if isinstance(n, Sic)] == [
        ("cirsis", "for crisis")
    ]
    assert para.text == "The Geneva Conference was the cirsis of the decade."


def test_unnumbered_break_gets_the_page_the_contents_leave_no_doubt_about() -> None:
    # Section A is on page 2 and 1. on page 3: the one break between them starts page 3.
    body = (
        "SUMMARY\n\nA sentence.\n\nI. NORTH VIETNAM AT WAR: 1949-1954\n\nText.\n\n"
        "A. Domestic Policy\n\nMao returned apparently convinced that the\n\n"
        "*A note. correct line was active advance.*\n\n1. South Vietnam\n\nText.\n"
    )
    para = next(p for p in _paras(_doc(body)) if "convinced" in p.text)
    (brk,) = [n for n in para.inlines if isinstance(n, PageBreak)]
    assert (brk.label, brk.inferred) == ("3", True)


def test_text_without_a_table_of_contents_is_refused() -> None:
    with pytest.raises(SourceError, match="contents"):
        normalise("A sentence.\n")


# --- the whole witness ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def esau() -> Document:
    raw = SOURCE.read_text(encoding="utf-8")
    return normalise_witness(raw, "ocr-staff-study", display="sources/esau-17/source.md")


def test_whole_study_normalises_and_conserves_every_token(esau: Document) -> None:
    assert esau.body and esau.front  # normalise_witness raises if a token were lost or added


def test_whole_study_has_the_printed_sections_at_their_levels(esau: Document) -> None:
    headings = [h for h in esau.body if isinstance(h, Heading)]
    numbered = [h.text.split(".")[0] for h in headings if h.level == 1 and "." in h.text[:5]]
    assert numbered == ["I", "II", "III", "IV"]
    # II has A-C, III has A-B, IV has A-C; 1. South Vietnam and 2. Laos under II.C, III.B, IV.B.
    assert [h.text[0] for h in headings if h.level == 2] == list("ABCABABC")
    assert [h.text for h in headings if h.level == 3] == ["1. South Vietnam", "2. Laos"] * 3
    assert "SUMMARY" in [h.text for h in headings if h.level == 1]


def test_whole_study_contents_link_every_entry(esau: Document) -> None:
    (contents,) = [b for b in esau.front if isinstance(b, Contents)]
    assert len(contents.entries) == 19
    assert all(e.target for e in contents.entries)
    assert contents.entries[0].page == "i" and contents.entries[-1].page == "31"


def test_whole_study_page_breaks_follow_the_typed_numbers(esau: Document) -> None:
    labelled = [(b.label, b.raw) for b in esau.page_breaks() if b.raw]
    assert labelled == [("VI", "- V -"), ("18", "- 17 -"), ("23", "- 22 -")]


def test_whole_study_has_three_asterisk_notes_with_their_references(esau: Document) -> None:
    refs = [
        n
        for p in esau.body
        if isinstance(p, Paragraph)
        for n in p.inlines
        if isinstance(n, NoteRef)
    ]
    assert [r.key for r in refs] == ["s1", "s2", "s3"]
    assert [n.label for n in esau.notes] == ["*"] * 3
    assert esau.notes[2].text == (
        "It should be noted, however, that arms of bloc manufacture have not yet been found in "
        "South Vietnam."
    )


def test_whole_study_keeps_names_and_dates_intact(esau: Document) -> None:
    text = " ".join(p.text for p in esau.body if isinstance(p, Paragraph))
    assert "Pham Van Dong" in text and "Zhou Enlai" in text and "Mao Tsetung" in text
    assert "Beijing" in text  # spellings of the witness are never modernised or restored
    assert "First Five Year Plan (1961–1965)" in text
    assert "in 1960–1961 was graphically illustrated" in text
    assert "Sino Soviet" not in text and "SinoSoviet" not in text


def test_whole_study_keeps_one_block_quotation(esau: Document) -> None:
    quotes = [p for p in esau.body if isinstance(p, Paragraph) and p.kind is ParagraphKind.QUOTE]
    assert len(quotes) == 1 and quotes[0].text.startswith("The way for the South Vietnamese")


def test_whole_study_separates_banners_from_redactions(esau: Document) -> None:
    redactions = [n for run in esau.inline_runs() for n in run if isinstance(n, Redaction)]
    banners = [r for r in esau.removals if r.category == "banner"]
    # Four in the preface's sentences, two in the main text's; every other mark is a stamp.
    assert len(redactions) == 6
    assert sum(r.raw == "SECRET" for r in banners) == 5
    assert sum(r.raw == "[REDACTED]" for r in banners) == 12


def test_whole_study_records_the_disagreeing_numbers(esau: Document) -> None:
    (note,) = [
        n for n in esau.editorial_notes if "number" in n.title.lower() and "study" in n.title
    ]
    assert "esau-17" in note.text and "ESAU XVIII-62" in note.text and "third" in note.text


def test_whole_study_marks_typist_errors_as_sic(esau: Document) -> None:
    assert {s.text for s in esau.sics()} == {"AFFECING", "resentiment", "cirsis"}


def test_page_number_on_its_own_line_begins_the_next_paragraphs_page() -> None:
    body = "SUMMARY\n\nA complete sentence.\n\n- 3 -\n\nA new paragraph on a new page.\n"
    first, second = _paras(_doc(body))
    assert not [n for n in first.inlines if isinstance(n, PageBreak)]
    assert isinstance(second.inlines[0], PageBreak)
    assert (second.inlines[0].label, second.inlines[0].raw) == ("4", "- 3 -")
    assert second.text == "A new paragraph on a new page."


def test_page_number_of_the_last_page_is_recorded_as_removed() -> None:
    doc = _doc("SUMMARY\n\nThe last sentence.\n\n- 9 -\n")
    assert [(r.raw, r.category) for r in doc.removals][-1] == ("- 9 -", "page number")
    assert not doc.page_breaks()


def test_a_page_number_followed_at_once_by_the_next_is_recorded_not_lost() -> None:
    body = "SUMMARY\n\nThe first sentence.\n- 3 -\n\n- 4 - The next page begins here.\n"
    doc = _doc(body)  # the loader's conservation check passes: no token lost
    (removal,) = [r for r in doc.removals if r.category == "page number"]
    assert (removal.raw, removal.line) == ("- 3 -", (FRONT + body).split("\n").index("- 3 -") + 1)
    assert [(b.raw, b.foot) for b in doc.page_breaks()] == [("- 4 -", "4")]


def test_asterisk_note_with_no_continuation_is_all_note() -> None:
    body = "SUMMARY\n\nA sentence with a mark.*\n\n*The whole note. It Ends Here.\n"
    doc = _doc(body)
    assert [p.text for p in _paras(doc)] == ["A sentence with a mark."]
    assert doc.notes[0].text == "The whole note. It Ends Here."
