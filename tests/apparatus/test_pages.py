"""Page claims: every paragraph cited on the pages the witness's evidence supports."""

from __future__ import annotations

import json
import re

import pytest

from scripts.apparatus.pages import PageClaim, page_evidence, paragraph_page_claims, parse_page
from scripts.assemble import assemble
from scripts.model import (
    Contents,
    ContentsEntry,
    Document,
    Heading,
    Inline,
    PageBreak,
    Paragraph,
    Text,
)
from scripts.render.source_page import render_source
from scripts.sources import Source, load_sources
from tests.conftest import ROOT
from tests.factories import source_of


def _contents(*entries: tuple[str, str]) -> Contents:
    return Contents(tuple(ContentsEntry((Text(text),), page, 1) for text, page in entries), line=1)


def _para(*inlines: Inline) -> Paragraph:
    return Paragraph(tuple(inlines), line=1)


def _brk(label: str | None, *, inferred: bool = False, foot: str | None = None) -> PageBreak:
    return PageBreak(label, foot or "", 1, inferred=inferred, foot=foot)


def _doc(front: tuple[Contents, ...], *body: Heading | Paragraph) -> Document:
    return assemble(Document(front=front, body=tuple(body), notes=()))


def _h(text: str) -> Heading:
    return Heading(1, (Text(text),), 1)


def test_paragraph_under_a_heading_on_contents_page_n_is_cited_on_n() -> None:
    doc = _doc(
        (_contents(("One", "3"), ("Two", "3")),),
        _h("One"),
        _para(Text("Text of section one.")),
        _h("Two"),
    )
    claim = paragraph_page_claims(doc)[1]
    assert claim == PageClaim("3", "3", False, claim.evidence)
    assert claim.cite() == "p. 3"
    assert "One: contents p. 3" in claim.evidence


def test_paragraph_between_two_known_pages_gets_the_bracketed_range() -> None:
    doc = _doc(
        (_contents(("One", "4"), ("Two", "6")),),
        _h("One"),
        _para(Text("First.")),
        _para(Text("Second.")),
        _h("Two"),
    )
    claims = paragraph_page_claims(doc)
    assert claims[1].cite() == claims[2].cite() == "pp. [4–6]"
    assert claims[1].inferred


def test_unnumbered_break_narrows_the_range_on_each_side() -> None:
    doc = _doc(
        (_contents(("One", "4"), ("Two", "6")),),
        _h("One"),
        _para(Text("Before.")),
        _para(Text("Across"), _brk(None), Text("the break.")),
        _para(Text("After.")),
        _h("Two"),
    )
    claims = paragraph_page_claims(doc)
    assert [claims[n].cite() for n in (1, 2, 3)] == ["pp. [4–5]", "pp. [4–6]", "pp. [5–6]"]


def test_page_labelled_from_the_sequence_is_bracketed() -> None:
    doc = _doc(
        (),
        _para(_brk("2", inferred=True), Text("One.")),
        _para(_brk("3", inferred=True), Text("Two.")),
    )
    claims = paragraph_page_claims(doc)
    assert claims[1].cite() == "p. [2]" and claims[1].firstpage == "[2]"


def test_printed_page_numbers_on_both_sides_cite_plainly() -> None:
    doc = _doc(
        (), _para(_brk("7"), Text("One"), _brk("8"), Text("two.")), _para(_brk("9"), Text("x"))
    )
    claims = paragraph_page_claims(doc)
    assert claims[1].cite() == "pp. 7–8"
    assert not claims[1].inferred


def test_foot_number_ends_its_page() -> None:
    doc = _doc(
        (
            _contents(
                ("One", "15"),
            ),
        ),
        _h("One"),
        _para(Text("On fifteen to seventeen.")),
        _para(Text("Ends"), _brk("18", inferred=True, foot="17"), Text("on eighteen.")),
    )
    claims = paragraph_page_claims(doc)
    assert claims[1].cite() == "pp. [15–17]"
    assert claims[2].first == "15" and claims[2].last is None


def test_contradicted_page_is_never_printed() -> None:
    doc = _doc(
        (
            _contents(
                ("One", "10"),
            ),
        ),
        _h("One"),
        _para(Text("Text"), _brk("8"), Text("more.")),
        _para(Text("After the break.")),
    )
    evidence = page_evidence(doc)
    assert 1 not in evidence.claims
    assert any("¶1" in line for line in evidence.contradictions)


