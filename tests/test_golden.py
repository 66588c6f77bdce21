"""Golden files: each source's reading page as Markdown, compared with the committed copy.

The rendering here uses no annotations, so the golden file shows what the normaliser made
of the witness. Rewrite the files on purpose with ``make golden`` (``pytest
tests/test_golden.py --update-golden``) and review the change in ``git diff``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.render.source_page import render_source
from scripts.sources import load_sources
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
SOURCES = {source.meta.slug: source for source in load_sources(ROOT)}


@pytest.mark.parametrize("slug", sorted(SOURCES))
def test_reading_page_matches_golden_file(slug: str, request: pytest.FixtureRequest) -> None:
    page = render_source(SOURCES[slug], {}, site_url="https://example.org/")
    path = GOLDEN / f"{slug}.md"
    if request.config.getoption("--update-golden"):
        path.write_text(page.content, encoding="utf-8")
        pytest.skip(f"rewrote {path.name}")
    assert path.exists(), f"no golden file for {slug}: run 'make golden' and review it"
    expected = path.read_text(encoding="utf-8")
    assert page.content == expected, (
        f"{slug}: output differs from {path.name} (make golden, then git diff)"
    )
