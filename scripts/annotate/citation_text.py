"""Small text tools for reading citations: nesting depth, names, dates, page locators.

The parser of :mod:`scripts.annotate.citations` splits and reads notes only at *depth 0*,
outside parentheses, brackets and quotation marks, so that a semicolon or a full stop
inside a title never cuts a citation in two. Everything here is a pure function of a string.
"""

from __future__ import annotations

import re

OPENERS = {"(": ")", "[": "]", "“": "”"}

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE = re.compile(
    rf"(?:\d{{1,2}}(?:,? (?:and )?\d{{1,2}})*,? {MONTH}"
    rf"(?:,? (?:and )?\d{{1,2}}(?:,? (?:and )?\d{{1,2}})* {MONTH})*,? {YEAR}"
    rf"|{MONTH} \d{{1,2}}(?:[–-](?:{MONTH} )?\d{{1,2}})?, {YEAR}"
    rf"|(?:(?:spring|summer|autumn|fall|winter) |{MONTH} )?{YEAR}(?:[–-]\d{{1,4}})?)"
)
"""A date as the notes print it: ``3 April 1954``, ``December 18, 1979``, ``May 1998``, ``1994``."""

LOCATOR = re.compile(
    r"(?:(?:vol\.\s*\d+,\s*)?(?:pp?\.\s*)?"
    r"(?:[\dxvil]+(?:[–-][\dxvil]+)?(?:,\s*(?:and\s+)?[\dxvil]+(?:[–-][\dxvil]+)?)*)"
    r"(?:,\s*fn\.\s*[\d, –-]+)?"
    r"|chap(?:ter|\.)\s*\d+"
    r"|vol\.\s*\d+)$"
)
"""The pages (or chapter, or volume) a note cites: ``260–1``, ``pp. 85-110``, ``chap. 18``."""

# Words that open a sentence of commentary, never a personal or corporate name.
_NOT_NAME = {
    "a",
    "after",
    "also",
    "among",
    "an",
    "and",
    "according",
    "as",
    "at",
    "because",
    "before",
    "by",
    "chapter",
    "during",
    "for",
    "from",
    "he",
    "in",
    "it",
    "of",
    "on",
    "see",
    "she",
    "since",
    "the",
    "there",
    "they",
    "this",
    "to",
    "we",
    "when",
    "while",
    "with",
    "although",
    "however",
    "between",
    "into",
    "over",
    "under",
    "than",
}

_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĐƠƯ][\w’'.\-]*|[A-Z]\.|d[’']|de|van|von|bin|al-\w+)$")


def depth_map(text: str) -> list[int]:
    """Nesting depth of each character (parentheses, brackets, curly quotation marks).

    The marks themselves count at the depth outside them.

    An opening quotation mark that is never closed (the web capture lost some closing
    quotes) does not count, so one lost mark cannot hide the rest of a note.
    """
    depths = [0] * len(text)
    stack: list[str] = []
    unclosed = set()
    for i, char in enumerate(text):
        if char == "“" and "”" not in text[i + 1 :]:
            unclosed.add(i)
    for i, char in enumerate(text):
        if char in OPENERS and i not in unclosed:
            depths[i] = len(stack)
            stack.append(OPENERS[char])
        elif stack and char == stack[-1]:
            stack.pop()
            depths[i] = len(stack)
        else:
            depths[i] = len(stack)
    return depths


def top_level(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``pattern`` in ``text`` that begin outside any parentheses or quotes."""
    depths = depth_map(text)
    return [m for m in pattern.finditer(text) if m.start() < len(text) and depths[m.start()] == 0]


def is_name(text: str) -> bool:
    """Whether ``text`` reads as one name (``Nayan Chanda``, ``K. K. Nair``)."""
    text = text.strip().strip("[]").strip()
    if text.endswith("."):
        text = text[:-1]
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text) or ":" in text:
        return False
    if tokens[0].lower() in _NOT_NAME:
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens)


def is_corporate(text: str) -> bool:
    """Whether ``text`` names an office (``CCP Central Documentary Research Department``)."""
    text = re.sub(r"^the\s+", "", text.strip())
    if not text or not text[0].isupper() or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    capitals = [w for w in words if w[0].isupper()]
    return 2 <= len(words) <= 12 and len(capitals) >= len(words) / 2


def split_names(text: str) -> tuple[str, ...]:
    """``A, B, and C`` or ``A and B`` into names; empty when any part is not a name."""
    text = text.strip()
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text) if p.strip()]
    names = tuple(
        p.strip("[]").rstrip(".").strip()
        if p.endswith(".") and not re.search(r"\b[A-Z]\.$", p)
        else p.strip("[]").strip()
        for p in parts
    )
    return names if names and all(is_name(n) for n in names) else ()


def find_date(text: str) -> re.Match[str] | None:
    """The last date printed in ``text``."""
    found = list(DATE.finditer(text))
    return found[-1] if found else None


def year_of(text: str) -> str:
    """The (last) four-digit year in ``text``, or ``""``."""
    years = re.findall(YEAR, text)
    return years[-1] if years else ""


def strip_end(text: str) -> str:
    """Drop the closing full stop and spaces of a citation."""
    return text.strip().rstrip(".").strip()


_INSTITUTION = re.compile(
    r"\b(?:Department|Office|Team|Committee|Ministry|Party|Bureau|Institute|Center|Centre|"
    r"Commission|Council|Group|Agency|Project|Board|Archives)\b"
)


def is_institution(name: str) -> bool:
    """Whether a name is an office or body, filed under its whole name, not a surname."""
    return bool(_INSTITUTION.search(name))
