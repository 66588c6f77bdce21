"""Word repairs for text extracted from a PDF: general rules backed by word evidence.

The extraction damages words in four ways, each repaired by one rule below. A rule never
works from a list of known strings: it asks the evidence — English word frequencies
(``wordfreq``) and the vocabulary of the witness itself (the shared
:class:`~scripts.normalise.shared.lines.Lexicon`, also used by the typescript layout) — and
does nothing when the evidence is not strong, since a false repair silently changes the
text.

:func:`find_repairs` returns :class:`Repair` spans over a string; the normaliser turns
them into :class:`~scripts.model.Emendation` records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from scripts.normalise.english import Repair, zipf
from scripts.normalise.shared.lines import KNOWN, SPACED_HYPHEN, Lexicon

RULES: dict[str, str] = {
    "stray-space": (
        "A word broken by a stray space inside one line (serio us) rejoined, where the joined "
        "word is common English or occurs in the witness and the two pieces are not a likely "
        "pair of words."
    ),
    "lost-hyphen": (
        "Two words run together where the extraction dropped a line-end hyphen (FrancoVietminh) "
        "given the hyphen back, where the hyphenated form occurs elsewhere in the witness, or "
        "where the run-together word stands at the join of two merged lines and both parts are "
        "English words."
    ),
    "space-hyphen": (
        "A hyphenated compound with a stray space after its hyphen (Marxism- Leninism) closed up."
    ),
    "doubled-quote": (
        "Two single opening quotation marks (‘‘) printed as one double opening mark (“)."
    ),
}
"""Every rule name this module records, with a one-line description for the editorial page."""

# A word piece: letters only, never part of a possessive or a hyphenated form.
_WORD = re.compile(r"(?<![\w’'\-])[A-Za-z]+(?![\w’'\-])")
_RUN = re.compile(r"(?<![\w\-])([A-Za-z]{6,})(?![\w\-])")
_SPACE_HYPHEN = SPACED_HYPHEN
_WORD_END = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*$")
_WORD_START = re.compile(r"[A-Za-z]+")
_SUSPENDED = re.compile(r"(and|or|to|nor)\b")
_DOUBLED_QUOTE = "‘‘"

MIN_JOINED_ZIPF = KNOWN
"""A rejoined word must be a word a reader knows (or occur in the witness)."""
MIN_JOIN_GAIN = 3.5
"""How much likelier (in zipf units) the joined word must be than the two pieces side by side."""
MIN_PART_ZIPF = 2.0
"""Each part of a compound restored at a line join must be an English word at least this common."""


def stray_space(first: str, second: str, evidence: Lexicon) -> str | None:
    """The joined word if ``first second`` is one word broken by a stray space, else None."""
    joined = first + second
    joined_zipf = zipf(joined)
    if evidence.occurs(joined):
        joined_zipf = max(joined_zipf, MIN_JOINED_ZIPF)
    if joined_zipf < MIN_JOINED_ZIPF:
        return None
    # Independence estimate of the two pieces as neighbouring words: a true pair such as
    # "in to" or "a lone" is far more likely than this gain allows.
    pair_zipf = zipf(first) + zipf(second) - 9
    return joined if joined_zipf - pair_zipf >= MIN_JOIN_GAIN else None


def lost_hyphen(word: str, evidence: Lexicon) -> str | None:
    """The hyphenated form of a word standing at a lost line-end hyphen, or None.

    The hyphen is given back where the witness prints the hyphenated form elsewhere, or where
    two capitalised English words met (VietnameseCzechoslovakian) and the first is a word of
    the witness.
    A lower-case word with no such evidence stays closed: it may be one word broken by a
    soft hyphen (develop-ment).
    """
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        form = f"{head}-{tail}"
        if evidence.compounds[form.lower()]:
            return form
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        # Two capitalised words (names, ethnonyms) met; the first must also stand on its
        # own in the witness, which keeps romanised titles (ZhongSu, yuanYue) whole.
        if (
            head[0].isupper()
            and tail[0].isupper()
            and evidence.occurs(head)
            and min(zipf(head), zipf(tail)) >= MIN_PART_ZIPF
        ):
            return f"{head}-{tail}"
    return None


def find_repairs(
    text: str,
    evidence: Lexicon,
    *,
    same_line: Callable[[int, int], bool],
    at_join: Callable[[int, int], bool],
) -> list[Repair]:
    """Every repair the rules make in ``text``, in order, never overlapping.

    ``same_line(start, end)`` says whether a span lies on one raw line (a stray space never
    falls at a line break); ``at_join(start, end)`` whether a word stands where two raw lines
    were merged because a line-end hyphen was lost.
    """
    repairs: list[Repair] = []
    words = list(_WORD.finditer(text))
    for first, second in pairwise(words):
        if text[first.end() : second.start()] != " " or not second.group()[0].islower():
            continue
        if not same_line(first.start(), second.end()):
            continue
        joined = stray_space(first.group(), second.group(), evidence)
        if joined:
            repairs.append(Repair(first.start(), second.end(), joined, "stray-space"))
    for match in _RUN.finditer(text):
        # Only where two lines were merged can a line-end hyphen have been lost: elsewhere a
        # closed form (nonaligned beside non-aligned) is the author's own spelling.
        if not at_join(match.start(), match.end()):
            continue
        form = lost_hyphen(match.group(1), evidence)
        if form:
            repairs.append(Repair(match.start(), match.end(), form, "lost-hyphen"))
    for match in _SPACE_HYPHEN.finditer(text):
        if _SUSPENDED.match(text, match.end()):
            continue
        head = _WORD_END.search(text, 0, match.start())
        tail = _WORD_START.match(text, match.end())
        if head and tail:
            word = text[head.start() : tail.end()]
            repairs.append(
                Repair(head.start(), tail.end(), word.replace("- ", "-"), "space-hyphen")
            )
    for match in re.finditer(_DOUBLED_QUOTE, text):
        repairs.append(Repair(match.start(), match.end(), "“", "doubled-quote"))
    return _without_overlaps(repairs)


def _without_overlaps(repairs: list[Repair]) -> list[Repair]:
    kept: list[Repair] = []
    for repair in sorted(repairs, key=lambda r: (r.start, -r.end)):
        if kept and repair.start < kept[-1].end:
            continue
        kept.append(repair)
    return kept
