"""Resolve short forms and Ibid. to the works they mean, and merge a work cited twice.

Within one source, in note order:

* a full citation is a work: the same work cited in full again, here or in another
  source, is one entry (same normalised surname of the first author or editor, titles
  equal or one a prefix of the other, same year where both give one);
* a short form (``Chanda, Brother Enemy, 260–1``) means the one work cited before it in
  the same source whose author's surname (or whole name) and title it matches (``&`` as
  ``and``, the short title a prefix, or an ordered subset, of the full one); none or more
  than one such work leaves it unresolved;
* ``Ibid.`` means the citation just before it: earlier in the same note, or else the last
  citation of the previous note; an item printed ``…, in ibid.`` is in the last
  *publication* before it (a cable cannot contain a cable). A previous note with no
  citation leaves it unresolved.

Nothing is guessed: every unresolved reference is returned with the reason, for the
source's editorial page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from scripts.annotate.citation_text import is_institution
from scripts.annotate.citations import Citation, note_citations
from scripts.annotate.fold import fold as fold_letters

ARCHIVAL = {"cable", "correspondence", "interview", "conversation", "speech", "document"}
_ARTICLES = {"the", "a", "an"}


@dataclass(frozen=True)
class NoteText:
    """A note of a source as the resolver needs it."""

    label: str
    """The note's number or mark as printed."""
    key: str
    """The note's id-safe key (anchor ``fn:<key>``)."""
    text: str
    """The note's printed text."""
    present: bool = True
    """False when the capture lost the note's text: an Ibid. after it cannot be resolved."""


@dataclass(frozen=True)
class Cited:
    """One place where a work is cited."""

    source: str
    """Slug of the source."""
    label: str
    """The note's number or mark as printed."""
    key: str
    """The note's key."""
    pages: str
    """The pages (chapter, volume) cited there; empty if none."""
    form: str
    """How it is cited there: ``full``, ``short`` or ``ibid``."""


@dataclass
class Work:
    """A work of the bibliography: described by its first full citation."""

    id: str
    """Stable anchor id, ``w-<surname>-<title words>``."""
    citation: Citation
    """The full citation that describes it."""
    cited: list[Cited] = field(default_factory=list)
    """Every citation of it, in source and note order."""


@dataclass(frozen=True)
class Reference:
    """A citation in a note and what it resolved to."""

    source: str
    """Slug of the source."""
    note: NoteText
    """The note it stands in."""
    citation: Citation
    """The citation as read."""
    work: str | None
    """Id of the work it means; None when unresolved."""
    reason: str = ""
    """Why it stays unresolved."""


@dataclass
class Bibliography:
    """The result of resolution over all sources."""

    works: list[Work] = field(default_factory=list)
    """Every work, in order of first citation."""
    references: list[Reference] = field(default_factory=list)
    """Every citation in every note, in order."""

    def work(self, work_id: str) -> Work:
        """The work with this id."""
        return next(w for w in self.works if w.id == work_id)


def fold(text: str) -> str:
    """Lower-case, accents dropped, ``&`` read as ``and``: the form names and titles match in."""
    return fold_letters(text.replace("&", " and ")).lower()


def title_tokens(title: str) -> list[str]:
    """Words of a title for matching, leading article dropped."""
    tokens = re.findall(r"\w+", fold(title))
    while tokens and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return tokens


def _core(tokens: list[str]) -> list[str]:
    """A title without its closing run of dates (``…, 1950–1975``)."""
    while len(tokens) > 1 and tokens[-1].isdigit():
        tokens = tokens[:-1]
    return tokens


def titles_match(short: str, full: str) -> bool:
    """Whether ``short`` is ``full``, a prefix of it, or an ordered subset starting with it.

    Joined without spaces too, so that a stray space of the witness (``k angFa``) does
    not part two citations of one title.
    """
    a, b = title_tokens(short), title_tokens(full)
    if not a or not b:
        return False
    if "".join(_core(a)) == "".join(_core(b)):
        return True
    joined_b = "".join(b)
    joined_a = "".join(a)
    boundaries = {sum(len(t) for t in b[:i]) for i in range(len(b) + 1)}
    if joined_b.startswith(joined_a) and len(joined_a) in boundaries:
        return True
    if a[0] != b[0]:
        return False
    position = 0
    for token in a:
        try:
            position = b.index(token, position) + 1
        except ValueError:
            return False
    return True


