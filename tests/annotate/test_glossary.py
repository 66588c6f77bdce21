"""The glossary of abbreviations: its schema, and how terms are found in the reading texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.annotate.glossary import (
    _ADDRESS,
    Matcher,
    _may_hold_address,
    abbr_spans,
    definitions,
    occurrences,
)
from scripts.annotate.glossary_schema import GlossaryEntry, load_glossary
from scripts.assemble import assemble
from scripts.errors import EditionError
from scripts.indexes.glossary import DISPLAY, GLOSSARY
from scripts.model import Document, Figure, Heading, Note, NoteRef, Paragraph, ParagraphKind, Text
from scripts.sources import load_sources

ENTRY = """\
  - term: CCP
    expansion: Chinese Communist Party
    expanded_in_sources: true
"""


def _load(tmp_path: Path, body: str) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(body, encoding="utf-8")
    load_glossary(path, display="sources/glossary.yml")


def _entry(term: str, expansion: str, **extra: object) -> GlossaryEntry:
    return GlossaryEntry(term=term, expansion=expansion, expanded_in_sources=False, **extra)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def real() -> tuple[GlossaryEntry, ...]:
    return load_glossary(GLOSSARY, display=DISPLAY).terms


def _found(entries: tuple[GlossaryEntry, ...], text: str) -> list[str]:
    return [text[start:end] for start, end, _, _ in Matcher(entries).find(text)]


# --- schema -----------------------------------------------------------------------------


def test_duplicate_term_is_an_error_at_the_line_of_the_second(tmp_path: Path) -> None:
    with pytest.raises(EditionError) as err:
        _load(tmp_path, "terms:\n" + ENTRY + ENTRY)
    assert err.value.path == "sources/glossary.yml"
    assert err.value.line == 5
    assert "duplicate term 'CCP' (first on line 2)" in str(err.value)


def test_a_variant_that_repeats_another_term_is_a_duplicate(tmp_path: Path) -> None:
    body = (
        "terms:\n"
        + ENTRY
        + (
            "  - term: CPC\n    expansion: Communist Party of China\n"
            "    expanded_in_sources: false\n    variants: [CCP]\n"
        )
    )
    with pytest.raises(EditionError, match="duplicate term 'CCP'") as err:
        _load(tmp_path, body)
    assert err.value.line == 5


def test_unknown_field_is_an_error_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(EditionError) as err:
        _load(tmp_path, "terms:\n" + ENTRY + "    expanded: yes\n")
    assert (err.value.path, err.value.line) == ("sources/glossary.yml", 5)
    assert "unknown field" in err.value.message


def test_missing_expansion_flag_is_an_error_at_the_entry(tmp_path: Path) -> None:
    with pytest.raises(EditionError) as err:
        _load(tmp_path, "terms:\n  - term: CCP\n    expansion: Chinese Communist Party\n")
    assert err.value.line == 2
    assert "expanded_in_sources" in err.value.message


def test_broken_yaml_is_an_error_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(EditionError) as err:
        _load(tmp_path, "terms:\n" + ENTRY + "  - term: [US\n    expansion: x\n")
    assert err.value.path == "sources/glossary.yml"
    assert err.value.line is not None and err.value.line >= 5
    assert "invalid YAML" in err.value.message


def test_a_term_that_is_a_roman_numeral_needs_a_context(tmp_path: Path) -> None:
    body = (
        "terms:\n"
        + ENTRY
        + ("  - term: CC\n    expansion: Central Committee\n    expanded_in_sources: false\n")
    )
    with pytest.raises(EditionError, match="Roman numeral") as err:
        _load(tmp_path, body)
    assert err.value.line == 5


def test_a_broken_context_pattern_is_an_error_at_its_line(tmp_path: Path) -> None:
    body = "terms:\n" + ENTRY + "    preceded_by: '(unclosed'\n"
    with pytest.raises(EditionError, match="regular expression") as err:
        _load(tmp_path, body)
    assert err.value.line == 5


def test_the_curated_glossary_loads_in_alphabetical_order(real: tuple[GlossaryEntry, ...]) -> None:
    terms = [e.term for e in real]
    assert len(terms) > 40
    assert terms == sorted(terms, key=str.casefold)


# --- matching ---------------------------------------------------------------------------


def test_a_term_matches_only_as_a_whole_token(real: tuple[GlossaryEntry, ...]) -> None:
    text = "the USSR, the SinoDRV friendship and US aid to the DRV"
    assert _found(real, text) == ["USSR", "US", "DRV"]


def test_possessives_and_hyphenated_compounds_are_occurrences(
    real: tuple[GlossaryEntry, ...],
) -> None:
    text = "the People’s Army of Vietnam’s (PAVN’s) 308th Division and Sino-US rapprochement"
    assert _found(real, text) == ["PAVN", "US"]


def test_matching_is_case_sensitive_so_the_pronoun_is_not_the_country(
    real: tuple[GlossaryEntry, ...],
) -> None:
    text = "“in my view, my revision was beneficial to both you and us.” Us, Us."
    assert _found(real, text) == []


def test_a_variant_is_marked_with_the_terms_expansion(real: tuple[GlossaryEntry, ...]) -> None:
    found = Matcher(real).find(
        "On 29 March and 5 April, U.S. Secretary of State John Foster Dulles"
    )
    assert [(form, entry.expansion) for _, _, entry, form in found] == [("U.S.", "United States")]


def test_nothing_is_marked_inside_a_web_address(real: tuple[GlossaryEntry, ...]) -> None:
    text = (
        "See https://example.org/US/CCP/report.pdf and www.un.org/UN and www.UN.org and "
        "files.example.ch/DRV/GS20.pdf, but the DRV."
    )
    assert _found(real, text) == ["DRV"]


def test_roman_numerals_are_not_abbreviations(real: tuple[GlossaryEntry, ...]) -> None:
    text = "after World War II, in ESAU XVIII-62 and chapter IV, section CC, vol. MD"
    assert _found(real, text) == []


def test_cc_is_marked_only_as_the_central_committee_of_a_party(
    real: tuple[GlossaryEntry, ...],
) -> None:
    text = (
        "Mao sent a cable to the CCP CC, vice chairman of Communist Party of Burma (CPB) CC, "
        "who directed the CC’s daily work; table CC gives the figures."
    )
    found = [(text[s:e], entry.term) for s, e, entry, _ in Matcher(real).find(text)]
    assert [t for t, term in found if term == "CC"] == ["CC", "CC", "CC"]


def test_place_abbreviations_are_marked_only_after_a_place(real: tuple[GlossaryEntry, ...]) -> None:
    text = "(Washington, DC, May 1998); (Chapel Hill-NC: University of North Carolina Press); DC comics"
    assert _found(real, text) == ["DC", "NC"]


def test_us_in_a_passage_set_in_capitals_is_not_marked(real: tuple[GlossaryEntry, ...]) -> None:
    text = "THE NATIONAL DEFENSE OF US WITHIN THE MEANING OF THE ESPIONAGE LAWS, TITLE 18, USC, SECTIONS 793"
    assert _found(real, text) == ["USC"]
    assert _found(real, "the DRV-US Paris talks and the Vietnam–Soviet–US–China Relations") == [
        "DRV",
        "US",
        "US",
    ]


def test_a_context_pattern_of_the_entry_decides_where_it_is_marked() -> None:
    entry = _entry("MD", "Maryland", preceded_by=r"\w, ")
    assert _found((entry,), "Lanham, MD, 1997; MD 1500") == ["MD"]


# --- documents ---------------------------------------------------------------------------


def _document() -> Document:
    cgdk = Paragraph(
        (
            Text("the Coalition government of Democratic Kampuchea (CGDK)"),
            NoteRef("53", "53", "Footnote 53", 3),
            Text(" and the Vietnamese-installed PRK"),
        ),
        3,
    )
    return assemble(
        Document(
            front=(Paragraph((Text("ASEAN sources"),), 1, kind=ParagraphKind.FRONT),),
            body=(
                Heading(1, (Text("Vietnam–Soviet–US–China Relations, 1975–7"),), 2),
                cgdk,
                Figure(
                    (Text("Figure 15.1"),), (Text("Source: – / Staff / AFP / Getty Images."),), 4
                ),
            ),
            notes=(
                Note(
                    "53",
                    "53",
                    (Text("The CGDK led by Sihanouk was cobbled together by ASEAN."),),
                    9,
                ),
            ),
        )
    )


def test_occurrences_are_found_in_every_kind_of_run_in_reading_order(
    real: tuple[GlossaryEntry, ...],
) -> None:
    found = [(o.location, o.form) for o in occurrences(_document(), real)]
    heading = next(loc for loc, form in found if loc.startswith("h:"))
    assert found == [
        ("front1", "ASEAN"),
        (heading, "US"),
        ("p1", "CGDK"),
        ("p1", "PRK"),
        ("fn:53", "CGDK"),
        ("fn:53", "ASEAN"),
        ("figure1", "AFP"),
    ]


def test_span_offsets_count_the_printed_text_across_a_note_reference(
    real: tuple[GlossaryEntry, ...],
) -> None:
    doc = _document()
    spans = abbr_spans(occurrences(doc, real))["p1"]
    text = next(doc.paragraphs()).text
    assert [text[s.start : s.end] for s in spans] == ["CGDK", "PRK"]
    assert [s.kind for s in spans] == ["abbr", "abbr"]
    assert spans[1].title == "People’s Republic of Kampuchea"


def test_a_source_spells_a_term_out_before_or_after_it(real: tuple[GlossaryEntry, ...]) -> None:
    by_term = {e.term: e for e in real}
    doc = _document()
    assert definitions(doc, by_term["CGDK"]) == ["p1"]
    assert definitions(doc, by_term["PRK"]) == []
    note = Document(
        front=(),
        body=(),
        notes=(
            Note(
                "48",
                "48",
                (
                    Text(
                        "Notes of conversation between 1PS (the First Permanent Secretary) and Edith Lenart"
                    ),
                ),
                1,
            ),
            Note(
                "10",
                "10",
                (
                    Text(
                        "Cold War International History Project, Woodrow Wilson International Center for Scholars [hereafter CWIHP], Working Paper 22"
                    ),
                ),
                2,
            ),
        ),
    )
    assert definitions(note, by_term["1PS"]) == ["fn:48"]
    assert definitions(note, by_term["CWIHP"]) == ["fn:10"]


def test_a_possessive_spelling_out_counts(real: tuple[GlossaryEntry, ...]) -> None:
    pavn = next(e for e in real if e.term == "PAVN")
    text = (
        "The CCP also equipped and trained the People’s Army of Vietnam’s (PAVN’s) 308th Division"
    )
    doc = Document(front=(), body=(Paragraph((Text(text),), 1, n=1),), notes=())
    assert definitions(doc, pavn) == ["p1"]


def test_using_a_term_beside_other_words_is_not_spelling_it_out(
    real: tuple[GlossaryEntry, ...],
) -> None:
    by_term = {e.term: e for e in real}
    doc = Document(
        front=(),
        body=(Paragraph((Text("Within the CCP leadership (CCP) there was criticism."),), 1, n=1),),
        notes=(),
    )
    assert definitions(doc, by_term["CCP"]) == []


# --- the curated glossary against the real texts ----------------------------------------


def test_expanded_in_sources_agrees_with_the_texts(
    root: Path, real: tuple[GlossaryEntry, ...]
) -> None:
    """A term a source spells out is flagged; with every source present, a flag is backed."""
    sources = load_sources(root)
    spelled = {e.term for e in real for s in sources if definitions(s.document, e)}
    wrongly_unflagged = sorted(
        t for t in spelled if not next(e for e in real if e.term == t).expanded_in_sources
    )
    assert wrongly_unflagged == []
    if {s.meta.slug for s in sources} >= {"third-indochina-war", "mao-indochina-war", "esau-17"}:
        unbacked = sorted(e.term for e in real if e.expanded_in_sources and e.term not in spelled)
        assert unbacked == []
        unused = sorted(
            e.term for e in real if not any(occurrences(s.document, (e,)) for s in sources)
        )
        assert unused == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcXYZ019.-_+:#é ", max_size=60))
def test_a_text_without_slash_at_or_www_holds_no_address_so_its_scan_is_skipped(
    text: str,
) -> None:
    # The shortcut of Matcher.find is exact: no kind of address matches without them.
    assert not _may_hold_address(text)
    assert _ADDRESS.search(text) is None
