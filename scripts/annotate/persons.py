"""Find the persons of the authority file in the reading texts.

Matching runs on the *folded* printed text of each run (see :mod:`scripts.annotate.fold`),
so ``Lê Duẩn`` and ``Le Duan`` are one name, and names interrupted in the model by a page
break or note reference are whole again (``printed_text`` joins across them). A match must
be a whole word on both sides; a possessive (``Mao’s``, ``Mao's``, ``Morris’``) is kept, while a
word *derived* from a name never matches because it goes on with letters (``Maoist``,
``Stalinist``, ``Leninist``, ``Marxism``, ``deStalinization``, ``Trotskyite``).

Short forms (a surname or a Vietnamese given name used alone) are used only in body text,
and in a source only where they are unambiguous there: of the persons bearing the form,
exactly one is named in full in that source — or none is, and the form belongs to a single
person of the whole authority (``Stalin``-like references that no source spells out).
Notes name the authors of cited works by surname (``Chanda, Brother Enemy``; ``Wang,
Zhonghua…``): there only full forms count.

False friends — matches that are not mentions of the person, recorded with their rule:

``named-after``
    a place or institution named after the person: the name followed by ``City``, ``Trail``,
    ``Thought`` (``Mao Zedong Thought`` is a doctrine), ``Mausoleum``, ``Museum``, …
``title-subject``
    the title of a work in which the person is the subject, not the author:
    ``Deng Xiaoping’s Long War: The Military Conflict … by Xiaoming Zhang`` (a possessive
    followed by a title with a colon and then, in the same sentence, ``by`` + author); in
    notes a possessive title with a colon without ``by`` (the author stands before it); a
    capitalised title word the texts also use in lower case, directly before the name after
    a comma, semicolon, bracket or opening quotation mark (``Tín, Following Ho Chi Minh``;
    honorifics such as ``Premier`` or ``Comrade`` excepted); in notes, a quoted title closed
    by a comma, and a title between the author's comma and the publication data (``Vogel,
    Deng Xiaoping and the Transformation of China (Cambridge, 2011)``). In notes this rule
    also sets aside a name in a title of which the person is the author (``Jianguo yilai
    Liu Shaoqi wengao [Liu Shaoqi’s Manuscripts …] (Beijing, 1998)``): notes are not counted,
    and telling author from subject inside a title needs more than the words give.

Counted on purpose: ``the Carter administration``, ``the Diem regime`` (the government of
the person, indexed under the person as back-of-book indexes do), compounds like
``Sihanouk–Hun Sen talks`` or ``Nehru-Bulganin declaration``, ``the ideology of Mao Zedong``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scripts.annotate import runs
from scripts.annotate.fold import Folded, fold, fold_with_map
from scripts.annotate.guard import guarded
from scripts.annotate.persons_schema import Authority, Person
from scripts.memo import IdentityMemo
from scripts.model import Document, printed_text

PLACE_NOUNS = frozenset(
    [
        "City",
        "Trail",
        "Thought",
        "Mausoleum",
        "Museum",
        "University",
        "Street",
        "Road",
        "Square",
        "Prize",
        "Avenue",
        "Boulevard",
        "Province",
        "District",
        "Bridge",
        "Airport",
        "Institute",
        "Foundation",
        "Campaign",
        "Memorial",
    ]
)
"""Capitalised nouns that, after a name, make it the name of a place, doctrine or body."""

HONORIFICS = frozenset(
    [
        "President",
        "Premier",
        "Prime",
        "Minister",
        "Chairman",
        "General",
        "Marshal",
        "Comrade",
        "Prince",
        "King",
        "Queen",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Secretary",
        "Ambassador",
        "Vice",
        "Deputy",
        "Senator",
        "Governor",
        "Emperor",
        "Colonel",
        "Admiral",
        "Captain",
        "Commander",
        "Leader",
        "Professor",
        "Sir",
        "Lord",
        "Brother",
        "Uncle",
        "Chief",
        "Director",
    ]
)
"""Capitalised words that may stand before a name without being a title of a work."""


@dataclass(frozen=True)
class Mention:
    """A person named in a run of a source's reading text."""

    person: str
    """Id of the person in the authority file."""
    source: str
    """Slug of the source."""
    location: str
    """The run (``p12``, ``fn:17``, ``h:<anchor>``, ``front1``)."""
    start: int
    """Offset of the first character in the run's printed text."""
    end: int
    """Offset just past the last character."""
    text: str
    """The printed words of the mention."""
    in_note: bool = False
    """True for a mention in a note (not counted as a body mention)."""

    @property
    def paragraph(self) -> int | None:
        """The body paragraph number, or None outside numbered body paragraphs."""
        match = re.fullmatch(r"p(\d+)", self.location)
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class FalseFriend:
    """A match of a name that is not a mention of the person, and the rule that says so."""

    person: str
    source: str
    location: str
    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Found:
    """Everything the matcher found in the sources."""

    mentions: tuple[Mention, ...]
    """Mentions in reading order, source by source."""
    false_friends: tuple[FalseFriend, ...]
    """Rejected matches with their rule."""
    ambiguous: tuple[tuple[str, str], ...] = ()
    """``(slug, short form)`` left unused in a source because it could mean several persons."""


