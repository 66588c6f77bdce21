"""Citations of the sources themselves, in Chicago style, from their metadata.

Used by the header of each source page, the "cite this paragraph" control and the
downloadable BibTeX/RIS records. Returns plain text (the caller escapes it) with the
title parts marked by ``*`` pairs left out: italics are the renderer's business, so the
functions return the pieces and a plain string.
"""

from __future__ import annotations

from scripts.meta import SourceMeta

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def human_date(iso: str) -> str:
    """``2025-01-02`` → ``2 January 2025``; ``2002-02`` → ``February 2002``; ``2024`` → ``2024``."""
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def author_line(meta: SourceMeta) -> str:
    """Who is responsible for the work, as a citation begins: authors, else the issuing office."""
    authors = meta.people("author")
    if authors:
        return _names(authors)
    office = meta.people("issuing office")
    return _names(office)


def bibliography(meta: SourceMeta) -> str:
    """A full Chicago-style bibliography entry of the source, plain text."""
    parts: list[str] = []
    who = author_line(meta)
    if who:
        parts.append(f"{who}.")
    title = f"“{meta.title}.”"
    parts.append(title)
    translators = meta.people("translator")
    if translators:
        parts.append(f"Translated by {_names(translators)}.")
    if meta.container:
        c = meta.container
        line = f"Chapter {c.chapter} in " if c.chapter else "In "
        line += c.title
        if c.volume:
            line += f", vol. {c.volume}"
        if c.part:
            line += f", {c.part}"
        if c.editors:
            line += f", edited by {_names(c.editors)}"
        parts.append(line + ".")
    if meta.series:
        series = meta.series.title + (f" No. {meta.series.number}" if meta.series.number else "")
        parts.append(series + ".")
    if meta.publisher:
        place = f"{meta.publisher.place}: " if meta.publisher.place else ""
        parts.append(f"{place}{meta.publisher.name}, {human_date(meta.issued)}.")
    else:
        parts.append(f"{human_date(meta.issued)}.")
    if meta.pages:
        parts.append(f"Pp. {meta.pages}." if meta.container else f"{meta.pages} pp.")
    if meta.online:
        parts.append(f"Published online {human_date(meta.online)}.")
    if meta.url:
        parts.append(meta.url + ".")
    return " ".join(parts)


def short_note(meta: SourceMeta) -> str:
    """A short citation of the source (``Qiang Zhai, “Mao Zedong and the Indochina War” (2002)``)."""
    who = author_line(meta)
    head = f"{who}, " if who else ""
    return f"{head}“{meta.title}” ({meta.issued.split('-')[0]})"


def paragraph_note(
    meta: SourceMeta, *, paragraph: int, page: str | None, url: str, accessed: str
) -> str:
    """A Chicago notes-style citation of one paragraph, as the cite control copies it."""
    who = author_line(meta)
    head = f"{who}, " if who else ""
    where = []
    if meta.container:
        where.append(
            f"in {meta.container.title}"
            + (f", vol. {meta.container.volume}" if meta.container.volume else "")
        )
        if meta.container.editors:
            where.append(f"ed. {_names(meta.container.editors)}")
    if meta.series:
        where.append(
            meta.series.title + (f" No. {meta.series.number}" if meta.series.number else "")
        )
    imprint = []
    if meta.publisher:
        imprint.append(
            ((meta.publisher.place + ": ") if meta.publisher.place else "") + meta.publisher.name
        )
    imprint.append(human_date(meta.issued))
    text = f"{head}“{meta.title},” " + (", ".join(where) + " " if where else "")
    text += f"({', '.join(imprint)}), "
    if page:
        text += f"{page}, "
    text += f"para. {paragraph}, digital edition, {url} (accessed {accessed})."
    return text
