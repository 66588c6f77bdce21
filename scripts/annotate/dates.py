"""Dated statements: find the dates of the body text and normalise them.

An :class:`Event` is one date printed in a numbered body paragraph, with the sentence it
stands in. Headings, front matter and notes are never mined: a heading such as
"Vietnam–China Relations, 1971–5" names a section, and notes cite works.

Normalisation (``date`` is ISO 8601 at the precision printed; ``end`` closes spans)
-----------------------------------------------------------------------------------
=======================================  ==============  =========  =======  ===========
printed                                  date            precision  end      qualifier
=======================================  ==============  =========  =======  ===========
``April 17, 1975`` / ``17 April 1975``   ``1975-04-17``  day        –        –
``In August 1945``, ``September of 1959`` ``1945-08``    month      –        –
``mid-January 1950``                     ``1950-01``     month      –        mid
``late 1956``, ``spring 1959``,          ``1956``        season     –        late, spring
``the end of 1975``, ``the first half     ``1975``       season     –        end, first half
of 1960``
``the winter of 1959-1960``              ``1959``        season     ``1960`` winter
``1949``                                 ``1949``        year       –        –
``the 1980s``, ``the early 1930s``       ``1980``        decade     ``1989`` –, early
``1955-1957``, ``from 1978 to 1990``,    ``1955``        range      ``1957`` –
``1971–5``, ``between 1950 and 1953``
``June-July 1961``,                      ``1961-06``     range      ``1961-07`` –
``late March–early April 1973``
=======================================  ==============  =========  =======  ===========

So a part of a year or a season keeps the year as its date and the part as ``qualifier``
(precision ``season``); a part of a month keeps the month (precision ``month``) and the
part as ``qualifier``. A decade is the span of its ten years. ``August and October 1974``
gives two month events; the first takes its year from the second.

Inferred years
--------------
A day or month printed without its year (``on April 30``, ``On September 30,``, ``in
September``) takes the year of the last date printed before it in the same paragraph, or
else earlier in the same section (a heading ends a section); such an event is marked
``inferred``. Only points of time set this context (a day, month, season or year, not a
range or decade, and not a year after ``since``). When the context has a month and the
undated day or month falls earlier in the year, the year is not certain (the narrative may
have passed into the next year) and no event is made. Without a context year, none is.

What is not an event (see :func:`_not_an_event`)
------------------------------------------------
* a year inside a parenthesis of publication data: ``(London, 2006)``, ``(Beijing:
  Renmin chubanshe, 1964)``;
* a date that ends a work's title: followed by ``by``/``edited by`` and a name, by
  publication data, or by a bracketed translated title;
* the publication of scholarship: a date after ``published``/``publication``/
  ``observation``/``wrote``/``written`` in a sentence about books, studies, scholars,
  accounts or the literature (a party document "published in 1974" stays an event);
* numbers that only look like years: a page (``p.``/``pp.``), a number (``No.``), money
  (``$``), a quantity followed by a unit (``1960 tons``);
* a date that only bounds an open period: ``pre-April 1975``, ``the post-1975 period``;
* anything in the section of a list of cited works (``References``, ``Bibliography``).
Numbers that are not four-digit years (``308th``, ``16,000``, ``24 miles``) never match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from scripts.annotate.guard import guarded
from scripts.annotate.sentences import sentence_spans
from scripts.citation import MONTHS
from scripts.memo import IdentityMemo
from scripts.model import Document, Heading, Paragraph


class Precision(StrEnum):
    """How exactly an event's date is known."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"


@dataclass(frozen=True)
class Event:
    """A dated statement of a source's body text."""

    source: str
    """Slug of the source (``third-indochina-war``)."""
    paragraph: int
    """Number of the body paragraph (its anchor is ``p<paragraph>``)."""
    start: int
    """Offset of the date in the paragraph's printed text."""
    stop: int
    """Offset just past the date."""
    date_text: str
    """The date as printed (``April 17, 1975``, ``the fall of 1959``)."""
    date: str
    """ISO 8601 at the printed precision (``1975-04-17``, ``1975-04``, ``1975``)."""
    precision: Precision
    """Day, month, season, year, decade or range."""
    end: str | None
    """ISO end of a range, decade or cross-year season (``1957``); None otherwise."""
    qualifier: str | None
    """Part of the year or month (``early``, ``mid``, ``late``, ``spring``, ``first half``)."""
    inferred: bool
    """True when the year is not printed with the date but taken from the context."""
    sentence: str
    """The sentence the date stands in, as printed."""
    sentence_start: int
    """Offset of that sentence in the paragraph (to place the date inside it)."""

    @property
    def anchor(self) -> str:
        """The paragraph's public anchor, ``p<N>``."""
        return f"p{self.paragraph}"

    @property
    def year(self) -> int:
        """The first year the event belongs to."""
        return int(self.date[:4])

    @property
    def last_year(self) -> int:
        """The last year the event belongs to (its ``end`` year, else its year)."""
        return int(self.end[:4]) if self.end else self.year


