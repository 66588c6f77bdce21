"""Machine-readable citations of the sources: BibTeX, RIS, Highwire tags, schema.org, Open Graph.

All are built from ``meta.yml`` alone, so a source's citation is stated once. ``url`` is the
edition page of the source (built from ``site_url``); the original's address, where known,
is ``meta.url``.
"""

from __future__ import annotations

import re
from typing import Any

from scripts.citation import author_line, bibliography
from scripts.meta import SourceMeta
from scripts.render.escape import script_json

BIBTEX_TYPES = {"chapter": "incollection", "working-paper": "techreport", "report": "techreport"}
RIS_TYPES = {"chapter": "CHAP", "working-paper": "RPRT", "report": "RPRT"}
SCHEMA_TYPES = {"chapter": "Chapter", "working-paper": "Report", "report": "Report"}


def _year(meta: SourceMeta) -> str:
    return meta.issued[:4]


def _bib_escape(text: str) -> str:
    """Protect BibTeX's special characters; keep capitals with braces."""
    text = re.sub(r"([&%$#_{}])", r"\\\1", text)
    return text


def _people(meta: SourceMeta, role: str) -> list[str]:
    return [c.name for c in meta.authors if c.role == role]


def bibtex(meta: SourceMeta, url: str) -> str:
    """A BibTeX record of the source."""
    kind = BIBTEX_TYPES.get(meta.kind, "misc")
    fields: list[tuple[str, str]] = []
    authors = _people(meta, "author")
    if authors:
        fields.append(("author", " and ".join(authors)))
    elif _people(meta, "issuing office"):
        fields.append(("author", " and ".join(_people(meta, "issuing office"))))
    fields.append(("title", meta.title))
    if meta.container:
        fields.append(("booktitle", meta.container.title))
        if meta.container.volume:
            fields.append(("volume", meta.container.volume))
        if meta.container.chapter:
            fields.append(("chapter", meta.container.chapter))
        if meta.container.editors:
            fields.append(("editor", " and ".join(meta.container.editors)))
    if meta.series:
        fields.append(("type", meta.series.title))
        if meta.series.number:
            fields.append(("number", meta.series.number))
    if _people(meta, "translator"):
        fields.append(("translator", " and ".join(_people(meta, "translator"))))
    if meta.publisher:
        key = "institution" if kind == "techreport" else "publisher"
        fields.append((key, meta.publisher.name))
        if meta.publisher.place:
            fields.append(("address", meta.publisher.place))
    fields.append(("year", _year(meta)))
    if meta.pages:
        fields.append(("pages" if meta.container else "pagetotal", meta.pages))
    fields.append(("url", url))
    if meta.url:
        fields.append(("note", f"Original: {meta.url}"))
    protected = {"title", "booktitle"}
    body = ",\n".join(
        f"  {name} = {{{'{' if name in protected else ''}{_bib_escape(value)}{'}' if name in protected else ''}}}"
        for name, value in fields
    )
    return f"@{kind}{{{meta.slug},\n{body}\n}}\n"