def test_roman_front_pages_never_leak_into_the_arabic_body() -> None:
    doc = _doc(
        (_contents(("Summary", "i"), ("One", "1"), ("Two", "3")),),
        _h("Summary"),
        _para(Text("Summary"), _brk("VI", inferred=True, foot="V"), Text("ends.")),
        _h("One"),
        _para(Text("Body.")),
        _h("Two"),
    )
    claims = paragraph_page_claims(doc)
    assert claims[2].cite() == "pp. [1–3]"


def test_paragraph_before_any_evidence_has_no_page() -> None:
    doc = _doc((), _para(Text("No evidence.")), _para(_brk(None), Text("Still none.")))
    assert paragraph_page_claims(doc) == {}


def test_headings_on_contents_pages_get_page_anchors_unless_a_break_has_one() -> None:
    doc = _doc(
        (_contents(("One", "3"), ("Two", "5")),),
        _h("One"),
        _para(Text("x"), _brk("5"), Text("y")),
        _h("Two"),
    )
    marks = page_evidence(doc).marks
    assert [(m.anchor, m.heading) for m in marks] == [("page-3", "one")]


@pytest.mark.parametrize("label", ["", "A-3", "iiii", "12a", "٣", "0"])
def test_labels_that_are_not_page_numbers_are_not_evidence(label: str) -> None:
    assert parse_page(label) is None


def test_inferred_page_is_bracketed_in_the_reading_page_and_its_citation_data() -> None:
    doc = _doc(
        (),
        _para(_brk("2", inferred=True), Text("One.")),
        _para(_brk("3", inferred=True), Text("Two.")),
    )
    page = render_source(source_of("hand", doc), {}).content
    assert 'data-page="[2]"' in page
    data = re.search(r'id="edition-cite-data">(.*?)</script>', page)
    assert data is not None
    assert json.loads(data.group(1))["pages"]["1"] == "p. [2]"
    assert 'class="page-break page-break--inferred"' in page


@pytest.fixture(scope="module")
def sources() -> dict[str, Source]:
    return {source.meta.slug: source for source in load_sources(ROOT)}


def test_cia_study_is_cited_on_its_contents_pages(sources: dict[str, Source]) -> None:
    claims = paragraph_page_claims(sources["esau-17"].document)
    cites = {n: claim.cite() for n, claim in claims.items()}
    assert cites[26] == "p. 3"  # II and II.A are both on p. 3 in the contents
    assert cites[30] == "pp. [4–6]"  # II.B on p. 4, II.C on p. 6
    assert cites[55] == "pp. [15–17]"  # III.B.1 on p. 15; the foot "- 17 -" comes later
    assert cites[81] == "pp. [26–27]"  # IV.B.1 on p. 26, a page break, IV.B.2 on p. 28
    assert all(cites[n].startswith("pp. [i") for n in range(1, 16))


def test_no_cia_body_paragraph_is_cited_on_a_front_matter_page_alone(
    sources: dict[str, Source],
) -> None:
    claims = paragraph_page_claims(sources["esau-17"].document)
    for n in range(22, 103):
        assert not re.search(r"[ivxIVX]", claims[n].pages), (n, claims[n].pages)


def test_every_printed_page_break_lies_within_its_paragraphs_claim(
    sources: dict[str, Source],
) -> None:
    for source in sources.values():
        claims = paragraph_page_claims(source.document)
        for paragraph in source.document.paragraphs():
            for node in paragraph.inlines:
                if isinstance(node, PageBreak) and node.label and paragraph.n in claims:
                    claim = claims[paragraph.n]
                    low, high = parse_page(claim.first), parse_page(claim.last or "99999")
                    value = parse_page(node.label)
                    assert low and high and value and low <= value <= high


def test_cwihp_sequence_pages_are_bracketed_and_printed_ones_plain(
    sources: dict[str, Source],
) -> None:
    claims = paragraph_page_claims(sources["mao-indochina-war"].document)
    assert claims[1].cite() == "p. [2]"
    assert claims[43].cite() == "p. 33"  # the printed number 33 survives


def test_web_capture_without_pages_cites_none(sources: dict[str, Source]) -> None:
    assert paragraph_page_claims(sources["third-indochina-war"].document) == {}
