"""The synthetic article capture built as a source of a temporary project: its references are
printed, unnumbered and without anchors, and give the timeline no events."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.site import build
from tests.hostile.project import SLUG, make_project

ARTICLE = Path(__file__).with_name("captures") / "article-abstract.txt"


def test_article_builds_with_its_references_printed_unnumbered_and_out_of_the_timeline(
    tmp_path: Path,
) -> None:
    output = build(make_project(tmp_path / "project", source=ARTICLE.read_text(encoding="utf-8")))
    timeline = next(d for d in output.data if d.path == "data/timeline.json")
    years = {e["date"][:4] for e in json.loads(timeline.content) if e["source"] == SLUG}
    assert years == {"1976", "1977", "1978"}
    page = next(p for p in output.pages if p.path == f"sources/{SLUG}/index.md").content
    assert '<p class="front-para">Chanda, Nayan. 1986.' in page
    assert 'id=""' not in page
