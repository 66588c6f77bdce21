"""The TEI P5 export: valid against TEI-All, and it reads back into the site's reading text and
into every token of the raw witness."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from scripts import conserve
from scripts.model import PageBreak
from scripts.rules_catalogue import catalogue
from scripts.site import SiteOutput, build
from scripts.sources import Source
from scripts.tei import tei_path
from scripts.tei.inline import date_attributes, note_id
from scripts.tei.read import NS, reading_text, witness_text
from tests.conftest import ROOT

SCHEMA = ROOT.parent / "shared" / "tei" / "tei_all.rng"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SITE_URL = "https://edition.example.org/"
EPOCH = "1700000000"  # 2023-11-14


@pytest.fixture(scope="session")
def tei_schema() -> etree.RelaxNG:
    """TEI-All (P5 4.3.0), loaded once per session (it takes a second or more)."""
    if not SCHEMA.is_file():
        pytest.skip("../shared/tei/tei_all.rng is not beside the project")
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def _build() -> SiteOutput:
    """Run the pipeline in-process with a fixed build date; the environment is restored at once
    (other tests of the session build the site with the commit's date)."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        return build(ROOT, site_url=SITE_URL)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@pytest.fixture(scope="session")
def output() -> SiteOutput:
    """The pipeline's output, built in-process once, with a fixed build date."""
    return _build()


def _tei(output: SiteOutput, slug: str) -> etree._Element:
    data = next(d for d in output.data if d.path == tei_path(slug))
    return etree.fromstring(data.content.encode("utf-8"))


SLUGS = sorted(p.parent.name for p in (ROOT / "sources").glob("*/meta.yml"))


def _source(output: SiteOutput, slug: str) -> Source:
    return next(s for s in output.sources if s.meta.slug == slug)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_tei_of_each_source_is_valid_tei_all(
    output: SiteOutput, tei_schema: etree.RelaxNG, slug: str
) -> None:
    document = _tei(output, slug)
    valid = tei_schema.validate(document)
    errors = [f"{e.line}: {e.message}" for e in list(tei_schema.error_log)[:5]]
    assert valid, f"{slug}: {errors}"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_tei_reading_text_equals_the_site_paragraph_by_paragraph_and_note_by_note(
    output: SiteOutput, slug: str
) -> None:
    document = _tei(output, slug)
    source = _source(output, slug)
    paragraphs = list(source.document.paragraphs())
    tei_paragraphs = document.findall(".//tei:body//tei:p[@n]", NS)
    assert [p.get("n") for p in tei_paragraphs] == [str(p.n) for p in paragraphs]
    for paragraph, element in zip(paragraphs, tei_paragraphs, strict=True):
        assert element.get(XML_ID) == f"p{paragraph.n}"
        assert reading_text(element) == paragraph.text, f"{slug} ¶{paragraph.n}"
    notes = {n.get(XML_ID): n for n in document.iter("{*}note") if n.get(XML_ID)}
    for note in source.document.notes:
        element = notes[note_id(note.key)]
        assert element.get("n") == note.label
        assert reading_text(element) == note.text, f"{slug} note {note.label}"
        assert (element.get("type") == "lost") is (not note.present)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_tei_witness_text_accounts_for_every_token_of_the_raw_file(
    output: SiteOutput, slug: str
) -> None:
    source = _source(output, slug)
    raw = Counter(conserve.tokens(source.raw))
    tei = Counter(conserve.tokens(witness_text(_tei(output, slug))))
    assert raw - tei == Counter(), f"{slug}: tokens of the raw file missing from the TEI"
    assert tei - raw == Counter(), f"{slug}: tokens in the TEI that the raw file lacks"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_break_is_a_pb_with_inferred_ones_typed(output: SiteOutput, slug: str) -> None:
    breaks = _source(output, slug).document.page_breaks()
    pbs = list(_tei(output, slug).iter("{*}pb"))
    assert [(pb.get("n"), pb.get("type") == "inferred") for pb in pbs] == [
        (b.label, b.inferred) for b in breaks
    ]
    assert all(isinstance(b, PageBreak) for b in breaks)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_header_carries_publication_licence_build_date_and_every_rule(
    output: SiteOutput, slug: str
) -> None:
    header = _tei(output, slug).find("tei:teiHeader", NS)
    assert header is not None
    publication = header.find(".//tei:publicationStmt", NS)
    assert publication is not None
    assert publication.find("tei:idno", NS).text == f"{SITE_URL}sources/{slug}/"  # type: ignore[union-attr]
    assert publication.find("tei:availability/tei:licence", NS) is not None
    assert publication.find("tei:date", NS).get("when") == "2023-11-14"  # type: ignore[union-attr]
    source = _source(output, slug)
    witness = header.find(".//tei:sourceDesc/tei:bibl", NS)
    assert witness is not None
    assert source.meta.title in [t.text for t in witness.findall("tei:title", NS)]
    provenance = witness.find("tei:note[@type='provenance']", NS)
    assert provenance is not None and source.meta.provenance.description in (provenance.text or "")
    rules = {c.get("n") for c in header.iter("{*}category")}
    assert rules == set(catalogue())
    used = {e.get("type") for e in _tei(output, slug).iter("{*}corr", "{*}reg")}
    assert used <= rules


@pytest.mark.parametrize("slug", SLUGS)
def test_every_person_reference_points_into_the_list_of_persons(
    output: SiteOutput, slug: str
) -> None:
    document = _tei(output, slug)
    ids = {p.get(XML_ID) for p in document.iter("{*}person")}
    works = {b.get(XML_ID) for b in document.findall(".//tei:listBibl/tei:bibl", NS)}
    refs = {p.get("ref") for p in document.find("tei:text", NS).iter("{*}persName")}  # type: ignore[union-attr]
    assert refs and {r[1:] for r in refs if r} <= ids
    cited = {b.get("corresp") for b in document.find("tei:text", NS).iter("{*}bibl")}  # type: ignore[union-attr]
    assert {c[1:] for c in cited if c} <= works


def test_dates_take_their_value_from_the_timeline_label_and_mark_inferred_years() -> None:
    assert date_attributes("1975-04-17") == {"when": "1975-04-17"}
    assert date_attributes("1955/1957") == {"from": "1955", "to": "1957"}
    assert date_attributes("1975-04 (year inferred)") == {"when": "1975-04", "cert": "medium"}
    assert date_attributes("1959/1960 (winter)") == {"from": "1959", "to": "1960"}
    assert date_attributes("sometime") == {}


def test_the_tei_of_the_same_inputs_is_byte_identical(output: SiteOutput) -> None:
    again = _build()
    first = {d.path: d.content for d in output.data if d.path.endswith(".xml")}
    second = {d.path: d.content for d in again.data if d.path.endswith(".xml")}
    assert first and first == second


@pytest.mark.parametrize("slug", SLUGS)
def test_the_reading_and_editorial_pages_link_to_the_tei(site_dir: Path, slug: str) -> None:
    assert (site_dir / tei_path(slug)).is_file()
    for page in ("index.html", "editorial/index.html"):
        html = (site_dir / "sources" / slug / page).read_text("utf-8")
        assert re.search(rf'href="(\.\./)?{re.escape(slug)}\.xml"', html), page
