"""The shared repair rules, each on small inputs taken from the texts."""

from __future__ import annotations

from scripts.rules import split_page_range, wrong_alphabet


def test_cyrillic_a_with_breve_becomes_latin_a_with_breve() -> None:
    assert wrong_alphabet("V\u04d1n") == "V\u0103n"


def test_all_cyrillic_word_is_left_alone() -> None:
    assert wrong_alphabet("правда") is None


def test_latin_word_needs_no_repair() -> None:
    assert wrong_alphabet("Văn") is None


def test_greek_omicron_inside_latin_word_is_repaired() -> None:
    assert wrong_alphabet("M\u03bfscow") == "Moscow"


def test_page_range_written_in_full_is_split() -> None:
    assert split_page_range("99100") == "99–100"


def test_page_range_with_unique_split_is_split() -> None:
    assert split_page_range("189220") == "189–220"


def test_abbreviated_page_range_is_split() -> None:
    assert split_page_range("21821") == "218–21"


def test_number_with_no_ascending_split_is_left_alone() -> None:
    assert split_page_range("9100") is None


def test_ambiguous_number_is_left_alone() -> None:
    # 1213 could be 12–13 or 121–3: the evidence is not certain, so nothing is changed.
    assert split_page_range("1213") is None
