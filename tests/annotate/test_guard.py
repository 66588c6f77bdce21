"""A pattern guarded by its possible first letters finds exactly what the pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.annotate import dates
from scripts.annotate.guard import guard, guarded

SEEDS = Path(__file__).resolve().parents[2] / "sources"
# Letters, digits and the punctuation the date patterns read, so random texts hit them.
ALPHABET = "aeilmnorstuyADFJMNOSTBbhfwpc0123456789 ,-–—$£.()\n"
WORDS = [
    "January",
    "May",
    "December",
    "early",
    "mid",
    "late",
    "the",
    "spring",
    "Fall",
    "of",
    "in",
    "and",
    "to",
    "Between",
    "from",
    "since",
    "Since",
    "1979",
    "1945",
    "1960s",
    "79",
    "3",
    "21",
    "summer",
    "first",
    "half",
    "during",
    "through",
]


def _spans(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_guard_lists_what_a_match_can_begin_with() -> None:
    assert guard(r"(?:the\s+)?(?P<y>19\d\d)") == "(?=[1t])"
    assert guard(r"\b(?:[Ii]n|by)\s+\d") == "(?=[Ibi])"
    assert guard(r"(?:x)?(?i:spring)") == "(?=[x]|(?i:[s]))"
    assert guard(r"(?<!\d)\d{4}") == r"(?=[\d])"


def test_no_guard_where_a_match_could_begin_anywhere_or_be_empty() -> None:
    assert guard(r".x") is None
    assert guard(r"[^a]b") is None
    assert guard(r"a*") is None
    assert guarded(r"(?i)abc").pattern == r"(?i)abc"  # global flags stay first


def _pairs() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    guarded_patterns = {name: pattern for name, pattern, _ in dates.PATTERNS}
    return [
        (name, guarded_patterns[name], re.compile(source))
        for name, source, _ in dates.PATTERN_SOURCES
    ]


def test_every_date_pattern_finds_the_same_in_the_seeds_guarded_or_not() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*/source.*"))]
    assert texts
    for name, fast, plain in _pairs():
        assert fast.pattern != plain.pattern, name  # every date pattern has a guard
        for text in texts:
            assert _spans(fast, text) == _spans(plain, text), name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(ALPHABET, max_size=4)), max_size=30))
def test_every_date_pattern_finds_the_same_in_any_text_guarded_or_not(parts: list[str]) -> None:
    text = " ".join(parts)
    for name, fast, plain in _pairs():
        assert _spans(fast, text) == _spans(plain, text), name