def _names(citation: Citation) -> tuple[str, ...]:
    return citation.authors or citation.editors


def surname(name: str, family_first: frozenset[str] = frozenset()) -> str:
    """The word a name is filed under: its last word (names are printed as in the notes).

    A name listed in ``family_first`` (printed in East Asian order, ``Lee Kuan Yew``) is
    filed under its first word; an office or body (``CCP Central Documentary Research
    Department``) under its whole name.
    """
    if is_institution(name):
        return name
    words: list[str] = re.findall(r"[\w’'\-]+", name)
    if not words:
        return name
    return words[0] if fold(name).strip(" []") in family_first else words[-1]


def names_match(short_name: str, names: Sequence[str]) -> bool:
    """A short form's author against a work's authors: whole name, last or first word."""
    wanted = fold(short_name).strip(" .")
    for name in names:
        words = fold(name).split()
        if wanted == fold(name) or (words and wanted in {words[-1], words[0]}):
            return True
    return False


def same_work(a: Citation, b: Citation) -> bool:
    """Whether two full citations describe one work."""
    if (a.kind in ARCHIVAL) != (b.kind in ARCHIVAL):
        return False
    if a.kind in ARCHIVAL:
        return a.kind == b.kind and fold(a.title) == fold(b.title) and a.date == b.date
    if a.year and b.year and a.year != b.year:
        return False
    names_a, names_b = _names(a), _names(b)
    if names_a and names_b:
        if fold(surname(names_a[0])) != fold(surname(names_b[0])):
            return False
        return titles_match(a.title, b.title) or titles_match(b.title, a.title)
    ta, tb = _core(title_tokens(a.title)), _core(title_tokens(b.title))
    return bool(ta) and "".join(ta) == "".join(tb) and a.year == b.year


def short_matches(short: Citation, work: Work) -> bool:
    """Whether a short form names this work."""
    full = work.citation
    if not short.authors or not names_match(short.authors[0], _names(full)):
        return False
    return titles_match(short.title, full.title)


def _slug(text: str, words: int) -> str:
    tokens = [t for t in re.findall(r"[a-z0-9]+", fold(text)) if t not in _ARTICLES]
    return "-".join(tokens[:words])


def work_id(citation: Citation, taken: set[str], family_first: frozenset[str] = frozenset()) -> str:
    """``w-<surname>-<first words of the title>``, made unique with a number."""
    names = _names(citation) if citation.kind not in ARCHIVAL else ()
    main_title = re.split(r"[:?]", citation.title)[0] if names else citation.title
    main_title = main_title or citation.title or citation.container
    parts = ["w"]
    if names:
        parts.append(_slug(surname(names[0], family_first), 2))
        parts.append(_slug(main_title, 4))
    else:
        parts.append(_slug(main_title, 5))
    if citation.kind in ARCHIVAL and citation.year:
        parts.append(citation.year)
    base = "-".join(p for p in parts if p)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def short_title(citation: Citation, family_first: frozenset[str] = frozenset()) -> str:
    """A short citation for tooltips: ``Chanda, Brother Enemy``."""
    names = _names(citation)
    title = citation.title
    if names:
        title = re.split(r"(?<=\w)[:?](?=\s)", citation.title)[0].strip()
    title = title or citation.container
    if citation.kind in ARCHIVAL:
        return ", ".join(p for p in (title, citation.date or citation.year) if p)
    if names:
        return f"{surname(names[0], family_first)}, {title}"
    return title


def _ranges(labels: list[str]) -> str:
    """``16–57, 60–71`` for runs of consecutive numbers; other labels as they are."""
    parts: list[str] = []
    run: list[int] = []

    def close() -> None:
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
            run.clear()

    for label in labels:
        if label.isdigit() and run and int(label) == run[-1] + 1:
            run.append(int(label))
        elif label.isdigit():
            close()
            run.append(int(label))
        else:
            close()
            parts.append(label)
    close()
    return ", ".join(parts)


