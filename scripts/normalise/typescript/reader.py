"""The general reading of a typescript's OCR: raw (hard-wrapped) or clean (a line a paragraph).

In order:

1. the capture's wrapper or front matter is removed and recorded (:mod:`.wrapper`);
2. every line that is only furniture is removed and recorded with its reason: banners,
   dissemination controls, release stamps, archive separators and record numbers
   (:mod:`scripts.normalise.shared.banners`), running heads and feet (a short line the
   typescript repeats on three pages or more), specks of OCR debris standing alone;
3. typed page numbers (alone on a line, or at the end of a running foot) are read
   (:mod:`scripts.normalise.shared.pages`), bare numbers only where they continue a
   sequence; a restart is a new sequence with labels of its own; whether the typescript
   numbers its pages at the head or the foot is decided from where the scanned pages
   begin, and each number becomes a page break;
4. the remaining lines are grouped into paragraphs: a blank line or a removed line ends a
   block, a numbered paragraph (``1.``, ``a.``, ``(2)``) or a short line ending a sentence
   ends one inside a block, and a block that continues an unfinished sentence (next word in
   lower case) continues its paragraph across the page;
5. a short line in capitals (or a roman-numbered one), made mostly of words (word
   evidence: English or the witness's own), that does not cut a sentence and is followed by
   running text in small letters is a heading; a numbered paragraph never is; a run of
   short lines without running text (a form's labels, an address block, a stamp) is kept
   as one block of text and recorded as unclassified, as is any other block without
   running text;
6. an asterisk note is a paragraph that starts with ``*`` and a capital, paired with the
   nearest asterisk before it that is attached to a word; any other asterisk is text;
7. hard-wrapped lines are joined, and line-end hyphens and other OCR breaks of words are
   repaired only with word evidence, each repair recorded (:mod:`.words`).

A line that nothing here classifies stays in the reading text; the text is refused only
when it holds no sentence at all.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Literal

from scripts.errors import SourceError
from scripts.model import (
    Block,
    Contents,
    ContentsEntry,
    Document,
    EditorialNote,
    Emendation,
    Heading,
    Inline,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    ParagraphKind,
    Removal,
    Text,
    Unclassified,
)
from scripts.normalise.english import zipf
from scripts.normalise.shared import banners
from scripts.normalise.shared.lines import Lexicon, join_lines
from scripts.normalise.shared.pages import PageMark, TypedNumber, accept_sequences, typed_number
from scripts.normalise.typescript.furniture import heading_level
from scripts.normalise.typescript.inlines import Part, merge_text, sic_inlines
from scripts.normalise.typescript.settings import TypescriptSettings
from scripts.normalise.typescript.words import find_repairs
from scripts.normalise.typescript.wrapper import unwrap

Mode = Literal["lines", "wrapped"]

RUNNING_REASON = "running head or foot, repeated on the typescript's pages, not part of the text"
DEBRIS_REASON = (
    "OCR debris: specks of a stamp, a signature or handwriting read as characters, alone on a "
    "line, with no word of the text"
)
REPEATED_NUMBER_REASON = "the same page number typed a second time on its page"
LAST_FOOT_REASON = "typed number at the foot of the last page (no page follows)"

PARA_LABEL = re.compile(r"^\W{0,3}(?:\d{1,2}[.,)]|[a-z][.)]|\([a-z0-9]{1,2}\))\s+\S")
ROMAN_LABEL = re.compile(r"^(?P<label>[IVX]{1,5})\s*[.\-–—~]+\s+\S")
SENTENCE_END = re.compile(r"""[.!?:]["'”’)\]]*$""")
SENTENCE = re.compile(r"[A-Za-z]{2,}[.!?]")
DIVIDED = re.compile(r"[A-Za-z][-~¬]$")
"""A line ending in a word divided at the line end (the OCR reads the hyphen as ``~`` too)."""
NOTE_START = re.compile(r"^\*+\s*[A-Z\"“(]")
NOTE_MARK = re.compile(r"(?<=[\w.,;:)\"”’])\*{1,3}(?=[\s,.;:)]|$)")
NOTE_REACH = 120
"""A note stands at most this many raw lines after its mark (about a page of the OCR)."""
FOOT_NUMBER = re.compile(r"^(?P<rest>.*\S)\s+(?P<number>(?:Page|PAGE)\s+[0-9ivxlcIVXLC]{1,7})\s*$")
LEAD_NUMBER = re.compile(
    r"^(?P<lead>[\W_]{0,3}|\S{1,2}\s+)"
    r"(?P<number>(?:Page|PAGE|page)\s*-?\s*(?P<value>[0-9]{1,3}|[ivxlcIVXLC]{1,7}))"
    r"\s+(?P<rest>\S.*)$"
)
"""``Page 4 SPECIAL REPORT 3 Mar 67``: a page number opening a running foot (specks before)."""
ILLEGIBLE_NUMBER = re.compile(
    r"^(?P<lead>[\W_]{0,3}|\S{1,2}\s+)(?P<number>(?:Page|PAGE|page)\s*[^\w\s])\s+(?P<rest>\S.*)$"
)
"""``Page § SPECIAL REPORT``: the same with its number misread as a sign."""
LEADER_LINE = re.compile(
    r"^(?P<text>\S.*?\S)\s*(?P<leader>(?:\.\s?){4,}|_{4,}|…{2,})\s*(?P<page>\d{1,3}|[ivxlc]{1,6})$"
)
CONTENTS_MIN = 3
RUNNING_MIN = 3
EDGE_REACH = 4
"""A running head stands within this many lines of text from the edge of its page."""
HEADING_WORDS = 10
HEADING_CHARS = 70


@dataclass
class _Line:
    n: int
    text: str
    removal: Removal | None = None
    mark: PageMark | None = None
    page_raw: str = ""
    entry: ContentsEntry | None = None


