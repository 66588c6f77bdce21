"""The ``teiHeader`` of a source: the edition as a publication, the witness, the editorial rules.

* ``fileDesc``: title and responsibility, the publication (publisher, base URL, the source's
  address, the data licence, the build date taken from ``SOURCE_DATE_EPOCH``), and in
  ``sourceDesc`` the witness's bibliographic description, particulars and provenance
  (``meta.yml``);
* ``encodingDesc``: how the text is encoded (what ``sic``/``corr``, ``orig``/``reg``, ``pb``,
  ``fw``, ``gap``, ``@resp="#edition"`` mean here), how pages were determined, and every rule of
  the rules catalogue as a ``category`` whose id is the rule's name (``corr/@type``).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

from lxml import etree

from scripts import citation
from scripts.datafiles import DATA_LICENCE, DATA_LICENCE_URL
from scripts.meta import SourceMeta
from scripts.tei.xml import element, ncname, sub

EDITION_TITLE = "China, Vietnam and Cambodia, 1949–1991: a digital edition"

ENCODING = (
    "Each numbered paragraph is p with n and xml:id as on the site (#pN). An emendation is a "
    "choice: sic and corr where the edition corrects an error of the capture, orig and reg "
    "where it only normalises spacing or hyphenation; corr/@type and reg/@type name the rule "
    "(a category of the taxonomy 'rules' below). A sic outside choice is an error of the "
    "original kept as printed; the edition's comment follows it as note type='sic'. A redaction "
    "of the declassified original is gap reason='redacted' with the witness's mark as desc. "
    "Notes stand at their first reference (ref type='noteref' holds the witness's reference "
    "characters); note/@n is the original number or mark, and a note whose text the capture "
    "lost is note type='lost' with gap reason='not-in-capture'. Everything the edition removed "
    "from the witness (web chrome, running heads, security banners) is listed in back, "
    "div type='removals', as fw with its raw line as item/@n. Words the edition adds (heads of "
    "its own lists, reasons, comments, expansions) carry resp='#edition'. The reading text is "
    "corr, reg and abbr (the site prints abbreviations as the source has them; expan gives the "
    "expansion); the witness text is sic, orig, abbr, fw, label, ref and the gap marks, which "
    "together account for every word and punctuation mark of the raw witness."
)

PAGES = (
    "Page breaks are pb. pb/@n is the printed page number; pb type='inferred' marks a page "
    "whose number is not printed at that point but follows from the sequence of the pages "
    "around it (the edition's inference, shown in square brackets on the site); "
    "pb type='unnumbered' marks a break whose number did not survive. Where the witness prints "
    "the number at the foot of a page, that number is fw type='pageNum' place='bottom' before "
    "the break that ends the page."
)


def build_date() -> str:
    """The build date (UTC, ``YYYY-MM-DD``) from ``SOURCE_DATE_EPOCH``, for reproducible builds."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or "0")
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).date().isoformat()


