"""Finish a normalised document: paragraph numbers, heading anchors, contents targets.

Normalisers build blocks in reading order and leave the derived identifiers to this
module, so that every source numbers its paragraphs and names its headings the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from scripts.model import Block, Contents, Document, Heading, Paragraph, ParagraphKind


def slugify(text: str) -> str:
    """A stable, ASCII id for a heading: ``Vietnam–China Relations, 1971–5`` → ``vietnam-china-relations-1971-5``."""
    spaced = re.sub(r"[^\w]+", " ", text.replace("đ", "d").replace("Đ", "D"))
    folded = unicodedata.normalize("NFKD", spaced)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "section"


def _unique(base: str, taken: set[str]) -> str:
    if re.fullmatch(r"page-.*|fn.*", base):
        # Reserved for page and note anchors, whatever number is added: set apart by a prefix
        # (a heading "FNLA" once looped for ever here).
        base = f"h-{base}"
    anchor, n = base, 2
    while anchor in taken or re.fullmatch(r"p\d+|page-.*|fn.*", anchor):
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def _number(
    blocks: tuple[Block, ...], start: int, taken: set[str]
) -> tuple[tuple[Block, ...], int]:
    out: list[Block] = []
    n = start
    for block in blocks:
        if isinstance(block, Paragraph) and block.kind is not ParagraphKind.FRONT:
            n += 1
            block = replace(block, n=n)
        elif isinstance(block, Paragraph):
            block = replace(block, n=None)
        elif isinstance(block, Heading):
            block = replace(block, anchor=_unique(slugify(block.text), taken))
        out.append(block)
    return tuple(out), n


def _link_contents(blocks: tuple[Block, ...], headings: list[Heading]) -> tuple[Block, ...]:
    """Point each contents entry at the first unclaimed heading with the same wording."""
    claimed: set[str] = set()

    def key(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", slugify(text))

    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Contents):
            entries = []
            for entry in block.entries:
                wanted = key(" ".join(node.printed for node in entry.inlines))
                target = next(
                    (
                        h.anchor
                        for h in headings
                        if h.anchor not in claimed and key(h.text) == wanted
                    ),
                    "",
                )
                claimed.add(target)
                entries.append(replace(entry, target=target))
            block = replace(block, entries=tuple(entries))
        out.append(block)
    return tuple(out)


def assemble(document: Document) -> Document:
    """Number body paragraphs from 1, give headings unique anchors, link printed contents."""
    taken: set[str] = set()
    front, _ = _number(document.front, 0, taken)
    body, _ = _number(document.body, 0, taken)
    headings = [b for b in (*front, *body) if isinstance(b, Heading)]
    return replace(
        document,
        front=_link_contents(front, headings),
        body=_link_contents(body, headings),
    )
