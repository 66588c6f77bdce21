"""The pdf-text normaliser (CWIHP working paper): small inputs from the text, then the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.model import (
    Document,
    Emendation,
    Heading,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    Sic,
    printed_text,
)
from scripts.normalise.pdf_text import normalise
from scripts.sources import normalise_witness

SEED = Path(__file__).resolve().parents[2] / "sources" / "mao-indochina-war" / "source.txt"

# Two pages of the working paper's opening, as the extraction gives them (shortened).
OPENING = """\
 Introduction
During the Cold War, the United States became involved in a series of wars in
Indochina 1 in order to prevent Communist expansion there. It first assisted France and
then directly intervened in the internal conflicts in Vietnam, 2 Laos, and Cambodia from
the 1950s to the 1970s. Because these countries were so close to China geographically,
Indochina became inconsistent and at times even self-contradictory.
Scholars have investigated China’s role in the Vietnam War, but most of their
writings have focused on the first half of the 1950s and the second part of the 1960s.
Because of limitation of sources, these writings have not been able to present a clear
picture of changes in Mao’s attitude toward the Indochina war. In fact, Mao occupied a
1

Indochina was once a French colony. Before the French occupation, there were three countries in
Indochina: Vietnam, Laos, and Cambodia. In Taiwan, Indochina used to be called the South Central
2
After 1954, Vietnam was divided into North and South Vietnam.
 central and unique position in the formation of China’s foreign policy in this period.