@dataclass
class _Draft:
    parts: list[Part]
    line: int
    heading: bool = False
    note: bool = False
    lines_merged: int = 1
    """How many blocks of short lines without running text were merged into this one."""
    floated: bool = False
    """Moved after the paragraph whose sentence it interrupted."""

    @property
    def text(self) -> str:
        return join_lines(p.text for p in self.parts if p.brk is None)


@dataclass
class _Unit:
    lines: list[tuple[int, str]]
    breaks: list[PageBreak] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(t for _, t in self.lines)


def paragraph_mode(raw: str) -> Mode:
    """``lines`` when each paragraph is one line (lines stand alone between blank lines),
    ``wrapped`` when most lines of text run on into the next line."""
    lines = [line.strip() for line in raw.split("\n")]
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return "lines"
    followed = sum(1 for i in filled if i + 1 < len(lines) and lines[i + 1])
    return "wrapped" if followed / len(filled) >= 0.3 else "lines"


def _key(text: str) -> str:
    """A line reduced for comparing running heads: letters and digits (as #), case kept, so
    that a section title in capitals is not taken for the running head that repeats it."""
    return " ".join(re.sub(r"\d+", "#", re.sub(r"[^A-Za-z0-9]+", " ", text)).split())


def _is_running(text: str, counts: Counter[str]) -> bool:
    key = _key(text)
    words = key.split()
    return (
        counts[key] >= RUNNING_MIN
        and 0 < len(words) <= HEADING_WORDS
        and any(len(w) >= 3 for w in words)
        and not PARA_LABEL.match(text)
    )


def _is_debris(text: str, lex: Lexicon) -> bool:
    """A short line with no word of the text: specks the OCR read as characters.

    At most twelve letters and digits, no run of three letters, no paragraph label, and
    no piece that is an English word or recurs in the witness.
    """
    letters = sum(c.isalnum() for c in text)
    if letters > 12:
        return False
    words = re.findall(r"[A-Za-z]{2,}", text)
    if any(len(w) >= 3 for w in words) or re.fullmatch(r"\(?\w{1,2}[.)]", text):
        return False  # a word may be a name or the end of a divided word; a label is kept
    return not any(zipf(w.lower()) >= 3.0 or lex.words[w.lower()] >= 3 for w in words)


def _classify(
    lines: list[tuple[int, str]],
    settings: TypescriptSettings,
    page_starts: set[int],
) -> list[_Line]:
    """Each line with its removal (furniture), page-number candidates left for later.

    Banners and archive lines first; then running heads and feet: a short line repeated
    three times or more that stands at the edge of a page (a banner, an archive line, a
    typed number or a scanned page's start among its neighbours), so that a form label the
    text itself repeats (``Distribution:``) stays text.
    """
    texts = [t.strip() for _, t in lines]
    codes = banners.code_words((t for t in texts if t), settings.banner_words)
    pattern = settings.page_pattern()
    counts: Counter[str] = Counter(_key(t) for t in texts if t)
    counts.update(_key(m.group("rest")) for t in texts if (m := FOOT_NUMBER.match(t)))
    counts.update(_key(m.group("rest")) for t in texts if (m := LEAD_NUMBER.match(t)))
    out = [_Line(n, text) for (n, _), text in zip(lines, texts, strict=True)]
    edge: set[int] = set()
    for i, line in enumerate(out):
        if not line.text:
            continue
        if typed_number(line.text, pattern) or line.n in page_starts:
            edge.add(i)
        if kind := banners.classify_line(line.text, codes):
            line.removal = Removal(line.text, kind.reason, line.n, kind.category)
            edge.add(i)
    filled = [i for i, line in enumerate(out) if line.text]
    for k, i in enumerate(filled):
        line = out[i]
        if line.removal or typed_number(line.text, pattern):
            continue
        near = filled[max(0, k - EDGE_REACH) : k + EDGE_REACH + 1]
        at_edge = k < EDGE_REACH or k >= len(filled) - EDGE_REACH or any(j in edge for j in near)
        if (foot := FOOT_NUMBER.match(line.text)) and (
            _is_running(foot.group("rest"), counts)
            or banners.classify_line(foot.group("rest"), codes)
        ):
            continue  # a running foot ending in its page number: read with the numbers
        if (lead := LEAD_NUMBER.match(line.text)) and _foot_words(
            lead.group("rest"), counts, codes
        ):
            continue  # a page number opening a running foot: read with the numbers
        if at_edge and _is_running(line.text, counts):
            line.removal = Removal(line.text, RUNNING_REASON, line.n, "running head")
    return out


def _foot_words(text: str, counts: Counter[str], codes: frozenset[str]) -> bool:
    """True for the words of a running head or foot: repeated on the typescript's pages, a
    banner, or a short line in capitals (``SPECIAL REPORT``)."""
    letters = [c for c in text if c.isalpha()]
    capitals = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    short = len(text.split()) <= 6 and bool(re.search(r"[A-Z]{3}", text))
    return (
        _is_running(text, counts)
        or banners.classify_line(text, codes) is not None
        or (capitals and short)
    )