def _bibl(parent: etree._Element, meta: SourceMeta) -> None:
    bibl = sub(parent, "bibl", type="witness")
    for contributor in meta.authors:
        if contributor.role == "editor":
            sub(bibl, "editor", contributor.name)
        elif contributor.role == "author":
            sub(bibl, "author", contributor.name)
        else:
            resp = sub(bibl, "respStmt")
            sub(resp, "resp", contributor.role)
            sub(resp, "name", contributor.name)
    if meta.attributed:
        resp = sub(bibl, "respStmt", cert="medium")
        sub(resp, "resp", f"attributed to (not printed): {meta.attributed.evidence}")
        sub(resp, "persName", meta.attributed.name)
    level = "a" if meta.container else "m"
    sub(bibl, "title", meta.title, level=level)
    if meta.container:
        container = meta.container
        sub(bibl, "title", container.title, level="m")
        for name in container.editors:
            sub(bibl, "editor", name)
        if container.volume:
            sub(bibl, "biblScope", container.volume, unit="volume")
        if container.volume_title:
            sub(bibl, "title", container.volume_title, level="m", type="volume")
        if container.part:
            sub(bibl, "biblScope", container.part, unit="part")
        if container.chapter:
            sub(bibl, "biblScope", container.chapter, unit="chapter")
    if meta.series:
        series = sub(bibl, "series")
        sub(series, "title", meta.series.title, level="s")
        if meta.series.number:
            sub(series, "biblScope", meta.series.number, unit="number")
    if meta.publisher:
        sub(bibl, "publisher", meta.publisher.name)
        if meta.publisher.place:
            sub(bibl, "pubPlace", meta.publisher.place)
    sub(bibl, "date", citation.human_date(meta.issued), when=meta.issued)
    if meta.online:
        sub(bibl, "date", citation.human_date(meta.online), when=meta.online, type="online")
    if meta.pages:
        sub(bibl, "extent", f"{meta.pages} pages")
    if meta.url:
        sub(bibl, "ref", meta.url, target=meta.url)
    if meta.identifier:
        sub(bibl, "idno", meta.identifier)
    for particular in meta.particulars:
        sub(bibl, "note", f"{particular.label}: {particular.value}", type="particular")
    provenance = meta.provenance
    note = sub(bibl, "note", provenance.description, type="provenance")
    if provenance.delivered_as:
        sub(note, "idno", provenance.delivered_as, type="delivered-as")
    if provenance.captured:
        sub(note, "date", citation.human_date(provenance.captured), when=provenance.captured, type="captured")
    if provenance.tool:
        sub(note, "name", provenance.tool, type="tool")
    if meta.edition_note:
        sub(bibl, "note", meta.edition_note, type="edition")


def write_header(meta: SourceMeta, url: str, site_url: str, rules: Mapping[str, str]) -> etree._Element:
    """The ``teiHeader`` of one source's TEI file."""
    header = element("teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", f"{meta.title}: an electronic edition", type="main")
    for name in meta.people("author"):
        sub(title_stmt, "author", name)
    resp = sub(title_stmt, "respStmt", xml_id="edition")
    sub(resp, "resp", "edited, encoded and annotated by")
    sub(resp, "orgName", f"the editors of {EDITION_TITLE}")
    publication = sub(file_desc, "publicationStmt")
    sub(publication, "publisher", EDITION_TITLE)
    if site_url:
        sub(publication, "pubPlace").append(_ref(site_url))
    sub(publication, "idno", url, type="URI")
    availability = sub(publication, "availability", status="restricted")
    sub(availability, "licence", DATA_LICENCE, target=DATA_LICENCE_URL)
    sub(publication, "date", build_date(), when=build_date(), type="build")
    source_desc = sub(file_desc, "sourceDesc")
    _bibl(source_desc, meta)
    encoding = sub(header, "encodingDesc")
    project = sub(encoding, "projectDesc")
    sub(project, "p", citation.bibliography(meta) + " is one of the sources of " + EDITION_TITLE + ": a faithful, annotated and citable reading text that keeps every word of the witness.")
    editorial = sub(encoding, "editorialDecl")
    sub(sub(editorial, "correction"), "p", ENCODING)
    sub(sub(editorial, "interpretation"), "p", PAGES)
    class_decl = sub(encoding, "classDecl")
    taxonomy = sub(class_decl, "taxonomy", xml_id="rules")
    sub(taxonomy, "desc", "The edition's repair rules; corr/@type and reg/@type name one.")
    for name in sorted(rules):
        category = sub(taxonomy, "category", xml_id=ncname("rule-" + name), n=name)
        sub(category, "catDesc", f"{name}: {rules[name]}")
    profile = sub(header, "profileDesc")
    languages = sub(profile, "langUsage")
    sub(languages, "language", "English", ident="en")
    return header


def _ref(target: str) -> etree._Element:
    node = element("ref", target, target=target)
    return node
