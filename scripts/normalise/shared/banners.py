"""Security banners, dissemination controls, release stamps and archive lines of a typescript.

A declassified typescript carries, besides its text, the marks of its handling: the
classification typed at the head and foot of every page (``SECRET``, ``TOP SECRET``, a code
word), dissemination controls (``NO FOREIGN DISSEM``), the release stamp of the
declassified copy (in any date form), archive record numbers and the separator lines an
archive prints between scanned pages (``13-00000``). An OCR misreads them (``~SECREF``,
``TOP.SECRET``, ``SEGRET``).

:func:`classify_line` says which of these a whole line consists of. A line is furniture
only when *every* word on it is such a mark (banner vocabulary, with one slip of the OCR
allowed per word, a code word, a separator, a record number) or a speck of debris; a line
with any word of running text is never furniture, so a sentence that mentions a secret
stays in the reading text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

LEVELS = frozenset({"SECRET", "CONFIDENTIAL", "RESTRICTED", "UNCLASSIFIED", "NOFORN"})
"""Classification words: a banner line holds at least one (or a dissemination control)."""
CONTROLS = (
    ("NO", "FOREIGN", "DISSEM"),
    ("NO", "FOREIGN", "DISSEMINATION"),
    ("CONTROLLED", "DISSEM"),
    ("EYES", "ONLY"),
    ("NOT", "RELEASABLE", "TO", "FOREIGN", "NATIONALS"),
    ("FOR", "OFFICIAL", "USE", "ONLY"),
    ("LIMITED", "DISTRIBUTION"),
)
"""Dissemination controls of several words: any of them alone also makes a banner."""
VOCABULARY = frozenset(
    {"TOP", "SENSITIVE", "LIMDIS", "EXDIS", "NODIS", "ORCON", "WNINTEL", "COMINT", "HANDLE"}
    | {"VIA", "CHANNELS", "JOINTLY", "CODEWORD", "BACKGROUND", "OFFICIALS", "US", "ONLY"}
    | {word for control in CONTROLS for word in control}
    | LEVELS
)
"""Every word a banner line may hold besides code words."""

MAX_TOKENS = 25
"""A line of more words than this is running text, never a banner or stamp line."""

BANNER_REASON = (
    "security banner (classification, dissemination control or code word), not part of the text"
)
SEPARATOR_REASON = (
    "archive separator line between scanned pages of the release, not part of the document"
)
RECORD_REASON = "archive record number of the release, not part of the document"
RELEASE_REASON = "release stamp of the declassified copy, not part of the document"

_SEPARATOR = re.compile(r"\W*(?:\d{1,2}|[A-Za-z])?-?[0OQ]{4,5}[0OQ\d]?\W*")
_RECORD = re.compile(r"\W*(?=(?:\D*\d){8})[\w]*\d[\w]*(?:-[\w]+){1,4}\W*")
_RELEASE = re.compile(r"\brelease[ds]?\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{4}/\d{1,2}/\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
)
_STAMP_NUMBER = re.compile(r"\b[A-Z]{2,5}-[A-Z]{2,4}\d")  # CIA-RDP79..., a CREST number
_WORD = re.compile(r"[A-Za-z]+")


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def banner_word(word: str, extra: Iterable[str] = ()) -> str | None:
    """The banner word an OCR'd word stands for (``SECREF`` → ``SECRET``), or None.

    Short words must match exactly; a word of five letters or more may differ by one
    letter (one slip of the OCR), and ``SECRET`` may be read ``SECREF`` or ``SEGRET``.
    """
    return _banner_word(word.upper(), frozenset(w.upper() for w in extra))


@functools.lru_cache(maxsize=65536)
def _banner_word(upper: str, extra: frozenset[str]) -> str | None:
    vocabulary = VOCABULARY | extra
    if upper in vocabulary:
        return upper
    if len(upper) < 5 or len(upper) > 16:
        return None
    close = [
        v
        for v in vocabulary
        if len(v) >= 5 and abs(len(v) - len(upper)) <= 1 and _edit_distance_at_most_one(upper, v)
    ]
    return close[0] if len(close) == 1 else None


@dataclass(frozen=True)
class LineKind:
    """What a whole line of the witness is, when it is not running text."""

    category: str
    """``banner``, ``archive`` or ``stamp``: a short class for counting removals."""
    reason: str
    """Why it is removed, in an editor's words."""