def _candidates(
    lines: list[_Line], settings: TypescriptSettings
) -> list[tuple[int, TypedNumber, str, str]]:
    """(index, number, raw of the number, rest of the line) for every possible page number.

    A bare number that the next candidate repeats in a page-number form (``1`` then
    ``Page 1``) is not the page's number: the typed one is."""
    pattern = settings.page_pattern()
    texts = [line.text for line in lines if line.text]
    codes = banners.code_words(texts, settings.banner_words)
    counts: Counter[str] = Counter(_key(t) for t in texts)
    counts.update(_key(m.group("rest")) for t in texts if (m := LEAD_NUMBER.match(t)))
    found: list[tuple[int, TypedNumber, str, str]] = []
    for i, line in enumerate(lines):
        if line.removal or not line.text:
            continue
        if number := typed_number(line.text, pattern):
            found.append((i, number, line.text, ""))
        elif (foot := FOOT_NUMBER.match(line.text)) and (
            number := typed_number(foot.group("number"), pattern)
        ):
            found.append((i, number, foot.group("number"), foot.group("rest")))
        elif (
            (lead := LEAD_NUMBER.match(line.text))
            and _foot_words(lead.group("rest"), counts, codes)
            and (number := typed_number("Page " + lead.group("value"), pattern))
        ):
            rest = f"{lead.group('lead').strip()} {lead.group('rest')}".strip()
            found.append((i, number, lead.group("number"), rest))
    found = [
        c
        for k, c in enumerate(found)
        if c[1].strong
        or k + 1 == len(found)
        or not (found[k + 1][1].strong and found[k + 1][1].label == c[1].label)
    ]
    return _illegible(lines, found, counts, codes)


def _illegible(
    lines: list[_Line],
    found: list[tuple[int, TypedNumber, str, str]],
    counts: Counter[str],
    codes: frozenset[str],
) -> list[tuple[int, TypedNumber, str, str]]:
    """The candidates, with a page foot whose number the OCR misread as a sign (``Page §``)
    where the numbers typed before and after it leave exactly one page for it (4, then 6):
    it is that page's foot, its number known from the sequence, not read."""
    out = list(found)
    for k in range(len(found) - 1):
        (i, before, _, _), (j, after, _, _) = found[k], found[k + 1]
        if before.style != "arabic" or after.style != "arabic" or after.value != before.value + 2:
            continue
        feet = [
            (x, m)
            for x in range(i + 1, j)
            if not lines[x].removal
            and (m := ILLEGIBLE_NUMBER.match(lines[x].text))
            and _foot_words(m.group("rest"), counts, codes)
        ]
        if len(feet) == 1:
            x, m = feet[0]
            number = TypedNumber(str(before.value + 1), "arabic", before.value + 1, False)
            rest = f"{m.group('lead').strip()} {m.group('rest')}".strip()
            out.append((x, number, m.group("number"), rest))
    return sorted(out, key=lambda c: c[0])


def _at_edge(lines: list[_Line], i: int, page_starts: set[int]) -> bool:
    """True when line ``i`` stands at the edge of a page: the first or last text of the OCR,
    or within two lines of a banner, an archive line or the start of a scanned page."""
    if lines[i].n in page_starts:
        return True
    before = [ln for ln in reversed(lines[:i]) if ln.text][:2]
    after = [ln for ln in lines[i + 1 :] if ln.text][:2]
    if not before or not after:
        return True
    return any(
        ln.n in page_starts
        or (ln.removal is not None and ln.removal.category in {"banner", "archive", "stamp"})
        for ln in before + after
    )


Group = tuple[str, int]
"""A numbering sequence: (family ``arabic``/``roman``, sequence number)."""


def _group(mark: PageMark) -> Group:
    return (_family_of(mark), mark.sequence)


def _at_foot(lines: list[_Line], marks: list[PageMark], page_starts: set[int]) -> dict[Group, bool]:
    """For each numbering sequence, True when it stands at the foot of its pages.

    The evidence is where scanned pages begin: an archive separator line or a page of the
    capture right after a number puts it at a foot; right before, at a head. Each sequence
    is judged on its own (a compound file may join a report numbered at the foot and a
    dispatch numbered at the head); a sequence without evidence follows the whole text's,
    and with none at all a sequence starting at 1 (or i) is read as foot numbers, one
    starting at 2 as head numbers (the first page of a memorandum is not numbered).
    """

    def starts(line: _Line) -> bool:
        separator = line.removal is not None and line.removal.category == "archive"
        return separator or line.n in page_starts

    votes: dict[Group, list[int]] = {}
    for mark in marks:
        tally = votes.setdefault(_group(mark), [0, 0])  # foot, head
        after = next(
            (ln for ln in lines[mark.index + 1 :] if (ln.text and not ln.removal) or starts(ln)),
            None,
        )
        if after is not None and starts(after):
            tally[0] += 1
        before = next(
            (
                ln
                for ln in reversed(lines[: mark.index])
                if (ln.text and not ln.removal) or starts(ln)
            ),
            None,
        )
        if lines[mark.index].n in page_starts or (before is not None and starts(before)):
            tally[1] += 1
    foot = sum(t[0] for t in votes.values())
    head = sum(t[1] for t in votes.values())
    out: dict[Group, bool] = {}
    for mark in marks:
        group = _group(mark)
        if group in out:
            continue
        tally = votes[group]
        if tally[0] != tally[1]:
            out[group] = tally[0] > tally[1]
        elif foot != head:
            out[group] = foot > head
        else:
            out[group] = mark.number.value != 2
    return out


def _pages(
    lines: list[_Line], settings: TypescriptSettings, page_starts: set[int]
) -> tuple[dict[Group, bool], list[PageMark]]:
    """Accept the page numbers; mark their lines; for each sequence, True if at the foot."""
    found = _candidates(lines, settings)
    edges = frozenset(i for i, _, _, _ in found if _at_edge(lines, i, page_starts))
    marks, repeated = accept_sequences([(i, number) for i, number, _, _ in found], edges=edges)
    by_index = {i: (raw, rest) for i, _, raw, rest in found}
    for mark in marks:
        raw, rest = by_index[mark.index]
        line = lines[mark.index]
        line.mark, line.page_raw = mark, raw
        if rest:
            line.removal = Removal(rest, RUNNING_REASON, line.n, "running head")
    for index in repeated:
        line = lines[index]
        line.removal = Removal(line.text, REPEATED_NUMBER_REASON, line.n, "page number")
    return _at_foot(lines, marks, page_starts), marks


