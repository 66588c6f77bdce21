"""Recognising the furniture of a typescript: page numbers, contents, headings, banners."""

from __future__ import annotations

from scripts.normalise.shared.pages import next_label
from scripts.normalise.typescript import furniture as ts


def test_page_after_a_typed_number_keeps_its_numbering_style() -> None:
    assert next_label("17") == "18"
    assert next_label("V") == "VI"
    assert next_label("iv") == "v"


def test_contents_line_holding_several_entries_is_split_with_leaders_and_pages() -> None:
    line = (
        'II. NORTH VIETNAM AND "PEACEFUL COEXISTENCE": 1955-1957.......3 '
        "A. Intrabloc Relations.....3 1. South Vietnam.......7"
    )
    entries, rest = ts.parse_contents(line)
    assert [(e.text, e.page, e.level) for e in entries] == [
        ('II. NORTH VIETNAM AND "PEACEFUL COEXISTENCE": 1955-1957', "3", 1),
        ("A. Intrabloc Relations", "3", 2),
        ("1. South Vietnam", "7", 3),
    ]
    assert [e.leader for e in entries] == ["." * 7, "." * 5, "." * 7]
    assert rest == ""


def test_text_after_the_last_contents_entry_is_returned() -> None:
    entries, rest = ts.parse_contents(
        "C. North Vietnam and the Sino-Soviet Dispute.......31 "
        "NORTH VIETNAM AND SINO-SOVIET RELATIONS"
    )
    assert [e.page for e in entries] == ["31"]
    assert rest == "NORTH VIETNAM AND SINO-SOVIET RELATIONS"


def test_roman_section_in_capitals_is_level_one_and_letter_i_would_be_level_two() -> None:
    assert ts.heading_level("I. NORTH VIETNAM AT WAR: 1949-1954") == 1
    assert ts.heading_level("I. Intrabloc Relations") == 2
    assert ts.heading_level("B. Domestic Policy") == 2
    assert ts.heading_level("2. Laos") == 3
    assert ts.heading_level("SUMMARY") == 1


def test_short_numbered_line_is_a_heading_and_a_sentence_is_not() -> None:
    assert ts.looks_like_heading("C. Policy Toward South Vietnam and Laos")
    assert ts.looks_like_heading("SUMMARY")
    assert not ts.looks_like_heading("A. He said so.")
    assert not ts.looks_like_heading("The way for the South Vietnamese people to liberate")


def test_banners_at_the_start_are_split_only_with_a_security_banner() -> None:
    assert ts.split_leading_banners("SECRET [REDACTED] NORTH VIETNAM") == (
        ["SECRET", "[REDACTED]"],
        "NORTH VIETNAM",
    )
    assert ts.split_leading_banners("[REDACTED] the China Division") == (
        [],
        "[REDACTED] the China Division",
    )


def test_paragraph_cut_mid_sentence_is_open() -> None:
    assert ts.is_open("Of particular interest was the veiled")
    assert not ts.is_open('as "the closest friend of the DRV."')
    assert not ts.is_open("when he asserted:")
