"""The recognisers shared between layouts: banners and archive lines, typed page numbers and
their sequences, line-end hyphens decided by word evidence, the capture's wrapper."""

from __future__ import annotations

import pytest

from scripts.normalise.shared.banners import banner_word, classify_line, code_words
from scripts.normalise.shared.lines import Lexicon, dehyphenate, join_lines
from scripts.normalise.shared.pages import accept_sequences, typed_number
from scripts.normalise.typescript.wrapper import unwrap


@pytest.mark.parametrize(
    "line",
    [
        "SECRET",
        "TOP SECRET",
        "~SECREF",
        "-SECRET-",
        "TOP.SECRET",
        "SEGRET | }",
        "SECR ET",
        "CONFIDENTIAL",
        "NO FOREIGN DISSEM",
        "- CONTROLLED DISSEM",
        "No Foreign Dissem",
        "Secret",
        "SECRET NOFORN",
        "( TOP SECRET (—",
    ],
)
def test_banner_lines_are_recognised_with_ocr_slips(line: str) -> None:
    kind = classify_line(line)
    assert kind is not None and kind.category == "banner"


@pytest.mark.parametrize(
    "line",
    [
        "The secret police arrested him.",
        "Secret talks began in Paris",
        "TOP PRIORITY",
        "CONFIDENTIAL SOURCES SAY THE TALKS FAILED",
        "NO FOREIGN AID WAS GIVEN",
        "1963",
        "I",
    ],
)
def test_lines_with_running_text_are_never_banners(line: str) -> None:
    assert classify_line(line) is None


def test_a_word_two_letters_away_from_a_banner_word_is_not_one() -> None:
    assert banner_word("SECREF") == "SECRET"
    assert banner_word("SECTOR") is None
    assert banner_word("TOO") is None


def test_a_code_word_is_learnt_from_lines_where_it_stands_with_a_classification() -> None:
    lines = ["TOP SECRET RUBY", "text", "TOP SECRET RUBY", "( TOP SECRET RUBY", "RUBY"]
    codes = code_words(lines)
    assert codes == frozenset({"RUBY"})
    assert classify_line("RUBY", codes) is not None
    assert classify_line("RUBY", frozenset()) is None
    assert code_words(["TOP SECRET RUBY"] * 2) == frozenset()


def test_a_source_may_name_its_own_banner_words() -> None:
    assert code_words([], ["Umbra"]) == frozenset({"UMBRA"})


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("13-00000", "archive"),
        ("14-0000", "archive"),
        ("1400000,", "archive"),
        ("104-10192-10110)", "archive"),
        ("APPROVED FOR RELEASE DATE: MAY 2007", "stamp"),
        ("Approved For Release 2005/01/12 : CIA-RDP79T00472A000600020001-1", "stamp"),
        ("2025 RELEASE UNDER THE PRESIDENT'S RECORDS ACT OF 1992", "stamp"),
        ("RELEASED 12.3.1998", "stamp"),
    ],
)
def test_archive_lines_and_release_stamps_in_any_date_form(line: str, category: str) -> None:
    kind = classify_line(line)
    assert kind is not None and kind.category == category


def test_a_sentence_about_a_release_is_text() -> None:
    assert classify_line("The prisoners were released in 1954 after the talks.") is None


@pytest.mark.parametrize(
    ("line", "label", "strong"),
    [
        ("2", "2", False),
        ("- 2 -", "2", True),
        ("-2-", "2", True),
        ("Page 2", "2", True),
        ("PAGE 12", "12", True),
        ("— 7 —", "7", True),
        ("iv", "iv", False),
        ("- IV -", "IV", True),
        ("Page iii", "iii", True),
        ("-3-...", "3", True),
    ],
)
def test_typed_page_numbers_in_their_usual_forms(line: str, label: str, strong: bool) -> None:
    number = typed_number(line)
    assert number is not None and (number.label, number.strong) == (label, strong)


@pytest.mark.parametrize("line", ["4.", "1963", "a.", "Page", "I", "2 of them", "iiii"])
def test_other_lines_are_no_page_numbers(line: str) -> None:
    assert typed_number(line) is None