def _contents(lines: list[_Line]) -> Contents | None:
    """A printed contents list: three or more lines of wording, a dot leader and a page
    number (``Organization ........ 4``). Used when present, never required; its lines
    leave the flow of the text."""
    found = [
        (line, m)
        for line in lines
        if line.text and not line.removal and not line.mark and (m := LEADER_LINE.match(line.text))
    ]
    if len(found) < CONTENTS_MIN:
        return None
    entries = []
    for line, match in found:
        wording = match.group("text")
        entry = ContentsEntry(
            (Text(wording),),
            match.group("page"),
            heading_level(wording),
            line=line.n,
            leader=match.group("leader"),
        )
        line.entry = entry
        entries.append(entry)
    return Contents(tuple(entries), found[0][0].n)


def _page_breaks(
    lines: list[_Line], feet: dict[Group, bool], removals: list[Removal]
) -> dict[int, PageBreak]:
    """The page break each accepted number makes, by line index."""
    breaks: dict[int, PageBreak] = {}
    labels: set[str] = set()
    marked = [i for i, line in enumerate(lines) if line.mark]
    for k, i in enumerate(marked):
        line = lines[i]
        mark = line.mark
        assert mark is not None
        if not feet[_group(mark)]:
            breaks[i] = PageBreak(mark.label, line.page_raw, line.n)
            labels.add(mark.label)
            continue
        if k + 1 == len(marked) and not any(ln.text and not ln.removal for ln in lines[i + 1 :]):
            removals.append(Removal(line.page_raw, LAST_FOOT_REASON, line.n, "page number"))
            continue
        printed = None if mark.label in labels else mark.label
        following: str | None = mark.next_label
        later = lines[marked[k + 1]].mark if k + 1 < len(marked) else None
        other = later is not None and (
            _family_of(later) != _family_of(mark) or later.sequence != mark.sequence
        )
        if later is not None and other:
            # The last page of a sequence: the page after it is the first of the next
            # sequence if that one starts at 1, and unknown otherwise.
            following = later.label if later.number.value == 1 else None
        breaks[i] = PageBreak(following, line.page_raw, line.n, inferred=True, foot=printed)
        labels.update(x for x in (printed, following) if x)
    return breaks


def _family_of(mark: PageMark) -> str:
    return "arabic" if mark.number.style == "arabic" else "roman"


def _units(lines: list[_Line], breaks: dict[int, PageBreak], mode: Mode) -> list[_Unit]:
    """Blocks of text lines, split into paragraph-sized units, with the breaks before each."""
    blocks: list[_Unit] = []
    current: _Unit | None = None
    pending: list[PageBreak] = []
    for i, line in enumerate(lines):
        if i in breaks:
            pending.append(breaks[i])
        if not line.text or line.removal or line.mark or line.entry:
            current = None
            continue
        if current is None or mode == "lines":
            current = _Unit([], pending)
            pending = []
            blocks.append(current)
        current.lines.append((line.n, line.text))
    if pending:
        blocks.append(_Unit([], pending))
    width = _typical_width(blocks)
    units: list[_Unit] = []
    for block in blocks:
        units.extend(_split_block(block, width))
    return units


def _typical_width(blocks: list[_Unit]) -> float:
    lengths = [len(t) for b in blocks for _, t in b.lines if len(t) >= 30]
    return statistics.median(lengths) if lengths else 60.0


def _split_block(block: _Unit, width: float) -> list[_Unit]:
    """A block split where a paragraph evidently begins inside it."""
    out = [_Unit([], block.breaks)]
    for k, (n, text) in enumerate(block.lines):
        if k and out[-1].lines:
            prev = out[-1].lines[-1][1]
            labelled = bool(PARA_LABEL.match(text) or ROMAN_LABEL.match(text))
            short_end = len(prev) < 0.75 * width and bool(SENTENCE_END.search(prev))
            heading_before = len(out[-1].lines) == 1 and _heading_like(prev)
            if (
                (labelled and SENTENCE_END.search(prev))
                or (short_end and text[:1].isupper())
                or heading_before
            ):
                out.append(_Unit([]))
        out[-1].lines.append((n, text))
    return [u for u in out if u.lines or u.breaks]


def _heading_like(text: str) -> bool:
    """Short, no sentence, set in capitals (or labelled with a roman numeral): a heading."""
    text = text.strip()
    if len(text) > HEADING_CHARS or len(text.split()) > HEADING_WORDS or PARA_LABEL.match(text):
        return False
    if re.search(r"[,;]$", text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not re.search(r"[A-Za-z]{3,}", text):
        return False
    if any(banners.banner_word(w) in banners.LEVELS for w in re.findall(r"[A-Za-z]+", text)):
        return False  # what is left of a banner line is no heading
    capitals = sum(c.isupper() for c in letters) / len(letters)
    return capitals >= 0.8 or (bool(ROMAN_LABEL.match(text)) and capitals >= 0.6)


WORDS_IN_HEADING = 0.5
"""More than this share of a heading's letters must be in words (English or the witness's)."""
RUNNING_WORDS = 3
"""Running text holds at least this many words in small letters (``the``, ``have``)."""
CUT_TAIL = 20
"""A sentence end this near the end of a block finishes it (specks may follow)."""
WORDY = 6
"""A block with this many words (of three letters or more) is text, even in capitals."""


def _mostly_words(text: str, lex: Lexicon) -> bool:
    """True when most letters of the line are in words: English words or words the witness
    uses elsewhere, not only in capitals (a two-letter piece only if it is a very common
    word). The OCR of a form, a stamp or a signature in capitals reads as letters that make
    no words, or as codes and labels the witness prints only in capitals. Its last word
    (specks after it aside) is not an article, a preposition or a conjunction."""
    pieces = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) >= 2]
    letters = sum(len(w) for w in pieces)
    known = sum(
        len(w)
        for w in pieces
        if lex.is_word_of_the_text(w) and (len(w) > 2 or zipf(w.lower()) >= 4.5)
    )
    return letters > 0 and known / letters > WORDS_IN_HEADING and not _open_end(text)


