"""The ESAU study's metadata validates and names what the document prints about itself."""

from __future__ import annotations

from pathlib import Path

from scripts.meta import load_meta
from scripts.normalise import NORMALISERS

META = Path(__file__).resolve().parents[2] / "sources" / "esau-17" / "meta.yml"


def test_metadata_validates_and_names_a_registered_normaliser() -> None:
    meta = load_meta(META, display="sources/esau-17/meta.yml")
    assert meta.slug == "esau-17" and meta.normaliser in NORMALISERS
    assert meta.issued == "1962-03-04" and meta.kind == "report"
    assert meta.people("author") == ["Philip L. Bridgham"]


def test_metadata_records_all_three_numbers_of_the_study() -> None:
    meta = load_meta(META, display="sources/esau-17/meta.yml")
    values = " ".join(p.value for p in meta.particulars)
    assert "esau-17" in values and "ESAU XVIII-62" in values
    assert meta.edition_note and "third in a series" in meta.edition_note
