"""Read one citation (a piece of a note, commentary already cut away) into its parts.

The forms the notes of the edition use, tried in this order:

1. ``Ibid., 139`` (also ``in ibid., pp. 165``): the previous citation again;
2. a study of a numbered intelligence series: ``ESAU XV-61: "Title."``;
3. an archival or unpublished item: cables, letters, talks, speeches, interviews, email
   correspondence, notes of conversation, ``X to Y, <date>`` (kind from its wording);
4. a newspaper or magazine piece: ``Author, “Title,” Paper, December 1, 2018``;
5. a chapter: ``Author, “Title,” in Editors (ed.), Book (Place, Year), pages``;
6. a journal article: ``Author, “Title,” Journal 5 (1) (winter 2009), pages``;
7. a book or report: ``Author, Title [Translation] (Place[: Publisher], Year), pages``;
8. a document with no author: ``Title, Series, July 4, 1984``;
9. a short form: ``Chanda, Brother Enemy, 260–1`` or ``Chanda, “Title.”``.

Nothing here decides *which work* a short form means: that is resolution
(:mod:`scripts.annotate.citation_resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from scripts.annotate.citation_text import (
    DATE,
    LOCATOR,
    depth_map,
    find_date,
    is_corporate,
    is_name,
    split_names,
    strip_end,
    year_of,
)


@dataclass(frozen=True)
class Citation:
    """One reference to a work inside a note."""

    start: int
    """Offset of its first character in the note's printed text."""
    end: int
    """Offset just past its last character."""
    text: str
    """Its words as the note prints them."""
    form: str
    """``full`` (the work described), ``short`` (author and short title), or ``ibid``."""
    kind: str = ""
    """``book``, ``chapter``, ``article``, ``newspaper``, ``report``, ``thesis``, ``document``,
    ``interview``, ``correspondence``, ``conversation``, ``speech``, ``cable``; empty for a
    short form or Ibid. until resolved."""
    authors: tuple[str, ...] = ()
    """Authors as printed (or the participants of a conversation)."""
    editors: tuple[str, ...] = ()
    """Editors of the work itself (``Westad and Quinn-Judge (eds.)``)."""
    title: str = ""
    """Title as printed (without quotation marks); a description for archival items."""
    translation: str = ""
    """The bracketed English translation of a title in another language."""
    container: str = ""
    """Journal, newspaper, book (of a chapter), series or collection."""
    container_editors: tuple[str, ...] = ()
    """Editors of the book a chapter is in."""
    volume: str = ""
    """Volume of the journal, or the volumes of a multi-volume book (``13 vols.``)."""
    issue: str = ""
    """Issue number of the journal."""
    place: str = ""
    """Place of publication."""
    publisher: str = ""
    """Publisher, where the note gives one."""
    year: str = ""
    """Year of publication (or of the item)."""
    date: str = ""
    """Full date where printed (newspapers, cables, conversations)."""
    pages: str = ""
    """The pages (or chapter, volume) this citation points to."""
    url: str = ""
    """A web address the note gives."""
    in_next: bool = False
    """True for an archival item printed ``…, in <next citation>``: the next is its container."""
    marked: bool = False
    """True when the note introduces it as a reference (``See``, ``cited in``): a short form
    that does not resolve is still a citation then."""