def _open_end(text: str) -> bool:
    """True when the line's last word (specks after it aside) is an article, a preposition
    or a conjunction: its phrase goes on (a number of two digits or more after it ends
    it: ``THE ELECTIONS OF 1964``)."""
    pieces = [w for w in re.findall(r"[A-Za-z]+|\d+", text) if len(w) >= 2]
    while (
        pieces and pieces[-1].isalpha() and len(pieces[-1]) <= 2 and zipf(pieces[-1].lower()) < 4.5
    ):
        pieces.pop()  # specks after the last word
    return bool(pieces) and pieces[-1].lower() in OPEN_ENDS


def _ends_an_open_phrase(units: list[_Unit], k: int) -> bool:
    """True when unit ``k`` begins on the line right under (no blank line between) a line
    whose phrase is open: it ends that phrase (a form's ``CONTINUATION OF`` / ``DISPATCH``)
    and is no heading of its own."""
    before = units[k - 1].lines if k else []
    return bool(before) and before[-1][0] == units[k].lines[0][0] - 1 and _open_end(before[-1][1])


FILE_NUMBER = re.compile(r"(?<![\d.,/-])(?P<number>\d{4,})[\W_]*$")
"""A number of four digits or more at the end of a line (specks after it aside)."""


def _ends_in_file_number(text: str) -> bool:
    """True when the line ends in a number of four digits or more that is no year: a
    dispatch, cable or file number (``DISPATCH 5962``, ``REF: WAVE 9754``). A heading may end
    in a year, never in a reference number."""
    found = FILE_NUMBER.search(text)
    if not found:
        return False
    number = found.group("number")
    return not (len(number) == 4 and 1700 <= int(number) <= 2099)


OPEN_ENDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
"""Words a title does not end with: a line of capitals ending so is cut off (the first line
of a form's label, ``CONTINUATION OF``), not a heading."""


def _running(text: str, lex: Lexicon) -> bool:
    """Running text: mostly small letters, with a few words in them, and at least half of
    its pieces words (not a line of labels, capitals or OCR debris)."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.islower() for c in letters) / len(letters) < 0.5:
        return False
    pieces = re.findall(r"[A-Za-z]{2,}", text)
    known = [w for w in pieces if lex.is_word(w) and (len(w) > 2 or zipf(w.lower()) >= 4.5)]
    small = [w for w in known if w[0].islower()]
    return len(small) >= RUNNING_WORDS and 2 * len(known) >= len(pieces)


def _labelled(text: str) -> bool:
    """A numbered paragraph (``1.``, ``a.``), a roman-numbered heading or an asterisk note."""
    return bool(PARA_LABEL.match(text) or ROMAN_LABEL.match(text) or NOTE_START.match(text))


def _continues(draft: _Draft, unit: _Unit) -> bool:
    """True when the unit goes on with the draft's unfinished sentence."""
    text = draft.text
    if draft.heading or not text or SENTENCE_END.search(text):
        return False
    first = unit.text
    if _labelled(first):
        return False
    opening = re.sub(r"^[\W_]{1,3}\s*(?=[a-z])", "", first)  # specks before the first word
    return opening[:1].islower() or text.endswith(("-", ",")) or bool(DIVIDED.search(text))


def _drafts(units: list[_Unit], lex: Lexicon, mode: Mode) -> list[_Draft]:
    drafts: list[_Draft] = []
    for k, unit in enumerate(units):
        breaks = [Part("", b.line, b) for b in unit.breaks]
        if not unit.lines:
            if drafts:
                drafts[-1].parts += breaks
            continue
        # A sentence cut by the page goes on after the notes at the page's foot.
        back = len(drafts) - 1
        while back > 0 and _note_stars(drafts[back]) and not NOTE_START.match(unit.text):
            back -= 1
        prev = drafts[back] if drafts else None
        parts = [Part(t, n) for n, t in unit.lines]
        # A block without running text is a label, not a sentence to go on with, unless it
        # ends in a word divided at the line end (``Organiza~`` / ``tion``).
        open_word = prev is not None and bool(DIVIDED.search(prev.text))
        if prev is not None and (open_word or not _bare(prev, lex)) and _continues(prev, unit):
            prev.parts += breaks + parts
            continue
        if mode == "wrapped" and (target := _interrupted(drafts, unit, lex)) is not None:
            # The labels of a form's page foot or head stand inside the sentence: the
            # sentence goes on, and they follow the paragraph (their page breaks stay in
            # the text where the page turns).
            floated = drafts[target + 1 :]
            moved = [q for d in floated for q in d.parts if q.brk is not None]
            for d in floated:
                d.parts = [q for q in d.parts if q.brk is None]
                d.floated = True
            drafts[target].parts += moved + breaks + parts
            continue
        text = unit.text
        heading = (
            len(unit.lines) <= 2
            and _heading_like(text)
            and _mostly_words(text, lex)
            and not _ends_an_open_phrase(units, k)
            and not _ends_in_file_number(text)
            and _running(" ".join(after := _texts_after(units, k, mode)), lex)
            and not (prev is not None and _cut_sentence(prev, lex))
            and not (_goes_on(after[-1], lex) and _open_sentence(drafts, lex))
        )
        drafts.append(_Draft(breaks + parts, unit.lines[0][0], heading=heading))
    # One paragraph a line is the witness's own division: its short lines stay apart.
    return _merge_label_runs(drafts, lex) if mode == "wrapped" else drafts


