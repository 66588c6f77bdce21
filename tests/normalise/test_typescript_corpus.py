"""The development corpus of raw typescript OCRs, each built as a source of a throw-away project.

Each text of ``../shared/corpus/ocr-typescript/`` is copied into a temporary project (never
into the edition's ``sources/``, so it is never published) with a plain ``meta.yml`` that
names the layout and gives no settings, and the whole pipeline runs over it. The checks:
conservation holds, typed page numbers became unique page anchors, no banner, archive line
or wrapper line is left as a paragraph, numbered paragraphs are paragraphs, and a golden
summary (``tests/golden/corpus/<name>.summary``, rewritten by ``make golden``) records what
was recognised, so any change of the reading shows in review.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from scripts import conserve
from scripts.model import Heading, Paragraph
from scripts.normalise.shared.banners import classify_line
from scripts.site import SiteOutput, build
from scripts.sources import Source
from tests.conftest import ROOT
from tests.hostile.project import make_project, read_html, to_html

CORPUS = ROOT.parent / "shared" / "corpus" / "ocr-typescript"
TEXTS = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "corpus"
META = """slug: {slug}
normaliser: ocr-typescript
file: source.txt
kind: report
short_title: Corpus typescript
title: A typescript of the development corpus
authors:
  - name: Central Intelligence Agency
    role: issuing office
issued: "1963"
provenance:
  description: A raw OCR of the development corpus, built only in a temporary project.
"""
NUMBERED = re.compile(r"^(\d{1,2})\.\s+[A-Z][a-z]")

pytestmark = pytest.mark.skipif(not TEXTS, reason=f"no development corpus at {CORPUS}")


@pytest.fixture(scope="module", params=TEXTS, ids=lambda p: p.stem)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SiteOutput:
    path: Path = request.param
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    folder = make_project(
        tmp_path_factory.mktemp(slug),
        source=path.read_text(encoding="utf-8"),
        meta=META.format(slug=slug),
        slug=slug,
    )
    return build(folder)


@pytest.fixture(scope="module")
def built(site: SiteOutput) -> Source:
    (source,) = site.sources
    return source


def test_every_token_of_the_raw_text_is_accounted_for(built: Source) -> None:
    assert conserve.check(built.raw, built.document) == []


def test_typed_page_numbers_become_unique_page_anchors(built: Source) -> None:
    breaks = built.document.page_breaks()
    anchors = [a for b in breaks for a in (b.anchor, b.foot_anchor) if a]
    assert len(anchors) >= 2
    assert len(anchors) == len(set(anchors))
    assert all(b.raw for b in breaks), "every page break stands on a typed number"


def test_no_banner_archive_line_or_wrapper_is_left_as_text(built: Source) -> None:
    blocks = [b for b in built.document.body if isinstance(b, Paragraph | Heading)]
    for block in blocks:
        assert classify_line(block.text) is None, block.text
        assert "```" not in block.text and not re.match(r"#{1,6}\s+\S", block.text), block.text
    categories = Counter(r.category for r in built.document.removals)
    assert categories["capture wrapper"] >= 3 and categories["banner"] >= 10


def test_numbered_paragraphs_are_paragraphs_never_headings(built: Source) -> None:
    headings = [b.text for b in built.document.body if isinstance(b, Heading)]
    assert not [h for h in headings if NUMBERED.match(h)]
    openings = [b.text[:25] for b in built.document.body if isinstance(b, Paragraph) and b.text]
    numbered = [line.strip() for line in built.raw.split("\n") if NUMBERED.match(line.strip())]
    begun = [n for n in numbered if any(o.startswith(n[:12]) for o in openings)]
    assert len(begun) >= 0.8 * len(numbered)


def test_the_editorial_page_lists_every_unclassified_block(site: SiteOutput, built: Source) -> None:
    assert built.document.unclassified, "the corpus texts have blocks the reader cannot classify"
    slug = built.meta.slug
    (page,) = [p for p in site.pages if p.path == f"sources/{slug}/editorial.md"]
    html = to_html(page.content)
    section = read_html(html.split('id="lines-not-classified"', 1)[1]).text
    for block in built.document.unclassified:
        assert f'href="witness.md#L{block.line}"' in html
        assert " ".join(block.text.split()) in section, block.text


def _summary(source: Source) -> str:
    doc = source.document
    paragraphs = [b for b in doc.body if isinstance(b, Paragraph)]
    headings = [b for b in doc.body if isinstance(b, Heading)]
    breaks = doc.page_breaks()
    lines = [
        f"paragraphs: {len(paragraphs)}",
        f"headings: {len(headings)}",
        f"notes: {len(doc.notes)}",
        f"page breaks: {len(breaks)}",
        "page anchors: " + " ".join(a for b in breaks for a in (b.foot_anchor, b.anchor) if a),
        "removals by reason:",
    ]
    reasons = Counter((r.category, r.reason) for r in doc.removals)
    lines += [f"  {n:4} {cat}: {reason}" for (cat, reason), n in sorted(reasons.items())]
    lines.append("emendations by rule:")
    rules = Counter(e.rule for e in doc.emendations())
    lines += [f"  {n:4} {rule}" for rule, n in sorted(rules.items())]
    lines.append("blocks (line, first words):")
    for block in doc.body:
        if isinstance(block, Paragraph | Heading):
            kind = "H" if isinstance(block, Heading) else f"p{block.n}"
            words = " ".join(block.text.split()[:8])
            lines.append(f"  {kind} L{block.line}: {words}")
    return "\n".join(lines) + "\n"


def test_recognition_matches_golden_summary(built: Source, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"{built.meta.slug}.summary"
    summary = _summary(built)
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(summary, encoding="utf-8")
        pytest.skip(f"rewrote {path.name}")
    assert path.exists(), f"no golden summary for {built.meta.slug}: run 'make golden'"
    assert summary == path.read_text(encoding="utf-8"), f"{path.name} differs (make golden)"
