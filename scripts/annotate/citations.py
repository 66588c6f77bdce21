"""Split the notes of a source into their citations.

A note may hold several citations, separated by semicolons or sentences, with commentary
between them ("See …", "For details … see …", "…, cited in …", "Also see …"). The steps,
each working only outside parentheses, brackets and quotation marks:

1. cut the note at semicolons and at full stops that end a sentence;
2. cut ``A, cited in B`` into A and B;
3. cut ``A (Place, Year) and such … as B (…)`` after A's publication data, and
   ``Short, Title and Author, Title (…)`` before the second author;
4. in each piece, drop the commentary that leads in to the citation (``see``, ``include``,
   ``such sources as``, ``book by``), keeping the reading that finds an author;
5. cut an archival item printed ``…, in <book>`` or ``…, ibid.`` from the book it is in;
6. read each piece with :func:`scripts.annotate.citation_forms.read`.

Offsets of each :class:`Citation` count characters of the note's printed text, so that a
span can mark the citation in the reading page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scripts.annotate.citation_forms import Citation, read
from scripts.annotate.citation_text import depth_map, is_name

__all__ = ["Citation", "note_citations"]

_ABBREVIATIONS = {
    "ed",
    "eds",
    "vol",
    "vols",
    "no",
    "pp",
    "p",
    "fn",
    "chap",
    "mr",
    "mrs",
    "dr",
    "st",
    "jr",
    "cf",
    "al",
    "trans",
    "p.m",
    "a.m",
    "u.s",
    "e.g",
    "i.e",
    "ph.d",
    "op",
    "cit",
}
_MARKER = re.compile(
    r"\b(?:[Ss]ee also|[Aa]lso see|[Ss]ee|includes?|such(?: [a-z]+)* as|book by)\s+"
)
_CITED_IN = re.compile(r",\s+cited in\s+")
_PUB_AND = re.compile(
    r"\([^()]*\d{4}(?:[–-]\d{1,4})?\)(?:,\s*[\w.–-]+(?:,\s*[\w.–-]+)*)?(?P<and>\s+and\s+)"
)
_AND_AUTHOR = re.compile(r"(?<!,)\s+and\s+(?P<name>(?:(?!\sand\s)[^,;()])+?),\s")
_IN = re.compile(
    r",?\s+in\s+(?=(?:the\s+)?[A-Z“\[]|(?:Footnote\s+)?ibid)|,\s+(?=(?:Footnote\s+)?ibid\.)"
)


def _sentence_ends(text: str, depths: list[int]) -> list[int]:
    """Offsets just past each full stop that ends a sentence (not an initial, not ``ed.``)."""
    ends = []
    for match in re.finditer(r"\.\s+(?=[A-Z“\"\[])", text):
        i = match.start()
        if depths[i]:
            continue
        word = re.search(r"(\S+)$", text[:i])
        token = word.group(1).lstrip("([“").lower() if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        ends.append(i + 1)
    return ends


def _cut(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at the (cut_start, resume) pairs, dropping the separators."""
    pieces = []
    position = start
    for cut_start, resume in sorted(cuts):
        if start <= cut_start and resume <= end and cut_start >= position:
            pieces.append((position, cut_start))
            position = resume
    pieces.append((position, end))
    return pieces


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """Pieces ``(start, end, marked)`` of a note, each holding at most one citation."""
    depths = depth_map(text)
    cuts = [(i, i + 1) for i, ch in enumerate(text) if ch == ";" and depths[i] == 0]
    cuts += [(i, i) for i in _sentence_ends(text, depths)]
    pieces: list[tuple[int, int, bool]] = []
    for start, end in _cut(text, 0, len(text), cuts):
        for a, b, marked in _split_cited_in(text, start, end, depths):
            for c, d in _split_pairs(text, a, b, depths):
                pieces.append((c, d, marked))
    return [(a, b, m) for a, b, m in pieces if text[a:b].strip()]


def _split_cited_in(
    text: str, start: int, end: int, depths: list[int]
) -> list[tuple[int, int, bool]]:
    """``A, cited in B`` → A and B (B is marked as a reference)."""
    for match in _CITED_IN.finditer(text, start, end):
        if depths[match.start()] == 0:
            return [(start, match.start(), False), (match.end(), end, True)]
    return [(start, end, False)]


def _split_pairs(text: str, start: int, end: int, depths: list[int]) -> list[tuple[int, int]]:
    """Two citations run together with ``and``."""
    for match in _PUB_AND.finditer(text, start, end):
        if depths[match.start()] == 0:
            cut = match.start("and")
            return [(start, cut), *_split_pairs(text, match.end("and"), end, depths)]
    for match in reversed(list(_AND_AUTHOR.finditer(text, start, end))):
        before = text[start : match.start()]
        name = match.group("name")
        if depths[match.start()] == 0 and "," in before and is_name(name) and " " in name:
            return [(start, match.start()), (match.start("name"), end)]
    return [(start, end)]


def _shift(citation: Citation, offset: int) -> Citation:
    return replace(citation, start=citation.start + offset, end=citation.end + offset)


def _strong(citation: Citation) -> bool:
    """A reading that found who wrote it, or a form that cannot be commentary."""
    return bool(
        citation.authors
        or citation.editors
        or citation.form == "ibid"
        or citation.kind in {"newspaper", "article", "chapter"}
    )


def _read_at(text: str, start: int, end: int) -> list[Citation]:
    """Read ``text[start:end]``, splitting an archival item from the book it is ``in``."""
    piece = text[start:end]
    first = read(piece)
    if (
        first is None
        or first.form != "full"
        or first.kind
        not in {
            "cable",
            "correspondence",
            "interview",
            "conversation",
            "speech",
            "document",
        }
    ):
        return [_shift(first, start)] if first else []
    depths = depth_map(piece)
    for match in _IN.finditer(piece):
        if depths[match.start()]:
            continue
        host = read(piece[match.end() :])
        if host is None or not (host.form == "ibid" or _strong(host) or host.form == "short"):
            continue
        item = read(piece[: match.start()])
        if item is None:
            continue
        return [
            _shift(replace(item, in_next=True), start),
            _shift(replace(host, marked=True), start + match.end()),
        ]
    return [_shift(first, start)]


def _lead_ins(text: str, start: int, end: int, depths: list[int]) -> list[int]:
    """Possible starts of the citation in a piece: its start, and after each lead-in phrase."""
    starts = [start]
    for match in _MARKER.finditer(text, start, end):
        if depths[match.start()] == 0:
            starts.append(match.end())
    return starts


def note_citations(text: str) -> tuple[Citation, ...]:
    """Every citation in a note's printed text, in order, with offsets into ``text``."""
    depths = depth_map(text)
    found: list[Citation] = []
    for start, end, marked in _pieces(text):
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        starts = _lead_ins(text, start, end, depths)
        chosen: list[Citation] = []
        fallback: list[Citation] = []
        lead_in = False
        for candidate in reversed(starts):
            read_here = _read_at(text, candidate, end)
            if not read_here:
                continue
            if _strong(read_here[0]) or read_here[0].form == "short":
                chosen, lead_in = read_here, candidate != start
                break
            if not fallback:
                fallback, lead_in = read_here, candidate != start
        for citation in chosen or fallback:
            found.append(replace(citation, marked=citation.marked or marked or lead_in))
    return tuple(found)