FLOAT_REACH = 40
"""At most this many raw lines of blocks without running text stand between a sentence and
its end (the furniture of a page's foot and the next page's head)."""


def _interrupted(drafts: list[_Draft], unit: _Unit, lex: Lexicon) -> int | None:
    """The draft whose unfinished sentence the unit goes on with, across blocks without
    running text (a dispatch form's labels, a stamp), or None."""
    skipped = 0
    start = unit.lines[0][0]
    for d in range(len(drafts) - 1, -1, -1):
        draft = drafts[d]
        if draft.heading or draft.note or start - draft.line > FLOAT_REACH:
            return None
        if _bare(draft, lex) or _note_stars(draft):
            skipped += 1
            continue
        ok = (
            skipped > 0
            and _cut_sentence(draft, lex, any_word=True)
            and not _labelled(unit.text)
            and _goes_on(unit.text, lex)  # begins with a word in small letters, not specks
            and _running(unit.text, lex)
        )
        return d if ok else None
    return None


def _open_sentence(drafts: list[_Draft], lex: Lexicon) -> bool:
    """True when the last block of running text so far stops inside a sentence (blocks
    without running text after it, such as a form's labels, do not close it)."""
    last = next((d for d in reversed(drafts) if not d.heading and _running(d.text, lex)), None)
    return last is not None and _cut_sentence(last, lex)


def _goes_on(text: str, lex: Lexicon) -> bool:
    """True when the text begins with a word in small letters (``courses) have been…``): it
    goes on with a sentence from before, so the line before it is no heading but a label
    the page carries (a form's continuation heading, a stamp)."""
    first = re.search(r"[A-Za-z]+", text)
    if first is None or not first.group().islower():
        return False
    word = first.group()
    return (len(word) > 2 and lex.is_word(word)) or zipf(word) >= 4.5  # ``at``, ``of``


def _texts_after(units: list[_Unit], k: int, mode: Mode) -> list[str]:
    """The text that follows unit ``k``: the next unit, and the one after it when the next
    is a subheading (a heading directly over a subheading) or, in a text of a paragraph a
    line, a line that runs on (no sentence end); lines of specks (no run of three letters)
    are passed over."""
    after = [u for u in units[k + 1 :] if re.search(r"[A-Za-z]{3}", u.text)][:2]
    if len(after) == 2:
        first = after[0]
        sub = len(first.lines) == 1 and _heading_like(first.text)
        runs_on = len(first.lines) == 1 and not SENTENCE_END.search(first.text)
        if not sub and not (runs_on and not _heading_like(after[1].text)):
            after = after[:1]
    return [u.text for u in after] or [""]


def _wordy(text: str, lex: Lexicon) -> bool:
    """Text of many words, in whatever case (a cable is typed in capitals)."""
    words = [w for w in re.findall(r"[A-Za-z]{3,}", text) if lex.is_word(w)]
    return len(words) >= WORDY


def _cut_sentence(draft: _Draft, lex: Lexicon, *, any_word: bool = False) -> bool:
    """True when the draft is running text of two lines or more that stops in the middle of
    a sentence: on a word in small letters (on any word with ``any_word``, when the text
    after it is known to go on in small letters), with no sentence end or closing bracket
    near its end. A heading does not stand inside a sentence; what stands there is a form's
    label, a stamp or a marginal note. (Specks or a classification after the last sentence
    do not make it unfinished.)"""
    text = draft.text
    lines = sum(1 for p in draft.parts if p.brk is None)
    if draft.heading or lines < 2 or not _running(text, lex):
        return False
    tokens = text.split()
    while tokens and not any(
        lex.is_word(w) and len(w) > 2 for w in re.findall(r"[A-Za-z]+", tokens[-1])
    ):
        tokens.pop()  # specks after the last word
    text = " ".join(tokens)
    last = r"(?<![\w-])[A-Za-z]+$" if any_word else r"(?<![\w-])[a-z]+$"
    return bool(re.search(last, text)) and not re.search(r"[.!?:;)\]]", text[-CUT_TAIL:])


def _bare(draft: _Draft, lex: Lexicon) -> bool:
    """A block without running text that is no heading, note or numbered paragraph."""
    text = draft.text
    return not (
        draft.heading
        or not text
        or _running(text, lex)
        or _wordy(text, lex)
        or PARA_LABEL.match(text)
        or NOTE_START.match(text)
    )


def _merge_label_runs(drafts: list[_Draft], lex: Lexicon) -> list[_Draft]:
    """Consecutive blocks without running text (a dispatch form's labels, an address block,
    a distribution list, a map's legend) made one block: kept as text, not as a dozen
    one-line paragraphs."""
    out: list[_Draft] = []
    for draft in drafts:
        last = out[-1] if out else None
        # a block moved after the paragraph it interrupted is not run into what follows
        together = last is not None and last.floated == draft.floated
        if last is not None and together and _bare(last, lex) and _bare(draft, lex):
            last.parts += draft.parts
            last.lines_merged += draft.lines_merged
            last.floated = last.floated or draft.floated
            continue
        out.append(draft)
    return out


def _unclassified(drafts: list[_Draft], lex: Lexicon) -> list[Unclassified]:
    """The blocks kept as text without running text, for the editor's review (a run of
    such blocks merged into one is listed even when, together, its words make a line of
    text look wordy)."""
    found = []
    for draft in drafts:
        if draft.lines_merged == 1 and not _bare(draft, lex):
            continue
        text = "\n".join(p.text.strip() for p in draft.parts if p.brk is None and p.text.strip())
        why = (
            f"{draft.lines_merged} blocks of short lines without running text (a form's "
            "labels, an address or distribution list, a stamp, a map's legend?): kept as "
            "one block of text"
            if draft.lines_merged > 1
            else "a block without running text (a label, a date, a signature, OCR of a stamp "
            "or of handwriting?): kept as text"
        )
        if draft.floated:
            why += (
                "; it stood inside a sentence of the paragraph before it, which goes on "
                "after it in the typescript: printed after that paragraph"
            )
        found.append(Unclassified(text, draft.line, why))
    return found


