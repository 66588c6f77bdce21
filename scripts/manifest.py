"""The anchor manifest: a committed promise that published anchors never move.

``sources/<slug>/anchors.tsv`` lists every public anchor of a source with a fingerprint
(twelve hex digits of a SHA-256) of what it points to, one anchor a line::

    # anchor<TAB>fingerprint<TAB>excerpt (for humans; not compared)
    p12         <hash of the paragraph's text>              <its first words>
    page-17     <hash of "in p12 at word 40">               in p12 at word 40
    fn:3        <hash of the note's text>                   <its first words>
    fnref:3     <hash of "in p12">                          in p12
    a-domestic-policy  <hash of the heading's text>         <the heading>

- paragraphs ``p<N>``: their text;
- printed pages ``page-<label>``: their place, the paragraph and the number of words of it
  before the page break (``front matter`` outside the numbered paragraphs), or the heading
  the printed contents place on that page;
- notes ``fn:<key>``: their text; note references ``fnref:<key>``: the paragraph (or
  heading, figure, note) they stand in;
- heading ids: the heading's text.

The build compares the document with the manifest and stops, naming the anchor and the
manifest line, when a published anchor has disappeared or now points elsewhere — unless
it is retired in ``sources/retired.yml`` (:mod:`scripts.published`). New anchors are
allowed (``edition manifest`` lists them). ``edition manifest --update`` (``make
manifest``) rewrites every manifest and ``sources/published.tsv`` on purpose, for review
in ``git diff``: after a rebase that brings new anchors, run it and check that the diff
only adds lines (or changes the places you meant to change). A byte-order mark or an
anchor listed twice is an error at its line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from scripts.apparatus.pages import page_evidence
from scripts.errors import EditionError
from scripts.model import (
    Document,
    Figure,
    Heading,
    Inline,
    NoteRef,
    PageBreak,
    Paragraph,
    printed_text,
)

HEADER = "# anchor\tfingerprint\texcerpt (for humans; not compared)"


@dataclass(frozen=True)
class Anchor:
    """One public anchor and what it points to."""

    anchor: str
    """The fragment id (``p12``, ``page-17``, ``fn:3``)."""
    fingerprint: str
    """Twelve hex digits of a hash of the text the anchor points to."""
    excerpt: str
    """The first words of that text, to help a reviewer read a diff."""


def _fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def _excerpt(text: str) -> str:
    return " ".join(text.split())[:60]


def _runs(document: Document) -> list[tuple[str, tuple[Inline, ...]]]:
    """Every run of inlines with the name of its place, in reading order."""
    runs: list[tuple[str, tuple[Inline, ...]]] = []
    for block in document.blocks():
        if isinstance(block, Paragraph):
            place = f"p{block.n}" if block.n is not None else "front matter"
            runs.append((place, block.inlines))
        elif isinstance(block, Heading):
            runs.append((f"heading #{block.anchor}" if block.anchor else "heading", block.inlines))
        elif isinstance(block, Figure):
            runs += [("figure", block.caption), ("figure", block.credit)]
        else:
            runs += [("contents", entry.inlines) for entry in block.entries]
    runs += [(f"note {note.key}", note.inlines) for note in document.notes]
    return runs


def _words_before(inlines: tuple[Inline, ...], index: int) -> int:
    return len(printed_text(inlines[:index]).split())


def anchors(document: Document) -> list[Anchor]:
    """Every public anchor of a document with its fingerprint: paragraphs with their page
    anchors, other page anchors, notes, then note references and heading ids."""
    out: list[Anchor] = []
    for paragraph in document.paragraphs():
        out.append(
            Anchor(f"p{paragraph.n}", _fingerprint(paragraph.text), _excerpt(paragraph.text))
        )
        for index, node in enumerate(paragraph.inlines):
            if isinstance(node, PageBreak):
                for anchor in (node.foot_anchor, node.anchor):
                    if anchor:
                        where = (
                            f"in p{paragraph.n} at word {_words_before(paragraph.inlines, index)}"
                        )
                        out.append(Anchor(anchor, _fingerprint(where), where))
    seen = {a.anchor for a in out}
    for node in document.page_breaks():
        for anchor in (node.foot_anchor, node.anchor):
            if anchor and anchor not in seen:
                seen.add(anchor)
                out.append(Anchor(anchor, _fingerprint("front matter"), "front matter"))
    for mark in page_evidence(document).marks:
        if mark.anchor not in seen:
            seen.add(mark.anchor)
            where = f"at heading {mark.heading}"
            out.append(Anchor(mark.anchor, _fingerprint(where), where))
    for note in document.notes:
        text = note.text if note.present else "(text not in capture)"
        out.append(Anchor(f"fn:{note.key}", _fingerprint(text), _excerpt(text)))
    seen = {a.anchor for a in out}
    for place, inlines in _runs(document):
        for node in inlines:
            if isinstance(node, NoteRef) and f"fnref:{node.key}" not in seen:
                seen.add(f"fnref:{node.key}")
                out.append(Anchor(f"fnref:{node.key}", _fingerprint(f"in {place}"), f"in {place}"))
    for block in document.blocks():
        if isinstance(block, Heading) and block.anchor and block.anchor not in seen:
            seen.add(block.anchor)
            out.append(Anchor(block.anchor, _fingerprint(block.text), _excerpt(block.text)))
    return out


def manifest_path(root: Path, slug: str) -> Path:
    """Where a source's manifest lives."""
    return root / "sources" / slug / "anchors.tsv"


def write(path: Path, records: list[Anchor]) -> None:
    """Write a manifest (deterministic, one anchor per line)."""
    lines = [HEADER] + [f"{a.anchor}\t{a.fingerprint}\t{a.excerpt}" for a in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read(path: Path, display: str) -> dict[str, tuple[str, int]]:
    """Anchor → (fingerprint, line) from a manifest file."""
    published: dict[str, tuple[str, int]] = {}
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        raise EditionError(
            display, 1, "starts with a byte-order mark (U+FEFF): save it as UTF-8 without one"
        )
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise EditionError(display, number, "expected 'anchor<TAB>fingerprint<TAB>excerpt'")
        if fields[0] in published:
            first = published[fields[0]][1]
            raise EditionError(
                display, number, f"anchor #{fields[0]} is listed twice (first on line {first})"
            )
        published[fields[0]] = (fields[1], number)
    return published


def verify(
    document: Document, path: Path, display: str, retired: frozenset[str] = frozenset()
) -> list[str]:
    """Stop if a published anchor moved; return the anchors that are new (not yet published).

    An anchor in ``retired`` (``sources/retired.yml``) may have disappeared or moved.
    """
    if not path.exists():
        return [a.anchor for a in anchors(document)]
    published = read(path, display)
    current = {a.anchor: a for a in anchors(document)}
    for anchor, (fingerprint, line) in published.items():
        if anchor in retired:
            continue
        if anchor not in current:
            raise EditionError(
                display,
                line,
                f"published anchor #{anchor} no longer exists; a change would break citations "
                "(run 'edition manifest --update' only if this is intended)",
            )
        if current[anchor].fingerprint != fingerprint:
            raise EditionError(
                display,
                line,
                f"published anchor #{anchor} now points to different text "
                f"({current[anchor].excerpt!r}); a change would re-text a cited passage "
                "(run 'edition manifest --update' only if this is intended)",
            )
    return [a for a in current if a not in published]
