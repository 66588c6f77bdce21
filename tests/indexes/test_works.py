"""The works-cited index: page, data exports, spans in the notes, editorial notes."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.indexes.works import build
from scripts.model import Document, Note, Text
from scripts.pages import Contribution
from scripts.sources import Source, load_sources
from tests.factories import source_of

ROOT = Path(__file__).parent.parent.parent
CSL_TYPES = {
    "article-journal",
    "article-newspaper",
    "book",
    "chapter",
    "document",
    "interview",
    "personal_communication",
    "report",
    "speech",
    "thesis",
}


def source(slug: str, short_title: str, notes: list[tuple[str, str]]) -> Source:
    document = Document(
        front=(),
        body=(),
        notes=tuple(Note(label, label, (Text(text),), i) for i, (label, text) in enumerate(notes)),
    )
    return source_of(slug, document, short_title=short_title, title=short_title)


CAMBRIDGE = source(
    "third-indochina-war",
    "Cambridge History, ch. 15",
    [
        (
            "11",
            "Qiang Zhai, China and the Vietnam Wars, 1950–1975 (Chapel Hill, NC, 2000), 212–13.",
        ),
        (
            "17",
            "Nayan Chanda, Brother Enemy: The War after the War: A History of Indochina since "
            "the Fall of Saigon (New York, 1986), 201–3.",
        ),
        ("24", "Qiang Zhai, China & the Vietnam Wars, 214; Chanda, Brother Enemy, 261."),
        ("25", "See Henry Kissinger, On China (New York, 2011), 352–3."),
        ("49", "Kissinger, On China, 373."),
    ],
)
CWIHP = source(
    "mao-indochina-war",
    "CWIHP Working Paper 34",
    [
        (
            "3",
            "The most notable works include Qiang Zhai, China and the Vietnam Wars, 1950-1975 "
            "(Chapel Hill-NC: University of North Carolina Press, 2000); Chen Jian, “China "
            "and the First Indo-China War, 1950-54,” China Quarterly 133 (March 1993), pp. 85-110",
        ),
        (
            "72",
            "On Mao’s war preparation in the wake of the Sino-Soviet border clash in 1969, see "
            "Yang Kuisong, Zouxiang polie, chap. 18.",
        ),
    ],
)


def contribution() -> Contribution:
    return build([CAMBRIDGE, CWIHP])


def test_page_lists_each_work_once_alphabetically_with_an_anchor() -> None:
    page = contribution().pages[0]
    assert page.path == "works-cited.md"
    assert page.content.startswith("---\ntitle: Works cited\ndescription: ")
    ids = [
        line.split('id="')[1].split('"')[0]
        for line in page.content.splitlines()
        if 'class="work-entry"' in line
    ]
    assert ids == [
        "w-chanda-brother-enemy",
        "w-chen-china-and-first-indo",
        "w-kissinger-on-china",
        "w-zhai-china-and-vietnam-wars",
    ]


def test_entry_links_every_citing_note_grouped_by_source() -> None:
    page = contribution().pages[0].content
    entry = page.split('id="w-zhai-china-and-vietnam-wars"')[1].split("\n\n")[0]
    assert (
        "Cambridge History, ch\\. 15, notes [11](sources/third-indochina-war/index.md#fn:11), "
        "[24](sources/third-indochina-war/index.md#fn:24); CWIHP Working Paper 34, note "
        "[3](sources/mao-indochina-war/index.md#fn:3)"
    ) in entry
    assert 'data-sources="mao-indochina-war third-indochina-war"' in page


def test_spans_link_each_resolved_citation_in_the_note() -> None:
    spans = contribution().spans[("third-indochina-war", "fn:24")]
    text = CAMBRIDGE.document.notes[2].text
    assert [text[s.start : s.end] for s in spans] == [
        "Qiang Zhai, China & the Vietnam Wars, 214",
        "Chanda, Brother Enemy, 261.",
    ]
    assert spans[0].kind == "work"
    assert spans[0].href == "works-cited/#w-zhai-china-and-vietnam-wars"
    assert spans[1].title == "Chanda, Brother Enemy"


def test_unresolved_short_form_has_no_span_and_is_on_the_editorial_page() -> None:
    result = contribution()
    assert ("mao-indochina-war", "fn:72") not in result.spans
    editorial = result.editorial["mao-indochina-war"]
    assert editorial.startswith("### ")
    assert "[72](index.md#fn:72)" in editorial and "Zouxiang polie" in editorial


def test_works_json_records_kind_fields_and_where_cited() -> None:
    data = {w["id"]: w for w in json.loads(contribution().data[0].content)}
    kissinger = data["w-kissinger-on-china"]
    assert kissinger["kind"] == "book"
    assert (kissinger["authors"], kissinger["title"], kissinger["place"], kissinger["year"]) == (
        ["Henry Kissinger"],
        "On China",
        "New York",
        "2011",
    )
    assert [(c["source"], c["note"], c["pages"]) for c in kissinger["cited_in"]] == [
        ("third-indochina-war", "25", "352–3"),
        ("third-indochina-war", "49", "373"),
    ]


def test_csl_export_is_valid_csl_json() -> None:
    items = json.loads(contribution().data[1].content)
    assert {item["type"] for item in items} <= CSL_TYPES
    article = next(i for i in items if i["id"] == "w-chen-china-and-first-indo")
    assert article["type"] == "article-journal"
    # Chen Jian is printed family name first (sources/works-names.yml)
    assert article["author"] == [{"family": "Chen", "given": "Jian"}]
    assert article["container-title"] == "China Quarterly"
    assert article["issued"]["date-parts"] == [[1993]]
    for item in items:
        assert isinstance(item["id"], str) and item["title"]
        for name in item.get("author", []) + item.get("editor", []):
            assert set(name) in ({"family", "given"}, {"literal"})


def test_output_is_deterministic() -> None:
    first, second = contribution(), contribution()
    assert first.pages == second.pages and first.data == second.data
    assert first.spans == second.spans


def test_source_text_is_escaped_in_the_page() -> None:
    hostile = source(
        "x",
        "X",
        [("1", "Ann Smith, <script>alert(1)</script> *Bold* Title (London, 1999), 2.")],
    )
    page = build([hostile]).pages[0].content
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "\\*Bold\\*" in page


def test_the_cambridge_chapter_as_normalised_resolves_every_reference() -> None:
    cambridge = [s for s in load_sources(ROOT) if s.meta.slug == "third-indochina-war"]
    result = build(cambridge)
    works = json.loads(result.data[0].content)
    assert len(works) > 50
    assert "Every reference in the notes was resolved." in result.editorial["third-indochina-war"]


def test_source_header_links_to_its_works_filtered_by_anchor() -> None:
    result = contribution()
    link = result.source_links["mao-indochina-war"][0]
    assert link.href == "works-cited.md#source-mao-indochina-war"
    assert '<span id="source-mao-indochina-war">' in result.pages[0].content
