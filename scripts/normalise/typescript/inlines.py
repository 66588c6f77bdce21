"""Inline nodes for OCR text: word repairs as emendations, typing errors as *sic*.

The rules themselves live in :mod:`scripts.normalise.typescript.words`; this module turns the
spans they find into model nodes, so that every change keeps its raw form and rule name.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model import Emendation, Inline, PageBreak, Sic, Text
from scripts.normalise.shared.lines import Lexicon
from scripts.normalise.typescript.words import find_repairs, find_sics


@dataclass
class Part:
    """A piece of a paragraph under construction: a line of text, or a page break."""

    text: str
    line: int
    brk: PageBreak | None = None
    refs: bool = True
    """Whether an asterisk in it may be a note reference (not in text kept from a note-like
    line that no mark pairs with)."""


def word_inlines(text: str, line: int, lex: Lexicon) -> list[Inline]:
    """A run of text as Text, Emendation (OCR repairs) and Sic (typing errors) nodes."""
    out: list[Inline] = []
    last = 0
    for repair in find_repairs(text, lex):
        out.extend(sic_inlines(text[last : repair.start], line, lex))
        out.append(Emendation(text[repair.start : repair.end], repair.printed, repair.rule, line))
        last = repair.end
    out.extend(sic_inlines(text[last:], line, lex))
    return out


def sic_inlines(text: str, line: int, lex: Lexicon) -> list[Inline]:
    """A run of text as Text and Sic nodes."""
    out: list[Inline] = []
    last = 0
    for mark in find_sics(text, lex):
        if mark.start > last:
            out.append(Text(text[last : mark.start]))
        out.append(Sic(text[mark.start : mark.end], f"for {mark.intended}", line))
        last = mark.end
    if last < len(text):
        out.append(Text(text[last:]))
    return out


def merge_text(inlines: list[Inline]) -> list[Inline]:
    """Adjacent Text nodes joined, so a paragraph reads as few runs as possible."""
    out: list[Inline] = []
    for node in inlines:
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return out
