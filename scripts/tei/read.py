"""Read a TEI file of the edition back: its reading text and its witness text.

* The **reading text** of an element is what the site prints: ``corr``/``reg`` of each
  ``choice`` (not ``sic``/``orig``), ``abbr`` (the site prints abbreviations as the source
  has them), the mark of a redaction; never notes, note references, page numbers (``fw``),
  labels or anything the edition adds (``@resp="#edition"``).
* The **witness text** of the document is everything the witness has: ``sic``/``orig`` (not
  ``corr``/``reg``/``expan``), notes and their labels, note references, ``fw`` (page numbers
  and the removals listed in ``back``), redaction marks and contents entries; never the
  edition's own words.
"""

from __future__ import annotations

from lxml import etree

from scripts.tei.xml import EDITION, TEI_NS, tag

NS = {"tei": TEI_NS}
_EDITION_ONLY = {tag("corr"), tag("reg"), tag("expan")}
_WITNESS_ONLY = {tag("sic"), tag("orig")}
_NOT_READ = {tag("note"), tag("ref"), tag("fw"), tag("label")}


_BLOCKS = {tag(name) for name in ("p", "head", "note", "item", "fw", "label", "list", "div", "figure", "ab", "seg")}
"""Elements whose witness characters stand apart from their neighbours (never one token)."""


def _skip_reading(node: etree._Element) -> bool:
    if node.get("resp") == EDITION or node.tag == tag("expan"):
        return True
    if node.tag in _WITNESS_ONLY:
        parent = node.getparent()
        return parent is not None and parent.tag == tag("choice")
    return node.tag in _NOT_READ


def reading_text(node: etree._Element) -> str:
    """The reading text of an element (a ``p``, a ``head``, a ``note``): what the site prints."""
    parts: list[str] = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str) and not _skip_reading(child):
            parts.append(reading_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def witness_text(document: etree._Element) -> str:
    """The witness characters of a whole TEI document (its ``text``), in document order.

    Inline elements join without a gap (as the witness's characters do); block-like elements
    and notes are set apart by spaces, so no two tokens of different places run together.
    """
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        apart = element.tag in _BLOCKS
        if apart:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and child.get("resp") != EDITION and child.tag not in _EDITION_ONLY:
                walk(child)
            parts.append(child.tail or "")
        if apart:
            parts.append(" ")

    text = document.find("tei:text", NS)
    if text is not None:
        walk(text)
    return "".join(parts)