Without an understanding of the changes in Mao’s attitude toward the Indochina war and
the causes for those changes, it would be very difficult to make sense of the changes in
China’s policy toward the Vietnam War. Drawing on recently released documents from
toward the Indochina conflict.
"""


def _paragraphs(doc: Document) -> list[Paragraph]:
    return [b for b in doc.body if isinstance(b, Paragraph)]


def _text(inlines: tuple[object, ...]) -> str:
    return re.sub(r"\s+", " ", printed_text(inlines)).strip()  # type: ignore[arg-type]


def test_reference_number_glued_in_a_sentence_becomes_a_note_reference() -> None:
    doc = normalise(OPENING)
    refs = [n for n in _paragraphs(doc)[0].inlines if isinstance(n, NoteRef)]
    # The raw form keeps the space before a number that follows a word (witness of "Indochina 1 in").
    assert [(r.key, r.raw.strip(), r.line) for r in refs] == [("1", "1", 3), ("2", "2", 4)]
    assert "Indochina in order to prevent" in _text(_paragraphs(doc)[0].inlines)


def test_paragraph_interrupted_by_a_block_of_notes_continues_seamlessly() -> None:
    doc = normalise(OPENING)
    second = _text(_paragraphs(doc)[1].inlines)
    assert "Mao occupied a central and unique position in the formation" in second
    assert "French colony" not in second


def test_notes_spliced_into_the_prose_become_notes_with_their_numbers() -> None:
    doc = normalise(OPENING)
    assert [(n.key, n.raw_label, n.present) for n in doc.notes] == [
        ("1", "1", True),
        ("2", "2", True),
    ]
    assert doc.notes[1].text == "After 1954, Vietnam was divided into North and South Vietnam."


def test_first_line_of_capture_without_punctuation_is_a_heading() -> None:
    doc = normalise(OPENING)
    assert isinstance(doc.body[0], Heading)
    assert doc.body[0].text == "Introduction"


def test_short_last_line_ending_a_sentence_ends_the_paragraph() -> None:
    doc = normalise(OPENING)
    assert [p.line for p in _paragraphs(doc)] == [2, 7]


def test_space_at_the_start_of_a_line_marks_a_page_not_a_paragraph() -> None:
    doc = normalise(OPENING)
    breaks = [n for n in _paragraphs(doc)[1].inlines if isinstance(n, PageBreak)]
    assert [(b.label, b.raw, b.line) for b in breaks] == [(None, "", 17)]


def test_numbers_of_the_prose_are_not_references() -> None:
    raw = (
        "Chinese leaders believed that this should be their unshakable principle. 1\n"
        "Especially after the 7 May victory at Dien Bien Phu, where\n"
        "16,000 French troops were wiped out, they asked for $10 million. At Soviet initiative,\n"
        "the conference declared on 19 February that a conference would be held. 2 Mao\n"
        "told Ho Chi Minh on 2\n"
        "November 1960 that it was correct.\n"
    )
    doc = normalise(raw)
    refs = [n for p in _paragraphs(doc) for n in p.inlines if isinstance(n, NoteRef)]
    assert [r.raw.strip() for r in refs] == ["1", "2"]
    assert "on 2 November 1960" in _text(_paragraphs(doc)[-1].inlines)


def test_note_continued_on_the_next_page_is_joined_to_its_note() -> None:
    raw = (
        "scholars have written about China and the war. 1 In fact, Mao occupied a\n"
        "1\n\nIn their writings, scholars have used the Editorial Team, ed., Zhongguo junshi\n"
        " central and unique position in the formation of China’s foreign policy. 2\n"
        "\n"
        "douzheng shishi [Historical Facts], (Beijing: Jiefangjun chubanshe, 1990).\n"
        "2\nMao’s concluding speech at the CCP’s Seventh Congress 31, May 1945.\n"
        " Because of its advocacy of using armed struggle to seize power.\n"
    )
    doc = normalise(raw)
    assert doc.notes[0].text.endswith(
        "Zhongguo junshi douzheng shishi [Historical Facts], (Beijing: Jiefangjun chubanshe, 1990)."
    )
    assert doc.notes[1].text.startswith("Mao’s concluding speech")


def test_note_whose_number_alone_survives_is_absent_with_its_number() -> None:
    raw = (
        "you kill the robber and recover your money and car. 1 In other words, the SEATO\n"
        "1\n"
        " openly treated South Vietnam as its area. It was aimed at China. 2 SEATO was a blow.\n"
    )
    doc = normalise(raw)
    assert [(n.key, n.present, n.raw_label, n.inlines) for n in doc.notes] == [
        ("1", False, "1", ()),
        ("2", False, "", ()),
    ]
    assert len([b for b in doc.body if isinstance(b, Paragraph)]) == 1


def test_printed_page_number_after_the_notes_closes_its_page() -> None:
    raw = (
        " They even suspected that China wanted to control the DRV. As a result, the DRV\n"
        "moved closer to the Soviet Union. The Chinese did their utmost to oppose talks. 1\n"
        "They helped the DRV resist American air attack, build and repair railways, roads,\n"
        "\n1\n\nMao’s talk with the leaders of the Malayan Communist Party, 19 March 1965.\n"
        "\n33\n\n"
        "communication installations, defense works, and sweep mines off the coast.\n"
    )
    doc = normalise(raw)
    breaks = [n for p in _paragraphs(doc) for n in p.inlines if isinstance(n, PageBreak)]
    assert [(b.label, b.raw.strip(), b.inferred) for b in breaks] == [
        ("33", "33", False),
        ("34", "", True),
    ]
    assert "roads, communication installations" in _text(_paragraphs(doc)[-1].inlines)


def test_heading_split_over_two_lines_is_one_heading() -> None:
    raw = (
        "toward the Indochina conflict.\n\n"
        "From Supporting Wars Of Liberation in Indochina to Advocating Peace in\n"
        "Southeast Asia\n\n"
        "During the Chinese Civil War, the Chinese Communist Party sought power.\n"
    )
    doc = normalise(raw)
    headings = [b for b in doc.body if isinstance(b, Heading)]
    assert [(h.level, h.text) for h in headings] == [
        (1, "From Supporting Wars Of Liberation in Indochina to Advocating Peace in Southeast Asia")
    ]


def test_number_printed_after_its_note_text_gets_that_text() -> None:
    raw = (
        "it lured the DRV into the trap. 1 The Chinese did their utmost to oppose talks. 2 To\n"
        "\n1\n\nMao’s talk with the leaders of the Malayan Communist Party, 19 March 1965.\n"
        "See the Chinese government’s reply on 10 March 1965 to the Soviet government’s February\n"
        "16 proposal regarding the convening of an international conference on Indochina.\n"
        "2\n\n"
        " strengthen the VWP’s determination, Mao approved plans.\n"
    )
    doc = normalise(raw)
    assert (
        doc.notes[0].text
        == "Mao’s talk with the leaders of the Malayan Communist Party, 19 March 1965."
    )
    assert doc.notes[1].text.startswith("See the Chinese government’s reply")
    assert doc.notes[1].raw_label == "2"


def test_undefined_acronym_one_letter_from_a_defined_one_is_marked_sic() -> None:
    raw = (
        "the leaders of the Lao People’s Party (LPP) in October. The LPP and the LPP met.\n"
        "Some LLP leaders were put under house arrest.\n"
    )
    sics = normalise(raw).sics()
    assert [(s.text, s.comment) for s in sics] == [("LLP", "for LPP")]


# The whole witness ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Document:
    return normalise_witness(SEED.read_text(encoding="utf-8"), "pdf-text", display=str(SEED))


def test_seed_normalises_and_passes_the_conservation_check(seed: Document) -> None:
    assert len(list(seed.paragraphs())) > 50


def test_every_reference_from_1_to_77_is_linked_once_in_order(seed: Document) -> None:
    refs = [n for p in seed.paragraphs() for n in p.inlines if isinstance(n, NoteRef)]
    assert [r.key for r in refs] == [str(n) for n in range(1, 78)]


def test_every_note_exists_in_order(seed: Document) -> None:
    assert [n.key for n in seed.notes] == [str(n) for n in range(1, 78)]


def test_notes_whose_text_survives(seed: Document) -> None:
    present = [int(n.key) for n in seed.notes if n.present]
    assert present == [*range(1, 16), 58, 59, 72]
    kept_number = [int(n.key) for n in seed.notes if not n.present and n.raw_label]
    assert kept_number == [17, 21, 30, 31, 45]
    assert all(not n.inlines for n in seed.notes if not n.present)


def test_note_continued_across_a_page_break_is_complete(seed: Document) -> None:
    note = _note(seed, "4")
    assert "yuanYue kangFa douzheng shishi [Historical Facts" in note.text
    assert note.text.endswith(
        "draws directly on the recently available Chinese archival materials."
    )


def test_notes_keep_romanised_titles_and_repair_split_words(seed: Document) -> None:
    assert "“ZhongSu guanxi yu Zhongguo de yuanYue kangMei”" in _note(seed, "3").text
    assert "yuanYue kangFa douzheng shishi" in _note(seed, "10").text


def test_names_split_by_a_page_break_come_out_whole(seed: Document) -> None:
    body = " ".join(_text(p.inlines) for p in seed.paragraphs())
    assert "While Zhou Enlai, together with Ho Chi Minh and other Vietnamese leaders" in body
    assert "During the Geneva Conference in 1954, Zhou Enlai had visited Burma" in body
    for note_text in (
        "Indochina was once a French colony",
        "Selected Works of Mao Zedong (Beijing",
    ):
        assert note_text not in body


def test_printed_page_numbers_are_footers_and_the_rest_inferred(seed: Document) -> None:
    breaks = seed.page_breaks()
    numbered = [(b.label, b.raw.strip()) for b in breaks if b.raw]
    assert numbered == [("33", "33"), ("40", "40")]
    labels = [b.label for b in breaks]
    assert labels == [str(n) for n in range(2, 45)]
    assert all(b.inferred for b in breaks if not b.raw)


def test_headings_and_the_four_stages_of_the_conclusion(seed: Document) -> None:
    headings = [b.text for b in seed.body if isinstance(b, Heading)]
    assert headings[0] == "Introduction" and headings[-1] == "Conclusion"
    assert len(headings) == 5
    assert all(b.level == 1 for b in seed.body if isinstance(b, Heading))
    index = next(
        i for i, b in enumerate(seed.body) if isinstance(b, Heading) and b.text == "Conclusion"
    )
    conclusion = [_text(b.inlines) for b in seed.body[index + 1 :] if isinstance(b, Paragraph)]
    assert conclusion[0].startswith("The evolution of Mao’s attitude")
    assert conclusion[0].endswith("supported ending the war in Vietnam.")
    openings = [
        "During the first stage,",
        "In 1954, Mao changed",
        "What turned Mao",
        "What caused Mao",
    ]
    assert [c.split(" ")[0] for c in conclusion[1:5]] == [o.split(" ")[0] for o in openings]
    assert all(c.startswith(o) for c, o in zip(conclusion[1:5], openings, strict=True))
    assert "Pressured by the international isolation" in conclusion[4]
    assert conclusion[5].startswith("In conclusion,")


def test_repairs_are_recorded_by_rule(seed: Document) -> None:
    by_rule: dict[str, set[str]] = {}
    for e in seed.emendations():
        by_rule.setdefault(e.rule, set()).add(f"{e.raw}>{e.printed}")
    assert {"serio us>serious", "Zho u>Zhou", "tha t>that"} <= by_rule["stray-space"]
    assert {"FrancoVietminh>Franco-Vietminh", "SinoSoviet>Sino-Soviet"} <= by_rule["lost-hyphen"]
    assert "Marxism- Leninism>Marxism-Leninism" in by_rule["space-hyphen"]
    assert by_rule["doubled-quote"] == {"‘‘>“"}
    assert all(isinstance(e, Emendation) and e.line > 0 for e in seed.emendations())


def test_slips_of_the_original_are_marked_not_corrected(seed: Document) -> None:
    sics = {(s.text, s.comment) for s in seed.sics()}
    assert ("LLP", "for LPP") in sics
    assert all(isinstance(s, Sic) for s in seed.sics())


def test_editorial_notes_explain_pages_and_lost_notes(seed: Document) -> None:
    titles = [e.title for e in seed.editorial_notes]
    assert "Printed page numbers" in titles
    assert "Notes whose text is not in the capture" in titles
    pages = next(e.text for e in seed.editorial_notes if e.title == "Printed page numbers")
    assert "footers" in pages and "974" in pages


def _note(doc: Document, key: str) -> Note:
    return next(n for n in doc.notes if n.key == key)


def test_reference_after_punctuation_leaves_a_single_space() -> None:
    paragraph = _paragraphs(normalise(OPENING))[0]
    assert "internal conflicts in Vietnam, Laos, and Cambodia" in paragraph.text


def test_page_labels_are_not_inferred_when_the_sequence_disagrees() -> None:
    raw = (
        "The Chinese did their utmost to oppose talks. 1 They helped the DRV resist attack,\n"
        "\n1\n\nMao’s talk with the leaders of the Malayan Communist Party, 19 March 1965.\n"
        "\n33\n\n"
        "communication installations, defense works, and sweep mines off the coast. Mao asked\n"
        " them to conclude the war at a proper time and produce results. 2 Mao told them so,\n"
        "2\n\nOn Mao’s war preparation in the wake of the border clash in 1969, see Yang Kuisong.\n"
        "\n40\n\n"
        "with the Americans. They said so.\n"
    )
    breaks = normalise(raw).page_breaks()
    assert [(b.label, b.raw.strip(), b.inferred) for b in breaks] == [
        ("33", "33", False),
        (None, "", False),
        ("40", "40", False),
        (None, "", False),
    ]


# Variants of the seed's layout with blocks set off by blank lines in the body: none is a
# block of notes, none may stop the build, and the rest of the reading text is unchanged.


def _insert(after: int, block: list[str]) -> str:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return "\n".join([*lines[:after], *block, *lines[after:]])


def _reading(raw: str) -> tuple[list[str], list[tuple[str, str]], Document]:
    doc = normalise_witness(raw, "pdf-text", display="variant")
    texts = [_text(p.inlines) for p in _paragraphs(doc)]
    return texts, [(n.label, _text(n.inlines)) for n in doc.notes], doc


@pytest.fixture(scope="module")
def original() -> tuple[list[str], list[tuple[str, str]], Document]:
    return _reading(SEED.read_text(encoding="utf-8"))


def test_epigraph_after_a_heading_is_its_own_paragraph_and_stops_nothing(
    original: tuple[list[str], list[tuple[str, str]], Document],
) -> None:
    epigraph = ["“To seize power by armed force is the central task.”", "—Mao Zedong, 1938", ""]
    texts, notes, doc = _reading(_insert(53, epigraph))
    assert notes == original[1]
    k = next(i for i, t in enumerate(texts) if t.startswith("During the Chinese Civil War"))
    # Set in a narrower measure, the epigraph and its attribution are one paragraph.
    assert texts[k - 1] == " ".join(epigraph).strip()
    assert texts[: k - 1] + texts[k:] == original[0]
    assert [u.line for u in doc.unclassified] == [54, 57]  # the epigraph, the text after it


def test_pull_quote_between_paragraphs_is_its_own_paragraph(
    original: tuple[list[str], list[tuple[str, str]], Document],
) -> None:
    quote = "“Aid to Vietnam was a duty of internationalism.”"
    texts, notes, doc = _reading(_insert(91, ["", quote, ""]))
    assert notes == original[1]
    k = texts.index(quote)
    assert texts[:k] + texts[k + 1 :] == original[0]
    assert 93 in [u.line for u in doc.unclassified]


def test_pull_quote_inside_a_sentence_is_printed_after_the_paragraph_it_interrupts(
    original: tuple[list[str], list[tuple[str, str]], Document],
) -> None:
    quote = "CCP leaders told other Asian Communist parties to take up arms."
    texts, notes, doc = _reading(_insert(99, ["", quote, ""]))
    assert notes == original[1]
    k = texts.index(quote)
    assert "But these moves did not dispel French hostility" in texts[k - 1]
    assert texts[:k] + texts[k + 1 :] == original[0]
    (found,) = doc.unclassified
    assert (found.line, found.text) == (101, quote)
    assert "inside a sentence" in found.why


def test_sidebar_of_several_lines_is_kept_as_text_not_taken_for_notes(
    original: tuple[list[str], list[tuple[str, str]], Document],
) -> None:
    sidebar = [
        "",
        "The Franco-Vietminh War",
        "The war lasted from 1946 to 1954 and ended at the Geneva Conference.",
        "It cost both sides dearly.",
        "",
    ]
    texts, notes, _ = _reading(_insert(100, sidebar))
    assert notes == original[1]
    joined = " ".join(sidebar[1:4])
    assert joined in texts  # one paragraph: its short lines are its measure, not paragraph ends
    rest = [t for t in texts if t != joined]
    assert rest == original[0]


def test_the_seed_has_no_unclassified_lines(
    original: tuple[list[str], list[tuple[str, str]], Document],
) -> None:
    assert original[2].unclassified == ()


def test_a_block_set_off_before_any_note_is_text_not_a_note_without_number() -> None:
    """Once the build stopped here: every blank line was taken for the start of the notes."""
    raw = OPENING.replace(
        "Scholars have investigated",
        "\n“Indochina is the soft underbelly of China.”\n\nScholars have investigated",
    )
    doc = normalise(raw)
    texts = [_text(p.inlines) for p in _paragraphs(doc)]
    assert "“Indochina is the soft underbelly of China.”" in texts
    assert [n.key for n in doc.notes] == ["1", "2"]
