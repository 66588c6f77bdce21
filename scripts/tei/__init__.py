"""TEI P5 export of each source: ``/sources/<slug>/<slug>.xml``, valid against TEI-All.

The file is the whole edition of one source as scholarly data: a ``teiHeader``
(:mod:`scripts.tei.header`), the ``text`` with both readings of every change
(:mod:`scripts.tei.body`, :mod:`scripts.tei.inline`) and ``standOff`` authority data
(:mod:`scripts.tei.authority`). :mod:`scripts.tei.read` reads a file back into its reading
text and its witness text; the tests check both against the site and the raw witness.

Generation is one pass over the document (linear in its size) with lxml; the output is
deterministic (no clock but ``SOURCE_DATE_EPOCH``, sorted authority lists).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

from scripts.annotate import Span
from scripts.pages import DataFile
from scripts.sources import Source
from scripts.tei.authority import write_standoff
from scripts.tei.body import write_text
from scripts.tei.header import write_header
from scripts.tei.inline import person_id, work_id
from scripts.tei.xml import TEI_NS, XML_LANG

SpanMap = Mapping[tuple[str, str], Sequence[Span]]


def tei_path(slug: str) -> str:
    """Where a source's TEI file is published, under the site root."""
    return f"sources/{slug}/{slug}.xml"


def build_tei(
    source: Source,
    spans: SpanMap,
    data: Mapping[str, str],
    rules: Mapping[str, str],
    *,
    url: str,
    site_url: str,
) -> bytes:
    """The TEI document of one source, serialised (UTF-8, with an XML declaration)."""
    slug = source.meta.slug
    local = {location: found for (s, location), found in spans.items() if s == slug}
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    root.set(XML_LANG, "en")
    root.append(write_header(source.meta, url, site_url, rules))
    root.append(write_text(source.document, local))
    persons = {person_id(s.href) for found in local.values() for s in found if s.kind == "person" and s.href}
    works = {work_id(s.href) for found in local.values() for s in found if s.kind == "work" and s.href}
    standoff = write_standoff(persons, works, data)
    if standoff is not None:
        root.append(standoff)
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True))


def tei_file(
    source: Source, spans: SpanMap, data: Sequence[DataFile], rules: Mapping[str, str], *, url: str, site_url: str
) -> DataFile:
    """The TEI file of one source as a data file of the site."""
    by_path = {d.path: d.content for d in data}
    text = build_tei(source, spans, by_path, rules, url=url, site_url=site_url).decode("utf-8")
    return DataFile(tei_path(source.meta.slug), text)