def test_a_source_pattern_reads_its_own_page_number_form() -> None:
    import re

    number = typed_number("[17]", re.compile(r"\[(\d+)\]"))
    assert number is not None and number.label == "17" and number.strong


def _numbers(*lines: tuple[int, str]) -> list[tuple[int, object]]:
    out = []
    for index, text in lines:
        number = typed_number(text)
        assert number is not None
        out.append((index, number))
    return out


def test_a_restart_is_a_second_sequence_with_labels_of_its_own() -> None:
    marks, _ = accept_sequences(
        _numbers((10, "- 2 -"), (60, "- 3 -"), (110, "- 1 -"), (160, "- 2 -"))  # type: ignore[arg-type]
    )
    assert [m.label for m in marks] == ["2", "3", "s2-1", "s2-2"]
    assert len({m.label for m in marks}) == len(marks)


def test_a_bare_number_needs_the_support_of_its_sequence() -> None:
    marks, _ = accept_sequences(
        _numbers((10, "Page 1"), (60, "2"), (70, "16"), (110, "3"), (500, "4"))  # type: ignore[arg-type]
    )
    assert [m.label for m in marks] == ["1", "2", "3"]


def test_bare_numbers_alone_form_a_sequence_when_they_follow_each_other() -> None:
    marks, _ = accept_sequences(_numbers((10, "2"), (60, "3"), (110, "4")))  # type: ignore[arg-type]
    assert [m.label for m in marks] == ["2", "3", "4"]
    lone, _ = accept_sequences(_numbers((10, "7")))  # type: ignore[arg-type]
    assert lone == []


def test_the_same_number_twice_on_a_page_is_one_page() -> None:
    marks, repeated = accept_sequences(_numbers((10, "- 2 -"), (12, "Page 2")))  # type: ignore[arg-type]
    assert [m.label for m in marks] == ["2"]
    assert repeated == [12]
    far, again = accept_sequences(_numbers((10, "- 2 -"), (900, "Page 2")))  # type: ignore[arg-type]
    assert [m.label for m in far] == ["2", "s2-2"] and again == []


def test_a_line_end_hyphen_is_joined_only_with_word_evidence() -> None:
    lex = Lexicon("signifi- cantly. The re-christened party. re- christened.")
    assert dehyphenate("signifi", "cantly", lex) == "significantly"
    assert dehyphenate("re", "christened", lex) == "re-christened"
    assert dehyphenate("xq", "zzv", lex) is None


def test_hard_wrapped_lines_are_joined_with_one_space() -> None:
    assert join_lines(["  The party ", "", "won. "]) == "The party won."


def test_the_capture_wrapper_is_removed_and_a_hash_inside_the_fence_is_text() -> None:
    raw = "# Document\n\n## Page 1\n\n```text\nSome text.\n#\n```\n"
    lines, removals, starts = unwrap(raw)
    assert [t for _, t in lines if t.strip()] == ["Some text.", "#"]
    assert [r.raw for r in removals] == ["# Document", "## Page 1", "```text", "```"]
    assert starts == {6}


def test_text_without_a_wrapper_is_left_whole() -> None:
    lines, removals, _ = unwrap("# A heading of the text\nA sentence.\n")
    assert removals == [] and len(lines) == 3


def test_page_labels_are_grouped_by_sequence_for_a_report() -> None:
    from scripts.normalise.shared.pages import sequences, split_label

    assert split_label("s2-7") == (2, "7") and split_label("iv") == (1, "iv")
    assert sequences(["i", "ii", "1", "2", "s2-1", "s2-2"]) == [["i", "ii"], ["1", "2"], ["1", "2"]]


def test_one_lexicon_serves_both_layouts_with_printed_words_and_compounds() -> None:
    lex = Lexicon("The Franco-Vietminh war; Marxism- Leninism and Sino-Soviet-Albanian ties. Hanoi")
    # the typescript's view: standalone words, lower-cased
    assert lex.words["hanoi"] == 1 and lex.words["franco"] == 0
    # the PDF's view: every run of letters as printed, and compounds of any length
    assert lex.occurs("Hanoi") and not lex.occurs("hanoi") and lex.occurs("Franco")
    assert lex.compounds["marxism-leninism"] == 1
    assert lex.compounds["sino-soviet-albanian"] == 1 and lex.compounds["franco-vietminh"] == 1
