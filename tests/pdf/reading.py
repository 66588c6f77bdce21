"""Reading a built PDF as a reader's tools do: its text by region of the page, outline, fonts."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf

from scripts.model import Inline, NoteRef, PageBreak, Sic
from scripts.pdf.write import STYLESHEET

MM = 72 / 25.4


def page_margins() -> tuple[float, float, float, float]:
    """Top, right, bottom, left margin of the PDF's pages in points, from the print stylesheet."""
    css = STYLESHEET.read_text(encoding="utf-8")
    found = re.search(r"@page\s*\{[^}]*?margin:\s*([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm", css)
    assert found, "print.css has no @page margin in mm"
    top, right, bottom, left = (float(v) * MM for v in found.groups())
    return top, right, bottom, left


@dataclass
class Regions:
    """The text of a PDF split by where it stands on the page."""

    body: str
    """The text block of every page, pages joined in order (running lines left out)."""
    left: list[str]
    """Every run of text in the left margin (paragraph numbers)."""
    right: list[str]
    """Every run of text in the right margin (pages of the original)."""
    pages: list[str]
    """The whole text of each page, as pypdf extracts it."""


def _visit(
    into: list[tuple[float, float, str]], text: str, cm: Any, tm: Any, font: Any, size: Any
) -> None:
    """pypdf's text visitor: keep each run with its position on the page (points)."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    into.append((x, y, text))


@functools.cache
def regions(path: Path) -> Regions:
    """Extract a PDF's text by region: text block, left and right margins."""
    reader = pypdf.PdfReader(path)
    top, right, bottom, left = page_margins()
    body: list[str] = []
    lefts: list[str] = []
    rights: list[str] = []
    pages: list[str] = []
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        fragments: list[tuple[float, float, str]] = []
        pages.append(page.extract_text(visitor_text=functools.partial(_visit, fragments)))
        last_y: float | None = None
        for x, y, text in fragments:
            if not text.strip() or not bottom - 2 < y < height - top + 2:
                continue  # running head or foot
            if x < left - 1:
                lefts.append(text.strip())
            elif x > width - right + 1:
                rights.append(text.strip())
            else:
                if last_y is not None and abs(last_y - y) > 5:
                    body.append("\n")
                last_y = y
                body.append(text)
        body.append("\n")
    return Regions("".join(body), lefts, rights, pages)


def normalise(text: str) -> str:
    """Text compared as words: NFC, whitespace collapsed, none kept after a hyphen, dash or slash.

    A line may break after a hyphen, dash or slash, where the source may or may not have a space:
    both sides drop it, so the comparison neither needs nor forgives anything else.
    """
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = re.sub(r"([-‐–—/])\s+", r"\1", text)
    return " ".join(text.split())


def segments(inlines: tuple[Inline, ...]) -> list[str]:
    """The printed text of a run of inlines cut where the PDF prints something of its own.

    Note references print their mark, page breaks a margin label, *sic* its ``[sic]``: the
    words between those points must stand in the PDF exactly, in order.
    """
    out: list[str] = []
    current: list[str] = []
    for node in inlines:
        if isinstance(node, NoteRef | PageBreak):
            out.append("".join(current))
            current = []
            continue
        current.append(node.printed)
        if isinstance(node, Sic):
            out.append("".join(current))
            current = []
    out.append("".join(current))
    return [text for text in (normalise(part) for part in out) if text]


def find_in_order(haystack: str, needles: list[str], start: int = 0) -> tuple[int, str | None]:
    """Find each needle after the previous one; return the end position and the first missing."""
    position = start
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            return position, needle
        position = found + len(needle)
    return position, None


def outline_titles(path: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), depth 1 for the top level, in order."""
    reader = pypdf.PdfReader(path)
    out: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, str(item.title)))

    walk(reader.outline, 1)
    return out


def fonts(path: Path) -> dict[str, bool]:
    """Every font the pages use: base name → whether its program is embedded."""
    reader = pypdf.PdfReader(path)
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for ref in (resources.get_object().get("/Font") or {}).values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            descriptors = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            embedded = any(
                key in d.get("/FontDescriptor", {}).get_object()
                for d in descriptors
                if "/FontDescriptor" in d
                for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[name] = found.get(name, False) or embedded
    return found
