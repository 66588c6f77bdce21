"""The editor's audit lists name-like words that match no person of the authority."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.annotate.persons_audit import audit, main_audit
from scripts.model import Document
from scripts.sources import Source
from tests.annotate.persons_helpers import authority, document, person
from tests.factories import source_of

AUTHORITY = authority(person("le-duan", "Lê Duẩn", variants=("Le Duan",)))


def _source(slug: str, doc: Document) -> Source:
    return source_of(slug, doc)


def test_unknown_name_is_listed_with_count_and_first_place() -> None:
    doc = document(
        "In June 1975, Lê Duẩn met Phan Hiền in Hanoi.",
        "Later Phan Hiền and Le Duan met Cyrus Vance.",
    )
    assert audit([_source("cam", doc)], AUTHORITY) == [
        "Phan Hiền\t2\tcam#p1",
        "Cyrus Vance\t1\tcam#p2",
    ]


def test_common_words_months_places_and_acronyms_are_not_listed() -> None:
    doc = document(
        "Although the ASEAN states met in Bangkok in January, the Chinese Communist Party"
        " said nothing. The talks, although brief, mattered.",
    )
    assert audit([_source("cam", doc)], AUTHORITY) == []


def test_capitalised_word_also_used_in_lower_case_is_not_a_name() -> None:
    doc = document("He met the Minister Zbigniew Brzezinski. The minister left.")
    assert audit([_source("cam", doc)], AUTHORITY) == ["Zbigniew Brzezinski\t1\tcam#p1"]


def test_notes_are_not_audited() -> None:
    doc = document("Lê Duẩn spoke.", notes=("Nayan Chanda, Brother Enemy (New York, 1986).",))
    assert audit([_source("cam", doc)], AUTHORITY) == []


def test_main_audit_reports_a_broken_authority_file(tmp_path: Path, capsys: object) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "persons.yml").write_text("- id: x\n  nam: X\n", encoding="utf-8")
    assert main_audit(tmp_path) == 2


def test_main_audit_prints_the_list_for_the_project(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[2]
    assert main_audit(root) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("match no person in sources/persons.yml")
    assert all(line.count("\t") == 2 for line in out[:-1])
