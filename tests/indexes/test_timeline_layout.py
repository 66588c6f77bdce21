"""The timeline's pages: no page grows with the corpus, every entry id names one page."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from scripts.annotate.dates import Event, Precision
from scripts.indexes.timeline import build, entries, entry_id
from scripts.indexes.timeline_layout import paginate
from scripts.model import Document, Paragraph, Text
from scripts.sources import Source, load_sources
from tests.factories import source_of

ROOT = Path(__file__).resolve().parents[2]
TAG = re.compile(r"<[a-zA-Z]")
THEME = 600
"""Elements of the theme around a page's content (header, navigation, footer): about 250."""
BOUND = 3000
YEAR_PAGE = re.compile(r"timeline/\d{4}(-\d+)?\.md")


def _event(source: str, date: str, paragraph: int = 1) -> Event:
    return Event(
        source=source,
        paragraph=paragraph,
        start=0,
        stop=4,
        date_text=date,
        date=date,
        precision=Precision.YEAR,
        end=None,
        qualifier=None,
        inferred=False,
        sentence=f"{date} happened.",
        sentence_start=0,
    )


def test_a_year_of_more_statements_than_a_page_holds_continues_on_further_parts() -> None:
    singles = [(_event("a", "1960", n),) for n in range(1, 8)]
    parts = paginate(singles, limit=3)
    assert [(p.year, p.number, p.of) for p in parts] == [(1960, 1, 3), (1960, 2, 3), (1960, 3, 3)]
    assert [p.url for p in parts] == ["timeline/1960/", "timeline/1960-2/", "timeline/1960-3/"]
    assert [len(p.pieces) for p in parts] == [3, 3, 1]


def test_an_entry_told_by_more_sources_than_a_page_holds_is_split_and_keeps_one_id() -> None:
    shared = tuple(_event(f"s{n}", "1954") for n in range(7))
    parts = paginate([(_event("a", "1954"),), shared, (_event("b", "1955"),)], limit=3)
    pieces = [(p.number, piece.start, piece.stop) for p in parts for piece in p.pieces]
    assert pieces[:4] == [(1, 0, 1), (2, 0, 3), (3, 3, 6), (4, 6, 7)]  # it starts a fresh page
    assert sum(piece.first for p in parts for piece in p.pieces if piece.entry == shared) == 1
    assert all(sum(pc.stop - pc.start for pc in p.pieces) <= 3 for p in parts)


@cache
def _real_sources() -> tuple[Source, ...]:
    return tuple(load_sources(ROOT))


WORDS = ("Geneva", "Hanoi", "Beijing", "Moscow", "Vientiane", "Phnom Penh", "Paris", "Saigon")


def _corpus(copies: int) -> list[Source]:
    """Three hand-made sources of 30 dated paragraphs each, ``copies`` times under new slugs:
    the copies tell the same events in the same words, the benchmark's worst case."""
    out = []
    for copy in range(1, copies + 1):
        for order, slug in enumerate(("alpha", "beta", "gamma"), 1):
            texts = [
                f"In March {1950 + n % 5} the delegation of {WORDS[n % 8]} met the "
                f"{WORDS[(n + order) % 8]} committee about treaty number {n}."
                for n in range(30)
            ]
            body = tuple(Paragraph((Text(t),), i, n=i) for i, t in enumerate(texts, 1))
            name = slug if copy == 1 else f"{slug}-copy{copy}"
            out.append(source_of(name, Document(front=(), body=body, notes=()), order=order))
    return out


def test_no_timeline_page_grows_past_the_element_bound_at_ten_times_the_corpus() -> None:
    one, ten = build(_corpus(1)), build(_corpus(10))
    for contribution in (one, ten):
        sizes = {p.path: len(TAG.findall(p.content)) for p in contribution.pages}
        biggest = max(sizes, key=sizes.__getitem__)
        assert sizes[biggest] + THEME <= BOUND, (biggest, sizes[biggest])
    assert any(p.path.startswith("timeline/1950-") for p in ten.pages)  # a long year continues


def test_every_entry_id_stands_on_exactly_one_page_and_the_spans_link_there() -> None:
    contribution = build(list(_real_sources()))
    # The per-source pages repeat their entries' ids; the pages of the whole timeline do not.
    year_pages = [p for p in contribution.pages if YEAR_PAGE.fullmatch(p.path)]
    ids = Counter(
        m for p in year_pages for m in re.findall(r'<article [^>]*id="(e-[^"]+)"', p.content)
    )
    events = [span for found in contribution.spans.values() for span in found]
    assert ids and set(ids.values()) == {1}
    pages = {p.path: p.content for p in contribution.pages}
    for span in events:
        assert span.href is not None
        page, anchor = span.href.split("#")
        assert f'id="{anchor}"' in pages[page.rstrip("/") + ".md"], span.href


def test_the_id_of_an_entry_names_the_year_of_its_page() -> None:
    # The redirect of old /timeline/#e-YYYY-… addresses reads the year from the id.
    from scripts.annotate.dates import all_events

    sources = _real_sources()
    events = all_events([(s.meta.slug, s.document) for s in sources])
    for part in paginate(entries(events)):
        for piece in part.pieces:
            assert entry_id(piece.entry)[2:6] == str(part.year)


def test_a_year_of_several_pages_maps_its_entries_to_their_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scripts.indexes import timeline_layout

    monkeypatch.setattr(timeline_layout, "PAGE_STATEMENTS", 20)
    contribution = build(list(_real_sources()))
    files = {d.path: d.content for d in contribution.data}
    pages = {p.path: p.content for p in contribution.pages}
    maps = [path for path in files if path.endswith("-parts.json")]
    assert maps
    for path in maps:
        year = path.split("/")[1].split("-")[0]
        assert f'data-parts="{year}-parts.json"' in pages["timeline.md"]
        for ident, where in json.loads(files[path]).items():
            assert f'id="{ident}"' in pages[f"timeline/{where.rstrip('/')}.md"]


def test_a_long_source_has_a_timeline_page_of_its_years_leading_to_the_year_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scripts.indexes import timeline, timeline_layout

    monkeypatch.setattr(timeline_layout, "PAGE_STATEMENTS", 20)
    monkeypatch.setattr(timeline, "SOURCE_PAGE_STATEMENTS", 40)
    contribution = build(_corpus(1))  # 30 statements each: under the bound, listed in full
    pages = {p.path: p.content for p in contribution.pages}
    assert '<article class="tl-entry' in pages["timeline/alpha.md"]
    texts = [f"In March {1950 + n % 5} the delegation of Hanoi spoke ({n})." for n in range(120)]
    body = tuple(Paragraph((Text(t),), i, n=i) for i, t in enumerate(texts, 1))
    long = source_of("long", Document(front=(), body=body, notes=()), order=1)
    contribution = build([long])
    pages = {p.path: p.content for p in contribution.pages}
    own = pages["timeline/long.md"]
    assert "tl-entry" not in own
    years = re.findall(r'<li class="tl-index-year" id="y(\d{4})"', own)
    assert years == [str(y) for y in range(1950, 1955)]
    listed = sum(int(n) for n in re.findall(r"</a>: (\d+) dated statement", own))
    assert listed == 120
    for href in re.findall(r'href="\.\./([^"]+)"', own):
        path, query = href.split("?")
        assert query == "source=long"
        assert f"timeline/{path.rstrip('/')}.md" in pages
    # a year of several pages names its map, relative to the source's page
    assert 'data-parts="../1950-parts.json"' in own
