"""Machine-readable citations of the sources: BibTeX, RIS, Highwire tags, schema.org, Open Graph.

All are built from ``meta.yml`` alone, so a source's citation is stated once. ``url`` is the
edition page of the source (built from ``site_url``); the original's address, where known,
is ``meta.url``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from scripts.citation import (
    author_line,
    bibliography,
    editor_parts,
    responsible,
    supplied_note,
)
from scripts.indexes.works_names import family_first_names
from scripts.meta import SourceMeta
from scripts.names import NameParts
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


def _bib_value(name: str, value: str) -> str:
    """A field value escaped; ``author`` is escaped name by name by :func:`_bib_names`."""
    return value if name == "author" else _bib_escape(value)


def _people(meta: SourceMeta, role: str) -> list[str]:
    return [c.name for c in meta.authors if c.role == role]


def _authors(meta: SourceMeta) -> list[str]:
    """Authors as reference managers read them: ``Yang, Kuisong``; an office as one name."""
    who = responsible(meta)
    return [p.name if who.corporate else p.inverted for p in who.names]


def _translators(meta: SourceMeta) -> list[str]:
    return [c.parts.inverted for c in meta.contributors("translator")]


def _editors(meta: SourceMeta) -> list[NameParts]:
    if not meta.container:
        return []
    family_first = family_first_names()
    return [editor_parts(name, family_first) for name in meta.container.editors]


def _bib_names(meta: SourceMeta) -> str:
    who = responsible(meta)
    if who.corporate:
        # Braced: BibTeX reads an office as one name, not "Last, Jr, First".
        return " and ".join("{" + _bib_escape(p.name) + "}" for p in who.names)
    return " and ".join(_bib_escape(p.inverted) for p in who.names)


def _note(meta: SourceMeta) -> str | None:
    parts = [text for text in (supplied_note(meta),) if text]
    if meta.url:
        parts.append(f"Original: {meta.url}")
    return " ".join(parts) or None


def bibtex(meta: SourceMeta, url: str) -> str:
    """A BibTeX record of the source."""
    kind = BIBTEX_TYPES.get(meta.kind, "misc")
    fields: list[tuple[str, str]] = []
    if responsible(meta).names:
        fields.append(("author", _bib_names(meta)))
    fields.append(("title", meta.title))
    if meta.container:
        fields.append(("booktitle", meta.container.title))
        if meta.container.volume:
            fields.append(("volume", meta.container.volume))
        if meta.container.chapter:
            fields.append(("chapter", meta.container.chapter))
        if meta.container.editors:
            fields.append(("editor", " and ".join(p.inverted for p in _editors(meta))))
    if meta.series:
        fields.append(("type", meta.series.title))
        if meta.series.number:
            fields.append(("number", meta.series.number))
    if _translators(meta):
        fields.append(("translator", " and ".join(_translators(meta))))
    if meta.publisher:
        key = "institution" if kind == "techreport" else "publisher"
        fields.append((key, meta.publisher.name))
        if meta.publisher.place:
            fields.append(("address", meta.publisher.place))
    fields.append(("year", _year(meta)))
    if meta.pages:
        fields.append(("pages" if meta.container else "pagetotal", meta.pages))
    fields.append(("url", url))
    note = _note(meta)
    if note:
        fields.append(("note", note))
    protected = {"title", "booktitle"}
    body = ",\n".join(
        f"  {name} = {{{'{' if name in protected else ''}{_bib_value(name, value)}{'}' if name in protected else ''}}}"
        for name, value in fields
    )
    return f"@{kind}{{{meta.slug},\n{body}\n}}\n"


def ris(meta: SourceMeta, url: str) -> str:
    """An RIS record of the source."""
    lines = [f"TY  - {RIS_TYPES.get(meta.kind, 'GEN')}"]
    for name in _authors(meta):
        lines.append(f"AU  - {name}")
    lines.append(f"TI  - {meta.title}")
    if meta.container:
        lines.append(f"T2  - {meta.container.title}")
        lines += [f"A2  - {p.inverted}" for p in _editors(meta)]
        if meta.container.volume:
            lines.append(f"VL  - {meta.container.volume}")
    if meta.series:
        lines.append(f"T3  - {meta.series.title}")
        if meta.series.number:
            lines.append(f"IS  - {meta.series.number}")
    lines += [f"A4  - {name}" for name in _translators(meta)]
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
    note = supplied_note(meta)
    if note:
        lines.append(f"N1  - {note}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def highwire(meta: SourceMeta, url: str) -> list[tuple[str, str]]:
    """Highwire Press ``citation_*`` meta tags (read by Zotero and Google Scholar)."""
    tags: list[tuple[str, str]] = [("citation_title", meta.title)]
    for name in _authors(meta):
        tags.append(("citation_author", name))
    tags.append(("citation_publication_date", meta.issued.replace("-", "/")))
    if meta.online:
        tags.append(("citation_online_date", meta.online.replace("-", "/")))
    if meta.container:
        tags.append(("citation_inbook_title", meta.container.title))
        tags.append(("citation_book_title", meta.container.title))
        for parts in _editors(meta):
            tags.append(("citation_editor", parts.inverted))
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


def _schema_person(parts: NameParts) -> dict[str, str]:
    person = {"@type": "Person", "name": parts.name}
    if parts.family:
        person["familyName"] = parts.family
        if parts.given:
            person["givenName"] = parts.given
    return person


def csl(meta: SourceMeta, url: str) -> list[dict[str, Any]]:
    """A CSL-JSON record of the source (one item in a list), names split family/given."""
    kind = {"chapter": "chapter", "working-paper": "report", "report": "report"}
    item: dict[str, Any] = {
        "id": meta.slug,
        "type": kind.get(meta.kind, "document"),
        "title": meta.title,
        "URL": url,
        "issued": {"date-parts": [[int(part) for part in meta.issued.split("-")]]},
    }
    who = responsible(meta)
    if who.names:
        item["author"] = [p.csl() for p in who.names]
    if meta.contributors("translator"):
        item["translator"] = [c.parts.csl() for c in meta.contributors("translator")]
    if meta.container:
        item["container-title"] = meta.container.title
        if meta.container.volume:
            item["volume"] = meta.container.volume
        if meta.container.chapter:
            item["chapter-number"] = meta.container.chapter
        if meta.container.editors:
            item["editor"] = [p.csl() for p in _editors(meta)]
    if meta.series:
        item["collection-title"] = meta.series.title
        if meta.series.number:
            item["number"] = meta.series.number
    if meta.publisher:
        item["publisher"] = meta.publisher.name
        if meta.publisher.place:
            item["publisher-place"] = meta.publisher.place
    if meta.pages and meta.container:
        item["page"] = meta.pages
    elif meta.pages:
        item["number-of-pages"] = meta.pages
    note = _note(meta)
    if note:
        item["note"] = note
    return [item]


def csl_text(meta: SourceMeta, url: str) -> str:
    """The CSL-JSON record as a file."""
    return json.dumps(csl(meta, url), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
        data["author"] = [_schema_person(c.parts) for c in meta.contributors("author")]
    offices = _people(meta, "issuing office")
    if offices:
        data["sourceOrganization" if authors else "author"] = [
            {"@type": "Organization", "name": n} for n in offices
        ]
    if meta.contributors("translator"):
        data["translator"] = [_schema_person(c.parts) for c in meta.contributors("translator")]
    if meta.container:
        book: dict[str, Any] = {"@type": "Book", "name": meta.container.title}
        if meta.container.editors:
            book["editor"] = [_schema_person(p) for p in _editors(meta)]
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
