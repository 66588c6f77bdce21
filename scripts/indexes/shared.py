"""Events that two or three sources share: the same date, the same subject.

Two events of *different* sources are one event when

1. **their dates agree**: equal date, end and precision (*same precision*); or one date
   contains the other (*containment*): a year contains its months and days, a month its
   days, and a season agrees with its bare year. Ranges and decades agree only with an
   equal range or decade; decades are never shared (they name an era, not an event), nor
   is a year after ``since`` (a starting point); a date whose year is inferred agrees
   only with an equal date; and
2. **they speak of the same subject**: the *significant keywords* the two sentences share
   weigh at least :data:`SAME_PRECISION` (dates of the same precision) or
   :data:`CONTAINMENT` (one date contains the other: the finer the date of one source,
   the more the words must agree). A keyword is a word of four letters or more (or an
   acronym such as ``DRV``), lower-cased, a final plural ``s`` removed, that is not a
   stop word, a month or a season word, and not *common*: found in more than
   :data:`COMMON_SHARE` of the event sentences of any one source (``china``, ``vietnam`` say
   nothing about which event is meant; the common words are computed from the data). A
   *name* (a keyword capitalised inside both sentences, ``Geneva``, ``Paris``, ``DRV``)
   weighs 2, any other keyword 1.

Events so linked, directly or through another, form one shared entry of the timeline.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from scripts.annotate.dates import Event, Precision
from scripts.citation import MONTHS

SAME_PRECISION = 3
"""Weight of shared keywords needed when both dates have the same precision."""
CONTAINMENT = 3
"""Weight of shared keywords needed when one date contains the other."""
COMMON_SHARE = 0.12
"""A word in more than this share of a source's event sentences is too common to be significant."""
MIN_COMMON_COUNT = 3
"""…and in at least this many of them (a source with few dates has no common words)."""

STOP_WORDS = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "also",
        "although",
        "among",
        "another",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "could",
        "did",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "even",
        "ever",
        "every",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "into",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "made",
        "make",
        "many",
        "more",
        "most",
        "much",
        "must",
        "neither",
        "never",
        "nor",
        "not",
        "now",
        "only",
        "other",
        "ought",
        "our",
        "ours",
        "over",
        "own",
        "same",
        "several",
        "shall",
        "she",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "too",
        "toward",
        "towards",
        "under",
        "until",
        "upon",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "year",
        "years",
        "yet",
        "your",
        "also",
        "again",
        "month",
        "months",
        "time",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "early",
        "late",
        "half",
        "part",
        "first",
        "second",
        "end",
        "close",
        "beginning",
        "said",
        "says",
        "saying",
        "whereas",
        "thereafter",
        "period",
        "throughout",
    ]
)
"""Function words and words of time: they say nothing of an event's subject."""

_MONTH_WORDS = frozenset(m.lower() for m in MONTHS)
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_NAME_PAIR = re.compile(r"(?=\b([A-Z][a-z]+ [A-Z][a-z]+)\b)")


@functools.lru_cache(maxsize=4096)
def _keywords(sentence: str) -> dict[str, bool]:
    return keywords(sentence)


def keywords(sentence: str) -> dict[str, bool]:
    """The candidate keywords of a sentence, each with whether it is printed as a name.

    A name is capitalised where it stands and is not the first word of the sentence, or is
    an acronym of capitals. Common words are set aside later (:func:`common_words`).
    """
    words: dict[str, bool] = {}
    for match in _WORD.finditer(sentence):
        raw = match.group().replace("’", "'")
        if raw.endswith("'s"):
            raw = raw[:-2]
        acronym = len(raw) >= 2 and raw.isupper()
        word = raw.lower()
        if (len(word) < 4 and not acronym) or word in STOP_WORDS or word in _MONTH_WORDS:
            continue
        if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
            word = word[:-1]
        name = acronym or (raw[0].isupper() and match.start() > 0)
        words[word] = words.get(word, False) or name
    # A name of two capitalised words ("Geneva Conference", "Party Congress") is a keyword
    # of its own: two sources naming the same conference agree more than on one word.
    for match in _NAME_PAIR.finditer(sentence):
        if match.start() > 0:
            words[match.group(1).lower()] = True
    return words


