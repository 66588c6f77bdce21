"""The capture's own furniture around a typescript's OCR: YAML front matter, or a Markdown
wrapper (``# Document``, ``## Page N``, a fenced text block per scanned page).

:func:`unwrap` returns the lines of the OCR itself with their numbers (blank lines kept,
since they separate paragraphs) and records everything of the wrapper as removed. A wrapper
is recognised only as a whole: a Markdown heading as the first line and a fenced block; a
``#`` inside a fenced block is text of the OCR.
"""

from __future__ import annotations

import re

from scripts.errors import SourceError
from scripts.model import Removal

WRAPPER_REASON = "the capture's wrapper (document heading, scanned-page heading or code fence), not part of the document"
FRONT_MATTER_REASON = "metadata of the capture (YAML front matter), rendered in the source's header"
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})[\w-]*\s*$")
_HEADING = re.compile(r"^#{1,6}\s+\S")
SCAN_PAGE = re.compile(r"^#{2,6}\s+Page\s+\d+\s*$", re.IGNORECASE)


def _front_matter(lines: list[str]) -> tuple[int, list[Removal]]:
    if not lines or lines[0].strip() != "---":
        return 0, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise SourceError(1, "front matter opened with --- is never closed (expected a --- line)")
    return end + 1, [Removal("\n".join(lines[: end + 1]), FRONT_MATTER_REASON, 1, "front matter")]


def unwrap(raw: str) -> tuple[list[tuple[int, str]], list[Removal], set[int]]:
    """The OCR's lines (number, text), the wrapper's removals, and the lines that begin a
    scanned page of the capture (the first OCR line after each ``## Page N``)."""
    lines = raw.split("\n")
    start, removals = _front_matter(lines)
    filled = [i for i in range(start, len(lines)) if lines[i].strip()]
    wrapped = (
        bool(filled)
        and bool(_HEADING.match(lines[filled[0]]))
        and any(_FENCE.match(lines[i]) for i in filled)
    )
    if not wrapped:
        return [(i + 1, lines[i]) for i in range(start, len(lines))], removals, set()
    out: list[tuple[int, str]] = []
    page_starts: set[int] = set()
    inside = False
    fence = ""
    new_page = False
    for i in range(start, len(lines)):
        text = lines[i]
        match = _FENCE.match(text)
        if match and (
            not inside or (match.group(1)[0] == fence[0] and text.strip() == match.group(1))
        ):
            removals.append(Removal(text.strip(), WRAPPER_REASON, i + 1, "capture wrapper"))
            inside, fence = not inside, match.group(1)
            continue
        if not inside and _HEADING.match(text):
            removals.append(Removal(text.strip(), WRAPPER_REASON, i + 1, "capture wrapper"))
            new_page = new_page or bool(SCAN_PAGE.match(text))
            continue
        if new_page and text.strip():
            page_starts.add(i + 1)
            new_page = False
        out.append((i + 1, text))
    return out, removals, page_starts
