"""Finding persons in the reading texts: forms, possessives, breaks, and false friends."""

from __future__ import annotations

from scripts.annotate.fold import fold, fold_with_map
from scripts.annotate.persons import find_mentions
from scripts.model import Document, Emendation, NoteRef, PageBreak, Text
from tests.annotate.persons_helpers import authority, document, person

HO = person("ho-chi-minh", "Hồ Chí Minh", variants=("Ho Chi Minh",), short=("Hồ",))
MAO = person("mao-zedong", "Mao Zedong", variants=("Mao Tsetung",), short=("Mao",))
DENG = person("deng-xiaoping", "Deng Xiaoping", short=("Deng",))
DONG = person("pham-van-dong", "Phạm Văn Đồng", variants=("Pham Van Dong",))
STALIN = person("joseph-stalin", "Joseph Stalin", variants=("Stalin",))
LENIN = person("vladimir-lenin", "Vladimir Lenin", variants=("Lenin",))
ZHANG = person("xiaoming-zhang", "Xiaoming Zhang", category="scholar")
TIN = person("bui-tin", "Bùi Tín", category="scholar")
AUTHORITY = authority(HO, MAO, DENG, DONG, STALIN, LENIN, ZHANG, TIN)


def _found(*docs: Document) -> list[tuple[str, str, str, bool]]:
    found = find_mentions([(f"s{i}", d) for i, d in enumerate(docs)], AUTHORITY)
    return [(m.person, m.location, m.text, m.in_note) for m in found.mentions]


def _rules(doc: Document) -> list[tuple[str, str]]:
    found = find_mentions([("s", doc)], AUTHORITY)
    return [(f.text, f.rule) for f in found.false_friends]


def test_folding_strips_diacritics_dd_and_cyrillic_lookalikes() -> None:
    assert fold("Phạm Vӑn Đồng") == "Pham Van Dong"
    assert fold("Mao’s") == "Mao's"


def test_folded_offsets_lead_back_to_printed_characters() -> None:
    folded = fold_with_map("ﬁne Lê Duẩn")  # the ligature folds to two letters
    start = folded.text.index("Le Duan")
    assert folded.span(start, start + len("Le Duan")) == (4, 11)


def test_folded_offsets_are_the_same_with_one_letter_per_letter_or_not() -> None:
    # One folded letter per printed letter takes a shortcut; a ligature (two) or a lone
    # combining mark (none) takes the letter-by-letter way: both give the same map.
    for text in ("Phạm Vӑn Đồng’s", "ﬁne Phạm Vӑn Đồng’s", "e\u0301 Phạm Vӑn Đồng’s"):
        folded = fold_with_map(text)
        expected = [(i, c) for i, char in enumerate(text) for c in fold(char)]
        assert list(zip(folded.origin, folded.text, strict=True)) == expected


def test_diacritic_and_plain_forms_are_the_same_person() -> None:
    doc = document("Prime Minister Phạm Văn Đồng visited.", "Pham Van Dong replied.")
    assert [p for p, *_ in _found(doc)] == ["pham-van-dong", "pham-van-dong"]


def test_name_typed_with_a_cyrillic_letter_is_found_with_its_printed_form() -> None:
    doc = document("Prime Minister Phạm Vӑn Đồng’s visit")
    assert _found(doc) == [("pham-van-dong", "p1", "Phạm Vӑn Đồng", False)]


def test_possessives_are_mentions() -> None:
    doc = document("Mao’s theory and Mao's call; Stalin’s prodding.")
    assert [t for _, _, t, _ in _found(doc)] == ["Mao", "Mao", "Stalin"]


def test_older_romanisation_is_a_variant() -> None:
    doc = document("endorsed “Mao Tsetung's theory” as the source")
    assert _found(doc) == [("mao-zedong", "p1", "Mao Tsetung", False)]


def test_name_split_by_a_page_break_is_found_across_it() -> None:
    inlines = (Text("urged by Ho"), PageBreak("17", "- 17 -", 3), Text(" Chi Minh to sign."))
    found = find_mentions([("s", document(inlines))], AUTHORITY).mentions
    assert [(m.person, m.start, m.end, m.text) for m in found] == [
        ("ho-chi-minh", 9, 20, "Ho Chi Minh")
    ]


def test_city_named_after_a_person_is_not_a_mention() -> None:
    doc = document("a meeting in Hồ Chí Minh City chaired by Hồ Chí Minh; Ho Chi Minh City")
    assert _found(doc) == [("ho-chi-minh", "p1", "Hồ Chí Minh", False)]
    assert _rules(doc) == [("Hồ Chí Minh", "named-after"), ("Ho Chi Minh", "named-after")]


def test_doctrine_named_after_a_person_is_not_a_mention() -> None:
    doc = document("the study of Mao Zedong Thought spread")
    assert _found(doc) == []
    assert _rules(doc) == [("Mao Zedong", "named-after")]


def test_words_derived_from_names_are_not_mentions() -> None:
    doc = document(
        "the anti-Maoists, the Stalinist Truong Chinh, Marxism-Leninism, MarxismLeninism,"
        " Leninist dicta and deStalinization"
    )
    assert _found(doc) == []


def test_book_title_naming_its_subject_before_by_author_is_not_a_mention() -> None:
    doc = document(
        "Deng Xiaoping’s Long War: The Military Conflict between China and Vietnam 1979–1991"
        " by Xiaoming Zhang; and Deng Xiaoping decided."
    )
    assert _found(doc) == [
        ("xiaoming-zhang", "p1", "Xiaoming Zhang", False),
        ("deng-xiaoping", "p1", "Deng Xiaoping", False),
    ]
    assert _rules(doc) == [("Deng Xiaoping", "title-subject")]


