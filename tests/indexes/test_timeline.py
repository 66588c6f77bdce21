"""The timeline index: shared events, the coverage chart, the data and the pages."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from scripts.annotate.dates import Event, paragraph_events
from scripts.indexes.coverage import coverage_svg
from scripts.indexes.shared import dates_agree, shared_events
from scripts.indexes.timeline import build
from scripts.model import Document, Paragraph, Text
from scripts.sources import Source
from tests.factories import source_of

CIA_GENEVA = (
    "In terms of the Communist dialectic, the Geneva Conference of 1954 ushered in a "
    '"new era" of peace in which a series of "new tasks" confronted the North Vietnam regime.'
)
CWIHP_GENEVA = (
    "At the 1954 Geneva Conference, the Pathet Lao forces had been regrouped to the northern "
    "provinces of Sam Neua and Phong Saly."
)
CAMBRIDGE_GENEVA = (
    "it was the Chinese who had forced them to accede to the French demand that the problems "
    "of Cambodia and Laos be separated from those of Vietnam at the 1954 Geneva Conference on "
    "Indochina."
)
CAMBRIDGE_PARIS = (
    "In fact, as Vietnamese communist forces were withdrawing from Cambodia in the days before "
    "the signing of the Paris Agreement on Vietnam in late January 1973, the Khmer Rouge "
    "attacked them."
)
CWIHP_PARIS = "On 27 January 1973, the DRV-US Paris talks reached a peace agreement."
CIA_OCTOBER = (
    "North Vietnam's praise of the Chinese Communist model reached a peak at the time of the "
    "10th anniversary of the Chinese People's Republic in October 1959."
)
CWIHP_OCTOBER = (
    "Mao’s caution was clearly demonstrated in his conversations with the leaders of the Lao "
    "People’s Party (LPP) in October 1959."
)


def events(slug: str, text: str, n: int = 1) -> list[Event]:
    return paragraph_events(slug, n, text)[0]


def test_three_sources_on_the_1954_geneva_conference_are_one_entry() -> None:
    evs = events("esau-17", CIA_GENEVA) + events("mao", CWIHP_GENEVA)
    evs += events("third", CAMBRIDGE_GENEVA)
    groups = shared_events(evs)
    assert [sorted(e.source for e in g) for g in groups] == [["esau-17", "mao", "third"]]


def test_a_day_within_the_month_of_another_source_with_the_same_names_is_shared() -> None:
    """The 1973 Paris agreement: ``late January 1973`` and ``27 January 1973``."""
    evs = events("third", CAMBRIDGE_PARIS) + events("mao", CWIHP_PARIS)
    assert len(shared_events(evs)) == 1


def test_same_month_with_only_an_ordinary_word_in_common_is_not_shared() -> None:
    """``People's Republic`` and ``People's Party`` share only the word ``people``."""
    evs = events("esau-17", CIA_OCTOBER) + events("mao", CWIHP_OCTOBER)
    assert shared_events(evs) == []


def test_events_of_one_source_are_never_shared_with_each_other() -> None:
    evs = events("esau-17", CIA_GENEVA) + events("esau-17", CIA_GENEVA, 2)
    assert shared_events(evs) == []


def test_a_season_does_not_contain_the_months_of_its_year() -> None:
    fall = events("esau-17", "In fall 1959, guerrilla warfare resumed in Laos.")[0]
    february = events("mao", "In February 1959, guerrilla warfare resumed in Laos.")[0]
    assert dates_agree(fall, february) is None
    year = events("mao", "In 1959, guerrilla warfare resumed in Laos.")[0]
    assert dates_agree(fall, year) is not None


def test_coverage_chart_is_well_formed_accessible_svg_with_html_year_links_over_it() -> None:
    evs = events("esau-17", CIA_GENEVA) + events("third", "From 1978 to 1990 it lasted.")
    svg = coverage_svg(
        evs,
        [("esau-17", "CIA <study>", "#1f5f99"), ("third", "Cambridge", "#2e6b30")],
        lambda y: f"#y{y}" if y in (1954, 1978) else None,
    )
    wrapper = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    root = wrapper.find(f".//{ns}svg")
    assert root is not None and root.find(f"{ns}title") is not None
    links = [a.get("href") for a in wrapper.iter("a")]
    assert links == ["#y1954", "#y1978"]
    labels = [t.text for t in root.iter(f"{ns}text")]
    assert "CIA <study>" in labels and "1955" in labels and "1990" in labels
    bars = [r for r in root.iter(f"{ns}rect") if r.get("class") == "tl-bar"]
    assert len(bars) == 1 + 13  # 1954 once; 1978–1990 one bar per year


def _source(slug: str, texts: list[str], order: int) -> Source:
    body = tuple(Paragraph((Text(t),), i, n=i) for i, t in enumerate(texts, 1))
    document = Document(front=(), body=body, notes=())
    return source_of(slug, document, order=order, kind="report", short_title=f"Short <{slug}>")


def _build() -> tuple[list[Source], object]:
    sources = [
        _source("esau-17", [CIA_GENEVA, "In early 1960 <b>the</b> DRV moved."], 1),
        _source("third", [CAMBRIDGE_GENEVA, CAMBRIDGE_PARIS], 2),
    ]
    return sources, build(sources)


def test_timeline_data_has_the_agreed_shape_and_order() -> None:
    _, contribution = _build()
    files = {d.path: d.content for d in contribution.data}  # type: ignore[attr-defined]
    rows = json.loads(files["data/timeline.json"])
    assert [(r["date"], r["source"], r["anchor"]) for r in rows] == [
        ("1954", "esau-17", "p1"),
        ("1954", "third", "p1"),
        ("1960", "esau-17", "p2"),
        ("1973-01", "third", "p2"),
    ]
    assert set(rows[0]) >= {
        "date",
        "precision",
        "end",
        "inferred",
        "date_text",
        "source",
        "anchor",
        "paragraph",
        "text",
        "event",
    }
    assert rows[2]["precision"] == "season" and rows[2]["end"] is None
    table = list(csv.DictReader(io.StringIO(files["data/timeline.csv"])))
    assert [r["date"] for r in table] == [r["date"] for r in rows]


def test_timeline_page_escapes_source_text_and_marks_the_date() -> None:
    _, contribution = _build()
    pages = {p.path: p.content for p in contribution.pages}  # type: ignore[attr-defined]
    main = pages["timeline.md"]
    years = "".join(pages[f"timeline/{y}.md"] for y in (1954, 1960, 1973))
    assert "&lt;b&gt;the&lt;/b&gt;" in years and "<b>the</b>" not in years
    assert "<mark>early 1960</mark>" in pages["timeline/1960.md"]
    assert "# Timeline: 1954 {#y1954}" in pages["timeline/1954.md"]
    assert 'id="y1954"' in main and 'id="y1973"' in main  # the old anchors stay on the index
    assert pages["timeline/1954.md"].count('class="tl-entry tl-entry--shared"') == 1
    assert 'href="../../sources/third/#p2"' in pages["timeline/1973.md"]
    assert "Short &lt;esau-17&gt;" in main and "Short &lt;esau-17&gt;" in years
    assert 'href="../../sources/esau-17/#p1"' in pages["timeline/esau-17.md"]
    ET.fromstring(main[main.index("<svg") : main.index("</svg>") + 6])


def test_each_source_links_to_its_own_timeline_and_spans_mark_dates() -> None:
    _, contribution = _build()
    links = contribution.source_links  # type: ignore[attr-defined]
    assert links["esau-17"][0].href == "timeline/esau-17.md"
    spans = contribution.spans  # type: ignore[attr-defined]
    span = spans[("third", "p2")][0]
    assert CAMBRIDGE_PARIS[span.start : span.end] == "late January 1973"
    assert span.kind == "date" and span.href.startswith("timeline/1973/#e-1973-01-")


def test_statements_of_a_shared_entry_carry_its_id_and_others_null() -> None:
    _, contribution = _build()
    files = {d.path: d.content for d in contribution.data}  # type: ignore[attr-defined]
    rows = json.loads(files["data/timeline.json"])
    events_by_row = {(r["source"], r["anchor"]): r["event"] for r in rows}
    shared = events_by_row[("esau-17", "p1")]
    assert shared is not None and events_by_row[("third", "p1")] == shared
    assert events_by_row[("esau-17", "p2")] is None
    pages = {p.path: p.content for p in contribution.pages}  # type: ignore[attr-defined]
    assert any("One event: both name the Geneva Conference" in c for c in pages.values())
