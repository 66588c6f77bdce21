"""The conservation check: every token of the raw text is accounted for.

The raw text must equal, as a multiset of tokens, the witness forms of everything in the
document (reading text with the raw side of each emendation, note numbers, page markers,
redaction marks) plus the recorded removals. A token is a run of word characters or a
single other non-space character, so both words and punctuation are counted; spacing and
line breaks are not, since joining lines is not a change of the text.

A shortfall means the edition lost something; a surplus means it printed source text that
the witness does not have. Either stops the build, naming the place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scripts.model import Contents, Document

TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """Split text into the tokens the check counts."""
    return TOKEN.findall(text)


def _run_witness(run: Sequence[object]) -> str:
    """The witness forms of a run's inlines, joined as the raw text has them: glued (a note
    number printed against its word, ``Beijing17``), except that a node whose raw line comes
    after the line the previous node ended on starts on a new line, as in the raw text, so
    that two words of two lines never count as one token. A node with no line (text) leaves
    the end unknown."""
    out: list[str] = []
    end: int | None = None
    for node in run:
        witness: str = getattr(node, "witness", "")
        line = getattr(node, "line", None)
        if isinstance(line, int) and line > 0:
            if end is not None and line > end:
                out.append("\n")
            end = line + witness.count("\n")
        else:
            end = None
        out.append(witness)
    return "".join(out)


def witness_of(document: Document) -> list[str]:
    """Every witness string the document accounts for: inline runs, note labels, removals."""
    parts = [_run_witness(run) for run in document.inline_runs()]
    parts += [note.raw_label for note in document.notes]
    parts += [removal.raw for removal in document.removals]
    for block in document.blocks():
        if isinstance(block, Contents):
            for entry in block.entries:
                parts += [entry.leader, entry.page]
    return parts


@dataclass(frozen=True)
class Imbalance:
    """A token the document and the raw text disagree on."""

    token: str
    """The token."""
    missing: int
    """How many more times the raw text has it than the edition accounts for (negative: surplus)."""
    line: int | None
    """A raw line where the token occurs (for a shortfall), to start looking."""


def check(raw: str, document: Document) -> list[Imbalance]:
    """Compare raw tokens with everything the document accounts for; empty when conserved."""
    raw_count = Counter(tokens(raw))
    kept = Counter(token for part in witness_of(document) for token in tokens(part))
    problems: list[Imbalance] = []
    for token in sorted(set(raw_count) | set(kept)):
        missing = raw_count[token] - kept[token]
        if missing:
            problems.append(
                Imbalance(token, missing, _last_line(raw, token) if missing > 0 else None)
            )
    problems.sort(key=lambda p: (p.line or 0, p.token))
    return problems


def _last_line(raw: str, token: str) -> int | None:
    pattern = (
        re.compile(rf"(?<!\w){re.escape(token)}(?!\w)")
        if token[0].isalnum() or token[0] == "_"
        else re.compile(re.escape(token))
    )
    last = None
    for match in pattern.finditer(raw):
        last = raw.count("\n", 0, match.start()) + 1
    return last


def describe(problems: list[Imbalance], limit: int = 8) -> str:
    """One readable sentence listing the first few imbalances."""
    shown = []
    for p in problems[:limit]:
        if p.missing > 0:
            shown.append(f"{p.token!r} lost {p.missing}x (raw line {p.line})")
        else:
            shown.append(f"{p.token!r} added {-p.missing}x")
    more = f" and {len(problems) - limit} more" if len(problems) > limit else ""
    return "; ".join(shown) + more