def _key(text: str) -> str:
    """A lookup key for a (folded) form as matched: spacing normalised."""
    return re.sub(r"\.\s*", ". ", re.sub(r"\s+", " ", text)).strip()


def _pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    """A whole-word pattern for folded forms, longest first, tolerant of spacing."""
    alternatives = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        tokens = form.split()
        regex = ""
        for index, token in enumerate(tokens):
            if index:
                regex += r"\s*" if tokens[index - 1].endswith(".") else r"\s+"
            regex += re.escape(token)
        alternatives.append(regex)
    if not alternatives:
        return None
    return guarded(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


class Matcher:
    """The authority compiled for matching: full forms and short forms by folded key."""

    def __init__(self, authority: Authority) -> None:
        self.persons = authority.by_id()
        self.full: dict[str, str] = {}
        self.short: dict[str, set[str]] = {}
        for person in authority.persons:
            for form in person.full_forms:
                self.full[_key(fold(form))] = person.id
            for form in person.short:
                self.short.setdefault(_key(fold(form)), set()).add(person.id)
        self.full_pattern = _pattern(self.full)

    def usable_short(self, present: set[str]) -> dict[str, str]:
        """Short forms unambiguous in a source where ``present`` are named in full."""
        usable = {}
        for form, bearers in self.short.items():
            named = bearers & present
            if len(named) == 1:
                usable[form] = next(iter(named))
            elif not named and len(bearers) == 1:
                usable[form] = next(iter(bearers))
        return usable


def _false_friend(folded: str, start: int, end: int, in_note: bool, vocabulary: set[str]) -> str:
    """The rule that makes this match a false friend, or ``""`` for a real mention."""
    after = folded[end:]
    before = folded[:start]
    following = re.match(r"\s+([A-Z][a-z]+)", after)
    if following and following.group(1) in PLACE_NOUNS:
        return "named-after"
    possessive_title = re.match(r"'s?\s+[A-Z][^;:.()]*:", after)
    if possessive_title and (in_note or re.match(r"'s?\s+(?:(?!\.\s)[^;()])*?\sby\s+[A-Z]", after)):
        return "title-subject"
    # Only an opening mark: a straight quote may close a quotation ("…." And Ho Chi Minh).
    prefix = re.search(r"[,;\[“]\s*([A-Z][a-z]+)\s+$", before)
    if prefix and prefix.group(1) not in HONORIFICS and prefix.group(1).lower() in vocabulary:
        return "title-subject"
    if in_note and not re.search(r"\bby\s+$", before) and _in_note_title(folded, start, end):
        return "title-subject"
    return ""


def _in_note_title(folded: str, start: int, end: int) -> bool:
    """In a note: inside a quoted title closed by a comma, or a title before ``(Place, Year)``."""
    opening = folded.rfind("“", 0, start)
    if opening != -1 and folded.rfind("”", 0, start) < opening:
        closing = folded.find("”", end)
        if closing != -1 and (
            folded[closing - 1] == "," or folded[closing + 1 : closing + 2] == ","
        ):
            return True
    comma = folded.rfind(", ", 0, start)
    if comma == -1 or re.search(r"[;,]", folded[comma + 2 : start]):
        return False
    rest = re.match(r"[^,;()]*\s\(([^()]*)\)", folded[end:])
    return bool(rest and re.search(r"\d{4}", rest.group(1)))


_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")

FoldedRun = tuple[str, str, Folded]
"""A run of a document: its location, its printed text and that text folded."""


def folded_runs(document: Document) -> list[FoldedRun]:
    """Every run of a document, folded once (the vocabulary and the matcher both read it)."""
    out = []
    for location, inlines in runs(document):
        printed = printed_text(inlines)
        out.append((location, printed, fold_with_map(printed)))
    return out


def _vocabulary(folded: Iterable[Sequence[FoldedRun]]) -> set[str]:
    words: set[str] = set()
    for document in folded:
        for _, _, run in document:
            words.update(_LOWER_WORD.findall(run.text))
    return words


def lower_vocabulary(documents: Iterable[Document]) -> set[str]:
    """Every word the texts use in lower case (a capitalised word also found so is no name)."""
    return _vocabulary(folded_runs(document) for document in documents)


def _scan(
    folded: Folded, pattern: re.Pattern[str] | None, lookup: dict[str, str]
) -> list[tuple[int, int, str]]:
    if pattern is None:
        return []
    return [
        (m.start(), m.end(), lookup[_key(m.group(0))])
        for m in pattern.finditer(folded.text)
        if _key(m.group(0)) in lookup
    ]


def find_in_document(
    slug: str,
    document: Document,
    matcher: Matcher,
    vocabulary: set[str],
    folded: Sequence[FoldedRun] | None = None,
) -> tuple[list[Mention], list[FalseFriend], list[str]]:
    """Mentions, false friends and ambiguous short forms of every person in one source.

    ``folded`` is :func:`folded_runs` of the document when the caller has it already.
    """
    document_runs = folded_runs(document) if folded is None else folded
    present: set[str] = set()
    for location, _, run in document_runs:
        for start, end, person in _scan(run, matcher.full_pattern, matcher.full):
            if not _false_friend(run.text, start, end, location.startswith("fn:"), vocabulary):
                present.add(person)
    short = matcher.usable_short(present)
    ambiguous = sorted(
        form for form, bearers in matcher.short.items() if len(bearers & present) > 1
    )
    body_lookup = {**short, **matcher.full}
    body_pattern = _pattern(body_lookup)
    mentions: list[Mention] = []
    rejected: list[FalseFriend] = []
    for location, printed, run in document_runs:
        in_note = location.startswith("fn:")
        pattern, lookup = (
            (matcher.full_pattern, matcher.full) if in_note else (body_pattern, body_lookup)
        )
        for start, end, person in _scan(run, pattern, lookup):
            first, last = run.span(start, end)
            rule = _false_friend(run.text, start, end, in_note, vocabulary)
            if rule:
                rejected.append(
                    FalseFriend(person, slug, location, first, last, printed[first:last], rule)
                )
            else:
                mentions.append(
                    Mention(
                        person,
                        slug,
                        location,
                        first,
                        last,
                        printed[first:last],
                        in_note,
                    )
                )
    return mentions, rejected, ambiguous


_FOLDED: IdentityMemo[list[FoldedRun]] = IdentityMemo()
"""The folded runs of each document object (see :mod:`scripts.memo`)."""


def _folded(document: Document) -> list[FoldedRun]:
    return _FOLDED.get(document, None, lambda: folded_runs(document))


def find_mentions(documents: Sequence[tuple[str, Document]], authority: Authority) -> Found:
    """Mentions of the authority's persons in ``(slug, document)`` pairs, in reading order.

    Each document is folded once (:func:`folded_runs`), for the vocabulary and the matching.
    """
    matcher = Matcher(authority)
    folded = [_folded(document) for _, document in documents]
    vocabulary = _vocabulary(folded)
    mentions: list[Mention] = []
    rejected: list[FalseFriend] = []
    ambiguous: list[tuple[str, str]] = []
    for (slug, document), document_runs in zip(documents, folded, strict=True):
        found, false, unclear = find_in_document(slug, document, matcher, vocabulary, document_runs)
        mentions.extend(found)
        rejected.extend(false)
        ambiguous.extend((slug, form) for form in unclear)
    return Found(tuple(mentions), tuple(rejected), tuple(ambiguous))


def body_counts(found: Found) -> Counter[tuple[str, str]]:
    """Body mentions per ``(person, source)``."""
    return Counter(
        (m.person, m.source) for m in found.mentions if not m.in_note and m.paragraph is not None
    )


def tooltip(person: Person) -> str:
    """The span title: ``Lê Duẩn (1907–1986), first secretary …``."""
    years = f" ({person.years})" if person.years else ""
    return f"{person.name}{years}, {person.role}"
