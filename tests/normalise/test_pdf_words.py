"""Word repairs of the PDF extraction: each rule on a small input taken from the working paper."""

from __future__ import annotations

from scripts.normalise.english import Repair
from scripts.normalise.pdf_words import RULES, find_repairs, stray_space
from scripts.normalise.shared.lines import Lexicon

WITNESS = (
    "the Franco-Vietminh war broke out\nthe Sino-Soviet dispute\nthe Vietnamese and "
    "Czechoslovakia\nyuanYue kangFa douzheng shishi\nnon-aligned countries\n"
)


def _repairs(text: str, *, at_join: bool = False, witness: str = WITNESS) -> list[Repair]:
    return find_repairs(
        text,
        Lexicon(witness + text),
        same_line=lambda a, b: True,
        at_join=lambda a, b: at_join,
    )


def _printed(text: str, **kwargs: object) -> list[tuple[str, str, str]]:
    return [(text[r.start : r.end], r.printed, r.rule) for r in _repairs(text, **kwargs)]  # type: ignore[arg-type]


def test_word_split_by_stray_space_is_rejoined() -> None:
    assert _printed("as a serio us threat to their") == [("serio us", "serious", "stray-space")]


def test_short_pieces_of_common_words_are_rejoined() -> None:
    text = "produce mo re Soviet Unions; look fo r evidence; if he believed tha t his"
    assert [p for _, p, _ in _printed(text)] == ["more", "for", "that"]


def test_two_real_words_side_by_side_are_not_joined() -> None:
    assert _printed("then went on to Moscow to meet with Stalin") == []


def test_capitalised_second_word_is_never_joined() -> None:
    witness = WITNESS + "the Vietminh and the Vietminh\n"
    assert _printed("the Vietnamese Communist Party (Viet Minh) under", witness=witness) == []


def test_piece_of_a_romanised_title_is_rejoined_from_the_witness_vocabulary() -> None:
    text = "Zhongguo junshi guwentuan yuanYue k angFa douzheng shishi"
    assert _printed(text) == [("k angFa", "kangFa", "stray-space")]


def test_stray_space_never_joins_across_a_line_break() -> None:
    repairs = find_repairs(
        "a serio us threat",
        Lexicon(WITNESS),
        same_line=lambda a, b: False,
        at_join=lambda a, b: False,
    )
    assert repairs == []


def test_stray_space_decision_uses_frequency_evidence() -> None:
    evidence = Lexicon("")
    assert stray_space("deplo", "yed", evidence) == "deployed"
    assert stray_space("in", "to", evidence) is None


def test_lost_hyphen_restored_where_the_witness_prints_the_hyphenated_form() -> None:
    text = "But when the FrancoVietminh War broke out"
    assert _printed(text, at_join=True) == [("FrancoVietminh", "Franco-Vietminh", "lost-hyphen")]


def test_closed_compound_not_at_a_line_join_is_the_authors_spelling() -> None:
    assert _printed("the April 1955 Bandung Conference that founded the nonaligned movement") == []


def test_two_capitalised_words_run_together_at_a_join_are_hyphenated() -> None:
    text = "Mao complained that the joint VietnameseCzechoslovakian declaration"
    assert _printed(text, at_join=True) == [
        ("VietnameseCzechoslovakian", "Vietnamese-Czechoslovakian", "lost-hyphen")
    ]


def test_romanised_chinese_title_is_not_split_even_at_a_join() -> None:
    assert (
        _printed("Li Danhui, “ZhongSu guanxi yu Zhongguo de yuanYue kangMei”", at_join=True) == []
    )


def test_space_after_a_hyphen_is_closed_up() -> None:
    assert _printed("a revolutionary principle of Marxism- Leninism, and it") == [
        ("Marxism- Leninism", "Marxism-Leninism", "space-hyphen")
    ]


def test_suspended_hyphen_before_and_is_kept() -> None:
    assert _printed("both pre- and post-war policy") == []


def test_doubled_single_opening_quote_becomes_a_double_quote() -> None:
    assert _printed("believed that a ‘‘world revolution” was in progress") == [
        ("‘‘", "“", "doubled-quote")
    ]


def test_every_rule_used_is_described() -> None:
    text = "a serio us threat, Marxism- Leninism, ‘‘world revolution”, the SinoSoviet dispute"
    assert {r.rule for r in _repairs(text, at_join=True)} <= set(RULES)
    assert len({r.rule for r in _repairs(text, at_join=True)}) == 4
