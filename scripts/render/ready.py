"""HTML-ready blocks: generated HTML that the Markdown renderer need not parse again.

The reading text, the raw witness and the timeline are written as raw HTML blocks whose text is
already escaped and whose links are final URLs. Python-Markdown would parse every tag of them
twice (its raw-HTML block parser, and MkDocs' scan for anchor ids) only to copy them through
unchanged: on a large source that is most of the build. A renderer marks such a run of blocks
with :func:`ready`; the marks are HTML comments, so a Markdown renderer that knows nothing of
them still renders the page the same (with the two comments around each run). The MkDocs glue calls :func:`set_aside` before the
conversion (each run becomes a one-line placeholder comment), :func:`restore` after it, and
gives MkDocs the ids of the set-aside HTML (:func:`anchor_ids`) so that links into it are still
checked.

Only HTML the pipeline wrote itself is marked: every attribute value is double-quoted and
escaped (:mod:`scripts.render.escape`), which is what :func:`anchor_ids` relies on.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

OPEN = "<!--edition:html-ready-->"
CLOSE = "<!--/edition:html-ready-->"
_RUN = re.compile(rf"^{re.escape(OPEN)}\n(.*?)\n{re.escape(CLOSE)}$", re.MULTILINE | re.DOTALL)
_PLACEHOLDER = re.compile(r"<!--edition:html-ready (\d+)-->")
_ID = re.compile(r'\sid="([^"]*)"')


def ready(blocks: Sequence[str]) -> list[str]:
    """Markdown lines holding ``blocks`` (raw HTML blocks, each of one or more lines) as one
    HTML-ready run, followed by a blank line; nothing for no blocks."""
    if not blocks:
        return []
    return [OPEN, "\n\n".join(blocks), CLOSE, ""]


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each HTML-ready run replaced by a placeholder; the runs in order."""
    runs: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        runs.append(match.group(1))
        return f"<!--edition:html-ready {len(runs) - 1}-->"

    return _RUN.sub(placeholder, markdown), runs


def restore(converted: str, runs: Sequence[str]) -> str:
    """The converted page with each placeholder replaced by its run, verbatim: what the Markdown
    renderer writes for raw HTML blocks."""
    if not runs:
        return converted

    return _PLACEHOLDER.sub(lambda match: runs[int(match.group(1))], converted)


def anchor_ids(runs: Iterable[str]) -> set[str]:
    """Every ``id`` of the runs' elements (what MkDocs would have found in them)."""
    return {html.unescape(value) for run in runs for value in _ID.findall(run)}