Mark = tuple[int, int, int, str]
"""An asterisk mark in the text: (draft, part, offset in the part's text, the stars)."""


def _note_stars(draft: _Draft) -> str:
    """The stars a note candidate opens with (``*``, ``**``), or ``""`` for no note."""
    first = next((p for p in draft.parts if p.brk is None), None)
    if first is None or draft.heading or not NOTE_START.match(first.text):
        return ""
    return first.text[: len(first.text) - len(first.text.lstrip("*"))]


def _pair_notes(drafts: list[_Draft]) -> dict[int, Mark]:
    """Asterisk notes paired with their marks: draft index of a note → its mark.

    A note is a paragraph opening with ``*`` (or ``**``…) and a capital; the notes of one
    run (a page foot) pair, in order, with the last marks of as many stars before the run,
    each attached to a word, not yet paired and at most :data:`NOTE_REACH` lines back. A
    note or a mark without its partner is text.
    """
    marks: list[tuple[Mark, int]] = []  # (mark, its raw line)
    pairs: dict[int, Mark] = {}
    d = 0
    while d < len(drafts):
        run: list[int] = []
        while d + len(run) < len(drafts) and _note_stars(drafts[d + len(run)]):
            run.append(d + len(run))
        if not run:
            for p, part in enumerate(drafts[d].parts):
                if part.brk is None:
                    marks += [
                        ((d, p, m.start(), m.group()), part.line)
                        for m in NOTE_MARK.finditer(part.text)
                    ]
            d += 1
            continue
        start = drafts[run[0]].line
        for stars in sorted({_note_stars(drafts[k]) for k in run}):
            notes = [k for k in run if _note_stars(drafts[k]) == stars]
            near = [m for m in marks if m[0][3] == stars and start - m[1] <= NOTE_REACH]
            chosen = near[len(near) - min(len(near), len(notes)) :]
            for k, mark in zip(notes, chosen, strict=False):
                pairs[k] = mark[0]
                marks.remove(mark)
                drafts[k].note = True
        for k in run:
            if k not in pairs:  # a note without its mark is a paragraph: its marks count
                for p, part in enumerate(drafts[k].parts):
                    if part.brk is None:
                        marks += [
                            ((k, p, m.start(), m.group()), part.line)
                            for m in NOTE_MARK.finditer(part.text)
                            if m.start() > 0 or p > 0
                        ]
        d = run[-1] + 1
    return pairs


@dataclass
class _Builder:
    lex: Lexicon
    sics: bool
    refs: dict[Mark, str] = field(default_factory=dict)

    def inlines(self, d: int, parts: list[Part]) -> list[Inline]:
        """The parts as inlines: repairs over the joined text, note references, breaks."""
        out: list[Inline] = []
        run: list[tuple[int, Part]] = []
        for p, part in enumerate(parts):
            if part.brk is not None:
                out += self._run(d, run, spaced=True)
                out.append(part.brk)
                run = []
            else:
                run.append((p, part))
        out += self._run(d, run, spaced=False)
        return merge_text(_spaced_after_breaks(out))

    def _run(self, d: int, run: list[tuple[int, Part]], *, spaced: bool) -> list[Inline]:
        if not run:
            return []
        text = ""
        starts: list[tuple[int, int]] = []  # (offset in text, raw line)
        refs: list[tuple[int, str, str]] = []  # (offset in text, note key, stars)
        for k, (p, part) in enumerate(run):
            lead = len(part.text) - len(part.text.lstrip())
            starts.append((len(text), part.line))
            refs += [
                (len(text) + offset - lead, key, stars)
                for (dd, pp, offset, stars), key in self.refs.items()
                if dd == d and pp == p
            ]
            text += part.text.strip() + (" " if k + 1 < len(run) or spaced else "")
        out: list[Inline] = []
        last = 0
        for offset, key, stars in sorted(refs):
            out += self._words(text[last:offset], last, starts)
            out.append(NoteRef(stars, key, stars, _line_at(starts, offset)))
            last = offset + len(stars)
        out += self._words(text[last:], last, starts)
        return out

    def _words(self, text: str, base: int, starts: list[tuple[int, int]]) -> list[Inline]:
        out: list[Inline] = []
        last = 0
        for repair in find_repairs(text, self.lex):
            out += self._plain(text[last : repair.start], _line_at(starts, base + last))
            line = _line_at(starts, base + repair.start)
            out.append(
                Emendation(text[repair.start : repair.end], repair.printed, repair.rule, line)
            )
            last = repair.end
        out += self._plain(text[last:], _line_at(starts, base + last))
        return out

    def _plain(self, text: str, line: int) -> list[Inline]:
        if not text:
            return []
        return sic_inlines(text, line, self.lex) if self.sics else [Text(text)]


def _spaced_after_breaks(inlines: list[Inline]) -> list[Inline]:
    """A space between a page number and the text after it, so the two stay two words."""
    out: list[Inline] = []
    for node in inlines:
        prev = out[-1] if out else None
        if isinstance(prev, PageBreak) and prev.raw[-1:].isalnum() and isinstance(node, Text):
            node = Text(" " + node.text)
        elif (
            isinstance(prev, PageBreak) and prev.raw[-1:].isalnum() and isinstance(node, PageBreak)
        ):
            out.append(Text(" "))  # two typed numbers in a row stay two numbers
        out.append(node)
    return out


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    line = starts[0][1]
    for start, n in starts:
        if start <= offset:
            line = n
    return line