def test_author_possessive_before_a_title_is_a_mention() -> None:
    doc = document("Mao’s Selected Works: A Guide; and Stalin’s Problems: Essays. Later by Stalin.")
    assert [t for _, _, t, _ in _found(doc)] == ["Mao", "Stalin", "Stalin"]


def test_title_word_before_a_name_after_a_comma_marks_a_title() -> None:
    doc = document("the following year he wrote", notes=("See Tín, Following Ho Chi Minh, 120–1.",))
    assert _found(doc) == []
    assert _rules(doc) == [("Ho Chi Minh", "title-subject")]


def test_honorific_before_a_name_after_a_comma_is_no_title() -> None:
    doc = document("In 1960, Comrade Mao Zedong and, Premier Pham Van Dong spoke; the premier")
    assert [p for p, *_ in _found(doc)] == ["mao-zedong", "pham-van-dong"]


def test_note_titles_between_author_and_publication_data_are_not_mentions() -> None:
    doc = document(
        notes=(
            "Ezra F. Vogel, Deng Xiaoping and the Transformation of China (Cambridge, 2011), 526.",
            "Zhang Xiaoming, “Deng Xiaoping and China’s Decision to Go to War,” Journal 12 (2010).",
            "Speeches and Writings by Deng Xiaoping (Beijing, 1995), 312.",
        )
    )
    found = find_mentions([("s", doc)], AUTHORITY)
    assert [(m.person, m.location, m.in_note) for m in found.mentions] == [
        ("deng-xiaoping", "fn:3", True)
    ]
    assert [f.location for f in found.false_friends] == ["fn:1", "fn:2"]


def test_note_mentions_are_kept_apart_from_body_mentions() -> None:
    doc = document("Mao Zedong spoke.", notes=("Mao Zedong’s speech, 31 May 1945.",))
    assert _found(doc) == [
        ("mao-zedong", "p1", "Mao Zedong", False),
        ("mao-zedong", "fn:1", "Mao Zedong", True),
    ]


def test_surnames_alone_are_not_matched_in_notes() -> None:
    doc = document("Deng Xiaoping spoke. Deng left.", notes=("Deng, Selected Works, 3.",))
    assert [(loc, t) for _, loc, t, _ in _found(doc)] == [("p1", "Deng Xiaoping"), ("p1", "Deng")]


def test_shared_surname_is_used_only_where_one_bearer_is_named_in_full() -> None:
    li = person("li-peng", "Li Peng", short=("Li",))
    li2 = person("li-xiannian", "Li Xiannian", short=("Li",))
    both = authority(li, li2)
    one = document("Li Peng arrived. Li spoke.")
    two = document("Li Peng and Li Xiannian arrived. Li spoke.")
    none = document("Li spoke.")
    found = find_mentions([("one", one), ("two", two), ("none", none)], both).mentions
    assert [(m.source, m.text) for m in found] == [
        ("one", "Li Peng"),
        ("one", "Li"),
        ("two", "Li Peng"),
        ("two", "Li Xiannian"),
    ]


def test_surname_of_a_single_person_is_used_even_without_a_full_mention() -> None:
    doc = document("Mao asked Ho not to fear; Ho Chi Minh agreed.")
    assert [(p, t) for p, _, t, _ in _found(doc)] == [
        ("mao-zedong", "Mao"),
        ("ho-chi-minh", "Ho"),
        ("ho-chi-minh", "Ho Chi Minh"),
    ]


def test_name_must_be_a_whole_word() -> None:
    doc = document("Hoang Van Hoan, Hoc Tap, Maoxian, Dengue fever")
    assert _found(doc) == []


def test_government_named_after_its_head_counts_as_a_mention() -> None:
    carter = person("jimmy-carter", "Jimmy Carter", short=("Carter",))
    hun_sen = person("hun-sen", "Hun Sen")
    sihanouk = person("norodom-sihanouk", "Norodom Sihanouk", variants=("Sihanouk",))
    found = find_mentions(
        [("s", document("The Carter administration waited; the Sihanouk–Hun Sen talks began."))],
        authority(carter, hun_sen, sihanouk),
    ).mentions
    assert [m.person for m in found] == ["jimmy-carter", "norodom-sihanouk", "hun-sen"]


def test_short_form_shared_by_two_persons_named_in_full_is_reported_ambiguous() -> None:
    li = person("li-peng", "Li Peng", short=("Li",))
    li2 = person("li-xiannian", "Li Xiannian", short=("Li",))
    doc = document("Li Peng and Li Xiannian arrived. Li spoke.")
    assert find_mentions([("s", doc)], authority(li, li2)).ambiguous == (("s", "Li"),)


def test_name_repaired_by_an_emendation_and_cut_by_a_note_reference_is_found() -> None:
    zhou = person("zhou-enlai", "Zhou Enlai")
    inlines = (
        Text("During the Geneva Conference in 1954, "),
        Emendation("Zho u", "Zhou", "stray-space", 12),
        Text(" Enlai"),
        NoteRef("5", "5", "5", 12),
        Text(" had visited Burma"),
    )
    found = find_mentions([("s", document(inlines))], authority(zhou)).mentions
    assert [(m.start, m.end, m.text) for m in found] == [(38, 48, "Zhou Enlai")]