_ARCHIVAL = [
    (re.compile(r"\b(?:cables?|telegrams?)\b", re.I), "cable"),
    (re.compile(r"\b(?:letters?|email correspondence|correspondence)\b", re.I), "correspondence"),
    (re.compile(r"\binterviews?\b", re.I), "interview"),
    (re.compile(r"\b(?:talks?|conversations?|meetings?)\b", re.I), "conversation"),
    (re.compile(r"\b(?:speech|speeches|remarks|address)\b", re.I), "speech"),
]
_ARCHIVAL_HEAD = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,3}?’s\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:cables?|telegrams?|letters?|talks?|speech|remarks|interviews?|reply|statement)\b"
    r"|(?:Cable|Telegram|Letter|Interview|Email correspondence|Notes of conversation|"
    r"Memorandum of conversation|Conversation|Speech)\b"
    r"|(?:the\s+)?speech\b)",
)
_PERSON_TO_PERSON = re.compile(r"^(?P<from>[A-Z][^,;]*?) to (?P<to>[A-Z][^,;]*?), (?P<date>.+)$")
_MEETING = re.compile(r"^(?P<who>[^,]+? and [^,]+?), (?P<place>[A-Z][\w ]+), (?P<date>.+)$")
_SERIES_STUDY = re.compile(
    r"^(?P<series>[A-Z]{2,})[\s-]+(?P<number>[IVXLC]+-\d{2})\s*:?\s*[\"“](?P<title>.+?)[.,]?[\"”]$"
)
_IBID = re.compile(r"^(?:in\s+)?(?:Footnote\s+)?[Ii]bid\.?(?:,?\s*(?P<loc>.+))?$")
_QUOTED = re.compile(r"^(?:(?P<auth>[^“]+?),\s*)?“(?P<title>.+?)[,.]?”\s*(?P<rest>.*)$")
_TRANSLATION = re.compile(r"^\s*\[(?P<tr>[^\]]+)\]\s*,?\s*")
_PUB = re.compile(r"\((?P<inner>[^()]*(?:\[\d{4}\]\s*)?\d{4}(?:[–-]\d{1,4})?)\)")
_JOURNAL = re.compile(
    r"^(?P<journal>[^,()]+?)\s+(?P<volume>\d+)(?::(?P<issue1>\d+)|\s*\((?P<issue>\d+)\))?"
    r"\s*\((?P<date>[^()]+)\)(?P<rest>.*)$"
)
_JOURNAL_NO = re.compile(
    r"^(?P<journal>[^,]+?(?:\s*\([^()]+\))?),\s*(?P<issue>No\.\s*\d+)\s*(?:\((?P<y1>\d{4})\)|,\s*(?P<y2>\d{4}))"
    r"(?P<rest>.*)$"
)
_NEWSPAPER = re.compile(rf"^(?P<paper>[^,]+),\s*(?P<date>{DATE.pattern})(?:,\s*(?P<pages>.+))?$")
_SERIES_TAIL = re.compile(
    r",\s*(?P<series>[A-Z][^,]*?\b(?:Papers?|Series|Studies|Monographs?)\b[^,]*?\s\d+)$"
)
_SERIES_WORDS = re.compile(r"\b(?:Working Papers?|Papers on|Series)\b")
_VOLUMES = re.compile(r",\s*(?P<vols>\d+ vols\.)$")
_EDITOR_MARK = re.compile(r"\s*\((?:ed|eds)\.\)$")
_CORPORATE_ED = re.compile(r"^(?P<who>[^,]+?),?\s+ed\.,?\s+(?P<rest>.+)$")
_ED_BY = re.compile(r",\s*ed\. by\s+(?P<eds>[^()]+?)\s*$")


def _locator(rest: str) -> tuple[str, str]:
    """Split ``rest`` (after the publication data) into (pages, url)."""
    rest = strip_end(rest.strip().lstrip(",:").strip())
    url = ""
    found = re.search(r"(?:https?://|www\.)\S+", rest)
    if found:
        url = strip_end(found.group(0))
        rest = strip_end(rest[: found.start()].rstrip(": ,"))
    return rest, url


