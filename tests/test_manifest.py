"""The anchor manifest: published anchors never silently move."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from scripts import manifest
from scripts.assemble import assemble
from scripts.errors import EditionError
from scripts.model import Document, Paragraph, Text
from scripts.sources import load_sources
from tests.conftest import ROOT


def _doc(*texts: str) -> Document:
    body = tuple(Paragraph((Text(t),), i + 1) for i, t in enumerate(texts))
    return assemble(Document(front=(), body=body, notes=()))


def test_unchanged_document_passes_and_reports_no_new_anchor(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc("One.", "Two.")))
    assert manifest.verify(_doc("One.", "Two."), path, "anchors.tsv") == []


def test_inserted_paragraph_that_renumbers_fails_naming_the_anchor(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc("One.", "Two.")))
    with pytest.raises(EditionError) as err:
        manifest.verify(_doc("Zero.", "One.", "Two."), path, "anchors.tsv")
    assert "#p1" in str(err.value) and str(err.value).startswith("anchors.tsv:2:")


def test_retexted_paragraph_fails(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc("One.", "Two.")))
    with pytest.raises(EditionError, match="#p2 now points to different text"):
        manifest.verify(_doc("One.", "Two!"), path, "anchors.tsv")


def test_removed_paragraph_fails(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc("One.", "Two.")))
    with pytest.raises(EditionError, match="#p2 no longer exists"):
        manifest.verify(_doc("One."), path, "anchors.tsv")


def test_new_anchor_at_the_end_is_allowed_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc("One.")))
    assert manifest.verify(_doc("One.", "Two."), path, "anchors.tsv") == ["p2"]


def test_whitespace_change_does_not_retext_an_anchor(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc("One  two.")))
    assert manifest.verify(replace(_doc("One two.")), path, "anchors.tsv") == []


@pytest.mark.parametrize("source", load_sources(ROOT), ids=lambda s: s.meta.slug)
def test_committed_manifest_lists_every_anchor_of_the_source(source: object) -> None:
    """Every anchor is published: the manifest guards all of them, not just old ones."""
    meta = source.meta  # type: ignore[attr-defined]
    path = manifest.manifest_path(ROOT, meta.slug)
    assert path.exists(), f"no manifest for {meta.slug}: run 'make manifest'"
    assert manifest.verify(source.document, path, str(path)) == []  # type: ignore[attr-defined]
