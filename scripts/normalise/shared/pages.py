"""Typed page numbers: reading them (arabic or roman) and counting on from them.

A typescript types its page number alone on a line at the head or the foot of a page, in
one of a few forms: ``2``, ``- 2 -``, ``-2-``, ``Page 2``, a roman numeral for front
matter. :func:`typed_number` reads such a line; :func:`next_label`, :func:`roman_value`
and :func:`to_roman` count in the style the witness uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = re.compile(r"(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", re.IGNORECASE)
_DASH = r"[-–—~]"
# "- 2 -", "-2-", "— 2 —", "(2)": the number set off on both sides; "Page 2", "PAGE 2".
_STRONG = re.compile(
    rf"""^(?:{_DASH}\s*(?P<dashed>[0-9]{{1,3}}|[ivxlcIVXLC]{{1,7}})\s*{_DASH}
        |\((?P<bracketed>[0-9]{{1,3}})\)
        |(?:Page|PAGE|page)\s+(?P<named>[0-9]{{1,3}}|[ivxlcIVXLC]{{1,7}}))$""",
    re.VERBOSE,
)
_SPECKS = re.compile(r"^[\s.,:;'\"‘’“”|_]*(?P<core>.*?)[\s.,:;'\"‘’“”|_]*$")
_BARE = re.compile(r"^(?P<bare>[0-9]{1,3}|[ivxlc]{1,7}|[IVXLC]{2,7})$")


def next_label(label: str) -> str:
    """The page number after ``label`` in the same style (``17`` → ``18``, ``V`` → ``VI``)."""
    if label.isdigit():
        return str(int(label) + 1)
    value = roman_value(label)
    result = to_roman(value + 1)
    return result if label.isupper() else result.lower()


def roman_value(label: str) -> int:
    """The value of a roman numeral (``xiv`` → 14)."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    digits = [values[c] for c in label.lower()]
    for i, v in enumerate(digits):
        total += -v if i + 1 < len(digits) and digits[i + 1] > v else v
    return total


def to_roman(value: int) -> str:
    """A number as an upper-case roman numeral."""
    out = ""
    for number, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out, value = out + letters, value - number
    return out


def page_value(label: str) -> tuple[int, int]:
    """A sortable value of a page label: roman front pages before arabic ones."""
    return (1, int(label)) if label.isdigit() else (0, roman_value(label))


def is_roman(text: str) -> bool:
    """True for a well-formed roman numeral (``iv``, ``XII``), in one case."""
    return bool(text) and (text.islower() or text.isupper()) and bool(_ROMAN.fullmatch(text))


@dataclass(frozen=True)
class TypedNumber:
    """A page number typed alone on a line, as read."""

    label: str
    """The number as printed (``2``, ``iv``)."""
    style: str
    """``arabic``, ``roman`` (small letters) or ``ROMAN`` (capitals)."""
    value: int
    """Its value."""
    strong: bool
    """True when its form says it is a page number (``- 2 -``, ``Page 2``); a bare number on
    a line may also be a stray mark of the scan, so it needs the sequence's support."""


def typed_number(text: str, pattern: re.Pattern[str] | None = None) -> TypedNumber | None:
    """The page number a line consists of, or None.

    ``pattern`` is a source's own form (from its ``meta.yml``): a regular expression whose
    first group is the number; a line matching it in full is a strong page number.
    """
    text = text.strip()
    label: str | None = None
    strong = True
    if pattern is not None and (custom := pattern.fullmatch(text)):
        label = custom.group(1)
    elif match := _STRONG.match(_SPECKS.fullmatch(text).group("core")):  # type: ignore[union-attr]
        # specks of the scan around a number in a page-number form (-3-...) are no matter
        label = match.group("dashed") or match.group("bracketed") or match.group("named")
    elif match := _BARE.match(text):
        label, strong = match.group("bare"), False
    if not label:
        return None
    if label.isdigit():
        value = int(label)
        return TypedNumber(label, "arabic", value, strong) if 0 < value < 1000 else None
    if not is_roman(label):
        return None
    return TypedNumber(label, "roman" if label.islower() else "ROMAN", roman_value(label), strong)


