"""The anchor promise, complete: no published anchor moves or vanishes without a committed
decision (:mod:`scripts.manifest`, :mod:`scripts.published`).

Each case publishes a throw-away project (``edition manifest --update`` writes its
manifest and ``sources/published.tsv``), then changes it as a careless edit would, and
builds it through the real pipeline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import manifest, published
from scripts.assemble import assemble
from scripts.errors import EditionError
from scripts.model import Document, PageBreak, Paragraph, Text
from scripts.site import build
from scripts.sources import load_sources
from tests.hostile.project import BASE_META, SLUG, make_project

FOLDER = f"sources/{SLUG}"


def _publish(root: Path) -> None:
    """What ``edition manifest --update`` does, for the project at ``root``."""
    counts = {}
    for source in load_sources(root):
        records = manifest.anchors(source.document)
        manifest.write(manifest.manifest_path(root, source.meta.slug), records)
        counts[source.meta.slug] = len(records)
    published.write_published(root, counts)


def _published_project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    _publish(root)
    build(root)  # the published project builds
    return root


def _refused(root: Path) -> EditionError:
    with pytest.raises(EditionError) as caught:
        build(root)
    assert "\n" not in str(caught.value)
    return caught.value


def _edit_source(root: Path, old: str, new: str) -> None:
    path = root / FOLDER / "source.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_note_reference_moved_to_another_paragraph_fails(tmp_path: Path) -> None:
    root = _published_project(tmp_path)
    text = (root / FOLDER / "source.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    second = next(i for i, line in enumerate(lines) if "Footnote 2" in line)
    first = next(i for i, line in enumerate(lines) if "Footnote 1" in line)
    lines[second] = lines[second].replace("Footnote 2", "", 1)
    lines[first] = lines[first] + "Footnote 2"
    (root / FOLDER / "source.txt").write_text("\n".join(lines), encoding="utf-8")
    error = _refused(root)
    assert error.path == f"{FOLDER}/anchors.tsv"
    assert "#fnref:2" in error.message and "in p1" in error.message


def test_a_renamed_heading_loses_its_published_id(tmp_path: Path) -> None:
    root = _published_project(tmp_path)
    _edit_source(
        root, "\nVietnam–Cambodia Relations, 1962–75\n", "\nVietnam and Cambodia, 1962–75\n"
    )
    error = _refused(root)
    assert "#vietnam-cambodia-relations-1962-75 no longer exists" in error.message


def _doc(*paragraphs: tuple[str, str]) -> Document:
    body = tuple(
        Paragraph((Text(before), PageBreak("7", "[7]", 1), Text(after)), n + 1)
        for n, (before, after) in enumerate(paragraphs)
    )
    return assemble(Document(front=(), body=body, notes=()))


def test_a_page_break_moved_within_its_paragraph_fails(tmp_path: Path) -> None:
    path = tmp_path / "anchors.tsv"
    manifest.write(path, manifest.anchors(_doc(("One two ", "three four."))))
    assert manifest.verify(_doc(("One two ", "three four.")), path, "anchors.tsv") == []
    with pytest.raises(EditionError, match=r"#page-7 now points to different text.*at word 3"):
        manifest.verify(_doc(("One two three ", "four.")), path, "anchors.tsv")


def test_a_removed_source_fails_unless_retired_and_then_redirects(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    other = root / "sources" / "second-case"
    shutil.copytree(root / FOLDER, other)
    (other / "meta.yml").write_text(
        BASE_META.replace(f"slug: {SLUG}", "slug: second-case"), encoding="utf-8"
    )
    _publish(root)
    shutil.rmtree(other)
    error = _refused(root)
    assert (error.path, error.line) == ("sources/published.tsv", 3)  # sorted: after hostile-case
    assert "'second-case' no longer exists" in error.message
    (root / "sources" / "retired.yml").write_text(
        f"sources:\n  - slug: second-case\n    redirect: {SLUG}\n    reason: merged\n",
        encoding="utf-8",
    )
    output = build(root)
    redirect = next(d for d in output.data if d.path == "sources/second-case/index.html")
    assert f'url=../{SLUG}/"' in redirect.content


def test_a_renamed_slug_fails(tmp_path: Path) -> None:
    root = _published_project(tmp_path)
    moved = root / "sources" / "renamed-case"
    (root / FOLDER).rename(moved)
    (moved / "meta.yml").write_text(
        BASE_META.replace(f"slug: {SLUG}", "slug: renamed-case"), encoding="utf-8"
    )
    error = _refused(root)
    assert error.path == "sources/published.tsv" and f"{SLUG!r} no longer exists" in error.message


def test_a_deleted_manifest_fails(tmp_path: Path) -> None:
    root = _published_project(tmp_path)
    (root / FOLDER / "anchors.tsv").unlink()
    error = _refused(root)
    assert error.path == "sources/published.tsv" and "is missing" in error.message


def test_a_truncated_manifest_fails(tmp_path: Path) -> None:
    root = _published_project(tmp_path)
    path = root / FOLDER / "anchors.tsv"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    error = _refused(root)
    assert error.path == "sources/published.tsv" and "truncated" in error.message


def test_a_retired_anchor_may_vanish(tmp_path: Path) -> None:
    root = _published_project(tmp_path)
    _edit_source(
        root, "\nVietnam–Cambodia Relations, 1962–75\n", "\nVietnam and Cambodia, 1962–75\n"
    )
    (root / "sources" / "retired.yml").write_text(
        f"anchors:\n  - source: {SLUG}\n    anchor: vietnam-cambodia-relations-1962-75\n"
        "    reason: the heading was misread\n",
        encoding="utf-8",
    )
    build(root)


def test_the_committed_manifests_hold_headings_note_references_and_page_places() -> None:
    from tests.conftest import ROOT

    listed = {entry.slug for entry in published.read_published(ROOT)}
    assert listed == {s.meta.slug for s in load_sources(ROOT)}
    text = (ROOT / "sources" / "esau-17" / "anchors.tsv").read_text(encoding="utf-8")
    assert "\na-domestic-policy\t" in text and "\nfnref:s1\t" in text and " at word " in text