def _tokens(text: str) -> list[str]:
    # "TOP.SECRET" and "-SECRET-" are words run together with specks of punctuation.
    return [t for t in re.split(r"[\s.·•_~|/\\]+", text) if t]


def _is_debris(token: str) -> bool:
    return not any(c.isalnum() for c in token)


def _banner_tokens(tokens: list[str], code_words: frozenset[str]) -> bool:
    """True when the tokens are banner words and debris only, with a classification in them."""
    words: list[str] = []
    specks = 0
    for token in tokens:
        if _is_debris(token):
            continue
        core = re.sub(r"^\W+|\W+$", "", token)
        found = banner_word(core, code_words) if core.isalpha() else None
        if found:
            words.append(found)
        elif len(core) <= 2 and not core.isdigit():
            specks += 1
        else:
            return False
    if specks > 2 or specks > len(words):
        return False
    text = " ".join(words)
    has_level = any(w in LEVELS for w in words)
    has_control = any(" ".join(c) in text for c in CONTROLS)
    only_code_words = bool(words) and all(w in code_words for w in words)
    return has_level or has_control or only_code_words


def _joined_split_words(text: str) -> str:
    """``SECR ET`` → ``SECRET``: a banner word the OCR broke with a space, rejoined."""
    tokens = text.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tokens[i] + tokens[i + 1] if i + 1 < len(tokens) else ""
        if pair.isalpha() and banner_word(pair) and not banner_word(tokens[i]):
            out.append(pair)
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def classify_line(text: str, code_words: frozenset[str] = frozenset()) -> LineKind | None:
    """What the line is if it is a banner, separator, record number or release stamp."""
    stripped = text.strip()
    if not stripped or not any(c.isalnum() for c in stripped):
        return None
    tokens = _tokens(stripped)
    if len(tokens) > MAX_TOKENS:
        return None
    if _release_stamp(stripped):
        return LineKind("stamp", RELEASE_REASON)
    rest = [t for t in tokens if not _SEPARATOR.fullmatch(t) and not _RECORD.fullmatch(t)]
    separators = [t for t in tokens if _SEPARATOR.fullmatch(t)]
    records = [t for t in tokens if _RECORD.fullmatch(t) and not _SEPARATOR.fullmatch(t)]
    if not rest or all(_is_debris(t) or len(t) <= 1 for t in rest):
        if separators and not records:
            return LineKind("archive", SEPARATOR_REASON)
        if records or separators:
            return LineKind("archive", RECORD_REASON)
        return None
    if _banner_tokens(_tokens(_joined_split_words(" ".join(rest))), code_words):
        if separators or records:
            return LineKind(
                "banner", BANNER_REASON + "; with an archive separator or record number"
            )
        return LineKind("banner", BANNER_REASON)
    return None


def _release_stamp(text: str) -> bool:
    """A release stamp: 'release' with a date or a stamp number, in a line set in capitals
    or carrying a record or stamp number (not a sentence that speaks of a release)."""
    if not _RELEASE.search(text) or len(text.split()) > 25:
        return False
    if not (_DATE.search(text) or _STAMP_NUMBER.search(text)):
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    numbered = bool(_STAMP_NUMBER.search(text) or re.search(r"\d{4}/\d{1,2}/\d{1,2}", text))
    return capitals >= 0.6 or numbered


def code_words(lines: Iterable[str], extra: Iterable[str] = ()) -> frozenset[str]:
    """Code words of the witness: capitals words that stand with a classification at least
    three times on lines that are otherwise banners (``TOP SECRET DINAR``).

    ``extra`` are a source's own banner words from its ``meta.yml``; they always count.
    """
    found: Counter[str] = Counter()
    extra_words = frozenset(w.upper() for w in extra)
    for line in lines:
        words = _WORD.findall(line)
        if len(words) > MAX_TOKENS:
            continue
        if not any(banner_word(w) in LEVELS for w in words):
            continue
        unknown = [w for w in words if len(w) >= 3 and w.isupper() and not banner_word(w)]
        if len(set(unknown)) == 1 and _banner_tokens(
            _tokens(line.replace(unknown[0], "SECRET")), extra_words
        ):
            found[unknown[0]] += 1
    return frozenset(w for w, n in found.items() if n >= 3) | extra_words