@dataclass(frozen=True)
class PageMark:
    """A typed page number accepted as one, with its place in its numbering sequence."""

    index: int
    """The caller's index of the line it stands on."""
    number: TypedNumber
    """The number as read."""
    sequence: int
    """1 for the first sequence of its style (arabic or roman), 2 for a restart, and so on."""

    @property
    def label(self) -> str:
        """Its page label, unique in the document: ``7``; ``s2-7`` in a second sequence."""
        return sequence_label(self.number.label, self.sequence)

    @property
    def next_label(self) -> str:
        """The label of the page after it, in the same sequence and style."""
        return sequence_label(next_label(self.number.label), self.sequence)


def sequence_label(label: str, sequence: int) -> str:
    """A printed label made unique across sequences: ``7`` in the first, ``s2-7`` in the second."""
    return label if sequence == 1 else f"s{sequence}-{label}"


def _family(number: TypedNumber) -> str:
    # Anchors are lower-cased, so capital and small roman numbers share one family.
    return "arabic" if number.style == "arabic" else "roman"


def accept_sequences(
    candidates: list[tuple[int, TypedNumber]],
    reach: int = 200,
    edges: frozenset[int] = frozenset(),
) -> tuple[list[PageMark], list[int]]:
    """The candidates that are page numbers, grouped into sequences; and repeated numbers.

    A number in a page-number form (``- 2 -``, ``Page 2``) is always a page number; a bare
    number must continue the sequence (one or two more than the last page of its family),
    or, with none before it, be followed by the next number of its family — and stand at
    most ``reach`` lines a page from that neighbour (the index is a line position), since a
    stray mark far from any page number is no page number. A first bare arabic 1 or 2 at the edge
    of a page (an index in ``edges``: next to a banner or where a scanned page begins) needs
    no such support. A number lower
    than the last of its family starts a new sequence (an annex numbered from 1 again); the
    same number twice within ``reach`` lines is the same page numbered twice (returned as
    repeated); further apart, it starts a new sequence.
    """
    last: dict[str, int] = {}
    at: dict[str, int] = {}
    sequences: dict[str, int] = {}
    marks: list[PageMark] = []
    repeated: list[int] = []
    for k, (index, number) in enumerate(candidates):
        family = _family(number)
        previous = last.get(family)
        if not number.strong:
            if previous is not None:
                fits = number.value in (previous + 1, previous + 2)
                fits = fits and index - at[family] <= reach * (number.value - previous)
            else:
                later = next(((i, n) for i, n in candidates[k + 1 :] if _family(n) == family), None)
                fits = (
                    later is not None
                    and number.value < later[1].value <= number.value + 2
                    and later[0] - index <= reach * (later[1].value - number.value)
                ) or (index in edges and number.value <= 2 and family == "arabic")
            if not fits:
                continue
        if previous is not None and number.value == previous and index - at[family] <= reach:
            repeated.append(index)
            continue
        if previous is None or number.value <= previous:
            sequences[family] = sequences.get(family, 0) + 1
        last[family] = number.value
        at[family] = index
        marks.append(PageMark(index, number, sequences[family]))
    return marks, repeated


def split_label(label: str) -> tuple[int, str]:
    """A page label's sequence and printed number: ``s2-7`` → ``(2, "7")``, ``7`` → ``(1, "7")``."""
    match = re.fullmatch(r"s(\d+)-(.+)", label)
    return (int(match.group(1)), match.group(2)) if match else (1, label)


def sequences(labels: list[str]) -> list[list[str]]:
    """Page labels in reading order grouped by numbering sequence, as printed: for a report
    (``["1", "2", "s2-1"]`` → ``[["1", "2"], ["1"]]``); roman and arabic sequences apart."""
    groups: dict[tuple[int, bool], list[str]] = {}
    for label in labels:
        sequence, printed = split_label(label)
        groups.setdefault((sequence, printed.isdigit()), []).append(printed)
    return list(groups.values())