def _editorial(
    feet: dict[Group, bool], marks: list[tuple[PageMark, int]], removals: list[Removal], mode: Mode
) -> tuple[EditorialNote, ...]:
    """The editor's notes on this witness, composed from what was found in it."""
    notes = []
    if marks:
        sequences = sorted({(m.number.style, m.sequence) for m, _ in marks})
        foot = any(feet.values())
        where = "at the foot of its pages" if foot else "at the head of its pages"
        if foot and not all(feet.values()):
            where = "at the foot of some pages and at the head of others (by numbering sequence)"
        first, line = marks[0][0].number.label, marks[0][1]
        text = (
            f"The typescript types its page numbers {where} (the first read is {first}, raw "
            f"line {line}); {len(marks)} numbers were read, in "
            f"{len(sequences)} sequence{'s' if len(sequences) > 1 else ''}. "
        )
        if foot:
            text += (
                "A number at the foot ends its page, so the page break is placed after it and "
                "labelled with the following number, marked as inferred. "
            )
        if any(m.sequence > 1 for m, _ in marks):
            text += (
                "A numbering that starts again (an annex numbered from 1) is a sequence of its "
                "own; its pages are labelled s2-1, s2-2… so that every page anchor is unique. "
            )
        text += (
            "A number standing alone on a line is read as a page number only where it "
            "continues the sequence; other stray numbers of the scan stay in the text."
        )
        notes.append(EditorialNote("Page numbers", text))
    counts = Counter(r.category for r in removals)
    if counts:
        listed = ", ".join(f"{n} {c}" for c, n in sorted(counts.items()))
        notes.append(
            EditorialNote(
                "Removed furniture",
                "Lines that are only the furniture of the typescript or of its release are "
                f"removed and listed in the apparatus with the reason ({listed}). A line "
                "holding any word of running text is kept as text.",
            )
        )
    if mode == "wrapped":
        notes.append(
            EditorialNote(
                "Lines and words",
                "The OCR keeps the typescript's line breaks; the lines of a paragraph are "
                "joined. A word divided at a line end is joined only where the joined word is "
                "an English word or a word of this text, and every such join is an emendation. "
                "The OCR misreads many words of this scan; the misreadings are kept as the "
                "witness has them (they are not the typist's errors, so none is marked sic), "
                "and a word is changed only by the recorded repairs of divided words.",
            )
        )
    return tuple(notes)


def normalise(raw: str, settings: TypescriptSettings, mode: Mode) -> Document:
    """Read a typescript's OCR (raw or clean) into a :class:`Document`."""
    lines, removals, page_starts = unwrap(raw)
    lex = Lexicon(raw)
    classified = _classify(lines, settings, page_starts)
    feet, marks = _pages(classified, settings, page_starts)
    for line in classified:
        if line.text and not line.removal and not line.mark and _is_debris(line.text, lex):
            line.removal = Removal(line.text, DEBRIS_REASON, line.n, "debris")
    contents = _contents(classified)
    breaks = _page_breaks(classified, feet, removals)
    removals += [line.removal for line in classified if line.removal]
    units = _units(classified, breaks, mode)
    if not any(SENTENCE.search(u.text) for u in units):
        first = next((n for u in units for n, _ in u.lines), 1)
        raise SourceError(
            first, "no running text: expected typed sentences (a word followed by . ! or ?)"
        )
    drafts = _drafts(units, lex, mode)
    pairs = _pair_notes(drafts)
    builder = _Builder(lex, sics=mode == "lines")
    for n, (_, mark) in enumerate(sorted(pairs.items()), start=1):
        builder.refs[mark] = f"s{n}"
    notes: list[Note] = []
    body: list[Block] = []
    for d, draft in enumerate(drafts):
        if d in pairs:
            key = builder.refs[pairs[d]]
            parts = list(draft.parts)
            first = next(i for i, p in enumerate(parts) if p.brk is None)
            head = parts[first].text.strip()
            stars = len(head) - len(head.lstrip("*"))
            label = head[:stars]
            parts[first] = Part(head[stars:], parts[first].line)
            note_breaks = [p for p in parts if p.brk is not None]
            inlines = builder.inlines(d, [p for p in parts if p.brk is None])
            notes.append(Note(label, key, tuple(inlines), draft.line, raw_label=label))
            if note_breaks and body:
                _append_breaks(body, [p.brk for p in note_breaks if p.brk])
            continue
        inlines = builder.inlines(d, draft.parts)
        if draft.heading:
            body.append(Heading(1, tuple(inlines), draft.line))
        else:
            body.append(Paragraph(tuple(inlines), draft.line))
    front: list[Block] = []
    if contents is not None:
        # The cover and the contents page: front matter, not numbered.
        end = max(e.line for e in contents.entries)
        while body and body[0].line < end:
            block = body.pop(0)
            front.append(
                replace(block, kind=ParagraphKind.FRONT) if isinstance(block, Paragraph) else block
            )
        front.append(contents)
    return Document(
        front=tuple(front),
        body=tuple(body),
        notes=tuple(notes),
        removals=tuple(sorted(removals, key=lambda r: r.line)),
        editorial_notes=_editorial(
            feet, [(m, classified[m.index].n) for m in marks], removals, mode
        ),
        unclassified=tuple(_unclassified([d for d in drafts if not d.note], lex)),
    )


def _append_breaks(body: list[Block], breaks: list[PageBreak]) -> None:
    """Page breaks that stood in a note: kept at the end of the block before it."""
    last = body[-1]
    if isinstance(last, Paragraph | Heading):
        inlines = list(last.inlines)
        if inlines and isinstance(inlines[-1], Text) and not inlines[-1].text[-1:].isspace():
            # a space before the typed number, so that the two stay two words
            inlines[-1] = Text(inlines[-1].text + " ")
        body[-1] = replace(last, inlines=tuple(inlines) + tuple(breaks))
