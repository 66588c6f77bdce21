"""The conservation check: a lost or invented word stops the build, naming the place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scripts import conserve
from scripts.errors import EditionError
from scripts.model import Document, Paragraph, Removal, Text
from scripts.sources import load_sources, normalise_witness
from tests.conftest import ROOT

SOURCES = load_sources(ROOT)


def _doc(*texts: str, removals: tuple[Removal, ...] = ()) -> Document:
    body = tuple(Paragraph((Text(t),), i + 1) for i, t in enumerate(texts))
    return Document(front=(), body=body, notes=(), removals=removals)


def test_document_that_keeps_every_word_is_conserved() -> None:
    assert conserve.check("One two.\nThree.", _doc("One two.", "Three.")) == []


def test_lost_word_is_reported_with_its_raw_line() -> None:
    (problem,) = conserve.check("One two.\nThree four.", _doc("One two.", "Three."))
    assert (problem.token, problem.missing, problem.line) == ("four", 1, 2)


def test_invented_word_is_reported_as_surplus() -> None:
    (problem,) = conserve.check("One.", _doc("One more."))
    assert (problem.token, problem.missing) == ("more", -1)


def test_recorded_removal_accounts_for_its_words() -> None:
    removal = Removal("SECRET", "banner", 2, "banner")
    assert conserve.check("One.\nSECRET", _doc("One.", removals=(removal,))) == []


def test_spacing_and_line_breaks_are_not_counted() -> None:
    assert conserve.check("One\ntwo  three", _doc("One two three")) == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.meta.slug)
def test_every_source_is_conserved(source: object) -> None:
    assert conserve.check(source.raw, source.document) == []  # type: ignore[attr-defined]


def test_normaliser_that_drops_text_fails_the_build_naming_file_and_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scripts import normalise

    def lossy(raw: str) -> Document:
        return _doc(raw.split("\n")[0])

    monkeypatch.setitem(normalise.NORMALISERS, "lossy", lossy)
    with pytest.raises(EditionError) as err:
        normalise_witness("First line.\nSecond line.", "lossy", display="sources/x/source.txt")
    assert str(err.value).startswith("sources/x/source.txt:2: conservation check failed")
    assert "'Second'" in str(err.value)


def test_front_matter_removal_keeps_conservation(tmp_path: Path) -> None:
    doc = replace(_doc("Body."), removals=(Removal("---\nid: x\n---", "front matter", 1),))
    assert conserve.check("---\nid: x\n---\nBody.", doc) == []
