"""The person authority file is validated on load; every error names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.annotate.persons_schema import load_authority
from scripts.errors import EditionError

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
- id: le-duan
  name: Lê Duẩn
  variants: [Le Duan]
  short: [Duẩn]
  role: first secretary of the Vietnamese Workers' Party
  born: 1907-04-07
  died: 1986
  category: actor
  family: Lê
- id: mao-zedong
  name: Mao Zedong
  short: [Mao]
  role: chairman of the Chinese Communist Party
  category: actor
  family: Mao
"""


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "persons.yml"
    path.write_text(text, encoding="utf-8")
    return load_authority(path, display="sources/persons.yml")


def _error(tmp_path: Path, text: str) -> EditionError:
    with pytest.raises(EditionError) as caught:
        _load(tmp_path, text)
    return caught.value


def test_valid_file_loads_with_dates_as_text(tmp_path: Path) -> None:
    authority = _load(tmp_path, GOOD)
    le_duan = authority.by_id()["le-duan"]  # type: ignore[attr-defined]
    assert le_duan.born == "1907-04-07"
    assert le_duan.died == "1986"
    assert le_duan.years == "1907–1986"


def test_duplicate_id_names_file_and_line(tmp_path: Path) -> None:
    text = GOOD.replace("id: mao-zedong", "id: le-duan")
    error = _error(tmp_path, text)
    assert error.path == "sources/persons.yml"
    assert error.line == 10
    assert "duplicate id 'le-duan'" in error.message


def test_variant_claimed_by_two_persons_names_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("  short: [Mao]\n", "  variants: [Mao, Le Duan]\n")
    error = _error(tmp_path, text)
    assert error.line == 12
    assert "'Le Duan' is already a name or variant of 'le-duan'" in error.message


def test_variant_differing_only_in_diacritics_counts_as_the_same_claim(tmp_path: Path) -> None:
    text = GOOD.replace("  short: [Mao]\n", "  variants: [Lê Duan]\n")
    error = _error(tmp_path, text)
    assert "already a name or variant of 'le-duan'" in error.message


def test_unknown_field_names_its_line(tmp_path: Path) -> None:
    text = GOOD.replace(
        "  family: Lê\n- id: mao", "  family: Lê\n  nickname: Ba\n- id: mao"
    )
    error = _error(tmp_path, text)
    assert error.line == 10
    assert "nickname: unknown field" in error.message


def test_malformed_date_names_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("died: 1986", "died: 10 July 1986")
    error = _error(tmp_path, text)
    assert error.line == 7
    assert "not YYYY" in error.message


def test_impossible_month_is_a_malformed_date(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD.replace("born: 1907-04-07", "born: '1907-13-07'"))
    assert error.line == 6


def test_id_must_be_an_ascii_slug(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD.replace("id: le-duan", "id: Lê-Duẩn"))
    assert error.line == 1
    assert "ASCII slug" in error.message


def test_short_form_may_not_be_another_persons_full_name(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD.replace("short: [Mao]", "short: [Le Duan]"))
    assert error.line == 12


def test_committed_authority_file_is_valid() -> None:
    authority = load_authority(ROOT / "sources" / "persons.yml", display="sources/persons.yml")
    assert len(authority.persons) > 50


def test_family_name_is_required_for_every_person(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD.replace("  family: Mao\n", ""))
    assert error.line == 10
    assert "family" in error.message


def test_family_name_must_be_the_first_or_last_words_of_the_name(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD.replace("family: Mao", "family: Zedong Mao"))
    assert error.line == 15
    assert "not part of the name" in error.message or "neither the first" in error.message


def test_name_without_a_family_name_is_written_as_tilde(tmp_path: Path) -> None:
    authority = _load(tmp_path, GOOD.replace("family: Mao", "family: ~"))
    mao = authority.by_id()["mao-zedong"]  # type: ignore[attr-defined]
    assert mao.parts.family is None and mao.parts.csl() == {"literal": "Mao Zedong"}


def test_committed_authority_gives_east_asian_names_family_first() -> None:
    persons = load_authority(ROOT / "sources" / "persons.yml").by_id()
    assert persons["zhou-enlai"].parts.csl() == {"family": "Zhou", "given": "Enlai"}
    assert persons["qiang-zhai"].parts.csl() == {"family": "Zhai", "given": "Qiang"}
    assert persons["yang-kuisong"].parts.inverted == "Yang, Kuisong"
