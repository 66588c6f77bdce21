"""The diplomatic view of a reading page: the control that switches to it, and the marks of
what the edition removed.

The reading view is the default. The diplomatic view (``html.diplomatic``, set by
``diplomatic.js`` and remembered in ``localStorage``) shows each emendation in the witness's
form (kept in ``data-raw`` beside the printed form, see :mod:`scripts.render.inline`) and marks
where web chrome, running heads or banners were removed. Both views are in the same HTML, so no
anchor moves when the reader switches.

A removal is recorded with the raw line where it begins; its mark stands before the first
block of the reading text that begins after that line (a removal inside a paragraph is marked
before the paragraph that follows it).
"""

from __future__ import annotations

from collections.abc import Sequence

from scripts.model import Removal
from scripts.render.escape import html_text
from scripts.render.witness import line_anchor

TOGGLE = (
    '<button type="button" class="view-toggle" aria-pressed="false" hidden '
    'title="Show the text as the witness has it: the source’s forms in place of the edition’s '
    'emendations, and marks where chrome or banners were removed">'
    "Diplomatic view (the witness’s forms)</button>"
)
"""The labelled toggle; hidden until the script that makes it work has run."""

EXCERPT = 60
"""How many characters of a removed text the mark quotes."""


def _excerpt(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= EXCERPT else words[: EXCERPT - 1].rstrip() + "…"


def removal_marks(removals: Sequence[Removal]) -> str:
    """The marks of removals that stood at one place, linked to their lines of the witness."""
    if not removals:
        return ""
    links = []
    for removal in removals:
        label = (
            f"Removed ({removal.category}, raw line {removal.line}): “{_excerpt(removal.raw)}”"
        )
        links.append(
            f'<a class="removal-mark" href="witness/#{line_anchor(removal.line)}" '
            f'data-label="{html_text(label)}" aria-label="{html_text(label)}"></a>'
        )
    return f'<div class="removal-marks">{"".join(links)}</div>'


def _visible(removal: Removal) -> bool:
    """True for a removal a reader of the witness would see (not a byte-order mark)."""
    return bool(removal.raw.replace("\ufeff", "").strip())


class RemovalCursor:
    """Hands out the removals that fall before each block, in reading order (visible ones only:
    a byte-order mark is recorded on the editorial page but not marked in the text)."""

    def __init__(self, removals: Sequence[Removal]) -> None:
        self.pending = sorted(filter(_visible, removals), key=lambda r: r.line)

    def before(self, line: int) -> str:
        """Marks of the removals recorded before raw line ``line`` not yet placed."""
        due = [r for r in self.pending if r.line < line]
        self.pending = self.pending[len(due) :]
        return removal_marks(due)

    def rest(self) -> str:
        """Marks of every removal not yet placed (after the last block)."""
        due, self.pending = self.pending, []
        return removal_marks(due)