def common_words(events: Sequence[Event]) -> frozenset[str]:
    """Words found in more than :data:`COMMON_SHARE` of the event sentences of any source.

    Counted per source, so that a source's own theme (``Mao`` in a paper on Mao) does not
    make its sentences look alike to another source's.
    """
    by_source: dict[str, dict[tuple[int, int], str]] = {}
    for e in events:
        by_source.setdefault(e.source, {})[(e.paragraph, e.sentence_start)] = e.sentence
    common: set[str] = set()
    for sentences in by_source.values():
        counts: Counter[str] = Counter()
        for sentence in sentences.values():
            counts.update(keywords(sentence).keys())
        limit = max(COMMON_SHARE * len(sentences), MIN_COMMON_COUNT - 1)
        common.update(word for word, n in counts.items() if n > limit)
    return frozenset(common)


_POINTS = (Precision.DAY, Precision.MONTH, Precision.SEASON, Precision.YEAR)


def _since(e: Event) -> bool:
    """True for ``since 1959``: a starting point, not the date of an event."""
    return e.sentence[: e.start - e.sentence_start].rstrip().lower().endswith("since")


def dates_agree(a: Event, b: Event) -> int | None:
    """The weight of shared keywords the two events need if their dates agree, else None."""
    if Precision.DECADE in (a.precision, b.precision) or _since(a) or _since(b):
        return None
    if (a.date, a.end, a.precision) == (b.date, b.end, b.precision):
        return SAME_PRECISION
    if a.precision not in _POINTS or b.precision not in _POINTS or a.end or b.end:
        return None
    if a.inferred or b.inferred:
        return None  # a year taken from the context is too weak to meet another date halfway
    coarse, fine = sorted((a, b), key=lambda e: len(e.date))
    if coarse.date == fine.date:
        # A season and its bare year: the season is part of the year.
        return CONTAINMENT if Precision.YEAR in (a.precision, b.precision) else None
    if coarse.precision is Precision.SEASON:
        return None  # "fall 1959" does not contain "February 1959"
    return CONTAINMENT if fine.date.startswith(coarse.date + "-") else None


def shared_weight(a: Event, b: Event, common: frozenset[str]) -> int:
    """The weight of the significant keywords two events' sentences share (names weigh 2)."""
    ka, kb = _keywords(a.sentence), _keywords(b.sentence)  # read only: shared between pairs
    shared = (ka.keys() & kb.keys()) - common
    return sum(2 if ka[w] and kb[w] else 1 for w in shared)


def shared_events(events: Sequence[Event]) -> list[tuple[Event, ...]]:
    """Groups of events of two or more sources that speak of one event, in timeline order.

    A group holds at most one event per source: the pairs that agree are joined strongest
    first (by weight of shared keywords, then in timeline order), and a pair is not joined
    when that would put two events of one source into a group. So a source that names the
    1954 Geneva Conference ten times gives the shared entry its one closest sentence.
    Each group keeps its events in the order of ``events``; groups follow their first event.
    """
    common = common_words(events)
    pairs: list[tuple[int, int, int]] = []
    # Dates agree only when one is the other or a prefix of it ("1959" and "1959-02"), so
    # only events of the same year are compared: all pairs of the whole corpus grew with the
    # square of its size (the benchmark's 10x corpus spent 90% of its build here).
    by_year: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        by_year.setdefault(event.date.split("-")[0], []).append(index)
    for same_year in by_year.values():
        for position, i in enumerate(same_year):
            a = events[i]
            for j in same_year[position + 1 :]:
                b = events[j]
                if a.source == b.source:
                    continue
                needed = dates_agree(a, b)
                if needed is None:
                    continue
                weight = shared_weight(a, b, common)
                if weight >= needed:
                    pairs.append((-weight, i, j))
    group = list(range(len(events)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    for _, i, j in sorted(pairs):
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        if {events[k].source for k in members[gi]} & {events[k].source for k in members[gj]}:
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
    shared = [sorted(m) for m in members.values() if len(m) > 1]
    return [tuple(events[i] for i in m) for m in sorted(shared)]
