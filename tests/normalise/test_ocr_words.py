"""Word-level OCR repairs of a typescript: each rule on a small passage of the CIA study."""

from __future__ import annotations

from scripts.normalise.shared.lines import Lexicon
from scripts.normalise.typescript.words import RULES, find_repairs, find_sics


def _repairs(text: str, context: str = "") -> list[tuple[str, str, str]]:
    """(raw, printed, rule) for each repair of ``text``; ``context`` is more of the witness."""
    lex = Lexicon(text + "\n" + context)
    return [(text[r.start : r.end], r.printed, r.rule) for r in find_repairs(text, lex)]


def test_hyphen_and_space_inside_a_word_are_removed() -> None:
    text = "In terms of the Communist dialectic, the Geneva Confer- ence of 1954 ushered in"
    assert _repairs(text) == [("Confer- ence", "Conference", "ocr-hyphen-space")]


def test_hyphen_and_space_between_a_compound_the_text_prints_keep_the_hyphen() -> None:
    text = "a broadly- based front"
    assert _repairs(text, "a broadly-based united front") == [
        ("broadly- based", "broadly-based", "ocr-hyphen-space")
    ]


def test_line_end_hyphen_kept_inside_a_word_is_removed() -> None:
    text = "a brand new concept of the road to socialist construc-tion."
    assert _repairs(text) == [("construc-tion", "construction", "ocr-line-hyphen")]


def test_real_compound_with_hyphen_is_left_alone() -> None:
    assert _repairs("enabled a technological break-through in agriculture") == []


def test_word_split_by_stray_space_is_rejoined() -> None:
    text = "a more comprehensive rationale for the DRV deci sion in 1958"
    assert _repairs(text) == [("deci sion", "decision", "ocr-stray-space")]


def test_two_real_words_that_could_form_one_are_not_joined() -> None:
    text = "to gain control over all Vietnam through military conquest, came to a head"
    assert _repairs(text) == []


def test_stray_space_in_a_word_the_text_uses_often_is_rejoined() -> None:
    context = " ".join(["throughout 1959"] * 12)
    text = "North Vietnam's domestic policy through out 1958 and 1959."
    assert _repairs(text, context) == [("through out", "throughout", "ocr-stray-space")]


def test_lost_line_end_hyphen_restored_where_the_text_prints_the_compound() -> None:
    text = "a member of the SinoSoviet Studies Group"
    context = "the Sino-Soviet relationship; the Sino-Soviet dispute"
    assert _repairs(text, context) == [("SinoSoviet", "Sino-Soviet", "lost-compound-hyphen")]


def test_compound_without_hyphenated_evidence_is_left_alone() -> None:
    assert _repairs("a member of the SinoSoviet Studies Group") == []


def test_restored_hyphen_must_give_the_form_as_printed_elsewhere() -> None:
    # The text prints Indo-China, never Indo-china: Indochina is not a lost hyphen.
    context = "the Indo-China Communist Party; the Indo-China War; the Indo-China Party"
    assert _repairs("peace in Indochina and the whole of Southeast Asia", context) == []


def test_prefix_glued_to_a_year_gets_its_hyphen() -> None:
    text = "it had become painfully clear by mid1955 that the authorities"
    assert _repairs(text) == [("mid1955", "mid-1955", "lost-prefix-hyphen")]


def test_two_years_run_together_become_a_range_with_an_en_dash() -> None:
    text = "the First Five Year Plan (19611965) and"
    assert _repairs(text) == [("19611965", "1961–1965", "lost-year-range-dash")]


def test_eight_digits_that_are_no_ascending_range_are_left_alone() -> None:
    assert _repairs("number 19651961 here") == []


def test_every_rule_name_is_described() -> None:
    text = (
        "the Confer- ence construc-tion deci sion mid1955 19601961 SinoSoviet "
        "and the Sino-Soviet dispute"
    )
    assert {rule for _, _, rule in _repairs(text)} <= set(RULES)
    assert all(RULES.values())


def _sics(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.intended) for m in find_sics(text, Lexicon(text))]


def test_typing_error_of_a_capitals_line_is_marked_with_the_intended_word() -> None:
    text = "THIS MATERIAL CONTAINS INFORMATION AFFECING THE NATIONAL DEFENSE"
    assert _sics(text) == [("AFFECING", "AFFECTING")]


def test_typing_error_in_lower_case_is_marked() -> None:
    text = "They continued to betray apprehension and resentiment over Khrushchev's prescriptions"
    assert _sics(text) == [("resentiment", "resentment")]


def test_names_and_rare_real_words_are_not_marked() -> None:
    text = "Premier Phoui's Civic Action; regroupment areas; remoulding society; Mao Tsetung"
    assert _sics(text) == []
