"""Pieces of a clean OCR'd typescript page: banners, stamps, page markers, contents, headings.

The helpers here recognise the furniture of a declassified typescript in the OCR text:
security banners (``SECRET``) and redaction stamps (``[REDACTED]``), release stamps,
typed page numbers (``- 17 -``), a table of contents with dot leaders, and headings
(numbered ``I.``/``A.``/``1.`` or set in capitals). They only recognise; the normaliser
decides what each piece becomes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.errors import SourceError
from scripts.model import Removal

REDACTED = "[REDACTED]"
BANNER_TOKEN = re.compile(r"\[REDACTED\]|SECRET(?![\w-])")
RELEASE_STAMP = re.compile(r"APPROVED FOR RELEASE(?: DATE)?:? [A-Z]+ \d{4}")
PAGE_MARKER = re.compile(r"^- ([0-9]+|[IVXLC]+|[ivxlc]+) -(?=\s|$)")
LEADER_ENTRY = re.compile(r"\s*(?P<text>\S.*?)(?P<leader>\.{3,})(?P<page>[0-9]+|[ivxlc]+)(?=\s|$)")
CONTENTS_LINE = re.compile(r"\.{4,}\s*(?:[0-9]+|[ivxlc]+)(?:\s|$)")
LABEL = re.compile(r"^(?P<label>[IVX]+|[A-Z]|\d{1,2})\.\s+(?P<rest>\S.*)$")
SENTENCE_END = re.compile(r"""[.!?:]["'”’)\]]*$""")
HEADING_MAX = 90
_CAPS_WORD = r"""(?:[A-Z][A-Z'’-]*|\d[\d-]*|"[A-Z][A-Z'’-]*"?)[,:]?"""
GLUED_CAPS = re.compile(
    rf"""(?<=[.!?"'”)])\s+(?P<heading>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{2,}})$"""
)


def banner_run(text: str) -> bool:
    """True when the text is nothing but banners and stamps (``SECRET [REDACTED] SECRET``)."""
    return bool(text.strip()) and not BANNER_TOKEN.sub("", text).strip()


def split_leading_banners(text: str) -> tuple[list[str], str]:
    """Banner tokens at the start of a text, and the rest; only a run containing SECRET counts.

    A lone ``[REDACTED]`` at the start may be a redaction of the text itself, so it is left
    unless the run also holds a security banner.
    """
    match = re.match(r"(?:(?:\[REDACTED\]|SECRET(?![\w-]))\s*)+", text)
    if not match or "SECRET" not in match.group():
        return [], text
    return BANNER_TOKEN.findall(match.group()), text[match.end() :]


def split_trailing_banners(text: str) -> tuple[str, list[str]]:
    """The text, and banner tokens at its end; only a run containing SECRET counts."""
    match = re.search(r"(?:\s*(?:\[REDACTED\]|SECRET(?![\w-])))+\s*$", text)
    if not match or "SECRET" not in match.group():
        return text, []
    return text[: match.start()], BANNER_TOKEN.findall(match.group())


def split_trailing_stamps(text: str) -> tuple[str, list[str]]:
    """The text, and the ``[REDACTED]`` marks at its very end."""
    match = re.search(r"(?:\s*\[REDACTED\])+\s*$", text)
    if not match:
        return text, []
    return text[: match.start()], [REDACTED] * match.group().count(REDACTED)


def is_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (no closing punctuation): the page was cut."""
    return not SENTENCE_END.search(text.rstrip())


def is_all_caps(text: str) -> bool:
    """Letters present and all of them capitals."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def heading_level(text: str) -> int:
    """Level by the form of the label: ``I.`` capitals 1, ``A.`` 2, ``1.`` 3, none 1."""
    match = LABEL.match(text)
    if not match:
        return 1
    label, rest = match.group("label"), match.group("rest")
    if label.isdigit():
        return 3
    if re.fullmatch(r"[IVX]+", label) and (len(label) > 1 or is_all_caps(rest)):
        return 1
    return 2


def looks_like_heading(text: str) -> bool:
    """A short line that is no sentence: numbered (``A. Domestic Policy``) or in capitals."""
    text = text.strip()
    if len(text) > HEADING_MAX or re.search(r"[.,;]$", text) or BANNER_TOKEN.search(text):
        return False
    match = LABEL.match(text)
    if match:
        return match.group("rest")[0].isupper()
    return is_all_caps(text) and len(text.split()) <= 12


def match_key(text: str) -> str:
    """Wording reduced to letters and digits, to compare a heading with a contents entry."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


@dataclass(frozen=True)
class Entry:
    """One parsed line of the contents: wording, dot leader and page, as printed."""

    text: str
    leader: str
    page: str
    level: int


def parse_contents(text: str) -> tuple[list[Entry], str]:
    """Entries of a contents block (several may share a line), and any text left after them."""
    entries = []
    pos = 0
    while match := LEADER_ENTRY.match(text, pos):
        wording = match.group("text").strip()
        entries.append(
            Entry(wording, match.group("leader"), match.group("page"), heading_level(wording))
        )
        pos = match.end()
    return entries, text[pos:].strip()


def blocks(raw: str) -> tuple[list[tuple[int, str]], list[Removal]]:
    """Non-blank lines with their numbers, after the YAML front matter (recorded as removed)."""
    lines = raw.split("\n")
    removals: list[Removal] = []
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise SourceError(1, "front matter opened with --- is never closed")
        removals.append(
            Removal(
                "\n".join(lines[: end + 1]),
                "metadata of the capture (YAML front matter), rendered in the source's header",
                1,
                "front matter",
            )
        )
        start = end + 1
    blocks = [(i + 1, lines[i].strip()) for i in range(start, len(lines)) if lines[i].strip()]
    return blocks, removals