_M = "(?:" + "|".join(MONTHS) + ")"
_Y = r"(?<![\d$£])(?:1[89]\d\d|20[0-4]\d)(?!\d)(?!s\b)"
_Y2 = r"(?:1[89]\d\d|20[0-4]\d|\d{1,2})(?!\d)"
_D = r"(?<![\d,])(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_DASH = r"\s?[-–—]\s?"
_PART = r"early|mid|late"
_SEASON = r"early|mid|late|spring|summer|fall|autumn|winter"
_PART_OF = (
    r"(?:first|second|latter|early|later|last)\s+(?:half|part|months|quarter)|end|close|"
    r"beginning|middle|start"
)


@dataclass(frozen=True)
class _Found:
    """A date found in a text, before the context and exclusion rules apply."""

    start: int
    stop: int
    date: str
    precision: Precision
    end: str | None = None
    qualifier: str | None = None
    year_from: str = "printed"
    """``printed`` (year printed), ``next`` (taken from the date just after), ``context``."""
    month: int | None = None
    day: int | None = None
    since: bool = False
    """Printed after ``since``: not a point of narrative time, does not set the context."""


def _month(name: str) -> int:
    return MONTHS.index(name) + 1


def _end_year(start: str, end: str) -> int | None:
    """The full end year of ``1971–5`` or ``1987-98``; None when it would not follow."""
    full = int(start[: 4 - len(end)] + end) if len(end) < 4 else int(end)
    return full if full > int(start) else None


def _q(match: re.Match[str], name: str) -> str | None:
    value = match.group(name)
    return value.lower() if value else None


Handler = Callable[[re.Match[str]], list[_Found]]


def _month_range(m: re.Match[str]) -> list[_Found]:
    y = m["y"]
    a, b = _month(m["m1"]), _month(m["m2"])
    if b <= a:
        return []
    return [_Found(m.start(), m.end(), f"{y}-{a:02}", Precision.RANGE, f"{y}-{b:02}")]


def _day(m: re.Match[str]) -> list[_Found]:
    date = f"{m['y']}-{_month(m['m']):02}-{int(m['d']):02}"
    return [
        _Found(
            m.start(),
            m.end(),
            date,
            Precision.DAY,
            month=_month(m["m"]),
            day=int(m["d"]),
        )
    ]


def _month_year(m: re.Match[str]) -> list[_Found]:
    start = m.start("q") if m["q"] else m.start("m")
    found = _Found(
        start,
        m.end(),
        f"{m['y']}-{_month(m['m']):02}",
        Precision.MONTH,
        qualifier=_q(m, "q"),
        month=_month(m["m"]),
    )
    return [found]


def _month_pair(m: re.Match[str]) -> list[_Found]:
    y = m["y"]
    first = _Found(
        m.start("m1"),
        m.end("m1"),
        f"{y}-{_month(m['m1']):02}",
        Precision.MONTH,
        year_from="next",
        month=_month(m["m1"]),
    )
    second = _Found(
        m.start("m2"),
        m.end(),
        f"{y}-{_month(m['m2']):02}",
        Precision.MONTH,
        month=_month(m["m2"]),
    )
    return [first, second]


def _season(m: re.Match[str]) -> list[_Found]:
    end = None
    if m["y2"]:
        full = _end_year(m["y"], m["y2"])
        if full is None or full != int(m["y"]) + 1:
            return []  # a season spans at most the turn of one year
        end = str(full)
    return [_Found(m.start(), m.end(), m["y"], Precision.SEASON, end, _q(m, "q"))]


def _part_of(m: re.Match[str]) -> list[_Found]:
    qualifier = re.sub(r"\s+", " ", m["q"].lower())
    return [_Found(m.start(), m.end(), m["y"], Precision.SEASON, qualifier=qualifier)]


