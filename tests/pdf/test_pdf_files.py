"""The PDF of each source as the build publishes it: text, margins, bookmarks, fonts, links."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest

from scripts import citation
from scripts.model import Heading, Paragraph
from scripts.sources import Source, load_sources
from tests.conftest import ROOT
from tests.pdf.reading import (
    find_in_order,
    fonts,
    normalise,
    outline_titles,
    regions,
    segments,
)

SOURCES = {source.meta.slug: source for source in load_sources(ROOT)}
SITE_URL = "https://indochina-edition.example.org/"  # mkdocs.yml's site_url


def _pdf(site_dir: Path, slug: str) -> Path:
    return site_dir / "sources" / slug / f"{slug}.pdf"


def _epoch() -> int:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    out = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return int(out.stdout.strip() or "0")


def _body_text(source: Source, site_dir: Path) -> str:
    return normalise(regions(_pdf(site_dir, source.meta.slug)).body)


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_every_paragraph_of_the_reading_text_is_in_the_pdf_in_order(
    site_dir: Path, slug: str
) -> None:
    """Every word between two note marks, page labels or [sic] stands in the text block of
    the PDF, paragraph after paragraph in reading order (front matter, text, notes)."""
    source = SOURCES[slug]
    body = _body_text(source, site_dir)
    position = 0
    missing = []
    runs = [b.inlines for b in source.document.blocks() if isinstance(b, Paragraph | Heading)]
    runs += [note.inlines for note in source.document.notes if note.present]
    for inlines in runs:
        end, lost = find_in_order(body, segments(inlines), position)
        if lost is None:
            position = end
        else:
            missing.append(lost[:120])
    assert not missing, f"{len(missing)} passages not found in order, first: {missing[:3]}"


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_paragraph_numbers_and_original_pages_stand_in_the_margins(
    site_dir: Path, slug: str
) -> None:
    source = SOURCES[slug]
    found = regions(_pdf(site_dir, slug))
    numbers = [str(p.n) for p in source.document.paragraphs()]
    assert [text for text in found.left if text.isdigit()] == numbers
    expected = []
    for node in source.document.page_breaks():
        if node.foot:
            expected.append(f"end p. {node.foot}")
        if not node.label:
            expected.append("p. ?")
        else:
            expected.append(f"p. [{node.label}]" if node.inferred else f"p. {node.label}")
    assert [text for text in found.right if text.startswith(("p.", "end p."))] == expected


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_title_page_has_full_citation_stable_url_and_build_date(site_dir: Path, slug: str) -> None:
    source = SOURCES[slug]
    path = _pdf(site_dir, slug)
    first = normalise(pypdf.PdfReader(path).pages[0].extract_text())
    built = datetime.fromtimestamp(_epoch(), tz=UTC)
    assert normalise(citation.bibliography(source.meta)) in first
    assert f"{SITE_URL}sources/{slug}/" in first
    assert citation.human_date(built.strftime("%Y-%m-%d")) in first
    info = pypdf.PdfReader(path).metadata
    assert info is not None and info.title == source.meta.title
    midnight = built.replace(hour=0, minute=0, second=0)
    assert info.creation_date == midnight and info.modification_date == midnight


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_bookmarks_are_the_title_and_the_headings_of_the_source(site_dir: Path, slug: str) -> None:
    source = SOURCES[slug]
    expected = [(1, source.meta.title)]
    expected += [
        (min(5, block.level + 1), " ".join(block.text.split()))
        for block in source.document.blocks()
        if isinstance(block, Heading)
    ]
    if source.document.notes:
        expected.append((2, "Notes"))
    found = [
        (depth, " ".join(title.split())) for depth, title in outline_titles(_pdf(site_dir, slug))
    ]
    assert found == expected


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_only_the_edition_font_is_used_and_it_is_embedded(site_dir: Path, slug: str) -> None:
    used = fonts(_pdf(site_dir, slug))
    assert used, "no fonts found"
    assert all(
        re.fullmatch(r"/[A-Z]{6}\+Edition-Serif(-Bold|-Italic|-BoldItalic)?", n) for n in used
    ), used
    assert all(used.values()), f"not embedded: {[n for n, e in used.items() if not e]}"


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_pdf_is_a4_tagged_and_references_nothing_outside(site_dir: Path, slug: str) -> None:
    path = _pdf(site_dir, slug)
    reader = pypdf.PdfReader(path)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    # The only outside address is the edition's own stable URL, printed on the title page.
    assert set(uris) == {f"{SITE_URL}sources/{slug}/"}
    raw = path.read_bytes()
    assert b"/URI (http" not in raw.replace(f"/URI ({SITE_URL}sources/{slug}/)".encode(), b"")


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_reading_and_editorial_pages_link_the_pdf(site_dir: Path, slug: str) -> None:
    reading = (site_dir / "sources" / slug / "index.html").read_text(encoding="utf-8")
    editorial = (site_dir / "sources" / slug / "editorial" / "index.html").read_text(
        encoding="utf-8"
    )
    assert f'href="{slug}.pdf"' in reading
    assert f'href="../{slug}.pdf"' in editorial
    assert _pdf(site_dir, slug).read_bytes().startswith(b"%PDF-")
