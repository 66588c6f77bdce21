"""The glossary index: its page, its data, its spans and what it adds to the source pages."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

from scripts.annotate import runs
from scripts.annotate.glossary_schema import Glossary, GlossaryEntry
from scripts.indexes.glossary import build, build_from
from scripts.model import Document, Note, NoteRef, Paragraph, Text
from scripts.pages import Contribution
from scripts.sources import Source, load_sources
from tests.factories import source_of

CAMBRIDGE = (
    "Marshaling old and new Vietnamese, Cambodian, Chinese, Soviet, American, and Association "
    "of Southeast Asian Nations (ASEAN) sources, this chapter takes an international-history perspective."
)
CAMBRIDGE_2 = "This is where the Soviet Union, the United States (and its European allies), and ASEAN come into the picture."
CWIHP = (
    "During the Chinese Civil War, the Chinese Communist Party (CCP), under the guidance of "
    "Mao’s revolutionary theory, sought to seize power; the US and the CCP CC."
)


def _source(slug: str, order: int, texts: list[str], notes: tuple[Note, ...] = ()) -> Source:
    body = tuple(Paragraph((Text(t),), i, n=i) for i, t in enumerate(texts, 1))
    document = Document(front=(), body=body, notes=notes)
    return source_of(slug, document, order=order, kind="report", short_title=f"Short <{slug}>")


def _entry(term: str, expansion: str, expanded: bool, **extra: object) -> GlossaryEntry:
    return GlossaryEntry(term=term, expansion=expansion, expanded_in_sources=expanded, **extra)  # type: ignore[arg-type]


GLOSSARY = Glossary(
    terms=(
        _entry("US", "United States", False, variants=("U.S.",), also_a_word=True),
        _entry("CCP", "Chinese Communist Party", True),
        _entry("ASEAN", "Association of Southeast Asian Nations", True),
        _entry(
            "CC",
            "Central Committee",
            False,
            preceded_by=r"\b[A-Z]{2,6} ",
            note="A *note* <b>here</b>",
        ),
        _entry("1PS", "First Permanent Secretary", True),
        _entry("WFTU", "World Federation of Trade Unions", False),
    )
)


def _build() -> tuple[list[Source], Contribution]:
    note = Note("*", "s1", (Text("Cited by the US mission."),), 9, raw_label="*")
    sources = [
        _source("third", 1, [CAMBRIDGE, CAMBRIDGE_2]),
        _source("mao", 2, [CWIHP, "the U.S. side"], notes=(note,)),
    ]
    return sources, build_from(sources, GLOSSARY)


def _page() -> str:
    return _build()[1].pages[0].content


def test_the_page_has_a_title_and_a_description() -> None:
    contribution = _build()[1]
    page = contribution.pages[0]
    assert page.path == "glossary.md"
    front = page.content.split("---")[1]
    assert 'title: "Glossary of abbreviations"' in front
    assert re.search(r'^description: ".+"$', front, re.M)


def test_terms_stand_in_alphabetical_order_each_with_a_stable_anchor() -> None:
    anchors = re.findall(r"^\{ #([a-z0-9-]+) \}$", _page(), re.M)
    assert anchors == ["1ps", "asean", "cc", "ccp", "us", "wftu"]
    assert "## 0–9 { #letter-0-9 }" in _page() and "## A { #letter-a }" in _page()


def test_an_entry_names_the_sources_with_counts_and_links_to_the_first_occurrence() -> None:
    page = _page()
    asean = page.split("**ASEAN**")[1].split("{ #asean }")[0]
    assert "Association of Southeast Asian Nations" in asean
    assert "Short &lt;third&gt;: 2×, first at [¶1](sources/third/index.md#p1)" in asean
    assert "Spelled out in Short &lt;third&gt;, at [¶1](sources/third/index.md#p1)." in asean
    us = page.split("**US**")[1].split("{ #us }")[0]
    assert "(also U\\.S\\.)" in us
    assert "Expansion supplied by the editors" in us
    assert "Short &lt;mao&gt;: 3×, first at [¶1](sources/mao/index.md#p1)" in us


def test_a_term_found_only_in_a_note_links_to_the_note_by_its_label() -> None:
    note = Note("*", "s1", (Text("the WFTU meeting"),), 9, raw_label="*")
    source = _source("esau", 1, ["No abbreviation here."], notes=(note,))
    page = build_from([source], GLOSSARY).pages[0].content
    assert "first in [note \\*](sources/esau/index.md#fn:s1)" in page


def test_a_term_no_source_uses_says_so() -> None:
    wftu = _page().split("**WFTU**")[1].split("{ #wftu }")[0]
    assert "Not found in the reading texts" in wftu


def test_curated_text_is_escaped_on_the_page() -> None:
    cc = _page().split("**CC**")[1].split("{ #cc }")[0]
    assert "<b>" not in cc and "&lt;b&gt;" in cc
    assert "\\*note\\*" in cc


def test_the_data_file_lists_every_term_with_its_use_by_source() -> None:
    data = _build()[1].data[0]
    assert data.path == "data/glossary.json"
    terms = json.loads(data.content)["terms"]
    assert [t["term"] for t in terms] == ["1PS", "ASEAN", "CC", "CCP", "US", "WFTU"]
    ccp = terms[3]
    assert ccp == {
        "term": "CCP",
        "anchor": "ccp",
        "expansion": "Chinese Communist Party",
        "expanded_in_sources": True,
        "variants": [],
        "note": None,
        "total": 2,
        "sources": [{"slug": "mao", "count": 2, "first": "p1", "spelled_out_at": "p1"}],
    }
    us = terms[4]
    assert [(s["slug"], s["count"], s["first"]) for s in us["sources"]] == [("mao", 3, "p1")]
    assert terms[5]["sources"] == [] and terms[5]["total"] == 0


def test_the_same_sources_give_byte_identical_output() -> None:
    one, two = _build()[1], _build()[1]
    assert one.pages == two.pages and one.data == two.data


def test_spans_mark_each_occurrence_with_its_expansion() -> None:
    spans = _build()[1].spans
    text = CWIHP
    marked = [(text[s.start : s.end], s.kind, s.title) for s in spans[("mao", "p1")]]
    assert marked == [
        ("CCP", "abbr", "Chinese Communist Party"),
        ("US", "abbr", "United States"),
        ("CCP", "abbr", "Chinese Communist Party"),
        ("CC", "abbr", "Central Committee"),
    ]
    assert [s.title for s in spans[("mao", "fn:s1")]] == ["United States"]


def test_spans_skip_note_reference_markers_in_their_offsets() -> None:
    para = Paragraph((Text("the CCP"), NoteRef("5", "5", "5", 1), Text(" and the US")), 1, n=1)
    source = _source("x", 1, [])
    source = Source(source.meta, "", Document(front=(), body=(para,), notes=()), "x")
    spans = build_from([source], GLOSSARY).spans[("x", "p1")]
    assert [para.text[s.start : s.end] for s in spans] == ["CCP", "US"]


def test_each_source_gets_a_header_link_and_an_editorial_section() -> None:
    contribution = _build()[1]
    assert [link.href for link in contribution.source_links["third"]] == ["glossary.md"]
    section = contribution.editorial["mao"]
    assert section.startswith("### Abbreviations")
    assert "holds 6 occurrences of 3 abbreviations" in section
    assert "Spelled out by this source: [CCP](../../glossary.md#ccp)." in section


# --- over the real sources ----------------------------------------------------------------


@pytest.fixture(scope="module")
def real(root: Path) -> tuple[list[Source], Contribution]:
    sources = load_sources(root)
    return sources, build(sources)


def test_every_link_of_the_page_points_at_an_anchor_of_its_source(
    real: tuple[list[Source], Contribution],
) -> None:
    sources, contribution = real
    anchors = {
        s.meta.slug: {loc[2:] if loc.startswith("h:") else loc for loc, _ in runs(s.document)}
        for s in sources
    }
    links = re.findall(r"\]\(sources/([^/]+)/index\.md#([^)]+)\)", contribution.pages[0].content)
    assert links
    assert [(slug, a) for slug, a in links if a not in anchors[slug]] == []


def test_real_spans_are_whole_words_and_never_overlap(
    real: tuple[list[Source], Contribution],
) -> None:
    sources, contribution = real
    texts = {
        (s.meta.slug, loc): "".join(n.printed for n in inlines)
        for s in sources
        for loc, inlines in runs(s.document)
    }
    for key, spans in contribution.spans.items():
        if key not in texts:
            continue  # figure captions: counted, placed by the renderer if it supports them
        text = texts[key]
        for a, b in pairwise(spans):
            assert a.end <= b.start, key
        for s in spans:
            assert not text[max(0, s.start - 1) : s.start].isalnum(), key
            assert not text[s.end : s.end + 1].isalnum(), key
