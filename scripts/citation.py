"""Citations of the sources themselves, in Chicago style, from their metadata.

Used by the header of each source page, the "cite this paragraph" control and the
downloadable BibTeX/RIS records. Returns plain text (the caller escapes it) with the
title parts marked by ``*`` pairs left out: italics are the renderer's business, so the
functions return the pieces and a plain string.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.annotate.citation_resolve import fold
from scripts.meta import SourceMeta
from scripts.names import NameParts, split_name, western

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


@dataclass(frozen=True)
class Responsible:
    """Who a citation names as responsible for the work, and on what authority."""

    names: tuple[NameParts, ...]
    """The authors printed in the witness; else the supplied author; else the issuing office."""
    supplied: bool
    """True when the edition supplies the author (not printed in the witness): shown in
    square brackets, and the machine-readable records say so in a note."""
    corporate: bool
    """True when the names are an issuing office, not persons."""


def responsible(meta: SourceMeta) -> Responsible:
    """The authors of the work as a citation gives them (see :class:`Responsible`)."""
    authors = meta.contributors("author")
    if authors:
        return Responsible(tuple(c.parts for c in authors), False, False)
    if meta.attributed:
        return Responsible((meta.attributed.parts,), True, False)
    offices = meta.contributors("issuing office")
    return Responsible(tuple(split_name(c.name, None) for c in offices), False, True)


def supplied_note(meta: SourceMeta) -> str | None:
    """The note machine-readable records carry when the edition supplies the author."""
    if not responsible(meta).supplied or meta.attributed is None:
        return None
    return (
        f"Author supplied by the edition: {meta.attributed.name} is not printed in the "
        "witness; the attribution rests on internal evidence (see the edition's How to cite "
        "page)."
    )


def editor_parts(name: str, family_first: frozenset[str] = frozenset()) -> NameParts:
    """A container editor's name split, Western order unless listed family name first."""
    words = name.split()
    if len(words) > 1 and fold(name).strip() in family_first:
        return split_name(name, words[0])
    return western(name)


def author_line(meta: SourceMeta) -> str:
    """Who is responsible for the work, as a citation begins: authors, else the issuing office.

    An author the edition supplies is in square brackets: ``[Ang Cheng Guan]``.
    """
    who = responsible(meta)
    text = _names([p.name for p in who.names])
    return f"[{text}]" if who.supplied and text else text


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
