"""How a work of the bibliography is written out: Chicago-style Markdown, JSON, CSL-JSON.

Names are printed as the notes print them (``Nayan Chanda``, ``Lee Kuan Yew``): the notes
do not say which part of a name is the family name, so the edition never inverts one.
Every piece of note text is escaped before it enters Markdown.
"""

from __future__ import annotations

import re
from typing import Any

from scripts.annotate.citation_resolve import ARCHIVAL, Work, surname
from scripts.annotate.citation_text import is_institution
from scripts.annotate.citations import Citation
from scripts.render.escape import md_inline

CSL_TYPES = {
    "book": "book",
    "chapter": "chapter",
    "article": "article-journal",
    "newspaper": "article-newspaper",
    "report": "report",
    "thesis": "thesis",
    "document": "document",
    "interview": "interview",
    "correspondence": "personal_communication",
    "conversation": "personal_communication",
    "speech": "speech",
    "cable": "document",
}
"""Kinds of the edition mapped to the CSL 1.0.2 item types."""


def names_text(names: tuple[str, ...]) -> str:
    """``A``, ``A and B``, ``A, B, and C``."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _sentence(text: str) -> str:
    """End a part with a full stop unless it already ends with punctuation."""
    return text if re.search(r"[.?!…]$", text) else text + "."


def _title(c: Citation, quoted: bool) -> str:
    title = md_inline(c.title)
    translation = f" \\[{md_inline(c.translation)}\\]" if c.translation else ""
    if quoted:
        return f"“{_sentence(title)}”{translation}"
    return f"*{title}*{translation}."


def _imprint(c: Citation) -> str:
    place = ": ".join(p for p in (c.place, c.publisher) if p)
    when = c.date or c.year
    return ", ".join(md_inline(p) for p in (place, when) if p)


def chicago(c: Citation) -> str:
    """The full citation of a work in Chicago bibliography style, as escaped Markdown."""
    parts: list[str] = []
    if c.authors:
        parts.append(_sentence(md_inline(names_text(c.authors))))
    elif c.editors:
        marker = "eds." if len(c.editors) > 1 else "ed."
        parts.append(f"{md_inline(names_text(c.editors))}, {marker}")
    if c.kind in ARCHIVAL:
        described = c.title
        if c.date and c.date not in c.title:
            described += ", " + c.date
        parts.append(_sentence(md_inline(described)))
        if c.container:
            parts.append(_sentence("In *" + md_inline(c.container) + "*"))
        imprint = ", ".join(md_inline(p) for p in (c.publisher or c.place, c.year) if p)
        if c.publisher and imprint:
            parts.append(_sentence(imprint))
        return " ".join(parts)
    if c.kind in {"article", "newspaper", "chapter", "thesis"}:
        if c.title:
            parts.append(_title(c, quoted=True))
        if c.kind == "chapter":
            container = "In *" + md_inline(c.container) + "*"
            if c.container_editors:
                container += ", edited by " + md_inline(names_text(c.container_editors))
            parts.append(_sentence(container))
            parts.append(_sentence(_imprint(c)))
        elif c.kind == "article":
            journal = f"*{md_inline(c.container)}*"
            if c.volume:
                journal += f" {md_inline(c.volume)}"
            if c.issue:
                number = c.issue if c.issue.startswith("No") else f"no. {c.issue}"
                journal += f", {md_inline(number)}"
            if c.date or c.year:
                journal += f" ({md_inline(c.date or c.year)})"
            parts.append(_sentence(journal))
        elif c.kind == "newspaper":
            parts.append(_sentence(f"*{md_inline(c.container)}*, {md_inline(c.date or c.year)}"))
        else:
            parts.append(
                _sentence(
                    ", ".join(
                        md_inline(p) for p in (c.container, c.publisher or c.place, c.year) if p
                    )
                )
            )
    else:
        parts.append(_title(c, quoted=False))
        if c.volume and c.kind == "book":
            parts.append(_sentence(md_inline(c.volume)))
        if c.container:
            series = c.container + (f" {c.volume}" if c.kind == "report" and c.volume else "")
            parts.append(_sentence(md_inline(series)))
        if _imprint(c):
            parts.append(_sentence(_imprint(c)))
    if c.url:
        parts.append(_sentence(md_inline(c.url)))
    return " ".join(p for p in parts if p and p != ".")


def record(work: Work) -> dict[str, Any]:
    """The entry of ``data/works.json`` for a work."""
    c = work.citation
    data: dict[str, Any] = {
        "id": work.id,
        "kind": c.kind,
        "authors": list(c.authors),
        "editors": list(c.editors),
        "title": c.title,
    }
    optional = {
        "translated_title": c.translation,
        "container": c.container,
        "container_editors": list(c.container_editors),
        "volume": c.volume,
        "issue": c.issue,
        "place": c.place,
        "publisher": c.publisher,
        "year": c.year,
        "date": c.date,
        # the pages of an article or chapter as its full citation gives them; a book's
        # cited pages belong to each citation (``cited_in``), not to the work
        "pages": c.pages if c.kind in {"article", "chapter"} else "",
        "url": c.url,
    }
    # The fields every consumer may rely on are always present (null when not given).
    always = {"container", "place", "publisher", "year", "pages"}
    data.update({k: (v or None) for k, v in optional.items() if v or k in always})
    data["citation"] = c.text
    data["cited_in"] = [
        {"source": x.source, "note": x.label, "key": x.key, "pages": x.pages, "form": x.form}
        for x in work.cited
    ]
    return data


def _csl_name(name: str, family_first: frozenset[str]) -> dict[str, str]:
    """A CSL name: family and given names; offices and one-word names as a literal."""
    name = name.strip("[]")
    if is_institution(name) or " " not in name:
        return {"literal": name}
    family = surname(name, family_first)
    if name.startswith(family + " "):
        return {"family": family, "given": name[len(family) :].strip()}
    return {"family": family, "given": name[: len(name) - len(family)].strip()}


def csl_item(work: Work, family_first: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The CSL-JSON item of a work (CSL 1.0.2 variables)."""
    c = work.citation
    item: dict[str, Any] = {"id": work.id, "type": CSL_TYPES.get(c.kind, "document")}
    if c.authors:
        item["author"] = [_csl_name(n, family_first) for n in c.authors]
    if c.editors:
        item["editor"] = [_csl_name(n, family_first) for n in c.editors]
    if c.container_editors:
        item["editor"] = [_csl_name(n, family_first) for n in c.container_editors]
    item["title"] = c.title or c.container
    if c.translation:
        # CSL has no variable for a translated title: printed after it, as the notes do
        item["title"] += f" [{c.translation}]"
    if c.container:
        if c.kind in {"report", "book"}:
            item["collection-title"] = c.container
        elif c.kind == "thesis":
            item["genre"] = c.container
        else:
            item["container-title"] = c.container
    if c.kind == "report" and c.volume:
        item["number"] = c.volume
    elif c.volume:
        item["volume"] = c.volume
    if c.issue:
        item["issue"] = c.issue
    if c.publisher:
        item["publisher"] = c.publisher
    if c.place:
        item["publisher-place"] = c.place
    if c.year:
        item["issued"] = {"date-parts": [[int(c.year)]]}
        if c.date and c.date != c.year:
            item["issued"]["raw"] = c.date
    if c.url:
        item["URL"] = c.url if "://" in c.url else "http://" + c.url
    return item