def _people(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(authors, editors) of an author field; both empty when it is not a name list."""
    text = text.strip()
    if _EDITOR_MARK.search(text):
        names = split_names(_EDITOR_MARK.sub("", text))
        return (), names
    names = split_names(text)
    return names, ()


def _publication(inner: str) -> tuple[str, str, str, str]:
    """(place, publisher, year, date) from the parenthesis ``(Place: Publisher, Year)``."""
    year = year_of(re.sub(r"\[\d{4}\]", "", inner)) or year_of(inner)
    date_match = find_date(inner)
    head = inner[: date_match.start()] if date_match else inner
    head = head.strip().rstrip(",").strip()
    date = (
        date_match.group(0)
        if date_match and not re.fullmatch(r"\d{4}", date_match.group(0))
        else ""
    )
    head = re.sub(r",?\s*\[\d{4}\]$", "", head).strip()
    if ":" in head:
        place, publisher = (part.strip() for part in head.split(":", 1))
    elif re.search(r"\b(?:Centre|Center|Board|Press|University|Archives|Institute)\b", head):
        place, publisher = "", head
    else:
        place, publisher = head, ""
    return place, publisher, year, date


def _book(head: str, inner: str, tail: str) -> dict[str, object]:
    """Fields of ``Author, Title [Translation] (inner) tail``."""
    fields: dict[str, object] = {}
    head = head.strip().rstrip(",").strip()
    editors: tuple[str, ...] = ()
    ed_by = _ED_BY.search(head)
    if ed_by:
        editors = split_names(ed_by.group("eds")) or (ed_by.group("eds").strip(),)
        head = head[: ed_by.start()]
    volumes = _VOLUMES.search(head)
    if volumes:
        fields["volume"] = volumes.group("vols")
        head = head[: volumes.start()]
    translation = re.search(r"\s*\[(?P<tr>[^\]]+)\]\s*,?$", head)
    if translation:
        fields["translation"] = translation.group("tr")
        head = head[: translation.start()].rstrip(", ")
    series = _SERIES_TAIL.search(head)
    if series:
        fields["container"] = series.group("series")
        head = head[: series.start()]
    authors: tuple[str, ...] = ()
    corporate = _editor_first(head)
    if corporate:
        editors, title = corporate
    else:
        who_end = _author_end(head)
        if who_end:
            authors, editors_here = _people(head[:who_end])
            editors = editors or editors_here
            title = head[who_end + 1 :]
        else:
            title = head
    fields["authors"] = authors
    fields["editors"] = editors
    fields["title"] = title.strip().strip("“”").rstrip(",").strip()
    place, publisher, year, date = _publication(inner)
    fields.update(place=place, publisher=publisher, year=year, date=date)
    pages, url = _locator(tail)
    fields.update(pages=pages, url=url)
    return fields


def _editor_first(text: str) -> tuple[tuple[str, ...], str] | None:
    """``CCP Central Documentary Research Department, ed., Title`` → ((editor,), title)."""
    match = _CORPORATE_ED.match(text)
    if not match:
        return None
    who = re.sub(r"^the\s+", "", match.group("who").strip())
    if not (is_name(who) or is_corporate(who)):
        return None
    return (who,), match.group("rest")


def _author_end(head: str) -> int:
    """Index of the comma that ends the author field of ``head``, or 0 when none does.

    The author field is the longest run of names before a comma: ``A, B, and C (eds.),``.
    """
    depths = depth_map(head)
    commas = [i for i, ch in enumerate(head) if ch == "," and depths[i] == 0]
    best = 0
    for i in commas:
        candidate = head[:i]
        several = "," in candidate
        if _people(candidate) != ((), ()) and (
            not several or " and " in candidate or _EDITOR_MARK.search(candidate)
        ):
            best = i
        elif best:
            break
    return best


def _archival_kind(text: str) -> str:
    """The kind of an archival item from its opening words, or ``""`` if it is not one."""
    if _ARCHIVAL_HEAD.match(text):
        opening = text[:120]
        for pattern, kind in _ARCHIVAL:
            if pattern.search(opening):
                return kind
        return "document"
    person = _PERSON_TO_PERSON.match(text)
    if (
        person
        and is_corporate(person.group("from"))
        and (is_name(person.group("to")) or is_corporate(person.group("to")))
        and DATE.match(person.group("date"))
    ):
        return "cable"
    meeting = _MEETING.match(text)
    if meeting and split_names(meeting.group("who")) and DATE.match(meeting.group("date")):
        return "conversation"
    return ""


def _archival(text: str, kind: str) -> dict[str, object]:
    """Fields of an archival item: its description, date, and where it was published."""
    fields: dict[str, object] = {"kind": kind}
    dates = list(DATE.finditer(text))
    pub = _PUB.search(text)
    if pub and dates and dates[0].start() < pub.start():
        # Interview with X, 1994, Collection (Publisher, 1998)
        first = dates[0]
        fields["title"] = strip_end(text[: first.start()]).rstrip(",")
        fields["date"] = first.group(0)
        fields["container"] = strip_end(text[first.end() : pub.start()]).strip(", ")
        place, publisher, year, _ = _publication(pub.group("inner"))
        fields.update(place=place, publisher=publisher, year=year)
        fields["pages"], fields["url"] = _locator(text[pub.end() :])
        return fields
    last = dates[-1] if dates else None
    pages, url = _locator(text[last.end() :]) if last else ("", "")
    if last and (not pages or LOCATOR.fullmatch(pages)):
        fields["title"] = strip_end(text[: last.start()]).rstrip(",").strip()
        fields["date"] = last.group(0)
        fields["year"] = year_of(last.group(0))
        fields["pages"], fields["url"] = pages, url
    else:
        # the date stands inside the description (``reply on 10 March 1965 to …``)
        fields["title"] = strip_end(text)
        if dates:
            fields["date"] = dates[0].group(0)
            fields["year"] = year_of(dates[0].group(0))
    if kind == "conversation":
        meeting = _MEETING.match(text)
        if meeting:
            fields["authors"] = split_names(meeting.group("who"))
    return fields


def _quoted(match: re.Match[str]) -> dict[str, object] | None:
    """Fields of a citation with a quoted title: newspaper, chapter, article, report."""
    author_text = match.group("auth") or ""
    authors, editors = _people(author_text) if author_text else ((), ())
    if author_text and not (authors or editors):
        return None
    title = match.group("title").strip()
    rest = match.group("rest").strip()
    fields: dict[str, object] = {"authors": authors, "editors": editors, "title": title}
    translation = _TRANSLATION.match(rest)
    if translation:
        fields["translation"] = translation.group("tr")
        rest = rest[translation.end() :]
    rest = rest.lstrip(",").strip()
    if rest.startswith("in "):
        inner = read(rest[3:])
        if inner is None or inner.form != "full":
            return None
        fields.update(
            kind="chapter",
            container=inner.title,
            container_editors=inner.editors or inner.authors,
            place=inner.place,
            publisher=inner.publisher,
            year=inner.year,
            date=inner.date,
            pages=inner.pages,
            volume=inner.volume,
            url=inner.url,
        )
        if inner.translation:
            fields["container"] = f"{inner.title} [{inner.translation}]"
        if "Working Paper" in inner.container:
            fields.update(kind="report", container=inner.container)
        return fields
    journal = _JOURNAL.match(rest)
    if journal and _SERIES_WORDS.search(journal.group("journal")):
        place, publisher, year, date = _publication(journal.group("date"))
        pages, url = _locator(journal.group("rest"))
        fields.update(
            kind="report",
            container=f"{journal.group('journal')} {journal.group('volume')}",
            place=place,
            publisher=publisher,
            year=year,
            date=date,
            pages=pages,
            url=url,
        )
        return fields
    if journal:
        pages, url = _locator(journal.group("rest"))
        fields.update(
            kind="article",
            container=journal.group("journal").strip(),
            volume=journal.group("volume"),
            issue=journal.group("issue") or journal.group("issue1") or "",
            date=journal.group("date"),
            year=year_of(journal.group("date")),
            pages=pages,
            url=url,
        )
        return fields
    numbered = _JOURNAL_NO.match(rest)
    if numbered:
        pages, url = _locator(numbered.group("rest"))
        fields.update(
            kind="article",
            container=numbered.group("journal").strip(),
            issue=numbered.group("issue"),
            year=numbered.group("y1") or numbered.group("y2") or "",
            pages=pages,
            url=url,
        )
        return fields
    paper = _NEWSPAPER.match(rest)
    if paper:
        fields.update(
            kind="newspaper",
            container=paper.group("paper").strip(),
            date=paper.group("date"),
            year=year_of(paper.group("date")),
            pages=strip_end(paper.group("pages") or ""),
        )
        return fields
    pub = _PUB.search(rest)
    if pub:
        container = strip_end(rest[: pub.start()]).rstrip(",")
        place, publisher, year, date = _publication(pub.group("inner"))
        pages, url = _locator(rest[pub.end() :])
        kind = "thesis" if re.search(r"\bthesis|dissertation\b", container, re.I) else "report"
        fields.update(
            kind=kind,
            container=container,
            place=place,
            publisher=publisher,
            year=year,
            date=date,
            pages=pages,
            url=url,
        )
        return fields
    pages, url = _locator(rest)
    if not rest:
        return None
    if url or LOCATOR.fullmatch(pages or "x"):
        # a paper known by its title and web address alone
        fields.update(kind="report", pages=pages, url=url)
        return fields
    return None


def _unquoted_article(text: str) -> dict[str, object] | None:
    """``Author, review of …, Journal 5 (1) (winter 2009), pages`` or an untitled issue.

    The last top-level comma chunk before the pages reads as ``Journal vol (issue) (date)``.
    """
    depths = depth_map(text)
    commas = [-1] + [i for i, ch in enumerate(text) if ch == "," and depths[i] == 0]
    for comma in commas:
        journal = _JOURNAL.match(text[comma + 1 :].strip())
        if not journal or not DATE.fullmatch(journal.group("date").strip()):
            continue
        if _SERIES_WORDS.search(journal.group("journal")):
            return None
        head = text[: max(comma, 0)]
        who_end = _author_end(head)
        authors = _people(head[:who_end])[0] if who_end else ()
        title = head[who_end + 1 :] if who_end else head
        pages, url = _locator(journal.group("rest"))
        return {
            "kind": "article",
            "authors": authors,
            "title": title.strip(),
            "container": journal.group("journal").strip(),
            "volume": journal.group("volume"),
            "issue": journal.group("issue") or journal.group("issue1") or "",
            "date": journal.group("date"),
            "year": year_of(journal.group("date")),
            "pages": pages,
            "url": url,
        }
    return None


def _with_unclosed_quote(text: str) -> str:
    """Restore, for reading only, a closing quote the capture lost before a journal's name.

    ``Kosal Path, “Title,International Journal of Asian Studies 8 (2) (2011)`` reads as
    ``…Title,” International…``; the citation's own text is never changed.
    """
    if "“" in text and "”" not in text:
        return re.sub(r",(?=[A-Z])", ",” ", text, count=1)
    return text


def read(piece: str) -> Citation | None:
    """Read a piece of a note (commentary cut away) as one citation; None if it is not one."""
    text = strip_end(piece)
    if not text:
        return None
    end = len(piece.rstrip())

    def make(form: str, **fields: object) -> Citation:
        return replace(Citation(0, end, piece[:end], form), **fields)  # type: ignore[arg-type]

    ibid = _IBID.match(text)
    if ibid:
        return make("ibid", pages=strip_end(ibid.group("loc") or ""))
    study = _SERIES_STUDY.match(piece.strip())
    if study:
        return make(
            "full",
            kind="report",
            title=study.group("title"),
            container=study.group("series"),
            volume=study.group("number"),
        )
    kind = _archival_kind(text)
    if kind:
        return make("full", **_archival(text, kind))
    quoted = _QUOTED.match(_with_unclosed_quote(text))
    if quoted:
        fields = _quoted(quoted)
        if fields:
            return make("full", **fields)
    article = _unquoted_article(text)
    if article:
        return make("full", **article)
    pubs = [m for m in _PUB.finditer(text) if depth_map(text)[m.start()] == 0]
    if pubs:
        pub = pubs[-1]
        fields = _book(text[: pub.start()], pub.group("inner"), text[pub.end() :])
        pages = str(fields["pages"])
        if not fields["title"] or (pages and not LOCATOR.fullmatch(pages)):
            # words after the publication data that are no page numbers: not a book
            return _document(text, make)
        fields["kind"] = "report" if "Working Paper" in str(fields.get("container", "")) else "book"
        return make("full", **fields)
    return _short_or_document(text, make)


def _short_or_document(text: str, make: object) -> Citation | None:
    """A short form (``Chanda, Brother Enemy, 260–1``) or an authorless dated document."""
    assert callable(make)
    first, _, rest = text.partition(",")
    corporate = _editor_first(text)
    if corporate:
        authors, rest = corporate
    elif rest and is_name(first):
        authors = (first.strip().rstrip(".").strip("[]"),)
    else:
        return _document(text, make)
    rest = rest.strip()
    pages = ""
    parts = rest.rsplit(", ", 2)
    for cut in (2, 1):
        if len(parts) > cut:
            tail = ", ".join(parts[-cut:])
            if LOCATOR.fullmatch(tail):
                pages = tail
                rest = ", ".join(parts[:-cut])
                break
    title = rest.strip().strip("“”").strip().rstrip(".,").strip("“”")
    if not title or len(title.split()) > 14:
        return None
    return make("short", authors=authors, title=title, pages=pages)  # type: ignore[no-any-return]


def _document(text: str, make: object) -> Citation | None:
    """``Title, Series, July 4, 1984``: a dated publication with no author (information notes)."""
    assert callable(make)
    date = find_date(text)
    if not date or date.end() < len(text) - 60 or re.fullmatch(r"\d{4}", date.group(0)):
        return None
    depths = depth_map(text)
    commas = [i for i, ch in enumerate(text[: date.start()]) if ch == "," and depths[i] == 0]
    if not commas:
        return None
    title = text[: commas[0]]
    if len(title.split()) < 3:
        return None
    container = text[commas[0] + 1 : date.start()].strip(" ,")
    glued = text[date.start() - 1] == "/"
    if glued:
        # ``BBC/SWB/FE/6242/11 October 1979``: the date is part of a reference number
        container = text[commas[0] + 1 : date.end()].strip()
    tail = text[date.end() :].strip(" ,")
    return make(  # type: ignore[no-any-return]
        "full",
        kind="document",
        title=title,
        container=container,
        date="" if glued else date.group(0),
        year=year_of(date.group(0)),
        pages=strip_end(tail) if LOCATOR.fullmatch(strip_end(tail) or "x") else "",
    )
