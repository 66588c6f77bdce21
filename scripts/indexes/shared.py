"""Events that two or three sources share: compatible dates *and* the same happening.

Two dated statements of *different* sources share a timeline entry only when

1. **their dates agree** (:func:`dates_agree`): equal date, end and precision; or one date
   contains the other (a year its months and days, a month its days, a season its bare
   year). Ranges and decades agree only with an equal range or decade; decades are never
   shared, nor is a year after ``since``, nor a date whose year is inferred unless equal; and
2. **they name the same happening** (:func:`happenings`): each sentence names an event —
   a conference, congress, meeting or talks; an agreement, accord or treaty; a war, battle,
   invasion or coup; a visit or conversation — by the proper names printed with it (``Geneva
   Conference``, ``Vientiane agreement``, ``20th CPSU Party Congress``, ``war against
   France``, ``Franco-Vietminh war``), the date stands with that name in the same clause (``the
   Geneva Conference of 1954``, ``the 1954 Geneva Conference``), and the two names agree:
   the same kind of happening and a distinctive name in common (compared on its first four
   letters, so ``France``, ``French`` and ``Franco-`` agree; generic words such as
   ``Party`` or ``Communist`` do not count). Wars, visits and conversations recur, so for
   them the dates must be equal, not merely contain one another.

A shared year, or words in common, are never enough: precision over recall. Each shared
entry carries its evidence in words (:func:`evidence`: "both name the Vientiane agreement").
The keyword weight of the two sentences (:func:`shared_weight`) only orders the candidate
pairs, so that a source that names the 1954 Geneva Conference ten times gives the entry its
closest sentence.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


EVENT_NOUNS: dict[str, str] = {
    "conference": "meeting",
    "congress": "meeting",
    "meeting": "meeting",
    "talks": "meeting",
    "summit": "meeting",
    "plenum": "meeting",
    "negotiations": "meeting",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "treaty": "agreement",
    "settlement": "agreement",
    "armistice": "agreement",
    "war": "war",
    "battle": "war",
    "invasion": "war",
    "coup": "war",
    "uprising": "war",
    "offensive": "war",
    "visit": "visit",
    "conversation": "visit",
    "conversations": "visit",
}
"""Words that name a happening, by kind: two statements share an entry only on the same kind."""

RECURRING = frozenset({"war", "visit"})
"""Kinds that happen many times a year: their dates must be equal, not merely agree."""

GENERIC = frozenset(
    {
        "party",
        "communist",
        "communists",
        "peace",
        "people",
        "national",
        "central",
        "committee",
        "workers",
        "labor",
        "joint",
        "international",
        "world",
        "new",
        "full-scale",
        "second",
        "third",
        "fourth",
        "first",
        "great",
        "general",
    }
)
"""Capitalised words that do not tell one happening from another (``Party Congress``)."""

ATTACHED = 45
"""Most characters between a date and the name of its happening in one clause."""
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\b(?:to|which|that|who|whom|when|while|because|but)\b")
_TOKEN = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_PREPOSITIONS = frozenset({"against", "with", "between", "on", "in", "at", "to", "of"})
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Mention:
    """A happening a sentence names: its kind, distinctive names, and where it stands."""

    kind: str
    """``meeting``, ``agreement``, ``war`` or ``visit``."""
    names: frozenset[str]
    """Distinctive names printed with it, as keys (first four letters, lower case)."""
    surface: str
    """The words as printed (``Geneva Conference``, ``war against France``)."""
    start: int
    """Offset in the sentence."""
    stop: int
    """Offset just past it in the sentence."""


def _is_name(token: str, at_start: bool) -> bool:
    bare = token.replace("’s", "").replace("'s", "")
    if _ORDINAL.match(bare):
        return True
    lower = bare.lower()
    if not bare[:1].isupper() or lower in _ARTICLES or lower in STOP_WORDS:
        return False
    if lower in _MONTH_WORDS:
        return False
    return not at_start or bare.isupper()


def _keys(tokens: Sequence[str]) -> frozenset[str]:
    keys = set()
    for token in tokens:
        for part in token.replace("’s", "").replace("'s", "").split("-"):
            word = part.lower()
            if word and word not in GENERIC and word not in _MONTH_WORDS and not word.isdigit():
                keys.add(word[:4])
    return frozenset(keys)


@functools.lru_cache(maxsize=4096)
def mentions(sentence: str) -> tuple[Mention, ...]:
    """Every named happening of a sentence (see the module docstring)."""
    tokens = list(_TOKEN.finditer(sentence))
    found: list[Mention] = []
    for k, match in enumerate(tokens):
        kind = EVENT_NOUNS.get(match.group().lower())
        if kind is None:
            continue
        before: list[re.Match[str]] = []
        j = k - 1
        while j >= 0 and _is_name(tokens[j].group(), tokens[j].start() == 0):
            before.insert(0, tokens[j])
            j -= 1
        after: list[re.Match[str]] = []
        j = k + 1
        if j < len(tokens) and tokens[j].group().lower() in _PREPOSITIONS:
            j += 1
            if j < len(tokens) and tokens[j].group().lower() in _ARTICLES:
                j += 1
            while j < len(tokens) and _is_name(tokens[j].group(), False):
                after.append(tokens[j])
                j += 1
        names = _keys([t.group() for t in before + after])
        if not names:
            continue
        while after and not _keys([after[-1].group()]):
            after.pop()  # "Conference of Communist": the generic word is not part of the name
        first = before[0] if before else match
        last = after[-1] if after else match
        found.append(
            Mention(kind, names, sentence[first.start() : last.end()], first.start(), last.end())
        )
    return tuple(found)


def _attached(e: Event, mention: Mention) -> bool:
    """True when the date and the mention stand together in one clause of the sentence."""
    a, b = e.start - e.sentence_start, e.stop - e.sentence_start
    if b <= mention.start:
        gap = e.sentence[b : mention.start]
    elif mention.stop <= a:
        gap = e.sentence[mention.stop : a]
    else:
        return True
    return len(gap) <= ATTACHED and not _CLAUSE_BREAK.search(gap)


def happenings(e: Event) -> frozenset[tuple[str, str]]:
    """``(kind, name)`` keys of the happenings the statement dates.

    A named happening whose clause also names another kind unnamed (``the Paris talks
    reached a peace agreement``) dates that kind too, under the same names.
    """
    keys: set[tuple[str, str]] = set()
    sentence = e.sentence
    for mention in mentions(sentence):
        if not _attached(e, mention):
            continue
        kinds = {mention.kind}
        clause = _CLAUSE_BREAK.split(sentence[mention.stop : mention.stop + ATTACHED])[0]
        kinds |= {
            EVENT_NOUNS[w.lower()] for w in _TOKEN.findall(clause) if w.lower() in EVENT_NOUNS
        }
        keys |= {(kind, name) for kind in kinds for name in mention.names}
    return frozenset(keys)


def same_happening(a: Event, b: Event) -> frozenset[tuple[str, str]]:
    """The happenings two statements of different sources both date (empty: not one event)."""
    if a.source == b.source or dates_agree(a, b) is None:
        return frozenset()
    shared = happenings(a) & happenings(b)
    equal = (a.date, a.end, a.precision) == (b.date, b.end, b.precision)
    return frozenset(key for key in shared if equal or key[0] not in RECURRING)


def _surface(e: Event, keys: frozenset[tuple[str, str]]) -> Mention | None:
    for mention in mentions(e.sentence):
        if _attached(e, mention) and any(name in mention.names for _, name in keys):
            return mention
    return None


def evidence(group: Sequence[Event]) -> str:
    """Why the statements of a shared entry tell one event, in words.

    ``both name the Vientiane agreement``; ``all three name the Geneva Conference``;
    ``both tell of a war: “war against France”, “Franco-Vietminh war”``.
    """
    if len(group) < 2:
        return ""
    keys = functools.reduce(lambda x, y: x & y, (happenings(e) for e in group))
    who = "both" if len(group) == 2 else ("all three" if len(group) == 3 else f"all {len(group)}")
    surfaces = [m.surface for e in group if (m := _surface(e, keys))]
    distinct = list(dict.fromkeys(surfaces))
    if not distinct:
        return ""
    shortest = min(distinct, key=len)
    if all(s.lower().startswith(shortest.lower()) for s in distinct):
        return f"{who} name the {shortest}"
    kinds = sorted({kind for kind, _ in keys})
    quoted = ", ".join(f"“{s}”" for s in distinct)
    return f"{who} name the same {' and '.join(kinds)}: {quoted}"


def shared_events(events: Sequence[Event]) -> list[tuple[Event, ...]]:
    """Groups of events of two or more sources that tell one happening, in timeline order.

    A group holds at most one event per source, and every event of a group dates one
    happening that all the others date too (:func:`happenings`): pairs are joined
    strongest first (by keyword weight, then in timeline order), and a pair is not joined
    when that would put two events of one source into a group or leave the group with no
    happening in common. Each group keeps its events in the order of ``events``; groups
    follow their first event.
    """
    common = common_words(events)
    pairs: list[tuple[int, int, int]] = []
    # Dates agree only when one is the other or a prefix of it ("1959" and "1959-02"), so
    # only events of the same year are compared.
    by_year: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        if happenings(event):
            by_year.setdefault(event.date.split("-")[0], []).append(index)
    for same_year in by_year.values():
        # Only statements of different sources can tell one event: pairs are taken across
        # sources (a source with thousands of statements in one year costs no square).
        by_source: dict[str, list[int]] = {}
        for i in same_year:
            by_source.setdefault(events[i].source, []).append(i)
        for first, second in itertools.combinations(by_source.values(), 2):
            for x in first:
                for y in second:
                    i, j = min(x, y), max(x, y)
                    a, b = events[i], events[j]
                    if same_happening(a, b):
                        pairs.append((-shared_weight(a, b, common), i, j))
    group = list(range(len(events)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    keys: dict[int, frozenset[tuple[str, str]]] = {}
    for _, i, j in sorted(pairs):
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        if {events[k].source for k in members[gi]} & {events[k].source for k in members[gj]}:
            continue
        joint = keys.get(gi, happenings(events[i])) & keys.get(gj, happenings(events[j]))
        for x in members[gi]:
            for y in members[gj]:
                joint &= same_happening(events[x], events[y])
        if not joint:
            continue
        for k in members[gj]:
            group[k] = gi
        members[gi].extend(members.pop(gj))
        keys[gi] = joint
    # One happening, one entry: a weaker group (fewer sources, later) that dates a happening
    # a stronger one already dates leaves its statements as entries of their own.
    shared: list[list[int]] = []
    for root, m in sorted(members.items(), key=lambda kv: (-len(kv[1]), min(kv[1]))):
        if len(m) < 2:
            continue
        if any(
            keys[root] & keys[group[kept[0]]] and dates_agree(events[m[0]], events[kept[0]])
            for kept in shared
        ):
            continue
        shared.append(sorted(m))
    return [tuple(events[i] for i in m) for m in sorted(shared)]