def _decade(m: re.Match[str]) -> list[_Found]:
    y = int(m["y"])
    return [_Found(m.start(), m.end(), str(y), Precision.DECADE, str(y + 9), _q(m, "q"))]


def _year_range(m: re.Match[str]) -> list[_Found]:
    full = _end_year(m["y1"], m["y2"])
    if full is None or full - int(m["y1"]) > 60:
        return []
    return [_Found(m.start(), m.end(), m["y1"], Precision.RANGE, str(full))]


def _year(m: re.Match[str]) -> list[_Found]:
    since = m["prep"] is not None
    return [_Found(m.start("y"), m.end(), m["y"], Precision.YEAR, since=since)]


def _month_day(m: re.Match[str]) -> list[_Found]:
    month, day = _month(m["m"]), int(m["d"])
    return [
        _Found(
            m.start(),
            m.end(),
            "",
            Precision.DAY,
            year_from="context",
            month=month,
            day=day,
        )
    ]


def _bare_month(m: re.Match[str]) -> list[_Found]:
    start = m.start("q") if m["q"] else m.start("m")
    found = _Found(
        start,
        m.end(),
        "",
        Precision.MONTH,
        qualifier=_q(m, "q"),
        year_from="context",
        month=_month(m["m"]),
    )
    return [found]


PATTERN_SOURCES: tuple[tuple[str, str, Handler], ...] = (
    (
        "month range",
        rf"(?:(?:{_PART})[- ])?(?P<m1>{_M})(?:\s+{_D})?(?:{_DASH}|\s+(?:to|through)\s+)"
        rf"(?:(?:{_PART})[- ])?(?P<m2>{_M})(?:\s+{_D})?,?\s+(?P<y>{_Y})",
        _month_range,
    ),
    ("month day year", rf"(?P<m>{_M})\s+(?P<d>{_D}),?\s+(?P<y>{_Y})", _day),
    ("day month year", rf"(?P<d>{_D})\s+(?P<m>{_M}),?\s+(?P<y>{_Y})", _day),
    (
        "month pair",
        rf"(?P<m1>{_M})\s+(?:and|or)\s+(?P<m2>{_M})(?:\s+of)?,?\s+(?P<y>{_Y})",
        _month_pair,
    ),
    (
        "month year",
        rf"(?:(?P<q>{_PART})[- ]?)?(?P<m>{_M})(?:\s+of)?,?\s+(?P<y>{_Y})",
        _month_year,
    ),
    (
        "season",
        rf"(?:the\s+)?(?P<q>(?i:{_SEASON}))(?:\s+(?:of|in)\s+|-|\s|)(?P<y>{_Y})"
        rf"(?:{_DASH}(?P<y2>{_Y2}))?",
        _season,
    ),
    ("part of year", rf"the\s+(?P<q>{_PART_OF})\s+of\s+(?P<y>{_Y})", _part_of),
    ("decade", rf"(?:the\s+)?(?:(?P<q>{_PART})[- ]?)?(?P<y>1[89]\d0)s\b", _decade),
    (
        "year range",
        rf"(?:[Ff]rom\s+)?(?P<y1>{_Y})(?:{_DASH}|\s+(?:to|through|until)\s+)(?P<y2>{_Y2})",
        _year_range,
    ),
    (
        "between years",
        rf"[Bb]etween\s+(?P<y1>{_Y})\s+and\s+(?P<y2>{_Y})",
        _year_range,
    ),
    (
        "run-together years",
        r"(?<!\d)(?P<y1>19\d\d)(?P<y2>19\d\d)(?!\d)",
        _year_range,
    ),
    ("year", rf"(?:(?P<prep>[Ss]ince)\s+)?(?P<y>{_Y})", _year),
    ("month day", rf"(?P<m>{_M})\s+(?P<d>{_D})(?![\d,]*\s*\d)", _month_day),
    ("day month", rf"(?P<d>{_D})\s+(?P<m>{_M})\b", _month_day),
    (
        "bare month",
        rf"\b(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ff]rom|[Aa]fter|[Bb]efore|[Dd]uring|"
        rf"[Tt]hrough(?:out)?)\s+(?:(?P<q>{_PART})[- ])?(?P<m>{_M})\b",
        _bare_month,
    ),
)
"""Every date form, by name: its regular expression and how it normalises."""

PATTERNS: tuple[tuple[str, re.Pattern[str], Handler], ...] = tuple(
    (name, guarded(pattern), handler) for name, pattern, handler in PATTERN_SOURCES
)
"""The date forms compiled, each guarded by the letters a match can begin with
(:mod:`scripts.annotate.guard`: the same matches, found several times faster)."""