class _Resolver:
    def __init__(self, family_first: frozenset[str]) -> None:
        self.family_first = family_first
        self.bib = Bibliography()
        self.taken: set[str] = set()
        self.lost: list[str] = []

    def add_full(self, citation: Citation) -> Work:
        for work in self.bib.works:
            if same_work(work.citation, citation):
                return work
        work = Work(work_id(citation, self.taken, self.family_first), citation)
        self.bib.works.append(work)
        return work

    def source(self, slug: str, notes: Sequence[NoteText]) -> None:
        seen: list[Work] = []  # works cited so far in this source, for short forms
        previous_note: list[tuple[Citation, str | None]] | None = []
        self.lost = []
        for note in notes:
            if not note.present:
                self.lost.append(note.label)
                previous_note = None
                continue
            current: list[tuple[Citation, str | None]] = []
            citations = list(note_citations(note.text))
            for index, citation in enumerate(citations):
                work, reason = self._resolve(
                    citation, index, citations, current, previous_note, seen
                )
                if (
                    citation.form == "short"
                    and work is None
                    and not (citation.marked or citation.pages)
                ):
                    continue  # "Name, words" with no locator and no "see": not a citation
                if work is not None:
                    if work not in seen:
                        seen.append(work)
                    work.cited.append(
                        Cited(slug, note.label, note.key, citation.pages, citation.form)
                    )
                current.append((citation, work.id if work else None))
                self.bib.references.append(
                    Reference(slug, note, citation, work.id if work else None, reason)
                )
            self._attach_hosts(current)
            previous_note = current

    def _resolve(
        self,
        citation: Citation,
        index: int,
        citations: list[Citation],
        current: list[tuple[Citation, str | None]],
        previous_note: list[tuple[Citation, str | None]] | None,
        seen: list[Work],
    ) -> tuple[Work | None, str]:
        if citation.form == "full":
            return self.add_full(citation), ""
        if citation.form == "short":
            matches = [w for w in seen if short_matches(citation, w)]
            if len(matches) == 1:
                return matches[0], ""
            if not matches:
                reason = "short form with no full citation earlier in this source"
                if self.lost:
                    reason += f" (the capture lost the text of notes {_ranges(self.lost)})"
                return None, reason
            return None, "short form that matches more than one work: " + ", ".join(
                w.id for w in matches
            )
        hosted = index > 0 and citations[index - 1].in_next
        before = [c for c in current if not (hosted and c[0].kind in ARCHIVAL)]
        if before:
            target = before[-1][1]
        else:
            if previous_note is None:
                return None, "Ibid. after a note whose text the capture lost"
            earlier = [c for c in previous_note if not (hosted and c[0].kind in ARCHIVAL)]
            if not previous_note:
                return None, "Ibid. after a note that cites nothing"
            if not earlier:
                return None, "Ibid. after a note with no publication it could be in"
            target = earlier[-1][1]
        if target is None:
            return None, "Ibid. refers to a citation that is itself unresolved"
        return self.bib.work(target), ""

    def _attach_hosts(self, current: list[tuple[Citation, str | None]]) -> None:
        """An archival item printed ``…, in <book>`` takes the book as its container."""
        for (item, item_id), (_, host_id) in itertools.pairwise(current):
            if not (item.in_next and item_id and host_id):
                continue
            work = self.bib.work(item_id)
            if work.citation is item and not item.container:
                host = self.bib.work(host_id).citation
                work.citation = replace(item, container=host.title)


def resolve(
    sources: Sequence[tuple[str, Sequence[NoteText]]],
    family_first: frozenset[str] = frozenset(),
) -> Bibliography:
    """Resolve the citations of every source's notes into one bibliography.

    ``family_first`` holds the (folded) names printed family name first, for work ids.
    """
    resolver = _Resolver(family_first)
    for slug, notes in sources:
        resolver.source(slug, notes)
    return resolver.bib
