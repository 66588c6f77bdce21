"""The general reading of a typescript OCR: raw hard-wrapped text and clean text without a
contents page, each through the real loader (normalise, assemble, conservation check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.errors import EditionError
from scripts.meta import load_meta
from scripts.model import Contents, Document, Emendation, Heading, NoteRef, PageBreak, Paragraph
from scripts.normalise.typescript.settings import TypescriptSettings
from scripts.sources import normalise_witness

WRAP = "# Document\n\n## Page 1\n\n```text\n{}\n```\n"

MEMO = """\
13-00000
~SECREF
MEMORANDUM FOR THE DIRECTOR

SUBJECT: The harvest in the northern provinces

1. The harvest of the northern provinces was poor this year and
the government has been unable to collect the grain it needs for
the cities.

2. Prices in the markets rose sharply, and the signi-
ficance of this rise was not lost on the population.

a. In the capital the ration was cut twice.

b. In the provinces the peasants hid their grain*.

* A report of the ministry says so.

NO FOREIGN DISSEM
SECRET
13-00000
- 2 -
SECRET

3. The government will probably have to import grain from abroad
during the winter, which it can ill afford, and
the planners are already revising the plan.
"""


def _doc(raw: str, settings: TypescriptSettings | None = None) -> Document:
    return normalise_witness(raw, "ocr-typescript", display="test.md", settings=settings)


def _paras(doc: Document) -> list[Paragraph]:
    return [b for b in doc.body if isinstance(b, Paragraph)]


def _headings(doc: Document) -> list[str]:
    return [b.text for b in doc.body if isinstance(b, Heading)]


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    doc = _doc(WRAP.format(MEMO))
    first = _paras(doc)[1].text
    assert first.startswith("1. The harvest") and first.endswith("for the cities.")


def test_a_line_end_hyphen_is_joined_and_recorded_as_an_emendation() -> None:
    doc = _doc(WRAP.format(MEMO))
    joined = [e for e in doc.emendations() if e.printed == "significance"]
    assert joined and joined[0].raw == "signi- ficance"
    assert isinstance(joined[0], Emendation) and joined[0].line == 16


def test_numbered_paragraphs_are_paragraphs_and_capitals_lines_are_headings() -> None:
    doc = _doc(WRAP.format(MEMO))
    openings = [p.text[:3] for p in _paras(doc)]
    for label in ("1. ", "2. ", "a. ", "b. ", "3. "):
        assert label in openings
    assert _headings(doc) == ["MEMORANDUM FOR THE DIRECTOR"]


def test_banners_separators_and_the_wrapper_are_removed_with_reasons() -> None:
    doc = _doc(WRAP.format(MEMO))
    text = " ".join(b.text for b in doc.body if isinstance(b, Paragraph | Heading))
    for gone in ("SECREF", "13-00000", "NO FOREIGN DISSEM", "```", "# Document"):
        assert gone not in text
    categories = {r.category for r in doc.removals}
    assert {"banner", "archive", "capture wrapper"} <= categories
    assert all(r.reason for r in doc.removals)


def test_a_typed_head_number_starts_its_page_and_a_sentence_runs_on_across_it() -> None:
    raw = "1. The government will have to\n\nSECRET\n- 2 -\n\nimport grain from abroad.\n"
    doc = _doc(raw)
    (brk,) = doc.page_breaks()
    assert (brk.label, brk.raw, brk.inferred) == ("2", "- 2 -", False)
    (para,) = _paras(doc)
    assert brk in para.inlines
    assert para.text == "1. The government will have to import grain from abroad."


def test_foot_numbers_before_a_separator_end_their_page() -> None:
    raw = "A first page of text ends here.\n\nPage 1\n13-00000\n\nA second page begins.\n\nPage 2\n13-00000\nA third page.\n"
    doc = _doc(raw)
    breaks = doc.page_breaks()
    assert [(b.label, b.foot) for b in breaks] == [("2", "1"), ("3", None)]


def test_an_annex_numbered_again_from_one_keeps_unique_page_anchors() -> None:
    pages = "".join(f"Text of page {n} goes on here.\n\n- {n} -\n\n" for n in (1, 2, 3, 1, 2))
    doc = _doc(pages + "The end.\n")
    anchors = [a for b in doc.page_breaks() for a in (b.anchor, b.foot_anchor) if a]
    assert len(anchors) == len(set(anchors))
    assert any(a.startswith("page-s2-") for a in anchors)


def test_an_asterisk_note_pairs_with_its_mark_and_other_asterisks_are_text() -> None:
    doc = _doc(WRAP.format(MEMO.replace("the population.", "the * population.")))
    (note,) = doc.notes
    assert note.text == "A report of the ministry says so."
    refs = [n for p in _paras(doc) for n in p.inlines if isinstance(n, NoteRef)]
    assert len(refs) == 1 and refs[0].key == note.key
    assert any("the * population." in p.text for p in _paras(doc))


def test_a_note_without_a_mark_stays_a_paragraph() -> None:
    doc = _doc(WRAP.format(MEMO.replace("grain*.", "grain.")))
    assert doc.notes == ()
    assert any(p.text.startswith("* A report") for p in _paras(doc))


def test_never_a_page_break_per_line() -> None:
    doc = _doc(WRAP.format(MEMO))
    assert len(doc.page_breaks()) <= 1


def test_a_clean_ocr_without_contents_is_read_a_paragraph_a_line() -> None:
    raw = "---\nid: x\n---\n\nSECRET\n\nTHE QUESTION\n\nThe first paragraph is one line. It goes on.\n\nThe second paragraph.\n\n- 2 -\n\nThe third paragraph.\n"
    doc = _doc(raw)
    assert [p.text for p in _paras(doc)] == [
        "The first paragraph is one line. It goes on.",
        "The second paragraph.",
        "The third paragraph.",
    ]
    assert _headings(doc) == ["THE QUESTION"]
    assert [b.label for b in doc.page_breaks()] == ["2"]


def test_a_text_with_no_sentence_is_refused_at_a_line() -> None:
    with pytest.raises(EditionError) as caught:
        _doc("\n\nNOTHING HERE\n\nAT ALL\n")
    assert caught.value.line == 3 and "no running text" in caught.value.message


def test_settings_add_banner_words_a_page_number_form_and_a_paragraph_mode() -> None:
    raw = "ZEPHYR\n\nA sentence of the text.\n\n[2]\n\nAnother sentence.\n"
    plain = _doc(raw)
    assert any(p.text == "ZEPHYR" for p in _paras(plain)) or "ZEPHYR" in _headings(plain)
    told = _doc(raw, TypescriptSettings(banner_words=["Zephyr"], page_number=r"\[(\d+)\]"))
    assert [b.label for b in told.page_breaks()] == ["2"]
    assert not any("ZEPHYR" in b.text for b in told.body if isinstance(b, Paragraph | Heading))
    lines = _doc("One line.\nAnother line.\n", TypescriptSettings(paragraphs="lines"))
    assert len(_paras(lines)) == 2
    wrapped = _doc("One line\ngoes on.\n", TypescriptSettings(paragraphs="wrapped"))
    assert len(_paras(wrapped)) == 1


def _meta(tmp_path: Path, extra: str, normaliser: str = "ocr-typescript") -> Path:
    path = tmp_path / "meta.yml"
    path.write_text(
        f"slug: x\nnormaliser: {normaliser}\nfile: source.txt\nkind: report\n"
        "short_title: X\ntitle: X\nissued: '1963'\nprovenance:\n  description: x\n" + extra,
        encoding="utf-8",
    )
    return path


def test_meta_settings_are_validated(tmp_path: Path) -> None:
    meta = load_meta(_meta(tmp_path, "typescript:\n  banner_words: [UMBRA]\n"), display="m")
    assert meta.typescript == TypescriptSettings(banner_words=["UMBRA"])
    with pytest.raises(EditionError) as caught:
        load_meta(_meta(tmp_path, "typescript:\n  page_number: '\\d+'\n"), display="m")
    assert "group" in caught.value.message
    with pytest.raises(EditionError):
        load_meta(_meta(tmp_path, "typescript:\n  paragraphs: lines\n", "pdf-text"), display="m")
    with pytest.raises(EditionError):
        load_meta(_meta(tmp_path, "typescript:\n  banner_word: [X]\n"), display="m")


def test_page_breaks_are_model_page_breaks() -> None:
    doc = _doc(WRAP.format(MEMO))
    assert all(isinstance(b, PageBreak) for b in doc.page_breaks())


def test_notes_of_one_page_foot_pair_with_their_marks_in_order() -> None:
    raw = (
        "The first claim* was made in May. The second claim** came later, and the\n"
        "third one* was never made at all, said the report.\n\n"
        "* A first note.\n\n** A second note.\n\n- 2 -\n\n"
        "Stray marks * and text* elsewhere stay text.\n"
    )
    doc = _doc(raw)
    assert [(n.label, n.text) for n in doc.notes] == [
        ("*", "A first note."),
        ("**", "A second note."),
    ]
    refs = [n for p in _paras(doc) for n in p.inlines if isinstance(n, NoteRef)]
    assert [(r.label, r.key) for r in refs] == [("**", "s2"), ("*", "s1")]
    assert any("text* elsewhere" in p.text for p in _paras(doc))


def test_a_sentence_cut_by_the_page_goes_on_after_the_foot_note() -> None:
    raw = (
        "1. The government said* that the harvest\n\n* In a broadcast.\n\n- 2 -\n\n"
        "was poor this year.\n"
    )
    doc = _doc(raw)
    (para,) = _paras(doc)
    assert para.text == "1. The government said that the harvest was poor this year."
    assert len(doc.notes) == 1


def test_a_memorandum_numbered_from_page_two_with_an_annex_from_one() -> None:
    page = "13-00000\nSECRET\n\n{}\n\n{} The text of this page goes on and ends here.\n\nSECRET\n"
    raw = (
        "13-00000\nSECRET\n\nMEMORANDUM\n\n1. The first page has no number.\n\nSECRET\n"
        + page.format("2", "2.")
        + page.format("-1-", "ANNEX")
        + page.format("-2-", "3.")
    )
    doc = _doc(raw)
    assert [b.label for b in doc.page_breaks()] == ["2", "s2-1", "s2-2"]
    assert all(not b.inferred for b in doc.page_breaks())


def test_a_contents_list_is_used_when_present_and_links_its_headings() -> None:
    raw = (
        "INSTRUCTION NO. 5\n\nCONTENTS\n\nI. PURPOSE ........ 1\nII. SCOPE . . . . . . 2\n"
        "III. DUTIES ........ 3\n\n13-00000\n\nI. PURPOSE\n\n1. This instruction sets out\n"
        "the purpose.\n\nII. SCOPE\n\n2. It applies to all.\n\nIII. DUTIES\n\n3. Every\n"
        "officer reads it.\n"
    )
    doc = _doc(raw)
    contents = [b for b in doc.front if isinstance(b, Contents)]
    assert len(contents) == 1
    entries = contents[0].entries
    assert [(e.page, e.target != "") for e in entries] == [("1", True), ("2", True), ("3", True)]
    assert [p.text[:2] for p in _paras(doc)] == ["1.", "2.", "3."]
    assert [p.n for p in _paras(doc)] == [1, 2, 3]


def test_without_a_contents_list_nothing_is_required() -> None:
    doc = _doc("I. PURPOSE\n\n1. This instruction sets out the purpose.\n")
    assert doc.front == () and len(_paras(doc)) == 1


STUDY = """\
1. The decisive victory of the party in the September election led many
observers to hope that the movement might develop significantly
throughout the region, competing with its rivals on the ground of ideas
and offering an alternative route to social progress, and the parties

