"""Resolving short forms and Ibid., and merging a work cited twice: real notes of the sources."""

from __future__ import annotations

import itertools
from pathlib import Path

from scripts.annotate.citation_resolve import (
    Bibliography,
    NoteText,
    resolve,
    titles_match,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"


def notes(slug: str) -> list[NoteText]:
    """The raw notes of a seed (quick extraction, ``tests/fixtures/extract_notes.py``)."""
    rows = (FIXTURES / f"notes-{slug}.tsv").read_text(encoding="utf-8").splitlines()
    out = []
    for i, row in enumerate(rows, start=1):
        label, text = row.split("\t")
        out.append(NoteText(label, label if label.isdigit() else f"s{i}", text))
    return out


def everything() -> Bibliography:
    return resolve(
        [(slug, notes(slug)) for slug in ("third-indochina-war", "mao-indochina-war", "esau-17")]
    )


def cited(bib: Bibliography, work_id: str) -> list[tuple[str, str, str]]:
    return [(c.source, c.label, c.form) for c in bib.work(work_id).cited]


def test_short_forms_resolve_to_the_full_citation_earlier_in_the_source() -> None:
    bib = everything()
    assert cited(bib, "w-chanda-brother-enemy") == [
        ("third-indochina-war", "17", "full"),
        ("third-indochina-war", "24", "short"),
        ("third-indochina-war", "26", "short"),
        ("third-indochina-war", "45", "full"),
    ]
    assert ("third-indochina-war", "22", "short") in cited(
        bib, "w-hurst-carter-administration-and-vietnam"
    )
    assert ("third-indochina-war", "49", "short") in cited(bib, "w-kissinger-on-china")


def test_short_form_with_a_quoted_title_resolves() -> None:
    """``Chanda, “Vietnam’s Invasion of Cambodia, Revisited.”`` (note 57) → note 36."""
    bib = everything()
    assert cited(bib, "w-chanda-vietnam-s-invasion-of") == [
        ("third-indochina-war", "36", "full"),
        ("third-indochina-war", "57", "short"),
    ]


def test_ampersand_short_title_and_other_source_are_one_work() -> None:
    """``Qiang Zhai, China & the Vietnam Wars`` and both full citations are one entry."""
    bib = everything()
    assert cited(bib, "w-zhai-china-and-vietnam-wars") == [
        ("third-indochina-war", "11", "full"),
        ("third-indochina-war", "24", "short"),
        ("mao-indochina-war", "3", "full"),
    ]


def test_the_same_collection_cited_in_two_sources_is_one_work() -> None:
    bib = everything()
    sources = {c.source for c in bib.work("w-westad-77-conversations-between-chinese").cited}
    assert sources == {"third-indochina-war", "mao-indochina-war"}


def test_ibid_is_the_previous_note_s_last_citation() -> None:
    bib = everything()
    assert cited(bib, "w-radchenko-unwanted-visionaries") == [
        ("third-indochina-war", "54", "full"),
        ("third-indochina-war", "55", "ibid"),
    ]


def test_in_ibid_after_cables_is_the_book_of_the_previous_note() -> None:
    """CWIHP note 8: ``Mao’s cables …, in ibid.`` means the book of note 7, not a cable."""
    bib = everything()
    book = next(w for w in bib.works if w.citation.title == "Jianguo yilai Liu Shaoqi wengao")
    assert [(c.label, c.form) for c in book.cited] == [("7", "full"), ("8", "ibid")]
    cable = next(w for w in bib.works if w.citation.title == "Mao’s cables to Liu Shaoqi")
    assert cable.citation.container == "Jianguo yilai Liu Shaoqi wengao"


def test_ibid_within_a_note_is_the_citation_before_it() -> None:
    """Cambridge note 45: the speech ``in ibid.`` is in the book cited first in that note."""
    bib = everything()
    book = next(w for w in bib.works if w.citation.title.startswith("Malaysia: International"))
    assert [(c.label, c.form, c.pages) for c in book.cited] == [
        ("45", "full", "297"),
        ("45", "ibid", "311–21"),
    ]


def test_short_form_whose_full_citation_is_not_in_the_source_stays_unresolved() -> None:
    """CWIHP notes 58 and 72 cite works in full in notes the capture lost."""
    bib = everything()
    unresolved = [
        (r.source, r.note.label, r.citation.authors) for r in bib.references if not r.work
    ]
    assert unresolved == [
        ("mao-indochina-war", "58", ("Wang",)),
        ("mao-indochina-war", "72", ("Yang Kuisong",)),
    ]


def test_short_form_is_not_resolved_from_another_source() -> None:
    full = NoteText("1", "1", "Henry Kissinger, On China (New York, 2011), 352–3.")
    short = NoteText("2", "2", "Kissinger, On China, 373.")
    bib = resolve([("a", [full]), ("b", [short])])
    assert [r.work for r in bib.references] == ["w-kissinger-on-china", None]


def test_ibid_after_a_note_without_citation_stays_unresolved() -> None:
    bib = resolve(
        [
            (
                "a",
                [
                    NoteText(
                        "52", "52", "Sergey Radchenko, Unwanted Visionaries (New York, 2014), 136."
                    ),
                    NoteText("53", "53", "The CGDK led by Sihanouk was cobbled together by ASEAN."),
                    NoteText("55", "55", "Ibid., 139. He retired in 1986."),
                ],
            )
        ]
    )
    ibid = bib.references[-1]
    assert ibid.work is None and "cites nothing" in ibid.reason


def test_short_form_matching_two_works_of_one_author_stays_unresolved() -> None:
    bib = resolve(
        [
            (
                "a",
                [
                    NoteText(
                        "1",
                        "1",
                        "Stephen J. Morris, Why Vietnam Invaded Cambodia: Political "
                        "Culture and the Causes of War (Stanford, 1999), 181.",
                    ),
                    NoteText(
                        "2", "2", "Stephen J. Morris, Why Vietnam Invaded Laos (Stanford, 2001), 3."
                    ),
                    NoteText("3", "3", "Morris, Why Vietnam Invaded, 215–17."),
                ],
            )
        ]
    )
    last = bib.references[-1]
    assert last.work is None and "more than one" in last.reason


def test_titles_match_prefixes_subsets_and_stray_spaces() -> None:
    assert titles_match(
        "Carter Administration and Vietnam", "The Carter Administration and Vietnam"
    )
    assert titles_match("China & the Vietnam Wars", "China and the Vietnam Wars, 1950–1975")
    assert titles_match(
        "Zhongguo junshi guwentuan yuanYue k angFa douzheng shishi",
        "Zhongguo junshi guwentuan yuanYue kangFa douzheng shishi",
    )
    assert not titles_match("On China", "Deng Xiaoping and the Transformation of China")


def test_ibid_after_a_lost_note_stays_unresolved_and_says_why() -> None:
    bib = resolve(
        [
            (
                "a",
                [
                    NoteText(
                        "15", "15", "Sergey Radchenko, Unwanted Visionaries (New York, 2014), 136."
                    ),
                    NoteText("16", "16", "", present=False),
                    NoteText("17", "17", "Ibid., 139."),
                    NoteText("18", "18", "Yang Kuisong, Zouxiang polie, chap. 18."),
                ],
            )
        ]
    )
    ibid, short = bib.references[1:]
    assert ibid.work is None and "lost" in ibid.reason
    assert short.work is None and "notes 16" in short.reason


def test_every_note_of_the_seeds_reads_into_disjoint_citations_inside_the_note() -> None:
    from scripts.annotate.citations import note_citations

    for slug in ("third-indochina-war", "mao-indochina-war", "esau-17"):
        for note in notes(slug):
            found = note_citations(note.text)
            for citation in found:
                assert 0 <= citation.start < citation.end <= len(note.text)
                assert note.text[citation.start : citation.end] == citation.text
            for before, after in itertools.pairwise(found):
                assert before.end <= after.start
