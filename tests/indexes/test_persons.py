"""The person index's contribution: spans, pages and data built from small documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.annotate import Span
from scripts.assemble import assemble
from scripts.indexes.persons import build
from scripts.model import Document, Note, Paragraph, Text
from scripts.pages import Contribution
from scripts.sources import Source
from tests.factories import source_of

AUTHORITY = """\
- id: le-duan
  name: Lê Duẩn
  family: Lê
  variants: [Le Duan]
  role: first secretary of the Vietnamese Workers' Party
  born: 1907-04-07
  died: 1986-07-10
  category: actor
- id: dang-xuan-khu
  name: Đặng Xuân Khu
  family: Đặng
  role: party leader
  category: actor
- id: pol-pot
  name: Pol Pot
  family: ~
  role: leader of the Khmer Rouge
  category: actor
- id: nayan-chanda
  name: Nayan Chanda
  family: Chanda
  short: [Chanda]
  role: journalist and historian
  category: scholar
"""


def _source(slug: str, order: int, paragraphs: list[str], notes: list[str] = ()) -> Source:  # type: ignore[assignment]
    body = tuple(Paragraph((Text(p),), line=i + 1) for i, p in enumerate(paragraphs))
    note_records = tuple(
        Note(str(i + 1), str(i + 1), (Text(n),), 50 + i) for i, n in enumerate(notes)
    )
    document = assemble(Document(front=(), body=body, notes=note_records))
    return source_of(slug, document, order=order, short_title=f"Source {slug}")


SOURCES = [
    _source(
        "cam",
        1,
        [
            "Lê Duẩn met Pol Pot; Pol Pot was adamant.",
            "Nothing here.",
            "Le Duan traveled <script>alert(1)</script> *now* to Phnom Penh.",
        ],
        ["Nayan Chanda, Brother Enemy (New York, 1986), 201."],
    ),
    _source("cia", 2, ["Đặng Xuân Khu spoke before Le Duan."]),
]


@pytest.fixture(scope="module")
def contribution(tmp_path_factory: pytest.TempPathFactory) -> Contribution:
    path = tmp_path_factory.mktemp("auth") / "persons.yml"
    path.write_text(AUTHORITY, encoding="utf-8")
    return build(SOURCES, authority_path=path)


def _page(contribution: Contribution, path: str) -> str:
    return next(page.content for page in contribution.pages if page.path == path)


def test_each_mention_becomes_a_person_span_with_link_and_tooltip(
    contribution: Contribution,
) -> None:
    spans = contribution.spans[("cam", "p1")]
    title = "Lê Duẩn (1907–1986), first secretary of the Vietnamese Workers' Party"
    assert spans[0] == Span(0, 7, "person", title, "persons/le-duan/")
    assert [(s.start, s.end, s.href) for s in spans[1:]] == [
        (12, 19, "persons/pol-pot/"),
        (21, 28, "persons/pol-pot/"),
    ]
    assert spans[1].title == "Pol Pot, leader of the Khmer Rouge"


def test_note_mentions_get_spans_too(contribution: Contribution) -> None:
    assert [s.href for s in contribution.spans[("cam", "fn:1")]] == ["persons/nayan-chanda/"]


def test_json_lists_one_entry_per_body_mention_and_notes_apart(contribution: Contribution) -> None:
    data = {d.path: d.content for d in contribution.data}
    records = {r["id"]: r for r in json.loads(data["data/persons.json"])}
    assert records["pol-pot"]["mentions"] == [
        {"source": "cam", "anchor": "p1", "paragraph": 1},
        {"source": "cam", "anchor": "p1", "paragraph": 1},
    ]
    assert [m["source"] for m in records["le-duan"]["mentions"]] == ["cam", "cam", "cia"]
    assert records["nayan-chanda"]["mentions"] == []
    assert records["nayan-chanda"]["note_mentions"] == [{"source": "cam", "note": "1"}]
    assert records["le-duan"]["born"] == "1907-04-07"
    assert "pol-pot,Pol Pot" in data["data/persons.csv"]


def test_same_inputs_give_identical_output(tmp_path: Path) -> None:
    path = tmp_path / "persons.yml"
    path.write_text(AUTHORITY, encoding="utf-8")
    first, second = build(SOURCES, authority_path=path), build(SOURCES, authority_path=path)
    assert first.pages == second.pages
    assert first.data == second.data


def test_person_page_escapes_source_text_in_snippets(contribution: Contribution) -> None:
    page = _page(contribution, "persons/le-duan.md")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    # The mention lists are final HTML: Markdown syntax in a snippet stays text.
    assert "*now*" in page and "<em>now</em>" not in page


def test_person_page_groups_mentions_by_source_with_first_and_last(
    contribution: Contribution,
) -> None:
    page = _page(contribution, "persons/le-duan.md")
    assert (
        "first in [¶1](../sources/cam/index.md#p1), last in [¶3](../sources/cam/index.md#p3)"
        in page
    )
    assert page.index("### Source cam {") < page.index("### Source cia {")
    assert (
        '<li><a href="../../sources/cia/#p1">¶1</a> Đặng Xuân Khu spoke before '
        "<strong>Le Duan</strong>.</li>"
    ) in page


def test_person_page_lists_persons_named_in_the_same_paragraphs(contribution: Contribution) -> None:
    page = _page(contribution, "persons/le-duan.md")
    assert "- [Pol Pot](pol-pot.md) — 1 paragraph(s)" in page
    assert "- [Đặng Xuân Khu](dang-xuan-khu.md) — 1 paragraph(s)" in page


def test_index_is_alphabetical_by_folded_family_name_and_filterable(
    contribution: Contribution,
) -> None:
    page = _page(contribution, "persons/index.md")
    # Chanda (Nayan Chanda), Đặng (Đặng Xuân Khu), Lê (Lê Duẩn), Pol Pot (no family name).
    order = [
        page.index(f'href="{pid}/"')
        for pid in ("nayan-chanda", "dang-xuan-khu", "le-duan", "pol-pot")
    ]
    assert order == sorted(order)
    assert '<li class="person-index__entry" data-category="scholar">' in page
    assert "Source cam: 2 · Source cia: 1" in page
    assert page.startswith('---\ntitle: "Persons"\ndescription: ')


def test_every_page_has_a_meta_description(contribution: Contribution) -> None:
    for page in contribution.pages:
        assert "\ndescription: " in page.content.split("---")[1], page.path


def test_every_person_of_the_committed_authority_is_named_in_a_source(root: Path) -> None:
    """No dead entry: each person of the authority file is found in some source."""
    from scripts.annotate.persons import find_mentions
    from scripts.annotate.persons_schema import load_authority
    from scripts.sources import load_sources

    sources = load_sources(root)
    assert len(sources) >= 3
    authority = load_authority(root / "sources" / "persons.yml")
    found = find_mentions([(s.meta.slug, s.document) for s in sources], authority)
    named = {m.person for m in found.mentions}
    assert [p.id for p in authority.persons if p.id not in named] == []


def test_person_pages_rank_low_in_search_and_keep_quotations_out(
    contribution: Contribution,
) -> None:
    page = _page(contribution, "persons/le-duan.md")
    front = page.split("---")[1]
    assert "search:\n  boost: " in front
    assert "## Mentions in the texts { data-search-exclude }" in page
    assert "## Named in the same paragraphs { data-search-exclude }" in page
    assert "search:" not in _page(contribution, "persons/index.md").split("---")[1]


def test_a_person_named_more_often_than_a_page_holds_gets_further_pages_listing_each_mention_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts.indexes import persons_pages

    monkeypatch.setattr(persons_pages, "PAGE_MENTIONS", 10)
    path = tmp_path / "persons.yml"
    path.write_text(AUTHORITY, encoding="utf-8")
    many = [
        _source(f"s{n}", n, [f"Pol Pot spoke ({k})." for k in range(4)]) for n in range(1, 9)
    ]
    pages = {p.path: p.content for p in build(many, authority_path=path).pages}
    parts = sorted(p for p in pages if p.startswith("persons/pol-pot/"))
    assert parts and parts[0] == "persons/pol-pot/2.md"
    every = [pages["persons/pol-pot.md"], *(pages[p] for p in parts)]
    lines = [line for page in every for line in page.splitlines() if line.startswith("<li>")]
    assert len(lines) == 32 and len(set(lines)) == 32  # 8 sources × 4 mentions, each once
    assert all(page.count("<li>") <= 10 for page in every)
    # From /persons/pol-pot/2/ the texts are three folders up; Markdown links two.
    assert '<li><a href="../../../sources/' in pages[parts[0]]
    # Page 2 goes on with the second source's list and opens the third's with its summary.
    assert "### Source s2 (continued) {" in pages[parts[0]]
    assert "first in [¶1](../../sources/s3/index.md#p1)" in pages[parts[0]]
    assert f"The mentions fill {len(every)} pages: 1 · [2](../persons/pol-pot/2.md)" in every[0]
    assert "Continued on [page 2](pol-pot/2.md)." in every[0]
    assert "[the person's page](../pol-pot.md)" in pages[parts[0]]


def test_a_person_whose_mentions_fit_one_page_gets_one_page(contribution: Contribution) -> None:
    assert not [p for p in contribution.pages if p.path.startswith("persons/le-duan/")]
    assert "The mentions fill" not in _page(contribution, "persons/le-duan.md")
