"""The curated list of names printed family name first (``sources/works-names.yml``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.annotate.citation_resolve import surname
from scripts.errors import EditionError
from scripts.indexes.works_names import load_family_first


def test_the_curated_list_files_east_asian_names_under_their_first_word() -> None:
    family_first = load_family_first()
    assert surname("Lee Kuan Yew", family_first) == "Lee"
    assert surname("Qiang Zhai", family_first) == "Zhai"
    assert surname("Bui Tin", family_first) == "Bui"  # accents are ignored in matching


def test_an_unknown_field_is_reported_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "works-names.yml"
    bad.write_text("family_first:\n  - Lee Kuan Yew\nfamily_last: []\n", encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        load_family_first(bad, display="sources/works-names.yml")
    assert "sources/works-names.yml" in str(caught.value) and "3" in str(caught.value)