OFFICE SYMBOL

This political appeal, coupled with a commitment to basic social reform,
comprised a package of considerable attractiveness to the middle class.

2. The leaders of the youth wings have asked the foreign institutes to
increase their support in the field of training, but the efforts made so
far in this direction by the national institutes and the student training

CLASSIFICATION

SECRET

CONTINUATION OF
DISPATCH

courses have been discouraging. In most instances the teachers share the
biases of the students.

Distribution:

Orig & 2 - Chief, WH

1 - File

XQZT VRBL KWMN

3. The movement has made only modest progress in the region, and its
leaders know that the gains of the last election may not be repeated.
"""


def test_a_line_of_capitals_inside_an_unfinished_sentence_is_no_heading() -> None:
    doc = _doc(STUDY)
    assert "OFFICE SYMBOL" not in _headings(doc)
    assert any(p.text == "OFFICE SYMBOL" for p in _paras(doc))


def test_a_line_of_capitals_that_is_not_made_of_words_is_no_heading() -> None:
    doc = _doc(STUDY)
    assert _headings(doc) == []
    assert any("XQZT VRBL KWMN" in p.text for p in _paras(doc))


def test_a_sentence_goes_on_after_the_labels_of_a_form_page_which_follow_it() -> None:
    doc = _doc(STUDY)
    texts = [p.text for p in _paras(doc)]
    whole = next(t for t in texts if t.startswith("2. "))
    assert "student training courses have been discouraging." in whole
    labels = texts[texts.index(whole) + 1]
    assert labels == "CLASSIFICATION CONTINUATION OF DISPATCH"
    record = next(u for u in doc.unclassified if u.text.startswith("CLASSIFICATION"))
    assert record.text == "CLASSIFICATION\nCONTINUATION OF\nDISPATCH"
    assert "printed after that paragraph" in record.why


def test_short_label_lines_are_one_block_recorded_as_unclassified() -> None:
    doc = _doc(STUDY)
    block = next(p for p in _paras(doc) if p.text.startswith("Distribution:"))
    assert block.text == "Distribution: Orig & 2 - Chief, WH 1 - File XQZT VRBL KWMN"
    record = next(u for u in doc.unclassified if u.line == block.line)
    assert record.text.split("\n") == [
        "Distribution:",
        "Orig & 2 - Chief, WH",
        "1 - File",
        "XQZT VRBL KWMN",
    ]
    assert record.why.startswith("4 blocks of short lines")
    # every block kept without running text is listed, and nothing else
    running = {p.line for p in _paras(doc) if p.text[:2] in {"1.", "2.", "3."}}
    assert {u.line for u in doc.unclassified} == {
        p.line for p in _paras(doc) if p.line not in running and not p.text.startswith("This")
    }


def test_a_line_of_capitals_before_text_in_capitals_is_no_heading() -> None:
    cable = (
        "DIR INFO LIMA CITE WAVE 2322\n\nIDEN DEPARTING MIAMI TWENTY ONE APRIL ON FLIGHT TO\n"
        "ATTEND THE CONFERENCE AS A MEMBER OF THE DELEGATION.\n\n"
        "SUBJECT REPORTED THAT THE CONGRESS WILL BE HELD IN MIAMI IN APRIL.\n"
    )
    doc = _doc(cable + "\n" + MEMO.split("MEMORANDUM FOR THE DIRECTOR")[1])
    assert _headings(doc) == []


def _report_page(foot: str, words: str) -> str:
    body = f"The report goes on with the parties of the region, which\nare {words}.\n"
    return f"14-00000\n\n{body}\nSECRET\n\n{foot}\n"


def test_a_page_number_opening_a_running_foot_is_read_and_a_misread_one_from_the_sequence() -> None:
    raw = "1\n\nSPECIAL REPORT\n\n" + "".join(
        _report_page(foot, words)
        for foot, words in [
            ("Page 1 SPECIAL REPORT 3 Mar 67", "weak in the cities"),
            ("oo Page -2 SPECIAL REPORT 3 Mar 67", "strong among the students"),
            ("Page § SPECIAL REPORT 3 Mar 67", "divided on the question of land"),
            (". Page 4 SPECIAL REPORT. 3 Mar 67", "courted by the army"),
        ]
    )
    doc = _doc(raw)
    breaks = doc.page_breaks()
    assert [(b.raw, b.label) for b in breaks] == [
        ("Page 1", "2"),
        ("Page -2", "3"),
        ("Page §", "4"),
    ]
    assert all(b.inferred for b in breaks)
    # the bare 1 that the typed 'Page 1' repeats is no page number; the foot's words go
    assert not any(b.line == 1 for b in breaks)
    feet = [r.raw for r in doc.removals if r.category == "running head"]
    assert "oo SPECIAL REPORT 3 Mar 67" in feet and ". SPECIAL REPORT. 3 Mar 67" in feet


def test_a_sign_where_a_page_number_stands_is_no_page_without_numbers_on_both_sides() -> None:
    raw = "".join(
        _report_page(foot, words)
        for foot, words in [
            ("Page 1 SPECIAL REPORT", "weak in the cities"),
            ("Page § SPECIAL REPORT", "strong among the students"),
        ]
    )
    doc = _doc(raw)
    assert [b.raw for b in doc.page_breaks()] == ["Page 1"]


def test_a_short_line_ending_in_a_divided_word_goes_on_in_the_next_block() -> None:
    raw = (
        "1. The labour departments asked to be represented in the\n\n"
        "Christian Democratic Organiza~\n\n"
        "tion of America, the regional grouping formed in 1949, and the\n"
        "plan has not yet been implemented.\n"
    )
    doc = _doc(raw)
    texts = [p.text for p in _paras(doc)]
    assert texts[-1].startswith("Christian Democratic Organiza~ tion of America, the regional")
    assert doc.unclassified == ()


def test_a_line_of_capitals_ending_in_a_preposition_is_no_heading() -> None:
    raw = (
        "CONTINUATION OF Xd\n\n"
        "The study was sent to every station in the region for comment.\n\n"
        "THE ROLE OF THE PARTIES\n\n"
        "The parties of the region have grown in the last five years.\n"
    )
    assert _headings(_doc(raw)) == ["THE ROLE OF THE PARTIES"]


def test_a_lettered_paragraph_after_a_form_label_is_not_run_into_the_sentence_before() -> None:
    raw = (
        "1. The parties of the region have grown in the last five years and their leaders\n"
        "have asked the foreign institutes for help in the\n\n"
        "OFFICE SYMBOL\n\n"
        "a. The Peruvian party formed a coalition with the government and holds two\n"
        "cabinet posts in the present government of the country.\n"
    )
    doc = _doc(raw)
    assert [p.text[:3] for p in _paras(doc)] == ["1. ", "OFF", "a. "]


RUNNING = (
    "The study was sent to every station in the region for comment, and the\n"
    "answers of the stations are summed up in the pages that follow.\n"
)


def test_a_line_right_under_a_line_ending_in_a_preposition_ends_its_phrase_no_heading() -> None:
    raw = (
        f"CONTINUATION OF\nDISPATCH\n\n{RUNNING}\n"
        "THE ROLE OF THE PARTIES\n\nThe parties of the region have grown in the last years.\n"
    )
    doc = _doc(raw)
    assert _headings(doc) == ["THE ROLE OF THE PARTIES"]
    assert any(p.text == "CONTINUATION OF DISPATCH" for p in _paras(doc))


def test_a_line_ending_in_a_file_number_is_no_heading_but_one_ending_in_a_year_is() -> None:
    raw = (
        f"BOOK DISPATCH 5962 ~\n\n{RUNNING}\nREF: WAVE 9754\n\n{RUNNING}\n"
        "THE ELECTIONS OF 1964\n\nThe parties of the region have grown in the last years.\n"
    )
    doc = _doc(raw)
    assert _headings(doc) == ["THE ELECTIONS OF 1964"]
    assert {"BOOK DISPATCH 5962 ~", "REF: WAVE 9754"} <= {p.text for p in _paras(doc)}


def test_words_the_text_prints_only_in_capitals_are_no_evidence_of_a_heading() -> None:
    raw = (
        "The TYPIC program was run by AMCRIB and the station, and the TYPIC\n"
        "reports of AMCRIB were read by Caldera and by the friends of Caldera.\n\n"
        f"TYPIC AMCRIB\n\n{RUNNING}\nCALDERA\n\n{RUNNING}"
    )
    doc = _doc(raw)
    assert _headings(doc) == ["CALDERA"]  # a name the text writes in small letters too
    assert any(p.text == "TYPIC AMCRIB" for p in _paras(doc))


def test_a_run_of_label_blocks_is_listed_even_when_together_it_has_many_words() -> None:
    labels = "OFFICE SYMBOL\n\nDISPATCH SYMBOL AND NUMBER\n\nChief, WH Division\n\nXQZT VRBL"
    doc = _doc(f"{RUNNING}{RUNNING}\n{labels}\n\n{RUNNING}{RUNNING}")
    block = next(p for p in _paras(doc) if p.text.startswith("OFFICE"))
    assert block.text == "OFFICE SYMBOL DISPATCH SYMBOL AND NUMBER"  # six words, one block
    record = doc.unclassified[0]
    assert (record.line, record.text) == (block.line, "OFFICE SYMBOL\nDISPATCH SYMBOL AND NUMBER")
    assert record.why.startswith("2 blocks of short lines")
    # the rest of the run, a block of its own (six words made the first one text-like)
    assert [u.text for u in doc.unclassified[1:]] == ["Chief, WH Division\nXQZT VRBL"]