def ris(meta: SourceMeta, url: str) -> str:
    """An RIS record of the source."""
    lines = [f"TY  - {RIS_TYPES.get(meta.kind, 'GEN')}"]
    for name in _people(meta, "author") or _people(meta, "issuing office"):
        lines.append(f"AU  - {name}")
    lines.append(f"TI  - {meta.title}")
    if meta.container:
        lines.append(f"T2  - {meta.container.title}")
        lines += [f"A2  - {name}" for name in meta.container.editors]
        if meta.container.volume:
            lines.append(f"VL  - {meta.container.volume}")
    if meta.series:
        lines.append(f"T3  - {meta.series.title}")
        if meta.series.number:
            lines.append(f"IS  - {meta.series.number}")
    lines += [f"A4  - {name}" for name in _people(meta, "translator")]
    if meta.publisher:
        lines.append(f"PB  - {meta.publisher.name}")
        if meta.publisher.place:
            lines.append(f"CY  - {meta.publisher.place}")
    lines.append(f"PY  - {_year(meta)}")
    lines.append(f"DA  - {meta.issued.replace('-', '/')}")
    if meta.pages and meta.container:
        lines.append(f"SP  - {meta.pages}")
    lines.append(f"UR  - {url}")
    if meta.url:
        lines.append(f"L2  - {meta.url}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def highwire(meta: SourceMeta, url: str) -> list[tuple[str, str]]:
    """Highwire Press ``citation_*`` meta tags (read by Zotero and Google Scholar)."""
    tags: list[tuple[str, str]] = [("citation_title", meta.title)]
    for name in _people(meta, "author") or _people(meta, "issuing office"):
        tags.append(("citation_author", name))
    tags.append(("citation_publication_date", meta.issued.replace("-", "/")))
    if meta.online:
        tags.append(("citation_online_date", meta.online.replace("-", "/")))
    if meta.container:
        tags.append(("citation_inbook_title", meta.container.title))
        tags.append(("citation_book_title", meta.container.title))
        for name in meta.container.editors:
            tags.append(("citation_editor", name))
        if meta.container.volume:
            tags.append(("citation_volume", meta.container.volume))
    if meta.series:
        tags.append(("citation_series_title", meta.series.title))
        if meta.series.number:
            tags.append(("citation_technical_report_number", meta.series.number))
    if meta.publisher:
        tags.append(("citation_publisher", meta.publisher.name))
        if meta.kind != "chapter":
            tags.append(("citation_technical_report_institution", meta.publisher.name))
    if meta.pages and meta.container:
        first, _, last = meta.pages.partition("–")
        tags.append(("citation_firstpage", first))
        if last:
            tags.append(("citation_lastpage", last))
    tags.append(("citation_public_url", url))
    if meta.url:
        tags.append(("citation_abstract_html_url", meta.url))
    tags.append(("citation_language", "en"))
    return tags


def jsonld(meta: SourceMeta, url: str) -> dict[str, Any]:
    """A schema.org description of the source (Chapter with isPartOf, or Report)."""
    kind = SCHEMA_TYPES.get(meta.kind, "CreativeWork")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": meta.title,
        "datePublished": meta.issued,
        "url": url,
        "inLanguage": "en",
        "description": bibliography(meta),
    }
    authors = _people(meta, "author")
    if authors:
        data["author"] = [{"@type": "Person", "name": n} for n in authors]
    offices = _people(meta, "issuing office")
    if offices:
        data["sourceOrganization" if authors else "author"] = [
            {"@type": "Organization", "name": n} for n in offices
        ]
    translators = _people(meta, "translator")
    if translators:
        data["translator"] = [{"@type": "Person", "name": n} for n in translators]
    if meta.container:
        book: dict[str, Any] = {"@type": "Book", "name": meta.container.title}
        if meta.container.editors:
            book["editor"] = [{"@type": "Person", "name": n} for n in meta.container.editors]
        if meta.container.volume:
            book["volumeNumber"] = meta.container.volume
        data["isPartOf"] = book
    if meta.series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": meta.series.title}
        if meta.series.number:
            data["reportNumber"] = meta.series.number
    if meta.publisher:
        data["publisher"] = {"@type": "Organization", "name": meta.publisher.name}
    if meta.pages:
        data["pagination"] = meta.pages
    if meta.url:
        data["sameAs"] = meta.url
    if not authors and not offices and meta.attributed:
        data["creditText"] = f"Attributed to {meta.attributed.name} (not printed in the source)"
    return data


def jsonld_text(meta: SourceMeta, url: str) -> str:
    """The JSON-LD, safe inside a ``<script>`` element."""
    return script_json(jsonld(meta, url))


def opengraph(meta: SourceMeta, url: str, description: str) -> list[tuple[str, str]]:
    """Open Graph tags of a source page."""
    who = author_line(meta)
    return [
        ("og:type", "article"),
        ("og:title", meta.title),
        ("og:description", description),
        ("og:url", url),
        *([("article:author", who)] if who else []),
        ("article:published_time", meta.issued),
    ]