def _candidates(text: str) -> list[_Found]:
    """All dates of ``text``, longest first where two overlap, in reading order."""
    found = [
        f for _, pattern, handler in PATTERNS for m in pattern.finditer(text) for f in handler(m)
    ]
    found.sort(key=lambda f: (f.start, -(f.stop - f.start)))
    kept: list[_Found] = []
    taken_until = -1
    for f in found:
        # Ties (same start, same length) go to the pattern listed first in PATTERNS.
        if f.start >= taken_until:
            kept.append(f)
            taken_until = f.stop
    return kept


_PUBLICATION_PAREN = re.compile(r"\(([A-Z][^()]*?[,:]\s*\[?(?:\d{4}\]\s*)?)$")
_TITLE_AFTER = re.compile(  # used with .match at the end of the date
    r"[\"”’]?\s+(?:edited\s+)?by\s+[A-Z]|[\"”’]?,?\s*\([A-Z][^()]*\d{4}\)|\s*\[[A-Z]"
)
# A title runs on in capitalised words up to its date ("Khmer Rouge 1975–1979 by …").
_TITLE_BEFORE = re.compile(r"[A-Z][\w’'-]*,?\s+$")
_PUBLICATION_CUE = re.compile(r"\b(?:published|publication|observation|wrote|written)\b")
_SCHOLARSHIP = re.compile(
    r"\b(?:books?|stud(?:y|ies)|scholar\w*|historiograph\w*|accounts?|literature|"
    r"observation|review|memoirs?)\b",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(r"(?:\$|£|\bpp?\.\s*|\bNo\.\s*|\bnos?\.\s*|\bvol\.\s*)$")
_UNIT_AFTER = re.compile(  # used with .match at the end of the date
    r"\s+(?:men|troops|soldiers|people|persons|tons|tonnes|miles|kilometers|km|dollars|"
    r"yuan|rubles|landlords|cadres|advisers|advisors|trucks|guns|households|villages)\b"
)
_OPEN_PERIOD = re.compile(r"\b(?:pre|post)-$", re.IGNORECASE)
_WINDOW = 200
"""Characters before a date that the tests ending at the date read (a word and its spaces)."""


def _not_an_event(text: str, f: _Found, sentence: str, sentence_start: int) -> str | None:
    """Why the date at ``f`` is not an event (a short reason), or None if it is one."""
    # Every test reads only near the date (the patterns before it end at the date and are
    # searched in a window; those after it are matched at its end), so a paragraph's cost
    # grows with its number of dates, not with its length times that number.
    start, stop = f.start, f.stop
    near = max(0, start - _WINDOW)
    paren = text.rfind("(", 0, start)
    if paren > text.rfind(")", 0, start) and _PUBLICATION_PAREN.search(text, paren, start):
        close = text.find(")", stop)
        if 0 <= close - stop <= 25:
            return "publication data"
    ends_in_year = text[stop - 1].isdigit() and f.year_from == "printed"
    if ends_in_year and _TITLE_AFTER.match(text, stop) and _TITLE_BEFORE.search(text, near, start):
        return "in a title"
    if _NUMBER_BEFORE.search(text, near, start):
        return "page, number or money"
    if _UNIT_AFTER.match(text, stop):
        return "a quantity"
    if _OPEN_PERIOD.search(text, near, start):
        return "bounds an open period"
    lead = text[max(sentence_start, f.start - 45) : f.start]
    if _PUBLICATION_CUE.search(lead) and _SCHOLARSHIP.search(sentence):
        return "publication of scholarship"
    return None


@dataclass(frozen=True)
class _Context:
    """A point of time the narrative has reached: a year (and month, day) printed."""

    year: int
    month: int | None = None
    day: int | None = None
    sentence: int = -1
    """Index of the sentence of the paragraph it was printed in (-1: an earlier paragraph)."""


def _context_of(f: _Found, sentence: int) -> _Context | None:
    """The context a printed date sets, or None (ranges of years, decades, ``since 1959``)."""
    if f.since or f.year_from != "printed" or f.precision is Precision.DECADE:
        return None
    if f.precision is Precision.RANGE:
        if f.end is None or len(f.date) < 7 or f.end[:4] != f.date[:4]:
            return None  # only a range of months within one year says which year it is
        return _Context(int(f.date[:4]), int(f.end[5:7]), None, sentence)
    return _Context(int(f.date[:4]), f.month, f.day, sentence)


def _choose(seen: list[_Context], carried: list[_Context], sentence: int) -> _Context | None:
    """The context an undated day or month takes its year from, or None when uncertain.

    The last date printed earlier in the same sentence; else the last in the paragraph if
    all dates printed earlier in the paragraph share one year; else, with no date yet in the
    paragraph, the same test over the previous paragraphs of the section.
    """
    same = [c for c in seen if c.sentence == sentence]
    if same:
        return same[-1]
    pool = seen or carried
    if pool and len({c.year for c in pool}) == 1:
        return pool[-1]
    return None


def _resolve(f: _Found, context: _Context | None) -> str | None:
    """The ISO date of an undated day or month in its context, or None when uncertain."""
    if context is None or f.month is None:
        return None
    if context.month is not None:
        here = (f.month, f.day or 0)
        if here < (context.month, 0 if f.day is None else (context.day or 0)):
            return None  # earlier in the year than the narrative: perhaps the next year
    date = f"{context.year}-{f.month:02}"
    return f"{date}-{f.day:02}" if f.day is not None else date


def paragraph_events(
    slug: str, number: int, text: str, carried: Sequence[_Context] = ()
) -> tuple[list[Event], list[_Context]]:
    """The events of one paragraph's printed text, and the context it hands on.

    ``carried`` is what the previous paragraphs of the section handed on; the result's
    second item is what this paragraph hands on (its own printed dates, if any).
    """
    spans = sentence_spans(text) or [(0, len(text))]
    events: list[Event] = []
    seen: list[_Context] = []
    for f in _candidates(text):
        index = next((i for i, (a, b) in enumerate(spans) if a <= f.start < b), len(spans) - 1)
        s_start, s_end = spans[index]
        sentence = text[s_start:s_end]
        if _not_an_event(text, f, sentence, s_start):
            continue
        date, inferred = f.date, f.year_from != "printed"
        if f.year_from == "context":
            resolved = _resolve(f, _choose(seen, list(carried), index))
            if resolved is None:
                continue
            date = resolved
        context = _context_of(f, index)
        if context is not None:
            seen.append(context)
        events.append(
            Event(
                source=slug,
                paragraph=number,
                start=f.start,
                stop=f.stop,
                date_text=text[f.start : f.stop],
                date=date,
                precision=f.precision,
                end=f.end,
                qualifier=f.qualifier,
                inferred=inferred,
                sentence=sentence,
                sentence_start=s_start,
            )
        )
    handed_on = [_Context(c.year, c.month, c.day) for c in seen] if seen else list(carried)
    return events, handed_on


CITED_WORKS = re.compile(
    r"(?:Select |Selected )?(?:References|Bibliography|Works Cited|Sources|Further Reading|"
    r"Notes|Footnotes|Endnotes)",
    re.IGNORECASE,
)
"""Headings of a list of cited works or notes: dates there are publication dates, never events."""


def document_events(slug: str, document: Document) -> Iterator[Event]:
    """Every event of a document's numbered body paragraphs, in reading order.

    A heading closes a section: the context year for undated days does not pass it. The
    section of a list of cited works (``References``, ``Bibliography``…) gives no events,
    whatever its layout made of it: the years there date publications.
    """
    context: list[_Context] = []
    cited_works = False
    for block in document.body:
        if isinstance(block, Heading):
            context = []
            cited_works = CITED_WORKS.fullmatch(block.text.strip()) is not None
        elif isinstance(block, Paragraph) and block.n is not None and not cited_works:
            events, context = paragraph_events(slug, block.n, block.text, context)
            yield from events


def sort_key(event: Event) -> tuple[str, str, int, int]:
    """The deterministic order of events: date, source, paragraph, position."""
    return (event.date, event.source, event.paragraph, event.start)


_EVENTS: IdentityMemo[tuple[Event, ...]] = IdentityMemo()
"""The events of each document, found once per document object (see :mod:`scripts.memo`)."""


def all_events(documents: Sequence[tuple[str, Document]]) -> list[Event]:
    """The events of several documents, ``(slug, document)`` pairs, in timeline order."""

    def of(slug: str, document: Document) -> tuple[Event, ...]:
        return _EVENTS.get(document, slug, lambda: tuple(document_events(slug, document)))

    return sorted((e for slug, document in documents for e in of(slug, document)), key=sort_key)
